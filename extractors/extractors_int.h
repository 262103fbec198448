/* Internal declarations shared by the files of the extractors stage. */
#ifndef LM_EXTRACTORS_INT_H
#define LM_EXTRACTORS_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <litmine/extract.h>

/* pcre2_jit_match (no per-call checks of the generic entry), or
 * pcre2_match when the pattern was not JIT-compiled (LM_EXTRACT_NO_JIT,
 * $LITMINE_NO_JIT, or a JIT failure). */
static inline int extract_match(const pcre2_code *code, const char *s, size_t len,
                                size_t off, pcre2_match_data *md, pcre2_match_context *mc)
{
    int rc = pcre2_jit_match(code, (PCRE2_SPTR)s, len, off, 0, md, mc);

    if (rc == PCRE2_ERROR_JIT_BADOPTION)
        rc = pcre2_match(code, (PCRE2_SPTR)s, len, off, 0, md, mc);
    return rc;
}

/* Appends a zeroed record (numbers NAN / -1) with its text copied from
 * @p text[start, end); returns NULL when memory runs out. */
lm_extraction *extract_push(lm_extractions *out, lm_kind kind, const char *rule,
                            const char *section, const char *text,
                            size_t start, size_t end);
/* Appends ",flag" (or "flag") to e->flags when it fits. */
void extract_flag(lm_extraction *e, const char *flag);
void extraction_free_strings(lm_extraction *e);

/* Standard normal upper tail, two-sided p for |z|. */
double extract_p_from_z(double z);

typedef struct gate_set gate_set;
/* What gate_scan found in one text: found[i] = 1 when needle i occurs,
 * pass[i] = 1 when gate i does (one of its needles occurs); (hpos, hid)
 * the offsets of the start literals, in order of their end; start list l's
 * sorted distinct offsets are lpos[lat[l], lat[l] + lcnt[l]).
 * Zero-initialise. */
typedef struct gate_found {
    unsigned char *found;
    unsigned char *pass;
    size_t *hpos;
    uint16_t *hid;
    size_t nh, caph;
    size_t *lpos, caplpos, *lat, *lcnt;
    unsigned char *seen;     /* bit set of the automaton's states met (gate.c) */
} gate_found;

/* The design rules (design.c) kept on the extractor handle. */
typedef struct design_rules design_rules;
lm_err design_rules_open(unsigned flags, const gate_set *gates, design_rules **out,
                         char *msg, size_t cap);
void design_rules_close(design_rules *d);
lm_err design_extract(design_rules *d, pcre2_match_data *md, const char *title,
                      const char *abstract, const char *pub_types,
                      const char *mesh, lm_extractions *out);
/* design_extract in steps, for texts already normalised by the rule pass:
 * begin; count the title (@p title 1) and the abstract (normalised text,
 * its lower-cased copy, its gate_scan and map); finish appends the row. */
void design_begin(design_rules *d);
void design_count(design_rules *d, pcre2_match_data *md, const char *s,
                  const gate_found *f, const size_t *map, size_t len, int title);
lm_err design_finish(design_rules *d, const char *title, const char *abstract,
                     const char *pub_types, const char *mesh, lm_extractions *out);
/* After the article's sample size is chosen: a design row "other" that
 * neither the wording nor the publication types name, in a record that
 * counts nobody (no primary sample size from rows @p first on), is an
 * essay, a methods or engineering paper or a review: level L5 (expert
 * opinion), not L4 (an observational study of people). */
void design_level_unstudied(lm_extractions *x, size_t first);

/* Compiles @p pattern for rule @p id (caseless, UTF off: the text is
 * normalised ASCII-ish).  On error fills @p msg with id and offset.
 * A pattern starting with \G (tried at one offset) is compiled without
 * PCRE2's start-up optimisations, which cost more than they save there. */
pcre2_code *extract_compile(const char *id, const char *pattern, unsigned flags,
                            char *msg, size_t cap);

/* The handle's message buffer (rules.c owns the handle's layout). */
char *extract_msgbuf(lm_extractor *ex, size_t *cap);

