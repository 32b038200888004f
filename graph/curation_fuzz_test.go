package graph

import (
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract"
)

// FuzzReadAliasCSV checks that an alias table either fails with an error
// that says so or gives valid records, and that resolving any such
// curation keeps the graph consistent: every alias names its rule, and
// the entity count never grows past the number of document entities.
func FuzzReadAliasCSV(f *testing.F) {
	f.Add("name,alias\nNorth Korea,DPRK\n")
	f.Add("Kim Jong Un,\"Kim, Marshal\"\n# comment\nSergei Shoigu,Shoygu\n")
	f.Add("a,b,c\n\"unterminated\n")
	facts := []*Facts{
		doc("a", ent(extract.Person, "Kim Jong Un", 2), ent(extract.Person, "Ethan Kim", 1), ent(extract.GPE, "North Korea", 3)),
		doc("b", ent(extract.Person, "Kim", 1), ent(extract.Person, "Sergei Shoigu", 1), ent(extract.Org, "DPRK", 1)),
	}
	f.Fuzz(func(t *testing.T, src string) {
		cs, err := ReadAliasCSV(strings.NewReader(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "alias csv") {
				t.Fatalf("error does not say where: %v", err)
			}
			return
		}
		for _, c := range cs {
			if err := c.Validate(); err != nil {
				t.Fatalf("invalid record returned: %v", err)
			}
		}
		g, _ := Resolve(facts, cs)
		if n := len(g.Entities()); n > 6 || n == 0 {
			t.Fatalf("%d entities from 6 document entities", n)
		}
		for _, e := range g.Entities() {
			for _, a := range e.Aliases {
				if a.Rule == "" || a.Name == e.Name {
					t.Fatalf("entity %s: alias %+v", e.Name, a)
				}
			}
		}
	})
}
