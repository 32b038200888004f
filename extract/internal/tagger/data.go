package tagger

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

// Corpora is the NER data split into training and held-out (dev) parts,
// keyed by corpus name.
type Corpora struct {
	Train map[string][]Doc
	Dev   map[string][]Doc
}

// GUMSplit reads GUM's splits.md and returns the dev and test document
// names.
func GUMSplit(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	held := map[string]bool{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if s, ok := strings.CutPrefix(t, "## "); ok {
			section = s
			continue
		}
		if name, ok := strings.CutPrefix(t, "* "); ok && (section == "dev" || section == "test") {
			held[name] = true
		}
	}
	if len(held) == 0 {
		return nil, fmt.Errorf("%s: no dev or test documents listed", path)
	}
	return held, sc.Err()
}

// Re3dHeldOut reports whether a re3d document is in kgx's re3d test split:
// re3d ships no split, so kgx holds out every document whose id hashes
// (FNV-1a 32) to 0 mod 5, about a fifth of each source folder.
func Re3dHeldOut(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%5 == 0
}

// LoadPOS reads the POS training data: UD English-EWT train and GUM's
// training documents, and EWT test for measuring.
func LoadPOS(dataDir string) (train, test []Doc, err error) {
	ewt := filepath.Join(dataDir, "ud/ewt")
	train, err = ReadCoNLLU(filepath.Join(ewt, "en_ewt-ud-train.conllu"), "ewt")
	if err != nil {
		return nil, nil, err
	}
	test, err = ReadCoNLLU(filepath.Join(ewt, "en_ewt-ud-test.conllu"), "ewt")
	if err != nil {
		return nil, nil, err
	}
	gum, _, err := loadGUM(dataDir)
	if err != nil {
		return nil, nil, err
	}
	return append(train, gum...), test, nil
}

func loadGUM(dataDir string) (train, dev []Doc, err error) {
	dir := filepath.Join(dataDir, "ner/gum")
	held, err := GUMSplit(filepath.Join(dir, "splits.md"))
	if err != nil {
		return nil, nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "GUM_*.conllu"))
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("%s: no GUM_*.conllu files", dir)
	}
	slices.Sort(files)
	for _, f := range files {
		docs, err := ReadCoNLLU(f, "gum")
		if err != nil {
			return nil, nil, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".conllu")
		if held[name] {
			dev = append(dev, docs...)
		} else {
			train = append(train, docs...)
		}
	}
	return train, dev, nil
}

// LoadNER reads every NER corpus under dataDir/ner, maps its labels
// (MapLabels) and splits it: held out are GUM's dev and test documents,
// UNER-EWT test, WikiGold, and kgx's re3d test split (Re3dHeldOut). All
// else is training data: GUM train, UNER-EWT dev, re3d train, Re-DocRED
// dev and test, and WNUT17 train (weighted low by the caller).
func LoadNER(dataDir string, gaz *gazetteer.Gazetteer) (*Corpora, error) {
	c := &Corpora{Train: map[string][]Doc{}, Dev: map[string][]Doc{}}
	ner := filepath.Join(dataDir, "ner")
	gtrain, gdev, err := loadGUM(dataDir)
	if err != nil {
		return nil, err
	}
	c.Train["gum"], c.Dev["gum"] = gtrain, gdev
	if c.Train["uner"], err = ReadColumns(filepath.Join(ner, "uner-ewt/en_ewt-ud-dev.iob2"), "uner", 1, 2); err != nil {
		return nil, err
	}
	if c.Dev["uner"], err = ReadColumns(filepath.Join(ner, "uner-ewt/en_ewt-ud-test.iob2"), "uner", 1, 2); err != nil {
		return nil, err
	}
	if c.Dev["wikigold"], err = ReadColumns(filepath.Join(ner, "wikigold/wikigold.conll.txt"), "wikigold", 0, -1); err != nil {
		return nil, err
	}
	if c.Train["wnut17"], err = ReadColumns(filepath.Join(ner, "wnut17/wnut17train.conll"), "wnut17", 0, -1); err != nil {
		return nil, err
	}
	for _, f := range []string{"dev_revised.json", "test_revised.json"} {
		docs, err := ReadReDocRED(filepath.Join(ner, "re-docred", f))
		if err != nil {
			return nil, err
		}
		c.Train["redocred"] = append(c.Train["redocred"], docs...)
	}
	dirs, err := os.ReadDir(filepath.Join(ner, "re3d"))
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		docs, err := ReadRe3d(filepath.Join(ner, "re3d", d.Name()))
		if err != nil {
			return nil, err
		}
		for _, doc := range docs {
			if Re3dHeldOut(doc.ID) {
				c.Dev["re3d"] = append(c.Dev["re3d"], doc)
			} else {
				c.Train["re3d"] = append(c.Train["re3d"], doc)
			}
		}
	}
	for _, m := range []map[string][]Doc{c.Train, c.Dev} {
		for _, docs := range m {
			for d := range docs {
				for s := range docs[d].Sents {
					MapLabels(docs[d].Corpus, &docs[d].Sents[s], gaz)
				}
			}
		}
	}
	return c, nil
}

// WriteGold writes docs as a CoNLL file for `kgx tag` and `kgx eval ner`:
// "-DOCSTART-" between documents, one "word TAB gold-BIO" line per word
// (Unknown labels written as O), blank line between sentences.
func WriteGold(w io.Writer, docs []Doc) error {
	bw := bufio.NewWriter(w)
	for _, d := range docs {
		fmt.Fprintf(bw, "-DOCSTART-\tO\n\n")
		for _, s := range d.Sents {
			for i, word := range s.Words {
				l := s.NER[i]
				if l == Unknown {
					l = "O"
				}
				word = strings.Map(func(r rune) rune {
					if r == '\t' || r == '\n' || r == '\r' || r == ' ' {
						return '_'
					}
					return r
				}, word)
				fmt.Fprintf(bw, "%s\t%s\n", word, l)
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

// Sorted returns the keys of m in order.
func Sorted[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
