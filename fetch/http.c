/* The HTTP side of fetch: one reused curl handle (keep-alive), the rate
 * limiter every request goes through, backoff with jitter, and the
 * classification of what an attempt gave (retry or give up). */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include "fetch/fetch_int.h"

#ifndef LM_VERSION_STRING
#define LM_VERSION_STRING LM_VERSION
#endif

double fetch_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void fetch_sleep(double sec)
{
    struct timespec ts;

    if (sec <= 0)
        return;
    ts.tv_sec = (time_t)sec;
    ts.tv_nsec = (long)((sec - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

/* ---- limiter ------------------------------------------------------------ */

lm_err fetch_limiter_init(fetch_limiter *l, int n, double window)
{
    memset(l, 0, sizeof *l);
    if (n <= 0)
        return LM_OK;
    if (!(l->stamps = calloc((size_t)n, sizeof *l->stamps)))
        return LM_ERR_NOMEM;
    l->n = n;
    l->window = window;
    return LM_OK;
}

void fetch_limiter_free(fetch_limiter *l)
{
    free(l->stamps);
    l->stamps = NULL;
}

double fetch_limiter_delay(const fetch_limiter *l, double now)
{
    double oldest, wait;

    if (l->n <= 0 || l->used < l->n)
        return 0;
    /* The n-th most recent send: the next one may go a window after it. */
    oldest = l->stamps[l->head];
    wait = oldest + l->window - now;
    return wait > 0 ? wait : 0;
}

void fetch_limiter_note(fetch_limiter *l, double now)
{
    if (l->n <= 0)
        return;
    l->stamps[l->head] = now;
    l->head = (l->head + 1) % l->n;
    if (l->used < l->n)
        l->used++;
}

/* ---- backoff ------------------------------------------------------------ */

uint64_t fetch_rand(uint64_t *state)
{
    uint64_t x = *state ? *state : 0x9E3779B97F4A7C15ull;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

double fetch_backoff(double base, double max, int attempt, uint64_t *rng)
{
    double d = base, jitter;
    int i;

    for (i = 1; i < attempt && d < max; i++)
        d *= 2;
    if (d > max)
        d = max;
    /* "Equal jitter": at least half the delay, so retries stay spaced, and
     * a random other half, so clients that failed together come back apart. */
    jitter = (double)(fetch_rand(rng) >> 11) / 9007199254740992.0;
    return d * (0.5 + 0.5 * jitter);
}

/* ---- URLs --------------------------------------------------------------- */

int fetch_url_is_http(const char *url)
{
    return !strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8);
}

static int v4_kind(const unsigned char *a)
{
    if (a[0] == 127 || a[0] == 0)
        return LM_ADDR_LOOPBACK;   /* 0.0.0.0 connects to this host on Linux */
    if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168)
        || (a[0] == 100 && (a[1] & 0xc0) == 64))
        return LM_ADDR_PRIVATE;
    if (a[0] == 169 && a[1] == 254)
        return LM_ADDR_LINK_LOCAL;
    if (a[0] >= 224)
        return LM_ADDR_RESERVED;
    return LM_ADDR_PUBLIC;
}

static int v6_kind(const unsigned char *a)
{
    static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b };
    static const unsigned char zero[12] = { 0 };

    /* ::ffff:a.b.c.d, ::a.b.c.d (deprecated "compatible") and 64:ff9b::a.b.c.d
     * reach the IPv4 address they carry; :: and ::1 fall in the second. */
    if (!memcmp(a, mapped, 12) || !memcmp(a, nat64, 12))
        return v4_kind(a + 12);
    if (!memcmp(a, zero, 12)) {
        if (!a[12] && !a[13] && !a[14] && a[15] <= 1)
            return LM_ADDR_LOOPBACK;
        return v4_kind(a + 12);
    }
    if ((a[0] & 0xfe) == 0xfc)
        return LM_ADDR_PRIVATE;
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
        return LM_ADDR_LINK_LOCAL;
    if (a[0] == 0xff)
        return LM_ADDR_RESERVED;
    return LM_ADDR_PUBLIC;
}

