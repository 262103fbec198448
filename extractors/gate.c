/* Literal pre-filters for the rules: every needle of every rule's gate
 * (see the gates table in rules.c) is found in one pass over the text by an
 * Aho-Corasick automaton, built once per handle, instead of one memmem per
 * needle per rule.  The automaton folds case (its byte classes map both
 * cases of a letter to one class); an '='-prefixed needle must also have
 * the text's own case, checked where it occurs.  The alphabet is reduced to
 * the bytes the needles use (every other byte is one class), so the table
 * stays small.  The same pass
 * records where the start literals of the design cues occur (design.c
 * tries a cue only there). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "extractors_int.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct ac {
    unsigned char cls[256];   /* byte -> class, case-folded (0: a byte no needle uses) */
    unsigned ncls;
    uint32_t col[256];        /* byte -> its class's column in delta (class * nstates) */
    uint16_t *delta;          /* column + state -> next state, column by column */
    uint32_t *out_at;         /* state -> first entry in outs, out_at[s+1] its end */
    uint16_t *outs;           /* needle ids */
    size_t nstates;
    size_t nplain;            /* states below have no outputs, */
    size_t nonce;             /* below only needles that are found once (no K_*) */
    size_t depth;             /* the longest needle (1 when none) */
    unsigned char *pad;       /* depth bytes no needle uses (they keep the root),
                                 NULL when every byte is used */
};

/* Per needle, the lists it is in: v[at[id], at[id + 1]). */
struct inv {
    uint32_t *at;
    uint16_t *v;
};

/* What a needle's occurrence needs besides found[]: its offset kept (a
 * start literal), its case checked ('='). */
enum { K_POS = 1, K_CASE = 2 };

struct gate_set {
    struct ac ac;             /* every needle, lower-cased */
    size_t nneedles;
    char **needles;           /* distinct needles, "=" kept on case-sensitive ones */
    uint16_t *nlen;           /* needle length (without the '=') */
    unsigned char *kind;      /* per needle: K_POS, K_CASE or both (0: only found) */
    uint16_t **ids;           /* per list (gates, then start lists): needle ids,
                                 0xFFFF-terminated */
    struct inv lists_of;      /* per needle: the start lists it is in (0 the first
                                 after the gates) */
    struct inv gates_of;      /* per needle: the gates it opens */
    uint16_t *bytes;          /* the one-byte '=' needles (ac_byte) */
    size_t nbytes;
    size_t ngates, nlists;
};

/* A case-sensitive needle of one byte ("=I") is left out of the automaton
 * (folded, it would stop the scan at every "i") and found by memchr. */
static int ac_byte(const char *needle)
{
    return needle[0] == '=' && needle[1] && !needle[2];
}

/* Does a state with these outputs need more than found[]? */
static int ac_busy(const uint16_t *out, uint32_t n, const unsigned char *kind)
{
    uint32_t k;

    for (k = 0; k < n; k++)
        if (kind[out[k]])
            return 1;
    return 0;
}

/* Builds the automaton of all needles, lower-cased ('=' needles are
 * checked against the text's own case when they occur).  The scan is one
 * dependent load per byte, so the table is laid out for the cache: 16-bit
 * states, column by column (a byte's column is looked up independently of
 * the state), states renumbered breadth first so the shallow ones a text
 * visits most share a few cache lines, and the states with outputs last
 * (one compare tells them): first those whose needles need only found[]
 * (handled once per text), then the others. */
