"""SQLAlchemy Core tables of the points cloud (one MetaData; Alembic compares against it)."""

from kiosk_cloud.models.base import metadata
from kiosk_cloud.models.consent import consent_nonces
from kiosk_cloud.models.identity import (
    auth_challenges,
    certificates,
    enrolment_codes,
    mykey_ids,
    resident_sessions,
    service_ids,
    staff,
    terminals,
    trust_anchors,
)
from kiosk_cloud.models.ops import (
    applications,
    attendance_registrations,
    changes,
    conflicts,
    idempotency,
    measure_eligible,
    measures,
)
from kiosk_cloud.models.points import (
    accounts,
    departments,
    ledger,
    lots,
    municipalities,
    point_types,
    programmes,
    reserved_points,
    shops,
    voucher_keys,
    vouchers,
)
from kiosk_cloud.models.staff_sessions import audit_log, staff_login_throttle, staff_sessions

__all__ = [
    "accounts",
    "applications",
    "attendance_registrations",
    "audit_log",
    "auth_challenges",
    "certificates",
    "changes",
    "conflicts",
    "consent_nonces",
    "departments",
    "enrolment_codes",
    "idempotency",
    "ledger",
    "lots",
    "measure_eligible",
    "measures",
    "metadata",
    "municipalities",
    "mykey_ids",
    "point_types",
    "programmes",
    "reserved_points",
    "resident_sessions",
    "service_ids",
    "shops",
    "staff",
    "staff_login_throttle",
    "staff_sessions",
    "terminals",
    "trust_anchors",
    "voucher_keys",
    "vouchers",
]
