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
    cr_assert(fetch_url_is_http("HTTPS://x/"));
    cr_assert(!fetch_url_is_http("file:///etc/passwd"));
}
