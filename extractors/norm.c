/* Number normalisation: the text rewrite the rules match against (with a
 * map back to original bytes), and hand-written parsers for numbers, number
 * words, fractions, percents, p-values and confidence intervals.  These are
 * public so that the reconciler reads an article's numbers with exactly the
 * same code that read the abstracts.  None of them allocates except
 * lm_text_norm. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "extractors_int.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- text normalisation ------------------------------------------------ */

/* Replacement for the UTF-8 sequence at @p s (n bytes available): sets
 * *inlen to the bytes consumed and returns the ASCII replacement ("" drops
 * the character), or NULL to copy the byte as is. */
static const char *norm_seq(const unsigned char *s, size_t n, size_t *inlen)
{
    unsigned cp;

    if (s[0] < 0x80 || n < 2)
        return NULL;
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *inlen = 2;
        cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    } else if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80
               && (s[2] & 0xC0) == 0x80) {
        *inlen = 3;
        cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    } else {
        return NULL;
    }
    switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE63: case 0xFF0D: case 0x207B:
        return "-";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x202F: case 0x205F: case 0x3000:
        return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD:
        return "";
    case 0x00B7: case 0x2027: case 0x22C5: case 0x2219:
        return "\xB7";          /* decided by the caller: '.' or 'x' */
    case 0x2264: return "<=";
    case 0x2265: return ">=";
    case 0x2266: return "<=";
    case 0x2267: return ">=";
    case 0x00D7: return "x";
    case 0x00B2: return "2";
    case 0x00B3: return "3";
    case 0x00B9: return "1";
    case 0x2070: return "0";
    case 0x2074: return "4";
    case 0x2075: return "5";
    case 0x2076: return "6";
    case 0x2077: return "7";
    case 0x2078: return "8";
    case 0x2079: return "9";
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x03B7: return "eta";
    case 0x03B2: return "beta";
    case 0x03C7: return "chi";
    case 0x03C1: return "rho";
    case 0x03BA: return "kappa";
    default:
        return NULL;
    }
}

static lm_err norm_grow(lm_normtext *t, size_t need)
{
    size_t cap = t->cap ? t->cap : 256;
    char *s;
    size_t *m;

    if (need <= t->cap)
        return LM_OK;
    while (cap < need)
        cap *= 2;
    if (!(s = realloc(t->s, cap)))
        return LM_ERR_NOMEM;
    t->s = s;
    if (!(m = realloc(t->map, cap * sizeof *m)))
        return LM_ERR_NOMEM;
    t->map = m;
    /* PCRE2's JIT reads ahead of the subject's end in wide loads: keep the
     * slack initialised so that is never a read of undefined bytes */
    memset(s + t->cap, 0, cap - t->cap);
    t->cap = cap;
    return LM_OK;
}

/* A middle dot between digits is a decimal point ("0·25"), unless the
 * number already has one, when it is a multiplication ("1·2·10-5"). */
static char middle_dot(const lm_normtext *t, const unsigned char *next, size_t left)
{
    size_t i = t->len;

    if (!i || !isdigit((unsigned char)t->s[i - 1]) || !left || !isdigit(*next))
        return ' ';
    while (i && isdigit((unsigned char)t->s[i - 1]))
        i--;
    return i && t->s[i - 1] == '.' ? 'x' : '.';
}

/* The length of the run of plain ASCII bytes (0x20 to 0x7F) at @p s,
 * eight bytes at a time: a byte below 0x80 is at least 0x20 when adding
 * 0x60 sets its top bit. */
static size_t plain_run(const unsigned char *s, size_t len)
{
    size_t i = 0;
    uint64_t x;

    for (; i + 8 <= len; i += 8) {
        memcpy(&x, s + i, 8);
        if ((((x & 0x7F7F7F7F7F7F7F7Full) + 0x6060606060606060ull) & ~x & 0x8080808080808080ull)
            != 0x8080808080808080ull)
            break;
    }
    while (i < len && s[i] >= 0x20 && s[i] < 0x80)
        i++;
    return i;
}

