package extract

import (
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// clean finds the article's text blocks and leaves web-page boilerplate
// out of doc.Body: comment forms, share buttons, related-article lists,
// author bios and bylines, image captions, loaders and source lines. A
// date-only line before the article's first paragraph becomes
// doc.Published when none was given; further down (a timeline's heading)
// it stays text.
//
// Blocks are paragraphs separated by blank lines; a paragraph that is one
// line per sentence is kept whole. Spans are trimmed of white space.
func clean(doc *Document) {
	blocks := paragraphs(doc.Text)
	var body []Span
	prose := false // a paragraph of the article has been seen
	for i, b := range blocks {
		line := doc.Text[b.Start:b.End]
		switch kind := classifyBlock(line, i, len(blocks)); kind {
		case blockTail:
			doc.Body = body
			return
		case blockDrop:
			continue
		case blockDate:
			if prose {
				break // a date heading inside the article ("March 3, 2024" in a timeline): text
			}
			if doc.Published.IsZero() {
				if t, ok := parseDateLine(line); ok {
					doc.Published = t
				}
			}
			continue
		}
		body = append(body, b)
		prose = prose || isProse(line)
	}
	doc.Body = body
}

// isProse reports whether a block reads as a paragraph of the article: over
// 100 bytes and ending a sentence.
func isProse(block string) bool {
	b := strings.TrimRight(block, "”\"’' ")
	return len(block) > 100 && b != "" && strings.ContainsRune(".!?", rune(b[len(b)-1]))
}

type blockKind int

const (
	blockKeep blockKind = iota
	blockDrop           // boilerplate: leave this block out
	blockTail           // boilerplate that starts the page's tail: leave out the rest
	blockDate           // a date line: metadata, not text
)

// lazyRegexp compiles expr on first use: most commands never clean a
// page, and compiling every pattern at start-up cost each of them
// milliseconds.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var (
	// tailMarkers start the part of a page after the article: comment
	// forms, share bars, related-article lists.
	tailMarkers = lazyRegexp(`(?i)^(leave a (reply|comment)|post comment|share (this )?(post|article|story)?:?|related( (posts|articles|stories|news))?:?|more like this|popular( posts)?|you may also like|read more:?|recommended( for you)?|comments?( \(\d+\))?:?|sign up for .*newsletter.*|subscribe( to .*)?|tags?:.*)$`)
	// dropLines are single boilerplate lines inside or around the article.
	dropLines = lazyRegexp(`(?i)^(loading( now)?(\.\.\.)?|advertisement|skip to (main )?content|original source:.*|source:\s*\S+\.\S+|date:|image( source)?:.*|photo( credit)?:.*|credit:.*|file photo.*|\(?(photo|image|picture) by .*|your email address will not be published.*|required fields are marked.*|\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|follow us on .*|click here.*|share on (facebook|twitter|x|linkedin).*|copyright .*|© .*|all rights reserved\.?)$`)
	// byline is an author line ("By Lena Fischer", "By Jane Doe and Ali
	// Khan, Reuters", "Reporting by ...; Editing by ..."): its names are
	// the page's, not the story's.
	byline = lazyRegexp(`^((?i:by|written by|words by)\s+(\p{Lu}[\p{L}'’.-]*\s*){1,4}((,|and|&)\s*(\p{Lu}[\p{L}'’.-]*\s*){1,4})*([|,–—-]\s*.{0,40})?|(?i:(additional )?reporting by|editing by|compiled by) .{0,200})$`)
	// captionStart begins an image caption or stock-art description.
	captionStart = lazyRegexp(`^(?i:abstract representation|an? (illustration|image|photo|picture|representation|depiction) (of|showing|depicting)|illustration:|this (image|photo|picture) (shows|depicts))`)
	// authorBio is an author's byline biography ("Ethan Kim is an
	// award-winning journalist ...").
	authorBio  = lazyRegexp(`^(\p{Lu}[\p{L}'’.-]+ ){1,3}is an? [^.]{0,80}\b(journalist|reporter|writer|editor|correspondent|columnist|author|contributor|analyst)\b`)
	teaserTail = lazyRegexp(`(\.\.\.|…)$`)
	weekdays   = `(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?`
	// dateLine is a line holding only a publication date: an optional
	// label ("Published:", "Updated on"), an optional weekday, the date
	// ("December 26, 2025", "Dec. 26, 2025", "26 December 2025",
	// "2025-12-26", "2025-12-26T09:30:00Z") and an optional time of day.
	dateLine    = lazyRegexp(`(?i)^` + dateLabel + `(` + weekdays + `,?\s+)?(\p{L}+\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(st|nd|rd|th)?\s+\p{L}+\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?)` + timeOfDay + `$`)
	dateLabel   = `((published|updated|posted|last updated|first published|date)(\s+on)?\s*:?\s*)?`
	timeOfDay   = `(,?\s*(at\s+)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s+\(?[a-z]{2,5}\)?)?)?`
	dateLabelRe = lazyRegexp(`(?i)^` + dateLabel)
	timeOfDayRe = lazyRegexp(`(?i)` + timeOfDay + `$`)
	weekdayRe   = lazyRegexp(`(?i)^` + weekdays + `,?\s+`)
	ordinalRe   = lazyRegexp(`(?i)(\d)(st|nd|rd|th)\b`)
)

func classifyBlock(line string, i, n int) blockKind {
	first := line
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		first = line[:j]
	}
	switch {
	case tailMarkers().MatchString(first) && i > 0:
		return blockTail
	case dropLines().MatchString(line):
		return blockDrop
	case dateLine().MatchString(line):
		return blockDate
	case captionStart().MatchString(line):
		return blockDrop
	case len(line) < 250 && !strings.ContainsRune(line, '\n') && byline().MatchString(line):
		return blockDrop
	case i >= n/2 && authorBio().MatchString(line):
		return blockDrop
	case teaserTail().MatchString(line) && !strings.Contains(line, ". "):
		return blockDrop
	}
	return blockKeep
}

