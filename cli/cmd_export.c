/* litmine export: the corpus as a dataset (JSONL or CSV) on stdout. */
#include <string.h>
#include "cli.h"

static const char export_usage[] =
    "usage: litmine export [--db PATH] --format jsonl|csv [--what articles|extractions|studies]\n"
    "  Writes a dataset to stdout.  CSV follows RFC 4180 (header row, CRLF,\n"
    "  UTF-8); JSONL is one object per line (pandas: read_json(lines=True)).\n"
    "  articles (default): one row per live article: pmid, version, pmcid, doi,\n"
    "    title, abstract, journal, year, authors, pub_types, mesh, source, updated_at.\n"
    "  extractions: one row per stored value, the columns of `litmine extract`.\n"
    "  studies: one row per extracted article: pmid, year, journal, title, design,\n"
    "    level, n_total, n_metric, arm_ns, rate_metric, rate_pct, rate_k, rate_n,\n"
    "    rate_lo, rate_hi, effect_metric, effect, effect_lo, effect_hi, effect_p,\n"
    "    effect_p_op, rates, effects, rules (README: export --what studies).\n";

int cmd_export(int argc, char **argv)
{
    enum { OPT_WHAT = OPT_FIRST_OWN };
    static const struct option opts[] = {
        { "what", required_argument, NULL, OPT_WHAT }, CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    const char *what = "articles";
    lm_export_what w;
    char msg[1024] = "";
    lm_corpus *c;
    lm_err rc;
    int opt, r, ex = EXIT_OK;

    cli_common_init(&co, FMT_JSONL);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        if (opt == OPT_WHAT) {
            what = optarg;
            continue;
        }
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_JSONL | 1u << FMT_CSV,
                                export_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (optind != argc) {
        fputs(export_usage, stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(what, "articles"))
        w = LM_WHAT_ARTICLES;
    else if (!strcmp(what, "extractions"))
        w = LM_WHAT_EXTRACTIONS;
    else if (!strcmp(what, "studies"))
        w = LM_WHAT_STUDIES;
    else {
        cli_error("--what %s: expected articles, extractions or studies", what);
        return EXIT_USAGE;
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c)))
        return r;
    rc = lm_export(c, w, co.format == FMT_CSV ? LM_EXPORT_CSV : LM_EXPORT_JSONL, stdout,
                   NULL, msg, sizeof msg);
    if (rc == LM_ERR_IO)
        ex = cli_fail(rc, "export: cannot write to standard output");
    else if (rc != LM_OK)
        ex = cli_fail(rc, msg);
    lm_corpus_close(c);
    return ex;
}
