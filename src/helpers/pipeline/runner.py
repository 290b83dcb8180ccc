"""Build the annexes: validate, execute every notebook per annex with papermill, export one HTML annex each.

- Incremental: an annex is rebuilt only when one of its inputs changed (its params, its project's params and data,
  the notebooks, the helpers code, the pinned environment), decided by the checksum and modification time of each
  input recorded beside the annex (a file saved again counts as changed, as it would for make).
- Safe: params and data are validated before any kernel starts; each annex's files are written only when all of
  its notebooks succeeded, each to a temporary file moved into place, so a failure keeps the previous annex.
- Parallel: notebook runs of all annexes share worker processes (default: one per core), each notebook in a fresh
  fork of its worker or in its own kernel (executors), with an execution timeout and one retry when a kernel fails
  to start; an annex is exported as soon as its notebooks are done.
- Validated once: each project is validated once per build and written to build/validated/ (data.store), which
  the notebooks and the export read; an executed notebook is kept in build/cache/notebooks/ and reused while the
  inputs it declares (``reads``) and its code are unchanged.

This module imports nothing heavy at the top, so that "nothing to do" is said within a fraction of a second.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .. import fingerprint
from ..annex.words import say
from ..paths import (BUILD_DIR, DATA_DIR, NOTEBOOKS_DIR, PARAMS_DIR, REPO_ROOT, annex_names,
                     check_slug, project_names, relative, renderer_suffixes, under)

LOCK_FILE = REPO_ROOT / "requirements-lock.txt"
DEFAULT_TIMEOUT = 600
INTERRUPTED = "interrupted (Ctrl-C) before it was finished"


@dataclass(frozen=True)
class Layout:
    """Where the inputs are and where the outputs go (tests point it at temporary folders)."""

    data: Path = DATA_DIR
    params: Path = PARAMS_DIR
    notebooks: Path = NOTEBOOKS_DIR
    build: Path = BUILD_DIR
    archive: Path | None = None  # None: archive/ beside build/ (build.archive), outside it so make clean keeps it

    def archive_dir(self) -> Path:
        """Where the annexes' figures are kept per reporting date: ``archive`` when given, else archive/ beside a
        folder named build (the repository's), else ``<build>-archive`` beside it (a test's own)."""
        from ..data.archive import beside

        return self.archive if self.archive is not None else beside(self.build)

    def annex_dir(self, project: str) -> Path:
        return under(self.build, "annexes", check_slug(project, "project"))

    def failed_dir(self, project: str, annex: str) -> Path:
        return under(self.build, "failed", check_slug(project, "project"), check_slug(annex, "annex"))

    def work_dir(self, project: str, annex: str) -> Path:
        return under(self.build, ".work", check_slug(project, "project"), check_slug(annex, "annex"))


@dataclass(frozen=True)
class Target:
    project: str
    annex: str

    def __str__(self) -> str:
        return f"{self.project}/{self.annex}"

    def outputs(self, layout: Layout) -> dict[str, Path]:
        """The annex's files: one per renderer (annex/renderers/<name>.py), and the stamp of its inputs."""
        folder = layout.annex_dir(self.project)
        files = {name: folder / f"{self.annex}{suffix}" for name, suffix in renderer_suffixes().items()}
        return {**files, "stamp": folder / f"{self.annex}.inputs.json"}


@dataclass
class Result:
    target: Target
    ok: bool
    seconds: float
    steps: list[tuple[str, float]] = field(default_factory=list)   # (notebook or step, seconds)
    error: str = ""


@dataclass(frozen=True)
class Options:
    """How a build runs: given once to the scheduler and to every step, instead of long argument lists."""

    language: str = ""              # "" = each annex's own; what changes the output (the timeout does not)
    timeout: int = DEFAULT_TIMEOUT  # seconds per cell
    isolation: str = "fork"         # executors.ISOLATIONS: a fork of the worker, or a fresh kernel
    force: bool = False             # rebuild and rerun every notebook, even when current or kept
    jobs: int | None = None         # local workers (default: one per core)
    scheduler: str | None = None    # a Dask scheduler's address: the notebook runs go there (dask_executor)


@dataclass(frozen=True)
class NotebookTask:
    """One notebook run of one annex, as any executor receives it (local fork, local kernel, Dask)."""

    target: Target
    notebook: Path
    layout: Layout
    options: Options
    key: str = ""                   # notebook_key: the executed notebook is kept in build/cache/notebooks/ under it


def cached_notebook(layout: Layout, key: str) -> Path:
    """Where an executed notebook is kept under its key (notebook_key)."""
    return layout.build / "cache" / "notebooks" / f"{key}.ipynb"


# -- what to build --------------------------------------------------------------------------------------------------
def notebook_paths(layout: Layout) -> list[Path]:
    """Every notebook of notebooks/, in file-name order: that order is the order of the annex's sections."""
    return sorted(p for p in layout.notebooks.glob("*.ipynb") if not p.name.startswith("."))


