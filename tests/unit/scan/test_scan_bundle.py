"""A mixed bundle scanned as one multi-page TIFF: accepted, forged, expired, unknown key, not a voucher,
the same voucher twice, and a sheet with no readable code."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PIL import Image

from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key, verify_voucher
from kiosk.core.voucher_number import make_voucher_number
from kiosk.printing.qr import matrix_image, qr_matrix
from kiosk.printing.ticket import render_ticket
from kiosk.scan.bundle import ACCEPTED, DUPLICATE, read_bundle

from .conftest import KEY_ID, NOW, VALID_FROM, VALID_UNTIL, printable


def signed(private: bytes, serial: int, *, key_id: int = KEY_ID, until: int = VALID_UNTIL) -> str:
    return encode_voucher(VoucherClaims(key_id=key_id, point_type_id=3, number=make_voucher_number(serial),
                                        points=250, valid_from=VALID_FROM - 90 * 86400 if until < VALID_FROM
                                        else VALID_FROM, valid_until=until, terminal_id=4), private)


def test_mixed_bundle(signing_key, public_keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    private = signing_key[0]
    other_private, _ = new_signing_key()
    good = [signed(private, 100 + i) for i in range(3)]
    forged = signed(other_private, 200)                       # right key id, wrong key
    expired = signed(private, 300, until=VALID_FROM - 86400)
    unknown = signed(other_private, 400, key_id=KEY_ID + 1)
    pages = [render_ticket(v) for v in printable([good[0], good[1], forged, expired, unknown, good[2], good[0]])]
    pages.insert(3, Image.new("1", (576, 400), 1))            # a sheet with nothing readable
    pages.append(matrix_image(qr_matrix("HTTPS://EXAMPLE.INVALID/NOT-A-VOUCHER"), 8))
    path = tmp_path / "bundle.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="group4")
    progress: list[tuple[int, int]] = []
    report = read_bundle(path, partial(verify_voucher, public_keys=public_keys, now=NOW),
                         on_page=lambda p, n: progress.append((p, n)))
    assert report.pages == 9 and report.pages_without_code == [4]
    assert [(i.page, i.status) for i in report.items] == [
        (1, ACCEPTED), (2, ACCEPTED), (3, "voucher_bad_signature"), (5, "voucher_expired"),
        (6, "voucher_unknown_key"), (7, ACCEPTED), (8, DUPLICATE), (9, "voucher_malformed"),
    ]
    assert report.count(ACCEPTED) == 3 and report.points_accepted == 750
    assert progress == [(1, 1), (2, 1), (3, 1), (4, 0), (5, 1), (6, 1), (7, 1), (8, 1), (9, 1)]
