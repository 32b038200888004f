package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/ristretto/v2/z"
)

var (
	// ErrNotFound is returned when an entity or document does not exist.
	ErrNotFound = errors.New("not found")
	// ErrLocked is returned when another process has the store open.
	ErrLocked = errors.New("in use by another kgx process")
	// ErrNewerFormat is returned when the store was written by a newer kgx.
	ErrNewerFormat = errors.New("store format is newer than this kgx supports")
	// ErrReadOnly is returned by writes to a store opened read-only.
	ErrReadOnly = errors.New("store is open read-only")
)

// Options configures Open. The zero value opens read-write on disk.
type Options struct {
	// ReadOnly opens the store for queries: several read-only processes
	// may share a store, none while a writer has it. A read-only open that
	// finds an interrupted write (a badger log that needs truncating, an
	// unfinished journal or an old format) repairs it first with a short
	// read-write open, if no other process holds the store.
	ReadOnly bool
	// InMemory keeps everything in memory (for tests); dir is ignored.
	InMemory bool
	// MemTableSize bounds badger's memtable and, through it, the size of
	// one transaction (15% of it). Zero means 8 MiB.
	MemTableSize int64
	// LevelZeroTables is how many level-0 tables (flushed memtables)
	// badger lets pile up before it compacts them into the next level;
	// writes stall at twice as many. Zero means 4. Every document's keys
	// spread over the whole key space, so each level-0 compaction
	// rewrites about the whole next level: bulk writers (ingest, import)
	// set more, so that it happens less often.
	LevelZeroTables int
	// NoSync skips the fsync after each write transaction. Committed
	// documents then survive a killed process but not a power cut.
	NoSync bool
	// Notify, if set, is told of long one-off work before it starts
	// (upgrading a store of an older format), so that a command can say
	// why it waits.
	Notify func(msg string)

	// failAfterCommits, if positive, makes journaled writes fail after
	// that many commits (tests use it to interrupt a write).
	failAfterCommits int
}

// DB is an open store.
type DB struct {
	dir  string
	opts Options
	db   *badger.DB
	mu   sync.Mutex // serialises writers within the process
	// values caches committed merged values for writers (guarded by
	// mu; see mergedCache).
	values *mergedCache
}

// Open opens the store in dir, creating it if needed (unless read-only),
// migrating an older format and finishing any interrupted write.
func Open(dir string, opts Options) (*DB, error) {
	if opts.ReadOnly && !opts.InMemory {
		return openReadOnly(dir, opts)
	}
	s, err := openBadger(dir, opts)
	if err != nil {
		return nil, err
	}
	if err := s.prepare(); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

func badgerOptions(dir string, opts Options) badger.Options {
	mt := opts.MemTableSize
	if mt <= 0 {
		mt = 8 << 20
	}
	l0 := opts.LevelZeroTables
	if l0 <= 0 {
		l0 = 4
	}
	bo := badger.DefaultOptions(dir).
		WithLogger(nil).
		WithMemTableSize(mt).
		WithValueLogFileSize(16 << 20).
		WithValueThreshold(min(1<<20, mt*15/100)).
		WithNumMemtables(2).
		WithNumLevelZeroTables(l0).
		WithNumLevelZeroTablesStall(2 * l0).
		WithBlockCacheSize(16 << 20).
		WithIndexCacheSize(0).
		WithNumVersionsToKeep(1).
		// ZSTD over 16 KiB blocks: the values and the many
		// small index keys compress to about half of what snappy over
		// 4 KiB blocks gives (BENCHMARKS.md, store size). Tables
		// record their compression, so stores written with snappy
		// stay readable.
		WithCompression(options.ZSTD).
		WithZSTDCompressionLevel(1).
		WithBlockSize(16 << 10).
		// A table builder holds a table's blocks uncompressed, and
		// room for each compressed, until the table is written, and
		// badger caps a table by its compressed size: with zstd a deep
		// level's table (2 MiB doubled per level by default) took 60
		// MiB and more per builder, with up to a dozen builders per
		// compaction. Small tables of one size at every level bound
		// that (about 6 MiB per builder); 10,000 articles make about
		// 200 table files.
		WithBaseTableSize(512 << 10).
		WithNumCompactors(2).
		WithSyncWrites(!opts.NoSync).
		WithReadOnly(opts.ReadOnly)
	bo.TableSizeMultiplier = 1
	if opts.InMemory {
		bo = bo.WithDir("").WithValueDir("").WithInMemory(true).WithReadOnly(false)
	}
	return bo
}

func openBadger(dir string, opts Options) (*DB, error) {
	if opts.ReadOnly && !opts.InMemory {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("open store %s: %w", dir, err)
		}
	}
	db, err := badger.Open(badgerOptions(dir, opts))
	if err != nil && !opts.ReadOnly && strings.Contains(err.Error(), "while opening memtables") && strings.Contains(err.Error(), z.NewFile.Error()) {
		// A process killed right after creating a memtable file left it
		// empty. badger sizes it, then fails the open because the file
		// looks new ("Create a new file"); opened again, it is an empty
		// memtable like any other.
		db, err = badger.Open(badgerOptions(dir, opts))
	}
	if err != nil {
		return nil, openError(dir, err)
	}
	return &DB{dir: dir, opts: opts, db: db}, nil
}

