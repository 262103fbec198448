/* The run configuration: a small JSON file (cJSON) naming the database, the
 * saved queries, the NCBI credentials' sources and the export targets.
 * Strict on purpose: a cron job with a typo in a key would otherwise run
 * with a default nobody asked for, so unknown keys and wrong types are
 * errors that name the file and the key ("run.json: queries[1].datetype:
 * ..."), or the file and line for JSON syntax. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include <litmine/pipeline.h>

/* A config is a few hundred bytes; anything past this is not a config. */
#define CONFIG_MAX (1u << 20)

struct cfgctx {
    lm_run_config *cfg;
    const char *name;
    char *dir;          /* folder of the config file, "" when none */
    char *msg;
    size_t cap;
};

static lm_err bad(struct cfgctx *x, const char *key, const char *fmt, ...) LM_PRINTF(3, 4);
static lm_err bad_in(struct cfgctx *x, const char *where, const char *key, const char *fmt, ...)
    LM_PRINTF(4, 5);

static lm_err vbad(struct cfgctx *x, const char *where, const char *key, const char *fmt,
                   va_list ap)
{
    char what[400];

    vsnprintf(what, sizeof what, fmt, ap);
    lm_msg_set(x->msg, x->cap, "%s: %s%s%s: %s", x->name, where, *where ? "." : "", key, what);
    return LM_ERR_FORMAT;
}

/* "<file>: <key>: <what>" */
static lm_err bad(struct cfgctx *x, const char *key, const char *fmt, ...)
{
    va_list ap;
    lm_err rc;

    va_start(ap, fmt);
    rc = vbad(x, "", key, fmt, ap);
    va_end(ap);
    return rc;
}

/* "<file>: <where>.<key>: <what>", for a key inside a list item */
static lm_err bad_in(struct cfgctx *x, const char *where, const char *key, const char *fmt, ...)
{
    va_list ap;
    lm_err rc;

    va_start(ap, fmt);
    rc = vbad(x, where, key, fmt, ap);
    va_end(ap);
    return rc;
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);

    if (d)
        memcpy(d, s, n);
    return d;
}

/* A relative path is taken from the config file's folder, so a crontab
 * line works whatever its working directory. */
static char *resolve(struct cfgctx *x, const char *p)
{
    size_t n;
    char *out;

    /* a PostgreSQL URL names no file */
    if (p[0] == '/' || !*x->dir || !strncmp(p, "postgresql://", 13) ||
        !strncmp(p, "postgres://", 11))
        return dupstr(p);
    n = strlen(x->dir) + strlen(p) + 2;
    if ((out = malloc(n)))
        snprintf(out, n, "%s/%s", x->dir, p);
    return out;
}

/* Checks that every member of @o is one of @keys (NULL-terminated). */
static lm_err known_keys(struct cfgctx *x, const cJSON *o, const char *where,
                         const char *const *keys)
{
    const cJSON *it;
    size_t i;

    cJSON_ArrayForEach(it, o) {
        const cJSON *prev;

        /* cJSON keeps both members of {"a": 1, "a": 2} and lookups find the
         * first: a silently ignored setting.  A duplicate is an error. */
        for (prev = o->child; prev != it; prev = prev->next)
            if (!strcmp(prev->string, it->string))
                return bad_in(x, where, it->string, "given twice");
        for (i = 0; keys[i] && strcmp(keys[i], it->string); i++)
            ;
        if (!keys[i]) {
            char allowed[300] = "";
            size_t used = 0;

            for (i = 0; keys[i] && used < sizeof allowed; i++)
                used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s",
                                         i ? ", " : "", keys[i]);
            return bad_in(x, where, it->string, "unknown key (allowed: %s)", allowed);
        }
    }
    return LM_OK;
}

