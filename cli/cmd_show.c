/* litmine show: one record, as text for a person or JSON for a script. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char show_usage[] =
    "usage: litmine show [--db PATH] [--format text|json] PMID\n"
    "  Prints one record of the corpus (deleted records are shown, flagged),\n"
    "  with its extracted values: those `litmine extract` stored, or, when it\n"
    "  has not (or an older extractor did), the extractors run now.\n";

struct show {
    lm_corpus *c;
    lm_extractor *ex;
    lm_extractions x;
    int stored;         /* x holds the stored rows, not a run of now */
    int status;
};

/* The article's stored extractions when the current extractor stored them,
 * else the extractors run now; a failure is reported, not fatal. */
static int extract(struct show *sh, const lm_article *a)
{
    int version = 0;

    lm_extractions_clear(&sh->x);
    sh->stored = 0;
    if (lm_extract_load(sh->ex, sh->c, a->pmid, &sh->x, &version) == LM_OK
        && version == LM_EXTRACTOR_VERSION && sh->x.len) {
        sh->stored = 1;
        return 0;
    }
    lm_extractions_clear(&sh->x);
    if (lm_extract_article(sh->ex, a, &sh->x) != LM_OK) {
        cli_error("PMID %lld: %s", (long long)a->pmid, lm_extractor_errmsg(sh->ex));
        return -1;
    }
    return 0;
}

static void print_extraction(const lm_extraction *e)
{
    printf("  %-11s ", lm_kind_name(e->kind));
    if (e->kind == LM_KIND_DESIGN)
        printf("%s %s (%s)", e->svalue, e->level, e->metric);
    else
        printf("%g%s%s", e->value, e->metric[0] ? " " : "", e->metric);
    if (e->k >= 0 && e->n > 0)
        printf(" = %lld/%lld", (long long)e->k, (long long)e->n);
    if (e->lo == e->lo && e->hi == e->hi)
        printf(" [%g, %g]", e->lo, e->hi);
    if (e->p == e->p)
        printf(" p%s%g", e->p_op[0] ? e->p_op : "=", e->p);
    printf("  {%s}", e->rule ? e->rule : "");
    if (e->text && *e->text)
        printf("  \"%s\" (%s %zu-%zu)", e->text, e->section, e->span_start, e->span_end);
    if (e->flags[0])
        printf("  !%s", e->flags);
    putchar('\n');
}

static void field(const char *label, const char *v)
{
    if (v && *v)
        printf("%-11s %s\n", label, v);
}

static int show_text(const lm_article *a, void *ud)
{
    struct show *sh = ud;
    size_t i;

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
    if (a->deleted || extract(sh, a))
        return 0;
    printf("\nExtractions (%zu, %s)\n", sh->x.len,
           sh->stored ? "as stored by litmine extract" : "found now; none stored by this version");
    for (i = 0; i < sh->x.len; i++)
        print_extraction(&sh->x.v[i]);
    return 0;
}

/* The article's JSON object with an "extractions" array added. */
static int show_json(const lm_article *a, void *ud)
{
    struct show *sh = ud;
    char *art = lm_article_json(a), *one;
    lm_buf out = {0};
    size_t i, n;
    int bad = 0, got;

    if (!art || !(n = strlen(art)) || art[n - 1] != '}') {
        free(art);
        sh->status = cli_put_json(stdout, NULL);
        return 0;
    }
    art[n - 1] = '\0';
    bad |= lm_buf_puts(&out, art) != LM_OK;
    if ((got = !a->deleted && !extract(sh, a)))
        bad |= lm_buf_printf(&out, ",\"extractions_stored\":%s", sh->stored ? "true" : "false")
               != LM_OK;
    bad |= lm_buf_puts(&out, ",\"extractions\":[") != LM_OK;
    if (got)
        for (i = 0; i < sh->x.len && !bad; i++) {
            one = lm_extraction_json(a->pmid, &sh->x.v[i]);
            bad |= !one || (i && lm_buf_puts(&out, ",")) || lm_buf_puts(&out, one);
            free(one);
        }
    bad |= lm_buf_puts(&out, "]}") != LM_OK;
    free(art);
    if (bad) {
        lm_buf_free(&out);
        sh->status = cli_put_json(stdout, NULL);
        return 0;
    }
    sh->status = cli_put_json(stdout, out.s);
    return 0;
}

int cmd_show(int argc, char **argv)
{
    static const struct option opts[] = { CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 } };
    struct cli_common co;
    struct show sh = { NULL, NULL, { NULL, 0, 0 }, 0, EXIT_OK };
    lm_corpus *c;
    lm_err rc;
    int64_t pmid;
    int opt, r, ex;

    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1)
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_TEXT | 1u << FMT_JSON,
                                show_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    if (optind != argc - 1) {
        fputs(show_usage, stderr);
        return EXIT_USAGE;
    }
    if (cli_parse_pmid(argv[optind], &pmid))
        return EXIT_USAGE;
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c)))
        return r;
    sh.c = c;
    if ((rc = lm_extractor_open(0, &sh.ex))) {
        ex = cli_fail(rc, lm_extractor_errmsg(sh.ex));
        lm_extractor_close(sh.ex);
        lm_corpus_close(c);
        return ex;
    }
    rc = lm_corpus_get(c, pmid, co.format == FMT_JSON ? show_json : show_text, &sh);
    ex = sh.status;
    if (rc == LM_ERR_NOTFOUND) {
        cli_error("PMID %lld is not in the corpus %s", (long long)pmid, co.db);
        ex = EXIT_INPUT;
    } else if (rc != LM_OK) {
        ex = cli_fail(rc, lm_corpus_errmsg(c));
    }
    lm_extractions_free(&sh.x);
    lm_extractor_close(sh.ex);
    lm_corpus_close(c);
    return ex;
}
