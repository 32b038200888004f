package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

var updateFlag = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// fixtureFacts is a small hand-made corpus, independent of the extraction
// models, so that the query goldens change only when the queries do.
func fixtureFacts() []*graph.Facts {
	type rel struct {
		src, label, cat, dst, date, sentence string
	}
	// evidence that does not assert its relation: negated or a modality
	hedged := map[string]graph.Evidence{
		"Lavrov did not meet Choe Son Hui in July.": {Negated: true, Modality: "asserted"},
		"Choe Son Hui plans to visit Moscow.":       {Modality: "planned"},
	}
	ent := func(name, typ string, aliases ...string) graph.Entity {
		t, _ := extract.ParseEntityType(typ)
		key := typ + ":" + extract.Fold(name)
		e := graph.Entity{ID: graph.ID(key), Key: key, Name: name, Type: t, Mentions: 2, Documents: 1}
		for _, a := range aliases {
			rule := "surname"
			if strings.Contains(a, " ") {
				rule = "spelling variant"
			}
			e.Aliases = append(e.Aliases, extract.Alias{Name: a, Rule: rule})
		}
		return e
	}
	ents := map[string]graph.Entity{
		"Shoigu":    ent("Sergei Shoigu", "PERSON", "Shoigu", "Sergey Shoigu"),
		"Kim":       ent("Kim Jong Un", "PERSON", "Kim"),
		"Ri":        ent("Ri Chang Dae", "PERSON", "Ri"),
		"Putin":     ent("Vladimir Putin", "PERSON", "Putin"),
		"Lavrov":    ent("Sergei Lavrov", "PERSON", "Lavrov"),
		"Choe":      ent("Choe Son Hui", "PERSON"),
		"Pyongyang": ent("Pyongyang", "GPE"),
		"Moscow":    ent("Moscow", "GPE"),
		"Kursk":     ent("Kursk", "GPE"),
		"Council":   ent("Security Council", "ORG"),
		"Zelensky":  ent("Volodymyr Zelensky", "PERSON", "Zelensky"),
		"Kyiv":      ent("Kyiv", "GPE"),
	}
	ents["Shoigu"] = func(e graph.Entity) graph.Entity { e.Roles = []string{"security council secretary"}; return e }(ents["Shoigu"])
	docs := []struct {
		id, title, date string
		rels            []rel
	}{
		{"d1", "Shoigu meets Ri in Moscow", "2025-06-04", []rel{
			{"Shoigu", "met", "CONSULT", "Ri", "", "Sergei Shoigu met Ri Chang Dae in Moscow on Wednesday."},
			{"Ri", "visited", "CONSULT", "Moscow", "", "Ri Chang Dae visited Moscow for talks."},
			{"Shoigu", "thanked", "SUPPORT", "Kim", "", "Shoigu thanked Kim Jong Un's troops for defending Kursk."},
		}},
		{"d2", "Shoigu in Pyongyang", "2025-06-17", []rel{
			{"Shoigu", "met", "CONSULT", "Kim", "", "Shoigu met Kim Jong Un in Pyongyang."},
			{"Shoigu", "visited", "CONSULT", "Pyongyang", "", "Shoigu visited Pyongyang again."},
			{"Kim", "praised", "SUPPORT", "Kursk", "2025-04-26", "Kim Jong Un praised the soldiers who fought in Kursk in April."},
		}},
		{"d3", "Putin and Kim", "2024-06-19", []rel{
			{"Putin", "visited", "CONSULT", "Pyongyang", "", "Vladimir Putin visited Pyongyang in June 2024."},
			{"Putin", "met", "CONSULT", "Kim", "", "Putin met Kim Jong Un and signed a treaty."},
			{"Lavrov", "met", "CONSULT", "Choe", "", "Sergei Lavrov met Choe Son Hui in Moscow."},
			{"Putin", "appointed", "COOPERATE", "Shoigu", "2024-05-12", "Putin appointed Shoigu secretary of the Security Council."},
			{"Shoigu", "leads", "COOPERATE", "Council", "", "Shoigu leads the Security Council."},
		}},
		{"d4", "Kyiv", "", []rel{
			{"Zelensky", "visited", "CONSULT", "Kyiv", "", "Zelensky visited Kyiv."},
		}},
		{"d5", "Lavrov and Choe", "2025-07-01", []rel{
			{"Lavrov", "met", "CONSULT", "Choe", "", "Lavrov did not meet Choe Son Hui in July."},
			{"Choe", "visited", "CONSULT", "Moscow", "", "Choe Son Hui plans to visit Moscow."},
		}},
	}
	var out []*graph.Facts
	for _, d := range docs {
		f := &graph.Facts{Doc: graph.Doc{ID: d.id, Title: d.title, Date: d.date, Path: d.id + ".txt", Hash: "hash-" + d.id}}
		seen := map[string]bool{}
		text := ""
		for _, r := range d.rels {
			for _, n := range []string{r.src, r.dst} {
				if !seen[n] {
					seen[n] = true
					e := ents[n]
					e.FirstSeen, e.LastSeen = d.date, d.date
					f.Entities = append(f.Entities, e)
				}
			}
			start := len(text)
			text += r.sentence + " "
			f.Relations = append(f.Relations, graph.Relation{Source: ents[r.src].ID, Target: ents[r.dst].ID, Label: r.label, Category: r.cat, Count: 1,
				Evidence: []graph.Evidence{{Doc: d.id, Sentence: r.sentence, Start: start, End: start + len(r.sentence), Date: cmpOr(r.date, d.date),
					Negated: hedged[r.sentence].Negated, Modality: hedged[r.sentence].Modality}}})
		}
		out = append(out, f)
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// fixtureStore writes fixtureFacts into a new store and returns its path.
// With reindex it also saves the resolved view, as ingest does; without,
// queries resolve the store in memory.
func fixtureStore(t *testing.T, reindex bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "kgx.db")
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtureFacts() {
		if _, err := db.Put(f); err != nil {
			t.Fatal(err)
		}
	}
	if reindex {
		if err := db.Reindex(); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestQueryGolden runs the query commands on the fixture store and
// compares stdout and stderr with testdata/golden/NAME.golden (rewritten
// with -update). It runs them twice: on the saved resolved view, and on a
// store whose view is out of date, resolved in memory; both must give the
// same output.
func TestQueryGolden(t *testing.T) {
	for _, saved := range []bool{true, false} {
		t.Run(map[bool]string{true: "saved", false: "memory"}[saved], func(t *testing.T) {
			testQueryGolden(t, fixtureStore(t, saved), saved && *updateFlag)
		})
	}
}

func testQueryGolden(t *testing.T, db string, update bool) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"show-alias", []string{"show", "Sergey Shoigu"}, 0},
		{"show-json", []string{"show", "shoigu", "--json"}, 0},
		{"show-diacritics", []string{"show", "KIM JÖNG UN", "--evidence", "1"}, 0},
		{"show-did-you-mean", []string{"show", "Shoygu"}, 1},
		{"show-unknown", []string{"show", "Nobody Atall"}, 1},
		{"show-hedged", []string{"show", "Choe Son Hui"}, 0},
		{"show-hedged-json", []string{"show", "Choe Son Hui", "--json"}, 0},
		{"neighbors", []string{"neighbors", "Kim Jong Un"}, 0},
		{"neighbors-depth2-json", []string{"neighbors", "Ri Chang Dae", "--depth", "2", "--json"}, 0},
		{"neighbors-filters", []string{"neighbors", "Shoigu", "--depth", "3", "--rel", "met,visited", "--type", "PERSON"}, 0},
		{"neighbors-category", []string{"neighbors", "Shoigu", "--category", "support"}, 0},
		{"path", []string{"path", "Ri Chang Dae", "Kim Jong Un"}, 0},
		{"path-k-json", []string{"path", "Ri", "Pyongyang", "--k", "3", "--json"}, 0},
		{"path-none", []string{"path", "Kim Jong Un", "Zelensky"}, 1},
		{"path-same", []string{"path", "Shoigu", "Sergey Shoigu"}, 2},
		{"rank", []string{"rank"}, 0},
		{"rank-betweenness-json", []string{"rank", "--by", "betweenness", "--limit", "3", "--json"}, 0},
		{"rank-degree-gpe", []string{"rank", "--by", "degree", "--type", "gpe"}, 0},
		{"rank-bad", []string{"rank", "--by", "fame"}, 2},
		{"communities", []string{"communities"}, 0},
		{"communities-json", []string{"communities", "--resolution", "2", "--json"}, 0},
		{"relations-since", []string{"relations", "--since", "2025-01-01", "--until", "2025-06-10"}, 0},
		{"relations-entity-json", []string{"relations", "--entity", "Kim", "--category", "consult", "--json"}, 0},
		{"relations-none", []string{"relations", "--type", "invaded"}, 1},
		{"relations-bad-date", []string{"relations", "--since", "June"}, 2},
		{"timeline", []string{"timeline", "Shoigu"}, 0},
		{"timeline-json", []string{"timeline", "Kim Jong Un", "--since", "2025-01-01", "--json"}, 0},
		{"search", []string{"search", "Kursk"}, 0},
		{"search-json", []string{"search", "security", "council", "--json"}, 0},
		{"search-none", []string{"search", "zeppelin"}, 1},
		{"search-stopwords", []string{"search", "the"}, 2},
		{"entities-person", []string{"entities", "--type", "PERSON"}, 0},
		{"docs", []string{"docs"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), append([]string{"--db", db}, tt.args...), strings.NewReader(""), &out, &errb)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errb.String())
			}
			got := fmt.Sprintf("$ kgx %s\n# exit %d\n%s# stderr\n%s", strings.Join(tt.args, " "), code, out.String(), errb.String())
			golden := filepath.Join("testdata", "golden", tt.name+".golden")
			if update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil && *updateFlag {
				return
			}
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first line where got differs from want.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "(same lines)"
}