/* Optional non-empty string member: *out stays NULL when absent. */
static lm_err get_str(struct cfgctx *x, const cJSON *o, const char *key, const char *where,
                      int required, const char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    *out = NULL;
    if (!v) {
        if (required)
            return bad_in(x, where, key, "missing (required)");
        return LM_OK;
    }
    if (!cJSON_IsString(v) || !v->valuestring)
        return bad_in(x, where, key, "expected a string");
    if (!*v->valuestring)
        return bad_in(x, where, key, "must not be empty");
    *out = v->valuestring;
    return LM_OK;
}

static lm_err get_bool(struct cfgctx *x, const cJSON *o, const char *key, const char *where,
                       int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    if (!v)
        return LM_OK;
    if (!cJSON_IsBool(v))
        return bad_in(x, where, key, "expected true or false");
    *out = cJSON_IsTrue(v);
    return LM_OK;
}

static lm_err get_num(struct cfgctx *x, const cJSON *o, const char *key, double lo, double hi,
                      double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    *out = 0;
    if (!v)
        return LM_OK;
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < lo
        || v->valuedouble > hi)
        return bad_in(x, "fetch", key, "expected a number from %g to %g", lo, hi);
    *out = v->valuedouble;
    return LM_OK;
}

/* YYYY, YYYY/MM or YYYY/MM/DD (or with '-'): the fetch stage's date forms. */
static int date_ok(const char *s)
{
    int y, m = 1, d = 1, n;
    char c1 = '/', c2 = '/';
    char tail;

    n = sscanf(s, "%4d%c%2d%c%2d%c", &y, &c1, &m, &c2, &d, &tail);
    if (n != 1 && n != 3 && n != 5)
        return 0;
    if ((n >= 3 && c1 != '/' && c1 != '-') || (n == 5 && c2 != c1))
        return 0;
    if (strlen(s) != (n == 1 ? 4u : n == 3 ? 7u : 10u) || y < 1800 || y > 9999 || m < 1
        || m > 12 || d < 1)
        return 0;
    /* a day the month has: 2015/02/31 is no date */
    return d <= (m == 2 ? (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28)
                 : m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31);
}

static lm_err parse_query(struct cfgctx *x, const cJSON *q, size_t i)
{
    static const char *const keys[] = { "name", "query", "pmc", "datetype", "since", NULL };
    lm_run_query *rq = &x->cfg->queries[i];
    const char *name, *query, *dt, *since;
    char where[32];
    size_t j;
    lm_err rc;

    snprintf(where, sizeof where, "queries[%zu]", i);
    if (!cJSON_IsObject(q))
        return bad(x, where, "expected an object {\"name\": ..., \"query\": ...}");
    if ((rc = known_keys(x, q, where, keys)) || (rc = get_str(x, q, "name", where, 1, &name))
        || (rc = get_str(x, q, "query", where, 1, &query))
        || (rc = get_str(x, q, "datetype", where, 0, &dt))
        || (rc = get_str(x, q, "since", where, 0, &since))
        || (rc = get_bool(x, q, "pmc", where, &rq->pmc)))
        return rc;
    for (j = 0; j < i; j++)
        if (!strcmp(x->cfg->queries[j].name, name))
            return bad_in(x, where, "name", "\"%s\" is also the name of queries[%zu]", name, j);
    if (dt && strcmp(dt, "edat") && strcmp(dt, "mdat"))
        return bad_in(x, where, "datetype", "expected \"edat\" or \"mdat\", got \"%s\"", dt);
    if (since && !date_ok(since))
        return bad_in(x, where, "since", "expected a date YYYY/MM/DD, YYYY/MM or YYYY, got "
                      "\"%s\"", since);
    snprintf(rq->datetype, sizeof rq->datetype, "%s", dt ? dt : "edat");
    if (!(rq->name = dupstr(name)) || !(rq->query = dupstr(query))
        || (since && !(rq->since = dupstr(since))))
        return LM_ERR_NOMEM;
    return LM_OK;
}

