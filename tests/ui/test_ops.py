"""Operations: run off the GUI thread, report progress/success/failure on it, drop answers for a wiped resident."""

from __future__ import annotations

import threading

from kiosk.services.errors import ServiceError
from kiosk.ui.ops import OpRunner


def test_progress_then_success_on_the_gui_thread(qtbot):
    generation = [0]
    runner = OpRunner(lambda: generation[0])
    seen: list[object] = []
    threads: list[bool] = []

    def work(progress):
        threads.append(threading.current_thread() is threading.main_thread())
        progress("one")
        progress("two")
        return 42

    def record(value):
        threads.append(threading.current_thread() is threading.main_thread())
        seen.append(value)

    runner.run(work, record, None, record)
    qtbot.waitUntil(lambda: 42 in seen, timeout=5000)
    assert seen == ["one", "two", 42]
    assert threads[0] is False and all(threads[1:])  # work off the GUI thread, results on it


def test_failures_are_service_errors_and_late_answers_are_dropped(qtbot):
    generation = [0]
    runner = OpRunner(lambda: generation[0])
    failures: list[ServiceError] = []
    gate = threading.Event()
    runner.run(lambda: (_ for _ in ()).throw(TimeoutError()), None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0].code == "card_timeout"
    late: list[object] = []
    runner.run(lambda: gate.wait(5) and "late", late.append, late.append)
    generation[0] += 1  # the resident was wiped meanwhile
    gate.set()
    qtbot.waitUntil(lambda: runner.active_count() == 0, timeout=5000)
    assert late == []
