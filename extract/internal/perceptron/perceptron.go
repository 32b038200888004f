// Package perceptron is kgx's averaged multi-class perceptron: hashed sparse
// features in, class scores out.
//
// Training and inference are different types (the libpostal split). A
// Trainer keeps mutable weights, running totals and last-update stamps; its
// Finalize averages them, prunes the near-zero ones, quantises the rest to
// int16 and returns an immutable Model in compressed sparse rows. A Model is
// safe for concurrent use: Score writes only into the caller's slice.
//
// Features are uint64 hashes made with Hash/Mix (FNV-1a, seedless, stable
// across processes and machines), so model files are portable.
package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash returns the FNV-1a hash of a feature template id followed by s.
// It does not allocate.
func Hash(tmpl uint8, s string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(tmpl)
	h *= fnvPrime
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Mix continues hash h with a separator and s, for conjunction features
// such as (previous tag, word).
func Mix(h uint64, s string) uint64 {
	h ^= 0xff
	h *= fnvPrime
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// MixInt continues hash h with a small integer (a class or tag index).
func MixInt(h uint64, v int) uint64 {
	h ^= 0xfe
	h *= fnvPrime
	for i := 0; i < 4; i++ {
		h ^= uint64(byte(v >> (8 * i)))
		h *= fnvPrime
	}
	return h
}

type cell struct {
	class int32
	w     float32
	total float64
	stamp int64
}

// Trainer accumulates averaged perceptron weights. It is not safe for
// concurrent use.
type Trainer struct {
	classes int
	rows    map[uint64][]cell
	step    int64
}

// NewTrainer returns a trainer for classes classes (0..classes-1).
func NewTrainer(classes int) *Trainer {
	return &Trainer{classes: classes, rows: make(map[uint64][]cell)}
}

// Classes is the number of classes.
func (t *Trainer) Classes() int { return t.classes }

// Score adds the current (not averaged) weights of feats to scores, which
// must have Classes() elements; it does not clear scores first.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		for _, c := range t.rows[f] {
			scores[c.class] += c.w
		}
	}
}

// Tick advances the averaging clock; call it once per training example.
func (t *Trainer) Tick() { t.step++ }

// Update adds delta to the weights of feats for class truth and subtracts it
// for class guess. It does nothing when truth == guess.
func (t *Trainer) Update(feats []uint64, truth, guess int, delta float32) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		t.add(f, truth, delta)
		t.add(f, guess, -delta)
	}
}

// Add adds delta to one feature's weight for one class.
func (t *Trainer) Add(f uint64, class int, delta float32) { t.add(f, class, delta) }

func (t *Trainer) add(f uint64, class int, delta float32) {
	row := t.rows[f]
	for i := range row {
		if row[i].class == int32(class) {
			c := &row[i]
			c.total += float64(t.step-c.stamp) * float64(c.w)
			c.stamp = t.step
			c.w += delta
			return
		}
	}
	t.rows[f] = append(row, cell{class: int32(class), w: delta, stamp: t.step})
}

