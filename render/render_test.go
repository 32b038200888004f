package render

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// hostile are entity names an attacker could plant in a document.
var hostile = []string{
	`Kim "Rocket" Jong Un`,
	`<script>alert('x')</script>`,
	`=HYPERLINK("http://evil.example","click")`,
	"+cmd|' /C calc'!A0",
	"-2+3",
	"@SUM(A1:A9)",
	"A & B\nnew line",
	"node", "subgraph", "strict",
	"\u202egnp.exe\u202c evil",
	"bad \xff utf8 \x01 ctl",
	`back\slash \N \G`,
	"김정은",
}

// fixture is a small graph with every entity type, relation tone, a
// co-mention, dated and undated evidence, and the hostile names.
func fixture() *graph.Graph {
	g := graph.New()
	g.AddDoc(graph.Doc{ID: "d1", Title: "Shoigu in Pyongyang", Date: "2025-06-04", Path: "news/a.txt", Hash: "d1"})
	g.AddDoc(graph.Doc{ID: "d2", Title: "Sanctions <b>announced</b>", Date: "2025-07-01", Path: "news/b.txt", Hash: "d2"})
	g.AddDoc(graph.Doc{ID: "d3", Title: "", Date: "", Path: "news/c.txt", Hash: "d3"})
	add := func(name string, t extract.EntityType, mentions int, first, last string, aliases ...string) int64 {
		key := t.String() + ":" + strings.ToLower(name)
		e := graph.Entity{ID: graph.ID(key), Key: key, Name: name, Type: t, Mentions: mentions, Documents: 1, FirstSeen: first, LastSeen: last}
		for _, a := range aliases {
			e.Aliases = append(e.Aliases, extract.Alias{Name: a, Rule: "test"})
		}
		g.AddEntity(e)
		return e.ID
	}
	kim := add("Kim Jong Un", extract.Person, 9, "2025-06-04", "2025-07-01", "Kim Jong-un", `Kim "the, Marshal"`)
	shoigu := add("Sergei Shoigu", extract.Person, 6, "2025-06-04", "2025-06-04", "Shoigu")
	korea := add("North Korea", extract.GPE, 12, "2025-06-04", "2025-07-01", "DPRK")
	russia := add("Russia", extract.GPE, 8, "2025-06-04", "2025-07-01")
	un := add("UN Security Council", extract.Org, 3, "2025-07-01", "2025-07-01")
	add("Korean Peninsula", extract.Loc, 1, "", "")
	add("Vostochny Cosmodrome", extract.Fac, 1, "2025-06-04", "2025-06-04")
	add("Koreans", extract.NORP, 2, "", "")
	add("Victory Day parade", extract.Event, 1, "", "")
	add("June 4", extract.Date, 1, "", "")
	var hs []int64
	for i, h := range hostile {
		hs = append(hs, add(h, extract.Org, i+1, "", ""))
	}
	ev := func(doc, date, s string) graph.Evidence {
		return graph.Evidence{Doc: doc, Sentence: s, Start: 0, End: len(s), Date: date}
	}
	rel := func(a, b int64, label, cat string, evs ...graph.Evidence) {
		g.AddRelation(graph.Relation{Source: a, Target: b, Label: label, Category: cat, Count: len(evs), Evidence: evs})
	}
	rel(shoigu, kim, "met", "CONSULT",
		ev("d1", "2025-06-04", "Shoigu met Kim Jong Un in Pyongyang."),
		ev("d2", "2025-07-01", "Shoigu met Kim again, KCNA said."))
	rel(russia, korea, "signed agreement with", "AGREE", ev("d1", "2025-06-04", "Russia and North Korea signed a pact."))
	rel(russia, korea, "supplied", "AID", ev("d1", "2025-06-04", "Russia supplied fuel."))
	rel(un, korea, "sanctioned", "SANCTION", ev("d2", "2025-07-01", "The council sanctioned North Korea."))
	rel(korea, un, "accused", "ACCUSE", ev("d2", "2025-07-01", `North Korea accused the "hostile" council & its <members>.`))
	rel(kim, hs[1], "threatened", "THREATEN", ev("d3", "", "Kim threatened <script>alert(1)</script>\u202e."))
	rel(hs[0], hs[2], "met", "CONSULT", ev("d3", "", "=cmd|' /C calc'!A0 \"quoted\"\nline two"))
	rel(hs[6], hs[10], "weird \"label\" <x>", "", ev("d3", "", "bad \xff byte"))
	g.AddRelation(graph.Relation{Source: min(kim, korea), Target: max(kim, korea), Label: graph.CoMentioned, Count: 3,
		Evidence: []graph.Evidence{ev("d1", "2025-06-04", "Kim Jong Un of North Korea.")}})
	return g
}

