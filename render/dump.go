package render

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"

	"github.com/kgx-project/kgx/graph"
)

// Verify checks that the dump is self-consistent: its graph records
// (documents, entities, relations, co-mentions) are exactly what its
// facts and curation records resolve to (graph.Resolve), and no document
// has two facts records. Replaying the facts and curations, as `kgx
// import` does, then rebuilds a store whose dump is identical; a dump
// edited by hand in one place but not the other is refused. Errors wrap
// ErrJSONL and name the first record that differs. Verify needs the
// whole dump in memory; CheckJSONL checks the same of a dump read from a
// file without holding it (kgx import uses it).
func (d *Dump) Verify() error {
	seen := map[string]bool{}
	for _, f := range d.Facts {
		if seen[f.Doc.ID] {
			return fmt.Errorf("%w: two facts records for document %q", ErrJSONL, f.Doc.ID)
		}
		seen[f.Doc.ID] = true
	}
	if len(d.Facts) == 0 && d.Graph != nil && len(d.Graph.Docs())+len(d.Graph.Entities()) > 0 {
		return fmt.Errorf("%w: the dump has documents or entities but no facts records, which an import replays (write it with 'kgx export --format jsonl')", ErrJSONL)
	}
	resolved, _ := graph.Resolve(d.Facts, d.Curations)
	// Compare digests first: the dumps can be large, and usually agree.
	sum := func(g *graph.Graph) ([]byte, error) {
		h := sha256.New()
		err := WriteJSONL(h, &Dump{Graph: g, Facts: d.Facts, Curations: d.Curations})
		return h.Sum(nil), err
	}
	gotSum, err := sum(d.Graph)
	if err != nil {
		return err
	}
	wantSum, err := sum(resolved)
	if err != nil {
		return err
	}
	if bytes.Equal(gotSum, wantSum) {
		return nil
	}
	var got, want bytes.Buffer
	if err := WriteJSONL(&got, &Dump{Graph: d.Graph, Facts: d.Facts, Curations: d.Curations}); err != nil {
		return err
	}
	if err := WriteJSONL(&want, &Dump{Graph: resolved, Facts: d.Facts, Curations: d.Curations}); err != nil {
		return err
	}
	g, w := bufio.NewScanner(&got), bufio.NewScanner(&want)
	g.Buffer(nil, maxJSONLLine)
	w.Buffer(nil, maxJSONLLine)
	for n := 1; ; n++ {
		gok, wok := g.Scan(), w.Scan()
		if n == 1 && gok && wok && !bytes.Equal(g.Bytes(), w.Bytes()) {
			return fmt.Errorf("%w: the facts and curations resolve to other counts than the dump's records:\n  records: %s\n  facts:   %s", ErrJSONL, g.Bytes(), w.Bytes())
		}
		if !gok || !wok || !bytes.Equal(g.Bytes(), w.Bytes()) {
			rec := "end of the dump"
			if gok {
				rec = string(g.Bytes())
				if len(rec) > 200 {
					rec = rec[:200] + "..."
				}
			}
			return fmt.Errorf("%w: record %d (counting in written order) is not what the facts resolve to: %s", ErrJSONL, n, rec)
		}
	}
}
