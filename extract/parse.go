package extract

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/kgx-project/kgx/extract/internal/depparse"
	modelfiles "github.com/kgx-project/kgx/extract/models"
)

// loadParser decodes the embedded dependency parser once per process.
var loadParser = sync.OnceValues(func() (*depparse.Parser, error) {
	p, err := depparse.Load(bytes.NewReader(modelfiles.Dep))
	if err != nil {
		return nil, fmt.Errorf("embedded dependency parser: %w", err)
	}
	return p, nil
})

// parse fills Token.Head (an index into doc.Tokens, -1 for the sentence
// root) and Token.Dep (a UD relation) for every sentence, from the words and
// the tags the POS stage filled (Token.XPOS and Token.Tag).
//
// A multi-word name the NER stage found ("Kim Jong Un", "Security Council")
// is handed to the parser as one word, its last ("Un", "Council", the
// word that meets the rest of the sentence): the parser never sees the
// inside of a name, so it cannot attach part of it, or the phrase after it,
// to the wrong clause ("met Kim Jong Un in Pyongyang" was parsed with "Kim"
// the subject of the full stop). The name's words are then given UD's internal
// arcs: a person's name is headed by its first word with the rest flat
// ("Kim" <-flat- "Jong"), any other name by its last word with the rest as
// compounds ("Security" <-compound- "Council").
func (e *Extractor) parse(doc *Document) {
	p, err := loadParser()
	if err != nil {
		doc.Errors.Add(0, err.Error())
		return
	}
	var words, xpos, upos, deps []string
	var heads []int
	var units []nameUnit
	mi := 0
	for _, s := range doc.Sentences {
		n := s.End - s.First
		if n <= 0 {
			continue
		}
		for mi < len(doc.Mentions) && doc.Mentions[mi].First < s.First {
			mi++
		}
		units = units[:0]
		words, xpos, upos = words[:0], xpos[:0], upos[:0]
		for t := s.First; t < s.End; {
			u := nameUnit{first: t, end: t + 1, head: t}
			for mi < len(doc.Mentions) && doc.Mentions[mi].First < t {
				mi++
			}
			if mi < len(doc.Mentions) && doc.Mentions[mi].First == t && doc.Mentions[mi].End <= s.End {
				if m := doc.Mentions[mi]; collapsible(doc, m) {
					u.end, u.person = m.End, m.Type == Person
					if !u.person {
						u.head = m.End - 1
					}
				}
			}
			units = append(units, u)
			tk := doc.Tokens[u.end-1]
			words = append(words, doc.Slice(tk.Span))
			xpos = append(xpos, tk.XPOS)
			upos = append(upos, tk.Tag)
			t = u.end
		}
		k := len(units)
		if cap(heads) < k {
			heads, deps = make([]int, k), make([]string, k)
		}
		heads, deps = heads[:k], deps[:k]
		p.Parse(words, xpos, upos, heads, deps)
		for i, u := range units {
			h := &doc.Tokens[u.head]
			h.Head, h.Dep = -1, deps[i]
			if heads[i] >= 0 {
				h.Head = units[heads[i]].head
			}
			for t := u.first; t < u.end; t++ {
				if t == u.head {
					continue
				}
				tk := &doc.Tokens[t]
				tk.Head, tk.Dep = u.head, "compound"
				if u.person {
					tk.Dep = "flat"
				}
			}
		}
	}
}

// nameUnit is one word as the parser sees it: a token, or a whole name
// (tokens first..end-1, headed by token head).
type nameUnit struct {
	first, end, head int
	person           bool
}

// collapsible reports whether mention m is a name the parser should see as
// one word: two or more proper nouns naming a person, organisation, place
// or event ("the" or a title inside it, or a date, keeps its own words).
func collapsible(doc *Document, m Mention) bool {
	if m.End-m.First < 2 {
		return false
	}
	switch m.Type {
	case Person, Org, GPE, Loc, Fac, Event:
	default:
		return false
	}
	for t := m.First; t < m.End; t++ {
		if doc.Tokens[t].Tag != "PROPN" {
			return false
		}
	}
	return true
}
