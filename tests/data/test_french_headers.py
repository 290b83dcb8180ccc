"""French headers (issue 21, item 2): `pays`, `femmes`, `sexe`, `statut`, `ligne`, `montant`, `résultat`... are read as
the contract's columns (schemas.FRENCH_HEADERS, documented in data/README.md), never dropped silently."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from fixtures.mini_project import Mini
from helpers.pipeline.check import run_check
from helpers.data.schemas import FRENCH_HEADERS, TABLES

FRENCH = {   # every contract header of the fixture, as a French-speaking partner writes it
    "activities": "Code activité,Statut,Pays,Résultat,Produit,Libellé,Avancement,Poids,Fin prévue,Fin réelle",
    "budget": "Ligne,Montant,Pays,Libellé,Catégorie",
    "expenditure": "Ligne,Fin de période,Montant,Pays,Période",
    "indicators": "Indicateur,Période,Réalisé,Libellé,Niveau,Unité,Référence,Cible,Cible finale,Sens,Pays,Sexe",
    "participation": "Événement,Nombre de participants,Femmes,Pays,Libellé,Date de début,Date de fin,Groupe,"
                     "Hommes,Échantillon,Lignes budgétaires",
    "reported": "Code chiffre,Métrique,Clé,Valeur,Comparaison,Libellé,Source,Pays",
}


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def _frenchify(mini: Mini) -> None:
    for table, header in FRENCH.items():
        text = mini.text(table)
        mini.write(table, header + "\n" + text.split("\n", 1)[1])


def test_every_table_with_french_headers_loads_as_the_english_one(tmp_path, mini):
    english = Mini.copy_to(tmp_path / "en").load()
    _frenchify(mini)
    assert [p for p in mini.check() if p.severity == "error"] == []
    french = mini.load()
    for table in TABLES:
        pd.testing.assert_frame_equal(french.tables[table], english.tables[table], obj=table)


def test_a_french_register_with_sexe_and_pays_is_aggregated_by_country(mini):
    mini.write("participation", "Événement;Sexe;Pays\nE1;F;Maroc\nE1;H;Maroc\nE2;femme;Tunisie\n")
    frame = mini.load().tables["participation"].set_index("event_id")
    assert frame.loc["E1", ["participants", "women", "men"]].tolist() == [2.0, 1.0, 1.0]
    assert frame.loc["E2", "country"] == "Tunisie"       # `pays` is not dropped: the country annexes see the rows
    assert not any(p.rule == "required_column" for p in mini.check())


def test_a_register_written_feminin_masculin_counts_its_women_and_men(mini):
    """French registers write the sex as an adjective; surveys and IATI files already read it, the register too."""
    mini.write("participation", "Événement;Sexe\nE1;Féminin\nE1;MASCULIN\nE1;féminine\nE1;Fille\nE1;garçon\nE1;\n")
    frame = mini.load().tables["participation"].set_index("event_id")
    assert frame.loc["E1", ["participants", "women", "men"]].tolist() == [6.0, 3.0, 2.0]
    assert [p for p in mini.check() if p.rule == "unknown_sex"] == []


def test_a_french_header_below_title_rows_in_xlsx_is_found(mini):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Suivi des dépenses"])
    sheet.append(["Ligne", "Fin de période", "Montant", "Pays"])
    sheet.append(["B1", "31/12/2020", 40000, "Maroc"])
    workbook.save(mini.path("expenditure.xlsx"))
    mini.delete("expenditure")
    frame = mini.load().tables["expenditure"]
    assert frame["amount"].tolist() == [40000.0] and frame["country"].tolist() == ["Maroc"]


@pytest.mark.parametrize("event", ["Événement", "Evenement", "Code événement", "event_id"])
def test_a_register_header_below_title_rows_is_found_with_any_french_name(mini, event):
    """Any documented French name (not only the first), with or without accents, mixed with English ones."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Registre des formations 2021"])
    sheet.append([])
    sheet.append([event, "Nombre de participants", "Femmes", "Pays"])
    sheet.append(["E1", 20, 8, "Maroc"])
    workbook.save(mini.path("participation.xlsx"))
    mini.delete("participation")
    frame = mini.load().tables["participation"]
    assert frame["event_id"].tolist() == ["E1"] and frame["women"].tolist() == [8.0]


