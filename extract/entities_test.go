package extract

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// annotated builds a segmented document from text in which mentions are
// marked "[TYPE words]"; the marks are removed from the text.
func annotated(t *testing.T, src string) *Document {
	t.Helper()
	re := regexp.MustCompile(`\[([A-Z]+) ([^\]]+)\]`)
	var text strings.Builder
	type mark struct {
		span Span
		typ  EntityType
	}
	var marks []mark
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
		text.WriteString(src[last:m[0]])
		typ, ok := ParseEntityType(src[m[2]:m[3]])
		if !ok {
			t.Fatalf("bad type in %q", src[m[0]:m[1]])
		}
		start := text.Len()
		text.WriteString(src[m[4]:m[5]])
		marks = append(marks, mark{Span{start, text.Len()}, typ})
		last = m[1]
	}
	text.WriteString(src[last:])
	doc := &Document{Text: text.String()}
	doc.Body = []Span{{0, len(doc.Text)}}
	segment(doc)
	for _, mk := range marks {
		first, end := -1, -1
		for i, tk := range doc.Tokens {
			if tk.Start == mk.span.Start {
				first = i
			}
			if tk.End == mk.span.End {
				end = i + 1
			}
		}
		if first < 0 || end < 0 {
			t.Fatalf("mark %q does not fall on token boundaries", doc.Slice(mk.span))
		}
		doc.Mentions = append(doc.Mentions, Mention{Span: mk.span, First: first, End: end, Type: mk.typ, Entity: -1, Score: 1})
	}
	return doc
}

// describeEntities renders entities as "Name TYPE [alias:rule ...] (roles)".
func describeEntities(doc *Document) []string {
	var out []string
	for _, e := range doc.Entities {
		s := e.Name + " " + e.Type.String()
		for _, a := range e.Aliases {
			s += fmt.Sprintf(" +%s:%s", a.Name, a.Rule)
		}
		if len(e.Roles) > 0 {
			s += " (" + strings.Join(e.Roles, "; ") + ")"
		}
		out = append(out, s)
	}
	return out
}

