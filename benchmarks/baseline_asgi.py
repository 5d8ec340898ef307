"""The bare baseline: the same debit transaction as a card payment, with no framework.

A raw ASGI callable (no FastAPI, no ORM, no validation library) served by uvicorn, talking to the database with
the driver alone: lock the account row, check the balance, update it, insert a ledger row whose idempotency key
is unique. Whatever our real cloud reaches is measured against this in the same run.

    BASELINE_DB_URL=postgresql://user@127.0.0.1:5432/db uvicorn benchmarks.baseline_asgi:app --workers 2

`POST /pay_proof` (PostgreSQL; `BASELINE_CA_PEM` and `BASELINE_CRL_DER` name the trusted CA and its CRL) does the
same debit after the same proof check as the cloud's payment: the resident's consent statement parsed and matched
(action, points, terminal, shop, time ±300 s), the certificate's chain to the CA, its validity at the statement's
time, its serial against the CRL, the RSA PKCS#1 v1.5 SHA-256 signature over the statement; then the account of the
certificate's fingerprint is debited and the nonce stored (unique per fingerprint) in the same transaction.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

URL = os.environ.get("BASELINE_DB_URL", "")
_state: dict[str, Any] = {}

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, balance BIGINT NOT NULL CHECK (balance >= 0))",
    "CREATE TABLE IF NOT EXISTS ledger (id {serial} PRIMARY KEY, account_id TEXT NOT NULL, amount BIGINT NOT NULL,"
    " idem_key TEXT NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS nonces (fingerprint TEXT NOT NULL, nonce TEXT NOT NULL, PRIMARY KEY (fingerprint, nonce))",
]


async def prepare(url: str, account_ids: list[str], balance: int) -> None:
    if url.startswith("postgresql"):
        import asyncpg

        conn = await asyncpg.connect(url)
        try:
            for statement in SCHEMA:
                await conn.execute(statement.format(serial="BIGSERIAL"))
            await conn.executemany("INSERT INTO accounts VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                   [(a, balance) for a in account_ids])
        finally:
            await conn.close()
    else:
        import sqlite3

        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        conn.execute("PRAGMA journal_mode=WAL")
        for statement in SCHEMA:
            conn.execute(statement.format(serial="INTEGER"))
        conn.executemany("INSERT OR IGNORE INTO accounts VALUES (?, ?)", [(a, balance) for a in account_ids])
        conn.commit()
        conn.close()


async def _startup() -> None:
    if URL.startswith("postgresql"):
        import asyncpg

        _state["pool"] = await asyncpg.create_pool(URL, min_size=10, max_size=30)
        if os.environ.get("BASELINE_CA_PEM"):
            _load_trust()
    else:
        import aiosqlite

        conn = await aiosqlite.connect(URL.removeprefix("sqlite:///"), isolation_level=None)
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA synchronous=FULL")
        await conn.execute("PRAGMA busy_timeout=10000")
        _state["sqlite"] = conn
        _state["lock"] = asyncio.Lock()


async def _debit_pg(account: str, points: int, key: str) -> tuple[int, dict[str, Any]]:
    async with _state["pool"].acquire() as conn, conn.transaction():
        row = await conn.fetchrow("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)
        if row is None:
            return 404, {"error": "unknown_account"}
        if row[0] < points:
            return 409, {"error": "insufficient_points"}
        await conn.execute("UPDATE accounts SET balance = balance - $2 WHERE id = $1", account, points)
        await conn.execute("INSERT INTO ledger (account_id, amount, idem_key) VALUES ($1, $2, $3)",
                           account, -points, key)
        return 200, {"balance": row[0] - points}


def _load_trust() -> None:
    from pathlib import Path

    from cryptography import x509

    ca = x509.load_pem_x509_certificate(Path(os.environ["BASELINE_CA_PEM"]).read_bytes())
    crl = x509.load_der_x509_crl(Path(os.environ["BASELINE_CRL_DER"]).read_bytes())
    _state["ca"] = ca
    _state["revoked"] = {r.serial_number for r in crl}


def _check_proof(data: dict[str, Any]) -> tuple[str, str] | tuple[None, str]:
    """(fingerprint, nonce) of a valid consent, or (None, reason)."""
    import base64
    import hashlib
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    from kiosk.core.consent import parse_statement

    consent = data["consent"]
    raw = base64.b64decode(consent["statement"])
    statement = parse_statement(raw)
    if (statement.action, statement.points, statement.terminal_id, statement.shop_id) != (
            "payment", int(data["points"]), int(data["terminal_id"]), int(data["shop_id"])):
        return None, "mismatch"
    now = datetime.now(UTC)
    if abs(statement.at - now) > timedelta(seconds=300):
        return None, "time"
    der = base64.b64decode(consent["certificate"])
    cert = x509.load_der_x509_certificate(der)
    try:
        cert.verify_directly_issued_by(_state["ca"])
        if not cert.not_valid_before_utc <= statement.at <= cert.not_valid_after_utc:
            return None, "expired"
        if cert.serial_number in _state["revoked"]:
            return None, "revoked"
        cert.public_key().verify(base64.b64decode(consent["signature"]), raw,  # type: ignore[union-attr,call-arg]
                                 padding.PKCS1v15(), hashes.SHA256())  # type: ignore[arg-type]
    except (InvalidSignature, ValueError, TypeError):
        return None, "signature"
    return hashlib.sha256(der).hexdigest(), statement.nonce


async def _pay_proof(data: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    fingerprint, nonce = _check_proof(data)
    if fingerprint is None:
        return 400, {"error": nonce}
    points, key = int(data["points"]), data["idempotency_key"]
    async with _state["pool"].acquire() as conn, conn.transaction():
        row = await conn.fetchrow("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", fingerprint)
        if row is None:
            return 404, {"error": "unknown_account"}
        if row[0] < points:
            return 409, {"error": "insufficient_points"}
        await conn.execute("UPDATE accounts SET balance = balance - $2 WHERE id = $1", fingerprint, points)
        await conn.execute("INSERT INTO ledger (account_id, amount, idem_key) VALUES ($1, $2, $3)",
                           fingerprint, -points, key)
        await conn.execute("INSERT INTO nonces (fingerprint, nonce) VALUES ($1, $2)", fingerprint, nonce)
        return 200, {"balance": row[0] - points}


async def _debit_sqlite(account: str, points: int, key: str) -> tuple[int, dict[str, Any]]:
    conn = _state["sqlite"]
    async with _state["lock"]:
        await conn.execute("BEGIN IMMEDIATE")
        try:
            cursor = await conn.execute("SELECT balance FROM accounts WHERE id = ?", (account,))
            row = await cursor.fetchone()
            if row is None or row[0] < points:
                await conn.execute("ROLLBACK")
                return (404 if row is None else 409), {"error": "refused"}
            await conn.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (points, account))
            await conn.execute("INSERT INTO ledger (account_id, amount, idem_key) VALUES (?, ?, ?)",
                               (account, -points, key))
            await conn.execute("COMMIT")
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        return 200, {"balance": row[0] - points}


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await _startup()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    if scope["path"] == "/health":
        status, payload = 200, {"status": "ok"}
    elif scope["path"] == "/pay_proof":
        status, payload = await _pay_proof(json.loads(body))
    else:
        data = json.loads(body)
        debit = _debit_pg if "pool" in _state else _debit_sqlite
        status, payload = await debit(data["mykey_id"], int(data["points"]), data["idempotency_key"])
    out = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(out)).encode())]})
    await send({"type": "http.response.body", "body": out})
