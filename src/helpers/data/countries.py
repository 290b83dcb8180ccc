"""Which country a code or a name is: 'MA', 'MAR', 'Maroc' and 'Morocco' are one country.

Used to say that a country of the data written another way than its annex file's (`MA` in a table, `country:
Maroc` in maroc.yaml) is that annex's country: its rows would be left out of the annex without a word. Only a
warning's guess: countries are still compared as written (text.fold), never converted.

The table is ISO 3166-1: alpha-2 code; alpha-3 code(s); the French name; the English name when it differs. It was
written once from the Unicode CLDR territory names and aliases (as Babel 2.18 ships them), so the workbook does not
depend on a package for it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold

_TABLE = """\
AC;ASC;Île de l’Ascension;Ascension Island
AD;AND;Andorre;Andorra
AE;ARE;Émirats arabes unis;United Arab Emirates
AF;AFG;Afghanistan
AG;ATG;Antigua-et-Barbuda;Antigua & Barbuda
AI;AIA;Anguilla
AL;ALB;Albanie;Albania
AM;ARM;Arménie;Armenia
AO;AGO;Angola
AQ;ATA;Antarctique;Antarctica
AR;ARG;Argentine;Argentina
AS;ASM;Samoa américaines;American Samoa
AT;AUT;Autriche;Austria
AU;AUS;Australie;Australia
AW;ABW;Aruba
AX;ALA;Îles Åland;Åland Islands
AZ;AZE;Azerbaïdjan;Azerbaijan
BA;BIH;Bosnie-Herzégovine;Bosnia & Herzegovina
BB;BRB;Barbade;Barbados
BD;BGD;Bangladesh
BE;BEL;Belgique;Belgium
BF;BFA;Burkina Faso
BG;BGR;Bulgarie;Bulgaria
BH;BHR;Bahreïn;Bahrain
BI;BDI;Burundi
BJ;BEN;Bénin;Benin
BL;BLM;Saint-Barthélemy;St. Barthélemy
BM;BMU;Bermudes;Bermuda
BN;BRN;Brunei
BO;BOL;Bolivie;Bolivia
BQ;BES;Pays-Bas caribéens;Caribbean Netherlands
BR;BRA;Brésil;Brazil
BS;BHS;Bahamas
BT;BTN;Bhoutan;Bhutan
BV;BVT;Île Bouvet;Bouvet Island
BW;BWA;Botswana
BY;BLR;Biélorussie;Belarus
BZ;BLZ;Belize
CA;CAN;Canada
CC;CCK;Îles Cocos;Cocos (Keeling) Islands
CD;COD ZAR;Congo-Kinshasa;Congo - Kinshasa
CF;CAF;République centrafricaine;Central African Republic
CG;COG;Congo-Brazzaville;Congo - Brazzaville
CH;CHE;Suisse;Switzerland
CI;CIV;Côte d’Ivoire
CK;COK;Îles Cook;Cook Islands
CL;CHL;Chili;Chile
CM;CMR;Cameroun;Cameroon
CN;CHN;Chine;China
CO;COL;Colombie;Colombia
CP;CPT;Île Clipperton;Clipperton Island
CR;CRI;Costa Rica
CU;CUB;Cuba
CV;CPV;Cap-Vert;Cape Verde
CW;CUW;Curaçao
CX;CXR;Île Christmas;Christmas Island
CY;CYP;Chypre;Cyprus
CZ;CZE;Tchéquie;Czechia
DE;DDR DEU;Allemagne;Germany
DG;DGA;Diego Garcia
DJ;DJI;Djibouti
DK;DNK;Danemark;Denmark
DM;DMA;Dominique;Dominica
DO;DOM;République dominicaine;Dominican Republic
DZ;DZA;Algérie;Algeria
EC;ECU;Équateur;Ecuador
EE;EST;Estonie;Estonia
EG;EGY;Égypte;Egypt
EH;ESH;Sahara occidental;Western Sahara
ER;ERI;Érythrée;Eritrea
ES;ESP;Espagne;Spain
ET;ETH;Éthiopie;Ethiopia
EU;QUU;Union européenne;European Union
FI;FIN;Finlande;Finland
FJ;FJI;Fidji;Fiji
FK;FLK;Îles Malouines;Falkland Islands
FM;FSM;Micronésie;Micronesia
FO;FRO;Îles Féroé;Faroe Islands
FR;FRA FXX;France
GA;GAB;Gabon
GB;GBR;Royaume-Uni;United Kingdom
GD;GRD;Grenade;Grenada
GE;GEO;Géorgie;Georgia
GF;GUF;Guyane française;French Guiana
GG;GGY;Guernesey;Guernsey
GH;GHA;Ghana
GI;GIB;Gibraltar
GL;GRL;Groenland;Greenland
GM;GMB;Gambie;Gambia
GN;GIN;Guinée;Guinea
GP;GLP;Guadeloupe
GQ;GNQ;Guinée équatoriale;Equatorial Guinea
GR;GRC;Grèce;Greece
GS;SGS;Géorgie du Sud-et-les Îles Sandwich du Sud;South Georgia & South Sandwich Islands
GT;GTM;Guatemala
GU;GUM;Guam
GW;GNB;Guinée-Bissau;Guinea-Bissau
GY;GUY;Guyana
HK;HKG;R.A.S. chinoise de Hong Kong;Hong Kong SAR China
HM;HMD;Îles Heard-et-MacDonald;Heard & McDonald Islands
HN;HND;Honduras
HR;HRV;Croatie;Croatia
HT;HTI;Haïti;Haiti
HU;HUN;Hongrie;Hungary
ID;IDN;Indonésie;Indonesia
IE;IRL;Irlande;Ireland
IL;ISR;Israël;Israel
IM;IMN;Île de Man;Isle of Man
IN;IND;Inde;India
IO;IOT;Territoire britannique de l’océan Indien;British Indian Ocean Territory
IQ;IRQ;Irak;Iraq
IR;IRN;Iran
IS;ISL;Islande;Iceland
IT;ITA;Italie;Italy
JE;JEY;Jersey
JM;JAM;Jamaïque;Jamaica
JO;JOR;Jordanie;Jordan
JP;JPN;Japon;Japan
KE;KEN;Kenya
KG;KGZ;Kirghizstan;Kyrgyzstan
KH;KHM;Cambodge;Cambodia
KI;KIR;Kiribati
KM;COM;Comores;Comoros
KN;KNA;Saint-Christophe-et-Niévès;St. Kitts & Nevis
KP;PRK;Corée du Nord;North Korea
KR;KOR;Corée du Sud;South Korea
KW;KWT;Koweït;Kuwait
KY;CYM;Îles Caïmans;Cayman Islands
KZ;KAZ;Kazakhstan
LA;LAO;Laos
LB;LBN;Liban;Lebanon
LC;LCA;Sainte-Lucie;St. Lucia
LI;LIE;Liechtenstein
LK;LKA;Sri Lanka
LR;LBR;Liberia
LS;LSO;Lesotho
LT;LTU;Lituanie;Lithuania
LU;LUX;Luxembourg
LV;LVA;Lettonie;Latvia
LY;LBY;Libye;Libya
MA;MAR;Maroc;Morocco
MC;MCO;Monaco
MD;MDA;Moldavie;Moldova
ME;MNE;Monténégro;Montenegro
MF;MAF;Saint-Martin;St. Martin
MG;MDG;Madagascar
MH;MHL;Îles Marshall;Marshall Islands
MK;MKD;Macédoine du Nord;North Macedonia
ML;MLI;Mali
MM;BUR MMR;Myanmar (Birmanie);Myanmar (Burma)
MN;MNG;Mongolie;Mongolia
MO;MAC;R.A.S. chinoise de Macao;Macao SAR China
MP;MNP;Îles Mariannes du Nord;Northern Mariana Islands
MQ;MTQ;Martinique
MR;MRT;Mauritanie;Mauritania
MS;MSR;Montserrat
MT;MLT;Malte;Malta
MU;MUS;Maurice;Mauritius
MV;MDV;Maldives
MW;MWI;Malawi
MX;MEX;Mexique;Mexico
MY;MYS;Malaisie;Malaysia
MZ;MOZ;Mozambique
NA;NAM;Namibie;Namibia
NC;NCL;Nouvelle-Calédonie;New Caledonia
NE;NER;Niger
NF;NFK;Île Norfolk;Norfolk Island
NG;NGA;Nigeria
NI;NIC;Nicaragua
NL;NLD;Pays-Bas;Netherlands
NO;NOR;Norvège;Norway
NP;NPL;Népal;Nepal
NR;NRU;Nauru
NU;NIU;Niue
NZ;NZL;Nouvelle-Zélande;New Zealand
OM;OMN;Oman
PA;PAN;Panama
PE;PER;Pérou;Peru
PF;PYF;Polynésie française;French Polynesia
PG;PNG;Papouasie-Nouvelle-Guinée;Papua New Guinea
PH;PHL;Philippines
PK;PAK;Pakistan
PL;POL;Pologne;Poland
PM;SPM;Saint-Pierre-et-Miquelon;St. Pierre & Miquelon
PN;PCN;Îles Pitcairn;Pitcairn Islands
PR;PRI;Porto Rico;Puerto Rico
PS;PSE;Territoires palestiniens;Palestinian Territories
PT;PRT;Portugal
PW;PLW;Palaos;Palau
PY;PRY;Paraguay
QA;QAT;Qatar
RE;REU;La Réunion;Réunion
RO;ROU;Roumanie;Romania
RS;SRB;Serbie;Serbia
RU;RUS;Russie;Russia
RW;RWA;Rwanda
SA;SAU;Arabie saoudite;Saudi Arabia
SB;SLB;Îles Salomon;Solomon Islands
SC;SYC;Seychelles
SD;SDN;Soudan;Sudan
SE;SWE;Suède;Sweden
SG;SGP;Singapour;Singapore
SH;SHN;Sainte-Hélène;St. Helena
SI;SVN;Slovénie;Slovenia
SJ;SJM;Svalbard et Jan Mayen;Svalbard & Jan Mayen
SK;SVK;Slovaquie;Slovakia
SL;SLE;Sierra Leone
SM;SMR;Saint-Marin;San Marino
SN;SEN;Sénégal;Senegal
SO;SOM;Somalie;Somalia
SR;SUR;Suriname
SS;SSD;Soudan du Sud;South Sudan
ST;STP;Sao Tomé-et-Principe;São Tomé & Príncipe
SV;SLV;Salvador;El Salvador
SX;SXM;Saint-Martin (partie néerlandaise);Sint Maarten
SY;SYR;Syrie;Syria
SZ;SWZ;Eswatini
TA;TAA;Tristan da Cunha
TC;TCA;Îles Turques-et-Caïques;Turks & Caicos Islands
TD;TCD;Tchad;Chad
TF;ATF;Terres australes françaises;French Southern Territories
TG;TGO;Togo
TH;THA;Thaïlande;Thailand
TJ;TJK;Tadjikistan;Tajikistan
TK;TKL;Tokelau
TL;TLS TMP;Timor oriental;Timor-Leste
TM;TKM;Turkménistan;Turkmenistan
TN;TUN;Tunisie;Tunisia
TO;TON;Tonga
TR;TUR;Turquie;Türkiye
TT;TTO;Trinité-et-Tobago;Trinidad & Tobago
TV;TUV;Tuvalu
TW;TWN;Taïwan;Taiwan
TZ;TZA;Tanzanie;Tanzania
UA;UKR;Ukraine
UG;UGA;Ouganda;Uganda
UM;UMI;Îles mineures éloignées des États-Unis;U.S. Outlying Islands
US;USA;États-Unis;United States
UY;URY;Uruguay
UZ;UZB;Ouzbékistan;Uzbekistan
VA;VAT;État de la Cité du Vatican;Vatican City
VC;VCT;Saint-Vincent-et-les Grenadines;St. Vincent & Grenadines
VE;VEN;Venezuela
VG;VGB;Îles Vierges britanniques;British Virgin Islands
VI;VIR;Îles Vierges des États-Unis;U.S. Virgin Islands
VN;VNM;Viêt Nam;Vietnam
VU;VUT;Vanuatu
WF;WLF;Wallis-et-Futuna;Wallis & Futuna
WS;WSM;Samoa
XA;XAA;pseudo-accents;Pseudo-Accents
XB;XBB;pseudo-bidi;Pseudo-Bidi
XK;XKK;Kosovo
YE;YEM YMD;Yémen;Yemen
YT;MYT;Mayotte
ZA;ZAF;Afrique du Sud;South Africa
ZM;ZMB;Zambie;Zambia
ZW;ZWE;Zimbabwe
ZZ;ZZZ;région indéterminée;Unknown Region
"""


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Each code and name, folded (curly apostrophes as straight ones) -> the country's alpha-2 code."""
    found: dict[str, str] = {}
    for row in _TABLE.splitlines():
        alpha2, alpha3, *names = row.split(";")
        for word in (alpha2, *alpha3.split(), *names):
            found.setdefault(_key(word), alpha2)
    return found