static lm_err ac_build(struct ac *a, char *const *needles, const unsigned char *kind, size_t n)
{
    size_t i, j, cap = 1, len, q, qh;
    int32_t *go = NULL;       /* trie: state * ncls + class -> state or -1 */
    uint32_t *fail = NULL, *queue = NULL, *cnt = NULL, *order = NULL, *byid = NULL;
    uint16_t **own = NULL;
    lm_err rc = LM_ERR_NOMEM;

    memset(a->cls, 0, sizeof a->cls);
    a->ncls = 1;
    a->depth = 1;
    for (i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)needles[i];
        if (ac_byte(needles[i]))
            continue;
        p += *p == '=';
        if (strlen((const char *)p) > a->depth)
            a->depth = strlen((const char *)p);
        for (; *p; p++, cap++) {
            unsigned char c = (unsigned char)tolower(*p);
            if (!a->cls[c])
                a->cls[c] = (unsigned char)a->ncls++;
        }
    }
    for (i = 0; i < 256; i++)
        a->cls[i] = a->cls[(unsigned char)tolower((int)i)];
    if (cap >= 0xFFFF || (uint64_t)cap * a->ncls >= 0xFFFFFFFFu)
        return LM_ERR_USAGE;
    if (!(go = malloc(cap * a->ncls * sizeof *go)) || !(fail = calloc(cap, sizeof *fail))
        || !(queue = malloc(cap * sizeof *queue)) || !(cnt = calloc(cap + 1, sizeof *cnt))
        || !(own = calloc(cap, sizeof *own)))
        goto done;
    memset(go, 0xFF, cap * a->ncls * sizeof *go);
    a->nstates = 1;
    for (i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)needles[i];
        size_t st = 0;
        uint16_t *v;

        if (ac_byte(needles[i]))
            continue;
        p += *p == '=';
        for (; *p; p++) {
            int32_t *t = &go[st * a->ncls + a->cls[*p]];
            if (*t < 0)
                *t = (int32_t)a->nstates++;
            st = (size_t)*t;
        }
        if (!(v = realloc(own[st], (cnt[st] + 1) * sizeof *v)))
            goto done;
        own[st] = v;
        v[cnt[st]++] = (uint16_t)i;
    }
    /* breadth first: failure links, full transitions, outputs merged */
    qh = q = 0;
    for (j = 0; j < a->ncls; j++) {
        int32_t *t = &go[j];
        if (*t < 0)
            *t = 0;
        else {
            fail[*t] = 0;
            queue[q++] = (uint32_t)*t;
        }
    }
    while (qh < q) {
        size_t st = queue[qh++], f = fail[st];
        if (cnt[f]) {
            uint16_t *v = realloc(own[st], (cnt[st] + cnt[f]) * sizeof *v);
            if (!v)
                goto done;
            own[st] = v;
            memcpy(v + cnt[st], own[f], cnt[f] * sizeof *v);
            cnt[st] += cnt[f];
        }
        for (j = 0; j < a->ncls; j++) {
            int32_t *t = &go[st * a->ncls + j];
            if (*t < 0)
                *t = go[f * a->ncls + j];
            else {
                fail[*t] = (uint32_t)go[f * a->ncls + j];
                queue[q++] = (uint32_t)*t;
            }
        }
    }
    /* new ids: breadth first (the queue's order), plain states first */
    if (!(order = malloc(a->nstates * sizeof *order))
        || !(byid = malloc(a->nstates * sizeof *byid)))
        goto done;
    order[0] = 0;             /* the root, without outputs (no needle is empty) */
    a->nplain = 1;
    for (i = 0; i < q; i++)
        if (!cnt[queue[i]])
            order[queue[i]] = (uint32_t)a->nplain++;
    for (i = 0, len = a->nplain; i < q; i++)
        if (cnt[queue[i]] && !ac_busy(own[queue[i]], cnt[queue[i]], kind))
            order[queue[i]] = (uint32_t)len++;
    a->nonce = len;
    for (i = 0; i < q; i++)
        if (cnt[queue[i]] && ac_busy(own[queue[i]], cnt[queue[i]], kind))
            order[queue[i]] = (uint32_t)len++;
    if (!(a->delta = malloc(a->nstates * a->ncls * sizeof *a->delta))
        || !(a->out_at = malloc((a->nstates + 1) * sizeof *a->out_at)))
        goto done;
    for (i = 0; i < a->nstates; i++)
        for (j = 0; j < a->ncls; j++)
            a->delta[j * a->nstates + order[i]] = (uint16_t)order[go[i * a->ncls + j]];
    for (i = 0; i < 256; i++)
        a->col[i] = (uint32_t)(a->cls[i] * a->nstates);
    for (i = 0; i < 256 && a->cls[i]; i++)
        ;
    if (i < 256) {
        if (!(a->pad = malloc(a->depth)))
            goto done;
        memset(a->pad, (int)i, a->depth);
    }
    for (i = 0; i < a->nstates; i++)
        byid[order[i]] = (uint32_t)i;
    for (i = 0, len = 0; i < a->nstates; i++) {
        a->out_at[i] = (uint32_t)len;
        len += cnt[byid[i]];
    }
    a->out_at[a->nstates] = (uint32_t)len;
    if (!(a->outs = malloc((len ? len : 1) * sizeof *a->outs)))
        goto done;
    for (i = 0; i < a->nstates; i++)
        if (cnt[byid[i]])
            memcpy(a->outs + a->out_at[i], own[byid[i]], cnt[byid[i]] * sizeof *a->outs);
    rc = LM_OK;
