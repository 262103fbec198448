/* lm-replay: the loopback E-utilities server the fetch tests run against.
 *
 *   lm-replay [--records N] [--seed S] [--start YYYY/MM/DD] [--days D]
 *             [--max-date YYYY/MM/DD] [--faults SPEC] [--port-file F]
 *             [--log F] [--no-gzip]
 *   lm-replay --list [same record options]   prints pmid, version, title
 *
 * Serves esearch.fcgi, epost.fcgi, efetch.fcgi (PubMed XML, PMC JATS) and
 * einfo.fcgi the way NCBI does: usehistory=y keeps the ids under a WebEnv
 * and query_key, retstart/retmax page, mindate/maxdate filter by datetype
 * (edat or mdat), and no more than 9,999 ids of a search are ever handed
 * out.  Records are fictional (records.c); --max-date hides those entered
 * later, so a restart without it plays "new records arrived".
 *
 * Faults (SPEC, comma separated): rate=0.3 (share of requests that fail),
 * seed=N, kinds=429+500+502+503+504+reset+truncate+cut+error+json+drop+expire
 * (+redirect: a 302 to another host; slow: 3 s before replying; huge: an
 * endless body; bighead: 100 KB of response headers),
 * from=K (no fault before request K), at=K:kind/K:kind (exact schedule),
 * down=K (every request from K on gets 503: a server that is gone).
 *
 * Binds 127.0.0.1 only, on a free port it prints (and writes to --port-file).
 * Every request is logged as "<epoch seconds> <endpoint> <fault> key|nokey
 * <method> <user-agent> <tool> gzip|plain" so tests can check the client's
 * rate and manners. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <microhttpd.h>
#include <zlib.h>
#include "replay.h"

#define ESEARCH_CAP 9999
#define MAX_ENVS 256

enum fault {
    F_NONE = 0, F_429, F_500, F_502, F_503, F_504, F_RESET, F_TRUNCATE, F_CUT,
    F_ERROR, F_JSON, F_DROP, F_EXPIRE, F_REDIRECT, F_SLOW, F_HUGE, F_BIGHEAD, F_NKINDS
};
static const char *fault_names[F_NKINDS] = {
    "-", "429", "500", "502", "503", "504", "reset", "truncate", "cut", "error",
    "json", "drop", "expire", "redirect", "slow", "huge", "bighead"
};

struct hkey {
    int64_t *ids;
    size_t n;
    int pmc;
};

struct env {
    char name[48];
    struct hkey *keys;
    int nkeys;
};

struct server {
    rp_corpus corpus;
    int32_t max_date;           /* records entered after it are not there yet */
    double rate;
    uint64_t rng;
    int kinds[F_NKINDS], nkinds;
    long from, down;
    long *at_req;
    int *at_kind, nat;
    int gzip;
    FILE *log;
    long requests;
    struct env envs[MAX_ENVS];
    int nenvs;
    long env_serial;
    long fault_count[F_NKINDS];
};

struct req {
    lm_buf post;
    double t;
    long no;
};

/* ---- small helpers ------------------------------------------------------ */

/* A test server out of memory has nothing sensible left to do. */
static void must(lm_err e)
{
    if (e != LM_OK) {
        fputs("lm-replay: out of memory\n", stderr);
        exit(1);
    }
}

static uint64_t rnd(struct server *s)
{
    uint64_t x = s->rng;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    s->rng = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static double wall(void)
{
    struct timeval tv;

    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static int parse_date(const char *s, int end, int32_t *out)
{
    int y = 0, m = 0, d = 0;
    int n = sscanf(s, "%4d/%2d/%2d", &y, &m, &d);

    if (n < 1 || y < 1000)
        return -1;
    if (n < 2)
        m = end ? 12 : 1;
    if (n < 3) {
        if (end) {
            *out = (m == 12 ? rp_day(y + 1, 1, 1) : rp_day(y, m + 1, 1)) - 1;
            return 0;
        }
        d = 1;
    }
    *out = rp_day(y, m, d);
    return 0;
}

/* Form values: "a=1&b=x%2Cy" into a list of decoded pairs. */
struct kv {
    char *k[64], *v[64];
    int n;
    char *mem;
};

static void url_decode(char *s)
{
    char *o = s;

    for (; *s; s++) {
        if (*s == '+')
            *o++ = ' ';
        else if (*s == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2])) {
            char h[3] = { s[1], s[2], 0 };

            *o++ = (char)strtol(h, NULL, 16);
            s += 2;
        } else
            *o++ = *s;
    }
    *o = '\0';
}

