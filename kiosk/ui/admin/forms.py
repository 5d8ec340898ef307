"""A small form for the setup screens: one input per attribute (text, number, yes/no, one of a few choices), filled
from a row and read back as only what changed (the cloud audits before/after)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

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


class Form(QWidget):
    def __init__(self, attrs: list[Attr], columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attrs = attrs
        self.inputs: dict[str, Any] = {}
        grid = QGridLayout(self)
        metrics(grid, 0, "gap")
        for i, attr in enumerate(attrs):
            if attr.kind in ("bool", "choice"):
                options = list(attr.choices) if attr.kind == "choice" else [(self.tr("Yes"), True),
                                                                            (self.tr("No"), False)]
                widget: Any = Segmented(options)
                box = QWidget()
                inner = QGridLayout(box)
                metrics(inner, 0, "tight")
                inner.addWidget(QLabel(attr.label), 0, 0)
                inner.addWidget(widget, 1, 0)
                grid.addWidget(box, i // columns, i % columns)
            else:
                widget = Field(attr.label)
                if attr.kind == "password":
                    from PySide6.QtWidgets import QLineEdit

                    widget.edit.setEchoMode(QLineEdit.EchoMode.Password)
                grid.addWidget(widget, i // columns, i % columns)
            widget.setObjectName(f"form_{attr.key}")
            self.inputs[attr.key] = widget

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
