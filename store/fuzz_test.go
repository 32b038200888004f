package store

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Fuzz tests for the value decoders: whatever the bytes, decoding must not
// panic, and a value that decodes must encode and decode to itself.

func seedValues(f *testing.F, pick func(*DB) [][]byte) {
	s := MustOpen(f)
	mustPut(f, s, synthFacts(13, 4)...)
	for _, v := range pick(s) {
		f.Add(v)
		// The same value in JSON, as stores before format 5 hold it.
		var x any
		switch v[0] {
		case codecEntity:
			x = &mergedEntity{}
		case codecRelation:
			x = &mergedRelation{}
		default:
			continue
		}
		if err := decode(v, x); err != nil {
			f.Fatal(err)
		}
		j, err := encodeJSON(x)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(j)
	}
	f.Add([]byte{codecRelation})
	f.Add([]byte{codecEntity, 0})
	f.Add([]byte{})
	f.Add([]byte{codecVersion})
	f.Add([]byte{codecVersion, '{', '}'})
	f.Add([]byte{2, '{', '}'})
	f.Add([]byte("\x01{\"id\":1,\"key\":\"x\"} trailing"))
}

func values(s *DB, prefix byte) [][]byte {
	var out [][]byte
	txn := s.db.NewTransaction(false)
	defer txn.Discard()
	scan(txn, []byte{prefix}, func(_, v []byte) error {
		if len(out) < 8 {
			out = append(out, bytes.Clone(v))
		}
		return nil
	})
	return out
}

func roundTrip[T any](t *testing.T, data []byte, dec func([]byte) (T, error)) {
	v, err := dec(data)
	if err != nil {
		return
	}
	b, err := encode(v)
	if err != nil {
		t.Fatalf("decoded %+v but cannot encode it: %v", v, err)
	}
	w, err := dec(b)
	if err != nil {
		t.Fatalf("re-encoded %q does not decode: %v", b, err)
	}
	if !reflect.DeepEqual(v, w) {
		t.Fatalf("round trip changed the value:\n%+v\n%+v", v, w)
	}
	b2, _ := encode(w)
	if !bytes.Equal(b, b2) {
		t.Fatalf("encoding is not stable: %q vs %q", b, b2)
	}
}

func FuzzDecodeEntity(f *testing.F) {
	seedValues(f, func(s *DB) [][]byte { return append(values(s, pEntity), values(s, pEntityDoc)...) })
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, data, DecodeEntity) })
}

func FuzzDecodeRelation(f *testing.F) {
	seedValues(f, func(s *DB) [][]byte { return append(values(s, pRelation), values(s, pCo)...) })
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, data, DecodeRelation) })
}

func FuzzDecodeSentence(f *testing.F) {
	seedValues(f, func(s *DB) [][]byte { return values(s, pSentence) })
	f.Add([]byte("\x01{\"end\":3,\"text\":\"\"}"))
	f.Add([]byte("\x01{\"end\":-1,\"text\":\"x\"}"))
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, data, DecodeSentence) })
}

func FuzzDecodeDoc(f *testing.F) {
	seedValues(f, func(s *DB) [][]byte { return values(s, pDoc) })
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, data, DecodeDoc) })
}

// FuzzParseKey checks that key parsers never panic and that a parsed key
// re-encodes to the same bytes.
func FuzzParseKey(f *testing.F) {
	f.Add(entityDocKey(42, "doc"))
	f.Add(relDocKey(1, 2, "met", "doc"))
	f.Add(coDocKey(1, 2, "d"))
	f.Add(entityKey(7))
	f.Add(relationKey(1, 2, "visited"))
	f.Add(coKey(3, 4))
	f.Add(sentenceKey("doc", 12))
	f.Add(postingKey("word", "doc", 12))
	f.Add([]byte("r\x00"))
	f.Fuzz(func(t *testing.T, k []byte) {
		if c, err := parseContribution(k); err == nil {
			if got := c.key(); !bytes.Equal(got, k) {
				t.Fatalf("contribution %q re-encodes as %q", k, got)
			}
		}
		if tg, err := parseTarget(k); err == nil {
			if got := tg.key(); !bytes.Equal(got, k) {
				t.Fatalf("target %q re-encodes as %q", k, got)
			}
		}
		_ = printable(k)
	})
}

var writeSeeds = flag.Bool("write-seeds", false, "write the fuzz seed corpora under testdata/fuzz from a synthetic store")

// TestWriteSeeds writes real encoded values as committed seed corpora
// (go test ./store -run TestWriteSeeds -write-seeds).
func TestWriteSeeds(t *testing.T) {
	if !*writeSeeds {
		t.Skip("run with -write-seeds")
	}
	s := MustOpen(t)
	mustPut(t, s, synthFacts(13, 4)...)
	for target, prefixes := range map[string][]byte{
		"FuzzDecodeEntity":   {pEntity, pEntityDoc},
		"FuzzDecodeRelation": {pRelation, pCo, pRelDoc},
		"FuzzDecodeDoc":      {pDoc},
		"FuzzDecodeSentence": {pSentence},
	} {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, p := range prefixes {
			for i, v := range values(s, p) {
				if i >= 3 {
					break
				}
				body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", v)
				kind := map[byte]string{pEntity: "merged-entity", pEntityDoc: "doc-entity", pRelation: "merged-relation",
					pCo: "merged-co", pRelDoc: "doc-relation", pDoc: "doc", pSentence: "sentence"}[p]
				name := filepath.Join(dir, fmt.Sprintf("seed-%s-%d", kind, i))
				if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// FuzzManifestChunk checks that a manifest chunk parser never panics and
// that the entries of a chunk it accepts pack again into the same bytes.
func FuzzManifestChunk(f *testing.F) {
	seedValues(f, func(s *DB) [][]byte { return values(s, pManifest) })
	f.Add([]byte{codecManifest})
	f.Add([]byte{codecManifest, 0})
	f.Add([]byte{codecManifest, 200})
	f.Fuzz(func(t *testing.T, v []byte) {
		var entries [][]byte
		if err := eachManifestEntry(v, func(ck []byte) error {
			entries = append(entries, bytes.Clone(ck))
			return nil
		}); err != nil {
			return
		}
		var got []byte
		if chunks := manifestChunks(entries); len(chunks) > 0 {
			got = bytes.Join(chunks, nil)
		}
		if len(entries) == 0 {
			got = []byte{codecManifest} // an empty chunk, which setManifest never writes
		}
		if len(manifestChunks(entries)) <= 1 && !bytes.Equal(got, v) {
			t.Fatalf("chunk %q packs again as %q", v, got)
		}
	})
}
