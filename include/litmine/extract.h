/// @file litmine/extract.h
/// The extractors stage: number normalisation, and rules that pull sample
/// sizes, arm sizes, rates, effect sizes, p-values, study counts and the
/// study design (with its evidence level) out of titles, abstracts and PMC
/// body text.  Every value keeps the span and text it came from and the id
/// of the rule that produced it.
///
/// Two layers:
///  - number helpers (lm_num_*, lm_p_parse, lm_ci_parse, lm_wilson,
///    lm_text_norm): plain functions, no handle, usable by any stage (the
///    reconciler parses article claims with them, so both sides read numbers
///    the same way);
///  - the rule engine (lm_extractor): every rule table compiled once with
///    PCRE2 (JIT when available) when the handle opens.
#ifndef LITMINE_EXTRACT_H
#define LITMINE_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "core.h"
#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Bumped whenever a rule changes what it extracts.  Stored with each row;
/// lm_extract_store() (pipeline.h) replaces rows of a pmid whatever their version.
#define LM_EXTRACTOR_VERSION 3

/* ---- text normalisation ------------------------------------------------ */

/// Text rewritten for matching, with a map back to the original bytes.
/// Unicode minus and dashes (U+2010..2015, U+2212, U+FE63, U+FF0D) become
/// '-', thin/no-break/narrow/figure spaces become ' ', a middle dot between
/// digits (U+00B7, U+2027, U+22C5) becomes '.', '≤'/'≥' become "<="/">=",
/// '×' becomes 'x', U+00B2 (²) becomes '2', curly quotes become ASCII.
/// Everything else is copied byte for byte.  Zero-initialise before use,
/// lm_normtext_free() releases it.
typedef struct lm_normtext {
    char *s;          ///< normalised text, NUL-terminated
    size_t len;       ///< bytes in s
    size_t *map;      ///< map[i] = offset in the original of s[i]; map[len] = original length
    size_t cap;       ///< allocated entries (internal)
} lm_normtext;

/// Normalises @p len bytes of @p in into @p out (reusing its memory).
/// Invalid UTF-8 is copied as is.  LM_ERR_NOMEM on allocation failure.
LM_API LM_MUST_CHECK lm_err lm_text_norm(const char *in, size_t len, lm_normtext *out);
LM_API void lm_normtext_free(lm_normtext *t);

/* ---- numbers ----------------------------------------------------------- */
/* All parsers work on normalised ASCII text (see lm_text_norm) but also
 * accept the raw unicode forms listed there.  Each returns 1 and sets
 * *used (bytes consumed from @p s) when a number starts exactly at @p s,
 * 0 when it does not.  None of them allocates. */

/// A decimal number: optional sign ('-', '+', unicode minus), digits with
/// thousands separators ("1,234", "1 234" with one space/thin space, only in
/// groups of three), a decimal point or middle dot ("0.25", "0·25", ".25"),
/// and an optional exponent ("1e-5", "1.2 x 10^-5", "1.2×10-5", "1.2·10^-5").
/// A value that is not finite (1e400) is rejected (returns 0).
LM_API int lm_num_parse(const char *s, size_t len, double *v, size_t *used);

/// A number written in English words, case-insensitive, up to the thousands:
/// "twenty", "Twenty-one", "two hundred and six", "one thousand two hundred",
/// also "a hundred", "dozen" is not accepted.  Returns 0 for "one" alone
/// only when @p allow_one is 0 (too often an article: "one patient").
LM_API int lm_num_words(const char *s, size_t len, int allow_one, double *v,
                        size_t *used);

/// Either a digit number (lm_num_parse) or number words (lm_num_words, "one"
/// allowed).
LM_API int lm_num_any(const char *s, size_t len, double *v, size_t *used);

/// A proportion written as k and n: "9/14", "9 of 14", "9 out of 14",
/// "three in four", "9 of the 14".  k <= n is required.
LM_API int lm_frac_parse(const char *s, size_t len, double *k, double *n,
                         size_t *used);

/// A percentage: "45%", "45 %", "45·5%", "45 percent", "45 per cent".
/// *v gets the percent (45.0, not 0.45).  0 to 100 only.
LM_API int lm_pct_parse(const char *s, size_t len, double *v, size_t *used);

/// A p-value: "p<.001", "P = 0.03", "p-value of 0.03", "p < 0·05",
/// "p=NS" is not a value (returns 0), "P ≤ 0.05", "p value = 0.2".
/// @p op gets "=", "<", ">", "<=" or ">=" (NUL-terminated).  p in [0,1].
LM_API int lm_p_parse(const char *s, size_t len, double *p, char op[3], size_t *used);

/// A confidence interval: "95% CI 0.1-0.4", "95% CI: 0.1 to 0.4",
/// "(0.1 to 0.4)", "[0.1, 0.4]", "95% CI: 0.1; 0.4", "CI = -0.4 to -0.1",
/// "95% confidence interval [CI], 0.1-0.4".  *level gets the level in
/// percent (95) or 0 when not written.  Bounds are returned as written
/// (lo > hi is the caller's to reject).  With @p need_label 0 a bare
/// bracketed pair "(0.1 to 0.4)" / "[0.1, 0.4]" is accepted too.
LM_API int lm_ci_parse(const char *s, size_t len, int need_label, double *lo,
                       double *hi, double *level, size_t *used);

