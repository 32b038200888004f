package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kgx-project/kgx/extract/internal/alias"
	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/tagger"
)

// Rules that link an alias to a document entity (Alias.Rule). graph adds
// its own rules for links across documents.
const (
	RuleSpelling         = "spelling"       // same key, written differently ("Kim Jong-un" for "Kim Jong Un")
	RuleSurname          = "surname"        // a family name alone, after or before the full name in the document
	RuleGivenName        = "given name"     // a given name alone ("Ethan" for "Ethan Kim")
	RulePartial          = "partial name"   // a longer part of the full name ("Jong-un")
	RuleMiddleName       = "middle name"    // the full name without a middle name ("Brock Holt" for "Brock Wyatt Holt")
	RuleShortName        = "short name"     // the first or last words of an organisation's name ("Harvard"), or a country's ("the North" for North Korea)
	RuleTitle            = "title"          // a title alone ("the President") for the one person with that role
	RuleAcronym          = "acronym"        // defined in the text: "Korean Central News Agency (KCNA)"
	RuleInitials         = "initials"       // the initials of one organisation in the document ("WFP")
	RuleCountry          = "country name"   // a country's common, official or alternate name (gazetteer)
	RuleDemonym          = "demonym"        // a nationality word linked to its country ("North Korean")
	RuleTypeVote         = "same name"      // the same name tagged with another type in the document
	RuleCountryQualifier = "country's body" // a body many countries have, named without its country ("Foreign Ministry" for "South Korean Foreign Ministry")
	RuleInverted         = "inverted"       // an organisation's name with its of-phrase first ("WPK Central Committee" for "Central Committee of the WPK"), or without a "the"
)

// resolve groups doc.Mentions into document entities (doc.Entities) and
// sets each mention's Entity. In order:
//
//   - a possessive inside a mention splits it in two ("Russia’s
//     Ukraine");
//   - an acronym defined in the text, "Korean Central News Agency (KCNA)",
//     makes the long form one ORG mention (replacing the fragments a tagger
//     may have found inside it) and links every later "KCNA" to it;
//   - an all-capital name spelling the initials of exactly one
//     multi-word organisation in the document ("WFP" after "World Food
//     Programme", "UN" after "United Nations") joins it;
//   - titles and roles of a person, inside the mention ("President
//     Vladimir Putin", "NASA Administrator Charles Bolden"), just before it
//     ("Russian Security Council chief Sergei Shoigu") or in an apposition
//     (", the Russian defense minister,"), become the entity's Roles; a
//     title alone ("the President") joins the one person with that role
//     as a mention, never as an alias, or names nothing; trailing
//     possessives are dropped;
//   - a country's common, official or alternate name ("DPRK", "U.S.")
//     becomes the country's common name; a demonym ("North Korean") links
//     the mention, which keeps its NORP type, to its country; a capital is
//     a place of its own ("Pyongyang" is not North Korea); a compound of
//     countries ("DPRK-Russia") names no single entity and is left unlinked;
//   - a part of a person's full name ("Shoigu", "Kim", "Jong-un", "Ethan",
//     "Brock Holt" for "Brock Wyatt Holt") joins that person only when
//     exactly one full name in the document contains it; otherwise it
//     stays an entity of its own; likewise the first or last words of an
//     organisation's or event's name ("Harvard", "Scientology");
//   - the same name tagged with different types becomes one entity of the
//     majority type.
//
// Every alias records the rule that linked it.
func (e *Extractor) resolve(doc *Document) {
	splitPossessives(doc)
	acr := defineAcronyms(doc)
	infos := make([]mentionInfo, len(doc.Mentions))
	for mi := range doc.Mentions {
		infos[mi] = describe(doc, &doc.Mentions[mi])
	}
	linkAcronyms(infos, acr)
	linkInitials(infos)
	linkCompassNames(doc, infos)
	linkInvertedNames(infos)
	linkNameParts(infos)
	linkTitles(infos)
	voteTypes(infos)

	byKey := map[string]int{}
	for mi := range doc.Mentions {
		in := &infos[mi]
		if in.skip {
			continue
		}
		ei, ok := byKey[in.key]
		if !ok {
			ei = len(doc.Entities)
			byKey[in.key] = ei
			doc.Entities = append(doc.Entities, Entity{Key: in.key, Name: in.canon})
		}
		ent := &doc.Entities[ei]
		if in.name != ent.Name && !in.title { // a title is a role, never an alias
			rule := in.rule
			if rule == "" {
				rule = RuleSpelling
			}
			addAlias(ent, in.name, rule)
		}
		for _, r := range in.roles {
			addRole(ent, r)
		}
		doc.Mentions[mi].Entity = ei
		ent.Mentions = append(ent.Mentions, mi)
	}
	for ei := range doc.Entities {
		doc.Entities[ei].Type = majorityType(doc.Entities[ei].Mentions, infos)
		unshout(&doc.Entities[ei])
	}
	qualifyGenericOrgs(doc)
}

// andCountry returns the index of an "and" among tokens [first, k) of a
// mention that only a country's name follows up to k ("Malian Armed
// Forces and Russia" before "'s Africa Corps"), or -1.
func andCountry(doc *Document, first, k int) int {
	for a := k - 2; a > first; a-- {
		if doc.Slice(doc.Tokens[a].Span) != "and" {
			continue
		}
		e, ok := alias.Lookup(doc.Text[doc.Tokens[a+1].Start:doc.Tokens[k-1].End])
		if ok && e.Kind != alias.Demonym && e.Kind != alias.Capital {
			return a
		}
		return -1
	}
	return -1
}