func TestResolveRules(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"surname after full name",
			"[PERSON Sergei Shoigu] arrived. [PERSON Shoigu] met officials.",
			[]string{"Sergei Shoigu PERSON +Shoigu:surname"}},
		{"an acronym is no surname",
			"[PERSON Kim Jong Un] spoke. The [ORG UN] and the [PERSON U.N.] replied.",
			[]string{"Kim Jong Un PERSON", "UN ORG +U.N.:same name"}},
		{"a surname in capitals is a surname",
			"[PERSON John Kirby] spoke. [PERSON KIRBY]: No.",
			[]string{"John Kirby PERSON +KIRBY:surname"}},
		{"surname tagged as a place",
			"[PERSON Sergei Shoigu] arrived. [GPE Shoigu] met officials.",
			[]string{"Sergei Shoigu PERSON +Shoigu:surname"}},
		{"surname before full name",
			"[PERSON Shoigu] arrived. Later [PERSON Sergei Shoigu] spoke.",
			[]string{"Sergei Shoigu PERSON +Shoigu:surname"}},
		{"title inside mention",
			"[PERSON President Vladimir Putin] spoke. [PERSON Putin] left.",
			[]string{"Vladimir Putin PERSON +Putin:surname (president)"}},
		{"role before mention",
			"Russian Security Council chief [PERSON Sergei Shoigu] met them.",
			[]string{"Sergei Shoigu PERSON (russian security council chief)"}},
		{"role opening the sentence with a two-word country",
			"South Korean President [PERSON Yoon Suk Yeol] spoke.",
			[]string{"Yoon Suk Yeol PERSON (south korean president)"}},
		{"shorter role folded into longer",
			"Russian President [PERSON Vladimir Putin] spoke. President [PERSON Putin] left.",
			[]string{"Vladimir Putin PERSON +Putin:surname (russian president)"}},
		{"possessive",
			"[PERSON Sergei Shoigu’s] visit. [PERSON Shoigu's] aide.",
			[]string{"Sergei Shoigu PERSON +Shoigu:surname"}},
		{"acronym defined in text",
			"Agency [GPE Korean] [LOC Central] News Agency (KCNA) said. [GPE KCNA] added.",
			[]string{"Korean Central News Agency ORG +KCNA:acronym"}},
		{"demonym linked to its country",
			"[NORP North Korean] troops left [GPE North Korea].",
			[]string{"North Korea GPE +North Korean:demonym"}},
		{"demonym without the country",
			"[NORP American] officials said.",
			[]string{"United States GPE +American:demonym"}},
		{"official and alternate country names",
			"[GPE DPRK] and [GPE the Democratic People's Republic of Korea] and [GPE North Korea].",
			[]string{"North Korea GPE +DPRK:country name +Democratic People's Republic of Korea:country name"}},
		{"U.S. and US",
			"[GPE U.S.] and [GPE US] and [GPE United States].",
			[]string{"United States GPE +U.S.:country name +US:country name"}},
		{"hyphen and space",
			"[PERSON Kim Jong Un] and [PERSON Kim Jong-un].",
			[]string{"Kim Jong Un PERSON +Kim Jong-un:spelling"}},
		{"partial name",
			"[PERSON Kim Jong Un] met. [ORG Jong-un] spoke.",
			[]string{"Kim Jong Un PERSON +Jong-un:partial name"}},
		{"korean surname first",
			"[PERSON Kim Jong Un] met. [PERSON Kim] spoke.",
			[]string{"Kim Jong Un PERSON +Kim:surname"}},
		{"given name",
			"[PERSON Ethan Kim] writes. [PERSON Ethan] reports.",
			[]string{"Ethan Kim PERSON +Ethan:given name"}},
		{"Ethan Kim is not Kim Jong Un",
			"[PERSON Kim Jong Un] met. [PERSON Ethan Kim] wrote. [PERSON Kim] spoke.",
			[]string{"Kim Jong Un PERSON", "Ethan Kim PERSON", "Kim PERSON"}},
		{"Ri Chang Dae is not Ri Song Chol",
			"[PERSON Ri Chang Dae] met [PERSON Ri Song Chol]. [PERSON Ri] spoke.",
			[]string{"Ri Chang Dae PERSON", "Ri Song Chol PERSON", "Ri PERSON"}},
		{"North Korea is not South Korea",
			"[GPE North Korea] and [GPE South Korea] and [NORP South Korean] troops.",
			[]string{"North Korea GPE", "South Korea GPE +South Korean:demonym"}},
		{"Pyongyang is not North Korea",
			"[PERSON Pyongyang] is the capital of [GPE North Korea]. [GPE Pyongyang] again.",
			[]string{"Pyongyang GPE", "North Korea GPE"}},
		{"compound of countries names no entity",
			"[GPE DPRK-Russia] ties deepen in [GPE Russia].",
			[]string{"Russia GPE"}},
		{"middle name dropped",
			"[PERSON Brock Wyatt Holt] played. [PERSON Brock Holt] hit. [PERSON Holt] ran.",
			[]string{"Brock Wyatt Holt PERSON +Brock Holt:middle name +Holt:surname"}},
		{"title inside a longer mention",
			"[PERSON NASA Administrator Charles Bolden] spoke. [PERSON Bolden] left.",
			[]string{"Charles Bolden PERSON +Bolden:surname (nasa administrator)"}},
		{"title alone joins the one person with that role",
			"President [PERSON Donald Trump] spoke. The [PERSON President] left.",
			[]string{"Donald Trump PERSON (president)"}},
		{"a title is never an alias",
			"Deputy Minister [PERSON Aiko Tanaka] arrived. The [PERSON Deputy Minister] spoke. [PERSON Minister] Tanaka left.",
			[]string{"Aiko Tanaka PERSON (deputy minister)"}},
		{"title alone with no such person names nothing",
			"The [PERSON President] left. [PERSON Sergei Shoigu] stayed.",
			[]string{"Sergei Shoigu PERSON"}},
		{"organisation short names",
			"[ORG Church of Scientology] said. [ORG Scientology] and the [ORG Church] agreed.",
			[]string{"Church of Scientology ORG +Scientology:short name +Church:short name"}},
		{"ambiguous organisation short name",
			"[ORG Catholic Church] and [ORG Church of Scientology] met. The [ORG Church] spoke.",
			[]string{"Catholic Church ORG", "Church of Scientology ORG", "Church ORG"}},
		{"no short names for places",
			"[GPE North Korea] and [GPE Korea].",
			[]string{"North Korea GPE", "Korea GPE"}},
		{"possessive inside a mention splits it",
			"[GPE Russia’s Ukraine] efforts and [ORG North Korea’s Workers’ Party] events.",
			[]string{"Russia GPE", "Ukraine GPE", "North Korea GPE", "Workers’ Party ORG"}},
		{"initials of one organisation",
			"The [ORG World Food Programme] said. The [ORG WFP] and the [GPE U.N.] and the [ORG United Nations] agreed.",
			[]string{"World Food Programme ORG +WFP:initials", "United Nations ORG +U.N.:initials"}},
		{"an acronym opening a name names the parent",
			"The [ORG UN Security Council] met. The [ORG UN] and the [ORG US Navy] and the [GPE US] agreed.",
			[]string{"UN Security Council ORG", "UN ORG", "US Navy ORG", "United States GPE +US:country name"}},
		{"a name without the year or number of a longer one is another event",
			"The [EVENT 1991 Hajj] was deadly. The [EVENT Hajj] draws millions. [EVENT Euro 2024] and [EVENT Euro] fans.",
			[]string{"1991 Hajj EVENT", "Hajj EVENT", "Euro 2024 EVENT", "Euro EVENT"}},
		{"an acronym of four to six capitals opening a name names another organisation",
			"The [ORG ISIL Coalition] struck the [ORG ISIL]. The [ORG Coalition] said so. The [ORG Counter Terrorism Group] and the [ORG Counter] met.",
			[]string{"ISIL Coalition ORG +Coalition:short name", "ISIL ORG", "Counter Terrorism Group ORG +Counter:short name"}},
		{"a whole organisation opening a name names the parent",
			"The [ORG United Nations Security Council] met. The [ORG United Nations] agreed. The [ORG Security Council] voted.",
			[]string{"United Nations Security Council ORG +Security Council:short name", "United Nations ORG"}},
		{"a country after and owns what follows the possessive",
			"JNIM ambushed the [ORG Malian Armed Forces and Russia's Africa Corps] on the road.",
			[]string{"Malian Armed Forces ORG", "Russia GPE", "Africa Corps ORG"}},
		{"an e-mail address names no surname",
			"[PERSON Michael Olsen@ENRON] wrote. [ORG Enron] agreed.",
			[]string{"Michael Olsen@ENRON PERSON", "Enron ORG"}},
		{"a name that drops a word of a longer one is another organisation",
			"The [ORG Liberal Democratic Party] lost. The ruling [ORG Democratic Party] won. The [ORG Russian Defence Ministry] and the [ORG Defence Ministry] agreed.",
			[]string{"Liberal Democratic Party ORG", "Democratic Party ORG", "Russian Defence Ministry ORG +Defence Ministry:short name"}},
		{"an organisation name before of is a short form",
			"The [ORG Workers' Party of Korea] met. The [ORG Workers' Party] said. [ORG Harvard University] and [ORG Harvard] agreed.",
			[]string{"Workers' Party of Korea ORG +Workers' Party:short name", "Harvard University ORG +Harvard:short name"}},
		{"a place ending an organisation's name is no short name of it",
			"The [ORG Bank of England] said. [ORG England] agreed. The [ORG Church of Scientology] and [ORG Scientology] met.",
			[]string{"Bank of England ORG", "England ORG", "Church of Scientology ORG +Scientology:short name"}},
		{"no initials from a name with an acronym in it",
			"The [ORG University of NSW] said. The [ORG UN] agreed.",
			[]string{"University of NSW ORG", "UN ORG"}},
		{"initials of two organisations link neither",
			"[ORG Arab Bank] and [ORG African Bank] and [ORG AB].",
			[]string{"Arab Bank ORG", "African Bank ORG", "AB ORG"}},
		{"initials with small words",
			"The [ORG Organisation of American States] met. The [ORG OAS] said.",
			[]string{"Organisation of American States ORG +OAS:initials"}},
		{"The in a place name",
			"Judges met in [GPE The Hague]. [GPE the United States] and [ORG the Kremlin] agreed.",
			[]string{"The Hague GPE", "United States GPE", "Kremlin ORG"}},
		{"The at the start of a sentence",
			"[GPE The Hague] hosted it. [GPE the Netherlands] agreed.",
			[]string{"The Hague GPE", "Netherlands GPE"}},
		{"no article kept outside city names",
			"[ORG the UN] and [ORG UN] and [ORG The Islamic State] and [ORG Islamic State].",
			[]string{"UN ORG", "Islamic State ORG"}},
		{"same name, majority type",
			"[ORG TASS] said. [GPE TASS] added. [ORG Tass] wrote.",
			[]string{"TASS ORG +Tass:spelling"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := annotated(t, tc.text)
			(&Extractor{}).resolve(doc)
			got := describeEntities(doc)
			if !slices.Equal(got, tc.want) {
				t.Errorf("entities:\n got %q\nwant %q", got, tc.want)
			}
			checkMentionLinks(t, doc)
		})
	}
}

