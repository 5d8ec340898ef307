"""1,000 vouchers as one A4 PDF (issue 11): time and peak memory.

    .venv/bin/python -m benchmarks.voucher_pdf [--count 1000]

Signs `count` codes first (the cloud's work, timed apart), then renders them 8 a sheet with the embedded IPAex
Gothic and saves the PDF. Peak RSS is the whole process's high-water mark (Python, numpy, reportlab, zxing-cpp and
all included). Target: under 3 s and under 300 MB. Writes benchmarks/results/voucher_pdf.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
from kiosk.core.voucher_number import make_voucher_number
from kiosk.printing.voucher import PrintableVoucher
from kiosk.printing.voucher_pdf import PER_PAGE, save_vouchers_a4

RESULTS = Path(__file__).with_name("results") / "voucher_pdf.json"
VALID_FROM, VALID_UNTIL = 1796050800, 1803826799


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def make_vouchers(count: int, with_key: bool = False):  # type: ignore[no-untyped-def]
    """`count` signed vouchers (and the public key when `with_key`)."""
    private, public = new_signing_key()
    vouchers = [PrintableVoucher.from_code(encode_voucher(VoucherClaims(
        key_id=1, point_type_id=1, number=make_voucher_number(100000 + i), points=(500, 1000, 3000)[i % 3],
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, terminal_id=2), private),
        point_name="A市ポイント", street_name="○○商店街", reprint=i % 97 == 0) for i in range(count)]
    return (vouchers, public) if with_key else vouchers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    vouchers = make_vouchers(args.count)
    sign_s = time.perf_counter() - t0
    rss_before = peak_rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vouchers.pdf"
        t0 = time.perf_counter()
        save_vouchers_a4(vouchers, path)
        render_s = time.perf_counter() - t0
        size = path.stat().st_size
    result = {
        "count": args.count, "pages": -(-args.count // PER_PAGE), "sign_s": round(sign_s, 3),
        "render_and_save_s": round(render_s, 3), "ms_per_voucher": round(render_s / args.count * 1000, 3),
        "pdf_bytes": size, "peak_rss_mb_before_render": round(rss_before, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
        "target": "< 3 s and < 300 MB",
    }
    result["met"] = render_s < 3 and result["peak_rss_mb"] < 300
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