int lm_ip_kind(const char *ip)
{
    unsigned char a[16];
    char buf[INET6_ADDRSTRLEN + 2];
    size_t n;

    if (!ip)
        return -1;
    n = strlen(ip);
    if (n >= 2 && ip[0] == '[' && ip[n - 1] == ']') {
        if (n - 2 >= sizeof buf)
            return -1;
        memcpy(buf, ip + 1, n - 2);
        buf[n - 2] = '\0';
        ip = buf;
    }
    if (inet_pton(AF_INET, ip, a) == 1)
        return v4_kind(a);
    if (inet_pton(AF_INET6, ip, a) == 1)
        return v6_kind(a);
    return -1;
}

static int sockaddr_kind(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET)
        return v4_kind((const unsigned char *)&((const struct sockaddr_in *)(const void *)sa)
                       ->sin_addr);
    if (sa->sa_family == AF_INET6)
        return v6_kind(((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr);
    return LM_ADDR_RESERVED;    /* no other family is an http(s) peer */
}

int lm_url_host_kind(const char *url)
{
    CURLU *u;
    char *host = NULL, *scheme = NULL;
    int kind = -1;
    size_t n;

    if (!url || !fetch_url_is_http(url) || !(u = curl_url()))
        return -1;
    if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK
        && curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK
        && (!strcasecmp(scheme, "http") || !strcasecmp(scheme, "https"))
        && curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
        n = strlen(host);
        while (n && host[n - 1] == '.')     /* "localhost." is localhost */
            host[--n] = '\0';
        if ((kind = lm_ip_kind(host)) < 0) {
            /* RFC 6761: localhost and *.localhost are this host (curl
             * resolves them so without asking DNS). */
            kind = !strcasecmp(host, "localhost")
                   || (n > 10 && !strcasecmp(host + n - 10, ".localhost"))
                   ? LM_ADDR_LOOPBACK : LM_ADDR_PUBLIC;
        }
    }
    curl_free(host);
    curl_free(scheme);
    curl_url_cleanup(u);
    return kind;
}

const char *lm_addr_kind_name(int kind)
{
    switch ((lm_addr_kind)kind) {
    case LM_ADDR_PUBLIC:     return "public";
    case LM_ADDR_LOOPBACK:   return "loopback";
    case LM_ADDR_PRIVATE:    return "private";
    case LM_ADDR_LINK_LOCAL: return "link-local";
    case LM_ADDR_RESERVED:   return "reserved";
    }
    return "unknown";
}

static curl_socket_t guard_open(void *ud, curlsocktype purpose, struct curl_sockaddr *a)
{
    lm_net_guard *g = ud;
    int kind = sockaddr_kind(&a->addr);
    const void *bytes = a->family == AF_INET6
        ? (const void *)&((const struct sockaddr_in6 *)(const void *)&a->addr)->sin6_addr
        : (const void *)&((const struct sockaddr_in *)(const void *)&a->addr)->sin_addr;

    (void)purpose;
    if (!(g->allowed & (1u << kind))) {
        g->refused_kind = kind;
        if (!inet_ntop(a->family, bytes, g->refused, sizeof g->refused))
            snprintf(g->refused, sizeof g->refused, "?");
        return CURL_SOCKET_BAD;
    }
    return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

int lm_net_guard_install(void *curl, lm_net_guard *g)
{
    g->refused_kind = -1;
    g->refused[0] = '\0';
    if (curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, guard_open) != CURLE_OK
        || curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, g) != CURLE_OK)
        return -1;
    return 0;
}

int lm_url_is_loopback(const char *url)
{
    return lm_url_host_kind(url) == LM_ADDR_LOOPBACK;
}

/* ---- transport ---------------------------------------------------------- */

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
    fetch_http *h = ud;
    size_t n = size * nmemb;

    /* Decoded bytes are counted, so a gzip bomb hits the cap too. */
    if ((uint64_t)h->body.len + n > h->max_body) {
        h->over_limit = 1;
        return 0;
    }
    if (lm_buf_append(&h->body, p, n) != LM_OK)
        return 0;
    return n;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ud)
{
    fetch_http *h = ud;
    size_t n = size * nmemb;

    (void)p;
    h->header_bytes += n;
    if (h->header_bytes > FETCH_MAX_HEADER) {
        h->over_limit = 2;
        return 0;
    }
    return n;
}

lm_err fetch_http_init(fetch_http *h, long timeout, uint64_t max_body,
                       int rate_n, double window)
{
    memset(h, 0, sizeof *h);
    h->timeout = timeout;
    h->max_body = max_body;
    if (fetch_limiter_init(&h->lim, rate_n, window) != LM_OK)
        return LM_ERR_NOMEM;
    if (!(h->curl = curl_easy_init())) {
        fetch_limiter_free(&h->lim);
        return LM_ERR_NOMEM;
    }
    return LM_OK;
}

