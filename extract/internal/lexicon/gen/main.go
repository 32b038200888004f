// Command gen builds kgx's relation trigger lexicon (table.tsv) from the
// CAMEO verb dictionary of PETRARCH2 (CAMEO.2.0.txt, MIT licence), the
// CAMEO-to-PLOVER conversion table (CAMEO2PLOVER-2021.txt, CC BY-SA 4.0)
// and a small hand-written overlay (overlay.txt) for nominal triggers,
// labels and news phrasings the dictionary lacks.
//
// Run it through go generate in extract/internal/lexicon:
//
//	KGX_DATA=/work/shared/data go generate ./extract/internal/lexicon
//
// The output is deterministic: every list is sorted before it is written.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

func main() {
	data := flag.String("data", os.Getenv("KGX_DATA"), "shared data directory (holds events/petrarch2 and events/plover); default $KGX_DATA or ../../../../shared/data")
	overlay := flag.String("overlay", "overlay.txt", "hand-written overlay")
	out := flag.String("o", "table.tsv", "output table")
	flag.Parse()
	if *data == "" {
		*data = "../../../../shared/data"
	}
	if err := run(*data, *overlay, *out); err != nil {
		log.Fatal(err)
	}
}

func run(data, overlayPath, outPath string) error {
	cameoPath := filepath.Join(data, "events/petrarch2/dictionaries/CAMEO.2.0.txt")
	ploverPath := filepath.Join(data, "events/plover/CAMEO2PLOVER-2021.txt")
	plover, err := readPlover(ploverPath)
	if err != nil {
		return err
	}
	ov, err := readOverlay(overlayPath)
	if err != nil {
		return err
	}
	for k, v := range ov.plover {
		plover[k] = v
	}
	d, err := readCAMEO(cameoPath)
	if err != nil {
		return err
	}
	for syn, ws := range ov.synadd {
		if len(d.synsets[syn]) == 0 {
			return fmt.Errorf("%s: synadd %s: no such synonym set in %s", overlayPath, syn, cameoPath)
		}
		for _, w := range ws {
			if w = word(w); !slices.Contains(d.synsets[syn], w) {
				d.synsets[syn] = append(d.synsets[syn], w)
			}
		}
	}
	t, err := build(d, plover, ov)
	if err != nil {
		return fmt.Errorf("%s: %w", overlayPath, err)
	}
	f, err := os.Create(outPath)
	if err != nil {
		return err
	}
	if err := t.write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", outPath, err)
	}
	return f.Close()
}

// ---- PLOVER ----

var ploverLine = regexp.MustCompile(`^(\d+):\s*([A-Z]+)\s*,`)

func readPlover(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if g := ploverLine.FindStringSubmatch(sc.Text()); g != nil {
			if _, dup := m[g[1]]; !dup { // the file lists 175 twice
				m[g[1]] = g[2]
			}
		}
	}
	if len(m) < 100 {
		return nil, fmt.Errorf("%s: only %d codes: not a CAMEO2PLOVER table", path, len(m))
	}
	return m, sc.Err()
}

// category maps a CAMEO code to its PLOVER category, walking up the code
// hierarchy (0234 -> 023 -> 02) when the exact code is not listed. "-"
// means the code is not an event PLOVER codes (statements, 01x).
func category(plover map[string]string, code string) string {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if v, ok := plover[c]; ok {
			return v
		}
	}
	return "-"
}

// ---- CAMEO verb dictionary ----

type pattern struct {
	obj, prep string // object head word (or &SYNSET) and target preposition
	code      string
}

type verb struct {
	words []string // "MEET" or "MEET","WITH" for +MEET_WITH
	forms []string // explicit forms from {...}
	code  string   // own code, else the block's
}

type block struct {
	name     string
	code     string
	verbs    []verb
	patterns []pattern
}

type dict struct {
	synsets map[string][]string
	blocks  []*block
}

var (
	headerRe = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	codeRe   = regexp.MustCompile(`\[([^\]]*)\]`)
)