// genericOrgWords make up the names that many countries' bodies share
// ("Foreign Ministry", "Joint Chiefs of Staff", "National Assembly");
// genericOrgHeads are the ones such a name must have.
var (
	genericOrgWords = map[string]bool{
		"foreign": true, "defence": true, "defense": true, "interior": true, "justice": true, "finance": true,
		"affairs": true, "of": true, "the": true, "for": true, "and": true, "national": true, "state": true,
		"security": true, "presidential": true, "joint": true, "chiefs": true, "central": true, "supreme": true,
		"constitutional": true, "air": true, "coast": true, "general": true, "trade": true,
		"economy": true, "energy": true, "health": true, "education": true, "unification": true, "home": true,
		"armed": true, "military": true, "election": true, "public": true, "prosecutors": true, "prosecutor's": true,
		"emergency": true, "emergencies": true, "situations": true, "industry": true, "transport": true,
	}
	genericOrgHeads = map[string]bool{
		"ministry": true, "office": true, "council": true, "court": true, "bank": true, "army": true, "navy": true,
		"force": true, "forces": true, "guard": true, "parliament": true, "assembly": true, "department": true,
		"service": true, "committee": true, "police": true, "government": true, "cabinet": true, "embassy": true,
		"commission": true, "agency": true, "staff": true, "ministries": true,
	}
)

// qualifyGenericOrgs names an organisation whose name many countries'
// bodies share ("Foreign Ministry", "Joint Chiefs of Staff") after the
// country the document ties it to, by a possessive ("South Korea's
// Foreign Ministry") or a nationality before it ("the Japanese Defence
// Ministry" tagged as two names): "South Korean Foreign Ministry", with
// the bare name as an alias. Across documents the graph then keeps each
// country's ministry apart instead of merging them all into one. A name
// the document ties to no country, or to two, is left as it is.
func qualifyGenericOrgs(doc *Document) {
	for ei := range doc.Entities {
		e := &doc.Entities[ei]
		if e.Type != Org || !isGenericOrg(e.Name) {
			continue
		}
		country := ""
		for _, mi := range e.Mentions {
			c := mentionCountry(doc, mi)
			if c == "" {
				continue
			}
			if country != "" && c != country {
				country = "-"
				break
			}
			country = c
		}
		dem := alias.DemonymOf(country)
		if country == "" || country == "-" || dem == "" {
			continue
		}
		addAlias(e, e.Name, RuleCountryQualifier)
		e.Name = dem + " " + e.Name
		e.Key = Key(Org, e.Name)
	}
}

// isGenericOrg reports whether every word of an organisation's name is a
// generic one, with an organisation's head among them (genericOrgWords).
func isGenericOrg(name string) bool {
	head := false
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch {
		case genericOrgHeads[w]:
			head = true
		case !genericOrgWords[w]:
			return false
		}
	}
	return head
}

// mentionCountry returns the country that the words just before mention
// mi tie it to: a country's name and a possessive ("South Korea's"), or
// an adjacent nationality ("Japanese"); "" if none.
func mentionCountry(doc *Document, mi int) string {
	m := doc.Mentions[mi]
	for pi := mi - 1; pi >= 0 && pi >= mi-2; pi-- {
		p := doc.Mentions[pi]
		if p.Entity < 0 {
			continue
		}
		name := doc.Entities[p.Entity].Name
		switch {
		case p.End == m.First && p.Type == NORP:
			if a, ok := alias.Lookup(doc.Slice(p.Span)); ok && a.Kind == alias.Demonym {
				return a.Country
			}
		case p.End+1 == m.First && (doc.Slice(doc.Tokens[p.End].Span) == "'s" || doc.Slice(doc.Tokens[p.End].Span) == "’s") && doc.Entities[p.Entity].Type == GPE:
			if a, ok := alias.Lookup(name); ok && a.Kind != alias.Capital && a.Kind != alias.Demonym {
				return a.Country
			}
		}
	}
	return ""
}

// unshout names an entity first met in capitals (a dateline's "MOSCOW",
// a transcript's "KERRY") by its spelling in lower case letters when the
// document has one ("Moscow"), which becomes the name and the capitals
// an alias. An organisation's one-word name in capitals stays: it is
// usually an acronym, whatever another spelling says ("NATO", "Nato").
func unshout(e *Entity) {
	if !shouted(e.Name) || e.Type == Org && !strings.Contains(e.Name, " ") {
		return
	}
	for i, a := range e.Aliases {
		if !shouted(a.Name) && Fold(a.Name) == Fold(e.Name) {
			e.Name, e.Aliases[i].Name = a.Name, e.Name
			return
		}
	}
}

// Resolve runs the entity resolution stage alone on a document whose
// Tokens, Sentences and Mentions are filled, by Extract or by a caller
// with its own mentions (an evaluation on gold mentions); it replaces any
// earlier Entities. Relations, which point at entities, are cleared.
func Resolve(doc *Document) {
	doc.Entities, doc.Relations, doc.CoMentions = nil, nil, nil
	for i := range doc.Mentions {
		doc.Mentions[i].Entity = -1
	}
	(&Extractor{}).resolve(doc)
}

// mentionInfo is what resolve learns about one mention before grouping.
type mentionInfo struct {
	name   string     // the name as written, titles and possessive removed
	canon  string     // the entity's display name (a country's common name)
	key    string     // the document entity key
	typ    EntityType // the type the mention lends its entity
	class  string     // Class(typ)
	words  []string   // Fold(name) split into words
	roles  []string   // titles and roles
	rule   string     // how the mention links to canon, if not by its own name
	gaz    bool       // the name is in the country table
	joined bool       // linked to another name by a rule
	skip   bool       // names no single entity
	title  bool       // a person mention that is only a title ("President")
}

func describe(doc *Document, m *Mention) mentionInfo {
	name, role := mentionName(doc, m)
	in := mentionInfo{name: name, canon: name, typ: m.Type}
	if name == "" {
		in.skip = true
		return in
	}
	if role != "" {
		in.roles = append(in.roles, role)
	}
	if compoundOfCountries(name) {
		in.skip = true
		return in
	}
	if a, ok := alias.Lookup(name); ok {
		in.gaz = true
		switch a.Kind {
		case alias.Capital:
			in.typ = GPE
		case alias.Demonym:
			in.canon, in.typ, in.rule = a.Country, GPE, RuleDemonym
		default:
			in.canon, in.typ = a.Country, GPE
			if Fold(name) != Fold(a.Country) {
				in.rule = RuleCountry
			}
		}
	}
	if in.typ == Person && !in.gaz {
		if r := contextRole(doc, m); r != "" {
			in.roles = append(in.roles, r)
		}
		if r := appositiveRole(doc, m); r != "" {
			in.roles = append(in.roles, r)
		}
	}
	in.setKey(in.typ, in.canon)
	in.words = strings.Fields(Fold(in.name))
	if in.typ == Person && !in.gaz {
		in.title = true
		for _, w := range strings.Fields(strings.ToLower(in.name)) {
			if !titles[w] && !titles[w+"."] {
				in.title = false
			}
		}
		if in.title && role != "" { // "State Security Minister": the whole is the role
			in.roles = []string{role + " " + strings.ToLower(in.name)}
		}
	}
	return in
}

