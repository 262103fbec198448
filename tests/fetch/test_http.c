/* fetch/http.c: the rate limiter (arithmetic only: no test measures time),
 * backoff with jitter, and URL checks. */
#include <criterion/criterion.h>
#include "fetch/fetch_int.h"

/* Sends as early as the limiter allows, from t = 0; returns the send times. */
static void schedule(fetch_limiter *l, double *t, int n)
{
    double now = 0;
    int i;

    for (i = 0; i < n; i++) {
        now += fetch_limiter_delay(l, now);
        t[i] = now;
        fetch_limiter_note(l, now);
    }
}

static int max_in_window(const double *t, int n, double w)
{
    int i, j, best = 0;

    for (i = 0; i < n; i++) {
        for (j = i; j < n && t[j] < t[i] + w; j++)
            ;
        if (j - i > best)
            best = j - i;
    }
    return best;
}

Test(limiter, three_per_second)
{
    fetch_limiter l;
    double t[300];

    cr_assert_eq(fetch_limiter_init(&l, 3, 1.03), LM_OK);
    schedule(&l, t, 300);
    cr_assert_eq(max_in_window(t, 300, 1.0), 3);
    /* and it does not crawl: 300 requests in about 100 windows */
    cr_assert_lt(t[299], 100 * 1.03 + 0.01);
    cr_assert_gt(t[299], 99 * 1.03 - 0.01);
    fetch_limiter_free(&l);
}

Test(limiter, ten_per_second_with_a_key)
{
    fetch_limiter l;
    double t[500];

    cr_assert_eq(fetch_limiter_init(&l, 10, 1.03), LM_OK);
    schedule(&l, t, 500);
    cr_assert_eq(max_in_window(t, 500, 1.0), 10);
    fetch_limiter_free(&l);
}

Test(limiter, slow_client_never_waits)
{
    fetch_limiter l;

    cr_assert_eq(fetch_limiter_init(&l, 3, 1.0), LM_OK);
    fetch_limiter_note(&l, 0);
    fetch_limiter_note(&l, 2);
    fetch_limiter_note(&l, 4);
    cr_assert_eq(fetch_limiter_delay(&l, 6), 0);
    cr_assert_float_eq(fetch_limiter_delay(&l, 4.5), 0.0, 1e-9);
    fetch_limiter_note(&l, 4.5);
    fetch_limiter_note(&l, 4.6);
    /* the oldest of the last three (4.0) opens the window at 5.0 */
    cr_assert_float_eq(fetch_limiter_delay(&l, 4.7), 0.3, 1e-9);
    fetch_limiter_free(&l);
}

Test(limiter, unlimited)
{
    fetch_limiter l;

    cr_assert_eq(fetch_limiter_init(&l, 0, 1.0), LM_OK);
    fetch_limiter_note(&l, 0);
    cr_assert_eq(fetch_limiter_delay(&l, 0), 0);
    fetch_limiter_free(&l);
}

Test(backoff, doubles_within_jitter_and_caps)
{
    uint64_t rng = 7;
    int a, i;

    for (i = 0; i < 200; i++)
        for (a = 1; a <= 10; a++) {
            double want = 0.5;
            double d;
            int k;

            for (k = 1; k < a; k++)
                want *= 2;
            if (want > 8)
                want = 8;
            d = fetch_backoff(0.5, 8, a, &rng);
            cr_assert_geq(d, want * 0.5, "attempt %d: %g", a, d);
            cr_assert_lt(d, want, "attempt %d: %g", a, d);
        }
}

