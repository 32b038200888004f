package depparse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// tree builds gold heads (index 0 unused) from 1-based heads.
func tree(h ...int32) []int32 { return append([]int32{none}, h...) }

// runOracle follows the zero-cost move (in a fixed preference order) from
// the initial configuration and returns the arcs it built, failing if a
// configuration has no zero-cost legal move.
func runOracle(t *testing.T, gold []int32) []int32 {
	t.Helper()
	var st state
	n := len(gold) - 1
	st.reset(n)
	onStack := make([]bool, n+1)
	onStack[0] = true
	for steps := 0; !st.done(); steps++ {
		if steps > 2*n+2 {
			t.Fatalf("no termination after %d steps", steps)
		}
		ok := st.legal()
		c := st.costs(gold, onStack)
		m := -1
		for _, mv := range []int{left, right, reduce, shift} {
			if ok[mv] && c[mv] == 0 {
				m = mv
				break
			}
		}
		if m < 0 {
			t.Fatalf("no zero-cost move at stack %v buffer %d: costs %v legal %v", st.stack, st.b, c, ok)
		}
		switch m {
		case shift, right:
			onStack[st.b] = true
		default:
			onStack[st.s0()] = false
		}
		st.apply(m, 0)
	}
	return slices.Clone(st.head)
}

func TestOracleBuildsGoldTree(t *testing.T) {
	tests := []struct {
		name string
		gold []int32
	}{
		{"single word", tree(0)},
		{"chain right", tree(0, 1, 2, 3)},
		{"chain left", tree(2, 3, 4, 0)},
		{"the cat sat on the mat .", tree(2, 3, 0, 6, 6, 3, 3)},
		{"root in middle with both sides", tree(3, 3, 0, 5, 3, 3)},
		{"nested right", tree(0, 1, 4, 2, 4)},
		{"Shoigu met Kim Jong Un in Pyongyang .", tree(2, 0, 2, 3, 3, 7, 2, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runOracle(t, tt.gold)
			for d := 1; d < len(tt.gold); d++ {
				if got[d] != tt.gold[d] {
					t.Errorf("word %d: head %d, want %d (got %v)", d, got[d], tt.gold[d], got[1:])
				}
			}
		})
	}
}

func TestCosts(t *testing.T) {
	// gold: 1<-2, 2<-0 (root), 3<-2, 4<-3; configuration after SHIFT 1:
	// stack [0 1], buffer 2..4.
	gold := tree(2, 0, 2, 3)
	var st state
	st.reset(4)
	st.apply(shift, 0)
	onStack := []bool{true, true, false, false, false}
	c := st.costs(gold, onStack)
	// SHIFT loses 2's root arc and 1's head; RIGHT 1->2 loses the same two.
	// (Costs of illegal moves are defined too: REDUCE and LEFT of the root.)
	want := [numMoves]int{shift: 2, reduce: 0, left: 0, right: 2}
	if c != want {
		t.Errorf("costs = %v, want %v", c, want)
	}
	st.apply(left, 0)
	onStack[1] = false
	c = st.costs(gold, onStack)
	if want := [numMoves]int{shift: 1, reduce: 1, left: 1, right: 0}; c != want {
		t.Errorf("after LEFT: costs = %v, want %v", c, want)
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name       string
		heads      []int32
		want       []int32
		wantLifted int
	}{
		{"projective unchanged", tree(2, 0, 2), tree(2, 0, 2), 0},
		// 1 <- 3 crosses 2 <- 4 (4 is the root): lift 1 to 3's head 4
		{"crossing arcs", tree(3, 4, 4, 0), tree(4, 4, 4, 0), 1},
		// A hearing is scheduled on the issue today: 5 ("on the issue") hangs
		// from 2 ("hearing") across the verb 4.
		{"extraposed modifier", tree(2, 4, 4, 0, 2, 4), tree(2, 4, 4, 0, 4, 4), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(tt.heads)
			n := projectivize(got)
			if !slices.Equal(got, tt.want) || n != tt.wantLifted {
				t.Errorf("projectivize(%v) = %v (%d lifted), want %v (%d)", tt.heads[1:], got[1:], n, tt.want[1:], tt.wantLifted)
			}
			if !isProjective(got) {
				t.Errorf("result %v is not projective", got[1:])
			}
		})
	}
}

func isProjective(heads []int32) bool {
	for d := 1; d < len(heads); d++ {
		h := int(heads[d])
		if h == 0 {
			continue
		}
		for k := min(h, d) + 1; k < max(h, d); k++ {
			if !dominates(heads, h, k) {
				return false
			}
		}
	}
	return true
}

// randomTree returns a random single-rooted tree over n words.
func randomTree(r *rand.Rand, n int) []int32 {
	order := r.Perm(n)
	heads := make([]int32, n+1)
	heads[0] = none
	heads[order[0]+1] = 0
	for i := 1; i < n; i++ {
		heads[order[i]+1] = int32(order[r.IntN(i)] + 1)
	}
	return heads
}

// TestDynamicOracleExact checks the defining property of the dynamic
// oracle: after any sequence of legal moves, the correct arcs built equal
// the sentence length minus the summed costs of the moves taken.
func TestDynamicOracleExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		n := 1 + r.IntN(12)
		gold := randomTree(r, n)
		projectivize(gold)
		if !isTree(gold) || !isProjective(gold) {
			t.Fatalf("bad test tree %v", gold)
		}
		var st state
		st.reset(n)
		onStack := make([]bool, n+1)
		onStack[0] = true
		lost := 0
		var moves []int
		for !st.done() {
			ok := st.legal()
			c := st.costs(gold, onStack)
			var legal []int
			for m := range numMoves {
				if ok[m] {
					legal = append(legal, m)
				}
			}
			m := legal[r.IntN(len(legal))]
			lost += c[m]
			moves = append(moves, m)
			switch m {
			case shift, right:
				onStack[st.b] = true
			default:
				onStack[st.s0()] = false
			}
			st.apply(m, 0)
		}
		correct := 0
		for d := 1; d <= n; d++ {
			if st.head[d] == gold[d] {
				correct++
			}
		}
		if correct != n-lost {
			t.Fatalf("trial %d: gold %v moves %v: %d correct arcs, but costs say %d", trial, gold[1:], moves, correct, n-lost)
		}
	}
}
