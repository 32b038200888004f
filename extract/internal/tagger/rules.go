package tagger

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

// This file holds the rules TagDoc applies around the statistical model:
// a case-normalised view of headlines before tagging, and a small type
// layer after it. Every rule is general (word lists, the gazetteer and a
// short hand-written list of well-known organisations, knownOrgNames; no
// names from any corpus) and is measured by `kgx eval ner` like the model.

// Type indices into Types.
const (
	typPerson = iota
	typOrg
	typGPE
	typLoc
	typFac
	typNORP
	typEvent
)

// headlineSmall are the words a title-case headline leaves in lower case.
var headlineSmall = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "and": true, "or": true, "nor": true, "but": true, "by": true, "with": true, "from": true,
	"as": true, "vs": true, "vs.": true, "via": true, "into": true, "over": true, "amid": true, "per": true,
	"up": true, "off": true, "out": true, "than": true, "is": true, "are": true, "be": true,
}

// caseStats is how a document's body writes the words of its headlines in
// mid-sentence: lower-case word -> [lower-case count, capitalised count,
// all-caps count]. Words are also counted under their stem (stemOf), so
// "commended" in the body tells how a headline's "Commends" is written.
type caseStats struct {
	words, stems map[string][3]int
	seen         map[string]bool // headline words (lower case) the body uses anywhere, sentence starts too
	n            int             // words in the body
}

// add counts one mid-sentence use of w (lw its lower case).
func (cs caseStats) add(w, lw string) {
	st := stemOf(lw)
	c, okw := cs.words[lw]
	cst, oks := cs.stems[st]
	if !okw && !oks {
		return // not a word of any headline
	}
	i := 0
	switch {
	case isAcronym(w) && utf8.RuneCountInString(w) > 1:
		i = 2
	case startsUpper(w):
		i = 1
	}
	if okw {
		c[i]++
		cs.words[lw] = c
	}
	if oks {
		cst[i]++
		cs.stems[st] = cst
	}
}

// get returns the counts of a lower-case word, or of its stem when the
// body does not use the word itself.
func (cs caseStats) get(lw string) [3]int {
	c := cs.words[lw]
	if c[0]+c[1]+c[2] == 0 {
		c = cs.stems[stemOf(lw)]
	}
	return c
}

