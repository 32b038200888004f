package store

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract"
)

// searchWordsRef is SearchWords as it was before its ASCII fast path:
// every word through extract.Fold.
func searchWordsRef(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		for _, suffix := range []string{"'s", "’s", "'S", "’S"} {
			w = strings.TrimSuffix(strings.TrimRight(w, ".,;:!?\")]”"), suffix)
		}
		for _, f := range strings.Fields(extract.Fold(w)) {
			if !stopWords[f] && !slices.Contains(out, f) && strings.IndexByte(f, 0) < 0 {
				out = append(out, f)
			}
		}
	}
	return out
}

var searchWordsSeeds = []string{
	"",
	"The U.S. Secretary of State met Kim Jong Un in Pyongyang on Wednesday.",
	"O'Brien's visit to the U.N.'s headquarters (in New York) ended.”",
	"“Iraq’s prime minister,” he said; “it's over!”",
	"Café Zürich's owner, Ñandú-Mañana, and Ångström.",
	"a-b c--d e_f 3.5% $12,000 1990s 'quoted' \"double\"",
	"ALL CAPS WORDS'S AND MIXED cAsE O'NEILL'S",
	"trailing punctuation....!!!??;;::,,]])) \"” ”",
	"'s ’s 's. 'S ’S x's'S x’s’s",
	"tab\tnew\nline\u00a0nbsp\u2003em-space",
	"invalid \xff\xfe utf8 \xe2\x80 truncated \xe2\x80\x9d",
	"nul\x00inside word\x00",
	"duplicates Duplicates DUPLICATES dupli.cates",
	"...'.'...",
}

func TestSearchWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The U.S. Secretary of State met Kim Jong Un.", []string{"us", "secretary", "state", "met", "kim", "jong", "un"}},
		{"O'Brien's a-b, Café", []string{"obrien", "b", "cafe"}},
		{"Iraq’s “prime” minister’s", []string{"iraq", "prime", "minister"}},
		{"of the and", nil},
	}
	for _, tt := range tests {
		if got := SearchWords(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("SearchWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	for _, text := range searchWordsSeeds {
		if got, want := SearchWords(text), searchWordsRef(text); !slices.Equal(got, want) {
			t.Errorf("SearchWords(%q) = %q, want %q (extract.Fold on every word)", text, got, want)
		}
	}
}

// FuzzSearchWords checks that the ASCII fast path gives what folding
// every word with extract.Fold gives.
func FuzzSearchWords(f *testing.F) {
	for _, s := range searchWordsSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := SearchWords(text), searchWordsRef(text); !slices.Equal(got, want) {
			t.Errorf("SearchWords(%q) = %q, want %q", text, got, want)
		}
	})
}
