package store

import (
	"slices"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

func facts(id string, names ...string) *graph.Facts {
	f := &graph.Facts{Doc: graph.Doc{ID: id, Hash: id}}
	for _, n := range names {
		k := extract.Key(extract.Person, n)
		f.Entities = append(f.Entities, graph.Entity{ID: graph.ID(k), Key: k, Name: n, Type: extract.Person, Mentions: 1, Documents: 1})
	}
	return f
}

func graphNames(g *graph.Graph) []string {
	var out []string
	for _, e := range g.Entities() {
		out = append(out, e.Name)
	}
	slices.Sort(out)
	return out
}

func TestCurationSurvivesReingest(t *testing.T) {
	db, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(facts("a", "Sergei Shoigu", "Vladimir Putin")); err != nil {
		t.Fatal(err)
	}
	if err := db.AddCuration(graph.Curation{Op: graph.OpRename, Name: "Sergei Shoigu", Other: "Sergei K. Shoigu"},
		graph.Curation{Op: graph.OpIgnore, Name: "Vladimir Putin"}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddCuration(graph.Curation{Op: graph.OpMerge, Name: "Sergei K. Shoigu", Other: "Shoygu S."}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddCuration(graph.Curation{Op: "bogus", Name: "x", Other: "y"}); err == nil {
		t.Error("bad curation stored")
	}
	// Later documents, and the first again, are resolved under the same decisions.
	for _, f := range []*graph.Facts{facts("b", "Shoygu S."), facts("a", "Sergei Shoigu", "Vladimir Putin")} {
		if _, err := db.Put(f); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := db.Curations()
	if err != nil || len(cs) != 3 || cs[2].Op != graph.OpMerge {
		t.Fatalf("curations %v, %v", cs, err)
	}
	g, problems, err := db.ResolvedGraph()
	if err != nil || len(problems) > 0 {
		t.Fatalf("resolve: %v %v", err, problems)
	}
	if got := graphNames(g); !slices.Equal(got, []string{"Sergei K. Shoigu"}) {
		t.Errorf("entities %q", got)
	}
	e := g.Entities()[0]
	if e.ID != graph.ID("PERSON:sergei shoigu") || e.Documents != 2 {
		t.Errorf("entity %+v", e)
	}
}
