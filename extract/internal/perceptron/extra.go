package perceptron

// This file is owned by the dependency parser (helper H2): read-only access
// to a Model's rows, so a caller can repack them into a layout tuned for
// its own hot loop.

// Scale is the factor that turns a stored int16 weight into a float score.
func (m *Model) Scale() float32 { return m.scale }

// Rows calls fn for every feature row in increasing key order with the
// row's classes and quantised weights. fn must not keep the slices.
func (m *Model) Rows(fn func(key uint64, classes []uint16, weights []int16)) {
	for i, k := range m.keys {
		lo, hi := m.offsets[i], m.offsets[i+1]
		fn(k, m.cls[lo:hi:hi], m.w[lo:hi:hi])
	}
}
