package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

// Types are the entity types the NER tagger learns, in class order.
var Types = []string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}

// Place is the pseudo-target for a corpus label that means "a place" but
// does not say whether it is a GPE: MapLabels makes it GPE when the
// gazetteer knows the name (or its last word) as a country or city, and
// LOC otherwise.
const Place = "PLACE"

// labelTable is THE mapping from each corpus's entity labels to kgx types.
// A target of Unknown means "no kgx counterpart: not learned from" (the
// words are masked in training and scored as O in evaluation); "O" means
// the span is not an entity for kgx: times and numbers (kgx does not tag
// DATE), and names of things that are no person, organisation, place,
// group or event (languages, products, works, weapons), which kgx must
// learn to leave untagged. Labels not listed are Unknown.
//
//	corpus    source label      kgx type
//	gum       person            PERSON  (named mentions only; see gumNamed)
//	gum       organization      ORG
//	gum       place             PLACE   (GPE or LOC by gazetteer)
//	gum       event             EVENT
//	gum       time              O
//	gum       abstract, object, substance, animal, plant, quantity: O
//	uner      PER / ORG / LOC   PERSON / ORG / PLACE
//	wikigold  PER / ORG / LOC   PERSON / ORG / PLACE
//	wikigold  MISC              NORP if a demonym or religious/political
//	                            group word in the gazetteer, EVENT if a
//	                            capitalised name headed by an event word
//	                            (isProperEventName: "World War II",
//	                            "Olympics"), Unknown if the event word is
//	                            in lower case ("Finnish war"), else O
//	wnut17    person            PERSON
//	wnut17    corporation, group ORG
//	wnut17    location          PLACE
//	wnut17    product, creative-work: O
//	re3d      Person / Organisation / Location / Nationality
//	                            PERSON / ORG / PLACE / NORP
//	re3d      Temporal, Money, Quantity, Weapon, MilitaryPlatform, Vehicle,
//	          CommsIdentifier, DocumentReference, Frequency, Coordinate: O
//	redocred  PER / ORG / LOC   PERSON / ORG / PLACE
//	redocred  MISC              NORP, EVENT or O as for wikigold
//	redocred  TIME, NUM         O
//
// Rules applied with the table: spans lose leading lower-case words ("the
// United States" -> "United States"); a PLACE that the gazetteer knows as a
// demonym ("German", which Re-DocRED marks LOC) is NORP; PERSON spans lose
// leading titles ("President Obama" -> "Obama", as OntoNotes marks them);
// and in corpora
// that have no NORP label (gum, uner, wnut17) a capitalised word outside
// any span that the gazetteer lists as a demonym or religious/political
// group becomes NORP.
var labelTable = map[string]map[string]string{
	"gum": {
		"person": "PERSON", "organization": "ORG", "place": Place, "event": "EVENT", "time": "O",
		"abstract": "O", "object": "O", "substance": "O", "animal": "O", "plant": "O", "quantity": "O",
	},
	"uner":     {"PER": "PERSON", "ORG": "ORG", "LOC": Place},
	"wikigold": {"PER": "PERSON", "ORG": "ORG", "LOC": Place, "MISC": misc},
	"wnut17": {
		"person": "PERSON", "corporation": "ORG", "group": "ORG", "location": Place,
		"product": "O", "creative-work": "O",
	},
	"re3d": {
		"Person": "PERSON", "Organisation": "ORG", "Location": Place, "Nationality": "NORP",
		"Temporal": "O", "Money": "O", "Quantity": "O", "Weapon": "O", "MilitaryPlatform": "O",
		"Vehicle": "O", "CommsIdentifier": "O", "DocumentReference": "O", "Frequency": "O",
		"Coordinate": "O",
	},
	"redocred": {"PER": "PERSON", "ORG": "ORG", "LOC": Place, "MISC": misc, "TIME": "O", "NUM": "O"},
}

// misc is the pseudo-target for a miscellaneous name: NORP, EVENT or O
// (see labelTable).
const misc = "MISC?"

var noNORP = map[string]bool{"gum": true, "uner": true, "wnut17": true}

// MapLabels fills s.NER from s.Spans using the label table for corpus.
func MapLabels(corpus string, s *Sentence, gaz *gazetteer.Gazetteer) {
	table := labelTable[corpus]
	s.NER = make([]string, len(s.Words))
	for i := range s.NER {
		s.NER[i] = "O"
	}
	covered := make([]bool, len(s.Words))
	for _, sp := range s.Spans {
		for k := sp.Start; k < sp.End; k++ {
			covered[k] = true
		}
		target, ok := table[sp.Label]
		if !ok {
			target = Unknown
		}
		a, b := sp.Start, sp.End
		for a < b-1 && !startsUpperOrDigit(s.Words[a]) {
			a++
		}
		text := strings.Join(s.Words[a:b], " ")
		switch target {
		case misc:
			switch {
			case gaz.Lookup(text)&(gazetteer.Demonym|gazetteer.Religion) != 0:
				target = "NORP"
			case isProperEventName(s.Words[a:b]):
				target = "EVENT"
			case isEventName(s.Words[a:b]):
				target = Unknown // "Finnish war": an event, or a war's name?
			default:
				target = "O"
			}
		case Place:
			target = placeType(s.Words[a:b], gaz)
			if c := gaz.Lookup(text); c&(gazetteer.Demonym|gazetteer.Religion) != 0 {
				target = "NORP"
			}
		}
		if target == "PERSON" {
			for a < b-1 && gaz.Lookup(s.Words[a])&gazetteer.Title != 0 {
				a++
			}
			if !startsUpper(s.Words[a]) || b-a == 1 && gaz.Lookup(s.Words[a])&gazetteer.Title != 0 {
				target = Unknown // "President of the United States", "the Secretary": titles, not names
			}
		}
		switch target {
		case "O":
		case Unknown:
			for k := sp.Start; k < sp.End; k++ {
				s.NER[k] = Unknown
			}
		default:
			s.NER[a] = "B-" + target
			for k := a + 1; k < b; k++ {
				s.NER[k] = "I-" + target
			}
		}
	}
	if noNORP[corpus] {
		for i, w := range s.Words {
			if covered[i] || !startsUpper(w) {
				continue
			}
			if c := gaz.Lookup(w); c&(gazetteer.Demonym|gazetteer.Religion) != 0 {
				s.NER[i] = "B-NORP"
			}
		}
	}
}

func placeType(words []string, gaz *gazetteer.Gazetteer) string {
	const gpe = gazetteer.Country | gazetteer.City
	if gaz.Lookup(strings.Join(words, " "))&gpe != 0 || gaz.Lookup(words[len(words)-1])&gpe != 0 {
		return "GPE"
	}
	return "LOC"
}

func startsUpper(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
