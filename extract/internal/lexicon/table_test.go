package lexicon

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestTableUpToDate regenerates the table from the shared corpora and
// checks that the committed table.tsv is what the generator writes
// (skipped when the corpora are not beside the repository).
func TestTableUpToDate(t *testing.T) {
	data := os.Getenv("KGX_DATA")
	if data == "" {
		data = "../../../../shared/data"
	}
	if _, err := os.Stat(filepath.Join(data, "events/petrarch2/dictionaries/CAMEO.2.0.txt")); err != nil {
		t.Skipf("CAMEO dictionary not found under %s", data)
	}
	out := filepath.Join(t.TempDir(), "table.tsv")
	cmd := exec.Command("go", "run", "./gen", "-data", data, "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != tableTSV {
		t.Errorf("table.tsv is stale: run go generate ./extract/internal/lexicon")
	}
}
