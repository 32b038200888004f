package gazetteer

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase  string
		has     Category
		country string
	}{
		{"France", Country, "France"},
		{"united states", Country, "United States"},
		{"Russian", Demonym, "Russia"},
		{"Afghans", Demonym, "Afghanistan"},
		{"Kabul", City, "Afghanistan"},
		{"Ministry", OrgWord, ""},
		{"President", Title, ""},
		{"Gen.", Title, ""},
		{"Vladimir Putin", PersonName, ""},
		{"Putin", PersonName, ""},
		{"Muslims", Religion, ""},
		{"United Nations", OrgName, ""},
	}
	for _, tt := range tests {
		if c := g.Lookup(tt.phrase); c&tt.has == 0 {
			t.Errorf("Lookup(%q) = %v, want %v", tt.phrase, c, tt.has)
		}
		if tt.country != "" {
			if c, ok := g.Country(tt.phrase); !ok || c != tt.country {
				t.Errorf("Country(%q) = %q, %v; want %q", tt.phrase, c, ok, tt.country)
			}
		}
	}
	for _, w := range []string{"the", "said", "and"} {
		if c := g.Lookup(w); c&(PersonName|GivenName|OrgName) != 0 {
			t.Errorf("common word %q is listed as %v", w, c)
		}
	}
	if c := g.Lookup("France"); c&GivenName != 0 {
		t.Errorf("France is a given name: %v", c)
	}
}

func TestMatch(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("president putin of the united states met in kabul")
	type m struct {
		s, e int
		c    Category
	}
	var got []m
	g.Match(words, func(s, e int, c Category) { got = append(got, m{s, e, c}) })
	var spans []string
	for _, x := range got {
		if x.s < 0 || x.e > len(words) || x.s >= x.e {
			t.Fatalf("bad match %v", x)
		}
		spans = append(spans, strings.Join(words[x.s:x.e], " "))
	}
	for _, want := range []string{"united states", "kabul"} {
		if !slices.Contains(spans, want) {
			t.Errorf("Match found %q, want %q among them", spans, want)
		}
	}
}

// TestMatchCats checks that MatchCats with the words' own categories (and
// Starts, or not) finds what Match finds.
func TestMatchCats(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type m struct {
		s, e int
		c    Category
	}
	for _, text := range []string{
		"president putin of the united states met in kabul",
		"the new york times and the united nations security council",
		"",
		"kabul",
		"united",
	} {
		words := strings.Fields(text)
		var want, got []m
		g.Match(words, func(s, e int, c Category) { want = append(want, m{s, e, c}) })
		cats := make([]Category, len(words))
		starts := make([]bool, len(words))
		for i, w := range words {
			cats[i], starts[i] = g.LookupNorm(w), g.Starts(w)
		}
		g.MatchCats(words, cats, starts, func(s, e int, c Category) { got = append(got, m{s, e, c}) })
		if !slices.Equal(got, want) {
			t.Errorf("%q: MatchCats found %v, Match %v", text, got, want)
		}
		got = got[:0]
		g.MatchCats(words, cats, nil, func(s, e int, c Category) { got = append(got, m{s, e, c}) })
		if !slices.Equal(got, want) {
			t.Errorf("%q: MatchCats without starts found %v, Match %v", text, got, want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	g := &Gazetteer{m: map[string]entry{}}
	g.add("New  York", City, "United States")
	g.add("Mr.", Title, "")
	g.add("Côte d’Ivoire", Country, "Ivory Coast")
	g.index()
	var b bytes.Buffer
	if _, err := g.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	g2, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	if g2.Len() != 3 || g2.Lookup("new york") != City || g2.Lookup("côte d'ivoire") != Country || g2.MaxWords() != 2 {
		t.Errorf("round trip lost entries: len %d", g2.Len())
	}
	if _, err := Read(strings.NewReader("not gzip")); err == nil {
		t.Error("Read accepted garbage")
	}
}

func TestCategoryString(t *testing.T) {
	if s := (Country | Demonym).String(); s != "country|demonym" {
		t.Errorf("String = %q", s)
	}
}
