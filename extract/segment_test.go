package extract

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func tokensOf(t *testing.T, text string) []string {
	t.Helper()
	doc := &Document{Text: text, Body: []Span{{0, len(text)}}}
	segment(doc)
	var out []string
	for _, tok := range doc.Tokens {
		out = append(out, doc.Slice(tok.Span))
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // tokens joined by |
	}{
		{"simple", "Shoigu met Kim.", "Shoigu|met|Kim|."},
		{"Un at end", "He met Kim Jong Un.", "He|met|Kim|Jong|Un|."},
		{"curly possessive", "Russia’s troops", "Russia|’s|troops"},
		{"straight possessive", "Russia's troops", "Russia|'s|troops"},
		{"negation", "He didn't go", "He|did|n't|go"},
		{"curly quotes", "called it “own motherland.”", "called|it|“|own|motherland|.|”"},
		{"hyphen kept", "Kim Jong-un visited", "Kim|Jong-un|visited"},
		{"dotted acronym", "the U.S. said", "the|U.S.|said"},
		{"abbreviation", "Gen. Kim spoke", "Gen.|Kim|spoke"},
		{"em dash", "Russia—and Korea", "Russia|—|and|Korea"},
		{"numbers", "about 1,000 troops in 2024.", "about|1,000|troops|in|2024|."},
		{"url", "see www.nknews.org.", "see|www.nknews.org|."},
		{"brackets", "developing [of] ties", "developing|[|of|]|ties"},
		{"non-ASCII", "Sergej Šojgu met Ri.", "Sergej|Šojgu|met|Ri|."},
		{"ellipsis", "expanding...", "expanding|..."},
		{"left-to-right mark dropped", "Prime Minister\u200e Haider al-Abadi", "Prime|Minister|Haider|al-Abadi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tokensOf(t, tt.in), "|")
			if got != tt.want {
				t.Errorf("tokens of %q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two", "Shoigu met Kim Jong Un. They discussed ties.", []string{"Shoigu met Kim Jong Un.", "They discussed ties."}},
		{"abbreviation", "Gen. Kim spoke. He left.", []string{"Gen. Kim spoke.", "He left."}},
		{"quote", "He said “we agree.” Then he left.", []string{"He said “we agree.”", "Then he left."}},
		{"lower after period", "It costs 5 p.m. daily. Yes.", []string{"It costs 5 p.m. daily.", "Yes."}},
		{"war", "the Korean War. The Russian official", []string{"the Korean War.", "The Russian official"}},
		{"dateline", "MOSCOW, Nov 1 (Reuters) - Sergei Lavrov met Choe Son Hui.",
			[]string{"MOSCOW, Nov 1 (Reuters) -", "Sergei Lavrov met Choe Son Hui."}},
		{"dateline with agency only", "WASHINGTON (AP) — The Treasury imposed sanctions.",
			[]string{"WASHINGTON (AP) —", "The Treasury imposed sanctions."}},
		{"dateline with region and date", "SEOUL, South Korea, Sept. 13 (Yonhap) -- Kim left.",
			[]string{"SEOUL, South Korea, Sept. 13 (Yonhap) --", "Kim left."}},
		{"dateline after a headline", "Lavrov meets Choe\n\nMOSCOW (Reuters) - Lavrov met Choe.",
			[]string{"Lavrov meets Choe", "MOSCOW (Reuters) -", "Lavrov met Choe."}},
		{"title-case dateline with an agency", "Pyongyang, September 13 (KCNA) -- Kim Jong Un received him.",
			[]string{"Pyongyang, September 13 (KCNA) --", "Kim Jong Un received him."}},
		{"title-case words and a dash are no dateline", "Kim Jong Un - the leader - spoke.",
			[]string{"Kim Jong Un - the leader - spoke."}},
		{"title-case name then a dash is no dateline", "Sergei Shoigu, Russia's envoy - Kim's guest - spoke.",
			[]string{"Sergei Shoigu, Russia's envoy - Kim's guest - spoke."}},
		{"acronym opening a sentence is no dateline", "NATO - the alliance - met in Brussels.",
			[]string{"NATO - the alliance - met in Brussels."}},
		{"capitals mid-line are no dateline", "He said: KIM - and nobody else - decides.",
			[]string{"He said: KIM - and nobody else - decides."}},
		{"no dash, no dateline", "MOSCOW, Nov 1 (Reuters) Lavrov met Choe.",
			[]string{"MOSCOW, Nov 1 (Reuters) Lavrov met Choe."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Text: tt.in, Body: []Span{{0, len(tt.in)}}}
			segment(doc)
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, doc.Slice(s.Span))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkInvariants verifies the span invariants every Document must keep.
func checkInvariants(t testing.TB, doc *Document) {
	t.Helper()
	n := len(doc.Text)
	inBounds := func(what string, s Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Fatalf("%s span %v out of bounds (text %d bytes)", what, s, n)
		}
		if !utf8.RuneStart(doc.Text[min(s.Start, n-1)]) && s.Start < n || (s.End < n && !utf8.RuneStart(doc.Text[s.End])) {
			t.Fatalf("%s span %v not on rune boundaries", what, s)
		}
	}
	prev := -1
	for i, tok := range doc.Tokens {
		inBounds("token", tok.Span)
		if tok.Start < prev {
			t.Fatalf("token %d %v overlaps the previous one", i, tok.Span)
		}
		if tok.Len() == 0 {
			t.Fatalf("token %d is empty", i)
		}
		prev = tok.End
	}
	for i, s := range doc.Sentences {
		inBounds("sentence", s.Span)
		if s.First >= s.End || s.First < 0 || s.End > len(doc.Tokens) {
			t.Fatalf("sentence %d token range [%d,%d) invalid", i, s.First, s.End)
		}
		for _, tok := range doc.Tokens[s.First:s.End] {
			if !s.Span.Contains(tok.Span) {
				t.Fatalf("token %v outside sentence %d %v", tok.Span, i, s.Span)
			}
		}
		if i > 0 && doc.Sentences[i-1].End != s.First {
			t.Fatalf("sentences %d and %d do not tile the tokens", i-1, i)
		}
	}
	prev = -1
	for i, m := range doc.Mentions {
		inBounds("mention", m.Span)
		if m.Span.Start < prev {
			t.Fatalf("mention %d %v overlaps the previous one", i, m.Span)
		}
		prev = m.Span.End
		if m.Entity < -1 || m.Entity >= len(doc.Entities) {
			t.Fatalf("mention %d points at entity %d of %d", i, m.Entity, len(doc.Entities))
		}
	}
	for i, r := range doc.Relations {
		if r.Source < 0 || r.Source >= len(doc.Entities) || r.Target < 0 || r.Target >= len(doc.Entities) {
			t.Fatalf("relation %d points outside the entities", i)
		}
		inBounds("evidence", r.Evidence)
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"Shoigu met Kim Jong Un.", "“Hi,” he said—then left...", "U.S. Gen. Kim's visit.", "a\x00b", "\xff\xfe", "Šojgu’s"} {
		f.Add(s)
	}
	ex, err := New(WithMode(TokensOnly))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := ex.Extract(context.Background(), Input{Text: text})
		if err != nil {
			if !utf8.ValidString(text) || strings.TrimSpace(text) == "" {
				return
			}
			t.Fatalf("Extract(%q): %v", text, err)
		}
		checkInvariants(t, doc)
	})
}