def _key(text: str) -> str:
    return fold(str(text).replace("\u2019", "'"))


# a country's long form, as reports and their tables write it (« Royaume du Maroc », « République islamique de
# Mauritanie », « State of Libya »): it was no country, its published figures checked in no annex with the hint « add
# an annex for Royaume du Maroc »; and the abbreviations a table uses for its country (« RIM »)
_LONG_FORM = re.compile(r"^(?:royaume|republique|etat|emirat|sultanat|principaute|kingdom|republic|state|emirate|"
                        r"sultanate|principality)(?:\s+(?:islamique|arabe|democratique|populaire|federale|tunisienne|"
                        r"algerienne|libyenne|islamic|arab|democratic|people's|federal|hachemite|hashemite))*"
                        r"(?:\s+(?:du|de la|de l'|des|de|d'|of the|of))?\s*")
_ALIASES = {"rim": "MR"}
_ADJECTIVES = {"republique tunisienne": "TN", "tunisian republic": "TN", "republique algerienne": "DZ"}


def country_code(text: str) -> str:
    """The ISO alpha-2 code of a country written as its code ('MA', 'mar') or its French or English name ('Maroc',
    'Morocco'), or its long form (« Royaume du Maroc », « RIM »), case and accents ignored; '' for anything else."""
    key = _key(text)
    found = _countries().get(key) or _ALIASES.get(key) or _ADJECTIVES.get(key)
    if not found and (long_form := _LONG_FORM.match(key)) and long_form.end() < len(key):
        found = _countries().get(key[long_form.end():].strip(), "")
    return found or ""


