package main

import (
	"context"
	"fmt"
	"io"
	"os"
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
document's facts (one facts record per document), the curation records, and
that the dump's entities and relations are what its facts and curations
resolve to. A bad line is reported as FILE: ... line N. Documents are then
stored whole or not at all, and already stored ones (same content hash) are
skipped, so an interrupted import is finished by running it again. Into a
store that holds other documents, the dump's documents are added as 'kgx
ingest' would add them (one with the same path replaces the old one); the
dump's curation records are appended unless the store's log already holds
them, and a store whose curation log differs from the dump's is refused.

The check does not hold the dump: it keeps what resolving the facts needs
(with a digest in place of each evidence sentence) and a digest of each
record, and the facts are read from the file again to be stored. Standard
input, or a pipe, cannot be read twice: it is first copied to a temporary
file (in $TMPDIR, removed at the end), which takes as much disk as the dump.

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
	f, done, err := openDump(path, g.Stdin)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer done()
	dump, err := render.CheckJSONL(ctx, f, store.ValidateFacts)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}

	db, err := store.Open(g.DB, g.storeOptions(store.Options{MemTableSize: ingestMemTable, LevelZeroTables: ingestLevelZero}))
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
	err = dump.EachFacts(ctx, importBatch, func(fs []*graph.Facts) error {
		ok, err := db.PutBatch(fs)
		for _, a := range ok {
			if a {
				added++
			} else {
				skipped++
			}
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
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

// openDump opens the dump at path for CheckJSONL, which reads it twice:
// a regular file as it is; standard input (-) or anything else that
// cannot be read twice (a pipe) is first copied to a temporary file,
// removed by done.
func openDump(path string, stdin io.Reader) (f *os.File, done func(), err error) {
	var src io.Reader = stdin
	name := "standard input"
	if path != "-" {
		name = path
		if f, err = os.Open(path); err != nil {
			return nil, nil, err
		}
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return f, func() { f.Close() }, nil
		}
		defer f.Close()
		src = f
	}
	tmp, err := os.CreateTemp("", "kgx-import-*.jsonl")
	if err != nil {
		return nil, nil, fmt.Errorf("copy %s to a temporary file: %w", name, err)
	}
	done = func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}
	if _, err := io.Copy(tmp, src); err != nil {
		done()
		return nil, nil, fmt.Errorf("copy %s to %s: %w", name, tmp.Name(), err)
	}
	return tmp, done, nil
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
