/* fetch/parse.c: esearch, epost and efetch replies, including the failures
 * NCBI sends inside an HTTP 200. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fetch/fetch_int.h"

static char *slurp(const char *name, size_t *len)
{
    char path[1024];
    FILE *f;
    char *s;
    long n;

    snprintf(path, sizeof path, "%s/fetch/%s", LM_FIXTURES, name);
    f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    s = malloc((size_t)n + 1);
    cr_assert_not_null(s);
    cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return s;
}

static fetch_verdict esearch_file(const char *name, fetch_search *s, char *msg, size_t cap)
{
    size_t len;
    char *body = slurp(name, &len);
    fetch_verdict v = fetch_parse_esearch(body, len, s, msg, cap);

    free(body);
    return v;
}

Test(esearch, history_reply)
{
    fetch_search s = {0};
    char msg[256] = "";

    cr_assert_eq(esearch_file("esearch_history.xml", &s, msg, sizeof msg), FV_OK, "%s", msg);
    cr_assert_eq(s.count, 1234, "TranslationStack's Count must not win");
    cr_assert_eq(s.retmax, 3);
    cr_assert_eq(s.query_key, 1);
    cr_assert_str_eq(s.webenv, "MCID_fixture_0001");
    cr_assert_eq(s.nids, 3);
    cr_assert_eq(s.ids[0], 40000003);
    cr_assert_eq(s.ids[2], 40000001);
    fetch_search_free(&s);
}

Test(esearch, no_match_is_zero)
{
    fetch_search s = {0};
    char msg[256] = "";

    cr_assert_eq(esearch_file("esearch_empty.xml", &s, msg, sizeof msg), FV_OK, "%s", msg);
    cr_assert_eq(s.count, 0);
    cr_assert_eq(s.nids, 0);
    fetch_search_free(&s);
}

Test(esearch, error_in_200_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";

    cr_assert_eq(esearch_file("esearch_error.xml", &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "fixture backend is down"), "message: %s", msg);
    fetch_search_free(&s);
}

Test(esearch, missing_count_is_not_zero)
{
    fetch_search s = {0};
    char msg[256] = "";

    cr_assert_eq(esearch_file("esearch_nocount.xml", &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "<Count>"), "message: %s", msg);
    fetch_search_free(&s);
}

Test(esearch, cut_short_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";

    cr_assert_eq(esearch_file("esearch_cut.xml", &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "malformed reply"), "message: %s", msg);
    cr_assert(strstr(msg, "line"), "message names the line: %s", msg);
    fetch_search_free(&s);
}

Test(esearch, fewer_ids_than_retmax_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";

    cr_assert_eq(esearch_file("esearch_short.xml", &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "2 ids") && strstr(msg, "RetMax 3"), "message: %s", msg);
    fetch_search_free(&s);
}

Test(esearch, bad_id_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";

    cr_assert_eq(esearch_file("esearch_badid.xml", &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "<Id>"), "message: %s", msg);
    fetch_search_free(&s);
}

Test(esearch, wrong_root_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";
    const char *b = "<?xml version=\"1.0\"?><ePostResult><QueryKey>1</QueryKey></ePostResult>";

    cr_assert_eq(fetch_parse_esearch(b, strlen(b), &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "ePostResult") && strstr(msg, "eSearchResult"), "message: %s", msg);
    fetch_search_free(&s);
}

Test(esearch, json_rate_limit_in_200_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";
    const char *b = "{\"error\":\"API rate limit exceeded\",\"count\":\"11\"}";

    cr_assert_eq(fetch_parse_esearch(b, strlen(b), &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "API rate limit exceeded"), "message: %s", msg);
    fetch_search_free(&s);
}

Test(epost, history_reply)
{
    fetch_search s = {0};
    char msg[256] = "";
    size_t len;
    char *b = slurp("epost_ok.xml", &len);

    cr_assert_eq(fetch_parse_epost(b, len, &s, msg, sizeof msg), FV_OK, "%s", msg);
    cr_assert_eq(s.query_key, 2);
    cr_assert_str_eq(s.webenv, "MCID_fixture_post");
    free(b);
    fetch_search_free(&s);
}

Test(epost, error_in_200_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";
    size_t len;
    char *b = slurp("epost_error.xml", &len);

    cr_assert_eq(fetch_parse_epost(b, len, &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "Empty ID list"), "message: %s", msg);
    free(b);
    fetch_search_free(&s);
}

Test(epost, missing_webenv_is_retried)
{
    fetch_search s = {0};
    char msg[256] = "";
    const char *b = "<ePostResult><QueryKey>1</QueryKey></ePostResult>";

    cr_assert_eq(fetch_parse_epost(b, strlen(b), &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "WebEnv"), "message: %s", msg);
    fetch_search_free(&s);
}

static fetch_verdict efetch_file(const char *name, char *msg, size_t cap)
{
    size_t len;
    char *body = slurp(name, &len);
    fetch_verdict v = fetch_check_efetch(body, len, msg, cap);

    free(body);
    return v;
}

Test(efetch, article_set_passes)
{
    char msg[256] = "";

    cr_assert_eq(efetch_file("efetch_ok.xml", msg, sizeof msg), FV_OK, "%s", msg);
    cr_assert_eq(fetch_check_efetch("<pmc-articleset></pmc-articleset>", 33, msg, sizeof msg),
                 FV_OK);
}

Test(efetch, error_in_200_is_retried)
{
    char msg[256] = "";

    cr_assert_eq(efetch_file("efetch_error.xml", msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "Search Backend failed: fixture"), "message: %s", msg);
}

Test(efetch, expired_history_searches_again)
{
    char msg[256] = "";

    cr_assert_eq(efetch_file("efetch_expired.xml", msg, sizeof msg), FV_EXPIRED);
    cr_assert(strstr(msg, "Unable to obtain query #1"), "message: %s", msg);
}

Test(efetch, html_page_is_retried)
{
    char msg[256] = "";

    cr_assert_eq(efetch_file("efetch_html.html", msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "<html>"), "message names the root: %s", msg);
}

Test(efetch, empty_and_json_are_retried)
{
    char msg[256] = "";
    const char *j = "  {\"error\":\"API rate limit exceeded\"}";

    cr_assert_eq(fetch_check_efetch("", 0, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "empty"), "message: %s", msg);
    cr_assert_eq(fetch_check_efetch(j, strlen(j), msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "API rate limit exceeded"), "message: %s", msg);
    cr_assert_eq(fetch_check_efetch("{not json", 9, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "JSON"), "message: %s", msg);
}

Test(efetch, prolog_cut_short_is_retried)
{
    char msg[256] = "";
    const char *b = "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM";

    cr_assert_eq(fetch_check_efetch(b, strlen(b), msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "not XML"), "message: %s", msg);
}

Test(efetch, expiry_wording)
{
    cr_assert(fetch_error_is_expired("Unable to obtain query #3"));
    cr_assert(fetch_error_is_expired("Cannot retrieve query from history"));
    cr_assert(!fetch_error_is_expired("Search Backend failed"));
}

/* The importer's entity rules apply to E-utilities replies: a declared
 * entity (a billion-laughs reply) or an undefined one is refused; the
 * five XML entities pass.  The bomb below would expand to ~30 GB. */