static lm_err parse_export(struct cfgctx *x, const cJSON *e, size_t i)
{
    static const char *const keys[] = { "what", "format", "path", NULL };
    lm_run_export *re = &x->cfg->exports[i];
    const char *what, *fmt, *path;
    char where[32];
    size_t j;
    lm_err rc;

    snprintf(where, sizeof where, "exports[%zu]", i);
    if (!cJSON_IsObject(e))
        return bad(x, where, "expected an object {\"what\": ..., \"format\": ..., \"path\": ...}");
    if ((rc = known_keys(x, e, where, keys)) || (rc = get_str(x, e, "what", where, 1, &what))
        || (rc = get_str(x, e, "format", where, 1, &fmt))
        || (rc = get_str(x, e, "path", where, 1, &path)))
        return rc;
    if (!strcmp(what, "articles"))
        re->what = LM_WHAT_ARTICLES;
    else if (!strcmp(what, "extractions"))
        re->what = LM_WHAT_EXTRACTIONS;
    else if (!strcmp(what, "studies"))
        re->what = LM_WHAT_STUDIES;
    else
        return bad_in(x, where, "what",
                      "expected \"articles\", \"extractions\" or \"studies\", got \"%s\"", what);
    if (!strcmp(fmt, "csv"))
        re->format = LM_EXPORT_CSV;
    else if (!strcmp(fmt, "jsonl"))
        re->format = LM_EXPORT_JSONL;
    else
        return bad_in(x, where, "format", "expected \"csv\" or \"jsonl\", got \"%s\"", fmt);
    if (!(re->path = resolve(x, path)))
        return LM_ERR_NOMEM;
    for (j = 0; j < i; j++)
        if (!strcmp(x->cfg->exports[j].path, re->path))
            return bad_in(x, where, "path", "\"%s\" is also the path of exports[%zu]", path, j);
    return LM_OK;
}

static lm_err parse_fetch(struct cfgctx *x, const cJSON *f)
{
    static const char *const keys[] = { "batch", "retries", "retry_delay", "retry_max",
                                        "timeout", "rate", NULL };
    lm_run_config *c = x->cfg;
    double v;
    lm_err rc;

    if (!cJSON_IsObject(f))
        return bad(x, "fetch", "expected an object");
    if ((rc = known_keys(x, f, "fetch", keys)))
        return rc;
    if ((rc = get_num(x, f, "batch", 1, 10000, &v)))
        return rc;
    c->batch = (unsigned)v;
    if ((rc = get_num(x, f, "retries", 1, 100, &v)))
        return rc;
    c->retries = (int)v;
    if ((rc = get_num(x, f, "retry_delay", 0.001, 3600, &c->retry_delay))
        || (rc = get_num(x, f, "retry_max", 0.001, 86400, &c->retry_max))
        || (rc = get_num(x, f, "rate", 0.001, 1e6, &c->rate)))
        return rc;
    if ((rc = get_num(x, f, "timeout", 1, 86400, &v)))
        return rc;
    c->timeout = (long)v;
    return LM_OK;
}

/* An array member whose items @fn parses; at most @max items. */
static lm_err parse_list(struct cfgctx *x, const cJSON *root, const char *key, size_t max,
                         size_t *n, lm_err (*fn)(struct cfgctx *, const cJSON *, size_t))
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, key), *it;
    lm_err rc;

    if (!a)
        return LM_OK;
    if (!cJSON_IsArray(a))
        return bad(x, key, "expected a list [...]");
    if ((size_t)cJSON_GetArraySize(a) > max)
        return bad(x, key, "at most %zu entries", max);
    cJSON_ArrayForEach(it, a) {
        if ((rc = fn(x, it, *n)))
            return rc;
        ++*n;
    }
    return LM_OK;
}

static lm_err parse_dir(struct cfgctx *x, const cJSON *d, size_t i)
{
    char k[32];

    if (!cJSON_IsString(d) || !d->valuestring || !*d->valuestring) {
        snprintf(k, sizeof k, "import_dirs[%zu]", i);
        return bad(x, k, "expected a folder name");
    }
    return (x->cfg->import_dirs[i] = resolve(x, d->valuestring)) ? LM_OK : LM_ERR_NOMEM;
}

