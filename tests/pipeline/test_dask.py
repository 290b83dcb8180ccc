"""Notebook runs on a real Dask cluster: a scheduler and two worker processes started on this machine by
`python -m helpers cluster` (what `make cluster` runs), the build's client in the test process.

The cluster's tests share one cluster and use small layouts (two annexes, tiny notebooks where the sample's are not
needed) to stay short: each runs a few kernels, the byte-for-byte comparison builds two sample annexes twice.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import helpers
from helpers.pipeline import dask_executor, runner
from helpers.paths import HELPERS_DIR, KERNEL_NAME, REPO_ROOT
from sample_layout import sample_layout

SLEEP = "    import time\n    time.sleep({})"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def descendants(pids) -> list:
    import psutil

    found = []
    for pid in pids:
        try:
            process = psutil.Process(pid)
            found += [process, *process.children(recursive=True)]
        except psutil.Error:
            pass
    return found


@pytest.fixture(scope="module")
def cluster():
    """(address, client): a scheduler and two one-thread workers, stopped with every process they started."""
    from distributed import Client

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "helpers", "cluster", "--port", str(port), "--workers", "2"],
                               cwd=REPO_ROOT, env={**os.environ, "QUIET": "1"}, stdout=subprocess.PIPE, text=True,
                               start_new_session=True)
    address = f"tcp://127.0.0.1:{port}"
    client = None
    try:
        assert f"Dask scheduler at {address}" in process.stdout.readline()
        client = Client(address, timeout=30, set_as_default=False)
        client.wait_for_workers(2, timeout=60)
        yield address, client
    finally:
        leftovers = descendants([process.pid])
        if client is not None:
            leftovers += descendants(client.run(os.getpid).values())
            client.close()
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        for child in leftovers:
            try:
                child.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass


def command_line(process) -> str:
    """The process's command line; "" once it has ended (a finished notebook's kernel is a zombie for a moment)."""
    import psutil

    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def alive(process) -> bool:
    import psutil

    try:
        return process.status() != psutil.STATUS_ZOMBIE   # a zombie is stopped, waiting for its parent to reap it
    except psutil.Error:
        return False


def two_workers(client) -> dict[str, int]:
    """{address: pid} of the cluster's two workers, once both are there (a killed one comes back)."""
    client.wait_for_workers(2, timeout=60)
    deadline = time.time() + 60
    while len(client.scheduler_info()["workers"]) != 2 and time.time() < deadline:
        time.sleep(0.2)
    return client.run(os.getpid)


def notebook(*sources: str) -> str:
    cells = [{"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]}, "execution_count": None,
              "outputs": [],
              "source": 'project = "amem"\nannex = "ensemble"\nlanguage = ""\ndata_dir = ""\nparams_dir = ""'}]
    cells += [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [],
               "source": src} for i, src in enumerate(sources)]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "cells": cells,
                       "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": "Evaluation workbook",
                                                   "language": "python"}}})


def small_layout(root: Path, fault: str) -> runner.Layout:
    """The sample project's maroc and mauritanie annexes with two tiny notebooks; ``fault`` runs for maroc only."""
    layout = sample_layout(root, ["maroc", "mauritanie"], notebooks=None)
    (layout.notebooks / "10_ok.ipynb").write_text(notebook(
        "from helpers.annex import open_annex\nctx = open_annex(project, annex, language, data_dir, params_dir)\n"
        'ctx.heading(fr="Section", en="Section")'), encoding="utf-8")
    (layout.notebooks / "20_fault.ipynb").write_text(notebook(f'if annex == "maroc":\n{fault}'), encoding="utf-8")
    return layout


def elsewhere(layout: runner.Layout, build: Path) -> runner.Layout:
    return runner.Layout(data=layout.data, params=layout.params, notebooks=layout.notebooks, build=build)


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- without a cluster ---------------------------------------------------------------------------------------------------
def test_without_a_scheduler_dask_is_not_imported_and_the_variable_is_honoured(monkeypatch):
    script = ("import sys\nimport helpers.__main__ as cli\ncli.main(['build', '--project', 'no-such-project'])\n"
              "sys.exit(1 if {'dask', 'distributed'} & set(sys.modules) else 0)")
    env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    assert subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, env=env, capture_output=True).returncode == 0
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://cluster:8786")
    assert dask_executor.scheduler_address(None) == "tcp://cluster:8786"
    assert dask_executor.scheduler_address("tcp://other:1") == "tcp://other:1"


