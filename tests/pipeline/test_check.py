"""`make check` (helpers.pipeline.check): problems grouped by file and rule, the full list in build/check/<project>.csv."""

from __future__ import annotations

import datetime as dt
import io
import re
import time

import pandas as pd
import pytest

from fixtures.mini_project import Mini
from helpers.pipeline.check import CSV_COLUMNS, SHOWN_PER_GROUP, reported_figure_problems, run_check

ROWS = 20_000


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def _broken_register(mini: Mini) -> None:
    """20,000 participation rows broken the same way (a word for a count), and one other problem."""
    lines = "".join(f"E{i},vingt,,Maroc\n" for i in range(ROWS))
    mini.write("participation", "event_id,participants,women,country\n" + lines)
    mini.replace("activities", "Réalisé,", "Fini,")


def test_a_big_broken_file_is_grouped_and_listed_in_full(mini):
    _broken_register(mini)
    out = io.StringIO()
    started = time.perf_counter()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 1
    elapsed = time.perf_counter() - started
    text = out.getvalue()
    lines = text.splitlines()
    assert len(lines) < 60, text[:3000]
    shown = [line for line in lines if "participation.csv, ligne" in line]   # (mini is French: its language)
    assert [int(line.split("ligne ")[1].split(",")[0]) for line in shown] == list(range(2, 2 + SHOWN_PER_GROUP))
    assert f"et {ROWS - SHOWN_PER_GROUP:,} autres lignes" in text and "not_a_number" in text
    assert "build/check/mini.csv" in text
    assert "activities.csv, ligne 2, colonne 'status'" in text           # the other group is shown as well
    listed = pd.read_csv(mini.root / "build" / "check" / "mini.csv", sep=";", dtype=str, keep_default_na=False)
    assert list(listed.columns) == CSV_COLUMNS
    assert len(listed) == ROWS + 1
    numbers = listed[listed["rule"] == "not_a_number"]
    assert numbers["row"].astype(int).tolist() == list(range(2, ROWS + 2))
    assert set(numbers["column"]) == {"participants"} and set(numbers["value"]) == {"vingt"}
    assert numbers["what to do"].str.contains("séparateur décimal").all()   # (mini is French)
    assert numbers["file"].str.endswith("participation.csv").all()
    assert elapsed < 30, f"checking {ROWS} rows took {elapsed:.1f} s"


def test_the_list_is_replaced_atomically_and_neutralised(mini):
    mini.replace("activities", "Réalisé,", "=HYPERLINK(1),")
    target = mini.root / "build" / "check" / "mini.csv"
    target.parent.mkdir(parents=True)
    target.write_text("old list\n", encoding="utf-8")
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=io.StringIO()) == 1
    listed = pd.read_csv(target, sep=";", dtype=str, keep_default_na=False)
    assert listed["value"].tolist() == ["'=HYPERLINK(1)"]               # a spreadsheet shows it, never runs it
    assert sorted(p.name for p in target.parent.iterdir()) == ["mini.csv"]   # no temporary file left
    mini.replace("activities", "=HYPERLINK(1),", "Réalisé,")
    mini.replace("reported", "Rapport p. 12,", "Rapport p. 12,Maroc")   # checked in an annex (mini has no `all` one)
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=io.StringIO()) == 0
    assert pd.read_csv(target, sep=";").empty                                     # a clean project: an empty list


def test_a_file_name_holding_a_line_break_or_an_escape_sequence_is_printed_as_escapes(mini):
    """A file named « participation_tunisie\nmini: OK - 0 errors\x1b[2J.csv » (names come from outside: an archive,
    a download) printed a line « mini: OK - 0 errors » of its own in make check's list, and its ESC [2J cleared the
    terminal. Now each control character of a name is printed as its escape, on the problem's one line."""
    name = "participation_tunisie\nmini: OK - 0 errors\x1b[2J.csv"
    (mini.folder / name).write_text(mini.text("participation"), encoding="utf-8")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out)
    text = out.getvalue()
    assert "\x1b" not in text and [line[:7] for line in text.splitlines() if line.startswith("mini : ")] == \
        ["mini : "]
    assert "participation_tunisie\\nmini: OK - 0 errors\\x1b[2J.csv : ce fichier n'est pas lu" in text


