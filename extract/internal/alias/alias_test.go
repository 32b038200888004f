package alias

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		phrase  string
		kind    Kind
		country string
	}{
		{"North Korea", Name, "North Korea"},
		{"DPRK", Alternate, "North Korea"},
		{"D.P.R.K.", Alternate, "North Korea"},
		{"Democratic People’s Republic of Korea", Official, "North Korea"},
		{"the Democratic People's Republic of Korea", Official, "North Korea"},
		{"North Korean", Demonym, "North Korea"},
		{"North Koreans", Demonym, "North Korea"},
		{"South Korea", Name, "South Korea"},
		{"Republic of Korea", Official, "South Korea"},
		{"South Korean", Demonym, "South Korea"},
		{"U.S.", Alternate, "United States"},
		{"US", Alternate, "United States"},
		{"USA", Alternate, "United States"},
		{"the United States", Name, "United States"},
		{"United States of America", Official, "United States"},
		{"American", Demonym, "United States"},
		{"America", Alternate, "United States"},
		{"Russian Federation", Official, "Russia"},
		{"Russian", Demonym, "Russia"},
		{"Pyongyang", Capital, "North Korea"},
		{"Moscow", Capital, "Russia"},
		{"Korea", None, ""}, // ambiguous: left out
		{"Korean", None, ""},
		{"in", None, ""}, // two-letter codes other than US/UK are left out
	} {
		t.Run(tc.phrase, func(t *testing.T) {
			e, ok := Lookup(tc.phrase)
			if ok != (tc.kind != None) || e.Kind != tc.kind || e.Country != tc.country {
				t.Errorf("Lookup(%q) = %v %q %v, want %v %q", tc.phrase, e.Kind, e.Country, ok, tc.kind, tc.country)
			}
		})
	}
}

func TestTableWellFormed(t *testing.T) {
	n := 0
	for line := range strings.Lines(countriesTSV) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "#") {
			continue
		}
		n++
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || f[2] == "" {
			t.Fatalf("bad line %q", line)
		}
		if e, _ := Lookup(f[0]); e.Kind.String() != f[1] {
			t.Errorf("%q: kind %v, table says %s", f[0], e.Kind, f[1])
		}
	}
	if n < 1000 || Len() < 1000 {
		t.Errorf("table has %d lines, %d phrases; want > 1000", n, Len())
	}
}

func TestDemonymOf(t *testing.T) {
	for _, tc := range []struct{ country, want string }{
		{"North Korea", "North Korean"}, // not "N. Korean"
		{"United States", "American"},   // not "Americans"
		{"Russia", "Russian"},
		{"United Kingdom", "British"},
		{"Atlantis", ""},
	} {
		if got := DemonymOf(tc.country); got != tc.want {
			t.Errorf("DemonymOf(%q) = %q, want %q", tc.country, got, tc.want)
		}
	}
}
