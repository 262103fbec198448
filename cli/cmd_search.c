/* litmine search: FTS5 over title and abstract, ranked by bm25. */
#define _GNU_SOURCE    /* strcasestr */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>
#include "cli.h"

static const char search_usage[] =
    "usage: litmine search [--db PATH] [--limit N] [--format text|json|jsonl]\n"
    "                      [--design D] [--year A-B] [--type T] [--mesh M] QUERY\n"
    "  Full-text search of titles and abstracts, best match first (bm25).\n"
    "  QUERY uses SQLite FTS5 syntax: words, \"a phrase\", AND/OR/NOT, prefix*,\n"
    "  title:word.  Text output: PMID, score, year, title, then a snippet with\n"
    "  the matches in [brackets].\n"
    "  Filters (all must hold): --design rct|meta_analysis|...|L1..L5 (the design\n"
    "  or level extracted; several with commas), --year 2015-2020 (or 2015-,\n"
    "  -2020, 2020), --type T (a publication type containing T), --mesh M (a\n"
    "  MeSH heading containing M); case does not matter.\n"
    "  The number of hits goes to stderr (\"N hits, M shown\"; not under -q).\n"
    "  Exit status: 0 when something matched, 7 when nothing did (like grep's\n"
    "  1, which litmine keeps for usage errors); 1, 2, 4 are errors.\n";

/* The filters of one search; an unset filter lets everything through. */
struct filters {
    const char *design;      /* comma list of designs or levels */
    int year_from, year_to;  /* 0: open */
    const char *type, *mesh;
    lm_corpus *c;
    lm_extractor *ex;
    lm_extractions x;
    int keep;                /* result of the check of the current hit */
    int err;                 /* a lookup failed */
};

struct search_ctx {
    cli_format fmt;
    cJSON *arr;     /* --format json collects; the others stream */
    int n;
    int fail;
    long limit;
    uint64_t total; /* hits passing the filters, shown or not */
    struct filters *f;
};

/* @s contains @needle, ignoring case, within one "; "-separated item. */
static int list_has(const char *list, const char *needle)
{
    const char *p = list ? list : "", *hit;
    size_t n = strlen(needle);

    while ((hit = strcasestr(p, needle))) {
        if (!memchr(hit, ';', n))
            return 1;
        p = hit + 1;
    }
    return 0;
}

/* @v is one of the comma-separated names of @list (case ignored). */
static int in_commalist(const char *list, const char *v)
{
    size_t n = strlen(v);
    const char *p = list;

    if (!n)
        return 0;
    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);

        if (len == n && !strncasecmp(p, v, n))
            return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

static int design_ok(struct filters *f, const lm_extractions *x)
{
    size_t i;

    for (i = 0; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_DESIGN)
            return in_commalist(f->design, x->v[i].svalue)
                   || in_commalist(f->design, x->v[i].level);
    return 0;
}

/* lm_corpus_get callback: the publication-type, MeSH and design checks. */
static int check_article(const lm_article *a, void *ud)
{
    struct filters *f = ud;
    int version = 0;

    f->keep = !a->deleted && (!f->type || list_has(a->pub_types, f->type))
              && (!f->mesh || list_has(a->mesh, f->mesh));
    if (!f->keep || !f->design)
        return 0;
    /* the stored design when this extractor stored one, else extract now */
    lm_extractions_clear(&f->x);
    if (lm_extract_load(f->ex, f->c, a->pmid, &f->x, &version) != LM_OK
        || version != LM_EXTRACTOR_VERSION || !f->x.len) {
        lm_extractions_clear(&f->x);
        if (lm_extract_article(f->ex, a, &f->x) != LM_OK) {
            cli_error("PMID %lld: %s", (long long)a->pmid, lm_extractor_errmsg(f->ex));
            f->err = 1;
            return 1;
        }
    }
    f->keep = design_ok(f, &f->x);
    return 0;
}

static int passes(struct filters *f, const lm_hit *h)
{
    if ((f->year_from && h->year < f->year_from) || (f->year_to && (!h->year || h->year > f->year_to)))
        return 0;
    if (!f->design && !f->type && !f->mesh)
        return 1;
    f->keep = 0;
    if (lm_corpus_get(f->c, h->pmid, check_article, f) != LM_OK)
        f->err = 1;
    return f->keep;
}

/* Each comma-separated item of @list is a design lm_design_level() knows or
 * a level L1-L5; else prints which one is not and returns -1. */
static int check_designs(const char *list)
{
    char item[64];
    const char *p = list;

    while (p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);

        snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), p);
        if (!lm_design_level(item)
            && !((item[0] == 'L' || item[0] == 'l') && item[1] >= '1' && item[1] <= '5' && !item[2])) {
            cli_error("--design %s: '%s' is neither a design (rct, meta_analysis, cohort, ...; "
                      "see litmine(1)) nor a level L1-L5", list, item);
            return -1;
        }
        p = e ? e + 1 : NULL;
    }
    return 0;
}

/* "2015-2020", "2015-", "-2020", "2020"; -1 when malformed. */
static int parse_years(const char *s, int *from, int *to)
{
    char *end;
    const char *dash = strchr(s, '-');
    long a = 0, b = 0;

    if (dash != s) {
        a = strtol(s, &end, 10);
        if (end != (dash ? dash : s + strlen(s)) || a < 1000 || a > 9999)
            return -1;
    }
    if (!dash)
        b = a;
    else if (dash[1]) {
        b = strtol(dash + 1, &end, 10);
        if (*end || b < 1000 || b > 9999)
            return -1;
    }
    if ((!a && !b) || (a && b && a > b))
        return -1;
    *from = (int)a;
    *to = (int)b;
    return 0;
}

