package extract

import (
	"fmt"
	"sync"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/tagger"
	kgxmodels "github.com/kgx-project/kgx/extract/models"
)

// models holds the models the pipeline shares. It is read-only after
// loading and safe for concurrent use.
type models struct {
	pos  *tagger.Model
	ner  *tagger.Model
	gaz  *gazetteer.Gazetteer
	xpos []string // the Penn tag of each POS class
	aux  []bool   // whether each POS class is an auxiliary (UPOS AUX)

	propn, vbd, vbn, vbz, nn int // the POS classes "PROPN NNP", "VERB VBD", "VERB VBN", "VERB VBZ" and "NOUN NN", -1 if missing
}

// loadModels returns the process's models, decoding the embedded files
// once.
var loadModels = sync.OnceValues(func() (*models, error) {
	return decodeModels(modelsPOS(), modelsNER())
})

func modelsPOS() []byte { return kgxmodels.POS }
func modelsNER() []byte { return kgxmodels.NER }

func decodeModels(posData, nerData []byte) (*models, error) {
	pos, err := tagger.Decode(posData)
	if err != nil {
		return nil, fmt.Errorf("pos model: %w", err)
	}
	if pos.Kind != tagger.POS {
		return nil, fmt.Errorf("pos model: is a %s model", pos.Kind)
	}
	ner, err := tagger.Decode(nerData)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	if ner.Kind != tagger.NER {
		return nil, fmt.Errorf("ner model: is a %s model", ner.Kind)
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	xpos, aux := make([]string, len(pos.Classes)), make([]bool, len(pos.Classes))
	for i, c := range pos.Classes {
		var upos string
		upos, xpos[i] = tagger.SplitPOS(c)
		aux[i] = upos == "AUX"
	}
	return &models{pos: pos, ner: ner, gaz: gaz, xpos: xpos, aux: aux,
		propn: pos.ClassIndex("PROPN NNP"), vbd: pos.ClassIndex("VERB VBD"), vbn: pos.ClassIndex("VERB VBN"), vbz: pos.ClassIndex("VERB VBZ"), nn: pos.ClassIndex("NOUN NN")}, nil
}
