package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Relation gold format (JSONL), one item per line:
//
//	{"id": "DEMO-00", "date": "1995-01-01",
//	 "text": "Arnor is about to restore full diplomatic ties with Gondor ...",
//	 "relations": [{"source": ["Arnor"], "target": ["Gondor"], "category": "COOPERATE",
//	                "label": "met", "cameo": "064", "type": "CommWith"}]}
//
// id and text are required; date (YYYY-MM-DD) anchors relative dates.
// source and target list the names that count as the participant (any
// one may match an entity's name or alias, compared after Fold; a
// one-word name also matches a longer name ending or starting with it).
// category is a PLOVER category or ATTRIBUTE; label, cameo and type are
// optional and informational. An item with an empty relations list says
// the text holds no relation: anything predicted there is a false
// positive.

// GoldRelation is one gold relation.
type GoldRelation struct {
	Source   []string `json:"source"`
	Target   []string `json:"target"`
	Category string   `json:"category"`
	Label    string   `json:"label,omitempty"`
	CAMEO    string   `json:"cameo,omitempty"`
	Type     string   `json:"type,omitempty"`
}

// GoldItem is one text with its gold relations.
type GoldItem struct {
	ID        string         `json:"id"`
	Date      string         `json:"date,omitempty"`
	Text      string         `json:"text"`
	Relations []GoldRelation `json:"relations"`
	// CoNLLU optionally holds the text's gold dependency parse (one
	// sentence, CoNLL-U, UD v1 or v2 labels) for RelEvalOptions.GoldParse.
	CoNLLU string `json:"conllu,omitempty"`
}

// RelEvalOptions tune EvalRelations.
type RelEvalOptions struct {
	// GoldParse runs relation extraction over the item's gold parse
	// (GoldItem.CoNLLU: its tokens, tags and dependency tree) instead of
	// kgx's tokeniser, tagger and parser, isolating the relation stage
	// from parsing errors. Items without a parse are skipped.
	GoldParse bool
}

// ReadRelationGold reads gold items in the JSONL format above; name is
// used in error messages ("gold.jsonl:3: ...").
func ReadRelationGold(r io.Reader, name string) ([]GoldItem, error) {
	var items []GoldItem
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var it GoldItem
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if it.ID == "" || it.Text == "" {
			return nil, fmt.Errorf("%s:%d: item needs \"id\" and \"text\"", name, n)
		}
		if it.Date != "" {
			if _, err := time.Parse("2006-01-02", it.Date); err != nil {
				return nil, fmt.Errorf("%s:%d: date %q is not YYYY-MM-DD", name, n, it.Date)
			}
		}
		for j, g := range it.Relations {
			if len(g.Source) == 0 || len(g.Target) == 0 || g.Category == "" {
				return nil, fmt.Errorf("%s:%d: relation %d needs source, target and category", name, n, j+1)
			}
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: no gold items", name)
	}
	return items, nil
}

// Score counts matches.
type Score struct{ TP, FP, FN int }

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN), 0 when there was no gold.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *Score) add(o Score) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

// RelationEval is the result of EvalRelations.
type RelationEval struct {
	Items, Gold, Predicted int
	// Triple matches (source, target, category) with direction; Undirected
	// lets source and target swap; Pair ignores the category.
	Triple, Undirected, Pair Score
	ByCategory               map[string]*Score // Triple by gold/predicted category
	Misses                   []string          // up to 20 examples of missed gold, for reading
}

