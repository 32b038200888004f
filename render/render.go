package render

import (
	"errors"
	"fmt"

	"github.com/kgx-project/kgx/graph"
)

// Options controls how a graph is drawn or exported. The zero value is
// ready to use.
type Options struct {
	// Title names the graph (DOT label, GEXF description).
	Title string
	// Metrics gives PageRank and communities; nil computes them from the
	// graph being written, with Seed.
	Metrics *graph.Metrics
	Seed    uint64
	// SizeBy scales nodes by "mentions" (the default) or "rank".
	SizeBy string
	// Cluster groups nodes in DOT/SVG/PNG: "", "community" or "country".
	Cluster string
	// Layout is the Graphviz engine: "" chooses dot for small views and
	// sfdp for large ones; neato, fdp and circo may be asked for.
	Layout string
	// Focus lists the entities the view is centred on; they are drawn
	// bold.
	Focus []int64
	// Legend adds a legend to diagrams; NoLegend removes it.
	NoLegend bool
}

// Formats lists every output format, diagrams first.
var Formats = []string{"dot", "svg", "png", "gexf", "graphml", "csv", "json", "jsonl"}

// Layouts lists the Graphviz layout engines Options.Layout accepts.
var Layouts = []string{"dot", "sfdp", "neato", "fdp", "circo"}

// ErrBadOption reports an option value this package does not know.
var ErrBadOption = errors.New("render: bad option")

// Check validates the options.
func (o *Options) Check() error {
	switch o.SizeBy {
	case "", "mentions", "rank":
	default:
		return fmt.Errorf("%w: size by %q (want mentions or rank)", ErrBadOption, o.SizeBy)
	}
	switch o.Cluster {
	case "", "community", "country":
	default:
		return fmt.Errorf("%w: cluster %q (want community or country)", ErrBadOption, o.Cluster)
	}
	switch o.Layout {
	case "", "dot", "sfdp", "neato", "fdp", "circo":
	default:
		return fmt.Errorf("%w: layout %q (want dot, sfdp, neato, fdp or circo)", ErrBadOption, o.Layout)
	}
	return nil
}

// metrics returns the metrics to use for g.
func (o *Options) metrics(g *graph.Graph) *graph.Metrics {
	if o.Metrics != nil {
		return o.Metrics
	}
	return graph.Analyze(g, o.Seed)
}