// stemOf strips a common inflection (-s, -es, -ed, -ing) from a lower-case
// word: a crude stem, only used to compare word forms inside a document.
func stemOf(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// isHeadlineCase reports whether a sentence is written in title case, as
// headlines are ("Shoigu Commends North Korea’s Military Support"): at
// least three words with letters outside headlineSmall, all of them
// capitalised, and at least two of them (and a quarter), after the first
// word, common words: words the model's lexicon (lower) knows as usually
// written in lower case, or that the document's body (may be empty)
// writes in lower case more often than not. Words the body writes
// capitalised more often than not are names and count for neither ("Kim
// Jong Un Receives Secretary of Security Council of Russian Federation"
// is a headline of three words, two of them common). A run of names ("Kim
// Jong Un and Vladimir Putin", "Osman Adam Khatib, 20, London") is not a
// headline.
func isHeadlineCase(words []string, lower map[string]bool, body caseStats) bool {
	content, common := 0, 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		lw := strings.ToLower(w)
		if headlineSmall[lw] && i > 0 {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		if c := body.get(lw); i > 0 && c[1]+c[2] > c[0] {
			continue // a name the body writes with its capital ("Kim", "Security Council")
		}
		content++
		if i > 0 && !isAcronym(w) && (lower[lw] || lower[stemOf(lw)] || body.lowerMostly(lw)) {
			common++
		}
	}
	return content >= 3 && common >= 2 && common*4 >= content
}

// lowerMostly reports whether the body writes a word (or, if it does not
// use the word, a form of it) in lower case more often than not.
func (cs caseStats) lowerMostly(lw string) bool {
	c := cs.get(lw)
	return c[0] > c[1]+c[2]
}

// titleShaped reports whether every word with letters outside
// headlineSmall is capitalised, three at least: a cheap first test for
// isHeadlineCase.
func titleShaped(words []string) bool {
	content := 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || headlineSmall[strings.ToLower(w)] && i > 0 {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		content++
	}
	return content >= 3
}

// isAcronym reports whether w has no lower-case letter ("DPRK", "U.S.").
func isAcronym(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// nameCats are the gazetteer categories that make a headline word part of
// a name.
const nameCats = gazetteer.Country | gazetteer.City | gazetteer.Region | gazetteer.Demonym |
	gazetteer.OrgName | gazetteer.PersonName | gazetteer.Religion

// headlineView returns a case-normalised copy of a title-case headline:
// each capitalised word after the first is put in lower case when the
// document's body writes it (or a form of it) in lower case more often
// than capitalised, or, when the body does not use it, when the model's
// lexicon knows it as a lower-case word and no gazetteer name covers it,
// or when it ends in -s (a verb: "Vows", "Slams") and a body of
// minBodyWords words or more never uses it.
// Acronyms, names the gazetteer knows ("North Korea", "Pyongyang") and
// words the body capitalises ("Shoigu", "War" in "Korean War") keep their
// capitals. The first word keeps its case, as in any sentence.
func headlineView(words []string, body caseStats, lower map[string]bool, gaz *gazetteer.Gazetteer) []string {
	out := make([]string, len(words))
	copy(out, words)
	named := make([]bool, len(words))
	if gaz != nil {
		lw := make([]string, len(words))
		for i, w := range words {
			lw[i] = gazetteer.Norm(straightQuotes(w))
		}
		gaz.Match(lw, func(s, e int, c gazetteer.Category) {
			if c&nameCats != 0 {
				for k := s; k < e; k++ {
					named[k] = true
				}
			}
		})
	}
	for i := 1; i < len(words); i++ {
		w := words[i]
		if !startsUpper(w) || isAcronym(w) {
			continue
		}
		lw := strings.ToLower(w)
		c := body.get(lw)
		switch {
		case c[0] > c[1]+c[2]:
			out[i] = lw
		case c[1]+c[2] > c[0] || named[i]:
		case lower[lw] || lower[stemOf(lw)]:
			out[i] = lw
		case body.n >= minBodyWords && !body.seen[lw] && len(lw) > 3 && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss"):
			// a headline's verb in -s that the story never uses ("Kim
			// Vows To ...", "Seoul Slams Pyongyang", "Pyongyang Deepens
			// Ties"); other words the story never uses may be names only
			// the headline gives ("Lubbock")
			out[i] = lw
		}
	}
	return out
}

// minBodyWords is how long a story must be for a headline word in -s it
// never uses to count as no name.
const minBodyWords = 40

// looksAcronym reports whether an all-caps word reads as an acronym
// rather than a word: two or three letters, or no vowel ("UN", "EU",
// "RSF", "WFP").
func looksAcronym(w string) bool {
	n, vowels := 0, 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if strings.ContainsRune("AEIOUY", unicode.ToUpper(r)) {
			vowels++
		}
	}
	return n >= 2 && (n <= 3 || vowels == 0)
}

// bodyCase counts how the sentences that are not headlines write the
// headlines' words (and their stems), after a sentence's first word.
func bodyCase(words [][]string, head []bool) caseStats {
	cs := caseStats{words: map[string][3]int{}, stems: map[string][3]int{}, seen: map[string]bool{}}
	for s, ws := range words {
		if !head[s] {
			continue
		}
		for _, w := range ws {
			lw := strings.ToLower(w)
			cs.words[lw] = [3]int{}
			cs.stems[stemOf(lw)] = [3]int{}
		}
	}
	for s, ws := range words {
		if head[s] || isAllCaps(ws) {
			continue
		}
		for i, w := range ws {
			cs.n++
			lw := strings.ToLower(w)
			if _, head := cs.words[lw]; head {
				cs.seen[lw] = true
			}
			if i == 0 || i > 0 && isSentenceOpener(ws[i-1]) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLetter(r) {
				cs.add(w, lw)
			}
		}
	}
	return cs
}

// isSentenceOpener reports whether the word before a word makes it
// capitalised for reasons other than being a name (a quote or a colon).
func isSentenceOpener(prev string) bool {
	switch prev {
	case "“", "\"", ":", "‘", "'", "(", "[", "—", "–", "-":
		return true
	}
	return false
}

// eventHeads are the head words of named events ("Korean War", "World
// War II", "Victory Day parade", "the security forum", "anniversary
// celebrations", "Olympics"). A mention whose head is one of them is an
// EVENT, whatever type the model gave it.
var eventHeads = map[string]bool{
	"war": true, "wars": true, "battle": true, "parade": true, "parades": true, "summit": true,
	"celebration": true, "celebrations": true, "anniversary": true, "olympics": true, "olympiad": true,
	"paralympics": true, "festival": true, "championship": true, "championships": true,
	"tournament": true, "election": true, "elections": true, "referendum": true, "revolution": true,
	"uprising": true, "massacre": true, "genocide": true, "holocaust": true, "siege": true,
	"ceremony": true, "ceremonies": true, "commemoration": true, "commemorations": true, "crisis": true,
	"expo": true, "marathon": true, "offensive": true, "invasion": true, "bombing": true, "attacks": true,
	"insurgency": true, "rebellion": true, "coup": true, "blockade": true, "airlift": true,
	"forum": true, "conference": true, "congress": true, "convention": true, "games": true, "cup": true,
	"talks": true, "exercises": true, "drills": true,
}

// eventHeadsLowerOnly are event heads that also end organisation names
// ("World Economic Forum", "Congress", "Epic Games"): they make an EVENT
// only when written in lower case ("the security forum", "the party
// congress").
var eventHeadsLowerOnly = map[string]bool{
	"forum": true, "conference": true, "congress": true, "convention": true, "games": true,
	"talks": true, "exercises": true, "drills": true,
}

// trailingRoles are role words that end no person's name (unlike "King",
// "Major" or "Bishop", which are also surnames).
var trailingRoles = map[string]bool{
	"chief": true, "minister": true, "president": true, "secretary": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "ambassador": true, "envoy": true, "chairman": true,
	"chairwoman": true, "premier": true, "governor": true, "senator": true, "director": true,
	"commander": true, "adviser": true, "advisor": true, "official": true, "officials": true,
	"leader": true, "leaders": true, "boss": true, "head": true, "chiefs": true, "ministers": true,
}

// collectiveHeads are lower-case nouns that make an organised actor of
// the words before them ("Syrian government", "Asad regime", "Iraqi
// security forces"), as event coders and re3d treat them.
var collectiveHeads = map[string]bool{
	"government": true, "governments": true, "forces": true, "regime": true, "military": true,
	"army": true, "navy": true, "police": true, "troops": true, "opposition": true, "people": true,
	"authorities": true, "administration": true, "rebels": true, "insurgents": true, "militants": true,
	"militia": true, "militias": true, "coalition": true, "leadership": true, "delegation": true,
	"delegations": true, "parliament": true, "ministry": true, "junta": true, "cabinet": true,
}

// headPrepositions end a name's head: the head of "Battle of Kursk" is
// "Battle", of "Ministry of War" "Ministry".
var headPrepositions = map[string]bool{"of": true, "for": true, "on": true, "against": true, "in": true, "at": true}

// extraDemonyms are nationality and group words the gazetteer lacks
// (it leaves out demonyms shared by two countries, such as "Korean").
var extraDemonyms = map[string]bool{
	"korean": true, "koreans": true, "english": true, "scottish": true, "scots": true, "welsh": true,
	"persian": true, "persians": true, "slavic": true, "slav": true, "slavs": true, "nordic": true,
	"scandinavian": true, "scandinavians": true, "latin american": true, "latin americans": true,
	"middle eastern": true, "tatar": true, "tatars": true, "cossack": true, "cossacks": true,
	"serb": true, "serbs": true, "croat": true, "croats": true, "congolese": true, "sudanese": true,
	"arab": true, "arabs": true, "caucasian": true, "balkan": true, "saudi": true, "saudis": true,
	"philippine": true,
}

// nameHead returns the index (into ws) of a name's head word: the last
// word before the first preposition, skipping a final numeral ("World War
// II", "Olympics 2024").
func nameHead(ws []string) int {
	end := len(ws)
	for k := 1; k < len(ws); k++ {
		if headPrepositions[strings.ToLower(ws[k])] {
			end = k
			break
		}
	}
	h := end - 1
	if h > 0 && isNumeral(ws[h]) {
		h--
	}
	return h
}

// isNumeral reports whether w is a number or a Roman numeral.
func isNumeral(w string) bool {
	if w == "" {
		return false
	}
	digits, roman := true, true
	for _, r := range w {
		if r < '0' || r > '9' {
			digits = false
		}
		if !strings.ContainsRune("IVXL", r) {
			roman = false
		}
	}
	return digits || roman
}

func isLowerWord(w string) bool {
	hasLetter := false
	for _, r := range w {
		if unicode.IsUpper(r) {
			return false
		}
		hasLetter = hasLetter || unicode.IsLetter(r)
	}
	return hasLetter
}

// applyRules corrects the mentions of one sentence in place, in order
// (after splitClauses, which cuts a mention at ", who" and the like,
// joinParticles, tagKnownOrgs, which makes each known
// organisation's name one ORG mention, tagNamedOutlets, tagTitledNames,
// tagSpeakerLabels and joinSplitPersons, which joins a one-word person
// to the person right after it: "No | Kwang Chol"):
//
//  0. a mention that opens with a storm word (stormWords), or that follows
//     an untagged one, is an EVENT with the storm word ("Hurricane
//     Katrina", "Cyclone Phailin"), whatever type the model gave it;
//     A question word, demonstrative or auxiliary opening a mention
//     (nameOpenersNot: "What Russia gets") leaves it;
//  1. a mention whose head (nameHead) is an event word (eventHeads) is an
//     EVENT ("Korean War", "Battle of Kursk", "Victory Day parade"); heads
//     that also end organisation names count only in lower case ("the
//     security forum", not "World Economic Forum");
//  2. otherwise a PERSON, ORG, GPE or NORP mention loses trailing
//     lower-case words ("Workers’ Party foundation" -> "Workers’ Party",
//     "Western nations" -> "Western"), and rule 1 is tried again on what
//     is left; an ORG headed by a collective noun for an organised group
//     keeps them ("Syrian government", "Iraqi security forces").
//     A PERSON mention made of an acronym or a demonym and trailing role
//     words (trailingRoles) loses the role words: "UN Chief" -> "UN", an
//     ORG; "Iraqi President" -> "Iraqi", NORP by rule 4. A PERSON mention
//     followed by a place noun (placeNouns) is a LOC ("the Kerem Shalom
//     crossing");
//  3. an EVENT, or a mention of two or more words, all in lower case and
//     whose head is no event word is no name ("partnership treaty") and is
//     dropped (a single lower-case word stays: "hanoi" in lower-case text);
//     A one-word mention that is a generic organisation noun
//     (bareOrgNouns: "the Government", "the Institute") is dropped too,
//     and so is a ship's or spacecraft's name (vesselPrefixes: "USS
//     Cole", "Space Shuttle Atlantis"), which kgx's label mapping makes O
//     (re3d's MilitaryPlatform and Vehicle);
//     A place that opens with a compound naming who holds or runs it
//     ("ISIL-held building", "Russian-occupied Crimea") loses it, and is
//     no name unless a capitalised word follows;
//  4. a whole mention typed ORG or a place that is a demonym or a
//     religious or political group word (gazetteer, extraDemonyms) is NORP
//     ("Korean", "Soviet", "Christians"); PERSON is left alone, as corpora
//     disagree on "Americans";
//  5. a GPE or LOC mention headed by an organisation word (orgHeads) is
//     an ORG ("Russian Embassy", "Unification Ministry"); a place headed
//     by a word for meetings that also ends organisation names
//     (eventHeadsLowerOnly) is an EVENT ("Jeddah Forum", "Lausanne
//     Conference"); a PERSON mention of two words or more headed by an
//     organisation or company word (orgHeads, companyHeads) is an ORG
//     ("Cesaroni Design", "Eberhard Faber GmbH"), and a PERSON or ORG
//     mention of two words or more headed by a word for a built or open
//     place (facilityHeads) is a LOC ("Kim Il Sung Square", "Baikonur
//     Cosmodrome"; an ORG only if no organisation's name ends in that
//     word: not "Airport", "Stadium", "Palace").
func applyRules(words []string, classes []int, gaz *gazetteer.Gazetteer) {
	set := func(s, e, typ int) { setSpan(classes, s, e, typ) }
	clear := func(s, e int) {
		for k := s; k < e; k++ {
			classes[k] = 0
		}
	}
	splitClauses(words, classes)
	splitJoinedOrgs(words, classes)
	joinParticles(words, classes)
	tagKnownOrgs(words, classes)
	tagNamedOutlets(words, classes)
	tagTitledNames(words, classes, gaz)
	tagSpeakerLabels(words, classes, gaz)
	joinSplitPersons(words, classes)
	tagDateline(words, classes, gaz)
	tagOrgHeadedRuns(words, classes, gaz)
	tagFacilityRuns(words, classes)
	tagCuedOrgs(words, classes, nil)
	extendOrgComplements(words, classes)
	for _, mn := range SentMentions(0, classes, nil) {
		s, e, typ := mn.Start, mn.End, mn.Type
		// 0. storms are events, named with their storm word
		if s > 0 && classes[s-1] == 0 && stormWords[words[s-1]] {
			s--
		}
		if e-s >= 2 && (stormWords[words[s]] || words[s] == "Tropical" && words[s+1] == "Storm") && startsUpper(words[s+1]) {
			set(s, e, typEvent)
			continue
		}
		s = mn.Start
		// 0a. "Japan 's Ishiba in Tokyo", tagged as one place in a
		// headline, is two places, "Japan" and "Tokyo"; the words between
		// are left to other rules (a possessive alone is split later:
		// "Mecca's Grand Mosque")
		if k := possessiveCut(words, s, e, gaz); k > s && (typ == typGPE || typ == typLoc) {
			if j := inPlace(words, k+1, e, gaz); j > 0 {
				set(s, k, typGPE)
				clear(k, j+1)
				set(j+1, e, typGPE)
				continue
			}
		}
		// 0b. a question word, pronoun or auxiliary opens no name ("What
		// Russia gets from North Korea": a headline's capitals)
		for s < e && (nameOpenersNot[words[s]] || words[s] == "The" && s+1 < e && nameOpenersNot[words[s+1]]) {
			classes[s] = 0
			s++
		}
		if s == e {
			continue
		}
		if s > mn.Start {
			set(s, e, typ)
		}
		// 0c. an organisation's head word opens a "person" before a title
		// ("Iranian Foreign | Ministry spokesman Esmaeil Baghaei"): the
		// capitalised words before it, and a nationality, are the
		// organisation's name too, which extract splits off the person
		if typ == typPerson && gaz != nil && gaz.Lookup(words[s])&gazetteer.OrgWord != 0 && startsUpper(words[s]) &&
			s+1 < e && gaz.Lookup(words[s+1])&gazetteer.Title != 0 {
			k := s
			for k > 0 && s-k < 3 && startsUpper(words[k-1]) && (classes[k-1] == 0 || classes[k-1] == 1+2*typNORP) &&
				gaz.Lookup(words[k-1])&(gazetteer.Title|gazetteer.OrgWord|gazetteer.Demonym) != 0 {
				k--
			}
			if k < s {
				set(k, e, typPerson)
				s = k
			}
		}
		// 1. event heads
		if isEventName(words[s:e]) {
			if typ != typEvent {
				set(s, e, typEvent)
			}
			continue
		}
		// 2. trailing lower-case words
		if typ != typEvent && typ != typFac && typ != typLoc {
			k := e
			for k > s && isLowerWord(words[k-1]) && !(typ == typOrg && collectiveHeads[words[e-1]]) {
				k--
			}
			if k > s && k < e { // an all lower-case mention is left to rule 3
				clear(k, e)
				e = k
			}
			if k > s && isEventName(words[s:e]) {
				set(s, e, typEvent)
				continue
			}
		}
		// 2a. a place has no lower-case word inside but a particle or a
		// title: "Pezeshkian visits Moscow", tagged as one place in a
		// headline, is a person and a place, each typed by the gazetteer
		// (a part it does not know is left untagged)
		if typ == typGPE || typ == typLoc {
			if k := innerLowerWord(words, s, e); k > 0 && gaz != nil && gaz.Lookup(words[k])&gazetteer.Title == 0 {
				clear(s, e)
				for _, part := range [2][2]int{{s, k}, {k + 1, e}} {
					if t := gazetteerType(words[part[0]:part[1]], gaz); t >= 0 {
						set(part[0], part[1], t)
					}
				}
				continue
			}
		}
		// 2a'. a person's or place's name never ends in "in" or "at" and
		// a place: a headline's "Lavrov in Beijing" is a person (a place
		// if the gazetteer says so, nothing if a place's mention and the
		// gazetteer does not know it) and a place
		if typ == typPerson || typ == typGPE || typ == typLoc {
			if k := inPlace(words, s+1, e, gaz); k > 0 {
				clear(s, e)
				set(k+1, e, typGPE)
				t := gazetteerType(words[s:k], gaz)
				if t < 0 && typ == typPerson {
					t = typPerson
				}
				if t >= 0 {
					set(s, k, t)
				}
				continue
			}
		}
		// 2b. a person's name never ends in a role word ("UN Chief"):
		// the role words go, and an acronym left is an ORG
		stripped := false
		if typ == typPerson {
			k := e
			for k > s && trailingRoles[strings.ToLower(words[k-1])] {
				k--
			}
			rest := strings.ToLower(straightQuotes(strings.Join(words[s:k], " ")))
			acronym := k-s == 1 && looksAcronym(words[s]) && isAcronym(words[s])
			if k > s && k < e && (acronym || isDemonym(rest, gaz)) {
				clear(k, e)
				e, stripped = k, true
				if acronym {
					set(s, e, typOrg)
					typ = typOrg
				}
			}
		}
		// 2e'. an "organisation" that goes on with a lower-case role and
		// a name is that person, the organisation before the role ("AFC
		// coordinator Corneille Nangaa"), which extract splits off
		if typ == typOrg && orgThenPerson(words, s, e, gaz) {
			set(s, e, typPerson)
			typ = typPerson
		}
		// 2c. a "person" that names a place noun is a place ("the Kerem
		// Shalom crossing", "the Kursk region")
		if typ == typPerson && e < len(words) && placeNouns[words[e]] {
			set(s, e, typLoc)
			typ = typLoc
		}
		// 2d. a "person" named by a settlement noun is a place ("its
		// exclave of Nakhchivan", "the town of Lashio")
		if typ == typPerson && s >= 2 && words[s-1] == "of" && settlementNouns[words[s-2]] {
			set(s, e, typGPE)
			typ = typGPE
		}
		// 2e. a "person" after a locative, alone or in a list that one
		// opens ("crowds in Khan Younis and Deir el-Balah"), is a place,
		// unless it opens with a given name or title or owns something
		// ("in Putin's residence")
		if typ == typPerson && e-s <= 3 && afterLocative(words, classes, s) && (e == len(words) || !isPossessive(words[e])) &&
			gaz != nil && gaz.Lookup(words[s])&(gazetteer.GivenName|gazetteer.Title) == 0 {
			set(s, e, typGPE)
			typ = typGPE
		}
		ws := words[s:e]
		// 2g. a compound adjective of a nationality is no name
		// ("a Ugandan-rooted militia", "Kremlin-linked" is kept: a name)
		if e-s == 1 && demonymCompound(ws[0], gaz) {
			clear(s, e)
			continue
		}
		// 3. lower-case phrases are no names
		allLower := true
		for _, w := range ws {
			if !isLowerWord(w) && !isNumeral(w) && !startsDigit(w) {
				allLower = false
			}
		}
		if allLower && (typ == typEvent || len(ws) > 1) {
			clear(s, e)
			continue
		}
		// 3b. a vessel is no person, organisation or place ("USS Cole",
		// "HMS Prince of Wales", "Space Shuttle Atlantis"), with or
		// without its prefix in the mention
		if isVessel(words, s, e) {
			clear(s, e)
			continue
		}
		// 3c. a bare generic noun names no one ("the Government said",
		// "the Institute withdrew")
		if len(ws) == 1 && bareOrgNouns[strings.ToLower(ws[0])] {
			clear(s, e)
			continue
		}
		// 3d. a place that opens with who holds it ("ISIL-held
		// building", "Russian-occupied Crimea") is the name after it, if
		// one follows, else no name
		if (typ == typGPE || typ == typLoc || typ == typFac) && isHolderCompound(ws[0]) {
			classes[s] = 0
			if len(ws) == 1 || isLowerWord(ws[1]) {
				clear(s, e)
				continue
			}
			s++
			set(s, e, typ)
			ws = words[s:e]
		}
		// 4. demonyms; a "person" only in the plural ("Muslims", "Kurds":
		// a group, where a singular may be a surname)
		plural := typ == typPerson && len(ws) == 1 && len(ws[0]) > 3 && strings.HasSuffix(ws[0], "s")
		if (typ != typPerson || stripped || plural) && typ != typNORP && isDemonym(strings.ToLower(straightQuotes(strings.Join(ws, " "))), gaz) {
			set(s, e, typNORP)
			continue
		}
		// 4b. a one-word "person" that is a role in the plural
		// ("Senators", "Ministers") names no one
		if typ == typPerson && len(ws) == 1 && gaz != nil {
			if w := strings.ToLower(ws[0]); len(w) > 3 && strings.HasSuffix(w, "s") && gaz.Lookup(strings.TrimSuffix(w, "s"))&gazetteer.Title != 0 {
				clear(s, e)
				continue
			}
		}
		// 5. organisation heads; a place headed by a word that names
		// meetings as well as bodies ("Jeddah Forum") is an EVENT
		if (typ == typGPE || typ == typLoc || typ == typFac) && len(ws) > 1 && eventHeadsLowerOnly[strings.ToLower(ws[nameHead(ws)])] {
			set(s, e, typEvent)
			continue
		}
		if (typ == typGPE || typ == typLoc) && len(ws) > 1 && orgHeads[strings.ToLower(ws[nameHead(ws)])] {
			set(s, e, typOrg)
		}
		// 5b. a "person" headed by an organisation or company word is an
		// ORG ("Cesaroni Design", "Eberhard Faber GmbH")
		if typ == typPerson && len(ws) > 1 {
			if hw := strings.ToLower(ws[nameHead(ws)]); orgHeads[hw] || companyHeads[hw] {
				set(s, e, typOrg)
			}
		}
		// 5c. a "person" or "organisation" headed by a word for a built or
		// open place is a place ("Kim Il Sung Square", "Baikonur
		// Cosmodrome", "Lincoln Park"); for an organisation only the words
		// no organisation's name ends in, and not the known ones
		// ("Downing Street said")
		if (typ == typPerson || typ == typOrg && !IsKnownOrg(ws)) && len(ws) > 1 {
			if orgToo, ok := facilityHeads[strings.ToLower(ws[len(ws)-1])]; ok && (typ == typPerson || !orgToo) {
				set(s, e, typLoc)
				typ = typLoc
			}
		}
		// 5e. a minister's portfolio is no organisation ("minister of
		// Foreign Affairs", "Minister of State for Foreign Affairs",
		// "president of the State Affairs Commission" keeps its head)
		if typ == typOrg && portfolioAfterTitle(words, s, e, gaz) {
			clear(s, e)
			continue
		}
		// 5f. a company or group by what is said of it: its executives
		// ("Barrick chief executive Mark Bristow"), an apposition ("Vostok
		// Intur, a travel agency based in ..."), its fighters ("Wagner
		// contractors")
		if cuedOrg(words, s, e, typ, gaz) {
			set(s, e, typOrg)
			typ = typOrg
		}
		// 5d. where an expert works is an organisation ("an Iran analyst
		// at Chatham House", "director of the Carnegie Russia Eurasia
		// Center"), unless the gazetteer knows it as a place or it owns
		// something ("head of Ukraine's military intelligence")
		if (typ == typPerson || typ == typGPE || typ == typLoc || typ == typFac) && expertBefore(words, s) &&
			(e == len(words) || !isPossessive(words[e])) && gaz != nil && gaz.Lookup(strings.Join(ws, " "))&(gazetteer.Place|gazetteer.PersonName) == 0 {
			set(s, e, typOrg)
		}
	}
}

// companyNouns head an apposition that says a name is a company or
// group ("a travel agency", "the state oil company").
var companyNouns = map[string]bool{
	"agency": true, "company": true, "firm": true, "group": true, "operator": true, "miner": true,
	"airline": true, "bank": true, "lender": true, "insurer": true, "broker": true, "trader": true,
	"exporter": true, "producer": true, "refiner": true, "manufacturer": true, "maker": true,
	"broadcaster": true, "newspaper": true, "outlet": true, "party": true, "militia": true,
	"organisation": true, "organization": true, "think-tank": true, "charity": true, "consortium": true,
	"conglomerate": true, "subsidiary": true, "contractor": true, "giant": true,
}

// tagCuedOrgs tags as an organisation a run of capitalised words the
// model left untagged that what is said of it marks as a company or
// group (companyCue: "the Mercosur trade bloc", "Transmashholding,
// Russia's biggest locomotive maker,"), and calls tagged, if not nil,
// with each. A run at a sentence's start must be no closed-class or
// discourse word ("However, the company ...").
func tagCuedOrgs(words []string, classes []int, tagged func(s, e int)) {
	for s := 0; s < len(words); s++ {
		if classes[s] != 0 || !startsUpper(words[s]) {
			continue
		}
		e := s
		for e < len(words) && e-s < 5 && classes[e] == 0 && startsUpper(words[e]) {
			e++
		}
		lw := strings.ToLower(words[s])
		if s == 0 && (closedClass[lw] || discourseWords[lw]) || calendarWords[lw] {
			s = e - 1
			continue
		}
		if companyCue(words, s, e, false) {
			setSpan(classes, s, e, typOrg)
			if tagged != nil {
				tagged(s, e)
			}
		}
		s = e - 1
	}
}

// markCuedOrgs tags, before the document's consistency steps, the names
// that what is said of them makes organisations (companyCue; rule 5f of
// applyRules, and tagCuedOrgs for names the model left untagged), with
// probability 0.9, and records them in sure, so that TagDoc gives their
// other mentions that type too ("the Mercosur trade bloc", then
// "Mercosur has been a cage", tagged a person by the model).
func markCuedOrgs(words []string, classes []int, prob []float32, gaz *gazetteer.Gazetteer, sure map[string]bool) {
	for _, mn := range SentMentions(0, classes, nil) {
		if s, e := mn.Start, mn.End; cuedOrg(words, s, e, mn.Type, gaz) {
			setSpan(classes, s, e, typOrg)
			setProb(prob, s, e)
			sure[strings.Join(words[s:e], " ")] = true
		}
	}
	tagCuedOrgs(words, classes, func(s, e int) {
		setProb(prob, s, e)
		sure[strings.Join(words[s:e], " ")] = true
	})
}

// cuedOrg reports whether the mention words[s:e] of type typ, a person,
// place or facility, is an organisation by what is said of it
// (companyCue; a name that opens with a given name takes no company noun
// before it) and the gazetteer knows no place by its name.
func cuedOrg(words []string, s, e, typ int, gaz *gazetteer.Gazetteer) bool {
	if typ != typPerson && typ != typGPE && typ != typLoc && typ != typFac {
		return false
	}
	given := gaz != nil && gaz.Lookup(words[s])&gazetteer.GivenName != 0
	return companyCue(words, s, e, given) && (gaz == nil || gaz.Lookup(strings.Join(words[s:e], " "))&gazetteer.Place == 0)
}

// discourseWords open sentences with a capital and are no names.
var discourseWords = map[string]bool{
	"however": true, "meanwhile": true, "still": true, "instead": true, "now": true, "today": true,
	"yesterday": true, "earlier": true, "later": true, "also": true, "separately": true, "elsewhere": true,
	"moreover": true, "indeed": true, "nevertheless": true, "so": true, "then": true, "there": true, "here": true,
}

// outletAfter follow, in lower case, a broadcaster's or paper's name
// ("on Al-Masirah television", "the Kommersant daily").
var outletAfter = map[string]bool{"television": true, "channel": true, "newspaper": true, "daily": true, "radio": true, "tv": true}

// groupNouns follow, in lower case, the name of a party or group ("the
// Otzma Yehudit party", "the Alternative bloc").
var groupNouns = map[string]bool{"party": true, "bloc": true, "movement": true, "faction": true, "militia": true, "coalition": true}

// appositionEnds may follow an apposition's head noun ("a travel agency
// based in", "a state-run firm that").
var appositionEnds = map[string]bool{
	",": true, ".": true, ";": true, ")": true, "based": true, "in": true, "that": true, "which": true,
	"with": true, "owned": true, "run": true, "of": true, "for": true, "and": true, "linked": true,
	"backed": true, "founded": true, "controlled": true, "headquartered": true, "accused": true,
}

// companyCue reports whether the text around the mention words[s:e]
// says it names a company or an armed group: a company noun before it
// ("ship-tracking firm Kpler"; not for a name that opens with a given
// name, given: "the newspaper Ana Lima founded"), a group noun after it
// ("the Otzma Yehudit party", "the Mercosur trade bloc"), executives or
// fighters after it ("Barrick chief executive", "Gazprom CEO", "Wagner
// contractors"), or an apposition headed by a company noun ("Vostok
// Intur, a travel agency based in Vladivostok", "Transmashholding,
// Russia's biggest locomotive maker,").
func companyCue(words []string, s, e int, given bool) bool {
	if s > 0 && companyNouns[words[s-1]] && !vesselNouns[words[s-1]] && !given {
		return true // "ship-tracking firm Kpler" (but "the newspaper Ana Lima founded")
	}
	if e < len(words) && (groupNouns[words[e]] || outletAfter[words[e]]) {
		return true // "the Otzma Yehudit party", "on Al-Masirah television"
	}
	if e+1 < len(words) && words[e] == "trade" && words[e+1] == "bloc" {
		return true
	}
	if e+1 < len(words) {
		switch words[e] {
		case "CEO", "executives", "shareholders", "mercenaries", "contractors", "fighters", "militants":
			return true
		case "chief", "founder", "chairman":
			return words[e] != "chief" || words[e+1] == "executive" || words[e+1] == "financial"
		}
	}
	if e+3 < len(words) && words[e] == "," && (words[e+1] == "a" || words[e+1] == "an" || words[e+1] == "the" || isPossessive(words[e+2])) {
		// ("Transmashholding, Russia 's biggest locomotive maker,")
		for k := e + 2; k < len(words)-1 && k <= e+6; k++ {
			if isPossessive(words[k]) || k == e+1 {
				continue
			}
			if companyNouns[words[k]] {
				return appositionEnds[words[k+1]]
			}
			if !isLowerWord(words[k]) {
				return false
			}
		}
	}
	return false
}

// portfolios are the last words of a ministerial portfolio's name.
var portfolios = map[string]bool{
	"Affairs": true, "Defence": true, "Defense": true, "Finance": true, "Justice": true, "Interior": true,
	"Trade": true, "Health": true, "Education": true, "Energy": true, "Economy": true,
}

// portfolioAfterTitle reports whether the mention words[s:e] ends in a
// portfolio word and follows "of" or "for" (and "the" perhaps) after a
// title ("minister of Foreign Affairs", "Minister of State for Foreign
// Affairs").
func portfolioAfterTitle(words []string, s, e int, gaz *gazetteer.Gazetteer) bool {
	return portfolios[words[e-1]] && gaz != nil &&
		wordBeforePrep(words, s, "of", "for", func(w string) bool { return gaz.Lookup(w)&gazetteer.Title != 0 })
}

// wordBeforePrep reports whether the mention at s follows preposition p
// or q, and "the" perhaps, with a word that is up to three words
// before the preposition ("minister of", "a senior fellow at the").
func wordBeforePrep(words []string, s int, p, q string, is func(w string) bool) bool {
	i := s - 1
	if i >= 0 && words[i] == "the" {
		i--
	}
	if i < 1 || words[i] != p && words[i] != q {
		return false
	}
	for k := i - 1; k >= 0 && i-k <= 3; k-- {
		if is(words[k]) {
			return true
		}
	}
	return false
}

// expertNouns are the people whose place of work follows "at" or "of"
// ("a senior fellow at", "director of the").
var expertNouns = map[string]bool{
	"analyst": true, "fellow": true, "researcher": true, "scholar": true, "expert": true, "professor": true,
	"economist": true, "specialist": true, "director": true, "lecturer": true, "strategist": true,
}

// expertBefore reports whether the mention at s follows "at" or "of",
// and "the" perhaps, after an expert noun no more than three words
// before ("a senior fellow at Chatham House", "director of the ...").
func expertBefore(words []string, s int) bool {
	return wordBeforePrep(words, s, "at", "of", func(w string) bool {
		return expertNouns[w] || expertNouns[strings.TrimSuffix(w, "s")]
	})
}

// possessiveCut returns k, the index of a possessive "'s" inside the
// mention words[s:e] after words that the gazetteer knows as a country
// or city ("Japan 's Ishiba"), or -1 ("McDonald 's", "People 's
// Republic of China" keep theirs).
func possessiveCut(words []string, s, e int, gaz *gazetteer.Gazetteer) int {
	if gaz == nil {
		return -1
	}
	for k := s + 1; k+1 < e; k++ {
		if w := words[k]; w == "'s" || w == "’s" {
			if gaz.Lookup(strings.Join(words[s:k], " "))&(gazetteer.Country|gazetteer.City) != 0 {
				return k
			}
			return -1
		}
	}
	return -1
}

// inPlace returns k, the index of the first "in" or "at" in words[from:e-1]
// after which words[k+1:e] is a place the gazetteer knows ("Lavrov in
// Beijing"), or -1.
func inPlace(words []string, from, e int, gaz *gazetteer.Gazetteer) int {
	if gaz == nil {
		return -1
	}
	for k := from; k+1 < e; k++ {
		if (words[k] == "in" || words[k] == "at") && gaz.Lookup(strings.Join(words[k+1:e], " "))&gazetteer.Place != 0 {
			return k
		}
	}
	return -1
}

// gazetteerType returns the type the gazetteer gives the words ws: GPE
// for a place, PERSON for a person's name, else -1.
func gazetteerType(ws []string, gaz *gazetteer.Gazetteer) int {
	switch c := gaz.Lookup(strings.Join(ws, " ")); {
	case c&gazetteer.Place != 0:
		return typGPE
	case c&gazetteer.PersonName != 0:
		return typPerson
	}
	return -1
}

// innerLowerWord returns the first word of words[s+1:e-1] in lower case
// that is no name particle ("Pezeshkian visits Moscow"), or -1 ("Osama
// bin Laden", "Abu Bakr al-Baghdadi", "Rio de Janeiro" keep theirs).
func innerLowerWord(words []string, s, e int) int {
	for k := s + 1; k < e-1; k++ {
		if w := words[k]; isLowerWord(w) && !nameInnerWords[w] && !strings.ContainsAny(w, "-'’.") {
			return k
		}
	}
	return -1
}

// nameInnerWords are the lower-case words inside names of persons and
// places.
var nameInnerWords = map[string]bool{
	"of": true, "de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "della": true,
	"di": true, "du": true, "des": true, "la": true, "le": true, "les": true, "van": true, "von": true,
	"der": true, "den": true, "ter": true, "bin": true, "bint": true, "ibn": true, "al": true, "el": true,
	"y": true, "e": true, "upon": true, "on": true, "am": true, "im": true, "and": true, "the": true,
	"au": true, "aux": true, "sur": true, "en": true, "zu": true, "abu": true, "ben": true, "bat": true,
	"ould": true, "ag": true, "es": true, "mac": true, "st": true, "in": true, "under": true, "at": true, "by": true,
	"ad": true, "az": true, "as": true, "ar": true, "an": true, "ash": true, "adh": true, "ath": true, "ud": true, "ul": true,
	"city": true, "town": true, "village": true, "province": true, "region": true, "district": true, "port": true,
}

// nameOpenersNot are capitalised words that open sentences and
// headlines but no name (applyRules' rule 0b). Possessives are not among
// them: they open honorifics ("Your Honor", "His Majesty").
var nameOpenersNot = map[string]bool{
	"What": true, "Why": true, "How": true, "When": true, "Where": true, "Who": true, "Which": true,
	"Whose": true, "Whom": true, "This": true, "That": true, "These": true, "Those": true, "Is": true, "Are": true,
	"Was": true, "Were": true, "Did": true, "Does": true, "Do": true, "Can": true, "Will": true,
	"Should": true, "Would": true, "Could": true, "If": true, "As": true, "While": true, "Although": true,
}

// holderParticiples end the compounds that say who holds, runs or backs
// a place ("ISIL-held", "Kurdish-controlled", "Russian-occupied").
var holderParticiples = map[string]bool{
	"held": true, "controlled": true, "occupied": true, "run": true, "led": true, "backed": true,
	"dominated": true, "administered": true, "annexed": true, "besieged": true, "seized": true,
}

// isHolderCompound reports whether w is a capitalised word joined by a
// hyphen to a participle of holding ("ISIL-held", "Russian-occupied").
func isHolderCompound(w string) bool {
	head, part, ok := strings.Cut(w, "-")
	return ok && startsUpper(head) && holderParticiples[part]
}

// isProperEventName reports whether the words are a capitalised event
// name by rule ("Korean War", "Battle of Kursk"): every word capitalised
// or a numeral or a small word, and an event head (isEventName).
func isProperEventName(ws []string) bool {
	for _, w := range ws {
		if !startsUpper(w) && !isNumeral(w) && !headPrepositions[w] && !headlineSmall[w] {
			return false
		}
	}
	return isEventName(ws)
}

// nameParticles are the lower-case words inside names ("Rio Grande do
// Sul", "Luiz Inácio Lula da Silva", "Ludwig van Beethoven", "Mohammed bin
// Salman").
var nameParticles = map[string]bool{
	"da": true, "de": true, "do": true, "dos": true, "das": true, "del": true, "della": true, "di": true,
	"du": true, "van": true, "von": true, "der": true, "den": true, "bin": true, "bint": true, "ibn": true,
	"y": true,
}

// joinParticles extends a PERSON or place mention over a name particle
// and the capitalised words after it when they are untagged or a mention
// of the same type: "[Rio Grande] do Sul" -> "[Rio Grande do Sul]".
func joinParticles(words []string, classes []int) {
	for _, mn := range SentMentions(0, classes, nil) {
		e, typ := mn.End, mn.Type
		if typ != typPerson && typ != typGPE && typ != typLoc && typ != typFac {
			continue
		}
		if e+1 >= len(words) || !nameParticles[words[e]] || !startsUpper(words[e+1]) {
			continue
		}
		k := e + 1
		switch c := classes[k]; {
		case c == 0:
			for k < len(words) && classes[k] == 0 && startsUpper(words[k]) && !isAcronym(words[k]) {
				k++
			}
		case c == 1+2*typ:
			k++
			for k < len(words) && classes[k] == 2+2*typ {
				k++
			}
		default:
			continue
		}
		for j := e; j < k; j++ {
			classes[j] = 2 + 2*typ
		}
	}
}

// placeNouns are lower-case nouns that a place name modifies ("the Rafah
// crossing", "the Kursk region"); a person's name does not.
var placeNouns = map[string]bool{
	"crossing": true, "region": true, "province": true, "district": true, "oblast": true, "river": true,
	"valley": true, "airport": true, "checkpoint": true, "governorate": true, "county": true,
	"peninsula": true, "strait": true, "mountains": true, "desert": true, "basin": true, "lake": true,
	"regions": true, "provinces": true, "districts": true, "prison": true, "terminal": true, "islets": true,
	"islands": true, "sector": true, "oilfield": true, "corridor": true,
}

// locatives are the prepositions after which a name is a place, not a
// person ("unloaded at Rajin", "crowds in Khan Younis", "through Kerem
// Shalom"); "to", "from" and "with" also take people and are not here.
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "through": true, "outside": true, "across": true,
	"around": true, "inside": true, "towards": true, "toward": true, "into": true, "In": true, "At": true, "Near": true,
}

