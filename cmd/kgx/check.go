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
	Max    int // problems printed
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
entities exist, and the name, alias and reverse indexes are exact.

A write that a crash interrupted is finished (or rolled back) when the store
is opened, before checking. With --repair, check rebuilds derived values and
drops dangling index entries and facts of documents that no longer exist;
nothing a stored document says is ever dropped. It prints each problem and
exits 1 if any remain.` + exitStatusHelp,
		Example: `  kgx check
  kgx check --repair`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(cmd.Context(), o, g) },
	}
	cmd.Flags().BoolVar(&o.Repair, "repair", false, "fix what can be fixed safely")
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
	for i, p := range rep.Problems {
		if o.Max > 0 && i == o.Max {
			fmt.Fprintf(g.Stdout, "... and %d more\n", len(rep.Problems)-i)
			break
		}
		fix := ""
		if p.Repairable && !o.Repair {
			fix = " (--repair fixes this)"
		}
		fmt.Fprintf(g.Stdout, "%s%s\n", p, fix)
	}
	if rep.Repaired > 0 {
		fmt.Fprintf(g.Stdout, "repaired %d problems\n", rep.Repaired)
	}
	status := "ok"
	if !rep.OK() {
		status = fmt.Sprintf("%d problems", len(rep.Problems))
	}
	fmt.Fprintf(g.Stdout, "%s: %d documents, %d entities, %d relations, %d co-mentions, %d facts: %s\n",
		g.DB, rep.Docs, rep.Entities, rep.Relations, rep.CoMentions, rep.Contributions, status)
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
