/* Regression tests for crashes the fuzzers found in the extractors.  Each
 * input sits in an exact-size heap buffer, so ASan (the sanitizer build)
 * and valgrind see any read past its end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>
#include <litmine/extract.h>

static char *exact(const void *data, size_t len)
{
    char *p = malloc(len ? len : 1);

    cr_assert_not_null(p);
    memcpy(p, data, len);
    return p;
}

/* fuzz_extract: a scientific exponent ending exactly at the end of the text
 * made strtol read past it (extractors/norm.c sci_suffix). */
Test(regress, sci_exponent_at_end_of_text)
{
    const char *t = "1.2 x 10^5";
    char *p = exact(t, strlen(t));
    double v = 0;
    size_t used = 0;

    cr_assert_eq(lm_num_parse(p, strlen(t), &v, &used), 1);
    cr_assert_eq(used, strlen(t));
    cr_assert_float_eq(v, 1.2e5, 1e-6);
    free(p);
}

Test(regress, fuzz_crash_input_runs_clean)
{
    char path[1024], *p;
    FILE *f;
    long n;
    size_t i, used;
    double v;
    lm_extractor *ex = NULL;
    lm_extractions x;

    snprintf(path, sizeof path, "%s/extractors/crash-sci-exponent-at-end.bin", LM_FIXTURES);
    cr_assert_not_null(f = fopen(path, "rb"));
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    p = malloc((size_t)n);
    cr_assert_eq(fread(p, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    for (i = 0; i < (size_t)n; i++)
        (void)lm_num_any(p + i, (size_t)n - i, &v, &used);
    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    lm_extractions_init(&x);
    cr_assert_eq(lm_extract_text(ex, p, (size_t)n, "abstract", &x), LM_OK);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
    free(p);
}