/* "name:LINE" of the byte at @at, for syntax errors. */
static unsigned line_of(const char *text, const char *at)
{
    unsigned line = 1;

    for (; text < at; text++)
        line += *text == '\n';
    return line;
}

static lm_err parse_root(struct cfgctx *x, const cJSON *root)
{
    static const char *const keys[] = { "database", "queries", "import_dirs", "extract",
                                        "exports", "api_key_env", "email", "base_url",
                                        "fetch", "comment", NULL };
    lm_run_config *c = x->cfg;
    const char *db, *env, *email, *url;
    const cJSON *f;
    lm_err rc;

    if (!cJSON_IsObject(root))
        return bad(x, "(top level)", "expected a JSON object {...}");
    if ((rc = known_keys(x, root, "", keys)) || (rc = get_str(x, root, "database", "", 1, &db))
        || (rc = get_str(x, root, "api_key_env", "", 0, &env))
        || (rc = get_str(x, root, "email", "", 0, &email))
        || (rc = get_str(x, root, "base_url", "", 0, &url))
        || (rc = get_bool(x, root, "extract", "", &c->extract)))
        return rc;
    if (url && strncmp(url, "http://", 7) && strncmp(url, "https://", 8))
        return bad(x, "base_url", "expected an http:// or https:// URL, got \"%s\"", url);
    if (env)
        for (const char *p = env; *p; p++)
            if (!isalnum((unsigned char)*p) && *p != '_')
                return bad(x, "api_key_env", "\"%s\" is not an environment variable name "
                           "(the key itself does not belong in the file)", env);
    if (!(c->db = resolve(x, db)) || !(c->api_key_env = dupstr(env ? env : "NCBI_API_KEY"))
        || (email && !(c->email = dupstr(email))) || (url && !(c->base_url = dupstr(url))))
        return LM_ERR_NOMEM;
    if ((rc = parse_list(x, root, "queries", LM_RUN_MAX_QUERIES, &c->nqueries, parse_query))
        || (rc = parse_list(x, root, "import_dirs", LM_RUN_MAX_DIRS, &c->nimport_dirs,
                            parse_dir))
        || (rc = parse_list(x, root, "exports", LM_RUN_MAX_EXPORTS, &c->nexports,
                            parse_export)))
        return rc;
    if ((f = cJSON_GetObjectItemCaseSensitive(root, "fetch")) && (rc = parse_fetch(x, f)))
        return rc;
    /* Files, not strings, decide: "./psy.db" beside "psy.db" is the database
     * (and so are its -wal, -shm and .lock files); a directory or a block
     * device is no export either. */
    for (size_t i = 0; i < c->nexports; i++) {
        char why[600];

        if ((rc = lm_export_path_check(c->exports[i].path, c->db, why, sizeof why)))
            return rc == LM_ERR_USAGE ? bad(x, "exports", "%s", why) : rc;
    }
    return LM_OK;
}

