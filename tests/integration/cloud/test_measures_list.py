"""GET /v1/measures: places taken, and whether a given MyKey ID is pre-registered."""

from __future__ import annotations

from typing import Any

from .helpers import Cloud, Terminal, key


def _measures(t: Terminal, **params: Any) -> dict[str, dict[str, Any]]:
    return {m["name_en"]: m for m in t.ok("GET", "/measures", params=params)["measures"]}


def test_taken_counts_applications_against_capacity(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    before = _measures(counter)
    assert all(m["taken"] == 0 for m in before.values()) and all("pre_registered" not in m for m in before.values())
    residents_only = before["Residents only (card-face review)"]
    assert residents_only["capacity"] == 3
    for name in ("yamada", "ito"):
        counter.ok("POST", "/applications", {"measure_id": residents_only["id"], "mykey_id": cloud.mykey(name),
                                             "municipality_code": "132063", "payment_service": "府中市ポイント",
                                             "idempotency_key": key()})
    after = _measures(counter)
    assert after["Residents only (card-face review)"]["taken"] == 2
    assert after["Points for every applicant"]["taken"] == 0
    # a rejected application frees its place
    pending = cloud.admin.ok("GET", "/applications", params={"measure_id": residents_only["id"]})["applications"]
    cloud.admin.ok("POST", f"/applications/{pending[0]['id']}/review", {"approve": False, "reason": "test"})
    assert _measures(counter)["Residents only (card-face review)"]["taken"] == 1


def test_pre_registered_for_the_given_mykey_id(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    listed = _measures(counter, mykey_id=cloud.mykey("suzuki").lower())  # normalised like everywhere else
    assert listed["Child-care households (pre-registered)"]["pre_registered"] is True
    assert listed["Points for every applicant"]["pre_registered"] is False
    other = _measures(counter, mykey_id=cloud.mykey("yamada"))
    assert other["Child-care households (pre-registered)"]["pre_registered"] is False
    assert counter.get("/measures", params={"mykey_id": "!!"}).status_code == 422
