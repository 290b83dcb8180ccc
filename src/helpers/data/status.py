"""Activity status vocabulary: the labels partners write -> the eight canonical codes.

Matching compares *keys*: the label lowercased, accents removed, parenthesised remarks such as « (100 %) » or
« (e)(s) » removed, punctuation turned into spaces, and each word's plural/feminine ending (-es, -s, -e) dropped.
So « Réalisé », « Réalisée », « Réalisées (100 %) » and « REALISE. » all give the key ``realis`` -> ``done``.

A label that *starts with* a known label and goes on with a date remark is accepted too, e.g.
« Prévue à partir du 25 mars 2021 » -> not_started, « Réalisé le 12/03/2021 » -> done. To avoid false positives the
remark must contain a date (a year 19xx/20xx, a dd/mm date or a month name) and no '%': « Réalisé à 50 % » or
« En cours de validation » are refused rather than guessed. The longest known label wins, so « Non réalisé en 2021 »
is not_started, not done.

A project adds its own labels with ``status_synonyms: {label: code}`` in params/<project>/project.yaml; they are
matched the same way and win over the built-in ones.
"""

from __future__ import annotations

import re
from typing import Mapping

from ..text import unaccented

CODES = ("done", "in_progress", "not_started", "delayed", "seriously_delayed", "on_time", "ahead", "cancelled")

# code -> labels as people write them (shown in error messages; matched through key()).
ACCEPTED_LABELS: dict[str, tuple[str, ...]] = {
    "done": ("Réalisé(e)", "Publié", "Accompli", "Achevé", "Terminé", "Clôturé", "Finalisé", "Exécuté", "done",
             "completed", "finished", "closed"),
    "in_progress": ("En cours", "En cours (avancé)", "En cours de réalisation", "En cours de publication",
                    "En cours d'exécution", "Partiellement réalisé", "in progress", "ongoing", "partially completed"),
    "not_started": ("Non réalisé", "Non démarré", "Pas démarré", "Pas commencé", "Non commencé", "Prévu(e)",
                    "Planifié(e)", "Programmé(e)", "Pas encore démarré", "Pas encore commencé", "Non réaalisé", "not started", "not yet started", "planned"),
    "delayed": ("Retardé(e)(s)", "En retard", "Reporté(e)", "delayed", "late", "postponed"),
    "seriously_delayed": ("En sérieux retard", "seriously delayed"),
    "on_time": ("Dans les délais", "on time", "on track"),
    "ahead": ("En avance", "ahead", "ahead of schedule"),
    "cancelled": ("Annulé(e)", "Abandonné(e)", "cancelled", "canceled", "dropped", "abandoned"),
}

_MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
           "novembre", "decembre", "january", "february", "march", "april", "june", "july", "august",
           "september", "october", "november", "december")
_DATE_REMARK = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}\b|\b(" + "|".join(_MONTHS) + r")\b")


def _plain(text: str) -> str:
    """Lowercase, no accents (é -> e), typographic apostrophes and spaces made plain."""
    return unaccented(str(text)).replace("\u2019", "'").lower()


def _fold(word: str) -> str:
    if len(word) <= 3:
        return word
    return re.sub(r"e+$", "", re.sub(r"s$", "", word))


def key(label: str) -> str:
    """The matching key of a label: « Réalisée(s) (100 %) » -> 'realis', « En cours » -> 'en cour'."""
    plain = re.sub(r"\([^)]*\)", " ", _plain(label))
    words = re.findall(r"[^\W_]+", plain)
    return " ".join(_fold(w) for w in words)


_BUILT_IN: dict[str, str] = {}
for _code, _labels in ACCEPTED_LABELS.items():
    _BUILT_IN[key(_code)] = _code  # "in_progress" -> "in progr"
    for _label in _labels:
        _BUILT_IN[key(_label)] = _code


def _vocabulary(synonyms: Mapping[str, str] | None) -> dict[str, str]:
    vocabulary = dict(_BUILT_IN)
    for label, code in (synonyms or {}).items():
        if code not in CODES:
            raise ValueError(f"status synonym {label!r} maps to unknown code {code!r}")
        vocabulary[key(label)] = code
    return vocabulary


def normalise_status(label: object, synonyms: Mapping[str, str] | None = None) -> str | None:
    """The canonical code of a status label, or None when it is not recognised (or empty)."""
    if label is None or not isinstance(label, str):
        return None
    wanted = key(label)
    if not wanted:
        return None
    vocabulary = _vocabulary(synonyms)
    if wanted in vocabulary:
        return vocabulary[wanted]
    return _with_date_remark(label, wanted, vocabulary)


def _with_date_remark(label: str, wanted: str, vocabulary: Mapping[str, str]) -> str | None:
    if "%" in label:
        return None
    for known in sorted(vocabulary, key=len, reverse=True):
        if wanted.startswith(known + " "):
            remark = _plain(label)
            return vocabulary[known] if _DATE_REMARK.search(remark) else None
    return None


def accepted_text(synonyms: Mapping[str, str] | None = None) -> str:
    """The accepted labels, for an error message: 'done: Réalisé(e), Publié, ...; in_progress: ...'."""
    parts = []
    for code in CODES:
        extra = [label for label, c in (synonyms or {}).items() if c == code]
        parts.append(f"{code}: " + ", ".join((*ACCEPTED_LABELS[code], *extra)))
    return "; ".join(parts)
