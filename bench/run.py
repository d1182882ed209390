#!/usr/bin/env python3
"""`make bench`: throughput and memory of aop on large generated years, beside what users would pick
instead, measured in the same run on the same bytes.

Usage: run.py SIZES [SCALE]  (make bench: BENCH_SIZES, BENCH_REAL_SCALE)

For each flat size (bench/generate.py: KiotViet, Shopee and Shopify CSV shapes), generate the exports once
(bench/data/), then time
  - csvcount: libcsv alone parsing every CSV (the floor),
  - aop baseline, aop review, and aop review on one core (AOP_JOBS=1) (release build),
  - DuckDB and pandas doing a roll-up of revenue by month and channel.
Then the "real year" (samples/generate.py --scale SCALE: the sample shop's every shape, .xlsx included,
both years): its floor (libcsv over its CSVs plus unzip inflating its workbooks), aop baseline and
review, and bench/rollup.py's DuckDB and pandas scripts computing the same revenue, cost of goods and
marketing by month and channel; every one's figures are checked against the generator's.
Each program is a child process, so its peak memory is its own. Wall times on a shared machine are
noisy: read the ratios measured side by side, not single numbers.
"""
import glob
import json
import os
import re
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(cmd, cwd=ROOT):
    """Runs `cmd` and returns (wall s, cpu s, peak RSS MiB, exit code)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def python_rollup(engine, folder):
    """The same roll-up with DuckDB or pandas, as a child process so that its memory is its own."""
    code = {
        "duckdb": f"""
