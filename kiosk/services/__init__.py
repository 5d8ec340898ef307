"""Application services composing card + cloud client + local store for the screens (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.services.grants import GrantService
from kiosk.services.measures import MeasureService
from kiosk.services.mykey import MyKeyService
from kiosk.services.ports import CardPort, CloudPort, OutboxPort
from kiosk.services.resident import ResidentAuth
from kiosk.services.staff import StaffService


@dataclass
class Services:
    cloud: CloudPort
    card: CardPort
    outbox: OutboxPort
    auth: ResidentAuth
    mykey: MyKeyService
    measures: MeasureService
    grants: GrantService
    staff: StaffService


def build_services(cloud: CloudPort, card: CardPort, outbox: OutboxPort, wait_s: float = 3.0) -> Services:
    return Services(
        cloud=cloud, card=card, outbox=outbox,
        auth=ResidentAuth(card, cloud),
        mykey=MyKeyService(cloud),
        measures=MeasureService(cloud, card, outbox, wait_s),
        grants=GrantService(cloud, outbox, wait_s),
        staff=StaffService(cloud),
    )
