"""The image-export queue: PNG, SVG and PDF renders wait here, in the event loop, not on the
server's threads, so a burst of images never starves the cheap downloads (CSV, Excel, HTML, ZIP).

Measured before it (120 PNG links at once on `server.py`): the last image came after 39 s, and a
CSV asked for during the burst took 28 s: every worker thread held an image request waiting for the
one export browser. Now an image request waits for its turn without a thread; past the queue's
length it is answered at once with `503` and `Retry-After` (an estimate from recent render times),
and one client (a reader's address, or the first `X-Forwarded-For` hop from a local proxy) may hold
only `PER_CLIENT` renders at once (`429`). The log says the queue's length and each render's time.
No Streamlit here.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from starlette.concurrency import run_in_threadpool

log = logging.getLogger("dashboard.exports")
T = TypeVar("T")

#: One export browser per process (kaleido's is not thread-safe): renders run one at a time.
WORKERS = 1
#: Renders that may wait behind the running one: a few per core, about ten seconds of work.
WAITING = 4 * (os.cpu_count() or 1)
#: Renders one client may have running or waiting at once.
PER_CLIENT = 3
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True)
class Refused:
    """A render not queued: the HTTP status, seconds to wait, and a one-line reason."""

    status: int
    retry_after: int
    reason: str


class RenderQueue:
    """A bounded queue of renders for one event loop (the server's)."""

    def __init__(self, workers: int = WORKERS, waiting: int = WAITING, per_client: int = PER_CLIENT):
        self.workers, self.waiting_max, self.per_client = workers, waiting, per_client
        self._slots = asyncio.Semaphore(workers)
        self.waiting = 0
        self.running = 0
        self._clients: Counter[str] = Counter()
        self.mean_seconds = 0.5  # updated from every render (exponential mean)

    def retry_after(self) -> int:
        """Seconds until the queue as it stands now has been rendered (at least 1)."""
        return max(1, math.ceil((self.waiting + self.running) * self.mean_seconds / self.workers))

    def refusal(self, client: str) -> Refused | None:
        if self._clients[client] >= self.per_client:
            wait = max(1, math.ceil(self.mean_seconds * self._clients[client]))
            return Refused(
                429, wait, f"too many image exports at once from one reader; try again in {wait} s"
            )
        if self.waiting >= self.waiting_max:
            wait = self.retry_after()
            return Refused(503, wait, f"image exports are busy; try again in {wait} s")
        return None

    async def run(self, client: str, render: Callable[[], T]) -> T | Refused:
        """`render()` on a worker thread when its turn comes, or a `Refused` at once (decided
        before the first `await`: no two requests can take the last place)."""
        refused = self.refusal(client)
        if refused is not None:
            log.warning(
                "export refused (%s): %d waiting, %d running", refused.status, self.waiting, self.running
            )
            return refused
        self._clients[client] += 1
        self.waiting += 1
        turn = False
        try:
            await self._slots.acquire()  # waits here, holding no thread
            turn = True
            self.waiting -= 1
            self.running += 1
            start = time.perf_counter()
            try:
                return await run_in_threadpool(render)
            finally:
                seconds = time.perf_counter() - start
                self.running -= 1
                self.mean_seconds = 0.8 * self.mean_seconds + 0.2 * seconds
                log.info("export rendered in %.2f s; %d waiting", seconds, self.waiting)
        finally:
            if turn:
                self._slots.release()
            else:  # the reader left while waiting
                self.waiting -= 1
            self._clients[client] -= 1
            if not self._clients[client]:
                del self._clients[client]


_queue: RenderQueue | None = None


def queue() -> RenderQueue:
    """The process's queue (made on first use, inside the server's event loop)."""
    global _queue
    if _queue is None:
        _queue = RenderQueue()
    return _queue


def busy_seconds() -> int:
    """How long a new image export would wait now (0 when none is waiting): for the Download tab."""
    return _queue.retry_after() if _queue is not None and _queue.waiting else 0


def client_of(peer: str | None, forwarded_for: str | None) -> str:
    """Who asks: the peer's address, or the first `X-Forwarded-For` hop when the peer is a local
    proxy (nginx in `deploy/`), whom only that proxy can set."""
    if peer in LOOPBACK and forwarded_for:
        return forwarded_for.split(",")[0].strip()
    return peer or "unknown"
