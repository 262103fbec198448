/* libFuzzer harness: number normalisation, every number parser and every
 * extractor (rules, design) on arbitrary text, as an abstract would give
 * it.  Checks the contract too: spans inside the text, CIs not reversed,
 * percents within 0-100. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/extract.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void numbers(const char *s, size_t len)
{
    double v, k, n, lo, hi, level, p;
    char op[3];
    size_t i, used;

    for (i = 0; i < len; i++) {
        if (lm_num_any(s + i, len - i, &v, &used) && (used == 0 || used > len - i))
            abort();
        if (lm_frac_parse(s + i, len - i, &k, &n, &used) && (k > n || used > len - i))
            abort();
        if (lm_pct_parse(s + i, len - i, &v, &used) && (v < 0 || v > 100))
            abort();
        if (lm_p_parse(s + i, len - i, &p, op, &used) && (p < 0 || p > 1))
            abort();
        (void)lm_ci_parse(s + i, len - i, 0, &lo, &hi, &level, &used);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lm_extractor *ex;
    lm_extractions x;
    lm_normtext nt = {0};
    const char *s = (const char *)data;
    size_t i;

    if (!ex && lm_extractor_open(0, &ex) != LM_OK)
        abort();
    if (lm_text_norm(s, size, &nt) == LM_OK && nt.map[nt.len] != size)
        abort();
    lm_normtext_free(&nt);
    numbers(s, size);
    lm_extractions_init(&x);
    if (lm_extract_text(ex, s, size, "abstract", &x) == LM_OK)
        for (i = 0; i < x.len; i++) {
            const lm_extraction *e = &x.v[i];
            if (e->span_end > size || e->span_start > e->span_end)
                abort();
            if (e->kind == LM_KIND_RATE && (e->value < 0 || e->value > 100))
                abort();
        }
    {
        /* design takes NUL-terminated strings, as stored articles give them */
        char *z = malloc(size + 1);
        if (z) {
            memcpy(z, s, size);
            z[size] = '\0';
            (void)lm_extract_design(ex, z, z, "Randomized Controlled Trial", NULL, &x);
            free(z);
        }
    }
    lm_extractions_free(&x);
    return 0;
}
