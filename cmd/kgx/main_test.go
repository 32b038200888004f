package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runKgx runs the CLI in-process and returns its exit code and output.
func runKgx(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// seedStore ingests testdata/news into a fresh store and returns its path.
func seedStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kgx.db")
	code, _, stderr := runKgx(t, "", "--db", db, "ingest", "../../testdata/news")
	if code != 0 {
		t.Fatalf("ingest exited %d: %s", code, stderr)
	}
	return db
}

func TestIngestIsIdempotent(t *testing.T) {
	db := seedStore(t)
	_, before, _ := runKgx(t, "", "--db", db, "entities", "--json")
	code, _, stderr := runKgx(t, "", "--db", db, "ingest", "../../testdata/news")
	if code != 0 || !strings.Contains(stderr, "ingested 0 documents (5 already stored, 0 failed)") {
		t.Fatalf("second ingest: exit %d, %s", code, stderr)
	}
	_, after, _ := runKgx(t, "", "--db", db, "entities", "--json")
	if before != after {
		t.Error("a second ingest of the same files changed the entities")
	}
}

func TestJSONContracts(t *testing.T) {
	db := seedStore(t)
	tests := []struct {
		args   []string
		fields []string // fields every element (or the object) must have
	}{
		{[]string{"entities", "--json"}, []string{"id", "name", "type", "aliases", "mentions", "documents"}},
		{[]string{"relations", "--json"}, []string{"source", "target", "type", "category", "count"}},
		{[]string{"docs", "--json"}, []string{"id", "title", "date", "path", "hash"}},
		{[]string{"show", "--json", "Sergei Shoigu"}, []string{"id", "name", "type", "aliases", "mentions", "documents", "relations"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, stderr := runKgx(t, "", append([]string{"--db", db}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var v any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			objs := []any{v}
			if arr, ok := v.([]any); ok {
				if len(arr) == 0 {
					t.Fatal("empty list")
				}
				objs = arr
			}
			for _, o := range objs {
				m := o.(map[string]any)
				for _, f := range tt.fields {
					if _, ok := m[f]; !ok {
						t.Fatalf("field %q missing in %v", f, m)
					}
				}
			}
		})
	}
}

func TestExtractJSONL(t *testing.T) {
	in := `{"id":"a1","text":"Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday.","date":"2025-06-04"}
not json
{"id":"a2"}
`
	code, out, stderr := runKgx(t, in, "extract", "--input", "jsonl", "-")
	if code != 1 {
		t.Errorf("exit %d, want 1 for the bad lines", code)
	}
	for _, want := range []string{"-:2: not a JSON object", `-:3: missing or empty "text"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want 1 JSON line, got %d:\n%s", len(lines), out)
	}
	var doc struct {
		ID       string
		Date     string
		Entities []struct {
			Name     string
			Mentions []struct {
				Start, End int
				Text       string
			}
		}
	}
	if err := json.Unmarshal([]byte(lines[0]), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID != "a1" || doc.Date != "2025-06-04" {
		t.Errorf("id %q date %q", doc.ID, doc.Date)
	}
	text := "Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday."
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %q has offsets [%d,%d) = %q", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
		}
	}
}

func TestExitCodes(t *testing.T) {
	db := seedStore(t)
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"bad flag", []string{"entities", "--nope"}, 2, "unknown flag"},
		{"bad type", []string{"--db", db, "entities", "--type", "ALIEN"}, 2, "unknown entity type"},
		{"unknown entity", []string{"--db", db, "show", "Nobody Atall"}, 1, "no entity named"},
		{"missing file", []string{"--db", db, "ingest", "/nonexistent/file.txt"}, 1, "/nonexistent/file.txt"},
		{"empty file", []string{"--db", db, "ingest", empty}, 1, "empty.txt: empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runKgx(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", code, tt.code, stderr, tt.stderr)
			}
		})
	}
}
