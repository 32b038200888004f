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
	repairGerundObjects(doc, lex)
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

// repairGerundObjects mends a parse the parser gets wrong after a
// preposition: in "accused North Korea of supplying shells to Moscow" it
// reads "supplying" as an adjective of "shells" (amod), "shells" as the
// oblique of "accused" and "to Moscow" as a modifier of the shells, so
// nobody supplies anything. When the gerund is a trigger whose object
// pattern takes that noun (supply + shells: weapons), the phrase is made
// the clause it is: the gerund heads it (advcl, or acl under a noun:
// "the charge of supplying shells"), the noun is its object, the
// preposition its mark and the noun's later modifiers its obliques.
func repairGerundObjects(doc *Document, lex *lexicon.Lexicon) {
	toks := doc.Tokens
	for v := 1; v < len(toks); v++ {
		tv := &toks[v]
		n := tv.Head
		if tv.Tag != "VERB" || tv.XPOS != "VBG" || tv.Dep != "amod" || n <= v || n > v+3 || toks[n].Tag != "NOUN" {
			continue
		}
		if p := &toks[v-1]; p.Head != n || p.Dep != "case" {
			continue
		}
		if !gerundTakes(doc, lex, v, n) {
			continue
		}
		tn := &toks[n]
		tv.Head, tv.Dep = tn.Head, "advcl"
		if d := tn.Dep; d == "nmod" || strings.HasPrefix(d, "nmod:") || d == "obj" || d == "nsubj" {
			tv.Dep = "acl"
		}
		if tn.Dep == "obl" || strings.HasPrefix(tn.Dep, "obl:") {
			tv.Dep = "advcl"
		}
		toks[v-1].Head, toks[v-1].Dep = v, "mark"
		tn.Head, tn.Dep = v, "obj"
		for k := n + 1; k < len(toks) && k < n+12; k++ {
			if tk := &toks[k]; tk.Head == n && (tk.Dep == "nmod" || strings.HasPrefix(tk.Dep, "nmod:")) && tk.Dep != "nmod:poss" {
				tk.Head, tk.Dep = v, "obl"
			}
		}
	}
}

// gerundTakes reports whether gerund v is a trigger whose object pattern
// takes noun n, or the noun's compound modifier ("artillery shells").
func gerundTakes(doc *Document, lex *lexicon.Lexicon, v, n int) bool {
	noun := strings.ToLower(doc.Slice(doc.Tokens[n].Span))
	mod := ""
	if c := n - 1; c > v && doc.Tokens[c].Head == n && doc.Tokens[c].Dep == "compound" {
		mod = strings.ToLower(doc.Slice(doc.Tokens[c].Span))
	}
	for _, tr := range lex.Verb(strings.ToLower(doc.Slice(doc.Tokens[v].Span))) {
		if p, ok := lex.Object(tr, noun, ""); ok && p.Category != "-" {
			return true
		}
		if mod != "" {
			if p, ok := lex.Object(tr, mod, ""); ok && p.Category != "-" {
				return true
			}
		}
	}
	return false
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