Test(esearch, declared_entities_are_refused)
{
    fetch_search s = {0};
    char msg[256] = "";
    lm_buf b = {0};
    int i;

    cr_assert_eq(lm_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE eSearchResult [\n"
                             "<!ENTITY a0 \"4000000140000001400000014000000140000001\">\n"), LM_OK);
    for (i = 1; i < 10; i++)
        cr_assert_eq(lm_buf_printf(&b, "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;"
                                   "&a%d;&a%d;&a%d;\">\n", i, i - 1, i - 1, i - 1, i - 1,
                                   i - 1, i - 1, i - 1, i - 1, i - 1, i - 1), LM_OK);
    cr_assert_eq(lm_buf_puts(&b, "]>\n<eSearchResult><Count>&a9;</Count><RetMax>0</RetMax>"
                             "<RetStart>0</RetStart><IdList/></eSearchResult>"), LM_OK);
    cr_assert_eq(fetch_parse_esearch(b.s, b.len, &s, msg, sizeof msg), FV_RETRY);
    cr_assert(strstr(msg, "declares the entity &a0;"), "%s", msg);
    fetch_search_free(&s);
    lm_buf_free(&b);

    {
        static const char undef[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE eSearchResult PUBLIC "
            "\"-//NLM//DTD esearch 20060628//EN\" \"https://eutils.ncbi.nlm.nih.gov/eutils/"
            "dtd/20060628/esearch.dtd\">\n<eSearchResult><Count>1&zz;</Count><RetMax>0</RetMax>"
            "<RetStart>0</RetStart><IdList/></eSearchResult>";
        static const char ok[] = "<eSearchResult><Count>0</Count><RetMax>0</RetMax>"
            "<RetStart>0</RetStart><IdList/><QueryTranslation>a &amp; b</QueryTranslation>"
            "</eSearchResult>";
        fetch_search t = {0};

        cr_assert_eq(fetch_parse_esearch(undef, strlen(undef), &t, msg, sizeof msg), FV_RETRY);
        cr_assert(strstr(msg, "undefined entity &zz;"), "%s", msg);
        fetch_search_free(&t);
        cr_assert_eq(fetch_parse_esearch(ok, strlen(ok), &t, msg, sizeof msg), FV_OK, "%s", msg);
        fetch_search_free(&t);
    }
}
