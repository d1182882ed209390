#!/usr/bin/python3
"""Writes an .xlsx whose shared strings part inflates to far more than the file: about 80 bytes per
string, `count` strings (3,650,000 make 300 MB from a 10 MB file, within the zip-bomb ratio check), while
its one sheet (a generic cost list: `sku`, `unit_cost`, ten rows) uses only a few of them.

Used by the tests of reading such a workbook in bounded memory.

Usage: /usr/bin/python3 Tests/Tools/shared_strings_bomb.py OUT.xlsx [COUNT]
"""
import sys
import zipfile

path = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 3_650_000
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', f'<?xml version="1.0"?><workbook {ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as f:
        f.write(f'<?xml version="1.0"?><sst {ns}><si><t>sku</t></si><si><t>unit_cost</t></si>'.encode())
        for start in range(0, count, 100_000):
            f.write(b''.join(b'<si><t>San pham mau so %07d - hang tieu dung cho me va be, loai thuong</t></si>' % i
                             for i in range(start, min(count, start + 100_000))))
        f.write(b'</sst>')
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>']
    for r in range(2, 12):
        rows.append(f'<row r="{r}"><c r="A{r}" t="s"><v>{r * 1000}</v></c><c r="B{r}"><v>{r * 100}</v></c></row>')
    z.writestr('xl/worksheets/sheet1.xml', f'<?xml version="1.0"?><worksheet {ns}><sheetData>' + ''.join(rows) + '</sheetData></worksheet>')
