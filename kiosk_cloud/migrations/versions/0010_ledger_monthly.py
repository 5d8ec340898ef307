"""the ledger summed per month (issue 12): `ledger_monthly`, kept by triggers on `ledger` in the writing
transaction (every path that writes the ledger), filled from the ledger as it is now; `event_supporters` (the
residents who gave points to a support event, with the name they wished the organiser to be told)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 16:45:00

One place for every writer: the general path, both sync batch runners, the asyncpg hot paths and the bench seeding
all INSERT into `ledger`, so the database adds each row to its month's summary in the same transaction. PostgreSQL:
a statement-level trigger over the inserted rows (one grouped upsert per statement; ordered, so two statements
lock summary rows in the same order), a row trigger for UPDATE OF the summed columns and for DELETE (nothing does
either today; `reversed_by` is not summed). SQLite: row triggers. The month is Japan time (UTC + 9 h, no daylight
saving). A row without a terminal (an expiry write-off, a sweep) is keyed by a stripe of its account (terminal_id
-1 … -64), so that concurrent payments that each write off an expired lot do not queue on one summary row. SQLite
takes the first 19 characters (whole seconds) so that a time a microsecond before midnight is not
rounded into the next month.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLS = "month, kind, shop_id, programme_id, terminal_id, n, points, premium_points, premium_n, premium_n_points"
_KEY = "month, kind, shop_id, programme_id, terminal_id"
_ADD = ("n = ledger_monthly.n + excluded.n, points = ledger_monthly.points + excluded.points, "
        "premium_points = ledger_monthly.premium_points + excluded.premium_points, "
        "premium_n = ledger_monthly.premium_n + excluded.premium_n, "
        "premium_n_points = ledger_monthly.premium_n_points + excluded.premium_n_points")
_PG_MONTH = "to_char(({t}.occurred_at AT TIME ZONE 'UTC') + interval '9 hours', 'YYYY-MM')"
_SQLITE_MONTH = "strftime('%Y-%m', substr({t}.occurred_at, 1, 19), '+9 hours')"


def _terminal(t: str) -> str:
    """The summary's terminal key: the row's terminal, else one of 64 stripes by account (-1 … -64)."""
    return f"coalesce({t}.terminal_id, -1 - {t}.account_id % 64)"


def _grouped(month: str, source: str) -> str:
    """The rows of `source` summed per summary key (the backfill and PostgreSQL's statement trigger)."""
    m = month.format(t="r")
    return (f"SELECT {m}, r.kind, coalesce(r.shop_id, 0), coalesce(r.programme_id, 0), {_terminal('r')}, "
            "count(*), sum(r.points), sum(r.premium_points), "
            "sum(CASE WHEN r.premium_points > 0 THEN 1 ELSE 0 END), "
            "sum(CASE WHEN r.premium_points > 0 THEN r.points ELSE 0 END) "
            f"FROM {source} r GROUP BY {m}, r.kind, coalesce(r.shop_id, 0), coalesce(r.programme_id, 0), "
            f"{_terminal('r')}")


def _row_values(month: str, t: str, sign: str) -> str:
    m = month.format(t=t)
    return (f"{m}, {t}.kind, coalesce({t}.shop_id, 0), coalesce({t}.programme_id, 0), {_terminal(t)}, "
            f"{sign}1, {sign}{t}.points, {sign}{t}.premium_points, "
            f"{sign}(CASE WHEN {t}.premium_points > 0 THEN 1 ELSE 0 END), "
            f"{sign}(CASE WHEN {t}.premium_points > 0 THEN {t}.points ELSE 0 END)")


_SUMMED = "kind, points, premium_points, occurred_at, shop_id, programme_id, terminal_id"


def upgrade() -> None:
    op.create_table(
        "ledger_monthly",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("shop_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("programme_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("terminal_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("premium_points", sa.BigInteger(), nullable=False),
        sa.Column("premium_n", sa.BigInteger(), nullable=False),
        sa.Column("premium_n_points", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("month", "kind", "shop_id", "programme_id", "terminal_id", name="pk_ledger_monthly"),
    )
    op.create_table(
        "event_supporters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_account_id", sa.Integer(), nullable=False),
        sa.Column("ledger_id", sa.Integer(), nullable=False),
        sa.Column("mykey_id", sa.String(length=8), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["event_account_id"], ["accounts.id"],
                                name="fk_event_supporters_event_account_id_accounts"),
        sa.ForeignKeyConstraint(["ledger_id"], ["ledger.id"], name="fk_event_supporters_ledger_id_ledger"),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"], name="fk_event_supporters_terminal_id_terminals"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name="fk_event_supporters_staff_id_staff"),
        sa.PrimaryKeyConstraint("id", name="pk_event_supporters"),
        sa.UniqueConstraint("ledger_id", name="uq_event_supporters_ledger_id"),
    )
    op.create_index("ix_event_supporters_event_account_id", "event_supporters", ["event_account_id"], unique=False)
    # triggers first, then the backfill, in this one transaction: on PostgreSQL CREATE TRIGGER locks the ledger
    # against writers until the commit, so no row is missed or counted twice
    if op.get_bind().dialect.name == "postgresql":
        _pg_upgrade()
    else:
        _sqlite_upgrade()


def _pg_upgrade() -> None:
    op.execute(f"""
CREATE FUNCTION ledger_monthly_add_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_monthly ({_COLS})
  {_grouped(_PG_MONTH, "new_rows")} ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ({_KEY}) DO UPDATE SET {_ADD};
  RETURN NULL;
END $$""")
    op.execute(f"""
CREATE FUNCTION ledger_monthly_change_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_monthly ({_COLS}) VALUES ({_row_values(_PG_MONTH, "OLD", "-")})
  ON CONFLICT ({_KEY}) DO UPDATE SET {_ADD};
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO ledger_monthly ({_COLS}) VALUES ({_row_values(_PG_MONTH, "NEW", "")})
    ON CONFLICT ({_KEY}) DO UPDATE SET {_ADD};
  END IF;
  RETURN NULL;
END $$""")
    op.execute("CREATE TRIGGER ledger_monthly_insert AFTER INSERT ON ledger REFERENCING NEW TABLE AS new_rows "
               "FOR EACH STATEMENT EXECUTE FUNCTION ledger_monthly_add_rows()")
    op.execute(f"CREATE TRIGGER ledger_monthly_update AFTER UPDATE OF {_SUMMED} ON ledger FOR EACH ROW "
               "EXECUTE FUNCTION ledger_monthly_change_row()")
    op.execute("CREATE TRIGGER ledger_monthly_delete AFTER DELETE ON ledger FOR EACH ROW "
               "EXECUTE FUNCTION ledger_monthly_change_row()")
    op.execute(f"INSERT INTO ledger_monthly ({_COLS}) {_grouped(_PG_MONTH, 'ledger')}")


def _sqlite_upgrade() -> None:
    def upsert(t: str, sign: str) -> str:
        return (f"INSERT INTO ledger_monthly ({_COLS}) VALUES ({_row_values(_SQLITE_MONTH, t, sign)}) "
                f"ON CONFLICT ({_KEY}) DO UPDATE SET {_ADD};")

    op.execute(f"CREATE TRIGGER ledger_monthly_insert AFTER INSERT ON ledger BEGIN {upsert('NEW', '')} END")
    op.execute(f"CREATE TRIGGER ledger_monthly_update AFTER UPDATE OF {_SUMMED} ON ledger BEGIN "
               f"{upsert('OLD', '-')} {upsert('NEW', '')} END")
    op.execute(f"CREATE TRIGGER ledger_monthly_delete AFTER DELETE ON ledger BEGIN {upsert('OLD', '-')} END")
    op.execute(f"INSERT INTO ledger_monthly ({_COLS}) {_grouped(_SQLITE_MONTH, 'ledger')}")


def downgrade() -> None:
    for name in ("ledger_monthly_insert", "ledger_monthly_update", "ledger_monthly_delete"):
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON ledger")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS ledger_monthly_add_rows()")
        op.execute("DROP FUNCTION IF EXISTS ledger_monthly_change_row()")
    op.drop_table("ledger_monthly")
    op.drop_index("ix_event_supporters_event_account_id", table_name="event_supporters")
    op.drop_table("event_supporters")
