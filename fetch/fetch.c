/* litmine fetch: esearch (usehistory=y) or epost, then efetch by WebEnv and
 * query_key in batches, each batch imported in one corpus transaction.
 *
 * What makes it fault-proof:
 *  - every request goes through call(): rate limiter, bounded retries with
 *    backoff and jitter, and a check of the body (an <ERROR> or a JSON error
 *    inside a 200, a body cut short) before anything is believed;
 *  - every efetch body is parsed completely before the transaction opens,
 *    and the records it holds are counted against the ids asked for; the
 *    missing ones are asked for again by id, in the same transaction;
 *  - an expired WebEnv re-runs the search and carries on where it was;
 *  - the watermark of a query moves inside the transaction that commits the
 *    last batch of a date slice, so it never runs ahead of the corpus.
 * A kill -9 loses at most the open transaction; rerunning the command puts
 * the same records again (the store keeps one row per PMID), so the corpus
 * ends as an uninterrupted run leaves it. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <zlib.h>
#include "fetch/fetch_int.h"

#define IDS_PER_GET 200          /* NCBI: more ids than this go by POST */
#define DEFAULT_SINCE "1800/01/01"

/* A set of ids (open addressing; 0 is the empty slot, never an id). */
typedef struct idset {
    int64_t *slot;
    size_t cap, n;
} idset;

struct lm_fetch {
    char *base, *query, *email, *tool, *api_key, *raw_dir;
    int64_t *ids;
    size_t nids;
    int pmc;
    char datetype[8];
    int32_t since, until;
    int have_since, incremental;
    unsigned batch;
    int max_attempts;
    double bbase, bmax;
    uint64_t rng;
    lm_fetch_progress_cb progress;
    void *progress_ud;
    fetch_http http;
    char msg[1024];

    /* during a run */
    lm_corpus *c;
    lm_fetch_stats st;
    lm_record rec;
    idset done;
    int64_t *got;              /* ids of the records in the last efetch body */
    size_t ngot, capgot;
    fetch_search es;           /* the current history (esearch or epost) */
    int32_t es_from, es_to;    /* the date slice es covers */
    char *wm_key;
    int have_wm, wm_may_advance;
    int32_t wm_day;
    uint64_t committed;
    uint64_t nabsent;          /* listed ids efetch never returned */
    char absent[128];          /* the first few of them */
};

static const char *db_name(const lm_fetch *f) { return f->pmc ? "pmc" : "pubmed"; }

static void set_msg(lm_fetch *f, const char *fmt, ...) LM_PRINTF(2, 3);
/* Masks the API key wherever it appears in @s, with or without "api_key="
 * before it: a server may echo it in an error text or a redirect target. */
static void redact_key(const lm_fetch *f, char *s)
{
    size_t n = f->api_key ? strlen(f->api_key) : 0;
    char *p;

    lm_redact(s);
    if (n < 4)    /* too short to tell from ordinary text; api_key= rule only */
        return;
    while ((p = strstr(s, f->api_key))) {
        memcpy(p, "***", 3);
        memmove(p + 3, p + n, strlen(p + n) + 1);
    }
}

static void set_msg(lm_fetch *f, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
    redact_key(f, f->msg);
}

/* ---- id set ------------------------------------------------------------- */

static size_t id_hash(int64_t id, size_t cap)
{
    uint64_t x = (uint64_t)id * 0x9E3779B97F4A7C15ull;

    return (size_t)(x >> 17) & (cap - 1);
}

static int idset_has(const idset *s, int64_t id)
{
    size_t i;

    if (!s->cap)
        return 0;
    for (i = id_hash(id, s->cap); s->slot[i]; i = (i + 1) & (s->cap - 1))
        if (s->slot[i] == id)
            return 1;
    return 0;
}

static lm_err idset_add(idset *s, int64_t id)
{
    size_t i;

    if (id == 0 || idset_has(s, id))
        return LM_OK;
    if ((s->n + 1) * 2 > s->cap) {
        idset bigger = { NULL, s->cap ? s->cap * 2 : 1024, 0 };

        if (!(bigger.slot = calloc(bigger.cap, sizeof *bigger.slot)))
            return LM_ERR_NOMEM;
        for (i = 0; i < s->cap; i++)
            if (s->slot[i])
                (void)idset_add(&bigger, s->slot[i]);
        free(s->slot);
        *s = bigger;
    }
    for (i = id_hash(id, s->cap); s->slot[i]; i = (i + 1) & (s->cap - 1))
        ;
    s->slot[i] = id;
    s->n++;
    return LM_OK;
}

static void idset_clear(idset *s)
{
    if (s->slot)
        memset(s->slot, 0, s->cap * sizeof *s->slot);
    s->n = 0;
}

/* ---- open/close --------------------------------------------------------- */

static char *dup_or_null(const char *s, int *fail)
{
    char *d;

    if (!s)
        return NULL;
    if (!(d = strdup(s)))
        *fail = 1;
    return d;
}

