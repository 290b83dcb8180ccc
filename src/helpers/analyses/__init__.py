"""The analyses: one module per analysis, each a set of functions from validated tables to tidy DataFrames.

``execution`` (physical execution), ``budget`` (financial execution, burn, staff share), ``gender`` (women's share,
intervals), ``indicators`` (IPTT, RAG, anomalies), ``impact`` (treated vs comparison with statsmodels),
``reconcile`` (published figures against computed ones) and ``figures``, every figure of an annex as one long table.
Imports only ``helpers.data`` (and the bottom modules). A new analysis is a new module here, with its unit tests.
"""
