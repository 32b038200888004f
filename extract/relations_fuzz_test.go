package extract

import (
	"testing"
	"time"
)

// FuzzRelate builds a random parsed document from the fuzz input (words
// from a small vocabulary, random heads, labels, tags and mentions, cycles
// allowed) and checks that relate never panics and that every index it
// writes is in range.
func FuzzRelate(f *testing.F) {
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"))
	f.Add([]byte("met with Kim in Pyongyang on Wednesday"))
	f.Add([]byte{0, 0, 0, 0, 255, 255, 255, 255, 7, 7, 7, 7, 3, 1, 4, 1, 5, 9, 2, 6})
	words := []string{"Shoigu", "met", "with", "Kim", "visited", "Pyongyang", "talks", "meeting", "between", "and",
		"who", "sent", "troops", "to", "Russia", "will", "not", "according", "Wednesday", "August", "region", "of",
		"secretary", "'s", "visit", "war", "parade", "thanked", "the", "by"}
	tags := []string{"VERB", "NOUN", "PROPN", "ADP", "PRON", "AUX", "ADJ", "PART", "CCONJ", "DET"}
	deps := []string{"nsubj", "obj", "obl", "nmod", "case", "conj", "cc", "acl:relcl", "xcomp", "advcl", "appos",
		"compound", "amod", "nmod:poss", "aux", "advmod", "nsubj:pass", "obl:agent", "fixed", "root", "mark", "flat", "dobj"}
	types := []EntityType{Person, Org, GPE, Loc, NORP, Event, Date}
	e := &Extractor{events: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 4 {
			return
		}
		n := len(data) / 4
		if n > 60 {
			n = 60
		}
		doc := &Document{ID: "f", Published: time.Date(2025, 12, 26, 0, 0, 0, 0, time.UTC)}
		text := ""
		for i := 0; i < n; i++ {
			b := data[4*i : 4*i+4]
			if i > 0 {
				text += " "
			}
			w := words[int(b[0])%len(words)]
			start := len(text)
			text += w
			head := int(b[1])%(n+1) - 1
			doc.Tokens = append(doc.Tokens, Token{Span: Span{start, len(text)}, Tag: tags[int(b[2])%len(tags)],
				Head: head, Dep: deps[int(b[3])%len(deps)]})
		}
		doc.Text = text
		doc.Sentences = []Sentence{{Span: Span{0, len(text)}, First: 0, End: n}}
		for i := 0; i < n; {
			b := data[4*i]
			if b%3 != 0 {
				i++
				continue
			}
			j := min(i+1+int(b>>6), n)
			ty := types[int(data[4*i+2])%len(types)]
			ei := len(doc.Entities)
			doc.Entities = append(doc.Entities, Entity{Key: Key(ty, doc.Text[doc.Tokens[i].Start:doc.Tokens[j-1].End]), Name: "e", Type: ty, Mentions: []int{len(doc.Mentions)}})
			doc.Mentions = append(doc.Mentions, Mention{Span: Span{doc.Tokens[i].Start, doc.Tokens[j-1].End}, First: i, End: j, Type: ty, Entity: ei})
			i = j
		}
		e.relate(doc)
		ne := len(doc.Entities)
		for _, r := range doc.Relations {
			if r.Source < 0 || r.Source >= ne || r.Target < 0 || r.Target >= ne || r.Source == r.Target {
				t.Fatalf("relation endpoints out of range: %+v (%d entities)", r, ne)
			}
			if r.Place < -1 || r.Place >= ne {
				t.Fatalf("place out of range: %+v", r)
			}
			if !doc.Sentences[0].Span.Contains(r.Trigger) || r.Evidence != doc.Sentences[0].Span {
				t.Fatalf("spans out of range: %+v", r)
			}
			if r.Label == "" || r.Category == "" || r.Confidence <= 0 || r.Confidence > 1 {
				t.Fatalf("incomplete relation: %+v", r)
			}
		}
		for _, c := range doc.CoMentions {
			if c.A < 0 || c.A >= c.B || c.B >= ne {
				t.Fatalf("co-mention out of range: %+v", c)
			}
		}
		for mi, m := range doc.Mentions {
			if m.Entity < 0 || m.Entity >= ne || (mi > 0 && doc.Mentions[mi-1].Span.Start > m.Span.Start) {
				t.Fatalf("mentions broken after namedEvents: %+v", doc.Mentions)
			}
		}
		for _, ev := range doc.Events {
			for _, ri := range ev.Relations {
				if ri < 0 || ri >= len(doc.Relations) {
					t.Fatalf("event relation out of range: %+v", ev)
				}
			}
		}
	})
}
