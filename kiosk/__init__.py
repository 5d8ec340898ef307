"""MyKey counter & store kiosk: the terminal application."""

__version__ = "0.1.0"
