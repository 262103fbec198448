/* Literal pre-filters for the rules: every needle of every rule's gate
 * (see the gates table in rules.c) is found in one pass over the text by an
 * Aho-Corasick automaton, built once per handle, instead of one memmem per
 * needle per rule.  Lower-case needles are searched in the lower-cased
 * text, '='-prefixed ones case-sensitively in the normalised text (a second,
 * small automaton).  The alphabet is reduced to the bytes the needles use
 * (every other byte is one class), so the table stays small. */
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
    uint16_t **ids;           /* per gate entry: needle ids, 0xFFFF-terminated */
    size_t ngates;
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

static void ac_scan(const struct ac *a, const unsigned char *s, size_t len,
                    unsigned char *found)
{
    const uint16_t *d = a->delta;
    const uint32_t *at = a->out_at;
    size_t i, st = 0, nc = a->ncls;
    uint32_t k;

    for (i = 0; i < len; i++) {
        st = d[st * nc + a->cls[s[i]]];
        for (k = at[st]; k < at[st + 1]; k++)
            found[a->outs[k]] = 1;
    }
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
    if (!(g->ids = calloc(g->ngates, sizeof *g->ids)))
        return LM_ERR_NOMEM;
    for (i = 0; i < g->ngates; i++) {
        const char *p;
        size_t cnt = 1;

        need = extract_gate_need(i);
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
    for (i = 0; g->ids && i < g->ngates; i++)
        free(g->ids[i]);
    free(g->ids);
    free(g);
}

size_t gate_set_size(const gate_set *g)
{
    return g->nneedles;
}

void gate_scan(const gate_set *g, const char *lower, const char *orig, size_t len,
               unsigned char *found)
{
    memset(found, 0, g->nneedles);
    ac_scan(&g->ac[0], (const unsigned char *)lower, len, found);
    ac_scan(&g->ac[1], (const unsigned char *)orig, len, found);
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
