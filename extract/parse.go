package extract

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/kgx-project/kgx/extract/internal/depparse"
	"github.com/kgx-project/kgx/extract/internal/lexicon"
	modelfiles "github.com/kgx-project/kgx/extract/models"
)

// loadParser decodes the embedded dependency parser once per process.
var loadParser = sync.OnceValues(func() (*depparse.Parser, error) {
	p, err := depparse.Load(bytes.NewReader(modelfiles.Dep))
	if err != nil {
		return nil, fmt.Errorf("embedded dependency parser: %w", err)
	}
	return p, nil
})

// parse fills Token.Head (an index into doc.Tokens, -1 for the sentence
// root) and Token.Dep (a UD relation) for every sentence that needs a
// parse (needsParse), from the words and the tags the POS stage filled
// (Token.XPOS and Token.Tag). Other sentences keep Head -1 and Dep "".
// It runs after resolve, whose final mentions needsParse counts; names
// are the recogniser's mentions, before resolve split or retyped them.
//
// A multi-word name the NER stage found ("Kim Jong Un", "Security Council")
// is handed to the parser as one word, its last ("Un", "Council", the
// word that meets the rest of the sentence): the parser never sees the
// inside of a name, so it cannot attach part of it, or the phrase after it,
// to the wrong clause ("met Kim Jong Un in Pyongyang" was parsed with "Kim"
// the subject of the full stop). The name's words are then given UD's internal
// arcs: a person's name is headed by its first word with the rest flat
// ("Kim" <-flat- "Jong"), any other name by its last word with the rest as
// compounds ("Security" <-compound- "Council").
func (e *Extractor) parse(doc *Document, names []Mention) {
	p, err := loadParser()
	if err != nil {
		doc.Errors.Add(0, err.Error())
		return
	}
	var words, xpos, upos, deps []string
	var heads []int
	var units []nameUnit
	ante := pronounAntecedents(doc)
	orgs := namedOrgHeads(doc)
	mi, fi := 0, 0 // next name; next final mention
	for _, s := range doc.Sentences {
		n := s.End - s.First
		if n <= 0 {
			continue
		}
		for fi < len(doc.Mentions) && doc.Mentions[fi].First < s.First {
			fi++
		}
		if !needsParse(doc, s, doc.Mentions[fi:], ante, orgs) {
			continue
		}
		for mi < len(names) && names[mi].First < s.First {
			mi++
		}
		units = units[:0]
		words, xpos, upos = words[:0], xpos[:0], upos[:0]
		for t := s.First; t < s.End; {
			u := nameUnit{first: t, end: t + 1, head: t}
			for mi < len(names) && names[mi].First < t {
				mi++
			}
			if mi < len(names) && names[mi].First == t && names[mi].End <= s.End {
				if m := names[mi]; collapsible(doc, m) {
					u.end, u.person = m.End, m.Type == Person
					if !u.person {
						u.head = m.End - 1
					}
				}
			}
			units = append(units, u)
			tk := doc.Tokens[u.end-1]
			words = append(words, doc.Slice(tk.Span))
			// (a one-word name tagged a verb, "Putin spoke ...", was
			// tagged again as a proper noun by retagNames)
			xpos, upos = append(xpos, tk.XPOS), append(upos, tk.Tag)
			t = u.end
		}
		k := len(units)
		if cap(heads) < k {
			heads, deps = make([]int, k), make([]string, k)
		}
		heads, deps = heads[:k], deps[:k]
		p.Parse(words, xpos, upos, heads, deps)
		for i, u := range units {
			h := &doc.Tokens[u.head]
			h.Head, h.Dep = -1, deps[i]
			if heads[i] >= 0 {
				h.Head = units[heads[i]].head
			}
			for t := u.first; t < u.end; t++ {
				if t == u.head {
					continue
				}
				tk := &doc.Tokens[t]
				tk.Head, tk.Dep = u.head, "compound"
				if u.person {
					tk.Dep = "flat"
				}
			}
		}
		repairTitledPersons(doc, units)
		repairSecondObject(doc, s)
		repairFrontedDate(doc, s)
		repairNominalRoot(doc, s)
	}
}