// Finalize averages the weights and returns an immutable model. Averaged
// weights whose magnitude is below prune are dropped, and features left
// with no weight are removed. The trainer can keep training afterwards.
func (t *Trainer) Finalize(prune float32) *Model {
	keys := make([]uint64, 0, len(t.rows))
	for k := range t.rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	steps := float64(max(t.step, 1))
	type kv struct {
		class int32
		w     float32
	}
	var maxAbs float32
	avg := make(map[uint64][]kv, len(keys))
	for _, k := range keys {
		var out []kv
		for _, c := range t.rows[k] {
			total := c.total + float64(t.step-c.stamp)*float64(c.w)
			w := float32(total / steps)
			if w >= prune || w <= -prune {
				out = append(out, kv{c.class, w})
				maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
			}
		}
		if len(out) > 0 {
			slices.SortFunc(out, func(a, b kv) int { return int(a.class - b.class) })
			avg[k] = out
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = maxAbs / math.MaxInt16
	}
	m := &Model{classes: t.classes, scale: scale}
	for _, k := range keys {
		row, ok := avg[k]
		if !ok {
			continue
		}
		m.keys = append(m.keys, k)
		m.offsets = append(m.offsets, uint32(len(m.cls)))
		for _, c := range row {
			m.cls = append(m.cls, uint16(c.class))
			m.w = append(m.w, int16(math.Round(float64(c.w/scale))))
		}
	}
	m.offsets = append(m.offsets, uint32(len(m.cls)))
	m.buildIndex()
	return m
}

// Model is an immutable, quantised perceptron in compressed sparse rows.
// It is safe for concurrent use.
type Model struct {
	classes int
	scale   float32
	keys    []uint64 // sorted feature hashes
	offsets []uint32 // len(keys)+1; row i is cls/w[offsets[i]:offsets[i+1]]
	cls     []uint16
	w       []int16
	// Scoring index: an open-addressing table of 16-byte slots, each
	// holding a 32-bit fingerprint of a key and either its whole row (up
	// to two class weights) or the row's place in pairs, so that most
	// lookups touch a single cache line.
	table []slot
	pairs []uint32 // packed (class << 16 | uint16(weight)) for rows longer than two
	mask  uint64
}

type slot struct {
	fp uint32    // fingerprint of the key
	n  uint32    // row length; 0 marks an empty slot
	d  [2]uint32 // n <= 2: the packed weights; else d[0] is the row's start in pairs
}

func fingerprint(k uint64) uint32 { return uint32(k>>32) ^ uint32(k) }

func pack(c uint16, w int16) uint32 { return uint32(c)<<16 | uint32(uint16(w)) }

// Classes is the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features is the number of features with at least one weight.
func (m *Model) Features() int { return len(m.keys) }

// Weights is the number of stored (non-pruned) weights.
func (m *Model) Weights() int { return len(m.w) }

func (m *Model) buildIndex() {
	n := 1
	for n < len(m.keys)*3/2+1 {
		n <<= 1
	}
	m.table = make([]slot, n)
	m.mask = uint64(n - 1)
	m.pairs = m.pairs[:0]
	for i, k := range m.keys {
		lo, hi := m.offsets[i], m.offsets[i+1]
		if lo == hi {
			continue
		}
		s := mixSlot(k) & m.mask
		for m.table[s].n != 0 {
			s = (s + 1) & m.mask
		}
		sl := slot{fp: fingerprint(k), n: hi - lo}
		if hi-lo <= 2 {
			for j := lo; j < hi; j++ {
				sl.d[j-lo] = pack(m.cls[j], m.w[j])
			}
		} else {
			sl.d[0] = uint32(len(m.pairs))
			for j := lo; j < hi; j++ {
				m.pairs = append(m.pairs, pack(m.cls[j], m.w[j]))
			}
		}
		m.table[s] = sl
	}
}

func mixSlot(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// Score adds the weights of feats to scores, which must have Classes()
// elements; it does not clear scores first. It does not allocate.
//
// Keys are matched by a 32-bit fingerprint after the slot hash, so an
// unknown feature borrows a stored feature's weights with probability
// about 2^-32 per probe: never in practice, and always the same way
// (scores stay deterministic).
func (m *Model) Score(feats []uint64, scores []float32) {
	for len(feats) > scoreBatch {
		m.scoreBatch(feats[:scoreBatch], scores)
		feats = feats[scoreBatch:]
	}
	m.scoreBatch(feats, scores)
}

// scoreBatch is the number of features Score looks up together.
const scoreBatch = 48

// scoreBatch scores up to scoreBatch features. The table and the pairs are
// larger than the CPU caches, so most lookups miss: it first loads every
// feature's home slot, with no branch between the loads, so that their
// misses overlap instead of queueing; then finds each feature's slot in
// lines now cached and touches the first of its pairs (the second round of
// misses, overlapped too); then adds the weights in feature order, so the
// sums are exactly those of one pass.
func (m *Model) scoreBatch(feats []uint64, scores []float32) {
	var home [scoreBatch]slot
	var at [scoreBatch]int32 // the feature's slot, -1 if the model lacks it
	var first [scoreBatch]uint32
	feats = feats[:min(len(feats), scoreBatch)]
	for j, f := range feats {
		home[j] = m.table[mixSlot(f)&m.mask]
	}
	for j, f := range feats {
		at[j] = -1
		sl := home[j]
		if sl.n == 0 {
			continue
		}
		fp := fingerprint(f)
		s := mixSlot(f) & m.mask
		for sl.fp != fp {
			s = (s + 1) & m.mask
			sl = m.table[s]
			if sl.n == 0 {
				break
			}
		}
		if sl.n == 0 {
			continue
		}
		at[j] = int32(s)
		if sl.n > 2 {
			first[j] = m.pairs[sl.d[0]]
		}
	}
	scale := m.scale
	for j := range feats {
		if at[j] < 0 {
			continue
		}
		sl := &m.table[at[j]]
		if sl.n <= 2 {
			for _, v := range sl.d[:sl.n] {
				scores[v>>16] += float32(int16(uint16(v))) * scale
			}
			continue
		}
		v := first[j]
		scores[v>>16] += float32(int16(uint16(v))) * scale
		for _, v := range m.pairs[sl.d[0]+1 : sl.d[0]+sl.n] {
			scores[v>>16] += float32(int16(uint16(v))) * scale
		}
	}
}

// Argmax returns the index of the highest score, the lowest index on ties.
func Argmax(scores []float32) int {
	if len(scores) == 0 {
		return 0
	}
	best, top := 0, scores[0]
	for i, v := range scores {
		if v > top {
			best, top = i, v
		}
	}
	return best
}

const magic = "KGXPCPT1"

// ErrFormat is returned by Read for data that is not a perceptron model of
// this version.
var ErrFormat = errors.New("perceptron: not a kgx perceptron model (bad magic or version)")

// WriteTo writes the model in kgx's binary format: magic, class count,
// scale, then the sparse rows (delta-encoded keys, varints).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		k := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:k])
		n += int64(k)
	}
	bw.WriteString(magic)
	n += int64(len(magic))
	put(uint64(m.classes))
	put(uint64(math.Float32bits(m.scale)))
	put(uint64(len(m.keys)))
	var prev uint64
	for i, k := range m.keys {
		put(k - prev)
		prev = k
		lo, hi := m.offsets[i], m.offsets[i+1]
		put(uint64(hi - lo))
		for j := lo; j < hi; j++ {
			put(uint64(m.cls[j]))
			put(uint64(uint16(m.w[j])))
		}
	}
	return n, bw.Flush()
}