def test_small_groups_are_printed_as_before(mini):
    mini.replace("budget", "B4,20000", "B4,")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 0
    assert "autre" not in out.getvalue() and "budget.csv, ligne 5, colonne 'budget' :" in out.getvalue()


def test_a_reported_figure_naming_no_figure_gets_the_closest_keys(mini):
    mini.replace("reported", "women_share,E1,", "women_share,e 1,")
    mini.append("reported", "F3,womens_share,all,40,,Part des femmes,p. 2,Maroc")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 0      # warnings: the build may run
    text = out.getvalue()
    assert ("reported.csv, ligne 3, colonne 'key' : le chiffre 'F2' : le classeur ne calcule aucun 'women_share' "
            "avec la clé 'e 1'") in text   # (mini is French: its language)
    assert "Vouliez-vous dire 'E1' ?" in text
    assert "reported.csv, ligne 4, colonne 'metric'" in text and "vouliez-vous dire 'women_share' ?" in text
    assert "[unknown_figure]" in text


def test_a_reported_figure_naming_its_metric_as_an_annex_does_is_told_the_metric(mini):
    """An evaluator copies the figure's name from an annex's table (« Taux d'exécution financière », « Women's
    share »): the check said only that no such metric exists; it now names the metric to write."""
    mini.append("reported", "F3,Taux d'exécution financière,total,50,,Taux,p. 2,Maroc")
    mini.append("reported", "F4,women's share,E1,40,,Part,p. 2,Maroc")
    mini.append("reported", "F5,Taux de réussite,total,40,,Part,p. 2,Maroc")   # no figure of that name
    problems = {p.value: p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
                if p.rule == "unknown_figure"}
    assert "write 'financial_execution_rate'" in problems["Taux d'exécution financière"].hint
    assert "write 'women_share'" in problems["women's share"].hint
    assert "The annex calls" not in problems["Taux de réussite"].hint


def test_reported_figures_may_name_the_impact_standards_metrics(mini):
    mini.append("reported", "F7,impact_n_units,survey:treated,10,,Traités,p. 3,Maroc")
    mini.append("reported", "F8,balance_joint_p,survey,0.5,,Test joint,p. 3,Maroc")
    mini.append("reported", "F9,impact_attrition,survey:treatd,0,,Attrition,p. 3,Maroc")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 0
    text = out.getvalue()
    assert "chiffre 'F7'" not in text and "chiffre 'F8'" not in text
    assert "chiffre 'F9'" in text and "Vouliez-vous dire 'survey:treated' ?" in text


def test_a_build_says_the_warnings_it_builds_with_once_per_change_of_the_inputs(mini, tmp_path, capsys):
    """`make annexes` alone (an evaluator's one command) shows what `make check` would warn about: one line per rule,
    with how many more; validated again only when the inputs change, it does not repeat itself."""
    from helpers.pipeline import runner

    mini.append("expenditure", "B1,2020-12-31,40000,Maroc,2020")     # row 2 pasted again: both are counted
    mini.append("expenditure", "B2,2020-12-31,10000.50,Maroc,2020")  # row 3 too
    layout = runner.Layout(data=mini.data_dir, params=mini.params_dir, notebooks=tmp_path / "none",
                           build=tmp_path / "build")
    assert runner._validate({"mini"}, layout) == set()
    out = capsys.readouterr().out
    assert "Projet 'mini' :" in out and "ses annexes sont construites avec" in out and "make check PROJECT=mini" in out
    [line] = [line for line in out.splitlines() if "[repeated_row]" in line]
    assert "ligne 6" in line and "répète la ligne 2" in line and line.endswith("(et 1 autre(s) semblable(s))")
    assert runner._validate({"mini"}, layout) == set()   # the validated store is current: nothing new to say
    assert "warning" not in capsys.readouterr().out