func readCAMEO(path string) (*dict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &dict{synsets: map[string][]string{}}
	sc := bufio.NewScanner(f)
	section := ""
	var cur *block
	var syn string
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "####") {
			switch {
			case strings.Contains(line, "SYNONYM"):
				section = "syn"
			case strings.Contains(line, "VERB PATTERNS"):
				section = "verbs"
			default:
				section = "other"
			}
			continue
		}
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		switch section {
		case "syn":
			if strings.HasPrefix(line, "&") {
				syn = line
			} else if strings.HasPrefix(line, "+") && syn != "" {
				d.synsets[syn] = append(d.synsets[syn], word(line[1:]))
			}
		case "verbs":
			if g := headerRe.FindStringSubmatch(line); g != nil {
				cur = &block{name: g[1], code: g[2]}
				d.blocks = append(d.blocks, cur)
				continue
			}
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: verb line before any block header", path, n)
			}
			if strings.HasPrefix(line, "-") {
				if p, ok := parsePattern(line); ok {
					cur.patterns = append(cur.patterns, p)
				}
				continue
			}
			cur.verbs = append(cur.verbs, parseVerb(line))
		}
	}
	if len(d.blocks) < 100 {
		return nil, fmt.Errorf("%s: only %d verb blocks: not a CAMEO verb dictionary", path, len(d.blocks))
	}
	return d, sc.Err()
}

// word normalises a dictionary word: lower case, "_" joins words, a
// trailing "_" (no plural) is dropped.
func word(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), "_")
	return strings.ToLower(strings.ReplaceAll(s, "_", " "))
}

func parseVerb(line string) verb {
	var v verb
	if g := codeRe.FindStringSubmatch(line); g != nil {
		v.code = strings.TrimSpace(g[1])
		line = codeRe.ReplaceAllString(line, "")
	}
	if i := strings.Index(line, "{"); i >= 0 {
		j := strings.Index(line, "}")
		if j < i {
			j = len(line)
		}
		for _, f := range strings.Fields(line[i+1 : j]) {
			v.forms = append(v.forms, strings.TrimPrefix(f, "+"))
		}
		line = line[:i]
	}
	head := strings.TrimPrefix(strings.TrimSpace(line), "+")
	v.words = strings.Split(strings.Trim(head, "_"), "_")
	return v
}

// parsePattern keeps the shapes relate can use: "* OBJ", "* OBJ (PREP)",
// "* (PREP)" and "* {A B}" (head noun B). Patterns with words before the
// verb or with deeper structure are skipped.
func parsePattern(line string) (pattern, bool) {
	g := codeRe.FindStringSubmatch(line)
	if g == nil {
		return pattern{}, false
	}
	code := strings.TrimSpace(g[1])
	if strings.HasPrefix(code, ":") {
		return pattern{}, false // passive-only reading
	}
	if i := strings.Index(code, ":"); i >= 0 {
		code = code[:i]
	}
	body := strings.TrimSpace(strings.TrimPrefix(line[:strings.Index(line, "[")], "-"))
	if !strings.HasPrefix(body, "*") {
		return pattern{}, false
	}
	body = strings.TrimSpace(body[1:])
	p := pattern{code: code}
	switch {
	case strings.HasPrefix(body, "{"):
		j := strings.Index(body, "}")
		if j < 0 {
			return pattern{}, false
		}
		ws := strings.Fields(body[1:j])
		if len(ws) == 0 {
			return pattern{}, false
		}
		p.obj = ws[len(ws)-1]
		body = strings.TrimSpace(body[j+1:])
	case strings.HasPrefix(body, "("):
	default:
		fs := strings.Fields(body)
		if len(fs) == 0 {
			return pattern{}, false
		}
		p.obj = fs[0]
		body = strings.TrimSpace(strings.TrimPrefix(body, fs[0]))
	}
	if body != "" {
		// only a bare "(PREP)" may follow
		fs := strings.Fields(strings.Trim(body, "()"))
		if !strings.HasPrefix(body, "(") || !strings.HasSuffix(body, ")") || len(fs) != 1 || strings.Contains(body[1:len(body)-1], "(") {
			return pattern{}, false
		}
		p.prep = strings.ToLower(fs[0])
	}
	if p.obj == "" && p.prep == "" {
		return pattern{}, false
	}
	if p.obj != "" && !strings.HasPrefix(p.obj, "&") {
		if strings.ContainsAny(p.obj, "$^%()") {
			return pattern{}, false
		}
		p.obj = word(p.obj)
	}
	return p, true
}

