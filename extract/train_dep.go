package extract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/kgx-project/kgx/extract/internal/depparse"
)

// DepTrainOptions configures TrainDep.
type DepTrainOptions struct {
	// Data is the corpus root: it must hold ud/ewt/en_ewt-ud-{train,dev,test}.conllu
	// and, unless NoGUM, the GUM corpus in ner/gum (its train split only).
	Data   string
	NoGUM  bool
	Epochs int    // 0 means the default (15)
	Seed   uint64 // 0 means the default (1)
	Log    io.Writer
}

// DepScores are attachment scores of the parser on one CoNLL-U file.
type DepScores struct {
	File         string  `json:"file"`
	Tags         string  `json:"tags"` // "gold" or "predicted"
	Sentences    int     `json:"sentences"`
	Words        int     `json:"words"`
	UAS          float64 `json:"uas"`
	LAS          float64 `json:"las"`           // full labels, subtypes included
	UniversalLAS float64 `json:"universal_las"` // labels without subtypes
	WordsPerSec  float64 `json:"words_per_sec"` // parsing only, one goroutine
}

func (s DepScores) String() string {
	return fmt.Sprintf("%s (%s tags): UAS %.4f LAS %.4f (universal labels %.4f), %d words in %d sentences, %.0f words/s",
		s.File, s.Tags, s.UAS, s.LAS, s.UniversalLAS, s.Words, s.Sentences, s.WordsPerSec)
}

// TrainDep trains the dependency parser on UD English-EWT train (plus GUM
// train), writes the model to w, and returns its scores with gold tags on
// EWT dev and test. With the same options it writes the same bytes.
func TrainDep(ctx context.Context, o DepTrainOptions, w io.Writer) ([]DepScores, error) {
	ewt := filepath.Join(o.Data, "ud", "ewt")
	train, err := depparse.ReadCoNLLUFile(filepath.Join(ewt, "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, fmt.Errorf("train dep: %w", err)
	}
	if !o.NoGUM {
		gum, err := depparse.ReadGUMTrain(filepath.Join(o.Data, "ner", "gum"))
		if err != nil {
			return nil, fmt.Errorf("train dep: %w", err)
		}
		train = append(train, gum...)
	}
	to := depparse.DefaultTrainOptions()
	if o.Epochs > 0 {
		to.Epochs = o.Epochs
	}
	if o.Seed != 0 {
		to.Seed = o.Seed
	}
	if o.Log != nil {
		to.Log = func(format string, args ...any) { fmt.Fprintf(o.Log, format+"\n", args...) }
	}
	p, err := depparse.Train(ctx, train, to)
	if err != nil {
		return nil, fmt.Errorf("train dep: %w", err)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("train dep: encode model: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("train dep: write model: %w", err)
	}
	var out []DepScores
	for _, f := range []string{"en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		s, err := evalDep(ctx, p, filepath.Join(ewt, f), false)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// EvalDep parses the CoNLL-U file at path and scores the result against
// its trees. model is a parser model file's bytes, nil for the embedded
// one. With predictedTags the words are first tagged by kgx's own POS
// stage; otherwise the file's gold XPOS and UPOS tags are used.
func EvalDep(ctx context.Context, path string, model []byte, predictedTags bool) (DepScores, error) {
	var p *depparse.Parser
	var err error
	if model == nil {
		p, err = loadParser()
	} else {
		p, err = depparse.Load(bytes.NewReader(model))
	}
	if err != nil {
		return DepScores{}, fmt.Errorf("eval dep: %w", err)
	}
	return evalDep(ctx, p, path, predictedTags)
}

func evalDep(ctx context.Context, p *depparse.Parser, path string, predictedTags bool) (DepScores, error) {
	gold, err := depparse.ReadCoNLLUFile(path)
	if err != nil {
		return DepScores{}, fmt.Errorf("eval dep: %w", err)
	}
	if len(gold) == 0 {
		return DepScores{}, fmt.Errorf("eval dep: %s: no sentences", path)
	}
	tags := "gold"
	if predictedTags {
		tags = "predicted"
		e, err := New()
		if err != nil {
			return DepScores{}, fmt.Errorf("eval dep: %w", err)
		}
		for i := range gold {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return DepScores{}, err
				}
			}
			gold[i].XPOS, gold[i].UPOS = e.tagWords(gold[i].Words)
		}
	}
	if err := ctx.Err(); err != nil {
		return DepScores{}, err
	}
	r := depparse.Evaluate(p, gold)
	return DepScores{
		File: path, Tags: tags, Sentences: r.Sentences, Words: r.Words,
		UAS: r.UAS, LAS: r.LAS, UniversalLAS: r.ULAS, WordsPerSec: r.TokensPerS,
	}, nil
}

// tagWords runs the POS stage on one pre-tokenised sentence and returns
// its Penn and Universal tags.
func (e *Extractor) tagWords(words []string) (xpos, upos []string) {
	doc := wordsDocument([][]string{words})
	e.tagPOS(doc)
	xpos, upos = make([]string, len(words)), make([]string, len(words))
	for i, t := range doc.Tokens {
		xpos[i], upos[i] = t.XPOS, t.Tag
	}
	return xpos, upos
}
