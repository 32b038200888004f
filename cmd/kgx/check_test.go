package main

import (
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

// TestCheckCuration: kgx check verifies the curation log. A record that
// does not decode fails the check (exit 1); one that names no entity any
// more is a warning, and a failure with --strict.
func TestCheckCuration(t *testing.T) {
	db := seedStore(t)
	if code, _, stderr := runKgx(t, "", "--db", db, "alias", "add", "Kim Jong Un", "Marshal Kim"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := runKgx(t, "", "--db", db, "check")
	if code != 0 || !strings.Contains(out, "1 curation records: ok") || stderr != "" {
		t.Fatalf("check: exit %d\n%s%s", code, out, stderr)
	}

	// A decision recorded behind the CLI's back (the CLI refuses names that
	// match nothing) about an entity no document mentions.
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.AddCuration(graph.Curation{Op: graph.OpMerge, Name: "Kim Jong Un", Other: "Nobody Atall"})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr = runKgx(t, "", "--db", db, "check")
	if code != 0 || !strings.Contains(stderr, `warning: U/2: curation merge "Kim Jong Un" "Nobody Atall": no entity named "Nobody Atall"`) {
		t.Errorf("check with a stale record: exit %d (want 0)\n%s%s", code, out, stderr)
	}
	code, out, _ = runKgx(t, "", "--db", db, "check", "--strict")
	if code != 1 || !strings.Contains(out, `U/2: curation merge`) || !strings.Contains(out, "1 problems") {
		t.Errorf("check --strict with a stale record: exit %d (want 1)\n%s", code, out)
	}

	// Corrupt the first record (key 'U' + sequence number 1, big endian).
	bdb, err := badger.Open(badger.DefaultOptions(db).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(txn *badger.Txn) error { return txn.Set([]byte{'U', 0, 0, 0, 0, 0, 0, 0, 1}, []byte{1, '{'}) })
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check"}, {"check", "--repair"}} {
		code, out, _ = runKgx(t, "", append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(out, "U/1: curation record does not decode") {
			t.Errorf("%v on a corrupt record: exit %d (want 1)\n%s", args, code, out)
		}
	}
}
