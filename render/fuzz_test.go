package render

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// fuzzGraph builds a small graph whose names, aliases, labels, category,
// evidence and document title come from the fuzzer.
func fuzzGraph(name, alias, label, category, sentence, title string) *graph.Graph {
	g := graph.New()
	g.AddDoc(graph.Doc{ID: "d", Title: title, Date: "2025-01-02"})
	a := graph.Entity{ID: 1, Key: "k:" + name, Name: name, Type: extract.Person, Mentions: 2, Documents: 1, FirstSeen: "2025-01-02", LastSeen: "2025-01-02",
		Aliases: []extract.Alias{{Name: alias, Rule: "fuzz"}}, Roles: []string{alias}}
	b := graph.Entity{ID: 2, Key: "k:" + alias, Name: alias, Type: extract.GPE, Mentions: 1, Documents: 1}
	g.AddEntity(a)
	g.AddEntity(b)
	ev := graph.Evidence{Doc: "d", Sentence: sentence, Date: "2025-01-02"}
	g.AddRelation(graph.Relation{Source: 1, Target: 2, Label: label, Category: category, Count: 1, Evidence: []graph.Evidence{ev}})
	g.AddRelation(graph.Relation{Source: 1, Target: 2, Label: graph.CoMentioned, Count: 1, Evidence: []graph.Evidence{ev}})
	return g
}

func addSeeds(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, "alias "+h, "met", "CONSULT", "Sentence with "+h, "Title "+h)
	}
	f.Add("", "", "", "", "", "")
	f.Add("\x00", "\ufffe", "\"", "\\", "]]>", "<!--")
	f.Add("}", "digraph { a -> b }", "edge", "node", "\r\n", "&#0;")
}

func xmlParses(t *testing.T, what string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", what, err, b)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "script" {
			t.Fatalf("%s: a name became a <script> element", what)
		}
	}
}

func FuzzGEXF(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, name, alias, label, category, sentence, title string) {
		g := fuzzGraph(name, alias, label, category, sentence, title)
		var b bytes.Buffer
		if err := WriteGEXF(&b, g, Options{Title: title}); err != nil {
			t.Fatal(err)
		}
		xmlParses(t, "gexf", b.Bytes())
		var gx struct {
			Nodes []struct {
				Label string `xml:"label,attr"`
			} `xml:"graph>nodes>node"`
		}
		if err := xml.Unmarshal(b.Bytes(), &gx); err != nil || len(gx.Nodes) != 2 {
			t.Fatalf("gexf: %v, %d nodes", err, len(gx.Nodes))
		}
	})
}

func FuzzGraphML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, name, alias, label, category, sentence, title string) {
		var b bytes.Buffer
		if err := WriteGraphML(&b, fuzzGraph(name, alias, label, category, sentence, title), Options{Title: title}); err != nil {
			t.Fatal(err)
		}
		xmlParses(t, "graphml", b.Bytes())
	})
}

func FuzzCSV(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, name, alias, label, category, sentence, title string) {
		var nodes, edges bytes.Buffer
		if err := WriteCSV(&nodes, &edges, fuzzGraph(name, alias, label, category, sentence, title), Options{}); err != nil {
			t.Fatal(err)
		}
		for what, b := range map[string][]byte{"nodes": nodes.Bytes(), "edges": edges.Bytes()} {
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Fatalf("%s.csv does not parse: %v", what, err)
			}
			if len(recs) != 3 {
				t.Fatalf("%s.csv has %d records, want 3", what, len(recs))
			}
			for _, rec := range recs {
				for _, c := range rec {
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Fatalf("%s.csv cell %q starts with a formula character", what, c)
					}
				}
			}
		}
	})
}

