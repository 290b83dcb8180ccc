"""The hostile corpus (issue 19): bombs, files that are not files, hostile text, generated at test time (no bomb is
committed) in a copy of the `mini` fixture project, one project per case.

``python tests/hostile_corpus.py ROOT`` makes every case under ROOT and checks each with ``check_project`` in this
one process, one after the other, and prints one JSON line per case: the rules met, the seconds the check took, the
process's peak memory (``ru_maxrss``) after it, the CPU seconds (a loaded machine stretches the wall clock, not those), and whether the printed report holds a raw control character. A case
that blocks is stopped by an alarm and reported as such. ``test_hostile.py`` runs it in a subprocess and asserts each
case's bound; tests/README.md ("The hostile corpus") lists the cases and their messages.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import signal
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
MiB = 1 << 20

# a minimal .xlsx: the parts openpyxl needs, and a sheet whose rows come from a generator
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook '
             'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
             '<sheet name="budget" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
                  'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                  'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                  'Target="worksheets/sheet1.xml"/></Relationships>')


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def write_xlsx(path: Path, rows, level: int = 1) -> None:
    """An .xlsx whose one sheet holds the rows (each a list of cell XML strings), written as a stream."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            block = []
            for n, cells in enumerate(rows, 1):
                block.append(f'<row r="{n}">{"".join(cells)}</row>')
                if len(block) == 10_000:
                    sheet.write("".join(block).encode())
                    block = []
            sheet.write("".join(block).encode() + b"</sheetData></worksheet>")


