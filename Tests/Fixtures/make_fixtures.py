#!/usr/bin/env python3
"""Writes the awkward sample exports the profile golden tests read (Tests/Fixtures/profiles/<profile>/).

Hand-made, real-shaped (headers as ../shared/formats records them), small, and each with the mess its
platform is known for. The .expected files beside them are recorded by the tests (RECORD_GOLDENS=1) and
read by a person before they are committed. Run from the repository root; the output is committed.
"""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "samples"))
from generate import write_xlsx, SHOPEE_HEADER, KV_HEADER, SHOPIFY_HEADER  # noqa: E402
from datetime import datetime  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "profiles")


def put(path, data):
    path = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def csv(rows, sep=",", eol="\n"):
    def field(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in sep + '"\r\n') else v
    return eol.join(sep.join(field(v) for v in r) for r in rows) + eol


BOM = b"\xef\xbb\xbf"

# --- KiotViet invoice detail: CSV saved by Vietnamese Excel (BOM, ;, CRLF, 1.234.567, dd/MM/yyyy),
# an invoice discount written negative, a cancelled invoice, a return document, a mistyped amount,
# and a ragged row.
kv = lambda code, when, status, sku, name, q, price, disc, sell, amount, inv_disc, total: [
    "Chi nhánh trung tâm", code, when, when, "", "Khách lẻ", "", "Nguyễn Thị Lan", "Bán trực tiếp", total, inv_disc, total, total,
    total, "0", status, sku, name, "Cái", "", q, price, "0", disc, sell, amount]
rows = [KV_HEADER,
        kv("HD000101", "05/03/2026 09:15:02", "Hoàn thành", "SUA-01", "Sữa bột 800g", "2", "485.000", "0", "485.000", "970.000", "-20.000", "1.270.000"),
        kv("HD000101", "05/03/2026 09:15:02", "Hoàn thành", "TA-02", "Tã quần L", "1", "310.000", "10.000", "300.000", "300.000", "-20.000", "1.270.000"),
        kv("HD000102", "05/03/2026 10:00:00", "Đã hủy", "TA-02", "Tã quần L", "1", "310.000", "0", "310.000", "310.000", "0", "310.000"),
        kv("TH000007", "20/03/2026 16:40:00", "Hoàn thành", "TA-02", "Tã quần L", "1", "300.000", "0", "300.000", "300.000", "0", "300.000"),
        kv("HD000103", "21/03/2026 11:20:05", "Hoàn thành", "YEM-01", "Yếm ăn", "1", "125.000", "0", "125.000", "1.250.00", "0", "125.000"),
        kv("HD000105", "21/03/2026 15:00:00", "Hoàn thành", "YEM-01", "Yếm ăn", "1", "125.000", "0", "125.000", "125.000", "0", "125.000")[:8]
        + ["Shopee"] + kv("HD000105", "", "", "YEM-01", "Yếm ăn", "1", "125.000", "0", "125.000", "125.000", "0", "125.000")[9:15]
        + ["Hoàn thành"] + kv("HD000105", "", "", "YEM-01", "Yếm ăn", "1", "125.000", "0", "125.000", "125.000", "0", "125.000")[16:],
        ["Chi nhánh trung tâm", "HD000104", "22/03/2026 08:00:00"]]
put("kiotviet-invoice-detail/DanhSachChiTietHoaDon_vn-excel.csv", BOM + csv(rows, ";", "\r\n").encode())
# KiotViet's own .xlsx: Excel date cells, number cells.
typed = [[datetime(2026, 3, 5, 9, 15, 2) if i in (2, 3) else (int(v.replace(".", "")) if i in (9, 10, 11, 12, 13, 14, 20, 21, 23, 24, 25) else v)
          for i, v in enumerate(r)] for r in rows[1:3]]
write_xlsx(os.path.join(ROOT, "kiotviet-invoice-detail/DanhSachChiTietHoaDon_KV05032026.xlsx"), "Sheet1", KV_HEADER, typed,
           dates=(2, 3), numbers=(9, 10, 11, 12, 13, 14, 20, 21, 23, 24, 25))

# --- KiotViet product list: group paths, an alternate unit, a product without a cost.
header = ["Loại hàng", "Nhóm hàng(3 Cấp)", "Mã hàng", "Mã vạch", "Tên hàng", "Thương hiệu", "Giá bán", "Giá vốn", "Tồn kho", "ĐVT",
          "Mã ĐVT Cơ bản", "Quy đổi", "Thuộc tính", "Đang kinh doanh"]
