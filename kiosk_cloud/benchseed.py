"""Benchmark data: many MyKey IDs with points, each bound to a user-auth certificate, so that a load test spreads
over many accounts and pays with the resident's signed consent like any card payment.

Certificates: one RSA-2048 key for all bench residents (key generation is the slow part) and one certificate per
MyKey ID, issued by the demo test CA of `<data_dir>/pki` (the directory of `kiosk-cloud init-demo --data-dir`).
The key and the certificates are written to `<data_dir>/pki/bench/` (`resident.key.pem`, `residents.json` with
`{mykey_id: base64 DER}`); `load_bench_residents(data_dir)` gives them back and `BenchResident.consent(...)` signs a
consent in the wire form. Only the certificate's fingerprint, serial and issuer go into the cloud's database.
For benchmarks and load tests only, never for a real municipality.
"""

from __future__ import annotations

import asyncio
import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now, to_wire
from kiosk.demo import certs
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.jpki import cert_info
from kiosk_cloud.migrate import upgrade_to_head
from kiosk_cloud.models import certificates, departments, mykey_ids, point_types, programmes
from kiosk_cloud.services.ledger_ops import grant
from kiosk_cloud.services.reference import add_programme

BENCH_DIR = "bench"


def bench_mykey_id(index: int) -> str:
    return f"B{index:07d}"


@dataclass(frozen=True)
class BenchResident:
    mykey_id: str
    cert_der: bytes
    key: rsa.RSAPrivateKey

    def consent(self, *, municipality_code: str, shop_id: int | None, terminal_id: int, point_type_id: int,
                points: int, action: str = "payment", count: int = 1, at: datetime | None = None) -> dict[str, str]:
        """A signed consent (wire form) as the resident's card would make it."""
        data = encode_statement(ConsentStatement(
            action=action, municipality_code=municipality_code, shop_id=shop_id, terminal_id=terminal_id,
            point_type_id=point_type_id, points=points, count=count, nonce=new_nonce(),
            at=statement_now(at or datetime.now(UTC))))
        return to_wire(data, self.key.sign(data, padding.PKCS1v15(), hashes.SHA256()), self.cert_der)


def _bench_files(data_dir: Path) -> Path:
    return Path(data_dir) / "pki" / BENCH_DIR


def _certificates(data_dir: Path, ids: list[str]) -> dict[str, bytes]:
    """A certificate per MyKey ID from the demo CA (made once, then reused), all for one bench key."""
    pki = Path(data_dir) / "pki"
    out_dir = _bench_files(data_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    key_file, index_file = out_dir / "resident.key.pem", out_dir / "residents.json"
    if key_file.exists():
        key = serialization.load_pem_private_key(key_file.read_bytes(), None)
        assert isinstance(key, rsa.RSAPrivateKey)
    else:
        key = certs.new_rsa_key()
        key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    known: dict[str, str] = json.loads(index_file.read_text()) if index_file.exists() else {}
    missing = [i for i in ids if i not in known]
    if missing:
        ca_key = serialization.load_pem_private_key((pki / "ca.key.pem").read_bytes(), None)
        assert isinstance(ca_key, rsa.RSAPrivateKey)
        ca_cert = x509.load_pem_x509_certificate((pki / "ca.crt.pem").read_bytes())
        now = certs.utcnow()
        for mykey_id in missing:
            cert = certs.make_user_auth_cert(ca_key, ca_cert, key.public_key(), now)
            known[mykey_id] = base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()
        index_file.write_text(json.dumps(known))
    return {i: base64.b64decode(known[i]) for i in ids}


def load_bench_residents(data_dir: Path) -> list[BenchResident]:
    """The bench residents written by `seed_benchmark` (MyKey ID order)."""
    out_dir = _bench_files(data_dir)
    key = serialization.load_pem_private_key((out_dir / "resident.key.pem").read_bytes(), None)
    assert isinstance(key, rsa.RSAPrivateKey)
    known: dict[str, str] = json.loads((out_dir / "residents.json").read_text())
    return [BenchResident(i, base64.b64decode(der), key) for i, der in sorted(known.items())]


async def _seed(database_url: str, data_dir: Path, residents: int, points: int) -> list[str]:
    db = Database(database_url, pool_size=2)
    try:
        now = utcnow()
        async with db.write() as conn:
            prog = await _bench_programme(conn)
            existing = set((await conn.execute(select(mykey_ids.c.mykey_id).where(
                mykey_ids.c.mykey_id.like("B%")))).scalars().all())
            bound = set((await conn.execute(select(certificates.c.mykey_id).where(
                certificates.c.mykey_id.like("B%")))).scalars().all())
        ids = [bench_mykey_id(i) for i in range(1, residents + 1)]
        ders = _certificates(data_dir, ids)
        for start in range(0, len(ids), 200):
            async with db.write() as conn:
                for mykey_id in ids[start:start + 200]:
                    if mykey_id not in existing:
                        await conn.execute(insert(mykey_ids).values(mykey_id=mykey_id, status="valid", created_at=now,
                                                                    status_changed_at=now))
                    if mykey_id not in bound:
                        info = cert_info(x509.load_der_x509_certificate(ders[mykey_id]), ders[mykey_id])
                        await conn.execute(insert(certificates).values(
                            fingerprint=info.fingerprint, mykey_id=mykey_id, serial=info.serial, issuer=info.issuer,
                            not_after=info.not_after, bound_at=now))
                    await grant(conn, programme_id=prog, mykey_id=mykey_id, points=points,
                                terminal_id=None, now=now)
        return ids
    finally:
        await db.dispose()


BENCH_PROGRAMME = "Load-test points"


async def _bench_programme(conn: AsyncConnection) -> int:
    """A programme of the first point type for load tests (any amount up to the 10,000,000-point maximum)."""
    found = (await conn.execute(select(programmes.c.id).where(programmes.c.name_en == BENCH_PROGRAMME))).scalar()
    if found is not None:
        return int(found)
    first_type = (await conn.execute(select(point_types.c.id).order_by(point_types.c.id))).scalar()
    department = (await conn.execute(select(departments.c.id).order_by(departments.c.id))).scalar()
    if first_type is None or department is None:
        raise RuntimeError("run init-demo first: no point type or department exists")
    return await add_programme(conn, department_id=department, point_type_id=first_type, name="負荷試験用ポイント",
                               name_en=BENCH_PROGRAMME, premium=False, validity_days=3650,
                               max_points_per_grant=10_000_000)


def seed_benchmark(database_url: str, residents: int = 1000, points: int = 1_000_000,
                   data_dir: Path | str = "var/demo") -> list[str]:
    """Create (or top up) `residents` MyKey IDs B0000001… with `points` points of the first point type, each bound
    to a bench certificate of the demo CA in `data_dir`/pki (see the module docstring)."""
    upgrade_to_head(database_url)
    if not (Path(data_dir) / "pki" / "ca.key.pem").exists():
        raise RuntimeError(f"no demo PKI in {data_dir}/pki: run kiosk-cloud init-demo --data-dir {data_dir} first")
    return asyncio.run(_seed(database_url, Path(data_dir), residents, points))
