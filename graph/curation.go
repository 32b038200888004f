package graph

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract"
)

// CurationOp is what an analyst decided about entities.
type CurationOp string

// Curation operations. Names refer to entities by display name, any
// document name or alias, or by key ("PERSON:sergei shoigu"), compared
// after extract.Fold.
const (
	OpMerge  CurationOp = "merge"  // Name absorbs Other; Name's id and key are kept
	OpSplit  CurationOp = "split"  // the document entities named Other leave Name's entity and may not rejoin it
	OpAlias  CurationOp = "alias"  // Other is another name of Name: entities named Other join it
	OpRename CurationOp = "rename" // Name is displayed as Other; the id stays
	OpIgnore CurationOp = "ignore" // Name is junk: dropped with its relations
)

// Curation is one analyst decision. Resolve applies the list in order, on
// every resolution, so decisions survive re-ingest; a later decision about
// the same pair of names overrides an earlier one (a split undoes a merge
// or alias, and the reverse).
type Curation struct {
	Op    CurationOp `json:"op"`
	Name  string     `json:"name"`
	Other string     `json:"other,omitempty"`
}

func (c Curation) String() string {
	if c.Other == "" {
		return fmt.Sprintf("%s %q", c.Op, c.Name)
	}
	return fmt.Sprintf("%s %q %q", c.Op, c.Name, c.Other)
}

// ErrBadCuration is wrapped by Validate's errors.
var ErrBadCuration = errors.New("bad curation")

// Validate checks that the record is complete.
func (c Curation) Validate() error {
	if strings.TrimSpace(c.Name) == "" || extract.Fold(c.Name) == "" {
		return fmt.Errorf("%w: %s: empty name", ErrBadCuration, c)
	}
	switch c.Op {
	case OpIgnore:
		if c.Other != "" {
			return fmt.Errorf("%w: %s: ignore takes one name", ErrBadCuration, c)
		}
		return nil
	case OpMerge, OpSplit, OpAlias, OpRename:
		if strings.TrimSpace(c.Other) == "" || (c.Op != OpRename && extract.Fold(c.Other) == "") {
			return fmt.Errorf("%w: %s: %s takes two names", ErrBadCuration, c, c.Op)
		}
		if c.Op != OpRename && sameName(c.Name, c.Other) {
			return fmt.Errorf("%w: %s: the two names are the same", ErrBadCuration, c)
		}
		return nil
	}
	return fmt.Errorf("%w: unknown operation %q", ErrBadCuration, c.Op)
}

// sameName compares two references after folding (keys by their name part).
func sameName(a, b string) bool { return refName(a) == refName(b) }

// refName folds a reference; a key keeps its class ("PERSON:kim").
func refName(s string) string {
	if class, name, ok := strings.Cut(s, ":"); ok && isClass(class) {
		return class + ":" + extract.Fold(name)
	}
	return extract.Fold(s)
}

func isClass(s string) bool {
	if s == "PLACE" {
		return true
	}
	t, ok := extract.ParseEntityType(s)
	return ok && extract.Class(t) == s
}

// ReadAliasCSV reads an alias table: one "name,alias" pair per line
// (extra columns are ignored; a first line "name,alias" is a header;
// lines starting with # are comments). It returns one OpAlias curation per
// pair, or an error naming the line.
func ReadAliasCSV(r io.Reader) ([]Curation, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	var out []Curation
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("alias csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) < 2 {
			return nil, fmt.Errorf("alias csv line %d: want name,alias, got %d field(s)", line, len(rec))
		}
		if n == 1 && strings.EqualFold(strings.TrimSpace(rec[0]), "name") && strings.EqualFold(strings.TrimSpace(rec[1]), "alias") {
			continue
		}
		c := Curation{Op: OpAlias, Name: strings.TrimSpace(rec[0]), Other: strings.TrimSpace(rec[1])}
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("alias csv line %d: %w", line, err)
		}
		out = append(out, c)
	}
}

// effective is a curation list reduced to what still holds.
type effective struct {
	cannot map[[2]string]bool // folded name pairs split apart
	ops    []Curation         // merges, aliases, renames, ignores, in order
}

func effectiveCuration(list []Curation) effective {
	eff := effective{cannot: map[[2]string]bool{}}
	pair := func(c Curation) [2]string {
		a, b := refName(c.Name), refName(c.Other)
		if b < a {
			a, b = b, a
		}
		return [2]string{a, b}
	}
	renamed := map[string]string{} // folded new name -> the name it replaced
	for _, c := range list {
		if c.Validate() != nil {
			continue // stored records were validated; skip anything else
		}
		switch c.Op {
		case OpRename:
			old := c.Name
			if o, ok := renamed[refName(old)]; ok {
				old = o
			}
			renamed[refName(c.Other)] = old
			eff.ops = append(eff.ops, c)
		case OpSplit:
			// A split names document entities, which carry the names
			// found in the text, not later renames.
			if o, ok := renamed[refName(c.Name)]; ok {
				c.Name = o
			}
			if o, ok := renamed[refName(c.Other)]; ok {
				c.Other = o
			}
			p := pair(c)
			eff.cannot[[2]string{stripClass(p[0]), stripClass(p[1])}] = true
			eff.ops = slices.DeleteFunc(eff.ops, func(o Curation) bool {
				return (o.Op == OpMerge || o.Op == OpAlias) && pair(o) == p
			})
		case OpMerge, OpAlias:
			p := pair(c)
			delete(eff.cannot, [2]string{stripClass(p[0]), stripClass(p[1])})
			eff.ops = append(eff.ops, c)
		default:
			eff.ops = append(eff.ops, c)
		}
	}
	return eff
}

