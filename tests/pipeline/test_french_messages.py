"""An evaluator's first hour in a French project: what make check, make annexes and the Dask cluster print is French,
and an English project's stays wholly English (the corpus' messages: test_validation_rules.py's ratchet)."""

from __future__ import annotations

import io
import queue
import re
import threading

import pytest

from english_words import english_words
from fixtures.mini_project import Mini
from helpers.data.countries import french_prepositions
from helpers.pipeline import messages, runner
from helpers.pipeline.check import run_check
from helpers.pipeline.dask_executor import _refusal, differences
from helpers.annex.fmt import NNBSP
from helpers.pipeline.messages import sentence

HERE = {"python": "3.11.2", "helpers": "1.0", "helpers code": "abcdef0123456789", "kernel": "installed",
        "packages": {"numpy": "2.3.4", "pandas": "2.2.3"}}
THERE = {"python": "3.12.1", "helpers": "1.0", "helpers code": "abcdef0123456789", "kernel": "not installed",
         "packages": {"numpy": "2.3.1"}}


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def _progress(lang: str, capsys) -> str:
    """What make annexes prints for a notebook run, one that failed and a kernel started again."""
    events: queue.Queue = queue.Queue()
    events.put(("notebook", "mini/maroc", "10_budget.ipynb", 3.25, ""))
    events.put(("retry", "mini/maroc", "20_gender.ipynb", 0.0, "Kernel died before replying"))
    events.put(("failed", "mini/maroc", "20_gender.ipynb", 12.5, ""))
    stop = threading.Event()
    stop.set()
    runner._listen(events, None, stop, lang)
    return capsys.readouterr().out


def test_the_progress_lines_of_a_build_are_in_its_language(capsys):
    """Each notebook's line said « 3.2 s », « FAILED after 12.5 s », « kernel did not start ...; retrying once » in a
    French build, between French headlines."""
    french = _progress("fr", capsys)
    assert "3,2 s" in french and "ÉCHEC après 12,5 s" in french, french
    assert "le noyau n'a pas démarré (Kernel died before replying) ; nouvel essai" in french, french
    assert not english_words(french.replace("Kernel died before replying", "")), french
    english = _progress("en", capsys)
    assert "3.2 s" in english and "FAILED after 12.5 s" in english and "retrying once" in english, english


def test_make_bench_reads_the_steps_of_a_french_build(capsys):
    """`make bench` counted the steps a rebuild ran from the build's lines; in French (« 3,2 s ») it found none and
    printed « 0 steps ran » for a rebuild that ran twenty."""
    from benchmarks.pipeline import step_times

    for lang in ("fr", "en"):
        steps = step_times(_progress(lang, capsys))
        assert [s["seconds"] for s in steps] == [3.2], (lang, steps)


def test_a_dask_worker_of_another_environment_is_refused_in_french():
    """The refusal of a worker whose Python, packages or kernel differ came out in English in a French build."""
    told = _refusal("tcp://10.0.0.2:4567", differences(HERE, THERE)) + "\nNothing was built."
    french = sentence(told, "fr")
    assert french.splitlines()[0] == "Le processus Dask tcp://10.0.0.2:4567 n'a pas l'environnement de cette machine :"
    assert "python 3.11.2 ici, 3.12.1 là-bas" in french and "non installé là-bas" in french, french
    assert "<le dossier du classeur>" in french and french.endswith("Rien n'a été construit."), french
    assert not english_words(french), english_words(french)
    assert sentence(told, "en") == told


def test_the_dask_connection_errors_are_in_french():
    for told in ("Cannot reach the Dask scheduler at tcp://10.0.0.9:8786 within 5 s (OSError: Timed out trying to "
                 "connect).\n    -> Check the address and that the scheduler runs (`make cluster` starts one on this "
                 "machine); nothing was built.",
                 "No Dask worker joined the scheduler at tcp://10.0.0.9:8786 within 60 s.\n    -> Start workers "
                 "(`dask worker <address> --nthreads 1`); nothing was built."):
        french = sentence(told, "fr")
        assert not english_words(french.replace("Timed out trying to connect", "")), french


