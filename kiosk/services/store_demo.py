"""Demo data for the shop's screens (tests, screenshots, benchmarks): vouchers issued through the real cloud API
by an office terminal with its demo clerk and a demo resident's signed consent, voided on request, and a MyKey ID
suspended by the admin. Qt-free; uses the demo PKI's private keys, so it is for the demo cloud only."""

from __future__ import annotations

from typing import Any


class DemoOffice:
    """An office and an admin terminal on the demo cloud, each with its demo clerk logged in."""

    def __init__(self, backend: Any) -> None:
        from kiosk.demo.pki import ensure_demo_pki
        from kiosk.sync.client import CloudClient

        self.backend = backend
        self.pki = ensure_demo_pki(backend.info["pki_dir"])
        url = backend.cloud.url
        codes = backend.info["enrolment_codes"]
        admin_code = codes["admin"]
        self.admin = CloudClient(url)
        enrolled = self.admin.enrol(admin_code, "demo admin (store screens)")
        self.admin.set_token(enrolled["token"])
        self.admin.staff_login("ADM01", "demo-pass")
        code = self.admin.create_enrolment_code("office", "demo office (store screens)")["code"]
        self.office = CloudClient(url)
        self.office_info = self.office.enrol(code, "demo office")
        self.office.set_token(self.office_info["token"])
        self.office.staff_login("OFC01", "demo-pass")

    def issue(self, resident_key: str = "suzuki", points: int = 500, count: int = 1, point_type_id: int = 1,
              validity_days: int | None = None) -> list[dict[str, Any]]:
        from kiosk.demo.consent import make_consent

        consent = make_consent(self.pki.resident(resident_key), action="voucher_issue",
                               municipality_code=str(self.office_info["municipality_code"]), shop_id=None,
                               terminal_id=int(self.office_info["terminal_id"]), point_type_id=point_type_id,
                               points=points * count, count=count)
        body: dict[str, Any] = {"point_type_id": point_type_id, "points": points, "count": count, "consent": consent}
        if validity_days is not None:
            body["validity_days"] = validity_days
        return list(self.office._post("/v1/vouchers", body)["vouchers"])

    def void(self, number: str) -> None:
        self.office.void_voucher(number)

    def suspend(self, mykey_id: str) -> None:
        self.admin.set_mykey_id_status(mykey_id, "suspended")

    def close(self) -> None:
        import contextlib

        for client in (self.office, self.admin):
            with contextlib.suppress(Exception):  # the cloud may be gone already (offline shots, tests)
                client.staff_logout()
            client.close()


def set_lot_expiry(backend: Any, mykey_id: str, expires_at: Any, *, point_type_id: int = 1, index: int = 0) -> int:
    """Demo data only: move the expiry of one of a resident's lots with points left (the `index`-th, earliest
    expiry first) in the demo cloud's own database — to show points that expire soon, or that have just expired.
    Returns the lot's points."""
    from sqlalchemy import create_engine, select, update

    from kiosk_cloud.models import accounts, lots

    engine = create_engine(f"sqlite:///{backend.data_dir / 'cloud' / 'cloud.db'}")
    try:
        with engine.begin() as conn:
            rows = conn.execute(
                select(lots.c.id, lots.c.remaining).join(accounts, accounts.c.id == lots.c.account_id)
                .where(accounts.c.mykey_id == mykey_id, accounts.c.point_type_id == point_type_id,
                       accounts.c.kind == "personal", lots.c.remaining > 0)
                .order_by(lots.c.expires_at, lots.c.id)).all()
            lot_id, remaining = rows[index]
            conn.execute(update(lots).where(lots.c.id == lot_id).values(expires_at=expires_at))
    finally:
        engine.dispose()
    return int(remaining)