/* Literal pre-filters (gate.c): a rule runs only when one of its needles
 * occurs in the text.  The gates table (rules.c) gives each rule id a need
 * "a|b|=C" (lower-case needles searched in the lower-cased text,
 * '='-prefixed ones case-sensitively in the normalised text).  Needles are
 * necessary conditions of the pattern, so skipping never loses a match. */
size_t extract_ngates(void);
const char *extract_gate_need(size_t i);
/* The gate of rule @p id, -1 when it has none (always runs).  An entry id
 * ending in '*' is a prefix. */
int extract_gate_index(const char *id);

/* Every needle of every gate, found in one Aho-Corasick pass per text. */
typedef struct gate_set gate_set;
/* @p extra: more '|'-separated literal lists whose offsets are kept (start
 * lists after the design cues' ones). */
lm_err gate_set_open(const char *const *extra, size_t nextra, gate_set **out);
/* The id of needle @p lit, -1 when it is not one. */
int gate_needle(const gate_set *g, const char *lit);
const char *gate_needle_text(const gate_set *g, int id);
size_t gate_set_size(const gate_set *g);
void gate_set_close(gate_set *g);
void gate_found_free(gate_found *f);
/* Scans the normalised @p text (@p len bytes; the needles are matched
 * case-insensitively, '=' needles in the text's own case). */
lm_err gate_scan(const gate_set *g, const char *text, size_t len, gate_found *f);
/* Does the text (its gate_scan @p f) pass gate @p gate (-1: always)? */
int gate_pass(const gate_found *f, int gate);
/* The sorted distinct offsets where a literal of start list @p list occurs,
 * into *at (*cap entries allocated, grown). */
lm_err gate_starts(const gate_set *g, size_t list, const gate_found *f, size_t **at,
                   size_t *nat, size_t *cap);
/* The start lists of the design cues (design.c): how many, and list i
 * ("a|b", NULL when cue i is scanned). */
size_t design_nstarts(void);
const char *design_starts(size_t i);
/* The top-level alternatives of @p pattern (tried anchored) that may
 * match at a position, from its byte c and whether the byte before is a
 * word character w (PCRE2's \b): bit a of viable[w][c] for alternative a
 * (its first bytes, and its leading \b).  Returns how many alternatives
 * (at most 64; their offsets and lengths in spans), 0 when the pattern is
 * not analysed (then any may match anywhere); *split is 0 when an option
 * setting at the top level forbids compiling alternatives apart. */
int pattern_alts(const char *pattern, uint64_t viable[2][256], size_t spans[64][2], int *split);
/* PCRE2's word characters (\w, \b; its built-in tables, no UCP). */
static inline int pattern_word(unsigned char c)
{
    return (unsigned char)((c | 32) - 'a') < 26 || (unsigned char)(c - '0') < 10 || c == '_';
}
/* Lower-cases @p len bytes of @p s into @p out (reused). */
lm_err extract_lower(const char *s, size_t len, lm_buf *out);

/* The study model (findings.c): findings, regimen, follow-up, arm names. */
typedef struct findings_rules findings_rules;
lm_err findings_rules_open(unsigned flags, findings_rules **out, char *msg, size_t cap);
void findings_rules_close(findings_rules *f);
/* Reads one text already normalised (@p norm, its lower-cased copy as
 * extract_lower leaves it, zeros after its end, and its map back to
 * @p orig): names the arm_size rows of [first, out->len), then
 * appends its findings, regimen and follow-up rows.  Titles are skipped. */
lm_err findings_text(findings_rules *f, const char *orig, const char *norm,
                     const char *lower, const size_t *map, size_t len, const char *section,
                     lm_extractions *out, size_t first);
/* Article level, after every text: one follow-up (the abstract's, else the
 * longest), the body's regimen only when the abstract has none. */
void findings_finish(lm_extractions *x, size_t first);

/* Copies at most cap-1 bytes of s into dst, never cutting a UTF-8
 * character (a cut one is left out whole). */
void extract_strlcpy(char *dst, const char *s, size_t cap);

/* 1 when the '.' at @p dot of @p s ends an abbreviation ("vs.", "e.g.",
 * "et al."; with @p titles also "Dr.", "Mr.", "Ms.", "etc."). */
int extract_abbrev_dot(const char *s, size_t dot, int titles);

#endif