// settlementNouns name the place in their of-phrase ("the town of
// Lashio", "its exclave of Nakhchivan").
var settlementNouns = map[string]bool{
	"city": true, "town": true, "village": true, "exclave": true, "enclave": true, "port": true,
	"region": true, "province": true, "district": true, "island": true, "islands": true, "settlement": true,
}

// outletNouns introduce the name of a news outlet or agency: "state news
// agency MENA", "the newspaper Pravda", "broadcaster NHK".
var outletNouns = map[string]bool{
	"agency": true, "newspaper": true, "broadcaster": true, "tabloid": true, "magazine": true,
	"outlet": true,
}

// calendarWords are capitalised words that name no outlet ("the agency
// Monday said").
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// splitClauses cuts a mention at a comma followed by a lower-case word:
// no name runs into a clause, though the model sometimes carries one on
// ("Kim Jong Un, who met Putin" as one PERSON). What follows the
// lower-case words keeps the type ("Putin").
func splitClauses(words []string, classes []int) {
	for k := 1; k+1 < len(words); k++ {
		if words[k] != "," || classes[k] == 0 || classes[k]%2 != 0 || !startsLower(words[k+1]) {
			continue
		}
		typ := (classes[k] - 2) / 2
		j := k
		for j < len(words) && classes[j] == 2+2*typ && (j == k || startsLower(words[j]) || words[j] == ",") {
			classes[j] = 0
			j++
		}
		if j < len(words) && classes[j] == 2+2*typ {
			classes[j] = 1 + 2*typ
		}
		k = j
	}
}

