package models

import _ "embed"

// Dep is kgx's dependency parser (package extract/internal/depparse),
// trained on UD English-EWT train and GUM train by
// `kgx train dep --data ../shared/data --out extract/models`.
//
//go:embed dep.bin
var Dep []byte
