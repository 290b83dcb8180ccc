"""A build stopped from outside (kill -9, SIGTERM) leaves no process behind: the fork server, its workers and the
notebooks they run all end within seconds (issue 19, item 6)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from helpers.paths import REPO_ROOT
from test_faults import make_layout

pytestmark = pytest.mark.slow


def _tagged(tag: str) -> list[int]:
    """Processes whose environment holds the tag: the build and everything it started, wherever they were moved."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if tag.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _state(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_a_stopped_build_leaves_no_process(tmp_path, how):
    layout = make_layout(tmp_path, "    import time\n    time.sleep(120)")
    tag = f"WB_TEST_{uuid.uuid4().hex}"
    script = (
        "import sys\nfrom pathlib import Path\nfrom helpers.pipeline import runner\n"
        f"layout = runner.Layout(data=Path({str(layout.data)!r}), params=Path({str(layout.params)!r}), "
        f"notebooks=Path({str(layout.notebooks)!r}), build=Path({str(layout.build)!r}))\n"
        "sys.exit(runner.build(project='amem', layout=layout, timeout=300, jobs=2))\n")
    # a session of its own: the signal goes to the build only, not to a terminal's whole group (which Ctrl-C does)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True,
                               env=dict(os.environ, **{tag: "1"}))
    deadline = time.time() + 90
    lines = []
    while time.time() < deadline:  # until the maroc annex is inside its sleeping cell
        line = process.stdout.readline()
        lines.append(line)
        if ("amem/maroc" in line and "10_ok" in line) or not line:
            break
    time.sleep(2)
    running = _tagged(tag)
    assert len(running) >= 4, "".join(lines)  # the build, the fork server, workers, a forked notebook
    os.kill(process.pid, how)
    process.wait(timeout=30)
    process.stdout.close()  # what the processes left behind would still write is not waited for
    deadline = time.time() + 15
    while (left := [p for p in _tagged(tag) if _state(p) not in ("Z", "gone")]) and time.time() < deadline:
        time.sleep(0.5)
    for pid in left:  # do not leave them to the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"left running after {how.name}: {left}\n" + "".join(lines)
