"""Demo mode's Qt-free backend: the embedded cloud on SQLite in the demo data dir (init-demo when fresh), this
terminal enrolled with a demo code (credentials in a clearly labelled file keyring), the simulated card reader
with the sample residents, and the terminal runtime on top. Also used by the UI tests and the screenshots.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.services.runtime import TerminalRuntime

log = logging.getLogger(__name__)
INFO_FILE = "demo-info.json"
TERMINAL_NAME = "デモ窓口端末"


@dataclass(frozen=True)
class DemoCard:
    key: str
    name: str
    mykey_id: str | None  # as created by init-demo
    blocked: bool
    revoked: bool


@dataclass
class DemoBackend:
    data_dir: Path
    cloud: Any  # kiosk_cloud.embedded.EmbeddedCloud
    runtime: TerminalRuntime
    card_backend: Any  # kiosk.card.backends.simulated.SimulatedBackend
    info: dict[str, Any]
    fresh: bool
    _stopped: bool = field(default=False, repr=False)

    @property
    def reader(self) -> Any:
        return self.card_backend.reader()

    @property
    def residents(self) -> list[Any]:
        return list(self.card_backend.pki.residents)

    def sample_cards(self) -> list[DemoCard]:
        """The sample cards for the demo panel (the UI words them)."""
        known = self.info.get("residents", {})
        return [DemoCard(r.key, r.name, known.get(r.key), r.blocked, r.revoked) for r in self.residents]

    @staticmethod
    def sample_pins() -> tuple[str, str]:
        """The sample cards' JPKI and card-text PINs: public test data, shown in demo mode only."""
        from kiosk.demo import DEMO_JPKI_PIN, DEMO_TEXT_PIN

        return DEMO_JPKI_PIN, DEMO_TEXT_PIN

    def staff_login(self) -> tuple[str, str]:
        first = self.info["staff_logins"][0]
        return str(first["staff_code"]), str(first["password"])

    @classmethod
    def start(cls, data_dir: Path, *, port: int = 0, wait_s: float = 3.0, probe_interval: float = 5.0,
              card_service_factory: Any = None, database_url: str | None = None) -> DemoBackend:
        """`database_url`: the embedded cloud's database (tests run it on PostgreSQL); default SQLite in data_dir."""
        from kiosk.card.backends.simulated import SimulatedBackend
        from kiosk.sync.credentials import CredentialStore, enrol
        from kiosk_cloud.demo import init_demo
        from kiosk_cloud.embedded import start_embedded

        data_dir.mkdir(parents=True, exist_ok=True)
        cloud_dir = data_dir / "cloud"
        cloud_dir.mkdir(exist_ok=True)
        database_url = database_url or f"sqlite:///{cloud_dir / 'cloud.db'}"
        info_path = data_dir / INFO_FILE
        fresh = not info_path.exists()
        cloud = start_embedded(database_url, port=port)
        try:
            if fresh:
                demo = init_demo(database_url, cloud_dir)
                info = {"enrolment_codes": demo.enrolment_codes, "staff_logins": demo.staff_logins,
                        "residents": demo.residents, "municipality_name": demo.municipality_name,
                        "pki_dir": str(demo.pki_dir)}
                info_path.write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
            info = json.loads(info_path.read_text(encoding="utf-8"))
            credentials = CredentialStore(demo_dir=data_dir / "keyring")
            saved = credentials.load()
            if saved is None:
                saved = enrol(cloud.url, info["enrolment_codes"]["counter"], TERMINAL_NAME, credentials)
            card_backend = SimulatedBackend(pki_dir=info["pki_dir"])
            factory = card_service_factory or default_card_service
            card_service = factory(card_backend)
            # the embedded cloud listens on a new port each start: use its address, keep the enrolled token
            runtime = TerminalRuntime.start(data_dir / "terminal", cloud.url, saved.token, saved.role, card_service,
                                            credential_label=credentials.label, wait_s=wait_s,
                                            probe_interval=probe_interval)
            runtime.cleanups.append(lambda: _stop_card(card_service))
        except BaseException:
            cloud.stop()
            raise
        return cls(data_dir, cloud, runtime, card_backend, info, fresh)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.runtime.stop()
        with contextlib.suppress(Exception):
            self.cloud.stop()


def default_card_service(backend: Any) -> Any:
    from kiosk.card.service import CardService

    service = CardService(backend)
    start = getattr(service, "start", None)
    if callable(start):
        start()
    return service


def _stop_card(service: Any) -> None:
    for name in ("stop", "close", "shutdown"):
        fn = getattr(service, name, None)
        if callable(fn):
            fn()
            return
