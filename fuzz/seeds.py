#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/seed-*.

Run from anywhere: python3 fuzz/seeds.py. The seeds are excerpts of the repository's real
documents and hand-made hostile text; the files are small (a few KB) so the whole corpus
stays well under 1 MB. Inputs the fuzzer finds later are kept beside them (hash-named).
The header of the two-text targets is described in fuzz/src/lib.rs.
"""
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
EXCERPT = 3000


def excerpt(path, start_line=0, size=EXCERPT):
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines(keepends=True)
    out = "".join(lines[start_line:])
    b = out.encode()[:size]
    return b.decode("utf-8", errors="ignore")


# (name, old, new): real documents first, then hostile text.
PAIRS = []
for case in sorted((ROOT / "tests/fixtures/cases").iterdir()):
    PAIRS.append((
        f"case-{case.name}",
        (case / "old.txt").read_text(encoding="utf-8"),
        (case / "new.txt").read_text(encoding="utf-8"),
    ))
PAIRS += [
    ("report-intro", excerpt("examples/data/final-report.txt"),
     excerpt("examples/data/outline-draft.txt")),
    # A PDF page boundary: page-break lines, a footnote body, the next page.
    ("report-page-break", excerpt("examples/data/final-report.txt", 690),
     excerpt("examples/data/final-report.txt", 694)),
    ("report-broken-words", excerpt("examples/data/final-report.txt", 28),
     excerpt("examples/data/final-report.txt", 355)),
    ("darwin", excerpt("tests/fixtures/darwin/1859.txt", 0, 2000),
     excerpt("tests/fixtures/darwin/1872.txt", 0, 2000)),
]

HOSTILE = {
    "nbsp-broken-word": "1.\u00a0The organi-\nzation of the\u00a0capa-\ncity-building work.\n\n"
                        "2.\u00a0An organization\u00a0self-\nevident.\n",
    "u2028-broken-word": "The article\u2028organi-\nzation of work.\u2029Next para-\ngraph here.\n",
    "long-non-ascii-tail": "The organi-\na" + "é" * 200 + " and more.\n\nThe organi-\nα"
                           + "ⴰ" * 120 + "\n",
    "long-words": "x" * 1500 + "-\n" + "y" * 300 + "\n\n" + "ж" * 700 + "\n",
    "cjk": "第一章 総則\n\n1. 委員会は二回会合した。人権と基本的自由を尊重する。\n\n"
           "2. 報告書を採択した。\n(a) 第一項;\n(b) 第二項。\n",
    "rtl": "١. اللجنة اجتمعت مرتين في السنة.\n\n٢. واعتمدت التقرير النهائي.\n\n"
           "1. שלום עולם, הוועדה התכנסה.\n\u202eevil text\u202c and \u2067isolate\u2069\n",
    "controls": "1. a\x01b\x7f c\u0085d \u009b31m text\x1b[31mred\x1b[0m\x1b]0;title\x07 end\n\n"
                "2. \x08back\x0bvt \x1b[2J\x1b[Hcleared\n",
    "bom-mid-file": "\ufeffTitle\n\n\ufeff1. First para\ufeffgraph.\n\n2. Second.\ufeff\n",
    "box-art": "┌──────────┬─────┐\n│ Scope    │  1  │\n├──────────┼─────┤\n│ Budget   │ 2.5 │\n"
               "└──────────┴─────┘\n\n1. Text under the table.\n",
    "page-furniture": "1. A paragraph of text that goes on\n\nand on to the end of the line.\n\n"
                      "  \n\n\x0c\n\n 1 A footnote text.\n\n2 Another footnote.\n\n- 12 -\n\n"
                      "Page 3 of 10\n\nhttps://x.org/a.pdf\nnext page text continues here.\n",
    "hyphenation": "The capacity-\nbuilding of the organi-\nzation, self-\nevident exam-\nple;\n"
                   "Secretary-\nGeneral; COVID-\n19; soft\u00adhy\u00ad\nphen; well-known-\nword.\n",
    "combining-emoji": "e\u0301\u0301\u0301 cafe\u0301 👩\u200d👩\u200d👧 \u200b\u200c\u200d"
                       "🇫🇷 \U0001d518\U0001d52b\U0001d526 \U00010348 ❤\ufe0f\n",
    "layout": "IV. Heading\n(a) item;\n(b) item;\ni. sub\nii. sub\n12.3 text\n# Markdown\n"
              "- bullet\n• bullet\n1.\n2.\n(a)\nIV.\n\t3.\tTabbed\n",
    "line-ends": "1. CRLF line\r\n2. lone CR\r3. LF\n\r\n\r\n4. end",
    "empty-lines": "\n\n\n \n\t\n\x0c\x0c\n",
    "unicode-spaces": "1.\u2003em\u2009thin\u202fnarrow\u3000ideographic\u00a0nbsp\u1680ogham\n"
                      "\u2028\u2029\u0085\n2. next\n",
}

HEADERS = [
    bytes([0, 0, 0, 5, 0, 0]),   # auto layouts, nothing ignored, width 80, plain
    bytes([1, 1, 31, 3, 0, 2]),  # pdf layouts, everything ignored, width 40, colour
    bytes([2, 3, 4, 0, 15, 2]),  # blocks/lines, width 0, every --only, colour
    bytes([3, 2, 1, 1, 0, 1]),   # width 1, --stat
]


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / f"seed-{name}").write_bytes(data)


def main():
    pairs = list(PAIRS)
    keys = list(HOSTILE)
    for i, k in enumerate(keys):
        # Each hostile text against a plain revision of itself and against another one.
        other = HOSTILE[keys[(i + 1) % len(keys)]]
        pairs.append((k, HOSTILE[k], HOSTILE[k].replace("1.", "2.", 1) + " Added."))
        pairs.append((f"{k}-x", HOSTILE[k], other))
    two_text = ["align", "diff", "render_terminal", "render_side_by_side", "render_json",
                "render_markdown", "render_html", "render_docx", "render_lineage"]
    for n, (name, old, new) in enumerate(pairs):
        body = old.encode() + b"\0" + new.encode()
        for t, target in enumerate(two_text):
            write(target, name, HEADERS[(n + t) % len(HEADERS)] + body)
    texts = {name: old for name, old, _ in PAIRS} | HOSTILE
    for n, (name, text) in enumerate(texts.items()):
        write("segment", name, bytes([n % 4]) + text.encode())
        write("decode", name, text.encode())
    decode_only = {
        "utf8-bom": b"\xef\xbb\xbf1. Text\r\n",
        "utf16le-bom": b"\xff\xfe" + "1. Caf\u00e9 \u4eba\u6a29\r\n2. \U0001f600\n".encode("utf-16-le"),
        "utf16be-bom": b"\xfe\xff" + "1. Caf\u00e9 \u4eba\u6a29\r\n".encode("utf-16-be"),
        "utf16le-no-bom": "1. Text without a mark\n".encode("utf-16-le"),
        "utf16-odd-length": b"\xff\xfe" + "ab".encode("utf-16-le") + b"c",
        "utf16-lone-surrogate": b"\xff\xfe\x00\xd8a\x00",
        "windows-1252": b"\x93quoted\x94 \x96 dash caf\xe9 \x80 \x81\x8d\x8f\x90\x9d\r\n",
        "invalid-utf8": b"ok \xc3\x28 \xe2\x82 \xf0\x9f\x98 \xff\xfe end",
        "nul-binary": b"text\x00more",
        "controls": b"a\x01b\x1b[31m\x0c\x0b\x7f",
        "bom-then-bom": b"\xef\xbb\xbf\xef\xbb\xbfx\xff\xfe",
        "cr-only": b"one\rtwo\r\rthree\r",
    }
    for name, data in decode_only.items():
        write("decode", name, data)
    log_lines = {
        "plain": "3f2a9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b\x1f3f2a9c1\x1fTighten the scope\n"
                 "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0\x1fa1b2c3d\x1fAdd annex\n",
        "two-fields": "abc\x1fab\n\n\x1f\x1f\n\x1f\n",
        "unit-sep-in-subject": "abc\x1fab\x1fsubject\x1fwith\x1fseparators\n",
        "unicode-subject": "abc\x1fab\x1f\u00c9tat: \u4eba\u6a29 \u202eRTL\u202c \x1b[31m\r\n",
        "no-separator": "just a line\nanother\n",
        "crlf": "abc\x1fab\x1fone\r\ndef\x1fde\x1ftwo\r\n",
    }
    for name, text in log_lines.items():
        write("git_log", name, text.encode())


if __name__ == "__main__":
    main()
