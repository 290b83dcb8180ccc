"""What `make check` and `make annexes` print, in the project's language (project.yaml's `language`, French by
default, as the annexes are): the headlines from the annex's catalogues (annex.words, keys `check_*`), and the
problems an evaluator meets in the first hour (a key left empty or misspelt, no data folder, a missing column, a
number or a date not read, a country or a line the data do not have, a totals row, the sample's own warnings)
translated sentence by sentence.

The problems are made in English by the data room (which knows no language); a sentence this table does not know is
left in English. The rule code in brackets stays the same in every language (it is what the tests, data/README.md
and tests/README.md name).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..annex.words import say
from ..errors import Problem


def _rows_of(what: str) -> str:
    """« de la table » for 'the table', « de Mali » for 'the rows of Mali' (the totals rule's groups)."""
    return "de la table" if what == "the table" else "de " + what.removeprefix("the rows of ")


# English sentence (a regex over the data room's text) -> French; applied in order, to the message and the hint
_FRENCH = [(re.compile(english), french) for english, french in (
    (r"the key '([^']*)' has no value", r"la clé '\1' n'a pas de valeur"),
    (r"Write its value after '([^']*)', e\.g\. ", r"Écrivez sa valeur après '\1', par exemple "),
    (r"Write its value after '([^']*)'\.", r"Écrivez sa valeur après '\1'."),
    (r"the key '([^']*)' is required", r"la clé '\1' est obligatoire"),
    (r"Add a line '([^']*): \.\.\.'\.", r"Ajoutez une ligne '\1: ...'."),
    (r"^unknown key '([^']*)'", r"clé inconnue '\1'"),
    (r"^'([^']*)': not a date written year first$", r"'\1' : pas une date écrite l'année d'abord"),
    (r"^Write it year first, month, day: ", "Écrivez-la l'année d'abord, puis le mois et le jour : "),
    (r"Allowed keys: ", "Clés permises : "),
    (r"Did you mean '([^']*)'\?", r"Vouliez-vous dire '\1' ?"),
    (r"there is no data folder for '([^']*)'", r"il n'y a pas de dossier de données pour '\1'"),
    (r"Create (\S+)/ with the project's tables \(see data/README\.md\)\.",
     r"Créez \1/ avec les tables du projet (voir data/README.md)."),
    (r"there is no project '([^']*)'", r"il n'y a pas de projet '\1'"),
    (r"^Found: ", "Trouvés : "),
    (r"the required column '([^']*)' is missing", r"la colonne obligatoire '\1' manque"),
    (r"Add a column '([^']*)'", r"Ajoutez une colonne '\1'"),
    (r"Rename that header to '([^']*)'", r"Renommez cet en-tête en '\1'"),
    (r"\(in French: ", "(en français : "),
    (r"; in English: ", " ; en anglais : "),
    (r"\(the header row must hold: ([^)]*)\)", r"(la ligne d'en-tête doit contenir : \1)"),
    (r"^not a number$", "pas un nombre"),
    (r"^a dash in place of the cents \('(.*)': (.*) without cents, as a price is written, or a negative, as a "
     r"finance export writes one\?\)$", r"un tiret à la place des centimes ('\1' : \2 sans centimes, comme s'écrit un "
     r"prix, ou un montant négatif, comme l'exporte un logiciel comptable ?)"),
    (r"^Write the amount without the dash \(its cents in digits, or none\), or with a '-' before it if it is a "
     r"negative\.$", "Écrivez le montant sans le tiret (ses centimes en chiffres, ou sans centimes), ou précédé d'un "
     "'-' s'il est négatif."),
    (r"Write a number with the project's decimal mark '(.)' \(e\.g\. ([^)]*)\), or leave it empty\.",
     r"Écrivez un nombre avec le séparateur décimal du projet '\1' (par exemple \2), ou laissez la cellule vide."),
    (r"^not a date$", "pas une date"),
    (r"^not a date: write 2020-12-31 or 31/12/2020( \(day first\))?$",
     r"pas une date : écrivez 2020-12-31 ou 31/12/2020\1"),
    (r"this date does not exist \(day (\d+), month (\d+), year (\d+)\)",
     r"cette date n'existe pas (jour \1, mois \2, année \3)"),
    (r"Write the date as 2020-12-31 or 31/12/2020 \(day first\)",
     "Écrivez la date 2020-12-31 ou 31/12/2020 (le jour d'abord)"),
    (r", or the period it ends: a month \(2020-12, juin 2020\), a quarter \(T4 2020\), a year\.",
     ", ou la période qu'elle clôt : un mois (2020-12, juin 2020), un trimestre (T4 2020), une année."),
    (r"\(day first\)", "(le jour d'abord)"),
    (r"no table has rows for the country '([^']*)'", r"aucune table n'a de lignes pour le pays '\1'"),
    (r"Countries in the data: none\.", "Pays des données : aucun."),
    (r"No table gives a country \(([^)]*)\): their rows belong to the project as a whole; write `country: all` in "
     r"(\S+) to show them(?=[.,])", r"Aucune table ne donne de pays (\1) : leurs lignes sont celles du projet dans son "
     r"ensemble ; écrivez `country: all` dans \2 pour les montrer"),
    (r" pour les montrer, or delete (\S+): the project's annex with `country: all` shows them already\.",
     r" pour les montrer, ou supprimez \1 : l'annexe du projet avec `country: all` les montre déjà."),
    (r"Countries in the data: ", "Pays des données : "),
    (r"'([^']*)' is its code or its name in another language\.",
     r"'\1' est son code ou son nom dans une autre langue."),
    (r"this budget line is not in the budget table", "cette ligne budgétaire n'est pas dans la table du budget"),
    (r"Use a line of the budget table, or add the line there\.",
     "Utilisez une ligne de la table du budget, ou ajoutez-y la ligne."),
    (r"the file has a header but no rows: the table is empty", "le fichier a un en-tête mais aucune ligne : la "
     "table est vide"),
    (r"Fill in the rows, or delete the file if the table does not apply\.",
     "Remplissez les lignes, ou supprimez le fichier si la table ne s'applique pas."),
    # a totals row, the first thing a spreadsheet adds at the foot of a table
    (r"^this amount is the sum of every other row of (the table|the rows of [^;:]*); the row has its own (\w+) "
     r"('[^']*'(?: \('[^']*'\))?), so it is read as one (line|row)$",
     lambda m: f"ce montant est la somme de toutes les autres lignes "
               f"{_rows_of(m[1])} ; la ligne "
               f"porte son propre code {m[3]} (colonne {m[2]}), elle est donc lue comme une ligne"),
    (r"^Check it: if it is a total of the other rows, delete it \(the workbook adds the rows up itself\)\. If it is "
     r"a genuine line whose amount equals the others' sum, nothing to do\.$",
     "Vérifiez-la : si c'est le total des autres lignes, supprimez-la (le classeur additionne lui-même les "
     "lignes) ; si c'est une vraie ligne dont le montant égale la somme des autres, rien à faire."),
    (r"^this amount is the sum of every other row of (the table|the rows of [^;:]*): a totals row\?$",
     lambda m: f"ce montant est la somme de toutes les autres lignes "
               f"{_rows_of(m[1])} : une ligne "
               "de total ?"),
    (r"^Delete this row: the workbook adds the rows up itself, so a totals or subtotal row counts every amount "
     r"twice\. Keep totals outside the table \(another sheet or file\)\.( If it really is one line, check the "
     r"amounts of the others\.)?$",
     lambda m: "Supprimez cette ligne : le classeur additionne lui-même les lignes, une ligne de total ou de "
               "sous-total compte donc chaque montant deux fois. Gardez les totaux hors de la table (une autre "
               "feuille ou un autre fichier)." + (" Si c'est vraiment une ligne, vérifiez les montants des autres."
                                                 if m[1] else "")),
    # a line's spending below 0 (data.spending.negative_line_spending)
    (r"^the spending on line (.+) adds up to (\S+) \((\S+) spent, (\S+) of negative amounts\): a line's spending "
     r"cannot be below 0, and its execution rate would be negative, the other lines' shares of spending above 100 %$",
     r"les dépenses de la ligne \1 totalisent \2 (\3 dépensés, \4 de montants négatifs) : les dépenses d'une ligne ne "
     r"peuvent être inférieures à 0, son taux d'exécution serait négatif et la part des autres lignes dans les "
     r"dépenses supérieure à 100 %"),
    (r"^Check the sign of this amount, and whether it reverses spending recorded on another line \(then write it on "
     r"that line\) or before the first period of the table \(then add that period's spending\)\.$",
     "Vérifiez le signe de ce montant, et s'il annule une dépense enregistrée sur une autre ligne (écrivez-le alors "
     "sur cette ligne) ou avant la première période de la table (ajoutez alors les dépenses de cette période)."),
    # period columns beside a budget's or a spending's amount (data.loader._periods_beside_amount)
    (r"^the columns (.+) beside '([^']*)' are not read: the figures take each row's (budget|amount) from '([^']*)' "
     r"alone, which is not the sum of those columns \(row (\d+): (\S+) read, (\S+) in (.+)\)$",
     r"les colonnes \1 à côté de '\2' ne sont pas lues : les chiffres prennent le montant de chaque ligne dans '\4' "
     r"seule, qui n'est pas la somme de ces colonnes (ligne \5 : \6 lu, \7 dans \8)"),
    (r"^If '([^']*)' holds one period's amount \(the first year of a table laid out by year\), write each row's "
     r"whole (?:budget|amount) in it( \(or one row per line and period\))?; if it is the whole and the columns a part "
     r"of it, nothing to do\.$",
     r"Si '\1' contient le montant d'une seule période (la première année d'une table par année), écrivez-y le montant "
     r"total de chaque ligne\2 ; si c'est le total et les colonnes une partie de celui-ci, rien à faire."),
    (r"^this row is a totals row \('([^']*)' in '([^']*)'\); its amount would be added to the rows it sums$",
     r"cette ligne est une ligne de total ('\1' dans '\2') : son montant s'ajouterait aux lignes qu'elle totalise"),
    (r"^this row is a totals row \('([^']*)' in '([^']*)'\); it would be read as one more (activity|value)$",
     lambda m: f"cette ligne est une ligne de total ('{m[1]}' dans '{m[2]}') : elle serait lue comme "
               f"{'une activité' if m[3] == 'activity' else 'une valeur'} de plus"),
    (r"^this row is a totals row \('([^']*)' in '([^']*)', no metric\): a total of the figures above, not a figure "
     r"the report prints$",
     r"cette ligne est une ligne de total ('\1' dans '\2', sans métrique) : le total des chiffres au-dessus, pas un "
     r"chiffre que le rapport publie"),
    (r"^Delete this row: each row of reported is one figure the report prints, checked against the data, and a total "
     r"of the rows above is none\. If the report prints this total, give it its metric and key \(e\.g\. budget, "
     r"total\) and type the value as printed\.$",
     "Supprimez cette ligne : chaque ligne de reported est un chiffre que le rapport publie, vérifié contre les "
     "données, et le total des lignes au-dessus n'en est pas un. Si le rapport publie ce total, donnez-lui sa "
     "métrique et sa clé (par exemple budget, total) et tapez la valeur telle qu'elle est imprimée."),
    # the warnings of the sample's own check: what an evaluator reads first
    (r"^every spending row is dated after the reporting date \(([^,]*), project\.yaml\), the first on ([0-9-]+): the "
     r"annexes count no spending, and every execution rate is 0 %$",
     r"chaque ligne de dépenses est datée après la date de rapport (\1, project.yaml), la première du \2 : les "
     r"annexes ne comptent aucune dépense, et chaque taux d'exécution est de 0 %"),
    (r"^If the reporting date is mistyped, correct `reporting_date` in project\.yaml; if the annexes describe a day "
     r"before any spending, nothing to do\.$",
     "Si la date de rapport est mal tapée, corrigez `reporting_date` dans project.yaml ; si les annexes décrivent un "
     "jour d'avant toute dépense, rien à faire."),
    (r"^this activity ended after the reporting date \(([^,]*), project\.yaml\): it is counted as its status says$",
     r"cette activité s'est terminée après la date de rapport (\1, project.yaml) : elle est comptée selon son statut"),
    (r"^If the annex should describe the reporting date, write the status the activity had then; if the data are "
     r"more recent, move `reporting_date` in project\.yaml\.$",
     "Si l'annexe doit décrire la date de rapport, écrivez le statut qu'avait l'activité ce jour-là ; si les données "
     "sont plus récentes, avancez `reporting_date` dans project.yaml."),
    (r"^(\d+) more activities ended after the reporting date$",
     r"\1 autres activités se sont terminées après la date de rapport"),
    (r"^the budget of this line is not given$", "le budget de cette ligne n'est pas donné"),
    (r"^Rates for this line cannot be computed; fill in the approved amount\.$",
     "Les taux de cette ligne ne peuvent pas être calculés ; indiquez le montant approuvé."),
    (r"^no rows for '([^']*)' in (\d+) tables?: ([^:;]*)$", r"aucune ligne pour '\1' dans \2 table(s) : \3"),
    (r"^Fine if these tables do not apply to this country; the annex will show no figures from them\.$",
     "Rien à faire si ces tables ne concernent pas ce pays ; l'annexe n'en montrera aucun chiffre."),
    (r"^rows of the project as a whole \(no country, or 'regional'\) will not appear in the '([^']*)' annex: "
     r"([^:;]*)$",
     lambda m: f"les lignes du projet dans son ensemble (sans pays, ou 'régional') n'apparaîtront pas dans l'annexe "
               f"'{m[1]}' : " + re.sub(r"\((all|\d+) rows?\)", lambda n: "(toutes les lignes)" if n[1] == "all"
                                       else f"({n[1]} ligne{'s' if n[1] != '1' else ''})", m[2])),
    (r"^Their rows are shown in the annex with `country: all` only; give them the country in a `country` column if "
     r"they belong to ([^.]*)\.$",
     r"Leurs lignes ne figurent que dans l'annexe `country: all` ; donnez-leur le pays dans une colonne `country` si "
     r"elles appartiennent à \1."),
    (r"^the outcome '([^']*)' is in ([A-Z, ]+) by its name, and the project's currency is ([A-Z]+): its effects, "
     r"means and minimum detectable effects are in \2 \(figures\.csv's unit\), and a published figure in \3 is not "
     r"computable beside them; one printed without a currency is compared as if in \2$",
     r"le résultat '\1' est en \2 d'après son nom, et la devise du projet est \3 : ses effets, moyennes et effets "
     r"minimaux détectables sont en \2 (l'unité de figures.csv), un chiffre publié en \3 n'est pas calculable à "
     r"côté d'eux ; un chiffre imprimé sans devise est comparé comme s'il était en \2"),
    (r"^IATI version \(none\) is not read", "IATI version (aucune) is not read"),
    (r"^IATI version (\S+) is not read: the workbook reads activity files of versions ([0-9., ]+)$",
     r"la version IATI \1 n'est pas lue : le classeur lit les fichiers d'activités des versions \2"),
    (r"^Download the file in version 2\.03 \(d-portal and the IATI Datastore give it\), or convert it\.$",
     "Téléchargez le fichier en version 2.03 (d-portal et l'IATI Datastore la donnent), ou convertissez-le."),
    (r"^Convert the outcome to ([A-Z]+) in the data \(the workbook converts none\), or publish and compare its "
     r"figures in ([A-Z]+)\.$",
     r"Convertissez le résultat en \1 dans les données (le classeur ne convertit aucune devise), ou publiez et "
     r"comparez ses chiffres en \2."),
)]
_WHERE = ("row", "column", "key", "cell", "value", "colon")


def project_language(project: str, params_dir: Path) -> str:
    """'en' or 'fr' from project.yaml as written, valid or not (French, the annexes' default, when it says
    nothing usable or cannot be read)."""
    from ..data.inputs import read_yaml

    try:
        written = read_yaml(params_dir / project / "project.yaml")[0]
    except Exception:   # (a project.yaml that cannot be read is itself one of the problems listed)
        return "fr"
    language = written.get("language") if isinstance(written, dict) else None
    return "en" if str(language).strip().lower() == "en" else "fr"


def translated(problem: Problem, lang: str) -> Problem:
    """``problem`` with its message and hint in ``lang`` (the sentences _FRENCH knows), or as it is when its message
    is not one of them: a line half French, half English (« ligne 3 : the workbook computes... ») reads worse than
    one in English."""
    message = problem.message if lang == "en" else _french(problem.message)
    if message == problem.message:
        return problem
    return replace(problem, message=message, hint=_french(problem.hint))


@lru_cache(maxsize=4096)
def _french(text: str) -> str:
    """(Cached: a column broken on every row repeats one message and one hint; the list holds every row.)"""
    for english, french in _FRENCH:
        text = english.sub(french, text)
    return text


def shown(problem: Problem, lang: str) -> str:
    """The problem as make check prints it, in ``lang``: its location words too (« ligne 3, colonne 'montant' »)."""
    said = translated(problem, lang)
    words = None if said is problem else {w: say(f"check_where_{w}", lang) for w in _WHERE}
    return said.text(words)
