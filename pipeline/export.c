/* Datasets out of the corpus: articles as JSONL (cJSON) or CSV (RFC 4180).
 * Rows stream from the store one at a time; nothing is held in memory. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include <litmine/pipeline.h>
#include "pipeline/pipeline_int.h"

const char *const lm_article_columns[] = {
    "pmid", "version", "pmcid", "doi", "title", "abstract", "journal", "year",
    "authors", "pub_types", "mesh", "source", "updated_at", NULL
};

void lm_csv_field(FILE *out, const char *s)
{
    const char *p;

    s = s ? s : "";
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (p = s; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

/* Adds a string member, or null when the value is empty (pandas reads an
 * empty string and a missing value differently; null says "none"). */
static int add_str(cJSON *o, const char *k, const char *v)
{
    cJSON *item = v && *v ? cJSON_CreateString(v) : cJSON_CreateNull();

    return item && cJSON_AddItemToObject(o, k, item);
}

char *lm_article_json(const lm_article *a)
{
    cJSON *o = cJSON_CreateObject();
    char pmid[24], *out = NULL;

    if (!o)
        return NULL;
    snprintf(pmid, sizeof pmid, "%lld", (long long)a->pmid);
    /* PMIDs are strings in litmine's JSON (DESIGN.md): identifiers, not numbers. */
    if (!add_str(o, "pmid", pmid)
        || !cJSON_AddNumberToObject(o, "version", a->version)
        || !add_str(o, "pmcid", a->pmcid) || !add_str(o, "doi", a->doi)
        || !add_str(o, "title", a->title) || !add_str(o, "abstract", a->abstract)
        || !add_str(o, "journal", a->journal)
        || !(a->year ? cJSON_AddNumberToObject(o, "year", a->year)
                     : cJSON_AddNullToObject(o, "year"))
        || !add_str(o, "authors", a->authors) || !add_str(o, "pub_types", a->pub_types)
        || !add_str(o, "mesh", a->mesh) || !add_str(o, "source", a->source)
        || !add_str(o, "updated_at", a->updated_at))
        goto done;
    if (a->deleted && !cJSON_AddTrueToObject(o, "deleted"))
        goto done;
    if (a->body && *a->body && !add_str(o, "body", a->body))
        goto done;
    out = cJSON_PrintUnformatted(o);
done:
    cJSON_Delete(o);
    return out;
}

struct export_ctx {
    FILE *out;
    lm_export_format fmt;
    lm_err rc;
};

static int export_one(const lm_article *a, void *ud)
{
    struct export_ctx *x = ud;
    char num[24];

    if (x->fmt == LM_EXPORT_JSONL) {
        char *js;
        lm_article body_less = *a;

        body_less.body = NULL;   /* bodies are for extraction, not datasets */
        js = lm_article_json(&body_less);
        if (!js) {
            x->rc = LM_ERR_NOMEM;
            return 1;
        }
        fputs(js, x->out);
        fputc('\n', x->out);
        free(js);
    } else {
        snprintf(num, sizeof num, "%lld", (long long)a->pmid);
        fputs(num, x->out);
        fprintf(x->out, ",%d,", a->version);
        lm_csv_field(x->out, a->pmcid);  fputc(',', x->out);
        lm_csv_field(x->out, a->doi);    fputc(',', x->out);
        lm_csv_field(x->out, a->title);  fputc(',', x->out);
        lm_csv_field(x->out, a->abstract); fputc(',', x->out);
        lm_csv_field(x->out, a->journal);  fputc(',', x->out);
        if (a->year)
            fprintf(x->out, "%d", a->year);
        fputc(',', x->out);
        lm_csv_field(x->out, a->authors);   fputc(',', x->out);
        lm_csv_field(x->out, a->pub_types); fputc(',', x->out);
        lm_csv_field(x->out, a->mesh);      fputc(',', x->out);
        lm_csv_field(x->out, a->source);    fputc(',', x->out);
        lm_csv_field(x->out, a->updated_at);
        fputs("\r\n", x->out);
    }
    if (ferror(x->out)) {
        x->rc = LM_ERR_IO;
        return 1;
    }
    return 0;
}

