package extract

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNERFloors tags held-out files through the same path as `kgx tag`
// and fails if micro F1 or a type's F1 falls under its floor, a few
// points under the committed models' scores: the held-out dev slices
// (testdata/ner, never trained on), the news articles whose errors were
// read (in-sample) and the five news batches that never were
// (testdata/ner/news; a floor reads no error).
func TestNERFloors(t *testing.T) {
	dev, err := filepath.Glob("../testdata/ner/*.conll")
	if err != nil || len(dev) == 0 {
		t.Fatalf("no held-out slices: %v", err)
	}
	news := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, "../testdata/ner/news/"+n+".conll")
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		files  []string
		floors map[string]float64
	}{
		{"held-out dev slices", dev, map[string]float64{"micro": 0.56, "PERSON": 0.64, "PLACE": 0.62, "ORG": 0.38}},
		{"news, in-sample", news("tune", "tune2"), map[string]float64{"micro": 0.90, "PERSON": 0.91, "PLACE": 0.91, "ORG": 0.85}},
		{"news, never read", news("blind", "fresh", "final", "holdout", "last"), map[string]float64{"micro": 0.88, "PERSON": 0.89, "PLACE": 0.90, "ORG": 0.82}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := EvalNER(context.Background(), tc.files, &out, EvalOptions{Tagger: TaggerKGX, Places: true}); err != nil {
				t.Fatal(err)
			}
			f1 := map[string]float64{}
			for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n")[1:] {
				f := strings.Fields(line)
				v, err := strconv.ParseFloat(f[len(f)-1], 64)
				if err != nil {
					t.Fatalf("bad line %q", line)
				}
				f1[f[0]] = v
			}
			for typ, min := range tc.floors {
				if f1[typ] < min {
					t.Errorf("%s F1 %.4f < %.2f:\n%s", typ, f1[typ], min, out.String())
				}
			}
		})
	}
}

func TestTagKeepsLines(t *testing.T) {
	in := "-DOCSTART- -X- O\n\nSergei\tNNP\tB-PER\nShoigu\tNNP\tI-PER\nmet\tVBD\tO\nKim\tNNP\tB-PER\n\n\nin Pyongyang\n-DOCSTART-\nIBM O\n"
	var out bytes.Buffer
	if err := Tag(context.Background(), strings.NewReader(in), &out, "test", TaggerKGX); err != nil {
		t.Fatal(err)
	}
	inLines := strings.Split(in, "\n")
	outLines := strings.Split(out.String(), "\n")
	if len(inLines) != len(outLines) {
		t.Fatalf("%d lines in, %d out:\n%s", len(inLines), len(outLines), out.String())
	}
	for i, l := range inLines {
		o := outLines[i]
		if strings.TrimSpace(l) == "" {
			if o != l {
				t.Errorf("line %d: blank line became %q", i+1, o)
			}
			continue
		}
		rest, ok := strings.CutPrefix(o, l+"\t")
		if !ok {
			t.Errorf("line %d: %q does not start with the input line %q", i+1, o, l)
			continue
		}
		if rest != "O" && !strings.HasPrefix(rest, "B-") && !strings.HasPrefix(rest, "I-") {
			t.Errorf("line %d: tag %q is not BIO", i+1, rest)
		}
	}
	if !strings.HasSuffix(outLines[2], "B-PERSON") || !strings.HasSuffix(outLines[3], "I-PERSON") {
		t.Errorf("Sergei Shoigu not tagged PERSON:\n%s", out.String())
	}
}

func TestEvalNERErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conll")
	if err := os.WriteFile(bad, []byte("word\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := EvalNER(context.Background(), []string{bad}, &bytes.Buffer{}, EvalOptions{})
	if err == nil || !strings.Contains(err.Error(), "bad.conll") {
		t.Errorf("want an error naming bad.conll, got %v", err)
	}
	err = EvalNER(context.Background(), []string{filepath.Join(dir, "missing.conll")}, &bytes.Buffer{}, EvalOptions{})
	if err == nil || !strings.Contains(err.Error(), "missing.conll") {
		t.Errorf("want an error naming missing.conll, got %v", err)
	}
	good := filepath.Join(dir, "good.conll")
	os.WriteFile(good, []byte("Paris\tB-GPE\tB-GPE\nis\tO\tO\n\nIBM\tB-ORG\tO\n"), 0o644)
	var out bytes.Buffer
	if err := EvalNER(context.Background(), []string{good}, &out, EvalOptions{Tagged: true}); err != nil {
		t.Fatal(err)
	}
	if last := strings.Split(strings.TrimSpace(out.String()), "\n"); !strings.HasPrefix(last[len(last)-1], "micro") || !strings.Contains(last[len(last)-1], "0.6667") {
		t.Errorf("tagged eval:\n%s", out.String())
	}
}

func TestModelsTagNews(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../testdata/news/shoigu-visit-north-korea-security-ties.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := e.Extract(context.Background(), Input{Text: string(b)})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, doc)
	for i, tok := range doc.Tokens {
		if tok.Tag == "" || tok.XPOS == "" {
			t.Fatalf("token %d %q has no POS", i, doc.Slice(tok.Span))
		}
	}
	found := map[string]EntityType{}
	prev := -1
	for _, m := range doc.Mentions {
		if m.Score < 0 || m.Score > 1 {
			t.Errorf("mention %q score %v", doc.Slice(m.Span), m.Score)
		}
		if m.First < 0 || m.End > len(doc.Tokens) || m.First >= m.End || m.Span.Start != doc.Tokens[m.First].Start || m.Span.End != doc.Tokens[m.End-1].End {
			t.Fatalf("mention %+v does not match its tokens", m)
		}
		if m.First < prev {
			t.Fatalf("mentions out of order or overlapping at %q", doc.Slice(m.Span))
		}
		prev = m.End
		found[doc.Slice(m.Span)] = m.Type
	}
	for name, typ := range map[string]EntityType{"Shoigu": Person, "Pyongyang": GPE, "Russia": GPE} {
		if found[name] != typ {
			t.Errorf("%s: got %v, want %v (found %v)", name, found[name], typ, found)
		}
	}
}
