package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCleanTitle runs clean and guessTitle on arbitrary text and sources
// and checks the body spans and that the title is valid UTF-8 whenever the
// text is.
func FuzzCleanTitle(f *testing.F) {
	f.Add("Friday, December 26, 2025\n\nHeadline Here\n\nBody text. More.", "a/b-c-d.txt")
	f.Add("Published: Tue. Mar. 5, 2024 08:00 AM\n\nBy Ana Lima\n\nÉlysée talks opened today in Paris, said officials.", "https://x.org/2024/03/05/elysee-talks-open/?a=1")
	f.Add("ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé ééééééééééééééééééééééééééééé.", "")
	f.Fuzz(func(t *testing.T, text, source string) {
		doc := &Document{Text: text, Source: source}
		clean(doc)
		for _, b := range doc.Body {
			if b.Start < 0 || b.End > len(text) || b.Start >= b.End {
				t.Fatalf("bad body span %v in %d bytes", b, len(text))
			}
		}
		title := guessTitle(doc)
		if utf8.ValidString(text) && utf8.ValidString(source) && !utf8.ValidString(title) {
			t.Fatalf("invalid UTF-8 title %q", title)
		}
	})
}

// cleanSeeds are the seed inputs of the cleaner's fuzz targets (more are
// committed under testdata/fuzz).
var cleanSeeds = []string{
	"",
	"Shoigu met Kim Jong Un in Pyongyang.",
	"# Title\n\nText with *emphasis*, `code` and a [link](http://x.y/z).\n\n![img](a.png)",
	"<html><head><title>T</title><script>var x = '<p>no</p>';</script></head><body><p>Kim &amp; Shoigu</p><nav>menu</nav></body></html>",
	"<p>unclosed <b>bold <i>italic</p><style>p{}</style>&#xD800;&#0;&bogus;",
	"Headline without stop\nJune 4, 2025\n\nBody paragraph one.\n\nLeave a Reply\n\nComments (3)",
	"Advertisement\n\nPhoto credit: AP\n\nEthan Kim is an award-winning journalist.",
	"\xff\xfe bad \xe2\x82 utf8\x00",
	"Šojgu’s “visit” — Пхеньян\r\n\r\n",
	"[unclosed](\n##\t\n######x\n***___```",
}

// FuzzText checks Text, the HTML and Markdown to text conversion, on
// arbitrary input: no panic; Markdown keeps every byte offset (markup
// becomes spaces, line breaks stay); valid UTF-8 in gives valid UTF-8 out
// (text and title) in every format.
func FuzzText(f *testing.F) {
	for _, s := range cleanSeeds {
		for _, fm := range []Format{Plain, Markdown, HTML} {
			f.Add(s, uint8(fm))
		}
	}
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		fm := Format(format % 3)
		text, title := Text(src, fm)
		valid := utf8.ValidString(src)
		if valid && (!utf8.ValidString(text) || !utf8.ValidString(title)) {
			t.Fatalf("Text(%q, %d) = %q, %q: invalid UTF-8", src, fm, text, title)
		}
		switch fm {
		case Plain:
			if text != src || title != "" {
				t.Fatalf("Plain changed the text: %q -> %q, %q", src, text, title)
			}
		case Markdown:
			if len(text) != len(src) {
				t.Fatalf("Markdown moved offsets: %d bytes -> %d", len(src), len(text))
			}
			for i := 0; i < len(src); i++ {
				if text[i] != src[i] && (text[i] != ' ' || src[i] == '\n') {
					t.Fatalf("Markdown byte %d: %q -> %q", i, src[i], text[i])
				}
			}
			if strings.Contains(title, "\n") {
				t.Fatalf("Markdown title spans lines: %q", title)
			}
		case HTML:
			if strings.Contains(title, "\n") {
				t.Fatalf("HTML title spans lines: %q", title)
			}
		}
	})
}

// FuzzClean checks the boilerplate cleaner on arbitrary text: no panic,
// and the body spans it keeps are in bounds, on rune boundaries, in order
// and disjoint; the title it guesses is a line of the text.
func FuzzClean(f *testing.F) {
	for _, s := range cleanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := &Document{Text: text}
		clean(doc)
		prev := 0
		for i, s := range doc.Body {
			if s.Start < prev || s.End < s.Start || s.End > len(text) {
				t.Fatalf("body span %d %v out of order or bounds (previous end %d, text %d bytes)", i, s, prev, len(text))
			}
			if !onRuneBoundary(text, s.Start) || !onRuneBoundary(text, s.End) {
				t.Fatalf("body span %d %v not on rune boundaries of %q", i, s, text)
			}
			prev = s.End
		}
		if !doc.Published.IsZero() && (doc.Published.Year() < 1 || doc.Published.Year() > 9999) {
			t.Fatalf("published date %v out of range", doc.Published)
		}
		// A title from the text is a line or lead sentence of it, with
		// spaces collapsed and, when too long, cut with an ellipsis.
		norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
		if title := guessTitle(doc); title != "" && !strings.Contains(norm(text), norm(strings.TrimSuffix(title, "…"))) {
			t.Fatalf("title %q is not in the text", title)
		}
	})
}

// onRuneBoundary reports whether byte offset i of s is where a rune
// starts, as range over s counts runes (an invalid byte is one rune), or
// the end of s.
func onRuneBoundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j >= i {
			return j == i
		}
	}
	return false
}
