package extract

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// buildParsed makes a one-sentence Document from a CoNLL-like table: one
// token per line as "form UPOS XPOS head dep [TYPE:Name]", heads 1-based
// (0 = root). Consecutive tokens with the same TYPE:Name form one mention
// of the entity Name.
func buildParsed(tb testing.TB, table string, published time.Time) *Document {
	tb.Helper()
	doc := &Document{ID: "t", Published: published}
	var text strings.Builder
	var ments []string
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			tb.Fatalf("bad token line %q", line)
		}
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(f[0])
		h, err := strconv.Atoi(f[3])
		if err != nil {
			tb.Fatalf("bad head in %q", line)
		}
		doc.Tokens = append(doc.Tokens, Token{Span: Span{start, text.Len()}, Tag: f[1], XPOS: f[2], Head: h - 1, Dep: f[4]})
		m := ""
		if len(f) > 5 {
			m = f[5]
		}
		ments = append(ments, m)
	}
	doc.Text = text.String()
	doc.Sentences = []Sentence{{Span: Span{0, len(doc.Text)}, First: 0, End: len(doc.Tokens)}}
	byName := map[string]int{}
	for i := 0; i < len(ments); {
		if ments[i] == "" {
			i++
			continue
		}
		j := i
		for j < len(ments) && ments[j] == ments[i] {
			j++
		}
		ty, name, _ := strings.Cut(ments[i], ":")
		et, ok := ParseEntityType(ty)
		if !ok {
			tb.Fatalf("bad type %q", ty)
		}
		ei, ok := byName[name]
		if !ok {
			ei = len(doc.Entities)
			byName[name] = ei
			doc.Entities = append(doc.Entities, Entity{Key: Key(et, name), Name: name, Type: et})
		}
		mi := len(doc.Mentions)
		doc.Mentions = append(doc.Mentions, Mention{Span: Span{doc.Tokens[i].Start, doc.Tokens[j-1].End}, First: i, End: j, Type: et, Entity: ei, Score: 1})
		doc.Entities[ei].Mentions = append(doc.Entities[ei].Mentions, mi)
		i = j
	}
	return doc
}

// relString renders a relation for comparison: "Src -label-> Dst CAT"
// plus flags for negation, non-asserted modality, place and date.
// relStrings returns relString of each of the document's relations.
func relStrings(doc *Document) []string {
	var out []string
	for _, r := range doc.Relations {
		out = append(out, relString(doc, r))
	}
	return out
}

func relString(doc *Document, r Relation) string {
	s := fmt.Sprintf("%s -%s-> %s %s", doc.Entities[r.Source].Name, r.Label, doc.Entities[r.Target].Name, r.Category)
	if r.Negated {
		s += " neg"
	}
	if r.Modality != Asserted {
		s += " " + string(r.Modality)
	}
	if r.Place >= 0 {
		s += " @" + doc.Entities[r.Place].Name
	}
	if r.Date != "" {
		s += " " + r.Date
	}
	return s
}

