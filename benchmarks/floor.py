"""The floor: what any runner that starts one kernel per notebook pays, whatever else it does.

As many kernel cycles as the build executes notebooks (annexes x notebooks), each: start a kernel of the
workbook's kernel spec (jupyter_client, as nbclient does), import the helpers the notebooks import (pandas,
seaborn, matplotlib, statsmodels come with them), stop it at once (as the build does: a graceful shutdown is a
cost a runner can avoid, so the floor does not count it). They run on ``jobs`` worker processes (the build's
default: one per core) pulling from one queue, so the floor is the ideal split of the kernel cycles over the
cores.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import time

from .common import KERNEL, REPO, build_env, cores, notebooks, sample_targets, say

# what the notebooks import: open_annex (helpers.annex.context, since helpers.annex imports it on first use) and
# the analyses and plots they call
IMPORTS = ("from helpers.annex import open_annex; import helpers.annex.plots, helpers.analyses.execution, "
           "helpers.analyses.budget, helpers.analyses.gender, helpers.analyses.indicators, helpers.analyses.impact")


def _cycle(code: str, cwd: str, env: dict) -> dict:
    from jupyter_client.manager import KernelManager

    t0 = time.perf_counter()
    km = KernelManager(kernel_name=KERNEL)
    for attempt in (1, 2):  # like the runner: retry a kernel that did not start, once
        try:
            km.start_kernel(cwd=cwd, env=env, stderr=subprocess.DEVNULL)  # the build logs it
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=60)
            break
        except RuntimeError:
            if attempt == 2:
                raise
            km.shutdown_kernel(now=True)
            km = KernelManager(kernel_name=KERNEL)
    t1 = time.perf_counter()
    msg_id = kc.execute(code, store_history=False)
    while True:
        reply = kc.get_shell_msg(timeout=300)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"import failed in the kernel: {reply['content'].get('ename')}: "
                           f"{reply['content'].get('evalue')}")
    t2 = time.perf_counter()
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    t3 = time.perf_counter()
    return {"start": t1 - t0, "imports": t2 - t1, "shutdown": t3 - t2, "total": t3 - t0}


def _worker(tasks, results, ready, go, code: str, cwd: str, env: dict) -> None:
    import jupyter_client.manager  # noqa: F401 - imported before the clock starts

    ready.put(os.getpid())
    go.wait()
    while True:
        item = tasks.get(timeout=600)  # get_nowait() fails while another worker holds the queue's lock
        if item is None:
            return
        try:
            results.put((item, _cycle(code, cwd, env), None))
        except Exception as exc:  # noqa: BLE001
            results.put((item, None, f"{type(exc).__name__}: {exc}"))


def run(jobs: int | None = None, code: str = IMPORTS) -> dict:
    targets = sample_targets()
    books = notebooks()
    items = [(f"{p}/{a}", nb.stem) for p, a in targets for nb in books]
    jobs = jobs or cores()
    say(f"floor: {len(items)} kernel cycles ({len(targets)} annexes x {len(books)} notebooks) on {jobs} workers; "
        f"each imports: {code}")
    ctx = multiprocessing.get_context("spawn")
    tasks, results, ready = ctx.Queue(), ctx.Queue(), ctx.Queue()
    for item in [*items, *[None] * jobs]:  # one stop sign per worker
        tasks.put(item)
    go = ctx.Event()
    env = build_env()
    workers = [ctx.Process(target=_worker, args=(tasks, results, ready, go, code, str(REPO / "notebooks"), env))
               for _ in range(jobs)]
    for w in workers:
        w.start()
    for _ in workers:
        ready.get(timeout=120)
    time.sleep(0.2)  # let the queue's feeder thread deliver every task
    started = time.perf_counter()
    go.set()
    cycles, errors = [], []
    for done in range(1, len(items) + 1):
        item, timing, error = results.get(timeout=900)
        if error:
            errors.append(f"{item}: {error}")
            say(f"  floor {done:>2}/{len(items)} {item[0]:<16} {item[1]:<22} FAILED {error}")
            continue
        cycles.append({"annex": item[0], "notebook": item[1], **timing})
        say(f"  floor {done:>2}/{len(items)} {item[0]:<16} {item[1]:<22} start {timing['start']:4.1f} s  "
            f"imports {timing['imports']:4.1f} s  stop {timing['shutdown']:4.1f} s")
    seconds = time.perf_counter() - started
    for w in workers:
        w.join(timeout=30)
    mean = {k: sum(c[k] for c in cycles) / len(cycles) for k in ("start", "imports", "shutdown", "total")} \
        if cycles else {}
    say(f"floor: {seconds:.1f} s for {len(items)} kernel cycles")
    return {"seconds": seconds, "kernels": len(items), "jobs": jobs, "imports": code, "mean_cycle": mean,
            "cycles": cycles, "errors": errors}
