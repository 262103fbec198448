/// @file litmine/reconcile.h
/// The reconciler: reads an article (plain text, HTML or a URL), finds its
/// checkable claims, matches each against the corpus and gives it a verdict
/// (DESIGN.md "Evidence levels and verdicts"), then renders the result as
/// JSON, text or one self-contained HTML page.
#ifndef LITMINE_RECONCILE_H
#define LITMINE_RECONCILE_H

#include <stddef.h>
#include <stdint.h>
#include "core.h"
#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

/// The five verdicts, in the order DESIGN.md lists them.
typedef enum lm_verdict {
    LM_VERDICT_CONTROLLED = 0,
    LM_VERDICT_UNCONTROLLED,
    LM_VERDICT_ANECDOTAL,
    LM_VERDICT_CONTRADICTED,
    LM_VERDICT_NOT_FOUND
} lm_verdict;
#define LM_VERDICT_COUNT 5

/// Who a claim rests on, as the article presents it.
typedef enum lm_claim_source {
    LM_SOURCE_STUDY = 0,   ///< a study, trial, review or data set
    LM_SOURCE_ANECDOTE,    ///< testimonial, forum post, first-person story
    LM_SOURCE_ANIMAL,      ///< animal or in-vitro work
    LM_SOURCE_CASE,        ///< a single case report
    LM_SOURCE_OPINION      ///< a quoted expert or official
} lm_claim_source;

/// "controlled", "uncontrolled", ... (static strings).
LM_API const char *lm_verdict_name(lm_verdict v);
/// Parses a verdict name; -1 when unknown.
LM_API int lm_verdict_parse(const char *s, size_t len);
/// "study", "anecdote", "animal", "case", "opinion".
LM_API const char *lm_claim_source_name(lm_claim_source s);

/* ---- the input -------------------------------------------------------- */

/// An article as plain text: HTML is flattened to text blocks (headings,
/// paragraphs, list items and table rows each on their own line, separated
/// by a blank line); claim spans are byte offsets into this text.
typedef struct lm_doc lm_doc;

/// Largest article accepted (bytes as read, before flattening).
#define LM_CHECK_MAX_INPUT (64u * 1024u * 1024u)

/// Reads an article from a file, "-" (stdin) or an http(s) URL.  HTML is
/// told from the bytes (or the Content-Type), not the name.  Errors:
/// LM_ERR_IO (cannot read), LM_ERR_FORMAT (empty, or binary data),
/// LM_ERR_TOO_BIG (over LM_CHECK_MAX_INPUT), LM_ERR_NET/LM_ERR_HTTP for a URL
/// (TLS peers are verified), LM_ERR_NOMEM.  On failure *out is still set when
/// memory allows, so lm_doc_errmsg() names the input; lm_doc_free() it.
LM_API LM_MUST_CHECK lm_err lm_doc_load(const char *src, lm_doc **out);

/// lm_doc_load() may connect to private and link-local addresses (10/8,
/// 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10): refused by
/// default, as a page could otherwise make litmine read the LAN or a cloud
/// metadata service; `check --allow-private` sets it.
#define LM_DOC_ALLOW_PRIVATE 1u

/// lm_doc_load() with @p flags (LM_DOC_ALLOW_PRIVATE).  A URL to a refused
/// kind of address fails with LM_ERR_NET before any connection is made.
LM_API LM_MUST_CHECK lm_err lm_doc_load_flags(const char *src, unsigned flags, lm_doc **out);
/// Same over @p len bytes in memory; @p name is used in messages and in the
/// report.  @p is_html: 1 HTML, 0 plain text, -1 tell from the bytes.
LM_API LM_MUST_CHECK lm_err lm_doc_from_mem(const char *name, const char *data,
                                            size_t len, int is_html, lm_doc **out);
/// The flattened text (NUL-terminated) and its length; valid until free.
LM_API const char *lm_doc_text(const lm_doc *d, size_t *len);
/// The name given at load ("-" shows as "<stdin>").
LM_API const char *lm_doc_name(const lm_doc *d);
LM_API const char *lm_doc_errmsg(const lm_doc *d);
LM_API void lm_doc_free(lm_doc *d);   /* NULL is a no-op */

/* ---- checking --------------------------------------------------------- */

typedef struct lm_checker lm_checker;
typedef struct lm_report lm_report;

/// Opens a checker over the corpus @p c (borrowed: it must outlive the
/// checker).  Compiles every rule once.  LM_ERR_REGEX names a rule that did
/// not compile.  On failure *out is still set when memory allows.
LM_API LM_MUST_CHECK lm_err lm_checker_open(lm_corpus *c, lm_checker **out);
LM_API void lm_checker_close(lm_checker *k);   /* NULL is a no-op */
LM_API const char *lm_checker_errmsg(const lm_checker *k);

/// Checks every claim of @p d.  *out gets a report (free with
/// lm_report_free()) even when the article holds no claim.  Errors:
/// LM_ERR_DB* for corpus faults, LM_ERR_NOMEM.  An empty corpus is not an
/// error: every claim is not_found and the report carries a warning.
LM_API LM_MUST_CHECK lm_err lm_check(lm_checker *k, const lm_doc *d, lm_report **out);

/// Number of claims in the report.
LM_API size_t lm_report_claims(const lm_report *r);
/// Number of claims with verdict @p v.
LM_API size_t lm_report_count(const lm_report *r, lm_verdict v);
/// Claims with verdict @p v that count as problems: hedged, mechanistic and
/// background statements never do (what --fail-on counts).
LM_API size_t lm_report_problems(const lm_report *r, lm_verdict v);
/// Verdict of claim @p i (0-based).
LM_API lm_verdict lm_report_verdict(const lm_report *r, size_t i);
/// Warnings for a person ("the corpus is empty", "no checkable claim"),
/// @p i from 0; NULL past the end.
LM_API const char *lm_report_warning(const lm_report *r, size_t i);

/// Appends the JSON report (DESIGN.md "check output", compact, no newline).
LM_API LM_MUST_CHECK lm_err lm_report_json(const lm_report *r, lm_buf *out);
/// Appends the text report; @p colour adds ANSI colours (for a TTY).
LM_API LM_MUST_CHECK lm_err lm_report_text(const lm_report *r, int colour, lm_buf *out);
/// Appends one self-contained HTML page: a summary table, then the article
/// with each claim highlighted, its verdict badge, evidence and PubMed links.
LM_API LM_MUST_CHECK lm_err lm_report_html(const lm_report *r, lm_buf *out);
LM_API void lm_report_free(lm_report *r);   /* NULL is a no-op */

#ifdef __cplusplus
}
#endif
#endif