rows = [header,
        ["Hàng hóa", "Sữa & dinh dưỡng>>Sữa bột", "SUA-01", "8931234567890", "Sữa bột 800g", "Meiji", "545.000", "410.000", "12", "Hộp", "", "1", "", "1"],
        ["Hàng hóa", "Sữa & dinh dưỡng>>Sữa bột", "SUA-01-T6", "", "Sữa bột 800g (thùng 6)", "Meiji", "3.270.000", "2.460.000", "0", "Thùng", "SUA-01", "6", "", "1"],
        ["Hàng hóa", "Tã & bỉm", "TA-02", "", "Tã quần L", "Bobby", "329.000", "236.000", "-3", "Gói", "", "1", "SIZE:L|LOẠI:quần", "1"],
        ["Dịch vụ", "Dịch vụ", "GOI-QUA", "", "Gói quà", "", "20.000", "", "0", "Lần", "", "1", "", "1"]]
put("kiotviet-products/DanhSachSanPham_KV02012026.csv", BOM + csv(rows, ";", "\r\n").encode())

# --- KiotViet purchase detail: dated costs; a draft (Phiếu tạm) and a cancelled purchase are skipped.
header = ["Mã nhập hàng", "Thời gian", "Mã nhà cung cấp", "Tên nhà cung cấp", "Tổng tiền hàng", "Giảm giá phiếu nhập", "Cần trả NCC",
          "Trạng thái", "Mã hàng", "Tên hàng", "ĐVT", "Số lượng", "Đơn giá", "Giảm giá", "Giá nhập", "Thành tiền"]
rows = [header,
        ["PN000031", "01/07/2026 09:30:00", "NCC0002", "Công ty Phân phối Sữa Á Châu", "4.764.000", "0", "4.764.000", "Đã nhập hàng", "SUA-01", "Sữa bột 800g", "Hộp", "12", "400.000", "3.000", "397.000", "4.764.000"],
        ["PN000032", "03/07/2026 14:00:00", "NCC0005", "Bobby VN", "2.420.000", "0", "2.420.000", "Phiếu tạm", "TA-02", "Tã quần L", "Gói", "10", "242.000", "0", "242.000", "2.420.000"],
        ["PN000033", "04/07/2026 08:10:00", "NCC0005", "Bobby VN", "2.400.000", "0", "2.400.000", "Đã hủy", "TA-02", "Tã quần L", "Gói", "10", "240.000", "0", "240.000", "2.400.000"]]
put("kiotviet-purchase-detail/DanhSachChiTietNhapHang.csv", BOM + csv(rows, ";", "\r\n").encode())

# --- KiotViet cash book (.xlsx): signed values, a cancelled voucher, non-marketing rows, trailing blank rows.
header = ["Mã phiếu", "Thời gian", "Thời gian tạo", "Người tạo", "Loại thu chi", "Tên tài khoản", "Người nộp/nhận", "Giá trị", "Ghi chú", "Loại sổ quỹ", "Trạng thái"]
rows = [["PC000041", datetime(2026, 10, 2, 10, 0), datetime(2026, 10, 2, 10, 0), "Lan", "Phiếu chi Quảng cáo", "TK Chi", "Facebook", -5000000, "Nạp tiền quảng cáo Facebook", "Ngân hàng", "Đã thanh toán"],
        ["PC000042", datetime(2026, 10, 3, 9, 0), datetime(2026, 10, 3, 9, 0), "Lan", "Phiếu chi Tiền điện", "TK Chi", "EVN", -1850000, "Tiền điện tháng 9", "Tiền mặt", "Đã thanh toán"],
        ["PC000043", datetime(2026, 10, 5, 9, 0), datetime(2026, 10, 5, 9, 0), "Lan", "Phiếu chi Quảng cáo", "TK Chi", "Zalo", -700000, "In tờ rơi", "Tiền mặt", "Đã hủy"],
        ["PT000118", datetime(2026, 10, 5, 18, 0), datetime(2026, 10, 5, 18, 0), "Lan", "Phiếu thu Tiền khách trả", "TK Thu", "Khách lẻ", 1250000, "", "Tiền mặt", "Đã thanh toán"],
        ["PC000044", datetime(2026, 10, 20, 15, 0), datetime(2026, 10, 20, 15, 0), "Lan", "Phiếu chi Marketing", "TK Chi", "KOL Mẹ Bỉm", -3000000, "Review sản phẩm", "Ngân hàng", "Đã thanh toán"],
        [""] * 11, [""] * 11]
