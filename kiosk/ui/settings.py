"""Settings screen, generated from the declarations in kiosk/config.py."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import CHOICE_LABELS, SETTINGS, Config
from kiosk.ui.context import UiContext
from kiosk.ui.screen import Screen
from kiosk.ui.theme import primary, title


class SettingsScreen(Screen):
    name = "settings"
    saved = Signal()

    def __init__(self, ctx: UiContext, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.config = config
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for setting in SETTINGS:
            editor: QWidget
            if setting.type is bool:
                editor = QCheckBox()
            elif setting.choices:
                combo = QComboBox()
                for choice in setting.choices:
                    label = CHOICE_LABELS.get(choice, choice)
                    combo.addItem(label if choice in ("ja", "en") else QCoreApplication.translate("Settings", label),
                                  choice)
                editor = combo
            elif setting.type is int:
                spin = QSpinBox()
                spin.setRange(0, 86400)
                editor = spin
            else:
                editor = QLineEdit()
            editor.setObjectName(f"setting_{setting.name}")
            self.editors[setting.name] = editor
            form.addRow(QCoreApplication.translate("Settings", setting.label), editor)
        save = primary(QPushButton(self.tr("Save")))
        save.setObjectName("saveSettings")
        save.clicked.connect(self._save)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.navigate.emit("roles"))
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Settings")))
        layout.addLayout(form)
        layout.addWidget(save)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)

    def entered(self) -> None:
        for name, editor in self.editors.items():
            value = self.config.get(name)
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))

    def _save(self) -> None:
        try:
            for name, editor in self.editors.items():
                value: Any
                if isinstance(editor, QCheckBox):
                    value = editor.isChecked()
                elif isinstance(editor, QComboBox):
                    value = editor.currentData()
                elif isinstance(editor, QSpinBox):
                    value = editor.value()
                else:
                    assert isinstance(editor, QLineEdit)
                    value = editor.text()
                self.config.set(name, value)
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.hide_error()
        self.saved.emit()  # in effect now; the file is written off the GUI thread
        self.ctx.runner.run(self.config.save, None, self.show_error)