done:
    for (i = 0; own && i < cap; i++)
        free(own[i]);
    free(own);
    free(go);
    free(fail);
    free(queue);
    free(cnt);
    free(order);
    free(byid);
    return rc;
}

static void ac_free(struct ac *a)
{
    free(a->delta);
    free(a->out_at);
    free(a->outs);
    free(a->pad);
}

static lm_err push_hit(gate_found *f, size_t at, uint16_t id)
{
    if (f->nh == f->caph) {
        size_t cap = f->caph ? 2 * f->caph : 256;
        size_t *hp = realloc(f->hpos, cap * sizeof *hp);
        uint16_t *hi;
        if (!hp)
            return LM_ERR_NOMEM;
        f->hpos = hp;
        if (!(hi = realloc(f->hid, cap * sizeof *hi)))
            return LM_ERR_NOMEM;
        f->hid = hi;
        f->caph = cap;
    }
    f->hpos[f->nh] = at;
    f->hid[f->nh++] = id;
    return LM_OK;
}

/* Needle @p id occurs: found, and the gates it is in pass. */
static void found_set(const gate_set *g, gate_found *f, uint16_t id)
{
    uint32_t k;

    if (f->found[id])
        return;
    f->found[id] = 1;
    for (k = g->gates_of.at[id]; k < g->gates_of.at[id + 1]; k++)
        f->pass[g->gates_of.v[k]] = 1;
}

/* The outputs of state @p st, reached after byte @p i. */
static lm_err ac_out(const gate_set *g, const unsigned char *s, size_t i, size_t st,
                     gate_found *f)
{
    const struct ac *a = &g->ac;
    uint32_t k;

    if (st < a->nonce) {
        /* only found[]: once per text */
        if (f->seen[st / 8] & (1u << (st % 8)))
            return LM_OK;
        f->seen[st / 8] |= (unsigned char)(1u << (st % 8));
    }
    for (k = a->out_at[st]; k < a->out_at[st + 1]; k++) {
        uint16_t id = a->outs[k];
        size_t n = g->nlen[id], at = i + 1 - n;

        if (g->kind[id] & K_CASE) {
            /* case-sensitive: the text's own bytes must be the needle's */
            if (!f->found[id] && !memcmp(s + at, g->needles[id] + 1, n))
                found_set(g, f, id);
            continue;
        }
        found_set(g, f, id);
        if ((g->kind[id] & K_POS) && push_hit(f, at, id))
            return LM_ERR_NOMEM;
    }
    return LM_OK;
}

/* Bytes per block of ac_scan: the state after every byte of a block is
 * stored, then the states with outputs are picked out 8 at a time (SSE2)
 * and handled, so the byte loop has no branch that a text's frequent
 * short needles ("and", "ci") would mispredict, and no bookkeeping.  A
 * block is cut into AC_LANES lanes scanned side by side: one lane is a
 * chain of dependent loads, four keep the core busy.  A lane starts at the
 * root depth - 1 bytes before its first byte (the state after a byte is
 * the longest needle prefix ending there, at most depth bytes long, so
 * from its first byte on the lane is in the state of a scan from the
 * text's start); the first lane of the text warms up on bytes no needle
 * uses, which keep the root. */
#define AC_BLOCK 4096
#define AC_LANES 4

/* The lanes of one block of @p end bytes at @p s (end / AC_LANES >= depth;
 * @p pad: the warm-up of the first lane, NULL: the bytes before s): the
 * state after byte t into st[t]. */
static void ac_lanes(const struct ac *a, const unsigned char *s, size_t end,
                     const unsigned char *pad, uint16_t *st)
{
    const uint16_t *d = a->delta;
    const uint32_t *col = a->col;
    size_t q = end / AC_LANES, w = a->depth - 1, t;
    size_t st0 = 0, st1 = 0, st2 = 0, st3 = 0;
    const unsigned char *c0 = pad ? pad : s - w, *c1 = s + q - w, *c2 = s + 2 * q - w,
                        *c3 = s + 3 * q - w;
    uint16_t *o1 = st + q, *o2 = st + 2 * q, *o3 = st + 3 * q;

    for (t = 0; t < w; t++) {
        st0 = d[col[c0[t]] + st0];
        st1 = d[col[c1[t]] + st1];
        st2 = d[col[c2[t]] + st2];
        st3 = d[col[c3[t]] + st3];
    }
    c0 = s;
    c1 = s + q;
    c2 = s + 2 * q;
    c3 = s + 3 * q;
    for (t = 0; t < q; t++) {
        st[t] = (uint16_t)(st0 = d[col[c0[t]] + st0]);
        o1[t] = (uint16_t)(st1 = d[col[c1[t]] + st1]);
        o2[t] = (uint16_t)(st2 = d[col[c2[t]] + st2]);
        o3[t] = (uint16_t)(st3 = d[col[c3[t]] + st3]);
    }
    /* the last lane takes the end / AC_LANES remainder */
    for (; t < end - 3 * q; t++)
        o3[t] = (uint16_t)(st3 = d[col[c3[t]] + st3]);
}

