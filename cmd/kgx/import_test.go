package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/graph"
)

// curatedDump ingests testdata/news, records one curation of each kind and
// exports the store as JSONL; it returns the store and the dump.
func curatedDump(t *testing.T) (db string, dump []byte) {
	t.Helper()
	db = seedStore(t)
	for _, args := range [][]string{
		{"alias", "add", "Kim Jong Un", "Marshal Kim"},
		{"merge", "Korean Peninsula", "Korean"},
		{"rename", "Trump", "Donald Trump"},
		{"ignore", "Western"},
	} {
		if code, _, stderr := runKgx(t, "", append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	return db, exportJSONL(t, db)
}

func exportJSONL(t *testing.T, db string) []byte {
	t.Helper()
	code, out, stderr := runKgx(t, "", "--db", db, "export", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	return []byte(out)
}

func TestImportRoundTrip(t *testing.T) {
	_, dump := curatedDump(t)
	if !bytes.Contains(dump, []byte(`"kind":"curation"`)) {
		t.Fatal("the dump has no curation records")
	}
	file := filepath.Join(t.TempDir(), "backup.jsonl")
	if err := os.WriteFile(file, dump, 0o644); err != nil {
		t.Fatal(err)
	}
	db2 := filepath.Join(t.TempDir(), "restored.db")
	code, _, stderr := runKgx(t, "", "--db", db2, "import", file)
	if code != 0 || !strings.Contains(stderr, "imported 5 documents (0 already stored), 4 curation records") {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	if again := exportJSONL(t, db2); !bytes.Equal(again, dump) {
		t.Errorf("the restored store exports differently:\n%s", firstDiff(string(dump), string(again)))
	}
	if code, out, _ := runKgx(t, "", "--db", db2, "check"); code != 0 {
		t.Errorf("check on the restored store: exit %d\n%s", code, out)
	}
	// Importing again (an interrupted import finished, or a repeat) stores
	// nothing twice.
	code, _, stderr = runKgx(t, string(dump), "--db", db2, "import", "-")
	if code != 0 || !strings.Contains(stderr, "imported 0 documents (5 already stored), 0 curation records (4 already recorded)") {
		t.Fatalf("second import: exit %d: %s", code, stderr)
	}
	if again := exportJSONL(t, db2); !bytes.Equal(again, dump) {
		t.Errorf("a second import changed the store:\n%s", firstDiff(string(dump), string(again)))
	}
}

func TestImportRefusesBadDumps(t *testing.T) {
	db1, dump := curatedDump(t)
	lines := strings.SplitAfter(string(dump), "\n")
	edit := func(f func(ls []string) []string) string {
		return strings.Join(f(append([]string(nil), lines...)), "")
	}
	// A line of a given kind, by its first index.
	index := func(kind string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, `{"kind":"`+kind+`"`) {
				return i
			}
		}
		t.Fatalf("no %s line", kind)
		return -1
	}
	tests := []struct {
		name, dump, stderr string
	}{
		{"empty", "", "empty input"},
		{"not JSON", edit(func(ls []string) []string { ls[2] = "{oops\n"; return ls }), "bad.jsonl: bad kgx jsonl: line 3: not JSON"},
		{"truncated", edit(func(ls []string) []string { return ls[:len(ls)/2] }), "truncated or edited"},
		{"newer version", edit(func(ls []string) []string {
			ls[0] = strings.Replace(ls[0], `"version":1`, `"version":99`, 1)
			return ls
		}), "line 1: dump version 99"},
		{"unknown kind", edit(func(ls []string) []string {
			return append(ls, `{"kind":"martian"}`+"\n")
		}), "unknown record kind"},
		{"entity edited", edit(func(ls []string) []string {
			i := index("entity")
			ls[i] = strings.Replace(ls[i], `"mentions":`, `"mentions":1000`, 1)
			return ls
		}), "is not what the facts resolve to"},
		{"facts edited", edit(func(ls []string) []string {
			i := index("facts")
			ls[i] = strings.Replace(ls[i], `"hash":"`, `"hash":"x`, 1)
			return ls
		}), "is not what the facts resolve to"},
		{"no content hash", edit(func(ls []string) []string {
			// Consistent, but the store needs a hash to store a document.
			h := regexp.MustCompile(`"hash":"([^"]*)"`).FindStringSubmatch(ls[index("document")])[1]
			for i := range ls {
				ls[i] = strings.ReplaceAll(ls[i], `"hash":"`+h+`"`, `"hash":""`)
			}
			return ls
		}), fmt.Sprintf("bad.jsonl: bad kgx jsonl: line %d: document %s: document has no content hash", index("facts")+1, regexp.MustCompile(`"id":"([^"]*)"`).FindStringSubmatch(lines[index("facts")])[1])},
		{"bad line in the middle", edit(func(ls []string) []string {
			i := index("facts") + 2
			ls[i] = ls[i][:len(ls[i])/2] + "\n"
			return ls
		}), fmt.Sprintf("bad.jsonl: bad kgx jsonl: line %d: not JSON", index("facts")+3)},
		{"relation evidence edited", edit(func(ls []string) []string {
			i := index("relation")
			ls[i] = strings.Replace(ls[i], `"sentence":"`, `"sentence":"Reportedly, `, 1)
			return ls
		}), fmt.Sprintf("bad.jsonl: bad kgx jsonl: line %d: record %d (counting in written order) is not what the facts resolve to: {\"kind\":\"relation\"", index("relation")+1, index("relation")+1)},
		{"co-mention dropped", edit(func(ls []string) []string {
			ls[0] = regexp.MustCompile(`"co_mentions":(\d+)`).ReplaceAllStringFunc(ls[0], func(m string) string {
				var n int
				fmt.Sscanf(m, `"co_mentions":%d`, &n)
				return fmt.Sprintf(`"co_mentions":%d`, n-1)
			})
			i := index("co_mention")
			return append(ls[:i], ls[i+1:]...)
		}), "the facts and curations resolve to other counts than the dump's records"},
		{"facts twice", edit(func(ls []string) []string {
			ls[0] = regexp.MustCompile(`"facts":(\d+)`).ReplaceAllStringFunc(ls[0], func(m string) string {
				var n int
				fmt.Sscanf(m, `"facts":%d`, &n)
				return fmt.Sprintf(`"facts":%d`, n+1)
			})
			i := index("facts")
			return append(ls[:i+1], ls[i:]...)
		}), fmt.Sprintf("line %d: two facts records for document", index("facts")+2)},
		{"bad curation", edit(func(ls []string) []string {
			i := index("curation")
			ls[i] = `{"kind":"curation","op":"explode","name":"Kim Jong Un"}` + "\n"
			return ls
		}), "unknown operation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "bad.jsonl")
			if err := os.WriteFile(file, []byte(tt.dump), 0o644); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(dir, "kgx.db")
			code, _, stderr := runKgx(t, "", "--db", db, "import", file)
			if code != 1 || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want 1), stderr %q (want %q)", code, stderr, tt.stderr)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("a refused import created the store")
			}
		})
	}

	// An earlier backup of a store that has recorded more since adds
	// nothing; a dump whose curation log and the store's differ is refused,
	// and the store left as it was.
	file := filepath.Join(t.TempDir(), "backup.jsonl")
	if err := os.WriteFile(file, dump, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runKgx(t, "", "--db", db1, "alias", "add", "Sergei Shoigu", "Defence Secretary"); code != 0 {
		t.Fatal(stderr)
	}
	t.Run("earlier backup", func(t *testing.T) {
		before := exportJSONL(t, db1)
		code, _, stderr := runKgx(t, "", "--db", db1, "import", file)
		if code != 0 || !strings.Contains(stderr, "imported 0 documents (5 already stored), 0 curation records (4 already recorded)") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
		if after := exportJSONL(t, db1); !bytes.Equal(before, after) {
			t.Error("importing an earlier backup changed the store")
		}
	})
	t.Run("other curation", func(t *testing.T) {
		other := seedStore(t)
		if code, _, stderr := runKgx(t, "", "--db", other, "alias", "add", "Sergei Shoigu", "Defence Secretary"); code != 0 {
			t.Fatal(stderr)
		}
		before := exportJSONL(t, other)
		code, _, stderr := runKgx(t, "", "--db", other, "import", file)
		if code != 1 || !strings.Contains(stderr, "neither log begins the other") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
		if after := exportJSONL(t, other); !bytes.Equal(before, after) {
			t.Error("a refused import changed the store")
		}
	})
}

