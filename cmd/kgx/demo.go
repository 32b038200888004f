package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/render"
	"github.com/kgx-project/kgx/store"
)

type demoOptions struct {
	Corpus string
	Out    string
}

func newDemoCmd(g *globalOptions) *cobra.Command {
	o := &demoOptions{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Build a graph from the bundled news corpus and draw it",
		Long: `Demo ingests the bundled news articles (testdata/news: Russia and North
Korea's security ties) into a fresh store, kgx-demo.db unless --db is given,
and writes graph.svg (open it in a browser) and graph.gexf (open it in
Gephi). It then prints commands to explore further.

Run it from the root of the kgx source tree, or point --corpus at articles.` + exitStatusHelp,
		Example: `  go run ./cmd/kgx demo
  kgx demo --corpus ~/articles --out /tmp/demo`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("db") && os.Getenv("KGX_DB") == "" {
				g.DB = "kgx-demo.db"
			}
			return runDemo(cmd.Context(), o, g)
		},
	}
	cmd.Flags().StringVar(&o.Corpus, "corpus", filepath.Join("testdata", "news"), "directory of articles to ingest")
	cmd.Flags().StringVar(&o.Out, "out", ".", "directory for graph.svg and graph.gexf")
	return cmd
}

func runDemo(ctx context.Context, o *demoOptions, g *globalOptions) error {
	if _, err := os.Stat(o.Corpus); err != nil {
		return fmt.Errorf("demo corpus %s: %w (run kgx demo from the kgx source tree, or pass --corpus)", o.Corpus, err)
	}
	if err := freshStore(g.DB); err != nil {
		return err
	}
	if err := runIngest(ctx, &ingestOptions{Input: "text", Batch: defaultBatch}, g, []string{o.Corpus}); err != nil {
		return err
	}
	var gr *graph.Graph
	err := withView(g, func(v *store.View) error {
		var err error
		if gr, err = v.Graph(true); err != nil {
			return err
		}
		return fillEvidence(v, gr) // the documents, for titles and dates
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return fmt.Errorf("demo output %s: %w", o.Out, err)
	}
	opts := render.Options{Title: "kgx demo: " + o.Corpus}
	svgPath, gexfPath := filepath.Join(o.Out, "graph.svg"), filepath.Join(o.Out, "graph.gexf")
	var svg, gexf bytes.Buffer
	if err := render.WriteSVG(ctx, &svg, gr, opts); err != nil {
		return fmt.Errorf("draw %s: %w", svgPath, err)
	}
	if err := render.WriteGEXF(&gexf, gr, opts); err != nil {
		return fmt.Errorf("export %s: %w", gexfPath, err)
	}
	for path, b := range map[string][]byte{svgPath: svg.Bytes(), gexfPath: gexf.Bytes()} {
		if err := writeFileAtomic(path, b); err != nil {
			return err
		}
	}
	fmt.Fprintf(g.Stdout, `
The graph of %s is in the store %s.
  diagram:  %s   (open it in a browser; hover over an edge for its evidence)
  Gephi:    %s  (File > Open; the timeline follows the articles' dates)

Explore it:
  kgx --db %s entities --type PERSON
  kgx --db %s relations
  kgx --db %s show "Kim Jong Un"
  kgx --db %s render --format svg --focus "Sergei Shoigu" --depth 1 --out shoigu.svg
`, o.Corpus, g.DB, svgPath, gexfPath, g.DB, g.DB, g.DB, g.DB)
	return nil
}

// freshStore removes a previous demo store at dir. It refuses to remove a
// directory that is not a kgx store.
func freshStore(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() || !store.IsStore(dir) {
		return fmt.Errorf("demo store %s exists and is not a kgx store: move it away or pass another --db", dir)
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("remove old demo store %s: %w", dir, err)
	}
	return nil
}

// writeFileAtomic writes b to path through a temporary file and a rename,
// so a reader never sees half a file.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
