package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract"
)

// maxFileSize is the largest input file kgx reads.
const maxFileSize = 64 << 20

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

// readInput reads one text input (a file or stdin) and converts it to
// plain text, rejecting binary data.
func readInput(path string, stdin io.Reader) (inputFile, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return inputFile{}, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return inputFile{}, err
	}
	if len(b) > maxFileSize {
		return inputFile{}, fmt.Errorf("larger than %d MiB", maxFileSize>>20)
	}
	text, err := decodeText(b)
	if err != nil {
		return inputFile{}, err
	}
	format := extract.DetectFormat(path, b)
	body, title := extract.Text(text, format)
	return inputFile{Path: path, In: extract.Input{Title: title, Source: path, Text: body}}, nil
}

// decodeText checks that b is text: no NUL bytes; a BOM is dropped, CRLF
// becomes LF and invalid UTF-8 becomes U+FFFD.
func decodeText(b []byte) (string, error) {
	if bytes.IndexByte(b[:min(len(b), 8192)], 0) >= 0 {
		return "", errors.New("binary file (NUL bytes), skipped")
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", errors.New("empty file")
	}
	return string(b), nil
}

// jsonlDoc is one line of --input jsonl.
type jsonlDoc struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`
}

// readJSONL reads documents from JSON lines, calling fn for each good line
// and collecting an error naming the file and line for each bad one.
func readJSONL(path string, r io.Reader, fn func(inputFile) error) []error {
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), maxFileSize)
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", path, line)
		var d jsonlDoc
		if err := json.Unmarshal(raw, &d); err != nil {
			errs = append(errs, inputErr{where, fmt.Errorf("not a JSON object: %w", err)})
			continue
		}
		if d.Text == "" {
			errs = append(errs, inputErr{where, errors.New(`missing "text"`)})
			continue
		}
		in := extract.Input{ID: d.ID, Title: d.Title, Source: d.URL, Text: strings.ToValidUTF8(d.Text, "\uFFFD")}
		if in.Source == "" {
			in.Source = where
		}
		if d.Date != "" {
			t, err := parseDate(d.Date)
			if err != nil {
				errs = append(errs, inputErr{where, err})
				continue
			}
			in.Published = t
		}
		if err := fn(inputFile{Path: where, In: in}); err != nil {
			errs = append(errs, err)
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return errs
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, inputErr{path, err})
	}
	return errs
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD or RFC 3339", s)
}
