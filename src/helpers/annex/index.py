"""build/annexes/index.html: every built annex (HTML, Word, Excel) with its headline figures, read back from its
figures.csv."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

from ..analyses.gender import UNKNOWN_SEX_NOTE
from . import fmt, theme
from .words import say

UNKNOWN_SEX = re.compile(r"; ([0-9.]+)" + re.escape(UNKNOWN_SEX_NOTE))
HEADLINES = (  # (metric, key, kind): headed by the metric's name (words: index_<metric>)
    ("physical_execution_rate", "all", "pct"),
    ("financial_execution_rate", "total", "pct"),
    ("women_share", "all", "pct"),
)


def _headlines(figures_csv: Path) -> tuple[dict[tuple[str, str], float], int, int, int, dict[tuple[str, str], str]]:
    """Headline values of one annex and its published figures: checked, in mismatch (*Écart*, as the annex counts
    them) and truncated (*Tronqué*, counted apart as the annex does); a figures file that cannot be read gives none
    (the index still lists it). Last, the notes of the figures that are not computable (why), and of a women's
    share that leaves out participants of unknown sex, (participants counted, unknown)."""
    values, checked, mismatch, truncated, notes = {}, 0, 0, 0, {}
    try:
        with open(figures_csv, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["metric"] == "reported_figure":
                    checked += 1
                    mismatch += row["status"] == "mismatch"
                    truncated += row["status"] == "truncated"
                elif row["value"] not in ("", "nan"):
                    values.setdefault((row["metric"], row["key"]), float(row["value"]))
                    if row["metric"] == "women_share" and row.get("n") and \
                            (unknown := UNKNOWN_SEX.search(row.get("note", ""))):
                        # the share leaves out participants of unknown sex: (participants counted, unknown)
                        notes.setdefault((row["metric"], row["key"]), (float(row["n"]), float(unknown[1])))
                else:  # why a headline is not computable, for the note under the index table
                    notes.setdefault((row["metric"], row["key"]), row.get("note", ""))
    except (OSError, KeyError, ValueError, UnicodeDecodeError):
        return {}, 0, 0, 0, {}
    return values, checked, mismatch, truncated, notes


def _why_missing(note: str | None, lang: str) -> str:
    """Why a headline shows n.d.: the figure's own reason, or that the annex has no data for it."""
    if note:
        return fmt.reason(note, lang)
    return say("index_no_data", lang)


def _disagreeing(checked: int, mismatch: int, truncated: int, lang: str) -> str:
    """'12 / 37' (the annex's *en écart*), then the truncated ones apart: '12 / 37 (+ 3 tronqués)'."""
    if not checked:
        return say("index_none_published", lang)
    text = f"{mismatch} / {checked}"
    if truncated:
        word = say("index_truncated_one" if truncated == 1 else "index_truncated_many", lang)
        text += f" (+ {truncated} {word})"
    return text


def _documents(project: Path, page: Path) -> str:
    """Links to the annex's Word and Excel files beside its HTML, when they are there."""
    links = [f'<a href="{html.escape(project.name)}/{html.escape(page.stem + suffix)}">{name}</a>'
             for suffix, name in ((".docx", "Word"), (".xlsx", "Excel")) if page.with_suffix(suffix).is_file()]
    return f' <span class="documents">({" · ".join(links)})</span>' if links else ""


