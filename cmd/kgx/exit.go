package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/kgx-project/kgx/store"
)

// Exit codes, the same for every command (listed in each command's help).
const (
	exitOK       = 0 // success
	exitFailed   = 1 // not found, or failed (a partial ingest too)
	exitUsage    = 2 // bad flags or arguments
	exitCanceled = 130
)

const exitStatusHelp = `
Exit status: 0 success; 1 not found or failed (including a partial ingest,
where some files failed and every good one was stored); 2 usage error;
130 interrupted.`

// usageError marks errors in flags or arguments.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// notFoundError is a query that found nothing; its message is printed as is.
type notFoundError struct{ msg string }

func (e notFoundError) Error() string { return e.msg }

// silentError carries an exit code whose message was already printed.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// exitCode maps an error to the process exit code and prints its message.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if s, ok := errors.AsType[silentError](err); ok {
		return s.code
	}
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "kgx: interrupted")
		return exitCanceled
	case errors.Is(err, store.ErrLocked):
		fmt.Fprintf(stderr, "kgx: %v\n", err)
		return exitFailed
	}
	if _, ok := errors.AsType[usageError](err); ok {
		fmt.Fprintf(stderr, "kgx: %v\nRun 'kgx --help' for usage.\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "kgx: %v\n", err)
	return exitFailed
}
