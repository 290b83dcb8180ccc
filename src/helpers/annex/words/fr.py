"""Les mots de l'annexe en français (mêmes clés que en.py ; les {champs} sont remplis par words.say)."""

WORDS = {
    # the page: title block, table of contents, provenance (export)
    "kicker": "Annexe d'évaluation — {project}",
    "toc_title": "Sommaire",
    "provenance_title": "Provenance",
    "provenance_intro": "Fichiers et logiciels qui ont produit cette annexe (empreintes SHA-256).",
    "provenance_git": "Version du code (empreinte git)",
    "provenance_packages": "Bibliothèques",
    "provenance_generated": "Produite le",
    "provenance_uncommitted": " (+ modifications non enregistrées)",
    "provenance_no_git": "inconnue (pas un dépôt git)",
    "fact_project": "Projet",
    "fact_donor": "Bailleur",
    "fact_implementer": "Mise en œuvre",
    "fact_country": "Pays",
    "fact_period": "Période couverte",
    "fact_reporting_date": "Date de rapport",
    "fact_data": "Données",
    # the index of the annexes (index)
    "index_title": "Annexes d'évaluation",
    "index_annex": "Annexe",
    "index_physical_execution_rate": "Exécution physique",
    "index_financial_execution_rate": "Exécution financière",
    "index_women_share": "Part des femmes",
    "index_disagree": "Chiffres publiés en écart",
    "index_no_data": "l'annexe n'a pas de données pour ce chiffre",
    "index_truncated_one": "tronqué",
    "index_truncated_many": "tronqués",
    "index_none_published": "aucun",
    "index_unknown_sex": ("{annex}, {heading} : {share} des {counted} participants dont le sexe est connu ; {unknown} "
                          "autres, de sexe non renseigné, n'y sont pas comptés. Parmi tous, la part des femmes est "
                          "entre {low} (aucune femme parmi eux) et {high} (rien que des femmes)."),
    "index_truncated_meaning": ("Tronqué : un chiffre publié coupé après sa dernière décimale au lieu d'être arrondi "
                                "(1,65 pour 1,6552) ; il n'est pas compté en écart, l'annexe le montre à part."),
    "index_missing_title": "n.d. (non disponible) :",
    "index_missing_line": "{annex}, {heading} : {why}",
    # what moved since the previous annex (change)
    "change_points": " points",
    "change_from_zero": "de 0 à une valeur",
    "change_unrated": "non évalué",
    "change_more": " et {n} autres",
    "change_more_one": " et 1 autre",
    "change_at_least": "au moins ",   # a change from an earlier upper bound: at least what is shown
    "change_between_bounds": "non connue (deux bornes supérieures)",   # both upper bounds: any change
    # shared
    "yes": "oui",
    "no": "non",
    "list_separator": " ; ",
    "label_value": "{name} : {value}",
    # what a notebook's tables, figures and published figures say (annex: ctx.table, ctx.figure, published_check)
    "since": " ({day}\u00a0: {value})",
    "since_at_most": "au plus ",   # an earlier figure that was an upper bound (a cost per woman, sex not known)
    "rows_left_out_top": ("Les {shown} lignes affichées sont celles dont « {label} » est le plus élevé. "
                          "{left} {others} ; toutes figurent dans {xlsx} et {csv}."),
    "rows_left_out_first": ("Seules les {shown} premières lignes sont affichées. "
                            "{left} {others} ; toutes figurent dans {xlsx} et {csv}."),
    "rows_left_out_one": "autre ligne ne l'est pas",
    "rows_left_out_many": "autres lignes ne le sont pas",
    "not_recorded": "non renseigné dans les données de suivi, ou non calculable",
    "not_available": "n.d. (non disponible) : {reasons}.",
    "bars_left_out_one": "L'autre n'est pas représentée",
    "bars_left_out_many": "Les {n} autres ne sont pas représentées",
    "bars_left_out": " {others} ; toutes figurent dans {xlsx}.",
    "alt_item": "{label} ({value})",
    "alt_bars": "Diagramme en barres « {title} », {n} barres : la plus grande, {high} ; la plus petite, {low}.",
    "alt_stacked": "Barres empilées « {title} » ({parts}), {n} barres : le plus grand total, {high} ; le plus petit, "
                   "{low}.",
    "alt_estimates": "Estimations et leurs intervalles « {title} », {n} estimations : la plus élevée, {high} ; la "
                     "plus basse, {low}.",
    "alt_one": "{what} « {title} », une seule valeur : {item}.",
    "alt_equal": "{what} « {title} », {n} valeurs égales ({value}) : {labels}.",
    "alt_one_bars": "Diagramme en barres",
    "alt_one_stacked": "Barres empilées",
    "alt_one_estimates": "Estimation et son intervalle",
    "alt_curve": "Courbe « {title} » ({unit}) : de {first} en {first_month} à {last} en {last_month}{planned}.",
    "alt_curve_planned": " ; le rythme prévu y est de {planned}",
    "alt_overlap": "Histogrammes superposés « {title} » : {groups}{bounds}.",
    "alt_overlap_group": "{name}, {n} scores de {low} à {high} (médiane {median})",
    "alt_overlap_bounds": " ; bornes d'élagage {low} et {high}",
    "alt_event": "Écarts par période « {title} », avec leurs intervalles de confiance à 95 % : {series}{before}.",
    "alt_event_series": "{name}, {points}",
    "alt_event_point": "{period} : {value} ({low} à {high})",
    "alt_event_before": " ; le programme commence après {period}",
    "in_thousands": "En milliers de {currency}",
    "in_thousands_elided": "En milliers d'{currency}",
    "glyphs_missing": " Caractères des libellés que la figure ne sait pas dessiner (un carré à leur place) : {chars} ; "
                      "les tableaux les montrent.",
    "published_earlier": ("c'est le chiffre de l'annexe au {date} : si le rapport porte sur cette date, ajouter "
                          "la date à la clé (total@AAAA-MM-JJ) pour les chiffres de dépenses"),
    "published_earlier_not_dated": ("c'est le chiffre de l'annexe au {date} : si le rapport porte sur cette date, "
                                    "comparez-le à l'annexe de cette date (ce chiffre n'est recalculé qu'à la date "
                                    "de rapport)"),
    "published_off_by": "écart de {difference}",
    "published_not_bound": "{computed} n'est pas {bound} {printed}",
    "bound_>": "supérieur à", "bound_>=": "supérieur ou égal à", "bound_<": "inférieur à",
    "bound_<=": "inférieur ou égal à",
    "published_rounded": "arrondi, il vaudrait {value}",
    "published_fraction": "écrit comme une fraction de 1 : {value}",
    "published_percentage": "écrit en pourcentage d'une fraction de 1 : {value}",
    "published_of_participations": "part des participations, une personne venue à plusieurs événements comptée à chacun ; parmi les {persons} personnes distinctes : {value} (clé « persons »)",
    "published_sex_unknown": "part des participants dont le sexe est connu ({unknown} de sexe non renseigné laissés de côté) ; rapportée à tous les participants, sexe non renseigné compris : {value}",
    "published_target": "comparé à la cible de l'indicateur ({column} : {value}), pas à son taux de réalisation",
    "published_actual": "publié sans « % », c'est la valeur réalisée de l'indicateur (actual : {value}) : comparé à elle, pas à son taux de réalisation",
    "published_commitment": "le libellé parle d'engagements : les dépenses recalculées sont les décaissements (expenditure), pas les engagements",
    "published_no_percent": "sans « % » : lu comme un pourcentage, il serait conforme ; si le rapport imprime un pourcentage, écrire « {printed} % » (ou l'unité « % »)",
    "published_percent_sign": "écrit avec « % » : lu comme une fraction de 1 ({value}), il serait conforme ; si le rapport imprime « {printed} », il est faux ; s'il imprime la fraction, écrire la valeur sans « % »",
    "published_other_mark": "lu avec « {mark} » comme séparateur décimal, il serait conforme ({value}) : les chiffres du rapport sont-ils écrits avec le séparateur décimal de project.yaml (report_decimal_mark) ?",
    "published_upper_bound": "le chiffre recalculé est une borne supérieure : le sexe de certains participants n'est pas renseigné, le chiffre est donc au plus de {value} ; renseignez le sexe de chaque participant pour le vérifier",
    "published_margin": "publié avec une marge ou un intervalle (« {margin} ») : la valeur est comparée, pas lui",
    "published_above_just_under": ("le chiffre recalculé ({computed}) dépasse {printed}, et « près de », « presque » "
                                   "disent un chiffre un peu en dessous : écrire « environ » ou « plus de » si le "
                                   "rapport le dit, ou corriger le chiffre publié"),
    "published_within": "chiffre approché : écart de {difference}, dans la tolérance de ± {tolerance}",
    "published_beyond": "chiffre approché : écart de {difference}, au-delà de la tolérance de ± {tolerance}",
    # impact studies (studies)
    "study_method_naive": "Comparaison naïve (sans ajustement)",
    "study_method_ols": "Moindres carrés ordinaires",
    "study_method_ipw": "Pondération par le score de propension (IPW)",
    "study_method_regression": "Ajustement par régression",
    "study_method_aipw": "IPW augmenté (doublement robuste)",
    "study_estimand_att": "effet sur les traités (ATT)",
    "study_estimand_ate": "effet moyen sur tous (ATE)",
    "study_se_HC1": "robustes (HC1)",   # plural: « erreurs types robustes »
    "study_se_nonrobust": "classiques",
    "study_se_cluster": "par grappe (CRV1)",
    "study_se_gmm": "robustes (GMM, score estimé compris)",
    "study_short_naive": "naïve",
    "study_short_regression": "régression",
    "study_short_ipw": "IPW",
    "study_short_aipw": "AIPW",
    "study_ols_short": "MCO",
    "study_registration_prespecified": "pré-spécifié",
    "study_registration_exploratory": "exploratoire",
    "study_holm_caption": ("Effet retenu par l'étude ; IC à 95 % ; p ajustées par la méthode de Holm sur les "
                           "résultats de l'étude"),
    "study_holm_caption_primary": ("Effet retenu par l'étude ; IC à 95 % ; p ajustées par la méthode de Holm sur les "
                                   "résultats principaux (hors résultats exploratoires, dont la p n'est pas ajustée)"),
    "study_cohorts": ("Adoption échelonnée : les unités traitées commencent à des vagues différentes (colonne "
                      "« {column} »). L'effet ci-dessus compare la vague {post} à toutes les autres, regroupées comme "
                      "« avant le programme » : les unités déjà traitées à une vague antérieure y comptent comme non "
                      "traitées, et cette double différence est biaisée (Goodman-Bacon 2021). Le tableau suivant donne "
                      "la double différence de chaque cohorte (les unités dont le programme commence à la même vague) : "
                      "le changement de ses unités traitées entre leur dernière vague avant le programme et leur "
                      "première vague traitée, comparé à celui des unités jamais traitées sur les mêmes vagues "
                      "(moindres carrés ordinaires, sans covariables ni pondération ; erreurs types {se}), puis la "
                      "moyenne des cohortes pondérée par leur nombre d'unités traitées ({weights}) ; l'erreur type de "
                      "la moyenne vient des régressions des cohortes empilées, qui partagent les unités jamais traitées "
                      "(Callaway et Sant'Anna 2021)."),
    "study_cohorts_se_cluster": "regroupées par {cluster} (CRV1)",
    "study_cohorts_se_rows": "robustes (HC1)",
    "study_cohorts_left": "Unités traitées laissées de côté : {what}.",
    "study_cohorts_unplaced": "{n} (début non placé entre les vagues)",
    "study_cohorts_first_round": "{n} (traitement dès la première vague, aucune vague avant)",
    "study_cohorts_after_last": "{n} (début après la dernière vague)",
    "study_cohort": "cohorte {round}",
    "study_few_clusters_cohorts": ("Attention : les doubles différences de ces cohortes reposent sur moins de "
                                   "{limit} grappes, ou moins de {per_arm} avec des traités : {cohorts}. Leurs "
                                   "erreurs types par grappe (CRV1) sous-estiment l'incertitude : intervalles trop "
                                   "étroits, p trop petites. Lire ces lignes du tableau avec prudence."),
    "study_cohort_clusters": "{cohort} ({n} grappes, {treated} avec des traités)",
    "study_cohorts_mean": "moyenne pondérée",
    "study_lpm": ", modèle linéaire de probabilité",
    "study_term_value": "{name} : {value}",
    "study_caveat_did": ("Hypothèse de la différence de différences : sans le programme, les résultats des traités "
                         "auraient évolué comme ceux du groupe de comparaison (tendances parallèles). Rien ne le "
                         "prouve ; la vérification des tendances avant le programme peut seulement le contredire."),
    "study_caveat_did_adjusted": ("Hypothèse de la différence de différences : sans le programme, les résultats des "
                                  "traités auraient évolué comme ceux du groupe de comparaison (tendances "
                                  "parallèles), une fois ce groupe rendu semblable aux traités sur les covariables "
                                  "du score. Rien ne le prouve ; la vérification des tendances avant le programme "
                                  "peut seulement le contredire."),
    "study_caveat_random": ("Hypothèse : les deux groupes ne diffèrent que par le programme (comparaison tirée au "
                            "hasard). Si ce n'est pas le cas, la différence mesure aussi ce qui les distingue par "
                            "ailleurs."),
    "study_caveat_adjusted": ("Hypothèse : une fois pris en compte les covariables du score, rien d'autre ne "
                              "distingue les traités du groupe de comparaison (pas de facteur de confusion non "
                              "observé). Les données ne peuvent pas le vérifier : une motivation ou un réseau que "
                              "l'enquête ne mesure pas biaiserait l'estimation."),
    "study_methods_note": "Méthodes : {methods}. Erreurs types : {ses}.",
    "study_ess": ("Pondéré, le groupe de comparaison vaut {ess} unités (taille effective de Kish) pour ses {n} "
                  "lignes."),
    "study_ess_none": ("Taille effective (de Kish) du groupe de comparaison pondéré : n.d., pas d'estimation "
                       "pondérée : {why}."),
    "study_ess_few": ("Attention : c'est moins de {limit} : l'estimation pondérée repose sur quelques unités aux "
                      "poids très élevés, et ni elle ni son intervalle de confiance ne sont fiables ; les scores de "
                      "propension des deux groupes se recouvrent mal (figure de recouvrement plus bas). Restreindre "
                      "l'étude aux unités comparables (clé trim du fichier de l'étude) ou revoir les termes du "
                      "score."),
    "study_no_estimate": "l'estimation n'a pas pu être calculée (la colonne note de figures.csv dit pourquoi)",
    "study_no_estimate_trim": ("l'élagage des scores (clé trim du fichier de l'étude) vide un groupe ou n'y laisse "
                               "que trop peu de lignes"),
    "study_no_estimate_collinear": ("le score de propension ne peut être estimé : deux termes portent la même "
                                    "information, ou un terme sépare les groupes"),
    "study_no_estimate_separation": ("le score de propension sépare les groupes (des scores de 0 ou de 1 : des unités "
                                     "sans semblable dans l'autre groupe) ; restreindre l'étude aux unités comparables "
                                     "(clé trim) ou revoir les termes du score"),
    "study_no_estimate_rows": "trop peu de lignes dans un groupe",
    "study_few_clusters_groups": ("Attention : ces sous-groupes comptent moins de {limit} grappes (leur nombre "
                                  "entre parenthèses) : {groups}. Leurs erreurs types par grappe (CRV1) sous-estiment "
                                  "l'incertitude : intervalles trop étroits, p trop petites."),
    "study_few_rows": ("Attention : seulement {n} lignes dans le groupe {group}{when}. Avec moins de {limit} lignes "
                       "dans un groupe, les erreurs types {se} sous-estiment l'incertitude : les "
                       "intervalles de confiance sont trop étroits et les p trop petites. Lire les effets ci-dessous "
                       "avec prudence."),
    "study_few_rows_groups": ("Attention : dans ces sous-groupes, un groupe compte moins de {limit} lignes (le plus "
                              "petit entre parenthèses) : {groups}. Leurs erreurs types robustes (HC1) sous-estiment "
                              "l'incertitude : intervalles trop étroits, p trop petites."),
    "study_few_rows_se_gmm": ("robustes (HC1 pour la comparaison naïve, GMM pour l'effet ajusté, qui repose sur "
                              "les mêmes lignes)"),
    "study_panel": ("Échantillon de l'estimation : toutes les lignes disponibles, y compris celles des unités "
                    "qui n'ont une valeur du résultat que d'un côté du programme : le niveau de ces unités compte "
                    "dans le changement de leur groupe. Sur les unités observées avant et après le programme (panel "
                    "cylindré), la différence de différences sans ajustement est : {effects}."),
    "study_panel_effect": ("{outcome} {est} (IC 95 % {low} à {high} ; p {p} ; {n} unités ; hors panel : "
                           "{lost} avec une valeur avant seulement, {late} après seulement)"),
    "study_imbalance": ("Attention : sur {where}, les groupes diffèrent de plus de {limit} écart type : {terms}. "
                        "Au-delà de {limit}, un ajustement statistique ne suffit pas à rendre les groupes "
                        "comparables (What Works Clearinghouse) : l'effet estimé peut tenir à ces différences de "
                        "départ."),
    "study_imbalance_term": "{name} (d = {d})",
    "study_imbalance_outcome": ("Pour une différence de différences, un écart de départ sur le résultat rend "
                                "l'hypothèse de tendances parallèles moins plausible (un groupe parti plus bas "
                                "peut rattraper l'autre sans le programme : retour vers la moyenne)."),
    "study_panel_se": ("Attention : les erreurs types {se} traitent chaque ligne comme indépendante, alors que les "
                       "lignes d'une même unité ({unit}) ne le sont pas : l'erreur type de la différence de "
                       "différences, son intervalle et sa p en sont faussés (l'effet minimal détectable donné plus bas "
                       "est calculé avec l'erreur type en grappes par unité). En grappes "
                       "par unité (CRV1), la différence de différences sans ajustement a pour erreur type : "
                       "{effects}.{adjusted} Pour les retenir, donner dans la description de l'étude la valeur cluster à la clé "
                       "se et la valeur {column} à la clé cluster."),
    "study_assigned_by": ("Attention : chaque valeur de « {name} » ne compte qu'un groupe ({treated} avec les "
                          "traités, {comparison} avec le groupe de comparaison) : le traitement a été attribué par "
                          "{name}, et les erreurs types de l'étude ({se}) traitent les lignes d'une même valeur comme "
                          "indépendantes : les erreurs types, les intervalles, les p et l'effet minimal détectable "
                          "ci-dessous sont alors trop petits. En grappes par {name} (CRV1, loi de Student à {df} "
                          "degrés de liberté) : {effects}. Pour les retenir, donner dans la description de l'étude "
                          "la valeur cluster à la clé se et la valeur {column} à la clé cluster."),
    "study_assigned_by_effect": ("{outcome} ({method}) : erreur type {se} (IC 95 % {low} à {high} ; p {p}), {own} "
                                 "dans l'estimation de l'étude"),
    "study_lost_rows": "Lignes sans valeur du résultat (personnes non retrouvées, refus) : {outcomes}.",
    "study_lost_rows_outcome": ("{outcome}, {lt} traitées sur {nt} ({pt}) et {lc} de comparaison sur {nc} ({pc}) : "
                                "{attrition}"),
    # What Works Clearinghouse's two figures of attrition, which its standard reads together
    "study_attrition_wwc": "attrition globale {overall}, différentielle {differential} points de pourcentage",
    "study_lee_bounds": ("Attention : ces parts diffèrent entre les groupes. L'effet compare les moyennes des lignes "
                         "qui ont une valeur : si les personnes perdues diffèrent des autres (les moins bien payées "
                         "non retrouvées), il compare des personnes différentes. Bornes de Lee (2009 ; dans le "
                         "groupe qui a gardé le plus de lignes, la part en trop écartée par le haut puis par le "
                         "bas) : {bounds}."),
    "study_lee_bounds_outcome": "{outcome} de {low} à {high}",
    "study_joint_test_none": ("Ce test n'est pas calculable : {clusters} grappes pour {terms} termes de covariables ; "
                              "des erreurs types par grappe ne peuvent tester ensemble plus de termes que de grappes "
                              "moins une."),
    "study_joint_test_few": ("Attention : {clusters} grappes pour {terms} termes de covariables. Avec moins de 20 "
                             "grappes, ou moins de 5 par terme, ce test en grappes rejette bien trop souvent : des "
                             "groupes équilibrés y donnent souvent une petite p (avec 20 grappes et 8 termes, p < 0,05 "
                             "une fois sur trois). Lire plutôt les différences standardisées du tableau."),
    "study_panel_se_adjusted": " L'estimation de l'étude ({method}), en grappes par unité : {effects}.",
    "study_subgroup_se": "erreurs types {se}",
    "study_subgroup_se_unit": ("erreurs types par grappe (CRV1) sur l'unité ({unit}), et non {se} ligne par ligne : "
                               "les lignes d'une même unité ne sont pas indépendantes"),
    "study_subgroup_p_raw": ("Les p de ce tableau ne sont pas ajustées pour les tests multiples (celles des effets "
                             "retenus le sont, par la méthode de Holm sur les résultats de l'étude) : sur ses {n} "
                             "estimations par sous-groupe, une sur vingt serait sous 0,05 par le seul hasard. Elles "
                             "sont à lire comme exploratoires."),
    "study_subgroup_difference": ("L'effet diffère-t-il entre les sous-groupes ? Test d'interaction (F, erreurs types "
                                  "du tableau) que l'effet est le même dans chaque sous-groupe : {tests}. Une p faible "
                                  "dit que l'effet diffère ; qu'un sous-groupe ait une p faible et l'autre non ne le "
                                  "dit pas."),
    "study_subgroup_difference_item": "{outcome} selon {subgroup}",
    "study_subgroup_difference_none": "non testé (moins de deux sous-groupes où les deux groupes sont présents)",
    "study_classical_se": ("Attention : les erreurs types classiques (clé se, valeur classical) supposent que le résultat varie "
                           "autant dans chaque groupe ; les données le contredisent{binary}, et l'erreur type, "
                           "l'intervalle et la p de l'effet en sont faussés. Avec des erreurs types robustes (HC1), qui "
                           "ne le supposent pas : {effects}. Pour les retenir, donner la valeur robust à la clé se dans "
                           "la description de l'étude."),
    "study_classical_se_binary": (" (la variance d'un résultat 0/1 dépend de sa part, qui diffère entre les "
                                  "groupes)"),
    "study_classical_se_effect": ("{outcome} ({method}) : erreur type {se} au lieu de {own} (IC 95 % {low} à {high} ; "
                                  "p {p})"),
    "study_log_outcomes": ("Résultat en logarithme : son effet est une différence de logarithmes, pas un montant ; "
                           "en variation relative (100 × (exp(effet) − 1)) : {effects}."),
    "study_log_effect": "{outcome} {est}, soit {pct} % (IC 95 % {low} % à {high} %)",
    "study_pretrend_by_unit": " (erreurs types par grappe sur l'unité : les lignes d'une même unité ne sont pas indépendantes)",
    "study_panel_se_effect": "{outcome} {se} (IC 95 % {low} à {high} ; p {p} ; {own} ligne par ligne)",
    "study_group_treated": "traité",
    "study_group_comparison": "de comparaison",
    "study_group_before": ", avant le programme",
    "study_group_after": ", après le programme",
    "study_few_clusters": ("Attention : {n} grappes « {name} » ({treated} avec des traités, {comparison} avec le "
                           "groupe de comparaison). Avec moins de {limit} grappes, ou moins de {per_arm} dans l'un "
                           "des groupes, les erreurs types par grappe (CRV1) sous-estiment l'incertitude, même avec la "
                           "loi de Student à {df} degrés de liberté (les grappes moins une) dont leurs intervalles "
                           "et leurs p sont tirés : les "
                           "intervalles de confiance sont trop étroits et les p trop petites. Lire les effets "
                           "ci-dessous avec prudence."),
    "study_one_cluster": (" Tout le groupe {arm} est dans une seule grappe : l'effet ne peut être distingué du "
                          "niveau propre de cette grappe, et une erreur type par grappe ne peut le mesurer ; "
                          "l'estimation est donnée sans erreur type, intervalle ni p."),
    "study_icc_one_arm": ("Corrélation intra-grappe ({outcomes}) : lignes du groupe {arm} seules, l'autre groupe "
                          "étant dans une seule grappe (qui ne donne aucune variance entre grappes) ; pas d'effet "
                          "minimal détectable avec elle, comme pas d'erreur type."),
    "study_icc_missing": "non estimée : une ligne par grappe, ou un groupe dans une seule grappe",
    "study_one_cluster_treated": "traité",
    "study_one_cluster_comparison": "de comparaison",
    "study_covariates_none": "L'étude ne déclare aucune covariable : ni tableau d'équilibre ni ajustement.",
    "study_covariates_balance": ("Les covariables ({covariates}) servent seulement à décrire l'équilibre des "
                                 "groupes : l'effet estimé ne les prend pas en compte (ajustement : aucun)."),
    "study_covariates_regression": ("Les covariables ({covariates}) entrent dans le modèle de l'effet (ajustement "
                                    "par régression) ; une covariable en texte y entre par une indicatrice par "
                                    "valeur, la première servant de référence."),
    "study_covariates_score": ("Les covariables du score de propension ({terms}) servent à pondérer le groupe de "
                               "comparaison pour qu'il ressemble aux traités ; une covariable en texte y entre par "
                               "une indicatrice par valeur."),
    "study_design_did": ("Différence de différences : évolution des traités moins celle du groupe de comparaison, "
                         "avant et après le programme."),
    "study_design_groups": "Deux groupes : traités contre comparaison.",
    "study_design_randomised": (" Le groupe de comparaison a été tiré au hasard : l'effet est celui de l'intention "
                                "de traiter (chaque unité comptée dans le groupe où le tirage l'a placée)."),
    "study_design_registry": " Étude enregistrée : {registry}.",
    "study_periods": "Périodes observées : {before} avant le programme ; {after} après.",
    "study_periods_none": "aucune",
    "study_sample_baseline": "la dernière ligne de chaque unité ({unit}) avant le programme",
    "study_sample_pre": "les lignes d'avant le programme",
    "study_sample_all": "toutes les lignes",
    # beneficiary surveys (surveys)
    "survey_label_fallback": ("Le formulaire n'a pas de libellés en {wanted} : ses questions et réponses "
                              "sont montrées avec ses libellés « {shown} »."),
    "survey_language_fr": "français",
    "survey_language_en": "anglais",
    "survey_answered": "{n} personnes ont répondu.",
    "survey_zero_weight": ("Parmi elles, {n} ont un poids nul (hors de la population étudiée) : elles ne comptent dans "
                           "aucune estimation ni aucun effectif, mais restent dans le calcul de la variance de leur "
                           "strate, comme le fait le paquet survey de R."),
    "survey_rejected": ("Soumissions marquées « non approuvées » à la vérification dans la plateforme de collecte, "
                        "écartées de toutes les estimations : {n}."),
    "survey_before_fieldwork": ("Soumissions faites avant le premier jour de l'enquête ({date}), essais du "
                                "formulaire, écartées de toutes les estimations : {n}."),
    "survey_strata": "L'échantillon est stratifié par « {name} » ({count} strates) : chaque strate est tirée séparément.",
    "survey_clusters": ("Il est tiré par grappes « {name} » ({count} grappes) : les personnes d'une même grappe se "
                        "ressemblent, ce qui élargit les intervalles de confiance."),
    "survey_no_clusters": "Les personnes sont tirées une à une (sans grappes).",
    "survey_weighted": ("Chaque réponse est pondérée (« {name} ») ; les poids représentent une population de "
                        "{population} personnes."),
    "survey_weighted_left_out": ("Avec les {n} soumissions écartées, les poids représentaient {population} "
                                 "personnes : les totaux estimés ne comptent pas la part de la population que "
                                 "représentaient leurs poids (les poids des réponses retenues ne sont pas "
                                 "redressés)."),
    "survey_weighted_fpc": ("Le fichier ne donne pas de poids : chaque réponse est pondérée par la population de sa "
                            "strate (« {name} ») divisée par le nombre d'unités tirées dans la strate ; les poids "
                            "représentent une population de {population} personnes."),
    "survey_weighted_relative": ("Chaque réponse est pondérée (« {name} ») ; les poids sont relatifs (leur somme "
                                 "est le nombre de répondants) : ils ne disent pas combien de personnes chaque "
                                 "répondant représente."),
    "survey_answered_one": "1 personne a répondu.",
    "survey_zero_weight_one": "Parmi elles, 1 a un poids nul (hors de la population étudiée) : elle ne compte dans aucune estimation ni aucun effectif, mais reste dans le calcul de la variance de sa strate, comme le fait le paquet survey de R.",
    "survey_strata_one": "L'échantillon a une seule strate, « {name} » : il est tiré d'un seul bloc.",
    "survey_weighted_left_out_one": "Avec la soumission écartée, les poids représentaient {population} personnes : les totaux estimés ne comptent pas la part de la population que représentait son poids (les poids des réponses retenues ne sont pas redressés).",
    "survey_without_subgroup": ("Répondants sans réponse à « {name} », comptés dans « Ensemble » et dans aucun de "
                                "ses sous-groupes : {n}."),
    "survey_all_zero_not_asked": ("« {name} » : les {n} répondants qui ont répondu « {value} » à « {control} » ont 0 "
                                  "à toutes les options et aucune réponse (cases vides remplies de 0) : ils sont lus "
                                  "comme non interrogés, et ses parts sont calculées parmi les autres répondants."),
    "survey_all_zero_counted": ("« {name} » : {n} répondants ont 0 à toutes les options et aucune réponse, et aucun "
                                "n'a ses options vides (non interrogé) : ils sont comptés comme interrogés n'ayant "
                                "choisi aucune option, dans le dénominateur de ses parts ; s'ils n'ont pas été "
                                "interrogés, ses parts sont sous-estimées."),
    "survey_nd": "« {name} » ({group}) : {cells}n.d., {why}.",
    "survey_and": " et ",
    "survey_cell_se": "erreur type",
    "survey_cell_ci": "intervalle de confiance",
    "survey_cell_deff": "effet de plan",
    "survey_nd_no_answer": "car personne de ce sous-groupe n'a répondu à la question",
    "survey_nd_zero_denominator": ("car « {per} » vaut 0 dans chacune de ses {n} réponses : le ratio n'existe pas "
                                   "(division par 0)"),
    "survey_nd_zero_denominator_one": ("car « {per} » vaut 0 dans sa seule réponse : le ratio n'existe pas (division "
                                       "par 0)"),
    "survey_nd_single_answer": "car une seule réponse ne dit rien de la variance",
    "survey_nd_single_unit": ("car le sous-groupe n'a qu'une seule unité tirée : la variance ne peut pas y être "
                              "mesurée (0 degré de liberté)"),
    "survey_nd_single_unit_cluster": ("car le sous-groupe est tout entier dans une seule grappe (« {unit} ») : la "
                                      "variance ne peut pas y être mesurée (0 degré de liberté)"),
    "survey_nd_answers_one_unit": ("car toutes ses réponses viennent d'une seule unité tirée : la variance entre "
                                   "unités ne peut pas y être mesurée"),
    "survey_nd_answers_one_unit_cluster": ("car toutes ses réponses viennent d'une seule grappe (« {unit} ») : la "
                                           "variance entre grappes ne peut pas y être mesurée"),
    "survey_nd_no_interval": "car l'estimation repose sur 0 degré de liberté : pas d'intervalle",
    "survey_nd_no_variance": ("car une part de 0 % ou de 100 % n'a de variance ni dans le plan ni dans un tirage "
                              "aléatoire simple (0/0)"),
    "survey_nd_deff": "car la variance d'un tirage aléatoire simple n'est pas calculable ici",
    "survey_small_n": ("Estimations reposant sur moins de {limit} réponses (colonne « Nombre », {smallest} au "
                       "moins) : {count}. Leurs intervalles sont larges et moins sûrs : à lire avec prudence."),
    "survey_not_weighted": ("Les réponses ne sont pas pondérées : l'échantillon est traité comme un tirage "
                            "aléatoire simple."),
    "survey_fpc": "La correction pour population finie est appliquée.",
    "survey_method_note": ("Estimations tenant compte du plan de sondage (poids, strates, grappes) : erreurs types "
                           "par linéarisation de Taylor, intervalles de confiance à 95 % (loi de Student, degrés de "
                           "liberté du plan ; pour une part, intervalle logit ; pour une part de 0 % ou de 100 %, "
                           "qui n'a pas de variance dans le plan, intervalle exact de Clopper-Pearson sur ses n "
                           "réponses). L'effet de plan compare la variance obtenue à celle d'un sondage aléatoire "
                           "simple de même taille : au-delà de 1, le plan élargit l'intervalle. Un sous-groupe est "
                           "estimé comme un domaine, dans le plan entier. Nombre : réponses utilisées."),
    "survey_missing_codes": ("Les réponses {codes} sont des codes « ne sait pas » ou « refus » (déclarés pour "
                             "l'enquête) : elles sont lues comme des non-réponses."),
    "survey_everyone": "Ensemble",
    "survey_stat_mean": "Moyenne",
    "survey_stat_total": "Total",
    "survey_stat_share": "Part",
    "survey_stat_ratio": "Ratio",
    "survey_ratio_of": "{name} par {per}",
    "survey_disability_share": ("Part des personnes en situation de handicap (au moins un domaine du Washington "
                                "Group avec « beaucoup de difficulté » ou « ne peut pas du tout ») : {value} "
                                "(IC 95 % {low} à {high})."),
    "survey_women_share": "Part des femmes : {value} (IC 95 % {low} à {high}).",
    # the figures sheet of the Excel workbook (excel)
    "figures_column_section": "Section",
    "figures_column_metric": "Mesure",
    "figures_sheet": "Chiffres",
    "figures_column_key": "Clé (code)",
    "figures_column_key_words": "Clé en clair",
    "figures_key_average": "moyenne des cohortes",
    "figures_key_weighted": "pondéré",
    "figures_key_mean": "moyenne",
    "figures_key_share": "part",
    "figures_key_at": "{what} au {day}",
    "figures_column_value": "Valeur",
    "figures_column_unit": "Unité",
    "figures_column_n": "N",
    "figures_column_se": "Erreur type",
    "figures_column_ci_low": "IC bas",
    "figures_column_ci_high": "IC haut",
    "figures_column_p_value": "p",
    "figures_column_reported": "Publié",
    "figures_column_status": "Statut",
    "figures_column_note": "Note technique (en anglais, comme figures.csv)",
    "figures_column_previous": "Annexe précédente",
    "figures_column_previous_date": "Date de l'annexe précédente",
    "figures_column_why": "Pourquoi non calculable",
    # the Word document (word)
    "word_toc": "Sommaire",
    "word_page": "Page",
    "word_of": "sur",
    # make check and make annexes (pipeline.check, pipeline.messages): the project's language
    "check_where_row": "ligne",
    "check_where_column": "colonne",
    "check_where_key": "clé",
    "check_where_cell": "cellule",
    "check_where_value": "valeur",
    "check_where_colon": " :",   # (after the place, and before the value)
    "check_errors": "Erreurs (à corriger) :",
    "check_warnings": "Avertissements (à vérifier) :",
    "check_ok": "OK",
    "check_not_ready": "PAS PRÊT",
    "check_error_one": "{n} erreur",
    "check_error_many": "{n} erreurs",
    "check_warning_one": "{n} avertissement",
    "check_warning_many": "{n} avertissements",
    "check_verdict": "{project} : {verdict} - {errors}, {warnings}.",
    "check_every_problem": " Tous les problèmes : {path}.",
    "check_more_row": "... et {n} autre ligne de {file} avec le même problème [{rule}]",
    "check_more_rows": "... et {n} autres lignes de {file} avec le même problème [{rule}]",
    "check_see": " : voir {path}",
    "check_more_like": " (et {n} autre(s) semblable(s))",
    "check_more_like_files": " (et {n} autre(s) semblable(s), dans {files} fichiers)",
    "check_no_project": "Aucun projet trouvé : ajoutez params/<projet>/project.yaml et data/<projet>/ (voir "
                        "data/README.md).",
    "check_projects_checked": "{n} projets vérifiés, {failed} avec des erreurs.",
    "check_list_unwritten": "La liste des problèmes n'a pas pu être écrite dans {path}/ ({why}) : rendez {build}/ "
                            "accessible en écriture, ou supprimez-le.",
    "build_no_annex": "Aucune annexe à construire : ajoutez params/<projet>/project.yaml et un <annexe>.yaml par "
                      "annexe (cherché dans {path}).",
    "check_build_errors": "Projet '{project}' : {n} problème(s) dans les données ; aucune de ses annexes n'a été "
                          "construite.",
    "check_build_warnings": "Projet '{project}' : {n} avertissement(s) dans les données ; ses annexes sont "
                            "construites avec. `make check PROJECT={project}` les liste un à un avec quoi faire :",
    "new_created": "Projet '{project}' créé :",
    "new_nothing": "Rien n'a été créé :",
    "new_next": "Ensuite : remplissez les valeurs vides de params/{project}/project.yaml, mettez vos lignes dans les "
                "tables de data/{project}/ (data/README.md dit ce que contient chaque colonne), puis lancez : make "
                "check PROJECT={project}",
    "new_iati_next": "Vérifiez params/{project}/project.yaml (titre, dates, date de rapport), puis : make annexes "
                     "PROJECT={project}",
    "build_building": "Construction de {n} annexe(s) sur {total} avec {jobs} processus, {notebooks} notebook(s) "
                      "chacune ; délai de {timeout} s par cellule.",
    "build_built": "{built} annexe(s) construite(s), {failed} en échec, {current} déjà à jour ; {seconds} s en tout.",
    "build_failed": "ÉCHEC  ",
    "build_failed_after": "ÉCHEC après {seconds} s",
    "build_undrawn": ("attention : {n} texte(s) de l'annexe en une écriture que la police des figures ({font}) ne "
                      "dessine pas : ils s'impriment en carrés dans les figures, et dans le HTML, le PDF ou le Word "
                      "d'un ordinateur sans police pour cette écriture : {texts}. Écrire ces libellés en caractères "
                      "latins (ou les traduire) dans les données pour qu'ils se lisent partout"),
    "build_undrawn_text": "« {text} » ({script})",
    "build_retry": "le noyau n'a pas démarré ({error}) ; nouvel essai",
    "build_interrupted": "Interrompu : arrêt des processus ; les annexes non finies gardent leurs fichiers précédents.",
    "build_failed_keep": "Les annexes en échec gardent leurs fichiers précédents, s'il y en avait.",
    "build_not_built": "  NON CONSTRUIT  projet '{project}' : ses données ont des erreurs (listées ci-dessus ; make "
                       "check PROJECT={project} les liste à nouveau). Ses annexes gardent leurs fichiers précédents, "
                       "s'il y en avait.",
    "build_fix": "Corrigez les problèmes ci-dessus (make check les liste à nouveau), puis relancez la construction.",
    "build_nothing": "Rien à faire : les {n} annexe(s) sont à jour dans {path}/ ({seconds} s).",
    "build_none_built": "Aucune annexe construite : {n} annexe(s) à jour.",
    "build_nothing_left": "Plus rien à faire : une autre construction a mis les annexes à jour.",
    "build_waiting": "Une autre construction est en cours dans ce dossier ; attente de sa fin...",
    "index_failed": "Pas à jour : {annexes} : la dernière construction de chacune a échoué (make annexes a dit "
                    "pourquoi ; son notebook est gardé dans build/failed/), et ses fichiers sont ceux d'une "
                    "construction antérieure, des données d'alors. Corrigez les données ou le notebook et relancez "
                    "la construction avant de l'envoyer.",
    "index_stale": "Non listées : {annexes}, construites d'un fichier d'annexe que params/ n'a plus (renommé ou "
                   "supprimé) : elles ne sont plus reconstruites, leurs chiffres sont ceux d'une construction "
                   "antérieure. Supprimez-les de build/annexes/ (ou make clean) si elles ne sont pas à diffuser.",
}
