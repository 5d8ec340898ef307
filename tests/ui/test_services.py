"""The Qt-free services' own logic: error translation with the real error types, the grant day rule."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from kiosk.card.errors import NotMyNumberCard, PinBlocked, WrongPin
from kiosk.core.errors import InvalidMyKeyId
from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.grants import GrantService, Programme
from kiosk.services.ports import Submitted
from kiosk.sync.errors import CloudRejected, CloudUnavailable


def test_card_errors_keep_their_tries_and_never_a_pin():
    wrong = translate_error(WrongPin(2))
    assert (wrong.code, wrong.tries_left) == ("wrong_pin", 2)
    assert translate_error(WrongPin(0)).code == "pin_blocked"
    assert translate_error(PinBlocked()).code == "pin_blocked"
    assert translate_error(NotMyNumberCard()).code == "not_mynumber_card"


def test_cloud_errors_map_to_screen_codes():
    assert translate_error(CloudUnavailable("refused")).code == "cloud_unavailable"
    rejected = translate_error(CloudRejected("mykey_id_unknown", "unknown", "未登録"))
    assert (rejected.code, rejected.message_ja) == ("mykey_id_not_found", "未登録")
    assert translate_error(CloudRejected("brand_new", "x", "y")).code == "brand_new"
    assert translate_error(InvalidMyKeyId("short")).code == "invalid_mykey_id"
    assert translate_error(RuntimeError("boom")).code == "unexpected"


class _Cloud:
    def __init__(self) -> None:
        self.entries: list[dict] = []
        self.offline = False

    def history(self, mykey_id: str) -> list[dict]:
        if self.offline:
            raise CloudUnavailable("down")
        return self.entries


class _Outbox:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict]] = []

    def submit(self, kind: str, payload: dict, wait_s: float) -> Submitted:
        self.sent.append((kind, payload))
        return Submitted(str(len(self.sent)), "queued")

    def queued_count(self) -> int:
        return len(self.sent)


def test_one_grant_per_programme_and_day_offline_and_again_the_next_day():
    cloud, outbox = _Cloud(), _Outbox()
    day = [date(2026, 11, 22)]
    service = GrantService(cloud, outbox, today=lambda: day[0])  # type: ignore[arg-type]
    programme = Programme("3", "ボランティアポイント", "市民協働推進課", 100, once_per_day=True)
    cloud.offline = True
    assert service.grant(programme, "abcd2345").queued
    with pytest.raises(ServiceError) as refused:
        service.grant(programme, "ABCD2345")
    assert refused.value.code == "duplicate_grant"
    day[0] = date(2026, 11, 23)
    assert service.grant(programme, "ABCD2345").queued
    assert outbox.sent[0] == ("grant", {"programme_id": 3, "mykey_id": "ABCD2345", "points": 100})


def test_the_clouds_history_of_today_counts():
    cloud, outbox = _Cloud(), _Outbox()
    service = GrantService(cloud, outbox, today=date.today)  # type: ignore[arg-type]
    programme = Programme("2", "健診受診ポイント", "健康推進課", 100, once_per_day=True)
    from datetime import datetime

    cloud.entries = [{"kind": "grant", "programme_id": 2, "occurred_at": datetime.now(UTC).isoformat()}]
    with pytest.raises(ServiceError):
        service.grant(programme, "ABCD2345")
    repeatable = Programme("2", "健診受診ポイント", "健康推進課", 100, once_per_day=False)
    assert service.grant(repeatable, "ABCD2345").queued
    assert outbox.sent == [("grant", {"programme_id": 2, "mykey_id": "ABCD2345", "points": 100})]


def test_the_clouds_repeat_rule_decides_what_the_terminal_refuses_early():
    from datetime import datetime, timedelta

    from kiosk.services.grants import programme_from

    row = {"id": 7, "name": "x", "department_name": "d", "points": 10}
    assert programme_from({**row, "repeat_rule": "unlimited"}).once_per_day is False
    assert programme_from({**row, "repeat_rule": "once_per_day"}).once_per_day is True
    assert programme_from(row).repeat_rule == "once_per_day"  # a row from an older cloud: once a day
    once = programme_from({**row, "repeat_rule": "once"})
    cloud, outbox = _Cloud(), _Outbox()
    service = GrantService(cloud, outbox, today=date.today)  # type: ignore[arg-type]
    cloud.entries = [{"kind": "grant", "programme_id": 7,
                      "occurred_at": (datetime.now(UTC) - timedelta(days=40)).isoformat()}]
    with pytest.raises(ServiceError) as refused:  # granted weeks ago: "once" still refuses
        service.grant(once, "ABCD2345")
    assert refused.value.code == "duplicate_grant"
    assert service.grant(programme_from({**row, "repeat_rule": "once_per_day"}), "ABCD2345").queued
    assert outbox.sent == [("grant", {"programme_id": 7, "mykey_id": "ABCD2345", "points": 10})]


def test_measure_rows_with_taken_and_pre_registered_for_the_asked_mykey_id():
    from kiosk.core.measures import Reason
    from kiosk.services.measures import measure_from

    row = {"id": 4, "name": "m", "eligibility": "restricted", "review": "pre", "capacity": 2,
           "opens_at": "2026-01-01T00:00:00+09:00", "closes_at": "2027-01-01T00:00:00+09:00"}
    listed = measure_from({**row, "taken": 1, "pre_registered": True}, "ABCD2345")
    assert listed.places_left == 1 and listed.refusal_before_input("ABCD2345") is None
    assert measure_from({**row, "taken": 1, "pre_registered": False}, "ABCD2345").refusal_before_input(
        "ABCD2345") is Reason.NOT_PRE_REGISTERED
    assert measure_from({**row, "taken": 2, "pre_registered": True}, "ABCD2345").refusal_before_input(
        "ABCD2345") is Reason.FULL
    offline = measure_from(row)  # from the reference data: nothing known, nothing refused early
    assert offline.places_left is None and offline.refusal_before_input("ABCD2345") is None


def test_attendance_by_card_sends_the_fingerprint_once_and_refuses_revoked_serials():
    cloud, outbox = _Cloud(), _Outbox()
    cloud.revoked_serials = lambda: {77}  # type: ignore[attr-defined]
    service = GrantService(cloud, outbox)  # type: ignore[arg-type]
    event = Programme("5", "けやき祭り", "d", 0, once_per_day=False, attendance=True)
    fingerprint = "AB" * 32
    assert service.attend_by_card(event, fingerprint, 12).queued
    assert outbox.sent == [("attendance", {"programme_id": 5, "certificate_fingerprint": "ab" * 32})]
    with pytest.raises(ServiceError) as again:  # the same card again, before any answer: refused here
        service.attend_by_card(event, fingerprint.lower(), 12)
    assert again.value.code == "duplicate_grant"
    with pytest.raises(ServiceError) as revoked:
        service.attend_by_card(event, "cd" * 32, 77)
    assert revoked.value.code == "certificate_revoked"
    with pytest.raises(ServiceError):
        service.attend_by_card(event, "not-a-fingerprint")
    assert len(outbox.sent) == 1
