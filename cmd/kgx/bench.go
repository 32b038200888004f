package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/cmd/kgx/internal/corpus"
	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/store"
)

type benchOptions struct {
	Data       string // shared data directory
	News       string // seed articles
	Docs       int    // the largest corpus (16x)
	Sample     int    // documents for the per-core extraction and prose figures
	Seed       uint64
	Queries    int // runs of each query
	Workdir    string
	Keep       bool
	CPUProfile string
}

func newBenchCmd(g *globalOptions) *cobra.Command {
	o := &benchOptions{}
	cmd := &cobra.Command{
		Use:    "bench",
		Short:  "Measure ingest throughput, memory, store size and query time on a generated corpus",
		Hidden: true,
		Long: `Bench generates a deterministic corpus of news-sized articles recombined from
the seed articles and the open corpora in the shared data directory, then
measures, on this machine:

  - extraction alone, one core, on the first --sample articles: kgx's
    pipeline and prose v2's default model (tokenise, tag, NER) on the same
    text in the same run, in whitespace tokens per second;
  - end-to-end ingest ('kgx ingest' as a child process: read, extract,
    resolve, store) of 1/16, 1/4 and all of --docs articles into fresh
    stores: wall time, docs/s, tokens/s, peak RSS (the child's maxrss), and
    the store's size on disk against the raw text;
  - 'kgx show' as a whole process, start-up included, at each size (median
    of --queries runs): of the most mentioned entity, whose answer grows
    with the corpus, and of the entity whose answer changes least (what
    the store's size alone costs a query).

It prints a Markdown report on stdout. Generated corpora and stores go to a
temporary directory that is removed unless --keep is given.` + exitStatusHelp,
		Example: `  kgx bench --docs 10000
  kgx bench --docs 1600 --sample 100 --cpuprofile cpu.pprof`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBench(cmd.Context(), o, g)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Data, "data", cmp.Or(os.Getenv("KGX_DATA"), "/work/shared/data"), "shared data directory (re3d, GUM, UD EWT)")
	f.StringVar(&o.News, "news", "testdata/news", "seed articles")
	f.IntVar(&o.Docs, "docs", 10000, "articles in the largest corpus; the growth runs use 1/16 and 1/4 of it")
	f.IntVar(&o.Sample, "sample", 200, "articles for the one-core extraction figures (kgx and prose)")
	f.Uint64Var(&o.Seed, "seed", 1, "corpus generator seed")
	f.IntVar(&o.Queries, "queries", 7, "runs of each query")
	f.StringVar(&o.Workdir, "workdir", "", "directory for corpora and stores (default: a new temporary directory)")
	f.BoolVar(&o.Keep, "keep", false, "keep the corpora and stores")
	f.StringVar(&o.CPUProfile, "cpuprofile", "", "also ingest the smallest corpus in-process and write a CPU profile here")
	return cmd
}

// ingestRun is one measured 'kgx ingest'.
type ingestRun struct {
	Docs, Words   int
	RawBytes      int64
	Wall, CPU     time.Duration
	MaxRSS        int64 // bytes
	StoreBytes    int64
	QueryMedian   time.Duration
	QueryMin      time.Duration
	QueryEntity   string
	QueryMentions int
	// The same for the entity whose answer changes least across the
	// sizes (benchPickFixed), so that its time shows what the store's
	// size alone costs a query.
	FixedMedian, FixedMin time.Duration
	FixedMentions         int
	Load                  string // load average after the run
}

