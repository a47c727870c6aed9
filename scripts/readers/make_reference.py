#!/usr/bin/env python3
"""Writes a pandoc reference document (argv[2]) that typesets like a published report:
justified body text, automatic hyphenation, a running header and a page number in the
footer. It starts from pandoc's own default reference.docx (argv[1], written by
`pandoc --print-default-data-file reference.docx`) and changes only those four things, so
pandoc keeps every style it needs."""
import re
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:sz w:val="18"/></w:rPr>
<w:t>Draft for discussion: not for circulation</w:t></w:r></w:p></w:hdr>"""
FOOTER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
</w:p></w:ftr>"""
CT_HDR = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CT_FTR = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


def edit(name, text):
    if name == "word/styles.xml":
        # Justify the body styles: Normal carries it to every paragraph style based on it.
        text = text.replace(
            '<w:name w:val="Normal" />',
            '<w:name w:val="Normal" />\n    <w:pPr><w:jc w:val="both" /></w:pPr>',
            1,
        )
    elif name == "word/settings.xml":
        text = text.replace("<w:zoom ", '<w:autoHyphenation w:val="true" />\n  <w:zoom ', 1)
    elif name == "word/document.xml":
        sect = (
            f'<w:sectPr xmlns:r="{REL}"><w:headerReference w:type="default" r:id="rIdHdr1"/>'
            '<w:footerReference w:type="default" r:id="rIdFtr1"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
            'w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
        )
        text = re.sub(r"<w:sectPr\s*/>|<w:sectPr>.*?</w:sectPr>", sect, text, flags=re.S)
    elif name == "word/_rels/document.xml.rels":
        text = text.replace(
            "</Relationships>",
            f'<Relationship Type="{REL}/header" Id="rIdHdr1" Target="header1.xml" />'
            f'<Relationship Type="{REL}/footer" Id="rIdFtr1" Target="footer1.xml" />'
            "</Relationships>",
        )
    elif name == "[Content_Types].xml":
        text = text.replace(
            "</Types>",
            f'<Override PartName="/word/header1.xml" ContentType="{CT_HDR}" />'
            f'<Override PartName="/word/footer1.xml" ContentType="{CT_FTR}" />'
            "</Types>",
        )
    return text


def main():
    src = zipfile.ZipFile(sys.argv[1])
    with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                data = edit(info.filename, data.decode("utf-8")).encode("utf-8")
            out.writestr(info, data)
        out.writestr("word/header1.xml", HEADER)
        out.writestr("word/footer1.xml", FOOTER)


main()
