"""Opening a local store that is already at the newest schema does not load Alembic (a terminal's start-up,
benchmarks/cold_start.py); a new store or an older schema is still migrated by Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from kiosk.sync.db import alembic_config, current_revision, make_engine, script_head, upgrade


def test_the_head_is_read_from_the_scripts():
    heads = sorted(p.name.split("_")[0] for p in Path("kiosk/sync/migrations/versions").glob("0*.py"))
    assert script_head() == heads[-1]


def test_alembic_runs_only_when_the_schema_is_behind(tmp_path, monkeypatch):
    engine = make_engine(tmp_path / "terminal.db")
    calls: list[str] = []
    real = command.upgrade

    def spy(config, revision, **kw):  # type: ignore[no-untyped-def]
        calls.append(revision)
        return real(config, revision, **kw)

    monkeypatch.setattr(command, "upgrade", spy)
    upgrade(engine)  # a new store: Alembic creates it
    assert calls == ["head"] and current_revision(engine) == script_head()
    upgrade(engine)  # at head: nothing to do, Alembic not asked
    assert calls == ["head"]
    previous = str(int(script_head() or "0") - 1).zfill(4)
    command.downgrade(alembic_config(engine), previous)
    assert current_revision(engine) == previous
    upgrade(engine)  # behind: Alembic brings it to head
    assert calls == ["head", "head"] and current_revision(engine) == script_head()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()
