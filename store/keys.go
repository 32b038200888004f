package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"strings"
)

// FormatVersion is the on-disk format this package reads and writes. It is
// stored under the key 'V' as a uvarint. Open refuses a store with a
// higher version and migrates one with a lower version (see migrate.go).
//
//	1  the first layout: merged values plus 'F' doc -> whole graph.Facts.
//	2  per-document contributions, manifests, journal, reverse index.
//	3  evidence sentences stored once per document ('S') and referenced
//	   by offsets from relations and co-mentions; the sentence search
//	   index ('X') kept per document instead of in the resolved view.
//	4  merged values ('E', 'R', 'C') carry the id of their first
//	   document ("first_doc"), so that adding a document needs no scan of
//	   the value's contributions (see merge.go).
//	5  entities, relations and co-mentions ('e', 'E', 'r', 'R', 'c', 'C'
//	   and the resolved view's) are encoded in binary (bincodec.go), not
//	   JSON.
//	6  a document's manifest packed into a few values (manifest.go)
//	   instead of one key per contribution.
const FormatVersion = 6

// Key layout, format version 6.
//
// Every key starts with a one-byte prefix. Entity ids are 8 bytes big
// endian, so ids sort numerically; doc ids and labels are raw bytes.
// Values start with a one-byte codec version (see codec.go) followed by
// JSON, or for entities, relations and co-mentions by their binary encoding
// (bincodec.go); keys marked "-> nothing" have empty values.
//
// Documents and their bookkeeping:
//
//	'V'                          -> format version (uvarint)
//	'D' doc                      -> graph.Doc
//	'H' hash                     -> doc id (content hash index; a hash is stored at most once)
//	'P' path 0x00 doc            -> nothing (which documents came from a path)
//	'Q' doc                      -> journal state byte, present only while a
//	                                document is being written or removed in
//	                                several transactions (see below)
//
// Per-document facts ("contributions"): what one document says, exactly as
// graph.FromDocument produced it (relations with the same source, target
// and label within one document are combined into one contribution):
//
//	'e' id doc                   -> graph.Entity   (Mentions = this doc's, Documents = 1)
//	'r' src dst label 0x00 doc   -> graph.Relation (Count = len(Evidence))
//	'c' a b doc                  -> graph.Relation (co-mention, a < b)
//	'm' doc 0x00 n (4 bytes BE)  -> manifest chunk n: keys of the doc's contributions (manifest.go)
//	'S' doc 0x00 start (4 bytes BE) -> sentenceValue (an evidence sentence of the doc)
//	'X' word 0x00 doc 0x00 start (4 BE) -> nothing (search index: the sentence has the word)
//
// Evidence sentences: every distinct evidence sentence of a document
// (by its start offset) is stored once under 'S', and the evidence in
// the relation and co-mention contributions leaves Sentence empty;
// readers fill it in from 'S' (see sentences.go). The resolved view
// (query.go), a cache for queries, keeps the text of its typed relations'
// evidence, so that a query reads one value per relation; co-mentions,
// most of the evidence, are not in it. Evidence whose text cannot be stored that way (another
// document's id, a second, different sentence at the same offset) keeps
// its text inline. A document's 'S' and 'X' keys are written with its
// contributions and removed with them; 'X' keys are derived from the
// 'S' text (SearchWords), so removal finds them without a manifest.
//
// Merged values, derived from the contributions and never edited by hand:
//
//	'E' id                       -> graph.Entity   (merged over documents)
//	'R' src dst label            -> graph.Relation (typed, merged; count and category, no evidence)
//	'I' dst src label            -> nothing (reverse index of 'R', for In)
//	'C' a b                      -> graph.Relation (co-mention, merged; no evidence)
//	'N' folded name 0x00 id      -> nothing (merged names and aliases, folded)
//
// A relation's evidence stays in its contributions and is read from them
// in document order (Graph, Out, In), so that adding a document never
// rewrites a value that grows with the corpus.
//
// Curation (kgx merge, split, alias, rename, ignore; see curation.go):
//
//	'U' seq (8 bytes BE)         -> graph.Curation, in the order recorded
//
// # The merge rule
//
// A merged value is a pure function of the set of contributions of the
// complete documents that support it (merge.go): an entity takes name and
// type from its first document by id, adds up counts, widens dates, and
// unions roles and aliases (sorted, each alias with its smallest rule); a
// relation adds up counts and takes its category from its first document.
// Merged values are therefore independent of ingest order. Adding a
// document that does not sort first for a value updates it in O(1), and
// so does one that does for a relation, or for an entity it names with
// the same key and name (merge.go); otherwise, and on every removal, the
// value is folded again from all its contributions (found by prefix).
// Writers cache the merged values they wrote (mergedcache.go). Removing a document is "delete its
// contributions (found through its manifest), recompute the merged values
// it touched". recompute (write.go) is the only writer of 'E', 'R', 'I',
// 'C' and 'N'; Check folds everything again and compares byte for byte,
// and Check with repair rewrites whatever differs.
//
// Entity resolution across documents (graph.Resolve) runs over the
// contributions (ResolvedGraph rebuilds each document's facts from them)
// and the curation log, so curation survives re-ingest: re-ingesting a
// document rewrites only its contributions. The merged values above are
// the unresolved, by-key view that single-entity queries, Lookup and
// Check use; RecomputeAll rebuilds them.
//
// # Transactions and the journal
//
// A document normally goes in with one badger transaction: sentences and
// their postings, contributions, manifest, recomputed merged values, 'D',
// 'H' and 'P' together. When that is too big for one transaction
// (badger.ErrTxnTooBig), Put switches to a journaled write: 'Q' doc =
// staging (with the document record), the manifest, the sentences (each
// before its postings) and the contributions in as many transactions as
// needed, then 'Q' doc = merging, merged
// values recomputed in batches, then 'D', 'H', 'P' written and 'Q'
// deleted. A read-write Open finishes any journal it finds: staging
// documents are rolled back (their keys deleted through the manifest and
// the 'S' doc prefix), merging documents
// rolled forward (every value they touch folded again, which is
// idempotent), removing documents removed. Documents under 'Q' in state
// staging or removing never count in a merge. Remove uses the same
// journal (state removing) when one transaction is not enough. A
// read-only Open that finds a journal, an older format or a badger log
// that needs truncating repairs the store with a short read-write open
// first.
const (
	pVersion   = 'V'
	pDoc       = 'D'
	pHash      = 'H'
	pPath      = 'P'
	pJournal   = 'Q'
	pEntityDoc = 'e'
	pRelDoc    = 'r'
	pCoDoc     = 'c'
	pManifest  = 'm'
	pEntity    = 'E'
	pRelation  = 'R'
	pReverse   = 'I'
	pCo        = 'C'
	pName      = 'N'
	pSentence  = 'S'
	pPosting   = 'X'

	// pFactsV1 is format 1's 'F' doc -> graph.Facts; only migrate reads it.
	pFactsV1 = 'F'
)

