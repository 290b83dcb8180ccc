"""Reading a file that came from outside, with limits checked before the work (data/README.md, "Limits").

* Only a regular file is read, and only when it resolves inside the folder it was found in (``root``): a named pipe
  (which would block the read forever), a device, a folder named ``x.yaml``, a link leading out of the folder or to
  nothing are each a located problem, never a hang, a traceback or "absent".
* A file larger than its limit is refused before it is read.
* YAML is read by :func:`read_yaml`: safe-loaded, at most ``MAX_YAML_BYTES``, alias expansion bounded (a 2 KB
  "billion laughs" is refused, not expanded), nesting bounded, a key written twice in a mapping an error with its line,
  control characters refused.
* A zip container (.xlsx, a Word template) is checked from its central directory before anything decompresses it:
  the uncompressed size of each part and of the whole (:func:`zip_problem`).

Each refusal is an :class:`errors.Problem` (rules ``not_a_file``, ``outside_folder``, ``file_too_large``,
``yaml_too_large``, ``yaml_aliases``, ``yaml_nesting``, ``duplicate_key``, ``control_character``, ``yaml_binary``,
``zip_bomb``).
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import re
import stat
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import yaml

from ..errors import Problem
from ..paths import relative

MiB = 1 << 20
MAX_TABLE_BYTES = 512 * MiB       # a CSV or .xlsx file
MAX_YAML_BYTES = 1 * MiB          # a params or study YAML file
MAX_IATI_BYTES = 1024 * MiB       # an IATI activity file (streamed, not held in memory)
MAX_YAML_NODES = 100_000          # values in a YAML file once its aliases are expanded
MAX_YAML_DEPTH = 100              # nesting of lists and mappings
MAX_YAML_NUMBER_CHARS = 1000      # characters of one integer (a table's number cell has the same limit)
# C0 controls but tab, line feed and carriage return; DEL; C1 controls. ESC, BEL... change a terminal's state and
# cannot be stored in an .xlsx: they are refused in text, with the cell. So are the noncharacters U+FFFE and U+FFFF,
# which no XML file can hold either: the Word and Excel export stopped on them after `make check` said OK; and the
# direction overrides U+202D and U+202E, which show the rest of their paragraph backwards, digits included (an
# outcome's label ending with U+202E made the sentence of its estimate read 481,89 for 98,184). (Written as
# themselves, not as escapes: the pattern is also run by pyarrow's RE2, which reads no \u escape.)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" "\u202d\u202e\ufffe\uffff" "]")
OVERRIDES = "\u202d\u202e"
CONTROL_HINT = ("Delete the invisible control character (copied from another program, e.g. a terminal or a PDF); "
                "retype the text if unsure.")


def control_reason(char: str) -> str:
    """Why a character of CONTROL is refused, after its name in a message."""
    if char in OVERRIDES:
        return (", a direction override: the text after it would be shown backwards in the annex, its figures too "
                "(98,184 read 481,89)")
    return ", which a spreadsheet cannot store and a terminal would act on"


# The direction embeddings (LRE, RLE) and isolates (LRI, RLI, FSI): harmless when the text closes them (PDF, PDI:
# a name copied beside Arabic text), but one left open turns the direction of everything after it in its paragraph
# or cell, the figures the annex writes after a label too: « Formation\u2067 : 12 réalisées sur 40, soit 30,0 % » was
# shown « Formation% réalisées sur 40, soit 30,0 12 : » in the browser. The readers strip them at a cell's edges
# (data.readers); one left open inside a text is refused, as the overrides are (CONTROL).
EMBEDDINGS, ISOLATES = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068"
OPENERS = EMBEDDINGS + ISOLATES
POP_EMBEDDING, POP_ISOLATE = "\u202c", "\u2069"


def unclosed_direction(text: str) -> str | None:
    """The first direction embedding or isolate that ``text`` opens and does not close, or None. As the Unicode
    bidirectional algorithm pairs them: a PDF closes the last embedding opened since the last isolate, a PDI the last
    isolate (and the embeddings inside it); a closer with nothing to close does nothing."""
    if not any(char in text for char in OPENERS):
        return None
    opened: list[str] = []
    for char in text:
        if char in OPENERS:
            opened.append(char)
        elif char == POP_EMBEDDING and opened and opened[-1] in EMBEDDINGS:
            opened.pop()
        elif char == POP_ISOLATE and any(c in ISOLATES for c in opened):
            while opened.pop() not in ISOLATES:
                pass
    return opened[0] if opened else None


def unclosed_reason(char: str) -> str:
    """The message of a text that leaves ``char`` (unclosed_direction) open."""
    what = "a direction isolate" if char in ISOLATES else "a direction embedding"
    return (f"this text opens {what} (\\u{ord(char):04x}) and does not close it: the text after it in its paragraph "
            "would be shown in another order in the annex, its figures too (« : 12 réalisées sur 40, soit 30,0 % » "
            "read « % réalisées sur 40, soit 30,0 12 : »)")


def shown(text: str, limit: int = 80) -> str:
    """A value as a message may print it: control characters as \\xNN (\\uFFFE) escapes, at most ``limit``
    characters."""
    text = CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                       text)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text):,} characters)"


def clipped(text: str, limit: int = 80) -> str:
    """A value for Problem.value (printed with repr, which escapes control characters): at most ``limit`` characters."""
    return text if len(text) <= limit else text[:limit] + f"… ({len(text):,} characters)"


# the members of a union as pydantic names them at the end of an error's location (`period.post.str`)
_UNION_MEMBER = re.compile(r"str|int|float|bool")   # (the unions of a description are of these: treated, post)


def one_error_per_key(errors: list[dict]) -> list[dict]:
    """pydantic's errors with a union's refusals of one value merged: `post: [2021]` for a round written as text or
    a number was four errors, at the keys 'period.post.str', 'period.post.int', 'period.post.float' and
    'period.post.bool', none of them a key of the file; now one, at 'period.post', saying a single value is written."""
    merged: list[dict] = []
    for err in errors:
        loc = tuple(err["loc"])
        member = len(loc) > 1 and isinstance(loc[-1], str) and _UNION_MEMBER.fullmatch(loc[-1])
        if member and merged and merged[-1]["loc"] == loc[:-1] and merged[-1]["type"] == "union":
            continue
        if member:
            merged.append({**err, "loc": loc[:-1], "type": "union",
                           "msg": "Input should be a single value (a text or a number)"})
        else:
            merged.append(err)
    return merged


class Refused(Exception):
    """An input refused before or while it was read; carries the located problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def exists(path: Path) -> bool:
    """Whether anything (a file, a folder, a pipe, a link even broken) has this name: such a name is read, and
    refused with a message when it is not a file, instead of being taken as absent."""
    return os.path.lexists(path)