// sentenceRoot returns the root token of sentence s, or -1.
func sentenceRoot(doc *Document, s Sentence) int {
	for t := s.First; t < s.End; t++ {
		if doc.Tokens[t].Head < 0 && doc.Tokens[t].Dep == "root" {
			return t
		}
	}
	return -1
}

// repairNominalRoot mends "Respected Comrade Kim Jong Un, General
// Secretary of the Workers' Party of Korea, visited the frigate"
// parsed with the name the root and the verb a parataxis of it or of
// its title: a finite verb with no subject, hung by parataxis, conj or
// list on a proper-noun root with no preposition (or on a word of the
// root), after it, becomes the root, and the name its subject.
func repairNominalRoot(doc *Document, s Sentence) {
	root := sentenceRoot(doc, s)
	if root < 0 || doc.Tokens[root].Tag != "PROPN" {
		return
	}
	verb := -1
	for t := root + 1; t < s.End && verb < 0; t++ {
		tk := doc.Tokens[t]
		if tk.Tag != "VERB" || tk.XPOS != "VBD" && tk.XPOS != "VBZ" && tk.XPOS != "VBP" && !(tk.XPOS == "VBN" && hasChild(doc, s, t, "aux:pass")) {
			continue
		}
		if tk.Dep != "parataxis" && tk.Dep != "conj" && tk.Dep != "list" {
			continue
		}
		if h := tk.Head; h != root && (h < 0 || doc.Tokens[h].Head != root || h > root) {
			continue
		}
		verb = t
	}
	if verb < 0 {
		return
	}
	for t := s.First; t < s.End; t++ {
		tk := doc.Tokens[t]
		if tk.Head == root && (tk.Dep == "case" || tk.Dep == "mark") || tk.Head == verb && (tk.Dep == "nsubj" || tk.Dep == "nsubj:pass" || tk.Dep == "mark" || tk.Dep == "cc") {
			return // a prepositional phrase, or a clause of its own
		}
	}
	dep := "nsubj"
	if doc.Tokens[verb].XPOS == "VBN" {
		dep = "nsubj:pass" // "Putin, on his first visit to North Korea, was greeted"
	}
	promoteVerb(doc, s, root, verb, dep)
}

// promoteVerb makes verb the root of sentence s and the old root its
// dependent by relation dep; the punctuation after the verb that hung on
// the old root (the full stop) goes with the verb.
func promoteVerb(doc *Document, s Sentence, root, verb int, dep string) {
	for t := verb + 1; t < s.End; t++ {
		if tk := &doc.Tokens[t]; tk.Head == root && tk.Dep == "punct" {
			tk.Head = verb
		}
	}
	v, r := &doc.Tokens[verb], &doc.Tokens[root]
	v.Head, v.Dep = -1, "root"
	r.Head, r.Dep = verb, dep
}

// hasChild reports whether token t of sentence s has a dependent with
// relation dep.
func hasChild(doc *Document, s Sentence, t int, dep string) bool {
	for k := s.First; k < s.End; k++ {
		if doc.Tokens[k].Head == t && doc.Tokens[k].Dep == dep {
			return true
		}
	}
	return false
}

// repairFrontedDate mends "On Thursday, Zelenskiy and Joe Biden met in
// Normandy" parsed with the date phrase the root, the names appositions
// or conjuncts of it and the verb a conjunct: the finite verb conjoined
// to a root that is a prepositional phrase becomes the root, the phrase
// its oblique, and the nominals between them its subject and the
// subject's conjuncts.
func repairFrontedDate(doc *Document, s Sentence) {
	root := sentenceRoot(doc, s)
	if root < 0 || doc.Tokens[root].Tag != "NOUN" && doc.Tokens[root].Tag != "PROPN" {
		return
	}
	verb, hasCase := -1, false
	for t := s.First; t < s.End; t++ {
		tk := doc.Tokens[t]
		if tk.Head != root {
			continue
		}
		switch {
		case tk.Dep == "case" && t < root:
			hasCase = true
		case (tk.Dep == "conj" || tk.Dep == "parataxis") && verb < 0 && tk.Tag == "VERB":
			switch tk.XPOS {
			case "VBD", "VBZ", "VBP":
				verb = t
			}
		}
	}
	if !hasCase || verb < 0 {
		return
	}
	subj := -1
	for t := root + 1; t < verb; t++ {
		tk := &doc.Tokens[t]
		if tk.Head != root || (tk.Dep != "appos" && tk.Dep != "conj" && tk.Dep != "nsubj") {
			continue
		}
		if tk.Tag != "PROPN" && tk.Tag != "NOUN" && tk.Tag != "PRON" {
			continue
		}
		if subj < 0 {
			subj = t
			tk.Head, tk.Dep = verb, "nsubj"
		} else {
			tk.Head, tk.Dep = subj, "conj"
		}
	}
	if subj < 0 {
		return
	}
	promoteVerb(doc, s, root, verb, "obl")
}

