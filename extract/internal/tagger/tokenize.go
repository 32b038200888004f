package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tok is one token: a half-open byte range [Start, End) of the text.
type Tok struct{ Start, End int }

// Tokenize splits text[start:end] into tokens in the Penn/UD style the
// tagger was trained on and appends them to dst: punctuation split off,
// clitics split ("do|n't", "Putin|'s", with straight or curly
// apostrophes), abbreviations and initials kept whole ("U.S.", "Gen.",
// "J."), numbers with separators kept whole ("1,200.50"), hyphenated
// words kept whole, dashes split. Offsets are exact byte offsets into
// text; tokens never cross [start, end).
func Tokenize(dst []Tok, text string, start, end int) []Tok {
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if isSpace(r) {
			i += n
			continue
		}
		j := i
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if isSpace(r) {
				break
			}
			j += n
		}
		dst = splitChunk(dst, text, i, j)
		i = j
	}
	return dst
}

// TokenizeString returns the token strings of s (for building word lists).
func TokenizeString(s string) []string {
	toks := Tokenize(nil, s, 0, len(s))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = s[t.Start:t.End]
	}
	return out
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// splitChunk tokenises one whitespace-free chunk text[s:e].
func splitChunk(dst []Tok, text string, s, e int) []Tok {
	chunk := text[s:e]
	// URLs, e-mail addresses and handles stay whole (minus trailing punctuation).
	if strings.Contains(chunk, "://") || strings.HasPrefix(chunk, "www.") || (strings.Contains(chunk, "@") && strings.Contains(chunk, ".") && !strings.HasPrefix(chunk, "@")) {
		core := e
		for core > s {
			r, n := utf8.DecodeLastRuneInString(text[s:core])
			if strings.ContainsRune(".,;:!?)]}\"'”’»", r) {
				core -= n
				continue
			}
			break
		}
		dst = append(dst, Tok{s, core})
		for k := core; k < e; {
			_, n := utf8.DecodeRuneInString(text[k:e])
			dst = append(dst, Tok{k, k + n})
			k += n
		}
		return dst
	}
	first := len(dst)
	i := s
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if isWordRune(r) {
			// A word: letters/digits joined by inner joiners.
			j := i + n
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:e])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if j+n2 < e && isJoiner(r2, text, i, j, j+n2, e) {
					j += n2
					continue
				}
				break
			}
			if j < e && text[j] == '+' && capsWord(text[i:j]) {
				// "OPEC+", "LGBTQ+": the plus is part of the name
				if j+1 == e || !isWordRune(rune(text[j+1])) && text[j+1] != '+' {
					j++
				}
			}
			dst = appendWord(dst, text, i, j)
			i = j
			continue
		}
		// Punctuation: group runs of the same rune for "...", "--", "!!", "''", "``".
		j := i + n
		if r == '.' || r == '-' || r == '!' || r == '?' || r == '\'' || r == '`' || r == '*' || r == '=' || r == '_' || r == '#' || r == '@' {
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:e])
				if r2 != r {
					break
				}
				j += n2
			}
		}
		// Handles and hashtags stay with their word.
		if (r == '#' || r == '@') && j == i+n && j < e {
			r2, _ := utf8.DecodeRuneInString(text[j:e])
			if isWordRune(r2) {
				k := j
				for k < e {
					r3, n3 := utf8.DecodeRuneInString(text[k:e])
					if !isWordRune(r3) && r3 != '_' {
						break
					}
					k += n3
				}
				dst = append(dst, Tok{i, k})
				i = k
				continue
			}
		}
		// Leading apostrophe clitics and years: 's 'll 're 've 'd 'm n't handled in appendWord;
		// "'90s" stays whole.
		dst = append(dst, Tok{i, j})
		i = j
	}
	return mergeAbbrev(dst, first, text)
}

// capsWord reports whether w is two or more ASCII capitals (digits may
// follow the first).
func capsWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// isJoiner reports whether the rune at text[j:k] joins the word that
// started at i with what follows (before e).
func isJoiner(r rune, text string, i, j, k, e int) bool {
	next, _ := utf8.DecodeRuneInString(text[k:e])
	prev, _ := utf8.DecodeLastRuneInString(text[i:j])
	switch {
	case r == '-' || r == '‐' || r == '‑' || r == '/' || r == '&' || r == '_' || r == '+':
		return isWordRune(next)
	case r == '.':
		// "U.S", "3.5", "e.g", "bbc.co.uk"
		return isWordRune(next)
	case r == ',' || r == ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case isApos(r):
		// "O'Brien", "don't" (split later), "rock'n'roll"
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case r == '·' || r == '@':
		return isWordRune(next)
	}
	return false
}

