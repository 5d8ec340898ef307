"""Setting up (issue 12): one section at a time — point types, grant programmes per department (repeat rule,
default points), measures (and the eligible list of a pre-review measure, uploaded as CSV), shops (street, bank
account), voucher rules, staff (department, role). A table of what is there; tap a row to change it, or add one.
Every change goes to the cloud, which audits it with the values before and after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.admin.base import AdminScreen, ChoiceGrid, fill, set_columns, table
from kiosk.ui.admin.choices import REPEAT, ROLES, label_of
from kiosk.ui.admin.forms import Attr, Form
from kiosk.ui.admin.measure_form import measure_attrs, new_measure
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.format import local_name, local_names
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.style import metrics
from kiosk.ui.theme import label


class SetupScreen(AdminScreen):
    name = "admin_setup"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[dict[str, Any]] = []
        self.editing: dict[str, Any] | None = None
        self.sections: dict[str, dict[str, Any]] = {
            "point_types": {"title": self.tr("Point types"), "kind": "point-types", "cols": [
                ("id", "ID"), ("name", self.tr("Name")), ("name_en", self.tr("English name")),
                ("offline_limit_per_card_per_day", self.tr("Offline limit per card and day"))], "attrs": [
                Attr("name", self.tr("Name")), Attr("name_en", self.tr("English name")),
                Attr("offline_limit_per_card_per_day", self.tr("Offline limit per card and day (points)"), "int"),
                Attr("code", self.tr("Code (letters and digits, new point types)"))], "new_only": ("code",)},
            "programmes": {"title": self.tr("Programmes"), "kind": "programmes", "cols": [
                ("id", "ID"), ("department", self.tr("Department")), ("name", self.tr("Name")), ("premium", self.tr("Premium")),
                ("validity_days", self.tr("Valid days")), ("default_points", self.tr("Default points")),
                ("repeat_rule", self.tr("Repeat")), ("active", self.tr("Active"))], "attrs": [
                Attr("name", self.tr("Name")), Attr("name_en", self.tr("English name")),
                Attr("validity_days", self.tr("Valid for (days)"), "int"),
                Attr("max_points_per_grant", self.tr("Most points per grant"), "int"),
                Attr("default_points", self.tr("Default points"), "int", optional=True),
                Attr("active", self.tr("In use"), "bool"), Attr("premium", self.tr("Premium"), "bool"),
                Attr("repeat_rule", self.tr("How often per MyKey ID"), "choice", REPEAT, wide=True),
                Attr("department_id", self.tr("Department"), "choice", wide=True),
                Attr("point_type_id", self.tr("Point type"), "choice", wide=True)], "new_only": ("premium",),
                "columns": 5},
            "measures": {"title": self.tr("Measures"), "kind": "measures", "cols": [
                ("id", "ID"), ("name", self.tr("Name")), ("eligibility", self.tr("Who")), ("review", self.tr("Review")),
                ("capacity", self.tr("Capacity")), ("points_per_person", self.tr("Points")), ("closes_at", self.tr("Closes"))],
                "attrs": measure_attrs(self), "columns": 4},
            "shops": {"title": self.tr("Shops"), "kind": "shops", "cols": [
                ("id", "ID"), ("name", self.tr("Name")), ("street", self.tr("Shopping street")),
                ("payee_account", self.tr("Bank account")), ("active", self.tr("Active"))], "attrs": [
                Attr("name", self.tr("Name")), Attr("street", self.tr("Shopping street")),
                Attr("payee_account", self.tr("Bank account for settlement")), Attr("active", self.tr("In use"), "bool")]},
            "voucher_rules": {"title": self.tr("Voucher rules"), "kind": "voucher-rules", "cols": [
                ("point_type_id", self.tr("Point type")), ("validity_days", self.tr("Valid days")),
                ("max_points", self.tr("Most points")), ("shops", self.tr("Accepted at"))], "attrs": [
                Attr("point_type_id", self.tr("Point type"), "choice"), Attr("validity_days", self.tr("Valid for (days)"), "int"),
                Attr("max_points", self.tr("Most points on one voucher"), "int"),
                Attr("shop_ids", self.tr("Shops that accept them (IDs, empty: all)"))]},
            "staff": {"title": self.tr("Staff"), "kind": "staff", "cols": [
                ("id", "ID"), ("staff_code", self.tr("Code")), ("name", self.tr("Name")), ("department", self.tr("Department")),
                ("role", self.tr("Role")), ("active", self.tr("Active"))], "attrs": [
                Attr("staff_code", self.tr("Staff code")), Attr("name", self.tr("Name")),
                Attr("department_id", self.tr("Department"), "choice"), Attr("role", self.tr("Role"), "choice", ROLES),
                Attr("active", self.tr("Active"), "bool"), Attr("password", self.tr("First password (new staff)"), "password")],
                "new_only": ("staff_code", "password")},
        }
        self.section = ChoiceGrid([(s["title"], key) for key, s in self.sections.items()])
        self.section.setObjectName("setupSection")
        self.section.changed.connect(lambda *_: self.show_section())
        self.table = table("setupTable", [""])
        self.table.cellClicked.connect(lambda row, _c: self.open_row(row))
        self.forms = PageStack()
        self.form_for: dict[str, Form] = {}
        for key, spec in self.sections.items():
            form = Form(spec["attrs"], columns=spec.get("columns", 3), pair_choices=key in ("programmes", "measures"))
            self.form_for[key] = form
            self.forms.addWidget(form)
        self.form_title = label("", "subtitle", name="setupFormTitle")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("setupSave")
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("Add new"))
        self.new_button.setObjectName("setupNew")
        self.new_button.clicked.connect(lambda: self.open_row(-1))
        self.upload_button = QPushButton(self.tr("Eligible list (CSV)…"))
        self.upload_button.setObjectName("setupUpload")
        self.upload_button.clicked.connect(self.choose_csv)
        self.pages = PageStack()
        self.cancel_button = QPushButton(self.tr("Back to the list"))
        self.cancel_button.setObjectName("setupCancel")
        self.cancel_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.hint = label(self.tr("Tap a row to change it."), "muted", name="setupHint")
        listing = QWidget()
        column = QVBoxLayout(listing)
        metrics(column, 0, "gap")
        column.addWidget(self.section)
        column.addWidget(self.table, 1)
        column.addWidget(self.hint)
        column.addWidget(ActionBar(self.new_button, self.upload_button))
        editing = QWidget()
        column = QVBoxLayout(editing)
        metrics(column, 0, "gap")
        column.addWidget(self.form_title)
        column.addWidget(self.forms)
        column.addStretch(1)
        column.addWidget(ActionBar(self.save_button, self.cancel_button))
        self.pages.addWidget(listing)
        self.pages.addWidget(editing)
        self.frame(self.tr("Set up"), self.pages)

    def entered(self) -> None:
        self.close_result()
        self.pages.setCurrentIndex(0)
        if self.section.currentIndex() < 0:
            self.section.setCurrentData("programmes")
        self.reload()

    def reload(self) -> None:
        self.run(self.service.setup, lambda _s: self.show_section())

    def _names(self, key: str) -> dict[Any, str]:
        return local_names(self.service.setup_cache.get(key, []))

    def show_section(self) -> None:
        key = str(self.section.currentData())
        spec, setup = self.sections[key], self.service.setup_cache
        self.rows = [dict(r) for r in setup.get(key, [])]
        departments, shops = self._names("departments"), self._names("shops")
        for r in self.rows:
            if "department_id" in r:
                r["department"] = departments.get(r["department_id"], r["department_id"])
            if key == "voucher_rules":
                r["shops"] = ", ".join(shops.get(s, str(s)) for s in r["shop_ids"]) or self.tr("every shop")
            if key == "measures":
                r["closes_at"] = str(r.get("closes_at") or "")[:10]
        cols = spec["cols"]
        self.table.setProperty("stretchColumn", next(i for i, c in enumerate(cols) if c[0] in ("name", "shops")))
        set_columns(self.table, [c[1] for c in cols])
        shown = {a.key: a.choices for a in spec["attrs"] if a.kind == "choice" and a.choices}  # value → its label
        fill(self.table, [[self._cell(label_of(shown[c], r.get(c)) if c in shown else r.get(c)) for c, _h in cols]
                          for r in self.rows], self.rows)
        form = self.form_for[key]
        self.forms.setCurrentWidget(form)
        for choice_key, source in (("department_id", "departments"), ("point_type_id", "point_types")):
            widget = form.inputs.get(choice_key)
            if isinstance(widget, Segmented) and widget.count() == 0:
                for ident, name in self._names(source).items():
                    widget.addItem(name, ident)
        self.upload_button.setVisible(key == "measures")
        self.new_button.setVisible(True)
        self.hint.setText(self.tr("Tap a pre-review measure, then load its eligible list (MyKey IDs in the first "
                                  "column).") if key == "measures" else self.tr("Tap a row to change it."))
        self.edit_row(0 if self.rows else -1)

    def _cell(self, value: Any) -> Any:
        if isinstance(value, bool):
            return "○" if value else "—"
        return value

    def open_row(self, row: int) -> None:
        """A row tapped (or "Add new"): its form on a page of its own."""
        key = str(self.section.currentData())
        if key == "measures" and row >= 0:
            self.edit_row(row)  # a measure is chosen for its eligible list; nothing else is changed here
            return
        self.edit_row(row)
        self.pages.setCurrentIndex(1)

    def edit_row(self, row: int) -> None:
        key = str(self.section.currentData())
        self.editing = self.rows[row] if 0 <= row < len(self.rows) else None
        if self.editing is not None:
            self.table.selectRow(row)
            name = local_name(str(self.editing.get("name") or ""), self.editing.get("name_en"))
            self.form_title.setText(self.tr("Change: %1").replace("%1", name or str(self.editing.get("point_type_id"))))
        else:
            self.table.clearSelection()
            self.form_title.setText(self.tr("New"))
        loaded = dict(self.editing or {})
        if key == "voucher_rules" and self.editing:
            loaded["shop_ids"] = ", ".join(str(s) for s in self.editing["shop_ids"])
        if key == "measures":
            for moment in ("opens_at", "closes_at"):
                loaded[moment] = str(loaded.get(moment) or "")[:10]
        self.form_for[key].load(loaded)
        for attr in self.sections[key].get("new_only", ()):  # a code, a first password: only for a new one
            self.form_for[key].inputs[attr].setEnabled(self.editing is None)

    def save(self) -> None:
        key = str(self.section.currentData())
        spec, form = self.sections[key], self.form_for[key]
        try:
            values = form.values()
        except ValueError:
            return
        svc, row = self.service, self.editing
        if key == "voucher_rules":
            ids = [int(x) for x in str(values.get("shop_ids") or "").replace("、", ",").split(",") if x.strip()]
            job: Any = lambda: svc.set_voucher_rule(int(values["point_type_id"]), values["validity_days"],  # noqa: E731
                                                     values["max_points"], ids)
        elif row is None:
            try:
                new = self._new_values(key, values)
            except ValueError as exc:
                self.done(self.tr("Check the form"), str(exc), "error")
                return
            job = lambda: svc.add(spec["kind"], new)  # noqa: E731
        else:
            fresh = {r["id"]: r for r in self.service.setup_cache.get(key, [])}
            row = fresh.get(row["id"], row)  # the values the cloud last said, not those when the row was tapped
            changes = {k: v for k, v in values.items()
                       if k not in spec.get("new_only", ()) and v is not None and row.get(k) != v}
            if not changes:
                self.done(self.tr("Nothing to save"), self.tr("The values are the ones already set."), "warning")
                return
            job = lambda: svc.edit(spec["kind"], int(row["id"]), changes)  # noqa: E731
        self.run(job, lambda _r: self._saved())

    def _new_values(self, key: str, values: dict[str, Any]) -> dict[str, Any]:
        if key == "programmes":
            point_type = values.get("point_type_id") or self.service.setup_cache["point_types"][0]["id"]
            return {"department_id": values["department_id"], "point_type_id": point_type, "name": values["name"],
                    "name_en": values["name_en"] or values["name"], "validity_days": values["validity_days"],
                    "max_points_per_grant": values["max_points_per_grant"], "repeat_rule": values["repeat_rule"],
                    "premium": bool(values.get("premium"))}
        if key == "point_types":
            return {"code": values["code"] or "", "name": values["name"] or "",
                    "name_en": values["name_en"] or values["name"] or "",
                    "offline_limit_per_card_per_day": values["offline_limit_per_card_per_day"] or 0}
        if key == "measures":
            return new_measure(self, values)
        if key == "shops":
            return {"name": values["name"], "street": values["street"], "payee_account": values["payee_account"] or ""}
        return {k: v for k, v in values.items() if k != "active" and v is not None}

    def _saved(self) -> None:
        self.done(self.tr("Saved"), self.tr("The change is recorded in the change history."))
        self.pages.setCurrentIndex(0)
        self.reload()

    def choose_csv(self) -> None:
        if self.editing is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Eligible list"), str(Path.home()), "CSV (*.csv *.txt)")
        if path:
            self.upload(Path(path))

    def upload(self, path: Path) -> None:
        assert self.editing is not None
        measure_id, svc = int(self.editing["id"]), self.service
        self.run(lambda: svc.upload_eligible(measure_id, path), self._uploaded)

    def _uploaded(self, result: dict[str, Any]) -> None:
        if result["refused_count"]:
            lines = ", ".join(str(b["line"] or b["value"]) for b in result["refused"][:10])
            self.done(self.tr("Not added: %1 lines are not valid MyKey IDs").replace("%1", str(result["refused_count"])),
                      self.tr("Nothing was added. Lines: %1").replace("%1", lines), "error")
            return
        self.done(self.tr("Eligible list saved"), self.tr("%1 added, %2 already on the list")
                  .replace("%1", str(result["added"])).replace("%2", str(result["already"])))
