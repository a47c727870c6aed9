#!/usr/bin/env python3
"""`draftdiff segment --format json` of a text → pandoc Markdown that makes the Word file a
drafter would have made of it: one Word paragraph a unit; numbered paragraphs and headings
with their numbers typed (`12. …`, `IV. …`), as drafts carry them; list items as Word
lists (bullets, or numbering that Word renders: `1.`, `a)`, `(i)`, …, starting where the
text's list starts); unnumbered headings as heading styles; footnotes as Word footnotes.
Text is escaped so Markdown reads none of it as markup.

Unlike tests/fixtures/office/to_markdown.py (which types every number, list items too, for
the reference pair's fixtures), lists here are real Word lists, so the Word reader is
measured on Word's numbering as well as on typed numbers."""
import json
import re
import sys


def esc(s):
    return "".join("\\" + c if c.isascii() and not c.isalnum() and not c.isspace() else c for c in s)


def list_marker(number):
    """A pandoc list marker for a list item's number, or None when pandoc's lists cannot
    render it (it is then typed, as a drafter would)."""
    if number is None:
        return "-"
    m = re.fullmatch(r"(\()?([0-9]+|[a-z]|[A-Z]|[ivxlc]+|[IVXLC]+)([.)])?", number)
    if not m:
        return None
    opening, body, closing = m.groups()
    if opening:
        return f"({body})" if closing == ")" else None
    return body + (closing or ".")


doc = json.load(sys.stdin)
units = doc["units"]
notes = {u["id"]: u for u in units if u["kind"] == "footnote"}
out = []
refs = {}
for u in units:
    if u["kind"] == "footnote":
        continue
    n, t = u["number"], u["text"]
    if u["kind"] == "heading" and n is None:
        line = "# " + esc(t)
    elif u["kind"] == "list_item" and list_marker(n) is not None:
        line = list_marker(n) + " " + esc(t)
    elif n is None:
        line = esc(t)
    elif u["kind"] == "list_item":
        line = esc(n) + " " + esc(t)
    else:
        line = esc(n) + "\\. " + esc(t)
    out.append(line)
    refs[u["id"]] = len(out) - 1
# A footnote's marker goes at the end of the paragraph before it (its text gives no place).
for nid, u in notes.items():
    prev = max((i for i in refs if i < nid), default=None)
    if prev is None:
        continue
    out[refs[prev]] += f"[^{u['number']}]"
    out.append(f"[^{u['number']}]: " + esc(u["text"]))
print("\n\n".join(out))