// Journal states under 'Q'.
const (
	stateStaging  byte = 's' // contributions partly written: roll back
	stateMerging  byte = 'm' // contributions complete, merged values partly: roll forward
	stateRemoving byte = 'r' // being removed: finish removing
)

func key(prefix byte, parts ...[]byte) []byte {
	n := 1
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 0, n)
	k = append(k, prefix)
	for _, p := range parts {
		k = append(k, p...)
	}
	return k
}

var zero = []byte{0}

func id8(id int64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(id))
	return b[:]
}

func getID(b []byte) int64 { return int64(binary.BigEndian.Uint64(b)) }

func versionKey() []byte              { return []byte{pVersion} }
func docKey(doc string) []byte        { return key(pDoc, []byte(doc)) }
func hashKey(hash string) []byte      { return key(pHash, []byte(hash)) }
func journalKey(doc string) []byte    { return key(pJournal, []byte(doc)) }
func entityKey(id int64) []byte       { return key(pEntity, id8(id)) }
func entityDocPrefix(id int64) []byte { return key(pEntityDoc, id8(id)) }
func coKey(a, b int64) []byte         { return key(pCo, id8(a), id8(b)) }
func coDocPrefix(a, b int64) []byte   { return key(pCoDoc, id8(a), id8(b)) }
func manifestPrefix(doc string) []byte {
	return key(pManifest, []byte(doc), zero)
}
func pathKey(path, doc string) []byte { return key(pPath, []byte(path), zero, []byte(doc)) }
func pathPrefix(path string) []byte   { return key(pPath, []byte(path), zero) }

func entityDocKey(id int64, doc string) []byte { return key(pEntityDoc, id8(id), []byte(doc)) }

func relationKey(src, dst int64, label string) []byte {
	return key(pRelation, id8(src), id8(dst), []byte(label))
}

func reverseKey(src, dst int64, label string) []byte {
	return key(pReverse, id8(dst), id8(src), []byte(label))
}

func relDocPrefix(src, dst int64, label string) []byte {
	return key(pRelDoc, id8(src), id8(dst), []byte(label), zero)
}

func relDocKey(src, dst int64, label, doc string) []byte {
	return append(relDocPrefix(src, dst, label), doc...)
}

func coDocKey(a, b int64, doc string) []byte { return append(coDocPrefix(a, b), doc...) }

func sentencePrefix(doc string) []byte { return key(pSentence, []byte(doc), zero) }

func sentenceKey(doc string, start int) []byte {
	return key(pSentence, []byte(doc), zero, start4(start))
}

func postingKey(word, doc string, start int) []byte {
	return key(pPosting, []byte(word), zero, []byte(doc), zero, start4(start))
}

func start4(start int) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(start))
	return b[:]
}