// ---- inflection ----

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// irregularPast are past tenses of verbs CAMEO lists without forms
// ("HIT"), where the regular rules would invent "hited" or "runed".
var irregularPast = map[string]string{
	"hit": "hit", "cut": "cut", "put": "put", "set": "set", "shut": "shut", "hurt": "hurt", "quit": "quit",
	"spread": "spread", "cast": "cast", "let": "let", "bid": "bid", "burst": "burst", "split": "split",
	"shed": "shed", "thrust": "thrust", "upset": "upset", "beset": "beset", "broadcast": "broadcast",
	"forecast": "forecast", "offset": "offset", "outbid": "outbid", "rid": "rid", "run": "ran",
}

// doublesFinal reports a one-syllable verb ending in a single vowel and a
// consonant, whose consonant doubles before -ed and -ing ("ban" ->
// "banned", "stop" -> "stopping"); longer verbs depend on stress the
// dictionary does not give ("visited", "controlled"), so they are left
// alone.
func doublesFinal(v string) bool {
	n := len(v)
	if n < 3 || strings.ContainsAny(v[n-1:], "aeiouwxy") || !isVowel(v[n-2]) || isVowel(v[n-3]) {
		return false
	}
	groups := 0
	for i := range n {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			groups++
		}
	}
	return groups == 1 && !(v[n-3] == 'q' && v[n-2] == 'u')
}

