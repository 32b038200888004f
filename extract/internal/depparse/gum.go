package depparse

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReadGUMTrain reads the training documents of the GUM corpus in dir: the
// files listed under "## train" in dir/splits.md, so that GUM's dev and test
// documents never reach training. Listed documents absent from dir (GUM
// distributes some, such as the Reddit ones, without text) are skipped.
func ReadGUMTrain(dir string) ([]Sentence, error) {
	f, err := os.Open(filepath.Join(dir, "splits.md"))
	if err != nil {
		return nil, fmt.Errorf("GUM splits: %w", err)
	}
	defer f.Close()
	var docs []string
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if h, ok := strings.CutPrefix(line, "## "); ok {
			section = h
			continue
		}
		if d, ok := strings.CutPrefix(line, "* "); ok && section == "train" {
			docs = append(docs, d)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no \"## train\" documents listed", f.Name())
	}
	var out []Sentence
	for _, d := range docs {
		s, err := ReadCoNLLUFile(filepath.Join(dir, d+".conllu"))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}
