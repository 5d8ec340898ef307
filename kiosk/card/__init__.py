"""kiosk/card."""
