package depparse

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Sentence is one dependency-annotated sentence: parallel slices, one
// element per syntactic word. Heads are 1-based word numbers with 0 for the
// root, as in CoNLL-U.
type Sentence struct {
	ID    string // sent_id comment, if any
	Words []string
	UPOS  []string
	XPOS  []string
	Heads []int
	Deps  []string
}

// Len is the number of words.
func (s *Sentence) Len() int { return len(s.Words) }

// ReadCoNLLU reads every sentence of a CoNLL-U stream. Multiword-token
// lines (1-2) and empty nodes (1.1) are skipped; name is used in errors.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var out []Sentence
	var cur Sentence
	lineNo := 0
	flush := func() error {
		if cur.Len() == 0 {
			cur = Sentence{}
			return nil
		}
		for i, h := range cur.Heads {
			if h < 0 || h > cur.Len() {
				return fmt.Errorf("%s: sentence ending line %d: word %d has head %d outside 0..%d", name, lineNo, i+1, h, cur.Len())
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if line[0] == '#' {
			if v, ok := strings.CutPrefix(line, "# sent_id = "); ok {
				cur.ID = v
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 tab-separated fields, got %d", name, lineNo, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword token range or empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != cur.Len()+1 {
			return nil, fmt.Errorf("%s:%d: word id %q, want %d", name, lineNo, f[0], cur.Len()+1)
		}
		head := 0
		if f[6] != "_" {
			head, err = strconv.Atoi(f[6])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad head %q", name, lineNo, f[6])
			}
		}
		cur.Words = append(cur.Words, f[1])
		cur.UPOS = append(cur.UPOS, f[3])
		cur.XPOS = append(cur.XPOS, f[4])
		cur.Heads = append(cur.Heads, head)
		cur.Deps = append(cur.Deps, f[7])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// ReadCoNLLUFile reads a CoNLL-U file.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCoNLLU(f, path)
}

// WriteCoNLLU writes sentences in CoNLL-U with the given columns filled
// (lemma, features and enhanced dependencies as "_").
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		for i := range s.Words {
			fmt.Fprintf(bw, "%d\t%s\t_\t%s\t%s\t_\t%d\t%s\t_\t_\n", i+1, s.Words[i], s.UPOS[i], s.XPOS[i], s.Heads[i], s.Deps[i])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
