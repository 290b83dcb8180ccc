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
    argv = sys.argv[1:] if argv is None else argv
    speaking = type("Parser", (_Parser,), {"language": _argv_language(argv), "argv": argv})
    parser = speaking(prog="python -m helpers", description="The evaluation workbook.")
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
    from .pipeline.messages import sentence

    return sentence(said, _language(getattr(args, "language", None), getattr(args, "project", None)))


def _language(language: str | None, project: str | None) -> str:
    if language:
        return language
    try:
        named = project is not None and check_slug(project, "project")
    except UnsafeName:
        named = False
    from .paths import PARAMS_DIR
    from .pipeline.messages import project_language

    return project_language(project, PARAMS_DIR) if named else "fr"


def _argv_language(argv: list[str]) -> str:
    """The language of a command line argparse refuses (it is not parsed): its `--language`, else its project's."""
    language = _option(argv, "--language")
    return _language(language if language in ("fr", "en") else None, _option(argv, "--project"))


def _option(argv: list[str], name: str) -> str | None:
    """The value written after ``name`` (``--name value`` or ``--name=value``), None when there is none."""
    for i, word in enumerate(argv):
        if word.startswith(name + "="):
            return word.split("=", 1)[1]
        if word == name and i + 1 < len(argv):
            return argv[i + 1]
    return None


# what to write for each option, on the command line and with make (the Makefile's variable): argparse's refusals
# name the option only
_EXAMPLES = {"--project": ("amem", "PROJECT"), "--annex": ("maroc", "ANNEX"), "--jobs": ("2", "JOBS"),
             "--timeout": ("600", "TIMEOUT"), "--language": ("en", "LANGUAGE"), "--isolation": ("kernel", "ISOLATION"),
             "--scheduler": ("tcp://127.0.0.1:8786", "SCHEDULER"), "--workers": ("2", "WORKERS"),
             "--port": ("8786", None), "--countries": ('"Sénégal, Mali"', "COUNTRIES"),
             "file": ("activities.xml", "FILE")}


class _Parser(argparse.ArgumentParser):
    """argparse's own refusals (an option unknown, a value missing or not a number, --annex without --project) in
    the language the command speaks, with what to write, in two lines as the command's other refusals: they were
    argparse's English under its usage block in a French project. ``language`` and ``argv`` are set by main."""

    language = "fr"
    argv: list[str] = []

    def error(self, message: str):  # (argparse's own: it exits)
        from .pipeline.messages import sentence

        said = sentence(message, self.language)
        hint = sentence(self._hint(message), self.language)
        self.exit(2, f"{self.prog}: {said}\n    -> {hint}\n")

    def _hint(self, message: str) -> str:
        if message.endswith("required: command") or message.startswith("argument command:"):
            names = ", ".join(self._commands())
            return f"Write a command: {names}, e.g. python -m helpers check (make check)."
        if message == "--annex needs --project":
            return "Write: --project amem --annex maroc (with make: make annex PROJECT=amem ANNEX=maroc)."
        named = re.match(r"(?:argument |the following arguments are required: )(\S+?)[:,]?(?: |$)", message)
        option = named[1] if named else ""
        if "invalid choice" in message:
            choices = [c for c in self._choices(option) if c]
            return f"Write one of: {', '.join(choices)}, e.g. {option} {choices[-1]}" + \
                (f" (with make: {_EXAMPLES[option][1]}={choices[-1]})." if option in _EXAMPLES else ".")
        if "ignored explicit argument" in message:
            return f"Write {option} alone, without a value."
        if option in _EXAMPLES:
            example, variable = _EXAMPLES[option]
            written = f"{option} {example}" if option.startswith("-") else example
            return f"Write: {written} (with make: {variable}={example})." if variable else f"Write: {written}."
        command = next((w for w in self.argv if w in self._commands()), "")
        prog = f"python -m helpers {command}".strip()
        options = ", ".join(self._options(command)) or "--help"
        return f"The options of {prog} are: {options}; {prog} --help says what each does."

    def _by_command(self) -> dict[str, argparse.ArgumentParser]:
        return next((a.choices for a in self._actions if isinstance(a, argparse._SubParsersAction)), {})

    def _commands(self) -> list[str]:
        return list(self._by_command()) or list(_COMMANDS)

    def _choices(self, option: str) -> list[str]:
        for parser in (self, *self._by_command().values()):
            for action in parser._actions:
                if option in action.option_strings and action.choices:
                    return list(action.choices)
        return []

    def _options(self, command: str) -> list[str]:
        parser = self._by_command().get(command, self)
        return [o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"]


_COMMANDS = ("check", "build", "cluster", "pdf", "synthesize", "new", "import-iati")


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
