"""Notebook runs on a Dask cluster: each notebook run of a build becomes one task of a ``distributed`` scheduler.

The runner hands its notebook runs here instead of to its local processes when a scheduler is given
(``make annexes SCHEDULER=tcp://host:8786``, ``--scheduler``, or ``DASK_SCHEDULER_ADDRESS``); Dask is imported only
then. What stays on the machine running make: validation, the export and every write into build/ (atomic writes,
incremental rebuilds, build/failed/), so an annex built on a cluster is the same file as one built locally.

- No shared file system: a task carries what its notebook reads (the notebook, the project's params and data files
  as bytes, once per project, and the parameters); the worker writes them into a private temporary folder, runs the
  runner's own ``run_notebook`` there, and returns the executed notebook as bytes.
- Same environment: before any work, every worker's Python, helpers version and code, Jupyter kernel and pinned
  packages (requirements-lock.txt) are compared with this machine's; a difference stops the build, naming both.
  Each task checks again, for workers that join later.
- Faults: a notebook that fails on a worker gives the local message and its partial notebook in build/failed/; a
  worker that dies has its tasks rerun elsewhere by the scheduler; an unreachable scheduler is an error within
  seconds; Ctrl-C cancels the build's tasks and stops the kernels of those already running.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from .. import fingerprint
from ..paths import KERNEL_NAME, relative, under
from . import runner

CONNECT_TIMEOUT = 5       # seconds to reach the scheduler
WORKER_WAIT = 60          # seconds to wait for a first worker (a batch system may still be starting them)
SETUP = ("pip install -r requirements-lock.txt && pip install --no-deps <the workbook's folder> && "
         f"python -m ipykernel install --sys-prefix --name {KERNEL_NAME}")


class ClusterError(Exception):
    """The cluster cannot run this build; the message says why and what to do. Nothing was built."""


def scheduler_address(given: str | None) -> str | None:
    """The scheduler asked for: the option, else Dask's usual DASK_SCHEDULER_ADDRESS, else none (a local build)."""
    return given or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


# -- the environment a worker must share with this machine ------------------------------------------------------------
def pinned_names(lock: Path = runner.LOCK_FILE) -> tuple[str, ...]:
    """The packages pinned in requirements-lock.txt (name==version lines)."""
    if not lock.is_file():
        return ()
    lines = (line.split("#")[0].strip() for line in lock.read_text(encoding="utf-8").splitlines())
    return tuple(line.split("==")[0].strip() for line in lines if "==" in line)


def helpers_code_digest() -> str:
    """sha256 over the helpers package's files (names and digests, helpers.fingerprint): the code the notebooks
    call."""
    return fingerprint.code_digest()


_ENVIRONMENT: dict[tuple, dict] = {}


