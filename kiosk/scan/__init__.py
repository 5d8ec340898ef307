"""QR scanning: camera frames, scanned PDF/TIFF, keyboard-wedge and serial scanners (see README.md)."""