static lm_err check_opts(lm_fetch *f, const lm_fetch_opts *o)
{
    const char *dt = o->datetype ? o->datetype : "edat";

    if (!!o->query == !!o->nids) {
        set_msg(f, "give either a query or a list of ids");
        return LM_ERR_USAGE;
    }
    if (o->query && !*o->query) {
        set_msg(f, "empty query");
        return LM_ERR_USAGE;
    }
    if (strcmp(dt, "edat") && strcmp(dt, "mdat") && strcmp(dt, "pdat")) {
        set_msg(f, "datetype %s: expected edat, mdat or pdat", dt);
        return LM_ERR_USAGE;
    }
    strcpy(f->datetype, dt);
    if (o->since && fetch_date_parse(o->since, 0, &f->since) != LM_OK) {
        set_msg(f, "since %s: expected YYYY/MM/DD, YYYY/MM or YYYY", o->since);
        return LM_ERR_USAGE;
    }
    f->have_since = o->since != NULL;
    if (o->until && fetch_date_parse(o->until, 1, &f->until) != LM_OK) {
        set_msg(f, "until %s: expected YYYY/MM/DD, YYYY/MM or YYYY", o->until);
        return LM_ERR_USAGE;
    }
    if (!o->until)
        f->until = fetch_today();
    if (o->nids && (o->since || o->until || o->incremental)) {
        set_msg(f, "dates and incremental apply to a query, not to a list of ids");
        return LM_ERR_USAGE;
    }
    if (o->batch > 10000) {
        set_msg(f, "batch %u: efetch takes at most 10000 records per request", o->batch);
        return LM_ERR_USAGE;
    }
    return LM_OK;
}

static lm_err check_url(lm_fetch *f, const lm_fetch_opts *o, double *rate)
{
    const char *url = o->base_url ? o->base_url : LM_FETCH_DEFAULT_URL;
    double limit = o->api_key && *o->api_key ? 10 : 3;
    size_t n = strlen(url);

    if (!fetch_url_is_http(url) || strpbrk(url, " \t\r\n?#")) {
        set_msg(f, "base URL %s: only http:// and https:// URLs without a query", url);
        return LM_ERR_USAGE;
    }
    *rate = o->rate == 0 ? limit : o->rate;
    /* NCBI's limits are not ours to lift: a faster rate (or none) is only
     * for a loopback server (tests and benchmarks). */
    if ((*rate < 0 || *rate > limit) && !lm_url_is_loopback(url)) {
        set_msg(f, "rate %g: NCBI allows at most %g requests/s%s", o->rate, limit,
                limit < 10 ? " (10 with an API key)" : "");
        return LM_ERR_USAGE;
    }
    if (!(f->base = malloc(n + 2)))
        return LM_ERR_NOMEM;
    memcpy(f->base, url, n + 1);
    if (n && url[n - 1] != '/')
        strcpy(f->base + n, "/");
    return LM_OK;
}

