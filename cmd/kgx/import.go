package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/render"
	"github.com/kgx-project/kgx/store"
)

// importBatch is how many documents go to the store per PutBatch call.
const importBatch = 64

func newImportCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.jsonl",
		Short: "Restore a store from a 'kgx export --format jsonl' dump",
		Long: `Import reads a dump written by 'kgx export --format jsonl' (- for stdin) and
stores its documents with every fact they support (entities, aliases, roles,
relations with their counts and evidence, co-mentions) and replays its
curation records (merges, splits, aliases, renames, ignores). Imported into an
empty store, the dump gives back an identical store: exporting it again writes
the same bytes.

The whole file is read and checked before anything is written: JSON, record
kinds, the header's version and counts (a truncated file is refused), every
document's facts, and that the dump's entities and relations are what its
facts and curations resolve to. A bad line is reported as FILE: ... line N.
Documents are then stored whole or not at all, and already stored ones (same
content hash) are skipped, so an interrupted import is finished by running it
again. Into a store that holds other documents, the dump's documents are added
as 'kgx ingest' would add them (one with the same path replaces the old one);
the dump's curation records are appended unless the store's log already
holds them, and a store whose curation log differs from the dump's is
refused.

'kgx alias import FILE.csv' is another command: it adds aliases from a CSV
table.` + exitStatusHelp,
		Example: `  kgx --db old.db export --format jsonl --out backup.jsonl
  kgx --db new.db import backup.jsonl
  kgx --db new.db check`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runImport(cmd.Context(), g, args[0]) },
	}
}

func runImport(ctx context.Context, g *globalOptions, path string) error {
	r, closeFn, err := openPath(path, g.Stdin)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	dump, err := render.ReadJSONL(r)
	closeFn()
	if err == nil {
		err = validateDump(dump)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	dump.Graph = nil // checked; the facts and curations are what is stored

	db, err := store.Open(g.DB, g.storeOptions(store.Options{MemTableSize: ingestMemTable}))
	if err != nil {
		return err
	}
	defer db.Close()
	have, err := db.Curations()
	if err != nil {
		return err
	}
	newCur, err := curationsToAdd(have, dump.Curations)
	if err != nil {
		return fmt.Errorf("import %s into %s: %w", path, g.DB, err)
	}
	added, skipped := 0, 0
	for fs := range slices.Chunk(dump.Facts, importBatch) {
		if err := ctx.Err(); err != nil {
			return err
		}
		ok, err := db.PutBatch(fs)
		if err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
		for _, a := range ok {
			if a {
				added++
			} else {
				skipped++
			}
		}
	}
	if len(newCur) > 0 {
		if err := db.AddCuration(newCur...); err != nil {
			return err
		}
	}
	if _, err := db.ReindexIfStale(); err != nil {
		return err
	}
	fmt.Fprintf(g.Stderr, "imported %d documents (%d already stored), %d curation records (%d already recorded) from %s into %s\n",
		added, skipped, len(newCur), len(dump.Curations)-len(newCur), clean(path), clean(g.DB))
	return nil
}

// validateDump checks everything the store would refuse, and the dump's
// consistency, before anything is written.
func validateDump(d *render.Dump) error {
	for _, c := range d.Curations {
		if err := c.Validate(); err != nil {
			return err
		}
	}
	for _, f := range d.Facts {
		if err := store.ValidateFacts(f); err != nil {
			return err
		}
	}
	return d.Verify()
}

// curationsToAdd returns the dump's curation records the store lacks:
// the rest of the dump's log when the store's log begins it (all of it
// for a store without curation), none when the dump's log begins the
// store's (a dump without curation, or an earlier backup of this store).
// Appending to any other log would change what both logs mean, so it is
// an error.
func curationsToAdd(have, dump []graph.Curation) ([]graph.Curation, error) {
	switch {
	case len(have) <= len(dump) && slices.Equal(have, dump[:len(have)]):
		return dump[len(have):], nil
	case len(dump) <= len(have) && slices.Equal(dump, have[:len(dump)]):
		return nil, nil
	}
	return nil, fmt.Errorf("the store's %d curation records and the dump's %d differ (neither log begins the other); import into an empty store, or record the decisions with kgx alias/merge/... (see 'kgx curation')", len(have), len(dump))
}
