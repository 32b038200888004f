package render

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/kgx-project/kgx/graph"
)

// This is the only file that imports go-graphviz: its package init
// compiles an embedded WebAssembly build of Graphviz, and one global
// module serves every call, so calls are serialised by gvMu.
var gvMu sync.Mutex

// WriteSVG lays g out with Graphviz and writes it as SVG. Node and edge
// tooltips (the evidence sentences) become SVG <title> elements and
// xlink:title attributes; the legend sits under the drawing.
func WriteSVG(ctx context.Context, w io.Writer, g *graph.Graph, opts Options) error {
	b, err := layoutAs(ctx, g, &opts, string(graphviz.SVG))
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("render: write svg: %w", err)
	}
	return nil
}

// layoutAs writes g as DOT and has Graphviz lay it out and render it in
// format ("svg", or "json" for the layout with xdot drawing operations,
// which png.go draws).
func layoutAs(ctx context.Context, g *graph.Graph, opts *Options, format string) ([]byte, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	var src bytes.Buffer
	bw := bufio.NewWriter(&src)
	writeDOT(bw, g, opts)
	bw.Flush()
	return runGraphviz(ctx, src.Bytes(), dotLayout(g, opts), format)
}

// runGraphviz parses DOT source and renders it. Graphviz is created and
// closed per call (it holds per-render state); RenderFilename is avoided
// because it is broken for SVG in go-graphviz v0.2.10.
func runGraphviz(ctx context.Context, src []byte, layout, format string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	gvMu.Lock()
	defer gvMu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("render: start graphviz: %w", err)
	}
	defer gv.Close()
	gg, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("render: graphviz rejected the dot source: %w", err)
	}
	defer gg.Close()
	gv.SetLayout(graphviz.Layout(layout))
	var out bytes.Buffer
	if err := gv.Render(ctx, gg, graphviz.Format(format), &out); err != nil {
		return nil, fmt.Errorf("render: graphviz %s layout to %s: %w", layout, format, err)
	}
	return out.Bytes(), nil
}
