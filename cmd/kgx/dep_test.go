package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// runDepCmd runs one of the parser's commands directly, so the test does
// not depend on where root.go registers it.
func runDepCmd(t *testing.T, newCmd func(*globalOptions) interface {
	SetArgs([]string)
	ExecuteContext(context.Context) error
}, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	g := &globalOptions{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	cmd := newCmd(g)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

const depSlice = "../../extract/internal/depparse/testdata/ewt-test-head.conllu"

func TestEvalDep(t *testing.T) {
	evalCmd := func(g *globalOptions) interface {
		SetArgs([]string)
		ExecuteContext(context.Context) error
	} {
		c := newEvalDepCmd(g)
		c.SilenceUsage, c.SilenceErrors = true, true
		return c
	}
	out, err := runDepCmd(t, evalCmd, "--tags", "gold", "--json", depSlice)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Tags  string  `json:"tags"`
		Words int     `json:"words"`
		UAS   float64 `json:"uas"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if s.Tags != "gold" || s.Words < 1000 || s.UAS < 0.8 {
		t.Errorf("eval dep --json: %s", out)
	}

	if _, err := runDepCmd(t, evalCmd, "--tags", "silver", depSlice); err == nil || !strings.Contains(err.Error(), "--tags must be") {
		t.Errorf("bad --tags: err %v", err)
	}
	if _, err := runDepCmd(t, evalCmd, "no-such-file.conllu"); err == nil || !strings.Contains(err.Error(), "no-such-file.conllu") {
		t.Errorf("missing file: err %v, want it named", err)
	}
}

func TestTrainDepNeedsFlags(t *testing.T) {
	trainCmd := func(g *globalOptions) interface {
		SetArgs([]string)
		ExecuteContext(context.Context) error
	} {
		c := newTrainDepCmd(g)
		c.SilenceUsage, c.SilenceErrors = true, true
		return c
	}
	if _, err := runDepCmd(t, trainCmd, "--out", t.TempDir()); err == nil || !strings.Contains(err.Error(), "--data is required") {
		t.Error("train dep without --data succeeded")
	}
	if _, err := runDepCmd(t, trainCmd, "--data", t.TempDir(), "--out", t.TempDir()); err == nil || !strings.Contains(err.Error(), "en_ewt-ud-train.conllu") {
		t.Errorf("train dep on an empty dir: err %v, want the missing file named", err)
	}
}
