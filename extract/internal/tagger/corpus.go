package tagger

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RawSpan is an entity span as a corpus labels it: words [Start, End) of
// a sentence with the corpus's own label ("PER", "place", "Nationality").
type RawSpan struct {
	Start, End int
	Label      string
}

// Sentence is one training or evaluation sentence.
type Sentence struct {
	Words []string
	UPOS  []string // nil when the corpus has no POS
	XPOS  []string
	Spans []RawSpan // raw entity spans, sorted, non-overlapping
	NER   []string  // BIO labels in kgx types after MapLabels ("B-PERSON", "O", or Unknown)
}

// Unknown marks a word whose NER label is not learned from (a corpus label
// with no kgx counterpart).
const Unknown = "?"

// Doc is one corpus document.
type Doc struct {
	Corpus string // corpus name as in the label table ("gum", "uner", ...)
	ID     string
	Sents  []Sentence
}

// Tokens counts the words in docs.
func Tokens(docs []Doc) int {
	n := 0
	for _, d := range docs {
		for _, s := range d.Sents {
			n += len(s.Words)
		}
	}
	return n
}

// ReadCoNLLU reads a CoNLL-U file (UD EWT or GUM): words, UPOS and XPOS,
// and for GUM the named entity mentions of the Entity= MISC annotation (see
// gumNamed). Documents split at "# newdoc id".
func ReadCoNLLU(path, corpus string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	var cur Sentence
	var heads []int
	var misc []string
	line := 0
	flush := func() {
		if len(cur.Words) == 0 {
			return
		}
		if corpus == "gum" {
			cur.Spans = gumNamed(cur, heads, misc)
		}
		if len(docs) == 0 {
			docs = append(docs, Doc{Corpus: corpus, ID: filepath.Base(path)})
		}
		docs[len(docs)-1].Sents = append(docs[len(docs)-1].Sents, cur)
		cur, heads, misc = Sentence{}, nil, nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" {
			flush()
			continue
		}
		if strings.HasPrefix(t, "#") {
			if id, ok := strings.CutPrefix(t, "# newdoc id = "); ok {
				flush()
				docs = append(docs, Doc{Corpus: corpus, ID: id})
			}
			continue
		}
		col := strings.Split(t, "\t")
		if len(col) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 tab-separated columns, got %d", path, line, len(col))
		}
		if strings.ContainsAny(col[0], "-.") {
			continue // multiword token range or empty node
		}
		h, _ := strconv.Atoi(col[6])
		cur.Words = append(cur.Words, col[1])
		cur.UPOS = append(cur.UPOS, col[3])
		cur.XPOS = append(cur.XPOS, col[4])
		heads = append(heads, h-1)
		misc = append(misc, col[9])
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// gumNamed returns GUM's named mentions: entity mentions whose syntactic
// head (the word whose head lies outside the mention) is a PROPN, trimmed
// of leading and trailing lower-case words ("the United States" -> "United
// States"), outermost mention winning over nested ones.
func gumNamed(s Sentence, heads []int, misc []string) []RawSpan {
	type open struct {
		id, etype string
		start     int
	}
	var stack []open
	var all []RawSpan
	for i, m := range misc {
		ent := ""
		for _, kv := range strings.Split(m, "|") {
			if v, ok := strings.CutPrefix(kv, "Entity="); ok {
				ent = v
			}
		}
		for j := 0; j < len(ent); {
			switch {
			case ent[j] == '(':
				k := j + 1
				for k < len(ent) && ent[k] != '(' && ent[k] != ')' {
					k++
				}
				parts := strings.SplitN(ent[j+1:k], "-", 3)
				if len(parts) >= 2 {
					if k < len(ent) && ent[k] == ')' {
						all = append(all, RawSpan{i, i + 1, parts[1]})
						k++
					} else {
						stack = append(stack, open{parts[0], parts[1], i})
					}
				}
				j = k
			case ent[j] >= '0' && ent[j] <= '9':
				k := j
				for k < len(ent) && ent[k] >= '0' && ent[k] <= '9' {
					k++
				}
				id := ent[j:k]
				if k < len(ent) && ent[k] == ')' {
					for x := len(stack) - 1; x >= 0; x-- {
						if stack[x].id == id {
							all = append(all, RawSpan{stack[x].start, i + 1, stack[x].etype})
							stack = slices.Delete(stack, x, x+1)
							break
						}
					}
					k++
				}
				j = k
			default:
				j++
			}
		}
	}
	var named []RawSpan
	for _, sp := range all {
		head := -1
		for k := sp.Start; k < sp.End; k++ {
			if h := heads[k]; h < sp.Start || h >= sp.End {
				head = k
				break
			}
		}
		if head < 0 || s.UPOS[head] != "PROPN" {
			continue
		}
		a, b := sp.Start, sp.End
		for a < b && !startsUpperOrDigit(s.Words[a]) {
			a++
		}
		for b > a && !startsUpperOrDigit(s.Words[b-1]) {
			b--
		}
		if a < b && a <= head && head < b {
			named = append(named, RawSpan{a, b, sp.Label})
		}
	}
	return outermost(named)
}

func startsUpperOrDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// outermost sorts spans and drops any span that overlaps an earlier,
// longer one.
func outermost(sp []RawSpan) []RawSpan {
	slices.SortStableFunc(sp, func(a, b RawSpan) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return (b.End - b.Start) - (a.End - a.Start)
	})
	var out []RawSpan
	for _, s := range sp {
		if len(out) > 0 && s.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, s)
	}
	return out
}

// ReadColumns reads a CoNLL-style file: one token per line, token in
// column tokCol and BIO or IOB1 tag in column tagCol (0-based; tagCol -1 =
// the last column; lines starting with "#" are comments when tokCol > 0,
// as in the IOB2 files that start with an index); blank line =
// sentence break; "-DOCSTART-" or "# newdoc" = document break. Columns are
// split on tabs, or on spaces when a line has no tab.
func ReadColumns(path, corpus string, tokCol, tagCol int) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readColumns(f, path, corpus, tokCol, tagCol)
}

func readColumns(r io.Reader, path, corpus string, tokCol, tagCol int) ([]Doc, error) {
	docs := []Doc{{Corpus: corpus, ID: filepath.Base(path) + "#0"}}
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			d := &docs[len(docs)-1]
			d.Sents = append(d.Sents, Sentence{Words: words, Spans: spansFromTags(tags)})
		}
		words, tags = nil, nil
	}
	newDoc := func() {
		flush()
		if len(docs[len(docs)-1].Sents) > 0 {
			docs = append(docs, Doc{Corpus: corpus, ID: fmt.Sprintf("%s#%d", filepath.Base(path), len(docs))})
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(t, "# newdoc") {
			newDoc()
			continue
		}
		if strings.HasPrefix(t, "#") && tokCol > 0 {
			continue
		}
		var col []string
		if strings.Contains(t, "\t") {
			col = strings.Split(t, "\t")
		} else {
			col = strings.Fields(t)
		}
		if col[0] == "-DOCSTART-" {
			newDoc()
			continue
		}
		tc := tagCol
		if tc < 0 {
			tc = len(col) - 1
		}
		if len(col) <= max(tokCol, tc) || tokCol == tc {
			return nil, fmt.Errorf("%s:%d: want a token and a tag column, got %q", path, line, t)
		}
		words = append(words, col[tokCol])
		tags = append(tags, col[tc])
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// spansFromTags decodes BIO or IOB1 tags into spans: B-X starts a span,
// I-X continues a span of type X or starts one.
func spansFromTags(tags []string) []RawSpan {
	var out []RawSpan
	for i, t := range tags {
		if t == "O" || len(t) < 3 || t[1] != '-' {
			continue
		}
		typ := t[2:]
		if t[0] == 'I' && len(out) > 0 && out[len(out)-1].End == i && out[len(out)-1].Label == typ {
			out[len(out)-1].End = i + 1
			continue
		}
		out = append(out, RawSpan{i, i + 1, typ})
	}
	return out
}

type re3dDoc struct {
	ID   string `json:"_id"`
	Text string `json:"text"`
}

type re3dEnt struct {
	Begin int    `json:"begin"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Doc   string `json:"documentId"`
}

// ReadRe3d reads one re3d source folder (documents.json, entities.json;
// one JSON object per line, offsets in code points). Texts are tokenised
// and split into sentences with kgx's own tokeniser and splitter, and
// entity offsets are mapped onto tokens. Mentions that are not names
// (lower-case start after trimming "the"/"a") are dropped; overlapping
// mentions keep the longest.
func ReadRe3d(dir string) ([]Doc, error) {
	var docs []re3dDoc
	if err := readJSONLines(filepath.Join(dir, "documents.json"), func(b []byte) error {
		var d re3dDoc
		err := json.Unmarshal(b, &d)
		docs = append(docs, d)
		return err
	}); err != nil {
		return nil, err
	}
	ents := map[string][]re3dEnt{}
	if err := readJSONLines(filepath.Join(dir, "entities.json"), func(b []byte) error {
		var e re3dEnt
		err := json.Unmarshal(b, &e)
		ents[e.Doc] = append(ents[e.Doc], e)
		return err
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(docs, func(a, b re3dDoc) int { return strings.Compare(a.ID, b.ID) })
	var out []Doc
	for _, d := range docs {
		// code point offset -> byte offset
		cp := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			cp = append(cp, i)
		}
		cp = append(cp, len(d.Text))
		toks := Tokenize(nil, d.Text, 0, len(d.Text))
		doc := Doc{Corpus: "re3d", ID: d.ID}
		var spans []struct{ s, e int }
		var labels []string
		for _, e := range ents[d.ID] {
			if e.Begin < 0 || e.End > len(cp)-1 || e.Begin >= e.End {
				continue
			}
			s, en := cp[e.Begin], cp[e.End]
			v := d.Text[s:en]
			for _, det := range []string{"the ", "The ", "a ", "an "} {
				if strings.HasPrefix(v, det) {
					s += len(det)
					v = v[len(det):]
				}
			}
			if !startsUpperOrDigit(v) || isPronoun(v) {
				continue
			}
			spans = append(spans, struct{ s, e int }{s, en})
			labels = append(labels, e.Type)
		}
		for _, sent := range SplitSentences(d.Text, toks) {
			var s Sentence
			for _, t := range toks[sent.First:sent.End] {
				s.Words = append(s.Words, d.Text[t.Start:t.End])
			}
			var raw []RawSpan
			for k, sp := range spans {
				a, b := -1, -1
				for i, t := range toks[sent.First:sent.End] {
					if t.Start >= sp.s && t.End <= sp.e {
						if a < 0 {
							a = i
						}
						b = i + 1
					}
				}
				if a >= 0 {
					raw = append(raw, RawSpan{a, b, labels[k]})
				}
			}
			s.Spans = outermost(raw)
			doc.Sents = append(doc.Sents, s)
		}
		out = append(out, doc)
	}
	return out, nil
}

func isPronoun(v string) bool {
	switch strings.ToLower(v) {
	case "i", "he", "she", "it", "we", "they", "you", "him", "her", "his", "its", "our", "their", "them", "us", "my":
		return true
	}
	return false
}

func readJSONLines(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<24), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		if err := fn(b); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}

type redocredDoc struct {
	Title     string     `json:"title"`
	Sents     [][]string `json:"sents"`
	VertexSet [][]struct {
		Type   string `json:"type"`
		Pos    []int  `json:"pos"`
		SentID int    `json:"sent_id"`
	} `json:"vertexSet"`
}

// ReadReDocRED reads a Re-DocRED JSON file: tokenised sentences and entity
// mentions (PER, ORG, LOC, TIME, NUM, MISC) with sentence-relative
// positions.
func ReadReDocRED(path string) ([]Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var in []redocredDoc
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []Doc
	for _, d := range in {
		doc := Doc{Corpus: "redocred", ID: d.Title}
		raw := make([][]RawSpan, len(d.Sents))
		for _, v := range d.VertexSet {
			for _, m := range v {
				if m.SentID < 0 || m.SentID >= len(d.Sents) || len(m.Pos) != 2 || m.Pos[0] >= m.Pos[1] || m.Pos[1] > len(d.Sents[m.SentID]) {
					continue
				}
				raw[m.SentID] = append(raw[m.SentID], RawSpan{m.Pos[0], m.Pos[1], m.Type})
			}
		}
		for i, ws := range d.Sents {
			doc.Sents = append(doc.Sents, Sentence{Words: ws, Spans: outermost(raw[i])})
		}
		out = append(out, doc)
	}
	return out, nil
}
