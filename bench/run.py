#!/usr/bin/env python3
"""`make bench`: throughput and memory of aop on large generated years, beside what users would pick
instead, measured in the same run on the same bytes.

For each size: generate the exports (once; bench/data/), then time
  - csvcount: libcsv alone parsing every CSV (the floor),
  - aop baseline and aop review (release build),
  - DuckDB and pandas doing the same roll-up (revenue by month and channel), when importable,
and print wall time, CPU time, peak memory, MB/s, lines/s and the ratios. Wall times on a shared
machine are noisy: read ratios, not single numbers.
"""
import glob
import json
import os
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


def main():
    sizes = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1000000,10000000").split(",")]
    aop = os.path.join(ROOT, ".build/release/aop")
    count = os.path.join(ROOT, ".build/bench-csvcount")
    rows = []
    for n in sizes:
        folder = os.path.join(ROOT, "bench/data", f"{n}")
        if not os.path.exists(os.path.join(folder, "expected.json")):
            print(f"generating {n:,} lines…", flush=True)
            subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate.py"), "--lines", str(n), "--out", folder], check=True)
        csvs = sorted(glob.glob(os.path.join(folder, "exports/*/*.csv")))
        size_mb = sum(os.path.getsize(f) for f in csvs) / 1e6
        expected = json.load(open(os.path.join(folder, "expected.json")))
        results = {"libcsv (floor)": measure([count] + csvs)}
        results["aop baseline"] = measure([aop, "baseline", "-c", os.path.join(folder, "aop.toml"), "-q"])
        results["aop review"] = measure([aop, "review", "-c", os.path.join(folder, "aop.toml"), "--month", "2026-12", "-q"])
        for engine in ("duckdb", "pandas"):
            try:
                __import__(engine)
                results[engine] = python_rollup(engine, folder)
            except ImportError:
                results[engine] = None
        floor = results["libcsv (floor)"][0]
        duck = results["duckdb"][0] if results["duckdb"] else None
        print(f"\n{n:,} sale lines, {len(csvs)} CSV files, {size_mb:,.0f} MB")
        print(f"{'what':<16} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'MB/s':>8} {'lines/s':>11} {'× floor':>8} {'× DuckDB':>9}  exit")
        for name, r in results.items():
            if r is None:
                print(f"{name:<16} skipped: the Python package `{name}` is not installed (pip install {name})")
                continue
            wall, cpu, rss, code = r
            print(f"{name:<16} {wall:8.2f} {cpu:8.2f} {rss:9.1f} {size_mb / wall:8.1f} {expected['lines'] / wall:11,.0f} "
                  f"{wall / floor:8.2f} {(wall / duck) if duck else float('nan'):9.2f}  {code}")
        rows.append((n, results))
    review_small = measure([aop, "review", "-c", os.path.join(ROOT, "samples/aop.toml"), "--month", "2026-10", "-q", "--output", "/tmp/aop-bench-out"])
    print(f"\nsample shop (BabyCare House) review: {review_small[0]:.2f} s wall, {review_small[2]:.1f} MiB peak, exit {review_small[3]} (65: its one bad row)")


if __name__ == "__main__":
    main()
