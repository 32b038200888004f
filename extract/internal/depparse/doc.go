// Package depparse is kgx's dependency parser: a sentence's words and
// part-of-speech tags go in, a head index and a Universal Dependencies
// relation label for every word come out, always forming a single tree.
//
// It is a greedy, labelled arc-eager transition parser (Nivre 2003) scored
// by one averaged perceptron (package perceptron) over 96 hashed feature
// templates: the rich set of Zhang & Nivre (2011) (words, tags and labels of
// stack and buffer positions and of their leftmost/rightmost children,
// head-dependent distance, valencies, label sets) plus suffixes, wider
// context and punctuation between s0 and b0. A word's tag is its Penn tag
// combined with its UPOS. The perceptron's classes are the four moves and,
// separately, the labels of left and right arcs: moves are scored at every
// transition from weights stored inline in the hash table (one cache miss
// per feature), labels only once per arc, which keeps parsing fast.
// Training uses the dynamic oracle of Goldberg & Nivre (2012) with error
// exploration; non-projective training trees are projectivised by lifting
// (Nivre & Nilsson 2005) first.
//
// The package also reads CoNLL-U (multiword-token and empty-node lines are
// skipped) and scores parses (UAS, LAS) against gold trees.
package depparse
