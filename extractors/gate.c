/* Literal pre-filters for the rules: every needle of every rule's gate
 * (see the gates table in rules.c) is found in one pass over the text by an
 * Aho-Corasick automaton, built once per handle, instead of one memmem per
 * needle per rule.  Lower-case needles are searched in the lower-cased
 * text, '='-prefixed ones case-sensitively in the normalised text (a second,
 * small automaton).  The alphabet is reduced to the bytes the needles use
 * (every other byte is one class), so the table stays small.  The same pass
 * records where the start literals of the design cues occur (design.c
 * tries a cue only there). */
#include <stdlib.h>
#include <string.h>
#include "extractors_int.h"

struct ac {
    unsigned char cls[256];   /* byte -> class (0: a byte no needle uses) */
    unsigned ncls;
    uint16_t *delta;          /* state * ncls + class -> next state (full DFA) */
    uint32_t *out_at;         /* state -> first entry in outs, out_at[s+1] its end */
    uint16_t *outs;           /* needle ids */
    size_t nstates;
};

struct gate_set {
    struct ac ac[2];          /* 0: lower-case needles, 1: case-sensitive */
    size_t nneedles;
    char **needles;           /* distinct needles, "=" kept on case-sensitive ones */
    unsigned char *pos;       /* pos[id]: a start literal, its offsets are kept */
    uint16_t **ids;           /* per list (gates, then start lists): needle ids,
                                 0xFFFF-terminated */
    uint64_t **bits;          /* per start list: its needle ids as a bit set */
    size_t ngates, nlists;
};

/* Builds the automaton of the needles whose case-sensitivity is @p cs. */
static lm_err ac_build(struct ac *a, char *const *needles, size_t n, int cs)
{
    size_t i, j, cap = 1, len, q, qh;
    int32_t *go = NULL;       /* trie: state * ncls + class -> state or -1 */
    uint32_t *fail = NULL, *queue = NULL, *cnt = NULL;
    uint16_t **own = NULL;
    lm_err rc = LM_ERR_NOMEM;

    memset(a->cls, 0, sizeof a->cls);
    a->ncls = 1;
    for (i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)needles[i];
        if ((*p == '=') != cs)
            continue;
        p += cs;
        for (; *p; p++, cap++)
            if (!a->cls[*p])
                a->cls[*p] = (unsigned char)a->ncls++;
    }
    if (cap >= 0xFFFF)
        return LM_ERR_USAGE;
    if (!(go = malloc(cap * a->ncls * sizeof *go)) || !(fail = calloc(cap, sizeof *fail))
        || !(queue = malloc(cap * sizeof *queue)) || !(cnt = calloc(cap + 1, sizeof *cnt))
        || !(own = calloc(cap, sizeof *own)))
        goto done;
    memset(go, 0xFF, cap * a->ncls * sizeof *go);
    a->nstates = 1;
    for (i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)needles[i];
        size_t s = 0;
        uint16_t *v;

        if ((*p == '=') != cs)
            continue;
        p += cs;
        for (; *p; p++) {
            int32_t *t = &go[s * a->ncls + a->cls[*p]];
            if (*t < 0)
                *t = (int32_t)a->nstates++;
            s = (size_t)*t;
        }
        if (!(v = realloc(own[s], (cnt[s] + 1) * sizeof *v)))
            goto done;
        own[s] = v;
        v[cnt[s]++] = (uint16_t)i;
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
        size_t s = queue[qh++], f = fail[s];
        if (cnt[f]) {
            uint16_t *v = realloc(own[s], (cnt[s] + cnt[f]) * sizeof *v);
            if (!v)
                goto done;
            own[s] = v;
            memcpy(v + cnt[s], own[f], cnt[f] * sizeof *v);
            cnt[s] += cnt[f];
        }
        for (j = 0; j < a->ncls; j++) {
            int32_t *t = &go[s * a->ncls + j];
            if (*t < 0)
                *t = go[f * a->ncls + j];
            else {
                fail[*t] = (uint32_t)go[f * a->ncls + j];
                queue[q++] = (uint32_t)*t;
            }
        }
    }
    if (!(a->delta = malloc(a->nstates * a->ncls * sizeof *a->delta))
        || !(a->out_at = malloc((a->nstates + 1) * sizeof *a->out_at)))
        goto done;
    for (i = 0; i < a->nstates * a->ncls; i++)
        a->delta[i] = (uint16_t)go[i];
    for (i = 0, len = 0; i < a->nstates; i++) {
        a->out_at[i] = (uint32_t)len;
        len += cnt[i];
    }
    a->out_at[a->nstates] = (uint32_t)len;
    if (!(a->outs = malloc((len ? len : 1) * sizeof *a->outs)))
        goto done;
    for (i = 0; i < a->nstates; i++)
        if (cnt[i])
            memcpy(a->outs + a->out_at[i], own[i], cnt[i] * sizeof *a->outs);
    rc = LM_OK;
done:
    for (i = 0; own && i < cap; i++)
        free(own[i]);
    free(own);
    free(go);
    free(fail);
    free(queue);
    free(cnt);
    return rc;
}

static void ac_free(struct ac *a)
{
    free(a->delta);
    free(a->out_at);
    free(a->outs);
}

