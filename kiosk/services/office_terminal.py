"""An office terminal's Qt-free parts (issue 11): the cloud connection with the terminal's credentials, the office
service, reconciliation bundles and settlements. Online only: no local queue (nothing the office does may happen
without the cloud's answer). `OfficeTerminal.demo(backend)` enrols an office terminal beside the demo counter on
the same embedded cloud and card reader (credentials in the labelled demo file keyring)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.services.office import OfficeService
from kiosk.services.office_cloud import OfficeCloud
from kiosk.services.office_settlement import OfficeSettlements
from kiosk.services.staff_terminal import StaffTerminal
from kiosk.services.store_records import parse_target

DEMO_OFFICE_NAME = "デモ商店街事務局端末"


@dataclass
class OfficeTerminal(StaffTerminal):
    service: OfficeService
    settlements: OfficeSettlements
    cloud: OfficeCloud
    credentials: Any

    @classmethod
    def start(cls, data_dir: Path, cloud_url: str, credentials: Any, card_service: Any, *,
              demo_keyring: bool = False) -> OfficeTerminal:
        client = cls.open_client(data_dir, cloud_url, credentials, demo_keyring=demo_keyring)
        cloud = OfficeCloud(client)
        service = OfficeService(cloud, card_service, terminal_id=int(credentials.terminal_id),
                                municipality_code=str(credentials.municipality_code or ""), out_dir=data_dir)
        with contextlib.suppress(Exception):  # the point's own name for the paper (offline at start: the default)
            types = client.point_types()
            first = (types.get("point_types") if isinstance(types, dict) else types) or []
            if first:
                service.point_name = str(first[0].get("name") or service.point_name)
                service.point_name_en = str(first[0].get("name_en") or "")
        with contextlib.suppress(Exception):
            shops = client.shops()
            rows = (shops.get("shops") if isinstance(shops, dict) else shops) or []
            if rows:
                service.street_name = str(rows[0].get("street") or service.street_name)
        # the receipt printer for voucher tickets: the shop's setting (KIOSK_RECEIPT_PRINTER=host[:port] | device)
        service.printer = parse_target(os.environ.get("KIOSK_RECEIPT_PRINTER"))
        terminal = cls(service, OfficeSettlements(cloud, data_dir), cloud, credentials)
        terminal.cleanups.append(client.close)
        return terminal

    @classmethod
    def demo(cls, backend: Any) -> OfficeTerminal:
        saved = cls.demo_credentials(backend, "office", DEMO_OFFICE_NAME)
        terminal = cls.start(backend.data_dir / "office-terminal", backend.cloud.url, saved,
                             backend.runtime.card_service, demo_keyring=True)
        terminal.add_demo_logins(backend, ("OFC01", "S001"))
        return terminal
