"""The one place that turns a ServiceError code into text for a resident or a clerk (Japanese first)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.config import QT_TRANSLATE_NOOP
from kiosk.services.errors import ServiceError

_MESSAGES: dict[str, str] = {
    "wrong_pin": QT_TRANSLATE_NOOP("Errors", "The PIN is not correct."),
    "pin_blocked": QT_TRANSLATE_NOOP(
        "Errors", "The PIN is locked after too many wrong tries. It can be unlocked only at the municipal "
        "office counter with photo identification."),
    "pin_format": QT_TRANSLATE_NOOP("Errors", "Please enter the 4-digit PIN."),
    "no_card": QT_TRANSLATE_NOOP("Errors", "No card on the reader. Please place your My Number Card."),
    "card_removed": QT_TRANSLATE_NOOP("Errors", "The card was removed. Please place it again and start over."),
    "not_mynumber_card": QT_TRANSLATE_NOOP("Errors", "This card is not a My Number Card."),
    "reader_gone": QT_TRANSLATE_NOOP("Errors", "The card reader is not connected. Please ask the staff."),
    "card_timeout": QT_TRANSLATE_NOOP("Errors", "The card did not answer in time. Please place it again."),
    "cloud_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "The points cloud cannot be reached right now. What you entered is kept; "
        "please try again when the terminal is online."),
    "certificate_revoked": QT_TRANSLATE_NOOP(
        "Errors", "The card's certificate has been revoked and can no longer be used. "
        "Please renew it at the municipal office."),
    "certificate_invalid": QT_TRANSLATE_NOOP("Errors", "The card's certificate is not valid."),
    "certificate_untrusted": QT_TRANSLATE_NOOP("Errors", "The card's certificate is not valid."),
    "signature_invalid": QT_TRANSLATE_NOOP("Errors", "The card could not be verified. Please try again."),
    "challenge_expired": QT_TRANSLATE_NOOP("Errors", "The card check took too long. Please try again."),
    "auth_token_expired": QT_TRANSLATE_NOOP("Errors", "The card check has expired. Please verify the card again."),
    "invalid_mykey_id": QT_TRANSLATE_NOOP(
        "Errors", "A MyKey ID has 8 characters: letters A-Z and digits 0-9."),
    "mykey_id_taken": QT_TRANSLATE_NOOP("Errors", "This MyKey ID is already in use. Please choose another one."),
    "mykey_id_not_found": QT_TRANSLATE_NOOP("Errors", "No MyKey ID with this value exists."),
    "mykey_id_exists": QT_TRANSLATE_NOOP("Errors", "This card already has a MyKey ID."),
    "mykey_id_suspended": QT_TRANSLATE_NOOP("Errors", "This MyKey ID is suspended."),
    "mykey_id_invalid": QT_TRANSLATE_NOOP("Errors", "This MyKey ID is no longer valid."),
    "no_mykey_id": QT_TRANSLATE_NOOP(
        "Errors", "This card has no MyKey ID yet. Please create one first."),
    "consent_required": QT_TRANSLATE_NOOP("Errors", "Please agree to the reading of the card first."),
    "municipality_unknown": QT_TRANSLATE_NOOP(
        "Errors", "The address on the card could not be matched to a municipality."),
    "no_user_auth_certificate": QT_TRANSLATE_NOOP(
        "Errors", "This card holds no user certificate. Please ask at the municipal counter."),
    "payment_service_unknown": QT_TRANSLATE_NOOP("Errors", "Please choose a payment service from the list."),
    "service_id_taken": QT_TRANSLATE_NOOP(
        "Errors", "This customer ID is already registered for this business to another MyKey ID."),
    "service_id_empty": QT_TRANSLATE_NOOP("Errors", "Please enter both the business ID and the customer ID."),
    "service_id_mismatch": QT_TRANSLATE_NOOP("Errors", "The two entries are not the same. Please check them."),
    "measure_full": QT_TRANSLATE_NOOP("Errors", "This measure has reached its capacity."),
    "measure_closed": QT_TRANSLATE_NOOP("Errors", "This measure is not open for applications now."),
    "measure_not_found": QT_TRANSLATE_NOOP("Errors", "This measure does not exist."),
    "not_eligible": QT_TRANSLATE_NOOP("Errors", "The resident is not eligible for this measure."),
    "already_applied": QT_TRANSLATE_NOOP("Errors", "This MyKey ID has already applied for this measure."),
    "duplicate_grant": QT_TRANSLATE_NOOP(
        "Errors", "These points were already granted to this MyKey ID under this programme."),
    "not_registered": QT_TRANSLATE_NOOP("Errors", "This resident is not registered for this event."),
    "programme_not_found": QT_TRANSLATE_NOOP("Errors", "This grant programme does not exist."),
    "invalid_points": QT_TRANSLATE_NOOP("Errors", "Please enter a number of points greater than zero."),
    "insufficient_points": QT_TRANSLATE_NOOP("Errors", "The balance does not cover these points. Please enter fewer "
                                                       "points."),
    "points_expired": QT_TRANSLATE_NOOP("Errors", "These points have expired; expired points cannot be used."),
    "invalid_login": QT_TRANSLATE_NOOP("Errors", "The staff code or password is not correct."),
    "forbidden_role": QT_TRANSLATE_NOOP("Errors", "This terminal is not allowed to do that."),
    "unexpected": QT_TRANSLATE_NOOP("Errors", "Something went wrong. Please ask the staff."),
}


def message_for(error: ServiceError) -> str:
    """Translated text for an error; a cloud code we do not know falls back to the cloud's own message."""
    text = _MESSAGES.get(error.code)
    if text is not None:
        return QCoreApplication.translate("Errors", text)
    app = QCoreApplication.instance()
    lang = app.property("kiosk_language") if app is not None else None
    if lang != "en" and error.message_ja:
        return error.message_ja
    if error.detail:
        return error.detail
    return QCoreApplication.translate("Errors", _MESSAGES["unexpected"])


