"""The package's rooms import only the rooms below them: pipeline > annex > analyses > data > paths, errors, text.

The contract is import-linter's, declared in pyproject.toml; these tests run it on the real package, and on a copy
with one upward import to show that it would catch one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(src: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([str(LINT), "--no-cache", "--config", str(cwd / "pyproject.toml")], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_only_the_bottom_modules_stay_at_the_top_of_the_package():
    top = sorted(p.name for p in (ROOT / "src" / "helpers").iterdir() if p.suffix == ".py")
    rooms = sorted(p.name for p in (ROOT / "src" / "helpers").iterdir() if p.is_dir() and p.name != "__pycache__")
    assert top == ["__init__.py", "__main__.py", "errors.py", "files.py", "fingerprint.py", "paths.py", "text.py"]
    assert rooms == ["analyses", "annex", "data", "pipeline"]


def test_the_package_keeps_its_layers():
    result = _lint(ROOT / "src", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_analysis_importing_from_the_annex_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "src" / "helpers", tmp_path / "src" / "helpers",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    budget = tmp_path / "src" / "helpers" / "analyses" / "budget.py"
    budget.write_text(budget.read_text(encoding="utf-8") + "\nfrom ..annex import fmt  # an upward import\n",
                      encoding="utf-8")
    result = _lint(tmp_path / "src", tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "helpers.analyses.budget -> helpers.annex.fmt" in result.stdout


def _private_imports(package: Path) -> list[str]:
    """`from .other import _name` in the package's modules: one module reaching into another's private names."""
    import ast

    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("helpers")):
                found += [f"{path.relative_to(package.parent)}:{node.lineno} {alias.name}" for alias in node.names
                          if alias.name.startswith("_") and not alias.name.startswith("__")]
    return found


def test_no_module_imports_another_s_private_names(tmp_path):
    assert _private_imports(ROOT / "src" / "helpers") == []
    # (and the test sees one: a copy whose change section takes figures' private helper again)
    shutil.copytree(ROOT / "src" / "helpers", tmp_path / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    change = tmp_path / "helpers" / "analyses" / "change.py"
    change.write_text(change.read_text(encoding="utf-8") + "\nfrom .figures import _several_countries  # noqa\n",
                      encoding="utf-8")
    assert _private_imports(tmp_path / "helpers") == ["helpers/analyses/change.py:" + str(
        len(change.read_text(encoding="utf-8").splitlines())) + " _several_countries"]