/// Wilson score interval for k successes out of n at normal quantile @p z
/// (1.959964 for 95%), as proportions in [0, 1] (rate rows store them as
/// percents).  Returns LM_ERR_USAGE when n <= 0 or k outside [0,n].
LM_API LM_MUST_CHECK lm_err lm_wilson(double k, double n, double z,
                                      double *lo, double *hi);

/* ---- extraction records ------------------------------------------------ */

typedef enum lm_kind {
    LM_KIND_SAMPLE_SIZE = 0,  ///< total enrolled / randomized / analyzed (metric says which)
    LM_KIND_ARM_SIZE,         ///< one arm's size
    LM_KIND_RATE,             ///< k/n or percent of an outcome (metric: remission, response...)
    LM_KIND_EFFECT,           ///< d, g, smd, md, or, rr, hr, r, eta2 with CI/p
    LM_KIND_P_VALUE,          ///< a p-value not attached to an effect
    LM_KIND_STUDY_COUNT,      ///< meta-analysis: studies, rcts, participants, i2
    LM_KIND_DESIGN,           ///< one per article: design and evidence level
    LM_KIND_FINDING,          ///< one reported comparison: metric increased|decreased|no_difference
    LM_KIND_REGIMEN,          ///< the intervention's schedule (one row per arm when doses differ)
    LM_KIND_FOLLOW_UP         ///< longest follow-up after baseline: value in days
} lm_kind;

/// The last kind, for loops over every kind.
#define LM_KIND_LAST LM_KIND_FOLLOW_UP

/// "sample_size", "arm_size", "rate", "effect", "p_value", "study_count",
/// "design", "finding", "regimen", "follow_up".
LM_API const char *lm_kind_name(lm_kind k);

/// One extracted value.  Numbers not given are NAN (doubles) or -1 (k, n).
/// Strings are NUL-terminated and owned by the lm_extractions list.
typedef struct lm_extraction {
    lm_kind kind;
    double value;        ///< the number (rate: percent 0-100; effect: estimate); NAN for design
    char svalue[32];     ///< design only: "rct", "cohort"... (else "")
    double lo, hi;       ///< CI (effect: as written; rate: Wilson 95%, in percent,
                         ///< when k and n are known)
    int64_t k, n;        ///< rate: events and denominator
    char metric[24];     ///< sample_size: randomized|enrolled|analyzed|included;
                         ///< rate: remission|response|relapse|adverse_event|dropout|other;
                         ///< effect: d|g|smd|md|or|rr|hr|r|eta2|beta, or "other"
                         ///< for an estimate given with its CI but no name; study_count:
                         ///< studies|rcts|participants|i2; design: abstract|pub_types (which won)
    double p;            ///< p-value, NAN when none
    char p_op[3];        ///< "=", "<", ">", "<=", ">=" or ""
    char level[4];       ///< design: "L1".."L5"; else ""
    char section[32];    ///< "title", "abstract" or the PMC body section title (truncated)
    size_t span_start;   ///< byte offsets (not code points) into the stored title,
                         ///< abstract or body (body rows: section says which part)
    size_t span_end;
    char *text;          ///< the matched text (original bytes)
    const char *rule;    ///< stable rule id ("n.randomized", "rate.remission.pct"...), static;
                         ///< rows read back by lm_extract_load: owned by the list
    /* The study model (DESIGN.md "Extraction records").  NUL-terminated
     * strings owned by the lm_extractions list (freed by
     * lm_extractions_clear), NULL when the row has no such value. */
    char *outcome;       ///< finding: the outcome phrase as written
    char *intervention;  ///< finding: the intervention arm as written
    char *comparator;    ///< finding: the comparator arm, "baseline" for a within-group change
    char *dose;          ///< regimen: the dose as written ("0.5 mg/kg")
    char *frequency;     ///< regimen: "twice weekly", "once daily"...
    char *duration;      ///< regimen: the treatment period as written ("4 weeks")
    char *route;         ///< regimen: "intravenous", "oral"...
    char *label;         ///< arm_size / regimen: the arm's name ("placebo", "0.5 mg/kg")
    char flags[96];      ///< comma-separated: primary (the study's total), denominator
                         ///< (a sample size read as the n of "k of n": ranked low),
                         ///< pool (those asked or screened, not those who took part:
                         ///< ranked low),
                         ///< inconsistent_ci, p_ci_mismatch, p_recomputed_mismatch,
                         ///< k_n_pct_mismatch, n_assumed (a percent alone: k, n empty), groups_assumed,
                         ///< pooled (effect of a meta-analysis); design: abstract=<d>,
                         ///< pub_types=<d>, disagree, double_blind, placebo_controlled,
                         ///< active_controlled, crossover, open_label, protocol,
                         ///< secondary_analysis
} lm_extraction;

