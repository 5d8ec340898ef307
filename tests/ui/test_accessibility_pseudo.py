"""Pseudo-translation (KIOSK_LANGUAGE=pseudo, `kiosk demo|screenshots --language pseudo`): every tr() string is
accented, bracketed and about 40% longer, placeholders and markup kept, so clipped text and text that bypassed
tr() both show; the rest of the app (data, formats) sees English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.ui.i18n import install_language, pseudo, requested_language


def test_pseudo_stretches_and_brackets() -> None:
    text = "Please place your My Number Card on the reader"
    out = pseudo(text)
    assert out.startswith("[") and out.endswith("]") and "Ñ" in out
    assert 1.35 <= len(out) / len(text) <= 1.6
    assert pseudo("Balance: %1").count("%1") == 1 and "<b>" in pseudo("<b>Card</b>") and "&amp;" in pseudo("a &amp; b")
    assert pseudo("") == "" and pseudo("  ") == "  "


def test_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LANGUAGE", "pseudo")
    assert requested_language("ja") == "pseudo"
    monkeypatch.setenv("KIOSK_LANGUAGE", "klingon")
    assert requested_language("ja") == "ja"


def test_installed_pseudo_translates_and_reads_as_english(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("KIOSK_LANGUAGE", raising=False)
    try:
        assert install_language(qapp, "pseudo")
        assert QCoreApplication.translate("Settings", "Language") == pseudo("Language")
        assert qapp.property("kiosk_language") == "en" and qapp.property("kiosk_pseudo") is True
    finally:
        install_language(qapp, "ja")
    assert qapp.property("kiosk_pseudo") is False


def test_the_window_in_pseudo(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_LANGUAGE", "pseudo")
    window.config.set("language", "en")
    window.settings_saved.emit()  # the app re-installs the language and rebuilds the screens
    qtbot.wait(50)
    texts = [w.text() for w in window.current().findChildren(QLabel) + window.current().findChildren(QAbstractButton)
             if w.isVisibleTo(window) and w.text().strip()]
    assert texts and sum(t.startswith("[") for t in texts) >= len(texts) // 2, texts
    monkeypatch.delenv("KIOSK_LANGUAGE")
    window.config.set("language", "ja")
    window.settings_saved.emit()


def test_the_banner_buttons_keep_their_words_in_pseudo_at_1280(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The 40 % longer texts make the banner's texts give way, never the buttons (they were cut to "xţ ŕéšíđ…")."""
    monkeypatch.setenv("KIOSK_LANGUAGE", "pseudo")
    window.config.set("language", "en")
    window.settings_saved.emit()
    try:
        qtbot.wait(50)
        window.resize(1280, 800)
        window.banner.set_staff("[子育て支援課 職員 (Child-care Support Division) · · · ·]")
        qtbot.waitUntil(lambda: window.banner.logout_button.isVisible(), timeout=5000)
        qtbot.wait(50)
        for button in (window.banner.next_button, window.banner.logout_button):
            assert button.text().startswith("[")
            b = window.banner
            assert button.width() >= button.sizeHint().width(), (button.text(), button.width(), b.width(), [
                (w.objectName(), w.width(), w.minimumSizeHint().width(), w.minimumWidth(), w.sizeHint().width())
                for w in (b.resident_label, b.staff_label, b.next_button, b.logout_button)])
        assert window.banner.resident_label.toolTip() == window.banner.resident_label.text()
    finally:
        monkeypatch.delenv("KIOSK_LANGUAGE")
        window.config.set("language", "ja")
        window.settings_saved.emit()
