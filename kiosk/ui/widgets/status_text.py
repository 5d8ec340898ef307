"""Translated names of MyKey ID statuses and application review states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.config import QT_TRANSLATE_NOOP

_STATUS = {
    "valid": QT_TRANSLATE_NOOP("Status", "valid"),
    "invalid": QT_TRANSLATE_NOOP("Status", "invalid"),
    "suspended": QT_TRANSLATE_NOOP("Status", "suspended"),
    "approved": QT_TRANSLATE_NOOP("Status", "approved: the points will be granted"),
    "pending_review": QT_TRANSLATE_NOOP("Status", "submitted: waiting for the municipality's review"),
    "pending": QT_TRANSLATE_NOOP("Status", "submitted: waiting for the municipality's review"),
    "submitted": QT_TRANSLATE_NOOP("Status", "submitted"),
    "applied": QT_TRANSLATE_NOOP("Status", "submitted: waiting for the municipality's review"),
    "granted": QT_TRANSLATE_NOOP("Status", "approved: the points have been granted"),
    "rejected": QT_TRANSLATE_NOOP("Status", "not approved"),
    "queued": QT_TRANSLATE_NOOP("Status", "saved on this terminal: it will be sent when the terminal is online"),
}


def status_text(status: str) -> str:
    text = _STATUS.get(status)
    return QCoreApplication.translate("Status", text) if text else status
