package extract

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Format is the markup of an input text.
type Format int

// Input formats.
const (
	Plain Format = iota
	Markdown
	HTML
)

// DetectFormat guesses a format from a file name and its first bytes.
func DetectFormat(name string, head []byte) Format {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".html"), strings.HasSuffix(n, ".htm"), strings.HasSuffix(n, ".xhtml"):
		return HTML
	case strings.HasSuffix(n, ".md"), strings.HasSuffix(n, ".markdown"):
		return Markdown
	}
	h := bytes.ToLower(bytes.TrimSpace(head[:min(len(head), 512)]))
	if bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) {
		return HTML
	}
	return Plain
}

// Text returns the plain text of src in format f, and the title the markup
// gives, if any. Markdown keeps its byte offsets: markup characters become
// spaces, so spans into the result are spans into the source. HTML becomes
// its visible text, one block per paragraph, without scripts, styles,
// navigation, headers, footers, asides, forms and figure captions; its
// title is the page's headline (og:title or twitter:title, else the first
// h1, else <title> without a trailing " | Site name"), and the publication
// date its metadata gives (article:published_time, datePublished, pubdate
// and the like, else the first <time datetime>) becomes the text's first
// line, an ISO date that extraction reads as the document's date.
func Text(src string, f Format) (text, title string) {
	switch f {
	case Markdown:
		return markdownText(src)
	case HTML:
		return htmlText(src)
	}
	return src, ""
}

var (
	mdImage   = lazyRegexp(`!\[[^\]\n]*\]\([^)\n]*\)`)
	mdLink    = lazyRegexp(`\[([^\]\n]*)\]\(([^)\n]*)\)`)
	mdHeading = lazyRegexp(`(?m)^#{1,6}[ \t]`)
	mdEmph    = lazyRegexp("[*_`]{1,3}")
)

func blank(b []byte, from, to int) {
	for i := from; i < to; i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

func markdownText(src string) (string, string) {
	b := []byte(src)
	for _, m := range mdImage().FindAllIndex(b, -1) {
		blank(b, m[0], m[1])
	}
	for _, m := range mdLink().FindAllSubmatchIndex(b, -1) {
		blank(b, m[0], m[0]+1) // [
		blank(b, m[3], m[1])   // ](url)
	}
	title := ""
	for _, m := range mdHeading().FindAllIndex(b, -1) {
		if title == "" {
			end := bytes.IndexByte(b[m[1]:], '\n')
			if end < 0 {
				end = len(b) - m[1]
			}
			title = strings.TrimSpace(string(b[m[1] : m[1]+end]))
		}
		blank(b, m[0], m[1])
	}
	for _, m := range mdEmph().FindAllIndex(b, -1) {
		blank(b, m[0], m[1])
	}
	return string(b), title
}

// skipped HTML elements: their content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Figcaption: true, atom.Button: true,
	atom.Select: true, atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Head: true,
}

var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Br: true, atom.Tr: true, atom.Blockquote: true, atom.Article: true,
	atom.Section: true, atom.Pre: true, atom.Hr: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
}

// dateMeta are the meta names and properties that carry a page's
// publication date.
var dateMeta = map[string]bool{
	"article:published_time": true, "og:published_time": true, "datepublished": true, "pubdate": true,
	"publishdate": true, "publish-date": true, "date": true, "dc.date": true, "dc.date.issued": true,
	"dcterms.created": true, "sailthru.date": true, "parsely-pub-date": true, "article.published": true,
}

// titleMeta are the meta properties that carry a page's headline.
var titleMeta = map[string]bool{"og:title": true, "twitter:title": true}

// siteSuffix is a trailing " | Site name" (or " - ", " – ", " — ") in a
// <title>.
var siteSuffix = lazyRegexp(`\s+[|–—-]\s+[^|–—]{1,40}$`)

// isoDate matches the date at the start of a machine-readable timestamp.
var isoDate = lazyRegexp(`^\d{4}-\d{2}-\d{2}`)

func htmlText(src string) (string, string) {
	z := html.NewTokenizer(strings.NewReader(src))
	var sb strings.Builder
	var title, h1 strings.Builder
	metaTitle, date := "", ""
	depth := 0 // inside skipped elements
	inTitle, inH1, h1Done := false, false, false
	para := func() {
		s := sb.String()
		if len(s) > 0 && !strings.HasSuffix(s, "\n\n") {
			if strings.HasSuffix(s, "\n") {
				sb.WriteByte('\n')
			} else {
				sb.WriteString("\n\n")
			}
		}
	}
	finish := func() (string, string) {
		out := strings.TrimSpace(sb.String())
		t := metaTitle
		if t == "" {
			t = strings.Join(strings.Fields(h1.String()), " ")
		}
		if t == "" {
			t = strings.Join(strings.Fields(title.String()), " ")
			if m := siteSuffix().FindStringIndex(t); m != nil && m[0] >= 20 {
				t = t[:m[0]]
			}
		}
		if date != "" {
			out = date + "\n\n" + out
		}
		return out, t
	}
	attrs := func() map[string]string {
		a := map[string]string{}
		for {
			k, v, more := z.TagAttr()
			a[strings.ToLower(string(k))] = string(v)
			if !more {
				return a
			}
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return finish()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Title:
				inTitle = tt == html.StartTagToken
			case a == atom.H1 && !h1Done && depth == 0:
				inH1 = tt == html.StartTagToken
			case (a == atom.Meta || a == atom.Time) && hasAttr:
				at := attrs()
				key := strings.ToLower(at["property"] + at["name"] + at["itemprop"])
				content := strings.TrimSpace(at["content"])
				switch {
				case a == atom.Meta && titleMeta[key] && metaTitle == "":
					metaTitle = strings.Join(strings.Fields(content), " ")
				case a == atom.Meta && dateMeta[key] && date == "":
					date = isoDate().FindString(content)
				case a == atom.Time && date == "":
					date = isoDate().FindString(strings.TrimSpace(at["datetime"]))
				}
			}
			if skipped[a] && tt == html.StartTagToken {
				depth++
			}
			if blocks[a] {
				para()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = false
			}
			if a == atom.H1 && inH1 {
				inH1, h1Done = false, true
			}
			if skipped[a] && depth > 0 {
				depth--
			}
			if blocks[a] {
				para()
			}
		case html.TextToken:
			t := string(z.Text())
			if inTitle {
				title.WriteString(t)
				continue
			}
			if depth > 0 {
				continue
			}
			if inH1 {
				h1.WriteString(t)
			}
			t = strings.Join(strings.Fields(t), " ")
			if t == "" {
				continue
			}
			if s := sb.String(); len(s) > 0 && !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, " ") {
				sb.WriteByte(' ')
			}
			sb.WriteString(t)
		}
	}
}
