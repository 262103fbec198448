/* fetch/fetch.c: id lists and the option checks of lm_fetch_open (the
 * network paths run against lm-replay in the tests/fetch scripts). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/fetch.h>

#define FX(name) LM_FIXTURES "/fetch/" name

Test(ids, list_with_comments_and_duplicates)
{
    int64_t *ids = NULL;
    size_t n = 0;
    char msg[256] = "";

    cr_assert_eq(lm_fetch_read_ids(FX("ids_ok.txt"), 0, &ids, &n, msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(n, 4);
    cr_assert_eq(ids[0], 40000003);
    cr_assert_eq(ids[1], 40000001);
    cr_assert_eq(ids[2], 40000002);
    cr_assert_eq(ids[3], 40000004);
    free(ids);
}

Test(ids, pmc_prefix)
{
    int64_t *ids = NULL;
    size_t n = 0;
    char msg[256] = "";

    cr_assert_eq(lm_fetch_read_ids(FX("ids_pmc.txt"), 1, &ids, &n, msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(n, 3);
    cr_assert_eq(ids[0], 7000000);
    cr_assert_eq(ids[2], 7000004);
    free(ids);
    /* without --pmc the prefix is not a PMID */
    cr_assert_eq(lm_fetch_read_ids(FX("ids_pmc.txt"), 0, &ids, &n, msg, sizeof msg), LM_ERR_FORMAT);
    cr_assert(strstr(msg, "ids_pmc.txt:2: 'PMC7000000' is not a PMID"), "%s", msg);
    cr_assert_null(ids);
}

Test(ids, bad_token_names_file_and_line)
{
    int64_t *ids = NULL;
    size_t n = 5;
    char msg[256] = "";

    cr_assert_eq(lm_fetch_read_ids(FX("ids_bad.txt"), 0, &ids, &n, msg, sizeof msg), LM_ERR_FORMAT);
    cr_assert(strstr(msg, "ids_bad.txt:3: '4000x003' is not a PMID"), "%s", msg);
    cr_assert_null(ids);
    cr_assert_eq(n, 0);
}

Test(ids, empty_list_and_missing_file)
{
    int64_t *ids = NULL;
    size_t n = 0;
    char msg[256] = "";

    cr_assert_eq(lm_fetch_read_ids(FX("ids_empty.txt"), 0, &ids, &n, msg, sizeof msg), LM_ERR_FORMAT);
    cr_assert(strstr(msg, "ids_empty.txt: no ids"), "%s", msg);
    cr_assert_eq(lm_fetch_read_ids(FX("no_such_file.txt"), 0, &ids, &n, msg, sizeof msg), LM_ERR_IO);
    cr_assert(strstr(msg, "no_such_file.txt"), "%s", msg);
}

/* Opens with @o; expects @want and a message containing @needle. */
static void open_fails(const lm_fetch_opts *o, lm_err want, const char *needle)
{
    lm_fetch *f = NULL;

    cr_assert_eq(lm_fetch_open(o, &f), want, "%s", lm_fetch_errmsg(f));
    cr_assert_not_null(f);
    cr_assert(strstr(lm_fetch_errmsg(f), needle), "message '%s' lacks '%s'",
              lm_fetch_errmsg(f), needle);
    lm_fetch_close(f);
}

Test(open, bad_options_are_usage_errors)
{
    lm_fetch_opts o;
    int64_t id = 1;

    memset(&o, 0, sizeof o);
    open_fails(&o, LM_ERR_USAGE, "either a query or a list of ids");
    o.query = "x";
    o.base_url = "ftp://127.0.0.1/";
    open_fails(&o, LM_ERR_USAGE, "ftp://127.0.0.1/");
    o.base_url = "http://127.0.0.1/?x=1";
    open_fails(&o, LM_ERR_USAGE, "without a query");
    o.base_url = "http://127.0.0.1:9/";
    o.since = "2024/02/30";
    open_fails(&o, LM_ERR_USAGE, "since 2024/02/30");
    o.since = NULL;
    o.until = "tomorrow";
    open_fails(&o, LM_ERR_USAGE, "until tomorrow");
    o.until = NULL;
    o.datetype = "pubdate";
    open_fails(&o, LM_ERR_USAGE, "datetype pubdate");
    o.datetype = NULL;
    o.batch = 20000;
    open_fails(&o, LM_ERR_USAGE, "batch 20000");
    o.batch = 0;
    o.base_url = "https://eutils.example.org/";
    o.rate = 4;
    open_fails(&o, LM_ERR_USAGE, "at most 3 requests/s");
    o.api_key = "k";
    o.rate = -1;
    open_fails(&o, LM_ERR_USAGE, "at most 10 requests/s");
    memset(&o, 0, sizeof o);
    o.ids = &id;
    o.nids = 1;
    o.since = "2020";
    open_fails(&o, LM_ERR_USAGE, "apply to a query");
}

Test(open, good_options_and_state_key)
{
    lm_fetch_opts o;
    lm_fetch *f = NULL;
    char *k;

    memset(&o, 0, sizeof o);
    o.query = "asthma AND 2020[dp]";
    o.base_url = "http://127.0.0.1:9";     /* no trailing slash: added */
    o.rate = -1;                            /* unlimited: loopback only */
    o.since = "2020/01";
    o.until = "2020";
    o.datetype = "mdat";
    cr_assert_eq(lm_fetch_open(&o, &f), LM_OK, "%s", lm_fetch_errmsg(f));
    lm_fetch_close(f);
    lm_fetch_close(NULL);
    k = lm_fetch_state_key("asthma", 1, "mdat");
    cr_assert_str_eq(k, "pmc:mdat:asthma");
    free(k);
}
