package extract

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHeadlineEntities runs the whole pipeline on invented articles whose
// headline is in title case or in capitals: the headline must yield the
// names the body has (and the gazetteer knows), each with its body type,
// and no span of headline words.
func TestHeadlineEntities(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		want       []string // "Name TYPE" mentioned in the headline
	}{
		{"title case",
			"Ruto Commends Ethiopia’s Military Support During Nairobi Meeting\n\n" +
				"Kenyan President William Ruto commended Ethiopian troops for their support during a meeting in Nairobi on Tuesday. " +
				"Ruto said the military support from Ethiopia had helped the region. The meeting lasted two hours.\n",
			[]string{"William Ruto PERSON", "Ethiopia GPE", "Nairobi GPE"}},
		{"title case with a possessive",
			"Amina Diallo’s Visit to Senegal: Strengthening Trade Ties\n\n" +
				"Amina Diallo, Mali’s trade minister, has arrived in Senegal to strengthen trade ties. " +
				"The visit is her first since the border reopened, and Diallo will meet officials in Dakar.\n",
			[]string{"Amina Diallo PERSON", "Senegal GPE"}},
		{"title case, mostly names the body capitalises",
			"Respected Comrade Kim Jong Un Receives Secretary of Security Council of Russian Federation\n\n" +
				"Respected Comrade Kim Jong Un received Sergei Shoigu, secretary of the Security Council of the Russian Federation, on Wednesday. " +
				"Shoigu conveyed to Comrade Kim Jong Un the greetings of Vladimir Putin, president of the Russian Federation, and the Security Council's wishes. " +
				"The talks were held in a comradely atmosphere at the office building of the Central Committee, and both sides noted the growing ties.\n",
			[]string{"Kim Jong Un PERSON", "Security Council of the Russian Federation ORG"}},
		{"all caps",
			"RUTO VISITS ETHIOPIA TO DISCUSS BORDER SECURITY\n\n" +
				"Kenyan President William Ruto arrived in Ethiopia on Monday for security talks. " +
				"Ruto and his hosts discussed border security.\n",
			[]string{"William Ruto PERSON", "Ethiopia GPE"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ex.Extract(context.Background(), Input{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			head := strings.Index(tc.text, "\n")
			var got []string
			for _, m := range doc.Mentions {
				if m.Span.Start >= head || m.Entity < 0 {
					continue
				}
				e := doc.Entities[m.Entity]
				got = append(got, e.Name+" "+e.Type.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("headline entities\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestNamedEventsInDocument checks on an invented article that named
// events come out as EVENT entities, every mention of them, and that a
// demonym is NORP.
func TestNamedEventsInDocument(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Veterans of the Chaco War gathered in Asunción on Sunday for a ceremony. " +
		"The Chaco War, which lasted from 1932 to 1935, killed tens of thousands. " +
		"Delegations from Bolivia attended Chaco War anniversary celebrations alongside their Paraguayan hosts. " +
		"The defence minister also reviewed the Independence Day parade.\n"
	doc, err := ex.Extract(context.Background(), Input{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	count := map[string]int{}
	for _, e := range doc.Entities {
		types[e.Name] = e.Type.String()
		count[e.Name] = len(e.Mentions)
	}
	for name, want := range map[string]string{"Chaco War": "EVENT", "Independence Day parade": "EVENT", "Bolivia": "GPE", "Asunción": "GPE"} {
		if types[name] != want {
			t.Errorf("%s: type %q, want %s (entities %v)", name, types[name], want, types)
		}
	}
	if count["Chaco War"] != 3 {
		t.Errorf("Chaco War: %d mentions, want 3", count["Chaco War"])
	}
	for name, typ := range types {
		if strings.HasPrefix(name, "Paraguay") && typ != "NORP" && typ != "GPE" {
			t.Errorf("%s typed %s", name, typ)
		}
	}
}

// TestSeedCorpusEntities checks entity quality on the seed corpus
// (testdata/news): every article has a title; every entity named in a
// headline is also named in the body (a headline yields no entity of its
// own words); no alias is a bare title; and the types that the rules fix.
func TestSeedCorpusEntities(t *testing.T) {
	files, _ := filepath.Glob("../testdata/news/*.txt")
	if len(files) == 0 {
		t.Fatal("no seed articles in testdata/news")
	}
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]EntityType{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ex.Extract(context.Background(), Input{Text: string(b), Source: f})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title == "" {
			t.Errorf("%s: no title", filepath.Base(f))
		}
		head := doc.Body[0]
		for _, e := range doc.Entities {
			types[e.Name] = e.Type
			inBody := false
			for _, mi := range e.Mentions {
				inBody = inBody || !head.Contains(doc.Mentions[mi].Span)
			}
			if !inBody {
				t.Errorf("%s: %s %q only in the headline %q", filepath.Base(f), e.Type, e.Name, doc.Slice(head))
			}
			for _, a := range e.Aliases {
				if IsTitle(a.Name) {
					t.Errorf("%s: %s has the title %q as an alias", filepath.Base(f), e.Name, a.Name)
				}
			}
		}
	}
	for name, want := range map[string]EntityType{
		"Korean War": Event, "Victory Day parade": Event, "Korean": NORP, "Soviet": NORP,
		"Russian Embassy": Org, "Workers’ Party": Org, "Pyongyang": GPE, "Sergei Shoigu": Person,
	} {
		if types[name] != want {
			t.Errorf("%s: type %v, want %v", name, types[name], want)
		}
	}
}
