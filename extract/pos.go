package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/tagger"
)

// tagPOS fills Token.Tag (UPOS) and Token.XPOS (Penn) sentence by
// sentence with kgx's averaged-perceptron tagger (trained on UD
// English-EWT and GUM; see extract/models). Title-case headlines and
// all-caps lines are tagged in their case-normalised view, as the
// recogniser reads them (tagger.Model.CaseView), and some of the
// tagger's misreadings of news are mended (posClasses).
func (e *Extractor) tagPOS(doc *Document) {
	for i, classes := range e.m.posClasses(e.caseView(doc)) {
		e.m.setTags(doc, doc.Sentences[i], classes)
	}
}

// caseView returns the words of doc's sentences in their case view
// (tagger.Model.CaseView), as the taggers read them.
func (e *Extractor) caseView(doc *Document) [][]string {
	all := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		all[i] = sentenceWords(doc, s)
	}
	return e.m.ner.CaseView(all, e.m.gaz)
}

// setTags fills Token.Tag and Token.XPOS of sentence s from its POS
// classes.
func (m *models) setTags(doc *Document, s Sentence, classes []int) {
	for k, c := range classes {
		t := &doc.Tokens[s.First+k]
		t.Tag, t.XPOS = tagger.SplitPOS(m.pos.Classes[c])
	}
}

// retagNames tags again, after the recogniser, each sentence in which a
// one-word name of a person, organisation or place starts with a capital
// letter but was not tagged a proper noun, with those words fixed as
// proper nouns: "Zelenskiy called on the United States", tagged NN VBN,
// was parsed as a Zelenskiy who is called. (Longer names reach the
// parser as one word; re-tagging their words too changed as many
// relations for the worse as for the better.) The recogniser's own
// features keep the first tags.
func (e *Extractor) retagNames(doc *Document) {
	if e.m.propn < 0 {
		return
	}
	var all [][]string // the case view, built on first need
	var fixed, out []int
	mi := 0
	for si, s := range doc.Sentences {
		fixed = fixed[:0]
		for ; mi < len(doc.Mentions) && doc.Mentions[mi].First < s.End; mi++ {
			m := doc.Mentions[mi]
			switch m.Type {
			case Person, Org, GPE, Loc, Fac:
			default:
				continue
			}
			if m.End-m.First != 1 || m.First < s.First {
				continue // a longer name reaches the parser as one word (parse)
			}
			tk := doc.Tokens[m.First]
			if startsUpperWord(doc.Slice(tk.Span)) && tk.Tag != "PROPN" {
				for len(fixed) <= m.First-s.First {
					fixed = append(fixed, -1)
				}
				fixed[m.First-s.First] = e.m.propn
			}
		}
		if len(fixed) == 0 {
			continue
		}
		if all == nil {
			all = e.caseView(doc)
		}
		out = append(out[:0], make([]int, s.End-s.First)...)
		e.m.pos.TagPOSFixed(all[si], fixed, out)
		e.m.setTags(doc, s, out)
	}
}

// posClasses tags the sentences of one document, in their case view
// (tagger.Model.CaseView), with POS classes (indices into m.pos.Classes).
// A sentence's first word that is a name (openingName, openingPerson, an
// honorific before a capital) is a proper noun. A sentence is tagged
// again, with these words fixed, when the first tagging has
//   - a lower-case word of four letters or more tagged a proper noun, in a
//     sentence that opens with a capital: a common noun ("Myanmar junta
//     chief"), unless a name particle ("bin"), a day or month, or a
//     gazetteer place;
//   - a lower-case word in -s tagged a plural proper noun after a proper
//     noun: a verb (a headline's "Kim Jong Un tours Russian warship");
//   - a past tense in -ed between a determiner or numeral and a noun: a
//     participle ("six detained Americans");
//   - a finite verb tagged a participle (finiteVerbs).
func (m *models) posClasses(view [][]string) [][]int {
	out := make([][]int, len(view))
	var fixed []int
	for i, words := range view {
		out[i] = make([]int, len(words))
		fixed = fixed[:0]
		if len(words) > 1 && m.propn >= 0 && (m.openingName(words[0]) || honorifics[words[0]] && startsUpperWord(words[1])) {
			fixed = append(fixed, m.propn)
		} else if len(words) > 2 && m.propn >= 0 && (m.openingPerson(words[0], words[1]) || m.openingAppositive(words)) {
			fixed = append(fixed, m.propn, m.propn)
		}
		m.pos.TagPOSFixed(words, fixed, out[i])
		if m.vbd < 0 || m.vbn < 0 || m.nn < 0 {
			continue
		}
		again := false
		fix := func(k, c int) {
			for len(fixed) <= k {
				fixed = append(fixed, -1)
			}
			fixed[k], again = c, true
		}
		classes := out[i]
		for k := 1; k < len(words); k++ {
			switch w := words[k]; m.xpos[classes[k]] {
			case "NNP":
				if len(w) >= 4 && isLowerAlpha(w) && startsUpperWord(words[0]) && !nameParticles[w] && !calendarNames[w] &&
					m.gaz.Lookup(w)&gazetteer.Place == 0 {
					fix(k, m.nn)
				}
			case "NNPS":
				// "Kim Jong Un tours Russian warship": a lower-case word in
				// -s after a name, read as a proper noun in a headline, is
				// its verb
				if m.vbz >= 0 && isLowerAlpha(w) && strings.HasSuffix(w, "s") && m.xpos[classes[k-1]] == "NNP" {
					fix(k, m.vbz)
				}
			case "VBD":
				if k+1 < len(words) && strings.HasSuffix(w, "ed") {
					switch m.xpos[classes[k-1]] {
					case "DT", "CD", "PRP$":
						switch m.xpos[classes[k+1]] {
						case "NN", "NNS", "NNPS":
							fix(k, m.vbn)
						}
					}
				}
			}
		}
		for _, k := range m.finiteVerbs(words, classes) {
			fix(k, m.vbd)
		}
		if again {
			m.pos.TagPOSFixed(words, fixed, out[i])
		}
	}
	return out
}

