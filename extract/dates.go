package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dates. A relation's date is the date expression attached to its trigger
// (or to a clause above it) resolved against Document.Published, else the
// publication date itself. Results are ISO 8601 at the precision the text
// gives: "2025-12-24" (day), "2025-12" (month), "2025" (year), "2025-W51"
// (week).

var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "jan.": 1, "feb": 2, "feb.": 2, "mar.": 3, "apr": 4, "apr.": 4, "jun.": 6, "jul.": 7, "aug": 8,
	"aug.": 8, "sep": 9, "sep.": 9, "sept": 9, "sept.": 9, "oct": 10, "oct.": 10, "nov": 11, "nov.": 11,
	"dec": 12, "dec.": 12,
}

// ResolveDate resolves a date expression (its words, in order) against the
// anchor date. future says the clause is about the future ("will visit on
// Friday" is the coming Friday; "visited on Friday" the last one). It
// returns an ISO 8601 date at the precision the expression gives, or ""
// when the words are not a date it understands or the anchor is needed but
// unknown.
func ResolveDate(words []string, anchor time.Time, future bool) string {
	var ws []string
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ","))
		switch w {
		case "", "on", "in", "the", "of", "during", "since", "until", "by", "at", "early", "late", "mid", "earlier":
			continue
		}
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		return ""
	}
	known := !anchor.IsZero()
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	// Explicit dates need no anchor: "June 12, 2024", "12 June 2024", "June 2024", "2024-06-12".
	if t, err := time.Parse("2006-01-02", ws[0]); err == nil {
		return day(t)
	}
	var mon time.Month
	dom, year := 0, 0
	rel := ""
	var wd time.Weekday = -1
	unit := ""
	ago := false
	for _, w := range ws {
		switch {
		case w == "ago":
			ago = true
		case monthNames[w] != 0 && mon == 0:
			mon = monthNames[w]
		case w == "last" || w == "next" || w == "this" || w == "past" || w == "coming":
			rel = w
		case weekdayNames[w] != 0 || w == "sunday":
			wd = weekdayNames[w]
		case w == "week" || w == "month" || w == "year" || w == "weekend":
			unit = w
		case w == "yesterday" || w == "today" || w == "tomorrow" || w == "tonight":
			if !known {
				return ""
			}
			switch w {
			case "yesterday":
				return day(anchor.AddDate(0, 0, -1))
			case "tomorrow":
				return day(anchor.AddDate(0, 0, 1))
			}
			return day(anchor)
		default:
			n, err := strconv.Atoi(strings.TrimRight(w, "stndrh"))
			if err != nil {
				continue
			}
			switch {
			case n >= 1000 && n < 3000:
				year = n
			case n >= 1 && n <= 31:
				dom = n
			}
		}
	}
	switch {
	case ago:
		return agoDate(ws, anchor, known)
	case mon != 0:
		if year == 0 && unit == "year" && rel != "" {
			// "in June last year", "in March next year"
			if !known {
				return ""
			}
			year = anchor.Year()
			switch rel {
			case "last", "past":
				year--
			case "next", "coming":
				year++
			}
		}
		if year == 0 {
			if !known {
				return ""
			}
			year = anchor.Year()
			// "in August" written in December of a past-tense story is this
			// year; in a future clause a month already gone is next year.
			if future && mon < anchor.Month() {
				year++
			} else if !future && mon > anchor.Month() && rel != "next" {
				year--
			}
			if rel == "next" && mon <= anchor.Month() {
				year++
			}
		}
		if dom > 0 {
			t := time.Date(year, mon, dom, 0, 0, 0, 0, time.UTC)
			if t.Month() != mon {
				return ""
			}
			return day(t)
		}
		return fmt.Sprintf("%04d-%02d", year, mon)
	case year != 0 && dom == 0:
		return fmt.Sprintf("%04d", year)
	}
	if !known {
		return ""
	}
	if wd >= 0 {
		diff := int(wd - anchor.Weekday())
		switch {
		case future || rel == "next" || rel == "coming":
			if diff <= 0 {
				diff += 7
			}
		default:
			if diff > 0 {
				diff -= 7
			}
			if rel == "last" && diff == 0 {
				diff = -7
			}
		}
		return day(anchor.AddDate(0, 0, diff))
	}
	switch unit {
	case "week", "weekend":
		t := anchor
		switch rel {
		case "last", "past":
			t = t.AddDate(0, 0, -7)
		case "next", "coming":
			t = t.AddDate(0, 0, 7)
		case "this":
		default:
			return ""
		}
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case "month":
		t := time.Date(anchor.Year(), anchor.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch rel {
		case "last", "past":
			t = t.AddDate(0, -1, 0)
		case "next", "coming":
			t = t.AddDate(0, 1, 0)
		case "this":
		default:
			return ""
		}
		return t.Format("2006-01")
	case "year":
		switch rel {
		case "last", "past":
			return strconv.Itoa(anchor.Year() - 1)
		case "next", "coming":
			return strconv.Itoa(anchor.Year() + 1)
		case "this":
			return strconv.Itoa(anchor.Year())
		}
	}
	return ""
}

