"""The image-export queue: renders wait without a thread, one client holds a few at most, and past
the queue's length a render is refused at once with a wait to retry after."""

from __future__ import annotations

import asyncio
import threading

from dashboard.web.render_queue import Refused, RenderQueue, client_of
from tests.conftest import run_async


def test_renders_run_one_at_a_time_and_the_queue_refuses_past_its_length():
    async def scenario():
        queue = RenderQueue(workers=1, waiting=2, per_client=3)
        release = threading.Event()
        started = []

        def render(name):
            def run():
                started.append(name)
                release.wait(10)
                return name.encode()

            return run

        tasks = [asyncio.create_task(queue.run(f"reader-{i}", render(f"r{i}"))) for i in range(3)]
        while queue.running + queue.waiting < 3:  # all three admitted: one running, two waiting
            await asyncio.sleep(0.001)
        assert queue.running == 1 and queue.waiting == 2
        refused = await queue.run("reader-9", render("r9"))  # a fourth: the queue is full
        assert isinstance(refused, Refused) and refused.status == 503 and refused.retry_after >= 1
        assert f"try again in {refused.retry_after} s" in refused.reason
        release.set()
        done = await asyncio.gather(*tasks)
        assert done == [b"r0", b"r1", b"r2"] and len(started) == 3  # r9 never rendered
        assert queue.waiting == queue.running == 0

    run_async(scenario())


def test_one_client_holds_at_most_a_few_renders():
    async def scenario():
        queue = RenderQueue(workers=1, waiting=10, per_client=2)
        release = threading.Event()
        tasks = [
            asyncio.create_task(queue.run("one-reader", lambda: release.wait(10) and b"ok")) for _ in range(2)
        ]
        while queue.running + queue.waiting < 2:
            await asyncio.sleep(0.001)
        third = await queue.run("one-reader", lambda: b"never")
        assert isinstance(third, Refused) and third.status == 429
        other = asyncio.create_task(queue.run("another-reader", lambda: b"other"))
        release.set()
        assert await asyncio.gather(*tasks, other) == [b"ok", b"ok", b"other"]

    run_async(scenario())


def test_a_reader_who_leaves_while_waiting_frees_the_place():
    async def scenario():
        queue = RenderQueue(workers=1, waiting=1, per_client=3)
        release = threading.Event()
        running = asyncio.create_task(queue.run("a", lambda: release.wait(10) and b"a"))
        waiting = asyncio.create_task(queue.run("b", lambda: b"b"))
        while queue.waiting < 1:
            await asyncio.sleep(0.001)
        waiting.cancel()  # the reader closed the tab
        await asyncio.gather(waiting, return_exceptions=True)
        assert queue.waiting == 0 and queue.refusal("c") is None
        release.set()
        assert await running == b"a"

    run_async(scenario())


def test_the_client_is_the_proxys_first_forwarded_address_only_behind_a_local_proxy():
    assert client_of("127.0.0.1", "203.0.113.7, 10.0.0.1") == "203.0.113.7"
    assert client_of("198.51.100.2", "203.0.113.7") == "198.51.100.2"  # anyone else cannot claim one
    assert client_of(None, None) == "unknown"
