package extract

// tagPOS fills Token.XPOS (Penn) and Token.Tag (UPOS) sentence by sentence.
// The walking skeleton uses prose's tagger; issue 3 replaces it.
func (e *Extractor) tagPOS(doc *Document) {
	for _, s := range doc.Sentences {
		words := sentenceWords(doc, s)
		tags, _ := proseTagSentence(words)
		for i := range words {
			t := &doc.Tokens[s.First+i]
			t.XPOS = tags[i]
			t.Tag = pennToUPOS(tags[i], words[i])
		}
	}
}

func sentenceWords(doc *Document, s Sentence) []string {
	words := make([]string, 0, s.End-s.First)
	for _, t := range doc.Tokens[s.First:s.End] {
		words = append(words, doc.Slice(t.Span))
	}
	return words
}

// pennToUPOS maps a Penn Treebank tag to a Universal POS tag.
func pennToUPOS(tag, word string) string {
	switch tag {
	case "NN", "NNS":
		return "NOUN"
	case "NNP", "NNPS":
		return "PROPN"
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		switch word {
		case "is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "'s", "’s":
			return "AUX"
		}
		return "VERB"
	case "MD":
		return "AUX"
	case "JJ", "JJR", "JJS":
		return "ADJ"
	case "RB", "RBR", "RBS", "WRB":
		return "ADV"
	case "IN":
		return "ADP"
	case "DT", "PDT", "WDT":
		return "DET"
	case "PRP", "PRP$", "WP", "WP$", "EX":
		return "PRON"
	case "CC":
		return "CCONJ"
	case "CD":
		return "NUM"
	case "RP":
		return "ADP"
	case "TO":
		return "PART"
	case "POS":
		return "PART"
	case "UH":
		return "INTJ"
	case "SYM", "$", "#":
		return "SYM"
	case "FW", "LS", "":
		return "X"
	}
	return "PUNCT"
}
