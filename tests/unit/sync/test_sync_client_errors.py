from __future__ import annotations

import httpx
import pytest

from kiosk.sync.client import CloudClient
from kiosk.sync.conflicts import describe_conflict
from kiosk.sync.errors import CloudProtocolError, CloudRejected, CloudUnavailable
from kiosk.sync.outbox import QueuedOperation


def _client(handler) -> CloudClient:  # type: ignore[no-untyped-def]
    return CloudClient("http://cloud.test", "t", transport=httpx.MockTransport(handler))


def test_status_codes_map_to_typed_errors() -> None:
    answers = {
        "/a": httpx.Response(422, json={"error": {"code": "validation_error", "message": "bad",
                                                  "message_ja": "不正"}}),
        "/b": httpx.Response(404, json={"detail": "Not Found"}),
        "/c": httpx.Response(503, text="upstream down"),
        "/d": httpx.Response(200, text="<html>captive portal</html>"),
        "/e": httpx.Response(400, text="plain"),
    }
    client = _client(lambda request: answers[request.url.path])
    with pytest.raises(CloudRejected) as a:
        client.http.request("GET", "/a")
    assert (a.value.code, a.value.message_ja, a.value.status) == ("validation_error", "不正", 422)
    with pytest.raises(CloudRejected) as b:
        client.http.request("GET", "/b")
    assert b.value.status == 404 and b.value.code == "http_error"
    with pytest.raises(CloudUnavailable) as c:
        client.http.request("GET", "/c")
    assert c.value.status == 503 and c.value.message_ja
    with pytest.raises(CloudProtocolError):
        client.http.request("GET", "/d")
    with pytest.raises(CloudRejected):
        client.http.request("GET", "/e")


def test_timeouts_and_resets_are_transient() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/slow":
            raise httpx.ReadTimeout("slow", request=request)
        raise httpx.RemoteProtocolError("peer closed", request=request)

    client = _client(handler)
    for path in ("/slow", "/reset"):
        with pytest.raises(CloudUnavailable):
            client.http.request("GET", path)


def test_sync_answers_must_match_the_batch() -> None:
    from datetime import UTC, datetime

    ops = [QueuedOperation(1, "k1", "grant", {}, datetime.now(UTC), 0),
           QueuedOperation(2, "k2", "grant", {}, datetime.now(UTC), 0)]

    def swapped(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"results": [{"key": "k2", "status": "applied"},
                                                     {"key": "k1", "status": "applied"}]})

    with pytest.raises(CloudProtocolError):
        _client(swapped).sync(ops)

    def short(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"results": [{"key": "k1", "status": "applied"}]})

    with pytest.raises(CloudProtocolError):
        _client(short).sync(ops)


def test_conflicts_are_worded_with_what_to_do() -> None:
    code, english, japanese = describe_conflict("offline_payment", {"problems": ["insufficient_points"],
                                                                    "shortfall": 1300})
    assert code == "insufficient_points" and "1300" in english and "1300" in japanese
    code, _, japanese = describe_conflict("offline_voucher_redeem", {"problem": "voucher_already_used",
                                                                     "number": "1234567890128"})
    assert code == "voucher_already_used" and "1234567890128" in japanese and "券面を保管" in japanese
    assert describe_conflict("grant", None)[0] == "conflict"
