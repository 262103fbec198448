/* Growable byte strings.  Appends grow the allocation geometrically so a
 * record's fields settle at their high-water mark and are then reused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/core.h>

lm_err lm_buf_reserve(lm_buf *b, size_t extra)
{
    size_t need, cap;
    char *s;

    if (extra > SIZE_MAX - b->len - 1)
        return LM_ERR_NOMEM;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return LM_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    s = realloc(b->s, cap);
    if (!s)
        return LM_ERR_NOMEM;
    b->s = s;
    b->cap = cap;
    return LM_OK;
}

lm_err lm_grow(void *arr, size_t *cap, size_t n, size_t size, size_t first)
{
    size_t nc;
    void *p;

    if (n < *cap)
        return LM_OK;
    nc = *cap ? *cap : (first ? first : 1);
    while (nc <= n) {
        if (nc > SIZE_MAX / 2)
            return LM_ERR_NOMEM;
        nc *= 2;
    }
    if (*cap == 0 && first > n)
        nc = first;
    if (size && nc > SIZE_MAX / size)
        return LM_ERR_NOMEM;
    memcpy(&p, arr, sizeof p);      /* arr is a T **, seen as void * */
    if (!(p = realloc(p, nc * size)))
        return LM_ERR_NOMEM;
    memcpy(arr, &p, sizeof p);
    *cap = nc;
    return LM_OK;
}

lm_err lm_buf_append(lm_buf *b, const char *s, size_t n)
{
    lm_err rc = lm_buf_reserve(b, n);

    if (rc)
        return rc;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return LM_OK;
}

lm_err lm_buf_puts(lm_buf *b, const char *s)
{
    return lm_buf_append(b, s, strlen(s));
}

lm_err lm_buf_printf(lm_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    lm_err rc;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return LM_ERR_USAGE;
    if ((rc = lm_buf_reserve(b, (size_t)n)))
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return LM_OK;
}

void lm_buf_clear(lm_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void lm_buf_free(lm_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

size_t lm_utf8_next(const char *str, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0], n, i, v;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf)
        n = 1, v = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        n = 2, v = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 3, v = c & 0x07;
    else
        return 0;
    for (i = 1; i <= n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3f);
    }
    if ((n == 2 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff)))
        || (n == 3 && (v < 0x10000 || v > 0x10ffff)))
        return 0;
    *cp = v;
    return n + 1;
}

int lm_utf8_valid(const char *s)
{
    unsigned cp;
    size_t n;

    if (!s)
        return 1;
    for (; *s; s += n)
        if (!(n = lm_utf8_next(s, &cp)))
            return 0;
    return 1;
}
