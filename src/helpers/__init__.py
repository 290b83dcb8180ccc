"""Tested helpers behind the evaluation workbook, in four rooms, each importing only the rooms below it:

- ``pipeline``  the runner behind ``make``: check, execute the notebooks, export; incremental and parallel
- ``annex``     what a notebook calls (``open_annex``), number formats, plots, the HTML export and the index
- ``analyses``  one module per analysis (execution, budget, gender, indicators, impact, reconcile) and ``figures``
- ``data``      the data contract: read, type and validate every table and params file

Below them all: ``paths`` (where things are, safe names), ``errors`` (the Problem record of every message) and
``text`` (how names are compared: ``fold``, the "all" annex).
``make test`` checks the layering with import-linter. This file imports nothing heavy, so that
``python -m helpers build`` can say "nothing to do" fast.
"""

__version__ = "0.1.0"
