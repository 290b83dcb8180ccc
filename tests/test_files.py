"""helpers.files: the bottom module every room writes through (atomic writes, zip times, formulas, sha256)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

from helpers import files


def test_spreadsheet_formulas_are_neutralised_but_numbers_kept():
    frame = pd.DataFrame({"label": ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "-2", "ok"], "value": [1.0, -2.0, 3, 4, 5]})
    out = files.neutralise(frame)
    assert out["label"].tolist() == ["'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)", "'-2", "ok"]
    assert out["value"].tolist() == [1.0, -2.0, 3, 4, 5]
    assert [files.unneutralise_text(v) for v in out["label"]] == frame["label"].tolist()
    assert files.unneutralise_text("'quoted") == "'quoted"  # an apostrophe the writer did not add stays


def test_full_width_formula_starts_are_neutralised_too():
    """« ＝1+2 », « ＋cmd|... », « ＠SUM(1;2) »: an East Asian Excel reads the full-width signs as = + @ once the cell
    is edited; they were left as they were in figures.csv and the .xlsx."""
    frame = pd.DataFrame({"label": ["\uff1d1+2", "\uff0bcmd|' /C calc'!A0", "\uff0d2+3", "\uff20SUM(1;2)", "a＝b"]})
    out = files.neutralise(frame)
    assert out["label"].tolist() == ["'" + v for v in frame["label"][:4]] + ["a＝b"]
    assert [files.unneutralise_text(v) for v in out["label"]] == frame["label"].tolist()


def test_staged_write_leaves_previous_files_when_interrupted(tmp_path):
    (tmp_path / "a.html").write_bytes(b"old")
    try:
        with files.staged(tmp_path) as out:
            out["a.html"] = b"new"
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert (tmp_path / "a.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]


def test_a_write_that_fails_half_way_leaves_no_temporary_file(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"old")
    with pytest.raises(TypeError):
        with files.staged(tmp_path) as out:
            out["a.csv"] = b"new"
            out["b.csv"] = "not bytes"  # fails while writing, after a.csv's temporary file was made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    assert (tmp_path / "a.csv").read_bytes() == b"old"


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_written_files_follow_the_umask_and_importing_changes_nothing(tmp_path, umask):
    """No umask is changed at import (it is process-wide); a written file gets 0o666 less the umask, as open()."""
    code = ("import os, sys; os.umask(%d); import helpers.files as f; assert os.umask(%d) == %d;"
            "from pathlib import Path; f.write_atomic(Path(sys.argv[1]) / 'x.html', b'x');"
            "open(Path(sys.argv[1]) / 'y.html', 'w').close()") % (umask, umask, umask)
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, timeout=60)
    mode = (tmp_path / "x.html").stat().st_mode & 0o777
    assert mode == 0o666 & ~umask == (tmp_path / "y.html").stat().st_mode & 0o777


def test_zip_times_are_pinned_so_a_rebuild_is_the_same_bytes():
    def container(stamp):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr(zipfile.ZipInfo("a.xml", date_time=stamp), b"<a/>")
            z.writestr(zipfile.ZipInfo("docProps/core.xml", date_time=stamp),
                       b'<dcterms:created xsi:type="x">2024-05-05T10:00:00Z</dcterms:created>')
        return buffer.getvalue()

    when = dt.datetime(2020, 12, 31, 8, 30, tzinfo=dt.timezone.utc)
    one = files.pin_zip_times(container((2024, 5, 5, 10, 0, 0)), when)
    two = files.pin_zip_times(container((2025, 1, 2, 3, 4, 6)), when)
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as z:
        assert {i.date_time for i in z.infolist()} == {(2020, 12, 31, 8, 30, 0)}
        assert b">2020-12-31T08:30:00Z<" in z.read("docProps/core.xml")
    old = files.pin_zip_times(container((2024, 5, 5, 10, 0, 0)), dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))
    with zipfile.ZipFile(io.BytesIO(old)) as z:
        assert {i.date_time for i in z.infolist()} == {files.ZIP_EPOCH}


def test_sha256_of_a_file_reads_it_in_blocks(tmp_path):
    path = tmp_path / "big.bin"
    content = os.urandom((1 << 20) + 17)
    path.write_bytes(content)
    assert files.sha256(path) == hashlib.sha256(content).hexdigest()
