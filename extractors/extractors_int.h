/* Internal declarations shared by the files of the extractors stage. */
#ifndef LM_EXTRACTORS_INT_H
#define LM_EXTRACTORS_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <litmine/extract.h>

/* Appends a zeroed record (numbers NAN / -1) with its text copied from
 * @p text[start, end); returns NULL when memory runs out. */
lm_extraction *extract_push(lm_extractions *out, lm_kind kind, const char *rule,
                            const char *section, const char *text,
                            size_t start, size_t end);
/* Appends ",flag" (or "flag") to e->flags when it fits. */
void extract_flag(lm_extraction *e, const char *flag);

/* Standard normal upper tail, two-sided p for |z|. */
double extract_p_from_z(double z);

/* The design rules (design.c) kept on the extractor handle. */
typedef struct design_rules design_rules;
lm_err design_rules_open(unsigned flags, design_rules **out, char *msg, size_t cap);
void design_rules_close(design_rules *d);
lm_err design_extract(design_rules *d, pcre2_match_data *md, const char *title,
                      const char *abstract, const char *pub_types,
                      const char *mesh, lm_extractions *out);

/* Compiles @p pattern for rule @p id (caseless, UTF off: the text is
 * normalised ASCII-ish).  On error fills @p msg with id and offset. */
pcre2_code *extract_compile(const char *id, const char *pattern, unsigned flags,
                            char *msg, size_t cap);

/* The handle's message buffer (rules.c owns the handle's layout). */
char *extract_msgbuf(lm_extractor *ex, size_t *cap);

/* Literal pre-filter of a rule: @p need is "a|b|=C" (lower-case needles
 * searched in @p lower, '='-prefixed ones case-sensitively in @p orig);
 * NULL or "" always passes.  A rule whose needles are all absent cannot
 * match, so it is not run: one memmem per needle instead of a regex pass. */
struct extract_text {
    const char *lower, *orig;
    size_t len;
    uint64_t pairs[1024];   /* bit (a << 8 | b) set when bytes "ab" occur (either case form) */
};
/* Fills the byte-pair bitmap: a needle with a missing pair cannot occur,
 * which rejects most absent needles without scanning the text. */
void extract_text_index(struct extract_text *t, const char *lower, const char *orig, size_t len);
int extract_gate(const char *need, const struct extract_text *t);
/* The needles of rule @p id (table in rules.c), NULL when it has none. */
const char *extract_need(const char *id);
/* Lower-cases @p len bytes of @p s into @p out (reused). */
lm_err extract_lower(const char *s, size_t len, lm_buf *out);

/* Copies at most cap-1 bytes of s into dst. */
void extract_strlcpy(char *dst, const char *s, size_t cap);

#endif