def test_french_and_english_header_for_one_column_keeps_the_english_and_warns(mini):
    mini.replace("budget", "line,budget,country,label,category", "line,budget,country,label,category,montant")
    text = mini.text("budget").split("\n")
    mini.write("budget", "\n".join([text[0]] + [row + "," + row.split(",")[1] if row else row for row in text[1:]]))
    problems = mini.check()
    warning = next(p for p in problems if p.rule == "french_duplicate")
    assert "'montant' (another name for 'budget') is ignored" in warning.message
    assert mini.load().tables["budget"]["budget"].iloc[0] == 100000.0


def test_a_column_ignored_as_another_name_is_told_in_french(mini):
    """« État d'avancement » (a status's other name) beside « Statut »: the warning was printed wholly in English in a
    French project (no sentence of messages.py knew it). The header is named as written, Word's apostrophe and all."""
    from helpers.pipeline.messages import shown

    mini.replace("activities", "activity_id,status,", "activity_id,Statut,État d’avancement,")
    for row, same in (("A1,Réalisé,", "Achevé,"), ("A2,En cours (avancé),", "En cours,"),
                      ("A3,Non réalisé,", "Non démarré,"), ("A4,Annulé,", "Abandonné,")):   # (the same statuses)
        mini.replace("activities", row, row + same)
    warning = next(p for p in mini.check() if p.rule == "french_duplicate")
    assert shown(warning, "fr").endswith("colonne 'État d’avancement' : la colonne 'État d’avancement' (un autre nom "
                                         "de 'status') est ignorée : le fichier a aussi une colonne 'Statut' "
                                         "[french_duplicate]\n    -> Gardez l'une des deux colonnes."), shown(warning, "fr")
    assert mini.load().tables["activities"]["status"].tolist() == ["done", "in_progress", "not_started", "cancelled"]


def test_a_status_beside_its_pace_is_no_disagreement(mini):
    """« En cours » beside « En retard », « Réalisé » beside « Dans les délais »: an activity's state and its pace,
    two facts that agree; two states or two paces that differ (« En cours » and « Achevé ») are refused."""
    mini.replace("activities", "activity_id,status,", "activity_id,Statut,État d'avancement,")
    for row, pace in (("A1,Réalisé,", "Dans les délais,"), ("A2,En cours (avancé),", "En retard,"),
                      ("A3,Non réalisé,", "En retard,"), ("A4,Annulé,", ",")):
        mini.replace("activities", row, row + pace)
    assert [p.rule for p in mini.check() if p.severity == "error"] == []
    assert mini.load().tables["activities"]["status"].tolist() == ["done", "in_progress", "not_started", "cancelled"]
    mini.replace("activities", "A1,Réalisé,Dans les délais,", "A1,Réalisé,En cours,")
    assert [(p.rule, p.row) for p in mini.check() if p.severity == "error"] == [("aliases_disagree", 2)]


def test_two_headers_of_one_amount_that_differ_are_refused_in_an_xlsx_too(mini):
    """`Montant` and `Dépenses` both name the amount spent: the figures took the left column's and only warned that
    the other was ignored, so swapping the two columns changed the spending without a word. Numbers written
    differently (40000 as a number, « 40 000 » as text) are the same number; 12 000 beside 10 000,50 is refused at
    its cell."""
    from openpyxl import Workbook
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "expenditure"
    sheet.append(["Ligne", "Date", "Montant", "Dépenses", "Pays"])
    sheet.append(["B1", "2020-12-31", 40000, "40 000", "Maroc"])
    sheet.append(["B2", "2020-12-31", 10000.5, 12000, "Maroc"])
    workbook.save(mini.path("expenditure.xlsx"))
    mini.delete("expenditure")
    [problem] = [p for p in mini.check() if p.rule == "aliases_disagree"]
    assert problem.cell == "expenditure!D3" and problem.column == "Dépenses" and problem.value == "12000"
    assert "'Montant' and 'Dépenses' are both 'amount'" in problem.message and problem.severity == "error"


