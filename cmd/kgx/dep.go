package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
)

// The dependency parser's commands: 'kgx train dep' (registered under
// newTrainCmd) and 'kgx eval dep' (under newEvalCmd).

type trainDepOptions struct {
	Data   string
	Out    string
	Epochs int
	Seed   uint64
	NoGUM  bool
}

func newTrainDepCmd(g *globalOptions) *cobra.Command {
	o := &trainDepOptions{}
	cmd := &cobra.Command{
		Use:   "dep --data DIR [--out DIR]",
		Short: "Train the dependency parser on UD English-EWT and GUM",
		Long: `Train dep trains kgx's arc-eager dependency parser (averaged perceptron,
dynamic oracle) on UD English-EWT train plus the train split of GUM, writes
DIR/dep.bin, and prints UAS and LAS with gold tags on EWT dev and test.

--data is the corpus root holding ud/ewt/en_ewt-ud-*.conllu and ner/gum.
The same flags give the same model file, byte for byte. To embed the model,
write it to extract/models and rebuild.` + exitStatusHelp,
		Example: `  GOMAXPROCS=1 kgx train dep --data ../shared/data --out extract/models`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Data == "" {
				return usagef("train dep: --data is required")
			}
			return runTrainDep(cmd, o, g)
		},
	}
	cmd.Flags().StringVar(&o.Data, "data", "", "corpus root (with ud/ewt and ner/gum)")
	cmd.Flags().StringVar(&o.Out, "out", "extract/models", "directory to write dep.bin to")
	cmd.Flags().IntVar(&o.Epochs, "epochs", 0, "training epochs (0: the default, 15)")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "random seed (shuffling, exploration)")
	cmd.Flags().BoolVar(&o.NoGUM, "no-gum", false, "train on EWT only")
	return cmd
}

func runTrainDep(cmd *cobra.Command, o *trainDepOptions, g *globalOptions) error {
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return fmt.Errorf("train dep: %w", err)
	}
	path := filepath.Join(o.Out, "dep.bin")
	tmp, err := os.CreateTemp(o.Out, ".dep-*.bin")
	if err != nil {
		return fmt.Errorf("train dep: %w", err)
	}
	defer os.Remove(tmp.Name())
	scores, err := extract.TrainDep(cmd.Context(), extract.DepTrainOptions{
		Data: o.Data, NoGUM: o.NoGUM, Epochs: o.Epochs, Seed: o.Seed, Log: g.Stderr,
	}, tmp)
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("train dep: write %s: %w", tmp.Name(), cerr)
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("train dep: %w", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "wrote %s (%d bytes)\n", path, fi.Size())
	for _, s := range scores {
		fmt.Fprintln(g.Stdout, s)
	}
	return nil
}

type evalDepOptions struct {
	Model string
	Tags  string
	JSON  bool
}

func newEvalDepCmd(g *globalOptions) *cobra.Command {
	o := &evalDepOptions{}
	cmd := &cobra.Command{
		Use:   "dep FILE.conllu",
		Short: "Score the dependency parser on a CoNLL-U file (UAS, LAS)",
		Long: `Eval dep parses every sentence of a CoNLL-U file (using its word
segmentation) and prints unlabelled and labelled attachment scores over all
words, punctuation included. LAS compares full labels (nsubj:pass); the
universal LAS ignores subtypes. With --tags gold the file's XPOS and UPOS
columns are used; with predicted, kgx's own POS tagger tags the words first;
both (the default) prints both lines.` + exitStatusHelp,
		Example: `  kgx eval dep ../shared/data/ud/ewt/en_ewt-ud-test.conllu`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Tags != "gold" && o.Tags != "predicted" && o.Tags != "both" {
				return usagef("eval dep: --tags must be gold, predicted or both, not %q", o.Tags)
			}
			return runEvalDep(cmd, o, g, args[0])
		},
	}
	cmd.Flags().StringVar(&o.Model, "model", "", "parser model file (default: the embedded one)")
	cmd.Flags().StringVar(&o.Tags, "tags", "both", "POS tags to parse with: gold, predicted or both")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print one JSON object per line")
	return cmd
}

func runEvalDep(cmd *cobra.Command, o *evalDepOptions, g *globalOptions, path string) error {
	var model []byte
	if o.Model != "" {
		b, err := os.ReadFile(o.Model)
		if err != nil {
			return fmt.Errorf("eval dep: %w", err)
		}
		model = b
	}
	var modes []bool
	switch o.Tags {
	case "gold":
		modes = []bool{false}
	case "predicted":
		modes = []bool{true}
	default:
		modes = []bool{false, true}
	}
	enc := json.NewEncoder(g.Stdout)
	for _, pred := range modes {
		s, err := extract.EvalDep(cmd.Context(), path, model, pred)
		if err != nil {
			return err
		}
		if o.JSON {
			if err := enc.Encode(s); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintln(g.Stdout, s)
	}
	return nil
}
