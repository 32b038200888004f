package extract

import "github.com/kgx-project/kgx/extract/internal/tagger"

// tagPOS fills Token.Tag (UPOS) and Token.XPOS (Penn) sentence by
// sentence with kgx's averaged-perceptron tagger (trained on UD
// English-EWT and GUM; see extract/models). Title-case headlines and
// all-caps lines are tagged in their case-normalised view, as the
// recogniser reads them (tagger.Model.CaseView).
func (e *Extractor) tagPOS(doc *Document) {
	var out []int
	all := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		all[i] = sentenceWords(doc, s)
	}
	all = e.m.ner.CaseView(all, e.m.gaz)
	for i, s := range doc.Sentences {
		words := all[i]
		out = append(out[:0], make([]int, len(words))...)
		e.m.pos.TagPOS(words, out)
		for i, c := range out {
			t := &doc.Tokens[s.First+i]
			t.Tag, t.XPOS = tagger.SplitPOS(e.m.pos.Classes[c])
		}
	}
}

func sentenceWords(doc *Document, s Sentence) []string {
	words := make([]string, 0, s.End-s.First)
	for _, t := range doc.Tokens[s.First:s.End] {
		words = append(words, doc.Slice(t.Span))
	}
	return words
}