// fixtureOpts fixes the metrics' seed and title.
func fixtureOpts(g *graph.Graph) Options {
	return Options{Title: `Fixture "graph" <&>`, Metrics: graph.Analyze(g, 1), Focus: []int64{graph.ID("PERSON:kim jong un")}}
}

// writeAll writes every text format of g into a map keyed by file name.
func writeAll(t testing.TB, g *graph.Graph, opts Options) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	write := func(name string, f func(io.Writer) error) {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.Bytes()
	}
	write("graph.dot", func(w io.Writer) error { return WriteDOT(w, g, opts) })
	write("graph.gexf", func(w io.Writer) error { return WriteGEXF(w, g, opts) })
	write("graph.graphml", func(w io.Writer) error { return WriteGraphML(w, g, opts) })
	write("graph.json", func(w io.Writer) error { return WriteJSON(w, g, opts) })
	write("graph.jsonl", func(w io.Writer) error { return WriteJSONL(w, &Dump{Graph: g}) })
	var nodes, edges bytes.Buffer
	if err := WriteCSV(&nodes, &edges, g, opts); err != nil {
		t.Fatal(err)
	}
	out["nodes.csv"], out["edges.csv"] = nodes.Bytes(), edges.Bytes()
	return out
}

func TestGolden(t *testing.T) {
	g := fixture()
	got := writeAll(t, g, fixtureOpts(g))
	again := writeAll(t, g, fixtureOpts(g))
	for name, b := range got {
		t.Run(name, func(t *testing.T) {
			if !bytes.Equal(b, again[name]) {
				t.Fatalf("two writes of the same graph differ")
			}
			path := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s differs from the golden file at %s (go test -update rewrites it)", name, firstDiff(b, want))
			}
		})
	}
}

// firstDiff names the line and column of the first difference.
func firstDiff(a, b []byte) string {
	line, col := 1, 1
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return "line " + itoa(line) + " column " + itoa(col)
		}
		if a[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return "line " + itoa(line) + " (one output is a prefix of the other)"
}

func itoa(n int) string { return strconv.Itoa(n) }

// checkParses parses every format with a standard parser and checks
// that no markup from the names escaped into the structure.
func checkParses(t testing.TB, files map[string][]byte) {
	t.Helper()
	for _, name := range []string{"graph.gexf", "graph.graphml"} {
		d := xml.NewDecoder(bytes.NewReader(files[name]))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s does not parse as XML: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && (se.Name.Local == "script" || se.Name.Local == "b" || se.Name.Local == "members") {
				t.Fatalf("%s: markup from a name became element <%s>", name, se.Name.Local)
			}
		}
	}
	var js map[string]any
	if err := json.Unmarshal(files["graph.json"], &js); err != nil {
		t.Fatalf("graph.json does not parse: %v", err)
	}
	if _, err := ReadJSONL(bytes.NewReader(files["graph.jsonl"])); err != nil {
		t.Fatalf("graph.jsonl does not read back: %v", err)
	}
	for _, name := range []string{"nodes.csv", "edges.csv"} {
		recs, err := csv.NewReader(bytes.NewReader(files[name])).ReadAll()
		if err != nil {
			t.Fatalf("%s does not parse: %v", name, err)
		}
		for i, rec := range recs[1:] {
			for j, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Fatalf("%s row %d column %s starts with a formula character: %q", name, i+2, recs[0][j], cell)
				}
			}
		}
	}
	if err := parseDOT(files["graph.dot"]); err != nil {
		t.Fatalf("graph.dot does not parse: %v", err)
	}
	for name, b := range files {
		if name != "graph.jsonl" && name != "graph.json" && hasBidi(b) {
			t.Fatalf("%s carries a raw bidi control character", name)
		}
	}
}

