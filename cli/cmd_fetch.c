/* litmine fetch: download PubMed or PMC records through NCBI E-utilities
 * into the corpus.  Parsing options and printing only; the client is in
 * fetch/. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "cli.h"

static const char fetch_usage[] =
    "usage: litmine fetch (--query Q | --pmids FILE|-) [options]\n"
    "  Downloads PubMed records (PMC JATS with --pmc) through NCBI E-utilities into\n"
    "  the corpus: esearch (or epost) then efetch in batches, one transaction each.\n"
    "  --query Q          esearch term; more than 9,999 matches are fetched by\n"
    "                     splitting the date range\n"
    "  --pmids FILE       PMIDs (PMC ids with --pmc), one or more per line; - = stdin\n"
    "  --pmc              db=pmc: full-text JATS\n"
    "  --since DATE       YYYY/MM/DD (or YYYY/MM, YYYY); --until DATE (default today)\n"
    "  --datetype T       edat (entry date, default) or mdat (modification date)\n"
    "  --incremental      start the day after this query's saved watermark\n"
    "  --batch N          records per efetch (default 500)\n"
    "  --email E          your address for NCBI (default $NCBI_EMAIL)\n"
    "  --api-key K        NCBI API key, 10 requests/s instead of 3 (default $NCBI_API_KEY)\n"
    "  --base-url URL     E-utilities URL (default $LITMINE_EUTILS_URL, else NCBI)\n"
    "  --retries N        attempts per request (default 8)\n"
    "  --retry-delay S    first retry delay in seconds (default 1, doubling, jittered)\n"
    "  --retry-max S      longest retry delay (default 60)\n"
    "  --timeout S        per-request timeout in seconds (default 300)\n"
    "  --rate R           requests per second (default 3, 10 with a key; more, or\n"
    "                     0 for no limit, only against a loopback server)\n"
    "  --max-response MB  largest reply accepted (default 256)\n"
    "  --raw DIR          keep every fetched batch as DIR/<md5>.xml.gz\n"
    "  --format text|json summary on stdout (text: one line)\n"
    "  Exit status: 0 ok, 1 usage, 2 bad id list (or listed ids not in the database),\n"
    "  3 network failed after all retries (corpus and watermark as before the failed\n"
    "  batch), 4 corpus error, 5 another run holds the lock.\n";

struct progress {
    int tty;
    double t0;
};

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_progress(uint64_t done, uint64_t total, void *ud)
{
    struct progress *p = ud;
    double el = now_s() - p->t0, rate = el > 0 ? (double)done / el : 0;

    if (!p->tty)
        return;
    if (total > done && rate > 0)
        fprintf(stderr, "\r%llu/%llu records, %.0f/s, ETA %.0fs   ", (unsigned long long)done,
                (unsigned long long)total, rate, (double)(total - done) / rate);
    else
        fprintf(stderr, "\r%llu records, %.0f/s   ", (unsigned long long)done, rate);
}

static int number(const char *opt, const char *s, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(s, &end);

    if (*end || end == s || !isfinite(v) || v < lo || v > hi) {
        cli_error("%s %s: expected a number from %g to %g", opt, s, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

static int print_stats(const struct cli_common *co, const lm_fetch_stats *s, double secs)
{
    cJSON *o;
    int r;

    if (co->format == FMT_TEXT) {
        if (!co->quiet)
            printf("fetched %llu records (%llu stored) in %llu batches, %llu requests, "
                   "%llu retries, %.1fs%s%s", (unsigned long long)s->records,
                   (unsigned long long)s->stored, (unsigned long long)s->batches,
                   (unsigned long long)s->requests, (unsigned long long)s->retries, secs,
                   *s->watermark ? ", watermark " : "", s->watermark);
        if (!co->quiet && s->absent)
            printf(", %llu not found: %s%s", (unsigned long long)s->absent, s->absent_ids,
                   s->absent > 5 ? " ..." : "");
        if (!co->quiet)
            putchar('\n');
        return 0;
    }
    if (!(o = cJSON_CreateObject()))
        return cli_put_json(stdout, NULL);
    cJSON_AddNumberToObject(o, "expected", (double)s->expected);
    cJSON_AddNumberToObject(o, "records", (double)s->records);
    cJSON_AddNumberToObject(o, "stored", (double)s->stored);
    cJSON_AddNumberToObject(o, "batches", (double)s->batches);
    cJSON_AddNumberToObject(o, "skipped", (double)s->skipped);
    cJSON_AddNumberToObject(o, "slices", (double)s->slices);
    cJSON_AddNumberToObject(o, "requests", (double)s->requests);
    cJSON_AddNumberToObject(o, "retries", (double)s->retries);
    cJSON_AddNumberToObject(o, "rerequested", (double)s->rerequested);
    cJSON_AddNumberToObject(o, "research", (double)s->research);
    cJSON_AddNumberToObject(o, "bytes", (double)s->bytes);
    cJSON_AddNumberToObject(o, "not_found", (double)s->absent);
    if (s->absent)
        cJSON_AddStringToObject(o, "not_found_ids", s->absent_ids);
    cJSON_AddNumberToObject(o, "seconds", secs);
    if (*s->watermark)
        cJSON_AddStringToObject(o, "watermark", s->watermark);
    else
        cJSON_AddNullToObject(o, "watermark");
    r = cli_put_json(stdout, cJSON_PrintUnformatted(o));
    cJSON_Delete(o);
    return r;
}

int cmd_fetch(int argc, char **argv)
{
    enum {
        O_QUERY = OPT_FIRST_OWN, O_PMIDS, O_PMC, O_SINCE, O_UNTIL, O_DATETYPE, O_INCR,
        O_BATCH, O_EMAIL, O_KEY, O_URL, O_RETRIES, O_RDELAY, O_RMAX, O_TIMEOUT, O_RATE,
        O_MAXRESP, O_RAW
    };
    static const struct option opts[] = {
        { "query", required_argument, NULL, O_QUERY },
        { "pmids", required_argument, NULL, O_PMIDS },
        { "pmc", no_argument, NULL, O_PMC },
        { "since", required_argument, NULL, O_SINCE },
        { "until", required_argument, NULL, O_UNTIL },
        { "datetype", required_argument, NULL, O_DATETYPE },
        { "incremental", no_argument, NULL, O_INCR },
        { "batch", required_argument, NULL, O_BATCH },
        { "email", required_argument, NULL, O_EMAIL },
        { "api-key", required_argument, NULL, O_KEY },
        { "base-url", required_argument, NULL, O_URL },
        { "retries", required_argument, NULL, O_RETRIES },
        { "retry-delay", required_argument, NULL, O_RDELAY },
        { "retry-max", required_argument, NULL, O_RMAX },
        { "timeout", required_argument, NULL, O_TIMEOUT },
        { "rate", required_argument, NULL, O_RATE },
        { "max-response", required_argument, NULL, O_MAXRESP },
        { "raw", required_argument, NULL, O_RAW },
        CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    struct progress prog = { 0, 0 };
    lm_fetch_opts o;
    lm_fetch_stats st;
    lm_fetch *f = NULL;
    lm_corpus *c = NULL;
    lm_lock *lock = NULL;
    const char *pmids = NULL;
    char msg[512];
    double v, t0;
    lm_err rc;
    int opt, r, ex;

    memset(&o, 0, sizeof o);
    memset(&st, 0, sizeof st);
    cli_common_init(&co, FMT_TEXT);
    o.email = getenv("NCBI_EMAIL");
    o.api_key = getenv("NCBI_API_KEY");
    o.base_url = getenv("LITMINE_EUTILS_URL");
    if (o.base_url && !*o.base_url)
        o.base_url = NULL;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        switch (opt) {
        case O_QUERY: o.query = optarg; continue;
        case O_PMIDS: pmids = optarg; continue;
        case O_PMC: o.pmc = 1; continue;
        case O_SINCE: o.since = optarg; continue;
        case O_UNTIL: o.until = optarg; continue;
        case O_DATETYPE: o.datetype = optarg; continue;
        case O_INCR: o.incremental = 1; continue;
        case O_EMAIL: o.email = optarg; continue;
        case O_KEY: o.api_key = optarg; continue;
        case O_URL: o.base_url = optarg; continue;
        case O_RAW: o.raw_dir = optarg; continue;
        case O_BATCH:
            if (number("--batch", optarg, 1, 10000, &v))
                return EXIT_USAGE;
            o.batch = (unsigned)v;
            continue;
        case O_RETRIES:
            if (number("--retries", optarg, 1, 100, &v))
                return EXIT_USAGE;
            o.max_attempts = (int)v;
            continue;
        case O_RDELAY:
            if (number("--retry-delay", optarg, 0.001, 3600, &v))
                return EXIT_USAGE;
            o.backoff_base = v;
            continue;
        case O_RMAX:
            if (number("--retry-max", optarg, 0.001, 86400, &v))
                return EXIT_USAGE;
            o.backoff_max = v;
            continue;
        case O_TIMEOUT:
            if (number("--timeout", optarg, 1, 86400, &v))
                return EXIT_USAGE;
            o.timeout = (long)v;
            continue;
        case O_RATE:
            if (number("--rate", optarg, 0, 1e6, &v))
                return EXIT_USAGE;
            o.rate = v == 0 ? -1 : v;
            continue;
        case O_MAXRESP:
            if (number("--max-response", optarg, 0.001, 65536, &v))
                return EXIT_USAGE;
            o.max_body = (uint64_t)(v * 1024 * 1024);
            continue;
        default:
            break;
        }
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_TEXT | 1u << FMT_JSON, fetch_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (optind != argc || !o.query == !pmids) {
        cli_error("give --query Q or --pmids FILE (see litmine fetch --help)");
        return EXIT_USAGE;
    }
    cli_setup_log(co.quiet, co.verbose);
    if (pmids) {
        int64_t *ids = NULL;
        size_t n = 0;

        if ((rc = lm_fetch_read_ids(pmids, o.pmc, &ids, &n, msg, sizeof msg)) != LM_OK)
            return cli_fail(rc, msg);
        o.ids = ids;
        o.nids = n;
    }
    prog.tty = isatty(STDERR_FILENO) && !co.quiet;
    prog.t0 = now_s();
    o.progress = on_progress;
    o.progress_ud = &prog;
    rc = lm_fetch_open(&o, &f);
    free((void *)o.ids);
    if (rc != LM_OK) {
        ex = cli_fail(rc, lm_fetch_errmsg(f));
        lm_fetch_close(f);
        return ex;
    }
    /* The run lock: two overlapping cron fetches would race on the
     * watermark.  The kernel drops it when the process dies (kill -9). */
    if ((rc = lm_lock_acquire(co.db, &lock, msg, sizeof msg)) != LM_OK) {
        lm_fetch_close(f);
        return cli_fail(rc, msg);
    }
    if ((ex = cli_open_corpus(co.db, 0, &c))) {
        lm_lock_release(lock);
        lm_fetch_close(f);
        return ex;
    }
    t0 = now_s();
    rc = lm_fetch_run(f, c, &st);
    if (prog.tty)
        fputc('\n', stderr);
    /* the summary whatever the outcome: what was committed, what was not
     * found; the error itself is the one line on stderr */
    ex = rc != LM_OK ? cli_fail(rc, lm_fetch_errmsg(f)) : EXIT_OK;
    if ((r = print_stats(&co, &st, now_s() - t0)) && !ex)
        ex = r;
    lm_fetch_close(f);
    lm_corpus_close(c);
    lm_lock_release(lock);
    return ex;
}
