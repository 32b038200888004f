package extract

import (
	"testing"
	"time"
)

func TestParseDateLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string // "" = not a date line
	}{
		{"Friday, December 26, 2025", "2025-12-26"},
		{"March 3, 2024", "2024-03-03"},
		{"3 March 2024", "2024-03-03"},
		{"3rd March, 2024", "2024-03-03"},
		{"Tue. Mar. 5, 2024", "2024-03-05"},
		{"Sept. 9, 2023", "2023-09-09"},
		{"Published: Sep 9, 2023 10:42 a.m. EST", "2023-09-09"},
		{"Updated on 9 September 2023, 18:05 (BST)", "2023-09-09"},
		{"Date: 2023-09-09", "2023-09-09"},
		{"2023-09-09T18:05:00Z", "2023-09-09"},
		{"2023-09-09 18:05:00+03:00", "2023-09-09"},
		{"Posted March 3, 2024 at 9:15 pm", "2024-03-03"},
		{"The talks opened on March 3, 2024.", ""},
		{"March 2024 was cold", ""},
		{"Leave a Reply", ""},
	} {
		t.Run(tc.line, func(t *testing.T) {
			if !dateLine().MatchString(tc.line) {
				if tc.want != "" {
					t.Fatalf("not a date line")
				}
				return
			}
			if tc.want == "" {
				t.Fatalf("taken for a date line")
			}
			got, ok := parseDateLine(tc.line)
			if !ok || got.Format(time.DateOnly) != tc.want {
				t.Errorf("got %v %v, want %s", got, ok, tc.want)
			}
		})
	}
}

func TestCleanFindsDate(t *testing.T) {
	doc := &Document{Text: "Loading...\n\nPublished: Tue. Mar. 5, 2024 08:00 AM\n\nCouncil Meets in Accra\n\nThe council met in Accra on Monday.\n"}
	clean(doc)
	if got := doc.Published.Format(time.DateOnly); got != "2024-03-05" {
		t.Errorf("published %s, want 2024-03-05", got)
	}
	if len(doc.Body) != 2 || doc.Slice(doc.Body[0]) != "Council Meets in Accra" {
		t.Errorf("body %v", doc.Body)
	}
}

func TestGuessTitle(t *testing.T) {
	lead := "Amina Diallo, the trade minister of Mali, arrived in Dakar on Tuesday for two days of talks on tariffs and transit fees with Senegalese officials. She left on Thursday."
	for _, tc := range []struct {
		name, source, text, want string
	}{
		{"headline line", "a.txt", "Mali Minister Arrives in Dakar\n\n" + lead, "Mali Minister Arrives in Dakar"},
		{"slug cased as the text writes it", "news/mali-minister-arrives-in-dakar-for-talks.txt", lead,
			"Mali minister arrives in Dakar for talks"},
		{"slug in a URL with a date and id", "https://example.org/2024/03/05/diallo-dakar-talks-12345/?ref=rss", lead,
			"Diallo Dakar talks"},
		{"slug words mostly absent from the text: the lead", "news/weekly-market-roundup-edition.txt", lead,
			"Amina Diallo, the trade minister of Mali, arrived in Dakar on Tuesday for two days of…"},
		{"no slug: the lead sentence", "article-77.html", "Diallo arrived. Then she left the city for good after many long years.",
			"Diallo arrived. Then she left the city for good after many long years."},
		{"short lead whole", "x", "Ghana and Togo signed a border accord on Friday. Both sides welcomed it.",
			"Ghana and Togo signed a border accord on Friday."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &Document{Text: tc.text, Source: tc.source}
			clean(doc)
			if got := guessTitle(doc); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestBylines(t *testing.T) {
	for _, tc := range []struct {
		line string
		drop bool
	}{
		{"By Lena Fischer", true},
		{"By Jane Doe and Ali Khan, Reuters", true},
		{"By Jane Doe | March 3, 2024", true},
		{"BY JOSÉ ÁLVAREZ", true},
		{"Reporting by Ali Khan; Editing by Jane Doe", true},
		{"By Tuesday the army had withdrawn from the city.", false},
		{"By then, Ortega had left Managua.", false},
		{"Byline Corp opened an office in Lima.", false},
	} {
		got := classifyBlock(tc.line, 1, 10) == blockDrop
		if got != tc.drop {
			t.Errorf("%q: dropped %v, want %v", tc.line, got, tc.drop)
		}
	}
}

func TestDateHeadingInArticleIsText(t *testing.T) {
	para := "The council met in Accra on Monday to discuss the budget, and members argued for hours about the size of the deficit and the cost of new roads in the north of the country."
	doc := &Document{Text: "Council Meets in Accra\n\n" + para + "\n\nMarch 3, 2024\n\nThe first vote failed. The second passed. Members left.\n"}
	clean(doc)
	if !doc.Published.IsZero() {
		t.Errorf("published %v from a date heading inside the article", doc.Published)
	}
	if len(doc.Body) != 4 {
		t.Errorf("body has %d blocks, want 4 (the date heading kept)", len(doc.Body))
	}
}