def test_a_reported_figure_checked_in_no_annex_is_told(mini):
    """A published figure of a country without an annex, or without a country in a project without its project-wide
    annex (the mini project has only Maroc's), was checked nowhere, without a word."""
    mini.replace("reported", "Rapport p. 20,Maroc", "Rapport p. 20,Tunisie")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 0
    text = out.getvalue()
    assert "reported.csv, ligne 2, colonne 'country' : le chiffre 'F1' ne nomme aucun pays, et le projet n'a " in text
    assert "ligne 3, colonne 'country' : le chiffre 'F2' nomme le pays 'Tunisie', qui n'a pas d'annexe" in text
    assert text.count("[reported_nowhere]") == 2
    mini.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    mini.replace("reported", "Rapport p. 20,Tunisie", "Rapport p. 20,MAROC")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out)
    assert "[reported_nowhere]" not in out.getvalue()


def test_every_impact_figure_the_annex_computes_is_known_to_the_check(mini):
    """make check warned `unknown_figure` (« the annex will say 'not computable' ») for impact figures the annex
    does compute (impact_mde, impact_naive_effect, impact_p_holm; event_study_effect, impact_relative_effect,
    impact_adjusted_effect likewise): it knew only the keys the studies' descriptions give."""
    mini.append("reported", "F7,impact_mde,survey:score:naive,1,,MDE,p. 3,Maroc")
    mini.append("reported", "F8,impact_naive_effect,survey:score,1,,Effet,p. 3,Maroc")
    mini.append("reported", "F9,impact_p_holm,survey:score:naive,0.5,,p,p. 3,Maroc")
    mini.append("reported", "F10,impact_mde,survey:score:ipw,1,,MDE,p. 3,Maroc")      # no such method here
    problems = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
                if p.rule == "unknown_figure"]
    assert [p.message.split("'")[1] for p in problems] == ["F10"]
    assert "survey:score:naive" in problems[0].hint


@pytest.mark.parametrize("country", ["Régional", "Global", "Multi-pays", "Tous pays", "N/A"])
def test_a_regional_figure_is_checked_in_the_project_wide_annex(mini, country):
    """A « Régional » figure is the project-wide annex's (as « Maroc » is Maroc's): `reported_nowhere` said it was
    checked in no annex. So are « Global », « Multi-pays »... (the loader reads them as `regional` and the project-wide
    annex checks them): the check said « names the country 'Global', which has no annex: add an annex for Global »."""
    mini.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    mini.replace("reported", "Rapport p. 20,Maroc", f"Rapport p. 20,{country}")
    problems = reported_figure_problems("mini", mini.data_dir, mini.params_dir)
    assert not [p for p in problems if p.rule == "reported_nowhere"]
    (mini.params_dir / "mini" / "ensemble.yaml").unlink()
    problems = reported_figure_problems("mini", mini.data_dir, mini.params_dir)
    assert [f"'{country}', and the project has no project-wide annex" in p.message
            for p in problems if p.rule == "reported_nowhere"] == [False, True]


def test_a_figure_of_a_country_written_as_its_code_is_told_its_annex(mini):
    """F2 of country 'MA' where maroc.yaml says Maroc: checked in no annex, and the hint said to add an annex for MA."""
    mini.replace("reported", "Rapport p. 20,Maroc", "Rapport p. 20,MA")
    problems = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
                if p.rule == "reported_nowhere" and p.value == "MA"]
    assert len(problems) == 1 and "Did you mean 'Maroc'?" in problems[0].hint


