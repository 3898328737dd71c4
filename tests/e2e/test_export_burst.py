"""A burst of image exports against the real server: images wait in a bounded queue, past it they
are refused at once with `503` and `Retry-After`, and a CSV asked for meanwhile is served at once,
not behind the images (dashboard/web/render_queue.py)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.web import render_queue

pytestmark = pytest.mark.e2e

INDICATORS = [
    "mobile_cellular_subscriptions_per_100_people",
    "fixed_broadband_subscriptions_per_100_people",
    "fixed_telephone_subscriptions_per_100_people",
    "secure_internet_servers_per_million_people",
]


def get(url: str, reader: str) -> tuple[int, dict, bytes, float]:
    """One reader's download: status, headers, body and when it ended (monotonic seconds)."""
    request = urllib.request.Request(url, headers={"X-Forwarded-For": reader})  # noqa: S310 - local
    try:
        with urllib.request.urlopen(request, timeout=300) as r:  # noqa: S310 - our own local server
            status, headers, body = r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        status, headers, body = e.code, dict(e.headers), e.read()
    return status, {k.lower(): v for k, v in headers.items()}, body, time.monotonic()


def test_an_image_burst_is_queued_refused_past_its_length_and_never_delays_a_csv(server):
    # distinct views, so no render is answered from the exporter's cache
    images = [
        f"{server}/export/connectivity/{indicator}-over-time.png?indicator={indicator}&time=2012..{2014 + i}"
        for indicator in INDICATORS
        for i in range(8)
    ]
    burst = len(images)
    assert burst > render_queue.WORKERS + render_queue.WAITING  # more than the queue holds
    csv = f"{server}/export/connectivity/mobile_cellular_subscriptions_per_100_people-over-time.csv"
    with ThreadPoolExecutor(max_workers=burst + 1) as pool:
        pending = [pool.submit(get, url, f"198.51.100.{i}") for i, url in enumerate(images)]
        while not any(f.done() for f in pending):  # the queue is full once the first refusal is back
            time.sleep(0.01)
        table = pool.submit(get, csv, "203.0.113.99").result()
        answers = [f.result() for f in pending]
    status, _, body, csv_done = table
    assert status == 200 and body.lstrip(b"\xef\xbb\xbf").startswith(b"# title:")  # the CSV, headed
    served = [a for a in answers if a[0] == 200]
    refused = [a for a in answers if a[0] == 503]
    assert served and refused and len(served) + len(refused) == burst, sorted(a[0] for a in answers)
    assert all(a[2].startswith(b"\x89PNG") for a in served)
    for _, headers, reason, _ in refused:
        assert headers["retry-after"].isdigit() and int(headers["retry-after"]) >= 1
        assert reason.decode() == f"image exports are busy; try again in {headers['retry-after']} s"
    assert csv_done < max(a[3] for a in served), "the CSV waited behind the images"
