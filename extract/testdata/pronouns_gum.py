# Scores the rule of extract/parse.go pronounAntecedents ("he"/"she" is the
# last person named before it in its sentence, else the first person named
# in the sentence before, over at most two sentences that name no one;
# "him"/"her" as objects are the last person named before them other than
# their clause's subject, else that person before) on GUM's gold
# coreference, with GUM's gold person-name mentions and gold dependency
# trees standing in for the recogniser's and the parser's: a measure of
# the rule itself, not of the pipeline.
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
        cur.append((f[1], f[3], ent, int(f[6]) - 1, f[7]))
    if cur: sents.append(cur)
    return sents
tot, res, ok, none = ({'subj': 0, 'obj': 0} for _ in range(4))
for path in sorted(glob.glob(sys.argv[1] + '/GUM_*.conllu')):
    sents = docs(path)
    # mentions: (sent, start, end, id, type)
    ments = []
    for si, s in enumerate(sents):
        stack = []
        for ti, (form, upos, ent, _, _) in enumerate(s):
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
        if m[2] - m[1] == 1 and sents[m[0]][m[1]][0] in ('he', 'He', 'she', 'She', 'him', 'Him', 'her', 'Her'):
            pron[(m[0], m[1])] = m[3]
    prev, gap = None, 0
    for si, s in enumerate(sents):
        last = first = None
        named = []  # (first, end, id) of the persons named so far in the sentence
        events = sorted([(m[1], 'n', m[3], m[2]) for m in names if m[0] == si] + [(t, 'p', c, t + 1) for (ps, t), c in pron.items() if ps == si])
        for t, kind, cid, end in events:
            if kind == 'n':
                last = cid
                if first is None: first = cid
                named.append((t, end, cid))
                continue
            form, dep = s[t][0], s[t][4]
            if form in ('he', 'He', 'she', 'She'):
                kind = 'subj'
                a = last if last is not None else (prev if gap <= 2 else None)
                if a is not None: named.append((t, t + 1, a))
            else:
                if dep in ('nmod:poss', 'det'): continue  # possessive "her"
                kind = 'obj'
                # the clause's subject, through conjoined verbs and control
                subj, v, controlled = None, s[t][3], False
                for _ in range(4):
                    if v < 0: break
                    kids = [k for k in range(len(s)) if s[k][3] == v and k != t]
                    k = next((k for k in kids if s[k][4] in ('obj', 'iobj')), None) if controlled else None
                    if k is None: k = next((k for k in kids if s[k][4] in ('nsubj', 'nsubj:pass')), None)
                    if k is not None:
                        for (nf, ne, nid) in named:
                            if nf <= k < ne: subj = nid
                        break
                    if s[v][4] in ('conj', 'xcomp'): controlled, v = s[v][4] == 'xcomp', s[v][3]
                    else: break
                a = next((nid for (_, _, nid) in reversed(named) if nid != subj), None)
                if a is None and gap <= 2 and prev is not None and prev != subj: a = prev
            tot[kind] += 1
            if a is None:
                none[kind] += 1
                continue
            res[kind] += 1
            ok[kind] += a == cid
            if first is None: first = a
        if first is not None: prev, gap = first, 0
        else: gap += 1
for kind, what in (('subj', 'he/she'), ('obj', 'him/her (objects)')):
    print(f"{what} pronouns: {tot[kind]}; resolved: {res[kind]} ({res[kind]/tot[kind]:.1%}); right: {ok[kind]} (precision {ok[kind]/res[kind]:.3f}); left unresolved: {none[kind]}")