def test_make_check_reads_french_reported_headers(mini):
    _frenchify(mini)
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build") == 0


@pytest.mark.parametrize("header", ["Base", "Valeur de base", "Ligne de base"])
def test_a_logframe_s_baseline_header_is_read_as_the_baseline(tmp_path, mini, header):
    """« Base » (« Valeur de base », « Ligne de base »), as a French logframe heads the baseline, was kept as a
    column of its own: the baseline read as missing (« n.d. : aucune valeur de référence »), nothing said."""
    english = Mini.copy_to(tmp_path / "en").load()
    _frenchify(mini)
    mini.write("indicators", mini.text("indicators").replace(",Référence,", f",{header},", 1))
    french = mini.load()
    assert "base" not in french.tables["indicators"].columns
    pd.testing.assert_series_equal(french.tables["indicators"]["baseline"], english.tables["indicators"]["baseline"])
    assert english.tables["indicators"]["baseline"].notna().any()


def test_every_french_name_is_documented_in_data_readme():
    from helpers.paths import DATA_DIR

    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### French headers"):]
    for table, columns in FRENCH_HEADERS.items():
        for column, names in columns.items():
            for name in names:
                assert f"`{name.replace('_', ' ')}`" in section, (table, column, name)


def test_english_headers_load_as_the_contract_ones_and_each_is_documented(mini):
    """An English-language project's tables (`Budget line`, `Date`, `Amount`, `Event`, `Female`, `Indicator`...) were
    refused column by column; they load as the contract's, and data/README.md lists every English name. No name is
    read as two columns of a table, nor is it the contract name of another column."""
    from helpers.data.spec import ENGLISH_HEADERS, HEADER_ALIASES, SPEC
    from helpers.paths import DATA_DIR
    from helpers.text import fold

    mini.write("budget", "Budget line,Budget,Country,Description,Cost category\nB1,100000,Maroc,Staff,staff\n"
                         "B2,50000,Maroc,Ops,operational\nB3,80000,Tunisie,Ops,operational\nB4,20000,,Coord,support\n")
    mini.write("expenditure", "Budget line,Date,Amount spent,Country\nB1,2020-12-31,40000,Maroc\n"
                              "B3,2021-06-30,30000,Tunisie\n")
    mini.write("participation", "Event,Number of participants,Female,Male,Country,Start\nE1,20,8,12,Maroc,2020-10-01\n")
    mini.write("indicators", "Indicator,Period,Baseline value,Target value,Final target,Achieved,Country\n"
                             "I1,2020,0,20,50,10,Maroc\n")
    assert [p for p in mini.check() if p.severity == "error"] == []
    data = mini.load()
    assert data.tables["budget"]["budget"].sum() == 250000 and data.tables["expenditure"]["amount"].sum() == 70000
    assert data.tables["participation"][["participants", "women", "men"]].iloc[0].tolist() == [20, 8, 12]
    assert data.tables["indicators"][["baseline", "target", "target_final", "actual"]].iloc[0].tolist() == [0, 20, 50, 10]
    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### English headers"):text.index("## Numbers and dates")]
    for table, columns in ENGLISH_HEADERS.items():
        names = {c.name for c in SPEC[table].columns} | ({c.name for c in SPEC[table].register.columns}
                                                        if SPEC[table].register else set())
        for column, aliases in columns.items():
            for alias in aliases:
                assert f"`{table}` | `{column}` |" in section and f"`{alias.replace('_', ' ')}`" in section, alias
                assert alias not in names, (table, alias)
        every = [fold(a) for names_ in HEADER_ALIASES[table].values() for a in names_]
        assert len(every) == len(set(every)), (table, sorted(a for a in every if every.count(a) > 1))


def test_a_missing_column_s_hint_names_its_english_headers_too(mini):
    """An English-language table without its amounts column: the hint named the French headers only ('montant'), so
    the user of `Amount spent` did not learn that it would be read."""
    mini.write("expenditure", "Budget line,Date,Country\nB1,2020-12-31,Maroc\n")
    missing = [p for p in mini.check() if p.rule == "required_column"]
    assert [p.column for p in missing] == ["amount"]
    assert "in French: 'montant'" in missing[0].hint and "in English: 'amount spent', 'expenditure'" in missing[0].hint


