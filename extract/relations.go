package extract

import "strings"

// trigger is a word that expresses a relation, with its label and PLOVER
// category.
type trigger struct {
	label, category string
}

var triggers = map[string]trigger{
	"met": {"met", "CONSULT"}, "meet": {"met", "CONSULT"}, "meets": {"met", "CONSULT"}, "meeting": {"met", "CONSULT"},
	"visited": {"visited", "CONSULT"}, "visit": {"visited", "CONSULT"}, "visits": {"visited", "CONSULT"}, "visiting": {"visited", "CONSULT"},
}

// relate finds typed relations and co-mentions within each sentence. The
// walking skeleton links the nearest entity before a trigger word to the
// nearest person, organisation or place after it; issue 4 replaces this
// with relations over the dependency parse.
func (e *Extractor) relate(doc *Document) {
	mi := 0
	for _, s := range doc.Sentences {
		for mi < len(doc.Mentions) && doc.Mentions[mi].Start < s.Start {
			mi++
		}
		lo := mi
		for mi < len(doc.Mentions) && doc.Mentions[mi].End <= s.End {
			mi++
		}
		ms := doc.Mentions[lo:mi]
		coMention(doc, s, ms)
		for ti := s.First; ti < s.End; ti++ {
			tr, ok := triggers[strings.ToLower(doc.Slice(doc.Tokens[ti].Span))]
			if !ok {
				continue
			}
			src, dst := -1, -1
			for k := range ms {
				m := ms[k]
				if m.Entity < 0 {
					continue
				}
				if m.End <= doc.Tokens[ti].Start && (m.Type == Person || m.Type == Org || m.Type == GPE) {
					src = m.Entity
				}
				if dst < 0 && m.Start >= doc.Tokens[ti].End && m.Type != NORP && m.Type != Date {
					if tr.label == "met" && m.Type != Person && m.Type != Org {
						continue
					}
					dst = m.Entity
				}
			}
			if src < 0 || dst < 0 || src == dst {
				continue
			}
			doc.Relations = append(doc.Relations, Relation{
				Source: src, Target: dst, Label: tr.label, Category: tr.category,
				Trigger: doc.Tokens[ti].Span, Evidence: s.Span, Modality: Asserted, Place: -1, Confidence: 0.5,
			})
		}
	}
}

// coMention records every pair of distinct entities in one sentence.
func coMention(doc *Document, s Sentence, ms []Mention) {
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			a, b := ms[i].Entity, ms[j].Entity
			if a < 0 || b < 0 || a == b {
				continue
			}
			if a > b {
				a, b = b, a
			}
			dup := false
			for _, c := range doc.CoMentions {
				if c.A == a && c.B == b && c.Evidence == s.Span {
					dup = true
					break
				}
			}
			if !dup {
				doc.CoMentions = append(doc.CoMentions, CoMention{A: a, B: b, Evidence: s.Span})
			}
		}
	}
}