def environment(names: tuple[str, ...]) -> dict:
    """What makes a notebook run give the same result here and on a worker (computed once per process)."""
    if names not in _ENVIRONMENT:
        import platform
        from importlib import metadata

        from jupyter_client.kernelspec import KernelSpecManager

        from .. import __version__

        packages = {}
        for name in names:
            try:
                packages[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                packages[name] = "not installed"
        _ENVIRONMENT[names] = {
            "python": platform.python_version(), "helpers": __version__, "helpers code": helpers_code_digest(),
            "kernel": "installed" if KERNEL_NAME in KernelSpecManager().find_kernel_specs() else "not installed",
            "packages": packages}
    return _ENVIRONMENT[names]


def differences(here: dict, there: dict) -> list[str]:
    """'numpy 2.3.4 here, 2.3.1 there' for each thing that differs."""
    def short(key: str, value: str) -> str:
        return value[:12] if key == "helpers code" else value

    lines = [f"{key} {short(key, here[key])} here, {short(key, there.get(key, '?'))} there"
             for key in ("python", "helpers", "helpers code") if here[key] != there.get(key)]
    if here["kernel"] != there.get("kernel"):
        lines.append(f"the Jupyter kernel '{KERNEL_NAME}' is {there.get('kernel', '?')} there")
    theirs = there.get("packages", {})
    lines += [f"{name} {version} here, {theirs.get(name, '?')} there"
              for name, version in here["packages"].items() if theirs.get(name) != version]
    return lines


def _refusal(worker: str, lines: list[str]) -> str:
    shown = lines[:8] + ([f"... and {len(lines) - 8} more"] if len(lines) > 8 else [])
    return (f"The Dask worker {worker} does not have this machine's environment:\n"
            + "".join(f"      {line}\n" for line in shown)
            + f"    -> Install the workbook's environment on it ({SETUP}), or stop that worker.")


# -- the task (runs on a worker) --------------------------------------------------------------------------------------
# papermill changes the process's working directory while a notebook runs: one notebook at a time per worker
# process, whatever its number of threads (start workers with --nthreads 1 and as many --nworkers as cores).
_ONE_AT_A_TIME = threading.Lock()


class _Collect(list):
    """Stands for the runner's event queue on a worker: the events go back to the client with the result."""

    def put(self, event) -> None:
        self.append(event)


def _files(inputs: dict[str, bytes]) -> dict[str, bytes]:
    """The inputs of a project, as one task of the graph: the scheduler keeps them and can recompute them when the
    worker holding them dies."""
    return inputs


def run_remote(task: dict, inputs: dict[str, bytes]) -> dict:
    """Run one notebook of one annex in a private temporary layout; return the step and the executed notebook."""
    from distributed import get_worker

    target = runner.Target(task["project"], task["annex"])
    worker = get_worker()               # in the task's thread: other threads do not know their worker
    key = worker.get_current_task()
    refused = differences(task["environment"], environment(task["names"]))
    if refused:                         # a worker that joined after the build's check
        return {"ok": False, "seconds": 0.0, "error": _refusal(worker.address, refused), "events": []}
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")  # as the local build: one BLAS thread per kernel
    with _ONE_AT_A_TIME:
        if _cancelled(worker, key):   # while it waited for the worker's notebook before it
            return {"ok": False, "seconds": 0.0, "error": "cancelled", "events": []}
        root = Path(tempfile.mkdtemp(prefix="workbook-task-"))
        done = threading.Event()
        watcher = threading.Thread(target=_stop_when_cancelled, args=(worker, key, done), daemon=True)
        try:
            for name, content in {**inputs, task["notebook"]: task["notebook_bytes"]}.items():
                path = under(root, *name.split("/"))
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
            layout = runner.Layout(data=root / "data", params=root / "params", notebooks=root / "notebooks",
                                   build=root / "build")
            notebook = under(root, *task["notebook"].split("/"))
            events = _Collect()
            watcher.start()
            # A Dask worker is a threaded process, which is not safe to fork: a fresh kernel per notebook. The
            # cache is the client's (DaskNotebooks._land keeps what comes back): none here.
            options = runner.Options(language=task["language"], timeout=task["timeout"], isolation="kernel")
            step = runner.run_notebook(runner.NotebookTask(target, notebook, layout, options), events=events)
            executed = layout.work_dir(target.project, target.annex) / notebook.name
            kept = layout.failed_dir(target.project, target.annex) / notebook.name
            result = {"ok": step.ok, "seconds": step.seconds, "error": step.error, "events": list(events)}
            if step.ok:
                result["notebook_bytes"] = executed.read_bytes()
            elif kept.is_file():
                result["notebook_bytes"], result["kept_as"] = kept.read_bytes(), relative(kept)
            return result
        finally:
            done.set()
            shutil.rmtree(root, ignore_errors=True)


def _stop_when_cancelled(worker, key, done: threading.Event) -> None:
    """Dask cannot stop a running task: when the build lets go of it (Ctrl-C, the client gone), stop its kernel,
    so that the notebook ends now instead of at its timeout."""
    while not done.wait(0.5):
        if _cancelled(worker, key):
            _kill_kernels()   # and again until the task ends: papermill retries a kernel that died while starting


def _cancelled(worker, key) -> bool:
    task = worker.state.tasks.get(key)
    return task is None or task.state in ("cancelled", "released", "forgotten")


def _kill_kernels() -> None:
    import psutil

    for child in psutil.Process().children(recursive=True):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                child.kill()
        except psutil.Error:
            pass


# -- the client (runs on the machine of make) -------------------------------------------------------------------------
class DaskNotebooks:
    """Submits notebook runs to a Dask cluster; each returns a concurrent.futures.Future of the runner's Step."""

    def __init__(self, client, address: str, workers: dict):
        self.client = client
        self.address = address
        self.workers = len(workers)
        self._counted = time.monotonic()
        self.names = pinned_names()
        self.environment = environment(self.names)
        self.build_id = os.urandom(4).hex()
        self._inputs: dict[str, object] = {}  # project -> the Dask future of its files
        self._futures: set = set()
        self._lock = threading.Lock()

    @property
    def slots(self) -> int:
        """Notebook runs to keep in flight: one per worker, counted again every few seconds (workers join and leave,
        a batch system starts them late), plus one so that a worker never waits for the client's round trip."""
        if time.monotonic() - self._counted > 2:
            self.workers, self._counted = max(1, len(self.client.nthreads())), time.monotonic()
        return self.workers + 1

    @classmethod
    def connect(cls, address: str, lang: str = "en") -> DaskNotebooks:
        """Reach the scheduler, wait for a worker, refuse workers whose environment differs; raise ClusterError.
        ``lang``: the language of the lines it prints (the build's)."""
        from distributed import Client

        from .messages import sentence

        try:
            client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(
                f"Cannot reach the Dask scheduler at {address} within {CONNECT_TIMEOUT} s "
                f"({type(exc).__name__}: {runner.first_line(exc)}).\n"
                "    -> Check the address and that the scheduler runs (`make cluster` starts one on this machine); "
                "nothing was built.") from None
        try:
            if not client.scheduler_info()["workers"]:
                print(sentence(f"The Dask scheduler at {address} has no worker yet; waiting up to {WORKER_WAIT} s for "
                               "one...", lang), flush=True)
                try:
                    client.wait_for_workers(1, timeout=WORKER_WAIT)
                except TimeoutError:
                    raise ClusterError(f"No Dask worker joined the scheduler at {address} within {WORKER_WAIT} s.\n"
                                       "    -> Start workers (`dask worker <address> --nthreads 1`); "
                                       "nothing was built.") from None
            remote = cls(client, address, client.scheduler_info()["workers"])
            remote._check_workers()
        except BaseException:
            client.close()
            raise
        info = client.scheduler_info()
        threads = sorted({w["nthreads"] for w in info["workers"].values()})
        print(sentence(f"Dask cluster at {address}: {remote.workers} worker(s)"
                       + (f"; dashboard: {client.dashboard_link}" if "dashboard" in info.get("services", {}) else ""),
                       lang))
        if threads != [1]:
            print(sentence("    Workers with several threads run one notebook at a time each (papermill changes the "
                           "process's working directory): start them with --nthreads 1 --nworkers <cores>.", lang))
        return remote

    def _check_workers(self) -> None:
        found = self.client.run(environment, self.names, on_error="return")
        refused = []
        for worker, theirs in sorted(found.items()):
            if isinstance(theirs, BaseException):
                refused.append(f"The Dask worker {worker} cannot run the workbook's code "
                               f"({type(theirs).__name__}: {runner.first_line(theirs)}).\n"
                               f"    -> Install the workbook's environment on it ({SETUP}).")
            elif lines := differences(self.environment, theirs):
                refused.append(_refusal(worker, lines))
        if refused:
            raise ClusterError("\n".join(refused) + "\nNothing was built.")

    def _project_inputs(self, project: str, layout: runner.Layout):
        """The project's params and data files, sent to the cluster once per build and shared by its tasks."""
        if project not in self._inputs:
            paths = {}
            for kind, folder in (("params", layout.params), ("data", layout.data), ("archive", layout.archive_dir())):
                for path in fingerprint.files_under(folder / project):
                    paths[f"{kind}/{path.relative_to(folder).as_posix()}"] = path
            files = {name: path.read_bytes() for name, path in paths.items()}
            digest = fingerprint.key("inputs", files=sorted(paths.items()))[:16]
            self._inputs[project] = self.client.submit(_files, files, key=f"workbook-inputs-{project}-{digest}",
                                                       pure=False)
        return self._inputs[project]

    def submit(self, run: runner.NotebookTask, events) -> concurrent.futures.Future:
        """Run ``run.notebook`` for ``run.target`` on the cluster; the returned future gives the Step, as
        run_notebook (runner.NotebookExecutor). A notebook that succeeded is kept under ``run.key`` as a local run's
        would be, so the next build takes it from the cache."""
        import concurrent.futures

        target, notebook, layout = run.target, run.notebook, run.layout
        timeout, language = run.options.timeout, run.options.language
        task = {"project": target.project, "annex": target.annex, "notebook": f"notebooks/{notebook.name}",
                "notebook_bytes": notebook.read_bytes(), "timeout": timeout, "language": language,
                "environment": self.environment, "names": self.names}
        done: concurrent.futures.Future = concurrent.futures.Future()
        done.set_running_or_notify_cancel()
        key = f"workbook-{self.build_id}-{target.project}-{target.annex}-{notebook.stem}"
        future = self.client.submit(run_remote, task, self._project_inputs(target.project, layout), key=key,
                                    pure=False)
        with self._lock:
            self._futures.add(future)
        started = time.perf_counter()

        def land(future) -> None:
            with self._lock:
                self._futures.discard(future)
            try:
                step = self._land(future.result(), run, events)
            except BaseException as exc:  # noqa: BLE001 - the worker died too often, the task was cancelled, ...
                step = runner.Step(target, notebook.stem, False, time.perf_counter() - started,
                                   f"notebook {notebook.name}: {_describe(exc)}")
                events.put(("failed", str(target), notebook.name, step.seconds, step.error))
            done.set_result(step)

        future.add_done_callback(land)
        return done

    def _land(self, result: dict, run: runner.NotebookTask, events) -> runner.Step:
        """Write what came back where a local run would have left it (and into the notebook cache under its key);
        replay the worker's progress lines."""
        from ..files import write_atomic

        target, notebook, layout = run.target, run.notebook, run.layout
        error = result["error"]
        if "notebook_bytes" in result:
            if result["ok"]:
                write_atomic(layout.work_dir(target.project, target.annex) / notebook.name, result["notebook_bytes"])
                if run.key:
                    write_atomic(runner.cached_notebook(layout, run.key), result["notebook_bytes"])
            else:
                kept = layout.failed_dir(target.project, target.annex) / notebook.name
                write_atomic(kept, result["notebook_bytes"])
                error = error.replace(result["kept_as"], relative(kept))
        for kind, name_target, name, seconds, detail in result["events"]:
            events.put((kind, name_target, name, seconds, detail))
        if not result["events"] and not result["ok"]:
            events.put(("failed", str(target), notebook.name, result["seconds"], error))
        return runner.Step(target, notebook.stem, result["ok"], result["seconds"], error)

    def close(self) -> None:
        """Cancel what the build still has on the cluster (running tasks stop their kernels), then disconnect."""
        with self._lock:
            futures = list(self._futures) + list(self._inputs.values())
        try:
            if futures:
                self.client.cancel(futures, force=True)
        finally:
            self.client.close()


def _describe(exc: BaseException) -> str:
    import concurrent.futures

    from distributed import KilledWorker

    if isinstance(exc, KilledWorker):
        return ("the Dask workers running it died too often (the scheduler's allowed-failures); "
                "their logs say why (often memory)")
    if isinstance(exc, concurrent.futures.CancelledError) or type(exc).__name__ == "CancelledError":
        return "cancelled on the Dask cluster"
    return f"on the Dask cluster: {type(exc).__name__}: {runner.first_line(exc)}"


# -- make cluster ------------------------------------------------------------------------------------------------------
def local_cluster(workers: int = 2, port: int = 8786, host: str = "127.0.0.1") -> int:
    """A scheduler and ``workers`` one-thread workers on this machine, until Ctrl-C (make cluster)."""
    import signal
    import subprocess

    # stopped by Ctrl-C or by a kill (a batch system, a background job): either way, stop what it started
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    dask = str(Path(sys.executable).with_name("dask"))
    address = f"tcp://{host}:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL} if os.environ.get("QUIET") else {}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", host, "--port", str(port)], **quiet)
    processes = [scheduler]
    try:
        if not _wait_for_port(host, port, scheduler, timeout=30):
            print(f"The scheduler did not start on {address} (is the port taken?).", file=sys.stderr)
            return 1
        processes.append(subprocess.Popen([dask, "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                                           "--host", host], **quiet))
        print(f"Dask scheduler at {address} with {workers} worker(s); in another terminal:\n"
              f"    make annexes SCHEDULER={address}\n"
              "Ctrl-C stops the scheduler and the workers.", flush=True)
        return scheduler.wait()
    except (KeyboardInterrupt, SystemExit):
        return 0
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        print(f"Stopped the scheduler at {address} and its workers.", file=sys.stderr)


def _wait_for_port(host: str, port: int, process, timeout: float) -> bool:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex((host, port)) == 0:
                return True
        time.sleep(0.2)
    return False
