#!/usr/bin/env python3
"""Plain text of Frankenstein Variorum TEI chapter files (FrankensteinVariorum/fv-data,
2023-variorum-chapters/), one paragraph or heading a line, blank line between.

Usage: fv_extract.py REV FILE... (read from a local bare clone of fv-data; set FV_REPO).
Every <p> and <head> of the body, in document order; the text of all descendants except
editorial <note> elements; whitespace runs collapsed to one space (the TEI splits the text
into collation <seg>s on indented lines), ends trimmed. Nothing else is changed.
"""
import os, sys, re, subprocess
import xml.etree.ElementTree as ET
T='{http://www.tei-c.org/ns/1.0}'
def gather(el):
    # the element's text without editorial <note> elements (their tails are kept)
    parts = [el.text or '']
    for ch in el:
        if ch.tag != T+'note':
            parts.append(gather(ch))
        parts.append(ch.tail or '')
    return ''.join(parts)
def paras(xml):
    root = ET.fromstring(xml)
    body = root.find(f'.//{T}body')
    out = []
    for el in body.iter():
        if el.tag in (T+'p', T+'head'):
            # skip p nested in p (none expected)
            txt = gather(el)
            txt = re.sub(r'\s+', ' ', txt).strip()
            if txt: out.append(txt)
    return out
rev = sys.argv[1]; files = sys.argv[2:]
res = []
for f in files:
    xml = subprocess.run(['git','-C',os.environ.get('FV_REPO', '.'),'show',f'{rev}:2023-variorum-chapters/{f}'],capture_output=True).stdout
    res += paras(xml)
sys.stdout.write('\n\n'.join(res) + '\n')
