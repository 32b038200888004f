package extract

import (
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract/internal/lexicon"
)

// relater holds the per-document indices relate needs: each token's
// children and covering mention. It belongs to one relate call.
type relater struct {
	doc  *Document
	ante map[int]int // "he", "she", "him", "her" -> the entity it stands for (pronounAntecedents)
	lex  *lexicon.Lexicon
	kids [][]int  // children of each token, in text order
	ment []int    // mention covering each token, -1 if none
	lows []string // each token's lower, once asked for ("" before)
	out  []Relation
	// dated are the date expressions read so far (not the publication
	// date's fallback), by token: "two months earlier" counts from the
	// last one before it.
	dated []datedAt
}

type datedAt struct {
	tok int
	iso string
}

func newRelater(doc *Document, lex *lexicon.Lexicon) *relater {
	n := len(doc.Tokens)
	r := &relater{doc: doc, lex: lex, kids: make([][]int, n), ment: make([]int, n), lows: make([]string, n), ante: pronounAntecedents(doc)}
	for i := range r.ment {
		r.ment[i] = -1
	}
	for mi, m := range doc.Mentions {
		for t := max(m.First, 0); t < m.End && t < n; t++ {
			r.ment[t] = mi
		}
	}
	for i, t := range doc.Tokens {
		if h := t.Head; h >= 0 && h < n && h != i {
			r.kids[h] = append(r.kids[h], i)
		}
	}
	return r
}

// parsed reports whether the sentence carries a dependency parse.
func (r *relater) parsed(s Sentence) bool {
	for t := s.First; t < s.End; t++ {
		if r.doc.Tokens[t].Dep != "" {
			return true
		}
	}
	return false
}

func (r *relater) word(t int) string { return r.doc.Slice(r.doc.Tokens[t].Span) }

// lower returns token t in lower case, curly apostrophes made straight.
func (r *relater) lower(t int) string {
	if l := r.lows[t]; l != "" {
		return l
	}
	l := strings.ReplaceAll(strings.ToLower(r.word(t)), "’", "'")
	r.lows[t] = l
	return l
}

// dep returns token t's relation in UD v2 spelling; UD v1 labels (dobj,
// nsubjpass, nmod on a verb, neg) are mapped so gold trees from older
// treebanks work too.
func (r *relater) dep(t int) string {
	d := r.doc.Tokens[t].Dep
	switch d {
	case "dobj":
		return "obj"
	case "nsubjpass":
		return "nsubj:pass"
	case "auxpass":
		return "aux:pass"
	case "csubjpass":
		return "csubj:pass"
	case "neg":
		return "advmod"
	case "name":
		return "flat"
	case "mwe":
		return "fixed"
	case "nmod:agent":
		return "obl:agent"
	case "nmod:tmod":
		if r.isVerbal(r.doc.Tokens[t].Head) {
			return "obl:tmod"
		}
	case "nmod", "nmod:npmod":
		if r.isVerbal(r.doc.Tokens[t].Head) {
			return "obl"
		}
	}
	return d
}

func base(d string) string {
	if i := strings.IndexByte(d, ':'); i >= 0 {
		return d[:i]
	}
	return d
}

func (r *relater) head(t int) int {
	h := r.doc.Tokens[t].Head
	if h < 0 || h >= len(r.doc.Tokens) || h == t {
		return -1
	}
	return h
}

func (r *relater) isVerbal(t int) bool {
	if t < 0 || t >= len(r.doc.Tokens) {
		return false
	}
	switch r.doc.Tokens[t].Tag {
	case "VERB", "AUX":
		return true
	case "ADJ":
		// copular predicates ("is grateful to") take obliques
		for _, k := range r.kids[t] {
			if r.doc.Tokens[k].Dep == "cop" {
				return true
			}
		}
	}
	return false
}

// isNominal reports whether t is a noun, proper noun or pronoun.
func (r *relater) isNominal(t int) bool { return r.isNoun(t) || r.doc.Tokens[t].Tag == "PRON" }

func (r *relater) isNoun(t int) bool {
	switch r.doc.Tokens[t].Tag {
	case "NOUN", "PROPN":
		return true
	}
	return false
}

// child returns t's first child with relation d (base match when d has no
// subtype), or -1.
func (r *relater) child(t int, d string) int {
	for _, k := range r.kids[t] {
		if r.dep(k) == d || (!strings.Contains(d, ":") && base(r.dep(k)) == d) {
			return k
		}
	}
	return -1
}

// prep returns the preposition that marks t (its case child, or a mark
// on a clause), lower case; multiword prepositions ("according to",
// "on behalf of") are joined with spaces.
func (r *relater) prep(t int) string {
	for _, k := range r.kids[t] {
		if d := r.dep(k); d == "case" || d == "mark" {
			p := r.lower(k)
			for _, f := range r.kids[k] {
				if r.dep(f) == "fixed" {
					p += " " + r.lower(f)
				}
			}
			if p == "'s" || p == "'" {
				continue
			}
			return p
		}
	}
	// "with Treasury Secretary Scott Bessent" parsed with "with" on the
	// title: a compound before the name that has the preposition
	if d := base(r.dep(t)); d == "nmod" || d == "obl" {
		for _, c := range r.kids[t] {
			if c < t && r.dep(c) == "compound" {
				for _, k := range r.kids[c] {
					if r.dep(k) == "case" && k < c {
						return r.lower(k)
					}
				}
			}
		}
	}
	// "spoke with both Trump and Zelenskiy" parsed with "with" a sibling
	// of its noun phrase: the preposition just before the phrase (past a
	// "both" or a determiner) that hangs on the same head
	k := t - 1
	for k >= 0 && r.head(k) == t && (r.dep(k) == "cc:preconj" || r.dep(k) == "det") {
		k--
	}
	if h := r.head(t); k >= 0 && h >= 0 && r.head(k) == h && r.doc.Tokens[k].Tag == "ADP" && len(r.kids[k]) == 0 && base(r.dep(t)) == "obl" {
		return r.lower(k)
	}
	return ""
}

// conjuncts returns t and its coordinated conjuncts, in text order.
// A conjunct counts only when the coordination has a conjunction ("X, Y
// and Z"): a comma-joined "Shoigu, Russia's adviser" misparsed as
// coordination is an apposition, not two participants.
func (r *relater) conjuncts(t int) []int {
	out := []int{t}
	for i := 0; i < len(out) && i < 64; i++ {
		var cs []int
		hasCC := r.child(out[i], "cc") >= 0 // UD v1 attaches cc to the first conjunct
		for _, k := range r.kids[out[i]] {
			switch {
			case r.dep(k) == "conj" && r.placeConjunct(out[i], k):
				// "strikes against ISIL in Iraq and Syria" parsed with
				// Syria a conjunct of ISIL: it is Iraq's
			case r.dep(k) == "conj":
				cs = append(cs, k)
				hasCC = hasCC || r.child(k, "cc") >= 0
			case r.dep(k) == "compound" && k < out[i] && (titles[r.lower(k)] || roleNouns[r.lower(k)]):
				// "Foreign Minister Abbas Araghchi and envoy Steve
				// Witkoff held talks" parsed with Witkoff a conjunct
				// of "Minister", the title inside the first name
				for _, c := range r.kids[k] {
					if r.dep(c) == "conj" && c > out[i] {
						cs = append(cs, c)
						hasCC = hasCC || r.child(c, "cc") >= 0
					}
				}
			}
		}
		if hasCC {
			out = append(out, cs...)
		}
	}
	if len(out) > 1 {
		out = r.dropSpeakers(out)
	}
	return out
}

// dropSpeakers removes from conjuncts out (in the order conjuncts found
// them) the names that say what their sentence reports: a headline
// "North Korean troops deployed to Kursk, Seoul and Kyiv say" is parsed
// with Seoul and Kyiv conjuncts of Kursk. When the name after the last
// conjunct is followed by nothing but "say", "says" or "said" and
// punctuation, the conjuncts after the last comma among them are the
// speakers, or the last one if there is no comma.
func (r *relater) dropSpeakers(out []int) []int {
	last := slices.Max(out)
	after := last + 1
	if m := r.ment[last]; m >= 0 {
		after = r.doc.Mentions[m].End
	}
	if after >= len(r.doc.Tokens) {
		return out
	}
	switch r.lower(after) {
	case "say", "says", "said":
	default:
		return out
	}
	si := sentenceIndex(r.doc, after)
	if si >= len(r.doc.Sentences) {
		return out
	}
	for k := after + 1; k < r.doc.Sentences[si].End; k++ {
		if r.doc.Tokens[k].Tag != "PUNCT" {
			return out
		}
	}
	first := slices.Min(out)
	cut := last // no comma: the last conjunct speaks
	for k := last - 1; k > first; k-- {
		if r.lower(k) == "," {
			cut = k
			break
		}
	}
	kept := out[:0:0]
	for _, c := range out {
		if c < cut {
			kept = append(kept, c)
		}
	}
	if len(kept) == 0 {
		return out
	}
	return kept
}

// placeConjunct reports whether conjunct c of t is a place that follows
// a place phrase of t ("ISIL in Iraq and Syria"), so that it belongs to
// that phrase and not to t.
func (r *relater) placeConjunct(t, c int) bool {
	place := func(k int) bool {
		m := r.ment[k]
		return m >= 0 && isPlace(r.doc.Mentions[m].Type)
	}
	if !place(c) || place(t) {
		return false
	}
	for _, k := range r.kids[t] {
		if k < c && base(r.dep(k)) == "nmod" && placePreps[r.prep(k)] && place(k) {
			return true
		}
	}
	return false
}

// arg is a participant: a document entity and how sure we are that the
// argument token denotes it.
type arg struct {
	ent  int
	conf float32
	tok  int
}

// entity resolves an argument token to a document entity: the mention
// covering it (1.0), its appositive or name child (0.9), or, with lower
// confidence, an entity that modifies it ("North Korean troops",
// "Russia's war effort": 0.6).
func (r *relater) entity(t int) (arg, bool) {
	if m := r.ment[t]; m >= 0 {
		if p, ok := r.titledAfter(m); ok && !r.isModifier(t) {
			return p, true
		}
		if e := r.doc.Mentions[m].Entity; e >= 0 && r.doc.Mentions[m].Type != Date {
			return arg{e, 1, t}, true
		}
		return arg{}, false
	}
	if r.doc.Tokens[t].Tag == "PRON" {
		if e, ok := r.ante[t]; ok {
			// "He met Kim Jong Un"; objects are resolved less surely
			// (GUM: precision 0.73 for he/she, 0.64 for him/her)
			if w := r.lower(t); w == "him" || w == "her" {
				return arg{e, 0.5, t}, true
			}
			return arg{e, 0.6, t}, true
		}
		if a, ok := r.reportedIt(t); ok {
			return a, true
		}
		return arg{}, false
	}
	if _, day := weekdayNames[r.lower(t)]; day {
		return arg{}, false // "on Monday, South Korea's Joint Chiefs of Staff said" misparsed as an apposition
	}
	if quantityNouns[r.lower(t)] {
		// "killed hundreds of North Korean soldiers": what the quantity is of
		for _, k := range r.kids[t] {
			if base(r.dep(k)) == "nmod" && r.prep(k) == "of" {
				return r.entity(k)
			}
		}
	}
	for _, k := range r.kids[t] {
		switch r.dep(k) {
		case "appos", "flat", "compound":
			if r.dep(k) == "compound" && k < t && proxyNouns[r.lower(t)] {
				continue // "Putin envoy", "Trump aide": someone else, acting for the name
			}
			if m := r.ment[k]; m >= 0 && r.doc.Mentions[m].Entity >= 0 {
				if ty := r.doc.Mentions[m].Type; ty == Person || (r.dep(k) == "appos" && ty != Date) {
					return arg{r.doc.Mentions[m].Entity, 0.9, k}, true
				}
			}
		}
	}
	// A title whose name the parser attached elsewhere: "met Deputy
	// Minister Ri Song Chol", "met leader Kim Jong Un".
	if w := r.lower(t); roleNouns[w] || titles[w] {
		for k := t + 1; k < len(r.doc.Tokens) && k <= t+3; k++ {
			if m := r.ment[k]; m >= 0 {
				if r.doc.Mentions[m].Type == Person && r.doc.Mentions[m].First == k && r.doc.Mentions[m].Entity >= 0 {
					return arg{r.doc.Mentions[m].Entity, 0.9, k}, true
				}
				break
			}
			if w := r.lower(k); !roleNouns[w] && !titles[w] {
				break
			}
		}
	}
	if w := r.lower(t); (roleNouns[w] || titles[w]) && r.isNoun(t) {
		if e, ok := r.appositiveName(t); ok {
			return arg{e, 0.9, t}, true // "Sergey Shoigu, the defense minister, visited"
		}
		if a, ok := r.nameAfter(t); ok {
			return a, true // "Pyongyang's ambassador to Moscow, Sin Hong Chol, met"
		}
	}
	if a, ok := r.ledBy(t); ok {
		return a, true
	}
	if a, ok := r.describedPerson(t); ok {
		return a, true
	}
	if a, ok := r.describedOrg(t); ok {
		return a, true
	}
	for _, k := range r.kids[t] {
		switch r.dep(k) {
		case "nmod:poss", "amod", "compound", "nmod":
			if r.dep(k) == "nmod" && r.prep(k) != "of" {
				continue
			}
			if m := r.ment[k]; m >= 0 && r.doc.Mentions[m].Entity >= 0 {
				switch r.doc.Mentions[m].Type {
				case GPE, NORP, Org, Person:
					if e, ok := r.modifierEntity(m, k); ok {
						return arg{e, 0.6, k}, true
					}
				}
			}
		}
	}
	// "an attack by Osgiliath soldiers": the agent of a nominal event
	for _, k := range r.kids[t] {
		if base(r.dep(k)) == "nmod" && r.prep(k) == "by" && r.isNoun(k) {
			if m := r.ment[k]; m >= 0 && r.doc.Mentions[m].Entity >= 0 && r.doc.Mentions[m].Type != Date {
				return arg{r.doc.Mentions[m].Entity, 0.6, k}, true
			}
			if r.ment[k] < 0 {
				for _, kk := range r.kids[k] {
					if d := r.dep(kk); d == "compound" || d == "amod" || d == "nmod:poss" {
						if m := r.ment[kk]; m >= 0 && r.doc.Mentions[m].Entity >= 0 && r.doc.Mentions[m].Type != Date {
							if e, ok := r.modifierEntity(m, kk); ok {
								return arg{e, 0.5, kk}, true
							}
						}
					}
				}
			}
		}
	}
	// "soldiers from Gondor", "a court in Guyana": people or an
	// institution stand for their place; a thing does not ("holidays in
	// North Korea"), nor does an event noun ("defended the troop
	// deployment in Russia": where it happens).
	if _, ev := r.lex.Noun(r.lower(t)); ev || !agentNoun(r.lower(t)) {
		return arg{}, false
	}
	for _, k := range r.kids[t] {
		if base(r.dep(k)) == "nmod" && (r.prep(k) == "from" || r.prep(k) == "in") {
			if m := r.ment[k]; m >= 0 && r.doc.Mentions[m].Entity >= 0 {
				switch r.doc.Mentions[m].Type {
				case GPE, Org:
					return arg{r.doc.Mentions[m].Entity, 0.5, k}, true
				}
			}
		}
	}
	return arg{}, false
}

