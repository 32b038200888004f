package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kgx-project/kgx/graph"
)

// NodesHeader and EdgesHeader are the CSV columns, named as Gephi's
// spreadsheet import expects (Id, Label; Source, Target, Type, Weight).
var (
	NodesHeader = []string{"Id", "Label", "Type", "Key", "Mentions", "Documents", "PageRank", "Community",
		"Aliases", "Roles", "FirstSeen", "LastSeen", "Color"}
	EdgesHeader = []string{"Source", "Target", "Type", "Id", "Label", "Weight", "Relation", "Category", "Tone",
		"Count", "FirstSeen", "LastSeen", "Evidence", "Status"}
)

// WriteCSV writes g as two CSV tables for Gephi's spreadsheet import:
// nodes (one row per entity) and edges (one row per relation; Type is
// Directed, or Undirected for co-mentions). Lists are joined with "; ".
// Text cells are neutralised against formula injection (a leading
// = + - @ gets an apostrophe) and cleaned of control and bidi characters.
func WriteCSV(nodes, edges io.Writer, g *graph.Graph, opts Options) error {
	if err := opts.Check(); err != nil {
		return err
	}
	m := opts.metrics(g)
	nw := csv.NewWriter(nodes)
	nw.Write(NodesHeader)
	for _, e := range g.Entities() {
		comm := ""
		if c, ok := m.Community[e.ID]; ok {
			comm = strconv.Itoa(c)
		}
		first, last := "", ""
		if isDate(e.FirstSeen) {
			first, last = e.FirstSeen, e.LastSeen
		}
		nw.Write([]string{
			strconv.FormatInt(e.ID, 10), cellText(e.Name), e.Type.String(), cellText(e.Key),
			strconv.Itoa(e.Mentions), strconv.Itoa(e.Documents), formatFloat(m.PageRank[e.ID]), comm,
			cellText(strings.Join(aliasNames(e), "; ")), cellText(strings.Join(e.Roles, "; ")),
			first, last, styleOf(e.Type).Strong,
		})
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return fmt.Errorf("render: write nodes csv: %w", err)
	}
	ew := csv.NewWriter(edges)
	ew.Write(EdgesHeader)
	for _, r := range allEdges(g) {
		typ := "Directed"
		if r.Label == graph.CoMentioned {
			typ = "Undirected"
		}
		first, last := "", ""
		if ds := evidenceDates(r); len(ds) > 0 {
			first, last = ds[0], ds[len(ds)-1]
		}
		ew.Write([]string{
			strconv.FormatInt(r.Source, 10), strconv.FormatInt(r.Target, 10), typ, edgeID(r),
			cellText(r.Label), strconv.Itoa(r.Count), cellText(r.Label), cellText(r.Category),
			relStyle(r).Tone.String(), strconv.Itoa(r.Count), first, last, cellText(firstEvidence(r)), statusOf(r),
		})
	}
	ew.Flush()
	if err := ew.Error(); err != nil {
		return fmt.Errorf("render: write edges csv: %w", err)
	}
	return nil
}