func TestRelate(t *testing.T) {
	wed := time.Date(2025, 12, 26, 0, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		name  string
		tree  string
		pub   time.Time
		want  []string
		empty bool // expect no typed relations at all
	}{
		{name: "met", tree: `
Shoigu PROPN NNP 2 nsubj PERSON:Shoigu
met VERB VBD 0 root
Kim PROPN NNP 2 obj PERSON:Kim
. PUNCT . 2 punct`,
			want: []string{"Shoigu -met-> Kim CONSULT"}},
		{name: "met with, place and date", pub: wed, tree: `
Shoigu PROPN NNP 2 nsubj PERSON:Shoigu
met VERB VBD 0 root
with ADP IN 4 case
Kim PROPN NNP 2 obl PERSON:Kim
in ADP IN 6 case
Pyongyang PROPN NNP 2 obl GPE:Pyongyang
on ADP IN 8 case
Wednesday PROPN NNP 2 obl
. PUNCT . 2 punct`,
			want: []string{"Shoigu -met-> Kim CONSULT @Pyongyang 2025-12-24"}},
		{name: "appositive subject", tree: `
a DET DT 4 det
senior ADJ JJ 4 amod
Russian ADJ JJ 4 amod NORP:Russian
official NOUN NN 9 nsubj
, PUNCT , 7 punct
Sergei PROPN NNP 7 flat PERSON:Sergei_Shoigu
Shoigu PROPN NNP 4 appos PERSON:Sergei_Shoigu
, PUNCT , 7 punct
met VERB VBD 0 root
Kim PROPN NNP 9 obj PERSON:Kim
. PUNCT . 9 punct`,
			want: []string{"Sergei_Shoigu -met-> Kim CONSULT", "Sergei_Shoigu -nationality-> Russian ATTRIBUTE"}},
		{name: "coordination", tree: `
Shoigu PROPN NNP 2 nsubj PERSON:Shoigu
met VERB VBD 0 root
Kim PROPN NNP 2 obj PERSON:Kim
and CCONJ CC 5 cc
Ri PROPN NNP 3 conj PERSON:Ri
. PUNCT . 2 punct`,
			want: []string{"Shoigu -met-> Kim CONSULT", "Shoigu -met-> Ri CONSULT"}},
		{name: "held talks with", tree: `
Putin PROPN NNP 2 nsubj PERSON:Putin
held VERB VBD 0 root
talks NOUN NNS 2 obj
with ADP IN 5 case
Xi PROPN NNP 3 nmod PERSON:Xi
. PUNCT . 2 punct`,
			want: []string{"Putin -held_talks_with-> Xi CONSULT"}},
		{name: "meeting between", tree: `
a DET DT 2 det
meeting NOUN NN 0 root
between ADP IN 4 case
Kim PROPN NNP 2 nmod PERSON:Kim
and CCONJ CC 6 cc
Putin PROPN NNP 4 conj PERSON:Putin`,
			want: []string{"Kim -met-> Putin CONSULT"}},
		{name: "possessive visit to", tree: `
Shoigu PROPN NNP 3 nmod:poss PERSON:Shoigu
's PART POS 1 case
visit NOUN NN 7 nsubj
to ADP IN 6 case
North PROPN NNP 6 compound GPE:North_Korea
Korea PROPN NNP 3 nmod GPE:North_Korea
ended VERB VBD 0 root
. PUNCT . 7 punct`,
			want: []string{"Shoigu -visited-> North_Korea CONSULT @North_Korea"}},
		{name: "X and Y discussed", tree: `
Kim PROPN NNP 4 nsubj PERSON:Kim
and CCONJ CC 3 cc
Shoigu PROPN NNP 1 conj PERSON:Shoigu
discussed VERB VBD 0 root
relations NOUN NNS 4 obj
. PUNCT . 4 punct`,
			want: []string{"Kim -discussed-> Shoigu CONSULT"}},
		{name: "passive by", tree: `
Pyongyang PROPN NNP 3 nsubj:pass GPE:Pyongyang
was AUX VBD 3 aux:pass
visited VERB VBN 0 root
by ADP IN 5 case
Shoigu PROPN NNP 3 obl:agent PERSON:Shoigu
. PUNCT . 3 punct`,
			want: []string{"Shoigu -visited-> Pyongyang CONSULT @Pyongyang"}},
		{name: "relative clause", tree: `
Shoigu PROPN NNP 7 nsubj PERSON:Shoigu
, PUNCT , 4 punct
who PRON WP 4 nsubj
met VERB VBD 1 acl:relcl
Kim PROPN NNP 4 obj PERSON:Kim
, PUNCT , 4 punct
left VERB VBD 0 root
. PUNCT . 7 punct`,
			want: []string{"Shoigu -met-> Kim CONSULT"}},
		{name: "arrived in to meet", tree: `
Shoigu PROPN NNP 3 nsubj PERSON:Shoigu
has AUX VBZ 3 aux
arrived VERB VBN 0 root
in ADP IN 6 case
North PROPN NNP 6 compound GPE:North_Korea
Korea PROPN NNP 3 obl GPE:North_Korea
to PART TO 8 mark
meet VERB VB 3 advcl
Kim PROPN NNP 8 obj PERSON:Kim
. PUNCT . 3 punct`,
			want: []string{"Shoigu -visited-> North_Korea CONSULT @North_Korea", "Shoigu -met-> Kim CONSULT"}},
		{name: "negation", tree: `
Kim PROPN NNP 4 nsubj PERSON:Kim
did AUX VBD 4 aux
not PART RB 4 advmod
meet VERB VB 0 root
Biden PROPN NNP 4 obj PERSON:Biden
. PUNCT . 4 punct`,
			want: []string{"Kim -met-> Biden CONSULT neg"}},
		{name: "will visit is planned", pub: wed, tree: `
Medvedev PROPN NNP 3 nsubj PERSON:Medvedev
will AUX MD 3 aux
visit VERB VB 0 root
Pyongyang PROPN NNP 3 obj GPE:Pyongyang
in ADP IN 6 case
October PROPN NNP 3 obl
. PUNCT . 3 punct`,
			want: []string{"Medvedev -visited-> Pyongyang CONSULT planned @Pyongyang 2026-10"}},
		{name: "according to is reported", tree: `
according VERB VBG 3 case
to ADP IN 1 fixed
KCNA PROPN NNP 6 obl ORG:KCNA
, PUNCT , 6 punct
Kim PROPN NNP 6 nsubj PERSON:Kim
thanked VERB VBD 0 root
Putin PROPN NNP 6 obj PERSON:Putin
. PUNCT . 6 punct`,
			want: []string{"Kim -thanked-> Putin SUPPORT reported"}},
		{name: "thanked troops of a country", tree: `
Shoigu PROPN NNP 2 nsubj PERSON:Shoigu
thanked VERB VBD 0 root
North ADJ JJ 4 amod NORP:North_Korean
Korean ADJ JJ 5 amod NORP:North_Korean
troops NOUN NNS 2 obj
. PUNCT . 2 punct`,
			want: []string{"Shoigu -thanked-> North_Korean SUPPORT"}},
		{name: "sent troops to", tree: `
North PROPN NNP 2 compound GPE:North_Korea
Korea PROPN NNP 3 nsubj GPE:North_Korea
sent VERB VBD 0 root
troops NOUN NNS 3 obj
to ADP IN 6 case
Russia PROPN NNP 3 obl GPE:Russia
. PUNCT . 3 punct`,
			want: []string{"North_Korea -sent_troops_to-> Russia AID"}},
		{name: "deploy troops to support", tree: `
North PROPN NNP 2 compound GPE:North_Korea
Korea PROPN NNP 3 nsubj GPE:North_Korea
prepared VERB VBD 0 root
to PART TO 5 mark
deploy VERB VB 3 xcomp
troops NOUN NNS 5 obj
to PART TO 8 mark
support VERB VB 5 advcl
Russia PROPN NNP 8 obj GPE:Russia
. PUNCT . 3 punct`,
			want: []string{"North_Korea -deployed_troops_to-> Russia AID planned", "North_Korea -supported-> Russia SUPPORT planned"}},
		{name: "role and nationality", tree: `
Sergey PROPN NNP 2 flat PERSON:Shoigu
Shoigu PROPN NNP 0 root PERSON:Shoigu
, PUNCT , 7 punct
the DET DT 7 det
Russian ADJ JJ 7 amod NORP:Russian
defense NOUN NN 7 compound
minister NOUN NN 2 appos
, PUNCT , 2 punct`,
			want: []string{"Shoigu -nationality-> Russian ATTRIBUTE"}},
		{name: "secretary of", tree: `
Shoigu PROPN NNP 0 root PERSON:Shoigu
, PUNCT , 4 punct
the DET DT 4 det
secretary NOUN NN 1 appos
of ADP IN 8 case
the DET DT 8 det
Security PROPN NNP 8 compound ORG:Security_Council
Council PROPN NNP 4 nmod ORG:Security_Council`,
			want: []string{"Shoigu -secretary_of-> Security_Council ATTRIBUTE"}},
		{name: "located in", tree: `
the DET DT 3 det
Kursk PROPN NNP 3 compound LOC:Kursk
region NOUN NN 0 root
of ADP IN 5 case
Russia PROPN NNP 3 nmod GPE:Russia`,
			want: []string{"Kursk -located_in-> Russia ATTRIBUTE"}},
		{name: "nationality resolves to the country", tree: `
Shoigu PROPN NNP 2 nsubj PERSON:Shoigu
thanked VERB VBD 0 root
North ADJ JJ 4 amod NORP:North_Korean
Korean ADJ JJ 5 amod NORP:North_Korean
troops NOUN NNS 2 obj
in ADP IN 8 case
North PROPN NNP 8 compound GPE:North_Korea
Korea PROPN NNP 5 nmod GPE:North_Korea`,
			want: []string{"Shoigu -thanked-> North_Korea SUPPORT"}},
		{name: "passive sent troops", tree: `
North ADJ JJ 2 amod NORP:North_Korean
Korean ADJ JJ 3 amod NORP:North_Korean
troops NOUN NNS 6 nsubj:pass
have AUX VBP 6 aux
been AUX VBN 6 aux:pass
sent VERB VBN 0 root
to ADP IN 8 case
Russia PROPN NNP 6 obl GPE:Russia`,
			want: []string{"North_Korean -sent_troops_to-> Russia AID"}},
		{name: "comma is not coordination", tree: `
Shoigu PROPN NNP 6 nsubj PERSON:Shoigu
, PUNCT , 3 punct
Russia PROPN NNP 1 conj GPE:Russia
's PART POS 3 case
adviser NOUN NN 3 list
met VERB VBD 0 root
Kim PROPN NNP 6 obj PERSON:Kim`,
			want: []string{"Shoigu -met-> Kim CONSULT"}},
		{name: "fired at", tree: `
Israel PROPN NNP 2 nsubj GPE:Israel
fired VERB VBD 0 root
rockets NOUN NNS 2 obj
at ADP IN 5 case
Gaza PROPN NNP 2 obl GPE:Gaza`,
			want: []string{"Israel -fired_rockets_at-> Gaza ASSAULT"}},
		{name: "according to misparsed as subject", tree: `
According VERB VBG 3 case
to ADP IN 1 fixed
KCNA PROPN NNP 8 nsubj ORG:KCNA
, PUNCT , 3 punct
Kim PROPN NNP 3 conj PERSON:Kim
and CCONJ CC 7 cc
Shoigu PROPN NNP 3 conj PERSON:Shoigu
discussed VERB VBD 0 root
ties NOUN NNS 8 obj`,
			want: []string{"Kim -discussed-> Shoigu CONSULT reported"}},
		{name: "during a meeting frames the main clause", tree: `
Shoigu PROPN NNP 2 nsubj PERSON:Shoigu
commended VERB VBD 0 root
troops NOUN NNS 2 obj
for SCONJ IN 5 mark
defending VERB VBG 2 advcl
Kursk PROPN NNP 5 obj GPE:Kursk
during ADP IN 9 case
a DET DT 9 det
meeting NOUN NN 5 obl
with ADP IN 11 case
Ri PROPN NNP 9 nmod PERSON:Ri`,
			want: []string{"Shoigu -met-> Ri CONSULT"}},
		{name: "title with a misattached name", tree: `
Shulika PROPN NNP 2 nsubj PERSON:Shulika
met VERB VBD 0 root
Pang PROPN NNP 2 obj PERSON:Pang
and CCONJ CC 5 cc
Deputy PROPN NNP 3 conj
Minister PROPN NNP 7 compound
Ri PROPN NNP 3 list PERSON:Ri`,
			want: []string{"Shulika -met-> Pang CONSULT", "Shulika -met-> Ri CONSULT"}},
		{name: "city of", tree: `
the DET DT 4 det
West PROPN NNP 3 compound GPE:West_Bank
Bank PROPN NNP 4 compound GPE:West_Bank
city NOUN NN 0 root
of ADP IN 6 case
Nablus PROPN NNP 4 nmod GPE:Nablus`,
			want: []string{"Nablus -located_in-> West_Bank ATTRIBUTE"}},
		{name: "two subjects misparsed", tree: `
US PROPN NNP 6 nsubj GPE:US
, PUNCT , 3 punct
Russia PROPN NNP 1 conj GPE:Russia
and CCONJ CC 6 cc
Switzerland PROPN NNP 6 nsubj GPE:Switzerland
met VERB VBD 0 root`,
			want: []string{"US -met-> Switzerland CONSULT", "US -met-> Russia CONSULT", "Switzerland -met-> Russia CONSULT"}},
		{name: "not a trigger", tree: `
Shoigu PROPN NNP 2 nsubj PERSON:Shoigu
liked VERB VBD 0 root
Kim PROPN NNP 2 obj PERSON:Kim`,
			empty: true},
	}
	e := &Extractor{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildParsed(t, tc.tree, tc.pub)
			e.relate(doc)
			got := relStrings(doc)
			if tc.empty {
				if len(got) != 0 {
					t.Errorf("got %q, want none", got)
				}
				return
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
			for _, g := range got {
				if !slices.Contains(tc.want, g) {
					t.Errorf("unexpected %q", g)
				}
			}
		})
	}
}

