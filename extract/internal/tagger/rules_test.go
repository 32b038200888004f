package tagger

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

// bio parses "[TYPE words] other [TYPE words]" into words and classes.
func bio(t *testing.T, s string) ([]string, []int) {
	t.Helper()
	var words []string
	var classes []int
	typ := -1
	first := false
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "[") {
			typ = slices.Index(Types, f[1:])
			if typ < 0 {
				t.Fatalf("bad type %q", f)
			}
			first = true
			continue
		}
		w, closed := strings.CutSuffix(f, "]")
		words = append(words, w)
		switch {
		case typ < 0:
			classes = append(classes, 0)
		case first:
			classes = append(classes, 1+2*typ)
		default:
			classes = append(classes, 2+2*typ)
		}
		first = false
		if closed {
			typ = -1
		}
	}
	return words, classes
}

func unbio(words []string, classes []int) string {
	var out []string
	ms := SentMentions(0, classes, nil)
	k := 0
	for i := 0; i < len(words); i++ {
		if k < len(ms) && ms[k].Start == i {
			out = append(out, "["+Types[ms[k].Type]+" "+strings.Join(words[ms[k].Start:ms[k].End], " ")+"]")
			i = ms[k].End - 1
			k++
			continue
		}
		out = append(out, words[i])
	}
	return strings.Join(out, " ")
}

func TestTypeIndices(t *testing.T) {
	for i, want := range map[int]string{typPerson: "PERSON", typOrg: "ORG", typGPE: "GPE", typLoc: "LOC", typFac: "FAC", typNORP: "NORP", typEvent: "EVENT"} {
		if Types[i] != want {
			t.Errorf("Types[%d] = %s, want %s", i, Types[i], want)
		}
	}
}