// splitJoinedOrgs cuts an organisation's mention at an "and" (or "and
// the") between two whole names, each of two words or more ending in an
// organisation's head word ("Republican Guard and Russian Orthodox
// Church", "Irving Independent School District and the Irving Police
// Department" were one name each);
// the two become organisations. An "and" inside one name leaves a part
// that ends otherwise ("Ministry of Trade and Industry", "Institute for
// Science and International Security").
func splitJoinedOrgs(words []string, classes []int) {
	if !slices.Contains(words, "and") {
		return // (most sentences: no need to list the mentions)
	}
	for _, mn := range SentMentions(0, classes, nil) {
		s, e := mn.Start, mn.End
		if mn.Type != typOrg || e-s < 5 || !joinedOrgHeads[words[e-1]] {
			continue
		}
		for k := s + 2; k < e-2; k++ {
			if words[k] != "and" || !joinedOrgHeads[words[k-1]] {
				continue
			}
			j := k + 1 // the second name, after "and" or "and the"
			if words[j] == "the" {
				j++
			}
			if j < e-1 && startsUpper(words[j]) {
				for i := k; i < j; i++ {
					classes[i] = 0
				}
				classes[j] = 1 + 2*typOrg
				k = j
			}
		}
	}
}

// joinedOrgHeads end whole organisations' names for splitJoinedOrgs.
var joinedOrgHeads = func() map[string]bool {
	m := map[string]bool{"Church": true, "Guard": true, "Army": true, "Navy": true, "Police": true, "Office": true,
		"District": true, "Department": true, "Force": true, "Forces": true, "Service": true}
	for w := range runOrgHeads {
		m[w] = true
	}
	return m
}()