lm_err lm_fetch_open(const lm_fetch_opts *o, lm_fetch **out)
{
    lm_fetch *f;
    lm_err rc;
    double rate = 0;
    int fail = 0, n;

    *out = NULL;
    if (!o)
        return LM_ERR_USAGE;
    if (!(f = calloc(1, sizeof *f)))
        return LM_ERR_NOMEM;
    *out = f;
    lm_record_init(&f->rec);
    if ((rc = check_opts(f, o)) != LM_OK || (rc = check_url(f, o, &rate)) != LM_OK)
        return rc;
    f->query = dup_or_null(o->query, &fail);
    f->email = dup_or_null(o->email && *o->email ? o->email : NULL, &fail);
    f->tool = dup_or_null(o->tool && *o->tool ? o->tool : "litmine", &fail);
    f->api_key = dup_or_null(o->api_key && *o->api_key ? o->api_key : NULL, &fail);
    f->raw_dir = dup_or_null(o->raw_dir, &fail);
    if (o->nids) {
        if (!(f->ids = malloc(o->nids * sizeof *f->ids)))
            fail = 1;
        else
            memcpy(f->ids, o->ids, o->nids * sizeof *f->ids);
        f->nids = o->nids;
    }
    if (fail) {
        set_msg(f, "out of memory");
        return LM_ERR_NOMEM;
    }
    f->pmc = o->pmc;
    f->incremental = o->incremental;
    f->batch = o->batch ? o->batch : 500;
    f->max_attempts = o->max_attempts > 0 ? o->max_attempts : 8;
    f->bbase = o->backoff_base > 0 ? o->backoff_base : 1.0;
    f->bmax = o->backoff_max > 0 ? o->backoff_max : 60.0;
    f->rng = o->seed ? o->seed : (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
    f->progress = o->progress;
    f->progress_ud = o->progress_ud;
    /* "n requests per second" as "n in any window of 1 s", with 5% slack:
     * the server counts arrival times, which jitter by tens of milliseconds
     * on a busy machine, and must never count n + 1. */
    n = rate < 0 ? 0 : rate >= 1 ? (int)rate : 1;
    if ((rc = fetch_http_init(&f->http, o->timeout > 0 ? o->timeout : 300,
                              o->max_body ? o->max_body : 256u * 1024u * 1024u, n,
                              rate < 0 ? 0 : rate >= 1 ? 1.05 * (double)n / rate
                                                       : 1.05 / rate)) != LM_OK) {
        set_msg(f, "cannot set up libcurl");
        return rc;
    }
    if (f->raw_dir && mkdir(f->raw_dir, 0777) != 0 && errno != EEXIST) {
        set_msg(f, "%s: %s", f->raw_dir, strerror(errno));
        return LM_ERR_IO;
    }
    return LM_OK;
}

void lm_fetch_close(lm_fetch *f)
{
    if (!f)
        return;
    fetch_http_free(&f->http);
    lm_record_free(&f->rec);
    fetch_search_free(&f->es);
    free(f->done.slot);
    free(f->got);
    free(f->wm_key);
    free(f->base);
    free(f->query);
    free(f->email);
    free(f->tool);
    free(f->api_key);
    free(f->raw_dir);
    free(f->ids);
    free(f);
}

const char *lm_fetch_errmsg(const lm_fetch *f)
{
    return f ? f->msg : "out of memory";
}

char *lm_fetch_state_key(const char *query, int pmc, const char *datetype)
{
    size_t n = strlen(query) + 32;
    char *k = malloc(n);

    if (k)
        snprintf(k, n, "%s:%s:%s", pmc ? "pmc" : "pubmed", datetype ? datetype : "edat",
                 query);
    return k;
}

/* ---- requests ----------------------------------------------------------- */

/* Query-string parameters.  @cred adds tool, email and api_key; messages
 * show the URL without them (an API key never lands in a log). */
static lm_err add_param(lm_buf *b, CURL *c, const char *name, const char *value)
{
    char *e = curl_easy_escape(c, value, 0);
    lm_err rc;

    if (!e)
        return LM_ERR_NOMEM;
    rc = lm_buf_printf(b, "%s%s=%s", b->len ? "&" : "", name, e);
    curl_free(e);
    return rc;
}

static lm_err add_cred(lm_fetch *f, lm_buf *b)
{
    lm_err rc = add_param(b, f->http.curl, "tool", f->tool);

    if (!rc && f->email)
        rc = add_param(b, f->http.curl, "email", f->email);
    if (!rc && f->api_key)
        rc = add_param(b, f->http.curl, "api_key", f->api_key);
    return rc;
}

typedef fetch_verdict (*check_fn)(lm_fetch *f, const char *body, size_t len,
                                  char *msg, size_t msgcap);

/* Sends one E-utilities request until its reply passes @check, at most
 * max_attempts times.  @params is the public part of the query string.
 * With @expired not NULL, a reply saying the history is gone returns LM_OK
 * with *expired = 1 instead of being retried. */
static lm_err call(lm_fetch *f, const char *endpoint, const char *params, int post,
                   check_fn check, int *expired)
{
    lm_buf full = {0}, url = {0};
    char why[512] = "", shown[400];
    fetch_outcome o = FO_RETRY;
    fetch_verdict v = FV_OK;
    lm_err rc = LM_OK;
    int attempt;

    if (expired)
        *expired = 0;
    snprintf(shown, sizeof shown, "%s%s?%s", f->base, endpoint, params);
    if (lm_buf_puts(&full, params) || add_cred(f, &full)
        || lm_buf_printf(&url, "%s%s%s%s", f->base, endpoint, post ? "" : "?",
                         post ? "" : full.s)) {
        rc = LM_ERR_NOMEM;
        set_msg(f, "out of memory");
        goto out;
    }
    for (attempt = 1; attempt <= f->max_attempts; attempt++) {
        if (attempt > 1) {
            double d = fetch_backoff(f->bbase, f->bmax, attempt - 1, &f->rng);

            lm_log_warn("%s: %s; retry %d of %d in %.2fs", shown, why, attempt - 1,
                        f->max_attempts - 1, d);
            f->st.retries++;
            fetch_sleep(d);
        }
        o = fetch_http_once(&f->http, url.s, post ? full.s : NULL, why, sizeof why);
        redact_key(f, why);
        if (o == FO_FATAL)
            break;
        if (o == FO_RETRY)
            continue;
        v = check(f, f->http.body.s ? f->http.body.s : "", f->http.body.len, why, sizeof why);
        redact_key(f, why);
        if (v == FV_OK)
            goto out;
        if (v == FV_EXPIRED && expired) {
            lm_log_warn("%s: %s; searching again", shown, why);
            *expired = 1;
            goto out;
        }
        if (v == FV_FATAL) {
            o = FO_FATAL;
            break;
        }
    }
    if (o == FO_FATAL) {
        set_msg(f, "%s: %s", shown, why);
    } else {
        set_msg(f, "%s: %s (gave up after %d attempts)", shown, why, f->max_attempts);
    }
    rc = v == FV_FATAL ? LM_ERR_NOMEM        /* the only fatal verdict */
         : f->http.status && f->http.status != 200 ? LM_ERR_HTTP : LM_ERR_NET;
out:
    lm_buf_free(&full);
    lm_buf_free(&url);
    return rc;
}

/* ---- efetch bodies ------------------------------------------------------ */

static int64_t record_id(const lm_fetch *f, const lm_record *r)
{
    const char *p = lm_buf_str(&r->pmcid);

    if (!f->pmc)
        return r->pmid;
    if (!strncmp(p, "PMC", 3))
        p += 3;
    return isdigit((unsigned char)*p) ? strtoll(p, NULL, 10) : 0;
}

static int push_got(lm_fetch *f, int64_t id)
{
    if (f->ngot == f->capgot) {
        size_t cap = f->capgot ? f->capgot * 2 : 512;
        int64_t *g = realloc(f->got, cap * sizeof *g);

        if (!g)
            return -1;
        f->got = g;
        f->capgot = cap;
    }
    f->got[f->ngot++] = id;
    return 0;
}

/* The whole body is read before it is believed: a body cut short is
 * malformed XML and gets asked for again, never half imported. */
static fetch_verdict check_efetch(lm_fetch *f, const char *body, size_t len,
                                  char *msg, size_t msgcap)
{
    fetch_verdict v = fetch_check_efetch(body, len, msg, msgcap);
    lm_reader *rd = NULL;
    lm_err rc;

    f->ngot = 0;
    if (v != FV_OK)
        return v;
    if ((rc = lm_reader_open_mem("efetch reply", body, len, &rd)) != LM_OK) {
        lm_msg_set(msg, msgcap, "%s", rd ? lm_reader_errmsg(rd) : lm_strerror(rc));
        lm_reader_close(rd);
        return rc == LM_ERR_NOMEM ? FV_FATAL : FV_RETRY;
    }
    while ((rc = lm_reader_read(rd, &f->rec)) == LM_OK)
        if (f->rec.kind == LM_REC_ARTICLE && push_got(f, record_id(f, &f->rec))) {
            rc = LM_ERR_NOMEM;
            break;
        }
    if (rc != LM_EOF) {
        lm_msg_set(msg, msgcap, "%s", lm_reader_errmsg(rd));
        v = rc == LM_ERR_NOMEM ? FV_FATAL : FV_RETRY;
    }
    lm_reader_close(rd);
    return v;
}

static void md5_hex(const void *data, size_t len, char hex[33])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;

    EVP_Digest(data, len, d, &n, EVP_md5(), NULL);
    for (i = 0; i < n && i < 16; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    hex[32] = '\0';
}

/* --raw DIR: <md5>.xml.gz, written to a temporary name and renamed so a
 * kill never leaves half a file under the final name. */
static lm_err keep_raw(lm_fetch *f, const char *body, size_t len, const char *md5)
{
    lm_buf path = {0}, tmp = {0};
    struct stat sb;
    gzFile gz;
    lm_err rc = LM_OK;
    size_t off = 0;
    int fd;

    if (lm_buf_printf(&path, "%s/%s.xml.gz", f->raw_dir, md5)
        || lm_buf_printf(&tmp, "%s/.%s.%ld.tmp", f->raw_dir, md5, (long)getpid())) {
        rc = LM_ERR_NOMEM;
        goto out;
    }
    if (stat(path.s, &sb) == 0)
        goto out;
    /* O_EXCL|O_NOFOLLOW after removing a leftover: a symlink planted under
     * the temporary name is removed, never written through. */
    if (unlink(tmp.s) != 0 && errno != ENOENT) {
        set_msg(f, "%s: %s", tmp.s, strerror(errno));
        rc = LM_ERR_IO;
        goto out;
    }
    fd = open(tmp.s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 || !(gz = gzdopen(fd, "wb6"))) {
        set_msg(f, "%s: %s", tmp.s, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp.s);
        }
        rc = LM_ERR_IO;
        goto out;
    }
    while (off < len) {
        unsigned chunk = len - off > (1u << 30) ? 1u << 30 : (unsigned)(len - off);
        int w = gzwrite(gz, body + off, chunk);

        if (w <= 0)
            break;
        off += (size_t)w;
    }
    if (gzclose(gz) != Z_OK || off < len || rename(tmp.s, path.s) != 0) {
        set_msg(f, "%s: cannot write", path.s);
        unlink(tmp.s);
        rc = LM_ERR_IO;
    }
out:
    if (rc == LM_ERR_NOMEM)
        set_msg(f, "out of memory");
    lm_buf_free(&path);
    lm_buf_free(&tmp);
    return rc;
}