// twoParties resolves "the two leaders", "both sides", "the two
// countries" to the two parties of the last relation found before t
// between entities of that kind (persons for leaders, countries for
// countries, two persons or two bodies for sides; no visit, whose target
// is a place): "Putin hosted Kim Jong Un. The two leaders
// discussed military cooperation" is Putin and Kim discussing it.
// Confidence 0.7; nil if t is no such phrase or no relation fits.
func (r *relater) twoParties(t int) []arg {
	kind, ok := pairNouns[r.lower(t)]
	if !ok || r.ment[t] >= 0 {
		return nil
	}
	two := false
	for _, k := range r.kids[t] {
		switch w := r.lower(k); {
		case w == "two" && r.dep(k) == "nummod", w == "both" && (r.dep(k) == "det" || r.dep(k) == "amod" || r.dep(k) == "det:predet" || r.dep(k) == "cc:preconj"):
			two = true
		}
	}
	if !two || r.quoted(t) {
		return nil // in a quotation the two sides are the speaker's, whom the text has not named
	}
	start := r.doc.Tokens[t].Span.Start
	for i := len(r.out) - 1; i >= 0; i-- {
		rel := r.out[i]
		if rel.Evidence.End > start || rel.Category == Attribute || placeLabels[rel.Label] {
			continue // not a visit: a place is no party
		}
		if kind == NoType && rel.Category == "AID" {
			continue // "NATO deployed troops to Kosovo": a helper and the helped are not two sides
		}
		a, b := r.doc.Entities[rel.Source].Type, r.doc.Entities[rel.Target].Type
		if kind == Person && (a != Person || b != Person) || kind == GPE && (a != GPE || b != GPE) ||
			kind == NoType && (a == Person) != (b == Person) {
			continue
		}
		return []arg{{rel.Source, 0.7, t}, {rel.Target, 0.7, t}}
	}
	return nil
}

// pairNouns name the two parties of a bilateral event by their kind
// (Person, GPE, or NoType for any).
var pairNouns = map[string]EntityType{
	"leaders": Person, "presidents": Person, "ministers": Person, "men": Person, "envoys": Person,
	"diplomats": Person, "officials": Person, "countries": GPE, "nations": GPE, "governments": GPE,
	"states": GPE, "neighbours": GPE, "neighbors": GPE, "allies": GPE, "sides": NoType, "parties": NoType,
}

// ledBy resolves a delegation to the person leading it: "a Russian
// delegation led by Deputy Prime Minister Alexander Novak arrived" is
// Novak's arrival (confidence 0.8), not only Russia's. The leader is the
// first person named in the by-phrase of "led" or "headed". A later "the
// delegation" is the last delegation so led (0.7).
func (r *relater) ledBy(t int) (arg, bool) {
	if !delegationNouns[r.lower(t)] {
		return arg{}, false
	}
	if a, ok := r.leader(t); ok {
		return a, true
	}
	if d := r.child(t, "det"); d < 0 || r.lower(d) != "the" || len(r.kids[t]) > 1 {
		return arg{}, false
	}
	for k := t - 1; k >= 0; k-- {
		if r.lower(k) == r.lower(t) {
			if a, ok := r.leader(k); ok {
				a.conf, a.tok = 0.7, t
				return a, true
			}
		}
	}
	return arg{}, false
}

// leader returns the person named in the by-phrase of "led" or "headed"
// under delegation noun t.
func (r *relater) leader(t int) (arg, bool) {
	for _, v := range r.kids[t] {
		if base(r.dep(v)) != "acl" {
			continue
		}
		switch r.lower(v) {
		case "led", "headed":
		default:
			continue
		}
		for k := v + 1; k < len(r.doc.Tokens) && k <= v+8; k++ {
			if m := r.ment[k]; m >= 0 {
				if mm := r.doc.Mentions[m]; mm.Type == Person && mm.Entity >= 0 {
					return arg{mm.Entity, 0.8, k}, true
				}
				break
			}
			if w := r.lower(k); k > v+1 && !titles[w] && !roleNouns[w] && !isTitleQualifier(w) {
				break
			}
			if k == v+1 && r.lower(k) != "by" {
				break
			}
		}
	}
	return arg{}, false
}

// delegationNouns are groups a person leads on a visit.
var delegationNouns = map[string]bool{"delegation": true, "team": true, "mission": true, "entourage": true}

// describedPerson resolves a definite description of a person by country
// and role ("the Russian leader's visit", "Russia's defence minister") to
// the person the document named before with that title and country
// ("Russian President Vladimir Putin", "Russian Defence Minister Andrei
// Belousov"), the most recent if several: news names a person once and
// then describes them. The description's other modifiers ("defence") must
// be among the title's words; "leader" stands for any head of state or
// government. Confidence 0.7.
func (r *relater) describedPerson(t int) (arg, bool) {
	w := r.lower(t)
	if !roleNouns[w] && !titles[w] || r.ment[t] >= 0 || !r.isNoun(t) {
		return arg{}, false
	}
	country, definite := -1, false
	var quals []string
	for _, k := range r.kids[t] {
		switch d := r.dep(k); d {
		case "det":
			definite = definite || r.lower(k) == "the"
		case "amod", "compound", "nmod:poss":
			if m := r.ment[k]; m >= 0 {
				if e := r.doc.Mentions[m].Entity; e >= 0 && (r.doc.Mentions[m].Type == GPE || r.doc.Mentions[m].Type == NORP) {
					country = r.country(e)
					definite = definite || d == "nmod:poss"
				}
			} else if k < t {
				quals = append(quals, r.lower(k))
			}
		}
	}
	if country < 0 || !definite {
		return arg{}, false
	}
	fits := func(title []string) bool {
		if !slices.Contains(title, w) && !(w == "leader" && slices.ContainsFunc(title, func(x string) bool { return leaderTitles[x] })) {
			return false
		}
		return !slices.ContainsFunc(quals, func(q string) bool { return !slices.Contains(title, q) })
	}
	for k := t - 1; k >= 0; k-- {
		if mi := r.ment[k]; mi >= 0 {
			if m := r.doc.Mentions[mi]; m.First == k && m.Type == Person && m.Entity >= 0 && r.titledBy(m, country, fits) {
				return arg{m.Entity, 0.7, t}, true
			}
			continue
		}
		// "Sergey Shoigu, the Russian defense minister," earlier: the
		// same description in apposition to a name
		if lw := r.lower(k); lw != w && !(w == "leader" && leaderTitles[lw]) || !r.isNoun(k) {
			continue
		}
		e, named := r.appositiveName(k)
		if !named {
			continue
		}
		name := arg{e, 0.7, t}
		title := []string{r.lower(k)}
		ok := false
		for _, c := range r.kids[k] {
			switch r.dep(c) {
			case "amod", "compound", "nmod:poss":
				if m := r.ment[c]; m >= 0 && r.doc.Mentions[m].Entity >= 0 && r.country(r.doc.Mentions[m].Entity) == country {
					ok = true
				} else if m < 0 {
					title = append(title, r.lower(c))
				}
			}
		}
		if ok && fits(title) {
			return name, true
		}
	}
	return arg{}, false
}

// appositiveName returns the person a role noun stands in apposition to:
// "Sergey Shoigu, the Russian defense minister," whether the parser made
// the description an appos of the name or, as it often does before a
// verb, a second subject.
func (r *relater) appositiveName(k int) (int, bool) {
	if h := r.head(k); h >= 0 && r.dep(k) == "appos" && r.ment[h] >= 0 {
		if m := r.doc.Mentions[r.ment[h]]; m.Type == Person && m.Entity >= 0 {
			return m.Entity, true
		}
	}
	lo := k
	for _, c := range r.kids[k] {
		if c < lo {
			switch r.dep(c) {
			case "det", "amod", "compound", "nmod:poss":
				lo = c
			}
		}
	}
	if lo < 2 || r.word(lo-1) != "," || r.ment[lo-2] < 0 {
		return -1, false
	}
	if m := r.doc.Mentions[r.ment[lo-2]]; m.Type == Person && m.Entity >= 0 && m.End == lo-1 {
		return m.Entity, true
	}
	return -1, false
}

// nameAfter returns the person named in apposition after role noun t and
// its short phrase, however the parser attached the name: "Pyongyang's
// ambassador to Moscow, Sin Hong Chol, met Lavrov" (confidence 0.9). The
// words between may be a preposition, names, nouns and determiners, and
// the name must start right after a comma.
func (r *relater) nameAfter(t int) (arg, bool) {
	for k := t + 1; k < len(r.doc.Tokens) && k <= t+6; k++ {
		if r.word(k) == "," {
			if k+1 < len(r.doc.Tokens) && r.ment[k+1] >= 0 {
				if m := r.doc.Mentions[r.ment[k+1]]; m.Type == Person && m.First == k+1 && m.Entity >= 0 {
					return arg{m.Entity, 0.9, k + 1}, true
				}
			}
			return arg{}, false
		}
		switch r.doc.Tokens[k].Tag {
		case "ADP", "PROPN", "NOUN", "DET", "ADJ", "PART":
		default:
			return arg{}, false
		}
	}
	return arg{}, false
}

// titledBy reports whether person mention m follows a title of the given
// country that fits: "Russian President | Vladimir Putin", "Russia's
// Defence Minister | Andrei Belousov", "North Korean leader | Kim Jong Un".
func (r *relater) titledBy(m Mention, country int, fits func([]string) bool) bool {
	var title []string
	j := m.First - 1
	for ; j >= 0 && m.First-j <= 4 && r.ment[j] < 0; j-- {
		tw := r.lower(j)
		if !titles[tw] && !roleNouns[tw] && !isTitleQualifier(tw) {
			break
		}
		title = append(title, tw)
	}
	if len(title) == 0 {
		return false
	}
	if j >= 1 && r.lower(j) == "'s" && r.ment[j] < 0 {
		j-- // "Russia's Defence Minister ..."
	}
	if j < 0 || r.ment[j] < 0 {
		return false
	}
	cm := r.doc.Mentions[r.ment[j]]
	if cm.Entity < 0 || cm.Type != GPE && cm.Type != NORP || r.country(cm.Entity) != country {
		return false
	}
	return fits(title)
}

