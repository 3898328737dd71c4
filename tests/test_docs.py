"""The README and docs/ stay true: every module is in the architecture page and every module it
names exists; every command they show runs (as Datasette's test_docs.py keeps its docs honest)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
ARCHITECTURE = REPO / "docs" / "architecture.md"


def modules() -> set[str]:
    package = REPO / "dashboard"
    return {
        p.relative_to(REPO).as_posix()
        for p in package.rglob("*.py")
        if p.name != "__init__.py" and "__pycache__" not in p.parts
    }


def test_every_module_is_in_the_architecture_page():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    missing = sorted(m for m in modules() if f"`{m}`" not in text)
    assert not missing, f"add to docs/architecture.md: {missing}"


def test_every_module_the_docs_name_exists():
    named = set()
    for doc in DOCS:
        named |= {
            (doc.name, m) for m in re.findall(r"dashboard/[\w/.-]+\.py", doc.read_text(encoding="utf-8"))
        }
    gone = sorted(f"{doc}: {m}" for doc, m in named if not (REPO / m).exists())
    assert not gone, gone


def commands() -> list[tuple[str, str]]:
    """Each shell command in a ```bash block of the README or docs/, joined across `\\` lines."""
    found = []
    for doc in DOCS:
        for block in re.findall(r"```bash\n(.*?)```", doc.read_text(encoding="utf-8"), flags=re.S):
            block = re.sub(r"\\\n\s*", " ", block)
            for line in block.splitlines():
                line = line.split("  #")[0].strip()
                if line and not line.startswith("#"):
                    found.append((doc.name, line))
    return found


def test_the_docs_show_commands():
    shown = {line for _doc, line in commands()}
    assert "bash scripts/serve.sh" in shown and "bash scripts/test.sh" in shown


@pytest.mark.parametrize(("doc", "line"), commands(), ids=[f"{d}:{c[:40]}" for d, c in commands()])
def test_every_command_shown_runs(doc, line, tmp_path):
    """Scripts must exist and parse (running them would set up a machine or start a server); the
    dashboard's own commands run for real, writing only into a temporary directory."""
    if line.startswith("bash "):
        script = REPO / shlex.split(line)[1]
        assert script.exists(), f"{doc}: {line}: no such script"
        subprocess.run(["bash", "-n", str(script)], check=True)
        return
    argv = shlex.split(line.replace('"$(date +%F)"', "2026-01-01"))
    assert argv[0].endswith("python") and argv[1] == "-m", f"{doc}: unexpected command {line}"
    if "--out" in argv:  # never write into data/ from a test
        argv[argv.index("--out") + 1] = str(tmp_path)
    done = subprocess.run([sys.executable, *argv[1:]], cwd=REPO, capture_output=True, text=True, timeout=300)
    if "import-wdi" in argv:  # the output validates only beside the other data files
        assert (tmp_path / "wdi.yaml").exists(), done.stderr
        return
    assert done.returncode == 0, f"{doc}: {line}\n{done.stdout[-800:]}\n{done.stderr[-800:]}"