def known_codes() -> frozenset[str]:
    return frozenset(_MESSAGES)


_HEADLINES: dict[str, str] = {
    "wrong_pin": QT_TRANSLATE_NOOP("Headlines", "Wrong PIN"),
    "pin_blocked": QT_TRANSLATE_NOOP("Headlines", "The PIN is locked"),
    "cloud_unavailable": QT_TRANSLATE_NOOP("Headlines", "Offline"),
    "certificate_revoked": QT_TRANSLATE_NOOP("Headlines", "The certificate is revoked"),
    "certificate_invalid": QT_TRANSLATE_NOOP("Headlines", "The card cannot be used"),
    "certificate_untrusted": QT_TRANSLATE_NOOP("Headlines", "The card cannot be used"),
    "no_user_auth_certificate": QT_TRANSLATE_NOOP("Headlines", "The card cannot be used"),
    "not_mynumber_card": QT_TRANSLATE_NOOP("Headlines", "The card cannot be used"),
    "card_removed": QT_TRANSLATE_NOOP("Headlines", "The card was removed"),
    "no_card": QT_TRANSLATE_NOOP("Headlines", "No card"),
    "reader_gone": QT_TRANSLATE_NOOP("Headlines", "No card reader"),
    "mykey_id_taken": QT_TRANSLATE_NOOP("Headlines", "Already in use"),
    "mykey_id_not_found": QT_TRANSLATE_NOOP("Headlines", "Not found"),
    "invalid_mykey_id": QT_TRANSLATE_NOOP("Headlines", "Not a MyKey ID"),
    "no_mykey_id": QT_TRANSLATE_NOOP("Headlines", "No MyKey ID yet"),
    "duplicate_grant": QT_TRANSLATE_NOOP("Headlines", "Already granted"),
    "not_registered": QT_TRANSLATE_NOOP("Headlines", "Not registered"),
    "not_eligible": QT_TRANSLATE_NOOP("Headlines", "Not eligible"),
    "already_applied": QT_TRANSLATE_NOOP("Headlines", "Already applied"),
    "measure_full": QT_TRANSLATE_NOOP("Headlines", "No places left"),
    "service_id_taken": QT_TRANSLATE_NOOP("Headlines", "Already registered"),
    "insufficient_points": QT_TRANSLATE_NOOP("Headlines", "Not enough points"),
    "points_expired": QT_TRANSLATE_NOOP("Headlines", "The points have expired"),
}


def headline_for(error: ServiceError) -> str:
    """The short headline of a result panel for an error (the message is its detail line)."""
    text = _HEADLINES.get(error.code)
    if text is not None:
        return QCoreApplication.translate("Headlines", text)
    return QCoreApplication.translate("Headlines", "This did not work")
