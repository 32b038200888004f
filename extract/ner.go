package extract

import "strings"

// recognise fills doc.Mentions sentence by sentence. The walking skeleton
// uses prose's default model; issue 3 replaces it.
func (e *Extractor) recognise(doc *Document) {
	for _, s := range doc.Sentences {
		labels := ProseBaseline(sentenceWords(doc, s))
		doc.Mentions = appendBIO(doc, s, labels, doc.Mentions)
	}
}

// appendBIO appends the mentions encoded by BIO labels (one per token of
// sentence s; "B-PERSON", "I-PERSON", "O") to ms. An I- label that does not
// continue a mention of its type starts one.
func appendBIO(doc *Document, s Sentence, labels []string, ms []Mention) []Mention {
	open := -1
	var typ EntityType
	flush := func(end int) {
		if open >= 0 {
			first, last := s.First+open, s.First+end
			ms = append(ms, Mention{
				Span:  Span{doc.Tokens[first].Start, doc.Tokens[last-1].End},
				First: first, End: last, Type: typ, Entity: -1, Score: 1,
			})
		}
		open = -1
	}
	for i, l := range labels {
		if l == "O" || len(l) < 3 {
			flush(i)
			continue
		}
		t, ok := ParseEntityType(l[2:])
		if !ok {
			flush(i)
			continue
		}
		if strings.HasPrefix(l, "I-") && open >= 0 && t == typ {
			continue
		}
		flush(i)
		open, typ = i, t
	}
	flush(len(labels))
	return ms
}