// repairSecondObject mends "told reporters Berlin would deliver systems
// to Kyiv" parsed with "Berlin" a second object of "told" and "deliver"
// a clause with no subject: a verb that has an indirect object and an
// object, followed by its clausal complement with an auxiliary and no
// subject of its own, has the object as that clause's subject.
func repairSecondObject(doc *Document, s Sentence) {
	for v := s.First; v < s.End; v++ {
		tk := &doc.Tokens[v]
		if tk.Dep != "ccomp" || tk.Head < s.First || tk.Head >= v {
			continue
		}
		h := tk.Head
		obj, iobj, aux, subj := -1, -1, false, false
		for k := s.First; k < s.End; k++ {
			switch kt := doc.Tokens[k]; {
			case kt.Head == h && kt.Dep == "obj":
				obj = k
			case kt.Head == h && kt.Dep == "iobj":
				iobj = k
			case kt.Head == v && (kt.Dep == "aux" || kt.Dep == "aux:pass"):
				aux = true
			case kt.Head == v && strings.HasPrefix(kt.Dep, "nsubj"):
				subj = true
			}
		}
		if obj < 0 || iobj < 0 || iobj > obj || obj > v || !aux || subj {
			continue
		}
		switch doc.Tokens[obj].Tag {
		case "NOUN", "PROPN", "PRON":
			o := &doc.Tokens[obj]
			o.Head, o.Dep = v, "nsubj"
		}
	}
}

// repairTitledPersons mends a parse that hangs a person's name off the
// title or organisation before it: "Security Council chief Sergei Shoigu
// met Kim" parsed with "Sergei Shoigu" a flat of "Council", the subject
// of "met". A person named after a non-person word, as its flat or
// compound, heads the phrase instead: it takes that word's head and
// relation, and the word becomes its compound.
func repairTitledPersons(doc *Document, units []nameUnit) {
	for _, u := range units {
		if !u.person {
			continue
		}
		p := &doc.Tokens[u.head]
		h := p.Head
		if h < 0 || h >= u.first || (p.Dep != "flat" && p.Dep != "compound") {
			continue
		}
		if slices.ContainsFunc(units, func(o nameUnit) bool { return o.person && o.first <= h && h < o.end }) {
			continue // a longer person's name split in two
		}
		hd := &doc.Tokens[h]
		p.Head, p.Dep = hd.Head, hd.Dep
		hd.Head, hd.Dep = u.head, "compound"
		for k := h + 1; k < u.first; k++ {
			if tk := &doc.Tokens[k]; tk.Head == h {
				tk.Head = u.head // "chief" between them modifies the person
			}
		}
	}
}

// nameUnit is one word as the parser sees it: a token, or a whole name
// (tokens first..end-1, headed by token head).
type nameUnit struct {
	first, end, head int
	person           bool
}

// collapsible reports whether mention m is a name the parser should see as
// one word: two or more proper nouns naming a person, organisation, place
// or event ("the" or a title inside it, or a date, keeps its own words).
func collapsible(doc *Document, m Mention) bool {
	if m.End-m.First < 2 {
		return false
	}
	switch m.Type {
	case Person, Org, GPE, Loc, Fac, Event:
	default:
		return false
	}
	for t := m.First; t < m.End; t++ {
		if doc.Tokens[t].Tag != "PROPN" {
			return false
		}
	}
	return true
}

