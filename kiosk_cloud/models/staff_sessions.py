"""Staff sessions bound to a terminal, login throttling, and the audit log (issue 8)."""

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text

from kiosk_cloud.models.base import Timestamp, metadata

# Token on the wire (header X-Staff-Session): "<id>.<secret>"; only SHA-256(secret) is stored.
# end_reason: logout | idle | terminal_revoked | terminal_logout
staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("created_at", Timestamp(), nullable=False),
    Column("last_used_at", Timestamp(), nullable=False),
    Column("ended_at", Timestamp(), nullable=True),
    Column("end_reason", String(20), nullable=True),
    Index("ix_staff_sessions_terminal", "terminal_id"),
)

# One row per throttled key: "code:<staff code>" or "terminal:<id>". Failures inside the window count; at the
# limit the key is locked until locked_until (unknown staff codes are counted like known ones).
staff_login_throttle = Table(
    "staff_login_throttle",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("window_started_at", Timestamp(), nullable=False),
    Column("locked_until", Timestamp(), nullable=True),
)

# Who did what, on which terminal, when. Never a PIN, a certificate, a token or a password.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Timestamp(), nullable=False),
    Column("action", String(40), nullable=False),
    Column("terminal_id", Integer, nullable=True),
    Column("staff_id", Integer, nullable=True),
    Column("mykey_id", String(8), nullable=True),
    Column("subject", String(200), nullable=True),
    Column("detail", Text, nullable=True),
    Index("ix_audit_log_action", "action", "id"),
    Index("ix_audit_log_at", "at"),
)
