"""A supporter gives points to a support event (特定支援イベント, seed 003 6-1): the clerk enters the points and,
only if the resident wishes, the name the organiser may be told; the resident places the card and types the PIN on
the resident's side; the card signs a statement of exactly this gift and the cloud moves the points. Reached from
the support-event screen with an event chosen (`service.support_target`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.ui.admin.base import AdminScreen
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import points as fmt_points
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics, sized
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.screen import page
from kiosk.ui.theme import label
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.widgets.steps import StepBar

PRESETS = (100, 500, 1000)


class SupportScreen(AdminScreen):
    name = "admin_support"
    back_target = "admin_accounts"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.target: dict[str, Any] | None = None
        self.steps_bar = StepBar([self.tr("Points"), self.tr("Card and PIN"), self.tr("Done")])
        self.stack = PageStack()
        self.form_page = self._form_page()
        self.pinpad = PinPad()
        self.pinpad.submitted.connect(self._on_pin)
        self.pinpad.cancelled.connect(lambda: self._set_page("form"))
        self.pin_slot = ResidentSlot(self.pinpad, ctx.resident_display)
        self.busy = label("", "title", name="supportBusy")
        for widget in (self.form_page, self.pin_slot, self.busy):
            self.stack.addWidget(widget)
        self.frame(self.tr("A supporter gives points"), self.stack, steps=self.steps_bar,
                   back=self.tr("Back to the support events"))

    def _form_page(self) -> QWidget:
        self.event_label = label("", "section", name="supportEvent")
        self.presets = Segmented([(fmt_points(p), p) for p in PRESETS])
        self.presets.setObjectName("supportPresets")
        self.presets.changed.connect(self._preset)
        self.points_field = Field(self.tr("Points to give"))
        self.points_field.edit.setObjectName("supportPoints")
        self.points_field.edit.textChanged.connect(lambda *_: self._validate())
        self.name_field = Field(self.tr("Name for the organiser (only if the resident wishes)"))
        self.name_field.edit.setObjectName("supportName")
        self.name_field.edit.setMaxLength(40)
        self.next_button = QPushButton(self.tr("Next: card and PIN"))
        self.next_button.setObjectName("supportNext")
        self.next_button.clicked.connect(self._to_pin)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("supportCancel")
        cancel.clicked.connect(lambda: self.navigate.emit("admin_accounts"))
        form = QWidget()
        sized(form, max_w=900)
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(self.event_label)
        column.addWidget(label(self.tr("The points leave the resident's account for the event's account and keep "
                                       "their expiry dates. The resident confirms with the card and PIN."), "muted"))
        column.addWidget(self.presets)
        column.addWidget(self.points_field)
        column.addWidget(self.name_field)
        return page(form, ActionBar(self.next_button, cancel))

    # --- flow -------------------------------------------------------------------------------------------------
    def entered(self) -> None:
        self.close_result()
        self.target = self.service.support_target
        if self.target is None:
            self.navigate.emit("admin_accounts")
            return
        self.event_label.setText(self.tr("Event: %1").replace("%1", str(self.target.get("name") or "")))
        self.points_field.edit.clear()
        self.name_field.edit.clear()
        self.presets.setCurrentIndex(-1)
        self._set_page("form")
        self._validate()

    def clear(self) -> None:
        """The supporter has gone (card lifted, idle, next): their points and name are forgotten and the form is
        shown again for the next supporter of the same event (it was left on the card step, or on "Reading the
        card…", and "Try again" then sent 0 points)."""
        super().clear()
        self.pinpad.clear()
        self.points_field.edit.clear()
        self.name_field.edit.clear()
        self.presets.setCurrentIndex(-1)
        self._set_page("form")
        self._validate()

    def _set_page(self, name: str) -> None:
        pages = {"form": self.form_page, "pin": self.pin_slot, "busy": self.busy}
        self.stack.setCurrentWidget(pages[name])
        self.steps_bar.set_current({"form": 0, "pin": 1, "busy": 1}[name])

    def _preset(self, data: Any) -> None:
        if data is not None:
            self.points_field.edit.setText(str(data))

    def chosen_points(self) -> int:
        try:
            return int(self.points_field.text().replace(",", "").strip())
        except ValueError:
            return 0

    def _validate(self) -> None:
        value = self.chosen_points()
        ok = 1 <= value <= 10_000_000
        self.next_button.setEnabled(ok)
        if self.points_field.text().strip() and not ok:
            self.points_field.set_error(self.tr("A whole number from 1"))
        elif ok:
            self.points_field.set_ok(fmt_points(value))

    def _to_pin(self) -> None:
        if not self.next_button.isEnabled() or self.target is None:
            return
        pts = fmt_points(self.chosen_points())
        self.pinpad.clear()
        self.pinpad.set_prompt(
            self.tr("To give %1 to %2, place your My Number Card on the reader and enter your 4-digit PIN.")
            .replace("%1", pts).replace("%2", str(self.target.get("name") or "")),
            self.tr("The PIN for user authentication (利用者証明用)."))
        self._set_page("pin")

    def _on_pin(self, pin: str) -> None:
        event, value = self.target, self.chosen_points()
        name = self.name_field.text().strip() or None
        if event is None:
            return
        self.busy.setText(self.tr("Reading the card…"))
        self._set_page("busy")
        svc = self.service
        self.run(lambda: svc.give_to_event(event, value, pin, name), self._given, self._failed)

    def _given(self, result: dict[str, Any]) -> None:
        self.service.release_card()
        self.steps_bar.set_current(2, finished=True)
        named = result.get("name")
        detail = (self.tr("The organiser will be told: %1").replace("%1", str(named)) if named
                  else self.tr("The resident's name is not told to the organiser."))
        self.show_result(Result("success", self.tr("Given to %1").replace("%1", str(self.target.get("name") or "")
                                                                        if self.target else ""),
                                detail, amount="+" + fmt_points(int(result["points"])), actions=[
            Action(self.tr("Back to the support events"), lambda: self.navigate.emit("admin_accounts"),
                   primary=True),
            Action(self.tr("Next supporter"), self.entered)]))

    def _again(self) -> None:
        self.close_result()
        self._set_page("pin" if self.next_button.isEnabled() else "form")  # points still there: straight to the card

    def _failed(self, error: ServiceError) -> None:
        self.service.release_card()
        self.pinpad.clear()
        self.show_result(self.error_result(error, actions=[
            Action(self.tr("Try again"), self._again, primary=True),
            Action(self.tr("Back to the support events"), lambda: self.navigate.emit("admin_accounts"))]))
