// Package gazetteer is kgx's compact name list: lower-cased phrases in,
// categories (country, city, demonym, organisation word, person title,
// given name, ...) and the country a demonym or alias belongs to out.
//
// Build reads the shared open data (world-countries, CountryInfo and the
// PETRARCH/Phoenix actor dictionaries) and a few hand lists in this
// package; WriteTo/Read store the result as a sorted, gzip-compressed text
// table that extract/models embeds. Default returns the embedded
// gazetteer, loaded once. A Gazetteer is immutable and safe for concurrent
// use.
package gazetteer

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Category is a bit set of what a phrase can be.
type Category uint16

// Categories.
const (
	Country       Category = 1 << iota // a country or country alias ("France", "U.S.")
	City                               // a capital or major city ("Kabul")
	Region                             // a region, province or geographic feature
	Demonym                            // a nationality adjective or noun ("French", "Afghans")
	OrgWord                            // a word that heads organisation names ("Ministry")
	OrgName                            // a known organisation ("United Nations")
	Title                              // a person title ("President", "Gen.")
	GivenName                          // a given name ("Vladimir")
	PersonName                         // a known person or surname ("Putin")
	Religion                           // a religious or political group word ("Muslim")
	numCategories = 10
)

// Place is the categories of a country, city or region.
const Place = Country | City | Region

var catNames = [numCategories]string{"country", "city", "region", "demonym", "orgword", "org", "title", "given", "person", "religion"}

func (c Category) String() string {
	var parts []string
	for i := range numCategories {
		if c&(1<<i) != 0 {
			parts = append(parts, catNames[i])
		}
	}
	return strings.Join(parts, "|")
}

// Categories lists every single category in bit order.
func Categories() []Category {
	out := make([]Category, numCategories)
	for i := range out {
		out[i] = 1 << i
	}
	return out
}

type entry struct {
	cats    Category
	country string // canonical country name for countries, cities, demonyms
}

// Gazetteer maps normalised phrases to categories.
type Gazetteer struct {
	m      map[string]entry
	maxLen int             // longest phrase in words
	prefix map[string]bool // proper word prefixes of multi-word phrases
}

// index builds the prefix set Match uses to stop early.
func (g *Gazetteer) index() {
	g.prefix = make(map[string]bool, len(g.m)/2)
	for k := range g.m {
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				g.prefix[k[:i]] = true
			}
		}
	}
}

// Norm normalises a phrase for lookup: lower case, words separated by one
// space, curly apostrophes made straight.
func Norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '_':
			space = b.Len() > 0
			continue
		case r == '’' || r == '‘':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func (g *Gazetteer) add(phrase string, c Category, country string) {
	k := Norm(phrase)
	if k == "" || !utf8.ValidString(k) {
		return
	}
	e := g.m[k]
	e.cats |= c
	if e.country == "" && country != "" {
		e.country = country
	}
	g.m[k] = e
	if n := strings.Count(k, " ") + 1; n > g.maxLen {
		g.maxLen = n
	}
}

// Lookup returns the categories of a phrase (any case; words separated by
// spaces), or 0.
func (g *Gazetteer) Lookup(phrase string) Category { return g.m[Norm(phrase)].cats }

// LookupNorm is Lookup for an already normalised key (see Norm); it does
// not allocate.
func (g *Gazetteer) LookupNorm(k string) Category { return g.m[k].cats }

// Country returns the canonical country name for a country name or alias,
// a demonym ("Russian", "Afghans") or a capital or major city, and whether
// one was found.
func (g *Gazetteer) Country(phrase string) (string, bool) {
	e, ok := g.m[Norm(phrase)]
	if !ok || e.country == "" {
		return "", false
	}
	return e.country, true
}

// LookupBytes is LookupNorm for a normalised key held in bytes; it does
// not allocate.
func (g *Gazetteer) LookupBytes(k []byte) Category { return g.m[string(k)].cats }

// StartsBytes is Starts for a normalised key held in bytes; it does not
// allocate.
func (g *Gazetteer) StartsBytes(k []byte) bool { return g.prefix[string(k)] }

// Len is the number of phrases.
func (g *Gazetteer) Len() int { return len(g.m) }

// MaxWords is the length of the longest phrase in words.
func (g *Gazetteer) MaxWords() int { return g.maxLen }

// Match finds gazetteer phrases in a word sequence, longest match first
// from each start position, and calls fn for each match (words[start:end]
// with its categories). Matches do not overlap. lower must hold the
// lower-cased words (Norm of each word).
func (g *Gazetteer) Match(lower []string, fn func(start, end int, c Category)) {
	g.MatchCats(lower, nil, nil, fn)
}

// Starts reports whether k, a normalised word or phrase, begins a longer
// phrase (the words of Match's longer matches). It does not allocate.
func (g *Gazetteer) Starts(k string) bool { return g.prefix[k] }

// MatchCats is Match for a caller that has already looked up every single
// word: cats[i] must be LookupNorm(lower[i]) and starts[i] Starts(lower[i]).
// A nil cats or starts is looked up.
func (g *Gazetteer) MatchCats(lower []string, cats []Category, starts []bool, fn func(start, end int, c Category)) {
	var b strings.Builder
	for i := 0; i < len(lower); {
		best, bestC := 0, Category(0)
		b.Reset()
		c := Category(0)
		if cats != nil {
			c = cats[i]
		} else {
			c = g.m[lower[i]].cats
		}
		if c != 0 {
			best, bestC = i+1, c
		}
		var more bool
		if starts != nil {
			more = starts[i]
		} else {
			more = g.prefix[lower[i]]
		}
		if more {
			b.WriteString(lower[i])
			for j := i + 1; j < len(lower) && j-i < g.maxLen; j++ {
				b.WriteByte(' ')
				b.WriteString(lower[j])
				k := b.String()
				if c := g.m[k].cats; c != 0 {
					best, bestC = j+1, c
				}
				if !g.prefix[k] {
					break
				}
			}
		}
		if best > 0 {
			fn(i, best, bestC)
			i = best
		} else {
			i++
		}
	}
}

const header = "# kgx gazetteer v1: phrase TAB categories (hex bit set) TAB country"

// WriteTo writes the gazetteer as gzip-compressed, sorted text.
func (g *Gazetteer) WriteTo(w io.Writer) (int64, error) {
	keys := make([]string, 0, len(g.m))
	for k := range g.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, header)
	for _, k := range keys {
		e := g.m[k]
		fmt.Fprintf(bw, "%s\t%x\t%s\n", k, uint16(e.cats), e.country)
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// Read decodes a gazetteer written by WriteTo.
func Read(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g := &Gazetteer{m: make(map[string]entry, 1<<16)}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if line == 1 {
			if t != header {
				return nil, fmt.Errorf("gazetteer: bad header %q", t)
			}
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("gazetteer: line %d: want 3 fields, got %d", line, len(f))
		}
		c, err := strconv.ParseUint(f[1], 16, 16)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: line %d: %w", line, err)
		}
		g.m[f[0]] = entry{Category(c), f[2]}
		if n := strings.Count(f[0], " ") + 1; n > g.maxLen {
			g.maxLen = n
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g.index()
	return g, nil
}
