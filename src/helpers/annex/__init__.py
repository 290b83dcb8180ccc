"""What a notebook calls: open one annex's validated data, and show sentences, tables and figures.

A notebook stays thin::

    ctx = open_annex(project, annex)             # params + validated data of the annex's country + figures
    ctx.heading(fr="Exécution physique", en="Physical execution")
    ctx.say(fr="Le taux est de {rate}.", en="The rate is {rate}.", rate=ctx.pct(42.5))
    ctx.table(frame, columns={...}, formats={...})
    ctx.figure(fig, fr="Légende", en="Caption")

Sentences are written in both languages in the notebook; the annex's ``language`` picks one. Every value put into a
sentence or a table is HTML-escaped, so a label like ``<script>`` in the data shows as text.

Each table is displayed twice in one output: its HTML, and its structured form (``TABLE_MIME``: every cell's text,
the number behind it, its class) from which the Excel annex is written, so a notebook never writes a table twice.

The annex room: ``context`` is the notebook API (imported from here); ``fmt`` writes numbers and dates in the annex language, ``plots``
is the house style of figures, ``export`` turns executed notebooks into the HTML annex (+ figures.csv), ``word``
the HTML annex into <annex>.docx (its look: ``word_style``), ``excel`` the tables into <annex>.xlsx, ``index`` the
page listing the annexes, ``pdf`` prints them. Imports ``helpers.analyses`` and ``helpers.data``.
A new output format is one module in ``renderers/``.
"""

# The notebook API lives in context.py and is imported on first use: the index, the renderers and `make check` import
# modules of this room without loading pandas and the data contract (the index took 1.3 s of a rebuild for that).
_CONTEXT = {"Annex", "open_annex", "published_check", "render_table", "table_data", "table_html", "TABLE_MIME",
            "MAX_ROWS", "MAX_BARS", "NUMERIC", "VALUED", "RAG_CLASSES"}


def __getattr__(name: str):
    if name in _CONTEXT:
        from . import context

        return getattr(context, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_CONTEXT)
