package depparse

import (
	"bytes"
	"strings"
	"testing"
)

func TestReadCoNLLU(t *testing.T) {
	const ok = "# sent_id = s1\n# text = I don't know.\n" +
		"1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
		"4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n" +
		"4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n" +
		"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
	sents, err := ReadCoNLLU(strings.NewReader(ok), "ok.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || sents[0].ID != "s1" || strings.Join(sents[0].Words, " ") != "I do n't know ." {
		t.Fatalf("got %+v", sents)
	}
	if h := sents[0].Heads; h[0] != 4 || h[3] != 0 {
		t.Errorf("heads %v", h)
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := ReadCoNLLU(&buf, "again")
	if err != nil || strings.Join(again[0].Deps, " ") != "nsubj aux advmod root punct" {
		t.Errorf("round trip: %v %+v", err, again)
	}

	bad := []struct {
		name, in, want string
	}{
		{"too few fields", "1\tI\tI\tPRON\n", "bad.conllu:1: want 10 tab-separated fields, got 4"},
		{"id out of order", "2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "bad.conllu:1: word id \"2\", want 1"},
		{"bad head", "1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", "bad.conllu:1: bad head \"x\""},
		{"head out of range", "1\tI\tI\tPRON\tPRP\t_\t3\troot\t_\t_\n\n", "bad.conllu: sentence ending line 2: word 1 has head 3 outside 0..1"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tt.in), "bad.conllu")
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
