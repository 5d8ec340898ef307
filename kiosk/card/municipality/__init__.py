"""Municipality (code and name) from an address, against the national local-government code list."""

from kiosk.card.municipality.codes import CodeList, Municipality, check_digit, load_code_list
from kiosk.card.municipality.derive import derive_municipality

__all__ = ["CodeList", "Municipality", "check_digit", "derive_municipality", "load_code_list"]