import duckdb
e = '{folder}/exports'
con = duckdb.connect()
con.execute(\"\"\"
  SELECT m, c, SUM(v) FROM (
    SELECT substr("Thời gian", 4, 7) AS m, 'store' AS c, CAST(replace("Thành tiền", '.', '') AS BIGINT) AS v
      FROM read_csv('{{e}}/*/DanhSachChiTietHoaDon.csv', delim=';', header=true, all_varchar=true)
    UNION ALL SELECT substr("Ngày đặt hàng", 1, 7), 'shopee', CAST("Giá ưu đãi" AS BIGINT) * CAST("Số lượng" AS BIGINT)
      FROM read_csv('{{e}}/*/Order.all.csv', header=true, all_varchar=true)
    UNION ALL SELECT substr("Created at", 1, 7), 'web', CAST(CAST("Lineitem price" AS DOUBLE) AS BIGINT) * CAST("Lineitem quantity" AS BIGINT)
      FROM read_csv('{{e}}/*/orders_export.csv', header=true, all_varchar=true)
  ) GROUP BY m, c ORDER BY m, c\"\"\".replace('{{e}}', e)).fetchall()
""",
        "pandas": f"""
import glob, pandas as pd
e = '{folder}/exports'
parts = []
for f in sorted(glob.glob(e + '/*/DanhSachChiTietHoaDon.csv')):
    d = pd.read_csv(f, sep=';', dtype=str, encoding='utf-8-sig')
    parts.append(pd.DataFrame({{'m': d['Thời gian'].str[3:10], 'c': 'store', 'v': d['Thành tiền'].str.replace('.', '', regex=False).astype('int64')}}))
for f in sorted(glob.glob(e + '/*/Order.all.csv')):
    d = pd.read_csv(f, dtype=str)
    parts.append(pd.DataFrame({{'m': d['Ngày đặt hàng'].str[:7], 'c': 'shopee', 'v': d['Giá ưu đãi'].astype('int64') * d['Số lượng'].astype('int64')}}))
for f in sorted(glob.glob(e + '/*/orders_export.csv')):
    d = pd.read_csv(f, dtype=str)
    parts.append(pd.DataFrame({{'m': d['Created at'].str[:7], 'c': 'web', 'v': d['Lineitem price'].astype(float).astype('int64') * d['Lineitem quantity'].astype('int64')}}))
pd.concat(parts).groupby(['m', 'c'])['v'].sum()
""",
    }[engine]
    return measure([sys.executable, "-c", code])


def table(title, results, size_mb, lines, floor_key="libcsv (floor)"):
    floor = results[floor_key][0]
    duck = results["duckdb"][0] if results.get("duckdb") else None
    print(f"\n{title}")
    print(f"{'what':<26} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'MB/s':>8} {'lines/s':>11} {'× floor':>8} {'× DuckDB':>9}  exit")
    for name, r in results.items():
        if r is None:
            print(f"{name:<26} skipped: the Python package is not installed (make bench installs it)")
            continue
        wall, cpu, rss, code = r
        print(f"{name:<26} {wall:8.2f} {cpu:8.2f} {rss:9.1f} {size_mb / wall:8.1f} {lines / wall:11,.0f} "
              f"{wall / floor:8.2f} {(wall / duck) if duck else float('nan'):9.2f}  {code}")


def combined(*runs):
    """Two programs one after the other: times add, the peak is the larger."""
    return (sum(r[0] for r in runs), sum(r[1] for r in runs), max(r[2] for r in runs), max(r[3] for r in runs))


def flat(n, aop, count):
    folder = os.path.join(ROOT, "bench/data", f"{n}")
    if not os.path.exists(os.path.join(folder, "expected.json")):
        print(f"generating {n:,} lines…", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate.py"), "--lines", str(n), "--out", folder], check=True)
    csvs = sorted(glob.glob(os.path.join(folder, "exports/*/*.csv")))
    size_mb = sum(os.path.getsize(f) for f in csvs) / 1e6
    expected = json.load(open(os.path.join(folder, "expected.json")))
    config = os.path.join(folder, "aop.toml")
    results = {"libcsv (floor)": measure([count] + csvs)}
    results["aop baseline"] = measure([aop, "baseline", "-c", config, "-q"])
    results["aop review"] = measure([aop, "review", "-c", config, "--month", "2026-12", "-q"])
    results["aop review, one core"] = measure(["env", "AOP_JOBS=1", aop, "review", "-c", config, "--month", "2026-12", "-q"])
    for engine in ("duckdb", "pandas"):
        try:
            __import__(engine)
            results[engine] = python_rollup(engine, folder)
        except ImportError:
            results[engine] = None
    table(f"{n:,} sale lines, {len(csvs)} CSV files, {size_mb:,.0f} MB", results, size_mb, expected["lines"])


def real_year(scale, aop, count):
    """The sample shop's every shape (.xlsx and CSV, vouchers, returns, overlapping exports, item lists,
    cost lists, campaigns over ranges, a cash book) at `scale` times its orders: both years, baseline and
    review, raced against DuckDB and pandas scripts doing the same roll-up (bench/rollup.py), whose
    figures are checked, like aop's, against the generator's."""
    folder = os.path.join(ROOT, "bench/data", f"real-year-{scale:g}")
    if not os.path.exists(os.path.join(folder, "expected", "figures.json")):
        print(f"generating the real year (samples × {scale:g})…", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "samples/generate.py"), "--scale", str(scale), "--out", folder],
                       check=True)
    files = sorted(f for f in glob.glob(os.path.join(folder, "exports/**/*"), recursive=True) if os.path.isfile(f))
    csvs = [f for f in files if f.endswith(".csv")]
    books = [f for f in files if f.endswith(".xlsx")]
    size_mb = sum(os.path.getsize(f) for f in files) / 1e6
    figures = json.load(open(os.path.join(folder, "expected", "figures.json")))
    truth = {}
    for key in ("baseline_2025", "current_2026"):
        for month, channels in figures[key].items():
            for channel, v in channels.items():
                truth[(month, channel)] = (v["revenue"], v["cogs"], v["marketing"])
    lines = sum(f["accepted"] for f in figures["files"].values())
    floor_csv = measure([count] + csvs)
    # The workbooks' floor: inflating their parts with unzip (no XML read at all).
    floor_xlsx = measure(["sh", "-c", " && ".join(f"unzip -p '{b}' > /dev/null" for b in books)])
    results = {"libcsv + unzip (floor)": combined(floor_csv, floor_xlsx)}
    results["aop baseline"] = measure([aop, "baseline", "-c", os.path.join(folder, "aop.toml"), "-q"])
    review_json = os.path.join(folder, "review.json")
    with open(review_json, "w") as out:
        start = time.monotonic()
        proc = subprocess.Popen([aop, "review", "-c", os.path.join(folder, "aop.toml"), "--month", "2026-10", "--json"],
                                cwd=ROOT, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        results["aop review"] = (time.monotonic() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                                 os.waitstatus_to_exitcode(status))
    results["aop baseline + review"] = combined(results["aop baseline"], results["aop review"])
    agreement = {"aop": check_aop(json.load(open(review_json)), truth)}
    for engine in ("duckdb", "pandas"):
        try:
            __import__(engine)
            out = os.path.join(folder, f"{engine}.json")
            with open(out, "w") as f:
                start = time.monotonic()
                proc = subprocess.Popen([sys.executable, os.path.join(ROOT, "bench/rollup.py"), engine, folder], stdout=f,
                                        stderr=subprocess.DEVNULL)
                _, status, usage = os.wait4(proc.pid, 0)
                results[engine] = (time.monotonic() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                                   os.waitstatus_to_exitcode(status))
            agreement[engine] = check_engine(json.load(open(out)), truth) if results[engine][3] == 0 else "failed"
        except ImportError:
            results[engine] = None
    table(f"real year: the sample shop × {scale:g}, both years, {lines:,} rows booked, {len(csvs)} CSV and "
          f"{len(books)} .xlsx files, {size_mb:,.0f} MB", results, size_mb, lines, floor_key="libcsv + unzip (floor)")
    print("figures against the generator's (revenue, cost of goods, marketing by month and channel): "
          + ", ".join(f"{k} {v}" for k, v in agreement.items()))


def check_aop(summary, truth):
    """The review's month and year to date, per channel and in total, against the generator's."""
    month = summary["month"]
    months = [m for (m, _) in truth if m[:4] == month[:4] and m <= month]
    wrong = 0
    for c in summary["channels"]:
        ch = c["id"]
        wrong += c["month"]["actual"] != truth.get((month, ch), (0, 0, 0))[0]
        wrong += c["year_to_date"]["actual"] != sum(truth.get((m, ch), (0, 0, 0))[0] for m in set(months))
        wrong += c["marketing_month"] != truth.get((month, ch), (0, 0, 0))[2]
        wrong += c["marketing_year_to_date"] != sum(truth.get((m, ch), (0, 0, 0))[2] for m in set(months))
    channels = {ch for (_, ch) in truth}
    wrong += summary["month_kpis"]["cogs"] != sum(truth.get((month, ch), (0, 0, 0))[1] for ch in channels)
    wrong += summary["year_to_date_kpis"]["cogs"] != sum(
        truth.get((m, ch), (0, 0, 0))[1] for m in set(months) for ch in channels)
    return "agree" if wrong == 0 else f"DISAGREE ({wrong} figures)"


def check_engine(result, truth):
    got = {(m, c): (v["revenue"], v["cogs"], v["marketing"]) for m, chans in result.items() for c, v in chans.items()}
    wrong = sum(got.get(k, (0, 0, 0)) != truth.get(k, (0, 0, 0)) for k in set(got) | set(truth))
    return "agree" if wrong == 0 else f"DISAGREE ({wrong} of {len(truth)} month × channel cells)"


def workbook_writing(n, aop):
    """aop writing its review workbook (the data sheet holds every line up to 300,000) beside
    libxlsxwriter alone writing the same cells (bench/xlsxwrite.c, from a dump of aop's workbook)."""
    folder = os.path.join(ROOT, "bench/data", f"{n}")
    if not os.path.exists(os.path.join(folder, "expected.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate.py"), "--lines", str(n), "--out", folder], check=True)
    config = os.path.join(folder, "aop.toml")
    subprocess.run([aop, "baseline", "-c", config, "-q"], check=True, capture_output=True)
    runs = []
    for _ in range(3):
        log = subprocess.run([aop, "review", "-c", config, "--month", "2026-12", "-q", "--log-level", "debug"],
                             capture_output=True, text=True).stderr
        found = re.search(r"review-2026-12\.xlsx: ([\d,]+) cells written in ([\d.]+) s, checked in ([\d.]+) s", log)
        runs.append((float(found.group(2)), float(found.group(3)), found.group(1)))
    try:
        import python_calamine
    except ImportError:
        print("\nworkbook writing: skipped (python-calamine is not installed; make bench installs it)")
        return
    dump = os.path.join(folder, "cells.tsv")
    book = python_calamine.CalamineWorkbook.from_path(os.path.join(folder, "out", "review-2026-12.xlsx"))
    cells = 0
    with open(dump, "w") as out:
        for s, name in enumerate(book.sheet_names):
            for r, row in enumerate(book.get_sheet_by_name(name).to_python(skip_empty_area=False)):
                for c, v in enumerate(row):
                    if v == "" or v is None:
                        continue
                    cells += 1
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        out.write(f"{s}\t{r}\t{c}\tn\t{v}\n")
                    else:
                        text = str(v).replace("\t", " ").replace("\n", "\x01")
                        out.write(f"{s}\t{r}\t{c}\ts\t{text}\n")
    bare = []
    for _ in range(3):
        bare.append(float(subprocess.run([os.path.join(ROOT, ".build/bench-xlsxwrite"), dump, "/tmp/aop-bench-bare.xlsx"],
                                         capture_output=True, text=True, check=True).stdout))
    write, check, shown = min(runs)
    floor = min(bare)
    print(f"\nworkbook writing ({n:,} lines: the review's data sheet holds them all; {shown} cells, {cells:,} not empty), "
          f"best of 3:\n  libxlsxwriter alone (constant memory) {floor:.2f} s; aop {write:.2f} s ({write / floor:.2f}×), "
          f"then its check of the finished file {check:.2f} s")


def main():
    sizes = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1000000,10000000").split(",") if s]
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 60
    aop = os.path.join(ROOT, ".build/release/aop")
    count = os.path.join(ROOT, ".build/bench-csvcount")
    for n in sizes:
        flat(n, aop, count)
    if scale > 0:
        real_year(scale, aop, count)
    # Before the workbook's dump makes this process large: a child's peak memory counts what it forked from.
    review_small = measure([aop, "review", "-c", os.path.join(ROOT, "samples/aop.toml"), "--month", "2026-10", "-q", "--output", "/tmp/aop-bench-out"])
    print(f"\nsample shop (BabyCare House) review: {review_small[0]:.2f} s wall, {review_small[1]:.2f} s cpu, "
          f"{review_small[2]:.1f} MiB peak, exit {review_small[3]} (65: its one bad row)")
    workbook_writing(250_000, aop)


if __name__ == "__main__":
    main()