def test_an_environment_difference_names_both_sides():
    here = dask_executor.environment(("numpy", "pandas"))
    there = {**here, "helpers": "0.0.1", "kernel": "not installed",
             "packages": {**here["packages"], "numpy": "1.0.0"}}
    lines = dask_executor.differences(here, there)
    assert f"helpers {here['helpers']} here, 0.0.1 there" in lines
    assert f"numpy {here['packages']['numpy']} here, 1.0.0 there" in lines
    assert any(KERNEL_NAME in line and "not installed" in line for line in lines)
    assert dask_executor.differences(here, dict(here)) == []


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_clear_error_within_seconds(tmp_path, capsys):
    layout = small_layout(tmp_path, "    pass")
    address = f"tcp://127.0.0.1:{free_port()}"   # nothing listens there
    started = time.perf_counter()
    assert runner.build(project="amem", layout=layout, scheduler=address) == 2
    assert time.perf_counter() - started < 15
    err = capsys.readouterr().err
    # (the sample is French: so is what the build says)
    assert f"Impossible de joindre le scheduler Dask à {address} en {dask_executor.CONNECT_TIMEOUT} s" in err, err
    assert "make cluster" in err and "rien n'a été construit" in err
    assert not (layout.build / "annexes").exists()


# -- on the cluster ------------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_the_cluster_builds_the_same_files_as_the_local_build_byte_for_byte(cluster, tmp_path, monkeypatch, capsys):
    address, client = cluster
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609372800")
    layout = sample_layout(tmp_path, ["ensemble", "libye"])   # the richest annex and one with sections without data
    assert runner.build(project="amem", layout=elsewhere(layout, tmp_path / "local")) == 0
    capsys.readouterr()
    assert runner.build(project="amem", layout=layout, scheduler=address) == 0
    out = capsys.readouterr().out
    assert f"Cluster Dask à {address} : 2 processus" in out   # (amem is French: the build speaks it)
    for annex in ("ensemble", "libye"):
        for notebook in runner.notebook_paths(layout):
            assert f"amem/{annex}" in out and notebook.stem in out
    local, remote = files_under(tmp_path / "local" / "annexes"), files_under(layout.build / "annexes")
    assert sorted(remote) == sorted(local) and len(local) == 2 * 5 + 1   # html, docx, figures.csv, xlsx, stamp + index
    assert [name for name in local if local[name] != remote[name]] == []
    # incremental as locally: nothing to do, and the cluster is not even contacted
    assert runner.build(project="amem", layout=layout, scheduler="tcp://127.0.0.1:1") == 0
    assert "Rien à faire" in capsys.readouterr().out   # (amem is French: the build speaks it)


@pytest.mark.slow
def test_a_notebook_failing_on_a_worker_gives_the_local_message(cluster, tmp_path, capsys):
    address, _ = cluster
    layout = small_layout(tmp_path, '    raise RuntimeError("partner file unreadable")')
    failures = []
    for where, scheduler in (("local", None), ("remote", address)):
        build = elsewhere(layout, tmp_path / where)
        previous = build.build / "annexes" / "amem" / "maroc.html"
        previous.parent.mkdir(parents=True)
        previous.write_bytes(b"last good annex")
        assert runner.build(project="amem", layout=build, scheduler=scheduler) == 1
        out = capsys.readouterr().out.replace(str(build.build), "BUILD")
        failures.append([line for line in out.splitlines()
                         if line.lstrip().startswith("ÉCHEC ") or "gardé pour examen" in line])
        assert previous.read_bytes() == b"last good annex"
        assert (build.build / "failed" / "amem" / "maroc" / "20_fault.ipynb").is_file()
        assert (build.build / "annexes" / "amem" / "mauritanie.html").is_file()
        assert [p.name for p in build.build.rglob("*.tmp")] == []
    assert failures[0] == failures[1]
    assert any(line.startswith("  ÉCHEC   amem/maroc : notebook 20_fault.ipynb : la cellule ") and
               "a levé RuntimeError: partner file unreadable" in line for line in failures[1]), failures[1]
    assert any("BUILD/failed/amem/maroc/20_fault.ipynb" in line for line in failures[1]), failures[1]


@pytest.mark.slow
def test_a_worker_killed_mid_run_has_its_task_rerun_and_the_build_completes(cluster, tmp_path, capsys):
    address, client = cluster
    workers = two_workers(client)
    layout = small_layout(tmp_path, SLEEP.format(6))
    outcome = {}
    build = threading.Thread(target=lambda: outcome.setdefault(
        "code", runner.build(project="amem", layout=layout, scheduler=address, timeout=120)))
    build.start()
    victim = None
    deadline = time.time() + 120
    while victim is None and time.time() < deadline and build.is_alive():
        for worker, keys in client.processing().items():
            if any("maroc-20_fault" in str(key) for key in keys):
                victim = worker
        time.sleep(0.2)
    assert victim is not None, "the sleeping notebook never started"
    time.sleep(2)   # its kernel is up and in the sleeping cell
    os.kill(workers[victim], signal.SIGKILL)
    build.join(timeout=400)
    assert outcome.get("code") == 0, capsys.readouterr().out
    for annex in ("maroc", "mauritanie"):
        assert (layout.build / "annexes" / "amem" / f"{annex}.html").is_file()
    assert victim not in client.scheduler_info()["workers"]   # the task did not finish where it started


