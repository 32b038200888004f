//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestImportPipe: a dump read from a named pipe (as from a shell's
// <(zcat backup.jsonl.gz)), which cannot be read twice, is copied to a
// temporary file first, like standard input.
func TestImportPipe(t *testing.T) {
	_, dump := curatedDump(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	fifo := filepath.Join(t.TempDir(), "backup.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.Write(dump)
		f.Close()
	}()
	db := filepath.Join(t.TempDir(), "kgx.db")
	code, _, stderr := runKgx(t, "", "--db", db, "import", fifo)
	if code != 0 || !strings.Contains(stderr, "imported 5 documents (0 already stored)") {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the temporary copy of the pipe is left: %v", left)
	}
	if again := exportJSONL(t, db); !bytes.Equal(again, dump) {
		t.Errorf("the store imported from a pipe exports differently:\n%s", firstDiff(string(dump), string(again)))
	}
}
