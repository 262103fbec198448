/* litmine show: one record, as text for a person or JSON for a script. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char show_usage[] =
    "usage: litmine show [--db PATH] [--format text|json] PMID\n"
    "  Prints one record of the corpus (deleted records are shown, flagged).\n";

static void field(const char *label, const char *v)
{
    if (v && *v)
        printf("%-11s %s\n", label, v);
}

static int show_text(const lm_article *a, void *ud)
{
    (void)ud;
    printf("PMID        %lld (version %d)%s\n", (long long)a->pmid, a->version,
           a->deleted ? "  [DELETED]" : "");
    field("Title", a->title);
    field("Journal", a->journal);
    if (a->year)
        printf("%-11s %d\n", "Year", a->year);
    field("Authors", a->authors);
    field("Types", a->pub_types);
    field("MeSH", a->mesh);
    field("DOI", a->doi);
    field("PMCID", a->pmcid);
    field("Source", a->source);
    if (a->abstract && *a->abstract)
        printf("\n%s\n", a->abstract);
    if (a->body && *a->body)
        printf("\n[full text: %zu bytes of body text stored]\n", strlen(a->body));
    return 0;
}

static int show_json(const lm_article *a, void *ud)
{
    *(int *)ud = cli_put_json(stdout, lm_article_json(a));
    return 0;
}

int cmd_show(int argc, char **argv)
{
    static const struct option opts[] = { CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 } };
    struct cli_common co;
    lm_corpus *c;
    lm_err rc;
    long long pmid;
    char *end;
    int opt, r, ex = EXIT_OK;

    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1)
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_TEXT | 1u << FMT_JSON,
                                show_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    if (optind != argc - 1) {
        fputs(show_usage, stderr);
        return EXIT_USAGE;
    }
    pmid = strtoll(argv[optind], &end, 10);
    if (*end || pmid <= 0) {
        cli_error("'%s' is not a PMID (a positive number)", argv[optind]);
        return EXIT_USAGE;
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c)))
        return r;
    rc = lm_corpus_get(c, pmid, co.format == FMT_JSON ? show_json : show_text, &ex);
    if (rc == LM_ERR_NOTFOUND) {
        cli_error("PMID %lld is not in the corpus %s", pmid, co.db);
        ex = EXIT_INPUT;
    } else if (rc != LM_OK) {
        ex = cli_fail(rc, lm_corpus_errmsg(c));
    }
    lm_corpus_close(c);
    return ex;
}
