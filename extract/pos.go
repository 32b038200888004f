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
