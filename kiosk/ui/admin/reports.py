"""Reports (issue 12): choose the report and the period (a month, a year or a fiscal year), read the bars per month
(per department or programme for grants) at a glance, the table below; a bar or a row opens the rows behind it;
CSV (the cloud's, UTF-8 with BOM), PDF (made here) and the accounting data (精算データ).

Charts: pyqtgraph — pure Python over the Qt already here (PySide6-Essentials), ~1 MB, no second Qt build to ship;
QtCharts would need PySide6-Addons (~170 MB) of the exact same Qt version."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.config import QT_TRANSLATE_NOOP
from kiosk.services.admin import default_period
from kiosk.services.admin_exports import monthly_totals
from kiosk.ui.admin.base import AdminScreen, ChoiceGrid, fill, set_columns, table, when
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import local_names
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.style import metrics
from kiosk.ui.screen import page
from kiosk.ui.theme import label

PALETTE = ("#1f5fa8", "#e08a1e", "#2e8b57", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400")
MAX_SERIES = 6


COLUMN_HEADINGS = {  # the report columns' headings; the catalogue's Japanese is the PDF's HEADERS
    "month": QT_TRANSLATE_NOOP("ReportHeadings", "Month"),
    "key": QT_TRANSLATE_NOOP("ReportHeadings", "Code"),
    "name": QT_TRANSLATE_NOOP("ReportHeadings", "Name"),
    "normal": QT_TRANSLATE_NOOP("ReportHeadings", "Normal pt"),
    "premium": QT_TRANSLATE_NOOP("ReportHeadings", "Premium pt"),
    "count": QT_TRANSLATE_NOOP("ReportHeadings", "Count"),
    "card_points": QT_TRANSLATE_NOOP("ReportHeadings", "Card pt"),
    "card_count": QT_TRANSLATE_NOOP("ReportHeadings", "Card payments"),
    "voucher_points": QT_TRANSLATE_NOOP("ReportHeadings", "Voucher pt"),
    "voucher_count": QT_TRANSLATE_NOOP("ReportHeadings", "Vouchers"),
    "issued_count": QT_TRANSLATE_NOOP("ReportHeadings", "Issued"),
    "issued_points": QT_TRANSLATE_NOOP("ReportHeadings", "Issued pt"),
    "redeemed_count": QT_TRANSLATE_NOOP("ReportHeadings", "Redeemed"),
    "redeemed_points": QT_TRANSLATE_NOOP("ReportHeadings", "Redeemed pt"),
    "voided_count": QT_TRANSLATE_NOOP("ReportHeadings", "Voided"),
    "voided_points": QT_TRANSLATE_NOOP("ReportHeadings", "Voided pt"),
    "outstanding_points": QT_TRANSLATE_NOOP("ReportHeadings", "Unused pt (month end)"),
    "points": QT_TRANSLATE_NOOP("ReportHeadings", "Points"),
    "review": QT_TRANSLATE_NOOP("ReportHeadings", "Review"),
    "applied": QT_TRANSLATE_NOOP("ReportHeadings", "Awaiting review"),
    "approved": QT_TRANSLATE_NOOP("ReportHeadings", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("ReportHeadings", "Rejected"),
    "granted": QT_TRANSLATE_NOOP("ReportHeadings", "Granted"),
    "open": QT_TRANSLATE_NOOP("ReportHeadings", "Open"),
    "resolved": QT_TRANSLATE_NOOP("ReportHeadings", "Resolved"),
    "section": QT_TRANSLATE_NOOP("ReportHeadings", "Section"),
    "payer": QT_TRANSLATE_NOOP("ReportHeadings", "Payer"),
    "payee": QT_TRANSLATE_NOOP("ReportHeadings", "Payee"),
    "account": QT_TRANSLATE_NOOP("ReportHeadings", "Transfer account"),
    "item": QT_TRANSLATE_NOOP("ReportHeadings", "Item"),
    "amount_yen": QT_TRANSLATE_NOOP("ReportHeadings", "Amount (yen)"),
}


def column_heading(column: str) -> str:
    """A report column's heading in the current language."""
    source = COLUMN_HEADINGS.get(column)
    return QCoreApplication.translate("ReportHeadings", source) if source else column.replace("_", " ")


def series(name: str, rows: list[dict[str, Any]], by: str) -> tuple[list[str], dict[str, list[int]]]:
    """Months and, per series, one value a month: grants per department/programme (normal + premium); the other
    reports one total a month (the PDF's bar)."""
    months = sorted({str(r["month"]) for r in rows if r.get("month")})
    if name == "grants" and by in ("department", "programme"):
        totals: dict[str, int] = {}
        for r in rows:
            totals[str(r["name"])] = totals.get(str(r["name"]), 0) + int(r["normal"]) + int(r["premium"])
        names = sorted(totals, key=lambda n: -totals[n])[:MAX_SERIES]
        out = {n: [0] * len(months) for n in names}
        for r in rows:
            if str(r["name"]) in out:
                out[str(r["name"])][months.index(str(r["month"]))] += int(r["normal"]) + int(r["premium"])
        return months, out
    bars = dict(monthly_totals(name, rows))
    return months, {"": [bars.get(m, 0) for m in months]}