write_xlsx(os.path.join(ROOT, "kiotviet-cash-book/SoQuy_KV01112026.xlsx"), "Sheet1", header, rows, dates=(1, 2), numbers=(7,))

# --- Shopee order export (.xlsx): sheet `orders`, NFD headers, both Người/người totals, a status
# sentence, a cancelled order, a returned unit, an empty variation SKU, a voucher over two lines.
def shopee(sn, when, status, reason, sku, var_sku, name, price, qty, returned, voucher, total_order):
    row = {h: "" for h in SHOPEE_HEADER}
    row.update({"Mã đơn hàng": sn, "Ngày đặt hàng": when, "Trạng Thái Đơn Hàng": status, "Lý do hủy": reason, "SKU sản phẩm": sku,
                "SKU phân loại hàng": var_sku, "Tên sản phẩm": name, "Giá gốc": price + 20000, "Giá ưu đãi": price, "Số lượng": qty,
                "Số lượng sản phẩm được hoàn trả": returned, "Tổng số tiền Người mua thanh toán": price * qty,
                "Mã giảm giá của Shop": voucher, "Tổng số tiền người mua thanh toán": total_order, "Số điện thoại": "******123"})
    return [row[h] for h in SHOPEE_HEADER]
rows = [shopee("261003K7QX2M", "2026-10-03 14:22", "Người mua xác nhận đã nhận được hàng, tuy nhiên Người mua vẫn có thể gửi yêu cầu Trả hàng/Hoàn tiền tới ngày 2026-10-15.", "",
               "SUA-MEIJI", "SUA-MEIJI-800", "Sữa Meiji số 0 800g", 565000, 2, 0, 15000, 1344000),
        shopee("261003K7QX2M", "2026-10-03 14:22", "Người mua xác nhận đã nhận được hàng, tuy nhiên Người mua vẫn có thể gửi yêu cầu Trả hàng/Hoàn tiền tới ngày 2026-10-15.", "",
               "MAY-HAM-SUA", "", "Máy hâm sữa Fatzbaby", 199000, 1, 0, 15000, 1344000),
        shopee("261004PQ81ZA", "2026-10-04 09:05", "Đã hủy", "Người mua thay đổi ý", "TA-BOBBY", "TA-BOBBY-M", "Tã quần Bobby M", 339000, 1, 0, 0, 339000),
        shopee("261005ZZ09LK", "2026-10-05 21:40", "Hoàn thành", "", "BODY-COTTON", "BODY-COTTON-3M", "Bộ body cotton", 129000, 3, 1, 0, 387000)]
write_xlsx(os.path.join(ROOT, "shopee-orders/Order.all.20261001_20261031.xlsx"), "orders", SHOPEE_HEADER, rows,
           numbers={22, 23, 26, 27, 28, 29, 31, 46}, nfd_header=True)
# The legacy .xls header (55 columns) saved as CSV: `Tình trạng đơn hàng`, no returned quantity.
legacy = ["Mã đơn hàng", "Forder ID", "Ngày đặt hàng", "Tình trạng đơn hàng", "Nhận xét từ Người mua", "Mã vận đơn", "Lựa chọn vận chuyển",
          "Phương thức giao hàng", "Loại đơn hàng", "Ngày giao hàng dự kiến", "Ngày gửi hàng", "Thời gian giao hàng", "Tình trạng Trả hàng / Hoàn tiền",
          "SKU sản phẩm", "Tên sản phẩm", "Cân nặng sản phẩm", "Tổng cân nặng", "Cân nặng sản phẩm", "SKU phân loại hàng", "Tên phân loại hàng",
          "Giá gốc", "Người bán tự giảm", "Được Shopee trợ giá", "Được người bán trợ giá", "Giá ưu đãi", "Số lượng", "Product Subtotal",
          "Tiền đơn hàng (VND)", "Mã giảm giá của Shop", "Hoàn Xu", "Shopee Voucher", "Chỉ tiêu combo khuyến mãi", "Giảm giá từ combo Shopee",
          "Giảm giá từ Combo của Shop", "Shopee Xu được hoàn", "Số tiền được giảm khi thanh toán bằng thẻ Ghi nợ", "Phí vận chuyển (dự kiến)",
          "Phí vận chuyển mà người mua trả", "Tổng số tiền", "Thời gian hoàn thành đơn hàng", "Thời gian đơn hàng được thanh toán",
          "Phương thức thanh toán", "Phí cố định", "Phí dịch vụ", "Phí giao dịch", "Tiền ký quỹ", "Username (Buyer)", "Tên Người nhận",
          "Số điện thoại", "Tỉnh/Thành phố", "TP / Quận / Huyện", "District", "Địa chỉ nhận hàng", "Quốc gia", "Ghi chú"]