static lm_err ac_scan(const gate_set *g, const unsigned char *s, size_t len, gate_found *f)
{
    const struct ac *a = &g->ac;
    const uint16_t *d = a->delta;
    const uint32_t *col = a->col;
    uint16_t stb[AC_BLOCK + 8], hit[AC_BLOCK];
    size_t b, t, end, st, n, i, plain = a->nplain;

    for (b = 0; b < len; b += AC_BLOCK) {
        end = len - b < AC_BLOCK ? len - b : AC_BLOCK;
        /* short texts (titles) in one lane: the warm-up would cost more */
        if (a->pad && end / AC_LANES >= a->depth)
            ac_lanes(a, s + b, end, b ? NULL : a->pad, stb);
        else {
            st = 0;
            for (t = b ? a->depth - 1 : 0; t > 0; t--)
                st = d[col[s[b - t]] + st];
            for (t = 0; t < end; t++)
                stb[t] = (uint16_t)(st = d[col[s[b + t]] + st]);
        }
        t = n = 0;
#ifdef __SSE2__
        {
            /* states >= plain: a saturated subtraction of plain - 1 leaves
             * them non-zero */
            const __m128i lim = _mm_set1_epi16((short)(uint16_t)(plain - 1)), z = _mm_setzero_si128();

            for (; t + 8 <= end; t += 8) {
                __m128i x = _mm_loadu_si128((const __m128i *)(stb + t));
                unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_subs_epu16(x, lim), z))
                             ^ 0xFFFFu;
                while (m) {
                    hit[n++] = (uint16_t)(t + (unsigned)__builtin_ctz(m) / 2);
                    m &= m - 1;
                    m &= m - 1;   /* a state is two bytes of the mask */
                }
            }
        }
#endif
        for (; t < end; t++)
            if (stb[t] >= plain)
                hit[n++] = (uint16_t)t;
        for (i = 0; i < n; i++)
            if (ac_out(g, s, b + hit[i], stb[hit[i]], f))
                return LM_ERR_NOMEM;
    }
    return LM_OK;
}

/* The id of needle [p, p+n), added when new; -1 when memory runs out. */
static int needle_id(gate_set *g, const char *p, size_t n)
{
    size_t i;
    char **v, *s;

    for (i = 0; i < g->nneedles; i++)
        if (strlen(g->needles[i]) == n && !memcmp(g->needles[i], p, n))
            return (int)i;
    if (!(v = realloc(g->needles, (g->nneedles + 1) * sizeof *v)))
        return -1;
    g->needles = v;
    if (!(s = malloc(n + 1)))
        return -1;
    memcpy(s, p, n);
    s[n] = '\0';
    g->needles[g->nneedles] = s;
    return (int)g->nneedles++;
}

/* The inverse of needle lists [from, to): per needle, the lists (counted
 * from @p from) it is in. */
static lm_err invert(const gate_set *g, size_t from, size_t to, struct inv *out)
{
    size_t i;
    const uint16_t *p;
    uint32_t *fill;

    if (!(out->at = calloc(g->nneedles + 2, sizeof *out->at)))
        return LM_ERR_NOMEM;
    for (i = from; i < to; i++)
        for (p = g->ids[i]; *p != 0xFFFF; p++)
            out->at[*p + 2]++;
    for (i = 2; i < g->nneedles + 2; i++)
        out->at[i] += out->at[i - 1];
    /* at[id + 1] is where needle id's lists go: it ends as their end */
    if (!(out->v = malloc((out->at[g->nneedles + 1] + 1) * sizeof *out->v)))
        return LM_ERR_NOMEM;
    fill = out->at + 1;
    for (i = from; i < to; i++)
        for (p = g->ids[i]; *p != 0xFFFF; p++)
            out->v[fill[*p]++] = (uint16_t)(i - from);
    return LM_OK;
}

