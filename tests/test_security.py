"""Guardrails a reviewer would check by hand: XSRF on, no upload or write path, no raw HTML."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted((REPO / "dashboard").rglob("*.py"))


def test_streamlit_config_keeps_xsrf_on_and_hides_error_details():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["browser"]["gatherUsageStats"] is False


def test_no_upload_no_raw_html_no_unsafe_yaml_in_the_app():
    violations = []
    for path in SOURCES:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(REPO)}:{n}"
            if "file_uploader" in line or "unsafe_allow_html=True" in line or "components.html" in line:
                violations.append(f"{where}: {line.strip()}")
            if (
                re.search(r"yaml\.(load|load_all)\((?![^)]*Loader=)", line)
                or "yaml.Loader" in line
                or "FullLoader" in line
            ):
                violations.append(f"{where}: unsafe YAML loading: {line.strip()}")
    assert not violations, "\n".join(violations)


def test_nothing_in_the_app_opens_data_files_for_writing():
    writers = re.compile(
        r"""open\([^)]*["'][wax]b?\+?["']|\.write_(text|bytes)\(|shutil\.(copy|move|rmtree)|os\.remove|\.unlink\("""
    )
    # The curator's importer writes data/wdi.yaml on request, never the app; snapshots go to the
    # cache directory, which may not lie inside the data directory (tests/test_snapshot.py).
    allowed = {"wdi.py", "snapshot.py"}
    hits = [
        f"{p.relative_to(REPO)}: {m.group(0)}"
        for p in SOURCES
        if p.name not in allowed
        for m in writers.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not hits, hits
