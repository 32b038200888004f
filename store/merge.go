package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// The merge rule. A merged value is a function of the set of its
// documents' contributions, independent of the order they arrived in:
//
//   - an entity takes its id, key, name and type from the contribution of
//     the first document (by id); mentions and documents add up; first and
//     last seen are the earliest and latest dates; roles are the sorted
//     union; aliases are every other name any document uses for it (a
//     document's own name counts, with rule "same key"), sorted by name,
//     each with the smallest rule it was given;
//   - a relation or co-mention takes its category from the first document;
//     counts add up. Its evidence stays with the contributions (it is read
//     from them in document order) so that adding a document does not
//     rewrite a value that grows with the corpus.
//
// Because every part but the first document's is commutative, adding a
// document that does not sort first updates a merged value in O(1)
// (addEntity, addRelation) and gives exactly what folding every
// contribution again (foldEntity, foldRelation) gives; Check verifies it.
// A relation takes only its category from the first document, so one
// that sorts first updates it in O(1) too; so does an entity whose new
// first document gives it the same key and name (only the type can
// change: the aliases leave out that name either way). Otherwise the
// entity is folded again.

// A merged value is stored with the id of its first document, the base
// of the merge rule ("first_doc", a field of the binary encodings, see
// bincodec.go; the last member of the JSON object of format 4):
// adding documents then needs no scan of the contributions to know
// whether one of them comes first. Readers decode the graph type and
// ignore it.
type (
	mergedEntity struct {
		graph.Entity
		First string `json:"first_doc"`
	}
	mergedRelation struct {
		graph.Relation
		First string `json:"first_doc"`
	}
)

// encodeMerged encodes the merged value v (a graph.Entity or
// graph.Relation) whose first document is first.
func encodeMerged(v any, first string) ([]byte, error) {
	switch v := v.(type) {
	case graph.Entity:
		return encode(mergedEntity{v, first})
	case graph.Relation:
		return encode(mergedRelation{v, first})
	}
	return nil, fmt.Errorf("merged value of type %T", v)
}

// firstMember is how a merged value's first document starts, last in its
// JSON object. Inside a JSON string a quote is escaped, so these bytes
// can only be the member itself.
var firstMember = []byte(`,"first_doc":`)

// firstOf returns the first document of the encoded merged value b; ok is
// false if b does not record one.
func firstOf(b []byte) (first string, ok bool) {
	if len(b) > 0 && b[0] == codecRelation {
		var r graph.Relation
		first, ok, err := readRelation(b, &r)
		return first, ok && err == nil && first != ""
	}
	if len(b) > 0 && b[0] == codecEntity {
		var e graph.Entity
		first, ok, err := readEntity(b, &e)
		return first, ok && err == nil && first != ""
	}
	i := bytes.LastIndex(b, firstMember)
	if i < 0 || b[len(b)-1] != '}' {
		return "", false
	}
	if err := json.Unmarshal(b[i+len(firstMember):len(b)-1], &first); err != nil || first == "" {
		return "", false
	}
	return first, true
}

// sameKey is the rule of an alias that is another document's name.
const sameKey = "same key"

func foldEntity(cs []graph.Entity) graph.Entity {
	e := cs[0]
	e.Aliases, e.Roles, e.Mentions, e.Documents, e.FirstSeen, e.LastSeen = nil, nil, 0, 0, "", ""
	for _, c := range cs {
		addEntity(&e, c)
	}
	return e
}

// addEntity folds c, from a document that does not sort before e's first,
// into e.
func addEntity(e *graph.Entity, c graph.Entity) {
	e.Mentions += c.Mentions
	e.Documents += c.Documents
	if c.FirstSeen != "" && (e.FirstSeen == "" || c.FirstSeen < e.FirstSeen) {
		e.FirstSeen = c.FirstSeen
	}
	e.LastSeen = max(e.LastSeen, c.LastSeen)
	for _, r := range c.Roles {
		if i, found := slices.BinarySearch(e.Roles, r); !found {
			e.Roles = slices.Insert(e.Roles, i, r)
		}
	}
	addAlias(e, c.Name, sameKey)
	for _, a := range c.Aliases {
		addAlias(e, a.Name, a.Rule)
	}
}

func addAlias(e *graph.Entity, name, rule string) {
	if name == e.Name || name == "" {
		return
	}
	i, found := slices.BinarySearchFunc(e.Aliases, name, func(a extract.Alias, n string) int { return cmp.Compare(a.Name, n) })
	if found {
		e.Aliases[i].Rule = min(e.Aliases[i].Rule, rule)
		return
	}
	e.Aliases = slices.Insert(e.Aliases, i, extract.Alias{Name: name, Rule: rule})
}

func foldRelation(cs []graph.Relation) graph.Relation {
	r := cs[0]
	r.Count, r.Evidence = 0, nil
	for _, c := range cs {
		addRelation(&r, c)
	}
	return r
}

func addRelation(r *graph.Relation, c graph.Relation) { r.Count += c.Count }
