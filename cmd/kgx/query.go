package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

type listOptions struct {
	Type string
	JSON bool
}

func newEntitiesCmd(g *globalOptions) *cobra.Command {
	o := &listOptions{}
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List the entities in the store",
		Long:  "Entities lists the stored entities, most mentioned first." + exitStatusHelp,
		Example: `  kgx entities --type PERSON
  kgx entities --json | jq '.[0]'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runEntities(o, g) },
	}
	cmd.Flags().StringVar(&o.Type, "type", "", "only entities of this type (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

func parseTypeFlag(s string) (extract.EntityType, error) {
	if s == "" {
		return extract.NoType, nil
	}
	t, ok := extract.ParseEntityType(strings.ToUpper(s))
	if !ok {
		return 0, usagef("unknown entity type %q (want PERSON, ORG, GPE, LOC, FAC, NORP, EVENT or DATE)", s)
	}
	return t, nil
}

func loadGraph(g *globalOptions) (*graph.Graph, error) {
	db, err := g.openStoreRead()
	if err != nil {
		return nil, err
	}
	defer db.Close()
	gr, problems, err := db.ResolvedGraph()
	if err != nil {
		return nil, err
	}
	for _, p := range problems {
		fmt.Fprintf(g.Stderr, "kgx: warning: %v\n", p)
	}
	return gr, nil
}

func runEntities(o *listOptions, g *globalOptions) error {
	typ, err := parseTypeFlag(o.Type)
	if err != nil {
		return err
	}
	gr, err := loadGraph(g)
	if err != nil {
		return err
	}
	var es []*graph.Entity
	for _, e := range gr.Entities() {
		if typ == extract.NoType || e.Type == typ {
			es = append(es, e)
		}
	}
	slices.SortStableFunc(es, func(a, b *graph.Entity) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name))
	})
	if o.JSON {
		out := make([]entityJSON, 0, len(es))
		for _, e := range es {
			out = append(out, entityView(e))
		}
		return writeJSON(g.Stdout, out)
	}
	tw := table(g.Stdout)
	fmt.Fprintln(tw, "NAME\tTYPE\tMENTIONS\tDOCS\tALIASES")
	for _, e := range es {
		var al []string
		for _, a := range e.Aliases {
			al = append(al, a.Name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", clean(e.Name), e.Type, e.Mentions, e.Documents, clean(strings.Join(al, ", ")))
	}
	return tw.Flush()
}

func table(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0) }

// clean makes untrusted text safe for a terminal table: control and bidi
// characters become spaces or are dropped.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f:
			return -1
		}
		return r
	}, s)
}

type relationsOptions struct {
	Type string
	JSON bool
}

func newRelationsCmd(g *globalOptions) *cobra.Command {
	o := &relationsOptions{}
	cmd := &cobra.Command{
		Use:   "relations",
		Short: "List the typed relations in the store",
		Long:  "Relations lists the typed relations (met, visited, ...), most frequent first." + exitStatusHelp,
		Example: `  kgx relations --type met
  kgx relations --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runRelations(o, g) },
	}
	cmd.Flags().StringVar(&o.Type, "type", "", "only relations with this label (met, visited, ...)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

func ref(gr *graph.Graph, id int64) refJSON {
	if e := gr.Entity(id); e != nil {
		return refJSON{ID: id, Name: e.Name, Type: e.Type.String()}
	}
	return refJSON{ID: id}
}

func runRelations(o *relationsOptions, g *globalOptions) error {
	gr, err := loadGraph(g)
	if err != nil {
		return err
	}
	var rs []*graph.Relation
	for _, r := range gr.Relations() {
		if o.Type == "" || r.Label == o.Type {
			rs = append(rs, r)
		}
	}
	slices.SortStableFunc(rs, func(a, b *graph.Relation) int { return cmp.Compare(b.Count, a.Count) })
	if o.JSON {
		out := make([]relationJSON, 0, len(rs))
		for _, r := range rs {
			out = append(out, relationJSON{Source: ref(gr, r.Source), Target: ref(gr, r.Target), Type: r.Label, Category: r.Category, Count: r.Count})
		}
		return writeJSON(g.Stdout, out)
	}
	tw := table(g.Stdout)
	fmt.Fprintln(tw, "SOURCE\tRELATION\tTARGET\tCATEGORY\tCOUNT")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", clean(ref(gr, r.Source).Name), r.Label, clean(ref(gr, r.Target).Name), r.Category, r.Count)
	}
	return tw.Flush()
}

func newDocsCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List the documents in the store",
		Long:  "Docs lists the stored documents with their id, date and title." + exitStatusHelp,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			gr, err := loadGraph(g)
			if err != nil {
				return err
			}
			ds := gr.Docs()
			if asJSON {
				out := make([]docJSON, 0, len(ds))
				for _, d := range ds {
					out = append(out, docJSON(d))
				}
				return writeJSON(g.Stdout, out)
			}
			tw := table(g.Stdout)
			fmt.Fprintln(tw, "ID\tDATE\tTITLE\tPATH")
			for _, d := range ds {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, d.Date, clean(d.Title), clean(d.Path))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newShowCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show one entity: aliases, roles, relations and their evidence",
		Long: `Show prints a card for the entity with this name or alias (case and
diacritics do not matter): its type, aliases, roles, counts, and its relations
grouped by label, each with the sentences that prove it.` + exitStatusHelp,
		Example: `  kgx show "Kim Jong Un"
  kgx show shoigu --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runShow(args[0], asJSON, g) },
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func runShow(name string, asJSON bool, g *globalOptions) error {
	gr, err := loadGraph(g)
	if err != nil {
		return err
	}
	want := extract.Fold(name)
	var found *graph.Entity
	for _, e := range gr.Entities() {
		match := extract.Fold(e.Name) == want
		for _, a := range e.Aliases {
			match = match || extract.Fold(a.Name) == want
		}
		if match && (found == nil || e.Mentions > found.Mentions) {
			found = e
		}
	}
	if found == nil {
		return notFoundError{fmt.Sprintf("no entity named %q", name)}
	}
	v := showJSON{ID: found.ID, Name: found.Name, Type: found.Type.String(), Aliases: []string{}, AliasRules: []aliasJSON{},
		Roles: found.Roles, Mentions: found.Mentions, Documents: found.Documents,
		FirstSeen: found.FirstSeen, LastSeen: found.LastSeen, Relations: []showRelationJSON{}}
	if v.Roles == nil {
		v.Roles = []string{}
	}
	for _, a := range found.Aliases {
		v.Aliases = append(v.Aliases, a.Name)
		v.AliasRules = append(v.AliasRules, aliasJSON(a))
	}
	add := func(dir string, r *graph.Relation, other int64) {
		sr := showRelationJSON{Direction: dir, Type: r.Label, Category: r.Category, Other: ref(gr, other), Count: r.Count, Evidence: []evidenceJSON{}}
		for _, ev := range r.Evidence {
			d, _ := gr.Doc(ev.Doc)
			sr.Evidence = append(sr.Evidence, evidenceJSON{Doc: ev.Doc, Title: d.Title, Date: cmp.Or(ev.Date, d.Date), Sentence: ev.Sentence, Start: ev.Start, End: ev.End})
		}
		v.Relations = append(v.Relations, sr)
	}
	for _, r := range gr.Out(found.ID) {
		add("out", r, r.Target)
	}
	for _, r := range gr.In(found.ID) {
		add("in", r, r.Source)
	}
	slices.SortStableFunc(v.Relations, func(a, b showRelationJSON) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(b.Count, a.Count), cmp.Compare(a.Other.Name, b.Other.Name))
	})
	if asJSON {
		return writeJSON(g.Stdout, v)
	}
	w := g.Stdout
	fmt.Fprintf(w, "%s (%s)\n", clean(v.Name), v.Type)
	if len(found.Aliases) > 0 {
		fmt.Fprintln(w, "  aliases:")
		for _, a := range found.Aliases {
			fmt.Fprintf(w, "    %s  [%s]\n", clean(a.Name), a.Rule)
		}
	}
	if len(v.Roles) > 0 {
		fmt.Fprintf(w, "  roles: %s\n", clean(strings.Join(v.Roles, "; ")))
	}
	fmt.Fprintf(w, "  %d mentions in %d documents", v.Mentions, v.Documents)
	if v.FirstSeen != "" {
		fmt.Fprintf(w, ", seen %s to %s", v.FirstSeen, v.LastSeen)
	}
	fmt.Fprintln(w)
	last := ""
	for _, r := range v.Relations {
		if r.Type != last {
			fmt.Fprintf(w, "\n  %s (%s)\n", r.Type, r.Category)
			last = r.Type
		}
		arrow := "->"
		if r.Direction == "in" {
			arrow = "<-"
		}
		fmt.Fprintf(w, "    %s %s  x%d\n", arrow, clean(r.Other.Name), r.Count)
		for _, ev := range r.Evidence {
			src := ev.Doc
			if ev.Title != "" {
				src = ev.Title
			}
			if ev.Date != "" {
				src += ", " + ev.Date
			}
			fmt.Fprintf(w, "       “%s” (%s)\n", clean(ev.Sentence), clean(src))
		}
	}
	return nil
}
