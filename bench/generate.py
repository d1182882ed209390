#!/usr/bin/env python3
"""Generates a large, real-shaped year of exports for `make bench`, deterministically.

N sale lines over 2026, split across the built-in formats the way a busy shop's would be: KiotViet
invoice detail (CSV saved by Vietnamese Excel: `;`, 1.234.567, dd/MM/yyyy, BOM, CRLF), Shopee orders
(CSV copy) and Shopify orders (CRLF, order fields on the first line only), one folder per month, plus a
product list with costs and Meta Ads spend. It also writes the config and plan to review it with, and
the totals a correct import must give (expected.json), computed here as the rows are written.

Usage: python3 bench/generate.py --lines 1000000 --out bench/data/1m
"""
import argparse
import json
import os
import random

SKUS = [f"SP{n:04d}" for n in range(1, 401)]
PRICES = {sku: 20_000 + 1_000 * ((n * 7919) % 900) for n, sku in enumerate(SKUS)}
COSTS = {sku: PRICES[sku] * 62 // 100 for sku in SKUS}
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def vn(n):
    return f"{n:,}".replace(",", ".")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(7)
    out = a.out
    os.makedirs(out, exist_ok=True)
    expected = {"revenue": 0, "cogs": 0, "lines": 0, "by_channel": {"store": 0, "shopee": 0, "web": 0}, "marketing": 0}
    per_month = a.lines // 12
    kv_header = "Chi nhánh;Mã hóa đơn;Thời gian;Trạng thái;Mã hàng;Tên hàng;Số lượng;Đơn giá;Giảm giá;Giá bán;Thành tiền;Giảm giá hóa đơn"
    sp_header = "Mã đơn hàng,Ngày đặt hàng,Trạng Thái Đơn Hàng,SKU sản phẩm,SKU phân loại hàng,Tên sản phẩm,Giá gốc,Giá ưu đãi,Số lượng,Số lượng sản phẩm được hoàn trả,Mã giảm giá của Shop,Tổng số tiền người mua thanh toán"
    sf_header = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Notes,Cancelled at"
    order = 0
    for m in range(1, 13):
        folder = os.path.join(out, "exports", f"2026-{m:02d}")
        os.makedirs(folder, exist_ok=True)
        kv = open(os.path.join(folder, "DanhSachChiTietHoaDon.csv"), "w", encoding="utf-8-sig", newline="")
        sp = open(os.path.join(folder, "Order.all.csv"), "w", encoding="utf-8", newline="")
        sf = open(os.path.join(folder, "orders_export.csv"), "w", encoding="utf-8", newline="")
        kv.write(kv_header + "\r\n")
        sp.write(sp_header + "\n")
        sf.write(sf_header + "\r\n")
        written = 0
        while written < per_month:
            order += 1
            channel = rng.choice(("store", "store", "shopee", "web"))
            day = rng.randint(1, DAYS[m - 1])
            n = min(rng.randint(1, 3), per_month - written)
            lines = [(rng.choice(SKUS), rng.randint(1, 3)) for _ in range(n)]
            written += n
            if channel == "store":
                for sku, q in lines:
                    net = PRICES[sku] * q
                    kv.write(f"Chi nhánh trung tâm;HD{order:08d};{day:02d}/{m:02d}/2026 10:{order % 60:02d}:00;Hoàn thành;{sku};Sản phẩm {sku};{q};{vn(PRICES[sku])};0;{vn(PRICES[sku])};{vn(net)};0\r\n")
                    expected["revenue"] += net
                    expected["cogs"] += COSTS[sku] * q
                    expected["by_channel"]["store"] += net
            elif channel == "shopee":
                for sku, q in lines:
                    net = PRICES[sku] * q
                    sp.write(f"26{m:02d}{order:010d},2026-{m:02d}-{day:02d} 09:{order % 60:02d},Hoàn thành,{sku},{sku},Sản phẩm {sku},{PRICES[sku] + 5000},{PRICES[sku]},{q},0,0,{net}\n")
                    expected["revenue"] += net
                    expected["cogs"] += COSTS[sku] * q
                    expected["by_channel"]["shopee"] += net
            else:
                for i, (sku, q) in enumerate(lines):
                    net = PRICES[sku] * q
                    first = i == 0
                    sf.write(f"#{order},{'[redacted]' if first else ''},{'paid' if first else ''},{'VND' if first else ''},,,{'0.00' if first else ''},"
                             f"2026-{m:02d}-{day:02d} 20:{order % 60:02d}:00 +0700,{q},Sản phẩm {sku},{PRICES[sku]}.00,{sku},,\r\n")
                    expected["revenue"] += net
                    expected["cogs"] += COSTS[sku] * q
                    expected["by_channel"]["web"] += net
            expected["lines"] += n
        kv.close()
        sp.close()
        sf.close()
        with open(os.path.join(folder, "meta-ads.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("Reporting starts,Reporting ends,Campaign name,Amount spent (VND)\n")
            amount = 1_000_000 * m
            f.write(f"2026-{m:02d}-01,2026-{m:02d}-{DAYS[m - 1]:02d},Campaign {m},{amount}\n")
            expected["marketing"] += amount
    with open(os.path.join(out, "exports", "2026-01", "costs.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("sku,unit_cost\n")
        for sku in SKUS:
            f.write(f"{sku},{COSTS[sku]}\n")
    with open(os.path.join(out, "aop.toml"), "w", encoding="utf-8") as f:
        f.write('plan = "plan.toml"\noutput = "out"\nlanguage = "en"\ninputs = ["exports/2026-*"]\n'
                '[baseline]\nyear = 2026\ninputs = ["exports/2026-*"]\nfile = "baseline/baseline-2026.csv"\n'
                '[[channels]]\nid = "store"\nkind = "offline"\n[[channels]]\nid = "shopee"\nkind = "online"\n[[channels]]\nid = "web"\nkind = "online"\n')
    with open(os.path.join(out, "plan.toml"), "w", encoding="utf-8") as f:
        f.write('company = "Bench"\nyear = 2026\n[goals]\nrevenue_target = 1_000_000_000\nonline_share = "45%"\n'
                '[[budget]]\nid = "ads"\nkind = "marketing"\nmonthly = 10_000_000\n')
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
