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


def _setup(command: str) -> str:
    """The Dask workers' install command, its one English placeholder in French."""
    return command.replace("<the workbook's folder>", "<le dossier du classeur>")


def _rows_of_the_table(m: re.Match) -> str:
    """« la ligne 7 de la table est », « 12 lignes de la table (7, 8, ... et 2 autres) sont » (data.loader's)."""
    if not m[3]:
        return f"la ligne {m[2]} de la table est"
    return f"{m[3]} lignes de la table ({m[4]}" + (f" et {m[5]} autres" if m[5] else "") + ") sont"


def _separator_example(example: str) -> str:
    """The shifted row's example of a separator inside a value (data.readers), in French."""
    return {"a decimal comma, as in 10000,50, in a file separated by ','; a comma in a label":
            "une virgule décimale, comme dans 10000,50, dans un fichier séparé par des ',' ; une virgule dans un "
            "libellé",
            "a ';' typed in a cell, as in budget_lines R1; R6, in a file separated by ';'":
            "un ';' tapé dans une cellule, comme dans budget_lines R1; R6, dans un fichier séparé par des ';'",
            "a tab inside a cell": "une tabulation dans une cellule"}.get(example, example)


_NAME_OF = {"project": "de projet", "annex": "d'annexe", "file": "de fichier"}   # « le nom de projet 'aux' »

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
    # (paths.WINDOWS_DEVICE: a name Windows keeps for a device, refused by check_slug and by the params' loader)
    (r"^(project|annex|file) name ('.*') is not allowed: it names a device on Windows \(CON, PRN, AUX, NUL, "
     r"COM0-9, LPT0-9\), where no file or folder may be so named(?:; rename it, e\.g\. ('[^']*')\.)?$",
     lambda m: f"le nom {_NAME_OF[m[1]]} {m[2]} n'est pas permis : il désigne un périphérique sous Windows (CON, PRN, "
               "AUX, NUL, COM0-9, LPT0-9), où aucun fichier ni dossier ne peut porter ce nom"
               + (f" ; renommez-le, par exemple {m[3]}." if m[3] else "")),
    (r"^Name annex files with letters without accents, digits, '-' and '_' only \(not 'project'\), at most (\d+) "
     r"characters, e\.g\. (\S+)\.$",
     r"Nommez les fichiers d'annexe avec des lettres sans accents, des chiffres, '-' et '_' seulement (pas "
     r"'project'), \1 caractères au plus, par exemple \2."),
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
    # the Dask cluster a build sends its notebooks to (dask_executor: ClusterError and the connection's lines)
    (r"(?m)^The Dask worker (\S+) does not have this machine's environment:$",
     r"Le processus Dask \1 n'a pas l'environnement de cette machine :"),
    (r"(?m)^      (\S+(?: code)?) (\S+) here, (\S+) there$", r"      \1 \2 ici, \3 là-bas"),
    (r"(?m)^      the Jupyter kernel '([^']*)' is (installed|not installed|\?) there$",
     lambda m: f"      le noyau Jupyter '{m[1]}' est "
               + {"installed": "installé", "not installed": "non installé"}.get(m[2], m[2]) + " là-bas"),
    (r"(?m)^      \.\.\. and (\d+) more$", r"      ... et \1 autres"),
    (r"(?m)^    -> Install the workbook's environment on it \((.*)\), or stop that worker\.$",
     lambda m: f"    -> Installez-y l'environnement du classeur ({_setup(m[1])}), ou arrêtez ce processus."),
    (r"(?m)^The Dask worker (\S+) cannot run the workbook's code \((.*)\)\.$",
     r"Le processus Dask \1 ne peut pas exécuter le code du classeur (\2)."),
    (r"(?m)^    -> Install the workbook's environment on it \((.*)\)\.$",
     lambda m: f"    -> Installez-y l'environnement du classeur ({_setup(m[1])})."),
    (r"(?m)^Nothing was built\.$", "Rien n'a été construit."),
    (r"(?m)^Cannot reach the Dask scheduler at (\S+) within (\d+) s \((.*)\)\.$",
     r"Impossible de joindre le scheduler Dask à \1 en \2 s (\3)."),
    (r"(?m)^    -> Check the address and that the scheduler runs \(`make cluster` starts one on this machine\); "
     r"nothing was built\.$", "    -> Vérifiez l'adresse et que le scheduler tourne (`make cluster` en démarre un sur "
     "cette machine) ; rien n'a été construit."),
    (r"(?m)^No Dask worker joined the scheduler at (\S+) within (\d+) s\.$",
     r"Aucun processus Dask n'a rejoint le scheduler à \1 en \2 s."),
    (r"(?m)^    -> Start workers \(`dask worker <address> --nthreads 1`\); nothing was built\.$",
     "    -> Démarrez des processus (`dask worker <adresse> --nthreads 1`) ; rien n'a été construit."),
    (r"^The Dask scheduler at (\S+) has no worker yet; waiting up to (\d+) s for one\.\.\.$",
     r"Le scheduler Dask à \1 n'a encore aucun processus ; attente d'un processus pendant \2 s au plus..."),
    (r"^Dask cluster at (\S+): (\d+) worker\(s\)(?:; dashboard: (\S+))?$",
     lambda m: f"Cluster Dask à {m[1]} : {m[2]} processus" + (f" ; tableau de bord : {m[3]}" if m[3] else "")),
    (r"^    Workers with several threads run one notebook at a time each \(papermill changes the process's working "
     r"directory\): start them with --nthreads 1 --nworkers <cores>\.$",
     "    Les processus à plusieurs threads exécutent chacun un notebook à la fois (papermill change le dossier de "
     "travail du processus) : démarrez-les avec --nthreads 1 --nworkers <cœurs>."),
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
    # a CSV saved by Excel in Windows' encoding (data.readers.decode)
    (r"^the file is not UTF-8: this row holds a byte \(0x([0-9A-F]{2})\) that UTF-8 does not allow, probably (an "
     r"accented letter|a no-break space \(the thousands separator of a French number: 1 234,50\)) saved by Excel as "
     r"'CSV \(separator\)'$",
     lambda m: f"le fichier n'est pas en UTF-8 : cette ligne contient un octet (0x{m[1]}) que l'UTF-8 ne permet pas, "
               + ("probablement une lettre accentuée" if m[2] == "an accented letter" else
                  "probablement une espace insécable (le séparateur des milliers d'un nombre français : 1 234,50)")
               + " enregistrée par Excel en 'CSV (séparateur: point-virgule)'"),
    (r"^Save as 'CSV UTF-8' in Excel or declare `encoding: cp1252` in (\S+)\.$",
     r"Enregistrez-le en 'CSV UTF-8' dans Excel ou déclarez `encoding: cp1252` dans \1."),
    # codes 1.1 and 1.10 typed in number cells, both kept 1.1 by Excel (data.schemas, data.loader, data.spec)
    (r"^If they are two (lines|indicators) \((\S+) and (\S+), say\), Excel kept a code typed (\S+) in a cell "
     r"formatted as a number as (\S+): format the column as Text and type the codes again\. ",
     lambda m: f"S'il s'agit de deux {'lignes' if m[1] == 'lines' else 'indicateurs'} ({m[2]} et {m[3]}, par "
               f"exemple), Excel a gardé un code tapé {m[4]} dans une cellule au format nombre comme {m[5]} : mettez "
               "la colonne au format Texte et tapez à nouveau les codes. "),
    (r"(?<=\. )If it is one line, give it one row per country \(add the amounts\)\.$",
     "Si c'est une seule ligne, donnez-lui une ligne par pays (additionnez les montants)."),
    (r"^The budget has '([^']*)': a code typed (\S+) in a cell formatted as a number is kept as (\S+) by Excel\. "
     r"Format the budget's line column as Text and type the codes again, or write '([^']*)' here if it is that "
     r"line\. ",
     r"Le budget a '\1' : Excel garde comme \3 un code tapé \2 dans une cellule au format nombre. Mettez la colonne "
     r"des lignes du budget au format Texte et tapez à nouveau les codes, ou écrivez '\4' ici si c'est cette ligne. "),
    (r"^the rows of indicator (\S+) give it two labels: two indicators under one code\? Excel keeps a code typed "
     r"(\S+) in a cell formatted as a number as (\S+), and they are read as one indicator$",
     r"les lignes de l'indicateur \1 lui donnent deux libellés : deux indicateurs sous un même code ? Excel garde "
     r"comme \3 un code tapé \2 dans une cellule au format nombre, et ils sont lus comme un seul indicateur"),
    (r"^If they are two indicators, format the column as Text and type the codes again; if it is one, write one "
     r"label\.$",
     "S'il s'agit de deux indicateurs, mettez la colonne au format Texte et tapez à nouveau les codes ; si c'en est "
     "un seul, écrivez un seul libellé."),
    # the published figures that no annex checks (pipeline.check._checked_nowhere)
    (r"^figure '([^']*)' names no country, and the project has no project-wide annex \(`country: all`\): it is "
     r"checked in no annex$",
     r"le chiffre '\1' ne nomme aucun pays, et le projet n'a pas d'annexe du projet dans son ensemble "
     r"(`country: all`) : il n'est vérifié dans aucune annexe"),
    (r"^figure '([^']*)' names ('[^']*'), and the project has no project-wide annex \(`country: all`\): it is "
     r"checked in no annex$",
     r"le chiffre '\1' nomme \2, et le projet n'a pas d'annexe du projet dans son ensemble (`country: all`) : il "
     r"n'est vérifié dans aucune annexe"),
    (r"^figure '([^']*)' names the country '([^']*)', which has no annex: it is checked in no annex$",
     r"le chiffre '\1' nomme le pays '\2', qui n'a pas d'annexe : il n'est vérifié dans aucune annexe"),
    (r"^Add params/<project>/ensemble\.yaml with `country: all`, or give the figure its country\.$",
     "Ajoutez params/<projet>/ensemble.yaml avec `country: all`, ou donnez son pays au chiffre."),
    (r"^Add an annex for (.+) in params/, or write its country as an annex file does\.$",
     r"Ajoutez une annexe pour \1 dans params/, ou écrivez son pays comme un fichier d'annexe l'écrit."),
    (r" '([^']*)' and '([^']*)' name the same country \(a code, or a name in another language\): write '([^']*)', "
     r"as its annex file does\.$",   # (after « Vouliez-vous dire 'Maroc' ? », translated above)
     r" '\1' et '\2' désignent le même pays (un code, ou un nom dans une autre langue) : écrivez '\3', comme son "
     r"fichier d'annexe le fait."),
    # a published figure the annexes do not compute (pipeline.check.reported_figure_problems)
    (r"^figure '([^']*)': the workbook computes no '([^']*)' with the key '([^']*)'$",
     r"le chiffre '\1' : le classeur ne calcule aucun '\2' avec la clé '\3'"),
    (r"The figures and their keys are listed in data/README\.md; the annex will say 'not computable'\.$",
     "Les chiffres et leurs clés sont listés dans data/README.md ; l'annexe dira « non calculable »."),
    (r"^figure '([^']*)': the workbook computes no '([^']*)' with the key '([^']*)' \(there is no metric '[^']*' "
     r"\((?:did you mean '([^']*)'\?|(data/README\.md lists the figures))\)\)$",
     lambda m: f"le chiffre '{m[1]}' : le classeur ne calcule aucun '{m[2]}' avec la clé '{m[3]}' (il n'y a pas de "
               f"métrique '{m[2]}' " + (f"(vouliez-vous dire '{m[4]}' ?))" if m[4] else
                                         "(data/README.md liste les chiffres))")),
    (r"^Did you mean ('[^']*'(?: or '[^']*')+)\? ",
     lambda m: f"Vouliez-vous dire {m[1].replace(chr(39) + ' or ' + chr(39), chr(39) + ' ou ' + chr(39))} ? "),
    (r"^'([^']*)' is a period, not a day \(during it, or up to its end\?\): write the key '([^']*)' for the figure at "
     r"its end\. ",
     r"'\1' est une période, pas un jour (pendant celle-ci, ou jusqu'à sa fin ?) : écrivez la clé '\2' pour le "
     r"chiffre à sa fin. "),
    (r"^The annex calls « (.*) » the figure '([^']*)': write '([^']*)'\. ",
     r"L'annexe appelle « \1 » le chiffre '\2' : écrivez '\3'. "),
    # numbers as an evaluator types them (data.numbers, data.loader)
    (r"^not a number with this project's decimal mark '(.)' \('(.)' separates thousands and is followed by groups "
     r"of three digits\)$",
     r"pas un nombre avec le séparateur décimal du projet '\1' ('\2' sépare les milliers et est suivi de groupes de "
     r"trois chiffres)"),
    (r"^not a number with this project's decimal mark '(.)': '(.)' after 0 is a decimal mark \(a file written with "
     r"'.' for decimals\?\)$",
     r"pas un nombre avec le séparateur décimal du projet '\1' : '\2' après 0 est un séparateur décimal (un fichier "
     r"écrit avec '\2' pour les décimales ?)"),
    (r"^not a number with this project's decimal mark '\.': '\.' separates its thousands, as where the decimal mark "
     r"is ','$",
     "pas un nombre avec le séparateur décimal du projet '.' : '.' y sépare les milliers, comme là où le séparateur "
     "décimal est ','"),
    (r"^If the files write numbers as 1\.234,50, declare `decimal_mark: \",\"` in params/<project>/project\.yaml; "
     r"else write 1234567 or 1 234 567\.$",
     "Si les fichiers écrivent les nombres 1.234,50, déclarez `decimal_mark: \",\"` dans "
     "params/<projet>/project.yaml ; sinon, écrivez 1234567 ou 1 234 567."),
    (r"^not a number: write a negative amount as -1234, \(1234\) or 1234- \(one sign only\)$",
     "pas un nombre : écrivez un montant négatif -1234, (1234) ou 1234- (un seul signe)"),
    (r"^not a number: the parentheses hold no amount$", "pas un nombre : les parenthèses ne contiennent aucun montant"),
    (r"^not a number \(more than 1000 characters\)$", "pas un nombre (plus de 1000 caractères)"),
    (r"^a currency sign or code is not part of a number \('([^']*)'\)$",
     r"un symbole ou un code de devise ne fait pas partie d'un nombre ('\1')"),
    (r"^Remove the currency sign or code: the currency is written once, in project\.yaml \(`currency:`\)\. Write the "
     r"amount alone, with the decimal mark '(.)'\.$",
     r"Retirez le symbole ou le code de devise : la devise s'écrit une fois, dans project.yaml (`currency:`). "
     r"Écrivez le montant seul, avec le séparateur décimal '\1'."),
    (r"^a dash alone is not a number \(Excel's accounting format shows 0 as '-'\)$",
     "un tiret seul n'est pas un nombre (le format comptable d'Excel affiche 0 comme '-')"),
    (r"^Write 0 if it is zero, or leave the cell empty if it is not known \(in Excel, format the column as a number "
     r"before saving, and 0 is written 0\)\.$",
     "Écrivez 0 si c'est zéro, ou laissez la cellule vide si ce n'est pas connu (dans Excel, mettez la colonne au "
     "format nombre avant d'enregistrer : 0 s'écrit alors 0)."),
    (r"^a word for 'not known', not a number$", "un mot pour « pas connu », pas un nombre"),
    (r"^Leave the cell empty: an empty cell is 'not known', and the annex says n\.d\. where it counts\.$",
     "Laissez la cellule vide : une cellule vide veut dire « pas connu », et l'annexe écrit n.d. là où elle compte."),
    (r"^a number with a thousands or millions suffix \(12k, 1,2 M\) is not read$",
     "un nombre avec un suffixe de milliers ou de millions (12k, 1,2 M) n'est pas lu"),
    (r"^Write the number in units \(12000 for 12k, 1200000 for 1(.)2 M\)\.$",
     r"Écrivez le nombre en unités (12000 pour 12k, 1200000 pour 1\g<1>2 M)."),
    (r"^an apostrophe as a thousands separator \(1'234\.50, as a Swiss Excel writes it\) is not read$",
     "une apostrophe comme séparateur des milliers (1'234.50, comme l'écrit un Excel suisse) n'est pas lue"),
    (r"^Write the number without it: (\S+), or (1 \S+)\.$", r"Écrivez le nombre sans elle : \1, ou \2."),
    (r"^not a finite number \(too large, infinite or NaN\)$", "pas un nombre fini (trop grand, infini ou NaN)"),
    (r"^Write a finite number \(e\.g\. ([^)]*)\), or leave it empty\.$",
     r"Écrivez un nombre fini (par exemple \1), ou laissez la cellule vide."),
    # a number that reads two ways (data.loader._ambiguous)
    (r"^('.*') is read as (\S+(?: \d{3})*) with the project's decimal mark '(.)', but could mean (\S+(?: \d{3})*)$",
     r"\1 est lu \2 avec le séparateur décimal du projet '\3', mais pourrait vouloir dire \4"),
    (r"^Write it so that it cannot be misread: (\S+(?: \d{3})*) if you mean (\S+(?: \d{3})*), (\S+(?: \d{3})*) if "
     r"you mean (\S+(?: \d{3})*) \(no separator followed by exactly three digits\)\.$",
     r"Écrivez-le de façon à ne pas pouvoir le mal lire : \1 si vous voulez dire \2, \3 si vous voulez dire \4 "
     r"(aucun séparateur suivi d'exactement trois chiffres)."),
    # a row of a CSV split by a separator inside a value (data.readers)
    (r"^this row has (\d+) cells and the header (\d+): a separator inside a value that is not in quotes \((.*)\) "
     r"splits it, and shifts each cell after it into the next column( \(its last cells, past the header, are "
     r"empty\))?$",
     lambda m: f"cette ligne a {m[1]} cellules et l'en-tête {m[2]} : un séparateur dans une valeur sans guillemets "
               f"({_separator_example(m[3])}) la coupe, et décale chaque cellule suivante dans la colonne d'après"
               + (" (ses dernières cellules, au-delà de l'en-tête, sont vides)" if m[4] else "")),
    (r"^Put the value in quotes \((.*)\) or write it without the separator \((R1 \+ R6; )?Excel's 'Save As CSV' "
     r"quotes it\); (if the row only ends with a separator too many, delete it\.|if the row's last cells are a "
     r"column of their own, give that column a header\.)$",
     lambda m: f"Mettez la valeur entre guillemets ({'guillemets' if m[1] == 'quotes' else m[1]}) ou écrivez-la sans "
               f"le séparateur ({'R1 + R6 ; ' if m[2] else ''}l'« Enregistrer sous CSV » d'Excel met les guillemets) ; "
               + ("si la ligne finit seulement par un séparateur de trop, supprimez-le." if m[3].startswith("if the row "
                  "only") else "si les dernières cellules de la ligne sont une colonne à part, donnez un en-tête à "
                  "cette colonne.")),
    # a sex the register does not know (data.loader._sexes, data.register)
    (r"^the sex is not recognised$", "le sexe n'est pas reconnu"),
    (r"^Write f/femme/féminin/F/Mme or m/homme/masculin/H/M/M\., or leave empty when it is not known \(1 and 2 are "
     r"not read: which is which is the form's\)\.$",
     "Écrivez f/femme/féminin/F/Mme ou m/homme/masculin/H/M/M., ou laissez vide quand il n'est pas connu (1 et 2 ne "
     "sont pas lus : lequel est lequel dépend du formulaire)."),
    (r"^the sex of (\d+) of (\d+) participants of event '([^']*)' is not recorded$",
     r"le sexe de \1 participant(s) sur \2 de l'événement '\3' n'est pas enregistré"),
    (r"^They are left out of the women's share \(its denominator counts the participants whose sex is known\); fill "
     r"in the sex if known\.$",
     "Ils sont laissés hors de la part des femmes (son dénominateur compte les participants dont le sexe est "
     "connu) ; indiquez le sexe s'il est connu."),
    # the rules of data/spec.py an evaluator meets first
    (r"^this cell is empty but the column is required$", "cette cellule est vide mais la colonne est obligatoire"),
    (r"^Fill it in\.$", "Remplissez-la."),
    (r"^this identifier appears more than once$", "cet identifiant apparaît plus d'une fois"),
    (r"^Give each row its own identifier\.$", "Donnez à chaque ligne son propre identifiant."),
    (r"^this value is not allowed$", "cette valeur n'est pas permise"),
    (r"^Use one of: ([^.]*)\.(?: Also read: (.*)\.)?$",
     lambda m: f"Utilisez l'une de ces valeurs : {m[1]}." + (f" Également lus : {m[2]}." if m[2] else "")),
    (r"^this status is not one the workbook knows$", "ce statut n'est pas de ceux que le classeur connaît"),
    (r"^Use one of — (.*) — or add it to status_synonyms in (\S+)\.$",
     r"Utilisez l'un de ceux-ci — \1 — ou ajoutez-le à status_synonyms dans \2."),
    (r"^a negative amount \(a reversal\?\)$", "un montant négatif (une annulation ?)"),
    (r"^Fine if it cancels an earlier spending; check it otherwise\.$",
     "Rien à faire s'il annule une dépense antérieure ; sinon, vérifiez-le."),
    # a column whose header was deleted, two files of one table (data.readers, data.loader)
    (r"^column ([A-Z]+) holds values but its header is empty( \('[^']*', pandas' name for an empty header\))?: it "
     r"is not read$",
     lambda m: f"la colonne {m[1]} contient des valeurs mais son en-tête est vide"
               + (m[2].replace(", pandas' name for an empty header)", ", le nom que pandas donne à un en-tête vide)")
                  if m[2] else "") + " : elle n'est pas lue"),
    (r"^Write its header \(the name of the column it holds, e\.g\. 'country'\), or delete the column\.$",
     "Écrivez son en-tête (le nom de la colonne qu'elle contient, par exemple 'country'), ou supprimez la colonne."),
    (r"^both (\S+) \(saved ([0-9-]+ [0-9:]+)\) and (\S+) \(saved ([0-9-]+ [0-9:]+)\) exist; (\S+) is read$",
     r"\1 (enregistré le \2) et \3 (enregistré le \4) existent tous deux ; \5 est lu"),
    (r"^Keep one of the two files \(delete (\S+) if it is an older version\)\.$",
     r"Gardez un seul des deux fichiers (supprimez \1 si c'est une version plus ancienne)."),
    # an event after the reporting date, spending in another currency (data.as_of, data.spending)
    (r"^this event starts after the reporting date \(([^,]*), project\.yaml\): it is left out of the annex's "
     r"figures$",
     r"cet événement commence après la date de rapport (\1, project.yaml) : il est laissé hors des chiffres de "
     r"l'annexe"),
    (r"^Planned events have no participants yet: nothing to do\. If the data are more recent than the reporting "
     r"date, move `reporting_date` in project\.yaml\.$",
     "Les événements prévus n'ont pas encore de participants : rien à faire. Si les données sont plus récentes que "
     "la date de rapport, avancez `reporting_date` dans project.yaml."),
    (r"^this row's amount is in ([A-Z]{3}); the project's amounts are in ([A-Z]{3}) \(project\.yaml, `currency`\), "
     r"and would be added up with it$",
     r"le montant de cette ligne est en \1 ; les montants du projet sont en \2 (project.yaml, `currency`), et il y "
     r"serait additionné"),
    (r"^Convert the amount to ([A-Z]{3}) and write \1 here \(the workbook does not convert currencies\), or correct "
     r"the project's `currency`\.$",
     r"Convertissez le montant en \1 et écrivez \1 ici (le classeur ne convertit pas les devises), ou corrigez la "
     r"`currency` du projet."),
    # a header that says another figure, or no header (data.loader, data.headers)
    (r"^The column '([^']*)' holds another figure than '([^']*)' \(its header says so\): add a column '([^']*)' "
     r"(\(.*\)) as data/README\.md describes it\.$",
     r"La colonne '\1' contient un autre chiffre que '\2' (son en-tête le dit) : ajoutez une colonne '\3' \4 comme "
     r"data/README.md la décrit."),
    (r"^The column '([^']*)' holds a percentage \(its header says so\), and '([^']*)' is a number of persons: add a "
     r"column '([^']*)' (\(.*\)) with the numbers\.$",
     r"La colonne '\1' contient un pourcentage (son en-tête le dit), et '\2' est un nombre de personnes : ajoutez "
     r"une colonne '\3' \4 avec les nombres."),
    (r"^The file has one column per period \(([^)]*)\): write one row per line and period instead, the period in "
     r"'([^']*)' and its value in its own column\. ",
     r"Le fichier a une colonne par période (\1) : écrivez plutôt une ligne par ligne budgétaire et période, la "
     r"période dans '\2' et sa valeur dans sa propre colonne. "),
    (r"^the column '([^']*)' is not read: the figures read '([^']*)' from a column of that name \(or of its other "
     r"names\), and the file has none, so they are computed without it$",
     r"la colonne '\1' n'est pas lue : les chiffres lisent '\2' dans une colonne de ce nom (ou de ses autres noms), "
     r"et le fichier n'en a pas : ils sont donc calculés sans elle"),
    (r"^If '([^']*)' holds each row's (\w+), name it '([^']*)'; if the file has one such column per period, write "
     r"one row per period instead \(data/README\.md\)\.$",
     r"Si '\1' contient la valeur '\3' de chaque ligne, nommez-la '\3' ; si le fichier a une telle colonne par "
     r"période, écrivez plutôt une ligne par période (data/README.md)."),
    (r"^the column '([^']*)' is not part of the table and is ignored$",
     r"la colonne '\1' ne fait pas partie de la table et est ignorée"),
    (r"(?:^|(?<=\? ))Rename the header if so\.$", "Renommez l'en-tête si c'est le cas."),
    (r"^the column '([^']*)' appears twice; the first one is used$",
     r"la colonne '\1' apparaît deux fois ; la première est utilisée"),
    (r"^Delete or rename one of them\.$", "Supprimez ou renommez l'une des deux."),
    (r"^the columns ('[^']*'(?:, '[^']*')*) are both '([^']*)': the workbook reads none of them, which one the figures "
     r"use is yours to say$",
     r"les colonnes \1 sont toutes deux '\2' : le classeur n'en lit aucune, c'est à vous de dire laquelle les "
     r"chiffres utilisent"),
    (r"^Name the column to use '([^']*)' \(the others are then ignored, with a warning\)\.$",
     r"Nommez '\1' la colonne à utiliser (les autres sont alors ignorées, avec un avertissement)."),
    (r"^the columns '([^']*)' and '([^']*)' are both '([^']*)' and differ: '([^']*)' and '([^']*)' on this row$",
     r"les colonnes '\1' et '\2' sont toutes deux '\3' et diffèrent : '\4' et '\5' sur cette ligne"),
    (r"^Keep the column that holds the amount to use and delete the other \(or rename it, e\.g\. '([^']*)'\)\.$",
     r"Gardez la colonne qui contient le montant à utiliser et supprimez l'autre (ou renommez-la, par exemple '\1')."),
    (r"^the header says its figures are cumulative \(([^)]*)\): the workbook adds the rows up, so each total since "
     r"the start would be counted again with the earlier ones$",
     r"l'en-tête dit que ses chiffres sont cumulés (\1) : le classeur additionne les lignes, chaque total depuis le "
     r"début serait donc compté à nouveau avec les précédents"),
    (r"^Write each row's own amount \(for a period, its total minus the previous one\) under the header "
     r"'([^']*)'\.$",
     r"Écrivez le montant propre à chaque ligne (pour une période, son total moins le précédent) sous l'en-tête "
     r"'\1'."),
    (r"^the header gives its amounts in thousands or millions \(([^)]*)\): the workbook reads amounts in ([A-Z]+), "
     r"and would show them 1 000 or 1 000 000 times too small$",
     r"l'en-tête donne ses montants en milliers ou en millions (\1) : le classeur lit les montants en \2, et les "
     r"montrerait 1 000 ou 1 000 000 de fois trop petits"),
    (r"^Write the amounts in ([A-Z]+) \(12 500 for 12,5 k\) and the header '([^']*)'\.$",
     r"Écrivez les montants en \1 (12 500 pour 12,5 k) et l'en-tête '\2'."),
    (r"^columns ([A-Z, ]+), right of '([^']*)', hold values without a header: a header merged over several columns "
     r"in Excel \(years and a total\?\), of which only '([^']*)' is read$",
     r"les colonnes \1, à droite de '\2', contiennent des valeurs sans en-tête : un en-tête fusionné sur plusieurs "
     r"colonnes dans Excel (des années et un total ?), dont seule '\3' est lue"),
    (r"^Give each column its own header \(the one to read named '([^']*)', e\.g\. the total; the others another "
     r"name, or delete them\)\.$",
     r"Donnez à chaque colonne son propre en-tête (celle à lire nommée '\1', par exemple le total ; les autres d'un "
     r"autre nom, ou supprimez-les)."),
    (r"^the header '([^']*)' is merged over columns ([A-Z]+) to ([A-Z]+) \(([^)]*)\), and ([A-Z, ]+) hold values: "
     r"the workbook would read column ([A-Z]+) only$",
     r"l'en-tête '\1' est fusionné sur les colonnes \2 à \3 (\4), et \5 contiennent des valeurs : le classeur ne "
     r"lirait que la colonne \6"),
    (r"^Unmerge the header and give each column its own \(the one to read named '([^']*)', e\.g\. the total; the "
     r"others another name, or delete them\); a second header row \(years\) goes too\.$",
     r"Défusionnez l'en-tête et donnez à chaque colonne le sien (celle à lire nommée '\1', par exemple le total ; "
     r"les autres d'un autre nom, ou supprimez-les) ; une deuxième ligne d'en-tête (les années) disparaît aussi."),
    # subtotal rows (data.totals)
    (r"^this amount is the sum of its sub-lines \(([^)]*)\): a subtotal row\?$",
     r"ce montant est la somme de ses sous-lignes (\1) : une ligne de sous-total ?"),
    (r"^Keep one level of lines: delete this subtotal row \(the workbook adds the sub-lines up itself\), or the "
     r"sub-lines\.$",
     "Gardez un seul niveau de lignes : supprimez cette ligne de sous-total (le classeur additionne lui-même les "
     "sous-lignes), ou les sous-lignes."),
    (r"^this amount is the sum of the rows right (below|above) it \(rows (\d+) to (\d+)\): a subtotal row \(a "
     r"result's row over its activities\)\?$",
     lambda m: f"ce montant est la somme des lignes juste {'en dessous' if m[1] == 'below' else 'au-dessus'} (lignes "
               f"{m[2]} à {m[3]}) : une ligne de sous-total (la ligne d'un résultat au-dessus de ses activités) ?"),
    (r"^Keep one level of lines: delete this subtotal row \(the workbook adds the rows up itself\), or the rows it "
     r"sums\.( If it really is one line, check the amounts of the others\.)?$",
     lambda m: "Gardez un seul niveau de lignes : supprimez cette ligne de sous-total (le classeur additionne "
               "lui-même les lignes), ou les lignes qu'elle totalise."
               + (" Si c'est vraiment une ligne, vérifiez les montants des autres." if m[1] else "")),
    # what a spreadsheet hides, strikes, merges or garbles (data.readers)
    (r"^column ([A-Z]+) '([^']*)' of the table is hidden in the sheet '([^']*)', and read like the others$",
     r"la colonne \1 '\2' de la table est masquée dans la feuille '\3', et lue comme les autres"),
    (r"^Unhide the column to check what it holds; if it is an old version of a figure kept out of sight, delete it "
     r"\(or rename its header\), so that the visible one is read\.$",
     "Affichez la colonne pour vérifier ce qu'elle contient ; si c'est une ancienne version d'un chiffre gardée hors "
     "de vue, supprimez-la (ou renommez son en-tête), pour que la colonne visible soit lue."),
    (r"^(row (\d+) of the table is|(\d+) rows of the table \(([\d, ]+)(?: and (\d+) more)?\) are) hidden or filtered "
     r"out in the sheet '([^']*)', and read like the others$",
     lambda m: _rows_of_the_table(m) + f" masquée{'s' if m[3] else ''} ou filtrée{'s' if m[3] else ''} dans la "
               f"feuille '{m[6]}', et lue{'s' if m[3] else ''} comme les autres"),
    (r"^Delete the rows that are not part of the table \(a hidden total, an old line\); unhide the others to check "
     r"them\.$",
     "Supprimez les lignes qui ne font pas partie de la table (un total masqué, une ancienne ligne) ; affichez les "
     "autres pour les vérifier."),
    (r"^(row (\d+) of the table is|(\d+) rows of the table \(([\d, ]+)(?: and (\d+) more)?\) are) struck through "
     r"in the sheet '([^']*)', and read like the others: its figures count$",
     lambda m: _rows_of_the_table(m) + f" barrée{'s' if m[3] else ''} dans la feuille '{m[6]}', et lue"
               f"{'s' if m[3] else ''} comme les autres : {'leurs' if m[3] else 'ses'} chiffres comptent"),
    (r"^Delete the rows that are crossed out because they no longer apply \(a dropped line, an old figure\); remove "
     r"the strikethrough from those that do\.$",
     "Supprimez les lignes barrées parce qu'elles ne s'appliquent plus (une ligne abandonnée, un ancien chiffre) ; "
     "retirez le barré de celles qui s'appliquent."),
    (r"^the cells (\S+) are merged: the number (\S+) is shown once for rows (\d+) to (\d+), and whether it is each "
     r"row's or theirs together cannot be known$",
     r"les cellules \1 sont fusionnées : le nombre \2 est affiché une fois pour les lignes \3 à \4, et on ne peut pas "
     r"savoir s'il est celui de chaque ligne ou celui de toutes ensemble"),
    (r"^Unmerge the cells and write each row's own number \(0 where there is none\)\.$",
     "Défusionnez les cellules et écrivez le nombre propre à chaque ligne (0 là où il n'y en a pas)."),
    (r"^the file cannot be read as \.xlsx \((.*)\)$", r"le fichier ne peut pas être lu comme un .xlsx (\1)"),
    (r"^the file is saved as 'Strict Open XML Spreadsheet', which cannot be read$",
     "le fichier est enregistré en 'Feuille de calcul Strict Open XML', qui ne peut pas être lue"),
    (r"^Open it in Excel and save it again as 'Excel Workbook \(\.xlsx\)'\.$",
     "Ouvrez-le dans Excel et enregistrez-le à nouveau en 'Classeur Excel (.xlsx)'."),
    (r"^the sheet '([^']*)' is read, as it is named like the table; the sheet '([^']*)' also holds the table's "
     r"columns and is not read$",
     r"la feuille '\1' est lue, car elle porte le nom de la table ; la feuille '\2' contient aussi les colonnes de la "
     r"table et n'est pas lue"),
    (r"^If another sheet holds the current table, name it '([^']*)' \(and rename the old one\); delete an old "
     r"version, or hide it\.$",
     r"Si une autre feuille contient la table à jour, nommez-la '\1' (et renommez l'ancienne) ; supprimez une "
     r"ancienne version, ou masquez-la."),
    (r"^this text's accents are garbled \('Ã©' where 'é' was written\): the file was opened as Windows text \(a CSV "
     r"UTF-8 without its BOM opened in Excel, or in LibreOffice with another character set\) and saved again, and "
     r"the annex would show it so$",
     "les accents de ce texte sont abîmés ('Ã©' là où 'é' était écrit) : le fichier a été ouvert comme texte "
     "Windows (un CSV UTF-8 sans son BOM ouvert dans Excel, ou dans LibreOffice avec un autre jeu de caractères) "
     "puis enregistré à nouveau, et l'annexe le montrerait ainsi"),
    (r"^Take the table from the file as it was before \(or retype its accents\); in Excel, open a CSV UTF-8 with "
     r"Data > From Text/CSV, origin 65001 : Unicode \(UTF-8\); in LibreOffice Calc, choose the character set Unicode "
     r"\(UTF-8\) in the text import dialog\.$",
     "Reprenez la table du fichier tel qu'il était avant (ou retapez ses accents) ; dans Excel, ouvrez un CSV UTF-8 "
     "par Données > À partir d'un fichier texte/CSV, origine 65001 : Unicode (UTF-8) ; dans LibreOffice Calc, "
     "choisissez le jeu de caractères Unicode (UTF-8) dans la fenêtre d'import de texte."),
    (r"^this row holds a sentence in one cell and nothing else: a note below the table\?$",
     "cette ligne contient une phrase dans une cellule et rien d'autre : une note sous la table ?"),
    (r"^Delete the row \(keep notes in another sheet, or in the folder's README\.md\); if it is a row of the table, "
     r"fill in its other cells\.$",
     "Supprimez la ligne (gardez les notes dans une autre feuille, ou dans le README.md du dossier) ; si c'est une "
     "ligne de la table, remplissez ses autres cellules."),
    (r"^this row repeats the header, under the title '([^']*)': a second table below the first, or the header of "
     r"each printed page\?$",
     r"cette ligne répète l'en-tête, sous le titre '\1' : une deuxième table sous la première, ou l'en-tête de "
     r"chaque page imprimée ?"),
    (r"^Delete the repeated header and its title; if the rows below are another table \(another year, another "
     r"country\), keep them in this one, each row saying its period or country\.$",
     "Supprimez l'en-tête répété et son titre ; si les lignes en dessous sont une autre table (une autre année, un "
     "autre pays), gardez-les dans celle-ci, chaque ligne disant sa période ou son pays."),
    # amounts and dates an evaluator checks (data.loader, data.spending, data.as_of)
    (r"^the spending recorded on line (\S+) \((\S+)\) is (\S+) times its budget: are both in the same unit \(a "
     r"budget in thousands\?\)$",
     r"les dépenses enregistrées sur la ligne \1 (\2) font \3 fois son budget : les deux sont-ils dans la même unité "
     r"(un budget en milliers ?)"),
    (r"^Write the budget and the spending in the same unit, the project's currency \(not in thousands\), and check "
     r"that the spending rows name the right line\.$",
     "Écrivez le budget et les dépenses dans la même unité, la devise du projet (pas en milliers), et vérifiez que "
     "les lignes de dépenses nomment la bonne ligne budgétaire."),
    (r"^this spending is dated ([0-9-]+), before the project's start \(([0-9-]+), project\.yaml\): it is counted$",
     r"cette dépense est datée du \1, avant le début du projet (\2, project.yaml) : elle est comptée"),
    (r"^Correct the date if it is a typo \((\d+) for (\d+)\); if the spending is eligible before the start, nothing "
     r"needs doing\.$",
     r"Corrigez la date si c'est une faute de frappe (\1 pour \2) ; si la dépense est éligible avant le début, rien "
     r"à faire."),
    (r"^this actual is of a period that starts after the reporting date \(([0-9-]+), project\.yaml\): it is not "
     r"counted$",
     r"cette valeur réalisée est d'une période qui commence après la date de rapport (\1, project.yaml) : elle n'est "
     r"pas comptée"),
    (r"^If the period is mistyped \((\d+) for (\d+)\), correct it; if it is a forecast, leave `actual` empty until "
     r"it is measured; if the data are more recent, move `reporting_date` in project\.yaml\.$",
     r"Si la période est mal tapée (\1 pour \2), corrigez-la ; si c'est une prévision, laissez `actual` vide jusqu'à "
     r"ce qu'elle soit mesurée ; si les données sont plus récentes, avancez `reporting_date` dans project.yaml."),
    (r"^there is no budget table to find this line in$", "il n'y a pas de table du budget où trouver cette ligne"),
    (r"^the budget line '([^']*)' is not in the budget table$",
     r"la ligne budgétaire '\1' n'est pas dans la table du budget"),
    (r"^Name lines of the budget table, separated by ';' \(e\.g\. R1; R6\), or leave the cell empty\.$",
     "Nommez des lignes de la table du budget, séparées par des ';' (par exemple R1; R6), ou laissez la cellule "
     "vide."),
    (r"^this indicator code '([^']*)' is '([^']*)' of row (\d+) written otherwise: they are read as two indicators$",
     r"ce code d'indicateur '\1' est '\2' de la ligne \3 écrit autrement : ils sont lus comme deux indicateurs"),
    (r"^Write the code one way in every row \('([^']*)'\)\.$",
     r"Écrivez le code d'une seule façon sur chaque ligne ('\1')."),
    (r"^this target is written with a plus sign \('([^']*)'\): it is read as the level (\S+), not as \2 more than "
     r"the baseline \((\S+)\)$",
     r"cette cible est écrite avec un signe plus ('\1') : elle est lue comme le niveau \2, pas comme \2 de plus que "
     r"la référence (\3)"),
    (r"^If the target is a change, write the level to reach \(the baseline plus the change\); if it is the level, "
     r"write it without the sign\.$",
     "Si la cible est une variation, écrivez le niveau à atteindre (la référence plus la variation) ; si c'est le "
     "niveau, écrivez-le sans le signe."),
    (r"^every progress of the table is between 0 and 1 \(([^)]*)\): fractions of 1, where the column holds "
     r"percentages\? (\S+) is read as \2 %$",
     r"chaque avancement de la table est compris entre 0 et 1 (\1) : des fractions de 1, là où la colonne contient "
     r"des pourcentages ? \2 est lu \2 %"),
    (r"^Write progress as a percentage from 0 to 100 \(50 for half done\)\.$",
     "Écrivez l'avancement en pourcentage de 0 à 100 (50 pour une activité à moitié réalisée)."),
    (r"^this progress is between 0 and 1, where the table's others are percentages \(up to 100\): a fraction of 1\? "
     r"(\S+) is read as \1 %$",
     r"cet avancement est compris entre 0 et 1, là où les autres de la table sont des pourcentages (jusqu'à 100) : "
     r"une fraction de 1 ? \1 est lu \1 %"),
    (r"^Write it as a percentage from 0 to 100 \((\S+) if it is \1 %\)\.$",
     r"Écrivez-le en pourcentage de 0 à 100 (\1 si c'est \1 %)."),
    # a sex left empty beside the other's count (data.loader._sexes_left_empty)
    (r"^'(women|men)' is empty and the (\S+) participants are all (men|women): read as 0 \1$",
     lambda m: f"'{m[1]}' est vide et les {m[2]} participants sont tous des "
               f"{'hommes' if m[3] == 'men' else 'femmes'} : lu comme 0 {'femme' if m[1] == 'women' else 'homme'}"),
    (r"^Write 0 where no one of that sex took part: an empty cell means « not recorded », and leaves the event out "
     r"of the women's share and the parity index\.$",
     "Écrivez 0 là où personne de ce sexe n'a participé : une cellule vide veut dire « pas enregistré », et laisse "
     "l'événement hors de la part des femmes et de l'indice de parité."),
    (r"^'women' is empty while (\S+) of the (\S+) participants are counted as men: the event is left out of the "
     r"women's share, its \2 participants counted as of unknown sex$",
     r"'women' est vide alors que \1 des \2 participants sont comptés comme hommes : l'événement est laissé hors de "
     r"la part des femmes, ses \2 participants comptés comme de sexe inconnu"),
    (r"^If the (\S+) others are women, write \1 in 'women'; if the women were not counted, leave it empty\.$",
     r"Si les \1 autres sont des femmes, écrivez \1 dans 'women' ; si les femmes n'ont pas été comptées, laissez la "
     r"cellule vide."),
    # a register's names (data.register)
    (r"^this name is written as « not known »: persons are told apart by their names and identifiers, and the rows "
     r"so written would be counted as one person$",
     "ce nom est écrit comme « pas connu » : les personnes sont distinguées par leurs noms et identifiants, et les "
     "lignes ainsi écrites seraient comptées comme une seule personne"),
    (r"^Write the person's name; leave the cell empty if it is not known \(the row is counted among the "
     r"participations, and the annex says it has no name\)\.$",
     "Écrivez le nom de la personne ; laissez la cellule vide s'il n'est pas connu (la ligne est comptée parmi les "
     "participations, et l'annexe dit qu'elle n'a pas de nom)."),
    (r"^(\d+) person\(s\) of event '([^']*)' are on several of its rows \('(.*)' again on row (\d+); (\d+) repeated "
     r"rows\): each is counted once$",
     r"\1 personne(s) de l'événement '\2' figurent sur plusieurs de ses lignes ('\3' à nouveau à la ligne \4 ; \5 "
     r"ligne(s) répétée(s)) : chacune est comptée une fois"),
    (r"^A list per day of one training gives a person's name once a day: nothing to do\. If two different persons "
     r"share a name, tell them apart \(a surname, or an identifier in a column `person_id`, e\.g\. `id participant`, "
     r"`matricule`, `email`\)\.$",
     "Une liste par jour d'une même formation donne le nom d'une personne une fois par jour : rien à faire. Si deux "
     "personnes différentes ont le même nom, distinguez-les (un nom de famille, ou un identifiant dans une colonne "
     "`person_id`, par exemple `id participant`, `matricule`, `email`)."),
    # an annex file's country (data.loader._annex_countries): the hint's first sentence, before « Pays des données »
    (r"^An annex covers one country, or the whole project \(`country: all`, which compares the countries\): write one "
     r"country here, and one annex file per country\. (?=Pays des données : )",
     "Une annexe couvre un pays, ou le projet dans son ensemble (`country: all`, qui compare les pays) : écrivez un "
     "seul pays ici, et un fichier d'annexe par pays. "),
    (r"^'([^']*)' is the project as a whole: its rows are shown in the annex with `country: all` \(with every "
     r"country's\), which compares the countries; write `country: all`\. ",
     r"'\1' est le projet dans son ensemble : ses lignes sont montrées dans l'annexe `country: all` (avec celles de "
     r"chaque pays), qui compare les pays ; écrivez `country: all`. "),
    (r"^there is no annex file: no annex of this project will be built$",
     "il n'y a aucun fichier d'annexe : aucune annexe de ce projet ne sera construite"),
    (r"^Add (\S+)/ensemble\.yaml with the lines `country: all` and `name: Ensemble du projet` \(the annex of the "
     r"whole project\), and one file per country annex \(`country: <as the data writes it>`, `name:`\)\.$",
     r"Ajoutez \1/ensemble.yaml avec les lignes `country: all` et `name: Ensemble du projet` (l'annexe du projet "
     r"dans son ensemble), et un fichier par annexe de pays (`country: <comme les données l'écrivent>`, `name:`)."),
    # rows and cells a spreadsheet left behind (data.loader, data.readers, data.register)
    (r"^this row holds '(.*)' alone, without an amount: a title above the rows of a country or a result, read as one "
     r"more row$",
     r"cette ligne contient '\1' seul, sans montant : un titre au-dessus des lignes d'un pays ou d'un résultat, lu "
     r"comme une ligne de plus"),
    (r"^Delete the row: each row gives its own country in 'country' \(and its result in its code or label\); the "
     r"annex groups the rows itself\.$",
     "Supprimez la ligne : chaque ligne donne son propre pays dans 'country' (et son résultat dans son code ou son "
     "libellé) ; l'annexe regroupe elle-même les lignes."),
    (r"^this country is written as « not known » \('(.*)'\): it would be read as a country of that name( \(Namibia's "
     r"code\))?, counted in no country annex and as a country of its own in the project's$",
     lambda m: f"ce pays est écrit comme « pas connu » ('{m[1]}') : il serait lu comme un pays de ce nom"
               + (" (le code de la Namibie)" if m[2] else "") + ", compté dans aucune annexe de pays et comme un pays "
               "à part dans celle du projet"),
    (r"^Write the row's country; leave the cell empty \(or write `regional`\) if the row belongs to the project as a "
     r"whole(, and write 'Namibie' if you mean Namibia)?\.$",
     lambda m: "Écrivez le pays de la ligne ; laissez la cellule vide (ou écrivez `regional`) si la ligne est celle du "
               "projet dans son ensemble" + (", et écrivez 'Namibie' si vous voulez dire la Namibie" if m[1] else "")
               + "."),
    (r"^this text holds a control character \((.*)\), which a spreadsheet cannot store and a terminal would act on$",
     r"ce texte contient un caractère de contrôle (\1), qu'un tableur ne peut pas stocker et auquel un terminal "
     r"réagirait"),
    (r"^this text holds a control character \((.*)\), a direction override: the text after it would be shown "
     r"backwards in the annex, its figures too \(98,184 read 481,89\)$",
     r"ce texte contient un caractère de contrôle (\1), une inversion du sens d'écriture : le texte qui le suit "
     r"serait affiché à l'envers dans l'annexe, ses chiffres aussi (98,184 lu 481,89)"),
    (r"^this text opens a direction (isolate|embedding) \((.*)\) and does not close it: the text after it in its "
     r"paragraph would be shown in another order in the annex, its figures too \(« : 12 réalisées sur 40, soit "
     r"30,0 % » read « % réalisées sur 40, soit 30,0 12 : »\)$",
     lambda m: f"ce texte ouvre {'un isolement' if m[1] == 'isolate' else 'un enchâssement'} du sens d'écriture "
               f"({m[2]}) sans le fermer : le texte qui le suit dans son paragraphe serait affiché dans un autre "
               "ordre dans l'annexe, ses chiffres aussi (« : 12 réalisées sur 40, soit 30,0 % » lu « % réalisées sur "
               "40, soit 30,0 12 : »)"),
    (r"^this is a link to (.*), outside (.*)/: the workbook reads only files inside the project's folders$",
     r"c'est un lien vers \1, hors de \2/ : le classeur ne lit que les fichiers des dossiers du projet"),
    (r"^Copy the (file|folder) into (.*)/ instead of linking to it\.$",
     lambda m: f"Copiez {'le fichier' if m[1] == 'file' else 'le dossier'} dans {m[2]}/ au lieu d'y faire un lien."),
    (r"^Delete the invisible control character \(copied from another program, e\.g\. a terminal or a PDF\); retype "
     r"the text if unsure\.$",
     "Supprimez le caractère de contrôle invisible (copié d'un autre programme, par exemple un terminal ou un PDF) ; "
     "retapez le texte en cas de doute."),
    (r"^the header is one cell, '(.*)': the columns are separated by (tab|'.'), and the workbook separates them by "
     r"',', ';' or a tab$",
     lambda m: f"l'en-tête est une seule cellule, '{m[1]}' : les colonnes sont séparées par "
               f"{'une tabulation' if m[2] == 'tab' else m[2]}, et le classeur les sépare par ',', ';' ou une "
               "tabulation"),
    (r"^the header is one cell, '(.*)': every line of the file is in quotes, so each reads as one cell$",
     r"l'en-tête est une seule cellule, '\1' : chaque ligne du fichier est entre guillemets, et se lit donc comme une "
     r"seule cellule"),
    (r"^Save the file again from Excel as « CSV UTF-8 \(délimité par des virgules\) », or (?:replace (tab|'.') by "
     r"',' in a text editor|(take the quotes off each line))\.$",
     lambda m: "Enregistrez à nouveau le fichier depuis Excel en « CSV UTF-8 (délimité par des virgules) », ou "
               + ("retirez les guillemets de chaque ligne." if m[2] else
                  f"remplacez {'les tabulations' if m[1] == 'tab' else m[1]} par ',' dans un éditeur de texte.")),
    (r"^this name holds '\?': letters the file's encoding could not hold \(Arabic names saved by Excel as 'CSV "
     r"\(séparateur: point-virgule\)' are '\?\?\?\? \?\?\?'\), or a name not known; persons are told apart by their "
     r"names, and two names so written would be counted as one person$",
     "ce nom contient '?' : des lettres que l'encodage du fichier ne pouvait pas contenir (des noms arabes "
     "enregistrés par Excel en 'CSV (séparateur: point-virgule)' deviennent '???? ???'), ou un nom pas connu ; les "
     "personnes sont distinguées par leurs noms, et deux noms ainsi écrits seraient comptés comme une seule personne"),
    (r"^Save the register as 'CSV UTF-8' \(or \.xlsx\) from the file where the names are written; leave a name not "
     r"known empty\.$",
     "Enregistrez la liste en 'CSV UTF-8' (ou en .xlsx) depuis le fichier où les noms sont écrits ; laissez vide un "
     "nom pas connu."),
    (r"^'([^']*)' differs between rows of event '([^']*)'$",
     r"'\1' diffère entre les lignes de l'événement '\2'"),
    (r"^Give every row of an event the same (\w+)\.$",
     r"Donnez la même valeur '\1' à chaque ligne d'un événement."),
    (r"^'(.*)' is (\w+) at event '([^']*)' \(this row\) and (\w+) at event '([^']*)' \(row (\d+)\): each event counts "
     r"the sex its row gives, and the persons counted once count this person of unknown sex$",
     r"'\1' est \2 à l'événement '\3' (cette ligne) et \4 à l'événement '\5' (ligne \6) : chaque événement compte le "
     r"sexe que sa ligne donne, et les personnes comptées une fois comptent cette personne de sexe inconnu"),
    (r"^Correct the sex on the row that is wrong; if they are two persons of one name, tell them apart \(a surname, "
     r"or an identifier in a column `person_id`, e\.g\. `id participant`, `matricule`\)\.$",
     "Corrigez le sexe sur la ligne qui est fausse ; si ce sont deux personnes du même nom, distinguez-les (un nom de "
     "famille, ou un identifiant dans une colonne `person_id`, par exemple `id participant`, `matricule`)."),
    (r"^'(.*)' is on rows ([\d, ]+) of event '([^']*)' with different sexes$",
     r"'\1' figure sur les lignes \2 de l'événement '\3' avec des sexes différents"),
    (r"^Correct the sex on the row that is wrong\.$", "Corrigez le sexe sur la ligne qui est fausse."),
    (r"^Outcomes are numbers, with the decimal mark '(.)'\.$",
     r"Les résultats sont des nombres, avec le séparateur décimal '\1'."),
    (r"^Leave the cell empty \(not known\), or write oui or non\.$",
     "Laissez la cellule vide (pas connu), ou écrivez oui ou non."),
    # a study's rows (data.loader: impact studies)
    (r"^'([^']*)': (\d+) of (\d+) treated and (\d+) of (\d+) comparison rows have no value \((\S+) % and (\S+) %\): "
     r"the effect compares the means of the rows with a value: if those lost differ \(the unemployed not found\), it "
     r"compares different persons$",
     r"'\1' : \2 lignes traitées sur \3 et \4 lignes de comparaison sur \5 n'ont pas de valeur (\6 % et \7 %) : "
     r"l'effet compare les moyennes des lignes qui ont une valeur : si celles perdues diffèrent (les chômeurs non "
     r"retrouvés), il compare des personnes différentes"),
    (r"^Find their follow-up values if you can; else report the attrition per arm beside the effect \(the annex gives "
     r"it\)\.$",
     "Retrouvez leurs valeurs de suivi si vous le pouvez ; sinon, indiquez l'attrition par groupe à côté de l'effet "
     "(l'annexe la donne)."),
    (r"^(\d+) row\(s\) are of the round\(s\) (.+), after the post round (\S+): every round but the post one is counted "
     r"as before the programme$",
     r"\1 ligne(s) sont du ou des passages \2, après le passage post \3 : chaque passage sauf le passage post est "
     r"compté comme avant le programme"),
    (r"^Compare two rounds: leave the later rounds' rows out of (\S+), or set `post:` in (\S+) to the round after the "
     r"programme you mean \(one study per follow-up round\)\.$",
     r"Comparez deux passages : laissez les lignes des passages ultérieurs hors de \1, ou donnez à `post:` dans \2 "
     r"le passage après le programme que vous voulez dire (une étude par passage de suivi)."),
    (r"^both (\S+) and (\S+) exist; (\S+) is read$", r"\1 et \2 existent tous deux ; \3 est lu"),
    (r"^this cell holds the date ([0-9-]+), beside dates of the column typed as text day first, which Excel did not "
     r"take as dates \(row (\d+): '([^']*)'\): the table was opened in an Excel whose dates are month first, which "
     r"reads (\S+) as ([0-9-]+); it may be ([0-9-]+)$",
     r"cette cellule contient la date \1, à côté de dates de la colonne tapées comme texte le jour d'abord, qu'Excel "
     r"n'a pas prises pour des dates (ligne \2 : '\3') : la table a été ouverte dans un Excel dont les dates sont le "
     r"mois d'abord, qui lit \4 comme \5 ; ce peut être \6"),
    (r"^Write the column's dates year first \(([0-9-]+) if day and month are swapped\), or open the CSV in an Excel "
     r"with French \(day-first\) regional settings\.$",
     r"Écrivez les dates de la colonne l'année d'abord (\1 si le jour et le mois sont inversés), ou ouvrez le CSV "
     r"dans un Excel aux paramètres régionaux français (le jour d'abord)."),
    (r"^this cell holds the formula (.+), and the file was written by a program that left the formulas to be computed "
     r"when the file is opened \(the workbook asks Excel to compute them again\): the result it stores was never "
     r"computed$",
     r"cette cellule contient la formule \1, et le fichier a été écrit par un programme qui a laissé les formules à "
     r"calculer à l'ouverture du fichier (le classeur demande à Excel de les recalculer) : le résultat qu'il stocke "
     r"n'a jamais été calculé"),
    (r"^Open the file in Excel or LibreOffice and save it \(the computed values are then stored\), or have the "
     r"program write the values instead of formulas\.$",
     "Ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le (les valeurs calculées sont alors stockées), ou "
     "faites écrire au programme les valeurs au lieu des formules."),
    (r"^Correct the formula in Excel so that it gives the value \(or type the value in its place\), then save the "
     r"file\.$",
     "Corrigez la formule dans Excel pour qu'elle donne la valeur (ou tapez la valeur à sa place), puis enregistrez "
     "le fichier."),
    # yes/no cells, events entered twice, units rows, merged cells (data.numbers, data.spec, data.headers, data.loader)
    (r"^not a yes/no value: write true/false, oui/non, 1/0 or leave empty$",
     "pas une valeur oui/non : écrivez true/false, oui/non, 1/0 ou laissez vide"),
    (r"^Write true/false, oui/non or 1/0 \(empty means false\)\.$",
     "Écrivez true/false, oui/non ou 1/0 (vide veut dire non)."),
    (r"^this event repeats the event of row (\d+) in every column but its identifier \(label, dates, country, "
     r"counts\): one event entered twice\? Both are counted$",
     r"cet événement répète celui de la ligne \1 dans chaque colonne sauf son identifiant (libellé, dates, pays, "
     r"effectifs) : un même événement saisi deux fois ? Les deux sont comptés"),
    (r"^If it is the same event, delete one row; if not, tell them apart \(their label or dates\)\.$",
     "Si c'est le même événement, supprimez une ligne ; sinon, distinguez-les (leur libellé ou leurs dates)."),
    (r"^row (\d+), under the header, gives the columns' units \((.*)\): it is a units row, not a row of the table, "
     r"and is not read$",
     lambda m: f"la ligne {m[1]}, sous l'en-tête, donne les unités des colonnes ("
               + re.sub(r" under '", " sous '", m[2]) + ") : c'est une ligne d'unités, pas une ligne de la table, et "
               "elle n'est pas lue"),
    (r"^Nothing to do if the units are right; delete the row to silence this warning \(a unit may go in the header: "
     r"'(.*)'\)\.$",
     r"Rien à faire si les unités sont justes ; supprimez la ligne pour faire taire cet avertissement (une unité peut "
     r"aller dans l'en-tête : '\1')."),
    (r"^the title above the table gives its amounts in ([A-Z]+), and the project's currency is ([A-Z]+) \(params, "
     r"project\.yaml\): they would be added up as \2$",
     r"le titre au-dessus de la table donne ses montants en \1, et la devise du projet est \2 (params, "
     r"project.yaml) : ils seraient additionnés comme des \2"),
    (r"^The workbook does not convert: write the amounts in ([A-Z]+), or set `currency: ([A-Z]+)` in project\.yaml if "
     r"the whole project is in that currency\.$",
     r"Le classeur ne convertit pas : écrivez les montants en \1, ou mettez `currency: \2` dans project.yaml si tout "
     r"le projet est dans cette devise."),
    (r"^the cells (\S+) are merged: '(.*)' is read in each of rows (\d+) to (\d+), as the sheet shows it$",
     r"les cellules \1 sont fusionnées : '\2' est lu dans chacune des lignes \3 à \4, comme la feuille le montre"),
    (r"^If a row should not have this value, unmerge the cells and fill each row\.$",
     "Si une ligne ne doit pas avoir cette valeur, défusionnez les cellules et remplissez chaque ligne."),
    (r"^le fichier ne peut pas être lu comme un \.xlsx \(File is not a zip file\)$",
     "le fichier ne peut pas être lu comme un .xlsx (ce n'est pas un fichier zip)"),
    (r"^the sheets ('[^']*'(?:, '[^']*')*) and ('[^']*') both hold the table's columns: which one is the table cannot "
     r"be known$",
     r"les feuilles \1 et \2 contiennent toutes les colonnes de la table : on ne peut pas savoir laquelle est la "
     r"table"),
    (r"^Put the table in one sheet: copy the rows of the others into it if they are part of the table \(a sheet per "
     r"year\), or delete an old version; or name the sheet to read '([^']*)'\.$",
     r"Mettez la table dans une seule feuille : copiez-y les lignes des autres si elles font partie de la table (une "
     r"feuille par année), ou supprimez une ancienne version ; ou nommez '\1' la feuille à lire."),
    (r"^the file is in Mac Roman \(Excel for Mac's 'CSV'\): read as the declared encoding '([^']*)', 'é' would be "
     r"'(.)' \(the text garbled\)$",
     r"le fichier est en Mac Roman (le 'CSV' d'Excel pour Mac) : lu avec l'encodage déclaré '\1', 'é' deviendrait "
     r"'\2' (le texte abîmé)"),
    (r"^Save it as 'CSV UTF-8' in Excel, or declare `encoding: mac_roman` in (\S+)\.$",
     r"Enregistrez-le en 'CSV UTF-8' dans Excel, ou déclarez `encoding: mac_roman` dans \1."),
    (r"^this row's period \('([^']*)', to ([0-9-]+)\) contains the reporting date \(([0-9-]+), project\.yaml\): what "
     r"was spent up to that date is not known, and the annex's spending figures are not computed$",
     r"la période de cette ligne ('\1', jusqu'au \2) contient la date de rapport (\3, project.yaml) : ce qui a été "
     r"dépensé jusqu'à cette date n'est pas connu, et les chiffres de dépenses de l'annexe ne sont pas calculés"),
    (r"^Move `reporting_date` in project\.yaml to the end of a spending period, or give this spending by shorter "
     r"periods that end on the reporting date\.$",
     "Placez `reporting_date` de project.yaml à la fin d'une période de dépenses, ou donnez ces dépenses par "
     "périodes plus courtes qui finissent à la date de rapport."),
    (r"^this value is written as a percentage \('([^']*)'\), and the indicator's unit is '([^']*)': it would be read "
     r"as (\S+) \2$",
     r"cette valeur est écrite en pourcentage ('\1'), et l'unité de l'indicateur est '\2' : elle serait lue comme "
     r"\3 \2"),
    (r"^Write the value in the indicator's unit, without '%' \(a count: the number of persons\), or write the "
     r"indicator's unit as a percentage \(%\) if the value is one\.$",
     "Écrivez la valeur dans l'unité de l'indicateur, sans '%' (un effectif : le nombre de personnes), ou écrivez "
     "l'unité de l'indicateur en pourcentage (%) si la valeur en est un."),
    (r"^'country' is empty on (\d+) rows, each in a block that starts with a country \((.*)\): cells merged in "
     r"Excel, or « same as above »\? Empty, they are the project's as a whole, and no country annex shows them$",
     lambda m: f"'country' est vide sur {m[1]} lignes, chacune dans un bloc qui commence par un pays ("
               + m[2].replace("rows ", "lignes ").replace("row ", "ligne ").replace(" below '", " sous '")
               + ") : des cellules fusionnées dans Excel, ou « idem » ? Vides, "
               "elles sont celles du projet dans son ensemble, et aucune annexe de pays ne les montre"),
    (r"^Write the country on every row \(in Excel: unmerge, then Home > Fill > Down\), or `regional` on the rows of "
     r"the project as a whole\.$",
     "Écrivez le pays sur chaque ligne (dans Excel : défusionnez, puis Accueil > Remplissage > En bas), ou "
     "`regional` sur les lignes du projet dans son ensemble."),
    # spending written as totals to date, an indicator's « Cumul » row, weights, budget lines split, dates for figures
    (r"^the spending on line (\S+) rises period after period \((.*)\) and adds up to (\d+)% of its budget, while its "
     r"last amount alone is (\d+)%: are these totals since the start\? The workbook adds the periods up$",
     r"les dépenses de la ligne \1 augmentent de période en période (\2) et totalisent \3 % de son budget, alors que "
     r"son dernier montant seul en fait \4 % : sont-ce des totaux depuis le début ? Le classeur additionne les "
     r"périodes"),
    (r"^If they are totals since the start, write what was spent during each period \(each total less the previous "
     r"one\)\.$",
     "Si ce sont des totaux depuis le début, écrivez ce qui a été dépensé pendant chaque période (chaque total moins "
     "le précédent)."),
    (r"^this row is a totals row \('([^']*)' in 'period'\): the total of the indicator's periods, whose values are "
     r"then each period's own, where 'actual' is the value reached by the end of the period \(10 then 25, not 10 "
     r"then 15\): read as written, each period's % of the final target is understated$",
     r"cette ligne est une ligne de total ('\1' dans 'period') : le total des périodes de l'indicateur, dont les "
     r"valeurs sont alors celles de chaque période seule, alors que 'actual' est la valeur atteinte à la fin de la "
     r"période (10 puis 25, pas 10 puis 15) : lu tel qu'écrit, le % de la cible finale de chaque période est "
     r"sous-estimé"),
    (r"^Delete this row, and write in each period's 'actual' the total reached by its end \(the value of « Cumul » "
     r"for the last period\)\.$",
     "Supprimez cette ligne, et écrivez dans le 'actual' de chaque période le total atteint à sa fin (la valeur de "
     "« Cumul » pour la dernière période)."),
    (r"^this activity has no weight, and (\d+) of the (\d+) activities have one, in tens or more \((.*)\.\.\.\): "
     r"counted 1 beside them, it would weigh next to nothing in the execution rate \((\d+) activities without a "
     r"weight\)$",
     r"cette activité n'a pas de poids, et \1 des \2 activités en ont un, de l'ordre de la dizaine ou plus (\3...) : "
     r"comptée 1 à côté d'elles, elle ne pèserait presque rien dans le taux d'exécution (\4 activités sans poids)"),
    (r"^Give every activity a weight on the same scale \(its budget, its days\), or none at all\.$",
     "Donnez à chaque activité un poids sur la même échelle (son budget, ses jours), ou n'en donnez à aucune."),
    (r"^columns? ([A-Z, ]+), right of '([^']*)', holds? values without a header: the budget lines of a cell written "
     r"with the file's separator '(.)' and not in quotes \((R1. R6)\) are split, and only the first line of each cell "
     r"is read$",
     r"la ou les colonnes \1, à droite de '\2', contiennent des valeurs sans en-tête : les lignes budgétaires d'une "
     r"cellule écrites avec le séparateur du fichier '\3' et sans guillemets (\4) sont coupées, et seule la première "
     r"ligne de chaque cellule est lue"),
    (r"^Write the lines with '\+' \(R1 \+ R6\), or put the cell in quotes \((\"R1. R6\"); Excel's 'Save As CSV' "
     r"does\); if the values are a column of their own \(notes\), give it a header\.$",
     r"Écrivez les lignes avec '+' (R1 + R6), ou mettez la cellule entre guillemets (\1 ; l'« Enregistrer sous CSV » "
     r"d'Excel le fait) ; si les valeurs sont une colonne à part (des notes), donnez-lui un en-tête."),
    (r"^The table counts women and men, not the participants: add a column 'participants' \(women \+ men when every "
     r"participant's sex is known; more when some is not\)\.$",
     "La table compte les femmes et les hommes, pas les participants : ajoutez une colonne 'participants' (femmes + "
     "hommes quand le sexe de chaque participant est connu ; davantage quand il ne l'est pas)."),
    (r"^this cell holds a date \(([^)]*)\), not a published figure: a spreadsheet turns a typed « 1\.2 », « 3/4 » or "
     r"« 30-40 » into a date$",
     r"cette cellule contient une date (\1), pas un chiffre publié : un tableur change en date un « 1.2 », un "
     r"« 3/4 » ou un « 30-40 » tapé"),
    (r"^Type the value as text, as the report prints it \(with a leading apostrophe: '1,2\), or format the column as "
     r"text before typing; (?=l'annexe dira « non calculable »\.$)",
     "Tapez la valeur comme texte, telle que le rapport l'imprime (précédée d'une apostrophe : '1,2), ou mettez la "
     "colonne au format texte avant de taper ; "),
    (r"^Type the value as text, as the report prints it \(with a leading apostrophe: '1,2\), or format the column as "
     r"text before typing; the annex will say 'not computable'\.$",
     "Tapez la valeur comme texte, telle que le rapport l'imprime (précédée d'une apostrophe : '1,2), ou mettez la "
     "colonne au format texte avant de taper ; l'annexe dira « non calculable »."),
    # an impact study's answers an evaluator meets first (data.loader: studies)
    (r"^(-?\d+) is not an answer but a code for 'don't know' or 'refused' in most forms: the estimates would count it "
     r"as \1$",
     r"\1 n'est pas une réponse mais un code pour « ne sait pas » ou « refus » dans la plupart des formulaires : les "
     r"estimations le compteraient comme \1"),
    (r"^Leave these answers empty in the file \(an empty answer is 'not answered' and leaves the estimate\), or "
     r"correct the value\.$",
     "Laissez ces réponses vides dans le fichier (une réponse vide veut dire « pas de réponse » et sort de "
     "l'estimation), ou corrigez la valeur."),
    (r"^(\S+) (\S+) is already on row (\d+)$", r"\1 \2 figure déjà à la ligne \3"),
    (r"^Delete the copy: a person on two rows of one period weighs twice in the estimates\.$",
     "Supprimez la copie : une personne sur deux lignes d'une même période pèse deux fois dans les estimations."),
    (r"^(\d+) row\(s\) have no '([^']*)': they are left out of the comparison$",
     r"\1 ligne(s) n'ont pas de '\2' : elles sont laissées hors de la comparaison"),
    (r"^Fill in '([^']*)' if it is known\.$", r"Remplissez '\1' s'il est connu."),
    (r"^'([^']*)' in '([^']*)' \((\d+) row\(s\)\) says the group is not known, and would be read as a value other "
     r"than treated '([^']*)'$",
     r"'\1' dans '\2' (\3 ligne(s)) dit que le groupe n'est pas connu, et serait lu comme une valeur autre que le "
     r"traité '\4'"),
    (r"^Leave the cell empty \(the row is then left out of the comparison\), or write its value\.$",
     "Laissez la cellule vide (la ligne est alors laissée hors de la comparaison), ou écrivez sa valeur."),
    (r"^the covariate '([^']*)' is written with a word beside its number \('([^']*)'\): it is read as text, each "
     r"value a category of its own, not as a number$",
     r"la covariable '\1' est écrite avec un mot à côté de son nombre ('\2') : elle est lue comme du texte, chaque "
     r"valeur une catégorie à part, pas comme un nombre"),
    (r"^Write the number alone in every row \((\d+), not (.*)\); the unit goes in the study's labels\.$",
     r"Écrivez le nombre seul sur chaque ligne (\1, pas \2) ; l'unité va dans les libellés de l'étude."),
    (r"^the outcome '([^']*)' is 1 or 2 on every row: if it is a yes/no coded 1 = yes, 2 = no, its effect reads the "
     r"wrong way round and is not a share$",
     r"le résultat '\1' vaut 1 ou 2 sur chaque ligne : si c'est un oui/non codé 1 = oui, 2 = non, son effet se lit à "
     r"l'envers et n'est pas une part"),
    (r"^Write 1 for yes and 0 for no; if 1 and 2 are counts, nothing needs doing\.$",
     "Écrivez 1 pour oui et 0 pour non ; si 1 et 2 sont des effectifs, rien à faire."),
    (r"^'([^']*)' \((\d+) rows?\) and '([^']*)' \((\d+) rows?\) are one value written in (\d+) ways: the clustered "
     r"standard errors would count them as \5 clusters$",
     r"'\1' (\2 ligne(s)) et '\3' (\4 ligne(s)) sont une même valeur écrite de \5 façons : les erreurs types par "
     r"grappe les compteraient comme \5 grappes"),
    (r"^Write them all one way \('([^']*)'\)\.$", r"Écrivez-les toutes de la même façon ('\1')."),
    # a unit cost benchmark shown beside no cost (data.loader, benchmark_not_used)
    (r"^the unit cost benchmark '([^']*)' is shown beside no cost: ",
     r"la référence de coût unitaire '\1' n'est affichée à côté d'aucun coût : "),
    (r": the indicator '([^']*)' has no cost per unit: it is not an output \(level\); ",
     r" : l'indicateur '\1' n'a pas de coût unitaire : ce n'est pas un produit (level) ; "),
    (r": the indicator '([^']*)' has no cost per unit: it names no budget line \(budget_lines\); ",
     r" : l'indicateur '\1' n'a pas de coût unitaire : il ne nomme aucune ligne budgétaire (budget_lines) ; "),
    (r": no indicator has the id '([^']*)' \(did you mean '([^']*)'\?\); ",
     r" : aucun indicateur n'a l'identifiant '\1' (vouliez-vous dire '\2' ?) ; "),
    (r": no indicator has the id '([^']*)'; ", r" : aucun indicateur n'a l'identifiant '\1' ; "),
    (r"; a benchmark is keyed by an output indicator's id \(one that names budget lines\), participant or woman$",
     "une référence a pour clé l'identifiant d'un indicateur de produit (qui nomme des lignes budgétaires), "
     "participant ou woman"),
    (r"^Write the key as the indicator_id column writes it \(case counts\), or participant \(the cost per "
     r"participant\) or woman \(the cost per woman\); remove the benchmark if no cost is computed for it\.$",
     "Écrivez la clé comme la colonne indicator_id écrit l'identifiant (majuscules comprises), ou participant (le "
     "coût par participant) ou woman (le coût par femme) ; supprimez la référence si aucun coût n'est calculé pour "
     "elle."),
    # an impact study's amounts in two units (data.loader, outcome_units_differ)
    (r"^the outcome '([^']*)' is about ([\d ,.]+) times smaller where (.+) is (.+) \(median ([^)]*)\) than where it "
     r"is (.+) \(median ([^)]*)\): the same amount written in two units \(thousands, cents\)\?$",
     r"le résultat '\1' est environ \2 fois plus petit là où \3 vaut \4 (médiane \5) que là où il vaut \6 "
     r"(médiane \7) : le même montant écrit en deux unités (milliers, centimes) ?"),
    (r"^Write it in one unit on every row: as it is, the effect is mostly the change of unit between the values of "
     r"(.+)\.$", r"Écrivez-le dans une seule unité sur chaque ligne : tel quel, l'effet est surtout le changement "
     r"d'unité entre les valeurs de \1."),
)]
# Sentences of the data contract written once, word for word (data/spec.py's rules and row warnings): English -> French
_EXACT = [
    ("a count cannot be negative", "un effectif ne peut pas être négatif"),
    ("Write 0 or more.", "Écrivez 0 ou plus."),
    ("a count must be a whole number", "un effectif doit être un nombre entier"),
    ("Write whole numbers of people.", "Écrivez des nombres entiers de personnes."),
    ("progress must be between 0 and 100", "l'avancement doit être compris entre 0 et 100"),
    ("Write a percentage from 0 to 100, without '%'.", "Écrivez un pourcentage de 0 à 100, sans '%'."),
    ("a weight must be greater than 0", "un poids doit être supérieur à 0"),
    ("Use a positive weight, or leave empty (weight 1).", "Utilisez un poids positif, ou laissez vide (poids 1)."),
    ("a budget cannot be negative", "un budget ne peut pas être négatif"),
    ("Write the approved amount (0 or more).", "Écrivez le montant approuvé (0 ou plus)."),
    ("more women than participants", "plus de femmes que de participants"),
    ("Check both counts: women are part of the participants.",
     "Vérifiez les deux effectifs : les femmes font partie des participants."),
    ("women + men is more than the participants", "femmes + hommes dépasse le nombre de participants"),
    ("Check the three counts: women + men cannot exceed participants.",
     "Vérifiez les trois effectifs : femmes + hommes ne peut pas dépasser les participants."),
    ("this budget line appears twice for the same country", "cette ligne budgétaire apparaît deux fois pour le même pays"),
    ("Give each line one row per country (add the amounts).",
     "Donnez à chaque ligne budgétaire une ligne par pays (additionnez les montants)."),
    ("this indicator has two rows for the same period, country and sex",
     "cet indicateur a deux lignes pour la même période, le même pays et le même sexe"),
    ("Keep one row per indicator, period, country and sex (countries are compared ignoring case and accents: MAROC "
     "is Maroc).", "Gardez une ligne par indicateur, période, pays et sexe (les pays sont comparés sans tenir compte "
     "des majuscules ni des accents : MAROC est Maroc)."),
    ("this indicator has another row whose period ends the same day, written another way (2020, 2020-12, T4 2020): "
     "two values of what was reached by that day", "cet indicateur a une autre ligne dont la période finit le même "
     "jour, écrite autrement (2020, 2020-12, T4 2020) : deux valeurs de ce qui était atteint ce jour-là"),
    ("Keep one row per period, written one way in the whole table.",
     "Gardez une ligne par période, écrite d'une seule façon dans toute la table."),
    ("this period may be a quarter (2020-1 for T1 2020) or a month written without its 0 (2020-01): it is read as "
     "neither", "cette période peut être un trimestre (2020-1 pour T1 2020) ou un mois écrit sans son 0 (2020-01) : "
     "elle n'est lue ni comme l'un ni comme l'autre"),
    ("Write T1 2020 (T2, T3, T4) for a quarter, 2020-01 for a month.",
     "Écrivez T1 2020 (T2, T3, T4) pour un trimestre, 2020-01 pour un mois."),
    ("this period is a number as Excel stores a date in a cell formatted as a number (44196 for 2020-12-31): it was "
     "read as a period of that name, of no date", "cette période est un nombre, comme Excel stocke une date dans une "
     "cellule au format nombre (44196 pour 2020-12-31) : elle a été lue comme une période de ce nom, sans date"),
    ("In Excel, select the column and choose Format > Cells > Date before saving, or write the period (2020, T4 2020, "
     "2020-12-31).", "Dans Excel, sélectionnez la colonne et choisissez Format > Cellule > Date avant d'enregistrer, "
     "ou écrivez la période (2020, T4 2020, 2020-12-31)."),
    ("this activity is done but its progress is below 100: the workbook counts it as 100 % done",
     "cette activité est réalisée mais son avancement est inférieur à 100 : le classeur la compte comme réalisée à "
     "100 %"),
    ("Correct the status or the progress.", "Corrigez le statut ou l'avancement."),
    ("this activity has not started but its progress is above 0",
     "cette activité n'a pas démarré mais son avancement est supérieur à 0"),
    ("this activity's progress is 100 but its status is not done: the execution rate counts it as not done",
     "l'avancement de cette activité est de 100 mais son statut n'est pas « réalisé » : le taux d'exécution la "
     "compte comme non réalisée"),
    ("this activity has an actual end date but its status is not done: the execution rate counts it as not done",
     "cette activité a une date de fin réelle mais son statut n'est pas « réalisé » : le taux d'exécution la compte "
     "comme non réalisée"),
    ("Correct the status, or empty the actual end date if the activity has not ended.",
     "Corrigez le statut, ou videz la date de fin réelle si l'activité n'est pas terminée."),
    ("a target is below the baseline and the direction is not given: read as rising, the achievement would be wrong; "
     "it is not computed", "une cible est inférieure à la référence et le sens n'est pas donné : lu à la hausse, "
     "l'atteinte serait fausse ; elle n'est pas calculée"),
    ("Write decrease in 'direction' (sens: baisse) if the indicator should fall (a rate of unemployment, a delay), "
     "increase if it should rise.", "Écrivez decrease dans 'direction' (sens : baisse) si l'indicateur doit baisser "
     "(un taux de chômage, un délai), increase s'il doit monter."),
    ("a negative target: a target is the level to reach, not a change; its achievement is not computed",
     "une cible négative : une cible est le niveau à atteindre, pas une variation ; son atteinte n'est pas calculée"),
    ("Write the level to reach (30 for a rate from 50 down by 20), and decrease (baisse) in 'direction' if the "
     "indicator should fall.", "Écrivez le niveau à atteindre (30 pour un taux qui passe de 50 à 30), et decrease "
     "(baisse) dans 'direction' si l'indicateur doit baisser."),
    ("the indicator's unit is a percentage, and its actual and targets are not on one scale (one a fraction of 1, the "
     "other above 1, in this row or beside another period's): its achievement is read as written",
     "l'unité de l'indicateur est un pourcentage, et sa valeur réalisée et ses cibles ne sont pas sur la même échelle "
     "(l'une en fraction de 1, l'autre au-dessus de 1, sur cette ligne ou à côté de celle d'une autre période) : son "
     "atteinte est lue telle qu'écrite"),
    ("Write every value of the row as a percentage (45 for 45 %), or every one as a fraction if the unit is a share.",
     "Écrivez chaque valeur de la ligne en pourcentage (45 pour 45 %), ou chacune en fraction si l'unité est une "
     "part."),
    ("this row names the budget lines that finance it, and its level is empty: a cost per unit is computed for "
     "outputs only, so it has none", "cette ligne nomme les lignes budgétaires qui la financent, et son niveau est "
     "vide : un coût unitaire n'est calculé que pour les produits, elle n'en a donc pas"),
    ("Write its level: output (produit) for a cost per unit, outcome (effet) or impact otherwise.",
     "Écrivez son niveau : output (produit) pour un coût unitaire, outcome (effet) ou impact sinon."),
    ("the period targets of this indicator add up to its final target: targets of each period, where 'actual' is the "
     "total reached to date; its % of the period target compares the total to date with one period's target",
     "les cibles par période de cet indicateur totalisent sa cible finale : des cibles de chaque période, alors que "
     "'actual' est le total atteint à date ; son % de la cible de la période compare le total à date avec la cible "
     "d'une seule période"),
    ("Write in 'target' the total due by the end of each period (20, then 50), as 'actual' is the total reached by "
     "then.", "Écrivez dans 'target' le total attendu à la fin de chaque période (20, puis 50), comme 'actual' est le "
     "total atteint à cette date."),
    ("the women's and the men's rows of this indicator and period both give its total's target: the total's target "
     "written on each sex's row; their achievement is not computed", "les lignes des femmes et des hommes de cet "
     "indicateur et de cette période donnent toutes deux la cible du total : la cible du total écrite sur la ligne de "
     "chaque sexe ; leur atteinte n'est pas calculée"),
    ("Write each sex's own target on its row (the women's and men's targets add up to the total's), or leave it "
     "empty.", "Écrivez la cible propre à chaque sexe sur sa ligne (les cibles des femmes et des hommes totalisent "
     "celle du total), ou laissez-la vide."),
    ("this indicator's rows give it another unit than its first row with a unit: two measures under one code",
     "les lignes de cet indicateur lui donnent une autre unité que sa première ligne avec une unité : deux mesures "
     "sous un même code"),
    ("Give each measure its own indicator_id, or write one unit in every row of the indicator.",
     "Donnez à chaque mesure son propre indicator_id, ou écrivez la même unité sur chaque ligne de l'indicateur."),
    ("the women's and men's actuals of this indicator and period add up to more than its total",
     "les valeurs réalisées des femmes et des hommes de cet indicateur et de cette période totalisent plus que son "
     "total"),
    ("Check the three rows: women and men are part of the total (for a count; a percentage's rows do not add up).",
     "Vérifiez les trois lignes : les femmes et les hommes font partie du total (pour un effectif ; les lignes d'un "
     "pourcentage ne s'additionnent pas)."),
    ("Keep one of the two files.", "Gardez un seul des deux fichiers."),
    ("Fill in the sex if known.", "Indiquez le sexe s'il est connu."),
]
# (a sentence of its own: the whole text, or its end after a sentence that says more, « If they are two lines... »)
_FRENCH += [(re.compile(r"(?:^|(?<=[.?!] ))" + re.escape(english) + "$"), french.replace("\\", "\\\\"))
            for english, french in _EXACT]
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