// EvalRelations runs the extractor over each gold item and scores its
// typed relations against the gold. Attribute relations are scored only
// when the gold set has ATTRIBUTE relations; negated relations are never
// counted as predictions. A predicted participant matches a gold name if
// it, or an entity the document attributes it to (nationality, role_of,
// based_in), goes by that name.
func (e *Extractor) EvalRelations(ctx context.Context, items []GoldItem, opts RelEvalOptions) (*RelationEval, error) {
	attrs := false
	for _, it := range items {
		for _, g := range it.Relations {
			attrs = attrs || g.Category == Attribute
		}
	}
	ev := &RelationEval{ByCategory: map[string]*Score{}}
	cat := func(c string) *Score {
		s, ok := ev.ByCategory[c]
		if !ok {
			s = &Score{}
			ev.ByCategory[c] = s
		}
		return s
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return ev, err
		}
		in := Input{ID: it.ID, Text: it.Text}
		if it.Date != "" {
			in.Published, _ = time.Parse("2006-01-02", it.Date)
		}
		var doc *Document
		if opts.GoldParse {
			if it.CoNLLU == "" {
				continue
			}
			d, err := docFromCoNLLU(in, it.CoNLLU)
			if err != nil {
				return ev, fmt.Errorf("eval relations: item %s: %w", it.ID, err)
			}
			doc = d
			e.recognise(doc)
			e.resolve(doc)
			e.relate(doc)
		} else {
			d, err := e.Extract(ctx, in)
			if d == nil {
				return ev, fmt.Errorf("eval relations: item %s: %w", it.ID, err)
			}
			doc = d
		}
		var preds []Relation
		for _, r := range doc.Relations {
			if r.Negated || (r.Category == Attribute && !attrs) {
				continue
			}
			preds = append(preds, r)
		}
		ev.Items++
		ev.Gold += len(it.Relations)
		ev.Predicted += len(preds)
		// An actor also goes by the country or organisation the document
		// attributes it to ("US commander David Petraeus" is the US actor),
		// as event-data coders code actors.
		affil := map[int][]int{}
		for _, r := range doc.Relations {
			if r.Category == Attribute && r.Label != "located_in" {
				affil[r.Source] = append(affil[r.Source], r.Target)
			}
		}
		matches := func(ei int, names []string) bool {
			if entityMatches(doc, ei, names) {
				return true
			}
			for _, a := range affil[ei] {
				if entityMatches(doc, a, names) {
					return true
				}
			}
			return false
		}
		match := func(g GoldRelation, r Relation, directed, useCat bool) bool {
			if useCat && g.Category != r.Category {
				return false
			}
			s, t := matches(r.Source, g.Source), matches(r.Target, g.Target)
			if s && t {
				return true
			}
			return !directed && matches(r.Source, g.Target) && matches(r.Target, g.Source)
		}
		score := func(directed, useCat bool) (Score, []bool) {
			var sc Score
			used := make([]bool, len(preds))
			hit := make([]bool, len(it.Relations))
			for gi, g := range it.Relations {
				for pi, r := range preds {
					if !used[pi] && match(g, r, directed, useCat) {
						used[pi], hit[gi] = true, true
						sc.TP++
						break
					}
				}
				if !hit[gi] {
					sc.FN++
				}
			}
			// A prediction that duplicates a matched gold relation (the
			// same fact from two triggers) is not a false positive.
			for pi, r := range preds {
				if used[pi] {
					continue
				}
				dup := false
				for gi, g := range it.Relations {
					dup = dup || (hit[gi] && match(g, r, directed, useCat))
				}
				if !dup {
					sc.FP++
				}
			}
			return sc, hit
		}
		tr, hit := score(true, true)
		ev.Triple.add(tr)
		un, _ := score(false, true)
		ev.Undirected.add(un)
		pa, _ := score(true, false)
		ev.Pair.add(pa)
		for gi, g := range it.Relations {
			if hit[gi] {
				cat(g.Category).TP++
			} else {
				cat(g.Category).FN++
				if len(ev.Misses) < 20 {
					ev.Misses = append(ev.Misses, fmt.Sprintf("%s: %s -%s-> %s", it.ID, g.Source[0], g.Category, g.Target[0]))
				}
			}
		}
		for _, r := range preds {
			ok := false
			for _, g := range it.Relations {
				ok = ok || match(g, r, true, true)
			}
			if !ok {
				cat(r.Category).FP++
			}
		}
	}
	return ev, nil
}

// entityMatches reports whether document entity ei goes by one of names.
func entityMatches(doc *Document, ei int, names []string) bool {
	if ei < 0 || ei >= len(doc.Entities) {
		return false
	}
	en := doc.Entities[ei]
	own := []string{Fold(en.Name)}
	for _, a := range en.Aliases {
		own = append(own, Fold(a.Name))
	}
	for _, mi := range en.Mentions {
		if mi >= 0 && mi < len(doc.Mentions) {
			own = append(own, Fold(doc.Slice(doc.Mentions[mi].Span)))
		}
	}
	for _, n := range names {
		g := Fold(n)
		g = strings.TrimPrefix(g, "the ")
		if g == "" {
			continue
		}
		for _, o := range own {
			o = strings.TrimPrefix(o, "the ")
			if o == g || wordAffix(o, g) || wordAffix(g, o) {
				return true
			}
		}
	}
	return false
}

// wordAffix reports whether short is a whole-word prefix or suffix of long
// ("shoigu" of "sergei shoigu").
func wordAffix(long, short string) bool {
	if len(short) >= len(long) || short == "" {
		return false
	}
	return strings.HasSuffix(long, " "+short) || strings.HasPrefix(long, short+" ")
}

// Categories returns the category names in ev, sorted.
func (ev *RelationEval) Categories() []string {
	var cs []string
	for c := range ev.ByCategory {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	return cs
}

// docFromCoNLLU builds a one-sentence Document from a gold CoNLL-U parse:
// the text is the tokens joined by spaces (none where MISC says
// SpaceAfter=No), tags and tree are the gold ones.
func docFromCoNLLU(in Input, conllu string) (*Document, error) {
	doc := &Document{ID: in.ID, Published: in.Published}
	var sb strings.Builder
	space := false
	for n, line := range strings.Split(conllu, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu line %d: %d columns, want 10", n+1, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword and empty nodes
		}
		id, err1 := strconv.Atoi(f[0])
		head, err2 := strconv.Atoi(f[6])
		if err1 != nil || err2 != nil || id != len(doc.Tokens)+1 {
			return nil, fmt.Errorf("conllu line %d: bad id or head", n+1)
		}
		if space {
			sb.WriteByte(' ')
		}
		start := sb.Len()
		sb.WriteString(f[1])
		upos := f[3]
		if upos == "CONJ" {
			upos = "CCONJ"
		}
		doc.Tokens = append(doc.Tokens, Token{Span: Span{start, sb.Len()}, Tag: upos, XPOS: f[4], Head: head - 1, Dep: f[7]})
		space = !strings.Contains(f[9], "SpaceAfter=No")
	}
	if len(doc.Tokens) == 0 {
		return nil, fmt.Errorf("empty conllu parse")
	}
	for i, t := range doc.Tokens {
		if t.Head >= len(doc.Tokens) || t.Head < -1 {
			return nil, fmt.Errorf("conllu token %d: head %d out of range", i+1, t.Head+1)
		}
	}
	doc.Text = sb.String()
	doc.Body = []Span{{0, len(doc.Text)}}
	doc.Sentences = []Sentence{{Span: Span{0, len(doc.Text)}, First: 0, End: len(doc.Tokens)}}
	return doc, nil
}
