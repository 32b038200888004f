package render

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// parseDOT parses DOT with gonum's parser and checks that it holds one
// digraph whose statements are the ones WriteDOT writes.
func parseDOT(b []byte) error {
	f, err := dot.ParseBytes(b)
	if err != nil {
		return err
	}
	if len(f.Graphs) != 1 || !f.Graphs[0].Directed {
		return fmt.Errorf("want one digraph, got %d graphs", len(f.Graphs))
	}
	var walk func(stmts []ast.Stmt) error
	walk = func(stmts []ast.Stmt) error {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.NodeStmt, *ast.EdgeStmt, *ast.AttrStmt:
			case *ast.Subgraph:
				if err := walk(s.Stmts); err != nil {
					return err
				}
			default:
				return fmt.Errorf("unexpected statement %T: %v", s, s)
			}
		}
		return nil
	}
	return walk(f.Graphs[0].Stmts)
}

func decodePNG(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