def test_a_figure_printed_as_a_change_beside_a_level_is_told_at_its_row(mini):
    """« +40 % », « hausse de 40 % », « 5 pp » beside a share, « +1 » beside a count, « +80 000 » beside a budget: the
    annex says « not computable », and make check said nothing of them (an evaluator who checks first saw an OK). Each
    is now a warning at its row and column, saying what to write; a level, or a '+' with its comparison, is not."""
    mini.write("reported", "figure_id;metric;key;valeur;comparaison;libellé;pays\n"
                           "F1;women_share;E1;+40 %;;Part des femmes;Maroc\n"
                           "F2;women_share;E1;hausse de 40 %;;Part des femmes;Maroc\n"
                           "F3;women_share;E1;5 pp;;Part des femmes;Maroc\n"
                           "F4;activity_status_count;done;+1;;Activités réalisées;Maroc\n"
                           "F5;budget;B2;+80 000;;Budget de B2;Maroc\n"
                           "F6;women_share;E1;40 %;;Part des femmes;Maroc\n"
                           "F7;women_share;E1;+40 %;>=;Part des femmes;Maroc\n"
                           "F8;impact_effect;survey:score;hausse de 0,5;;Effet;Maroc\n")
    told = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir) if p.rule == "not_a_level"]
    assert [(p.row, p.column, p.value, p.severity) for p in told] == [
        (2, "value", "+40 %", "warning"), (3, "value", "hausse de 40 %", "warning"), (4, "value", "5 pp", "warning"),
        (5, "value", "+1", "warning"), (6, "value", "+80 000", "warning")]
    assert "write the comparison (> or >=) in the comparison column, or the value without the '+'" in told[0].message
    assert "write the level the report gives" in told[1].message
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 0   # warnings: the build may run
    assert "reported.csv, row 2, column 'value': figure 'F1' (women_share): a '+' before a share or a ratio" in out.getvalue()


def test_an_impact_figure_in_another_unit_than_its_outcome_is_told_at_its_row(mini):
    """« +120 USD » beside an effect on earnings labelled « (MAD) », « +12 points » beside it, « 0,5 USD » beside a
    0/1 outcome: the annex says « not computable » (they were « Conforme »), and make check said nothing; a warning
    at each row now, and « +120 MAD » is not told."""
    mini.write("impact/survey.csv", "id;arm;revenu;emploi;age\n1;T;1200;1;30\n2;T;1300;1;25\n3;C;1100;0;40\n"
                                    "4;C;1160;1;35\n")
    mini.write("impact/survey.yaml", "title: Suivi\ndesign: two_group\noutcomes: [revenu, emploi]\ntreatment: {column: "
                                     "arm, treated: T}\ncovariates: [age]\nlabels:\n  revenu: {fr: Revenu (MAD)}\n")
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;impact_effect;survey:revenu;+120 USD;Effet;Maroc\n"
                           "F2;impact_effect;survey:revenu;+120 MAD;Effet;Maroc\n"
                           "F3;impact_effect;survey:revenu;+12 points;Effet;Maroc\n"
                           "F4;impact_effect;survey:emploi;0,5 USD;Effet;Maroc\n")
    told = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "published_currency"]
    assert [(p.row, p.severity) for p in told] == [(2, "warning"), (4, "warning"), (5, "warning")]
    assert "printed in USD, the outcome is in MAD" in told[0].message and "outcome's unit" in told[0].hint


def test_a_figure_published_in_another_currency_is_told_at_its_row(mini):
    """« 150 000 € » beside the budget of a USD project: the annex says « not computable » (the workbook does not
    convert), and make check said nothing. A warning at its row now; a figure in the project's currency is not told."""
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;budget;total;150 000 €;Budget;Maroc\n"
                           "F2;budget;total;150 000 USD;Budget;Maroc\n"
                           "F3;spent;total@2020-12-31;50 000,5 EUR;Dépenses;Maroc\n")
    told = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "published_currency"]
    assert [(p.row, p.column, p.severity) for p in told] == [(2, "value", "warning"), (4, "value", "warning")]
    assert "printed in EUR, the project's figures are in USD" in told[0].message


def test_the_list_opens_in_excel_with_its_accents_and_one_column_per_field(mini):
    """build/check/<project>.csv, « to filter in Excel », was UTF-8 without a BOM and ','-separated: French Excel
    opened it with « RÃ©alisÃ© » for « Réalisé » and each problem in one cell of column A. It has a BOM, and ';'
    for a French project (the default), ',' for an English one."""
    mini.replace("activities", "Réalisé,", "Réalisée à moitié,")
    target = mini.root / "build" / "check" / "mini.csv"
    run_check(["mini"], mini.data_dir, mini.params_dir, out=io.StringIO())
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + ";".join(CSV_COLUMNS).encode())
    assert "Réalisée à moitié" in raw.decode("utf-8-sig")
    mini.set_param("language", "en")
    run_check(["mini"], mini.data_dir, mini.params_dir, out=io.StringIO())
    assert target.read_bytes().startswith(b"\xef\xbb\xbf" + ",".join(CSV_COLUMNS).encode())


