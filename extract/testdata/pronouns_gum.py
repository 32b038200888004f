# Scores the rule of extract/parse.go pronounAntecedents ("he"/"she" is the
# last person named before it in its sentence, else the first person named
# in the sentence before, over at most two sentences that name no one) on
# GUM's gold coreference, with GUM's gold person-name mentions standing in
# for the recogniser's: a measure of the rule itself, not of the pipeline.
#
#   python3 extract/testdata/pronouns_gum.py ../shared/data/ner/gum
#
# It re-implements the rule (keep it in step with parse.go).
import glob, re, sys
def docs(path):
    sents, cur = [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line:
            if cur: sents.append(cur); cur = []
            continue
        if line.startswith('#'): continue
        f = line.split('\t')
        if '-' in f[0] or '.' in f[0]: continue
        ent = ''
        for m in f[9].split('|'):
            if m.startswith('Entity='): ent = m[7:]
        cur.append((f[1], f[3], ent))
    if cur: sents.append(cur)
    return sents
tot = res = ok = none = 0
for path in sorted(glob.glob(sys.argv[1] + '/GUM_*.conllu')):
    sents = docs(path)
    # mentions: (sent, start, end, id, type)
    ments = []
    for si, s in enumerate(sents):
        stack = []
        for ti, (form, upos, ent) in enumerate(s):
            i = 0
            while i < len(ent):
                if ent[i] == '(':
                    j = i + 1
                    while j < len(ent) and ent[j] not in '()':
                        j += 1
                    parts = ent[i+1:j].split('-')
                    cid, typ = parts[0], parts[1] if len(parts) > 1 else ''
                    if j < len(ent) and ent[j] == ')':
                        ments.append((si, ti, ti + 1, cid, typ)); i = j + 1
                    else:
                        stack.append((cid, typ, ti)); i = j
                else:
                    j = i
                    while j < len(ent) and ent[j] != ')':
                        j += 1
                    cid = ent[i:j]
                    for k in range(len(stack) - 1, -1, -1):
                        if stack[k][0] == cid:
                            _, typ, st = stack.pop(k)
                            ments.append((si, st, ti + 1, cid, typ))
                            break
                    i = j + 1
    names = [m for m in ments if m[4] == 'person' and any(sents[m[0]][t][1] == 'PROPN' for t in range(m[1], m[2]))]
    pron = {}
    for m in ments:
        if m[2] - m[1] == 1 and sents[m[0]][m[1]][0] in ('he', 'He', 'she', 'She'):
            pron[(m[0], m[1])] = m[3]
    prev, gap = None, 0
    for si, s in enumerate(sents):
        last = first = None
        events = sorted([(m[1], 'n', m[3]) for m in names if m[0] == si] + [(t, 'p', c) for (ps, t), c in pron.items() if ps == si])
        for t, kind, cid in events:
            if kind == 'n':
                last = cid
                if first is None: first = cid
                continue
            tot += 1
            a = last if last is not None else (prev if gap <= 2 else None)
            if a is None:
                none += 1
                continue
            res += 1
            ok += a == cid
            if first is None: first = a
        if first is not None: prev, gap = first, 0
        else: gap += 1
print(f"he/she pronouns: {tot}; resolved: {res} ({res/tot:.1%}); right: {ok} (precision {ok/res:.3f}); left unresolved: {none}")