static lm_err corpus_fail(lm_fetch *f, lm_err rc)
{
    set_msg(f, "%s", lm_corpus_errmsg(f->c));
    return rc;
}

/* Imports the body in h->body (already checked by check_efetch) into the
 * open transaction, and adds its ids to the done set.  A body seen before
 * (same MD5 in the ledger) is not put again. */
static lm_err import_body(lm_fetch *f, const char *name)
{
    const char *body = f->http.body.s ? f->http.body.s : "";
    size_t len = f->http.body.len, i;
    lm_reader *rd = NULL;
    char md5[33];
    lm_err rc;
    int seen = 0, outcome;
    uint64_t n = 0;

    for (i = 0; i < f->ngot; i++)
        if (idset_add(&f->done, f->got[i]))
            return LM_ERR_NOMEM;
    f->st.records += f->ngot;
    md5_hex(body, len, md5);
    if (f->raw_dir && (rc = keep_raw(f, body, len, md5)) != LM_OK)
        return rc;
    if ((rc = lm_corpus_file_seen(f->c, md5, &seen)) != LM_OK)
        return corpus_fail(f, rc);
    if (seen) {
        f->st.skipped++;
        return LM_OK;
    }
    if ((rc = lm_reader_open_mem(name, body, len, &rd)) != LM_OK) {
        set_msg(f, "%s", rd ? lm_reader_errmsg(rd) : lm_strerror(rc));
        lm_reader_close(rd);
        return rc;
    }
    while ((rc = lm_reader_read(rd, &f->rec)) == LM_OK) {
        if ((rc = lm_corpus_put(f->c, &f->rec, &outcome)) != LM_OK) {
            lm_reader_close(rd);
            return corpus_fail(f, rc);
        }
        n++;
        f->st.stored += outcome == 1;
    }
    if (rc != LM_EOF) {
        set_msg(f, "%s", lm_reader_errmsg(rd));
        lm_reader_close(rd);
        return rc;
    }
    lm_reader_close(rd);
    if ((rc = lm_corpus_file_add(f->c, name, md5, n)) != LM_OK)
        return corpus_fail(f, rc);
    return LM_OK;
}