// startsLower reports whether w starts with a lower-case letter ("who",
// not "6th").
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// joinSplitPersons joins a one-word PERSON mention to the PERSON mention
// right after it: the model reads a Korean surname that is also a word
// ("No" in "No Kwang Chol", North Korea's defence minister) as a name of
// its own, and two people are never named with nothing between them.
func joinSplitPersons(words []string, classes []int) {
	b, i := 1+2*typPerson, 2+2*typPerson
	for k := 0; k+1 < len(words); k++ {
		if classes[k] == b && classes[k+1] == b && startsUpper(words[k]) && startsUpper(words[k+1]) {
			classes[k+1] = i
		}
	}
}

// knownOrgNames are organisations often in international news that the
// PETRARCH dictionaries, which the gazetteer is built from, lack: ruling
// parties, news agencies, security services, state companies, armed
// groups, intergovernmental bodies and seats of government. Hand-written,
// general (not taken from any corpus); see tagKnownOrgs. Names that are
// also common words or people's names ("Wagner", "Sputnik", "RT") are
// left out.
var knownOrgNames = []string{
	"Workers' Party of Korea", "Korean Workers' Party", "United Russia", "Chinese Communist Party",
	"Communist Party of China", "Communist Party of the Soviet Union", "Liberal Democratic Party of Russia",
	"Bharatiya Janata Party", "Likud", "Fatah", "Sinn Fein", "Kuomintang",
	"Korean Central News Agency", "KCNA", "Rodong Sinmun", "Korean Central Television", "Yonhap", "NK News",
	"Tass", "TASS", "ITAR-TASS", "RIA Novosti", "Interfax", "Kommersant", "Izvestia", "Pravda", "Xinhua",
	"Kyodo", "Anadolu", "Agence France-Presse", "AFP", "Bloomberg", "Reuters", "Associated Press",
	"FSB", "GRU", "SVR", "KGB", "CIA", "FBI", "Mossad", "MI6", "MI5", "SBU", "Shin Bet",
	"Gazprom", "Gazprombank", "Rosneft", "Rosatom", "Roscosmos", "Rostec", "Lukoil", "Novatek", "Sberbank",
	"VTB", "Aeroflot", "Transneft", "Huawei", "SpaceX", "Lockheed Martin", "Raytheon", "Northrop Grumman",
	"Saudi Aramco", "Aramco", "Sinopec", "PetroChina", "CNPC", "CNOOC", "ADNOC", "ZTE", "SMIC", "TSMC",
	"Samsung Electronics", "Hyundai Motor", "Boeing", "Airbus", "ExxonMobil", "Exxon Mobil", "Chevron",
	"Wagner Group", "Islamic State", "ISIS", "ISIL", "Daesh", "Houthis", "Hayat Tahrir al-Sham",
	"Al-Shabaab", "Boko Haram", "Azov Brigade", "Azov Regiment",
	"BRICS", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "African Union",
	"International Criminal Court", "Collective Security Treaty Organization", "CSTO", "Eurasian Economic Union",
	"Arab League", "Group of Seven", "G7", "G20", "State Department", "Defense Department", "Treasury",
	// Acronyms the model leaves untagged where they open a long sentence
	// ("EU foreign policy chief Josep Borrell said ...").
	"EU", "UN", "NATO", "OPEC", "ASEAN", "IAEA", "ECOWAS", "Hezbollah", "Hamas", "Taliban", "AU", "AfDB", "IMF",
	// Seats of government that speak for it ("the White House said").
	"White House", "Kremlin", "Pentagon", "Downing Street", "Elysee", "Elysee Palace",
	"Blue House", "Zhongnanhai", "Quai d'Orsay",
}

// knownOrgs maps the first word of each known organisation name, as
// listed and in capitals ("Gazprom", "GAZPROM"), to the names' words
// (straight quotes), so that most words cost one map lookup and no
// allocation.
var knownOrgs = func() map[string][][]string {
	m := map[string][][]string{}
	for _, n := range knownOrgNames {
		ws := TokenizeString(n)
		for i, w := range ws {
			ws[i] = straightQuotes(w)
		}
		for _, k := range []string{ws[0], strings.ToUpper(ws[0])} {
			if !slices.ContainsFunc(m[k], func(o []string) bool { return slices.Equal(o, ws) }) {
				m[k] = append(m[k], ws)
			}
		}
	}
	return m
}()

// IsKnownOrg reports whether ws are the words of a known organisation's
// name (knownOrgNames: parties, agencies, companies, seats of government
// that the gazetteer lacks).
func IsKnownOrg(ws []string) bool {
	return slices.ContainsFunc(knownOrgs[ws[0]], func(k []string) bool { return slices.Equal(k, ws) })
}

// tagCountryAcronyms tags GPE an untagged word in capitals that the
// gazetteer knows as a country's short name ("thanked the UAE", "the
// DPRK"), which the model leaves untagged after "the", unless the
// training text writes it in lower case (lower: "POLE", "US"). Not in a
// line in capitals.
func tagCountryAcronyms(words []string, classes []int, gaz *gazetteer.Gazetteer, lower map[string]bool) {
	if gaz == nil {
		return
	}
	caps := capsLine{words: words}
	for i, w := range words {
		if classes[i] == 0 && isCapsWord(w) && !lower[strings.ToLower(w)] && gaz.Lookup(w)&gazetteer.Country != 0 &&
			(i+1 == len(words) || classes[i+1]%2 == 1 || classes[i+1] == 0) {
			if caps.is() {
				return
			}
			classes[i] = 1 + 2*typGPE
		}
	}
}

// tagNationalities tags NORP an untagged, capitalised nationality word
// (a gazetteer demonym that is no city or region) before a capitalised
// word, which the model leaves untagged where it opens a sentence before
// a title ("Iranian Foreign Minister Abbas Araqchi", "Saudi Crown Prince
// ..."). Not in a line in capitals.
func tagNationalities(words []string, classes []int, gaz *gazetteer.Gazetteer) {
	if gaz == nil {
		return
	}
	caps := capsLine{words: words}
	var buf []byte
	for i, w := range words {
		if classes[i] != 0 || !startsUpper(w) || isCapsWord(w) || i+1 == len(words) || !startsUpper(words[i+1]) {
			continue // a title or name follows ("Iranian Foreign ...")
		}
		lb, ok := appendLowerASCII(buf[:0], w)
		buf = lb
		if !ok || !extraDemonyms[string(lb)] && gaz.LookupBytes(lb)&gazetteer.Demonym == 0 {
			continue // (a quick test before the allocating one)
		}
		lw := strings.ToLower(w)
		if !isNationality(lw, gaz) || !isDemonym(lw, gaz) {
			continue
		}
		first := i // "North Korean", "Saudi Arabian": the whole word pair
		if i > 0 && classes[i-1] == 0 && startsUpper(words[i-1]) && isDemonym(strings.ToLower(words[i-1])+" "+lw, gaz) {
			first = i - 1
		} else if lw == "korean" || lw == "koreans" {
			continue // which Korea is not said
		}
		if caps.is() {
			return
		}
		setSpan(classes, first, i+1, typNORP)
	}
}

// tagGazetteerPlaces tags GPE an untagged, capitalised word that the
// gazetteer knows as a country or city, not the first of its sentence,
// with no capitalised word beside it ("visited the troops in
// Port-au-Prince", "days after Pyongyang sent thousands of troops",
// which the model leaves untagged), unless the training text writes it
// in lower case (lower), or it is also a person's name ("Chad", "Jordan")
// and no preposition of place comes before it. Not in a line in capitals.
func tagGazetteerPlaces(words []string, classes []int, prob []float32, gaz *gazetteer.Gazetteer, lower map[string]bool) {
	if gaz == nil {
		return
	}
	caps := capsLine{words: words}
	for i := 1; i < len(words); i++ {
		w := words[i]
		if classes[i] != 0 || !startsUpper(w) || isCapsWord(w) || startsUpper(words[i-1]) ||
			i+1 < len(words) && startsUpper(words[i+1]) || lower[strings.ToLower(w)] {
			continue
		}
		if c := gaz.Lookup(w); c&(gazetteer.Country|gazetteer.City) == 0 || !placePrepositions[words[i-1]] && c&(gazetteer.GivenName|gazetteer.PersonName) != 0 {
			continue
		}
		if caps.is() {
			return
		}
		classes[i] = 1 + 2*typGPE
		setProb(prob, i, i+1)
	}
}

// tagGazetteerPhrasePlaces tags as one place a country, city or region
// of two words or more that the gazetteer knows and the model cut up or
// took for something else ("Dar | es Salaam", "Mato Grosso do Sul" a
// person), unless a mention reaches into it from outside ("the New York
// Times"). Its words are capitalised but for short particles ("es",
// "do", "el").
func tagGazetteerPhrasePlaces(words []string, classes []int, prob []float32, gaz *gazetteer.Gazetteer) {
	if gaz == nil || len(words) < 2 {
		return
	}
	// Only a capitalised word that begins a longer gazetteer phrase can
	// begin one: look before normalising (most words begin none).
	var buf [64]byte
	for i := 0; i+1 < len(words); i++ {
		if !startsUpper(words[i]) {
			continue
		}
		if b, ascii := appendLowerASCII(buf[:0], words[i]); ascii && !gaz.StartsBytes(b) {
			continue
		}
		key, e, c := gazetteer.Norm(words[i]), 0, gazetteer.Category(0)
		for j := i + 1; j < len(words) && j-i < gaz.MaxWords() && gaz.Starts(key); j++ {
			key += " " + gazetteer.Norm(words[j])
			if cj := gaz.LookupNorm(key); cj != 0 {
				e, c = j+1, cj
			}
		}
		if e > 0 && tagPhrasePlace(words, classes, prob, i, e, c) {
			i = e - 1
		}
	}
}

// tagPhrasePlace tags words [s, e), a gazetteer phrase of category c, as
// one place if it is a place's name in capitals that no mention reaches
// into, and reports whether it did.
func tagPhrasePlace(words []string, classes []int, prob []float32, s, e int, c gazetteer.Category) bool {
	if e-s < 2 || c&gazetteer.Place == 0 || !startsUpper(words[s]) || !startsUpper(words[e-1]) {
		return false
	}
	for k := s + 1; k < e-1; k++ {
		if !startsUpper(words[k]) && len(words[k]) > 3 {
			return false
		}
	}
	if classes[s]%2 == 0 && classes[s] != 0 || e < len(words) && classes[e]%2 == 0 && classes[e] != 0 {
		return false // a mention reaches in from outside
	}
	if t := classes[s]; (t == 1+2*typGPE || t == 1+2*typLoc) && (e == len(words) || classes[e] == 0 || classes[e]%2 == 1) {
		whole := true
		for k := s + 1; k < e; k++ {
			whole = whole && classes[k] == t+1
		}
		if whole {
			return true // already one place
		}
	}
	setSpan(classes, s, e, typGPE)
	setProb(prob, s, e)
	return true
}

