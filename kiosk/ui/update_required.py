"""The full-screen refusal of an outdated terminal (issue 13): what happened and what to do, in the user's
language, and the two versions. Nothing else is reachable; the administrator closes it with Alt+F4 / the window
manager, or the kiosk session restarts it after the update."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.design.tokens import Theme
from kiosk.version import TerminalOutdated


class UpdateRequiredWindow(QWidget):
    def __init__(self, outdated: TerminalOutdated, language: str, theme: Theme | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateRequired")
        theme = theme or Theme()
        colours = theme.colours
        headline, message, versions = outdated.texts(language)
        self.setWindowTitle(headline)
        self.icon = QLabel("⚠")
        self.headline = QLabel(headline)
        self.message = QLabel(message)
        self.versions = QLabel(versions)
        column = QWidget()
        column.setMaximumWidth(theme.px(900))
        layout = QVBoxLayout(column)
        layout.setSpacing(theme.space("gap") * 2)
        layout.addStretch(1)
        for widget, role in ((self.icon, "icon"), (self.headline, "big"), (self.message, "resident"),
                             (self.versions, "body")):
            widget.setWordWrap(True)
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setStyleSheet(f"font-size: {theme.font(role)}px; color: {colours['warning']};"
                                 + (" font-weight: bold;" if role == "big" else ""))
            layout.addWidget(widget)
        layout.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(*(theme.space("margin") * 2,) * 4)
        outer.addStretch(1)
        outer.addWidget(column, 100)
        outer.addStretch(1)
        self.setStyleSheet(f"#updateRequired {{ background: {colours['warning_bg']}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def text(self) -> str:
        return "\n".join(w.text() for w in (self.headline, self.message, self.versions))


def refuse_to_run(app: object, outdated: TerminalOutdated, language: str, quit_after: float | None = None) -> int:
    """Show the refusal full screen until it is closed; the exit code is 3 (outdated)."""
    import sys

    from PySide6.QtCore import QTimer

    from kiosk.ui.i18n import apply_font

    apply_font(app, False)  # type: ignore[arg-type]
    headline, message, versions = outdated.texts(language)
    print(f"{headline}\n{message}\n{versions}", file=sys.stderr)
    window = UpdateRequiredWindow(outdated, language)
    window.showFullScreen()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)  # type: ignore[attr-defined]
    app.exec()  # type: ignore[attr-defined]
    return 3
