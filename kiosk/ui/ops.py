"""Operations: run one blocking service call off the GUI thread, deliver success/failure as Qt signals.

Results are delivered on the GUI thread. An operation started while serving one resident is dropped if the
session has been wiped meanwhile (its result must not leak onto the next resident's screen).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kiosk.services.errors import ServiceError, translate_error

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn: Callable[..., Any] | None = fn
        self._relay = relay
        self._with_progress = with_progress

    def run(self) -> None:
        fn, self._fn = self._fn, None  # drop the closure (and anything it holds) as soon as it has run
        assert fn is not None
        try:
            result = fn(self._relay.progress.emit) if self._with_progress else fn()
        except Exception as exc:
            self._relay.failed.emit(translate_error(exc))
        else:
            self._relay.succeeded.emit(result)
        finally:
            del fn


class Operation(QObject):
    """One user action that does I/O. Connect to `succeeded` / `failed` / `progress`; `finished` follows either."""

    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(str)
    finished = Signal()

    def __init__(self, runner: OpRunner, generation: int) -> None:
        super().__init__(runner)
        self._runner = runner
        self._generation = generation
        # a child of the operation: destroyed with it, on the GUI thread, never by the worker dropping its reference
        self.relay = _Relay(self)
        self.relay.succeeded.connect(self._on_success)
        self.relay.failed.connect(self._on_failure)
        self.relay.progress.connect(self._on_progress)

    @Slot(str)
    def _on_progress(self, step: str) -> None:
        if self._runner.current_generation() == self._generation:
            self.progress.emit(step)

    @Slot(object)
    def _on_success(self, result: object) -> None:
        if self._runner.current_generation() == self._generation:
            self.succeeded.emit(result)
        self._done()

    @Slot(object)
    def _on_failure(self, error: object) -> None:
        if self._runner.current_generation() == self._generation:
            assert isinstance(error, ServiceError)
            self.failed.emit(error)
        self._done()

    def _done(self) -> None:
        self.finished.emit()
        self._runner._finished(self)


class OpRunner(QObject):
    """Starts operations on a thread pool; knows the session generation; reports busy/idle."""

    busy_changed = Signal(bool)
    error = Signal(object)  # every failure, for a central log / status line

    def __init__(self, generation: Callable[[], int] = lambda: 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._generation = generation
        self._active: set[Operation] = set()

    def current_generation(self) -> int:
        return self._generation()

    def _log(self, error: object) -> None:
        # codes and tries only: a ServiceError never holds a PIN or a resident's data
        if isinstance(error, ServiceError):
            log.info("operation failed: %s", error.code)

    def run(self, fn: Callable[..., Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[ServiceError], None] | None = None,
            on_progress: Callable[[str], None] | None = None) -> Operation:
        """Run `fn()` off the GUI thread; with `on_progress`, `fn(progress)` gets a callable to report steps."""
        op = Operation(self, self._generation())
        if on_success is not None:
            op.succeeded.connect(on_success)
        if on_failure is not None:
            op.failed.connect(on_failure)
        if on_progress is not None:
            op.progress.connect(on_progress)
        op.failed.connect(self.error)
        op.failed.connect(self._log)
        was_idle = not self._active
        self._active.add(op)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, op.relay, on_progress is not None))
        return op

    def active_count(self) -> int:
        return len(self._active)

    def _finished(self, op: Operation) -> None:
        self._active.discard(op)
        op.deleteLater()
        if not self._active:
            self.busy_changed.emit(False)

    def wait_idle(self, msecs: int = 10000) -> bool:
        return self._pool.waitForDone(msecs)
