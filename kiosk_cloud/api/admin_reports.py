"""The municipality's reports (issue 12): JSON for the screens, drill-down rows, CSV (UTF-8 with BOM, streamed
from a server-side cursor in constant memory) and the accounting export (精算データ). Admin staff session."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy import Select

from kiosk_cloud.db import Database
from kiosk_cloud.deps import DB, AdminStaff
from kiosk_cloud.services import report_queries as rq
from kiosk_cloud.services.audit import audit

router = APIRouter(prefix="/admin", tags=["admin reports"])

PeriodText = Annotated[str, Query(min_length=4, max_length=7, pattern=r"^(FY)?\d{4}(-\d{2})?$")]
Name = Literal["grants", "usage", "vouchers", "expired", "applications", "conflicts"]
By = Literal["programme", "department", "mykey_id"]
JSON_ROWS = 2000  # the per-MyKey-ID report pages with `after` (CSV has everything)
JSON_ROWS_GROUPED = 50_000  # a month/year of the other reports: ≤ 12 months × shops, programmes, ...
CSV_CHUNK = 2000


def _plain(value: Any, column: str = "") -> Any:
    if isinstance(value, datetime):
        # a report's month comes as the month's first moment (PostgreSQL, report_queries.month_of)
        return value.strftime("%Y-%m") if column == "month" else value.isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal):  # PostgreSQL sums bigints as numeric
        return int(value) if float(value).is_integer() else float(value)
    return str(value)


async def _json_rows(db: Database, query: Select[Any], limit: int) -> tuple[list[str], list[dict[str, Any]]]:
    async with db.read() as conn:
        result = await conn.execute(query.limit(limit))
        columns = list(result.keys())
        rows = [{c: _plain(v, c) for c, v in zip(columns, r, strict=True)} for r in result.all()]
    return columns, rows


@router.get("/reports/{name}", response_class=JSONResponse)
async def report(name: Name, staff: AdminStaff, db: DB, period: PeriodText, by: By = "programme",
                 after: Annotated[str | None, Query(max_length=8)] = None) -> JSONResponse:
    p = rq.period(period)
    query = rq.report_query(name, p, db.engine.dialect.name, by, after)
    per_person = by == "mykey_id" and name == "grants"
    columns, rows = await _json_rows(db, query, JSON_ROWS if per_person else JSON_ROWS_GROUPED)
    more = per_person and len(rows) == JSON_ROWS
    # the rows are plain JSON values already: answered as they are (FastAPI's encoder walked 12,000 rows × 7 values
    # one by one — about half the time of the yearly use-per-shop report)
    return JSONResponse({"report": name, "period": p.label, "by": by if name == "grants" else None,
                         "columns": columns, "rows": rows, "after": rows[-1]["key"] if more else None})


@router.get("/reports/{name}/rows")
async def drill_down(name: Name, staff: AdminStaff, db: DB, period: PeriodText,
                     key: Annotated[str, Query(min_length=1, max_length=40)],
                     month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
                     by: By = "programme") -> dict[str, Any]:
    p = rq.period(period)
    columns, rows = await _json_rows(db, rq.drill(name, p, db.engine.dialect.name, key, month, by), rq.DRILL_LIMIT)
    return {"report": name, "period": p.label, "key": key, "month": month, "columns": columns, "rows": rows,
            "limit": rq.DRILL_LIMIT}


async def _stream_csv(db: Database, query: Select[Any]) -> AsyncIterator[bytes]:
    """UTF-8 with BOM (Excel reads it as UTF-8), CRLF; rows fetched from a server-side cursor in chunks."""
    yield "\ufeff".encode()
    async with db.read() as conn:
        result = await conn.stream(query.execution_options(yield_per=CSV_CHUNK))
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        columns = list(result.keys())
        writer.writerow(columns)
        async for part in result.partitions(CSV_CHUNK):
            for row in part:
                writer.writerow([_plain(v, c) for c, v in zip(columns, row, strict=True)])
            yield buf.getvalue().encode()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue().encode()


def _csv_response(db: Database, query: Select[Any], filename: str) -> StreamingResponse:
    return StreamingResponse(_stream_csv(db, query), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/exports/reports/{name}.csv")
async def report_csv(name: Name, staff: AdminStaff, db: DB, period: PeriodText,
                     by: By = "programme") -> StreamingResponse:
    p = rq.period(period)
    async with db.write() as conn:
        await audit(conn, action="report_exported", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"{name} {p.label}", detail={"report": name, "period": p.label, "by": by})
    suffix = f"_{by}" if name == "grants" else ""
    return _csv_response(db, rq.report_query(name, p, db.engine.dialect.name, by), f"{name}{suffix}_{p.label}.csv")


@router.get("/exports/accounting")
async def accounting(staff: AdminStaff, db: DB, period: PeriodText,
                     format: Literal["json", "csv"] = "json") -> Any:
    """精算データ: who pays whom for the period (departments charged per programme, shops paid to their account)."""
    p = rq.period(period)
    query = rq.accounting(p, db.engine.dialect.name)
    if format == "csv":
        async with db.write() as conn:
            await audit(conn, action="report_exported", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                        subject=f"accounting {p.label}", detail={"report": "accounting", "period": p.label})
        return _csv_response(db, query, f"seisan_{p.label}.csv")
    columns, rows = await _json_rows(db, query, 100_000)
    return {"period": p.label, "columns": columns, "rows": rows}
