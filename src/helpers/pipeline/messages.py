"""What `make check` and `make annexes` print, in the project's language (project.yaml's `language`, French by
default, as the annexes are): the headlines from the annex's catalogues (annex.words, keys `check_*`), and the
problems an evaluator meets in the first hour (a key left empty or misspelt, no data folder, a missing column, a
number or a date not read or written month first, a country or a line the data do not have, a totals row, a row
pasted twice, an empty file, a file not read or open in Excel, the sample's own warnings, make new's refusals)
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
    (r"^'([^']*)' lists (\d+) columns, one per stage of the sampling: the workbook takes one, the first stage's$",
     r"'\1' donne \2 colonnes, une par degré du tirage : le classeur en prend une, celle du premier degré"),
    (r"^Write the first stage's column alone \('([^']*)'\): the variance is estimated between the first-stage "
     r"units, which counts the later stages' sampling too when 'fpc' is left out \(R's svydesign with one id, the « "
     r"ultimate cluster »\); an fpc of the first stage leaves the later stages' variance out\.$",
     r"Écrivez la seule colonne du premier degré ('\1') : la variance est estimée entre les unités du premier degré, "
     r"ce qui compte aussi le tirage des degrés suivants quand 'fpc' est omis (svydesign de R avec un seul id, la "
     r"« grappe ultime ») ; un fpc du premier degré laisse de côté la variance des degrés suivants."),
    (r"^The workbook gives no median nor quantile of a survey \(R's svyquantile\): ask for the mean \(\{mean: "
     r"\.\.\.\}\) only if the mean is what the report needs, else compute the median outside the workbook\.$",
     "Le classeur ne calcule ni médiane ni quantile d'une enquête (svyquantile de R) : demandez la moyenne "
     "({mean: ...}) seulement si c'est elle dont le rapport a besoin, sinon calculez la médiane hors du classeur."),
    (r"^The workbook does not post-stratify, rake nor calibrate the weights \(R's postStratify, rake, calibrate\): "
     r"give in 'weights' the weights already adjusted to the known totals\. 'strata' is the strata the sample was "
     r"drawn in, not the groups the weights are adjusted to\.$",
     "Le classeur ne post-stratifie pas et ne cale pas les poids (postStratify, rake, calibrate de R) : donnez dans "
     "'weights' les poids déjà calés sur les totaux connus. 'strata' désigne les strates où l'échantillon a été "
     "tiré, pas les groupes sur lesquels les poids sont calés."),
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
    (r"'([^']*)' and '([^']*)' name the same country \(a code, or a name in another language\)(?=\.)",
     r"'\1' et '\2' désignent le même pays (un code, ou un nom dans une autre langue)"),
    (r"this budget line is not in the budget table", "cette ligne budgétaire n'est pas dans la table du budget"),
    (r"Use a line of the budget table, or add the line there\.",
     "Utilisez une ligne de la table du budget, ou ajoutez-y la ligne."),
    (r"the file has a header but no rows: the table is empty", "le fichier a un en-tête mais aucune ligne : la "
     "table est vide"),
    (r"Fill in the rows, or delete the file if the table does not apply\.",
     "Remplissez les lignes, ou supprimez le fichier si la table ne s'applique pas."),
    # make new's refusals
    (r"^the project '([^']*)' already exists$", r"le projet '\1' existe déjà"),
    (r"^Choose another PROJECT name, or delete the folder first \(nothing was changed\)\.$",
     "Choisissez un autre nom de PROJECT, ou supprimez d'abord le dossier (rien n'a été modifié)."),
    (r"^Choose another PROJECT name\.$", "Choisissez un autre nom de PROJECT."),
    (r"^project name ('.*') is not allowed: use letters without accents, digits, '-' and '_' only \(no spaces, "
     r"dots or slashes\), at most (\d+) characters(?:, e\.g\. ('[^']*'))?\.$",
     lambda m: f"le nom de projet {m[1]} n'est pas permis : utilisez des lettres sans accents, des chiffres, '-' et "
               f"'_' seulement (ni espaces, ni points, ni barres obliques), {m[2]} caractères au plus"
               + (f", par exemple {m[3]}" if m[3] else "") + "."),
    (r"^'([^']*)' cannot name an annex file$", r"'\1' ne peut pas nommer un fichier d'annexe"),
    (r"^Write each country as your data's `country` column holds it, e\.g\. COUNTRIES=\"Sénégal, Mali\"\.$",
     "Écrivez chaque pays comme la colonne `country` de vos données l'écrit, par exemple COUNTRIES=\"Sénégal, Mali\"."),
    (r"^'([^']*)' is the project as a whole, not a country: its annex is (\S+), which make new writes$",
     r"'\1' est le projet dans son ensemble, pas un pays : son annexe est \2, que make new écrit"),
    (r"^Name the countries only; the rows of the project as a whole say `regional` \(or nothing\) in their "
     r"`country` column\.$",
     "Nommez seulement les pays ; les lignes du projet dans son ensemble disent `regional` (ou rien) dans leur "
     "colonne `country`."),
    (r"^'([^']*)' names (\d+) countries$", r"'\1' nomme \2 pays"),
    (r"^Separate the countries with commas: (COUNTRIES=\"[^\"]*\") \(one annex each\)\.$",
     r"Séparez les pays par des virgules : \1 (une annexe chacun)."),
    (r"^'([^']*)' is given twice$", r"'\1' est donné deux fois"),
    (r"^Name each country once\.$", "Nommez chaque pays une seule fois."),
    # a notebook that failed in a build (runner._describe_failure): the error itself is Python's, as raised
    (r"^notebook (\S+): cell (\d+) \(In \[(\d+|None)\]\) raised ", r"notebook \1 : la cellule \2 (In [\3]) a levé "),
    (r"^notebook (\S+): a cell ran longer than the timeout of (\d+) s \(raise it with TIMEOUT=\.\.\.\)",
     r"notebook \1 : une cellule a tourné plus longtemps que le délai de \2 s (augmentez-le avec TIMEOUT=...)"),
    (r"^notebook (\S+): the kernel died \(", r"notebook \1 : le noyau s'est arrêté ("),
    (r"^notebook (\S+): (?=\w+(Error|Exception)?: )", r"notebook \1 : "),
    (r"^notebook (\S+): cancelled on the Dask cluster$", r"notebook \1 : annulé sur le cluster Dask"),
    (r"^notebook (\S+): on the Dask cluster: ", r"notebook \1 : sur le cluster Dask : "),
    (r"^notebook (\S+): the Dask workers running it died too often \(the scheduler's allowed-failures\); their logs "
     r"say why \(often memory\)$",
     r"notebook \1 : les processus Dask qui l'exécutaient sont morts trop souvent (allowed-failures du scheduler) ; "
     r"leurs journaux disent pourquoi (souvent la mémoire)"),
    (r"\n    The executed notebook is kept for inspection: (.+) \(open it with make lab to read the error, correct "
     r"the data or the notebook, then build again\)$",
     r"\n    Le notebook exécuté est gardé pour examen : \1 (ouvrez-le avec make lab pour lire l'erreur, corrigez "
     r"les données ou le notebook, puis relancez la construction)"),
    (r"^interrupted \(Ctrl-C\) before it was finished$", "interrompue (Ctrl-C) avant d'être finie"),
    # the first hour's files: an empty one, one not read, one open in Excel
    (r"^the file is empty: the table is treated as absent$", "le fichier est vide : la table est lue comme absente"),
    (r"^Delete the file or fill it in\.$", "Supprimez le fichier ou remplissez-le."),
    (r"^this file is not read: (\S+) is, and the two names differ only in their capitals$",
     r"ce fichier n'est pas lu : \1 l'est, et les deux noms ne diffèrent que par leurs majuscules"),
    (r"^Keep one of the two files \(on Windows or macOS they would be one\)\.$",
     "Gardez un seul des deux fichiers (sous Windows ou macOS, ils n'en feraient qu'un)."),
    (r"^the folder (.+)/ is not read: the tables are read from (\S+)/ itself$",
     r"le dossier \1/ n'est pas lu : les tables sont lues dans \2/ même"),
    (r"^Move the tables it holds up into (\S+)/ \(one file a table\), or move the folder out of (\S+)/\.$",
     r"Déplacez ses tables dans \1/ (un fichier par table), ou sortez le dossier de \2/."),
    (r"^this file is not read: IATI activity files are read from the folder iati/$",
     "ce fichier n'est pas lu : les fichiers d'activités IATI sont lus dans le dossier iati/"),
    (r"^Move it into (\S+)/iati/ if it is an IATI file \(see data/README\.md\)\.$",
     r"Déplacez-le dans \1/iati/ si c'est un fichier IATI (voir data/README.md)."),
    (r"^this file is not read: the workbook reads (\w+)\.csv or \1\.xlsx, and a (\.\w+) file is neither$",
     r"ce fichier n'est pas lu : le classeur lit \1.csv ou \1.xlsx, et un fichier \2 n'est ni l'un ni l'autre"),
    (r"^Save it as (\w+)\.xlsx \(Save as > Excel workbook\) or as \1\.csv\.$",
     r"Enregistrez-le sous \1.xlsx (Enregistrer sous > Classeur Excel) ou sous \1.csv."),
    (r"^this file is not read: each table is one file named after it, and the folder has no (\w+)\.csv or \1\.xlsx$",
     r"ce fichier n'est pas lu : chaque table est un fichier à son nom, et le dossier n'a ni \1.csv ni \1.xlsx"),
    (r"^If it holds the table (\w+), rename it (\S+?)( \(saved as \.xlsx\))?\.$",
     lambda m: f"S'il contient la table {m[1]}, renommez-le {m[2]}" + (" (enregistré en .xlsx)" if m[3] else "")
               + "."),
    (r"^this file is not read: each table is one file named after it, and this is not (\w+)\.csv or \1\.xlsx "
     r"\(if its rows are \1's, they are left out\)$",
     r"ce fichier n'est pas lu : chaque table est un fichier à son nom, et celui-ci n'est ni \1.csv ni \1.xlsx "
     r"(si ses lignes sont celles de \1, elles sont laissées de côté)"),
    (r"^Copy its rows into (\w+)\.csv or \1\.xlsx \(a column `country` tells countries apart\); if it is an old "
     r"version or a copy, move it out of (\S+)/\.$",
     r"Copiez ses lignes dans \1.csv ou \1.xlsx (une colonne `country` distingue les pays) ; si c'est une "
     r"ancienne version ou une copie, sortez-le de \2/."),
    (r"^this file is not read: it is named after none of the tables \(([^)]*)\)$",
     r"ce fichier n'est pas lu : son nom n'est celui d'aucune table (\1)"),
    (r"^Rename it after the table it holds, or move it out of (\S+)/\.$",
     r"Renommez-le d'après la table qu'il contient, ou sortez-le de \1/."),
    (r"^this file is open in a spreadsheet \((.+) beside it\): what was typed since it was last saved is not read$",
     r"ce fichier est ouvert dans un tableur (\1 à côté de lui) : ce qui a été tapé depuis son dernier "
     r"enregistrement n'est pas lu"),
    (r"^Save it in Excel or LibreOffice, then run again; if no spreadsheet has it open \(a lock file left by a "
     r"crash\), delete (.+)\.$",
     r"Enregistrez-le dans Excel ou LibreOffice, puis relancez ; si aucun tableur ne l'a ouvert (un fichier de "
     r"verrou laissé par un plantage), supprimez \1."),
    (r"^the column '([^']*)' of the budget is not read: the workbook takes the spending from the expenditure table, "
     r"with the date each amount runs to$",
     r"la colonne '\1' du budget n'est pas lue : le classeur prend les dépenses dans la table des dépenses, avec la "
     r"date jusqu'à laquelle court chaque montant"),
    (r"^If it holds the spending so far, write it in expenditure\.csv \(or \.xlsx\): one row per line with `line`, "
     r"`period_end` \(the date the amount runs to, e\.g\. the reporting date\) and `amount`; else nothing to do\.$",
     "Si elle contient les dépenses à ce jour, écrivez-les dans expenditure.csv (ou .xlsx) : une ligne par ligne "
     "budgétaire avec `line`, `period_end` (la date jusqu'à laquelle court le montant, par exemple la date de "
     "rapport) et `amount` ; sinon, rien à faire."),
    # a column beside the one the figures use, a date written month first, a row pasted twice
    (r"^the column '([^']*)' is ignored: the figures use the column '([^']*)'$",
     r"la colonne '\1' est ignorée : les chiffres sont pris dans la colonne '\2'"),
    (r"^If '([^']*)' holds the figures to use \(a revised budget, the latest count\), name it '([^']*)' and the "
     r"other '([^']*)', say; else nothing to do\.$",
     r"Si '\1' contient les chiffres à utiliser (un budget révisé, le dernier décompte), nommez-la '\2' et "
     r"l'autre '\3', par exemple ; sinon, rien à faire."),
    (r"^this date exists only month first \(([^:]*): month (\d+), day (\d+)\): the column seems written month "
     r"first, as an English Excel writes dates, and the workbook reads dates day first$",
     r"cette date n'existe que le mois d'abord (\1 : mois \2, jour \3) : la colonne semble écrite le mois "
     r"d'abord, comme un Excel anglais écrit les dates, et le classeur lit les dates le jour d'abord"),
    (r"^Write every date of the column year first \(([0-9-]+)\), which cannot be misread\.$",
     r"Écrivez chaque date de la colonne l'année d'abord (\1), ce qui ne peut pas être mal lu."),
    (r"^this date exists only month first \(month (\d+), day (\d+)\), as the column is written \(see row (\d+): "
     r"'([^']*)'\)$",
     r"cette date n'existe que le mois d'abord (mois \1, jour \2), comme la colonne est écrite (voir la ligne \3 : "
     r"'\4')"),
    (r"^Write it year first \(([0-9-]+)\), as every date of the column\.$",
     r"Écrivez-la l'année d'abord (\1), comme chaque date de la colonne."),
    (r"^'([^']*)' is read day first \(([0-9-]+)\), but this column holds dates written month first \(row (\d+): "
     r"'([^']*)'\): it may mean ([0-9-]+)$",
     r"'\1' est lue le jour d'abord (\2), mais cette colonne contient des dates écrites le mois d'abord (ligne "
     r"\3 : '\4') : elle peut vouloir dire \5"),
    (r"^Write every date of the column year first, which cannot be misread: ([0-9-]+) if this one is month first "
     r"too, ([0-9-]+) if not\.$",
     r"Écrivez chaque date de la colonne l'année d'abord, ce qui ne peut pas être mal lu : \1 si celle-ci est "
     r"aussi le mois d'abord, \2 sinon."),
    (r"^this row repeats row (\d+) in every column \(line, period, amount, country\): both are counted$",
     r"cette ligne répète la ligne \1 dans chaque colonne (ligne, période, montant, pays) : les deux sont comptées"),
    (r"^If the rows were pasted twice, delete one; two equal payments are fine \(or write their sum in one row\)\.$",
     "Si les lignes ont été collées deux fois, supprimez-en une ; deux paiements égaux sont possibles (ou écrivez "
     "leur somme sur une ligne)."),
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
    (r"^every spending row is dated before the reporting date \(([^,]*), project\.yaml\), the last on ([0-9-]+): what "
     r"was spent up to the reporting date is not known, and the annexes' spending, execution rates and burn index are "
     r"not computed \(n\.d\.\)$",
     r"chaque ligne de dépenses est datée avant la date de rapport (\1, project.yaml), la dernière du \2 : ce qui a "
     r"été dépensé jusqu'à la date de rapport n'est pas connu, et les dépenses, taux d'exécution et indices de "
     r"consommation des annexes ne sont pas calculés (n.d.)"),
    (r"^If the data are complete to ([0-9-]+), write `reporting_date: \1` in project\.yaml \(or correct a mistyped "
     r"date\); else add the spending up to the reporting date\.$",
     r"Si les données sont complètes au \1, écrivez `reporting_date: \1` dans project.yaml (ou corrigez une date mal "
     r"tapée) ; sinon, ajoutez les dépenses jusqu'à la date de rapport."),
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
    (r"^Fine if these tables do not apply to this country; the annex will show no figures from them\.",
     "Rien à faire si ces tables ne concernent pas ce pays ; l'annexe n'en montrera aucun chiffre."),
    # (the same hint when a table writes the country as its code, or when the spending has no row of it)
    (r"(\S+) writes it '([^']*)'", r"\1 l'écrit '\2'"),
    (r": write '([^']*)' there, as (\S+) does, else the annex leaves those rows out\.",
     r" : écrivez-y '\1', comme \2 le fait, sinon l'annexe laisse ces lignes de côté."),
    (r" The other tables: fine if these tables do not apply to this country; the annex will show no figures from "
     r"them\.", " Les autres tables : rien à faire si elles ne concernent pas ce pays ; l'annexe n'en montrera aucun "
     "chiffre."),
    (r" Without expenditure rows its spending is not known, in its annex and in the project's totals \(n\.d\.\): if "
     r"nothing was spent yet, add a row with the amount 0\.$",
     " Sans ligne de dépenses, ses dépenses ne sont pas connues, dans son annexe et dans les totaux du projet "
     "(n.d.) : si rien n'a encore été dépensé, ajoutez une ligne avec le montant 0."),
    # a country of the data that no annex covers: a country renamed (« RIM » for Mauritanie), a code, two countries
    (r"^(\d+) rows? of '([^']*)' \(([^)]*)\) belong to no country annex: params/(\S+) writes `country: ([^`]*)`, "
     r"which no row holds$",
     lambda m: f"{m[1]} ligne{'s' if m[1] != '1' else ''} de '{m[2]}' ({m[3]}) n'appartien"
               f"{'nent' if m[1] != '1' else 't'} à aucune annexe de pays : params/{m[4]} écrit `country: {m[5]}`, "
               "qu'aucune ligne ne contient"),
    (r"^If '([^']*)' is the country's name, write `country: \1` in params/(\S+)\.$",
     r"Si '\1' est le nom du pays, écrivez `country: \1` dans params/\2."),
    (r"^(\d+) rows? of '([^']*)' \(([^)]*)\) belong to no country annex \(the annexes' countries: ([^)]*)\): "
     r"(they are checked in no annex|they count in the project-wide annex only)(?: \(([^)]*): checked in no annex\))?",
     lambda m: f"{m[1]} ligne{'s' if m[1] != '1' else ''} de '{m[2]}' ({m[3]}) n'appartien"
               f"{'nent' if m[1] != '1' else 't'} à aucune annexe de pays (les pays des annexes : {m[4]}) : "
               + (("elle n'est vérifiée" if m[1] == "1" else "elles ne sont vérifiées") + " dans aucune annexe"
                  if m[5].endswith("no annex") else ("elle ne compte" if m[1] == "1" else "elles ne comptent")
                  + " que dans l'annexe du projet dans son ensemble")
               + (f" ({m[6]} : vérifiées dans aucune annexe)" if m[6] else "")),
    (r" \(a published figure is checked in its country's annex\)$",
     " (un chiffre publié est vérifié dans l'annexe de son pays)"),
    (r"'([^']*)' and '([^']*)' name the same country \(a code, or a name in another language\): write '([^']*)' in "
     r"these rows, as its annex file does \(`country:`\), so that its annex counts them\.",
     r"'\1' et '\2' désignent le même pays (un code, ou un nom dans une autre langue) : écrivez '\3' dans ces "
     r"lignes, comme son fichier d'annexe le fait (`country:`), pour que son annexe les compte."),
    (r" Write the country as its annex file does \(`country:`\), or add an annex for (.+) in params/(\S+)/\.$",
     r" Écrivez le pays comme son fichier d'annexe le fait (`country:`), ou ajoutez une annexe pour \1 dans "
     r"params/\2/."),
    (r"^These rows name (\d+) countries \(([^)]*)\): a row belongs to one country\. Split each into one row per "
     r"country, each with its own share \(of the amount, of the participants\), or write `regional` if it is the "
     r"project's as a whole; as written, no country annex counts them\.$",
     r"Ces lignes nomment \1 pays (\2) : une ligne appartient à un pays. Séparez chacune en une ligne par pays, "
     r"chacune avec sa part (du montant, des participants), ou écrivez `regional` si elle est celle du projet dans "
     r"son ensemble ; telles qu'écrites, aucune annexe de pays ne les compte."),
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
    (r"^the file is a (\w+) archive \(a compressed download\), not XML: it is not read$",
     r"le fichier est une archive \1 (un téléchargement compressé), pas du XML : il n'est pas lu"),
    (r"^Unpack it \(([^)]*)\) and use the \.xml file it holds\.$",
     r"Décompressez-le (\1) et utilisez le fichier .xml qu'il contient."),
    (r"^the file is a web page \(HTML\), not an IATI activity file: the download gave a page instead of the file",
     "le fichier est une page web (HTML), pas un fichier d'activités IATI : le téléchargement a donné une page au "
     "lieu du fichier"),
    (r" \(its title: « (.*) »\)$", r" (son titre : « \1 »)"),
    (r"^Open the link in a web browser to see why \(a link that no longer works: find the activity on d-portal or the "
     r"IATI Datastore\), and save the XML file itself\.$",
     "Ouvrez le lien dans un navigateur pour voir pourquoi (un lien qui ne marche plus : cherchez l'activité sur "
     "d-portal ou l'IATI Datastore), et enregistrez le fichier XML lui-même."),
    (r"^Convert the outcome to ([A-Z]+) in the data \(the workbook converts none\), or publish and compare its "
     r"figures in ([A-Z]+)\.$",
     r"Convertissez le résultat en \1 dans les données (le classeur ne convertit aucune devise), ou publiez et "
     r"comparez ses chiffres en \2."),
    (r"^this text holds half of a character \(([^,]*), a surrogate without its pair\), which no file can store$",
     r"ce texte contient la moitié d'un caractère (\1, sans l'autre moitié de sa paire) : aucun fichier ne peut "
     r"l'enregistrer"),
    (r"^Write the character itself rather than its \\u escape, or delete the escape\.$",
     r"Écrivez le caractère lui-même plutôt que son échappement \\u, ou supprimez l'échappement."),
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


def sentence(text: str, lang: str) -> str:
    """One sentence of the data room's in ``lang`` (as it is when the table does not know it)."""
    return text if lang == "en" else _french(text)


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
