package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTagAndEvalCommands(t *testing.T) {
	in := "-DOCSTART-\tO\n\nSergei\tB-PERSON\nShoigu\tI-PERSON\nvisited\tO\nPyongyang\tB-GPE\n.\tO\n"
	code, out, stderr := runKgx(t, in, "tag", "-")
	if code != 0 {
		t.Fatalf("tag exited %d: %s", code, stderr)
	}
	if got, want := strings.Count(out, "\n"), strings.Count(in, "\n"); got != want {
		t.Fatalf("tag wrote %d lines for %d:\n%s", got, want, out)
	}
	if !strings.Contains(out, "Shoigu\tI-PERSON\tI-PERSON\n") {
		t.Errorf("tag output:\n%s", out)
	}
	tagged := filepath.Join(t.TempDir(), "x.tagged")
	writeFile(t, tagged, out)
	code, out, stderr = runKgx(t, "", "eval", "ner", "--tagged", tagged)
	if code != 0 {
		t.Fatalf("eval exited %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "micro") {
		t.Errorf("eval output does not end with micro:\n%s", out)
	}
	code, out, _ = runKgx(t, "", "eval", "ner", "--places", "../../testdata/ner/heldout-uner.conll")
	if code != 0 || !strings.Contains(out, "PLACE") {
		t.Errorf("eval --places: exit %d\n%s", code, out)
	}
}

func TestTagEvalTrainUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"tag", "--model", "spacy"}, 2, "--model"},
		{[]string{"tag", "no-such-file.conll"}, 1, "no-such-file.conll"},
		{[]string{"eval", "ner"}, 2, "requires at least 1 arg"},
		{[]string{"eval", "ner", "--model", "x", "f"}, 2, "--model"},
		{[]string{"eval", "ner", "no-such-file.conll"}, 1, "no-such-file.conll"},
		{[]string{"train", "pos"}, 2, "--data"},
		{[]string{"train", "tagger", "--data", "."}, 2, "pos or ner"},
		{[]string{"train", "pos", "--data", "no-such-dir"}, 1, "no-such-dir"},
	}
	for _, tt := range tests {
		code, _, stderr := runKgx(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("kgx %v: exit %d, stderr %q; want exit %d mentioning %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