static void kv_form(struct kv *kv, const char *body)
{
    char *p, *save, *tok;

    if (!body || !(kv->mem = strdup(body)))
        return;
    for (tok = strtok_r(kv->mem, "&", &save); tok && kv->n < 64;
         tok = strtok_r(NULL, "&", &save)) {
        p = strchr(tok, '=');
        if (p)
            *p++ = '\0';
        url_decode(tok);
        if (p)
            url_decode(p);
        kv->k[kv->n] = tok;
        kv->v[kv->n++] = p ? p : tok + strlen(tok);
    }
}

static enum MHD_Result kv_get(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
    struct kv *kv = cls;

    (void)kind;
    if (kv->n < 64) {
        kv->k[kv->n] = (char *)k;
        kv->v[kv->n++] = (char *)(v ? v : "");
    }
    return MHD_YES;
}

static const char *arg(const struct kv *kv, const char *k)
{
    int i;

    for (i = 0; i < kv->n; i++)
        if (!strcmp(kv->k[i], k))
            return kv->v[i];
    return NULL;
}

static long arg_long(const struct kv *kv, const char *k, long def)
{
    const char *v = arg(kv, k);

    return v && *v ? strtol(v, NULL, 10) : def;
}

/* ---- history ------------------------------------------------------------ */

static struct env *env_find(struct server *s, const char *name)
{
    int i;

    for (i = 0; name && i < s->nenvs; i++)
        if (!strcmp(s->envs[i].name, name))
            return &s->envs[i];
    return NULL;
}

static void env_drop(struct server *s, struct env *e)
{
    int i;

    for (i = 0; i < e->nkeys; i++)
        free(e->keys[i].ids);
    free(e->keys);
    *e = s->envs[--s->nenvs];
}

/* Stores @ids under @webenv (a new one when NULL or unknown); returns the
 * query_key, and the WebEnv in @name.  Old WebEnvs expire first. */
static int env_store(struct server *s, const char *webenv, int64_t *ids, size_t n, int pmc,
                     char name[48])
{
    struct env *e = env_find(s, webenv);
    struct hkey *k;

    if (!e) {
        if (s->nenvs == MAX_ENVS)
            env_drop(s, &s->envs[0]);
        e = &s->envs[s->nenvs++];
        memset(e, 0, sizeof *e);
        snprintf(e->name, sizeof e->name, "MCID_replay_%ld_%08llx", ++s->env_serial,
                 (unsigned long long)(rnd(s) & 0xffffffffu));
    }
    k = realloc(e->keys, (size_t)(e->nkeys + 1) * sizeof *k);
    if (!k) {
        free(ids);
        return -1;
    }
    e->keys = k;
    e->keys[e->nkeys].ids = ids;
    e->keys[e->nkeys].n = n;
    e->keys[e->nkeys].pmc = pmc;
    strcpy(name, e->name);
    return ++e->nkeys;
}

/* ---- replies ------------------------------------------------------------ */

struct reply {
    int status;
    lm_buf body;
    const char *type;
    enum fault fault;           /* applied to the body: truncate, cut */
};

static void xml_error(struct reply *r, const char *root, const char *text)
{
    lm_buf_clear(&r->body);
    must(lm_buf_printf(&r->body, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                        "<%s>\n\t<ERROR>%s</ERROR>\n</%s>\n", root, text, root));
}

static int visible(const struct server *s, const rp_record *r)
{
    return !s->max_date || r->edat <= s->max_date;
}

/* Sort: most recent entrez date first, as PubMed's default. */
static int by_recent(const void *a, const void *b, void *base)
{
    const rp_record *rec = base;
    const rp_record *x = &rec[*(const size_t *)a], *y = &rec[*(const size_t *)b];

    if (x->edat != y->edat)
        return x->edat < y->edat ? 1 : -1;
    return x->pmid < y->pmid ? 1 : x->pmid > y->pmid ? -1 : 0;
}