// parseDateLine parses a line that dateLine matches. Year 0 ("Jan 1
// 0000"), which time.Parse accepts, is no publication date.
func parseDateLine(line string) (time.Time, bool) {
	t, ok := parseDate(line)
	return t, ok && t.Year() >= 1
}

func parseDate(line string) (time.Time, bool) {
	s := strings.TrimSpace(line)
	s = dateLabelRe().ReplaceAllString(s, "")
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		t, err := time.Parse("2006-01-02", s[:10])
		return t, err == nil
	}
	s = timeOfDayRe().ReplaceAllString(s, "")
	s = weekdayRe().ReplaceAllString(s, "")
	s = ordinalRe().ReplaceAllString(s, "$1")
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ".", "")), " ")
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	for _, layout := range []string{"January 2, 2006", "January 2 2006", "2 January 2006", "2 January, 2006", "Jan 2, 2006", "Jan 2 2006", "2 Jan 2006", "2 Jan, 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// paragraphs splits text into trimmed blocks separated by blank lines. A
// block whose lines are each long prose paragraphs (one paragraph per
// line, as in many scraped pages) is split into its lines.
func paragraphs(text string) []Span {
	var out []Span
	start := 0
	emit := func(s, e int) {
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, Span{s, e})
		}
	}
	i := 0
	for i < len(text) {
		if text[i] != '\n' {
			i++
			continue
		}
		// a line break: a paragraph ends here if the next line is blank
		// or if this line is a whole paragraph by itself.
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		lineStart := strings.LastIndexByte(text[:i], '\n') + 1
		if j >= len(text) || text[j] == '\n' || endsParagraph(text[lineStart:i]) {
			emit(start, i)
			start = i + 1
		}
		i++
	}
	emit(start, len(text))
	return out
}

// endsParagraph reports whether a line is a paragraph by itself: it ends
// a sentence, or it is a short heading-like line.
func endsParagraph(line string) bool {
	l := strings.TrimRight(line, " \t\r")
	if l == "" {
		return true
	}
	switch l[len(l)-1] {
	case '.', '!', '?', ':', '"', ')':
		return true
	}
	return strings.HasSuffix(l, "”") || strings.HasSuffix(l, "’") || len(l) < 100
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// guessTitle returns the document's title when the input gave none: the
// first body block when it looks like a headline (short, one line, without
// final punctuation); else the headline a file name or URL spells as a
// slug ("shoigu-visits-pyongyang.txt"), written as the text writes its
// words ("Shoigu visits Pyongyang"); else the lead sentence, cut at a word
// boundary near titleMax bytes.
func guessTitle(doc *Document) string {
	if len(doc.Body) == 0 {
		return ""
	}
	b := doc.Slice(doc.Body[0])
	if len(b) <= 200 && !strings.ContainsRune(b, '\n') {
		switch b[len(b)-1] {
		case '.', '!', '?', ',', ';':
		default:
			return b
		}
	}
	if t := slugTitle(doc.Source, doc.Text); t != "" {
		return t
	}
	return leadTitle(b)
}

// titleMax is the longest title leadTitle makes, in bytes.
const titleMax = 90

// leadTitle returns the first sentence of a block, cut at the last word
// boundary before titleMax bytes with an ellipsis if it is longer.
func leadTitle(block string) string {
	s := block
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' && i > 20 {
			s = s[:i+1]
			break
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= titleMax {
		return s
	}
	cut := strings.LastIndexByte(s[:titleMax], ' ')
	if cut <= 0 {
		cut = titleMax
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:—–-") + "…"
}

var (
	slugWord = lazyRegexp(`^\p{L}[\p{L}\p{N}]*$`)
	textWord = lazyRegexp(`\p{L}[\p{L}\p{N}]*`)
)

// slugTitle turns the last element of a path or URL that is a headline
// slug (at least three words joined by hyphens or underscores, numbers
// such as dates and ids left out) into a title, when most of its words
// (two thirds) occur in the text: each word is written as the text writes
// it most often, and the first is capitalised.
func slugTitle(source, text string) string {
	if source == "" {
		return ""
	}
	s := source
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, "/")
	if i := strings.LastIndexAny(s, "/\\"); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.LastIndexByte(s, '.'); i > 0 && len(s)-i <= 6 {
		s = s[:i]
	}
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == '+' || r == ' ' }) {
		if slugWord().MatchString(w) {
			words = append(words, w)
		}
	}
	if len(words) < 3 {
		return ""
	}
	forms := map[string]map[string]int{} // lower-case word -> spelling -> count
	for _, w := range textWord().FindAllString(text, -1) {
		lw := strings.ToLower(w)
		if forms[lw] == nil {
			forms[lw] = map[string]int{}
		}
		forms[lw][w]++
	}
	found := 0
	for i, w := range words {
		lw := strings.ToLower(w)
		best, n := lw, 0
		for f, c := range forms[lw] {
			// prefer the most frequent spelling; on a tie, lower case
			if c > n || c == n && f > best {
				best, n = f, c
			}
		}
		if n > 0 {
			found++
		}
		words[i] = best
	}
	if found*3 < len(words)*2 {
		return ""
	}
	r, size := utf8.DecodeRuneInString(words[0])
	words[0] = string(unicode.ToUpper(r)) + words[0][size:]
	return strings.Join(words, " ")
}