def checked_input(path: Path, root: Path | None = None, max_bytes: int = MAX_TABLE_BYTES) -> Path:
    """``path`` resolved, once it is known to be a regular file inside ``root`` (default: its own folder), of at
    most ``max_bytes``; for a reader that streams the file itself (IATI). Raises :class:`Refused`."""
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    file = relative(path)
    resolved = path.resolve()
    inside = root.resolve()
    if resolved != inside and inside not in resolved.parents:
        raise Refused(Problem(file, "outside_folder", f"this is a link to {resolved}, outside {relative(root)}/: "
                              "the workbook reads only files inside the project's folders",
                              f"Copy the file into {relative(root)}/ instead of linking to it."))
    try:
        info = os.stat(resolved)
    except FileNotFoundError:
        raise Refused(Problem(file, "not_a_file", "this is a link that leads to nothing",
                              "Replace the link with the file itself.")) from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(_not_a_file(file, info.st_mode))
    if info.st_size > max_bytes:
        raise Refused(_too_large(file, info.st_size, max_bytes))
    return resolved


def read_input(path: Path, root: Path | None = None, max_bytes: int = MAX_TABLE_BYTES) -> bytes:
    """The bytes of ``path``, a regular file inside ``root`` (default: its own folder). Raises :class:`Refused`."""
    data = _read(path, root, max_bytes)
    read = _READ.get()
    if read is not None:
        read[str(path)] = digest(data)
    return data


def read_digested(path: Path, root: Path | None = None, max_bytes: int = MAX_TABLE_BYTES) -> tuple[bytes, str]:
    """read_input's bytes and their SHA-256, computed once (a table's file is 100 MB at most, 512 MiB at worst)."""
    data = _read(path, root, max_bytes)
    sha256 = digest(data)
    read = _READ.get()
    if read is not None:
        read[str(path)] = sha256
    return data, sha256


