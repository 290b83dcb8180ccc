"""params: project.yaml and annex files validated before any notebook runs; every problem named and explained."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from fixtures.mini_project import Mini
from helpers.errors import ValidationFailed
from helpers.data.params import AnnexParams, ProjectParams, load_annex_params, load_project_params
from helpers.paths import annex_names, project_names


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def _problems(call, *args):
    with pytest.raises(ValidationFailed) as info:
        call(*args)
    return info.value.problems


def test_valid_project_and_defaults(mini):
    params = load_project_params("mini", mini.params_dir)
    assert isinstance(params, ProjectParams)
    assert params.start_date == dt.date(2020, 1, 1)
    assert params.decimal_mark == "." and params.encoding == "utf-8" and params.currency == "USD"
    assert params.thresholds.rag_green == 80 and params.staff_categories == ["staff"]
    assert project_names(mini.params_dir) == ["mini"]
    assert annex_names("mini", mini.params_dir) == ["maroc"]


def test_annex_overrides_project_and_deep_merges_thresholds(mini):
    mini.set_param("thresholds", {"rag_amber": 40, "parity_low": 0.95})
    mini.set_param("donor", "AICS", annex="maroc")
    annex = load_annex_params("mini", "maroc", mini.params_dir)
    assert isinstance(annex, AnnexParams)
    assert annex.country == "Maroc" and annex.project == "mini" and annex.annex == "maroc"
    assert annex.donor == "AICS"                         # overridden by the annex
    assert annex.title == "Mini project"                 # inherited
    assert annex.thresholds.rag_green == 90              # from the annex
    assert annex.thresholds.rag_amber == 40              # kept from project.yaml: merged, not replaced
    assert annex.thresholds.parity_low == 0.95
    assert not annex.is_all


def test_all_annex(mini):
    mini.write_param_file("all", "country: all\nname: Ensemble du projet\n")
    assert load_annex_params("mini", "all", mini.params_dir).is_all


def test_unknown_key_with_did_you_mean(mini):
    mini.set_param("titel", "x")
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert [(p.rule, p.column) for p in problems] == [("unknown_key", "titel")]
    assert "Did you mean 'title'?" in problems[0].hint
    assert problems[0].file.endswith("project.yaml")


def test_unknown_threshold_key_suggests_threshold_names(mini):
    mini.set_param("thresholds", {"rag_gren": 70})
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert problems[0].column == "thresholds.rag_gren" and "rag_green" in problems[0].hint


def test_unknown_annex_key(mini):
    mini.write_param_file("maroc", "contry: Maroc\nname: Maroc\n")
    problems = _problems(load_annex_params, "mini", "maroc", mini.params_dir)
    assert {p.rule for p in problems} == {"unknown_key", "missing_key"}   # contry unknown, country missing
    unknown = next(p for p in problems if p.rule == "unknown_key")
    assert "Did you mean 'country'?" in unknown.hint and unknown.file.endswith("maroc.yaml")


@pytest.mark.parametrize("key, value, column", [
    ("start_date", "31/12/2020", "start_date"),
    ("decimal_mark", ";", "decimal_mark"),
    ("budget_total", -5, "budget_total"),
    ("encoding", "klingon", "encoding"),
    ("status_synonyms", {"Suspendu": "paused"}, "status_synonyms.Suspendu"),
    ("language", "de", "language"),
    ("staff_categories", "staff", "staff_categories"),
])
def test_bad_types_and_values(mini, key, value, column):
    mini.set_param(key, value)
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert [(p.rule, p.column) for p in problems] == [("bad_value", column)]


def test_dates_must_be_in_order(mini):
    mini.set_param("end_date", dt.date(2019, 1, 1))
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert problems[0].rule == "bad_value" and "end_date" in problems[0].message


def test_threshold_bands_must_be_ordered(mini):
    mini.set_param("thresholds", {"rag_green": 40, "rag_amber": 60})
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert problems[0].column == "thresholds" and "rag_amber" in problems[0].message


def test_thresholds_written_on_the_other_scale_are_refused_at_their_key(mini):
    """rag_green: 0.8 and rag_amber: 0.5 (80 % and 50 % as fractions of 1) rated every indicator green, 0.8 % of its
    target being enough; parity_low: 97 (a percentage) rated a parity index of 1 « women under-represented »."""
    mini.set_param("thresholds", {"rag_green": 0.8, "rag_amber": 0.5, "staff_share_low": 0.3, "staff_share_high": 35,
                                  "parity_low": 97, "parity_high": 1.03})
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert [(p.column, p.value) for p in problems] == [
        ("thresholds.rag_green", "0.8"), ("thresholds.rag_amber", "0.5"), ("thresholds.parity_low", "97"),
        ("thresholds.staff_share_low", "0.3")]
    assert "Write 80 for 80 %" in problems[0].message and "write 0.97" in problems[2].message
    assert "rag_green: 80" in problems[0].hint
    mini.set_param("thresholds", {"rag_green": "0,8"})   # French Excel's comma: the same hint
    assert "rag_green: 80" in _problems(load_project_params, "mini", mini.params_dir)[0].hint
    mini.set_param("thresholds", {"rag_amber": 0})      # never red: a threshold of 0 is a choice
    assert load_project_params("mini", mini.params_dir).thresholds.rag_amber == 0


def test_project_thresholds_are_not_blamed_on_an_annex_giving_others(mini):
    """maroc.yaml gives thresholds.rag_green only: project.yaml's wrong rag_amber was said at maroc.yaml too."""
    mini.set_param("thresholds", {"rag_amber": 0.5})
    from helpers.data.loader import check_project
    problems = [p for p in check_project("mini", mini.data_dir, mini.params_dir) if p.rule == "bad_value"]
    assert [(p.file.split("/")[-1], p.column) for p in problems] == [("project.yaml", "thresholds.rag_amber")]