// TestQueryJSONShapes checks the JSON contract of the query commands (the
// fields issue 6 names) on the fixture store.
func TestQueryJSONShapes(t *testing.T) {
	db := fixtureStore(t, true)
	decode := func(t *testing.T, args ...string) any {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(context.Background(), append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		var v any
		if err := json.Unmarshal(out.Bytes(), &v); err != nil {
			t.Fatalf("%v: not JSON: %v", args, err)
		}
		return v
	}
	has := func(t *testing.T, v any, fields ...string) {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("not an object: %v", v)
		}
		for _, f := range fields {
			if _, ok := m[f]; !ok {
				t.Errorf("field %q missing in %v", f, m)
			}
		}
	}
	list := func(t *testing.T, v any) []any {
		t.Helper()
		l, ok := v.([]any)
		if !ok || len(l) == 0 {
			t.Fatalf("want a non-empty list, got %v", v)
		}
		return l
	}
	t.Run("neighbors", func(t *testing.T) {
		v := decode(t, "neighbors", "Shoigu", "--json")
		has(t, v, "nodes", "edges")
		for _, n := range list(t, v.(map[string]any)["nodes"]) {
			has(t, n, "id", "name", "type")
		}
		for _, e := range list(t, v.(map[string]any)["edges"]) {
			has(t, e, "source", "target", "type", "category", "count")
		}
	})
	t.Run("path", func(t *testing.T) {
		ps := list(t, decode(t, "path", "Ri", "Kim", "--k", "2", "--json"))
		prev := 0
		for _, p := range ps {
			has(t, p, "nodes", "edges")
			for _, n := range list(t, p.(map[string]any)["nodes"]) {
				has(t, n, "id", "name", "type")
			}
			es := list(t, p.(map[string]any)["edges"])
			for _, e := range es {
				has(t, e, "source", "target", "type", "category", "evidence")
			}
			if len(es) < prev {
				t.Errorf("paths not shortest first")
			}
			prev = len(es)
		}
	})
	t.Run("rank", func(t *testing.T) {
		prev := 2.0
		for _, s := range list(t, decode(t, "rank", "--json")) {
			has(t, s, "id", "name", "type", "score")
			if sc := s.(map[string]any)["score"].(float64); sc > prev {
				t.Errorf("scores not highest first")
			} else {
				prev = sc
			}
		}
	})
	t.Run("communities", func(t *testing.T) {
		for _, c := range list(t, decode(t, "communities", "--json")) {
			has(t, c, "id", "members")
			for _, m := range list(t, c.(map[string]any)["members"]) {
				has(t, m, "id", "name", "type")
			}
		}
	})
}

