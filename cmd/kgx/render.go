package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/render"
	"github.com/kgx-project/kgx/store"
)

// viewOptions are the selection and styling flags render and export
// share.
type viewOptions struct {
	Focus      []string
	Depth      int
	Types      []string
	Rels       []string
	Categories []string
	MinCount   int
	Top        int
	Since      string
	Until      string
	CoMentions bool
	Events     bool
	SizeBy     string
	Title      string
	// capped: Top is render's default (render.DrawLimit), not asked
	// for, so view says when it leaves entities out.
	capped bool
}

// addFlags adds the shared flags; top is --top's default (0: no limit).
func (o *viewOptions) addFlags(fs *pflag.FlagSet, top int) {
	fs.StringArrayVar(&o.Focus, "focus", nil, "centre on this entity (name, alias or id); repeatable")
	fs.IntVar(&o.Depth, "depth", 1, "with --focus, how many relation hops to include")
	fs.StringSliceVar(&o.Types, "types", nil, "only these entity types (PERSON,ORG,GPE,LOC,FAC,NORP,EVENT,DATE)")
	fs.StringSliceVar(&o.Rels, "rel", nil, "only relations with these labels (met,visited,...)")
	fs.StringSliceVar(&o.Categories, "category", nil, "only relations in these PLOVER categories (CONSULT,AGREE,...)")
	fs.IntVar(&o.MinCount, "min-count", 0, "only relations seen at least this often")
	fs.IntVar(&o.Top, "top", top, "only the N entities of highest PageRank linked to one another (the focus is always kept; 0 for all)")
	fs.StringVar(&o.Since, "since", "", "only evidence dated on or after this day (YYYY-MM-DD)")
	fs.StringVar(&o.Until, "until", "", "only evidence dated on or before this day (YYYY-MM-DD)")
	fs.BoolVar(&o.CoMentions, "co-mentions", false, "include co_mentioned edges (entities named in one sentence)")
	fs.BoolVar(&o.Events, "events", false, "include event nodes (interactions with a date or place, \"met, Pyongyang, 2025-12-24\") linked to their participants and place")
	fs.StringVar(&o.SizeBy, "size", "mentions", "size nodes by mentions or rank")
	fs.StringVar(&o.Title, "title", "", "title (default: describes the view)")
}

// selection turns the flags into a render.Selection.
func (o *viewOptions) selection() (render.Selection, error) {
	s := render.Selection{
		Focus: o.Focus, Depth: o.Depth, Labels: o.Rels, MinCount: o.MinCount, Top: o.Top,
		Since: o.Since, Until: o.Until, CoMentions: o.CoMentions, Events: o.Events,
	}
	for _, t := range o.Types {
		typ, err := parseTypeFlag(strings.TrimSpace(t))
		if err != nil {
			return s, err
		}
		s.Types = append(s.Types, typ)
	}
	for _, c := range o.Categories {
		s.Categories = append(s.Categories, strings.ToUpper(strings.TrimSpace(c)))
	}
	if err := s.Check(); err != nil {
		return s, usageError{err}
	}
	return s, nil
}

// view loads the graph and cuts the selected view out of it, with
// metrics computed over the whole graph.
func (o *viewOptions) view(g *globalOptions) (*graph.Graph, render.Options, error) {
	sel, err := o.selection()
	if err != nil {
		return nil, render.Options{}, err
	}
	// One store open serves loading, selecting and filling in evidence.
	// Date bounds select by evidence date, so they need every relation's
	// evidence; otherwise only the relations kept get theirs. Event nodes
	// are not in the saved view: --events resolves the store in memory,
	// evidence and documents included.
	dated := sel.Since != "" || sel.Until != ""
	var (
		full, sub *graph.Graph
		focus     []int64
		m         *graph.Metrics
	)
	err = withStore(g, func(db *store.DB) error {
		var v *store.View
		var err error
		if o.Events {
			full, err = resolvedGraph(g, db)
		} else if v, err = openView(g, db); err == nil {
			full, err = v.Graph(dated)
		}
		if err != nil {
			return err
		}
		m = graph.Analyze(full, 1)
		if sub, focus, err = render.Select(full, sel, m); err != nil || v == nil {
			return err
		}
		return fillEvidence(v, sub)
	})
	if errors.Is(err, render.ErrNoEntity) {
		return nil, render.Options{}, notFoundError{strings.TrimPrefix(err.Error(), "render: ") + " (see 'kgx entities')"}
	}
	if err != nil {
		return nil, render.Options{}, err
	}
	title := o.Title
	if title == "" {
		title = viewTitle(sub, focus, o)
	}
	opts := render.Options{Title: title, Metrics: m, Seed: 1, SizeBy: o.SizeBy, Focus: focus}
	if err := opts.Check(); err != nil {
		return nil, opts, usageError{err}
	}
	if o.capped {
		if n, all := namedEntities(sub), namedEntities(full); n >= o.Top && n < all {
			fmt.Fprintf(g.Stderr, "kgx: drawing %d of %d entities, the highest-ranked linked to one another; --top 0 draws them all, --focus NAME one's neighbourhood\n", n, all)
		}
	}
	if g.Verbose {
		fmt.Fprintf(g.Stderr, "kgx: view of %d entities, %d relations, %d co-mention edges (of %d entities)\n",
			len(sub.Entities()), len(sub.Relations()), len(sub.CoMentions()), len(full.Entities()))
	}
	return sub, opts, nil
}