static void do_esearch(struct server *s, const struct kv *kv, struct reply *r)
{
    const char *db = arg(kv, "db"), *term = arg(kv, "term"), *dt = arg(kv, "datetype");
    const char *mind = arg(kv, "mindate"), *maxd = arg(kv, "maxdate");
    int pmc = db && !strcmp(db, "pmc");
    long retstart = arg_long(kv, "retstart", 0), retmax = arg_long(kv, "retmax", 20);
    int hist = arg(kv, "usehistory") && !strcmp(arg(kv, "usehistory"), "y");
    int32_t lo = INT32_MIN, hi = INT32_MAX;
    size_t *idx = NULL, n = 0, i, keep;
    int64_t *ids = NULL;
    char name[48] = "";
    int qk = 0;

    if (!db || (strcmp(db, "pubmed") && strcmp(db, "pmc"))) {
        xml_error(r, "eSearchResult", "Invalid db name specified");
        return;
    }
    if (!term || !*term) {
        xml_error(r, "eSearchResult", "Empty term and query_key - nothing todo");
        return;
    }
    if (mind && maxd && (parse_date(mind, 0, &lo) || parse_date(maxd, 1, &hi))) {
        xml_error(r, "eSearchResult", "Invalid date");
        return;
    }
    if (retmax > ESEARCH_CAP)
        retmax = ESEARCH_CAP;
    if (retstart > ESEARCH_CAP - 1) {
        xml_error(r, "eSearchResult", "Search Backend failed: Exception: 'retstart' cannot "
                  "be larger than 9998. For PubMed, ESearch can only retrieve the first "
                  "9,999 records matching the query.");
        return;
    }
    if (!(idx = malloc((s->corpus.n ? s->corpus.n : 1) * sizeof *idx)))
        goto oom;
    /* Any term matches every record, except one naming "nothing". */
    for (i = 0; i < s->corpus.n && !strstr(term, "nothing"); i++) {
        const rp_record *rec = &s->corpus.rec[i];
        int32_t day = dt && !strcmp(dt, "mdat") ? rec->mdat : rec->edat;

        if (!visible(s, rec) || (pmc && !rec->pmc) || day < lo || day > hi)
            continue;
        idx[n++] = i;
    }
    qsort_r(idx, n, sizeof *idx, by_recent, s->corpus.rec);
    keep = n < ESEARCH_CAP ? n : ESEARCH_CAP;
    if (hist) {
        if (!(ids = malloc((keep ? keep : 1) * sizeof *ids)))
            goto oom;
        for (i = 0; i < keep; i++)
            ids[i] = pmc ? s->corpus.rec[idx[i]].pmc : s->corpus.rec[idx[i]].pmid;
        if ((qk = env_store(s, arg(kv, "WebEnv"), ids, keep, pmc, name)) < 0)
            goto oom;
    }
    must(lm_buf_printf(&r->body, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                        "<eSearchResult><Count>%zu</Count><RetMax>%ld</RetMax>"
                        "<RetStart>%ld</RetStart>", n,
                        (long)n > retstart ? ((long)n - retstart < retmax ? (long)n - retstart : retmax) : 0,
                        retstart));
    if (hist)
        must(lm_buf_printf(&r->body, "<QueryKey>%d</QueryKey><WebEnv>%s</WebEnv>", qk, name));
    must(lm_buf_puts(&r->body, "<IdList>\n"));
    for (i = (size_t)retstart; i < n && i < (size_t)(retstart + retmax); i++)
        must(lm_buf_printf(&r->body, "<Id>%lld</Id>\n",
                            (long long)(pmc ? s->corpus.rec[idx[i]].pmc
                                            : s->corpus.rec[idx[i]].pmid)));
    must(lm_buf_printf(&r->body, "</IdList><TranslationSet/><QueryTranslation>%s"
                        "</QueryTranslation>%s</eSearchResult>\n", "replay[All Fields]",
                        n ? "" : "<ErrorList><PhraseNotFound>nothing</PhraseNotFound>"
                                 "</ErrorList>"));
    free(idx);
    return;
oom:
    free(idx);
    r->status = 500;
}

