package extract

import "github.com/kgx-project/kgx/extract/internal/tagger"

// recognise fills doc.Mentions with kgx's NER tagger: BIO Viterbi decoding
// per sentence over POS, shape, context and gazetteer features, then
// document-level consistency (one type per surface form, confident names
// and surnames propagated to their other mentions, headlines included).
// All-caps lines are truecased before tagging. Mentions come out sorted and
// non-overlapping, with Entity -1 and Score the lowest per-word
// probability in the mention.
func (e *Extractor) recognise(doc *Document) {
	words := make([][]string, len(doc.Sentences))
	pos := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		words[i] = sentenceWords(doc, s)
		pos[i] = make([]string, len(words[i]))
		for k := range words[i] {
			pos[i][k] = doc.Tokens[s.First+k].Tag
		}
	}
	res := e.m.ner.TagDoc(words, pos, e.m.gaz)
	for i, s := range doc.Sentences {
		for _, m := range tagger.SentMentions(i, res.Classes[i], res.Prob[i]) {
			t, ok := ParseEntityType(tagger.Types[m.Type])
			if !ok {
				continue
			}
			first, end := s.First+m.Start, s.First+m.End
			doc.Mentions = append(doc.Mentions, Mention{
				Span:  Span{doc.Tokens[first].Start, doc.Tokens[end-1].End},
				First: first, End: end, Type: t, Entity: -1, Score: m.Score,
			})
		}
	}
}