func TestOutputsParse(t *testing.T) {
	g := fixture()
	checkParses(t, writeAll(t, g, fixtureOpts(g)))
}

func TestEscapingKeepsValues(t *testing.T) {
	g := fixture()
	files := writeAll(t, g, fixtureOpts(g))
	// JSON keeps the names exactly (invalid UTF-8 repaired).
	var js struct {
		Nodes []struct {
			Attributes struct{ Label string } `json:"attributes"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(files["graph.json"], &js); err != nil {
		t.Fatal(err)
	}
	labels := map[string]bool{}
	for _, n := range js.Nodes {
		labels[n.Attributes.Label] = true
	}
	for _, h := range hostile {
		if want := strings.ToValidUTF8(h, "\ufffd"); !labels[want] {
			t.Errorf("json lost the name %q", want)
		}
	}
	if bytes.Contains(files["graph.json"], []byte("<script>")) {
		t.Error("json carries a raw <script>")
	}
	// GEXF: the label attribute decodes back to the name.
	var gx struct {
		Nodes []struct {
			Label string `xml:"label,attr"`
		} `xml:"graph>nodes>node"`
	}
	if err := xml.Unmarshal(files["graph.gexf"], &gx); err != nil {
		t.Fatal(err)
	}
	labels = map[string]bool{}
	for _, n := range gx.Nodes {
		labels[n.Label] = true
	}
	for _, want := range []string{`Kim "Rocket" Jong Un`, `<script>alert('x')</script>`, "A & B\nnew line", "\u202egnp.exe\u202c evil", "bad \ufffd utf8 \ufffd ctl"} {
		if !labels[want] {
			t.Errorf("gexf lost the name %q", want)
		}
	}
	// CSV neutralises formulas but keeps the text.
	recs, _ := csv.NewReader(bytes.NewReader(files["nodes.csv"])).ReadAll()
	found := false
	for _, r := range recs {
		if r[1] == `'=HYPERLINK("http://evil.example","click")` {
			found = true
		}
	}
	if !found {
		t.Error(`nodes.csv: want the formula name as '=HYPERLINK(...)`)
	}
}

func TestSVG(t *testing.T) {
	g := fixture()
	var b bytes.Buffer
	if err := WriteSVG(context.Background(), &b, g, fixtureOpts(g)); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	d.Strict = true
	var texts, titles, nodes, edges int
	var all strings.Builder
	var inText bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("svg does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "script", "foreignObject":
				t.Fatalf("svg carries a <%s> element", tok.Name.Local)
			case "text":
				texts++
				inText = true
			case "g":
				for _, a := range tok.Attr {
					if a.Name.Local == "class" && a.Value == "node" {
						nodes++
					}
					if a.Name.Local == "class" && a.Value == "edge" {
						edges++
					}
				}
			case "a":
				for _, a := range tok.Attr {
					if a.Name.Local == "title" && strings.Contains(a.Value, "Shoigu met Kim Jong Un in Pyongyang.") {
						titles++
					}
				}
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Fatalf("svg carries an event handler attribute %s", a.Name.Local)
				}
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				inText = false
			}
		case xml.CharData:
			if inText {
				all.Write(tok)
				all.WriteByte('\n')
			}
		}
	}
	if nodes != len(g.Entities()) || edges != len(g.Relations())+len(g.CoMentions()) {
		t.Errorf("svg has %d nodes and %d edges, want %d and %d", nodes, edges, len(g.Entities()), len(g.Relations())+len(g.CoMentions()))
	}
	if titles == 0 {
		t.Error("svg has no tooltip quoting the evidence sentence")
	}
	text := all.String()
	for _, want := range []string{"Kim Jong Un", `<script>alert('x')</script>`, "A & B new line", "met ×2", "consultative (meet, visit, request)", "김정은"} {
		if !strings.Contains(text, want) {
			t.Errorf("svg text lacks %q", want)
		}
	}
	if hasBidi(b.Bytes()) {
		t.Error("svg carries a raw bidi control")
	}
}