def legacy_row(sn, when, status, sku, var_sku, name, price, qty, voucher):
    row = {h: "" for h in legacy}
    row.update({"Mã đơn hàng": sn, "Ngày đặt hàng": when, "Tình trạng đơn hàng": status, "SKU sản phẩm": sku, "SKU phân loại hàng": var_sku,
                "Tên sản phẩm": name, "Giá ưu đãi": price, "Số lượng": qty, "Product Subtotal": price * qty, "Mã giảm giá của Shop": voucher})
    return [row.get(h, "") for h in legacy]
rows = [legacy, legacy_row("2403155HH36", "2024-03-15 10:00", "Hoàn thành", "TA", "TA-L", "Tã quần L", 310000, 2, 10000),
        legacy_row("2403155HH37", "2024-03-15 11:30", "Đã hủy", "TA", "TA-L", "Tã quần L", 310000, 1, 0)]
put("shopee-orders/legacy-55-columns.csv", csv(rows).encode())

# --- Shopee income report: four sheets, the data on `Doanh thu` under two banner rows, two rows per
# order, `-` cells, negative fees. Recognised and not used.
income_header = ["Mã giao dịch", "Đơn hàng / Sản phẩm", "Mã đơn hàng", "Mã Số Thuế", "Mã yêu cầu hoàn tiền", "Mã sản phẩm", "Tên sản phẩm",
                 "Ngày đặt hàng", "Ngày hoàn thành thanh toán", "Phương thức thanh toán", "Tổng tiền đã thanh toán", "Giá sản phẩm",
                 "Phí cố định", "Phí Dịch Vụ", "Phí thanh toán"]
rows = [[1, "Order", "261003K7QX2M", "", "", "-", "-", "2026-10-03", "2026-10-09", "ShopeePay", 1329000, 1329000, -53160, -39870, -33225],
        [2, "Sku", "261003K7QX2M", "", "", "SUA-MEIJI-800", "Sữa Meiji số 0 800g", "2026-10-03", "2026-10-09", "", "-", 1130000, "-", "-", "-"],
        [3, "Sku", "261003K7QX2M", "", "", "MAY-HAM-SUA", "Máy hâm sữa", "2026-10-03", "2026-10-09", "", "-", 199000, "-", "-", "-"]]
write_xlsx(os.path.join(ROOT, "shopee-income/Income.da_phat_hanh.vn.20261001_20261031.xlsx"), "Doanh thu", income_header, rows,
           numbers={0, 10, 11, 12, 13, 14}, sheets_before=["Summary", "Service Fee Details", "Adjustment"],
           preamble=[["Thông tin đơn hàng", "", "", "", "", "", "", "", "", "", "Chi tiết doanh thu"],
                     ["", "", "", "", "", "", "", "", "", "", "Doanh thu đơn hàng", "", "Phí giao dịch"]])

# --- Shopify orders export: CRLF, a multi-line note, order fields on the first line only, a voided
# order, a discount code, a `'`-forced zip, +0700 offsets with an order a few minutes after midnight.
def shopify(name, first, status, created, qty, item, price, sku, code="", disc="0.00", note="", cancelled=""):
    row = {h: "" for h in SHOPIFY_HEADER}
    row.update({"Name": name, "Created at": created, "Lineitem quantity": qty, "Lineitem name": item, "Lineitem price": price,
                "Lineitem sku": sku, "Lineitem requires shipping": "true", "Lineitem taxable": "true", "Lineitem discount": "0.00"})
    if first:
        row.update({"Email": "[redacted]", "Financial Status": status, "Currency": "VND", "Discount Code": code, "Discount Amount": disc,
                    "Billing Zip": "'700000", "Notes": note, "Cancelled at": cancelled, "Source": "web"})
    return [row[h] for h in SHOPIFY_HEADER]
