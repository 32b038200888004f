package extract

import (
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract/internal/alias"
)

// Attribute relations are facts about an entity rather than events. They
// carry the category Attribute ("ATTRIBUTE"), never a PLOVER category:
//
//	role_of      "Shoigu, the secretary of the Security Council" -> secretary_of
//	             "Security Council chief Sergei Shoigu"          -> chief_of
//	nationality  "Sergey Shoigu, the Russian defense minister"   -> Russian
//	based_in     "North Korean media KCNA"                        -> North Korean
//	located_in   "the Kursk region of Russia", "Russia's Kursk region",
//	             "Pyongyang, North Korea"

// Attribute is the category of attribute relations.
const Attribute = "ATTRIBUTE"

// roleNouns are the head nouns of roles and titles.
var roleNouns = map[string]bool{
	"secretary": true, "minister": true, "chief": true, "head": true, "leader": true, "president": true,
	"chairman": true, "chairwoman": true, "chair": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"adviser": true, "advisor": true, "ambassador": true, "envoy": true, "commander": true, "director": true,
	"member": true, "official": true, "premier": true, "governor": true, "mayor": true, "general": true,
	"founder": true, "ceo": true, "deputy": true, "representative": true, "officer": true, "editor": true,
	"speaker": true, "prosecutor": true, "judge": true, "king": true, "queen": true, "emperor": true,
	"marshal": true, "admiral": true, "colonel": true, "captain": true, "lieutenant": true, "correspondent": true,
	"vice-chairman": true, "vice-chairwoman": true, "vice-chair": true, "vice-president": true, "secretary-general": true,
	"prince": true, "princess": true, "emir": true, "sultan": true, "coordinator": true, "executive": true,
}

// kinNouns are family ties that attributes read like roles, between two
// persons: "Kim Yo Jong, the sister of Kim Jong Un" -> sister_of.
var kinNouns = map[string]bool{
	"sister": true, "brother": true, "wife": true, "husband": true, "son": true, "daughter": true,
	"father": true, "mother": true, "uncle": true, "aunt": true, "nephew": true, "niece": true,
	"cousin": true, "grandson": true, "granddaughter": true, "grandfather": true, "grandmother": true,
	"widow": true, "son-in-law": true, "brother-in-law": true,
}

// placePreps make a place phrase of a name, which no nationality is.
var placePreps = map[string]bool{"to": true, "in": true, "at": true, "into": true, "near": true}

// placeNouns head descriptions of places ("the Kursk region").
var placeNouns = map[string]bool{
	"region": true, "province": true, "city": true, "oblast": true, "state": true, "county": true,
	"district": true, "capital": true, "town": true, "village": true, "area": true, "border": true, "peninsula": true,
}

// attributes finds attribute relations in one parsed sentence.
func (r *relater) attributes(s Sentence) {
	for t := s.First; t < s.End; t++ {
		w := r.lower(t)
		switch {
		case (roleNouns[w] || kinNouns[w]) && r.isNoun(t) && r.ment[t] < 0:
			r.role(s, t)
		case placeNouns[w] && r.isNoun(t):
			r.placeNoun(s, t)
		}
		if m := r.ment[t]; m >= 0 && r.mentionHead(m) == t {
			r.mentionAttrs(s, t, m)
		}
	}
}

// mentionHead returns the token of mention m whose head lies outside it.
func (r *relater) mentionHead(m int) int {
	mm := r.doc.Mentions[m]
	for t := mm.First; t < mm.End; t++ {
		if h := r.head(t); h < mm.First || h >= mm.End {
			return t
		}
	}
	return mm.First
}

