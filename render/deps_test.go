package render

import (
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const goGraphviz = "github.com/goccy/go-graphviz"

// TestGraphvizStaysInSVG keeps go-graphviz (whose init compiles a
// WebAssembly Graphviz) to render/svg.go: no other file of render
// imports it, and graph, store and extract do not depend on it at all.
func TestGraphvizStaysInSVG(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, goGraphviz) && f != "svg.go" {
				t.Errorf("%s imports %s; only svg.go may", f, p)
			}
		}
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	for _, pkg := range []string{"../graph", "../store", "../extract"} {
		out, err := exec.Command(gobin, "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, goGraphviz) || strings.HasPrefix(dep, "github.com/tetratelabs/wazero") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
	// Across the module only render imports go-graphviz directly.
	out, err := exec.Command(gobin, "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "../...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			if strings.HasPrefix(imp, goGraphviz) && f[0] != "github.com/kgx-project/kgx/render" {
				t.Errorf("%s imports %s; only render/svg.go may", f[0], imp)
			}
		}
	}
}
