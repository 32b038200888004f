package graph

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgx-project/kgx/extract"
)

func TestScoreClusters(t *testing.T) {
	// Gold {a1 a2 a3} {b1}; system {a1 a2} {a3 b1}.
	s := scoreClusters([]string{"x", "x", "y", "y"}, []string{"a", "a", "a", "b"})
	want := ClusterScore{Mentions: 4, GoldClusters: 2, Clusters: 2,
		B3P: (1 + 1 + 0.5 + 0.5) / 4, B3R: (2.0/3 + 2.0/3 + 1.0/3 + 1) / 4, PairP: 0.5, PairR: 1.0 / 3}
	for _, c := range [][3]any{{"B3P", s.B3P, want.B3P}, {"B3R", s.B3R, want.B3R}, {"PairP", s.PairP, want.PairP}, {"PairR", s.PairR, want.PairR}} {
		if math.Abs(c[1].(float64)-c[2].(float64)) > 1e-9 {
			t.Errorf("%s = %v, want %v", c[0], c[1], c[2])
		}
	}
	if s.Clusters != 2 || s.GoldClusters != 2 || s.Mentions != 4 {
		t.Errorf("counts %+v", s)
	}
	// Items 0,1 in doc d1, 2,3 in d2: cross pairs system (0,2)(0,3)(1,2)(1,3)
	// all in x; gold a = {0,1,2}: cross pairs (0,2)(1,2).
	if p, r := crossDocPairs([]string{"x", "x", "x", "x"}, []string{"a", "a", "a", "b"}, []string{"d1", "d1", "d2", "d2"}); p != 0.5 || r != 1 {
		t.Errorf("crossDocPairs = %v, %v; want 0.5, 1", p, r)
	}
	if p := scoreClusters([]string{"x", "y"}, []string{"a", "b"}); p.B3F != 1 || p.PairF != 1 {
		t.Errorf("perfect singletons scored %+v", p)
	}
}

// TestEvalAliasesGUM runs the GUM evaluation when the shared corpus is
// present and requires kgx to beat the exact-key baseline's F1.
func TestEvalAliasesGUM(t *testing.T) {
	files, _ := filepath.Glob("../../shared/data/ner/gum/GUM_news_*.conllu")
	if len(files) == 0 || testing.Short() {
		t.Skip("GUM not available")
	}
	var docs []GoldDoc
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		d, gold, err := extract.ReadGUMCoref(r, filepath.Base(f))
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, GoldDoc{d, gold})
	}
	ev := EvalAliases(docs)
	if ev.Within.B3F <= ev.WithinBaseline.B3F || ev.Across.B3F <= ev.AcrossBaseline.B3F || ev.Across.B3P < 0.9 {
		t.Errorf("kgx within %.3f (baseline %.3f), across %.3f P %.3f (baseline %.3f)",
			ev.Within.B3F, ev.WithinBaseline.B3F, ev.Across.B3F, ev.Across.B3P, ev.AcrossBaseline.B3F)
	}
}