// checkMentionLinks checks that mentions and entities point at each other
// and that mentions stay sorted and in bounds.
func checkMentionLinks(t *testing.T, doc *Document) {
	t.Helper()
	for mi, m := range doc.Mentions {
		if mi > 0 && doc.Mentions[mi-1].Span.Start > m.Span.Start {
			t.Errorf("mentions out of order at %d", mi)
		}
		if m.First < 0 || m.End > len(doc.Tokens) || m.First >= m.End {
			t.Errorf("mention %d token range %d:%d", mi, m.First, m.End)
		}
		if m.Entity >= 0 && !slices.Contains(doc.Entities[m.Entity].Mentions, mi) {
			t.Errorf("mention %d -> entity %d, which does not list it", mi, m.Entity)
		}
	}
	for ei, e := range doc.Entities {
		for _, mi := range e.Mentions {
			if doc.Mentions[mi].Entity != ei {
				t.Errorf("entity %d lists mention %d, which points at %d", ei, mi, doc.Mentions[mi].Entity)
			}
		}
	}
}

func TestResolveKeepsNORPMention(t *testing.T) {
	doc := annotated(t, "[NORP North Korean] troops left [GPE North Korea].")
	(&Extractor{}).resolve(doc)
	if doc.Mentions[0].Type != NORP || doc.Mentions[0].Entity != doc.Mentions[1].Entity {
		t.Errorf("demonym mention: type %v entity %d, country entity %d", doc.Mentions[0].Type, doc.Mentions[0].Entity, doc.Mentions[1].Entity)
	}
}