// Read decodes a model written by WriteTo. It reads r to the end.
func Read(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: %w", err)
	}
	m, _, err := Decode(b)
	return m, err
}

// Decode decodes a model written by WriteTo from the start of b and
// returns it with the number of bytes it used.
func Decode(b []byte) (*Model, int, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, 0, ErrFormat
	}
	p := len(magic)
	bad := false
	get := func() uint64 {
		v, n := binary.Uvarint(b[p:])
		if n <= 0 {
			bad = true
			return 0
		}
		p += n
		return v
	}
	m := &Model{classes: int(get()), scale: math.Float32frombits(uint32(get()))}
	nk := get()
	if bad || nk > uint64(len(b)) {
		return nil, 0, fmt.Errorf("perceptron: truncated model: %w", ErrFormat)
	}
	m.keys = make([]uint64, nk)
	m.offsets = make([]uint32, 0, nk+1)
	var prev uint64
	for i := range m.keys {
		prev += get()
		m.keys[i] = prev
		m.offsets = append(m.offsets, uint32(len(m.cls)))
		cnt := get()
		if bad || cnt > uint64(m.classes) {
			return nil, 0, fmt.Errorf("perceptron: truncated or corrupt model: %w", ErrFormat)
		}
		for range cnt {
			c := get()
			if c >= uint64(m.classes) {
				return nil, 0, fmt.Errorf("perceptron: class %d out of range: %w", c, ErrFormat)
			}
			m.cls = append(m.cls, uint16(c))
			m.w = append(m.w, int16(uint16(get())))
		}
		if bad {
			return nil, 0, fmt.Errorf("perceptron: truncated model: %w", ErrFormat)
		}
	}
	m.offsets = append(m.offsets, uint32(len(m.cls)))
	m.buildIndex()
	return m, p, nil
}
