"""Status line: online/offline, queued operations, last sync, and the demo keyring label."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget


class KioskStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.online_label = QLabel()
        self.online_label.setObjectName("onlineLabel")
        self.queue_label = QLabel()
        self.sync_label = QLabel()
        self.keyring_label = QLabel()
        self.keyring_label.setObjectName("keyringLabel")
        self.busy_label = QLabel()
        self.version_label = QLabel()  # this terminal's version and the cloud's minimum (issue 13)
        self.version_label.setObjectName("versionLabel")
        self.keyring_label.setStyleSheet("QLabel { background: #ffd54f; color: #3b2a00; font-weight: bold; "
                                         "padding: 2px 8px; }")
        self.keyring_label.hide()
        # the demo label gives way (clipped, full text in its tooltip) rather than the sync state or the window width:
        # it takes only the room the others leave (Ignored), they always take their whole text (Fixed)
        self.keyring_label.setMinimumWidth(40)
        self.keyring_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.online_label, self.queue_label, self.sync_label, self.busy_label):
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        for widget in (self.online_label, self.queue_label, self.sync_label, self.busy_label):
            self.addWidget(widget)
        self.addWidget(self.keyring_label, 1)
        self.addPermanentWidget(self.version_label)
        self.set_sync_status(None, 0, "")

    online: bool | None = None  # the last state reported, read by the screens before a task that needs the cloud

    def set_sync_status(self, online: bool | None, queued: int, last_sync: str) -> None:
        self.online = online
        if online is None:
            self.online_label.setText(self.tr("Cloud: checking…"))
        elif online:
            self.online_label.setText(self.tr("Cloud: online"))
        else:
            self.online_label.setText(self.tr("Cloud: OFFLINE"))
            self.online_label.setToolTip(self.tr("Cloud: OFFLINE — grants and applications are queued"))
        self.queue_label.setText(self.tr("Queued: %1").replace("%1", str(queued)))
        self.sync_label.setText(self.tr("Last sync: %1").replace("%1", last_sync) if last_sync else "")
        from kiosk.version import status_text

        terminal, minimum = status_text()
        self.version_label.setText(f"v{terminal}" + (f" (≥ {minimum})" if minimum and minimum != "0" else ""))
        self.version_label.setToolTip(f"terminal {terminal} / cloud minimum {minimum or '?'}")
        for label in (self.online_label, self.queue_label, self.sync_label):
            label.setMinimumWidth(label.sizeHint().width())

    def set_keyring_label(self, text: str) -> None:
        """The sync layer's label is "日本語 / English": show the half for the current language."""
        parts = [p.strip() for p in text.split(" / ", 1)]
        english = QCoreApplication.instance() is not None and \
            QCoreApplication.instance().property("kiosk_language") == "en"  # type: ignore[union-attr]
        shown = parts[-1] if english and len(parts) == 2 else parts[0]
        self.keyring_label.setText(shown)
        self.keyring_label.setToolTip(shown)  # the half for the current language (no Japanese in English)
        self.keyring_label.setVisible(bool(shown))

    def set_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")
