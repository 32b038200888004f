package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

func readAllParts(t testing.TB, name string, data []byte) ([]inputFile, error) {
	t.Helper()
	var parts []inputFile
	_, err := readPartsFrom(name, bytes.NewReader(data), func(f inputFile) error {
		parts = append(parts, f)
		return nil
	})
	return parts, err
}

func TestReadParts(t *testing.T) {
	utf16le := []byte{0xff, 0xfe}
	for _, r := range "Kim met Shoigu.\r\n" {
		utf16le = append(utf16le, byte(r), 0)
	}
	tests := []struct {
		name    string
		file    string
		data    []byte
		want    string // the text of the only part
		wantErr error
		errText string
	}{
		{"Plain", "a.txt", []byte("Kim met Shoigu."), "Kim met Shoigu.", nil, ""},
		{"Empty", "a.txt", nil, "", errEmpty, ""},
		{"Blank", "a.txt", []byte(" \n\t\r\n"), "", errEmpty, ""},
		{"NUL", "a.txt", []byte("Kim\x00met"), "", errBinary, "NUL byte at offset 3"},
		{"PNG", "photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", errBinary, "PNG image"},
		{"JPEG", "a.jpg", []byte("\xff\xd8\xff\xe0 JFIF"), "", errBinary, "JPEG image"},
		{"PDF", "a.pdf", []byte("%PDF-1.7\n"), "", errBinary, "PDF document"},
		{"Control", "a.bin", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), "", errBinary, "control characters"},
		{"BOMAndCRLF", "a.txt", []byte("\xef\xbb\xbfKim met\r\nShoigu.\rThen"), "Kim met\nShoigu.\nThen", nil, ""},
		{"InvalidUTF8", "a.txt", []byte("Kim \xff\xfe met \xe2\x82 Shoigu"), "Kim \uFFFD\uFFFD met \uFFFD\uFFFD Shoigu", nil, ""},
		{"UTF16", "a.txt", utf16le, "Kim met Shoigu.\n", nil, ""},
		{"HTML", "a.html", []byte("<html><head><title>T</title><style>p{}</style><script>alert('x')</script></head><body><p>Kim met Shoigu.</p><script>evil()</script></body></html>"),
			"Kim met Shoigu.", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, err := readAllParts(t, tt.file, tt.data)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.errText) {
					t.Fatalf("err = %v, want %v (%s)", err, tt.wantErr, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(parts) != 1 || parts[0].Path != tt.file {
				t.Fatalf("parts %+v", parts)
			}
			if got := strings.TrimSpace(parts[0].In.Text); got != strings.TrimSpace(tt.want) {
				t.Fatalf("text %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReadPartsLarge streams a 50 MB file with very long lines and checks
// that it arrives in bounded parts, cut on boundaries, losing nothing, with
// bounded memory.
func TestReadPartsLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	path := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	para := "Sergei Shoigu met Kim Jong Un in Pyongyang — Сергей Шойгу встретился с Ким Чен Ыном. "
	want, got := sha256.New(), sha256.New()
	size, gotSize := 0, 0
	for i := 0; size < 50<<20; i++ {
		var b strings.Builder
		switch i % 3 {
		case 0: // an ordinary paragraph
			fmt.Fprintf(&b, "%d %s\r\n\r\n", i, strings.Repeat(para, 20))
		case 1: // a line of 3 MiB with no break at all
			if i%30 == 1 {
				b.WriteString(strings.Repeat(para, (3<<20)/len(para)) + "\n")
			}
		default:
			fmt.Fprintf(&b, "line %d\n", i)
		}
		f.WriteString(b.String())
		clean := strings.ReplaceAll(b.String(), "\r\n", "\n")
		want.Write([]byte(clean))
		size += len(clean)
	}
	f.Close()

	var peak uint64
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	n, err := readParts(path, nil, func(in inputFile) error {
		if len(in.In.Text) > partSize || !utf8.ValidString(in.In.Text) {
			t.Fatalf("%s: %d bytes, valid UTF-8 %v", in.Path, len(in.In.Text), utf8.ValidString(in.In.Text))
		}
		got.Write([]byte(in.In.Text))
		gotSize += len(in.In.Text)
		runtime.GC()
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc-min(base, ms.HeapAlloc))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 25 {
		t.Fatalf("%d parts", n)
	}
	if !bytes.Equal(got.Sum(nil), want.Sum(nil)) {
		t.Fatalf("parts do not add up to the file: %d bytes, want %d", gotSize, size)
	}
	if peak > 16<<20 {
		t.Errorf("heap grew by %d MiB while reading", peak>>20)
	}
	t.Logf("%d MB in %d parts, heap growth at most %.1f MiB", size>>20, n, float64(peak)/(1<<20))
}

func TestReadJSONLines(t *testing.T) {
	long := `{"id":"x","text":"` + strings.Repeat("a", maxLineSize) + `"}`
	in := strings.Join([]string{
		`{"id":"a","text":"Kim met Shoigu.","date":"2024-06-19"}`,
		`not json`,
		``,
		long,
		`{"id":"b"}`,
		`{"id":"c","text":"bad date","date":"yesterday"}`,
		"{\"id\":\"d\",\"text\":\"Putin\\r\\nvisited.\"}",
	}, "\n")
	var ids []string
	var text string
	errs := readJSONLines("in.jsonl", strings.NewReader(in), func(f inputFile) error {
		ids = append(ids, f.In.ID)
		text = f.In.Text
		return nil
	})
	if strings.Join(ids, ",") != "a,d" || text != "Putin\nvisited." {
		t.Fatalf("ids %v, last text %q", ids, text)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"in.jsonl:2: not a JSON object", "in.jsonl:4: line longer than", `in.jsonl:5: missing or empty "text"`, "in.jsonl:6: date"} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q:\n%s", want, all)
		}
	}
}

func TestIngestHostileInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":   "Sergei Shoigu met Kim Jong Un in Pyongyang on Tuesday.\n",
		"empty.txt":  "",
		"photo.png":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"crlf.txt":   "\xef\xbb\xbfVladimir Putin visited Pyongyang.\r\nHe met Kim Jong Un.\r\n",
		"broken.txt": "Choe Son Hui met Sergei Lavrov \xff\xfe in Moscow.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "kgx.db")
	// Skipped files make the exit status 1; every good file is stored.
	code, _, stderr := runKgx(t, "", "--db", db, "ingest", dir)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"kgx: " + filepath.Join(dir, "photo.png") + ": binary file, skipped (PNG image)",
		"kgx: " + filepath.Join(dir, "empty.txt") + ": empty file, skipped", "ingested 3 documents (0 already stored, 2 failed)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// A bad JSONL line fails the ingest (exit 1) but the good lines are stored.
	jsonl := filepath.Join(dir, "more.jsonl")
	os.WriteFile(jsonl, []byte("{\"id\":\"j1\",\"text\":\"Kim Jong Un met Vladimir Putin.\"}\n{oops\n"), 0o644)
	code, _, stderr = runKgx(t, "", "--db", db, "ingest", "--input", "jsonl", jsonl)
	if code != 1 || !strings.Contains(stderr, jsonl+":2: not a JSON object") || !strings.Contains(stderr, "ingested 1 documents") {
		t.Fatalf("jsonl: exit %d: %s", code, stderr)
	}
	if code, out, stderr := runKgx(t, "", "--db", db, "check"); code != 0 || !strings.Contains(out, "4 documents") {
		t.Fatalf("check: exit %d: %s%s", code, out, stderr)
	}
}

func TestRmAndCheckCommands(t *testing.T) {
	db := seedStore(t)
	_, docs, _ := runKgx(t, "", "--db", db, "docs", "--json")
	path := "../../testdata/news/shoigu-visit-north-korea-security-ties.txt"
	code, out, stderr := runKgx(t, "", "--db", db, "rm", path)
	if code != 0 || !strings.Contains(out, "removed ") {
		t.Fatalf("rm: exit %d: %s%s", code, out, stderr)
	}
	if code, out, _ := runKgx(t, "", "--db", db, "check"); code != 0 || !strings.Contains(out, "4 documents") {
		t.Fatalf("check after rm: exit %d: %s", code, out)
	}
	if code, _, stderr := runKgx(t, "", "--db", db, "rm", "no-such-doc"); code != 1 || !strings.Contains(stderr, `no document "no-such-doc"`) {
		t.Fatalf("rm missing: exit %d: %s", code, stderr)
	}
	// Ingesting the file again restores the store exactly.
	runKgx(t, "", "--db", db, "ingest", path)
	if _, again, _ := runKgx(t, "", "--db", db, "docs", "--json"); again != docs {
		t.Fatalf("docs after rm and re-ingest:\n%s\nwant\n%s", again, docs)
	}
	if code, _, stderr := runKgx(t, "", "--db", filepath.Join(t.TempDir(), "none"), "check"); code != 1 || !strings.Contains(stderr, "no such file") {
		t.Fatalf("check of a missing store: exit %d: %s", code, stderr)
	}
}

// FuzzTextStream checks that cleaning text in chunks (one byte at a time
// here) gives exactly what cleaning it whole does, and that the result is
// valid UTF-8 without CR or NUL.
func FuzzTextStream(f *testing.F) {
	for _, s := range []string{"plain", "\xef\xbb\xbfBOM\r\nCRLF\r", "bad \xff\xfe \xe2\x82 end\xe2", "a\x00b", "\r\r\n\n", "Шойгу\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
			return // UTF-16, decoded instead
		}
		br := bufioReader(iotest.OneByteReader(bytes.NewReader(data)))
		got, err := io.ReadAll(newTextStream(br))
		if err != nil {
			t.Fatal(err)
		}
		want := cleanChunk(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
		if !bytes.Equal(got, want) {
			t.Fatalf("streamed %q, whole %q", got, want)
		}
		if !utf8.Valid(got) || bytes.ContainsAny(got, "\r\x00") {
			t.Fatalf("unclean output %q", got)
		}
	})
}

// FuzzReadParts feeds arbitrary bytes through the input reader: it must not
// panic, and every part must be clean, non-empty text.
func FuzzReadParts(f *testing.F) {
	for _, s := range []string{"Kim met Shoigu.", "", "\x89PNG\r\n\x1a\n", "<html><script>x</script><p>Hi</p></html>", "# Title\n\nText *em*\r\n", "\xff\xfeK\x00i\x00m\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"-", "a.html", "a.md"} {
			parts, err := readAllParts(t, name, data)
			if err != nil {
				if !errors.Is(err, errBinary) && !errors.Is(err, errEmpty) {
					t.Fatalf("%s: unexpected error %v", name, err)
				}
				continue
			}
			for _, p := range parts {
				if !utf8.ValidString(p.In.Text) || strings.ContainsAny(p.In.Text, "\r\x00") || len(p.In.Text) > partSize {
					t.Fatalf("%s: unclean part %q", name, p.In.Text)
				}
			}
		}
	})
}

func bufioReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 16) }