func TestPNG(t *testing.T) {
	g := fixture()
	var b bytes.Buffer
	if err := WritePNG(context.Background(), &b, g, fixtureOpts(g)); err != nil {
		t.Fatal(err)
	}
	img, err := decodePNG(b.Bytes())
	if err != nil {
		t.Fatalf("png does not decode: %v", err)
	}
	// The image must show the type colours (person fill) and the
	// consultative edge colour, not only white.
	want := map[string]bool{styleOf(extract.Person).Fill: false, "#2171b5": false, "#cb181d": false}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			r, gg, bb, _ := img.At(x, y).RGBA()
			c := "#" + hex2(r>>8) + hex2(gg>>8) + hex2(bb>>8)
			if _, ok := want[c]; ok {
				want[c] = true
			}
		}
	}
	for c, seen := range want {
		if !seen {
			t.Errorf("png has no pixel of colour %s", c)
		}
	}
	if bounds.Dx() < 400 || bounds.Dy() < 300 {
		t.Errorf("png is %v, suspiciously small", bounds)
	}
}

func hex2(v uint32) string {
	const d = "0123456789abcdef"
	return string([]byte{d[v>>4&0xf], d[v&0xf]})
}

func TestBadOptions(t *testing.T) {
	g := fixture()
	for _, o := range []Options{{SizeBy: "weight"}, {Cluster: "galaxy"}, {Layout: "twopi"}} {
		if err := WriteDOT(io.Discard, g, o); !errors.Is(err, ErrBadOption) {
			t.Errorf("%+v: err = %v, want ErrBadOption", o, err)
		}
	}
}

func TestClusters(t *testing.T) {
	g := fixture()
	for _, how := range []string{"community", "country"} {
		t.Run(how, func(t *testing.T) {
			o := fixtureOpts(g)
			o.Cluster = how
			var b bytes.Buffer
			if err := WriteDOT(&b, g, o); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b.Bytes(), []byte("subgraph cluster_0")) {
				t.Fatalf("no cluster in\n%s", b.String())
			}
			if err := parseDOT(b.Bytes()); err != nil {
				t.Fatal(err)
			}
		})
	}
	cs := clusters(g, graph.Analyze(g, 1), "country")
	var korea *cluster
	for i := range cs {
		if cs[i].Label == "North Korea" {
			korea = &cs[i]
		}
	}
	if korea == nil || !containsID(korea.IDs, graph.ID("PERSON:kim jong un")) {
		t.Errorf("country clusters = %+v; want Kim Jong Un in North Korea's", cs)
	}
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// TestLargeViewNoIDs checks that a view too large to label every node
// (more than maxDotNodes) draws its small nodes without text: Graphviz in
// WebAssembly printed their DOT ids ("n7339...") for an empty label.
func TestLargeViewNoIDs(t *testing.T) {
	g := benchGraph(maxDotNodes + 30)
	opts := Options{Title: "large", Metrics: graph.Analyze(g, 0), Seed: 1}
	id := regexp.MustCompile(`n[0-9]{6,}`)
	for _, format := range []string{"svg", "json"} { // json: the layout png.go draws
		b, err := layoutAs(context.Background(), g, &opts, format)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		if format == "svg" {
			for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllSubmatch(b, -1) {
				texts = append(texts, string(m[1]))
			}
		} else {
			for _, m := range regexp.MustCompile(`"text": ?"([^"]*)"`).FindAllSubmatch(b, -1) {
				texts = append(texts, string(m[1]))
			}
		}
		labels := 0
		for _, s := range texts {
			if id.MatchString(s) {
				t.Fatalf("%s draws a node id as text: %q", format, s)
			}
			if strings.HasPrefix(s, "Entity ") {
				labels++
			}
		}
		if labels == 0 || labels > largeLabels {
			t.Errorf("%s labels %d nodes by name, want 1 to %d", format, labels, largeLabels)
		}
	}
}

