package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/graph"
)

type rmOptions struct {
	All bool // remove every document a prefix or path matches
}

func newRmCmd(g *globalOptions) *cobra.Command {
	o := &rmOptions{}
	cmd := &cobra.Command{
		Use:   "rm DOC...",
		Short: "Remove documents and every fact only they support",
		Long: `Rm removes documents from the store. DOC is a document id, the path it was
ingested from, or a unique prefix (4 characters or more) of an id or content
hash, as 'kgx docs' lists them. Entities and relations that only these
documents support disappear; the counts, aliases and evidence of the others
are recomputed exactly as if the documents had never been ingested.
Curation (merges, aliases, renames) is kept.` + exitStatusHelp,
		Example: `  kgx rm 3f2a9c1e
  kgx rm testdata/news/shoigu-visit-north-korea-security-ties.txt
  kgx rm --all big.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runRm(cmd.Context(), o, g, args) },
	}
	cmd.Flags().BoolVar(&o.All, "all", false, "remove every document that DOC matches, not only a unique one")
	return cmd
}

func runRm(ctx context.Context, o *rmOptions, g *globalOptions, args []string) error {
	db, err := g.openExistingStore()
	if err != nil {
		return err
	}
	defer db.Close()
	var todo []graph.Doc
	for _, ref := range args {
		docs, err := db.FindDocs(ref)
		if err != nil {
			return notFoundError{fmt.Sprintf("kgx: no document %q in %s (see 'kgx docs')", ref, g.DB)}
		}
		if len(docs) > 1 && !o.All {
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID+" "+d.Path)
			}
			return usagef("%q matches %d documents (use --all to remove them all):\n  %s", ref, len(docs), strings.Join(ids, "\n  "))
		}
		todo = append(todo, docs...)
	}
	for _, d := range todo {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := db.Remove(d.ID); err != nil {
			return err
		}
		fmt.Fprintf(g.Stdout, "removed %s %s\n", d.ID, d.Path)
	}
	return nil
}