def test_the_sample_s_check_reads_wholly_in_french():
    """The first thing an evaluator runs, make check on the sample (a French project), printed its fourteen warnings
    in English under French headlines; each is now in French, its place too (« ligne 22, colonne 'actual_end' : »)."""
    from helpers.paths import DATA_DIR, PARAMS_DIR
    from helpers.pipeline.messages import translated

    from helpers.data.loader import check_and_load

    problems, _ = check_and_load("amem", DATA_DIR, PARAMS_DIR)
    assert problems and all(translated(p, "fr") is not p for p in problems), \
        [p.message for p in problems if translated(p, "fr") is p]
    said = [translated(p, "fr").message + " " + translated(p, "fr").hint for p in problems]
    assert not [s for s in said if re.search(r"\b(the|is|are|rows|of|this)\b", s)], said


def test_a_totals_row_is_told_in_french(mini):
    """A totals row, the first thing a spreadsheet adds at the foot of a table, was told in English in a French
    project, between French lines: both its error and its warning (a line of its own code) are now French."""
    mini.append("budget", ",250000,,,\n")                           # no code: the others' sum, a totals row
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 1
    assert "ce montant est la somme de toutes les autres lignes de la table : une ligne de total ?" in \
        out.getvalue(), out.getvalue()
    assert "-> Supprimez cette ligne : le classeur additionne lui-même les lignes" in out.getvalue()
    mini.replace("budget", ",250000,,,", "B5,250000,,Total des lignes,support")   # said by its label
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 1
    assert "cette ligne est une ligne de total ('Total des lignes' dans 'label') : son montant s'ajouterait" in \
        out.getvalue(), out.getvalue()
    mini.replace("budget", "Total des lignes", "Formations régionales")   # a line of its own: a warning
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 0
    assert "la ligne porte son propre code 'B5' ('Formations régionales') (colonne line)" in out.getvalue()
    assert "-> Vérifiez-la : si c'est le total des autres lignes, supprimez-la" in out.getvalue()
    assert "this amount" not in out.getvalue() and "this row" not in out.getvalue(), out.getvalue()


def test_the_first_hour_s_problems_are_told_in_the_project_s_language(mini):
    """A French project (the default) got every line of make check in English: « Errors (must be fixed) », « row 3,
    column 'amount': not a number », « NOT READY ». Its headlines and the problems an evaluator meets first (a key
    left empty, a column missing, a number or a date not read, a country no table has) now follow project.yaml's
    `language`, in the printed list and in build/check/<project>.csv; the rule codes stay as they are."""
    mini.write("participation", "event_id,participants,country\nE1,20,Maroc\n")        # no 'women' column
    mini.replace("expenditure", "B2,2020-12-31,10000.50", "B2,32/13/2021,dix mille")  # a date and a number not read
    mini.write_param_file("senegal", "country: Sénégal\nname: Sénégal\n")               # a country without rows
    (mini.params_dir / "mini" / "project.yaml").write_text(
        (mini.params_dir / "mini" / "project.yaml").read_text(encoding="utf-8").replace("title: Mini project",
                                                                                         "title:"), encoding="utf-8")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 1
    text = out.getvalue()
    for said in ("Erreurs (à corriger) :",
                 "project.yaml, clé 'title' : la clé 'title' n'a pas de valeur [empty_key]",
                 "participation.csv, ligne 1, colonne 'women' : la colonne obligatoire 'women' manque [required_column]",
                 "-> Ajoutez une colonne 'women' (en français : 'femmes'",
                 "expenditure.csv, ligne 3, colonne 'amount' : pas un nombre (valeur : 'dix mille') [not_a_number]",
                 "-> Écrivez un nombre avec le séparateur décimal du projet '.'",
                 "colonne 'period_end' : cette date n'existe pas (jour 32, mois 13, année 2021)",
                 "-> Écrivez sa valeur après 'title:', par exemple title: ",
                 "mini : PAS PRÊT - "):
        assert said in text, text
    assert "Errors" not in text and "NOT READY" not in text and "row 3" not in text
    listed = pd.read_csv(mini.root / "build" / "check" / "mini.csv", sep=";", dtype=str, keep_default_na=False)
    assert list(listed.columns) == CSV_COLUMNS      # (its headings are for programs: unchanged)
    assert "pas un nombre" in set(listed["message"]) and "not a number" not in set(listed["message"])
    assert {"empty_key", "required_column", "not_a_number", "not_a_date"} <= set(listed["rule"])

    mini.set_param("title", "Mini project")   # the rest fixed: the country no table has
    mini.write("participation", "event_id,participants,women,country\nE1,20,8,Maroc\n")
    mini.replace("expenditure", "B2,32/13/2021,dix mille", "B2,2020-12-31,10000.50")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 1
    assert "senegal.yaml, clé 'country' : aucune table n'a de lignes pour le pays 'Sénégal' (valeur : 'Sénégal') " \
        "[unknown_country]\n      -> Pays des données : " in out.getvalue(), out.getvalue()
    mini.set_param("start_date", "01/01/2020")   # a date written day first, as French Excel shows them
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 1
    assert "project.yaml, clé 'start_date' : 'start_date' : pas une date écrite l'année d'abord (valeur : " \
        "'01/01/2020') [bad_value]\n      -> Écrivez-la l'année d'abord, puis le mois et le jour : start_date: " \
        "2020-01-01." in out.getvalue()
    mini.set_param("start_date", "2020-01-01")
    mini.replace("participation", "E1,20,8,Maroc", "E1,vingt,8,Maroc")
    mini.set_param("language", "en")   # an English project: as before, in English
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 1
    text = out.getvalue()
    assert "Errors (must be fixed):" in text and "row 2, column 'participants': not a number (value: 'vingt')" in text
    assert "no table has rows for the country 'Sénégal'" in text and "mini: NOT READY - " in text


