package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgx-project/kgx/store"
)

var (
	crash     = flag.Bool("crash", false, "run TestCrashResume (about 30 s; .ci/run does)")
	crashSeed = flag.Uint64("crash.seed", 1, "seed for TestCrashResume's kill times")
)

// buildKgx builds the kgx binary into a temporary directory.
func buildKgx(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kgx")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashCorpus writes n documents: variants of testdata/news (each drops
// some leading lines and gets its own heading), so that documents overlap
// in entities and relations as real coverage of one story does.
func crashCorpus(t *testing.T, n int) string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/news/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	slices.Sort(files)
	dir := t.TempDir()
	for i := range n {
		b, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(b), "\n")
		skip := min(i/len(files), len(lines)-1)
		text := fmt.Sprintf("Report %d\n\n%s", i, strings.Join(lines[skip:], ""))
		name := fmt.Sprintf("%02d-%s", i, filepath.Base(files[i%len(files)]))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type proc struct {
	code           int
	stdout, stderr string
}

func runBin(ctx context.Context, t *testing.T, bin string, args ...string) proc {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s: %v", strings.Join(args, " "), err)
		}
		code = ee.ExitCode()
	}
	return proc{code, out.String(), errb.String()}
}

// snapshot is what must be identical between a crashed-and-resumed store
// and a clean one: the CLI's JSON views and the whole merged graph.
func snapshot(ctx context.Context, t *testing.T, bin, db string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, q := range []string{"entities", "relations", "docs"} {
		p := runBin(ctx, t, bin, "--db", db, q, "--json")
		if p.code != 0 {
			t.Fatalf("%s --json: exit %d: %s", q, p.code, p.stderr)
		}
		out[q] = p.stdout
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g, err := s.Graph()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal([]any{g.Docs(), g.Entities(), g.Relations(), g.CoMentions()})
	if err != nil {
		t.Fatal(err)
	}
	out["graph"] = string(b)
	return out
}

// TestCrashResume kills `kgx ingest` with SIGKILL at seeded random times,
// checks after every kill that queries work and `kgx check` passes, resumes,
// and compares the final store with one built without interruption.
func TestCrashResume(t *testing.T) {
	if !*crash {
		t.Skip("builds kgx and kills it many times: run with -crash (.ci/run does)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	bin := buildKgx(t)
	const nDocs = 16
	corpus := crashCorpus(t, nDocs)
	dir := t.TempDir()

	clean := filepath.Join(dir, "clean.db")
	start := time.Now()
	if p := runBin(ctx, t, bin, "--db", clean, "ingest", corpus); p.code != 0 {
		t.Fatalf("clean ingest: exit %d: %s", p.code, p.stderr)
	}
	full := time.Since(start)
	want := snapshot(ctx, t, bin, clean)
	// Kill times are drawn over the part of a run that does work: after
	// start-up (measured by a run with nothing to do), in proportion to
	// the documents still to ingest.
	start = time.Now()
	if p := runBin(ctx, t, bin, "--db", clean, "ingest", corpus); p.code != 0 {
		t.Fatalf("second clean ingest: exit %d: %s", p.code, p.stderr)
	}
	startup := time.Since(start)
	perDoc := (full - startup) / nDocs
	remaining := nDocs

	db := filepath.Join(dir, "crash.db")
	rng := rand.New(rand.NewPCG(*crashSeed, 8))
	kills, removes := 0, 0
	for round := 0; kills < 7; round++ {
		if round == 40 {
			t.Fatalf("only %d kills landed in 40 rounds", kills)
		}
		var errb bytes.Buffer
		cmd := exec.CommandContext(ctx, bin, "--db", db, "ingest", corpus)
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		if round == 0 {
			// While ingest holds the store, another process is told so.
			for _, err := os.Stat(filepath.Join(db, "LOCK")); err != nil; _, err = os.Stat(filepath.Join(db, "LOCK")) {
				time.Sleep(10 * time.Millisecond)
			}
			p := runBin(ctx, t, bin, "--db", db, "docs")
			if wantMsg := fmt.Sprintf("store %s is in use by another kgx process", db); p.code != 1 || !strings.Contains(p.stderr, wantMsg) {
				t.Fatalf("docs during ingest: exit %d, stderr %q, want %q", p.code, p.stderr, wantMsg)
			}
		}
		delay := startup + time.Duration(rng.Int64N(int64(perDoc)*int64(remaining)+1))
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: ingest failed: %v\n%s", round, err, errb.String())
			}
			// Finished before the kill: take some documents out again so
			// that the next round has work to be killed in.
			p := runBin(ctx, t, bin, "--db", db, "docs", "--json")
			var docs []struct{ ID string }
			if err := json.Unmarshal([]byte(p.stdout), &docs); err != nil {
				t.Fatal(err)
			}
			args := []string{"--db", db, "rm"}
			for _, d := range docs {
				if rng.IntN(2) == 0 {
					args = append(args, d.ID)
				}
			}
			remaining = len(args) - 3
			if len(args) > 3 {
				if p := runBin(ctx, t, bin, args...); p.code != 0 {
					t.Fatalf("rm: exit %d: %s", p.code, p.stderr)
				}
				removes++
			}
			continue
		case <-time.After(delay):
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			<-done
			kills++
		}
		// Queries work after the crash (a read-only open that repairs).
		if p := runBin(ctx, t, bin, "--db", db, "entities", "--json"); p.code != 0 || !json.Valid([]byte(p.stdout)) {
			t.Fatalf("kill %d after %v: entities: exit %d: %s", kills, delay, p.code, p.stderr)
		}
		p := runBin(ctx, t, bin, "--db", db, "docs", "--json")
		var docs []json.RawMessage
		if err := json.Unmarshal([]byte(p.stdout), &docs); err != nil {
			t.Fatalf("kill %d: docs: %v: %s", kills, err, p.stderr)
		}
		remaining = nDocs - len(docs)
		if p := runBin(ctx, t, bin, "--db", db, "check"); p.code != 0 {
			t.Fatalf("kill %d after %v: check: exit %d\n%s%s", kills, delay, p.code, p.stdout, p.stderr)
		}
	}
	if p := runBin(ctx, t, bin, "--db", db, "ingest", corpus); p.code != 0 {
		t.Fatalf("final ingest: exit %d: %s", p.code, p.stderr)
	}
	if p := runBin(ctx, t, bin, "--db", db, "check"); p.code != 0 {
		t.Fatalf("final check: exit %d\n%s%s", p.code, p.stdout, p.stderr)
	}
	got := snapshot(ctx, t, bin, db)
	for _, k := range []string{"docs", "entities", "relations", "graph"} {
		if got[k] != want[k] {
			t.Errorf("%s differ after %d kills: got %d bytes, want %d", k, kills, len(got[k]), len(want[k]))
		}
	}
	t.Logf("%d kills, %d removals; clean ingest %v, start-up %v", kills, removes, full.Round(time.Millisecond), startup.Round(time.Millisecond))
}
