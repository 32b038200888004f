package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalAliasesCmd(t *testing.T) {
	dir := t.TempDir()
	doc := "1\tSergei\tSergei\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new-s-cf1-2-coref-Sergei_Shoigu\n" +
		"2\tShoigu\tShoigu\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n3\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n\n" +
		"1\tShoigu\tShoigu\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-s-cf1-1-coref-Sergei_Shoigu)\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
	if err := os.WriteFile(filepath.Join(dir, "GUM_news_a.conllu"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runKgx(t, "", "eval", "aliases", "--gum", dir, "--genres", "news")
	if code != 0 || !strings.Contains(out, "within documents  kgx        2         1     1         1.000") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if code, _, stderr := runKgx(t, "", "eval", "aliases", "--gum", dir, "--genres", "bio"); code != 2 || !strings.Contains(stderr, "no GUM_{bio}_*.conllu files") {
		t.Errorf("missing genre: exit %d, %q", code, stderr)
	}
}