def _read(path: Path, root: Path | None, max_bytes: int) -> bytes:
    file = relative(Path(path))
    resolved = checked_input(path, root, max_bytes)
    # O_NONBLOCK: if the name became a pipe since the check above, opening it does not wait for a writer
    fd = os.open(resolved, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", closefd=True) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise Refused(_not_a_file(file, info.st_mode))
        if info.st_size > max_bytes:
            raise Refused(_too_large(file, info.st_size, max_bytes))
        # its own size (and a byte more, to see it grow): read(max_bytes + 1) asked 512 MiB of memory for each
        # file, a YAML of 300 bytes too (a buffer of that size, cut down once filled), a MemoryError where memory
        # is counted as asked (a limit of address space, a Windows commit limit)
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:
            data += handle.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:  # it grew while it was read
        raise Refused(_too_large(file, len(data), max_bytes))
    return data


T = TypeVar("T")
_READ: ContextVar[dict[str, str] | None] = ContextVar("inputs_read", default=None)


@contextmanager
def recording() -> Iterator[dict[str, str]]:
    """Within the block, every file read by read_input is noted: {path as given: SHA-256 of the bytes read}. The
    provenance of an annex gives these, the checksums of what was validated, not of the file as it is later."""
    read: dict[str, str] = {}
    token = _READ.set(read)
    try:
        yield read
    finally:
        _READ.reset(token)


def beside(fn: Callable[..., T], *args: Any) -> Callable[[], T]:
    """``fn(*args)`` started in a thread of its own; the function returned waits for its result (or raises its
    error) and adds the files it read to the caller's recording, as if it had been called there and then."""
    def recorded() -> tuple[T, dict[str, str]]:
        with recording() as read:   # a thread does not see the caller's recording: its reads are handed back
            return fn(*args), read

    pool = ThreadPoolExecutor(1)
    future = pool.submit(recorded)

    def result() -> T:
        try:
            value, read = future.result()
        finally:
            pool.shutdown()   # the thread is gone when the result is given (a build's worker forks later)
        current = _READ.get()
        if current is not None:
            current.update(read)
        return value
    return result


def _not_a_file(file: str, mode: int) -> Problem:
    return Problem(file, "not_a_file", f"this is {_kind(mode)}, not a file: it cannot be read",
                   "Replace it with the file itself (or delete it if the table does not apply).")


def _too_large(file: str, size: int, limit: int) -> Problem:
    return Problem(file, "file_too_large", f"the file is {size / MiB:,.1f} MiB, more than the {limit / MiB:,.0f} MiB "
                   "the workbook reads", "Delete the rows and columns the table does not use, or split the project "
                   "(see data/README.md, 'Limits').")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- YAML


@dataclass
class _Refusal(Exception):
    rule: str
    message: str
    hint: str
    line: int | None = None
    column: str | None = None
    value: str | None = None


class _Loader(yaml.SafeLoader):
    """SafeLoader that counts, before constructing anything, how many values the aliases expand to, and refuses keys
    written twice and control characters."""

    def compose_document(self):
        node = super().compose_document()
        _expanded_size(node)
        return node

    def compose_node(self, parent, index):
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _Refusal("yaml_nesting", f"lists and mappings are nested more than {MAX_YAML_DEPTH} deep",
                               "Write one 'key: value' per line; params files are a few levels deep at most.",
                               self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node)
                line = key_node.start_mark.line + 1
                try:
                    first = seen.get(key)
                except TypeError:
                    continue
                if first is not None:
                    raise _Refusal("duplicate_key", f"the key '{shown(str(key))}' is written twice in the same "
                                   f"mapping (first on line {first}); YAML would silently keep the last one",
                                   "Delete one of the two lines, or merge them.", line, shown(str(key)))
                seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        if isinstance(value, str) and _SURROGATE.search(value):
            value = _surrogates_joined(value, node.start_mark.line + 1)
        if isinstance(value, str) and CONTROL.search(value):
            char = CONTROL.search(value).group()
            raise _Refusal("control_character", f"this text holds a control character ({shown(char)})"
                           f"{control_reason(char)}", CONTROL_HINT, node.start_mark.line + 1,
                           value=clipped(value))
        if isinstance(value, str) and unclosed_direction(value):
            raise _Refusal("control_character", unclosed_reason(unclosed_direction(value)), CONTROL_HINT,
                           node.start_mark.line + 1, value=clipped(value))
        return value


# A YAML escape of half a UTF-16 pair ("\\ud83c\\uddf2", as a JSON tool writes an emoji): YAML keeps each half as a
# character of its own, which no file can store: the build stopped on the title of the annex, after make check OK
_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogates_joined(value: str, line: int) -> str:
    """The text with each pair of halves joined into its character (\\ud83d\\ude00 is 😀); a half alone is refused."""
    joined = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    alone = _SURROGATE.search(joined)
    if alone:
        escaped = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", joined)
        raise _Refusal("control_character", f"this text holds half of a character (\\u{ord(alone.group()):04x}, a "
                       "surrogate without its pair), which no file can store", "Write the character itself rather "
                       "than its \\u escape, or delete the escape.", line, value=clipped(escaped))
    return joined


class WrittenFloat(float):
    """A YAML float that remembers how it was written: `budget_total: 140.000` is 140.0 for YAML, and 140 000 in a
    project whose decimal mark is ',' (params reads ``written`` with it, as the tables read amounts)."""

    written: str = ""


def _written_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value = WrittenFloat(loader.construct_yaml_float(node))
    value.written = node.value
    return value


_Loader.add_constructor("tag:yaml.org,2002:float", _written_float)


def _date(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date YAML reads (2021-06-31): one that does not exist raised ValueError out of make check, a traceback."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:
        raise _Refusal("not_a_date", f"'{shown(node.value)}' is not a date that exists ({exc})",
                       "Correct the date, written year first, month, day (e.g. 2021-06-30).",
                       node.start_mark.line + 1, value=clipped(node.value)) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """An integer YAML reads. `budget_total: 999...9` of 5,000 digits raised ValueError out of make check (Python reads
    no integer of more than 4,300 digits), a traceback; 0xfff... or 59:59:... of as many characters made one that
    could not be printed. No value of a params file or a study is written in more than a few dozen characters."""
    if len(node.value) > MAX_YAML_NUMBER_CHARS:
        raise _Refusal("bad_value", f"this number is written in {len(node.value):,} characters, more than the "
                       f"{MAX_YAML_NUMBER_CHARS:,} the workbook reads", "Write the number itself (an amount, a "
                       "count, a threshold), in a few digits.", node.start_mark.line + 1, value=clipped(node.value))
    return loader.construct_yaml_int(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _int)


def _binary(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A value written `!!binary <base64>` was decoded after the check of control characters (which sees the base64
    text): `name: !!binary 4oCuTWFyb2M=` made an annex named U+202E « Maroc », shown backwards. No params or study
    value is binary: refused."""
    raise _Refusal("yaml_binary", "a value written as !!binary (base64) is not read: params and studies are text",
                   "Write the value itself, as text, without !!binary.", node.start_mark.line + 1,
                   value=clipped(str(node.value)))


_Loader.add_constructor("tag:yaml.org,2002:binary", _binary)


def _expanded_size(root) -> int:
    """How many nodes the document has once every alias is expanded; refuses more than MAX_YAML_NODES (and an
    alias that contains itself). Iterative and memoised: a billion laughs costs a few dozen steps."""
    if root is None:
        return 0
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
        if not children_done:
            if key in active:
                raise _Refusal("yaml_aliases", "an alias (*name) refers to the list or mapping that contains it",
                               "Remove the anchor (&name) and its aliases (*name); write the values out.",
                               node.start_mark.line + 1)
            active.add(key)
            stack.append((node, True))
            stack += [(c, False) for c in children if id(c) not in sizes]
            continue
        active.discard(key)
        sizes[key] = 1 + sum(sizes[id(c)] for c in children)
        if sizes[key] > MAX_YAML_NODES:
            raise _Refusal("yaml_aliases", f"once its aliases (*name) are expanded, this file holds more than "
                           f"{MAX_YAML_NODES:,} values (a 'billion laughs' file)",
                           "Remove the anchors (&name) and aliases (*name); write the values out.",
                           node.start_mark.line + 1)
    return sizes[id(root)]


# within a check (yaml_read_once): each params file as it was read the first time, {(path, root): (content, problems,
# SHA-256)}. project.yaml was read once per annex file and again by each rule that looks at what it writes
# (ambiguous_amounts, currency_named, lines_above_budget_total...): one file read several times, each rule possibly
# seeing another version of it when it was saved during the check
_YAML_READ: ContextVar[dict[tuple[str, str], tuple[Any, list[Problem], str]] | None] = ContextVar("yaml_read",
                                                                                                default=None)


@contextmanager
def yaml_read_once() -> Iterator[None]:
    """Within the block, read_yaml reads each file once and gives every later caller a copy of that reading."""
    token = _YAML_READ.set({})
    try:
        yield
    finally:
        _YAML_READ.reset(token)


def read_yaml(path: Path, root: Path | None = None) -> tuple[Any, list[Problem]]:
    """The YAML file's content (None when refused) and its problems. Only ``yaml.SafeLoader``'s types are built."""
    once, key = _YAML_READ.get(), (str(path), str(root))
    if once is None:
        return _read_yaml(path, root)[:2]
    if key not in once:
        once[key] = _read_yaml(path, root)
    content, problems, sha256 = once[key]
    read = _READ.get()
    if read is not None and sha256:   # (a recording opened after the first reading notes the file all the same)
        read[str(path)] = sha256
    return copy.deepcopy(content), list(problems)   # (a caller may change the mapping it is given)


def _read_yaml(path: Path, root: Path | None = None) -> tuple[Any, list[Problem], str]:
    """read_yaml's reading of the file, with the SHA-256 of its bytes ("" when they were not read)."""
    file = relative(path)
    try:
        data = read_input(path, root, MAX_YAML_BYTES)
    except Refused as exc:
        problem = exc.problem
        if problem.rule == "file_too_large":
            problem = Problem(file, "yaml_too_large", f"the file is larger than {MAX_YAML_BYTES // 1024:,} KiB; "
                              "a params file is a few dozen lines", "Check that this is the right file.")
        return None, [problem], ""
    sha256 = digest(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(file, "encoding", f"the file is not UTF-8 ({exc.reason})",
                              "Save it as UTF-8 (any text editor can).")], sha256
    try:
        return yaml.load(text, Loader=_Loader), [], sha256  # noqa: S506 - _Loader is a SafeLoader
    except _Refusal as exc:
        return None, [Problem(file, exc.rule, exc.message, exc.hint, row=exc.line, column=exc.column,
                              value=exc.value)], sha256
    except RecursionError:
        return None, [Problem(file, "yaml_nesting", "lists and mappings are nested too deep",
                              "Write one 'key: value' per line.")], sha256
    except yaml.constructor.ConstructorError as exc:
        if "could not determine a constructor for the tag" not in str(exc.problem):
            raise
        return None, [_tag_problem(file, exc)], sha256
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(file, exc)], sha256


def _syntax_problem(file: str, exc: yaml.YAMLError) -> Problem:
    """PyYAML's message quoted with its line and column (pipeline.messages says it in French, as the IATI reader's
    libxml2 messages): « mapping values are not allowed here » alone, in English in a French project, named no place
    on the line and no cause."""
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    if problem == "could not find expected ':'" and getattr(exc, "context_mark", None):
        mark = exc.context_mark   # (PyYAML gives up lines below the key written without its ':')
    where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return Problem(file, "yaml_syntax", f"this is not valid YAML: {problem}{where}", _syntax_hint(problem, exc),
                   row=mark.line + 1 if mark else None)


def _syntax_hint(problem: str, exc: yaml.YAMLError) -> str:
    if "'\\t'" in problem:   # (an editor's tab key)
        return "Indent with spaces, not tabs: replace each tab of the line by two spaces."
    if problem == "mapping values are not allowed here":   # `title: AMEM: Maghreb`, or a key indented too far
        return ("Put a value holding ': ' in quotes (title: \"AMEM: Maghreb\"); else indent the key as the keys "
                "above it.")
    opened = getattr(exc, "context_mark", None)
    if problem == "found unexpected end of stream" and "quoted" in str(getattr(exc, "context", "")) and opened:
        return f"Close the quote opened line {opened.line + 1} where its value ends."   # `title: "AMEM`, never closed
    if problem == "could not find expected ':'":
        return "Write this line as 'key: value' (a ':' and a space after the key), or join it to the value above it."
    if problem.startswith("found unknown escape character"):   # `dossier: "C:\\Rapports"`
        return "In double quotes a \\ starts an escape: write the value in single quotes ('C:\\Rapports')."
    if problem == "expected <block end>, but found '<scalar>'":   # `titre: 'l'été'`
        return ("Write a value holding an apostrophe in double quotes (\"l'été\"), or double the apostrophe inside "
                "single quotes ('l''été').")
    return ("Check indentation and the ':' after each key; put a value that starts with a sign in quotes, e.g. "
            "decimal_mark: \",\"")


def _tag_problem(file: str, exc: yaml.constructor.ConstructorError) -> Problem:
    """A value marked with a tag YAML's safe reading does not build (`!!python/object/apply:os.system [...]`, a
    template's `!Ref`): it was « not valid YAML », told to check the indentation, in English in a French project."""
    tag = re.search(r"for the tag '([^']*)'", str(exc.problem))
    written = tag.group(1).replace("tag:yaml.org,2002:", "!!") if tag else "?"
    mark = exc.problem_mark
    return Problem(file, "yaml_syntax", f"a value is marked with the tag {shown(written)}, which the workbook does not "
                   "read: params and studies hold only text, numbers, dates, lists and 'key: value' lines",
                   f"Delete the tag ({shown(written)}) and write the value itself.",
                   row=mark.line + 1 if mark else None, value=clipped(written))


# ---------------------------------------------------------------- zip containers (.xlsx, .docx)


def zip_problem(file: str, data: bytes | Path, max_part: int, max_total: int, max_parts: int = 10_000,
                what: str = "workbook", hint: str = "") -> Problem | None:
    """A zip bomb, said from the central directory before any part is decompressed; None when the sizes are within
    the limits (or the file is no zip: its reader says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    total = sum(i.file_size for i in infos)
    biggest = max(infos, key=lambda i: i.file_size, default=None)
    if len(infos) > max_parts:
        message = f"the {what} holds {len(infos):,} parts, more than {max_parts:,}"
    elif biggest is not None and biggest.file_size > max_part:
        message = (f"the {what}'s part {biggest.filename} unpacks to {biggest.file_size / MiB:,.0f} MiB, more than "
                   f"the {max_part / MiB:,.0f} MiB the workbook accepts (a 'zip bomb', or a file far too large)")
    elif total > max_total:
        message = (f"the {what} unpacks to {total / MiB:,.0f} MiB, more than the {max_total / MiB:,.0f} MiB the "
                   "workbook accepts")
    else:
        return None
    return Problem(file, "zip_bomb", message, hint or "Open the file in Excel and check it; save large tables as "
                   "'CSV UTF-8' (see data/README.md, 'Limits').")


def load_described(folder: Path, load_one, kind: str, see: str, skip=lambda path: False):
    """The impact studies or surveys of ``folder``: each ``<name>.yaml`` describes one, read by ``load_one(path) ->
    (item or None, problems)``; a data file (.csv, .xlsx) with no description beside it is ignored with a warning
    (rule ``<kind>_without_description``). Returns the items loaded without an error, by name; every problem; the
    files read. ``skip`` names data files that need no description of their own (a survey's form)."""
    items: dict = {}
    problems: list = []
    files: list[Path] = []
    if not folder.is_dir():
        return items, problems, files
    if folder.resolve().parent != folder.parent.resolve():
        # data/<project>/impact/ a link to a folder elsewhere: each file was inside the folder it resolves to, and
        # was read (the study of another project, a shared drive) where a file so linked is refused (checked_input)
        return items, [Problem(f"{relative(folder.parent)}/{folder.name}", "outside_folder", f"this is a link to {folder.resolve()}, outside "
                               f"{relative(folder.parent)}/: the workbook reads only files inside the project's "
                               "folders", f"Copy the folder into {relative(folder.parent)}/ instead of linking to "
                               "it.")], files
    for path in sorted(folder.glob("*.csv")) + sorted(folder.glob("*.xlsx")):
        if not skip(path) and not exists(folder / f"{path.stem}.yaml"):
            problems.append(Problem(relative(path), f"{kind}_without_description",
                                    f"this {kind} has no description and is ignored",
                                    f"Add {path.stem}.yaml next to it (see {see}).", severity="warning"))
    for spec_path in sorted(folder.glob("*.yaml")):
        item, found = load_one(spec_path)
        problems += found
        if item is not None:
            files += item.files
            if not any(p.severity == "error" for p in found):
                items[item.name] = item
    return items, problems, files
