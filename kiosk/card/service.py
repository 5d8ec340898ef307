"""`CardService`: the one card thread, card events, and the high-level card API (Qt-free).

All card traffic runs on a single worker thread ("card"), like Electrum's hardware-wallet executor; every
method that touches a session asserts it is on that thread. Public methods may be called from any thread and
return `concurrent.futures.Future`s. A ticker thread asks the card thread to poll the backend for readers and
cards; listeners get `ReaderAddedEvent`, `ReaderRemovedEvent`, `CardInsertedEvent`, `CardRemovedEvent` on the
card thread. On removal the session and everything read from the card (certificate cache) are dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from kiosk.card import jpki, textap
from kiosk.card.backend import Backend
from kiosk.card.basic_items import BasicItems
from kiosk.card.constants import JPKI_AID
from kiosk.card.errors import (
    CardError,
    CardRemoved,
    ConsentRequired,
    NoCard,
    NoReader,
    NotMyNumberCard,
    ReaderGone,
    SecurityNotSatisfied,
)
from kiosk.card.events import (
    CardEvent,
    CardInsertedEvent,
    CardRemovedEvent,
    ReaderAddedEvent,
    ReaderRemovedEvent,
)
from kiosk.card.session import CardSession

log = logging.getLogger("kiosk.card.service")
T = TypeVar("T")
Listener = Callable[[CardEvent], None]


@dataclass(frozen=True)
class Authentication:
    cert_der: bytes
    ca_cert_der: bytes
    signature: bytes  # RSA PKCS#1 v1.5 over SHA-256 of the challenge


@dataclass(frozen=True)
class CardStats:
    apdu_count: int
    card_seconds: float


class CardService:
    def __init__(self, backend: Backend, *, poll_interval: float = 0.2, reader: str | None = None) -> None:
        self.backend = backend
        self.poll_interval = poll_interval
        self.preferred_reader = reader
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="card")
        self._card_thread: threading.Thread | None = None
        self._listeners: list[Listener] = []
        self._listeners_lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._poll_pending = threading.Event()
        # card-thread state
        self._readers: dict[str, bool] = {}
        self._session: CardSession | None = None
        self._cert_cache: jpki.UserAuthCertificate | None = None
        self._executor.submit(self._bind_thread).result()

    # --- threading -----------------------------------------------------------------------------------------
    def _bind_thread(self) -> None:
        self._card_thread = threading.current_thread()

    def _assert_card_thread(self) -> None:
        assert threading.current_thread() is self._card_thread, "card traffic must run on the card thread"

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        return self._executor.submit(fn)

    def start(self) -> None:
        """Start watching readers and cards (events); the API works without it, polling once per call."""
        if self._ticker is not None:
            return
        self._ticker = threading.Thread(target=self._tick, name="card-ticker", daemon=True)
        self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.is_set():
            if not self._poll_pending.is_set():
                self._poll_pending.set()
                try:
                    self._executor.submit(self._poll_task)
                except RuntimeError:  # executor shut down
                    return
            self._stop.wait(self.poll_interval)

    def stop(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=5)
        try:
            self._executor.submit(self._shutdown).result(timeout=10)
        finally:
            self._executor.shutdown(wait=True)

    def _shutdown(self) -> None:
        self._drop_session(reset=True)
        self.backend.close()

    # --- events --------------------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._listeners_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, event: CardEvent) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a listener must not kill the card thread
                log.exception("card event listener failed")

    def _poll_task(self) -> None:
        self._poll_pending.clear()
        try:
            self.poll()
        except Exception:  # keep watching: the next tick polls again
            log.exception("polling the card readers failed")

    def poll(self) -> None:
        """Compare the backend's readers/cards with the last look and emit events (card thread)."""
        self._assert_card_thread()
        try:
            now = {s.name: s.card_present for s in self.backend.poll()}
        except CardError:
            log.warning("reader discovery failed", exc_info=True)
            now = {}
        before = self._readers
        self._readers = now
        for name in before:
            if name not in now:
                if before[name]:
                    self._card_gone(name)
                self._emit(ReaderRemovedEvent(name))
        for name, present in now.items():
            if name not in before:
                self._emit(ReaderAddedEvent(name))
            was = before.get(name, False)
            if was and not present:
                self._card_gone(name)
            elif present and not was:
                self._emit(CardInsertedEvent(name, self._identify(name)))

    def _identify(self, reader: str) -> bool:
        try:
            if self._session is not None and self._session.reader != reader and not self._session.closed:
                # another reader's card is in use: look at this one without taking the session away
                other = self.backend.connect(reader)
                try:
                    jpki.select(other)
                finally:
                    other.close(reset=False)
                return True
            session = self._connect(reader)
            jpki.select(session)
            return True
        except NotMyNumberCard:
            return False
        except CardError:
            log.info("card on %s could not be identified", reader, exc_info=True)
            return False

    def _card_gone(self, reader: str) -> None:
        if self._session is not None and self._session.reader == reader:
            self._drop_session(reset=False)
        self._emit(CardRemovedEvent(reader))

    # --- sessions ------------------------------------------------------------------------------------------
    def _active_reader(self) -> str:
        if not self._readers:
            self._readers = {s.name: s.card_present for s in self.backend.poll()}
        if not self._readers:
            raise NoReader()
        if self.preferred_reader:
            if self.preferred_reader not in self._readers:
                raise NoReader(self.preferred_reader)
            return self.preferred_reader
        with_card = [name for name, present in self._readers.items() if present]
        if not with_card:
            # the last poll may be stale: look again once
            self._readers = {s.name: s.card_present for s in self.backend.poll()}
            with_card = [name for name, present in self._readers.items() if present]
        if not with_card:
            raise NoCard()
        return with_card[0]

    def _connect(self, reader: str) -> CardSession:
        self._assert_card_thread()
        if self._session is not None and self._session.reader == reader and not self._session.closed:
            return self._session
        self._drop_session(reset=True)
        session = self.backend.connect(reader)
        if type(session) is not CardSession:  # the guard lives in CardSession: nothing else is accepted
            raise TypeError(f"backend {self.backend.name} returned {type(session).__name__}, not a CardSession")
        self._session = session
        return session

    def _drop_session(self, reset: bool) -> None:
        self._cert_cache = None
        if self._session is not None:
            session, self._session = self._session, None
            try:
                session.close(reset=reset)
            except CardError:
                log.debug("closing the session failed", exc_info=True)

    def _with_session(self, fn: Callable[[CardSession], T]) -> T:
        self._assert_card_thread()
        reader = self._active_reader()
        session = self._connect(reader)
        try:
            return fn(session)
        except (CardRemoved, ReaderGone):
            # the card went away between two polls: tell listeners now, the next poll sees a new insertion
            self._readers[reader] = False
            self._card_gone(reader)
            raise

    def run(self, fn: Callable[[CardSession], T]) -> Future[T]:
        """Run `fn(session)` on the card thread with the current card's session."""
        return self.submit(lambda: self._with_session(fn))

    # --- high-level API ------------------------------------------------------------------------------------
    def reader_names(self) -> Future[list[str]]:
        return self.submit(lambda: [s.name for s in self.backend.poll()])

    def reader_states(self) -> Future[dict[str, bool]]:
        """Readers and card presence as of the last poll (what the events have reported so far)."""
        return self.submit(lambda: dict(self._readers))

    def read_user_auth_certificate(self) -> Future[jpki.UserAuthCertificate]:
        def task(session: CardSession) -> jpki.UserAuthCertificate:
            if self._cert_cache is None:
                self._cert_cache = jpki.read_user_auth_certificate(session)
            return self._cert_cache

        return self.run(task)

    def jpki_tries_left(self) -> Future[int]:
        return self.run(jpki.tries_left)

    def sign_challenge(self, pin: str, challenge: bytes) -> Future[bytes]:
        return self.run(lambda s: jpki.sign_challenge(s, pin, challenge))

    def authenticate(self, pin: str, challenge: bytes) -> Future[Authentication]:
        """Certificate + PIN + signature in one card-thread task (the resident-authentication flow)."""

        def task(session: CardSession) -> Authentication:
            if self._cert_cache is None:
                self._cert_cache = jpki.read_user_auth_certificate(session)
            signature = jpki.sign_challenge(session, pin, challenge)
            return Authentication(self._cert_cache.cert_der, self._cert_cache.ca_cert_der, signature)

        return self.run(task)

    def sign_statement(self, statement: bytes, pin: str | None = None) -> Future[bytes]:
        """The resident's consent to a debit: sign `statement` (kiosk.core.consent.encode_statement) with the
        user-auth key — RSA PKCS#1 v1.5 over SHA-256, like the auth challenge.

        Without `pin`: the PIN the resident verified earlier in this visit (`authenticate`) must still hold — the
        card keeps it until it is reset, re-powered or the JPKI application is selected again — so no second PIN
        while the card stays; otherwise `SecurityNotSatisfied` (code `pin_required`) and nothing is signed: the
        caller asks for the PIN and calls again with it. With `pin`: verify it once, then sign (never retried; a
        wrong PIN raises `WrongPin`/`PinBlocked`). The PIN is never logged or kept."""

        def task(session: CardSession) -> bytes:
            if pin is not None:
                return jpki.sign_challenge(session, pin, statement)
            if session.current[0] != JPKI_AID:
                raise SecurityNotSatisfied("the JPKI application is no longer selected: PIN needed")
            return jpki.sign_verified(session, statement)

        return self.run(task)

    def text_tries_left(self) -> Future[int]:
        return self.run(textap.tries_left)

    def read_basic_items(self, pin: str, *, consent: bool) -> Future[BasicItems]:
        """The four basic items and the derived municipality. `consent` must be True: the resident agreed."""
        if not consent:
            failed: Future[BasicItems] = Future()
            failed.set_exception(ConsentRequired())
            return failed
        return self.run(lambda s: textap.read_basic_items(s, pin))

    def token_label(self) -> Future[str]:
        return self.run(jpki.token_label)

    def stats(self) -> Future[CardStats]:
        def task() -> CardStats:
            s = self._session
            return CardStats(s.apdu_count, s.card_seconds) if s else CardStats(0, 0.0)

        return self.submit(task)

    def release_card(self) -> Future[None]:
        """Disconnect with reset (between residents): every PIN verification is dropped by the card."""
        return self.submit(lambda: self._drop_session(reset=True))
