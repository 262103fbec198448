/* litmine export: the corpus, or part of it, as a dataset (JSONL or CSV) or
 * as references (RIS, BibTeX, MEDLINE) on stdout. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char export_usage[] =
    "usage: litmine export [--db PATH] --format jsonl|csv|ris|bibtex|medline\n"
    "                      [--what articles|extractions|studies] [--pmids FILE|- | --query Q]\n"
    "  Writes a dataset to stdout.  CSV follows RFC 4180 (header row, CRLF,\n"
    "  UTF-8); JSONL is one object per line (pandas: read_json(lines=True)).\n"
    "  ris, bibtex, medline: the articles as references for Zotero, EndNote,\n"
    "    Mendeley (articles only; BibTeX keys: author, year, PMID).\n"
    "  --pmids FILE: only these PMIDs (one per line, `efetch -format uid`\n"
    "    output; - reads stdin); --query Q: only what `litmine search Q` finds.\n"
    "  articles (default): one row per live article: pmid, version, pmcid, doi,\n"
    "    title, abstract, journal, year, authors, pub_types, mesh, source, updated_at.\n"
    "  extractions: one row per stored value, the columns of `litmine extract`.\n"
    "  studies: one row per extracted article: pmid, year, journal, title, design,\n"
    "    level, n_total, n_metric, arm_ns, rate_metric, rate_pct, rate_k, rate_n,\n"
    "    rate_lo, rate_hi, effect_metric, effect, effect_lo, effect_hi, effect_p,\n"
    "    effect_p_op, rates, effects, rules, doi, pmcid, first_author, authors,\n"
    "    pub_types, secondary_analysis, protocol, crossover, double_blind,\n"
    "    placebo_controlled, open_label (1/0), registrations (NCT..., ISRCTN...)\n"
    "    (README: export --what studies).\n";

struct pmid_list {
    int64_t *v;
    size_t n, cap;
    int fail;
};

static int collect_hit(const lm_hit *h, void *ud)
{
    struct pmid_list *l = ud;
    int64_t *nv;

    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 256;
        if (!(nv = realloc(l->v, l->cap * sizeof *nv))) {
            l->fail = 1;
            return 1;
        }
        l->v = nv;
    }
    l->v[l->n++] = h->pmid;
    return 0;
}

static lm_export_format export_format(cli_format f)
{
    switch (f) {
    case FMT_CSV: return LM_EXPORT_CSV;
    case FMT_RIS: return LM_EXPORT_RIS;
    case FMT_BIBTEX: return LM_EXPORT_BIBTEX;
    case FMT_MEDLINE: return LM_EXPORT_MEDLINE;
    default: return LM_EXPORT_JSONL;
    }
}

int cmd_export(int argc, char **argv)
{
    enum { OPT_WHAT = OPT_FIRST_OWN, OPT_PMIDS, OPT_QUERY };
    static const struct option opts[] = {
        { "what", required_argument, NULL, OPT_WHAT },
        { "pmids", required_argument, NULL, OPT_PMIDS },
        { "query", required_argument, NULL, OPT_QUERY },
        CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    const char *what = "articles", *pmids_file = NULL, *query = NULL;
    struct pmid_list l = { NULL, 0, 0, 0 };
    lm_export_what w;
    lm_export_format fmt;
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
        if (opt == OPT_PMIDS || opt == OPT_QUERY) {
            *(opt == OPT_PMIDS ? &pmids_file : &query) = optarg;
            continue;
        }
        if ((r = cli_common_opt(&co, opt, optarg,
                                1u << FMT_JSONL | 1u << FMT_CSV | 1u << FMT_RIS
                                | 1u << FMT_BIBTEX | 1u << FMT_MEDLINE, export_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (optind != argc) {
        fputs(export_usage, stderr);
        return EXIT_USAGE;
    }
    if (pmids_file && query) {
        cli_error("give --pmids or --query, not both");
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
    fmt = export_format(co.format);
    if (lm_export_is_reference(fmt) && w != LM_WHAT_ARTICLES) {
        cli_error("--format ris, bibtex and medline export articles, not %s", what);
        return EXIT_USAGE;
    }
    if (pmids_file && (r = cli_read_pmids(pmids_file, &l.v, &l.n)))
        goto out;
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c)))
        goto out;
    if (query) {
        rc = lm_corpus_search(c, query, 1000000, collect_hit, &l);
        if (rc != LM_OK || l.fail) {
            ex = l.fail ? cli_fail(LM_ERR_NOMEM, NULL) : cli_fail(rc, lm_corpus_errmsg(c));
            lm_corpus_close(c);
            free(l.v);
            return ex;
        }
    }
    /* an empty list is an empty export (with its CSV header), not "all" */
    rc = lm_export_subset(c, w, fmt, pmids_file || query ? (l.v ? l.v : (int64_t[1]){0}) : NULL,
                          l.n, stdout, NULL, msg, sizeof msg);
    if (rc == LM_ERR_IO)
        ex = cli_fail(rc, "export: cannot write to standard output");
    else if (rc != LM_OK)
        ex = cli_fail(rc, msg);
    lm_corpus_close(c);
    free(l.v);
    return ex;
out:
    free(l.v);
    return r;
}
