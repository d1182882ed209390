#!/usr/bin/env python3
"""The review's roll-up from a shop's raw exports, as a user would script it instead of running aop:
revenue, cost of goods and marketing by month and channel, with DuckDB or with pandas.

`make bench` races it against aop on the "real year" (samples/generate.py --scale): the sample shop's
every shape at a real shop's size — KiotViet invoices as CSV and .xlsx, Shopee .xlsx and CSV, Shopify
exports that overlap, WooCommerce item lists, a product list, purchases and a dated cost list, Meta
campaigns over ranges of days and a cash book. It follows aop's rules (docs/profiles.md): cancelled
orders out; an order's voucher or discount spread over its lines (largest remainder); returned parts
and return documents negative; a row that an earlier file already had counted once; costs by SKU on
the day (the latest dated cost on or before it, else the latest undated one), item lists by product
name; marketing spread over the days it covers; a row aop rejects (an amount that is not a number)
left out. Each year is rolled up from its own files, as `aop baseline` and `aop review` do.

Usage: rollup.py duckdb|pandas SHOP_FOLDER  →  JSON {"YYYY-MM": {channel: {revenue, cogs, marketing}}}
Reading .xlsx: both engines go through python-calamine, else openpyxl (DuckDB's excel extension is not
on PyPI).
"""
import datetime
import fnmatch
import glob
import json
import os
import re
import sys
import unicodedata
import warnings

import openpyxl

warnings.filterwarnings("ignore", module="openpyxl")  # "no default style": the exports' workbooks are plain

MARKETING_CATEGORIES = ["Phiếu chi Quảng cáo", "Phiếu chi Marketing", "Phiếu chi Chi phí quảng cáo",
                        "Phiếu chi In ấn quảng cáo"]
CAMPAIGN_CHANNELS = [("flash sale*", "shopee")]


def year_files(shop, year):
    pattern = f"{shop}/exports/{year}/**/*" if year == 2025 else f"{shop}/exports/{year}-*/*"
    return sorted(f for f in glob.glob(pattern, recursive=True) if os.path.isfile(f))


def kind_of(path):
    name = os.path.basename(path)
    for prefix, kind in [("DanhSachChiTietHoaDon", "kiotviet"), ("DanhSachSanPham", "products"),
                         ("DanhSachChiTietNhapHang", "purchases"), ("Order.all", "shopee"),
                         ("orders_export", "shopify"), ("wc-orders-report", "woocommerce"), ("SoQuy", "cashbook"),
                         ("gia-nhap", "costs"), ("BabyCare-House-Campaigns", "meta"), ("bao-cao-quang-cao", "meta-vi")]:
        if name.startswith(prefix):
            return kind
    return None


def xlsx_rows(path):
    """A workbook's first sheet as text rows (dates as `yyyy-MM-dd HH:mm:ss`, numbers as written), read
    with python-calamine (Rust; the fastest reader on PyPI) when installed, else openpyxl."""
    try:
        import python_calamine
        book = python_calamine.CalamineWorkbook.from_path(path)
        values = book.get_sheet_by_index(0).to_python()
    except ImportError:
        wb = openpyxl.load_workbook(path, read_only=True)
        values = list(wb[wb.sheetnames[0]].iter_rows(values_only=True))
        wb.close()
    out = []
    for row in values:
        cells = []
        for v in row:
            if v is None:
                cells.append("")
            elif isinstance(v, datetime.datetime):
                cells.append(v.strftime("%Y-%m-%d %H:%M:%S"))
            elif isinstance(v, datetime.date):
                cells.append(v.strftime("%Y-%m-%d"))
            elif isinstance(v, float) and v.is_integer():
                cells.append(str(int(v)))
            else:
                cells.append(str(v))
        out.append(cells)
    width = len(out[0])
    return unique([header_name(h) for h in out[0]]), [r[:width] + [""] * (width - len(r)) for r in out[1:]]


def header_name(text):
    """A header as aop compares it: NFC (some exports write Vietnamese decomposed), single spaces."""
    return unicodedata.normalize("NFC", " ".join(str(text).replace("\ufeff", "").split()))


def csv_header(path, sep):
    """A CSV file's header row, as `header_name`s (for DuckDB, which keeps names as written)."""
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        return unique([header_name(h) for h in next(csv.reader(f, delimiter=sep))])