// needsParse reports whether sentence s can yield anything its parse is
// read for. A relation or an attribute links two different entities, each
// found through a mention in the sentence that is not a date, a personal
// pronoun standing for a person (ante, pronounAntecedents) or a
// description the document resolves (heads, namedOrgHeads: "the
// ministry", "the delegation"), so it needs two such arguments of
// different entities, or "the two leaders" (twoParties). Two names more
// than three words apart also need something the relation stage reads
// (readable); names close together are read for their attributes.
// namedEvents reads the tree around an event noun ("Victory Day parade",
// "the security forum") after a sentence's first word. ms are the
// document's mentions from the first that does not start before s; they
// are in text order.
func needsParse(doc *Document, s Sentence, ms []Mention, ante map[int]int, heads map[string]bool) bool {
	// Two arguments of different entities: a relation never links an
	// entity to itself ("Putin ... Putin's"). -1 is an argument whose
	// entity is found only in the parse.
	first, n := -2, 0
	two := func(e int) bool {
		switch {
		case n == 0:
			first, n = e, 1
			return false
		case e == -1 || first == -1 || e != first:
			return true
		}
		return false
	}
	for t := s.First; t < s.End; t++ {
		if e, ok := ante[t]; ok {
			if two(e) { // "He met Kim Jong Un": he is the person before
				return true
			}
			continue
		}
		if t == s.First {
			continue
		}
		// The word before decides whether this one need be looked up
		// (lowering every word of every sentence would allocate).
		switch prev := doc.Slice(doc.Tokens[t-1].Span); {
		case strings.EqualFold(prev, "two") || strings.EqualFold(prev, "both"):
			// "the two leaders", "both sides": the two parties of a
			// relation before (twoParties)
			if _, ok := pairNouns[strings.ToLower(doc.Slice(doc.Tokens[t].Span))]; ok {
				return true
			}
		case len(heads) > 0 && strings.EqualFold(prev, "the"):
			// "The ministry accused Seoul", "the delegation met": described before
			if heads[strings.ToLower(doc.Slice(doc.Tokens[t].Span))] && two(-1) {
				return true
			}
		}
	}
	prevEnd := -10 // where the previous argument mention ended
	read := 0      // readable(doc, s), once asked: 1 yes, -1 no
	for _, m := range ms {
		if m.First >= s.End {
			break
		}
		if m.Type != Date && m.Entity >= 0 {
			near := m.First-prevEnd <= 3
			prevEnd = m.End
			if !two(m.Entity) {
				continue
			}
			if near {
				return true
			}
			if read == 0 {
				read = -1
				if readable(doc, s) {
					read = 1
				}
			}
			if read > 0 {
				return true
			}
		}
	}
	for t := s.First + 1; t < s.End; t++ {
		tk := &doc.Tokens[t]
		if (tk.Tag == "NOUN" || tk.Tag == "PROPN") && eventHeads[strings.ToLower(doc.Slice(tk.Span))] {
			return true
		}
	}
	return false
}

// readable reports whether the relation stage has anything to read in
// sentence s besides two names close together (an attribute: "Russian
// President Vladimir Putin", "Pyongyang, North Korea"): a trigger of the
// lexicon (a verb or noun form), or a role, title or place noun that
// attributes read ("Shoigu, the secretary of the Security Council"), or
// a family tie ("the sister of Kim Jong Un").
func readable(doc *Document, s Sentence) bool {
	lex, err := lexicon.Default()
	if err != nil {
		return true
	}
	for t := s.First; t < s.End; t++ {
		tk := &doc.Tokens[t]
		switch tk.Tag {
		case "VERB", "AUX", "NOUN", "PROPN", "":
		default:
			continue
		}
		w := strings.ReplaceAll(strings.ToLower(doc.Slice(tk.Span)), "’", "'")
		if roleNouns[w] || titles[w] || placeNouns[w] || kinNouns[w] {
			return true
		}
		if tk.Tag == "NOUN" || tk.Tag == "PROPN" {
			if _, ok := lex.Noun(w); ok {
				return true
			}
		}
		if tk.Tag != "NOUN" && len(lex.Verb(w)) > 0 {
			return true
		}
	}
	return false
}

