package extract

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestNewsPhrasings runs the whole pipeline on news sentences and checks
// the relations each must give (want) and must not give (not), as
// relString prints them.
func TestNewsPhrasings(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		pub        time.Time // publication date, zero if none
		want, not  []string
	}{
		{
			name: "object pronoun is the person before",
			text: "Officials spoke on Monday. Sergei Shoigu arrived in Pyongyang on Tuesday. Kim Jong Un welcomed him at the airport.",
			want: []string{"Kim Jong Un -welcomed-> Sergei Shoigu SUPPORT"},
		},
		{
			name: "object pronoun is not its clause's subject",
			text: "Officials spoke on Monday. Kim Jong Un said Vladimir Putin had invited him to Moscow.",
			want: []string{"Vladimir Putin -invited-> Kim Jong Un CONSULT reported", "Kim Jong Un -visited-> Moscow CONSULT planned @Moscow"},
			not:  []string{"Vladimir Putin -invited-> Vladimir Putin CONSULT reported"},
		},
		{
			name: "object pronoun after conjoined verbs",
			text: "Officials spoke on Monday. Vladimir Putin met Kim Jong Un and praised him.",
			want: []string{"Vladimir Putin -praised-> Kim Jong Un SUPPORT"},
		},
		{
			name: "possessive her is no argument",
			text: "Officials spoke on Monday. Choe Son Hui met Sergei Lavrov. Kim Yo Jong praised her brother.",
			not:  []string{"Kim Yo Jong -praised-> Choe Son Hui SUPPORT", "Kim Yo Jong -praised-> Sergei Lavrov SUPPORT"},
		},
		{
			name: "invitation to a place plans a visit",
			text: "Officials spoke on Monday. Vladimir Putin invited Kim Jong Un to Moscow.",
			want: []string{"Vladimir Putin -invited-> Kim Jong Un CONSULT", "Kim Jong Un -visited-> Moscow CONSULT planned @Moscow"},
		},
		{
			name: "gerund misparsed as an adjective",
			text: "Officials spoke on Monday. Washington accused Pyongyang of supplying artillery shells to Russia.",
			want: []string{"Washington -accused-> Pyongyang ACCUSE", "Pyongyang -supplied_weapons_to-> Russia AID reported"},
		},
		{
			name: "shells are weapons",
			text: "Officials spoke on Monday. North Korea supplied shells to Moscow.",
			want: []string{"North Korea -supplied_weapons_to-> Moscow AID"},
		},
		{
			name: "a month of last year, attached apart",
			text: "Officials spoke on Monday. Vladimir Putin visited Pyongyang in June last year.",
			pub:  time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
			want: []string{"Vladimir Putin -visited-> Pyongyang CONSULT @Pyongyang 2024-06"},
		},
		{
			name: "days ago",
			text: "Officials spoke on Monday. Andrei Belousov visited Pyongyang two days ago.",
			pub:  time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
			want: []string{"Andrei Belousov -visited-> Pyongyang CONSULT @Pyongyang 2025-11-03"},
		},
		{
			name: "a later description by country and role is the person titled so",
			text: "Officials spoke on Monday. Russian President Vladimir Putin arrived in Pyongyang. Kim Jong Un thanked the Russian leader for his support.",
			want: []string{"Kim Jong Un -thanked-> Vladimir Putin SUPPORT"},
			not:  []string{"Kim Jong Un -thanked-> Russia SUPPORT"},
		},
		{
			name: "a description must fit the title's words",
			text: "Officials spoke on Monday. Russian Defence Minister Andrei Belousov arrived in Pyongyang. Kim Jong Un met the Russian foreign minister.",
			not:  []string{"Kim Jong Un -met-> Andrei Belousov CONSULT"},
		},
		{
			name: "a description in apposition, parsed as a second subject",
			text: "Officials spoke on Monday. Sergey Shoigu, the Russian defense minister, visited Pyongyang. The Russian minister also met Kim Jong Un.",
			want: []string{"Sergey Shoigu -visited-> Pyongyang CONSULT @Pyongyang", "Sergey Shoigu -met-> Kim Jong Un CONSULT"},
			not:  []string{"Russia -visited-> Pyongyang CONSULT @Pyongyang", "Russia -met-> Kim Jong Un CONSULT"},
		},
		{
			name: "supplied a country with weapons",
			text: "Officials spoke on Monday. Pyongyang has supplied Moscow with millions of artillery shells.",
			want: []string{"Pyongyang -supplied_weapons_to-> Moscow AID"},
		},
		{
			name: "a with-phrase that is no gift",
			text: "Officials spoke on Monday. Vladimir Putin met Kim Jong Un with officials.",
			want: []string{"Vladimir Putin -met-> Kim Jong Un CONSULT"},
		},
		{
			name: "a source named after a comma",
			text: "Officials spoke on Monday. Pyongyang has supplied Moscow with shells, Seoul says. North Korea sent troops to Russia, according to Seoul. Vladimir Putin met Kim Jong Un, who said little.",
			want: []string{"Pyongyang -supplied_weapons_to-> Moscow AID reported", "North Korea -sent_troops_to-> Russia AID reported", "Vladimir Putin -met-> Kim Jong Un CONSULT"},
		},
		{
			name: "by phone is a means, not an agent",
			text: "Officials spoke on Monday. Vladimir Putin had spoken with Donald Trump by phone.",
			want: []string{"Vladimir Putin -talked_with-> Donald Trump CONSULT"},
		},
		{
			name: "a message is communication, not a threat",
			text: "Officials spoke on Monday. Kim Jong Un sent a congratulatory message to Vladimir Putin.",
			want: []string{"Kim Jong Un -sent_message_to-> Vladimir Putin CONSULT"},
		},
		{
			name: "a country is not located in a city",
			text: "Officials spoke on Monday. Recep Tayyip Erdogan hosted peace talks between Russia and Ukraine in Istanbul. Pyongyang, North Korea, hosted a parade.",
			want: []string{"Russia -held_talks_with-> Ukraine CONSULT", "Pyongyang -located_in-> North Korea ATTRIBUTE"},
			not:  []string{"Ukraine -located_in-> Istanbul ATTRIBUTE", "Russia -located_in-> Istanbul ATTRIBUTE"},
		},
		{
			name: "the ministry is the ministry named before",
			text: "Officials spoke on Monday. North Korea's Foreign Ministry issued a statement. The ministry accused South Korea of provocations. The defence ministry accused Japan.",
			want: []string{"North Korean Foreign Ministry -accused-> South Korea ACCUSE"},
			not:  []string{"North Korean Foreign Ministry -accused-> Japan ACCUSE"},
		},
		{
			name: "family ties",
			text: "Officials spoke on Monday. Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un, slammed Seoul. Kim Jong Un's daughter Kim Ju Ae attended the launch.",
			want: []string{"Kim Yo Jong -sister_of-> Kim Jong Un ATTRIBUTE", "Kim Ju Ae -daughter_of-> Kim Jong Un ATTRIBUTE", "Kim Yo Jong -slammed-> Seoul ACCUSE"},
			not:  []string{"Kim Yo Jong -nationality-> North Korea ATTRIBUTE"},
		},
		{
			name: "a denial negates what it denies",
			text: "Officials spoke on Monday. Moscow has denied supplying weapons to Pyongyang. North Korea denied that it had sent troops to Russia. The Kremlin denied reports that Vladimir Putin had met Kim Jong Un.",
			want: []string{"Moscow -supplied_weapons_to-> Pyongyang AID neg reported", "North Korea -sent_troops_to-> Russia AID neg reported", "Vladimir Putin -met-> Kim Jong Un CONSULT neg reported"},
		},
		{
			name: "an event noun under an event verb is no event of its subject",
			text: "Officials spoke on Monday. Japan and South Korea welcomed the talks. The United States condemned the talks with Pyongyang. Shoigu began a three-day visit to Pyongyang. Kim Jong Un cancelled the summit with Donald Trump.",
			want: []string{"Shoigu -visited-> Pyongyang CONSULT @Pyongyang", "Kim Jong Un -met-> Donald Trump CONSULT neg"},
			not:  []string{"Japan -held_talks_with-> South Korea CONSULT", "United States -held_talks_with-> Pyongyang CONSULT"},
		},
		{
			name: "a call on a country is a request",
			text: "Officials spoke on Monday. South Korean President Lee Jae-myung called on Pyongyang to return to talks. Vladimir Putin called Kim Jong Un on Monday.",
			want: []string{"Lee Jae-myung -called_on-> Pyongyang REQUEST", "Vladimir Putin -called-> Kim Jong Un CONSULT"},
		},
		{
			name: "a quantity stands for what it counts",
			text: "Officials spoke on Monday. Ukraine said it had killed hundreds of North Korean soldiers in Kursk.",
			want: []string{"Ukraine -killed-> North Korea ASSAULT reported"},
		},
		{
			name: "a person named after a title or organisation heads the phrase",
			text: "Officials spoke on Monday. Security Council chief Sergei Shoigu met Kim Jong Un. Rafael Grossi, the Director General of the International Atomic Energy Agency, visited Kursk.",
			want: []string{"Sergei Shoigu -met-> Kim Jong Un CONSULT", "Rafael Grossi -director_general_of-> International Atomic Energy Agency ATTRIBUTE"},
			not:  []string{"Security Council -met-> Kim Jong Un CONSULT"},
		},
		{
			name: "a passive after a name parsed as root",
			text: "Officials spoke on Monday. Vladimir Putin, who arrived in Pyongyang on Wednesday, was greeted by Kim Jong Un at the airport.",
			want: []string{"Kim Jong Un -greeted-> Vladimir Putin SUPPORT", "Vladimir Putin -visited-> Pyongyang CONSULT @Pyongyang"},
		},
		{
			name: "a delegation is the person leading it",
			text: "Officials spoke on Monday. A Russian delegation led by Deputy Prime Minister Alexander Novak arrived in Pyongyang.",
			want: []string{"Alexander Novak -visited-> Pyongyang CONSULT @Pyongyang"},
		},
		{
			name: "the delegation is the person who led it",
			text: "Officials spoke on Monday. A Russian delegation led by Alexander Novak arrived in Pyongyang. The delegation met North Korean Premier Pak Thae Song.",
			want: []string{"Alexander Novak -met-> Pak Thae Song CONSULT"},
		},
		{
			name: "the two leaders are the two parties before",
			text: "Officials spoke on Monday. Vladimir Putin hosted Kim Jong Un at the Vostochny Cosmodrome. The two leaders discussed military cooperation. Sergei Lavrov met Choe Son Hui. The two sides signed a protocol.",
			want: []string{"Vladimir Putin -discussed_cooperation-> Kim Jong Un AGREE", "Sergei Lavrov -signed_protocol-> Choe Son Hui SUPPORT"},
		},
		{
			name: "a nationality the parser made head of a titled name",
			text: "Officials spoke on Monday. Kim Jong Un met with Russian Defense Minister Andrei Belousov in Pyongyang on Friday. Kim Jong Un met Russian President Vladimir Putin.",
			want: []string{"Kim Jong Un -met-> Andrei Belousov CONSULT", "Vladimir Putin -nationality-> Russia ATTRIBUTE"},
			not:  []string{"Kim Jong Un -met-> Russia CONSULT @Pyongyang", "Russia -located_in-> Pyongyang ATTRIBUTE"},
		},
		{
			name: "a name in apposition after a role and its phrase",
			text: "Officials spoke on Monday. Pyongyang's ambassador to Moscow, Sin Hong Chol, met Sergei Lavrov.",
			want: []string{"Sin Hong Chol -met-> Sergei Lavrov CONSULT"},
			not:  []string{"Pyongyang -met-> Sergei Lavrov CONSULT", "Sin Hong Chol -nationality-> Moscow ATTRIBUTE"},
		},
		{
			name: "a warning reports, and accuses no one of what may come",
			text: "Officials spoke on Monday. Seoul has warned that it could supply weapons to Ukraine. Kim Jong Un warned that North Korea would attack Seoul. Kyiv said Russia attacked Kharkiv.",
			want: []string{"Seoul -supplied_weapons_to-> Ukraine AID planned", "North Korea -attacked-> Seoul ASSAULT planned", "Kyiv -accused-> Russia ACCUSE"},
			not:  []string{"Kim Jong Un -accused-> North Korea ACCUSE"},
		},
		{
			name: "a name whose first word opens the sentence",
			text: "Officials spoke on Monday. Xi Jinping met Vladimir Putin in Beijing.",
			want: []string{"Xi Jinping -met-> Vladimir Putin CONSULT @Beijing"},
		},
		{
			name: "a with-phrase parsed under the means",
			text: "Officials spoke on Monday. Marco Rubio spoke by phone with Wang Yi on Tuesday.",
			want: []string{"Marco Rubio -talked_with-> Wang Yi CONSULT"},
		},
		{
			name: "a one-word name tagged a verb",
			text: "Officials spoke on Monday. Putin spoke on the phone with Erdogan.",
			want: []string{"Putin -talked_with-> Erdogan CONSULT"},
		},
		{
			name: "a verb between two unknown names",
			text: "Officials spoke on Monday. Lavrov met Blinken in Geneva.",
			want: []string{"Lavrov -met-> Blinken CONSULT @Geneva"},
		},
		{
			name: "a second titled name conjoined to the first one's title",
			text: "Officials spoke on Monday. Iranian Foreign Minister Abbas Araghchi and U.S. envoy Steve Witkoff held talks in Oman on Saturday.",
			want: []string{"Abbas Araghchi -held_talks_with-> Steve Witkoff CONSULT @Oman"},
		},
		{
			name: "an unknown one-word name opening the sentence, tagged a common noun",
			text: "Officials spoke on Monday. Zelenskiy called on the United States to follow suit.",
			want: []string{"Zelenskiy -called_on-> United States REQUEST"},
		},
		{
			name: "sanctions adopted, in a package",
			text: "Officials spoke on Monday. The European Union on Monday adopted its 17th package of sanctions against Russia.",
			want: []string{"European Union -adopted_sanctions_against-> Russia COERCE"},
		},
		{
			name: "fighting alongside is no assault",
			text: "Officials spoke on Monday. North Korean troops fought alongside Russian forces in Kursk.",
			want: []string{"North Korea -fought_alongside-> Russia COOPERATE"},
			not:  []string{"North Korea -fought-> Russia ASSAULT"},
		},
		{
			name: "rallying behind is support",
			text: "Officials spoke on Monday. Britain and France rallied behind Zelenskiy on Saturday.",
			want: []string{"United Kingdom -rallied_behind-> Zelenskiy SUPPORT", "France -rallied_behind-> Zelenskiy SUPPORT"},
		},
		{
			name: "a stance on what two parties do between them",
			text: "Officials spoke on Monday. Kim Yo Jong denounced the joint military exercises between South Korea and the United States.",
			want: []string{"Kim Yo Jong -denounced-> South Korea ACCUSE", "Kim Yo Jong -denounced-> United States ACCUSE"},
		},
		{
			name: "a nationality's attack on a place",
			text: "Officials spoke on Monday. A Russian drone attack on the city of Kharkiv killed three people.",
			want: []string{"Russia -attacked-> Kharkiv ASSAULT"},
		},
		{
			name: "the subject of what reporters were told",
			text: "Officials spoke on Monday. Olaf Scholz told reporters Berlin would deliver two more air defence systems to Kyiv.",
			want: []string{"Berlin -delivered-> Kyiv AID planned"},
		},
		{
			name: "the village of a name is the place taken",
			text: "Officials spoke on Monday. Russian forces captured the village of Novoselivka.",
			want: []string{"Russia -captured_town-> Novoselivka COERCE"},
		},
		{
			name: "launched attacks are military",
			text: "Officials spoke on Monday. Russia rejected the demand and launched a fresh wave of drone attacks on Ukrainian cities overnight.",
			want: []string{"Russia -launched_attacks_on-> Ukraine ASSAULT"},
		},
		{
			name: "a demand's target is who is to act",
			text: "Officials spoke on Monday. Ukraine demanded that Moscow agree to a ceasefire.",
			want: []string{"Ukraine -demanded-> Moscow REQUEST"},
		},
		{
			name: "suspended ties",
			text: "Officials spoke on Monday. The United States suspended its strategic partnership with Tbilisi.",
			want: []string{"United States -suspended_partnership_with-> Tbilisi SANCTION"},
		},
		{
			name: "a known person's family name alone, written first",
			text: "Officials spoke on Monday. Xi Jinping arrived in Moscow. Putin met Xi on Tuesday.",
			want: []string{"Putin -met-> Xi Jinping CONSULT"},
		},
		{
			name: "mediating between two parties",
			text: "Officials spoke on Monday. Oman, which has mediated between Washington and the Houthis, called for restraint.",
			want: []string{"Oman -mediated-> Washington CONSULT", "Oman -mediated-> Houthis CONSULT"},
		},
		{
			name: "mediators do not mediate between one another",
			text: "Officials spoke on Monday. The deal followed weeks of talks mediated by Qatar, Egypt and the United States.",
			not:  []string{"Qatar -mediated-> Egypt CONSULT", "Qatar -mediated-> United States CONSULT", "Egypt -mediated-> United States CONSULT"},
		},
		{
			name: "an organisation's title before a name",
			text: "Officials spoke on Monday. Kremlin spokesman Dmitry Peskov said Russia would respond. Security Council chief Sergei Shoigu met Kim. Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could attack.",
			want: []string{"Dmitry Peskov -spokesman_of-> Kremlin ATTRIBUTE", "Sergei Shoigu -chief_of-> Security Council ATTRIBUTE",
				"Mark Rutte -secretary_general_of-> NATO ATTRIBUTE"},
		},
		{
			name: "an apposition after two conjoined names describes the second",
			text: "Officials spoke on Monday. Kim Jong Un was accompanied by his daughter Kim Ju Ae and Pak Jong Chon, vice-chairman of the Central Military Commission.",
			want: []string{"Pak Jong Chon -vice_chairman_of-> Central Military Commission ATTRIBUTE"},
			not:  []string{"Kim Ju Ae -vice_chairman_of-> Central Military Commission ATTRIBUTE"},
		},
		{
			name: "his daughter, her brother",
			text: "Officials spoke on Monday. Kim Jong Un arrived with his daughter Kim Ju Ae. Thomas Sam, 42, and his wife Manju Sam were tried. His father, Anthony, was a geologist and his mother, Jennifer, is a nurse.",
			want: []string{"Kim Ju Ae -daughter_of-> Kim Jong Un ATTRIBUTE", "Manju Sam -wife_of-> Thomas Sam ATTRIBUTE"},
			not:  []string{"Jennifer -mother_of-> Anthony ATTRIBUTE"},
		},
		{
			name: "a country's titled minister",
			text: "Officials spoke on Monday. Pakistan's Foreign Minister Ishaq Dar confirmed the agreement.",
			want: []string{"Ishaq Dar -minister_of-> Pakistan ATTRIBUTE"},
		},
		{
			name: "each other",
			text: "Officials spoke on Monday. India and Pakistan agreed to a ceasefire. Hours later, both sides accused each other of violating it.",
			want: []string{"India -accused-> Pakistan ACCUSE", "Pakistan -accused-> India ACCUSE"},
		},
		{
			name: "a sentence whose only verb was tagged a participle",
			text: "Officials spoke on Monday. Georgian police detained opposition leader Nika Gvaramia on Wednesday.",
			want: []string{"Georgia -detained-> Nika Gvaramia COERCE"},
		},
		{
			name: "a relative clause the parser hung on the verb",
			text: "Officials spoke on Monday. Choe met Sergei Lavrov, who later visited Pyongyang.",
			want: []string{"Sergei Lavrov -visited-> Pyongyang CONSULT @Pyongyang"},
		},
		{
			name: "stepping off a train is no aid",
			text: "Officials spoke on Monday. Kim Jong Un stepped off his armoured train in Vladivostok to meet Vladimir Putin.",
			want: []string{"Kim Jong Un -met-> Vladimir Putin CONSULT"},
			not:  []string{"Kim Jong Un -stepped-> Vladivostok AID"},
		},
		{
			name: "a place conjoined to the place phrase, not to the target",
			text: "Officials spoke on Monday. The Global Coalition has launched almost 8,000 strikes against ISIL in Iraq and Syria.",
			want: []string{"Global Coalition -attacked-> ISIL ASSAULT @Iraq"},
			not:  []string{"Global Coalition -attacked-> Syria ASSAULT"},
		},
		{
			name: "dates counted from the date before",
			text: "Kim met Putin in September 2023. Shoigu had visited Pyongyang two months earlier. Three years later, Putin visited Pyongyang.",
			want: []string{"Kim -met-> Putin CONSULT 2023-09", "Shoigu -visited-> Pyongyang CONSULT @Pyongyang 2023-07",
				"Putin -visited-> Pyongyang CONSULT @Pyongyang 2026"},
		},
		{
			name: "a participle after a subject pronoun is a finite verb",
			text: "Officials spoke on Monday. The United States said it supported South Korea's democratic process.",
			want: []string{"United States -supported-> South Korea SUPPORT reported"},
		},
		{
			name: "calling something a name is no call",
			text: "Officials spoke on Monday. KCNA called Yoon's decree an act of insanity. Seoul called Pyongyang's launch a provocation. Putin called Trump last week.",
			want: []string{"Putin -called-> Trump CONSULT"},
			not:  []string{"KCNA -called-> Yoon CONSULT", "Seoul -called-> Pyongyang CONSULT"},
		},
		{
			name: "a country's acronym after the",
			text: "Officials spoke on Monday. Zelenskiy thanked the UAE for its mediation.",
			want: []string{"Zelenskiy -thanked-> United Arab Emirates SUPPORT"},
		},
		{
			name: "no plans to meet",
			text: "Officials spoke on Monday. The Kremlin said Putin had no plans to meet Zelenskiy. Kim announced his decision to send troops to Russia.",
			want: []string{"Putin -met-> Zelenskiy CONSULT neg planned", "Kim -sent_troops_to-> Russia AID planned"},
		},
		{
			name: "who says it is no target",
			text: "North Korean troops deployed to Kursk, Seoul and Kyiv say",
			want: []string{"North Korea -deployed_troops_to-> Kursk AID reported"},
			not:  []string{"North Korea -deployed_troops_to-> Seoul AID reported", "North Korea -deployed_troops_to-> Kyiv AID reported"},
		},
		{
			name: "a fronted date phrase the parser made the root",
			text: "Officials spoke on Monday. On Thursday, Zelenskiy and U.S. President Joe Biden met in Normandy on the sidelines of the D-Day commemorations.",
			want: []string{"Zelenskiy -met-> Joe Biden CONSULT @Normandy"},
		},
		{
			name: "a nationality that opens a sentence before a title",
			text: "Officials spoke on Monday. Saudi Crown Prince Mohammed bin Salman met Vladimir Putin. Iranian Foreign Minister Abbas Araqchi warned Israel. Lebanese caretaker Prime Minister Najib Mikati welcomed the deal.",
			want: []string{"Mohammed bin Salman -nationality-> Saudi Arabia ATTRIBUTE", "Abbas Araqchi -nationality-> Iran ATTRIBUTE", "Najib Mikati -nationality-> Lebanon ATTRIBUTE"},
		},
		{
			name: "an interim title after a possessive country",
			text: "Officials spoke on Monday. Syria's interim President Ahmed al-Sharaa met Vladimir Putin.",
			want: []string{"Ahmed al-Sharaa -president_of-> Syria ATTRIBUTE"},
		},
		{
			name: "a lower-case noun the tagger read as a proper noun",
			text: "Officials spoke on Monday. Myanmar junta chief Min Aung Hlaing met Chinese Premier Li Qiang on Wednesday in Kunming.",
			want: []string{"Min Aung Hlaing -met-> Li Qiang CONSULT", "Min Aung Hlaing -chief_of-> Myanmar ATTRIBUTE"},
			not:  []string{"Myanmar -met-> Li Qiang CONSULT"},
		},
		{
			name: "mediators and hosts are not each other's parties",
			text: "Officials spoke on Monday. Israel and Hezbollah agreed to a ceasefire brokered by the United States and France on Tuesday. Saudi Arabia and the United States hosted talks between the two sides in Jeddah.",
			not:  []string{"France -brokered_truce-> United States CONSULT", "United States -brokered_truce-> France CONSULT", "Saudi Arabia -held_talks_with-> United States CONSULT @Jeddah", "Saudi Arabia -held_talks_with-> United States CONSULT"},
		},
		{
			name: "a place before a comma is no nationality of the name after it",
			text: "Officials spoke on Monday. Police detained dozens of people suspected of organising riots on the instructions of Moscow, Prime Minister Dorin Recean said.",
			not:  []string{"Dorin Recean -nationality-> Moscow ATTRIBUTE"},
		},
		{
			name: "a participle between a numeral and its noun",
			text: "Officials spoke on Monday. Venezuelan President Nicolas Maduro released six detained Americans on Friday after meeting U.S. envoy Richard Grenell in Caracas, the White House said.",
			want: []string{"Nicolas Maduro -met-> Richard Grenell CONSULT reported"},
		},
		{
			name: "a given name that opens a sentence",
			text: "U.S. President Joe Biden announced the deal. Amos Hochstein, the U.S. envoy, negotiated the terms with Lebanese parliament speaker Nabih Berri, a Hezbollah ally.",
			want: []string{"Amos Hochstein -negotiated-> Nabih Berri CONSULT", "Amos Hochstein -envoy_of-> United States ATTRIBUTE"},
			not:  []string{"United States -negotiated-> Nabih Berri CONCEDE"},
		},
		{
			name: "an unknown given name that opens a sentence before an apposition",
			text: "Officials spoke on Monday. Arvind Menon, a senior fellow at the Observer Research Foundation, met Indian Foreign Minister S. Jaishankar in New Delhi.",
			want: []string{"Arvind Menon -met-> S. Jaishankar CONSULT @New Delhi"},
		},
		{
			name: "prime and deputy make another office",
			text: "Officials met on Monday. Diplomats expect resistance from Hungary's Prime Minister Viktor Orbán. Ukraine's Deputy Prime Minister Olha Stefanishyna spoke.",
			want: []string{"Viktor Orbán -prime_minister_of-> Hungary ATTRIBUTE", "Olha Stefanishyna -deputy_prime_minister_of-> Ukraine ATTRIBUTE"},
			not:  []string{"Viktor Orbán -minister_of-> Hungary ATTRIBUTE", "Olha Stefanishyna -deputy_of-> Ukraine ATTRIBUTE"},
		},
		{
			name: "an acronym before a title is the organisation",
			text: "Officials met on Monday. AFC coordinator Corneille Nangaa said the rebels would advance. VTB Chief Executive Andrei Kostin told TASS that restrictions would fail.",
			want: []string{"Corneille Nangaa -coordinator_of-> AFC ATTRIBUTE", "Andrei Kostin -chief_of-> VTB ATTRIBUTE"},
		},
		{
			name: "a role after a relative pronoun is its head's",
			text: "Officials met on Monday. Sergei Shoigu, who served as Russia's defense minister until May and is now the secretary of the Security Council, had previously visited Pyongyang.",
			want: []string{"Sergei Shoigu -secretary_of-> Security Council ATTRIBUTE"},
		},
		{
			name: "attending alone pairs no one",
			text: "Officials met on Monday. Chile's Gabriel Boric and Panama's José Raúl Mulino attended as leaders of associate states. Cambodian Prime Minister Hun Manet and Thai Prime Minister Anutin Charnvirakul attended the meeting in Putrajaya.",
			want: []string{"Hun Manet -attended_meeting-> Anutin Charnvirakul CONSULT"},
			not:  []string{"Gabriel Boric -attended-> José Raúl Mulino CONSULT", "Gabriel Boric -attended-> Panama CONSULT"},
		},
		{
			name: "given as a preposition gives nothing",
			text: "Officials met on Monday. Arvind Menon said New Delhi would resist any role for Beijing, given its close ties with Pakistan. Russia has given Pyongyang oil.",
			want: []string{"Russia -gave-> Pyongyang COOPERATE"},
			not:  []string{"Beijing -gave-> Pakistan COOPERATE"},
		},
		{
			name: "what happens despite something is no target",
			text: "Officials met on Monday. Primorye governor Oleg Kozhemyako, a frequent visitor to Pyongyang, has pushed for North Korean workers to help fill labour shortages in the region, despite U.N. sanctions banning such employment.",
			not:  []string{"Oleg Kozhemyako -helped-> U.N. COOPERATE", "Oleg Kozhemyako -helped-> United Nations COOPERATE"},
		},
		{
			name: "the two sides in a quotation are the speaker's",
			text: "Officials met on Monday. Turkish President Recep Tayyip Erdogan later spoke by telephone with Zelenskyy. \"Both sides are negotiating with Washington as much as with each other,\" said Fyodor Lukyanov.",
			want: []string{"Recep Tayyip Erdogan -talked_with-> Zelenskyy CONSULT"},
			not:  []string{"Zelenskyy -talked_with-> Recep Tayyip Erdogan CONSULT", "Recep Tayyip Erdogan -negotiated-> Washington CONSULT"},
		},
		{
			name: "an acronym before a title is the organisation even in one proper-noun mention",
			text: "Officials met on Monday. NIS Director Lee Jong-seok told lawmakers that Kim may visit Russia. Foreign Minister Julie Bishop met HE Dr Ibrahim Al-Ja'afari in Canberra.",
			want: []string{"Lee Jong-seok -director_of-> NIS ATTRIBUTE", "Julie Bishop -met-> Ibrahim Al-Ja'afari CONSULT @Canberra"},
		},
		{
			name: "a name with a plus, and no target after than",
			text: "Officials spoke on Monday. OPEC+ agreed on Saturday to raise oil production in August, after Saudi Arabia pushed for a larger increase than Russia wanted, delegates said. Donald Trump had urged OPEC+ to bring down prices.",
			want: []string{"Donald Trump -urged-> OPEC+ REQUEST"},
			not:  []string{"Saudi Arabia -pushed-> Russia REQUEST reported"},
		},
		{
			name: "both sides are no helper and the helped",
			text: "Officials spoke on Monday. Borrell said Pristina must de-escalate tensions. Belgrade accused Pristina of kidnapping the officers and demanded their release. NATO has deployed additional troops to Kosovo after clashes in May injured 30 peacekeepers. The alliance's secretary general, Jens Stoltenberg, urged both sides to show restraint.",
			want: []string{"Jens Stoltenberg -urged-> Belgrade REQUEST", "Jens Stoltenberg -urged-> Pristina REQUEST"},
			not:  []string{"Jens Stoltenberg -urged-> NATO REQUEST", "Jens Stoltenberg -urged-> Kosovo REQUEST"},
		},
		{
			name: "a nominal attack under a quantity",
			text: "Officials spoke on Monday. Israel has carried out hundreds of air strikes on Syrian military sites since Assad's fall.",
			want: []string{"Israel -attacked-> Syria ASSAULT"},
		},
		{
			name: "an acronym that opens a long sentence",
			text: "Officials spoke on Monday. EU foreign policy chief Josep Borrell said the two leaders had refused to meet.",
			want: []string{"Josep Borrell -chief_of-> EU ATTRIBUTE"},
		},
		{
			name: "an apposition misparsed as a second subject",
			text: "Officials spoke on Monday. The United States, a treaty ally of the Philippines, criticised China's reckless actions.",
			want: []string{"United States -criticised-> China ACCUSE"},
			not:  []string{"Philippines -criticised-> China ACCUSE"},
		},
		{
			name: "a proxy is not the person it acts for",
			text: "Erdogan hosts Putin envoy, offers to mediate on Black Sea shipping",
			not:  []string{"Erdogan -hosted-> Putin CONSULT"},
		},
		{
			name: "the named envoy is received",
			text: "Officials spoke on Monday. Turkish President Tayyip Erdogan received Russian presidential envoy Kirill Dmitriev in Ankara on Tuesday.",
			want: []string{"Tayyip Erdogan -received-> Kirill Dmitriev CONSULT @Ankara"},
			not:  []string{"Tayyip Erdogan -received_envoy-> Russia CONSULT @Ankara"},
		},
		{
			name: "a mediator's parties are the deal's, its with-phrase another mediator",
			text: "Officials spoke on Monday. Turkey brokered a grain deal between Russia and Ukraine in 2022 with the United Nations.",
			want: []string{"Türkiye -brokered-> Russia CONSULT", "Türkiye -brokered-> Ukraine CONSULT"},
			not:  []string{"Türkiye -brokered-> United Nations CONSULT"},
		},
		{
			name: "both as a preconjunction",
			text: "Officials spoke on Monday. Cambodia fired rockets into Thailand. Trump had warned both countries that he would not conclude trade deals with them if the fighting continued.",
			want: []string{"Trump -warned-> Cambodia THREATEN", "Trump -warned-> Thailand THREATEN"},
		},
		{
			name: "no target after as",
			text: "India and China agree to resume direct flights as Modi meets Xi",
			not:  []string{"India -resumed_flights-> Modi COOPERATE", "China -resumed_flights-> Modi COOPERATE"},
		},
		{
			name: "an offer plans the event",
			text: "Officials spoke on Monday. Zelenskiy thanked the pope for offering to host peace talks between Kyiv and Moscow.",
			want: []string{"Kyiv -held_talks_with-> Moscow CONSULT planned"},
			not:  []string{"Kyiv -held_talks_with-> Moscow CONSULT"},
		},
		{
			name: "the accused did what they are accused of, entity or not",
			text: "Officials spoke on Monday. Moscow quit the deal a year later, accusing the West of failing to ease sanctions on Russian exports.",
			not:  []string{"Moscow -eased_sanctions-> Russia RETREAT reported"},
		},
		{
			name: "leading an organisation is a role",
			text: "Officials spoke on Monday. The RSF, led by Mohamed Hamdan Dagalo, shelled a camp. Dmitriev, who heads Russia's sovereign wealth fund, met Witkoff.",
			want: []string{"Mohamed Hamdan Dagalo -leader_of-> RSF ATTRIBUTE"},
			not:  []string{"Mohamed Hamdan Dagalo -led-> RSF COOPERATE", "Dmitriev -headed-> Russia COOPERATE"},
		},
		{
			name: "an ambiguous country's name is in no city",
			text: "Officials spoke on Monday. The agreement follows a peace deal signed by Congo and Rwanda in Washington in June.",
			want: []string{"Congo -signed_deal-> Rwanda COOPERATE"},
			not:  []string{"Congo -located_in-> Washington ATTRIBUTE"},
		},
		{
			name: "a subordinator before a subject is the clause's",
			text: "Officials spoke on Monday. North Korean Foreign Minister Choe Son Hui met President Vladimir Putin in the Kremlin on Monday, days after Pyongyang sent thousands of troops to help Russia push Ukrainian forces out of the Kursk region.",
			want: []string{"Pyongyang -sent_troops_to-> Russia AID", "Choe Son Hui -met-> Vladimir Putin CONSULT"},
			not:  []string{"Choe Son Hui -sent_troops_to-> Russia AID"},
		},
		{
			name: "the subject after a time noun and a subordinator",
			text: "Officials spoke on Monday. Beijing and Moscow declared a no limits partnership in February 2022, weeks before Russia invaded Ukraine.",
			want: []string{"Russia -invaded-> Ukraine COERCE 2022-02"},
		},
		{
			name: "a place after a verb's of is in no other",
			text: "Officials spoke on Monday. Western governments accuse Tehran of supplying Russia with drones and ballistic missiles for use in Ukraine, which Iran denies.",
			not:  []string{"Tehran -located_in-> Russia ATTRIBUTE"},
		},
		{
			name: "a preposition the parser hung beside its phrase",
			text: "Officials spoke on Monday. Volodymyr Zelenskiy left early. French President Emmanuel Macron said Russia was the aggressor, and British Prime Minister Keir Starmer spoke with both Trump and Zelenskiy by phone.",
			want: []string{"Keir Starmer -talked_with-> Volodymyr Zelenskiy CONSULT", "Keir Starmer -talked_with-> Trump CONSULT"},
		},
		{
			name: "a settlement named by its noun, and its headline mention",
			text: "Russian strike on Sumy kills 34 on Palm Sunday. Two Russian ballistic missiles struck the centre of the Ukrainian city of Sumy on Sunday morning, killing 34 people.",
			want: []string{"Russia -attacked-> Sumy ASSAULT"},
		},
		{
			name: "ruling a country is a role",
			text: "Officials spoke on Monday. Lukashenko, a close ally of Putin, has ruled Belarus since 1994.",
			want: []string{"Lukashenko -leader_of-> Belarus ATTRIBUTE"},
			not:  []string{"Lukashenko -ruled-> Belarus COOPERATE"},
		},
		{
			name: "a meeting the parser hung on the object",
			text: "Officials spoke on Monday. Antony Blinken and Cho Tae-yul condemned the launch at a meeting in Washington.",
			want: []string{"Antony Blinken -met-> Cho Tae-yul CONSULT @Washington"},
		},
		{
			name: "a name after counterpart",
			text: "Officials spoke on Monday. Andrei Belousov arrived on Friday. Belousov was greeted at the airport by his North Korean counterpart No Kwang Chol, KCNA said.",
			want: []string{"No Kwang Chol -greeted-> Andrei Belousov SUPPORT reported"},
			not:  []string{"North Korea -greeted-> Andrei Belousov SUPPORT reported"},
		},
		{
			name: "a subject parsed as an oblique after a subordinator",
			text: "Officials spoke on Monday. Japan lodged a strong protest with Russia on Monday after a Russian military helicopter violated Japanese airspace near Rebun Island off Hokkaido, the Defence Ministry said.",
			want: []string{"Russia -violated_airspace_near-> Rebun Island MOBILIZE reported"},
			not:  []string{"Japan -violated_airspace_near-> Rebun Island MOBILIZE reported"},
		},
		{
			name: "a KCNA honorific and a name the parser made the root",
			text: "Officials spoke on Monday. Respected Comrade Kim Jong Un, General Secretary of the Workers' Party of Korea, met Russian ambassador Alexander Matsegora.",
			want: []string{"Kim Jong Un -met-> Alexander Matsegora CONSULT"},
		},
		{
			name: "equipment received or sent is aid",
			text: "Officials spoke on Monday. The NIS also said North Korea had received air defence equipment from Moscow in return.",
			want: []string{"North Korea -received_equipment_from-> Moscow AID reported"},
		},
		{
			name: "each title before its own name",
			text: "Officials spoke on Monday. German Chancellor Friedrich Merz, French President Emmanuel Macron and British Prime Minister Keir Starmer arrived in Kyiv on Saturday by train.",
			want: []string{"Friedrich Merz -nationality-> Germany ATTRIBUTE", "Emmanuel Macron -nationality-> France ATTRIBUTE"},
			not:  []string{"Emmanuel Macron -nationality-> Germany ATTRIBUTE"},
		},
		{
			name: "calling for is no call",
			text: "Officials spoke on Monday. The European Union and the United States called for an investigation into reported violations. Kremlin spokesman Dmitry Peskov rejected the accusations.",
			want: []string{"Dmitry Peskov -spokesman_of-> Kremlin ATTRIBUTE"},
			not:  []string{"European Union -called-> United States CONSULT"},
		},
		{
			name: "a ship is visited, not its country",
			text: "Officials spoke on Monday. Kim Jong Un visited the Russian frigate Admiral Golovko during its call at the port of Wonsan. North Korean engineers had visited Russian missile plants.",
			want: []string{"North Korea -visited-> Russia CONSULT @Russia"},
			not:  []string{"Kim Jong Un -visited-> Russia CONSULT @Russia"},
		},
		{
			name: "a preposition the parser hung on the title before a name",
			text: "Officials spoke on Monday. First Deputy Prime Minister Yulia Svyrydenko signed the deal in Washington with Treasury Secretary Scott Bessent.",
			want: []string{"Yulia Svyrydenko -signed_deal_with-> Scott Bessent COOPERATE"},
			not:  []string{"Yulia Svyrydenko -signed_deal-> Treasury COOPERATE"},
		},
		{
			name: "a vetoed resolution, a ban, support for",
			text: "Officials spoke on Monday. China and Russia vetoed a U.S.-drafted resolution at the U.N. Security Council on Thursday. Seoul said it would reconsider its ban on supplying weapons to Ukraine. Kim reaffirmed Pyongyang's support for Moscow's actions in Ukraine.",
			want: []string{"China -vetoed_resolution-> United States REJECT", "Seoul -supplied_weapons_to-> Ukraine AID neg reported", "Kim -reaffirmed_support_for-> Moscow SUPPORT"},
			not:  []string{"China -vetoed_solution-> United States REJECT", "Kim -reaffirmed_support-> Pyongyang SUPPORT"},
		},
		{
			name: "a passive verb the parser hung on its subject, its agent on a place",
			text: "Officials spoke on Monday. Putin, on his first visit to North Korea in 24 years, was greeted at the airport by Kim in the early hours of the morning.",
			want: []string{"Kim -greeted-> Putin SUPPORT"},
		},
		{
			name: "a list of objects is no naming",
			text: "Officials spoke on Monday. Zelenskiy was not there. Trump said the talks had been extremely productive and that he would call Zelenskiy and NATO leaders.",
			want: []string{"Trump -called-> Zelenskiy CONSULT planned"},
		},
		{
			name: "his visit is the phrase's person or the subject's",
			text: "Officials spoke on Monday. Myanmar junta chief Min Aung Hlaing met Chinese Premier Li Qiang on Wednesday, his first visit to China since the 2021 coup. Putin, on his first visit to North Korea in 24 years, was greeted at the airport by Kim.",
			want: []string{"Min Aung Hlaing -visited-> China CONSULT @China", "Putin -visited-> North Korea CONSULT @North Korea"},
			not:  []string{"Li Qiang -visited-> China CONSULT @China"},
		},
		{
			name: "a headline's verb in -s read as a proper noun",
			text: "Kim Jong Un tours Russian warship, vows support for Moscow's war",
			want: []string{"Kim Jong Un -vowed_support_for-> Moscow SUPPORT"},
			not:  []string{"Russia -vowed_support_for-> Moscow SUPPORT"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ex.Extract(context.Background(), Input{Text: tc.text, Published: tc.pub})
			if err != nil {
				t.Fatal(err)
			}
			got := relStrings(doc)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("unexpected %q", n)
				}
			}
		})
	}
}