/* efetch by id for @ids[0..n) not yet done, in requests of at most
 * IDS_PER_GET ids (POST beyond that is allowed, but small requests keep a
 * retry cheap), importing into the open transaction.  Ids still missing
 * after max_attempts rounds are an error naming them. */
static lm_err fetch_by_id(lm_fetch *f, const int64_t *ids, size_t n, const char *name,
                          int asked)
{
    lm_buf p = {0}, list = {0};
    lm_err rc = LM_OK;
    size_t i, missing = 0, k;
    int round, rounds;

    /* A query's records exist (esearch listed them): a short reply is
     * NCBI's hiccup, worth every attempt.  An id the user listed may simply
     * not exist, and NCBI omits it without a word: ask once more by id
     * (@asked: the ids were asked for once already, by history), then
     * report it, not after a full backoff (98 s with the defaults). */
    rounds = f->query ? f->max_attempts : asked ? 1 : 2;
    for (round = 1; round <= rounds; round++) {
        missing = 0;
        for (i = 0; i < n; i++)
            missing += !idset_has(&f->done, ids[i]);
        if (!missing)
            break;
        if (round > 1 && f->query)
            fetch_sleep(fetch_backoff(f->bbase, f->bmax, round - 1, &f->rng));
        for (i = 0; i < n && rc == LM_OK;) {
            lm_buf_clear(&list);
            for (k = 0; i < n && k < IDS_PER_GET; i++)
                if (!idset_has(&f->done, ids[i])) {
                    if (lm_buf_printf(&list, "%s%lld", k ? "," : "", (long long)ids[i]))
                        rc = LM_ERR_NOMEM;
                    k++;
                }
            if (!k || rc)
                break;
            f->st.rerequested += k;
            lm_buf_clear(&p);
            if (add_param(&p, f->http.curl, "db", db_name(f))
                || add_param(&p, f->http.curl, "id", list.s)
                || lm_buf_puts(&p, "&rettype=xml&retmode=xml")) {
                rc = LM_ERR_NOMEM;
                break;
            }
            if ((rc = call(f, "efetch.fcgi", p.s, k > 20, check_efetch, NULL)) == LM_OK)
                rc = import_body(f, name);
        }
        if (rc)
            break;
    }
    for (i = missing = 0; !rc && i < n; i++)
        missing += !idset_has(&f->done, ids[i]);
    if (!rc && missing && !f->query) {
        /* Ids the user listed that efetch never returns, round after
         * round, are not in the database (NCBI omits unknown ids without a
         * word): note them, go on, and fail the run at the end. */
        for (i = 0; i < n && !rc; i++)
            if (!idset_has(&f->done, ids[i])) {
                if (f->nabsent < 5)
                    snprintf(f->absent + strlen(f->absent), sizeof f->absent - strlen(f->absent),
                             " %lld", (long long)ids[i]);
                f->nabsent++;
                rc = idset_add(&f->done, ids[i]);
            }
        lm_log_warn("efetch %s: %zu id(s) not returned when asked for again by id: not in %s?",
                    db_name(f), missing, f->pmc ? "PMC" : "PubMed");
    } else if (!rc && missing) {
        lm_buf_clear(&list);
        for (i = k = 0; i < n && k < 5; i++)
            if (!idset_has(&f->done, ids[i]) && !lm_buf_printf(&list, " %lld", (long long)ids[i]))
                k++;
        set_msg(f, "efetch %s: %zu record(s) never returned after %d attempts:%s%s",
                db_name(f), missing, f->max_attempts, lm_buf_str(&list),
                missing > k ? " ..." : "");
        rc = LM_ERR_NET;
    }
    if (rc == LM_ERR_NOMEM)
        set_msg(f, "out of memory");
    lm_buf_free(&p);
    lm_buf_free(&list);
    return rc;
}

/* ---- history paging ----------------------------------------------------- */

/* How a history is (re)made and finished: esearch of a date slice, or
 * epost of an id list. */
typedef struct history_ops {
    lm_err (*remake)(lm_fetch *f, void *ud);        /* fills f->es again */
    lm_err (*finish)(lm_fetch *f, void *ud);        /* inside the last transaction */
    const int64_t *(*all)(lm_fetch *f, void *ud, size_t *n);
    void *ud;
    const char *label;
} history_ops;

static lm_err commit_batch(lm_fetch *f)
{
    lm_err rc = lm_corpus_commit(f->c);

    if (rc != LM_OK)
        return corpus_fail(f, rc);
    f->st.batches++;
    f->committed = f->done.n;
    if (f->progress)
        f->progress(f->st.records, f->st.expected, f->progress_ud);
    return LM_OK;
}

/* One efetch batch [retstart, retstart + n) of the current history,
 * imported in one transaction together with the records it lacked. */
