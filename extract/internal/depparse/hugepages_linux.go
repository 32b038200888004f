package depparse

import (
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// newSlots returns t's zeroed slot array of n elements. On Linux it is
// mapped outside the Go heap and marked for transparent huge pages
// (madvise), since the parser probes it at random and with 4 KiB pages
// nearly every probe would also miss the TLB; the mapping is released
// when t is collected. It falls back to the heap if the mapping fails.
func newSlots(t *table, n int) []slot {
	const huge = 2 << 20
	size := (n*int(unsafe.Sizeof(slot{})) + huge - 1) &^ (huge - 1)
	b, err := unix.Mmap(-1, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		return make([]slot, n)
	}
	_ = unix.Madvise(b, unix.MADV_HUGEPAGE) // advice: without it the table still works
	runtime.AddCleanup(t, func(b []byte) { _ = unix.Munmap(b) }, b)
	return unsafe.Slice((*slot)(unsafe.Pointer(&b[0])), n)
}
