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

from ..data.countries import french_prepositions
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


# a statistics program's menu, as its French version names it (data.loader._STATISTICAL); its commands stay as typed
_EXPORT_MENUS = {"File > Export > CSV": "Fichier > Exporter > CSV", "open it, Save As": "ouvrez-le, Enregistrer sous"}


def _separator_example(example: str) -> str:
    """The shifted row's example of a separator inside a value (data.readers), in French."""
    return {"a decimal comma, as in 10000,50, in a file separated by ','; a comma in a label":
            "une virgule décimale, comme dans 10000,50, dans un fichier séparé par des ',' ; une virgule dans un "
            "libellé",
            "a ';' typed in a cell, as in budget_lines R1; R6, in a file separated by ';'":
            "un ';' tapé dans une cellule, comme dans budget_lines R1; R6, dans un fichier séparé par des ';'",
            "a tab inside a cell": "une tabulation dans une cellule"}.get(example, example)


def _not_rated(m: re.Match) -> str:
    """An IATI indicator listed without its values (data.iati._not_rated), in French."""
    kind = {"nominal": "nominale", "ordinal": "ordinale", "qualitative": "qualitative"}[m[2]]
    values = re.sub(r"\b(baseline|target|actual)\b", lambda w: {"baseline": "référence", "target": "cible",
                                                                "actual": "réalisé"}[w[1]], m[4])
    why = ("des rangs, pas des quantités (le niveau 2 n'est pas la moitié du niveau 4)" if m[5].startswith("ranks")
           else "des catégories ou des mots, pas des quantités")
    return (f"activité {m[1]} : la mesure de cet indicateur est {kind} (@measure {m[3]}) : ses valeurs ({values}) "
            f"sont {why} : il est listé sans elles, non noté (ni % de la cible, ni RAG)")


# libxml2's own words for a file that is not well-formed XML (lxml's XMLSyntaxError, data.iati._syntax_error), in
# French: they were quoted in English inside the French sentence (« Premature end of data in tag iati-activities »)
_LIBXML2 = [(re.compile(english), french) for english, french in (
    (r"^Entity '(.+)' not defined$", r"l'entité « &\1; » n'est pas définie"),
    (r"^Premature end of data in tag (\S+) line (\d+)$",
     r"le fichier s'arrête avant la fin de la balise <\1> ouverte ligne \2 : il est coupé (téléchargement interrompu ?)"),
    (r"^StartTag: invalid element name$", "un « < » n'ouvre aucune balise (dans un texte, XML l'écrit &lt;)"),
    (r"^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$",
     r"la balise de fin </\3> ne ferme pas la balise <\1> ouverte ligne \2"),
    (r"^(?:xmlParseEntityRef: no name|EntityRef: expecting ';')$",
     "un « & » seul (dans un texte, XML l'écrit &amp;)"),
    (r"^Extra content at the end of the document$",
     "du contenu après la fin du document (après la fermeture de sa balise racine)"),
    (r"^Start tag expected, '<' not found$", "aucune balise : le fichier est vide, ou n'est pas du XML"),
    (r"^Document is empty$", "le document est vide"),
    (r"^(?:Invalid bytes in character encoding|Input is not proper UTF-8, indicate encoding ! ?(.*))$",
     lambda m: "des octets qui ne sont pas de l'encodage que le fichier déclare (UTF-8 s'il n'en déclare aucun)"
               + (f" ({m[1].replace('Bytes:', 'octets :')})" if m[1] else "")
               + " : le fichier a été enregistré dans un autre encodage (Windows-1252 ?)"),
    (r"^PCDATA invalid Char value (\d+)$", r"un caractère de contrôle (code \1) qu'XML interdit"),
    (r"^Invalid character: Char (0x[0-9A-Fa-f]+) out of allowed range$", r"un caractère (\1) qu'XML interdit"),
    (r"^AttValue: \" or ' expected$", "une valeur d'attribut sans guillemets (« \" » ou « ' » attendu)"),
    (r"^Unescaped '<' not allowed in attributes values$",
     "un « < » dans une valeur d'attribut (XML l'écrit &lt;)"),
    (r"^Attribute (\S+) redefined$", r"l'attribut \1 est écrit deux fois dans la même balise"),
    (r"^Specification mandates value for attribute (\S+)$", r"l'attribut \1 n'a pas de valeur"),
    (r"^Comment not terminated$", "un commentaire (<!--) n'est jamais fermé (-->)"),
    (r"^Double hyphen within comment.*$", "« -- » dans un commentaire"),
    (r"^CData section not finished.*$", "une section CDATA n'est jamais fermée (]]>)"),
    (r"^expected '>'$", "« > » attendu : une balise n'est pas fermée"),
    (r"^Couldn't find end of Start Tag (\S+) line (\d+)$",
     r"la balise <\1> ouverte ligne \2 n'est jamais fermée par « > »"),
    (r"^EndTag: '</' not found$", "une balise de fin sans « </ »"),
    (r"^Namespace prefix (\S+) on (\S+) is not defined$",
     r"le préfixe \1 (de <\2>) n'est déclaré par aucun xmlns:\1"),
    (r"^XML declaration allowed only at the start of the document$",
     "une déclaration XML (<?xml ... ?>) ailleurs qu'au début du fichier (deux fichiers collés bout à bout ?)"),
    (r"^Excessive depth in document: (\d+) use XML_PARSE_HUGE option$",
     r"des balises imbriquées sur plus de \1 niveaux"),
)]
_LIBXML2_WHERE = re.compile(r"^(.*), line (\d+), column (\d+)$", re.S)


def _libxml2_fr(said: str) -> str:
    """libxml2's message as data.iati quotes it (« <message>, line 2, column 12 »), in French, its line and column
    kept; a message this table does not know is quoted as written."""
    where = _LIBXML2_WHERE.match(said)
    message, line = (" ".join(where[1].split()), f", ligne {where[2]}, colonne {where[3]}") if where else (said, "")
    for english, french in _LIBXML2:
        if english.match(message):
            return english.sub(french, message) + line
    return f"« {message} »{line}"


# PyYAML's problems as data.inputs quotes them (« this is not valid YAML: <problem>, line 2, column 8 »), in French
_PYYAML = [(re.compile(english), french) for english, french in (
    (r"^mapping values are not allowed here$",
     "un « : » là où la valeur ne peut pas en avoir (une valeur qui contient « : » sans guillemets, ou une clé plus "
     "indentée que celles du dessus)"),
    (r"^found character '\\t' that cannot start any token$", "une tabulation, qui n'indente pas en YAML"),
    (r"^found character '(.)' that cannot start any token$",
     r"le caractère « \1 » ne peut pas commencer une valeur sans guillemets"),
    (r"^could not find expected ':'$", "le « : » attendu après une clé n'est pas trouvé"),
    (r"^found unexpected end of stream$", "le fichier finit avant que la valeur ne soit fermée"),
    (r"^expected <block end>, but found '<scalar>'$",
     "du texte après la fin de la valeur (une apostrophe dans une valeur entre apostrophes ?)"),
    (r"^expected <block end>, but found '-'$", "un « - » de liste qui n'est pas indenté comme la liste"),
    (r"^expected <block end>, but found '(.*)'$", r"« \1 » inattendu : l'indentation ne suit pas celle du dessus"),
    (r"^expected ',' or '([\]}])', but got '(.*)'$",
     r"« , » ou « \1 » attendu, « \2 » trouvé (un crochet ou une accolade ouvert et jamais fermé ?)"),
    (r"^found undefined alias '(.*)'$", r"l'alias *\1 ne renvoie à aucune ancre &\1"),
    (r"^found unknown escape character '(.*)'$",
     r"« \\\1 » n'est pas un échappement connu : entre guillemets doubles, « \\ » commence un échappement"),
)]
_PYYAML_WHERE = re.compile(r"^(.*), line (\d+), column (\d+)$", re.S)


def _pyyaml_fr(said: str) -> str:
    """PyYAML's problem with its line and column, in French; one this table does not know is quoted as written."""
    where = _PYYAML_WHERE.match(said)
    problem, line = (where[1], f", ligne {where[2]}, colonne {where[3]}") if where else (said, "")
    for english, french in _PYYAML:
        if english.match(problem):
            return english.sub(french, problem) + line
    return f"« {problem} »{line}"


# Excel's errors' causes (data.numbers.EXCEL_ERRORS), in French
_EXCEL_CAUSES = {
    "a division by zero or by an empty cell": "une division par zéro ou par une cellule vide",
    "a value of the wrong kind in the calculation, text where a number is needed":
        "une valeur du mauvais type dans le calcul, du texte là où il faut un nombre",
    "a reference to a cell, row or sheet that was deleted": "une référence à une cellule, une ligne ou une feuille "
                                                            "supprimée",
    "a value looked up and not found by VLOOKUP or MATCH (RECHERCHEV, EQUIV)":
        "une valeur cherchée et non trouvée par RECHERCHEV ou EQUIV (VLOOKUP, MATCH)",
    "a function or name that Excel does not know, misspelt or from an add-in":
        "une fonction ou un nom qu'Excel ne connaît pas, mal orthographié ou d'un complément",
    "an impossible number": "un nombre impossible",
    "ranges that do not meet": "des plages qui ne se croisent pas",
    "a result that has no room to spill": "un résultat qui n'a pas la place de se propager",
    "a calculation Excel cannot do, on an empty array": "un calcul qu'Excel ne peut pas faire, sur une matrice vide",
}


def _excel_error(said: str) -> str:
    """« #NAME? (#NOM? in a French Excel), a function or name... » (ErrorCell.explained) in French."""
    said = re.sub(r" \((#\S+) in a French Excel\)", r" (\1 dans un Excel français)", said)
    error, _, cause = said.partition(", ")
    return f"{error}, {_EXCEL_CAUSES.get(cause, cause)}" if cause else error


_MONTHS = dict(zip(("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December"), ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                              "septembre", "octobre", "novembre", "décembre")))


def _country_fr(code: str, english: str) -> str:
    """An IATI message's country name (English) in French."""
    from ..data.countries import country_name   # (the data room's table; loaded only for such a message)

    return country_name(code, "fr") or english


_IATI_MEASURES = {"unit": "en unités", "percentage": "en pourcentage", "nominal": "nominale", "ordinal": "ordinale",
                  "qualitative": "qualitative"}
_IATI_VALUES = {"baseline": "la référence", "target": "la cible", "actual": "la valeur réalisée"}


def _iati_what(what: str) -> str:
    """An IATI result value as data.iati names it (« total target », « actual for women ») in French."""
    value, _, sex = what.removeprefix("total ").partition(" for ")
    said = _IATI_VALUES.get(value, value) + {"women": " des femmes", "men": " des hommes"}.get(sex, "")
    return f"le total de {said}" if what.startswith("total ") else said


_PAID_TO = re.compile(r"(\S+) paid (\S+) ([A-Z]{3}) to (.+?) \((?:receiver-org named ('.*?'), no @ref|receiver-org/@ref), "
                      r"(\d+) transaction\(s\)\), the publisher of (\S+)")
_FUNDS_FROM = re.compile(r"(\S+) reports (\S+) ([A-Z]{3}) of incoming funds from (.+?) \((?:provider-org named ('.*?'), "
                         r"no @ref|provider-org/@ref)\), the publisher of (\S+)")


def _same_project_parts(told: str) -> str:
    """The payments and incoming funds data.iati names between two publishers' activities, in French."""
    told = _PAID_TO.sub(lambda m: f"{m[1]} a payé {m[2]} {m[3]} à {m[4]} ("
                        + (f"receiver-org nommé {m[5]}, sans @ref" if m[5] else "receiver-org/@ref")
                        + f", {m[6]} transaction(s)), l'éditeur de {m[7]}", told)
    return _FUNDS_FROM.sub(lambda m: f"{m[1]} déclare {m[2]} {m[3]} de fonds reçus de {m[4]} ("
                           + (f"provider-org nommé {m[5]}, sans @ref" if m[5] else "provider-org/@ref")
                           + f"), l'éditeur de {m[6]}", told).replace("; ", " ; ")


def _merged_over(said: str) -> str:
    """« 'Sexe' is merged over Feuil1!C1:D1, above Femmes | Hommes » (data.readers' two-row header) in French."""
    return re.sub(r"('[^']*') is merged over (\S+), above ", r"\1 est fusionné sur \2, au-dessus de ", said)


def _currency_names(named: str) -> str:
    """The dinars' or francs' codes as data.params names them, in French."""
    return {"TND: Tunisian dinar, LYD: Libyan, DZD: Algerian": "TND : dinar tunisien, LYD : libyen, DZD : algérien",
            "XOF: franc CFA of West Africa, XAF: of Central Africa, CHF: Swiss, GNF: Guinean":
                "XOF : franc CFA d'Afrique de l'Ouest, XAF : d'Afrique centrale, CHF : suisse, GNF : guinéen"
            }.get(named, named)


def _reported_reason(m: re.Match[str], metric: str = "") -> str:
    """« figure 'F1': dated 2024-06-30 by its label, ... » (or « figure 'F1' (spent): printed in EUR, ... », its
    ``metric`` the group before the reason) in French, its reason as the annex writes it (annex.fmt knows each); a
    reason it does not know stays as it was, rather than « see figures.csv »."""
    from ..annex import fmt

    said = fmt.reason(m[m.lastindex], "fr")
    return m[0] if said == fmt.reason("\x01", "fr") else f"le chiffre '{m[1]}'{metric} : {said}"


def _grouped(amount: str) -> str:
    """« 250,000.00 » (Python's {:,.2f}) or « 65745700 » (numbers.format_number) as the annex writes it (annex.fmt
    .number): thousands grouped by narrow no-break spaces and a decimal comma (« 250 000,00 », « 65 745 700 »):
    « 4,133 fois » read as four times in French, and an amount of eight digits in a row is hard to read."""
    from ..annex import fmt

    plain = amount.replace(",", "")
    if re.fullmatch(r"-?\d+(?:\.\d+)?", plain):
        return fmt.number(float(plain), len(plain.partition(".")[2]), "fr")
    return amount.replace(",", fmt.NNBSP).replace(".", ",")


def _commas(numbers: str) -> str:
    """Numbers written by numbers.plain (« 791.1 », « 99999, 9999.5 ») with French's decimal comma: « au plus 791.1 »
    stood in a French sentence beside the annex's « 791,1 »."""
    return re.sub(r"(\d)\.(\d)", r"\1,\2", numbers)


def _day_fr(iso: str) -> str:
    """« 2021-02-20 » as a French reader writes it, « 20 février 2021 » (« 1er mars 2021 »); text that is no date
    is left as it is."""
    from ..annex import fmt

    try:
        return fmt.date(iso, "fr")
    except ValueError:
        return iso


def _days_fr(first: str, last: str | None) -> str:
    """Days from ``first`` to ``last`` (ISO) as French says them: « le 20 février 2021 » (one day, which read « du
    2021-02-20 au 2021-02-20 »), « du 1er au 15 janvier 2023 », « du 28 février au 3 mars 2021 », « du 30 décembre
    2020 au 2 janvier 2021 »."""
    if last is None or last == first:
        return f"le {_day_fr(first)}"
    start, end = _day_fr(first).split(" "), _day_fr(last).split(" ")
    if len(start) == len(end) == 3 and start[2] == end[2]:   # the same year (and month) said once, at the end
        start = start[:1] if start[1] == end[1] else start[:2]
    return f"du {' '.join(start)} au {' '.join(end)}"


def _answers_fr(said: str) -> str:
    """« 1 answer is », « 3 answers are » (data.surveys) in French."""
    return "1 réponse vaut" if said.startswith("1 answer") else said.split(" ")[0] + " réponses valent"


# IATI's transaction types (data.iati.TRANSACTION_TYPES) and a result's dimensions, in French
_IATI_TRANSACTIONS = {"incoming funds": "fonds reçus", "outgoing commitment": "engagement", "disbursement":
                      "décaissement", "expenditure": "dépense", "interest payment": "paiement d'intérêts",
                      "loan repayment": "remboursement de prêt", "reimbursement": "remboursement",
                      "purchase of equity": "achat de participations", "sale of equity": "vente de participations",
                      "credit guarantee": "garantie de crédit", "incoming commitment": "engagement reçu",
                      "outgoing pledge": "promesse de don", "incoming pledge": "promesse reçue",
                      "transaction": "transaction"}
_IATI_BUDGET_WORDS = {"original": "initial", "revised": "révisé", "indicative": "indicatif", "committed": "engagé"}
_IATI_DIMENSIONS = {"age": "âge", "sex": "sexe", "disability": "handicap", "location": "lieu"}


# pydantic's « Input should be ... » (a YAML key's value of the wrong kind), as a French sentence saying what to write
_KINDS = {"a valid string": "un texte (une seule valeur, pas une liste ni un dictionnaire)",
          "a valid integer": "un nombre entier", "a valid number": "un nombre",
          "a valid boolean": "true ou false", "a valid list": "une liste, par exemple [a, b]",
          "a valid dictionary": "un dictionnaire, par exemple {clé: valeur}",
          "a valid date": "une date écrite l'année d'abord (2021-06-30)",
          "a single value (a text or a number)": "une seule valeur (un texte ou un nombre), pas une liste"}
_PARSE = {"unable to parse string as an integer": "le texte n'est pas un nombre entier",
          "got a number with a fractional part": "le nombre a des décimales",
          "unable to parse string as a number": "le texte n'est pas un nombre",
          "unable to interpret input": "la valeur n'est ni vraie ni fausse"}


def _should_be(said: str) -> str | None:
    """« a valid string », « 'two_group' or 'did' », « greater than 0 » (pydantic, after « Input should be ») ->
    « écrivez un texte », « écrivez 'two_group' ou 'did' », « écrivez un nombre supérieur à 0 »."""
    kind, _, why = said.partition(", ")
    if kind in _KINDS:
        return f"écrivez {_KINDS[kind]}" + (f" ({_PARSE.get(why, why)})" if why else "")
    bound = re.fullmatch(r"(greater|less) than( or equal to)? (\S+)", said)
    if bound:
        return ("écrivez un nombre " + ("supérieur" if bound[1] == "greater" else "inférieur")
                + (" ou égal" if bound[2] else "") + f" à {bound[3]}")
    if re.fullmatch(r"'[^']*'(?:, '[^']*')*(?: or '[^']*')?", said):
        return "écrivez " + said.replace(" or ", " ou ")
    return None   # (another of pydantic's: left wholly English rather than half translated)


# the first hour's problems that are still English (not_a_number, other_currency, duplicate_id, encoding, not_a_date,
# two_row_header, ...): anchored sentences, tried before the table's shorter ones below
_FIRST_HOUR = (
    # numbers (data.numbers, data.loader)
    (r"^a percentage, in a column that holds no percentages \((the cell is formatted as a percentage|'%')\)$",
     lambda m: "un pourcentage, dans une colonne qui n'en contient pas ("
               + ("la cellule est au format pourcentage" if m[1].startswith("the") else m[1]) + ")"),
    (r"^Write the number itself, without '%' \(format the cell as a number, not a percentage\): this column holds "
     r"amounts or counts\.$", "Écrivez le nombre lui-même, sans '%' (mettez la cellule au format nombre, pas "
     "pourcentage) : cette colonne contient des montants ou des effectifs."),
    (r"^a cell formatted as a percentage shows more than 100 %: it shows (\S+) % and holds (\S+), a number typed into "
     r"a cell already formatted as a percentage\?$", r"une cellule au format pourcentage affiche plus de 100 % : elle "
     r"affiche \1 % et contient \2, un nombre tapé dans une cellule déjà au format pourcentage ?"),
    (r"^If it is a percentage, type it with its sign \(45 %\) or as a fraction of 1 \(0\.45\); if it is a count or any "
     r"other unit, format the cell as a number, not a percentage; above 100 % indeed \(150 %\), type 150 in a cell "
     r"formatted as a number\.$", "Si c'est un pourcentage, tapez-le avec son signe (45 %) ou en fraction de 1 "
     "(0.45) ; si c'est un effectif ou une autre unité, mettez la cellule au format nombre, pas pourcentage ; au-delà "
     "de 100 % pour de bon (150 %), tapez 150 dans une cellule au format nombre."),
    (r"^neither yes nor no \(the outcome is oui/non\): '(.*)'; a « don't know » or « refused » is an empty cell$",
     r"ni oui ni non (le résultat est oui/non) : '\1' ; un « ne sait pas » ou un « refus » est une cellule vide"),
    (r"^Leave the cell empty \(not known\), or write oui or non\.$",
     "Laissez la cellule vide (inconnu), ou écrivez oui ou non."),
    (r"^a negative written '\(12\)' or '12-' is read in amount columns only$",
     "un négatif écrit '(12)' ou '12-' n'est lu que dans les colonnes de montants"),
    (r"^A count or rate cannot be written as a negative amount: write 0 or more \(negatives in parentheses or with a "
     r"trailing minus are read in amount columns only\)\.$", "Un effectif ou un taux ne peut pas s'écrire comme un "
     "montant négatif : écrivez 0 ou plus (les négatifs entre parenthèses ou suivis d'un moins ne sont lus que dans "
     "les colonnes de montants)."),
    (r"^this cell's formula (.+) gives the error (#.+): the sheet shows no (number|date|value)$",
     lambda m: f"la formule {m[1]} de cette cellule donne l'erreur {_excel_error(m[2])} : la feuille "
               + {"number": "n'affiche aucun nombre", "date": "n'affiche aucune date"}.get(m[3], "n'affiche aucune "
                                                                                                  "valeur")),
    (r"^Correct the formula in Excel so that it gives the value \(or type the value in its place\), then save the "
     r"file\.$", "Corrigez la formule dans Excel pour qu'elle donne la valeur (ou tapez la valeur à sa place), puis "
     "enregistrez le fichier."),
    (r"^this cell is formatted as a date: it holds the number (\S+), which the sheet shows as the date ([\d/: ]+), and "
     r"a date is not a number$", r"cette cellule est au format date : elle contient le nombre \1, que la feuille "
     r"affiche comme la date \2, et une date n'est pas un nombre"),
    (r"^Format the cell as a number \(Format Cells > Number; Format de cellule > Nombre\): it then shows (\S+); check "
     r"that it is the figure meant\.$", r"Mettez la cellule au format nombre (Format de cellule > Nombre) : elle "
     r"affiche alors \1 ; vérifiez que c'est bien le chiffre voulu."),
    (r"^an Excel error saved in place of the value \((#.+)\)$",
     lambda m: f"une erreur d'Excel enregistrée à la place de la valeur ({_excel_error(m[1])})"),
    (r"^Correct the formula in the workbook this file was saved from \(or type the value in its place\), and save it "
     r"again\.$", "Corrigez la formule dans le classeur d'où ce fichier a été enregistré (ou tapez la valeur à sa "
     "place), et enregistrez-le de nouveau."),
    (r"^(?:'([^']*)' is read as (\S+): )?a number in scientific notation, as Excel shows a number too wide for its "
     r"column or of more than 11 digits: the file keeps only the digits shown$",
     lambda m: (f"'{m[1]}' est lu comme {m[2]} : " if m[1] is not None else "") + "un nombre en notation "
     "scientifique, comme Excel affiche un nombre trop large pour sa colonne ou de plus de 11 chiffres : le fichier "
     "ne garde que les chiffres affichés"),
    (r"^In the workbook this file was saved from, format the column as a number \(Format Cells > Number\) and save it "
     r"again: every digit is then written; or write the number in full\.$", "Dans le classeur d'où ce fichier a été "
     "enregistré, mettez la colonne au format nombre (Format de cellule > Nombre) et enregistrez-le de nouveau : "
     "chaque chiffre est alors écrit ; ou écrivez le nombre en entier."),
    (r"^a '\?' between digits: the thousands separator \(a French Windows' narrow no-break space\) that the file's "
     r"encoding could not hold$", "un '?' entre des chiffres : le séparateur des milliers (l'espace fine insécable "
     "d'un Windows français) que l'encodage du fichier ne pouvait pas contenir"),
    (r"^Save the file as 'CSV UTF-8' in Excel \(File > Save As\), which keeps the space; or write the number without "
     r"thousands separator \(1234(.)50\)\.$", r"Enregistrez le fichier en 'CSV UTF-8' dans Excel (Fichier > "
     r"Enregistrer sous), qui garde l'espace ; ou écrivez le nombre sans séparateur des milliers (1234\g<1>50)."),
    (r"^Write the number alone in the cell \(e\.g\. 1 005 500,50\), or leave it empty\.$",
     "Écrivez le nombre seul dans la cellule (par exemple 1 005 500,50), ou laissez-la vide."),
    (r"^If the files write numbers as 1\.234,50, declare `decimal_mark: \",\"` in params/([^/\s]+)/project\.yaml; "
     r"else write 1234567 or 1 234 567\.$", r"Si les fichiers écrivent les nombres 1.234,50, déclarez "
     r"`decimal_mark: \",\"` dans params/\1/project.yaml ; sinon, écrivez 1234567 ou 1 234 567."),
    (r"^this cell(?: \(cell (\d+) of the row\))? holds ([\d,]+) characters, more than the ([\d,]+) a spreadsheet "
     r"cell can hold$",
     lambda m: f"cette cellule{f' (cellule {m[1]} de la ligne)' if m[1] else ''} contient {_grouped(m[2])} caractères, "
               f"plus que les {_grouped(m[3])} qu'une cellule de tableur peut contenir"),
    (r"^Shorten the text; put long documents in a file of their own\.$",
     "Raccourcissez le texte ; mettez les longs documents dans un fichier à part."),
    # currencies (data.headers, data.spending)
    (r"^the header gives its amounts in the local currency \((.+)\), and the project's currency is (\S+) \(params, "
     r"project\.yaml\): they would be added up as \2$", r"l'en-tête donne ses montants en devise locale (\1), et la "
     r"devise du projet est \2 (params, project.yaml) : ils seraient additionnés comme des \2"),
    (r"^The workbook does not convert: write each amount in (\S+) \(at the rate of your financial reports\) in a "
     r"column '(\w+)'; keep the local amounts, if you wish, in a column '(\w+)'\.$",
     r"Le classeur ne convertit pas : écrivez chaque montant en \1 (au taux de vos rapports financiers) dans une "
     r"colonne '\2' ; gardez si vous le voulez les montants en devise locale dans une colonne '\3'."),
    (r"^the header gives its amounts in ([A-Z]{3}), no currency's ISO 4217 code \(did you mean (.+)\?\); the project's "
     r"currency is (\S+) \(params, project\.yaml\), and the amounts are read in \3$",
     lambda m: f"l'en-tête donne ses montants en {m[1]}, le code ISO 4217 d'aucune devise (vouliez-vous dire "
               f"{m[2].replace(' or ', ' ou ')} ?) ; la devise du projet est {m[3]} (params, project.yaml), et les "
               f"montants sont lus en {m[3]}"),
    (r"^the header's note ([A-Z]{3}) is a donor's acronym \((.+)\), not a currency; the project's currency is (\S+) "
     r"\(params, project\.yaml\), and the amounts are read in \3$",
     r"la note de l'en-tête, \1, est le sigle d'un bailleur (\2), pas une devise ; la devise du projet est \3 "
     r"(params, project.yaml), et les montants sont lus en \3"),
    (r"^Write the header '(\w+)' alone if the amounts are in (\S+); if they are that donor's share only, write each "
     r"line's whole amount under '\1' and the share in a column of its own\.$",
     r"Écrivez l'en-tête '\1' seul si les montants sont en \2 ; s'ils ne sont que la part de ce bailleur, écrivez "
     r"le montant entier de chaque ligne sous '\1' et la part dans une colonne à part."),
    (r"^the title above the table names ([A-Z]{3}), a donor's acronym \((.+)\), not a currency; the project's "
     r"currency is (\S+) \(params, project\.yaml\), and the amounts are read in \3$",
     r"le titre au-dessus du tableau nomme \1, le sigle d'un bailleur (\2), pas une devise ; la devise du projet "
     r"est \3 (params, project.yaml), et les montants sont lus en \3"),
    (r"^Delete the title's ([A-Z]{3}) if the amounts are in (\S+); the workbook does not convert: amounts in another "
     r"currency are converted to \2 first\.$",
     r"Supprimez \1 du titre si les montants sont en \2 ; le classeur ne convertit pas : des montants dans une "
     r"autre devise sont d'abord convertis en \2."),
    (r"^the title above the table gives its amounts in ([A-Z]{3}), no currency's ISO 4217 code \(did you mean (.+)\?\); "
     r"the project's currency is (\S+) \(params, project\.yaml\), and the amounts are read in \3$",
     lambda m: f"le titre au-dessus du tableau donne ses montants en {m[1]}, le code ISO 4217 d'aucune devise (vouliez-"
               f"vous dire {m[2].replace(' or ', ' ou ')} ?) ; la devise du projet est {m[3]} (params, project.yaml), et "
               f"les montants sont lus en {m[3]}"),
    (r"^Delete the title's currency if the amounts are in (\S+); the workbook does not convert: amounts in another "
     r"currency are converted to \1 first\.$",
     r"Supprimez la devise du titre si les montants sont en \1 ; le classeur ne convertit pas : des montants dans une "
     r"autre devise sont d'abord convertis en \1."),
    (r"^this amount's number format \((.+)\) shows it in ([A-Z]{3}), no currency's ISO 4217 code \(did you mean "
     r"(.+)\?\); the project's currency is (\S+) \(params, project\.yaml\), and the amounts are read in \4$",
     lambda m: f"le format de nombre de ce montant ({m[1]}) l'affiche en {m[2]}, le code ISO 4217 d'aucune devise "
               f"(vouliez-vous dire {m[3].replace(' or ', ' ou ')} ?) ; la devise du projet est {m[4]} (params, "
               f"project.yaml), et les montants sont lus en {m[4]}"),
    (r"^Give the cells a format without ([A-Z]{3}) if the amounts are in (\S+); the workbook does not convert: amounts "
     r"in another currency are converted to \2 first\.$",
     r"Donnez aux cellules un format sans \1 si les montants sont en \2 ; le classeur ne convertit pas : des montants "
     r"dans une autre devise sont d'abord convertis en \2."),
    (r"^Write the header '(\w+)' alone if the amounts are in (\S+); the workbook does not convert: amounts in another "
     r"currency are converted to \2 first; a note that is no currency \(a donor's acronym\) goes in a column of its "
     r"own\.$",
     r"Écrivez l'en-tête '\1' seul si les montants sont en \2 ; le classeur ne convertit pas : des montants dans une "
     r"autre devise sont d'abord convertis en \2 ; une note qui n'est pas une devise (le sigle d'un bailleur) va dans "
     r"une colonne à part."),
    (r"^the header gives its amounts in ([A-Z]{3}), and the project's currency is (\S+) \(params, project\.yaml\): "
     r"they would be added up as \2$", r"l'en-tête donne ses montants en \1, et la devise du projet est \2 (params, "
     r"project.yaml) : ils seraient additionnés comme des \2"),
    (r"^The workbook does not convert: write the amounts in (\S+), or set `currency: ([A-Z]{3})` in project\.yaml if "
     r"the whole project is in that currency\.$", r"Le classeur ne convertit pas : écrivez les montants en \1, ou "
     r"indiquez `currency: \2` dans project.yaml si tout le projet est dans cette devise."),
    (r"^this amount's number format \((.+)\) shows it in ([A-Z]{3}), and the project's currency is (\S+) \(params, "
     r"project\.yaml\): it would be added up as \3(?: \((\d+) cells of the column are so formatted\))?$",
     lambda m: f"le format de nombre de ce montant ({m[1]}) l'affiche en {m[2]}, et la devise du projet est {m[3]} "
               f"(params, project.yaml) : il serait additionné comme des {m[3]}"
               + (f" ({m[4]} cellules de la colonne ont ce format)" if m[4] else "")),
    (r"^The workbook does not convert: write the amounts in (\S+) \(and give the cells a format without (.+)\), or set "
     r"`currency: ([A-Z]{3})` in project\.yaml if the whole project is in that currency\.$",
     r"Le classeur ne convertit pas : écrivez les montants en \1 (et donnez aux cellules un format sans \2), ou "
     r"indiquez `currency: \3` dans project.yaml si tout le projet est dans cette devise."),
    (r"^this row's currency is (written as « not known »|not a currency the workbook knows \(a code such as EUR, USD, "
     r"XOF\)|([A-Z]{3}), no currency's ISO 4217 code \(did you mean (.+)\?\)): its amount would be added up with the "
     r"project's amounts, in (\S+) \(project\.yaml, `currency`\)$",
     lambda m: "la devise de cette ligne est " + ("écrite comme « inconnue »" if m[1].startswith("written") else
                                                   f"{m[2]}, le code ISO 4217 d'aucune devise (vouliez-vous dire "
                                                   f"{m[3].replace(' or ', ' ou ')} ?)" if m[2] else
                                                   "une devise que le classeur ne connaît pas (un code comme EUR, "
                                                   "USD, XOF)")
               + f" : son montant serait additionné aux montants du projet, en {m[4]} (project.yaml, `currency`)"),
    (r"^Write the row's currency \((\S+) if it is the project's, or leave the cell empty\); an amount in another "
     r"currency is converted to \1 first \(the workbook does not convert currencies\)\.$",
     r"Écrivez la devise de la ligne (\1 si c'est celle du projet, ou laissez la cellule vide) ; un montant dans une "
     r"autre devise est d'abord converti en \1 (le classeur ne convertit pas les devises)."),
    (r"^this row's amount is in (\S+); the project's amounts are in (\S+) \(project\.yaml, `currency`\), and would be "
     r"added up with it$", r"le montant de cette ligne est en \1 ; les montants du projet sont en \2 (project.yaml, "
     r"`currency`), et il y serait additionné"),
    (r"^Convert the amount to (\S+) and write \1 here \(the workbook does not convert currencies\), or correct the "
     r"project's `currency`\.$", r"Convertissez le montant en \1 et écrivez \1 ici (le classeur ne convertit pas les "
     r"devises), ou corrigez la `currency` du projet."),
    # identifiers (data.schemas)
    (r"^'([^']*)' is used in (.+) and ([^:]+): an identifier names one row of the whole project; put the country in "
     r"it \((.*)\)\.$", r"'\1' est utilisé dans \2 et \3 : un identifiant désigne une seule ligne de tout le projet ; "
     r"mettez-y le pays (\4)."),
    (r"^Its rows count one participant each: for a list of persons, write a register instead, the columns event_id "
     r"and sex \(f or m\) and no 'participants' or 'women' column; it is counted per event\.$",
     "Ses lignes comptent chacune un participant : pour une liste de personnes, écrivez plutôt un registre, avec les "
     "colonnes event_id et sex (f ou m) et sans colonne 'participants' ni 'women' ; il est compté par événement."),
    # encodings (data.readers)
    (r"^the file is in (Mac Roman|MS-DOS, cp850) \(Excel(?: for Mac)?'s '(CSV(?: \(MS-DOS\))?)'\): its accented letters "
     r"are not UTF-8$", lambda m: f"le fichier est en {m[1]} (le '{m[2]}' d'Excel"
                                  + (" pour Mac" if m[1] == "Mac Roman" else "") + ") : ses lettres accentuées ne sont "
                                  "pas en UTF-8"),
    (r"^the file is in MS-DOS, cp850 \(Excel's 'CSV \(MS-DOS\)'\): read as the declared encoding '([^']*)', 'é' would "
     r"be '(.)' \(the text garbled\)$", r"le fichier est en MS-DOS, cp850 (le 'CSV (MS-DOS)' d'Excel) : lu dans "
     r"l'encodage déclaré '\1', 'é' serait '\2' (le texte brouillé)"),
    (r"^Save it as 'CSV UTF-8' in Excel, or declare `encoding: (\w+)` in (\S+)\.$",
     r"Enregistrez-le en 'CSV UTF-8' dans Excel, ou déclarez `encoding: \1` dans \2."),
    (r"^the file is in Arabic Windows' encoding \(cp1256, Excel's 'CSV' on an Arabic Windows\): (?:its Arabic letters "
     r"are not UTF-8|read as the declared encoding '([^']*)', its Arabic reads '(.*)' \(the text garbled\))$",
     lambda m: "le fichier est dans l'encodage d'un Windows arabe (cp1256, le 'CSV' d'Excel sur un Windows arabe) : "
               + (f"lu dans l'encodage déclaré '{m[1]}', son arabe se lit '{m[2]}' (le texte brouillé)" if m[1] else
                  "ses lettres arabes ne sont pas en UTF-8")),
    (r"^Save it as 'CSV UTF-8' in Excel, or declare `encoding: (\w+)` in (\S+) if every CSV file of the project is in "
     r"it\.$", r"Enregistrez-le en 'CSV UTF-8' dans Excel, ou déclarez `encoding: \1` dans \2 si tous les fichiers "
     r"CSV du projet sont dans cet encodage."),
    (r"^read as the declared encoding '([^']*)' \(Arabic Windows\), the file holds '(.*)', an Arabic letter inside a "
     r"Latin word: it is in Windows' Latin encoding \(cp1252, Excel's 'CSV' on a French Windows\), whose É, Ô, Ù\.\.\. "
     r"cp1256 reads as Arabic letters$", r"lu dans l'encodage déclaré '\1' (Windows arabe), le fichier contient "
     r"'\2', une lettre arabe dans un mot latin : il est dans l'encodage latin de Windows (cp1252, le 'CSV' d'Excel "
     r"sur un Windows français), dont cp1256 lit les É, Ô, Ù... comme des lettres arabes"),
    (r"^Save it as 'CSV UTF-8' in Excel \(then the project's Arabic and French files are read alike\), or declare "
     r"`encoding: cp1252` in (\S+) if every CSV file of the project is in it\.$", r"Enregistrez-le en 'CSV UTF-8' "
     r"dans Excel (les fichiers arabes et français du projet sont alors lus de la même façon), ou déclarez "
     r"`encoding: cp1252` dans \1 si tous les fichiers CSV du projet sont dans cet encodage."),
    (r"^the file is UTF-16 \('Unicode text'(?:, (little|big)-endian)?\)( without its byte-order mark)?, not a CSV "
     r"UTF-8 file$", lambda m: "le fichier est en UTF-16 ('Texte Unicode'"
                               + ({"little": ", petit-boutiste", "big": ", gros-boutiste"}.get(m[1], "")) + ")"
                               + (" sans son indicateur d'ordre des octets (BOM)" if m[2] else "")
                               + ", pas un fichier CSV UTF-8"),
    (r"^In Excel choose File > Save As > 'CSV UTF-8 \(comma delimited\)'(; from another program, export as UTF-8)?\.$",
     lambda m: "Dans Excel, choisissez Fichier > Enregistrer sous > 'CSV UTF-8 (délimité par des virgules)'"
               + (" ; depuis un autre programme, exportez en UTF-8" if m[1] else "") + "."),
    (r"^the file is (an Excel workbook \(\.xlsx: a zip file\) named \.csv|an old Excel workbook \(\.xls\) or a "
     r"password-protected one, named \.csv|a PDF document named \.csv), not a CSV text file$",
     lambda m: "le fichier est " + {"an E": "un classeur Excel (.xlsx : un fichier zip) nommé .csv",
                                    "an o": "un ancien classeur Excel (.xls) ou un classeur protégé par un mot de "
                                            "passe, nommé .csv",
                                    "a PD": "un document PDF nommé .csv"}[m[1][:4]] + ", pas un fichier texte CSV"),
    (r"^Rename it with the extension \.xlsx \(or open it in Excel and save it as 'CSV UTF-8'\)\.$",
     "Renommez-le avec l'extension .xlsx (ou ouvrez-le dans Excel et enregistrez-le en 'CSV UTF-8')."),
    (r"^Open it in Excel and save it as 'Excel Workbook \(\.xlsx\)' or 'CSV UTF-8'\.$",
     "Ouvrez-le dans Excel et enregistrez-le en 'Classeur Excel (.xlsx)' ou 'CSV UTF-8'."),
    (r"^Export the table from the program that made it as 'CSV UTF-8' or \.xlsx\.$",
     "Exportez la table depuis le programme qui l'a faite en 'CSV UTF-8' ou en .xlsx."),
    # dates (data.loader, data.numbers)
    (r"^this cell holds the number (\S+), which the sheet shows as a date of (\d+) \(([\d/]+)\) as the cell is "
     r"formatted as a date: a year or a number typed into a date cell\?$", r"cette cellule contient le nombre \1, que "
     r"la feuille affiche comme une date de \2 (\3) car la cellule est au format date : une année ou un nombre tapé "
     r"dans une cellule de date ?"),
    (r"^Type the date itself \(e\.g\. 30/06/2021\)\.$", "Tapez la date elle-même (par exemple 30/06/2021)."),
    (r"^Format the cell as a number \(Format Cells > Number; Format de cellule > Nombre\): a year is then read as the "
     r"year's end\.$", "Mettez la cellule au format nombre (Format de cellule > Nombre) : une année est alors lue "
     "comme la fin de l'année."),
    (r"^'(\d{4})-(\d)' may be the quarter T\2 \1 \(to the end of (\w+) \1\) or the month \1-0\2: write T\2 \1 for the "
     r"quarter, \1-0\2 for the month$",
     lambda m: f"'{m[1]}-{m[2]}' peut être le trimestre T{m[2]} {m[1]} (jusqu'à la fin de "
               f"{_MONTHS.get(m[3], m[3])} {m[1]}) ou le mois {m[1]}-0{m[2]} : écrivez T{m[2]} {m[1]} pour le "
               f"trimestre, {m[1]}-0{m[2]} pour le mois"),
    (r"^Excel's '####', shown where a column is too narrow for its number or date, saved in place of the value \(a CSV "
     r"keeps what the sheet shows\)$", "le '####' d'Excel, affiché quand une colonne est trop étroite pour son nombre "
     "ou sa date, enregistré à la place de la valeur (un CSV garde ce qu'affiche la feuille)"),
    (r"^Widen the column in the workbook this file was saved from \(double-click the right edge of its header\) and "
     r"save it again as CSV, or save the workbook as \.xlsx\.$", "Élargissez la colonne dans le classeur d'où ce "
     "fichier a été enregistré (double-cliquez sur le bord droit de son en-tête) et enregistrez-le de nouveau en CSV, "
     "ou enregistrez le classeur en .xlsx."),
    (r"^an Excel date serial number, not a date: (\d+) is how Excel stores (\d{4}-\d\d-\d\d) in a cell formatted as a "
     r"number$", r"un numéro de série de date d'Excel, pas une date : \1 est la façon dont Excel stocke \2 dans une "
     r"cellule au format nombre"),
    (r"^In Excel, select the column and choose Format > Cells > Date \(the cell then shows the date\), or write the "
     r"date as (\d{4}-\d\d-\d\d)\.$", r"Dans Excel, sélectionnez la colonne et choisissez Format > Cellule > Date (la "
     r"cellule affiche alors la date), ou écrivez la date \1."),
    # a header on two rows (data.readers)
    (r"^the header is on two rows \((\d+) and (\d+)\): (.+)\. The workbook reads one header row: row \2 would be read "
     r"as a row of the table, and the columns under the merged cell would have no name$",
     lambda m: f"l'en-tête est sur deux lignes ({m[1]} et {m[2]}) : {_merged_over(m[3])}. Le classeur lit une seule "
               f"ligne d'en-tête : la ligne {m[2]} serait lue comme une ligne de la table, et les colonnes sous la "
               "cellule fusionnée n'auraient pas de nom"),
    (r"^the header is on two rows \((\d+) and (\d+)\): row \1 holds (.+), above the names of row \2 \((.*)\)\. The "
     r"workbook reads one header row, the first that holds the table's required columns, and neither does$",
     lambda m: f"l'en-tête est sur deux lignes ({m[1]} et {m[2]}) : la ligne {m[1]} contient "
               f"{m[3].replace(' (column ', ' (colonne ')}, au-dessus des noms de la ligne {m[2]} ({m[4]}). Le "
               "classeur lit une seule ligne d'en-tête, la première qui contient les colonnes obligatoires de la "
               "table, et aucune des deux ne les contient"),
    (r"^the header is on two rows \((\d+) and (\d+)\): (.+), a header merged over several columns in Excel\. The "
     r"workbook reads one header row: row \2 would be read as a row of the table, and only the first column under "
     r"'([^']*)' as it$",
     lambda m: f"l'en-tête est sur deux lignes ({m[1]} et {m[2]}) : "
               f"{m[3].replace(' (column ', ' (colonne ').replace(') above ', ') au-dessus de ')}, un en-tête "
               f"fusionné sur plusieurs colonnes dans Excel. Le classeur lit une seule ligne d'en-tête : la ligne "
               f"{m[2]} serait lue comme une ligne de la table, et seule la première colonne sous '{m[4]}' comme "
               "elle"),
    (r"^Keep one header row with the columns' names \((.*?)((?:; the column to read as '[^']*' named so)*)\): "
     r"(unmerge the header cells, write each column's name in row (\d+)|write each column's name in row (\d+) \(in "
     r"Excel: unmerge the header cells\)), and delete row (\d+)\.$",
     lambda m: f"Gardez une seule ligne d'en-tête avec les noms des colonnes ({m[1]}"
               + re.sub(r"; the column to read as ('[^']*') named so", r" ; la colonne à lire comme \1 nommée ainsi",
                        m[2])
               + (f") : défusionnez les cellules d'en-tête, écrivez le nom de chaque colonne en ligne {m[4]}"
                  if m[4] else f") : écrivez le nom de chaque colonne en ligne {m[5]} (dans Excel : défusionnez les "
                               "cellules d'en-tête)")
               + f", et supprimez la ligne {m[6]}."),
    # budget lines named by a row (data.loader)
    (r"^this cell says « no line » \('(.*)'\): it is read as the name of a budget line, which the budget table does "
     r"not have$", r"cette cellule dit « aucune ligne » ('\1') : elle est lue comme le nom d'une ligne budgétaire, que "
     r"la table du budget n'a pas"),
    (r"^Leave the cell empty when no budget line finances this row \(it then has no cost per result\); else name "
     r"lines of the budget table, separated by ';' \(e\.g\. R1; R6\)\.$", "Laissez la cellule vide quand aucune ligne "
     "budgétaire ne finance cette ligne (elle n'a alors pas de coût par résultat) ; sinon nommez des lignes de la "
     "table du budget, séparées par ';' (par exemple R1; R6)."),
    (r"^the budget line '(.*)' holds '(.)', which separates the lines a cell names: this cell is read as the lines "
     r"(.+)$", r"la ligne budgétaire '\1' contient '\2', qui sépare les lignes qu'une cellule nomme : cette cellule est "
     r"lue comme les lignes \3"),
    (r"^Rename the line '(.*)' in the budget table without ';', ',' or '\+' \(e\.g\. '(.*)'\), and name it so here\.$",
     r"Renommez la ligne '\1' dans la table du budget sans ';', ',' ni '+' (par exemple '\2'), et nommez-la ainsi "
     r"ici."),
    (r"^'(.*)' names a share of the budget line '(.*)': the workbook does not split a line between results \(the data "
     r"hold no key to split it\)$", r"'\1' nomme une part de la ligne budgétaire '\2' : le classeur ne répartit pas "
     r"une ligne entre des résultats (les données n'ont pas de clé de répartition)"),
    (r"^Name the line alone \('(.*)'\): a line that finances several results is counted in full for each of them, its "
     r"costs marked « partagé » \(shared\) in the annex, not to be added up \(data/README\.md, Cost per result\)\.$",
     r"Nommez la ligne seule ('\1') : une ligne qui finance plusieurs résultats est comptée en entier pour chacun "
     r"d'eux, ses coûts marqués « partagé » dans l'annexe, à ne pas additionner (data/README.md, Cost per result)."),
    (r"^(?:Did you mean '([^']*)' \((.*)\)\? The cell names a line by its code\. )?Name lines of the budget table, "
     r"separated by ';' \(e\.g\. R1; R6\), or leave the cell empty\.$",
     lambda m: (f"Vouliez-vous dire '{m[1]}' ({m[2]}) ? La cellule nomme une ligne par son code. " if m[1] else "")
               + "Nommez des lignes de la table du budget, séparées par ';' (par exemple R1; R6), ou laissez la "
                 "cellule vide."),
    (r"^there is no budget table to find this line in$", "il n'y a pas de table du budget où trouver cette ligne"),
    # totals rows (data.totals, data.register)
    (r"^this row is a totals row \('(.*)' in 'person', no sex\): it would be counted as one more participant, of "
     r"unknown sex$", r"cette ligne est une ligne de total ('\1' dans 'person', sans sexe) : elle serait comptée comme "
     r"un participant de plus, de sexe inconnu"),
    (r"^this row is a totals row: this cell's formula adds up the table's rows above it; its amount would be added "
     r"to the rows it sums$", "cette ligne est une ligne de total : la formule de cette cellule additionne des lignes "
     "de la table au-dessus d'elle : son montant s'ajouterait aux lignes qu'elle totalise"),
    (r"^this row is a totals row: this cell's formula is a (\w+), a total of the table's rows \(as in the totals row "
     r"of an Excel table, which adds up the rows a filter shows\); its amount would be added to the rows it sums$",
     r"cette ligne est une ligne de total : la formule de cette cellule est un \1 (SOUS.TOTAL), un total des lignes de "
     r"la table (comme dans la ligne de total d'un tableau Excel, qui additionne les lignes qu'un filtre montre) : "
     r"son montant s'ajouterait aux lignes qu'elle totalise"),
    (r"^Delete this row: the workbook adds the rows up itself, so a totals or subtotal row counts every amount twice\. "
     r"Keep totals outside the table \(another sheet or file\)\. In an Excel table, untick 'Total Row' \('Ligne "
     r"Total'\) in the Table Design tab\.$", "Supprimez cette ligne : le classeur additionne lui-même les lignes, une "
     "ligne de total ou de sous-total compte donc chaque montant deux fois. Gardez les totaux hors de la table (une "
     "autre feuille ou un autre fichier). Dans un tableau Excel, décochez 'Ligne Total' dans l'onglet Création de "
     "tableau."),
    (r"^Delete this row: each row is an activity, counted in the rates\.$",
     "Supprimez cette ligne : chaque ligne est une activité, comptée dans les taux."),
    (r"^If the row gives the value of the project as a whole, leave its country empty \(the project's own row\); "
     r"otherwise delete it: each row is an indicator's value\.$", "Si la ligne donne la valeur du projet dans son "
     "ensemble, laissez son pays vide (la ligne du projet) ; sinon supprimez-la : chaque ligne est une valeur d'un "
     "indicateur."),
    # an .xlsx that cannot be read (data.readers)
    (r"^the file is protected by a password to open \(Excel encrypts such a workbook\): it cannot be read without the "
     r"password$", "le fichier est protégé par un mot de passe à l'ouverture (Excel chiffre un tel classeur) : il ne "
     "peut pas être lu sans le mot de passe"),
    (r"^Open it in Excel with its password, then File > Info > Protect Workbook > Encrypt with Password \(Fichier > "
     r"Informations > Protéger le classeur > Chiffrer avec mot de passe\), delete the password, and save it as 'Excel "
     r"Workbook \(\.xlsx\)'; or ask its sender for a copy without password\.$", "Ouvrez-le dans Excel avec son mot de "
     "passe, puis Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe, effacez le mot de passe, "
     "et enregistrez-le en 'Classeur Excel (.xlsx)' ; ou demandez à son expéditeur une copie sans mot de passe."),
    (r"^the file is a macro-enabled workbook \(\.xlsm\) named \.xlsx, which cannot be read as one \(its macros are "
     r"never run\)$", "le fichier est un classeur prenant en charge les macros (.xlsm) nommé .xlsx, qui ne peut pas "
     "être lu comme tel (ses macros ne sont jamais exécutées)"),
    (r"^Open it in Excel and save it as 'Excel Workbook \(\.xlsx\)' \(Save As: the macros are left out\), or save the "
     r"sheet as CSV UTF-8\.$", "Ouvrez-le dans Excel et enregistrez-le en 'Classeur Excel (.xlsx)' (Enregistrer sous : "
     "les macros sont laissées de côté), ou enregistrez la feuille en CSV UTF-8."),
    (r"^the file is an old Excel 97-2003 workbook \(\.xls\) named \.xlsx, not an \.xlsx workbook$",
     "le fichier est un ancien classeur Excel 97-2003 (.xls) nommé .xlsx, pas un classeur .xlsx"),
    (r"^Open it in Excel and save it as 'Excel Workbook \(\.xlsx\)' \(Save As\)\.$",
     "Ouvrez-le dans Excel et enregistrez-le en 'Classeur Excel (.xlsx)' (Enregistrer sous)."),
    (r"^the file is not an \.xlsx workbook but a compound file: either a workbook protected by a password to open "
     r"\(encrypted\), or an old Excel 97-2003 workbook \(\.xls\) named \.xlsx$", "le fichier n'est pas un classeur "
     ".xlsx mais un fichier composé : soit un classeur protégé par un mot de passe à l'ouverture (chiffré), soit un "
     "ancien classeur Excel 97-2003 (.xls) nommé .xlsx"),
    (r"^If Excel asks for a password to open it, open it with the password, then File > Info > Protect Workbook > "
     r"Encrypt with Password \(Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe\), delete "
     r"the password, and save it as 'Excel Workbook \(\.xlsx\)'\. Otherwise open it in Excel and save it as 'Excel "
     r"Workbook \(\.xlsx\)' \(Save As\)\.$", "Si Excel demande un mot de passe pour l'ouvrir, ouvrez-le avec le mot de "
     "passe, puis Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe, effacez le mot de passe, "
     "et enregistrez-le en 'Classeur Excel (.xlsx)'. Sinon, ouvrez-le dans Excel et enregistrez-le en 'Classeur Excel "
     "(.xlsx)' (Enregistrer sous)."),
    # a required column missing: why (data.loader)
    (r"^The file has several columns of '([^']*)' \((.*)\): name '\1' the one that holds (each line's approved budget "
     r"for the whole project \(the total\)|the figures to use); the others are then ignored\.$",
     lambda m: f"Le fichier a plusieurs colonnes de '{m[1]}' ({m[2]}) : nommez '{m[1]}' celle qui contient "
               + ("le budget approuvé de chaque ligne pour tout le projet (le total)" if m[3].startswith("each") else
                  "les chiffres à utiliser") + " ; les autres sont alors ignorées."),
    (r"^If the column '([^']*)' counts the participants \(women, men and those whose sex is not known\), name it "
     r"'participants'\.$", r"Si la colonne '\1' compte les participants (femmes, hommes et ceux dont le sexe n'est pas "
     r"connu), nommez-la 'participants'."),
    (r"^The table counts women and men, not the participants: add a column 'participants' \(women \+ men when every "
     r"participant's sex is known; more when some is not\)\.$", "La table compte les femmes et les hommes, pas les "
     "participants : ajoutez une colonne 'participants' (femmes + hommes quand le sexe de chaque participant est "
     "connu ; davantage sinon)."),
    (r"^The table has a 'sex' column: if it is a register \(one row per person\), delete its 'participants' column and "
     r"it is counted per event; if it counts participants per event, add a column 'women'\.$", "La table a une colonne "
     "'sex' : si c'est un registre (une ligne par personne), supprimez sa colonne 'participants' et il est compté par "
     "événement ; si elle compte les participants par événement, ajoutez une colonne 'women'."),
    # spending on a line of another country (data.loader)
    (r"^the budget has the line '([^']*)' for (.+), not for (.+)$",
     r"le budget a la ligne '\1' pour \2, pas pour \3"),
    (r"^Correct the country of this row, or add the line '([^']*)' for (.+) to the budget table\.$",
     r"Corrigez le pays de cette ligne, ou ajoutez la ligne '\1' pour \2 à la table du budget."),
    (r"^The budget writes this line's country '([^']*)', close to '([^']*)': if they are one country, write it the "
     r"same way in both tables \(the annex of that country counts only the rows written as its file writes it\)\.$",
     r"Le budget écrit le pays de cette ligne '\1', proche de '\2' : si c'est un seul pays, écrivez-le de la même "
     r"façon dans les deux tables (l'annexe de ce pays ne compte que les lignes écrites comme son fichier l'écrit)."),
    (r"^the budget line '([^']*)' exists in several countries \((.*)\) and this row gives no country$",
     r"la ligne budgétaire '\1' existe dans plusieurs pays (\2) et cette ligne ne donne pas de pays"),
    (r"^Write the country of this spending in the 'country' column \(one of: (.*)\)\.$",
     r"Écrivez le pays de cette dépense dans la colonne 'country' (l'un de : \1)."),
    # project.yaml's values (data.params: its validators' own sentences)
    (r"^'([^']*)': unknown encoding '([^']*)' \(use utf-8, cp1252, latin-1, \.\.\.\)$",
     r"'\1' : encodage inconnu '\2' (utilisez utf-8, cp1252, latin-1, ...)"),
    (r"^Write the encoding the CSV files were saved in: utf-8, cp1252 or latin-1\.$",
     "Écrivez l'encodage dans lequel les fichiers CSV ont été enregistrés : utf-8, cp1252 ou latin-1."),
    (r"^'([^']*)': '([^']*)' names no one currency: write its code, one of (.+) \((.*)\)$",
     lambda m: f"'{m[1]}' : '{m[2]}' ne désigne pas une seule devise : écrivez son code, l'un de {m[3]} "
               f"({_currency_names(m[4])})"),
    # a currency written as a name (data.params: `currency: FCFA`, `shillings`, `dollars`)
    (r"^'([^']*)': '([^']*)' names two currencies: write its code, XOF \(franc CFA of West Africa: ([^)]*)\) or XAF "
     r"\(of Central Africa: ([^)]*)\)$",
     r"'\1' : '\2' désigne deux devises : écrivez son code, XOF (franc CFA d'Afrique de l'Ouest : \3) ou XAF "
     r"(d'Afrique centrale : \4)"),
    (r"^'([^']*)': '([^']*)' is not a currency code: write its ISO 4217 code, three letters \(EUR, USD, XOF\.\.\.\)$",
     r"'\1' : '\2' n'est pas un code de devise : écrivez son code ISO 4217, en trois lettres (EUR, USD, XOF...)"),
    (r"^'([^']*)': '([^']*)' is no currency's ISO 4217 code: did you mean (.+)\?$",
     lambda m: f"'{m[1]}' : '{m[2]}' n'est le code ISO 4217 d'aucune devise : vouliez-vous dire "
               f"{m[3].replace(' or ', ' ou ')} ?"),
    (r"^'([^']*)': '([^']*)' is no currency's ISO 4217 code: write your currency's code \(EUR, USD, XOF\.\.\.\)$",
     r"'\1' : '\2' n'est le code ISO 4217 d'aucune devise : écrivez le code de votre devise (EUR, USD, XOF...)"),
    (r"^the currency '(.*)' is read as ([A-Z]{3}), its ISO 4217 code$",
     r"la devise « \1 » est lue \2, son code ISO 4217"),
    (r"^Write currency: ([A-Z]{3})( \(or the code of another dollar: CAD, AUD\.\.\.\))?, the code the tables, the "
     r"published figures and the annexes use\.$",
     lambda m: f"Écrivez currency: {m[1]}" + (" (ou le code d'un autre dollar : CAD, AUD...)" if m[2] else "")
               + ", le code qu'utilisent les tables, les chiffres publiés et les annexes."),
    (r"^Write the currency's code \(e\.g\. currency: ([A-Z]{3})\), as the tables' amounts are\.$",
     r"Écrivez le code de la devise (par exemple currency: \1), celle des montants des tables."),
    (r"^'([^']*)': (\d+) \((outgoing commitment|incoming funds)\) with ([\d, ]+) counts the same money twice: what is "
     r"(committed|received) is what is then disbursed \(3\) or spent \(4\)\. Keep \[3, 4\] for spending$",
     lambda m: f"'{m[1]}' : {m[2]} ("
               + ("engagement sortant" if m[3].startswith("outgoing") else "fonds reçus") + f") avec {m[4]} compte "
               "deux fois le même argent : ce qui est " + ("engagé" if m[5] == "committed" else "reçu")
               + " est ce qui est ensuite décaissé (3) ou dépensé (4). Gardez [3, 4] pour les dépenses"),
    (r"^'([^']*)': ([\d, ]+) \(credit guarantee, incoming commitment, pledges\) moves no money: it is never spending\. "
     r"Keep \[3, 4\] for spending$", r"'\1' : \2 (garantie de crédit, engagement reçu, promesses) ne déplace pas "
     r"d'argent : ce n'est jamais une dépense. Gardez [3, 4] pour les dépenses"),
    (r"^'([^']*)': ([\w, ]+) is not an IATI transaction type \(1 to 13; 3 disbursement, 4 expenditure\)$",
     r"'\1' : \2 n'est pas un type de transaction IATI (1 à 13 ; 3 décaissement, 4 dépense)"),
    (r"^Write the transaction types counted as spending: iati: spending: \[3, 4\] \(3 disbursement, 4 expenditure\)\.$",
     "Écrivez les types de transaction comptés comme dépenses : iati: spending: [3, 4] (3 décaissement, 4 dépense)."),
    (r"^'([^']*)': exchange_rates gives ([A-Z]{3}), the project's own currency, the rate (\S+): its values are not "
     r"converted \(1 \2 is 1 \2\); remove it, or correct `currency` if the project's currency is another$",
     r"'\1' : exchange_rates donne à \2, la devise du projet lui-même, le taux \3 : ses valeurs ne sont pas converties "
     r"(1 \2 vaut 1 \2) ; supprimez-le, ou corrigez `currency` si la devise du projet est une autre"),
    (r"^'([^']*)': the exchange rate of ([A-Z]{3}) is written '([^']*)', with a ',' in a project whose decimal mark is "
     r"'\.': write it with '\.' as the decimal mark and no thousands separator \(655\.957 for 655,957 XOF for 1 EUR\)$",
     r"'\1' : le taux de change de \2 est écrit '\3', avec une ',' dans un projet dont le séparateur décimal est '.' : "
     r"écrivez-le avec '.' comme séparateur décimal et sans séparateur des milliers (655.957 pour 655,957 XOF pour "
     r"1 EUR)"),
    (r"^'([^']*)': exchange_rates gives a rate to '([^']*)', no currency's ISO 4217 code(?: \(did you mean (.+)\?\))?: "
     r"write each currency as the IATI files do, by its code \(EUR, USD, XOF\.\.\.\)$",
     lambda m: f"'{m[1]}' : exchange_rates donne un taux à '{m[2]}', le code ISO 4217 d'aucune devise"
               + (f" (vouliez-vous dire {m[3].replace(' or ', ' ou ')} ?)" if m[3] else "")
               + " : écrivez chaque devise comme les fichiers IATI, par son code (EUR, USD, XOF...)"),
    (r"^'([^']*)': an exchange rate must be greater than 0 \(see (.*)\)$",
     r"'\1' : un taux de change doit être supérieur à 0 (voir \2)"),
    (r"^exchange_rates gives the value of 1 unit of each other currency in the project's currency, e\.g\. iati: "
     r"exchange_rates: \{EUR: 1\.08\} \(see data/README\.md, IATI activity files\)\.$",
     "exchange_rates donne la valeur de 1 unité de chaque autre devise dans la devise du projet, par exemple iati: "
     "exchange_rates: {EUR: 1.08} (voir data/README.md, IATI activity files)."),
    (r"^'([^']*)': reporting_date \((\S+)\) must be after start_date \((\S+)\): the figures are those of the reporting "
     r"date$", r"'\1' : reporting_date (\2) doit être après start_date (\3) : les chiffres sont ceux de la date de "
     r"rapport"),
    (r"^'([^']*)': end_date must be after start_date$", r"'\1' : end_date doit être après start_date"),
    (r"^Write start_date, reporting_date and end_date so that the project starts before the other two \(project\.yaml, "
     r"or the annex's file when it gives its own dates\)\.$", "Écrivez start_date, reporting_date et end_date de sorte "
     "que le projet commence avant les deux autres (project.yaml, ou le fichier de l'annexe quand il donne ses propres "
     "dates)."),
    (r"^Dates are written 2021-12-31; numbers without units\.$",
     "Les dates s'écrivent 2021-12-31 ; les nombres sans unité."),
    (r"^One country per annex file, as the data's `country` column writes it \(country: Maroc\), or `all` for the "
     r"whole project: an annex of several countries is the `all` one\.$", "Un pays par fichier d'annexe, comme la "
     "colonne `country` des données l'écrit (country: Maroc), ou `all` pour tout le projet : l'annexe de plusieurs "
     "pays est celle de `all`."),
    # project.yaml's amounts and thresholds (data.params): the reason is data.numbers', said in French by its own line
    (r"^'([^']*)': (?:the benchmark of (\S+) \((.*?)\): )?(.+): write the amount in the project's currency, grouped or "
     r"not, with the decimal mark '(.)' \(decimal_mark\)$",
     lambda m: (f"'{m[1]}' : " + (f"la référence de {m[2]} ({m[3]}) : " if m[2] else "") + f"{_french(m[4])} : "
                f"écrivez le montant dans la devise du projet, groupé ou non, avec le séparateur décimal '{m[5]}' "
                "(decimal_mark)") if _french(m[4]) != m[4] else m[0]),
    (r"^Write the amount alone, in the project's currency, with its decimal mark: e\.g\. budget_total: 2 777 777,78 "
     r"\(or 2777777,78\) with decimal_mark: \",\", budget_total: 2777777\.78 with decimal_mark: \"\.\"\.$",
     "Écrivez le montant seul, dans la devise du projet, avec son séparateur décimal : par exemple budget_total: "
     "2 777 777,78 (ou 2777777,78) avec decimal_mark: \",\", budget_total: 2777777.78 avec decimal_mark: \".\"."),
    (r"^Write each benchmark alone, in the project's currency, with its decimal mark, as budget_total: e\.g\. "
     r"participant: 1 500 \(or \{value: 1 500, source: \.\.\.\}\)\.$", "Écrivez chaque référence seule, dans la devise "
     "du projet, avec son séparateur décimal, comme budget_total : par exemple `participant: 1 500` (ou "
     "`{value: 1 500, source: ...}`)."),
    (r"^Write fr or en, in lower case: language: fr\.$", "Écrivez fr ou en, en minuscules : language: fr."),
    (r"^Name the values of budget\.csv's `category` column that are staff costs, e\.g\. staff_categories: "
     r"\[staff\]\.$", "Nommez les valeurs de la colonne `category` de budget.csv qui sont des coûts de personnel, par "
     "exemple staff_categories: [staff]."),
    (r"^'([^']*)': (\S+) is a fraction of 1, where this threshold is a percentage of (the target|spending): read as \2 "
     r"%, every figure would be rated above it\. Write (\S+) for \4 %$",
     lambda m: f"'{m[1]}' : {m[2]} est une fraction de 1, alors que ce seuil est un pourcentage "
               + ("de la cible" if m[3] == "the target" else "des dépenses") + f" : lu comme {m[2]} %, chaque chiffre "
               f"serait noté au-dessus. Écrivez {m[4]} pour {m[4]} %"),
    (r"^'([^']*)': (\S+) is a percentage, where the parity band is of the index women / men \(1 at parity\): write "
     r"(\S+)$", r"'\1' : \2 est un pourcentage, alors que la bande de parité porte sur l'indice femmes / hommes (1 à la "
     r"parité) : écrivez \3"),
    (r"^'([^']*)': (rag_amber|parity_low|staff_share_low) must not be above (rag_green|parity_high|staff_share_high)$",
     r"'\1' : \2 ne doit pas être au-dessus de \3"),
    (r"^Write rag_green and rag_amber as percentages of the target \(rag_green: 80, rag_amber: 50\), staff_share_low "
     r"and staff_share_high as percentages \(30, 35\), parity_low and parity_high as the index women / men \(0\.97, "
     r"1\.03\); numbers with a '\.' and without '%'\.$", "Écrivez rag_green et rag_amber en pourcentages de la cible "
     "(rag_green: 80, rag_amber: 50), staff_share_low et staff_share_high en pourcentages (30, 35), parity_low et "
     "parity_high en indice femmes / hommes (0.97, 1.03) ; des nombres avec un '.' et sans '%'."),
    # an impact study's description (data.model's validators)
    (r"^'([^']*)': names (.+) twice \(case and spaces aside, as the header is read\): each outcome listed is estimated "
     r"and counted as one test of the Holm-adjusted p-values; list it once$", r"'\1' : nomme \2 deux fois (majuscules "
     r"et espaces mis à part, comme l'en-tête est lu) : chaque résultat listé est estimé et compté comme un test des "
     r"p-values ajustées de Holm ; listez-le une seule fois"),
    (r"^'([^']*)': a term names either a 'column' or an 'interaction' \(a list of columns\)$",
     r"'\1' : un terme nomme soit une 'column', soit une 'interaction' (une liste de colonnes)"),
    (r"^'([^']*)': a term takes one transform: power, is_zero or categories \(or is an interaction\)$",
     r"'\1' : un terme prend une seule transformation : power, is_zero ou categories (ou est une interaction)"),
    (r"^'([^']*)': design 'did' needs a 'period' \(column and post value\)$",
     r"'\1' : le design 'did' demande une 'period' (colonne et valeur post)"),
    (r"^'([^']*)': se 'cluster' needs a 'cluster' column$", r"'\1' : se 'cluster' demande une colonne 'cluster'"),
    (r"^'([^']*)': adjustment '([^']*)' needs covariates \(or propensity terms\)$",
     r"'\1' : l'ajustement '\2' demande des covariables (ou des termes de propension)"),
    (r"^'([^']*)': adjustment 'aipw' estimates the ATE of a two_group study with robust SEs \(estimand: ate, se: "
     r"robust\); use 'ipw' or 'regression' otherwise$", r"'\1' : l'ajustement 'aipw' estime l'ATE d'une étude "
     r"two_group avec des erreurs types robustes (estimand: ate, se: robust) ; sinon, utilisez 'ipw' ou 'regression'"),
    (r"^'([^']*)': exploratory names (.+), which is not among the outcomes$",
     r"'\1' : exploratory nomme \2, qui n'est pas parmi les résultats (outcomes)"),
    (r"^'([^']*)': trim is \[low, high\] with 0 <= low < high <= 1, e\.g\. \[0\.1, 0\.9\]$",
     r"'\1' : trim s'écrit [bas, haut] avec 0 <= bas < haut <= 1, par exemple [0.1, 0.9]"),
    (r"^Add `period: \{column: <the column of the rounds>, post: <its value after the programme>\}` \(e\.g\. period: "
     r"\{column: vague, post: 2021\}\), or write `design: two_group`\.$", "Ajoutez `period: {column: <la colonne des "
     "vagues>, post: <sa valeur après le programme>}` (par exemple period: {column: vague, post: 2021}), ou écrivez "
     "`design: two_group`."),
    (r"^Add `cluster: <the column of the clusters>` \(e\.g\. cluster: village\), or write `se: robust`\.$",
     "Ajoutez `cluster: <la colonne des grappes>` (par exemple cluster: village), ou écrivez `se: robust`."),
    (r"^Write `adjustment: ipw` or `adjustment: regression`, or keep aipw with `design: two_group`, `estimand: ate` "
     r"and `se: robust`\.$", "Écrivez `adjustment: ipw` ou `adjustment: regression`, ou gardez aipw avec "
     "`design: two_group`, `estimand: ate` et `se: robust`."),
    (r"^Add `covariates: \[<column>, \.\.\.\]` \(the columns the adjustment uses\), or write `adjustment: none`\.$",
     "Ajoutez `covariates: [<colonne>, ...]` (les colonnes que l'ajustement utilise), ou écrivez `adjustment: none`."),
    (r"^List in `exploratory` only outcomes of `outcomes`\.$",
     "Ne listez dans `exploratory` que des résultats de `outcomes`."),
    (r"^Write the two bounds, the lower first, e\.g\. trim: \[0\.1, 0\.9\]\.$",
     "Écrivez les deux bornes, la plus basse d'abord, par exemple trim: [0.1, 0.9]."),
    # a survey's first problems (data.surveys): a column misspelt in its YAML, its export missing, a cell not read
    (r"^'([^']*)' names the column '([^']*)', which (\S+) does not have$", r"'\1' nomme la colonne '\2', que \3 n'a pas"),
    (r"^(?:Did you mean '([^']*)'( \(the same question, with its group written otherwise in the export's headers\))?\? )?"
     r"Correct the name in (\S+) or in the export's header\.$",
     lambda m: (f"Vouliez-vous dire '{m[1]}'" + (" (la même question, avec son groupe écrit autrement dans les "
                                                 "en-têtes de l'export)" if m[2] else "") + " ? " if m[1] else "")
               + f"Corrigez le nom dans {m[3]} ou dans l'en-tête de l'export."),
    (r"^The export's headers are the questions' labels, not their names: export it again with the XML values and "
     r"headers \(KoboToolbox: « XML values and headers »\), whose names the YAML uses\.$", "Les en-têtes de l'export "
     "sont les libellés des questions, pas leurs noms : exportez-le de nouveau avec les valeurs et en-têtes XML "
     "(KoboToolbox : « XML values and headers »), dont le YAML utilise les noms."),
    (r"^wg_disability needs the six questions of the Washington Group short set \((.*)\)\.$",
     r"wg_disability demande les six questions du questionnaire court du Groupe de Washington (\1)."),
    (r"^the survey's export is missing$", "l'export de l'enquête manque"),
    (r"^Put the KoboToolbox/ODK export in (\S+) \(or \.csv\) next to this file\.$",
     r"Mettez l'export KoboToolbox/ODK dans \1 (ou .csv) à côté de ce fichier."),
    (r"^both (\S+) and (\S+) exist; \1 is read$", r"\1 et \2 existent tous deux ; \1 est lu"),
    (r"^Keep one of the two files \(the latest export\)\.$", "Gardez un seul des deux fichiers (le dernier export)."),
    (r"^this design column is empty$", "cette colonne du plan de sondage est vide"),
    (r"^Every respondent needs a stratum and a cluster when the design names them\.$",
     "Chaque répondant a besoin d'une strate et d'une grappe quand le plan de sondage les nomme."),
    (r"^this answer is 'NA', how R writes a missing value$",
     "cette réponse est 'NA', la façon dont R écrit une valeur manquante"),
    (r"^Leave the cells of missing answers empty \(R: write\.csv\(\.\.\., na = \"\"\)\)\.$",
     "Laissez vides les cellules des réponses manquantes (R : write.csv(..., na = \"\"))."),
    (r"^this answer is not a number(?: \('(.*)' beside the number\))?$",
     lambda m: "cette réponse n'est pas un nombre" + (f" ('{m[1]}' à côté du nombre)" if m[1] else "")),
    (r"^Correct it in the export \(a number with '\.' for decimals(, without its currency or unit: every answer in the "
     r"same one)?\), or leave it empty\.$",
     lambda m: "Corrigez-la dans l'export (un nombre avec '.' pour les décimales"
               + (", sans sa devise ni son unité : toutes les réponses dans la même" if m[1] else "")
               + "), ou laissez-la vide."),
    (r"^this answer is written in scientific notation \((\S+)\): a typo, or a number Excel showed so and saved with "
     r"its last digits lost$",
     lambda m: f"cette réponse est écrite en notation scientifique ({_commas(m[1])}) : une faute de frappe, ou un "
               "nombre qu'Excel affichait ainsi et a enregistré sans ses derniers chiffres"),
    (r"^Type the number in full, as it was answered; if the export went through Excel, download it again from the "
     r"server\.$",
     "Tapez le nombre en entier, tel qu'il a été répondu ; si l'export est passé par Excel, téléchargez-le de "
     "nouveau depuis le serveur."),
    (r"^this answer is a « don't know » or a refusal, not a number$",
     "cette réponse est un « ne sait pas » ou un refus, pas un nombre"),
    (r"^Leave it empty in the export: the estimate is then over those who answered \(the annex gives their "
     r"number\)\.$",
     "Laissez-la vide dans l'export : l'estimation porte alors sur ceux qui ont répondu (l'annexe en donne le "
     "nombre)."),
    (r"^(\d+) answers of this column are written with '%' \(this one first\): a number with '%' is not read$",
     r"\1 réponses de cette colonne sont écrites avec '%' (celle-ci la première) : un nombre suivi de '%' n'est pas "
     "lu"),
    (r"^Remove the '%' from the column \(Excel: find '%', replace with nothing\), every answer in percent(: weights in "
     r"percent of the population are read as relative weights \(means and shares are right; for a total, give each "
     r"respondent the number of people they stand for\))?\.$",
     lambda m: "Retirez le '%' de la colonne (Excel : rechercher '%', remplacer par rien), toutes les réponses en "
               "pourcentage" + (" : des poids en pourcentage de la population sont lus comme des poids relatifs "
                                "(moyennes et parts sont justes ; pour un total, donnez à chaque répondant le nombre "
                                "de personnes qu'il représente)" if m[1] else "") + "."),
    (r"^(\d+) more answers of this column(?: of the sheet '([^']*)')? are not numbers$",
     lambda m: f"{m[1]} autres réponses de cette colonne" + (f" de la feuille '{m[2]}'" if m[2] else "")
               + " ne sont pas des nombres"),
    (r"^the weight is (missing|below 0)$",
     lambda m: "le poids " + ("manque" if m[1] == "missing" else "est inférieur à 0")),
    (r"^Every respondent needs a weight of 0 or more \(the number of people they stand for\)\.$",
     "Chaque répondant a besoin d'un poids de 0 ou plus (le nombre de personnes qu'il représente)."),
    (r"^(\d+) more weights are missing or below 0$",
     r"\1 autres poids manquent ou sont inférieurs à 0"),
    (r"^every weight is 0$", "tous les poids valent 0"),
    (r"^Every respondent would stand for no one: give the weights \(the number of people each respondent stands "
     r"for\)\.$", "Chaque répondant ne représenterait personne : donnez les poids (le nombre de personnes que "
     "chaque répondant représente)."),
    (r"^(\d+) respondents? ha(?:s|ve) a weight of 0 \(rows? ([\d, ]+)(?: and (\d+) more)?\): counted in no "
     r"estimate, but kept in the design as sampled units outside the population, as R's svydesign keeps them "
     r"\(they widen the standard error of a total\)$",
     lambda m: (f"{m[1]} répondants ont" if m[1] != "1" else "1 répondant a") + " un poids de 0 ("
               + ("lignes " if m[1] != "1" else "ligne ") + m[2] + (f" et {m[3]} autres" if m[3] else "")
               + ") : hors de toute estimation, mais " + ("gardés" if m[1] != "1" else "gardé")
               + " dans le plan de sondage comme des unités tirées hors de la population, comme svydesign de R les "
               "garde (ils élargissent l'erreur type d'un total)"),
    (r"^If they were sampled and found out of scope, nothing needs doing; if they were never part of the sample "
     r"\(replacements, duplicates, tests\), delete their rows from the export\.$",
     "S'ils ont été tirés puis trouvés hors du champ, rien à faire ; s'ils n'ont jamais fait partie de "
     "l'échantillon (remplaçants, doublons, tests), supprimez leurs lignes de l'export."),
    (r"^the fpc is missing or not greater than 0$", "le fpc manque ou n'est pas supérieur à 0"),
    (r"^Give the population size \(or the sampling fraction\) of the stratum on every row\.$",
     "Donnez la taille de la population (ou la fraction de sondage) de la strate sur chaque ligne."),
    (r"^the fpc mixes sampling fractions \(at most 1\) and population sizes$",
     "le fpc mélange des fractions de sondage (au plus 1) et des tailles de population"),
    (r"^Use one or the other on every row\.$", "Utilisez l'un ou l'autre sur chaque ligne."),
    (r"^the fpc is not the same on every row of the stratum '(.*)'$",
     r"le fpc n'est pas le même sur chaque ligne de la strate '\1'"),
    (r"^Give the stratum's population size on each of its rows\.$",
     "Donnez la taille de la population de la strate sur chacune de ses lignes."),
    (r"^the fpc \((\S+)\) is smaller than the (\d+) (clusters|respondents) sampled in (?:the stratum '(.*)'|the "
     r"survey)$", lambda m: f"le fpc ({_commas(m[1])}) est plus petit que les {m[2]} "
                            + ("grappes" if m[3] == "clusters" else "répondants") + " tirés "
                            + (f"dans la strate '{m[4]}'" if m[4] is not None else "dans l'enquête")),
    (r"^fpc is the population size from which the sample was drawn \(or the sampling fraction\): it cannot be smaller "
     r"than the sample\.$", "fpc est la taille de la population dans laquelle l'échantillon a été tiré (ou la "
     "fraction de sondage) : il ne peut pas être plus petit que l'échantillon."),
    (r"^'estimates\.(\d+)\.value' is '(.*)', which no answer of '([^']*)' has: the answers write it (.+), and the share "
     r"of '\2' would be 0 %$", r"'estimates.\1.value' est '\2', qu'aucune réponse de '\3' n'a : les réponses "
     r"l'écrivent \4, et la part de '\2' serait de 0 %"),
    (r"^Write the value as the answers do \(value: \"(.*)\"\), or export the answers as the form's choice names "
     r"\(KoboToolbox: XML values\)\.$", r'Écrivez la valeur comme les réponses (« value: "\1" »), ou exportez les '
     r"réponses avec les noms des choix du formulaire (KoboToolbox : XML values)."),
    (r"^'estimates\.(\d+)\.value' is '(.*)', which no answer of '([^']*)' has$",
     r"'estimates.\1.value' est '\2', qu'aucune réponse de '\3' n'a"),
    (r"^(?:(Did you mean '[^']*'\?) )?Values found: (.*)\.$",
     lambda m: ("Vouliez-vous dire " + m[1][len("Did you mean "):-1] + " ? " if m[1] else "")
               + "Valeurs trouvées : " + ("aucune" if m[2] == "none" else m[2]) + "."),
    (r"^(1 answer is|\d+ answers are) (.+), which is not a choice of the form for this question \(its choices: (.*)\): "
     r"the estimates would count it as \2$",
     lambda m: _answers_fr(m[1]) + f" {m[2]}, qui n'est pas un choix du formulaire pour cette question (ses choix : "
               f"{m[3]}) : les estimations le compteraient comme {m[2]}"),
    (r"^(1 answer is|\d+ answers are) (.+), which the form's constraint on this question \((.*)\) does not allow: the "
     r"estimates would count it as \2$",
     lambda m: _answers_fr(m[1]) + f" {m[2]}, que la contrainte du formulaire sur cette question (« {m[3]} ») ne permet "
               f"pas : les estimations le compteraient comme {m[2]}"),
    (r"^If (.+) stands for 'don't know' or 'refused', declare it \(missing_codes: \[(.*)\] in the YAML\) or leave those "
     r"answers empty; if a later version of the form (has this choice|allows it), give that version \('form:' in the "
     r"YAML\)\.$", lambda m: f"Si {m[1]} signifie 'ne sait pas' ou 'refus', déclarez-le (missing_codes: [{m[2]}] dans "
                             "le YAML) ou laissez ces réponses vides ; si une version plus récente du formulaire "
                             + ("a ce choix" if m[3] == "has this choice" else "le permet")
                             + ", donnez cette version ('form:' dans le YAML)."),
    (r"^this submission is already in the export: (?:its start, end and every answer are those of row (\d+), under "
     r"another (\S+) \(the same interview sent twice\)|its (\S+) is that of row (\d+)|its (\S+) \((.*)\) is the (\S+) of "
     r"row (\d+) \((.*)\)|its answers and times are those of row (\d+))$",
     lambda m: "cette soumission est déjà dans l'export : "
               + (f"son début, sa fin et chaque réponse sont ceux de la ligne {m[1]}, sous un autre {m[2]} (le même "
                  "entretien envoyé deux fois)" if m[1] else
                  f"son {m[3]} est celui de la ligne {m[4]}" if m[3] else
                  f"son {m[5]} ({m[6]}) est le {m[7]} de la ligne {m[8]} ({m[9]})" if m[5] else
                  f"ses réponses et ses heures sont celles de la ligne {m[10]}")),
    (r"^Delete one of the two rows: a submission exported or sent twice would count its respondent twice\.$",
     "Supprimez l'une des deux lignes : une soumission exportée ou envoyée deux fois compterait deux fois son "
     "répondant."),
    (r"^(\d+) more submissions are already in the export$", r"\1 autres soumissions sont déjà dans l'export"),
    (r"^this row is not a submission: (?:'(.*)' says it is a totals row|its (\S+) \((\S+)\) is the sum of the (\d+) "
     r"other rows); it would be counted as a respondent$",
     lambda m: "cette ligne n'est pas une soumission : "
               + (f"'{m[1]}' dit que c'est une ligne de total" if m[1] is not None else
                  f"son {m[2]} ({_commas(m[3])}) est la somme des {m[4]} autres lignes") + " ; elle serait comptée comme un "
                                                                                  "répondant"),
    (r"^every respondent is in the one cluster '(.*)': the variance between clusters cannot be estimated$",
     r"chaque répondant est dans la seule grappe '\1' : la variance entre grappes ne peut pas être estimée"),
    (r"^Check the design's clusters column \(a column of one value, or the wrong column\?\); if the respondents were "
     r"drawn at random within that one unit, leave 'clusters' out of the design: the estimates then describe that "
     r"unit only\.$", "Vérifiez la colonne des grappes du plan de sondage (une colonne d'une seule valeur, ou la "
     "mauvaise colonne ?) ; si les répondants ont été tirés au hasard dans cette seule unité, retirez 'clusters' du "
     "plan : les estimations décrivent alors cette unité seulement."),
    (r"^the stratum '(.*)' has a single (cluster|respondent): the variance within it cannot be estimated$",
     lambda m: f"la strate '{m[1]}' n'a " + ("qu'une seule grappe" if m[2] == "cluster" else "qu'un seul répondant")
               + " : la variance en son sein ne peut pas être estimée"),
    (r"^Merge this stratum with the most similar one \(write the same stratum on their rows\), as the survey's "
     r"statistician would; the workbook does not guess a rule \(R's lonely\.psu 'adjust' and the Python svy library's "
     r"'center' disagree for totals\)\.$", "Fusionnez cette strate avec la plus semblable (écrivez la même strate sur "
     "leurs lignes), comme le ferait le statisticien de l'enquête ; le classeur ne devine pas de règle (lonely.psu "
     "'adjust' de R et 'center' de la bibliothèque Python svy divergent pour les totaux)."),
    (r"^'estimates\.(\d+)\.total' asks for the total of '([^']*)', and the design has no weights: it would be the sum "
     r"over the respondents, not over the people they stand for$", r"'estimates.\1.total' demande le total de '\2', "
     r"et le plan de sondage n'a pas de poids : ce serait la somme sur les répondants, pas sur les personnes qu'ils "
     r"représentent"),
    (r"^Give the weights \(design: \{weights: <column>\}: how many people each respondent stands for\), or ask for the "
     r"mean instead\.$", "Donnez les poids (design: {weights: <colonne>} : combien de personnes chaque répondant "
     "représente), ou demandez plutôt la moyenne."),
    (r"^(1 answer is|\d+ answers are) (\S+), below every other answer \(all 0 or more\): if \2 stands for 'don't know' "
     r"or 'refused', the estimates count it as \2$",
     lambda m: _answers_fr(m[1]) + f" {m[2]}, moins que toutes les autres réponses (toutes 0 ou plus) : si {m[2]} "
               f"signifie 'ne sait pas' ou 'refus', les estimations le comptent comme {m[2]}"),
    (r"^If it does, leave those answers empty in the file(?: or declare it \(missing_codes: \[(\S+)\] in the YAML\))?; "
     r"if (\S+) is a true answer, nothing needs doing\.$",
     lambda m: "Si c'est le cas, laissez ces réponses vides dans le fichier"
               + (f" ou déclarez-le (missing_codes: [{m[1]}] dans le YAML)" if m[1] else "")
               + f" ; si {m[2]} est une vraie réponse, rien à faire."),
    (r"^the export has a column '([^']*)' that looks like sampling weights, but the YAML's design names no weights: "
     r"every respondent counts the same \(the sample's own figures\)$", r"l'export a une colonne '\1' qui ressemble à "
     r"des poids de sondage, mais le plan de sondage du YAML ne nomme pas de poids : chaque répondant compte autant "
     r"(les chiffres de l'échantillon lui-même)"),
    (r"^If they are the sampling weights, write 'design: \{weights: ([^}]*)\}' in the YAML; if the sample is a simple "
     r"random sample, nothing needs doing\.$", r"Si ce sont les poids de sondage, écrivez 'design: {weights: \1}' dans "
     r"le YAML ; si l'échantillon est un échantillon aléatoire simple, rien à faire."),
    # an IATI file's values (data.iati): what a real file meets first (another currency, a number with its sign)
    (r"^activity (\S+): this value is in ([A-Z]{3}), the project's currency is ([A-Z]{3})$",
     r"activité \1 : cette valeur est en \2, la devise du projet est \3"),
    (r"^Add the exchange rate to project\.yaml \(iati: exchange_rates: \{([A-Z]{3}): <([A-Z]{3}) for 1 \1>\}\): amounts "
     r"in several currencies are never added as they are\.$", r"Ajoutez le taux de change à project.yaml (iati: "
     r"exchange_rates: {\1: <\2 pour 1 \1>}) : des montants en plusieurs devises ne sont jamais additionnés tels "
     r"quels."),
    (r"^activity (\S+): this transaction \((.+)\) is in ([A-Z]{3}), and project\.yaml gives no rate to ([A-Z]{3}): no "
     r"figure counts it \(it is not spending\), but it is not compared with the payments of the files it may repeat$",
     lambda m: f"activité {m[1]} : cette transaction ({_IATI_TRANSACTIONS.get(m[2], m[2])}) est en {m[3]}, et "
               f"project.yaml ne donne pas de taux vers {m[4]} : aucun chiffre ne la compte (ce n'est pas une "
               "dépense), mais elle n'est pas comparée avec les paiements des fichiers qu'elle peut répéter"),
    (r"^Add the exchange rate to project\.yaml \(iati: exchange_rates: \{([A-Z]{3}): <([A-Z]{3}) for 1 \1>\}\) to "
     r"compare it\.$", r"Ajoutez le taux de change à project.yaml (iati: exchange_rates: {\1: <\2 pour 1 \1>}) pour "
     r"la comparer."),
    (r"^activity (\S+): not a number as IATI writes them \(digits and '\.', no currency sign, no thousands "
     r"separator\)$", r"activité \1 : pas un nombre comme IATI les écrit (des chiffres et '.', sans signe de devise ni "
     r"séparateur des milliers)"),
    (r"^The value is left empty \(not rated\)\. Ask the publisher to write it as a number\.$",
     "La valeur est laissée vide (non notée). Demandez à l'éditeur du fichier de l'écrire comme un nombre."),
    (r"^activity (\S+): this transaction has no (valid )?transaction-date( \(a day of the years 1900 to 2199\))?, so "
     r"it cannot be put in a period and is not counted(?: \(type (.+): not spending unless iati\.spending says so\))?$",
     lambda m: f"activité {m[1]} : cette transaction n'a pas de transaction-date" + (" valide" if m[2] else "")
               + (" (un jour des années 1900 à 2199)" if m[3] else "") + " : elle ne peut être placée dans aucune "
               "période et n'est pas comptée"
               + (f" (type {_IATI_TRANSACTIONS.get(m[4], m[4])} : ce n'est pas une dépense, sauf si iati.spending le "
                  "dit)" if m[4] else "")),
    (r"^activity (\S+): (\d+) transaction\(s\) without transaction-date are dated by their value's value-date "
     r"\((\S+)(?: to (\S+))?\), the day of their exchange rate$",
     lambda m: f"activité {m[1]} : {m[2]} transaction(s) sans transaction-date datée(s) par la date de valeur "
               f"(« value-date ») de leur montant ({f'du {m[3]} au {m[4]}' if m[4] else m[3]}), le jour de leur taux de "
               "change"),
    (r"^Nothing to do if it is the day of the payment; ask the publisher to write transaction-date\.$",
     "Rien à faire si c'est le jour du paiement ; sinon, demandez à l'éditeur du fichier d'écrire transaction-date."),
    (r"^activity (\S+): the result type ('.*') is not an IATI code \(1 output, 2 outcome, 3 impact, 9 other\): its "
     r"indicators are listed without a level$", r"activité \1 : le type de résultat \2 n'est pas un code IATI (1 "
     r"produit, 2 effet, 3 impact, 9 autre) : ses indicateurs sont listés sans niveau"),
    (r"^Ask the publisher to correct the file; the level is then left empty in the IPTT\.$",
     "Demandez à l'éditeur du fichier de le corriger ; d'ici là, le niveau reste vide dans l'IPTT."),
    # IATI budgets, transactions and dates (data.iati), as real publishers' files meet them
    (r"^activity (\S+): budget types or statuses written as words, read as their IATI codes: (.+?)(; budget (?:type|status) .*)?$",
     lambda m: f"activité {m[1]} : types ou statuts de budget écrits en mots, lus comme leurs codes IATI : "
               + re.sub(r"\((original|revised|indicative|committed)\)", lambda w: "(" + _IATI_BUDGET_WORDS[w[1]] + ")",
                        m[2]) + (m[3] or "")),
    (r"(^activity \S+: |; )budget (type|status) ('.*'): not IATI codes \(type: 1 original, 2 revised; "
     r"status: 1 indicative, 2 committed\): read as an original budget, a status as not given$",
     lambda m: ("activité " + m[1][9:-2] + " : " if m[1].startswith("activity") else m[1])
               + ("type" if m[2] == "type" else "statut") + f" de budget {m[3]} : pas des codes IATI (type : 1 "
               "initial, 2 révisé ; statut : 1 indicatif, 2 engagé) : lu comme un budget initial, un statut comme "
               "non donné"),
    (r"^Nothing to do if they are read right; ask the publisher to write the codes \(1, 2\)(; a revision read as an "
     r"original makes the budget wrong or not computed until then)?\.$",
     lambda m: "Rien à faire s'ils sont bien lus ; demandez à l'éditeur du fichier d'écrire les codes (1, 2)"
               + (" ; d'ici là, une révision lue comme un budget initial rend le budget faux ou non calculé"
                  if m[1] else "") + "."),
    (r"^activity (\S+): (\d+) transaction\(s\) typed with the letter codes of IATI 1\.0x, read as IATI 2\.01 "
     r"renumbered them: (.+)$",
     lambda m: f"activité {m[1]} : {m[2]} transaction(s) typée(s) avec les lettres d'IATI 1.0x, lues comme IATI 2.01 "
               "les a renumérotées : " + re.sub(r"\(([a-z ]+)\)", lambda w: f"({_IATI_TRANSACTIONS.get(w[1], w[1])})",
                                                m[3])),
    (r"^Nothing to do if they are; ask the publisher to use the 2\.0x codes \(1 to 13\)\.$",
     "Rien à faire si c'est bien cela ; demandez à l'éditeur du fichier d'employer les codes 2.0x (1 à 13)."),
    (r"^activity (\S+): (?:the transaction type ('.*') is not an IATI code \(1 to 13\)|this transaction has no "
     r"transaction-type): what it is cannot be told, and its value \((.*)\) is not counted as spending$",
     lambda m: f"activité {m[1]} : " + (f"le type de transaction {m[2]} n'est pas un code IATI (1 à 13)" if m[2] else
                                        "cette transaction n'a pas de transaction-type")
               + f" : on ne peut dire ce qu'elle est, et son montant ({m[3]}) n'est pas compté comme dépense"),
    (r"^Ask the publisher to correct the file; if it is spending, the spending shown is too low until then\.$",
     "Demandez à l'éditeur du fichier de le corriger ; si c'est une dépense, les dépenses affichées sont trop basses "
     "d'ici là."),
    (r"^activity (\S+): the budget of (\S+) \((.*)\) covers (\d+) other budget\(s\) of its period \((.*) in all, e\.g\. "
     r"(\S+)\): they are parts of it, so only it is counted, not their sum$",
     r"activité \1 : le budget de \2 (\3) couvre \4 autre(s) budget(s) de sa période (\5 en tout, par exemple \6) : ce "
     r"sont ses parties, il est donc seul compté, pas leur somme"),
    (r"^Nothing to do if it is the whole budget of the activity; check the file otherwise\.$",
     "Rien à faire si c'est le budget entier de l'activité ; vérifiez le fichier sinon."),
    (r"^activity (\S+): budgets of the same type whose periods overlap \((.*)\) cannot be added, and none covers the "
     r"others with at least their sum: the activity's budget is not computed \(not rated\)$",
     r"activité \1 : des budgets du même type dont les périodes se chevauchent (\2) ne peuvent être additionnés, et "
     r"aucun ne couvre les autres avec au moins leur somme : le budget de l'activité n'est pas calculé (non noté)"),
    (r"^Ask the publisher to give budgets of periods that do not overlap \(IATI: a budget should not span more than a "
     r"year\), or a revised budget \(type 2\) for the period\.$",
     "Demandez à l'éditeur du fichier des budgets de périodes qui ne se chevauchent pas (IATI : un budget ne devrait "
     "pas dépasser un an), ou un budget révisé (type 2) pour la période."),
    (r"^activity (\S+) has (\d+) (revised|original) budgets for the period (\S+) \((.*)\): which one is its budget "
     r"cannot be told, and their sum is neither, so the activity's budget is not computed \(not rated\)$",
     lambda m: f"l'activité {m[1]} a {m[2]} budgets " + ("révisés" if m[3] == "revised" else "initiaux")
               + f" pour la période {m[4]} ({m[5]}) : on ne peut dire lequel est son budget, et leur somme ne l'est "
                 "pas non plus : le budget de l'activité n'est pas calculé (non noté)"),
    (r"^Ask the publisher for one budget of each type per period \(IATI: one original, and one revised when it "
     r"changed\)\.$", "Demandez à l'éditeur du fichier un budget de chaque type par période (IATI : un initial, et un "
     "révisé quand il a changé)."),
    (r"^activity (\S+): this budget has no period \((.*)\), beside (\d+) budget\(s\) with one \((.*) in all\): it is "
     r"read as the whole-life budget they are parts of, and counted alone, not added to them$",
     r"activité \1 : ce budget n'a pas de période (\2), à côté de \3 budget(s) qui en ont une (\4 en tout) : il est lu "
     r"comme le budget de toute la durée dont ils sont des parties, et compté seul, sans leur être ajouté"),
    (r"^Nothing to do if it is the activity's whole budget; ask the publisher to give it its period otherwise\.$",
     "Rien à faire si c'est le budget entier de l'activité ; sinon, demandez à l'éditeur du fichier de lui donner sa "
     "période."),
    (r"^activity (\S+): this budget has (?:a period that ends \((\S+)\) before it starts \((\S+)\)|no valid "
     r"period-start and period-end \(a day as 2021-01-01\)), beside (\d+) other budget\(s\): whether it holds them or "
     r"adds to them cannot be told, so the activity's budget is not computed \(not rated\)$",
     lambda m: f"activité {m[1]} : ce budget a " + (f"une période qui finit ({m[2]}) avant de commencer ({m[3]})"
                                                   if m[2] else "ni period-start ni period-end valides (un jour "
                                                   "comme 2021-01-01)")
               + f", à côté de {m[4]} autre(s) budget(s) : on ne peut dire s'il les contient ou s'y ajoute, le budget "
                 "de l'activité n'est donc pas calculé (non noté)"),
    (r"^Ask the publisher to give every budget its period \(period-start, period-end, at most a year\)\.$",
     "Demandez à l'éditeur du fichier de donner à chaque budget sa période (period-start, period-end, un an au plus)."),
    (r"^activity (\S+): the original budget of (\S+) is replaced by the revised budget\(s\) of (.+), which do not "
     r"cover all its days: the original is not counted at all$",
     r"activité \1 : le budget initial de \2 est remplacé par le ou les budgets révisés de \3, qui ne couvrent pas "
     r"tous ses jours : l'initial n'est pas compté du tout"),
    (r"^Check the file: a revision normally has the period of what it revises\.$",
     "Vérifiez le fichier : une révision a normalement la période de ce qu'elle révise."),
    (r"^activity (\S+): budget periods share only the day one ends and the next starts \((.*)\): read as consecutive "
     r"periods, added \(a period-end written as the next period's start\)$",
     r"activité \1 : des périodes de budget n'ont en commun que le jour où l'une finit et la suivante commence (\2) : "
     r"lues comme des périodes successives, additionnées (une fin de période écrite comme le début de la suivante)"),
    (r"^Nothing to do if each budget is its own period's; check the file otherwise\.$",
     "Rien à faire si chaque budget est celui de sa propre période ; vérifiez le fichier sinon."),
    (r"^activity (\S+): the period (\S+) has an indicative budget \(status 1\) and a committed one \(status 2, (.*)\): "
     r"the committed one is counted, not their sum$",
     r"activité \1 : la période \2 a un budget indicatif (statut 1) et un budget engagé (statut 2, \3) : le budget "
     r"engagé est compté, pas leur somme"),
    (r"^Nothing to do if the committed budget replaces the indicative one\.$",
     "Rien à faire si le budget engagé remplace l'indicatif."),
    (r"^activity (\S+): (\d+) indicative budget\(s\) \(status 1, e\.g\. (.*?)\) are covered by committed budgets "
     r"\(status 2, e\.g\. (.*)\): the committed ones are counted, not the indicative ones$",
     r"activité \1 : \2 budget(s) indicatif(s) (statut 1, par exemple \3) sont couverts par des budgets engagés "
     r"(statut 2, par exemple \4) : les engagés sont comptés, pas les indicatifs"),
    (r"^Nothing to do if the committed budgets replace the indicative ones\.$",
     "Rien à faire si les budgets engagés remplacent les indicatifs."),
    (r"^activity (\S+) is cancelled \(activity-status 5\), and its budget \((.*)\) is counted in the budget and every "
     r"rate$", r"l'activité \1 est annulée (activity-status 5), et son budget (\2) est compté dans le budget et dans "
     r"chaque taux"),
    (r"^Leave it out \(iati\.activities or iati\.activity_prefix in project\.yaml\) if its budget was never to be "
     r"spent; keep it if it spent money before it stopped\.$",
     "Laissez-la de côté (iati.activities ou iati.activity_prefix dans project.yaml) si son budget ne devait jamais "
     "être dépensé ; gardez-la si elle a dépensé de l'argent avant de s'arrêter."),
    (r"^activity (\S+) is suspended \(activity-status 6\): its budget \((.*)\) is counted in the budget and every rate "
     r"while its spending has stopped, so its low execution rate and burn index are the suspension's, not the pace "
     r"of a running activity$",
     r"l'activité \1 est suspendue (activity-status 6) : son budget (\2) est compté dans le budget et dans chaque taux "
     r"alors que ses dépenses se sont arrêtées : son faible taux d'exécution et son indice de consommation tiennent à "
     r"la suspension, pas au rythme d'une activité en cours"),
    (r"^Say so where the annex's rates are discussed; leave it out \(iati\.activities in project\.yaml\) if it will "
     r"not resume\.$", "Dites-le là où les taux de l'annexe sont commentés ; laissez-la de côté (iati.activities dans "
     "project.yaml) si elle ne reprendra pas."),
    (r"^activity (\S+): this (.+) is dated (\S+), after the file was written \((\S+), generated-datetime / "
     r"last-updated-datetime\): it was not paid when the file said it, so it is not counted$",
     lambda m: f"activité {m[1]} : cette transaction ({_IATI_TRANSACTIONS.get(m[2], m[2])}) est datée du {m[3]}, après "
               f"l'écriture du fichier ({m[4]}, generated-datetime / last-updated-datetime) : elle n'était pas payée "
               "quand le fichier l'a dit, elle n'est donc pas comptée"),
    (r"^Ask the publisher to write planned payments as planned-disbursement; a newer file of the activity gives what "
     r"was paid since\.$", "Demandez à l'éditeur du fichier d'écrire les paiements prévus en planned-disbursement ; un "
     "fichier plus récent de l'activité donne ce qui a été payé depuis."),
    (r"^activity (\S+): its actual (start|end) \((\S+), activity-date type (\d)\) is after the day the file was "
     r"written \((\S+)\): it had not happened, so it is read as the planned \2(?:, the file's own planned \2 \((\S+)\) "
     r"kept)?$",
     lambda m: f"activité {m[1]} : " + ("son début réel" if m[2] == "start" else "sa fin réelle")
               + f" ({m[3]}, activity-date de type {m[4]}) est postérieur" + ("" if m[2] == "start" else "e")
               + f" au jour où le fichier a été écrit ({m[5]}) : " + ("il n'avait pas eu lieu, il est donc lu comme le "
                                                                     "début prévu" if m[2] == "start" else
                                                                     "elle n'avait pas eu lieu, elle est donc lue comme "
                                                                     "la fin prévue")
               + (f", la date prévue du fichier ({m[6]}) gardée" if m[6] else "")),
    (r"^Ask the publisher to write planned dates with type ([13])\.$",
     r"Demandez à l'éditeur du fichier d'écrire les dates prévues avec le type \1."),
    (r"^activity (\S+): its (?:actual|planned) end \((\S+), activity-date type (\d)\) is before its start \((\S+)\): "
     r"it is not read(?:, the planned end \((\S+)\) is)?$",
     lambda m: f"activité {m[1]} : sa fin ({m[2]}, activity-date de type {m[3]}) est antérieure à son début ({m[4]}) : "
               "elle n'est pas lue" + (f", la fin prévue ({m[5]}) l'est" if m[5] else "")),
    (r"^Ask the publisher to correct the date; check end_date in project\.yaml\.$",
     "Demandez à l'éditeur du fichier de corriger la date ; vérifiez end_date dans project.yaml."),
    (r"^activity (\S+): this transaction repeats (\S+) \(same ref ('.*'), type, date and value\): counted once$",
     r"activité \1 : cette transaction répète \2 (même ref \3, type, date et montant) : comptée une fois"),
    (r"^Nothing to do if it is a copy; ask the publisher otherwise \(two payments have two refs\)\.$",
     "Rien à faire si c'est une copie ; demandez à l'éditeur du fichier sinon (deux paiements ont deux refs)."),
    (r"^activity (\S+): (\d+) reimbursement\(s\) \(transaction type 7, a kind of disbursement that covers money the "
     r"recipient already spent\), (.*) in all, are not counted as spending: iati\.spending is (\[.*\])$",
     r"activité \1 : \2 remboursement(s) (type de transaction 7, une sorte de décaissement qui couvre de l'argent déjà "
     r"dépensé par le bénéficiaire), \3 en tout, ne sont pas comptés comme dépenses : iati.spending vaut \4"),
    (r"^Add 7 to iati\.spending in project\.yaml \(spending: (\[.*\])\) to count them\.$",
     r"Ajoutez 7 à iati.spending dans project.yaml (spending: \1) pour les compter."),
    # IATI countries, currencies, hierarchies and results (data.iati)
    (r"^activity (\S+): a recipient-country code is two letters \(ISO 3166-1 alpha-2\): ([A-Z]{3}), a three-letter "
     r"code, is read as ([A-Z]{2}) \((.*)\)$",
     lambda m: f"activité {m[1]} : un code de pays bénéficiaire a deux lettres (ISO 3166-1 alpha-2) : {m[2]}, un code "
               f"à trois lettres, est lu comme {m[3]} ({_country_fr(m[3], m[4])})"),
    (r"^Nothing to do if it is that country; ask the publisher to write the two-letter code\.$",
     "Rien à faire si c'est ce pays ; demandez à l'éditeur du fichier d'écrire le code à deux lettres."),
    (r"^activity (\S+): a recipient-country code is two letters \(ISO 3166-1, e\.g\. SN\): this one is not read, and "
     r"the money is not split by it$", r"activité \1 : un code de pays bénéficiaire a deux lettres (ISO 3166-1, par "
     r"exemple SN) : celui-ci n'est pas lu, et l'argent n'est pas réparti selon lui"),
    (r"^Ask the publisher to correct the code; the annexes are not built until then\.$",
     "Demandez à l'éditeur du fichier de corriger le code ; d'ici là, les annexes ne sont pas produites."),
    (r"^activity (\S+): this recipient-country has no code; read as ([A-Z]{2}) \((.*)\) from its name$",
     lambda m: f"activité {m[1]} : ce pays bénéficiaire n'a pas de code ; lu comme {m[2]} "
               f"({_country_fr(m[2], m[3])}) d'après son nom"),
    (r"^Nothing to do if it is that country; ask the publisher to write its code \(ISO 3166-1\)\.$",
     "Rien à faire si c'est ce pays ; demandez à l'éditeur du fichier d'écrire son code (ISO 3166-1)."),
    (r"^activity (\S+): this recipient-country has no code(, and its name is not a country's|, and its names are "
     r"several countries')?: it is not read, (its money is counted as the activity's \(split by its recipient "
     r"countries, else the project's as a whole\)|its percentage is the project's as a whole \(regional\), no country "
     r"annex shows it)$",
     lambda m: f"activité {m[1]} : ce pays bénéficiaire n'a pas de code"
               + {None: "", ", and its name is not a country's": ", et son nom n'est pas celui d'un pays",
                  ", and its names are several countries'": ", et ses noms sont ceux de plusieurs pays"}[m[2]]
               + " : il n'est pas lu, " + ("son argent est compté comme celui de l'activité (réparti selon ses pays "
                                          "bénéficiaires, sinon celui du projet dans son ensemble)"
                                          if m[3].startswith("its money") else
                                          "son pourcentage est celui du projet dans son ensemble (regional), aucune "
                                          "annexe de pays ne le montre")),
    (r"^Ask the publisher to write the country's code \(ISO 3166-1, e\.g\. SN\)\.$",
     "Demandez à l'éditeur du fichier d'écrire le code du pays (ISO 3166-1, par exemple SN)."),
    (r"^activity (\S+): a percentage is between 0 and 100: the money is not split by this one$",
     r"activité \1 : un pourcentage est compris entre 0 et 100 : l'argent n'est pas réparti selon celui-ci"),
    (r"^Ask the publisher to correct the percentage \(0 to 100\); the annexes are not built until then\.$",
     "Demandez à l'éditeur du fichier de corriger le pourcentage (0 à 100) ; d'ici là, les annexes ne sont pas "
     "produites."),
    (r"^activity (\S+): the recipient country ([A-Z]{2}) has no percentage, beside (.*?) %: \2 is read as the rest, "
     r"(\S+) % of the money \(an estimate\)(, the regions' share the project's as a whole \(regional\), in no country "
     r"annex)?$",
     lambda m: f"activité {m[1]} : le pays bénéficiaire {m[2]} n'a pas de pourcentage, à côté de "
               f"{_commas(m[3].replace('regions ', 'régions '))} % : {m[2]} est lu comme le reste, {_commas(m[4])} % de "
               "l'argent (une "
               "estimation)" + (", la part des régions étant celle du projet dans son ensemble (regional), dans "
                                "aucune annexe de pays" if m[5] else "")),
    (r"^Ask the publisher for the country's percentage \(IATI: countries and regions 100 % in all\)\.$",
     "Demandez à l'éditeur du fichier le pourcentage du pays (IATI : pays et régions 100 % en tout)."),
    (r"^activity (\S+) has (\d+) recipient countries, (\d+) without a percentage: its money is counted for the "
     r"project as a whole \(regional\), not split by a guess$",
     r"l'activité \1 a \2 pays bénéficiaires, \3 sans pourcentage : son argent est compté pour le projet dans son "
     r"ensemble (regional), sans être réparti au jugé"),
    (r"^Ask the publisher for the percentages\.$", "Demandez les pourcentages à l'éditeur du fichier."),
    (r"^activity (\S+): this transaction names several recipient countries \(IATI allows one\): its money is split as "
     r"the activity's \(by its recipient countries, else the project's as a whole: no country annex shows it\), not "
     r"given to the first \(([A-Z]{2})\), whatever its percentages$",
     r"activité \1 : cette transaction nomme plusieurs pays bénéficiaires (IATI en permet un) : son argent est réparti "
     r"comme celui de l'activité (selon ses pays bénéficiaires, sinon pour le projet dans son ensemble : aucune annexe "
     r"de pays ne le montre), pas donné au premier (\2), quels que soient ses pourcentages"),
    (r"^Ask the publisher for one transaction per country\.$",
     "Demandez à l'éditeur du fichier une transaction par pays."),
    (r"^activity (\S+): its recipient countries' percentages add up to (\S+) %, more than 100 %: splitting by them "
     r"would count some money twice; it is counted for the project as a whole \(regional\)$",
     lambda m: f"activité {m[1]} : les pourcentages de ses pays bénéficiaires font {_commas(m[2])} % en tout, plus de "
               "100 % : les répartir ainsi compterait de l'argent deux fois ; il est compté pour le projet dans son "
               "ensemble (regional)"),
    (r"^Ask the publisher to correct the percentages \(at most 100 in all\); the annexes are not built until then\.$",
     "Demandez à l'éditeur du fichier de corriger les pourcentages (100 au plus en tout) ; d'ici là, les annexes ne "
     "sont pas produites."),
    (r"^activity (\S+): its recipient countries' percentages \((.*)\) and its recipient regions' \((\S+)\) add up to "
     r"(\S+) %, more than 100 %: the countries' shares are read as written, the project as a whole \(regional\) gets "
     r"(\S+) %, not the regions' \3 %$",
     lambda m: f"activité {m[1]} : les pourcentages de ses pays bénéficiaires ({_commas(m[2])}) et de ses régions "
               f"({_commas(m[3])}) font {_commas(m[4])} % en tout, plus de 100 % : les parts des pays sont lues telles "
               f"qu'écrites, le projet dans son ensemble (regional) reçoit {_commas(m[5])} %, pas les {_commas(m[3])} % "
               "des régions"),
    (r"^Ask the publisher to correct the percentages \(100 in all, regions included\); until then, read the country "
     r"annexes' budgets and spending as the countries' shares of the file\.$",
     "Demandez à l'éditeur du fichier de corriger les pourcentages (100 en tout, régions comprises) ; d'ici là, lisez "
     "les budgets et dépenses des annexes de pays comme les parts des pays selon le fichier."),
    (r"^activity (\S+): its recipient countries' percentages add up to (\S+) and no recipient-region holds the rest: "
     r"shares written as fractions of 1 \(0\.5 for 50 %\)\? Read as percentages, the countries would have 1 % of the "
     r"money and the project as a whole 99 %$",
     r"activité \1 : les pourcentages de ses pays bénéficiaires font \2 en tout et aucune recipient-region ne tient le "
     r"reste : des parts écrites en fractions de 1 (0.5 pour 50 %) ? Lus comme des pourcentages, les pays auraient "
     r"1 % de l'argent et le projet dans son ensemble 99 %"),
    (r"^Ask the publisher to write percentages \(50, not 0\.5\); the annexes are not built until then\.$",
     "Demandez à l'éditeur du fichier d'écrire des pourcentages (50, pas 0.5) ; d'ici là, les annexes ne sont pas "
     "produites."),
    (r"^activity (\S+): its recipient countries' percentages add up to (\S+) % and no recipient-region holds the rest: "
     r"(\S+) % of its money is counted for the project as a whole \(regional\), in no country annex$",
     lambda m: f"activité {m[1]} : les pourcentages de ses pays bénéficiaires font {_commas(m[2])} % en tout et aucune "
               f"recipient-region ne tient le reste : {_commas(m[3])} % de son argent est compté pour le projet dans son "
               "ensemble (regional), dans aucune annexe de pays"),
    (r"^Nothing to do if it is the project's as a whole; otherwise ask the publisher to correct the percentages \(100 "
     r"in all, regions included\)\.$", "Rien à faire si c'est celui du projet dans son ensemble ; sinon, demandez à "
     "l'éditeur du fichier de corriger les pourcentages (100 en tout, régions comprises)."),
    (r"^activity (\S+): the recipient country ([A-Z]{2}) is given twice: read once(, with its percentages added "
     r"\((\S+) %\))?$", lambda m: f"activité {m[1]} : le pays bénéficiaire {m[2]} est donné deux fois : lu une fois"
                                  + (f", ses pourcentages additionnés ({_commas(m[4])} %)" if m[3] else "")),
    (r"^Nothing to do if it is; ask the publisher to give each country once\.$",
     "Rien à faire si c'est bien cela ; demandez à l'éditeur du fichier de donner chaque pays une fois."),
    (r"^activity (\S+): (\d+) spending transaction\(s\) name a recipient region \((.*)\), not a country: their money "
     r"is split as the activity's \((.*)\), an estimate of what each country had$",
     lambda m: f"activité {m[1]} : {m[2]} transaction(s) de dépense nomme(nt) une région bénéficiaire ({m[3]}), pas un "
               f"pays : leur argent est réparti comme celui de l'activité ({_commas(m[4])}), une estimation de ce que "
               "chaque pays a reçu"),
    (r"^Nothing to do if the region's money went to the activity's countries so; ask the publisher otherwise\.$",
     "Rien à faire si l'argent de la région est allé ainsi aux pays de l'activité ; demandez à l'éditeur du fichier "
     "sinon."),
    (r"^activity (\S+): a currency is three letters \(ISO 4217, e\.g\. EUR\): this value is not counted$",
     r"activité \1 : une devise s'écrit en trois lettres (ISO 4217, par exemple EUR) : ce montant n'est pas compté"),
    (r"^activity (\S+): this (budget|transaction) writes currency=(\"[^\"]*\") on <\2>, where IATI has no currency, and "
     r"its value none: (?:the value is read in ([A-Z]{3}), not in the activity's default currency \(([A-Z]{3})\)|the "
     r"value is read in ([A-Z]{3})|(it is no currency code \(three letters\), and is not read))$",
     lambda m: f"activité {m[1]} : " + ("ce budget écrit" if m[2] == "budget" else "cette transaction écrit")
               + f" currency={m[3]} sur <{m[2]}>, où IATI n'a pas de devise, et son montant n'en a pas : "
               + (f"le montant est lu en {m[4]}, pas dans la devise par défaut de l'activité ({m[5]})" if m[4] else
                  f"le montant est lu en {m[6]}" if m[6] else "ce n'est pas un code de devise (trois lettres), il "
                  "n'est pas lu")),
    (r"^Nothing to do if it is; ask the publisher to write <value currency=(\"[^\"]*\")>\.$",
     r"Rien à faire si c'est bien cela ; demandez à l'éditeur du fichier d'écrire « <value currency=\1> »."),
    (r"^activity (\S+): this value has no currency and the activity no default-currency( \(the file writes "
     r"default-currency=(\"[^\"]*\") on <iati-activities>, where IATI does not define it: it is not read\))?$",
     lambda m: f"activité {m[1]} : ce montant n'a pas de devise et l'activité pas de default-currency"
               + (f" (le fichier écrit default-currency={m[3]} sur <iati-activities>, où IATI ne le définit pas : il "
                  "n'est pas lu)" if m[2] else "")),
    (r"^Ask the publisher to add it\. Until then \(the annexes are not built\): if you know the activity's currency, "
     r"write it on the activity in the file \((<iati-activity default-currency=\"[^\"]*\">)\), or leave the activity "
     r"out \(iati\.activities in project\.yaml\)\.$",
     r"Demandez à l'éditeur du fichier de l'ajouter. D'ici là (les annexes ne sont pas produites) : si vous connaissez "
     r"la devise de l'activité, écrivez-la sur l'activité dans le fichier (\1), ou laissez l'activité de côté "
     r"(iati.activities dans project.yaml)."),
    (r"^activity (\S+): its net budget \(budgets and negative corrections, per period\) is (.*), 0 or less: the "
     r"activity is left out of the budget, the spending \((.*) not counted\) and every rate$",
     lambda m: f"activité {m[1]} : son budget net (budgets et corrections négatives, par période) est de "
               f"{_commas(m[2])}, 0 ou moins : l'activité est laissée hors du budget, des dépenses ({_commas(m[3])} non "
               "comptés) et de chaque taux"),
    (r"^Nothing to do if the activity was cancelled or moved; otherwise ask the publisher for its budget, or leave it "
     r"out \(iati\.activities in project\.yaml\)\.$", "Rien à faire si l'activité a été annulée ou déplacée ; sinon, "
     "demandez son budget à l'éditeur du fichier, ou laissez-la de côté (iati.activities dans project.yaml)."),
    (r"^the file declares a DTD \(<!DOCTYPE \.\.\.>\), which IATI files never do: it could expand entities or read "
     r"other files, so it is not read at all$", "le fichier déclare une DTD (<!DOCTYPE ...>), ce que les fichiers IATI "
     "ne font jamais : elle pourrait développer des entités ou lire d'autres fichiers, il n'est donc pas lu du tout"),
    (r"^Download the file again from the IATI registry or d-portal; do not use a file from an unknown source\.$",
     "Téléchargez de nouveau le fichier depuis le registre IATI ou d-portal ; n'utilisez pas un fichier de source "
     "inconnue."),
    # IATI hierarchies, results and files (data.iati)
    (r"^activity (\S+) \(hierarchy (\S+)\) is the parent of (.+?), which report (budget|spending) but no "
     r"(?:spending|budget): the parent's budget and spending are counted, its children's \4 is not \(part of the "
     r"parent's\), so that the same money is not counted twice and the spending keeps its budget$",
     lambda m: f"l'activité {m[1]} (niveau {m[2]}) est le parent de {m[3]}, qui déclare(nt) "
               + ("un budget mais pas de dépenses" if m[4] == "budget" else "des dépenses mais pas de budget")
               + " : le budget et les dépenses du parent sont comptés, " + ("le budget" if m[4] == "budget" else
                                                                         "les dépenses")
               + " des enfants non (c'est une partie de ceux du parent), pour que le même argent ne soit pas compté "
                 "deux fois et que les dépenses gardent leur budget"),
    (r"^Nothing to do if the parent's money covers its children's; otherwise keep only the children "
     r"\(iati\.activities in project\.yaml\)\.$", "Rien à faire si l'argent du parent couvre celui de ses enfants ; "
     "sinon, ne gardez que les enfants (iati.activities dans project.yaml)."),
    (r"^activity (\S+) \(hierarchy (\S+)\) is the parent of (.+?), which report their own (budget|spending): the "
     r"parent's \4 is not counted, so that the same money is not counted twice(?:; up to the reporting date it "
     r"reports (\S+) ([A-Z]{3}) spent, they (\S+): (\S+) \6 of the parent's spending is in no child's and counted "
     r"nowhere(?: \((.+?) reports? no spending\))?)?$",
     lambda m: f"l'activité {m[1]} (niveau {m[2]}) est le parent de {m[3]}, qui déclare(nt) "
               + ("leur propre budget : le budget" if m[4] == "budget" else "leurs propres dépenses : les dépenses")
               + " du parent ne sont pas comptées, pour que le même argent ne soit pas compté deux fois"
               .replace("ne sont pas comptées", "n'est pas compté" if m[4] == "budget" else "ne sont pas comptées")
               + (f" ; jusqu'à la date de rapport, il déclare {m[5]} {m[6]} dépensés, eux {m[7]} : {m[8]} {m[6]} des "
                  "dépenses du parent ne sont dans celles d'aucun enfant et ne sont comptés nulle part" if m[5] else "")
               + (f" ({m[9]} ne déclare(nt) aucune dépense)" if m[9] else "")),
    (r"^Nothing to do if the children cover the parent's money; otherwise keep only the parent \(iati\.activities in "
     r"project\.yaml: (\[.*\])\)(, or ask the publisher for the children's spending)?\.$",
     lambda m: "Rien à faire si les enfants couvrent l'argent du parent ; sinon, ne gardez que le parent "
               f"(iati.activities dans project.yaml : {m[1]})"
               + (", ou demandez à l'éditeur du fichier les dépenses des enfants" if m[2] else "") + "."),
    (r"^activity (\S+) \(hierarchy (\S+)\) has a budget of (\S+) ([A-Z]{3}), its children \((.*)\) (\S+): the "
     r"parent's budget is not counted \(theirs is\), so (\S+) \4 of it, in no child's budget, is counted nowhere and "
     r"the budget shown is that much lower$",
     r"l'activité \1 (niveau \2) a un budget de \3 \4, ses enfants (\5) \6 : le budget du parent n'est pas compté (le "
     r"leur l'est), donc \7 \4 de ce budget, dans celui d'aucun enfant, ne sont comptés nulle part et le budget "
     r"affiché est d'autant plus bas"),
    (r"^Nothing to do if the children's budgets are the whole project's \(the parent's covers later years, say\); "
     r"otherwise keep only the parent \(iati\.activities in project\.yaml: (\[.*\])\)\.$",
     r"Rien à faire si les budgets des enfants sont celui de tout le projet (celui du parent couvre des années "
     r"ultérieures, par exemple) ; sinon, ne gardez que le parent (iati.activities dans project.yaml : \1)."),
    (r"^the related-activity links of (\S+) and (\S+) make each the other's parent \(which would leave both out of "
     r"every figure\): (?:(\S+) \(hierarchy (\S+)\) is taken as the parent of (\S+) \(hierarchy (\S+)\)|(no "
     r"@hierarchy tells which is the parent: neither is, and both are counted))$",
     lambda m: f"les liens related-activity de {m[1]} et {m[2]} font de chacune le parent de l'autre (ce qui les "
               "laisserait toutes deux hors de chaque chiffre) : "
               + (f"{m[3]} (niveau {m[4]}) est pris comme le parent de {m[5]} (niveau {m[6]})" if m[3] else
                  "aucun @hierarchy ne dit laquelle est le parent : aucune ne l'est, et les deux sont comptées")),
    (r"^Ask the publisher to correct the related-activity types \(1: the related activity is this one's parent, 2: "
     r"its child\); if one holds the other's money, keep only one of them \(iati\.activities in project\.yaml\)\.$",
     "Demandez à l'éditeur du fichier de corriger les types de related-activity (1 : l'activité liée est le parent de "
     "celle-ci, 2 : son enfant) ; si l'une contient l'argent de l'autre, n'en gardez qu'une (iati.activities dans "
     "project.yaml)."),
    (r"^activity (\S+) \(hierarchy (\S+)\) and (\S+) \(a lower level, whose identifier extends its own\) both report "
     r"money, and no related-activity links them: both are counted, which counts the same money twice if they are a "
     r"parent and its children$",
     r"l'activité \1 (niveau \2) et \3 (un niveau inférieur, dont l'identifiant prolonge le sien) déclarent toutes deux "
     r"de l'argent, et aucun related-activity ne les lie : les deux sont comptées, ce qui compte le même argent deux "
     r"fois si ce sont un parent et ses enfants"),
    (r"^Keep only the parent or only the children \(iati\.activities or iati\.activity_prefix in project\.yaml\) if "
     r"they are; nothing to do if they are separate projects\.$",
     "Ne gardez que le parent ou que les enfants (iati.activities ou iati.activity_prefix dans project.yaml) si c'est "
     "le cas ; rien à faire si ce sont des projets distincts."),
    (r"^activity (\S+): this indicator gives baselines of (\d+) years: those of (.+?) are its baseline \((.*?)\), the "
     r"later ones are not added to them \((.*)\)$",
     lambda m: f"activité {m[1]} : cet indicateur donne des valeurs de référence de {m[2]} années : celles de "
               + ("aucune année" if m[3] == "no year" else m[3]) + f" sont sa référence ({m[4]}), les plus récentes ne "
               f"leur sont pas ajoutées ({m[5].replace(': ', ' : ')})"),
    (r"^Nothing to do if the earliest baseline is the project's starting point; otherwise write the baseline in the "
     r"indicators table\.$", "Rien à faire si la référence la plus ancienne est le point de départ du projet ; sinon, "
     "écrivez la référence dans la table des indicateurs."),
    (r"^activity (\S+): the sex dimension's value is not recognised: (?:it is women's and men's sum \((\S+)\), so the "
     r"cell is read as their total|the cell is counted in the total only)$",
     lambda m: f"activité {m[1]} : la valeur de la dimension sexe n'est pas reconnue : "
               + (f"c'est la somme des femmes et des hommes ({m[2]}), la case est donc lue comme leur total" if m[2]
                  else "la case n'est comptée que dans le total")),
    (r"^Nothing to do, or ask the publisher to use female / male( / total)?\.$",
     r"Rien à faire, ou demandez à l'éditeur du fichier d'employer female / male\1."),
    (r"^activity (\S+): the ((?:total )?(?:baseline|target|actual)(?: for (?:women|men))?) is given by several "
     r"breakdowns that do not add up to the same figure \((.*)\): each is the whole group, so they are not added "
     r"together, and which one is right is not known: it is not computed \(not rated\)$",
     lambda m: f"activité {m[1]} : pour {_iati_what(m[2])}, plusieurs ventilations ne donnent pas le même chiffre ("
               + re.sub(r"by ([^:]+):", lambda b: "par " + ", ".join(_IATI_DIMENSIONS.get(d, d) for d in
                                                                      b[1].split(", ")) + " :", m[3]).replace("; ", " ; ")
               + ") : chacune est le groupe entier, elles ne sont donc pas additionnées, et on ne sait pas laquelle "
                 "est juste : le chiffre n'est pas calculé (non noté)"),
    (r"^Ask the publisher for the value of the whole group \(a cell without (dimension|the other dimensions)\)(, or "
     r"for breakdowns that add up to it)?\.$",
     lambda m: "Demandez à l'éditeur du fichier la valeur du groupe entier (une case "
               + ("sans dimension" if m[1] == "dimension" else "sans les autres dimensions") + ")"
               + (", ou des ventilations dont la somme la donne" if m[2] else "") + "."),
    (r"^activity (\S+): the ((?:total )?(?:baseline|target|actual)(?: for (?:women|men))?) is not given as one value: "
     r"(\d+) cell\(s\) by (.+?) \((\S+)\) are parts of it, and values of a (\w+) measure are never added: it is not "
     r"computed \(not rated\)$",
     lambda m: f"activité {m[1]} : pour {_iati_what(m[2])}, aucune valeur unique n'est donnée : {m[3]} case(s) par "
               + ", ".join(_IATI_DIMENSIONS.get(d, d) for d in m[4].split(", "))
               + f" ({m[5]}) en sont des parties, et les valeurs d'une mesure {_IATI_MEASURES.get(m[6], m[6])} ne sont "
                 "jamais additionnées : le chiffre n'est pas calculé (non noté)"),
    (r"^activity (\S+): (\d+) (baseline|target|actual) values without dimension for this period \((.*)\), and (its "
     r"values are not all numbers|they are not told apart by distinct locations, so which one is the figure is not "
     r"known|values of a (\w+) measure cannot be added): the total \3 is not computed \(not rated\)$",
     lambda m: f"activité {m[1]} : {m[2]} valeurs sans dimension pour {_iati_what(m[3])} de cette période ({m[4]}), "
               "et " + ("ses valeurs ne sont pas toutes des nombres" if m[5].startswith("its") else
                        "des lieux distincts ne les départagent pas : on ne sait pas laquelle est le chiffre"
                        if m[5].startswith("they") else
                        f"les valeurs d'une mesure {_IATI_MEASURES.get(m[6], m[6])} ne peuvent être additionnées")
               + " : le total n'est pas calculé (non noté)"),
    (r"^Ask the publisher for one total value per period \(a cell without location\), or for values by location of "
     r"a count\.$", "Demandez à l'éditeur du fichier une valeur totale par période (une case sans lieu), ou des "
     "valeurs par lieu d'un comptage."),
    (r"^activity (\S+): no total (baseline|target|actual) is given: the total is the sum of the cells (by .+) \(not "
     r"of all\)$",
     lambda m: f"activité {m[1]} : aucun total n'est donné pour {_iati_what(m[2])} : le total est la somme des cases "
               + re.sub(r"by ([^,]+?(?:, [^,]+?)*?)(?= and, the same, of those |$)",
                        lambda b: "par " + ", ".join(_IATI_DIMENSIONS.get(d, d) for d in b[1].split(", ")), m[3])
               .replace(" and, the same, of those ", " et, identique, de celles ") + " (pas de toutes)"),
    (r"^the file is not well-formed XML \((.*)\)(: XML knows only &amp; &lt; &gt; &quot; &apos; and numbered "
     r"characters \(&#233;\), not HTML's named ones)?$",
     lambda m: f"le fichier n'est pas un XML bien formé ({_libxml2_fr(m[1])})"
               + (" : XML ne connaît que &amp; &lt; &gt; &quot; &apos; et les caractères numérotés (&#233;), pas ceux "
                  "nommés de HTML" if m[2] else "")),
    (r"^Download the file again from the IATI registry or d-portal; do not edit it by hand\.$",
     "Téléchargez de nouveau le fichier depuis le registre IATI ou d-portal ; ne le modifiez pas à la main."),
    (r"^Ask the publisher to write the character itself \(é for &eacute;\), or download the file again from the IATI "
     r"registry or d-portal; do not edit it by hand\.$", "Demandez à l'éditeur du fichier d'écrire le caractère "
     "lui-même (é pour &eacute;), ou téléchargez de nouveau le fichier depuis le registre IATI ou d-portal ; ne le "
     "modifiez pas à la main."),
    (r"^the file is a (\w+) archive \(a compressed download\), not XML: it is not read$",
     r"le fichier est une archive \1 (un téléchargement compressé), pas du XML : il n'est pas lu"),
    (r"^Unpack it \((.*)\) and use the \.xml file it holds\.$",
     r"Décompressez-le (\1) et utilisez le fichier .xml qu'il contient."),
    (r"^the file's root element is (<\S+>), not <iati-activities>: it is not an IATI activity file( but an "
     r"organisation file \(its publisher's budgets by year and country, not the project's\))?(: it is not read)?$",
     lambda m: f"l'élément racine du fichier est {m[1]}, pas <iati-activities> : ce n'est pas un fichier d'activités "
               "IATI" + (" mais un fichier d'organisation (les budgets de son éditeur par année et par pays, pas ceux "
                         "du projet)" if m[2] else "") + (" : il n'est pas lu" if m[3] else "")),
    (r"^Download the project's activity file \(not an organisation file\) from the IATI registry or d-portal\.$",
     "Téléchargez le fichier d'activités du projet (pas un fichier d'organisation) depuis le registre IATI ou "
     "d-portal."),
    (r"^Nothing to do if the activity files beside it are the project's; remove it from the iati/ folder\.$",
     "Rien à faire si les fichiers d'activités à côté sont ceux du projet ; retirez-le du dossier iati/."),
    (r"^the activity (\S+) (?:is twice in this file|is also in (\S+))(?: \((last updated|file written) (\S+) in the "
     r"first copy, (\S+) in this one: (this one|the first) is the more recent\))?: its money would be counted twice$",
     lambda m: f"l'activité {m[1]} " + (f"est aussi dans {m[2]}" if m[2] else "est deux fois dans ce fichier")
               + (f" ({'mise à jour' if m[3] == 'last updated' else 'fichier écrit'} le {m[4]} dans la première "
                  f"copie, le {m[5]} dans celle-ci : " + ("celle-ci" if m[6] == "this one" else "la première")
                  + " est la plus récente)" if m[3] else "") + " : son argent serait compté deux fois"),
    (r"^Keep one copy of each activity in (\S+) \(the most recent version, from its last-updated-datetime, else its "
     r"file's generated-datetime\)\.$", r"Gardez une copie de chaque activité dans \1 (la version la plus récente, "
     r"d'après son last-updated-datetime, sinon le generated-datetime de son fichier)."),
    (r"^this file is not read: the IATI figures are read from the activity files \(\.xml\) of iati/ only, not from a "
     r"CSV, spreadsheet, JSON or archive export \(d-portal, IATI Datastore\): its rows are counted in no figure$",
     "ce fichier n'est pas lu : les chiffres IATI ne sont lus que dans les fichiers d'activités (.xml) de iati/, pas "
     "dans un export CSV, tableur, JSON ou archive (d-portal, IATI Datastore) : ses lignes ne sont comptées dans "
     "aucun chiffre"),
    (r"^Download the activities as XML \(d-portal: « Download XML », the IATI Datastore: the XML format; unzip a "
     r"\.zip\) into iati/, or move this file out of iati/\.$",
     "Téléchargez les activités en XML (d-portal : « Download XML », l'IATI Datastore : le format XML ; décompressez "
     "un .zip) dans iati/, ou sortez ce fichier de iati/."),
    # IATI spending and budgets over the project's dates and countries (data.iati)
    (r"^activity (\S+): (\d+) spending transaction\(s\) name a recipient country that is none of the activity's "
     r"\((.*)\): (.+?); their spending is that country's, on a line whose budget is not known, so the whole "
     r"project's budget and rates are not computable unless budget_total is declared$",
     lambda m: f"activité {m[1]} : {m[2]} transaction(s) de dépense nomme(nt) un pays bénéficiaire qui n'est aucun "
               f"de ceux de l'activité ({m[3].replace(' at 0 %', ' à 0 %')}) : {m[4]} ; leurs dépenses sont celles de "
               "ce pays, sur une ligne dont le budget n'est pas connu : le budget et les taux du projet entier ne sont "
               "pas calculables sauf si budget_total est déclaré"),
    (r"^Ask the publisher which country it is; meanwhile declare budget_total in project\.yaml, or leave the activity "
     r"out \(iati\.activities\)\.$", "Demandez à l'éditeur du fichier de quel pays il s'agit ; en attendant, déclarez "
     "budget_total dans project.yaml, ou laissez l'activité de côté (iati.activities)."),
    (r"^activity (\S+) names its recipient countries on its transactions only: each country's spending is counted in "
     r"its annex, but the budget( \((\S+) ([A-Z]{3})\))? cannot be split by country: each country's budget and "
     r"execution rate are not computable \(n\.d\.\), and so is the project's total budget unless budget_total is "
     r"declared in project\.yaml \(countries: (.*)\)$",
     lambda m: f"l'activité {m[1]} ne nomme ses pays bénéficiaires que sur ses transactions : les dépenses de chaque "
               "pays sont comptées dans son annexe, mais le budget" + (f" ({m[3]} {m[4]})" if m[2] else "")
               + " ne peut être réparti par pays : le budget et le taux d'exécution de chaque pays ne sont pas "
                 "calculables (n.d.), ni le budget total du projet sauf si budget_total est déclaré dans project.yaml "
                 f"(pays : {m[5]})"),
    (r"^Ask the publisher for the activity's recipient-country percentages; meanwhile declare budget_total in "
     r"project\.yaml \(the budget of the whole project\) and keep it equal to the files' budget\.$",
     "Demandez à l'éditeur du fichier les pourcentages des pays bénéficiaires de l'activité ; en attendant, déclarez "
     "budget_total dans project.yaml (le budget du projet entier) et gardez-le égal au budget des fichiers."),
    (r"^(\d+) budget\(s\) of (\d+) activit(?:y|ies) \((.*?)\) start after project\.yaml's end_date \((\S+)\), the "
     r"first (\S+): they are counted in the budget, while the time elapsed, hence the burn index and its verdict, is "
     r"computed up to end_date \(the money planned for later makes the project look behind schedule\)$",
     r"\1 budget(s) de \2 activité(s) (\3) commence(nt) après le end_date de project.yaml (\4), le premier \5 : ils "
     r"sont comptés dans le budget, alors que le temps écoulé, donc l'indice de consommation et son verdict, est "
     r"calculé jusqu'à end_date (l'argent prévu pour plus tard fait paraître le projet en retard)"),
    (r"^(\d+) budget\(s\) of (\d+) activit(?:y|ies) \((.*?)\) span more than a year and run past project\.yaml's "
     r"end_date \((\S+)\), the first (\S+): they are counted whole in the budget \(about (\S+) ([A-Z]{3}) of them "
     r"after end_date, spread evenly over their days\), while the time elapsed, hence the burn index and its verdict, "
     r"is computed up to end_date$",
     r"\1 budget(s) de \2 activité(s) (\3) couvre(nt) plus d'un an et dépasse(nt) le end_date de project.yaml (\4), "
     r"le premier \5 : ils sont comptés en entier dans le budget (environ \6 \7 après end_date, s'ils sont répartis "
     r"également sur leurs jours), alors que le temps écoulé, donc l'indice de consommation et son verdict, est "
     r"calculé jusqu'à end_date"),
    (r"^(\d+) budget\(s\) of (\d+) activit(?:y|ies) \((.*?)\) span more than a year, the first (\S+): the IATI "
     r"standard's rules say a budget's period should be a year at most; within project\.yaml's dates and counted "
     r"whole, they change no figure here$",
     r"\1 budget(s) de \2 activité(s) (\3) couvre(nt) plus d'un an, le premier \4 : les règles de la norme IATI "
     r"veulent qu'un budget couvre un an au plus ; dans les dates de project.yaml et comptés en entier, ils ne "
     r"changent ici aucun chiffre"),
    (r"^Nothing to change for the annexes; the publisher may be told of IATI's rule \(one budget per year at most\)\.$",
     "Rien à changer pour les annexes ; l'éditeur du fichier peut être informé de la règle IATI (un budget par an au "
     "plus)."),
    (r"^Ask the publisher for one budget per year at most \(IATI's rule for a budget's period\); if the project was "
     r"extended, write its new end as end_date in project\.yaml\.$",
     "Demandez à l'éditeur du fichier un budget par an au plus (la règle IATI pour la période d'un budget) ; si le "
     "projet a été prolongé, écrivez sa nouvelle fin comme end_date dans project.yaml."),
    (r"^If the project was extended, write its new end as end_date in project\.yaml; if it ended early, that budget "
     r"was never to be spent and the rates are over it: ask the publisher to revise it; otherwise to correct the "
     r"budget's period\.$", "Si le projet a été prolongé, écrivez sa nouvelle fin comme end_date dans project.yaml ; "
     "s'il s'est terminé plus tôt, ce budget ne devait jamais être dépensé et les taux le comptent : demandez à "
     "l'éditeur du fichier de le réviser ; sinon, de corriger la période du budget."),
    (r"^(\d+) spending transaction\(s\) of the IATI files \((\S+) ([A-Z]{3}), (\S+) to (\S+)\) are dated after the "
     r"reporting date \((\S+)\): the annexes count the spending up to that date, without them$",
     r"\1 transaction(s) de dépense des fichiers IATI (\2 \3, du \4 au \5) sont datée(s) après la date de rapport "
     r"(\6) : les annexes comptent les dépenses jusqu'à cette date, sans elles"),
    (r"^Nothing to do if the annexes describe the project on (\S+); else write the date they describe as "
     r"reporting_date in project\.yaml \(make import-iati wrote the last payment's date of the file it imported: a "
     r"newer file does not change it\)\.$",
     r"Rien à faire si les annexes décrivent le projet au \1 ; sinon, écrivez la date qu'elles décrivent comme "
     r"reporting_date dans project.yaml (make import-iati a écrit la date du dernier paiement du fichier importé : un "
     r"fichier plus récent ne la change pas)."),
    (r"^(\d+) activit(?:y|ies) \((.*?)\) reports? as spending only disbursements to other organisations \((.*)\), "
     r"(\S+) ([A-Z]{3}) up to the reporting date: what their publisher handed over, not what was spent on the project; "
     r"their financial execution rate is the share of the budget transferred$",
     r"\1 activité(s) (\2) ne déclare(nt) comme dépenses que des décaissements à d'autres organisations (\3), \4 \5 "
     r"jusqu'à la date de rapport : ce que leur éditeur a transféré, pas ce qui a été dépensé pour le projet ; leur "
     r"taux d'exécution financière est la part du budget transférée"),
    (r"^Nothing to do if that is the rate wanted; for what was spent, use the implementer's own activity file \(its "
     r"expenditures, transaction type 4\): put it in iati/, or, when it is there, keep only its activities "
     r"\(iati\.activities in project\.yaml\)\.$", "Rien à faire si c'est le taux voulu ; pour ce qui a été dépensé, "
     "utilisez le fichier d'activités de l'organisation qui met en œuvre (ses dépenses, type de transaction 4) : "
     "mettez-le dans iati/, ou, s'il y est, ne gardez que ses activités (iati.activities dans project.yaml)."),
    (r"^activity (\S+): its disbursements \(type 3, (\S+) ([A-Z]{3})\) and its expenditures \(type 4, (\S+) \3\) up to "
     r"the reporting date are each within its budget \((\S+) \3\), together (\S+ %) of it: both are counted as "
     r"spending\. If the expenditures are the spending of the money the disbursements paid \(a partner's report of "
     r"what it was given\), that money is counted twice$",
     lambda m: f"activité {m[1]} : ses décaissements (type 3, {_commas(m[2])} {m[3]}) et ses dépenses (type 4, "
               f"{_commas(m[4])} {m[3]}) jusqu'à la date de rapport sont chacun dans son budget ({_commas(m[5])} {m[3]}), "
               f"ensemble {_commas(m[6])} de celui-ci : les deux sont comptés comme dépenses. Si les dépenses sont "
               "celles de l'argent que les décaissements ont versé (le rapport d'un partenaire sur ce qu'il a reçu), "
               "cet argent est compté deux fois"),
    (r"^Ask the publisher; if so, count one of them \(iati: spending: \[3\], or \[4\], in project\.yaml\); nothing to "
     r"do if they are different money\.$", "Demandez à l'éditeur du fichier ; si c'est le cas, comptez-en un seul "
     "(iati: spending: [3], ou [4], dans project.yaml) ; rien à faire si c'est de l'argent différent."),
    # IATI files without what a reader needs (data.iati)
    (r"^the iati/ folder holds no \.xml file$", "le dossier iati/ ne contient aucun fichier .xml"),
    (r"^Put the project's IATI activity file\(s\) here, or remove the folder\.$",
     "Mettez-y le ou les fichiers d'activités IATI du projet, ou supprimez le dossier."),
    (r"^the file cannot be read \((.*)\)$", r"le fichier ne peut pas être lu (« \1 »)"),
    (r"^Check the file\.$", "Vérifiez le fichier."),
    (r"^the file holds no iati-activity$", "le fichier ne contient aucune iati-activity"),
    (r"^Is it an IATI activity file \(not an organisation file\)\? Download the project's activity file\.$",
     "Est-ce un fichier d'activités IATI (pas un fichier d'organisation) ? Téléchargez le fichier d'activités du "
     "projet."),
    (r"^activity number (\d+) has no iati-identifier$", r"l'activité numéro \1 n'a pas d'iati-identifier"),
    (r"^Ask the publisher to correct the file; the activity is read under its number\.$",
     "Demandez à l'éditeur du fichier de le corriger ; d'ici là, l'activité est lue sous son numéro."),
    (r"^activity (\S+): this element has no value( \(its <value> is empty\))?$",
     lambda m: f"activité {m[1]} : cet élément n'a pas de montant (« value »)"
               + (" (son « value » est vide)" if m[2] else "")),
    (r"^activity (\S+) reports spending but no budget(?: \(budget-not-provided=\"(\d)\": (.+?)\))?(?:; its relatives in "
     r"the files \(related-activity\) have budgets that may hold its spending: (.+))?$",
     lambda m: f"l'activité {m[1]} déclare des dépenses mais aucun budget"
               + (f" (budget-not-provided=\"{m[2]}\" : " + {"commercial restrictions": "restrictions commerciales",
                                                            "legal restrictions": "restrictions légales",
                                                            "rapid onset emergency": "urgence soudaine"}[m[3]] + ")"
                  if m[2] else "")
               + (" ; ses parents ou enfants dans les fichiers (related-activity) ont des budgets qui peuvent contenir "
                  "ses dépenses : " + re.sub(r"\b(parent|child) ", lambda w: "parent " if w[1] == "parent" else
                                             "enfant ", m[4]) if m[4] else "")),
    (r"^Its execution rate cannot be computed, nor the whole project's unless budget_total is declared in "
     r"project\.yaml\.$", "Son taux d'exécution n'est pas calculable, ni celui du projet entier, sauf si budget_total "
     "est déclaré dans project.yaml."),
    (r"^activity (\S+): (\d+) budget\(s\) have no value, the first( \(\S+\))?: the activity's budget is not known, "
     r"and is not computed(?: \(its other budgets, (\S+ [A-Z]{3}), are only part of it\))?$",
     lambda m: f"activité {m[1]} : {m[2]} budget(s) sans montant, le premier{m[3] or ''} : le budget de l'activité "
               "n'est pas connu, et n'est pas calculé"
               + (f" (ses autres budgets, {m[4]}, n'en sont qu'une partie)" if m[4] else "")),
    (r"^Ask the publisher for the budget's value; until then the activity's rates are not computable \(n\.d\.\), and "
     r"so are the whole project's unless budget_total is declared in project\.yaml\.$",
     "Demandez à l'éditeur du fichier le montant de ce budget ; d'ici là, les taux de l'activité ne sont pas "
     "calculables (n.d.), ni ceux du projet entier, sauf si budget_total est déclaré dans project.yaml."),
    # IATI money reported by two activities of the files (data.iati)
    (r"^activity (\S+): this (.+?) is reported by (\S+) as its incoming funds \((\S+)\): it is counted as \3's money "
     r"only, not twice(?: \(paid (\S+) ([A-Z]{3}), received (\S+) ([A-Z]{3}): matched on their date and their values "
     r"at project\.yaml's rates, within 5 %\))?$",
     lambda m: f"activité {m[1]} : cette transaction ({_IATI_TRANSACTIONS.get(m[2], m[2])}) est déclarée par {m[3]} "
               f"comme ses fonds reçus ({m[4]}) : elle n'est comptée que comme l'argent de {m[3]}, pas deux fois"
               + (f" (payé {m[5]} {m[6]}, reçu {m[7]} {m[8]} : rapprochés par leur date et leurs montants aux taux de "
                  "project.yaml, à 5 % près)" if m[5] else "")),
    (r"^activity (\S+): this (.+?) goes to (\S+) \(receiver-org/@receiver-activity-id\), an activity of the files "
     r"with its own budget or spending: it is counted as \3's money only, not twice$",
     lambda m: f"activité {m[1]} : cette transaction ({_IATI_TRANSACTIONS.get(m[2], m[2])}) va à {m[3]} "
               "(receiver-org/@receiver-activity-id), une activité des fichiers qui a son propre budget ou ses propres "
               f"dépenses : elle n'est comptée que comme l'argent de {m[3]}, pas deux fois"),
    (r"^Nothing to do: the spending of the receiving activity is counted\.$",
     "Rien à faire : les dépenses de l'activité qui reçoit sont comptées."),
    (r"^activity (\S+) funds (.+?) \(which report its money as incoming funds, or which it names as "
     r"receiver-activity-id\): (\S+) ([A-Z]{3}) of its budget is in their budgets too, and is counted there only: its "
     r"budget is counted as (?:(\S+) \4|(not computable \(less than 0\)))$",
     lambda m: f"l'activité {m[1]} finance {m[2]} (qui déclare(nt) son argent comme fonds reçus, ou qu'elle nomme "
               f"comme receiver-activity-id) : {m[3]} {m[4]} de son budget sont aussi dans leurs budgets, et n'y sont "
               "comptés que là : son budget est compté pour "
               + (f"{m[5]} {m[4]}" if m[5] else "non calculable (moins de 0)")),
    (r"^Nothing to do if the receivers' budgets hold what it gives them; check the two activities' budgets "
     r"otherwise\.$", "Rien à faire si les budgets des bénéficiaires contiennent ce qu'elle leur donne ; vérifiez les "
     "budgets des deux activités sinon."),
    (r"^activities of (\S+) at different hierarchy levels all report a budget and no related-activity links them "
     r"\((.*)\)(: the budget of level (\S+) is that of level (\S+), evidently the same money)?: all are counted, which "
     r"counts the same money twice if the lower levels are parts of the upper ones(?=$|; the related-activity ref )",
     lambda m: f"des activités de {m[1]} à des niveaux de hiérarchie différents déclarent toutes un budget et aucun "
               "related-activity ne les lie ("
               + re.sub(r"hierarchy (\S+): (\d+) activit(?:y|ies) \(([^)]*)\), budget ",
                        r"niveau \1 : \2 activité(s) (\3), budget ", m[2]).replace("; ", " ; ") + ")"
               + (f" : le budget du niveau {m[4]} est celui du niveau {m[5]}, à l'évidence le même argent" if m[3] else
                  "") + " : toutes sont comptées, ce qui compte le même argent deux fois si les niveaux inférieurs "
                        "sont des parties des supérieurs"),
    (r"; the related-activity ref ('[^']*') of (\S+) differs from (\S+) only in letter case: the IATI standard gives "
     r"identifiers no rule that makes letter case indifferent, and they are matched as written, so it links nothing$",
     r" ; le ref \1 du related-activity de \2 ne diffère de \3 que par la casse (majuscules, minuscules) : la norme "
     r"IATI ne donne aux identifiants aucune règle qui rende la casse indifférente, et ils sont comparés tels "
     r"qu'écrits, ce lien ne lie donc rien"),
    (r"^Ask the publisher to write the related-activity ref as the identifier is written \((\S+)\); until then, keep "
     r"only one level \(iati\.activities in project\.yaml: the parents, or the children\) if they are; nothing to do "
     r"if they are separate projects\.$", r"Demandez à l'éditeur d'écrire le ref du related-activity comme "
     r"l'identifiant est écrit (\1) ; d'ici là, ne gardez qu'un niveau (iati.activities dans project.yaml : les "
     r"parents, ou les enfants) si c'est le cas ; rien à faire si ce sont des projets distincts."),
    (r"^Keep only one level \(iati\.activities in project\.yaml: the parents, or the children\) if they are; nothing "
     r"to do if they are separate projects\.$", "Ne gardez qu'un niveau (iati.activities dans project.yaml : les "
     "parents, ou les enfants) si c'est le cas ; rien à faire si ce sont des projets distincts."),
    (r"^activity (\S+) gives (\S+) \(in (\S+)\) as its previous identifier \(other-identifier type B1\): the same "
     r"activity under its old and its new identifier(?:, the new one repeating every budget and spending transaction "
     r"of the old one: \2 (is not counted)|, both counted(?:; (\d+) of the old one's (\d+) spending transactions are "
     r"repeated in the new one \(same type, date and value\))?, which counts its money twice)$",
     lambda m: f"l'activité {m[1]} donne {m[2]} (dans {m[3]}) comme son identifiant précédent (other-identifier de type "
               "B1) : la même activité sous son ancien et son nouvel identifiant"
               + (f", la nouvelle répétant chaque budget et chaque transaction de dépense de l'ancienne : {m[2]} n'est "
                  "pas comptée" if m[4] else ", les deux comptées"
                  + (f" ; {m[5]} des {m[6]} transactions de dépense de l'ancienne sont répétées dans la nouvelle (même "
                     "type, date et montant)" if m[5] else "") + ", ce qui compte son argent deux fois")),
    (r"^Nothing to do; remove the older download\.$", "Rien à faire ; supprimez le téléchargement le plus ancien."),
    (r"^Keep only (\S+) \(leave (\S+) out: iati\.activities in project\.yaml, or remove the older download\); nothing "
     r"to do if the old identifier's money is not in the new one\.$",
     r"Ne gardez que \1 (laissez \2 de côté : iati.activities dans project.yaml, ou supprimez le téléchargement le "
     r"plus ancien) ; rien à faire si l'argent de l'ancien identifiant n'est pas dans le nouveau."),
    # IATI files beside project.yaml (data.iati, data.loader)
    (r"^project\.yaml keeps the activity (\S+), which no IATI file of the project holds$",
     r"project.yaml garde l'activité \1, qu'aucun fichier IATI du projet ne contient"),
    (r"(?:^|(?<=\? ))Correct (iati\.activities|iati\.activity_prefix) in project\.yaml\.$",
     r"Corrigez \1 dans project.yaml."),
    (r"^no activity identifier starts with ('.*')$", r"aucun identifiant d'activité ne commence par \1"),
    (r"^budget_total \((\S+) ([A-Z]{3})\) is not the IATI files' budget \((\S+) \2(, which their activities do not "
     r"split by country)?\): the whole project's execution rate divides by budget_total, \1(?:, and its unallocated "
     r"budget is (\S+))?$",
     lambda m: f"budget_total ({m[1]} {m[2]}) n'est pas le budget des fichiers IATI ({m[3]} {m[2]}"
               + (", que leurs activités ne répartissent pas par pays" if m[4] else "") + ") : le taux d'exécution du "
               f"projet entier se divise par budget_total, {m[1]}"
               + (f", et son budget non alloué est de {m[5]}" if m[5] else "")),
    (r"^make import-iati wrote the files' budget of the day of the import: write budget_total: (\S+) if the files were "
     r"replaced by newer ones; keep it if it is the project's approved budget \(the financing agreement's\)\.$",
     r"make import-iati a écrit le budget des fichiers du jour de l'import : écrivez budget_total: \1 si les fichiers "
     r"ont été remplacés par de plus récents ; gardez-le si c'est le budget approuvé du projet (celui de la "
     r"convention de financement)."),
    (r"^activity (?P<b>\S+) reports (?P<value>\S+(?: [A-Z]{3})?)(?: \((?P<mine>\S+ [A-Z]{3}) at project\.yaml's "
     r"rate\)| \(project\.yaml gives no rate for (?P<norate>[A-Z]{3}): not compared by value\))? of incoming funds from "
     r"(?P<a>\S+) \((?P<day>\S+)\), and no disbursement or expenditure of (?P=a) names it as receiver "
     r"\(receiver-activity-id\) or has this value (?P<rates>\(within 5 % at project\.yaml's rates\) )?and date(?:; its "
     r"nearest is the (?P<kind>.+?) of (?P<paid>\S+(?: [A-Z]{3})?)(?: \((?P<paidmine>\S+ [A-Z]{3})\))? on "
     r"(?P<on>\S+) \((?P<path>\S+)\))?: if it paid it, that money is counted in both activities' spending and budgets, "
     r"twice$",
     lambda m: f"l'activité {m['b']} déclare {m['value']}"
               + (f" ({m['mine']} au taux de project.yaml)" if m["mine"] else
                  f" (project.yaml ne donne pas de taux pour {m['norate']} : pas comparé par le montant)"
                  if m["norate"] else "")
               + f" de fonds reçus de {m['a']} ({m['day']}), et aucun décaissement ni aucune dépense de {m['a']} ne la "
                 "nomme comme bénéficiaire (receiver-activity-id) ni n'a ce montant "
               + ("(à 5 % près aux taux de project.yaml) " if m["rates"] else "") + "et cette date"
               + (f" ; le plus proche est la transaction ({_IATI_TRANSACTIONS.get(m['kind'], m['kind'])}) de "
                  f"{m['paid']}" + (f" ({m['paidmine']})" if m["paidmine"] else "") + f" du {m['on']} ({m['path']})"
                  if m["kind"] else "")
               + " : si elle l'a payé, cet argent est compté dans les dépenses et les budgets des deux activités, deux "
                 "fois"),
    (r"^activity (?:(?P<a>\S+) commits (?P<out>\S+(?: [A-Z]{3})?) ? to (?P<b>\S+) \(outgoing commitment, (?P<oday>\S+), "
     r"receiver-activity-id\)|(?P<b2>\S+) reports (?P<in>\S+(?: [A-Z]{3})?) ? committed by (?P<a2>\S+) \(incoming "
     r"commitment, (?P<iday>\S+)\)), but (?P<rb>\S+) reports no incoming funds from (?P<ra>\S+), and no disbursement or expenditure of "
     r"\S+ names \S+ as receiver \(receiver-activity-id\): what \S+ paid it is counted in both activities' spending, "
     r"twice \(\S+'s payments that name no receiver: (?P<n>\d+), (?P<sum>\S+) in all\)(?:; as \S+'s spending "
     r"\((?P<spent>\S+)\) is more than its budget less the commitment, its payments hold it, and so its budget is counted "
     r"whole: the commitment is in both budgets)?$",
     lambda m: (f"l'activité {m['a']} engage {m['out']} envers {m['b']} (engagement, {m['oday']}, "
                "receiver-activity-id)" if m["a"] else
                f"l'activité {m['b2']} déclare {m['in']} engagés par {m['a2']} (engagement reçu, {m['iday']})")
               + f", mais {m['rb']} ne déclare aucun fonds reçu de {m['ra']}, et aucun décaissement ni aucune dépense "
                 f"de {m['ra']} ne nomme {m['rb']} comme bénéficiaire (receiver-activity-id) : ce que {m['ra']} lui a "
                 f"payé est compté dans les dépenses des deux activités, deux fois (paiements de {m['ra']} qui ne "
                 "nomment aucun "
                 f"bénéficiaire : {m['n']}, {m['sum']} en tout)"
               + (f" ; comme les dépenses de {m['ra']} ({m['spent']}) dépassent son budget moins l'engagement, ses "
                  "paiements le contiennent, et son budget est donc compté en entier : l'engagement est dans les deux "
                  "budgets" if m["spent"] else "")),
    (r"^Find (\S+)'s payments to (\S+); keep only one of the two activities \(iati\.activities in project\.yaml\), or "
     r"ask the publisher to write receiver-org/@receiver-activity-id on them, or the incoming funds \(transaction type "
     r"1\) with provider-activity-id \S+\.$",
     r"Trouvez les paiements de \1 à \2 ; ne gardez qu'une des deux activités (iati.activities dans project.yaml), ou "
     r"demandez à l'éditeur du fichier d'écrire receiver-org/@receiver-activity-id sur ces paiements, ou les fonds "
     r"reçus (transaction de type 1) avec provider-activity-id \1."),
    (r"^Find (\S+)'s payment to (\S+); keep only one of the two activities \(iati\.activities in project\.yaml\), or "
     r"ask the publisher to write receiver-org/@receiver-activity-id\.$",
     r"Trouvez le paiement de \1 à \2 ; ne gardez qu'une des deux activités (iati.activities dans project.yaml), ou "
     r"demandez à l'éditeur du fichier d'écrire receiver-org/@receiver-activity-id."),
    (r"^activity (\S+) names (\S+), an activity of the files, as (a third party's report of the same activity "
     r"\(related-activity type 5\)|a participating organisation's activity \(the same project reported by the funder "
     r"and by the implementer\?\)), and no incoming funds or related-activity tells which money is whose: both budgets "
     r"and spendings are counted, which counts the money one gave the other twice$",
     lambda m: f"l'activité {m[1]} nomme {m[2]}, une activité des fichiers, comme "
               + ("le rapport d'un tiers sur la même activité (related-activity de type 5)" if m[3].startswith("a third")
                  else "l'activité d'une organisation participante (le même projet déclaré par le bailleur et par "
                       "l'organisation qui le met en œuvre ?)")
               + ", et aucuns fonds reçus ni related-activity ne disent quel argent est à qui : les deux budgets et "
                 "les deux dépenses sont comptés, ce qui compte deux fois l'argent que l'une a donné à l'autre"),
    (r"^Keep only one of the two activities \(iati\.activities in project\.yaml\), usually the implementer's; nothing "
     r"to do if they are two projects\.$", "Ne gardez qu'une des deux activités (iati.activities dans project.yaml), "
     "en général celle de l'organisation qui met en œuvre ; rien à faire si ce sont deux projets."),
    (r"^(.+), naming no activity \(receiver-activity-id, provider-activity-id\): the same project reported by its "
     r"funder and by its implementer\? Both activities' budgets and spendings are counted, which counts the money one "
     r"gave the other twice(?: \(up to (\d+) other activit(?:y|ies) of the files linked to it so\))?$",
     lambda m: _same_project_parts(m[1]) + ", sans nommer d'activité (receiver-activity-id, provider-activity-id) : le "
               "même projet déclaré par son bailleur et par l'organisation qui le met en œuvre ? Les budgets et les "
               "dépenses des deux activités sont comptés, ce qui compte deux fois l'argent que l'une a donné à l'autre"
               + (f" (jusqu'à {m[2]} autre(s) activité(s) des fichiers liée(s) à elle de cette façon)" if m[2] else "")),
    (r"^Keep only one of the two activities, usually the implementer's \(iati\.activities in project\.yaml lists those "
     r"kept: leave (\S+) out of it\); nothing to do if they are two projects\.$",
     r"Ne gardez qu'une des deux activités, en général celle de l'organisation qui met en œuvre (iati.activities dans "
     r"project.yaml liste celles gardées : laissez-en \1 dehors) ; rien à faire si ce sont deux projets."),
    (r"^activity (\S+) names (.+?), the publisher of (\S+), as its (funding|implementing) organisation "
     r"\(participating-org role (\d)(?:, by its name ('.*'), no @ref)?\), and no payment, incoming funds or "
     r"related-activity tells which of their money is whose: the same project reported by its funder \((\S+)\) and by "
     r"its implementer \((\S+)\)\? Both activities' budgets and spendings are counted, which counts the money one gave "
     r"the other twice$",
     lambda m: f"l'activité {m[1]} nomme {m[2]}, l'éditeur de {m[3]}, comme son organisation "
               + ("bailleuse" if m[4] == "funding" else "de mise en œuvre") + f" (participating-org de rôle {m[5]}"
               + (f", par son nom {m[6]}, sans @ref" if m[6] else "") + "), et aucun paiement, fonds reçus ni "
               "related-activity ne disent quel argent est à qui : le même projet déclaré par son bailleur "
               f"({m[7]}) et par l'organisation qui le met en œuvre ({m[8]}) ? Les budgets et les dépenses des deux "
               "activités sont comptés, ce qui compte deux fois l'argent que l'une a donné à l'autre"),
    (r"^Ask the publisher to correct the file; until then the value is not counted\.$",
     "Demandez à l'éditeur du fichier de le corriger ; d'ici là, la valeur n'est pas comptée."),
    (r"^activity (\S+): a number of (\d+) digits, too large to be an amount \(it would be read as infinity\)$",
     r"activité \1 : un nombre de \2 chiffres, trop grand pour être un montant (il serait lu comme l'infini)"),
    (r"^activity (\S+): no total (baseline|target|actual) is given: the total is the sum of (\d+) cell\(s\) by (.+)$",
     lambda m: f"activité {m[1]} : aucun total n'est donné pour " + {"baseline": "la référence", "target": "la cible",
                                                                     "actual": "la valeur réalisée"}[m[2]]
               + f" : le total est la somme de {m[3]} case(s) par "
               + ", ".join(_IATI_DIMENSIONS.get(d, d) for d in m[4].split(", "))),
    (r"^Check that the cells cover the whole population\.$",
     "Vérifiez que les cases couvrent toute la population."),
    (r"^activity (\S+): no total (baseline|target|actual) is given: the total is the sum of the (\d+) locations' values "
     r"\((.*)\)$", lambda m: f"activité {m[1]} : aucun total n'est donné pour "
                             + {"baseline": "la référence", "target": "la cible", "actual": "la valeur réalisée"}[m[2]]
                             + f" : le total est la somme des valeurs des {m[3]} lieux ({m[4]})"),
    (r"^Check that the locations cover the whole indicator\.$", "Vérifiez que les lieux couvrent tout l'indicateur."),
    (r"^(\d+) value\(s\) in ([A-Z]{3})(?: \(value-dates? (\S+)(?: to (\S+))?\))? are converted at the one rate of "
     r"project\.yaml, 1 \2 = (\S+) ([A-Z]{3}), whatever their value-date \(the day IATI gives each value's rate\)$",
     lambda m: f"{m[1]} valeur(s) en {m[2]}"
               + ((f" (dates de valeur du {m[3]} au {m[4]})" if m[4] else f" (date de valeur {m[3]})") if m[3] else "")
               + f" sont converties au seul taux de project.yaml, 1 {m[2]} = {_commas(m[5])} {m[6]}, quelle que soit leur "
                 "date de valeur (le jour dont IATI donne le taux de chaque valeur)"),
    (r"^Check that this rate fits all of these dates \(their average rate, say\): over dates whose rates differ much, "
     r"the converted budget and spending are approximate, and the annex does not say so \(the first value is named "
     r"here\)\.$", "Vérifiez que ce taux convient à toutes ces dates (leur taux moyen, par exemple) : sur des dates "
     "dont les taux diffèrent beaucoup, le budget et les dépenses convertis sont approximatifs, et l'annexe ne le dit "
     "pas (la première valeur est nommée ici)."),
    (r"^activity (\S+): (\d+) negative budget\(s\), read as corrections and netted with the budgets of their period: "
     r"net budget (\S+)$", lambda m: f"activité {m[1]} : {m[2]} budget(s) négatif(s), lu(s) comme des corrections et "
                                     f"déduit(s) des budgets de leur période : budget net {_commas(m[3])}"),
    (r"^Nothing to do if they correct earlier budgets; check them otherwise\.$",
     "Rien à faire s'ils corrigent des budgets antérieurs ; vérifiez-les sinon."),
    (r"^activity (\S+): this (.+) of (\d{4}-\d\d-\d\d) is (before the activity's start|after the activity's end) "
     r"\((\d{4}-\d\d-\d\d)\)$",
     lambda m: f"activité {m[1]} : cette transaction ({_IATI_TRANSACTIONS.get(m[2], m[2])}) du {m[3]} est "
               + ("antérieure au début" if m[4].startswith("before") else "postérieure à la fin")
               + f" de l'activité ({m[5]})"),
    (r"^Fine for a late payment or an advance; check it otherwise \(it is counted\)\.$",
     "Normal pour un paiement tardif ou une avance ; vérifiez-la sinon (elle est comptée)."),
    (r"^the IATI files name (\d+) recipient countr(?:y|ies) that no annex file covers \((.*)\): their money counts in "
     r"the project-wide annex only$", r"les fichiers IATI nomment \1 pays bénéficiaire(s) qu'aucun fichier d'annexe "
     r"ne couvre (\2) : leur argent ne compte que dans l'annexe du projet"),
    (r"^make import-iati wrote one annex per country of the file it imported: add one for each new country \(e\.g\. "
     r"(\S+) with `country: ([A-Z]{2})` and `name:`\), or nothing to do if the evaluation gives it no annex\.$",
     r"make import-iati a écrit une annexe par pays du fichier importé : ajoutez-en une pour chaque nouveau pays (par "
     r"exemple \1 avec `country: \2` et `name:`), ou rien à faire si l'évaluation ne lui donne pas d'annexe."),
    (r"^the IATI files name (\d+) recipient countr(?:y|ies) besides ([A-Z]{2}) \((.*)\): their money counts in the "
     r"annex « (.*) » \(`country: all`, every row\)$", r"les fichiers IATI nomment \1 pays bénéficiaire(s) en plus "
     r"de \2 (\3) : leur argent compte dans l'annexe « \4 » (`country: all`, toutes les lignes)"),
    (r"^make import-iati wrote one annex of every row for a file of one country: write `country: ([A-Z]{2})` in "
     r"(\S+), add (\S+) with `country: all` and `name:` for the whole project, and an annex for each new country "
     r"\(e\.g\. (\S+) with `country: ([A-Z]{2})` and `name:`\)\.$",
     r"make import-iati a écrit une seule annexe, de toutes les lignes, pour un fichier d'un seul pays : écrivez "
     r"`country: \1` dans \2, ajoutez \3 avec `country: all` et `name:` pour le projet dans son ensemble, et une "
     r"annexe pour chaque nouveau pays (par exemple \4 avec `country: \5` et `name:`)."),
    (r"^(project\.yaml's (?:start|end)_date .*?): the elapsed share of the planned duration at the reporting date "
     r"\((\S+)\) is (\S+ %) over project\.yaml's dates, (\S+ %) over the files'(: the burn index of .+ is \S+ for \S+ "
     r"over the files' dates, every burn index \S+ times the files' \(and the verdicts rating them\))?$",
     lambda m: re.sub(r"project\.yaml's (start_date|end_date) \((\S+)\) is not the IATI files' (first activity start|"
                      r"last activity end) \((\S+), activity (\S+)\)",
                      lambda d: f"le {d[1]} de project.yaml ({d[2]}) n'est pas "
                                + ("le premier début d'activité" if d[3].startswith("first") else
                                   "la dernière fin d'activité") + f" des fichiers IATI ({d[4]}, activité {d[5]})",
                      m[1]).replace(") and le ", ") et le ")
               + f" : la part écoulée de la durée prévue à la date de rapport ({m[2]}) est de {_commas(m[3])} selon les "
                 f"dates de project.yaml, {_commas(m[4])} selon celles des fichiers"
               + (re.sub(r": the burn index of (.+) is (\S+) for (\S+) over the files' dates, every burn index (\S+) "
                         r"times the files' \(and the verdicts rating them\)",
                         lambda b: f" : l'indice de consommation {b[1]} est de {_commas(b[2])} pour {_commas(b[3])} "
                                   f"selon les dates des fichiers, chaque indice {_commas(b[4])} fois celui des "
                                   "fichiers (et les verdicts qui les notent)", m[5])
                  .replace("consommation the project ", "consommation du projet ")
                  .replace("consommation line ", "consommation de la ligne ") if m[5] else "")),
    (r"^make import-iati wrote the dates of the file it imported: write (.+) in project\.yaml if the file was replaced "
     r"by a newer one; keep (them if they are|it if it is) the project's own \(the financing agreement's\)\.$",
     lambda m: f"make import-iati a écrit les dates du fichier importé : écrivez {m[1].replace(' and ', ' et ')} dans "
               "project.yaml si le fichier a été remplacé par un plus récent ; "
               + ("gardez-les si ce sont" if m[2].startswith("them") else "gardez-la si c'est")
               + " celles du projet (de l'accord de financement)."),
    # a survey's description (data.surveys' validators)
    (r"^'([^']*)': each estimate names exactly one of mean, total, share, ratio \(e\.g\. \{mean: revenu\}\)$",
     r"'\1' : chaque estimation nomme exactement une statistique parmi mean, total, share, ratio (par exemple "
     r"{mean: revenu})"),
    (r"^'([^']*)': 'ratio' and 'per' go together: the total of one question per the total of another \(e\.g\. "
     r"\{ratio: depenses, per: membres\}\)$",
     r"'\1' : 'ratio' et 'per' vont ensemble : le total d'une question par le total d'une autre (par exemple "
     r"{ratio: depenses, per: membres})"),
    (r"^'([^']*)': 'value' goes with 'share' only \(e\.g\. \{share: emploi, value: oui\}\)$",
     r"'\1' : 'value' ne va qu'avec 'share' (par exemple {share: emploi, value: oui})"),
    # pydantic's own sentences for a value of the wrong kind (a study's, a survey's, project.yaml's keys)
    (r"^'([^']*)': Input should be (.+)$",
     lambda m: f"'{m[1]}' : {_should_be(m[2])}" if _should_be(m[2]) else m[0]),
    (r"^See data/README\.md for how an impact study is described\.$",
     "Voyez dans data/README.md comment décrire une étude d'impact (la clé, et ce qu'elle attend)."),
    (r"^See data/README\.md \(Surveys\) for how a survey is described\.$",
     "Voyez dans data/README.md (Surveys) comment décrire une enquête (la clé, et ce qu'elle attend)."),
    (r"^the budget lines add up to (-?[\d,]+\.\d\d), more than budget_total \((-?[\d,]+\.\d\d)\): the overall execution "
     r"rate divides by budget_total, the unallocated budget is (-?[\d,]+\.\d\d)$",
     lambda m: f"les lignes budgétaires totalisent {_grouped(m[1])}, plus que budget_total ({_grouped(m[2])}) : le "
               f"taux d'exécution global divise par budget_total, le budget non alloué est de {_grouped(m[3])}"),
    (r"^budget_total is written (.+): with decimal_mark \"(.)\" \(project\.yaml\) that is (\S+)\. If it is (.+), write "
     r"it without that \"\2\": budget_total: (.+)\.$", r"budget_total est écrit \1 : avec decimal_mark \"\2\" "
     r"(project.yaml), c'est \3. Si c'est \4, écrivez-le sans ce \"\2\" : budget_total: \5."),
    (r"^Update budget_total if the budget was topped up; else look for lines written twice \(budget\.csv\)\.$",
     "Mettez à jour budget_total si le budget a été augmenté ; sinon cherchez des lignes écrites deux fois "
     "(budget.csv)."),
    # an impact study's other warnings (data.loader)
    (r"^the age '([^']*)' is (\d+) on this row, a year of birth, where other rows give ages \((\S+) to (\S+)\): it "
     r"would be read as an age of \2 years$", r"l'âge '\1' vaut \2 sur cette ligne, une année de naissance, là où les "
     r"autres lignes donnent des âges (de \3 à \4) : il serait lu comme un âge de \2 ans"),
    (r"^Write every row's age \(the year of the survey minus the year of birth\), or every row's year of birth under "
     r"another name\.$", "Écrivez l'âge de chaque ligne (l'année de l'enquête moins l'année de naissance), ou l'année "
     "de naissance de chaque ligne sous un autre nom."),
    (r"^(\d+) value\(s\) of '([^']*)' \(([^)]*)\) are more than 10 times three quarters of the others and far above "
     r"them all \(at most (\S+)\)(?:; (\d+) other value\(s\) are also beyond three interquartile ranges above three "
     r"quarters of the values \((\S+)\): (.*))?: the means and the effect move with them$",
     lambda m: f"{m[1]} valeur(s) de '{m[2]}' ({_commas(m[3])}) dépassent 10 fois les trois quarts des autres et les "
               f"dépassent toutes de loin (au plus {_commas(m[4])})"
               + (f" ; {m[5]} autre(s) valeur(s) dépassent aussi de trois écarts interquartiles les trois quarts des "
                  f"valeurs ({_commas(m[6])}) : {_commas(m[7])}" if m[5] else "")
               + " : les moyennes et l'effet bougent avec elles"),
    (r"^Check the value \(a typo, a yearly amount for a monthly one, another currency\?\) and correct it, or leave "
     r"the cell empty if it is not known; if it is true, nothing needs doing, and the report may give the effect "
     r"without it beside\.$", "Vérifiez la valeur (une faute de frappe, un montant annuel pour un mensuel, une autre "
     "devise ?) et corrigez-la, ou laissez la cellule vide si elle n'est pas connue ; si elle est vraie, rien à "
     "faire, et le rapport peut donner à côté l'effet sans elle."),
    (r"^'([^']*)': (\d+) of (\d+) treated and (\d+) of (\d+) comparison (\w+)\(s\) with a value before the programme "
     r"have none after it \((\d+) % and (\d+) %\): the difference-in-differences compares the groups' means of the "
     r"rows it has: the baseline of those lost counts in their group's change$", r"'\1' : \2 \6 traités sur \3 et \4 "
     r"\6 de comparaison sur \5 avec une valeur avant le programme n'en ont pas après (\7 % et \8 %) : la double "
     r"différence compare les moyennes des lignes qu'elle a : la référence des perdus compte dans le changement de "
     r"leur groupe"),
    (r"^'([^']*)': (\d+) of (\d+) treated and (\d+) of (\d+) comparison rows have no value \((\d+) % and (\d+) %\): the "
     r"effect compares the means of the rows with a value: if those lost differ \(the unemployed not found\), it "
     r"compares different persons$", r"'\1' : \2 lignes traitées sur \3 et \4 de comparaison sur \5 n'ont pas de "
     r"valeur (\6 % et \7 %) : l'effet compare les moyennes des lignes qui ont une valeur : si les perdus diffèrent "
     r"(les chômeurs non retrouvés), il compare des personnes différentes"),
    (r"^Find their follow-up values if you can; else report the attrition per arm beside the effect \(the annex gives "
     r"it\)(, and compare with the persons seen in both rounds \(leave out of (\S+) the rows of those lost\))?\.$",
     lambda m: "Retrouvez leurs valeurs de suivi si vous pouvez ; sinon donnez l'attrition par bras à côté de l'effet "
               "(l'annexe la donne)" + (f", et comparez avec les personnes vues aux deux vagues (retirez de {m[2]} "
                                        "les lignes des perdus)" if m[1] else "") + "."),
    (r"^the round (.+), before the programme, holds the (treated|comparison) group only \((\d+) row\(s\)\): the "
     r"difference-in-differences pools the rounds before the programme into each group's baseline, so the \2 group's "
     r"takes in \1 and the other's does not, and the change both groups went through between the rounds would count "
     r"as an effect of the programme$",
     lambda m: f"la vague {m[1]}, avant le programme, ne contient que le groupe "
               + ("traité" if m[2] == "treated" else "de comparaison") + f" ({m[3]} ligne(s)) : la double différence "
               "regroupe les vagues d'avant le programme dans la référence de chaque groupe, celle du groupe "
               + ("traité" if m[2] == "treated" else "de comparaison") + f" compte donc {m[1]} et celle de l'autre "
               "non, et le changement que les deux groupes ont connu entre les vagues compterait comme un effet du "
               "programme"),
    (r"^'(.+)' gives the treated units (\d+) different starts \((.+)\) and the study compares the round (.+) with "
     r"the other rounds pooled as before the programme: units already treated in a round counted before it, or not "
     r"yet treated in the round after it, are compared as if they were not, and the difference-in-differences is "
     r"biased \(a DiD pooling units treated at different dates, as a two-way fixed-effects regression, mixes the "
     r"cohorts' effects with weights of its own, some negative: Goodman-Bacon 2021\)$",
     r"« \1 » donne aux unités traitées \2 débuts différents (\3) et l'étude compare la vague \4 aux autres "
     r"vagues, regroupées comme « avant le programme » : les unités déjà traitées à une vague comptée avant lui, ou "
     r"pas encore traitées à la vague d'après, sont comparées comme si elles ne l'étaient pas, et la double "
     r"différence est biaisée (une double différence qui regroupe des unités traitées à des dates différentes, comme "
     r"une régression à effets fixes bidirectionnels, mêle les effets des cohortes avec des poids qui lui sont "
     r"propres, certains négatifs : Goodman-Bacon 2021)"),
    (r"^Nothing to split by hand: the impact annex gives, beside this pooled effect, each cohort's own "
     r"difference-in-differences \(its treated units against the units never treated, from its last round before its "
     r"start to its first round treated\) and their mean weighted by their treated units \(Callaway and Sant'Anna "
     r"2021\); quote those, not the pooled effect, and check that '(.+)' gives each treated unit's start \(units "
     r"treated from the first round, or after the last, are left out\)\.$",
     r"Rien à découper à la main : l'annexe d'impact donne, à côté de cet effet regroupé, la double différence propre "
     r"à chaque cohorte (ses unités traitées face aux unités jamais traitées, de sa dernière vague avant son début à "
     r"sa première vague traitée) et leur moyenne pondérée par leurs unités traitées (Callaway et Sant'Anna 2021) ; "
     r"citez celles-ci, non l'effet regroupé, et vérifiez que « \1 » donne le début de chaque unité traitée (les "
     r"unités traitées dès la première vague, ou après la dernière, sont laissées de côté)."),
    (r"^Leave the rows of (.+) out of (\S+) \(compare the rounds both groups were surveyed in\), or give the other "
     r"group's rows of that round\.$", r"Retirez les lignes de \1 de \2 (comparez les vagues où les deux groupes ont "
     r"été enquêtés), ou donnez les lignes de l'autre groupe pour cette vague."),
    (r"^no row before the programme is in the treated group \('([^']*)' = (.+) on (\d+) row\(s\), all after it\): the "
     r"difference-in-differences has no baseline for the treated\. The column seems to say each round's status "
     r"\(treated once the programme came\) rather than each person's group$", r"aucune ligne d'avant le programme "
     r"n'est dans le groupe traité ('\1' = \2 sur \3 ligne(s), toutes après) : la double différence n'a pas de "
     r"référence pour les traités. La colonne semble dire le statut de chaque vague (traité une fois le programme "
     r"venu) plutôt que le groupe de chaque personne"),
    (r"^Write in '([^']*)' each person's group on all their rows, before the programme too \(the persons treated later "
     r"are the treated group from the first round\)\.$", r"Écrivez dans '\1' le groupe de chaque personne sur toutes "
     r"ses lignes, avant le programme aussi (les personnes traitées plus tard sont le groupe traité dès la première "
     r"vague)."),
    (r"^(\d+) (\w+)\(s\) have rows in several clusters '([^']*)' \(this one in (.*)\): clustered standard errors take "
     r"a unit's rows in two clusters as independent, which they are not, so the effects' standard errors, intervals "
     r"and p-values are wrong$", r"\1 \2 ont des lignes dans plusieurs grappes '\3' (celui-ci dans \4) : les erreurs "
     r"types en grappes prennent les lignes d'une unité dans deux grappes comme indépendantes, ce qu'elles ne sont "
     r"pas : les erreurs types, intervalles et p-values des effets sont donc faux"),
    (r"^Write `cluster: ([^`]*)` in (\S+), or a cluster that holds whole units \(their village before the programme, "
     r"on every row of the unit\)\.$", r"Écrivez `cluster: \1` dans \2, ou une grappe qui contient des unités entières "
     r"(leur village avant le programme, sur chaque ligne de l'unité)."),
    (r"^(\d+) (\w+)\(s\) are in the treated group on some rows and in the comparison group on others \(\2 ([^:]*): "
     r"(.*)\): a difference-in-differences compares groups fixed over time, and each row would be counted in the group "
     r"its cell says \(persons counted in both groups, baseline rows of the treated compared as the comparison "
     r"group's\)(?=$|; they come into the treated group)", lambda m: f"{m[1]} {m[2]} sont dans le groupe traité sur certaines lignes et dans le groupe de "
                              f"comparaison sur d'autres ({m[2]} {m[3]} : "
                              + re.sub(r"('[^']*') for ", r"\1 pour ", m[4]) + ") : une double différence compare "
                              "des groupes fixes dans le temps, et chaque ligne serait comptée dans le groupe que dit "
                              "sa cellule (des personnes comptées dans les deux groupes, des lignes de référence des "
                              "traités comparées comme celles du groupe de comparaison)"),
    (r"^Write each person's group on every one of their rows \(the group they were assigned to, '([^']*)' for everyone "
     r"who took part, whatever the round\), or leave out the persons who joined the programme late\.(?=$| As they)",
     r"Écrivez le groupe de chaque personne sur chacune de ses lignes (le groupe auquel elle a été affectée, '\1' pour "
     r"tous ceux qui ont participé, quelle que soit la vague), ou laissez de côté les personnes entrées tard dans le "
     r"programme."),
    (r"; they come into the treated group at (\d+) different rounds \((.+)\): units treated at different dates "
     r"\(staggered adoption\), which a difference-in-differences with one round after the programme cannot compare "
     r"\(those treated in a round counted before it, or not yet in the round after it\)$",
     r" ; elles entrent dans le groupe traité à \1 vagues différentes (\2) : des unités traitées à des dates "
     r"différentes (adoption échelonnée), qu'une double différence avec une seule vague après le programme ne peut pas "
     r"comparer (celles traitées à une vague comptée avant lui, ou pas encore à la vague d'après)"),
    (r" As they started at different rounds, add a column 'debut' giving each treated unit's first round treated "
     r"\((.+)\), empty for the units never treated: the impact annex then gives each cohort's own "
     r"difference-in-differences against the units never treated, and their mean weighted by their treated units "
     r"\(Callaway and Sant'Anna 2021\), beside the pooled effect\.$",
     r" Comme elles ont commencé à des vagues différentes, ajoutez une colonne 'debut' qui donne la première vague "
     r"traitée de chaque unité traitée (\1), vide pour les unités jamais traitées : l'annexe d'impact donne alors la "
     r"double différence propre à chaque cohorte face aux unités jamais traitées, et leur moyenne pondérée par leurs "
     r"unités traitées (Callaway et Sant'Anna 2021), à côté de l'effet groupé."),
    (r"^(\d+) cluster code\(s\) of '([^']*)' are found in several countries \((.*)\): each is taken as one cluster, and "
     r"with fewer, larger clusters the standard errors come out too small if they are not$", r"\1 code(s) de grappe "
     r"de '\2' se trouvent dans plusieurs pays (\3) : chacun est pris comme une seule grappe, et avec des grappes moins "
     r"nombreuses et plus grandes, les erreurs types sortent trop petites si ce n'en est pas une"),
    (r"^If the clusters are numbered per country, write codes unique across the study \('([^']*)'\); if a cluster does "
     r"gather several countries, nothing to do\.$", r"Si les grappes sont numérotées par pays, écrivez des codes "
     r"uniques dans toute l'étude ('\1') ; si une grappe réunit vraiment plusieurs pays, rien à faire."),
    # the tables' other warnings (data.readers, data.headers, data.loader, data.params)
    (r"^column(s?) ([A-Z, ]+) holds? values beside row(s?) ([\d, .]+) but no header: not read$",
     lambda m: f"{'les colonnes' if m[1] else 'la colonne'} {m[2]} {'contiennent' if m[1] else 'contient'} des "
               f"valeurs à côté {'des lignes' if m[3] else 'de la ligne'} {m[4]} mais pas d'en-tête : "
               + ("elles ne sont pas lues" if m[1] else "elle n'est pas lue")),
    (r"^If they are notes, nothing to do \(or move them to another sheet\); if they are a column of the table, write "
     r"its header\.$", "Si ce sont des notes, rien à faire (ou déplacez-les sur une autre feuille) ; si c'est une "
     "colonne de la table, écrivez son en-tête."),
    (r"^the column '(.*)' is ignored: the figures use the column '([^']*)'$",
     lambda m: "la colonne '" + m[1].replace("' under '", "' sous '") + f"' est ignorée : les chiffres sont pris "
               f"dans la colonne '{m[2]}'"),
    (r"^If '(.*)' holds the figures to use \(a revised budget, the latest count\), name it '([^']*)' and the other "
     r"'([^']*)', say; else nothing to do\.$",
     lambda m: "Si '" + m[1].replace("' under '", "' sous '") + f"' contient les chiffres à utiliser (un budget "
               f"révisé, le dernier décompte), nommez-la '{m[2]}' et l'autre '{m[3]}', par exemple ; sinon, rien à "
               "faire."),
    (r"^this cell holds the formula (.+), which takes its value from another workbook \((.*)\): the value read is the "
     r"one stored when this file was last saved, not that workbook's of today$", r"cette cellule contient la formule "
     r"\1, qui prend sa valeur dans un autre classeur (\2) : la valeur lue est celle stockée au dernier enregistrement "
     r"de ce fichier, pas celle de ce classeur aujourd'hui"),
    (r"^Nothing to do if that workbook has not changed since; else open this file in Excel, update its links \(Data > "
     r"Edit Links > Update Values; « Données > Modifier les liens »\) and save it\. Cells pasted as values "
     r"\(« Collage spécial > Valeurs »\) no longer depend on it\.$", "Rien à faire si ce classeur n'a pas changé "
     "depuis ; sinon ouvrez ce fichier dans Excel, mettez à jour ses liaisons (« Données > Modifier les liens > Mettre "
     "à jour les valeurs ») et enregistrez-le. Des cellules collées en valeurs (« Collage spécial > Valeurs ») n'en "
     "dépendent plus."),
    (r"^this cell holds the formula (.+), and the file was written by a program that left the formulas to be computed "
     r"when the file is opened \(the workbook asks Excel to compute them again\): the result it stores \((.*)\) was "
     r"never computed$", r"cette cellule contient la formule \1, et le fichier a été écrit par un programme qui a "
     r"laissé les formules à calculer à l'ouverture du fichier (le classeur demande à Excel de les recalculer) : le "
     r"résultat qu'il stocke (\2) n'a jamais été calculé"),
    (r"^this cell's format shows (.+) and the cell holds (.+): the published figure is compared as \2, to (\d+) "
     r"decimal\(s\) \(Excel and LibreOffice format a typed percentage with 2 decimals, whatever was typed\)$",
     r"le format de cette cellule affiche \1 et la cellule contient \2 : le chiffre publié est comparé comme \2, à \3 "
     r"décimale(s) (Excel et LibreOffice donnent à un pourcentage tapé un format à 2 décimales, quoi qu'on ait tapé)"),
    (r"^Nothing to do if the report prints (.+); if it prints (.+), write the value as text, as printed \(typed with a "
     r"leading apostrophe: (.+)\)\.$", r"Rien à faire si le rapport imprime \1 ; s'il imprime \2, écrivez la valeur "
     r"en texte, telle qu'imprimée (tapée précédée d'une apostrophe : \3)."),
    (r"^the tables of (\S+) are read once, with project\.yaml's currency \(([^)]*)\): an annex file cannot change it, "
     r"and its amounts would be shown as (\S+) without being converted$", r"les tables de \1 sont lues une seule fois, "
     r"avec la devise de project.yaml (\2) : un fichier d'annexe ne peut pas la changer, et ses montants seraient "
     r"montrés en \3 sans être convertis"),
    (r"^Remove this line\. The workbook does not convert currencies: write every amount of the tables in (\S+) \(and "
     r"say in the report at which rate\), or make the amounts in (\S+) a project of their own\.$", r"Supprimez cette "
     r"ligne. Le classeur ne convertit pas les devises : écrivez chaque montant des tables en \1 (et dites dans le "
     r"rapport à quel taux), ou faites des montants en \2 un projet à part."),
    (r"^the outcome '([^']*)' is written as a percentage on (\d+) row\(s\) \(([^;]*); '([^']*)'\)( \([^)]*\))? and "
     r"without '%' on the (\d+) other\(s\) \(row (\d+): '([^']*)'\)( \([^)]*\))?: the two scales cannot be compared, "
     r"and neither is guessed$", lambda m: f"le résultat '{m[1]}' est écrit en pourcentage sur {m[2]} ligne(s) "
                                           f"({m[3]} ; '{m[4]}'){m[5] or ''} et sans '%' sur les {m[6]} autre(s) "
                                           f"(ligne {m[7]} : '{m[8]}'){m[9] or ''} : les deux échelles ne peuvent pas "
                                           "être comparées, et aucune n'est devinée"),
    (r"^Write these rows as fractions of 1, as the others are \((.+) as (\S+)\); or every row as a percentage without "
     r"'%' \((\S+) as (\S+)\): one scale for the whole column\.$", r"Écrivez ces lignes en fractions de 1, comme les "
     r"autres (\1 comme \2) ; ou chaque ligne en pourcentage sans '%' (\3 comme \4) : une seule échelle pour toute la "
     r"colonne."),
    # the data's other first-hour warnings (data.headers, data.loader, data.register, data.spending, data.inputs)
    (r"^the title above the table gives its amounts in thousands or millions: the workbook reads amounts in (\S+), "
     r"and would show them 1 000 or 1 000 000 times too small$", r"le titre au-dessus de la table donne ses montants "
     r"en milliers ou en millions : le classeur lit les montants en \1, et les montrerait 1 000 ou 1 000 000 de fois "
     r"trop petits"),
    (r"^Write the amounts in (\S+) \(12 500 for 12,5 k\), and delete the title or its unit\.$",
     r"Écrivez les montants en \1 (12 500 pour 12,5 k), et supprimez le titre ou son unité."),
    (r"^the title above the table gives its amounts in ([A-Z]{3}), and the project's currency is (\S+) \(params, "
     r"project\.yaml\): they would be added up as \2$", r"le titre au-dessus de la table donne ses montants en \1, et "
     r"la devise du projet est \2 (params, project.yaml) : ils seraient additionnés comme des \2"),
    (r"^this amount's number format \((.+)\) shows it in thousands or millions \('([^']*)'\)(?:: the cell holds "
     r"(\S+))?, read as (\S+), 1 000 or 1 000 000 times too small(?: \((\d+) cells of the column are so formatted\))?$",
     lambda m: f"le format de nombre de ce montant ({m[1]}) l'affiche en milliers ou en millions ('{m[2]}')"
               + (f" : la cellule contient {m[3]}" if m[3] else "") + f", lu comme des {m[4]}, 1 000 ou 1 000 000 de "
               "fois trop petit" + (f" ({m[5]} cellules de la colonne ont ce format)" if m[5] else "")),
    (r"^Write the amounts in (\S+) \(40 000 for 40 k\) with a plain number format \(to show thousands, a format that "
     r"divides, #,##0,\" k\", keeps the whole amount in the cell\)\.$", r"Écrivez les montants en \1 (40 000 pour "
     r"40 k) avec un format de nombre simple (pour afficher des milliers, un format qui divise, #,##0,\" k\", garde le "
     r"montant entier dans la cellule)."),
    (r"^row (\d+), under the header, gives the columns' units \((.*)\): it is a units row, not a row of the table; and "
     r"it gives the amounts of '([^']*)' in ([A-Z]{3}), while the project's currency is (\S+) \(params, project\.yaml\): "
     r"they would be added up as \5$",
     lambda m: f"la ligne {m[1]}, sous l'en-tête, donne les unités des colonnes ("
               + re.sub(r" under ('[^']*')", r" sous \1", m[2]) + f") : c'est une ligne d'unités, pas une ligne de la "
               f"table ; et elle donne les montants de '{m[3]}' en {m[4]}, alors que la devise du projet est {m[5]} "
               f"(params, project.yaml) : ils seraient additionnés comme des {m[5]}"),
    (r"^The workbook does not convert: write the amounts in (\S+), or set `currency: ([A-Z]{3})` in project\.yaml if "
     r"the whole project is in that currency; then delete the units row\.$", r"Le classeur ne convertit pas : "
     r"écrivez les montants en \1, ou indiquez `currency: \2` dans project.yaml si tout le projet est dans cette "
     r"devise ; puis supprimez la ligne d'unités."),
    (r"^this cell is formatted as a percentage \(the sheet shows (\S+) %\), and the indicator's unit is '([^']*)': it "
     r"would be read as \1, 100 times the (\S+) the cell holds$", r"cette cellule est au format pourcentage (la "
     r"feuille affiche \1 %), et l'unité de l'indicateur est '\2' : elle serait lue comme \1, 100 fois le \3 que la "
     r"cellule contient"),
    (r"^Format the cell as a number \(not a percentage\) and check its value: it holds (\S+)\.$",
     r"Mettez la cellule au format nombre (pas pourcentage) et vérifiez sa valeur : elle contient \1."),
    (r"^this table has a sex and no 'participants', so each row is read as one person, but its column '([^']*)' counts "
     r"(\S+) on this row: rows of counts by sex \(an event's women on one row, its men on the next\) would each count "
     r"1$", r"cette table a un sexe et pas de 'participants', chaque ligne est donc lue comme une personne, mais sa "
     r"colonne '\1' compte \2 sur cette ligne : des lignes d'effectifs par sexe (les femmes d'un événement sur une "
     r"ligne, ses hommes sur la suivante) compteraient chacune 1"),
    (r"^Write one row per event with its counts \(columns participants, women, men\), or, if each row is one person, "
     r"delete the column '([^']*)' \(data/README\.md, participation\)\.$", r"Écrivez une ligne par événement avec ses "
     r"effectifs (colonnes participants, women, men), ou, si chaque ligne est une personne, supprimez la colonne '\1' "
     r"(data/README.md, participation)."),
    (r"^this table holds persons \(one row each, with a sex and no '([^']*)': (\d+) rows, from row (\d+)\) and counts "
     r"per event \((\d+) rows\): the two cannot be read together$", r"cette table contient des personnes (une ligne "
     r"chacune, avec un sexe et sans '\1' : \2 lignes, à partir de la ligne \3) et des effectifs par événement (\4 "
     r"lignes) : les deux ne peuvent pas être lus ensemble"),
    (r"^Write one or the other: count each event's persons into one row \(participants, women\), or list the persons "
     r"of the counted events, one row each, and delete the column '([^']*)' \(data/README\.md, participation\)\.$",
     r"Écrivez l'un ou l'autre : comptez les personnes de chaque événement sur une ligne (participants, women), ou "
     r"listez les personnes des événements comptés, une ligne chacune, et supprimez la colonne '\1' (data/README.md, "
     r"participation)."),
    (r"^If '([^']*)' is the code of two events, one in (.+) and one in (.+), give each its own code \(e\.g\. (.*)\); "
     r"if it is one event, give every row of an event the same (\w+)\.$", r"Si '\1' est le code de deux événements, "
     r"l'un en \2 et l'autre en \3, donnez à chacun son propre code (par exemple \4) ; si c'est un seul événement, "
     r"donnez la même valeur de \5 à chaque ligne d'un événement."),
    (r"^both (\S+) \(saved ([\d-]+ [\d:]+)\) and (\S+) \(saved ([\d-]+ [\d:]+)\) exist; \1 would be read, and \3 is the "
     r"newer: the table updated in Excel beside an older CSV\?$", r"\1 (enregistré le \2) et \3 (enregistré le \4) "
     r"existent tous deux ; \1 serait lu, et \3 est le plus récent : la table mise à jour dans Excel à côté d'un CSV "
     r"plus ancien ?"),
    (r"^Keep one of the two files: delete (\S+) if (\S+) is the table, or move \2 out of the folder\.$",
     r"Gardez un seul des deux fichiers : supprimez \1 si \2 est la table, ou sortez \2 du dossier."),
    (r"^this file is not read: only files named <name>\.yaml are \(this one ends in '([^']*)'\)$",
     r"ce fichier n'est pas lu : seuls les fichiers nommés <nom>.yaml le sont (celui-ci finit par '\1')"),
    (r"^Rename it (\S+), or delete it if it is an old copy\.$",
     r"Renommez-le \1, ou supprimez-le si c'est une ancienne copie."),
    (r"^a value written as !!binary \(base64\) is not read: params and studies are text$",
     "une valeur écrite en !!binary (base64) n'est pas lue : les paramètres et les études sont du texte"),
    (r"^Write the value itself, as text, without !!binary\.$", "Écrivez la valeur elle-même, en texte, sans !!binary."),
    (r"^this is not valid YAML: (.*)$", lambda m: f"ce n'est pas du YAML valide : {_pyyaml_fr(m[1])}"),
    (r"^Indent with spaces, not tabs: replace each tab of the line by two spaces\.$",
     "Indentez avec des espaces, pas des tabulations : remplacez chaque tabulation de la ligne par deux espaces."),
    (r"^Put a value holding ': ' in quotes \(title: \"AMEM: Maghreb\"\); else indent the key as the keys above it\.$",
     "Mettez entre guillemets une valeur qui contient « : » (title: \"AMEM: Maghreb\") ; sinon, indentez la clé "
     "comme les clés du dessus."),
    (r"^Close the quote opened line (\d+) where its value ends\.$",
     r"Fermez le guillemet ouvert ligne \1 là où sa valeur finit."),
    (r"^Write this line as 'key: value' \(a ':' and a space after the key\), or join it to the value above it\.$",
     "Écrivez cette ligne « clé: valeur » (un « : » et une espace après la clé), ou joignez-la à la valeur du "
     "dessus."),
    (r"^In double quotes a \\ starts an escape: write the value in single quotes \('C:\\Rapports'\)\.$",
     "Entre guillemets doubles, « \\\\ » commence un échappement : écrivez la valeur entre apostrophes "
     "('C:\\\\Rapports')."),
    (r"^Write a value holding an apostrophe in double quotes \(\"l'été\"\), or double the apostrophe inside single "
     r"quotes \('l''été'\)\.$",
     "Écrivez entre guillemets doubles une valeur qui contient une apostrophe (\"l'été\"), ou doublez l'apostrophe "
     "entre apostrophes ('l''été')."),
    (r"^Check indentation and the ':' after each key; put a value that starts with a sign in quotes, e\.g\. "
     r"decimal_mark: \",\"$",
     "Vérifiez l'indentation et le « : » après chaque clé ; mettez entre guillemets une valeur qui commence par un "
     "signe, par exemple decimal_mark: \",\""),
    (r"^a value is marked with the tag (.+), which the workbook does not read: params and studies hold only text, "
     r"numbers, dates, lists and 'key: value' lines$", r"une valeur est marquée de l'étiquette \1, que le classeur ne "
     r"lit pas : les paramètres et les études ne contiennent que du texte, des nombres, des dates, des listes et des "
     r"lignes « clé: valeur »"),
    (r"^Delete the tag \((.+)\) and write the value itself\.$", r"Supprimez l'étiquette (\1) et écrivez la valeur "
     r"elle-même."),
    (r"^this number is written in ([\d,]+) characters, more than the ([\d,]+) the workbook reads$",
     lambda m: f"ce nombre est écrit en {_grouped(m[1])} caractères, plus que les {_grouped(m[2])} que le classeur "
               "lit"),
    (r"^this code holds an invisible character \((U\+[0-9A-F]+) ([a-z -]+)\): it is shown as '([^']*)' and is another "
     r"code than that one$", r"ce code contient un caractère invisible (\1 \2) : il s'affiche '\3' et est un autre "
     r"code que celui-là"),
    (r"^Delete the invisible character \(it comes with text copied from a web page, a PDF or Word\): retype the "
     r"code\.$", "Supprimez le caractère invisible (il vient d'un texte copié d'une page web, d'un PDF ou de Word) : "
     "retapez le code."),
    (r"^every spending row of (.+) names a line of the project as a whole \((.*)\), none a line of \1's own budget "
     r"\((.*)\): they count in the project-wide annex only, and \1's spending is not known \(n\.d\.\), in its annex "
     r"and in the project's total$", r"chaque ligne de dépense de \1 nomme une ligne du projet dans son ensemble "
     r"(\2), aucune une ligne du budget propre de \1 (\3) : elles ne comptent que dans l'annexe du projet, et les "
     r"dépenses de \1 ne sont pas connues (n.d.), dans son annexe et dans le total du projet"),
    (r"^If these rows are (.+)'s own spending, name its own lines \((.*)\); if \1 has spent nothing on them yet, add a "
     r"row with the amount 0 on one of them\.$", r"Si ces lignes sont des dépenses propres de \1, nommez ses propres "
     r"lignes (\2) ; si \1 n'a encore rien dépensé sur elles, ajoutez une ligne avec le montant 0 sur l'une d'elles."),
    (r"^the column '([^']*)' is not read: a budget line named by several rows is counted in full for each of them "
     r"\(shared, not divided\)$", r"la colonne '\1' n'est pas lue : une ligne budgétaire nommée par plusieurs lignes "
     r"est comptée en entier pour chacune d'elles (partagée, pas divisée)"),
    (r"^Leave the split out \(the annex marks the costs of such lines « partagé », not to be added up\), or give each "
     r"result its own budget line\.$", "Laissez la répartition de côté (l'annexe marque les coûts de ces lignes "
     "« partagé », à ne pas additionner), ou donnez à chaque résultat sa propre ligne budgétaire."),
    # an impact study's data (data.loader, data.studies): the first problems a filled template meets
    (r"^the study's data file is missing$", "le fichier de données de l'étude manque"),
    (r"^Put the microdata in (\S+) next to this file\.$", r"Mettez les microdonnées dans \1 à côté de ce fichier."),
    (r"^the description names the column '([^']*)', which (\S+) does not have$",
     r"la description nomme la colonne '\1', que \2 n'a pas"),
    (r"^(?:Did you mean '([^']*)'\? )?Correct the name here or in the data's header\.$",
     lambda m: (f"Vouliez-vous dire '{m[1]}' ? " if m[1] else "") + "Corrigez le nom ici ou dans l'en-tête des "
                                                                     "données."),
    (r"^the outcome '([^']*)' is empty in every row$", r"le résultat '\1' est vide sur toutes les lignes"),
    (r"^Fill in the outcome, or remove it from the description's outcomes\.$",
     "Remplissez le résultat, ou retirez-le des résultats (outcomes) de la description."),
    (r"^every row with a '([^']*)' has \1 = (.+?): there is nothing to compare with(?:; the (\d+) row\(s\) with '\1' "
     r"empty are left out, not read as the comparison group)?$",
     lambda m: f"chaque ligne qui a un '{m[1]}' a {m[1]} = {m[2]} : il n'y a rien à comparer"
               + (f" ; les {m[3]} ligne(s) où '{m[1]}' est vide sont laissées de côté, pas lues comme le groupe de "
                  "comparaison" if m[3] else "")),
    (r"^The data needs rows with another (\w+) value \((a comparison group|a baseline period)\)(?:: write it in the "
     r"empty cells of '([^']*)' \(e\.g\. 0 or C\) if they are the comparison group)?\.$",
     lambda m: f"Les données doivent avoir des lignes avec une autre valeur de {m[1]} ("
               + ("un groupe de comparaison" if m[2].startswith("a comparison") else "une période de référence") + ")"
               + (f" : écrivez-la dans les cellules vides de '{m[3]}' (par exemple 0 ou C) si elles sont le groupe de "
                  "comparaison" if m[3] else "") + "."),
    (r"^no row has the treated value (.+) in '([^']*)'; its values: (.*)$",
     r"aucune ligne n'a la valeur traitée \1 dans '\2' ; ses valeurs : \3"),
    (r"^Write in 'treated:' of (\S+) the value of '([^']*)' that means treated(?: \(YAML reads an unquoted "
     r"true/yes/no as a yes/no: quote the value as the data writes it, e\.g\. treated: ('[^']*')\))?\.$",
     lambda m: f"Écrivez dans 'treated:' de {m[1]} la valeur de '{m[2]}' qui signifie traité"
               + (f" (YAML lit un true/yes/no sans guillemets comme un oui/non : mettez la valeur entre guillemets "
                  f"comme les données l'écrivent, par exemple treated: {m[3]})" if m[3] else "") + "."),
    (r"^the treated value '([^']*)' names a comparison group, and the other values of '([^']*)' \((.*)\) are taken as "
     r"the comparison group: if '\1' is the comparison group, every effect reads the wrong way round$",
     r"la valeur traitée '\1' désigne un groupe de comparaison, et les autres valeurs de '\2' (\3) sont prises comme "
     r"le groupe de comparaison : si '\1' est le groupe de comparaison, chaque effet se lit à l'envers"),
    (r"^Write in 'treated:' of (\S+) the value of '([^']*)' that means treated \('([^']*)'\?\); if '([^']*)' are the "
     r"treated, nothing needs doing\.$", r"Écrivez dans 'treated:' de \1 la valeur de '\2' qui signifie traité "
     r"('\3' ?) ; si '\4' sont les traités, rien à faire."),
    (r"^'([^']*)' holds (\d+) values \((.*)\): every value but the treated one, '([^']*)', is the comparison group$",
     r"'\1' contient \2 valeurs (\3) : toutes les valeurs sauf la valeur traitée, '\4', sont le groupe de "
     r"comparaison"),
    (r"^If a value is another spelling of '([^']*)', write '\1'; if the comparison group is written two ways, that is "
     r"fine\.$", r"Si une valeur est une autre graphie de '\1', écrivez '\1' ; si le groupe de comparaison est écrit de "
     r"deux façons, c'est bien."),
    (r"^the column '([^']*)' looks like the study's country \((.*)\), and only a column headed 'country' is read as "
     r"such: each country annex shows the study over all its rows, as the whole project's, and compares none of its "
     r"published impact figures$", r"la colonne '\1' ressemble au pays de l'étude (\2), et seule une colonne "
     r"intitulée 'country' est lue comme tel : chaque annexe de pays montre l'étude sur toutes ses lignes, comme celle "
     r"de tout le projet, et ne compare aucun de ses chiffres d'impact publiés"),
    (r"^Rename the column '([^']*)' to 'country' \(and in the study's YAML\), so that each country annex shows its own "
     r"rows\.$", r"Renommez la colonne '\1' en 'country' (et dans le YAML de l'étude), pour que chaque annexe de pays "
     r"montre ses propres lignes."),
    (r"^(\d+) row\(s\) have no '([^']*)' \(empty, or a word for not known\), which the adjustment uses \(adjustment: "
     r"(\w+)\): they are left out of the adjusted estimate, and kept in the naive comparison beside it$",
     r"\1 ligne(s) n'ont pas de '\2' (vide, ou un mot pour inconnu), que l'ajustement utilise (adjustment: \3) : "
     r"elles sont laissées hors de l'estimation ajustée, et gardées dans la comparaison naïve à côté"),
    (r"^Fill in '([^']*)' where it is known; otherwise the two estimates are on different rows \(the annex gives the "
     r"rows each analyses\)\.$", r"Remplissez '\1' là où il est connu ; sinon les deux estimations portent sur des "
     r"lignes différentes (l'annexe donne les lignes que chacune analyse)."),
    (r"^(\d+) row\(s\) have no '([^']*)', the cluster of the clustered standard errors \(se: cluster\): they are left "
     r"out of every estimate of the study$", r"\1 ligne(s) n'ont pas de '\2', la grappe des erreurs types en grappes "
     r"(se: cluster) : elles sont laissées hors de chaque estimation de l'étude"),
    (r"^Fill in '([^']*)' on every row; a person who belongs to no cluster gets a code of their own\.$",
     r"Remplissez '\1' sur chaque ligne ; une personne qui n'appartient à aucune grappe reçoit un code à elle."),
    (r"^the column '([^']*)' looks like sampling weights \((\S+) to (\S+)\): the workbook estimates the effects unweighted, "
     r"each row counting once, so they are the sample's, not the population's$", r"la colonne '\1' ressemble à des "
     r"poids de sondage (de \2 à \3) : le classeur estime les effets sans pondération, chaque ligne comptant une fois : ce "
     r"sont donc ceux de l'échantillon, pas de la population"),
    (r"^If the sample was drawn with unequal probabilities, say so in the report and estimate the weighted effect "
     r"elsewhere \(the workbook has no weighted effect\); if the column is not weights, rename it\.$",
     "Si l'échantillon a été tiré avec des probabilités inégales, dites-le dans le rapport et estimez l'effet pondéré "
     "ailleurs (le classeur n'a pas d'effet pondéré) ; si la colonne n'est pas des poids, renommez-la."),
    (r"^An impact study's effects are estimated without sampling weights: the workbook has no weighted effect\. "
     r"Removing this line gives the effect in the sample, unweighted; if the sample was drawn with unequal "
     r"probabilities, say so in the report or estimate the weighted effect elsewhere\.$", "Les effets d'une étude "
     "d'impact sont estimés sans poids de sondage : le classeur n'a pas d'effet pondéré. Retirer cette ligne donne "
     "l'effet dans l'échantillon, sans pondération ; si l'échantillon a été tiré avec des probabilités inégales, "
     "dites-le dans le rapport ou estimez l'effet pondéré ailleurs."),
    (r"^'([^']*)' \((\d+) rows?\) and '([^']*)' \((\d+) rows?\) are one value written in (\d+) ways: the effects by "
     r"subgroup would be estimated for each spelling apart$",
     lambda m: f"'{m[1]}' ({m[2]} ligne{'s' if int(m[2]) > 1 else ''}) et '{m[3]}' ({m[4]} "
               f"ligne{'s' if int(m[4]) > 1 else ''}) sont une même valeur écrite de {m[5]} façons : les effets par "
               "sous-groupe seraient estimés pour chaque graphie à part"),
    (r"^Write them all one way \('([^']*)'\)\.$", r"Écrivez-les toutes de la même façon ('\1')."),
    (r"^the rows are in (\d+) currencies \((.*)\): (\S+) would be compared and averaged across them as one amount$",
     r"les lignes sont en \1 devises (\2) : \3 serait comparé et moyenné entre elles comme un seul montant"),
    (r"^Convert the amounts to one currency \(the workbook converts none\), or make one study per currency \(its rows "
     r"only\)\.$", "Convertissez les montants en une seule devise (le classeur n'en convertit aucune), ou faites une "
     "étude par devise (ses seules lignes)."),
    (r"^(\d+) answers? (?:is|are) (\d+), more than every other answer \(at most (\S+)\): if \2 stands for 'don't know' "
     r"or 'refused', the estimates count it as \2$",
     lambda m: (f"{m[1]} réponse vaut" if m[1] == "1" else f"{m[1]} réponses valent") + f" {m[2]}, plus que toutes "
               f"les autres réponses (au plus {_commas(m[3])}) : si {m[2]} signifie 'ne sait pas' ou 'refus', les estimations "
               f"le comptent comme {m[2]}"),
    (r"^If it does, leave those answers empty in the file; if (\d+) is a true answer, nothing needs doing\.$",
     r"Si c'est le cas, laissez ces réponses vides dans le fichier ; si \1 est une vraie réponse, rien à faire."),
    (r"^each value of '([^']*)' holds one group only \((\d+) treated, (\d+) comparison, (\d+) rows each on average\): "
     r"the treatment was given by '\1', and the standard errors are robust \(HC1\), which take the rows of one '\1' as "
     r"independent: the effects' standard errors, intervals, p-values and minimum detectable effects are then too "
     r"small$", r"chaque valeur de '\1' ne contient qu'un groupe (\2 traitées, \3 de comparaison, \4 lignes chacune en "
     r"moyenne) : le traitement a été donné par '\1', et les erreurs types sont robustes (HC1), ce qui prend les "
     r"lignes d'un même '\1' comme indépendantes : les erreurs types, intervalles, p-values et effets minimaux "
     r"détectables des effets sont alors trop petits"),
    (r"^Write `se: cluster` and `cluster: ([^`]*)` in (\S+); the annex gives the effects' standard errors clustered on "
     r"'\1' beside the others \(with fewer than 20 values it says that clustered standard errors are still too "
     r"small\)\.$", r"Écrivez `se: cluster` et `cluster: \1` dans \2 ; l'annexe donne les erreurs types des effets en "
     r"grappes sur '\1' à côté des autres (avec moins de 20 valeurs, elle dit que les erreurs types en grappes sont "
     r"encore trop petites)."),
    # (any unit column, robust or classical: only « id » and robust were matched, and a study whose unit is
    # « identifiant » or whose SEs are classical had this warning in English in a French project)
    (r"^(\d+) (.+?)\(s\) are seen in several rounds, and the standard errors are (robust|classical) \(se: \3\): they "
     r"take each row as independent, while a person's rows are not, so the difference-in-differences' standard error, "
     r"interval and p are wrong \(most often too large\)$",
     lambda m: f"{m[1]} {m[2]} sont vus à plusieurs vagues, et les erreurs types sont "
     f"{'robustes' if m[3] == 'robust' else 'classiques'} (se: {m[3]}) : elles prennent chaque ligne comme "
     "indépendante, alors que les lignes d'une personne ne le sont pas : l'erreur type, l'intervalle et le p de la "
     "double différence sont donc faux (le plus souvent trop grands)"),
    (r"^Write `se: cluster` and `cluster: ([^`]*)` in (\S+) \(or a cluster that holds whole persons, such as their "
     r"village\); the annex gives the effect's standard errors clustered on \1 beside the others, and its minimum "
     r"detectable effect from them\.$", r"Écrivez `se: cluster` et `cluster: \1` dans \2 (ou une grappe qui contient "
     r"des personnes entières, comme leur village) ; l'annexe donne les erreurs types de l'effet en grappes sur \1 à "
     r"côté des autres, et son effet minimal détectable calculé avec elles."),
    (r"^'([^']*)' names (\d+) of its (\d+) values before and after the programme, once per round: the rows look like a "
     r"panel of persons, and without `unit:` each round is read as a sample drawn anew \(N counts rows; the persons "
     r"seen after the programme only, or before only, are not told\)$", r"'\1' nomme \2 de ses \3 valeurs avant et "
     r"après le programme, une fois par vague : les lignes ressemblent à un panel de personnes, et sans `unit:` chaque "
     r"vague est lue comme un échantillon tiré à nouveau (N compte les lignes ; les personnes vues seulement après le "
     r"programme, ou seulement avant, ne sont pas signalées)"),
    (r"^Add `unit: ([^`]*)` to the study's description if it names the persons \(or units\); if each round is a "
     r"sample drawn anew and the column numbers its rows, nothing needs doing\.$", r"Ajoutez `unit: \1` à la "
     r"description de l'étude s'il nomme les personnes (ou unités) ; si chaque vague est un échantillon tiré à nouveau "
     r"et que la colonne numérote ses lignes, rien à faire."),
    (r"^'([^']*)' holds (\d+) rounds with both groups \((.*)\), and the study is two_group: every row of the treated "
     r"is compared with every row of the comparison group, the rounds pooled \(neither the comparison after the "
     r"programme nor a difference-in-differences\)$", r"'\1' contient \2 vagues avec les deux groupes (\3), et l'étude "
     r"est two_group : chaque ligne des traités est comparée à chaque ligne du groupe de comparaison, les vagues "
     r"mélangées (ni la comparaison après le programme, ni une double différence)"),
    (r"^For a difference-in-differences write `design: did` and `period: \{column: ([^,]*), post: ([^}]*)\}` in (\S+) "
     r"\(the round after the programme\); to compare after the programme only, keep that round's rows in (\S+)\.$",
     r"Pour une double différence, écrivez `design: did` et `period: {column: \1, post: \2}` dans \3 (la vague après "
     r"le programme) ; pour comparer après le programme seulement, ne gardez que les lignes de cette vague dans \4."),
    (r"^each of the (\d+) rows is alone in its cell of (.+): the rows look like the means of groups \(a table of a "
     r"report\), and the estimates would take each row as one person \(the effect unweighted by the counts, its "
     r"standard error, interval and p those of (\d+) persons\)$", r"chacune des \1 lignes est seule dans sa case de "
     r"\2 : les lignes ressemblent aux moyennes de groupes (un tableau de rapport), et les estimations prendraient "
     r"chaque ligne comme une personne (l'effet non pondéré par les effectifs, son erreur type, son intervalle et son "
     r"p ceux de \3 personnes)"),
    (r"^the column '([^']*)' gives (\d+) persons on (\d+) rows: the rows look like the means of groups \(a table of a "
     r"report\), and the estimates would take each row as one person \(the effect unweighted by the counts, its "
     r"standard error, interval and p those of (\d+) persons\)$", r"la colonne '\1' donne \2 personnes sur \3 lignes : "
     r"les lignes ressemblent aux moyennes de groupes (un tableau de rapport), et les estimations prendraient chaque "
     r"ligne comme une personne (l'effet non pondéré par les effectifs, son erreur type, son intervalle et son p ceux "
     r"de \4 personnes)"),
    (r"^Give the study one row per person \(or unit\), its microdata; a report's table of means is checked as "
     r"published figures \(reported\.csv\), not estimated again\.( If the column is not a count of persons, rename "
     r"it\.)?$", lambda m: "Donnez à l'étude une ligne par personne (ou unité), ses microdonnées ; le tableau de "
                           "moyennes d'un rapport se vérifie comme chiffres publiés (reported.csv), il n'est pas estimé "
                           "à nouveau." + (" Si la colonne n'est pas un effectif de personnes, renommez-la."
                                           if m[1] else "")),
    (r"^the outcome '([^']*)' lies between 0 and 1 (in|where) (.+?) and goes up to (\S+) (in|where) (.+?): a share "
     r"written as a fraction (in some countries and as a percentage in others|in one and as a percentage in the "
     r"other)\?$", lambda m: f"le résultat '{m[1]}' est compris entre 0 et 1 "
                             + (f"pour {m[3]}" if m[2] == "in" else "là où " + m[3].replace(" is ", " vaut ", 1))
                             + f" et monte jusqu'à {m[4]} "
                             + (f"pour {m[6]}" if m[5] == "in" else "là où " + m[6].replace(" is ", " vaut ", 1))
                             + " : une part écrite en fraction "
                             + ("dans certains pays et en pourcentage dans d'autres" if "countries" in m[7] else
                                "dans l'un et en pourcentage dans l'autre") + " ?"),
    (r"^Write it the same way in every country \(0\.3, or 30, for 30 %\): pooled as it is, the effect mixes the two\.$",
     "Écrivez-la de la même façon dans chaque pays (0,3, ou 30, pour 30 %) : mélangé tel quel, l'effet confond les "
     "deux."),
    (r"^Write it the same way on every row \(0\.3, or 30, for 30 %\): as it is, the effect is mostly the change of "
     r"scale between the values of (.+)\.$", r"Écrivez-la de la même façon sur chaque ligne (0,3, ou 30, pour 30 %) : "
     r"tel quel, l'effet est surtout le changement d'échelle entre les valeurs de \1."),
)


_NAME_OF = {"project": "de projet", "annex": "d'annexe", "file": "de fichier"}
# what a path is when it is not a file (data.inputs._KINDS), and whose parts a zip holds (data.inputs.zip_problem)
_KIND_OF = {"a named pipe": "un tube nommé", "a folder": "un dossier", "a device": "un périphérique",
            "a socket": "un socket"}
_ZIP_OF = {"workbook": "du fichier Excel", "Word template": "du modèle Word"}   # « le nom de projet 'aux' »


_NO_COST_WHY = [
    (r"^the indicator '([^']*)' has no cost per unit: it is not an output \(level\)$",
     r"l'indicateur '\1' n'a pas de coût unitaire : ce n'est pas un produit (level)"),
    (r"^the indicator '([^']*)' has no cost per unit: it names no budget line \(budget_lines\)$",
     r"l'indicateur '\1' n'a pas de coût unitaire : il ne nomme aucune ligne budgétaire (budget_lines)"),
    (r"^no indicator has the id '([^']*)' \(did you mean '([^']*)'\?\)$",
     r"aucun indicateur n'a l'identifiant '\1' (vouliez-vous dire '\2' ?)"),
    (r"^no indicator has the id '([^']*)'$", r"aucun indicateur n'a l'identifiant '\1'"),
    (r"^there is no participation row of (.+) up to the reporting date$",
     r"la table participation n'a aucune ligne de \1 jusqu'à la date du rapport"),
    (r"^there is no participation row up to the reporting date$",
     "la table participation n'a aucune ligne jusqu'à la date du rapport"),
    (r"^no participation row of (.+) names a budget line \(column budget_lines\)$",
     r"aucune ligne de \1 de la table participation ne nomme une ligne budgétaire (colonne budget_lines)"),
    (r"^no participation row names a budget line \(column budget_lines\)$",
     "aucune ligne de la table participation ne nomme une ligne budgétaire (colonne budget_lines)"),
]


def _no_cost_why(why: str) -> str:
    """Why a unit cost benchmark is shown beside no cost (data.loader, benchmark_not_used), in French."""
    for english, french in _NO_COST_WHY:
        if re.match(english, why):
            return re.sub(english, french, why)
    return why


def _s(count: str, singular: str, plural: str) -> str:
    """« 1 soumission », « 3 soumissions »: the French form for the count (data.surveys writes « submission(s) »)."""
    return f"{count} {singular if count == '1' else plural}"


# a survey's rules told in English until survey12 (data.surveys): the repeat groups, the form's skip logic and
# versions, the select_multiple exports, the codes for « ne sait pas », the fpc against the weights
_SURVEY_RULES = (
    (r"^'([^']*)' is not a day written year-month-day$", r"'\1' n'est pas une date écrite année-mois-jour"),
    (r"^Write it as 2021-06-01 \(year-month-day, without a time\): 01/06/2021 could be the 1st of June or the 6th of "
     r"January\.$", "Écrivez-la 2021-06-01 (année-mois-jour, sans heure) : 01/06/2021 pourrait être le 1er juin ou le "
                    "6 janvier."),
    (r"^Shorten the text in the form\.$", "Raccourcissez le texte dans le formulaire."),
    (r"^the form '([^']*)' is not in (.+)$", r"le formulaire '\1' n'est pas dans \2"),
    (r"^Put the XLSForm next to the YAML, or remove the 'form' line\.$",
     "Mettez le XLSForm à côté du YAML, ou retirez la ligne 'form'."),
    (r"^the form has no 'survey' sheet$", "le formulaire n'a pas de feuille 'survey'"),
    (r"^Give the XLSForm as it was uploaded to KoboToolbox / ODK\.$",
     "Donnez le XLSForm tel qu'il a été chargé dans KoboToolbox / ODK."),
    # the repeat groups (data.surveys._join_repeat)
    (r"^the sheet '([^']*)' is a repeat group but the submissions have no '_index' column to join it$",
     r"la feuille '\1' est un groupe répété, mais les soumissions n'ont pas de colonne '_index' pour l'y joindre"),
    (r"^Export again with the metadata columns\.$", "Exportez de nouveau avec les colonnes de métadonnées."),
    (r"^the _index (.+) is on two submissions: the rows of the repeat group '([^']*)' that name it cannot be joined to "
     r"one of them \(two exports pasted together number their submissions from 1 each\)$",
     r"l'_index \1 est sur deux soumissions : les lignes du groupe répété '\2' qui le nomment ne peuvent être jointes "
     r"à l'une d'elles (deux exports collés l'un sous l'autre numérotent chacun leurs soumissions à partir de 1)"),
    (r"^Export the form once, or keep the repeat sheets' '_submission__uuid' column and the submissions' '_uuid', "
     r"which tell the submissions apart\.$",
     "Exportez le formulaire en une fois, ou gardez la colonne '_submission__uuid' des feuilles répétées et le "
     "'_uuid' des soumissions, qui distinguent les soumissions."),
    (r"^this repeat row's (\S+) is that of row (\d+): its rows would be counted twice in the submission's count and "
     r"sums$", r"la colonne \1 de cette ligne répétée vaut celle de la ligne \2 : ses lignes seraient comptées deux "
               r"fois dans le nombre et les sommes de la soumission"),
    (r"^Delete one of the two rows \(a sheet pasted twice\?\)\.$",
     "Supprimez l'une des deux lignes (une feuille collée deux fois ?)."),
    (r"^this repeat row names no submission \(its '([^']*)' is empty\): a totals row, or a row typed under the "
     r"export\?$", r"cette ligne répétée ne nomme aucune soumission (son '\1' est vide) : une ligne de total, ou une "
                   r"ligne tapée sous l'export ?"),
    (r"^Delete the row, or give it its submission's value\.$",
     "Supprimez la ligne, ou donnez-lui la valeur de sa soumission."),
    (r"^this repeat row names a submission(?: \(through the sheets? (.+)\))? that is not in the first sheet$",
     lambda m: "cette ligne répétée nomme une soumission" + (f" (par la feuille ou les feuilles {m[1]})" if m[1]
                                                             else "") + " qui n'est pas dans la première feuille"),
    (r"^Export the whole form again, or, if that submission was deleted from the first sheet on purpose, delete its "
     r"rows here too\.$", "Exportez de nouveau tout le formulaire, ou, si cette soumission a été supprimée exprès de "
                         "la première feuille, supprimez aussi ses lignes ici."),
    (r"^(\d+) submission\(s\) have an empty \(or 'n/a'\) answer in this repeat group \((\d+) row\(s\)\): their sum "
     r"'([^']*)' is missing and they leave its estimates$",
     lambda m: _s(m[1], "soumission a", "soumissions ont") + " une réponse vide (ou 'n/a') dans ce groupe répété ("
               + _s(m[2], "ligne", "lignes") + f") : " + ("sa" if m[1] == "1" else "leur") + f" somme '{m[3]}' "
               + ("manque et elle sort" if m[1] == "1" else "manque et elles sortent") + " de ses estimations"),
    (r"^Fill in the answers if they are known; an empty answer is not 0\.$",
     "Remplissez les réponses si elles sont connues ; une réponse vide n'est pas 0."),
    (r"^the (first sheet|file) is a repeat group's rows \(its column '([^']*)' names each row's submission\), not the "
     r"submissions: each row would be counted as a respondent$",
     lambda m: ("la première feuille est" if m[1] == "first sheet" else "le fichier est") + " les lignes d'un groupe "
               f"répété (sa colonne '{m[2]}' nomme la soumission de chaque ligne), pas les soumissions : chaque ligne "
               "serait comptée comme un répondant"),
    (r"^Put the whole export here: KoboToolbox's XLS or ODK Central's download, the submissions first and each repeat "
     r"group on its own sheet \(its count and sums are estimated as '<repeat>/_count' and '<question>/_sum'\)\.$",
     "Mettez ici l'export entier : le XLS de KoboToolbox ou le téléchargement d'ODK Central, les soumissions d'abord "
     "et chaque groupe répété sur sa propre feuille (son nombre et ses sommes s'estiment comme '<repeat>/_count' et "
     "'<question>/_sum')."),
    (r"^this file is a repeat group's rows \(its column PARENT_KEY or _parent_index names each row's submission\), and "
     r"no survey's CSV export is named as its beginning: it is not read$",
     "ce fichier est les lignes d'un groupe répété (sa colonne PARENT_KEY ou _parent_index nomme la soumission de "
     "chaque ligne), et aucun export CSV d'enquête n'a le nom par lequel il commence : il n'est pas lu"),
    (r"^(\S+) is an \.xlsx: put these rows in a sheet of it named '([^']*)', or give the survey's CSV export beside "
     r"this file\.$", r"\1 est un .xlsx : mettez ces lignes dans une de ses feuilles nommée '\2', ou donnez l'export "
                      r"CSV de l'enquête à côté de ce fichier."),
    (r"^Name it <export>-<repeat>\.csv after its survey's export \((.*)\), e\.g\. (\S+), as ODK Central names it\.$",
     lambda m: "Nommez-le <export>-<repeat>.csv d'après l'export de son enquête ("
               + ("aucun ici" if m[1] == "none here" else m[1]) + f"), par exemple {m[2]}, comme ODK Central le "
               "nomme."),
    (r"^'([^']*)' names '([^']*)', a question of the repeat group '([^']*)' \(one answer per row of that sheet, not per "
     r"respondent\): the estimates are per respondent$",
     r"'\1' nomme '\2', une question du groupe répété '\3' (une réponse par ligne de cette feuille, pas par "
     r"répondant) : les estimations sont par répondant"),
    (r"^Estimate the sum of its answers per respondent, '([^']*)', or the number of its rows per respondent, "
     r"'([^']*)'\.$", r"Estimez la somme de ses réponses par répondant, '\1', ou le nombre de ses lignes par "
                      r"répondant, '\2'."),
    (r"^The workbook estimates a repeat group's numbers summed per respondent \('<question>/_sum'\), and the number "
     r"of its rows per respondent, '([^']*)'\.$",
     r"Le classeur estime les nombres d'un groupe répété sommés par répondant ('<question>/_sum'), et le nombre de ses "
     r"lignes par répondant, '\1'."),
    # the form's skip logic (data.surveys._answered_not_asked)
    (r"^the form asks '([^']*)' only when (.+): the workbook does not read this condition \(at « (.*) »\), so it does "
     r"not check that those not asked left it empty$",
     r"le formulaire ne pose '\1' que si « \2 » : le classeur ne lit pas cette condition (à « \3 »), et ne vérifie donc "
     r"pas que ceux à qui elle n'a pas été posée l'ont laissée vide"),
    (r"^Check in the export that the respondents for whom the condition is false have this answer empty \(blanks "
     r"filled with 0 or 'non' would count in its estimates\)\.$",
     "Vérifiez dans l'export que les répondants pour qui la condition est fausse ont cette réponse vide (des cases "
     "vides remplies de 0 ou de 'non' compteraient dans ses estimations)."),
    (r"^(1 answer is|\d+ answers are) given to '([^']*)', which the form asks only when (.+), by respondents for whom "
     r"it is not so: blanks of the skip logic filled in\? They count in its estimates \(as « no » or 0\)$",
     lambda m: ("1 réponse est donnée" if m[1].startswith("1 ") else m[1].split()[0] + " réponses sont données")
               + f" à '{m[2]}', que le formulaire ne pose que si « {m[3]} », par des répondants pour qui ce n'est pas le "
               "cas : des cases vides du filtre remplies ? Elles comptent dans ses estimations (comme « non » ou 0)"),
    (r"^Leave those cells empty in the export \(as KoboToolbox / ODK export a question not asked\)\.$",
     "Laissez ces cellules vides dans l'export (comme KoboToolbox / ODK exportent une question non posée)."),
    # the form's versions (data.surveys._version_unanswered)
    (r"^no submission of the form's version (.+) \((\d+) of (\d+)\) answers '([^']*)', which the other versions' do"
     r"(?:; they answer '([^']*)' instead, which the others do not)?: its estimates are those of the other versions' "
     r"submissions only$",
     lambda m: f"aucune soumission de la version {m[1]} du formulaire ({m[2]} sur {m[3]}) ne répond à '{m[4]}', à "
               "laquelle répondent celles des autres versions" + (f" ; elles répondent à '{m[5]}' à la place, à "
                                                                   "laquelle les autres ne répondent pas" if m[5]
                                                                   else "")
               + " : ses estimations sont celles des soumissions des autres versions seulement"),
    (r"^If a new version of the form renamed the question, put its answers in one column \(and the YAML's name\); if "
     r"it did not ask it, the estimates are of the submissions that were asked\.$",
     "Si une nouvelle version du formulaire a renommé la question, mettez ses réponses dans une seule colonne (et le "
     "nom du YAML) ; si elle ne la posait pas, les estimations sont celles des soumissions à qui elle a été posée."),
    (r"^the submissions of the form's version '([^']*)' never answer '([^']*)', which those of '([^']*)' answer "
     r"\((\d+) of (\d+)\), and answer '([^']*)' \((\d+) of (\d+)\), which those of '[^']*' never answer: a choice the "
     r"new version renamed\? Each share counts them as different answers$",
     r"les soumissions de la version '\1' du formulaire ne répondent jamais '\2', que celles de '\3' répondent (\4 sur "
     r"\5), et répondent '\6' (\7 sur \8), que celles de '\3' ne répondent jamais : un choix renommé par la nouvelle "
     r"version ? Chaque part les compte comme des réponses différentes"),
    (r"^the submissions of the form's version '([^']*)' answer (.+), those of '([^']*)' (.+): no answer in common, so "
     r"each share counts one version's answers as other answers$",
     r"les soumissions de la version '\1' du formulaire répondent \2, celles de '\3' \4 : aucune réponse en commun, "
     r"donc chaque part compte les réponses d'une version comme d'autres réponses"),
    (r"^If the new version renamed its choices, write every answer with the same codes \(or give the form, whose "
     r"choices are then checked\)\.$",
     "Si la nouvelle version a renommé ses choix, écrivez chaque réponse avec les mêmes codes (ou donnez le "
     "formulaire, dont les choix sont alors vérifiés)."),
    (r"^no submission of the form's version '([^']*)' \((\d+) answers\) chose the option '([^']*)', which (\d+)% of "
     r"another version's chose: if the new version added it, those submissions are counted as offered it and not "
     r"choosing it, in the denominator of its share$",
     r"aucune soumission de la version '\1' du formulaire (\2 réponses) n'a choisi l'option '\3', que \4 % de celles "
     r"d'une autre version ont choisie : si la nouvelle version l'a ajoutée, ces soumissions sont comptées comme si "
     r"elle leur avait été proposée et qu'elles ne l'avaient pas choisie, au dénominateur de sa part"),
    (r"^Leave '([^']*)' empty on the rows of the versions that did not offer it \(they were not asked\); if it was "
     r"offered, nothing needs doing\.$",
     r"Laissez '\1' vide sur les lignes des versions qui ne la proposaient pas (la question ne leur a pas été posée) ; "
     r"si elle était proposée, il n'y a rien à faire."),
    # the choices (data.surveys._codes_beside_labels, _other_specified, _answers_not_choices, _dont_know_in_shares)
    (r"^'([^']*)' is answered with choice names on some rows \((.*)\) and with labels on others \((.*)\): each share "
     r"counts the labels as answers other than the names \(and a subgroup per spelling\)$",
     r"'\1' a pour réponses des noms de choix sur certaines lignes (\2) et des libellés sur d'autres (\3) : chaque "
     r"part compte les libellés comme des réponses autres que les noms (et un sous-groupe par graphie)"),
    (r"^Export every submission with the same setting \(KoboToolbox: « XML values and headers »\), or write the labels "
     r"as their choice names; give the form \('form:' in the YAML\) to have them checked\.$",
     "Exportez toutes les soumissions avec le même réglage (KoboToolbox : « XML values and headers »), ou écrivez les "
     "libellés avec les noms de leurs choix ; donnez le formulaire ('form:' dans le YAML) pour qu'ils soient "
     "vérifiés."),
    (r"^(1 answer is|\d+ answers are) '([^']*)' to '([^']*)' whose '([^']*)' names one of its choices \(here '(.*)', "
     r"the choice '([^']*)'\): counted under '([^']*)', not under that choice$",
     lambda m: _answers_fr(m[1]) + f" '{m[2]}' à '{m[3]}' dont la colonne '{m[4]}' nomme un de ses choix (ici "
               f"'{m[5]}', le choix '{m[6]}') : " + ("comptée" if m[1].startswith("1 ") else "comptées")
               + f" sous '{m[7]}', pas sous ce choix"),
    (r"^Recode those answers to the choice they name \(the « other, specify » answers cleaned\), or leave them if the "
     r"survey's protocol keeps them as « autre »\.$",
     "Recodez ces réponses dans le choix qu'elles nomment (les réponses « autre, préciser » nettoyées), ou laissez-les "
     "si le protocole de l'enquête les garde en « autre »."),
    (r"^(1 answer is|\d+ answers are) '([^']*)', the choice '([^']*)' written otherwise than on the other rows \((.*)\): "
     r"the estimates would count it as an answer other than '\3'$",
     lambda m: _answers_fr(m[1]) + f" '{m[2]}', le choix '{m[3]}' écrit autrement que sur les autres lignes ({m[4]}) : "
               f"les estimations la compteraient comme une réponse autre que '{m[3]}'"),
    (r"^(1 answer is|\d+ answers are) '([^']*)', which is not a choice of the form for this question \(its choices: "
     r"(.*)\): the estimates would count it as an answer other than each of them$",
     lambda m: _answers_fr(m[1]) + f" '{m[2]}', qui n'est pas un choix du formulaire pour cette question (ses choix : "
               f"{m[3]}) : les estimations la compteraient comme une réponse autre que chacun d'eux"),
    (r"^Write every answer as the form's choice it stands for \(in the export, or in KoboToolbox / ODK\), or leave it "
     r"empty; if a later version of the form has this choice, give that version \('form:' in the YAML\)\.$",
     "Écrivez chaque réponse comme le choix du formulaire qu'elle représente (dans l'export, ou dans KoboToolbox / "
     "ODK), ou laissez-la vide ; si une version plus récente du formulaire a ce choix, donnez cette version ('form:' "
     "dans le YAML)."),
    (r"^(1 answer is|\d+ answers are) (« .* » \([^)]*\)|'[^']*'(?:, a code for 'don't know' or 'refused' in most "
     r"forms)?): counted in the denominator of (the share of '[^']*'|each other answer's share), as respondents who "
     r"did not give it$",
     lambda m: _answers_fr(m[1]) + " " + m[2].replace(", a code for 'don't know' or 'refused' in most forms",
                                                      ", un code de 'ne sait pas' ou 'refus' dans la plupart des "
                                                      "formulaires")
               + " : " + ("comptée" if m[1].startswith("1 ") else "comptées") + " au dénominateur de "
               + (f"la part de {m[3][len('the share of '):]}" if m[3].startswith("the share") else
                  "la part de chaque autre réponse") + ", comme des répondants qui ne l'ont pas donnée"),
    (r"^(1 answer is|\d+ answers are) (« .* » \([^)]*\)|'[^']*'(?:, a code for 'don't know' or 'refused' in most "
     r"forms)?): shown as a subgroup of its own beside the others \((.*) = (.*)\)$",
     lambda m: _answers_fr(m[1]) + " " + m[2].replace(", a code for 'don't know' or 'refused' in most forms",
                                                      ", un code de 'ne sait pas' ou 'refus' dans la plupart des "
                                                      "formulaires")
               + f" : {'montrée' if m[1].startswith('1 ') else 'montrées'} comme un sous-groupe à part, à côté des "
                 f"autres ({m[3]} = {m[4]})"),
    (r"^If it is no subgroup, (?:declare the code \(missing_codes: \[(.*)\] in the YAML\) or )?leave those answers "
     r"empty in the export: those respondents then count in the whole and in no subgroup; if it is an answer, "
     r"nothing needs doing\.$",
     lambda m: "Si ce n'est pas un sous-groupe, " + (f"déclarez le code (missing_codes: [{m[1]}] dans le YAML) ou "
                                                     if m[1] else "")
               + "laissez ces réponses vides dans l'export : ces répondants comptent alors dans l'ensemble et dans "
                 "aucun sous-groupe ; si c'est une réponse, il n'y a rien à faire."),
    (r"^If the share is to be among those who gave an answer, leave those answers empty in the export \(a "
     r"select_multiple's text and its option columns\)(?: or declare the code \(missing_codes: \[(.*)\] in the YAML\); "
     r"if (.*) is an answer \(88 « Autre »\), nothing needs doing\.|; otherwise nothing needs doing\.)$",
     lambda m: "Si la part doit être parmi ceux qui ont donné une réponse, laissez ces réponses vides dans l'export "
               "(le texte d'un select_multiple et ses colonnes d'options)"
               + (f" ou déclarez le code (missing_codes: [{m[1]}] dans le YAML) ; si {m[2]} est une réponse (88 « "
                  "Autre »), il n'y a rien à faire." if m[1] else " ; sinon, il n'y a rien à faire.")),
    # codes for « ne sait pas » (data.surveys._labelled_codes, code_problems)
    (r"^(1 answer is|\d+ answers are) (\S+), which the form labels « (.*) »: not a value, but the estimates would "
     r"count it as \2$",
     lambda m: _answers_fr(m[1]) + f" {m[2]}, que le formulaire libelle « {m[3]} » : pas une valeur, mais les "
               f"estimations le compteraient comme {m[2]}"),
    (r"^Declare it \(missing_codes: \[(.*)\] in the YAML\), or leave those answers empty in the file\.$",
     r"Déclarez-le (missing_codes: [\1] dans le YAML), ou laissez ces réponses vides dans le fichier."),
    (r"^(1 answer is|\d+ answers are) (\S+), (far above most other answers \(half are between (\S+) and (\S+)\)|more "
     r"often than any other answer not ending in 0, as a code is and an amount typed is not): if \2 stands for "
     r"'don't know' or 'refused', the estimates count it as \2$",
     lambda m: _answers_fr(m[1]) + f" {m[2]}, "
               + (f"bien au-dessus de la plupart des autres réponses (la moitié est entre {_commas(m[4])} et "
                  f"{_commas(m[5])})" if m[4]
                  else "plus souvent que toute autre réponse ne finissant pas par 0, comme un code l'est et un "
                       "montant tapé ne l'est pas")
               + f" : si {m[2]} signifie 'ne sait pas' ou 'refus', les estimations le comptent comme {m[2]}"),
    # the select_multiple's exports (data.surveys._find_multiple)
    (r"^'([^']*)' is read as a select_multiple \(each word of an answer is an option chosen: '([^']*)' counts for "
     r"(.*)\), since its answers hold spaces$",
     r"'\1' est lu comme un select_multiple (chaque mot d'une réponse est une option choisie : '\2' compte pour \3), "
     r"puisque ses réponses contiennent des espaces"),
    (r"^If it is a select_one whose answers hold spaces, give the form \('form:' in the YAML\); export the "
     r"select_multiple's 0/1 columns too to make this warning go\.$",
     "Si c'est un select_one dont les réponses contiennent des espaces, donnez le formulaire ('form:' dans le YAML) ; "
     "exportez aussi les colonnes 0/1 du select_multiple pour que cet avertissement disparaisse."),
    (r"^'([^']*)' may be a select_multiple exported with its labels: the answer '([^']*)' (?:holds the answer '([^']*)'|"
     r"ends with '([^']*)', with which the answer '([^']*)' begins), and each combination of options is counted as "
     r"one answer$",
     lambda m: f"'{m[1]}' est peut-être un select_multiple exporté avec ses libellés : la réponse '{m[2]}' "
               + (f"contient la réponse '{m[3]}'" if m[3] is not None else
                  f"finit par '{m[4]}', par quoi commence la réponse '{m[5]}'")
               + ", et chaque combinaison d'options est comptée comme une réponse"),
    (r"^Export with the XML values and headers \(KoboToolbox: « XML values and headers »\), so that each option is a "
     r"code with its 0/1 column; if it is a select_one, give the form \('form:' in the YAML\)\.$",
     "Exportez avec les valeurs et en-têtes XML (KoboToolbox : « XML values and headers »), pour que chaque option "
     "soit un code avec sa colonne 0/1 ; si c'est un select_one, donnez le formulaire ('form:' dans le YAML)."),
    (r"^the option columns of '([^']*)' hold 1 \(or the option's code\) or nothing, never 0: the (\d+) respondent\(s\) "
     r"with every option empty are left out of its shares \(one who chose no option cannot be told from one not "
     r"asked\), so each option's share is among those who chose one$",
     lambda m: f"les colonnes d'options de '{m[1]}' contiennent 1 (ou le code de l'option) ou rien, jamais 0 : "
               + ("le répondant qui a toutes ses options vides est écarté" if m[2] == "1" else
                  f"les {m[2]} répondants qui ont toutes leurs options vides sont écartés")
               + " de ses parts (qui n'a choisi aucune option ne se distingue pas de qui n'a pas été interrogé), "
               "donc la part de chaque option est parmi ceux qui en ont choisi une"),
    (r"^Export the option columns with 0 for an option not chosen \(KoboToolbox: select_multiple responses as "
     r"separate columns; ODK Central: split select multiples\), so that those who chose none are counted\.$",
     "Exportez les colonnes d'options avec 0 pour une option non choisie (KoboToolbox : « select_multiple responses "
     "as separate columns » ; ODK Central : « split select multiples »), pour que ceux qui n'en ont choisi aucune "
     "soient comptés."),
    (r"^(1 answer is|\d+ answers are) '0' to '([^']*)', with 0 in every option column: empty cells filled with 0\? "
     r"They count in its shares as respondents who chose no option, though those not asked the question \(skip "
     r"logic\) are not to be counted$",
     lambda m: _answers_fr(m[1]) + f" '0' à '{m[2]}', avec 0 dans chaque colonne d'option : des cellules vides "
               "remplies de 0 ? Elles comptent dans ses parts comme des répondants qui n'ont choisi aucune option, "
               "alors que ceux à qui la question n'a pas été posée (filtre du formulaire) ne doivent pas être comptés"),
    (r"^Leave the cells of the respondents not asked empty \(text and option columns\), as KoboToolbox / ODK export "
     r"them; give the form \('form:' in the YAML\) to have them told from its relevant\.$",
     "Laissez vides les cellules des répondants non interrogés (texte et colonnes d'options), comme KoboToolbox / ODK "
     "les exportent ; donnez le formulaire ('form:' dans le YAML) pour que son relevant les distingue."),
    (r"^'([^']*)' is a select_multiple exported as its text only: the (\d+) respondent\(s\) with no answer are left "
     r"out of its shares \(one who chose no option cannot be told from one not asked\), so each option's share is "
     r"among those who chose one$",
     lambda m: f"'{m[1]}' est un select_multiple exporté en texte seulement : "
               + ("le répondant sans réponse est écarté" if m[2] == "1" else
                  f"les {m[2]} répondants sans réponse sont écartés")
               + " de ses parts (qui n'a choisi aucune option ne se distingue pas de qui n'a pas été interrogé), "
               "donc la part de chaque option est parmi ceux qui en ont choisi une"),
    (r"^Export the select_multiple's 0/1 columns too \(KoboToolbox: select_multiple responses as separate columns; "
     r"ODK Central: split select multiples\), so that those who chose none are counted\.$",
     "Exportez aussi les colonnes 0/1 du select_multiple (KoboToolbox : « select_multiple responses as separate "
     "columns » ; ODK Central : « split select multiples »), pour que ceux qui n'en ont choisi aucune soient "
     "comptés."),
    (r"^(1 answer is|\d+ answers are) to the select_multiple '([^']*)' holding words that are none of the form's "
     r"choices \((.*)\), e\.g\. '(.*)': its shares would count none of them \(each option's share 0 %\)$",
     lambda m: ("1 réponse" if m[1].startswith("1 ") else m[1].split()[0] + " réponses")
               + f" au select_multiple '{m[2]}' " + ("contient" if m[1].startswith("1 ") else "contiennent")
               + f" des mots qui ne sont aucun des choix du formulaire ({m[3]}), par exemple '{m[4]}' : ses parts "
               "n'en compteraient aucun (la part de chaque option à 0 %)"),
    (r"^Export with the XML values \(KoboToolbox: « XML values and headers », not « Labels »\), or give the form's "
     r"version that has these choices\.$",
     "Exportez avec les valeurs XML (KoboToolbox : « XML values and headers », pas « Labels »), ou donnez la version "
     "du formulaire qui a ces choix."),
    (r"^'([^']*)' has no column of its own but its option columns \((.*)\), and they hold '(.*)', not 1 / 0: which "
     r"options each respondent chose cannot be read$",
     r"'\1' n'a pas de colonne à lui, seulement ses colonnes d'options (\2), et elles contiennent '\3', pas 1 / 0 : "
     r"les options choisies par chaque répondant ne peuvent être lues"),
    (r"^Write 1 for an option chosen, 0 for one not chosen and leave the cells of those not asked empty \(or export "
     r"the select_multiple again from KoboToolbox / ODK\)\.$",
     "Écrivez 1 pour une option choisie, 0 pour une option non choisie et laissez vides les cellules de ceux à qui "
     "la question n'a pas été posée (ou exportez de nouveau le select_multiple depuis KoboToolbox / ODK)."),
    # the times of the submissions (data.surveys._early_cluster, _submission_days, _without_tests)
    (r"^(\d+) submission\(s\) made (?:on (\S+)|from (\S+) to (\S+)), (\d+) days before all the others \(from (\S+) "
     r"on\): tests of the form\? They count as respondents \(rows ([\d, ]+)(?: and (\d+) more)?\)$",
     lambda m: _s(m[1], "soumission faite", "soumissions faites") + f" {_days_fr(m[2] or m[3], m[4])}, {m[5]} jours "
               f"avant toutes les autres (à partir du {_day_fr(m[6])}) : des essais du formulaire ? "
               + ("Elle compte comme un répondant" if m[1] == "1" else "Elles comptent comme des répondants")
               + f" (ligne{'s' if m[1] != '1' else ''} {m[7]}" + (f" et {m[8]} autres" if m[8] else "") + ")"),
    (r"^If they are tests, write 'fieldwork_start: (\S+)' in the YAML \(they are then left out, and the annex says "
     r"so\); if they are interviews, write 'fieldwork_start: (\S+)'\.$",
     r"Si ce sont des essais, écrivez 'fieldwork_start: \1' dans le YAML (elles sont alors écartées, et l'annexe le "
     r"dit) ; si ce sont des entretiens, écrivez 'fieldwork_start: \2'."),
    (r"^the times of '([^']*)' are written day/month/year or month/day/year \(the export saved again by Excel\), and "
     r"no day above 12 tells which: the day of each submission \(for fieldwork_start, or the tests made before the "
     r"interviews\) cannot be read$",
     r"les heures de '\1' sont écrites jour/mois/année ou mois/jour/année (l'export enregistré de nouveau par Excel), "
     r"et aucun jour au-delà de 12 ne dit lequel : le jour de chaque soumission (pour fieldwork_start, ou les essais "
     r"faits avant les entretiens) ne peut être lu"),
    (r"^Export the submissions again from KoboToolbox / ODK \(times written 2021-05-01T10:00:00\), or write them so\.$",
     "Exportez de nouveau les soumissions depuis KoboToolbox / ODK (heures écrites 2021-05-01T10:00:00), ou "
     "écrivez-les ainsi."),
    (r"^(\d+) time\(s\) of '([^']*)' are not read as a day, so fieldwork_start (\S+) cannot tell whether they were "
     r"made before it$",
     lambda m: _s(m[1], "heure", "heures") + f" de '{m[2]}' " + ("n'est pas lue" if m[1] == "1" else
                                                                "ne sont pas lues")
               + f" comme un jour : fieldwork_start ({_day_fr(m[3])}) ne peut dire si " + ("elle a été faite" if m[1] == "1"
                                                                               else "elles ont été faites")
               + " avant lui"),
    (r"^'fieldwork_start' is given, but the export has no 'start' nor '_submission_time' column to tell when each "
     r"submission was made$",
     "'fieldwork_start' est donné, mais l'export n'a ni colonne 'start' ni colonne '_submission_time' pour dire quand "
     "chaque soumission a été faite"),
    (r"^Export again with the metadata columns, or remove 'fieldwork_start' from the YAML\.$",
     "Exportez de nouveau avec les colonnes de métadonnées, ou retirez 'fieldwork_start' du YAML."),
    # the review statuses (data.surveys._without_rejected)
    (r"^(\d+) submission\(s\) have the review status '(.*)', which is none of KoboToolbox's or ODK Central's: they "
     r"are counted$",
     lambda m: _s(m[1], "soumission a", "soumissions ont") + f" le statut de validation '{m[2]}', qui n'est aucun "
               "de ceux de KoboToolbox ou d'ODK Central : " + ("elle est comptée" if m[1] == "1" else
                                                              "elles sont comptées")),
    (r"^If it means not approved, write 'Not Approved' \(KoboToolbox\) or 'rejected' \(ODK Central\), or delete their "
     r"rows; if they are to be counted, nothing needs doing\.$",
     "S'il veut dire « non approuvé », écrivez 'Not Approved' (KoboToolbox) ou 'rejected' (ODK Central), ou "
     "supprimez leurs lignes ; si elles doivent être comptées, il n'y a rien à faire."),
    (r"^(\d+) answer\(s\) are '(.*)' \(a question the form skipped\): read as not answered$",
     lambda m: (f"1 réponse vaut '{m[2]}' (une question que le formulaire a sautée) : lue comme sans réponse"
                if m[1] == "1" else f"{m[1]} réponses valent '{m[2]}' (une question que le formulaire a sautée) : "
                                    "lues comme sans réponse")),
    (r"^Nothing to do if the question was skipped; if some were answered, export again\.$",
     "Rien à faire si la question a été sautée ; si certaines ont reçu une réponse, exportez de nouveau."),
    # the sex questions and the Washington Group (data.surveys._find_sex, _add_wg)
    (r"^the export has several sex questions: the share of women is that of '([^']*)' \(not (.*)\)$",
     r"l'export a plusieurs questions sur le sexe : la part des femmes est celle de '\1' (pas \2)"),
    (r"^If it is not the respondents' sex, count the right one in the YAML \(\{share: <column>, value: <code of a "
     r"woman>\}\), which the annex then takes\.$",
     "Si ce n'est pas le sexe des répondants, comptez la bonne dans le YAML (« {share: <colonne>, value: <code "
     "d'une femme>} »), que l'annexe prend alors."),
    (r"^the six Washington Group questions are answered (.*), not with the WG's codes \(1 no difficulty, 2 some, 3 a "
     r"lot, 4 cannot do at all\): no respondent can be classified, and the share with a disability is not computed$",
     r"les six questions du Washington Group ont pour réponses \1, pas les codes du WG (1 aucune difficulté, "
     r"2 quelques-unes, 3 beaucoup, 4 impossible) : aucun répondant ne peut être classé, et la part en situation de "
     r"handicap n'est pas calculée"),
    (r"^Export the answers as the WG's codes 1 to 4 \(the form's choice names\), or recode them so in the export\.$",
     "Exportez les réponses avec les codes 1 à 4 du WG (les noms des choix du formulaire), ou recodez-les ainsi dans "
     "l'export."),
    # the weights and the fpc (data.surveys._design_problems, _fpc_against_weights, _whole_subsampled, _value_problems)
    (r"^(\d+) answers? to '(.+)' disagrees? with the option column '(.+)': the text (names|does not name) '(.+)' "
     r"\('(.*)'\) and the column says (not chosen|chosen); the export writes both from one answer, so one was edited "
     r"by hand, and the share would be read from the column$",
     lambda m: f"{m[1]} réponse{'s' if int(m[1]) > 1 else ''} à '{m[2]}' "
               f"{'contredisent' if int(m[1]) > 1 else 'contredit'} la colonne d'option '{m[3]}' : le texte "
               f"{'nomme' if m[4] == 'names' else 'ne nomme pas'} '{m[5]}' ('{m[6]}') et la colonne dit "
               f"{'non choisie' if m[7] == 'not chosen' else 'choisie'} ; l'export écrit les deux à partir d'une même "
               "réponse, l'une a donc été modifiée à la main, et la part serait lue dans la colonne"),
    (r"^Correct the one that is wrong on these rows \(the column 1 where the text names '(.+)', 0 where it does "
     r"not\), or delete the text column to read the 0/1 columns as they are\.$",
     r"Corrigez celle qui est fausse sur ces lignes (la colonne à 1 là où le texte nomme '\1', à 0 là où il ne le "
     r"nomme pas), ou supprimez la colonne de texte pour lire les colonnes 0/1 telles qu'elles sont."),
    (r"^the survey's export is (.+), a '(\.\w+)' file, which is not read$",
     r"l'export de l'enquête est \1, un fichier '\2', qui n'est pas lu"),
    (r"^Download the export again as XLSX \(KoboToolbox: XLS, not « XLS \(legacy\) »\) or CSV, or open (.+) and save "
     r"it as '(.+)' \(Excel Workbook\)\.$",
     r"Téléchargez de nouveau l'export en XLSX (KoboToolbox : XLS, pas « XLS (legacy) ») ou en CSV, ou ouvrez \1 et "
     r"enregistrez-le sous '\2' (Classeur Excel)."),
    (r"^every weight is below 1 \((\S+) to (\S+)\) and they add up to 100: each is the percentage of the population "
     r"a respondent stands for; they are read as relative weights \(means, shares and ratios are right, a total is not "
     r"given\)$",
     lambda m: f"chaque poids est inférieur à 1 (de {_commas(m[1])} à {_commas(m[2])}) et leur somme vaut 100 : "
               "chacun est le pourcentage de la population que représente un répondant ; ils sont lus comme des poids "
               "relatifs (moyennes, parts et ratios sont justes, aucun total n'est donné)"),
    (r"^Nothing to do for means and shares; for a total, give each respondent the number of people they stand for "
     r"\(their weight × the population / 100\)\.$",
     "Rien à faire pour les moyennes et les parts ; pour un total, donnez à chaque répondant le nombre de personnes "
     "qu'il représente (son poids × la population / 100)."),
    (r"^the weights add up to (\S+), with decimals: if each is the percentage of the population a respondent stands "
     r"for, the totals and design effects are those of a population of 100 \(means, shares and ratios are right\)$",
     lambda m: f"les poids ont pour somme {_commas(m[1])}, avec des décimales : si chacun est le pourcentage de la "
               "population que représente un répondant, les totaux et les effets de plan sont ceux d'une population "
               "de 100 (moyennes, parts et ratios sont justes)"),
    (r"^If they are percentages, give each respondent the number of people they stand for \(their weight × the "
     r"population / 100\); if the population is 100, nothing needs doing\.$",
     "Si ce sont des pourcentages, donnez à chaque répondant le nombre de personnes qu'il représente (son poids × la "
     "population / 100) ; si la population compte 100 personnes, rien à faire."),
    (r"^every weight is below 1 \((\S+) to (\S+)\): a weight is the number of people a respondent stands for; these "
     r"look like probabilities of selection, which would give the most weight to those who stand for the fewest$",
     lambda m: f"chaque poids est inférieur à 1 (de {_commas(m[1])} à {_commas(m[2])}) : un poids est le nombre de "
               "personnes que représente un répondant ; ceux-ci ressemblent à des probabilités de sélection, qui "
               "donneraient le plus de poids à ceux qui en représentent le moins"),
    (r"^Give the inverse of the probability as the weight \(1 / (\S+) = (\S+)\); if they are relative weights, "
     r"multiply them so that their mean is 1\.$",
     lambda m: f"Donnez l'inverse de la probabilité comme poids (1 / {_commas(m[1])} = {_commas(m[2])}) ; si ce sont "
               "des poids relatifs, multipliez-les pour que leur moyenne soit 1."),
    (r"^the fpc \((\S+)\) is read as the population size of (?:the stratum '(.*)'|the survey), but its weights stand "
     r"for (\S+) people: (every fpc is between 1 and 100, a sampling rate written as a percentage\?|the fpc and the "
     r"weights describe different populations, and the finite population correction narrows the intervals by the "
     r"fpc's)$",
     lambda m: f"le fpc ({_commas(m[1])}) est lu comme la taille de la population " + (
                   f"de la strate '{m[2]}'" if m[2] else "de l'enquête")
               + f", mais ses poids représentent {_commas(m[3])} personnes : "
               + ("chaque fpc est entre 1 et 100, un taux de sondage écrit en pourcentage ?" if m[4].startswith("every")
                  else "le fpc et les poids décrivent des populations différentes, et la correction de population "
                       "finie resserre les intervalles selon le fpc")),
    (r"^Write the sampling fraction \((\S+) for (\S+) %\) or the population size of each stratum(?: \(the number of "
     r"people it was drawn from\))?\.$",
     lambda m: f"Écrivez la fraction de sondage ({_commas(m[1])} pour {_commas(m[2])} %) ou la taille de la "
               "population de chaque strate" + (" (le nombre de personnes parmi lesquelles elle a été tirée)."
                                                if "drawn" in m[0] else ".")),
    (r"^Check the fpc \(the number of people the stratum was drawn from\) against the weights \(how many people each "
     r"respondent stands for\)\.$",
     "Comparez le fpc (le nombre de personnes parmi lesquelles la strate a été tirée) aux poids (combien de personnes "
     "représente chaque répondant)."),
    (r"^the fpc \((\S+)\) is neither a sampling fraction \(at most 1\) nor a population size \(a whole number\): a "
     r"sampling rate written as a percentage\?$",
     lambda m: f"le fpc ({_commas(m[1])}) n'est ni une fraction de sondage (au plus 1) ni une taille de population "
               "(un nombre entier) : un taux de sondage écrit en pourcentage ?"),
    (r"^every fpc is between 1 and 100: read as the number of (clusters|people) (?:the stratum '(.*)'|the survey) was "
     r"drawn from \((\S+), (\d+) of them sampled, a sampling fraction of (\S+)\); if it is a sampling rate written as "
     r"a percentage, the standard errors are too small$",
     lambda m: "chaque fpc est entre 1 et 100 : lu comme le nombre de " + ("grappes" if m[1] == "clusters" else
                                                                           "personnes")
               + " parmi lesquelles " + (f"la strate '{m[2]}' a été tirée" if m[2] else "l'enquête a été tirée")
               + f" ({_commas(m[3])}, dont {m[4]} " + ("tirées" if m[1] == "clusters" else "tirées") + ", une fraction de "
               f"sondage de {_commas(m[5])}) ; si c'est un taux de sondage écrit en pourcentage, les "
               "erreurs types sont trop petites"),
    (r"^Write a sampling rate as a fraction \(0\.1 for 10 %\); a population size is right as it is\.$",
     "Écrivez un taux de sondage comme une fraction (0,1 pour 10 %) ; une taille de population est juste telle "
     "quelle."),
    (r"^every cluster of (?:the stratum '(.*)'|the survey) was taken \((\d+), fpc (\S+)\), but its (\d+) respondents "
     r"stand for (\S+) people: they were drawn within the clusters, and the design \(first stage only\) counts no "
     r"variance of that drawing: the standard errors leave it out$",
     lambda m: "chaque grappe " + (f"de la strate '{m[1]}'" if m[1] else "de l'enquête") + f" a été prise ({m[2]}, "
               f"fpc {_commas(m[3])}), mais ses {m[4]} répondants représentent {_commas(m[5])} personnes : ils ont été tirés dans les "
               "grappes, et le plan (premier degré seulement) ne compte aucune variance de ce tirage : les erreurs "
               "types la laissent de côté"),
    (r"^If the respondents were drawn within those clusters, write in (?:the stratum '(.*)'|the survey) each "
     r"respondent's own code \(its _uuid\) as its cluster and the number of people it was drawn from as its fpc "
     r"\((\S+), what its weights add up to\); if everyone in them was interviewed, nothing needs doing\.$",
     lambda m: "Si les répondants ont été tirés dans ces grappes, écrivez " + (f"dans la strate '{m[1]}'" if m[1]
                                                                               else "dans l'enquête")
               + " le code propre de chaque répondant (son _uuid) comme sa grappe et le nombre de personnes parmi "
               f"lesquelles il a été tiré comme son fpc ({_commas(m[2])}, la somme de ses poids) ; si tous ceux de ces "
               "grappes ont été interrogés, il n'y a rien à faire."),
    (r"^'estimates\.(\d+)\.total' asks for the total of '([^']*)', and the weights add up to (\S+) for (\d+) "
     r"respondents(?: \((\S+) for the (\d+) submissions exported, (\d+) of them left out\))?: they are relative "
     r"weights \(normalised to a mean of 1\), and the total would be the sample's, not the population's$",
     lambda m: f"'estimates.{m[1]}.total' demande le total de '{m[2]}', et les poids font {_commas(m[3])} pour "
               f"{m[4]} répondants" + (f" ({_commas(m[5])} pour les {m[6]} soumissions exportées, dont {m[7]} écartées)" if m[5]
                               else "")
               + " : ce sont des poids relatifs (ramenés à une moyenne de 1), et le total serait celui de "
               "l'échantillon, pas celui de la population"),
    (r"^Give weights that count people \(each respondent's number of people in the population, e\.g\. the inverse of "
     r"their probability of selection\), or ask for the mean instead\.$",
     "Donnez des poids qui comptent des personnes (pour chaque répondant, le nombre de personnes de la population "
     "qu'il représente, par exemple l'inverse de sa probabilité de sélection), ou demandez plutôt la moyenne."),
    (r"^YAML reads yes, no, on, off \(and true, false\) without quotes as (true|false): write the value in quotes, "
     r"e\.g\. value: \"yes\"\. Values found: (.*)\.$",
     lambda m: f"Le YAML lit « yes », « no », « on », « off » (et « true », « false ») sans guillemets comme {m[1]} : "
               "écrivez la valeur entre "
               f'guillemets, par exemple « value: "yes" ». Valeurs trouvées : « {m[2]} ».'),
)


# English sentence (a regex over the data room's text) -> French; applied in order, to the message and the hint.
# Compiled when a text first needs it (_pattern): the 429 regexes took 0.05 s to compile at every import, in
# every `make check` and build, which meets a few of them.
_FRENCH = [(english, french) for english, french in _FIRST_HOUR + (
    (r"the key '([^']*)' has no value", r"la clé '\1' n'a pas de valeur"),
    (r"Write its value after '([^']*)', e\.g\. ", r"Écrivez sa valeur après '\1', par exemple "),
    (r"Write its value after '([^']*)'\.", r"Écrivez sa valeur après '\1'."),
    (r"the key '([^']*)' is required", r"la clé '\1' est obligatoire"),
    (r"Add a line '([^']*): \.\.\.'\.", r"Ajoutez une ligne '\1: ...'."),
    (r"^unknown key '([^']*)'", r"clé inconnue '\1'"),
    (r"^'([^']*)': not a date written year first$", r"'\1' : pas une date écrite l'année d'abord"),
    (r"^Write it year first, month, day: ", "Écrivez-la l'année d'abord, puis le mois et le jour : "),
    (r"^'([^']*)': not a date$", r"'\1' : pas une date"),
    (r"^'([^']*)': a year alone is not a date$", r"'\1' : une année seule n'est pas une date"),
    (r"^Write it year first, month, day, e\.g\. ", "Écrivez-la l'année d'abord, puis le mois et le jour, par exemple "),
    (r"^Write the day, year first: (.*), if that is the day\.$",
     r"Écrivez le jour, l'année d'abord : \1, si c'est bien ce jour-là."),
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
    (r"^The workbook does not compare two surveys nor two subgroups \(R's svyttest, svycontrast\): each survey \(a "
     r"baseline and an endline, each with its own YAML\) gives its estimates with their standard errors\. Two "
     r"independent samples' estimates differ with the standard error sqrt\(se1\^2 \+ se2\^2\); two subgroups of one "
     r"survey are not independent samples \(R's svyby with covar = TRUE, then svycontrast\)\.$",
     "Le classeur ne compare ni deux enquêtes ni deux sous-groupes (svyttest, svycontrast de R) : chaque enquête "
     "(une de référence et une finale, chacune avec son YAML) donne ses estimations avec leurs erreurs types. Les "
     "estimations de deux échantillons indépendants diffèrent avec l'erreur type racine(et1² + et2²) ; deux "
     "sous-groupes d'une même enquête ne sont pas des échantillons indépendants (svyby de R avec covar = TRUE, puis "
     "svycontrast)."),
    (r"^Remove this line\.$", "Supprimez cette ligne."),
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
    (r"^the stratum '(.*)' has a single cluster: the variance within it cannot be estimated$",
     r"la strate '\1' n'a qu'une seule grappe : la variance en son sein ne peut pas être estimée"),
    (r"^the stratum '(.*)' has a single respondent: the variance within it cannot be estimated$",
     r"la strate '\1' n'a qu'un seul répondant : la variance en son sein ne peut pas être estimée"),
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
    (r"^'([^']*)' is not the day of the week of (\S+): the day or the date mistyped\?$",
     r"'\1' n'est pas le jour de la semaine du \2 : le jour ou la date est-il mal tapé ?"),
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
    # a spending row of 'Tunisia' on R1.1, a line the budget has for 'Tunisie' (data.loader's unknown_line)
    (r"^the budget has the line '([^']*)' for (.*), not for (.*)$", r"le budget a la ligne '\1' pour \2, pas pour \3"),
    (r"^Correct the country of this row, or add the line '([^']*)' for (.*) to the budget table\.$",
     r"Corrigez le pays de cette ligne, ou ajoutez la ligne '\1' pour \2 à la table du budget."),
    (r"^The budget has '([^']*)': a code typed (\S+) in a cell formatted as a number is kept as \S+ by Excel\. "
     r"Format the budget's line column as Text and type the codes again, or write '[^']*' here if it is that line\. ",
     r"Le budget a '\1' : un code tapé \2 dans une cellule au format nombre est gardé \1 par Excel. Mettez la "
     r"colonne des lignes du budget au format Texte et tapez à nouveau les codes, ou écrivez '\1' ici si c'est cette "
     r"ligne. "),
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
    # (paths.check_slug: a project's, an annex's (`make annex ANNEX=...`) or a file's name)
    (r"^(project|annex|file) name ('.*') is not allowed: use letters without accents, digits, '-' and '_' only "
     r"\(no spaces, dots or slashes\), at most (\d+) characters(?:, e\.g\. ('[^']*'))?\.$",
     lambda m: f"le nom {_NAME_OF[m[1]]} {m[2]} n'est pas permis : utilisez des lettres sans accents, des chiffres, "
               f"'-' et '_' seulement (ni espaces, ni points, ni barres obliques), {m[3]} caractères au plus"
               + (f", par exemple {m[4]}" if m[4] else "") + "."),
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
    # the command line's own refusals (argparse's sentences, and helpers.__main__'s hints)
    (r"^the following arguments are required: command$", "il manque la commande"),
    (r"^the following arguments are required: (.*)$", r"il manque : \1"),
    (r"^unrecognized arguments: (.*)$", r"option inconnue : \1"),
    (r"^argument command: invalid choice: ('[^']*') \(choose from .*\)$", r"\1 n'est pas une commande"),
    (r"^argument (\S+): expected one argument$", r"l'option \1 attend une valeur"),
    (r"^argument (\S+): invalid int value: (.*)$", r"l'option \1 attend un nombre entier (valeur : \2)"),
    (r"^argument (\S+): invalid choice: (.*) \(choose from .*\)$", r"l'option \1 n'accepte pas la valeur \2"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"l'option \1 ne prend pas de valeur (valeur : \2)"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"l'option \1 est ambiguë : elle peut être \2"),
    (r"^--annex needs --project$", "--annex demande --project"),
    (r"^Write a command: (.*), e\.g\. (.*)\.$", r"Écrivez une commande : \1, par exemple \2."),
    (r"^Write: (.*) \(with make: (.*)\)\.$", r"Écrivez : \1 (avec make : \2)."),
    (r"^Write: (.*)\.$", r"Écrivez : \1."),
    (r"^Write one of: (.*), e\.g\. (\S+ \S+)(?: \(with make: (\S+)\))?\.$",
     lambda m: f"Écrivez l'une de ces valeurs : {m[1]}, par exemple {m[2]}" + (f" (avec make : {m[3]})." if m[3]
                                                                               else ".")),
    (r"^Write (\S+) alone, without a value\.$", r"Écrivez \1 seul, sans valeur."),
    (r"^The options of (.*) are: (.*); (.*) --help says what each does\.$",
     r"Les options de \1 sont : \2 ; \3 --help dit ce que fait chacune."),
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
    (r"^activity (\S+): this indicator's measure is (nominal|ordinal|qualitative) \(@measure (\d)\): its values "
     r"\((.*)\) are (ranks, not quantities \(level 2 is not half of level 4\)|categories or words, not quantities): "
     r"it is listed without them, not rated \(no % of the target, no RAG\)$", _not_rated),
    (r"^Nothing to do if it is; if the values are counts or percentages, ask the publisher to correct @measure \(1 "
     r"unit, 2 percentage\), or write the indicator in the indicators table\.$", "Rien à faire si c'est le cas ; si "
     "les valeurs sont des effectifs ou des pourcentages, demandez à l'éditeur de corriger @measure (1 unité, 2 "
     "pourcentage), ou écrivez l'indicateur dans la table indicators."),
    (r"^project\.yaml keeps the activity (\S+) \((iati\.activit\w+)\), whose children in the files \(related-activity\) "
     r"are kept with it: (.+); a parent's money that its children repeat is counted once$",
     r"project.yaml garde l'activité \1 (\2), dont les enfants dans les fichiers (related-activity) sont "
     r"gardés avec elle : \3 ; l'argent d'un parent que ses enfants répètent est compté une fois"),
    (r"^project\.yaml keeps the activity (\S+) \(iati\.activities\), which no IATI file of the project holds, and "
     r"the activities of the files that name it as their parent \(related-activity type 1\) are kept: (.+)$",
     r"project.yaml garde l'activité \1 (iati.activities), qu'aucun fichier IATI du projet ne contient, et les "
     r"activités des fichiers qui la nomment comme leur parent (related-activity type 1) sont gardées : \2"),
    (r"^Nothing to do if they are the project's components; to keep only some of them, list them in "
     r"iati\.activities\.$", "Rien à faire si ce sont les composantes du projet ; pour n'en garder que certaines, "
     "listez-les dans iati.activities."),
    (r"^Nothing to do if they are the project's components; to keep only some of them, list them in iati\.activities "
     r"beside (\S+)\.$", r"Rien à faire si ce sont les composantes du projet ; pour n'en garder que certaines, "
     r"listez-les dans iati.activities à côté de \1."),
    (r"^project\.yaml keeps the activity (\S+) \((iati\.activit\w+)\) and some of its children, not (.+) \(its "
     r"children in the files, related-activity\): their money is not counted$", r"project.yaml garde l'activité \1 "
     r"(\2) et certains de ses enfants, pas \3 (ses enfants dans les fichiers, related-activity) : leur "
     r"argent n'est pas compté"),
    (r"^Nothing to do if the project is the activities listed; otherwise add (.+) to iati\.activities\.$",
     r"Rien à faire si le projet est fait des activités listées ; sinon, ajoutez \1 à iati.activities."),
    (r"^Nothing to do if the project is the activities kept; otherwise list the project's activities in "
     r"iati\.activities, in place of activity_prefix\.$", "Rien à faire si le projet est fait des activités gardées ; "
     "sinon, listez les activités du projet dans iati.activities, à la place d'activity_prefix."),
    (r"^iati\.activity_prefix '(.*)' ends inside a code: the activities it keeps go on from it as (\d+) different "
     r"codes \((.+)\), each perhaps another project, and the money of all of them is counted$",
     r"iati.activity_prefix '\1' s'arrête au milieu d'un code : les activités qu'il garde le prolongent en \2 codes "
     r"différents (\3), chacun peut-être un autre projet, et l'argent de tous est compté"),
    (r"^Nothing to do if they are all the project's; otherwise write the whole code in activity_prefix \(up to a "
     r"separator such as '-'\), or list the activities in iati\.activities\.$", "Rien à faire s'ils sont tous du "
     "projet ; sinon, écrivez le code entier dans activity_prefix (jusqu'à un séparateur comme '-'), ou listez les "
     "activités dans iati.activities."),
    (r"^this file is not read: IATI activity files are read from the folder iati/$",
     "ce fichier n'est pas lu : les fichiers d'activités IATI sont lus dans le dossier iati/"),
    (r"^Move it into (\S+)/iati/ if it is an IATI file \(see data/README\.md\)\.$",
     r"Déplacez-le dans \1/iati/ si c'est un fichier IATI (voir data/README.md)."),
    (r"^this file is not read: the workbook reads (\w+)\.csv or \1\.xlsx, and a (\.\w+) file is neither$",
     r"ce fichier n'est pas lu : le classeur lit \1.csv ou \1.xlsx, et un fichier \2 n'est ni l'un ni l'autre"),
    (r"^this file is not read: the workbook reads (\w+)\.csv or \1\.xlsx, and a (\.\w+) file \(a statistics "
     r"program's or a database's\) is neither$",
     r"ce fichier n'est pas lu : le classeur lit \1.csv ou \1.xlsx, et un fichier \2 (d'un logiciel de statistique "
     r"ou d'une base de données) n'est ni l'un ni l'autre"),
    (r"^Export it as (\w+)\.csv \((\w+(?: \w+)?): (.*)\), or as \1\.xlsx\.$",
     lambda m: f"Exportez-le sous {m[1]}.csv ({m[2]} : {_EXPORT_MENUS.get(m[3], m[3])}), ou sous {m[1]}.xlsx."),
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
     lambda m: f"les dépenses de la ligne {m[1]} totalisent {_grouped(m[2])} ({_grouped(m[3])} dépensés, "
               f"{_grouped(m[4])} de montants négatifs) : les dépenses d'une ligne ne peuvent être inférieures à 0, son "
               "taux d'exécution serait négatif et la part des autres lignes dans les dépenses supérieure à 100 %"),
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
    (r"^this row is a totals row \('([^']*)' alone in '([^']*)', without (label|code) nor country\): TOT is read as "
     r"short for total$",
     lambda m: f"cette ligne est une ligne de total ('{m[1]}' seul dans '{m[2]}', sans "
               f"{'libellé' if m[3] == 'label' else 'code'} ni pays) : TOT est lu comme l'abréviation de total"),
    (r"^this row is a totals row \('([^']*)' alone in '([^']*)', without (label|code) nor country\): the name of a "
     r"country of the table, read as the total of its rows$",
     lambda m: f"cette ligne est une ligne de total ('{m[1]}' seul dans '{m[2]}', sans "
               f"{'libellé' if m[3] == 'label' else 'code'} ni pays) : le nom d'un pays de la table, lu comme le "
               "total de ses lignes"),
    (r"^If it is the total of its rows, delete this row: the workbook adds them up itself, by country too\. If it is "
     r"one row, write its code and label, and the country in 'country'\.$",
     "Si c'est le total de ses lignes, supprimez cette ligne : le classeur les additionne lui-même, par pays aussi. "
     "Si c'est une ligne de la table, écrivez son code et son libellé, et le pays dans 'country'."),
    (r"^If it is a total, delete this row: the workbook adds the rows up itself\. If it is a training of trainers "
     r"\(TOT\), write its label \(and, for an activity, its status\)\.$",
     "Si c'est un total, supprimez cette ligne : le classeur additionne lui-même les lignes. Si c'est une formation "
     "de formateurs (TOT), écrivez son libellé (et, pour une activité, son statut)."),
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
    (r"^the spending rows of (.+) end on ([0-9-]+)(?: \('(.*)'\))?, a year or more before the reporting date \(([^,]*), "
     r"project\.yaml\) that other rows reach: what was spent in \1 up to the reporting date is not known, and its "
     r"spending, execution rates and burn index are not computed \(n\.d\.\), in its annex and in the project's total$",
     lambda m: f"les lignes de dépenses de {m[1]} s'arrêtent au {m[2]}" + (f" (« {m[3]} »)" if m[3] else "")
     + f", un an ou plus avant la date de rapport ({m[4]}, project.yaml) que d'autres lignes atteignent : ce "
     f"qui a été dépensé pour {m[1]} jusqu'à la date de rapport n'est pas connu, et ses dépenses, taux d'exécution et "
     "indices de consommation ne sont pas calculés (n.d.), dans son annexe et dans le total du projet"),
    (r"^Add (.+)'s spending after ([0-9-]+) up to the reporting date; if nothing was spent since, write a row of 0 "
     r"for \1 ending on the reporting date\.$",
     r"Ajoutez les dépenses de \1 après le \2 jusqu'à la date de rapport ; si rien n'a été dépensé depuis, écrivez "
     r"une ligne de 0 pour \1 se terminant à la date de rapport."),
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
    (r"^rows of the project as a whole \(no country, or 'regional'\) will not appear in the '(.+?)' annex: "
     r"([^:;]*)$",
     lambda m: f"les lignes du projet dans son ensemble (sans pays, ou 'régional') n'apparaîtront pas dans l'annexe "
               f"'{m[1]}' : " + re.sub(r"\((all|\d+) rows?\)", lambda n: "(toutes les lignes)" if n[1] == "all"
                                       else f"({n[1]} ligne{'s' if n[1] != '1' else ''})", m[2])),
    (r"^Their rows are shown in the annex with `country: all` only; give them the country in a `country` column if "
     r"they belong to (.+)\.$",
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
    # a published figure dated, or limited, otherwise than the figure its annex computes (pipeline.check
    # ._dated_otherwise): its reason is the annex's own note, said in French by the annex's table (was English)
    (r"^figure '([^']*)': ((?:dated|its label|its value).*)$", lambda m: _reported_reason(m)),
    # a published figure in another currency, or of a target (pipeline.check.reported_figure_problems)
    (r"^figure '([^']*)' \(([^)]*)\): (printed in .*)$", lambda m: _reported_reason(m, f" ({m[2]})")),
    (r"^figure '([^']*)' \(([^)]*)\): its label or its value speaks of a target \('(.*)'\), and the workbook computes "
     r"what was achieved$",
     r"le chiffre '\1' (\2) : son libellé ou sa valeur parle d'une cible ('\3'), et le classeur calcule ce qui a été "
     r"réalisé"),
    (r"^Write the figure achieved the report gives, or leave this one out \(an indicator's target is compared with the "
     r"key of its indicator_achievement\); the annex will say 'not computable'\.$",
     "Écrivez le chiffre réalisé que donne le rapport, ou retirez celui-ci (la cible d'un indicateur se compare avec la "
     "clé de son indicator_achievement) ; l'annexe dira « non calculable »."),
    (r"^Write the figure in (\S+) if the report gives it so; else the annex will say 'not computable'\.$",
     r"Écrivez le chiffre en \1 si le rapport le donne ainsi ; sinon, l'annexe dira « non calculable »."),
    (r"^Write the figure in the outcome's unit if the report gives it so; else the annex will say 'not computable'\.$",
     "Écrivez le chiffre dans l'unité de la variable de résultat si le rapport le donne ainsi ; sinon, l'annexe dira "
     "« non calculable »."),
    (r"^The annex will say 'not computable' beside it: do as said above\.$",
     "L'annexe dira « non calculable » à côté : faites ce que dit le message ci-dessus."),
    (r"^The annex will say 'not computable'\. Write the key at the label's date \(a budget figure\), or reword a label "
     r"whose date is not the figure's\.$",
     "L'annexe dira « non calculable ». Écrivez la clé à la date du libellé (un chiffre du budget), ou reformulez un "
     "libellé dont la date n'est pas celle du chiffre."),
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
    (r"^not a number with this project's decimal mark ',': ',' separates its thousands and '\.' its decimals, as "
     r"where the decimal mark is '\.'$",
     "pas un nombre avec le séparateur décimal du projet ',' : ',' y sépare les milliers et '.' les décimales, comme "
     "là où le séparateur décimal est '.'"),
    # (the project's name in place of <project>: check_and_load writes it, the French line was left in English)
    (r"^If the files write numbers as 1,234\.50, declare `decimal_mark: \"\.\"` in params/([^/]+)/project\.yaml; "
     r"else write 1 234,50\.$",
     r'Si les fichiers écrivent les nombres 1,234.50, déclarez `decimal_mark: "."` dans params/\1/project.yaml ; '
     r"sinon, écrivez 1 234,50."),
    (r"^not a number with this project's decimal mark '\.': '\.' separates its thousands, as where the decimal mark "
     r"is ','$",
     "pas un nombre avec le séparateur décimal du projet '.' : '.' y sépare les milliers, comme là où le séparateur "
     "décimal est ','"),
    (r"^If the files write numbers as 1\.234,50, declare `decimal_mark: \",\"` in params/([^/]+)/project\.yaml; "
     r"else write 1234567 or 1 234 567\.$",
     r'Si les fichiers écrivent les nombres 1.234,50, déclarez `decimal_mark: ","` dans '
     r"params/\1/project.yaml ; sinon, écrivez 1234567 ou 1 234 567."),
    (r"^not a number: write a negative amount as -1234, \(1234\) or 1234- \(one sign only\)$",
     "pas un nombre : écrivez un montant négatif -1234, (1234) ou 1234- (un seul signe)"),
    (r"^not a number: the parentheses hold no amount$", "pas un nombre : les parenthèses ne contiennent aucun montant"),
    (r"^not a number \(more than 1000 characters\)$", "pas un nombre (plus de 1000 caractères)"),
    (r"^a currency sign or code is not part of a number \('([^']*)'\): the amount is in (\S+), and the project's "
     r"currency is (\S+) \(params, project\.yaml\)$",
     r"un symbole ou un code de devise ne fait pas partie d'un nombre ('\1') : le montant est en \2, et la devise du "
     r"projet est \3 (params, project.yaml)"),
    (r"^Convert the amount to (\S+) \(at the rate of your financial reports\) and write it alone, with the decimal "
     r"mark '(.)': the workbook does not convert currencies, and the amount without '([^']*)' would be read as \1\.$",
     r"Convertissez le montant en \1 (au taux de vos rapports financiers) et écrivez-le seul, avec le séparateur "
     r"décimal '\2' : le classeur ne convertit pas les devises, et le montant sans '\3' serait lu en \1."),
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
    (r"^a word for none or zero, not a number$", "un mot pour « aucun » ou « zéro », pas un nombre"),
    (r"^Write 0 if it is zero \(nothing spent, no one\), or leave the cell empty if it is not known\.$",
     "Écrivez 0 si c'est zéro (rien de dépensé, personne), ou laissez la cellule vide si ce n'est pas connu."),
    (r"^a word for 'not known', not a number$", "un mot pour « pas connu », pas un nombre"),
    (r"^Leave the cell empty: an empty cell is 'not known', and the annex says n\.d\. where it counts\.$",
     "Laissez la cellule vide : une cellule vide veut dire « pas connu », et l'annexe écrit n.d. là où elle compte."),
    (r"^a number with a thousands or millions suffix \(12k, 1,2 M\) is not read(?: \('(.*)' is (\S+(?: \d{3})*)( .+)? "
     r"in units\))?$",
     lambda m: "un nombre avec un suffixe de milliers ou de millions (12k, 1,2 M) n'est pas lu"
               + (f" (« {m[1]} » fait {m[2]}{m[3] or ''} en unités)" if m[1] is not None else "")),
    (r"^Write the number in units \(12000 for 12k, 1200000 for 1(.)2 M\), in the project's currency \(project\.yaml, "
     r"`currency`: the workbook converts none\), without a currency sign or code\.$",
     r"Écrivez le nombre en unités (12000 pour 12k, 1200000 pour 1\g<1>2 M), dans la devise du projet (project.yaml, "
     r"`currency` : le classeur n'en convertit aucune), sans symbole ni code de devise."),
    (r"^an apostrophe as a thousands separator \(1'234\.50, as a Swiss Excel writes it\) is not read$",
     "une apostrophe comme séparateur des milliers (1'234.50, comme l'écrit un Excel suisse) n'est pas lue"),
    (r"^Write the number without it: (\S+), or (1 \S+)\.$", r"Écrivez le nombre sans elle : \1, ou \2."),
    (r"^not a finite number \(too large, infinite or NaN\)$", "pas un nombre fini (trop grand, infini ou NaN)"),
    (r"^Write a finite number \(e\.g\. ([^)]*)\), or leave it empty\.$",
     r"Écrivez un nombre fini (par exemple \1), ou laissez la cellule vide."),
    (r"^This cell holds the text, not a number \(pasted from a CSV\?\): type the number in full, every digit, in a "
     r"cell formatted as a number\.$",
     "Cette cellule contient le texte, pas un nombre (collé depuis un CSV ?) : tapez le nombre en entier, chaque "
     "chiffre, dans une cellule au format nombre."),
    # a number in scientific notation (data.numbers.SCIENTIFIC; data.loader._scientific): it was left in English
    (r"^'(.*)' is read as (\S+): a number in scientific notation, as Excel shows a number too wide for its column or "
     r"of more than 11 digits: the file keeps only the digits shown$",
     r"'\1' est lu \2 : un nombre en notation scientifique, comme Excel affiche un nombre trop large pour sa colonne "
     r"ou de plus de 11 chiffres : le fichier ne garde que les chiffres affichés"),
    (r"^a number in scientific notation, as Excel shows a number too wide for its column or of more than 11 digits: "
     r"the file keeps only the digits shown$",
     "un nombre en notation scientifique, comme Excel affiche un nombre trop large pour sa colonne ou de plus de 11 "
     "chiffres : le fichier ne garde que les chiffres affichés"),
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
    (r"^activity (\S+): a negative transaction \(a reversal\?\)$",
     r"activité \1 : une transaction négative (une annulation ?)"),
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
    (r"^the column '([^']*)' is not read: the annex rates each indicator itself, from its actual and its target and "
     r"the thresholds of project\.yaml \(rag_green, rag_amber\), and a rating written here may differ from the "
     r"annex's without a word$",
     r"la colonne '\1' n'est pas lue : l'annexe apprécie elle-même chaque indicateur, d'après son réalisé, sa cible "
     r"et les seuils de project.yaml (rag_green, rag_amber), et une appréciation écrite ici peut différer de celle "
     r"de l'annexe sans que rien ne le dise"),
    (r"^Compare it with the annex's ratings; if it rates otherwise on purpose, change the thresholds in project\.yaml "
     r"\(rag_green, rag_amber under thresholds\), and delete the column or keep it in another file\.$",
     "Comparez-la aux appréciations de l'annexe ; si elle apprécie autrement à dessein, changez les seuils dans "
     "project.yaml (rag_green, rag_amber sous thresholds), puis supprimez la colonne ou gardez-la dans un autre "
     "fichier."),
    (r"^the column '([^']*)' appears twice; the first one is used$",
     r"la colonne '\1' apparaît deux fois ; la première est utilisée"),
    (r"^Delete or rename one of them\.$", "Supprimez ou renommez l'une des deux."),
    (r"^the columns ('[^']*'(?:, '[^']*')*) are both '([^']*)': the workbook reads none of them, which one the figures "
     r"use is yours to say$",
     r"les colonnes \1 sont toutes deux '\2' : le classeur n'en lit aucune, c'est à vous de dire laquelle les "
     r"chiffres utilisent"),
    (r"^Name the column to use '([^']*)' \(the others are then ignored, with a warning\)\.$",
     r"Nommez '\1' la colonne à utiliser (les autres sont alors ignorées, avec un avertissement)."),
    # (headers hold apostrophes: « État d'avancement », « Pays d'intervention »)
    (r"^the column '(.*)' \(another name for '([^']*)'\) is ignored: the file also has a column '(.*)'$",
     r"la colonne '\1' (un autre nom de '\2') est ignorée : le fichier a aussi une colonne '\3'"),
    (r"^Keep one of the two columns\.$", "Gardez l'une des deux colonnes."),
    (r"^the columns '(.*?)' and '(.*)' are both '([^']*)' and differ: '(.*)' and '(.*)' on this row$",
     r"les colonnes '\1' et '\2' sont toutes deux '\3' et diffèrent : '\4' et '\5' sur cette ligne"),
    (r"^Keep the column that holds the amount to use and delete the other \(or rename it, e\.g\. '([^']*)'\)\.$",
     r"Gardez la colonne qui contient le montant à utiliser et supprimez l'autre (ou renommez-la, par exemple '\1')."),
    (r"^Keep the column that holds the ([a-z_]+) to use and delete the other \(or rename it, e\.g\. '([^']*)'\)\.$",
     r"Gardez celle des deux colonnes qui contient les valeurs de '\1' à utiliser et supprimez l'autre (ou "
     r"renommez-la, par exemple '\2')."),
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
    (r"^the sheet read is named after a country \('([^']*)'\), and no row gives a country: its rows are read as "
     r"the project's as a whole, in no country annex$",
     r"la feuille lue porte le nom d'un pays ('\1'), et aucune ligne ne donne de pays : ses lignes sont lues comme "
     r"celles du projet dans son ensemble, dans aucune annexe de pays"),
    (r"^If they are (.*)'s, write \1 in a column `country` \(pays\) on each row; if the project has one country, "
     r"write `country: all` in its annex file; if they are the project's as a whole, rename the sheet\.$",
     r"Si ces lignes sont celles de « \1 », écrivez \1 dans une colonne `pays` (country) sur chaque ligne ; si le "
     r"projet a un seul pays, écrivez `country: all` dans son fichier d'annexe ; si ce sont celles du projet dans son "
     r"ensemble, renommez la feuille."),
    (r"^the sheet '([^']*)' is read: the sheet '([^']*)', named like the table, is hidden in Excel \(an old "
     r"version\?\) and is not read$",
     r"la feuille '\1' est lue : la feuille '\2', qui porte le nom de la table, est masquée dans Excel (une ancienne "
     r"version ?) et n'est pas lue"),
    (r"^If '([^']*)' holds the current table, unhide it and delete the sheet '([^']*)' or name it otherwise; if it "
     r"is an old version, nothing to do\.$",
     r"Si '\1' contient la table à jour, affichez-la et supprimez la feuille '\2' ou nommez-la autrement ; si c'est "
     r"une ancienne version, rien à faire."),
    (r"^the sheet '([^']*)' is read: the sheet '([^']*)', named like the table, holds none of its columns \(a "
     r"summary\?\) and is not read$",
     r"la feuille '\1' est lue : la feuille '\2', qui porte le nom de la table, n'en contient aucune colonne (une "
     r"synthèse ?) et n'est pas lue"),
    (r"^If '([^']*)' is a summary, nothing to do; to say which sheet holds the table, name it '([^']*)' and the "
     r"summary otherwise \(« synthèse »\)\.$",
     r"Si '\1' est une synthèse, rien à faire ; pour dire quelle feuille contient la table, nommez-la '\2' et la "
     r"synthèse autrement (« synthèse »)."),
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
    (r"^this row repeats the header: a second table below the first, or the header of each printed page\?$",
     "cette ligne répète l'en-tête : une deuxième table sous la première, ou l'en-tête de chaque page imprimée ?"),
    (r"^Delete the repeated header; if the rows below are another table \(another year, another country\), keep them "
     r"in this one, each row saying its period or country\.$",
     "Supprimez l'en-tête répété ; si les lignes en dessous sont une autre table (une autre année, un autre pays), "
     "gardez-les dans celle-ci, chaque ligne disant sa période ou son pays."),
    (r"^the file starts as a CSV UTF-8 file \(its byte-order mark\) but this row holds a byte \((0x[0-9A-F]{2})\) that "
     r"UTF-8 does not allow: rows in two encodings \(rows of a 'CSV \(separator\)' file appended to a 'CSV UTF-8' "
     r"one\?\)$",
     r"le fichier commence comme un fichier CSV UTF-8 (sa marque d'ordre des octets) mais cette ligne contient un "
     r"octet (\1) que l'UTF-8 n'admet pas : des lignes de deux encodages (des lignes d'un fichier 'CSV (séparateur : "
     r"point-virgule)' ajoutées à un fichier 'CSV UTF-8' ?)"),
    (r"^Open the file in Excel, check the accents of this row and the rows after it, and save it again as 'CSV "
     r"UTF-8'\.$",
     "Ouvrez le fichier dans Excel, vérifiez les accents de cette ligne et des suivantes, et enregistrez-le à nouveau "
     "en 'CSV UTF-8'."),
    (r"^Delete the repeated header and its title; if the rows below are another table \(another year, another "
     r"country\), keep them in this one, each row saying its period or country\.$",
     "Supprimez l'en-tête répété et son titre ; si les lignes en dessous sont une autre table (une autre année, un "
     "autre pays), gardez-les dans celle-ci, chaque ligne disant sa période ou son pays."),
    # amounts and dates an evaluator checks (data.loader, data.spending, data.as_of)
    (r"^the spending recorded on line (\S+) \((\S+)\) is (\S+) times its budget: are both in the same unit \(a "
     r"budget in thousands\?\)$",
     # the ratio is grouped the English way (4,133): in French « 4,133 fois » read as four times
     lambda m: f"les dépenses enregistrées sur la ligne {m[1]} ({_grouped(m[2])}) font {_grouped(m[3])} fois son budget : les "
               f"deux sont-ils dans la même unité (un budget en milliers ?)"),
    (r"^the spending recorded on line (\S+)(?: of (.+?))? \((\S+)\) is (\d+)% of its budget \((\S+)\), its largest "
     r"amount here: overspent, or an amount typed in another currency \(the local one\), read as the project's\?$",
     lambda m: f"les dépenses enregistrées sur la ligne {m[1]}" + (f" de {m[2]}" if m[2] else "") +
               f" ({_grouped(m[3])}) font {_grouped(m[4])} % de son budget ({_grouped(m[5])}), son plus gros montant "
               "ici : un dépassement, ou un montant saisi dans une autre devise (la locale), lu comme celle du projet ?"),
    (r"^Check that each amount of the line is in the project's currency \(project\.yaml's currency: the workbook "
     r"converts nothing\): convert an amount paid in another currency\. If the line was overspent indeed, nothing to "
     r"do; if its budget was revised, write the revised budget\.$",
     "Vérifiez que chaque montant de la ligne est dans la devise du projet (currency de project.yaml : le classeur ne "
     "convertit rien) : convertissez un montant payé dans une autre devise. Si la ligne a bien été dépassée, rien à "
     "faire ; si son budget a été révisé, écrivez le budget révisé."),
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
    (r"^this event starts on ([0-9-]+), before the project's start \(([0-9-]+), project\.yaml\): its participants "
     r"are counted$",
     r"cet événement commence le \1, avant le début du projet (\2, project.yaml) : ses participants sont comptés"),
    (r"^Correct the date if it is a typo \((\d+) for (\d+)\); if the event belongs to the project before its start, "
     r"nothing needs doing\.$",
     r"Corrigez la date si c'est une faute de frappe (\1 pour \2) ; si l'événement appartient au projet avant son "
     r"début, rien à faire."),
    (r"^(\d+) more events start before the project's start$",
     r"\1 autres événements commencent avant le début du projet"),
    (r"^this event ends on ([0-9-]+), before it starts: one of its dates is mistyped, and the start date dates the "
     r"event in the annex$",
     r"cet événement se termine le \1, avant de commencer : l'une de ses dates est mal saisie, et c'est la date de "
     r"début qui date l'événement dans l'annexe"),
    (r"^Correct the start_date or the end_date of the row \(a day and a month swapped, or a year mistyped\?\)\.$",
     "Corrigez la start_date ou la end_date de la ligne (un jour et un mois intervertis, ou une année mal saisie ?)."),
    (r"^(\d+) more events end before they start$", r"\1 autres événements se terminent avant de commencer"),
    (r"^this spending is dated ([0-9-]+), after the project's end \(([0-9-]+), project\.yaml\): (it is counted up to "
     r"the reporting date|it is after the reporting date too, and left out of the annex's figures)$",
     lambda m: f"cette dépense est datée du {m[1]}, après la fin du projet ({m[2]}, project.yaml) : "
               + ("elle est comptée jusqu'à la date de rapport" if m[3].startswith("it is counted") else
                  "elle est aussi après la date de rapport, et laissée hors des chiffres de l'annexe")),
    (r"^Correct the date if it is a typo \((\d+) for (\d+)\); if the project was extended, move `end_date` in "
     r"project\.yaml\.$",
     r"Corrigez la date si c'est une faute de frappe (\1 pour \2) ; si le projet a été prolongé, avancez `end_date` "
     r"dans project.yaml."),
    (r"^(\d+) more rows are dated after the project's end$", r"\1 autres lignes sont datées après la fin du projet"),
    (r"^this actual is of a period that starts after the reporting date \(([0-9-]+), project\.yaml\): it is not "
     r"counted$",
     r"cette valeur réalisée est d'une période qui commence après la date de rapport (\1, project.yaml) : elle n'est "
     r"pas comptée"),
    (r"^If the period is mistyped \((\d+) for (\d+)\), correct it; if it is a forecast, leave `actual` empty until "
     r"it is measured; if the data are more recent, move `reporting_date` in project\.yaml\.$",
     r"Si la période est mal tapée (\1 pour \2), corrigez-la ; si c'est une prévision, laissez `actual` vide jusqu'à "
     r"ce qu'elle soit mesurée ; si les données sont plus récentes, avancez `reporting_date` dans project.yaml."),
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
    # (« up to 60 », « up to 1200 »: any top, not 100 only, which left the others in English)
    (r"^this progress is between 0 and 1, where the table's others are percentages \(up to (\S+)\): a fraction of 1\? "
     r"(\S+) is read as \2 %$",
     r"cet avancement est compris entre 0 et 1, là où les autres de la table sont des pourcentages (jusqu'à \1) : "
     r"une fraction de 1 ? \2 est lu \2 %"),
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
    # the same in an IATI narrative (data.iati._visible_controls): shown as its escape, the file not edited
    (r"^activity (\S+): this narrative (?:holds a control character \((?P<char>.*?)\)(?P<override>, a direction "
     r"override: .*?)?(?:, which a spreadsheet cannot store and a terminal would act on)?|opens a direction "
     r"(?P<kind>isolate|embedding) \((?P<opened>.*?)\) and does not close it: .*): it is shown as « (?P<shown>.*) » in "
     r"the annexes$",
     lambda m: f"activité {m[1]} : ce texte (narrative) "
               + (f"contient un caractère de contrôle ({m['char']})"
                  + (", une inversion du sens d'écriture : le texte qui le suit serait affiché à l'envers dans "
                     "l'annexe, ses chiffres aussi" if m["override"] else
                     ", qu'un tableur ne peut pas stocker et auquel un terminal réagirait") if m["char"] is not None
                  else f"ouvre {'un isolement' if m['kind'] == 'isolate' else 'un enchâssement'} du sens d'écriture "
                       f"({m['opened']}) sans le fermer : le texte qui le suit dans son paragraphe serait affiché dans "
                       "un autre ordre dans l'annexe, ses chiffres aussi")
               + f" : il est montré comme « {m['shown']} » dans les annexes"),
    (r"^Nothing to do for the figures; ask the publisher to remove the character\.$",
     "Rien à faire pour les chiffres ; demandez à l'éditeur du fichier de retirer ce caractère."),
    (r"^this text holds a control character \((.*)\), which a spreadsheet cannot store and a terminal would act on$",
     r"ce texte contient un caractère de contrôle (\1), qu'un tableur ne peut pas stocker et auquel un terminal "
     r"réagirait"),
    (r"^this text holds a control character \((.*)\), a direction override: the text after it would be shown "
     r"backwards in the annex, its figures too \(98,184 read 481,89\)$",
     r"ce texte contient un caractère de contrôle (\1), une inversion du sens d'écriture : le texte qui le suit "
     r"serait affiché à l'envers dans l'annexe, ses chiffres aussi (98,184 lu 481,89)"),
    # the limits of data.inputs and data.readers (the hostile corpus: bombs, pipes, files far too large)
    (r"^once its aliases \(\*name\) are expanded, this file holds more than ([\d,]+) values \(a 'billion laughs' "
     r"file\)$", lambda m: f"une fois ses alias (*nom) développés, ce fichier contient plus de {_grouped(m[1])} valeurs "
                           "(un fichier « billion laughs »)"),
    (r"^an alias \(\*name\) refers to the list or mapping that contains it$",
     "un alias (*nom) renvoie à la liste ou au dictionnaire qui le contient"),
    (r"^lists and mappings are nested more than (\d+) deep$",
     r"les listes et les dictionnaires sont imbriqués sur plus de \1 niveaux"),
    (r"^the key '(.*)' is written twice in the same mapping \(first on line (\d+)\); YAML would silently keep the "
     r"last one$", r"la clé '\1' est écrite deux fois dans le même dictionnaire (d'abord à la ligne \2) ; YAML "
                   r"garderait la dernière sans rien dire"),
    (r"^the file is larger than ([\d,]+) KiB; a params file is a few dozen lines$",
     lambda m: f"le fichier dépasse {_grouped(m[1])} Kio ; un fichier de paramètres fait quelques dizaines de lignes"),
    (r"^this is (a named pipe|a folder|a device|a socket), not a file: it cannot be read$",
     lambda m: f"c'est {_KIND_OF[m[1]]}, pas un fichier : il ne peut pas être lu"),
    (r"^this is not a regular file, not a file: it cannot be read$",
     "ce n'est pas un fichier ordinaire : il ne peut pas être lu"),
    (r"^the (workbook|Word template)'s part (\S+) unpacks to ([\d,]+) MiB, more than the ([\d,]+) MiB the workbook "
     r"accepts \(a 'zip bomb', or a file far too large\)$",
     lambda m: f"la partie {m[2]} {_ZIP_OF[m[1]]} se décompresse en {_grouped(m[3])} Mio, plus que les "
               f"{_grouped(m[4])} Mio que le classeur accepte (une « bombe zip », ou un fichier bien trop grand)"),
    (r"^the (workbook|Word template) unpacks to ([\d,]+) MiB, more than the ([\d,]+) MiB the workbook accepts$",
     lambda m: f"{_ZIP_OF[m[1]].replace('du ', 'le ', 1)} se décompresse en {_grouped(m[2])} Mio, plus que les "
               f"{_grouped(m[3])} Mio que le classeur accepte"),
    # two annex files whose names differ only by capitals (data.params.annex_name_clashes)
    (r"^the annex files (\S+)\.yaml and (\S+)\.yaml differ only by capitals: on Windows and macOS they are one file, "
     r"and their annexes (\S+) and (\S+) would overwrite each other$",
     r"les fichiers d'annexe \1.yaml et \2.yaml ne diffèrent que par des majuscules : sous Windows et macOS, ils sont "
     r"un seul fichier, et leurs annexes \3 et \4 s'écraseraient l'une l'autre"),
    (r"^Rename one of them \(an annex is named after its file\), e\.g\. (\S+)\.$",
     r"Renommez l'un des deux (une annexe porte le nom de son fichier), par exemple \1."),
    # a Word template (data.params._word_template_problem, template_problem)
    (r"^the Word template must be inside params/([^/]*)/ or data/([^/]*)/$",
     r"le modèle Word doit être dans params/\1/ ou data/\2/"),
    (r"^Put the template in params/([^/]*)/ and write its path from the repository root, e\.g\. word_template: "
     r"(\S+)$", r"Mettez le modèle dans params/\1/ et écrivez son chemin depuis la racine du classeur, par exemple "
                r"word_template: \2"),
    (r"^there is no such file$", "ce fichier n'existe pas"),
    (r"^the file is not a Word document \(\.docx\)$", "ce fichier n'est pas un document Word (.docx)"),
    (r"^Save the template from Word as 'Word Document \(\.docx\)'\.$",
     "Enregistrez le modèle depuis Word au format « Document Word (.docx) »."),
    (r"^Save the template again from Word as 'Word Document \(\.docx\)'\.$",
     "Enregistrez de nouveau le modèle depuis Word au format « Document Word (.docx) »."),
    (r"^the Word template is damaged \((.*)\)$", r"le modèle Word est endommagé (\1)"),
    (r"^the Word template refers to a file outside it \((.*)\): Word would fetch it each time an annex is opened$",
     r"le modèle Word renvoie à un fichier hors de lui (\1) : Word irait le chercher à chaque ouverture d'une annexe"),
    (r"^Save the template again without it: no attached template \(Developer > Document Template\), pictures "
     r"inserted, not linked, and no INCLUDEPICTURE or INCLUDETEXT field\.$",
     "Enregistrez de nouveau le modèle sans lui : pas de modèle attaché (Développeur > Modèle de document), des "
     "images insérées et non liées, et aucun champ INCLUDEPICTURE ni INCLUDETEXT."),
    (r"^the (workbook|Word template) holds ([\d,]+) parts, more than ([\d,]+)$",
     lambda m: f"{_ZIP_OF[m[1]].replace('du ', 'le ', 1)} contient {_grouped(m[2])} parties, plus de "
               f"{_grouped(m[3])}"),
    (r"^the sheet '(.*)' holds more than ([\d,]+) cells in ([\d,]+) rows, more than the ([\d,]+) cells \(or ([\d,]+) "
     r"rows\) the workbook reads from an \.xlsx$",
     lambda m: f"la feuille '{m[1]}' contient plus de {_grouped(m[2])} cellules en {_grouped(m[3])} lignes, plus que "
               f"les {_grouped(m[4])} cellules (ou {_grouped(m[5])} lignes) que le classeur lit d'un .xlsx"),
    (r"^a sheet of the workbook \((.*)\) holds ([\d,]+) cells, more than the ([\d,]+) the workbook reads from an "
     r"\.xlsx$", lambda m: f"une feuille du fichier Excel ({m[1]}) contient {_grouped(m[2])} cellules, plus que les "
                           f"{_grouped(m[3])} que le classeur lit d'un .xlsx"),
    (r"^a cell of this row is longer than the ([\d,]+) characters a cell may hold: most often a quote \(\"\) opened "
     r"and never closed$",
     lambda m: f"une cellule de cette ligne dépasse les {_grouped(m[1])} caractères qu'une cellule peut contenir : le "
               "plus souvent un guillemet (\") ouvert et jamais fermé"),
    (r"^a quote \(\"\) opens this cell and (?:the next one is ([\d,]+) lines below, so the lines between read as one "
     r"cell|is never closed, so the rest of the file reads as one cell)(?: \(cell (\d+) of the row\))?: ([\d,]+) "
     r"characters, more than the ([\d,]+) a cell may hold$",
     lambda m: "un guillemet (\") ouvre cette cellule et " + (
         f"le suivant est {_grouped(m[1])} lignes plus bas, si bien que les lignes entre eux se lisent comme une seule "
         "cellule" if m[1] else "n'est jamais fermé, si bien que la suite du fichier se lit comme une seule cellule")
         + (f" (cellule {m[2]} de la ligne)" if m[2] else "") + f" : {_grouped(m[3])} caractères, plus que les "
         f"{_grouped(m[4])} qu'une cellule peut contenir"),
    (r"^this table has ([\d,]+) named columns, more than the ([\d,]+) the workbook reads in a table \(the contract's "
     r"'([^']*)' has (\d+)\); column ([\d,]+) is headed ('.*')$",
     lambda m: f"cette table a {_grouped(m[1])} colonnes nommées, plus que les {_grouped(m[2])} que le classeur lit "
               f"dans une table (la table '{m[3]}' du contrat en a {m[4]}) ; la colonne {_grouped(m[5])} a pour "
               f"en-tête {m[6]}"),
    (r"^Keep the columns data/README\.md lists for '([^']*)' and delete the others \(a pivot table or a wide export "
     r"is not read as a table\)\.$",
     r"Gardez les colonnes que data/README.md donne pour '\1' et supprimez les autres (un tableau croisé dynamique "
     r"ou un export très large ne se lit pas comme une table)."),
    (r"^a quote \(\"\) opens this cell(?: \(cell (\d+) of the row\))? and is never closed: the ([\d,]+) lines? from "
     r"there to the end of the file (?:are|is) read as one cell$",
     lambda m: "un guillemet (\") ouvre cette cellule" + (f" (cellule {m[1]} de la ligne)" if m[1] else "")
         + f" et n'est jamais fermé : {'la ligne' if m[2] == '1' else f'les {_grouped(m[2])} lignes'} de là à la fin du "
         f"fichier {'se lit' if m[2] == '1' else 'se lisent'} comme une seule cellule"),
    (r"^a quote \(\"\) opens this cell and the next one is ([\d,]+) lines? below: the lines between, which begin like "
     r"the rows of the file \(a value written as column '([^']*)' writes them\) and hold as many separators as the "
     r"header, are read as one cell and their rows are not read$",
     lambda m: "un guillemet (\") ouvre cette cellule et le suivant est "
               + ("à la ligne d'après" if m[1] == "1" else f"{_grouped(m[1])} lignes plus bas")
               + f" : les lignes entre eux, qui commencent comme les lignes du fichier (une valeur écrite comme celles "
               f"de la colonne '{m[2]}') et ont autant de séparateurs que l'en-tête, se lisent comme une seule "
               "cellule et leurs lignes ne sont pas lues"),
    (r"^Close the quote where the cell ends \(or delete the stray one\), then check the rows after it\.$",
     "Fermez le guillemet là où la cellule finit (ou supprimez celui de trop), puis vérifiez les lignes qui suivent."),
    (r"^Close the quote \(or delete the stray one\); a cell holds at most ([\d,]+) characters\.$",
     lambda m: f"Fermez le guillemet (ou supprimez celui de trop) ; une cellule contient au plus {_grouped(m[1])} "
               "caractères."),
    # a header so written, whose column is ignored (data.readers._header)
    (r"^this header holds a control character \((.*)\); the column is ignored$",
     r"cet en-tête contient un caractère de contrôle (\1) ; la colonne est ignorée"),
    (r"^this header opens a direction (isolate|embedding) \((.*)\) and does not close it: the text after it would be "
     r"shown in another order; the column is ignored$",
     lambda m: f"cet en-tête ouvre {'un isolement' if m[1] == 'isolate' else 'un enchâssement'} du sens d'écriture "
               f"({m[2]}) sans le fermer : le texte qui le suit serait affiché dans un autre ordre ; la colonne est "
               "ignorée"),
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
    (r"^Write the number alone, without (.+), and the currency in the outcome's label in the study's description "
     r"\((labels: .+)\): the annex takes the outcome's unit from it\.$",
     r"Écrivez le nombre seul, sans \1, et la devise dans le libellé du résultat, dans la description de l'étude "
     r"(\2) : l'annexe en tire l'unité du résultat."),
    (r"^Outcomes are numbers, with the decimal mark '(.)'\.$",
     r"Les résultats sont des nombres, avec le séparateur décimal '\1'."),
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
     r"year(, or a sheet per country: give each row its sheet's country in a column `country` \(pays\))?\), or "
     r"delete an old version; or name the sheet to read '([^']*)'\.$",
     lambda m: "Mettez la table dans une seule feuille : copiez-y les lignes des autres si elles font partie de la "
               "table (une feuille par année" + (", ou une feuille par pays : donnez à chaque ligne le pays de sa "
                                                 "feuille dans une colonne `pays` (country)" if m[1] else "")
               + f"), ou supprimez une ancienne version ; ou nommez '{m[2]}' la feuille à lire."),
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
     lambda m: f"les dépenses de la ligne {m[1]} augmentent de période en période "
               f"({' → '.join(_grouped(a) for a in m[2].split(' → '))}) et totalisent {m[3]} % de son budget, alors "
               f"que son dernier montant seul en fait {m[4]} % : sont-ce des totaux depuis le début ? Le classeur "
               "additionne les périodes"),
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
    (r"^Leave these answers empty in the file \(an empty answer is 'not answered' and leaves the estimate\), "
     r"declare the code \(missing_codes: \[(-?[\d.]+)\] in the YAML\), or correct the value\.$",
     r"Laissez ces réponses vides dans le fichier (une réponse vide veut dire « pas de réponse » et sort de "
     r"l'estimation), déclarez le code (missing_codes: [\1] dans le YAML), ou corrigez la valeur."),
    # a survey's tests before the fieldwork and devices' clocks (data.surveys._without_tests, _device_clock)
    (r"^every submission was made before the fieldwork_start (\S+)$",
     lambda m: f"chaque soumission a été faite avant le {_day_fr(m[1])}, le fieldwork_start du YAML"),
    (r"^Check the date in the YAML \(year-month-day\)\.$", "Vérifiez la date dans le YAML (année-mois-jour)."),
    (r"^(\d+) submission\(s\) made before the fieldwork_start (\S+) \(tests of the form\) are left out of every "
     r"estimate \(rows ([\d, ]+)(?: and (\d+) more)?\)$",
     lambda m: (f"{m[1]} soumissions faites" if m[1] != "1" else "1 soumission faite")
               + f" avant le {_day_fr(m[2])}, le fieldwork_start du YAML (des essais du formulaire), "
               + ("sont écartées" if m[1] != "1" else "est écartée")
               + f" de toutes les estimations (ligne{'s' if m[1] != '1' else ''} {m[3]}"
               + (f" et {m[4]} autres" if m[4] else "") + ")"),
    (r"^Nothing to do if they are tests; if the interviews began earlier, correct 'fieldwork_start' in the YAML\.$",
     "Rien à faire si ce sont des essais ; si les entretiens ont commencé plus tôt, corrigez 'fieldwork_start' dans "
     "le YAML."),
    (r"^(\d+) submission\(s\) started more than (\d+) days before the server received them \(rows ([\d, ]+)\): "
     r"the device's clock was wrong; their day is taken from '([^']*)'$",
     lambda m: (f"{m[1]} soumissions commencées" if m[1] != "1" else "1 soumission commencée")
               + f" plus de {m[2]} jours avant que le serveur {'les' if m[1] != '1' else 'la'} reçoive (ligne"
               + f"{'s' if m[1] != '1' else ''} {m[3]}) : l'horloge de l'appareil était fausse ; "
               + ("leur" if m[1] != "1" else "son") + f" jour est pris de '{m[4]}'"),
    (r"^Nothing to do if the device's date was wrong; if they are tests, delete their rows or mark them not "
     r"approved\.$",
     "Rien à faire si la date de l'appareil était fausse ; si ce sont des essais, supprimez leurs lignes ou marquez-"
     "les « non approuvées »."),
    # a survey's numbers (data.surveys._ambiguous_numbers)
    (r"^'([^']*)' is read as (\S+) \(a single '([.,])' is the decimal mark\), but could mean (.+)$",
     lambda m: f"'{m[1]}' est lu {_commas(m[2])} (un '{m[3]}' seul est la marque décimale), mais pourrait vouloir "
               f"dire {m[4]}"),
    (r"^Write (\S+) or (\S+): no '([.,])' followed by exactly three digits\.$",
     # the export reads a single ',' as the decimal mark: « 1,5 » is read as the French reader writes it
     lambda m: f"Écrivez {_commas(m[1])} ou {m[2]} : pas de '{m[3]}' suivi d'exactement trois chiffres."),
    # an answer « NA » (data.surveys._na_answers)
    (r"^(1 answer is|\d+ answers are) 'NA' \(how R writes a missing value\): counted as an answer, in the denominator "
     r"of every share of this question$",
     lambda m: _answers_fr(m[1]) + " 'NA' (la façon dont R écrit une valeur manquante) : "
               + ("comptée" if m[1].startswith("1 ") else "comptées") + " comme une réponse, au dénominateur de "
               "chaque part de cette question"),
    (r"^If they are missing values, leave those cells empty \(R: write\.csv\(\.\.\., na = \"\"\)\); if 'NA' is a "
     r"choice of the form, give the form\.$",
     'Si ce sont des valeurs manquantes, laissez ces cellules vides (R : write.csv(..., na = "")) ; si \'NA\' est '
     "un choix du formulaire, donnez le formulaire."),
    # a question never answered (data.surveys._value_problems)
    (r"^'estimates\.(\d+)\.(mean|total|share|ratio)' asks for '([^']*)', which has no answer in the export: its "
     r"estimate is not available$",
     r"'estimates.\1.\2' demande '\3', qui n'a aucune réponse dans l'export : son estimation n'est pas disponible"),
    (r"^Check that this is the question's column in this export \(a new version of the form may have renamed or "
     r"moved it\), or remove the estimate\.$",
     "Vérifiez que c'est bien la colonne de la question dans cet export (une nouvelle version du formulaire a pu la "
     "renommer ou la déplacer), ou retirez l'estimation."),
    # a survey's review statuses (data.surveys._rejected)
    (r"^every submission is marked not approved at review$",
     "chaque soumission est marquée « non approuvée » à la validation"),
    (r"^Export the survey again once its submissions are reviewed\.$",
     "Exportez l'enquête de nouveau une fois ses soumissions validées."),
    (r"^(\d+) submission\(s\) marked not approved at review are left out of every estimate \(rows ([\d, ]+)"
     r"(?: and (\d+) more)?\)$",
     lambda m: (f"{m[1]} soumissions marquées « non approuvées » à la validation sont écartées"
                if m[1] != "1" else "1 soumission marquée « non approuvée » à la validation est écartée")
               + f" de toutes les estimations (ligne{'s' if m[1] != '1' else ''} {m[2]}"
               + (f" et {m[3]} autres" if m[3] else "") + ")"),
    (r"^To count them, change their review status in KoboToolbox or ODK Central and export again; to leave them out "
     r"without this warning, delete their rows \(and their rows in the repeat groups' sheets\)\.$",
     "Pour les compter, changez leur statut de validation dans KoboToolbox ou ODK Central et exportez de nouveau ; "
     "pour les écarter sans cet avertissement, supprimez leurs lignes (et leurs lignes dans les feuilles des groupes "
     "répétés)."),
    # an answer written in two ways (data.surveys._spellings)
    (r"^('[^']*' \(\d+ answers?\)(?: and '[^']*' \(\d+ answers?\))+) are one answer written in (\d+) ways: the "
     r"(design would count them as different strata or clusters|estimates would count them as different answers)$",
     lambda m: re.sub(r" \((\d+) answers?\)", lambda n: f" ({n[1]} réponse{'s' if n[1] != '1' else ''})",
                      m[1]).replace(") and '", ") et '")
               + f" sont une même réponse écrite de {m[2]} façons : "
               + ("le plan de sondage les compterait comme des strates ou des grappes différentes"
                  if m[3].startswith("design") else "les estimations les compteraient comme des réponses différentes")),
    (r"^Write them all as the form's code \('([^']*)'\), in the export or in KoboToolbox / ODK\.$",
     r"Écrivez-les toutes avec le code du formulaire ('\1'), dans l'export ou dans KoboToolbox / ODK."),
    # a select_multiple's blanks filled with 0 (data.surveys._all_zero)
    (r"^(\d+) of (\d+) respondents have 0 in every option column of '([^']*)' and no answer, and no respondent has its "
     r"options empty \(not asked\): they are counted as asked and choosing no option, in the denominator of each "
     r"share \('([^']*)': (\d+) of (\d+), (\d+) of (\d+) without them\)\. If the skip logic did not ask them, "
     r"their cells were filled with 0$",
     r"\1 des \2 répondants ont 0 dans chaque colonne d'option de '\3' et aucune réponse, et aucun répondant n'a ses "
     r"options vides (non posée) : ils sont comptés comme interrogés et ne choisissant aucune option, au dénominateur "
     r"de chaque part ('\4' : \5 sur \6, \7 sur \8 sans eux). Si le filtre du formulaire ne les a pas interrogés, "
     r"leurs cellules ont été remplies de 0"),
    (r"^Leave the option cells of the respondents not asked empty, as KoboToolbox / ODK export them, or give the form "
     r"\('form:' in the YAML\) to have them told from its relevant\. If they were asked and chose none, nothing "
     r"needs doing\.$",
     "Laissez vides les cellules d'option des répondants non interrogés, comme KoboToolbox / ODK les exportent, ou "
     "donnez le formulaire ('form:' dans le YAML) pour que son relevant les distingue. S'ils ont été interrogés et "
     "n'ont rien choisi, rien à faire."),
    (r"^the (\d+) respondents who answered '([^']*)' to '([^']*)' all have 0 in every option column of '([^']*)' and "
     r"no answer, and no respondent has its options empty \(not asked\): the skip logic's blanks filled with 0\. "
     r"They are read as not asked, and left out of its shares \('([^']*)': (\d+) of (\d+), not (\d+) of (\d+)\)$",
     r"les \1 répondants qui ont répondu '\2' à '\3' ont tous 0 dans chaque colonne d'option de '\4' et aucune "
     r"réponse, et aucun répondant n'a ses options vides (non posée) : les cases vides du filtre remplies de 0. Ils "
     r"sont lus comme non interrogés, et écartés de ses parts ('\5' : \6 sur \7, et non \8 sur \9)"),
    (r"^If they were asked, give the form \('form:' in the YAML\), which reads them as the form says; otherwise leave "
     r"the option cells of the respondents not asked empty, as KoboToolbox / ODK export them\.$",
     "S'ils ont été interrogés, donnez le formulaire ('form:' dans le YAML), qui les lit comme le formulaire le dit ; "
     "sinon laissez vides les cellules d'option des répondants non interrogés, comme KoboToolbox / ODK les "
     "exportent."),
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
    # a unit cost benchmark shown beside no cost (data.loader, benchmark_not_used)
    # (one sentence: its parts translated one by one left « coût  : aucun... » and lost the « ; » before « une
    # référence »)
    (r"^the unit cost benchmark '([^']*)' is shown beside no cost: (.*); a benchmark is keyed by an output "
     r"indicator's id \(one that names budget lines\), participant or woman$",
     lambda m: f"la référence de coût unitaire '{m[1]}' n'est affichée à côté d'aucun coût : {_no_cost_why(m[2])} ; "
               "une référence a pour clé l'identifiant d'un indicateur de produit (qui nomme des lignes "
               "budgétaires), participant ou woman"),
    (r"^Write the key as the indicator_id column writes it \(case counts\), or participant \(the cost per "
     r"participant\) or woman \(the cost per woman\); remove the benchmark if no cost is computed for it\.$",
     "Écrivez la clé comme la colonne indicator_id écrit l'identifiant (majuscules comprises), ou participant (le "
     "coût par participant) ou woman (le coût par femme) ; supprimez la référence si aucun coût n'est calculé pour "
     "elle."),
    (r"^Name in the participation table's budget_lines column the budget line\(s\) that finance each event \(the "
     r"cost per participant is their spending / the participants\); remove the benchmark if the events' costs are "
     r"not known\.$",
     "Nommez dans la colonne budget_lines de la table participation la ou les lignes budgétaires qui financent "
     "chaque événement (le coût par participant est leur dépense / les participants) ; supprimez la référence si "
     "le coût des événements n'est pas connu."),
    # an impact study's amounts in two units (data.loader, outcome_units_differ)
    (r"^the outcome '([^']*)' is about ([\d ,.]+) times smaller where (.+) is (.+) \(median ([^)]*)\) than where it "
     r"is (.+) \(median ([^)]*)\): the same amount written in two units \(thousands, cents\)\?$",
     lambda m: f"le résultat '{m[1]}' est environ {_commas(m[2])} fois plus petit là où {m[3]} vaut {m[4]} (médiane "
               f"{_commas(m[5])}) que là où il vaut {m[6]} (médiane {_commas(m[7])}) : le même montant écrit en deux "
               "unités (milliers, centimes) ?"),
    (r"^the outcome '([^']*)' is about ([\d ,.]+) times larger where (.+) is (.+) \(median ([^)]*)\) than where it "
     r"is (.+) \(median ([^)]*)\), in the treated and the comparison group alike: amounts per month in one round and "
     r"per year in the other\?$",
     lambda m: f"le résultat '{m[1]}' est environ {_commas(m[2])} fois plus grand là où {m[3]} vaut {m[4]} (médiane "
               f"{_commas(m[5])}) que là où il vaut {m[6]} (médiane {_commas(m[7])}), dans le groupe traité comme dans "
               "le groupe de comparaison : des montants par mois dans une vague et par an dans l'autre ?"),
    (r"^Write every row over the same period \(per month, or per year\): as it is, the effect is mostly the change "
     r"of period between the values of (.+)\.$", r"Écrivez chaque ligne sur la même durée (par mois, ou par an) : tel "
     r"quel, l'effet est surtout le changement de durée entre les valeurs de \1."),
    (r"^Write it in one unit on every row: as it is, the effect is mostly the change of unit between the values of "
     r"(.+)\.$", r"Écrivez-le dans une seule unité sur chaque ligne : tel quel, l'effet est surtout le changement "
     r"d'unité entre les valeurs de \1."),
) + _SURVEY_RULES]
# Sentences of the data contract written once, word for word (data/spec.py's rules and row warnings): English -> French
_EXACT = [
    # the hints of the limits (data.inputs, data.readers, data.params)
    ("Remove the anchors (&name) and aliases (*name); write the values out.",
     "Supprimez les ancres (&nom) et les alias (*nom) ; écrivez les valeurs en entier."),
    ("Remove the anchor (&name) and its aliases (*name); write the values out.",
     "Supprimez l'ancre (&nom) et ses alias (*nom) ; écrivez les valeurs en entier."),
    ("Write one 'key: value' per line; params files are a few levels deep at most.",
     "Écrivez une « clé: valeur » par ligne ; un fichier de paramètres a quelques niveaux au plus."),
    ("Delete one of the two lines, or merge them.", "Supprimez l'une des deux lignes, ou fusionnez-les."),
    ("Write the number itself (an amount, a count, a threshold), in a few digits.",
     "Écrivez le nombre lui-même (un montant, un effectif, un seuil), en quelques chiffres."),
    ("Check that this is the right file.", "Vérifiez que c'est le bon fichier."),
    ("Replace it with the file itself (or delete it if the table does not apply).",
     "Remplacez-le par le fichier lui-même (ou supprimez-le si la table ne s'applique pas)."),
    ("Open the file in Excel and check it; save large tables as 'CSV UTF-8' (see data/README.md, 'Limits').",
     "Ouvrez le fichier dans Excel et vérifiez-le ; enregistrez les grandes tables en « CSV UTF-8 » (voir "
     "data/README.md, « Limits »)."),
    ("Save the sheet as 'CSV UTF-8' (a CSV file is read up to 512 MiB), or delete the columns and rows the table does "
     "not use (see data/README.md, 'Limits').",
     "Enregistrez la feuille en « CSV UTF-8 » (un fichier CSV est lu jusqu'à 512 Mio), ou supprimez les colonnes et "
     "les lignes que la table n'utilise pas (voir data/README.md, « Limits »)."),
    ("Save the template again from Word, without large pictures (see data/README.md, 'Limits').",
     "Enregistrez à nouveau le modèle depuis Word, sans grandes images (voir data/README.md, « Limits »)."),
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
    ("this period is a year written with a thousands separator (2 023, as a column formatted as a number with "
     "separators shows it): it was read as a period of that name, of no date, in no time order",
     "cette période est une année écrite avec un séparateur de milliers (2 023, comme l'affiche une colonne au format "
     "nombre avec séparateurs) : elle était lue comme une période de ce nom, sans date, hors de l'ordre du temps"),
    ("Write the year without a separator (2023); in Excel, format the column as text or as a number without thousands "
     "separator before saving.",
     "Écrivez l'année sans séparateur (2023) ; dans Excel, mettez la colonne au format texte ou nombre sans séparateur "
     "de milliers avant d'enregistrer."),
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
    ("Merge this stratum with the most similar one (write the same stratum on their rows), as the survey's "
     "statistician would. The workbook applies no rule of its own: R's survey.lonely.psu 'fail' (its default) "
     "refuses too; 'remove' and 'certainty' count no variance for the stratum (too small an SE), 'adjust' measures "
     "it from the mean of all strata and 'average' gives it the mean variance of the others; each gives another SE "
     "(and the Python svy library's 'center' differs from R's 'adjust' for totals).",
     "Fusionnez cette strate avec la plus semblable (écrivez la même strate sur leurs lignes), comme le ferait le "
     "statisticien de l'enquête. Le classeur n'applique aucune règle de son cru : survey.lonely.psu de R refuse aussi "
     "avec 'fail' (par défaut) ; 'remove' et 'certainty' ne comptent aucune variance pour la strate (erreur type trop "
     "petite), 'adjust' la mesure à partir de la moyenne de toutes les strates et 'average' lui donne la variance "
     "moyenne des autres ; chacune donne une autre erreur type (et 'center' de la bibliothèque Python svy diffère de "
     "'adjust' de R pour les totaux)."),
    ("Check the design's clusters column (a column of one value, or the wrong column?); if the respondents were drawn "
     "at random within that one unit, leave 'clusters' out of the design: the estimates then describe that unit "
     "only.",
     "Vérifiez la colonne des grappes du plan (une colonne d'une seule valeur, ou la mauvaise colonne ?) ; si les "
     "répondants ont été tirés au hasard dans cette seule unité, retirez 'clusters' du plan : les estimations "
     "décrivent alors cette seule unité."),
    ("The first-stage units (R's svydesign id = ~village) are named in 'clusters' (clusters: village). Without them "
     "the respondents are taken as drawn one by one, and the standard errors are too small.",
     "Les unités du premier degré (id = ~village du svydesign de R) se nomment dans 'clusters' (clusters: village). "
     "Sans elles, les répondants sont pris comme tirés un à un, et les erreurs types sont trop petites."),
    ("Give 'weights', the inverse of the probability of selection (R's svydesign probs = ~p is weights = 1 / p): a "
     "column holding 1 / p on each row.",
     "Donnez 'weights', l'inverse de la probabilité de sélection (probs = ~p du svydesign de R vaut weights = 1 / p) "
     ": une colonne avec 1 / p sur chaque ligne."),
    ("Remove this line: cluster codes are always read within their stratum (as R's nest = TRUE): village 'v1' of two "
     "regions is two villages.",
     "Supprimez cette ligne : les codes des grappes sont toujours lus dans leur strate (comme nest = TRUE de R) : le "
     "village 'v1' de deux régions est deux villages."),
    ("The workbook does not estimate two-phase designs (R's twophase: a subsample drawn from a first sample, as a "
     "follow-up of some respondents): its standard errors would leave out one phase's variance. Estimate them "
     "outside the workbook (R's survey::twophase), or describe only a sample drawn in one phase.",
     "Le classeur n'estime pas les plans à deux phases (twophase de R : un sous-échantillon tiré d'un premier "
     "échantillon, comme le suivi de certains répondants) : ses erreurs types laisseraient de côté la variance d'une "
     "phase. Estimez-les hors du classeur (survey::twophase de R), ou ne décrivez qu'un échantillon tiré en une "
     "seule phase."),
    ("The workbook does not use replicate weights (R's svrepdesign): give the design's strata and clusters in "
     "'strata' and 'clusters' (its standard errors are Taylor-linearised), or estimate outside the workbook.",
     "Le classeur n'utilise pas de poids répliqués (svrepdesign de R) : donnez les strates et les grappes du plan "
     "dans 'strata' et 'clusters' (ses erreurs types sont linéarisées par Taylor), ou estimez hors du classeur."),
    ("A ratio of two questions (R's svyratio, e.g. the spend per household member: total spend / total members) is "
     "written {ratio: <numerator>, per: <denominator>}; the mean of a column divided row by row is another figure "
     "(the mean of each household's ratio).",
     "Un ratio de deux questions (svyratio de R, par exemple la dépense par membre du ménage : dépense totale / "
     "nombre total de membres) s'écrit {ratio: <numérateur>, per: <dénominateur>} ; la moyenne d'une colonne "
     "divisée ligne par ligne est un autre chiffre (la moyenne du ratio de chaque ménage)."),
    ("Fill in the sex if known.", "Indiquez le sexe s'il est connu."),
]
# (a sentence of its own: the whole text, or its end after a sentence that says more, « If they are two lines... »)
_FRENCH += [(r"(?:^|(?<=[.?!] ))" + re.escape(english) + "$", french.replace("\\", "\\\\"))
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
    if problem.rule.startswith("iati_") or (problem.element or "").startswith("iati-activit"):
        message = _IATI_DECIMAL.sub(_decimal_comma, message)
    return replace(problem, message=message, hint=_french(problem.hint))


# a number the IATI reader prints (an amount, a sum, a share, a rate: « budget net 191050.59 », « 1600000.5 GBP »),
# alone between spaces or brackets: not inside an identifier (XM-1.5, 44000-P12.5), a date, a version (IATI 2.01,
# 1.0x) or a value quoted from the file; the hints keep their dots (they hold YAML to write: budget_total: 1500.5)
# (a text quoted from the file, « … » or '…' opened after a space, is passed over whole: a page title, an
# organisation's name)
_IATI_DECIMAL = re.compile(r"«[^»]*»|(?<!\w)'[^']*'|(?<![\w.'/-])-?\d+\.\d+(?![\w.'/-])")
_VERSION = re.compile(r"[12]\.0\d")


def _decimal_comma(m: re.Match) -> str:
    return m[0] if m[0][0] in "«'" or _VERSION.fullmatch(m[0]) else m[0].replace(".", ",")


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
_SCREENED = [(english, french, _required(english)) for english, french in _FRENCH]


@lru_cache(maxsize=4096)
def _french(text: str) -> str:
    """(Cached: a column broken on every row repeats one message and one hint; the list holds every row.)"""
    for english, french, required in _SCREENED:
        if required in text:
            text = _pattern(english).sub(french, text)
    return french_prepositions(text)   # « à Sénégal » -> « au Sénégal »: a sentence built around a country's name


@lru_cache(maxsize=None)   # (each of _FRENCH's patterns once: re's own cache keeps 512 of any module's)
def _pattern(english: str) -> re.Pattern[str]:
    return re.compile(english)


def shown(problem: Problem, lang: str) -> str:
    """The problem as make check prints it, in ``lang``: its location words too (« ligne 3, colonne 'montant' »)."""
    said = translated(problem, lang)
    words = None if said is problem else {w: say(f"check_where_{w}", lang) for w in _WHERE}
    return said.text(words)