def test_an_english_project_is_told_everything_in_english(mini):
    """The same broken amount: French words in an English project's check (« ligne », « pas un nombre ») would be
    as wrong as English ones in a French project's."""
    mini.set_param("language", "en")
    mini.replace("expenditure", "10000.50", "dix mille")
    out = io.StringIO()
    assert run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build") == 1
    text = out.getvalue()
    assert "row 3, column 'amount': not a number" in text and "Errors" in text, text
    for french in ("ligne", "colonne", "pas un nombre", "Erreurs", "valeur", " : "):
        assert french not in text.replace("dix mille", ""), (french, text)


def test_make_check_of_no_project_or_two_speaks_french(mini, tmp_path):
    """« No project found: add params/<project>/project.yaml... » and « 2 projects checked, 0 with errors. » were the
    English lines of a French check."""
    out = io.StringIO()
    (tmp_path / "empty").mkdir()
    assert run_check(None, mini.data_dir, tmp_path / "empty", out=out, build_dir=tmp_path / "build") == 1
    assert out.getvalue().startswith("Aucun projet trouvé : ajoutez params/<projet>/project.yaml"), out.getvalue()
    import shutil

    shutil.copytree(mini.params_dir / "mini", mini.params_dir / "mini2")
    shutil.copytree(mini.data_dir / "mini", mini.data_dir / "mini2")
    out = io.StringIO()
    run_check(None, mini.data_dir, mini.params_dir, out=out, build_dir=tmp_path / "build")
    last = out.getvalue().strip().splitlines()[-1]
    assert last == "2 projets vérifiés, 0 avec des erreurs.", last


def _corpus_sentences() -> list[str]:
    """The message and the hint of every case of the corpus table (tests/README.md), in English as the data room
    writes them."""
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    said = []
    for row in re.findall(r"^\| \d+ \|.*\| (?:error|warning) \| (.*) \|$", readme, flags=re.M):
        row = row.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("\\|", "|")
        message, _, hint = row.partition("<br>→ ")
        message = re.sub(r" \(value: '.*'\) \[\w+\]$| \[\w+\]$", "", message.split(": ", 1)[-1])
        said += [message, hint.replace("<br>", "\n")]
    return [s for s in said if s]


def test_screening_the_table_changes_no_translation():
    """Each regex is tried only on a text holding its longest plain run (messages._required): 20 000 rows of
    distinct values took seconds of regexes. Whatever the screen skips, the whole table would not have changed."""
    sentences = _corpus_sentences()
    assert len(sentences) > 600
    for text in sentences:
        whole = text
        for english, french in messages._FRENCH:
            whole = re.sub(english, french, whole)
        # (then each country's name with its preposition, « l'un au Maroc », as _french does after the table)
        assert messages._french(text) == french_prepositions(whole), text
    translated = sum(messages._french(text) != text for text in sentences)
    assert translated > len(sentences) // 2, translated


def _survey_with_first_mistakes(mini: Mini) -> None:
    """A survey's export and YAML as an evaluator first writes them: a column misspelt, a weight left empty, an
    answer 'NA' (R's write.csv) and one with its currency, a share's value written as the form, not the export; a
    respondent weighted out (0)."""
    folder = mini.data_dir / "mini" / "surveys"
    folder.mkdir()
    rows = ["_uuid,pays,poids,revenu,emploi"] + [
        f"u{i},{'Maroc' if i % 2 else 'Tunisie'},{'' if i == 3 else 0 if i == 7 else 2},"
        f"{'NA' if i == 4 else '1500 MAD' if i == 5 else 1000 + i},{'Oui' if i % 3 else 'Non'}" for i in range(1, 13)]
    (folder / "suivi.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "suivi.yaml").write_text("title: Suivi\ndesign: {weights: poids, strata: pays}\nestimates:\n"
                                       "  - {mean: revenus}\n  - {mean: revenu}\n  - {share: emploi, value: oui}\n",
                                       encoding="utf-8")