def test_the_first_hour_s_files_are_told_in_french(mini):
    """An evaluator's first hour in a French project: a table left empty, a copy `budget (2).csv`, a folder of
    tables, the budget open in Excel, dates typed month first, a payment pasted twice, a revised budget and the
    spending beside the budget. make check told each in English between French lines; each is now wholly in French, codes unchanged."""
    mini.write("activities", "")
    mini.path("budget (2).csv").write_text(mini.text("budget"), encoding="utf-8")
    (mini.folder / "2021").mkdir()
    (mini.folder / "~$budget.csv").write_bytes(b"\x0bEvaluateur")
    mini.write("budget", "line,budget,Budget révisé,country,category,Dépenses\nB1,100000,90000,Maroc,staff,40000\n"
                         "B2,50000,50000,Maroc,operational,10000\nB3,80000,80000,Tunisie,operational,0\n"
                         "B4,20000,20000,,support,0\n")
    mini.replace("expenditure", "2020-12-31", "12/31/2020")
    mini.append("expenditure", mini.text("expenditure").splitlines()[-1])
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out)
    text = out.getvalue()
    for said in ("activities.csv : le fichier est vide : la table est lue comme absente [empty_file]",
                 "-> Supprimez le fichier ou remplissez-le.",
                 "budget (2).csv : ce fichier n'est pas lu : chaque table est un fichier à son nom",
                 "-> Copiez ses lignes dans budget.csv ou budget.xlsx",
                 "data/mini/2021 : le dossier 2021/ n'est pas lu",
                 "budget.csv : ce fichier est ouvert dans un tableur (~$budget.csv à côté de lui) : ce qui a été tapé "
                 "depuis son dernier enregistrement n'est pas lu [file_open]",
                 "cette date n'existe que le mois d'abord (12/31/2020 : mois 12, jour 31)",
                 "-> Écrivez chaque date de la colonne l'année d'abord (2020-12-31)",
                 "[repeated_row]\n      -> Si les lignes ont été collées deux fois, supprimez-en une",
                 "la colonne 'Budget révisé' est ignorée : les chiffres sont pris dans la colonne 'budget'",
                 "la colonne 'Dépenses' du budget n'est pas lue : le classeur prend les dépenses dans la table des "
                 "dépenses"):
        assert said in text, text
    english = [line for line in text.splitlines() if re.search(r"\b(the|is|are|this|file|Delete|Copy|Write)\b", line)]
    assert not english, english


