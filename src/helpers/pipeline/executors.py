"""How one notebook run is executed: ``execute(run, isolation)`` takes a :class:`NotebookRun` and returns the
executed notebook (also written to ``run.output``). The runner calls nothing else, so another executor (a Dask
cluster, say) is one more entry in ``EXECUTORS``.

Both executors go through papermill (parameters injected after the ``parameters`` cell, partial notebook kept on
failure, ``PapermillExecutionError`` naming the cell):

- ``fork`` (the default): papermill's engine plug-in point with :class:`ForkEngine`. Each notebook runs in a fresh
  ``fork()`` of the build's worker, which has imported the scientific stack once; the child executes the cells in
  an IPython ``InteractiveShell`` with an empty namespace and sends each cell's outputs back. Isolation is by
  process: nothing a notebook does reaches the worker or the next notebook. No kernel start, no imports per
  notebook.
- ``kernel``: papermill's own engine, one fresh Jupyter kernel per notebook, on IPC sockets (no TCP port to race
  for); the path a notebook takes in JupyterLab.

A fault is reported as nbclient reports it: ``CellTimeoutError`` after the timeout, ``DeadKernelError`` when the
process running the notebook dies; Ctrl-C stops the run and its process.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..paths import KERNEL_NAME

ISOLATIONS = ("fork", "kernel")
ENGINE = "workbook-fork"
SKIP_TAG = "skip-execution"  # nbclient's default: such cells are not run


@dataclass(frozen=True)
class NotebookRun:
    """One notebook to run for one annex."""

    notebook: Path
    output: Path
    parameters: dict[str, Any] = field(default_factory=dict)
    cwd: Path | None = None
    timeout: int = 600          # seconds per cell
    start_timeout: int = 60     # seconds for a kernel to start (kernel isolation)


def execute(run: NotebookRun, isolation: str = "fork"):
    """Run the notebook with the chosen isolation; returns the executed notebook (nbformat.NotebookNode)."""
    if isolation not in EXECUTORS:
        raise ValueError(f"isolation {isolation!r} is not one of {', '.join(EXECUTORS)}")
    return EXECUTORS[isolation](run)


def _papermill(run: NotebookRun, **engine_options):
    import papermill as pm

    # The kernel is killed once its outputs are in ("immediate"): a graceful shutdown costs about 0.5 s per
    # notebook and saves nothing the annex needs.
    return pm.execute_notebook(str(run.notebook), str(run.output), parameters=run.parameters,
                               kernel_name=KERNEL_NAME, execution_timeout=run.timeout,
                               start_timeout=run.start_timeout, cwd=str(run.cwd) if run.cwd else None,
                               progress_bar=False, log_output=False, shutdown_kernel="immediate", **engine_options)


def kernel_executor(run: NotebookRun):
    """A fresh kernel for this notebook, talking over IPC sockets in a private folder.

    nbclient makes the kernel manager itself (from the class given here), so it owns the kernel: it notices when the
    kernel dies and stops it at the end. A manager passed in ready-made is left to its caller, and a kernel that died
    under it was not noticed (the build waited forever).
    """
    from jupyter_client.manager import AsyncKernelManager

    sockets = Path(tempfile.mkdtemp(prefix="wb-kernel-"))  # short path: a socket name has at most 107 bytes

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**{**kwargs, "transport": "ipc", "ip": str(sockets / "k")})

    try:
        return _papermill(run, kernel_manager_class=IPCKernelManager)
    finally:
        shutil.rmtree(sockets, ignore_errors=True)


def fork_executor(run: NotebookRun):
    register_engine()
    return _papermill(run, engine_name=ENGINE)


# -- the fork engine ------------------------------------------------------------------------------------------------
def register_engine() -> None:
    from papermill.engines import papermill_engines

    papermill_engines.register(ENGINE, ForkEngine)


def _engine_base():
    from papermill.engines import Engine

    return Engine


class ForkEngine(_engine_base()):
    """A papermill engine: the notebook's cells run in a forked child of this process (see the module docstring)."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, execution_timeout=None, **kwargs):
        import nbformat
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        child = _Child()
        try:
            for index, cell in enumerate(nb_man.nb.cells):
                nb_man.cell_start(cell, index)
                try:
                    if cell.cell_type != "code" or not cell.source.strip() \
                            or SKIP_TAG in cell.get("metadata", {}).get("tags", []):
                        continue
                    reply = child.run(cell.source, execution_timeout)
                    if reply is _Child.TIMEOUT:
                        raise CellTimeoutError.error_from_timeout_and_cell(
                            "A cell timed out while it was being executed", execution_timeout, cell)
                    if reply is _Child.DIED:
                        raise DeadKernelError(f"the notebook's process died ({child.how_it_ended()})")
                    cell.execution_count = reply["execution_count"]
                    cell.outputs = [nbformat.from_dict(output) for output in reply["outputs"]]
                    if reply["failed"]:
                        nb_man.cell_exception(cell, cell_index=index)
                        break
                finally:
                    nb_man.cell_complete(cell, cell_index=index)
        finally:
            child.stop()


