"""kiosk/scan."""