// numberWords are the counts "two days ago" spells out.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// agoDate resolves "two days ago", "a week ago", "three months ago", "10
// years ago" (ws in lower case) against the anchor, at the precision of
// the unit: a day, an ISO week, a month or a year.
func agoDate(ws []string, anchor time.Time, known bool) string {
	if !known {
		return ""
	}
	n, unit := countUnit(ws)
	if n == 0 {
		return ""
	}
	switch unit {
	case "day":
		return anchor.AddDate(0, 0, -n).Format("2006-01-02")
	case "week":
		y, w := anchor.AddDate(0, 0, -7*n).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case "month":
		return time.Date(anchor.Year(), anchor.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	case "year":
		return strconv.Itoa(anchor.Year() - n)
	}
	return ""
}

// countUnit reads "two days", "a week", "10 years" (ws in lower case):
// the count (0 if none) and the unit, singular.
func countUnit(ws []string) (n int, unit string) {
	for _, w := range ws {
		if v, ok := numberWords[w]; ok && n == 0 {
			n = v
		} else if v, err := strconv.Atoi(w); err == nil && n == 0 && v > 0 && v < 1000 {
			n = v
		}
		switch w {
		case "day", "days", "week", "weeks", "month", "months", "year", "years":
			unit = strings.TrimSuffix(w, "s")
		}
	}
	return n, unit
}

// relativeDate resolves "two months earlier", "a week later" (t: the
// adverb, the count and unit under it) against the last date expression
// read before it (r.dated), at the coarser of the two precisions: "two
// months earlier" than "2023-09" is "2023-07", "a week later" than it is
// still a month, "2023-09".
func (r *relater) relativeDate(t int) string {
	w := r.lower(t)
	if w != "earlier" && w != "later" {
		return ""
	}
	last, from := -1, ""
	for _, d := range r.dated {
		if d.tok < t && d.tok > last {
			last, from = d.tok, d.iso
		}
	}
	if from == "" {
		return ""
	}
	var ws []string
	for _, k := range r.kids[t] {
		for _, x := range r.subtreeWords(k) {
			ws = append(ws, strings.ToLower(x))
		}
	}
	n, unit := countUnit(ws)
	if n == 0 || unit == "" {
		return ""
	}
	if w == "earlier" {
		n = -n
	}
	var anchor time.Time
	prec := 0 // 1 year, 2 month, 3 day
	for i, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if a, err := time.Parse(layout, from); err == nil {
			anchor, prec = a, i+1
		}
	}
	if prec == 0 {
		return "" // an ISO week: left alone
	}
	switch unit {
	case "day":
		anchor = anchor.AddDate(0, 0, n)
	case "week":
		anchor = anchor.AddDate(0, 0, 7*n)
	case "month":
		anchor = anchor.AddDate(0, n, 0)
		prec = min(prec, 2)
	case "year":
		anchor = anchor.AddDate(n, 0, 0)
		prec = min(prec, 1)
	}
	switch {
	case prec == 3 && unit == "week":
		y, wk := anchor.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, wk)
	case prec == 3:
		return anchor.Format("2006-01-02")
	case prec == 2:
		return anchor.Format("2006-01")
	}
	return anchor.Format("2006")
}

