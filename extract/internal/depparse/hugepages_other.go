//go:build !linux

package depparse

// newSlots returns t's zeroed slot array of n elements.
func newSlots(t *table, n int) []slot { return make([]slot, n) }