def test_a_surveys_first_problems_are_told_in_french(mini):
    """survey_column_missing, survey_not_a_number, survey_weight and survey_value_absent were printed in English in
    a French project (« 'estimates.0.mean' names the column 'revenus', which suivi.csv does not have »)."""
    _survey_with_first_mistakes(mini)
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = [line for line in out.getvalue().splitlines() if "[survey_" in line or line.startswith("      -> ")]
    assert {rule for line in lines for rule in re.findall(r"\[(survey_\w+)\]", line)} == {
        "survey_column_missing", "survey_not_a_number", "survey_weight", "survey_value_absent",
        "survey_weight_zero"}, lines
    assert "nomme la colonne 'revenus', que suivi.csv n'a pas" in out.getvalue(), out.getvalue()
    assert [line for line in lines if english_words(line)] == [], lines


def test_a_surveys_first_problems_stay_english_in_an_english_project(mini):
    mini.set_param("language", "en")
    _survey_with_first_mistakes(mini)
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    assert "names the column 'revenus', which suivi.csv does not have" in out.getvalue(), out.getvalue()
    assert "Every respondent needs a weight of 0 or more" in out.getvalue(), out.getvalue()
    for french in ("ligne", "colonne", "réponse", "Vouliez", " : "):
        assert french not in out.getvalue(), (french, out.getvalue())


@pytest.mark.parametrize("rates", ["", "\niati:\n  exchange_rates: {GBP: 1.27, EUR: 1.08}\n"])
def test_an_iati_files_first_problems_are_told_in_french(mini, rates):
    """Real IATI files (DFID's in GBP, GDI Hub's results written '£3,500,000', the 2.03 example in EUR) in a French
    project: iati_currency, iati_not_a_number, iati_total_summed, then, the rates given, iati_exchange_rate,
    iati_negative, iati_outside_dates, iati_project_dates and iati_country_without_annex were printed in English."""
    import shutil
    from pathlib import Path

    folder = mini.data_dir / "mini"
    for table in ("budget", "expenditure", "indicators"):
        for path in folder.glob(f"{table}.*"):
            path.unlink()
    (folder / "iati").mkdir()
    for name in ("dfid_albania_v201.xml", "gdihub_at2030_v203.xml", "iati_203_annotated_example.xml"):
        shutil.copy(Path(__file__).parents[1] / "fixtures" / "iati" / name, folder / "iati")
    project = mini.params_dir / "mini" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8") + rates, encoding="utf-8")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = [line for line in out.getvalue().splitlines() if "[iati_" in line or line.startswith("      -> ")]
    told = {rule for line in lines for rule in re.findall(r"\[(iati_\w+)\]", line)}
    assert told >= ({"iati_exchange_rate", "iati_outside_dates", "iati_project_dates"} if rates else
                    {"iati_currency", "iati_not_a_number", "iati_total_summed"}), told
    assert [line for line in lines if english_words(line)] == [], lines


def test_a_surveys_design_problems_are_told_in_french(mini):
    """A submission exported twice, a « Total » row, a stratum of one cluster, a total asked without weights, a
    column of weights the design leaves out, a code 99 among ages: each was printed in English in a French project."""
    folder = mini.data_dir / "mini" / "surveys"
    folder.mkdir()
    rows = ["_uuid,pays,centre,poids,revenu,emploi,age"] + [
        f"u{i},{'Maroc' if i % 2 else 'Tunisie'},{'C1' if i % 2 else f'C{i % 4}'},{1 + i % 3},{1000 + 10 * i},"
        f"{'oui' if i % 3 else 'non'},{99 if i == 9 else 20 + i % 30}" for i in range(1, 41)]
    (folder / "suivi.csv").write_text("\n".join(rows + [rows[5], "Total,,,,,,"]) + "\n", encoding="utf-8")
    (folder / "suivi.yaml").write_text("title: Suivi\ndesign: {strata: pays, clusters: centre}\nestimates:\n"
                                       "  - {mean: revenu}\n  - {total: revenu}\n  - {mean: age, by: pays}\n",
                                       encoding="utf-8")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = [line for line in out.getvalue().splitlines() if "[survey_" in line or line.startswith("      -> ")]
    assert {rule for line in lines for rule in re.findall(r"\[(survey_\w+)\]", line)} >= {
        "survey_repeated_submission", "survey_totals_row", "survey_single_cluster", "survey_total_without_weights",
        "survey_weights_unused", "survey_nines"}, lines
    assert [line for line in lines if english_words(line)] == [], lines


def test_project_yaml_values_typed_as_an_evaluator_does_are_told_in_french(mini):
    """`budget_total: 1 000 000 USD`, `rag_green: 0.8`, a benchmark with its currency, `language: FR`: each was
    printed in English (or its hint was) in a French project."""
    project = mini.params_dir / "mini" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "\nlanguage: FR\nbudget_total: 1 000 000 USD\nthresholds: {rag_green: 0.8, rag_amber: 50}\n"
                         "unit_cost_benchmarks: {participant: 1500 USD}\n", encoding="utf-8")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    text = out.getvalue()
    lines = text.split("\n")
    told = [line for i, line in enumerate(lines) if "project.yaml" in line or i and "project.yaml" in lines[i - 1]]
    assert {key for line in told for key in re.findall(r"clé '([\w.]+)'", line)} >= {
        "budget_total", "thresholds.rag_green", "unit_cost_benchmarks", "language"}, text
    assert [line for line in told if english_words(line)] == [], told