lm_err gate_set_open(const char *const *extra, size_t nextra, gate_set **out)
{
    gate_set *g = calloc(1, sizeof *g);
    size_t i, k;
    const char *need;

    *out = g;
    if (!g)
        return LM_ERR_NOMEM;
    g->ngates = extract_ngates();
    g->nlists = g->ngates + design_nstarts() + nextra;
    if (!(g->ids = calloc(g->nlists, sizeof *g->ids)))
        return LM_ERR_NOMEM;
    for (i = 0; i < g->nlists; i++) {
        const char *p;
        size_t cnt = 1;

        need = i < g->ngates ? extract_gate_need(i)
             : i < g->ngates + design_nstarts() ? design_starts(i - g->ngates)
             : extra[i - g->ngates - design_nstarts()];
        if (!need)
            need = "";
        for (p = need; *p; p++)
            cnt += *p == '|';
        if (!(g->ids[i] = malloc((cnt + 1) * sizeof *g->ids[i])))
            return LM_ERR_NOMEM;
        for (p = need, k = 0;; ) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            int id = -1;

            if (n > (*p == '=') && (id = needle_id(g, p, n)) < 0)
                return LM_ERR_NOMEM;
            if (n > (*p == '='))
                g->ids[i][k++] = (uint16_t)id;
            if (!bar)
                break;
            p = bar + 1;
        }
        g->ids[i][k] = 0xFFFF;
    }
    if (g->nneedles >= 0xFFFF)
        return LM_ERR_USAGE;
    if (!(g->kind = calloc(g->nneedles + 1, 1)))
        return LM_ERR_NOMEM;
    for (i = g->ngates; i < g->nlists; i++) {
        const uint16_t *p;

        for (p = g->ids[i]; *p != 0xFFFF; p++)
            g->kind[*p] |= K_POS;
    }
    for (k = 0; k < g->nneedles; k++)
        if (g->needles[k][0] == '=')
            g->kind[k] |= K_CASE;
    if (!(g->nlen = malloc((g->nneedles + 1) * sizeof *g->nlen)))
        return LM_ERR_NOMEM;
    for (k = 0; k < g->nneedles; k++)
        g->nlen[k] = (uint16_t)strlen(g->needles[k] + (g->needles[k][0] == '='));
    if (!(g->bytes = malloc((g->nneedles + 1) * sizeof *g->bytes)))
        return LM_ERR_NOMEM;
    if (invert(g, 0, g->ngates, &g->gates_of) || invert(g, g->ngates, g->nlists, &g->lists_of))
        return LM_ERR_NOMEM;
    for (k = 0; k < g->nneedles; k++)
        if (ac_byte(g->needles[k]))
            g->bytes[g->nbytes++] = (uint16_t)k;
    return ac_build(&g->ac, g->needles, g->kind, g->nneedles);
}

void gate_set_close(gate_set *g)
{
    size_t i;

    if (!g)
        return;
    ac_free(&g->ac);
    free(g->nlen);
    free(g->bytes);
    free(g->gates_of.at);
    free(g->gates_of.v);
    free(g->lists_of.at);
    free(g->lists_of.v);
    for (i = 0; i < g->nneedles; i++)
        free(g->needles[i]);
    free(g->needles);
    for (i = 0; g->ids && i < g->nlists; i++)
        free(g->ids[i]);
    free(g->ids);
    free(g->kind);
    free(g);
}

const char *gate_needle_text(const gate_set *g, int id)
{
    return g->needles[id];
}

int gate_needle(const gate_set *g, const char *lit)
{
    size_t i;

    for (i = 0; i < g->nneedles; i++)
        if (!strcmp(g->needles[i], lit))
            return (int)i;
    return -1;
}

size_t gate_set_size(const gate_set *g)
{
    return g->nneedles;
}

void gate_found_free(gate_found *f)
{
    free(f->found);
    free(f->pass);
    free(f->seen);
    free(f->lpos);
    free(f->lat);
    free(f->lcnt);
    free(f->hpos);
    free(f->hid);
    memset(f, 0, sizeof *f);
}

/* Sorts the hits into their start lists once per text: list l's distinct
 * offsets, in order, are lpos[lat[l], lat[l] + lcnt[l]). */