def render_index(root: Path, lang: str = "fr", current: set[tuple[str, str]] | None = None,
                 failed: set[tuple[str, str]] = frozenset()) -> str:
    """``current``: the (project, annex) pairs params/ has; an annex built from a file since renamed or removed is
    not listed beside them (its figures, of an earlier build, read as current: « senegal 30,0 % » beside
    « senegal-2021 35,0 % »), only named under the table. None: every annex built. ``failed``: the annexes whose
    last build failed, listed with their earlier files and named under the table as not up to date."""
    heads = [say(f"index_{metric}", lang) for metric, _, _ in HEADLINES]
    heads.append(say("index_disagree", lang))
    rows, missing, stale, behind, partial, any_truncated = [], [], [], [], [], False
    for project in sorted(p for p in root.iterdir() if p.is_dir()):
        for page in sorted(project.glob("*.html")):
            figures = page.with_suffix(".figures.csv")
            if not figures.is_file():
                continue
            if current is not None and (project.name, page.stem) not in current:
                stale.append(f"{project.name}/{page.name}")
                continue
            if (project.name, page.stem) in failed:   # its files are an earlier build's, of the data as they were
                behind.append(f"{project.name}/{page.name}")
            values, checked, mismatch, truncated, notes = _headlines(figures)
            cells = [f'<td><a href="{html.escape(project.name)}/{html.escape(page.name)}">'
                     f"{html.escape(project.name)} / {html.escape(page.stem)}</a>{_documents(project, page)}</td>"]
            annex = f"{project.name} / {page.stem}"
            for (metric, key, kind), heading in zip(HEADLINES, heads):
                cells.append(f'<td class="num">{html.escape(fmt.percent(values.get((metric, key)), 1, lang))}</td>')
                if isinstance(notes.get((metric, key)), tuple):
                    partial.append(_unknown_sex_line(annex, heading, values[(metric, key)], *notes[(metric, key)], lang))
                elif fmt.is_missing(values.get((metric, key))):
                    missing.append(say("index_missing_line", lang, annex=annex,
                                       heading=heading, why=_why_missing(notes.get((metric, key)), lang)))
            any_truncated = any_truncated or truncated > 0
            cells.append(f'<td class="num">{html.escape(_disagreeing(checked, mismatch, truncated, lang))}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
    css = theme.annex_css()
    title = say("index_title", lang)
    header = "".join(f"<th>{html.escape(h)}</th>" for h in [say("index_annex", lang), *heads])
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{css}</style></head><body><h1>{title}</h1>"
            f'<table class="annex-table"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"{_failed_note(behind, lang)}{_notes(partial, any_truncated, lang)}{_missing_note(missing, lang)}"
            f"{_stale_note(stale, lang)}</body></html>\n")


def _unknown_sex_line(annex: str, heading: str, share: float, counted: float, unknown: float, lang: str) -> str:
    """A women's share among the participants of known sex only, with the bounds among all of them: 63,3 % of 177,
    40 of unknown sex, is between 51,6 % (none of them a woman) and 70,0 % (all of them)."""
    women, everyone = share / 100 * counted, counted + unknown
    return say("index_unknown_sex", lang, annex=annex, heading=heading, share=fmt.percent(share, 1, lang),
               counted=_count(counted, lang), unknown=_count(unknown, lang),
               low=fmt.percent(100 * women / everyone, 1, lang),
               high=fmt.percent(100 * (women + unknown) / everyone, 1, lang))


def _count(value: float, lang: str) -> str:
    return fmt.number(value, 0 if value == round(value) else 1, lang)


def _notes(partial: list[str], truncated: bool, lang: str) -> str:
    """Under the table, what a figure of it leaves out (a share without the participants of unknown sex) and what
    « tronqué » means."""
    lines = partial + ([say("index_truncated_meaning", lang)] if truncated else [])
    return "".join(f'<div class="note"><p>{html.escape(line)}</p></div>' for line in lines)


def _failed_note(behind: list[str], lang: str) -> str:
    if not behind:
        return ""
    return f'<div class="note"><p>{html.escape(say("index_failed", lang, annexes=", ".join(behind)))}</p></div>'


def _stale_note(stale: list[str], lang: str) -> str:
    if not stale:
        return ""
    return f'<div class="note"><p>{html.escape(say("index_stale", lang, annexes=", ".join(stale)))}</p></div>'


def _missing_note(missing: list[str], lang: str) -> str:
    """Under the table, why each n.d. of it is not available (issue 21: no n.d. without its reason)."""
    if not missing:
        return ""
    title = say("index_missing_title", lang)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in missing)
    return f'<div class="note"><p>{title}</p><ul>{items}</ul></div>'

