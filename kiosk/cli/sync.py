"""`kiosk sync ...`: status, drain, enrolment and dead letters, for support staff and scripts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("sync", help="offline queue and synchronisation with the points cloud")
    parser.add_argument("--data-dir", type=Path, default=None, help="terminal data directory")
    parser.add_argument("--demo", action="store_true", default=None,
                        help="demo mode (credentials in a labelled file keyring)")
    parser.add_argument("--cloud-url", dest="cloud_override", default=None,
                        help="cloud address (default: settings' cloud_url, else the one saved at enrolment)")
    sub = parser.add_subparsers(dest="sync_command", required=True)

    status = sub.add_parser("status", help="online state, queue, dead letters, last sync, list ages")
    status.add_argument("--json", action="store_true")
    status.add_argument("--no-probe", action="store_true", help="do not contact the cloud")
    status.set_defaults(func=cmd_status)

    run = sub.add_parser("run", help="drain the outbox now and print per-operation results")
    run.add_argument("--batch-size", type=int, default=200)
    run.add_argument("--max", type=int, default=None, help="send at most this many operations")
    run.add_argument("--no-pull", action="store_true", help="skip the reference-data pull")
    run.add_argument("--json", action="store_true")
    run.set_defaults(func=cmd_run)

    enrol = sub.add_parser("enrol", help="enrol this terminal with a one-time code")
    enrol.add_argument("--cloud-url", required=True)
    enrol.add_argument("--code", required=True)
    enrol.add_argument("--name", required=True)
    enrol.set_defaults(func=cmd_enrol)

    dead = sub.add_parser("dead-letters", help="operations the cloud refused for good")
    dead.add_argument("--all", action="store_true", help="include resolved ones")
    dead.add_argument("--json", action="store_true")
    dead.set_defaults(func=cmd_dead_letters)

    conflicts = sub.add_parser("conflicts", help="conflicts the cloud reported at sync, with what to do")
    conflicts.add_argument("--open", action="store_true", help="only those not acknowledged yet")
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(func=cmd_conflicts)

    ack = sub.add_parser("acknowledge", help="mark a conflict as seen by the shop")
    ack.add_argument("key")
    ack.set_defaults(func=cmd_acknowledge)

    prune = sub.add_parser("prune", help="forget operations that reached the cloud more than N days ago")
    prune.add_argument("--days", type=int, default=90)
    prune.set_defaults(func=cmd_prune)

    resolve = sub.add_parser("resolve", help="resolve a dead letter")
    resolve.add_argument("key")
    action = resolve.add_mutually_exclusive_group(required=True)
    action.add_argument("--retry", action="store_const", dest="action", const="retry")
    action.add_argument("--discard", action="store_const", dest="action", const="discard")
    resolve.add_argument("--by", required=True, help="staff name or code")
    resolve.add_argument("--note", default="")
    resolve.set_defaults(func=cmd_resolve)


def _open(args: argparse.Namespace, **options: Any) -> Any:
    from kiosk.config import Config
    from kiosk.sync.terminal import default_data_dir, open_terminal

    data_dir = args.data_dir or default_data_dir()
    settings = data_dir / "settings.json"
    cloud_url = args.cloud_override or (Config(settings).cloud_url if settings.exists() else "") or None
    return open_terminal(data_dir, demo=args.demo, cloud_url=cloud_url, **options)


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "never / 未取得"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def cmd_status(args: argparse.Namespace) -> int:
    with _open(args) as terminal:
        if not args.no_probe:
            terminal.engine.probe()
        status = terminal.engine.status()
        if args.json:
            print(json.dumps(status.as_json(), ensure_ascii=False, indent=2))
            return 0
        state = {True: "online / オンライン", False: "offline / オフライン", None: "unknown / 不明"}[status.online]
        print(f"state:        {state}")
        if not status.enrolled:
            print("enrolment:    not enrolled / 未登録")
        if status.credential_label:
            print(f"credentials:  {status.credential_label}")
        kinds = ", ".join(f"{k}={n}" for k, n in sorted(status.queue_by_kind.items())) or "-"
        print(f"queue:        {status.queue_length} ({kinds})")
        print(f"dead letters: {status.dead_letters}")
        print(f"conflicts:    {status.conflicts_open}")
        print(f"last sync:    {status.last_sync_at.isoformat() if status.last_sync_at else 'never / 未同期'}")
        print(f"lists age:    {_age(status.reference_age_seconds)}")
        counts = ", ".join(f"{k}={n}" for k, n in sorted(status.reference_counts.items()))
        print(f"lists:        {counts}")
        if status.clock_offset_seconds is not None:
            print(f"clock offset: {status.clock_offset_seconds:+.1f} s (cloud - terminal)")
        if status.last_error:
            print(f"last error:   {status.last_error}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.sync.errors import CloudRejected, CloudUnavailable

    with _open(args, batch_size=args.batch_size) as terminal:
        if terminal.client is None:
            print("not enrolled / 未登録: kiosk sync enrol --cloud-url URL --code CODE --name NAME", file=sys.stderr)
            return 1
        engine = terminal.engine

        def show(results: list[Any]) -> None:
            for r in results:
                if args.json:
                    print(json.dumps({"key": r.key, "kind": r.kind, "status": r.status, "code": r.code,
                                      "message": r.message, "message_ja": r.message_ja, "result": r.result},
                                     ensure_ascii=False), flush=True)
                else:
                    reason = f" {r.code}: {r.message_ja or ''} / {r.message or ''}" if r.code else ""
                    print(f"{r.key} {r.kind:<22} {r.status}{reason}", flush=True)

        engine.add_results_listener(show)
        report = engine.drain(args.max)
        if report.error is None and not args.no_pull:
            try:
                engine.pull_reference()
            except (CloudUnavailable, CloudRejected) as exc:
                report.error = f"reference pull: {exc}"
        if report.error is None:
            for c in engine.pull_conflicts():  # a store terminal: conflicts of its shop found by other syncs
                print(f"{c.key} {c.kind:<22} conflict {c.code}: {c.message_ja} / {c.message}", flush=True)
        summary = f"sent {len(report.results)}, remaining {report.remaining}"
        print(summary + (f", stopped: {report.error}" if report.error else ""), file=sys.stderr)
        return 0 if report.error is None else 2


def cmd_enrol(args: argparse.Namespace) -> int:
    from kiosk.sync.credentials import enrol
    from kiosk.sync.errors import CloudUnavailable, KeyringUnavailable, SyncError
    from kiosk.sync.terminal import credential_store, default_data_dir, demo_from_env

    data_dir = args.data_dir or default_data_dir()
    demo = demo_from_env() if args.demo is None else args.demo
    credentials = credential_store(data_dir, demo)
    try:
        result = enrol(args.cloud_url, args.code, args.name, credentials)
    except KeyringUnavailable as exc:
        print(f"{exc.message_ja}\n{exc.message}", file=sys.stderr)
        return 1
    except CloudUnavailable as exc:
        print(f"ポイントクラウド（{args.cloud_url}）に接続できないため登録できません。\n"
              f"Cannot enrol: the points cloud at {args.cloud_url} cannot be reached ({exc.detail}).", file=sys.stderr)
        return 1
    except SyncError as exc:
        print(f"{exc.code}: {exc.message_ja} / {exc.message}", file=sys.stderr)
        return 1
    print(f"enrolled terminal {result.terminal_id} ({result.role}) with {result.cloud_url}")
    if credentials.label:
        print(credentials.label)
    return 0


def cmd_dead_letters(args: argparse.Namespace) -> int:
    with _open(args) as terminal:
        letters = terminal.engine.outbox.dead_letters(include_resolved=args.all)
        if args.json:
            print(json.dumps([{"key": d.key, "kind": d.kind, "code": d.code, "message": d.message,
                               "message_ja": d.message_ja, "failed_at": d.failed_at.isoformat(),
                               "resolution": d.resolution, "resolved_by": d.resolved_by}
                              for d in letters], ensure_ascii=False, indent=2))
            return 0
        for d in letters:
            resolved = f" [{d.resolution} by {d.resolved_by}]" if d.resolution else ""
            print(f"{d.key} {d.kind} {d.failed_at:%Y-%m-%d %H:%M} {d.code}: {d.message_ja} / {d.message}{resolved}")
        if not letters:
            print("no dead letters / 未処理のエラーはありません")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with _open(args) as terminal:
        try:
            new_key = terminal.engine.outbox.resolve_dead_letter(args.key, args.action, by=args.by, note=args.note)
        except (KeyError, ValueError) as exc:
            print(f"cannot resolve {args.key}: {exc}", file=sys.stderr)
            return 1
        print(f"queued again as {new_key}" if new_key else "discarded")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with _open(args) as terminal:
        items = terminal.engine.outbox.conflicts(include_acknowledged=not args.open)
        if args.json:
            print(json.dumps([{"key": c.key, "kind": c.kind, "code": c.code, "message": c.message,
                               "message_ja": c.message_ja, "detail": c.detail,
                               "reported_at": c.reported_at.isoformat(),
                               "acknowledged_at": c.acknowledged_at.isoformat() if c.acknowledged_at else None}
                              for c in items], ensure_ascii=False, indent=2))
            return 0
        for c in items:
            seen = " [acknowledged / 確認済み]" if c.acknowledged_at else ""
            print(f"{c.key} {c.kind} {c.reported_at:%Y-%m-%d %H:%M} {c.code}{seen}\n  {c.message_ja}\n  {c.message}")
        if not items:
            print("no conflicts / 不整合はありません")
    return 0


def cmd_acknowledge(args: argparse.Namespace) -> int:
    with _open(args) as terminal:
        try:
            terminal.engine.outbox.acknowledge_conflict(args.key)
        except KeyError:
            print(f"no conflict {args.key}", file=sys.stderr)
            return 1
    print("acknowledged / 確認済み")
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    from datetime import timedelta

    with _open(args) as terminal:
        removed = terminal.engine.outbox.prune(terminal.engine.clock.cloud_now() - timedelta(days=args.days))
    print(f"removed {removed} finished operations / 完了済みの操作 {removed} 件を削除しました")
    return 0
