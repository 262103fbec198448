/* Helpers shared by the subcommands: messages, formats, database opening,
 * JSON and CSV string output. */
#include <stdarg.h>
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
        { "csv", FMT_CSV }, { "html", FMT_HTML },
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