func TestResolveDate(t *testing.T) {
	fri := time.Date(2025, 12, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		words  string
		anchor time.Time
		future bool
		want   string
	}{
		{"on Wednesday", fri, false, "2025-12-24"},
		{"on Friday", fri, false, "2025-12-26"},
		{"last Friday", fri, false, "2025-12-19"},
		{"on Monday", fri, true, "2025-12-29"},
		{"yesterday", fri, false, "2025-12-25"},
		{"last month", fri, false, "2025-11"},
		{"next year", fri, false, "2026"},
		{"in June 2024", fri, false, "2024-06"},
		{"June 12, 2024", time.Time{}, false, "2024-06-12"},
		{"12 June 2024", time.Time{}, false, "2024-06-12"},
		{"in August", fri, false, "2025-08"},
		{"in August", fri, true, "2026-08"},
		{"last week", fri, false, "2025-W51"},
		{"on Wednesday", time.Time{}, false, ""},
		{"February 30, 2024", fri, false, ""},
		{"the talks", fri, false, ""},
		{"in June last year", fri, false, "2024-06"},
		{"in March next year", fri, true, "2026-03"},
		{"in June this year", fri, false, "2025-06"},
		{"two days ago", fri, false, "2025-12-24"},
		{"3 days ago", fri, false, "2025-12-23"},
		{"a week ago", fri, false, "2025-W51"},
		{"two months ago", fri, false, "2025-10"},
		{"ten years ago", fri, false, "2015"},
		{"days ago", fri, false, ""},
		{"two days ago", time.Time{}, false, ""},
		{"for three days", fri, false, ""},
	}
	for _, tc := range tests {
		if got := ResolveDate(strings.Fields(tc.words), tc.anchor, tc.future); got != tc.want {
			t.Errorf("ResolveDate(%q, future=%v) = %q, want %q", tc.words, tc.future, got, tc.want)
		}
	}
}