// holders returns the people a role noun t describes: its appositive
// head, the person it appositively describes, its copular subject, or
// the name it is a title of.
func (r *relater) holders(t int) []arg {
	var out []arg
	add := func(tok int) {
		if a, ok := r.entity(tok); ok && a.conf >= 0.9 && r.doc.Entities[a.ent].Type == Person {
			out = append(out, a)
		}
	}
	// A role word just before a person's name is that person's title,
	// wherever the parser hung it ("junta chief Min Aung Hlaing met",
	// parsed as two subjects; "German Chancellor Friedrich Merz, French
	// President Emmanuel Macron and ...", with "Chancellor" on Macron).
	if t+1 < len(r.ment) && r.ment[t+1] >= 0 && r.doc.Mentions[r.ment[t+1]].First == t+1 && r.doc.Mentions[r.ment[t+1]].Type == Person &&
		!titles[r.lower(r.doc.Mentions[r.ment[t+1]].End-1)] { // (not "director Navy Capt. | Jeff Davis")
		if add(t + 1); len(out) > 0 {
			return out
		}
	}
	if h := r.head(t); h >= 0 {
		switch r.dep(t) {
		case "appos", "compound", "flat", "nmod", "amod", "nmod:desc": // amod: "chief" tagged an adjective
			if r.dep(t) == "appos" {
				// "his daughter Kim Ju Ae and Pak Jong Chon, vice-chairman
				// of ..." parsed with the apposition on the first
				// conjunct: it describes the last one before it
				for _, c := range r.kids[h] {
					if r.dep(c) == "conj" && c < t && c > h {
						h = c
					}
				}
			}
			if r.dep(t) != "nmod" || r.prep(t) == "" {
				add(h)
			}
		}
	}
	for _, k := range r.kids[t] {
		switch r.dep(k) {
		case "appos", "nsubj":
			add(k)
		}
	}
	// "X is now the secretary of ...": the role is a conjunct of a clause
	// whose subject is X.
	if len(out) == 0 && r.child(t, "cop") >= 0 && r.dep(t) == "conj" {
		if h := r.head(t); h >= 0 {
			if sj := r.child(h, "nsubj"); sj >= 0 {
				add(sj)
				// "Shoigu, who served as ... and is now the secretary
				// of ...": the relative pronoun stands for its head
				if w := r.lower(sj); len(out) == 0 && (w == "who" || w == "which") && r.dep(h) == "acl:relcl" {
					add(r.head(h))
				}
			}
		}
	}
	return out
}

// role links the holders of role noun t to the organisation or country
// it is a role in: "secretary of the Security Council", "Security Council
// chief", "Russia's defense minister".
func (r *relater) role(s Sentence, t int) {
	if roleQualifiers[r.lower(t)] && t+1 < len(r.ment) && r.ment[t+1] < 0 && (roleNouns[r.lower(t+1)] || roleQualifiers[r.lower(t+1)]) {
		return // "Deputy Prime Minister": the minister's role is deputy_prime_minister_of
	}
	holders := r.holders(t)
	if len(holders) == 0 {
		return
	}
	var label string
	var orgs, nats []arg
	kids := r.kids[t]
	for _, q := range r.kids[t] {
		// "Saudi Crown Prince", "Iranian Foreign Minister" parsed with
		// the nationality on the qualifier: it qualifies the role
		if (r.dep(q) == "compound" || r.dep(q) == "amod") && r.ment[q] < 0 && isTitleQualifier(r.lower(q)) {
			kids = append(slices.Clip(kids), r.kids[q]...)
		}
	}
	for _, k := range kids {
		d := r.dep(k)
		a, ok := r.entity(k)
		if !ok || a.conf < 1 && !(d == "nmod:poss" && kinNouns[r.lower(t)] && r.doc.Tokens[k].Tag == "PRON") {
			continue // ("his daughter Kim Ju Ae": the person "his" stands for)
		}
		ty := r.doc.Entities[a.ent].Type
		adj := ty == NORP || ty != Org && (r.doc.Tokens[k].Tag == "ADJ" || demonymLike(r.doc.Entities[a.ent].Name)) // not "Foreign Ministry"
		kin := kinNouns[r.lower(t)]
		switch {
		case adj && (d == "amod" || d == "compound") && !kin:
			nats = append(nats, a)
		case (base(d) == "nmod" && (r.prep(k) == "of" || r.prep(k) == "at")) || d == "nmod:poss" || d == "compound":
			if !kin && (ty == Org || ty == GPE) || kin && ty == Person && (d != "compound" || k < t) {
				orgs = append(orgs, a) // "the sister of Kim Jong Un", "Kim Jong Un's sister"
			}
		}
	}
	if len(orgs) == 0 && !kinNouns[r.lower(t)] {
		// "Security Council chief Sergei Shoigu", "Pakistan's Foreign
		// Minister Ishaq Dar" parsed with the organisation or country a
		// dependent of the name beside the title: an organisation just
		// before the title, or a possessive before it and its
		// qualifiers
		k, poss := t-1, false
		for ; k >= 0 && r.ment[k] < 0; k-- {
			w := r.lower(k)
			if w == "'s" || w == "’s" {
				poss = true
				continue
			}
			if !isTitleQualifier(w) && !titles[w] || poss {
				break
			}
		}
		if k >= 0 && r.ment[k] >= 0 {
			if om := r.doc.Mentions[r.ment[k]]; om.Entity >= 0 && om.End == k+1 {
				switch ty := r.doc.Entities[om.Entity].Type; {
				case ty == Org && (poss || k == t-1), (ty == GPE) && poss:
					orgs = append(orgs, arg{om.Entity, 1, k})
				case om.Type == NORP && !poss && len(nats) == 0:
					// "Saudi Crown Prince ...", "Lebanese caretaker
					// Prime Minister ..." parsed with the qualifiers
					// on the name
					nats = append(nats, arg{om.Entity, 1, k})
				}
			}
		}
	}
	if len(nats) == 0 && !kinNouns[r.lower(t)] {
		// "Russian Foreign Ministry spokeswoman Maria Zakharova": the
		// nationality of the organisation's name, if its country is
		// named in the document
		for _, o := range orgs {
			if c := r.demonymCountry(r.doc.Entities[o.ent].Name); c >= 0 {
				nats = append(nats, arg{c, 1, o.tok})
				break
			}
		}
	}
	label = strings.ReplaceAll(r.lower(t), "-", "_") + "_of" // secretary_general_of
	// "Director General", "Secretary General": a compound of role words
	// is the role ("director_general_of", not "general_of")
	for k := t - 1; k >= 0 && t-k <= 2; k-- {
		// a qualifier just before ("Prime Minister", "Deputy Prime
		// Minister"), however parsed
		q := roleQualifiers[r.lower(k)] && r.ment[k] < 0
		if !q && (r.head(k) != t || r.dep(k) != "compound" || r.ment[k] >= 0 || !roleNouns[r.lower(k)]) {
			break
		}
		label = r.lower(k) + "_" + label
	}
	for _, h := range holders {
		for _, o := range orgs {
			r.attr(s, t, label, h, o, 0.8)
		}
		for _, n := range nats {
			r.attr(s, t, "nationality", h, n, 0.7)
		}
	}
}

