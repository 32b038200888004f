package gazetteer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// Build reads the shared data folder (the one holding gazetteers/ and
// events/petrarch2/) and returns a gazetteer. tokenize splits a phrase
// into words exactly as the tagger's tokeniser does, so that Match finds
// phrases in tokenised text.
func Build(dataDir string, tokenize func(string) []string) (*Gazetteer, error) {
	g := &Gazetteer{m: make(map[string]entry, 1<<16)}
	add := func(phrase string, c Category, country string) {
		phrase = strings.TrimSpace(strings.ReplaceAll(phrase, "_", " "))
		if phrase == "" {
			return
		}
		g.add(strings.Join(tokenize(phrase), " "), c, country)
	}
	if err := buildWorldCountries(filepath.Join(dataDir, "gazetteers/world-countries/countries.json"), add); err != nil {
		return nil, err
	}
	if err := buildCountryInfo(filepath.Join(dataDir, "gazetteers/countryinfo/CountryInfo.120116.txt"), add); err != nil {
		return nil, err
	}
	dict := filepath.Join(dataDir, "events/petrarch2/dictionaries")
	for _, f := range []struct {
		name      string
		countries bool
	}{
		{"Phoenix.Countries.actors.txt", true},
		{"Phoenix.International.actors.txt", false},
		{"Phoenix.MilNonState.actors.txt", false},
	} {
		if err := buildActors(filepath.Join(dict, f.name), f.countries, add); err != nil {
			return nil, err
		}
	}
	for _, w := range orgWords {
		add(w, OrgWord, "")
	}
	for _, w := range titles {
		add(w, Title, "")
	}
	for _, w := range religions {
		add(w, Religion, "")
	}
	for _, w := range regions {
		add(w, Region, "")
	}
	// Place names are not given names ("France", "Jordan").
	for k, e := range g.m {
		if e.cats&GivenName != 0 && e.cats&(Country|City|Demonym|Region) != 0 {
			e.cats &^= GivenName
			g.m[k] = e
		}
	}
	// Words that PETRARCH lists as names but that are mostly common words.
	for _, w := range stopNames {
		k := Norm(w)
		if e, ok := g.m[k]; ok {
			e.cats &^= GivenName | PersonName | OrgName
			if e.cats == 0 {
				delete(g.m, k)
			} else {
				g.m[k] = e
			}
		}
	}
	g.index()
	return g, nil
}

