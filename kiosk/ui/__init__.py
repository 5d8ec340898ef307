"""kiosk/ui."""
