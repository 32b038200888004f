package extract

import "github.com/kgx-project/kgx/extract/internal/tagger"

// segment splits each body block into tokens (tokenize) and sentences.
// A sentence ends after . ! ? … (and closing quotes or brackets) when the
// next word does not start in lower case, at a blank line, and at a line
// break after a short line such as a headline; abbreviations ("Gen.",
// "U.S.") never end one. Sentences never cross a Body block.
func segment(doc *Document) {
	var toks []tagger.Tok
	for _, b := range doc.Body {
		first := len(doc.Tokens)
		tokenize(doc.Text, b, &doc.Tokens)
		toks = toks[:0]
		for _, t := range doc.Tokens[first:] {
			toks = append(toks, tagger.Tok{Start: t.Span.Start, End: t.Span.End})
		}
		for _, s := range tagger.SplitSentences(doc.Text, toks) {
			f, e := first+s.First, first+s.End
			doc.Sentences = append(doc.Sentences, Sentence{
				Span:  Span{doc.Tokens[f].Span.Start, doc.Tokens[e-1].Span.End},
				First: f, End: e,
			})
		}
	}
}
