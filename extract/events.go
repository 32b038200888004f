package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// buildEvents groups the typed relations by trigger into event nodes.
func buildEvents(doc *Document) {
	byTrig := map[Span]int{}
	for ri, rel := range doc.Relations {
		if rel.Category == Attribute || rel.Negated || (rel.Place < 0 && rel.Date == "") {
			continue
		}
		i, ok := byTrig[rel.Trigger]
		if !ok {
			i = len(doc.Events)
			byTrig[rel.Trigger] = i
			doc.Events = append(doc.Events, EventNode{Label: rel.Label, Category: rel.Category, Trigger: rel.Trigger,
				Evidence: rel.Evidence, Place: -1, Date: rel.Date})
		}
		ev := &doc.Events[i]
		ev.Relations = append(ev.Relations, ri)
		for _, p := range []int{rel.Source, rel.Target} {
			if !slices.Contains(ev.Participants, p) {
				ev.Participants = append(ev.Participants, p)
			}
		}
		if ev.Place < 0 {
			ev.Place = rel.Place
		}
	}
	slices.SortStableFunc(doc.Events, func(a, b EventNode) int { return cmp.Compare(a.Trigger.Start, b.Trigger.Start) })
}

// eventHeads are nouns that head the names of events. A treaty, pact or
// agreement is not one: it is what parties agree on (the AGREE relation
// "signed"), and "the partnership treaty" as an EVENT would put a
// document among the meetings and parades.
var eventHeads = map[string]bool{
	"war": true, "parade": true, "summit": true, "forum": true, "celebrations": true, "celebration": true,
	"anniversary": true, "games": true, "olympics": true, "conference": true, "festival": true, "ceremony": true,
	"congress": true, "expo": true, "exercises": true, "drills": true, "exercise": true, "drill": true,
	"revolution": true, "uprising": true,
	"offensive": true, "crisis": true, "talks": true, "election": true, "elections": true, "referendum": true,
	"cup": true, "championship": true, "invasion": true, "massacre": true,
}

// activityHeads are event nouns that name a kind of activity rather than
// one gathering: with lower-case modifiers only ("peace talks", "joint
// drills", "ground offensive") they make no event name, unlike "the
// security forum" or "anniversary celebrations".
var activityHeads = map[string]bool{
	"talks": true, "drills": true, "exercises": true, "drill": true, "exercise": true, "offensive": true,
	"crisis": true, "war": true,
	"election": true, "elections": true, "invasion": true, "massacre": true, "revolution": true,
	"uprising": true, "referendum": true,
}

// genericModifiers make a kind of event, not one event, of the event noun
// they modify alone ("news conference", "press conference", "phone call").
var genericModifiers = map[string]bool{"news": true, "press": true, "phone": true, "video": true}

// eventVerbs are the verbs whose object is an event noun ("hold talks",
// "stage drills", "attend the summit"). A headline often drops the
// subject's article and the tagger then reads the verb as a noun
// modifying the event ("Lavrov and Choe hold talks in Moscow"); namedEvents
// never starts a name with one.
var eventVerbs = map[string]bool{
	"hold": true, "holds": true, "held": true, "stage": true, "stages": true, "staged": true,
	"conduct": true, "conducts": true, "conducted": true, "begin": true, "begins": true,
	"resume": true, "resumes": true, "resumed": true, "attend": true, "attends": true,
	"host": true, "hosts": true, "hosted": true, "launch": true, "launches": true, "launched": true,
	"start": true, "starts": true, "started": true, "open": true, "opens": true, "opened": true,
	"join": true, "joins": true, "joined": true, "end": true, "ends": true, "ended": true,
	"win": true, "wins": true, "won": true, "skip": true, "skips": true, "boycott": true, "boycotts": true,
	"marks": true, "marked": true, "plan": true, "plans": true, "planned": true,
	"announce": true, "announces": true, "call": true, "calls": true, "wage": true, "wages": true,
}

