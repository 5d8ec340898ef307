"""A small form for the setup screens: one input per attribute (text, number, yes/no, one of a few choices), filled
from a row and read back as only what changed (the cloud audits before/after)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.ui.admin.base import ChoiceGrid
from kiosk.ui.admin.choices import translated
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.field import Field
from kiosk.ui.design.style import metrics


@dataclass(frozen=True)
class Attr:
    key: str
    label: str
    kind: str = "text"  # text | int | bool | choice | password
    choices: tuple[tuple[str, Any], ...] = ()
    optional: bool = False
    wide: bool = False  # a choice with long names keeps a row of its own when choices are paired


class Form(QWidget):
    def __init__(self, attrs: list[Attr], columns: int = 2, pair_choices: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attrs = attrs
        self.inputs: dict[str, Any] = {}
        grid = QGridLayout(self)
        metrics(grid, 0, "gap")
        texts = [a for a in attrs if a.kind not in ("bool", "choice")]
        for i, attr in enumerate(texts):  # text and number fields side by side, `columns` a row
            field = Field(attr.label)
            field.line.setVisible(False)  # a wrong number is said on the field's border and by the result panel
            if attr.kind == "password":
                field.edit.setEchoMode(QLineEdit.EchoMode.Password)
            grid.addWidget(field, i // columns, i % columns)
            field.setObjectName(f"form_{attr.key}")
            self.inputs[attr.key] = field
        row = -(-len(texts) // columns)
        pair: QHBoxLayout | None = None
        for attr in (a for a in attrs if a.kind in ("bool", "choice")):  # a choice on a row of its own, or two
            options = translated(attr.choices) if attr.kind == "choice" else [(self.tr("Yes"), True),
                                                                        (self.tr("No"), False)]
            widget: Any = ChoiceGrid(options, columns=max(2, min(5, len(options) or 4)), compact=True)
            widget.setObjectName(f"form_{attr.key}")
            name = QLabel(attr.label)
            name.setProperty("role", "fieldLabel")
            name.setWordWrap(True)
            self.inputs[attr.key] = widget
            if pair_choices and not attr.wide:  # two choices side by side: label, choice, label, choice
                if pair is None:
                    pair = QHBoxLayout()
                    metrics(pair, 0, "gap")
                    grid.addLayout(pair, row, 0, 1, columns)
                    row += 1
                    pair.addWidget(name, 1)
                    pair.addWidget(widget, 2)
                else:
                    pair.addWidget(name, 1)
                    pair.addWidget(widget, 2)
                    pair = None
                continue
            pair = None
            grid.addWidget(name, row, 0)
            grid.addWidget(widget, row, 1, 1, columns - 1)
            row += 1

    def load(self, row: dict[str, Any] | None) -> None:
        row = row or {}
        for attr in self.attrs:
            widget = self.inputs[attr.key]
            value = row.get(attr.key)
            if isinstance(widget, Segmented):
                if value is not None:
                    widget.setCurrentData(bool(value) if attr.kind == "bool" else value)
                elif widget.count():
                    widget.setCurrentIndex(0)
            else:
                widget.set_state(None)
                widget.edit.setText("" if value is None else str(value))

    def values(self) -> dict[str, Any]:
        """Every attribute as its type; ValueError naming the attribute when a number is not one."""
        out: dict[str, Any] = {}
        for attr in self.attrs:
            widget = self.inputs[attr.key]
            if isinstance(widget, Segmented):
                out[attr.key] = widget.currentData()
                continue
            text = widget.text().strip()
            if attr.kind == "int":
                if not text and attr.optional:
                    out[attr.key] = None
                    continue
                try:
                    out[attr.key] = int(text.replace(",", ""))
                    widget.set_state(None)
                except ValueError:
                    widget.set_error(self.tr("A whole number"))
                    raise ValueError(attr.label) from None
            else:
                out[attr.key] = text or None
        return out

    def changes(self, row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in self.values().items() if v is not None and row.get(k) != v}