/* "1,2,3" into a fresh array. */
static int64_t *id_list(const char *s, size_t *n)
{
    size_t cap = 16;
    int64_t *ids = malloc(cap * sizeof *ids), *g;
    char *end;

    *n = 0;
    while (ids && s && *s) {
        long long v = strtoll(s, &end, 10);

        if (end == s)
            break;
        if (*n == cap) {
            if (!(g = realloc(ids, (cap *= 2) * sizeof *ids))) {
                free(ids);
                return NULL;
            }
            ids = g;
        }
        ids[(*n)++] = v;
        s = end;
        while (*s == ',' || *s == ' ')
            s++;
    }
    return ids;
}

static void do_epost(struct server *s, const struct kv *kv, struct reply *r)
{
    const char *db = arg(kv, "db");
    size_t n;
    int64_t *ids = id_list(arg(kv, "id"), &n);
    char name[48];
    int qk;

    if (!db || (strcmp(db, "pubmed") && strcmp(db, "pmc"))) {
        free(ids);
        xml_error(r, "ePostResult", "Invalid db name specified");
        return;
    }
    if (!ids || !n) {
        free(ids);
        xml_error(r, "ePostResult", "Empty ID list; Nothing to store");
        return;
    }
    if ((qk = env_store(s, arg(kv, "WebEnv"), ids, n, !strcmp(db, "pmc"), name)) < 0) {
        r->status = 500;
        return;
    }
    must(lm_buf_printf(&r->body, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                        "<ePostResult>\n\t<QueryKey>%d</QueryKey>\n\t<WebEnv>%s</WebEnv>\n"
                        "</ePostResult>\n", qk, name));
}

static void do_efetch(struct server *s, const struct kv *kv, struct reply *r, enum fault f)
{
    const char *db = arg(kv, "db"), *webenv = arg(kv, "WebEnv");
    int pmc = db && !strcmp(db, "pmc");
    long retstart = arg_long(kv, "retstart", 0), retmax = arg_long(kv, "retmax", 20);
    long qk = arg_long(kv, "query_key", 0), i;
    int64_t *own = NULL, *ids;
    size_t n, k, drop_a = (size_t)-1, drop_b = (size_t)-1;
    struct env *e = NULL;
    char m[80];

    if (!db || (strcmp(db, "pubmed") && strcmp(db, "pmc"))) {
        xml_error(r, "eFetchResult", "Invalid db name specified");
        return;
    }
    if (arg(kv, "id")) {
        if (!(ids = own = id_list(arg(kv, "id"), &n))) {
            r->status = 500;
            return;
        }
        retstart = 0;
        retmax = (long)n;
    } else {
        e = env_find(s, webenv);
        if (e && f == F_EXPIRE) {
            env_drop(s, e);
            e = NULL;
        }
        if (!e || qk < 1 || qk > e->nkeys) {
            snprintf(m, sizeof m, "Unable to obtain query #%ld", qk);
            xml_error(r, "eFetchResult", m);
            return;
        }
        if (retstart > ESEARCH_CAP - 1) {
            xml_error(r, "eFetchResult", "retstart cannot be larger than 9998");
            return;
        }
        ids = e->keys[qk - 1].ids;
        n = e->keys[qk - 1].n;
    }
    if (f == F_DROP && retmax > 0) {
        drop_a = (size_t)retstart + rnd(s) % (size_t)retmax;
        drop_b = (size_t)retstart + rnd(s) % (size_t)retmax;
    }
    must(lm_buf_printf(&r->body, "<?xml version=\"1.0\" ?>\n%s\n",
                        pmc ? "<!DOCTYPE pmc-articleset PUBLIC \"-//NLM//DTD ARTICLE SET 2.0//EN\" "
                              "\"https://dtd.nlm.nih.gov/ncbi/pmc/articleset/nlm-articleset-2.0.dtd\">\n"
                              "<pmc-articleset>"
                            : "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st "
                              "January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/"
                              "pubmed_250101.dtd\">\n<PubmedArticleSet>"));
    for (i = retstart, k = 0; i < retstart + retmax && (size_t)i < n; i++) {
        const rp_record *rec = rp_find(&s->corpus, ids[i], pmc);

        if (!rec || !visible(s, rec) || (size_t)i == drop_a || (size_t)i == drop_b)
            continue;
        if (rp_render(&r->body, rec, pmc)) {
            r->status = 500;
            break;
        }
        k++;
    }
    must(lm_buf_puts(&r->body, pmc ? "</pmc-articleset>\n" : "</PubmedArticleSet>\n"));
    free(own);
}

