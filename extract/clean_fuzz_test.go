package extract

import (
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