// namedOrgHeads returns the head words (orgHeads, lower case) that end the
// names of the document's organisations, for describedOrg's second
// mentions ("the ministry"), and the delegation nouns the document says
// someone leads, for ledBy's ("the delegation"); nil if none.
func namedOrgHeads(doc *Document) map[string]bool {
	var heads map[string]bool
	add := func(w string) {
		if heads == nil {
			heads = map[string]bool{}
		}
		heads[w] = true
	}
	for _, m := range doc.Mentions {
		if m.Type != Org || m.End-m.First < 2 {
			continue
		}
		if w := strings.ToLower(doc.Slice(doc.Tokens[m.End-1].Span)); orgHeads[w] {
			add(w)
		}
	}
	for t := 0; t+1 < len(doc.Tokens); t++ {
		if n := doc.Slice(doc.Tokens[t+1].Span); n == "led" || n == "headed" {
			if w := strings.ToLower(doc.Slice(doc.Tokens[t].Span)); delegationNouns[w] {
				add(w) // "a delegation led by ..."
			}
		}
	}
	return heads
}

// pronounAntecedents maps each personal pronoun standing for a person
// ("he", "she", and "him" or "her" as an object) to the entity of the
// person it most likely stands for. A subject pronoun is the last person
// named before it in its sentence, else the first person named in the
// sentence before (news puts the subject first: "Sergei Shoigu arrived in
// Pyongyang. He met Kim Jong Un"), else that sentence's own antecedent,
// over at most two sentences that name no one. An object pronoun is
// never its own clause's subject ("Kim Jong Un welcomed him": not Kim):
// it is the last person named before it other than that subject, else
// the sentences' person before, if that is not the subject. The subject is
// read from the parse when the sentence has one (so "Kim said Putin had
// invited him" is Kim), else taken to be the first person the sentence
// names. "her" before a noun or adjective is a possessive and left out.
// No gender is checked.
func pronounAntecedents(doc *Document) map[int]int {
	var ante map[int]int
	prev, gap := -1, 0 // the previous sentences' person; sentences since one was named
	mi := 0
	var named []namedPerson // the persons named so far in the sentence
	for _, s := range doc.Sentences {
		named = named[:0]
		last, first := -1, -1
		kinless := -1 // the last person named who is not someone's kin ("his wife Manju Sam")
		for t := s.First; t < s.End; t++ {
			for mi < len(doc.Mentions) && doc.Mentions[mi].End <= t {
				mi++
			}
			if mi < len(doc.Mentions) && doc.Mentions[mi].First <= t {
				if m := doc.Mentions[mi]; m.Type == Person && m.Entity >= 0 {
					last = m.Entity
					if t == m.First && !kinBefore(doc, s, t) {
						kinless = m.Entity
					}
					if first < 0 {
						first = m.Entity
					}
					if t == m.First {
						named = append(named, namedPerson{m.First, m.End, m.Entity})
					}
				}
				continue
			}
			a := -1
			switch w := doc.Slice(doc.Tokens[t].Span); w {
			case "he", "He", "she", "She":
				a = last
				if a < 0 && gap <= 2 {
					a = prev
				}
				if a >= 0 {
					named = append(named, namedPerson{t, t + 1, a})
				}
			case "him", "Him", "her", "Her":
				if objectPronoun(doc, t) {
					a = objectAntecedent(doc, s, t, named, prev, gap)
				} else if kinAfter(doc, s, t) {
					a = possessor(kinless, prev, gap)
				}
			case "his", "His":
				if kinAfter(doc, s, t) {
					a = possessor(kinless, prev, gap)
				}
			default:
				continue
			}
			if a >= 0 {
				if ante == nil {
					ante = map[int]int{}
				}
				ante[t] = a
				if first < 0 {
					first = a
				}
			}
		}
		if first >= 0 {
			prev, gap = first, 0
		} else {
			gap++
		}
	}
	return ante
}

