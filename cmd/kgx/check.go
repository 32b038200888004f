package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/store"
)

type checkOptions struct {
	Repair bool
	Strict bool // curation records that no longer apply are problems
	Max    int  // problems printed
}

func newCheckCmd(g *globalOptions) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the store's invariants (and repair what is safe)",
		Long: `Check verifies the store: every value decodes, documents and their hash and
path indexes agree, every fact belongs to a stored document, every merged
entity, relation and co-mention equals the merge of the facts of the
documents that support it (so counts equal their evidence), every relation's
entities exist, the name, alias and reverse indexes are exact, and every
curation record (merge, split, alias, rename, ignore) is well formed.

A curation record whose names no longer match exactly one entity (the
document that mentioned it was removed or changed, or it names an entity of a
document still to come) is printed as a warning: the analyst's decision is
kept but has no effect. With --strict such records are problems too.

A write that a crash interrupted is finished (or rolled back) when the store
is opened, before checking. With --repair, check rebuilds derived values and
drops dangling index entries and facts of documents that no longer exist;
nothing a stored document says is ever dropped. It prints each problem and
exits 1 if any remain.` + exitStatusHelp,
		Example: `  kgx check
  kgx check --repair
  kgx check --strict`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(cmd.Context(), o, g) },
	}
	cmd.Flags().BoolVar(&o.Repair, "repair", false, "fix what can be fixed safely")
	cmd.Flags().BoolVar(&o.Strict, "strict", false, "count curation records that no longer apply as problems")
	cmd.Flags().IntVar(&o.Max, "max", 50, "print at most this many problems (0: all)")
	return cmd
}

func runCheck(ctx context.Context, o *checkOptions, g *globalOptions) error {
	db, err := g.openExistingStore()
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.Check(ctx, o.Repair)
	if err != nil {
		return err
	}
	if o.Strict {
		rep.Problems = append(rep.Problems, rep.Warnings...)
		rep.Warnings = nil
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(g.Stderr, "kgx: warning: %s\n", clean(w.String()))
	}
	for i, p := range rep.Problems {
		if o.Max > 0 && i == o.Max {
			fmt.Fprintf(g.Stdout, "... and %d more\n", len(rep.Problems)-i)
			break
		}
		fix := ""
		if p.Repairable && !o.Repair {
			fix = " (--repair fixes this)"
		}
		fmt.Fprintf(g.Stdout, "%s%s\n", clean(p.String()), fix)
	}
	if rep.Repaired > 0 {
		fmt.Fprintf(g.Stdout, "repaired %d problems\n", rep.Repaired)
	}
	status := "ok"
	if !rep.OK() {
		status = fmt.Sprintf("%d problems", len(rep.Problems))
	}
	fmt.Fprintf(g.Stdout, "%s: %d documents, %d entities, %d relations, %d co-mentions, %d facts, %d curation records: %s\n",
		clean(g.DB), rep.Docs, rep.Entities, rep.Relations, rep.CoMentions, rep.Contributions, rep.Curations, status)
	if !rep.OK() {
		return silentError{exitFailed}
	}
	return nil
}

// openExistingStore opens the store at --db for writing, refusing to
// create one.
func (g *globalOptions) openExistingStore() (*store.DB, error) {
	if _, err := os.Stat(g.DB); err != nil {
		return nil, fmt.Errorf("open store %s: %w", g.DB, err)
	}
	return g.openStore()
}