static lm_err history_batch(lm_fetch *f, const history_ops *ops, uint64_t retstart,
                            uint64_t n, int last, int *expired)
{
    lm_buf p = {0}, name = {0};
    const int64_t *all;
    size_t nall;
    lm_err rc;

    if (add_param(&p, f->http.curl, "db", db_name(f))
        || lm_buf_printf(&p, "&query_key=%d", f->es.query_key)
        || add_param(&p, f->http.curl, "WebEnv", f->es.webenv)
        || lm_buf_printf(&p, "&retstart=%llu&retmax=%llu&rettype=xml&retmode=xml",
                         (unsigned long long)retstart, (unsigned long long)n)
        || lm_buf_printf(&name, "efetch %s %s retstart %llu", db_name(f), ops->label,
                         (unsigned long long)retstart)) {
        set_msg(f, "out of memory");
        rc = LM_ERR_NOMEM;
        goto out;
    }
    if ((rc = call(f, "efetch.fcgi", p.s, 0, check_efetch, expired)) || *expired)
        goto out;
    if ((rc = lm_corpus_begin(f->c)) != LM_OK) {
        corpus_fail(f, rc);
        goto out;
    }
    if ((rc = import_body(f, name.s)) != LM_OK)
        goto fail;
    all = ops->all(f, ops->ud, &nall);
    /* Fewer records than asked for: ask again, by id, for those of this
     * batch that are still missing. */
    if (f->ngot < n && retstart < nall) {
        lm_log_info("%s: %zu of %llu records returned; asking again for the rest",
                        name.s, f->ngot, (unsigned long long)n);
        if ((rc = fetch_by_id(f, all + retstart,
                              (size_t)(retstart + n <= nall ? n : nall - retstart),
                              name.s, 1)) != LM_OK)
            goto fail;
    }
    if (last) {
        if ((rc = fetch_by_id(f, all, nall, name.s, 1)) != LM_OK)
            goto fail;
        if (ops->finish && (rc = ops->finish(f, ops->ud)) != LM_OK)
            goto fail;
    }
    rc = commit_batch(f);
    if (rc == LM_OK)
        goto out;
fail:
    lm_corpus_rollback(f->c);
out:
    lm_buf_free(&p);
    lm_buf_free(&name);
    return rc;
}

static lm_err page_history(lm_fetch *f, const history_ops *ops)
{
    uint64_t retstart = 0, total, n;
    int expired = 0, remakes = 0;
    size_t nall;
    lm_err rc;

    ops->all(f, ops->ud, &nall);
    total = nall;
    if (total == 0) {
        /* Nothing to fetch, but the slice still completes (watermark). */
        if ((rc = lm_corpus_begin(f->c)) != LM_OK)
            return corpus_fail(f, rc);
        if (ops->finish && (rc = ops->finish(f, ops->ud)) != LM_OK) {
            lm_corpus_rollback(f->c);
            return rc;
        }
        return commit_batch(f);
    }
    while (retstart < total) {
        n = total - retstart < f->batch ? total - retstart : f->batch;
        rc = history_batch(f, ops, retstart, n, retstart + n >= total, &expired);
        if (rc)
            return rc;
        if (expired) {
            if (++remakes > f->max_attempts) {
                set_msg(f, "efetch %s: the history expired %d times in a row", ops->label,
                        remakes);
                return LM_ERR_NET;
            }
            f->st.research++;
            if ((rc = ops->remake(f, ops->ud)) != LM_OK)
                return rc;
            ops->all(f, ops->ud, &nall);
            total = nall;
            continue;
        }
        remakes = 0;
        retstart += n;
    }
    return LM_OK;
}

/* ---- query mode: esearch per date slice --------------------------------- */

static fetch_verdict check_esearch(lm_fetch *f, const char *body, size_t len,
                                   char *msg, size_t msgcap)
{
    fetch_verdict v = fetch_parse_esearch(body, len, &f->es, msg, msgcap);
    uint64_t want;

    if (v != FV_OK)
        return v;
    want = f->es.count < LM_FETCH_ESEARCH_CAP ? f->es.count : LM_FETCH_ESEARCH_CAP;
    if (f->es.nids != want) {
        lm_msg_set(msg, msgcap, "esearch reply has %zu ids of %llu", f->es.nids,
                   (unsigned long long)want);
        return FV_RETRY;
    }
    if (f->es.count && (!f->es.query_key || !*f->es.webenv)) {
        lm_msg_set(msg, msgcap, "esearch reply without <QueryKey> and <WebEnv>");
        return FV_RETRY;
    }
    return FV_OK;
}

static lm_err esearch(lm_fetch *f, int32_t from, int32_t to)
{
    lm_buf p = {0};
    char a[16], b[16];
    lm_err rc;

    fetch_date_format(from, a);
    fetch_date_format(to, b);
    if (add_param(&p, f->http.curl, "db", db_name(f))
        || add_param(&p, f->http.curl, "term", f->query)
        || lm_buf_printf(&p, "&usehistory=y&retstart=0&retmax=%u&datetype=%s",
                         LM_FETCH_ESEARCH_CAP, f->datetype)
        || add_param(&p, f->http.curl, "mindate", a)
        || add_param(&p, f->http.curl, "maxdate", b)) {
        lm_buf_free(&p);
        set_msg(f, "out of memory");
        return LM_ERR_NOMEM;
    }
    rc = call(f, "esearch.fcgi", p.s, 0, check_esearch, NULL);
    lm_buf_free(&p);
    if (rc == LM_OK) {
        f->es_from = from;
        f->es_to = to;
        lm_log_debug("esearch %s..%s: %llu records", a, b, (unsigned long long)f->es.count);
    }
    return rc;
}