// demonymCountry returns the document's entity for the country whose
// nationality opens an organisation's name ("Russian Foreign Ministry":
// Russia), or -1 if the name opens with none or the document names no
// such country.
func (r *relater) demonymCountry(name string) int {
	ws := strings.Fields(name)
	for n := min(2, len(ws)-1); n >= 1; n-- {
		a, ok := alias.Lookup(strings.Join(ws[:n], " "))
		if !ok || a.Kind != alias.Demonym {
			continue
		}
		for ei, e := range r.doc.Entities {
			if e.Type == GPE && (e.Name == a.Country || slices.ContainsFunc(e.Aliases, func(al Alias) bool { return al.Name == a.Country })) {
				return ei
			}
		}
		return -1
	}
	return -1
}

// roleQualifiers make another office of the role they qualify ("Prime
// Minister", "Vice President", "Deputy Prime Minister", "Crown Prince").
var roleQualifiers = map[string]bool{"crown": true, "prime": true, "vice": true, "deputy": true}

// placeNoun links "the Kursk region of Russia" / "Russia's Kursk region".
func (r *relater) placeNoun(s Sentence, t int) {
	var inner, outer []arg
	if a, ok := r.entity(t); ok && a.conf == 1 && isPlace(r.doc.Entities[a.ent].Type) {
		inner = append(inner, a) // the mention includes "region"
	}
	for _, k := range r.kids[t] {
		a, ok := r.entity(k)
		if !ok || a.conf < 1 || !isPlace(r.doc.Entities[a.ent].Type) {
			continue
		}
		switch d := r.dep(k); {
		case d == "compound" || d == "flat" || d == "amod":
			inner = append(inner, a)
		case d == "nmod:poss" || (base(d) == "nmod" && (r.prep(k) == "of" || r.prep(k) == "in")):
			outer = append(outer, a)
		}
	}
	if settlementNouns[r.lower(t)] {
		// "the West Bank city of Nablus": the of-phrase names the city,
		// the modifier is where it lies.
		inner, outer = outer, inner
	}
	for _, i := range inner {
		for _, o := range outer {
			r.attr(s, t, "located_in", i, o, 0.8)
		}
	}
}

// settlementNouns take their own name in an of-phrase ("the city of X").
var settlementNouns = map[string]bool{"city": true, "town": true, "village": true, "capital": true, "port": true}

func isPlace(t EntityType) bool { return t == GPE || t == Loc || t == Fac }

