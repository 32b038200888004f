package main

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"
)

// gexfDoc is the part of a GEXF file the event tests read.
type gexfDoc struct {
	Nodes []struct {
		ID    string `xml:"id,attr"`
		Label string `xml:"label,attr"`
		Atts  []struct {
			For   string `xml:"for,attr"`
			Value string `xml:"value,attr"`
		} `xml:"attvalues>attvalue"`
	} `xml:"graph>nodes>node"`
	Edges []struct {
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
		Label  string `xml:"label,attr"`
	} `xml:"graph>edges>edge"`
}

// TestEventNodesInStore checks issue 4 item 6 end to end: ingest stores
// interactions with a date or place as event nodes, which export and
// render include only with --events, linked to participants and place,
// and which no other command shows.
func TestEventNodesInStore(t *testing.T) {
	db := seedStore(t)

	code, plain, stderr := runKgx(t, "", "--db", db, "export", "--format", "gexf")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if strings.Contains(plain, "event_participant") || strings.Contains(plain, "INTERACTION:") {
		t.Error("export without --events includes event nodes")
	}

	code, out, stderr := runKgx(t, "", "--db", db, "export", "--events", "--format", "gexf")
	if code != 0 {
		t.Fatalf("export --events: exit %d: %s", code, stderr)
	}
	var g gexfDoc
	if err := xml.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("parse GEXF: %v", err)
	}
	ids := map[string]string{} // label -> id
	att := map[string]map[string]string{}
	for _, n := range g.Nodes {
		ids[n.Label] = n.ID
		att[n.ID] = map[string]string{}
		for _, a := range n.Atts {
			att[n.ID][a.For] = a.Value
		}
	}
	links := map[string][]string{} // event id -> "label target-label"
	byID := map[string]string{}
	for l, id := range ids {
		byID[id] = l
	}
	for _, e := range g.Edges {
		if strings.HasPrefix(e.Label, "event_") {
			links[e.Source] = append(links[e.Source], e.Label+" "+byID[e.Target])
		}
	}
	tests := []struct {
		name  string // event node label
		links []string
		date  string
	}{
		{"met, Pyongyang", []string{"event_participant Sergei Shoigu", "event_participant Kim Jong Un", "event_place Pyongyang"}, ""},
		{"met, Moscow, 2025-12-24", []string{"event_participant Sergei Shoigu", "event_participant Ri Chang Dae", "event_place Moscow"}, "2025-12-24"},
	}
	for _, tc := range tests {
		id, ok := ids[tc.name]
		if !ok {
			t.Errorf("no event node %q", tc.name)
			continue
		}
		if ty := att[id]["type"]; ty != "EVENT" {
			t.Errorf("%q has type %q, want EVENT", tc.name, ty)
		}
		if tc.date != "" && att[id]["first_seen"] != tc.date {
			t.Errorf("%q first_seen = %q, want %s", tc.name, att[id]["first_seen"], tc.date)
		}
		for _, l := range tc.links {
			if !slices.Contains(links[id], l) {
				t.Errorf("%q: missing edge %q; has %q", tc.name, l, links[id])
			}
		}
	}

	code, dot, _ := runKgx(t, "", "--db", db, "render", "--events", "--focus", "Ri Chang Dae", "--format", "dot")
	if code != 0 || !strings.Contains(dot, "met, Moscow, 2025-12-24") {
		t.Errorf("render --events --focus: exit %d, no meeting node in:\n%s", code, dot)
	}
	if _, dot, _ := runKgx(t, "", "--db", db, "render", "--focus", "Ri Chang Dae", "--format", "dot"); strings.Contains(dot, "event_participant") {
		t.Error("render without --events draws event nodes")
	}

	// Queries never see event nodes or their edges.
	for _, args := range [][]string{{"relations"}, {"entities"}, {"show", "Sergei Shoigu"}, {"rank"}} {
		_, out, _ := runKgx(t, "", append([]string{"--db", db}, args...)...)
		if strings.Contains(out, "event_participant") || strings.Contains(out, "met, Moscow") {
			t.Errorf("kgx %s shows event nodes:\n%s", strings.Join(args, " "), out)
		}
	}
	if code, out, _ := runKgx(t, "", "--db", db, "check"); code != 0 {
		t.Errorf("check: exit %d: %s", code, out)
	}
	if code, _, stderr := runKgx(t, "", "--db", db, "export", "--format", "jsonl", "--events"); code != 2 {
		t.Errorf("export jsonl --events: exit %d, want 2 (%s)", code, stderr)
	}
}