// linkTitles links a person mention that is only a title ("President")
// to the one person in the document with a role ending in that title;
// otherwise the mention names no entity.
func linkTitles(infos []mentionInfo) {
	roles := map[string][]string{} // person key -> roles
	var keys []string
	for _, in := range infos {
		if in.skip || in.title || in.class != "PERSON" {
			continue
		}
		if _, ok := roles[in.key]; !ok {
			keys = append(keys, in.key)
		}
		roles[in.key] = append(roles[in.key], in.roles...)
	}
	for i := range infos {
		in := &infos[i]
		if !in.title || in.skip {
			continue
		}
		t := strings.ToLower(in.name)
		found := -1
		for k, key := range keys {
			if slices.ContainsFunc(roles[key], func(r string) bool { return r == t || strings.HasSuffix(r, " "+t) }) {
				if found >= 0 {
					found = -2
					break
				}
				found = k
			}
		}
		if found < 0 {
			in.skip = true
			continue
		}
		for _, x := range infos {
			if x.key == keys[found] && !x.title {
				in.setKey(x.typ, x.canon)
				break
			}
		}
		in.rule, in.joined = RuleTitle, true
	}
}

func (in *mentionInfo) setKey(t EntityType, canon string) {
	in.typ, in.canon, in.class, in.key = t, canon, Class(t), Key(t, canon)
}

// majorityType is the most common type among the entity's mentions, as
// resolve typed them (a demonym lends its country GPE); ties go to the
// type seen first.
func majorityType(mentions []int, infos []mentionInfo) EntityType {
	var n [numTypes]int
	best := NoType
	for _, mi := range mentions {
		t := infos[mi].typ
		n[t]++
		if best == NoType || n[t] > n[best] {
			best = t
		}
	}
	return best
}

// compoundOfCountries reports whether a name is two or more country names
// joined by hyphens ("DPRK-Russia", "U.S.-South Korea").
func compoundOfCountries(name string) bool {
	parts := strings.Split(name, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		a, ok := alias.Lookup(p)
		if !ok || a.Kind == alias.Demonym || a.Kind == alias.Capital {
			return false
		}
	}
	return true
}

// linkNameParts links a mention that is a part of exactly one person's
// full name in the document (a surname, a given name, "Jong-un") to that
// person. Full names that are themselves parts of a longer name are linked
// first, longest first, so "Kim Jong" and "Kim Jong Un" cannot make "Kim"
// ambiguous.
func linkNameParts(infos []mentionInfo) {
	type name struct {
		words []string
		at    int // an index into infos
	}
	var names []name
	seen := map[string]bool{}
	for i, in := range infos {
		if in.skip || in.joined || in.gaz || len(in.words) < 2 || seen[in.key] {
			continue
		}
		if in.class != "PERSON" && in.class != "ORG" && in.class != "EVENT" {
			continue // "Korea" is no short name of "North Korea"
		}
		if strings.ContainsRune(in.name, '@') {
			continue // "Michael Olsen@ENRON": "Enron" is no surname
		}
		seen[in.key] = true
		names = append(names, name{in.words, i})
	}
	slices.SortStableFunc(names, func(a, b name) int { return cmp.Compare(len(b.words), len(a.words)) })
	target := func(in *mentionInfo) (int, string) {
		found, rule := -1, ""
		for _, p := range names {
			full := &infos[p.at]
			var r string
			if full.class == "PERSON" {
				if len(in.words) == 1 && AcronymShaped(in.name) {
					continue // "UN" is no surname of Kim Jong Un
				}
				r = partRule(in.words, p.words)
			} else if in.class == full.class {
				r = shortName(in.words, p.words, OrgAcronym(in.name))
			}
			if r == "" {
				continue
			}
			if found >= 0 && infos[found].key != full.key {
				return -1, ""
			}
			found, rule = p.at, r
		}
		return found, rule
	}
	// Longer names first, so that a partial full name is linked before
	// the names that are parts of it.
	order := make([]int, len(infos))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(infos[b].words), len(infos[a].words)) })
	for _, i := range order {
		in := &infos[i]
		if in.skip || in.joined || in.gaz || len(in.words) == 0 {
			continue
		}
		t, rule := target(in)
		if t < 0 || infos[t].key == in.key || (rule == RuleGivenName && in.class != "PERSON") {
			continue // a given name alone joins only as a PERSON ("Korean" is no name)
		}
		in.setKey(infos[t].typ, infos[t].canon)
		in.rule, in.joined = rule, true
	}
}

// ShortName says whether the words of part (names folded with Fold) are
// a short form of the organisation or event name full: RuleShortName
// for its first or last words ("Harvard", "Scientology"), else "".
// acronym says part is written as an acronym (OrgAcronym), which then
// names another organisation when it opens full: the "UN" of "UN
// Security Council", the "US" of "US Navy", the "ISIL" of "ISIL
// Coalition".
func ShortName(part, full []string, acronym bool) string { return shortName(part, full, acronym) }

// shortName says whether words are a short form of an organisation's or
// event's longer name in the same document: its first or last words
// ("Harvard" for "Harvard University", "Scientology" for "Church of
// Scientology"), not an acronym that opens it (see ShortName).
func shortName(words, full []string, acronym bool) string {
	if len(words) >= len(full) || smallWords[words[0]] || smallWords[words[len(words)-1]] {
		return ""
	}
	first := slices.Equal(words, full[:len(words)])          // the first words of full
	last := slices.Equal(words, full[len(full)-len(words):]) // its last words
	// A year or number names one instance: the "1991 Hajj" is not every
	// "Hajj", nor "Euro 2024" every "Euro".
	if last && slices.ContainsFunc(full[:len(full)-len(words)], hasDigit) ||
		first && slices.ContainsFunc(full[len(words):], hasDigit) {
		return ""
	}
	if !acronym && !parentName(words, full) && first ||
		last && !placeName(words) && countryPrefix(words, full) {
		return RuleShortName
	}
	return ""
}

