"""The annex's words: one catalogue per language, the same keys and the same placeholders in each."""

from __future__ import annotations

from string import Formatter

import pytest

from helpers.annex import words


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


# A language may leave out a value the other needs: French says "L'autre" where English says "1 more".
MAY_LEAVE_OUT = {("fr", "bars_left_out_one"): {"n"}}


def test_every_catalogue_has_the_same_keys_and_placeholders():
    fr, en = words.CATALOGUES["fr"], words.CATALOGUES["en"]
    assert sorted(set(fr) ^ set(en)) == [], "a key in one catalogue only"
    differ = {key: (_placeholders(fr[key]), _placeholders(en[key])) for key in fr
              if _placeholders(fr[key]) | MAY_LEAVE_OUT.get(("fr", key), set())
              != _placeholders(en[key]) | MAY_LEAVE_OUT.get(("en", key), set())}
    assert differ == {}
    for lang, catalogue in words.CATALOGUES.items():
        for key, text in catalogue.items():  # every text formats with its own placeholders
            assert isinstance(text, str) and text.strip(), f"{lang}:{key} is empty"
            words.say(key, lang, **{name: "x" for name in _placeholders(text)})


def test_a_word_is_said_in_the_annex_language_with_its_values():
    assert words.say("kicker", "fr", project="AMEM") == "Annexe d'évaluation — AMEM"
    assert words.say("kicker", "en", project="AMEM") == "Evaluation annex — AMEM"
    assert words.say("toc_title", "fr") == "Sommaire" and words.say("toc_title", "en") == "Contents"
    with pytest.raises(KeyError):
        words.say("kicker", "fr")  # a placeholder left unfilled is an error, not a "{project}" in the annex
    with pytest.raises(ValueError, match="fr or en"):
        words.say("toc_title", "de")


def test_french_texts_use_french_typography():
    """A French colon, semicolon, question or exclamation mark has a space before it (NBSP or plain)."""
    import re

    bad = {key: text for key, text in words.CATALOGUES["fr"].items() if re.search(r"\S[:;?!](\s|$)", text)}
    assert bad == {}


def test_a_text_given_in_both_languages_is_picked_by_the_annex_language():
    assert words.pick("fr", "Bonjour", "Hello") == "Bonjour" and words.pick("en", "Bonjour", "Hello") == "Hello"
    with pytest.raises(ValueError, match="fr or en"):
        words.pick("es", "Bonjour", "Hello")


def test_the_annex_words_of_the_groups_read_back_as_their_codes():
    """A participation group typed as the annex shows it (« Gouvernement », « Civil society ») is its code: the
    loader read only `government`... and refused the annex's own words."""
    from helpers.annex import fmt
    from helpers.data.spec import GROUPS, SPEC
    from helpers.text import as_code

    words_of = dict(SPEC["participation"].column("group").words)
    for group in GROUPS:
        for lang in ("fr", "en"):
            written = as_code(fmt.word(group, lang))
            assert words_of.get(written, written) == group, (group, lang, fmt.word(group, lang))