def test_missing_required_key(mini):
    path = mini.params_dir / "mini" / "project.yaml"
    path.write_text(path.read_text().replace("code: MINI-1\n", ""))
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert [(p.rule, p.column) for p in problems] == [("missing_key", "code")]


def test_a_yaml_key_is_named_a_key_not_a_column(mini):
    """An evaluator filling project.yaml was told « params/mini/project.yaml, column 'title' »: a YAML file has
    keys. A data column a study's YAML names is still a column (its message says so)."""
    path = mini.params_dir / "mini" / "project.yaml"
    path.write_text(path.read_text().replace("code: MINI-1\n", ""))
    mini.set_param("titel", "x")
    shown = [str(p) for p in _problems(load_project_params, "mini", mini.params_dir)]
    assert any("params/mini/project.yaml, key 'code': the key 'code' is required" in s for s in shown)
    assert any("params/mini/project.yaml, key 'titel'" in s for s in shown)
    assert not any("column" in s for s in shown)
    from helpers.errors import Problem
    named = Problem("data/mini/impact/survey.yaml", "study_column_missing",
                    "the description names the column 'revenu', which survey.csv does not have", column="revenu")
    assert named.where() == "data/mini/impact/survey.yaml, column 'revenu'"


def test_all_problems_at_once(mini):
    mini.set_param("titel", "x")
    mini.set_param("decimal_mark", ";")
    assert {p.column for p in _problems(load_project_params, "mini", mini.params_dir)} == {"titel", "decimal_mark"}


def test_numbers_are_taken_as_text(mini):
    mini.set_param("code", 2021)
    assert load_project_params("mini", mini.params_dir).code == "2021"


def test_unquoted_comma_is_a_yaml_error_with_a_hint(mini):
    path = mini.params_dir / "mini" / "project.yaml"
    path.write_text(path.read_text().replace('decimal_mark: "."', "decimal_mark: ,"))
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert problems[0].rule == "yaml_syntax" and 'decimal_mark: ","' in problems[0].hint
    assert problems[0].row == 4


