"""Look up a MyKey ID and its status; register service IDs (business ID + customer ID) for it.

The customer ID is typed twice: a wrongly typed ID would link the resident's records to someone else.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.services.mykey import MyKeyRecord, ServiceId
from kiosk.ui.context import UiContext
from kiosk.ui.screen import Screen
from kiosk.ui.theme import header, primary
from kiosk.ui.widgets.status_text import status_text


class LookupScreen(Screen):
    name = "lookup"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._record: MyKeyRecord | None = None
        self.mykey_input = QLineEdit()
        self.mykey_input.setObjectName("lookupInput")
        self.mykey_input.setPlaceholderText(self.tr("MyKey ID (8 characters)"))
        self.lookup_button = primary(QPushButton(self.tr("Look up")))
        self.lookup_button.clicked.connect(self._lookup)
        self.mykey_input.returnPressed.connect(self._lookup)
        self.result = QLabel()
        self.result.setObjectName("lookupResult")
        self.result.setProperty("role", "resident")
        self.service_list = QListWidget()
        self.service_list.setObjectName("serviceList")
        self.service_list.setMaximumHeight(150)
        self.business = QLineEdit()
        self.business.setObjectName("businessId")
        self.customer = QLineEdit()
        self.customer.setObjectName("customerId")
        self.customer_again = QLineEdit()
        self.customer_again.setObjectName("customerIdAgain")
        self.add_button = primary(QPushButton(self.tr("Register service ID")))
        self.add_button.clicked.connect(self._add)
        self.service_box = QWidget()
        form = QFormLayout(self.service_box)
        form.addRow(self.tr("Registered service IDs"), self.service_list)
        form.addRow(self.tr("Business ID"), self.business)
        form.addRow(self.tr("Customer ID"), self.customer)
        form.addRow(self.tr("Customer ID (again)"), self.customer_again)
        form.addRow("", self.add_button)
        self.service_box.setEnabled(False)

        row = QHBoxLayout()
        row.addWidget(self.mykey_input, 1)
        row.addWidget(self.lookup_button)
        back = QPushButton(self.tr("Back to the counter menu"))
        back.clicked.connect(lambda: self.navigate.emit("counter_home"))
        layout = QVBoxLayout(self)
        layout.addLayout(header(self.tr("Look up a MyKey ID / register service IDs"), back))
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.service_box, 1)

    def entered(self) -> None:
        known = self.ctx.session.mykey_id
        if known and not self.mykey_input.text():
            self.mykey_input.setText(known)
            self._lookup()

    def _lookup(self) -> None:
        text = self.mykey_input.text()
        self.hide_error()
        mykey = self.ctx.services.mykey

        def fetch() -> tuple[MyKeyRecord, list[ServiceId]]:
            record = mykey.lookup(text)
            return record, mykey.service_ids(record.mykey_id)

        self.ctx.runner.run(fetch, self._show, self._failed)

    def _failed(self, error: ServiceError) -> None:
        self._record = None
        self.result.clear()
        self.service_list.clear()
        self.service_box.setEnabled(False)
        self.show_error(error)

    def _show(self, value: object) -> None:
        assert isinstance(value, tuple)
        record: MyKeyRecord = value[0]
        ids: list[ServiceId] = value[1]
        self._record = record
        self.mykey_input.setText(record.mykey_id)
        self.result.setText(self.tr("MyKey ID %1 — status: %2").replace("%1", record.mykey_id)
                            .replace("%2", status_text(record.status)))
        self.service_list.clear()
        for sid in ids:
            self.service_list.addItem(f"{sid.business_id} : {sid.customer_id}")
        self.service_box.setEnabled(record.status == "valid")
        if self.ctx.session.mykey_id is None:
            self.ctx.session.set_mykey_id(record.mykey_id, record.status)

    def _add(self) -> None:
        record = self._record
        if record is None:
            return
        business, customer = self.business.text(), self.customer.text()
        if customer.strip() != self.customer_again.text().strip():
            self.show_error(ServiceError("service_id_mismatch"))
            return
        self.hide_error()
        mykey = self.ctx.services.mykey

        def done(sid: object) -> None:
            assert isinstance(sid, ServiceId)
            self.service_list.addItem(f"{sid.business_id} : {sid.customer_id}")
            for edit in (self.business, self.customer, self.customer_again):
                edit.clear()
            self.ctx.sound("ok")

        self.ctx.runner.run(lambda: mykey.add_service_id(record.mykey_id, business, customer), done,
                            self.show_error)

    def clear(self) -> None:
        super().clear()
        self._record = None
        for edit in (self.mykey_input, self.business, self.customer, self.customer_again):
            edit.clear()
        self.result.clear()
        self.service_list.clear()
        self.service_box.setEnabled(False)
