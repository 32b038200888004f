package extract

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestRelationAttributes runs whole sentences through the pipeline (the
// embedded tagger, NER and parser) and checks that a relation carries its
// date, resolved against the publication date, its place and a high
// confidence when the parse gives the trigger its arguments. Names vary:
// Korean three-part names, hyphenated and transliterated Russian names.
func TestRelationAttributes(t *testing.T) {
	fri := time.Date(2025, 6, 6, 0, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		name, text string
		want       string // relString of the relation
	}{
		{"leading weekday, Korean name", "On Wednesday, Sergei Shoigu met Kim Jong Un in Pyongyang.",
			"Sergei Shoigu -met-> Kim Jong Un CONSULT @Pyongyang 2025-06-04"},
		{"place and weekday after a Korean name", "Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday.",
			"Sergei Shoigu -met-> Kim Jong Un CONSULT @Pyongyang 2025-06-04"},
		{"met with, no date", "Sergei Shoigu met with Ri Chang Dae in Moscow.",
			"Sergei Shoigu -met-> Ri Chang Dae CONSULT @Moscow 2025-06-06"},
		{"a visit's target is its place", "Putin visited Beijing on Monday.",
			"Putin -visited-> Beijing CONSULT @Beijing 2025-06-02"},
		{"hyphenated name, month and day", "Jean-Yves Le Drian met Choe Son Hui in Vladivostok on June 4.",
			"Jean-Yves Le Drian -met-> Choe Son Hui CONSULT @Vladivostok 2025-06-04"},
		{"passive hosted by, place on the agent", "Choe Son Hui was hosted by Sergei Lavrov in Moscow on Tuesday.",
			"Sergei Lavrov -hosted-> Choe Son Hui CONSULT @Moscow 2025-06-03"},
		{"passive met by, last week", "Kim Jong Un was met by Vladimir Putin in Moscow last week.",
			"Vladimir Putin -met-> Kim Jong Un CONSULT @Moscow 2025-W22"},
		{"leading last week", "Last week Maria Zakharova met Pak Myong Ho in Khabarovsk.",
			"Maria Zakharova -met-> Pak Myong Ho CONSULT @Khabarovsk 2025-W22"},
		{"planned visit, coming weekday", "Dmitry Medvedev will visit Pyongyang on Friday.",
			"Dmitry Medvedev -visited-> Pyongyang CONSULT planned @Pyongyang 2025-06-13"},
		{"yesterday", "Anne-Marie Descotes met Yevgeny Prigozhin in Minsk yesterday.",
			"Anne-Marie Descotes -met-> Yevgeny Prigozhin CONSULT @Minsk 2025-06-05"},
	}
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ex.Extract(context.Background(), Input{Text: tc.text, Published: fri})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range doc.Relations {
				if r.Category == Attribute {
					continue
				}
				s := relString(doc, r)
				got = append(got, s)
				if s == tc.want {
					if r.Confidence < 0.8 {
						t.Errorf("%s: confidence %.2f, want >= 0.8 (the parse gave the trigger its arguments)", s, r.Confidence)
					}
					return
				}
			}
			t.Errorf("want %q; got %q", tc.want, got)
		})
	}
}

// TestParseKeepsNamesWhole checks how a multi-word name reaches the
// parser: as one word, whose internal arcs are UD's (a person's name
// headed by its first word, flat; another name by its last, compound).
func TestParseKeepsNamesWhole(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ex.Extract(context.Background(), Input{Text: "The Security Council said Sergei Shoigu met Kim Jong Un in Pyongyang."})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"Jong": {"flat", "Kim"}, "Un": {"flat", "Kim"}, "Shoigu": {"flat", "Sergei"},
		"Kim": {"obj", "met"}, "Sergei": {"nsubj", "met"}, "Security": {"compound", "Council"},
	}
	checkArcs(t, doc, doc.Tokens, want)
}

// TestClaimedIsNoAccusation: claiming a deed or a thing is taking
// responsibility or credit for it, not accusing anyone (re3d: "The Syrian
// army now claims full control of Aleppo" was coded ACCUSE).
func TestClaimedIsNoAccusation(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"The United States condemned the attack in Baghdad claimed by Daesh.",
		"Daesh claimed the attacks on Baghdad.",
		"The Syrian army now claims full control of Aleppo.",
	} {
		doc, err := ex.Extract(context.Background(), Input{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range doc.Relations {
			if r.Label == "claimed" {
				t.Errorf("%q: %s", text, relString(doc, r))
			}
		}
	}
}

// TestNamedEventsPipeline: named events through the whole pipeline. A
// treaty is an agreement, not an event, and an all-caps heading is not a
// name.
func TestNamedEventsPipeline(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // EVENT entity names
	}{
		{"Russia signed a partnership treaty with North Korea.", nil},
		{"Shoigu met Kim.\n\nSECURITY TALKS\n\nThe two sides agreed.", nil},
		{"WAR GAMES\n\nShoigu met Kim in Pyongyang.", nil},
		{"The security forum opened in Moscow. Putin attended the Victory Day parade.", []string{"security forum", "Victory Day parade"}},
	}
	for _, tc := range tests {
		doc, err := ex.Extract(context.Background(), Input{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, en := range doc.Entities {
			if en.Type == Event {
				got = append(got, en.Name)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: events %q, want %q", tc.text, got, tc.want)
		}
	}
}