def country_name(code: str, language: str = "fr") -> str:
    """The French (else English) name of an ISO alpha-2 code ('Maroc' / 'Morocco' for 'MA'); '' for an unknown code
    (an IATI transaction's recipient-country often names none)."""
    for row in _TABLE.splitlines():
        alpha2, _, *names = row.split(";")
        if alpha2 == code:
            return names[-1] if language == "en" else names[0]
    return ""


def same_country(written: str, countries) -> str:
    """'Maroc' for 'MA', 'MAR' or 'Morocco': the one of ``countries`` that ``written`` is the code (ISO 3166) or
    another language's name of; '' when none or several are (a table of codes beside an annex of names left the
    code's rows out of the annex, nothing said)."""
    code = country_code(written)
    same = [c for c in countries if code and country_code(c) == code]
    return same[0] if len(same) == 1 else ""


def country_prefixes(names: list[str]) -> list[str]:
    """A prefix per country, each other's distinct: its ISO code (MA Maroc, MR Mauritanie, TN Tunisie, EG Égypte);
    the name's first two letters made Maroc and Mauritanie both « MA », Tunisie « TU »."""
    prefixes = [country_code(c) or fold(c).replace(" ", "").upper()[:3] for c in names]
    if len(set(prefixes)) < len(prefixes):
        prefixes = [fold(c).replace(" ", "-").upper() for c in names]   # no code for some: their names
    return prefixes


