"""The shops' bank accounts for the transfer file: a shop (or the association's own account, set by an admin), the
bank and branch codes checked against the code list as they are typed (the names on the ✔ line), account type and
number, and the holder's name as the bank shows it (converted to half-width kana by the cloud)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented, TileList
from kiosk.ui.design.field import Field
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics
from kiosk.ui.office.base import OfficeScreen
from kiosk.ui.screen import page
from kiosk.ui.theme import label


class BanksScreen(OfficeScreen):
    name = "office_banks"
    back_target = "office_settle"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.accounts: dict[int, Any] = {}
        self.shop = TileList(columns=1, compact=True)
        self.shop.setObjectName("bankShop")
        self.shop.currentRowChanged.connect(lambda _row: self._fill())
        self.bank = Field(self.tr("Bank code (4 digits)"))
        self.bank.edit.setObjectName("bankCode")
        self.branch = Field(self.tr("Branch code (3 digits)"))
        self.branch.edit.setObjectName("branchCode")
        for f in (self.bank, self.branch):
            f.edit.editingFinished.connect(self._check_branch)
            f.edit.textChanged.connect(lambda *_: self._validate())
        self.kind = Segmented([(self.tr("Ordinary"), "1"), (self.tr("Current"), "2"), (self.tr("Savings"), "4")])
        self.kind.setObjectName("accountType")
        self.kind.setCurrentIndex(0)
        self.number = Field(self.tr("Account number"))
        self.number.edit.setObjectName("accountNumber")
        self.holder = Field(self.tr("Account holder (katakana, as the bank shows it)"))
        self.holder.edit.setObjectName("accountHolder")
        for f in (self.number, self.holder):
            f.edit.textChanged.connect(lambda *_: self._validate())
        self.save_button = QPushButton(self.tr("Save the account"))
        self.save_button.setObjectName("bankSave")
        self.save_button.clicked.connect(self._save)
        shops = QWidget()
        left = QVBoxLayout(shops)
        metrics(left, 0, "tight")
        left.addWidget(label(self.tr("Shop"), "section"))
        left.addWidget(self.shop)
        left.addStretch(1)
        fields = QWidget()
        grid = QGridLayout(fields)
        metrics(grid, 0, "gap")
        grid.addWidget(self.bank, 0, 0)
        grid.addWidget(self.branch, 0, 1)
        grid.addWidget(self.kind, 1, 0, 1, 2)
        grid.addWidget(self.number, 2, 0)
        grid.addWidget(self.holder, 3, 0, 1, 2)
        grid.setRowStretch(4, 1)
        body = QWidget()
        row = QHBoxLayout(body)
        metrics(row, 0, "gap")
        row.addWidget(shops, 1)
        row.addWidget(fields, 2)
        self._validate()
        self.frame(self.tr("Shops' bank accounts"), page(body, ActionBar(self.save_button)))

    def entered(self) -> None:
        if self.result_shown() or self.offline_first():
            return
        svc = self.service
        self.run(lambda: svc.shops(), self._shops)

    def _shops(self, data: Any) -> None:
        current = self.shop.currentData()
        self.shop.clear()
        self.accounts = {}
        for s in data.get("shops") or []:
            account = s.get("bank_account")
            self.accounts[int(s["id"])] = account
            mark = "✔ " if account and account.get("valid") else "✖ "
            self.shop.add(mark + str(s["name"]), "", int(s["id"]))
        self.shop.setCurrentRow(max(0, self.shop.findData(current)))

    def _fill(self) -> None:
        account = self.accounts.get(int(self.shop.currentData() or 0)) or {}
        self.bank.edit.setText(str(account.get("bank_code") or ""))
        self.branch.edit.setText(str(account.get("branch_code") or ""))
        self.kind.setCurrentData(str(account.get("account_type") or "1"))
        self.number.edit.setText(str(account.get("account_number") or ""))
        self.holder.edit.setText(str(account.get("holder_kana") or ""))
        self._check_branch()

    def _check_branch(self) -> None:
        bank, branch = self.bank.text().strip(), self.branch.text().strip()
        if not (len(bank) == 4 and bank.isdigit() and len(branch) == 3 and branch.isdigit()):
            return
        st = self.ctx.office.settlements
        self.run(lambda: st.branch(bank, branch), self._branch_ok, self._branch_bad)

    def _branch_ok(self, data: Any) -> None:
        self.bank.set_ok(str(data["bank_name"]))
        self.branch.set_ok(str(data["branch_name"]))
        self._validate()

    def _branch_bad(self, error: ServiceError) -> None:
        (self.bank if error.code == "bank_code_unknown" else self.branch).set_error(
            self.tr("Not in the bank code list"))
        self._validate()

    def _validate(self) -> None:
        ok = (len(self.bank.text().strip()) == 4 and len(self.branch.text().strip()) == 3
              and self.number.text().strip().isdigit() and bool(self.holder.text().strip())
              and self.shop.currentData() is not None)
        self.save_button.setEnabled(ok)

    def _save(self) -> None:
        shop_id = int(self.shop.currentData())
        values = {"bank_code": self.bank.text().strip(), "branch_code": self.branch.text().strip(),
                  "account_type": str(self.kind.currentData()), "account_number": self.number.text().strip(),
                  "holder": self.holder.text().strip()}
        st = self.ctx.office.settlements
        self.run(lambda: st.bank_account(shop_id, values), self._saved)

    def _saved(self, account: Any) -> None:
        self.done(self.tr("Account saved"), f"{account['bank_name']} {account['branch_name']} "
                                            f"{account['account_number']} {account['holder_kana']}",
                  actions=[Action(self.tr("Next shop"), self._next, primary=True)])

    def _next(self) -> None:
        self.close_result()
        self.entered()
