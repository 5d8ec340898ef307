"""Qt bridge for the sync engine: its listener callbacks (called on the sync worker thread) become Qt signals,
which Qt delivers on the receiver's thread (the GUI thread for widgets). The only Qt module of kiosk/sync."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import OperationResult
from kiosk.sync.status import SyncStatus


class SyncBridge(QObject):
    statusChanged = Signal(object)  # SyncStatus
    operationResults = Signal(object)  # list[OperationResult]
    conflictsFound = Signal(object)  # list[OperationResult] with status "conflict"
    deadLettered = Signal(object)  # list[OperationResult] with status "rejected"

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        engine.add_status_listener(self._on_status)
        engine.add_results_listener(self._on_results)
        engine.add_conflict_listener(self._on_conflicts)

    def _on_status(self, status: SyncStatus) -> None:
        self.statusChanged.emit(status)

    def _on_results(self, results: list[OperationResult]) -> None:
        self.operationResults.emit(results)
        rejected = [r for r in results if r.status == "rejected"]
        if rejected:
            self.deadLettered.emit(rejected)

    def _on_conflicts(self, conflicts: list[OperationResult]) -> None:
        self.conflictsFound.emit(conflicts)

    def snapshot(self) -> SyncStatus:
        """The current status, read on the calling thread (local store only, no network)."""
        return self.engine.status()