@pytest.mark.parametrize("written", ["30 juin 2021", "2021-06", "2021"])
def test_a_reporting_date_typed_as_a_report_writes_it_is_told_in_french(mini, written):
    """`reporting_date: 30 juin 2021` (or `2021-06`, `2021`) in a French project: make check said « key
    'reporting_date': 'reporting_date': not a date » and « Write it year first, month, day, e.g. ... » in English."""
    project = mini.params_dir / "mini" / "project.yaml"
    project.write_text(re.sub(r"reporting_date: .*", f"reporting_date: {written}",
                              project.read_text(encoding="utf-8")), encoding="utf-8")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = out.getvalue().split("\n")
    at = next(i for i, line in enumerate(lines) if "'reporting_date'" in line)
    told, hint = lines[at].split(" (valeur")[0], lines[at + 1]
    assert "clé 'reporting_date'" in told and not english_words(told) and not english_words(hint), (told, hint)


def test_amounts_and_ratios_in_french_sentences_are_grouped_the_french_way():
    """Spending in Guinean francs beside a budget in EUR (1 860 000 000 on a line of 450 000) was told in French
    « font 4,133 fois son budget », which reads 4.133 times; and the lines above budget_total « 2 480 000.00 »,
    with an English decimal point. The amount itself was printed ungrouped (« (1860000000) »), as were a line's
    negative spending and its totals to date, where the annex writes « 1 860 000 000 » (narrow no-break spaces,
    annex.fmt.NNBSP)."""
    s = NNBSP
    far = sentence("the spending recorded on line R1 (1860000000) is 4,133 times its budget: are both in the same "
                   "unit (a budget in thousands?)", "fr")
    assert f"sur la ligne R1 (1{s}860{s}000{s}000) font 4{s}133 fois son budget" in far, far
    above = sentence("the budget lines add up to 2,480,000.00, more than budget_total (2,400,000.50): the overall "
                     "execution rate divides by budget_total, the unallocated budget is -79,999.50", "fr")
    assert f"totalisent 2{s}480{s}000,00, plus que budget_total (2{s}400{s}000,50)" in above, above
    assert f"non alloué est de -79{s}999,50" in above, above
    negative = sentence("the spending on line B2 adds up to -12000.5 (30000 spent, -42000.5 of negative amounts): a "
                        "line's spending cannot be below 0, and its execution rate would be negative, the other "
                        "lines' shares of spending above 100 %", "fr")
    assert f"totalisent -12{s}000,5 (30{s}000 dépensés, -42{s}000,5 de montants négatifs)" in negative, negative
    rising = sentence("the spending on line B1 rises period after period (10000 → 25000.5 → 40000 → …) and adds up "
                      "to 150% of its budget, while its last amount alone is 80%: are these totals since the start? "
                      "The workbook adds the periods up", "fr")
    assert f"(10{s}000 → 25{s}000,5 → 40{s}000 → …) et totalisent 150 %" in rising, rising


