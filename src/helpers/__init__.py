"""Tested helpers behind the evaluation workbook.

Modules, one job each:
- ``errors``      the Problem record every validation message is made of
- ``params``      project and annex parameters (params/<project>/*.yaml), validated with pydantic
- ``numbers``     numbers and dates as partners type them (decimal mark, thousands, dd/mm/yyyy)
- ``status``      activity status vocabulary (French labels -> canonical codes)
- ``readers``     CSV / xlsx files -> raw text tables (encoding, delimiter, header row)
- ``schemas``     the data contract as pandera schemas
- ``loader``      load_project(): read, validate and type every table of a project
- ``execution``, ``budget``, ``gender``, ``indicators``, ``impact``, ``reconcile``: the analyses
- ``figures``     every figure of one annex as one long table
- ``fmt``         numbers and text for the annex language (fr / en)
- ``plots``       the house style for figures
- ``annex``       what a notebook calls: open an annex's data and show tables, figures, sentences
- ``export``      executed notebooks -> one self-contained HTML annex (+ figures.csv, xlsx)
- ``runner``      validate, execute notebooks with papermill, export; incremental and parallel

This file imports nothing heavy, so that ``python -m helpers build`` can say "nothing to do" fast.
"""

__version__ = "0.1.0"
