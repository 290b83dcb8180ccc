"""helpers.data.synthetic: reproducible bytes, a valid study description, and the effects it is meant to show."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
import yaml

from helpers.analyses.impact import balance_table, estimate_effects
from helpers.data.loader import Study
from helpers.paths import DATA_DIR
from helpers.data.schemas import StudySpec
from helpers.data.synthetic import SEED, csv_bytes, make_training_survey, write_training_survey

COMMITTED = DATA_DIR / "amem" / "impact"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("impact")
    csv_path, yaml_path = write_training_survey(folder)
    return csv_path, yaml_path


def test_same_seed_gives_identical_bytes(written, tmp_path):
    again = write_training_survey(tmp_path)
    assert again[0].read_bytes() == written[0].read_bytes()
    assert again[1].read_bytes() == written[1].read_bytes()
    assert csv_bytes(make_training_survey()[0]) == written[0].read_bytes()
    assert csv_bytes(make_training_survey(seed=SEED + 1)[0]) != written[0].read_bytes()


def test_committed_files_are_what_the_generator_writes(written):
    # Fails if the generator changed (or numpy's random streams did) without regenerating the committed files.
    for path in written:
        assert (COMMITTED / path.name).read_bytes() == path.read_bytes(), f"regenerate {path.name}"


def test_yaml_validates_and_names_existing_columns(written):
    csv_path, yaml_path = written
    spec = StudySpec(**yaml.safe_load(yaml_path.read_text(encoding="utf-8")))
    data = pd.read_csv(csv_path)
    assert set(spec.columns()) <= set(data.columns)
    assert spec.synthetic is True and spec.design == "did" and spec.se == "cluster"
    assert spec.adjustment == "ipw" and spec.estimand == "att" and spec.unit == "respondent_id"
    assert spec.label("monthly_earnings", "fr") == "Revenu mensuel (EUR)"
    assert spec.value_label("sex", "f", "en") == "Women"
    assert "SYNTH" in spec.source and "NOT AMEM" in spec.source and str(SEED) in spec.source
    assert spec.title.startswith("Enquête synthétique")


def test_csv_follows_the_loader_contract(written):
    raw = written[0].read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    data = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    assert set(data["country"]) == {"Maroc", "Mauritanie", "Tunisie", "Libye"}
    assert set(data["sex"]) == {"f", "m"} and set(data["group"]) == {"treated", "comparison"}
    assert set(data["round"]) == {"pre_baseline", "baseline", "followup"}  # 2017 gives the pre-trend check
    assert set(data["year"]) == {"2017", "2019", "2021"}
    assert data["site"].nunique() == 40
    assert len(data) == 960 * 3
    earnings = data["monthly_earnings"]
    assert earnings.str.fullmatch(r"(\d+\.\d\d)?").all()  # '.' decimals, 2 places, empty = non-response
    assert (earnings == "").sum() > 0
    for col in ("employed", "formal_contract"):
        assert set(data[col]) == {"0", "1"}
    # every site belongs to one country and one group (the cluster is the unit of assignment)
    assert (data.groupby("site")[["country", "group"]].nunique() == 1).all().all()


def test_the_study_shows_what_it_was_built_to_show():
    data, spec_dict = make_training_survey()
    study = Study("training_survey", StudySpec(**spec_dict), data, [])
    effects = estimate_effects(study)
    overall = effects[effects["subgroup"].isna() & (effects["method"] == "ols")].set_index("outcome")
    assert (overall["estimate"] > 0).all()
    assert overall.loc["monthly_earnings", "ci_low"] > 0
    assert (overall["n_clusters"] == 40).all()
    assert set(effects.loc[effects["subgroup"] == "country", "subgroup_value"]) == {
        "Maroc", "Mauritanie", "Tunisie", "Libye"}
    balance = balance_table(study).set_index("covariate")
    # the comparison group was not drawn at random: older and less schooled
    assert balance.loc["age", "smd"] < -0.8 and balance.loc["years_schooling", "smd"] > 0.3
    assert not np.isnan(balance["smd"]).any()