def test_yaml_that_is_not_a_mapping(mini):
    (mini.params_dir / "mini" / "project.yaml").write_text("- a\n- b\n")
    assert _problems(load_project_params, "mini", mini.params_dir)[0].rule == "yaml_mapping"


@pytest.mark.parametrize("name", ["../etc", "a b", "", ".hidden", "x/y"])
def test_project_and_annex_names_are_slugs(mini, name):
    assert _problems(load_project_params, name, mini.params_dir)[0].rule == "slug"
    assert _problems(load_annex_params, "mini", name, mini.params_dir)[0].rule == "slug"


def test_project_yaml_is_not_an_annex(mini):
    assert _problems(load_annex_params, "mini", "project", mini.params_dir)[0].rule == "slug"


def test_missing_project_with_did_you_mean(mini):
    problems = _problems(load_project_params, "minni", mini.params_dir)
    assert problems[0].rule == "missing_project" and "Did you mean 'mini'?" in problems[0].hint


def test_missing_annex_with_did_you_mean(mini):
    problems = _problems(load_annex_params, "mini", "marco", mini.params_dir)
    assert problems[0].rule == "missing_annex" and "Did you mean 'maroc'?" in problems[0].hint


def test_annex_cannot_set_its_own_name(mini):
    mini.set_param("project", "other", annex="maroc")
    problems = _problems(load_annex_params, "mini", "maroc", mini.params_dir)
    assert [(p.rule, p.column) for p in problems] == [("unknown_key", "project")]


def test_yaml_is_read_safely(mini):
    mini.write_param_file("maroc", "country: !!python/object/apply:os.system ['echo hacked']\nname: x\n")
    assert _problems(load_annex_params, "mini", "maroc", mini.params_dir)[0].rule == "yaml_syntax"


# ----------------------------------------------------------------- French words for codes and for the whole project
def test_french_budget_categories_give_the_figures_of_their_codes(mini):
    """A French budget's categories (Personnel, Fonctionnement, Appui) are read as the codes: the same staff share
    as the English file, not a refusal; staff_categories may name them in French too."""
    from helpers.analyses.figures import annex_figures

    def figures():
        return annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))

    english = figures()
    assert english.loc[english["metric"] == "staff_cost_share", "n"].tolist() == [1]   # B1, the staff line
    text = mini.text("budget")
    mini.write("budget", text.replace(",staff", ",Personnel").replace(",operational", ",Fonctionnement ")
               .replace(",support", ",appui"))
    mini.set_param("staff_categories", ["personnel"])
    assert not mini.errors()
    assert load_project_params("mini", mini.params_dir).staff_categories == ["staff"]
    assert set(mini.load().tables["budget"]["category"]) == {"staff", "operational", "support"}
    assert figures().equals(english)


@pytest.mark.parametrize("written", ["honoraires", "Staf"])
def test_a_staff_category_no_budget_line_can_have_is_refused(mini, written):
    """Before: the staff cost share was n.d. (or 0 %) and `make check` said nothing."""
    mini.set_param("staff_categories", [written])
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert [(p.rule, p.column) for p in problems] == [("bad_value", "staff_categories")]
    assert "not a budget category" in problems[0].message and "staff, operational" in problems[0].message


@pytest.mark.parametrize("written", ["Tous", "ENSEMBLE", "toutes", " all "])
def test_the_whole_project_annex_may_be_named_in_french(mini, written):
    from helpers.data.model import scope

    mini.set_param("country", written, annex="maroc")
    params = load_annex_params("mini", "maroc", mini.params_dir)
    assert params.is_all
    data = mini.load()
    assert scope(data, params.country) is data