func TestNamedEvents(t *testing.T) {
	doc := buildParsed(t, `
Putin PROPN NNP 2 nsubj PERSON:Putin
attended VERB VBD 0 root
the DET DT 6 det
Victory PROPN NNP 5 compound
Day PROPN NNP 6 compound
parade NOUN NN 2 obj
in ADP IN 8 case
Moscow PROPN NNP 2 obl GPE:Moscow
on ADP IN 10 case
Friday PROPN NNP 2 obl`, time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC)) // a Saturday
	e := &Extractor{events: true}
	e.relate(doc)
	var names []string
	for _, en := range doc.Entities {
		names = append(names, en.Type.String()+":"+en.Name)
	}
	if want := []string{"PERSON:Putin", "EVENT:Victory Day parade", "GPE:Moscow"}; !slices.Equal(names, want) {
		t.Errorf("entities = %q, want %q", names, want)
	}
	for mi, m := range doc.Mentions {
		if doc.Entities[m.Entity].Mentions[0] != mi {
			t.Errorf("mention %d not linked back from its entity", mi)
		}
	}
	got := relStrings(doc)
	if want := "Putin -attended-> Victory Day parade CONSULT @Moscow 2025-05-09"; !slices.Contains(got, want) {
		t.Errorf("relations = %q, want %q", got, want)
	}
	if len(doc.Events) != 1 || doc.Events[0].Place != 2 || doc.Events[0].Date != "2025-05-09" || len(doc.Events[0].Participants) != 2 {
		t.Errorf("events = %+v", doc.Events)
	}
}