// hasDigit reports whether w has a digit ("1991", "20th", "G7").
func hasDigit(w string) bool { return strings.ContainsAny(w, "0123456789") }

// countryPrefix reports whether a name of two words or more that ends
// full drops only a country or nationality from it ("Foreign Ministry"
// of "North Korean Foreign Ministry"), not a word of the name itself
// ("Democratic Party" is another party than "Liberal Democratic Party").
// A one-word short name ("Times") needs nothing.
func countryPrefix(words, full []string) bool {
	if len(words) < 2 {
		return true
	}
	prefix := strings.Join(full[:len(full)-len(words)], " ")
	if _, ok := alias.Lookup(prefix); ok {
		return true
	}
	if len(full)-len(words) == 1 && tagger.IsKnownOrg([]string{strings.ToUpper(prefix)}) {
		return true // "UN Security Council"
	}
	g, err := gazetteer.Default()
	return err == nil && g.Lookup(prefix)&gazetteer.OrgName != 0 // "United Nations Security Council"
}

// placeName reports whether words (folded) are a country, city or region
// the gazetteer knows: the place that ends an organisation's name ("Bank
// of England", "ISO New England", "University of Southern Indiana") is
// that place, not a short name of the organisation.
func placeName(words []string) bool {
	g, err := gazetteer.Default()
	if err != nil {
		return false
	}
	return g.LookupNorm(gazetteer.Norm(strings.Join(words, " ")))&gazetteer.Place != 0
}

// parentName reports whether the first words of an organisation's name
// are a whole organisation's name that modifies the rest: they end in an
// organisation word and the name goes on with another word, not "of"
// ("United Nations | Security Council", "European Union | Commission"),
// so they name the parent, not a short form ("Workers' Party | of Korea"
// is one, "Harvard | University" another).
func parentName(words, full []string) bool {
	if len(words) >= len(full) || smallWords[full[len(words)]] {
		return false
	}
	g, err := gazetteer.Default()
	if err != nil {
		return false
	}
	return g.LookupNorm(gazetteer.Norm(words[len(words)-1]))&gazetteer.OrgWord != 0
}

