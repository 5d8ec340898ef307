"""`kiosk-cloud`: serve the reference points cloud, create the demo municipality, migrate, manage trust."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from kiosk_cloud.settings import DEFAULT_DATABASE_URL


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", default=os.environ.get("KIOSK_CLOUD_DATABASE_URL", DEFAULT_DATABASE_URL),
                        help="sqlite:///path (default) or postgresql://user:pass@host/db")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-cloud", description="Reference MyKey points cloud")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="upgrade the database to head and serve the /v1 API")
    _db_arg(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--pool-size", type=int, default=None, help="connections per worker (PostgreSQL)")
    serve.add_argument("--log-level", default="warning")
    serve.add_argument("--ca-cert", type=Path, action="append", default=[],
                       help="trust this JPKI user-auth CA certificate (PEM/DER) before serving; repeatable")
    serve.add_argument("--crl", type=Path, action="append", default=[],
                       help="install this CRL (PEM/DER) before serving; repeatable")
    demo = sub.add_parser("init-demo", help="create the demo municipality and print enrolment codes")
    _db_arg(demo)
    demo.add_argument("--data-dir", default="var/demo", help="where the demo test PKI lives")
    migrate = sub.add_parser("migrate", help="upgrade the database to the newest schema")
    _db_arg(migrate)
    ca = sub.add_parser("trust-add-ca", help="trust a JPKI user-auth CA certificate (PEM or DER file)")
    _db_arg(ca)
    ca.add_argument("path", type=Path)
    crl = sub.add_parser("trust-set-crl", help="install the CA's current revocation list (DER or PEM file)")
    _db_arg(crl)
    crl.add_argument("path", type=Path)
    seed = sub.add_parser("seed-bench", help="benchmark data: MyKey IDs B0000001… with points (after init-demo)")
    _db_arg(seed)
    seed.add_argument("--residents", type=int, default=1000)
    seed.add_argument("--points", type=int, default=1_000_000)
    seed.add_argument("--data-dir", default="var/demo",
                      help="the init-demo data directory: bench certificates come from its demo CA (written to pki/bench)")
    year = sub.add_parser("seed-year", help="a municipality's year for the report benchmark, written by the "
                                            "database in bulk (after init-demo; issue 12)")
    _db_arg(year)
    for name, default in (("residents", 300_000), ("ledger-rows", 5_000_000), ("shops", 1000), ("vouchers", 200_000),
                          ("applications", 100_000), ("conflicts", 10_000)):
        year.add_argument(f"--{name}", type=int, default=default)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "init-demo":
        return _init_demo(args)
    if args.command == "seed-bench":
        from kiosk_cloud.benchseed import seed_benchmark

        ids = seed_benchmark(args.database_url, args.residents, args.points, args.data_dir)
        print(f"{len(ids)} MyKey IDs {ids[0]}…{ids[-1]} with {args.points} points each (point type 1), "
              f"bound to certificates in {args.data_dir}/pki/bench (pay them with a signed consent)")
        return 0
    if args.command == "seed-year":
        from kiosk_cloud.benchseed_year import seed_year

        print(seed_year(args.database_url, residents=args.residents, ledger_rows=args.ledger_rows, shops=args.shops,
                        vouchers=args.vouchers, applications=args.applications, conflicts=args.conflicts))
        return 0
    from kiosk_cloud.migrate import upgrade_to_head

    upgrade_to_head(args.database_url)
    if args.command == "migrate":
        print("database at head")
        return 0
    return asyncio.run(_import_trust(args.database_url, "ca" if args.command == "trust-add-ca" else "crl", args.path))


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from kiosk_cloud.migrate import upgrade_to_head

    upgrade_to_head(args.database_url)
    for path in args.ca_cert:
        if asyncio.run(_import_trust(args.database_url, "ca", path)) != 0:
            return 2
    for path in args.crl:
        if asyncio.run(_import_trust(args.database_url, "crl", path)) != 0:
            return 2
    os.environ["KIOSK_CLOUD_DATABASE_URL"] = args.database_url
    if args.pool_size:
        os.environ["KIOSK_CLOUD_POOL_SIZE"] = str(args.pool_size)
    from kiosk_cloud.metrics import prepare_multiprocess, remove_multiprocess_dir

    metrics_dir = prepare_multiprocess(args.workers)  # the workers' metrics summed per node (issue 13)
    print(f"kiosk-cloud serving on http://{args.host}:{args.port}/v1 (workers: {args.workers})", flush=True)
    try:
        uvicorn.run("kiosk_cloud.app:create_app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level=args.log_level, access_log=False)
    finally:
        remove_multiprocess_dir(metrics_dir)
    return 0


def _init_demo(args: argparse.Namespace) -> int:
    from kiosk_cloud.demo import init_demo

    info = init_demo(args.database_url, Path(args.data_dir))
    print(f"demo municipality: {info.municipality_name} ({info.municipality_code})")
    print(f"database: {info.database_url}")
    print("enrolment codes (one-time, 7 days):")
    for role, code in info.enrolment_codes.items():
        print(f"  {role:8s} {code}")
    print(f"staff logins (password '{info.staff_logins[0]['password']}' for all):" if info.staff_logins else "")
    for s in info.staff_logins:
        print(f"  {s['staff_code']}  {s['name']}  ({s.get('role', 'counter')})")
    print("sample residents (key → MyKey ID):")
    for key, mykey_id in info.residents.items():
        print(f"  {key:10s} {mykey_id or '-'}")
    return 0


async def _import_trust(database_url: str, kind: str, path: Path) -> int:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from kiosk_cloud.db import Database
    from kiosk_cloud.services.trust import add_ca, set_crl

    raw = path.read_bytes()
    db = Database(database_url, pool_size=1)
    try:
        async with db.write() as conn:
            if kind == "ca":
                cert = x509.load_pem_x509_certificate(raw) if raw.startswith(b"-----") else x509.load_der_x509_certificate(raw)
                await add_ca(conn, cert.public_bytes(Encoding.DER))
            else:
                crl = x509.load_pem_x509_crl(raw) if raw.startswith(b"-----") else x509.load_der_x509_crl(raw)
                await set_crl(conn, crl.public_bytes(Encoding.DER))
    except ValueError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 2
    finally:
        await db.dispose()
    print(f"trust store: {kind} {path.name} installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
