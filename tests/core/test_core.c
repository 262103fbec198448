/* core: growable buffers and arrays, error strings and exit codes, log sink. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>
#include <litmine/core.h>

Test(buf, append_grows_and_terminates)
{
    lm_buf b = {0};
    int i;

    cr_assert_str_eq(lm_buf_str(&b), "");
    for (i = 0; i < 1000; i++)
        cr_assert_eq(lm_buf_append(&b, "abc", 3), LM_OK);
    cr_assert_eq(b.len, 3000);
    cr_assert_eq(b.s[3000], '\0');
    cr_assert_eq(strncmp(b.s + 2997, "abc", 3), 0);
    lm_buf_clear(&b);
    cr_assert_eq(b.len, 0);
    cr_assert_str_eq(lm_buf_str(&b), "");
    cr_assert_eq(lm_buf_printf(&b, "%d-%s", 42, "x"), LM_OK);
    cr_assert_str_eq(b.s, "42-x");
    lm_buf_free(&b);
    cr_assert_null(b.s);
}

Test(buf, reserve_refuses_overflow)
{
    lm_buf b = {0};

    cr_assert_eq(lm_buf_puts(&b, "x"), LM_OK);
    cr_assert_eq(lm_buf_reserve(&b, SIZE_MAX), LM_ERR_NOMEM);
    cr_assert_str_eq(b.s, "x");
    lm_buf_free(&b);
}

Test(grow, doubles_from_first_and_keeps_contents)
{
    int *v = NULL;
    size_t cap = 0, n;

    for (n = 0; n < 1000; n++) {
        cr_assert_eq(lm_grow(&v, &cap, n, sizeof *v, 16), LM_OK);
        cr_assert_gt(cap, n);
        v[n] = (int)n;
    }
    cr_assert_eq(cap, 1024);
    for (n = 0; n < 1000; n++)
        cr_assert_eq(v[n], (int)n);
    free(v);
}

Test(grow, refuses_overflow_and_keeps_the_array)
{
    char *v = malloc(4);
    size_t cap = 4;

    cr_assert_not_null(v);
    memcpy(v, "abc", 4);
    cr_assert_eq(lm_grow(&v, &cap, 4, SIZE_MAX / 4, 1), LM_ERR_NOMEM);
    cr_assert_eq(cap, 4);
    cr_assert_str_eq(v, "abc");
    free(v);
}

Test(err, every_code_has_a_message_and_exit_status)
{
    lm_err e;

    for (e = LM_OK; e <= LM_ERR_REGEX; e++) {
        cr_assert_str_neq(lm_strerror(e), "unknown error", "code %d", e);
        cr_assert(lm_err_exit_code(e) >= 0 && lm_err_exit_code(e) <= 5);
    }
    cr_assert_eq(lm_err_exit_code(LM_ERR_XML), 2);
    cr_assert_eq(lm_err_exit_code(LM_ERR_GZIP), 2);
    cr_assert_eq(lm_err_exit_code(LM_ERR_NET), 3);
    cr_assert_eq(lm_err_exit_code(LM_ERR_DB_BUSY), 4);
    cr_assert_eq(lm_err_exit_code(LM_ERR_SCHEMA), 4);
    cr_assert_eq(lm_err_exit_code(LM_ERR_LOCKED), 5);
}

struct seen { int n; lm_log_level lvl; char msg[64]; };

static void sink(lm_log_level lvl, const char *func, const char *msg, void *ud)
{
    struct seen *s = ud;

    s->n++;
    s->lvl = lvl;
    snprintf(s->msg, sizeof s->msg, "%s|%s", func, msg);
}

Test(log, level_filters_and_sink_receives)
{
    struct seen s = {0};

    lm_log_set_sink(sink, &s);
    lm_log_set_level(LM_LOG_WARN);
    lm_log_info("dropped %d", 1);
    cr_assert_eq(s.n, 0);
    lm_log_warn("kept %d", 2);
    cr_assert_eq(s.n, 1);
    cr_assert_eq(s.lvl, LM_LOG_WARN);
    cr_assert(strstr(s.msg, "|kept 2") && s.msg[0] != '|', "%s", s.msg);
    lm_log_set_sink(NULL, NULL);
}

static int curl_mapped(void)
{
    char line[512];
    int found = 0;
    FILE *f = fopen("/proc/self/maps", "r");

    cr_assert_not_null(f);
    while (fgets(line, sizeof line, f))
        found |= strstr(line, "libcurl") != NULL;
    fclose(f);
    return found;
}

static size_t discard(char *p, size_t size, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return size * n;
}

/* core/curl_lazy.c: libcurl is not loaded until the network is used, then
 * every kind of option (long, pointer, callback, curl_off_t) and info
 * reaches it intact. */