lm_err lm_export_articles(lm_corpus *c, lm_export_format fmt, FILE *out)
{
    struct export_ctx x = { out, fmt, LM_OK };
    lm_err rc;
    size_t i;

    if (!c || !out)
        return LM_ERR_USAGE;
    if (fmt == LM_EXPORT_CSV) {
        for (i = 0; lm_article_columns[i]; i++)
            fprintf(out, "%s%s", i ? "," : "", lm_article_columns[i]);
        fputs("\r\n", out);
    }
    rc = lm_corpus_each(c, export_one, &x);
    if (rc == LM_OK)
        rc = x.rc;
    if (rc == LM_OK && fflush(out) != 0)
        rc = LM_ERR_IO;
    return rc;
}

lm_err pipeline_article_write(FILE *out, lm_export_format fmt, const lm_article *a)
{
    struct export_ctx x = { out, fmt, LM_OK };

    export_one(a, &x);
    return x.rc;
}

/* ---- export targets --------------------------------------------------------- */

/* "<realpath of the folder>/<name>" of @p path, whether or not the file
 * exists; NULL when the folder cannot be resolved.  malloc'd. */
static char *canonical_name(const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    char dir[PATH_MAX], *real, *out;
    size_t dlen = slash ? (size_t)(slash - path) : 0, n;

    if (slash && dlen == 0)
        dlen = 1;   /* "/name": the folder is the root */
    if (dlen >= sizeof dir)
        return NULL;
    if (slash)
        memcpy(dir, path, dlen);
    else
        dir[dlen++] = '.';
    dir[dlen] = '\0';
    if (!(real = realpath(dir, NULL)))
        return NULL;
    n = strlen(real) + strlen(base) + 2;
    if ((out = malloc(n)))
        snprintf(out, n, "%s/%s", strcmp(real, "/") ? real : "", base);
    free(real);
    return out;
}

/* 1 when @p a and @p b name the same file: the same inode when both exist,
 * else the same folder and name.  Strings never decide ("./x" is "x"). */
static int same_path(const char *a, const char *b)
{
    struct stat sa, sb;
    char *ca, *cb;
    int same;

    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    ca = canonical_name(a);
    cb = canonical_name(b);
    same = ca && cb ? !strcmp(ca, cb) : !strcmp(a, b);
    free(ca);
    free(cb);
    return same;
}

lm_err lm_export_path_check(const char *path, const char *db_path, char *msg, size_t msgcap)
{
    /* SQLite's companions: overwriting any of them loses or corrupts data
     * (the WAL holds committed transactions not yet in the main file). */
    static const char *const companions[] = { "", "-wal", "-shm", "-journal", ".lock" };
    const char *base;
    struct stat sb;
    size_t i, n;
    char *name;

    if (!path || !*path) {
        lm_msg_set(msg, msgcap, "export: empty path");
        return LM_ERR_USAGE;
    }
    base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (!*base || !strcmp(base, ".") || !strcmp(base, "..")
        || (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))) {
        lm_msg_set(msg, msgcap, "%s: is a directory, not an export file", path);
        return LM_ERR_USAGE;
    }
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISCHR(sb.st_mode)
        && !S_ISFIFO(sb.st_mode)) {
        lm_msg_set(msg, msgcap, "%s: not a regular file, a character device or a pipe; "
                   "refusing to write an export there", path);
        return LM_ERR_USAGE;
    }
    if (!db_path)
        return LM_OK;
    for (i = 0; i < sizeof companions / sizeof *companions; i++) {
        n = strlen(db_path) + strlen(companions[i]) + 1;
        if (!(name = malloc(n)))
            return LM_ERR_NOMEM;
        snprintf(name, n, "%s%s", db_path, companions[i]);
        if (same_path(path, name)) {
            lm_msg_set(msg, msgcap, "%s: is the database%s%s; refusing to overwrite it",
                       path, *companions[i] ? "'s file " : "", *companions[i] ? name : "");
            free(name);
            return LM_ERR_USAGE;
        }
        free(name);
    }
    return LM_OK;
}

struct lm_export_target {
    FILE *f;
    char *path;
    char *tmp;      /* NULL when writing the target directly (a device, a pipe) */
};

void lm_export_target_abort(lm_export_target *t)
{
    if (!t)
        return;
    if (t->f)
        fclose(t->f);
    if (t->tmp)
        unlink(t->tmp);
    free(t->tmp);
    free(t->path);
    free(t);
}

