package main

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReadJSONLines feeds arbitrary bytes to the JSONL input reader of
// kgx ingest and kgx extract: no panic; every document it hands on has
// clean, non-empty text; every problem is an inputErr naming the file and
// a line; and the line numbers of documents and problems together are
// increasing, each line at most once, none past the last line.
func FuzzReadJSONLines(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"Kim met Shoigu.","date":"2024-06-19"}` + "\nnot json\n\n" + `{"id":"b"}`,
		"\xef\xbb\xbf{\"text\":\"Putin\\r\\nvisited \\u0000.\"}\r\n{\"text\":\"x\",\"date\":\"yesterday\"}",
		`{"text":"\ud800 lone surrogate","url":"http://x"}` + "\n" + `{"text":" "}` + "\n[1,2]\nnull\n\"s\"",
		"{\"text\":\"bad \xff utf8\"}\n\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		last := 0
		seen := func(where string) {
			t.Helper()
			p, n, ok := strings.Cut(where, ":")
			line, err := strconv.Atoi(n)
			if !ok || p != "in.jsonl" || err != nil || line < 1 || line > lines {
				t.Fatalf("bad position %q (%d lines)", where, lines)
			}
			if line <= last {
				t.Fatalf("line %d after line %d", line, last)
			}
			last = line
		}
		var positions []string
		errs := readJSONLines("in.jsonl", bytes.NewReader(data), func(in inputFile) error {
			text := in.In.Text
			if !utf8.ValidString(text) || strings.ContainsAny(text, "\r\x00") || strings.TrimSpace(text) == "" {
				t.Fatalf("%s: unclean text %q", in.Path, text)
			}
			positions = append(positions, in.Path)
			return nil
		})
		for _, err := range errs {
			ie, ok := errors.AsType[inputErr](err)
			if !ok {
				t.Fatalf("error %v is not an inputErr", err)
			}
			positions = append(positions, ie.Path)
		}
		// Documents and problems come in separate lists; merge by line.
		slices.SortStableFunc(positions, func(a, b string) int { return cmp.Compare(lineOf(a), lineOf(b)) })
		for _, p := range positions {
			seen(p)
		}
	})
}

// lineOf is the line number in a "path:line" position.
func lineOf(p string) int {
	_, n, _ := strings.Cut(p, ":")
	i, _ := strconv.Atoi(n)
	return i
}
