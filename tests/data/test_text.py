"""One way to compare names (helpers.text): the loader, the params and the analyses agree on which annex covers the
whole project, on a country, and on a study's treated value, whatever the case, accents or spaces."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fixtures.mini_project import Mini
from helpers.analyses import figures, impact
from helpers.data.loader import load_project
from helpers.data.model import scope
from helpers.data.params import load_annex_params
from helpers.text import fold, is_all, unaccented

SRC = Path(__file__).resolve().parents[2] / "src" / "helpers"


def test_fold_ignores_case_accents_and_spaces_and_reads_missing_values_as_empty():
    assert fold(" Égypte\u00a0") == fold("EGYPTE") == "egypte"
    assert fold("Straße") == "strasse"
    assert [fold(v) for v in (None, float("nan"), pd.NA)] == ["", "", ""]


@pytest.mark.parametrize("country", ["all", " ALL ", "Àll", "ＡＬＬ"])
def test_the_params_the_loader_and_the_figures_agree_on_the_annex_of_the_whole_project(tmp_path, country):
    """'Àll' (or full-width 'ＡＬＬ') was the whole project for the scope and the figures (fold) but a country for the
    params (strip().lower()): `make check` refused it as an unknown country, and the budget total was left out."""
    mini = Mini.copy_to(tmp_path)
    mini.set_param("budget_total", 200000)
    mini.write_param_file("ensemble", f"country: '{country}'\nname: Ensemble\n")
    params = load_annex_params("mini", "ensemble", mini.params_dir)
    data = load_project("mini", mini.data_dir, mini.params_dir)
    assert params.is_all and is_all(params.country)
    assert scope(data, params.country) is data
    assert params.budget_total == 200000 and params.project_budget_total is None   # the all annex applies it
    assert not [p for p in mini.check("mini") if p.rule == "unknown_country"]
    shown = figures.annex_figures(data, params)
    assert shown["key"].astype(str).str.contains("Maroc|maroc").any()          # per country, as the all annex does
    country_annex = load_annex_params("mini", "maroc", mini.params_dir)
    assert not country_annex.is_all and scope(data, country_annex.country) is not data


def test_a_study_counts_as_treated_every_value_the_loader_checked_as_treated():
    """The loader checks `treated: traité` with fold; the estimate used to compare case only, so a row written
    'Traite' passed the check and then counted as a comparison row."""
    flags = impact.indicator(pd.Series(["Traité", "Traite", " traité", "Témoin", None]), "traité")
    assert flags[:4].tolist() == [1.0, 1.0, 1.0, 0.0] and pd.isna(flags[4])


def test_no_module_but_text_folds_accents_by_hand():
    by_hand = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                     if re.search(r'normalize\("NFKD"', p.read_text(encoding="utf-8")))
    # paths: ASCII file names (a slug, not a comparison); annex/word: a character's base letter for Word's fonts
    assert by_hand == ["annex/word.py", "paths.py", "text.py"]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_fold_of_ascii_text_is_the_rule_for_any_text(text):
    """fold takes a shortcut for ASCII text (strip and lower); it must give what accents off, strip, casefold give."""
    assert fold(text) == unaccented(text).strip().casefold()


def test_fold_leaves_out_the_characters_that_show_nothing():
    assert fold("Benali\u200b") == fold("\ufeffBenali") == fold("Ben\u00adali") == fold("Benali\u200f") == "benali"
    assert fold("Maroc\u2060") == fold("MAROC")


def test_a_person_written_with_a_zero_width_space_is_one_person(tmp_path):
    """'Benali' + U+200B (a name copied from a web form) at a second training was another person: 3 persons and 2
    women where the register names 2 persons, 1 a woman."""
    from helpers.analyses.gender import persons

    mini = Mini.copy_to(tmp_path)
    mini.write("participation", "event_id,nom,prénom,sexe,pays\nE1,Benali,Sara,f,Maroc\n"
               "E2,Benali\u200b,Sara,f,Maroc\nE2,Alaoui,Omar,m,Maroc\n")
    table = load_project("mini", mini.data_dir, mini.params_dir).tables["participation"]
    who = persons(table).iloc[0]
    assert (who["persons"], who["women"], who["participations"]) == (2, 1, 3)


@pytest.mark.parametrize("written", ["Régional", "Multi–pays", "Sous\u2011régional", "Sous – régional", "Global.", "-",
                                     "—", "–", "n/a", "s.o.", "Sans objet"])
def test_the_project_as_a_whole_is_read_however_spaced_and_hyphenated(written):
    """« Sous–régional » (Word's en dash) was a country of that name where « Sous-régional » was the project's;
    « — » a country where « - » was the project's."""
    from helpers.text import is_project_wide

    assert is_project_wide(written)


@pytest.mark.parametrize("written", ["Inconnu", "inconnue", "Non renseigné", "N/D", "ND", "n. d.", "NR", "Non précisé",
                                     "Indéterminé", "inconnu(e)"])
def test_not_known_is_one_vocabulary_for_countries_numbers_and_groups(written):
    """« Inconnu » was refused as a country and « Non renseigné » read as one; a number cell so written is refused
    with the same reason."""
    from helpers.data.numbers import NOT_KNOWN, parse_number
    from helpers.text import is_not_known, is_project_wide

    assert is_not_known(written) and not is_project_wide(written)
    with pytest.raises(ValueError, match=NOT_KNOWN):
        parse_number(written, ",")