type countryJSON struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string `json:"altSpellings"`
	Capital      []string `json:"capital"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

func buildWorldCountries(path string, add func(string, Category, string)) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	var cs []countryJSON
	if err := json.Unmarshal(b, &cs); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	for _, c := range cs {
		name := c.Name.Common
		add(name, Country, name)
		add(c.Name.Official, Country, name)
		for _, a := range c.AltSpellings {
			// Two-letter codes ("AF") collide with words; keep longer ones.
			if len([]rune(a)) > 3 || a == "USA" || a == "UAE" || a == "UK" {
				add(a, Country, name)
			}
		}
		for _, cap := range c.Capital {
			add(cap, City, name)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, w := range []string{d.F, d.M} {
				if w == "" {
					continue
				}
				add(w, Demonym, name)
				add(plural(w), Demonym, name)
			}
		}
	}
	return nil
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "ese"), strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"):
		return w
	case strings.HasSuffix(w, "man"):
		return strings.TrimSuffix(w, "man") + "men"
	}
	return w + "s"
}

// buildCountryInfo reads capitals, major cities and regions; CountryInfo's
// <Nationality> list mixes name variants and adjectives, so it adds them
// as country aliases only when capitalised forms look like names.
func buildCountryInfo(path string, add func(string, Category, string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var country, section string
	for sc.Scan() {
		t := sc.Text()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		switch {
		case strings.HasPrefix(t, "<CountryName>"):
			country = titleCase(strings.TrimSuffix(strings.TrimPrefix(t, "<CountryName>"), "</CountryName>"))
			add(country, Country, country)
			continue
		case strings.HasPrefix(t, "</"):
			section = ""
			continue
		case strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">"):
			section = strings.Trim(t, "<>")
			continue
		}
		if t == "" || country == "" {
			continue
		}
		name := t
		if i := strings.IndexByte(name, '['); i >= 0 {
			name = strings.TrimSpace(name[:i])
		}
		switch section {
		case "Capital", "MajorCities":
			add(name, City, country)
		case "Regions", "GeogFeatures":
			add(name, Region, "")
		case "Nationality":
			add(name, Country, country)
		}
	}
	return sc.Err()
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " ")))
	for i, w := range words {
		if i > 0 && (w == "of" || w == "and" || w == "the") {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

var (
	codeRE   = regexp.MustCompile(`\[([^\]]*)\]`)
	placeRE  = regexp.MustCompile(`^[A-Z]{3}$`)
	datedRE  = regexp.MustCompile(`\d{6}`)
	personRE = regexp.MustCompile(`^[A-Z][A-Z.'-]*(_[A-Z][A-Z.'-]*)*_?$`)
)

// buildActors reads a PETRARCH actor dictionary: blocks of a name line,
// "+synonym" lines and "[CODE date-range]" lines. Blocks with dated codes
// are people; blocks coded with a bare country code are places (country
// files only); other blocks in the international and non-state files are
// organisations.
func buildActors(path string, countries bool, add func(string, Category, string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var names, codes []string
	flush := func() {
		defer func() { names, codes = names[:0], codes[:0] }()
		if len(names) == 0 || len(codes) == 0 {
			return
		}
		dated, place := false, false
		for _, c := range codes {
			if datedRE.MatchString(c) {
				dated = true
			}
			if placeRE.MatchString(strings.TrimSpace(c)) {
				place = true
			}
		}
		switch {
		case dated:
			for _, n := range names {
				if !personRE.MatchString(n) || hasTitle(n) {
					continue
				}
				words := strings.FieldsFunc(n, func(r rune) bool { return r == '_' })
				add(titleCase(n), PersonName, "")
				if len(words) >= 2 && len(words[0]) > 2 && !strings.Contains(words[0], ".") {
					add(titleCase(words[0]), GivenName, "")
				}
			}
		case place && countries:
			for _, n := range names {
				add(titleCase(n), Country, "")
			}
		case !countries:
			for _, n := range names {
				if len(strings.Trim(n, "_")) > 2 {
					add(titleCase(n), OrgName, "")
				}
			}
		}
	}
	for sc.Scan() {
		t := sc.Text()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		if strings.TrimSpace(t) == "" {
			flush()
			continue
		}
		var lineCodes []string
		for _, m := range codeRE.FindAllStringSubmatch(t, -1) {
			lineCodes = append(lineCodes, m[1])
		}
		name := strings.TrimSpace(codeRE.ReplaceAllString(t, ""))
		switch {
		case name == "" || t[0] == ' ' || t[0] == '\t':
			codes = append(codes, lineCodes...)
			continue
		case name[0] == '+':
			names = append(names, strings.TrimSpace(name[1:]))
			codes = append(codes, lineCodes...)
			continue
		}
		flush()
		codes = append(codes, lineCodes...)
		names = append(names, name)
	}
	flush()
	return sc.Err()
}

func hasTitle(n string) bool {
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == '_' }) {
		if _, ok := titleSet[strings.ToLower(w)]; ok {
			return true
		}
	}
	return false
}

var titleSet = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range titles {
		m[strings.ToLower(strings.TrimSuffix(t, "."))] = true
	}
	return m
}()

// Hand lists (kgx's own; public-domain common words).
var orgWords = []string{
	"Ministry", "Agency", "Council", "Party", "Committee", "Commission", "University", "Bank",
	"Company", "Corporation", "Corp.", "Inc.", "Inc", "Ltd", "Ltd.", "LLC", "Co.", "Group", "Association",
	"Union", "Army", "Navy", "Forces", "Force", "Department", "Office", "Institute", "Foundation",
	"Organization", "Organisation", "Federation", "League", "Court", "Parliament", "Assembly",
	"Senate", "Congress", "Front", "Movement", "Authority", "Bureau", "Board", "Service", "Police",
	"Guard", "Brigade", "Network", "Times", "News", "Post", "Airlines", "Airways", "Club", "College",
	"Church", "Fund", "Alliance", "Coalition", "Trust", "Society", "Center", "Centre", "Administration",
	"Government", "Cabinet", "Secretariat", "Tribunal", "Corps", "Battalion", "Regiment", "Division",
	"Command", "Brigades", "Militia", "Taliban", "Telegraph", "Journal", "Tribune", "Herald", "Press",
	"Reuters", "Agence", "Holdings", "Industries", "Motors", "Systems", "Technologies", "Partners",
	"Capital", "Securities", "Exchange", "Reserve", "Academy", "School", "Hospital", "Museum",
	"Commonwealth", "Nations", "Conference", "Directorate", "Inspectorate", "Council", "Diet",
	"Duma", "Knesset", "Majlis", "Cortes", "Bundestag", "Kremlin", "Pentagon", "Politburo",
}

var titles = []string{
	"President", "Vice", "Minister", "Prime", "General", "Gen.", "Col.", "Colonel", "Lt.", "Lieutenant",
	"Sgt.", "Sergeant", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Prof.", "Professor",
	"Senator", "Sen.", "Rep.", "Representative", "Gov.", "Governor", "Secretary", "Chancellor", "King",
	"Queen", "Prince", "Princess", "Pope", "Ambassador", "Chairman", "Chairwoman", "Chair", "Commander",
	"Admiral", "Adm.", "Capt.", "Captain", "Maj.", "Major", "Lord", "Lady", "Sir", "Dame", "Sheikh",
	"Ayatollah", "Judge", "Justice", "Mayor", "Premier", "Spokesman", "Spokeswoman", "Spokesperson",
	"Deputy", "Director", "Chief", "Cardinal", "Bishop", "Archbishop", "Rev.", "Reverend", "Father",
	"Imam", "Marshal", "Emir", "Sultan", "Crown", "Sheik", "Mullah", "Brig.", "Gen", "Col", "Lt",
	"Sgt", "Cpl.", "Pvt.", "Speaker", "Envoy", "Foreign", "Defence", "Defense", "Interior", "Finance",
	"CEO", "Chairperson", "Commissioner", "Attorney", "Rabbi", "Saint", "St.", "Dalai", "Emperor",
	"Empress", "Duke", "Duchess", "Count", "Baron", "Pres.", "Supt.", "Inspector", "Detective",
	"Officer", "Coach", "Leader", "Councillor", "Councilman", "Councilwoman", "Congressman",
	"Congresswoman", "MP", "Minister-President", "Field", "Air", "Vice-President", "Sec.",
}

var religions = []string{
	"Muslim", "Muslims", "Christian", "Christians", "Jewish", "Jew", "Jews", "Catholic", "Catholics",
	"Protestant", "Protestants", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites", "Shi'ite", "Hindu",
	"Hindus", "Buddhist", "Buddhists", "Sikh", "Sikhs", "Orthodox", "Islamic", "Islamist", "Islamists",
	"Democrat", "Democrats", "Republican", "Republicans", "Conservative", "Conservatives", "Labour",
	"Communist", "Communists", "Socialist", "Socialists", "Kurd", "Kurds", "Kurdish", "Arab", "Arabs",
	"Pashtun", "Baloch", "Tamil", "Tamils", "Yazidi", "Yazidis", "Alawite", "Alawites", "Druze",
	"Evangelical", "Evangelicals", "Mormon", "Mormons", "Anglican", "Lutheran", "Methodist", "Baptist",
	"Palestinian", "Palestinians", "Latino", "Latinos", "Hispanic", "Hispanics", "European", "Europeans",
	"African", "Africans", "Asian", "Asians", "Western", "Soviet", "Soviets", "Nazi", "Nazis", "Liberal",
	"Liberals", "Maoist", "Maoists", "Bolshevik", "Tory", "Tories", "Zionist", "Hutu", "Tutsi", "Uighur",
	"Uyghur", "Uighurs", "Uyghurs", "Rohingya", "Chechen", "Chechens", "Basque", "Catalan",
}

var regions = []string{
	"Middle East", "Europe", "Asia", "Africa", "North America", "South America", "Latin America",
	"Central Asia", "South Asia", "Southeast Asia", "East Asia", "Balkans", "Caucasus", "Gulf",
	"Persian Gulf", "Arabian Gulf", "Mediterranean", "Black Sea", "Red Sea", "Caribbean", "Pacific",
	"Atlantic", "Arctic", "Antarctica", "Sahel", "Sahara", "Horn of Africa", "West Bank", "Gaza",
	"Gaza Strip", "Crimea", "Donbas", "Kashmir", "Siberia", "Scandinavia", "Baltic", "Indian Ocean",
	"South China Sea", "Himalayas", "Alps", "Andes", "Amazon", "Nile", "Euphrates", "Tigris",
	"Danube", "Levant", "Maghreb", "Golan Heights", "Sinai", "Kurdistan", "Patagonia", "Tibet",
}

// stopNames are common English words that the actor lists use as names.
var stopNames = []string{
	"the", "a", "an", "and", "of", "in", "on", "to", "for", "by", "with", "new", "will", "may", "can",
	"said", "says", "i", "he", "she", "we", "they", "it", "us", "be", "been",
	"is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "but", "or", "as", "at",
	"chad", "china", "jordan", "georgia", "turkey", "guinea", "victoria", "march", "april", "june",
	"august", "may", "sun", "grace", "hope", "faith", "joy", "rose", "will", "mint", "young", "black",
	"white", "brown", "green", "king", "long", "little", "strong", "last", "first", "north", "south",
}
