package extract

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/kgx-project/kgx/extract/internal/depparse"
	modelfiles "github.com/kgx-project/kgx/extract/models"
)

// loadParser decodes the embedded dependency parser once per process.
var loadParser = sync.OnceValues(func() (*depparse.Parser, error) {
	p, err := depparse.Load(bytes.NewReader(modelfiles.Dep))
	if err != nil {
		return nil, fmt.Errorf("embedded dependency parser: %w", err)
	}
	return p, nil
})

// parse fills Token.Head (an index into doc.Tokens, -1 for the sentence
// root) and Token.Dep (a UD relation) for every sentence, from the words and
// the tags the POS stage filled (Token.XPOS and Token.Tag).
func (e *Extractor) parse(doc *Document) {
	p, err := loadParser()
	if err != nil {
		doc.Errors.Add(0, err.Error())
		return
	}
	var words, xpos, upos, deps []string
	var heads []int
	for _, s := range doc.Sentences {
		n := s.End - s.First
		if n <= 0 {
			continue
		}
		words, xpos, upos = words[:0], xpos[:0], upos[:0]
		for _, t := range doc.Tokens[s.First:s.End] {
			words = append(words, doc.Slice(t.Span))
			xpos = append(xpos, t.XPOS)
			upos = append(upos, t.Tag)
		}
		if cap(heads) < n {
			heads, deps = make([]int, n), make([]string, n)
		}
		heads, deps = heads[:n], deps[:n]
		p.Parse(words, xpos, upos, heads, deps)
		for i := range n {
			t := &doc.Tokens[s.First+i]
			t.Head = -1
			if heads[i] >= 0 {
				t.Head = s.First + heads[i]
			}
			t.Dep = deps[i]
		}
	}
}
