package store

import (
	"encoding/binary"
)

// Key layout. Every key starts with a one-byte prefix; values are JSON
// (see codec.go) unless noted.
//
//	'V'                      -> format version (uvarint)
//	'D' doc id               -> graph.Doc
//	'H' content hash         -> doc id (raw bytes)
//	'F' doc id               -> graph.Facts of that document
//	'E' id (8 bytes BE)      -> graph.Entity (merged over documents)
//	'R' src dst (8+8) label  -> graph.Relation (typed, merged)
//	'C' a b (8+8)            -> graph.Relation (co-mention, merged)
//	'N' folded name 0x00 id  -> nothing (name and alias index)
const (
	pVersion  = 'V'
	pDoc      = 'D'
	pHash     = 'H'
	pFacts    = 'F'
	pEntity   = 'E'
	pRelation = 'R'
	pCo       = 'C'
	pName     = 'N'
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

func id8(id int64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(id))
	return b[:]
}

func entityKey(id int64) []byte { return key(pEntity, id8(id)) }

func relationKey(src, dst int64, label string) []byte {
	return key(pRelation, id8(src), id8(dst), []byte(label))
}

func coKey(a, b int64) []byte { return key(pCo, id8(a), id8(b)) }

func nameKey(folded string, id int64) []byte {
	return key(pName, []byte(folded), []byte{0}, id8(id))
}
