package tagger

import (
	"testing"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

// FuzzApplyRules runs the rule layer and the headline view on random
// sentences (words from a small vocabulary, random BIO classes) and checks
// that they never panic and that the classes stay valid BIO.
func FuzzApplyRules(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	f.Add([]byte("Rio Grande do Sul agency Tass Korean War"))
	vocab := []string{"Korean", "War", "war", "the", "of", "do", "Sul", "agency", "Tass", "crossing", "Chief", "UN",
		"President", "Iraqi", "Franco-German", "forum", "Forum", "parade", "II", "1944", "Embassy", "foundation",
		"government", "Visit", "Commends", "’s", ",", "", "de", "Battle", "Olympics", "treaty", "nations", "Ana",
		"in", "at", "'s", "Japan", "Tokyo", "Kremlin", "spokesman", "visits", "city", "exclave", "destroyer",
		"Iranian", "North", "Korean", "Saudi", "Pyongyang", "European", "Commission", "Sumy", "az", "Lavrov"}
	gaz, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	lower := map[string]bool{"visit": true, "war": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := len(data) / 2
		if n == 0 || n > 40 {
			return
		}
		words := make([]string, n)
		classes := make([]int, n)
		for i := range n {
			words[i] = vocab[int(data[2*i])%len(vocab)]
			c := int(data[2*i+1]) % (1 + 2*len(Types))
			if c != 0 && c%2 == 0 && (i == 0 || classes[i-1] == 0 || (classes[i-1]-1)/2 != (c-1)/2) {
				c-- // keep the input valid BIO: I-T only after B-T or I-T
			}
			classes[i] = c
		}
		prob := make([]float32, n)
		tagGazetteerPlaces(words, classes, prob, gaz, lower)
		tagGazetteerOrgs(words, classes, prob, gaz)
		tagSettlementNames(words, classes, prob)
		applyRules(words, classes, gaz)
		tagNationalities(words, classes, gaz)
		for i, c := range classes {
			if c < 0 || c > 2*len(Types) {
				t.Fatalf("class %d out of range", c)
			}
			if c != 0 && c%2 == 0 && (i == 0 || classes[i-1] == 0 || (classes[i-1]-1)/2 != (c-1)/2) {
				t.Fatalf("invalid BIO at %d: %v %v", i, words, classes)
			}
		}
		body := bodyCase([][]string{words, words}, []bool{true, false})
		if v := headlineView(words, body, lower, gaz); len(v) != len(words) {
			t.Fatalf("view has %d words, want %d", len(v), len(words))
		}
		isHeadlineCase(words, lower, body)
	})
}