rows = [SHOPIFY_HEADER,
        shopify("#5001", True, "paid", "2026-03-01 00:05:34 +0700", "1", "Bình sữa Pigeon 160ml", "245000.00", "BINH-PIGEON-160", "TET2026", "50000.00",
                "Gói quà giúp mình nhé\n\nGhi thiệp: Chúc mừng đầy tháng bé Na"),
        shopify("#5001", False, "", "2026-03-01 00:05:34 +0700", "2", "Núm ti Pigeon size M", "99000.00", "NUM-TI-PIGEON"),
        shopify("#5001", False, "", "2026-03-01 00:05:34 +0700", "1", "Khăn ướt Mamamy", "42000.00", "KHAN-UOT-100"),
        shopify("#5002", True, "voided", "2026-03-02 10:11:12 +0700", "1", "Thảm nằm chơi có nhạc", "620000.00", "THAM-CHOI-NHAC", cancelled="2026-03-03 09:12:44 +0700"),
        shopify("#5003", True, "refunded", "2026-03-04 20:00:00 +0700", "1", "Gối bầu Momcare", "435000.00", "GOI-BAU-MOMCARE"),
        shopify("#5004", True, "paid", "2026-03-05 08:00:00 +0700", "1", "Set quà (không SKU)", "150000.00", "")]
put("shopify-orders/orders_export.csv", csv(rows, ",", "\r\n").encode())

# --- Shopify products export: variants on several rows, the title on the first only.
header = ["Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published", "Option1 Name", "Option1 Value", "Variant SKU",
          "Variant Price", "Variant Compare At Price", "Cost per item", "Status"]
rows = [header,
        ["binh-sua-pigeon", "Bình sữa Pigeon cổ rộng", "<p>Bình sữa <b>PPSU</b>, nhẹ</p>", "Pigeon", "Bình sữa & phụ kiện", "binh, sua", "true", "Dung tích", "160ml", "BINH-PIGEON-160", "245000.00", "", "156000.00", "active"],
        ["binh-sua-pigeon", "", "", "", "", "", "", "", "240ml", "BINH-PIGEON-240", "285000.00", "", "181000.00", "active"],
        ["qua-tang", "Thiệp chúc mừng", "", "", "", "", "true", "Title", "Default Title", "THIEP", "0.00", "", "", "active"]]
put("shopify-products/products_export.csv", csv(rows).encode())

# --- TikTok Shop: BOM, a TAB after ids and times, a field-description row, VN statuses, a return.
header = ["Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "Normal or Pre-order", "SKU ID", "Seller SKU", "Product Name",
          "Variation", "Quantity", "Sku Quantity of return", "SKU Unit Original Price", "SKU Subtotal Before Discount", "SKU Platform Discount",
          "SKU Seller Discount", "SKU Subtotal After Discount", "Shipping Fee After Discount", "Order Amount", "Order Refund Amount",
          "Created Time", "Paid Time", "Cancel Reason", "Product Category"]
rows = [header,
        ["Platform unique order ID.", "Order status", "Order substatus", "Cancellation or return type", "", "Platform SKU ID", "Seller SKU",
         "Product name", "Variation", "Quantity", "Returned quantity", "Original price", "Subtotal before discount", "Platform discount",
         "Seller discount", "Subtotal after discount", "Shipping fee", "Order amount", "Refund amount", "Created time", "Paid time", "Cancel reason", "Category"],
        ["583870900000000001\t", "Đã hoàn tất", "Đã giao", "", "Normal", "1729000000000001\t", "SUA-NAN-900", "Sữa NAN Optipro 900g", "900g", "2", "0",
         "479000", "958000", "20000", "30000", "908000", "0", "908000", "0", "25/06/2026 13:03:57\t", "25/06/2026 13:04:10\t", "", "Mẹ & Bé"],
        ["583870900000000001\t", "Đã hoàn tất", "Đã giao", "", "Normal", "1729000000000002\t", "", "Khăn ướt", "100 tờ", "1", "0",
         "42000", "42000", "0", "0", "42000", "0", "908000", "0", "25/06/2026 13:03:57\t", "25/06/2026 13:04:10\t", "", "Mẹ & Bé"],
        ["583870900000000002\t", "Đã hủy", "Đã hủy", "Cancel", "Normal", "1729000000000003\t", "TA-BOBBY-L", "Tã Bobby L", "68 miếng", "1", "0",
         "339000", "339000", "0", "0", "339000", "15000", "354000", "0", "26/06/2026 08:00:00\t", "\t", "Giao gói hàng thất bại", "Mẹ & Bé"],
        ["583870900000000003\t", "Đã hoàn tất", "Đã giao", "Return/Refund", "Normal", "1729000000000004\t", "BODY-COTTON-3M", "Body cotton", "3-6M", "3", "1",
         "129000", "387000", "0", "0", "387000", "0", "387000", "129000", "27/06/2026 19:45:00\t", "27/06/2026 19:46:00\t", "", "Mẹ & Bé"]]
