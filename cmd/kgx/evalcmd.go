package main

import "github.com/spf13/cobra"

// newEvalCmd groups the evaluation commands; each subcommand lives in the
// file of what it measures.
func newEvalCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure kgx on annotated corpora",
		Long: `Eval scores kgx against gold annotations and prints precision, recall and
F1. The figures in BENCHMARKS.md come from these commands.` + exitStatusHelp,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(
		newEvalNERCmd(g),
		newEvalAliasesCmd(g),
		newEvalRelationsCmd(g),
		newEvalDepCmd(g),
	)
	return cmd
}