func nameKey(folded string, id int64) []byte {
	return key(pName, []byte(folded), zero, id8(id))
}

// contribution is a parsed contribution key: what it belongs to and which
// document it came from.
type contribution struct {
	kind     byte // pEntityDoc, pRelDoc or pCoDoc
	src, dst int64
	label    string
	doc      string
}

// target is the merged value a contribution folds into.
type target struct {
	kind     byte // pEntity, pRelation or pCo
	src, dst int64
	label    string
}

func (c contribution) target() target {
	switch c.kind {
	case pEntityDoc:
		return target{kind: pEntity, src: c.src}
	case pRelDoc:
		return target{kind: pRelation, src: c.src, dst: c.dst, label: c.label}
	default:
		return target{kind: pCo, src: c.src, dst: c.dst, label: graphCoMentioned}
	}
}

func (c contribution) key() []byte {
	switch c.kind {
	case pEntityDoc:
		return entityDocKey(c.src, c.doc)
	case pRelDoc:
		return relDocKey(c.src, c.dst, c.label, c.doc)
	default:
		return coDocKey(c.src, c.dst, c.doc)
	}
}

// parseContribution parses an 'e', 'r' or 'c' key.
func parseContribution(k []byte) (contribution, error) {
	if len(k) == 0 {
		return contribution{}, fmt.Errorf("empty contribution key")
	}
	c := contribution{kind: k[0]}
	switch k[0] {
	case pEntityDoc:
		if len(k) < 10 {
			return c, fmt.Errorf("short entity contribution key %q", k)
		}
		c.src, c.doc = getID(k[1:9]), string(k[9:])
	case pRelDoc:
		if len(k) < 18 {
			return c, fmt.Errorf("short relation contribution key %q", k)
		}
		c.src, c.dst = getID(k[1:9]), getID(k[9:17])
		i := bytes.IndexByte(k[17:], 0)
		if i < 0 || 17+i+1 >= len(k) {
			return c, fmt.Errorf("malformed relation contribution key %q", k)
		}
		c.label, c.doc = string(k[17:17+i]), string(k[17+i+1:])
	case pCoDoc:
		if len(k) < 18 {
			return c, fmt.Errorf("short co-mention contribution key %q", k)
		}
		c.src, c.dst, c.doc = getID(k[1:9]), getID(k[9:17]), string(k[17:])
	default:
		return c, fmt.Errorf("not a contribution key %q", k)
	}
	return c, nil
}

// parseTarget parses an 'E', 'R' or 'C' key.
func parseTarget(k []byte) (target, error) {
	if len(k) == 0 {
		return target{}, fmt.Errorf("empty key")
	}
	t := target{kind: k[0]}
	switch k[0] {
	case pEntity:
		if len(k) != 9 {
			return t, fmt.Errorf("malformed entity key %q", k)
		}
		t.src = getID(k[1:])
	case pRelation:
		if len(k) < 18 {
			return t, fmt.Errorf("malformed relation key %q", k)
		}
		t.src, t.dst, t.label = getID(k[1:9]), getID(k[9:17]), string(k[17:])
	case pCo:
		if len(k) != 17 {
			return t, fmt.Errorf("malformed co-mention key %q", k)
		}
		t.src, t.dst, t.label = getID(k[1:9]), getID(k[9:17]), graphCoMentioned
	default:
		return t, fmt.Errorf("not a merged key %q", k)
	}
	return t, nil
}

func (t target) key() []byte {
	switch t.kind {
	case pEntity:
		return entityKey(t.src)
	case pRelation:
		return relationKey(t.src, t.dst, t.label)
	default:
		return coKey(t.src, t.dst)
	}
}

// contribPrefix is the prefix of all contributions folding into t.
func (t target) contribPrefix() []byte {
	switch t.kind {
	case pEntity:
		return entityDocPrefix(t.src)
	case pRelation:
		return relDocPrefix(t.src, t.dst, t.label)
	default:
		return coDocPrefix(t.src, t.dst)
	}
}

func (t target) String() string {
	switch t.kind {
	case pEntity:
		return fmt.Sprintf("entity %d", t.src)
	case pRelation:
		return fmt.Sprintf("relation %d -%s-> %d", t.src, t.label, t.dst)
	default:
		return fmt.Sprintf("co-mention %d -- %d", t.src, t.dst)
	}
}

// compareTargets orders targets as their keys sort (bytes.Compare of
// key()), without building the keys: the kind byte, then the ids, 8 bytes
// big endian each (so unsigned), then a relation's label.
func compareTargets(a, b target) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := cmp.Compare(uint64(a.src), uint64(b.src)); c != 0 || a.kind == pEntity {
		return c
	}
	if c := cmp.Compare(uint64(a.dst), uint64(b.dst)); c != 0 || a.kind != pRelation {
		return c
	}
	return strings.Compare(a.label, b.label)
}
