// Command gen derives kgx's relation gold files (testdata/relations/*.jsonl)
// from the event-data and re3d corpora in the shared data directory:
//
//	go run ./testdata/relations/gen -data /work/shared/data -out testdata/relations
//
// PETRARCH2 unit-test records and UniversalPetrarch validation records code
// each sentence as (source actor code, target actor code, CAMEO event
// code). Codes become names by finding, in the sentence, the phrases the
// records' actor dictionaries give that code (PETR.Validate.actors.txt for
// the unit tests, whose countries are fictional; the Phoenix dictionaries
// for the real news). CAMEO codes become PLOVER categories through the
// generated trigger lexicon's table. re3d relations keep their entity
// strings; their types map onto kgx categories (see re3dCategory).
package main

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Item is one gold record, in the format extract.ReadRelationGold reads.
type Item struct {
	ID        string `json:"id"`
	Date      string `json:"date,omitempty"`
	Text      string `json:"text"`
	Relations []Rel  `json:"relations"`
	CoNLLU    string `json:"conllu,omitempty"`
}

// Rel is one gold relation; Source and Target list acceptable names.
type Rel struct {
	Source   []string `json:"source"`
	Target   []string `json:"target"`
	Category string   `json:"category"`
	CAMEO    string   `json:"cameo,omitempty"`
	Type     string   `json:"type,omitempty"`
}

func main() {
	data := flag.String("data", "/work/shared/data", "shared data directory")
	out := flag.String("out", "testdata/relations", "output directory")
	lex := flag.String("lexicon", "extract/internal/lexicon/table.tsv", "not used for categories; see plover")
	flag.Parse()
	_ = lex
	plover, err := readPlover(filepath.Join(*data, "events/plover/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		log.Fatal(err)
	}
	ev := filepath.Join(*data, "events")
	unitActors, err := readActors(filepath.Join(ev, "petrarch2/dictionaries/PETR.Validate.actors.txt"))
	if err != nil {
		log.Fatal(err)
	}
	var phoenix []actor
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		a, err := readActors(filepath.Join(ev, "petrarch2/dictionaries", f))
		if err != nil {
			log.Fatal(err)
		}
		phoenix = append(phoenix, a...)
	}
	jobs := []struct {
		in, out string
		actors  []actor
	}{
		{filepath.Join(ev, "petrarch2/PETR.UnitTest.records.xml"), "petrarch2-unit.jsonl", unitActors},
		{filepath.Join(ev, "universalpetrarch/PETR2_GSR_validation.xml"), "universalpetrarch-gsr.jsonl", phoenix},
	}
	for _, j := range jobs {
		items, stats, err := readPetrarch(j.in, j.actors, plover)
		if err != nil {
			log.Fatal(err)
		}
		if err := write(filepath.Join(*out, j.out), items); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d sentences, %d gold relations (%s)\n", j.out, len(items), count(items), stats)
	}
	items, err := readRe3d(filepath.Join(*data, "ner/re3d"))
	if err != nil {
		log.Fatal(err)
	}
	if err := write(filepath.Join(*out, "re3d.jsonl"), items); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("re3d.jsonl: %d documents, %d gold relations\n", len(items), count(items))
}

func count(items []Item) int {
	n := 0
	for _, it := range items {
		n += len(it.Relations)
	}
	return n
}

func write(path string, items []Item) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var ploverLine = regexp.MustCompile(`^(\d+):\s*([A-Z]+)\s*,`)

func readPlover(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]string{"02": "REQUEST"} // appeals fold into REQUEST, as in the lexicon overlay
	for _, l := range strings.Split(string(b), "\n") {
		if g := ploverLine.FindStringSubmatch(l); g != nil {
			if _, ok := m[g[1]]; !ok {
				m[g[1]] = g[2]
			}
		}
	}
	return m, nil
}

func category(plover map[string]string, code string) string {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if v, ok := plover[c]; ok {
			return v
		}
	}
	return ""
}

// ---- actors ----

type actor struct {
	phrase string // upper case words joined by spaces
	code   string
}

var codeRe = regexp.MustCompile(`\[([^\]\s]+)`)

func readActors(path string) ([]actor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []actor
	var group []string
	code := ""
	flush := func() {
		if code != "" {
			for _, p := range group {
				out = append(out, actor{p, code})
			}
		}
		group, code = nil, ""
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "<!--") {
			continue
		}
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		isSyn := strings.HasPrefix(t, "+")
		isCode := strings.HasPrefix(t, "[")
		if !isSyn && !isCode {
			flush()
		}
		if g := codeRe.FindStringSubmatch(t); g != nil && code == "" {
			code = strings.TrimPrefix(g[1], "~")
		}
		if isCode {
			continue
		}
		name := strings.TrimPrefix(t, "+")
		if i := strings.Index(name, "["); i >= 0 {
			name = name[:i]
		}
		name = strings.TrimSpace(strings.ReplaceAll(strings.TrimSpace(name), "_", " "))
		if name != "" {
			group = append(group, strings.ToUpper(name))
		}
	}
	flush()
	return out, sc.Err()
}

