"""Operations: run one blocking service call off the GUI thread, deliver progress/success/failure as Qt signals.

Results are delivered on the GUI thread. An operation started while serving one resident is dropped if the
session has been wiped meanwhile (its result must not leak onto the next resident's screen).

Threading rule: a worker job never holds a Qt object that can be deleted while it runs. It reports through the
runner's own relay (an `int` operation id and plain values); the relay and the runner outlive every job (the
runner's thread pool is its first child, so it is destroyed first and waits for the jobs).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kiosk.services.errors import ServiceError, translate_error

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, op_id: int, fn: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op_id = op_id
        self._fn: Callable[..., Any] | None = fn
        self._relay = relay
        self._with_progress = with_progress

    def run(self) -> None:
        fn, self._fn = self._fn, None  # drop the closure (and anything it holds) as soon as it has run
        assert fn is not None
        op_id, relay = self._op_id, self._relay

        def progress(step: str) -> None:
            relay.progress.emit(op_id, step)

        try:
            result = fn(progress) if self._with_progress else fn()
        except Exception as exc:
            relay.failed.emit(op_id, translate_error(exc))
        else:
            relay.succeeded.emit(op_id, result)
        finally:
            del fn


class Operation(QObject):
    """One user action that does I/O. Connect to `succeeded` / `failed` / `progress`; `finished` follows either."""

    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(str)
    finished = Signal()

    def __init__(self, runner: OpRunner, op_id: int, generation: int) -> None:
        super().__init__(runner)
        self.op_id = op_id
        self.generation = generation


class OpRunner(QObject):
    """Starts operations on a thread pool; knows the session generation; reports busy/idle."""

    busy_changed = Signal(bool)
    error = Signal(object)  # every failure, for a central log / status line

    def __init__(self, generation: Callable[[], int] = lambda: 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # first child: destroyed first, waiting for running jobs
        self._pool.setMaxThreadCount(4)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_success)
        self._relay.failed.connect(self._on_failure)
        self._relay.progress.connect(self._on_progress)
        self._generation = generation
        self._ids = itertools.count(1)
        self._active: dict[int, Operation] = {}

    def current_generation(self) -> int:
        return self._generation()

    def run(self, fn: Callable[..., Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[ServiceError], None] | None = None,
            on_progress: Callable[[str], None] | None = None) -> Operation:
        """Run `fn()` off the GUI thread; with `on_progress`, `fn(progress)` gets a callable to report steps."""
        op = Operation(self, next(self._ids), self._generation())
        if on_success is not None:
            op.succeeded.connect(on_success)
        if on_failure is not None:
            op.failed.connect(on_failure)
        if on_progress is not None:
            op.progress.connect(on_progress)
        was_idle = not self._active
        self._active[op.op_id] = op
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(op.op_id, fn, self._relay, on_progress is not None))
        return op

    def active_count(self) -> int:
        return len(self._active)

    def wait_idle(self, msecs: int = 10000) -> bool:
        return self._pool.waitForDone(msecs)

    # --- results, on the GUI thread ----------------------------------------------------------------------------
    def _current(self, op: Operation) -> bool:
        return op.generation == self._generation()

    @Slot(int, str)
    def _on_progress(self, op_id: int, step: str) -> None:
        op = self._active.get(op_id)
        if op is not None and self._current(op):
            op.progress.emit(step)

    @Slot(int, object)
    def _on_success(self, op_id: int, result: object) -> None:
        op = self._active.get(op_id)
        if op is None:
            return
        if self._current(op):
            op.succeeded.emit(result)
        self._finish(op)

    @Slot(int, object)
    def _on_failure(self, op_id: int, error: object) -> None:
        op = self._active.get(op_id)
        if op is None:
            return
        assert isinstance(error, ServiceError)
        log.info("operation failed: %s", error.code)  # a code only: a ServiceError never holds a PIN
        if self._current(op):
            op.failed.emit(error)
            self.error.emit(error)
        self._finish(op)

    def _finish(self, op: Operation) -> None:
        op.finished.emit()
        self._active.pop(op.op_id, None)
        op.deleteLater()
        if not self._active:
            self.busy_changed.emit(False)