// possessor is the person a possessive "his" or "her" before a kin noun
// stands for ("Kim Jong Un arrived with his daughter Kim Ju Ae"): the
// last person named before it in the sentence who is not named as
// someone's kin (kinless: in "His father, Anthony, ... and his mother,
// Jennifer" the second "his" is not Anthony), else the previous
// sentences' person (as for "he"). Other possessives are not resolved:
// in "Lavrov praised her work" the last person named is seldom "her".
func possessor(kinless, prev, gap int) int {
	if kinless < 0 && gap <= 2 {
		return prev
	}
	return kinless
}

// kinAfter reports whether a kin noun follows token t (a possessive) in
// sentence s: "his daughter", "her late husband".
func kinAfter(doc *Document, s Sentence, t int) bool {
	for k := t + 1; k < s.End && k <= t+2; k++ {
		if kinNouns[strings.ToLower(doc.Slice(doc.Tokens[k].Span))] {
			return true
		}
	}
	return false
}

// kinBefore reports whether the name at t follows a kin noun, possibly
// after a comma: "his wife Manju Sam", "his father, Anthony".
func kinBefore(doc *Document, s Sentence, t int) bool {
	for k := t - 1; k >= s.First && k >= t-2; k-- {
		w := doc.Slice(doc.Tokens[k].Span)
		if kinNouns[strings.ToLower(w)] {
			return true
		}
		if w != "," {
			return false
		}
	}
	return false
}

// namedPerson is a person's mention (tokens first..end-1), or a subject
// pronoun standing for one, in the sentence being read.
type namedPerson struct{ first, end, ent int }

// objectPronoun reports whether "him" or "her" at t is an object rather
// than a possessive ("her brother", "her first visit"): by its relation
// when the sentence is parsed, else by the word after it.
func objectPronoun(doc *Document, t int) bool {
	if d := doc.Tokens[t].Dep; d != "" {
		return d != "nmod:poss" && d != "det"
	}
	w := doc.Slice(doc.Tokens[t].Span)
	if w == "him" || w == "Him" || t+1 >= len(doc.Tokens) {
		return true
	}
	switch doc.Tokens[t+1].Tag {
	case "NOUN", "PROPN", "ADJ", "NUM":
		return false
	}
	return true
}

// objectAntecedent is the person object pronoun t stands for (see
// pronounAntecedents), or -1.
func objectAntecedent(doc *Document, s Sentence, t int, named []namedPerson, prev, gap int) int {
	subj := -1
	if len(named) > 0 {
		subj = named[0].ent
	}
	if doc.Tokens[t].Dep != "" {
		subj = -1
		if k := clauseSubject(doc, s, t); k >= 0 {
			for _, p := range named {
				if p.first <= k && k < p.end {
					subj = p.ent
				}
			}
		}
	}
	for i := len(named) - 1; i >= 0; i-- {
		if named[i].ent != subj {
			return named[i].ent
		}
	}
	if gap <= 2 && prev >= 0 && prev != subj {
		return prev
	}
	return -1
}

// clauseSubject returns the subject token of the clause token t is an
// argument of: the nsubj of its head, found through conjoined verbs
// ("met Kim and praised him") and control: the object of the verb above
// ("asked Reliant to supply her"), else its subject ("wanted to meet
// him"); -1 if none.
func clauseSubject(doc *Document, s Sentence, t int) int {
	v := doc.Tokens[t].Head
	controlled := false
	for range 4 {
		if v < s.First || v >= s.End {
			return -1
		}
		subj := -1
		for k := s.First; k < s.End; k++ {
			tk := doc.Tokens[k]
			if tk.Head != v || k == t {
				continue
			}
			switch tk.Dep {
			case "obj", "iobj":
				if controlled {
					return k
				}
			case "nsubj", "nsubj:pass":
				if subj < 0 {
					subj = k
				}
			}
		}
		if subj >= 0 {
			return subj
		}
		switch doc.Tokens[v].Dep {
		case "conj":
			v, controlled = doc.Tokens[v].Head, false
		case "xcomp":
			v, controlled = doc.Tokens[v].Head, true
		default:
			return -1
		}
	}
	return -1
}