lm_err lm_text_norm(const char *in, size_t len, lm_normtext *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, n, k;
    const char *rep;
    lm_err rc;

    out->len = 0;
    /* Replacements are at most 3 bytes for a 2-3 byte sequence, except
     * "eta"/"chi"/"rho" (3 for 2), and "<=" (2 for 3): 2x is always enough. */
    if ((rc = norm_grow(out, 2 * len + 1)))
        return rc;
    while (i < len) {
        /* plain ASCII (most of any abstract) is copied as is, a run at a
         * time (its map an arithmetic sequence) */
        size_t o = out->len, r = plain_run(s + i, len - i);
        size_t *m = out->map + o;
        memcpy(out->s + o, s + i, r);
        /* four at a time: the run is most of the text */
        k = 0;
#if defined(__SSE2__) && SIZE_MAX == UINT64_MAX
        {
            __m128i v = _mm_set_epi64x((long long)(i + 1), (long long)i);
            const __m128i two = _mm_set1_epi64x(2), four = _mm_set1_epi64x(4);

            for (; k + 4 <= r; k += 4) {
                _mm_storeu_si128((__m128i *)(void *)(m + k), v);
                _mm_storeu_si128((__m128i *)(void *)(m + k + 2), _mm_add_epi64(v, two));
                v = _mm_add_epi64(v, four);
            }
        }
#endif
        for (; k + 4 <= r; k += 4) {
            m[k] = i + k;
            m[k + 1] = i + k + 1;
            m[k + 2] = i + k + 2;
            m[k + 3] = i + k + 3;
        }
        for (; k < r; k++)
            m[k] = i + k;
        out->len = o + r;
        i += r;
        if (i == len)
            break;
        n = 1;
        rep = norm_seq(s + i, len - i, &n);
        if (!rep && s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
            i++;            /* control characters: PDF-conversion debris */
            continue;
        }
        if (!rep) {
            out->s[out->len] = s[i] ? (char)s[i] : ' ';
            out->map[out->len++] = i;
            i++;
            continue;
        }
        if (rep[0] == '\xB7' && !rep[1]) {
            out->s[out->len] = middle_dot(out, s + i + n, len - i - n);
            out->map[out->len++] = i;
        } else {
            for (k = 0; rep[k]; k++) {
                out->s[out->len] = rep[k];
                out->map[out->len++] = i;
            }
        }
        i += n;
    }
    out->s[out->len] = '\0';
    out->map[out->len] = len;
    return LM_OK;
}

void lm_normtext_free(lm_normtext *t)
{
    if (!t)
        return;
    free(t->s);
    free(t->map);
    memset(t, 0, sizeof *t);
}

/* ---- numbers ----------------------------------------------------------- */

/* Matches a raw-unicode or ASCII minus at s; returns its length or 0. */
static size_t minus_len(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;

    if (len >= 1 && s[0] == '-')
        return 1;
    if (len >= 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
        return 3;          /* U+2212 */
    if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
        return 3;          /* en/em dash used as minus */
    return 0;
}

/* A space usable as thousands separator: ' ', U+2009, U+202F, U+00A0. */
static size_t thin_space_len(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;

    if (len >= 1 && s[0] == ' ')
        return 1;
    if (len >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF))
        return 3;
    return 0;
}

static size_t middot_len(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;

    if (len >= 2 && u[0] == 0xC2 && u[1] == 0xB7)
        return 2;
    if (len >= 3 && u[0] == 0xE2 && ((u[1] == 0x80 && u[2] == 0xA7)
                                     || (u[1] == 0x8B && u[2] == 0x85)))
        return 3;
    return 0;
}

static size_t digits(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len && isdigit((unsigned char)s[i]))
        i++;
    return i;
}

