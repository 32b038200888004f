package graph

import (
	"cmp"
	"hash/fnv"
	"slices"
	"time"

	"github.com/kgx-project/kgx/extract"
)

// CoMentioned is the label of the weak edge between two entities named in
// one sentence. Co-mentions are never mixed with typed relations.
const CoMentioned = "co_mentioned"

// Entity is one real-world entity.
type Entity struct {
	ID        int64              `json:"id"`
	Key       string             `json:"key"`
	Name      string             `json:"name"`
	Type      extract.EntityType `json:"type"`
	Aliases   []extract.Alias    `json:"aliases"`
	Roles     []string           `json:"roles,omitempty"`
	Mentions  int                `json:"mentions"`
	Documents int                `json:"documents"`
	FirstSeen string             `json:"first_seen,omitempty"` // ISO date of the earliest dated document
	LastSeen  string             `json:"last_seen,omitempty"`
}

// Evidence is one sentence that supports a relation.
type Evidence struct {
	Doc      string  `json:"doc"`      // document id
	Sentence string  `json:"sentence"` // the sentence text
	Start    int     `json:"start"`    // byte offsets of the sentence in the document text
	End      int     `json:"end"`
	Date     string  `json:"date,omitempty"` // the relation's date, or the document's
	Negated  bool    `json:"negated,omitempty"`
	Modality string  `json:"modality,omitempty"`
	Place    string  `json:"place,omitempty"`
	Conf     float32 `json:"confidence,omitempty"`
}

// Relation is a directed, typed relation aggregated over all its evidence.
type Relation struct {
	Source   int64      `json:"source"`
	Target   int64      `json:"target"`
	Label    string     `json:"type"`
	Category string     `json:"category"`
	Count    int        `json:"count"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// FirstSeen and LastSeen are the earliest and latest evidence dates.
func (r *Relation) FirstSeen() string {
	var d string
	for _, e := range r.Evidence {
		if e.Date != "" && (d == "" || e.Date < d) {
			d = e.Date
		}
	}
	return d
}

// LastSeen is the latest evidence date.
func (r *Relation) LastSeen() string {
	var d string
	for _, e := range r.Evidence {
		if e.Date > d {
			d = e.Date
		}
	}
	return d
}

// Doc describes one ingested document.
type Doc struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Path  string `json:"path"`
	Hash  string `json:"hash"`
}

// ID returns the entity id for a key: the FNV-1a 64-bit hash of the key,
// made non-negative. It depends only on the key.
func ID(key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int64(h.Sum64() >> 1)
}

// Facts is what one document contributes to the graph.
type Facts struct {
	Doc        Doc
	Entities   []Entity   // Mentions counts this document's mentions; Documents is 1
	Relations  []Relation // typed relations, one Evidence each, Count 1
	CoMentions []Relation // Label CoMentioned, one per pair, Count = sentences
}

// FromDocument turns an extracted document into its facts. path is where
// the document came from (a file path or URL).
func FromDocument(d *extract.Document, path string) *Facts {
	date := ""
	if !d.Published.IsZero() {
		date = d.Published.Format(time.DateOnly)
	}
	f := &Facts{Doc: Doc{ID: d.ID, Title: d.Title, Date: date, Path: path, Hash: extract.Hash(d.Text)}}
	ids := make([]int64, len(d.Entities))
	for i, e := range d.Entities {
		ids[i] = ID(e.Key)
		f.Entities = append(f.Entities, Entity{
			ID: ids[i], Key: e.Key, Name: e.Name, Type: e.Type,
			Aliases: slices.Clone(e.Aliases), Roles: slices.Clone(e.Roles),
			Mentions: len(e.Mentions), Documents: 1, FirstSeen: date, LastSeen: date,
		})
	}
	for _, r := range d.Relations {
		if ids[r.Source] == ids[r.Target] {
			continue
		}
		ev := Evidence{Doc: d.ID, Sentence: d.Slice(r.Evidence), Start: r.Evidence.Start, End: r.Evidence.End,
			Date: cmp.Or(r.Date, date), Negated: r.Negated, Modality: string(r.Modality), Conf: r.Confidence}
		if r.Place >= 0 {
			ev.Place = d.Entities[r.Place].Name
		}
		f.Relations = append(f.Relations, Relation{Source: ids[r.Source], Target: ids[r.Target],
			Label: r.Label, Category: r.Category, Count: 1, Evidence: []Evidence{ev}})
	}
	co := map[[2]int64]int{}
	for _, c := range d.CoMentions {
		a, b := ids[c.A], ids[c.B]
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		k := [2]int64{a, b}
		if i, ok := co[k]; ok {
			f.CoMentions[i].Count++
			continue
		}
		co[k] = len(f.CoMentions)
		f.CoMentions = append(f.CoMentions, Relation{Source: a, Target: b, Label: CoMentioned, Count: 1,
			Evidence: []Evidence{{Doc: d.ID, Sentence: d.Slice(c.Evidence), Start: c.Evidence.Start, End: c.Evidence.End, Date: date}}})
	}
	evs, evRels := eventFacts(d, ids, date)
	f.Entities = append(f.Entities, evs...)
	f.Relations = append(f.Relations, evRels...)
	f.Entities = mergeEntityList(f.Entities)
	return f
}

// mergeEntityList merges entities of one document that share an id.
func mergeEntityList(es []Entity) []Entity {
	slices.SortStableFunc(es, func(a, b Entity) int { return cmp.Compare(a.ID, b.ID) })
	out := es[:0]
	for _, e := range es {
		if n := len(out); n > 0 && out[n-1].ID == e.ID {
			MergeEntity(&out[n-1], e)
			out[n-1].Documents = 1
			continue
		}
		out = append(out, e)
	}
	return out
}

// MergeEntity folds o into e: counts add, aliases and roles are unioned,
// the seen-dates widen, and the name stays e's.
func MergeEntity(e *Entity, o Entity) {
	e.Mentions += o.Mentions
	e.Documents += o.Documents
	if o.Name != e.Name {
		addAlias(e, extract.Alias{Name: o.Name, Rule: "same key"})
	}
	for _, a := range o.Aliases {
		addAlias(e, a)
	}
	for _, r := range o.Roles {
		if !slices.Contains(e.Roles, r) {
			e.Roles = append(e.Roles, r)
		}
	}
	if o.FirstSeen != "" && (e.FirstSeen == "" || o.FirstSeen < e.FirstSeen) {
		e.FirstSeen = o.FirstSeen
	}
	if o.LastSeen > e.LastSeen {
		e.LastSeen = o.LastSeen
	}
}

func addAlias(e *Entity, a extract.Alias) {
	if a.Name == e.Name {
		return
	}
	for _, x := range e.Aliases {
		if x.Name == a.Name {
			return
		}
	}
	e.Aliases = append(e.Aliases, a)
}