def discover(layout: Layout, project: str | None = None, annex: str | None = None) -> list[Target]:
    """The annexes to consider: every annex of every project, or of one project, or one annex."""
    from ..errors import ValidationFailed, no_such

    projects = project_names(layout.params)
    if project is not None:
        if check_slug(project, "project") not in projects:
            raise ValidationFailed([no_such(relative(layout.params / project / "project.yaml"), "missing_project",
                                            "project", project, projects)])
        projects = [project]
    targets = []
    for name in projects:
        annexes = annex_names(name, layout.params)
        if annex is not None:
            if check_slug(annex, "annex") not in annexes:
                raise ValidationFailed([no_such(relative(layout.params / name / f"{annex}.yaml"), "missing_annex",
                                                f"annex in '{name}' named", annex, annexes)])
            annexes = [annex]
        targets += [Target(name, a) for a in annexes]
    return targets


class Fingerprints:
    """The inputs of an annex with their digests (helpers.fingerprint: each file read once per build)."""

    def of(self, path: Path) -> str:
        return fingerprint.digest(path)

    def inputs(self, target: Target, layout: Layout, options: dict) -> dict:
        files = [layout.params / target.project / "project.yaml", layout.params / target.project / f"{target.annex}.yaml",
                 *fingerprint.files_under(layout.data / target.project), *notebook_paths(layout),
                 *fingerprint.code_files(), *_previous_figures(target, layout)]
        if LOCK_FILE.is_file():
            files.append(LOCK_FILE)
        return {"options": options,
                "files": {relative(p): [self.of(p), p.stat().st_mtime_ns] for p in files if p.is_file()}}


def _previous_figures(target: Target, layout: Layout) -> list[Path]:
    """The archived figures the annex is compared with (data.archive): an input of the annex and its notebooks.
    The file this build keeps (its own reporting date) is never one of them."""
    from ..data.archive import previous_file, reporting_date_of

    day = reporting_date_of(layout.params, target.project, target.annex)
    found = previous_file(layout.archive_dir(), target.project, target.annex, day) if day else None
    return [found[1]] if found else []


def is_current(target: Target, layout: Layout, inputs: dict) -> bool:
    outputs = target.outputs(layout)
    if not all(p.is_file() for p in outputs.values()):
        return False
    try:
        return json.loads(outputs["stamp"].read_text(encoding="utf-8")) == inputs
    except (OSError, ValueError):
        return False


# -- the work of one task (runs in a worker process) ---------------------------------------------------------------
_events = None  # a queue to the parent, set in each worker


def _init_worker(events, log_dir: Path) -> None:
    global _events
    _events = events
    from .executors import die_with_parent

    die_with_parent()  # a worker ends with the fork server, which ends with the build (worker_preload)
    # Kernels inherit this process's stderr and chatter on it (transport warnings, papermill's notices): keep that in
    # a log instead of the evaluator's terminal. Failures reach the terminal through the Step each task returns.
    # Ctrl-C reaches every process of the terminal's group: a worker then stops its notebook and papermill shuts the
    # kernel down on the way out.
    log_dir.mkdir(parents=True, exist_ok=True)
    log = open(log_dir / f"worker-{os.getpid()}.log", "ab", buffering=0)  # noqa: SIM115 - lives with the process
    os.dup2(log.fileno(), 2)


def _emit(kind: str, target: Target, name: str, seconds: float = 0.0, detail: str = "", events=None) -> None:
    """A progress event to the parent: to ``events`` when given (an executor's own sink), else to the worker's queue."""
    sink = events if events is not None else _events
    if sink is not None:
        sink.put((kind, str(target), name, seconds, detail))


@dataclass(frozen=True)
class Step:
    """What one task did: a notebook run for one annex, or the export of an annex."""

    target: Target
    name: str
    ok: bool
    seconds: float
    error: str = ""


def _execute(notebook: Path, output: Path, target: Target, layout: Layout, timeout: int, language: str,
             isolation: str = "fork", events=None) -> None:
    """Run one notebook with papermill (executors: a fork of this worker, or a fresh kernel); one retry when a
    kernel fails to start."""
    import zmq

    from .executors import NotebookRun, execute

    parameters = {"project": target.project, "annex": target.annex, "language": language,
                  "data_dir": str(layout.data), "params_dir": str(layout.params)}
    run = NotebookRun(notebook, output, parameters, cwd=layout.notebooks, timeout=timeout)
    for attempt in (1, 2):
        try:
            execute(run, isolation)
            return
        except (RuntimeError, TimeoutError, zmq.ZMQError) as exc:
            started = output.is_file() and _ran_any_cell(output)
            if attempt == 2 or started or "Kernel" not in f"{type(exc).__name__} {exc}" and not isinstance(
                    exc, zmq.ZMQError):
                raise
            _emit("retry", target, notebook.name, detail=str(exc), events=events)   # (said in the build's language)


