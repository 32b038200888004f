package store

import (
	"context"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// TestCheckCuration corrupts the curation log in the ways check must
// notice (none of them repairable: the log is the analyst's work), and
// records a decision that no longer applies, which is only a warning.
func TestCheckCuration(t *testing.T) {
	good := graph.Curation{Op: graph.OpAlias, Name: "Sergei Shoigu", Other: "Defence Secretary"}
	tests := []struct {
		name    string
		corrupt func(s *DB) error
		problem string // "" for none
		warning string // "" for none
	}{
		{"Fine", func(s *DB) error { return s.AddCuration(good) }, "", ""},
		{"Undecodable", func(s *DB) error {
			return s.db.Update(func(txn *badger.Txn) error { return txn.Set(curationLogKey(1), []byte{1, '{'}) })
		}, "U/1: curation record does not decode", ""},
		{"Invalid", func(s *DB) error {
			v, _ := encode(graph.Curation{Op: "explode", Name: "Sergei Shoigu"})
			return s.db.Update(func(txn *badger.Txn) error { return txn.Set(curationLogKey(1), v) })
		}, "unknown operation", ""},
		{"MalformedKey", func(s *DB) error {
			v, _ := encode(good)
			return s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte{pCurationLog, 1}, v) })
		}, "malformed curation log key", ""},
		{"NamesNobody", func(s *DB) error {
			return s.AddCuration(good, graph.Curation{Op: graph.OpMerge, Name: "Vladimir Putin", Other: "Nobody Atall"})
		}, "", `U/2: curation merge "Vladimir Putin" "Nobody Atall": no entity named "Nobody Atall"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			mustPut(t, s, facts("a", "Sergei Shoigu", "Vladimir Putin"))
			if err := tt.corrupt(s); err != nil {
				t.Fatal(err)
			}
			for _, repair := range []bool{false, true} {
				rep, err := s.Check(context.Background(), repair)
				if err != nil {
					t.Fatal(err)
				}
				if got := joinProblems(rep.Problems); (tt.problem == "") != rep.OK() || !strings.Contains(got, tt.problem) {
					t.Errorf("repair=%v: problems %q, want %q", repair, got, tt.problem)
				}
				if got := joinProblems(rep.Warnings); (tt.warning == "") != (len(rep.Warnings) == 0) || !strings.Contains(got, tt.warning) {
					t.Errorf("repair=%v: warnings %q, want %q", repair, got, tt.warning)
				}
			}
			if cs, err := s.Curations(); err == nil && tt.problem == "" && len(cs) == 0 {
				t.Error("the curation log is gone")
			}
		})
	}
}

func joinProblems(ps []Problem) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n")
}
