package perceptron

import (
	"bytes"
	"math"
	"testing"
)

// TestLearnsAndRoundTrips trains a separable toy problem, checks the
// averaged model classifies it, and that WriteTo/Read preserves scores.
func TestLearnsAndRoundTrips(t *testing.T) {
	type ex struct {
		feats []string
		class int
	}
	data := []ex{
		{[]string{"w=paris", "cap=1"}, 1},
		{[]string{"w=london", "cap=1"}, 1},
		{[]string{"w=the", "cap=0"}, 0},
		{[]string{"w=of", "cap=0"}, 0},
		{[]string{"w=putin", "cap=1", "title=1"}, 2},
		{[]string{"w=shoigu", "cap=1", "title=1"}, 2},
	}
	hash := func(fs []string) []uint64 {
		var out []uint64
		for _, f := range fs {
			out = append(out, Hash(1, f))
		}
		return out
	}
	tr := NewTrainer(3)
	for range 10 {
		for _, e := range data {
			fs := hash(e.feats)
			s := make([]float32, 3)
			tr.Score(fs, s)
			tr.Tick()
			tr.Update(fs, e.class, Argmax(s), 1)
		}
	}
	m := tr.Finalize(0)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range data {
		fs := hash(e.feats)
		s1, s2 := make([]float32, 3), make([]float32, 3)
		m.Score(fs, s1)
		m2.Score(fs, s2)
		if got := Argmax(s1); got != e.class {
			t.Errorf("%v: got class %d, want %d (scores %v)", e.feats, got, e.class, s1)
		}
		if !slicesEqual(s1, s2) {
			t.Errorf("%v: scores changed by round trip: %v vs %v", e.feats, s1, s2)
		}
	}
	if _, err := Read(bytes.NewReader([]byte("nonsense"))); err == nil {
		t.Error("Read accepted a non-model")
	}
	if _, err := Read(bytes.NewReader(buf.Bytes()[:0])); err == nil {
		t.Error("Read accepted an empty input")
	}
}

func slicesEqual(a, b []float32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// TestArgmax checks the index of the highest score, the lowest on ties.
func TestArgmax(t *testing.T) {
	negZero := float32(math.Copysign(0, -1))
	for _, tc := range []struct {
		scores []float32
		want   int
	}{
		{nil, 0},
		{[]float32{-3}, 0},
		{[]float32{1, 2, 3}, 2},
		{[]float32{3, 2, 1}, 0},
		{[]float32{-5, -1, -1, -7}, 1},
		{[]float32{2, 7, 7, 7}, 1},
		{[]float32{negZero, 0, -1}, 0},
		{[]float32{-1, 0, negZero}, 1},
		{[]float32{float32(math.Inf(-1)), float32(math.Inf(-1))}, 0},
	} {
		if got := Argmax(tc.scores); got != tc.want {
			t.Errorf("Argmax(%v) = %d, want %d", tc.scores, got, tc.want)
		}
	}
}
