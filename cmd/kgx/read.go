package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/kgx-project/kgx/extract"
)

// Reading inputs with bounded memory. A text file is read in chunks and cut
// into parts of at most partSize bytes at a paragraph break (else a line
// break, else a character boundary); each part becomes its own document,
// so a 50 MB file never sits in memory whole, and neither do its tokens.
// A file that fits in one part keeps its path; the parts of a longer one
// are named path#1, path#2, ...
const (
	partSize = 2 << 20
	// maxHTMLSize bounds an HTML file, which is parsed whole.
	maxHTMLSize = 64 << 20
	// maxLineSize bounds one JSONL line; longer lines are reported and
	// skipped, and reading goes on with the next line.
	maxLineSize = 16 << 20
	sniffSize   = 8 << 10
)

// errBinary and errEmpty mark inputs that are skipped (ingest names them
// and exits 1, having stored every good file).
var (
	errBinary = errors.New("binary file, skipped")
	errEmpty  = errors.New("empty file, skipped")
)

// magic lists the signatures of common binary formats, so that an image
// or archive is recognised even when its first bytes have no NUL.
var magic = []struct {
	sig  string
	what string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive (or docx, xlsx, epub)"},
	{"\x1f\x8b", "gzip data"},
	{"BZh", "bzip2 data"},
	{"\xfd7zXZ\x00", "xz data"},
	{"7z\xbc\xaf\x27\x1c", "7-zip archive"},
	{"\x7fELF", "executable"},
	{"II*\x00", "TIFF image"},
	{"MM\x00*", "TIFF image"},
	{"\x00\x00\x00", "binary data"},
	{"OggS", "Ogg media"},
	{"ID3", "MP3 audio"},
	{"\x1aE\xdf\xa3", "Matroska/WebM video"},
	{"\xd0\xcf\x11\xe0", "MS Office document"},
	{"SQLite format 3\x00", "SQLite database"},
}

// sniff says what kind of binary data head starts with, or "" for text.
// UTF-16 with a byte-order mark is text.
func sniff(head []byte) string {
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return ""
	}
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.sig)) {
			return m.what
		}
	}
	if len(head) >= 12 && string(head[:4]) == "RIFF" {
		return "RIFF media (WebP, WAV or AVI)"
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Sprintf("NUL byte at offset %d", i)
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	if len(head) > 0 && ctl*10 > len(head) {
		return "mostly control characters"
	}
	return ""
}

// textStream turns bytes into clean UTF-8 text, chunk by chunk: UTF-16
// (with a byte-order mark) is decoded, a UTF-8 byte-order mark dropped,
// CRLF and lone CR become LF, invalid UTF-8 becomes U+FFFD, and NUL bytes
// past the sniffed head become U+FFFD too. Sequences split across chunks
// are carried over.
type textStream struct {
	r       io.Reader
	started bool
	carry   []byte // an incomplete rune, or a CR, from the last chunk
	buf     []byte
	out     []byte // cleaned text not yet returned
	err     error  // the underlying reader's error, returned after out
}

func newTextStream(br *bufio.Reader) io.Reader {
	head, _ := br.Peek(2)
	var r io.Reader = br
	switch {
	case bytes.Equal(head, []byte("\xff\xfe")):
		r = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.Equal(head, []byte("\xfe\xff")):
		r = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	}
	return &textStream{r: r, buf: make([]byte, 64<<10)}
}

func (t *textStream) Read(p []byte) (int, error) {
	for len(t.out) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		n, err := t.r.Read(t.buf)
		in := make([]byte, 0, len(t.carry)+n)
		in = append(append(in, t.carry...), t.buf[:n]...)
		t.carry = nil
		if !t.started && len(in) > 0 {
			if len(in) < 3 && err == nil && bytes.HasPrefix([]byte("\xef\xbb\xbf"), in) {
				t.carry = in
				continue
			}
			in = bytes.TrimPrefix(in, []byte("\xef\xbb\xbf"))
			t.started = true
		}
		if err == nil {
			in, t.carry = splitIncomplete(in)
		}
		t.out, t.err = cleanChunk(in), err
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

// splitIncomplete returns b without a trailing CR or incomplete UTF-8
// sequence, and that tail.
func splitIncomplete(b []byte) ([]byte, []byte) {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1], []byte{'\r'}
	}
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i], bytes.Clone(b[len(b)-i:])
			}
			break
		}
	}
	return b, nil
}

func cleanChunk(b []byte) []byte {
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	if bytes.IndexByte(b, 0) >= 0 {
		b = bytes.ReplaceAll(b, []byte{0}, []byte("\uFFFD"))
	}
	if !utf8.Valid(b) {
		// Each invalid byte becomes one U+FFFD (as ranging over a Go
		// string does), so the result does not depend on chunking.
		out := make([]byte, 0, len(b)+16)
		for len(b) > 0 {
			r, n := utf8.DecodeRune(b)
			if r == utf8.RuneError && n == 1 {
				out = append(out, "\uFFFD"...)
			} else {
				out = append(out, b[:n]...)
			}
			b = b[n:]
		}
		b = out
	}
	return b
}

// readParts reads one text input (a file, or stdin for "-"), refuses
// binary data, and calls fn with each part in order. It returns how many
// parts there were; an error names no file (the caller adds it).
func readParts(path string, stdin io.Reader, fn func(inputFile) error) (int, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		r = f
	}
	return readPartsFrom(path, r, fn)
}

