package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCurationCommands(t *testing.T) {
	db := seedStore(t)
	kgx := func(args ...string) (int, string, string) {
		return runKgx(t, "", append([]string{"--db", db}, args...)...)
	}
	csv := filepath.Join(t.TempDir(), "aliases.csv")
	if err := os.WriteFile(csv, []byte("name,alias\nKim Jong Un,Marshal Kim\nNorth Korea,Pukhan\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		out  string // in stdout (or stderr when code != 0)
	}{
		{[]string{"rename", "Sergei Shoigu", "Sergei K. Shoigu"}, 0, "Sergei K. Shoigu"},
		{[]string{"alias", "add", "Vladimir Putin", "V. V. Putin"}, 0, "V. V. Putin [curated alias]"},
		{[]string{"alias", "import", csv}, 0, "Pukhan [curated alias]"},
		{[]string{"ignore", "Furthermore"}, 0, ""},
		{[]string{"merge", "Nobody Here", "Kim Jong Un"}, 1, `no entity named "Nobody Here"`},
		{[]string{"merge", "Kim Jong Un", "Kim Jong Un"}, 2, "the two names are the same"},
		{[]string{"split", "North Korea", "South Korea"}, 2, "is not part of"},
		{[]string{"split", "Kim Jong Un", "Jong-un"}, 0, "Jong-un"},
		{[]string{"merge", "Kim Jong Un", "Jong-un"}, 0, "Jong-un [partial name]"}, // the split is undone; the automatic rule explains
	} {
		code, out, stderr := kgx(tc.args...)
		got := out
		if tc.code != 0 {
			got = stderr
		}
		if code != tc.code || !strings.Contains(got, tc.out) {
			t.Errorf("kgx %q: exit %d, want %d; output %q, want %q in it (stderr %q)", tc.args, code, tc.code, got, tc.out, stderr)
		}
	}
	// Curation survives re-ingest and shows in show and curation.
	if code, _, stderr := kgx("ingest", "../../testdata/news"); code != 0 {
		t.Fatalf("re-ingest: %s", stderr)
	}
	code, out, _ := kgx("show", "Shoigu")
	if code != 0 || !strings.HasPrefix(out, "Sergei K. Shoigu (PERSON)") || !strings.Contains(out, "Shoigu  [surname]") {
		t.Errorf("show after curation: %d %q", code, out)
	}
	if code, _, _ := kgx("show", "Furthermore"); code != 1 {
		t.Errorf("ignored entity still shown (exit %d)", code)
	}
	_, out, _ = kgx("curation")
	if n := strings.Count(out, "\n"); n != 7 {
		t.Errorf("curation lists %d records, want 7:\n%s", n, out)
	}
}

// TestIngestOrderIndependent ingests the seed articles one at a time in
// several orders and requires the same entities (ids included) and
// relations each time.
func TestIngestOrderIndependent(t *testing.T) {
	files, err := filepath.Glob("../../testdata/news/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seed corpus: %v, %d files", err, len(files))
	}
	orders := [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}}
	var want string
	for n, order := range orders {
		db := filepath.Join(t.TempDir(), "kgx.db")
		for _, i := range order {
			if code, _, stderr := runKgx(t, "", "--db", db, "ingest", files[i]); code != 0 {
				t.Fatalf("ingest %s: %s", files[i], stderr)
			}
		}
		_, ents, _ := runKgx(t, "", "--db", db, "entities", "--json")
		_, rels, _ := runKgx(t, "", "--db", db, "relations", "--json")
		if !strings.Contains(ents, `"Sergei Shoigu"`) {
			t.Fatalf("order %v: no Sergei Shoigu in %s", order, ents)
		}
		got := ents + rels
		if n == 0 {
			want = got
		} else if got != want {
			t.Errorf("order %v gives different entities or relations than %v", order, orders[0])
		}
	}
}