// names finds the phrases in text that the actor dictionary codes as code
// (or as its first three letters, the country, for codes such as USAGOV).
func names(text string, actors []actor, code string) []string {
	up := " " + strings.ToUpper(nonWord.ReplaceAllString(text, " ")) + " "
	var out []string
	try := func(want string) {
		for _, a := range actors {
			if a.code != want {
				continue
			}
			i := strings.Index(up, " "+a.phrase+" ")
			if i < 0 && !strings.HasSuffix(a.phrase, "S") {
				i = strings.Index(up, " "+a.phrase+"S ")
			}
			if i < 0 {
				continue
			}
			out = append(out, strings.TrimSpace(orig(text, up, i+1, len(a.phrase))))
		}
	}
	try(code)
	if len(out) == 0 && len(code) > 3 {
		try(code[:3])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}'.-]+`)

// orig returns the original-case text for a match in the normalised upper
// copy (same length as the normalised text).
func orig(text, up string, i, n int) string {
	norm := " " + nonWord.ReplaceAllString(text, " ") + " "
	if i+n <= len(norm) {
		return norm[i : i+n]
	}
	return up[i : i+n]
}

// ---- PETRARCH XML ----

type xmlDoc struct {
	Sentences []xmlSentence `xml:"Sentences>Sentence"`
}

type xmlSentence struct {
	ID       string      `xml:"id,attr"`
	Date     string      `xml:"date,attr"`
	Sentence string      `xml:"sentence,attr"`
	Codings  []xmlCoding `xml:"EventCoding"`
	Text     string      `xml:"Text"`
	Parse    string      `xml:"Parse"`
}

type xmlCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Event    string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

// readPetrarch reads either file. UniversalPetrarch writes <Sentence .../>
// but still closes it after the parse, so the stray "/" is dropped first.
func readPetrarch(path string, actors []actor, plover map[string]string) ([]Item, string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	s := string(b)
	s = regexp.MustCompile(`(<Sentence [^>]*)/>`).ReplaceAllString(s, "$1>")
	if !strings.Contains(path, "universalpetrarch") {
		// PETRARCH2's parses are Penn trees, of no use to kgx
		s = regexp.MustCompile(`(?s)<Parse>.*?</Parse>`).ReplaceAllString(s, "")
	}
	s = regexp.MustCompile(`=\s*'"?([^'"]*)"?'`).ReplaceAllString(s, `="$1"`)
	s = regexp.MustCompile(`(?m)^#.*$`).ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "<EventCoding...>", "")
	s = regexp.MustCompile(`noevents\s*=\s*"`).ReplaceAllString(s, `noevents="`)
	var d xmlDoc
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = false
	if err := dec.Decode(&d); err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	var items []Item
	unresolved, statements := 0, 0
	for _, x := range d.Sentences {
		if x.Sentence == "false" || x.Text == "" {
			continue
		}
		skip := false
		for _, c := range x.Codings {
			skip = skip || c.Error != ""
		}
		if skip {
			continue
		}
		text := strings.Join(strings.Fields(x.Text), " ")
		if text == "" {
			continue
		}
		it := Item{ID: x.ID, Text: text, Relations: []Rel{}}
		if p := strings.TrimSpace(x.Parse); strings.Contains(p, "\t") {
			it.CoNLLU = p + "\n"
		}
		if len(x.Date) == 8 {
			it.Date = x.Date[:4] + "-" + x.Date[4:6] + "-" + x.Date[6:]
		}
		for _, c := range x.Codings {
			if c.Event == "" {
				continue
			}
			cat := category(plover, strings.Trim(c.Event, `"`))
			if cat == "" {
				statements++
				continue
			}
			src := names(text, actors, strings.Trim(c.Source, `"`))
			dst := names(text, actors, strings.Trim(c.Target, `"`))
			if len(src) == 0 || len(dst) == 0 {
				unresolved++
				continue
			}
			it.Relations = append(it.Relations, Rel{Source: src, Target: dst, Category: cat, CAMEO: c.Event})
		}
		items = append(items, it)
	}
	return items, fmt.Sprintf("%d codings dropped as statements (CAMEO 01), %d with an actor not named in the text", statements, unresolved), nil
}

// ---- re3d ----

// re3dCategory maps re3d relation types to kgx categories; the rest
// (CoLocated, Apart, IsSynonymOf) have no kgx counterpart.
var re3dCategory = map[string]string{
	"CommWith":        "CONSULT",
	"FightingAgainst": "ASSAULT",
	"Likes":           "SUPPORT",
	"Dislikes":        "ACCUSE",
	"AlliesOf":        "COOPERATE",
	"BelongsTo":       "ATTRIBUTE",
	"InChargeOf":      "ATTRIBUTE",
	"HasAttrOf":       "ATTRIBUTE",
}

func readRe3d(dir string) ([]Item, error) {
	subs, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var items []Item
	for _, sd := range subs {
		if !sd.IsDir() {
			continue
		}
		docs := map[string]string{}
		if err := eachJSON(filepath.Join(dir, sd.Name(), "documents.json"), func(m map[string]any) {
			docs[m["_id"].(string)] = m["text"].(string)
		}); err != nil {
			return nil, err
		}
		rels := map[string][]Rel{}
		if err := eachJSON(filepath.Join(dir, sd.Name(), "relations.json"), func(m map[string]any) {
			ty, _ := m["type"].(string)
			cat, ok := re3dCategory[ty]
			if !ok {
				return
			}
			id := m["documentId"].(string)
			r := Rel{Source: []string{m["source"].(string)}, Target: []string{m["target"].(string)}, Category: cat, Type: ty}
			for _, o := range rels[id] {
				if slices.Equal(o.Source, r.Source) && slices.Equal(o.Target, r.Target) && o.Type == r.Type {
					return
				}
			}
			rels[id] = append(rels[id], r)
		}); err != nil {
			return nil, err
		}
		var ids []string
		for id := range rels {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if t, ok := docs[id]; ok {
				items = append(items, Item{ID: "re3d/" + sd.Name() + "/" + id, Text: t, Relations: rels[id]})
			}
		}
	}
	return items, nil
}

func eachJSON(path string, fn func(map[string]any)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 4<<20)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		fn(m)
	}
	return sc.Err()
}