func openError(dir string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "Cannot acquire directory lock") {
		return fmt.Errorf("store %s is %w", dir, ErrLocked)
	}
	return fmt.Errorf("open store %s: %w", dir, err)
}

func needsTruncate(err error) bool {
	// "error while truncation": a process killed right after creating a
	// memtable file left it empty, and a read-only open cannot size it
	return errors.Is(err, badger.ErrTruncateNeeded) || strings.Contains(err.Error(), "Log truncate required") ||
		strings.Contains(err.Error(), "error while truncation")
}

// openReadOnly opens dir read-only, first repairing it with a read-write
// open if a crash left work behind.
func openReadOnly(dir string, opts Options) (*DB, error) {
	s, err := openBadger(dir, opts)
	if err != nil && !needsTruncate(err) {
		return nil, err
	}
	if err == nil {
		dirty, err := s.needsRepair()
		if err == nil && !dirty {
			return s, nil
		}
		s.db.Close()
		if err != nil {
			return nil, err
		}
	}
	rw := opts
	rw.ReadOnly = false
	w, err := Open(dir, rw)
	if err != nil {
		return nil, fmt.Errorf("repair after an interrupted write: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return openBadger(dir, opts)
}

// needsRepair reports whether the store has an older format or an
// unfinished journal, which a read-write open would fix.
func (s *DB) needsRepair() (bool, error) {
	v, err := s.version()
	if err != nil {
		return false, err
	}
	if v > FormatVersion {
		return false, s.newerError(v)
	}
	if v != 0 && v < FormatVersion {
		return true, nil
	}
	var dirty bool
	err = s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pJournal}})
		defer it.Close()
		it.Rewind()
		dirty = it.Valid()
		return nil
	})
	return dirty, err
}

func (s *DB) newerError(v uint64) error {
	return fmt.Errorf("store %s has format version %d but this kgx reads up to version %d; upgrade kgx: %w",
		s.dir, v, FormatVersion, ErrNewerFormat)
}

// version returns the stored format version, 0 if none is stored.
func (s *DB) version() (uint64, error) {
	var v uint64
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(versionKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error {
			x, n := binary.Uvarint(b)
			if n <= 0 {
				return fmt.Errorf("%w: format version %x", ErrCorrupt, b)
			}
			v = x
			return nil
		})
	})
	if err != nil {
		return 0, fmt.Errorf("read format version of %s: %w", s.dir, err)
	}
	return v, nil
}

func (s *DB) empty() (bool, error) {
	empty := true
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		it.Rewind()
		empty = !it.Valid()
		return nil
	})
	return empty, err
}

// prepare runs on every read-write open: it stamps a new store, refuses a
// newer one, migrates an older one and finishes interrupted writes.
func (s *DB) prepare() error {
	v, err := s.version()
	if err != nil {
		return err
	}
	hadView := false
	switch {
	case v > FormatVersion:
		return s.newerError(v)
	case v == 0:
		empty, err := s.empty()
		if err != nil {
			return err
		}
		if !empty {
			return fmt.Errorf("open store %s: %w: data without a format version (not a kgx store?)", s.dir, ErrCorrupt)
		}
		if err := s.stampVersion(FormatVersion); err != nil {
			return fmt.Errorf("open store %s: write format version: %w", s.dir, err)
		}
	case v < FormatVersion:
		if hadView, err = s.hasView(); err != nil {
			return err
		}
		if s.opts.Notify != nil {
			s.opts.Notify(fmt.Sprintf("upgrading store %s from format %d to %d (once; a few minutes for a large store)", s.dir, v, FormatVersion))
		}
		if err := s.migrate(v); err != nil {
			return fmt.Errorf("migrate store %s from format %d to %d: %w", s.dir, v, FormatVersion, err)
		}
	}
	if err := s.recover(); err != nil {
		return fmt.Errorf("open store %s: finish interrupted write: %w", s.dir, err)
	}
	if hadView {
		// Migration dropped the resolved view; rebuild it so that
		// queries need not resolve in memory until the next ingest.
		if _, err := s.ReindexIfStale(); err != nil {
			return fmt.Errorf("migrate store %s: %w", s.dir, err)
		}
	}
	return nil
}

// hasView reports whether the store has a resolved view's stamp.
func (s *DB) hasView() (bool, error) {
	ok := false
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(resolvedStampKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		ok = err == nil
		return err
	})
	return ok, err
}

// Close closes the store.
func (s *DB) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.dir, err)
	}
	return nil
}

// Dir returns the directory the store was opened from.
func (s *DB) Dir() string { return s.dir }

// IsStore reports whether dir holds a badger store (its MANIFEST file).
func IsStore(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "MANIFEST"))
	return err == nil
}
