"""The pipeline behind ``make``: ``check`` validates every project, ``runner`` executes the notebooks of each annex
with papermill on a pool of workers (``worker_preload`` is what those workers import once) and writes the outputs
into ``build/``, atomically and only for annexes whose inputs changed.
May import every room below it (``annex``, ``analyses``, ``data``). Start reading at ``runner.build``.
"""