put("tiktok-shop-orders/tiktok-orders-202606.csv", BOM + csv(rows).encode())

# --- Lazada: one row per unit; a cancelled unit; a returned unit.
header = ["orderItemId", "orderType", "Guarantee", "deliveryType", "lazadaId", "sellerSku", "lazadaSku", "createTime", "updateTime", "orderNumber",
          "customerName", "payMethod", "paidPrice", "unitPrice", "sellerDiscountTotal", "shippingFee", "itemName", "variation", "status", "refundAmount"]
rows = [header,
        ["390001", "Normal", "", "dropshipping", "2201", "TA-BOBBY-M", "TA123-M", "05 Jan 2026 14:23", "06 Jan 2026 10:00", "700100200", "[redacted]", "COD", "319000", "339000", "20000", "0", "Tã Bobby M", "76 miếng", "delivered", "0"],
        ["390002", "Normal", "", "dropshipping", "2201", "TA-BOBBY-M", "TA123-M", "05 Jan 2026 14:23", "06 Jan 2026 10:00", "700100200", "[redacted]", "COD", "319000", "339000", "20000", "0", "Tã Bobby M", "76 miếng", "delivered", "0"],
        ["390003", "Normal", "", "dropshipping", "2202", "KHAN-UOT-100", "KU1", "05 Jan 2026 14:23", "05 Jan 2026 15:00", "700100200", "[redacted]", "COD", "42000", "42000", "0", "0", "Khăn ướt", "", "canceled", "0"],
        ["390004", "Normal", "", "dropshipping", "2203", "MU-YEM-SET", "MY1", "07 Jan 2026 09:00", "15 Jan 2026 09:00", "700100311", "[redacted]", "Wallet", "92000", "92000", "0", "0", "Set mũ yếm", "", "returned", "92000"]]
put("lazada-orders/lazada-orders.csv", csv(rows).encode())

# --- WooCommerce analytics: one row per order; a refund dated on its own day with negative net sales.
rows = [["Date", "Order #", "Status", "Customer", "Customer type", "Payment method", "Product(s)", "Items sold", "Coupon(s)", "Net sales", "Attribution"],
        ["2026-03-01 09:00:00", "1201", "completed", "Chị Mai", "new", "Cash on delivery", "2× Bình sữa Pigeon, 1× Khăn ướt", "3", "", "532,000.00", "Organic: Google"],
        ["2026-03-02 10:30:00", "1202", "refunded", "Anh Tuấn", "returning", "Bank transfer", "1× Thảm nằm chơi", "1", "WELCOME10", "558,000.00", "Direct"],
        ["2026-03-09 16:00:00", "1202", "refunded", "Anh Tuấn", "returning", "Bank transfer", "1× Thảm nằm chơi", "-1", "", "-558,000.00", "Direct"],
        ["2026-03-03 12:00:00", "1203", "failed", "Chị Ngọc", "new", "Card", "1× Gối bầu", "1", "", "435,000.00", "Direct"],
        # A name with the separator in it (taken only if a cost source names a product so), and a cell
        # that is no item list at all (the order is booked, uncosted).
        ["2026-03-04 08:15:00", "1204", "completed", "Chị Lan", "new", "Card", "2× Sữa Similac 5G số 1 900g, 1× Set mũ, yếm, bao tay sơ sinh", "3", "", "1,030,000.00", "Direct"],
        ["2026-03-05 19:40:00", "1205", "processing", "Anh Nam", "new", "Card", "Thẻ quà tặng 500k", "1", "", "500,000.00", "Direct"]]
put("woocommerce-orders/orders-report.csv", csv(rows).encode())

