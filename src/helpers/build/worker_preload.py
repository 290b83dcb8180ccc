"""Imported once by the build's fork server, so every worker starts with the heavy libraries already loaded."""

import nbformat  # noqa: F401
import pandas  # noqa: F401
import papermill  # noqa: F401

from ..analyses import figures  # noqa: F401
from ..annex import excel, export, word  # noqa: F401  (python-docx, openpyxl)
from ..data import loader  # noqa: F401

export.exporter()  # build the HTML exporter (templates, filters) once for all workers
