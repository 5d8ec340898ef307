"""Used consent nonces: a resident's signed statement is accepted once (issue 8, consent helper).

One row per accepted statement: the certificate's fingerprint and the statement's nonce (unique together),
the statement's time (rows older than the offline window + clock skew are pruned: such statements are refused by
their time anyway), when it was used and by which terminal. Neither the statement nor its signature nor the
certificate is kept.
"""

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, UniqueConstraint

from kiosk_cloud.models.base import Timestamp, metadata

consent_nonces = Table(
    "consent_nonces",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("nonce", String(32), nullable=False),
    Column("action", String(16), nullable=False),
    Column("stated_at", Timestamp(), nullable=False),
    Column("used_at", Timestamp(), nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    UniqueConstraint("fingerprint", "nonce", name="uq_consent_nonces_fingerprint_nonce"),
    Index("ix_consent_nonces_stated_at", "stated_at"),
)
