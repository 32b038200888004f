package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/tagger"
)

// segment splits each body block into tokens (tokenize) and sentences.
// A sentence ends after . ! ? … (and closing quotes or brackets) when the
// next word does not start in lower case, at a blank line, and at a line
// break after a short line such as a headline; abbreviations ("Gen.",
// "U.S.") never end one. Sentences never cross a Body block. A wire
// dateline that opens a line is a sentence of its own (datelineEnd).
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
			if d := datelineEnd(doc, f, e); d > f {
				doc.Sentences = append(doc.Sentences, Sentence{
					Span:  Span{doc.Tokens[f].Span.Start, doc.Tokens[d-1].Span.End},
					First: f, End: d,
				})
				f = d
			}
			doc.Sentences = append(doc.Sentences, Sentence{
				Span:  Span{doc.Tokens[f].Span.Start, doc.Tokens[e-1].Span.End},
				First: f, End: e,
			})
		}
	}
}

// datelineEnd returns the end of the wire-story dateline that opens the
// sentence of tokens [f, e) ("MOSCOW, Nov 1 (Reuters) -", "WASHINGTON (AP)
// —", "SEOUL, South Korea, Sept. 13 (Yonhap) --"), or f if it has none.
// A dateline is a line's first words, the first in capitals (or
// capitalised, if a bracketed agency name follows: KCNA's "Pyongyang,
// September 13 (KCNA) --"), then capitalised words, numbers, commas, full
// stops and one bracketed agency name, ended by a dash within 16 tokens and followed by a
// capitalised word, a number or a quote ("NATO - the alliance - met" has
// none). It is a sentence of its own: the parser would otherwise
// read the city as the story's first subject ("WASHINGTON imposed
// sanctions"), and the first sentence's evidence would carry it.
func datelineEnd(doc *Document, f, e int) int {
	if ls := strings.LastIndexByte(doc.Text[:doc.Tokens[f].Span.Start], '\n') + 1; strings.TrimSpace(doc.Text[ls:doc.Tokens[f].Span.Start]) != "" {
		return f // not at the start of a line
	}
	w := doc.Slice(doc.Tokens[f].Span)
	r, _ := utf8.DecodeRuneInString(w)
	caps := shouted(w) // "MOSCOW -"; a place in title case needs its agency: "Pyongyang, September 13 (KCNA) --"
	if utf8.RuneCountInString(w) < 3 || !caps && !unicode.IsUpper(r) {
		return f
	}
	paren, agency := 0, false
	for t := f + 1; t < e-1 && t < f+16; t++ {
		w := doc.Slice(doc.Tokens[t].Span)
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "-" || w == "--" || w == "—" || w == "–":
			if paren != 0 || !caps && !agency {
				return f
			}
			// the story's first sentence starts after it
			if r, _ := utf8.DecodeRuneInString(doc.Slice(doc.Tokens[t+1].Span)); !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“'‘", r) {
				return f
			}
			return t + 1
		case w == "(":
			paren++
		case w == ")":
			paren--
			agency = true
		case w == "," || w == "." || unicode.IsUpper(r) || unicode.IsDigit(r):
		case strings.HasSuffix(w, ".") && unicode.IsUpper(r):
		default:
			return f
		}
		if paren < 0 || paren > 1 {
			return f
		}
	}
	return f
}