/* "x 10^-5", "×10-5", "·10⁻⁵" after a mantissa: returns bytes used, sets *e. */
static size_t sci_suffix(const char *s, size_t len, int *e)
{
    size_t i = 0, m, d;
    const unsigned char *u = (const unsigned char *)s;
    int neg = 0;
    long ev = 0;

    while (i < len && s[i] == ' ')
        i++;
    if (i < len && (s[i] == 'x' || s[i] == 'X' || s[i] == '*'))
        i++;
    else if (i + 1 < len && u[i] == 0xC3 && u[i + 1] == 0x97)
        i += 2;
    else if ((m = middot_len(s + i, len - i)))
        i += m;
    else
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    if (i + 2 > len || s[i] != '1' || s[i + 1] != '0')
        return 0;
    i += 2;
    if (i < len && s[i] == '^')
        i++;
    if ((m = minus_len(s + i, len - i))) {
        neg = 1;
        i += m;
    } else if (i + 3 <= len && u[i] == 0xE2 && u[i + 1] == 0x81 && u[i + 2] == 0xBB) {
        neg = 1;         /* superscript minus */
        i += 3;
    }
    d = digits(s + i, len - i);
    if (!d || d > 4)
        return 0;
    /* by hand, not strtol: the text is not NUL-terminated at @len (a
     * fuzzer found strtol reading past the end) */
    for (ev = 0, m = 0; m < d; m++)
        ev = ev * 10 + (s[i + m] - '0');
    *e = (int)(neg ? -ev : ev);
    return i + d;
}

int lm_num_parse(const char *s, size_t len, double *v, size_t *used)
{
    char buf[80];
    size_t i = 0, b = 0, d, m = 0, g;
    int e = 0;
    double x;

    if (!s || !len)
        return 0;
    if (s[0] == '+') {
        i = 1;
    } else if ((m = minus_len(s, len)) && m < len
               && (isdigit((unsigned char)s[m]) || s[m] == '.')) {
        buf[b++] = '-';
        i = m;
    }
    d = digits(s + i, len - i);
    if (d > 40)
        return 0;
    memcpy(buf + b, s + i, d);
    b += d;
    i += d;
    /* thousands groups: only after a first group of 1-3 digits */
    if (d >= 1 && d <= 3) {
        for (;;) {
            if (i < len && s[i] == ',')
                g = 1;
            else
                g = thin_space_len(s + i, len - i);
            if (!g || i + g + 3 > len || digits(s + i + g, len - i - g) != 3)
                break;
            if (b + 3 >= 60)
                return 0;
            memcpy(buf + b, s + i + g, 3);
            b += 3;
            i += g + 3;
        }
    }
    if (i < len && (s[i] == '.' || (m = middot_len(s + i, len - i)))) {
        m = s[i] == '.' ? 1 : m;
        if (i + m < len && isdigit((unsigned char)s[i + m])) {
            d = digits(s + i + m, len - i - m);
            if (d > 20 || b + d + 2 >= sizeof buf)
                return 0;
            buf[b++] = '.';
            memcpy(buf + b, s + i + m, d);
            b += d;
            i += m + d;
        }
    }
    if (b == 0 || (b == 1 && buf[0] == '-'))
        return 0;
    /* exponent: 1e-5 / 1E+3 */
    if (i + 1 < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1, sg = 0;
        if (j < len && (s[j] == '-' || s[j] == '+'))
            sg = 1;
        d = digits(s + j + sg, len - j - sg);
        if (d && d <= 5 && !(j + sg + d < len && isalpha((unsigned char)s[j + sg + d]))) {
            if (b + 1 + sg + d >= sizeof buf)
                return 0;
            buf[b++] = 'e';
            if (sg)
                buf[b++] = s[j];
            memcpy(buf + b, s + j + sg, d);
            b += d;
            i = j + sg + d;
        }
    } else if ((m = sci_suffix(s + i, len - i, &e))) {
        i += m;
    }
    buf[b] = '\0';
    x = strtod(buf, NULL);
    if (e)
        x *= pow(10.0, e);
    if (!isfinite(x))
        return 0;
    *v = x;
    *used = i;
    return 1;
}

/* ---- number words ------------------------------------------------------ */

static const char *const units[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen"
};
static const char *const tens[] = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety"
};

/* Length of the alphabetic word at s. */
static size_t word_len(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len && isalpha((unsigned char)s[i]))
        i++;
    return i;
}

static int word_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && !strncasecmp(s, w, n);
}