@pytest.mark.slow
def test_ctrl_c_cancels_the_builds_tasks_and_stops_their_kernels(cluster, tmp_path):
    address, client = cluster
    workers = two_workers(client)
    layout = small_layout(tmp_path, SLEEP.format(120))
    (layout.notebooks / "30_slow.ipynb").write_text(notebook("import time\ntime.sleep(120)"), encoding="utf-8")
    script = ("import sys\nfrom pathlib import Path\nfrom helpers.pipeline import runner\n"
              "if __name__ == '__main__':\n"
              f"    layout = runner.Layout(data=Path({str(layout.data)!r}), params=Path({str(layout.params)!r}), "
              f"notebooks=Path({str(layout.notebooks)!r}), build=Path({str(layout.build)!r}))\n"
              f"    sys.exit(runner.build(project='amem', layout=layout, timeout=300, scheduler={address!r}))\n")
    process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    kernels, deadline = [], time.time() + 120
    while len(kernels) < 2 and time.time() < deadline and process.poll() is None:
        time.sleep(0.5)
        kernels = [p for p in descendants(workers.values()) if "ipykernel" in command_line(p)]
    assert len(kernels) == 2, "the notebooks never started on the two workers"
    time.sleep(2)   # the kernels are in their sleeping cells
    os.killpg(process.pid, signal.SIGINT)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 130, out
    assert "Interrompu" in out and "ÉCHEC   amem/maroc" in out, out
    deadline = time.time() + 20
    while time.time() < deadline and (any(map(alive, kernels)) or any(client.processing().values())):
        time.sleep(0.2)
    assert not [p.pid for p in kernels if alive(p)], "kernels left running on the workers"
    assert not any(client.processing().values()), client.processing()


@pytest.mark.slow
def test_a_worker_with_another_environment_is_refused_naming_both(cluster, tmp_path, capsys):
    address, client = cluster
    two_workers(client)
    other = tmp_path / "other" / "helpers"
    shutil.copytree(HELPERS_DIR, other, ignore=shutil.ignore_patterns("__pycache__"))
    init = other / "__init__.py"
    init.write_text(re.sub(r'__version__ = ".*"', '__version__ = "0.0.9"', init.read_text(encoding="utf-8")),
                    encoding="utf-8")
    worker = subprocess.Popen([str(Path(sys.executable).with_name("dask")), "worker", address, "--nthreads", "1",
                               "--host", "127.0.0.1", "--no-nanny"], cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(other.parent)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        client.wait_for_workers(3, timeout=60)
        stranger = next(w for w, pid in client.run(os.getpid, on_error="return").items() if pid == worker.pid)
        layout = small_layout(tmp_path / "w", "    pass")
        assert runner.build(project="amem", layout=layout, scheduler=address) == 2
        err = capsys.readouterr().err
        # (the sample is French: so is what the build says)
        assert f"Le processus Dask {stranger} n'a pas l'environnement de cette machine" in err, err
        assert f"helpers {helpers.__version__} ici, 0.0.9 là-bas" in err and "helpers code" in err
        assert "pip install -r requirements-lock.txt" in err and "Rien n'a été construit" in err
        assert err.count("Le processus Dask") == 1      # the two workers of this machine are accepted
        assert not (layout.build / "annexes").exists()
    finally:
        worker.terminate()
        worker.wait(timeout=30)


@pytest.mark.slow
def test_the_notebook_cache_works_on_the_cluster_too(cluster, tmp_path, capsys):
    address, _ = cluster
    layout = small_layout(tmp_path, "    pass")
    assert runner.build(project="amem", layout=layout, scheduler=address) == 0
    assert "(unchanged)" not in capsys.readouterr().out
    # each notebook ran on the cluster and was kept here under its key, as a local run's would be
    assert len(list((layout.build / "cache" / "notebooks").glob("*.ipynb"))) == 4
    for annex in ("maroc", "mauritanie"):
        (layout.build / "annexes" / "amem" / f"{annex}.html").unlink()   # out of date, its inputs unchanged
    assert runner.build(project="amem", layout=layout, scheduler=address) == 0
    out = capsys.readouterr().out
    assert out.count("(unchanged)") == 4, out
