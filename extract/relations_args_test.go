package extract

import (
	"slices"
	"testing"
	"time"
)

// TestRelateArguments pins the argument rules that keep wrong participants
// out of relations: active perfect participles, subjects never taken from
// a conjunct's object, prepositional senses of a trigger, place-only
// targets of visits, and nationality adjectives that modify a noun. The
// sentences are invented; each tree is what the parser gives (or could
// give) for it.
func TestRelateArguments(t *testing.T) {
	tests := []struct {
		name string
		tree string
		want []string // every relation, exactly
	}{
		{name: "perfect participle is active", tree: `
Anna PROPN NNP 0 root PERSON:Anna_Berg
Berg PROPN NNP 1 flat PERSON:Anna_Berg
, PUNCT , 7 punct
Norway PROPN NNP 7 nmod:poss GPE:Norway
's PART POS 4 case
chief ADJ JJ 7 amod
envoy NOUN NN 1 appos
, PUNCT , 1 punct
has AUX VBZ 10 aux
arrived VERB VBN 1 acl
in ADP IN 12 case
Oslo PROPN NNP 10 obl GPE:Oslo
to PART TO 14 mark
negotiate VERB VB 10 advcl
. PUNCT . 10 punct`,
			// not "Norway -visited-> Anna_Berg": "has arrived" is active
			want: []string{"Anna_Berg -visited-> Oslo CONSULT @Oslo", "Anna_Berg -envoy_of-> Norway ATTRIBUTE"}},
		{name: "subject of a verb hanging off a name", tree: `
Lars PROPN NNP 0 root PERSON:Lars_Holm
Holm PROPN NNP 1 flat PERSON:Lars_Holm
, PUNCT , 6 punct
the DET DT 6 det
Danish ADJ JJ 6 amod NORP:Danish
minister NOUN NN 1 appos
, PUNCT , 1 punct
visited VERB VBD 1 parataxis
Riga PROPN NNP 8 obj GPE:Riga
and CCONJ CC 11 cc
gave VERB VBD 8 conj
Ilves PROPN NNP 11 iobj PERSON:Ilves
a DET DT 14 det
letter NOUN NN 11 obj
. PUNCT . 8 punct`,
			want: []string{"Lars_Holm -visited-> Riga CONSULT @Riga", "Lars_Holm -gave-> Ilves COOPERATE", "Lars_Holm -nationality-> Danish ATTRIBUTE"}},
		{name: "no subject from a conjunct's object", tree: `
The DET DT 2 det
minister NOUN NN 0 root
visited VERB VBD 2 parataxis
Riga PROPN NNP 3 obj GPE:Riga
and CCONJ CC 6 cc
gave VERB VBD 3 conj
Ilves PROPN NNP 6 iobj PERSON:Ilves
a DET DT 9 det
letter NOUN NN 6 obj
. PUNCT . 3 punct`,
			// not "Riga -gave-> Ilves"
			want: nil},
		{name: "name root with a coordinated verb", tree: `
Chile PROPN NNP 0 root GPE:Chile
on ADP IN 3 case
Monday PROPN NNP 1 nmod
accused VERB VBD 1 conj
Peru PROPN NNP 4 obj GPE:Peru
of SCONJ IN 7 mark
spying VERB VBG 4 advcl
. PUNCT . 4 punct`,
			want: []string{"Chile -accused-> Peru ACCUSE"}},
		{name: "engage with is consultation", tree: `
Lee PROPN NNP 3 nsubj PERSON:Lee
is AUX VBZ 3 cop
unwilling ADJ JJ 0 root
to PART TO 5 mark
engage VERB VB 3 xcomp
with ADP IN 7 case
Sato PROPN NNP 5 obl PERSON:Sato
. PUNCT . 3 punct`,
			want: []string{"Lee -engaged_with-> Sato CONSULT"}},
		{name: "engage an enemy is an assault", tree: `
Rebels NOUN NNS 2 nsubj ORG:Rebels
engaged VERB VBD 0 root
Malian ADJ JJ 4 amod NORP:Malian
troops NOUN NNS 2 obj
. PUNCT . 2 punct`,
			want: []string{"Rebels -engaged-> Malian ASSAULT"}},
		{name: "engage in talks leaves the event to the noun", tree: `
Lee PROPN NNP 2 nsubj PERSON:Lee
engaged VERB VBD 0 root
in ADP IN 4 case
talks NOUN NNS 2 obl
with ADP IN 6 case
Sato PROPN NNP 4 nmod PERSON:Sato
. PUNCT . 2 punct`,
			want: []string{"Lee -held_talks_with-> Sato CONSULT"}},
		{name: "talked to is consultation", tree: `
Ortega PROPN NNP 2 nsubj PERSON:Ortega
talked VERB VBD 0 root
to ADP IN 4 case
Bukele PROPN NNP 2 obl PERSON:Bukele
. PUNCT . 2 punct`,
			want: []string{"Ortega -talked_with-> Bukele CONSULT"}},
		{name: "one visits places, not people", tree: `
Mayor PROPN NNP 2 compound
Diaz PROPN NNP 3 nsubj PERSON:Diaz
visited VERB VBD 0 root
Governor PROPN NNP 5 compound
Ruiz PROPN NNP 3 obj PERSON:Ruiz
. PUNCT . 3 punct`,
			want: nil},
		{name: "a nationality adjective is not a visit target", tree: `
Olga PROPN NNP 2 nsubj PERSON:Olga
visited VERB VBD 0 root
the DET DT 6 det
Ottoman ADJ JJ 6 amod NORP:Ottoman
harbour NOUN NN 6 compound
fortress NOUN NN 2 obj
. PUNCT . 2 punct`,
			want: nil},
		{name: "a nationality adjective stands for its country", tree: `
Olga PROPN NNP 2 nsubj PERSON:Olga
praised VERB VBD 0 root
Chilean ADJ JJ 4 amod NORP:Chilean
rescuers NOUN NNS 2 obj
in ADP IN 6 case
Chile PROPN NNP 2 obl GPE:Chile
. PUNCT . 2 punct`,
			want: []string{"Olga -praised-> Chile SUPPORT"}},
		{name: "a nationality adjective of a thing is nobody", tree: `
Olga PROPN NNP 2 nsubj PERSON:Olga
praised VERB VBD 0 root
Chilean ADJ JJ 4 amod NORP:Chilean
wine NOUN NN 2 obj
. PUNCT . 2 punct`,
			want: nil},
		{name: "an adjective is no fallback target", tree: `
Ito PROPN NNP 2 nsubj PERSON:Ito
expressed VERB VBD 0 root
his PRON PRP$ 4 nmod:poss
gratitude NOUN NN 2 obj
to ADP IN 8 case
his PRON PRP$ 8 nmod:poss
Peruvian ADJ JJ 8 amod LOC:Peruvian
colleagues NOUN NNS 2 obl
. PUNCT . 2 punct`,
			want: nil},
		{name: "by-agent without a passive auxiliary", tree: `
Hamas PROPN NNP 6 nsubj ORG:Hamas
, PUNCT , 3 punct
backed VERB VBN 1 acl
by ADP IN 5 case
Qatar PROPN NNP 3 obl:agent GPE:Qatar
rejected VERB VBD 0 root
the DET DT 8 det
plan NOUN NN 6 obj
. PUNCT . 6 punct`,
			want: []string{"Qatar -backed-> Hamas SUPPORT"}},
		{name: "coordinated passives share the patient", tree: `
Kosovo PROPN NNP 3 nsubj:pass GPE:Kosovo
was AUX VBD 3 aux:pass
recognised VERB VBN 0 root
by ADP IN 5 case
France PROPN NNP 3 obl:agent GPE:France
and CCONJ CC 8 cc
later ADV RB 8 advmod
backed VERB VBN 3 conj
by ADP IN 10 case
Germany PROPN NNP 8 obl:agent GPE:Germany
. PUNCT . 3 punct`,
			want: []string{"France -recognised-> Kosovo SUPPORT", "Germany -backed-> Kosovo SUPPORT"}},
		{name: "an event noun's place is no participant", tree: `
Lukashenko PROPN NNP 3 nsubj PERSON:Lukashenko
publicly ADV RB 3 advmod
defended VERB VBD 0 root
the DET DT 6 det
troop NOUN NN 6 compound
deployment NOUN NN 3 obj
in ADP IN 8 case
Belarus PROPN NNP 6 nmod GPE:Belarus
. PUNCT . 3 punct`,
			want: nil},
		{name: "a place attached to the person met is where they met", tree: `
Lavrov PROPN NNP 2 nsubj PERSON:Lavrov
met VERB VBD 0 root
Foreign ADJ JJ 4 amod
Minister PROPN NNP 5 nmod:desc
Wang PROPN NNP 2 obj PERSON:Wang
in ADP IN 7 case
Beijing PROPN NNP 5 nmod GPE:Beijing
. PUNCT . 2 punct`,
			want: []string{"Lavrov -met-> Wang CONSULT @Beijing"}},
		{name: "object control through a desire verb", tree: `
Merkel PROPN NNP 2 nsubj PERSON:Merkel
wants VERB VBZ 0 root
Macron PROPN NNP 2 obj PERSON:Macron
to PART TO 5 mark
visit VERB VB 2 xcomp
Warsaw PROPN NNP 5 obj GPE:Warsaw
. PUNCT . 2 punct`,
			// "wants" is no trigger; the visitor is Macron
			want: []string{"Macron -visited-> Warsaw CONSULT planned @Warsaw"}},
		{name: "object control parsed as a purpose clause", tree: `
Parliament PROPN NNP 3 nsubj ORG:Parliament
is AUX VBZ 3 aux
urging VERB VBG 0 root
Sanchez PROPN NNP 3 obj PERSON:Sanchez
to PART TO 6 mark
help VERB VB 3 advcl
Morocco PROPN NNP 6 obj GPE:Morocco
. PUNCT . 3 punct`,
			want: []string{"Parliament -urged-> Sanchez REQUEST", "Sanchez -helped-> Morocco AID planned"}},
		{name: "an invitation proposes the visit", tree: `
Kim PROPN NNP 2 nsubj PERSON:Kim
invited VERB VBD 0 root
Putin PROPN NNP 2 obj PERSON:Putin
to PART TO 5 mark
visit VERB VB 2 xcomp
Pyongyang PROPN NNP 5 obj GPE:Pyongyang
. PUNCT . 2 punct`,
			want: []string{"Kim -invited-> Putin CONSULT", "Putin -visited-> Pyongyang CONSULT planned @Pyongyang"}},
		{name: "what one warns against is not said to happen", tree: `
Yoon PROPN NNP 2 nsubj PERSON:Yoon
warned VERB VBD 0 root
Moscow PROPN NNP 2 obj GPE:Moscow
against SCONJ IN 5 mark
supplying VERB VBG 2 advcl
weapons NOUN NNS 5 obj
to ADP IN 8 case
Pyongyang PROPN NNP 5 obl GPE:Pyongyang
. PUNCT . 2 punct`,
			want: []string{"Yoon -warned-> Moscow THREATEN"}},
		{name: "an accusation reports the deed", tree: `
Seoul PROPN NNP 2 nsubj GPE:Seoul
accused VERB VBD 0 root
Pyongyang PROPN NNP 2 obj GPE:Pyongyang
of SCONJ IN 5 mark
sending VERB VBG 2 advcl
troops NOUN NNS 5 obj
to ADP IN 8 case
Russia PROPN NNP 5 obl GPE:Russia
. PUNCT . 2 punct`,
			want: []string{"Seoul -accused-> Pyongyang ACCUSE", "Pyongyang -sent_troops_to-> Russia AID reported"}},
		{name: "coordinated signatories sign with each other", tree: `
Putin PROPN NNP 4 nsubj PERSON:Putin
and CCONJ CC 3 cc
Kim PROPN NNP 1 conj PERSON:Kim
signed VERB VBD 0 root
a DET DT 6 det
treaty NOUN NN 4 obj
. PUNCT . 4 punct`,
			want: []string{"Putin -signed_treaty-> Kim SUPPORT"}},
		{name: "coordinated senders do not send to each other", tree: `
Russia PROPN NNP 4 nsubj GPE:Russia
and CCONJ CC 3 cc
Iran PROPN NNP 1 conj GPE:Iran
sent VERB VBD 0 root
troops NOUN NNS 4 obj
. PUNCT . 4 punct`,
			want: nil},
		{name: "receiving a person is hosting", tree: `
Kim PROPN NNP 2 nsubj PERSON:Kim
received VERB VBD 0 root
Andrei PROPN NNP 2 obj PERSON:Belousov
Belousov PROPN NNP 3 flat PERSON:Belousov
in ADP IN 6 case
Pyongyang PROPN NNP 2 obl GPE:Pyongyang
. PUNCT . 2 punct`,
			want: []string{"Kim -received-> Belousov CONSULT @Pyongyang"}},
		{name: "receiving a thing is no event", tree: `
Kim PROPN NNP 2 nsubj PERSON:Kim
received VERB VBD 0 root
a DET DT 4 det
letter NOUN NN 2 obj
from ADP IN 6 case
Putin PROPN NNP 2 obl PERSON:Putin
. PUNCT . 2 punct`,
			want: nil},
		{name: "a quantity's of-phrase is the object, got from someone", tree: `
Russia PROPN NNP 3 nsubj GPE:Russia
has AUX VBZ 3 aux
received VERB VBN 0 root
millions NOUN NNS 3 obj
of ADP IN 7 case
artillery NOUN NN 7 compound
shells NOUN NNS 4 nmod
from ADP IN 9 case
Pyongyang PROPN NNP 7 nmod GPE:Pyongyang
. PUNCT . 3 punct`,
			want: []string{"Russia -received_weapons_from-> Pyongyang AID"}},
		{name: "bought from", tree: `
Russia PROPN NNP 2 nsubj GPE:Russia
bought VERB VBD 0 root
oil NOUN NN 2 obj
from ADP IN 5 case
Iran PROPN NNP 2 obl GPE:Iran
. PUNCT . 2 punct`,
			want: []string{"Russia -bought-> Iran COOPERATE"}},
		{name: "troops sent to fight against a country are not sent to it", tree: `
Pyongyang PROPN NNP 2 nsubj GPE:Pyongyang
sent VERB VBD 0 root
troops NOUN NNS 2 obj
to PART TO 5 mark
fight VERB VB 2 advcl
against ADP IN 7 case
Ukraine PROPN NNP 5 obl GPE:Ukraine
. PUNCT . 2 punct`,
			want: []string{"Pyongyang -fought-> Ukraine ASSAULT"}},
		{name: "troops sent to fight in a region are sent there", tree: `
Pyongyang PROPN NNP 2 nsubj GPE:Pyongyang
sent VERB VBD 0 root
troops NOUN NNS 2 obj
to PART TO 5 mark
fight VERB VB 2 advcl
in ADP IN 7 case
Kursk PROPN NNP 5 obl GPE:Kursk
. PUNCT . 2 punct`,
			want: []string{"Pyongyang -sent_troops_to-> Kursk AID"}},
		{name: "a purpose clause of what did not happen did not happen", tree: `
Obama PROPN NNP 2 nsubj PERSON:Obama
refused VERB VBD 0 root
to PART TO 4 mark
send VERB VB 2 xcomp
troops NOUN NNS 4 obj
to PART TO 7 mark
help VERB VB 4 advcl
Israel PROPN NNP 7 obj GPE:Israel
. PUNCT . 2 punct`,
			want: []string{"Obama -sent_troops_to-> Israel AID neg", "Obama -helped-> Israel AID neg"}},
		{name: "it is the organisation that says it", tree: `
the DET DT 3 det
European PROPN NNP 3 compound ORG:European_Union
Union PROPN NNP 4 nsubj ORG:European_Union
said VERB VBD 0 root
it PRON PRP 7 nsubj
would AUX MD 7 aux
impose VERB VB 4 ccomp
sanctions NOUN NNS 7 obj
on ADP IN 10 case
Pyongyang PROPN NNP 7 obl GPE:Pyongyang
. PUNCT . 4 punct`,
			want: []string{"European_Union -imposed_sanctions_on-> Pyongyang COERCE planned"}},
		{name: "it said of a person is no one", tree: `
Lavrov PROPN NNP 2 nsubj PERSON:Lavrov
said VERB VBD 0 root
it PRON PRP 5 nsubj
would AUX MD 5 aux
impose VERB VB 2 ccomp
sanctions NOUN NNS 5 obj
on ADP IN 8 case
Pyongyang PROPN NNP 5 obl GPE:Pyongyang
. PUNCT . 2 punct`,
			want: nil},
		{name: "what could happen is no event yet", tree: `
Russia PROPN NNP 3 nsubj GPE:Russia
could AUX MD 3 aux
attack VERB VB 0 root
Estonia PROPN NNP 3 obj GPE:Estonia
. PUNCT . 3 punct`,
			want: []string{"Russia -attacked-> Estonia ASSAULT planned"}},
		{name: "a weekday has no apposition", tree: `
Pyongyang PROPN NNP 2 nsubj GPE:Pyongyang
fired VERB VBD 0 root
a DET DT 4 det
missile NOUN NN 2 obj
on ADP IN 6 case
Monday PROPN NNP 2 obl
, PUNCT , 8 punct
Seoul PROPN NNP 6 appos GPE:Seoul
said VERB VBD 2 conj
. PUNCT . 2 punct`,
			want: nil},
		{name: "no fallback target from a place however deep", tree: `
Orban PROPN NNP 2 nsubj PERSON:Orban
attended VERB VBD 0 root
a DET DT 4 det
summit NOUN NN 2 obj
on ADP IN 7 case
the DET DT 7 det
crisis NOUN NN 4 nmod
in ADP IN 9 case
Sudan PROPN NNP 7 nmod GPE:Sudan
. PUNCT . 2 punct`,
			want: nil},
		{name: "no fallback subject from a prepositional phrase", tree: `
Alongside ADP IN 2 case
Tokyo PROPN NNP 4 obl GPE:Tokyo
, PUNCT , 2 punct
met VERB VBD 0 root
Kishida PROPN NNP 4 obj PERSON:Kishida
. PUNCT . 4 punct`,
			want: nil},
		{name: "the subordinated name before a verb is its subject", tree: `
Kallas PROPN NNP 2 nsubj PERSON:Kallas
visited VERB VBD 0 root
Kyiv PROPN NNP 2 obj GPE:Kyiv
as ADP IN 5 case
Poland PROPN NNP 2 obl GPE:Poland
prepared VERB VBD 2 conj
to PART TO 8 mark
supply VERB VB 6 xcomp
arms NOUN NNS 8 obj
to ADP IN 11 case
Ukraine PROPN NNP 8 obl GPE:Ukraine
. PUNCT . 2 punct`,
			// not "Kallas -supplied_arms_to-> Ukraine"
			want: []string{"Kallas -visited-> Kyiv CONSULT @Kyiv", "Poland -supplied_arms_to-> Ukraine AID planned"}},
		{name: "the object praised for doing did it", tree: `
Sunak PROPN NNP 2 nsubj PERSON:Sunak
praised VERB VBD 0 root
Estonian ADJ JJ 4 amod NORP:Estonian
soldiers NOUN NNS 2 obj
in SCONJ IN 6 mark
defending VERB VBG 2 advcl
Narva PROPN NNP 6 obj GPE:Narva
. PUNCT . 2 punct`,
			want: []string{"Sunak -praised-> Estonian SUPPORT", "Estonian -defended-> Narva AID"}},
		{name: "an object naming nobody leaves the subject", tree: `
Canada PROPN NNP 2 nsubj GPE:Canada
showed VERB VBD 0 root
resolve NOUN NN 2 obj
in SCONJ IN 5 mark
defending VERB VBG 2 advcl
Latvia PROPN NNP 5 obj GPE:Latvia
. PUNCT . 2 punct`,
			want: []string{"Canada -defended-> Latvia AID"}},
		{name: "a place stands for its institution", tree: `
a DET DT 2 det
court NOUN NN 5 nsubj
in ADP IN 4 case
Chile PROPN NNP 2 nmod GPE:Chile
jailed VERB VBD 0 root
Diaz PROPN NNP 5 obj PERSON:Diaz
. PUNCT . 5 punct`,
			want: []string{"Chile -jailed-> Diaz COERCE"}},
		{name: "a place does not stand for a thing", tree: `
Russia PROPN NNP 2 nsubj GPE:Russia
celebrated VERB VBD 0 root
holidays NOUN NNS 2 obj
in ADP IN 5 case
Vietnam PROPN NNP 3 nmod GPE:Vietnam
. PUNCT . 2 punct`,
			want: nil},
		{name: "no fallback target from a from-phrase", tree: `
Ruiz PROPN NNP 2 nsubj PERSON:Ruiz
conveyed VERB VBD 0 root
a DET DT 4 det
message NOUN NN 2 obj
from ADP IN 8 case
Peruvian ADJ JJ 8 amod NORP:Peru
President PROPN NNP 8 compound
Boluarte PROPN NNP 4 nmod PERSON:Boluarte
. PUNCT . 2 punct`,
			// not "Ruiz -conveyed_message-> Peru"
			want: []string{"Boluarte -nationality-> Peru ATTRIBUTE"}},
	}
	e := &Extractor{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildParsed(t, tc.tree, time.Time{})
			e.relate(doc)
			got := relStrings(doc)
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