/* Value of one number word: 0-19, tens, or -100 hundred, -1000 thousand,
 * -1 not a number word. */
static int word_value(const char *s, size_t n)
{
    size_t k;

    for (k = 0; k < sizeof units / sizeof units[0]; k++)
        if (word_is(s, n, units[k]))
            return (int)k;
    for (k = 2; k < sizeof tens / sizeof tens[0]; k++)
        if (word_is(s, n, tens[k]))
            return (int)(k * 10);
    if (word_is(s, n, "hundred"))
        return -100;
    if (word_is(s, n, "thousand"))
        return -1000;
    return -1;
}

int lm_num_words(const char *s, size_t len, int allow_one, double *v, size_t *used)
{
    size_t i = 0, n, end = 0, nwords = 0, j;
    long total = 0, cur = 0;
    int w, last = -1;   /* last: 0 unit, 1 ten, 2 hundred, 3 thousand */

    if (!s)
        return 0;
    for (;;) {
        n = word_len(s + i, len - i);
        if (!n)
            break;
        w = word_value(s + i, n);
        if (w < 0 && w != -100 && w != -1000) {
            break;
        } else if (w == -100) {
            /* "two hundred", "thirteen hundred", "twenty-five hundred" */
            if ((last != 0 && last != 1) || cur <= 0 || cur >= 100)
                break;
            cur *= 100;
            last = 2;
        } else if (w == -1000) {
            if (last < 0 || last == 3 || cur <= 0)
                break;
            total += cur * 1000;
            cur = 0;
            last = 3;
        } else if (w >= 20) {
            if (cur % 100 != 0 || last == 0 || last == 1)
                break;
            cur += w;
            last = 1;
        } else {
            if (last == 0 || (last == 1 && w >= 10) || (last == 1 && w == 0))
                break;
            if (w >= 10 && cur % 100 != 0)
                break;
            cur += w;
            last = 0;
        }
        nwords++;
        end = i + n;
        i += n;
        /* separators: '-', ' ', " and " or "-and-" (only after hundred/thousand) */
        j = i;
        if (j < len && (s[j] == '-' || s[j] == ' ')) {
            j++;
            if ((last == 2 || last == 3) && j + 4 <= len && !strncasecmp(s + j, "and", 3)
                && s[j + 3] == s[j - 1])
                j += 4;
            i = j;
        } else {
            break;
        }
    }
    if (!nwords || (s + end < s + len && isalnum((unsigned char)s[end])))
        return 0;
    total += cur;
    if (total == 1 && nwords == 1 && !allow_one)
        return 0;
    *v = (double)total;
    *used = end;
    return 1;
}

int lm_num_any(const char *s, size_t len, double *v, size_t *used)
{
    if (lm_num_parse(s, len, v, used))
        return 1;
    return lm_num_words(s, len, 1, v, used);
}

/* Skips ' ' runs; returns the new index. */
static size_t skip_sp(const char *s, size_t len, size_t i)
{
    size_t m;

    for (;;) {
        if (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
            i++;
        else if ((m = thin_space_len(s + i, len - i)))
            i += m;
        else
            return i;
    }
}

/* Case-insensitive word at s[i] followed by a non-letter; returns end or 0. */
static size_t kw(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);

    if (i + n > len || strncasecmp(s + i, w, n))
        return 0;
    if (i + n < len && isalpha((unsigned char)s[i + n]))
        return 0;
    return i + n;
}

static int is_count(double x)
{
    return x >= 0 && x < 1e9 && floor(x) == x;
}

int lm_frac_parse(const char *s, size_t len, double *k, double *n, size_t *used)
{
    double a, b;
    size_t i, u, j;

    if (!lm_num_any(s, len, &a, &u) || !is_count(a))
        return 0;
    i = skip_sp(s, len, u);
    if (i < len && s[i] == '/') {
        i = skip_sp(s, len, i + 1);
    } else if ((j = kw(s, len, i, "of")) || (j = kw(s, len, i, "in"))) {
        i = skip_sp(s, len, j);
        if ((j = kw(s, len, i, "the")))
            i = skip_sp(s, len, j);
    } else if ((j = kw(s, len, i, "out"))) {
        i = skip_sp(s, len, j);
        if (!(j = kw(s, len, i, "of")))
            return 0;
        i = skip_sp(s, len, j);
    } else {
        return 0;
    }
    if (!lm_num_any(s + i, len - i, &b, &u) || !is_count(b) || b <= 0 || a > b)
        return 0;
    *k = a;
    *n = b;
    *used = i + u;
    return 1;
}

