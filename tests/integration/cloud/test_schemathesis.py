"""Schemathesis over the published OpenAPI document: generated requests from every role never get a 5xx."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import Cloud

EXAMPLES = int(os.environ.get("KIOSK_SCHEMATHESIS_EXAMPLES", "400"))


@pytest.mark.slow
@pytest.mark.parametrize("role", ["admin", "store", "counter", "office"])
def test_no_server_errors(cloud: Cloud, role: str) -> None:
    terminal = cloud.admin if role == "admin" else cloud.terminal(role)
    token = terminal.http.headers["Authorization"]
    # revoking terminals would lock the fuzzer out of everything else; revocation has its own tests
    schema = schemathesis.openapi.from_url(cloud.url + "/v1/openapi.json").exclude(
        path="/v1/terminals/{terminal_id}/revoke")
    strategy = schema.as_strategy()
    failures: list[str] = []

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        case = data.draw(strategy)
        response = case.call(base_url=cloud.url, headers={"Authorization": token}, timeout=30)
        where = f"{case.method} {case.formatted_path} {case.query} {case.body!r:.300}"
        if response.status_code >= 500:
            failures.append(f"{where} -> {response.status_code} {response.text[:200]}")
        elif response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = None
            error = body.get("error") if isinstance(body, dict) else None
            if not isinstance(error, dict) or not {"code", "message", "message_ja"} <= set(error):
                failures.append(f"{where} -> {response.status_code} without the error shape: {response.text[:200]}")

    run()
    assert failures == [], "\n".join(sorted(set(failures))[:30])