// describedOrg resolves "the ministry", "the agency", "the foreign
// ministry" to the organisation named before it whose name ends in that
// word and holds the description's other words ("North Korea's Foreign
// Ministry ... The ministry accused Seoul"), the most recent if several.
// Confidence 0.7.
func (r *relater) describedOrg(t int) (arg, bool) {
	w := r.lower(t)
	if !orgHeads[w] || r.ment[t] >= 0 || !r.isNoun(t) {
		return arg{}, false
	}
	definite := false
	var quals []string
	for _, k := range r.kids[t] {
		switch d := r.dep(k); {
		case d == "det":
			definite = definite || r.lower(k) == "the"
		case (d == "amod" || d == "compound") && k < t:
			if r.ment[k] >= 0 {
				return arg{}, false // "the Russian ministry": the modifier's rules
			}
			quals = append(quals, r.lower(k))
		case d == "nmod:poss" || base(d) == "nmod" || d == "appos" || d == "flat":
			return arg{}, false // "the ministry of Iraq": the modifier's rules
		}
	}
	if !definite {
		return arg{}, false
	}
	for mi := len(r.doc.Mentions) - 1; mi >= 0; mi-- {
		m := r.doc.Mentions[mi]
		if m.First >= t || m.Type != Org || m.Entity < 0 {
			continue
		}
		words := strings.Fields(Fold(r.doc.Slice(m.Span)))
		if len(words) < 2 || words[len(words)-1] != w {
			continue
		}
		if !slices.ContainsFunc(quals, func(q string) bool { return !slices.Contains(words, q) }) {
			return arg{m.Entity, 0.7, t}, true
		}
	}
	return arg{}, false
}

// orgHeads are the head nouns of organisations' names that news uses
// alone for a second mention ("the ministry said").
// Words as common for unnamed bodies ("the government", "the group",
// "the office") are left out.
var orgHeads = map[string]bool{
	"ministry": true, "agency": true, "council": true, "party": true, "committee": true, "commission": true,
	"department": true, "company": true, "bank": true, "court": true, "parliament": true, "embassy": true,
	"army": true, "navy": true, "corporation": true, "organisation": true, "organization": true,
	"alliance": true, "assembly": true, "command": true, "institute": true,
}

// leaderTitles are the titles a later "the Russian leader" may stand for.
var leaderTitles = map[string]bool{
	"president": true, "leader": true, "premier": true, "prime": true, "chancellor": true, "king": true,
	"queen": true, "chairman": true, "emperor": true,
}

// verbLemma returns the lexicon's lemma of verb t, or its word in lower
// case if the lexicon does not know it.
func (r *relater) verbLemma(t int) string {
	if trs := r.lex.Verb(r.lower(t)); len(trs) > 0 {
		return trs[0].Lemma
	}
	return r.lower(t)
}

// supportNouns take who is supported in a for-phrase.
var supportNouns = map[string]bool{"support": true, "backing": true, "solidarity": true}

// banNouns forbid what their on-phrase names.
var banNouns = map[string]bool{
	"ban": true, "bans": true, "moratorium": true, "embargo": true, "prohibition": true, "freeze": true,
}

// shipNouns name ships, which are wherever they sail.
var shipNouns = map[string]bool{
	"frigate": true, "warship": true, "destroyer": true, "cruiser": true, "corvette": true, "submarine": true,
	"carrier": true, "ship": true, "vessel": true, "warships": true, "ships": true, "vessels": true,
}

// proxyNouns name someone who acts for another: "Putin envoy", "Trump
// aide" are not Putin or Trump.
var proxyNouns = map[string]bool{
	"envoy": true, "envoys": true, "aide": true, "aides": true, "adviser": true, "advisers": true,
	"advisor": true, "advisors": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"ally": true, "allies": true, "emissary": true, "representative": true, "lawyer": true, "lawyers": true,
	"loyalist": true, "loyalists": true, "associate": true, "associates": true, "backer": true, "backers": true,
}

// mediatorVerbs are the CONSULT verbs whose joint subjects act together
// on others, not with one another.
var mediatorVerbs = map[string]bool{"mediate": true, "broker": true, "host": true, "facilitate": true, "arbitrate": true}

// isTitleQualifier reports the words that narrow a title ("Defence
// Minister", "Foreign Minister", "First Deputy ...").
func isTitleQualifier(w string) bool {
	switch w {
	case "defence", "defense", "foreign", "interior", "finance", "economy", "trade", "energy", "first",
		"supreme", "top", "senior", "national", "state", "security", "military", "armed", "forces",
		"interim", "acting", "transitional", "caretaker", "crown":
		return true
	}
	return false
}

// titledAfter returns the person whose title nationality mention m
// opens, when the parser made the nationality the head of the phrase:
// "met with Russian Defense Minister Andrei Belousov" parsed with
// "Russian" the oblique is the meeting with Belousov, not Russia
// (confidence 0.9). A country used as a nationality counts too: "Abbas
// Araghchi and U.S. envoy Steve Witkoff" parsed with "U.S." the conjunct.
func (r *relater) titledAfter(m int) (arg, bool) {
	mm := r.doc.Mentions[m]
	if mm.Type != NORP && mm.Type != GPE {
		return arg{}, false
	}
	k := mm.End
	for ; k < len(r.doc.Tokens) && k-mm.End < 4 && r.ment[k] < 0; k++ {
		if w := r.lower(k); !titles[w] && !roleNouns[w] && !isTitleQualifier(w) {
			return arg{}, false
		}
	}
	if k == mm.End || k >= len(r.doc.Tokens) || r.ment[k] < 0 {
		return arg{}, false
	}
	if p := r.doc.Mentions[r.ment[k]]; p.Type == Person && p.First == k && p.Entity >= 0 {
		return arg{p.Entity, 0.9, k}, true
	}
	return arg{}, false
}

// args resolves t and its conjuncts.
func (r *relater) args(t int) []arg {
	if t < 0 {
		return nil
	}
	if two := r.twoParties(t); two != nil {
		return two
	}
	var out []arg
	for _, c := range r.conjuncts(t) {
		if a, ok := r.entity(c); ok {
			out = append(out, a)
		}
	}
	return out
}

var relPronouns = map[string]bool{"who": true, "which": true, "that": true, "whom": true, "whose": true}

// frame is a predicate's argument structure.
type frame struct {
	subj, obj int   // argument tokens, -1 if none
	obls      []int // obliques and nominal modifiers with a preposition
	unmarked  []int // obliques without one (obl:unmarked, obl:npmod): often a misattached name
	moreSubj  []int // further subjects when coordination was misparsed
	looseSubj bool  // the subjects' comma-joined conjuncts count too
	passive   bool
	inherited bool // the subject came from another clause
}

// verbFrame finds the subject, object and obliques of verb t, following
// passives, relative clauses, control and coordination for a missing
// subject.
func (r *relater) verbFrame(t int) frame { return r.frameAt(t, 0) }

func (r *relater) frameAt(t, depth int) frame {
	f := frame{subj: -1, obj: -1}
	if depth > 8 { // malformed (cyclic) trees
		return f
	}
	agent := -1
	for _, k := range r.kids[t] {
		switch d := r.dep(k); d {
		case "nsubj", "nsubj:outer":
			if timeNouns[r.lower(k)] {
				// "weeks before Russia invaded Ukraine" parsed with the time
				// the subject and the clause's subject its nmod
				for _, c := range r.kids[k] {
					if base(r.dep(c)) == "nmod" && subordinators[r.prep(c)] && f.subj < 0 {
						k = c
						break
					}
				}
			}
			if p := r.prep(k); p != "" && p != "'s" && !subordinators[p] {
				// (a subordinator is the clause's: "days after Pyongyang
				// sent thousands of troops" has Pyongyang the subject)
				// "According to KCNA, X and Y discussed" misparsed with KCNA
				// as subject: the oblique keeps its preposition, its
				// conjuncts are the subject.
				f.obls = append(f.obls, k)
				for _, c := range r.kids[k] {
					if r.dep(c) == "conj" {
						if f.subj < 0 {
							f.subj = c
						} else {
							f.moreSubj = append(f.moreSubj, c)
						}
					}
				}
				continue
			}
			if f.subj >= 0 && r.ment[k] < 0 && r.doc.Tokens[k].Tag == "NOUN" && r.child(k, "det") >= 0 && r.commaBetween(f.subj, k) {
				// "The United States, a treaty ally of the Philippines,
				// criticised China" misparsed with the apposition a second
				// subject: it describes the first
				continue
			}
			if f.subj >= 0 {
				// "The US, Russia, and Switzerland met" misparsed with two
				// subjects: each is one, and so are their conjuncts.
				f.moreSubj = append(f.moreSubj, k)
				f.looseSubj = true
				continue
			}
			f.subj = k
		case "nsubj:pass":
			f.obj, f.passive = k, true
		case "obj":
			if f.obj < 0 {
				f.obj = k
			}
		case "obl:agent":
			agent = k
		case "aux:pass":
			f.passive = true
		default:
			if d == "obl:unmarked" || d == "obl:npmod" {
				f.unmarked = append(f.unmarked, k)
			} else if base(d) == "obl" && d != "obl:tmod" {
				if f.passive && r.prep(k) == "by" {
					agent = k
				} else {
					f.obls = append(f.obls, k)
				}
			}
		}
	}
	if agent >= 0 && meansNouns[r.lower(agent)] {
		// "spoke with Trump by phone": a means, not an agent
		f.obls = append(f.obls, agent)
		agent = -1
	}
	for _, o := range f.obls {
		if !meansNouns[r.lower(o)] {
			continue
		}
		// "spoke by phone with Wang Yi" parsed with the with-phrase
		// under "phone": it is the verb's
		for _, k := range r.kids[o] {
			if base(r.dep(k)) == "nmod" && r.prep(k) != "" && r.prep(k) != "of" && r.prep(k) != "'s" {
				f.obls = append(f.obls, k)
			}
		}
	}
	if agent >= 0 && r.dep(agent) == "obl:agent" && f.obj < 0 && f.subj < 0 && r.doc.Tokens[t].XPOS == "VBN" {
		f.passive = true // "supported by X" without a passive auxiliary
	}
	if f.passive && agent < 0 {
		// "was greeted at the airport by Kim" parsed with the agent on
		// the place: a person's by-phrase under an oblique is the agent
		for _, o := range f.obls {
			for _, k := range r.kids[o] {
				if m := r.ment[k]; base(r.dep(k)) == "nmod" && r.prep(k) == "by" && m >= 0 && r.doc.Mentions[m].Type == Person && agent < 0 {
					agent = k
				}
			}
		}
	}
	if f.passive {
		f.subj = agent
	}
	// Relative pronouns stand for the noun the clause modifies.
	dt := r.dep(t)
	h := r.head(t)
	if dt == "acl:relcl" && h >= 0 && r.isVerbal(h) && f.subj > 0 && relPronouns[r.lower(f.subj)] {
		// "Choe met Sergei Lavrov, who later visited Pyongyang" parsed
		// with the clause on the verb: the pronoun is the name before it
		k := f.subj - 1
		if k > 0 && r.lower(k) == "," {
			k--
		}
		if r.ment[k] >= 0 {
			h = k
		}
	}
	if base(dt) == "acl" && h >= 0 {
		// A past participle is passive ("troops sent to Russia") unless a
		// perfect auxiliary makes it active ("Shoigu ... has arrived in").
		participle := r.doc.Tokens[t].XPOS == "VBN" && !r.perfect(t)
		switch {
		case f.subj >= 0 && relPronouns[r.lower(f.subj)]:
			f.subj = h
		case f.obj >= 0 && relPronouns[r.lower(f.obj)]:
			f.obj = h
		case f.subj < 0 && !f.passive && !participle && intentNouns[r.lower(h)] && r.child(t, "mark") >= 0 && (r.dep(h) == "obj" || r.dep(h) == "nsubj"):
			// "Putin had no plans to meet Zelenskiy": the subject of
			// the verb whose plans they are
			if hh := r.head(h); hh >= 0 && r.isVerbal(hh) {
				if sj := r.child(hh, "nsubj"); sj >= 0 && sj != h {
					f.subj, f.inherited = sj, true
				}
			}
		case f.subj < 0 && !f.passive && !participle:
			f.subj, f.inherited = h, true // "troops supporting Russia"
		case f.obj < 0 && (f.passive || participle):
			// "troops sent to Russia", "companies accused of
			// facilitating": passive, so no entity before the participle
			// is its subject
			f.obj, f.passive = h, true
		}
	}
	if f.subj >= 0 && base(dt) != "acl" && (r.lower(f.subj) == "who" || r.lower(f.subj) == "which") && f.subj >= 2 &&
		r.word(f.subj-1) == "," && r.ment[f.subj-2] >= 0 {
		// "Choe Son Hui, who visited Moscow" misparsed with "visited" a
		// conjunct of the main verb: the name before ", who" is the
		// subject
		f.subj = f.subj - 2
	}
	if f.subj < 0 && !f.passive {
		// "visited Pyongyang as North Korea prepared to deploy troops"
		// misparsed with "as North Korea" as an oblique and "prepared" a
		// conjunct without a subject: the subordinated name just before
		// the verb is its subject.
		k := t - 1
		for k >= 0 && r.dep(k) == "advmod" {
			k--
		}
		if k >= 0 && r.ment[k] >= 0 && r.doc.Mentions[r.ment[k]].End == k+1 && r.doc.Mentions[r.ment[k]].Type != Date {
			if hk := r.mentionHead(r.ment[k]); subordinators[r.prep(hk)] && r.head(hk) != t {
				f.subj, f.inherited = hk, true
			}
		}
	}
	if f.subj < 0 && !f.passive && h >= 0 && h < t && (base(dt) == "parataxis" || base(dt) == "conj") && r.head(h) < 0 && r.isNoun(h) {
		// "Sergey Shoigu, the defence minister, visited Pyongyang", "France
		// on Wednesday accused Rwanda" misparsed with the name as root and
		// the verb hanging off it: the name is the subject.
		if m := r.ment[h]; m >= 0 && r.doc.Mentions[m].Entity >= 0 {
			switch r.doc.Mentions[m].Type {
			case Person, Org, GPE:
				f.subj, f.inherited = h, true
			}
		}
	}
	if f.passive && f.obj < 0 && h >= 0 && h < t && (base(dt) == "parataxis" || base(dt) == "conj") && r.head(h) < 0 && r.isNoun(h) {
		// "Putin, who arrived on Wednesday, was greeted by Kim" parsed
		// the same way: the name is the passive's subject.
		if m := r.ment[h]; m >= 0 && r.doc.Mentions[m].Entity >= 0 {
			switch r.doc.Mentions[m].Type {
			case Person, Org, GPE:
				f.obj, f.inherited = h, true
			}
		}
	}
	if f.passive && f.obj < 0 && base(dt) == "conj" && h >= 0 {
		// "The SDF ... and supported by Coalition advisers": the patient
		// of a coordinated passive is the subject of the first conjunct.
		if r.isVerbal(h) {
			// "It was founded by X and headed by Y": both passive, the
			// same patient
			if hf := r.frameAt(h, depth+1); hf.passive {
				f.obj = hf.obj
			} else {
				f.obj = hf.subj
			}
		} else if r.isNoun(h) {
			f.obj = h
		}
	}
	if f.subj < 0 && !f.passive {
		// "after a Russian military helicopter violated Japanese
		// airspace" parsed with the subject an oblique of its verb,
		// marked by the subordinator
		for _, k := range r.kids[t] {
			if k < t && base(r.dep(k)) == "obl" && subordinators[r.prep(k)] && r.isNoun(k) && r.child(k, "nmod") < 0 {
				f.subj = k
				break
			}
		}
	}
	if f.subj < 0 && !f.passive && h >= 0 {
		switch base(dt) {
		case "conj":
			if r.isVerbal(h) {
				hf := r.frameAt(h, depth+1)
				f.subj, f.inherited = hf.subj, true
			}
		case "xcomp", "advcl", "ccomp":
			if dt == "ccomp" && r.prep(t) != "to" {
				break
			}
			if base(dt) == "advcl" && r.prep(t) != "to" && r.doc.Tokens[t].XPOS != "VBG" {
				break
			}
			if p := r.prep(t); (p == "for" || p == "of" || p == "in") && r.isVerbal(h) {
				// "thanked the troops for defending Kursk", "accused Rwanda
				// of lying", "praised the forces ... in defending Kursk":
				// the object did it (for "of" and "in", only an object that
				// names a participant: "demonstrated unity in working to")
				// ("accusing the West of failing to ease sanctions": the West
				// failed, whether or not it is an entity)
				if hf := r.frameAt(h, depth+1); hf.obj >= 0 && r.isNominal(hf.obj) && (p == "for" || len(r.args(hf.obj)) > 0 || p == "of" && accuseVerbs[r.lower(h)]) {
					f.subj, f.inherited = hf.obj, true
					break
				}
				if p == "for" {
					break
				}
			}
			if r.isVerbal(h) {
				hf := r.frameAt(h, depth+1)
				control := dt == "xcomp" || (base(dt) == "advcl" && !strings.HasPrefix(r.lower(h), "call"))
				if control && hf.obj >= 0 && !hf.passive && r.objectControl(h) {
					f.subj = hf.obj // "urged Kim to visit", "asking Obama to help" (parsed as advcl)
				} else if hf.passive && dt == "xcomp" {
					f.subj = hf.obj // "troops are believed to have been sent" -> handled as object
				} else {
					f.subj = hf.subj
				}
				f.inherited = true
			} else if r.isNoun(h) && (r.dep(h) == "nsubj" || r.dep(h) == "obj") {
				f.subj, f.inherited = h, true
			}
		}
	}
	return f
}

