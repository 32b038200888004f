package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// The JSON shapes of the CLI's output. Field names are a contract (README,
// "JSON contract"): add fields freely, never rename or remove one.

type mentionJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type docEntityJSON struct {
	ID       int64         `json:"id,string"`
	Name     string        `json:"name"`
	Type     string        `json:"type"`
	Aliases  []string      `json:"aliases"`
	Roles    []string      `json:"roles,omitempty"`
	Mentions []mentionJSON `json:"mentions"`
}

type docRelationJSON struct {
	Source     int64   `json:"source,string"`
	Target     int64   `json:"target,string"`
	Type       string  `json:"type"`
	Category   string  `json:"category"`
	Evidence   string  `json:"evidence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Confidence float32 `json:"confidence"`
	Negated    bool    `json:"negated"`
	Modality   string  `json:"modality"`
	Date       string  `json:"date,omitempty"`
	Place      *int64  `json:"place,omitempty,string"`
}

type extractJSON struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Date      string            `json:"date"`
	Source    string            `json:"source,omitempty"`
	Entities  []docEntityJSON   `json:"entities"`
	Relations []docRelationJSON `json:"relations"`
	Events    []eventJSON       `json:"events,omitempty"`
}

func extractView(d *extract.Document) extractJSON {
	out := extractJSON{ID: d.ID, Title: d.Title, Source: d.Source, Entities: []docEntityJSON{}, Relations: []docRelationJSON{}}
	if !d.Published.IsZero() {
		out.Date = d.Published.Format(time.DateOnly)
	}
	ids := make([]int64, len(d.Entities))
	for i, e := range d.Entities {
		ids[i] = graph.ID(e.Key)
		v := docEntityJSON{ID: ids[i], Name: e.Name, Type: e.Type.String(), Aliases: []string{}, Roles: e.Roles, Mentions: []mentionJSON{}}
		for _, a := range e.Aliases {
			v.Aliases = append(v.Aliases, a.Name)
		}
		for _, mi := range e.Mentions {
			m := d.Mentions[mi]
			v.Mentions = append(v.Mentions, mentionJSON{m.Span.Start, m.Span.End, d.Slice(m.Span)})
		}
		out.Entities = append(out.Entities, v)
	}
	for _, r := range d.Relations {
		v := docRelationJSON{Source: ids[r.Source], Target: ids[r.Target], Type: r.Label, Category: r.Category,
			Evidence: d.Slice(r.Evidence), Start: r.Evidence.Start, End: r.Evidence.End, Confidence: r.Confidence,
			Negated: r.Negated, Modality: string(r.Modality), Date: r.Date}
		if r.Place >= 0 {
			p := ids[r.Place]
			v.Place = &p
		}
		out.Relations = append(out.Relations, v)
	}
	return out
}

type entityJSON struct {
	ID        int64    `json:"id,string"`
	Name      string   `json:"name"`
	Type      string   `json:"type"`
	Aliases   []string `json:"aliases"`
	Mentions  int      `json:"mentions"`
	Documents int      `json:"documents"`
}

func entityView(e *graph.Entity) entityJSON {
	v := entityJSON{ID: e.ID, Name: e.Name, Type: e.Type.String(), Aliases: []string{}, Mentions: e.Mentions, Documents: e.Documents}
	for _, a := range e.Aliases {
		v.Aliases = append(v.Aliases, a.Name)
	}
	return v
}

type refJSON struct {
	ID   int64  `json:"id,string"`
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

type relationJSON struct {
	Source   refJSON `json:"source"`
	Target   refJSON `json:"target"`
	Type     string  `json:"type"`
	Category string  `json:"category"`
	Count    int     `json:"count"`
}

type evidenceJSON struct {
	Doc      string `json:"doc"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Negated  bool   `json:"negated,omitempty"`  // "did not meet"
	Modality string `json:"modality,omitempty"` // planned or reported; empty when asserted
}

type showRelationJSON struct {
	Direction string         `json:"direction"`
	Type      string         `json:"type"`
	Category  string         `json:"category"`
	Other     refJSON        `json:"other"`
	Count     int            `json:"count"`
	Evidence  []evidenceJSON `json:"evidence"`
}

type aliasJSON struct {
	Name string `json:"name"`
	Rule string `json:"rule"`
}

type showJSON struct {
	ID         int64              `json:"id,string"`
	Name       string             `json:"name"`
	Type       string             `json:"type"`
	Aliases    []string           `json:"aliases"`
	AliasRules []aliasJSON        `json:"alias_rules"`
	Roles      []string           `json:"roles"`
	Mentions   int                `json:"mentions"`
	Documents  int                `json:"documents"`
	FirstSeen  string             `json:"first_seen,omitempty"`
	LastSeen   string             `json:"last_seen,omitempty"`
	Relations  []showRelationJSON `json:"relations"`
}

type docJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Path  string `json:"path"`
	Hash  string `json:"hash"`
}

// writeJSON writes v as json.Encoder does with SetIndent("", "  ") and
// SetEscapeHTML(false), but indents as it writes (writeIndented): the
// Encoder builds the indented copy in memory first, which for a card of
// thousands of evidence sentences (a megabyte) cost a quarter of 'kgx
// show --json' in fresh pages.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	writeIndented(bw, buf.Bytes(), "  ")
	return bw.Flush()
}

// writeIndented writes src, compact JSON as encoding/json writes it, to
// w with the layout of json.Indent(dst, src, "", indent): a newline and
// one indent per level after each opening bracket and comma, ": " after
// a key, empty objects and arrays kept as {} and []. Bytes inside strings
// are copied as they are. Errors are left to w's Flush.
func writeIndented(w *bufio.Writer, src []byte, indent string) {
	depth := 0
	open := false // just after '{' or '[': the newline waits for a value
	inString, escaped := false, false
	newline := func() {
		w.WriteByte('\n')
		for range depth {
			w.WriteString(indent)
		}
	}
	for _, c := range src {
		if inString {
			w.WriteByte(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			inString = true
			w.WriteByte(c)
		case '{', '[':
			open = true
			w.WriteByte(c)
		case ',':
			w.WriteByte(c)
			newline()
		case ':':
			w.WriteString(": ")
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline()
			}
			w.WriteByte(c)
		default:
			w.WriteByte(c)
		}
	}
}
