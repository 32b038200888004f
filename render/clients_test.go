package render

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// These tests hand the exports to the programs analysts use: xmllint
// against the GEXF 1.3 and GraphML schemas, networkx, graphology-gexf and
// Graphviz's dot. A missing program skips the test locally and fails it
// in CI (CI set), where .ci/install-render.sh installs them all.

// schemas is the shared schema folder: ../shared beside the repository.
const schemas = "../../shared/schemas"

func need(t *testing.T, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing in CI; .ci/install-render.sh installs it", what)
	}
	t.Skipf("%s is not installed; skipping (CI installs it with .ci/install-render.sh)", what)
}

func needBin(t *testing.T, bin string) string {
	t.Helper()
	p, err := exec.LookPath(bin)
	need(t, bin, err == nil)
	return p
}

func run(t *testing.T, env []string, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

var seed = sync.OnceValues(func() (*graph.Graph, error) {
	x, err := extract.New()
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob("../testdata/news/*.txt")
	if err != nil || len(files) == 0 {
		return nil, os.ErrNotExist
	}
	g := graph.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		d, err := x.Extract(context.Background(), extract.Input{Source: f, Text: string(b)})
		if err != nil {
			return nil, err
		}
		g.Add(graph.FromDocument(d, f))
	}
	return g, nil
})

