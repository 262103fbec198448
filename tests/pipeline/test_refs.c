/* Reference-manager records (pipeline/refs.c) and exports of a PMID subset
 * (pipeline/subset.c): RIS, BibTeX and MEDLINE of one hand-made article
 * (BibTeX specials, non-ASCII and invalid UTF-8, a collective author), the
 * stable citation key, and lm_export_subset over tests/fixtures/pipeline/
 * refs.xml (list order, duplicates, unknown PMIDs, studies of a subset). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <litmine/litmine.h>
#include <criterion/criterion.h>
#include "pipeline/scratch.h"

static const lm_article art = {
    .pmid = 95000001, .version = 1, .year = 2023,
    .title = "Drug & placebo: 50% {more}_x \xff end",       /* \xff: not UTF-8 */
    .abstract = "RESULTS: one line.\nCONCLUSIONS: another.",
    .journal = "Journal of Tests", .authors = "\xc3\x98stergaard K; Lee JH; Made-Up Study Group",
    .pub_types = "Journal Article; Randomized Controlled Trial", .mesh = "Placebos; Imaginary Disease",
    .doi = "10.99999/t.1", .pmcid = "PMC9500001",
};

static char *render(lm_export_format fmt, const lm_article *a)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    cr_assert_not_null(f);
    cr_assert_eq(lm_export_reference(f, fmt, a), LM_OK);
    fclose(f);
    return buf;
}

Test(refs, bibtex_escapes_and_key)
{
    char *s = render(LM_EXPORT_BIBTEX, &art);
    char key[96];

    lm_bibtex_key(&art, key, sizeof key);
    cr_assert_str_eq(key, "ostergaard2023pmid95000001");
    cr_assert(strstr(s, "@article{ostergaard2023pmid95000001,\n"), "%s", s);
    cr_assert(strstr(s, "title = {Drug \\& placebo: 50\\% \\{more\\}\\_x \xef\xbf\xbd end},"), "%s", s);
    cr_assert(strstr(s, "author = {\xc3\x98stergaard, K and Lee, JH and {Made-Up Study Group}},"), "%s", s);
    cr_assert(strstr(s, "abstract = {RESULTS: one line. CONCLUSIONS: another.},"), "%s", s);
    free(s);
}

Test(refs, ris_one_tag_per_line)
{
    char *s = render(LM_EXPORT_RIS, &art);

    cr_assert(!strncmp(s, "TY  - JOUR\r\n", 12), "%s", s);
    cr_assert(strstr(s, "\r\nAU  - Lee, JH\r\nAU  - Made-Up Study Group\r\n"), "%s", s);
    cr_assert(strstr(s, "\r\nKW  - Placebos\r\nKW  - Imaginary Disease\r\n"), "%s", s);
    cr_assert(strstr(s, "\r\nAB  - RESULTS: one line. CONCLUSIONS: another.\r\n"), "%s", s);
    cr_assert(strstr(s, "\r\nER  - \r\n"), "%s", s);
    free(s);
}

Test(refs, medline_wraps_long_fields)
{
    lm_article a = art;
    char *s, *p;
    char longtitle[400];
    size_t i;

    for (i = 0; i + 6 < sizeof longtitle; i += 6)
        memcpy(longtitle + i, "words ", 6);
    longtitle[i] = '\0';
    a.title = longtitle;
    s = render(LM_EXPORT_MEDLINE, &a);
    cr_assert(!strncmp(s, "PMID- 95000001\n", 15), "%s", s);
    cr_assert(strstr(s, "\nTI  - words words"), "%s", s);
    cr_assert(strstr(s, "\n      words"), "continuation lines: %s", s);
    for (p = s; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0))
        cr_assert_leq(strcspn(p, "\n"), 80, "line over 80 columns: %.100s", p);
    cr_assert(strstr(s, "\nAU  - Lee JH\n"), "%s", s);
    cr_assert(strstr(s, "\nAID - 10.99999/t.1 [doi]\n"), "%s", s);
    free(s);
}

Test(refs, other_formats_refused)
{
    cr_assert_eq(lm_export_reference(stdout, LM_EXPORT_CSV, &art), LM_ERR_USAGE);
    cr_assert(lm_export_is_reference(LM_EXPORT_RIS) && !lm_export_is_reference(LM_EXPORT_JSONL));
}

/* ---- subsets ----------------------------------------------------------- */

static struct scratch sc;

static void setup(void) { scratch_open(&sc, "lm_refs", "pipeline/refs.xml"); }
static void teardown(void) { scratch_close(&sc); }

static char *subset(lm_export_what w, lm_export_format fmt, const int64_t *ids, size_t n,
                    uint64_t *rows)
{
    char *buf = NULL, msg[256] = "";
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    cr_assert_not_null(f);
    cr_assert_eq(lm_export_subset(sc.c, w, fmt, ids, n, f, rows, msg, sizeof msg), LM_OK, "%s", msg);
    fclose(f);
    return buf;
}

Test(subset, list_order_duplicates_and_unknown, .init = setup, .fini = teardown)
{
    const int64_t ids[] = { 91000002, 99999999, 91000001, 91000002 };
    uint64_t rows = 0;
    char *s = subset(LM_WHAT_ARTICLES, LM_EXPORT_JSONL, ids, 4, &rows);
    char *second = strchr(s, '\n');

    cr_assert_eq(rows, 2);
    cr_assert(!strncmp(s, "{\"pmid\":\"91000002\"", 18), "%s", s);
    cr_assert(second && !strncmp(second + 1, "{\"pmid\":\"91000001\"", 18), "%s", s);
    free(s);
}

Test(subset, references_of_everything_and_of_none, .init = setup, .fini = teardown)
{
    const int64_t none[1] = { 0 };
    uint64_t rows = 0;
    char *s = subset(LM_WHAT_ARTICLES, LM_EXPORT_BIBTEX, NULL, 0, &rows);

    cr_assert_eq(rows, 2);
    cr_assert(strstr(s, "@article{mullerlukasz2024pmid91000001,"), "%s", s);
    free(s);
    s = subset(LM_WHAT_ARTICLES, LM_EXPORT_CSV, none, 0, &rows);
    cr_assert_eq(rows, 0);
    cr_assert(!strncmp(s, "pmid,version,", 13) && !strchr(strchr(s, '\n') + 1, '\n'),
              "header only: %s", s);
    free(s);
}

Test(subset, studies_of_a_subset_and_refusals, .init = setup, .fini = teardown)
{
    const int64_t ids[] = { 91000002 };
    lm_extractor *ex = NULL;
    uint64_t rows = 9;
    char msg[256] = "", *s;
    FILE *f;

    cr_assert_eq(lm_extractor_open(LM_EXTRACT_NO_JIT, &ex), LM_OK);
    cr_assert_eq(lm_extract_run(ex, sc.c, NULL, 0, NULL, NULL), LM_OK, "%s", lm_extractor_errmsg(ex));
    lm_extractor_close(ex);
    s = subset(LM_WHAT_STUDIES, LM_EXPORT_JSONL, ids, 1, &rows);
    cr_assert_eq(rows, 1, "the one listed study (its design row at least)");
    cr_assert(!strstr(s, "91000001"), "only the listed PMID: %s", s);
    free(s);
    f = fopen("/dev/null", "w");
    cr_assert_eq(lm_export_subset(sc.c, LM_WHAT_STUDIES, LM_EXPORT_RIS, NULL, 0, f, &rows,
                                  msg, sizeof msg), LM_ERR_USAGE);
    cr_assert(strstr(msg, "articles only"), "%s", msg);
    fclose(f);
}