// timeNouns measure how long before or after: "weeks before Russia
// invaded".
var timeNouns = map[string]bool{
	"minutes": true, "hours": true, "days": true, "weeks": true, "months": true, "years": true,
	"minute": true, "hour": true, "day": true, "week": true, "month": true, "year": true, "decades": true,
}

// subordinators introduce a clause; parsed as the preposition of their
// clause's subject, they mark that the verb after it is the subject's.
var subordinators = map[string]bool{"as": true, "while": true, "because": true, "when": true, "after": true,
	"before": true, "since": true, "until": true, "although": true, "though": true, "whereas": true, "if": true}

// perfect reports whether verb t has a perfect auxiliary ("has
// arrived"), which makes a past participle active.
func (r *relater) perfect(t int) bool {
	for _, k := range r.kids[t] {
		if r.dep(k) == "aux" {
			switch r.lower(k) {
			case "has", "have", "had", "'ve", "having":
				return true
			}
		}
	}
	return false
}

// objectControl reports whether verb t passes its object to an xcomp
// ("urged Kim to visit", "invited Putin to come").
func (r *relater) objectControl(t int) bool {
	w := r.lower(t)
	if objectControlVerbs[w] {
		return true
	}
	// inflections: urges, urging, urged, invited, inviting
	for _, suf := range []string{"s", "ing", "ed", "d"} {
		if b, ok := strings.CutSuffix(w, suf); ok && (objectControlVerbs[b] || objectControlVerbs[b+"e"]) {
			return true
		}
	}
	return w == "told"
}

// objectControlVerbs pass their object to an infinitive ("urged Kim to
// visit", "wants Putin to attack").
var objectControlVerbs = map[string]bool{
	"urge": true, "invite": true, "ask": true, "allow": true, "encourage": true, "tell": true, "call": true,
	"persuade": true, "force": true, "help": true, "want": true, "order": true, "request": true, "press": true,
	"push": true, "instruct": true, "permit": true, "enable": true, "require": true, "expect": true, "need": true,
	"pressure": true, "advise": true, "authorize": true, "authorise": true, "direct": true,
}

// trigger extracts the relations token t triggers, if it is in the lexicon.
func (r *relater) trigger(s Sentence, t int) {
	tok := r.doc.Tokens[t]
	form := r.lower(t)
	switch {
	case tok.Tag == "VERB" && tok.XPOS == "VBG" && r.prep(t) == "against":
		// "warned Moscow against supplying weapons", "cautioned against
		// sending troops": what one is warned against is not said to
		// happen, nor who would do it
	case form == "given" && (t == s.First || r.lower(t-1) == ",") && t+1 < s.End &&
		(r.doc.Tokens[t+1].XPOS == "DT" || r.doc.Tokens[t+1].XPOS == "PRP$"):
		// "..., given its close ties with Pakistan": a preposition, no
		// giving
	case tok.Tag == "VERB":
		r.verbTrigger(s, t, form)
	case tok.Tag == "NOUN" || tok.Tag == "PROPN":
		if tr, ok := r.lex.Noun(form); ok && r.ment[t] < 0 {
			r.nounTrigger(s, t, tr)
		}
	}
}

// reading is a trigger resolved against its object: the label, category
// and which argument is the target.
type reading struct {
	label, category string
	themeObj        bool     // the object is a theme ("sent troops"), not the target
	preps           []string // prepositions introducing the target
}