func stripClass(ref string) string {
	if class, name, ok := strings.Cut(ref, ":"); ok && isClass(class) {
		return name
	}
	return ref
}

// lookup finds the groups a reference names: by member key when it is a
// key, else by member name, else by alias. It returns the roots found at
// the first level that finds any.
func (r *resolver) lookup(ref string) []int {
	f := refName(ref)
	var roots []int
	add := func(i int) {
		if root := r.find(i); !slices.Contains(roots, root) {
			roots = append(roots, root)
		}
	}
	if strings.Contains(f, ":") {
		if i, ok := r.byKey[f]; ok {
			add(i)
		}
		return roots
	}
	for i, m := range r.ms {
		if m.folded == f {
			add(i)
		}
	}
	for root, n := range r.rename {
		if extract.Fold(n) == f {
			add(root)
		}
	}
	if len(roots) > 0 {
		slices.Sort(roots)
		return roots
	}
	for i, m := range r.ms {
		for n := range m.names {
			if extract.Fold(n) == f {
				add(i)
			}
		}
		for n := range m.aliases {
			if extract.Fold(n) == f {
				add(i)
			}
		}
	}
	for root, ex := range r.extra {
		for n := range ex {
			if extract.Fold(n) == f {
				add(root)
			}
		}
	}
	slices.Sort(roots)
	return roots
}

// one resolves a reference to exactly one group.
func (r *resolver) one(c Curation, ref string) (int, error) {
	roots := r.lookup(ref)
	switch len(roots) {
	case 0:
		return -1, curationError(c, "no entity named %q", ref)
	case 1:
		return roots[0], nil
	}
	var keys []string
	for _, root := range roots {
		keys = append(keys, r.ms[root].key)
	}
	return -1, curationError(c, "%q names %d entities (%s); use a key", ref, len(roots), strings.Join(keys, ", "))
}

// curate applies merges, aliases, renames and ignores in order.
func (r *resolver) curate(eff effective) []error {
	var errs []error
	for _, c := range eff.ops {
		switch c.Op {
		case OpMerge:
			a, err := r.one(c, c.Name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			b, err := r.one(c, c.Other)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			rep := r.representative(a)
			r.union(a, b, RuleCuratedMerge, true)
			r.prefer[r.find(a)] = rep
		case OpAlias:
			a, err := r.one(c, c.Name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			rep := r.representative(a)
			for _, i := range r.lookupMembers(c.Other) {
				r.union(a, i, RuleCuratedAlias, true)
			}
			root := r.find(a)
			r.prefer[root] = rep
			if r.extra[root] == nil {
				r.extra[root] = map[string]string{}
			}
			addRuled(r.extra[root], c.Other, RuleCuratedAlias)
		case OpRename:
			a, err := r.one(c, c.Name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			r.rename[r.find(a)] = strings.Join(strings.Fields(c.Other), " ")
		case OpIgnore:
			a, err := r.one(c, c.Name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			r.ignore[r.find(a)] = true
		}
	}
	return errs
}

// representative returns the member that represents root's group now.
func (r *resolver) representative(root int) int {
	root = r.find(root)
	if p, ok := r.prefer[root]; ok {
		return p
	}
	g := r.groups()[root]
	e := r.entity(root, g)
	return r.byKey[e.Key]
}

// lookupMembers returns the members whose own name is ref.
func (r *resolver) lookupMembers(ref string) []int {
	f := refName(ref)
	var out []int
	for i, m := range r.ms {
		if m.folded == stripClass(f) && (!strings.Contains(f, ":") || m.key == f) {
			out = append(out, i)
		}
	}
	return out
}

// Find returns the entities of g whose name, alias or key matches name
// after extract.Fold, best level first: a key, the display name, an
// alias, then a spelling variant of either (same Skeleton: "Shoygu" finds
// Sergei Shoigu through "Shoigu"). The CLI uses it to check that a
// curation names one entity.
func (g *Graph) Find(name string) []*Entity {
	f := refName(name)
	var byName, byAlias []*Entity
	for _, e := range g.Entities() {
		switch {
		case strings.Contains(f, ":") && e.Key == f:
			return []*Entity{e}
		case extract.Fold(e.Name) == f || e.Key[strings.IndexByte(e.Key, ':')+1:] == f:
			byName = append(byName, e)
		default:
			for _, a := range e.Aliases {
				if extract.Fold(a.Name) == f {
					byAlias = append(byAlias, e)
					break
				}
			}
		}
	}
	if len(byName) > 0 {
		return byName
	}
	if len(byAlias) > 0 || strings.Contains(f, ":") {
		return byAlias
	}
	// Last, a spelling variant of a name or alias ("Shoygu").
	sk := Skeleton(f)
	var bySkeleton []*Entity
	for _, e := range g.Entities() {
		if Skeleton(extract.Fold(e.Name)) == sk || slices.ContainsFunc(e.Aliases, func(a extract.Alias) bool { return Skeleton(extract.Fold(a.Name)) == sk }) {
			bySkeleton = append(bySkeleton, e)
		}
	}
	return bySkeleton
}
