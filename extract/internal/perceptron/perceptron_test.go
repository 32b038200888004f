package perceptron

import (
	"bytes"
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