func FuzzJSON(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, name, alias, label, category, sentence, title string) {
		var b bytes.Buffer
		if err := WriteJSON(&b, fuzzGraph(name, alias, label, category, sentence, title), Options{Title: title}); err != nil {
			t.Fatal(err)
		}
		var v gyGraph
		if err := json.Unmarshal(b.Bytes(), &v); err != nil {
			t.Fatalf("json does not parse: %v", err)
		}
		// encoding/json replaces each invalid byte with U+FFFD, as
		// converting to runes does (ToValidUTF8 would replace a run once).
		if len(v.Nodes) != 2 || v.Nodes[0].Attributes.Label != string([]rune(name)) {
			t.Fatalf("json label %q, want %q", v.Nodes[0].Attributes.Label, name)
		}
		if hasBidi(b.Bytes()) || bytes.Contains(b.Bytes(), []byte("<")) {
			t.Fatal("json carries a raw bidi control or <")
		}
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, name, alias, label, category, sentence, title string) {
		var a bytes.Buffer
		if err := WriteJSONL(&a, &Dump{Graph: fuzzGraph(name, alias, label, category, sentence, title)}); err != nil {
			t.Fatal(err)
		}
		d, err := ReadJSONL(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("jsonl does not read back: %v", err)
		}
		// encoding/json writes repaired invalid UTF-8 as \ufffd and a
		// real U+FFFD raw, so the first dump may differ from the second;
		// from then on a dump reads back to itself.
		var b, c bytes.Buffer
		if err := WriteJSONL(&b, d); err != nil {
			t.Fatal(err)
		}
		d2, err := ReadJSONL(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		WriteJSONL(&c, d2)
		if !bytes.Equal(b.Bytes(), c.Bytes()) || (utf8.Valid(a.Bytes()) && !bytes.Contains(a.Bytes(), []byte(`\ufffd`)) && !bytes.Equal(a.Bytes(), b.Bytes())) {
			t.Fatalf("jsonl round trip differs")
		}
	})
}

// addJSONLSeeds adds the seeds both JSONL readers' fuzz targets start
// from: the fixture's dump, a bare header, and JSON that is no record.
func addJSONLSeeds(f *testing.F) {
	var good bytes.Buffer
	WriteJSONL(&good, &Dump{Graph: fixture()})
	f.Add(good.Bytes())
	f.Add([]byte(`{"kind":"header","format":"kgx-jsonl","version":1}`))
	f.Add([]byte("{}\n[]\nnull"))
}

// FuzzReadJSONL feeds arbitrary bytes to the reader: it must return a
// graph or an ErrJSONL, never panic; and Verify (kgx import's consistency
// check) on what it read must not panic either.
func FuzzReadJSONL(f *testing.F) {
	addJSONLSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadJSONL(bytes.NewReader(b))
		if err == nil && d.Graph == nil {
			t.Fatal("nil graph without an error")
		}
		if err != nil && !errors.Is(err, ErrJSONL) {
			t.Fatalf("error %v is not an ErrJSONL", err)
		}
		if err == nil {
			if err := d.Verify(); err != nil && !errors.Is(err, ErrJSONL) {
				t.Fatalf("Verify: %v is not an ErrJSONL", err)
			}
		}
	})
}

func FuzzDOT(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, name, alias, label, category, sentence, title string) {
		var b bytes.Buffer
		if err := WriteDOT(&b, fuzzGraph(name, alias, label, category, sentence, title), Options{Title: title}); err != nil {
			t.Fatal(err)
		}
		if err := parseDOT(b.Bytes()); err != nil {
			t.Fatalf("dot does not parse: %v\n%s", err, b.String())
		}
	})
}

// FuzzSVG runs Graphviz itself (slower, a few runs a second): the SVG
// must be well-formed XML with no script.
func FuzzSVG(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, name, alias, label, category, sentence, title string) {
		var b bytes.Buffer
		if err := WriteSVG(context.Background(), &b, fuzzGraph(name, alias, label, category, sentence, title), Options{Title: title}); err != nil {
			t.Fatal(err)
		}
		xmlParses(t, "svg", b.Bytes())
	})
}

// FuzzCheckJSONL feeds arbitrary bytes to CheckJSONL (kgx import's
// check): it must not panic, its errors wrap ErrJSONL, and a dump it
// accepts is one that ReadJSONL and Verify accept too, whose facts
// EachFacts gives back as ReadJSONL reads them.
func FuzzCheckJSONL(f *testing.F) {
	f.Add(consistentDump(f))
	addJSONLSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := CheckJSONL(context.Background(), bytes.NewReader(b), nil)
		if err != nil {
			if !errors.Is(err, ErrJSONL) {
				t.Fatalf("error %v is not an ErrJSONL", err)
			}
			return
		}
		d, err := ReadJSONL(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("CheckJSONL accepts a dump ReadJSONL refuses: %v", err)
		}
		if err := d.Verify(); err != nil {
			t.Fatalf("CheckJSONL accepts a dump Verify refuses: %v", err)
		}
		var got []*graph.Facts
		if err := c.EachFacts(context.Background(), 2, func(fs []*graph.Facts) error {
			got = append(got, fs...)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(d.Facts)
		if !bytes.Equal(g, w) || fmt.Sprint(c.Curations) != fmt.Sprint(d.Curations) {
			t.Fatalf("EachFacts and ReadJSONL differ:\n%s\n%s", g, w)
		}
	})
}