static lm_err ac_scan(const gate_set *g, const struct ac *a, const unsigned char *s,
                      size_t len, gate_found *f)
{
    const uint16_t *d = a->delta;
    const uint32_t *at = a->out_at;
    size_t i, st = 0, nc = a->ncls;
    uint32_t k;

    for (i = 0; i < len; i++) {
        st = d[st * nc + a->cls[s[i]]];
        for (k = at[st]; k < at[st + 1]; k++) {
            uint16_t id = a->outs[k];
            f->found[id] = 1;
            if (!g->pos[id])
                continue;
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
            f->hpos[f->nh] = i + 1 - strlen(g->needles[id]);
            f->hid[f->nh++] = id;
        }
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

lm_err gate_set_open(gate_set **out)
{
    gate_set *g = calloc(1, sizeof *g);
    size_t i, k;
    const char *need;

    *out = g;
    if (!g)
        return LM_ERR_NOMEM;
    g->ngates = extract_ngates();
    g->nlists = g->ngates + design_nstarts();
    if (!(g->ids = calloc(g->nlists, sizeof *g->ids)))
        return LM_ERR_NOMEM;
    for (i = 0; i < g->nlists; i++) {
        const char *p;
        size_t cnt = 1;

        need = i < g->ngates ? extract_gate_need(i) : design_starts(i - g->ngates);
        if (!need)
            need = "";
        for (p = need; *p; p++)
            cnt += *p == '|';
        if (!(g->ids[i] = malloc((cnt + 1) * sizeof *g->ids[i])))
            return LM_ERR_NOMEM;
        for (p = need, k = 0;; ) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            int id;

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
    if (!(g->pos = calloc(g->nneedles + 1, 1))
        || !(g->bits = calloc(g->nlists - g->ngates + 1, sizeof *g->bits)))
        return LM_ERR_NOMEM;
    for (i = g->ngates; i < g->nlists; i++) {
        const uint16_t *p;
        uint64_t *b = calloc(g->nneedles / 64 + 1, sizeof *b);

        if (!(g->bits[i - g->ngates] = b))
            return LM_ERR_NOMEM;
        for (p = g->ids[i]; *p != 0xFFFF; p++) {
            g->pos[*p] = 1;
            b[*p / 64] |= 1ull << (*p % 64);
        }
    }
    for (k = 0; k < 2; k++) {
        lm_err rc = ac_build(&g->ac[k], g->needles, g->nneedles, (int)k);
        if (rc)
            return rc;
    }
    return LM_OK;
}

void gate_set_close(gate_set *g)
{
    size_t i;

    if (!g)
        return;
    ac_free(&g->ac[0]);
    ac_free(&g->ac[1]);
    for (i = 0; i < g->nneedles; i++)
        free(g->needles[i]);
    free(g->needles);
    for (i = 0; g->ids && i < g->nlists; i++)
        free(g->ids[i]);
    free(g->ids);
    for (i = 0; g->bits && i < g->nlists - g->ngates; i++)
        free(g->bits[i]);
    free(g->bits);
    free(g->pos);
    free(g);
}

void gate_found_free(gate_found *f)
{
    free(f->found);
    free(f->hpos);
    free(f->hid);
    memset(f, 0, sizeof *f);
}

lm_err gate_scan(const gate_set *g, const char *lower, const char *orig, size_t len,
                 gate_found *f)
{
    lm_err rc;

    if (!f->found && !(f->found = malloc(g->nneedles + 1)))
        return LM_ERR_NOMEM;
    memset(f->found, 0, g->nneedles);
    f->nh = 0;
    if ((rc = ac_scan(g, &g->ac[0], (const unsigned char *)lower, len, f)))
        return rc;
    return ac_scan(g, &g->ac[1], (const unsigned char *)orig, len, f);
}

lm_err gate_starts(const gate_set *g, size_t list, const gate_found *f, size_t **at,
                   size_t *nat, size_t *cap)
{
    const uint64_t *b = g->bits[list];
    size_t i, j, n = 0;

    for (i = 0; i < f->nh; i++) {
        uint16_t id = f->hid[i];
        size_t p = f->hpos[i];

        if (!(b[id / 64] & (1ull << (id % 64))))
            continue;
        if (n == *cap) {
            size_t c = *cap ? 2 * *cap : 64;
            size_t *v = realloc(*at, c * sizeof *v);
            if (!v)
                return LM_ERR_NOMEM;
            *at = v;
            *cap = c;
        }
        /* hits come in order of their end: insert by start, no duplicates */
        for (j = n; j > 0 && (*at)[j - 1] > p; j--)
            ;
        if (j > 0 && (*at)[j - 1] == p)
            continue;
        memmove(*at + j + 1, *at + j, (n - j) * sizeof **at);
        (*at)[j] = p;
        n++;
    }
    *nat = n;
    return LM_OK;
}

int gate_pass(const gate_set *g, int gate, const unsigned char *found)
{
    const uint16_t *p;

    if (gate < 0)
        return 1;
    for (p = g->ids[gate]; *p != 0xFFFF; p++)
        if (found[*p])
            return 1;
    return 0;
}
