package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
)

type trainOptions struct {
	Data, Out, Dev string
	Epochs         int
	Seed           uint64
	Final          bool
	Prune          float32
}

func (o *trainOptions) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.Data, "data", "", "shared data folder (holding ud/, ner/, gazetteers/, events/)")
	cmd.Flags().StringVar(&o.Out, "out", "extract/models", "folder to write the model files to")
	cmd.Flags().IntVar(&o.Epochs, "epochs", 0, "training passes (0: the default)")
	cmd.Flags().Uint64Var(&o.Seed, "seed", extract.DefaultSeed, "shuffling seed")
	cmd.Flags().Float32Var(&o.Prune, "prune", 0, "drop averaged weights smaller than this (0: the default)")
}

func newTrainCmd(g *globalOptions) *cobra.Command {
	o := &trainOptions{}
	cmd := &cobra.Command{
		Use:   "train pos|ner|dep --data DIR [--out DIR]",
		Short: "Rebuild kgx's POS, NER or parser model from the open corpora",
		Long: `Train rebuilds an embedded model file from the shared open corpora,
deterministically (fixed seed, sorted input, seeded shuffles).

  kgx train pos  reads DIR/ud/ewt (train) and DIR/ner/gum (training documents),
                 writes OUT/pos.model and prints UPOS/XPOS accuracy on EWT test.
  kgx train ner  builds OUT/gazetteer.gz from DIR/gazetteers and the PETRARCH
                 dictionaries, tags every corpus in DIR/ner with OUT/pos.model
                 (train pos first), and writes OUT/ner.model. GUM dev+test,
                 UNER-EWT test, WikiGold and kgx's re3d test split are held out
                 (--dev DIR writes them as CoNLL gold files for 'kgx eval ner')
                 unless --final.
  kgx train dep  trains the dependency parser on EWT train and GUM's training
                 documents and writes OUT/dep.bin (see 'kgx train dep --help').

Rebuild the committed models with:
  GOMAXPROCS=1 kgx train pos --data ../shared/data --out extract/models
  GOMAXPROCS=1 kgx train ner --data ../shared/data --out extract/models --dev /tmp/kgx-dev
  GOMAXPROCS=1 kgx train dep --data ../shared/data --out extract/models` + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if o.Data == "" {
				return usagef("train: --data is required")
			}
			if args[0] != "pos" && args[0] != "ner" {
				return usagef("train: want pos or ner, not %q", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTrain(cmd.Context(), args[0], o, g)
		},
	}
	o.addFlags(cmd)
	cmd.AddCommand(newTrainDepCmd(g))
	cmd.Flags().StringVar(&o.Dev, "dev", "", "ner: also write the held-out gold files here")
	cmd.Flags().BoolVar(&o.Final, "final", false, "ner: train on the held-out files too")
	return cmd
}

func runTrain(ctx context.Context, which string, o *trainOptions, g *globalOptions) error {
	if st, err := os.Stat(o.Data); err != nil || !st.IsDir() {
		return fmt.Errorf("train: data folder %s: not a readable directory", o.Data)
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	opt := extract.TrainOptions{Epochs: o.Epochs, Seed: o.Seed, Log: g.Stderr, DevDir: o.Dev, Final: o.Final, Prune: o.Prune}
	if which == "pos" {
		upos, xpos, err := extract.TrainPOS(ctx, o.Data, o.Out, opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(g.Stdout, "pos model written to %s (EWT test UPOS %.4f, XPOS %.4f)\n", o.Out, upos, xpos)
		return nil
	}
	if err := extract.TrainNER(ctx, o.Data, o.Out, opt); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "ner model and gazetteer written to %s\n", o.Out)
	return nil
}