// readPartsFrom is readParts on an open reader; name gives the format
// (by extension) and the parts' paths.
func readPartsFrom(path string, r io.Reader, fn func(inputFile) error) (int, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	if what := sniff(head); what != "" {
		return 0, fmt.Errorf("%w (%s)", errBinary, what)
	}
	format := extract.DetectFormat(path, head)
	text := newTextStream(br)
	if format == extract.HTML {
		b, err := io.ReadAll(io.LimitReader(text, maxHTMLSize+1))
		if err != nil {
			return 0, err
		}
		if len(b) > maxHTMLSize {
			return 0, fmt.Errorf("HTML larger than %d MiB", maxHTMLSize>>20)
		}
		body, title := extract.Text(string(b), format)
		return splitParts(path, strings.NewReader(body), title, extract.Plain, fn)
	}
	return splitParts(path, text, "", format, fn)
}

// chunkPool holds splitParts' read buffers.
var chunkPool = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// splitParts cuts clean text from r into parts and calls fn with each.
func splitParts(path string, r io.Reader, title string, format extract.Format, fn func(inputFile) error) (int, error) {
	// buf grows with the text (most articles are a few KiB; it was
	// allocated at partSize, 2 MiB zeroed per file); the read chunk is
	// reused across files.
	var buf []byte
	cp := chunkPool.Get().(*[]byte)
	defer chunkPool.Put(cp)
	chunk := *cp
	parts := 0
	nonEmpty := false
	emit := func(b []byte, last bool) error {
		if len(bytes.TrimSpace(b)) == 0 {
			return nil
		}
		nonEmpty = true
		parts++
		name := path
		if parts > 1 || !last {
			name = fmt.Sprintf("%s#%d", path, parts)
		}
		body, t := extract.Text(string(b), format)
		if parts == 1 && title != "" {
			t = title
		}
		source := path
		if path == "-" {
			source = ""
		}
		return fn(inputFile{Path: name, In: extract.Input{Title: t, Source: source, Text: body}})
	}
	for {
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		for len(buf) > partSize {
			cut := cutPoint(buf, partSize)
			if err := emit(buf[:cut], false); err != nil {
				return parts, err
			}
			buf = append(buf[:0], buf[cut:]...)
		}
		if err == io.EOF {
			if err := emit(buf, true); err != nil {
				return parts, err
			}
			break
		}
		if err != nil {
			return parts, err
		}
	}
	if !nonEmpty {
		return 0, errEmpty
	}
	return parts, nil
}

// cutPoint finds where to end a part of at most limit bytes of buf
// (len(buf) > limit, valid UTF-8): after the last paragraph break in its
// second half, else the last line break, else the last character boundary.
func cutPoint(buf []byte, limit int) int {
	b, half := buf[:limit], limit/2
	if i := bytes.LastIndex(b, []byte("\n\n")); i >= half {
		return i + 2
	}
	if i := bytes.LastIndexByte(b, '\n'); i >= half {
		return i + 1
	}
	i := limit
	for i > 0 && !utf8.RuneStart(buf[i]) {
		i--
	}
	return i
}

// readJSONLines reads documents from JSON lines ({"id","text"} plus optional
// "title", "date" and "url"; kgx ingest and kgx extract --input jsonl), with
// bounded memory per line: a line longer than maxLineSize is reported
// with its number and skipped, and reading goes on.
func readJSONLines(path string, r io.Reader, fn func(inputFile) error) []error {
	var errs []error
	br := bufio.NewReaderSize(r, 64<<10)
	var line []byte
	n := 0
	tooLong := false
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > maxLineSize {
			tooLong = true
			line = line[:0]
		} else if !tooLong {
			line = append(line, frag...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if len(frag) > 0 || err == nil {
			n++
			where := fmt.Sprintf("%s:%d", path, n)
			if tooLong {
				errs = append(errs, inputErr{where, fmt.Errorf("line longer than %d MiB, skipped", maxLineSize>>20)})
			} else if e := jsonLine(where, line, fn); e != nil {
				errs = append(errs, e)
			}
		}
		line, tooLong = line[:0], false
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, inputErr{path, err})
			break
		}
	}
	return errs
}

// jsonLine decodes and hands on one JSONL line.
func jsonLine(where string, raw []byte, fn func(inputFile) error) error {
	raw = bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	if len(raw) == 0 {
		return nil
	}
	var d jsonlDoc
	if err := json.Unmarshal(raw, &d); err != nil {
		return inputErr{where, fmt.Errorf("not a JSON object: %w", err)}
	}
	if strings.TrimSpace(d.Text) == "" {
		return inputErr{where, errors.New(`missing or empty "text"`)}
	}
	text := strings.ReplaceAll(strings.ReplaceAll(d.Text, "\r\n", "\n"), "\r", "\n")
	text = strings.ToValidUTF8(strings.ReplaceAll(text, "\x00", "\uFFFD"), "\uFFFD")
	in := extract.Input{ID: d.ID, Title: d.Title, Source: d.URL, Text: text}
	if in.Source == "" {
		in.Source = where
	}
	if d.Date != "" {
		t, err := parseDate(d.Date)
		if err != nil {
			return inputErr{where, err}
		}
		in.Published = t
	}
	return fn(inputFile{Path: where, In: in})
}