// tagSettlementNames tags GPE the untagged capitalised words after a
// settlement noun's "of" ("the Ukrainian city of Sumy", which the model
// left untagged). Not in a line in capitals.
func tagSettlementNames(words []string, classes []int, prob []float32) {
	caps := capsLine{words: words}
	for i := 2; i < len(words); i++ {
		if classes[i] != 0 || words[i-1] != "of" || !settlementNouns[words[i-2]] || !startsUpper(words[i]) || isCapsWord(words[i]) {
			continue
		}
		if caps.is() {
			return
		}
		e := i + 1
		for e < len(words) && classes[e] == 0 && startsUpper(words[e]) && e-i < 4 {
			e++
		}
		if e < len(words) && classes[e] != 0 {
			continue // the name runs into a tagged one: the model's
		}
		setSpan(classes, i, e, typGPE)
		setProb(prob, i, e)
		i = e - 1
	}
}

// setProb sets prob[s:e] to 0.9, the score of a name a rule found surely,
// if prob is not nil.
func setProb(prob []float32, s, e int) {
	for k := s; k < e && prob != nil; k++ {
		prob[k] = 0.9
	}
}

// placePrepositions come before a place's name.
var placePrepositions = map[string]bool{"in": true, "to": true, "from": true, "near": true, "into": true, "outside": true}

// tagGazetteerOrgs tags ORG an untagged run of two to six capitalised
// words (with "of", "for", "and", "the" inside) that the gazetteer knows
// as an organisation's name ("European Commission President Ursula von
// der Leyen", which the model left untagged), longest first. Not in a
// line in capitals.
func tagGazetteerOrgs(words []string, classes []int, prob []float32, gaz *gazetteer.Gazetteer) {
	if gaz == nil {
		return
	}
	caps := capsLine{words: words}
	var key []byte
	for i := 0; i+1 < len(words); i++ {
		if classes[i] != 0 || !startsUpper(words[i]) || classes[i+1] != 0 {
			continue
		}
		// the longest run of words, each a prefix of a gazetteer phrase
		// but the last, that names an organisation (ASCII words only)
		var ok bool
		if key, ok = appendLowerASCII(key[:0], words[i]); !ok || !gaz.StartsBytes(key) {
			continue
		}
		end := -1
		for e := i + 1; e < len(words) && e-i < 6 && classes[e] == 0 && (startsUpper(words[e]) || orgInnerWords[words[e]]); e++ {
			key = append(key, ' ')
			if key, ok = appendLowerASCII(key, words[e]); !ok {
				break
			}
			if startsUpper(words[e]) && gaz.LookupBytes(key)&gazetteer.OrgName != 0 {
				end = e + 1
			}
			if !gaz.StartsBytes(key) {
				break
			}
		}
		if end < 0 {
			continue
		}
		if caps.is() {
			return
		}
		setSpan(classes, i, end, typOrg)
		setProb(prob, i, end)
		i = end - 1
	}
}

// appendLowerASCII appends w in lower case to dst, and reports false if w
// is not all ASCII (dst then holds no usable key).
func appendLowerASCII(dst []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return dst, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// orgInnerWords are the lower-case words inside organisations' names.
var orgInnerWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true}

// retypeConjoinedPersons makes a PERSON of a one-word place conjoined
// by "and" to a person's name, if the gazetteer knows no place by that
// word ("a meeting between Trump and Zelenskiy", the latter tagged LOC).
func retypeConjoinedPersons(words []string, classes []int, gaz *gazetteer.Gazetteer) {
	if gaz == nil {
		return
	}
	const place = gazetteer.Place | gazetteer.Demonym | gazetteer.OrgName | gazetteer.OrgWord
	for i := 2; i < len(words); i++ {
		c := classes[i]
		if c != 1+2*typGPE && c != 1+2*typLoc || i+1 < len(words) && classes[i+1] == c+1 || words[i-1] != "and" {
			continue
		}
		if p := classes[i-2]; p != 1+2*typPerson && p != 2+2*typPerson || gaz.Lookup(words[i])&place != 0 {
			continue
		}
		classes[i] = 1 + 2*typPerson
	}
}

// datelineDashes end a dateline ("SEOUL, Nov. 4 (Yonhap) --",
// "RAWALPINDI:").
var datelineDashes = map[string]bool{"--": true, "-": true, "—": true, "–": true, ":": true}

// tagDateline tags a dateline that opens the sentence: the city or
// cities in capitals ("TIANJIN, China, Sept 2 (AP) --", "SRINAGAR /
// ISLAMABAD:") as places, and the agency in brackets before the dash as
// an organisation ("(AP)"). A sentence that opens with capitals but no
// dash within a dozen words is no dateline and is left as it is; nor is
// one whose capitals a dash or colon follows at once ("QUESTION:"),
// unless the gazetteer knows them as places.
func tagDateline(words []string, classes []int, gaz *gazetteer.Gazetteer) {
	i := 0
	for i < len(words) && i < 6 && (isCapsWord(words[i]) || words[i] == "/" && i > 0) {
		i++
	}
	if i == 0 || i >= len(words) || words[i-1] == "/" {
		return
	}
	dash := -1
	for k := i; k < len(words) && k < i+12; k++ {
		if datelineDashes[words[k]] && (k == i || words[k] != ":") {
			dash = k
			break
		}
	}
	if dash < 0 || words[i] != "," && words[i] != "(" && dash != i {
		return
	}
	if dash == i { // "RAWALPINDI:", but not "QUESTION:" or "BEST DENTIST EVER -"
		for k := 0; k < i; k++ {
			if words[k] != "/" && (gaz == nil || gaz.Lookup(words[k])&gazetteer.Place == 0) {
				return
			}
		}
	}
	for s := 0; s < i; {
		e := s
		for e < i && words[e] != "/" {
			e++
		}
		setSpan(classes, s, e, typGPE)
		s = e + 1
	}
	if o := dash - 1; o > i && words[o] == ")" {
		p := o - 1
		for p > i && words[p] != "(" && o-p <= 4 {
			p--
		}
		if words[p] == "(" && p+1 < o && startsUpper(words[p+1]) && classes[p+1] == 0 {
			setSpan(classes, p+1, o, typOrg)
		}
	}
}

// runOrgHeads are the words whose capitalised run is an organisation's
// name wherever it stands ("Nordwind Airlines", "Hostages and Missing
// Families Forum").
var runOrgHeads = map[string]bool{
	"Airlines": true, "Airways": true, "Corporation": true, "Company": true, "Group": true, "Bank": true,
	"Institute": true, "Foundation": true, "Agency": true, "Council": true, "Committee": true,
	"Commission": true, "Party": true, "University": true, "Association": true, "Forum": true, "Team": true,
	"Front": true, "Movement": true, "Ministry": true, "Corps": true, "Brigade": true, "Authority": true,
	"Court": true, "Federation": true, "Union": true, "Society": true, "Centre": true,
	"Center": true, "Platform": true,
}

// facilityRunHeads end the name of a built place ("Zaporizhzhia Nuclear
// Power Plant", "Vostochny Cosmodrome", "Nampho Dockyard").
var facilityRunHeads = map[string]bool{
	"Plant": true, "Airport": true, "Airbase": true, "Dockyard": true, "Shipyard": true, "Cosmodrome": true,
	"Prison": true, "Jail": true, "Dam": true, "Refinery": true, "Terminal": true,
}

// tagFacilityRuns tags as one built place a run of up to five
// capitalised words ending in a facility's head word that the model left
// untagged or tagged in part as a place ("Zaporizhzhia | Nuclear Power
// Plant"). A run with a person's or organisation's mention in it is left
// alone.
func tagFacilityRuns(words []string, classes []int) {
	for e := 1; e < len(words); e++ {
		if !facilityRunHeads[words[e]] || e+1 < len(words) && startsUpper(words[e+1]) {
			continue
		}
		s := e
		for s > 0 && e-s < 5 && startsUpper(words[s-1]) && !closedClass[strings.ToLower(words[s-1])] {
			s--
		}
		if s == e || classes[s]%2 == 0 && classes[s] != 0 {
			continue // one word, or a mention reaches in from before
		}
		ok := true
		for k := s; k <= e; k++ {
			if c := classes[k]; c != 0 && (c-1)/2 != typGPE && (c-1)/2 != typLoc && (c-1)/2 != typFac {
				ok = false
			}
		}
		if ok {
			setSpan(classes, s, e+1, typFac)
		}
	}
}

// closedClass are determiners, pronouns, prepositions and conjunctions,
// which a capital at a sentence's start does not make part of a name.
var closedClass = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "its": true,
	"his": true, "her": true, "their": true, "our": true, "my": true, "your": true, "in": true, "on": true,
	"at": true, "by": true, "for": true, "from": true, "with": true, "after": true, "before": true, "as": true,
	"and": true, "but": true, "or": true, "if": true, "when": true, "while": true, "since": true, "both": true,
	"every": true, "each": true, "some": true, "many": true, "most": true, "all": true, "no": true, "one": true,
	"two": true, "it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true,
	"under": true, "over": true, "into": true, "of": true, "to": true, "about": true, "against": true,
}

// tagOrgHeadedRuns tags as an organisation a run of two to six
// capitalised words the model left untagged that ends in an
// organisation's head word ("Russian carrier Nordwind Airlines", "The
// Multilateral Sanctions Monitoring Team, or MSMT"); "and", "of" and
// "for" may join its words. No word of the run may be a title
// ("Prime Minister Party"), and a determiner or other closed-class word
// that opens a sentence is no part of it.
func tagOrgHeadedRuns(words []string, classes []int, gaz *gazetteer.Gazetteer) {
	for e := 1; e < len(words); e++ {
		if !runOrgHeads[words[e]] || classes[e] != 0 || e+1 < len(words) && startsUpper(words[e+1]) {
			continue
		}
		s := e
		for s > 0 && e-s < 5 && classes[s-1] == 0 {
			w := words[s-1]
			if startsUpper(w) && !closedClass[strings.ToLower(w)] {
				s--
				continue
			}
			if (w == "and" || w == "of" || w == "for") && s-2 >= 0 && startsUpper(words[s-2]) && classes[s-2] == 0 {
				s--
				continue
			}
			break
		}
		for s < e && !startsUpper(words[s]) {
			s++
		}
		if s == e {
			continue
		}
		title := false
		for k := s; k < e; k++ {
			if gaz != nil && gaz.Lookup(words[k])&gazetteer.Title != 0 {
				title = true
			}
		}
		if !title {
			setSpan(classes, s, e+1, typOrg)
		}
	}
}

// complementHeads are the words that head an institution's name that
// goes on in an of- or for-phrase ("Security Council of the Russian
// Federation", "Institute for the Study of War").
var complementHeads = map[string]bool{
	"Council": true, "Commission": true, "Committee": true, "Centre": true, "Center": true, "Institute": true,
	"Foundation": true, "Agency": true, "Ministry": true, "Department": true, "Office": true, "Bureau": true,
	"Board": true, "Academy": true, "Court": true, "Tribunal": true, "Directorate": true, "Organization": true,
	"Organisation": true, "Federation": true, "Association": true, "League": true, "Society": true, "Fund": true,
	"Authority": true, "Service": true, "Command": true, "Secretariat": true, "Administration": true,
	"Bank": true, "Group": true, "Panel": true, "Assembly": true,
}

