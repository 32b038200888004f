package main

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestBenchCommand runs 'kgx bench' on a tiny generated corpus (16
// articles from the seed articles and, when it is beside the repository,
// the shared data) and checks that the report has every table with
// figures in it, the query of a fixed-answer entity included.
func TestBenchCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kgx and ingests three corpora")
	}
	data := os.Getenv("KGX_DATA")
	if data == "" {
		data = "../../../shared/data"
	}
	if _, err := os.Stat(data); err != nil {
		data = "" // seed articles alone
	}
	bin := buildKgx(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	p := runBin(ctx, t, bin, "bench", "--docs", "16", "--sample", "2", "--queries", "1",
		"--data", data, "--news", "../../testdata/news", "--workdir", t.TempDir())
	if p.code != 0 {
		t.Fatalf("kgx bench: exit %d\n%s", p.code, p.stderr)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`\| kgx \(clean, segment, POS, NER, parse, resolve, relations\) \| [0-9.]+s \| [0-9.]+s \|`),
		regexp.MustCompile(`\| prose v2 default model \(tokenise, POS, NER\) \|`),
		regexp.MustCompile(`(?m)^\| 16x \| 16 \| [0-9]+ \| `),
		regexp.MustCompile(`(?m)^\| corpus \| docs \| store \| ".+" mentions \| median, min \| ".+" mentions \| median, min \|$`),
		regexp.MustCompile(`(?m)^\| 1x \| 1 \| [0-9.]+ MiB \| [1-9][0-9]* \| [0-9]+ ms, [0-9]+ ms \| [1-9][0-9]* \| [0-9]+ ms, [0-9]+ ms \|$`),
		regexp.MustCompile(`(?m)^\| 16x \| 16 \| [0-9.]+ MiB \| [1-9][0-9]* \| [0-9]+ ms, [0-9]+ ms \| [1-9][0-9]* \| [0-9]+ ms, [0-9]+ ms \|$`),
	} {
		if !want.MatchString(p.stdout) {
			t.Errorf("report lacks %s:\n%s", want, p.stdout)
		}
	}
	if strings.Contains(p.stdout, `""`) {
		t.Errorf("report names an empty entity:\n%s", p.stdout)
	}
}
