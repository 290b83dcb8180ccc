"""The index counts the published figures as the annex does (issue 21, item 7): *Écart* is a mismatch only; a
*Tronqué* figure is counted apart, never as an *Écart*. And (item 8) a chart's caption in the French singular."""

from __future__ import annotations

from helpers.annex.index import render_index

FIGURES = ("section,metric,key,value,unit,n,se,ci_low,ci_high,p_value,reported,status,note\n"
           "reconciliation,reported_figure,F1,17.708,%,,,,,,\"17,7\",match,\n"
           "reconciliation,reported_figure,F2,1.6552,%,,,,,,\"1,65\",truncated,\n"
           "reconciliation,reported_figure,F3,3.9458,%,,,,,,\"3,94\",truncated,\n"
           "reconciliation,reported_figure,F4,53.5898,%,,,,,,\"53,60\",mismatch,\n"
           "reconciliation,reported_figure,F5,,%,,,,,,84,not_computable,no expenditure data\n")


def _root(tmp_path):
    folder = tmp_path / "annexes" / "p"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.html").write_text("<html></html>", encoding="utf-8")
    (folder / "a.figures.csv").write_text(FIGURES, encoding="utf-8")
    return tmp_path / "annexes"


def test_the_index_counts_a_truncated_figure_apart_from_the_mismatches(tmp_path):
    page = render_index(_root(tmp_path), "fr")
    assert '<td class="num">1 / 5 (+ 2 tronqués)</td>' in page
    english = render_index(_root(tmp_path), "en")
    assert '<td class="num">1 / 5 (+ 2 truncated)</td>' in english


def test_a_chart_leaving_out_one_bar_says_so_in_the_singular():
    """French plurals (issue 21, item 8) in a chart's caption: one bar left out is « L'autre », not « Les 1 autres »."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.annex import Annex
    from helpers.data.loader import ProjectData
    from helpers.data.params import AnnexParams

    shown: list[str] = []
    params = AnnexParams(title="T", code="C", start_date="2020-01-01", end_date="2021-01-01",
                         reporting_date="2020-12-31", project="p", annex="a", country="all", name="Ensemble")
    data = ProjectData("p", params, {}, set(), {}, [])
    ctx = Annex(params=params, project_data=data, data=data, show=shown.append)
    for left_out, expected in ((1, "L'autre n'est pas représentée ; toutes figurent dans a.xlsx."),
                               (3, "Les 3\u00a0autres ne sont pas représentées ; toutes figurent dans a.xlsx.")):
        fig, _ = plt.subplots()
        ctx.figure(fig, fr="Légende.", en="Caption.", left_out=left_out)
        assert f"<figcaption>Légende. {expected}".replace("'", "&#x27;") in shown[-1], shown[-1]


def test_each_nd_of_the_index_says_why(tmp_path):
    """Issue 21, item 5: the index's n.d. cells are explained under its table, in the index language."""
    page = render_index(_root(tmp_path), "fr")
    assert page.count(">n.d.<") == 3          # no headline figure in this annex's figures
    assert "<li>p / a, Exécution physique : l&#x27;annexe n&#x27;a pas de données pour ce chiffre</li>" in page
    (tmp_path / "annexes" / "p" / "a.figures.csv").write_text(
        FIGURES + "execution,physical_execution_rate,all,,%,,,,,,,,not computable: no activity planned\n",
        encoding="utf-8")
    page = render_index(tmp_path / "annexes", "fr")
    assert "<li>p / a, Exécution physique : aucune activité prévue</li>" in page


def test_an_annex_whose_params_file_is_gone_is_not_listed_as_current(tmp_path):
    """params/p/a.yaml renamed b.yaml: build/annexes/p/a.html stays from the earlier build, and the index listed
    « p / a 30,0 % » beside « p / b 35,0 % », its figures read as current. It is now only named under the table,
    with what to do."""
    root = _root(tmp_path)
    (root / "p" / "b.html").write_text("<html></html>", encoding="utf-8")
    (root / "p" / "b.figures.csv").write_text(FIGURES, encoding="utf-8")
    page = render_index(root, "fr", current={("p", "b")})
    assert 'href="p/b.html"' in page and 'href="p/a.html"' not in page
    assert "Non listées : p/a.html, construites d&#x27;un fichier d&#x27;annexe que params/ n&#x27;a plus" in page
    assert 'href="p/a.html"' in render_index(root, "fr")   # (without params to compare with: every annex)