static lm_err index_starts(const gate_set *g, gate_found *f)
{
    size_t nl = g->nlists - g->ngates, i, j, l, n, p, tot = 0;
    uint32_t k;

    if (!f->lat && (!(f->lat = malloc((nl + 1) * sizeof *f->lat))
                    || !(f->lcnt = malloc((nl + 1) * sizeof *f->lcnt))))
        return LM_ERR_NOMEM;
    memset(f->lcnt, 0, nl * sizeof *f->lcnt);
    for (i = 0; i < f->nh; i++)
        for (k = g->lists_of.at[f->hid[i]]; k < g->lists_of.at[f->hid[i] + 1]; k++)
            f->lcnt[g->lists_of.v[k]]++;
    for (l = 0; l < nl; l++) {
        f->lat[l] = tot;
        tot += f->lcnt[l];
        f->lcnt[l] = 0;
    }
    if (tot > f->caplpos) {
        size_t *v = realloc(f->lpos, tot * sizeof *v);
        if (!v)
            return LM_ERR_NOMEM;
        f->lpos = v;
        f->caplpos = tot;
    }
    for (i = 0; i < f->nh; i++)
        for (k = g->lists_of.at[f->hid[i]], p = f->hpos[i];
             k < g->lists_of.at[f->hid[i] + 1]; k++) {
            size_t *seg;

            l = g->lists_of.v[k];
            seg = f->lpos + f->lat[l];
            /* hits come in order of their end: insert by start, no duplicates */
            n = f->lcnt[l];
            for (j = n; j > 0 && seg[j - 1] > p; j--)
                ;
            if (j > 0 && seg[j - 1] == p)
                continue;
            if (j < n)          /* mostly in order: nothing to move */
                memmove(seg + j + 1, seg + j, (n - j) * sizeof *seg);
            seg[j] = p;
            f->lcnt[l]++;
        }
    return LM_OK;
}

lm_err gate_scan(const gate_set *g, const char *text, size_t len, gate_found *f)
{
    size_t i;
    lm_err rc;

    if (!f->found && !(f->found = malloc(g->nneedles + 1)))
        return LM_ERR_NOMEM;
    memset(f->found, 0, g->nneedles);
    f->nh = 0;
    if (!f->pass && !(f->pass = malloc(g->ngates + 1)))
        return LM_ERR_NOMEM;
    memset(f->pass, 0, g->ngates);
    if (!f->seen && !(f->seen = malloc(g->ac.nstates / 8 + 1)))
        return LM_ERR_NOMEM;
    memset(f->seen, 0, g->ac.nstates / 8 + 1);
    for (i = 0; i < g->nbytes; i++)
        if (len && memchr(text, g->needles[g->bytes[i]][1], len))
            found_set(g, f, g->bytes[i]);
    if ((rc = ac_scan(g, (const unsigned char *)text, len, f)))
        return rc;
    return index_starts(g, f);
}

lm_err gate_starts(const gate_set *g, size_t list, const gate_found *f, size_t **at,
                   size_t *nat, size_t *cap)
{
    size_t n = f->lcnt[list];

    (void)g;
    if (n > *cap) {
        size_t *v = realloc(*at, n * sizeof *v);
        if (!v)
            return LM_ERR_NOMEM;
        *at = v;
        *cap = n;
    }
    if (n)
        memcpy(*at, f->lpos + f->lat[list], n * sizeof **at);
    *nat = n;
    return LM_OK;
}

int gate_pass(const gate_found *f, int gate)
{
    return gate < 0 || f->pass[gate];
}

/* ---- where an anchored pattern may match ------------------------------- */

/* A byte set. */
typedef struct { uint64_t b[4]; } bset;

static void bs_add(bset *s, unsigned c)
{
    s->b[c / 64] |= 1ull << (c % 64);
}

/* c and, for a letter, its other case (matching is caseless: a superset
 * is safe for a pattern that turns caselessness off) */
static void bs_add_ci(bset *s, unsigned c)
{
    bs_add(s, c);
    if (c < 128 && isalpha((int)c))
        bs_add(s, (unsigned)(isupper((int)c) ? tolower((int)c) : toupper((int)c)));
}

static void bs_all(bset *s)
{
    memset(s, 0xFF, sizeof *s);
}

static void bs_or(bset *s, const bset *t)
{
    int k;

    for (k = 0; k < 4; k++)
        s->b[k] |= t->b[k];
}

