"""The municipality's reports (issue 12): each one SQL statement over a period, grouped by month (Japan time).

A period is a month `YYYY-MM`, a calendar year `YYYY` or a fiscal year `FYYYYY` (April to March, 会計年度).
Nothing is summed in Python: the database groups, the API streams rows out (JSON or CSV).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (
    Select,
    String,
    Subquery,
    and_,
    case,
    cast,
    func,
    literal_column,
    select,
    true,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement

from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import (
    accounts,
    applications,
    conflicts,
    departments,
    ledger,
    ledger_monthly,
    measures,
    programmes,
    shops,
    vouchers,
)

JST = timezone(timedelta(hours=9))
REPORTS = ("grants", "usage", "vouchers", "expired", "applications", "conflicts")
GRANT_BY = ("programme", "department", "mykey_id")


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    start: datetime
    end: datetime


def period(text: str) -> Period:
    """`2026-05` (a month), `2026` (a calendar year), `FY2026` (April 2026 to March 2027); years 1900–2999
    (year 1 in Japan time is before the first UTC moment a timestamp can hold)."""
    digits = text[2:6] if text.upper().startswith("FY") else text[:4]
    if not digits.isdigit() or not 1900 <= int(digits) <= 2999:
        raise ApiError("bad_period")
    try:
        if text.upper().startswith("FY") and len(text) == 6:
            year = int(text[2:])
            return Period(text.upper(), datetime(year, 4, 1, tzinfo=JST), datetime(year + 1, 4, 1, tzinfo=JST))
        if len(text) == 4:
            year = int(text)
            return Period(text, datetime(year, 1, 1, tzinfo=JST), datetime(year + 1, 1, 1, tzinfo=JST))
        year, month = (int(part) for part in text.split("-"))
        start = datetime(year, month, 1, tzinfo=JST)
        return Period(text, start, datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=JST))
    except ValueError:
        raise ApiError("bad_period") from None


def month_of(column: Any, dialect: str) -> ColumnElement[Any]:
    """The month (Japan time) of a UTC timestamp column, computed by the database: on PostgreSQL the first moment
    of the month as a timestamp (date_trunc per row is cheaper than formatting 2M rows; the API writes it as
    'YYYY-MM'), on SQLite the text 'YYYY-MM'. Japan has no daylight saving: UTC + 9 h."""
    if dialect == "postgresql":
        return func.date_trunc(literal_column("'month'"), func.timezone(literal_column("'UTC'"), column)
                               + literal_column("interval '9 hours'"))
    return month_text(column, dialect)


def month_text(column: Any, dialect: str) -> ColumnElement[str]:
    """'YYYY-MM' (Japan time) as text on every database."""
    if dialect == "postgresql":
        return func.to_char(func.timezone(literal_column("'UTC'"), column) + literal_column("interval '9 hours'"),
                            literal_column("'YYYY-MM'"))
    # whole seconds first: SQLite rounds fractions to milliseconds, which would move 23:59:59.9999 into next month
    return func.strftime(literal_column("'%Y-%m'"), func.substr(column, 1, 19), literal_column("'+9 hours'"))


def month_label(month: Any, dialect: str) -> ColumnElement[str]:
    """A `month_of` value as 'YYYY-MM' text (formatted once per group, not per row)."""
    if dialect == "postgresql":
        return func.to_char(month, literal_column("'YYYY-MM'"))
    return month  # type: ignore[no-any-return]


def _in(column: Any, p: Period) -> ColumnElement[bool]:
    return and_(column >= p.start, column < p.end)


SOURCES = ("auto", "ledger")  # "ledger": every month from the ledger itself (tests compare the two)


def whole_months(p: Period) -> tuple[datetime, datetime] | None:
    """The whole months (Japan time) inside the period, as [first month's start, last month's end), or None."""
    start, end = p.start.astimezone(JST), p.end.astimezone(JST)
    first = datetime(start.year, start.month, 1, tzinfo=JST)
    if first < start:
        first = datetime(first.year + (first.month == 12), first.month % 12 + 1, 1, tzinfo=JST)
    last = datetime(end.year, end.month, 1, tzinfo=JST)
    return (first, last) if first < last else None


def _summed(kinds: tuple[str, ...], month: ColumnElement[Any], where: list[ColumnElement[bool]]) -> Select[Any]:
    """Ledger rows of `kinds` summed per month, kind, shop and programme (0 = none), as the summary keeps them."""
    premium = ledger.c.premium_points > literal_column("0")
    shop, prog = func.coalesce(ledger.c.shop_id, 0), func.coalesce(ledger.c.programme_id, 0)
    return (select(month.label("month"), ledger.c.kind.label("kind"), shop.label("shop_id"),
                   prog.label("programme_id"), func.count().label("n"), func.sum(ledger.c.points).label("points"),
                   func.sum(ledger.c.premium_points).label("premium_points"),
                   func.sum(case((premium, literal_column("1")), else_=literal_column("0"))).label("premium_n"),
                   func.sum(case((premium, ledger.c.points), else_=literal_column("0"))).label("premium_n_points"))
            .where(ledger.c.kind.in_(kinds), *where).group_by(month, ledger.c.kind, shop, prog))


def ledger_sums(p: Period, dialect: str, kinds: tuple[str, ...], source: str = "auto") -> Subquery:
    """The ledger of `kinds` in the period summed per month ('YYYY-MM'), kind, shop_id and programme_id (0 = none):
    whole months from `ledger_monthly` (kept by the database in each writing transaction), the parts of a month at
    either end of the period from the ledger itself. Columns: month, kind, shop_id, programme_id, n, points,
    premium_points, premium_n, premium_n_points."""
    whole = whole_months(p) if source == "auto" else None
    if whole is None:
        return _summed(kinds, month_text(ledger.c.occurred_at, dialect), [_in(ledger.c.occurred_at, p)]).subquery("s")
    m = ledger_monthly.c
    parts: list[Select[Any]] = [
        select(m.month, m.kind, m.shop_id, m.programme_id, func.sum(m.n).label("n"),
               func.sum(m.points).label("points"), func.sum(m.premium_points).label("premium_points"),
               func.sum(m.premium_n).label("premium_n"), func.sum(m.premium_n_points).label("premium_n_points"))
        .where(m.kind.in_(kinds), m.month >= whole[0].strftime("%Y-%m"), m.month < whole[1].strftime("%Y-%m"))
        .group_by(m.month, m.kind, m.shop_id, m.programme_id)
        .having(func.sum(m.n) != 0)]  # a summary row a deleted ledger row brought back to nothing
    for a, b in ((p.start, whole[0]), (whole[1], p.end)):
        if a < b:
            parts.append(_summed(kinds, month_text(ledger.c.occurred_at, dialect),
                                 [ledger.c.occurred_at >= a, ledger.c.occurred_at < b]))
    return (union_all(*parts) if len(parts) > 1 else parts[0]).subquery("s")


def ledger_recount(dialect: str) -> Select[Any]:
    """What `ledger_monthly` must hold: the whole ledger summed per its key (the check of the triggers)."""
    month = month_text(ledger.c.occurred_at, dialect)
    premium = ledger.c.premium_points > literal_column("0")
    stripe: ColumnElement[Any] = literal_column("-1") - ledger.c.account_id % literal_column("64")  # by account
    keys = (month, ledger.c.kind, func.coalesce(ledger.c.shop_id, 0), func.coalesce(ledger.c.programme_id, 0),
            func.coalesce(ledger.c.terminal_id, stripe))
    return (select(*keys, func.count(), func.sum(ledger.c.points), func.sum(ledger.c.premium_points),
                   func.sum(case((premium, literal_column("1")), else_=literal_column("0"))),
                   func.sum(case((premium, ledger.c.points), else_=literal_column("0"))))
            .group_by(*keys).order_by(*keys))


def grants(p: Period, dialect: str, by: str, drill: str | None = None, source: str = "auto") -> Select[Any]:
    """Points granted (ledger `grant`) per month and programme / department, or per MyKey ID over the period;
    normal vs premium."""
    normal = func.sum(ledger.c.points - ledger.c.premium_points).label("normal")
    premium = func.sum(ledger.c.premium_points).label("premium")
    count = func.count().label("count")
    where = [ledger.c.kind == "grant", _in(ledger.c.occurred_at, p)]
    if by == "mykey_id":
        query = (select(accounts.c.mykey_id.label("key"), accounts.c.mykey_id.label("name"), normal, premium, count)
                 .select_from(ledger.join(accounts, accounts.c.id == ledger.c.account_id)).where(*where)
                 .group_by(accounts.c.mykey_id).order_by(accounts.c.mykey_id))
        return query.where(accounts.c.mykey_id > drill) if drill else query
    # sum the ledger first (the monthly summary for whole months), name the few groups afterwards
    sums = ledger_sums(p, dialect, ("grant",), source)
    per = (select(sums.c.month, sums.c.programme_id, func.sum(sums.c.points - sums.c.premium_points).label("normal"),
                  func.sum(sums.c.premium_points).label("premium"), func.sum(sums.c.n).label("count"))
           .where(sums.c.programme_id != 0).group_by(sums.c.month, sums.c.programme_id).subquery("g"))
    joined = per.join(programmes, programmes.c.id == per.c.programme_id)
    if by == "department":
        joined = joined.join(departments, departments.c.id == programmes.c.department_id)
        key, name = departments.c.id, departments.c.name
    else:
        key, name = programmes.c.id, programmes.c.name
    return (select(per.c.month, cast(key, String).label("key"), name.label("name"),
                   func.sum(per.c.normal).label("normal"), func.sum(per.c.premium).label("premium"),
                   func.sum(per.c.count).label("count"))
            .select_from(joined).group_by(per.c.month, key, name).order_by(per.c.month, key))


def usage(p: Period, dialect: str, source: str = "auto") -> Select[Any]:
    """Points used per month and shop: by card (payments net of reversals) and by voucher (redeemed). Each side
    is summed on its own (the card side from the monthly summary for whole months), the two small results added,
    then named."""
    sums = ledger_sums(p, dialect, ("use", "reversal"), source)
    card = (select(sums.c.month, sums.c.shop_id.label("shop_id"), func.sum(-sums.c.points).label("card"),
                   func.sum(case((sums.c.kind == "use", sums.c.n), else_=literal_column("0"))).label("card_n"),
                   literal_column("0").label("voucher"), literal_column("0").label("voucher_n"))
            .where(sums.c.shop_id != 0).group_by(sums.c.month, sums.c.shop_id))
    paper_month = month_of(vouchers.c.redeemed_at, dialect).label("month")  # grouped first, written as text after
    redeemed = (select(paper_month, vouchers.c.redeemed_shop_id.label("shop_id"), func.sum(vouchers.c.points)
                       .label("points"), func.count().label("n"))
                .where(vouchers.c.status == "redeemed", _in(vouchers.c.redeemed_at, p))
                .group_by(paper_month, vouchers.c.redeemed_shop_id).subquery("v"))
    paper = select(month_label(redeemed.c.month, dialect), redeemed.c.shop_id, literal_column("0"),
                   literal_column("0"), redeemed.c.points, redeemed.c.n)
    both = union_all(card, paper).subquery("u")
    per = (select(both.c.month, both.c.shop_id, func.sum(both.c.card).label("card_points"),
                  func.sum(both.c.card_n).label("card_count"), func.sum(both.c.voucher).label("voucher_points"),
                  func.sum(both.c.voucher_n).label("voucher_count"))
           .group_by(both.c.month, both.c.shop_id).subquery("g"))  # name the shops afterwards
    return (select(per.c.month, cast(shops.c.id, String).label("key"), shops.c.name.label("name"),
                   per.c.card_points, per.c.card_count, per.c.voucher_points, per.c.voucher_count)
            .select_from(per.join(shops, shops.c.id == per.c.shop_id)).order_by(per.c.month, shops.c.id))


def voucher_flow(p: Period, dialect: str) -> Select[Any]:
    """Vouchers per month: issued, redeemed, voided (count and points) and outstanding at the month's end
    (a running sum from the first voucher ever issued)."""
    issued = select(vouchers.c.issued_at.label("at"), vouchers.c.points.label("points"),
                    literal_column("'issued'").label("what")).where(vouchers.c.issued_at < p.end)
    redeemed = select(vouchers.c.redeemed_at, vouchers.c.points, literal_column("'redeemed'")).where(
        vouchers.c.redeemed_at < p.end, vouchers.c.status == "redeemed")
    voided = select(vouchers.c.voided_at, vouchers.c.points, literal_column("'voided'")).where(
        vouchers.c.voided_at < p.end, vouchers.c.status == "voided")
    ev = union_all(issued, redeemed, voided).subquery("ev")
    bucket = case((ev.c.at < p.start, literal_column("'0000-00'")), else_=month_text(ev.c.at, dialect)).label("month")
    ev2 = select(bucket, ev.c.points, ev.c.what).subquery("ev2")  # group by a column, never a parameter

    def part(what: str, points: bool) -> Any:
        one = ev2.c.points if points else literal_column("1")
        return func.sum(case((ev2.c.what == literal_column(f"'{what}'"), one), else_=literal_column("0")))

    monthly = (select(ev2.c.month, part("issued", False).label("issued_count"),
                      part("issued", True).label("issued_points"),
                      part("redeemed", False).label("redeemed_count"),
                      part("redeemed", True).label("redeemed_points"),
                      part("voided", False).label("voided_count"), part("voided", True).label("voided_points"))
               .group_by(ev2.c.month).subquery("m"))
    delta = monthly.c.issued_points - monthly.c.redeemed_points - monthly.c.voided_points
    running = func.sum(delta).over(order_by=monthly.c.month).label("outstanding_points")
    inner = select(monthly, running).subquery("r")
    return (select(inner.c.month, inner.c.month.label("key"), inner.c.month.label("name"), inner.c.issued_count,
                   inner.c.issued_points, inner.c.redeemed_count, inner.c.redeemed_points, inner.c.voided_count,
                   inner.c.voided_points, inner.c.outstanding_points)
            .where(inner.c.month != "0000-00").order_by(inner.c.month))


def expired(p: Period, dialect: str) -> Select[Any]:
    """Points that expired (ledger `expiry`, written when a lot is found past its date) per month and point type."""
    month = month_of(ledger.c.occurred_at, dialect).label("month")
    return (select(month, cast(accounts.c.point_type_id, String).label("key"), accounts.c.kind.label("name"),
                   func.sum(-ledger.c.points).label("points"), func.sum(-ledger.c.premium_points).label("premium"),
                   func.count().label("count"))
            .select_from(ledger.join(accounts, accounts.c.id == ledger.c.account_id))
            .where(ledger.c.kind == "expiry", _in(ledger.c.occurred_at, p))
            .group_by(month, accounts.c.point_type_id, accounts.c.kind).order_by(month, accounts.c.point_type_id))


def review_states(p: Period, dialect: str) -> Select[Any]:
    """Measure applications per month (of application), measure and review state."""
    month = month_of(applications.c.created_at, dialect).label("month")

    def state(s: str) -> Any:
        return func.sum(case((applications.c.status == literal_column(f"'{s}'"), literal_column("1")),
                             else_=literal_column("0"))).label(s)

    return (select(month, cast(measures.c.id, String).label("key"), measures.c.name.label("name"),
                   measures.c.review.label("review"), state("applied"), state("approved"), state("rejected"),
                   state("granted"), func.count().label("count"))
            .select_from(applications.join(measures, measures.c.id == applications.c.measure_id))
            .where(_in(applications.c.created_at, p))
            .group_by(month, measures.c.id, measures.c.name, measures.c.review).order_by(month, measures.c.id))


def conflict_outcomes(p: Period, dialect: str) -> Select[Any]:
    """Offline conflicts per month and kind: how many, how many the office has resolved, how many are open."""
    month = month_of(conflicts.c.created_at, dialect).label("month")
    resolved = func.sum(case((conflicts.c.resolved == true(), literal_column("1")), else_=literal_column("0")))
    return (select(month, conflicts.c.kind.label("key"), conflicts.c.kind.label("name"),
                   func.count().label("count"), resolved.label("resolved"),
                   (func.count() - resolved).label("open"))
            .where(_in(conflicts.c.created_at, p)).group_by(month, conflicts.c.kind)
            .order_by(month, conflicts.c.kind))


def report_query(name: str, p: Period, dialect: str, by: str = "programme", after: str | None = None,
                 source: str = "auto") -> Select[Any]:
    if name == "grants":
        return grants(p, dialect, by, after, source)
    if name == "usage":
        return usage(p, dialect, source)
    builders = {"vouchers": voucher_flow, "expired": expired, "applications": review_states,
                "conflicts": conflict_outcomes}
    if name not in builders:
        raise ApiError("not_found", f"no report {name!r}")
    return builders[name](p, dialect)


def accounting(p: Period, dialect: str, source: str = "auto") -> Select[Any]:
    """精算データ (seed 003 6-6/6-7): who pays whom for the period, one row per payer and payee. Departments are
    charged for the points their programmes granted (a grant with premium points as premium, the others as
    normal); each shop is owed the points used there by card (net of reversals) and by voucher, to its bank
    account. The ledger side from the monthly summary for whole months."""
    g = ledger_sums(p, dialect, ("grant",), source)
    zero: ColumnElement[Any] = literal_column("0")

    def charge(item: str, n: Any, points: Any) -> Select[Any]:
        return (select(literal_column("'charge'").label("section"), departments.c.name.label("payer"),
                       programmes.c.name.label("payee"), literal_column("''").label("account"),
                       literal_column(f"'{item}'").label("item"), points.label("points"), n.label("n"))
                .select_from(g.join(programmes, programmes.c.id == g.c.programme_id)
                             .join(departments, departments.c.id == programmes.c.department_id))
                .where(n != zero))

    u = ledger_sums(p, dialect, ("use", "reversal"), source)
    card = (select(literal_column("'payout'"), literal_column("'municipality'"), shops.c.name, shops.c.payee_account,
                   literal_column("'card'"), -u.c.points, case((u.c.kind == "use", u.c.n), else_=zero))
            .select_from(u.join(shops, shops.c.id == u.c.shop_id)))
    paper = (select(literal_column("'payout'"), literal_column("'municipality'"), shops.c.name,
                    shops.c.payee_account, literal_column("'voucher'"), vouchers.c.points, literal_column("1"))
             .select_from(vouchers.join(shops, shops.c.id == vouchers.c.redeemed_shop_id))
             .where(vouchers.c.status == "redeemed", _in(vouchers.c.redeemed_at, p)))
    rows = union_all(charge("normal", g.c.n - g.c.premium_n, g.c.points - g.c.premium_n_points),
                     charge("premium", g.c.premium_n, g.c.premium_n_points), card, paper).subquery("a")
    return (select(rows.c.section, rows.c.payer, rows.c.payee, rows.c.account, rows.c.item,
                   func.sum(rows.c.n).label("count"), func.sum(rows.c.points).label("points"),
                   func.sum(rows.c.points).label("amount_yen"))
            .group_by(rows.c.section, rows.c.payer, rows.c.payee, rows.c.account, rows.c.item)
            .order_by(rows.c.section, rows.c.payer, rows.c.payee, rows.c.item))


DRILL_LIMIT = 500


def drill(name: str, p: Period, dialect: str, key: str, month: str | None, by: str = "programme") -> Select[Any]:
    """The rows behind one bar: ledger entries (grants, usage, expiry), vouchers, applications or conflicts of
    that key in that month (at most DRILL_LIMIT, newest first)."""
    inside = p if month is None else period(month)
    if name in ("grants", "usage", "expired"):
        kinds = {"grants": ("grant",), "usage": ("use", "reversal"), "expired": ("expiry",)}[name]
        query = (select(ledger.c.id, ledger.c.occurred_at.label("at"), ledger.c.kind, accounts.c.mykey_id,
                        ledger.c.points, ledger.c.premium_points, ledger.c.shop_id, ledger.c.programme_id,
                        ledger.c.terminal_id, ledger.c.offline)
                 .select_from(ledger.join(accounts, accounts.c.id == ledger.c.account_id))
                 .where(ledger.c.kind.in_(kinds), _in(ledger.c.occurred_at, inside)))
        if name == "grants" and by == "department":
            query = query.where(ledger.c.programme_id.in_(select(programmes.c.id).where(
                programmes.c.department_id == _int(key))))
        elif name == "grants":
            query = query.where(ledger.c.programme_id == _int(key))
        elif name == "usage":
            query = query.where(ledger.c.shop_id == _int(key))
        else:
            query = query.where(accounts.c.point_type_id == _int(key))
        return query.order_by(ledger.c.id.desc()).limit(DRILL_LIMIT)
    if name == "vouchers":
        return (select(vouchers.c.serial.label("id"), vouchers.c.issued_at.label("at"), vouchers.c.number,
                       vouchers.c.points, vouchers.c.status, vouchers.c.redeemed_shop_id, vouchers.c.redeemed_at,
                       vouchers.c.voided_at)
                .where(_in(vouchers.c.issued_at, inside)).order_by(vouchers.c.serial.desc()).limit(DRILL_LIMIT))
    if name == "applications":
        return (select(applications.c.id, applications.c.created_at.label("at"), applications.c.mykey_id,
                       applications.c.status, applications.c.reason, applications.c.reviewed_at)
                .where(applications.c.measure_id == _int(key), _in(applications.c.created_at, inside))
                .order_by(applications.c.id.desc()).limit(DRILL_LIMIT))
    if name == "conflicts":
        return (select(conflicts.c.id, conflicts.c.created_at.label("at"), conflicts.c.kind,
                       conflicts.c.operation_key, conflicts.c.terminal_id, conflicts.c.shop_id, conflicts.c.resolved)
                .where(conflicts.c.kind == key, _in(conflicts.c.created_at, inside))
                .order_by(conflicts.c.id.desc()).limit(DRILL_LIMIT))
    raise ApiError("not_found", f"no report {name!r}")


def _int(key: str) -> int:
    try:
        return int(key)
    except ValueError:
        raise ApiError("validation_error", "key must be a number", status=422) from None