def test_a_country_renamed_in_the_data_is_told_in_french(mini):
    """Maroc written « MA » in activities.csv (a country's code, as « RIM » for Mauritanie): the warnings on both
    sides were half English in a French project (the message French, « activities.csv writes it 'MA': write
    'Maroc' there... » its hint; « 1 row of 'MA' ... belong to no country annex » wholly English). Each is French."""
    mini.write("activities", mini.text("activities").replace(",Maroc,", ",MA,"))
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out)
    text = out.getvalue()
    for said in ("-> activities.csv l'écrit 'MA' : écrivez-y 'Maroc', comme maroc.yaml le fait, sinon l'annexe laisse "
                 "ces lignes de côté.",
                 "lignes de 'MA' (activities.csv) n'appartiennent à aucune annexe de pays (les pays des annexes : "
                 "Maroc) : elles ne comptent que dans l'annexe du projet dans son ensemble",
                 "-> Vouliez-vous dire 'Maroc' ? 'MA' et 'Maroc' désignent le même pays (un code, ou un nom dans une "
                 "autre langue) : écrivez 'Maroc' dans ces lignes"):
        assert said in text, text
    english = [line for line in text.splitlines() if re.search(r"\b(the|is|are|this|writes|rows?|Write)\b", line)
               and ("'MA'" in line or "Maroc" in line)]
    assert not english, english   # (every row of Maroc written MA: no Maroc left)
    mini.write("participation", mini.text("participation").replace(",Maroc,", ",MA,"))
    for table in ("budget", "expenditure", "indicators", "reported"):
        mini.write(table, mini.text(table).replace(",Maroc", ",MA"))
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out)
    assert "n'appartiennent à aucune annexe de pays : params/mini/maroc.yaml écrit `country: Maroc`, qu'aucune ligne " \
        "ne contient" in out.getvalue(), out.getvalue()
    assert "-> Si 'MA' est le nom du pays, écrivez `country: MA` dans params/mini/maroc.yaml." in out.getvalue()


def test_an_annex_renamed_since_the_last_build_is_told_its_archive_is_under_its_former_name(mini):
    """params/mini/maroc.yaml was morocco.yaml at the last build: its figures are kept in archive/mini/morocco/, and
    the archive is looked up by the annex's file name, so the renamed annex said « no earlier annex of Maroc is
    archived » and compared with nothing, without a word of the folder beside it. make check (and the build) now
    warns, naming both folders; the annex says it too (data.archive.orphans, notebook 90)."""
    from helpers.data.archive import orphans

    kept = mini.root / "archive" / "mini" / "morocco"
    kept.mkdir(parents=True)
    (kept / "2020-12-31.figures.csv").write_text("section,metric,key,value\nbudget,spent,total,1000.0\n",
                                                 encoding="utf-8")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out) == 0   # a warning
    text = out.getvalue()
    assert "archive/mini/morocco: the archive keeps the figures of the annex 'morocco' (latest at 2020-12-31)" in text
    assert re.search(r"move the files of \S*archive/mini/morocco/ into \S*archive/mini/maroc/ \(then build", text)
    assert "[archive_orphan]" in text
    assert orphans(mini.root / "archive", "mini", ["maroc"]) == {"morocco": dt.date(2020, 12, 31)}

    (mini.root / "archive" / "mini" / "maroc").mkdir()     # moved: the history follows, nothing to say
    (kept / "2020-12-31.figures.csv").rename(mini.root / "archive" / "mini" / "maroc" / "2020-12-31.figures.csv")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out)
    assert "archive_orphan" not in out.getvalue()


def test_a_published_figure_without_country_shows_no_nan(mini):
    """mini's figure F1 names no country, and mini has no project-wide annex: told « (value: 'nan') », pandas' word
    for the empty cell, which the evaluator never typed; now the empty cell shows no value."""
    problems = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
                if p.rule == "reported_nowhere"]
    assert [(p.row, p.value) for p in problems] == [(2, None)], [str(p) for p in problems]
    assert "nan" not in str(problems[0])