func (r *relater) verbTrigger(s Sentence, t int, form string) {
	trs := r.lex.Verb(form)
	if len(trs) == 0 {
		return
	}
	f := r.verbFrame(t)
	if namingVerbs[trs[0].Lemma] && r.namesObject(t) {
		// "KCNA called Yoon's decree an act of insanity": naming, not a
		// phone call
		return
	}
	if trs[0].Lemma == "claim" && (f.passive || f.obj >= 0 && r.isNoun(f.obj)) {
		// "an attack claimed by Daesh", "Daesh claimed the attacks":
		// claiming a deed is taking responsibility for it, not accusing
		// anyone ("claimed that ISIL attacked Iraq" stays an allegation).
		return
	}
	// A light verb with a nominal trigger as object: "held talks with",
	// "paid a visit to". The noun is handled by nounTrigger.
	if f.obj >= 0 && r.isNoun(f.obj) {
		if _, ok := r.lex.Noun(r.lower(f.obj)); ok && !trs[0].Event() {
			return
		}
	}
	var rd reading
	found := false
	lemma := ""               // of the verb reading found
	objNoun, objMod := "", "" // the object noun and its compound modifier
	theme := f.obj            // the object, or what a quantity of it is of
	recipient := -1           // "supplied Moscow with shells": the object, given the with-phrase
	if f.obj >= 0 && r.ment[f.obj] >= 0 {
		// the phrase under the verb, or misparsed under the object
		for _, o := range append(slices.Clone(f.obls), r.kids[f.obj]...) {
			if r.prep(o) == "with" && r.isNoun(o) && r.ment[o] < 0 {
				recipient, theme = f.obj, o
				break
			}
		}
	}
	if theme >= 0 && r.ment[theme] < 0 && r.isNoun(theme) {
		objNoun = r.lower(theme)
		if quantityNouns[objNoun] {
			// "received millions of artillery shells": the shells
			for _, k := range r.kids[theme] {
				if base(r.dep(k)) == "nmod" && r.prep(k) == "of" && r.isNoun(k) && r.ment[k] < 0 {
					theme, objNoun = k, r.lower(k)
					break
				}
			}
		}
		if c := r.child(theme, "compound"); c >= 0 && r.isNoun(c) && r.ment[c] < 0 {
			objMod = r.lower(c)
		}
	}
	if recipient >= 0 && !r.materialObject(trs, objNoun, objMod) {
		// "met Kim with officials": the with-phrase is no gift
		recipient, theme, objNoun, objMod = -1, f.obj, "", ""
	}
	if f.obj < 0 {
		// A prepositional sense: "engage with Y" is consultation although
		// "engage Y" is an assault; "engage in talks" leaves the event
		// to the noun.
	senses:
		for _, tr := range trs {
			for _, o := range f.obls {
				if sp, ok := r.lex.Sense(tr, r.prep(o)); ok {
					if sp.Category == "-" {
						return
					}
					rd, found, lemma = reading{label: sp.Label, category: sp.Category, preps: []string{sp.Prep}}, true, tr.Lemma
					break senses
				}
			}
		}
	}
	if objNoun != "" && f.obj >= 0 && receptionVerbs[trs[0].Lemma] {
		// "received Russian presidential envoy Kirill Dmitriev": the
		// envoy named is received, not an envoy of Russia
		if a, ok := r.entity(f.obj); ok && a.conf > 0.5 && r.doc.Entities[a.ent].Type == Person {
			objNoun = ""
		}
	}
	for _, tr := range trs {
		if found {
			break
		}
		if objNoun != "" {
			p, ok := r.lex.Object(tr, objNoun, "")
			if !ok && objMod != "" {
				// "artillery shells": the lexicon knows "artillery"
				if p, ok = r.lex.Object(tr, objMod, ""); ok {
					objNoun = objMod
				}
			}
			if ok {
				if p.Category == "-" {
					return // "faced a run-off": not an event
				}
				lab := tr.Label
				switch {
				case strings.HasPrefix(p.Object, "&") && p.Label != "solution":
					lab += "_" + p.Label // the synonym set's word: sent_troops (not "vetoed_solution" for a resolution)
				case p.Object != "":
					lab += "_" + strings.ReplaceAll(objNoun, " ", "_") // the text's own noun: fired_rockets
				}
				preps := []string{"to", "with"} // "sent troops to", "restored ties with"
				if p.Prep != "" {
					preps = []string{p.Prep}
				}
				if obtainVerbs[tr.Lemma] {
					preps = append(preps, "from") // "received weapons from Pyongyang"
				}
				rd, found, lemma = reading{label: lab, category: p.Category, themeObj: true, preps: preps}, true, tr.Lemma
				break
			}
		}
		if tr.Event() {
			rd, found, lemma = reading{label: tr.Label, category: tr.Category, preps: tr.Preps}, true, tr.Lemma
			if obtainVerbs[tr.Lemma] {
				rd.preps = append(slices.Clone(rd.preps), "from")
			}
			break
		}
	}
	if !found && f.obj >= 0 && receptionVerbs[trs[0].Lemma] {
		// "Kim Jong Un received Andrei Belousov": receiving a person is
		// hosting a visit (CAMEO 043), as receiving "the minister" is
		if a, ok := r.entity(f.obj); ok && a.conf > 0.5 && r.doc.Entities[a.ent].Type == Person {
			rd, found, lemma = reading{label: trs[0].Label, category: "CONSULT"}, true, trs[0].Lemma
		}
	}
	if !found {
		return
	}
	rd.preps = append(slices.Clone(rd.preps), categoryPreps[rd.category]...)
	sources := r.args(f.subj)
	for _, m := range f.moreSubj {
		sources = append(sources, r.args(m)...)
	}
	if f.looseSubj {
		for _, k := range append([]int{f.subj}, f.moreSubj...) {
			if k < 0 {
				continue // no subject word
			}
			for _, c := range r.kids[k] {
				if r.dep(c) == "conj" && r.child(c, "cc") < 0 {
					if a, ok := r.entity(c); ok {
						sources = append(sources, a)
					}
				}
			}
		}
	}
	if len(sources) == 0 && rd.themeObj && f.passive {
		// "North Korean troops were sent to Russia": the troops' country
		// sent them.
		for _, a := range r.args(f.obj) {
			if a.conf < 1 {
				sources = append(sources, arg{a.ent, 0.6, a.tok})
			}
		}
	}
	conf := float32(0.9)
	if f.inherited {
		conf = 0.8
	}
	if len(sources) == 0 && f.subj < 0 && !f.passive {
		// The parse gave no subject: the nearest entity before the
		// trigger within its clause, with low confidence.
		a, ok := r.clauseEntity(t, true)
		if !ok {
			return
		}
		sources, conf = []arg{a}, 0.3
	}
	if len(sources) == 0 {
		return
	}
	if len(sources) > 1 && r.reciprocal(t) {
		// "India and Pakistan accused each other": each of the other
		place := r.place(t, f, nil, r.agents(f, sources))
		for _, a := range sources {
			for _, b := range sources {
				if a.ent != b.ent {
					r.emit(s, t, rd, a, b, conf, place)
				}
			}
		}
		return
	}
	var targets []arg
	tprep := ""
	if recipient >= 0 {
		targets, tprep = r.args(recipient), "to"
	} else if !rd.themeObj {
		targets = r.args(f.obj)
		if weak(targets) {
			// "met North Korean leader Kim Jong Un" misparsed with the
			// name as a bare oblique: the name is the better target.
			for _, u := range f.unmarked {
				if a, ok := r.entity(u); ok && a.conf == 1 && u > f.obj {
					targets = []arg{a}
					break
				}
			}
		}
	}
	if len(targets) == 0 {
		// the recipient: "gave Ilves a letter", "sent Kyiv weapons"
		if io := r.child(t, "iobj"); io >= 0 {
			targets = r.args(io)
		}
	}
	if len(targets) == 0 && rd.category == "REQUEST" && f.obj < 0 {
		// who is to act: "demanded that Moscow agree to a ceasefire"
		if c := r.child(t, "ccomp"); c >= 0 {
			if sj := r.child(c, "nsubj"); sj >= 0 {
				targets = r.args(sj)
			}
		}
	}
	if len(targets) == 0 {
		for _, o := range f.obls {
			p := r.prep(o)
			if contains(rd.preps, p) {
				if ts := r.args(o); len(ts) > 0 {
					targets, tprep = ts, p
					break
				}
			}
		}
	}
	if len(targets) == 0 && f.obj >= 0 {
		// "supply arms to Israel" with the "to" phrase attached to the
		// object, or to what a quantity of it is of ("millions of shells
		// from Pyongyang")
		heads := []int{f.obj}
		if theme != f.obj {
			heads = append(heads, theme)
		}
	objKids:
		for _, o := range heads {
			for _, k := range r.kids[o] {
				if d := base(r.dep(k)); (d == "nmod" || d == "acl") && (contains(rd.preps, r.prep(k)) || rd.themeObj && o == f.obj && supportNouns[objNoun] && r.prep(k) == "for") {
					// ("reaffirmed Pyongyang's support for Moscow's actions":
					// who is supported, not whose support)
					if ts := r.args(k); len(ts) > 0 {
						targets, tprep = ts, r.prep(k)
						break objKids
					}
				}
				if rd.themeObj && o == f.obj && (placeNouns[objNoun] || sitesNamed[objNoun]) && base(r.dep(k)) == "nmod" && r.prep(k) == "of" {
					// "captured the village of Novoselivka": the
					// village is the place named
					if ts := r.args(k); len(ts) > 0 {
						targets = ts
						break objKids
					}
				}
				if base(r.dep(k)) == "nmod" && r.prep(k) == "between" && stanceCategories[rd.category] {
					// "denounced the exercises between South Korea and
					// the United States": both held them
					if ts := r.args(k); len(ts) > 0 {
						targets = ts
						break objKids
					}
				}
			}
		}
	}
	if len(targets) == 0 && rd.themeObj {
		targets = r.purposeTargets(t)
		if len(targets) > 0 {
			tprep = "to"
		}
	}
	if rd.themeObj && tprep != "" && !strings.HasSuffix(rd.label, "_"+tprep) {
		rd.label += "_" + tprep
	}
	if mediatorVerbs[lemma] && f.obj >= 0 && !f.passive {
		// "brokered a deal between Russia and Ukraine": the deal's parties
		for _, k := range r.kids[f.obj] {
			if base(r.dep(k)) == "nmod" && r.prep(k) == "between" {
				if ts := r.args(k); len(ts) > 0 {
					targets = ts
				}
			}
		}
	}
	place := r.place(t, f, targets, r.agents(f, sources))
	if len(targets) == 0 {
		// "X and Y discussed ..." / "X and Y met" / "X and Y signed a
		// treaty": symmetric among subjects.
		solo := soloVerbs[lemma] && (lemma != "attend" || f.obj < 0) // "attended the meeting" is a meeting
		if (rd.category == "CONSULT" && !mediatorVerbs[lemma] && !solo || jointVerbs[lemma]) && len(sources) > 1 {
			// (mediators do not mediate between one another: "talks
			// mediated by Qatar, Egypt and the United States", "a
			// ceasefire brokered by the United States and France",
			// "Saudi Arabia and the United States hosted talks")
			r.emitPairs(s, t, rd, sources, conf, place)
			return
		}
		// The parse gave no object: the nearest entity after the trigger
		// within its clause, with low confidence.
		if (f.obj >= 0 || f.passive) && !rd.themeObj {
			return // what follows a passive is its agent's phrase, not a patient
		}
		a, ok := r.clauseEntity(t, false)
		if !ok || a.ent == place {
			return
		}
		targets, conf = []arg{a}, min(conf, 0.3)
	}
	if mediatorVerbs[lemma] {
		// "a ceasefire brokered by the United States and France": no
		// mediator is the other's party; "brokered a deal between Russia
		// and Ukraine with the United Nations": the parties are the
		// deal's, the with-phrase another mediator
		targets = slices.DeleteFunc(slices.Clone(targets), func(b arg) bool {
			return r.prep(b.tok) == "with" || slices.ContainsFunc(sources, func(a arg) bool { return a.ent == b.ent })
		})
	}
	if (lemma == "lead" || lemma == "head" || lemma == "rule") && rd.category == "COOPERATE" && !rd.themeObj {
		// "The RSF, led by Mohamed Hamdan Dagalo", "Dmitriev, who heads
		// Russia's sovereign wealth fund", "has ruled Belarus since
		// 1994": leading an organisation or a
		// country is a role, not an event; an entity reached through a
		// modifier ("Russia's fund") is not what is led
		for _, a := range sources {
			if r.doc.Entities[a.ent].Type != Person {
				continue
			}
			for _, b := range targets {
				if ty := r.doc.Entities[b.ent].Type; b.conf >= 1 && (ty == Org || ty == GPE) {
					r.attr(s, t, "leader_of", a, b, 0.8)
				}
			}
		}
		return
	}
	for _, a := range sources {
		for _, b := range targets {
			r.emit(s, t, rd, a, b, conf, place)
		}
	}
	if lemma == "invite" && !f.passive {
		r.invitedVisit(s, t, f, targets, conf)
	}
	r.accusation(s, t, rd, sources)
}

// reportedAfter reports a sentence that ends by naming its source after a
// comma: "..., Seoul says.", "..., South Korea's military said on
// Monday.", "..., according to Seoul." The parser attaches such a tail in
// many ways (parataxis, conj, a modifier of the last noun), so it is read
// from the words: a comma after the trigger, then "according to", or a
// speech verb with no clause of its own (its ccomp would be the statement,
// handled above) before the sentence ends.
func (r *relater) reportedAfter(s Sentence, t int) bool {
	comma := -1
	for k := t + 1; k < s.End; k++ {
		w := r.lower(k)
		switch {
		case w == ",":
			comma = k
		case comma < 0:
		case w == "according" && k+1 < s.End && r.lower(k+1) == "to" && k == comma+1:
			return true
		case sayVerbs[w] && r.isVerbal(k) && r.child(k, "ccomp") < 0 && r.child(k, "obj") < 0:
			if sb := r.child(k, "nsubj"); sb >= 0 {
				switch r.lower(sb) {
				case "who", "which", "that":
					continue // "met Kim, who said so": a relative clause
				}
			}
			return true
		}
	}
	return false
}

// materialObject reports whether one of the triggers takes the noun (or
// its compound modifier) as the object of a transfer (AID or COOPERATE:
// "supplied ... with shells", "provided ... with equipment").
func (r *relater) materialObject(trs []lexicon.Trigger, noun, mod string) bool {
	for _, tr := range trs {
		for _, n := range []string{noun, mod} {
			if n == "" {
				continue
			}
			if p, ok := r.lex.Object(tr, n, ""); ok && (p.Category == "AID" || p.Category == "COOPERATE") {
				return true
			}
		}
	}
	return false
}

// supportVerb reports whether verb t carries a nominal event rather than
// being an event of its own: "held talks", "paid a visit", "began a
// three-day visit", "cancelled the summit", "plans talks" (their subjects
// take part), against "welcomed the talks", "condemned the summit". A
// verb the lexicon has no event reading for is a support verb; so are
// the listed ones that it has readings for.
func (r *relater) supportVerb(t int) bool {
	w := r.lower(t)
	for _, suf := range []string{"", "s", "es", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && (supportVerbs[b] || supportVerbs[b+"e"]) {
			return true
		}
	}
	switch w {
	case "held", "began", "begun", "paid", "made", "took", "led", "undertook", "undertaken", "sought", "cut":
		return true
	}
	for _, tr := range r.lex.Verb(w) {
		if tr.Event() {
			return false
		}
	}
	return true
}

// supportVerbs are verbs (base forms) that carry a nominal event even
// where the lexicon gives them an event reading of their own.
var supportVerbs = map[string]bool{
	"hold": true, "have": true, "conduct": true, "attend": true, "join": true, "begin": true, "start": true,
	"open": true, "resume": true, "continue": true, "wrap": true, "end": true, "conclude": true, "complete": true,
	"finish": true, "pay": true, "make": true, "undertake": true, "take": true, "host": true, "launch": true,
	"stage": true, "seek": true, "propose": true, "plan": true, "schedule": true, "arrange": true, "convene": true,
	"chair": true, "co-chair": true, "lead": true, "cancel": true, "postpone": true, "delay": true, "suspend": true,
	"skip": true, "boycott": true, "extend": true, "cut": true, "request": true, "offer": true, "agree": true,
}

// invitedVisit adds the visit an invitation to a place plans: "Putin
// invited Kim Jong Un to Moscow" gives Kim Jong Un visited Moscow,
// planned. The place is the verb's to-phrase or the guest's ("invited
// Kim to Moscow" parsed with the phrase under "Kim"); "invited Kim to
// visit Moscow" is read from the infinitive instead.
func (r *relater) invitedVisit(s Sentence, t int, f frame, guests []arg, conf float32) {
	if len(guests) == 0 {
		return
	}
	phrases := slices.Clone(f.obls)
	if f.obj >= 0 {
		phrases = append(phrases, r.kids[f.obj]...)
	}
	visit := reading{label: "visited", category: "CONSULT"}
	for _, o := range phrases {
		if r.prep(o) != "to" || !r.isNoun(o) {
			continue
		}
		for _, p := range r.args(o) {
			if !isPlace(r.doc.Entities[p.ent].Type) {
				continue
			}
			for _, g := range guests {
				n := len(r.out)
				r.emit(s, t, visit, g, p, conf*0.9, -1)
				if len(r.out) > n {
					rel := &r.out[n]
					rel.Modality = Planned
					rel.Date = r.date(s, t, true, p.tok)
				}
			}
		}
		return
	}
}

