#!/usr/bin/python3
"""Opens workbooks in LibreOffice (headless, through UNO), recalculates every formula, and reports each
formula cell whose recalculated value differs from the value cached in the file, and each cell that is an
error after recalculation. Prints one JSON object; exit 0 when it could check, 2 when LibreOffice failed.

Used by the tests: the workbooks aop writes must show the same numbers in a viewer that does not
recalculate (the cached values) as in one that does.

Usage: /usr/bin/python3 Tests/Tools/recalc_check.py FILE.xlsx [FILE.xlsx ...]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

FORMULA = 16  # com.sun.star.sheet.CellFlags.FORMULA


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


def cell_state(cell):
    return {"value": cell.getValue(), "string": cell.getString(), "error": cell.getError()}


def check(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    if doc is None:
        return {"file": path, "opened": False}
    cached = {}
    sheets = doc.getSheets()
    for i in range(sheets.getCount()):
        sheet = sheets.getByIndex(i)
        ranges = sheet.queryContentCells(FORMULA)
        cells = ranges.getCells().createEnumeration()
        while cells.hasMoreElements():
            cell = cells.nextElement()
            address = cell.getCellAddress()
            cached[(sheet.getName(), address.Row, address.Column)] = (cell, cell_state(cell), cell.getFormula())
    doc.calculateAll()
    mismatches, errors = [], []
    for (sheet, row, column), (cell, before, formula) in sorted(cached.items(), key=lambda k: (k[0][0], k[0][1], k[0][2])):
        after = cell_state(cell)
        where = f"{sheet}!R{row + 1}C{column + 1}"
        if after["error"] != 0:
            errors.append({"cell": where, "formula": formula, "error": after["error"]})
        elif abs(after["value"] - before["value"]) > 1e-6 * max(1.0, abs(before["value"])) or after["string"] != before["string"]:
            mismatches.append({"cell": where, "formula": formula, "cached": before, "recalculated": after})
    doc.close(True)
    return {"file": path, "opened": True, "formulas": len(cached), "mismatches": mismatches, "errors": errors}


def main(paths):
    profile = tempfile.mkdtemp(prefix="aop-lo-")
    pipe = f"aop_recalc_{os.getpid()}"
    office = shutil.which("soffice") or "/usr/bin/soffice"
    proc = subprocess.Popen(
        [office, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", f"-env:UserInstallation=file://{profile}",
         f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        smgr = ctx.ServiceManager
        # Load OOXML files without recalculating, so what is read first is the cached values.
        provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
        update = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.Office.Calc/Formula/Load"),))
        update.setPropertyValue("OOXMLRecalcMode", 1)  # never
        update.commitChanges()
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        print(json.dumps([check(desktop, p) for p in paths], ensure_ascii=False))
        try:
            desktop.terminate()
        except Exception:
            pass
    except Exception as error:  # noqa: BLE001
        print(json.dumps({"failed": str(error)}))
        return 2
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
