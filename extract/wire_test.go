package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateWire = flag.Bool("update", false, "rewrite the golden files in testdata/wire")

// TestWireGolden extracts the wire-style articles in testdata/wire and
// compares their entities and relations, one per line, with
// testdata/wire/NAME.golden (-update rewrites them). See
// testdata/wire/README.md.
func TestWireGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/wire/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in testdata/wire (%v)", err)
	}
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ex.Extract(context.Background(), Input{Text: string(b), Source: f})
			if err != nil {
				t.Fatal(err)
			}
			got := wireSummary(doc)
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *updateWire {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run WireGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs (go test ./extract -run WireGolden -update rewrites it):\n%s", golden, lineDiff(string(want), got))
			}
		})
	}
}

// wireSummary lists a document's entities (type, name, aliases, roles)
// and relations (source, label, target, category, place, date,
// modality, negation), sorted.
func wireSummary(doc *Document) string {
	var ents, rels []string
	for _, e := range doc.Entities {
		var al []string
		for _, a := range e.Aliases {
			al = append(al, a.Name)
		}
		slices.Sort(al)
		ents = append(ents, fmt.Sprintf("entity %s %q aliases=%q roles=%q", e.Type, e.Name, al, e.Roles))
	}
	for _, r := range doc.Relations {
		rels = append(rels, "relation "+relString(doc, r))
	}
	slices.Sort(ents)
	slices.Sort(rels)
	return strings.Join(ents, "\n") + "\n" + strings.Join(rels, "\n") + "\n"
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
