package graph

import (
	"testing"

	"github.com/kgx-project/kgx/extract"
	"gonum.org/v1/gonum/graph/network"
)

func person(name string, mentions int) Entity {
	key := extract.Key(extract.Person, name)
	return Entity{ID: ID(key), Key: key, Name: name, Type: extract.Person, Mentions: mentions, Documents: 1}
}

func TestMergeAndGonum(t *testing.T) {
	shoigu, kim, ri := person("Sergei Shoigu", 3), person("Kim Jong Un", 2), person("Ri Chang Dae", 1)
	met := func(a, b Entity, doc string) Relation {
		return Relation{Source: a.ID, Target: b.ID, Label: "met", Category: "CONSULT", Count: 1,
			Evidence: []Evidence{{Doc: doc, Sentence: a.Name + " met " + b.Name + "."}}}
	}
	g := Build(
		&Facts{Doc: Doc{ID: "d1"}, Entities: []Entity{shoigu, kim}, Relations: []Relation{met(shoigu, kim, "d1")}},
		&Facts{Doc: Doc{ID: "d2"}, Entities: []Entity{shoigu, kim, ri}, Relations: []Relation{met(shoigu, kim, "d2"), met(shoigu, ri, "d2")},
			CoMentions: []Relation{{Source: kim.ID, Target: ri.ID, Label: CoMentioned, Count: 1}}},
	)
	tests := []struct {
		name      string
		got, want any
	}{
		{"entities", len(g.Entities()), 3},
		{"typed relations", len(g.Relations()), 2},
		{"co-mentions kept apart", len(g.CoMentions()), 1},
		{"shoigu mentions add", g.Entity(shoigu.ID).Mentions, 6},
		{"shoigu documents add", g.Entity(shoigu.ID).Documents, 2},
		{"met count", g.Out(shoigu.ID)[0].Count + g.Out(shoigu.ID)[1].Count, 3},
		{"evidence kept", len(g.Out(shoigu.ID)[0].Evidence) + len(g.Out(shoigu.ID)[1].Evidence), 3},
		{"gonum From", g.From(shoigu.ID).Len(), 2},
		{"gonum To", g.To(kim.ID).Len(), 1},
		{"co-mention is not a gonum edge", g.HasEdgeBetween(kim.ID, ri.ID), false},
		{"weight is the count", func() float64 { w, _ := g.Weight(shoigu.ID, kim.ID); return w }(), 2.0},
		{"docs", len(g.Docs()), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	// gonum's algorithms run on the graph directly.
	pr := network.PageRank(g, 0.85, 1e-8)
	if !(pr[kim.ID] > pr[shoigu.ID]) {
		t.Errorf("PageRank: Kim (met twice) %.3f should outrank Shoigu (meets others) %.3f", pr[kim.ID], pr[shoigu.ID])
	}
}

func TestIDDependsOnlyOnKey(t *testing.T) {
	a, b := ID("PERSON:sergei shoigu"), ID("PERSON:sergei shoigu")
	if a != b || a < 0 {
		t.Fatalf("ID not stable or negative: %d %d", a, b)
	}
	if ID("PERSON:kim jong un") == a {
		t.Fatal("different keys gave one id")
	}
}