func TestApplyRules(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"a headline's country's possessive and place after in are two places",
			"summit with [GPE Japan 's Ishiba in Tokyo]", "summit with [GPE Japan] 's Ishiba in [GPE Tokyo]"},
		{"a place's possessive alone is left to extract",
			"fell into [LOC Mecca 's Grand Mosque] ,", "fell into [LOC Mecca 's Grand Mosque] ,"},
		{"an organisation's possessive stays",
			"[ORG Iraq 's Security Forces] in Mosul", "[ORG Iraq 's Security Forces] in Mosul"},
		{"a place with a verb inside is the places the gazetteer knows",
			"[GPE Pezeshkian visits Moscow] to sign", "Pezeshkian visits [GPE Moscow] to sign"},
		{"a headline's person in a place is a person and a place",
			"meets [GPE Lavrov in Beijing] as", "meets [PERSON Lavrov] in [GPE Beijing] as"},
		{"a person's mention in a place too",
			"meets [PERSON Lavrov in Beijing] as", "meets [PERSON Lavrov] in [GPE Beijing] as"},
		{"a ship named after a person is no person",
			"inspected the newly built destroyer [PERSON Choe Hyon] at", "inspected the newly built destroyer Choe Hyon at"},
		{"a known organisation's mention that runs on in lower-case words ends with the name",
			"[PERSON Kremlin spokesman] [PERSON Dmitry Peskov] rejected", "[ORG Kremlin] spokesman [PERSON Dmitry Peskov] rejected"},
		{"a place's particles stay",
			"the [GPE Dayr az Zawr] airstrike", "the [GPE Dayr az Zawr] airstrike"},
		{"a person's lower-case role stays for extract",
			"[PERSON Kremlin spokesman Dmitry Peskov] said", "[PERSON Kremlin spokesman Dmitry Peskov] said"},
		{"a person named by a settlement noun is a place",
			"linking it to its exclave of [PERSON Nakhchivan] .", "linking it to its exclave of [GPE Nakhchivan] ."},
		{"a person after a kin noun's of-phrase stays",
			"the daughter of [PERSON Kim Jong Un]", "the daughter of [PERSON Kim Jong Un]"},
		{"a place named by who holds it is no name",
			"struck an [LOC ISIL-held building] near [GPE Mosul]", "struck an ISIL-held building near [GPE Mosul]"},
		{"a holder compound alone is no name",
			"cleared [LOC ISIL-held] terrain", "cleared ISIL-held terrain"},
		{"the name after a holder compound stays",
			"in [GPE Russian-occupied Crimea] today", "in Russian-occupied [GPE Crimea] today"},
		{"a company headed by an industry word, and a known company",
			"[PERSON Shandong Shouguang Luqing Petrochemical] bought oil , [PERSON Sinopec] said", "[ORG Shandong Shouguang Luqing Petrochemical] bought oil , [ORG Sinopec] said"},
		{"a natural feature is a place, not a person",
			"boarded boats near the [PERSON Thomas Shoal] , off [PERSON Scarborough Reef]", "boarded boats near the [LOC Thomas Shoal] , off [LOC Scarborough Reef]"},
		{"a seat of government that speaks is an organisation",
			"[LOC Downing Street] said , [LOC White House] officials", "[ORG Downing Street] said , [ORG White House] officials"},
		{"a hyphenated name is no holder compound",
			"in [GPE Guinea-Bissau] today", "in [GPE Guinea-Bissau] today"},
		{"a name runs into no clause",
			"[PERSON Kim Jong Un , who met Putin] in", "[PERSON Kim Jong Un] , who met [PERSON Putin] in"},
		{"a clause of lower-case words only leaves nothing",
			"[PERSON Kim , who spoke] .", "[PERSON Kim] , who spoke ."},
		{"a comma before a number stays inside a name",
			"[ORG 3rd Battalion , 6th Marines] attacked", "[ORG 3rd Battalion , 6th Marines] attacked"},
		{"a comma before a capital stays inside a place",
			"in [GPE Portland , Oregon] today", "in [GPE Portland , Oregon] today"},
		{"a surname the model split off joins the name",
			"met Minister [PERSON No] [PERSON Kwang Chol] on", "met Minister [PERSON No Kwang Chol] on"},
		{"a surname left untagged after a title joins the name",
			"met Minister No [PERSON Kwang Chol] on", "met Minister [PERSON No Kwang Chol] on"},
		{"two persons with a word between stay two",
			"[PERSON Kim] and [PERSON Putin] met", "[PERSON Kim] and [PERSON Putin] met"},
		{"a question word opens no name",
			"Analysis : [GPE What Russia] gets", "Analysis : What [GPE Russia] gets"},
		{"a question word alone is no name",
			"[PERSON Why] not", "Why not"},
		{"an honorific keeps its possessive",
			"[PERSON Your Honor] ,", "[PERSON Your Honor] ,"},
		{"a known party replaces the place inside it",
			"of the Workers ' Party of [LOC Korea] said", "of the [ORG Workers ' Party of Korea] said"},
		{"a known company typed as a person",
			"[PERSON Gazprom] cut supplies", "[ORG Gazprom] cut supplies"},
		{"a known name found untagged",
			"Roscosmos chief [PERSON Yuri Borisov] said", "[ORG Roscosmos] chief [PERSON Yuri Borisov] said"},
		{"a longer name around a known one stays",
			"the [ORG Gazprom Neft] board", "the [ORG Gazprom Neft] board"},
		{"a known name in lower case is no name",
			"the tass report", "the tass report"},
		{"a person headed by a square is a place",
			"visited [PERSON Kim Il Sung Square] at noon", "visited [LOC Kim Il Sung Square] at noon"},
		{"an organisation headed by a launch site is a place",
			"from the [ORG Baikonur Cosmodrome] on", "from the [LOC Baikonur Cosmodrome] on"},
		{"an organisation headed by an airport stays",
			"said [ORG Incheon Airport] staff", "said [ORG Incheon Airport] staff"},
		{"a one-word person named Park stays",
			"said [PERSON Park] today", "said [PERSON Park] today"},
		{"war typed ORG is an EVENT",
			"veterans of the [ORG Crimean War] met", "veterans of the [EVENT Crimean War] met"},
		{"numbered war",
			"after [LOC World War II] ended", "after [EVENT World War II] ended"},
		{"head before of",
			"the [ORG Battle of Borodino] began", "the [EVENT Battle of Borodino] began"},
		{"no event head before of",
			"the [ORG Ministry of War] said", "the [ORG Ministry of War] said"},
		{"lower-case forum is an event",
			"at the [ORG regional trade forum] in Oslo", "at the [EVENT regional trade forum] in Oslo"},
		{"capitalised Forum is an organisation",
			"the [ORG Global Energy Forum] said", "the [ORG Global Energy Forum] said"},
		{"trailing common noun trimmed",
			"the [ORG Labour Party conference] opened", "the [EVENT Labour Party conference] opened"},
		{"trailing common noun trimmed, not an event",
			"the [ORG Green Party headquarters] opened", "the [ORG Green Party] headquarters opened"},
		{"demonym plus plural noun",
			"[ORG Nordic nations] agreed", "[NORP Nordic] nations agreed"},
		{"collective noun keeps the organisation",
			"the [ORG Malian government] said", "the [ORG Malian government] said"},
		{"lower-case phrase is no name",
			"a [EVENT trade pact] was signed", "a trade pact was signed"},
		{"single lower-case place stays",
			"flew to [GPE lisbon] today", "flew to [GPE lisbon] today"},
		{"ambiguous demonym typed a place",
			"his [LOC Korean] hosts", "his [NORP Korean] hosts"},
		{"demonym from the gazetteer",
			"[GPE Peruvian] miners struck", "[NORP Peruvian] miners struck"},
		{"compound demonym typed ORG",
			"the [ORG Sino-Indian] border talks", "the [NORP Sino-Indian] border talks"},
		{"compound of parties is no demonym",
			"the [ORG Liberal-Labour] pact", "the [ORG Liberal-Labour] pact"},
		{"compound of countries is no demonym",
			"the [ORG Peru-Chile] pipeline", "the [ORG Peru-Chile] pipeline"},
		{"plural person demonyms are a group",
			"[PERSON Americans] voted", "[NORP Americans] voted"},
		{"singular person demonyms left alone (a surname)",
			"[PERSON English] voted", "[PERSON English] voted"},
		{"plural religious group typed a person",
			"[PERSON Muslims] prayed", "[NORP Muslims] prayed"},
		{"plural role typed a person is no name",
			"the [PERSON Senators] voted", "the Senators voted"},
		{"one-word surname ending in s stays",
			"[PERSON Rogers] voted", "[PERSON Rogers] voted"},
		{"embassy typed a place",
			"outside the [LOC Chilean Embassy] today", "outside the [ORG Chilean Embassy] today"},
		{"forum typed a place is an event",
			"at the [LOC Tunis Forum] on trade", "at the [EVENT Tunis Forum] on trade"},
		{"acronym and role typed a person",
			"[PERSON AU Envoy] arrives in Juba", "[ORG AU] Envoy arrives in Juba"},
		{"title alone typed a person is left to resolution",
			"the [PERSON State Security Minister] said", "the [PERSON State Security Minister] said"},
		{"demonym and role typed a person",
			"said [PERSON Chilean President] today", "said [NORP Chilean] President today"},
		{"surname that is also a title stays",
			"[PERSON Lena King] spoke", "[PERSON Lena King] spoke"},
		{"particle inside a place name",
			"floods in [LOC Rio Grande] do Sul spread", "floods in [LOC Rio Grande do Sul] spread"},
		{"particle between two mentions of one person",
			"[PERSON Ludwig] van [PERSON Beethoven] wrote", "[PERSON Ludwig van Beethoven] wrote"},
		{"particle before a mention of another type",
			"[PERSON Ana] de [ORG Souza Bank] said", "[PERSON Ana] de [ORG Souza Bank] said"},
		{"particle before lower case",
			"in [GPE Lima] de facto", "in [GPE Lima] de facto"},
		{"outlet named after its noun",
			"according to state-run agency Prensa Latina , talks", "according to state-run agency [ORG Prensa Latina] , talks"},
		{"name after a title left untagged",
			"met Deputy Minister Ri Song Chol on Wednesday", "met Deputy Minister [PERSON Ri Song Chol] on Wednesday"},
		{"name after a title already tagged",
			"met Minister [PERSON Pang] Tu Sop today", "met Minister [PERSON Pang] Tu Sop today"},
		{"title before an organisation word",
			"the Minister Defence Ministry said", "the Minister Defence Ministry said"},
		{"title before another title",
			"the Secretary General said", "the Secretary General said"},
		{"title before a weekday",
			"said President Monday that", "said President Monday that"},
		{"title in an all-caps line",
			"PRESIDENT VISITS LAGOS TODAY", "PRESIDENT VISITS LAGOS TODAY"},
		{"outlet noun before a tagged name",
			"the newspaper [PERSON Ana Lima] founded", "the newspaper [PERSON Ana Lima] founded"},
		{"outlet noun before a weekday",
			"the agency Monday said", "the agency Monday said"},
		{"outlet noun before lower case",
			"the agency said", "the agency said"},
		{"person name before a place noun",
			"near the [PERSON Wadi Halfa] crossing today", "near the [LOC Wadi Halfa] crossing today"},
		{"person name before another noun",
			"the [PERSON Biden] administration said", "the [PERSON Biden] administration said"},
		{"place with a non-organisation head",
			"in the [LOC Gaza Strip] today", "in the [LOC Gaza Strip] today"},
		{"river keeps its lower-case head",
			"along the [LOC Yalu river]", "along the [LOC Yalu river]"},
		{"named event keeps lower-case head",
			"the [EVENT Victory Day parade] in Minsk", "the [EVENT Victory Day parade] in Minsk"},
		{"name after a role noun left untagged",
			"said spokesman Ned Price on Monday", "said spokesman [PERSON Ned Price] on Monday"},
		{"role noun before a city",
			"the coach Lagos FC", "the coach Lagos FC"},
		{"role noun before a run that reaches a tagged name",
			"priest Fr [PERSON Francisco Sousa] said", "priest Fr [PERSON Francisco Sousa] said"},
		{"speaker label in a transcript",
			"SECRETARY KERRY : We obviously", "SECRETARY [PERSON KERRY] : We obviously"},
		{"speaker label with two names",
			"MR JOHN KIRBY : Thanks", "MR [PERSON JOHN KIRBY] : Thanks"},
		{"label without a title",
			"QUESTION : Is it", "QUESTION : Is it"},
		{"title and a name without a colon",
			"MR KIRBY said", "MR KIRBY said"},
		{"bare generic organisation noun",
			"the [ORG Government] said", "the Government said"},
		{"generic noun inside a name",
			"the [ORG Carter Center] said", "the [ORG Carter Center] said"},
		{"ship typed a person",
			"the [PERSON USS Cole] was attacked", "the USS Cole was attacked"},
		{"ship prefix outside a place",
			"and the CSS [LOC Florida] sailed", "and the CSS Florida sailed"},
		{"space shuttle",
			"image of [PERSON Space Shuttle Atlantis] lifting off", "image of Space Shuttle Atlantis lifting off"},
		{"acronym that is no ship prefix",
			"the [ORG INS] said", "the [ORG INS] said"},
		{"storm typed a person",
			"damage from [PERSON Cyclone Idai] in Beira", "damage from [EVENT Cyclone Idai] in Beira"},
		{"storm word left out of a place",
			"after Hurricane [LOC Maria] hit", "after [EVENT Hurricane Maria] hit"},
		{"tropical storm",
			"as [ORG Tropical Storm Alberto] neared", "as [EVENT Tropical Storm Alberto] neared"},
		{"storm word alone is no event",
			"the [PERSON Storm] said", "the [PERSON Storm] said"},
		{"company typed a person",
			"shares of [PERSON Adeyemi Holdings] rose", "shares of [ORG Adeyemi Holdings] rose"},
		{"party typed a person",
			"the [PERSON Nkomo Party] won", "the [ORG Nkomo Party] won"},
		{"one-word person with an organisation word",
			"[PERSON Group] said", "[PERSON Group] said"},
		{"two organisations joined by and",
			"the [ORG Republican Guard and Syrian Orthodox Church] said", "the [ORG Republican Guard] and [ORG Syrian Orthodox Church] said"},
		{"two organisations joined by and the",
			"the [ORG Irving School District and the Irving Police Department] said", "the [ORG Irving School District] and the [ORG Irving Police Department] said"},
		{"and inside one organisation's name",
			"the [ORG Ministry of Trade and Industry Council] said", "the [ORG Ministry of Trade and Industry Council] said"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, classes := bio(t, tc.in)
			applyRules(words, classes, gaz)
			if got := unbio(words, classes); got != tc.want {
				t.Errorf("\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestHeadlineCase(t *testing.T) {
	lower := map[string]bool{"visit": true, "support": true, "meeting": true, "talks": true, "new": true, "ties": true, "base": true}
	for _, tc := range []struct {
		words string
		want  bool
	}{
		{"Mayor Visit Brings New Support to Lagos", true},
		{"Ramaphosa Praises Kenya’s Support During Nairobi Meeting", true},
		{"Amina Yusuf and Carlos Ortega in Lima", false},           // a run of names
		{"Amina Yusuf met Carlos Ortega for talks in Lima", false}, // sentence case
		{"Tinubu Visit", false},                                    // too short
		{"Torrejon Air Base , Spain", false},                       // one common word
		{"NIGERIA AND GHANA SIGN NEW TRADE DEAL", false},           // all caps: handled elsewhere
		{"Erdogan’s Visit to Baku : New Talks on Energy Ties", true},
	} {
		if got := isHeadlineCase(strings.Fields(tc.words), lower, caseStats{}); got != tc.want {
			t.Errorf("isHeadlineCase(%q) = %v, want %v", tc.words, got, tc.want)
		}
	}
}

func TestHeadlineCaseFromBody(t *testing.T) {
	lower := map[string]bool{"agree": true}
	words := strings.Fields("Lima and Quito Agree on Fishing Treaty")
	if isHeadlineCase(words, lower, caseStats{}) {
		t.Fatal("one common word from the lexicon should not make a headline")
	}
	all := [][]string{words, strings.Fields("The fishing treaty was signed in Lima .")}
	body := bodyCase(all, []bool{true, false})
	if !isHeadlineCase(words, lower, body) {
		t.Error("the body writes fishing and treaty in lower case: a headline")
	}
}

func TestHeadlineView(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	lower := map[string]bool{"visit": true, "support": true, "meeting": true, "military": true, "during": true, "conflict": true}
	body := [][]string{
		strings.Fields("Kenyan President William Ruto praised the military support and visited Nairobi ."),
		strings.Fields("The Ogaden War veterans also commended the talks ."),
		strings.Fields("The visit follows a meeting in Nairobi ."),
	}
	// A story of minBodyWords words or more, and a short one.
	long := [][]string{strings.Fields(strings.Repeat("The North Korean leader Kim spoke about the Balloons ; ", 6))}
	short := [][]string{strings.Fields("Kim spoke .")}
	for _, tc := range []struct {
		body     [][]string
		lower    map[string]bool
		in, want string
	}{
		// body evidence: "commended" lower-cases "Commends", "War" stays
		{body, lower, "Ruto Commends Somali Military Support During Ogaden War Meeting",
			"Ruto commends Somali military support during Ogaden War meeting"},
		// gazetteer names keep their capitals; unknown words stay as written
		{body, lower, "Nairobi Visit Highlights South Sudan Conflict",
			"Nairobi visit Highlights South Sudan conflict"},
		// a long story that never uses a headline's word in -s: a verb or
		// a noun ("Vows", "Forces"); a word in -s it uses capitalised
		// stays ("Balloons"), and so does a word the story never uses that
		// does not end in -s ("Bolster")
		{long, nil, "Kim Vows To Bolster Forces After Balloons", "Kim vows To Bolster forces After Balloons"},
		// a short story says nothing of the words it does not use
		{short, nil, "Kim Vows Change", "Kim Vows Change"},
	} {
		words := strings.Fields(tc.in)
		all := append(slices.Clone(tc.body), words)
		head := make([]bool, len(all))
		head[len(all)-1] = true
		got := strings.Join(headlineView(words, bodyCase(all, head), tc.lower, gaz), " ")
		if got != tc.want {
			t.Errorf("\n got %s\nwant %s", got, tc.want)
		}
	}
}

func TestUntagArticlePersons(t *testing.T) {
	for _, tc := range []struct{ in, pos, want string }{
		{"the [PERSON Dow] had fallen", "DET PROPN AUX VERB", "the Dow had fallen"},
		{"The [PERSON Azna] retreated .", "DET PROPN VERB PUNCT", "The Azna retreated ."},
		{"by the [PERSON Dow]", "ADP DET PROPN", "by the Dow"},
		{"the [PERSON Biden] administration said", "DET PROPN NOUN VERB", "the [PERSON Biden] administration said"},
		{"the [PERSON Schlegel] brothers", "DET PROPN NOUN", "the [PERSON Schlegel] brothers"},
		{"then [PERSON Ruto] said", "ADV PROPN VERB", "then [PERSON Ruto] said"},
		{"the [ORG Senate] voted", "DET PROPN VERB", "the [ORG Senate] voted"},
	} {
		words, classes := bio(t, tc.in)
		untagArticlePersons(words, strings.Fields(tc.pos), classes)
		if got := unbio(words, classes); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
	words, classes := bio(t, "the [PERSON Dow] had fallen")
	untagArticlePersons(words, nil, classes)
	if got := unbio(words, classes); got != "the [PERSON Dow] had fallen" {
		t.Errorf("without POS: got %s", got)
	}
}

func TestTagKnownPersonOpener(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, pos, want string }{
		{"Lavrov is expected to travel", "PROPN AUX VERB PART VERB", "[PERSON Lavrov] is expected to travel"},
		{"Putin said", "PROPN VERB", "[PERSON Putin] said"},
		{"Putin and Kim met", "PROPN CCONJ PROPN VERB", "Putin and Kim met"},        // no verb next: left to the model
		{"Lavrov Square is large", "PROPN PROPN AUX ADJ", "Lavrov Square is large"}, // no verb next
		{"France said", "PROPN VERB", "France said"},                                // not a person's name
		{"[ORG Lavrov] said", "PROPN VERB", "[ORG Lavrov] said"},                    // already tagged
		{"LAVROV said", "PROPN VERB", "LAVROV said"},                                // capitals: a heading
		{"Lavrov said", "", "Lavrov said"},                                          // no POS
		{"Xi [PERSON Jinping] met Putin", "SCONJ PROPN VERB PROPN", "[PERSON Xi Jinping] met Putin"},
		{"Meanwhile [PERSON Putin] said", "ADV PROPN VERB", "Meanwhile [PERSON Putin] said"},   // a lower-case word
		{"President [PERSON Putin] said", "PROPN PROPN VERB", "President [PERSON Putin] said"}, // a title
		{"Russia [PERSON Putin] said", "PROPN PROPN VERB", "Russia [PERSON Putin] said"},       // a country
		{"Xi [PERSON jinping] met", "PROPN PROPN VERB", "Xi [PERSON jinping] met"},             // not a capital next
		{"[GPE China] [PERSON Xi] met", "PROPN PROPN VERB", "[GPE China] [PERSON Xi] met"},     // already tagged
	} {
		words, classes := bio(t, tc.in)
		tagKnownPersonOpener(words, strings.Fields(tc.pos), classes, gaz, map[string]bool{"meanwhile": true})
		if got := unbio(words, classes); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestSentenceRules checks the rules that tag, in one sentence, names
// the model left untagged.
func TestSentenceRules(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]func(words []string, classes []int){
		"conjoined":     func(w []string, c []int) { retypeConjoinedPersons(w, c, gaz) },
		"nationalities": func(w []string, c []int) { tagNationalities(w, c, gaz) },
		"places":        func(w []string, c []int) { tagGazetteerPlaces(w, c, nil, gaz, nil) },
		"orgs":          func(w []string, c []int) { tagGazetteerOrgs(w, c, nil, gaz) },
		"settlements":   func(w []string, c []int) { tagSettlementNames(w, c, nil) },
		"complements":   func(w []string, c []int) { extendOrgComplements(w, c) },
		"dateline":      func(w []string, c []int) { tagDateline(w, c, gaz) },
		"phrases":       func(w []string, c []int) { tagGazetteerPhrasePlaces(w, c, nil, gaz) },
		"apply":         func(w []string, c []int) { applyRules(w, c, gaz) },
	}
	for _, tc := range []struct{ rule, in, want string }{
		{"complements", "secretary of the [ORG Security Council] of the [GPE Russian Federation] ,", "secretary of the [ORG Security Council of the Russian Federation] ,"},
		{"complements", "at the [ORG Institute] for the Study of War said", "at the [ORG Institute for the Study of War] said"},
		{"complements", "the [ORG Security Council] on Monday", "the [ORG Security Council] on Monday"},                                     // no of- or for-phrase
		{"complements", "the [ORG Commission] for Refugees and [PERSON Kim] met", "the [ORG Commission for Refugees] and [PERSON Kim] met"}, // a person ends it
		{"complements", "the [ORG Foundation] for [ORG FC Barcelona] said", "the [ORG Foundation] for [ORG FC Barcelona] said"},             // an organisation of its own
		{"complements", "the [ORG Council] of Europe in May", "the [ORG Council of Europe] in May"},
		{"dateline", "[ORG TIANJIN] , [GPE China] , Sept 2 ( AP ) -- [ORG Gazprom] signed", "[GPE TIANJIN] , [GPE China] , Sept 2 ( [ORG AP] ) -- [ORG Gazprom] signed"},
		{"dateline", "SRINAGAR / ISLAMABAD : troops fired", "[GPE SRINAGAR] / [GPE ISLAMABAD] : troops fired"},
		{"dateline", "QUESTION : Why now ?", "QUESTION : Why now ?"},                           // a speaker, not a place
		{"dateline", "BEST DENTIST EVER - I went", "BEST DENTIST EVER - I went"},               // no comma or bracket after
		{"dateline", "[ORG NATO] AND [GPE RUSSIA] AGREE", "[ORG NATO] AND [GPE RUSSIA] AGREE"}, // no dash
		{"apply", "National Security Adviser Wi Sung-lac and Foreign Minister [PERSON Cho Hyun] met", "National Security Adviser [PERSON Wi Sung-lac] and Foreign Minister [PERSON Cho Hyun] met"},
		{"apply", "Russian carrier Nordwind Airlines began flights", "Russian carrier [ORG Nordwind Airlines] began flights"},
		{"apply", "The Multilateral Sanctions Monitoring Team , or MSMT", "The [ORG Multilateral Sanctions Monitoring Team] , or MSMT"},
		{"apply", "Prime Minister Party said", "Prime Minister Party said"},
		{"apply", "an Iran analyst at [LOC Chatham House] in [GPE London]", "an Iran analyst at [ORG Chatham House] in [GPE London]"},
		{"apply", "director of the [GPE Carnegie Russia Eurasia Center] in", "director of the [ORG Carnegie Russia Eurasia Center] in"},
		{"apply", "an expert at [GPE Moscow] said", "an expert at [GPE Moscow] said"},                                         // a known place
		{"apply", "director of [GPE Ukraine] 's military intelligence", "director of [GPE Ukraine] 's military intelligence"}, // owns something
		{"apply", "Choe Son Hui , minister of [ORG Foreign Affairs] , attended", "Choe Son Hui , minister of Foreign Affairs , attended"},
		{"apply", "met the [ORG Ministry of Foreign Affairs] officials", "met the [ORG Ministry of Foreign Affairs] officials"},
		{"apply", "the IAEA 's access to [PERSON Natanz] would", "the [ORG IAEA] 's access to [GPE Natanz] would"},
		{"apply", "the islands of [LOC Kinmen] and [PERSON Matsu] ,", "the islands of [LOC Kinmen] and [GPE Matsu] ,"},
		{"apply", "sent a letter to [PERSON Putin] .", "sent a letter to [PERSON Putin] ."},
		{"apply", "[PERSON Barrick] chief executive [PERSON Mark Bristow] said", "[ORG Barrick] chief executive [PERSON Mark Bristow] said"},
		{"apply", "[PERSON Vostok Intur] , a travel agency based in [GPE Vladivostok]", "[ORG Vostok Intur] , a travel agency based in [GPE Vladivostok]"},
		{"apply", "replaced [PERSON Wagner] contractors at", "replaced [ORG Wagner] contractors at"},
		{"apply", "[PERSON Putin] spokesman [PERSON Dmitry Peskov] said", "[PERSON Putin] spokesman [PERSON Dmitry Peskov] said"},
		{"apply", "[PERSON Lee] , a party member , said", "[PERSON Lee] , a party member , said"}, // the apposition's head is "member"
		{"apply", "from ship-tracking firm [PERSON Kpler] show", "from ship-tracking firm [ORG Kpler] show"},
		{"apply", "whose [PERSON Otzma Yehudit] party opposes", "whose [ORG Otzma Yehudit] party opposes"},
		{"apply", "Transmashholding , [GPE Russia] 's biggest locomotive maker , has", "[ORG Transmashholding] , [GPE Russia] 's biggest locomotive maker , has"},
		{"apply", "of the Mercosur trade bloc vowed", "of the [ORG Mercosur] trade bloc vowed"},
		{"apply", "However , the company based in [GPE Moscow] said", "However , the company based in [GPE Moscow] said"},
		{"phrases", "from [LOC Dar] es [GPE Salaam] to", "from [GPE Dar es Salaam] to"},
		{"phrases", "read [ORG The New York Times] today", "read [ORG The New York Times] today"}, // a mention reaches in
		{"phrases", "flew to [GPE New York] today", "flew to [GPE New York] today"},
		{"complements", "The [ORG Central Bank] of the [GPE UAE] did", "The [ORG Central Bank of the UAE] did"},
		{"complements", "the [ORG Parliamentary Assembly] of the [ORG Council of Europe] arrived", "the [ORG Parliamentary Assembly of the Council of Europe] arrived"},
		{"apply", "said on [GPE Al-Masirah] television that", "said on [ORG Al-Masirah] television that"},
		{"apply", "released from [PERSON Ofer Prison] will", "released from [LOC Ofer Prison] will"},
		{"apply", "control of the [GPE Zaporizhzhia] Nuclear Power Plant .", "control of the [FAC Zaporizhzhia Nuclear Power Plant] ."},
		{"apply", "met [ORG Gazprom] Refinery workers", "met [ORG Gazprom] Refinery workers"}, // an organisation's mention in the run
		{"apply", "the [ORG Allied Democratic Forces] , a [ORG Ugandan-rooted] militia", "the [ORG Allied Democratic Forces] , a Ugandan-rooted militia"},
		{"apply", "a [ORG Kremlin-linked] group", "a [ORG Kremlin-linked] group"}, // a name, not a nationality
		{"apply", "unloaded at [PERSON Rajin] with tankers", "unloaded at [GPE Rajin] with tankers"},
		{"apply", "crowds in [GPE Rafah] and [PERSON Kerem Shalom] cheered", "crowds in [GPE Rafah] and [GPE Kerem Shalom] cheered"},
		{"apply", "a meeting in [PERSON Vladimir Putin] 's residence", "a meeting in [PERSON Vladimir Putin] 's residence"}, // a given name
		{"apply", "spoke at [PERSON Ishiba] 's office", "spoke at [PERSON Ishiba] 's office"},                               // owns something
		{"apply", "met [PERSON Ishiba] in Tokyo", "met [PERSON Ishiba] in Tokyo"},
		{"apply", "\" , [NORP Iranian] Foreign [PERSON Ministry spokesman Esmaeil Baghaei] told", "\" , [PERSON Iranian Foreign Ministry spokesman Esmaeil Baghaei] told"},
		{"conjoined", "between [PERSON Trump] and [LOC Zelenskiy] in", "between [PERSON Trump] and [PERSON Zelenskiy] in"},
		{"conjoined", "between [PERSON Putin] and [GPE Beijing] in", "between [PERSON Putin] and [GPE Beijing] in"}, // a known place
		{"conjoined", "between [GPE Russia] and [LOC Zelenskiy] in", "between [GPE Russia] and [LOC Zelenskiy] in"}, // no person before
		{"conjoined", "[PERSON Trump] and [LOC Mar a Lago]", "[PERSON Trump] and [LOC Mar a Lago]"},                 // longer than a word
		{"nationalities", "Iranian Foreign Minister [PERSON Abbas Araqchi] said", "[NORP Iranian] Foreign Minister [PERSON Abbas Araqchi] said"},
		{"nationalities", "Saudi Crown Prince [PERSON Mohammed bin Salman] met", "[NORP Saudi] Crown Prince [PERSON Mohammed bin Salman] met"},
		{"nationalities", "met North Korean Defence Minister [PERSON No Kwang Chol]", "met [NORP North Korean] Defence Minister [PERSON No Kwang Chol]"},
		{"nationalities", "met Korean Defence Minister [PERSON No Kwang Chol]", "met Korean Defence Minister [PERSON No Kwang Chol]"}, // which Korea
		{"nationalities", "abducted two Moroccans in October", "abducted two Moroccans in October"},                                   // no capital next
		{"nationalities", "English captain [PERSON Harry Kane] scored", "English captain [PERSON Harry Kane] scored"},
		{"nationalities", "[ORG Iranian Red Crescent] said", "[ORG Iranian Red Crescent] said"}, // already tagged
		{"nationalities", "Georgian President Salome Zourabichvili", "[NORP Georgian] President Salome Zourabichvili"},
		{"nationalities", "Paris Mayor Anne Hidalgo", "Paris Mayor Anne Hidalgo"}, // a city
		{"nationalities", "IRANIAN FOREIGN MINISTER SAID", "IRANIAN FOREIGN MINISTER SAID"},
		{"places", "visited the troops in Port-au-Prince in September", "visited the troops in [GPE Port-au-Prince] in September"},
		{"places", "flew to Port-au-Prince .", "flew to [GPE Port-au-Prince] ."},
		{"places", "the Port-au-Prince talks", "the [GPE Port-au-Prince] talks"},
		{"places", "days after Pyongyang sent troops", "days after [GPE Pyongyang] sent troops"},
		{"places", "Pyongyang sent troops", "Pyongyang sent troops"},         // the sentence's first word
		{"places", "said Jordan would help", "said [GPE Jordan] would help"}, // the country, as mostly in news
		{"places", "flew to Jordan on Monday", "flew to [GPE Jordan] on Monday"},
		{"places", "in Port-au-Prince Bay", "in Port-au-Prince Bay"},                         // a longer name
		{"places", "in [LOC Port-au-Prince]", "in [LOC Port-au-Prince]"},                     // already tagged
		{"places", "in Quantum mechanics", "in Quantum mechanics"},                           // unknown word
		{"places", "TROOPS IN PORT-AU-PRINCE IN HAITI", "TROOPS IN PORT-AU-PRINCE IN HAITI"}, // capitals
		{"orgs", "and European Commission President [PERSON Ursula von der Leyen]", "and [ORG European Commission] President [PERSON Ursula von der Leyen]"},
		{"orgs", "the European Commission said", "the [ORG European Commission] said"},
		{"orgs", "the [ORG European Commission] said", "the [ORG European Commission] said"}, // already tagged
		{"orgs", "the European commission said", "the European commission said"},             // lower case
		{"orgs", "EUROPEAN COMMISSION SAID", "EUROPEAN COMMISSION SAID"},                     // capitals
		{"settlements", "the Ukrainian city of Sumy on Sunday", "the Ukrainian city of [GPE Sumy] on Sunday"},
		{"settlements", "the town of Nova Kakhovka .", "the town of [GPE Nova Kakhovka] ."},
		{"settlements", "the village of Thionk [LOC Essil] are", "the village of Thionk [LOC Essil] are"}, // runs into a tagged name
		{"settlements", "the city of [GPE Kharkiv]", "the city of [GPE Kharkiv]"},
		{"settlements", "the city of some size", "the city of some size"},
		{"settlements", "THE CITY OF SUMY", "THE CITY OF SUMY"},
	} {
		words, classes := bio(t, tc.in)
		rules[tc.rule](words, classes)
		if got := unbio(words, classes); got != tc.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tc.rule, tc.in, got, tc.want)
		}
	}
}

// TestKnownOrgNamesShape: tagKnownOrgs skips every word that does not
// start with an ASCII capital, so every listed name must start with one.
func TestKnownOrgNamesShape(t *testing.T) {
	for _, n := range knownOrgNames {
		if n == "" || n[0] < 'A' || n[0] > 'Z' {
			t.Errorf("%q does not start with an ASCII capital", n)
		}
	}
}
