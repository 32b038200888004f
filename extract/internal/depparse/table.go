package depparse

import "github.com/kgx-project/kgx/extract/internal/perceptron"

// Classes of the perceptron: the four moves, then the labels of left arcs,
// then the labels of right arcs (4 + 2L in all). Moves are scored at every
// transition; labels only once per arc, for the arc's direction.

// table is the inference layout of the perceptron model: an
// open-addressing hash table whose slots hold the key, the four move
// weights inline, and the position of the feature's label weights in one
// packed array, so scoring a move costs one cache miss per feature.
// Scores are int32 sums of quantised weights, which keeps argmax exact.
type table struct {
	mask  uint64
	slots []slot
	w     []uint32 // label<<16 | uint16(weight); per slot left labels then right labels
}

type slot struct {
	key    uint64
	mv     [numMoves]int16
	off    uint32
	nl, nr uint16
}

func slotOf(k uint64) uint64 { return k ^ k>>31 }

func newTable(m *perceptron.Model, L int) *table {
	size := 1
	for size*7 < m.Features()*10 {
		size <<= 1
	}
	t := &table{mask: uint64(size - 1), w: make([]uint32, 0, m.Weights())}
	t.slots = newSlots(t, size)
	m.Rows(func(key uint64, cls []uint16, w []int16) {
		if key == 0 {
			return // key 0 marks empty slots; a feature hashing to 0 is dropped
		}
		i := slotOf(key) & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		s := slot{key: key, off: uint32(len(t.w))}
		for j, c := range cls { // classes are sorted: moves, left labels, right labels
			switch {
			case int(c) < numMoves:
				s.mv[c] = w[j]
			case int(c) < numMoves+L:
				t.w = append(t.w, uint32(int(c)-numMoves)<<16|uint32(uint16(w[j])))
				s.nl++
			default:
				t.w = append(t.w, uint32(int(c)-numMoves-L)<<16|uint32(uint16(w[j])))
				s.nr++
			}
		}
		t.slots[i] = s
	})
	return t
}

// scoreMoves adds the move weights of feats to mv and records in hits,
// for each feature, the slot that holds it (-1 if the model lacks it), for
// scoreLabels. It does not allocate.
//
// The table is far larger than the CPU caches, so nearly every probe is a
// miss to memory. The first pass loads each feature's home slot key with
// no branch between the loads, so the misses overlap instead of queueing
// behind one another; the second pass finds the features in lines now in
// cache.
func (t *table) scoreMoves(feats *[numFeatures]uint64, mv *[numMoves]int32, hits *[numFeatures]int32) {
	var keys [numFeatures]uint64
	for j, f := range feats {
		keys[j] = t.slots[slotOf(f)&t.mask].key
	}
	for j, f := range feats {
		hits[j] = -1
		k := keys[j]
		if k == 0 {
			continue
		}
		i := slotOf(f) & t.mask
		for k != f {
			i = (i + 1) & t.mask
			k = t.slots[i].key
			if k == 0 {
				break
			}
		}
		if k != f {
			continue
		}
		s := &t.slots[i]
		mv[0] += int32(s.mv[0])
		mv[1] += int32(s.mv[1])
		mv[2] += int32(s.mv[2])
		mv[3] += int32(s.mv[3])
		hits[j] = int32(i)
	}
}

// scoreLabels adds the label weights of the features found by scoreMoves
// (hits) for arcs in direction dir (left or right) to scores, which has
// one element per label. Like scoreMoves, it first touches each row, so
// that the rows' cache misses overlap.
func (t *table) scoreLabels(hits *[numFeatures]int32, dir int, scores []int32) {
	var rows [numFeatures]uint32  // each hit's row: start<<8 | length, 0 for none
	var first [numFeatures]uint32 // the row's first weight
	for j, i := range hits {
		if i < 0 {
			continue
		}
		s := &t.slots[i]
		lo, n := s.off, uint32(s.nl)
		if dir == right {
			lo, n = lo+n, uint32(s.nr)
		}
		if n > 0 {
			first[j] = t.w[lo]
			rows[j] = lo<<8 | n
		}
	}
	for j, r := range rows {
		if r == 0 {
			continue
		}
		v := first[j]
		scores[v>>16] += int32(int16(uint16(v)))
		lo := r >> 8
		for _, v := range t.w[lo+1 : lo+r&0xff] {
			scores[v>>16] += int32(int16(uint16(v)))
		}
	}
}