// TestNamedEventsNoVerb: a headline's verb that the tagger read as a noun
// modifying an event noun ("hold talks") opens no event name, and an
// activity noun needs a capitalised modifier ("peace talks" is no name).
func TestNamedEventsNoVerb(t *testing.T) {
	for _, tc := range []struct{ name, tree, want string }{
		{"hold talks", `
Lavrov PROPN NNP 3 nsubj PERSON:Lavrov
ministers NOUN NNS 1 conj
hold NOUN NN 4 compound
talks NOUN NNS 0 root
in ADP IN 6 case
Moscow PROPN NNP 4 nmod GPE:Moscow`, ""},
		{"stage anniversary celebrations", `
Veterans NOUN NNS 4 nsubj
stage NOUN NN 4 compound
anniversary NOUN NN 4 compound
celebrations NOUN NNS 0 root
in ADP IN 6 case
Doha PROPN NNP 4 nmod GPE:Doha`, "anniversary celebrations"},
		{"a news conference is no name", `
Putin PROPN NNP 2 nsubj PERSON:Putin
spoke VERB VBD 0 root
at ADP IN 6 case
a DET DT 6 det
news NOUN NN 6 compound
conference NOUN NN 2 obl
in ADP IN 8 case
Minsk PROPN NNP 6 nmod GPE:Minsk`, ""},
		{"peace talks are no name", `
Rebels NOUN NNS 3 nsubj
peace NOUN NN 3 compound
talks NOUN NNS 0 root
in ADP IN 5 case
Doha PROPN NNP 3 nmod GPE:Doha`, ""},
		{"Six-Party talks are a name", `
the DET DT 3 det
Six-Party PROPN NNP 3 compound
talks NOUN NNS 0 root
in ADP IN 5 case
Beijing PROPN NNP 3 nmod GPE:Beijing`, "Six-Party talks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildParsed(t, tc.tree, time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC))
			namedEvents(doc)
			var got []string
			for _, en := range doc.Entities {
				if en.Type == Event {
					got = append(got, en.Name)
				}
			}
			var want []string
			if tc.want != "" {
				want = []string{tc.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("events = %q, want %q", got, want)
			}
		})
	}
}

