/* litmine extract: run the extractors over stored articles, store the
 * results (replacing older rows) and print them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char extract_usage[] =
    "usage: litmine extract [--db PATH] [--format jsonl|csv] (--all | --pmids FILE|- | PMID...)\n"
    "  Runs every extractor (sample size, arm sizes, rates, effect sizes,\n"
    "  p-values, meta-analysis counts, design and evidence level) on the title,\n"
    "  abstract and PMC body of the given articles (--all: every live article),\n"
    "  stores the results in the corpus, replacing earlier ones, and prints one\n"
    "  row per value: pmid, kind, value, lo, hi, k, n, metric, p, p_op, level,\n"
    "  section, span, text, rule, flags, extractor_version.  Spans are byte\n"
    "  offsets into the section's text.  Default format: jsonl.\n"
    "  --pmids FILE: the PMIDs listed in FILE, one per line (- reads stdin),\n"
    "  as `efetch -format uid` prints them.  On a terminal a progress line\n"
    "  (articles, rate, ETA) is drawn on stderr.\n";

struct extract_out {
    cli_format fmt;
    int fail;
    uint64_t articles, values;
    struct cli_progress prog;
};

static int on_article(int64_t pmid, const lm_extractions *x, void *ud)
{
    struct extract_out *o = ud;
    size_t i;

    o->articles++;
    cli_progress_update(&o->prog, o->articles);
    for (i = 0; i < x->len; i++) {
        o->values++;
        if (o->fmt == FMT_CSV) {
            if (lm_extraction_csv(stdout, pmid, &x->v[i]) != LM_OK) {
                o->fail = EXIT_INPUT;
                return 1;
            }
        } else if ((o->fail = cli_put_json(stdout, lm_extraction_json(pmid, &x->v[i])))) {
            return 1;
        }
    }
    return 0;
}

/* Parses the PMID arguments; prints the error and returns -1 on a bad one. */
static int parse_pmids(int argc, char **argv, int64_t **out, size_t *n)
{
    int64_t *v = calloc((size_t)argc + 1, sizeof *v);
    int i;

    if (!v) {
        cli_error("out of memory");
        return -1;
    }
    for (i = 0; i < argc; i++) {
        if (cli_parse_pmid(argv[i], &v[i])) {
            free(v);
            return -1;
        }
    }
    *out = v;
    *n = (size_t)argc;
    return 0;
}

int cmd_extract(int argc, char **argv)
{
    enum { OPT_ALL = OPT_FIRST_OWN, OPT_PMIDS };
    static const struct option opts[] = {
        { "all", no_argument, NULL, OPT_ALL },
        { "pmids", required_argument, NULL, OPT_PMIDS }, CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    struct extract_out o = { FMT_JSONL, 0, 0, 0, { 0, 0, 0, 0, NULL } };
    const char *pmids_file = NULL;
    uint64_t total = 0;
    lm_extractor *ex = NULL;
    lm_corpus *c = NULL;
    int64_t *pmids = NULL;
    size_t npmids = 0;
    int opt, r, all = 0, ex_code = EXIT_OK;
    lm_err rc;

    cli_common_init(&co, FMT_JSONL);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        if (opt == OPT_ALL) {
            all = 1;
            continue;
        }
        if (opt == OPT_PMIDS) {
            pmids_file = optarg;
            continue;
        }
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_JSONL | 1u << FMT_CSV,
                                extract_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (all + (optind < argc) + (pmids_file != NULL) != 1) {
        cli_error("give one of --all, --pmids FILE or one or more PMIDs");
        fputs(extract_usage, stderr);
        return EXIT_USAGE;
    }
    if (optind < argc && parse_pmids(argc - optind, argv + optind, &pmids, &npmids))
        return EXIT_USAGE;
    if (pmids_file) {
        if ((r = cli_read_pmids(pmids_file, &pmids, &npmids)))
            return r;
        if (!npmids) {
            cli_error("%s: no PMIDs", strcmp(pmids_file, "-") ? pmids_file : "<stdin>");
            free(pmids);
            return EXIT_INPUT;
        }
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_MUST_EXIST, &c))) {
        free(pmids);
        return r;
    }
    if ((rc = lm_extractor_open(0, &ex))) {
        ex_code = cli_fail(rc, ex ? lm_extractor_errmsg(ex) : NULL);
        goto done;
    }
    o.fmt = co.format;
    if (o.fmt == FMT_CSV && lm_extraction_csv_header(stdout) != LM_OK) {
        ex_code = cli_fail(LM_ERR_IO, "extract: cannot write to standard output");
        goto done;
    }
    if (pmids)
        total = npmids;
    else if (lm_corpus_counts(c, &total, NULL, NULL) != LM_OK)
        total = 0;      /* no count: the progress line shows no ETA */
    cli_progress_init(&o.prog, co.quiet, "articles", total);
    rc = lm_extract_run(ex, c, pmids, npmids, on_article, &o);
    cli_progress_end(&o.prog, o.articles);
    if (o.fail)
        ex_code = o.fail == EXIT_INPUT
            ? cli_fail(LM_ERR_IO, "extract: cannot write to standard output") : o.fail;
    else if (rc != LM_OK)
        ex_code = cli_fail(rc, lm_extractor_errmsg(ex));
    else if (!co.quiet)
        fprintf(stderr, "litmine: extracted %llu values from %llu articles\n",
                (unsigned long long)o.values, (unsigned long long)o.articles);
done:
    lm_extractor_close(ex);
    lm_corpus_close(c);
    free(pmids);
    return ex_code;
}
