package store

import (
	"fmt"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// docBuilder makes one document's facts for the reindex tests.
type docBuilder struct {
	f    *graph.Facts
	text string
}

func newDoc(name, path, date string) *docBuilder {
	text := "text of " + name
	return &docBuilder{text: text, f: &graph.Facts{Doc: graph.Doc{ID: extract.Hash(text), Hash: extract.Hash(text),
		Title: name, Date: date, Path: path}}}
}

// entity adds an entity named name of type typ (with aliases, each
// given as name and rule) and returns its id.
func (b *docBuilder) entity(typ extract.EntityType, name string, mentions int, aliases ...extract.Alias) int64 {
	k := extract.Key(typ, name)
	b.f.Entities = append(b.f.Entities, graph.Entity{ID: graph.ID(k), Key: k, Name: name, Type: typ,
		Mentions: mentions, Documents: 1, FirstSeen: b.f.Doc.Date, LastSeen: b.f.Doc.Date, Aliases: aliases})
	return graph.ID(k)
}

// relation adds a typed relation with one piece of evidence at start.
func (b *docBuilder) relation(src, dst int64, label string, start int) {
	s := fmt.Sprintf("Sentence at %d of %s.", start, b.f.Doc.Title)
	b.f.Relations = append(b.f.Relations, graph.Relation{Source: src, Target: dst, Label: label, Category: "CONSULT",
		Count: 1, Evidence: []graph.Evidence{{Doc: b.f.Doc.ID, Sentence: s, Start: start, End: start + len(s), Date: b.f.Doc.Date}}})
}

func (b *docBuilder) coMention(a, c int64) {
	b.f.CoMentions = append(b.f.CoMentions, graph.Relation{Source: min(a, c), Target: max(a, c), Label: graph.CoMentioned,
		Count: 1, Evidence: []graph.Evidence{{Doc: b.f.Doc.ID, Sentence: "co", Start: 0, End: 2}}})
}

// reindexBase is a small corpus with two names of one news agency that
// resolution keeps apart until some document defines the acronym.
func reindexBase() []*graph.Facts {
	var out []*graph.Facts
	for i := range 4 {
		d := newDoc(fmt.Sprintf("base %d", i), fmt.Sprintf("news/%d.txt", i), fmt.Sprintf("2025-01-0%d", i+1))
		kim := d.entity(extract.Person, "Kim Jong Un", 3)
		pya := d.entity(extract.GPE, "Pyongyang", 1)
		d.relation(kim, pya, "visited", 10)
		if i%2 == 0 {
			kcna := d.entity(extract.Org, "Korean Central News Agency", 1)
			d.relation(kcna, kim, "quoted", 80)
		} else {
			kcna := d.entity(extract.Org, "KCNA", 2)
			d.relation(kcna, kim, "quoted", 80)
			d.coMention(kcna, pya)
		}
		out = append(out, d.f)
	}
	return out
}

// TestReindexAfterPut checks that the store after an ingest into a
// reindexed store and ReindexIfStale (what kgx ingest does) is exactly
// the store of the same documents and curation written at once and
// reindexed from scratch: every key, the resolved view included.
func TestReindexAfterPut(t *testing.T) {
	acronym := func() []*graph.Facts {
		d := newDoc("acronym", "news/acronym.txt", "2025-02-01")
		kcna := d.entity(extract.Org, "Korean Central News Agency", 1, extract.Alias{Name: "KCNA", Rule: extract.RuleAcronym})
		kim := d.entity(extract.Person, "Kim Jong Un", 1)
		d.relation(kcna, kim, "quoted", 5)
		return []*graph.Facts{d.f}
	}
	newEntity := func() []*graph.Facts {
		d := newDoc("new entity", "news/new.txt", "2025-02-02")
		putin := d.entity(extract.Person, "Vladimir Putin", 2)
		kim := d.entity(extract.Person, "Kim Jong Un", 1)
		d.relation(putin, kim, "met", 0)
		d.relation(kim, putin, "thanked", 40)
		d.coMention(putin, kim)
		return []*graph.Facts{d.f}
	}
	replaced := func() []*graph.Facts {
		d := newDoc("base 1, edited", "news/1.txt", "2025-01-02") // the path of base 1
		kim := d.entity(extract.Person, "Kim Jong Un", 1)
		seoul := d.entity(extract.GPE, "Seoul", 1)
		d.relation(kim, seoul, "criticized", 7)
		return []*graph.Facts{d.f}
	}
	tests := []struct {
		name     string
		add      func() []*graph.Facts
		curation []graph.Curation
		// groups is the number of resolved entities after the
		// update, to show that the case does what it says.
		before, after int
	}{
		{name: "alias merges two entities", add: acronym, before: 4, after: 3},
		{name: "new entity", add: newEntity, before: 4, after: 5},
		{name: "replaced document", add: replaced, before: 4, after: 5},
		{name: "curation", add: newEntity, curation: []graph.Curation{
			{Op: graph.OpMerge, Name: "Korean Central News Agency", Other: "KCNA"},
			{Op: graph.OpRename, Name: "Kim Jong Un", Other: "Kim Jong-un"}}, before: 3, after: 4},
		{name: "curation and alias", add: acronym, curation: []graph.Curation{
			{Op: graph.OpIgnore, Name: "Pyongyang"}}, before: 3, after: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, added := reindexBase(), tt.add()

			s := MustOpen(t)
			mustPut(t, s, base...)
			if len(tt.curation) > 0 {
				if err := s.AddCuration(tt.curation...); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Reindex(); err != nil {
				t.Fatal(err)
			}
			if n := resolvedEntities(t, s); n != tt.before {
				t.Fatalf("%d resolved entities before the update, want %d", n, tt.before)
			}
			mustPut(t, s, added...)
			if done, err := s.ReindexIfStale(); err != nil || !done {
				t.Fatalf("ReindexIfStale: %v, %v", done, err)
			}
			mustCheck(t, s)
			if n := resolvedEntities(t, s); n != tt.after {
				t.Fatalf("%d resolved entities after the update, want %d", n, tt.after)
			}

			// The same documents and curation, written at once.
			final := map[string]*graph.Facts{}
			for _, f := range append(base, added...) {
				final[f.Doc.Path] = f // a later document replaces one with its path
			}
			full := MustOpen(t)
			for _, f := range sortedByID(mapValues(final)) {
				mustPut(t, full, f)
			}
			if len(tt.curation) > 0 {
				if err := full.AddCuration(tt.curation...); err != nil {
					t.Fatal(err)
				}
			}
			if err := full.Reindex(); err != nil {
				t.Fatal(err)
			}
			sameDump(t, "after the update", dumpStore(t, s), dumpStore(t, full))
		})
	}
}

func mapValues(m map[string]*graph.Facts) []*graph.Facts {
	var out []*graph.Facts
	for _, f := range m {
		out = append(out, f)
	}
	return out
}

// resolvedEntities counts the entities of s's saved view.
func resolvedEntities(t *testing.T, s *DB) int {
	t.Helper()
	v, err := s.OpenView()
	if err != nil {
		t.Fatal(err)
	}
	if v.Stale() {
		t.Fatal("view is stale")
	}
	n := 0
	if err := v.EachEntity(func(graph.Entity) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestFillAllSteps checks that fillAll, which steps over nearby sentence
// keys instead of seeking, fills exactly what fill (one lookup each)
// fills, however densely the evidence covers the sentence table.
func TestFillAllSteps(t *testing.T) {
	s := MustOpen(t)
	fs := synthFacts(7, 200)
	mustPut(t, s, fs...)
	var all []graph.Evidence
	for _, f := range fs {
		for _, r := range f.Relations {
			all = append(all, r.Evidence...)
		}
	}
	if len(all) < 4*nearSteps {
		t.Fatalf("only %d pieces of evidence", len(all))
	}
	for _, every := range []int{1, 2, 7, nearSteps + 1, 10 * nearSteps} {
		t.Run(fmt.Sprint("every ", every), func(t *testing.T) {
			var want, got []graph.Evidence
			for i := 0; i < len(all); i += every {
				ev := all[i]
				ev.Sentence = ""
				want, got = append(want, ev), append(got, ev)
			}
			txn := s.db.NewTransaction(false)
			defer txn.Discard()
			if err := newHydrator(txn).fill(want); err != nil {
				t.Fatal(err)
			}
			if err := newHydrator(txn).fillAll(evidencePointers(nil, got)); err != nil {
				t.Fatal(err)
			}
			for i := range want {
				if want[i].Sentence == "" || got[i] != want[i] {
					t.Fatalf("evidence %d: %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
}