def unique(names):
    """Of two equal column names the first keeps it (as in aop); the other gets a suffix (DuckDB's names
    ignore case, so they are compared so)."""
    seen, out = set(), []
    for n in names:
        m, k = n, 2
        while m.lower() in seen:
            m, k = f"{n} ({k})", k + 1
        seen.add(m.lower())
        out.append(m)
    return out


def name_key(name):
    return " ".join(str(name).split()).lower()


# ----------------------------------------------------------------------------------------------- pandas
def with_pandas(shop):
    import numpy as np
    import pandas as pd

    def read_csv(path, sep=","):
        d = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        d.columns = [header_name(c) for c in d.columns]
        return d

    def read(path, sep=","):
        if path.endswith(".xlsx"):
            header, rows = xlsx_rows(path)
            return pd.DataFrame(rows, columns=header)
        return read_csv(path, sep)

    VN = re.compile(r"^-?\d{1,3}(\.\d{3})*$|^-?\d+$")

    def vn_number(s):
        """Vietnamese grouping (1.234.567) or a plain integer; NaN when neither (a row aop rejects)."""
        s = s.str.strip()
        ok = s.str.match(VN)
        return pd.to_numeric(s.where(ok).str.replace(".", "", regex=False), errors="coerce")

    def day_vn(s):  # dd/MM/yyyy … or, from a workbook, yyyy-MM-dd …
        s = s.str.strip()
        iso = s.str.match(r"^\d{4}-")
        return pd.to_datetime(s.where(~iso, None).str[:10], format="%d/%m/%Y").fillna(
            pd.to_datetime(s.where(iso, None).str[:10], format="%Y-%m-%d"))

    def first_occurrences(frames, keys):
        """Rows of files in order, each identity's n-th row in a file counted once across files."""
        parts = []
        for i, f in enumerate(frames):
            f = f.copy()
            f["_file"] = i
            f["_occ"] = f.groupby(keys, sort=False).cumcount()
            parts.append(f)
        if not parts:
            return None
        all_rows = pd.concat(parts, ignore_index=True)
        return all_rows.drop_duplicates(subset=keys + ["_occ"], keep="first")

    def fill_order_level(df, order, column):
        """An order-level value: the order's first non-empty one stands for its empty cells."""
        v = df[column].where(df[column] != "")
        return v.fillna(v.groupby(df[order]).transform("first")).fillna("")

    def allocate(df, order, weights, amount):
        """Spreads each order's `amount` over its lines by weight, largest remainder, earlier lines first."""
        w = df[weights].abs().astype("int64")
        total = w.groupby(df[order]).transform("sum")
        even = total == 0
        w = w.where(~even, 1)
        total = total.where(~even, df.groupby(order)[weights].transform("size"))
        a = df[amount].abs().astype("int64")
        floor = a * w // total
        rem = a * w % total
        left = a - floor.groupby(df[order]).transform("sum")
        pos = pd.Series(np.arange(len(df)), index=df.index)
        rank = pd.DataFrame({"o": df[order], "r": -rem, "p": pos}).sort_values(["o", "r", "p"]).groupby("o").cumcount()
        return floor + (rank.reindex(df.index) < left).astype("int64")

    def cost_book(files):
        rows = []
        for seq, path in enumerate(files):
            k = kind_of(path)
            if k == "products":
                d = read_csv(path, ";")
                d = d[d["Mã ĐVT Cơ bản"].str.strip() == ""]
                rows.append(pd.DataFrame({"sku": d["Mã hàng"], "name": d["Tên hàng"], "since": pd.NaT,
                                          "cost": vn_number(d["Giá vốn"]), "seq": seq}))
            elif k == "purchases":
                d = read_csv(path, ";")
                d = d[~d["Trạng thái"].isin(["Đã hủy", "Phiếu tạm"])]
                rows.append(pd.DataFrame({"sku": d["Mã hàng"], "name": d["Tên hàng"], "since": day_vn(d["Thời gian"]),
                                          "cost": vn_number(d["Giá nhập"]), "seq": seq}))
            elif k == "costs":
                d = read_csv(path)
                rows.append(pd.DataFrame({"sku": d["sku"], "name": d["product_name"],
                                          "since": pd.to_datetime(d["effective_from"].where(d["effective_from"] != ""),
                                                                  format="%Y-%m-%d"),
                                          "cost": pd.to_numeric(d["unit_cost"]), "seq": seq}))
        c = pd.concat(rows, ignore_index=True).dropna(subset=["cost"])
        c["order"] = np.arange(len(c))
        return c

    def costs_on(book, wanted):
        """Unit cost of each (sku, day) of `wanted`: the latest dated cost on or before the day, else the
        latest undated one; NaN when none."""
        dated = book.dropna(subset=["since"]).sort_values(["since", "order"])
        dated = dated.assign(since=dated["since"].astype("datetime64[ns]"))
        w = wanted[["sku", "day"]].copy()
        w["day"] = w["day"].astype("datetime64[ns]")
        w["_i"] = np.arange(len(w))
        hit = pd.merge_asof(w.sort_values("day"), dated[["sku", "since", "cost"]].rename(columns={"since": "day"}),
                            on="day", by="sku", direction="backward").set_index("_i").sort_index()["cost"]
        undated = book[book["since"].isna()].sort_values("order").drop_duplicates("sku", keep="last").set_index("sku")["cost"]
        return hit.fillna(w["sku"].map(undated).reset_index(drop=True)).to_numpy()

    def roll(year):
        files = year_files(shop, year)
        book = cost_book(files)
        skus_by_name = book[book["name"].fillna("") != ""].assign(k=lambda d: d["name"].map(name_key))
        skus_by_name = skus_by_name.drop_duplicates(["k", "sku"]).groupby("k")["sku"].agg(list)
        lines = []   # month, channel, revenue, sku, day, quantity (for cost of goods)
        by_kind = {}
        for path in files:
            by_kind.setdefault(kind_of(path), []).append(path)

        # KiotViet invoice detail
        frames = []
        for path in by_kind.get("kiotviet", []):
            d = read(path, ";")
            frames.append(pd.DataFrame({"order": d["Mã hóa đơn"], "sku": d["Mã hàng"], "status": d["Trạng thái"],
                                        "day": day_vn(d["Thời gian"]), "qty": vn_number(d["Số lượng"]),
                                        "net": vn_number(d["Thành tiền"]), "disc": d["Giảm giá hóa đơn"]}))
        kv = first_occurrences(frames, ["order", "sku"])
        if kv is not None:
            kv = kv.dropna(subset=["net", "qty"])
            kv = kv[kv["status"] != "Đã hủy"].reset_index(drop=True)
            kv["disc"] = vn_number(fill_order_level(kv, "order", "disc")).fillna(0).abs()
            kv["share"] = allocate(kv, "order", "net", "disc")
            ret = kv["order"].str.startswith("TH")
            kv["revenue"] = np.where(ret, -(kv["net"] - kv["share"]).abs(), kv["net"] - kv["share"])
            kv["units"] = np.where(ret, -kv["qty"].abs(), kv["qty"])
            lines.append(kv.assign(channel="store")[["channel", "day", "sku", "units", "revenue"]])

        # Shopee orders
        frames = []
        for path in by_kind.get("shopee", []):
            d = read(path)
            sku = d["SKU phân loại hàng"].where(d["SKU phân loại hàng"].str.strip() != "", d["SKU sản phẩm"])
            frames.append(pd.DataFrame({"order": d["Mã đơn hàng"], "sku": sku, "status": d["Trạng Thái Đơn Hàng"],
                                        "day": pd.to_datetime(d["Ngày đặt hàng"].str[:10], format="%Y-%m-%d"),
                                        "qty": pd.to_numeric(d["Số lượng"]), "price": pd.to_numeric(d["Giá ưu đãi"]),
                                        "returned": pd.to_numeric(d["Số lượng sản phẩm được hoàn trả"].replace("", "0")),
                                        "voucher": d["Mã giảm giá của Shop"]}))
        sp = first_occurrences(frames, ["order", "sku"])
        if sp is not None:
            sp["status"] = fill_order_level(sp, "order", "status")
            sp = sp[~sp["status"].str.startswith("Đã hủy")].reset_index(drop=True)
            sp["voucher"] = pd.to_numeric(fill_order_level(sp, "order", "voucher").replace("", "0")).abs()
            sp["value"] = sp["price"] * sp["qty"]
            sp["net"] = sp["value"] - allocate(sp, "order", "value", "voucher")
            lines.append(sp.assign(channel="shopee", units=sp["qty"], revenue=sp["net"])[
                ["channel", "day", "sku", "units", "revenue"]])
            r = sp[sp["returned"] > 0]
            part = np.sign(r["net"]) * ((r["net"].abs() * r["returned"] * 2 + r["qty"]) // (2 * r["qty"]))
            lines.append(pd.DataFrame({"channel": "shopee", "day": r["day"], "sku": r["sku"], "units": -r["returned"],
                                       "revenue": -part}))

        # Shopify orders
        frames = []
        for path in by_kind.get("shopify", []):
            d = read_csv(path)
            frames.append(pd.DataFrame({"order": d["Name"], "sku": d["Lineitem sku"], "status": d["Financial Status"],
                                        "day": pd.to_datetime(d["Created at"].str[:10], format="%Y-%m-%d"),
                                        "qty": pd.to_numeric(d["Lineitem quantity"]),
                                        "price": pd.to_numeric(d["Lineitem price"]).round().astype("int64"),
                                        "disc": d["Discount Amount"]}))
        sh = first_occurrences(frames, ["order", "sku"])
        if sh is not None:
            sh["status"] = fill_order_level(sh, "order", "status")
            sh = sh[sh["status"] != "voided"].reset_index(drop=True)
            sh["disc"] = pd.to_numeric(fill_order_level(sh, "order", "disc").replace("", "0")).round().abs()
            sh["value"] = sh["price"] * sh["qty"]
            sh["net"] = sh["value"] - allocate(sh, "order", "value", "disc")
            kept = sh[sh["status"] != "refunded"]  # a refunded order is sold and returned whole: nothing
            lines.append(kept.assign(channel="web", units=kept["qty"], revenue=kept["net"])[
                ["channel", "day", "sku", "units", "revenue"]])

        # WooCommerce orders: items costed by name
        frames = []
        for path in by_kind.get("woocommerce", []):
            d = read_csv(path)
            frames.append(pd.DataFrame({"order": d["Order #"], "date": d["Date"], "status": d["Status"],
                                        "day": pd.to_datetime(d["Date"].str[:10], format="%Y-%m-%d"),
                                        "items": d["Product(s)"], "qty": pd.to_numeric(d["Items sold"]),
                                        "net": pd.to_numeric(d["Net sales"].str.replace(",", "", regex=False))}))
        wc = first_occurrences(frames, ["order", "date"])
        if wc is not None:
            wc = wc[~wc["status"].isin(["cancelled", "failed"])].reset_index(drop=True)
            items = wc["items"].str.split(", ").explode()
            parts = items.str.extract(r"^(\d+)× (.*)$")
            it = pd.DataFrame({"row": items.index, "units": pd.to_numeric(parts[0]), "name": parts[1].map(name_key)})
            it["day"] = wc.loc[it["row"], "day"].to_numpy()
            it["sku"] = it["name"].map(lambda k: skus_by_name.get(k, [None])[0])
            it["cost"] = costs_on(book, it.fillna({"sku": ""}))
            it["cogs"] = it["cost"] * it["units"]
            it["costed"] = it["cost"].notna()
            per_row = it.groupby("row").agg(units=("units", "sum"), cogs=("cogs", "sum"), costed=("costed", "all"))
            wc["cogs"] = np.where(per_row["costed"] & (per_row["units"] == wc["qty"].abs()),
                                  np.sign(wc["qty"]) * per_row["cogs"], np.nan)
            wc_lines = wc.assign(channel="web", month=wc["day"].dt.strftime("%Y-%m"))
        else:
            wc_lines = None

        sales = pd.concat(lines, ignore_index=True)
        sales["cogs"] = costs_on(book, sales) * sales["units"]
        sales["month"] = sales["day"].dt.strftime("%Y-%m")
        out = sales.groupby(["month", "channel"]).agg(revenue=("revenue", "sum"), cogs=("cogs", "sum"))
        if wc_lines is not None:
            w = wc_lines.groupby(["month", "channel"]).agg(revenue=("net", "sum"), cogs=("cogs", "sum"))
            out = out.add(w, fill_value=0)

        # Marketing: Meta campaigns (English and Vietnamese reports) and the cash book's marketing payments
        spend = []
        for path in by_kind.get("meta", []) + by_kind.get("meta-vi", []):
            d = read_csv(path)
            vi = kind_of(path) == "meta-vi"
            label = d["Tên chiến dịch" if vi else "Campaign name"]
            amount = d["Số tiền đã chi tiêu (VND)" if vi else "Amount spent (VND)"]
            keep = ~label.str.startswith(("Total", "Tổng"))
            spend.append(pd.DataFrame({
                "first": pd.to_datetime(d["Bắt đầu báo cáo" if vi else "Reporting starts"], format="%Y-%m-%d"),
                "last": pd.to_datetime(d["Kết thúc báo cáo" if vi else "Reporting ends"], format="%Y-%m-%d"),
                "label": label, "amount": pd.to_numeric(amount.str.replace(",", "", regex=False)),
                "channel": "web"})[keep])
        for path in by_kind.get("cashbook", []):
            d = read(path)
            cat = d["Loại thu chi"].map(lambda s: " ".join(s.split()))
            amount = pd.to_numeric(d["Giá trị"])
            keep = (d["Trạng thái"] != "Đã hủy") & (amount < 0) & cat.map(
                lambda c: any(c.startswith(m) for m in MARKETING_CATEGORIES))
            day = day_vn(d["Thời gian"])
            spend.append(pd.DataFrame({"first": day, "last": day, "label": d["Ghi chú"], "amount": -amount,
                                       "channel": "store"})[keep])
        sp = pd.concat(spend, ignore_index=True).drop_duplicates()
        for pattern, channel in CAMPAIGN_CHANNELS:
            sp.loc[sp["label"].str.lower().map(lambda l: fnmatch.fnmatchcase(l, pattern)), "channel"] = channel
        sp["days"] = (sp["last"] - sp["first"]).dt.days + 1
        sp = sp.loc[sp.index.repeat(sp["days"])]
        sp["i"] = sp.groupby(level=0).cumcount()
        sp["part"] = sp["amount"] // sp["days"] + (sp["i"] < sp["amount"] % sp["days"])
        sp["month"] = (sp["first"] + pd.to_timedelta(sp["i"], unit="D")).dt.strftime("%Y-%m")
        out = out.join(sp.groupby(["month", "channel"])["part"].sum().rename("marketing"), how="outer").fillna(0)
        return {(m, c): (int(r.revenue), int(r.cogs), int(r.marketing)) for (m, c), r in out.iterrows()}

    result = {}
    for year in (2025, 2026):
        result.update(roll(year))
    return result


# ----------------------------------------------------------------------------------------------- DuckDB
COLUMNS_READ = {
    "kiotviet": ["Mã hóa đơn", "Mã hàng", "Thời gian", "Số lượng", "Thành tiền", "Giảm giá hóa đơn", "Trạng thái"],
    "products": ["Mã hàng", "Tên hàng", "Giá vốn", "Mã ĐVT Cơ bản"],
    "purchases": ["Mã hàng", "Tên hàng", "Thời gian", "Giá nhập", "Trạng thái"],
    "shopee": ["Mã đơn hàng", "SKU phân loại hàng", "SKU sản phẩm", "Ngày đặt hàng", "Số lượng", "Giá ưu đãi",
               "Số lượng sản phẩm được hoàn trả", "Mã giảm giá của Shop", "Trạng Thái Đơn Hàng"],
    "shopify": ["Name", "Lineitem sku", "Created at", "Lineitem quantity", "Lineitem price", "Discount Amount",
                "Financial Status"],
    "woocommerce": ["Date", "Order #", "Status", "Product(s)", "Items sold", "Net sales"],
    "cashbook": ["Thời gian", "Giá trị", "Loại thu chi", "Ghi chú", "Trạng thái"],
    "costs": ["sku", "unit_cost", "effective_from", "product_name"],
    "meta": ["Reporting starts", "Reporting ends", "Campaign name", "Amount spent (VND)"],
    "meta_vi": ["Bắt đầu báo cáo", "Kết thúc báo cáo", "Tên chiến dịch", "Số tiền đã chi tiêu (VND)"],
}

def with_duckdb(shop):
    import duckdb

    con = duckdb.connect()

    def table(name, files, sep=",", xlsx_ok=False):
        """One table of a source's files in order, every field text, with the file's index and row order."""
        parts = []
        for i, path in enumerate(files):
            if path.endswith(".xlsx"):
                header, rows = xlsx_rows(path)
                import pandas as pd  # only to hand openpyxl's rows to DuckDB
                frame = pd.DataFrame(rows, columns=header)
                view = f"x_{name}_{i}"
                con.register(view, frame)
                parts.append(f"SELECT {i} AS _file, row_number() OVER () AS _row, * FROM {view}")
            else:
                names = ", ".join("'" + h.replace("'", "''") + "'" for h in csv_header(path, sep))
                parts.append(f"SELECT {i} AS _file, row_number() OVER () AS _row, * FROM read_csv('{path}', "
                             f"delim='{sep}', header=true, all_varchar=true, quote='\"', escape='\"', names=[{names}])")
        if not parts:  # no such file this year: an empty table with the columns the roll-up reads
            parts = ["SELECT NULL::INTEGER AS _file, NULL::BIGINT AS _row, "
                     + ", ".join(f'NULL::VARCHAR AS "{c}"' for c in COLUMNS_READ[name]) + " WHERE false"]
        con.execute(f"CREATE OR REPLACE TABLE {name} AS " + " UNION ALL BY NAME ".join(parts))

    def roll(year):
        files = year_files(shop, year)
        by_kind = {}
        for path in files:
            by_kind.setdefault(kind_of(path), []).append(path)
        for kind, sep in [("kiotviet", ";"), ("products", ";"), ("purchases", ";"), ("shopee", ","), ("shopify", ","),
                          ("woocommerce", ","), ("cashbook", ","), ("costs", ","), ("meta", ","), ("meta_vi", ",")]:
            table(kind, by_kind.get(kind.replace("_", "-"), []), sep)
        q = lambda sql: con.execute(sql)
        q(r"""CREATE OR REPLACE MACRO vn(s) AS CASE WHEN regexp_full_match(trim(s), '-?\d{1,3}(\.\d{3})*|-?\d+')
                                               THEN CAST(replace(trim(s), '.', '') AS BIGINT) END""")
        q(r"""CREATE OR REPLACE MACRO vn_day(s) AS CASE WHEN s LIKE '____-%' THEN CAST(substr(s, 1, 10) AS DATE)
                                                   ELSE strptime(substr(s, 1, 10), '%d/%m/%Y')::DATE END""")
        q("CREATE OR REPLACE MACRO key(s) AS lower(regexp_replace(trim(s), '\\s+', ' ', 'g'))")
        q("""CREATE OR REPLACE TABLE costs_all AS
             SELECT row_number() OVER (ORDER BY f, r) AS seq, * FROM (
               SELECT _file AS f, _row AS r, "Mã hàng" AS sku, "Tên hàng" AS name, NULL::DATE AS since, vn("Giá vốn") AS cost,
                      0 AS src FROM products WHERE coalesce("Mã ĐVT Cơ bản", '') = ''
               UNION ALL SELECT _file, _row, "Mã hàng", "Tên hàng", vn_day("Thời gian"), vn("Giá nhập"), 1 FROM purchases
                      WHERE "Trạng thái" NOT IN ('Đã hủy', 'Phiếu tạm')
               UNION ALL SELECT _file, _row, sku, product_name, TRY_CAST(effective_from AS DATE), CAST(unit_cost AS BIGINT), 2
                      FROM costs)
             WHERE cost IS NOT NULL""")
        # Files of several kinds are read in one order: number the cost rows by the files' global order.
        order = {path: n for n, path in enumerate(files)}
        mapping = " ".join(f"WHEN src = {s} AND f = {i} THEN {order[p]}" for s, kind in enumerate(["products", "purchases", "costs"])
                           for i, p in enumerate(by_kind.get(kind, [])))
        q(f"CREATE OR REPLACE TABLE cost_book AS SELECT *, CASE {mapping or 'WHEN false THEN 0'} END * 1000000 + r AS o FROM costs_all")
        # A row an earlier file had: each identity's n-th row in a file counted once across files.
        for t, keys in [("kiotviet", '"Mã hóa đơn", "Mã hàng"'),
                        ("shopee", '"Mã đơn hàng", coalesce(nullif(trim("SKU phân loại hàng"), \'\'), "SKU sản phẩm")'),
                        ("shopify", '"Name", "Lineitem sku"'), ("woocommerce", '"Order #", "Date"')]:
            q(f"""CREATE OR REPLACE TABLE {t} AS SELECT * EXCLUDE (_occ) FROM (
                    SELECT *, row_number() OVER (PARTITION BY _file, {keys} ORDER BY _row) AS _occ FROM {t})
                  QUALIFY row_number() OVER (PARTITION BY {keys}, _occ ORDER BY _file, _row) = 1""")
        q("""CREATE OR REPLACE TABLE sales AS
          WITH kv AS (
            SELECT *, CASE WHEN disc0 IS NULL THEN first_value(disc0 IGNORE NULLS) OVER (PARTITION BY o ORDER BY _file, _row)
                      ELSE disc0 END AS disc FROM (
              SELECT _file, _row, "Mã hóa đơn" AS o, "Mã hàng" AS sku, vn_day("Thời gian") AS day, vn("Số lượng") AS qty,
                     vn("Thành tiền") AS net, abs(vn(nullif("Giảm giá hóa đơn", ''))) AS disc0, "Trạng thái" AS status
              FROM kiotviet)
            WHERE status <> 'Đã hủy' AND net IS NOT NULL AND qty IS NOT NULL),
          sp AS (
            SELECT *, coalesce(first_value(voucher0 IGNORE NULLS) OVER w, 0) AS voucher,
                      coalesce(status0, first_value(status0 IGNORE NULLS) OVER w) AS status FROM (
              SELECT _file, _row, "Mã đơn hàng" AS o, coalesce(nullif(trim("SKU phân loại hàng"), ''), "SKU sản phẩm") AS sku,
                     CAST(substr("Ngày đặt hàng", 1, 10) AS DATE) AS day, CAST("Số lượng" AS BIGINT) AS qty,
                     CAST("Giá ưu đãi" AS BIGINT) AS price, coalesce(TRY_CAST(nullif("Số lượng sản phẩm được hoàn trả", '') AS BIGINT), 0) AS returned,
                     abs(TRY_CAST(nullif("Mã giảm giá của Shop", '') AS BIGINT)) AS voucher0, nullif("Trạng Thái Đơn Hàng", '') AS status0
              FROM shopee)
            WINDOW w AS (PARTITION BY o ORDER BY _file, _row ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
          sh AS (
            SELECT *, coalesce(first_value(disc0 IGNORE NULLS) OVER w, 0) AS disc,
                      coalesce(status0, first_value(status0 IGNORE NULLS) OVER w) AS status FROM (
              SELECT _file, _row, "Name" AS o, "Lineitem sku" AS sku, CAST(substr("Created at", 1, 10) AS DATE) AS day,
                     CAST("Lineitem quantity" AS BIGINT) AS qty, CAST(round(CAST("Lineitem price" AS DECIMAL(18, 2))) AS BIGINT) AS price,
                     abs(CAST(round(TRY_CAST(nullif("Discount Amount", '') AS DECIMAL(18, 2))) AS BIGINT)) AS disc0,
                     nullif("Financial Status", '') AS status0
              FROM shopify)
            WINDOW w AS (PARTITION BY o ORDER BY _file, _row ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
          -- an order's discount spread over its lines by value, largest remainder, earlier lines first
          lines AS (
            SELECT 'store' AS channel, _file, _row, o, sku, day, qty, net AS value, disc AS amount, 0 AS returned,
                   o LIKE 'TH%' AS is_return FROM kv
            UNION ALL SELECT 'shopee', _file, _row, o, sku, day, qty, price * qty, voucher, returned, false FROM sp WHERE NOT starts_with(status, 'Đã hủy')
            UNION ALL SELECT 'web', _file, _row, o, sku, day, qty, price * qty, disc, 0, false FROM sh WHERE status NOT IN ('voided', 'refunded')),
          shares AS (
            SELECT *, fl + CASE WHEN row_number() OVER (PARTITION BY channel, o ORDER BY rem DESC, _file, _row)
                                     <= amount - sum(fl) OVER (PARTITION BY channel, o) THEN 1 ELSE 0 END AS share FROM (
              SELECT *, abs(amount) * wt // tot AS fl, abs(amount) * wt % tot AS rem FROM (
                SELECT *, CASE WHEN sum(abs(value)) OVER (PARTITION BY channel, o) = 0 THEN 1 ELSE abs(value) END AS wt,
                          CASE WHEN sum(abs(value)) OVER (PARTITION BY channel, o) = 0 THEN count(*) OVER (PARTITION BY channel, o)
                               ELSE sum(abs(value)) OVER (PARTITION BY channel, o) END AS tot FROM lines)))
          SELECT channel, day, sku, CASE WHEN is_return THEN -abs(qty) ELSE qty END AS units,
                 CASE WHEN is_return THEN -abs(value - share) ELSE value - share END AS revenue FROM shares
          UNION ALL
          SELECT channel, day, sku, -returned,
                 -sign(value - share) * ((abs(value - share) * returned * 2 + qty) // (2 * qty)) FROM shares WHERE returned > 0""")
        q("""CREATE OR REPLACE TABLE wc AS
             SELECT row_number() OVER () AS id, * FROM (
               SELECT CAST(substr("Date", 1, 10) AS DATE) AS day, "Product(s)" AS items, CAST("Items sold" AS BIGINT) AS qty,
                      CAST(replace("Net sales", ',', '') AS BIGINT) AS net FROM woocommerce
               WHERE "Status" NOT IN ('cancelled', 'failed'))""")
        q("""CREATE OR REPLACE TABLE wanted AS
             SELECT 's' AS k, row_number() OVER () AS id, day, sku, units FROM sales
             UNION ALL
             SELECT 'w', wc.id, wc.day,
                    (SELECT min(sku) FROM cost_book c WHERE key(c.name) = key(regexp_replace(t.item, '^[0-9]+× ', ''))),
                    CAST(regexp_extract(t.item, '^([0-9]+)× ', 1) AS BIGINT)
             FROM wc, unnest(string_split(wc.items, ', ')) AS t(item)""")
        q("""CREATE OR REPLACE TABLE priced AS
             SELECT w.*, (SELECT arg_max(c.cost, (c.since IS NOT NULL, coalesce(c.since, DATE '0001-01-01'), c.o)) FROM cost_book c
                          WHERE c.sku = w.sku AND (c.since IS NULL OR c.since <= w.day)) AS cost FROM wanted w""")
        rows = q("""
          WITH s AS (SELECT row_number() OVER () AS id, * FROM sales),
          r AS (
            SELECT strftime(s.day, '%Y-%m') AS month, s.channel, sum(s.revenue) AS revenue, sum(p.cost * p.units) AS cogs
            FROM s JOIN priced p ON p.k = 's' AND p.id = s.id GROUP BY ALL
            UNION ALL
            SELECT strftime(wc.day, '%Y-%m'), 'web', sum(wc.net),
                   sum(CASE WHEN c.costed AND c.units = abs(wc.qty) THEN sign(wc.qty) * c.cogs END)
            FROM wc JOIN (SELECT id, bool_and(cost IS NOT NULL) AS costed, sum(units) AS units, sum(cost * units) AS cogs
                          FROM priced WHERE k = 'w' GROUP BY id) c USING (id) GROUP BY ALL),
          spend AS (
            SELECT CAST("Reporting starts" AS DATE) AS first_day, CAST("Reporting ends" AS DATE) AS last_day, "Campaign name" AS label,
                   CAST(replace("Amount spent (VND)", ',', '') AS BIGINT) AS amount, 'web' AS channel FROM meta
            WHERE NOT (starts_with("Reporting starts", 'Total') OR starts_with("Reporting starts", 'Tổng'))
            UNION SELECT CAST("Bắt đầu báo cáo" AS DATE), CAST("Kết thúc báo cáo" AS DATE), "Tên chiến dịch",
                   CAST(replace("Số tiền đã chi tiêu (VND)", ',', '') AS BIGINT), 'web' FROM meta_vi
            WHERE NOT (starts_with("Tên chiến dịch", 'Total') OR starts_with("Tên chiến dịch", 'Tổng'))
            UNION SELECT vn_day("Thời gian"), vn_day("Thời gian"), "Ghi chú", -TRY_CAST("Giá trị" AS BIGINT), 'store' FROM cashbook
            WHERE "Trạng thái" <> 'Đã hủy' AND TRY_CAST("Giá trị" AS BIGINT) < 0
              AND (""" + " OR ".join(f"starts_with(key(\"Loại thu chi\"), key('{m}'))" for m in MARKETING_CATEGORIES) + """)),
          m AS (
            SELECT strftime(first_day + CAST(i AS INTEGER), '%Y-%m') AS month,
                   CASE WHEN lower(label) LIKE 'flash sale%' THEN 'shopee' ELSE channel END AS channel,
                   sum(amount // days + CASE WHEN i < amount % days THEN 1 ELSE 0 END) AS marketing
            FROM (SELECT *, datediff('day', first_day, last_day) + 1 AS days FROM spend), range(days) AS t(i) GROUP BY ALL)
          SELECT month, channel, sum(revenue), sum(cogs), coalesce(any_value(m.marketing), 0)
          FROM r FULL JOIN m USING (month, channel) GROUP BY ALL ORDER BY ALL""").fetchall()
        return {(m, c): (int(rev or 0), int(cogs or 0), int(mk or 0)) for m, c, rev, cogs, mk in rows}

    result = {}
    for year in (2025, 2026):
        result.update(roll(year))
    return result


def main():
    engine, shop = sys.argv[1], os.path.abspath(sys.argv[2])
    figures = with_duckdb(shop) if engine == "duckdb" else with_pandas(shop)
    out = {}
    for (month, channel), (revenue, cogs, marketing) in sorted(figures.items()):
        out.setdefault(month, {})[channel] = {"revenue": revenue, "cogs": cogs, "marketing": marketing}
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
