/* The refresh job behind `litmine run`: under the run lock, fetch every
 * saved query incrementally, import NCBI folders, extract what is new or
 * changed, and rewrite the exports.
 *
 * Why it survives kill -9 anywhere: each step commits its own small units
 * (a fetch batch with its watermark, an import file, 500 extracted articles
 * with their extract_state rows), every unit is deterministic given the
 * corpus, and exports are written beside their target and renamed over it.
 * A rerun redoes at most the unit that was cut short.
 *
 * The corpus's extract_state (schema version 5) remembers, per article,
 * the record_md5 and extractor version its extractions were made from: an
 * article is extracted again only when either differs. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <litmine/extract.h>
#include <litmine/fetch.h>
#include <litmine/pipeline.h>

/* Articles per extraction transaction: small enough that a killed run loses
 * little, large enough that commits do not dominate. */
#define EXTRACT_CHUNK 500

struct job {
    const lm_run_config *cfg;
    unsigned flags;
    lm_run_report_cb report;
    void *ud;
    lm_run_stats *st;
    char *msg;
    size_t cap;
    lm_corpus *c;
};

static void report(struct job *j, const char *fmt, ...) LM_PRINTF(2, 3);

/* Progress adapters: the fetch and import stages' callbacks, passed on to
 * the configuration's lm_run_progress_cb. */
static void fetch_progress(uint64_t done, uint64_t total, void *ud)
{
    const struct job *j = ud;

    j->cfg->progress("fetch", done, total, j->cfg->progress_ud);
}

static void import_progress(const lm_dir_progress *p, void *ud)
{
    const struct job *j = ud;

    /* no total before the files are read; at the end (no current file) the
     * records read are the total, which ends the line */
    j->cfg->progress("import", p->records, p->current ? 0 : p->records, j->cfg->progress_ud);
}

