"""Terminals (issue 12): every terminal with its role, shop, last contact and the outbox backlog it last reported;
a new terminal gets a one-time enrolment code shown as text and as a QR its camera or scanner reads; revoking one
stops it at once (its next request is refused with a clear message)."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.printing.qr import matrix_image, qr_matrix
from kiosk.ui.admin.base import AdminScreen, ChoiceGrid, fill, selected_data, table, when
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.field import Field
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics, sized
from kiosk.ui.screen import page
from kiosk.ui.theme import label

SHOWN_SHOPS = 8


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "").replace("\u3000", "")


def shop_matches(shop: dict[str, Any], typed: str) -> bool:
    """Type-ahead over a shop: its number (ID) from the start, or part of its name or street (full-width and
    half-width, upper and lower case alike)."""
    query = _fold(typed)
    if not query:
        return True
    if query.isdigit() and str(shop.get("id", "")).startswith(query):
        return True
    return query in _fold(str(shop.get("name") or "")) or query in _fold(str(shop.get("street") or ""))


def qr_pixmap(text: str, module_px: int = 8) -> QPixmap:
    buf = io.BytesIO()
    matrix_image(qr_matrix(text), module_px).save(buf, format="PNG")
    pixmap = QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


class TerminalsScreen(AdminScreen):
    name = "admin_terminals"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stack = PageStack()
        self.stack.addWidget(self._list_page())
        self.stack.addWidget(self._new_page())
        self.stack.addWidget(self._code_page())
        self.frame(self.tr("Terminals"), self.stack)

    def _list_page(self) -> QWidget:
        self.table = table("terminalTable", [self.tr("ID"), self.tr("Name"), self.tr("Role"), self.tr("Shop"),
                                             self.tr("Last contact"), self.tr("Not yet sent"), self.tr("State")])
        self.new_button = QPushButton(self.tr("New terminal"))
        self.new_button.setObjectName("terminalNew")
        self.new_button.clicked.connect(self._new)
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.setObjectName("terminalRevoke")
        self.revoke_button.clicked.connect(self._ask_revoke)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("terminalRefresh")
        self.refresh_button.clicked.connect(self.reload)
        body = QWidget()
        column = QVBoxLayout(body)
        metrics(column, 0, "gap")
        column.addWidget(self.table, 1)
        column.addWidget(ActionBar(self.new_button, self.revoke_button, self.refresh_button))
        return body

    def _new_page(self) -> QWidget:
        self.role_choice = Segmented([(self.tr("Counter"), "counter"), (self.tr("Shop"), "store"),
                                      (self.tr("Office"), "office"), (self.tr("Administration"), "admin")])
        self.role_choice.setObjectName("terminalRole")
        self.role_choice.changed.connect(lambda *_: self._validate())
        self.name_field = Field(self.tr("Terminal name (where it stands)"))
        self.name_field.edit.setObjectName("terminalName")
        self.name_field.edit.textChanged.connect(lambda *_: self._validate())
        self.shop_search = Field(self.tr("Find the shop: name, street or number"))
        self.shop_search.edit.setObjectName("terminalShopSearch")
        self.shop_search.edit.textChanged.connect(lambda *_: self._show_matches())
        self.shop_choice = ChoiceGrid([], columns=4, compact=True)
        self.shop_choice.setObjectName("terminalShop")
        self.shop_choice.changed.connect(lambda *_: self._validate())
        self.shop_label = label("", "muted", name="terminalShopCount")
        self.code_button = QPushButton(self.tr("Make the enrolment code"))
        self.code_button.setObjectName("terminalMakeCode")
        self.code_button.clicked.connect(self._make_code)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        form = QWidget()
        sized(form, max_w=900)
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(self.role_choice)
        fields = QHBoxLayout()  # the name and the shop search side by side: the tiles fit below without scrolling
        metrics(fields, 0, "gap")
        fields.addWidget(self.name_field, 1)
        fields.addWidget(self.shop_search, 1)
        column.addLayout(fields)
        column.addWidget(self.shop_choice)
        column.addWidget(self.shop_label)
        return page(form, ActionBar(self.code_button, cancel))

    def _code_page(self) -> QWidget:
        self.code_text = label("", "title", name="enrolCode")
        big = self.code_text.font()
        big.setPixelSize(48)
        big.setBold(True)
        self.code_text.setFont(big)
        self.code_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_qr = QLabel()
        self.code_qr.setObjectName("enrolQr")
        self.code_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_hint = label("", "muted", name="enrolHint")
        self.code_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        done = QPushButton(self.tr("Done"))
        done.setObjectName("enrolDone")
        done.clicked.connect(self.entered)
        return page(self.code_text, self.code_qr, self.code_hint, ActionBar(done), stretch_at=3)

    # -- list ----------------------------------------------------------------------------------------------------
    def entered(self) -> None:
        self.close_result()
        self.stack.setCurrentIndex(0)
        self.reload()

    def reload(self) -> None:
        self.run(self.service.terminals, self.show_terminals)

    def show_terminals(self, terminals: list[dict[str, Any]]) -> None:
        roles = {"counter": self.tr("Counter"), "store": self.tr("Shop"), "office": self.tr("Office"),
                 "admin": self.tr("Administration")}
        rows = [[t["terminal_id"], t["name"], roles.get(t["role"], t["role"]), t.get("shop") or "—",
                 when(t.get("last_seen_at")), t.get("outbox_backlog") if t.get("outbox_backlog") is not None
                 else "—", self.tr("Revoked") if t.get("revoked_at") else self.tr("In use")] for t in terminals]
        fill(self.table, rows, terminals)

    def _ask_revoke(self) -> None:
        chosen = selected_data(self.table)
        if not chosen or chosen[0].get("revoked_at"):
            return
        t = chosen[0]
        self.show_result(Result("warning", self.tr("Revoke %1?").replace("%1", t["name"]),
                                self.tr("It stops at once: its next request is refused, its clerk is logged out. "
                                        "Operations it has not sent yet stay on it."),
                                actions=[Action(self.tr("Revoke"), lambda: self._revoke(t), primary=True),
                                         Action(self.tr("Cancel"), self.close_result)]))

    def _revoke(self, t: dict[str, Any]) -> None:
        svc = self.service
        self.run(lambda: svc.revoke(int(t["terminal_id"])), self.done_then(self.tr("Revoked"), t["name"], self.reload))

    # -- new ------------------------------------------------------------------------------------------------------
    def _new(self) -> None:
        self.name_field.edit.clear()
        self.shop_search.edit.clear()
        self.role_choice.setCurrentData("counter")
        self.stack.setCurrentIndex(1)
        self._show_matches()

    def _show_matches(self) -> None:
        """The shops whose name, street or number match what is typed (a town has a thousand): the first
        SHOWN_SHOPS as tiles; the one chosen stays chosen while it still matches."""
        shops = list(self.service.setup_cache.get("shops", []))
        found = [s for s in shops if shop_matches(s, self.shop_search.text())]
        chosen = self.shop_choice.currentData()
        self.shop_choice.clear()
        for shop in found[:SHOWN_SHOPS]:
            self.shop_choice.addItem(f"{shop['name']}（{shop['id']}）", shop["id"])
        if chosen is not None and self.shop_choice.findData(chosen) >= 0:
            self.shop_choice.setCurrentData(chosen)
        elif len(found) == 1:
            self.shop_choice.setCurrentIndex(0)
        if not found:
            self.shop_label.setText(self.tr("No shop matches. Check the spelling, or add the shop in Set up."))
        elif len(found) > SHOWN_SHOPS:
            self.shop_label.setText(self.tr("%1 shops match; the first %2 are shown. Type more to narrow them.")
                                    .replace("%1", f"{len(found):,}").replace("%2", str(SHOWN_SHOPS)))
        else:
            self.shop_label.setText(self.tr("%1 shops match. Tap the one this terminal stands in.")
                                    .replace("%1", str(len(found))))
        self._validate()

    def _validate(self) -> None:
        store = self.role_choice.currentData() == "store"
        for widget in (self.shop_search, self.shop_choice, self.shop_label):
            widget.setVisible(store)
        self.code_button.setEnabled(bool(self.name_field.text().strip()) and
                                    (not store or self.shop_choice.currentData() is not None))

    def _make_code(self) -> None:
        role = str(self.role_choice.currentData())
        name = self.name_field.text().strip()
        shop = self.shop_choice.currentData() if role == "store" else None
        svc = self.service
        self.run(lambda: svc.enrolment_code(role, name, shop), self.show_code)

    def show_code(self, answer: dict[str, Any]) -> None:
        code = str(answer["code"])
        self.code_text.setText(" ".join(code[i:i + 4] for i in range(0, len(code), 4)))
        self.code_qr.setPixmap(qr_pixmap(code))
        self.code_hint.setText(self.tr("Type or scan this code on the new terminal. It works once, until %1.")
                               .replace("%1", when(answer.get("expires_at"))))
        self.stack.setCurrentIndex(2)