void fetch_http_free(fetch_http *h)
{
    if (h->curl)
        curl_easy_cleanup(h->curl);
    h->curl = NULL;
    lm_buf_free(&h->body);
    fetch_limiter_free(&h->lim);
}

static void setup(fetch_http *h, const char *url, const char *post)
{
    CURL *c = h->curl;

    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    /* Redirects are never followed: E-utilities do not redirect, and a
     * loopback test server must not be able to send us anywhere else. */
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "litmine/" LM_VERSION_STRING);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    /* One connection per request.  On a reused connection that the server
     * closes without a reply, libcurl silently sends the request again: a
     * request the rate limiter never saw, and one NCBI counts against us. */
    curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, h->timeout);
    /* A stalled transfer (under 1 byte/s for a minute) is a timeout long
     * before the whole-request limit. */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, h->timeout < 60 ? h->timeout : 60L);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->max_body);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, h);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
    /* A URL that names a loopback host (the replay server, exempt from the
     * rate limit) must also connect to one: decided on the address. */
    if (lm_url_is_loopback(url)) {
        h->guard.allowed = 1u << LM_ADDR_LOOPBACK;
        (void)lm_net_guard_install(c, &h->guard);
    } else {
        h->guard.refused_kind = -1;
    }
    if (post) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, post);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(post));
    }
}

static fetch_outcome classify_curl(fetch_http *h, CURLcode cc, char *msg, size_t msgcap)
{
    const char *why = h->errbuf[0] ? h->errbuf : curl_easy_strerror(cc);

    if (h->guard.refused_kind >= 0) {
        lm_msg_set(msg, msgcap, "connection to %s (%s) refused: the URL names a loopback host",
                   h->guard.refused, lm_addr_kind_name(h->guard.refused_kind));
        return FO_FATAL;
    }

    if (h->over_limit || cc == CURLE_FILESIZE_EXCEEDED) {
        if (h->over_limit == 2)
            lm_msg_set(msg, msgcap, "response headers exceed %u bytes", FETCH_MAX_HEADER);
        else
            lm_msg_set(msg, msgcap, "response exceeds %llu bytes",
                       (unsigned long long)h->max_body);
        return FO_FATAL;
    }
    switch (cc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
        lm_msg_set(msg, msgcap, "%s", why);
        return FO_RETRY;
    default:
        lm_msg_set(msg, msgcap, "%s", why);
        return FO_FATAL;
    }
}

fetch_outcome fetch_http_once(fetch_http *h, const char *url, const char *post,
                              char *msg, size_t msgcap)
{
    CURLcode cc;
    curl_off_t pre = 0;
    double now = fetch_now(), wait;

    if ((wait = fetch_limiter_delay(&h->lim, now)) > 0) {
        fetch_sleep(wait);
        now = fetch_now();
    }
    lm_buf_clear(&h->body);
    h->header_bytes = 0;
    h->over_limit = 0;
    h->status = 0;
    h->errbuf[0] = '\0';
    setup(h, url, post);
    h->requests++;
    cc = curl_easy_perform(h->curl);
    /* The request counts from when it went out, after the connection was
     * made: connect times vary, and the server sees the request, not the
     * connect. */
    if (curl_easy_getinfo(h->curl, CURLINFO_PRETRANSFER_TIME_T, &pre) != CURLE_OK || pre < 0)
        pre = 0;
    fetch_limiter_note(&h->lim, now + (double)pre / 1e6);
    h->bytes += h->body.len;
    if (cc != CURLE_OK)
        return classify_curl(h, cc, msg, msgcap);
    curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &h->status);
    if (h->status == 200)
        return FO_OK;
    if (h->status == 429 || (h->status >= 500 && h->status <= 504)) {
        lm_msg_set(msg, msgcap, "HTTP %ld", h->status);
        return FO_RETRY;
    }
    if (h->status >= 300 && h->status < 400) {
        char *loc = NULL;

        curl_easy_getinfo(h->curl, CURLINFO_REDIRECT_URL, &loc);
        lm_msg_set(msg, msgcap, "HTTP %ld redirect to %s not followed", h->status,
                   loc ? loc : "?");
        return FO_FATAL;
    }
    lm_msg_set(msg, msgcap, "HTTP %ld", h->status);
    return FO_FATAL;
}