def _required(pattern: str) -> str:
    """The longest run of plain characters every match of ``pattern`` holds (outside groups, classes and escapes
    of a kind, not made optional by a quantifier), '' when there is none worth testing (an alternation)."""
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            char, i = pattern[i + 1], i + 2   # an escaped « ( », « . », « ? »: the character itself
        elif c in "\\[" or c in "()|^$.*+?{}":
            if c == "|" and depth == 0:
                return ""
            if c in "?*{" and run:   # (the character before is optional)
                run = run[:-1]
            runs.append(run)
            run = ""
            depth += (c == "(") - (c == ")")
            if c in "[{":   # a class, a count: skip to its end
                i = pattern.index("]" if c == "[" else "}", i + 2 if c == "[" else i)
            i += 2 if c == "\\" else 1
            continue
        else:
            char, i = c, i + 1
        if depth == 0:
            if i < len(pattern) and pattern[i] in "?*{":
                runs.append(run)
                run = ""
                continue
            run += char
        else:
            runs.append(run)
            run = ""
    return max(runs + [run], key=len) if max(map(len, runs + [run])) >= 6 else ""


# a sentence is tried only on a text that holds its longest plain run (a check's 20 000 rows of distinct values,
# each tried against every regex of the table, took seconds)
_SCREENED = [(english, french, _required(english.pattern)) for english, french in _FRENCH]


@lru_cache(maxsize=4096)
def _french(text: str) -> str:
    """(Cached: a column broken on every row repeats one message and one hint; the list holds every row.)"""
    for english, french, required in _SCREENED:
        if required in text:
            text = english.sub(french, text)
    return text


def shown(problem: Problem, lang: str) -> str:
    """The problem as make check prints it, in ``lang``: its location words too (« ligne 3, colonne 'montant' »)."""
    said = translated(problem, lang)
    words = None if said is problem else {w: say(f"check_where_{w}", lang) for w in _WHERE}
    return said.text(words)