Test(curl_lazy, loaded_on_first_use_and_options_forwarded)
{
    CURL *h;
    long verify = 0;
    char *esc;

    cr_assert_eq(lm_global_init(), LM_OK);
    cr_assert(!curl_mapped(), "libcurl loaded before any network use");
    cr_assert_not_null(h = curl_easy_init());
    cr_assert(curl_mapped());
    cr_assert_eq(curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L), CURLE_OK);
    cr_assert_eq(curl_easy_setopt(h, CURLOPT_URL, "http://127.0.0.1:1/"), CURLE_OK);
    cr_assert_eq(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard), CURLE_OK);
    cr_assert_eq(curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)1 << 40), CURLE_OK);
    cr_assert_eq(curl_easy_setopt(h, (CURLoption)(CURLOPTTYPE_LONG + 9999), 1L),
                 CURLE_UNKNOWN_OPTION);
    cr_assert_eq(curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &verify), CURLE_OK);
    cr_assert_eq(verify, 0);
    cr_assert_eq(curl_easy_perform(h), CURLE_COULDNT_CONNECT);
    cr_assert_not_null(esc = curl_easy_escape(h, "a b&c", 0));
    cr_assert_str_eq(esc, "a%20b%26c");
    curl_free(esc);
    cr_assert_str_eq(curl_easy_strerror(CURLE_OK), "No error");
    curl_easy_cleanup(h);
    lm_global_cleanup();
}

Test(core, redact_api_key)
{
    char a[] = "GET http://x/efetch.fcgi?db=pubmed&api_key=fictional123&id=1 failed";
    char b[] = "redirect to /m?API_KEY=ab not followed; api_key=*** api_key= end";
    char c[] = "no key here, key=value";
    char d[256];

    lm_redact(a);
    cr_assert_str_eq(a, "GET http://x/efetch.fcgi?db=pubmed&api_key=***&id=1 failed");
    lm_redact(b);
    cr_assert_str_eq(b, "redirect to /m?API_KEY=** not followed; api_key=*** api_key= end");
    lm_redact(c);
    cr_assert_str_eq(c, "no key here, key=value");
    lm_redact(NULL);
    lm_msg_set(d, sizeof d, "%s: HTTP 400", "u?api_key=fictional\"x");
    cr_assert_str_eq(d, "u?api_key=***\"x: HTTP 400");
}

Test(core, utf8_valid)
{
    cr_assert(lm_utf8_valid(""));
    cr_assert(lm_utf8_valid(NULL));
    cr_assert(lm_utf8_valid("caf\xc3\xa9 \xce\xb1 \xe2\x89\xa4 \xf0\x9f\x98\x80"));
    cr_assert(!lm_utf8_valid("caf\xe9"));            /* Latin-1 */
    cr_assert(!lm_utf8_valid("\xc0\xaf"));           /* overlong '/' */
    cr_assert(!lm_utf8_valid("\xe0\x80\xaf"));       /* overlong */
    cr_assert(!lm_utf8_valid("\xed\xa0\x80"));       /* surrogate */
    cr_assert(!lm_utf8_valid("\xf4\x90\x80\x80"));   /* above U+10FFFF */
    cr_assert(!lm_utf8_valid("\xe2\x89"));           /* cut short */
    cr_assert(!lm_utf8_valid("\xff\xfe"));
}

Test(core, utf8_next)
{
    static const struct { const char *s; size_t len; unsigned cp; } t[] = {
        { "z", 1, 'z' }, { "\xc3\xa9", 2, 0xe9 }, { "\xe2\x89\xa4", 3, 0x2264 },
        { "\xf0\x9f\x98\x80", 4, 0x1f600 }, { "\xc0\xaf", 0, 7 }, { "\xed\xa0\x80", 0, 7 },
        { "\xe2\x89", 0, 7 }, { "\xff", 0, 7 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned cp = 7;     /* left as it was when the byte is invalid */
        cr_assert_eq(lm_utf8_next(t[i].s, &cp), t[i].len, "%zu", i);
        cr_assert_eq(cp, t[i].cp, "%zu", i);
    }
}
