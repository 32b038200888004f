//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime is the process's user plus system CPU time: benchmarks report
// tokens per CPU second as well as per wall second, because on a shared
// machine wall time also counts time spent waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
