package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sharedData = "/work/shared/data"

func loadPool(t *testing.T) *Pool {
	t.Helper()
	if _, err := os.Stat(sharedData); err != nil {
		t.Skip("shared data not available:", err)
	}
	p, err := Load(context.Background(), sharedData, "../../../../testdata/news")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGeneratorDeterministicAndDistinct(t *testing.T) {
	p := loadPool(t)
	a, b := NewGenerator(p, 7), NewGenerator(p, 7)
	seen := map[string]bool{}
	words := 0
	const n = 200
	for range n {
		x, y := a.Next(), b.Next()
		if x != y {
			t.Fatalf("same seed, different articles: %s", x.Name)
		}
		if seen[x.Text] {
			t.Fatalf("article %s repeats an earlier one", x.Name)
		}
		seen[x.Text] = true
		words += len(strings.Fields(x.Text))
	}
	if avg := words / n; avg < 300 || avg > 900 {
		t.Errorf("average article has %d words, want news-sized (300-900)", avg)
	}
	if NewGenerator(p, 8).Next() == NewGenerator(p, 7).Next() {
		t.Error("different seeds gave the same first article")
	}
	t.Logf("pool: %d news sentences, %d others; %d words per article", len(p.News), len(p.Other), words/n)
}

// TestLoadNoArticles checks that a seed folder without articles (a
// relative default read from elsewhere) is an error, not another corpus.
func TestLoadNoArticles(t *testing.T) {
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "missing")} {
		if _, err := Load(context.Background(), "", dir); err == nil || !strings.Contains(err.Error(), dir) {
			t.Errorf("Load(%s): %v, want an error naming it", dir, err)
		}
	}
}

func TestEndSentence(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Regina Ip", "Regina Ip."},
		{"He left.", "He left."},
		{"Did he?", "Did he?"},
		{"“We will,” he said.", "“We will,” he said."},
		{"He said “no”", "He said “no”"},
		{"Key points:", "Key points:"},
		{"Nämlich Ärger", "Nämlich Ärger."},
	} {
		if got := endSentence(tc.in); got != tc.want {
			t.Errorf("endSentence(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
