"""The annex's words in English (the same keys as fr.py; {placeholders} filled by words.say)."""

WORDS = {
    # the page: title block, table of contents, provenance (export)
    "kicker": "Evaluation annex — {project}",
    "toc_title": "Contents",
    "provenance_title": "Provenance",
    "provenance_intro": "Files and software that produced this annex (SHA-256 fingerprints).",
    "provenance_git": "git commit",
    "provenance_packages": "packages",
    "provenance_generated": "generated",
    "provenance_uncommitted": " (+ uncommitted changes)",
    "provenance_no_git": "unknown (not a git checkout)",
    "fact_project": "Project",
    "fact_donor": "Donor",
    "fact_implementer": "Implemented by",
    "fact_country": "Country",
    "fact_period": "Period covered",
    "fact_reporting_date": "Reporting date",
    "fact_data": "Data",
    # the index of the annexes (index)
    "index_title": "Evaluation annexes",
    "index_annex": "Annex",
    "index_physical_execution_rate": "Physical execution",
    "index_financial_execution_rate": "Financial execution",
    "index_women_share": "Women's share",
    "index_disagree": "Published figures that disagree",
    "index_no_data": "the annex has no data for this figure",
    "index_truncated_one": "truncated",
    "index_truncated_many": "truncated",
    "index_none_published": "none",
    "index_unknown_sex": ("{annex}, {heading}: {share} of the {counted} participants whose sex is known; {unknown} "
                          "others, of unknown sex, are not counted in it. Among all of them, the women's share is "
                          "between {low} (no woman among them) and {high} (all women)."),
    "index_truncated_meaning": ("Truncated: a published figure cut after its last decimal instead of rounded (1.65 "
                                "for 1.6552); it is not counted as disagreeing, the annex shows it apart."),
    "index_missing_title": "n/a (not available):",
    "index_missing_line": "{annex}, {heading}: {why}",
    # what moved since the previous annex (change)
    "change_points": " points",
    "change_from_zero": "from 0",
    "change_unrated": "not rated",
    "change_more": " and {n} more",
    "change_more_one": " and 1 more",
    "change_at_least": "at least ",   # a change from an earlier upper bound: at least what is shown
    "change_between_bounds": "not known (two upper bounds)",   # both upper bounds: any change
    # shared
    "yes": "yes",
    "no": "no",
    "list_separator": "; ",
    "label_value": "{name}: {value}",
    # what a notebook's tables, figures and published figures say (annex: ctx.table, ctx.figure, published_check)
    "since": " ({day}: {value})",
    "since_at_most": "at most ",   # an earlier figure that was an upper bound (a cost per woman, sex not known)
    "rows_left_out_top": ("The {shown} rows shown are those with the highest '{label}'. "
                          "{left} {others}; every row is in {xlsx} and {csv}."),
    "rows_left_out_first": ("Only the first {shown} rows are shown. "
                            "{left} {others}; every row is in {xlsx} and {csv}."),
    "rows_left_out_one": "more row is left out",
    "rows_left_out_many": "more rows are left out",
    "not_recorded": "not recorded in the monitoring data, or not computable",
    "not_available": "n/a (not available): {reasons}.",
    "bars_left_out_one": "{n} more is not drawn",
    "bars_left_out_many": "{n} more are not drawn",
    "bars_left_out": " {others}; all are in {xlsx}.",
    "alt_item": "{label} ({value})",
    "alt_bars": "Bar chart '{title}', {n} bars: the largest, {high}; the smallest, {low}.",
    "alt_stacked": "Stacked bars '{title}' ({parts}), {n} bars: the largest total, {high}; the smallest, {low}.",
    "alt_estimates": "Estimates with their intervals '{title}', {n} estimates: the highest, {high}; the lowest, "
                     "{low}.",
    "alt_one": "{what} '{title}', one value: {item}.",
    "alt_equal": "{what} '{title}', {n} equal values ({value}): {labels}.",
    "alt_one_bars": "Bar chart",
    "alt_one_stacked": "Stacked bars",
    "alt_one_estimates": "Estimate with its interval",
    "alt_curve": "Curve '{title}' ({unit}): from {first} in {first_month} to {last} in {last_month}{planned}.",
    "alt_curve_planned": "; the planned pace is then {planned}",
    "alt_overlap": "Overlaid histograms '{title}': {groups}{bounds}.",
    "alt_overlap_group": "{name}, {n} scores from {low} to {high} (median {median})",
    "alt_overlap_bounds": "; trimming bounds {low} and {high}",
    "alt_event": "Gaps by period '{title}', with their 95% confidence intervals: {series}{before}.",
    "alt_event_series": "{name}, {points}",
    "alt_event_point": "{period}: {value} ({low} to {high})",
    "alt_event_before": "; the programme starts after {period}",
    "in_thousands": "{currency} thousands",
    "in_thousands_elided": "{currency} thousands",
    "glyphs_missing": " Characters of the labels the figure cannot draw (a box in their place): {chars}; the tables "
                      "show them.",
    "published_earlier": ("it is the figure of the annex at {date}: if the report is about that date, add the "
                          "date to the key (total@YYYY-MM-DD) for spending figures"),
    "published_earlier_not_dated": ("it is the figure of the annex at {date}: if the report is about that date, "
                                    "compare it with that date's annex (this figure is recomputed at the reporting "
                                    "date only)"),
    "published_off_by": "off by {difference}",
    "published_not_bound": "{computed} is not {bound} {printed}",
    "bound_>": "above", "bound_>=": "at least", "bound_<": "below", "bound_<=": "at most",
    "published_rounded": "rounded, it would be {value}",
    "published_fraction": "written as a fraction of 1: {value}",
    "published_percentage": "written as a percentage of a fraction of 1: {value}",
    "published_of_participations": "share of the participations, a person at several events counted at each; of the {persons} distinct persons: {value} (key 'persons')",
    "published_sex_unknown": "share of the participants whose sex is recorded ({unknown} of unknown sex left out); over all the participants, those of unknown sex included: {value}",
    "published_target": "compared with the indicator's target ({column}: {value}), not its achievement rate",
    "published_actual": "printed without '%', it is the indicator's actual value (actual: {value}): compared with it, not with its achievement rate",
    "published_commitment": "the label speaks of commitments: the spending recomputed is what was paid out (expenditure), not what was committed",
    "published_no_percent": "without '%': read as a percentage, it would match; if the report prints a percentage, write '{printed} %' (or the unit '%')",
    "published_percent_sign": "written with '%': read as a fraction of 1 ({value}), it would match; if the report prints '{printed}', it is wrong; if it prints the fraction, write the value without '%'",
    "published_other_mark": "read with '{mark}' as the decimal mark, it would match ({value}): are the report's figures written with project.yaml's decimal mark (report_decimal_mark)?",
    "published_upper_bound": "the recomputed figure is an upper bound: the sex of some participants is not recorded, so the figure is at most {value}; record the sex of every participant to check it",
    "published_margin": "printed with a margin or an interval ('{margin}'): the value is compared, not it",
    "published_above_just_under": ("the figure computed ({computed}) is above {printed}, and « nearly », « almost » "
                                   "say a figure just under it: write « about » or « more than » if the report says "
                                   "so, or correct the published figure"),
    "published_within": "approximate figure: off by {difference}, within the tolerance of ± {tolerance}",
    "published_beyond": "approximate figure: off by {difference}, beyond the tolerance of ± {tolerance}",
    # impact studies (studies)
    "study_method_naive": "Naive comparison (no adjustment)",
    "study_method_ols": "Ordinary least squares",
    "study_method_ipw": "Propensity-score weighting (IPW)",
    "study_method_regression": "Regression adjustment",
    "study_method_aipw": "Augmented IPW (doubly robust)",
    "study_estimand_att": "effect on the treated (ATT)",
    "study_estimand_ate": "average effect on everyone (ATE)",
    "study_se_HC1": "robust (HC1)",
    "study_se_nonrobust": "classical",
    "study_se_cluster": "cluster-robust (CRV1)",
    "study_se_gmm": "robust (GMM, estimated score included)",
    "study_short_naive": "naive",
    "study_short_regression": "regression",
    "study_short_ipw": "IPW",
    "study_short_aipw": "AIPW",
    "study_ols_short": "OLS",
    "study_registration_prespecified": "pre-specified",
    "study_registration_exploratory": "exploratory",
    "study_holm_caption": "The study's estimate; 95% CI; p-values adjusted by Holm's method over the study's outcomes",
    "study_holm_caption_primary": ("The study's estimate; 95% CI; p-values adjusted by Holm's method over the primary "
                                   "outcomes (the exploratory ones left out, their p not adjusted)"),
    "study_cohorts": ("Staggered adoption: the treated units start at different rounds (column « {column} »). The "
                      "effect above compares round {post} with all the others, pooled as « before the programme »: "
                      "units already treated at an earlier round count there as untreated, and that "
                      "difference-in-differences is biased (Goodman-Bacon 2021). The next table gives each cohort's "
                      "difference-in-differences (the units whose programme starts at the same round): the change of "
                      "its treated units from their last round before the programme to their first round treated, "
                      "against that of the units never treated over the same rounds (ordinary least squares, no "
                      "covariates or weights; {se} standard errors), then the cohorts' mean weighted by their treated "
                      "units ({weights}); the mean's standard error comes from the cohorts' regressions stacked, which "
                      "share the units never treated (Callaway and Sant'Anna 2021)."),
    "study_cohorts_se_cluster": "clustered by {cluster} (CRV1)",
    "study_cohorts_se_rows": "robust (HC1)",
    "study_cohorts_left": "Treated units left out: {what}.",
    "study_cohorts_unplaced": "{n} (no one start placed between the rounds)",
    "study_cohorts_first_round": "{n} (treated from the first round, no round before)",
    "study_cohorts_after_last": "{n} (start after the last round)",
    "study_cohort": "cohort {round}",
    "study_few_clusters_cohorts": ("Caution: these cohorts' difference-in-differences rest on fewer than {limit} "
                                   "clusters, or fewer than {per_arm} with treated units: {cohorts}. Their clustered "
                                   "standard errors (CRV1) understate the uncertainty: intervals too narrow, p too "
                                   "small. Read these rows of the table with caution."),
    "study_cohort_clusters": "{cohort} ({n} clusters, {treated} with treated units)",
    "study_cohorts_mean": "weighted mean",
    "study_lpm": ", linear probability model",
    "study_term_value": "{name}: {value}",
    "study_caveat_did": ("Assumption of difference-in-differences: without the programme, the treated's outcomes "
                         "would have moved like the comparison group's (parallel trends). Nothing proves it; the "
                         "check of the trends before the programme can only contradict it."),
    "study_caveat_did_adjusted": ("Assumption of difference-in-differences: without the programme, the treated's "
                                  "outcomes would have moved like the comparison group's (parallel trends), once "
                                  "that group is made to resemble the treated on the score's covariates. Nothing "
                                  "proves it; the check of the trends before the programme can only contradict "
                                  "it."),
    "study_caveat_random": ("Assumption: the two groups differ only by the programme (a comparison drawn at "
                            "random). If not, the difference also measures whatever else sets them apart."),
    "study_caveat_adjusted": ("Assumption: once the score's covariates are accounted for, nothing else sets the "
                              "treated apart from the comparison group (no unobserved confounder). The data cannot "
                              "check this: a motivation or a network the survey does not measure would bias the "
                              "estimate."),
    "study_methods_note": "Methods: {methods}. Standard errors: {ses}.",
    "study_ess": "Weighted, the comparison group is worth {ess} units (Kish's effective size) for its {n} rows.",
    "study_ess_none": "Weighted comparison group's effective size (Kish): n.d., no weighted estimate: {why}.",
    "study_ess_few": ("Caution: that is fewer than {limit}: the weighted estimate rests on a few units with very "
                      "large weights, and neither it nor its confidence interval can be relied on; the propensity "
                      "scores of the two groups overlap poorly (overlap figure below). Restrict the study to "
                      "comparable units (the study file's trim key) or revise the score's terms."),
    "study_no_estimate": "the estimate could not be computed (figures.csv's note column says why)",
    "study_no_estimate_trim": ("trimming the scores (the study file's trim key) empties a group or leaves too few "
                               "rows in it"),
    "study_no_estimate_collinear": ("the propensity score cannot be estimated: two terms carry the same information, "
                                    "or a term separates the groups"),
    "study_no_estimate_separation": ("the propensity score separates the groups (scores of 0 or 1: units with no "
                                     "counterpart in the other group); restrict the study to comparable units (trim "
                                     "key) or revise the score's terms"),
    "study_no_estimate_rows": "too few rows in a group",
    "study_few_clusters_groups": ("Caution: these subgroups have fewer than {limit} clusters (their number in "
                                  "brackets): {groups}. Their clustered standard errors (CRV1) understate the "
                                  "uncertainty: intervals too narrow, p-values too small."),
    "study_few_rows": ("Caution: only {n} rows in the {group} group{when}. Below {limit} rows in a group, {se} "
                       "standard errors understate the uncertainty: the confidence intervals are too narrow "
                       "and the p-values too small. Read the effects below with care."),
    "study_few_rows_groups": ("Caution: in these subgroups a group has fewer than {limit} rows (the smallest in "
                              "brackets): {groups}. Their robust standard errors (HC1) understate the uncertainty: "
                              "intervals too narrow, p-values too small."),
    "study_few_rows_se_gmm": "robust (HC1 for the naive comparison, GMM for the adjusted effect, on the same rows)",
    "study_panel": ("Sample of the estimate: every row available, including those of the units with a value of "
                    "the outcome on one side of the programme only: the level of these units counts in their group's "
                    "change. Over the units seen before and after the programme (the balanced panel), the "
                    "difference-in-differences without adjustment is: {effects}."),
    "study_panel_effect": ("{outcome} {est} (95% CI {low} to {high}; p {p}; {n} units; outside the panel: "
                           "{lost} with a value before only, {late} after only)"),
    "study_imbalance": ("Caution: over {where}, the groups differ by more than {limit} standard deviations: "
                        "{terms}. Beyond {limit}, statistical adjustment cannot make the groups comparable (What "
                        "Works Clearinghouse): the estimated effect may come from these baseline differences."),
    "study_imbalance_term": "{name} (d = {d})",
    "study_imbalance_outcome": ("For a difference-in-differences, a baseline gap on the outcome makes the "
                                "parallel-trends assumption less plausible (a group that started lower may catch up "
                                "without the programme: regression to the mean)."),
    "study_panel_se": ("Caution: {se} standard errors take each row as independent, while the rows of one unit "
                       "({unit}) are not: the difference-in-differences' standard error, its interval and its p-value "
                       "are wrong (the minimum detectable effect given below is computed with the standard error "
                       "clustered on the unit). Clustered on the unit (CRV1), the plain "
                       "difference-in-differences has the standard error: {effects}.{adjusted} To use them, write se: cluster "
                       "and cluster: {column} in the study's description."),
    "study_assigned_by": ("Caution: each value of '{name}' holds one group only ({treated} with the treated, "
                          "{comparison} with the comparison group): the treatment was given by {name}, and the "
                          "study's standard errors ({se}) take the rows of one value as independent: the standard "
                          "errors, intervals, p-values and minimum detectable effect below are then too small. "
                          "Clustered on {name} (CRV1, Student's t on {df} degrees of freedom): {effects}. To use "
                          "them, write se: cluster and cluster: {column} in the study's description."),
    "study_assigned_by_effect": ("{outcome} ({method}): standard error {se} (95% CI {low} to {high}; p {p}), {own} "
                                 "in the study's estimate"),
    "study_lost_rows": "Rows without a value of the outcome (persons not found, refusals): {outcomes}.",
    "study_lost_rows_outcome": "{outcome}, {lt} treated of {nt} ({pt}) and {lc} comparison of {nc} ({pc}): {attrition}",
    # What Works Clearinghouse's two figures of attrition, which its standard reads together
    "study_attrition_wwc": "overall attrition {overall}, differential {differential} percentage points",
    "study_lee_bounds": ("Caution: these shares differ between the groups. The effect compares the means of the rows "
                         "with a value: if the persons lost differ from the others (the lower paid not found), it "
                         "compares different persons. Lee's bounds (2009; in the group that kept more rows, the "
                         "excess share trimmed from the top, then from the bottom): {bounds}."),
    "study_lee_bounds_outcome": "{outcome} from {low} to {high}",
    "study_joint_test_none": ("This test cannot be computed: {clusters} clusters for {terms} covariate terms; "
                              "clustered standard errors cannot test together more terms than clusters less one."),
    "study_joint_test_few": ("Caution: {clusters} clusters for {terms} covariate terms. Below 20 clusters, or 5 a term, "
                             "this clustered test rejects far too often: balanced groups often get a small p (with 20 "
                             "clusters and 8 terms, p < 0.05 one time in three). Read the table's standardised "
                             "differences instead."),
    "study_panel_se_adjusted": " The study's estimate ({method}), clustered on the unit: {effects}.",
    "study_subgroup_se": "{se} standard errors",
    "study_subgroup_se_unit": ("standard errors clustered (CRV1) on the unit ({unit}), not {se} row by row: the rows "
                               "of one unit are not independent"),
    "study_subgroup_p_raw": ("The p-values of this table are not adjusted for multiple testing (those of the study's "
                             "estimates are, by Holm's method over the study's outcomes): of its {n} estimates by "
                             "subgroup, one in twenty would be below 0.05 by chance alone. Read them as exploratory."),
    "study_subgroup_difference": ("Does the effect differ between the subgroups? Test of interaction (F, the table's "
                                  "standard errors) that the effect is the same in every subgroup: {tests}. A small p "
                                  "says the effect differs; one subgroup's small p beside another's large one does "
                                  "not."),
    "study_subgroup_difference_item": "{outcome} by {subgroup}",
    "study_subgroup_difference_none": "not tested (fewer than two subgroups holding both groups)",
    "study_classical_se": ("Caution: classical standard errors (se: classical) assume the outcome varies as much in "
                           "every group; the data say otherwise{binary}, and the effect's standard error, interval "
                           "and p are off. With robust (HC1) standard errors, which do not assume it: {effects}. To "
                           "use them, write se: robust in the study's description."),
    "study_classical_se_binary": " (a 0/1 outcome's variance depends on its share, which differs between the groups)",
    "study_classical_se_effect": "{outcome} ({method}): standard error {se} instead of {own} (95% CI {low} to {high}; p {p})",
    "study_log_outcomes": ("Outcome in logarithms: its effect is a difference of logarithms, not an amount; as a "
                           "relative change (100 × (exp(effect) − 1)): {effects}."),
    "study_log_effect": "{outcome} {est}, that is {pct}% (95% CI {low}% to {high}%)",
    "study_pretrend_by_unit": " (standard errors clustered on the unit: the rows of one unit are not independent)",
    "study_panel_se_effect": "{outcome} {se} (95% CI {low} to {high}; p {p}; {own} row by row)",
    "study_group_treated": "treated",
    "study_group_comparison": "comparison",
    "study_group_before": ", before the programme",
    "study_group_after": ", after the programme",
    "study_few_clusters": ("Caution: {n} clusters '{name}' ({treated} with treated units, {comparison} with the "
                           "comparison group). Below {limit} clusters, or below {per_arm} in either group, clustered "
                           "standard errors (CRV1) understate the uncertainty, even with Student's t on {df} degrees of "
                           "freedom (the clusters less one) that their intervals and p-values use: the confidence "
                           "intervals are too narrow and the p-values too small. Read the effects below with care."),
    "study_one_cluster": (" The whole {arm} group is in one cluster: the effect cannot be told apart from that "
                          "cluster's own level, and a clustered standard error cannot measure it; the estimate is "
                          "given without standard error, interval or p-value."),
    "study_icc_one_arm": ("Intra-cluster correlation ({outcomes}): the {arm} group's rows only, the other group "
                          "being in one cluster (a between-cluster variance it cannot give); no minimum detectable "
                          "effect with it, as no standard error."),
    "study_icc_missing": "not estimated: one row per cluster, or a group in one cluster",
    "study_one_cluster_treated": "treated",
    "study_one_cluster_comparison": "comparison",
    "study_covariates_none": "The study declares no covariate: no balance table, no adjustment.",
    "study_covariates_balance": ("The covariates ({covariates}) only describe the balance of the groups: the "
                                 "estimated effect does not take them into account (adjustment: none)."),
    "study_covariates_regression": ("The covariates ({covariates}) enter the model of the effect (regression "
                                    "adjustment); a text covariate enters as one indicator per value, the first "
                                    "being the reference."),
    "study_covariates_score": ("The propensity score's covariates ({terms}) weight the comparison group so that it "
                               "resembles the treated; a text covariate enters as one indicator per value."),
    "study_design_did": ("Difference-in-differences: the change of the treated minus that of the comparison group, "
                         "before and after the programme."),
    "study_design_groups": "Two groups: treated against comparison.",
    "study_design_randomised": (" The comparison group was drawn at random: the effect is the intention-to-treat "
                                "effect (each unit counted in the group the draw put it in)."),
    "study_design_registry": " Registered study: {registry}.",
    "study_periods": "Periods observed: {before} before the programme; {after} after.",
    "study_periods_none": "none",
    "study_sample_baseline": "the last row of each unit ({unit}) before the programme",
    "study_sample_pre": "the rows before the programme",
    "study_sample_all": "every row",
    # beneficiary surveys (surveys)
    "survey_label_fallback": ("The form has no {wanted} labels: its questions and answers are shown with "
                              "its '{shown}' labels."),
    "survey_language_fr": "French",
    "survey_language_en": "English",
    "survey_answered": "{n} people answered.",
    "survey_zero_weight": ("Of them, {n} have a weight of 0 (outside the population studied): they count in no "
                           "estimate nor number of answers, but stay in the variance of their stratum, as R's survey "
                           "package reads them."),
    "survey_rejected": ("Submissions marked not approved at review in the collection platform, left out of every "
                        "estimate: {n}."),
    "survey_before_fieldwork": ("Submissions made before the first day of fieldwork ({date}), tests of the form, "
                                "left out of every estimate: {n}."),
    "survey_strata": "The sample is stratified by '{name}' ({count} strata): each stratum is drawn separately.",
    "survey_clusters": ("It is drawn in clusters '{name}' ({count} clusters): people of the same cluster resemble "
                        "each other, which widens the confidence intervals."),
    "survey_no_clusters": "People are drawn one by one (no clusters).",
    "survey_weighted": "Each answer is weighted ('{name}'); the weights stand for a population of {population} people.",
    "survey_weighted_left_out": ("With the {n} submissions left out, the weights stood for {population} people: "
                                 "the estimated totals do not count the part of the population their weights stood "
                                 "for (the weights of the answers kept are not adjusted)."),
    "survey_weighted_fpc": ("The file gives no weights: each answer is weighted by its stratum's population "
                            "('{name}') divided by the units drawn in the stratum; the weights stand for a population "
                            "of {population} people."),
    "survey_weighted_relative": ("Each answer is weighted ('{name}'); the weights are relative (they add up to the "
                                 "number of respondents): they do not say how many people each respondent stands "
                                 "for."),
    "survey_answered_one": "1 person answered.",
    "survey_zero_weight_one": "Of them, 1 has a weight of 0 (outside the population studied): it counts in no estimate nor number of answers, but stays in the variance of its stratum, as R's survey package reads it.",
    "survey_strata_one": "The sample has a single stratum, '{name}': it is drawn in one block.",
    "survey_weighted_left_out_one": "With the submission left out, the weights stood for {population} people: the estimated totals do not count the part of the population its weight stood for (the weights of the answers kept are not adjusted).",
    "survey_without_subgroup": ("Respondents without an answer to '{name}', counted in 'All' and in none of its "
                                "subgroups: {n}."),
    "survey_all_zero_not_asked": ("'{name}': the {n} respondents who answered '{value}' to '{control}' have 0 in "
                                  "every option and no answer (empty cells filled with 0): they are read as not "
                                  "asked, and its shares are among the other respondents."),
    "survey_all_zero_counted": ("'{name}': {n} respondents have 0 in every option and no answer, and none has its "
                                "options empty (not asked): they are counted as asked and choosing no option, in the "
                                "denominator of its shares; if they were not asked, its shares are too low."),
    "survey_nd": "'{name}' ({group}): {cells}n/a, {why}.",
    "survey_and": " and ",
    "survey_cell_se": "standard error",
    "survey_cell_ci": "confidence interval",
    "survey_cell_deff": "design effect",
    "survey_nd_no_answer": "since no one in this subgroup answered the question",
    "survey_nd_zero_denominator": ("since '{per}' is 0 in each of its {n} answers: the ratio does not exist (a "
                                   "division by 0)"),
    "survey_nd_zero_denominator_one": ("since '{per}' is 0 in its only answer: the ratio does not exist (a division "
                                       "by 0)"),
    "survey_nd_single_answer": "since a single answer says nothing of the variance",
    "survey_nd_single_unit": ("since the subgroup has a single unit drawn: no variance can be measured in it (0 "
                              "degrees of freedom)"),
    "survey_nd_single_unit_cluster": ("since the whole subgroup is in one cluster ('{unit}'): no variance can be "
                                      "measured in it (0 degrees of freedom)"),
    "survey_nd_answers_one_unit": ("since all its answers come from one unit drawn: the variance between units "
                                   "cannot be measured"),
    "survey_nd_answers_one_unit_cluster": ("since all its answers come from one cluster ('{unit}'): the variance "
                                           "between clusters cannot be measured"),
    "survey_nd_no_interval": "since the estimate rests on 0 degrees of freedom: no interval",
    "survey_nd_no_variance": ("since a share of 0 % or 100 % has no variance, in the design or in a simple random "
                              "sample (0/0)"),
    "survey_nd_deff": "since the variance of a simple random sample cannot be computed here",
    "survey_small_n": ("Estimates resting on fewer than {limit} answers (column 'Count', {smallest} at the fewest): "
                       "{count}. Their intervals are wide and less reliable: read them with care."),
    "survey_not_weighted": "The answers are not weighted: the sample is treated as a simple random sample.",
    "survey_fpc": "The finite population correction is applied.",
    "survey_method_note": ("Estimates that respect the sampling design (weights, strata, clusters): Taylor-linearised "
                           "standard errors, 95% confidence intervals (Student's t, the design's degrees of freedom; "
                           "logit interval for a share; for a share of 0% or 100%, which has no variance in the "
                           "design, the exact Clopper-Pearson interval over its n answers). The design effect "
                           "compares the variance with that of a simple random sample of the same size: above 1, "
                           "the design widens the interval. A subgroup is estimated as a domain, within the whole "
                           "design. Count: number of answers used."),
    "survey_missing_codes": ("The answers {codes} are codes for 'don't know' or 'refused' (as the survey "
                             "declares): they are read as not answered."),
    "survey_everyone": "All",
    "survey_stat_mean": "Mean",
    "survey_stat_total": "Total",
    "survey_stat_share": "Share",
    "survey_stat_ratio": "Ratio",
    "survey_ratio_of": "{name} per {per}",
    "survey_disability_share": ("Share of people with a disability (at least one Washington Group domain with 'a lot "
                                "of difficulty' or 'cannot do at all'): {value} (95% CI {low} to {high})."),
    "survey_women_share": "Share of women: {value} (95% CI {low} to {high}).",
    # the figures sheet of the Excel workbook (excel): the names of figures.csv, but one
    "figures_column_section": "section",
    "figures_column_metric": "metric",
    "figures_sheet": "figures",
    "figures_column_key": "key",
    "figures_column_key_words": "key in words",
    "figures_key_average": "mean of the cohorts",
    "figures_key_weighted": "weighted",
    "figures_key_mean": "mean",
    "figures_key_share": "share",
    "figures_key_at": "{what} at {day}",
    "figures_column_value": "value",
    "figures_column_unit": "unit",
    "figures_column_n": "n",
    "figures_column_se": "se",
    "figures_column_ci_low": "ci_low",
    "figures_column_ci_high": "ci_high",
    "figures_column_p_value": "p_value",
    "figures_column_reported": "reported",
    "figures_column_status": "status",
    "figures_column_note": "note",
    "figures_column_previous": "previous",
    "figures_column_previous_date": "previous_date",
    "figures_column_why": "Why not computable",
    # the Word document (word)
    "word_toc": "Contents",
    "word_page": "Page",
    "word_of": "of",
    # make check and make annexes (pipeline.check, pipeline.messages): the project's language
    "check_where_row": "row",
    "check_where_column": "column",
    "check_where_key": "key",
    "check_where_cell": "cell",
    "check_where_value": "value",
    "check_where_colon": ":",   # (after the place, and before the value)
    "check_errors": "Errors (must be fixed):",
    "check_warnings": "Warnings (worth a look):",
    "check_ok": "OK",
    "check_not_ready": "NOT READY",
    "check_error_one": "{n} error",
    "check_error_many": "{n} errors",
    "check_warning_one": "{n} warning",
    "check_warning_many": "{n} warnings",
    "check_verdict": "{project}: {verdict} - {errors}, {warnings}.",
    "check_every_problem": " Every problem: {path}.",
    "check_more_row": "... and {n} more row of {file} with the same problem [{rule}]",
    "check_more_rows": "... and {n} more rows of {file} with the same problem [{rule}]",
    "check_see": ": see {path}",
    "check_more_like": " (and {n} more like it)",
    "check_more_like_files": " (and {n} more like it, in {files} files)",
    "check_no_project": "No project found: add params/<project>/project.yaml and data/<project>/ (see data/README.md).",
    "check_projects_checked": "{n} checked, {failed} with errors.",   # (n: « 2 projects »)
    "check_list_unwritten": "The list of problems could not be written to {path}/ ({why}): make {build}/ writable, or "
                            "delete it.",
    "build_no_annex": "No annex to build: add params/<project>/project.yaml and one <annex>.yaml per annex (looked in "
                      "{path}).",
    "check_build_errors": "Project '{project}': {n} problem(s) in the inputs; no annex of it was built.",
    "check_build_warnings": "Project '{project}': {n} warning(s) in the inputs; its annexes are built with them. "
                            "`make check PROJECT={project}` lists each one with what to do:",
    "new_created": "Created the project '{project}':",
    "new_nothing": "Nothing was created:",
    "new_next": "Next: fill in the empty values of params/{project}/project.yaml, put your rows in the tables of "
                "data/{project}/ (data/README.md says what each column holds), then run: make check PROJECT={project}",
    "new_iati_next": "Check params/{project}/project.yaml (title, dates, reporting date), then: make annexes "
                     "PROJECT={project}",
    "build_building": "Building {n} annex(es) of {total} with {jobs} worker(s), {notebooks} notebook(s) each; timeout "
                      "{timeout} s per cell.",
    "build_built": "Built {built} annex(es), {failed} failed, {current} already up to date; {seconds} s in all.",
    "build_failed": "FAILED ",
    "build_failed_after": "FAILED after {seconds} s",
    "build_undrawn": ("caution: {n} text(s) of the annex in a script the figures' font ({font}) does not draw: "
                      "they print as boxes in the figures, and in the HTML, PDF or Word of a computer without a font "
                      "for that script: {texts}. Write these labels in Latin letters (or translate them) in the data "
                      "for them to read everywhere"),
    "build_undrawn_text": "'{text}' ({script})",
    "build_retry": "kernel did not start ({error}); retrying once",
    "build_interrupted": "Interrupted: stopping the workers; the annexes not finished keep their previous files.",
    "build_failed_keep": "The annexes that failed keep their previous files, if they had any.",
    "build_not_built": "  NOT BUILT  project '{project}': its inputs have errors (listed above; make check "
                       "PROJECT={project} lists them again). Its annexes keep their previous files, if they had any.",
    "build_fix": "Fix the problems above (make check lists them again), then run the build again.",
    "build_nothing": "Nothing to do: the {n} annex(es) are up to date in {path}/ ({seconds} s).",
    "build_none_built": "No annex built: {n} annex(es) up to date.",
    "build_nothing_left": "Nothing left to do: another build brought the annexes up to date.",
    "build_waiting": "Another build is running in this folder; waiting for it to finish...",
    "index_failed": "Not up to date: {annexes}: the last build of each failed (make annexes said why; its notebook is "
                    "kept in build/failed/), and its files are those of an earlier build, from the data as they were "
                    "then. Correct the data or the notebook and build again before sending it.",
    "index_stale": "Not listed: {annexes}, built from an annex file that params/ no longer has (renamed or "
                   "removed): not rebuilt, their figures are those of an earlier build. Delete them from "
                   "build/annexes/ (or make clean) if they are not to be sent.",
}
