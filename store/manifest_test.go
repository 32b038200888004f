package store

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

func TestManifestChunks(t *testing.T) {
	long := func(n, size int) [][]byte {
		var ks [][]byte
		for i := range n {
			ks = append(ks, append([]byte(fmt.Sprintf("e%08d", i)), bytes.Repeat([]byte{'x'}, size)...))
		}
		return ks
	}
	tests := []struct {
		name   string
		keys   [][]byte
		chunks int
	}{
		{"None", nil, 0},
		{"One", [][]byte{entityDocKey(1, "d")}, 1},
		{"Several", [][]byte{entityDocKey(1, "d"), coDocKey(1, 2, "d"), relDocKey(1, 2, "met", "d")}, 1},
		{"FillsOne", long(manifestChunk/200, 190), 1},
		{"Spills", long(3*manifestChunk/100, 100), 4},
		{"LongKey", long(2, manifestChunk), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks := manifestChunks(tt.keys)
			if len(chunks) != tt.chunks {
				t.Fatalf("%d chunks, want %d", len(chunks), tt.chunks)
			}
			var got [][]byte
			for _, c := range chunks {
				if len(c) > manifestChunk && len(c) > len(tt.keys[0])+binaryMaxVarint+1 {
					t.Errorf("chunk of %d bytes", len(c))
				}
				if err := eachManifestEntry(c, func(ck []byte) error {
					got = append(got, bytes.Clone(ck))
					return nil
				}); err != nil {
					t.Fatal(err)
				}
			}
			if !slices.EqualFunc(got, tt.keys, bytes.Equal) {
				t.Fatalf("entries differ: %d, want %d", len(got), len(tt.keys))
			}
		})
	}
}

const binaryMaxVarint = 10

func TestEachManifestEntryErrors(t *testing.T) {
	for _, v := range [][]byte{nil, {}, {codecJSON}, {codecManifest, 0}, {codecManifest, 3, 'e'}, {codecManifest, 0x80}, {codecManifest, 0x81, 0, 'e'}} {
		if err := eachManifestEntry(v, func([]byte) error { return nil }); err == nil {
			t.Errorf("%q: no error", v)
		}
	}
}