def _ran_any_cell(path: Path) -> bool:
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return False
    return any(c.get("execution_count") for c in cells if c.get("cell_type") == "code")


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (papermill's ``evalue`` when it has one)."""
    text = str(getattr(exc, "evalue", exc)).strip()
    return text.splitlines()[0] if text else ""


def _describe_failure(exc: BaseException, notebook: Path, kept: Path | None, timeout: int) -> str:
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        what = f"cell {exc.cell_index + 1} (In [{exc.exec_count}]) raised {exc.ename}: {first_line(exc)}"
    elif isinstance(exc, CellTimeoutError) or "timed out" in str(exc).lower():
        what = f"a cell ran longer than the timeout of {timeout} s (raise it with TIMEOUT=...)"
    elif isinstance(exc, DeadKernelError) or "dead" in str(exc).lower():
        what = f"the kernel died ({type(exc).__name__}: {first_line(exc)})"
    else:
        what = f"{type(exc).__name__}: {first_line(exc)}"
    text = f"notebook {notebook.name}: {what}"
    if kept is not None:
        text += f"\n    The executed notebook is kept for inspection: {relative(kept)} (open it with make lab to read " \
                "the error, correct the data or the notebook, then build again)"
    return text


def notebook_key(prints: Fingerprints, target: Target, notebook: Path, layout: Layout, language: str) -> str:
    """What an executed notebook depends on: the notebook, its parameters, the annex's params, the data files of
    the inputs it declares (``reads``), the helpers code and the pinned environment."""
    from ..annex.declared import EVERYTHING, FIGURES, STUDIES, SURVEYS, declared_reads

    reads = declared_reads(notebook)
    folder = layout.data / target.project
    if reads is None or EVERYTHING in reads or FIGURES in reads:   # the figures are made of every input
        data = fingerprint.files_under(folder)
    else:
        data = [folder / f"{name}{suffix}" for name in reads if name not in (STUDIES, SURVEYS, FIGURES)
                for suffix in (".csv", ".xlsx")]
        data += fingerprint.files_under(folder / "impact") if STUDIES in reads else []
        data += fingerprint.files_under(folder / "surveys") if SURVEYS in reads else []
    files = [notebook, layout.params / target.project / "project.yaml",
             layout.params / target.project / f"{target.annex}.yaml", *data, *fingerprint.code_files(), LOCK_FILE,
             *_previous_figures(target, layout)]
    return fingerprint.key("notebook", target.project, target.annex, language, str(layout.data), str(layout.params),
                           sys.version, files=[p for p in files if p.is_file()])


def run_notebook(task: NotebookTask, events=None) -> Step:
    """Execute one notebook for one annex into the annex's work folder. Never raises (but for Ctrl-C).

    With ``task.key`` (notebook_key) the executed notebook is kept in build/cache/notebooks/; unless
    ``task.options.force``, a kept one is used instead of running the notebook again. ``events``: where progress
    goes (default: the worker's queue to the parent).
    """
    from ..analyses import computed
    from ..files import write_atomic
    from ..data import store
    from ..paths import ARCHIVE_ENV

    target, notebook, layout, options = task.target, task.notebook, task.layout, task.options
    started = time.perf_counter()
    os.environ[store.ENV] = str(_store_root(layout))  # the kernel (or fork) reads the validated project there
    os.environ[ARCHIVE_ENV] = str(layout.archive_dir())  # ... and the figures of the earlier annexes there
    os.environ[computed.ENV] = str(_figures_root(layout))  # ... and this build's figures of the annex there
    work = layout.work_dir(target.project, target.annex)
    work.mkdir(parents=True, exist_ok=True)
    output = work / notebook.name
    cached = cached_notebook(layout, task.key) if task.key else None
    if not options.force and cached is not None and cached.is_file():
        shutil.copyfile(cached, output)
        seconds = time.perf_counter() - started
        _emit("notebook", target, f"{notebook.stem} (unchanged)", seconds, events=events)
        return Step(target, notebook.stem, True, seconds)
    try:
        _execute(notebook, output, target, layout, options.timeout, options.language, options.isolation, events)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cached, output.read_bytes())
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message; the other annexes go on
        kept = None
        if output.is_file():
            kept = layout.failed_dir(target.project, target.annex) / notebook.name
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(output, kept)
        error = _describe_failure(exc, notebook, kept, options.timeout)
        _emit("failed", target, notebook.name, time.perf_counter() - started, error, events=events)
        return Step(target, notebook.stem, False, time.perf_counter() - started, error)
    seconds = time.perf_counter() - started
    _emit("notebook", target, notebook.stem, seconds, events=events)
    return Step(target, notebook.stem, True, seconds)


def _figures_root(layout: Layout) -> Path:
    """Where the figures step writes each annex's figures: <root>/<project>/<annex>/figures.parquet, that is in the
    annex's work folder (emptied before its notebooks run and after its export)."""
    return layout.build / ".work"


def impact_key(target: Target, layout: Layout, language: str) -> str:
    """What an annex's impact figures depend on: the studies' files, the params (the annex's country, the project's
    encoding...), the code and the pinned environment (helpers.fingerprint)."""
    files = [layout.params / target.project / "project.yaml", layout.params / target.project / f"{target.annex}.yaml",
             *fingerprint.files_under(layout.data / target.project / "impact"), *fingerprint.code_files(), LOCK_FILE]
    return fingerprint.key("impact figures", target.project, target.annex, language, str(layout.data),
                           str(layout.params), sys.version, files=[p for p in files if p.is_file()])


