package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Input is one document to extract from.
type Input struct {
	ID        string    // optional; defaults to the content hash (see Hash)
	Title     string    // optional headline
	Source    string    // path or URL
	Published time.Time // optional publication date; anchors relative dates
	Text      string
}

// Mode selects how far extraction goes; the zero value runs every stage.
type Mode uint

// Modes can be or-ed together.
const (
	TokensOnly  Mode = 1 << iota // segment and tokenise only
	NoRelations                  // stop after entities (no parse, no relations)
	NoClean                      // keep boilerplate (the text is not a web page)
)

// Option configures an Extractor.
type Option func(*Extractor)

// WithMode sets the extraction mode.
func WithMode(m Mode) Option { return func(e *Extractor) { e.mode = m } }

// WithEvents makes Extract also fill Document.Events (kgx extract --events).
func WithEvents() Option { return func(e *Extractor) { e.events = true } }

// WithWindowRelations replaces parse-based relation extraction with the
// word-window baseline (nearest entity before a trigger verb, first after
// it), the method of kgx's walking skeleton: kgx eval relations --baseline
// scores both in one run.
func WithWindowRelations() Option { return func(e *Extractor) { e.window = true } }

// Extractor runs the extraction pipeline. It is safe for concurrent use;
// models are shared, read-only, and loaded once per process.
type Extractor struct {
	mode   Mode
	events bool // fill Document.Events (WithEvents)
	window bool // word-window relations only (WithWindowRelations)
	m      *models
}

// New returns an Extractor, loading the embedded models on first use.
func New(opts ...Option) (*Extractor, error) {
	e := &Extractor{}
	for _, o := range opts {
		o(e)
	}
	if e.mode&(TokensOnly|NoRelations) == 0 && !e.window {
		// The parser is loaded on first use; started now, it decodes
		// on another core while the taggers' models decode here.
		go loadParser()
	}
	m, err := loadModels()
	if err != nil {
		return nil, fmt.Errorf("extract: load models: %w", err)
	}
	e.m = m
	return e, nil
}

// Hash returns the content hash kgx uses as a document id: the first 16
// hex digits of the SHA-256 of the text.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Extract runs the pipeline on one text. It returns the Document built so
// far and, if the input had problems (invalid UTF-8, empty text), a
// non-nil ErrorList describing them; it returns ctx.Err() if cancelled.
func (e *Extractor) Extract(ctx context.Context, in Input) (*Document, error) {
	doc := &Document{ID: in.ID, Title: in.Title, Source: in.Source, Published: in.Published, Text: in.Text}
	if doc.ID == "" {
		doc.ID = Hash(in.Text)
	}
	if !utf8.ValidString(doc.Text) {
		doc.Errors.Add(firstInvalid(doc.Text), "invalid UTF-8 (replace it before extraction)")
		return doc, doc.Errors.Err()
	}
	if strings.TrimSpace(doc.Text) == "" {
		doc.Errors.Add(0, "empty text")
		return doc, doc.Errors.Err()
	}
	if e.mode&NoClean != 0 {
		doc.Body = []Span{{0, len(doc.Text)}}
	} else {
		clean(doc)
	}
	if doc.Title == "" {
		doc.Title = guessTitle(doc)
	}
	segment(doc)
	if e.mode&TokensOnly != 0 {
		return doc, doc.Errors.Err()
	}
	// The parser reads the recogniser's names, before resolve splits
	// possessives and votes on types; resolve runs first so that the
	// parser sees which sentences have mentions to relate (needsParse).
	var names []Mention
	stages := []func(*Document){e.tagPOS, e.recognise, e.retagNames, func(d *Document) {
		names = slices.Clone(d.Mentions)
		e.resolve(d)
	}}
	if e.mode&NoRelations == 0 {
		stages = append(stages, func(d *Document) { e.parse(d, names) }, e.relate)
	}
	for _, stage := range stages {
		if err := ctx.Err(); err != nil {
			return doc, err
		}
		stage(doc)
	}
	return doc, doc.Errors.Err()
}

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return 0
}