static lm_err slice_remake(lm_fetch *f, void *ud)
{
    (void)ud;
    return esearch(f, f->es_from, f->es_to);
}

static const int64_t *es_all(lm_fetch *f, void *ud, size_t *n)
{
    (void)ud;
    *n = f->es.nids;
    return f->es.ids;
}

/* The watermark: the last day whose records are all committed.  Today is
 * never complete (NCBI keeps adding to it), so it stops at yesterday; and it
 * only moves forward, and only when this run started where the saved one
 * ended (a --since later than the watermark leaves a gap it must not hide). */
static lm_err slice_finish(lm_fetch *f, void *ud)
{
    int32_t day = f->es_to, cap = fetch_today() - 1;
    char w[16];
    lm_err rc;

    (void)ud;
    if (day > cap)
        day = cap;
    if (!f->wm_may_advance || (f->have_wm && day <= f->wm_day))
        return LM_OK;
    fetch_date_format(day, w);
    if ((rc = lm_corpus_watermark_set(f->c, f->wm_key, w)) != LM_OK)
        return corpus_fail(f, rc);
    f->wm_day = day;
    f->have_wm = 1;
    snprintf(f->st.watermark, sizeof f->st.watermark, "%s", w);
    return LM_OK;
}

static lm_err split_count(void *ud, int32_t from, int32_t to, uint64_t *count)
{
    lm_fetch *f = ud;
    lm_err rc = esearch(f, from, to);

    *count = f->es.count;
    return rc;
}

static lm_err split_slice(void *ud, int32_t from, int32_t to, uint64_t count)
{
    lm_fetch *f = ud;
    history_ops ops = { slice_remake, slice_finish, es_all, NULL, NULL };
    char a[16], b[16], label[64];

    fetch_date_format(from, a);
    fetch_date_format(to, b);
    snprintf(label, sizeof label, "%s-%s", a, b);
    ops.label = label;
    f->st.slices++;
    f->st.expected += count;
    idset_clear(&f->done);
    lm_log_info("%s %s to %s: %llu records", f->datetype, a, b, (unsigned long long)count);
    return page_history(f, &ops);
}

static lm_err run_query(lm_fetch *f)
{
    char *w = NULL;
    int32_t from;
    lm_err rc;

    if (!(f->wm_key = lm_fetch_state_key(f->query, f->pmc, f->datetype))) {
        set_msg(f, "out of memory");
        return LM_ERR_NOMEM;
    }
    if ((rc = lm_corpus_watermark_get(f->c, f->wm_key, &w)) != LM_OK)
        return corpus_fail(f, rc);
    if (w) {
        if (fetch_date_parse(w, 0, &f->wm_day) == LM_OK)
            f->have_wm = 1;
        else
            lm_log_warn("watermark '%s' of %s is not a date; ignored", w, f->wm_key);
        free(w);
    }
    from = f->have_since ? f->since : 0;
    if (!f->have_since)
        (void)fetch_date_parse(DEFAULT_SINCE, 0, &from);
    if (f->incremental && f->have_wm && from <= f->wm_day)
        from = f->wm_day + 1;
    f->wm_may_advance = !f->have_wm || from <= f->wm_day + 1;
    if (from > f->until) {
        lm_log_info("%s: up to date (watermark %s)", f->query, f->st.watermark);
        return LM_OK;
    }
    return fetch_split(from, f->until, LM_FETCH_ESEARCH_CAP, split_count, split_slice, f,
                       f->msg, sizeof f->msg);
}

/* ---- id mode: epost (more than IDS_PER_GET ids) or efetch by id --------- */

struct idchunk {
    const int64_t *ids;
    size_t n;
};

static fetch_verdict check_epost(lm_fetch *f, const char *body, size_t len,
                                 char *msg, size_t msgcap)
{
    return fetch_parse_epost(body, len, &f->es, msg, msgcap);
}

static lm_err epost_remake(lm_fetch *f, void *ud)
{
    struct idchunk *ch = ud;
    lm_buf p = {0}, list = {0};
    lm_err rc = LM_OK;
    size_t i;

    for (i = 0; i < ch->n && !rc; i++)
        rc = lm_buf_printf(&list, "%s%lld", i ? "," : "", (long long)ch->ids[i]);
    if (rc || add_param(&p, f->http.curl, "db", db_name(f))
        || add_param(&p, f->http.curl, "id", list.s))
        rc = LM_ERR_NOMEM;
    if (rc)
        set_msg(f, "out of memory");
    else
        rc = call(f, "epost.fcgi", p.s, 1, check_epost, NULL);
    lm_buf_free(&p);
    lm_buf_free(&list);
    return rc;
}

static const int64_t *chunk_all(lm_fetch *f, void *ud, size_t *n)
{
    struct idchunk *ch = ud;

    (void)f;
    *n = ch->n;
    return ch->ids;
}