// OrgAcronym reports whether an organisation's name is written as an
// acronym: AcronymShaped, or one word of two to six capitals ("ISIL",
// "NATO", "ASEAN"), which AcronymShaped leaves out because a person's
// name may be written so ("KIRBY" in a transcript's speaker label).
func OrgAcronym(name string) bool {
	if AcronymShaped(name) {
		return true
	}
	n := 0
	for _, c := range name {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// AcronymShaped reports whether a name is written as an acronym: in
// capitals, with full stops or in at most three letters ("UN", "U.N.",
// "NHK"; not "KIRBY", a surname in a transcript's speaker label). Such a
// name is no part of a person's name.
func AcronymShaped(name string) bool {
	letters := 0
	for _, c := range name {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			letters++
		}
	}
	return letters >= 2 && (letters <= 3 || strings.Contains(name, "."))
}

// NamePart says how the words of part form a proper part of the full
// name full (words of names folded with Fold): RuleSurname for the last
// word alone or for the first word when it is a Korean or Chinese family
// name ("Kim" in "Kim Jong Un"), RuleGivenName for another first word,
// RuleMiddleName for the name without middle names, RulePartial for a
// longer prefix or suffix, and "" if part is no part.
func NamePart(part, full []string) string { return partRule(part, full) }

// partRule says how words form a proper part of a full name: the last
// word alone (a surname), the first word alone (a given name, or a Korean
// or Chinese surname), or a longer prefix or suffix; "" if they do not.
func partRule(words, full []string) string {
	if len(words) >= len(full) {
		return ""
	}
	switch {
	case len(words) > 1 && words[0] == full[0] && words[len(words)-1] == full[len(full)-1] && subsequence(words, full):
		if slices.Equal(words, full[len(full)-len(words):]) || slices.Equal(words, full[:len(words)]) {
			return RulePartial
		}
		return RuleMiddleName
	case slices.Equal(words, full[len(full)-len(words):]):
		if len(words) == 1 {
			return RuleSurname
		}
		return RulePartial
	case slices.Equal(words, full[:len(words)]):
		if len(words) > 1 {
			return RulePartial
		}
		if eastAsianSurnames[words[0]] {
			return RuleSurname
		}
		return RuleGivenName
	}
	return ""
}

// subsequence reports whether the words of a appear in b in order.
func subsequence(a, b []string) bool {
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return i == len(a)
}

// eastAsianSurnames are family names written first ("Kim Jong Un").
var eastAsianSurnames = map[string]bool{
	"kim": true, "ri": true, "lee": true, "yi": true, "pak": true, "park": true, "choe": true, "choi": true,
	"kang": true, "jang": true, "chang": true, "han": true, "hyon": true, "jo": true, "cho": true, "o": true,
	"yoon": true, "yun": true, "moon": true, "mun": true, "xi": true, "li": true, "wang": true, "zhang": true,
	"liu": true, "chen": true, "hu": true, "wen": true, "mao": true, "deng": true, "jiang": true, "zhou": true,
}

// voteTypes makes one entity of a name tagged with several types in the
// document (a tagger's "TASS" GPE and "TASS" ORG), choosing the type most
// of its mentions have, ties going to the earlier mention. Country-table
// names are typed already and do not vote.
func voteTypes(infos []mentionInfo) {
	type tally struct {
		n     map[string]int
		first map[string]int
		typ   map[string]EntityType
	}
	votes := map[string]*tally{} // folded canonical name -> class counts
	for i, in := range infos {
		if in.skip || in.gaz || in.joined {
			continue
		}
		f := Fold(in.canon)
		t := votes[f]
		if t == nil {
			t = &tally{n: map[string]int{}, first: map[string]int{}, typ: map[string]EntityType{}}
			votes[f] = t
		}
		if _, ok := t.n[in.class]; !ok {
			t.first[in.class], t.typ[in.class] = i, in.typ
		}
		t.n[in.class]++
	}
	for i := range infos {
		in := &infos[i]
		if in.skip || in.gaz || in.joined {
			continue
		}
		t := votes[Fold(in.canon)]
		if len(t.n) < 2 {
			continue
		}
		best := in.class
		for c, n := range t.n {
			if n > t.n[best] || (n == t.n[best] && t.first[c] < t.first[best]) {
				best = c
			}
		}
		if best != in.class {
			in.setKey(t.typ[best], in.canon)
			in.rule, in.joined = RuleTypeVote, true
		}
	}
}

// possessiveInName are the words whose possessive is part of a name,
// not one name's possession of another: "People's Liberation Army",
// "Korean People's Army", "Democratic People's Republic of Korea".
var possessiveInName = map[string]bool{"People": true}

// splitPossessives splits a mention with a possessive inside ("Russia’s
// Ukraine", "North Korea’s Workers’ Party") into the owner's mention and
// the owned one: two names, not one. A country or capital on the left is
// typed GPE; otherwise both parts keep the mention's type.
func splitPossessives(doc *Document) {
	var out []Mention
	changed := false
	for _, m := range doc.Mentions {
		k := -1
		for i := m.First + 1; i < m.End-1; i++ {
			if t := doc.Slice(doc.Tokens[i].Span); (t == "’s" || t == "'s") && !possessiveInName[doc.Slice(doc.Tokens[i-1].Span)] {
				k = i
				break
			}
		}
		if _, known := alias.Lookup(doc.Slice(m.Span)); k < 0 || known { // "Democratic People's Republic of Korea"
			out = append(out, m)
			continue
		}
		changed = true
		// "the Malian Armed Forces and Russia's Africa Corps", tagged as
		// one name: the owner is the country after "and"
		if a := andCountry(doc, m.First, k); a > 0 {
			out = append(out, Mention{Span: Span{doc.Tokens[m.First].Span.Start, doc.Tokens[a-1].Span.End}, First: m.First, End: a, Type: m.Type, Entity: -1, Score: m.Score})
			m.First, m.Span.Start = a+1, doc.Tokens[a+1].Span.Start
		}
		left := Mention{Span: Span{doc.Tokens[m.First].Span.Start, doc.Tokens[k-1].Span.End}, First: m.First, End: k, Type: m.Type, Entity: -1, Score: m.Score}
		if a, ok := alias.Lookup(doc.Slice(left.Span)); ok && a.Kind != alias.Demonym {
			left.Type = GPE
		}
		right := Mention{Span: Span{doc.Tokens[k+1].Span.Start, m.Span.End}, First: k + 1, End: m.End, Type: m.Type, Entity: -1, Score: m.Score}
		out = append(out, left, right)
	}
	if changed {
		doc.Mentions = out
	}
}

// acronym is an acronym defined in the text and its long form.
type acronym struct {
	short, long string // as written
}

// defineAcronyms finds "Long Form Name (LFN)" in the text: a parenthesised
// all-capital word whose letters are the initials of the capitalised words
// just before it (small words such as "of" and "the" may sit between). It
// makes the long form one mention, replacing any mentions that overlap it
// (taggers split "Korean Central News Agency" into pieces), typed ORG
// unless the country table knows it, and makes the acronym in parentheses
// a mention too. It returns the acronyms found, in text order.
func defineAcronyms(doc *Document) []acronym {
	var out []acronym
	for _, s := range doc.Sentences {
		for i := s.First + 2; i+1 < s.End; i++ {
			if doc.Slice(doc.Tokens[i-1].Span) != "(" || doc.Slice(doc.Tokens[i+1].Span) != ")" {
				continue
			}
			short := doc.Slice(doc.Tokens[i].Span)
			first := longFormStart(doc, s.First, i-1, short)
			if first < 0 {
				continue
			}
			long := Span{doc.Tokens[first].Start, doc.Tokens[i-2].End}
			typ := Org
			if a, ok := alias.Lookup(doc.Slice(long)); ok && a.Kind != alias.Demonym {
				typ = GPE
			}
			replaceMentions(doc, Mention{Span: long, First: first, End: i - 1, Type: typ, Entity: -1, Score: 1})
			replaceMentions(doc, Mention{Span: doc.Tokens[i].Span, First: i, End: i + 1, Type: typ, Entity: -1, Score: 1})
			out = append(out, acronym{short: short, long: doc.Slice(long)})
		}
	}
	return out
}

// longFormStart returns the index of the first token of the long form of
// short ending just before token paren, or -1.
func longFormStart(doc *Document, sentFirst, paren int, short string) int {
	var letters []rune
	for _, r := range short {
		switch {
		case unicode.IsUpper(r):
			letters = append(letters, r)
		case r == '.' || r == '&' || unicode.IsDigit(r):
		default:
			return -1 // not all capitals ("(Reuters)", "(in)")
		}
	}
	if len(letters) < 2 || len(letters) > 10 {
		return -1
	}
	k, first := len(letters)-1, -1
	for j := paren - 1; j >= sentFirst && k >= 0; j-- {
		w := doc.Slice(doc.Tokens[j].Span)
		if smallWords[strings.ToLower(w)] && first >= 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || r != letters[k] {
			return -1
		}
		k, first = k-1, j
	}
	if k >= 0 {
		return -1
	}
	return first
}

var smallWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "&": true, "de": true}

// replaceMentions inserts m into doc.Mentions, sorted by start, removing
// the mentions that overlap it; if a mention with m's exact span exists it
// is kept as it is.
func replaceMentions(doc *Document, m Mention) {
	out := doc.Mentions[:0:0]
	inserted := false
	for _, x := range doc.Mentions {
		if x.Span == m.Span {
			return
		}
		if x.Span.Start < m.Span.End && m.Span.Start < x.Span.End {
			continue
		}
		if !inserted && x.Span.Start >= m.Span.End {
			out = append(out, m)
			inserted = true
		}
		out = append(out, x)
	}
	if !inserted {
		out = append(out, m)
	}
	doc.Mentions = out
}

