"""Benchmarks of the evaluation workbook: `make bench` (or `python -m benchmarks`) from the repository root.

One run measures, and prints as one table (JSON in build/bench/results.json):

1. floor      the kernels the build cannot avoid: annexes x notebooks kernel starts, each importing what the
              notebooks import, with the build's parallelism (one worker per core);
2. build      `make annexes` of the sample from an empty build/ in a temporary copy of the project (whole
              process), its ratio to the floor (target (a) <= 0.5), and the size of each annex HTML;
3. naive      the papermill CLI + `jupyter nbconvert --to html` CLI per notebook, one after the other, on a copy of
              the project; its ratio to the full build (target (b) >= 8);
4. noop       a second `make annexes` when a copy's build/ is current (must say "Nothing to do");
5. edit       in a fresh copy: `make annexes` from an empty build/, one expenditure amount changed, `make annexes`
              again: the rebuild over the full build (target (c) <= 0.3), then the no-op after it;
6. check      `make check` on the generated portfolio (1 M register rows, 200 k activities, benchmarks/scale.py)
              against a process reading the same files with pandas.read_csv, both whole processes (target (d)
              <= 3), and its peak memory (<= 1.5 GiB);
7. iati       the IATI reader on a 100 MB file against a plain lxml parse, in CPU seconds (target (e) <= 3);
8. portfolio  each analysis helper on a generated large portfolio, in a fresh process: seconds and peak RSS;
9. scale      the portfolio's project-wide annex against the sample's (benchmarks/scale.py);
10. cluster   a generated portfolio of projects (--projects, default 40) x 5 annexes built locally and on a local
              Dask cluster with as many worker processes: the ratio, and on paper what N machines take.

`python -m benchmarks --only edit,check` (comma-separated) reruns some steps; the other steps' results are kept
from the previous results.json (marked as earlier in the table). The repository's build/ is used only for
build/bench/ (results.json, the generated portfolio and IATI file); data/ is only read, to be copied.
"""

TARGETS = {
    "build_over_floor": 0.5,       # full build / floor, at most
    "naive_over_build": 8.0,       # naive pipeline / full build, at least
    "check_over_read_csv": 3.0,    # make check on the portfolio / pandas.read_csv of its files, at most
    "check_peak_bytes": 1.5 * 1024 ** 3,
    "portfolio_over_sample": 3.0,  # the portfolio's project-wide annex / the sample's, at most
    "annex_peak_bytes": 2 * 1024 ** 3,
    "edit_over_full": 0.3,         # rebuild after editing one expenditure row / full build, at most
    "noop_seconds": 1.0,           # no-op `make annexes`, at most
    "helper_seconds": 5.0,         # each analysis helper on the generated portfolio, at most
    "helper_peak_bytes": 2 * 1024 ** 3,   # peak RSS of the process while the helper runs, at most
    "html_bytes": 1.5e6,           # each annex HTML, at most (1.5 MB)
    "dask_over_local": 1.15,       # portfolio build on a local Dask cluster / local build, same workers, at most
}
