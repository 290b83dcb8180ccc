"""The results table: measured value, target, PASS/FAIL."""

from __future__ import annotations

from . import TARGETS


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


def _mib(n: float) -> str:
    return f"{n / 2**30:.2f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"


def _verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("PASS" if ok else "FAIL")


def rows(results: dict, fresh: set[str]) -> list[tuple[str, str, str, str]]:
    """(measure, value, target, status) rows; values from an earlier run are marked with '*'."""
    out: list[tuple[str, str, str, str]] = []

    def mark(step: str) -> str:
        return "" if step in fresh else " *"

    floor, build, naive, noop = (results.get(k) for k in ("floor", "build", "naive", "noop"))
    if floor:
        m = floor.get("mean_cycle", {})
        out.append((f"Floor: {floor['kernels']} kernel cycles on {floor['jobs']} workers{mark('floor')}",
                    f"{floor['seconds']:.1f} s", "", "-"))
        if m:
            out.append(("  mean cycle: start / imports / shutdown",
                        f"{m['start']:.2f} / {m['imports']:.2f} / {m['shutdown']:.2f} s", "", "-"))
    if build:
        out.append((f"Full build: `make annexes`, {len(build.get('html', {}))} annexes, empty build/ (copy)"
                    f"{mark('build')}", f"{build['seconds']:.1f} s", "", "-" if build.get("exit_code") == 0 else "FAIL"))
    if floor and build:
        ratio = build["seconds"] / floor["seconds"]
        out.append(("Full build / floor", f"{ratio:.2f}", f"<= {TARGETS['build_over_floor']}",
                    _verdict(ratio <= TARGETS["build_over_floor"])))
    if naive:
        out.append((f"Naive pipeline: papermill CLI + nbconvert CLI{mark('naive')}", f"{naive['seconds']:.1f} s", "",
                    "-" if not naive.get("failed") else f"FAIL ({naive['failed']} failed)"))
    if naive and build:
        ratio = naive["seconds"] / build["seconds"]
        out.append(("Naive / full build", f"{ratio:.2f}", f">= {TARGETS['naive_over_build']}",
                    _verdict(ratio >= TARGETS["naive_over_build"])))
    if noop:
        ok = noop["seconds"] <= TARGETS["noop_seconds"] and noop["said_nothing_to_do"]
        out.append((f"No-op `make annexes` (median of {len(noop['all_seconds'])}){mark('noop')}",
                    f"{noop['seconds']:.2f} s" + ("" if noop["said_nothing_to_do"] else " (no 'Nothing to do')"),
                    f"<= {TARGETS['noop_seconds']:.0f} s", _verdict(ok)))
    if build:
        for annex, anatomy in build.get("html", {}).items():
            size = anatomy["bytes"]
            out.append((f"Annex HTML {annex}.html ({anatomy['images']} images = {_mb(anatomy['image_bytes'])})"
                        f"{mark('build')}", _mb(size), f"<= {_mb(TARGETS['html_bytes'])}",
                        _verdict(size <= TARGETS["html_bytes"])))
    edit = results.get("edit")
    if edit:
        out += _edit_rows(edit, mark("edit"))
    check = results.get("check")
    if check:
        out += _check_rows(check, mark("check"))
    from .iati_read import rows as iati_rows

    out += iati_rows(results.get("iati"), mark("iati"))
    scale = results.get("scale")
    if scale:
        out += _scale_rows(scale, mark("scale"))
    portfolio = results.get("portfolio")
    if portfolio:
        for h in portfolio["helpers"]:
            if "error" in h:
                out.append((f"{h['helper']}{mark('portfolio')}", "error", "", "FAIL"))
                continue
            ok_t = h["seconds"] <= TARGETS["helper_seconds"]
            ok_m = h["peak_rss_bytes"] <= TARGETS["helper_peak_bytes"]
            out.append((f"{h['helper']}{mark('portfolio')}",
                        f"{h['seconds']:.2f} s, peak RSS {_mib(h['peak_rss_bytes'])}",
                        f"<= {TARGETS['helper_seconds']:.0f} s, <= {_mib(TARGETS['helper_peak_bytes'])}",
                        "PASS" if ok_t and ok_m else "FAIL (" + ", ".join(
                            w for w, ok in (("time", ok_t), ("memory", ok_m)) if not ok) + ")"))
    cluster = results.get("cluster")
    if cluster:
        local, dask = cluster["local"], cluster["dask"]
        out.append((f"Portfolio: {cluster['annexes']} annexes, local build, {cluster['jobs']} workers{mark('cluster')}",
                    f"{local['seconds']:.1f} s", "", "-" if local.get("exit_code") == 0 else "FAIL"))
        out.append((f"Portfolio: same on a local Dask cluster{mark('cluster')}", f"{dask['seconds']:.1f} s", "",
                    "-" if dask.get("exit_code") == 0 and cluster["same_files"]["identical"] else "FAIL"))
        out.append(("Dask / local", f"{cluster['ratio']:.2f}", f"<= {TARGETS['dask_over_local']}",
                    _verdict(cluster["ratio"] <= TARGETS["dask_over_local"])))
    return out


