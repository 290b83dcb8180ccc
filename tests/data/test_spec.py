"""One specification per table (helpers.data.spec.SPEC): the pandera schema, the loader's lookups and the French
headers are derived from it, and data/README.md documents every column it holds."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from helpers.data import schemas
from helpers.data.spec import COLUMNS, FRENCH_HEADERS, REQUIRED, SPEC, Check, Column, Table, TableCheck
from helpers.paths import DATA_DIR


def _section(text: str, table: str) -> str:
    start = text.index(f"### `{table}`")
    return text[start:text.index("\n#", start + 5)]


@pytest.mark.parametrize("table", list(SPEC))
def test_data_readme_documents_every_column_of_the_spec_required_ones_in_bold(table):
    section = _section((DATA_DIR / "README.md").read_text(encoding="utf-8"), table)
    for column in SPEC[table].columns:
        if column.added:
            continue
        assert column.name in section, (table, column.name)
        assert (f"**{column.name}**" in section) == column.required, (table, column.name, column.required)


def test_every_rule_of_the_spec_says_what_to_do():
    for table in SPEC.values():
        rules = [c.rule for column in table.columns for c in column.checks] + [c.rule for c in table.checks]
        assert all(rule in schemas.RULES for rule in rules), (table.name, rules)
        assert all(w.column in table.names for w in table.warnings), table.name


def test_the_derived_names_follow_the_spec():
    assert list(COLUMNS["indicators"])[:3] == list(REQUIRED["indicators"]) == ["indicator_id", "period", "actual"]
    assert FRENCH_HEADERS["participation"]["sex"][:2] == ("sexe", "genre")   # a register's column, read in French too
    assert "status_label" in COLUMNS["activities"] and "status_label" not in schemas.SCHEMAS["activities"].columns


def test_a_new_table_gets_its_schema_from_its_specification():
    table = Table("visits", (Column("visit_id", required=True, filled=True, unique=True),
                             Column("people", "float", checks=(Check("count_negative", "ge", (0,)),)),
                             Column("kind", allowed=("site", "office")), Column("note")),
                  checks=(TableCheck("duplicate_line", lambda f: ~f.duplicated(["people", "kind"], keep=False)),))
    frame = pd.DataFrame({"visit_id": ["a", "a", None], "people": [1.0, -2.0, 1.0],
                          "kind": ["site", "home", "site"], "note": [None, None, None]})
    with pytest.raises(pa.errors.SchemaErrors) as failed:
        schemas.schema(table).validate(frame, lazy=True)
    cases = failed.value.failure_cases
    found = {(str(c), i) for c, i in zip(cases["check"], cases["index"])}
    assert {("field_uniqueness", 0), ("field_uniqueness", 1), ("not_nullable", 2), ("count_negative", 1),
            ("allowed_values", 1), ("duplicate_line", 0), ("duplicate_line", 2)} <= found
    assert "note" not in schemas.schema(table).columns   # free text that may be empty: nothing to check
