"""Settings screen, generated from the declarations in kiosk/config.py: on a touch screen, on/off and short choices
are segmented buttons, longer choices are tiles, numbers and text are fields. Two sections keep it on one screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.config import CHOICE_LABELS, SETTINGS, Config, Setting
from kiosk.ui.admin_gate import AdminPinGate
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented, TileList
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.style import metrics
from kiosk.ui.screen import Screen
from kiosk.ui.theme import label

# which section a setting is shown in (anything not listed goes to the terminal section)
LOOK = ("language", "large_text", "high_contrast", "sound", "resident_display", "kiosk_mode")
WIDE = ("role", "card_backend")  # a whole row each


class NumberEdit(QLineEdit):
    def __init__(self) -> None:
        super().__init__()
        self.setValidator(QIntValidator(0, 86400, self))

    def value(self) -> int:
        return int(self.text()) if self.text().isdigit() else 0

    def setValue(self, value: int) -> None:
        self.setText(str(value))


class SettingsScreen(Screen):
    name = "settings"
    back_target = "roles"
    saved = Signal()

    def __init__(self, ctx: UiContext, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.config = config
        self.editors: dict[str, QWidget] = {}
        (look, look_grid), (terminal, terminal_grid) = self._section(), self._section()
        counts = {id(look_grid): 0, id(terminal_grid): 0}
        # whole-row settings first, then the others two by two (the terminal section fits in three rows)
        for setting in sorted((s for s in SETTINGS if s.shown), key=lambda item: item.name not in WIDE):
            editor = self._editor(setting)
            editor.setObjectName(f"setting_{setting.name}")
            self.editors[setting.name] = editor
            grid = look_grid if setting.name in LOOK else terminal_grid
            block = QWidget()
            column = QVBoxLayout(block)
            metrics(column, 0, 4)
            column.addWidget(label(QCoreApplication.translate("Settings", setting.label), "fieldLabel"))
            column.addWidget(editor)
            n = counts[id(grid)]
            if setting.name in WIDE:
                n += n % 2  # start a new row
                grid.addWidget(block, n // 2, 0, 1, 2)
                n += 2
            else:
                grid.addWidget(block, n // 2, n % 2)
                n += 1
            counts[id(grid)] = n
        self.sections = PageStack()
        self.sections.addWidget(look)
        self.sections.addWidget(terminal)
        self.section_choice = Segmented([(self.tr("Screen and sound"), 0), (self.tr("Terminal"), 1)])
        self.section_choice.changed.connect(lambda index: self.sections.setCurrentIndex(int(index or 0)))
        self.section_choice.setCurrentIndex(0)
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveSettings")
        save.clicked.connect(self._save)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addWidget(self.section_choice)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.error_label)
        bar = ActionBar(save)
        layout.addWidget(bar)
        # the administrator PIN first (kiosk.services.admin_pin); asked again each time the screen is entered
        self.gate = AdminPinGate(ctx.admin_pin, ctx.runner)
        self.gate.admitted.connect(lambda: self._show_settings(True))
        self.gate.button.setProperty("primary", True)
        layout.insertWidget(0, self.gate)
        self._guarded: list[QWidget] = [self.section_choice, self.sections, bar]
        self._show_settings(False)
        self.frame(self.tr("Settings"), body, back=self.tr("Back"))

    def _section(self) -> tuple[QWidget, QGridLayout]:
        widget = QWidget()
        grid = QGridLayout(widget)
        metrics(grid, 0, "gap")
        grid.setRowStretch(10, 1)
        return widget, grid

    def _editor(self, setting: Setting) -> QWidget:
        if setting.type is bool:
            return Segmented([(self.tr("On"), True), (self.tr("Off"), False)])
        if setting.choices:
            labels = [(CHOICE_LABELS.get(c, c) if c in ("ja", "en") else
                       QCoreApplication.translate("Settings", CHOICE_LABELS.get(c, c)), c) for c in setting.choices]
            if len(labels) <= 2:
                return Segmented(labels)
            tiles = TileList(columns=len(labels), compact=True)
            for text, choice in labels:
                tiles.add(text, "", choice)
            return tiles
        if setting.type is int:
            return NumberEdit()
        return QLineEdit()

    def _show_settings(self, shown: bool) -> None:
        self.gate.setVisible(not shown)
        for widget in self._guarded:
            widget.setVisible(shown)

    def entered(self) -> None:
        self.gate.reset()
        self._show_settings(False)
        self.hide_error()
        for name, editor in self.editors.items():
            value = self.config.get(name)
            if isinstance(editor, (Segmented, TileList)):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            elif isinstance(editor, NumberEdit):
                editor.setValue(int(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))

    def _save(self) -> None:
        try:
            for name, editor in self.editors.items():
                value: Any
                if isinstance(editor, (Segmented, TileList)):
                    value = editor.currentData()
                elif isinstance(editor, NumberEdit):
                    value = editor.value()
                else:
                    assert isinstance(editor, QLineEdit)
                    value = editor.text()
                self.config.set(name, value)
        except ValueError as exc:  # config's messages are QT_TRANSLATE_NOOP("Settings", ...) sources (cloud URL rule)
            self.show_inline_error(QCoreApplication.translate("Settings", str(exc)))
            return
        self.hide_error()
        self.saved.emit()  # in effect now; the file is written off the GUI thread
        self.ctx.runner.run(self.config.save, None, self.show_inline_error)