def compute_figures(target: Target, layout: Layout, language: str) -> Step:
    """The figures step: the annex's figures (analyses.figures.annex_figures), computed once per build into its work
    folder, where the notebooks that declare ``"figures"`` and the export read them (analyses.computed). The impact
    figures are kept in build/cache/figures/ under impact_key. Never raises (but for Ctrl-C).

    It runs in a fork of the worker, as a notebook does: the libraries' thread pools it starts (polars' for the
    surveys, Arrow's) would deadlock the notebooks forked from this worker afterwards."""
    started = time.perf_counter()
    error = _in_fork(_write_figures, target, layout, language)
    if error:
        error = f"figures: {error}"
        _emit("failed", target, "figures", time.perf_counter() - started, error)
        return Step(target, "figures", False, time.perf_counter() - started, error)
    seconds = time.perf_counter() - started
    _emit("notebook", target, "figures", seconds)
    return Step(target, "figures", True, seconds)


def _in_fork(function, *args) -> str:
    """Run ``function(*args)`` in a fork of this process: '' when it returned, else what it raised (one line)."""
    from .executors import die_with_parent

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into the worker's code
        code = 1
        try:
            os.close(read)
            die_with_parent()
            function(*args)
            code = 0
        except BaseException as exc:  # noqa: BLE001 - the message goes to the parent
            os.write(write, f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")[:4000])
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode("utf-8", "replace")
    _, status = os.waitpid(pid, 0)
    if status and not message:
        message = f"the process computing them ended abnormally (status {status})"
    return message


def _write_figures(target: Target, layout: Layout, language: str) -> None:
    from ..analyses import computed
    from ..analyses.figures import annex_figures, annex_impact_figures
    from ..data import store
    from ..data.loader import load_project
    from ..data.params import load_annex_params

    params = load_annex_params(target.project, target.annex, layout.params)
    if language:
        params = params.model_copy(update={"language": language})
    data = store.load(_store_root(layout), target.project, layout.data, layout.params) \
        or load_project(target.project, layout.data, layout.params)
    kept = layout.build / "cache" / "figures" / f"impact-{impact_key(target, layout, language)}.parquet"
    what = {"impact": str(target)}
    impact = computed.load(kept, what)
    if impact is None:
        computed.save(annex_impact_figures(data, params), kept, what)
        impact = computed.load(kept, what)   # read back: the same frame a later build reads
    figures = annex_figures(data, params, impact=impact)
    computed.save(figures, computed.path_for(_figures_root(layout), target.project, target.annex),
                  computed.about(params))


def _annex_figures(target: Target, layout: Layout, data, params):
    """The figures step's figures of the annex; computed here when there are none (a figures step of another
    language, a test calling the export alone)."""
    from ..analyses import computed
    from ..analyses.figures import annex_figures

    found = computed.load(computed.path_for(_figures_root(layout), target.project, target.annex),
                          computed.about(params))
    return found if found is not None else annex_figures(data, params)


def export_annex(target: Target, notebooks: list[Path], layout: Layout, language: str, when) -> Step:
    """Merge an annex's executed notebooks into its HTML and write its files. Never raises (but for Ctrl-C).

    ``when`` is the generation time the parent decided (SOURCE_DATE_EPOCH or now): workers fork from a server
    started earlier, whose environment may be older than the parent's.
    """
    import nbformat

    from ..annex import export
    from ..annex.renderers import RenderedAnnex, render_all
    from ..annex.words import say
    from ..files import staged
    from ..analyses.change import with_previous
    from ..data import archive, store
    from ..data.inputs import recording
    from .archive import keep
    from ..data.loader import load_project
    from ..data.params import load_annex_params, word_template_path

    started = time.perf_counter()
    work = layout.work_dir(target.project, target.annex)
    try:
        executed = [nbformat.read(work / notebook.name, as_version=4) for notebook in notebooks]
        with recording() as params_read:  # the checksums of the params bytes this export used
            params = load_annex_params(target.project, target.annex, layout.params)
        if language:
            params = params.model_copy(update={"language": language})
        data = store.load(_store_root(layout), target.project, layout.data, layout.params) \
            or load_project(target.project, layout.data, layout.params)
        previous = archive.previous(layout.archive_dir(), target.project, target.annex, params.reporting_date)
        figures = with_previous(_annex_figures(target, layout, data, params), previous)
        param_files = [layout.params / target.project / "project.yaml",
                       layout.params / target.project / f"{target.annex}.yaml"]
        merged = export.merge(executed, params.language)
        kicker = say("kicker", params.language, project=params.name)
        page = export.render(merged, {
            "lang": params.language,
            "title": params.title,
            "annex_name": params.name,
            "kicker": kicker,
            "facts": export.facts(params, data.files),
            "provenance": export.provenance([*data.files, *param_files], when, {**data.digests, **params_read}),
        })
        rendered = render_all(RenderedAnnex(merged, page, figures, params, params.language, params.title, kicker,
                                            word_template_path(params, layout.params), when))
        undrawn, n_undrawn = export.undrawn_texts(page)
        if undrawn:   # boxes in the figures (and in a PDF without a font for them): the evaluator is told here
            _emit("warning", target, "export", detail=say(
                "build_undrawn", params.language, n=n_undrawn, font=export.FIGURE_FONT,
                texts=say("list_separator", params.language).join(
                    say("build_undrawn_text", params.language, text=t, script=w) for t, w in undrawn)))
        with staged(layout.annex_dir(target.project)) as files:
            files.update({f"{target.annex}{suffix}": content for suffix, content in rendered.items()})
        keep(layout.archive_dir(), target.project, target.annex, params.reporting_date, rendered[".figures.csv"])
        shutil.rmtree(layout.failed_dir(target.project, target.annex), ignore_errors=True)
    except Exception as exc:  # noqa: BLE001
        error = f"export: {type(exc).__name__}: {exc}"
        _emit("failed", target, "export", time.perf_counter() - started, error)
        return Step(target, "export", False, time.perf_counter() - started, error)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = time.perf_counter() - started
    _emit("notebook", target, "export", seconds)
    return Step(target, "export", True, seconds)


# -- the whole run (parent process) ---------------------------------------------------------------------------------
def _say(text: str) -> None:
    from tqdm import tqdm

    tqdm.write(text, file=sys.stdout)


def _listen(events, bar, stop: threading.Event, lang: str = "en") -> None:
    """The progress line of each notebook, in the build's language (« 3,2 s », « ÉCHEC après »)."""
    import queue

    while not stop.is_set() or not events.empty():
        try:
            kind, target, name, seconds, detail = events.get(timeout=0.1)
        except queue.Empty:
            continue
        except (EOFError, OSError):
            return
        if kind == "notebook":
            _say(f"  {target:<28} {name:<22} {_seconds(seconds, lang):>6} s")
        elif kind == "retry":
            _say(f"  {target:<28} {name:<22} {say('build_retry', lang, error=detail)}")
        elif kind == "failed":
            _say(f"  {target:<28} {name:<22} {say('build_failed_after', lang, seconds=_seconds(seconds, lang))}")
        elif kind == "warning":
            _say(f"  {target:<28} {detail}")


def _unwritable_build_is_one_line(function):
    """A build/ that cannot be written (read-only, full, a file in its place) ends the run with one line, after the
    problems already printed, instead of a PermissionError traceback."""
    import functools
    import inspect

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except OSError as exc:
            layout = inspect.signature(function).bind(*args, **kwargs).arguments.get("layout", Layout())
            build = layout.build.resolve()
            if not exc.filename or not (Path(exc.filename).resolve() == build
                                        or build in Path(exc.filename).resolve().parents):
                raise
            print(f"Cannot write in {relative(layout.build)}/ ({exc.strerror}: {relative(Path(exc.filename or ''))})"
                  ": make it writable (or delete it), then run the build again.", file=sys.stderr)
            return 2
    return wrapper


@_unwritable_build_is_one_line
def build(project: str | None = None, annex: str | None = None, jobs: int | None = None,
          timeout: int = DEFAULT_TIMEOUT, language: str = "", force: bool = False,
          layout: Layout = Layout(), isolation: str = "fork", scheduler: str | None = None) -> int:
    """Build the annexes that are out of date. Returns the exit code: 0 when all asked for were built or current."""
    from ..errors import ValidationFailed

    started = time.perf_counter()
    options = Options(language=language, timeout=timeout, isolation=isolation, force=force, jobs=jobs,
                      scheduler=scheduler)
    try:
        targets = discover(layout, project, annex)
    except ValidationFailed as exc:
        print("\n".join(str(p) for p in exc.problems), file=sys.stderr)
        return 2
    if not targets:
        from .messages import project_language

        print(say("build_no_annex", project_language(project, layout.params) if project else "fr",
                  path=relative(layout.params)))
        return 2
    if language and language not in ("fr", "en"):
        print(f"Language {language!r} is not available: use fr or en.", file=sys.stderr)
        return 2

    lang = _said_in({t.project for t in targets}, layout)
    prints = Fingerprints()
    changes = {"language": language}  # what changes the output; the timeout does not
    inputs = {t: prints.inputs(t, layout, changes) for t in targets}
    stale = [t for t in targets if force or not is_current(t, layout, inputs[t])]
    if not stale:
        print(say("build_nothing", lang, n=len(targets), path=relative(layout.build / 'annexes'),
                  seconds=_seconds(time.perf_counter() - started, lang, 2)))
        return 0

    if not scheduler:  # (with a cluster, an unreachable scheduler is said first, within seconds)
        _start_fork_server()  # it imports the heavy libraries while this process validates
    # one broken project does not stop the others: its annexes are left out, the exit is non-zero
    broken = _validate({t.project for t in stale}, layout, prints)
    stale = [t for t in stale if t.project not in broken]
    if not stale:
        print(say("build_none_built", lang, n=len(targets) - sum(t.project in broken for t in targets)))
        _not_built(broken, lang)
        return 1

    with _exclusive(layout, lang):
        # a build that ran while this one waited may have done the work already
        stale = [t for t in stale if force or not is_current(t, layout, inputs[t])]
        if not stale:
            print(say("build_nothing_left", lang))
            return 1 if broken else 0
        code = _build_stale(stale, targets, layout, options, inputs, started, lang)
    _not_built(broken, lang)
    return code or (1 if broken else 0)


def _said_in(projects: set[str], layout: "Layout") -> str:
    """The language of the build's own lines: the projects' (project.yaml's `language`, French by default, as make
    check speaks), English when they differ (a French project's build said all in English)."""
    from .messages import project_language

    languages = {project_language(name, layout.params) for name in projects}
    return languages.pop() if len(languages) == 1 else "en"


def _seconds(seconds: float, lang: str, decimals: int = 1) -> str:
    return f"{seconds:.{decimals}f}".replace(".", "," if lang == "fr" else ".")


def _not_built(broken: set[str], lang: str) -> None:
    for name in sorted(broken):
        print(say("build_not_built", lang, project=name))


@contextmanager
def _exclusive(layout: Layout, lang: str = "en"):
    """One build at a time per build folder: a second one waits instead of mixing its files with the first's."""
    import fcntl

    layout.build.mkdir(parents=True, exist_ok=True)
    with open(layout.build / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(say("build_waiting", lang), flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _build_stale(stale: list[Target], targets: list[Target], layout: Layout, options: Options, inputs: dict,
                 started: float, lang: str = "en") -> int:
    remote = None
    jobs = options.jobs
    if options.scheduler:  # the notebook runs go to a Dask cluster (dask_executor.py); the rest stays here
        from .dask_executor import ClusterError, DaskNotebooks

        try:
            remote = DaskNotebooks.connect(options.scheduler, lang)
        except ClusterError as exc:
            from .messages import sentence

            print(sentence(str(exc), lang), file=sys.stderr)
            return 2
        jobs = remote.workers
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(stale) * max(1, len(notebook_paths(layout)))))
    print(say("build_building", lang, n=len(stale), total=len(targets), jobs=jobs,
              notebooks=len(notebook_paths(layout)), timeout=options.timeout))
    results, interrupted = _run_pool(stale, layout, jobs, options, inputs, remote, lang)

    built = [r for r in results if r.ok]
    failed = [r for r in results if not r.ok]
    for r in failed:   # (a figures or export step keeps no notebook there: the folder says the build failed)
        if r.error != INTERRUPTED:
            layout.failed_dir(r.target.project, r.target.annex).mkdir(parents=True, exist_ok=True)
    _write_index(layout, options.language, {t.project for t in targets})
    print()
    print(say("build_built", lang, built=len(built), failed=len(failed), current=len(targets) - len(stale),
              seconds=_seconds(time.perf_counter() - started, lang)))
    for r in built:
        print(f"  ok      {r.target}  -> {relative(r.target.outputs(layout)['html'])}  "
              f"({_seconds(r.seconds, lang)} s)")
    from .messages import sentence

    for r in failed:   # (which annex, which notebook and cell, where the executed notebook is: in the language)
        print(f"  {say('build_failed', lang)} {r.target}{say('check_where_colon', lang)} {sentence(r.error, lang)}")
    if failed:
        print(say("build_failed_keep", lang))
        return 130 if interrupted else 1
    return 0


def _validate(projects: set[str], layout: Layout, prints: Fingerprints | None = None) -> set[str]:
    """No annex of a project with invalid input starts: print every problem of every project and return the
    projects that have errors (the others are built).

    A valid project is written once to the build's store (data.store), which the notebooks and the export read
    instead of loading and validating it again; a store made from the same inputs is reused as it is.
    """
    from ..data import store
    from ..data.archive import orphan_problems
    from ..data.loader import check_and_load
    from ..annex.words import say
    from .check import print_grouped, print_summary
    from .messages import project_language

    prints = prints or Fingerprints()
    broken: set[str] = set()
    for name in sorted(projects):
        made_from = store.key(name, layout.data, layout.params)
        if store.current(_store_root(layout), name, made_from):
            continue
        problems, data = check_and_load(name, layout.data, layout.params)
        problems += orphan_problems(layout.archive_dir(), name, annex_names(name, layout.params)) \
            if (layout.params / name).is_dir() else []
        for problem in (p for p in problems if p.rule == "duplicate_annex"):   # a warning a build must show too
            print(problem, file=sys.stderr)
        if data is not None:
            store.save(data, _store_root(layout), made_from, layout.data, layout.params)
        errors = [p for p in problems if p.severity == "error"]
        lang = project_language(name, layout.params)   # (its messages in the annexes' language, as make check's)
        if errors:
            broken.add(name)
            print(say("check_build_errors", lang, project=name, n=len(errors)), file=sys.stderr)
            print_grouped(errors, sys.stderr, None, lang)  # a file broken on every row: ten rows and the count
        # a build reads the same cells as `make check`: an evaluator who only builds sees what may be misread too
        warnings = [p for p in problems if p.severity != "error" and p.rule != "duplicate_annex"]
        if warnings and not errors:
            print(say("check_build_warnings", lang, project=name, n=len(warnings)))
            print_summary(warnings, sys.stdout, lang)
    if broken:
        print(say("build_fix", _said_in(broken, layout)), file=sys.stderr)
    return broken


def _store_root(layout: Layout) -> Path:
    return layout.build / "validated"


class _Schedule:
    """Which task runs next. Each annex's figures step goes first; notebook runs of all annexes share the workers (an
    annex's notebooks run side by side), those that read the figures once its figures step is done; an annex's export
    goes first as soon as its notebooks are done, so finished annexes appear early."""

    def __init__(self, stale: list[Target], notebooks: list[Path], after_figures: frozenset = frozenset()):
        self.queue: deque = deque()
        self.held: dict[Target, list] = {}        # notebook runs waiting for their annex's figures
        for t in stale:
            self.queue.append(("figures", t, None))
            self.queue.extend(("notebook", t, nb) for nb in notebooks if nb not in after_figures)
            self.held[t] = [("notebook", t, nb) for nb in notebooks if nb in after_figures]
        self.left = {t: len(notebooks) + 1 for t in stale}     # figures and notebook runs not yet reported
        self.steps: dict[Target, list[Step]] = {t: [] for t in stale}
        self.failed: dict[Target, str] = {}

    def record(self, step: Step) -> str:
        """Note a finished task; say what follows for its annex: "wait", "export", "done" or "failed"."""
        self.steps[step.target].append(step)
        if step.name == "export":
            return "done" if step.ok else self._fail(step.target, step.error)
        if not step.ok and step.target not in self.failed:
            self._fail(step.target, step.error)
        if step.name == "figures" and step.ok and step.target not in self.failed:
            self.queue.extendleft(reversed(self.held.pop(step.target, [])))
        self.left[step.target] -= 1
        if self.left[step.target] > 0:
            return "wait"
        return "failed" if step.target in self.failed else "export"

    def _fail(self, target: Target, error: str) -> str:
        self.failed[target] = error
        # the annex will not be exported: its notebooks still waiting would be wasted work
        dropped = [task for task in self.queue if task[1] == target] + self.held.pop(target, [])
        self.queue = deque(task for task in self.queue if task[1] != target)
        self.left[target] -= len(dropped)
        return "failed"

    def result(self, target: Target, ok: bool, error: str = "") -> Result:
        steps = self.steps[target]
        return Result(target, ok, sum(s.seconds for s in steps), [(s.name, s.seconds) for s in steps], error)


def _start_fork_server():
    """The multiprocessing context of the workers, its fork server started (it imports the heavy libraries once,
    worker_preload, in its own process: started before validation, that time overlaps it)."""
    import multiprocessing
    from multiprocessing import forkserver

    # The build is parallel across notebook runs (one worker per core); a multithreaded BLAS inside each kernel would
    # oversubscribe the cores and, measured, run the impact regressions twice as slow. The fork server, the workers
    # and their kernels inherit this environment.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    context = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has already imported the heavy libraries once.
    context.set_forkserver_preload(["helpers.pipeline.worker_preload"])
    forkserver.ensure_running()
    return context


class NotebookExecutor(Protocol):
    """Where the notebook runs go: LocalNotebooks (the build's workers: a fork of the worker or a fresh kernel, as
    Options.isolation says) or dask_executor.DaskNotebooks (a Dask cluster). A new executor implements these three;
    the scheduler (_run_pool) keeps the rest: the notebook cache, the figures step, the export, every write."""

    @property
    def slots(self) -> int:
        """How many runs to keep in flight."""

    def submit(self, task: NotebookTask, events) -> Future:
        """Start ``task``; the future gives its Step. Progress events go to ``events`` (a queue's ``put``)."""

    def close(self) -> None:
        """Let go of what is still running (the build was interrupted or is over)."""


class LocalNotebooks:
    """The build's own worker processes (each notebook in a fork of its worker, or in a fresh kernel)."""

    def __init__(self, pool, jobs: int):
        self.pool, self.jobs = pool, jobs

    @property
    def slots(self) -> int:
        return self.jobs

    def submit(self, task: NotebookTask, events) -> Future:
        return self.pool.submit(run_notebook, task)   # the worker's events go to its queue (_init_worker)

    def close(self) -> None:
        pass   # the pool is shut down by the scheduler, which owns it (the figures and exports run there too)


def _run_pool(stale: list[Target], layout: Layout, jobs: int, options: Options, inputs: dict,
              remote: NotebookExecutor | None = None, lang: str = "en") -> tuple[list[Result], bool]:
    """Build the stale annexes in worker processes; returns the results and whether the run was interrupted.

    The steps of an annex: its figures, its notebook runs (an executor's; a run whose executed notebook is kept
    under its key is taken from the cache by the local workers, whatever the executor), its export; then the
    stamp of its inputs. The index follows all annexes (_build_stale)."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from tqdm import tqdm

    from ..annex.export import generated_at
    from ..files import write_atomic

    context = _start_fork_server()
    events = context.Queue()
    prints = Fingerprints()
    notebooks = notebook_paths(layout)
    schedule = _Schedule(stale, notebooks, _reading_figures(notebooks))
    when = generated_at()
    for target in stale:
        shutil.rmtree(layout.work_dir(target.project, target.annex), ignore_errors=True)
    shutil.rmtree(layout.build / "logs", ignore_errors=True)  # the kernels' chatter of the last build only
    results: list[Result] = []
    interrupted = False
    stop = threading.Event()
    # The bar redraws only on a terminal; in a log (CI) the per-notebook lines and the summary say it all.
    with tqdm(total=len(stale), unit="annex", desc="annexes", file=sys.stderr, leave=True,
              disable=not sys.stderr.isatty(),
              bar_format="{desc}: {n_fmt}/{total_fmt} |{bar:30}| {elapsed} elapsed") as bar:
        listener = threading.Thread(target=_listen, args=(events, bar, stop, lang), daemon=True)
        listener.start()
        pool = ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or 1) if remote else jobs, mp_context=context,
                                   initializer=_init_worker, initargs=(events, layout.build / "logs"))
        local = LocalNotebooks(pool, jobs)
        executor: NotebookExecutor = remote or local
        running = set()
        previous = _stop_on_sigterm(pool)
        try:
            while schedule.queue or running:
                while schedule.queue and len(running) < executor.slots:
                    kind, target, notebook = schedule.queue.popleft()
                    if kind == "notebook":
                        key = notebook_key(prints, target, notebook, layout, options.language)
                        task = NotebookTask(target, notebook, layout, options, key)
                        kept = not options.force and cached_notebook(layout, key).is_file()
                        running.add((local if kept else executor).submit(task, events))
                    elif kind == "figures":
                        running.add(pool.submit(compute_figures, target, layout, options.language))
                    else:
                        running.add(pool.submit(export_annex, target, notebooks, layout, options.language, when))
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    step = future.result()
                    outcome = schedule.record(step)
                    target = step.target
                    if outcome == "export":
                        schedule.queue.appendleft(("export", target, None))
                    elif outcome == "done":
                        write_atomic(target.outputs(layout)["stamp"],
                                     json.dumps(inputs[target], indent=1, sort_keys=True).encode("utf-8"))
                        results.append(schedule.result(target, ok=True))
                        bar.update(1)
                    elif outcome == "failed":
                        shutil.rmtree(layout.work_dir(target.project, target.annex), ignore_errors=True)
                        results.append(schedule.result(target, ok=False, error=schedule.failed[target]))
                        bar.update(1)
        except KeyboardInterrupt:
            interrupted = True
            _say(say("build_interrupted", lang))
            pool.shutdown(wait=True, cancel_futures=True)
            done = {r.target for r in results}
            results += [Result(t, ok=False, seconds=0.0, error=INTERRUPTED) for t in stale if t not in done]
            for target in stale:
                shutil.rmtree(layout.work_dir(target.project, target.annex), ignore_errors=True)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
            executor.close()
            pool.shutdown(wait=True, cancel_futures=True)
            stop.set()
            listener.join(timeout=2)
    return results, interrupted


def _reading_figures(notebooks: list[Path]) -> frozenset:
    """The notebooks that declare ``"figures"``: they run after their annex's figures step."""
    from ..annex.declared import FIGURES, declared_reads

    return frozenset(nb for nb in notebooks if FIGURES in (declared_reads(nb) or ()))


def _stop_on_sigterm(pool):
    """SIGTERM (kill, a CI job's timeout) stops the run as Ctrl-C does: each worker gets SIGINT and stops its
    notebook, this process a KeyboardInterrupt. Returns the previous handler (None off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                os.kill(process.pid, signal.SIGINT)
            except (ProcessLookupError, AttributeError, TypeError):
                pass
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, handler)


def _write_index(layout: Layout, language: str = "", built: set[str] | None = None) -> None:
    """build/annexes/index.html, in the language of the annexes just built: the build's --language, else that of
    its projects (``built``; every project of params/ when None) when they share one, else French, the annexes'
    default. An English project's index was French (« Annexes d'évaluation », « Exécution physique », « 25,0 % »)
    beside its English annexes, the sample's French project in params/ or not."""
    from ..files import write_atomic
    from ..annex.index import render_index
    from .messages import project_language

    root = layout.build / "annexes"
    if not root.is_dir():
        return
    projects = project_names(layout.params)
    current = {(p, a) for p in projects for a in annex_names(p, layout.params)}
    # an annex whose last build failed keeps its earlier files: the index says they are not of the current data
    failed = {(p, a) for p, a in current if (layout.build / "failed" / p / a).is_dir()}
    languages = {project_language(p, layout.params) for p in (projects if built is None else built)}
    lang = language or (languages.pop() if len(languages) == 1 else "fr")
    page = render_index(root, lang, current=current, failed=failed).encode("utf-8")
    index = root / "index.html"
    if not index.is_file() or index.read_bytes() != page:  # unchanged, it keeps its date (a browser's cache, rsync)
        write_atomic(index, page)
