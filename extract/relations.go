package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract/internal/lexicon"
)

// relate finds typed relations over the dependency parse (see rel.go for
// the machinery), the attribute relations (attributes.go), the named
// events (events.go) and the weak sentence co-mentions.
//
// A trigger is a verb or noun in the lexicon (met, visited, thanked,
// talks, visit). Its participants come from the parse: subjects (nsubj,
// the by-agent of a passive, the antecedent of a relative clause, the
// controller of "to meet"), objects and obliques whose preposition the
// trigger takes ("met with Y", "a visit to Y", "a meeting between X and
// Y"); conjuncts multiply them ("met Kim and Ri"). A participant is the
// entity whose mention covers the argument's head, or its appositive
// ("an official, Sergei Shoigu,") or, with lower confidence, an entity
// modifying it ("North Korean troops" -> North Korea).
func (e *Extractor) relate(doc *Document) {
	lex, err := lexicon.Default()
	if err != nil {
		doc.Errors.Add(0, "relations: "+err.Error())
		return
	}
	namedEvents(doc)
	r := newRelater(doc, lex)
	for _, s := range doc.Sentences {
		if e.window || !r.parsed(s) {
			r.window(s)
			continue
		}
		for t := s.First; t < s.End; t++ {
			r.trigger(s, t)
		}
		r.attributes(s)
	}
	r.finish()
	coMentions(doc)
	if e.events {
		buildEvents(doc)
	}
}

// finish sorts the relations into evidence order and drops duplicates (the
// same source, target and label from one sentence), keeping the most
// confident.
func (r *relater) finish() {
	rs := r.out
	slices.SortStableFunc(rs, func(a, b Relation) int {
		return cmp.Or(cmp.Compare(a.Evidence.Start, b.Evidence.Start), cmp.Compare(a.Source, b.Source),
			cmp.Compare(a.Target, b.Target), cmp.Compare(a.Label, b.Label), cmp.Compare(b.Confidence, a.Confidence),
			cmp.Compare(a.Trigger.Start, b.Trigger.Start))
	})
	rs = slices.CompactFunc(rs, func(a, b Relation) bool {
		return a.Evidence == b.Evidence && a.Source == b.Source && a.Target == b.Target && a.Label == b.Label
	})
	slices.SortStableFunc(rs, func(a, b Relation) int {
		return cmp.Or(cmp.Compare(a.Evidence.Start, b.Evidence.Start), cmp.Compare(a.Trigger.Start, b.Trigger.Start),
			cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), strings.Compare(a.Label, b.Label))
	})
	r.doc.Relations = append(r.doc.Relations, rs...)
}

// coMentions records every pair of distinct entities that share a
// sentence: a weak edge kind, kept apart from typed relations.
func coMentions(doc *Document) {
	mi := 0
	for _, s := range doc.Sentences {
		for mi < len(doc.Mentions) && doc.Mentions[mi].First < s.First {
			mi++
		}
		var ents []int
		for ; mi < len(doc.Mentions) && doc.Mentions[mi].End <= s.End; mi++ {
			if m := doc.Mentions[mi]; m.Entity >= 0 && m.Type != Date {
				ents = append(ents, m.Entity)
			}
		}
		slices.Sort(ents)
		ents = slices.Compact(ents)
		for i := range ents {
			for j := i + 1; j < len(ents); j++ {
				doc.CoMentions = append(doc.CoMentions, CoMention{A: ents[i], B: ents[j], Evidence: s.Span})
			}
		}
	}
}
