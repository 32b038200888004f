package extract

import (
	"unicode"

	"github.com/kgx-project/kgx/extract/internal/tagger"
)

// tokenize appends the tokens of text[b.Start:b.End] to toks, with exact
// byte offsets. It is the tokeniser the POS and NER models were trained
// with (tagger.Tokenize): Penn/UD conventions, punctuation and clitics
// ("n't", "'s", straight or curly) split off, abbreviations, initials,
// dotted acronyms, numbers, URLs and hyphenated words kept whole, dashes
// split. Tokens never cross the block. A token of invisible format
// characters only (a left-to-right mark, U+200E, copied from a web page
// with "Prime Minister\u200e Haider al-Abadi") is no word and is dropped,
// here and not in the tokeniser the models were trained with.
func tokenize(text string, b Span, toks *[]Token) {
	for _, t := range tagger.Tokenize(nil, text, b.Start, b.End) {
		if invisible(text[t.Start:t.End]) {
			continue
		}
		*toks = append(*toks, Token{Span: Span{t.Start, t.End}, Head: -1})
	}
}

// invisible reports whether w is only format characters (Unicode Cf:
// bidirectional marks, zero-width joiners).
func invisible(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}
