package extract

import (
	"strings"
	"testing"
)

// FuzzReadGUMCoref checks that any input either fails with an error
// naming the document or gives a document whose mentions are sorted, in
// bounds and on token boundaries, with gold records pointing at them; and
// that resolving it keeps mentions and entities consistent.
func FuzzReadGUMCoref(f *testing.F) {
	f.Add("1\tKim\tKim\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new-s-cf1-1-coref-Kim_Jong%2Dun)\n")
	f.Add("1\tNorth\tNorth\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(2-place-new-s-cf1-1-coref-North_Korea\n2\tKorea\tKorea\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=2)|SpaceAfter=No\n\n")
	f.Add("# text = x\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, src string) {
		doc, gold, err := ReadGUMCoref(strings.NewReader(src), "fz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fz") {
				t.Fatalf("error does not name the document: %v", err)
			}
			return
		}
		for i, m := range doc.Mentions {
			if m.First < 0 || m.End > len(doc.Tokens) || m.First >= m.End || m.Span.End > len(doc.Text) {
				t.Fatalf("mention %d out of bounds", i)
			}
			if i > 0 && doc.Mentions[i-1].Span.Start > m.Span.Start {
				t.Fatal("mentions out of order")
			}
		}
		for _, g := range gold {
			if g.Mention < 0 || g.Mention >= len(doc.Mentions) || doc.Mentions[g.Mention].Span != g.Span {
				t.Fatalf("gold record %+v points nowhere", g)
			}
		}
		Resolve(doc)
		checkMentionLinks(t, doc)
	})
}
