"""Command line: python -m helpers {check,build,pdf,synthesize,import-iati}. The Makefile's targets call these."""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys

from .paths import UnsafeName, check_slug

# Arrow's default allocator (mimalloc) hands freed pages back to the system at once, and the reader allocates and
# frees column after column: `make check` on the portfolio spent 1.9-2.8 s of system time with it, 1.1-1.4 s with
# the system allocator, and 0.3-1.9 s more wall (seven runs each, in turns). Set before pyarrow is imported; the
# build's workers and kernels inherit it.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description="The evaluation workbook.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate params and data of every project (or one)")
    check.add_argument("--project")

    build = commands.add_parser("build", help="build the annexes that are out of date")
    build.add_argument("--project")
    build.add_argument("--annex")
    build.add_argument("--jobs", type=int, help="notebooks run at once (default: the number of cores)")
    build.add_argument("--timeout", type=int, default=600, help="seconds a notebook cell may run (default 600)")
    build.add_argument("--language", default="", choices=["", "fr", "en"], help="override the params' language")
    build.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    build.add_argument("--isolation", default="fork", choices=["fork", "kernel"],
                       help="fork: each notebook in a fresh fork of a worker that has imported the libraries "
                            "(default); kernel: a fresh Jupyter kernel per notebook")
    build.add_argument("--scheduler", help="run the notebooks on this Dask scheduler, e.g. tcp://host:8786 "
                       "(default: DASK_SCHEDULER_ADDRESS, else on this machine)")

    cluster = commands.add_parser("cluster", help="start a local Dask scheduler and workers (make cluster)")
    cluster.add_argument("--workers", type=int, default=2)
    cluster.add_argument("--port", type=int, default=8786)

    pdf = commands.add_parser("pdf", help="print the built annexes to A4 PDF with headless Chromium")
    pdf.add_argument("--project")

    commands.add_parser("synthesize", help="regenerate the synthetic impact study and tracer survey of the sample project")

    new = commands.add_parser("new", help="start a project from nothing: its params and empty tables")
    new.add_argument("--project", required=True, help="name of the new project (letters without accents, digits, '-', '_')")
    new.add_argument("--countries", default="", help="its countries as the data's `country` column writes them, "
                                                     "separated by ',' or ';' (one annex each): \"Sénégal, Mali\"")
    new.add_argument("--language", default="fr", choices=["fr", "en"], help="language of the annexes (default fr)")

    iati = commands.add_parser("import-iati", help="start a project from an IATI activity file")
    iati.add_argument("file", help="the IATI activity file (.xml)")
    iati.add_argument("--project", required=True, help="name of the new project (letters without accents, digits, '-', '_')")
    iati.add_argument("--language", default="fr", choices=["fr", "en"], help="language of the annexes (default fr)")

    args = parser.parse_args(argv)
    refused = _bad_name(args)
    if refused:
        print(f"python -m helpers {args.command}: {_in_language(refused, args)}", file=sys.stderr)
        return 2
    try:
        return _run(parser, args)
    except UnsafeName as exc:  # a name checked deeper down (a path that would leave its folder): one line
        print(f"python -m helpers {args.command}: {_in_language(str(exc), args)}", file=sys.stderr)
        return 2


def _in_language(said: str, args: argparse.Namespace) -> str:
    """A refusal of the command line in the language the command speaks: make new's (French by default), the one
    `--language` forces, else the project's (`make annex PROJECT=amem ANNEX=aux` was refused in English in a French
    project), else French, the annexes' default (a project name refused names no project)."""
    from .pipeline.messages import project_language, sentence

    language = getattr(args, "language", None)
    if not language:
        project = getattr(args, "project", None)
        try:
            named = project is not None and check_slug(project, "project")
        except UnsafeName:
            named = False
        from .paths import PARAMS_DIR

        language = project_language(project, PARAMS_DIR) if named else "fr"
    return sentence(said, language)


def _bad_name(args: argparse.Namespace) -> str:
    """'' when every project and annex name given is a slug (paths.check_slug), else why not, in one line."""
    for what in ("project", "annex"):
        name = getattr(args, what, None)
        if name is not None:
            try:
                check_slug(name, what)
            except UnsafeName as exc:
                return str(exc).encode("unicode_escape").decode("ascii") if not str(exc).isprintable() \
                    else str(exc)
    return ""


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "check":
        # pandera's checks import its data-synthesis strategies, which import Hypothesis when it is installed (the
        # tests use it): 0.45 s of `make check` on the portfolio. Checking synthesises nothing: pandera does without.
        sys.modules.setdefault("hypothesis", None)
        from .pipeline.check import run_check

        # the libraries' objects, imported once for good, are left out of the collector's full passes: one walked
        # all of them (0.04 s of checking the portfolio)
        gc.freeze()
        return run_check([args.project] if args.project else None)
    if args.command == "build":
        if args.annex and not args.project:
            parser.error("--annex needs --project")
        from .pipeline.dask_executor import scheduler_address
        from .pipeline.runner import build as run_build

        return run_build(args.project, args.annex, args.jobs, args.timeout, args.language, args.force,
                         isolation=args.isolation, scheduler=scheduler_address(args.scheduler))
    if args.command == "cluster":
        from .pipeline.dask_executor import local_cluster

        return local_cluster(args.workers, args.port)
    if args.command == "pdf":
        from .annex.pdf import print_pdfs

        return print_pdfs(args.project)
    if args.command == "synthesize":
        from .paths import DATA_DIR
        from .data.synthetic import write_training_survey

        from .data.synthetic_survey import write_tracer_survey

        written = write_training_survey(DATA_DIR / "amem" / "impact")
        print(f"Wrote {written}")
        for path in write_tracer_survey(DATA_DIR / "amem" / "surveys"):
            print(f"Wrote {path}")
        return 0
    if args.command == "import-iati":
        return _import_iati(args.file, args.project, args.language)
    if args.command == "new":
        return _new_project(args.project, args.countries, args.language)
    return 2


def _new_project(project: str, countries: str, language: str) -> int:
    from .annex.words import say
    from .data.scaffold import new_project

    # (';' too: a list written as French Excel separates cells; 'Maroc;Tunisie' was one country of that name)
    if not _created(project, lambda: new_project(project, re.split(r"[,;]", countries), language), language):
        return 1
    print(say("new_next", language, project=project))
    return 0


def _import_iati(file: str, project: str, language: str) -> int:
    from pathlib import Path

    from .annex.words import say
    from .pipeline.check import run_check
    from .data.iati_import import import_iati

    if not _created(project, lambda: import_iati(Path(file), project, language), language):
        return 1
    print(say("new_iati_next", language, project=project) + "\n")
    return run_check([project])


def _created(project: str, create, language: str) -> bool:
    """Run ``create`` (make new, make import-iati) and print the files it wrote, or why it wrote none, in the
    project's language (a French project's `make new` spoke English, then `make check` French)."""
    from .annex.words import say
    from .errors import ValidationFailed
    from .paths import relative
    from .pipeline.messages import shown

    try:
        written = create()
    except ValidationFailed as exc:
        print(say("new_nothing", language), file=sys.stderr)
        for problem in exc.problems:
            print("  " + shown(problem, language).replace("\n", "\n  "), file=sys.stderr)
        return False
    print(say("new_created", language, project=project))
    for path in written:
        print(f"  {relative(path)}")
    return True


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        sys.exit(130)
