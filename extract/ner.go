package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/alias"
	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/tagger"
)

// recognise fills doc.Mentions with kgx's NER tagger: BIO Viterbi decoding
// per sentence over POS, shape, context and gazetteer features, then
// document-level consistency (one type per surface form, confident names
// and surnames propagated to their other mentions, headlines included).
// All-caps lines are truecased before tagging. Mentions come out sorted and
// non-overlapping, with Entity -1 and Score the lowest per-word
// probability in the mention. A country or nationality that opens a
// person's mention before a title is split off (splitNationality).
func (e *Extractor) recognise(doc *Document) {
	words := make([][]string, len(doc.Sentences))
	pos := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		words[i] = sentenceWords(doc, s)
		pos[i] = make([]string, len(words[i]))
		for k := range words[i] {
			pos[i][k] = doc.Tokens[s.First+k].Tag
		}
	}
	res := e.m.ner.TagDoc(words, pos, e.m.gaz)
	for i, s := range doc.Sentences {
		for _, m := range tagger.SentMentions(i, res.Classes[i], res.Prob[i]) {
			t, ok := ParseEntityType(tagger.Types[m.Type])
			if !ok {
				continue
			}
			first, end := s.First+m.Start, s.First+m.End
			doc.Mentions = append(doc.Mentions, Mention{
				Span:  Span{doc.Tokens[first].Start, doc.Tokens[end-1].End},
				First: first, End: end, Type: t, Entity: -1, Score: m.Score,
			})
		}
	}
	e.splitNationality(doc)
	e.splitOrgTitle(doc)
	e.splitPlaceCountry(doc)
}

// splitMentions replaces each mention m for which cut returns ok with
// two mentions of its tokens: [m.First, end1) of type t1 and [first2,
// m.End) of type t2 (the words between belong to neither).
func splitMentions(doc *Document, cut func(m Mention) (end1, first2 int, t1, t2 EntityType, ok bool)) {
	var out []Mention
	for i, m := range doc.Mentions {
		end1, first2, t1, t2, ok := cut(m)
		if !ok {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(out, doc.Mentions[:i]...)
		}
		out = append(out,
			Mention{Span: Span{m.Span.Start, doc.Tokens[end1-1].End}, First: m.First, End: end1, Type: t1, Entity: -1, Score: m.Score},
			Mention{Span: Span{doc.Tokens[first2].Start, m.Span.End}, First: first2, End: m.End, Type: t2, Entity: -1, Score: m.Score})
	}
	if out != nil {
		doc.Mentions = out
	}
}

// splitOrgTitle splits the organisation that opens a person's mention
// before a title ("Kremlin spokesman Dmitry Peskov", "NATO Secretary
// General Mark Rutte") into a mention of its own, leaving the title
// between the two, as the recogniser does itself for "Security Council
// chief Sergei Shoigu": the title is then read as the person's role in
// that organisation (spokesman_of, secretary_general_of). The words
// before the title must be a known organisation (the gazetteer's, or
// tagger.IsKnownOrg), or two or more words headed by an organisation
// word ("Foreign Office"). A mention of proper nouns only ("U.S. Army
// General Joseph Votel") stays whole: the parser reads it as one word,
// and split, it was parsed worse.
func (e *Extractor) splitOrgTitle(doc *Document) {
	splitMentions(doc, func(m Mention) (int, int, EntityType, EntityType, bool) {
		if m.Type != Person || m.End-m.First < 3 || collapsible(doc, m) && !acronymOpens(doc, m) {
			return 0, 0, 0, 0, false
		}
		j := -1 // the first title word (after the organisation's word)
		lo := m.First + 1
		if o := e.orgBeforeTitle(doc, m.First, m.End); o >= 0 {
			lo = o + 1 // "Chinese Foreign Ministry spokesman": not "Foreign"
		}
		for t := lo; t < m.End-1; t++ {
			if titles[strings.ToLower(doc.Slice(doc.Tokens[t].Span))] {
				j = t
				break
			}
		}
		if j < 0 {
			return 0, 0, 0, 0, false
		}
		k := lastTitle(doc, j, m.End) // the last one
		if k < 0 {
			return 0, 0, 0, 0, false
		}
		words := make([]string, 0, j-m.First)
		for t := m.First; t < j; t++ {
			w := doc.Slice(doc.Tokens[t].Span)
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return 0, 0, 0, 0, false // "foreign ministry spokesperson": no name
			}
			words = append(words, w)
		}
		// a known name, or a longer one headed by an organisation word
		// ("Foreign Office"; "Office" alone is no name)
		known := e.m.gaz.Lookup(strings.Join(words, " "))&gazetteer.OrgName != 0 || tagger.IsKnownOrg(words) ||
			len(words) >= 2 && e.m.gaz.Lookup(words[len(words)-1])&gazetteer.OrgWord != 0 ||
			len(words) == 1 && AcronymShaped(words[0]) && !isCountryName(words[0]) // "AFC coordinator Corneille Nangaa"
		return j, k + 1, Org, Person, known
	})
}