// finiteVerbs returns the words of a sentence tagged with classes that
// are finite verbs although tagged past participles:
//   - a participle after a noun with an object after it (a determiner,
//     a plural or proper noun, a number or a possessive), with no finite
//     verb or auxiliary before it ("Israeli jets struck targets in
//     Beirut"; a reduced relative takes no object, but for the
//     participles that take two, doubleObjectParticiples);
//   - a participle in -ed right after a subject pronoun ("The United
//     States said it supported ...": "it" cannot take a participle with
//     no auxiliary), unless a causative verb comes before ("had it
//     fixed");
//   - in a sentence of four words or more, ending in a full stop (not a
//     headline: "Delhi blast suspect arrested"), with no finite verb,
//     modal or opening imperative, the first participle in -ed after a
//     noun or pronoun, with no "by" in the five words after it (a
//     passive: "Polaroids donated to USI by the Foundation") ("Georgian
//     police detained opposition leader Nika Gvaramia", "both sides
//     accused each other": the tagger read a participle, the parser a
//     noun phrase with no clause).
func (m *models) finiteVerbs(words []string, classes []int) []int {
	var out []int
	finite, cand, aux := false, -1, false
	for k, c := range classes {
		switch m.xpos[c] {
		case "VBD", "VBZ", "VBP", "MD":
			finite = true
		case "VB":
			finite = finite || k == 0 // an imperative: "Use the form attached"
		}
		if m.aux[c] {
			aux = true
		}
		switch m.xpos[c] {
		case "VBN":
			if !finite && !aux && k > 0 && k+1 < len(words) && !doubleObjectParticiples[strings.ToLower(words[k])] {
				// "Israeli jets struck targets in Beirut": a participle
				// with an object after the sentence's first noun, no
				// finite verb or auxiliary before it, is the finite verb
				// (a reduced relative, "the targets struck by jets",
				// takes no object)
				prev, next := m.xpos[classes[k-1]], m.xpos[classes[k+1]]
				if (prev == "NN" || prev == "NNS" || prev == "NNP" || prev == "NNPS") && (next == "DT" || next == "NNS" || next == "NNP" || next == "NNPS" || next == "CD" || next == "PRP$") {
					out = append(out, k)
					finite = true
					continue
				}
			}
			if k == 0 || !strings.HasSuffix(words[k], "ed") {
				continue
			}
			if subjectPronouns[strings.ToLower(words[k-1])] && (k < 2 || !causatives[strings.ToLower(words[k-2])]) {
				out = append(out, k)
				continue
			}
			if cand >= 0 || slices.Contains(words[k+1:min(k+6, len(words))], "by") {
				continue
			}
			switch m.xpos[classes[k-1]] {
			case "NN", "NNS", "NNP", "NNPS", "PRP":
				cand = k
			}
		}
	}
	if !finite && len(words) >= 4 && words[len(words)-1] == "." && cand >= 0 && !slices.Contains(out, cand) {
		out = append(out, cand)
	}
	return out
}

// doubleObjectParticiples take an object in a reduced relative as well
// ("the aid given Ukraine", "the officials shown the site").
var doubleObjectParticiples = map[string]bool{
	"given": true, "granted": true, "shown": true, "told": true, "awarded": true, "offered": true,
	"handed": true, "paid": true, "sent": true, "promised": true, "denied": true, "allowed": true,
}

