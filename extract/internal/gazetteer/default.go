package gazetteer

import (
	"bytes"
	"sync"

	"github.com/kgx-project/kgx/extract/models"
)

// Default returns the gazetteer embedded in extract/models, decoded once
// per process.
var Default = sync.OnceValues(func() (*Gazetteer, error) {
	return Read(bytes.NewReader(models.Gazetteer))
})
