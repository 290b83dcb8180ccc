"""Invariants of the IATI reader, by generation over the five real files of tests/fixtures/iati/ read together
(three publishers' currencies, hierarchies, incoming funds, results): what a publisher or a download tool may change
without changing a figure. The activities in another order, split into several files (as the IATI Datastore or
d-portal deal them out), the indentation written or not, every amount in thousands: the same tables (up to the row
order and the file each row came from, amounts scaled) and the same problems (rule, element, value, severity,
message); and in a project of another currency at the same parities, every amount at its rate."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from helpers.data import iati
from helpers.data.params import ProjectParams

REAL = Path(__file__).parents[1] / "fixtures" / "iati"
PARAMS = ProjectParams(title="t", code="t", currency="GBP", start_date=dt.date(2010, 1, 1),
                       end_date=dt.date(2025, 12, 31), reporting_date=dt.date(2023, 12, 31),
                       iati={"exchange_rates": {"EUR": 0.85, "USD": 0.8}})
MONEY = ("budget", "transaction", "planned-disbursement")   # the elements whose value is an amount


def roots() -> list[etree._Element]:
    return [etree.parse(str(p), etree.XMLParser(**iati.parser_options())).getroot() for p in sorted(REAL.glob("*.xml"))]


def written(folder: Path, files: list[tuple[etree._Element, list[etree._Element]]], pretty: bool = True) -> Path:
    """Each (root, activities) as one file: the root's attributes (version, generated-datetime) kept."""
    folder.mkdir(parents=True)
    for number, (root, activities) in enumerate(files):
        out = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        out.extend(activities)
        if pretty:
            etree.indent(out)
        else:
            for element in out.iter():
                if len(element):   # (the text of an element with children is only indentation here)
                    element.text = None
                element.tail = None
        (folder / f"part-{number:02d}.xml").write_bytes(etree.tostring(out, xml_declaration=True, encoding="UTF-8"))
    return folder


def read(folder: Path) -> iati.IatiSource:
    return iati.load_iati(folder, PARAMS)


def table(source: iati.IatiSource, name: str, *leaving: str) -> pd.DataFrame:
    """The table without the file each row came from (nor ``leaving``), rows in a fixed order."""
    frame = source.tables[name].drop(columns=["iati_file", *leaving]).astype(str)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


EXAMPLE = {"iati_exchange_rate", "iati_project_dates"}   # said once, naming the first activity where it holds


def problems(source: iati.IatiSource) -> Counter:
    """rule, element, value, severity and message (the files' names left out) of each problem."""
    return Counter((p.rule, p.severity, p.value) + ((None, None) if p.rule in EXAMPLE else
                                                    (p.element, re.sub(r"\S+\.xml", "", p.message)))
                   for p in source.problems)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> iati.IatiSource:
    return read(written(tmp_path_factory.mktemp("base") / "iati", [(r, list(r)) for r in roots()]))


@pytest.mark.parametrize("seed", range(6))
def test_activities_in_another_order_and_split_into_files_give_the_same_tables_and_problems(tmp_path, base, seed):
    rng = random.Random(seed)
    files = []
    for root in roots():
        activities = [a for a in root if a.tag == "iati-activity"]   # (not the comments between them)
        rng.shuffle(activities)
        cuts = sorted(rng.sample(range(1, len(activities)), min(rng.randint(0, 2), len(activities) - 1)))
        files += [(root, activities[a:b]) for a, b in zip([0, *cuts], [*cuts, len(activities)])]
    rng.shuffle(files)   # (the files' names give the order they are read in)
    source = read(written(tmp_path / "iati", files, pretty=rng.random() < 0.5))
    assert problems(source) == problems(base)
    for name in ("budget", "expenditure", "indicators"):
        pd.testing.assert_frame_equal(table(source, name), table(base, name))


def test_every_amount_in_thousands_scales_the_money_and_nothing_else(tmp_path, base):
    files = []
    for root in roots():
        for value in root.iter("value"):
            if value.getparent().tag in MONEY and value.text and value.text.strip():
                value.text = str(Decimal(value.text.strip()) * 1000)
        files.append((root, list(root)))
    source = read(written(tmp_path / "iati", files))
    assert Counter(p[:2] + p[3:4] for p in problems(source).elements()) == \
        Counter(p[:2] + p[3:4] for p in problems(base).elements())   # (their values and messages say the amounts)
    for name, column in (("budget", "budget"), ("expenditure", "amount")):
        scaled, before = source.tables[name], base.tables[name]
        assert len(scaled) == len(before) > 0
        assert scaled[column].sum() == pytest.approx(1000 * before[column].sum())
        pd.testing.assert_frame_equal(table(source, name, column), table(base, name, column))
    pd.testing.assert_frame_equal(table(source, "indicators"), table(base, "indicators"))


def test_the_same_files_in_a_project_of_another_currency_give_the_money_at_its_rates(base):
    """The files in a euro project, at the same parities (1 GBP = 1/0.85 EUR): every amount is the pound one's
    over 0.85, row by row, and the same rules are said."""
    folder = Path(base.files[0]).parent
    euros = iati.load_iati(folder, PARAMS.model_copy(update={"currency": "EUR", "iati": PARAMS.iati.model_copy(
        update={"exchange_rates": {"GBP": 1 / 0.85, "USD": 0.8 / 0.85}})}))
    assert Counter(p.rule for p in euros.problems) == Counter(p.rule for p in base.problems)
    for name, column in (("budget", "budget"), ("expenditure", "amount")):
        order = ["line", "country", *(["period_end"] if name == "expenditure" else [])]
        pounds = base.tables[name].sort_values(order)[column].to_numpy()
        assert euros.tables[name].sort_values(order)[column].to_numpy() == pytest.approx(pounds / 0.85, nan_ok=True)
        pd.testing.assert_frame_equal(table(euros, name, column), table(base, name, column))