class _Child:
    """A forked process running cells sent through a pipe; replies are the cells' outputs."""

    TIMEOUT, DIED = object(), object()

    def __init__(self) -> None:
        from multiprocessing import Pipe

        self.conn, theirs = Pipe()
        self.status: int | None = None
        # the death signal follows the thread that forks: set only when that thread lives as long as this process
        from_main = threading.current_thread() is threading.main_thread()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            code = 1
            try:
                if from_main:
                    die_with_parent()
                self.conn.close()
                _serve(theirs)
                code = 0
            finally:
                os._exit(code)
        theirs.close()

    def run(self, source: str, timeout: float | None):
        self.conn.send(source)
        try:
            if not self.conn.poll(timeout):
                self._kill()
                return self.TIMEOUT
            return self.conn.recv()
        except (EOFError, OSError):
            self._reap()
            return self.DIED

    def how_it_ended(self) -> str:
        if self.status is None:
            return "unknown status"
        if os.WIFSIGNALED(self.status):
            return f"killed by signal {os.WTERMSIG(self.status)}"
        return f"exit code {os.waitstatus_to_exitcode(self.status)}"

    def stop(self) -> None:
        if self.status is None:
            try:
                self.conn.send(None)  # the child leaves its loop
            except OSError:
                pass
            self._reap(grace=1.0)
        self.conn.close()

    def _kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._reap()

    def _reap(self, grace: float = 5.0) -> None:
        import time

        deadline = time.monotonic() + grace
        while self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
            elif time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                _, self.status = os.waitpid(self.pid, 0)
            else:
                time.sleep(0.01)


def die_with_parent() -> None:
    """Linux: this process is killed when its parent ends, even by ``kill -9`` (``PR_SET_PDEATHSIG``). The build's
    fork server, its workers and each forked notebook call it, so a stopped build leaves nothing running."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the signal was armed
        os._exit(1)


# -- in the child ---------------------------------------------------------------------------------------------------
def _serve(conn) -> None:
    """Run each cell received in one InteractiveShell; reply with its execution count and outputs."""
    import sys

    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C stops the cell, as in a kernel
    shell, outputs = _shell()
    sys.stdout, sys.stderr = _Stream("stdout", outputs), _Stream("stderr", outputs)
    while True:
        source = conn.recv()
        if source is None:
            return
        outputs.clear()
        result = shell.run_cell(source, store_history=True)
        conn.send({"execution_count": result.execution_count, "outputs": list(outputs),
                   "failed": not result.success})


def _shell():
    """A fresh InteractiveShell whose displays, results and tracebacks become notebook outputs, as in ipykernel."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    outputs: list[dict] = []

    def data_of(data: dict) -> dict:  # bytes (a PNG) travel as base64 text, as ipykernel sends them
        return {k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in data.items()}

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            outputs.append({"output_type": "display_data", "data": data_of(data), "metadata": metadata or {}})

        def clear_output(self, wait=False):
            outputs.clear()

    class Hook(DisplayHook):
        def start_displayhook(self):
            pass

        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            outputs.append({"output_type": "execute_result", "data": data_of(format_dict),
                            "metadata": md_dict or {}, "execution_count": self.prompt_count})

        def finish_displayhook(self):
            pass

    class Shell(InteractiveShell):
        def _showtraceback(self, etype, evalue, stb):
            outputs.append({"output_type": "error", "ename": etype.__name__, "evalue": str(evalue),
                            "traceback": list(stb)})

    config = Config()
    config.HistoryManager.enabled = False  # no SQLite history file per notebook
    shell = Shell(config=config, display_pub_class=Publisher, displayhook_class=Hook)
    InteractiveShell._instance = shell  # IPython.display.display() finds this shell
    return shell, outputs


class _Stream:
    """sys.stdout / sys.stderr of the child: consecutive writes become one stream output."""

    def __init__(self, name: str, outputs: list[dict]):
        self.name, self.outputs = name, outputs

    def write(self, text: str) -> int:
        last = self.outputs[-1] if self.outputs else None
        if last and last["output_type"] == "stream" and last["name"] == self.name:
            last["text"] += text
        elif text:
            self.outputs.append({"output_type": "stream", "name": self.name, "text": text})
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


EXECUTORS: dict[str, Callable[[NotebookRun], Any]] = {"fork": fork_executor, "kernel": kernel_executor}
