"""The runner's bookkeeping, without kernels: what to build, when it is current, what runs next."""

from pathlib import Path

import pytest

from helpers.pipeline import runner
from helpers.errors import ValidationFailed
from sample_layout import sample_layout

NB = [Path("10_a.ipynb"), Path("20_b.ipynb")]
A, B = runner.Target("p", "a"), runner.Target("p", "b")


def test_a_failed_notebook_drops_the_annexs_waiting_runs_and_the_others_go_on():
    schedule = runner._Schedule([A, B], NB)
    assert [(t[0], t[1]) for t in schedule.queue] == [("figures", A), ("notebook", A), ("notebook", A),
                                                      ("figures", B), ("notebook", B), ("notebook", B)]
    schedule.queue.popleft()                                     # A's figures are being computed
    schedule.queue.popleft()                                     # A/10 is running
    assert schedule.record(runner.Step(A, "10_a", False, 1.0, "boom")) == "wait"   # its figures still run
    assert [t[1] for t in schedule.queue] == [B, B, B]           # A/20 is not run for nothing
    assert schedule.record(runner.Step(A, "figures", True, 0.5)) == "failed"
    assert schedule.record(runner.Step(B, "figures", True, 0.5)) == "wait"
    assert schedule.record(runner.Step(B, "10_a", True, 1.0)) == "wait"
    assert schedule.record(runner.Step(B, "20_b", True, 2.0)) == "export"
    assert schedule.record(runner.Step(B, "export", True, 0.5)) == "done"
    result = schedule.result(B, ok=True)
    assert result.seconds == 4.0 and [s for s, _ in result.steps] == ["figures", "10_a", "20_b", "export"]


def test_a_failure_while_the_annexs_other_notebook_still_runs_waits_for_it():
    schedule = runner._Schedule([A], NB)
    schedule.queue.clear()                                       # the figures and both notebooks of A are running
    assert schedule.record(runner.Step(A, "figures", True, 0.5)) == "wait"
    assert schedule.record(runner.Step(A, "10_a", False, 1.0, "boom")) == "wait"
    assert schedule.record(runner.Step(A, "20_b", True, 1.0)) == "failed"
    assert schedule.failed[A] == "boom"


def test_a_notebook_reading_the_figures_waits_for_its_annexs_figures_step():
    schedule = runner._Schedule([A, B], NB, after_figures=frozenset({NB[1]}))
    assert [(t[1], t[2]) for t in schedule.queue] == [(A, None), (A, NB[0]), (B, None), (B, NB[0])]
    schedule.queue.clear()
    assert schedule.record(runner.Step(B, "figures", True, 0.5)) == "wait"
    assert list(schedule.queue) == [("notebook", B, NB[1])]      # B/20 may start now, A/20 not yet
    assert schedule.record(runner.Step(A, "figures", False, 0.5, "figures: boom")) == "wait"
    assert list(schedule.queue) == [("notebook", B, NB[1])]      # A/20 will not run: its figures failed
    assert schedule.record(runner.Step(A, "10_a", True, 1.0)) == "failed"
    assert schedule.failed[A] == "figures: boom"


@pytest.fixture()
def layout(tmp_path):
    return sample_layout(tmp_path)


def test_discover_lists_every_annex_and_names_what_does_not_exist(layout):
    assert [str(t) for t in runner.discover(layout, "amem")] == [
        "amem/ensemble", "amem/libye", "amem/maroc", "amem/mauritanie", "amem/tunisie"]
    assert runner.discover(layout, "amem", "maroc") == [runner.Target("amem", "maroc")]
    with pytest.raises(ValidationFailed, match="Did you mean 'maroc'"):
        runner.discover(layout, "amem", "marocc")
    with pytest.raises(ValidationFailed, match="Did you mean 'amem'"):
        runner.discover(layout, "amen")


def test_inputs_of_an_annex_are_its_params_its_project_and_the_code(layout):
    prints = runner.Fingerprints()
    maroc = prints.inputs(runner.Target("amem", "maroc"), layout, {"language": ""})["files"]
    names = {Path(name).name for name in maroc}
    assert {"project.yaml", "maroc.yaml", "participation.csv", "training_survey.csv", "10_execution.ipynb",
            "runner.py", "annex.css"} <= names
    assert "tunisie.yaml" not in names


def test_an_annex_is_current_only_with_all_its_files_and_the_same_inputs(layout):
    target = runner.Target("amem", "maroc")
    inputs = runner.Fingerprints().inputs(target, layout, {"language": ""})
    outputs = target.outputs(layout)
    outputs["html"].parent.mkdir(parents=True)
    for path in outputs.values():
        path.write_text("x")
    assert not runner.is_current(target, layout, inputs)
    outputs["stamp"].write_text(__import__("json").dumps(inputs))
    assert runner.is_current(target, layout, inputs)
    outputs["xlsx"].unlink()
    assert not runner.is_current(target, layout, inputs)