def test_two_other_names_of_one_column_are_told_once_each_by_their_headers(mini):
    """`Nom` and `Participant` both name a register's persons: the second was told twice, once as « ignored: the file
    also has a column 'person' » (a name the file does not have) and once as unknown (« Did you mean
    'participants'? »)."""
    mini.write("participation", "Événement,Nom,Participant,Sexe,Pays\nE1,Ali,Ali,H,Maroc\n")
    problems = [p for p in mini.check() if p.column in ("participant", "Participant")]
    assert [p.rule for p in problems] == ["french_duplicate"] and problems[0].column == "Participant"   # as headed
    assert "the file also has a column 'Nom'" in problems[0].message


@pytest.mark.parametrize("header", ["Montant (cumulé)", "Dépenses (cumul)", "Amount (cumulative)", "Expenditure (to date)",
                                    "Dépenses (à ce jour)", "Spent (YTD)"])
def test_an_amount_headed_as_totals_since_the_start_is_refused_at_its_header(mini, header):
    """A financial statement's « Montant (cumulé) », « Expenditure (to date) »: totals since the start, which the
    workbook read as each period's spending and added up (B1: 10 000 then 23 000 to date, read as 33 000)."""
    mini.write("expenditure", f"line;period_end;{header};country\nB1;2020-06-30;10000;Maroc\n"
                              "B1;2020-12-31;23000;Maroc\n")
    problems = [p for p in mini.check() if p.rule == "cumulative_header"]
    assert [(p.row, p.column) for p in problems] == [(1, header)]


@pytest.mark.parametrize("header", ["Dépenses cumulées", "Cumul des dépenses", "Montant à ce jour",
                                    "Cumulative expenditure", "Expenditure to date", "dépenses YTD"])
def test_an_amount_said_cumulative_in_words_is_refused_saying_so(mini, header):
    """Without brackets, « Dépenses cumulées » was refused only as « the required column 'amount' is missing »: the
    evaluator was not told why the header was not read. Now the cumulative header is said at it, as in brackets."""
    mini.write("expenditure", f"line;period_end;{header};country\nB1;2020-06-30;10000;Maroc\n"
                              "B1;2020-12-31;23000;Maroc\n")
    problems = [p for p in mini.check() if p.severity == "error"]
    assert [(p.rule, p.row, p.column) for p in problems] == [("cumulative_header", 1, header),
                                                             ("required_column", 1, "amount")]


def test_a_budget_said_cumulative_in_words_stays_an_unknown_column(mini):
    """« Budget cumulé » is not an amount added up: the words rule is the spending's only (the budget column is still
    the one named budget)."""
    mini.write("budget", "line;budget;country;Budget cumulé\nB1;10000;Maroc;12000\n")
    assert not [p for p in mini.check() if p.rule == "cumulative_header"]


@pytest.mark.parametrize("header", ["Montant (USD)", "Dépenses (réalisées)", "Amount (date of payment)"])
def test_an_amount_with_another_note_is_still_read(mini, header):
    mini.write("expenditure", f"line;period_end;{header};country\nB1;2020-06-30;10000;Maroc\n")
    assert not [p for p in mini.check() if p.rule == "cumulative_header"]


@pytest.mark.parametrize("header", ['"Montant\ndépensé (USD)"', '"Montant\r\ndépensé\nen USD"', '"Dépenses\n(réalisées)"'])
def test_an_amount_header_typed_on_two_lines_with_its_note_is_read(mini, header):
    """Excel's Alt+Enter in a header with a note: « Montant\ndépensé (USD) » was « the required column 'amount' is
    missing » (the note's pattern stopped at the line break), though « Montant dépensé (USD) » was read."""
    mini.write("expenditure", f"line;period_end;{header};country\nB1;2020-06-30;10000;Maroc\n")
    assert [p.rule for p in mini.check() if p.severity == "error"] == []
    assert mini.load().tables["expenditure"]["amount"].tolist() == [10000.0]
