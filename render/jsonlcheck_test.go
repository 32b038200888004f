package render

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// consistentDump writes the dump of three documents' facts (a name part
// that resolution merges, hostile text in the evidence) and two
// curation records, with the graph they resolve to: what kgx export
// writes.
func consistentDump(t testing.TB) []byte {
	t.Helper()
	ent := func(name string, typ extract.EntityType, date string) graph.Entity {
		key := typ.String() + ":" + strings.ToLower(name)
		return graph.Entity{ID: graph.ID(key), Key: key, Name: name, Type: typ, Mentions: 1, Documents: 1, FirstSeen: date, LastSeen: date}
	}
	ev := func(doc, date, s string) []graph.Evidence {
		return []graph.Evidence{{Doc: doc, Sentence: s, End: len(s), Date: date}}
	}
	facts := func(id, date string, es []graph.Entity, rels ...graph.Relation) *graph.Facts {
		f := &graph.Facts{Doc: graph.Doc{ID: id, Title: "Title of " + id, Date: date, Path: id + ".txt", Hash: id}, Entities: es}
		for _, r := range rels {
			if r.Label == graph.CoMentioned {
				f.CoMentions = append(f.CoMentions, r)
			} else {
				f.Relations = append(f.Relations, r)
			}
		}
		return f
	}
	shoigu, kim, pyongyang := ent("Sergei Shoigu", extract.Person, "2025-06-04"), ent("Kim Jong Un", extract.Person, "2025-06-04"), ent("Pyongyang", extract.GPE, "2025-06-04")
	short, kim2 := ent("Shoigu", extract.Person, "2025-07-01"), ent("Kim Jong Un", extract.Person, "2025-07-01")
	marshal, pyongyang3 := ent("Marshal Kim", extract.Person, ""), ent("Pyongyang", extract.GPE, "")
	fs := []*graph.Facts{
		facts("d1", "2025-06-04", []graph.Entity{shoigu, kim, pyongyang},
			graph.Relation{Source: shoigu.ID, Target: kim.ID, Label: "met", Category: "CONSULT", Count: 1,
				Evidence: ev("d1", "2025-06-04", "Shoigu met Kim Jong Un in Pyongyang.")},
			graph.Relation{Source: shoigu.ID, Target: kim.ID, Label: graph.CoMentioned, Count: 2,
				Evidence: ev("d1", "2025-06-04", "Shoigu met Kim Jong Un in Pyongyang.")},
			graph.Relation{Source: kim.ID, Target: pyongyang.ID, Label: graph.CoMentioned, Count: 1,
				Evidence: ev("d1", "2025-06-04", "Kim \u202eevil\u202c returned to Pyongyang, bad \xff utf8.")}),
		facts("d2", "2025-07-01", []graph.Entity{short, kim2},
			graph.Relation{Source: short.ID, Target: kim2.ID, Label: "met", Category: "CONSULT", Count: 1,
				Evidence: ev("d2", "2025-07-01", `Shoigu met Kim "again".`)}),
		facts("d3", "", []graph.Entity{marshal, pyongyang3},
			graph.Relation{Source: marshal.ID, Target: pyongyang3.ID, Label: "visited", Category: "VISIT", Count: 1,
				Evidence: ev("d3", "", "Marshal Kim visited Pyongyang.")}),
	}
	cur := []graph.Curation{
		{Op: graph.OpAlias, Name: "Kim Jong Un", Other: "Marshal Kim"},
		{Op: graph.OpRename, Name: "Pyongyang", Other: "P'yŏngyang"},
	}
	// Resolve what the dump will hold after its first write (invalid
	// UTF-8 repaired), as a store would.
	var first bytes.Buffer
	if err := WriteJSONL(&first, &Dump{Facts: fs, Curations: cur}); err != nil {
		t.Fatal(err)
	}
	d, err := ReadJSONL(&first)
	if err != nil {
		t.Fatal(err)
	}
	g, errs := graph.Resolve(d.Facts, d.Curations)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var b bytes.Buffer
	if err := WriteJSONL(&b, &Dump{Graph: g, Facts: d.Facts, Curations: d.Curations}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// factsJSON is what EachFacts gives, as JSON, to compare with ReadJSONL.
func eachFactsJSON(t *testing.T, c *CheckedDump, n int) (string, []int) {
	t.Helper()
	var all []*graph.Facts
	var sizes []int
	if err := c.EachFacts(context.Background(), n, func(fs []*graph.Facts) error {
		all = append(all, fs...)
		sizes = append(sizes, len(fs))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), sizes
}

func TestCheckJSONL(t *testing.T) {
	good := consistentDump(t)
	lines := strings.SplitAfter(string(good), "\n")
	d, err := ReadJSONL(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Verify(); err != nil {
		t.Fatalf("the fixture is not consistent: %v", err)
	}
	want, err := json.Marshal(d.Facts)
	if err != nil {
		t.Fatal(err)
	}
	// reorder reverses the lines of one kind in place.
	reorder := func(kind string) string {
		ls := append([]string(nil), lines...)
		var at []int
		for i, l := range ls {
			if strings.HasPrefix(l, `{"kind":"`+kind+`"`) {
				at = append(at, i)
			}
		}
		for i, j := 0, len(at)-1; i < j; i, j = i+1, j-1 {
			ls[at[i]], ls[at[j]] = ls[at[j]], ls[at[i]]
		}
		return strings.Join(ls, "")
	}
	tests := []struct{ name, dump string }{
		{"as written", string(good)},
		{"documents in another order", reorder("document")},
		{"co-mentions in another order", reorder("co_mention")},
		{"facts in another order", reorder("facts")},
		{"CRLF and blank lines", strings.ReplaceAll(string(good), "\n", "\r\n\n")},
		{"indented", strings.ReplaceAll(string(good), "\n", "\n  ")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var checked []string
			c, err := CheckJSONL(context.Background(), strings.NewReader(tt.dump), func(f *graph.Facts) error {
				checked = append(checked, f.Doc.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(checked) != 3 || c.Facts() != 3 {
				t.Errorf("checked %v, Facts() = %d; want 3 documents", checked, c.Facts())
			}
			if len(c.Curations) != 2 || c.Curations[1].Other != "P'yŏngyang" {
				t.Errorf("curations %v", c.Curations)
			}
			got, sizes := eachFactsJSON(t, c, 2)
			if fmt.Sprint(sizes) != "[2 1]" {
				t.Errorf("batches of %v, want [2 1]", sizes)
			}
			if tt.name != "facts in another order" && got != string(want) {
				t.Errorf("EachFacts gives\n%s\nReadJSONL\n%s", got, want)
			}
		})
	}
}

func TestCheckJSONLErrors(t *testing.T) {
	good := consistentDump(t)
	lines := strings.SplitAfter(string(good), "\n")
	// index is the first line of a kind holding sub.
	index := func(kind, sub string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, `{"kind":"`+kind+`"`) && strings.Contains(l, sub) {
				return i
			}
		}
		t.Fatalf("no %s line with %q", kind, sub)
		return -1
	}
	edit := func(f func(ls []string) []string) string {
		return strings.Join(f(append([]string(nil), lines...)), "")
	}
	// header adds n to one of the header's counts.
	header := func(ls []string, field string, n int) {
		var h jsonlHeader
		if err := json.Unmarshal([]byte(ls[0]), &h); err != nil {
			t.Fatal(err)
		}
		switch field {
		case "documents":
			h.Documents += n
		case "relations":
			h.Relations += n
		case "co_mentions":
			h.CoMentions += n
		case "facts":
			h.Facts += n
		}
		b, _ := json.Marshal(h)
		ls[0] = string(b) + "\n"
	}
	ent := index("entity", "Sergei Shoigu")
	co := index("co_mention", "evil")
	fact := index("facts", `"id":"d2"`)
	tests := []struct {
		name       string
		dump       string
		checkFacts func(*graph.Facts) error
		want       string
	}{
		{"empty", "", nil, "empty input"},
		{"bad line in the middle", edit(func(ls []string) []string { ls[co] = "{oops\n"; return ls }), nil,
			fmt.Sprintf("line %d: not JSON", co+1)},
		{"truncated", edit(func(ls []string) []string { return ls[:fact] }), nil, "truncated or edited"},
		{"entity edited", edit(func(ls []string) []string {
			ls[ent] = strings.Replace(ls[ent], `"mentions":`, `"mentions":1000`, 1)
			return ls
		}), nil, fmt.Sprintf("line %d: record %d (counting in written order) is not what the facts resolve to: {\"kind\":\"entity\"", ent+1, ent+1)},
		{"evidence edited", edit(func(ls []string) []string {
			ls[co] = strings.Replace(ls[co], "returned", "went back", 1)
			return ls
		}), nil, fmt.Sprintf("line %d: record %d (counting in written order) is not what the facts resolve to: {\"kind\":\"co_mention\"", co+1, co+1)},
		{"facts edited", edit(func(ls []string) []string {
			ls[fact] = strings.Replace(ls[fact], "again", "once more", 1)
			return ls
		}), nil, "is not what the facts resolve to: {\"kind\":\"relation\""},
		{"document id edited", edit(func(ls []string) []string {
			ls[2] = strings.Replace(ls[2], `"id":"d2"`, `"id":"d2x"`, 1)
			return ls
		}), nil, `line 3: record 3 (counting in written order) is not what the facts resolve to (they give document "d2" there): {"kind":"document","id":"d2x"`},
		{"documents reordered, one edited", edit(func(ls []string) []string {
			ls[1], ls[3] = ls[3], ls[1]
			ls[1] = strings.Replace(ls[1], "Title of", "Titel of", 1)
			return ls
		}), nil, `line 2: record 4 (counting in written order) is not what the facts resolve to: {"kind":"document","id":"d3","title":"Titel of d3"`},
		{"record missing, header adjusted", edit(func(ls []string) []string {
			header(ls, "co_mentions", -1)
			return append(ls[:co], ls[co+1:]...)
		}), nil, "the facts and curations resolve to other counts than the dump's records"},
		{"two facts records", edit(func(ls []string) []string {
			header(ls, "facts", 1)
			return append(ls[:fact+1], ls[fact:]...)
		}), nil, fmt.Sprintf(`line %d: two facts records for document "d2" (the other is on line %d)`, fact+2, fact+1)},
		{"document twice", edit(func(ls []string) []string {
			header(ls, "documents", 1)
			return append(ls[:2], ls[1:]...)
		}), nil, `line 3: document "d1" appears twice (also on line 2)`},
		{"co-mention twice", edit(func(ls []string) []string {
			header(ls, "co_mentions", 1)
			return append(ls[:co+1], ls[co:]...)
		}), nil, "appears twice"},
		{"facts refused", string(good), func(f *graph.Facts) error {
			if f.Doc.ID == "d2" {
				return errors.New("document d2: no good")
			}
			return nil
		}, fmt.Sprintf("line %d: document d2: no good", fact+1)},
		{"bad curation", edit(func(ls []string) []string {
			i := index("curation", "alias")
			ls[i] = `{"kind":"curation","op":"explode","name":"Kim Jong Un"}` + "\n"
			return ls
		}), nil, `unknown operation "explode"`},
		{"no facts records", edit(func(ls []string) []string {
			header(ls, "facts", -3)
			out := ls[:0]
			for _, l := range ls {
				if !strings.HasPrefix(l, `{"kind":"facts"`) {
					out = append(out, l)
				}
			}
			return out
		}), nil, "no facts records"},
		{"relation before its entities", edit(func(ls []string) []string {
			return append([]string{ls[0], ls[co]}, append(ls[1:co], ls[co+1:]...)...)
		}), nil, "line 2: co_mention"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := CheckJSONL(context.Background(), strings.NewReader(tt.dump), tt.checkFacts)
			if c != nil || !errors.Is(err, ErrJSONL) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("CheckJSONL = %v, %v\nwant an ErrJSONL containing %q", c, err, tt.want)
			}
		})
	}
}

// TestCheckedDumpChanged: EachFacts refuses a facts record whose bytes
// changed after CheckJSONL read them, before passing any of its batch on.
func TestCheckedDumpChanged(t *testing.T) {
	good := consistentDump(t)
	b := bytes.Clone(good)
	c, err := CheckJSONL(context.Background(), bytes.NewReader(b), nil)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndex(b, []byte(`"kind":"facts"`))
	copy(b[i:], `"kind":"FACTS"`)
	var seen int
	err = c.EachFacts(context.Background(), 2, func(fs []*graph.Facts) error { seen += len(fs); return nil })
	if !errors.Is(err, ErrJSONL) || !strings.Contains(err.Error(), "changed since it was checked") || seen != 2 {
		t.Errorf("EachFacts = %v after %d facts; want a change reported after the first batch of 2", err, seen)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CheckJSONL(ctx, bytes.NewReader(good), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("CheckJSONL with a cancelled context = %v", err)
	}
	c, err = CheckJSONL(context.Background(), bytes.NewReader(good), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.EachFacts(ctx, 2, func([]*graph.Facts) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("EachFacts with a cancelled context = %v", err)
	}
}
