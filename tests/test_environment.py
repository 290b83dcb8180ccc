"""environment.yml (conda) and requirements.txt (pip) must declare the same pinned packages."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pip_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, ver = line.partition("==")
            assert ver, f"requirements.txt: {line!r} is not pinned with =="
            pins[name.lower()] = ver
    return pins


def _conda_pins() -> dict[str, str]:
    spec = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in spec["dependencies"]:
        if isinstance(dep, str) and dep not in ("pip",) and not dep.startswith("python="):
            name, _, ver = dep.partition("=")
            pins[name.lower()] = ver
        elif isinstance(dep, dict):  # the packages conda-forge does not have, from PyPI
            for line in dep["pip"]:
                if "==" in line:
                    name, _, ver = line.partition("==")
                    pins[name.lower()] = ver
    return pins


def test_conda_and_pip_declare_the_same_pins():
    assert _conda_pins() == _pip_pins()


def test_lock_file_agrees_with_the_direct_pins():
    lock = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, ver = line.split("==")
            lock[re.sub(r"[-_.]+", "-", name.lower())] = ver.strip()
    for name, ver in _pip_pins().items():
        assert lock.get(re.sub(r"[-_.]+", "-", name)) == ver, f"{name}: requirements.txt {ver}, lock {lock.get(name)}"


def test_notebooks_use_the_workbook_kernel_and_have_no_outputs():
    import json

    from helpers.paths import KERNEL_NAME

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebook in notebooks/"
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == KERNEL_NAME, path.name
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert any("parameters" in c.get("metadata", {}).get("tags", []) for c in code), f"{path.name}: no parameters cell"
        assert not any(c.get("outputs") or c.get("execution_count") for c in code), f"{path.name} holds outputs"