/// A growable list of extractions.  Zero-initialise (or lm_extractions_init).
typedef struct lm_extractions {
    lm_extraction *v;
    size_t len, cap;
} lm_extractions;

LM_API void lm_extractions_init(lm_extractions *x);
/// Frees the texts, keeps the array for reuse.
LM_API void lm_extractions_clear(lm_extractions *x);
LM_API void lm_extractions_free(lm_extractions *x);

/* ---- the extractor handle ---------------------------------------------- */

typedef struct lm_extractor lm_extractor;

enum {
    LM_EXTRACT_NO_JIT = 1u << 0   ///< interpret the rules (benchmarks, debugging)
};

/// Compiles every rule table (JIT unless LM_EXTRACT_NO_JIT).  A rule that
/// fails to compile is LM_ERR_REGEX and the message names the rule id and
/// the offset.  On failure *out is still set when memory allows (read
/// lm_extractor_errmsg(), then close).  A handle is not thread-safe; open
/// one per thread.
LM_API LM_MUST_CHECK lm_err lm_extractor_open(unsigned flags, lm_extractor **out);
LM_API void lm_extractor_close(lm_extractor *ex);     /* NULL is a no-op */
/// Last error message; valid until the next call on the handle.
LM_API const char *lm_extractor_errmsg(const lm_extractor *ex);

/// Runs every extractor except design on @p len bytes of @p text and
/// appends results to @p out.  @p section names the text ("abstract",
/// "title", a body section title); spans are byte offsets into @p text.
/// Texts over LM_MAX_FIELD are LM_ERR_TOO_BIG.  Absurd values (n <= 0,
/// percent > 100, reversed CI, non-finite) are never returned: they are
/// dropped with a debug log naming the rule and the reason.
LM_API LM_MUST_CHECK lm_err lm_extract_text(lm_extractor *ex, const char *text,
                                            size_t len, const char *section,
                                            lm_extractions *out);

/// Appends one LM_KIND_DESIGN row: design from the title+abstract wording and
/// from the PubMed publication types ("; "-joined, may be NULL) and MeSH
/// (may be NULL: used for animal studies), combined as DESIGN.md says (the
/// abstract's own description wins).  metric says which source won
/// ("abstract", "pub_types", or "none" when neither says anything: design
/// "other", level L4); flags keep both ("abstract=rct,pub_types=rct").
LM_API LM_MUST_CHECK lm_err lm_extract_design(lm_extractor *ex, const char *title,
                                              const char *abstract,
                                              const char *pub_types,
                                              const char *mesh,
                                              lm_extractions *out);

/// Level for a design name: "meta_analysis"/"systematic_review" L1, "rct" L2,
/// "non_randomized_controlled"/"cohort_controlled"/"case_control"/"crossover_nonrandom"
/// L3, "cohort"/"open_label_single_arm"/"case_series"/"other"/"protocol" L4,
/// "case_report"/"animal"/"in_vitro"/"opinion" L5.  NULL for unknown names.
LM_API const char *lm_design_level(const char *design);

/// Everything for one stored article: title, abstract, body (split on its
/// "## Section" lines, each with its section name; spans still count from
/// the start of the body), design; then
/// cross-checks (rate denominators from the sample size).
LM_API LM_MUST_CHECK lm_err lm_extract_article(lm_extractor *ex, const lm_article *a,
                                               lm_extractions *out);

/* ---- store and output -------------------------------------------------- */

/// Sets the message lm_extractor_errmsg() returns (for the stages that
/// store extractions: lm_extract_store and friends, litmine/pipeline.h).
LM_API void lm_extractor_seterr(lm_extractor *ex, const char *fmt, ...) LM_PRINTF(2, 3);

/// The columns of an extraction row, in order (JSONL keys and CSV header):
/// pmid, kind, value, lo, hi, k, n, metric, p, p_op, level, section, span,
/// text, rule, flags, outcome, intervention, comparator, dose, frequency,
/// duration, route, label, extractor_version.  NULL-terminated.  CSV
/// writes span as two columns, span_start and span_end.
LM_API extern const char *const lm_extraction_columns[];

/// One extraction as a compact JSON object (pmid as a string, span as
/// [start, end], absent numbers as null).  malloc'd (free() it), NULL when
/// memory runs out.
LM_API char *lm_extraction_json(int64_t pmid, const lm_extraction *e);

/// Writes the CSV header row, or one row, RFC 4180 (CRLF), same columns
/// as the JSON (span as two columns, span_start and span_end; one column
/// order for every kind, empty where a kind has no such value).  LM_ERR_IO when a write fails.
LM_API LM_MUST_CHECK lm_err lm_extraction_csv_header(FILE *out);
LM_API LM_MUST_CHECK lm_err lm_extraction_csv(FILE *out, int64_t pmid,
                                              const lm_extraction *e);

#ifdef __cplusplus
}
#endif
#endif
