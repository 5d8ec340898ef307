"""The `Cloud` handle the sync integration tests get: the real server process, its demo data, an admin client."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync_cloudproc import CloudProcess

from kiosk.sync.client import CloudClient
from kiosk.sync.credentials import enrol
from kiosk.sync.terminal import credential_store, open_terminal
from kiosk_cloud.demo import DemoInfo


@dataclass
class Cloud:
    process: CloudProcess
    info: DemoInfo
    admin: CloudClient
    tmp: Path

    @property
    def url(self) -> str:
        return self.process.url

    def programme(self, name_en: str) -> dict[str, Any]:
        return next(p for p in self.info.programmes if p["name_en"] == name_en)

    def new_terminal(self, role: str, name: str, cloud_url: str | None = None, shop: int = 0) -> Path:
        """Enrol a fresh terminal (demo file keyring) and return its data directory (a store: of the demo's
        `shop`-th shop)."""
        code = self.admin.create_enrolment_code(role, name, self.info.shops[shop]["id"] if role == "store" else None)
        data_dir = self.tmp / f"terminal-{name}"
        enrol(cloud_url or self.url, code["code"], name, credential_store(data_dir, demo=True))
        return data_dir

    def clerk(self, t: Any, staff_code: str = "S001") -> str:
        """Log a demo clerk in on an open terminal (kiosk.sync.terminal.TerminalSync): its client sends the session
        and the operations it queues that need one carry it (issue 8). Returns the session."""
        assert t.client is not None
        return str(t.client.staff_login(staff_code, "demo-pass")["staff_session"])

    def clerk_session(self, data_dir: Path, staff_code: str = "S001") -> str:
        """A clerk's session opened with the credentials of the terminal in `data_dir` (for a bare Outbox)."""
        with open_terminal(data_dir, demo=True) as t:
            return self.clerk(t, staff_code)

    def ledger_counts(self) -> dict[str, int]:
        """Ledger rows per idempotency key, read straight from the cloud's database file (read-only)."""
        conn = sqlite3.connect(f"file:{self.process.db_path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT idempotency_key, count(*) FROM ledger WHERE idempotency_key IS NOT NULL "
                                "GROUP BY idempotency_key").fetchall()
        finally:
            conn.close()
        return {key: n for key, n in rows}