static void do_einfo(struct server *s, const struct kv *kv, struct reply *r)
{
    const char *db = arg(kv, "db");
    size_t i, n = 0;

    if (!db) {
        must(lm_buf_puts(&r->body, "<?xml version=\"1.0\" ?>\n<eInfoResult><DbList>"
                          "<DbName>pubmed</DbName><DbName>pmc</DbName></DbList></eInfoResult>\n"));
        return;
    }
    for (i = 0; i < s->corpus.n; i++)
        n += visible(s, &s->corpus.rec[i]) && (strcmp(db, "pmc") || s->corpus.rec[i].pmc);
    must(lm_buf_printf(&r->body, "<?xml version=\"1.0\" ?>\n<eInfoResult><DbInfo>"
                        "<DbName>%s</DbName><Description>replay</Description><Count>%zu"
                        "</Count><LastUpdate>2025/01/01 00:00</LastUpdate></DbInfo>"
                        "</eInfoResult>\n", strcmp(db, "pmc") ? "pubmed" : "pmc", n));
}

/* ---- faults ------------------------------------------------------------- */

static enum fault pick_fault(struct server *s, long no, const char *endpoint)
{
    enum fault f = F_NONE;
    int i;

    for (i = 0; i < s->nat; i++)
        if (s->at_req[i] == no)
            f = (enum fault)s->at_kind[i];
    if (s->down && no >= s->down)
        f = F_503;
    if (f == F_NONE && s->nkinds && no >= s->from
        && (double)(rnd(s) >> 11) / 9007199254740992.0 < s->rate)
        f = (enum fault)s->kinds[rnd(s) % (uint64_t)s->nkinds];
    /* Dropped records and expired histories only make sense for efetch. */
    if ((f == F_DROP || f == F_EXPIRE) && strcmp(endpoint, "efetch"))
        f = F_503;
    return f;
}

/* ---- HTTP --------------------------------------------------------------- */

struct cut_body {
    lm_buf b;
    size_t stop;
};

static ssize_t cut_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
    struct cut_body *c = cls;
    size_t n;

    if (pos >= c->stop)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    n = c->stop - (size_t)pos < max ? c->stop - (size_t)pos : max;
    memcpy(buf, c->b.s + pos, n);
    return (ssize_t)n;
}

static void cut_free(void *cls)
{
    struct cut_body *c = cls;

    lm_buf_free(&c->b);
    free(c);
}

static int gzip_buf(lm_buf *in, lm_buf *out)
{
    z_stream z;
    int rc;

    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    if (lm_buf_reserve(out, deflateBound(&z, in->len) + 64)) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)in->s;
    z.avail_in = (uInt)in->len;
    z.next_out = (Bytef *)out->s;
    z.avail_out = (uInt)(out->cap - 1);
    rc = deflate(&z, Z_FINISH);
    out->len = z.total_out;
    deflateEnd(&z);
    return rc == Z_STREAM_END ? 0 : -1;
}

static enum MHD_Result send_reply(struct server *s, struct MHD_Connection *conn,
                                  struct reply *r, int gz)
{
    struct MHD_Response *resp;
    enum MHD_Result ret;
    lm_buf zipped = {0}, *body = &r->body;

