package extract

// models holds the models the pipeline shares. It is read-only after
// loading and safe for concurrent use.
type models struct{}

// loadModels returns the process's models, decoding them once.
func loadModels() (*models, error) { return &models{}, nil }
