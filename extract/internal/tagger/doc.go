package tagger

import (
	"strings"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

// Mention is a tagged entity span in a sentence: words [Start, End) of
// sentence Sent, Type an index into Types, Score in [0,1].
type Mention struct {
	Sent, Start, End int
	Type             int
	Score            float32
}

// SentMentions decodes BIO classes (indices into NERClasses) into
// mentions; a mention's score is the lowest word probability in it.
func SentMentions(sent int, classes []int, prob []float32) []Mention {
	var out []Mention
	for i := 0; i < len(classes); i++ {
		c := classes[i]
		if c == 0 {
			continue
		}
		typ := (c - 1) / 2
		j := i + 1
		for j < len(classes) && classes[j] == 2+2*typ {
			j++
		}
		score := float32(1)
		if prob != nil {
			for k := i; k < j; k++ {
				score = min(score, prob[k])
			}
		}
		out = append(out, Mention{sent, i, j, typ, score})
		i = j - 1
	}
	return out
}

// DocResult is the NER output for one document.
type DocResult struct {
	Classes [][]int     // per sentence, per word: index into NERClasses
	Prob    [][]float32 // per sentence, per word
}

// TagDoc tags every sentence of a document and then makes the document
// consistent:
//
//  1. every mention of the same words gets the type with the highest total
//     score over the document;
//  2. words left untagged that spell a confidently tagged name (score >=
//     0.8, or a capitalised event name such as "Korean War"), or the surname of a tagged multi-word PERSON, are tagged too
//     (score halved), so a headline or a later "Shoigu" gets the type the
//     body gave "Sergei Shoigu"; such a name may swallow the whole
//     mentions it covers ("Korean" then untagged "War" become "Korean
//     War" when the document knows that name), never cut one.
//
// Title-case headlines are tagged in a case-normalised view (CaseView), so
// that "Shoigu Commends North Korea" is read as "Shoigu commends North
// Korea"; all-caps lines are truecased when features are computed, and in
// step 2 they match the body's names whatever their case ("SHOIGU"). Last,
// the rules of applyRules correct types and spans (named events, storms,
// demonyms, trailing common nouns, company names), tagCountryAcronyms
// tags "the UAE", tagNationalities "Iranian" before a title,
// retypeConjoinedPersons "Trump and Zelenskiy",
// untagArticlePersons drops "persons" after "the" ("the
// Dow had fallen"), and tagKnownPersonOpener tags a known surname that
// opens a sentence before its verb ("Lavrov is expected to travel").
// Before step 1, tagKnownNames tags what the model left untagged of a
// known city, country or organisation and "the city of Sumy", so that
// the steps spread those names too.
func (m *Model) TagDoc(words, pos [][]string, gaz *gazetteer.Gazetteer) DocResult {
	res := DocResult{Classes: make([][]int, len(words)), Prob: make([][]float32, len(words))}
	words = m.CaseView(words, gaz)
	defer func() {
		for s := range words {
			applyRules(words[s], res.Classes[s], gaz)
			tagCountryAcronyms(words[s], res.Classes[s], gaz, m.Lower)
			tagNationalities(words[s], res.Classes[s], gaz)
			retypeConjoinedPersons(words[s], res.Classes[s], gaz)
			untagArticlePersons(words[s], pos[s], res.Classes[s])
			tagKnownPersonOpener(words[s], pos[s], res.Classes[s], gaz, m.Lower)
		}
	}()
	var ms []Mention
	sure := map[string]bool{} // names what is said of them makes organisations (markCuedOrgs)
	for s := range words {
		res.Classes[s] = make([]int, len(words[s]))
		res.Prob[s] = make([]float32, len(words[s]))
		m.TagNER(words[s], pos[s], gaz, res.Classes[s], res.Prob[s])
		m.tagKnownNames(words[s], res.Classes[s], res.Prob[s], gaz)
		markCuedOrgs(words[s], res.Classes[s], res.Prob[s], gaz, sure)
		ms = append(ms, SentMentions(s, res.Classes[s], res.Prob[s])...)
	}
	if len(ms) == 0 {
		return res
	}
	key := func(mn Mention) string { return strings.Join(words[mn.Sent][mn.Start:mn.End], " ") }
	votes := map[string][]float32{}
	for _, mn := range ms {
		k := key(mn)
		if votes[k] == nil {
			votes[k] = make([]float32, len(Types))
		}
		votes[k][mn.Type] += mn.Score
	}
	set := func(mn Mention, typ int, score float32) {
		setSpan(res.Classes[mn.Sent], mn.Start, mn.End, typ)
		for i, p := mn.Start, res.Prob[mn.Sent]; i < mn.End; i++ {
			p[i] = score
		}
	}
	// 1. majority type per surface form (an organisation by its cues
	// wins: "the Mercosur trade bloc" makes every "Mercosur" one)
	for k := range sure {
		if v := votes[k]; v != nil {
			v[typOrg] += 100
		}
	}
	for _, mn := range ms {
		v := votes[key(mn)]
		best := mn.Type
		for t := range v {
			if v[t] > v[best] {
				best = t
			}
		}
		if best != mn.Type {
			set(mn, best, mn.Score)
		}
	}
	// 2. propagate confident names to untagged occurrences
	type known struct {
		typ   int
		score float32
	}
	names := map[string]known{}
	folded := map[string]known{} // names in lower case, for all-caps lines
	maxLen := 0
	addName := func(k string, typ int, score float32, n int) {
		if old, ok := names[k]; ok && old.score >= score {
			return
		}
		names[k] = known{typ, score}
		if old, ok := folded[strings.ToLower(k)]; !ok || old.score < score {
			folded[strings.ToLower(k)] = known{typ, score}
		}
		maxLen = max(maxLen, n)
	}
	person := 0
	for _, mn := range ms {
		v := votes[key(mn)]
		typ := 0
		for t := range v {
			if v[t] > v[typ] {
				typ = t
			}
		}
		ws := words[mn.Sent][mn.Start:mn.End]
		if !startsUpper(ws[0]) {
			continue
		}
		if isProperEventName(ws) { // "Korean War": a name by rule
			addName(key(mn), typEvent, max(mn.Score, 0.8), len(ws))
			continue
		}
		score := mn.Score
		if sure[key(mn)] {
			score = max(score, 0.9)
		}
		if Types[typ] == Types[person] && gaz != nil {
			// A person the gazetteer knows by the mention's full name
			// (after any title, or with the capitalised word before a
			// sentence-initial mention that the model left out: "Xi |
			// Jinping", which tagKnownPersonOpener joins later) is sure,
			// and so is the family name that comes first ("Xi", whom the
			// model tags with little confidence at a sentence's start).
			ws := words[mn.Sent]
			k := mn.Start
			for k < mn.End-2 && gaz.Lookup(ws[k])&gazetteer.Title != 0 {
				k++
			}
			if k == mn.Start && k > 0 && startsUpper(ws[k-1]) && gaz.Lookup(strings.Join(ws[k-1:mn.End], " "))&gazetteer.PersonName != 0 {
				k--
			}
			if mn.End-k >= 2 && gaz.Lookup(strings.Join(ws[k:mn.End], " "))&gazetteer.PersonName != 0 {
				score = max(score, 0.9)
				if first := ws[k]; len(first) >= 2 && (m.Lower == nil || !m.Lower[strings.ToLower(first)]) {
					addName(first, typ, 0.8, 1)
				}
			}
		}
		if score < 0.8 {
			continue
		}
		addName(key(mn), typ, score, mn.End-mn.Start)
		if Types[typ] == Types[person] && mn.End-mn.Start >= 2 {
			last := words[mn.Sent][mn.End-1]
			if startsUpper(last) && len(last) > 2 && (m.Lower == nil || !m.Lower[strings.ToLower(last)]) {
				addName(last, typ, score*0.9, 1)
			}
		}
	}
	for s, ws := range words {
		c := res.Classes[s]
		caps := isAllCaps(ws)
		for i := 0; i < len(ws); i++ {
			if (c[i] != 0 && c[i]%2 == 0) || !startsUpper(ws[i]) {
				continue // inside a mention, or not a name
			}
			for n := min(maxLen, len(ws)-i); n >= 1; n-- {
				// The span may cover whole mentions (a longer known name
				// wins: "Korean" + "War anniversary" -> "Korean War"), but
				// must not cut one, and must add at least one word.
				untagged := 0
				for k := i; k < i+n; k++ {
					if c[k] == 0 {
						untagged++
					}
				}
				if untagged == 0 || (i+n < len(ws) && c[i+n]%2 == 0 && c[i+n] != 0) {
					continue
				}
				kn, ok := names[strings.Join(ws[i:i+n], " ")]
				if !ok && caps { // "SHOIGU" in a shouted headline is the body's "Shoigu"
					kn, ok = folded[strings.ToLower(strings.Join(ws[i:i+n], " "))]
				}
				if !ok {
					continue
				}
				set(Mention{s, i, i + n, kn.typ, 0}, kn.typ, kn.score/2)
				i += n - 1
				break
			}
		}
	}
	return res
}

// CaseView returns words with every title-case headline (isHeadlineCase)
// replaced by its case-normalised view (headlineView), judged against how
// the rest of the document writes each word. Other sentences are shared,
// not copied; all-caps lines are left as they are, for the model's own
// all-caps features (and TagDoc matches them to the body's names without
// regard to case). Tag POS on the view too: TagDoc computes it itself.
func (m *Model) CaseView(words [][]string, gaz *gazetteer.Gazetteer) [][]string {
	if m.Lower == nil {
		return words
	}
	head := make([]bool, len(words))
	any := false
	for s, ws := range words {
		head[s] = titleShaped(ws) && !isAllCaps(ws)
		any = any || head[s]
	}
	if !any {
		return words
	}
	body := bodyCase(words, head)
	any = false
	for s, ws := range words {
		head[s] = head[s] && isHeadlineCase(ws, m.Lower, body)
		any = any || head[s]
	}
	if !any {
		return words
	}
	out := make([][]string, len(words))
	for s, ws := range words {
		out[s] = ws
		if head[s] {
			out[s] = headlineView(ws, body, m.Lower, gaz)
		}
	}
	return out
}

// tagKnownNames tags the names the model left untagged that the
// gazetteer or their context name surely (tagGazetteerPlaces,
// tagGazetteerOrgs, tagSettlementNames), with probability 0.9, before
// the document's consistency steps, so that their other mentions get
// their type too ("Russian strike on Sumy" in a headline, "the city of
// Sumy" in the body).
func (m *Model) tagKnownNames(words []string, classes []int, prob []float32, gaz *gazetteer.Gazetteer) {
	tagGazetteerPlaces(words, classes, prob, gaz, m.Lower)
	tagGazetteerPhrasePlaces(words, classes, prob, gaz)
	tagGazetteerOrgs(words, classes, prob, gaz)
	tagSettlementNames(words, classes, prob)
}