lm_err lm_run_config_parse(const char *name, const char *text, size_t len,
                           lm_run_config **out, char *msg, size_t msgcap)
{
    struct cfgctx x;
    const char *end = NULL, *slash;
    cJSON *root;
    lm_err rc;

    if (!out)
        return LM_ERR_USAGE;
    *out = NULL;
    if (!name || !text)
        return LM_ERR_USAGE;
    memset(&x, 0, sizeof x);
    x.name = name;
    x.msg = msg;
    x.cap = msgcap;
    if (!(x.cfg = calloc(1, sizeof *x.cfg)) || !(x.cfg->file = dupstr(name))) {
        free(x.cfg);
        return LM_ERR_NOMEM;
    }
    x.cfg->extract = 1;
    slash = strrchr(name, '/');
    if (!(x.dir = malloc(slash ? (size_t)(slash - name) + 2 : 1))) {
        lm_run_config_free(x.cfg);
        return LM_ERR_NOMEM;
    }
    if (slash == name)
        strcpy(x.dir, "/");
    else if (slash)
        snprintf(x.dir, (size_t)(slash - name) + 1, "%s", name);
    else
        x.dir[0] = '\0';
    root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        /* cJSON stops at the first byte it cannot use. */
        const char *at = end && end >= text && end <= text + len ? end : text;
        char near[24];
        size_t k, blank = 0;

        for (k = 0; k + 1 < sizeof near && at + k < text + len && at[k] != '\n'; k++)
            near[k] = at[k];
        near[k] = '\0';
        /* text need not end in a NUL: count its blanks within len */
        while (blank < len && strchr(" \t\r\n", text[blank]) && text[blank])
            blank++;
        if (blank == len)
            lm_msg_set(msg, msgcap, "%s: empty file, expected a JSON object", name);
        else
            lm_msg_set(msg, msgcap, "%s:%u: JSON syntax error near '%s'", name,
                       line_of(text, at), near);
        rc = LM_ERR_FORMAT;
    } else {
        rc = parse_root(&x, root);
        if (rc == LM_ERR_NOMEM)
            lm_msg_set(msg, msgcap, "%s: out of memory", name);
    }
    cJSON_Delete(root);
    free(x.dir);
    if (rc) {
        lm_run_config_free(x.cfg);
        return rc;
    }
    *out = x.cfg;
    return LM_OK;
}

lm_err lm_run_config_load(const char *path, lm_run_config **out, char *msg, size_t msgcap)
{
    lm_buf b = { 0 };
    char chunk[8192];
    size_t n;
    FILE *f;
    lm_err rc = LM_OK;

    if (!out)
        return LM_ERR_USAGE;
    *out = NULL;
    if (!path)
        return LM_ERR_USAGE;
    if (!(f = fopen(path, "rb"))) {
        lm_msg_set(msg, msgcap, "%s: cannot open the configuration: %s", path,
                   strerror(errno));
        return LM_ERR_IO;
    }
    while (rc == LM_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > CONFIG_MAX) {
            lm_msg_set(msg, msgcap, "%s: over %u bytes: not a run configuration", path,
                       CONFIG_MAX);
            rc = LM_ERR_TOO_BIG;
        } else if ((rc = lm_buf_append(&b, chunk, n))) {
            lm_msg_set(msg, msgcap, "%s: out of memory", path);
        }
    }
    if (rc == LM_OK && ferror(f)) {
        lm_msg_set(msg, msgcap, "%s: cannot read: %s", path, strerror(errno));
        rc = LM_ERR_IO;
    }
    fclose(f);
    if (rc == LM_OK)
        rc = lm_run_config_parse(path, lm_buf_str(&b), b.len, out, msg, msgcap);
    lm_buf_free(&b);
    return rc;
}

lm_err lm_run_config_set_db(lm_run_config *cfg, const char *db)
{
    char *d;

    if (!cfg || !db || !*db)
        return LM_ERR_USAGE;
    if (!(d = dupstr(db)))
        return LM_ERR_NOMEM;
    free(cfg->db);
    cfg->db = d;
    return LM_OK;
}

void lm_run_config_free(lm_run_config *cfg)
{
    size_t i;

    if (!cfg)
        return;
    for (i = 0; i < LM_RUN_MAX_QUERIES; i++) {
        free(cfg->queries[i].name);
        free(cfg->queries[i].query);
        free(cfg->queries[i].since);
    }
    for (i = 0; i < LM_RUN_MAX_DIRS; i++)
        free(cfg->import_dirs[i]);
    for (i = 0; i < LM_RUN_MAX_EXPORTS; i++)
        free(cfg->exports[i].path);
    free(cfg->file);
    free(cfg->db);
    free(cfg->api_key_env);
    free(cfg->email);
    free(cfg->base_url);
    free(cfg);
}
