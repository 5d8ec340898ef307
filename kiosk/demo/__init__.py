"""Demo data shared by demo mode, the software card and the cloud's init-demo: a test JPKI PKI and
sample residents. Nothing here is used with real cards."""

from kiosk.demo.pki import DemoPKI, DemoResident, ensure_demo_pki
from kiosk.demo.residents import DEMO_JPKI_PIN, DEMO_TEXT_PIN

__all__ = ["DEMO_JPKI_PIN", "DEMO_TEXT_PIN", "DemoPKI", "DemoResident", "ensure_demo_pki"]
