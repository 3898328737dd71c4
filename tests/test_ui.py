"""The app's view cache: one build per key, bounded, and never a stale answer for a new key."""

from __future__ import annotations

import pytest

from dashboard.ui import _Memo


def test_memo_builds_once_per_key_and_forgets_the_least_recently_used():
    memo = _Memo(size=2)
    builds = []

    def build(value):
        def make():
            builds.append(value)
            return [value]

        return make

    first = memo.get(("overview", "v1", "en"), build("a"))
    assert memo.get(("overview", "v1", "en"), build("again")) is first  # same key: no rebuild
    memo.get(("overview", "v1", "zh"), build("b"))
    memo.get(("overview", "v1", "en"), build("again"))  # touch: now most recently used
    memo.get(("overview", "v2", "en"), build("c"))  # evicts ("overview", "v1", "zh")
    memo.get(("overview", "v1", "zh"), build("b2"))
    assert builds == ["a", "b", "c", "b2"]


def test_memo_builds_a_key_once_when_many_sessions_ask_at_once():
    import threading
    import time

    memo = _Memo(size=4)
    builds = []

    def slow():
        builds.append(1)
        time.sleep(0.2)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(memo.get(("k",), slow))) for _ in range(5)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(builds) == 1 and len({id(r) for r in results}) == 1


def test_memo_a_failed_build_is_retried_by_the_next_caller():
    memo = _Memo(size=4)

    def broken():
        raise RuntimeError("data changed under us")

    with pytest.raises(RuntimeError):
        memo.get(("k",), broken)
    assert memo.get(("k",), lambda: "built") == "built"
