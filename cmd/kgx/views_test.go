package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
)

// indentedLikeEncoder is what writeJSON must match: json.Encoder with
// SetIndent("", "  ") and SetEscapeHTML(false).
func indentedLikeEncoder(t testing.TB, v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
	}{
		{"scalar", 42},
		{"string with brackets, commas, colons and escapes", `a {b} [c], d: "e" \ f <g> &`},
		{"empty object and array", map[string]any{"a": map[string]any{}, "b": []int{}, "c": nil}},
		{"nested", map[string]any{"k": []any{1, "x", []any{}, map[string]any{"y": []string{"z", "w"}}}}},
		{"show card", showJSON{Name: `Kim "Jong" Un`, Aliases: []string{}, AliasRules: []aliasJSON{}, Roles: []string{"leader, {supreme}"},
			Relations: []showRelationJSON{{Type: "met", Evidence: []evidenceJSON{{Doc: "d1", Sentence: "He said: \"[yes]\"\n"}}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := writeJSON(&b, tc.v); err != nil {
				t.Fatal(err)
			}
			if want := indentedLikeEncoder(t, tc.v); b.String() != want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), want)
			}
		})
	}
}

// FuzzWriteIndented checks writeIndented against json.Indent on any
// valid JSON, compacted as encoding/json writes it.
func FuzzWriteIndented(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{"b":"c\"d"}],"e":{}}`, `"\\"`, `[[],[{}],"x,y:z"]`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !json.Valid(src) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, src); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		w := bufio.NewWriter(&got)
		writeIndented(w, compact.Bytes(), "  ")
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\ngot  %q\nwant %q", compact.Bytes(), got.String(), want.String())
		}
	})
}