// accusation applies CAMEO's transformation "a says b attacked" = a
// accuses b: the speaker of a reported assault accuses the attacker.
func (r *relater) accusation(s Sentence, t int, rd reading, attackers []arg) {
	if rd.category != "ASSAULT" || len(attackers) == 0 {
		return
	}
	h := r.head(t)
	if h < 0 || (r.dep(t) != "ccomp" && base(r.dep(t)) != "parataxis") || !sayVerbs[r.lower(h)] {
		return
	}
	if r.modality(s, t) == Planned || denyVerbs[r.lower(h)] {
		return // "warned that Russia could attack", "denied attacking": no one is accused of a deed
	}
	speakers := r.args(r.verbFrame(h).subj)
	acc := reading{label: "accused", category: "ACCUSE"}
	for _, a := range speakers {
		for _, b := range attackers {
			r.emit(s, h, acc, a, b, 0.6, -1)
		}
	}
}

// categoryPreps are prepositions that introduce the target of any
// trigger of a category: "fired at", "protested against", "sent to".
var categoryPreps = map[string][]string{
	"ASSAULT":   {"at", "on", "against"},
	"COERCE":    {"on", "against"},
	"THREATEN":  {"against"},
	"ACCUSE":    {"against"},
	"PROTEST":   {"against", "in"},
	"MOBILIZE":  {"in", "to", "near", "along"},
	"SANCTION":  {"on", "against"},
	"AID":       {"to"},
	"COOPERATE": {"to", "with"},
	"SUPPORT":   {"to"},
	"AGREE":     {"with"},
	"CONSULT":   {"with"},
	"REQUEST":   {"to"},
}

// purposeTargets finds the target of a purpose clause: "sent troops to
// assist Russia", "deploy troops to support Russia('s war effort)", "to
// fight for Russia", "to combat in Russia's Kursk region" (not "to fight
// against Ukraine", nor "to combat ISIS": the enemy is no target).
func (r *relater) purposeTargets(t int) []arg {
	for _, k := range r.kids[t] {
		d := base(r.dep(k))
		if (d == "advcl" || d == "xcomp") && r.prep(k) == "to" {
			fights := false
			switch strings.TrimSuffix(r.lower(k), "s") {
			case "fight", "combat":
				// "to fight for Russia" helps Russia; "to fight (against)
				// Ukraine" does not send anything to Ukraine
				fights = true
			case "assist", "support", "help", "aid", "reinforce", "defend", "back", "bolster", "serve":
			default:
				continue
			}
			if o := r.child(k, "obj"); o >= 0 && !fights {
				return r.args(o)
			}
			for _, ob := range r.kids[k] {
				if base(r.dep(ob)) != "obl" {
					continue
				}
				if p := r.prep(ob); p == "against" || fights && p != "for" && p != "alongside" && p != "in" && p != "at" {
					continue
				}
				if a := r.args(ob); len(a) > 0 {
					return a
				}
			}
		}
	}
	return nil
}

// place finds where the event happened: an oblique "in/at X" naming a
// place that is not already a participant, or such a phrase the parse put
// on a participant (agents: the by-agents of a passive).
func (r *relater) place(t int, f frame, targets, agents []arg) int {
	for _, o := range f.obls {
		switch r.prep(o) {
		case "in", "at", "inside":
		default:
			continue
		}
		if a, ok := r.entity(o); ok && a.conf == 1 {
			switch r.doc.Entities[a.ent].Type {
			case GPE, Loc, Fac:
				taken := false
				for _, b := range targets {
					taken = taken || b.ent == a.ent
				}
				if !taken {
					return a.ent
				}
			}
		}
	}
	// "met North Korean leader Kim Jong Un in Pyongyang" parsed with the
	// place on the person, or "was received by Putin in Moscow" with it on
	// the agent: a person or organisation is not located by a
	// prepositional phrase, the meeting is.
	for _, b := range append(slices.Clip(targets), agents...) {
		switch r.doc.Entities[b.ent].Type {
		case Person, Org:
		default:
			continue
		}
		// the name, and the noun it is in apposition to ("leader Kim
		// Jong Un in Pyongyang" with the phrase on "leader")
		toks := []int{b.tok}
		if d := r.dep(b.tok); (d == "appos" || d == "flat") && r.head(b.tok) >= 0 {
			toks = append(toks, r.head(b.tok))
		}
		for _, tok := range toks {
			for _, k := range r.kids[tok] {
				if base(r.dep(k)) != "nmod" || (r.prep(k) != "in" && r.prep(k) != "at") {
					continue
				}
				if a, ok := r.entity(k); ok && a.conf == 1 {
					switch r.doc.Entities[a.ent].Type {
					case GPE, Loc, Fac:
						return a.ent
					}
				}
			}
		}
	}
	return -1
}

// agents returns the sources of a passive trigger that are its by-agents.
func (r *relater) agents(f frame, sources []arg) []arg {
	if !f.passive {
		return nil
	}
	var out []arg
	for _, a := range sources {
		if a.tok >= 0 && r.dep(a.tok) == "obl:agent" {
			out = append(out, a)
		}
	}
	return out
}