int lm_pct_parse(const char *s, size_t len, double *v, size_t *used)
{
    double x;
    size_t u, i, j;

    if (!lm_num_parse(s, len, &x, &u))
        return 0;
    i = u;
    if (i < len && s[i] == ' ')
        i++;
    if (i < len && s[i] == '%')
        j = i + 1;
    else if (!(j = kw(s, len, i, "percent")) && !(j = kw(s, len, i, "per cent")))
        return 0;
    if (x < 0 || x > 100)
        return 0;
    *v = x;
    *used = j;
    return 1;
}

/* Comparison operator at s[i]: fills op, returns bytes used or 0. */
static size_t cmp_op(const char *s, size_t len, size_t i, char op[3])
{
    const unsigned char *u = (const unsigned char *)s + i;

    if (i + 3 <= len && u[0] == 0xE2 && u[1] == 0x89 && (u[2] == 0xA4 || u[2] == 0xA5)) {
        op[0] = u[2] == 0xA4 ? '<' : '>';
        op[1] = '=';
        op[2] = 0;
        return 3;
    }
    if (i < len && (s[i] == '<' || s[i] == '>')) {
        op[0] = s[i];
        op[1] = op[2] = 0;
        if (i + 1 < len && s[i + 1] == '=') {
            op[1] = '=';
            return 2;
        }
        return 1;
    }
    if (i < len && s[i] == '=') {
        op[0] = '=';
        op[1] = 0;
        return 1;
    }
    return 0;
}

int lm_p_parse(const char *s, size_t len, double *p, char op[3], size_t *used)
{
    size_t i = 0, j, m;
    double x;

    if (!s || !len || (s[0] != 'p' && s[0] != 'P'))
        return 0;
    i = 1;
    if (i < len && isalpha((unsigned char)s[i])) {
        return 0;
    }
    /* "p-value", "p value", "P(trend)" are not taken: keep it to values */
    j = i;
    if (j < len && (s[j] == '-' || s[j] == ' '))
        j++;
    /* "p - value", "p- value", "p -value" */
    if (j + 1 < len && ((s[j - 1] == ' ' && s[j] == '-') || (s[j - 1] == '-' && s[j] == ' ')))
        j++;
    if (j < len && s[j] == ' ' && s[j - 1] == '-')
        j++;
    if ((m = kw(s, len, j, "value")) || (m = kw(s, len, j, "values")))
        i = m;
    i = skip_sp(s, len, i);
    if ((m = cmp_op(s, len, i, op))) {
        i += m;
    } else if ((m = kw(s, len, i, "of")) || (m = kw(s, len, i, "was"))
               || (m = kw(s, len, i, "is")) || (m = kw(s, len, i, "were"))) {
        i = m;
        j = skip_sp(s, len, i);
        if ((m = cmp_op(s, len, j, op)))
            i = j + m;
        else {
            op[0] = '=';
            op[1] = 0;
        }
    } else {
        return 0;
    }
    i = skip_sp(s, len, i);
    if (i + 2 < len && s[i] == '.' && s[i + 1] == ' ' && isdigit((unsigned char)s[i + 2])) {
        /* "p < . 001": a space after the point, from PDF conversion */
        char buf[24];
        size_t d = digits(s + i + 2, len - i - 2);
        if (d > 20)
            return 0;
        buf[0] = '.';
        memcpy(buf + 1, s + i + 2, d);
        buf[d + 1] = '\0';
        *p = strtod(buf, NULL);
        *used = i + 2 + d;
        return 1;
    }
    if (!lm_num_parse(s + i, len - i, &x, &m) || x < 0 || x > 1)
        return 0;
    *p = x;
    *used = i + m;
    return 1;
}

