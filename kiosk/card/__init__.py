"""Reading the My Number Card: reader backends (pcsc, nfc, simulated), the JPKI and card-text protocols, the APDU
guard, the card thread and card events. The UI uses `CardService` (Qt-free) or the Qt bridge in `kiosk.card.qt`.
"""

from kiosk.card.backend import BACKEND_NAMES, Backend, ReaderStatus, create_backend
from kiosk.card.basic_items import BasicItems
from kiosk.card.errors import (
    CardError,
    CardRemoved,
    CardTimeout,
    ConsentRequired,
    InvalidPinFormat,
    NoCard,
    NoReader,
    NotMyNumberCard,
    PinBlocked,
    ReaderGone,
    WrongPin,
)
from kiosk.card.events import (
    CardEvent,
    CardInsertedEvent,
    CardRemovedEvent,
    ReaderAddedEvent,
    ReaderRemovedEvent,
)
from kiosk.card.interaction import InteractionHandler, PinRequest, TerminalInteraction
from kiosk.card.jpki import UserAuthCertificate
from kiosk.card.municipality import Municipality, derive_municipality
from kiosk.card.service import Authentication, CardService, CardStats

__all__ = [
    "BACKEND_NAMES", "Authentication", "Backend", "BasicItems", "CardError", "CardEvent", "CardInsertedEvent",
    "CardRemoved", "CardRemovedEvent", "CardService", "CardStats", "CardTimeout", "ConsentRequired",
    "InteractionHandler", "InvalidPinFormat", "Municipality", "NoCard", "NoReader", "NotMyNumberCard",
    "PinBlocked", "PinRequest", "ReaderAddedEvent", "ReaderGone", "ReaderRemovedEvent", "ReaderStatus",
    "TerminalInteraction", "UserAuthCertificate", "WrongPin", "create_backend", "derive_municipality",
]