def test_two_annexes_of_the_whole_project_are_said_whatever_their_words(mini):
    from helpers.data.params import duplicate_annexes

    mini.set_param("country", "all", annex="maroc")
    mini.write_param_file("ensemble", "country: Tous\nname: Ensemble du projet\n")
    annexes = [load_annex_params("mini", name, mini.params_dir) for name in ("ensemble", "maroc")]
    problems = duplicate_annexes(annexes, mini.params_dir)
    assert [p.rule for p in problems] == ["duplicate_annex"] and "whole project" in problems[0].message


def test_budget_lines_above_the_declared_total_are_told(tmp_path):
    """budget_total 200 000 in project.yaml, lines adding up to 250 000: the overall rate divided by the smaller
    total and the unallocated budget was -50 000, without a word."""
    from helpers.data.loader import check_project

    mini = Mini.copy_to(tmp_path)
    mini.set_param("budget_total", 200000)
    problems = check_project("mini", mini.data_dir, mini.params_dir)
    assert [(p.rule, p.column, p.severity) for p in problems] == [
        ("lines_above_budget_total", "budget_total", "warning")]
    assert "250,000.00" in problems[0].message and problems[0].file.endswith("project.yaml")
    mini.set_param("budget_total", 250000)      # the lines' sum: nothing to say
    assert check_project("mini", mini.data_dir, mini.params_dir) == []
    # a country annex's own total, below its country's lines (Maroc: 150 000): said at its file, as project.yaml's
    mini.set_param("budget_total", 140000, annex="maroc")
    problems = check_project("mini", mini.data_dir, mini.params_dir)
    assert [(p.rule, p.file.split("/")[-1]) for p in problems] == [("lines_above_budget_total", "maroc.yaml")]
    assert "150,000.00" in problems[0].message


@pytest.mark.parametrize("written, mark, read", [("2 777 777,78", ",", 2777777.78), ("2.777.777,78", ",", 2777777.78),
                                                 ("2,777,777.78", ".", 2777777.78), ("100 000 000", ",", 1e8),
                                                 ("2777777.78", ".", 2777777.78)])
def test_a_budget_total_is_read_as_the_tables_write_amounts(mini, written, mark, read):
    """`budget_total: 2 777 777,78` in a French project was refused (« unable to parse string as a number »)."""
    mini.set_param("decimal_mark", mark)
    mini.set_param("budget_total", written)
    assert load_project_params("mini", mini.params_dir).budget_total == pytest.approx(read)


@pytest.mark.parametrize("written", ["USD 2 777 777", "2,8 M", "2 777 777,78"])
def test_a_budget_total_that_is_no_amount_is_refused_at_its_key(mini, written):
    mini.set_param("budget_total", written)   # (the mini project's decimal mark is '.')
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert [(p.rule, p.column) for p in problems] == [("bad_value", "budget_total")]
    assert "decimal mark '.'" in problems[0].message and "budget_total: 2 777 777,78" in problems[0].hint


def test_a_refused_budget_total_is_shown_as_written_and_its_hint_suits_the_decimal_mark(mini):
    """`budget_total: 19000000.00` in a French project (decimal mark ','): refused, shown as '19000000.0' (YAML's
    float, not what the evaluator wrote), with a hint offering « (or 2777777.78) », which that project refuses too."""
    mini.set_param("decimal_mark", ",")
    path = mini.params_dir / "mini" / "project.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "budget_total: 19000000.00\n", encoding="utf-8")
    [problem] = _problems(load_project_params, "mini", mini.params_dir)
    assert problem.column == "budget_total" and problem.value == "19000000.00"
    assert "(or 2777777,78) with decimal_mark: \",\"" in problem.hint and "(or 2777777.78)" not in problem.hint