// honorifics open KCNA's titles: "Respected Comrade Kim Jong Un" (read
// as a participle, "Respected" became the sentence's root).
var honorifics = map[string]bool{"Respected": true, "Beloved": true}

// subjectPronouns take a finite verb, never a bare participle, unless
// a causative verb makes the pronoun its object ("had it fixed").
var subjectPronouns = map[string]bool{"i": true, "he": true, "she": true, "it": true, "we": true, "they": true}

var causatives = map[string]bool{"had": true, "have": true, "has": true, "having": true, "get": true, "got": true, "gets": true}

// openingName reports whether w, the first word of a sentence, is a name
// although its capital letter says nothing there. The POS tagger, trained
// on web text full of imperatives, took such words for verbs ("Moscow
// denies", "Beijing said" as VB and VBG). w must be capitalised, not in
// capitals only, never written in lower case in the NER training text
// (not "Check" or "Will"), and known to the gazetteer as a country, city,
// region or organisation, and not as a nationality ("American"). Tried
// and dropped: words the document capitalises elsewhere ("Oh" and "Atoms"
// became persons), and persons' names, which the recogniser then took for
// places ("Lavrov is expected to travel"; tagger.tagKnownPersonOpener
// finds them when they are left untagged).
func (m *models) openingName(w string) bool {
	if !m.nameShaped(w) {
		return false
	}
	c := m.gaz.Lookup(w)
	return c&gazetteer.Demonym == 0 && c&(gazetteer.Place|gazetteer.OrgName) != 0
}

// nameShaped reports whether w could be a name whatever its place in the
// sentence: capitalised, longer than a letter, not in capitals only, and
// never written in lower case in the NER training text ("Check", "Will").
func (m *models) nameShaped(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && size < len(w) && strings.ToUpper(w) != w && !m.ner.Lower[strings.ToLower(w)]
}

// openingPerson reports whether w, v, the first two words of a sentence,
// are a person's given name and another name ("Amos Hochstein, the U.S.
// envoy, negotiated ..." had "Amos" tagged a preposition): w a gazetteer
// given name, both capitalised, not in capitals only, and never written
// in lower case in the NER training text ("Will", "May").
func (m *models) openingPerson(w, v string) bool {
	return m.nameShaped(w) && m.nameShaped(v) && m.gaz.Lookup(w)&gazetteer.GivenName != 0 && m.gaz.Lookup(v)&(gazetteer.Title|gazetteer.Country|gazetteer.City|gazetteer.Demonym|gazetteer.OrgWord) == 0
}

// openingAppositive reports whether a sentence opens with two names and
// an apposition ("Arvind Menon, a senior fellow at ..., said" had
// "Arvind", which the gazetteer does not know, tagged a preposition):
// both name-shaped (nameShaped), neither a title, place, nationality or
// organisation word, then a comma and "a", "an" or "the".
func (m *models) openingAppositive(words []string) bool {
	if len(words) < 5 || words[2] != "," || !m.nameShaped(words[0]) || !m.nameShaped(words[1]) {
		return false
	}
	switch words[3] {
	case "a", "an", "the":
	default:
		return false
	}
	const not = gazetteer.Title | gazetteer.Place | gazetteer.Demonym | gazetteer.OrgWord | gazetteer.OrgName
	return m.gaz.Lookup(words[0])&not == 0 && m.gaz.Lookup(words[1])&not == 0
}

// sentenceWords returns the words of sentence s as the models read them:
// the tokens' text, with the plus of a name in capitals left out ("OPEC+"
// is read as "OPEC", which the models know; the mention keeps the plus).
func sentenceWords(doc *Document, s Sentence) []string {
	words := make([]string, 0, s.End-s.First)
	for _, t := range doc.Tokens[s.First:s.End] {
		w := doc.Slice(t.Span)
		if len(w) > 2 && w[len(w)-1] == '+' && w[0] >= 'A' && w[0] <= 'Z' {
			w = w[:len(w)-1]
		}
		words = append(words, w)
	}
	return words
}

// isLowerAlpha reports whether w is ASCII letters in lower case only.
func isLowerAlpha(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// startsUpperWord reports whether w starts with an upper-case letter.
func startsUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameParticles are the lower-case words inside names ("Osama bin
// Laden", "al-Qaeda" split, "Ludwig van Beethoven").
var nameParticles = map[string]bool{
	"bint": true, "ibn": true, "abou": true, "della": true, "degli": true, "dos": true, "das": true,
	"von": true, "van": true, "der": true, "den": true, "ter": true, "bin": true, "al": true, "el": true,
}

// calendarNames are days and months, which web text writes in lower case
// and the tagger still reads as proper nouns.
var calendarNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}