// extendOrgComplements extends an organisation's mention headed by an
// institution word over the of- or for-phrase of capitalised words that
// follows it, which the model tends to leave out or tag as a place of
// its own ("Security Council | of the | Russian Federation", "Centre for
// Research on Energy | and Clean Air", "High-Level Panel | on Sudan"):
// "of", "for", "on", "and" and "the" may join capitalised words inside;
// any name but a place's (or after "of", an organisation's: "Central
// Committee of the Workers' Party of Korea"), a date word or a
// lower-case word ends it.
func extendOrgComplements(words []string, classes []int) {
	for _, mn := range SentMentions(0, classes, nil) {
		s, e := mn.Start, mn.End
		if mn.Type != typOrg || !complementHeads[words[e-1]] || e+1 >= len(words) || words[e] != "of" && words[e] != "for" && words[e] != "on" {
			continue
		}
		of := words[e] == "of" // may take an organisation ("Parliamentary Assembly of the Council of Europe")
		last := -1
		for k := e + 1; k < len(words) && k-e <= 8; k++ {
			w := words[k]
			if c := classes[k]; c != 0 && (c-1)/2 != typGPE && (c-1)/2 != typLoc && !(of && (c-1)/2 == typOrg) {
				break // a person, or an organisation of its own ("Foundation for | FC Barcelona")
			}
			if startsUpper(w) && !calendarWords[strings.ToLower(w)] {
				last = k
				continue
			}
			switch w {
			case "the":
				if k+1 < len(words) && startsUpper(words[k+1]) {
					continue
				}
			case "of", "for", "on", "and":
				if last >= 0 && k+1 < len(words) && (startsUpper(words[k+1]) || words[k+1] == "the") {
					continue
				}
			}
			break
		}
		if last < 0 || last+1 < len(words) && classes[last+1] != 0 && classes[last+1]%2 == 0 {
			continue // nothing to add, or a mention goes on past it
		}
		setSpan(classes, s, last+1, typOrg)
	}
}

// movementWords take a place, not a person, in their to-phrase ("access
// to Natanz", "flights to Pyongyang", "troops deployed to Kursk").
var movementWords = map[string]bool{
	"access": true, "trip": true, "visit": true, "visits": true, "flights": true, "flight": true, "route": true,
	"travel": true, "travelled": true, "traveled": true, "flew": true, "deployed": true, "shipped": true,
	"relocated": true, "journey": true,
}

// orgRoles are the roles people hold in an organisation, as written in
// lower case after its name ("AFC coordinator", "Barrick founder").
var orgRoles = map[string]bool{
	"coordinator": true, "executive": true, "founder": true, "co-founder": true, "chairman": true,
	"chairwoman": true, "spokesperson": true, "director": true, "boss": true, "commander": true,
}

// orgThenPerson reports whether the mention words[s:e] has a lower-case
// role noun inside that only capitalised words follow ("AFC coordinator
// Corneille Nangaa", "Barrick chief executive Mark Bristow").
func orgThenPerson(words []string, s, e int, gaz *gazetteer.Gazetteer) bool {
	for k := s + 1; k < e-1; k++ {
		w := words[k]
		if !isLowerWord(w) || !roleNouns[w] && !orgRoles[w] && (gaz == nil || gaz.Lookup(w)&gazetteer.Title == 0) {
			continue
		}
		for j := k + 1; j < e; j++ {
			if !startsUpper(words[j]) {
				return false
			}
		}
		return true
	}
	return false
}

// demonymCompound reports whether w is a nationality joined by a hyphen
// to a participle ("Ugandan-rooted", "Russian-made", "Iranian-backed").
func demonymCompound(w string, gaz *gazetteer.Gazetteer) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 || gaz == nil {
		return false
	}
	part := w[i+1:]
	if !isLowerWord(part) || !strings.HasSuffix(part, "ed") && part != "made" && part != "built" && part != "run" && part != "led" {
		return false
	}
	return gaz.Lookup(w[:i])&gazetteer.Demonym != 0
}

// afterLocative reports whether the mention that starts at word s
// follows a locative ("in Rafah", "access to Natanz", "the islands of
// Kinmen"), or a list of places that follows one ("in Khan Younis and
// Deir el-Balah", "the islands of Kinmen and Matsu").
func afterLocative(words []string, classes []int, s int) bool {
	for i := s - 1; i >= 0; {
		w := words[i]
		if locatives[w] || i > 0 && (w == "to" && movementWords[words[i-1]] || w == "of" && settlementNouns[words[i-1]]) {
			return true
		}
		if (w != "and" && w != ",") || i == 0 {
			return false
		}
		// a place's mention before the conjunction
		j := i - 1
		c := classes[j]
		if c == 0 || (c-1)/2 != typGPE && (c-1)/2 != typLoc && (c-1)/2 != typFac {
			return false
		}
		for j > 0 && classes[j] != 0 && classes[j]%2 == 0 {
			j--
		}
		i = j - 1
	}
	return false
}

// isPossessive reports whether w is a possessive ending ("'s").
func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// setSpan tags words [s, e) as one mention of type typ.
func setSpan(classes []int, s, e, typ int) {
	classes[s] = 1 + 2*typ
	for k := s + 1; k < e; k++ {
		classes[k] = 2 + 2*typ
	}
}

// capsLine tells whether a sentence is a line in capitals (isAllCaps),
// computing it once, when a rule first needs it.
type capsLine struct {
	words []string
	state int8 // 0 not computed, 1 no, 2 yes
}

func (c *capsLine) is() bool {
	if c.state == 0 {
		c.state = 1
		if isAllCaps(c.words) {
			c.state = 2
		}
	}
	return c.state == 2
}

// tagKnownOrgs tags each known organisation name (knownOrgNames, its
// first word written as listed or in capitals, longest first) as one ORG
// mention, replacing the mentions inside it ("Korea" in "Workers' Party
// of Korea") or a wrong type ("Gazprom" as a person); a mention that
// reaches beyond the name ("WPK Central Committee", "Rosatom chief") is
// left alone.
func tagKnownOrgs(words []string, classes []int) {
	for i := 0; i < len(words); i++ {
		if w := words[i]; w == "" || w[0] < 'A' || w[0] > 'Z' { // every listed name starts so
			continue
		}
		cands := knownOrgs[words[i]]
		if len(cands) == 0 {
			continue
		}
		end := -1
	names:
		for _, ws := range cands {
			if i+len(ws) > len(words) || i+len(ws) <= end {
				continue
			}
			for k, w := range ws[1:] {
				if !strings.EqualFold(straightQuotes(words[i+1+k]), w) {
					continue names
				}
			}
			end = i + len(ws)
		}
		if end < 0 {
			continue
		}
		// a mention that runs past the name in lower-case words only ends
		// with the name ("Kremlin spokesman" tagged as one person)
		if classes[i]%2 == 1 && end < len(words) && classes[end] != 0 && classes[end]%2 == 0 {
			k := end
			for k < len(words) && classes[k] != 0 && classes[k]%2 == 0 && isLowerWord(words[k]) {
				k++
			}
			if k == len(words) || classes[k] == 0 || classes[k]%2 == 1 {
				for j := end; j < k; j++ {
					classes[j] = 0
				}
			}
		}
		// a mention that starts before the name or runs past it stays
		if classes[i]%2 == 0 && classes[i] != 0 || end < len(words) && classes[end] != 0 && classes[end]%2 == 0 {
			i = end - 1
			continue
		}
		setSpan(classes, i, end, typOrg)
		i = end - 1
	}
}

// tagNamedOutlets tags as ORG the untagged capitalised words (up to four)
// right after an outlet noun in lower case ("state-run agency Tass").
func tagNamedOutlets(words []string, classes []int) {
	for i := 0; i+1 < len(words); i++ {
		if !outletNouns[words[i]] || classes[i] != 0 {
			continue
		}
		k := i + 1
		for k < len(words) && k-i <= 4 && classes[k] == 0 && startsUpper(words[k]) && !calendarWords[strings.ToLower(words[k])] {
			k++
		}
		if k == i+1 {
			continue
		}
		setSpan(classes, i+1, k, typOrg)
		i = k - 1
	}
}

// personTitles are the capitalised office titles after which a run of
// capitalised words the model left untagged is a person's name ("Deputy
// Minister Ri Song Chol"). Titles that also begin other names ("General
// Motors", "Prime Time", "Chief Executive") are left out.
var personTitles = map[string]bool{
	"Minister": true, "President": true, "Senator": true, "Sen.": true, "Governor": true, "Gov.": true,
	"Ambassador": true, "Chairman": true, "Chairwoman": true, "Mayor": true, "Premier": true,
	"Secretary": true, "Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Mr": true, "Mrs": true,
	"Ms": true, "Dr": true, "Rep.": true, "Spokesman": true, "Spokeswoman": true, "Spokesperson": true,
	"Adviser": true, "Advisor": true, "Commander": true, "Director": true, "Envoy": true, "Speaker": true,
	"Chancellor": true,
}

// tagTitledNames tags as a PERSON a run of up to four capitalised,
// untagged words after a person title ("Minister Pang Tu Sop") or a
// lower-case role noun ("keyboardist Butch Taylor", "spokesman Ned
// Price"), unless a word of the run is a title, an organisation word, a
// country, a demonym or a calendar word (after a role noun also a city or
// region, and the run must not run into a tagged mention), or the run goes
// on past four words. All-caps lines are left alone.
func tagTitledNames(words []string, classes []int, gaz *gazetteer.Gazetteer) {
	if isAllCaps(words) {
		return
	}
	for i := 0; i+1 < len(words); i++ {
		role := roleNouns[words[i]]
		if !personTitles[words[i]] && !role || classes[i] != 0 || classes[i+1] != 0 {
			continue
		}
		not := gazetteer.Title | gazetteer.OrgWord | gazetteer.Country | gazetteer.Demonym
		if role {
			not |= gazetteer.City | gazetteer.Region
		}
		k := i + 1
		ok := true
		for k < len(words) && k-i <= 4 && classes[k] == 0 && startsUpper(words[k]) {
			if gaz != nil && gaz.Lookup(words[k])&not != 0 || calendarWords[strings.ToLower(words[k])] {
				ok = false
				break
			}
			k++
		}
		if !ok || k == i+1 || k < len(words) && k-i > 4 && startsUpper(words[k]) {
			continue
		}
		if role && k < len(words) && classes[k] != 0 {
			continue // "priest Fr [Francisco Sousa]": the name is tagged
		}
		setSpan(classes, i+1, k, typPerson)
		i = k - 1
	}
}

// isDemonym reports whether a lower-case phrase is a nationality or a
// religious or political group word (gazetteer, extraDemonyms) and not
// also a city or region, or a hyphenated compound of nationalities
// ("franco-german", "sino-russian"; not "liberal-labour").
func isDemonym(phrase string, gaz *gazetteer.Gazetteer) bool {
	if extraDemonyms[phrase] {
		return true
	}
	// "franco-german", "sino-russian", "russian-ukrainian"
	if parts := strings.Split(phrase, "-"); len(parts) > 1 && !strings.Contains(phrase, " ") {
		for _, p := range parts[:len(parts)-1] {
			if !combiningForms[p] && !isNationality(p, gaz) {
				return false
			}
		}
		return isNationality(parts[len(parts)-1], gaz)
	}
	if gaz == nil {
		return false
	}
	c := gaz.Lookup(phrase)
	return c&(gazetteer.Demonym|gazetteer.Religion) != 0 && c&(gazetteer.City|gazetteer.Region) == 0
}

// isNationality reports whether a lower-case word is a nationality
// (gazetteer demonym or extraDemonyms), not a religious or political
// group ("Liberal-Labour" is a party).
func isNationality(w string, gaz *gazetteer.Gazetteer) bool {
	return extraDemonyms[w] || gaz != nil && gaz.Lookup(w)&gazetteer.Demonym != 0
}

