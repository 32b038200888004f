package render

import (
	"context"
	"encoding/json"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/kgx-project/kgx/graph"
)

// PNG is drawn by this file, not by go-graphviz's PNG renderer (which
// drops node outlines and fills edges in v0.2.10): Graphviz lays the
// graph out as JSON with xdot drawing operations, and each operation is
// painted with gg in the embedded Go fonts, so the image is the same on
// every machine.

// pngScale is pixels per point: 2 gives 144 dpi, sharp in a report;
// large drawings are scaled down to at most pngMaxSide pixels.
const (
	pngScale   = 2.0
	pngMaxSide = 4000
)

// WritePNG lays g out with Graphviz and writes it as a PNG image at
// 144 dpi, drawn like WriteSVG's output.
func WritePNG(ctx context.Context, w io.Writer, g *graph.Graph, opts Options) error {
	b, err := layoutAs(ctx, g, &opts, "json")
	if err != nil {
		return err
	}
	var lay xdotGraph
	if err := json.Unmarshal(b, &lay); err != nil {
		return fmt.Errorf("render: read graphviz layout: %w", err)
	}
	dc, err := lay.paint()
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(w, dc.Image()); err != nil {
		return fmt.Errorf("render: write png: %w", err)
	}
	return nil
}

// xdotGraph is the part of Graphviz's -Tjson output that PNG needs.
type xdotGraph struct {
	BB string `json:"bb"`
	xdotDraw
	Objects []struct {
		xdotDraw
		Nodes []int `json:"nodes"` // set on subgraphs (clusters)
	} `json:"objects"`
	Edges []struct {
		xdotDraw
		HDraw  []xdotOp `json:"_hdraw_"`
		TDraw  []xdotOp `json:"_tdraw_"`
		HLDraw []xdotOp `json:"_hldraw_"`
		TLDraw []xdotOp `json:"_tldraw_"`
	} `json:"edges"`
}

type xdotDraw struct {
	Draw  []xdotOp `json:"_draw_"`
	LDraw []xdotOp `json:"_ldraw_"`
}

// xdotOp is one drawing operation (see Graphviz's xdot documentation).
type xdotOp struct {
	Op       string       `json:"op"`
	Color    string       `json:"color"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"`
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Style    string       `json:"style"`
	FontChar int          `json:"fontchar"`
}

// painter carries the xdot drawing state.
type painter struct {
	dc        *gg.Context
	x0, y1    float64 // graph coordinates of the image's top-left corner
	s         float64 // pixels per point
	pen, fill color.NRGBA
	penWidth  float64
	dash      []float64
	fontSize  float64
	bold      bool
	boldFlag  bool
	fillSet   bool // a C operation came first in this list
}

func (l *xdotGraph) paint() (*gg.Context, error) {
	var bb [4]float64
	for i, f := range strings.Split(l.BB, ",") {
		if i < 4 {
			bb[i], _ = strconv.ParseFloat(f, 64)
		}
	}
	// The background polygon includes the pad; use it for the canvas.
	x0, y0, x1, y1 := bb[0], bb[1], bb[2], bb[3]
	for _, op := range l.Draw {
		for _, p := range op.Points {
			x0, y0 = math.Min(x0, p[0]), math.Min(y0, p[1])
			x1, y1 = math.Max(x1, p[0]), math.Max(y1, p[1])
		}
	}
	if x1 <= x0 || y1 <= y0 {
		return nil, fmt.Errorf("render: graphviz returned an empty layout")
	}
	scale := min(pngScale, pngMaxSide/max(x1-x0, y1-y0))
	wpx, hpx := int(math.Ceil((x1-x0)*scale)), int(math.Ceil((y1-y0)*scale))
	p := &painter{dc: gg.NewContext(wpx, hpx), x0: x0, y1: y1, s: scale, penWidth: 1, fontSize: 14,
		pen: color.NRGBA{0, 0, 0, 255}, fill: color.NRGBA{0, 0, 0, 255}}
	p.dc.SetColor(color.White)
	p.dc.Clear()
	p.dc.SetLineJoinRound()
	p.dc.SetLineCapRound()
	p.run(l.Draw)
	for _, o := range l.Objects { // clusters first, as Graphviz lists them
		if o.Nodes != nil {
			p.run(o.Draw)
			p.run(o.LDraw)
		}
	}
	for _, e := range l.Edges {
		p.run(e.Draw)
		p.run(e.TDraw)
		p.run(e.HDraw)
	}
	for _, o := range l.Objects {
		if o.Nodes == nil {
			p.run(o.Draw)
			p.run(o.LDraw)
		}
	}
	for _, e := range l.Edges {
		p.run(e.LDraw)
		p.run(e.HLDraw)
		p.run(e.TLDraw)
	}
	p.run(l.LDraw)
	return p.dc, nil
}

func (p *painter) x(v float64) float64 { return (v - p.x0) * p.s }
func (p *painter) y(v float64) float64 { return (p.y1 - v) * p.s }

// run executes a list of operations; each list starts from the default
// style, as in xdot.
func (p *painter) run(ops []xdotOp) {
	p.penWidth, p.dash, p.boldFlag, p.fillSet = 1, nil, false, false
	p.pen, p.fill = color.NRGBA{0, 0, 0, 255}, color.NRGBA{0, 0, 0, 255}
	for _, op := range ops {
		p.op(op)
	}
}

