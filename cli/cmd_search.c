/* litmine search: FTS5 over title and abstract, ranked by bm25. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "cli.h"

static const char search_usage[] =
    "usage: litmine search [--db PATH] [--limit N] [--format text|json|jsonl] QUERY\n"
    "  Full-text search of titles and abstracts, best match first (bm25).\n"
    "  QUERY: words, \"a phrase\", AND/OR/NOT (upper case; a NOT b), prefix*,\n"
    "  (parentheses), title:word, abstract:\"a phrase\"; adjacent words must all\n"
    "  match; hyphenated terms (COVID-19, IL-6) are phrases.  A query that cannot\n"
    "  be read is exit 2 naming the offset.  Text output: PMID, score, year,\n"
    "  title, then a snippet with the matches in [brackets].\n";

struct search_ctx {
    cli_format fmt;
    cJSON *arr;     /* --format json collects; the others stream */
    int n;
    int fail;
};

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
    enum { OPT_LIMIT = OPT_FIRST_OWN };
    static const struct option opts[] = {
        { "limit", required_argument, NULL, OPT_LIMIT }, CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    struct search_ctx x = { FMT_TEXT, NULL, 0, 0 };
    lm_corpus *c;
    lm_query *q = NULL;
    char qmsg[1024];
    lm_err rc;
    long limit = 20;
    char *end;
    int opt, r, ex = EXIT_OK;

    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
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
    /* parsed first: a bad query is exit 2 with its offset, never SQL's word */
    if ((rc = lm_query_parse(argv[optind], &q, qmsg, sizeof qmsg)))
        return cli_fail(rc, qmsg);
    if ((r = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c))) {
        lm_query_free(q);
        return r;
    }
    x.fmt = co.format;
    if (x.fmt == FMT_JSON && !(x.arr = cJSON_CreateArray())) {
        lm_corpus_close(c);
        lm_query_free(q);
        return cli_fail(LM_ERR_NOMEM, NULL);
    }
    rc = lm_corpus_search_query(c, q, (int)limit, on_hit, &x);
    lm_query_free(q);
    if (rc != LM_OK)
        ex = cli_fail(rc, lm_corpus_errmsg(c));
    else if (x.fail)
        ex = cli_fail(LM_ERR_NOMEM, NULL);
    else if (x.fmt == FMT_JSON)
        ex = cli_put_json(stdout, cJSON_PrintUnformatted(x.arr));
    else if (x.n == 0 && !co.quiet)
        fprintf(stderr, "litmine: no match for %s\n", argv[optind]);
    cJSON_Delete(x.arr);
    lm_corpus_close(c);
    return ex;
}
