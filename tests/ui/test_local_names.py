"""Data names in the screen's language: the one picker (kiosk.ui.design.format.local_name) and where the names come
from (a measure's payment service named as a point type takes that point type's English name)."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.services.adapters import CloudAdapter
from kiosk.services.measures import measure_from
from kiosk.ui.design.format import local_name, local_names


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    qapp.setProperty("kiosk_language", "en")
    yield qapp
    qapp.setProperty("kiosk_language", "ja")


def test_the_english_name_in_english_else_the_japanese_one(qapp, english) -> None:  # type: ignore[no-untyped-def]
    assert local_name("府中市ポイント", "Fuchu City points") == "Fuchu City points"
    assert local_name("けやきPay", "") == "けやきPay" and local_name("けやきPay", None) == "けやきPay"
    assert local_names([{"id": 1, "name": "子育て支援課", "name_en": "Child Support"}, {"id": 2, "name": "商店"}]) == \
        {1: "Child Support", 2: "商店"}
    qapp.setProperty("kiosk_language", "ja")
    assert local_name("府中市ポイント", "Fuchu City points") == "府中市ポイント"


class _Client:
    def __init__(self, offline: bool = False) -> None:
        self.offline = offline

    def measures(self, mykey_id: str | None) -> dict[str, Any]:
        return {"measures": [{"id": 7, "name": "市民応援", "name_en": "Support", "eligibility": "open",
                              "kind": "grant", "review": "pre", "points_per_person": 100,
                              "opens_at": "2026-01-01T00:00:00+00:00", "closes_at": "2027-01-01T00:00:00+00:00",
                              "payment_services": ["府中市ポイント", "けやきPay"]}]}

    def point_types(self) -> dict[str, Any]:
        if self.offline:
            raise RuntimeError("offline")
        return {"point_types": [{"id": 1, "name": "府中市ポイント", "name_en": "Fuchu City points"}]}


def test_a_payment_service_named_as_a_point_type_has_its_english_name(qapp, english) -> None:  # type: ignore[no-untyped-def]
    view = measure_from(CloudAdapter(_Client()).measures()[0])
    assert local_name(view.measure.name, view.name_en) == "Support"
    assert view.payment_services == ("府中市ポイント", "けやきPay")  # what is submitted stays as the cloud names it
    assert [local_name(s, view.payment_service_en(s)) for s in view.payment_services] == \
        ["Fuchu City points", "けやきPay"]
    lost = measure_from(CloudAdapter(_Client(offline=True)).measures()[0])  # no list: the names as they are
    assert [local_name(s, lost.payment_service_en(s)) for s in lost.payment_services] == ["府中市ポイント", "けやきPay"]
