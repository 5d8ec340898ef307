"""kiosk/sync: the offline-first side of a terminal.

- store.py      LocalStore: SQLite (WAL, synchronous=FULL), Alembic migrations, one writer thread
- models.py     tables: operations, outbox, dead_letters, conflicts, redemptions, offline_payments, reference
- outbox.py     Outbox: a write = local row + outbox entry in one transaction; results, dead letters, conflicts
- engine.py     SyncEngine: online/offline detection, ordered batched drain, back-off, reference pulls, status
- client.py     CloudClient over http.py: the whole /v1 API with typed errors (errors.py), cloud time (clock.py)
- reference.py  ReferenceCache: the changes feed kept locally (keys, voided vouchers, CA/CRL, offline limits)
- offline.py    checks made without the cloud (vouchers, JPKI signatures, offline limit); services.py StoreDesk
- conflicts.py  wording of the conflicts the cloud reports; credentials.py keyring; terminal.py wiring
- qt.py         SyncBridge: engine listeners as Qt signals (the only Qt module here)
The public API is documented in docs/CONTRACTS.md.
"""
