package extract

import (
	"strings"
	"sync"

	prose "github.com/jdkato/prose/v2"
)

// proseModel is prose v2's default model, decoded once per process (prose
// itself would decode it on every NewDocument call).
var proseModel = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("en") })

// proseLabels maps prose's (NLTK ACE) entity labels to kgx types.
var proseLabels = map[string]EntityType{
	"PERSON": Person, "GPE": GPE, "ORGANIZATION": Org, "ORG": Org, "LOCATION": Loc, "LOC": Loc,
	"FACILITY": Fac, "FAC": Fac, "GSP": GPE, "NORP": NORP, "EVENT": Event,
}

// proseTagSentence runs prose's tagger and entity classifier on one
// sentence, given as kgx tokens, and returns a Penn tag and a BIO entity
// label per token.
//
// prose's own tokeniser would glue a final period to the last word ("Un.")
// and its chunker drops an entity at the end of the text, so kgx feeds it
// its tokens joined by single spaces, maps prose's tokens back to kgx's by
// position, and reads the per-token labels instead of prose's chunks.
func proseTagSentence(words []string) (tags, labels []string) {
	var sb strings.Builder
	starts := make([]int, len(words))
	for i, w := range words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		starts[i] = sb.Len()
		sb.WriteString(w)
	}
	joined := sb.String()
	tags = make([]string, len(words))
	labels = make([]string, len(words))
	for i := range labels {
		labels[i] = "O"
	}
	pd, err := prose.NewDocument(joined, prose.UsingModel(proseModel()), prose.WithSegmentation(false))
	if err != nil {
		return tags, labels
	}
	cur, wi := 0, 0
	for _, t := range pd.Tokens() {
		at := strings.Index(joined[cur:], t.Text)
		if at < 0 {
			continue
		}
		pos := cur + at
		cur = pos + len(t.Text)
		for wi+1 < len(words) && starts[wi+1] <= pos {
			wi++
		}
		if tags[wi] == "" {
			tags[wi] = t.Tag
			labels[wi] = t.Label
		}
	}
	return tags, labels
}

// ProseMention is an entity found by prose's default model, with the byte
// offsets kgx recovered for it.
type ProseMention struct {
	Span
	Type EntityType
}

// ProseBaseline tags a document's tokens with prose v2's default model, for
// side-by-side evaluation. It returns a BIO tag per token, using kgx's type
// names ("B-PERSON", "I-ORG", "O"); prose's labels with no kgx counterpart
// become "O".
func ProseBaseline(words []string) []string {
	_, labels := proseTagSentence(words)
	out := make([]string, len(labels))
	prevType := NoType
	for i, l := range labels {
		out[i] = "O"
		if l == "O" || len(l) < 3 {
			prevType = NoType
			continue
		}
		t, ok := proseLabels[l[2:]]
		if !ok {
			prevType = NoType
			continue
		}
		// prose labels every token of a name B-, relying on its chunker
		// to join neighbours of one type: do the same.
		if prevType == t {
			out[i] = "I-" + t.String()
		} else {
			out[i] = "B-" + t.String()
		}
		prevType = t
	}
	return out
}
