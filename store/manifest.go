package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// A document's manifest lists the keys of its contributions, so that
// removing the document, or rolling back a write a crash interrupted,
// finds them. Since format 6 it is packed into a few values ("chunks")
// instead of one empty-valued key per contribution: a third of a large
// store's keys were manifest entries, and every key costs badger a
// skiplist insertion, a log record and its share of every compaction.
//
//	'm' doc 0x00 n (4 bytes BE) -> codecManifest, then per entry:
//	                               uvarint length, contribution key
//
// Chunks hold up to manifestChunk bytes each and are numbered from 0. A
// document's whole manifest is written before any of its contributions,
// so a transaction that commits a contribution never precedes the one
// that commits its entry; a journaled write may commit the chunks
// several transactions before the contributions.
const manifestChunk = 32 << 10

// codecManifest is the version byte of a manifest chunk.
const codecManifest = 4

func manifestKey(doc string, n uint32) []byte {
	return binary.BigEndian.AppendUint32(manifestPrefix(doc), n)
}

// setManifest writes the manifest of doc listing keys (contribution
// keys), in chunks.
func setManifest(b *batch, doc string, keys [][]byte) error {
	for n, chunk := range manifestChunks(keys) {
		if err := b.set(manifestKey(doc, uint32(n)), chunk); err != nil {
			return err
		}
	}
	return nil
}

// inKeyOrder returns a sorted copy of keys: a manifest lists its keys in
// key order, so that the same contributions give the same bytes however
// they were written (Check's repair and migration rebuild manifests).
func inKeyOrder(keys [][]byte) [][]byte {
	out := slices.Clone(keys)
	slices.SortFunc(out, bytes.Compare)
	return out
}

// manifestChunks packs keys into chunk values; no keys give no chunk.
func manifestChunks(keys [][]byte) [][]byte {
	var out [][]byte
	var cur []byte
	for _, k := range keys {
		if cur != nil && len(cur)+binary.MaxVarintLen32+len(k) > manifestChunk {
			out = append(out, cur)
			cur = nil
		}
		if cur == nil {
			cur = append(make([]byte, 0, min(manifestChunk, 256+len(keys)*48)), codecManifest)
		}
		cur = binary.AppendUvarint(cur, uint64(len(k)))
		cur = append(cur, k...)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

var errManifest = errors.New("malformed manifest chunk")

// eachManifestEntry calls fn with each contribution key listed in chunk
// v, which fn may keep only by copying.
func eachManifestEntry(v []byte, fn func(ck []byte) error) error {
	if len(v) == 0 || v[0] != codecManifest {
		return errManifest
	}
	for v = v[1:]; len(v) > 0; {
		n, w := binary.Uvarint(v)
		// w > 1 with a last byte 0 is an overlong length.
		if w <= 0 || w > 1 && v[w-1] == 0 || n == 0 || n > uint64(len(v)-w) {
			return errManifest
		}
		if err := fn(v[w : w+int(n)]); err != nil {
			return err
		}
		v = v[w+int(n):]
	}
	return nil
}

// readManifest returns the keys of doc's manifest chunks and the
// contribution keys they list, in order.
func readManifest(txn *badger.Txn, doc string) (chunks, entries [][]byte, err error) {
	mp := manifestPrefix(doc)
	err = scan(txn, mp, func(k, v []byte) error {
		if len(k) != len(mp)+4 {
			return fmt.Errorf("%s: %w", printable(k), errManifest)
		}
		chunks = append(chunks, bytes.Clone(k))
		if err := eachManifestEntry(v, func(ck []byte) error {
			entries = append(entries, bytes.Clone(ck))
			return nil
		}); err != nil {
			return fmt.Errorf("%s: %w", printable(k), err)
		}
		return nil
	})
	return chunks, entries, err
}
