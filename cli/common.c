/* Helpers shared by the subcommands: messages, formats, database opening,
 * JSON and CSV string output. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;

    fputs("litmine: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_fail(lm_err rc, const char *msg)
{
    cli_error("%s", msg && *msg ? msg : lm_strerror(rc));
    return lm_err_exit_code(rc);
}

const char *cli_default_db(void)
{
    const char *e = getenv("LITMINE_DB");

    return e && *e ? e : "litmine.db";
}

int cli_parse_pmid(const char *s, int64_t *out)
{
    const char *p = s;
    int64_t v = 0;

    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (INT64_MAX - (*p - '0')) / 10) {
            cli_error("'%s': PMID out of range", s);
            return -1;
        }
        v = v * 10 + (*p - '0');
    }
    if (p == s || *p || v <= 0) {
        cli_error("'%s' is not a PMID (a positive number)", s);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse_format(const char *s)
{
    static const struct { const char *name; cli_format f; } fmts[] = {
        { "text", FMT_TEXT }, { "json", FMT_JSON }, { "jsonl", FMT_JSONL },
        { "csv", FMT_CSV }, { "html", FMT_HTML }, { "ris", FMT_RIS },
        { "bibtex", FMT_BIBTEX }, { "medline", FMT_MEDLINE },
    };
    size_t i;

    for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
        if (!strcmp(s, fmts[i].name))
            return (int)fmts[i].f;
    return -1;
}

static void stderr_sink(lm_log_level lvl, const char *func, const char *msg, void *ud)
{
    static const char *names[] = { "", "error", "warning", "info", "debug" };

    (void)ud;
    if (lvl == LM_LOG_DEBUG)
        fprintf(stderr, "litmine: debug: %s: %s\n", func, msg);
    else
        fprintf(stderr, "litmine: %s: %s\n", names[lvl], msg);
}

void cli_setup_log(int quiet, int verbose)
{
    lm_log_level lvl = LM_LOG_WARN;

    if (quiet)
        lvl = LM_LOG_ERROR;
    else if (verbose > 1)
        lvl = LM_LOG_DEBUG;
    else if (verbose == 1)
        lvl = LM_LOG_INFO;
    lm_log_set_level(lvl);
    lm_log_set_sink(stderr_sink, NULL);
}

int cli_open_corpus(const char *path, unsigned flags, lm_corpus **out)
{
    lm_corpus *c = NULL;
    lm_err rc = lm_corpus_open(path, flags, &c);

    if (rc != LM_OK) {
        int ex = cli_fail(rc, c ? lm_corpus_errmsg(c) : lm_strerror(rc));
        lm_corpus_close(c);
        *out = NULL;
        return ex;
    }
    *out = c;
    return 0;
}

int cli_put_json(FILE *f, char *json)
{
    if (!json) {
        cli_error("out of memory");
        return EXIT_DB;
    }
    fputs(json, f);
    fputc('\n', f);
    free(json);
    return 0;
}

void cli_common_init(struct cli_common *co, cli_format def)
{
    co->db = cli_default_db();
    co->format = def;
    co->quiet = co->verbose = 0;
    optind = 1;
}

int cli_common_opt(struct cli_common *co, int opt, const char *arg,
                   unsigned formats, const char *usage)
{
    int f;

    switch (opt) {
    case OPT_DB:
        co->db = arg;
        return 0;
    case OPT_FORMAT:
        f = cli_parse_format(arg);
        if (f < 0 || !(formats & (1u << f))) {
            cli_error("--format %s is not available here\n%s", arg, usage);
            return -1;
        }
        co->format = (cli_format)f;
        return 0;
    case OPT_HELP:
        fputs(usage, stdout);
        return 1;
    case 'q':
        co->quiet = 1;
        return 0;
    case 'v':
        co->verbose++;
        return 0;
    default:
        fprintf(stderr, "%s", usage);
        return -1;
    }
}

int64_t cli_pmid_value(const char *s)
{
    char *end;
    long long x;

    if (!s || !isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    x = strtoll(s, &end, 10);
    if (errno || *end || x <= 0)
        return -1;
    return x;
}

int cli_read_pmids(const char *path, int64_t **v, size_t *n)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    char *line = NULL, *p, *e;
    size_t cap = 0, vcap = *n;
    unsigned long lineno = 0;
    ssize_t len;
    int64_t x, *nv;
    int ex = 0;

    if (!f) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_INPUT;
    }
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        for (p = line; isspace((unsigned char)*p); p++)
            ;
        for (e = p + strlen(p); e > p && isspace((unsigned char)e[-1]); e--)
            ;
        *e = '\0';
        if (!*p)
            continue;
        if ((x = cli_pmid_value(p)) < 0) {
            cli_error("%s:%lu: '%.40s' is not a PMID (one positive number per line)",
                      name, lineno, p);
            ex = EXIT_INPUT;
            break;
        }
        if (*n == vcap) {
            vcap = vcap ? 2 * vcap : 256;
            if (!(nv = realloc(*v, vcap * sizeof *nv))) {
                cli_error("out of memory");
                ex = EXIT_DB;
                break;
            }
            *v = nv;
        }
        (*v)[(*n)++] = x;
    }
    if (!ex && ferror(f)) {
        cli_error("%s: read error", name);
        ex = EXIT_INPUT;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return ex;
}

static double mono_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_init(struct cli_progress *p, int quiet, const char *what, uint64_t total)
{
    p->on = !quiet && isatty(STDERR_FILENO);
    p->t0 = mono_now();
    p->last = 0;
    p->total = total;
    p->what = what;
}

static void progress_draw(struct cli_progress *p, uint64_t done, double t)
{
    double el = t - p->t0, rate = el > 0 ? (double)done / el : 0;

    fprintf(stderr, "\r\033[K%llu", (unsigned long long)done);
    if (p->total)
        fprintf(stderr, "/%llu (%.0f%%)", (unsigned long long)p->total,
                100.0 * (double)done / (double)p->total);
    fprintf(stderr, " %s", p->what ? p->what : "");
    if (el < 0.5)       /* a rate over a few records says nothing yet */
        return;
    fprintf(stderr, ", %.0f/s", rate);
    if (p->total && rate > 0 && done < p->total) {
        long eta = (long)((double)(p->total - done) / rate);
        fprintf(stderr, ", ETA %ldm%02lds", eta / 60, eta % 60);
    }
}

void cli_progress_update(struct cli_progress *p, uint64_t done)
{
    double t;

    if (!p->on)
        return;
    t = mono_now();
    if (t - p->last < 0.2)     /* redraw five times a second, not per record */
        return;
    p->last = t;
    progress_draw(p, done, t);
}

void cli_progress_end(struct cli_progress *p, uint64_t done)
{
    if (!p->on || !p->last)
        return;
    progress_draw(p, done, mono_now());
    fputc('\n', stderr);
}

void cli_run_progress(const char *stage, uint64_t done, uint64_t total, void *ud)
{
    struct cli_progress *p = ud;

    if (!p->on)
        return;
    if (!p->what || strcmp(p->what, stage)) {
        cli_progress_end(p, p->total);
        cli_progress_init(p, 0, stage, total);
    }
    p->total = total;
    if (total && done >= total) {
        p->last = p->last ? p->last : 1;
        cli_progress_end(p, done);
        p->last = 0;
        p->what = NULL;
        return;
    }
    cli_progress_update(p, done);
}
