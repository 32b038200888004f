package extract

import (
	"strings"
	"testing"
	"time"
)

func TestHTMLTitleAndDate(t *testing.T) {
	body := `<body><header><nav>Home | World</nav></header><article><p>Ghana and Togo signed a border accord in Lomé.</p></article></body></html>`
	for _, tc := range []struct {
		name, head, body, wantTitle, wantDate string
	}{
		{"og:title and article:published_time",
			`<html><head><title>Border accord | The Daily Site</title><meta property="og:title" content="Ghana and Togo Sign Border Accord"><meta property="article:published_time" content="2024-03-05T08:00:00+00:00"></head>`,
			body, "Ghana and Togo Sign Border Accord", "2024-03-05"},
		{"h1 and time datetime",
			`<html><head><title>Border accord - Daily Site</title></head>`,
			`<body><article><h1>Ghana, Togo  Sign Accord</h1><time datetime="2024-03-06">6 March</time><p>Ghana and Togo signed.</p></article></body></html>`,
			"Ghana, Togo Sign Accord", "2024-03-06"},
		{"title without the site name",
			`<html><head><title>Ghana and Togo sign a border accord | The Daily Site</title><meta name="datePublished" content="not a date"></head>`,
			body, "Ghana and Togo sign a border accord", ""},
		{"short title keeps its dash",
			`<html><head><title>Ghana - Togo</title></head>`, body, "Ghana - Togo", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, title := Text(tc.head+tc.body, HTML)
			if title != tc.wantTitle {
				t.Errorf("title %q, want %q", title, tc.wantTitle)
			}
			doc := &Document{Text: text}
			clean(doc)
			got := ""
			if !doc.Published.IsZero() {
				got = doc.Published.Format(time.DateOnly)
			}
			if got != tc.wantDate {
				t.Errorf("date %q, want %q (text %q)", got, tc.wantDate, text)
			}
			for _, b := range doc.Body {
				if strings.Contains(doc.Slice(b), "2024-03") {
					t.Errorf("date left in the body: %q", doc.Slice(b))
				}
			}
		})
	}
}