func TestAcronymShaped(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"UN", true}, {"U.N.", true}, {"NHK", true}, {"U.S.A.", true},
		{"Un", false}, {"KIRBY", false}, {"A", false}, {"Kim", false}, {"", false},
	} {
		if got := AcronymShaped(tc.name); got != tc.want {
			t.Errorf("AcronymShaped(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Kim Jong-un": "kim jong un", "TASS": "tass", "U.S.": "us", "Sergéi  Shoigu": "sergei shoigu", "O’Brien": "obrien",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadGUMCoref(t *testing.T) {
	const src = `# newdoc id = GUM_news_test
# meta::title = Test
1	Kim	Kim	PROPN	NNP	_	0	root	_	Entity=(1-person-new-s-cf1-3-coref-Kim_Jong%2Dun
2	Jong	Jong	PROPN	NNP	_	1	flat	_	_
3	Un	Un	PROPN	NNP	_	1	flat	_	Entity=1)
4	of	of	ADP	IN	_	5	case	_	_
5	the	the	DET	DT	_	5	det	_	Entity=(2-place-new-s-cf2-1-coref-North_Korea
6	DPRK	DPRK	PROPN	NNP	_	1	nmod	_	Entity=2)|SpaceAfter=No
7	.	.	PUNCT	.	_	1	punct	_	_

1	He	he	PRON	PRP	_	2	nsubj	_	Entity=(1-person-giv-s-cf1-1-coref-Kim_Jong%2Dun)
2	met	meet	VERB	VBD	_	0	root	_	_
3	Nick	Nick	PROPN	NNP	_	2	obj	_	Entity=(3-person-new-s-cf1-1-coref-Nick_Rhodes
4	Rhodes	Rhodes	PROPN	NNP	_	3	flat	_	_
5	of	of	ADP	IN	_	6	case	_	_
6	Duran	Duran	PROPN	NNP	_	3	nmod	_	Entity=(4-organization-new-s-cf1-1-coref-Duran_Duran
7	Duran	Duran	PROPN	NNP	_	6	flat	_	Entity=4)3)|SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_
`
	doc, gold, err := ReadGUMCoref(strings.NewReader(src), "GUM_news_test")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "Kim Jong Un of the DPRK.\nHe met Nick Rhodes of Duran Duran." || len(doc.Sentences) != 2 || doc.Title != "Test" {
		t.Fatalf("text %q, %d sentences", doc.Text, len(doc.Sentences))
	}
	var got []string
	for _, g := range gold {
		got = append(got, doc.Slice(doc.Mentions[g.Mention].Span)+"|"+doc.Mentions[g.Mention].Type.String()+"|"+g.Identity+"|"+g.Group)
	}
	want := []string{"Kim Jong Un|PERSON|Kim_Jong%2Dun|GUM_news_test#1", "DPRK|GPE|North_Korea|GUM_news_test#2",
		"Nick Rhodes|PERSON|Nick_Rhodes|GUM_news_test#3", "Duran Duran|ORG|Duran_Duran|GUM_news_test#4"}
	if !slices.Equal(got, want) {
		t.Errorf("gold mentions\n got %q\nwant %q", got, want)
	}
	for _, bad := range []string{"1\tx\n", "1\tA\tA\tPROPN\tNNP\t_\t0\troot\t_\tEntity=1)\n"} {
		if _, _, err := ReadGUMCoref(strings.NewReader(bad), "bad"); err == nil || !strings.Contains(err.Error(), "bad:1") {
			t.Errorf("%q: error %v, want one naming bad:1", bad, err)
		}
	}
}

func TestAppositiveRole(t *testing.T) {
	tags := map[string]string{"the": "DET", "Russian": "ADJ", "defense": "NOUN", "minister": "NOUN", "Russia": "PROPN",
		"’s": "PART", "top": "ADJ", "security": "NOUN", "adviser": "NOUN", "arrived": "VERB", "who": "PRON", "said": "VERB", "he": "PRON"}
	for _, tc := range []struct{ text, want string }{
		{"[PERSON Sergei Shoigu], the Russian defense minister, arrived.", "russian defense minister"},
		{"[PERSON Sergei Shoigu], Russia’s top security adviser, arrived.", "russia’s top security adviser"},
		{"[PERSON Sergei Shoigu], who arrived, said.", ""},
		{"[PERSON Sergei Shoigu], he said.", ""},
	} {
		doc := annotated(t, tc.text)
		for i := range doc.Tokens {
			doc.Tokens[i].Tag = tags[doc.Slice(doc.Tokens[i].Span)]
		}
		Resolve(doc)
		got := strings.Join(doc.Entities[0].Roles, "; ")
		if got != tc.want {
			t.Errorf("%q: roles %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestContextRole(t *testing.T) {
	tags := map[string]string{"the": "DET", "governing": "ADJ", "party": "NOUN", "leader": "NOUN", "met": "VERB",
		"opposition": "NOUN", "chief": "NOUN", "In": "ADP", "May": "PROPN", ",": "PUNCT", "three": "NUM", "former": "ADJ"}
	for _, tc := range []struct{ text, want string }{
		{"In May, governing party leader [PERSON Ana Lima] met them.", "governing party leader"},
		{"They met opposition chief [PERSON Ana Lima] in May.", "opposition chief"},
		{"In May, the former party leader [PERSON Ana Lima] met them.", "former party leader"},
		{"They met three leader [PERSON Ana Lima].", "leader"},
		{"They met [PERSON Ana Lima].", ""},
	} {
		doc := annotated(t, tc.text)
		for i := range doc.Tokens {
			doc.Tokens[i].Tag = tags[doc.Slice(doc.Tokens[i].Span)]
		}
		Resolve(doc)
		got := strings.Join(doc.Entities[0].Roles, "; ")
		if got != tc.want {
			t.Errorf("%q: roles %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFoldRoles(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{[]string{"president", "russian president"}, []string{"russian president"}},
		{[]string{"ghana state security minister", "ghana’s state security minister"}, []string{"ghana state security minister"}},
		{[]string{"ghana's minister", "minister"}, []string{"ghana's minister"}},
		{[]string{"chief", "security chief", "party chief"}, []string{"security chief", "party chief"}},
		{[]string{"adviser", "governor"}, []string{"adviser", "governor"}},
		{nil, nil},
	} {
		if got := FoldRoles(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("FoldRoles(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitNationality(t *testing.T) {
	m, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	e := &Extractor{m: m}
	for _, tc := range []struct{ text, want string }{
		// at a sentence's start the title goes too
		{"[PERSON Russian Foreign Minister Sergei Lavrov] met Choe.", "NORP:Russian|PERSON:Sergei Lavrov"},
		{"[PERSON U.S. Secretary of State Antony Blinken] arrived.", "GPE:U.S.|PERSON:Secretary of State Antony Blinken"}, // not with "of"
		{"[PERSON North Korean leader Kim Jong Un] spoke.", "NORP:North Korean|PERSON:Kim Jong Un"},
		// inside a sentence the person keeps it
		{"Choe met [PERSON Russian Foreign Minister Sergei Lavrov].", "NORP:Russian|PERSON:Foreign Minister Sergei Lavrov"},
		{"He met [PERSON North Korean leader Kim Jong Un].", "NORP:North Korean|PERSON:leader Kim Jong Un"},
		{"[PERSON Russian Sergei Lavrov] met Choe.", "PERSON:Russian Sergei Lavrov"},            // no title: left to the tagger
		{"[PERSON Moscow Mayor Sergei Sobyanin] spoke.", "PERSON:Moscow Mayor Sergei Sobyanin"}, // a capital is a place of its own
		{"[ORG Russian Foreign Ministry] said.", "ORG:Russian Foreign Ministry"},
		{"[PERSON Russian President] spoke.", "PERSON:Russian President"},                                                    // no name after the title
		{"[PERSON Chinese Foreign Ministry spokesman Lin Jian] said.", "PERSON:Chinese Foreign Ministry spokesman Lin Jian"}, // the ministry is Chinese: splitOrgTitle's
	} {
		doc := annotated(t, tc.text)
		e.splitNationality(doc)
		var got []string
		for _, m := range doc.Mentions {
			got = append(got, m.Type.String()+":"+doc.Slice(m.Span))
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%q: mentions %q, want %q", tc.text, g, tc.want)
		}
	}
}

func TestUnshout(t *testing.T) {
	for _, tc := range []struct {
		name    string
		typ     EntityType
		aliases []string
		want    string
	}{
		{"WASHINGTON", GPE, []string{"Washington"}, "Washington|WASHINGTON"},
		{"SECRETARY KERRY", Person, []string{"Kerry"}, "SECRETARY KERRY|Kerry"}, // another name, not a spelling
		{"KERRY", Person, []string{"Kerry"}, "Kerry|KERRY"},
		{"NATO", Org, []string{"Nato"}, "NATO|Nato"},
		{"WORLD FOOD PROGRAMME", Org, []string{"World Food Programme"}, "World Food Programme|WORLD FOOD PROGRAMME"},
		{"Moscow", GPE, []string{"MOSCOW"}, "Moscow|MOSCOW"},
		{"SEOUL", GPE, nil, "SEOUL"},
	} {
		e := Entity{Name: tc.name, Type: tc.typ}
		for _, a := range tc.aliases {
			e.Aliases = append(e.Aliases, Alias{Name: a, Rule: RuleSpelling})
		}
		unshout(&e)
		got := []string{e.Name}
		for _, a := range e.Aliases {
			got = append(got, a.Name)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, g, tc.want)
		}
	}
}

// TestSplitPlaceCountry checks that a place written with its country
// after a comma gives two entities, and that a place with a state or
// region after the comma stays one mention of the tagger's.
func TestSplitPlaceCountry(t *testing.T) {
	ex, err := New(WithMode(NoRelations))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string // entity names, in order
	}{
		{"Russian drones struck Kharkiv, Ukraine, on Monday.", []string{"Russia", "Kharkiv", "Ukraine"}},
		{"Coalition aircraft destroyed tanks near Palmyra, Syria.", []string{"Coalition", "Palmyra", "Syria"}},
	} {
		doc, err := ex.Extract(context.Background(), Input{Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range doc.Entities {
			if e.Type != NORP {
				got = append(got, e.Name)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: entities %q, want %q", c.text, got, c.want)
		}
	}
}

func TestQualifyGenericOrgs(t *testing.T) {
	ex, err := New(WithMode(NoRelations))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"South Korea's Foreign Ministry said on Monday it was concerned. The Foreign Ministry added that Seoul would respond.", "South Korean Foreign Ministry"},
		{"Japan's Defence Ministry reported the launch on Monday.", "Japanese Defence Ministry"},
		{"The Foreign Ministry said on Monday it was concerned.", "Foreign Ministry"},                                          // no country
		{"Japan's Defence Ministry and South Korea's Defence Ministry reported the launch.", "Defence Ministry"},               // two countries
		{"South Korea's National Intelligence Service said on Monday that troops had moved.", "National Intelligence Service"}, // not a generic name
	} {
		doc, err := ex.Extract(context.Background(), Input{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var orgs []string
		for _, e := range doc.Entities {
			if e.Type == Org {
				orgs = append(orgs, e.Name)
			}
		}
		if !slices.Contains(orgs, tc.want) {
			t.Errorf("%q: organisations %q, want %q among them", tc.text, orgs, tc.want)
		}
	}
}