func (p *painter) op(op xdotOp) {
	dc := p.dc
	switch op.Op {
	case "c":
		p.pen = parseColor(op.Color)
	case "C":
		p.fill = parseColor(op.Color)
		p.fillSet = true
	case "S":
		switch {
		case op.Style == "solid":
			p.dash = nil
		case op.Style == "dashed":
			p.dash = []float64{5 * p.s, 3 * p.s}
		case op.Style == "dotted":
			p.dash = []float64{1 * p.s, 3 * p.s}
		case op.Style == "bold":
			p.penWidth = 2
		case strings.HasPrefix(op.Style, "setlinewidth("):
			if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(op.Style, "setlinewidth("), ")"), 64); err == nil {
				p.penWidth = v
			}
		}
	case "F":
		p.fontSize = op.Size
		p.bold = strings.Contains(strings.ToLower(op.Face), "bold")
	case "t":
		p.boldFlag = op.FontChar&1 != 0
	case "E", "e":
		if len(op.Rect) == 4 {
			dc.DrawEllipse(p.x(op.Rect[0]), p.y(op.Rect[1]), op.Rect[2]*p.s, op.Rect[3]*p.s)
			p.finish(op.Op == "E")
		}
	case "P", "p", "L", "B", "b":
		if len(op.Points) < 2 {
			return
		}
		dc.NewSubPath()
		dc.MoveTo(p.x(op.Points[0][0]), p.y(op.Points[0][1]))
		if op.Op == "B" || op.Op == "b" {
			for i := 1; i+2 < len(op.Points); i += 3 {
				a, b, c := op.Points[i], op.Points[i+1], op.Points[i+2]
				dc.CubicTo(p.x(a[0]), p.y(a[1]), p.x(b[0]), p.y(b[1]), p.x(c[0]), p.y(c[1]))
			}
		} else {
			for _, pt := range op.Points[1:] {
				dc.LineTo(p.x(pt[0]), p.y(pt[1]))
			}
		}
		// Graphviz writes edge splines as "b" (filled) without a fill
		// colour; only a list that set one fills its beziers.
		filledB := op.Op == "b" && p.fillSet
		if op.Op == "P" || op.Op == "p" || filledB {
			dc.ClosePath()
		}
		p.finish(op.Op == "P" || filledB)
	case "T":
		if len(op.Pt) < 2 || op.Text == "" || p.pen.A == 0 {
			return
		}
		dc.SetFontFace(face(p.bold || p.boldFlag, p.fontSize*p.s))
		dc.SetColor(p.pen)
		w, _ := dc.MeasureString(op.Text)
		x := p.x(op.Pt[0])
		switch op.Align {
		case "c":
			x -= w / 2
		case "r":
			x -= w
		}
		dc.DrawString(op.Text, x, p.y(op.Pt[1]))
	}
}

// finish fills the current path with the fill colour, if filled, then
// strokes it with the pen: in xdot a filled shape has an outline too.
func (p *painter) finish(filled bool) {
	dc := p.dc
	if filled && p.fill.A != 0 {
		dc.SetColor(p.fill)
		dc.FillPreserve()
	}
	if p.pen.A == 0 {
		dc.ClearPath()
		return
	}
	dc.SetColor(p.pen)
	dc.SetLineWidth(p.penWidth * p.s)
	if p.dash != nil {
		dc.SetDash(p.dash...)
	} else {
		dc.SetDash()
	}
	dc.Stroke()
}

// parseColor reads the colours Graphviz writes in xdot: #rrggbb,
// #rrggbbaa, and a few names.
func parseColor(s string) color.NRGBA {
	switch strings.ToLower(s) {
	case "black":
		return color.NRGBA{0, 0, 0, 255}
	case "white":
		return color.NRGBA{255, 255, 255, 255}
	case "transparent", "none", "invis":
		return color.NRGBA{}
	}
	h := strings.TrimPrefix(s, "#")
	v, err := strconv.ParseUint(h, 16, 32)
	switch {
	case err != nil:
		return color.NRGBA{0, 0, 0, 255}
	case len(h) == 6:
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
	case len(h) == 8:
		return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
	}
	return color.NRGBA{0, 0, 0, 255}
}

var (
	fonts = sync.OnceValues(func() ([2]*truetype.Font, error) {
		r, err := truetype.Parse(goregular.TTF)
		if err != nil {
			return [2]*truetype.Font{}, err
		}
		b, err := truetype.Parse(gobold.TTF)
		return [2]*truetype.Font{r, b}, err
	})
	facesMu sync.Mutex
	faces   = map[[2]float64]font.Face{}
)

// face returns a cached Go font face; the embedded fonts always parse.
func face(bold bool, size float64) font.Face {
	k := [2]float64{0, math.Round(size*4) / 4}
	if bold {
		k[0] = 1
	}
	facesMu.Lock()
	defer facesMu.Unlock()
	if f, ok := faces[k]; ok {
		return f
	}
	fs, err := fonts()
	if err != nil {
		panic("render: embedded Go fonts do not parse: " + err.Error())
	}
	f := truetype.NewFace(fs[int(k[0])], &truetype.Options{Size: k[1], DPI: 72, Hinting: font.HintingNone})
	faces[k] = f
	return f
}