# ------------------------------------------------------------------------------------------- the cases
def xlsx_bomb(root: Path) -> None:
    """budget.xlsx: 300 MiB of sheet in a zip of a few MiB (the issue's was 1.2 GB in 4 MB)."""
    (root / "data/mini/budget.csv").unlink()
    header = [_cell("A1", "line"), _cell("B1", "budget"), _cell("C1", "country"), _cell("D1", "label"),
              _cell("E1", "category")]
    filler = ["<c/>" * 200]  # 800 bytes of empty cells per row
    write_xlsx(root / "data/mini/budget.xlsx", [header, *([filler] * (300 * MiB // 820))], level=1)


def xlsx_cells(root: Path) -> None:
    """budget.xlsx: a sheet of 1,048,576 rows of three cells, 3.1 million cells (over the 3 million limit)."""
    (root / "data/mini/budget.csv").unlink()
    header = [_cell("A1", "line"), _cell("B1", "budget"), _cell("C1", "label")]
    write_xlsx(root / "data/mini/budget.xlsx",
               [header, *(['<c t="n"><v>1</v></c><c t="n"><v>2</v></c><c t="n"><v>3</v></c>'] * 1_048_575)])


def xlsx_far_column(root: Path) -> None:
    """budget.xlsx: 300 rows of three cells, the third in Excel's last column (XFD): 900 cells written, read as
    16,384 a row (each row up to its last cell)."""
    (root / "data/mini/budget.csv").unlink()
    header = [_cell("A1", "line"), _cell("B1", "budget"), _cell("C1", "label")]
    write_xlsx(root / "data/mini/budget.xlsx", [header] + [
        [f'<c r="A{n}" t="n"><v>1</v></c><c r="B{n}" t="n"><v>2</v></c><c r="XFD{n}" t="n"><v>3</v></c>']
        for n in range(2, 302)])


def yaml_alias_bomb(root: Path) -> None:
    """project.yaml: a 'billion laughs' of nine levels (9^9 values once expanded) in under 2 KB."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    path = root / "params/mini/project.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(lines) + "\nstatus_synonyms: *a9\n",
                    encoding="utf-8")


def yaml_small_alias_bomb(root: Path) -> None:
    """project.yaml: an alias bomb of four levels (6,561 values, under the limit) given as the title: printed whole,
    it would be 50 KB in one message."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 4):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    path = root / "params/mini/project.yaml"
    text = path.read_text(encoding="utf-8").replace("title: Mini project\n", "")
    path.write_text(text + "\n".join(lines) + "\ntitle: *a3\n", encoding="utf-8")


def yaml_duplicate_key(root: Path) -> None:
    """maroc.yaml: `country: Maroc` then `country: Tunisie` (YAML keeps the last one silently)."""
    path = root / "params/mini/maroc.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "country: Tunisie\n", encoding="utf-8")


def yaml_too_large(root: Path) -> None:
    """maroc.yaml of 2 MiB (a comment line repeated)."""
    path = root / "params/mini/maroc.yaml"
    path.write_text(path.read_text(encoding="utf-8") + ("# " + "x" * 98 + "\n") * (2 * MiB // 100),
                    encoding="utf-8")


def yaml_control_character(root: Path) -> None:
    """project.yaml: a title holding ESC [31m (a terminal colour code), written as the YAML escape \\e."""
    path = root / "params/mini/project.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Mini project", 'title: "Mini \\e[31mproject\\a"'), encoding="utf-8")


def yaml_long_integer(root: Path) -> None:
    """project.yaml: `budget_total:` an integer of 5,000 digits (Python reads none of more than 4,300: a traceback)."""
    path = root / "params/mini/project.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "budget_total: " + "9" * 5000 + "\n", encoding="utf-8")


def pipe_as_annex_yaml(root: Path) -> None:
    """params/mini/pipe.yaml is a named pipe (reading it waits for a writer forever)."""
    os.mkfifo(root / "params/mini/pipe.yaml")


def pipe_as_table(root: Path) -> None:
    """data/mini/budget.csv is a named pipe."""
    (root / "data/mini/budget.csv").unlink()
    os.mkfifo(root / "data/mini/budget.csv")


def pipe_as_study_yaml(root: Path) -> None:
    """data/mini/impact/<study>.yaml is a named pipe."""
    study = next((root / "data/mini/impact").glob("*.yaml"))
    study.unlink()
    os.mkfifo(study)


def folder_as_yaml(root: Path) -> None:
    """params/mini/x.yaml is a folder."""
    (root / "params/mini/x.yaml").mkdir()


def link_out_of_project(root: Path) -> None:
    """data/mini/activities.csv is a link to a file outside the project."""
    outside = root.parent / f"{root.name}-outside.csv"
    shutil.copy(root / "data/mini/activities.csv", outside)
    (root / "data/mini/activities.csv").unlink()
    (root / "data/mini/activities.csv").symlink_to(outside)


def folder_link_out_of_project(root: Path) -> None:
    """data/mini/impact/ is a link to a folder outside the project (its study was read: each file is inside the
    folder it resolves to)."""
    outside = root.parent / f"{root.name}-impact"
    shutil.move(root / "data/mini/impact", outside)
    (root / "data/mini/impact").symlink_to(outside, target_is_directory=True)


def link_to_device(root: Path) -> None:
    """data/mini/expenditure.csv is a link to /dev/zero (endless)."""
    (root / "data/mini/expenditure.csv").unlink()
    (root / "data/mini/expenditure.csv").symlink_to("/dev/zero")


def csv_unclosed_quote(root: Path) -> None:
    """activities.csv: a quote opened and never closed, then 200,000 characters (over the csv module's 131,072)."""
    path = root / "data/mini/activities.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'A9,Réalisé,Maroc,R1,O1.1,"never closed' + "x" * 200_000
                    + "\n", encoding="utf-8")


def csv_long_cell(root: Path) -> None:
    """activities.csv: a label of 200,000 characters, properly quoted."""
    path = root / "data/mini/activities.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'A9,Réalisé,Maroc,R1,O1.1,"' + "x" * 200_000
                    + '",100,1,2020-12-31,2020-12-15\n', encoding="utf-8")


def csv_control_character(root: Path) -> None:
    """activities.csv: a label holding BEL and ESC [2J (which clears a terminal)."""
    path = root / "data/mini/activities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Étude de base", "Étude\x07 de base\x1b[2J"),
                    encoding="utf-8")


def csv_header_control_character(root: Path) -> None:
    """budget.csv: the header 'label' written with ESC ]0; (which retitles a terminal window) in front."""
    path = root / "data/mini/budget.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",label,", ",\x1b]0;pwned\x07label,", 1),
                    encoding="utf-8")


