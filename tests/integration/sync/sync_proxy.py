"""A small faulty TCP proxy in front of the cloud: passes, drops, answers 500, or loses the answer.

The fate is drawn per connection; the proxy closes every connection after one response, so each HTTP request
gets its own draw. Modes (weights settable at run time):
- pass: forward the request and the whole response
- drop: close the client connection at once (the cloud never sees the request)
- e500: read the request, answer `500 Internal Server Error` itself
- lose: forward the request to the cloud, let it apply it, then close before the answer reaches the client
Besides, `hold_next_sync()` arms a one-shot hold: the next `POST /v1/sync` is forwarded, the cloud's answer (so the
batch is committed) is kept back, `held` is set, and the proxy waits for `release()` before closing the connection
without the answer: the test kills the terminal (or the cloud) inside exactly that window.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
from collections import Counter

MODES = ("pass", "drop", "e500", "lose")


class FaultyProxy:
    def __init__(self, target_port: int, seed: int = 0) -> None:
        self.target_port = target_port
        self.weights = {"pass": 1.0, "drop": 0.0, "e500": 0.0, "lose": 0.0}
        self.rng = random.Random(seed)
        self.counts: Counter[str] = Counter()
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._run, name="faulty-proxy", daemon=True)
        self._armed = False
        self.held = threading.Event()  # set when a held sync answer has come back from the cloud
        self.held_statuses: Counter[str] = Counter()  # the statuses in that answer (committed by the cloud)
        self.held_keys: set[str] = set()  # and the operations it answered
        self._released = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultyProxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def set(self, **weights: float) -> None:
        self.weights = {mode: float(weights.get(mode, 0.0)) for mode in MODES}

    def hold_next_sync(self) -> None:
        self.held.clear()
        self._released.clear()
        self.held_statuses = Counter()
        self.held_keys = set()
        self._armed = True

    def release(self) -> None:
        """Let the held connection go: it is closed without the answer."""
        self._armed = False
        self._released.set()

    def stop(self) -> None:
        self._released.set()

        async def close() -> None:
            if self._server is not None:
                self._server.close()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def _draw(self) -> str:
        modes = list(self.weights)
        return self.rng.choices(modes, weights=[self.weights[m] for m in modes])[0]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        mode = self._draw()
        self.counts[mode] += 1
        try:
            if mode == "drop":
                return
            request = await _read_message(reader)
            if request is None:
                return
            if self._armed and request.startswith(b"POST /v1/sync "):
                self._armed = False
                await self._hold(request)
                return
            if mode == "e500":
                body = b'{"detail":"injected by the faulty proxy"}'
                writer.write(b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n"
                             b"connection: close\r\ncontent-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                await writer.drain()
                return
            try:
                up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
            except OSError:
                return  # cloud down: the client sees a dropped connection
            try:
                up_writer.write(request)
                await up_writer.drain()
                response = await _read_message(up_reader)
            finally:
                up_writer.close()
            if response is None or mode == "lose":
                return
            writer.write(_with_close(response))
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()

    async def _hold(self, request: bytes) -> None:
        self.counts["held"] += 1
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            return
        try:
            up_writer.write(request)
            await up_writer.drain()
            response = await _read_message(up_reader)
        finally:
            up_writer.close()
        if response is not None and response.startswith(b"HTTP/1.1 200"):
            body = json.loads(response.partition(b"\r\n\r\n")[2])
            self.held_statuses = Counter(r["status"] for r in body.get("results", []))
            self.held_keys = {r["key"] for r in body.get("results", [])}
        self.held.set()
        while not self._released.is_set():
            await asyncio.sleep(0.005)


async def _read_message(reader: asyncio.StreamReader) -> bytes | None:
    """One HTTP/1.1 message with a content-length body (what httpx and uvicorn send here)."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return head + body


def _with_close(response: bytes) -> bytes:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"connection: close"]) + b"\r\n\r\n" + body
