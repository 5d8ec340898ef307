"""kiosk/core."""
