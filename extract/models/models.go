// Package models holds kgx's trained model files, embedded in the binary:
// the POS tagger (pos.model), the NER tagger (ner.model) and the
// gazetteer (gazetteer.gz). It only exposes their bytes; extract decodes
// them once per process. `kgx train pos|ner --data DIR --out extract/models`
// rebuilds them (see ATTRIBUTION.md for the corpora they come from).
package models

import _ "embed"

// POS is the part-of-speech model (tagger format, see extract/internal/tagger).
//
//go:embed pos.model
var POS []byte

// NER is the named-entity model.
//
//go:embed ner.model
var NER []byte

// Gazetteer is the gzip-compressed gazetteer table.
//
//go:embed gazetteer.gz
var Gazetteer []byte
