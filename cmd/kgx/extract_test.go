package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestExtractHostileInput: kgx extract reads its inputs exactly as kgx
// ingest does (read.go), so each case is run through both and must give the
// same exit status and the same messages; extract must print one clean
// document per good input.
func TestExtractHostileInput(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Kim Jong Un met Vladimir Putin.\r\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	good := "Sergei Shoigu met Kim Jong Un in Pyongyang.\n"
	tests := []struct {
		name  string
		files map[string]string
		jsonl bool
		code  int
		docs  int      // JSON lines extract prints
		warn  []string // in stderr, after "kgx: DIR/"
	}{
		{"Good", map[string]string{"a.txt": good}, false, 0, 1, nil},
		{"Binary", map[string]string{"a.txt": good, "photo.png": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, false, 1, 1,
			[]string{"photo.png: binary file, skipped (PNG image)"}},
		{"NUL", map[string]string{"a.txt": good, "b.txt": "Kim\x00met Putin."}, false, 1, 1,
			[]string{"b.txt: binary file, skipped (NUL byte at offset 3)"}},
		{"Empty", map[string]string{"a.txt": good, "empty.txt": "", "blank.txt": " \r\n\t"}, false, 1, 1,
			[]string{"empty.txt: empty file, skipped", "blank.txt: empty file, skipped"}},
		{"InvalidUTF8", map[string]string{"a.txt": "Choe Son Hui met Sergei Lavrov \xff\xfe in Moscow.\n"}, false, 0, 1, nil},
		{"BOMAndCRLF", map[string]string{"a.txt": "\xef\xbb\xbfVladimir Putin visited Pyongyang.\r\nHe met Kim Jong Un.\r\n"}, false, 0, 1, nil},
		{"UTF16", map[string]string{"a.txt": string(utf16)}, false, 0, 1, nil},
		{"HTML", map[string]string{"a.html": "<html><script>Kim met Putin</script><p>Sergei Shoigu met Kim Jong Un.</p></html>"}, false, 0, 1, nil},
		{"JSONL", map[string]string{"in.jsonl": `{"id":"j1","text":"Kim Jong Un met Vladimir Putin.\r\n"}` + "\n{oops\n" +
			`{"id":"j3","text":""}` + "\n" + `{"id":"j4","text":"Putin \u0000 thanked Kim.","date":"yesterday"}` + "\n" +
			`{"id":"j5","text":"Shoigu visited Pyongyang."}` + "\n"}, true, 1, 2,
			[]string{"in.jsonl:2: not a JSON object", `in.jsonl:3: missing or empty "text"`, `in.jsonl:4: date "yesterday"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			input := "text"
			if tt.jsonl {
				input = "jsonl"
			}
			code, out, stderr := runKgx(t, "", "extract", "--input", input, dir)
			if code != tt.code {
				t.Errorf("extract: exit %d, want %d\n%s", code, tt.code, stderr)
			}
			for _, w := range tt.warn {
				if !strings.Contains(stderr, "kgx: "+filepath.Join(dir, w)) {
					t.Errorf("extract: stderr lacks %q:\n%s", w, stderr)
				}
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if out == "" {
				lines = nil
			}
			if len(lines) != tt.docs {
				t.Errorf("extract printed %d documents, want %d:\n%s", len(lines), tt.docs, out)
			}
			for _, l := range lines {
				var doc struct {
					Entities []struct{ Mentions []struct{ Text string } }
				}
				if err := json.Unmarshal([]byte(l), &doc); err != nil {
					t.Fatalf("not JSON: %v\n%s", err, l)
				}
				if len(doc.Entities) == 0 {
					t.Errorf("no entities in %s", l)
				}
				for _, e := range doc.Entities {
					for _, m := range e.Mentions {
						if !utf8.ValidString(m.Text) || strings.ContainsAny(m.Text, "\r\x00\ufeff<>") {
							t.Errorf("unclean mention %q", m.Text)
						}
					}
				}
			}
			// Ingest reads the same inputs the same way.
			db := filepath.Join(t.TempDir(), "kgx.db")
			icode, _, istderr := runKgx(t, "", "--db", db, "ingest", "--input", input, dir)
			if icode != code || warnings(istderr) != warnings(stderr) {
				t.Errorf("ingest and extract differ:\ningest exit %d\n%s\nextract exit %d\n%s", icode, warnings(istderr), code, warnings(stderr))
			}
		})
	}
}

// warnings keeps the "kgx: " lines of stderr, sorted.
func warnings(stderr string) string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "kgx: ") {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}