// TestSeedQueries checks, on the store built from testdata/news, what
// the queries guarantee whatever the extraction finds: an alias and the
// full name show the same entity, and a misspelling gets a suggestion.
func TestSeedQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the seed corpus")
	}
	db := seedStore(t)
	idOf := func(name string) string {
		t.Helper()
		code, out, stderr := runKgx(t, "", "--db", db, "show", "--json", name)
		if code != 0 {
			t.Fatalf("show %q: exit %d: %s", name, code, stderr)
		}
		// Ids are JSON strings: 64-bit ids do not survive JavaScript's
		// (or jq's) float64 numbers.
		var v struct{ ID string }
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		return v.ID
	}
	if a, b := idOf("Sergei Shoigu"), idOf("Shoigu"); a != b {
		t.Errorf("show \"Sergei Shoigu\" is %v, show Shoigu is %v", a, b)
	}
	code, _, stderr := runKgx(t, "", "--db", db, "show", "Shoygu")
	if code != 1 || !strings.Contains(stderr, "did you mean") || !strings.Contains(stderr, "Shoigu") {
		t.Errorf("show Shoygu: exit %d, stderr %q; want 1 and a suggestion of Shoigu", code, stderr)
	}
	for _, args := range [][]string{{"rank", "--limit", "5"}, {"communities"}, {"neighbors", "Shoigu"}, {"search", "Pyongyang"}} {
		if code, _, stderr := runKgx(t, "", append([]string{"--db", db}, args...)...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
}