// combiningForms are the first parts of compound nationality adjectives
// ("Franco-German", "Sino-Russian").
var combiningForms = map[string]bool{
	"franco": true, "sino": true, "russo": true, "anglo": true, "indo": true, "afro": true, "euro": true,
	"austro": true, "greco": true, "italo": true, "judeo": true, "serbo": true, "turko": true, "luso": true,
	"hispano": true, "nippo": true, "germano": true, "polono": true, "arabo": true, "irano": true,
}

// isEventName reports whether the words of a mention name an event by
// their head (see applyRules).
func isEventName(ws []string) bool {
	hw := ws[nameHead(ws)]
	head := strings.ToLower(straightQuotes(hw))
	switch {
	case head == "olympics" || head == "paralympics":
		return true
	case len(ws) < 2 || !eventHeads[head]:
		return false
	}
	return isLowerWord(hw) || !eventHeadsLowerOnly[head]
}

// orgHeads are the head words that make a name an organisation even when
// the model typed it a place ("Russian Embassy", "Unification Ministry",
// "United Nations"). Words that also end place names ("Union" in "Soviet
// Union", "Bank" in "West Bank", "Front", "Commonwealth", "Church") are
// left out.
var orgHeads = map[string]bool{
	"embassy": true, "embassies": true, "consulate": true, "ministry": true, "agency": true, "council": true,
	"party": true, "committee": true, "commission": true, "department": true, "bureau": true, "army": true,
	"navy": true, "police": true, "parliament": true, "assembly": true, "senate": true, "government": true,
	"cabinet": true, "administration": true, "directorate": true, "corporation": true, "company": true,
	"association": true, "federation": true, "organization": true, "organisation": true, "institute": true,
	"league": true, "alliance": true, "coalition": true, "brigade": true, "brigades": true, "battalion": true,
	"regiment": true, "authority": true, "nations": true, "duma": true, "inc.": true, "ltd": true,
}

func startsDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// stormWords open the names of storms ("Hurricane Katrina", "Typhoon
// Haiyan", "Storm Ciarán", and "Tropical Storm Bill"), which are events,
// not people or places.
var stormWords = map[string]bool{
	"Hurricane": true, "Cyclone": true, "Typhoon": true, "Storm": true, "Superstorm": true,
	"Supertyphoon": true,
}

// facilityHeads are the last words of the names of built and open
// places: squares, streets, bridges, dams, airports, launch sites, parks
// (rule 5c of applyRules). None ends a person's name; those marked true
// also end organisations' names (an airport or a stadium is also the body
// that runs it, a palace the presidency) and only turn a "person" into a
// place.
var facilityHeads = map[string]bool{
	"square": false, "street": false, "avenue": false, "boulevard": false, "road": false, "highway": false,
	"bridge": false, "dam": false, "cosmodrome": false, "spaceport": false, "crossing": false,
	"airport": true, "airfield": true, "airbase": true, "stadium": true, "arena": true, "park": true,
	"plaza": true, "palace": true, "cathedral": true, "mosque": true, "tower": true, "canal": true,
	"prison": false, "jail": false,
	// natural features ("Second Thomas Shoal" was a person); as the end
	// of a team's or body's name ("Tampa Bay") they are left alone
	"shoal": true, "reef": true, "atoll": true, "island": true, "islands": true, "islet": true,
	"strait": true, "gulf": true, "bay": true, "sea": true, "peninsula": true, "river": true,
	"lake": true, "mountain": true, "mountains": true, "desert": true, "valley": true, "cape": true,
}

// companyHeads are the last words of company and broadcaster names
// ("Cesaroni Design", "Acme Corp.", "Eberhard Faber GmbH", "Korea Radio"),
// which end no person's name; with orgHeads they make an ORG of a
// "person" (rule 5 of applyRules).
var companyHeads = map[string]bool{
	"corp": true, "corp.": true, "inc": true, "incorporated": true, "ltd.": true, "llc": true,
	"plc": true, "co.": true, "gmbh": true, "ag": true, "group": true, "design": true, "media": true,
	"holdings": true, "industries": true, "technologies": true, "systems": true, "partners": true,
	"airlines": true, "airways": true, "motors": true, "university": true, "college": true,
	"foundation": true, "fc": true, "club": true, "radio": true, "records": true, "studios": true,
	"network": true, "television": true, "tv": true, "enterprises": true, "limited": true,
	"petrochemical": true, "petroleum": true, "refinery": true, "refining": true, "shipping": true,
	"shipbuilding": true, "aerospace": true, "electronics": true, "pharmaceuticals": true, "bank": true,
}

// tagKnownPersonOpener tags as a PERSON the untagged capitalised word
// that opens a sentence when the gazetteer knows it only as a person's
// name (PETRARCH's leaders: "Lavrov", "Putin") and a verb or auxiliary
// follows it ("Lavrov is expected to travel to Pyongyang"): the model,
// which sees most sentence-initial capitals be common words, leaves such
// a name untagged when nothing else in the document names the person.
// The model also leaves the first word of a person's name untagged when
// the name opens the sentence ("Xi | Jinping met Putin"): a capitalised
// word before a PERSON mention's first word joins the name when the
// training text does not usually write it in lower case (lower, the
// model's Lower) and the gazetteer knows it as no title, place,
// nationality or organisation word. pos may be nil (the rule then does
// nothing).
func tagKnownPersonOpener(words, pos []string, classes []int, gaz *gazetteer.Gazetteer, lower map[string]bool) {
	if gaz == nil || len(pos) != len(words) || len(words) < 2 || classes[0] != 0 || !startsUpper(words[0]) || isCapsWord(words[0]) {
		return
	}
	if b := 1 + 2*typPerson; classes[1] == b {
		const notName = gazetteer.Title | gazetteer.Country | gazetteer.City | gazetteer.Region | gazetteer.Demonym | gazetteer.OrgWord | gazetteer.OrgName | gazetteer.Religion
		if w := words[0]; !lower[strings.ToLower(w)] && !greetings[w] && !strings.HasSuffix(w, ".") && startsUpper(words[1]) && gaz.Lookup(w)&notName == 0 {
			classes[0], classes[1] = b, b+1
		}
		return
	}
	if classes[1] != 0 {
		return
	}
	if pos[1] != "VERB" && pos[1] != "AUX" {
		return
	}
	if gaz.Lookup(words[0]) == gazetteer.PersonName {
		classes[0] = 1 + 2*typPerson
	}
}

// greetings open a sentence before a name without being part of it ("Hi
// David", "Dear Sara").
var greetings = map[string]bool{"Hi": true, "Hello": true, "Hey": true, "Dear": true, "Thanks": true, "Welcome": true, "Congratulations": true, "Sorry": true, "Bye": true, "Goodbye": true}

// untagArticlePersons untags a PERSON mention after "the" that modifies
// no noun (the next word's POS is not NOUN, PROPN, ADJ, NUM or PART):
// a person's name takes no article ("the Dow had fallen", "the Azna
// retreated"), though it may modify a noun after one ("the Clinton
// administration", "the Schlegel brothers"). pos may be nil (the rule then
// does nothing).
func untagArticlePersons(words, pos []string, classes []int) {
	if len(pos) != len(words) {
		return
	}
	for _, mn := range SentMentions(0, classes, nil) {
		s, e := mn.Start, mn.End
		if mn.Type != typPerson || s == 0 || words[s-1] != "the" && words[s-1] != "The" {
			continue
		}
		if e < len(words) {
			switch pos[e] {
			case "NOUN", "PROPN", "ADJ", "NUM", "PART":
				continue
			}
		}
		for k := s; k < e; k++ {
			classes[k] = 0
		}
	}
}

// roleNouns are lower-case occupations and roles that introduce a
// person's name in apposition ("actor Tyrone Power", "spokesman Ned
// Price", "drummer Shanahan").
var roleNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`actor actress singer drummer guitarist keyboardist bassist vocalist
		editor reporter journalist correspondent writer author poet novelist director producer player
		striker midfielder defender goalkeeper coach manager spokesman spokeswoman spokesperson analyst
		economist lawmaker senator governor president minister chairman chairwoman founder officer
		commander colonel lieutenant sergeant captain astronaut scientist professor teacher lawyer
		attorney judge candidate nominee challenger incumbent rapper artist painter composer
		photographer pitcher boxer wrestler leader envoy ambassador diplomat activist campaigner
		researcher businessman businesswoman billionaire tycoon entrepreneur investor banker chef
		designer architect engineer surgeon pastor cleric imam rabbi prosecutor premier mayor
		councillor congressman congresswoman comedian historian philosopher physicist filmmaker
		screenwriter playwright dancer musician pianist violinist conductor cartoonist columnist
		commentator presenter broadcaster counterpart aide adviser advisor deputy secretary resident
		citizen coordinator negotiator mediator defector dissident`) {
		m[w] = true
	}
	return m
}()

// tagSpeakerLabels tags the name in a transcript's speaker label as a
// PERSON: a sentence that opens with a title and up to three words in
// capitals, then a colon ("SECRETARY KERRY: We ...", "MR KIRBY: Thanks"),
// the name words untagged and no titles themselves.
func tagSpeakerLabels(words []string, classes []int, gaz *gazetteer.Gazetteer) {
	if gaz == nil || len(words) < 3 || !isCapsWord(words[0]) || gaz.Lookup(words[0])&gazetteer.Title == 0 {
		return
	}
	j := 1
	for j < len(words) && j <= 3 && isCapsWord(words[j]) && classes[j] == 0 && gaz.Lookup(words[j])&gazetteer.Title == 0 {
		j++
	}
	if j == 1 || j >= len(words) || words[j] != ":" {
		return
	}
	setSpan(classes, 1, j, typPerson)
}

// isCapsWord reports whether w is a word of two letters or more, all
// capitals ("KERRY", "MR"; not "U.S.").
func isCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// bareOrgNouns are generic organisation nouns that some texts capitalise
// without a name ("the Government said", "the Institute withdrew its
// funding"): alone they name no one. Nouns that are the usual short names
// of one body ("Congress", "the Senate", "the Court", "the Army") are
// left out.
var bareOrgNouns = map[string]bool{
	"government": true, "governments": true, "institute": true, "laboratory": true,
	"association": true, "centre": true, "center": true,
}

// vesselPrefixes open the names of ships ("USS Cole", "HMS Prince of
// Wales", "MV Rubymar").
var vesselPrefixes = map[string]bool{
	"USS": true, "HMS": true, "HMCS": true, "HMAS": true, "HMNZS": true, "CSS": true, "RMS": true,
	"MV": true, "M/V": true, "INS": true,
}

// isVessel reports whether the mention words[s:e] names a ship or a space
// shuttle: it opens with a vessel prefix or "Space Shuttle" and a
// capitalised word, or follows one.
func isVessel(words []string, s, e int) bool {
	shuttle := func(i int) bool { return i+1 < len(words) && words[i] == "Space" && words[i+1] == "Shuttle" }
	switch {
	case e-s >= 2 && vesselPrefixes[words[s]] && startsUpper(words[s+1]):
		return true
	case e-s >= 3 && shuttle(s):
		return true
	case s > 0 && vesselPrefixes[words[s-1]]:
		return true
	case s > 1 && shuttle(s-2):
		return true
	case s > 0 && vesselNouns[words[s-1]] && !runOrgHeads[words[e-1]]:
		return true // "the newly built destroyer Choe Hyon", "the frigate Admiral Golovko"; not "carrier Nordwind Airlines"
	case s > 1 && vesselNouns[words[s-2]] && words[s-1] == "Admiral":
		return true
	}
	return false
}

// vesselNouns name a kind of ship before its name.
var vesselNouns = map[string]bool{
	"destroyer": true, "frigate": true, "corvette": true, "cruiser": true, "warship": true, "submarine": true,
	"carrier": true, "tanker": true, "freighter": true, "vessel": true, "ship": true, "icebreaker": true,
}