def test_a_published_figure_dated_otherwise_is_told_in_french(mini):
    """A later reporting date beside the report's « Part des femmes au 31 décembre 2020 » (the figure of the earlier
    annex): make check warned « figure 'F2': dated 2020-12-31 by its label, the figure computed describes
    2021-06-30: ... » in English in a French project, and its hint « The annex will say 'not computable'... »."""
    mini.replace("reported", "Part des femmes,", "Part des femmes au 31 décembre 2020,")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = out.getvalue().splitlines()
    at = next(i for i, line in enumerate(lines) if "[dated_otherwise]" in line)
    dated, hint = lines[at], lines[at + 1]
    assert "le chiffre 'F2' : daté du 31 décembre 2020 par son libellé" in dated, dated
    assert not english_words(dated.split(" (valeur")[0]), dated
    assert "L'annexe dira « non calculable »." in hint and not english_words(hint), hint


def test_a_published_figure_in_another_currency_or_of_a_target_is_told_in_french(mini):
    """reported.xlsx's « 62 500 € » beside the spending of a project in another currency, and a label « Cible : ... »
    beside a share achieved: make check said « figure 'F8' (spent): printed in EUR, the project's figures are in
    XOF ... » and « ... speaks of a target ... » in English in a French project, and their hints too."""
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;spent;total;150 000 €;Dépenses;Maroc\n"
                           "F2;women_share;all;45 %;Cible : 45 % de femmes;Maroc\n")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = out.getvalue().splitlines()
    for rule, said in (("published_currency", "le chiffre 'F1' (spent) : publié en EUR, les chiffres du projet sont "
                                              "en USD"),
                       ("published_target", "le chiffre 'F2' (women_share) : son libellé ou sa valeur parle d'une "
                                            "cible")):
        at = next(i for i, line in enumerate(lines) if f"[{rule}]" in line)
        told, hint = lines[at], lines[at + 1]
        assert said in told, told
        assert not english_words(told.split(" (valeur")[0]) and not english_words(hint), (told, hint)


def test_a_fraction_among_percentages_of_progress_is_told_in_french(mini):
    """« 0,45 » beside progresses of 60 and 100 was told « this progress is between 0 and 1, where the table's others
    are percentages (up to 100) » in French, and in English beside a highest progress of 60 (the sentence's
    translation knew « up to 100 » only)."""
    mini.replace("activities", "Réalisé,Maroc,R1,O1.1,Étude de base,100,", "En cours,Maroc,R1,O1.1,Étude de base,0.45,")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    told = [line for line in out.getvalue().split("\n") if "progress_fractions" in line]
    assert len(told) == 1 and "jusqu'à 60" in told[0] and not english_words(told[0]), told