var clitics = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m", "n’t"}

// appendWord appends word text[i:j], splitting a final clitic.
func appendWord(dst []Tok, text string, i, j int) []Tok {
	w := text[i:j]
	for _, c := range clitics {
		if len(w) > len(c) && strings.EqualFold(w[len(w)-len(c):], c) {
			k := j - len(c)
			if c[0] == 'n' || c[0] == 'N' {
				// "can't" -> "ca" "n't"; "don't" -> "do" "n't"
				if k > i {
					return append(dst, Tok{i, k}, Tok{k, j})
				}
			}
			return append(dst, Tok{i, k}, Tok{k, j})
		}
	}
	return append(dst, Tok{i, j})
}

// mergeAbbrev joins a word and a following "." into one token when the
// word is a known abbreviation, an initial or a dotted acronym ("U.S.").
func mergeAbbrev(dst []Tok, first int, text string) []Tok {
	out := dst[:first]
	for k := first; k < len(dst); k++ {
		t := dst[k]
		if k+1 < len(dst) && text[dst[k+1].Start:dst[k+1].End] == "." && dst[k+1].Start == t.End && isAbbrev(text[t.Start:t.End]) {
			out = append(out, Tok{t.Start, dst[k+1].End})
			k++
			continue
		}
		out = append(out, t)
	}
	return out
}

func isAbbrev(w string) bool {
	if _, ok := abbrevs[strings.ToLower(w)]; ok {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) && unicode.IsUpper(r) {
		return true // initial: "J."
	}
	// dotted acronym "U.S", "e.g", "a.m"
	if strings.Contains(w, ".") {
		for _, p := range strings.Split(w, ".") {
			if utf8.RuneCountInString(p) != 1 {
				return false
			}
		}
		return true
	}
	return false
}

var abbrevs = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, a := range strings.Fields(`mr mrs ms dr prof gen col lt sgt capt maj adm brig cpl pvt rev st jr sr
		sen rep gov pres supt insp det cmdr cdr hon fr messrs mt ft ave blvd rd vol vs inc ltd co corp
		jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri
		dept univ assn bros approx cf`) {
		m[a] = struct{}{}
	}
	return m
}()

// SentRange is a sentence as a half-open range of token indices.
type SentRange struct{ First, End int }

// SplitSentences groups toks (tokens of text, in order) into sentences. A
// sentence ends after ".", "!", "?", "…" (plus any closing quotes and
// brackets) when the next token does not start in lower case; at a blank
// line; and at a single line break after a short line (a headline) or
// terminal punctuation. Abbreviations ("Gen.", "U.S.") never end one.
func SplitSentences(text string, toks []Tok) []SentRange {
	var out []SentRange
	first := 0
	for i := 0; i < len(toks); i++ {
		if i+1 == len(toks) {
			out = append(out, SentRange{first, i + 1})
			break
		}
		w := text[toks[i].Start:toks[i].End]
		terminal := w == "." || w == "!" || w == "?" || w == "…" || strings.Trim(w, ".!?") == "" && w != ""
		end := i
		if terminal {
			for end+1 < len(toks) && isCloser(text[toks[end+1].Start:toks[end+1].End]) && toks[end+1].Start == toks[end].End {
				end++
			}
		}
		if end+1 == len(toks) {
			continue
		}
		next := text[toks[end+1].Start:toks[end+1].End]
		gap := text[toks[end].End:toks[end+1].Start]
		nl := strings.Count(gap, "\n")
		r, _ := utf8.DecodeRuneInString(next)
		lowerNext := unicode.IsLower(r)
		brk := false
		switch {
		case nl >= 2 || strings.Contains(gap, "\n\r\n"):
			brk = true
		case terminal && !lowerNext:
			brk = true
		case nl == 1 && !lowerNext:
			ls := strings.LastIndexByte(text[:toks[end].End], '\n') + 1
			brk = toks[end].End-ls < 70 || isCloser(w)
		}
		if brk {
			out = append(out, SentRange{first, end + 1})
			first = end + 1
		}
		i = end
	}
	return out
}

func isCloser(w string) bool {
	switch w {
	case "\"", "'", "”", "’", ")", "]", "}", "»", "''":
		return true
	}
	return false
}