class ReportsScreen(AdminScreen):
    name = "admin_reports"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: dict[str, Any] = {}
        self.stack = PageStack()
        self.stack.addWidget(self._report_page())
        self.stack.addWidget(self._drill_page())
        self.frame(self.tr("Reports"), self.stack)

    def _report_page(self) -> QWidget:
        self.report_choice = ChoiceGrid([
            (self.tr("Grants"), "grants"), (self.tr("Use"), "usage"), (self.tr("Vouchers"), "vouchers"),
            (self.tr("Expired"), "expired"), (self.tr("Applications"), "applications"),
            (self.tr("Conflicts"), "conflicts")], columns=6, compact=True)
        self.report_choice.setObjectName("reportChoice")
        self.by_choice = ChoiceGrid([(self.tr("Programme"), "programme"), (self.tr("Department"), "department"),
                                     (self.tr("MyKey ID"), "mykey_id")], columns=3, compact=True)
        self.by_choice.setObjectName("reportBy")
        self.period_field = Field("", self.tr("2026-05, 2026 or FY2026"))
        self.period_field.line.setVisible(False)  # a wrong period is said by the result panel
        self.period_field.edit.setObjectName("reportPeriod")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("reportShow")
        self.show_button.clicked.connect(self.load)
        self.report_choice.changed.connect(lambda *_: self._choice_changed())
        self.by_choice.changed.connect(lambda *_: self.load())
        self.period_field.edit.returnPressed.connect(self.load)
        controls = QHBoxLayout()
        metrics(controls, 0, "gap")
        self.period_field.add_button(self.show_button)
        controls.addWidget(label(self.tr("Period"), "subtitle"), 0, Qt.AlignmentFlag.AlignTop)
        controls.addWidget(self.period_field, 2, Qt.AlignmentFlag.AlignTop)
        controls.addWidget(self.by_choice, 3, Qt.AlignmentFlag.AlignTop)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("reportChart")
        self.plot.setMinimumHeight(110)
        self.plot.setMaximumHeight(210)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getPlotItem().showGrid(y=True, alpha=0.25)
        self.plot.scene().sigMouseClicked.connect(self._bar_clicked)
        self.summary = label("", "muted", name="reportSummary")
        self.table = table("reportTable", [""])
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.table.setMinimumHeight(90)  # the rows scroll; the page never does
        self.table.cellDoubleClicked.connect(lambda row, _c: self.drill_row(row))
        self.drill_button = QPushButton(self.tr("Rows behind"))
        self.drill_button.setObjectName("reportDrill")
        self.drill_button.clicked.connect(lambda: self.drill_row(self.table.currentRow()))
        self.csv_button = QPushButton(self.tr("CSV"))
        self.csv_button.setObjectName("reportCsv")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button = QPushButton(self.tr("PDF"))
        self.pdf_button.setObjectName("reportPdf")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.accounting_button = QPushButton(self.tr("Accounting data (精算データ)"))
        self.accounting_button.setObjectName("reportAccounting")
        self.accounting_button.clicked.connect(lambda: self.export("accounting"))
        body = QWidget()
        column = QVBoxLayout(body)
        metrics(column, 0, "gap")
        column.addWidget(self.report_choice)
        column.addLayout(controls)
        column.addWidget(self.plot, 3)
        column.addWidget(self.table, 2)
        column.addWidget(ActionBar(self.pdf_button, self.csv_button, self.accounting_button, self.drill_button))
        return body

    def _drill_page(self) -> QWidget:
        self.drill_title = label("", "title", name="drillTitle")
        self.drill_table = table("drillTable", [""])
        back = QPushButton(self.tr("Back to the report"))
        back.setObjectName("drillBack")
        back.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        return page(self.drill_title, self.drill_table, ActionBar(back), stretch_at=2)

    # -- loading ---------------------------------------------------------------------------------------------------
    def entered(self) -> None:
        self.close_result()
        self.stack.setCurrentIndex(0)
        if not self.period_field.text():
            self.period_field.edit.setText(default_period())
        if self.report_choice.currentIndex() < 0:
            self.report_choice.setCurrentData("grants")
        if self.by_choice.currentIndex() < 0:
            self.by_choice.setCurrentData("department")
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.by_choice.setVisible(self.report_choice.currentData() == "grants")
        self.load()

    def current(self) -> tuple[str, str, str]:
        return (str(self.report_choice.currentData() or "grants"), self.period_field.text().strip(),
                str(self.by_choice.currentData() or "programme"))

    def load(self) -> None:
        name, period, by = self.current()
        svc = self.service
        self.run(lambda: svc.report(name, period, by), self.show_report)

    def show_report(self, data: dict[str, Any]) -> None:
        self.data = data
        name, by = data["report"], data.get("by") or "programme"
        columns = [c for c in data["columns"] if c != "key" or name == "grants"]
        self.table.setProperty("stretchColumn", columns.index("name") if "name" in columns else 0)
        set_columns(self.table, [self._header(c) for c in columns])
        fill(self.table, [[r.get(c) for c in columns] for r in data["rows"]], data["rows"])
        self._chart(name, data["rows"], by)
        self.summary.setText(self.tr("%1 rows — double-tap a row or tap a bar for the rows behind it")
                             .replace("%1", f"{len(data['rows']):,}"))
        self.table.setToolTip(self.summary.text())

    def _header(self, column: str) -> str:
        return column_heading(column)

    def _chart(self, name: str, rows: list[dict[str, Any]], by: str) -> None:
        plot = self.plot.getPlotItem()
        plot.clear()
        if plot.legend is not None:
            plot.legend.scene().removeItem(plot.legend)
            plot.legend = None
        months, values = series(name, rows, by)
        self._months = months
        if not months:
            plot.getAxis("bottom").setTicks([[]])
            empty = pg.TextItem(self.tr("Nothing in this period"), color="#555555", anchor=(0.5, 0.5))
            plot.addItem(empty)
            empty.setPos(0.5, 0.5)
            plot.setXRange(0, 1, padding=0)
            plot.setYRange(0, 1, padding=0)
            return
        if len(values) > 1:
            plot.addLegend(offset=(10, 5), labelTextSize="11pt")
        width = 0.8 / max(1, len(values))
        for i, (label_text, ys) in enumerate(values.items()):
            xs = [m + (i - (len(values) - 1) / 2) * width for m in range(len(months))]
            bars = pg.BarGraphItem(x=xs, height=ys, width=width * 0.95, brush=PALETTE[i % len(PALETTE)],
                                   pen=None, name=label_text or None)
            plot.addItem(bars)  # named items join the legend by themselves
        plot.getAxis("bottom").setTicks([[(i, m[2:].replace("-", "/")) for i, m in enumerate(months)]])
        plot.setXRange(-0.6, len(months) - 0.4, padding=0)

    def _bar_clicked(self, event: Any) -> None:
        months = getattr(self, "_months", [])
        if not months:
            return
        point = self.plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        index = round(point.x())
        if 0 <= index < len(months):
            self.drill_month(months[index])

    def drill_month(self, month: str) -> None:
        """A bar: the first row of that month (with its key) opens the rows behind it."""
        for i, row in enumerate(self.data.get("rows", [])):
            if row.get("month") == month:
                self.drill_row(i)
                return

    def drill_row(self, row: int) -> None:
        rows = self.data.get("rows", [])
        if not 0 <= row < len(rows):
            return
        name, period, by = self.current()
        item = rows[row]
        if name == "grants" and by == "mykey_id":
            return  # a MyKey ID's grants: its history is the counter's look-up
        key, month = str(item.get("key")), item.get("month")
        svc = self.service
        self.drill_title.setText(f"{self._name(name, by, key, item.get('name'))}  {month or period}")
        self.run(lambda: svc.drill(name, period, key, month, by), self._show_drill)

    def _name(self, report: str, by: str, key: str, name: Any) -> str:
        """A report row's programme, department or measure in the screen's language (the set-up's names)."""
        source = {"department": "departments", "programme": "programmes"}.get(by) if report == "grants" else \
            "measures" if report == "applications" else None
        names = local_names(self.service.setup_cache.get(source, [])) if source else {}
        return names.get(int(key), str(name or key)) if key.isdigit() else str(name or key)

    def _show_drill(self, data: dict[str, Any]) -> None:
        columns = data["columns"]
        set_columns(self.drill_table, [column_heading(c) for c in columns])
        fill(self.drill_table, [[when(r.get(c)) if c in ("at", "redeemed_at", "voided_at", "reviewed_at")
                                 else r.get(c) for c in columns] for r in data["rows"]])
        self.stack.setCurrentIndex(1)

    def export(self, what: str) -> None:
        name, period, by = self.current()
        svc = self.service
        data = self.data if self.data.get("report") == name else None
        if what == "csv":
            job = lambda: svc.export_csv(name, period, by)  # noqa: E731
        elif what == "pdf":
            job = lambda: svc.export_pdf(name, period, by, data)  # noqa: E731
        else:
            job = lambda: (svc.export_csv("accounting", period), svc.export_pdf("accounting", period))  # noqa: E731
        self.run(job, self._exported)

    def _exported(self, result: Any) -> None:
        paths = result if isinstance(result, tuple) else (result,)
        self.done(self.tr("Saved"), "\n".join(p.name for p in paths))