static void report(struct job *j, const char *fmt, ...)
{
    char line[1024];
    va_list ap;

    if (!j->report)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    j->report(line, j->ud);
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The corpus's message (it names the database) for a failed call. */
static lm_err db_fail(struct job *j, lm_err rc)
{
    lm_msg_set(j->msg, j->cap, "%s", lm_corpus_errmsg(j->c));
    return rc;
}

/* ---- fetch ----------------------------------------------------------------- */

static const char *env_or_null(const char *name)
{
    const char *v = name ? getenv(name) : NULL;

    return v && *v ? v : NULL;
}

/* The saved watermark of query @i ("" when none) and the first day the next
 * incremental fetch asks for. */
static lm_err query_window(struct job *j, size_t i, char wm[16], char from[16])
{
    const lm_run_query *q = &j->cfg->queries[i];
    char *key = lm_fetch_state_key(q->query, q->pmc, q->datetype), *w = NULL;
    lm_err rc = LM_OK;
    int y, m, d;

    wm[0] = '\0';
    if (!key)
        return LM_ERR_NOMEM;
    if (j->c && (rc = lm_corpus_watermark_get(j->c, key, &w)) != LM_OK)
        lm_msg_set(j->msg, j->cap, "%s: %s", j->cfg->db, lm_corpus_errmsg(j->c));
    free(key);
    if (rc)
        return rc;
    if (w && sscanf(w, "%d/%d/%d", &y, &m, &d) == 3) {
        struct tm tm;
        time_t t;

        memset(&tm, 0, sizeof tm);
        tm.tm_year = y - 1900;
        tm.tm_mon = m - 1;
        tm.tm_mday = d + 1;
        t = timegm(&tm);
        gmtime_r(&t, &tm);
        snprintf(wm, 16, "%s", w);
        strftime(from, 16, "%Y/%m/%d", &tm);
    } else {
        snprintf(from, 16, "%s", q->since ? q->since : "1800/01/01");
    }
    free(w);
    return LM_OK;
}

static lm_err stage_fetch(struct job *j, size_t i)
{
    const lm_run_config *cfg = j->cfg;
    const lm_run_query *q = &cfg->queries[i];
    lm_fetch_opts o;
    lm_fetch_stats fs;
    lm_fetch *f = NULL;
    char before[16];
    lm_err rc;

    if ((rc = query_window(j, i, before, j->st->queries[i].from)))
        return rc;
    memset(&o, 0, sizeof o);
    memset(&fs, 0, sizeof fs);
    o.base_url = cfg->base_url ? cfg->base_url : env_or_null("LITMINE_EUTILS_URL");
    o.query = q->query;
    o.pmc = q->pmc;
    o.since = q->since;
    o.datetype = q->datetype;
    o.incremental = 1;
    o.batch = cfg->batch;
    o.email = cfg->email ? cfg->email : env_or_null("NCBI_EMAIL");
    o.api_key = env_or_null(cfg->api_key_env);
    o.rate = cfg->rate;
    o.max_attempts = cfg->retries;
    o.backoff_base = cfg->retry_delay;
    o.backoff_max = cfg->retry_max;
    o.timeout = cfg->timeout;
    if (cfg->progress) {
        o.progress = fetch_progress;
        o.progress_ud = j;
    }
    if ((rc = lm_fetch_open(&o, &f)) == LM_OK)
        rc = lm_fetch_run(f, j->c, &fs);
    if (rc)
        lm_msg_set(j->msg, j->cap, "query %s: %s", q->name,
                   f ? lm_fetch_errmsg(f) : lm_strerror(rc));
    lm_fetch_close(f);
    j->st->queries[i].records = fs.records;
    j->st->queries[i].stored = fs.stored;
    j->st->queries[i].requests = fs.requests;
    j->st->queries[i].retries = fs.retries;
    snprintf(j->st->queries[i].watermark, sizeof j->st->queries[i].watermark, "%s",
             *fs.watermark ? fs.watermark : before);
    j->st->fetched += fs.records;
    j->st->stored += fs.stored;
    if (fs.stored || strcmp(j->st->queries[i].watermark, before))
        j->st->changed = 1;
    report(j, "fetch %s: %llu records (%llu stored) from %s, %llu requests, %llu retries, "
           "watermark %s%s", q->name, (unsigned long long)fs.records,
           (unsigned long long)fs.stored, j->st->queries[i].from,
           (unsigned long long)fs.requests, (unsigned long long)fs.retries,
           *j->st->queries[i].watermark ? j->st->queries[i].watermark : "none",
           rc ? " (failed)" : "");
    return rc;
}

/* ---- import ---------------------------------------------------------------- */

static lm_err stage_import(struct job *j, size_t i)
{
    const char *dir = j->cfg->import_dirs[i];
    lm_dir_stats ds;
    lm_err rc;

    memset(&ds, 0, sizeof ds);
    rc = lm_import_dir(j->c, dir, j->cfg->progress ? import_progress : NULL, j, &ds,
                       j->msg, j->cap);
    j->st->files += ds.files;
    j->st->files_imported += ds.imported;
    j->st->files_already += ds.already;
    j->st->import_records += ds.records;
    j->st->import_stored += ds.stored;
    j->st->import_deleted += ds.deleted;
    if (ds.imported)
        j->st->changed = 1;
    report(j, "import %s: %zu files: %zu imported, %zu already imported; %llu records, "
           "%llu stored, %llu deleted%s", dir, ds.files, ds.imported, ds.already,
           (unsigned long long)ds.records, (unsigned long long)ds.stored,
           (unsigned long long)ds.deleted, rc ? " (failed)" : "");
    return rc;
}

/* ---- extract --------------------------------------------------------------- */

struct xctx {
    struct job *j;
    lm_extractor *ex;
    lm_extractions x;
    lm_err rc;
    uint64_t pending;    /* articles to extract, for the progress callback */
};

static int extract_one(const lm_article *a, void *ud)
{
    struct xctx *x = ud;

    lm_extractions_clear(&x->x);
    if ((x->rc = lm_extract_article(x->ex, a, &x->x))
        || (x->rc = lm_extract_store(x->ex, x->j->c, a->pmid, &x->x))) {
        lm_msg_set(x->j->msg, x->j->cap, "%s", lm_extractor_errmsg(x->ex));
        return 1;
    }
    if ((x->rc = lm_corpus_xstate_put(x->j->c, a->pmid, a->record_md5, LM_EXTRACTOR_VERSION))) {
        db_fail(x->j, x->rc);
        return 1;
    }
    x->j->st->extracted++;
    x->j->st->values += x->x.len;
    return 0;
}

/* Extractions of articles deleted since they were extracted go too. */
static lm_err clear_gone(struct job *j)
{
    uint64_t n = 0;
    lm_err rc;

    if ((rc = lm_corpus_xstate_purge(j->c, &n)))
        return db_fail(j, rc);
    if (!n)
        return LM_OK;
    j->st->cleared = n;
    j->st->changed = 1;
    return LM_OK;
}

/* One chunk: the next EXTRACT_CHUNK pending PMIDs after *last, extracted and
 * committed with their state rows.  *n gets how many were pending. */
static lm_err extract_chunk(struct xctx *x, int64_t *last, size_t *n)
{
    struct job *j = x->j;
    int64_t ids[EXTRACT_CHUNK];
    size_t i;
    lm_err rc;

    *n = 0;
    if ((rc = lm_corpus_begin(j->c)))
        return db_fail(j, rc);
    if ((rc = lm_corpus_xstate_pending(j->c, LM_EXTRACTOR_VERSION, *last, ids, EXTRACT_CHUNK,
                                       n))) {
        db_fail(j, rc);
        goto fail;
    }
    if (*n && !x->ex
        && (rc = lm_extractor_open(j->flags & LM_RUN_NO_JIT ? LM_EXTRACT_NO_JIT : 0, &x->ex))) {
        lm_msg_set(j->msg, j->cap, "%s", x->ex ? lm_extractor_errmsg(x->ex) : lm_strerror(rc));
        goto fail;
    }
    for (i = 0; i < *n; i++) {
        x->rc = LM_OK;
        rc = lm_corpus_get(j->c, ids[i], extract_one, x);
        if (rc == LM_OK)
            rc = x->rc;
        else if (!x->rc)
            lm_msg_set(j->msg, j->cap, "PMID %lld: %s", (long long)ids[i],
                       lm_corpus_errmsg(j->c));
        if (rc)
            goto fail;
        if (j->cfg->progress)
            j->cfg->progress("extract", j->st->extracted, x->pending, j->cfg->progress_ud);
    }
    if ((rc = lm_corpus_commit(j->c)))
        return db_fail(j, rc);
    if (*n)
        *last = ids[*n - 1];
    return LM_OK;
fail:
    lm_corpus_rollback(j->c);
    return rc;
}

static lm_err stage_extract(struct job *j)
{
    struct xctx x;
    int64_t last = 0;
    size_t n;
    lm_err rc;

    memset(&x, 0, sizeof x);
    x.j = j;
    if ((rc = clear_gone(j)))
        goto done;
    /* how many articles the stage has to do (0 when it cannot say) */
    if (j->cfg->progress && lm_corpus_xstate_count(j->c, LM_EXTRACTOR_VERSION, &x.pending, NULL))
        x.pending = 0;
    do {
        rc = extract_chunk(&x, &last, &n);
    } while (rc == LM_OK && n == EXTRACT_CHUNK);
    if (j->st->extracted)
        j->st->changed = 1;
done:
    report(j, "extract: %llu articles extracted (%llu values), extractions of %llu deleted "
           "articles removed%s", (unsigned long long)j->st->extracted,
           (unsigned long long)j->st->values, (unsigned long long)j->st->cleared,
           rc ? " (failed)" : "");
    lm_extractions_free(&x.x);
    lm_extractor_close(x.ex);
    return rc;
}

/* ---- export ---------------------------------------------------------------- */

static lm_err stage_export(struct job *j, size_t i)
{
    const lm_run_export *e = &j->cfg->exports[i];
    lm_export_target *t = NULL;
    FILE *f = NULL;
    lm_err rc;
    int written = 0;

    if ((rc = lm_export_target_open(e->path, j->cfg->db, &t, &f, j->msg, j->cap)))
        goto done;
    if ((rc = lm_export(j->c, e->what, e->format, f, &j->st->exports[i].rows, j->msg,
                        j->cap))) {
        if (rc == LM_ERR_IO)
            lm_msg_set(j->msg, j->cap, "%s: write failed: %s", e->path, strerror(errno));
        lm_export_target_abort(t);
        goto done;
    }
    rc = lm_export_target_commit(t, &written, j->msg, j->cap);
done:
    j->st->exports[i].written = written;
    j->st->exports_written += (size_t)written;
    if (written)
        j->st->changed = 1;
    report(j, "export %s %s: %llu rows, %s", lm_export_what_name(e->what), e->path,
           (unsigned long long)j->st->exports[i].rows,
           rc ? "failed" : written ? "written" : "unchanged");
    return rc;
}

/* ---- export folders ------------------------------------------------------- */

/* The export folders are made ready before any stage runs (and checked by
 * --dry-run), so a job cannot commit its fetch, import and extraction and
 * then fail on a missing out/.  A missing folder is created (mkdir -p: the
 * README's refresh.json writes to out/); one that exists must be a
 * writable folder, and so must the nearest existing parent of one that
 * does not.  With @create 0 nothing is made: the plan says what would be. */
static lm_err export_dir(struct job *j, const char *path, int create)
{
    const char *slash = strrchr(path, '/');
    struct stat sb;
    char *dir, *p;
    size_t n;
    lm_err rc = LM_OK;

    if (!slash)
        dir = strdup(".");
    else if (slash == path)
        dir = strdup("/");
    else
        dir = strndup(path, (size_t)(slash - path));
    if (!dir)
        return LM_ERR_NOMEM;
    /* the nearest folder on the way up that exists */
    n = strlen(dir);
    p = strdup(dir);
    if (!p) {
        free(dir);
        return LM_ERR_NOMEM;
    }
    while (stat(p, &sb) != 0) {
        char *up = strrchr(p, '/');
        if (!strcmp(p, ".")) {
            lm_msg_set(j->msg, j->cap, "export %s: the current folder is gone: %s", path,
                       strerror(errno));
            free(p);
            free(dir);
            return LM_ERR_IO;
        }
        if (!up) {
            strcpy(p, ".");
            continue;
        }
        if (up == p)
            up[1] = '\0';
        else
            *up = '\0';
    }
    if (!S_ISDIR(sb.st_mode)) {
        lm_msg_set(j->msg, j->cap, "export %s: %s is not a folder", path, p);
        rc = LM_ERR_IO;
    } else if (access(p, W_OK | X_OK) != 0) {
        lm_msg_set(j->msg, j->cap, "export %s: cannot write in %s: %s", path, p,
                   strerror(errno));
        rc = LM_ERR_IO;
    } else if (strlen(p) != n || strcmp(p, dir)) {
        if (!create) {
            report(j, "would create the folder %s for %s", dir, path);
        } else {
            /* mkdir -p, each level in turn */
            char *q;
            for (q = dir + 1; !rc; q++) {
                if (*q && *q != '/')
                    continue;
                char c = *q;
                *q = '\0';
                if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
                    lm_msg_set(j->msg, j->cap, "export %s: cannot create the folder %s: %s",
                               path, dir, strerror(errno));
                    rc = LM_ERR_IO;
                }
                *q = c;
                if (!c)
                    break;
            }
            if (!rc)
                report(j, "created the folder %s for %s", dir, path);
        }
    }
    free(p);
    free(dir);
    return rc;
}

