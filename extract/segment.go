package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// segment splits each body block into sentences and tokens. Tokens follow
// the Penn/UD conventions the models were trained on: punctuation split
// off, clitics ('s, n't, 're, ...) separate, abbreviations, initials,
// numbers, URLs and hyphenated words kept whole. Curly and straight quotes
// are handled alike, and offsets are exact bytes into doc.Text.
func segment(doc *Document) {
	for _, b := range doc.Body {
		first := len(doc.Tokens)
		tokenize(doc.Text, b, &doc.Tokens)
		splitSentences(doc, first, len(doc.Tokens))
	}
}

// tokenize appends the tokens of text[b.Start:b.End] to toks.
func tokenize(text string, b Span, toks *[]Token) {
	i := b.Start
	for i < b.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < b.End {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		splitWord(text, i, j, toks)
		i = j
	}
}

func addTok(toks *[]Token, s, e int) {
	if s < e {
		*toks = append(*toks, Token{Span: Span{s, e}, Head: -1})
	}
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "maj": true, "gov": true, "sen": true, "rep": true, "st": true, "jr": true,
	"sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true,
	"oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true, "u.s": true, "u.n": true,
	"u.k": true, "a.m": true, "p.m": true, "adm": true, "gens": true, "rev": true, "dept": true,
	"est": true, "fig": true, "approx": true, "mt": true, "ft": true,
}

// isOpenPunct and isClosePunct are split off a word's start or end.
func isOpenPunct(r rune) bool {
	return strings.ContainsRune("([{\"'“‘«<", r)
}

func isClosePunct(r rune) bool {
	return strings.ContainsRune(")]}\"'”’».,;:!?…>", r)
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "s'", "s’"}

// splitWord splits one whitespace-free chunk text[s:e] into tokens.
func splitWord(text string, s, e int, toks *[]Token) {
	// URLs and e-mail addresses stay whole (minus closing punctuation).
	w := text[s:e]
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") || (strings.Contains(w, "@") && strings.Contains(w, ".")) {
		end := e
		for end > s {
			r, n := utf8.DecodeLastRuneInString(text[s:end])
			if !isClosePunct(r) {
				break
			}
			end -= n
		}
		addTok(toks, s, end)
		splitTrailing(text, end, e, toks)
		return
	}
	// leading punctuation
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isOpenPunct(r) && r != '—' && r != '–' {
			break
		}
		addTok(toks, s, s+n)
		s += n
	}
	// trailing punctuation, collected right to left
	var tail []Span
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if r == '.' {
			core := text[s : e-n]
			if keepsPeriod(core) {
				break
			}
		}
		if !isClosePunct(r) && r != '—' && r != '–' {
			break
		}
		// keep '...' together
		if r == '.' && strings.HasSuffix(text[s:e], "...") {
			tail = append(tail, Span{e - 3, e})
			e -= 3
			continue
		}
		// a possessive s' keeps its apostrophe as a clitic
		if (r == '\'' || r == '’') && e-n > s && (text[e-n-1] == 's' || text[e-n-1] == 'S') && e-n-1 > s {
			tail = append(tail, Span{e - n, e})
			e -= n
			break
		}
		tail = append(tail, Span{e - n, e})
		e -= n
	}
	// clitics
	core := text[s:e]
	lower := strings.ToLower(core)
	for _, c := range clitics {
		if len(lower) > len(c) && strings.HasSuffix(lower, c) && !strings.HasPrefix(c, "s") {
			cut := e - len(c)
			splitDashes(text, s, cut, toks)
			addTok(toks, cut, e)
			s = e
			break
		}
	}
	if s < e {
		splitDashes(text, s, e, toks)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		addTok(toks, tail[k].Start, tail[k].End)
	}
}

// splitDashes splits em and en dashes and slashes between words off as
// tokens; hyphens stay inside words.
func splitDashes(text string, s, e int, toks *[]Token) {
	start := s
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if r == '—' || r == '–' || (r == '/' && i > s && i+n < e) || r == '"' || r == '“' || r == '”' || r == '(' || r == ')' {
			addTok(toks, start, i)
			addTok(toks, i, i+n)
			start = i + n
		}
		i += n
	}
	addTok(toks, start, e)
}

func splitTrailing(text string, s, e int, toks *[]Token) {
	for i := s; i < e; {
		_, n := utf8.DecodeRuneInString(text[i:e])
		addTok(toks, i, i+n)
		i += n
	}
}

// keepsPeriod reports whether a word keeps its final period: known
// abbreviations, initials ("J."), and dotted acronyms ("U.S.").
func keepsPeriod(core string) bool {
	if core == "" {
		return false
	}
	l := strings.ToLower(strings.TrimLeft(core, "(\"'“‘"))
	if abbreviations[l] {
		return true
	}
	if r, n := utf8.DecodeRuneInString(core); n == len(core) && unicode.IsUpper(r) {
		return true // an initial
	}
	return strings.Count(core, ".") >= 1 && len(core) <= 6 && !strings.ContainsAny(core, "0123456789") && isDotted(core)
}

func isDotted(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if utf8.RuneCountInString(part) > 1 {
			return false
		}
	}
	return true
}

// splitSentences groups tokens toks[first:end] of one block into
// sentences, ending at . ! ? (and closing quotes after them) when the next
// token starts a sentence.
func splitSentences(doc *Document, first, end int) {
	start := first
	for i := first; i < end; i++ {
		t := doc.Slice(doc.Tokens[i].Span)
		if t != "." && t != "!" && t != "?" && t != "..." && t != "…" {
			continue
		}
		j := i + 1
		for j < end && isClosingQuote(doc.Slice(doc.Tokens[j].Span)) {
			j++
		}
		if j < end && !startsSentence(doc.Slice(doc.Tokens[j].Span)) {
			continue
		}
		doc.Sentences = append(doc.Sentences, Sentence{Span: Span{doc.Tokens[start].Start, doc.Tokens[j-1].End}, First: start, End: j})
		start = j
		i = j - 1
	}
	if start < end {
		doc.Sentences = append(doc.Sentences, Sentence{Span: Span{doc.Tokens[start].Start, doc.Tokens[end-1].End}, First: start, End: end})
	}
}

func isClosingQuote(t string) bool {
	return t == "\"" || t == "”" || t == "’" || t == "'" || t == ")"
}

func startsSentence(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenPunct(r) || r == '—' || r == '-'
}
