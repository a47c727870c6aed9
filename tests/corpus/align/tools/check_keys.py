#!/usr/bin/env python3
"""Checks the gold of corpus pairs and lists a file's units (no draftdiff involved).

  check_keys.py units FILE        list units: line number, kind, first 90 characters
  check_keys.py check PAIR_DIR... validate gold.json, meta.json of each pair
                                  (directories without gold.json are skipped, so
                                  `check tests/corpus/align/*/` works)

A unit starts on a non-blank line that follows a blank line (or the file start) or that
is a Markdown heading, or that follows a heading line. List items (`1.`, `a)`, `-`) are
reported as items: gold keys should name paragraphs and headings, not items.
"""
import json, re, sys, os

ITEM = re.compile(r'^\s*(\d{1,3}\.|[a-z]{1,2}\)|\([a-z]{1,2}\)|[-*+•])(\s|$)')

def units(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []
    prev_blank, prev_heading = True, False
    for i, line in enumerate(lines, 1):
        blank = not line.strip()
        if not blank and (prev_blank or prev_heading or line.startswith('#')):
            kind = 'heading' if line.startswith('#') else ('item' if ITEM.match(line) else 'para')
            out.append((i, kind, line))
        # setext underline ("----" / "====") belongs to the heading above it
        prev_heading = line.startswith('#') or bool(re.match(r'^(-{3,}|={3,})\s*$', line))
        prev_blank = blank
    return out

def check(pair):
    errs = []
    gold = json.load(open(os.path.join(pair, 'gold.json'), encoding='utf-8'))
    meta = json.load(open(os.path.join(pair, 'meta.json'), encoding='utf-8'))
    for k in ('split', 'kind', 'language', 'heavy'):
        if k not in meta:
            errs.append(f'meta.json lacks {k}')
    if meta.get('split') not in ('dev', 'test'):
        errs.append('split must be dev or test')
    starts = {}
    for side in ('old', 'new'):
        starts[side] = {i: kind for i, kind, _ in units(os.path.join(pair, gold[side]))}
    seen = set()
    for name in ('sure', 'possible'):
        for link in gold[name]:
            t = tuple(link)
            if t in seen:
                errs.append(f'duplicate link {t}')
            seen.add(t)
            for side, key in zip(('old', 'new'), link):
                if not re.fullmatch(r'L\d+', key):
                    errs.append(f'{name} {t}: key {key} is not LN')
                    continue
                n = int(key[1:])
                kind = starts[side].get(n)
                if kind is None:
                    errs.append(f'{name} {t}: {side} {key} does not start a unit')
                elif kind == 'item':
                    # Not an error: the scorer folds a gold key exactly as it folds a
                    # predicted link (an item counts as its list's paragraph, or not at
                    # all), and this script's idea of an item is a guess from the line's
                    # start (`1. #### Title` in Markdown is a heading in a list item).
                    print(f'  note: {name} {t}: {side} {key} looks like a list item')
    sure = {tuple(l) for l in gold['sure']}
    poss = {tuple(l) for l in gold['possible']}
    if sure & poss:
        errs.append(f'sure ∩ possible: {sorted(sure & poss)}')
    # every paragraph/heading of either side is linked or knowingly left out
    linked = {'old': {l[0] for l in sure | poss}, 'new': {l[1] for l in sure | poss}}
    counts = {}
    for side in ('old', 'new'):
        keyed = [n for n, k in starts[side].items() if k != 'item']
        counts[side] = len(keyed)
        unlinked = [f'L{n}' for n in keyed if f'L{n}' not in linked[side]]
        if unlinked:
            print(f'  {pair}: {side} units without link (added/removed?): {" ".join(unlinked)}')
    print(f'{pair}: old {counts["old"]} units, new {counts["new"]} units, '
          f'sure {len(sure)}, possible {len(poss)}, {"OK" if not errs else "ERRORS"}')
    for e in errs:
        print('  ' + e)
    return not errs

if __name__ == '__main__':
    if sys.argv[1] == 'units':
        for n, kind, line in units(sys.argv[2]):
            print(f'L{n:<5} {kind:7} {line[:90]}')
    else:
        pairs = [p for p in sys.argv[2:] if os.path.exists(os.path.join(p, 'gold.json'))]
        ok = all([check(p) for p in pairs])
        sys.exit(0 if ok else 1)