def csv_empty_columns(root: Path) -> None:
    """budget.csv: every record followed by 10,000 empty cells (a sheet whose whole rows were formatted, saved as
    CSV: trailing separators). Read as the five columns it has; it took 27 s (a table rebuilt for each column)."""
    path = root / "data/mini/budget.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(line + "," * 10_000 + "\n" for line in lines), encoding="utf-8")


def csv_empty_rows(root: Path) -> None:
    """budget.csv: 1,048,576 empty records (`,,,,`) after its rows, as a sheet formatted down to its last row (Excel's
    1,048,576) saves."""
    path = root / "data/mini/budget.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(",,,,\n" * 1_048_576)


def csv_named_columns(root: Path) -> None:
    """budget.csv: 10,000 named columns after its own (`col0` ... `col9999`, each cell 1), as a wide export or a pivot
    saved as the table. Read, translated and typed one by one: 8 s of CPU (32 s on a loaded machine), accepted."""
    path = root / "data/mini/budget.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    extra = "".join(f",col{i}" for i in range(10_000))
    path.write_text("".join([header + extra + "\n", *(row + ",1" * 10_000 + "\n" for row in rows)]),
                    encoding="utf-8")


def csv_cell_50_mb(root: Path) -> None:
    """activities.csv: a label of 50 MB, properly quoted. The csv module read it from a copy of the text at 4 bytes a
    character (io.StringIO): 390 MiB more to refuse it."""
    path = root / "data/mini/activities.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('A9,Réalisé,Maroc,R1,O1.1,"' + "x" * 50_000_000 + '",100,1,2020-12-31,2020-12-15\n')


def csv_header_open_isolate(root: Path) -> None:
    """budget.csv: the header 'label' written « label \u2067التسمية », an Arabic name after a right-to-left isolate
    never closed (copied from a bilingual form)."""
    path = root / "data/mini/budget.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",label,", ",label \u2067التسمية,", 1),
                    encoding="utf-8")


def word_template_bomb(root: Path) -> None:
    """project.yaml names a Word template whose styles.xml unpacks to 20 MiB (about 20 KiB packed)."""
    path = root / "params/mini/house.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/styles.xml", "w", force_zip64=True) as styles:
            chunk = b"<w:style/>" * (MiB // 10)
            for _ in range(20):
                styles.write(chunk)
    project = root / "params/mini/project.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "word_template: params/mini/house.docx\n",
                       encoding="utf-8")


def _template(root: Path, name: str) -> Path:
    """project.yaml's `word_template:` set to params/mini/<name>; the path returned, made by the case."""
    project = root / "params/mini/project.yaml"
    project.write_text(project.read_text(encoding="utf-8") + f"word_template: params/mini/{name}\n", encoding="utf-8")
    return root / "params/mini" / name


def folder_as_word_template(root: Path) -> None:
    """`word_template: params/mini/house.docx`, a folder (was « there is no such file »)."""
    _template(root, "house.docx").mkdir()


def pipe_as_word_template(root: Path) -> None:
    """`word_template: params/mini/house.docx`, a named pipe (was « there is no such file »)."""
    os.mkfifo(_template(root, "house.docx"))


def annex_names_by_capitals(root: Path) -> None:
    """params/mini/Maroc.yaml beside maroc.yaml (another country): one file on Windows and macOS, and their annexes
    Maroc.html and maroc.html overwrite each other there."""
    text = (root / "params/mini/maroc.yaml").read_text(encoding="utf-8")
    (root / "params/mini/Maroc.yaml").write_text(text.replace("Maroc", "Tunisie"), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], None]
    rule: str              # the rule of the problem make check prints ("": an odd file read right, no problem)
    seconds: float = 5.0   # the check of this project takes at most this CPU time (and ends within 30 s)


