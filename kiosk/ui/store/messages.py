"""What the shop's screens say for each refusal: a headline, the kind of result panel (its colour) and its sound.
The detail line is the one catalogue's text (kiosk/ui/errors.py, else the cloud's or the terminal's own Japanese
/ English message carried by the ServiceError)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kiosk.config import QT_TRANSLATE_NOOP
from kiosk.services.errors import ServiceError
from kiosk.ui.errors import headline_for, message_for

CTX = "StoreMessages"


@dataclass(frozen=True)
class Said:
    kind: str  # result panel kind: error | warning
    headline: str
    detail: str
    sound: str


# code -> (kind, headline, sound, own detail or "" for the catalogue's)
_TABLE: dict[str, tuple[str, str, str, str]] = {
    # vouchers: each its own headline, colour and sound
    "voucher_bad_signature": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Forged or altered voucher"), "voucher_forged",
                              QT_TRANSLATE_NOOP("StoreMessages", "Do not accept it. Keep the voucher and tell the office.")),
    "voucher_malformed": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Not a point voucher"), "warning",
                          QT_TRANSLATE_NOOP("StoreMessages", "The code cannot be read as a point voucher. Scan it again, or "
                                                 "check that it is this municipality's voucher.")),
    "voucher_expired": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Voucher expired"), "voucher_expired", ""),
    "voucher_not_yet_valid": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Voucher not valid yet"), "voucher_expired", ""),
    "voucher_voided": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Voucher voided"), "voucher_used", ""),
    "voucher_already_used_here": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Already used at this shop"), "voucher_used", ""),
    "voucher_already_used": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Voucher already used"), "voucher_used", ""),
    "voucher_other_municipality": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Not this municipality's voucher"),
                                   "voucher_forged",
                                   QT_TRANSLATE_NOOP("StoreMessages", "This voucher was not issued by this municipality (or "
                                                          "with a key this terminal has not received yet). Do "
                                                          "not accept it.")),
    "unknown_voucher_key": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Not this municipality's voucher"), "voucher_forged",
                            ""),
    "voucher_key_revoked": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Voucher key revoked"), "voucher_forged", ""),
    "voucher_key_expired": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Voucher key no longer valid"), "voucher_forged", ""),
    "voucher_keys_missing": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Vouchers cannot be checked yet"), "warning", ""),
    "unknown_voucher": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Unknown voucher"), "voucher_forged", ""),
    "voucher_invalid": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Voucher not valid"), "voucher_forged", ""),
    # card payments
    "insufficient_points": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Not enough points"), "error", ""),
    "offline_limit_exceeded": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Offline limit reached"), "error",
                               QT_TRANSLATE_NOOP("StoreMessages", "Offline, this card can pay no more today. The full balance "
                                                      "can be used again when the terminal is online.")),
    "offline_limit_unknown": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Card payments need the cloud"), "warning", ""),
    "mykey_id_not_valid": ("error", QT_TRANSLATE_NOOP("StoreMessages", "MyKey ID suspended"), "error",
                           QT_TRANSLATE_NOOP("StoreMessages", "This MyKey ID is suspended or no longer valid, so it cannot "
                                                  "pay. Please ask at the municipal office.")),
    "mykey_id_suspended": ("error", QT_TRANSLATE_NOOP("StoreMessages", "MyKey ID suspended"), "error",
                           QT_TRANSLATE_NOOP("StoreMessages", "This MyKey ID is suspended or no longer valid, so it cannot "
                                                  "pay. Please ask at the municipal office.")),
    "mykey_id_invalid": ("error", QT_TRANSLATE_NOOP("StoreMessages", "MyKey ID suspended"), "error",
                         QT_TRANSLATE_NOOP("StoreMessages", "This MyKey ID is suspended or no longer valid, so it cannot "
                                                "pay. Please ask at the municipal office.")),
    "no_mykey_id": ("error", QT_TRANSLATE_NOOP("StoreMessages", "No MyKey ID"), "error",
                    QT_TRANSLATE_NOOP("StoreMessages", "This card has no MyKey ID, so it has no points. A MyKey ID is made "
                                           "at the municipal counter.")),
    "certificate_not_bound": ("error", QT_TRANSLATE_NOOP("StoreMessages", "No MyKey ID"), "error",
                              QT_TRANSLATE_NOOP("StoreMessages", "This card has no MyKey ID, so it has no points. A MyKey ID "
                                                     "is made at the municipal counter.")),
    "card_certificate_revoked": ("error", QT_TRANSLATE_NOOP("StoreMessages", "The certificate is revoked"), "error", ""),
    "card_certificate_expired": ("error", QT_TRANSLATE_NOOP("StoreMessages", "The card cannot be used"), "error", ""),
    "card_certificate_untrusted": ("error", QT_TRANSLATE_NOOP("StoreMessages", "The card cannot be used"), "error", ""),
    "card_signature_invalid": ("error", QT_TRANSLATE_NOOP("StoreMessages", "The card cannot be used"), "error", ""),
    "points_expired": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Points expired"), "error", ""),  # the cloud's text
    "consent_stale": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Please tap the card again"), "warning", ""),
    "consent_replayed": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Please tap the card again"), "error", ""),
    "revocation_list_stale": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Cards cannot be checked now"), "warning", ""),
    # reversal, printing
    "reversal_window_passed": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Too late to reverse"), "error", ""),
    "already_reversed": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "Already reversed"), "warning", ""),
    "unknown_payment": ("error", QT_TRANSLATE_NOOP("StoreMessages", "Not this shop's payment"), "error", ""),
    "printer_unavailable": ("warning", QT_TRANSLATE_NOOP("StoreMessages", "The receipt printer does not answer"), "warning",
                            QT_TRANSLATE_NOOP("StoreMessages", "The receipt was saved as a PDF on this terminal. Check the "
                                                   "printer's power, paper and cable.")),
}


def said(error: ServiceError) -> Said:
    row = _TABLE.get(error.code)
    if row is None:
        kind = "warning" if error.code == "cloud_unavailable" else "error"
        return Said(kind, headline_for(error), message_for(error), kind)
    kind, headline, sound, own = row
    detail = QCoreApplication.translate(CTX, own) if own else message_for(error)
    return Said(kind, QCoreApplication.translate(CTX, headline), detail, sound)