// linkAcronyms links every mention of a defined acronym to its long form.
func linkAcronyms(infos []mentionInfo, acr []acronym) {
	for _, a := range acr {
		var long *mentionInfo
		for i := range infos {
			if !infos[i].skip && Fold(infos[i].name) == Fold(a.long) {
				long = &infos[i]
				break
			}
		}
		if long == nil {
			continue
		}
		for i := range infos {
			in := &infos[i]
			if !in.skip && Fold(in.name) == Fold(a.short) {
				in.setKey(long.typ, long.canon)
				in.rule, in.joined, in.gaz = RuleAcronym, true, long.gaz
			}
		}
	}
}

// linkInvertedNames links an organisation's name with an of-phrase
// ("Central Committee of the WPK", "Ministry of Defence") to the same
// name written with the of-phrase first ("WPK Central Committee",
// "Defence Ministry") when the document has it, and to its first
// spelling with or without "the" inside ("Security Council of Russian
// Federation" in a headline).
func linkInvertedNames(infos []mentionInfo) {
	// "Security Council of Russian Federation" (a headline's) is
	// "Security Council of the Russian Federation", its spelling with the
	// most words
	noThe := map[string]int{}
	keyOf := func(in *mentionInfo) string {
		if in.skip || in.joined || in.class != "ORG" || !slices.Contains(in.words, "of") {
			return ""
		}
		return strings.Join(slices.DeleteFunc(slices.Clone(in.words), func(w string) bool { return w == "the" }), " ")
	}
	for i := range infos {
		if k := keyOf(&infos[i]); k != "" {
			if j, ok := noThe[k]; !ok || len(infos[i].words) > len(infos[j].words) {
				noThe[k] = i
			}
		}
	}
	for i := range infos {
		in := &infos[i]
		if k := keyOf(in); k != "" {
			if j := noThe[k]; infos[j].key != in.key {
				in.setKey(infos[j].typ, infos[j].canon)
				in.rule, in.joined = RuleInverted, true
			}
		}
	}
	byWords := map[string]int{}
	for i, in := range infos {
		if !in.skip && !in.joined && in.class == "ORG" && !slices.Contains(in.words, "of") {
			byWords[strings.Join(in.words, " ")] = i
		}
	}
	for i := range infos {
		in := &infos[i]
		p := slices.Index(in.words, "of")
		if in.skip || in.joined || in.class != "ORG" || p < 1 || p+1 >= len(in.words) || slices.Contains(in.words[p+1:], "of") {
			continue
		}
		owner := in.words[p+1:]
		if owner[0] == "the" {
			owner = owner[1:]
		}
		inv := strings.Join(append(slices.Clone(owner), in.words[:p]...), " ")
		if j, ok := byWords[inv]; ok && len(owner) > 0 {
			in.setKey(infos[j].typ, infos[j].canon)
			in.rule, in.joined = RuleInverted, true
		}
	}
}

// linkInitials links an all-capital mention (two to six letters, dots
// allowed: "WFP", "U.N.") that no rule has linked yet to the one
// multi-word organisation of the document whose initials it spells, with
// or without its small words ("World Food Programme", "Organisation of
// American States").
func linkInitials(infos []mentionInfo) {
	initials := map[string]map[string]int{} // initials -> org key -> an index into infos
	for i, in := range infos {
		if in.skip || in.class != "ORG" || len(in.words) < 2 || in.joined || slices.ContainsFunc(strings.Fields(in.name), isInitialism) {
			continue // "University of NSW", "US Navy": an acronym inside gives no initial of its own
		}
		var all, content strings.Builder
		for _, w := range in.words {
			r, _ := utf8.DecodeRuneInString(w)
			all.WriteRune(r)
			if !smallWords[w] {
				content.WriteRune(r)
			}
		}
		for _, k := range []string{all.String(), content.String()} {
			if initials[k] == nil {
				initials[k] = map[string]int{}
			}
			initials[k][in.key] = i
		}
	}
	for i := range infos {
		in := &infos[i]
		if in.skip || in.joined || in.gaz || !isInitialism(in.name) {
			continue
		}
		cands := initials[strings.ToLower(strings.ReplaceAll(in.name, ".", ""))]
		if len(cands) != 1 {
			continue
		}
		for _, j := range cands {
			in.setKey(infos[j].typ, infos[j].canon)
			in.rule, in.joined = RuleInitials, true
		}
	}
}

// linkCompassNames links "the North", "the South" (a place mention of
// one compass word after "the") to the one country of the document whose
// name starts with that word: news about the Koreas calls North Korea
// "the North" ("the North also supplied Russia with rockets").
func linkCompassNames(doc *Document, infos []mentionInfo) {
	countries := map[string]map[string]bool{} // compass word -> country names
	for _, in := range infos {
		if in.skip || !in.gaz || in.typ != GPE {
			continue
		}
		if w, _, ok := strings.Cut(in.canon, " "); ok && compassWords[w] {
			if countries[w] == nil {
				countries[w] = map[string]bool{}
			}
			countries[w][in.canon] = true
		}
	}
	for i := range infos {
		in := &infos[i]
		m := doc.Mentions[i]
		if in.skip || in.joined || in.class != "PLACE" || !compassWords[in.name] || m.End-m.First != 1 || m.First == 0 ||
			!strings.EqualFold(doc.Slice(doc.Tokens[m.First-1].Span), "the") || len(countries[in.name]) != 1 {
			continue
		}
		for c := range countries[in.name] {
			in.setKey(GPE, c)
			in.rule, in.joined = RuleShortName, true
		}
	}
}

var compassWords = map[string]bool{"North": true, "South": true, "East": true, "West": true}