// commaBetween reports whether a comma stands between tokens i < j.
func (r *relater) commaBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if w := r.word(k); w == "," {
			return true
		}
	}
	return false
}

// mentionAttrs finds attributes hanging off a mention's head token:
// nationality modifiers of people, "Pyongyang, North Korea", "X in Y"
// for places, titles compounded before a name.
func (r *relater) mentionAttrs(s Sentence, t, m int) {
	me := r.doc.Mentions[m].Entity
	if me < 0 {
		return
	}
	self := arg{me, 1, t}
	ty := r.doc.Entities[me].Type
	for _, k := range r.kids[t] {
		if r.ment[k] == m {
			continue
		}
		d := r.dep(k)
		a, ok := r.entity(k)
		if ok && a.conf == 1 && a.ent != me {
			if om := r.doc.Mentions[r.ment[k]]; om.End == r.doc.Mentions[m].First && !(ty == Person && titles[r.lower(r.doc.Mentions[m].First)]) {
				continue // "North" + "Korea": one name the recogniser split (not "Russian" + "Foreign Minister Sergei Lavrov")
			}
			oty := r.doc.Entities[a.ent].Type
			switch {
			case ty == Person && (d == "amod" || d == "compound") && (oty == NORP || oty == GPE) && !placePreps[r.prep(k)] && !r.commaBetween(k, t):
				// (not "ambassador to Moscow, Sin Hong Chol", "In Baghdad
				// ..., Deputy Secretary Blinken" or "on the instructions
				// of Moscow, Prime Minister Dorin Recean said" parsed
				// with the place a compound of the name)
				r.attr(s, t, "nationality", self, a, 0.7)
			case ty == Org && (d == "amod" || d == "compound" || d == "nmod:poss") && (oty == NORP || oty == GPE):
				r.attr(s, t, "based_in", self, a, 0.7)
			case isPlace(ty) && isPlace(oty) && (d == "appos" || d == "nmod:poss" || (base(d) == "nmod" && (r.prep(k) == "in" || r.prep(k) == "of"))):
				if (isCountry(r.doc.Entities[me].Name) || ambiguousCountries[Fold(r.doc.Entities[me].Name)]) && !isCountry(r.doc.Entities[a.ent].Name) {
					continue // "talks between Russia and Ukraine in Istanbul": the talks are in Istanbul
				}
				if slices.ContainsFunc(r.kids[k], func(c int) bool { return r.doc.Tokens[c].Tag == "VERB" }) {
					continue // "accuse Tehran of supplying Russia" parsed with "supplying" on Russia
				}
				r.attr(s, t, "located_in", self, a, 0.7)
			}
			continue
		}
		// A title compounded before the name: "Security Council chief Sergei Shoigu".
		if w := r.lower(k); ty == Person && (d == "compound" || d == "amod" || d == "appos" || d == "nmod:desc") && (roleNouns[w] || roleHeads[w]) && r.ment[k] < 0 {
			r.role(s, k)
		}
	}
}

func (r *relater) attr(s Sentence, t int, label string, a, b arg, conf float32) {
	if a.ent == b.ent {
		return
	}
	r.out = append(r.out, Relation{
		Source: a.ent, Target: b.ent, Label: label, Category: Attribute,
		Trigger: r.doc.Tokens[t].Span, Evidence: s.Span, Modality: Asserted, Place: -1,
		Confidence: conf * min(a.conf, b.conf),
	})
}

// demonymLike reports whether a name looks like a nationality adjective
// ("Russian", "Chinese", "Israeli") rather than a country.
func demonymLike(name string) bool {
	n := strings.ToLower(name)
	for _, suf := range []string{"ian", "an", "ese", "ish", "i"} {
		if strings.HasSuffix(n, suf) && len(n) > len(suf)+3 {
			return true
		}
	}
	return false
}

// isCountry reports whether a name names a country (the alias table's
// names, official names and spellings; not capitals or demonyms).
// ambiguousCountries are countries' names that the alias table leaves
// out because they name other things too; a place "in" a city is still
// never one of them ("a peace deal signed by Congo and Rwanda in
// Washington").
var ambiguousCountries = map[string]bool{"congo": true, "georgia": true, "guinea": true}

func isCountry(name string) bool {
	e, ok := alias.Lookup(name)
	return ok && (e.Kind == alias.Name || e.Kind == alias.Official || e.Kind == alias.Alternate)
}