static lm_err export_dirs(struct job *j, int create)
{
    size_t i;
    lm_err rc;

    for (i = 0; i < j->cfg->nexports; i++)
        if ((rc = export_dir(j, j->cfg->exports[i].path, create)))
            return rc;
    return LM_OK;
}

/* ---- dry run --------------------------------------------------------------- */

static lm_err plan(struct job *j)
{
    const lm_run_config *cfg = j->cfg;
    struct stat sb;
    char wm[16];
    size_t i;
    lm_err rc = LM_OK;

    j->st->db_exists = stat(cfg->db, &sb) == 0;
    if (j->st->db_exists) {
        if ((rc = lm_corpus_open(cfg->db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &j->c))) {
            lm_msg_set(j->msg, j->cap, "%s", j->c ? lm_corpus_errmsg(j->c) : lm_strerror(rc));
            return rc;
        }
    }
    report(j, "database %s%s", cfg->db, j->st->db_exists ? "" : " (would be created)");
    if ((rc = export_dirs(j, 0)))
        return rc;
    for (i = 0; i < cfg->nqueries; i++) {
        const lm_run_query *q = &cfg->queries[i];

        if ((rc = query_window(j, i, wm, j->st->queries[i].from)))
            return rc;
        snprintf(j->st->queries[i].watermark, sizeof j->st->queries[i].watermark, "%s", wm);
        report(j, "would fetch %s: %s (db=%s, %s) from %s on, watermark %s",
               q->name, q->query, q->pmc ? "pmc" : "pubmed", q->datetype,
               j->st->queries[i].from, *wm ? wm : "none");
    }
    for (i = 0; i < cfg->nimport_dirs; i++)
        report(j, "would import the files of %s not imported before", cfg->import_dirs[i]);
    if (cfg->extract) {
        uint64_t pending = 0, gone = 0;

        if (j->c && (rc = lm_corpus_xstate_count(j->c, LM_EXTRACTOR_VERSION, &pending, &gone)))
            return db_fail(j, rc);
        j->st->extracted = pending;
        j->st->cleared = gone;
        report(j, "would extract %llu articles stored now (plus what the fetch brings) and "
               "remove the extractions of %llu deleted articles",
               (unsigned long long)pending, (unsigned long long)gone);
    }
    for (i = 0; i < cfg->nexports; i++)
        report(j, "would export %s as %s to %s", lm_export_what_name(cfg->exports[i].what),
               cfg->exports[i].format == LM_EXPORT_CSV ? "csv" : "jsonl",
               cfg->exports[i].path);
    return LM_OK;
}

