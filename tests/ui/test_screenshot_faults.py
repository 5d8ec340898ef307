"""Faults seen in the operator guide's screenshots (1280×800, English and Japanese): the grant screen scrolled, the
report table showed raw column keys, the measure step bar collapsed steps to numbers, the PIN pad said "1 tries
left", and the Japanese status line was clipped by the demo banner."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel
from ui_helpers import TIMEOUT, login, open_task

from kiosk.ui.i18n import install_language


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Iterator[str]:
    monkeypatch.setenv("KIOSK_LANGUAGE", request.param)
    install_language(qapp, request.param)
    yield request.param
    monkeypatch.delenv("KIOSK_LANGUAGE")
    install_language(qapp, "ja")


def _settle(qtbot: Any) -> None:
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(20)


def _vertical_ranges(widget: Any) -> list[int]:
    return [a.verticalScrollBar().maximum() for a in widget.findChildren(QAbstractScrollArea)
            if a.isVisibleTo(widget) and a.objectName() != "qt_scrollarea_viewport"]


def test_the_grant_programmes_fit_1280x800_without_scrolling(language: str, qtbot: Any, window: Any,
                                                              backend: Any) -> None:
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "grant")
    qtbot.waitUntil(lambda: screen.programme_list.count() >= 6, timeout=TIMEOUT)
    screen.programme_list.setCurrentRow(screen.programme_list.count() - 1)
    _settle(qtbot)
    assert max(_vertical_ranges(screen.work), default=0) == 0
    bottom = screen.start_button.mapTo(window, screen.start_button.rect().bottomLeft()).y()
    assert bottom <= window.statusBar().geometry().top(), (bottom, window.statusBar().geometry())


def test_report_headings_are_words_not_column_keys(language: str) -> None:
    from kiosk.services.admin_exports import HEADERS
    from kiosk.ui.admin.reports import column_heading

    for column in ("month", "key", "name", "normal", "premium", "count", "card_points", "outstanding_points"):
        heading = column_heading(column)
        assert heading and heading != column and heading != column.replace("_", " "), column
        if language == "ja":
            assert heading == HEADERS[column]
    assert column_heading("month") == ("Month" if language == "en" else "月")


def test_the_measure_step_bar_names_every_step_at_1280x800(language: str, qtbot: Any, window: Any,
                                                           backend: Any) -> None:
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "measure_apply")
    screen.steps.set_current(1)
    _settle(qtbot)
    for label, step in zip(screen.steps.labels, screen.steps._steps, strict=True):
        assert step in label.text(), (label.text(), screen.steps.text())
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width(), label.text()


def test_the_pin_pad_says_try_and_tries(language: str) -> None:
    from kiosk.ui.widgets.pinpad import PinPad

    pad = PinPad()
    expected = {"en": {1: "1 try left", 2: "2 tries left", 3: "3 tries left"},
                "ja": {n: f"あと{n}回入力できます" for n in (1, 2, 3)}}[language]
    for n, text in expected.items():
        pad.set_tries_left(n)
        assert pad.tries.text() == text


def test_every_status_label_shows_its_whole_text(language: str, qtbot: Any, window: Any) -> None:
    """As the role chooser shows it: the sync engine's report arrives while the window is up, the demo banner
    beside it; every label but the banner (which gives way, its text in its tooltip) shows its whole text."""
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.online is True, timeout=TIMEOUT)
    _settle(qtbot)

    def check() -> None:
        for label in bar.findChildren(QLabel):
            if label.isVisibleTo(window) and label.text() and label is not bar.keyring_label:
                needed = label.fontMetrics().horizontalAdvance(label.text())
                assert needed <= label.contentsRect().width(), (label.objectName(), label.text(), needed,
                                                                label.contentsRect().width())

    check()
    for online in (None, False, True):
        bar.set_sync_status(online, 12, "18:02:16")
        _settle(qtbot)
        check()
    from kiosk.ui.i18n import apply_font

    try:  # the font changes after the texts were set (large text, a font installed late): still whole
        apply_font(QApplication.instance(), large_text=True)  # type: ignore[arg-type]
        _settle(qtbot)
        check()
    finally:
        apply_font(QApplication.instance())  # type: ignore[arg-type]


def test_the_grant_tally_says_grant_and_grants(language: str, qtbot: Any, window: Any, backend: Any) -> None:
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "grant")
    expected = {"en": {1: "This session: 1 grant, 1,000 points", 2: "This session: 2 grants, 1,000 points"},
                "ja": {n: f"今回の付与：{n} 件、1,000 ポイント" for n in (1, 2)}}[language]
    for count, text in expected.items():
        screen._count, screen._total = count, 1000
        screen._update_tally()
        assert screen.tally.text() == text


def test_the_english_plural_catalogue_is_complete_and_built(tmp_path: Any) -> None:
    """kiosk_en.ts holds the English forms of every %n string (lupdate -pluralonly); kiosk_en.qm is built from it."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from kiosk.ui.i18n import TRANSLATIONS

    root = Path(__file__).resolve().parents[2]
    tools = Path(sys.executable).parent
    sources = [*sorted(str(p) for p in (root / "kiosk" / "ui").rglob("*.py")), str(root / "kiosk" / "config.py")]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(tools / "pyside6-lupdate"), *sources, "-pluralonly", "-ts", str(fresh)], check=True,
                   capture_output=True)

    def plural_sources(ts: Path) -> set[tuple[str, str]]:
        tree = ET.parse(ts).getroot()
        return {(c.findtext("name") or "", m.findtext("source") or "") for c in tree.findall("context")
                for m in c.findall("message") if m.get("numerus") == "yes"}

    committed = TRANSLATIONS / "kiosk_en.ts"
    assert plural_sources(fresh) == plural_sources(committed)
    tree = ET.parse(committed).getroot()
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, message.findtext("source")
        forms = [f.text or "" for f in translation.findall("numerusform")]
        source = message.findtext("source") or ""
        assert len(forms) == 2 and all(forms), source
        assert forms[0] != forms[1] or "Tries left" in source, source  # "…: %n" reads the same for one and many
    out = tmp_path / "kiosk_en.qm"
    subprocess.run([str(tools / "pyside6-lrelease"), str(committed), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (TRANSLATIONS / "kiosk_en.qm").read_bytes()
