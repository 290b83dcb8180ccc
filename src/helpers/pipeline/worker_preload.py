"""Imported once by the build's fork server, so every worker starts with the heavy libraries already loaded.

With fork isolation (executors.ForkEngine) each notebook runs in a fork of a worker: what is imported here is what a
notebook does not pay for. The list is what the notebooks import (the helpers pull in pandas, seaborn, matplotlib,
statsmodels) plus IPython's shell.
"""

import sys

# jsonschema (under nbformat) imports rfc3987_syntax when it is installed, only to check the "iri" string formats,
# which no notebook schema uses; that import builds a grammar and took 1.3 s of the workers' 4.8 s start
# (python -X importtime). Marked absent here, jsonschema leaves those two formats out, in the build's workers only.
sys.modules.setdefault("rfc3987_syntax", None)

import IPython.core.interactiveshell  # noqa: F401, E402
import IPython.display  # noqa: F401, E402
import nbformat  # noqa: F401, E402
import pandas  # noqa: F401, E402
import papermill  # noqa: F401, E402
import pyarrow.parquet  # noqa: F401  (the validated store and the figures, read by every notebook)
import statsmodels.formula.api  # noqa: F401, E402

from ..analyses import budget, computed, execution, figures, gender, impact, indicators, propensity, reconcile  # noqa: F401, E501
from ..annex import excel, export, plots, renderers, word  # noqa: F401  (python-docx, openpyxl)
from ..data import loader, store  # noqa: F401
from . import executors

export.exporter()  # build the HTML exporter (templates, filters) once for all workers
renderers.registry()  # import every renderer of annex/renderers/ once for all workers
executors.register_engine()
# The fork server ends with the build (which started it from its main thread), even when the build is killed with
# kill -9: its workers (runner._init_worker) and their forked notebooks then end in turn.
executors.die_with_parent()
# Everything imported above lives as long as the workers: moved out of the collector's sight, a full collection in
# a worker or a forked notebook no longer walks it (nor copies the shared pages it would touch).
import gc  # noqa: E402

gc.freeze()
