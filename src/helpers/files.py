"""Writing files safely, for every room: atomic writes, zip times pinned, spreadsheet formulas neutralised, sha256.

A bottom module (beside paths and errors): it imports only the standard library at the top (pandas only inside
``neutralise``), so that any room may use it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import pandas as pd

# A text cell starting with one of these is run as a formula by Excel or LibreOffice (CSV injection); the full-width
# forms too, which an East Asian Excel reads as the ASCII ones once the cell is edited (a label « ＝1+2 » was left
# as it is in figures.csv and the .xlsx)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


# -- writing ------------------------------------------------------------------------------------------------------
def _new_temp(folder: Path, name: str) -> Path:
    """A new empty file beside the target, created with mode 0o666 so that the process's umask applies, as it does
    to any file the workbook writes (tempfile.mkstemp would make it private: an annex is meant to be shared). No
    umask is read or changed: os.umask can only be read by setting it, for the whole process and its threads."""
    for _ in range(100):
        temp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {folder / name}")


@contextmanager
def staged(folder: Path) -> Iterator[dict[str, bytes]]:
    """Collect {file name: bytes}; when the block ends without error, write each to a temporary file beside its
    target and move it into place. A failure or an interrupt leaves the previous files as they were and no
    temporary file behind."""
    files: dict[str, bytes] = {}
    yield files
    folder.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[str, Path]] = []
    try:
        for name, content in files.items():
            temp = _new_temp(folder, name)
            temps.append((name, temp))
            temp.write_bytes(content)
        for name, temp in temps:
            os.replace(temp, folder / name)
    finally:
        for _, temp in temps:
            temp.unlink(missing_ok=True)


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file moved into place: never a half-written file."""
    with staged(path.parent) as files:
        files[path.name] = content


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- zip containers (.docx, .xlsx) --------------------------------------------------------------------------------
def pin_zip_times(data: bytes, when: dt.datetime) -> bytes:
    """The zip container again with every entry dated ``when`` (and docProps/core.xml's created/modified), so that
    a document rebuilt from the same inputs is the same bytes."""
    import zipfile

    source, target = io.BytesIO(data), io.BytesIO()
    fixed = when.timetuple()[:6]
    stamp = fixed if fixed[0] >= 1980 else ZIP_EPOCH
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                                 lambda m: b"<dcterms:" + m.group(1) + m.group(2) + b">"
                                 + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + b"<", content)
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, content)
    return target.getvalue()


# -- spreadsheets -------------------------------------------------------------------------------------------------
def neutralise_text(value):
    """A text a spreadsheet would run as a formula gets a leading apostrophe; anything else is returned as it is."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def unneutralise_text(text: str) -> str:
    """The text ``neutralise_text`` was given (its apostrophe removed), for a file the workbook wrote itself."""
    return text[1:] if text.startswith("'") and text[1:2] != "" and text[1:2] in FORMULA_START else text


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe; numbers are left alone."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise_text)
    return out
