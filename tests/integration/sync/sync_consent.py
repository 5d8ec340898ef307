"""The resident's signed consent for a terminal of the sync tests (kiosk.demo.consent, as the card would sign)."""

from __future__ import annotations

from kiosk.demo.consent import make_consent
from kiosk.demo.pki import DemoPKI
from kiosk.sync.terminal import TerminalSync


def consent_for(t: TerminalSync, pki: DemoPKI, who: str, points: int, *, action: str = "payment",
                point_type_id: int = 1, count: int = 1) -> dict[str, str]:
    """`who`'s consent to `points` at this enrolled terminal (its shop for a payment, "-" for a voucher issue),
    stamped with the terminal's cloud-corrected time."""
    creds = t.terminal
    assert creds is not None and creds.municipality_code is not None
    return make_consent(pki.resident(who), action=action, municipality_code=str(creds.municipality_code),
                        shop_id=int(creds.shop_id) if action == "payment" else None,
                        terminal_id=int(creds.terminal_id), point_type_id=point_type_id, points=points, count=count,
                        at=t.engine.clock.cloud_now())
