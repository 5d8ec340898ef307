"""Test helpers: enrolled terminals as httpx clients, resident authentication with the demo cards' keys."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from kiosk.demo.consent import make_consent
from kiosk.demo.pki import DemoPKI, DemoResident, ensure_demo_pki
from kiosk_cloud.demo import DemoInfo

# the demo clerks (kiosk_cloud.demo): S001-S004 counter staff, OFC01 office, ADM01 admin; password "demo-pass"
STAFF_OF_ROLE = {"counter": "S001", "office": "OFC01", "admin": "ADM01"}
STAFF_KINDS = ("grant", "application", "attendance", "service_id")


def key() -> str:
    return uuid.uuid4().hex


def sign(resident: DemoResident, challenge: bytes) -> bytes:
    """What the card does: RSA PKCS#1 v1.5 over SHA-256 of the challenge with the user-auth key."""
    return resident.private_key().sign(challenge, padding.PKCS1v15(), hashes.SHA256())


class Terminal:
    def __init__(self, base_url: str, enrolment: dict[str, Any]) -> None:
        self.info = enrolment
        self.id: int = enrolment["terminal_id"]
        self.role: str = enrolment["role"]
        self.shop_id: int | None = enrolment["shop_id"]
        self.http = httpx.Client(base_url=base_url + "/v1", timeout=30,
                                 headers={"Authorization": f"Bearer {enrolment['token']}"})

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.http.get(path, **kw)

    def post(self, path: str, json: Any = None, **kw: Any) -> httpx.Response:
        return self.http.post(path, json=self._staffed(path, json), **kw)

    def ok(self, method: str, path: str, json: Any = None, **kw: Any) -> Any:
        response = self.http.request(method, path, json=self._staffed(path, json), **kw)
        assert response.status_code < 300, (response.status_code, response.text)
        return response.json()

    def authenticate(self, resident: DemoResident) -> dict[str, Any]:
        """Challenge → card signature → verify; returns the verify response (mykey_id, auth_token...)."""
        challenge = self.ok("POST", "/auth/challenge")
        raw = base64.b64decode(challenge["challenge"])
        assert resident.cert_der is not None
        response = self.post("/auth/verify", {
            "challenge_id": challenge["challenge_id"],
            "certificate": base64.b64encode(resident.cert_der).decode(),
            "signature": base64.b64encode(sign(resident, raw)).decode(),
        })
        assert response.status_code == 200, response.text
        return dict(response.json())

    def consent(self, resident: DemoResident, points: int, *, point_type_id: int = 1, action: str = "payment",
                count: int = 1, **changes: Any) -> dict[str, str]:
        """The resident's signed consent for this terminal (kiosk.demo.consent); `changes` override fields."""
        fields: dict[str, Any] = {
            "municipality_code": self.info["municipality_code"], "terminal_id": self.id,
            "shop_id": self.shop_id if action == "payment" else None, "point_type_id": point_type_id,
            "points": points, "count": count,
        }
        fields.update(changes)
        return make_consent(resident, action=action, **fields)

    def pay(self, resident: DemoResident, points: int, *, point_type_id: int = 1, idem: str | None = None,
            consent: dict[str, str] | None = None) -> httpx.Response:
        """POST /v1/payments with the resident's consent (made here unless given)."""
        return self.post("/payments", {
            "point_type_id": point_type_id, "points": points, "idempotency_key": idem or key(),
            "consent": consent if consent is not None else self.consent(resident, points, point_type_id=point_type_id),
        })

    def _staffed(self, path: str, body: Any) -> Any:
        """As the terminal's outbox does: sync operations that need the clerk's session carry the logged-in one
        (an operation that names `staff_session` itself, even None, is sent as it is)."""
        session = self.http.headers.get("X-Staff-Session")
        if path != "/sync" or not session or not isinstance(body, dict):
            return body
        ops = [dict(op) for op in body.get("operations", [])]
        for op in ops:
            if op.get("kind") in STAFF_KINDS and "staff_session" not in op:
                op["staff_session"] = session
        return {**body, "operations": ops}

    def login_staff(self, staff_code: str, password: str = "demo-pass") -> dict[str, Any]:
        """POST /v1/staff/login; the session then goes with every request of this terminal (X-Staff-Session)."""
        data = self.ok("POST", "/staff/login", {"staff_code": staff_code, "password": password})
        self.staff = data
        self.http.headers["X-Staff-Session"] = data["staff_session"]
        return dict(data)

    def logout_staff(self) -> None:
        """POST /v1/staff/logout and stop sending the session."""
        if "X-Staff-Session" in self.http.headers:
            self.ok("POST", "/staff/logout")
            del self.http.headers["X-Staff-Session"]

    def close(self) -> None:
        self.http.close()


class Cloud:
    def __init__(self, url: str, demo: DemoInfo, pki_dir: Path) -> None:
        self.url = url
        self.demo = demo
        self.pki: DemoPKI = ensure_demo_pki(pki_dir)
        self.anon = httpx.Client(base_url=url + "/v1", timeout=30)
        self._terminals: list[Terminal] = []
        self.admin = self._enrol(demo.enrolment_codes["admin"], "admin")
        self.admin.login_staff(STAFF_OF_ROLE["admin"])

    def _enrol(self, code: str, name: str) -> Terminal:
        response = self.anon.post("/terminals/enrol", json={"code": code, "name": name})
        assert response.status_code == 200, response.text
        terminal = Terminal(self.url, response.json())
        self._terminals.append(terminal)
        return terminal

    def terminal(self, role: str, shop_id: int | None = None, *, staff: str | None = "default") -> Terminal:
        """An enrolled terminal; counter/office/admin ones with the role's demo clerk logged in (`staff=None`: nobody,
        or a staff code)."""
        if role == "store" and shop_id is None:
            shop_id = self.demo.shops[0]["id"]
        code = self.admin.ok("POST", "/admin/enrolment-codes", {"role": role, "name": f"t-{role}",
                                                               "shop_id": shop_id})["code"]
        terminal = self._enrol(code, f"{role} terminal")
        if staff is not None and role != "store":
            terminal.login_staff(STAFF_OF_ROLE[role] if staff == "default" else staff)
        return terminal

    def resident(self, name: str) -> DemoResident:
        return self.pki.resident(name)

    def mykey(self, name: str) -> str:
        value = self.demo.residents[name]
        assert value is not None
        return value

    @property
    def point_type(self) -> int:
        return int(self.demo.point_types[0]["id"])

    def programme(self, premium: bool = False, point_type_id: int | None = None) -> int:
        pt = point_type_id or self.point_type
        for p in self.demo.programmes:
            if p["premium"] == premium and p["point_type_id"] == pt and p["repeat_rule"] == "unlimited":
                return int(p["id"])
        raise LookupError("no such programme")

    def close(self) -> None:
        for t in self._terminals:
            t.close()
        self.anon.close()