func runBench(ctx context.Context, o *benchOptions, g *globalOptions) error {
	if o.Docs < 16 || o.Sample < 1 || o.Queries < 1 {
		return usagef("--docs must be at least 16, --sample and --queries at least 1")
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: find kgx executable: %w", err)
	}
	work := o.Workdir
	if work == "" {
		if work, err = os.MkdirTemp("", "kgx-bench-"); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if !o.Keep {
		defer os.RemoveAll(work)
	}
	logf := func(format string, args ...any) { fmt.Fprintf(g.Stderr, "bench: "+format+"\n", args...) }

	// The corpus: the largest first, smaller ones are its prefixes.
	t0 := time.Now()
	pool, err := corpus.Load(ctx, o.Data, o.News)
	if err != nil {
		return fmt.Errorf("bench: %w (run it from the kgx repository, or pass --news)", err)
	}
	sizes := []int{o.Docs / 16, o.Docs / 4, o.Docs}
	full := filepath.Join(work, fmt.Sprintf("corpus-%d", o.Docs))
	if _, err := corpus.Write(corpus.NewGenerator(pool, o.Seed), o.Docs, full); err != nil {
		return err
	}
	names, err := filepath.Glob(filepath.Join(full, "*.txt"))
	if err != nil {
		return err
	}
	slices.Sort(names)
	dirs := map[int]string{o.Docs: full}
	for _, n := range sizes[:2] {
		d := filepath.Join(work, fmt.Sprintf("corpus-%d", n))
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		for _, f := range names[:n] {
			if err := os.Link(f, filepath.Join(d, filepath.Base(f))); err != nil && !os.IsExist(err) {
				return fmt.Errorf("bench: %w", err)
			}
		}
		dirs[n] = d
	}
	logf("generated %d articles in %s (%.1fs)", o.Docs, full, time.Since(t0).Seconds())

	// Extraction alone, one core, kgx and prose on the same sample.
	sample := make([]string, 0, o.Sample)
	for _, f := range names[:min(o.Sample, len(names))] {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		sample = append(sample, string(b))
	}
	sampleWords := 0
	for _, s := range sample {
		sampleWords += countWords(s)
	}
	kgxTime, err := benchExtract(ctx, sample)
	if err != nil {
		return err
	}
	logf("kgx extraction, one core: %d words in %.1fs (%.1fs CPU)", sampleWords, kgxTime.Wall.Seconds(), kgxTime.CPU.Seconds())
	proseTime, err := benchProse(ctx, sample)
	if err != nil {
		return err
	}
	logf("prose v2 tagging and NER, one core: %d words in %.1fs (%.1fs CPU)", sampleWords, proseTime.Wall.Seconds(), proseTime.CPU.Seconds())

	// End-to-end ingest and queries at 1x, 4x, 16x.
	storeDir := func(n int) string { return filepath.Join(work, fmt.Sprintf("store-%d", n)) }
	var runs []ingestRun
	entity := ""
	for _, n := range sizes {
		r, err := benchIngest(ctx, exe, dirs[n], storeDir(n))
		if err != nil {
			return err
		}
		r.Docs = n
		for _, f := range names[:n] {
			st, err := os.Stat(f)
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			r.RawBytes += st.Size()
		}
		r.Words = 0
		if n == sizes[0] {
			entity, err = benchPickEntity(ctx, exe, storeDir(n))
			if err != nil {
				return err
			}
		}
		r.QueryEntity = entity
		if err := benchQuery(ctx, exe, storeDir(n), entity, o.Queries, &r); err != nil {
			return err
		}
		r.Load = loadAverage()
		logf("ingested %d articles in %.1fs (%.1fs CPU), load average %s, peak RSS %d MiB, store %d MiB; show %q %.0f ms",
			n, r.Wall.Seconds(), r.CPU.Seconds(), r.Load, r.MaxRSS>>20, r.StoreBytes>>20, entity, float64(r.QueryMedian.Microseconds())/1000)
		runs = append(runs, r)
	}
	fixed, err := benchPickFixed(ctx, exe, storeDir(sizes[0]), storeDir(sizes[2]))
	if err != nil {
		return err
	}
	for i, n := range sizes {
		var q ingestRun
		if err := benchQuery(ctx, exe, storeDir(n), fixed, o.Queries, &q); err != nil {
			return err
		}
		runs[i].FixedMedian, runs[i].FixedMin, runs[i].FixedMentions = q.QueryMedian, q.QueryMin, q.QueryMentions
		logf("show %q in the %d-article store: %.0f ms", fixed, n, ms(q.QueryMedian))
	}
	for i := range runs {
		for _, f := range names[:runs[i].Docs] {
			b, err := os.ReadFile(f)
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			runs[i].Words += countWords(string(b))
		}
	}

	if o.CPUProfile != "" {
		if err := benchProfile(ctx, dirs[sizes[0]], filepath.Join(work, "store-profile"), o.CPUProfile); err != nil {
			return err
		}
		logf("CPU profile of an in-process ingest of %d articles in %s", sizes[0], o.CPUProfile)
	}

	writeBenchReport(g, o, len(sample), sampleWords, kgxTime, proseTime, runs, fixed)
	return nil
}

// benchExtract runs kgx's whole extraction (no store) over texts on one
// goroutine and returns the time it took.
func benchExtract(ctx context.Context, texts []string) (timing, error) {
	ex, err := extract.New()
	if err != nil {
		return timing{}, err
	}
	// Load the models before timing.
	if _, err := ex.Extract(ctx, extract.Input{Text: "Kim Jong Un met Sergei Shoigu in Pyongyang."}); err != nil {
		return timing{}, err
	}
	start, cpu0 := time.Now(), cpuTime()
	for _, t := range texts {
		if _, err := ex.Extract(ctx, extract.Input{Text: t}); err != nil {
			return timing{}, fmt.Errorf("bench: extract: %w", err)
		}
	}
	return timing{time.Since(start), cpuTime() - cpu0}, nil
}

// timing is a measured span: wall-clock time and the CPU time (user and
// system) this process spent in it.
type timing struct{ Wall, CPU time.Duration }

// cpuTime is the CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAverage is the first field of /proc/loadavg, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// benchProse runs prose v2's default model (its tokeniser, tagger and
// entity classifier, per sentence, as extract.ProseBaseline does) over the
// sentences of texts on one goroutine. Sentences come from kgx's
// segmenter, which is not timed.
func benchProse(ctx context.Context, texts []string) (timing, error) {
	seg, err := extract.New(extract.WithMode(extract.TokensOnly))
	if err != nil {
		return timing{}, err
	}
	var sents [][]string
	for _, t := range texts {
		doc, err := seg.Extract(ctx, extract.Input{Text: t})
		if err != nil {
			return timing{}, fmt.Errorf("bench: segment: %w", err)
		}
		for _, s := range doc.Sentences {
			words := make([]string, 0, s.End-s.First)
			for _, tok := range doc.Tokens[s.First:s.End] {
				words = append(words, doc.Slice(tok.Span))
			}
			sents = append(sents, words)
		}
	}
	extract.ProseBaseline([]string{"Warm", "up", "."}) // load prose's model before timing
	start, cpu0 := time.Now(), cpuTime()
	for i, s := range sents {
		if i%256 == 0 && ctx.Err() != nil {
			return timing{}, ctx.Err()
		}
		extract.ProseBaseline(s)
	}
	return timing{time.Since(start), cpuTime() - cpu0}, nil
}

// benchIngest runs 'kgx ingest dir' into a fresh store as a child process.
func benchIngest(ctx context.Context, exe, dir, db string) (ingestRun, error) {
	var r ingestRun
	if err := os.RemoveAll(db); err != nil {
		return r, fmt.Errorf("bench: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, "--db", db, "ingest", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	r.Wall = time.Since(start)
	if err != nil {
		return r, fmt.Errorf("bench: kgx ingest %s: %w\n%s", dir, err, stderr.String())
	}
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss << 10 // KiB on Linux
	}
	r.StoreBytes, err = dirSize(db)
	return r, err
}

// listedEntity is what the bench reads of 'kgx entities --json'.
type listedEntity struct {
	Name      string `json:"name"`
	Mentions  int    `json:"mentions"`
	Documents int    `json:"documents"`
}

// benchListEntities lists the entities of the store db, most mentioned first,
// with 'kgx entities --json'.
func benchListEntities(ctx context.Context, exe, db string) ([]listedEntity, error) {
	out, err := exec.CommandContext(ctx, exe, "--db", db, "entities", "--json").Output()
	if err != nil {
		return nil, fmt.Errorf("bench: kgx entities: %w", err)
	}
	var es []listedEntity
	if err := json.Unmarshal(out, &es); err != nil {
		return nil, fmt.Errorf("bench: kgx entities: %w", err)
	}
	return es, nil
}

// benchPickEntity returns the name of the most mentioned entity in the
// store, the one whose query is timed at every size.
func benchPickEntity(ctx context.Context, exe, db string) (string, error) {
	es, err := benchListEntities(ctx, exe, db)
	if err != nil {
		return "", err
	}
	if len(es) == 0 {
		return "", fmt.Errorf("bench: kgx entities gave no entity")
	}
	return es[0].Name, nil
}

// benchPickFixed returns the entity of the small store whose answer
// changes least in the large one: the most mentioned of those with as many
// mentions and documents in both (the rest of the corpus never names
// them), or, if there is none, the one that gains fewest mentions; ties go
// to the most mentioned, then by name. The report gives its mentions at
// every size.
func benchPickFixed(ctx context.Context, exe, small, large string) (string, error) {
	a, err := benchListEntities(ctx, exe, small)
	if err != nil {
		return "", err
	}
	b, err := benchListEntities(ctx, exe, large)
	if err != nil {
		return "", err
	}
	inLarge := make(map[string]listedEntity, len(b))
	for _, e := range b {
		inLarge[e.Name] = e
	}
	type cand struct {
		e    listedEntity
		same bool
		gain int
	}
	var best *cand
	for _, e := range a {
		l, ok := inLarge[e.Name]
		if !ok {
			continue // merged into another entity in the large store
		}
		c := cand{e, l == e, l.Mentions - e.Mentions}
		if best == nil || cmp.Or(
			-cmp.Compare(b2i(c.same), b2i(best.same)),
			cmp.Compare(c.gain, best.gain),
			-cmp.Compare(c.e.Mentions, best.e.Mentions),
			cmp.Compare(c.e.Name, best.e.Name)) < 0 {
			best = &c
		}
	}
	if best == nil {
		return "", fmt.Errorf("bench: no entity of the store %s is in %s", small, large)
	}
	return best.e.Name, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// benchQuery times 'kgx show --json entity' as whole processes.
func benchQuery(ctx context.Context, exe, db, entity string, runs int, r *ingestRun) error {
	var ts []time.Duration
	for range runs {
		cmd := exec.CommandContext(ctx, exe, "--db", db, "show", "--json", entity)
		var out bytes.Buffer
		cmd.Stdout = &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("bench: kgx show %q: %w", entity, err)
		}
		ts = append(ts, time.Since(start))
		var v struct {
			Mentions int `json:"mentions"`
		}
		if err := json.Unmarshal(out.Bytes(), &v); err != nil {
			return fmt.Errorf("bench: kgx show %q: %w", entity, err)
		}
		r.QueryMentions = v.Mentions
	}
	slices.Sort(ts)
	r.QueryMedian, r.QueryMin = ts[len(ts)/2], ts[0]
	return nil
}

// benchProfile ingests dir in-process into a fresh store with the CPU
// profiler on.
func benchProfile(ctx context.Context, dir, db, out string) error {
	paths, err := expandPaths([]string{dir})
	if err != nil {
		return err
	}
	ex, err := extract.New()
	if err != nil {
		return err
	}
	os.RemoveAll(db)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	_, _, err = (&pipeline{ex: ex, db: s, batch: defaultBatch}).run(ctx, paths)
	pprof.StopCPUProfile()
	return err
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bench: size of %s: %w", dir, err)
	}
	return n, nil
}

func writeBenchReport(g *globalOptions, o *benchOptions, sampleDocs, sampleWords int, kgx, prose timing, runs []ingestRun, fixed string) {
	w := g.Stdout
	limit := "none"
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		limit = fmt.Sprintf("ingest default %d MiB", ingestMemoryLimit>>20)
	} else if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		limit = fmt.Sprintf("GOMEMLIMIT %d MiB", l>>20)
	}
	fmt.Fprintf(w, "kgx bench --docs %d --sample %d --seed %d: %s, GOMAXPROCS %d, %s, memory limit %s, %s, load average %s\n\n",
		o.Docs, o.Sample, o.Seed, runtime.GOARCH, runtime.GOMAXPROCS(0), runtime.Version(), limit, time.Now().UTC().Format(time.DateOnly), loadAverage())
	rate := func(words int, d time.Duration) string { return humanRate(float64(words) / d.Seconds()) }
	fmt.Fprintf(w, "Extraction alone, one goroutine, %d articles (%d whitespace tokens); tokens/CPU-s is per core:\n\n", sampleDocs, sampleWords)
	fmt.Fprintln(w, "| pipeline | wall | CPU | tokens/s (wall) | tokens/CPU-s | docs/CPU-s |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, x := range []struct {
		name string
		t    timing
	}{{"kgx (clean, segment, POS, NER, parse, resolve, relations)", kgx}, {"prose v2 default model (tokenise, POS, NER)", prose}} {
		fmt.Fprintf(w, "| %s | %.2fs | %.2fs | %s | %s | %.1f |\n", x.name, x.t.Wall.Seconds(), x.t.CPU.Seconds(),
			rate(sampleWords, x.t.Wall), rate(sampleWords, x.t.CPU), float64(sampleDocs)/x.t.CPU.Seconds())
	}
	fmt.Fprintf(w, "\nEnd-to-end `kgx ingest` (child process, fresh store; CPU is user+system of all its threads) and `kgx show --json %q` (whole process, median and minimum of %d):\n\n", runs[0].QueryEntity, o.Queries)
	fmt.Fprintln(w, "| corpus | docs | tokens | raw text | wall | tokens/s (wall) | docs/s | CPU | tokens/CPU-s | CPU per 1k docs | peak RSS | store | store/raw | show median, min | load avg |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for i, r := range runs {
		fmt.Fprintf(w, "| %dx | %d | %d | %.1f MiB | %.1fs | %s | %.1f | %.1fs | %s | %.2fs | %d MiB | %.1f MiB | %.1f | %.0f ms, %.0f ms | %s |\n",
			[]int{1, 4, 16}[i], r.Docs, r.Words, float64(r.RawBytes)/(1<<20), r.Wall.Seconds(), rate(r.Words, r.Wall), float64(r.Docs)/r.Wall.Seconds(),
			r.CPU.Seconds(), rate(r.Words, r.CPU), r.CPU.Seconds()*1000/float64(r.Docs), r.MaxRSS>>20, float64(r.StoreBytes)/(1<<20),
			float64(r.StoreBytes)/float64(r.RawBytes), ms(r.QueryMedian), ms(r.QueryMin), r.Load)
	}
	fmt.Fprintf(w, "\n`kgx show --json` as a whole process (median and minimum of %d): the most mentioned entity, whose answer grows with the corpus, and the entity of the smallest store whose answer changes least (the most mentioned of those whose mentions do not change), so that its time shows what the store's size alone costs:\n\n", o.Queries)
	fmt.Fprintf(w, "| corpus | docs | store | %q mentions | median, min | %q mentions | median, min |\n", runs[0].QueryEntity, fixed)
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	for i, r := range runs {
		fmt.Fprintf(w, "| %dx | %d | %.1f MiB | %d | %.0f ms, %.0f ms | %d | %.0f ms, %.0f ms |\n", []int{1, 4, 16}[i], r.Docs, float64(r.StoreBytes)/(1<<20),
			r.QueryMentions, ms(r.QueryMedian), ms(r.QueryMin), r.FixedMentions, ms(r.FixedMedian), ms(r.FixedMin))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func humanRate(v float64) string {
	if v >= 10000 {
		return strconv.FormatFloat(v/1000, 'f', 1, 64) + "k"
	}
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 0, 64), ".")
}