// isDateWord reports whether token t can head a date expression.
func (r *relater) isDateWord(t int) bool {
	w := r.lower(t)
	if _, ok := weekdayNames[w]; ok {
		return true
	}
	if _, ok := monthNames[w]; ok && (w != "may" || r.doc.Tokens[t].Tag == "PROPN") {
		return true
	}
	switch w {
	case "yesterday", "today", "tomorrow", "tonight", "week", "month", "year", "weekend", "ago":
		return true
	case "days", "weeks", "months", "years", "day":
		// "two days ago" headed by its unit; ResolveDate wants the "ago"
		for _, k := range r.kids[t] {
			if r.lower(k) == "ago" {
				return true
			}
		}
	}
	return false
}

// subtreeWords returns the words of t's subtree in text order (a date
// expression is small; the walk stops at 12 tokens).
func (r *relater) subtreeWords(t int) []string {
	toks := []int{t}
	for i := 0; i < len(toks) && len(toks) < 12; i++ {
		toks = append(toks, r.kids[toks[i]]...)
	}
	lo, hi := toks[0], toks[0]
	for _, k := range toks {
		lo, hi = min(lo, k), max(hi, k)
	}
	var ws []string
	for k := lo; k <= hi && k-lo < 12; k++ {
		ws = append(ws, r.word(k))
	}
	return ws
}

// date finds the date of the event triggered at t: a temporal dependent of
// the trigger or of a clause head above it, else one the parse attached to
// the event's target ("met Kim Jong Un in Pyongyang on Wednesday" with "on
// Wednesday" on the name: a person is not dated by "on Wednesday", the
// meeting is), resolved against the publication date; else the
// publication date.
func (r *relater) date(s Sentence, t int, future bool, target int) string {
	cur := t
	for steps := 0; cur >= 0 && steps < 8; steps++ {
		if iso := r.dateKid(cur, future, false); iso != "" {
			return iso
		}
		if base(r.dep(cur)) == "root" || !r.isVerbal(cur) && cur != t {
			break
		}
		cur = r.head(cur)
	}
	if target >= 0 && target != t {
		if iso := r.dateKid(target, future, true); iso != "" {
			return iso
		}
		// "leader Kim Jong Un on Wednesday" with the phrase on "leader"
		if d := r.dep(target); (d == "appos" || d == "flat") && r.head(target) >= 0 && r.head(target) != t {
			if iso := r.dateKid(r.head(target), future, true); iso != "" {
				return iso
			}
		}
	}
	if r.doc.Published.IsZero() {
		return ""
	}
	return r.doc.Published.Format("2006-01-02")
}

// dateKid resolves the first temporal dependent of t that is a date
// expression. Of a nominal (onNoun), only a modifier with no preposition
// or with on/in/at counts: "the leader since 2011" does not date an event.
func (r *relater) dateKid(t int, future, onNoun bool) string {
	for _, k := range r.kids[t] {
		d := base(r.dep(k))
		if onNoun {
			if d != "nmod" || !contains([]string{"", "on", "in", "at"}, r.prep(k)) {
				continue
			}
		} else if d != "obl" && d != "nmod" && d != "advmod" && d != "obl:tmod" && d != "nmod:tmod" {
			continue
		}
		if !r.isDateWord(k) && !r.isDayOfMonth(k) {
			if d == "advmod" && !onNoun {
				if iso := r.relativeDate(k); iso != "" {
					r.dated = append(r.dated, datedAt{k, iso})
					return iso
				}
			}
			continue
		}
		if iso := ResolveDate(r.withYear(k, r.subtreeWords(k)), r.doc.Published, future); iso != "" {
			r.dated = append(r.dated, datedAt{k, iso})
			return iso
		}
	}
	return ""
}

// withYear adds to the words of date expression k the "last year", "next
// year" or "this year" right after it, which the parser attaches apart
// ("in June last year": "year" is a second temporal modifier of the verb).
func (r *relater) withYear(k int, ws []string) []string {
	end := k
	for _, c := range r.kids[k] {
		end = max(end, c)
	}
	if n := len(r.doc.Tokens); end+2 < n && r.lower(end+2) == "year" {
		switch r.lower(end + 1) {
		case "last", "next", "this", "past":
			return append(ws, r.word(end+1), r.word(end+2))
		}
	}
	return ws
}

// isDayOfMonth reports a day number heading its month ("on June 4" parsed
// with "4" the head and "June" under it).
func (r *relater) isDayOfMonth(t int) bool {
	if r.doc.Tokens[t].Tag != "NUM" {
		return false
	}
	for _, k := range r.kids[t] {
		if _, ok := monthNames[r.lower(k)]; ok {
			return true
		}
	}
	return false
}
