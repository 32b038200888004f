// Package depparse is kgx's dependency parser: a sentence's words and
// part-of-speech tags go in, a head index and a Universal Dependencies
// relation label for every word come out, always forming a single tree.
//
// It is a greedy, labelled arc-eager transition parser (Nivre 2003) scored
// by an averaged perceptron (package perceptron) over hashed features in the
// style of Zhang & Nivre (2011): words, tags and labels of stack and buffer
// positions and their leftmost/rightmost children, head-dependent distance,
// valencies and label sets. Training uses the dynamic oracle of Goldberg &
// Nivre (2012) with error exploration; non-projective training trees are
// projectivised by lifting (Nivre & Nilsson 2005) first.
//
// The package also reads CoNLL-U (multiword-token and empty-node lines are
// skipped) and scores parses (UAS, LAS) against gold trees.
package depparse
