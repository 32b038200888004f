package extract

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// GoldMention is a name mention from an annotated corpus, with the
// identity it refers to.
type GoldMention struct {
	Mention      int    // index into Document.Mentions as read
	Span         Span   // the mention's span (resolution may renumber mentions)
	Group        string // the document's coreference group ("GUM_news_afghan#3")
	Identity     string // Wikipedia title ("North_Korea"), "" if not linked
	EntityType   string // the corpus's entity type ("person")
	MentionWords string // the mention's full text as annotated
}

// gumTypes maps GUM's entity types to kgx's; other types (abstract,
// object, time, ...) are not names of the kinds kgx resolves.
var gumTypes = map[string]EntityType{"person": Person, "organization": Org, "place": GPE, "event": Event}

// ReadGUMCoref reads one GUM document (CoNLL-U with Entity= coreference
// annotations in MISC) as a Document with tokens, sentences and one
// Mention per annotated name: the first run of proper nouns (with inner
// "of", "the", "&", hyphens) inside a person, organisation, place or
// event mention, as a name tagger would find it. It returns the Document
// (Text rebuilt from the tokens and SpaceAfter) and the gold identity of
// each mention. Errors name the line.
func ReadGUMCoref(r io.Reader, name string) (*Document, []GoldMention, error) {
	doc := &Document{ID: name, Source: name}
	var gold []GoldMention
	var text strings.Builder
	type open struct {
		tok              int
		id, etype, ident string
	}
	var stack []open
	type tokInfo struct{ upos string }
	var infos []tokInfo
	sentFirst, sentStart := 0, 0
	space := false // the last token is followed by a space
	flushSentence := func() {
		if len(doc.Tokens) > sentFirst {
			doc.Sentences = append(doc.Sentences, Sentence{
				Span: Span{sentStart, doc.Tokens[len(doc.Tokens)-1].Span.End}, First: sentFirst, End: len(doc.Tokens)})
		}
		sentFirst = len(doc.Tokens)
	}
	addMention := func(o open, end int) {
		t, ok := gumTypes[o.etype]
		if !ok {
			return
		}
		// The first run of name words (proper nouns, and capitalised
		// adjectives, nouns or verbs: "United States", "New York") that
		// holds a proper noun.
		nameLike := func(i int) bool {
			if infos[i].upos == "PROPN" {
				return true
			}
			r, _ := utf8.DecodeRuneInString(doc.Slice(doc.Tokens[i].Span))
			switch infos[i].upos {
			case "ADJ", "NOUN", "VERB", "NUM", "X":
				return unicode.IsUpper(r)
			}
			return false
		}
		first, last := -1, -1
		propn := false
		for i := o.tok; i < end; i++ {
			switch {
			case nameLike(i):
				if first < 0 {
					first = i
				}
				last = i
				propn = propn || infos[i].upos == "PROPN"
			case first >= 0 && i+1 < end && nameLike(i+1) && bridges(t, infos[i].upos, doc.Slice(doc.Tokens[i].Span)):
				// "Bank of America", "Trinidad and Tobago", "Jean-Paul"
			case first >= 0 && propn:
				i = end
			default:
				first, last = -1, -1 // a run with no proper noun ("Afghan team")
			}
		}
		if !propn {
			first = -1
		}
		if first < 0 {
			return
		}
		doc.Mentions = append(doc.Mentions, Mention{
			Span:  Span{doc.Tokens[first].Span.Start, doc.Tokens[last].Span.End},
			First: first, End: last + 1, Type: t, Entity: -1, Score: 1,
		})
		gold = append(gold, GoldMention{Mention: len(doc.Mentions) - 1, Span: doc.Mentions[len(doc.Mentions)-1].Span, Group: name + "#" + o.id, Identity: o.ident, EntityType: o.etype,
			MentionWords: doc.Text[doc.Tokens[o.tok].Span.Start:doc.Tokens[end-1].Span.End]})
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			flushSentence()
			continue
		}
		if strings.HasPrefix(l, "#") {
			if t, ok := strings.CutPrefix(l, "# meta::title = "); ok {
				doc.Title = t
			}
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 10 {
			return nil, nil, fmt.Errorf("%s:%d: want 10 tab-separated fields, got %d", name, line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multi-word token ranges and empty nodes
		}
		if len(doc.Tokens) == sentFirst {
			if text.Len() > 0 {
				text.WriteString("\n")
			}
			sentStart = text.Len()
		} else if space {
			text.WriteString(" ")
		}
		start := text.Len()
		text.WriteString(f[1])
		doc.Text = text.String() // Slice needs the text so far
		doc.Tokens = append(doc.Tokens, Token{Span: Span{start, text.Len()}, Tag: f[3], XPOS: f[4], Head: -1})
		infos = append(infos, tokInfo{f[3]})
		tok := len(doc.Tokens) - 1
		misc := f[9]
		space = !strings.Contains(misc, "SpaceAfter=No")
		for _, kv := range strings.Split(misc, "|") {
			ann, ok := strings.CutPrefix(kv, "Entity=")
			if !ok {
				continue
			}
			for i := 0; i < len(ann); {
				switch c := ann[i]; {
				case c == '(':
					j := i + 1
					for j < len(ann) && ann[j] != '(' && ann[j] != ')' {
						j++
					}
					parts := strings.SplitN(ann[i+1:j], "-", 8)
					if len(parts) < 2 {
						return nil, nil, fmt.Errorf("%s:%d: bad entity %q", name, line, ann[i:j])
					}
					o := open{tok: tok, id: parts[0], etype: parts[1]}
					if len(parts) == 8 {
						o.ident = parts[7]
					}
					if j < len(ann) && ann[j] == ')' {
						doc.Text = text.String()
						addMention(o, tok+1)
						j++
					} else {
						stack = append(stack, o)
					}
					i = j
				case c >= '0' && c <= '9':
					j := i
					for j < len(ann) && ann[j] >= '0' && ann[j] <= '9' {
						j++
					}
					if j >= len(ann) || ann[j] != ')' {
						return nil, nil, fmt.Errorf("%s:%d: bad entity close in %q", name, line, ann)
					}
					id := ann[i:j]
					k := len(stack) - 1
					for k >= 0 && stack[k].id != id {
						k--
					}
					if k < 0 {
						return nil, nil, fmt.Errorf("%s:%d: entity %s closed but not open", name, line, id)
					}
					doc.Text = text.String()
					addMention(stack[k], tok+1)
					stack = append(stack[:k], stack[k+1:]...)
					i = j + 1
				default:
					return nil, nil, fmt.Errorf("%s:%d: bad entity annotation %q", name, line, ann)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	flushSentence()
	doc.Text = text.String()
	doc.Body = []Span{{0, len(doc.Text)}}
	gold = sortMentions(doc, gold)
	return doc, gold, nil
}

// bridges reports whether a word may sit inside a name of type t: a
// hyphen in any name, and "of", "the", "and", "&" in names of places,
// organisations and events ("Bank of America"), not of people ("Nick
// Rhodes of Duran Duran" is two names).
func bridges(t EntityType, upos, word string) bool {
	if word == "-" {
		return true
	}
	if t == Person {
		return false
	}
	switch upos {
	case "DET", "ADP", "CCONJ":
		return true
	case "PUNCT":
		return word == "&" || word == "'"
	}
	return false
}

// sortMentions sorts doc.Mentions by start (longer first) and renumbers
// the gold records; of two annotations that yield the same name span, the
// first (outer) one is kept.
func sortMentions(doc *Document, gold []GoldMention) []GoldMention {
	ms := doc.Mentions
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if ms[a].Span.Start != ms[b].Span.Start {
			return ms[a].Span.Start - ms[b].Span.Start
		}
		return ms[b].Span.End - ms[a].Span.End
	})
	newPos := make([]int, len(ms))
	var out []Mention
	for _, i := range idx {
		if n := len(out); n > 0 && out[n-1].Span == ms[i].Span {
			newPos[i] = -1
			continue
		}
		newPos[i] = len(out)
		out = append(out, ms[i])
	}
	doc.Mentions = out
	var kept []GoldMention
	for _, g := range gold {
		if p := newPos[g.Mention]; p >= 0 {
			g.Mention = p
			kept = append(kept, g)
		}
	}
	slices.SortFunc(kept, func(a, b GoldMention) int { return a.Mention - b.Mention })
	return kept
}
