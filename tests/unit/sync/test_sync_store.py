from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kiosk.sync.db import current_revision
from kiosk.sync.models import Operation, OutboxEntry, Redemption
from kiosk.sync.outbox import Outbox
from kiosk.sync.store import WRITER_THREAD_NAME, LocalStore


def test_open_runs_migrations_and_sets_wal_and_full_sync(store: LocalStore) -> None:
    assert current_revision(store.engine) == "0003"
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_writes_run_on_the_single_writer_thread(store: LocalStore) -> None:
    names = set()

    def txn(session: object) -> None:
        store.assert_writer()
        names.add(threading.current_thread().name)

    threads = [threading.Thread(target=lambda: store.write(txn)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(names) == 1 and next(iter(names)).startswith(WRITER_THREAD_NAME)
    with pytest.raises(AssertionError):
        store.assert_writer()


def test_state_round_trip_survives_reopen(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "t.db") as s:
        s.set_state("cursor", 42)
        s.set_state("cursor", 43)
    with LocalStore(tmp_path / "t.db") as s:
        assert s.get_state("cursor") == 43
        assert s.get_state("missing", "dflt") == "dflt"


def test_local_row_and_outbox_entry_are_one_transaction(store: LocalStore) -> None:
    outbox = Outbox(store)

    def local(session, key):  # type: ignore[no-untyped-def]
        session.add(Redemption(voucher_number="1234567890123", operation_key=key, points=1,
                               redeemed_at=outbox._clock()))
        session.flush()
        raise RuntimeError("power cut in the middle")

    with pytest.raises(RuntimeError):
        outbox.enqueue("voucher_redeem", {"code": "X"}, local=local)
    counts = store.read(lambda s: (len(s.scalars(select(Operation)).all()),
                                   len(s.scalars(select(OutboxEntry)).all()),
                                   len(s.scalars(select(Redemption)).all())))
    assert counts == (0, 0, 0)


def test_committed_operation_survives_a_crashed_process(tmp_path: Path) -> None:
    """A subprocess enqueues, then dies by SIGKILL before closing anything: the row must be there."""
    import subprocess
    import sys

    code = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from kiosk.sync.store import LocalStore\n"
        "from kiosk.sync.outbox import Outbox\n"
        f"s = LocalStore(Path({str(tmp_path / 'c.db')!r}))\n"
        "print(Outbox(s).enqueue('grant', {'points': 7}), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9
    key = proc.stdout.strip()
    with LocalStore(tmp_path / "c.db") as s:
        queued = Outbox(s).peek(10)
        assert [op.key for op in queued] == [key]
        assert queued[0].payload == {"points": 7}


def test_migrations_match_the_models_and_go_both_ways(tmp_path: Path) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from kiosk.sync.db import alembic_config, make_engine, upgrade
    from kiosk.sync.models import Base

    engine = make_engine(tmp_path / "m.db")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    command.downgrade(alembic_config(engine), "base")
    with engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert tables <= {"alembic_version"}
    upgrade(engine)
    assert current_revision(engine) == "0003"
    engine.dispose()