static cJSON *hit_json(const lm_hit *h)
{
    cJSON *o = cJSON_CreateObject();
    char pmid[24];

    if (!o)
        return NULL;
    snprintf(pmid, sizeof pmid, "%lld", (long long)h->pmid);
    if (!cJSON_AddStringToObject(o, "pmid", pmid)
        || !cJSON_AddNumberToObject(o, "score", h->score)
        || !(h->year ? cJSON_AddNumberToObject(o, "year", h->year)
                     : cJSON_AddNullToObject(o, "year"))
        || !cJSON_AddStringToObject(o, "title", h->title ? h->title : "")
        || !cJSON_AddStringToObject(o, "journal", h->journal ? h->journal : "")
        || !cJSON_AddStringToObject(o, "snippet", h->snippet ? h->snippet : "")) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static int on_hit(const lm_hit *h, void *ud)
{
    struct search_ctx *x = ud;
    cJSON *o;

    if (x->f->err)
        return 1;
    if (!passes(x->f, h))
        return x->f->err;
    x->total++;
    if (x->n >= x->limit)
        return 0;       /* counted, not shown */
    x->n++;
    if (x->fmt == FMT_TEXT) {
        printf("%lld\t%.2f\t%d\t%s\n", (long long)h->pmid, h->score, h->year,
               h->title ? h->title : "");
        if (h->snippet && *h->snippet)
            printf("\t%s\n", h->snippet);
        return 0;
    }
    if (!(o = hit_json(h))) {
        x->fail = 1;
        return 1;
    }
    if (x->fmt == FMT_JSON) {
        cJSON_AddItemToArray(x->arr, o);
        return 0;
    }
    x->fail = cli_put_json(stdout, cJSON_PrintUnformatted(o)) != 0;
    cJSON_Delete(o);
    return x->fail;
}

int cmd_search(int argc, char **argv)
{
    enum { OPT_LIMIT = OPT_FIRST_OWN, OPT_DESIGN, OPT_YEAR, OPT_TYPE, OPT_MESH };
    static const struct option opts[] = {
        { "limit", required_argument, NULL, OPT_LIMIT },
        { "design", required_argument, NULL, OPT_DESIGN },
        { "year", required_argument, NULL, OPT_YEAR },
        { "type", required_argument, NULL, OPT_TYPE },
        { "mesh", required_argument, NULL, OPT_MESH },
        CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    struct filters f;
    struct search_ctx x = { FMT_TEXT, NULL, 0, 0, 20, 0, &f };
    lm_corpus *c;
    lm_err rc;
    long limit = 20;
    char *end;
    int opt, r, ex = EXIT_OK;

    memset(&f, 0, sizeof f);
    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        if (opt == OPT_DESIGN || opt == OPT_TYPE || opt == OPT_MESH) {
            if (!*optarg) {
                cli_error("--%s: empty", opt == OPT_DESIGN ? "design" : opt == OPT_TYPE ? "type" : "mesh");
                return EXIT_USAGE;
            }
            *(opt == OPT_DESIGN ? &f.design : opt == OPT_TYPE ? &f.type : &f.mesh) = optarg;
            if (opt == OPT_DESIGN && check_designs(optarg))
                return EXIT_USAGE;
            continue;
        }
        if (opt == OPT_YEAR) {
            if (parse_years(optarg, &f.year_from, &f.year_to)) {
                cli_error("--year %s: expected YEAR, FROM-TO, FROM- or -TO (e.g. 2015-2020)", optarg);
                return EXIT_USAGE;
            }
            continue;
        }
        if (opt == OPT_LIMIT) {
            limit = strtol(optarg, &end, 10);
            if (*end || limit <= 0 || limit > 1000000) {
                cli_error("--limit %s: expected a number from 1 to 1000000", optarg);
                return EXIT_USAGE;
            }
            continue;
        }
        if ((r = cli_common_opt(&co, opt, optarg,
                                1u << FMT_TEXT | 1u << FMT_JSON | 1u << FMT_JSONL,
                                search_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (optind != argc - 1) {
        fputs(search_usage, stderr);
        return EXIT_USAGE;
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c)))
        return r;
    x.fmt = co.format;
    x.limit = limit;
    f.c = c;
    if (f.design && (rc = lm_extractor_open(0, &f.ex)) != LM_OK) {
        ex = cli_fail(rc, lm_extractor_errmsg(f.ex));
        goto done;
    }
    if (x.fmt == FMT_JSON && !(x.arr = cJSON_CreateArray())) {
        ex = cli_fail(LM_ERR_NOMEM, NULL);
        goto done;
    }
    /* Every hit is visited, so that the total counts them all; only the
     * first --limit are printed. */
    rc = lm_corpus_search(c, argv[optind], 1000000, on_hit, &x);
    if (rc != LM_OK)
        ex = cli_fail(rc, lm_corpus_errmsg(c));
    else if (f.err)
        ex = cli_fail(LM_ERR_DB, lm_corpus_errmsg(c));
    else if (x.fail)
        ex = cli_fail(LM_ERR_NOMEM, NULL);
    else if (x.fmt == FMT_JSON)
        ex = cli_put_json(stdout, cJSON_PrintUnformatted(x.arr));
    if (!ex && !co.quiet) {
        if (x.total)
            fprintf(stderr, "litmine: %llu hit%s, %d shown\n", (unsigned long long)x.total,
                    x.total == 1 ? "" : "s", x.n);
        else
            fprintf(stderr, "litmine: no match for %s\n", argv[optind]);
    }
    if (!ex && !x.total)
        ex = EXIT_NO_MATCH;
done:
    cJSON_Delete(x.arr);
    lm_extractions_free(&f.x);
    lm_extractor_close(f.ex);
    lm_corpus_close(c);
    return ex;
}