    if (gz && r->body.len && gzip_buf(&r->body, &zipped) == 0)
        body = &zipped;
    else
        gz = 0;
    if (r->fault == F_TRUNCATE && body->len > 1) {
        /* Headers promise the whole body; the connection closes halfway. */
        struct cut_body *c = calloc(1, sizeof *c);

        if (!c)
            return MHD_NO;
        c->b = *body;
        c->stop = body->len / 2;
        memset(body, 0, sizeof *body);     /* c owns it now */
        resp = MHD_create_response_from_callback(c->b.len, 4096, cut_reader, c, cut_free);
    } else {
        resp = MHD_create_response_from_buffer(body->len, body->s ? body->s : (char *)"",
                                               MHD_RESPMEM_MUST_COPY);
    }
    lm_buf_free(&zipped);
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r->type);
    if (r->fault == F_BIGHEAD) {
        char name[32], value[1001];
        int i;

        memset(value, 'x', 1000);
        value[1000] = '\0';
        for (i = 0; i < 100; i++) {
            snprintf(name, sizeof name, "X-Replay-%d", i);
            MHD_add_response_header(resp, name, value);
        }
    }
    if (gz)
        MHD_add_response_header(resp, "Content-Encoding", "gzip");
    ret = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    (void)s;
    return ret;
}

static enum MHD_Result send_redirect(struct MHD_Connection *conn, struct reply *r)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(r->body.len, r->body.s,
                                                                MHD_RESPMEM_MUST_COPY);
    enum MHD_Result ret;

    if (!resp)
        return MHD_NO;
    /* Off loopback: a client must not follow it. */
    MHD_add_response_header(resp, "Location", "http://192.0.2.1/eutils/efetch.fcgi");
    ret = MHD_queue_response(conn, 302, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* A body that never ends (a broken proxy): the client must stop at its cap. */
static ssize_t endless_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls;
    if (pos == 0 && max > 40) {
        memcpy(buf, "<?xml version=\"1.0\"?>\n<PubmedArticleSet>", 40);
        return 40;
    }
    memset(buf, ' ', max);
    return (ssize_t)max;
}

static enum MHD_Result send_endless(struct MHD_Connection *conn)
{
    struct MHD_Response *resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 65536,
                                                                  endless_reader, NULL, NULL);
    enum MHD_Result ret;

    if (!resp)
        return MHD_NO;
    ret = MHD_queue_response(conn, 200, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url,
                               const char *method, const char *version,
                               const char *upload, size_t *upload_size, void **con_cls)
{
    struct server *s = cls;
    struct req *q = *con_cls;
    struct kv kv;
    struct reply r;
    const char *ep, *ae;
    enum fault f;
    enum MHD_Result ret;
    int gz;

    (void)version;
    if (!q) {
        if (!(q = calloc(1, sizeof *q)))
            return MHD_NO;
        q->t = wall();
        q->no = ++s->requests;
        *con_cls = q;
        return MHD_YES;
    }
    if (!strcmp(method, "POST") && *upload_size) {
        if (lm_buf_append(&q->post, upload, *upload_size))
            return MHD_NO;
        *upload_size = 0;
        return MHD_YES;
    }
    memset(&kv, 0, sizeof kv);
    memset(&r, 0, sizeof r);
    r.status = 200;
    r.type = "text/xml; charset=UTF-8";
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, kv_get, &kv);
    if (!strcmp(method, "POST"))
        kv_form(&kv, lm_buf_str(&q->post));
    ep = strrchr(url, '/');
    ep = ep ? ep + 1 : url;
    ep = !strcmp(ep, "esearch.fcgi") ? "esearch" : !strcmp(ep, "epost.fcgi") ? "epost"
         : !strcmp(ep, "efetch.fcgi") ? "efetch" : !strcmp(ep, "einfo.fcgi") ? "einfo" : NULL;
    f = ep ? pick_fault(s, q->no, ep) : F_NONE;
    s->fault_count[f]++;
    if (s->log) {
        const char *ua = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "User-Agent");

        const char *acc = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding");

        fprintf(s->log, "%.6f %s %s %s %s %s %s %s\n", q->t, ep ? ep : url, fault_names[f],
                arg(&kv, "api_key") ? "key" : "nokey", method, ua ? ua : "-",
                arg(&kv, "tool") ? arg(&kv, "tool") : "-",
                acc && strstr(acc, "gzip") ? "gzip" : "plain");
        fflush(s->log);
    }
    if (f == F_SLOW)
        sleep(3);
    ae = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding");
    gz = s->gzip && ae && strstr(ae, "gzip");
    switch (f) {
    case F_RESET:
        free(kv.mem);
        return MHD_NO;
    case F_429:
        r.status = 429;
        r.type = "application/json";
        must(lm_buf_puts(&r.body, "{\"error\":\"API rate limit exceeded\",\"api-key\":"
                                   "\"127.0.0.1\",\"count\":\"4\",\"limit\":\"3\"}\n"));
        goto send;
    case F_500: case F_502: case F_503: case F_504:
        r.status = f == F_500 ? 500 : f == F_502 ? 502 : f == F_503 ? 503 : 504;
        r.type = "text/html";
        must(lm_buf_printf(&r.body, "<html><body><h1>%d</h1>replay fault</body></html>\n",
                            r.status));
        goto send;
    case F_REDIRECT:
        r.status = 302;
        r.type = "text/html";
        must(lm_buf_puts(&r.body, "moved\n"));
        ret = send_redirect(conn, &r);
        lm_buf_free(&r.body);
        free(kv.mem);
        return ret;
    case F_HUGE:
        free(kv.mem);
        return send_endless(conn);
    case F_JSON:
        r.type = "application/json";
        must(lm_buf_puts(&r.body, "{\"error\":\"API rate limit exceeded\",\"count\":\"11\"}\n"));
        goto send;
    case F_ERROR:
        xml_error(&r, !ep ? "ERROR" : !strcmp(ep, "esearch") ? "eSearchResult"
                      : !strcmp(ep, "epost") ? "ePostResult" : "eFetchResult",
                  "Search Backend failed: replay fault");
        goto send;
    default:
        break;
    }
    if (!ep) {
        r.status = 404;
        must(lm_buf_puts(&r.body, "not an E-utility\n"));
    } else if (!strcmp(ep, "esearch"))
        do_esearch(s, &kv, &r);
    else if (!strcmp(ep, "epost"))
        do_epost(s, &kv, &r);
    else if (!strcmp(ep, "efetch"))
        do_efetch(s, &kv, &r, f);
    else
        do_einfo(s, &kv, &r);
    if (f == F_TRUNCATE || f == F_BIGHEAD)
        r.fault = f;
    if (f == F_CUT && r.body.len > 2) {
        /* A whole response whose body lost its second half. */
        r.body.len /= 2;
        r.body.s[r.body.len] = '\0';
    }