# « à » and « de » before a country's French name, as a French sentence writes them: « au Sénégal », « en Guinée »,
# « en Côte d'Ivoire », « d'Égypte », « aux Comores », « à Madagascar » (a message said « à Sénégal », « de Égypte »)
_PLURAL = {"etats-unis", "emirats arabes unis", "pays-bas", "philippines", "comores", "maldives", "seychelles",
           "bahamas", "fidji", "samoa americaines"}
_NO_ARTICLE = {"madagascar", "maurice", "cuba", "haiti", "chypre", "malte", "singapour", "bahrein", "monaco",
               "sao tome-et-principe", "sainte-lucie", "trinite-et-tobago", "djibouti", "oman", "israel", "nauru",
               "tuvalu", "kiribati", "palaos", "saint-marin", "saint-kitts-et-nevis", "antigua-et-barbuda",
               "saint-vincent-et-les-grenadines", "hong kong", "macao", "taiwan"}
_MASCULINE_IN_E = {"mexique", "cambodge", "mozambique", "zimbabwe", "belize", "suriname"}


def french_preposition(name: str, preposition: str) -> str:
    """``preposition`` ('à' where, 'à la' to whom, 'de') and a country's French name as a sentence writes them:
    ('Sénégal', 'à') -> 'au Sénégal', ('Guinée', 'à') -> 'en Guinée', ('Guinée', 'à la') -> 'à la Guinée' (« elles
    appartiennent à la Guinée »), ('Égypte', 'de') -> "d'Égypte"; the name with the preposition as given for a name
    the table does not have as a French name (a region, a city: « à Dakar »), elided before a vowel."""
    key = _key(name)
    vowel = key[:1] in tuple("aeiouy")
    de = "d'" if vowel else "de "
    if key.startswith("iles ") or key in _PLURAL:
        return f"{'des' if preposition == 'de' else 'aux'} {name}"
    if key in _NO_ARTICLE or key not in _french_names():
        return f"{de}{name}" if preposition == "de" else f"à {name}"
    if vowel or (key.endswith("e") and key not in _MASCULINE_IN_E):
        return {"de": f"{de}{name}", "à": f"en {name}"}.get(preposition, f"à l'{name}" if vowel else f"à la {name}")
    return f"{'du' if preposition == 'de' else 'au'} {name}"


