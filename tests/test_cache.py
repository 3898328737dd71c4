"""The caches (`dashboard/web/cache.py`) and the warm-up that fills them: one build per key, bounded, never stale."""

from __future__ import annotations

import pytest

from dashboard.data.loading import fingerprint
from dashboard.web import cache
from dashboard.web.cache import Memo


def test_memo_builds_once_per_key_and_forgets_the_least_recently_used():
    memo = Memo(size=2)
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

    memo = Memo(size=4)
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
    memo = Memo(size=4)

    def broken():
        raise RuntimeError("data changed under us")

    with pytest.raises(RuntimeError):
        memo.get(("k",), broken)
    assert memo.get(("k",), lambda: "built") == "built"


def test_warm_up_prepares_the_first_page_in_both_languages(data_copy, monkeypatch):
    from dashboard.present import views
    from dashboard.present.i18n import LANGS
    from dashboard.web import state

    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    state.warm_up()
    model = cache.models.get((str(data_copy), fingerprint(data_copy)), _never_built)
    for lang in LANGS:
        page = cache.views.get(cache.view_key(views.overview, model, (lang,)), _never_built)
        assert page.share.title and "wire_figure" in page.share.__dict__  # ready to draw


def test_warm_up_on_broken_data_leaves_the_report_to_the_page(data_copy, monkeypatch):
    from dashboard.data.problems import DataError
    from dashboard.web import state

    (data_copy / "countries.yaml").write_text("countries: [", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    state.warm_up()  # does not raise: the first reader's page shows the validator's list
    cached = cache.models.get((str(data_copy), fingerprint(data_copy)), _never_built)
    assert isinstance(cached, DataError) and "countries.yaml" in cached.report()


def _never_built():
    raise AssertionError("expected the warm-up to have built this already")