/* "CI", "C.I.", "confidence interval(s)", "CrI", "credible interval". */
static size_t ci_label(const char *s, size_t len, size_t i)
{
    size_t m;

    if ((m = kw(s, len, i, "CI")) || (m = kw(s, len, i, "CIs")) || (m = kw(s, len, i, "CrI"))
        || (m = kw(s, len, i, "confidence interval"))
        || (m = kw(s, len, i, "confidence intervals"))
        || (m = kw(s, len, i, "credible interval")))
        return m;
    if (i + 4 <= len && !strncasecmp(s + i, "C.I.", 4))
        return i + 4;
    return 0;
}

/* Separator between two bounds: '-', dashes, "to", ",", ";". */
static size_t ci_sep(const char *s, size_t len, size_t i)
{
    size_t j = skip_sp(s, len, i), m;

    if (j < len && (s[j] == ',' || s[j] == ';'))
        return skip_sp(s, len, j + 1);
    if ((m = kw(s, len, j, "to")) || (m = kw(s, len, j, "and")))
        return skip_sp(s, len, m);
    if ((m = minus_len(s + j, len - j)))
        return skip_sp(s, len, j + m);
    return 0;
}

int lm_ci_parse(const char *s, size_t len, int need_label, double *lo, double *hi,
                double *level, size_t *used)
{
    size_t i = 0, m, j;
    double lv = 0, a, b;
    char open = 0;
    int labelled = 0;

    if (!s || !len)
        return 0;
    /* optional level "95%" / "95 %" */
    if (lm_num_parse(s, len, &a, &m)) {
        j = m;
        if (j < len && s[j] == ' ')
            j++;
        if (j < len && s[j] == '%') {
            lv = a;
            i = skip_sp(s, len, j + 1);
        }
    }
    if ((m = ci_label(s, len, i))) {
        labelled = 1;
        i = skip_sp(s, len, m);
        /* "[CI]" / "(CI)" after the long form */
        if (i < len && (s[i] == '[' || s[i] == '(') && (m = ci_label(s, len, i + 1))
            && m < len && (s[m] == ']' || s[m] == ')'))
            i = skip_sp(s, len, m + 1);
        if (i < len && (s[i] == ':' || s[i] == '=' || s[i] == ','))
            i = skip_sp(s, len, i + 1);
        if ((m = kw(s, len, i, "of")) || (m = kw(s, len, i, "from")))
            i = skip_sp(s, len, m);
    } else if (lv > 0 || need_label) {
        return 0;
    }
    if (i < len && (s[i] == '(' || s[i] == '[')) {
        open = s[i];
        i = skip_sp(s, len, i + 1);
    } else if (!labelled) {
        return 0;
    }
    if (!lm_num_parse(s + i, len - i, &a, &m))
        return 0;
    i += m;
    if (i < len && s[i] == '%')
        i++;
    if (!(j = ci_sep(s, len, i)))
        return 0;
    i = j;
    if (!lm_num_parse(s + i, len - i, &b, &m))
        return 0;
    i += m;
    if (i < len && s[i] == '%')
        i++;
    if (open) {
        j = skip_sp(s, len, i);
        if (j < len && (s[j] == ')' || s[j] == ']'))
            i = j + 1;
        else if (!labelled)
            return 0;
    }
    *lo = a;
    *hi = b;
    *level = lv;
    *used = i;
    return 1;
}

lm_err lm_wilson(double k, double n, double z, double *lo, double *hi)
{
    double p, d, c, h;

    if (!(n > 0) || !(k >= 0) || k > n || !isfinite(n) || !(z > 0))
        return LM_ERR_USAGE;
    p = k / n;
    d = 1 + z * z / n;
    c = (p + z * z / (2 * n)) / d;
    h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d;
    *lo = c - h < 0 ? 0 : c - h;
    *hi = c + h > 1 ? 1 : c + h;
    return LM_OK;
}

double extract_p_from_z(double z)
{
    return erfc(fabs(z) / sqrt(2.0));
}
