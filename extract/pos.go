package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/tagger"
)

// tagPOS fills Token.Tag (UPOS) and Token.XPOS (Penn) sentence by
// sentence with kgx's averaged-perceptron tagger (trained on UD
// English-EWT and GUM; see extract/models). Title-case headlines and
// all-caps lines are tagged in their case-normalised view, as the
// recogniser reads them (tagger.Model.CaseView). A sentence's first word
// that is a name (openingName) is tagged a proper noun.
func (e *Extractor) tagPOS(doc *Document) {
	all := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		all[i] = sentenceWords(doc, s)
	}
	for i, classes := range e.m.posClasses(e.m.ner.CaseView(all, e.m.gaz)) {
		s := doc.Sentences[i]
		for k, c := range classes {
			t := &doc.Tokens[s.First+k]
			t.Tag, t.XPOS = tagger.SplitPOS(e.m.pos.Classes[c])
		}
	}
}

// retagNames tags again, after the recogniser, each sentence in which a
// one-word name of a person, organisation or place starts with a capital
// letter but was not tagged a proper noun, with those words fixed as
// proper nouns: "Zelenskiy called on the United States", tagged NN VBN,
// was parsed as a Zelenskiy who is called. (Longer names reach the
// parser as one word; re-tagging their words too changed as many
// relations for the worse as for the better.) The recogniser's own
// features keep the first tags.
func (e *Extractor) retagNames(doc *Document) {
	var all [][]string // the case view, built on first need
	var names []bool
	out := []int{}
	mi := 0
	for si, s := range doc.Sentences {
		names = append(names[:0], make([]bool, s.End-s.First)...)
		any := false
		for ; mi < len(doc.Mentions) && doc.Mentions[mi].First < s.End; mi++ {
			m := doc.Mentions[mi]
			switch m.Type {
			case Person, Org, GPE, Loc, Fac:
			default:
				continue
			}
			if m.End-m.First != 1 || m.First < s.First {
				continue // a longer name reaches the parser as one word (parse)
			}
			tk := doc.Tokens[m.First]
			if r, _ := utf8.DecodeRuneInString(doc.Slice(tk.Span)); unicode.IsUpper(r) && tk.Tag != "PROPN" {
				names[m.First-s.First], any = true, true
			}
		}
		if !any {
			continue
		}
		if all == nil {
			all = make([][]string, len(doc.Sentences))
			for i, s := range doc.Sentences {
				all[i] = sentenceWords(doc, s)
			}
			all = e.m.ner.CaseView(all, e.m.gaz)
		}
		out = append(out[:0], make([]int, len(names))...)
		e.m.pos.TagPOSNames(all[si], names, out)
		for k, c := range out {
			t := &doc.Tokens[s.First+k]
			t.Tag, t.XPOS = tagger.SplitPOS(e.m.pos.Classes[c])
		}
	}
}

// posClasses tags the sentences of one document, in their case view
// (tagger.Model.CaseView), with POS classes (indices into m.pos.Classes).
func (m *models) posClasses(view [][]string) [][]int {
	out := make([][]int, len(view))
	name := []bool{true}
	for i, words := range view {
		out[i] = make([]int, len(words))
		if len(words) > 1 && m.openingName(words[0]) {
			m.pos.TagPOSNames(words, name, out[i])
		} else {
			m.pos.TagPOS(words, out[i])
		}
	}
	return out
}

// openingName reports whether w, the first word of a sentence, is a name
// although its capital letter says nothing there. The POS tagger, trained
// on web text full of imperatives, took such words for verbs ("Moscow
// denies", "Beijing said" as VB and VBG). w must be capitalised, not in
// capitals only, never written in lower case in the NER training text
// (not "Check" or "Will"), and known to the gazetteer as a country, city,
// region, organisation or person, and not as a nationality ("American").
// (Words the document capitalises
// elsewhere were tried too: "Oh" and "Atoms" became persons.)
func (m *models) openingName(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size == len(w) || strings.ToUpper(w) == w || m.ner.Lower[strings.ToLower(w)] {
		return false
	}
	c := m.gaz.Lookup(w)
	return c&gazetteer.Demonym == 0 && c&(gazetteer.Country|gazetteer.City|gazetteer.Region|gazetteer.OrgName) != 0
}

func sentenceWords(doc *Document, s Sentence) []string {
	words := make([]string, 0, s.End-s.First)
	for _, t := range doc.Tokens[s.First:s.End] {
		words = append(words, doc.Slice(t.Span))
	}
	return words
}