@lru_cache(maxsize=1)
def _french_names() -> frozenset[str]:
    return frozenset(_key(row.split(";")[2]) for row in _TABLE.splitlines())


def french_prepositions(text: str) -> str:
    """A French sentence built around a country's name with the preposition that name takes: « à Sénégal » ->
    « au Sénégal », « de Égypte » -> « d'Égypte », « en Maroc » -> « au Maroc », « appartiennent à Guinée » -> « à la
    Guinée » (the messages and the annex's notes put the name after a fixed « de » or « à »)."""
    return _prepositions().sub(_preposition, text) if any(p in text for p in (" de ", " à ", " au ", " du ", " en ")) \
        else text


def _preposition(m: re.Match[str]) -> str:
    kind = "de" if m[2] in ("de", "du") else "à la" if m[1] else "à"   # (appartenir à: to whom, not where)
    return (m[1] or "") + french_preposition(m[3], kind)


@lru_cache(maxsize=1)
def _prepositions() -> re.Pattern[str]:
    names = sorted((row.split(";")[2].replace("\u2019", "'") for row in _TABLE.splitlines()), key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)   # (« Guinée équatoriale » before « Guinée »)
    return re.compile(r"(?<![\w'’])(appartien\w* )?(de|du|à|au|en) (" + alternatives + r")(?![\w'’-])")
