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
	"bufio"
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
	putInt(templateVersion)
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

// Read decodes a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != fileMagic {
		return nil, ErrFormat
	}
	var rerr error
	getInt := func() int {
		v, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return int(v)
	}
	getStr := func() string {
		n := getInt()
		if rerr != nil || n > 1<<20 {
			if rerr == nil {
				rerr = ErrFormat
			}
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil && rerr == nil {
			rerr = err
		}
		return string(b)
	}
	if h := getStr(); h != hashID {
		return nil, fmt.Errorf("%w: hash %q, want %q", ErrFormat, h, hashID)
	}
	if v := getInt(); v != templateVersion {
		return nil, fmt.Errorf("%w: feature templates v%d, want v%d", ErrFormat, v, templateVersion)
	}
	m := &Model{Kind: Kind(getStr())}
	nc := getInt()
	if nc > 1<<12 {
		return nil, ErrFormat
	}
	for range nc {
		m.Classes = append(m.Classes, getStr())
	}
	nd := getInt()
	m.Dict = make(map[string]int, nd)
	for range nd {
		k := getStr()
		m.Dict[k] = getInt()
	}
	nl := getInt()
	if nl > 0 {
		m.Lower = make(map[string]bool, nl)
	}
	for range nl {
		m.Lower[getStr()] = true
	}
	if rerr != nil {
		return nil, fmt.Errorf("tagger: truncated model header: %w", rerr)
	}
	p, err := perceptron.Read(br)
	if err != nil {
		return nil, err
	}
	if p.Classes() != len(m.Classes) {
		return nil, fmt.Errorf("%w: %d classes in header, %d in weights", ErrFormat, len(m.Classes), p.Classes())
	}
	m.P = p
	return m, nil
}

// SplitPOS splits a POS class name into UPOS and XPOS.
func SplitPOS(class string) (upos, xpos string) {
	u, x, _ := strings.Cut(class, " ")
	return u, x
}