@pytest.mark.parametrize("annex", ["project", "maroc"])
def test_a_budget_total_yaml_reads_as_a_float_is_read_with_the_projects_decimal_mark(mini, annex):
    """`budget_total: 140.000` in a project whose decimal mark is ',': YAML reads the float 140.0, and a country's
    annex showed a financial execution of 50 000 %, nothing said; the tables read 140.000 as 140 000. A float that
    the mark cannot read (140.5 with ',') is refused at its key."""
    mini.set_param("decimal_mark", ",")
    path = mini.params_dir / "mini" / f"{annex}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "budget_total: 140.000\n", encoding="utf-8")
    load = (lambda: load_project_params("mini", mini.params_dir)) if annex == "project" else \
        (lambda: load_annex_params("mini", "maroc", mini.params_dir))
    assert load().budget_total == 140000
    path.write_text(path.read_text(encoding="utf-8").replace("140.000", "140.5"), encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        load()
    assert [(p.rule, p.column) for p in refused.value.problems] == [("bad_value", "budget_total")]


@pytest.mark.parametrize("annex", ["project", "maroc"])
@pytest.mark.parametrize("written, read", [("1.500", 1500), ("1 500", 1500), ("1 500,50", 1500.5),
                                           ("{value: 1.500, source: OIT}", 1500), ("{value: '2 500,5'}", 2500.5)])
def test_a_benchmark_is_read_with_the_projects_decimal_mark(mini, annex, written, read):
    """`unit_cost_benchmarks: {participant: 1.500}` in a project whose decimal mark is ',' (1 500 as its tables write
    it): YAML read 1.5, and the annex said the cost per participant was 1 257 times the benchmark; `1 500` was refused
    as « unable to parse string as a number »."""
    mini.set_param("decimal_mark", ",")
    path = mini.params_dir / "mini" / f"{annex}.yaml"
    text = path.read_text(encoding="utf-8")   # (maroc.yaml has a benchmark of 400)
    path.write_text(text.replace("participant: 400", f"participant: {written}") if annex == "maroc" else
                    text + f"unit_cost_benchmarks:\n  participant: {written}\n", encoding="utf-8")
    params = load_project_params("mini", mini.params_dir) if annex == "project" else \
        load_annex_params("mini", "maroc", mini.params_dir)
    item = params.unit_cost_benchmarks["participant"]
    assert getattr(item, "value", item) == pytest.approx(read)


@pytest.mark.parametrize("written, why", [("1 500 FCFA", "currency sign"), ("1,5k", "suffix"), ("1500.5", "'.'")])
def test_a_benchmark_that_is_no_amount_is_refused_naming_it(mini, written, why):
    mini.set_param("decimal_mark", ",")
    mini.set_param("unit_cost_benchmarks", {"participant": written})
    [problem] = _problems(load_project_params, "mini", mini.params_dir)
    assert problem.rule == "bad_value" and problem.column == "unit_cost_benchmarks"
    assert f"the benchmark of participant ({written})" in problem.message and why in problem.message
    assert "participant: 1 500" in problem.hint


@pytest.mark.parametrize("key, value", [("currency", "MAD"), ("decimal_mark", ","), ("encoding", "cp1252")])
def test_an_annex_cannot_read_the_tables_otherwise(mini, key, value):
    """maroc.yaml's `currency: MAD` in a USD project: the tables are read once, with project.yaml's values, so the
    Maroc annex showed the USD amounts labelled MAD, unconverted, without a word. Refused at the annex's key; the
    project's own value written again (in another case, `utf8` for utf-8) is fine."""
    mini.set_param(key, value, annex="maroc")
    problems = _problems(load_annex_params, "mini", "maroc", mini.params_dir)
    assert [(p.rule, p.column, p.value) for p in problems] == [("project_only_key", key, value)]
    assert problems[0].file.endswith("maroc.yaml") and "project.yaml" in problems[0].message
    mini.set_param(key, {"currency": "usd", "decimal_mark": ".", "encoding": "UTF8"}[key], annex="maroc")
    load_annex_params("mini", "maroc", mini.params_dir)


@pytest.mark.parametrize("written, message, hint", [
    ("31/12/2020", "not a date written year first", "reporting_date: 2020-12-31"),   # as French Excel shows it
    ("30.06.2021", "not a date written year first", "reporting_date: 2021-06-30"),
    ("2021", "a year alone is not a date", "reporting_date: 2021-12-31"),  # was « Datetimes ... zero time »
    ("décembre 2020", "not a date", "year first")])
def test_a_date_not_written_year_first_is_told_how_to_write_it(mini, written, message, hint):
    """`reporting_date: 31/12/2020` was refused with pydantic's « invalid character in year » and the hint « numbers
    without units »; `2021` (read by pydantic as seconds since 1970) with « Datetimes provided to dates should have
    zero time »."""
    path = mini.params_dir / "mini" / "project.yaml"
    path.write_text(re.sub(r"reporting_date: .*", f"reporting_date: {written}", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    [problem] = _problems(load_project_params, "mini", mini.params_dir)
    assert (problem.rule, problem.column, problem.value) == ("bad_value", "reporting_date", written)
    assert problem.message == f"'reporting_date': {message}" and hint in problem.hint


def test_a_date_that_does_not_exist_is_refused_at_its_line(mini):
    """`reporting_date: 2021-06-31`: YAML's own date reader raised ValueError, and make check ended in a traceback."""
    path = mini.params_dir / "mini" / "project.yaml"
    path.write_text(re.sub(r"reporting_date: .*", "reporting_date: 2021-06-31", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    [problem] = _problems(load_project_params, "mini", mini.params_dir)
    assert (problem.rule, problem.value) == ("not_a_date", "2021-06-31") and problem.row is not None
    assert "year first" in problem.hint


@pytest.mark.parametrize("annex, key, says", [
    ("maroc", "pays", "Did you mean 'country'?"), ("maroc", "nom", "Did you mean 'name'?"),
    ("project", "Date de rapport", "Did you mean 'reporting_date'?"), ("project", "Devise", "Did you mean 'currency'?"),
    ("project", "Pays", "a key of each annex file"), ("project", "countries", "a key of each annex file")])
def test_a_french_key_is_given_its_name(mini, annex, key, says):
    """`pays: Maroc` in maroc.yaml was refused with the list of keys only (difflib finds nothing close to 'pays');
    `countries: Maroc, Tunisie` in project.yaml too, where the countries are each an annex file's."""
    mini.set_param(key, "x", annex=annex)
    problems = _problems(load_project_params if annex == "project" else load_annex_params, "mini",
                         *([] if annex == "project" else ["maroc"]), mini.params_dir)
    [problem] = [p for p in problems if p.rule == "unknown_key"]
    assert problem.column == key and says in problem.hint


def test_a_tab_in_a_params_file_is_named(mini):
    """A tab indenting `thresholds:` (an editor's tab key): the hint spoke of ':' and signs in quotes."""
    mini.write_param_file("maroc", "country: Maroc\nname: Maroc\nthresholds:\n\trag_green: 90\n")
    [problem] = _problems(load_annex_params, "mini", "maroc", mini.params_dir)
    assert (problem.rule, problem.row) == ("yaml_syntax", 4) and "not tabs" in problem.hint



def test_a_refused_totals_row_is_not_added_to_the_lines(tmp_path):
    """budget.csv ending with its TOTAL row: the row is refused, and the lines were said to add up to twice the budget
    (« 500,000.00, more than budget_total ») while the row was being refused; the sum waits for the file to be fixed."""
    from helpers.data.loader import check_project

    mini = Mini.copy_to(tmp_path)
    mini.set_param("budget_total", 250000)
    mini.append("budget", "TOTAL,250000,,,")
    assert [p.rule for p in check_project("mini", mini.data_dir, mini.params_dir)] == ["totals_row"]


def test_an_empty_currency_names_no_currency_the_user_never_gave(mini):
    """`currency:` left empty (as `make new` writes it) with budget rows in XOF and a header `Montant (EUR)`: the
    rows and the header were refused as « the project's amounts are in USD », a default never written, beside the
    empty_key error that asks for the currency. Now only the empty key is told; its currency named nowhere."""
    mini.set_param("currency", None)   # `currency: null`, as `currency:` reads
    mini.write("budget", mini.text("budget").replace("category\n", "category,currency\n")
               .replace(",staff\n", ",staff,XOF\n").replace(",operational\n", ",operational,XOF\n"))
    mini.replace("expenditure", ",amount,", ",Montant (EUR),")
    problems = mini.check()
    assert [p.column for p in problems if p.rule == "empty_key"] == ["currency"]
    assert not [str(p) for p in problems if "USD" in f"{p.message} {p.hint}"]
    assert not [p for p in problems if p.rule == "other_currency"]
    mini.set_param("currency", "XOF")   # written: the header in EUR is refused, in XOF
    assert [p.file.rsplit("/", 1)[-1] for p in mini.check() if p.rule == "other_currency" and "XOF" in p.message] \
        == ["expenditure.csv"]


def test_annex_files_are_checked_when_project_yaml_has_errors(mini):
    """project.yaml left empty as `make new` writes it, and maroc.yaml with a misspelt key and a tab: make check
    named project.yaml's errors only, maroc.yaml's came at the next run, once project.yaml was filled. Both are said
    in one run, and project.yaml's empty keys are not said again at maroc.yaml."""
    from helpers.data.loader import check_and_load

    path = mini.params_dir / "mini" / "project.yaml"
    path.write_text(path.read_text().replace("code: MINI-1\n", "code:\n"), encoding="utf-8")
    maroc = mini.params_dir / "mini" / "maroc.yaml"
    maroc.write_text(maroc.read_text(encoding="utf-8") + "langue: en\n", encoding="utf-8")
    problems, data = check_and_load("mini", mini.data_dir, mini.params_dir)
    assert data is None
    assert [(p.file.rsplit("/", 1)[-1], p.rule, p.column) for p in problems if p.file.endswith(".yaml")] == [
        ("project.yaml", "empty_key", "code"), ("maroc.yaml", "unknown_key", "langue")]
    (mini.params_dir / "mini" / "tabs.yaml").write_text("country: Maroc\nname: x\nthresholds:\n\trag_green: 80\n")
    problems, _ = check_and_load("mini", mini.data_dir, mini.params_dir)
    assert any(p.file.endswith("tabs.yaml") and p.rule == "yaml_syntax" and "tabs" in p.hint for p in problems)
    # project.yaml's currency left empty: an annex's own currency is compared once it is written, not with « None »
    path.write_text(path.read_text().replace("currency: USD", "currency:"), encoding="utf-8")
    maroc.write_text(maroc.read_text(encoding="utf-8").replace("langue: en\n", "currency: MAD\n"), encoding="utf-8")
    problems, _ = check_and_load("mini", mini.data_dir, mini.params_dir)
    assert not any("None" in str(p) for p in problems)
    # project.yaml unreadable: its decimal mark is not known, and maroc.yaml's amount is not read with another
    path.write_text('title: Mini: deux\ndecimal_mark: ","\n', encoding="utf-8")
    maroc.write_text("country: Maroc\nname: Maroc\nbudget_total: 130 000,50\n", encoding="utf-8")
    problems, _ = check_and_load("mini", mini.data_dir, mini.params_dir)
    assert [p.rule for p in problems if p.file.endswith(("project.yaml", "maroc.yaml"))] == ["yaml_syntax"]


def test_a_name_with_an_accent_or_a_space_is_refused_with_the_name_to_use(mini):
    """`make new PROJECT=Sénégal-2024` was refused « use letters, digits, '-' and '_' only »: é is a letter to the
    evaluator who typed it. The message says letters without accents and gives the name to use; a project folder
    named with a space is told which folders to rename."""
    from helpers.paths import UnsafeName, check_slug

    with pytest.raises(UnsafeName) as info:
        check_slug("Sénégal 2024", "project")
    assert "without accents" in str(info.value) and "e.g. 'senegal-2024'" in str(info.value)
    with pytest.raises(UnsafeName) as info:   # make annex ANNEX=maroc.yaml: the file's name, not 'maroc-yaml'
        check_slug("maroc.yaml", "annex")
    assert "e.g. 'maroc'." in str(info.value)
    (mini.params_dir / "mon projet").mkdir()
    (mini.params_dir / "mon projet" / "project.yaml").write_text("title: x\n")
    hint = _problems(load_project_params, "mon projet", mini.params_dir)[0].hint
    assert "e.g. 'mon-projet'" in hint and "params/mon projet/" in hint
    (mini.params_dir / "mini" / "côte nord.yaml").write_text("country: Maroc\nname: Maroc\n")
    assert "e.g. cote-nord.yaml" in _problems(load_annex_params, "mini", "côte nord", mini.params_dir)[0].hint


@pytest.mark.parametrize("broken", [False, True])
def test_each_params_file_is_read_once_by_a_check(tmp_path, monkeypatch, broken):
    """make check read project.yaml five times in a project of two annexes (once per annex file, again for
    ambiguous_amounts, currency_named and the budget_total rule) and each annex file three times: every rule saw
    the file as it was at its own reading. Once each now, with project.yaml valid or not; the build's load too."""
    from collections import Counter
    from pathlib import Path

    from helpers.data import inputs

    mini = Mini.copy_to(tmp_path)
    mini.write_param_file("tunisie", "country: Tunisie\nname: Tunisie\n")
    mini.set_param("budget_total", "250 000")
    if broken:
        mini.set_param("start_date", "pas une date")
    reads: Counter = Counter()
    read = inputs._read

    def counted(path, root, max_bytes):
        reads[Path(path).name] += 1
        return read(path, root, max_bytes)

    monkeypatch.setattr(inputs, "_read", counted)
    problems = mini.check()
    assert any(p.file.endswith("project.yaml") for p in problems) == broken
    yaml_reads = {name: n for name, n in reads.items() if name.endswith(".yaml")}
    assert yaml_reads == {"project.yaml": 1, "maroc.yaml": 1, "tunisie.yaml": 1, "survey.yaml": 1}
    if not broken:
        reads.clear()
        mini.load()
        assert {name: n for name, n in reads.items() if name.endswith(".yaml")} == {"project.yaml": 1, "survey.yaml": 1}


@pytest.mark.parametrize("annex", ["project", "maroc"])
def test_a_threshold_is_read_with_the_projects_decimal_mark(mini, annex):
    """`parity_low: 0,97` in a project whose decimal mark is ',' (as its tables write numbers): YAML gives the text
    '0,97', refused as « not a number »; now read as the tables' numbers are. A float YAML reads stays (0.97)."""
    mini.set_param("decimal_mark", ",")
    path = mini.params_dir / "mini" / f"{annex}.yaml"
    text = path.read_text(encoding="utf-8")   # (maroc.yaml has thresholds: rag_green: 90)
    path.write_text(text.replace("  rag_green: 90", "  rag_green: 92,5\n  parity_low: 0,97\n  parity_high: 1.03")
                    if annex == "maroc" else
                    text + "thresholds:\n  rag_green: 92,5\n  parity_low: 0,97\n  parity_high: 1.03\n",
                    encoding="utf-8")
    params = load_project_params("mini", mini.params_dir) if annex == "project" else \
        load_annex_params("mini", "maroc", mini.params_dir)
    assert (params.thresholds.rag_green, params.thresholds.parity_low, params.thresholds.parity_high) == \
        (92.5, 0.97, 1.03)


def test_a_threshold_with_the_other_decimal_mark_is_still_refused(mini):
    path = mini.params_dir / "mini" / "project.yaml"   # (the mini project's decimal mark is '.')
    path.write_text(path.read_text(encoding="utf-8") + "thresholds:\n  parity_low: 0,97\n", encoding="utf-8")
    problems = _problems(load_project_params, "mini", mini.params_dir)
    assert [(p.rule, p.column) for p in problems] == [("bad_value", "thresholds.parity_low")]
