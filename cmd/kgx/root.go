package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/store"
)

// globalOptions are the flags every command shares, and the process's
// streams.
type globalOptions struct {
	DB      string
	Verbose bool
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
}

// openStore opens the store at --db for writing.
func (g *globalOptions) openStore() (*store.DB, error) {
	return store.Open(g.DB, g.storeOptions(store.Options{}))
}

// openStoreRead opens the store at --db for reading.
func (g *globalOptions) openStoreRead() (*store.DB, error) {
	return store.Open(g.DB, g.storeOptions(store.Options{ReadOnly: true}))
}

// storeOptions is o with the store's notices (a format upgrade) going to
// standard error.
func (g *globalOptions) storeOptions(o store.Options) store.Options {
	o.Notify = func(msg string) { fmt.Fprintf(g.Stderr, "kgx: %s\n", msg) }
	return o
}

func newRootCmd(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "kgx",
		Short: "Knowledge graphs from news articles",
		Long: `kgx reads news articles, finds the people, organisations, places and events
in them, links them with typed relations (met, visited, thanked, sent troops to,
...) that carry the sentence proving them, keeps the graph in an embedded
database, answers questions about it, draws it (DOT, SVG, PNG) and exports it
(GEXF for Gephi, GraphML, CSV, JSON).

Start with 'kgx demo', or 'kgx ingest DIR' then 'kgx entities'.` + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.DB, "db", cmp.Or(os.Getenv("KGX_DB"), "kgx.db"), "store directory ($KGX_DB when set)")
	root.PersistentFlags().BoolVarP(&g.Verbose, "verbose", "v", false, "print more about what kgx is doing")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newIngestCmd(g),
		newExtractCmd(g),
		newEntitiesCmd(g),
		newRelationsCmd(g),
		newDocsCmd(g),
		newShowCmd(g),
		newDemoCmd(g),
		newNeighborsCmd(g),
		newPathCmd(g),
		newRankCmd(g),
		newCommunitiesCmd(g),
		newTimelineCmd(g),
		newSearchCmd(g),
		newMergeCmd(g), newSplitCmd(g), newAliasCmd(g), newRenameCmd(g), newIgnoreCmd(g), newCurationCmd(g),
		newRmCmd(g),
		newCheckCmd(g),
		newEvalCmd(g),
		newTrainCmd(g),
		newTagCmd(g),
		newRenderCmd(g),
		newExportCmd(g),
		newImportCmd(g),
		newBenchCmd(g),
	)
	return root
}

// run is the whole program, testable in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globalOptions{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	_, err := root.ExecuteContextC(ctx)
	if err != nil && isCobraUsage(err) {
		err = usageError{err}
	}
	return exitCode(err, stderr)
}

// isCobraUsage recognises cobra's own argument errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "requires exactly", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