/* ---- the job --------------------------------------------------------------- */

static lm_err job(struct job *j)
{
    const lm_run_config *cfg = j->cfg;
    size_t i;
    lm_err rc;

    if ((rc = export_dirs(j, 1)))
        return rc;
    if ((rc = lm_corpus_open(cfg->db, 0, &j->c))) {
        lm_msg_set(j->msg, j->cap, "%s", j->c ? lm_corpus_errmsg(j->c) : lm_strerror(rc));
        return rc;
    }
    for (i = 0; i < cfg->nqueries; i++)
        if ((rc = stage_fetch(j, i)))
            return rc;
    for (i = 0; i < cfg->nimport_dirs; i++)
        if ((rc = stage_import(j, i)))
            return rc;
    if (cfg->extract && (rc = stage_extract(j)))
        return rc;
    for (i = 0; i < cfg->nexports; i++)
        if ((rc = stage_export(j, i)))
            return rc;
    return LM_OK;
}

lm_err lm_run(const lm_run_config *cfg, unsigned flags, lm_run_report_cb rep, void *ud,
              lm_run_stats *st, char *msg, size_t msgcap)
{
    struct job j;
    lm_lock *lock = NULL;
    double t0 = now();
    lm_err rc;

    if (!cfg || !st || !cfg->db)
        return LM_ERR_USAGE;
    memset(st, 0, sizeof *st);
    memset(&j, 0, sizeof j);
    j.cfg = cfg;
    j.flags = flags;
    j.report = rep;
    j.ud = ud;
    j.st = st;
    j.msg = msg;
    j.cap = msgcap;
    if (flags & LM_RUN_DRY) {
        rc = plan(&j);
    } else if ((rc = lm_lock_acquire(cfg->db, &lock, msg, msgcap)) == LM_OK) {
        rc = job(&j);
    }
    /* The corpus closes (WAL checkpointed) before the next run may start. */
    lm_corpus_close(j.c);
    lm_lock_release(lock);
    st->seconds = now() - t0;
    return rc;
}
