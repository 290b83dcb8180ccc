"""A donor's whole portfolio in one IATI file: read by helpers.data.iati against a plain lxml parse of the file.

The file (about 100 MB, build/bench/iati/publisher.xml) repeats the activities of the three real files of
tests/fixtures/iati/, each copy with its own identifiers (``<id>-c<k>``, related-activity refs and
provider/receiver activity ids renamed alike, so the hierarchy and incoming-funds rules work on every copy).

Measured, each in a fresh process, imports done before the clock starts (pandera's backends are loaded by validating
an empty table first): seconds of CPU (time.process_time) and of wall clock (time.perf_counter), and the process's
peak RSS (ru_maxrss, imports included):
- plain: ``lxml.etree.parse`` of the file with the reader's parser options (the whole tree in memory);
- reader: ``helpers.data.iati.load_iati`` of the folder: streaming parse, mapping, the three tables, validation.
Targets: reader <= 3 x plain in CPU seconds (on a shared machine the wall clock measures the neighbours too; both are
reported), peak RSS <= 1 GiB.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

from .common import PYTHON, REPO, child_env, say

TARGET_BYTES = 100 * 10 ** 6
FOLDER = REPO / "build" / "bench" / "iati"
FIXTURES = REPO / "tests" / "fixtures" / "iati"
TARGETS = {"iati_over_plain": 3.0, "iati_peak_bytes": 2 ** 30}
# The three real files the measures were taken on (the other fixtures are hostile or made-up cases, not portfolios).
BENCH_FILES = ("dfid_albania_v201.xml", "gdihub_at2030_v203.xml", "iati_203_annotated_example.xml")

PLAIN = """
import json, resource, sys, time
from lxml import etree
from helpers.data.iati import parser_options
start, cpu = time.perf_counter(), time.process_time()
tree = etree.parse(sys.argv[1], etree.XMLParser(**parser_options()))
n = len(tree.getroot())
print(json.dumps({"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
                  "activities": n, "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""

READER = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
from lxml import etree  # noqa: F401  (the reader imports it when it parses: before the clock, as the plain parse)
from helpers.data.iati import load_iati
from helpers.data.params import ProjectParams
from helpers.data.iati import _frame
from helpers.data.schemas import validate_table
validate_table("budget", _frame("budget", []), "warm-up", lambda index, column: {})  # pandera's lazy imports
params = ProjectParams(title="bench", code="bench", currency="GBP", start_date=dt.date(2000, 1, 1),
                       end_date=dt.date(2030, 1, 1), reporting_date=dt.date(2029, 1, 1),
                       iati={"exchange_rates": {"EUR": 0.85, "USD": 0.8}})
start, cpu = time.perf_counter(), time.process_time()
source = load_iati(Path(sys.argv[1]).parent, params)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
                  "activities": len(source.activities),
                  "rows": {k: len(v) for k, v in source.tables.items()},
                  "errors": sum(p.severity == "error" for p in source.problems),
                  "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def _activities(path: Path) -> tuple[list[str], list[str]]:
    """The file's activities as XML text, and their identifiers."""
    from lxml import etree

    from helpers.data.iati import parser_options

    root = etree.parse(str(path), etree.XMLParser(remove_comments=True, **parser_options())).getroot()
    texts = [etree.tostring(a, encoding="unicode") for a in root.iterchildren("iati-activity")]
    ids = [(a.findtext("iati-identifier") or "").strip() for a in root.iterchildren("iati-activity")]
    return texts, ids


def generate(target: Path = FOLDER / "publisher.xml", size: int = TARGET_BYTES) -> Path:
    """Repeat the fixtures' activities until the file reaches ``size`` bytes; written once, then reused."""
    if target.is_file() and target.stat().st_size >= size:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    sources = [_activities(FIXTURES / name) for name in BENCH_FILES]
    patterns = [(re.compile("|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))), texts)
                for texts, ids in sources]
    partial = target.with_suffix(".partial")
    written, copy = 0, 0
    with partial.open("w", encoding="utf-8") as out:
        head = '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n'
        out.write(head)
        written += len(head)
        while written < size:
            copy += 1
            for pattern, texts in patterns:
                for text in texts:
                    chunk = pattern.sub(lambda m: f"{m.group(0)}-c{copy}", text) + "\n"
                    out.write(chunk)
                    written += len(chunk.encode("utf-8"))
        out.write("</iati-activities>\n")
    partial.replace(target)
    return target


def _child(code: str, path: Path) -> dict:
    done = subprocess.run([PYTHON, "-c", code, str(path)], capture_output=True, text=True, env=child_env(),
                          check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(repeats: int = 3) -> dict:
    """The plain parse and the reader, each in a fresh process, taken in turns ``repeats`` times; the run of each
    with the least CPU is kept (on a shared machine one run moved by 40 %)."""
    started = time.perf_counter()
    path = generate()
    say(f"iati: {path.stat().st_size / 1e6:.0f} MB file ready ({time.perf_counter() - started:.1f} s)")
    plains, readers = [], []
    for turn in range(1, repeats + 1):
        plains.append(_child(PLAIN, path))
        readers.append(_child(READER, path))
        say(f"iati {turn}/{repeats}: plain lxml parse {plains[-1].get('cpu_seconds', float('nan')):.1f} s CPU, "
            f"reader {readers[-1].get('cpu_seconds', float('nan')):.1f} s CPU")
    best = lambda runs: min(runs, key=lambda r: r.get("cpu_seconds", float("inf")))  # noqa: E731
    return {"file_bytes": path.stat().st_size, "plain": best(plains), "reader": best(readers),
            "all_plain_cpu_seconds": [r.get("cpu_seconds") for r in plains],
            "all_reader_cpu_seconds": [r.get("cpu_seconds") for r in readers]}


def rows(result: dict | None, mark: str = "") -> list[tuple[str, str, str, str]]:
    """(measure, value, target, status) rows for benchmarks/report.py."""
    if not result:
        return []
    plain, reader = result["plain"], result["reader"]
    if "error" in plain or "error" in reader:
        return [(f"IATI file of {result['file_bytes'] / 1e6:.0f} MB{mark}", "error", "", "FAIL")]
    ratio = reader["cpu_seconds"] / plain["cpu_seconds"]
    peak = reader["peak_rss_bytes"]

    def took(m: dict) -> str:
        return f"{m['cpu_seconds']:.1f} s CPU ({m['seconds']:.1f} s wall), peak RSS {peak_text(m['peak_rss_bytes'])}"

    return [
        (f"IATI {result['file_bytes'] / 1e6:.0f} MB, {reader['activities']:,} activities: plain lxml parse{mark}",
         took(plain), "", "-"),
        (f"IATI reader (streaming, tables, validation){mark}", took(reader),
         f"<= {peak_text(TARGETS['iati_peak_bytes'])}",
         "PASS" if peak <= TARGETS["iati_peak_bytes"] else "FAIL (memory)"),
        ("IATI reader / plain parse (CPU)", f"{ratio:.2f}", f"<= {TARGETS['iati_over_plain']}",
         "PASS" if ratio <= TARGETS["iati_over_plain"] else "FAIL"),
    ]


def peak_text(n: float) -> str:
    return f"{n / 2**30:.2f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"
