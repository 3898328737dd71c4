"""Shared by the browser tests, the soak script and the benchmark: start a dashboard server on
127.0.0.1 and launch Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dashboard.web.pages import PAGE_FILES

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, proc: subprocess.Popen | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:  # noqa: S310 - local
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{base} did not become healthy within {timeout} s")


def start_server(
    env_extra: dict[str, str] | None = None,
    script: str = "dashboard/web/server.py",
    port: int | None = None,
    script_args: list[str] | None = None,
) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on 127.0.0.1 and a free port; returns the process and its base URL.
    `script_args` go after `--`, to the app (e.g. `["--data", DIR]`)."""
    port = port or free_port()
    env = {**os.environ, **(env_extra or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    if script_args:
        cmd += ["--", *script_args]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc)
    except RuntimeError:
        proc.kill()
        raise
    return proc, base


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def rss_mib(pid: int) -> float:
    """Resident memory of one process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def descendants(pid: int) -> list[int]:
    """All processes below `pid` (the export browser kaleido starts lives there)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            out.append(child)
            stack.append(child)
    return out


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


# --- shared by the measures -------------------------------------------------------------------

APP = REPO / "dashboard" / "web" / "app.py"


TARGETS = {"rerun": 1.5, "browser": 1.5, "cold": 1.3, "export": 1.5, "scale": 2.0, "concurrency": None}


PAGES = PAGE_FILES


SELECTIONS = [["VNM"], ["THA", "IDN"], ["CHN"], [], ["MYS", "SGP", "PHL"]]


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)
