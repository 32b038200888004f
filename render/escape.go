package render

import (
	"strings"
	"unicode/utf8"
)

// Every string that reaches an output file comes from documents and is
// untrusted. The helpers here make it safe for one format each; all of
// them first repair invalid UTF-8.

// isBidi reports whether r is a bidirectional control character, which
// can reorder how surrounding text displays (CVE-2021-42574).
func isBidi(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// isXMLChar reports whether XML 1.0 can carry r at all, even escaped.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xd7ff) || (r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}

// display makes s safe to show as one line of a label: invalid UTF-8,
// control and bidi characters become U+FFFD, newlines and tabs a space.
func display(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\ufffd") {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidi(r) || r == '\ufffe' || r == '\uffff':
			b.WriteRune('\ufffd')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// truncate shortens s to at most n runes, ending with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return strings.TrimSpace(string(rs[:n-1])) + "…"
}

// xmlText escapes s for XML character data and attribute values. Invalid
// UTF-8 and characters XML cannot carry become U+FFFD; markup
// characters, quotes, whitespace controls and bidi controls become
// character references, so the file displays safely and parsers return
// the original text.
func xmlText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\ufffd") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\n':
			b.WriteString("&#10;")
		case r == '\r':
			b.WriteString("&#13;")
		case r == '\t':
			b.WriteString("&#9;")
		case !isXMLChar(r):
			b.WriteRune('\ufffd')
		case isBidi(r) || r == '\u2028' || r == '\u2029':
			b.WriteString("&#x")
			b.WriteString(strings.ToUpper(hex(uint32(r))))
			b.WriteByte(';')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hex(v uint32) string {
	const digits = "0123456789abcdef"
	if v == 0 {
		return "0"
	}
	var buf [8]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = digits[v&0xf]
		v >>= 4
	}
	return string(buf[i:])
}

// dotString quotes s as a DOT string for a label or tooltip. Graphviz
// reads backslash escapes (\N, \G, \l) and HTML entities inside labels,
// so backslashes are doubled and & becomes &amp;; newlines become \n
// (a centred line break); control and bidi characters become U+FFFD,
// written as the entity &#xfffd;.
// Inside quotes DOT keywords (node, edge, graph, subgraph, strict) are
// plain text.
func dotString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\ufffd") {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidi(r) || !isXMLChar(r) ||
			r == '\u2028' || r == '\u2029' || r == '\ufffd':
			// U+FFFD as an entity: Graphviz decodes it, and DOT
			// lexers that treat a raw U+FFFD as an error stay happy.
			b.WriteString("&#xfffd;")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// htmlText escapes s for a Graphviz HTML-like label.
func htmlText(s string) string {
	s = display(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\ufffd':
			b.WriteString("&#xfffd;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cellText makes s safe for a spreadsheet cell: invalid UTF-8 is
// repaired, control and bidi characters become U+FFFD (newlines stay;
// encoding/csv quotes them), and a value a spreadsheet would run as a
// formula (leading = + - @, tab or carriage return) is prefixed with an
// apostrophe, as OWASP recommends against CSV injection.
func cellText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\ufffd") {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\r':
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidi(r) || r == '\ufffe' || r == '\uffff':
			b.WriteRune('\ufffd')
		default:
			b.WriteRune(r)
		}
	}
	s = b.String()
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// jsonSafe escapes, in encoding/json output, the characters it leaves raw
// but that reorder or break displayed text: bidi controls. encoding/json
// already escapes <, >, &, U+2028 and U+2029 and repairs invalid UTF-8.
// The input must be valid JSON; bidi characters can only occur inside
// strings, so replacing them with \u escapes keeps the value.
func jsonSafe(b []byte) []byte {
	if !hasBidi(b) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if isBidi(r) {
			out = append(out, `\u`...)
			h := hex(uint32(r))
			out = append(out, strings.Repeat("0", 4-len(h))+h...)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

func hasBidi(b []byte) bool {
	for _, r := range string(b) {
		if isBidi(r) {
			return true
		}
	}
	return false
}