CASES = [
    Case("xlsx zip bomb", xlsx_bomb, "zip_bomb"),
    Case("xlsx of 3.1 million cells", xlsx_cells, "too_many_cells", 10.0),
    Case("xlsx of a cell in column XFD on each row", xlsx_far_column, "too_many_cells"),
    Case("YAML alias bomb", yaml_alias_bomb, "yaml_aliases"),
    Case("YAML alias bomb under the limit", yaml_small_alias_bomb, "bad_value"),
    Case("YAML duplicate key", yaml_duplicate_key, "duplicate_key"),
    Case("YAML of 2 MiB", yaml_too_large, "yaml_too_large"),
    Case("YAML control character", yaml_control_character, "control_character"),
    Case("YAML integer of 5,000 digits", yaml_long_integer, "bad_value"),
    Case("named pipe as annex YAML", pipe_as_annex_yaml, "not_a_file"),
    Case("named pipe as table", pipe_as_table, "not_a_file"),
    Case("named pipe as study YAML", pipe_as_study_yaml, "not_a_file"),
    Case("folder named x.yaml", folder_as_yaml, "not_a_file"),
    Case("link out of the project", link_out_of_project, "outside_folder"),
    Case("link to /dev/zero", link_to_device, "outside_folder"),
    Case("folder linked out of the project", folder_link_out_of_project, "outside_folder"),
    Case("CSV quote never closed", csv_unclosed_quote, "csv_cell_limit"),
    Case("CSV cell of 200,000 characters", csv_long_cell, "cell_too_long"),
    Case("CSV control characters", csv_control_character, "control_character"),
    Case("CSV header with control characters", csv_header_control_character, "control_character"),
    Case("Word template bomb", word_template_bomb, "zip_bomb"),
    Case("CSV header with an open isolate", csv_header_open_isolate, "control_character"),
    Case("CSV of 10,000 empty columns", csv_empty_columns, ""),
    Case("CSV of a sheet's million empty rows", csv_empty_rows, ""),
    Case("CSV of 10,000 named columns", csv_named_columns, "too_many_columns"),
    Case("folder as Word template", folder_as_word_template, "not_a_file"),
    Case("named pipe as Word template", pipe_as_word_template, "not_a_file"),
    Case("annex files Maroc.yaml and maroc.yaml", annex_names_by_capitals, "name_clash"),
    Case("CSV cell of 50 MB", csv_cell_50_mb, "cell_too_long"),
]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(root: Path) -> None:
    from helpers.pipeline.check import report
    from helpers.data.loader import check_project

    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("blocked")))
    for number, case in enumerate(CASES):
        project_root = root / f"case{number}"
        shutil.copytree(FIXTURE, project_root)
        case.make(project_root)
        os.environ["WORKBOOK_ROOT"] = str(project_root)
        _reset_peak()
        started, cpu = time.perf_counter(), _cpu()
        signal.alarm(30)
        try:
            problems = check_project("mini", project_root / "data", project_root / "params")
            outcome = "done"
        except TimeoutError:
            problems, outcome = [], "blocked"
        except Exception as exc:  # noqa: BLE001 - a traceback is a failure of the case, reported as such
            problems, outcome = [], f"{type(exc).__name__}: {str(exc)[:200]}"
        finally:
            signal.alarm(0)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        printed = io.StringIO()
        report("mini", problems, printed)
        text = printed.getvalue()
        wanted = next((p for p in problems if p.rule == case.rule), None)
        print(json.dumps({
            "case": case.name, "outcome": outcome, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "peak_mib": _peak_mib(),
            "rules": sorted({p.rule for p in problems}),
            "message": str(wanted).splitlines()[0].replace(f"{project_root}/", "") if wanted else None,
            "printed_chars": len(text), "raw_control": any(ch in text for ch in "\x07\x1b\x00"),
        }), flush=True)


def _reset_peak() -> None:
    """Each case's peak its own: VmHWM is the process's, so a case was measured with the peak of the cases before it
    (the 50 MB cell's 371 MiB was the million empty rows' 311 plus its own). Linux resets it on "5" written to
    /proc/self/clear_refs; elsewhere the peak stays the process's (an upper bound)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_mib() -> int:
    """This process's peak resident memory. Linux's ru_maxrss keeps the peak of the process before exec (here the
    pytest process that started this one, 500+ MiB in a full run), so read VmHWM, the peak of this program's own
    memory, where /proc has it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


if __name__ == "__main__":
    run(Path(sys.argv[1]))