// isInitialism reports whether a name is two to six capital letters,
// dots allowed ("WFP", "U.N.").
func isInitialism(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

func addAlias(e *Entity, name, rule string) {
	for _, a := range e.Aliases {
		if a.Name == name {
			return
		}
	}
	e.Aliases = append(e.Aliases, Alias{Name: name, Rule: rule})
}

// addRole adds a role unless a longer role ends with it ("president"
// after "russian president"); a longer role replaces the shorter one.
// Roles are compared without possessives ("dprk’s state security
// minister" is "dprk state security minister").
func addRole(e *Entity, role string) {
	k := roleKey(role)
	for i, r := range e.Roles {
		rk := roleKey(r)
		switch {
		case rk == k || strings.HasSuffix(rk, " "+k):
			return
		case strings.HasSuffix(k, " "+rk):
			e.Roles[i] = role
			return
		}
	}
	e.Roles = append(e.Roles, role)
}

// roleKey is a role without possessive endings and extra spaces.
func roleKey(role string) string {
	r := strings.NewReplacer("’s ", " ", "'s ", " ", "’ ", " ", "' ", " ").Replace(role + " ")
	return strings.Join(strings.Fields(r), " ")
}

// FoldRoles returns roles, in order, without those that another role
// repeats or ends with, comparing them without possessives: "president"
// goes when "russian president" is there, and of "dprk state security
// minister" and "dprk’s state security minister" the first stays.
func FoldRoles(roles []string) []string {
	var out []string
	for i, r := range roles {
		k := roleKey(r)
		keep := true
		for j, o := range roles {
			ok := roleKey(o)
			if i != j && (strings.HasSuffix(ok, " "+k) || ok == k && j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, r)
		}
	}
	return out
}

// IsTitle reports whether every word of name is a title or role word
// ("Minister", "State Security Minister", "the President"): such a name
// is a role, never an alias of the person who holds it.
func IsTitle(name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) > 0 && ws[0] == "the" {
		ws = ws[1:]
	}
	for _, w := range ws {
		if !titles[w] && !titles[w+"."] && !roleHeads[w] {
			return false
		}
	}
	return len(ws) > 0
}

// titles are words that precede a person's name as a title or role.
var titles = map[string]bool{
	"president": true, "minister": true, "general": true, "gen.": true, "secretary": true, "chief": true,
	"leader": true, "chairman": true, "premier": true, "prime": true, "deputy": true, "defense": true,
	"defence": true, "foreign": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "former": true,
	"senator": true, "sen.": true, "governor": true, "ambassador": true, "envoy": true, "commander": true,
	"admiral": true, "colonel": true, "king": true, "queen": true, "pope": true, "director": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "official": true, "vice": true, "state": true, "security": true,
	"adviser": true, "advisor": true, "head": true, "chairwoman": true, "lt.": true, "col.": true,
	"marshal": true, "sergeant": true, "captain": true, "chancellor": true, "mayor": true, "envoys": true,
	"capt.": true, "cmdr.": true, "cdr.": true, "adm.": true, "maj.": true, "brig.": true, "sgt": true,
	"professor": true, "prof.": true, "administrator": true, "dr": true, "sir": true, "dame": true, "lord": true,
	"lady": true, "saint": true, "st.": true, "judge": true, "justice": true, "rev.": true, "reverend": true,
	"bishop": true, "archbishop": true, "cardinal": true, "emperor": true, "empress": true, "prince": true,
	"princess": true, "duke": true, "duchess": true, "earl": true, "baron": true, "ceo": true, "coach": true,
	"lieutenant": true, "lt": true, "sgt.": true, "gov.": true, "rep.": true, "congressman": true,
	"congresswoman": true, "mr": true, "mrs": true, "ms": true, "pres.": true, "comrade": true,
	"president-elect": true, "vice-president": true, "minister-designate": true, "premier-designate": true,
	"secretary-general": true, "chancellor-elect": true, "governor-elect": true, "mayor-elect": true,
	"executive": true, "prosecutor": true, "coordinator": true, "commissioner": true, "negotiator": true,
	"mediator": true, "rapporteur": true, "lawmaker": true, "legislator": true, "sheikh": true, "sheik": true,
}

// roleHeads are the words a role before a name ends with ("chief",
// "minister"); contextRole requires one next to the name.
var roleHeads = map[string]bool{
	"president": true, "minister": true, "general": true, "secretary": true, "chief": true, "leader": true,
	"chairman": true, "chairwoman": true, "premier": true, "senator": true, "governor": true, "ambassador": true,
	"envoy": true, "commander": true, "admiral": true, "colonel": true, "director": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "adviser": true, "advisor": true, "head": true, "marshal": true, "chancellor": true,
	"mayor": true, "official": true, "king": true, "queen": true, "secretary-general": true, "vice-president": true,
	"vice-chairman": true, "vice-chairwoman": true, "vice-chair": true,
}

// lastTitle returns the last title word among tokens [lo, end-1) that
// only capitalised words follow up to end ("NASA Administrator | Charles
// Bolden"), or -1 if there is none, or if the last title word is followed
// by a word in lower case.
func lastTitle(doc *Document, lo, end int) int {
	for k := end - 2; k >= lo; k-- {
		if !titles[strings.ToLower(doc.Slice(doc.Tokens[k].Span))] {
			continue
		}
		for j := k + 1; j < end; j++ {
			w := doc.Slice(doc.Tokens[j].Span)
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !nameParticles[w] && !particlePrefix(w) {
				return -1 // ("Majed al-Ansari", "Osama bin Laden" are names)
			}
		}
		return k
	}
	return -1
}

// particlePrefix reports whether w opens with a name particle and a
// hyphen before a capital ("al-Ansari", "el-Sisi", "bin-Salman").
func particlePrefix(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && nameParticles[p] && unicode.IsUpper(r)
}

// mentionName returns the mention's name with leading titles (returned as
// the role, lower case), a leading "the" (but not the "The" of "The
// Hague") and a trailing possessive removed.
func mentionName(doc *Document, m *Mention) (name, role string) {
	roleFirst, first, end := nameRange(doc, m)
	if first > roleFirst {
		role = strings.ToLower(doc.Text[doc.Tokens[roleFirst].Start:doc.Tokens[first-1].End])
	}
	name = doc.Text[doc.Tokens[first].Start:doc.Tokens[end-1].End]
	name = strings.Join(strings.Fields(name), " ")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	return name, role
}

