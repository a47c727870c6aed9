#!/usr/bin/env python3
"""Drafts a candidate segmentation of a corpus document, for a person to correct.

Usage: draft.py DIR            prints DIR/doc.* with line numbers and the draft marks
       draft.py DIR --json     writes DIR/draft.txt: one "LINE KIND" a unit, "LINE furniture"

The draft is deliberately naive (a unit after every blank line; a few shapes for
kinds; RFC-style running headers and footers as furniture). It is NOT the expected
segmentation: every unit of every expected.json was decided by reading the document,
and most drafts needed many corrections. The script never runs draftdiff.
"""
import glob
import re
import sys

FOOTER = re.compile(r"^\S.*\s{3,}\S.*\s{3,}\[Page \d+\]$")  # Berners-Lee, et al.  Standards Track  [Page 6]
HEADER = re.compile(r"^RFC \d+\s{3,}.*\s{3,}\S")  # RFC 3986   URI Generic Syntax   January 2005
BULLET = re.compile(r"^\s*([-*+o•]\s|\(?[0-9a-zA-Z]{1,3}[.)°]\s|\[\d+\]\s)")


def words(line):
    return any(c.isalnum() for c in line)


def kind_of(block):
    first = block[0].strip()
    if first.startswith("#") or (len(block) > 1 and re.fullmatch(r"[=\-~^]{3,}", block[1].strip())):
        return "heading"
    if BULLET.match(block[0]):
        return "list_item"
    if len(block) == 1 and len(first) < 70 and not first.endswith((".", ",", ";", ":")):
        return "heading"
    return "paragraph"


def draft(path):
    lines = open(path, encoding="utf-8-sig", newline="").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [l.rstrip("\r") for l in lines]
    marks = {}
    block = []
    start = None
    for no, line in enumerate(lines + [""], 1):
        if FOOTER.match(line.strip()) or HEADER.match(line.strip()):
            marks[no] = "furniture"
            continue
        if not line.strip() or line.strip() == "\f":
            if block:
                marks[start] = kind_of(block)
            block, start = [], None
            continue
        if start is None:
            if not words(line):
                continue
            start = no
        block.append(line)
    return lines, marks


def main():
    d = sys.argv[1]
    path = [p for p in glob.glob(d + "/doc.*")][0]
    lines, marks = draft(path)
    if "--json" in sys.argv[2:]:
        with open(d + "/draft.txt", "w") as out:
            for no in sorted(marks):
                out.write(f"{no} {marks[no]}\n")
        return
    letter = {"heading": "H", "paragraph": "P", "list_item": "L", "footnote": "F", "furniture": "X"}
    for no, line in enumerate(lines, 1):
        print(f"{no:4} {letter.get(marks.get(no), ' ')}|{line}")


if __name__ == "__main__":
    main()
