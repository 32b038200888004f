package main

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/store"
)

type timelineOptions struct {
	Since string
	Until string
	JSON  bool
}

func newTimelineCmd(g *globalOptions) *cobra.Command {
	o := &timelineOptions{}
	cmd := &cobra.Command{
		Use:   "timeline NAME",
		Short: "List one entity's dated relations in date order",
		Long: `Timeline lists every dated piece of evidence for the typed relations of the
entity with this name or alias, oldest first: the date (the relation's own,
else its document's), the relation, the other entity and the sentence.
Undated evidence is counted on stderr and left out.` + exitStatusHelp,
		Example: `  kgx timeline Shoigu
  kgx timeline "Kim Jong Un" --since 2024-01-01 --json`,
		Args: cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			return (&relationsOptions{Since: o.Since, Until: o.Until}).finalize()
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runTimeline(args[0], o, g) },
	}
	cmd.Flags().StringVar(&o.Since, "since", "", "only evidence dated on or after `DATE` (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.Until, "until", "", "only evidence dated on or before `DATE` (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

type timelineJSON struct {
	Date     string       `json:"date"`
	Source   refJSON      `json:"source"`
	Target   refJSON      `json:"target"`
	Type     string       `json:"type"`
	Category string       `json:"category"`
	Evidence evidenceJSON `json:"evidence"`
}

func runTimeline(name string, o *timelineOptions, g *globalOptions) error {
	return withView(g, func(db *store.View) error {
		l := newLookup(db)
		e, err := l.find(name, g.Stderr)
		if err != nil {
			return err
		}
		outRels, inRels, err := l.relations(e.ID)
		if err != nil {
			return err
		}
		f := relationFilter{since: o.Since, until: o.Until}
		out := []timelineJSON{}
		undated := 0
		for _, r := range append(outRels, inRels...) {
			for _, ev := range r.Evidence {
				if ev.Date == "" {
					undated++
				}
			}
			r, ok := f.keep(r)
			if !ok {
				continue
			}
			src, err := l.ref(r.Source)
			if err != nil {
				return err
			}
			dst, err := l.ref(r.Target)
			if err != nil {
				return err
			}
			for _, ev := range r.Evidence {
				if ev.Date == "" {
					continue
				}
				out = append(out, timelineJSON{Date: ev.Date, Source: src, Target: dst, Type: r.Label, Category: r.Category, Evidence: l.evidence(ev)})
			}
		}
		slices.SortStableFunc(out, func(a, b timelineJSON) int {
			return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Evidence.Doc, b.Evidence.Doc), cmp.Compare(a.Evidence.Start, b.Evidence.Start), cmp.Compare(a.Type, b.Type))
		})
		if undated > 0 {
			fmt.Fprintf(g.Stderr, "kgx: %d undated evidence sentence(s) left out\n", undated)
		}
		if len(out) == 0 {
			return notFoundError{fmt.Sprintf("no dated relations for %s", clean(e.Name))}
		}
		if o.JSON {
			return writeJSON(g.Stdout, out)
		}
		tw := table(g.Stdout)
		fmt.Fprintln(tw, "DATE\tSOURCE\tRELATION\tTARGET\tEVIDENCE")
		for _, t := range out {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s“%s” (%s)\n", t.Date, clean(t.Source.Name), clean(t.Type), clean(t.Target.Name), hedge(t.Evidence), clean(t.Evidence.Sentence), clean(cmp.Or(t.Evidence.Title, t.Evidence.Doc)))
		}
		return tw.Flush()
	})
}