// TestParticiplePatient: the noun a past participle modifies is its
// patient, so no entity before it is taken for its subject ("companies
// accused of facilitating" had made North Korea accuse Russia).
func TestParticiplePatient(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "The Biden administration on Thursday imposed sanctions on a dozen Russian and North Korean companies " +
		"and individuals accused of facilitating arms transfers between Moscow and Pyongyang, the Treasury Department said.\n"
	doc, err := ex.Extract(context.Background(), Input{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Relations {
		if r.Category == "ACCUSE" {
			t.Errorf("unexpected %s", relString(doc, r))
		}
	}
}

// BenchmarkRelate measures the relation stage alone on a parsed sentence
// (go test -bench Relate ./extract); tokens/s = 11 tokens / (ns/op).
func BenchmarkRelate(b *testing.B) {
	tree := `
Shoigu PROPN NNP 3 nsubj PERSON:Shoigu
has AUX VBZ 3 aux
arrived VERB VBN 0 root
in ADP IN 6 case
North PROPN NNP 6 compound GPE:North_Korea
Korea PROPN NNP 3 obl GPE:North_Korea
to PART TO 8 mark
meet VERB VB 3 advcl
Kim PROPN NNP 8 obj PERSON:Kim
on ADP IN 11 case
Wednesday PROPN NNP 8 obl`
	base := buildParsed(b, tree, time.Date(2025, 12, 26, 0, 0, 0, 0, time.UTC))
	e := &Extractor{}
	b.ReportAllocs()
	for b.Loop() {
		doc := *base
		doc.Relations, doc.CoMentions = nil, nil
		doc.Mentions = slices.Clone(base.Mentions)
		doc.Entities = slices.Clone(base.Entities)
		e.relate(&doc)
	}
	b.ReportMetric(float64(len(base.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
