"""Vouchers signed with a throwaway key, and poppler/zxing read-back helpers, for the printing tests."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
from kiosk.core.voucher_number import make_voucher_number
from kiosk.printing.voucher import PrintableVoucher

VALID_FROM = 1796050800     # 2026-12-01 00:00 JST
VALID_UNTIL = 1803826799    # 2027-02-28 23:59:59 JST
NOW = VALID_FROM + 86400
KEY_ID = 7


@pytest.fixture(scope="session")
def signing_key() -> tuple[bytes, bytes]:
    return new_signing_key()


@pytest.fixture(scope="session")
def public_keys(signing_key: tuple[bytes, bytes]) -> dict[int, bytes]:
    return {KEY_ID: signing_key[1]}


@pytest.fixture(scope="session")
def make_vouchers(signing_key: tuple[bytes, bytes]) -> Callable[..., list[PrintableVoucher]]:
    def make(count: int, *, first_serial: int = 1000, points: tuple[int, ...] = (1000, 500, 10000, 30),
             reprint: set[int] | frozenset[int] = frozenset()) -> list[PrintableVoucher]:
        out = []
        for i in range(count):
            claims = VoucherClaims(
                key_id=KEY_ID, point_type_id=3, number=make_voucher_number(first_serial + i),
                points=points[i % len(points)], valid_from=VALID_FROM, valid_until=VALID_UNTIL, terminal_id=12,
            )
            out.append(PrintableVoucher.from_code(
                encode_voucher(claims, signing_key[0]), point_name="A市ポイント", street_name="○○商店街",
                reprint=i in reprint,
            ))
        return out
    return make


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} (poppler-utils) is required by this test; ./dev setup installs it")
    return path


def pdftotext(pdf: Path, *pages: int) -> str:
    args = [need("pdftotext"), "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run([need("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type(1-2 words) encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def pdftoppm(pdf: Path, out_dir: Path, dpi: int = 300) -> list[Path]:
    subprocess.run([need("pdftoppm"), "-r", str(dpi), "-gray", "-png", str(pdf), str(out_dir / "page")],
                   check=True)
    return sorted(out_dir.glob("page-*.png"))


def open_gray(path: Path) -> Image.Image:
    return Image.open(path).convert("L")
