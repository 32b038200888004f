package extract

// parse fills Token.Head and Token.Dep. Until the dependency parser lands
// (issue 4) tokens stay unparsed: Head -1, Dep "".
func (e *Extractor) parse(doc *Document) {}