Test(backoff, jitter_spreads)
{
    uint64_t rng = 99;
    double lo = 1e9, hi = 0, d;
    int i;

    for (i = 0; i < 1000; i++) {
        d = fetch_backoff(1, 60, 1, &rng);
        lo = d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    cr_assert_lt(lo, 0.55);
    cr_assert_gt(hi, 0.95);
}

Test(url, loopback_and_scheme)
{
    cr_assert(lm_url_is_loopback("http://127.0.0.1:8080/"));
    cr_assert(lm_url_is_loopback("http://localhost/eutils/"));
    cr_assert(lm_url_is_loopback("https://[::1]:9/"));
    cr_assert(!lm_url_is_loopback("http://127.0.0.1.evil.example/"));
    cr_assert(!lm_url_is_loopback("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"));
    cr_assert(!lm_url_is_loopback("ftp://127.0.0.1/"));
    /* every spelling of this host, as curl's URL parser reads it */
    cr_assert(lm_url_is_loopback("http://127.0.0.2/"));
    cr_assert(lm_url_is_loopback("http://127.255.1.9:81/x"));
    cr_assert(lm_url_is_loopback("http://user@127.0.0.1/"));
    cr_assert(lm_url_is_loopback("http://u:p@127.0.0.3:9/"));
    cr_assert(lm_url_is_loopback("http://[::ffff:127.0.0.1]/"));
    cr_assert(lm_url_is_loopback("http://[::ffff:7f00:1]/"));
    cr_assert(lm_url_is_loopback("http://0.0.0.0:8080/"));
    cr_assert(lm_url_is_loopback("http://[::]/"));
    cr_assert(lm_url_is_loopback("http://LOCALHOST./"));
    cr_assert(lm_url_is_loopback("http://a.localhost/"));
    /* userinfo that looks like a host is not the host */
    cr_assert(!lm_url_is_loopback("http://127.0.0.1@192.0.2.1/"));
    cr_assert(!lm_url_is_loopback("http://127.0.0.1:80@192.0.2.1/"));
    cr_assert(!lm_url_is_loopback("http://localhost@example.org/"));
    cr_assert(!lm_url_is_loopback("http://localhost.example.org/"));
    cr_assert(fetch_url_is_http("HTTPS://x/"));
    cr_assert(!fetch_url_is_http("file:///etc/passwd"));
}

Test(url, address_kinds)
{
    static const struct { const char *ip; int kind; } t[] = {
        { "127.0.0.1", LM_ADDR_LOOPBACK }, { "127.9.9.9", LM_ADDR_LOOPBACK },
        { "::1", LM_ADDR_LOOPBACK }, { "[::1]", LM_ADDR_LOOPBACK },
        { "0.0.0.0", LM_ADDR_LOOPBACK }, { "::", LM_ADDR_LOOPBACK },
        { "::ffff:127.0.0.1", LM_ADDR_LOOPBACK }, { "::ffff:7f00:1", LM_ADDR_LOOPBACK },
        { "64:ff9b::7f00:1", LM_ADDR_LOOPBACK },
        { "10.1.2.3", LM_ADDR_PRIVATE }, { "172.16.0.1", LM_ADDR_PRIVATE },
        { "172.31.255.255", LM_ADDR_PRIVATE }, { "192.168.1.1", LM_ADDR_PRIVATE },
        { "100.64.0.1", LM_ADDR_PRIVATE }, { "fc00::1", LM_ADDR_PRIVATE },
        { "fd12:3456::1", LM_ADDR_PRIVATE }, { "::ffff:10.0.0.1", LM_ADDR_PRIVATE },
        { "169.254.169.254", LM_ADDR_LINK_LOCAL }, { "fe80::1", LM_ADDR_LINK_LOCAL },
        { "febf::1", LM_ADDR_LINK_LOCAL }, { "::ffff:a9fe:a9fe", LM_ADDR_LINK_LOCAL },
        { "224.0.0.1", LM_ADDR_RESERVED }, { "255.255.255.255", LM_ADDR_RESERVED },
        { "ff02::1", LM_ADDR_RESERVED },
        { "172.15.0.1", LM_ADDR_PUBLIC }, { "172.32.0.1", LM_ADDR_PUBLIC },
        { "192.0.2.1", LM_ADDR_PUBLIC }, { "2001:db8::1", LM_ADDR_PUBLIC },
        { "fec0::1", LM_ADDR_PUBLIC },
        { "example.org", -1 }, { "", -1 }, { "1.2.3", -1 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_expect_eq(lm_ip_kind(t[i].ip), t[i].kind, "%s: %d, wanted %d", t[i].ip,
                     lm_ip_kind(t[i].ip), t[i].kind);
    cr_assert_eq(lm_url_host_kind("http://10.0.0.1/x"), LM_ADDR_PRIVATE);
    cr_assert_eq(lm_url_host_kind("http://x@169.254.169.254/latest"), LM_ADDR_LINK_LOCAL);
    cr_assert_eq(lm_url_host_kind("https://[fe80::1]:8443/"), LM_ADDR_LINK_LOCAL);
    cr_assert_eq(lm_url_host_kind("http://example.org/"), LM_ADDR_PUBLIC);
    cr_assert_eq(lm_url_host_kind("file:///etc/passwd"), -1);
    cr_assert_eq(lm_url_host_kind("http://[::1/"), -1);
}

/* The connect-time guard refuses by the address, before the socket opens:
 * a guard that allows only public addresses never reaches 127.0.0.1 (no
 * server is needed, nothing is sent). */
Test(url, guard_refuses_before_connecting)
{
    lm_net_guard g = { 1u << LM_ADDR_PUBLIC, -1, "" };
    CURL *c = curl_easy_init();

    cr_assert_not_null(c);
    cr_assert_eq(lm_net_guard_install(c, &g), 0);
    curl_easy_setopt(c, CURLOPT_URL, "http://127.0.0.1:9/");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
    cr_assert_eq(curl_easy_perform(c), CURLE_COULDNT_CONNECT);
    cr_assert_eq(g.refused_kind, LM_ADDR_LOOPBACK);
    cr_assert_str_eq(g.refused, "127.0.0.1");
    curl_easy_cleanup(c);
}
