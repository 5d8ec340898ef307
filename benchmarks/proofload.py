"""A small HTTP/1.1 load generator on raw asyncio sockets (uvloop): closed loop or open loop at a fixed rate.

Every connection is one terminal with its own list of complete requests, built before the run (bodies with
pre-signed consents, the terminal's own bearer token), so the generator does no signing and no JSON work while it
measures: per request one socket write, one read of the status line and headers, one read of the body.

- Closed loop: each connection sends its next request as soon as the answer to the previous one arrived.
- Open loop: each connection has a fixed schedule (the total rate split evenly, start times staggered) and its
  latency is measured from the *intended* send time, not from when the request actually went out. A slow answer
  therefore counts against every request that had to wait behind it (corrected for coordinated omission, as wrk2
  does; wrk2 is not in Debian).

Runs in its own process (`run_in_process`), so that it never shares an event loop with anything else.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class LoadFigures:
    mode: str  # closed | open
    connections: int
    offered_per_s: float | None  # open loop: the fixed total rate
    seconds: float
    completed: int
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int]
    ran_out: int  # connections that used up their prepared requests before the end (closed loop: raise the pool)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def http_request(host: str, path: str, body: bytes, token: str | None) -> bytes:
    head = [f"POST {path} HTTP/1.1", f"Host: {host}", "Content-Type: application/json",
            f"Content-Length: {len(body)}"]
    if token:
        head.append(f"Authorization: Bearer {token}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
            break
    if length:
        await reader.readexactly(length)
    return status


async def _connection(host: str, port: int, requests: list[bytes], start: float, seconds: float,
                      period: float | None, offset: float, latencies: list[float], statuses: Counter[str]) -> bool:
    """Returns True if the prepared requests ran out before the end."""
    loop = asyncio.get_running_loop()
    reader, writer = await asyncio.open_connection(host, port)
    end = start + seconds
    try:
        for i, request in enumerate(requests):
            if period is None:
                intended = loop.time()
                if intended >= end:
                    return False
            else:
                intended = start + offset + i * period
                if intended >= end:
                    return False
                delay = intended - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
            writer.write(request)
            try:
                status = await _read_response(reader)
            except (ConnectionError, asyncio.IncompleteReadError):
                statuses["connection_lost"] += 1
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            latencies.append(loop.time() - intended)
            statuses[str(status)] += 1
        return True
    finally:
        writer.close()


async def _run(host: str, port: int, per_connection: list[list[bytes]], seconds: float,
               rate: float | None) -> LoadFigures:
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    n = len(per_connection)
    period = None if rate is None else n / rate
    start = loop.time() + 0.2  # every connection open before the clock starts
    tasks = [_connection(host, port, reqs, start, seconds, period,
                         0.0 if period is None else j * period / n, latencies, statuses)
             for j, reqs in enumerate(per_connection)]
    ran_out = sum(await asyncio.gather(*tasks))
    elapsed = max(loop.time() - start, 1e-9)  # until the last answer (open loop: may exceed `seconds` if behind)
    ordered = sorted(latencies) or [0.0]

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return LoadFigures("closed" if rate is None else "open", n, rate, round(elapsed, 2), len(latencies),
                       round(len(latencies) / elapsed, 1), round(statistics.median(ordered) * 1000, 2),
                       round(pct(0.90), 2), round(pct(0.99), 2), round(ordered[-1] * 1000, 2), dict(statuses),
                       ran_out)


def _child(host: str, port: int, per_connection: list[list[bytes]], seconds: float, rate: float | None,
           out: Any) -> None:
    import uvloop

    cpu = time.process_time()
    figures = uvloop.run(_run(host, port, per_connection, seconds, rate)).as_dict()
    figures["generator_cpu_s"] = round(time.process_time() - cpu, 2)  # the load generator's own CPU
    out.send(figures)


def run_in_process(host: str, port: int, per_connection: list[list[bytes]], seconds: float,
                   rate: float | None = None) -> dict[str, Any]:
    """Drive the server from a fresh process (closed loop, or open loop at `rate` requests/s in total)."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(host, port, per_connection, seconds, rate, child))
    t0 = time.monotonic()
    process.start()
    figures: dict[str, Any] = parent.recv()
    process.join(30)
    figures["wall_s"] = round(time.monotonic() - t0, 2)
    figures["load_average_after"] = round(os.getloadavg()[0], 2)
    return figures
