package extract_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// FuzzExtract runs the whole pipeline (markup to text, cleaning,
// segmentation, tagging, entities, parsing, resolution, relations, events)
// on arbitrary input, then turns the document into graph facts. It must
// not panic; every span is inside the text and on rune boundaries
// (extract.CheckInvariants, plus triggers, co-mention and event evidence
// and the body); and every piece of evidence in the facts is exactly the
// slice of the text its offsets name.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday.",
		"North Korea sent troops to Russia, according to the South Korean spy agency. Putin thanked Kim.",
		"# Shoigu visits Pyongyang\n\nRussia's Security Council secretary *Sergei Shoigu* met [Kim Jong Un](http://kcna.kp).",
		"<html><title>Visit</title><script>alert('Kim')</script><p>Shoigu &amp; Kim met in Moscow on June 4, 2025.</p></html>",
		"Šojgu’s “visit” — Пхеньян. Kim said: \"We will not.\"\r\n",
		"Kim Kim Kim. Shoigu. Shoigu met Shoigu.",
		"Leave a Reply\n\nJune 4, 2025\n\nKim",
		"a\x00b \xff Mr. U.S. Gen. Kim's 3rd visit...",
	} {
		for fm := range uint8(3) {
			f.Add(s, fm)
		}
	}
	ex, err := extract.New(extract.WithEvents())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		text, title := extract.Text(src, extract.Format(format%3))
		text = strings.ToValidUTF8(text, "\uFFFD")
		doc, err := ex.Extract(context.Background(), extract.Input{Text: text, Title: strings.ToValidUTF8(title, "\uFFFD")})
		if err != nil {
			if strings.TrimSpace(text) == "" {
				return
			}
			var el extract.ErrorList
			if !errors.As(err, &el) {
				t.Fatalf("Extract(%q): %v", text, err)
			}
		}
		if doc.Text != text {
			t.Fatal("the document's text is not the input text")
		}
		extract.CheckInvariants(t, doc)
		span := func(what string, s extract.Span) {
			t.Helper()
			if s.Start < 0 || s.End < s.Start || s.End > len(text) ||
				!onRuneBoundary(text, s.Start) || !onRuneBoundary(text, s.End) {
				t.Fatalf("%s span %v out of bounds or off rune boundaries (text %d bytes): %q", what, s, len(text), text)
			}
		}
		for _, s := range doc.Body {
			span("body", s)
		}
		for _, r := range doc.Relations {
			if r.Trigger != extract.NoSpan {
				span("trigger", r.Trigger)
			}
			span("evidence", r.Evidence)
		}
		for _, c := range doc.CoMentions {
			span("co-mention evidence", c.Evidence)
		}
		for _, e := range doc.Events {
			if e.Trigger != extract.NoSpan {
				span("event trigger", e.Trigger)
			}
			if e.Evidence != extract.NoSpan {
				span("event evidence", e.Evidence)
			}
		}
		facts := graph.FromDocument(doc, "fuzz")
		for _, rs := range [][]graph.Relation{facts.Relations, facts.CoMentions} {
			for _, r := range rs {
				for _, ev := range r.Evidence {
					if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End || text[ev.Start:ev.End] != ev.Sentence {
						t.Fatalf("evidence [%d,%d) %q is not the text's slice", ev.Start, ev.End, ev.Sentence)
					}
					if !utf8.ValidString(ev.Sentence) {
						t.Fatalf("evidence %q is not valid UTF-8", ev.Sentence)
					}
				}
			}
		}
	})
}

// onRuneBoundary reports whether byte offset i of s starts a rune or is
// its end.
func onRuneBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