/* PCRE2's word characters (its built-in tables, no UCP) */
static int pat_word(unsigned c)
{
    return pattern_word((unsigned char)c);
}

/* The bytes of escape \c (after the backslash; *p moved past it); 0 when
 * it matches no byte (an assertion), 1 when it does. */
static int pat_escape(const char **p, bset *s)
{
    unsigned c = (unsigned char)**p, k;

    if (!c)
        return -1;
    (*p)++;
    switch (c) {
    case 'b': case 'B': case 'G': case 'A': case 'z': case 'Z':
        return 0;
    case 'd': case 'w': case 's':
        for (k = 0; k < 256; k++)
            if (c == 'd' ? (k < 128 && isdigit((int)k)) : c == 'w' ? pat_word(k)
                : (k == ' ' || (k >= '\t' && k <= '\r')))
                bs_add(s, k);
        return 1;
    case 'x':
        if (isxdigit((unsigned char)(*p)[0]) && isxdigit((unsigned char)(*p)[1])) {
            char h[3] = { (*p)[0], (*p)[1], 0 };
            bs_add_ci(s, (unsigned)strtoul(h, NULL, 16));
            *p += 2;
            return 1;
        }
        return -1;
    case 'n': bs_add(s, '\n'); return 1;
    case 't': bs_add(s, '\t'); return 1;
    case 'r': bs_add(s, '\r'); return 1;
    default:
        if (isalnum((int)c))
            return -1;       /* \D, \k<name>, \p...: not analysed */
        bs_add(s, c);        /* an escaped punctuation character */
        return 1;
    }
}

/* A class "[...]" (*p after the '['; moved past the ']'). */
static int pat_class(const char **p, bset *s)
{
    bset in = { { 0 } };
    int neg = 0, first = 1, k;
    unsigned prev = 256;

    if (**p == '^') {
        neg = 1;
        (*p)++;
    }
    for (;; first = 0) {
        unsigned c = (unsigned char)**p;

        if (!c)
            return -1;
        if (c == ']' && !first) {
            (*p)++;
            break;
        }
        if (c == '[' && (*p)[1] == ':')
            return -1;       /* POSIX classes: not analysed */
        if (c == '\\') {
            bset e = { { 0 } };
            (*p)++;
            if (pat_escape(p, &e) != 1)
                return -1;
            bs_or(&in, &e);
            prev = 256;      /* no range from an escape */
            continue;
        }
        if (c == '-' && prev < 256 && (*p)[1] && (*p)[1] != ']') {
            unsigned hi = (unsigned char)(*p)[1], x;
            if (hi == '\\' || hi < prev)
                return -1;
            for (x = prev; x <= hi; x++)
                bs_add_ci(&in, x);
            *p += 2;
            prev = 256;
            continue;
        }
        bs_add_ci(&in, c);
        prev = c;
        (*p)++;
    }
    if (neg)
        for (k = 0; k < 4; k++)
            in.b[k] = ~in.b[k];
    bs_or(s, &in);
    return 1;
}

static int pat_seq(const char **p, bset *first, int *bound, int top, int *opts);

/* A quantifier after an item: *p moved past it; 1 when it allows none. */
static int pat_quant(const char **p)
{
    int none = 0;

    if (**p == '?' || **p == '*') {
        none = 1;
        (*p)++;
    } else if (**p == '+')
        (*p)++;
    else if (**p == '{' && isdigit((unsigned char)(*p)[1])) {
        char *e;
        unsigned long lo = strtoul(*p + 1, &e, 10);
        if (*e == '}' || *e == ',') {
            while (*e && *e != '}')
                e++;
            if (*e != '}')
                return -1;
            *p = e + 1;
            none = lo == 0;
        } else
            return none;     /* a literal '{' */
    } else
        return 0;
    if (**p == '?' || **p == '+')
        (*p)++;              /* lazy, possessive */
    return none;
}

/* One item at *p (moved past it, with its quantifier): its first bytes
 * into @p s; returns 0 when it matches the empty string (an assertion or
 * a quantifier allowing none), 1 when it must consume a byte, -1 when
 * the pattern is not analysed.  @p bound: set when it is \b. */
