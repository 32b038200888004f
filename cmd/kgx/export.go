package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/render"
)

type exportOptions struct {
	viewOptions
	Format string
	Out    string
}

func newExportCmd(g *globalOptions) *cobra.Command {
	o := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the graph for Gephi, networkx, web tools, or as a full dump",
		Long: `Export writes the stored graph, or the view the selection flags cut out of it:

  gexf     GEXF 1.3 for Gephi: node attributes type, mentions, documents,
           pagerank, community, aliases; edge attributes relation, category,
           count, first_seen, last_seen; colours and sizes; spells from the
           document dates for Gephi's timeline.
  graphml  GraphML with typed keys for the same attributes.
  csv      --out DIR gets nodes.csv and edges.csv for Gephi's spreadsheet
           import (cells starting with = + - @ are neutralised).
  json     graphology's serialisation format, for sigma.js and web tools.
  jsonl    kgx's full dump (documents, entities, aliases, relations with all
           evidence, each document's facts, curations), which 'kgx import'
           reads back into an identical store; selection flags do not apply.

With --events the view also holds event nodes (type EVENT): each interaction
with a date or a place ("met, Pyongyang, 2025-12-24"), linked to its
participants (event_participant) and place (event_place), dated for Gephi's
timeline. Like co-mentions they are left out unless asked for.

The format follows --out's extension unless --format is given; without --out
the export goes to stdout (not for csv).` + exitStatusHelp,
		Example: `  kgx export --out graph.gexf
  kgx export --format csv --out gephi/ --co-mentions
  kgx export --events --out events.gexf
  kgx export --focus "Kim Jong Un" --depth 2 --out kim.graphml
  kgx export --format jsonl --out backup.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runExport(o, g, cmd) },
	}
	o.addFlags(cmd.Flags(), 0)
	cmd.Flags().StringVar(&o.Format, "format", "", "gexf, graphml, csv, json or jsonl (default: from --out's extension, else gexf)")
	cmd.Flags().StringVarP(&o.Out, "out", "o", "", "output file, or directory for csv (default stdout)")
	return cmd
}

func runExport(o *exportOptions, g *globalOptions, cmd *cobra.Command) error {
	format, err := pickFormat(o.Format, o.Out, []string{"gexf", "graphml", "csv", "json", "jsonl"}, "gexf")
	if err != nil {
		return err
	}
	if format == "jsonl" {
		for _, f := range []string{"focus", "types", "rel", "category", "min-count", "top", "since", "until", "co-mentions", "events"} {
			if cmd.Flags().Changed(f) {
				return usagef("--%s does not apply to jsonl, which dumps the whole store", f)
			}
		}
		return exportDump(g, o.Out)
	}
	if format == "csv" && (o.Out == "" || o.Out == "-") {
		return usagef("csv writes two files: give --out DIR")
	}
	sub, opts, err := o.view(g)
	if err != nil {
		return err
	}
	switch format {
	case "csv":
		if err := os.MkdirAll(o.Out, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", o.Out, err)
		}
		// Both tables are written to memory first so that a failure
		// leaves no half-written pair.
		var nodes, edges bytesBuffer
		if err := render.WriteCSV(&nodes, &edges, sub, opts); err != nil {
			return err
		}
		for name, b := range map[string][]byte{"nodes.csv": nodes.b, "edges.csv": edges.b} {
			if err := writeOut(g, filepath.Join(o.Out, name), func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
				return err
			}
		}
		return nil
	case "graphml":
		return writeOut(g, o.Out, func(w io.Writer) error { return render.WriteGraphML(w, sub, opts) })
	case "json":
		return writeOut(g, o.Out, func(w io.Writer) error { return render.WriteJSON(w, sub, opts) })
	}
	return writeOut(g, o.Out, func(w io.Writer) error { return render.WriteGEXF(w, sub, opts) })
}

type bytesBuffer struct{ b []byte }

func (w *bytesBuffer) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }

// exportDump writes the whole store as kgx JSONL.
func exportDump(g *globalOptions, out string) error {
	db, err := g.openStoreRead()
	if err != nil {
		return err
	}
	defer db.Close()
	full, err := resolvedGraph(g, db)
	if err != nil {
		return err
	}
	facts, err := db.Facts()
	if err != nil {
		return err
	}
	cur, err := db.Curations()
	if err != nil {
		return err
	}
	return writeOut(g, out, func(w io.Writer) error {
		return render.WriteJSONL(w, &render.Dump{Graph: full, Facts: facts, Curations: cur})
	})
}