// cases are the graphs every client reads: the hostile fixture, and the
// seed corpus with its co-mentions.
func cases(t *testing.T) map[string]*graph.Graph {
	t.Helper()
	out := map[string]*graph.Graph{"fixture": fixture()}
	if testing.Short() {
		return out
	}
	g, err := seed()
	if err != nil {
		t.Fatalf("seed corpus: %v", err)
	}
	sub, _, err := Select(g, Selection{CoMentions: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out["seed"] = sub
	return out
}

// exportFiles writes every format of g into a temporary directory.
func exportFiles(t *testing.T, g *graph.Graph) string {
	t.Helper()
	dir := t.TempDir()
	opts := Options{Title: "test", Seed: 1}
	for name, b := range writeAll(t, g, opts) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestXmllintGEXF(t *testing.T) {
	xmllint := needBin(t, "xmllint")
	rng := filepath.Join(schemas, "gexf", "1.3", "gexf.rng")
	need(t, rng, fileExists(rng))
	for name, g := range cases(t) {
		t.Run(name, func(t *testing.T) {
			dir := exportFiles(t, g)
			run(t, nil, xmllint, "--noout", "--relaxng", rng, filepath.Join(dir, "graph.gexf"))
		})
	}
}

func TestXmllintGraphML(t *testing.T) {
	xmllint := needBin(t, "xmllint")
	catalog, err := filepath.Abs(filepath.Join(schemas, "graphml", "catalog.xml"))
	if err != nil {
		t.Fatal(err)
	}
	need(t, catalog, fileExists(catalog))
	for name, g := range cases(t) {
		t.Run(name, func(t *testing.T) {
			dir := exportFiles(t, g)
			run(t, []string{"XML_CATALOG_FILES=" + catalog}, xmllint, "--nonet", "--noout", "--schema",
				"http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd", filepath.Join(dir, "graph.graphml"))
		})
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// nxSummary is what testdata/py/read_graph.py prints.
type nxSummary struct {
	Directed bool              `json:"directed"`
	Multi    bool              `json:"multi"`
	Graph    map[string]string `json:"graph"`
	Order    int               `json:"order"`
	Size     int               `json:"size"`
	Nodes    map[string]map[string]any
	Edges    []struct {
		Source, Target, Key string
		Data                map[string]any
	}
}

func TestNetworkX(t *testing.T) {
	py := needBin(t, "python3")
	need(t, "python3 module networkx", exec.Command(py, "-c", "import networkx").Run() == nil)
	for name, g := range cases(t) {
		dir := exportFiles(t, g)
		for _, format := range []string{"gexf", "graphml"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var s nxSummary
				out := run(t, nil, py, "testdata/py/read_graph.py", format, filepath.Join(dir, "graph."+format))
				if err := json.Unmarshal(out, &s); err != nil {
					t.Fatalf("networkx summary: %v", err)
				}
				wantSize := len(g.Relations()) + len(g.CoMentions())
				if format == "gexf" {
					wantSize += len(g.CoMentions()) // mutual edges count both ways
				}
				if !s.Directed || !s.Multi || s.Order != len(g.Entities()) || s.Size != wantSize {
					t.Fatalf("networkx read directed=%v multi=%v %d nodes %d edges, want a directed multigraph of %d and %d",
						s.Directed, s.Multi, s.Order, s.Size, len(g.Entities()), wantSize)
				}
				m := graph.Analyze(g, 1)
				for _, e := range g.Entities() {
					n := s.Nodes[itoa64(e.ID)]
					if n == nil {
						t.Fatalf("node %d missing", e.ID)
					}
					types, _ := n["_types"].(map[string]any)
					if n["label"] != strings.ToValidUTF8(e.Name, "\ufffd") && !(strings.ContainsAny(e.Name, "\x01\u202e")) {
						t.Errorf("node %d label = %q, want %q", e.ID, n["label"], e.Name)
					}
					if n["type"] != e.Type.String() || n["mentions"] != float64(e.Mentions) || types["mentions"] != "int" ||
						types["pagerank"] != "float" || types["community"] != "int" {
						t.Errorf("node %d attributes = %v", e.ID, n)
					}
					if pr, _ := n["pagerank"].(float64); abs(pr-m.PageRank[e.ID]) > 1e-6 {
						t.Errorf("node %d pagerank = %v, want %v", e.ID, pr, m.PageRank[e.ID])
					}
					var aliases []string
					if err := json.Unmarshal([]byte(n["aliases"].(string)), &aliases); err != nil || len(aliases) != len(e.Aliases) {
						t.Errorf("node %d aliases = %v, want %d aliases", e.ID, n["aliases"], len(e.Aliases))
					}
					if format == "gexf" && e.FirstSeen != "" && n["spells"] == nil {
						t.Errorf("node %d has dates but no spells", e.ID)
					}
				}
				spells := 0
				for _, ed := range s.Edges {
					if ed.Data["relation"] == nil || ed.Data["count"] == nil || ed.Data["tone"] == nil {
						t.Errorf("edge %s lacks attributes: %v", ed.Key, ed.Data)
					}
					if ed.Data["spells"] != nil {
						spells++
					}
				}
				if format == "gexf" && name == "fixture" && spells == 0 {
					t.Error("no edge has spells: Gephi's timeline would be empty")
				}
			})
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func itoa64(v int64) string { return strconv.FormatInt(v, 10) }

func TestGraphologyGEXF(t *testing.T) {
	node := needBin(t, "node")
	need(t, "render/testdata/js/node_modules (npm ci)", fileExists("testdata/js/node_modules/graphology-gexf"))
	for name, g := range cases(t) {
		t.Run(name, func(t *testing.T) {
			dir := exportFiles(t, g)
			out := run(t, nil, node, "testdata/js/read-gexf.js", filepath.Join(dir, "graph.gexf"))
			var s struct {
				Type  string
				Multi bool
				Order int
				Size  int
				Nodes map[string]map[string]any
			}
			if err := json.Unmarshal(out, &s); err != nil {
				t.Fatal(err)
			}
			if s.Order != len(g.Entities()) || s.Size != len(g.Relations())+len(g.CoMentions()) {
				t.Fatalf("graphology read %d nodes %d edges, want %d and %d", s.Order, s.Size, len(g.Entities()), len(g.Relations())+len(g.CoMentions()))
			}
			for _, e := range g.Entities() {
				n := s.Nodes[itoa64(e.ID)]
				al, _ := n["aliases"].([]any)
				if n == nil || n["type"] != e.Type.String() || len(al) != len(e.Aliases) || n["mentions"] != float64(e.Mentions) {
					t.Errorf("graphology node %d = %v", e.ID, n)
				}
				for i, a := range al {
					if a != strings.ToValidUTF8(e.Aliases[i].Name, "\ufffd") {
						t.Errorf("graphology alias %q, want %q", a, e.Aliases[i].Name)
					}
				}
			}
		})
	}
}

func TestGraphvizDot(t *testing.T) {
	dot := needBin(t, "dot")
	for name, g := range cases(t) {
		t.Run(name, func(t *testing.T) {
			dir := exportFiles(t, g)
			svg := run(t, nil, dot, "-Tsvg", filepath.Join(dir, "graph.dot"))
			d := xml.NewDecoder(bytes.NewReader(svg))
			nodes := 0
			for {
				tok, err := d.Token()
				if err != nil {
					break
				}
				if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "g" {
					for _, a := range se.Attr {
						if a.Name.Local == "class" && a.Value == "node" {
							nodes++
						}
					}
				}
			}
			if nodes != len(g.Entities()) {
				t.Fatalf("dot drew %d nodes, want %d", nodes, len(g.Entities()))
			}
		})
	}
}
