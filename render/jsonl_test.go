package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

func TestJSONLRoundTrip(t *testing.T) {
	g := fixture()
	f := &graph.Facts{Doc: graph.Doc{ID: "d1", Title: "t"}, Entities: []graph.Entity{{ID: 1, Key: "PERSON:a", Name: "A", Type: extract.Person, Mentions: 1, Documents: 1}}}
	d := &Dump{Graph: g, Facts: []*graph.Facts{f}, Curations: []graph.Curation{{Op: graph.OpAlias, Name: "Kim Jong Un", Other: "Marshal Kim"}}}
	var a bytes.Buffer
	if err := WriteJSONL(&a, d); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSONL(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's invalid UTF-8 is repaired on the first write (as
	// \ufffd escapes); the repaired dump must then reproduce itself.
	var b, c bytes.Buffer
	if err := WriteJSONL(&b, back); err != nil {
		t.Fatal(err)
	}
	again, err := ReadJSONL(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	WriteJSONL(&c, again)
	if !bytes.Equal(b.Bytes(), c.Bytes()) {
		t.Fatalf("dump -> read -> dump differs at %s", firstDiff(b.Bytes(), c.Bytes()))
	}
	if strings.Count(a.String(), "\n") != strings.Count(b.String(), "\n") {
		t.Fatal("the second dump has a different number of records")
	}
	if len(back.Facts) != 1 || back.Facts[0].Entities[0].Name != "A" || len(back.Curations) != 1 || back.Curations[0].Other != "Marshal Kim" {
		t.Errorf("facts or curations lost: %+v %+v", back.Facts, back.Curations)
	}
	if len(back.Graph.Entities()) != len(g.Entities()) || len(back.Graph.Docs()) != 3 {
		t.Errorf("graph lost entities or documents")
	}
}

func TestReadJSONLErrors(t *testing.T) {
	var good bytes.Buffer
	if err := WriteJSONL(&good, &Dump{Graph: fixture()}); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(good.String(), "\n")
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty input"},
		{"not json", lines[0] + "{oops\n", "line 2: not JSON"},
		{"no header", lines[1], "line 1: the first record must be the header"},
		{"newer", strings.Replace(lines[0], `"version":1`, `"version":9`, 1), "dump version 9"},
		{"other format", strings.Replace(lines[0], "kgx-jsonl", "csv", 1), `format "csv"`},
		{"truncated", strings.Join(lines[:len(lines)-3], ""), "truncated or edited"},
		{"unknown kind", lines[0] + `{"kind":"teapot"}` + "\n", `line 2: unknown record kind "teapot"`},
		{"dangling relation", lines[0] + `{"kind":"relation","source":1,"target":2,"type":"met"}` + "\n", "joins an entity not defined above"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSONL(strings.NewReader(tt.in))
			if !errors.Is(err, ErrJSONL) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
