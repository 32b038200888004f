package extract

import (
	"context"
	"testing"
)

// TestOpeningNamePOS checks the tags of a sentence's first word and the
// word after it: a place or organisation the gazetteer knows is a proper
// noun there, a common word keeps the tagger's reading.
func TestOpeningNamePOS(t *testing.T) {
	ex, err := New(WithMode(NoRelations))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text          string
		first, second string // XPOS of the first two words
	}{
		{"Beijing said on Monday it would respond.", "NNP", "VBD"},
		{"Moscow denies the claims.", "NNP", "VBZ"},
		{"Pyongyang fired two missiles.", "NNP", "VBD"},
		{"Check the claims in Moscow.", "VB", "DT"},
	} {
		doc, err := ex.Extract(context.Background(), Input{Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.Tokens[0].XPOS + " " + doc.Tokens[1].XPOS; got != c.first+" "+c.second {
			t.Errorf("%q: tags %s, want %s %s", c.text, got, c.first, c.second)
		}
	}
}
