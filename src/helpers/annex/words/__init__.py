"""The annex's own words, one catalogue per language (fr.py, en.py), looked up by key.

``say("toc_title", lang)`` is "Sommaire" in a French annex and "Contents" in an English one; a text with
placeholders takes them by name: ``say("kicker", lang, project="AMEM")``. Both catalogues have the same keys and,
for each key, the same placeholders (tests/annex/test_words.py). A new language is one new module with the same
keys, added to CATALOGUES.

What a notebook writes itself goes through ``ctx.text(fr=..., en=...)``; the names of metrics, statuses and
columns through ``fmt.word``; the study's and the survey's own labels come from their files.
"""

from __future__ import annotations

from . import en, fr

CATALOGUES: dict[str, dict[str, str]] = {"fr": fr.WORDS, "en": en.WORDS}


def catalogue(lang: str) -> dict[str, str]:
    try:
        return CATALOGUES[lang]
    except KeyError:
        raise ValueError(f"language {lang!r}: an annex is written in {' or '.join(CATALOGUES)}") from None


def say(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang``, its ``{placeholders}`` filled from ``values``."""
    return catalogue(lang)[key].format(**values)


def pick(lang: str, fr: str, en: str) -> str:
    """Of a text given in both languages (a notebook's ``ctx.text(fr=..., en=...)``, a column heading's pair), the
    one in ``lang``."""
    catalogue(lang)  # an unknown language is an error that names those there are
    return {"fr": fr, "en": en}[lang]


def known(key: str, lang: str) -> bool:
    return key in catalogue(lang)
