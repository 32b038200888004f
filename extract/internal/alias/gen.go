//go:build ignore

// gen.go writes countries.tsv from the world-countries gazetteer
// (mledoze/countries via npm world-countries 5.1.0, ODbL 1.0):
//
//	go run gen.go /work/shared/data/gazetteers/world-countries/countries.json
//
// Each line is: phrase TAB kind TAB country, sorted, where phrase is the
// name as written (Norm folds it at load), kind is one of name, official,
// alternate, demonym, capital, and country is the common English name.
// Two-letter codes other than US and UK are left out (they collide with
// words: "IN", "IT"); a phrase that several countries claim goes to the one
// independent claimant ("American": the United States), or is left out.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string `json:"altSpellings"`
	Capital      []string `json:"capital"`
	Independent  bool     `json:"independent"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// extra are hand-added alternate names in common English news use.
var extra = map[string][]string{
	"United States":  {"U.S.A.", "United States", "the United States", "America"},
	"United Kingdom": {"Britain", "U.K."},
	"North Korea":    {"D.P.R.K.", "N. Korea", "N.Korea"},
	"South Korea":    {"ROK", "S. Korea", "S.Korea"},
	"China":          {"PRC", "People's Republic of China", "mainland China"},
	"Türkiye":        {"Turkey"},
}

// extraDemonyms are hand-added nationality words in common English news
// use (Yonhap's headline forms).
var extraDemonyms = map[string][]string{
	"North Korea":  {"N. Korean", "N.Korean"},
	"South Korea":  {"S. Korean", "S.Korean"},
	"Saudi Arabia": {"Saudi", "Saudis"},
	"Philippines":  {"Philippine"},
}

// extraCapitals are capitals as news names them ("Washington", which
// world-countries lists only as "Washington D.C.").
var extraCapitals = map[string][]string{
	"United States": {"Washington"},
}

// short are the two-letter codes common enough in news to keep.
var short = map[string]bool{"us": true, "uk": true}

// skip are phrases that the data lists but that are ambiguous in news text.
var skip = map[string]bool{"korea": true, "congo": true, "georgia": true, "guinea": true}

func main() {
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var cs []country
	if err := json.Unmarshal(b, &cs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	type row struct {
		phrase, kind, country string
		independent           bool
	}
	claims := map[string][]row{} // folded phrase -> rows
	var independent bool
	add := func(phrase, kind, c string) {
		phrase = strings.TrimSpace(phrase)
		if phrase == "" || !latin(phrase) {
			return
		}
		k := fold(phrase)
		if skip[k] || (len([]rune(k)) < 3 && !short[k]) {
			return
		}
		for i, r := range claims[k] {
			if r.country == c {
				if kind == "demonym" && r.kind == "alternate" {
					claims[k][i].kind = kind // "Saudi": an adjective in news
				}
				return
			}
		}
		claims[k] = append(claims[k], row{phrase, kind, c, independent})
	}
	for _, c := range cs {
		n := c.Name.Common
		independent = c.Independent
		add(n, "name", n)
		add(c.Name.Official, "official", n)
		for _, a := range c.AltSpellings {
			if !strings.Contains(a, ",") { // "Korea, Republic of" is a sort form
				add(a, "alternate", n)
			}
		}
		for _, a := range extra[n] {
			add(a, "alternate", n)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, x := range []string{d.M, d.F} {
				add(x, "demonym", n)
				if !strings.HasSuffix(x, "s") && !strings.HasSuffix(x, "ese") && !strings.HasSuffix(x, "ish") && !strings.HasSuffix(x, "ch") {
					add(x+"s", "demonym", n)
				}
			}
		}
		for _, x := range extraDemonyms[n] {
			add(x, "demonym", n)
		}
		for _, cap := range append(c.Capital, extraCapitals[n]...) {
			add(cap, "capital", n)
		}
	}
	var out []string
	for _, rs := range claims {
		var ind []row
		for _, r := range rs {
			if r.independent {
				ind = append(ind, r)
			}
		}
		if len(rs) > 1 && len(ind) == 1 {
			rs = ind // "American": the United States, not the Northern Mariana Islands
		}
		if len(rs) > 1 {
			continue
		}
		r := rs[0]
		out = append(out, r.phrase+"\t"+r.kind+"\t"+r.country)
	}
	slices.Sort(out)
	f, err := os.Create("countries.tsv")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintln(f, "# Country names, official names, alternate spellings, demonyms and capitals.")
	fmt.Fprintln(f, "# Derived from world-countries 5.1.0 (mledoze/countries), ODbL 1.0; regenerate with go run gen.go.")
	for _, l := range out {
		fmt.Fprintln(f, l)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func latin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 && r != '’' && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// fold is alias.Norm.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}