send:
    ret = send_reply(s, conn, &r, gz);
    lm_buf_free(&r.body);
    free(kv.mem);
    return ret;
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    struct req *q = *con_cls;

    (void)cls;
    (void)conn;
    (void)toe;
    if (q) {
        lm_buf_free(&q->post);
        free(q);
    }
    *con_cls = NULL;
}

/* ---- options ------------------------------------------------------------ */

static int fault_kind(const char *name)
{
    int i;

    for (i = 1; i < F_NKINDS; i++)
        if (!strcmp(name, fault_names[i]))
            return i;
    return -1;
}

static int parse_faults(struct server *s, const char *spec)
{
    char *dup = strdup(spec), *save, *tok, *p, *q2, *save2;
    int k;

    if (!dup)
        return -1;
    for (tok = strtok_r(dup, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (!strncmp(tok, "rate=", 5))
            s->rate = atof(tok + 5);
        else if (!strncmp(tok, "seed=", 5))
            s->rng = strtoull(tok + 5, NULL, 10) * 0x9E3779B97F4A7C15ull + 1;
        else if (!strncmp(tok, "from=", 5))
            s->from = atol(tok + 5);
        else if (!strncmp(tok, "down=", 5))
            s->down = atol(tok + 5);
        else if (!strncmp(tok, "kinds=", 6)) {
            s->nkinds = 0;
            for (p = strtok_r(tok + 6, "+", &save2); p; p = strtok_r(NULL, "+", &save2)) {
                if ((k = fault_kind(p)) < 0)
                    goto bad;
                s->kinds[s->nkinds++ % F_NKINDS] = k;
            }
        } else if (!strncmp(tok, "at=", 3)) {
            for (p = strtok_r(tok + 3, "/", &save2); p; p = strtok_r(NULL, "/", &save2)) {
                if (!(q2 = strchr(p, ':')) || (k = fault_kind(q2 + 1)) < 0)
                    goto bad;
                s->at_req = realloc(s->at_req, (size_t)(s->nat + 1) * sizeof *s->at_req);
                s->at_kind = realloc(s->at_kind, (size_t)(s->nat + 1) * sizeof *s->at_kind);
                if (!s->at_req || !s->at_kind)
                    goto bad;
                s->at_req[s->nat] = atol(p);
                s->at_kind[s->nat++] = k;
            }
        } else
            goto bad;
    }
    free(dup);
    return 0;
bad:
    fprintf(stderr, "lm-replay: bad fault spec '%s'\n", tok);
    free(dup);
    return -1;
}

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

int main(int argc, char **argv)
{
    static struct server s;
    struct sockaddr_in addr;
    struct MHD_Daemon *d;
    const union MHD_DaemonInfo *info;
    const char *port_file = NULL, *log_file = NULL;
    long records = 5000, i, days = 1460;
    uint64_t seed = 42;
    int32_t start = rp_day(2020, 1, 1);
    int list = 0, port;
    size_t k;

    s.gzip = 1;
    s.rng = 0x5EED;
    s.kinds[0] = F_503;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

        if (!strcmp(a, "--list")) { list = 1; continue; }
        if (!strcmp(a, "--no-gzip")) { s.gzip = 0; continue; }
        if (!v) {
            fprintf(stderr, "lm-replay: %s needs a value\n", a);
            return 1;
        }
        i++;
        if (!strcmp(a, "--records")) records = atol(v);
        else if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--days")) days = atol(v);
        else if (!strcmp(a, "--start")) {
            if (parse_date(v, 0, &start)) { fprintf(stderr, "lm-replay: bad --start\n"); return 1; }
        } else if (!strcmp(a, "--max-date")) {
            if (parse_date(v, 1, &s.max_date)) { fprintf(stderr, "lm-replay: bad --max-date\n"); return 1; }
        } else if (!strcmp(a, "--faults")) {
            if (parse_faults(&s, v)) return 1;
        } else if (!strcmp(a, "--port-file")) port_file = v;
        else if (!strcmp(a, "--log")) log_file = v;
        else {
            fprintf(stderr, "lm-replay: unknown option %s\n", a);
            return 1;
        }
    }
    if (records < 0 || days < 1 || rp_generate(&s.corpus, (size_t)records, seed, 30000001,
                                               start, (int32_t)days)) {
        fprintf(stderr, "lm-replay: cannot make %ld records\n", records);
        return 1;
    }
    if (s.rate > 0 && !s.nkinds)
        s.nkinds = 1;
    if (list) {
        char title[200];

        for (k = 0; k < s.corpus.n; k++) {
            if (!visible(&s, &s.corpus.rec[k]))
                continue;
            rp_title(&s.corpus.rec[k], title, sizeof title);
            printf("%lld|%d|%s\n", (long long)s.corpus.rec[k].pmid,
                   s.corpus.rec[k].version, title);
        }
        rp_corpus_free(&s.corpus);
        return 0;
    }
    if (log_file && !(s.log = fopen(log_file, "a"))) {
        perror(log_file);
        return 1;
    }
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, handler, &s,
                         MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                         MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
                         MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(512 * 1024),
                         MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "lm-replay: cannot listen on 127.0.0.1\n");
        return 1;
    }
    info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    port = info ? info->port : 0;
    printf("%d\n", port);
    fflush(stdout);
    if (port_file) {
        char tmp[4096];
        FILE *pf;

        snprintf(tmp, sizeof tmp, "%s.tmp", port_file);
        if (!(pf = fopen(tmp, "w")) || fprintf(pf, "%d\n", port) < 0 || fclose(pf)
            || rename(tmp, port_file)) {
            perror(port_file);
            return 1;
        }
    }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    while (!stop)
        pause();
    MHD_stop_daemon(d);
    fprintf(stderr, "lm-replay: %ld requests;", s.requests);
    for (i = 1; i < F_NKINDS; i++)
        if (s.fault_count[i])
            fprintf(stderr, " %s %ld", fault_names[i], s.fault_count[i]);
    fputc('\n', stderr);
    if (s.log)
        fclose(s.log);
    while (s.nenvs)
        env_drop(&s, &s.envs[0]);
    free(s.at_req);
    free(s.at_kind);
    rp_corpus_free(&s.corpus);
    return 0;
}