def test_an_annex_whose_last_build_failed_is_said_not_up_to_date(tmp_path):
    """One annex's notebook failed: the build kept its earlier files (as it should), and the index listed its
    figures beside the others' without a word, an earlier build's data read as the current ones by whoever opens
    index.html and sends the annex. It is still listed, and named under the table as not up to date."""
    root = _root(tmp_path)
    (root / "p" / "b.html").write_text("<html></html>", encoding="utf-8")
    (root / "p" / "b.figures.csv").write_text(FIGURES, encoding="utf-8")
    page = render_index(root, "fr", current={("p", "a"), ("p", "b")}, failed={("p", "a")})
    assert 'href="p/a.html"' in page and 'href="p/b.html"' in page
    assert "Pas à jour : p/a.html : la dernière construction de chacune a échoué" in page
    assert "p/b.html :" not in page
    assert "Not up to date: p/a.html: the last build of each failed" in render_index(
        root, "en", current={("p", "a"), ("p", "b")}, failed={("p", "a")})
    assert "Pas à jour" not in render_index(root, "fr", current={("p", "a"), ("p", "b")})


def test_a_womens_share_leaving_out_unknown_sex_gives_its_bounds_under_the_index(tmp_path):
    """The index showed « Part des femmes 63,3 % » for Tunisia with nothing of the 40 participants of unknown sex
    (the annex says it; a reader of the index alone took 63,3 % for the share of all 217). Now a note under the table
    gives the participants counted and the bounds among all: 112 women of 177, 40 unknown: 51,6 % to 70,0 %."""
    root = _root(tmp_path)
    (root / "p" / "a.figures.csv").write_text(
        FIGURES + "gender,women_share,all,63.2768361581921,%,177,,,,,,,112 women of 177 participants; census "
        "(monitoring counts): no confidence interval; 40 participant(s) of unknown sex\n", encoding="utf-8")
    page = render_index(root, "fr")
    assert ("p / a, Part des femmes : 63,3\u202f% des 177 participants dont le sexe est connu ; 40 autres, de sexe "
            "non renseigné, n&#x27;y sont pas comptés. Parmi tous, la part des femmes est entre 51,6\u202f% (aucune "
            "femme parmi eux) et 70,0\u202f% (rien que des femmes).") in page
    assert "of the 177 participants whose sex is known; 40 others" in render_index(root, "en")
    (root / "p" / "a.figures.csv").write_text(
        FIGURES + "gender,women_share,all,63.2768361581921,%,177,,,,,,,112 women of 177 participants\n",
        encoding="utf-8")
    assert "dont le sexe est connu" not in render_index(root, "fr")
    # a share without its count (n) still shows, and so do the annex's other headlines
    (root / "p" / "a.figures.csv").write_text(
        FIGURES + "execution,physical_execution_rate,all,50,%,2,,,,,,,\n"
        "gender,women_share,all,60,%,,,,,,,,3 women; 2 participant(s) of unknown sex\n", encoding="utf-8")
    page = render_index(root, "fr")
    assert '<td class="num">50,0\u202f%</td>' in page and '<td class="num">60,0\u202f%</td>' in page, page


def test_the_index_says_what_truncated_means_and_when_nothing_was_published(tmp_path):
    root = _root(tmp_path)
    assert "Tronqué : un chiffre publié coupé après sa dernière décimale" in render_index(root, "fr")
    (root / "p" / "a.figures.csv").write_text(
        "section,metric,key,value,unit,n,se,ci_low,ci_high,p_value,reported,status,note\n"
        "execution,physical_execution_rate,all,50,%,2,,,,,,,\n", encoding="utf-8")
    page = render_index(root, "fr")
    assert "Tronqué :" not in page and '<td class="num">aucun</td>' in page


def test_the_index_of_english_projects_is_in_english(tmp_path):
    """``make annexes`` wrote index.html in French whatever the projects' language: an English project's index read
    « Annexes d'évaluation », « Exécution physique », « 25,0 % » beside its English annexes. It is now in the
    build's --language when given, else in its projects' language when they share one (an English project built
    beside the French sample: English), else French, the annexes' default."""
    from helpers.pipeline import runner

    root = _root(tmp_path)
    params = tmp_path / "params"
    for project, language in (("p", "en"), ("q", "en")):
        (params / project).mkdir(parents=True)
        (params / project / "project.yaml").write_text(f"language: {language}\n", encoding="utf-8")
        (params / project / "a.yaml").write_text("country: all\n", encoding="utf-8")
    layout = runner.Layout(data=tmp_path / "data", params=params, notebooks=tmp_path / "notebooks",
                           build=tmp_path)

    def index(language: str = "") -> str:
        runner._write_index(layout, language)
        return (root / "index.html").read_text(encoding="utf-8")

    assert '<html lang="en">' in index() and "<h1>Evaluation annexes</h1>" in index()
    assert '<html lang="fr">' in index("fr")
    (params / "q" / "project.yaml").write_text("language: fr\n", encoding="utf-8")   # the French sample beside it
    assert '<html lang="fr">' in index() and '<html lang="en">' in index("en")

    def built(*projects: str) -> str:
        runner._write_index(layout, "", set(projects))
        return (root / "index.html").read_text(encoding="utf-8")

    assert '<html lang="en">' in built("p") and '<html lang="fr">' in built("q")
    assert '<html lang="fr">' in built("p", "q")
