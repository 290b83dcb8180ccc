"""helpers.fingerprint: one digest per file per build, and the keys of the build's caches made of them."""

from __future__ import annotations

import os

from helpers import fingerprint


def test_a_digest_is_read_once_and_again_when_the_file_changes(tmp_path):
    path = tmp_path / "expenditure.csv"
    path.write_bytes(b"amount\n133045.90\n")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))   # an old file: memoised
    first = fingerprint.digest(path)
    path.write_bytes(b"amount\n133045.92\n")            # same size, same mtime: the memo holds (not read again)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert fingerprint.digest(path) == first
    os.utime(path, ns=(2_000_000_000, 2_000_000_000))   # saved again: read again
    assert fingerprint.digest(path) != first
    path.write_bytes(b"amount\n133045.91\n")            # just written: too recent to memoise, read each time
    second = fingerprint.digest(path)
    path.write_bytes(b"amount\n133045.93\n")
    assert fingerprint.digest(path) != second

def test_a_key_follows_its_parts_and_the_contents_of_its_files(tmp_path):
    a = tmp_path / "a.csv"
    a.write_text("1\n")
    first = fingerprint.key("step", "amem", files=[a])
    assert fingerprint.key("step", "amem", files=[a]) == first
    assert fingerprint.key("step", "other", files=[a]) != first
    a.write_text("2\n")
    assert fingerprint.key("step", "amem", files=[a]) != first


def test_the_data_room_key_covers_the_bottom_modules_and_not_the_annex():
    names = {p.relative_to(fingerprint.PACKAGE).as_posix() for p in fingerprint.code_files("data")}
    assert {"errors.py", "paths.py", "fingerprint.py", "data/loader.py"} <= names
    assert not any(n.startswith(("annex/", "pipeline/", "analyses/")) for n in names)