static lm_err fetch_ids(lm_fetch *f)
{
    size_t off, n;
    lm_err rc;

    f->st.expected = f->nids;
    if (f->nids <= IDS_PER_GET) {
        if ((rc = lm_corpus_begin(f->c)) != LM_OK)
            return corpus_fail(f, rc);
        if ((rc = fetch_by_id(f, f->ids, f->nids, "efetch by id", 0)) != LM_OK) {
            lm_corpus_rollback(f->c);
            return rc;
        }
        return commit_batch(f);
    }
    /* A history holds what esearch could page through: keep each epost
     * within that cap too. */
    for (off = 0; off < f->nids; off += n) {
        struct idchunk ch;
        history_ops ops = { epost_remake, NULL, chunk_all, NULL, "epost" };

        n = f->nids - off < LM_FETCH_ESEARCH_CAP ? f->nids - off : LM_FETCH_ESEARCH_CAP;
        ch.ids = f->ids + off;
        ch.n = n;
        ops.ud = &ch;
        f->st.slices++;
        idset_clear(&f->done);
        if ((rc = epost_remake(f, &ch)) != LM_OK || (rc = page_history(f, &ops)) != LM_OK)
            return rc;
    }
    return LM_OK;
}

static lm_err run_ids(lm_fetch *f)
{
    lm_err rc = fetch_ids(f);

    if (rc == LM_OK && f->nabsent) {
        set_msg(f, "%llu of %zu %s never returned by efetch (not in %s?):%s%s",
                (unsigned long long)f->nabsent, f->nids, f->pmc ? "PMC ids" : "PMIDs",
                f->pmc ? "PMC" : "PubMed", f->absent, f->nabsent > 5 ? " ..." : "");
        rc = LM_ERR_NOTFOUND;
    }
    return rc;
}

lm_err lm_fetch_run(lm_fetch *f, lm_corpus *c, lm_fetch_stats *st)
{
    lm_err rc;

    if (!f || !c)
        return LM_ERR_USAGE;
    f->c = c;
    memset(&f->st, 0, sizeof f->st);
    f->nabsent = 0;
    f->absent[0] = '\0';
    f->msg[0] = '\0';
    rc = f->query ? run_query(f) : run_ids(f);
    f->st.requests = f->http.requests;
    f->st.bytes = f->http.bytes;
    f->st.absent = f->nabsent;
    snprintf(f->st.absent_ids, sizeof f->st.absent_ids, "%s", f->absent[0] == ' ' ? f->absent + 1
                                                                           : f->absent);
    if (st)
        *st = f->st;
    f->c = NULL;
    return rc;
}

/* ---- id lists ----------------------------------------------------------- */

static lm_err read_ids_from(FILE *in, const char *name, int pmc, int64_t **ids, size_t *n,
                            char *msg, size_t msgcap)
{
    char *line = NULL, *p, *tok, *save, *end;
    size_t cap = 0, lcap = 0;
    unsigned long lineno = 0;
    idset seen = { NULL, 0, 0 };
    lm_err rc = LM_OK;
    long long v;

    *ids = NULL;
    *n = 0;
    while (rc == LM_OK && getline(&line, &lcap, in) != -1) {
        lineno++;
        if ((p = strchr(line, '#')))
            *p = '\0';
        for (tok = strtok_r(line, " \t\r\n,", &save); tok && rc == LM_OK;
             tok = strtok_r(NULL, " \t\r\n,", &save)) {
            const char *d = tok;

            if (pmc && !strncasecmp(d, "PMC", 3))
                d += 3;
            errno = 0;
            v = isdigit((unsigned char)*d) ? strtoll(d, &end, 10) : 0;
            if (v <= 0 || *end || errno) {
                lm_msg_set(msg, msgcap, "%s:%lu: '%.40s' is not a %s", name, lineno, tok,
                           pmc ? "PMC id" : "PMID");
                rc = LM_ERR_FORMAT;
                break;
            }
            if (idset_has(&seen, v))
                continue;
            if (lm_grow(ids, &cap, *n, sizeof **ids, 256)) {
                rc = LM_ERR_NOMEM;
                break;
            }
            if (idset_add(&seen, v)) {
                rc = LM_ERR_NOMEM;
                break;
            }
            (*ids)[(*n)++] = v;
        }
    }
    if (rc == LM_OK && ferror(in)) {
        lm_msg_set(msg, msgcap, "%s: %s", name, strerror(errno));
        rc = LM_ERR_IO;
    }
    if (rc == LM_OK && *n == 0) {
        lm_msg_set(msg, msgcap, "%s: no ids", name);
        rc = LM_ERR_FORMAT;
    }
    if (rc == LM_ERR_NOMEM)
        lm_msg_set(msg, msgcap, "out of memory");
    if (rc) {
        free(*ids);
        *ids = NULL;
        *n = 0;
    }
    free(line);
    free(seen.slot);
    return rc;
}

lm_err lm_fetch_read_ids(const char *path, int pmc, int64_t **ids, size_t *n,
                         char *msg, size_t msgcap)
{
    FILE *in;
    lm_err rc;

    if (!path || !ids || !n)
        return LM_ERR_USAGE;
    if (!strcmp(path, "-"))
        return read_ids_from(stdin, "<stdin>", pmc, ids, n, msg, msgcap);
    if (!(in = fopen(path, "r"))) {
        lm_msg_set(msg, msgcap, "%s: %s", path, strerror(errno));
        *ids = NULL;
        *n = 0;
        return LM_ERR_IO;
    }
    rc = read_ids_from(in, path, pmc, ids, n, msg, msgcap);
    fclose(in);
    return rc;
}
