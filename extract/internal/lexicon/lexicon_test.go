package lexicon

import "testing"

func TestLookup(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ form, label, cat string }{
		{"met", "met", "CONSULT"},
		{"meets", "met", "CONSULT"},
		{"visited", "visited", "CONSULT"},
		{"hosted", "hosted", "CONSULT"},
		{"thanked", "thanked", "SUPPORT"},
		{"praised", "praised", "SUPPORT"},
		{"commended", "commended", "SUPPORT"},
		{"condemned", "condemned", "ACCUSE"},
		{"accused", "accused", "ACCUSE"},
		{"telephoned", "telephoned", "CONSULT"},
		{"arrived", "visited", "CONSULT"},
	} {
		ts := l.Verb(tc.form)
		if len(ts) == 0 {
			t.Errorf("Verb(%q): no reading", tc.form)
			continue
		}
		if ts[0].Label != tc.label || ts[0].Category != tc.cat {
			t.Errorf("Verb(%q) = %s/%s, want %s/%s", tc.form, ts[0].Label, ts[0].Category, tc.label, tc.cat)
		}
	}
	if ts := l.Verb("met"); !ts[0].TakesPrep("with") {
		t.Errorf("met does not take 'with': %+v", ts[0])
	}
	send := l.Verb("sent")
	if len(send) == 0 {
		t.Fatal("no reading for sent")
	}
	p, ok := l.Object(send[0], "troops", "to")
	if !ok || p.Category != "AID" || p.Label != "troops" {
		t.Errorf("Object(sent, troops) = %+v, %v; want AID troops", p, ok)
	}
	if n, ok := l.Noun("talks"); !ok || n.Category != "CONSULT" {
		t.Errorf("Noun(talks) = %+v, %v", n, ok)
	}
}

func TestSense(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ verb, prep, label, cat string }{
		{"engaged", "with", "engaged_with", "CONSULT"},
		{"engages", "in", "-", "-"},
		{"talked", "to", "talked_with", "CONSULT"},
		{"talk", "with", "talked_with", "CONSULT"},
	} {
		ts := l.Verb(tc.verb)
		if len(ts) == 0 {
			t.Fatalf("Verb(%q): no reading", tc.verb)
		}
		p, ok := l.Sense(ts[0], tc.prep)
		if !ok || p.Label != tc.label || p.Category != tc.cat {
			t.Errorf("Sense(%s, %s) = %+v, %v; want %s/%s", tc.verb, tc.prep, p, ok, tc.label, tc.cat)
		}
	}
	// without the preposition the dictionary's reading stands
	if ts := l.Verb("engaged"); ts[0].Category != "ASSAULT" {
		t.Errorf("engaged = %+v, want ASSAULT", ts[0])
	}
	if _, ok := l.Sense(l.Verb("met")[0], "with"); ok {
		t.Errorf("met has a prepositional sense")
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"", "X\tfoo", "V\ttoo\tfew", "R\tENGAGE\twith"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q): no error", s)
		}
	}
}

// TestInflectionAndCodes checks verbs CAMEO lists without forms and the
// overlay's code overrides: "hit" is not "hited", and "break" alone is no
// assault.
func TestInflectionAndCodes(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		form, label, category string // category "" = not a trigger form
	}{
		{"hit", "hit", "ASSAULT"},
		{"hitting", "hit", "ASSAULT"},
		{"hited", "", ""},
		{"banned", "banned", "COERCE"},
		{"broke", "broken", "-"},
	}
	for _, tc := range tests {
		trs := lex.Verb(tc.form)
		if tc.category == "" {
			if len(trs) > 0 {
				t.Errorf("%q: a trigger form (%+v), want none", tc.form, trs[0])
			}
			continue
		}
		found := false
		for _, tr := range trs {
			found = found || tr.Label == tc.label && tr.Category == tc.category
		}
		if !found {
			t.Errorf("%q: got %+v, want label %s category %s", tc.form, trs, tc.label, tc.category)
		}
	}
}
