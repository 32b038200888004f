// Package tagger is kgx's part-of-speech and named-entity tagger: words in,
// tags out.
//
// It holds the tokeniser and sentence splitter the models were trained
// with (Tokenize, SplitSentences), the corpus readers (CoNLL-U, CoNLL and
// IOB2 columns, re3d, Re-DocRED) with THE label mapping table (labels.go),
// feature templates, decoding (greedy with a tag dictionary for POS;
// first-order Viterbi under BIO constraints for NER), document-level
// consistency, training, and the model file format. Scores come from
// perceptron.Model; a Model is immutable and safe for concurrent use.
package tagger

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/kgx-project/kgx/extract/internal/perceptron"
)

// Kind says what a model tags.
type Kind string

// Model kinds.
const (
	POS Kind = "pos"
	NER Kind = "ner"
)

// Model is a trained POS or NER tagger.
type Model struct {
	Kind    Kind
	Classes []string // POS: "UPOS XPOS"; NER: "O", "B-PERSON", "I-PERSON", ...
	P       *perceptron.Model
	Dict    map[string]int  // POS: frequent unambiguous words -> class
	Lower   map[string]bool // NER: words usually written in lower case (truecasing)

	transOnce sync.Once
	trans     [][]float32 // NER transition scores, from P
}

const (
	fileMagic = "KGXTAGR1"
	hashID    = "fnv1a-64"
)

// ErrFormat is returned for files that are not tagger models of this
// version.
var ErrFormat = errors.New("tagger: not a kgx tagger model of this version")

// WriteTo writes the model: magic, hash id, template version, kind,
// classes, dictionary, lower-case lexicon, then the perceptron model.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(fileMagic)
	putStr := func(s string) {
		buf.Write(binary.AppendUvarint(nil, uint64(len(s))))
		buf.WriteString(s)
	}
	putInt := func(v int) { buf.Write(binary.AppendUvarint(nil, uint64(v))) }
	putStr(hashID)
	putInt(version(m.Kind))
	putStr(string(m.Kind))
	putInt(len(m.Classes))
	for _, c := range m.Classes {
		putStr(c)
	}
	keys := make([]string, 0, len(m.Dict))
	for k := range m.Dict {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	putInt(len(keys))
	for _, k := range keys {
		putStr(k)
		putInt(m.Dict[k])
	}
	keys = keys[:0]
	for k := range m.Lower {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	putInt(len(keys))
	for _, k := range keys {
		putStr(k)
	}
	n, err := w.Write(buf.Bytes())
	if err != nil {
		return int64(n), err
	}
	n2, err := m.P.WriteTo(w)
	return int64(n) + n2, err
}

// Read decodes a model written by WriteTo, reading r to the end.
func Read(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return Decode(b)
}

// Decode decodes a model written by WriteTo from b (it does not copy b's
// weights section; b may be an embedded file).
func Decode(b []byte) (*Model, error) {
	if len(b) < len(fileMagic) || string(b[:len(fileMagic)]) != fileMagic {
		return nil, ErrFormat
	}
	p := len(fileMagic)
	bad := false
	getInt := func() int {
		v, n := binary.Uvarint(b[p:])
		if n <= 0 || v > 1<<31 {
			bad = true
			return 0
		}
		p += n
		return int(v)
	}
	getStr := func() string {
		n := getInt()
		if bad || n > len(b)-p {
			bad = true
			return ""
		}
		s := string(b[p : p+n])
		p += n
		return s
	}
	if h := getStr(); h != hashID {
		return nil, fmt.Errorf("%w: hash %q, want %q", ErrFormat, h, hashID)
	}
	v := getInt()
	m := &Model{Kind: Kind(getStr())}
	if want := version(m.Kind); v != want {
		return nil, fmt.Errorf("%w: %s feature templates v%d, want v%d", ErrFormat, m.Kind, v, want)
	}
	nc := getInt()
	if bad || nc > 1<<12 {
		return nil, fmt.Errorf("tagger: truncated model header: %w", ErrFormat)
	}
	for range nc {
		m.Classes = append(m.Classes, getStr())
	}
	nd := getInt()
	if bad || nd > len(b) {
		return nil, fmt.Errorf("tagger: truncated model header: %w", ErrFormat)
	}
	m.Dict = make(map[string]int, nd)
	for range nd {
		k := getStr()
		c := getInt()
		if c >= nc {
			bad = true
		}
		m.Dict[k] = c
	}
	nl := getInt()
	if bad || nl > len(b) {
		return nil, fmt.Errorf("tagger: truncated model header: %w", ErrFormat)
	}
	if nl > 0 {
		m.Lower = make(map[string]bool, nl)
	}
	for range nl {
		m.Lower[getStr()] = true
	}
	if bad {
		return nil, fmt.Errorf("tagger: truncated model header: %w", ErrFormat)
	}
	pm, _, err := perceptron.Decode(b[p:])
	if err != nil {
		return nil, err
	}
	if pm.Classes() != len(m.Classes) {
		return nil, fmt.Errorf("%w: %d classes in header, %d in weights", ErrFormat, len(m.Classes), pm.Classes())
	}
	m.P = pm
	return m, nil
}

// SplitPOS splits a POS class name into UPOS and XPOS.
func SplitPOS(class string) (upos, xpos string) {
	u, x, _ := strings.Cut(class, " ")
	return u, x
}