// weak reports whether every argument was resolved only through a
// modifier.
func weak(as []arg) bool {
	for _, a := range as {
		if a.conf >= 0.9 {
			return false
		}
	}
	return true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// nounTrigger handles nominal triggers: "X's visit to Y", "the visit of X
// to Y", "a meeting between X and Y", "held talks with Y", "during a
// meeting with Y".
func (r *relater) nounTrigger(s Sentence, t int, tr lexicon.Trigger) {
	rd := reading{label: tr.Label, category: tr.Category}
	if !tr.Event() {
		return
	}
	var sources, targets, between []arg
	conf := float32(0.8)
	troops := strings.Contains(tr.Label, "troops")
	assault := rd.category == "ASSAULT"
	for _, k := range r.kids[t] {
		d := r.dep(k)
		p := r.prep(k)
		switch {
		case assault && base(d) == "nmod" && (p == "on" || p == "against"):
			// "strikes on Kharkiv", "the attack against the base"
			if len(targets) == 0 {
				targets = r.args(k)
			}
		case assault && (d == "amod" || d == "compound") && len(sources) == 0:
			// "a Russian drone attack", "Israeli strikes"
			if a, ok := r.entity(k); ok {
				sources = append(sources, a)
			}
		case d == "nmod:poss":
			sources = append(sources, r.args(k)...)
		case base(d) == "nmod" && (p == "by" || (p == "of" && !troops)) && len(sources) == 0:
			sources = r.args(k)
		case base(d) == "nmod" && p == "of" && troops:
			// "the dispatch of North Korean troops": the troops' country sends them
			sources = r.args(k)
		case base(d) == "nmod" && (p == "between" || p == "among"):
			between = r.args(k)
		case base(d) == "nmod" && (p == "with" || p == "to" || p == "in" && tr.Label == "visited"):
			if len(targets) == 0 {
				targets = r.args(k)
			}
		case (d == "amod" || d == "compound") && troops:
			if a, ok := r.entity(k); ok {
				sources = append(sources, a)
			}
		}
	}
	if troops && len(targets) == 0 {
		for _, k := range r.kids[t] {
			if base(r.dep(k)) == "acl" {
				if o := r.child(k, "obj"); o >= 0 {
					targets = r.args(o)
				}
				if len(targets) == 0 && r.prep(k) == "to" {
					targets = r.purposeTargets(r.head(k))
				}
			}
		}
		if len(targets) == 0 {
			targets = r.purposeTargets(t)
		}
	}
	f := frame{subj: -1, obj: -1}
	h, at := r.head(t), t // at: the noun phrase the governing verb takes
	if h >= 0 && quantityNouns[r.lower(h)] && base(r.dep(t)) == "nmod" && r.prep(t) == "of" {
		// "carried out hundreds of air strikes on ...": the verb takes the quantity
		h, at = r.head(h), h
	}
	dep := base(r.dep(at))
	if p := r.prep(t); h >= 0 && dep == "nmod" && (p == "at" || p == "during") && r.isNoun(h) && r.dep(h) == "obj" && r.head(h) >= 0 && r.isVerbal(r.head(h)) {
		// "condemned the launch at a meeting in Washington" parsed with
		// the meeting on the object: it frames the verb
		h, dep = r.head(h), "obl"
	}
	if len(between) > 1 {
		r.emitPairs(s, t, rd, between, conf, r.nounPlace(t))
		return
	}
	if len(sources) == 0 && h >= 0 && r.isVerbal(h) && dep == "obl" {
		switch r.prep(at) {
		case "during", "at", "after", "before", "following":
			// "X praised the troops for defending Kursk during a meeting
			// with Y": the meeting frames the main clause, whatever the
			// non-finite clause it was attached to.
			for steps := 0; steps < 4 && (r.doc.Tokens[h].XPOS == "VBG" || r.doc.Tokens[h].XPOS == "VB"); steps++ {
				d := base(r.dep(h))
				if d != "advcl" && d != "xcomp" && d != "acl" {
					break
				}
				hh := r.head(h)
				if hh < 0 || !r.isVerbal(hh) {
					break
				}
				h = hh
			}
		}
	}
	if len(sources) == 0 && h >= 0 && r.isVerbal(h) {
		// The governing verb's subject: "X held talks with Y", "X
		// praised troops during a meeting with Y", "X paid a visit to Y".
		switch d := dep; {
		case d == "obj" && !r.supportVerb(h):
			// "Japan and South Korea welcomed the talks": the verb is
			// an event of its own, its subject no party to the talks
		case d == "obj", d == "obl":
			f = r.verbFrame(h)
			if !f.passive {
				sources = r.args(f.subj)
			}
			if dep == "obl" {
				conf = 0.7
			}
			if len(targets) == 0 && dep == "obj" {
				for _, o := range f.obls {
					if p := r.prep(o); p == "with" || p == "to" {
						targets = r.args(o)
						break
					}
				}
			}
		}
	}
	if len(sources) == 0 {
		sources = r.possessiveVisitor(t, tr)
	}
	if len(sources) == 0 {
		return
	}
	place := r.nounPlace(t)
	if place < 0 && f.subj >= 0 {
		place = r.place(h, f, targets, nil)
	}
	if len(targets) == 0 {
		// (not the hosts of "Saudi Arabia and the United States hosted
		// talks between the two sides")
		if rd.category == "CONSULT" && len(sources) > 1 && !(f.subj >= 0 && mediatorVerbs[r.verbLemma(h)]) {
			r.emitPairs(s, t, rd, sources, conf, place)
		}
		return
	}
	for _, a := range sources {
		for _, b := range targets {
			r.emit(s, t, rd, a, b, conf, place)
		}
	}
}

// possessiveVisitor returns who makes visit t when "his" or "her" is
// all that names him and no verb's subject was taken: the subject whose
// phrase the visit is in ("Putin, on his first visit to North Korea,
// was greeted"), else the subject of the sentence's root ("Min Aung
// Hlaing met Li Qiang on the sidelines, his first visit to China", not
// Li Qiang, whose apposition the parser may make it).
func (r *relater) possessiveVisitor(t int, tr lexicon.Trigger) []arg {
	if tr.Label != "visited" {
		return nil
	}
	poss := r.child(t, "nmod:poss")
	if poss < 0 || r.doc.Tokens[poss].Tag != "PRON" {
		return nil
	}
	if w := r.lower(poss); w != "his" && w != "her" {
		return nil
	}
	for h, steps := r.head(t), 0; h >= 0 && steps < 6; h, steps = r.head(h), steps+1 {
		if d := r.dep(h); d == "nsubj" || d == "nsubj:pass" || d == "root" {
			if a, ok := r.entity(h); ok && r.doc.Entities[a.ent].Type == Person && r.ment[h] >= 0 {
				return []arg{{a.ent, 0.6, h}}
			}
		}
		if r.head(h) < 0 { // the root: its subject
			for _, k := range r.kids[h] {
				if d := r.dep(k); d == "nsubj" || d == "nsubj:pass" {
					if a, ok := r.entity(k); ok && r.doc.Entities[a.ent].Type == Person {
						return []arg{{a.ent, 0.6, k}}
					}
				}
			}
		}
	}
	return nil
}

func (r *relater) nounPlace(t int) int {
	for _, k := range r.kids[t] {
		if base(r.dep(k)) == "nmod" && (r.prep(k) == "in" || r.prep(k) == "at") {
			if a, ok := r.entity(k); ok && a.conf == 1 {
				switch r.doc.Entities[a.ent].Type {
				case GPE, Loc, Fac:
					return a.ent
				}
			}
		}
	}
	return -1
}

// emitPairs links every pair of participants of a symmetric event, in
// text order.
func (r *relater) emitPairs(s Sentence, t int, rd reading, as []arg, conf float32, place int) {
	for i := range as {
		for j := i + 1; j < len(as); j++ {
			r.emit(s, t, rd, as[i], as[j], conf*0.9, place)
		}
	}
}

func (r *relater) emit(s Sentence, t int, rd reading, a, b arg, conf float32, place int) {
	if a.ent == b.ent || a.ent < 0 || b.ent < 0 || a.ent >= len(r.doc.Entities) || b.ent >= len(r.doc.Entities) {
		return
	}
	if placeLabels[rd.label] {
		// one visits, tours or travels to a place or an organisation,
		// not a person ("Russia visited Shoigu") or a nationality
		switch r.doc.Entities[b.ent].Type {
		case GPE, Loc, Fac, Org:
		default:
			return
		}
		if m, h := r.ment[b.tok], r.head(b.tok); m >= 0 && r.doc.Mentions[m].Type == NORP && h >= 0 && shipNouns[r.lower(h)] {
			return // "visited the Russian frigate": a ship of Russia's, not Russia ("Russian missile plants" are in Russia)
		}
	}
	if place == a.ent || place == b.ent {
		place = -1
	}
	if place < 0 && placeLabels[rd.label] && isPlace(r.doc.Entities[b.ent].Type) {
		// "Putin visited Beijing": where he went is where the visit
		// happened. An organisation visited ("visited the IAEA") is not a
		// place; an oblique ("visited North Korea's embassy in Moscow")
		// is kept when there is one.
		place = b.ent
	}
	rel := Relation{
		Source: a.ent, Target: b.ent, Label: rd.label, Category: rd.category,
		Trigger: r.doc.Tokens[t].Span, Evidence: s.Span, Place: place,
		Confidence: conf * min(a.conf, b.conf),
	}
	rel.Negated = r.negated(t)
	rel.Modality = r.modality(s, t)
	rel.Date = r.date(s, t, rel.Modality == Planned, b.tok)
	r.out = append(r.out, rel)
}

// intentNouns take an infinitive whose subject is the one who has them:
// "had no plans to meet", "announced its intention to attend".
var intentNouns = map[string]bool{
	"plan": true, "plans": true, "intention": true, "intentions": true, "decision": true, "readiness": true,
	"willingness": true, "offer": true, "bid": true, "attempt": true, "efforts": true, "effort": true,
}

// namingVerbs name or describe their object with a second noun phrase:
// "called the drills a rehearsal for invasion".
var namingVerbs = map[string]bool{"call": true, "label": true, "brand": true, "dub": true, "term": true, "name": true}

// namesObject reports whether verb t has two objects, or an object and a
// nominal after it with no preposition: "called X Y".
func (r *relater) namesObject(t int) bool {
	objs, first := 0, -1
	for _, k := range r.kids[t] {
		switch d := r.dep(k); {
		case d == "obj", objs > 0 && r.isNoun(k) && !r.isDateWord(k) && (d == "xcomp" || d == "obl:unmarked" || d == "obl:npmod"):
			if objs == 0 {
				first = k
			} else if slices.ContainsFunc(r.kids[first], func(c int) bool { return r.dep(c) == "conj" && c < k }) {
				// "call Zelenskiy and NATO leaders" parsed with "leaders" a
				// second object: the first is a list, no name given
				return false
			}
			objs++
		}
	}
	return objs >= 2
}

// soloVerbs are consultations each subject makes alone: "Boric and
// Mulino attended" (with no object: "attended the meeting" pairs them)
// or "Putin and Kim visited the plant" pair no one.
var soloVerbs = map[string]bool{
	"attend": true, "visit": true, "arrive": true, "travel": true, "tour": true, "fly": true, "go": true,
	"come": true, "return": true, "leave": true, "depart": true, "land": true, "head": true,
}

// quoted reports whether token t is inside a quotation that opens in
// its sentence ("“Both sides are negotiating with Washington,” said ...").
func (r *relater) quoted(t int) bool {
	in := false
	for k := sentenceOf(r.doc, t); k < t; k++ {
		switch r.doc.Slice(r.doc.Tokens[k].Span) {
		case "“":
			in = true
		case "”":
			in = false
		case "\"":
			in = !in
		}
	}
	return in
}

// reciprocal reports whether verb t has "each other" or "one another"
// among its dependents, wherever the parser attached the pair's words.
func (r *relater) reciprocal(t int) bool {
	pair := func(a, b int) bool {
		if a < 0 || b >= len(r.doc.Tokens) {
			return false
		}
		x, y := r.lower(a), r.lower(b)
		return x == "each" && y == "other" || x == "one" && y == "another"
	}
	for _, k := range r.kids[t] {
		if pair(k, k+1) || pair(k-1, k) {
			return true
		}
	}
	return pair(t+1, t+2) // misattached: "accused each other of violating ..."
}

// sitesNamed are the built places named by an of-phrase ("the port of
// Hodeidah"), besides placeNouns.
var sitesNamed = map[string]bool{"port": true, "harbour": true, "harbor": true, "airport": true, "base": true}

// stanceCategories are the categories of a stance taken on what others
// do (condemning, rejecting, praising it), whose target is who does it.
var stanceCategories = map[string]bool{"ACCUSE": true, "REJECT": true, "SUPPORT": true}

// meansNouns are what a "by" phrase names when it tells how, not who:
// "spoke by phone", "arrived by train".
var meansNouns = map[string]bool{
	"phone": true, "telephone": true, "video": true, "videolink": true, "letter": true, "email": true,
	"e-mail": true, "mail": true, "plane": true, "train": true, "car": true, "road": true, "air": true,
	"sea": true, "ship": true, "land": true, "force": true, "decree": true, "mistake": true,
}

// placeLabels are the relations whose target is where the source went.
var placeLabels = map[string]bool{"visited": true, "toured": true, "travelled": true}

// negated reports "did not meet", "never visited", "no meeting", "refused
// to meet".
func (r *relater) negated(t int) bool { return r.negatedAt(t, 0) }

func (r *relater) negatedAt(t, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, k := range r.kids[t] {
		switch r.lower(k) {
		case "not", "n't", "never", "no":
			if d := base(r.dep(k)); d == "advmod" || d == "det" || d == "neg" {
				return true
			}
		}
	}
	// "delayed their meeting", "cancelled the visit": it did not happen
	if h := r.head(t); h >= 0 && r.isNoun(t) && r.dep(t) == "obj" && cancelVerbs[r.lower(h)] {
		return true
	}
	// "its ban on supplying weapons to Ukraine": what is banned does not
	// happen
	if p := r.prep(t); p == "on" || p == "against" {
		if h := r.head(t); h >= 0 && banNouns[r.lower(h)] {
			return true
		}
		for _, k := range r.kids[t] { // (parsed with the clause on the verb that has the ban)
			if d := r.dep(k); (d == "mark" || d == "case") && k > 0 && banNouns[r.lower(k-1)] {
				return true
			}
		}
	}
	if h := r.head(t); h >= 0 && r.denied(t, h) {
		return true
	}
	if h := r.head(t); h >= 0 && r.dep(t) == "xcomp" {
		switch r.lower(h) {
		case "refused", "refuses", "refuse", "declined", "declines", "decline", "failed", "fails", "fail":
			return true
		}
		return r.negatedAt(h, depth+1)
	}
	// "had no plans to meet Zelenskiy": the intention is denied, or its
	// verb is ("did not announce plans to ...")
	if h := r.head(t); h >= 0 && base(r.dep(t)) == "acl" && intentNouns[r.lower(h)] {
		if r.negatedAt(h, depth+1) {
			return true
		}
		if hh := r.head(h); hh >= 0 && r.isVerbal(hh) && r.negatedAt(hh, depth+1) {
			return true
		}
	}
	// "would not give permission to Russia to help Israel", "did not go
	// to Moscow to meet Putin": a purpose clause of what did not happen
	if h := r.head(t); h >= 0 && base(r.dep(t)) == "advcl" && r.prep(t) == "to" && r.isVerbal(h) {
		return r.negatedAt(h, depth+1)
	}
	return false
}

// denied reports whether clause t, headed by h, is what a denial denies:
// the complement of a deny verb, or of the claim it denies.
func (r *relater) denied(t, h int) bool {
	switch base(r.dep(t)) {
	case "ccomp", "xcomp", "advcl", "obj", "csubj":
	case "acl":
		// "denied reports that ...": the claim is the verb's object
		if !claimNouns[r.lower(h)] || r.dep(h) != "obj" {
			return false
		}
		if h = r.head(h); h < 0 {
			return false
		}
	default:
		return false
	}
	return denyVerbs[r.lower(h)]
}

var cancelVerbs = map[string]bool{
	"delayed": true, "delay": true, "postponed": true, "postpone": true, "cancelled": true, "canceled": true,
	"cancel": true, "suspended": true, "suspend": true, "rejected": true, "reject": true, "refused": true,
	"scrapped": true, "called": false, "downplayed": true, "denied": true, "deny": true, "ruled": false,
}

// obtainVerbs take what they get from someone: the from-phrase names
// the other party ("received weapons from", "bought oil from").
var obtainVerbs = map[string]bool{"receive": true, "obtain": true, "buy": true, "acquire": true, "import": true, "purchase": true}

// quantityNouns measure their of-phrase, which is the real object:
// "sent thousands of troops", "received millions of artillery shells".
var quantityNouns = map[string]bool{
	"millions": true, "thousands": true, "hundreds": true, "dozens": true, "tens": true, "billions": true,
	"tons": true, "tonnes": true, "batch": true, "batches": true, "shipment": true, "shipments": true,
	"number": true, "lot": true, "lots": true, "consignment": true, "consignments": true, "supply": true,
	"supplies": true, "rounds": true, "units": true, "contingent": true, "battalion": true, "battalions": true,
	"package": true, "packages": true, "raft": true, "wave": true, "waves": true,
}

// reportedIt resolves "it" as the subject of what an organisation or a
// country says of itself: "the European Union said it would impose
// sanctions on Pyongyang" (it = the European Union).
func (r *relater) reportedIt(t int) (arg, bool) {
	if r.lower(t) != "it" || base(r.dep(t)) != "nsubj" {
		return arg{}, false
	}
	v := r.head(t)
	if v < 0 || r.dep(v) != "ccomp" {
		return arg{}, false
	}
	say := r.head(v)
	if say < 0 || !sayVerbs[r.lower(say)] {
		return arg{}, false
	}
	for _, k := range r.kids[say] {
		if r.dep(k) != "nsubj" || r.ment[k] < 0 {
			continue
		}
		if a, ok := r.entity(k); ok && a.conf == 1 {
			switch r.doc.Entities[a.ent].Type {
			case Org, GPE:
				return arg{a.ent, 0.7, t}, true
			}
		}
	}
	return arg{}, false
}

// receptionVerbs host whoever is their object when it is a person
// ("received Andrei Belousov"); CAMEO gives them an event only with nouns
// such as "the minister" or "aid".
var receptionVerbs = map[string]bool{"receive": true}

// jointVerbs are verbs whose coordinated subjects act together, each
// with the others, whatever their object: "Putin and Kim signed a
// treaty", "Russia and China discussed cooperation" (though "Russia and
// Iran sent troops" sent them to a third party).
var jointVerbs = map[string]bool{
	"sign": true, "discuss": true, "negotiate": true, "conclude": true, "agree": true, "ink": true,
	"exchange": true,
}

// accuseVerbs report an allegation in a gerund after "of" ("accused
// Pyongyang of sending troops", "suspected of supplying").
var accuseVerbs = map[string]bool{
	"accuse": true, "accuses": true, "accused": true, "accusing": true, "charge": true, "charges": true,
	"charged": true, "suspect": true, "suspects": true, "suspected": true, "blame": true, "blamed": true,
	"convicted": true, "guilty": true,
}

var planVerbs = map[string]bool{
	"plan": true, "plans": true, "planned": true, "planning": true, "intend": true, "intends": true, "intended": true,
	"expect": true, "expects": true, "expected": true, "schedule": true, "scheduled": true, "set": true,
	"prepare": true, "prepares": true, "prepared": true, "preparing": true, "going": true, "due": true, "aim": true,
	"aims": true, "hope": true, "hopes": true, "want": true, "wants": true, "agreed": true, "promised": true,
	"pledged": true, "vowed": true, "likely": true, "poised": true, "slated": true,
	"agree": true, "agrees": true, "agreeing": true, "promise": true, "promises": true, "promising": true,
	"pledge": true, "pledges": true, "pledging": true, "vow": true, "vows": true, "vowing": true,
	"aiming": true, "hoping": true, "wanting": true, "intending": true, "expecting": true,
	"offering": true, "proposing": true,
	// an invitation or a request proposes the event: "invited Putin to
	// visit Pyongyang" says nothing of a visit having happened
	"ready": true, "willing": true, "offered": true, "offers": true, "offer": true, "proposed": true,
	"proposes": true, "propose": true,
	"invite": true, "invites": true, "invited": true, "inviting": true, "urge": true, "urges": true,
	"urged": true, "urging": true, "ask": true, "asks": true, "asked": true, "asking": true,
	"request": true, "requests": true, "requested": true,
}

var planAdjectives = map[string]bool{
	"upcoming": true, "planned": true, "prospective": true, "expected": true, "future": true, "proposed": true,
	"scheduled": true, "forthcoming": true, "possible": true, "potential": true,
}

var sayVerbs = map[string]bool{
	"say": true, "says": true, "said": true, "tell": true, "told": true, "report": true, "reports": true, "reported": true,
	"claim": true, "claims": true, "claimed": true, "announce": true, "announced": true, "state": true, "stated": true,
	"indicate": true, "indicates": true, "indicated": true, "allege": true, "alleged": true, "believe": true,
	"believed": true, "suggest": true, "suggested": true, "add": true, "added": true, "quoted": true,
	"speculate": true, "speculated": true, "estimate": true, "estimated": true, "according": true,
	"deny": true, "denies": true, "denied": true, "denying": true,
	"warn": true, "warns": true, "warned": true, "insist": true, "insists": true, "insisted": true,
}

// denyVerbs say that their complement did not happen: "Moscow has denied
// supplying weapons", "denied that it had sent troops", "denied reports
// that ...".
var denyVerbs = map[string]bool{"deny": true, "denies": true, "denied": true, "denying": true}

// claimNouns are what a denial denies: "denied reports that ...".
var claimNouns = map[string]bool{
	"report": true, "reports": true, "claim": true, "claims": true, "allegation": true, "allegations": true,
	"accusation": true, "accusations": true, "suggestion": true, "suggestions": true, "speculation": true,
}

// modality says whether the event is planned ("will visit", "plans to
// meet", "upcoming visits"), reported ("according to KCNA", "X said Y
// met Z") or asserted.
func (r *relater) modality(s Sentence, t int) Modality { return r.modalityAt(s, t, 0) }

func (r *relater) modalityAt(s Sentence, t, depth int) Modality {
	if depth > 8 {
		return Asserted
	}
	for _, k := range r.kids[t] {
		switch r.lower(k) {
		case "will", "shall", "'ll", "wo", "would", "could", "might", "may":
			// "could attack a NATO member": not (yet) an event
			if base(r.dep(k)) == "aux" {
				return Planned
			}
		}
		if d := r.dep(k); (d == "amod" || d == "compound") && planAdjectives[r.lower(k)] {
			return Planned
		}
	}
	// "is to visit", "are set to visit", "plans to meet"
	if h := r.head(t); h >= 0 && (r.dep(t) == "xcomp" || base(r.dep(t)) == "advcl" && r.prep(t) == "to") &&
		(planVerbs[r.lower(h)] || r.modalityAt(s, h, depth+1) == Planned) {
		return Planned
	}
	// "had no plans to meet", "announced his decision to send troops"
	if h := r.head(t); h >= 0 && base(r.dep(t)) == "acl" && intentNouns[r.lower(h)] && r.child(t, "mark") >= 0 {
		return Planned
	}
	// "ready to host a meeting between X and Y": the noun event is as
	// planned as the verb that has it
	if h := r.head(t); h >= 0 && r.isNoun(t) && r.dep(t) == "obj" && r.isVerbal(h) && r.modalityAt(s, h, depth+1) == Planned {
		return Planned
	}
	// Reported: a speech verb above the trigger's clause, or "according to".
	if r.reportedAfter(s, t) {
		return Reported
	}
	cur := t
	for steps := 0; cur >= 0 && steps < 32; steps++ {
		for _, k := range r.kids[cur] {
			if p := r.prep(k); p == "according to" || p == "according" {
				return Reported
			}
			switch r.lower(k) {
			case "reportedly", "allegedly", "purportedly":
				return Reported
			}
		}
		h := r.head(cur)
		if h < 0 {
			break
		}
		switch base(r.dep(cur)) {
		case "ccomp", "parataxis", "acl", "xcomp":
			if sayVerbs[r.lower(h)] {
				return Reported
			}
		case "advcl":
			// "accused Pyongyang of sending troops": an allegation
			if r.prep(cur) == "of" && accuseVerbs[r.lower(h)] {
				return Reported
			}
		}
		cur = h
	}
	return Asserted
}

// window is the fallback for a sentence without a parse: the nearest
// entity before a lexicon verb is its source and the first person,
// organisation or place after it the target, with low confidence.
func (r *relater) window(s Sentence) {
	for t := s.First; t < s.End; t++ {
		if tag := r.doc.Tokens[t].Tag; tag != "VERB" && tag != "" {
			continue
		}
		trs := r.lex.Verb(r.lower(t))
		if len(trs) == 0 || !trs[0].Event() {
			continue
		}
		src, dst := arg{ent: -1}, arg{ent: -1}
		for k := s.First; k < s.End; k++ {
			m := r.ment[k]
			if m < 0 || r.doc.Mentions[m].Entity < 0 {
				continue
			}
			ty := r.doc.Mentions[m].Type
			if k < t && (ty == Person || ty == Org || ty == GPE) {
				src = arg{r.doc.Mentions[m].Entity, 1, k}
			}
			if k > t && dst.ent < 0 && (ty == Person || ty == Org || ty == GPE || ty == Loc || ty == Fac) {
				dst = arg{r.doc.Mentions[m].Entity, 1, k}
			}
		}
		if src.ent >= 0 && dst.ent >= 0 {
			rd := reading{label: trs[0].Label, category: trs[0].Category}
			r.emit(s, t, rd, src, dst, 0.4, -1)
		}
	}
}

// country maps a nationality entity ("North Korean", NORP) to the
// document's country entity it names ("North Korea", GPE) when there is
// one: "North Korean troops" are North Korea's. Other entities map to
// themselves.
func (r *relater) country(ei int) int {
	en := r.doc.Entities[ei]
	if en.Type != NORP && en.Type != GPE {
		return ei
	}
	d := Fold(en.Name)
	best := ei
	for gi, g := range r.doc.Entities {
		if gi == ei || g.Type != GPE {
			continue
		}
		c := Fold(g.Name)
		if c == d || len(c) < 4 || len(c) >= len(d) {
			continue
		}
		// common prefix at least the country name less its last letter:
		// russia/russian, north korea/north korean, ukraine/ukrainian
		n := 0
		for n < len(c) && c[n] == d[n] {
			n++
		}
		if n >= len(c)-1 && n >= 4 && !strings.Contains(d[n:], " ") {
			best = gi
			break
		}
	}
	return best
}

// clauseEntity is the fallback when the parse gives a trigger no subject
// (before) or no object (after) entity: the nearest entity mention on that
// side of the trigger whose head lies in the trigger's clause (for the
// subject, the clause that controls it: "X, hoping to meet Y").
func (r *relater) clauseEntity(t int, before bool) (arg, bool) {
	top := t
	if before {
		for i := 0; i < 3; i++ {
			d := base(r.dep(top))
			h := r.head(top)
			if h < 0 || (d != "xcomp" && d != "conj" && d != "advcl" && d != "acl") {
				break
			}
			top = h
		}
	}
	inside := func(k int) bool {
		for i := 0; i < 64 && k >= 0; i++ {
			if k == top {
				return true
			}
			switch base(r.dep(k)) {
			case "advcl", "xcomp", "ccomp", "acl", "parataxis", "csubj", "conj", "list":
				return false // another clause
			}
			p := r.prep(k)
			switch {
			case r.head(k) == top:
				switch p {
				case "in", "at", "on", "during", "near", "inside", "from", "since", "until", "as":
					return false // where or when, not who
				case "despite", "amid", "notwithstanding":
					return false // circumstances
				}
			case p == "in" || p == "during" || p == "inside" || p == "near" || p == "since" || p == "until" || p == "from":
				return false // "a summit on the unrest in Iran", "a message from Putin": where or whence, however deep
			case p == "than":
				return false // "pushed for a larger increase than Russia wanted": a comparison
			case p == "despite" || p == "amid" || p == "notwithstanding":
				return false // "help fill labour shortages despite U.N. sanctions": circumstances
			case p == "as" && !before:
				return false // "agree to resume flights as Modi meets Xi": another clause's subject
			}
			if before && p != "" && p != "by" && p != "of" {
				return false // a subject takes no preposition ("before leaving for Beijing")
			}
			k = r.head(k)
		}
		return false
	}
	best, bestDist := arg{}, -1
	for mi, m := range r.doc.Mentions {
		if m.Entity < 0 || (before && m.End > t) || (!before && m.First <= t) {
			continue
		}
		switch m.Type {
		case Person, Org, GPE, NORP:
		case Loc, Fac:
			if before {
				continue
			}
		default:
			continue
		}
		if before && m.First > top {
			// "X visited Pyongyang and gave Kim a letter" misparsed with no
			// subject for "gave": an entity after the head of the clause
			// whose subject is wanted is one of that clause's objects or
			// obliques, not the subject.
			continue
		}
		h := r.mentionHead(mi)
		if !inside(h) {
			continue
		}
		e := r.country(m.Entity)
		if r.isModifier(h) {
			// "his Korean friends": an adjective is no argument
			var ok bool
			if e, ok = r.modifierEntity(mi, h); !ok {
				continue
			}
		}
		d := m.First - t
		if before {
			d = t - m.End
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = arg{e, 1, h}, d
		}
	}
	return best, bestDist >= 0
}

// modifierEntity resolves mention m, whose head token k modifies a noun
// ("North Korean troops", "Russia's war effort", "the Soviet war
// cemetery"), to the participant it stands for. A nationality or other
// adjective (NORP, or any adjectival modifier) is never an argument
// itself: it stands for its country when the document names one ("North
// Korean" -> North Korea), or for its group when it modifies the group's
// people ("Israeli soldiers"), and for nothing otherwise.
func (r *relater) modifierEntity(m, k int) (int, bool) {
	e := r.doc.Mentions[m].Entity
	if e < 0 || e >= len(r.doc.Entities) {
		return -1, false
	}
	ty := r.doc.Entities[e].Type
	adj := ty == NORP || r.doc.Mentions[m].Type == NORP ||
		((r.doc.Tokens[k].Tag == "ADJ" || r.dep(k) == "amod") && ty != Org && ty != Person)
	if !adj {
		if h := r.head(k); ty == Person && h >= 0 && proxyNouns[r.lower(h)] {
			// "Putin envoy", "Trump's aide": the proxy acts for the
			// person's country, if known, not as the person
			if c := r.country(e); c != e {
				return c, true
			}
			return -1, false
		}
		return r.country(e), true
	}
	if ty == GPE {
		return e, true // "Russian" resolved to the country Russia
	}
	if c := r.country(e); c != e && r.doc.Entities[c].Type == GPE {
		return c, true
	}
	// No country named: the group itself acts only through its people
	// ("North Korean troops", "Israeli tanks"), as event coders code
	// it, never through a thing ("the Soviet war cemetery").
	if h := r.head(k); ty == NORP && h >= 0 && r.isNoun(h) && r.ment[h] < 0 && agentNoun(r.lower(h)) {
		return e, true
	}
	return -1, false
}

// agentNouns are nouns for the people, forces or officials of a group:
// "North Korean troops" act for North Korea.
var agentNouns = map[string]bool{
	"troop": true, "force": true, "soldier": true, "army": true, "military": true, "militant": true, "rebel": true,
	"police": true, "policeman": true, "official": true, "authority": true, "government": true, "delegation": true,
	"diplomat": true, "leader": true, "people": true, "protester": true, "demonstrator": true, "student": true,
	"fighter": true, "navy": true, "jet": true, "warplane": true, "tank": true, "aircraft": true, "artillery": true,
	"helicopter": true, "drone": true, "warship": true, "frigate": true, "submarine": true, "bomber": true,
	"vessel": true, "destroyer": true, "missile": true, "hacker": true,
	"gunman": true, "gunmen": true, "militia": true, "unit": true, "negotiator": true, "envoy": true, "side": true,
	"guard": true, "security": true, "partner": true, "ally": true, "allies": true, "court": true, "ministry": true,
	"parliament": true, "embassy": true, "regime": true, "council": true, "tribunal": true, "administration": true,
	"cabinet": true, "judge": true, "prosecutor": true, "media": true, "agency": true, "party": true, "group": true,
	"man": true, "men": true, "woman": true, "women": true, "resident": true, "villager": true, "activist": true, "agent": true, "worker": true, "citizen": true, "national": true,
}

func agentNoun(w string) bool {
	if agentNouns[w] || roleNouns[w] {
		return true
	}
	if s, ok := strings.CutSuffix(w, "ies"); ok && agentNouns[s+"y"] {
		return true
	}
	s := strings.TrimSuffix(w, "s")
	return agentNouns[s] || roleNouns[s]
}

// isModifier reports whether token t modifies a noun (an adjective,
// compound or possessive) rather than heading an argument.
func (r *relater) isModifier(t int) bool {
	switch r.dep(t) {
	case "amod", "compound", "nmod:poss":
		return true
	}
	return false
}
