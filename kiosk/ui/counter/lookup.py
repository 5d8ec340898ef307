"""Look up a MyKey ID and its status; register service IDs (a business, by name, + the customer ID) for it.

The customer ID is typed twice: a wrongly typed ID would link the resident's records to someone else. The
register button stays disabled until the business is chosen and both entries agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.mykey import MyKeyRecord, ServiceId
from kiosk.ui.context import UiContext
from kiosk.ui.counter.businesses import BUSINESSES, business_name
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import TileList
from kiosk.ui.design.field import Field
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics
from kiosk.ui.errors import message_for
from kiosk.ui.screen import Screen
from kiosk.ui.theme import label
from kiosk.ui.widgets.status_text import status_text

OTHER = ""


class ServiceList(QWidget):
    """The registered service IDs as lines "name  customer ID" (no scrolling list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        metrics(self._layout, 0, 4)
        self._items: list[str] = []
        self.empty = label(self.tr("No service IDs registered yet."), "muted")
        self._layout.addWidget(self.empty)

    def clear(self) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._items = []
        self.empty.show()

    def addItem(self, sid: ServiceId) -> None:
        text = f"{sid.business_id} : {sid.customer_id}"
        self._items.append(text)
        app = QCoreApplication.instance()
        english = app is not None and app.property("kiosk_language") == "en"
        line = f"• {business_name(sid.business_id)}  {sid.customer_id}" if english else \
            f"・{business_name(sid.business_id)}　{sid.customer_id}"
        self._layout.addWidget(label(line, "section"))
        self.empty.hide()

    def count(self) -> int:
        return len(self._items)

    def item(self, row: int) -> str:
        return self._items[row]


class LookupScreen(Screen):
    name = "lookup"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._record: MyKeyRecord | None = None
        # left: look up
        self.mykey_field = Field(self.tr("MyKey ID"), self.tr("8 characters"))
        self.mykey_input = self.mykey_field.edit
        self.mykey_input.setObjectName("lookupInput")
        self.mykey_input.returnPressed.connect(self._lookup)
        self.lookup_button = QPushButton(self.tr("Look up"))
        self.lookup_button.clicked.connect(self._lookup)
        self.result = label("", "big", name="lookupResult")
        self.status = label("", "resident", name="lookupStatus")
        self.service_list = ServiceList()
        self.service_list.setObjectName("serviceList")
        card = QFrame()
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        metrics(inner, "gap", "tight")
        inner.addWidget(self.result)
        inner.addWidget(self.status)
        inner.addWidget(label(self.tr("Registered service IDs"), "section"))
        inner.addWidget(self.service_list)
        inner.addStretch(1)
        self.mykey_field.add_button(self.lookup_button)
        left = QVBoxLayout()
        metrics(left, 0, "gap")
        left.addWidget(self.mykey_field)
        left.addWidget(card, 1)
        # right: register a service ID
        self.businesses = TileList(columns=3, compact=True)
        for business_id, _name in BUSINESSES:
            self.businesses.add(business_name(business_id), "", business_id)
        self.businesses.add(self.tr("Another business"), "", OTHER)
        self.businesses.currentRowChanged.connect(self._business_changed)
        self.other_field = Field(self.tr("Business ID"), self.tr("as printed on the business's form"))
        self.business = self.other_field.edit
        self.business.setObjectName("businessId")
        self.other_field.hide()
        self.customer_field = Field(self.tr("Customer ID"))
        self.customer = self.customer_field.edit
        self.customer.setObjectName("customerId")
        self.again_field = Field(self.tr("Customer ID (again)"))
        self.customer_again = self.again_field.edit
        self.customer_again.setObjectName("customerIdAgain")
        for edit in (self.business, self.customer, self.customer_again):
            edit.textChanged.connect(self._validate)
        self.add_button = QPushButton(self.tr("Register service ID"))
        self.add_button.clicked.connect(self._add)
        self.service_box = QWidget()
        box = QVBoxLayout(self.service_box)
        metrics(box, 0, "tight")
        box.addWidget(label(self.tr("Register a service ID"), "section"))
        box.addWidget(self.businesses)
        box.addWidget(self.other_field)
        pair = QHBoxLayout()  # the two entries side by side, to compare at a glance
        metrics(pair, 0, "gap")
        for field in (self.customer_field, self.again_field):
            field.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # two equal halves
            pair.addWidget(field, 1, Qt.AlignmentFlag.AlignTop)
        box.addLayout(pair)
        box.addStretch(1)
        box.addWidget(ActionBar(self.add_button))
        self.service_box.setEnabled(False)
        body = QWidget()
        columns = QHBoxLayout(body)
        metrics(columns, 0, "margin")
        columns.addLayout(left, 2)
        columns.addWidget(self.service_box, 3)  # the form gets the room: its tiles stay on one or two lines
        self.frame(self.tr("Look up a MyKey ID / register service IDs"), body)
        self._validate()

    def entered(self) -> None:
        known = self.ctx.session.mykey_id
        if known and not self.mykey_input.text():
            self.mykey_input.setText(known)
            self._lookup()

    # --- look up --------------------------------------------------------------------------------------------
    def _lookup(self) -> None:
        text = self.mykey_input.text()
        mykey = self.ctx.services.mykey

        def fetch() -> tuple[MyKeyRecord, list[ServiceId]]:
            record = mykey.lookup(text)
            return record, mykey.service_ids(record.mykey_id)

        self.ctx.runner.run(fetch, self._show, self._failed)

    def _failed(self, error: ServiceError) -> None:
        self._record = None
        self.result.clear()
        self.status.clear()
        self.service_list.clear()
        self.service_box.setEnabled(False)
        if error.code == "cloud_unavailable":
            self.show_error(error)
        else:
            self.mykey_field.set_error(message_for(error))

    def _show(self, value: object) -> None:
        assert isinstance(value, tuple)
        record: MyKeyRecord = value[0]
        ids: list[ServiceId] = value[1]
        self._record = record
        self.mykey_input.setText(record.mykey_id)
        self.mykey_field.set_ok(self.tr("Found"))
        self.result.setText(record.mykey_id)
        self.status.setText(self.tr("Status: %1").replace("%1", status_text(record.status)))
        self.service_list.clear()
        for sid in ids:
            self.service_list.addItem(sid)
        self.service_box.setEnabled(record.status == "valid")
        self._validate()
        if self.ctx.session.mykey_id is None:
            self.ctx.session.set_mykey_id(record.mykey_id, record.status)

    # --- register -------------------------------------------------------------------------------------------
    def _business_changed(self, row: int) -> None:
        other = row >= 0 and self.businesses.data(row) == OTHER
        self.other_field.setVisible(other)
        self._validate()

    def _business_id(self) -> str:
        row = self.businesses.currentRow()
        if row < 0:
            return normalize_business(self.business.text())
        chosen = str(self.businesses.data(row))
        return chosen or normalize_business(self.business.text())

    def _validate(self) -> bool:
        customer, again = self.customer.text().strip(), self.customer_again.text().strip()
        if again and customer != again:
            self.again_field.set_error(message_for(ServiceError("service_id_mismatch")))
        elif again and customer == again:
            self.again_field.set_ok(self.tr("Both entries are the same."))
        else:
            self.again_field.set_state(None)
        ok = self._record is not None and bool(self._business_id()) and bool(customer) and customer == again
        self.add_button.setEnabled(ok)
        return ok

    def _add(self) -> None:
        record = self._record
        if record is None or not self._validate():
            return
        business, customer = self._business_id(), self.customer.text()
        mykey = self.ctx.services.mykey

        def done(sid: object) -> None:
            assert isinstance(sid, ServiceId)
            self.service_list.addItem(sid)
            for field in (self.other_field, self.customer_field, self.again_field):
                field.clear()
            self.businesses.setCurrentRow(-1)
            self.show_result(Result("success", self.tr("The service ID has been registered"),
                                    f"{business_name(sid.business_id)}　{sid.customer_id}",
                                    actions=[Action(self.tr("Back"), self.close_result, primary=True)]))

        self.ctx.runner.run(lambda: mykey.add_service_id(record.mykey_id, business, customer), done,
                            self.show_error)

    def clear(self) -> None:
        super().clear()
        self._record = None
        for field in (self.mykey_field, self.other_field, self.customer_field, self.again_field):
            field.clear()
        self.businesses.setCurrentRow(-1)
        self.result.clear()
        self.status.clear()
        self.service_list.clear()
        self.service_box.setEnabled(False)
        self._validate()


def normalize_business(text: str) -> str:
    return text.strip().upper()

