#!/usr/bin/python3
"""Prints workbooks as the accountant would (LibreOffice headless, exported to PDF) and reports, page by
page, the sheet the page belongs to and how large its text came out. Prints one JSON list; exit 0 when it
could measure, 2 when LibreOffice or poppler failed.

The sheet is read from the page's footer (aop writes the sheet's name at its left). The text size is the
most common word height on the page (the body text), in points: divided by the same height of a page
printed at 100 %, it is the print scale.

Usage: /usr/bin/python3 Tests/Tools/print_layout.py FILE.xlsx [FILE.xlsx ...]
"""
import collections
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def pages(pdf):
    text = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    for width, height, body in PAGE.findall(text):
        width, height = float(width), float(height)
        words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in WORD.findall(body)]
        # The footer: the line of the page number ("Trang 3 / 19" at the right); its left half names the
        # sheet. (A chart may reach lower than the footer, so it is found by its words, not its height.)
        slashes = [w for i, w in enumerate(words) if w[4] == "/" and w[0] > width / 2 and i + 1 < len(words)
                   and words[i + 1][4].isdigit() and i > 0 and words[i - 1][4].isdigit()]
        line = max((w[1] for w in slashes), default=max((w[1] for w in words), default=0))
        footer = [w for w in words if abs(w[1] - line) < 1]
        sheet = " ".join(w[4] for w in sorted(footer) if w[0] < width / 2)
        body_words = [w for w in words if w not in footer and w[1] > 40]
        heights = collections.Counter(round(w[3] - w[1], 2) for w in body_words)
        text_height = heights.most_common(1)[0][0] if heights else None
        yield {"sheet": sheet, "textHeight": text_height, "width": width, "height": height,
               "words": [w[4] for w in words]}


def main(paths):
    profile = tempfile.mkdtemp(prefix="aop-lo-print-")
    out = tempfile.mkdtemp(prefix="aop-pdf-")
    office = shutil.which("soffice") or "/usr/bin/soffice"
    try:
        results = []
        for path in paths:
            done = subprocess.run(
                [office, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                 "--convert-to", "pdf", "--outdir", out, path], capture_output=True, text=True, timeout=600)
            pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
            if done.returncode != 0 or not os.path.exists(pdf):
                print(json.dumps({"failed": f"{path}: {done.stdout} {done.stderr}"}))
                return 2
            results.append({"file": path, "pages": list(pages(pdf))})
            os.remove(pdf)
        print(json.dumps(results, ensure_ascii=False))
    except Exception as error:  # noqa: BLE001
        print(json.dumps({"failed": str(error)}))
        return 2
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
