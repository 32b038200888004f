package extract

import (
	"fmt"
	"time"
)

// Span is a half-open range of UTF-8 byte offsets into Document.Text.
// Offset 0 is a real position; an unknown span is NoSpan.
type Span struct{ Start, End int }

// NoSpan marks a missing span.
var NoSpan = Span{-1, -1}

// IsValid reports whether s is a real span.
func (s Span) IsValid() bool { return s.Start >= 0 && s.End >= s.Start }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// EntityType is the type of an entity mention.
type EntityType uint8

// Entity types, following OntoNotes names.
const (
	NoType EntityType = iota
	Person            // people, including fictional
	Org               // companies, agencies, institutions, parties, media
	GPE               // countries, cities, states: places with a government
	Loc               // non-GPE locations: regions, mountains, seas
	Fac               // buildings, airports, highways, bridges
	NORP              // nationalities, religious or political groups
	Event             // named events: wars, parades, summits, forums
	Date              // absolute or relative dates
	numTypes
)

var typeNames = [numTypes]string{"", "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE"}

// EntityTypes lists the real types in order.
func EntityTypes() []EntityType {
	out := make([]EntityType, 0, numTypes-1)
	for t := Person; t < numTypes; t++ {
		out = append(out, t)
	}
	return out
}

func (t EntityType) String() string {
	if t < numTypes {
		return typeNames[t]
	}
	return fmt.Sprintf("EntityType(%d)", t)
}

// ParseEntityType parses a type name such as "PERSON" (case-sensitive).
func ParseEntityType(s string) (EntityType, bool) {
	for t := Person; t < numTypes; t++ {
		if typeNames[t] == s {
			return t, true
		}
	}
	return NoType, false
}

// MarshalText implements encoding.TextMarshaler.
func (t EntityType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *EntityType) UnmarshalText(b []byte) error {
	v, ok := ParseEntityType(string(b))
	if !ok {
		return fmt.Errorf("unknown entity type %q", b)
	}
	*t = v
	return nil
}

// Sentence is one sentence: its span and its tokens Tokens[First:End].
// Span is a named field, not embedded, so that End (a token index) and
// Span.End (a byte offset) cannot be confused.
type Sentence struct {
	Span       Span
	First, End int // token index range, half-open
}

// Token is one token. Tag is the Universal POS tag and XPOS the Penn tag;
// Head is the index of the syntactic head in Document.Tokens (-1 for the
// sentence root, or when unparsed) and Dep the UD relation to it ("" when
// unparsed: only sentences that can yield a relation are parsed).
type Token struct {
	Span
	Tag  string
	XPOS string
	Head int
	Dep  string
}

// Mention is one entity mention: a token range with a type, linked to the
// document entity it refers to.
type Mention struct {
	Span       Span // bytes; named, not embedded (see Sentence)
	First, End int  // token index range, half-open
	Type       EntityType
	Entity     int     // index into Document.Entities, -1 if none
	Score      float32 // tagger confidence in [0,1]
}

// Alias is one name an entity goes by, and the rule that linked it.
type Alias struct {
	Name string `json:"name"`
	Rule string `json:"rule"`
}

// Entity is a document-level entity: the mentions that refer to one
// real-world thing within this document.
type Entity struct {
	Key      string     // normalised key, e.g. "PERSON:sergei shoigu"
	Name     string     // canonical display name
	Type     EntityType // majority type of its mentions
	Aliases  []Alias    // other names, each with the rule that linked it
	Roles    []string   // titles and roles stripped from names ("defense minister")
	Mentions []int      // indices into Document.Mentions, in text order
}

// Modality says how a relation is asserted.
type Modality string

// Modalities.
const (
	Asserted Modality = "asserted"
	Reported Modality = "reported"
	Planned  Modality = "planned"
)

// Relation is a typed, directed relation between two document entities.
type Relation struct {
	Source, Target int      // indices into Document.Entities
	Label          string   // "met", "visited", ...
	Category       string   // PLOVER category: "CONSULT", ...
	Trigger        Span     // the word(s) that express the relation
	Evidence       Span     // the sentence that proves it
	Negated        bool     // "did not meet"
	Modality       Modality // asserted, reported, planned
	Date           string   // ISO date (YYYY-MM-DD) when known
	Place          int      // index into Document.Entities, -1 if none
	Confidence     float32  // in [0,1]
}

// Document is everything extract learns from one text.
type Document struct {
	ID        string    // stable id (content hash unless the caller gives one)
	Title     string    // headline, if known
	Source    string    // path or URL
	Published time.Time // publication date, zero if unknown
	Text      string    // the input exactly as received, never modified

	Body       []Span      // the article's text blocks, boilerplate removed
	Sentences  []Sentence  // in text order
	Tokens     []Token     // in text order
	Mentions   []Mention   // in text order
	Entities   []Entity    // in order of first mention
	Relations  []Relation  // in order of evidence
	CoMentions []CoMention // entity pairs sharing a sentence (weak edges)
	Events     []EventNode // interactions as nodes, only WithEvents

	Errors ErrorList // positioned problems, sorted by Start
}

// EventNode is one interaction as a node of its own (issue 4 item 6): who
// took part, what happened, where and when. It is built from the typed
// relations that share a trigger and carry a date or a place, so an
// analyst can show "met, Moscow, 2025-12-24" as a node in Gephi.
type EventNode struct {
	Label        string // the relation label, "met"
	Category     string // PLOVER category
	Trigger      Span
	Evidence     Span
	Participants []int  // indices into Document.Entities, sources first
	Place        int    // index into Document.Entities, -1 if none
	Date         string // ISO date, "" if unknown
	Relations    []int  // indices into Document.Relations
}

// CoMention records that two document entities appear in one sentence.
type CoMention struct {
	A, B     int // indices into Document.Entities, A < B
	Evidence Span
}

// Slice returns the text of span s.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// Error is a problem with the input at a position.
type Error struct {
	Pos int // byte offset into Document.Text
	Msg string
}

func (e Error) Error() string { return fmt.Sprintf("offset %d: %s", e.Pos, e.Msg) }

// ErrorList is a list of positioned errors; the zero value is ready to use.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(pos int, msg string) { *l = append(*l, &Error{pos, msg}) }

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns nil for an empty list, else the list.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
