package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kgx-project/kgx/extract"
)

// inputFile is one input, read and decoded.
type inputFile struct {
	Path string // file path, "-" for stdin, or "path:line" for JSONL
	In   extract.Input
}

// inputErr is a problem with one input; ingestion goes on with the others.
type inputErr struct {
	Path string
	Err  error
}

func (e inputErr) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

// expandPaths lists the files named by args: files as given, directories
// walked recursively (hidden entries skipped, sorted), "-" for stdin.
func expandPaths(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", a, err)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var files []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", a, err)
		}
		slices.Sort(files)
		out = append(out, files...)
	}
	return out, nil
}

// jsonlDoc is one line of --input jsonl.
type jsonlDoc struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD or RFC 3339", s)
}
