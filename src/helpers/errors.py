"""The Problem record: one thing wrong with one input, said so a non-programmer can act on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Iterable, Literal

Severity = Literal["error", "warning"]
VALUE_SHOWN = 40               # characters of a cell's value a problem keeps
# a control character in a name from outside (a file named « x.csv\namem: OK - 0 errors\x1b[2J ») printed a line of
# its own in make check's list, or cleared the terminal: what a problem prints shows it as its escape (\n, \x1b)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202d\u202e]")


def visible(text: str, keep: str = "") -> str:
    """``text`` with its control characters (but those of ``keep``) as escapes, for a terminal."""
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else m.group().encode("unicode_escape").decode(),
                        text)


@dataclass(frozen=True)
class Problem:
    file: str                      # path relative to the repository, e.g. data/amem/budget.csv
    rule: str                      # short rule name, e.g. "required_column", "women_le_participants"
    message: str                   # what is wrong, in plain words
    hint: str = ""                 # what to do about it
    row: int | None = None         # row as a person sees it in a spreadsheet: the header is row 1
    column: str | None = None
    value: str | None = None
    cell: str | None = None        # for .xlsx: "Sheet1!C7"
    element: str | None = None     # for XML (IATI): "iati-activity[GB-1-109635-101]/budget[2]/value"
    severity: Severity = "error"

    def __post_init__(self) -> None:  # a 60 000-character cell is named, not printed (first 40 characters, then …)
        if self.value is not None and len(self.value) > VALUE_SHOWN:
            object.__setattr__(self, "value", self.value[:VALUE_SHOWN] + "…")

    def where(self, words: dict[str, str] | None = None) -> str:
        """File, element, cell or row, column; ``words``: the location words of another language (« ligne »,
        « colonne »: pipeline.messages), English when None."""
        say = (words or {}).get
        parts = [visible(self.file)]
        if self.element:
            parts.append(visible(self.element))
        if self.cell:
            parts.append(f"{say('cell', 'cell')} {visible(self.cell)}")
        elif self.row is not None:
            parts.append(f"{say('row', 'row')} {self.row}")
        if self.column is not None:
            word = self.column_word()
            parts.append(f"{say(word, word)} '{visible(str(self.column))}'")
        return ", ".join(parts)

    def column_word(self) -> str:
        """'key' in a YAML file (project.yaml's 'title' is no column), unless the problem is a data column the YAML
        names (a study's 'revenu': its message says « the column 'revenu' »)."""
        yaml_file = self.file.lower().endswith((".yaml", ".yml"))
        return "key" if yaml_file and f"column '{self.column}'" not in self.message else "column"

    def __str__(self) -> str:
        return self.text()

    def text(self, words: dict[str, str] | None = None) -> str:
        """The problem as make check prints it; ``words``: see ``where`` (the message and hint are the record's)."""
        colon = (words or {}).get("colon", ":")   # (« ligne 3, colonne 'x' : » in French)
        text = f"{self.where(words)}{colon} {visible(self.message, keep=chr(10))}"
        if self.value is not None:
            text += f" ({(words or {}).get('value', 'value')}{colon} {self.value!r})"
        text += f" [{self.rule}]"
        if self.hint:
            text += f"\n    -> {visible(self.hint, keep=chr(10))}"
        return text


class ValidationFailed(Exception):
    """Raised when inputs break the contract; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} problem(s) in the inputs:\n" + "\n".join(str(p) for p in errors))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean 'women'?' or '' when nothing is close."""
    close = get_close_matches(str(word).strip().lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    if not close:
        return ""
    original = {c.lower(): c for c in choices}[close[0]]
    return f"Did you mean '{original}'?"


def no_such(file: str, rule: str, what: str, name: str, known: list[str]) -> Problem:
    """'there is no project 'amem2'' with a "did you mean" and the names that do exist."""
    hint = did_you_mean(name, known)
    return Problem(file, rule, f"there is no {what} '{name}'",
                   (hint + " " if hint else "") + f"Found: {', '.join(known) or 'none'}.")
