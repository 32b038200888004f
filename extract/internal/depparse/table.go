package depparse

import (
	"fmt"

	"github.com/kgx-project/kgx/extract/internal/perceptron"
)

// Classes of the perceptron: the four moves, then the labels of left arcs,
// then the labels of right arcs (4 + 2L in all). Moves are scored at every
// transition; labels only once per arc, for the arc's direction.

// table is the inference layout of the perceptron model: an
// open-addressing hash table of 16-byte slots (four to a cache line), each
// holding a 32-bit fingerprint of the key, the four move weights inline,
// and the place of the feature's label weights in one packed array, so
// scoring a move costs one cache miss per feature. Scores are int32 sums
// of quantised weights, which keeps argmax exact.
//
// Keys are matched by fingerprint after the slot hash, as in package
// perceptron: an unknown feature borrows a stored one's weights with
// probability about 2^-32 per probe, never in practice, and always the
// same way. newTable refuses a model in which two stored features would
// be confused.
type table struct {
	mask  uint64
	slots []slot
	w     []uint32 // label<<16 | uint16(weight); per slot left labels then right labels
}

type slot struct {
	fp   uint32 // fingerprint of the key; 0 marks an empty slot
	rows uint32 // the label rows: start in w << 12 | left count << 6 | right count
	mv   [numMoves]int16
}

const (
	maxLabels = 1<<6 - 1  // per direction, in slot.rows
	maxW      = 1<<20 - 1 // label weights, in slot.rows
)

func slotOf(k uint64) uint64 { return k ^ k>>31 }

// fingerprint is the part of key k a slot keeps (never 0).
func fingerprint(k uint64) uint32 {
	if fp := uint32(k >> 32); fp != 0 {
		return fp
	}
	return 1
}

// labelRow returns the start in table.w and the length of the label
// weights for arcs in direction dir of a slot with the given rows.
func labelRow(rows uint32, dir int) (lo, n uint32) {
	lo, nl := rows>>12, rows>>6&maxLabels
	if dir == right {
		return lo + nl, rows & maxLabels
	}
	return lo, nl
}

func newTable(m *perceptron.Model, L int) (*table, error) {
	if L > maxLabels {
		return nil, fmt.Errorf("depparse: %d labels, at most %d supported", L, maxLabels)
	}
	size := 1
	for size*7 < m.Features()*10 {
		size <<= 1
	}
	t := &table{mask: uint64(size - 1), w: make([]uint32, 0, m.Weights())}
	t.slots = newSlots(t, size)
	var clash uint64
	m.Rows(func(key uint64, cls []uint16, w []int16) {
		fp := fingerprint(key)
		i := slotOf(key) & t.mask
		for t.slots[i].fp != 0 {
			if t.slots[i].fp == fp && clash == 0 {
				clash = key
			}
			i = (i + 1) & t.mask
		}
		s := slot{fp: fp}
		off, nl, nr := uint32(len(t.w)), uint32(0), uint32(0)
		for j, c := range cls { // classes are sorted: moves, left labels, right labels
			switch {
			case int(c) < numMoves:
				s.mv[c] = w[j]
			case int(c) < numMoves+L:
				t.w = append(t.w, uint32(int(c)-numMoves)<<16|uint32(uint16(w[j])))
				nl++
			default:
				t.w = append(t.w, uint32(int(c)-numMoves-L)<<16|uint32(uint16(w[j])))
				nr++
			}
		}
		s.rows = off<<12 | nl<<6 | nr
		t.slots[i] = s
	})
	if len(t.w) > maxW {
		return nil, fmt.Errorf("depparse: %d label weights, at most %d supported", len(t.w), maxW)
	}
	if clash != 0 {
		return nil, fmt.Errorf("depparse: feature %#x shares a slot fingerprint with another", clash)
	}
	return t, nil
}

// scoreMoves adds the move weights of feats to mv and records in rows,
// for scoreLabels, the label rows of each feature (slot.rows, 0 if the
// model lacks the feature). It does not allocate.
//
// The table is far larger than the CPU caches, so nearly every probe is a
// miss to memory. The first pass loads each feature's home slot key with
// no branch between the loads, so the misses overlap instead of queueing
// behind one another; the second pass finds the features in lines now in
// cache.
func (t *table) scoreMoves(feats *[numFeatures]uint64, mv *[numMoves]int32, rows *[numFeatures]uint32) {
	var fps [numFeatures]uint32
	for j, f := range feats {
		fps[j] = t.slots[slotOf(f)&t.mask].fp
	}
	for j, f := range feats {
		rows[j] = 0
		got := fps[j]
		if got == 0 {
			continue
		}
		fp := fingerprint(f)
		i := slotOf(f) & t.mask
		for got != fp {
			i = (i + 1) & t.mask
			got = t.slots[i].fp
			if got == 0 {
				break
			}
		}
		if got != fp {
			continue
		}
		s := &t.slots[i]
		mv[0] += int32(s.mv[0])
		mv[1] += int32(s.mv[1])
		mv[2] += int32(s.mv[2])
		mv[3] += int32(s.mv[3])
		rows[j] = s.rows
	}
}

// scoreLabels adds the label weights for arcs in direction dir (left or
// right) of the features whose label rows scoreMoves found (rows) to
// scores, which has one element per label. Like scoreMoves, it first
// touches each row, so that the rows' cache misses overlap.
func (t *table) scoreLabels(rows *[numFeatures]uint32, dir int, scores []int32) {
	var spans [numFeatures]uint32 // each feature's row: start<<8 | length, 0 for none
	var first [numFeatures]uint32 // the row's first weight
	for j, r := range rows {
		if r == 0 {
			continue
		}
		if lo, n := labelRow(r, dir); n > 0 {
			first[j] = t.w[lo]
			spans[j] = lo<<8 | n
		}
	}
	for j, sp := range spans {
		if sp == 0 {
			continue
		}
		v := first[j]
		scores[v>>16] += int32(int16(uint16(v)))
		lo := sp >> 8
		for _, v := range t.w[lo+1 : lo+sp&0xff] {
			scores[v>>16] += int32(int16(uint16(v)))
		}
	}
}