// TestHedgedEdges: a relation none of whose evidence asserts it is drawn
// as what it is ("not met", dashed; "visited (planned)", dotted), not as
// a plain edge.
func TestHedgedEdges(t *testing.T) {
	g := graph.New()
	g.AddDoc(graph.Doc{ID: "d1", Title: "t", Path: "a.txt", Hash: "h"})
	ids := map[string]int64{}
	for _, n := range []string{"Xi", "Kim", "Putin", "Pyongyang", "Lavrov"} {
		key := "PERSON:" + strings.ToLower(n)
		ids[n] = graph.ID(key)
		g.AddEntity(graph.Entity{ID: ids[n], Key: key, Name: n, Type: extract.Person, Mentions: 1, Documents: 1})
	}
	ev := func(s string, neg bool, mod string) graph.Evidence {
		return graph.Evidence{Doc: "d1", Sentence: s, End: len(s), Negated: neg, Modality: mod}
	}
	add := func(a, b, label string, evs ...graph.Evidence) {
		g.AddRelation(graph.Relation{Source: ids[a], Target: ids[b], Label: label, Category: "CONSULT", Count: len(evs), Evidence: evs})
	}
	add("Xi", "Kim", "met", ev("Xi did not meet Kim.", true, "asserted"))
	add("Putin", "Pyongyang", "visited", ev("Putin will visit Pyongyang.", false, "planned"))
	add("Lavrov", "Kim", "met", ev("Lavrov met Kim.", false, "asserted"), ev("Lavrov did not meet Kim.", true, "asserted"))
	var b strings.Builder
	if err := WriteDOT(&b, g, Options{Metrics: graph.Analyze(g, 1)}); err != nil {
		t.Fatal(err)
	}
	dot := b.String()
	for _, want := range []string{"the text says it did not happen", "planned or reported, not asserted"} {
		if !strings.Contains(dot, want) {
			t.Errorf("legend lacks %q", want)
		}
	}
	// the exports carry it as the edge's status
	opts := Options{Metrics: graph.Analyze(g, 1)}
	var gexf, graphml, nodes, edges, js strings.Builder
	for _, err := range []error{WriteGEXF(&gexf, g, opts), WriteGraphML(&graphml, g, opts), WriteCSV(&nodes, &edges, g, opts), WriteJSON(&js, g, opts)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ format, out, want string }{
		{"gexf", gexf.String(), `<attvalue for="status" value="negated"/>`},
		{"gexf", gexf.String(), `<attvalue for="status" value="planned"/>`},
		{"gexf", gexf.String(), `<attvalue for="status" value="asserted"/>`},
		{"graphml", graphml.String(), `<data key="e_status">negated</data>`},
		{"csv", edges.String(), `,Xi did not meet Kim.,negated`},
		{"json", js.String(), `"status": "planned"`},
	} {
		if !strings.Contains(tc.out, tc.want) {
			t.Errorf("%s lacks %s", tc.format, tc.want)
		}
	}
	for _, tc := range []struct{ edge, want, not string }{
		{nodeID(ids["Xi"]) + " -> " + nodeID(ids["Kim"]), `label="not met"`, ""},
		{nodeID(ids["Xi"]) + " -> " + nodeID(ids["Kim"]), `style="dashed"`, ""},
		{nodeID(ids["Putin"]) + " -> " + nodeID(ids["Pyongyang"]), `label="visited (planned)"`, ""},
		{nodeID(ids["Putin"]) + " -> " + nodeID(ids["Pyongyang"]), `style="dotted"`, ""},
		{nodeID(ids["Lavrov"]) + " -> " + nodeID(ids["Kim"]), `label="met ×2"`, "dashed"},
	} {
		var line string
		for _, l := range strings.Split(dot, "\n") {
			if strings.Contains(l, tc.edge+" [") {
				line = l
			}
		}
		if !strings.Contains(line, tc.want) || tc.not != "" && strings.Contains(line, tc.not) {
			t.Errorf("edge %s: %q, want %s (and not %q)", tc.edge, line, tc.want, tc.not)
		}
	}
}
