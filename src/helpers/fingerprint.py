"""One fingerprint for every cache of the build: file digests computed once per process, and the keys made of them.

- ``digest(path)``: the SHA-256 of a file's bytes, memoised by (path, size, mtime_ns), so that a build reads each
  input once however many steps depend on it, and a file saved again is read again. A file modified less than
  ``RACY`` seconds ago is not memoised (as git does: a file system's clock ticks coarsely, so an edit of the same
  size within one tick would keep the same mtime).
- ``key(*parts, files=...)``: the SHA-256 of some parameters and of the (name, digest) of some files: the key of a
  step (the validated store, a notebook run, an annex's figures...). Steps that name the same files share their
  digests.
- ``code_files(*rooms)``: the package's code a step depends on: the bottom modules (this one, paths, errors, the
  package's __init__) and the named rooms (``"data"``, ``"analyses"``...); no room named means the whole package.
  ``code_digest()`` is the digest of the whole package (the Dask workers must have the same).

Nothing here imports anything outside the standard library: the module sits in the package's last layer.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_DIGESTS: dict[tuple[str, int, int], str] = {}
_CHUNK = 1 << 20
RACY = 2.0


def digest(path: Path) -> str:
    """sha256 of the file's bytes, computed once per (path, size, mtime_ns) in this process."""
    stat = Path(path).stat()
    memo = (str(path), stat.st_size, stat.st_mtime_ns)
    found = _DIGESTS.get(memo)
    if found is None:
        sha = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                sha.update(chunk)
        found = sha.hexdigest()
        if time.time_ns() - stat.st_mtime_ns > RACY * 1e9:
            _DIGESTS[memo] = found
    return found


def files_under(folder: Path) -> list[Path]:
    """Every file under ``folder`` (caches of Python left out), sorted; [] when it is not a folder."""
    folder = Path(folder)
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
        if folder.is_dir() else []


def code_files(*rooms: str) -> list[Path]:
    """The package's files a step depends on: the bottom modules and the named rooms (all of them when none)."""
    if not rooms:
        return files_under(PACKAGE)
    bottom = sorted(p for p in PACKAGE.iterdir() if p.is_file() and p.suffix == ".py")
    return bottom + [p for room in rooms for p in files_under(PACKAGE / room)]


def named(files: Iterable[Path], base: Path) -> list[tuple[str, Path]]:
    """(name relative to ``base``, path) of each file, for a key that does not depend on where the folder is."""
    return [(Path(p).relative_to(base).as_posix(), Path(p)) for p in files]


def key(*parts, files: Iterable[tuple[str, Path] | Path] = ()) -> str:
    """SHA-256 of the JSON of ``parts`` and of the name and digest of each file that exists (a missing file counts
    by its name only). A file is given as (name, path), or as a path (then its file name is its name)."""
    sha = hashlib.sha256(json.dumps(parts, default=str).encode("utf-8"))
    for item in files:
        name, path = item if isinstance(item, tuple) else (Path(item).name, Path(item))
        sha.update(f"{name} {digest(path) if path.is_file() else '-'}\n".encode())
    return sha.hexdigest()


def code_digest(*rooms: str) -> str:
    """The digest of the package's code (of the named rooms and the bottom modules; the whole package when none)."""
    return key("code", files=named(code_files(*rooms), PACKAGE))
