"""The administration's fixed choices (stored value → label), one place for the forms and the tables. Labels are
English source strings translated in the `AdminChoices` context where they are shown (`label_of`, `translated`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from kiosk.config import QT_TRANSLATE_NOOP

Choices = tuple[tuple[str, Any], ...]

REPEAT: Choices = ((QT_TRANSLATE_NOOP("AdminChoices", "Once a day"), "once_per_day"),
                   (QT_TRANSLATE_NOOP("AdminChoices", "Once only"), "once"),
                   (QT_TRANSLATE_NOOP("AdminChoices", "No limit"), "unlimited"))
ROLES: Choices = ((QT_TRANSLATE_NOOP("AdminChoices", "Counter"), "counter"),
                  (QT_TRANSLATE_NOOP("AdminChoices", "Office"), "office"),
                  (QT_TRANSLATE_NOOP("AdminChoices", "Administration"), "admin"))
KINDS: Choices = ((QT_TRANSLATE_NOOP("AdminChoices", "Grant"), "grant"),
                  (QT_TRANSLATE_NOOP("AdminChoices", "Purchase reward"), "purchase_reward"))
WHO: Choices = ((QT_TRANSLATE_NOOP("AdminChoices", "Anyone"), "open"),
                (QT_TRANSLATE_NOOP("AdminChoices", "Eligible residents only"), "restricted"))
REVIEW: Choices = ((QT_TRANSLATE_NOOP("AdminChoices", "Pre-review"), "pre"),
                   (QT_TRANSLATE_NOOP("AdminChoices", "Post-review"), "post"))


def translated(choices: Choices) -> list[tuple[str, Any]]:
    """The choices with their labels in the interface language (names from data pass through unchanged)."""
    return [(QCoreApplication.translate("AdminChoices", text), value) for text, value in choices]


def label_of(choices: Choices, value: Any) -> Any:
    """The label a table shows for a stored value (the value itself when it is not one of the choices)."""
    for text, option in choices:
        if option == value:
            return QCoreApplication.translate("AdminChoices", text)
    return value
