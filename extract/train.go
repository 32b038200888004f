package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/tagger"
)

// TrainOptions control `kgx train`.
type TrainOptions struct {
	Epochs int       // passes over the data (0: the default for the model)
	Seed   uint64    // shuffling seed
	Log    io.Writer // progress; may be nil
	// DevDir, if set, receives the held-out NER gold files (CoNLL, word
	// TAB gold tag) for `kgx tag` and `kgx eval ner`.
	DevDir string
	// Final also trains the NER model on the held-out files (GUM dev and
	// test, UNER-EWT test, WikiGold, re3d test); reported figures then no
	// longer measure unseen text.
	Final bool
	// Prune drops averaged weights smaller than this (0: the default).
	Prune float32
}

func (o TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format, args...)
	}
}

// Default training settings, the ones the committed models were built with.
const (
	DefaultPOSEpochs = 8
	DefaultNEREpochs = 8
	DefaultSeed      = 1
	posPrune         = 1.0
	nerPrune         = 1.0
)

// TrainPOS trains the POS tagger on dataDir's UD English-EWT train and GUM
// training documents, writes outDir/pos.model and returns its UPOS and
// XPOS accuracy on EWT test.
func TrainPOS(ctx context.Context, dataDir, outDir string, opt TrainOptions) (upos, xpos float64, err error) {
	train, test, err := tagger.LoadPOS(dataDir)
	if err != nil {
		return 0, 0, fmt.Errorf("train pos: %w", err)
	}
	opt.logf("pos: %d training tokens\n", tagger.Tokens(train))
	m, err := tagger.TrainPOS(ctx, train, tagger.TrainOptions{Epochs: cmpOr(opt.Epochs, DefaultPOSEpochs), Seed: opt.Seed, Prune: cmpOrF(opt.Prune, posPrune), Log: opt.Log})
	if err != nil {
		return 0, 0, fmt.Errorf("train pos: %w", err)
	}
	upos, xpos, n := m.EvalPOS(test)
	opt.logf("pos: EWT test (%d tokens): UPOS %.4f XPOS %.4f\n", n, upos, xpos)
	if err := writeModel(filepath.Join(outDir, "pos.model"), m); err != nil {
		return 0, 0, err
	}
	return upos, xpos, nil
}

// TrainNER builds the gazetteer (outDir/gazetteer.gz) from dataDir's
// gazetteers and PETRARCH dictionaries, POS-tags every NER corpus with
// outDir/pos.model (run TrainPOS first), trains the NER tagger on the
// training part and writes outDir/ner.model. Held out, unless opt.Final:
// GUM's dev and test documents, UNER-EWT test, WikiGold and kgx's re3d
// test split.
func TrainNER(ctx context.Context, dataDir, outDir string, opt TrainOptions) error {
	gaz, err := gazetteer.Build(dataDir, tagger.TokenizeString)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	opt.logf("gazetteer: %d phrases\n", gaz.Len())
	if err := writeTo(filepath.Join(outDir, "gazetteer.gz"), gaz); err != nil {
		return err
	}
	posPath := filepath.Join(outDir, "pos.model")
	b, err := os.ReadFile(posPath)
	if err != nil {
		return fmt.Errorf("train ner: %w (train the POS model first)", err)
	}
	pm, err := tagger.Read(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("train ner: %s: %w", posPath, err)
	}
	c, err := tagger.LoadNER(dataDir, gaz)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	var train []tagger.Doc
	for _, split := range []map[string][]tagger.Doc{c.Train, c.Dev} {
		for _, k := range tagger.Sorted(split) {
			for d := range split[k] {
				for s := range split[k][d].Sents {
					st := &split[k][d].Sents[s]
					st.UPOS = tagUPOS(pm, st.Words)
				}
			}
		}
	}
	for _, k := range tagger.Sorted(c.Train) {
		opt.logf("ner train: %-9s %4d docs %7d tokens\n", k, len(c.Train[k]), tagger.Tokens(c.Train[k]))
		train = append(train, c.Train[k]...)
	}
	for _, k := range tagger.Sorted(c.Dev) {
		opt.logf("ner dev:   %-9s %4d docs %7d tokens\n", k, len(c.Dev[k]), tagger.Tokens(c.Dev[k]))
		if opt.Final {
			train = append(train, c.Dev[k]...)
		}
		if opt.DevDir != "" {
			if err := os.MkdirAll(opt.DevDir, 0o755); err != nil {
				return err
			}
			p := filepath.Join(opt.DevDir, k+".conll")
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			err = tagger.WriteGold(f, c.Dev[k])
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("write %s: %w", p, err)
			}
		}
	}
	m, err := tagger.TrainNER(ctx, train, gaz, nerWeights, tagger.TrainOptions{Epochs: cmpOr(opt.Epochs, DefaultNEREpochs), Seed: opt.Seed, Prune: cmpOrF(opt.Prune, nerPrune), Log: opt.Log})
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	return writeModel(filepath.Join(outDir, "ner.model"), m)
}