// regular returns base, 3sg, past, gerund of a lower-case verb by the
// regular rules (with irregularPast's past tenses).
func regular(v string) (s, ed, ing string) {
	n := len(v)
	if doublesFinal(v) {
		s, ed, ing = v+"s", v+v[n-1:]+"ed", v+v[n-1:]+"ing"
		if p, ok := irregularPast[v]; ok {
			ed = p
		}
		return s, ed, ing
	}
	defer func() {
		if p, ok := irregularPast[v]; ok {
			ed = p
		}
	}()
	switch {
	case strings.HasSuffix(v, "y") && n > 1 && !isVowel(v[n-2]):
		s, ed = v[:n-1]+"ies", v[:n-1]+"ied"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch"):
		s, ed = v+"es", v+"ed"
	case strings.HasSuffix(v, "e"):
		s, ed = v+"s", v+"d"
	default:
		s, ed = v+"s", v+"ed"
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		ing = v[:n-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee") && n > 2:
		ing = v[:n-1] + "ing"
	default:
		ing = v + "ing"
	}
	return s, ed, ing
}

// forms returns the inflected forms of a verb and its past tense.
func forms(v verb) (all []string, past string) {
	base := strings.ToLower(v.words[0])
	s, ed, ing := regular(base)
	if len(v.forms) == 0 {
		all = []string{base, s}
		if ed != base {
			all = append(all, ed) // "hit, hits, hit": once
		}
		return append(all, ing), ed
	}
	all = []string{base}
	for _, f := range v.forms {
		f = strings.ToLower(strings.Split(f, "_")[0])
		if f == "" {
			continue
		}
		all = append(all, f)
		if past == "" && !strings.HasSuffix(f, "ing") && f != s && f != base {
			past = f
		}
	}
	if past == "" {
		past = ed
		all = append(all, ed)
	}
	if !slices.Contains(all, s) {
		all = append(all, s)
	}
	if !slices.Contains(all, ing) {
		all = append(all, ing)
	}
	slices.Sort(all)
	return slices.Compact(all), past
}

// ---- overlay ----

type overlay struct {
	plover map[string]string   // "02" -> "REQUEST"
	label  map[string]string   // lemma -> label override
	preps  map[string][]string // lemma -> target prepositions
	nouns  [][]string          // noun form, lemma, label, code
	verbs  [][]string          // lemma, label, code, forms...
	drop   map[string]bool     // lemmas never used as triggers
	code   map[string]string   // lemma -> its own CAMEO code ("-": only its block's object patterns)
	synlab map[string]string   // &SYNSET -> label word
	synadd map[string][]string // &SYNSET -> words news uses that CAMEO's set lacks
	object [][]string          // block, object word, code: an object pattern's reading
	senses [][]string          // lemma, prep, label, code
}

func readOverlay(path string) (*overlay, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	o := &overlay{plover: map[string]string{}, label: map[string]string{}, preps: map[string][]string{}, drop: map[string]bool{}, code: map[string]string{}, synlab: map[string]string{}, synadd: map[string][]string{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		bad := func() error { return fmt.Errorf("%s:%d: malformed %q line", path, n, fs[0]) }
		switch fs[0] {
		case "plover":
			if len(fs) != 3 {
				return nil, bad()
			}
			o.plover[fs[1]] = fs[2]
		case "label":
			if len(fs) != 3 {
				return nil, bad()
			}
			o.label[fs[1]] = fs[2]
		case "preps":
			if len(fs) < 3 {
				return nil, bad()
			}
			o.preps[fs[1]] = append(o.preps[fs[1]], fs[2:]...)
		case "noun":
			if len(fs) != 5 {
				return nil, bad()
			}
			o.nouns = append(o.nouns, fs[1:])
		case "verb":
			if len(fs) < 4 {
				return nil, bad()
			}
			o.verbs = append(o.verbs, fs[1:])
		case "drop":
			for _, w := range fs[1:] {
				o.drop[w] = true
			}
		case "code":
			if len(fs) != 3 {
				return nil, bad()
			}
			o.code[fs[1]] = fs[2]
		case "sense":
			if len(fs) != 5 {
				return nil, bad()
			}
			o.senses = append(o.senses, fs[1:])
		case "synlabel":
			if len(fs) != 3 {
				return nil, bad()
			}
			o.synlab[fs[1]] = fs[2]
		case "object":
			if len(fs) != 4 {
				return nil, bad()
			}
			o.object = append(o.object, fs[1:])
		case "synadd":
			if len(fs) < 3 || !strings.HasPrefix(fs[1], "&") {
				return nil, bad()
			}
			o.synadd[fs[1]] = append(o.synadd[fs[1]], fs[2:]...)
		default:
			return nil, bad()
		}
	}
	return o, sc.Err()
}

// ---- table ----

type vrow struct{ block, lemma, label, code, cat, forms, preps string }
type prow struct{ block, obj, prep, code, cat, label string }
type nrow struct{ form, lemma, label, code, cat string }
type srow struct{ block, prep, code, cat, label string }

type table struct {
	verbs    []vrow
	patterns []prow
	nouns    []nrow
	senses   []srow
	synsets  [][2]string
}

func build(d *dict, plover map[string]string, ov *overlay) (*table, error) {
	t := &table{}
	usedSyn := map[string]bool{}
	for _, b := range d.blocks {
		// Verbs: multi-word "+MEET_WITH" become the verb with a target preposition.
		type acc struct {
			v     vrow
			preps []string
		}
		var rows []*acc
		byLemma := map[string]*acc{}
		for _, v := range b.verbs {
			lemma := strings.ToLower(v.words[0])
			if ov.drop[lemma] || strings.ContainsAny(lemma, "-'") {
				continue
			}
			code := v.code
			if code == "" {
				code = b.code
			}
			if i := strings.Index(code, ":"); i >= 0 {
				code = code[:i]
			}
			if strings.HasSuffix(code, "---") || code == "" {
				code = "-"
			}
			a := byLemma[lemma]
			if len(v.words) == 2 && isPrep(strings.ToLower(v.words[1])) {
				if a == nil {
					fs, past := forms(verb{words: v.words[:1]})
					a = &acc{v: vrow{block: b.name, lemma: lemma, label: past, code: code, forms: strings.Join(fs, ",")}}
					byLemma[lemma] = a
					rows = append(rows, a)
				}
				a.preps = append(a.preps, strings.ToLower(v.words[1]))
				if a.v.code == "-" {
					a.v.code = code
				}
				continue
			}
			if len(v.words) != 1 {
				continue
			}
			fs, past := forms(v)
			if a == nil {
				a = &acc{v: vrow{block: b.name, lemma: lemma, label: past, code: code, forms: strings.Join(fs, ",")}}
				byLemma[lemma] = a
				rows = append(rows, a)
			} else {
				a.v.forms = strings.Join(fs, ",")
				a.v.label = past
				if a.v.code == "-" {
					a.v.code = code
				}
			}
		}
		for _, a := range rows {
			if l, ok := ov.label[a.v.lemma]; ok {
				a.v.label = l
			}
			if c, ok := ov.code[a.v.lemma]; ok {
				a.v.code = c
			}
			a.preps = append(a.preps, ov.preps[a.v.lemma]...)
			slices.Sort(a.preps)
			a.v.preps = strings.Join(slices.Compact(a.preps), ",")
			a.v.cat = cat(plover, a.v.code)
			t.verbs = append(t.verbs, a.v)
		}
		for _, p := range b.patterns {
			c := "-"
			if !strings.HasSuffix(p.code, "---") {
				c = cat(plover, p.code)
			}
			lab := ""
			if p.obj != "" {
				lab = p.obj
				if strings.HasPrefix(p.obj, "&") {
					usedSyn[p.obj] = true
					if l, ok := ov.synlab[p.obj]; ok {
						lab = l
					} else if ws := d.synsets[p.obj]; len(ws) > 0 {
						lab = ws[0]
					}
				}
				lab = strings.ReplaceAll(lab, " ", "_")
			}
			code := p.code
			if strings.HasSuffix(code, "---") {
				code = "-"
			}
			t.patterns = append(t.patterns, prow{block: b.name, obj: p.obj, prep: p.prep, code: code, cat: c, label: lab})
		}
	}
	for _, v := range ov.verbs {
		lemma, label, code := v[0], v[1], v[2]
		fs := v[3:]
		t.verbs = append(t.verbs, vrow{block: "+" + lemma, lemma: lemma, label: label, code: code, cat: cat(plover, code), forms: strings.Join(fs, ","), preps: strings.Join(ov.preps[lemma], ",")})
	}
	for _, n := range ov.nouns {
		t.nouns = append(t.nouns, nrow{form: n[0], lemma: n[1], label: n[2], code: n[3], cat: cat(plover, n[3])})
	}
	for _, sn := range ov.senses {
		lemma, prep, label, code := sn[0], sn[1], sn[2], sn[3]
		for _, v := range t.verbs {
			if v.lemma == lemma {
				t.senses = append(t.senses, srow{block: v.block, prep: prep, code: code, cat: cat(plover, code), label: label})
			}
		}
	}
	slices.SortStableFunc(t.senses, func(a, b srow) int {
		return cmp.Or(cmp.Compare(a.block, b.block), cmp.Compare(a.prep, b.prep))
	})
	for s := range usedSyn {
		t.synsets = append(t.synsets, [2]string{s, strings.Join(d.synsets[s], ",")})
	}
	slices.SortFunc(t.synsets, func(a, b [2]string) int { return cmp.Compare(a[0], b[0]) })
	slices.SortStableFunc(t.verbs, func(a, b vrow) int {
		return cmp.Or(cmp.Compare(a.block, b.block), cmp.Compare(a.lemma, b.lemma))
	})
	slices.SortStableFunc(t.patterns, func(a, b prow) int {
		return cmp.Or(cmp.Compare(a.block, b.block), cmp.Compare(a.obj, b.obj), cmp.Compare(a.prep, b.prep), cmp.Compare(a.code, b.code))
	})
	t.patterns = majority(t.patterns)
	added := false
	for _, o := range ov.object {
		block, obj, code := o[0], o[1], o[2]
		i := slices.IndexFunc(t.patterns, func(p prow) bool { return p.block == block && p.obj == obj && p.prep == "" })
		if i < 0 {
			if !slices.ContainsFunc(t.verbs, func(v vrow) bool { return v.block == block }) {
				return nil, fmt.Errorf("object %s %s: CAMEO has no verb block %s", block, obj, block)
			}
			t.patterns = append(t.patterns, prow{block: block, obj: obj, code: code, cat: cat(plover, code), label: obj})
			added = true
			continue
		}
		t.patterns[i].code, t.patterns[i].cat = code, cat(plover, code)
	}
	if added {
		slices.SortStableFunc(t.patterns, func(a, b prow) int {
			return cmp.Or(cmp.Compare(a.block, b.block), cmp.Compare(a.obj, b.obj), cmp.Compare(a.prep, b.prep), cmp.Compare(a.code, b.code))
		})
	}
	slices.SortStableFunc(t.nouns, func(a, b nrow) int { return cmp.Compare(a.form, b.form) })
	return t, nil
}

// majority keeps one pattern per (block, object, prep): the reading the
// dictionary gives most often (SEND * &MILITARY is listed as 062, 072 twice
// and 154; 072, military aid, wins), ties going to the lower code.
func majority(ps []prow) []prow {
	var out []prow
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].block == ps[i].block && ps[j].obj == ps[i].obj && ps[j].prep == ps[i].prep {
			j++
		}
		best, bestN := i, 0
		for k := i; k < j; {
			m := k
			for m < j && ps[m].code == ps[k].code {
				m++
			}
			if m-k > bestN {
				best, bestN = k, m-k
			}
			k = m
		}
		out = append(out, ps[best])
		i = j
	}
	return out
}