// orgBeforeTitle returns the last capitalised organisation word
// ("Ministry", "Office") among tokens [lo, end) of a person's mention
// that a title word follows ("Foreign Ministry spokesman Lin Jian"), or
// -1 if there is none.
func (e *Extractor) orgBeforeTitle(doc *Document, lo, end int) int {
	o := -1
	for t := lo; t < end-1; t++ {
		w := doc.Slice(doc.Tokens[t].Span)
		if startsUpperWord(w) && !titles[strings.ToLower(w)] && e.m.gaz.Lookup(w)&gazetteer.OrgWord != 0 {
			o = t
		}
	}
	if o < 0 || o+1 >= end || !titles[strings.ToLower(doc.Slice(doc.Tokens[o+1].Span))] {
		return -1
	}
	return o
}

// acronymOpens reports whether a person's mention opens with an
// organisation's acronym before a title ("NIS Director Lee Jong-seok",
// "IAEA Director General Rafael Grossi"), which splitOrgTitle splits off
// even when the parser would read the whole mention as one name.
func acronymOpens(doc *Document, m Mention) bool {
	w := doc.Slice(doc.Tokens[m.First].Span)
	return AcronymShaped(w) && !isCountryName(w) && !honorificAcronyms[w] && titles[strings.ToLower(doc.Slice(doc.Tokens[m.First+1].Span))]
}

// honorificAcronyms are styles before a name, not organisations ("HE Dr
// Ibrahim Al-Ja'afari").
var honorificAcronyms = map[string]bool{"HE": true, "H.E.": true, "HRH": true, "HH": true, "HM": true, "HIM": true}

// isCountryName reports whether w names a country ("US", "UK", "DPRK"),
// which is no organisation.
func isCountryName(w string) bool {
	a, ok := alias.Lookup(w)
	return ok && a.Kind != alias.Demonym && a.Kind != alias.Capital
}

// splitPlaceCountry splits a place's mention that ends in a comma and a
// country's name ("Kharkiv, Ukraine", "Aleppo, Syria") into the place and
// the country, so that the graph holds Kharkiv, not a "Kharkiv, Ukraine"
// apart from it, and the parser reads the country as the place's
// apposition (located_in). A place whose second part is no country
// ("Portland, Oregon") stays whole.
func (e *Extractor) splitPlaceCountry(doc *Document) {
	splitMentions(doc, func(m Mention) (int, int, EntityType, EntityType, bool) {
		if m.Type != GPE && m.Type != Loc {
			return 0, 0, 0, 0, false
		}
		for c := m.First + 1; c < m.End-1; c++ {
			if doc.Slice(doc.Tokens[c].Span) == "," {
				country := e.m.gaz.Lookup(doc.Text[doc.Tokens[c+1].Start:doc.Tokens[m.End-1].End])&gazetteer.Country != 0
				return c, c + 1, m.Type, GPE, country
			}
		}
		return 0, 0, 0, 0, false
	})
}

// splitNationality splits the country or nationality that opens a
// person's mention before a title ("Russian Foreign Minister Sergei
// Lavrov", "U.S. Secretary of State Antony Blinken", "North Korean leader
// Kim Jong Un") into a mention of its own, NORP for a demonym and GPE for
// a country's name, as the tagger gives it inside a sentence ("said
// Russian Foreign Minister Sergei Lavrov"), where it tends to swallow the
// country at a sentence's start. The person keeps the title, which
// resolve makes its role; the parser, which reads these mentions, sees
// the country modify the person, which gives the nationality attribute.
// At a sentence's start the title is left out of both mentions, as the
// tagger leaves it inside a sentence: the parser then reads "Russian
// Foreign Minister" as it does there, where it gives the nationality
// (with the title inside the person's mention it attached "Russian" to
// the verb).
func (e *Extractor) splitNationality(doc *Document) {
	opens := map[int]bool{} // first tokens of sentences
	for _, s := range doc.Sentences {
		opens[s.First] = true
	}
	splitMentions(doc, func(m Mention) (int, int, EntityType, EntityType, bool) {
		if m.Type != Person {
			return 0, 0, 0, 0, false
		}
		for n := min(3, m.End-m.First-2); n >= 1; n-- {
			a, ok := alias.Lookup(doc.Text[doc.Tokens[m.First].Start:doc.Tokens[m.First+n-1].End])
			if !ok || a.Kind == alias.Capital {
				continue
			}
			k := m.First + n
			if !titles[strings.ToLower(doc.Slice(doc.Tokens[k].Span))] || e.orgBeforeTitle(doc, k, m.End) >= 0 {
				break // "Chinese Foreign Ministry spokesman Lin Jian": the ministry is Chinese (splitOrgTitle)
			}
			typ := NORP
			if a.Kind != alias.Demonym {
				typ = GPE
			}
			name := k
			if opens[m.First] {
				name = titledNameStart(doc, k, m.End)
			}
			return k, name, typ, Person, true
		}
		return 0, 0, 0, 0, false
	})
}

// titledNameStart returns where the name starts in the tokens [k, end)
// of a person's mention that opens with title words only ("Foreign
// Minister | Sergei Lavrov"): after the last title word, which only
// capitalised words follow (lastTitle); k if there is none, or if a word
// that is no title comes between ("Secretary of State Antony Blinken").
func titledNameStart(doc *Document, k, end int) int {
	j := lastTitle(doc, k, end)
	if j < 0 {
		return k
	}
	for i := k; i < j; i++ {
		if !titles[strings.ToLower(doc.Slice(doc.Tokens[i].Span))] {
			return k // "Secretary of State": the parser reads it better inside the name
		}
	}
	return j + 1
}
