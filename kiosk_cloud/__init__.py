"""kiosk_cloud."""