def _edit_rows(edit: dict, mark: str) -> list[tuple[str, str, str, str]]:
    full, edited, noop = edit["full"], edit["edited"], edit["noop"]
    ok = full["exit_code"] == 0 and edited["exit_code"] == 0
    ratio = edited["seconds"] / full["seconds"]
    return [
        (f"Sample: `make annexes` from an empty build/ (copy){mark}", f"{full['seconds']:.1f} s", "",
         "-" if ok else "FAIL"),
        (f"  after editing one expenditure row ({len(edited.get('steps', []))} steps ran)",
         f"{edited['seconds']:.1f} s", "", "-"),
        ("  edited / full build", f"{ratio:.2f}", f"<= {TARGETS['edit_over_full']}",
         _verdict(ok and ratio <= TARGETS["edit_over_full"])),
        ("  no-op after it", f"{noop['seconds']:.2f} s", f"<= {TARGETS['noop_seconds']:.0f} s",
         _verdict(noop["seconds"] <= TARGETS["noop_seconds"] and noop.get("nothing_to_do", True))),
    ]


def _check_rows(check: dict, mark: str) -> list[tuple[str, str, str, str]]:
    read, run = check["read_csv"], check["check"]
    ratio = run["seconds"] / read["seconds"]
    return [
        (f"Portfolio: pandas.read_csv process, {read.get('files', '?')} CSV files ({read.get('rows', 0):,} rows)"
         f"{mark}", f"{read['seconds']:.2f} s ({read['cpu_seconds']:.2f} s CPU)", "", "-"),
        ("  `make check` on the portfolio (whole process)",
         f"{run['seconds']:.1f} s ({run['cpu_seconds']:.1f} s CPU), peak {_mib(check['peak_rss_bytes'])}",
         f"<= {_mib(TARGETS['check_peak_bytes'])}",
         _verdict(run["exit_code"] == 0 and check["peak_rss_bytes"] <= TARGETS["check_peak_bytes"])),
        ("  `make check` / read_csv (wall)", f"{ratio:.2f}", f"<= {TARGETS['check_over_read_csv']}",
         _verdict(ratio <= TARGETS["check_over_read_csv"])),
    ]


def _scale_rows(scale: dict, mark: str) -> list[tuple[str, str, str, str]]:
    out = []
    annex, sample = scale["portfolio_annex"], scale["sample_annex"]
    out.append((f"Portfolio project-wide annex (HTML {_mb(annex.get('html_bytes') or 0)}){mark}",
                f"{annex['seconds']:.1f} s, peak {_mib(annex['peak_rss_bytes'])}",
                f"<= {_mib(TARGETS['annex_peak_bytes'])}, HTML <= {_mb(TARGETS['html_bytes'])}",
                _verdict(annex["exit_code"] == 0 and annex["peak_rss_bytes"] <= TARGETS["annex_peak_bytes"]
                         and (annex.get("html_bytes") or 0) <= TARGETS["html_bytes"])))
    out.append(("  sample project-wide annex", f"{sample['seconds']:.1f} s", "", "-"))
    ratio = annex["seconds"] / sample["seconds"]
    out.append(("  portfolio / sample", f"{ratio:.2f}", f"<= {TARGETS['portfolio_over_sample']}",
                _verdict(ratio <= TARGETS["portfolio_over_sample"])))
    return out


def table(results: dict, fresh: set[str]) -> str:
    body = rows(results, fresh)
    header = ("Measure", "Measured", "Target", "Status")
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(4)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    fmt = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    text = [line, fmt(header), line, *(fmt(r) for r in body), line]
    if any(step not in fresh for step in results if step not in ("targets", "machine")):
        text.append("* from an earlier run (see measured_at in results.json)")
    if results.get("portfolio"):
        text.append("Helpers: one cold call each in a fresh process on the generated portfolio; peak RSS = the "
                    "process's peak resident memory during the call (VmHWM reset just before it), inputs included.")
    return "\n".join(text)


def markdown(results: dict, fresh: set[str]) -> str:
    body = rows(results, fresh)
    text = ["| Measure | Measured | Target | Status |", "|---|---|---|---|"]
    text += ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in body]
    return "\n".join(text)