// namedEntities counts g's entities other than event nodes.
func namedEntities(g *graph.Graph) int {
	n := 0
	for _, e := range g.Entities() {
		if !graph.IsEventNode(e.Key) {
			n++
		}
	}
	return n
}

func viewTitle(sub *graph.Graph, focus []int64, o *viewOptions) string {
	var b strings.Builder
	if len(focus) > 0 {
		var ns []string
		for _, id := range focus {
			ns = append(ns, sub.Entity(id).Name)
		}
		fmt.Fprintf(&b, "%s: %d-hop neighbourhood", strings.Join(ns, ", "), max(o.Depth, 1))
	} else {
		fmt.Fprintf(&b, "kgx: %d entities, %d relations", len(sub.Entities()), len(sub.Relations()))
	}
	switch {
	case o.Since != "" && o.Until != "":
		fmt.Fprintf(&b, ", %s to %s", o.Since, o.Until)
	case o.Since != "":
		fmt.Fprintf(&b, ", since %s", o.Since)
	case o.Until != "":
		fmt.Fprintf(&b, ", until %s", o.Until)
	}
	return b.String()
}

type renderOptions struct {
	viewOptions
	Format   string
	Out      string
	Cluster  string
	Layout   string
	NoLegend bool
}

func newRenderCmd(g *globalOptions) *cobra.Command {
	o := &renderOptions{}
	cmd := &cobra.Command{
		Use:   "render",
		Short: "Draw the graph or a view of it as DOT, SVG or PNG",
		Long: `Render draws the stored graph, or the view the selection flags cut out of
it, for a report: node shape and colour by entity type, size by mentions (or
PageRank with --size rank), edges labelled with the relation and coloured by
its PLOVER category (green cooperative, blue consultative, red hostile), as
wide as their count, with a legend. SVG nodes and edges carry tooltips with
the evidence sentences. Small views are laid out with dot, large ones with
sfdp; --layout picks neato, fdp or circo. Unless --top says otherwise, at
most the ` + strconv.Itoa(render.DrawLimit) + ` entities of highest PageRank that are linked to one another
are drawn (the focus is always kept), and kgx says so when it leaves some
out. The format follows --out's
extension unless --format is given; without --out the drawing goes to stdout.` + exitStatusHelp,
		Example: `  kgx render --focus "Kim Jong Un" --out kim.svg
  kgx render --focus shoigu --depth 2 --co-mentions --cluster country --out shoigu.png
  kgx render --category SANCTION,ACCUSE,THREATEN --since 2025-01-01 --format dot`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.capped = !cmd.Flags().Changed("top")
			return runRender(cmd.Context(), o, g)
		},
	}
	o.addFlags(cmd.Flags(), render.DrawLimit)
	cmd.Flags().StringVar(&o.Format, "format", "", "dot, svg or png (default: from --out's extension, else svg)")
	cmd.Flags().StringVarP(&o.Out, "out", "o", "", "output file (default stdout)")
	cmd.Flags().StringVar(&o.Cluster, "cluster", "", "box entities by community or country")
	cmd.Flags().StringVar(&o.Layout, "layout", "", "Graphviz layout: dot, sfdp, neato, fdp or circo (default: by size)")
	cmd.Flags().BoolVar(&o.NoLegend, "no-legend", false, "leave the legend out")
	return cmd
}

func runRender(ctx context.Context, o *renderOptions, g *globalOptions) error {
	format, err := pickFormat(o.Format, o.Out, []string{"dot", "svg", "png"}, "svg")
	if err != nil {
		return err
	}
	sub, opts, err := o.view(g)
	if err != nil {
		return err
	}
	opts.Cluster, opts.Layout, opts.NoLegend = o.Cluster, o.Layout, o.NoLegend
	if err := opts.Check(); err != nil {
		return usageError{err}
	}
	if len(sub.Entities()) == 0 {
		return notFoundError{"the selection is empty: nothing to draw"}
	}
	return writeOut(g, o.Out, func(w io.Writer) error {
		switch format {
		case "dot":
			return render.WriteDOT(w, sub, opts)
		case "png":
			return render.WritePNG(ctx, w, sub, opts)
		}
		return render.WriteSVG(ctx, w, sub, opts)
	})
}

// pickFormat returns --format, or the one --out's extension names.
func pickFormat(format, out string, allowed []string, def string) (string, error) {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
		if !contains(allowed, format) {
			format = def
		}
	}
	format = strings.ToLower(format)
	if !contains(allowed, format) {
		return "", usagef("--format %q: want one of %s", format, strings.Join(allowed, ", "))
	}
	return format, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// writeOut writes to stdout when path is "" or "-"; otherwise to a
// temporary file beside path that is renamed over it only when complete,
// so a failed run never leaves half a file.
func writeOut(g *globalOptions, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(g.Stdout)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if g.Verbose {
		fmt.Fprintf(g.Stderr, "kgx: wrote %s\n", path)
	}
	return nil
}
