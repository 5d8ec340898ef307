"""What every screen is given by constructor: services, the resident session, the operation runner, sound."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.services import Services
from kiosk.ui.ops import OpRunner
from kiosk.ui.session import ResidentSession


@dataclass
class UiContext:
    services: Services
    session: ResidentSession
    runner: OpRunner
    sound: Callable[[str], None] = lambda name: None  # "ok" | "error"
    demo: bool = False
    data_dir: Path = field(default_factory=Path.cwd)
    terminal_name: str = ""
    is_online: Callable[[], bool | None] = lambda: None  # the sync engine's last word (None: not known yet)
    resident_display: Any = None  # kiosk.ui.resident_display.ResidentDisplay when a second screen faces the resident
    admin_pin: Any = None  # kiosk.services.admin_pin.AdminPin: the settings screen asks for it (None: locked)
    store: Any = None  # kiosk.services.store_terminal.StoreTerminal: the shop's screens (None: not a shop terminal)
    office: Any = None  # kiosk.services.office_terminal.OfficeTerminal: the office's screens (issue 11)
    admin: Any = None  # kiosk.services.admin_terminal.AdminTerminal: the administration screens (issue 12)
