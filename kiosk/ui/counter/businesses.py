"""The businesses a resident can link a customer ID to, by name (the clerk never types a code like LIB-FUCHU).

The cloud keeps service IDs as (business ID, customer ID) and has no list of businesses yet; until the reference
data carries one, the counter offers the municipality's own services here, plus "another business" by its ID."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.config import QT_TRANSLATE_NOOP

BUSINESSES: tuple[tuple[str, str], ...] = (
    ("LIB-FUCHU", QT_TRANSLATE_NOOP("Businesses", "City library")),
    ("GYM-FUCHU", QT_TRANSLATE_NOOP("Businesses", "City sports centre")),
    ("BUS-FUCHU", QT_TRANSLATE_NOOP("Businesses", "Community bus")),
    ("CLINIC-FUCHU", QT_TRANSLATE_NOOP("Businesses", "Health check-up centre")),
)
_NAMES = dict(BUSINESSES)


def business_name(business_id: str) -> str:
    name = _NAMES.get(business_id)
    return QCoreApplication.translate("Businesses", name) if name else business_id
