package extract

import "github.com/kgx-project/kgx/extract/internal/tagger"

// tokenize appends the tokens of text[b.Start:b.End] to toks, with exact
// byte offsets. It is the tokeniser the POS and NER models were trained
// with (tagger.Tokenize): Penn/UD conventions, punctuation and clitics
// ("n't", "'s", straight or curly) split off, abbreviations, initials,
// dotted acronyms, numbers, URLs and hyphenated words kept whole, dashes
// split. Tokens never cross the block.
func tokenize(text string, b Span, toks *[]Token) {
	for _, t := range tagger.Tokenize(nil, text, b.Start, b.End) {
		*toks = append(*toks, Token{Span: Span{t.Start, t.End}, Head: -1})
	}
}
