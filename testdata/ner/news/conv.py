#!/usr/bin/env python3
"""conv.py OUT.conll FILE...: converts inline-marked articles ([[PER:..]]) to CoNLL
(token TAB gold BIO; PLACE written as GPE, which `kgx eval ner --places`
merges into PLACE), one -DOCSTART- per article, blank line between
sentences."""
import re, sys
MARK = re.compile(r'\[\[(PER|ORG|PLACE):([^\]]+)\]\]')
TYPE = {'PER': 'PERSON', 'ORG': 'ORG', 'PLACE': 'GPE'}
ABBR = {'mr','mrs','ms','dr','gen','lt','col','maj','sgt','st','jan','feb','mar','apr','jun','jul','aug','sep','sept','oct','nov','dec','jr','sr','co','inc','ltd','corp','vs','gov','sen','rep','adm','capt','prof','rev','mt'}
TOK = re.compile(r"""['’][sS]\b|[A-Za-z]+\d+[A-Za-z\d]*|\d+(?:st|nd|rd|th)\b|\d+(?:[.,]\d+)+|(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?|\d+(?:-[^\W_]+)*|--|[^\s\w]""", re.U)

def tokens(seg):
    out = []
    for m in TOK.finditer(seg):
        t = m.group(0)
        if t.endswith('.') and len(t) > 1 and not re.fullmatch(r'(?:[A-Za-z]\.){2,}|[A-Z]\.', t):
            if t[:-1].lower() not in ABBR:
                out.extend([t[:-1], '.'])
                continue
        # possessive split: Russia's -> Russia 's
        pm = re.fullmatch(r"(.+?)(['’]s)", t)
        if pm and not t.lower().startswith(("it's", "that's", "what's")):
            out.extend([pm.group(1), pm.group(2)]); continue
        out.append(t)
    return out

def conv(path):
    text = open(path, encoding='utf-8').read()
    sents = []
    for para in [p for p in text.split('\n') if p.strip()]:
        toks = []  # (token, tag)
        pos = 0
        for m in MARK.finditer(para):
            toks += [(t, 'O') for t in tokens(para[pos:m.start()])]
            ts = tokens(m.group(2))
            toks += [(t, ('B-' if i == 0 else 'I-') + TYPE[m.group(1)]) for i, t in enumerate(ts)]
            pos = m.end()
        toks += [(t, 'O') for t in tokens(para[pos:])]
        assert '[[' not in ''.join(t for t, _ in toks) and ']]' not in ''.join(t for t,_ in toks), path
        cur = []
        for i, (t, g) in enumerate(toks):
            cur.append((t, g))
            if t in '.?!' and g == 'O':
                nxt = toks[i+1][0] if i+1 < len(toks) else ''
                if nxt == '' or nxt[0].isupper() or nxt in '"“':
                    sents.append(cur); cur = []
        if cur: sents.append(cur)
    return sents

out = open(sys.argv[1], 'w', encoding='utf-8')
for f in sys.argv[2:]:
    out.write('-DOCSTART-\tO\n\n')
    for s in conv(f):
        for t, g in s:
            out.write(f'{t}\t{g}\n')
        out.write('\n')