// nameRange returns the tokens [first, end) of a mention's name, as
// mentionName reads it, and where its role starts (roleFirst, first if
// there is no role).
func nameRange(doc *Document, m *Mention) (roleFirst, first, end int) {
	first, end = m.First, m.End
	// "the United States" -> "United States", but "The Hague", which the
	// gazetteer knows only with its article, keeps it.
	if end-first > 1 && strings.EqualFold(doc.Slice(doc.Tokens[first].Span), "the") &&
		!(Class(m.Type) == "PLACE" && keepsArticle(doc.Text[doc.Tokens[first].Start:doc.Tokens[end-1].End])) {
		first++
	}
	roleFirst = first
	if m.Type == Person {
		for first < end-1 && titles[strings.ToLower(doc.Slice(doc.Tokens[first].Span))] {
			first++
		}
		// "NASA Administrator Charles Bolden", "U.S. President Donald
		// Trump": a title word inside, followed by capitalised words only.
		if k := lastTitle(doc, first+1, end); k >= 0 {
			first = k + 1
		}
	}
	if end-1 > first {
		switch doc.Slice(doc.Tokens[end-1].Span) {
		case "'s", "’s", "'", "’":
			end--
		}
	}
	return roleFirst, first, end
}

// keepsArticle reports whether a place name that starts with "the" is a
// city the gazetteer knows only with it ("The Hague"; not "the
// Netherlands", which it also knows as "Netherlands", nor "the UN").
func keepsArticle(name string) bool {
	g, err := gazetteer.Default()
	if err != nil {
		return false
	}
	n := gazetteer.Norm(strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s"))
	rest, ok := strings.CutPrefix(n, "the ")
	return ok && g.LookupNorm(n)&gazetteer.City != 0 && g.LookupNorm(rest) == 0
}

// contextRole returns the role written just before a person mention, in
// lower case: a run of up to six title words, capitalised words and (with
// POS tags) common nouns and adjectives in the same sentence, ending in a
// role head next to the name ("Russian Security Council chief", "DPRK
// State Security Minister", "North Korean leader", "ruling party leader").
func contextRole(doc *Document, m *Mention) string {
	first := m.First
	sent := sentenceOf(doc, m.First)
	if first == 0 || first-1 < sent {
		return ""
	}
	if !roleHeads[strings.ToLower(doc.Slice(doc.Tokens[first-1].Span))] {
		return ""
	}
	start := first - 1
	for j := first - 2; j >= sent && first-1-j < 6; j-- {
		w := doc.Slice(doc.Tokens[j].Span)
		r, _ := utf8.DecodeRuneInString(w)
		_, place := alias.Lookup(w)
		if !place && j+1 < first { // "South Korean President ...": a two-word name
			_, place = alias.Lookup(w + " " + doc.Slice(doc.Tokens[j+1].Span))
		}
		// a common noun or adjective of the role ("ruling party leader"),
		// never a verb, determiner or number
		common := unicode.IsLower(r) && (doc.Tokens[j].Tag == "NOUN" || doc.Tokens[j].Tag == "ADJ")
		if titles[strings.ToLower(w)] || common || (unicode.IsUpper(r) && (j > sent || place)) {
			start = j
			continue
		}
		break
	}
	return strings.ToLower(strings.Join(strings.Fields(doc.Text[doc.Tokens[start].Start:doc.Tokens[first-1].End]), " "))
}

// appositiveRole returns the role in an apposition after a person
// mention, in lower case: ", the Russian defense minister," or ", Russia’s
// top security adviser," — up to seven adjectives, nouns, proper nouns
// and possessives ending in a role head and closed by a comma or period.
// It needs POS tags; without them it finds nothing.
func appositiveRole(doc *Document, m *Mention) string {
	i := m.End
	if i >= len(doc.Tokens) || doc.Slice(doc.Tokens[i].Span) != "," {
		return ""
	}
	i++
	if i < len(doc.Tokens) {
		switch strings.ToLower(doc.Slice(doc.Tokens[i].Span)) {
		case "the", "a", "an":
			i++
		}
	}
	start := i
	for ; i < len(doc.Tokens) && i-start < 8; i++ {
		w := doc.Slice(doc.Tokens[i].Span)
		if w == "," || w == "." {
			break
		}
		switch doc.Tokens[i].Tag {
		case "ADJ", "NOUN", "PROPN", "PART":
		default:
			return ""
		}
	}
	if i == start || i >= len(doc.Tokens) || i-start >= 8 || !roleHeads[strings.ToLower(doc.Slice(doc.Tokens[i-1].Span))] {
		return ""
	}
	if w := doc.Slice(doc.Tokens[i].Span); w != "," && w != "." {
		return ""
	}
	return strings.ToLower(strings.Join(strings.Fields(doc.Text[doc.Tokens[start].Span.Start:doc.Tokens[i-1].Span.End]), " "))
}

// sentenceOf returns the first token index of the sentence holding token i.
func sentenceOf(doc *Document, i int) int {
	if k := sentenceIndex(doc, i); k < len(doc.Sentences) {
		return doc.Sentences[k].First
	}
	return 0
}

// sentenceIndex returns the index in doc.Sentences of the sentence
// holding token i, or len(doc.Sentences) if none does.
func sentenceIndex(doc *Document, i int) int {
	k, _ := slices.BinarySearchFunc(doc.Sentences, i, func(s Sentence, i int) int {
		if s.End <= i {
			return -1
		}
		if s.First > i {
			return 1
		}
		return 0
	})
	return k
}

// Class is the coarse type used in entity keys: places (GPE, LOC, FAC)
// share one class so that a place tagged GPE in one sentence and LOC in
// another stays one entity.
func Class(t EntityType) string {
	switch t {
	case GPE, Loc, Fac:
		return "PLACE"
	}
	return t.String()
}

// Key returns the normalised entity key for a name of type t: its class,
// a colon, and the name case-folded, with diacritics, hyphens and
// punctuation folded away ("PERSON:kim jong un").
func Key(t EntityType, name string) string {
	return Class(t) + ":" + Fold(name)
}

// Fold normalises a name for matching: lower case, diacritics removed,
// hyphens and punctuation turned into spaces, spaces collapsed.
func Fold(name string) string {
	var sb strings.Builder
	space := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// "U.S." -> "us", "O'Brien" -> "obrien"
		default:
			space = true
		}
	}
	return sb.String()
}
