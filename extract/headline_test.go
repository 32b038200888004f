package extract

import (
	"context"
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
