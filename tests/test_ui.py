"""The app's view cache: one build per key, bounded, and never a stale answer for a new key."""

from __future__ import annotations

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
