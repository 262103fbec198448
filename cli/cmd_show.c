#include <ctype.h>
/* litmine show: one record, as text for a person or JSON for a script. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char show_usage[] =
    "usage: litmine show [--db PATH] [--format text|json] [--pmids FILE|-] [PMID...]\n"
    "  Prints records of the corpus (deleted records are shown, flagged),\n"
    "  each PMID given and each listed in FILE (one per line; - reads stdin);\n"
    "  several records: text ones apart by a blank line, JSON one per line;\n"
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
    else if (e->kind == LM_KIND_FINDING)
        printf("%s: %s (%s vs %s)", e->metric, e->outcome ? e->outcome : "?",
               e->intervention ? e->intervention : "?", e->comparator ? e->comparator : "?");
    else if (e->kind == LM_KIND_REGIMEN) {
        const char *f[] = { e->dose, e->frequency, e->duration, e->route };
        size_t i;
        int any = 0;
        for (i = 0; i < sizeof f / sizeof f[0]; i++)
            if (f[i])
                printf("%s%s", any++ ? ", " : "", f[i]);
        if (e->n >= 0)
            printf("%s%lld administrations", any++ ? ", " : "", (long long)e->n);
    } else if (e->kind == LM_KIND_FOLLOW_UP)
        printf("%g days (%s)", e->value, e->duration ? e->duration : "");
    else
        printf("%g%s%s", e->value, e->metric[0] ? " " : "", e->metric);
    if (e->label)
        printf(" [%s]", e->label);
    if (e->k >= 0 && e->n > 0 && e->kind != LM_KIND_REGIMEN)
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

    char key[32];

    lm_corpus_key_format(a->pmid, key, sizeof key);
    printf("%-12s%s (version %d)%s\n", a->pmid < 0 ? "PMCID" : "PMID", key, a->version,
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
    enum { OPT_PMIDS = OPT_FIRST_OWN };
    static const struct option opts[] = {
        { "pmids", required_argument, NULL, OPT_PMIDS }, CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    struct show sh = { NULL, NULL, { NULL, 0, 0 }, 0, EXIT_OK };
    const char *pmids_file = NULL;
    int64_t *pmids = NULL;
    size_t npmids = 0, i;
    lm_corpus *c;
    lm_err rc = LM_OK;
    int64_t pmid;
    int opt, r, ex = EXIT_OK;

    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        if (opt == OPT_PMIDS) {
            pmids_file = optarg;
            continue;
        }
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_TEXT | 1u << FMT_JSON,
                                show_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (optind == argc && !pmids_file) {
        fputs(show_usage, stderr);
        return EXIT_USAGE;
    }
    for (; optind < argc; optind++) {
        /* digits: a PMID, strictly (a too long one is "out of range") */
        if (isdigit((unsigned char)argv[optind][0])) {
            r = cli_parse_pmid(argv[optind], &pmid);
        } else if ((r = lm_corpus_key_parse(argv[optind], &pmid) ? -1 : 0)) {
            cli_error("'%s' is not a PMID (a positive number) or a PMCID (PMC and digits)",
                      argv[optind]);
        }
        if (r) {
            free(pmids);
            return EXIT_USAGE;
        }
        if (!(npmids % 64)) {
            int64_t *nv = realloc(pmids, (npmids + 64) * sizeof *nv);

            if (!nv) {
                free(pmids);
                return cli_fail(LM_ERR_NOMEM, NULL);
            }
            pmids = nv;
        }
        pmids[npmids++] = pmid;
    }
    if (pmids_file && (r = cli_read_pmids(pmids_file, &pmids, &npmids))) {
        free(pmids);
        return r;
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c))) {
        free(pmids);
        return r;
    }
    sh.c = c;
    if ((rc = lm_extractor_open(0, &sh.ex))) {
        ex = cli_fail(rc, lm_extractor_errmsg(sh.ex));
        lm_extractor_close(sh.ex);
        lm_corpus_close(c);
        free(pmids);
        return ex;
    }
    /* Several records: text ones apart by a blank line, JSON one per line. */
    for (i = 0; i < npmids; i++) {
        if (i && co.format == FMT_TEXT)
            putchar('\n');
        sh.status = EXIT_OK;
        rc = lm_corpus_get(c, pmids[i], co.format == FMT_JSON ? show_json : show_text, &sh);
        if (sh.status && !ex)
            ex = sh.status;
        if (rc == LM_ERR_NOTFOUND) {
            if (pmids[i] < 0)
                cli_error("PMCID PMC%lld is not in the corpus %s", -(long long)pmids[i], co.db);
            else
                cli_error("PMID %lld is not in the corpus %s", (long long)pmids[i], co.db);
            if (!ex)
                ex = EXIT_INPUT;
        } else if (rc != LM_OK) {
            ex = cli_fail(rc, lm_corpus_errmsg(c));
            break;
        }
    }
    lm_extractions_free(&sh.x);
    lm_extractor_close(sh.ex);
    lm_corpus_close(c);
    free(pmids);
    return ex;
}