def test_a_surveys_review_spellings_codes_and_zeros_are_told_in_french(tmp_path):
    """Submissions not approved at review (survey_rejected), `oui` beside one `Oui` (survey_value_spellings), -99 in
    an income (survey_missing_code's hint naming missing_codes), a select_multiple's option columns 0 for 3
    respondents and never empty (survey_multiple_all_zero): each was printed in English in a French project; the
    hint of a share's value written otherwise (survey_value_absent) printed « value: \\"Oui\\" », backslashes included."""
    from helpers.data.surveys import load_surveys

    folder = tmp_path / "surveys"
    folder.mkdir()
    rows = ["_uuid;_validation_status;pays;poids;revenu;emploi;competences/langue;competences/metier"]
    for i in range(1, 41):
        options = "0;0" if i in (11, 12, 13) else f"{i % 2};{(i + 1) % 2 if i % 5 else 1}"
        rows.append(f"u{i};{'Not Approved' if i in (4, 9) else 'Approved'};{'Maroc' if i % 2 else 'Tunisie'};"
                    f"{1 + i % 3};{-99 if i == 7 else 1000 + 10 * i};{'Oui' if i == 5 else 'oui' if i % 3 else 'non'};"
                    f"{options}")
    (folder / "suivi.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "suivi.yaml").write_text("title: Suivi\ndesign: {weights: poids, strata: pays}\nestimates:\n"
                                       "  - {mean: revenu}\n  - {share: emploi, value: oui}\n  - {share: competences}\n",
                                       encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert {p.rule for p in problems} == {"survey_rejected", "survey_value_spellings", "survey_missing_code",
                                          "survey_multiple_all_zero"}, problems
    french = [messages.translated(p, "fr") for p in problems]
    assert [(p.rule, p.message, p.hint) for p in french if english_words(f"{p.message} {p.hint}")] == []
    assert "2 soumissions marquées « non approuvées » à la validation sont écartées" in french[0].message
    hint = sentence("Write the value as the answers do (value: \"Oui\"), or export the answers as the form's choice "
                    "names (KoboToolbox: XML values).", "fr")
    assert '(« value: "Oui" »)' in hint and "\\" not in hint, hint


def test_a_surveys_tests_clocks_numbers_and_unanswered_are_told_in_french(tmp_path):
    """Submissions before fieldwork_start (survey_before_fieldwork), a tablet's clock reset to 1970
    (survey_device_clock), an income typed « 1,500 » (survey_ambiguous_number), answers « NA » in a share's question
    (survey_na_answer), a question no one answered (survey_never_answered): each was printed in English in a French
    project."""
    from helpers.data.surveys import load_surveys

    folder = tmp_path / "surveys"
    folder.mkdir()
    rows = ["_uuid;start;_submission_time;pays;poids;revenu;emploi;secteur"]
    for i in range(1, 31):
        start = "2021-05-03T09:00:00" if i in (2, 3) else "1970-01-01T00:00:00" if i == 8 else \
            f"2021-05-{10 + i % 5:02d}T09:00:00"
        sent = f"2021-05-{10 + i % 5:02d}T18:00:00" if i not in (2, 3) else "2021-05-03T18:00:00"
        rows.append(f"u{i};{start};{sent};{'Maroc' if i % 2 else 'Tunisie'};{1 + i % 3};"
                    f"{'1,500' if i == 6 else 1000 + 10 * i};{'NA' if i in (5, 9) else 'oui' if i % 3 else 'non'};")
    (folder / "suivi.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "suivi.yaml").write_text("title: Suivi\ndesign: {weights: poids, strata: pays}\nfieldwork_start: "
                                       "2021-05-10\nestimates:\n  - {mean: revenu}\n  - {share: emploi, value: oui}\n"
                                       "  - {mean: secteur}\n", encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert {p.rule for p in problems} == {"survey_before_fieldwork", "survey_device_clock", "survey_ambiguous_number",
                                          "survey_na_answer", "survey_never_answered"}, problems
    french = [messages.translated(p, "fr") for p in problems]
    assert [(p.rule, p.message, p.hint) for p in french if english_words(f"{p.message} {p.hint}")] == []


@pytest.mark.parametrize("se", ["robust", "classical"])
def test_a_panel_taken_row_by_row_is_told_in_french_whatever_its_unit_column(mini, se):
    """A did study whose persons are seen in two rounds, its unit column « identifiant » (or its SEs classical): the
    warning study_panel_se was printed in English in a French project (the French sentence knew the unit « id »
    and robust SEs only)."""
    folder = mini.data_dir / "mini" / "impact"
    (folder / "survey.csv").write_text("identifiant,groupe,annee,revenu\n" + "".join(
        f"P{i},{'T' if i % 2 else 'C'},{year},{100 + 7 * i + 5 * (year == 2021) * (i % 2) + i % 3}\n"
        for i in range(1, 21) for year in (2019, 2021)), encoding="utf-8")
    (folder / "survey.yaml").write_text(
        "title: Suivi\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, treated: T}\n"
        f"period: {{column: annee, post: 2021}}\nunit: identifiant\nse: {se}\nsynthetic: true\n", encoding="utf-8")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = out.getvalue().splitlines()
    told = [line for i, line in enumerate(lines) if "[study_panel_se]" in line
            or i and "[study_panel_se]" in lines[i - 1]]
    assert len(told) == 2 and "20 identifiant sont vus à plusieurs vagues" in told[0], out.getvalue()
    assert ("robustes" if se == "robust" else "classiques") in told[0], told
    assert [line for line in told if english_words(line)] == [], told


def test_an_outcomes_outliers_and_nines_are_told_with_a_decimal_comma():
    """A study's revenue typed 9999 among amounts up to 791,1 was told « plus que toutes les autres réponses (au plus
    791.1) » and « les dépassent toutes de loin (au plus 791.1) » in a French project: an English decimal point."""
    nines = sentence("1 answer is 9999, more than every other answer (at most 791.1): if 9999 stands for 'don't "
                     "know' or 'refused', the estimates count it as 9999", "fr")
    assert "(au plus 791,1)" in nines and "9999" in nines, nines
    far = sentence("2 value(s) of 'revenu' (99999.5, 9999) are more than 10 times three quarters of the others and "
                   "far above them all (at most 791.1); 1 other value(s) are also beyond three interquartile ranges "
                   "above three quarters of the values (702.25): 2500.5: the means and the effect move with them", "fr")
    assert "(99999,5, 9999)" in far and "(au plus 791,1)" in far and "(702,25) : 2500,5" in far, far
    assert not english_words(far) and not english_words(nines), (far, nines)


def test_an_outcomes_units_and_scales_are_told_with_a_decimal_comma():
    """A French study's earnings per month at baseline and per year at follow-up were told « (médiane 496.5) », and
    a share written 0,4 here and 50 there was told to be written « 0.3, ou 30 » in a project whose decimal mark is
    the comma: English decimal points in French sentences."""
    larger = sentence("the outcome 'revenu' is about 13 times larger where année is 2021 (median 6442) than where it "
                      "is 2019 (median 496.5), in the treated and the comparison group alike: amounts per month in "
                      "one round and per year in the other?", "fr")
    assert "(médiane 6442)" in larger and "(médiane 496,5)" in larger and "année vaut 2021" in larger, larger
    smaller = sentence("the outcome 'revenu' is about 1 000 times smaller where année is 2021 (median 1.54) than "
                       "where it is 2019 (median 1540): the same amount written in two units (thousands, cents)?",
                       "fr")
    assert "(médiane 1,54)" in smaller and "environ 1 000 fois plus petit" in smaller, smaller
    for hint in ("Write it the same way on every row (0.3, or 30, for 30 %): as it is, the effect is mostly the "
                 "change of scale between the values of année.", "Write it the same way in every country (0.3, or "
                 "30, for 30 %): pooled as it is, the effect mixes the two."):
        assert "(0,3, ou 30, pour 30 %)" in sentence(hint, "fr"), sentence(hint, "fr")
    assert not english_words(larger) and not english_words(smaller), (larger, smaller)


@pytest.mark.parametrize("name, where, whose, to", [
    ("Sénégal", "au Sénégal", "du Sénégal", "au Sénégal"), ("Guinée", "en Guinée", "de Guinée", "à la Guinée"),
    ("Côte d'Ivoire", "en Côte d'Ivoire", "de Côte d'Ivoire", "à la Côte d'Ivoire"),
    ("Maroc", "au Maroc", "du Maroc", "au Maroc"), ("Égypte", "en Égypte", "d'Égypte", "à l'Égypte"),
    ("Comores", "aux Comores", "des Comores", "aux Comores"), ("Madagascar", "à Madagascar", "de Madagascar",
                                                                "à Madagascar"),
    ("Mexique", "au Mexique", "du Mexique", "au Mexique"), ("Dakar", "à Dakar", "de Dakar", "à Dakar"),
])
def test_a_country_is_named_with_its_french_preposition(name, where, whose, to):
    """A French sentence built around a country's name said « à Sénégal », « de Égypte », « si elles appartiennent
    à Guinée »; and one naming « Côte d'Ivoire » (an apostrophe in the name) stayed wholly English."""
    from helpers.data.countries import french_preposition

    assert (french_preposition(name, "à"), french_preposition(name, "de"), french_preposition(name, "à la")) == (
        where, whose, to)
    rows = sentence(f"this amount is the sum of every other row of the rows of {name}: a totals row?", "fr")
    assert f"toutes les autres lignes {whose} : une ligne de total" in rows, rows
    hint = sentence("Their rows are shown in the annex with `country: all` only; give them the country in a "
                    f"`country` column if they belong to {name}.", "fr")
    assert hint.endswith(f"si elles appartiennent {to}."), hint
    lost = sentence("rows of the project as a whole (no country, or 'regional') will not appear in the "
                    f"'{name}' annex: reported.csv (all rows)", "fr")
    assert lost == ("les lignes du projet dans son ensemble (sans pays, ou 'régional') n'apparaîtront pas dans "
                    f"l'annexe '{name}' : reported.csv (toutes les lignes)"), lost


@pytest.mark.parametrize("why, french", [
    ("no indicator has the id 'participants' (did you mean 'participant'?)",
     "aucun indicateur n'a l'identifiant 'participants' (vouliez-vous dire 'participant' ?)"),
    ("no indicator has the id 'formation'", "aucun indicateur n'a l'identifiant 'formation'"),
    ("the indicator 'I1' has no cost per unit: it is not an output (level)",
     "l'indicateur 'I1' n'a pas de coût unitaire : ce n'est pas un produit (level)"),
    ("the indicator 'I1' has no cost per unit: it names no budget line (budget_lines)",
     "l'indicateur 'I1' n'a pas de coût unitaire : il ne nomme aucune ligne budgétaire (budget_lines)"),
])
def test_a_benchmark_shown_beside_no_cost_is_told_in_one_french_sentence(why, french):
    """benchmark_not_used was translated part by part: « d'aucun coût  : aucun indicateur... (vouliez-vous dire
    'participant' ?) une référence a pour clé », a double space and the « ; » lost between its two sentences."""
    told = sentence(f"the unit cost benchmark 'X' is shown beside no cost: {why}; a benchmark is keyed by an output "
                    "indicator's id (one that names budget lines), participant or woman", "fr")
    assert told == (f"la référence de coût unitaire 'X' n'est affichée à côté d'aucun coût : {french} ; une "
                    "référence a pour clé l'identifiant d'un indicateur de produit (qui nomme des lignes "
                    "budgétaires), participant ou woman"), told


YAML_SLIPS = {   # annex file -> (its text, the line and column the message names)
    "deux_points": ("country: Maroc\nname: Maroc: phase 2\n", 2, 12),
    "tabulation": ("country: Maroc\nname: Maroc\nthresholds:\n\trag_green: 90\n", 4, 1),
    "sans_deux_points": ("country: Maroc\nname Maroc\nbudget_total: 1000\n", 2, 1),
    "guillemet": ('country: Maroc\nname: "Maroc\n', 3, 1),
    "apostrophe": ("country: Maroc\nname: 'l'Oriental'\n", 2, 10),
    "chemin": ('country: Maroc\nname: "C:\\Rapports"\n', 2, 11),
    "accolade": ("country: Maroc\nthresholds: {rag_green: 90\nname: Maroc\n", 3, 5),
}


def test_yaml_syntax_errors_are_told_in_french_with_their_line_and_column(mini):
    """`name: Maroc: phase 2`, a tab, a key without its ':', a quote never closed, an apostrophe in single quotes, a
    Windows path in double quotes, a brace never closed: PyYAML's English (« mapping values are not allowed here »)
    was printed in a French project's message, without the column, under a hint about signs in quotes."""
    for name, (text, _, _) in YAML_SLIPS.items():
        (mini.params_dir / "mini" / f"{name}.yaml").write_text(text, encoding="utf-8")
    out = io.StringIO()
    run_check(["mini"], mini.data_dir, mini.params_dir, out=out, build_dir=mini.root / "build")
    lines = out.getvalue().splitlines()
    told = {name: (line, lines[i + 1]) for i, line in enumerate(lines) for name in YAML_SLIPS
            if f"/{name}.yaml" in line and "[yaml_syntax]" in line}
    assert told.keys() == YAML_SLIPS.keys(), out.getvalue()
    for name, (line, hint) in told.items():
        _, row, column = YAML_SLIPS[name]
        assert f"ligne {row}, colonne {column} [yaml_syntax]" in line, line
        assert not english_words(line.split(".yaml", 1)[1]) and not english_words(hint), (line, hint)
    assert "entre guillemets" in told["deux_points"][1] and "tabulation" in told["tabulation"][1]
    assert "ouvert ligne 2" in told["guillemet"][1] and "'l''été'" in told["apostrophe"][1]