// nerWeights are per-corpus update weights: WNUT17 is social media, far
// from news, and counts a third; re3d (government press releases and
// Wikipedia on Iraq and Syria, the training corpus closest to news, 16k
// tokens) counts double.
var nerWeights = map[string]float32{"wnut17": 0.3, "re3d": 2}

func cmpOrF(v, def float32) float32 {
	if v > 0 {
		return v
	}
	return def
}

func cmpOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

func tagUPOS(pm *tagger.Model, words []string) []string {
	out := make([]int, len(words))
	pm.TagPOS(words, out)
	tags := make([]string, len(words))
	for i, c := range out {
		tags[i], _ = tagger.SplitPOS(pm.Classes[c])
	}
	return tags
}

func writeModel(path string, m *tagger.Model) error { return writeTo(path, m) }

func writeTo(path string, w io.WriterTo) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	_, err = w.WriteTo(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Tagger names for Tag and EvalNER.
const (
	TaggerKGX   = "kgx"
	TaggerProse = "prose"
)

// conllSent is one sentence of a CoNLL-style file: its lines (without
// newline) and words (first column).
type conllSent struct {
	lines, words []string
}

// conllDoc is a run of sentences between -DOCSTART- lines; pre holds the
// line numbers (0-based) of passed-through lines before each sentence.
type conllFile struct {
	lines []string
	// items: for each input line, -1 for a blank line, -2 for -DOCSTART-,
	// else the index of the sentence it belongs to.
	item  []int
	sents []conllSent
	docOf []int // sentence -> document number
}

func readConll(r io.Reader, name string) (*conllFile, error) {
	f := &conllFile{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	doc, open := 0, false
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		f.lines = append(f.lines, line)
		word := firstColumn(line)
		switch {
		case word == "":
			f.item = append(f.item, -1)
			open = false
		case word == "-DOCSTART-":
			f.item = append(f.item, -2)
			doc++
			open = false
		default:
			if !open {
				f.sents = append(f.sents, conllSent{})
				f.docOf = append(f.docOf, doc)
				open = true
			}
			s := &f.sents[len(f.sents)-1]
			s.lines = append(s.lines, line)
			s.words = append(s.words, word)
			f.item = append(f.item, len(f.sents)-1)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

func firstColumn(line string) string {
	if strings.TrimSpace(line) == "" {
		return ""
	}
	if i := strings.IndexByte(line, '\t'); i >= 0 {
		return line[:i]
	}
	if f := strings.Fields(line); len(f) > 0 {
		return f[0]
	}
	return ""
}

// tagConll predicts a BIO tag for every word of f, sentence by sentence
// (documents at -DOCSTART-), with kgx's models or prose's default model.
func tagConll(ctx context.Context, f *conllFile, which string) ([][]string, error) {
	out := make([][]string, len(f.sents))
	switch which {
	case TaggerProse:
		for i, s := range f.sents {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			out[i] = ProseBaseline(s.words)
		}
		return out, nil
	case TaggerKGX:
	default:
		return nil, fmt.Errorf("unknown tagger %q (want %s or %s)", which, TaggerKGX, TaggerProse)
	}
	e, err := New(WithMode(NoRelations | NoClean))
	if err != nil {
		return nil, err
	}
	for lo := 0; lo < len(f.sents); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		hi := lo + 1
		for hi < len(f.sents) && f.docOf[hi] == f.docOf[lo] {
			hi++
		}
		words := make([][]string, hi-lo)
		for i := lo; i < hi; i++ {
			words[i-lo] = f.sents[i].words
		}
		copy(out[lo:hi], e.nameTags(words))
		lo = hi
	}
	return out, nil
}

// nameTags tags one document's sentences of words as extract finds and
// names its entities: the recogniser's mentions (POS, NER, its rules),
// split and retyped as extract splits them, each written with its
// entity's type and over its name only, as the graph names the entity
// (mentionName: no leading title or trailing possessive, and no "the"
// before a name the gazetteer knows, "the Kremlin"; "Turkish
// Foreign Minister Hakan Fidan" gives NORP "Turkish" and PERSON "Hakan
// Fidan"; a nationality stays NORP although resolve links it to its
// country). Words of no entity, and mentions resolve links to none, are O.
func (e *Extractor) nameTags(words [][]string) [][]string {
	doc := wordsDocument(words)
	e.tagPOS(doc)
	e.recognise(doc)
	e.retagNames(doc)
	e.resolve(doc)
	tags := make([]string, len(doc.Tokens))
	for i := range tags {
		tags[i] = "O"
	}
	for mi := range doc.Mentions {
		m := &doc.Mentions[mi]
		if m.Entity < 0 {
			continue
		}
		roleFirst, first, end := nameRange(doc, m)
		if first == roleFirst && first > m.First && e.m.gaz.Lookup(doc.Text[doc.Tokens[first].Start:doc.Tokens[end-1].End])&(gazetteer.OrgName|gazetteer.Place|gazetteer.OrgWord) == 0 {
			first = m.First // an article stays ("The New York Times"), unless the rest is a known name ("the Kremlin")
		}
		t := doc.Entities[m.Entity].Type.String()
		if m.Type == NORP { // "Chinese", linked to China, is still a nationality
			t = m.Type.String()
		}
		for k := first; k < end; k++ {
			tags[k] = "I-" + t
		}
		tags[first] = "B-" + t
	}
	out := make([][]string, len(words))
	for i, s := range doc.Sentences {
		out[i] = tags[s.First:s.End]
	}
	return out
}

// wordsDocument returns a document of pre-tokenised sentences, as they
// come from an annotated corpus: one token a word, the words joined by a
// space and the sentences by a newline, all of it body text.
func wordsDocument(sents [][]string) *Document {
	doc := &Document{}
	var b strings.Builder
	for si, ws := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		start, first := b.Len(), len(doc.Tokens)
		for k, w := range ws {
			if k > 0 {
				b.WriteByte(' ')
			}
			doc.Tokens = append(doc.Tokens, Token{Span: Span{b.Len(), b.Len() + len(w)}, Head: -1})
			b.WriteString(w)
		}
		doc.Sentences = append(doc.Sentences, Sentence{Span: Span{start, b.Len()}, First: first, End: len(doc.Tokens)})
	}
	doc.Text = b.String()
	doc.Body = []Span{{0, len(doc.Text)}}
	return doc
}

// Tag reads CoNLL-style lines from r (token in the first column, other
// columns ignored; blank line = sentence break; -DOCSTART- = document
// break) and writes every line unchanged plus a TAB and the predicted BIO
// tag ("B-PERSON", "I-ORG", "O"): -DOCSTART- lines get "O", blank lines stay
// blank. Exactly as many lines come out as go in. which is TaggerKGX or
// TaggerProse.
func Tag(ctx context.Context, r io.Reader, w io.Writer, name, which string) error {
	f, err := readConll(r, name)
	if err != nil {
		return err
	}
	tags, err := tagConll(ctx, f, which)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	pos := make([]int, len(f.sents))
	for i, line := range f.lines {
		switch it := f.item[i]; it {
		case -1:
			bw.WriteString(line)
		case -2:
			bw.WriteString(line + "\tO")
		default:
			bw.WriteString(line + "\t" + tags[it][pos[it]])
			pos[it]++
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// EvalOptions control EvalNER.
type EvalOptions struct {
	// Tagger is TaggerKGX or TaggerProse; ignored with Tagged.
	Tagger string
	// Tagged means the files already hold predictions (the output of
	// `kgx tag`): gold in the next-to-last column, prediction in the last,
	// as conlleval reads them. Otherwise the last column is gold and the
	// files are tagged first, exactly as `kgx tag` would.
	Tagged bool
	// Places merges GPE, LOC and FAC into PLACE and scores only PERSON,
	// ORG and PLACE (kgx's headline target).
	Places bool
}

// EvalNER scores NER on CoNLL-style files with conlleval semantics (exact
// span match, micro averages) and writes per-type P/R/F1, micro F1 last.
func EvalNER(ctx context.Context, paths []string, w io.Writer, opt EvalOptions) error {
	score := tagger.NewScore()
	if opt.Places {
		score.Map = placeMap
	}
	for _, p := range paths {
		fh, err := os.Open(p)
		if err != nil {
			return err
		}
		f, err := readConll(fh, p)
		fh.Close()
		if err != nil {
			return err
		}
		gold := make([][]string, len(f.sents))
		var pred [][]string
		for i, s := range f.sents {
			for k, line := range s.lines {
				col := columns(line)
				need := 2
				if opt.Tagged {
					need = 3
				}
				if len(col) < need {
					return fmt.Errorf("%s: sentence %d word %d: want at least %d columns, got %q", p, i+1, k+1, need, line)
				}
				if opt.Tagged {
					gold[i] = append(gold[i], col[len(col)-2])
				} else {
					gold[i] = append(gold[i], col[len(col)-1])
				}
			}
		}
		if opt.Tagged {
			pred = make([][]string, len(f.sents))
			for i, s := range f.sents {
				for _, line := range s.lines {
					col := columns(line)
					pred[i] = append(pred[i], col[len(col)-1])
				}
			}
		} else {
			if pred, err = tagConll(ctx, f, cmpOrStr(opt.Tagger, TaggerKGX)); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		for i := range gold {
			score.Add(gold[i], pred[i])
		}
	}
	return score.Write(w)
}

func cmpOrStr(v, def string) string {
	if v != "" {
		return v
	}
	return def
}

func columns(line string) []string {
	if strings.Contains(line, "\t") {
		return strings.Split(line, "\t")
	}
	return strings.Fields(line)
}

func placeMap(t string) string {
	switch t {
	case "GPE", "LOC", "FAC":
		return "PLACE"
	case "PERSON", "ORG":
		return t
	}
	return ""
}
