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

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"", "X\tfoo", "V\ttoo\tfew"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q): no error", s)
		}
	}
}