# --- Meta Ads (English UI): BOM, a whole-month row, a daily row, a quoted "3,100,000", a Total row.
rows = [["Reporting starts", "Reporting ends", "Campaign name", "Campaign delivery", "Attribution setting", "Results", "Result indicator", "Reach",
         "Frequency", "Cost per results", "Amount spent (VND)", "Impressions", "CPM (cost per 1,000 impressions) (VND)", "Link clicks"],
        ["2026-10-01", "2026-10-31", "Chuyển đổi - Web shop", "active", "7-day click or 1-day view", "33", "actions:offsite_conversion.fb_pixel_purchase", "51000", "1.8", "93939", "3,100,000", "91800", "33769", "1530"],
        ["2026-10-11", "2026-10-11", "Flash sale cuối tuần", "inactive", "7-day click or 1-day view", "4", "actions:offsite_conversion.fb_pixel_purchase", "4200", "1.5", "62500", "250000", "6300", "39683", "105"],
        ["2026-09-15", "2026-10-14", "Remarketing - Giỏ hàng", "active", "7-day click", "", "", "", "", "", "1500000", "", "", ""],
        ["", "", "", "", "", "", "", "", "", "", "", "", "", ""],
        ["Total", "", "", "", "", "37", "", "", "", "", "4850000", "", "", ""]]
put("meta-ads/BabyCare-House-Campaigns-Oct-2026.csv", BOM + csv(rows).encode())

# --- Meta Ads (Vietnamese UI).
rows = [["Tên chiến dịch", "Trạng thái phân phối", "Người tiếp cận", "Lượt hiển thị", "Số tiền đã chi tiêu (VND)", "Bắt đầu", "Kết thúc",
         "Bắt đầu báo cáo", "Kết thúc báo cáo"],
        ["Tương tác - Fanpage", "Đang hoạt động", "20000", "36000", "1,200,000", "2025-01-01", "Đang diễn ra", "2025-03-01", "2025-03-31"],
        ["Tổng", "", "", "", "1,200,000", "", "", "", ""]]
put("meta-ads-vi/bao-cao-quang-cao-03-2025.csv", BOM + csv(rows).encode())

# --- Google Ads: title and date-range lines, quoted thousands, `--`, Total: rows; and the same as
# "CSV (Excel)": UTF-16LE with BOM, tab-separated.
rows = [["Campaign report"], ["October 1, 2026 - October 3, 2026"],
        ["Day", "Campaign", "Campaign type", "Impr.", "Clicks", "Cost", "Avg. CPC", "Conversions"],
        ["2026-10-01", "Search · Sữa bột", "Search", "1,204", "41", "172,000", "4,195", "2.00"],
        ["2026-10-02", "Search · Sữa bột", "Search", "980", "30", "138,500", "4,617", "1.00"],
        ["2026-10-02", "PMax · Tã bỉm", "Performance Max", "3,410", "0", "0", "--", "0.00"],
        ["2026-10-03", "Search · Sữa bột", "Search", "1,1204", "12", "51,000", "4,250", "0.00"],
        ["Total: Account", "", "", "5,594", "71", "310,500", "--", "3.00"],
        ["Total: Search", "", "", "2,184", "71", "310,500", "4,373", "3.00"]]
put("google-ads/Campaign_report.csv", csv(rows).encode())
put("google-ads/Campaign_report_excel.csv", b"\xff\xfe" + csv(rows, "\t", "\r\n").encode("utf-16-le"))

# --- Generic cost list and generic expenses.
put("generic-costs/costs.csv", b"sku,unit_cost,effective_from,product_name,product_group\nSUA-01,410000,,S\xe1\xbb\xaf a b\xe1\xbb\x99t,S\xe1\xbb\xaf a\nSUA-01,425000,2026-07-01,,\nTA-02,,,T\xc3\xa3,\nTA-03,abc,,,\n".replace(b"S\xe1\xbb\xaf a", b"S\xe1\xbb\xafa"))
put("generic-expenses/expenses-2026-10.csv", csv([
    ["date", "category", "amount", "channel", "description"],
    ["2026-10-02", "Marketing", "2500000", "web", "Google Ads top-up"],
    ["2026-10-03", "Rent", "15000000", "", "Tiền thuê mặt bằng"],
    ["2026-10-10", "Quảng cáo", "800000", "", "In tờ rơi"],
    ["2026-10-12", "marketing", "1000000", "tiki", "Channel not in the config"]]).encode())
print("fixtures written under", ROOT)
