"""Benchmarks of the evaluation workbook: `make bench` (or `python -m benchmarks`) from the repository root.

One run measures, and prints as one table (JSON in build/bench/results.json):

1. floor      the kernels the build cannot avoid: annexes x notebooks kernel starts, each importing what the
              notebooks import, with the build's parallelism (one worker per core);
2. build      the full build of the sample annexes (runner.build, force, into a temporary build folder), its ratio
              to the floor, and the size of each annex HTML;
3. naive      the papermill CLI + `jupyter nbconvert --to html` CLI per notebook, one after the other; its ratio
              to the full build;
4. noop       a second `make annexes` when build/ is current (must say "Nothing to do");
5. portfolio  each analysis helper on a generated large portfolio, in a fresh process: seconds and peak RSS;
6. scale      the portfolio written as files: make check against pandas.read_csv, its project-wide annex against
              the sample's, and a rebuild after editing one expenditure row (benchmarks/scale.py).
7. cluster    a generated portfolio of projects (--projects, default 40) x 5 annexes built locally and on a local
              Dask cluster with as many worker processes: the ratio, and on paper what N machines take.

`python -m benchmarks --only portfolio` (or floor, build, naive, noop; comma-separated) reruns some steps; the
other steps' results are kept from the previous results.json (marked as earlier in the table).
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
