package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// resolve groups doc.Mentions into document entities (doc.Entities) and
// sets each mention's Entity. Titles before a person's name become roles,
// possessives are dropped, and a bare surname joins the one full name in
// the document that ends with it.
func (e *Extractor) resolve(doc *Document) {
	byKey := map[string]int{}
	surname := map[string][]int{} // last name -> person entities
	for mi := range doc.Mentions {
		m := &doc.Mentions[mi]
		name, role := mentionName(doc, m)
		if name == "" {
			continue
		}
		key := Key(m.Type, name)
		ei, ok := byKey[key]
		if !ok && m.Type == Person && !strings.Contains(name, " ") {
			if cands := surname[strings.ToLower(name)]; len(cands) == 1 {
				ei, ok = cands[0], true
				addAlias(&doc.Entities[ei], name, "surname")
			}
		}
		if !ok {
			ei = len(doc.Entities)
			doc.Entities = append(doc.Entities, Entity{Key: key, Name: name, Type: m.Type})
			byKey[key] = ei
			if m.Type == Person {
				if f := strings.Fields(name); len(f) > 1 {
					last := strings.ToLower(f[len(f)-1])
					surname[last] = append(surname[last], ei)
				}
			}
		} else if name != doc.Entities[ei].Name {
			addAlias(&doc.Entities[ei], name, "spelling")
		}
		if role != "" {
			addRole(&doc.Entities[ei], role)
		}
		m.Entity = ei
		doc.Entities[ei].Mentions = append(doc.Entities[ei].Mentions, mi)
	}
}

func addAlias(e *Entity, name, rule string) {
	for _, a := range e.Aliases {
		if a.Name == name {
			return
		}
	}
	e.Aliases = append(e.Aliases, Alias{Name: name, Rule: rule})
}

func addRole(e *Entity, role string) {
	for _, r := range e.Roles {
		if r == role {
			return
		}
	}
	e.Roles = append(e.Roles, role)
}

// titles are words that precede a person's name as a title or role.
var titles = map[string]bool{
	"president": true, "minister": true, "general": true, "gen.": true, "secretary": true, "chief": true,
	"leader": true, "chairman": true, "premier": true, "prime": true, "deputy": true, "defense": true,
	"defence": true, "foreign": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "former": true,
	"senator": true, "sen.": true, "governor": true, "ambassador": true, "envoy": true, "commander": true,
	"admiral": true, "colonel": true, "king": true, "queen": true, "pope": true, "director": true,
	"spokesman": true, "spokeswoman": true, "official": true, "vice": true, "state": true, "security": true,
}

// mentionName returns the mention's name with leading titles (returned as
// the role) and a trailing possessive removed.
func mentionName(doc *Document, m *Mention) (name, role string) {
	first, end := m.First, m.End
	if m.Type == Person {
		for first < end-1 && titles[strings.ToLower(doc.Slice(doc.Tokens[first].Span))] {
			first++
		}
	}
	if end-1 > first {
		switch doc.Slice(doc.Tokens[end-1].Span) {
		case "'s", "’s", "'", "’":
			end--
		}
	}
	if first > m.First {
		role = strings.ToLower(doc.Text[doc.Tokens[m.First].Start:doc.Tokens[first-1].End])
	}
	name = doc.Text[doc.Tokens[first].Start:doc.Tokens[end-1].End]
	name = strings.Join(strings.Fields(name), " ")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	return name, role
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
