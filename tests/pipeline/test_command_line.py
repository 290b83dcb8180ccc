"""The command line (issue 19 item 7): the Makefile passes each variable on as one quoted argument, never runs it,
and every entry of ``python -m helpers`` refuses a bad project or annex name with one clear line, no traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
ARGV = "import json, sys; print(json.dumps(sys.argv[1:]))"


@pytest.fixture
def makefile(tmp_path: Path) -> Path:
    """The project's Makefile in a folder of its own, with an environment marked ready (nothing is installed)."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for name in ("requirements.txt", "requirements-lock.txt", "pyproject.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / ".ready").touch()
    later = (tmp_path / "pyproject.toml").stat().st_mtime + 10
    os.utime(tmp_path / ".venv" / ".ready", (later, later))
    return tmp_path


def make(folder: Path, *args: str) -> subprocess.CompletedProcess:
    run = f"{sys.executable} -c '{ARGV}'"
    return subprocess.run(["make", "--no-print-directory", "-C", str(folder), *args, f"RUN={run}", "PYTHON=false"],
                          capture_output=True, text=True, timeout=60)


HOSTILE = ["my proj", "amem;echo INJECTED", "a'b;echo INJECTED", "$$(echo INJECTED)", '"; echo INJECTED; "',
           "`echo INJECTED`"]


@pytest.mark.parametrize("value", HOSTILE)
def test_the_makefile_passes_each_variable_on_as_one_argument(makefile, value):
    for target, extra, expected in (
            ("check", (), ["check", "--project"]),
            ("annexes", ("JOBS=2",), ["build", "--project"]),
            ("annex", ("ANNEX=" + value,), ["build", "--project"]),
            ("import-iati", ("FILE=" + value,), ["import-iati", value.replace("$$", "$"), "--project"]),
            ("new", ("COUNTRIES=" + value,), ["new", "--project"]),
            ("pdf", (), ["pdf", "--project"])):
        done = make(makefile, target, "PROJECT=" + value, *extra)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.strip().splitlines()
        assert len(lines) == 1  # an injected command would print a line of its own
        argv = json.loads(lines[0])
        assert argv[:len(expected)] == expected and argv[len(expected)] == value.replace("$$", "$")


def helpers(*args: str, root: Path | None = None) -> subprocess.CompletedProcess:
    """The command line in a process of its own, on the workbook or on a project copied under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **({"WORKBOOK_ROOT": str(root)} if root else {})}
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=60,
                          env=env, cwd=ROOT)


def english_project(root: Path) -> Path:
    """A project « p » whose project.yaml says only `language: en`, under ``root``."""
    (root / "params" / "p").mkdir(parents=True)
    (root / "params" / "p" / "project.yaml").write_text("language: en\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("args", [
    ["check", "--project", "p" * 300],
    ["check", "--project", "amem;echo X"],
    ["build", "--project", "my proj"],
    ["build", "--project", "amem", "--annex", "../../x"],
    ["build", "--project", "amem\nx"],
    ["pdf", "--project", "../amem"],
    ["import-iati", "file.xml", "--project", "a" * 300],
    ["new", "--project", "../amem", "--countries", "Mali"]])
def test_every_entry_refuses_a_bad_name_with_one_line(args):
    done = helpers(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and ("is not allowed" in lines[0] or "n'est pas permis" in lines[0]) and len(lines[0]) < 300


@pytest.mark.parametrize("args, said", [
    (["build", "--project", "amem", "--annex", "aux"], "le nom d'annexe 'aux' n'est pas permis : il désigne un "
                                                       "périphérique sous Windows"),
    (["build", "--project", "amem", "--annex", "maroc."], "le nom d'annexe 'maroc.' n'est pas permis : utilisez des "
                                                          "lettres sans accents"),
    (["build", "--project", "amem", "--annex", "../x"], "le nom d'annexe '../x' n'est pas permis"),
    (["build", "--project", "con"], "le nom de projet 'con' n'est pas permis"),
    (["check", "--project", "amem "], "le nom de projet 'amem ' n'est pas permis"),
    (["build", "--project", "amem", "--annex", "maroc.", "--language", "en"], "annex name 'maroc.' is not allowed")])
def test_a_name_is_refused_in_the_projects_language(args, said):
    """amem is French: `make annex PROJECT=amem ANNEX=aux` was refused in English; --language en forces English."""
    done = helpers(*args)
    assert done.returncode == 2 and said in done.stderr, done.stderr


def test_an_english_projects_annex_name_is_refused_in_english(tmp_path):
    done = helpers("build", "--project", "p", "--annex", "lpt1", root=english_project(tmp_path))
    assert done.returncode == 2 and "annex name 'lpt1' is not allowed: it names a device" in done.stderr, done.stderr


@pytest.mark.parametrize("args, said, hint", [
    (["build", "--annex", "maroc"], "--annex demande --project", "make annex PROJECT=amem ANNEX=maroc"),
    (["build", "--bogus"], "option inconnue : --bogus", "--project, --annex, --jobs"),
    (["check", "--project"], "l'option --project attend une valeur", "PROJECT=amem"),
    (["build", "--jobs", "x"], "l'option --jobs attend un nombre entier (valeur : 'x')", "JOBS=2"),
    (["build", "--project", "amem", "--isolation", "fourche"], "l'option --isolation n'accepte pas la valeur "
                                                               "'fourche'", "fork, kernel"),
    (["new"], "il manque : --project", "PROJECT=amem"),
    (["frob"], "'frob' n'est pas une commande", "check, build"),
    (["build", "--force=1"], "l'option --force ne prend pas de valeur", "--force seul")])
def test_the_command_lines_own_refusals_are_french_and_say_what_to_write(args, said, hint):
    """argparse's own errors (`--annex` without `--project`, an unknown option, a value missing or not a number)
    were English under a usage block in a French project: now two lines in French, the second what to write."""
    from english_words import english_words

    done = helpers(*args)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(lines) == 2, done.stderr
    assert said in lines[0] and hint in lines[1], done.stderr
    assert not english_words(done.stderr.replace("python -m helpers", "")), done.stderr


def test_an_english_projects_command_line_refusal_is_english(tmp_path):
    done = helpers("build", "--project", "p", "--jobs", "two", root=english_project(tmp_path))
    assert done.returncode == 2 and "argument --jobs: invalid int value: 'two'" in done.stderr, done.stderr
    assert "Write: --jobs 2 (with make: JOBS=2)." in done.stderr, done.stderr
