package extract

import "github.com/kgx-project/kgx/extract/internal/tagger"

// tagPOS fills Token.Tag (UPOS) and Token.XPOS (Penn) sentence by
// sentence with kgx's averaged-perceptron tagger (trained on UD
// English-EWT and GUM; see extract/models).
func (e *Extractor) tagPOS(doc *Document) {
	var out []int
	for _, s := range doc.Sentences {
		words := sentenceWords(doc, s)
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
