"""Base class of every screen: a name for navigation, an `entered()` hook and `clear()` for session wipes, and the
one frame every screen shares — the title with the way out (メニューに戻る) top-right, the step bar, and a work
area in which a result panel replaces the page to show an outcome."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.ui.context import UiContext
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action, Result, ResultPanel
from kiosk.ui.design.style import metrics
from kiosk.ui.errors import headline_for, message_for
from kiosk.ui.theme import title
from kiosk.ui.widgets.steps import StepBar


def page(*widgets: QWidget, stretch_at: int = -1) -> QWidget:
    """A page of a screen's stack: widgets top to bottom, free space before `stretch_at` (default: before the last
    widget, usually the page's ActionBar, so that the action bar sits at the bottom)."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    metrics(layout, 0, "gap")
    index = len(widgets) + stretch_at if stretch_at < 0 else stretch_at
    for i, child in enumerate(widgets):
        if i == index:
            layout.addStretch(1)
        layout.addWidget(child)
    if index >= len(widgets):
        layout.addStretch(1)
    return widget


class Screen(QWidget):
    name = "screen"
    navigate = Signal(str)
    back_target = "counter_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.error_label = QLabel()  # inline message of a form (login, settings); outcomes use the result panel
        self.error_label.setObjectName("errorLabel")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.result_panel = ResultPanel(ctx.sound)
        self.work = PageStack()
        self.work.setObjectName("workArea")
        self.title_label: QLabel | None = None
        self.back_button: QPushButton | None = None
        self.steps: StepBar | None = None

    def frame(self, heading: str, body: QWidget, steps: StepBar | None = None, back: str | None = "menu") -> None:
        """Lay the screen out: title + way out, optional step bar, the work area (body or result panel)."""
        layout = QVBoxLayout(self)
        metrics(layout, ("margin", "gap", "margin", "gap"), "gap")
        top = QHBoxLayout()
        metrics(top, 0, "gap")
        self.title_label = title(heading)
        top.addWidget(self.title_label, 1)
        if back is not None:
            text = self.tr("Back to the menu") if back == "menu" else back
            self.back_button = QPushButton(text)
            self.back_button.setObjectName("menuBack")
            self.back_button.clicked.connect(lambda: self.navigate.emit(self.back_target))
            top.addWidget(self.back_button)
        layout.addLayout(top)
        if steps is not None:
            self.steps = steps
            layout.addWidget(steps)
        self.work.addWidget(body)
        self.work.addWidget(self.result_panel)
        layout.addWidget(self.work, 1)

    def entered(self) -> None:
        """Called each time the screen is shown."""

    def clear(self) -> None:
        """Forget everything about the resident (session wiped). Subclasses extend it."""
        self.hide_error()
        self.close_result()

    # --- results --------------------------------------------------------------------------------------------
    def show_result(self, result: Result) -> None:
        self.result_panel.present(result)
        self.work.setCurrentWidget(self.result_panel)

    def close_result(self) -> None:
        self.result_panel.reset()
        if self.work.count():
            self.work.setCurrentIndex(0)

    def result_shown(self) -> bool:
        return self.work.currentWidget() is self.result_panel

    def error_result(self, error: ServiceError | str, actions: list[Action] | None = None,
                     kind: str = "error", headline: str | None = None) -> Result:
        if isinstance(error, ServiceError):
            head, detail = headline or headline_for(error), message_for(error)
        else:
            head, detail = headline or QCoreApplication.translate("Headlines", "This did not work"), error
        if actions is None:
            actions = [Action(self.tr("Back"), self.close_result, primary=True)]
        return Result(kind, head, detail if detail != head else "", actions=actions)

    def show_error(self, error: ServiceError | str) -> None:
        """An outcome that went wrong: a result panel with one way on."""
        self.show_result(self.error_result(error))

    def show_inline_error(self, error: ServiceError | str) -> None:
        text = message_for(error) if isinstance(error, ServiceError) else error
        self.error_label.setText("✖ " + text)
        self.error_label.show()

    def hide_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
