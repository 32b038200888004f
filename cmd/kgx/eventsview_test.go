package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/extract"
)

func TestEventsView(t *testing.T) {
	text := "Shoigu met Kim in Moscow."
	doc := &extract.Document{Text: text,
		Entities: []extract.Entity{{Key: "PERSON:shoigu", Name: "Shoigu"}, {Key: "PERSON:kim", Name: "Kim"}, {Key: "PLACE:moscow", Name: "Moscow"}},
		Events: []extract.EventNode{{Label: "met", Category: "CONSULT", Trigger: extract.Span{Start: 7, End: 10},
			Evidence: extract.Span{Start: 0, End: len(text)}, Participants: []int{0, 1}, Place: 2, Date: "2025-12-24"}},
	}
	b, err := json.Marshal(eventsView(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"type":"met"`, `"trigger":"met"`, `"date":"2025-12-24"`, `"place":`, `"evidence":"Shoigu met Kim in Moscow."`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	if b, _ := json.Marshal(eventsView(&extract.Document{})); string(b) != "[]" {
		t.Errorf("no events = %s, want []", b)
	}
}
