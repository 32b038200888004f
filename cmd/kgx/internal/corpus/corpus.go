// Package corpus builds deterministic benchmark corpora: it takes the
// sentences of open corpora (the kgx seed articles, the re3d texts, the
// GUM and UD English-EWT sentences) and gives article-sized documents
// recombined from them with a seeded generator, each with distinct
// content. The same pool, seed and count always give the same articles.
//
// The texts keep their licences (see /work/shared/data/LICENSES.md);
// generated corpora are for measurement only and are never committed.
package corpus

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract"
)

// Pool is the sentences articles are made of, in two groups: news-like
// sentences (seed articles, re3d, GUM news) and everything else.
type Pool struct {
	News, Other []string
}

// Load reads the pool: the articles in the directory news (the kgx seed
// corpus, testdata/news) and, under data (the shared data directory),
// ner/re3d/*/documents.json, ner/gum/*.conllu and ud/ewt/*.conllu. With
// data "", the pool is the news articles alone. An empty pool is an error.
func Load(ctx context.Context, data, news string) (*Pool, error) {
	seg, err := extract.New(extract.WithMode(extract.TokensOnly | extract.NoClean))
	if err != nil {
		return nil, err
	}
	p := &Pool{}
	split := func(text string) ([]string, error) {
		doc, err := seg.Extract(ctx, extract.Input{Text: text})
		if err != nil {
			return nil, err
		}
		var out []string
		for _, s := range doc.Sentences {
			out = append(out, oneLine(doc.Slice(s.Span)))
		}
		return out, nil
	}
	if news != "" {
		files, err := filepath.Glob(filepath.Join(news, "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			// A missing seed folder (a relative default, run from
			// elsewhere) would silently give another corpus.
			return nil, fmt.Errorf("corpus: no articles (*.txt) in %s", news)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("corpus: %w", err)
			}
			ss, err := split(string(b))
			if err != nil {
				return nil, fmt.Errorf("corpus: %s: %w", f, err)
			}
			p.News = append(p.News, ss...)
		}
	}
	if data == "" {
		p.News = usable(p.News)
		if len(p.News) == 0 {
			return nil, fmt.Errorf("corpus: no sentences in %s", news)
		}
		p.Other = p.News
		return p, nil
	}
	re3d, err := filepath.Glob(filepath.Join(data, "ner", "re3d", "*", "documents.json"))
	if err != nil {
		return nil, err
	}
	for _, f := range re3d {
		if err := eachJSONLine(f, func(text string) error {
			ss, err := split(text)
			p.News = append(p.News, ss...)
			return err
		}); err != nil {
			return nil, fmt.Errorf("corpus: %s: %w", f, err)
		}
	}
	for _, dir := range []string{filepath.Join(data, "ner", "gum"), filepath.Join(data, "ud", "ewt")} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".conllu") {
				return err
			}
			ss, err := conlluTexts(path)
			if err != nil {
				return fmt.Errorf("corpus: %s: %w", path, err)
			}
			if strings.Contains(filepath.Base(path), "_news_") {
				p.News = append(p.News, ss...)
			} else {
				p.Other = append(p.Other, ss...)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	p.News = usable(p.News)
	p.Other = usable(p.Other)
	if len(p.News) == 0 || len(p.Other) == 0 {
		return nil, fmt.Errorf("corpus: no sentences found under %s (want ner/re3d, ner/gum, ud/ewt)", data)
	}
	return p, nil
}

// usable keeps sentences of 4 to 80 words.
func usable(ss []string) []string {
	return slices.DeleteFunc(ss, func(s string) bool {
		n := len(strings.Fields(s))
		return n < 4 || n > 80
	})
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func eachJSONLine(path string, fn func(text string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d struct {
			Text string `json:"text"`
		}
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return err
		}
		if err := fn(d.Text); err != nil {
			return err
		}
	}
	return sc.Err()
}

func conlluTexts(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if t, ok := strings.CutPrefix(sc.Text(), "# text = "); ok {
			out = append(out, oneLine(t))
		}
	}
	return out, sc.Err()
}

// Article is one generated document.
type Article struct {
	Name string // file name: "a000123.txt"
	Text string
}

// Generator makes articles from a pool. Its output depends only on the
// pool and the seed.
type Generator struct {
	// Paragraphs is the range of paragraphs per article, [4, 10] unless
	// changed before the first Next.
	Paragraphs [2]int

	pool *Pool
	rng  *rand.Rand
	seen map[string]bool
	n    int
}

// NewGenerator returns a generator seeded with seed.
func NewGenerator(p *Pool, seed uint64) *Generator {
	return &Generator{Paragraphs: [2]int{4, 10}, pool: p, rng: rand.New(rand.NewPCG(seed, 0x6b6778)), seen: map[string]bool{}}
}

// Next returns the next article: a headline and 4 to 10 paragraphs of 3
// to 6 sentences (about 550 words on average), three in five sentences
// news-like. No two articles of one generator have the same text.
func (g *Generator) Next() Article {
	for {
		var b strings.Builder
		b.WriteString(g.pick(g.pool.News))
		b.WriteString("\n\n")
		paras := g.Paragraphs[0] + g.rng.IntN(g.Paragraphs[1]-g.Paragraphs[0]+1)
		for i := range paras {
			if i > 0 {
				b.WriteString("\n\n")
			}
			sents := 3 + g.rng.IntN(4)
			for j := range sents {
				if j > 0 {
					b.WriteByte(' ')
				}
				if g.rng.IntN(5) < 3 {
					b.WriteString(endSentence(g.pick(g.pool.News)))
				} else {
					b.WriteString(endSentence(g.pick(g.pool.Other)))
				}
			}
		}
		b.WriteByte('\n')
		text := b.String()
		h := extract.Hash(text)
		if g.seen[h] {
			continue
		}
		g.seen[h] = true
		g.n++
		return Article{Name: fmt.Sprintf("a%06d.txt", g.n), Text: text}
	}
}

func (g *Generator) pick(ss []string) string { return ss[g.rng.IntN(len(ss))] }

// endSentence gives a sentence that lacks one a full stop: the corpora
// hold headings, list items and captions that stand on their own line,
// and run into the next sentence inside a paragraph ("... Regina Ip Boris
// Johnson said"), which a news article would not print.
func endSentence(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?:;\"'”’)]…", r) {
		return s
	}
	return s + "."
}

// Stats describes a written corpus.
type Stats struct {
	Docs, Words int
	Bytes       int64
}

// Write writes n articles of g into dir, one file each, and returns their
// size.
func Write(g *Generator, n int, dir string) (Stats, error) {
	var st Stats
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("corpus: %w", err)
	}
	for range n {
		a := g.Next()
		if err := os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644); err != nil {
			return st, fmt.Errorf("corpus: %w", err)
		}
		st.Docs++
		st.Words += len(strings.Fields(a.Text))
		st.Bytes += int64(len(a.Text))
	}
	return st, nil
}
