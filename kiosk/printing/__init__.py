"""Voucher, receipt and settlement documents: PDF, receipt-printer images, ESC/POS (see README.md)."""
