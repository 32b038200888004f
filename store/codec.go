package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// codecVersion is the first byte of every non-empty value: codecJSON
// (the JSON encoding of the graph type) or, since format 5, codecRelation
// and codecEntity for relations, co-mentions and entities (compact binary
// encodings, see bincodec.go). A reader refuses any other version byte.
const (
	codecVersion  = codecJSON
	codecJSON     = 1
	codecRelation = 2
	codecEntity   = 3
)

// graphCoMentioned is the label of co-mention edges.
const graphCoMentioned = graph.CoMentioned

// ErrCorrupt is wrapped by errors about values that do not decode.
var ErrCorrupt = errors.New("corrupt value")

func encode(v any) ([]byte, error) {
	switch v := v.(type) {
	case graph.Relation:
		return appendRelation(nil, &v, "", false), nil
	case *graph.Relation:
		return appendRelation(nil, v, "", false), nil
	case mergedRelation:
		return appendRelation(nil, &v.Relation, v.First, true), nil
	case graph.Entity:
		return appendEntity(nil, &v, "", false), nil
	case *graph.Entity:
		return appendEntity(nil, v, "", false), nil
	case mergedEntity:
		return appendEntity(nil, &v.Entity, v.First, true), nil
	}
	return encodeJSON(v)
}

// encodeJSON encodes v with codecJSON, as every value was before format 5.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte(codecVersion)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	return b[:len(b)-1], nil // drop Encode's newline
}

func decode(b []byte, v any) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: empty", ErrCorrupt)
	}
	if b[0] == codecRelation {
		var r *graph.Relation
		var first *string
		switch v := v.(type) {
		case *graph.Relation:
			r = v
		case *mergedRelation:
			r, first = &v.Relation, &v.First
		default:
			return fmt.Errorf("%w: a relation where a %T belongs", ErrCorrupt, v)
		}
		f, _, err := readRelation(b, r)
		if first != nil {
			*first = f
		}
		return err
	}
	if b[0] == codecEntity {
		var e *graph.Entity
		var first *string
		switch v := v.(type) {
		case *graph.Entity:
			e = v
		case *mergedEntity:
			e, first = &v.Entity, &v.First
		default:
			return fmt.Errorf("%w: an entity where a %T belongs", ErrCorrupt, v)
		}
		f, _, err := readEntity(b, e)
		if first != nil {
			*first = f
		}
		return err
	}
	if b[0] != codecVersion {
		return fmt.Errorf("%w: codec version %d, want %d", ErrCorrupt, b[0], codecVersion)
	}
	dec := json.NewDecoder(bytes.NewReader(b[1:]))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: trailing data", ErrCorrupt)
	}
	return nil
}

// DecodeEntity decodes an entity value ('E' or 'e') and checks it.
func DecodeEntity(b []byte) (graph.Entity, error) { return decodeEntity(b, nil) }

// decodeEntity is DecodeEntity taking the entity's strings from pool
// (nil: new copies).
func decodeEntity(b []byte, pool stringPool) (graph.Entity, error) {
	var e graph.Entity
	if len(b) > 0 && b[0] == codecEntity {
		if _, _, err := readEntityPooled(b, &e, pool); err != nil {
			return e, err
		}
	} else if err := decode(b, &e); err != nil {
		return e, err
	} else if pool != nil {
		pool.entity(&e)
	}
	if len(e.Roles) == 0 {
		e.Roles = nil // omitted when empty
	}
	if len(e.Aliases) == 0 {
		e.Aliases = nil // null when empty
	}
	if e.Type == extract.NoType {
		return e, fmt.Errorf("%w: entity %d has no type", ErrCorrupt, e.ID)
	}
	if e.Mentions < 0 || e.Documents < 0 {
		return e, fmt.Errorf("%w: entity %d has negative counts", ErrCorrupt, e.ID)
	}
	if e.Key == "" || graph.ID(e.Key) != e.ID {
		return e, fmt.Errorf("%w: entity %d does not match its key %q", ErrCorrupt, e.ID, e.Key)
	}
	return e, nil
}

// DecodeRelation decodes a relation or co-mention value ('R', 'r', 'C',
// 'c') and checks it.
func DecodeRelation(b []byte) (graph.Relation, error) {
	var r graph.Relation
	if err := decode(b, &r); err != nil {
		return r, err
	}
	if len(r.Evidence) == 0 {
		r.Evidence = nil // omitted when empty
	}
	if r.Count < 0 {
		return r, fmt.Errorf("%w: relation with negative count", ErrCorrupt)
	}
	if strings.IndexByte(r.Label, 0) >= 0 {
		return r, fmt.Errorf("%w: relation label contains NUL", ErrCorrupt)
	}
	for _, ev := range r.Evidence {
		if ev.Start < 0 || ev.End < ev.Start {
			return r, fmt.Errorf("%w: evidence span [%d,%d)", ErrCorrupt, ev.Start, ev.End)
		}
	}
	return r, nil
}

// DecodeDoc decodes a document value ('D') and checks it.
func DecodeDoc(b []byte) (graph.Doc, error) {
	var d graph.Doc
	if err := decode(b, &d); err != nil {
		return d, err
	}
	if err := validDocID(d.ID); err != nil {
		return d, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return d, nil
}

func validDocID(id string) error {
	if id == "" {
		return errors.New("empty document id")
	}
	if strings.IndexByte(id, 0) >= 0 {
		return fmt.Errorf("document id %q contains NUL", id)
	}
	return nil
}