/* "<dir>/.<name>.litmine-tmp": in the target's folder, so rename() is
 * atomic; a fixed name, so a killed run's leftover is removed by the next
 * run instead of piling up (the run lock keeps two runs from sharing it). */
static char *tmp_name(const char *path)
{
    const char *base = strrchr(path, '/');
    size_t dlen = base ? (size_t)(base - path) + 1 : 0, n;
    char *t;

    base = base ? base + 1 : path;
    n = dlen + strlen(base) + 16;
    if ((t = malloc(n)))
        snprintf(t, n, "%.*s.%s.litmine-tmp", (int)dlen, path, base);
    return t;
}

lm_err lm_export_target_open(const char *path, const char *db_path, lm_export_target **out,
                             FILE **f, char *msg, size_t msgcap)
{
    lm_export_target *t;
    struct stat sb;
    lm_err rc;
    int fd;

    *out = NULL;
    *f = NULL;
    if ((rc = lm_export_path_check(path, db_path, msg, msgcap)))
        return rc;
    if (!(t = calloc(1, sizeof *t)) || !(t->path = strdup(path)))
        goto nomem;
    if (stat(path, &sb) == 0 && (S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode))) {
        fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0 || !(t->f = fdopen(fd, "wb"))) {
            lm_msg_set(msg, msgcap, "%s: cannot write: %s", path, strerror(errno));
            if (fd >= 0)
                close(fd);
            lm_export_target_abort(t);
            return LM_ERR_IO;
        }
        *out = t;
        *f = t->f;
        return LM_OK;
    }
    if (!(t->tmp = tmp_name(path)))
        goto nomem;
    /* A leftover, or a symlink planted under the temporary name: unlink()
     * removes the name itself, and O_EXCL|O_NOFOLLOW refuses whatever
     * appears in between, so the export never writes through a link. */
    if (unlink(t->tmp) != 0 && errno != ENOENT) {
        lm_msg_set(msg, msgcap, "%s: cannot remove a leftover: %s", t->tmp, strerror(errno));
        goto io;
    }
    fd = open(t->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 || !(t->f = fdopen(fd, "wb"))) {
        lm_msg_set(msg, msgcap, "%s: cannot write: %s", t->tmp, strerror(errno));
        if (fd >= 0)
            close(fd);
        else {
            free(t->tmp);   /* not ours: never unlink what O_EXCL refused */
            t->tmp = NULL;
        }
        goto io;
    }
    *out = t;
    *f = t->f;
    return LM_OK;
io:
    lm_export_target_abort(t);
    return LM_ERR_IO;
nomem:
    lm_export_target_abort(t);
    return LM_ERR_NOMEM;
}

/* 1 when the two files hold the same bytes. */
static int same_bytes(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    char ba[65536], bb[65536];
    size_t na, nb;
    int same = fa && fb;

    while (same) {
        na = fread(ba, 1, sizeof ba, fa);
        nb = fread(bb, 1, sizeof bb, fb);
        if (na != nb || memcmp(ba, bb, na))
            same = 0;
        else if (na == 0)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}

lm_err lm_export_target_commit(lm_export_target *t, int *written, char *msg, size_t msgcap)
{
    const char *name;
    FILE *f;
    int bad;

    *written = 0;
    if (!t)
        return LM_ERR_USAGE;
    f = t->f;
    t->f = NULL;
    name = t->tmp ? t->tmp : t->path;
    bad = fflush(f) != 0 || (t->tmp && fsync(fileno(f)) != 0);
    if (fclose(f) != 0 || bad) {
        lm_msg_set(msg, msgcap, "%s: write failed: %s", name, strerror(errno));
        lm_export_target_abort(t);
        return LM_ERR_IO;
    }
    if (!t->tmp) {
        *written = 1;
        lm_export_target_abort(t);
        return LM_OK;
    }
    if (!same_bytes(t->tmp, t->path)) {
        if (rename(t->tmp, t->path) != 0) {
            lm_msg_set(msg, msgcap, "%s: cannot replace: %s", t->path, strerror(errno));
            lm_export_target_abort(t);
            return LM_ERR_IO;
        }
        *written = 1;
        free(t->tmp);
        t->tmp = NULL;
    }
    lm_export_target_abort(t);
    return LM_OK;
}
