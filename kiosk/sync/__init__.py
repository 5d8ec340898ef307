"""kiosk/sync."""