func cat(plover map[string]string, code string) string {
	if code == "-" || code == "" {
		return "-"
	}
	return category(plover, code)
}

func isPrep(w string) bool {
	switch w {
	case "with", "to", "for", "by", "on", "against", "at", "in", "into", "from", "of", "about", "over":
		return true
	}
	return false
}

func (t *table) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# kgx relation trigger lexicon. Generated by extract/internal/lexicon/gen; DO NOT EDIT.")
	fmt.Fprintln(bw, "# Sources: PETRARCH2 CAMEO.2.0.txt verb dictionary (MIT, Open Event Data Alliance),")
	fmt.Fprintln(bw, "# PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event Data Alliance), overlay.txt (kgx).")
	fmt.Fprintln(bw, "# V block lemma label cameo plover forms preps | P block object prep cameo plover label | N form lemma label cameo plover | R block prep cameo plover label | S synset words")
	for _, s := range t.synsets {
		fmt.Fprintf(bw, "S\t%s\t%s\n", s[0], s[1])
	}
	for _, v := range t.verbs {
		fmt.Fprintf(bw, "V\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v.block, v.lemma, v.label, v.code, v.cat, v.forms, v.preps)
	}
	for _, p := range t.patterns {
		fmt.Fprintf(bw, "P\t%s\t%s\t%s\t%s\t%s\t%s\n", p.block, p.obj, p.prep, p.code, p.cat, p.label)
	}
	for _, n := range t.nouns {
		fmt.Fprintf(bw, "N\t%s\t%s\t%s\t%s\t%s\n", n.form, n.lemma, n.label, n.code, n.cat)
	}
	for _, r := range t.senses {
		fmt.Fprintf(bw, "R\t%s\t%s\t%s\t%s\t%s\n", r.block, r.prep, r.code, r.cat, r.label)
	}
	return bw.Flush()
}
