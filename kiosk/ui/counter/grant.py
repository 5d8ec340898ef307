"""Grant points: choose the programme (tiles) and the mode (segmented), then grant by card tap or typed MyKey ID.

Attendance mode: pre-registered applicants are granted when they tap — without a PIN. The tap reads only the
card's user-auth certificate (free to read), and the attendance goes through the outbox with its fingerprint; the
cloud maps it to the bound MyKey ID (so it also works offline and queues). Ordinary grants keep the PIN.
Every outcome is a result panel with its own sound: a grant closes itself after about 3 s, a refusal waits.
Grants are written to the outbox first, so they work offline (the result says "saved on this terminal").
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.grants import GrantOutcome, Programme
from kiosk.services.mykey import normalize
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.amount import PointsInput
from kiosk.ui.design.choices import TileList
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import local_name, points, signed_points
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics
from kiosk.ui.screen import Screen, page
from kiosk.ui.theme import label
from kiosk.ui.widgets.identify import IdentifyStep


class _Elider(QObject):
    """Keeps a label's text on one line, elided to the label's width (the whole text in its tooltip)."""

    def __init__(self, target: QLabel) -> None:
        super().__init__(target)
        self.full = target.text()
        target.setToolTip(self.full)
        target.setWordWrap(False)
        policy = target.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        target.setSizePolicy(policy)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLabel) and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            elided = watched.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, watched.width())
            if elided != watched.text():
                watched.setText(elided)
        return False


def _elide_to_one_line(target: QLabel) -> None:
    _Elider(target)


class GrantScreen(Screen):
    name = "grant"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._programmes: list[Programme] = []
        self._programme: Programme | None = None
        self._count, self._total, self._last_points = 0, 0, 0
        self._tapped_generation: int | None = None
        self.stack = PageStack()
        self.choose_page = self._choose_page()
        self.grant_page = self._grant_page()
        self.stack.addWidget(self.choose_page)
        self.stack.addWidget(self.grant_page)
        self.frame(self.tr("Grant points"), self.stack)
        self.ctx.session.changed.connect(self._on_attendance_tap)

    def _rule(self, rule: str) -> str:
        texts = {"once_per_day": self.tr("once a day per person"), "once": self.tr("once per person"),
                 "unlimited": self.tr("no repeat limit")}
        return texts.get(rule, rule)

    # --- pages ----------------------------------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        self.programme_list = TileList(columns=2)
        self.programme_list.setObjectName("programmeList")
        self.attendance_mode = TileList(columns=2, compact=True)
        self.attendance_mode.add(self.tr("Grant"), self.tr("card and PIN, or a typed MyKey ID"), False)
        self.attendance_mode.add(self.tr("Attendance (出席登録)"), self.tr("registered participants only tap the card"),
                                 True)
        self.attendance_mode.setObjectName("attendanceMode")
        self.attendance_mode.setCurrentIndex(0)
        self.start_button = QPushButton(self.tr("Start granting"))
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self._start)
        self.programme_list.currentRowChanged.connect(lambda row: self.start_button.setEnabled(row >= 0))
        return page(label(self.tr("Choose the grant programme:"), "section"), self.programme_list,
                    label(self.tr("Mode"), "section"), self.attendance_mode, ActionBar(self.start_button))

    def _grant_page(self) -> QWidget:
        self.programme_label = label("", "section", name="programmeLabel")
        self.tally = label("", "muted", name="grantTally")
        self.tally.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        change = QPushButton(self.tr("Change programme"))
        change.clicked.connect(self._change_programme)
        self.tally.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        heading = QVBoxLayout()
        metrics(heading, 0, 0)
        heading.addWidget(self.programme_label)
        heading.addWidget(self.tally)
        top = QHBoxLayout()
        metrics(top, 0, "gap")
        top.addLayout(heading, 1)
        top.addWidget(change)
        # left: grant by typed MyKey ID
        self.points = PointsInput()
        self.points.setObjectName("points")
        self.points.valueChanged.connect(lambda _v: self._validate())
        self.mykey_field = Field(self.tr("MyKey ID"), self.tr("8 characters"))
        self.mykey_input = self.mykey_field.edit
        self.mykey_input.setObjectName("grantMykey")
        self.mykey_input.textChanged.connect(lambda _t: self._validate())
        self.mykey_input.returnPressed.connect(self._grant_typed)
        self.grant_button = QPushButton(self.tr("Grant"))
        self.grant_button.setObjectName("grantButton")
        self.grant_button.clicked.connect(self._grant_typed)
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        metrics(form, 0, "tight")
        form.addWidget(label(self.tr("Grant by MyKey ID"), "section"))
        form.addWidget(label(self.tr("Points"), "fieldLabel"))
        form.addWidget(self.points)
        form.addWidget(self.mykey_field)
        form.addStretch(1)
        form.addWidget(ActionBar(self.grant_button))
        # right: grant by card (PIN) or attendance (tap only)
        self.identify = IdentifyStep(ctx=self.ctx)
        self.identify.identified.connect(self._on_tap_identified)
        self.identify.failed.connect(self._identify_failed)
        self.identify.cancelled.connect(self._next_tap)
        self.identify.stack.currentChanged.connect(self._identify_step_changed)
        for part in (self.identify.card_text, self.identify.card_hint):  # beside the clerk's form: smaller
            part.setProperty("role", "section")
        self.identify.card_icon.hide()
        prompt_layout = self.identify.card_prompt.layout()
        if prompt_layout is not None:
            metrics(prompt_layout, 0, "gap")
        self.tap_prompt = label(self.tr("Attendance: please tap your My Number Card on the reader. No PIN is "
                                        "needed."), "title", name="attendancePrompt")
        self.tap_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tap_prompt.hide()
        self.card_side = QWidget()
        self.card_side.setObjectName("cardSide")
        side = QVBoxLayout(self.card_side)
        metrics(side, 0, 0)
        side.addWidget(self.identify, 1)
        side.addWidget(self.tap_prompt, 1)
        row = QHBoxLayout()
        metrics(row, 0, "margin")
        row.addWidget(self.form, 1)
        row.addWidget(self.card_side, 1)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        metrics(layout, 0, "gap")
        layout.addLayout(top)
        layout.addLayout(row, 1)
        return widget

    # --- flow -----------------------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.stack.currentWidget() is self.choose_page:
            self.ctx.runner.run(self.ctx.services.grants.programmes, self._show_programmes, self.show_error)
        elif not self.result_shown():
            self._start_taps()

    def _attendance(self) -> bool:
        return self._programme is not None and self._programme.attendance

    def _identify_step_changed(self) -> None:
        """While the resident types the PIN (or waits for the card check), the card side has the whole width."""
        self.form.setVisible(self.identify.stack.currentWidget() is self.identify.card_prompt or self._attendance())

    def _start_taps(self) -> None:
        """Ordinary grants identify the resident with the PIN; attendance only reads the certificate."""
        attendance = self._attendance()
        self.identify.setVisible(not attendance)
        self.tap_prompt.setVisible(attendance)
        if attendance:
            self.identify.stop()
            self._on_attendance_tap()
            return
        if self.ctx.is_online() is False:  # said before the card and the PIN
            self.identify.set_card_text(self.tr("Offline: cards cannot be checked now."),
                                        self.tr("Type the MyKey ID on the left; the grant is sent later."))
        else:
            self.identify.set_card_text(self.tr("Or: the resident places the My Number Card and types the PIN."),
                                        self.tr("Please keep the card on the reader until you are finished."))
        self.identify.start()

    def _on_attendance_tap(self) -> None:
        session = self.ctx.session
        if not (self._attendance() and self.stack.currentWidget() is self.grant_page and self.isVisible()):
            return
        if not session.card_present or self._tapped_generation == session.generation:
            return
        self._tapped_generation = session.generation
        programme = self._programme
        assert programme is not None
        auth, grants = self.ctx.services.auth, self.ctx.services.grants
        self.ctx.runner.run(lambda: grants.attend_by_card(programme, *auth.card_certificate()),
                            self._granted, self._refused)

    def _show_programmes(self, programmes: object) -> None:
        assert isinstance(programmes, list)
        self._programmes = programmes
        self.programme_list.clear()
        english = self._english()
        for p in programmes:
            department = local_name(p.department_name, p.department_name_en)
            parts = [department] if department else []
            if p.points > 0:
                parts.append(points(p.points))
            parts.append(self._rule(p.repeat_rule))
            tile = self.programme_list.add(self._name(p), (" · " if english else "・").join(parts), p.programme_id)
            _elide_to_one_line(tile.detail_label)  # the programmes and the Start button fit 1280×800 unscrolled
        self.start_button.setEnabled(False)

    @staticmethod
    def _english() -> bool:
        app = QCoreApplication.instance()
        return app is not None and app.property("kiosk_language") == "en"

    @staticmethod
    def _name(p: Programme) -> str:
        """The programme's English name in English when the cloud has one (else its Japanese name: data)."""
        return local_name(p.name, p.name_en)

    def _start(self) -> None:
        row = self.programme_list.currentRow()
        if row < 0:
            return
        p = replace(self._programmes[row], attendance=bool(self.attendance_mode.currentData()))
        self._programme = p
        text = self._name(p) + (self.tr(" — attendance mode") if p.attendance else "")
        self.programme_label.setText(text)
        self.points.setValue(p.points if p.points > 0 else 100)
        self.points.setEnabled(not p.attendance)
        self.form.setEnabled(not p.attendance)
        self._count, self._total, self._last_points = 0, 0, 0
        self._update_tally()
        self.stack.setCurrentWidget(self.grant_page)
        self._tapped_generation = None
        self._validate()
        self._start_taps()

    def _change_programme(self) -> None:
        self.identify.stop()
        self.stack.setCurrentWidget(self.choose_page)

    def _validate(self) -> bool:
        try:
            valid = bool(normalize(self.mykey_input.text()))
        except ServiceError:
            valid = False
        ok = self._programme is not None and not self._attendance() and valid and self.points.value() > 0
        self.grant_button.setEnabled(ok)
        return ok

    def _identify_failed(self, error: ServiceError) -> None:
        if error.code == "cloud_unavailable":
            self._refused(error, self.tr("Identifying a card needs the points cloud. Offline, type the resident's "
                                         "MyKey ID instead: the grant is saved and sent later."))
        else:
            self._refused(error)

    def _grant_typed(self) -> None:
        if self._validate():
            self._grant(self.mykey_input.text())

    def _on_tap_identified(self, identity: ResidentIdentity) -> None:
        if not identity.mykey_id:
            self._refused(ServiceError("no_mykey_id"))
            return
        self._grant(identity.mykey_id)

    def _grant(self, mykey_id: str) -> None:
        programme = self._programme
        if programme is None:
            return
        grants, amount = self.ctx.services.grants, self.points.value()
        self.grant_button.setEnabled(False)
        self.ctx.runner.run(lambda: grants.grant(programme, mykey_id, amount), self._granted, self._refused)

    def _next_action(self) -> Action:
        return Action(self.tr("Next resident"), self._next_resident, primary=True)

    def _next_resident(self) -> None:
        self.close_result()
        self.ctx.session.wipe("next")

    def _refused(self, error: ServiceError, detail: str | None = None) -> None:
        self._validate()
        result = self.error_result(error, [self._next_action()])
        if detail:
            result.detail = detail
        self.show_result(result)

    def _granted(self, outcome: object) -> None:
        assert isinstance(outcome, GrantOutcome)
        self.mykey_input.clear()
        self._validate()
        if outcome.mykey_id and self.ctx.session.mykey_id is None:
            self.ctx.session.set_mykey_id(outcome.mykey_id, "valid")  # the header shows who was just served
        who = self.tr("MyKey ID %1").replace("%1", outcome.mykey_id) if outcome.mykey_id else ""
        if outcome.queued and not outcome.mykey_id:
            result = Result("queued", self.tr("Attendance saved: it will be sent when online"), who)
        elif outcome.queued:
            result = Result("queued", self.tr("Points saved: they will be sent when online"), who,
                            signed_points(outcome.points))
        elif self._attendance():
            result = Result("success", self.tr("Attendance recorded: points granted"), who,
                            signed_points(outcome.points))
        else:
            result = Result("success", self.tr("Points granted"), who, signed_points(outcome.points))
        result.actions = [self._next_action()]
        result.auto_close = True
        self._count += 1
        self._total += outcome.points
        self._last_points = outcome.points
        self._update_tally()
        self.show_result(result)

    def _update_tally(self) -> None:
        self.tally.setText(self.tr("This session: %n grant(s), %1 points", "", self._count)
                           .replace("%1", f"{self._total:,}"))

    def _next_tap(self) -> None:
        self.identify.stop()
        self.identify.start()

    def on_resident_wiped(self) -> None:
        """Between residents: keep the programme and the session's tally (no MyKey IDs), forget the resident."""
        self.identify.stop()
        self._tapped_generation = None
        self.mykey_input.clear()
        self.mykey_field.set_state(None)
        self.close_result()
        if self.stack.currentWidget() is self.grant_page and self.isVisible():
            self._start_taps()

    def clear(self) -> None:
        super().clear()
        self.on_resident_wiped()