// TestImportResumes: an import interrupted after some documents (here: a
// store that already holds two of them, stored as ingest stores them)
// finishes to the same store when run again.
func TestImportResumes(t *testing.T) {
	_, dump := curatedDump(t)
	db := filepath.Join(t.TempDir(), "partial.db")
	for _, f := range []string{"dprk-russia-security-ties-deepen.txt", "shoigu-visits-pyongyang-korean-war-anniversary.txt"} {
		if code, _, stderr := runKgx(t, "", "--db", db, "ingest", "../../testdata/news/"+f); code != 0 {
			t.Fatal(stderr)
		}
	}
	code, _, stderr := runKgx(t, string(dump), "--db", db, "import", "-")
	if code != 0 || !strings.Contains(stderr, "imported 3 documents (2 already stored), 4 curation records (0 already recorded)") {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	if again := exportJSONL(t, db); !bytes.Equal(again, dump) {
		t.Errorf("the resumed import differs:\n%s", firstDiff(string(dump), string(again)))
	}
}

func TestCurationsToAdd(t *testing.T) {
	a := graph.Curation{Op: graph.OpAlias, Name: "Kim Jong Un", Other: "Marshal Kim"}
	b := graph.Curation{Op: graph.OpIgnore, Name: "Minister"}
	c := graph.Curation{Op: graph.OpRename, Name: "Trump", Other: "Donald Trump"}
	L := func(cs ...graph.Curation) []graph.Curation { return cs }
	tests := []struct {
		name       string
		have, dump []graph.Curation
		want       []graph.Curation
		err        bool
	}{
		{"both empty", nil, nil, nil, false},
		{"into a store without curation", nil, L(a, b), L(a, b), false},
		{"resumed", L(a), L(a, b), L(b), false},
		{"already there", L(a, b), L(a, b), nil, false},
		{"dump without curation", L(a), nil, nil, false},
		{"earlier backup", L(a, b, c), L(a, b), nil, false},
		{"diverged", L(a, c), L(a, b), nil, true},
		{"other order", L(b, a), L(a, b), nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := curationsToAdd(tt.have, tt.dump)
			if (err != nil) != tt.err || !slices.Equal(got, tt.want) {
				t.Errorf("curationsToAdd = %v, %v; want %v, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

// TestImportStdin: a dump on standard input is copied to a temporary file
// (it is read twice), which is removed afterwards whether the import
// succeeds or is refused.
func TestImportStdin(t *testing.T) {
	_, dump := curatedDump(t)
	tests := []struct {
		name, stdin, stderr string
		code                int
	}{
		{"good", string(dump), "imported 5 documents (0 already stored), 4 curation records (0 already recorded) from - into", 0},
		{"truncated", string(dump[:len(dump)*2/3]), "-: bad kgx jsonl: ", 1},
		{"empty", "", "-: bad kgx jsonl: empty input", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			db := filepath.Join(t.TempDir(), "kgx.db")
			code, _, stderr := runKgx(t, tt.stdin, "--db", db, "import", "-")
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("exit %d (want %d), stderr %q (want %q)", code, tt.code, stderr, tt.stderr)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("the temporary copy of standard input is left: %v", left)
			}
			if code != 0 {
				if _, err := os.Stat(db); err == nil {
					t.Error("a refused import created the store")
				}
				return
			}
			if again := exportJSONL(t, db); !bytes.Equal(again, dump) {
				t.Errorf("the store imported from stdin exports differently:\n%s", firstDiff(string(dump), string(again)))
			}
		})
	}
}