static int pat_item(const char **p, bset *s, int *bound, int *opts)
{
    const char *q = *p;
    int r, z;
    unsigned c = (unsigned char)*q;

    *bound = 0;
    if (c == '(') {
        int look = 0, b;
        bset in = { { 0 } };

        q++;
        if (*q == '?') {
            q++;
            if (*q == '=' || *q == '!')
                look = 1, q++;
            else if (*q == '<' && (q[1] == '=' || q[1] == '!'))
                look = 1, q += 2;
            else if (*q == ':' || *q == '|' || *q == '>')
                q++;
            else if (*q == '<' || *q == 'P' || *q == '\'') {
                while (*q && *q != '>' && *q != '\'')
                    q++;
                if (!*q)
                    return -1;
                q++;
                if (*q == '\'')
                    return -1;
            } else {
                /* options: "(?m)" (a setting: flagged) or "(?-i:" (a group) */
                while (*q && (isalpha((unsigned char)*q) || *q == '-'))
                    q++;
                if (*q == ')') {
                    *p = q + 1;
                    *opts = 1;
                    return 0;
                }
                if (*q != ':')
                    return -1;
                q++;
            }
        }
        /* the alternatives of the group */
        r = 1;
        for (;;) {
            z = pat_seq(&q, &in, &b, 0, opts);
            if (z < 0)
                return -1;
            if (z == 0)
                r = 0;       /* an alternative that may match empty */
            if (*q == '|') {
                q++;
                continue;
            }
            if (*q != ')')
                return -1;
            q++;
            break;
        }
        *p = q;
        if (look) {
            z = pat_quant(p);
            return z < 0 ? -1 : 0;
        }
        bs_or(s, &in);
        z = pat_quant(p);
        return z < 0 ? -1 : z ? 0 : r;
    }
    if (c == '[') {
        q++;
        if (pat_class(&q, s) < 0)
            return -1;
        r = 1;
    } else if (c == '\\') {
        q++;
        r = pat_escape(&q, s);
        if (r < 0)
            return -1;
        if (!r && q[-1] == 'b')
            *bound = 1;
    } else if (c == '^' || c == '$') {
        q++;
        r = 0;
    } else if (c == '.') {
        q++;
        bs_all(s);
        r = 1;
    } else if (!c || c == '|' || c == ')' || c == '?' || c == '*' || c == '+') {
        return -1;
    } else {
        bs_add_ci(s, c);
        q++;
        r = 1;
    }
    *p = q;
    z = pat_quant(p);
    if (z < 0)
        return -1;
    if (z && *bound)
        *bound = 0;
    return z ? 0 : r;
}

/* A sequence of items up to '|', ')' or the end: its first bytes into
 * @p first (while every item before may be empty); *bound set when a \b
 * comes before its first byte; returns 1 when it must consume a byte, 0
 * when it may match empty, -1 when not analysed.  @p top: a top-level
 * alternative (its option settings are flagged in *opts). */
static int pat_seq(const char **p, bset *first, int *bound, int top, int *opts)
{
    int open = 1, r, b, o = 0, lead = 1;   /* lead: only assertions so far */

    (void)top;
    *bound = 0;
    while (**p && **p != '|' && **p != ')') {
        bset s = { { 0 } };

        r = pat_item(p, &s, &b, &o);
        if (r < 0)
            return -1;
        if (open) {
            bs_or(first, &s);
            if (b && lead)
                *bound = 1;
            if (r)
                open = 0;
        }
        if (r || s.b[0] || s.b[1] || s.b[2] || s.b[3])
            lead = 0;        /* it may consume a byte: a \b after it is elsewhere */
    }
    if (o)
        *opts = 1;
    return !open;
}

int pattern_alts(const char *pattern, uint64_t viable[2][256], size_t spans[64][2], int *split)
{
    const char *p = pattern;
    int n = 0, opts = 0, w;
    unsigned c;

    memset(viable, 0, 2 * 256 * sizeof viable[0][0]);
    for (;;) {
        bset f = { { 0 } };
        int bound, r;
        const char *a = p;

        if (n == 64)
            return 0;
        r = pat_seq(&p, &f, &bound, 1, &opts);
        if (r < 0 || (*p && *p != '|'))
            return 0;
        if (r == 0)
            bs_all(&f);      /* it may match empty: anywhere */
        spans[n][0] = (size_t)(a - pattern);
        spans[n][1] = (size_t)(p - a);
        for (w = 0; w < 2; w++)
            for (c = 0; c < 256; c++)
                if ((f.b[c / 64] >> (c % 64) & 1) && (!bound || pat_word(c) != w))
                    viable[w][c] |= 1ull << n;
        n++;
        if (!*p)
            break;
        p++;
    }
    *split = !opts;
    return n;
}