// shouted reports whether text has letters and none of them is lower case.
func shouted(text string) bool {
	upper := 0
	for _, c := range text {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	return upper > 1
}

// namedEvents adds EVENT mentions and entities for event names the
// recogniser missed: a noun phrase headed by an event noun with at least
// one compound or capitalised modifier ("Victory Day parade", "Korean
// War", "the security forum", "anniversary celebrations"). It runs
// before relations are found and keeps Mentions in text order, remapping
// the entities' mention indices.
func namedEvents(doc *Document) {
	r := newRelater(doc, nil)
	var add []Mention
	for _, s := range doc.Sentences {
		if shouted(doc.Slice(s.Span)) {
			// An all-caps line ("SECURITY TALKS") is a heading or a kicker,
			// and its capitals say nothing about names; the recogniser,
			// which truecases such lines, has the last word on them.
			continue
		}
		for t := s.First; t < s.End; t++ {
			if !eventHeads[r.lower(t)] || !r.isNoun(t) || r.ment[t] >= 0 {
				continue
			}
			first := t
			proper := unicode.IsUpper([]rune(r.word(t))[0])
			for k := t - 1; k >= s.First; k-- {
				d := r.dep(k)
				if r.head(k) != t && !(r.head(k) > k && r.head(k) < t && (d == "compound" || d == "flat")) {
					break
				}
				if d != "compound" && d != "flat" && !(d == "amod" && unicode.IsUpper([]rune(r.word(k))[0])) && !(d == "nummod" || d == "amod" && strings.HasSuffix(r.lower(k), "th")) {
					break
				}
				if r.ment[k] >= 0 && r.doc.Mentions[r.ment[k]].Type != NORP {
					break
				}
				first = k
			}
			// A verb the tagger read as a noun opens no name: a headline's
			// "hold talks", "stage drills" is a verb and its object.
			for first < t && eventVerbs[r.lower(first)] {
				first++
			}
			if first == t {
				continue
			}
			if genericModifiers[r.lower(first)] && first+1 == t {
				continue // "a news conference", "a press conference"
			}
			if activityHeads[r.lower(t)] {
				// "phone talks", "military drills", "trade war" are no
				// names: these heads need a capitalised modifier ("Six-Party
				// talks", "Korean War")
				named := false
				for k := first; k < t; k++ {
					named = named || unicode.IsUpper([]rune(r.word(k))[0])
				}
				if !named {
					continue
				}
			}
			overlap := false
			for k := first; k <= t; k++ {
				overlap = overlap || r.ment[k] >= 0
			}
			if overlap && !proper {
				continue
			}
			if overlap {
				continue // a NORP inside a capitalised name: leave it to the recogniser
			}
			add = append(add, Mention{Span: Span{doc.Tokens[first].Start, doc.Tokens[t].End}, First: first, End: t + 1,
				Type: Event, Entity: -1, Score: 0.5})
		}
	}
	if len(add) == 0 {
		return
	}
	old := len(doc.Mentions)
	all := append(slices.Clone(doc.Mentions), add...)
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(all[a].Span.Start, all[b].Span.Start) })
	newIdx := make([]int, len(all))
	ms := make([]Mention, len(all))
	for ni, oi := range order {
		newIdx[oi] = ni
		ms[ni] = all[oi]
	}
	for ei := range doc.Entities {
		for j, mi := range doc.Entities[ei].Mentions {
			doc.Entities[ei].Mentions[j] = newIdx[mi]
		}
	}
	doc.Mentions = ms
	byKey := map[string]int{}
	for ei, en := range doc.Entities {
		byKey[en.Key] = ei
	}
	for oi := old; oi < len(all); oi++ {
		mi := newIdx[oi]
		m := &doc.Mentions[mi]
		name := strings.Join(strings.Fields(doc.Slice(m.Span)), " ")
		key := Key(Event, name)
		ei, ok := byKey[key]
		if !ok {
			ei = len(doc.Entities)
			byKey[key] = ei
			doc.Entities = append(doc.Entities, Entity{Key: key, Name: name, Type: Event})
		}
		m.Entity = ei
		doc.Entities[ei].Mentions = append(doc.Entities[ei].Mentions, mi)
		slices.Sort(doc.Entities[ei].Mentions)
	}
	// Keep entities in order of first mention.
	eo := make([]int, len(doc.Entities))
	for i := range eo {
		eo[i] = i
	}
	first := func(ei int) int {
		if ms := doc.Entities[ei].Mentions; len(ms) > 0 {
			return ms[0]
		}
		return len(doc.Mentions)
	}
	slices.SortStableFunc(eo, func(a, b int) int { return cmp.Compare(first(a), first(b)) })
	newEnt := make([]int, len(eo))
	ents := make([]Entity, len(eo))
	for ni, oi := range eo {
		newEnt[oi] = ni
		ents[ni] = doc.Entities[oi]
	}
	doc.Entities = ents
	for mi := range doc.Mentions {
		if e := doc.Mentions[mi].Entity; e >= 0 && e < len(newEnt) {
			doc.Mentions[mi].Entity = newEnt[e]
		}
	}
}
