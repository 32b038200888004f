// Package extract turns the text of one news article into a Document:
// sentences, tokens with byte offsets, part-of-speech tags, dependency
// arcs (in the sentences that can yield a relation), typed entity mentions
// grouped into document entities, and typed relations between them, each with the evidence span that proves it.
//
// It is the first stage of kgx (extract -> graph -> store/render) and
// imports no other kgx package. Document is the central data type: each
// unexported stage (clean.go, segment.go, tokenize.go, pos.go, ner.go,
// parse.go, entities.go, relations.go with rel.go, attributes.go, dates.go
// and events.go) fills its own part of it and every later stage reads it.
// eval_rel.go scores relations against gold JSONL (kgx eval relations). Document.Text is never modified; every span is a
// half-open UTF-8 byte range into it.
package extract
