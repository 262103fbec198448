/* Fetching an article by URL with libcurl: http and https only, TLS peers
 * verified, at most 5 redirects followed one by one (none that crosses
 * between a loopback and any other host: a public page may not send
 * litmine to a local service, nor a local test server send it out; private
 * and link-local targets only with LM_DOC_ALLOW_PRIVATE), decided by curl's
 * URL parser and, at connect time, by the address actually connected, the
 * headers capped at 64 KiB and the body at LM_CHECK_MAX_INPUT, and two
 * retries with a short pause when the network fails (not on an HTTP error
 * status, which will not change on retry). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <curl/curl.h>
#include <litmine/fetch.h>
#include "reconcile/reconcile_int.h"

#define MAX_HEADER (64u << 10)
#define MAX_REDIRECTS 5

struct sink {
    lm_buf *b;
    size_t header_bytes;
    int too_big, nomem, big_header;
};

static size_t on_data(char *p, size_t size, size_t nmemb, void *ud)
{
    struct sink *s = ud;
    size_t n = size * nmemb;

    if (s->b->len + n > LM_CHECK_MAX_INPUT) {
        s->too_big = 1;
        return 0;
    }
    if (lm_buf_append(s->b, p, n) != LM_OK) {
        s->nomem = 1;
        return 0;
    }
    return n;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ud)
{
    struct sink *s = ud;
    size_t n = size * nmemb;

    (void)p;
    s->header_bytes += n;
    if (s->header_bytes > MAX_HEADER) {
        s->big_header = 1;
        return 0;
    }
    return n;
}

/* One GET of @url (no redirect followed), retried on network failures
 * (not when the guard refused the address: that will not change). */
static CURLcode get_once(CURL *h, const char *url, struct sink *s, char *errbuf,
                         const lm_net_guard *g)
{
    CURLcode cc = CURLE_OK;
    int attempt;

    for (attempt = 0; attempt < 3; attempt++) {
        errbuf[0] = '\0';
        lm_buf_clear(s->b);
        s->header_bytes = 0;
        curl_easy_setopt(h, CURLOPT_URL, url);
        cc = curl_easy_perform(h);
        if (cc == CURLE_OK || s->too_big || s->nomem || s->big_header || g->refused_kind >= 0)
            break;
        if (cc != CURLE_COULDNT_CONNECT && cc != CURLE_OPERATION_TIMEDOUT
            && cc != CURLE_RECV_ERROR && cc != CURLE_SEND_ERROR
            && cc != CURLE_GOT_NOTHING && cc != CURLE_COULDNT_RESOLVE_HOST)
            break;
        if (attempt < 2)
            usleep(200000u << attempt);
    }
    return cc;
}

/* The kinds of address a check of @url may reach: a loopback URL (a test
 * server) stays on loopback; any other reaches public addresses, and
 * private or link-local ones (cloud metadata at 169.254.169.254, the LAN)
 * only when the user allowed them.  Reserved (multicast...) never. */
static unsigned allowed_kinds(int start_kind, unsigned flags)
{
    if (start_kind == LM_ADDR_LOOPBACK)
        return 1u << LM_ADDR_LOOPBACK;
    return 1u << LM_ADDR_PUBLIC
           | (flags & LM_DOC_ALLOW_PRIVATE ? 1u << LM_ADDR_PRIVATE | 1u << LM_ADDR_LINK_LOCAL : 0);
}

/* NULL when @target (the URL given, or a redirect) may be fetched; else
 * why not.  Decided by curl's parse of the host; the guard then checks the
 * address the name resolves to. */
static const char *refuse_target(int start_kind, const char *target, unsigned allowed)
{
    int kind = lm_url_host_kind(target);

    if (kind < 0)
        return "it is not an http(s) URL";
    if (allowed & (1u << kind))
        return NULL;
    if (start_kind == LM_ADDR_LOOPBACK)
        return "it leaves loopback";
    if (kind == LM_ADDR_LOOPBACK)
        return "it leaves the public network";
    if (kind == LM_ADDR_PRIVATE || kind == LM_ADDR_LINK_LOCAL)
        return kind == LM_ADDR_PRIVATE
               ? "a private address; --allow-private allows it"
               : "a link-local address; --allow-private allows it";
    return "a reserved address";
}

lm_err rc_fetch_url(const char *url, unsigned flags, lm_buf *out, int *is_html, char *msg,
                    size_t cap)
{
    struct sink s = { out, 0, 0, 0, 0 };
    char errbuf[CURL_ERROR_SIZE];
    CURLcode cc = CURLE_OK;
    long status = 0;
    char *ctype = NULL, *here = NULL, *loc = NULL;
    lm_err rc = LM_OK;
    int hops;
    int start_kind = lm_url_host_kind(url);
    lm_net_guard g = { allowed_kinds(start_kind, flags), -1, "" };
    const char *why;
    CURL *h;

    /* Refused before any connection is attempted. */
    if ((why = refuse_target(start_kind, url, g.allowed))) {
        lm_msg_set(msg, cap, "%s: refused (%s)", url, why);
        return start_kind < 0 ? LM_ERR_USAGE : LM_ERR_NET;
    }
    if (!(h = curl_easy_init()) || !(here = strdup(url))) {
        curl_easy_cleanup(h);
        lm_msg_set(msg, cap, "%s: cannot start libcurl", url);
        return LM_ERR_NOMEM;
    }
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
    /* redirects are followed here, one at a time, so each is vetted */
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "litmine/" LM_VERSION);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &s);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    if (lm_net_guard_install(h, &g) != 0) {
        lm_msg_set(msg, cap, "%s: libcurl refuses the connection guard", url);
        rc = LM_ERR_NET;
        goto done;
    }
    for (hops = 0;; hops++) {
        cc = get_once(h, here, &s, errbuf, &g);
        if (cc != CURLE_OK || s.too_big || s.nomem || s.big_header)
            break;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        loc = NULL;
        if (status < 300 || status >= 400
            || curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &loc) != CURLE_OK || !loc)
            break;
        if (hops == MAX_REDIRECTS) {
            lm_msg_set(msg, cap, "%s: more than %d redirects", url, MAX_REDIRECTS);
            rc = LM_ERR_HTTP;
            goto done;
        }
        if ((why = refuse_target(start_kind, loc, g.allowed))) {
            lm_msg_set(msg, cap, "%s: redirect to %s refused (%s)", url, loc, why);
            rc = LM_ERR_NET;
            goto done;
        }
        free(here);
        if (!(here = strdup(loc))) {
            rc = LM_ERR_NOMEM;
            lm_msg_set(msg, cap, "%s: out of memory", url);
            goto done;
        }
    }
    if (s.nomem) {
        lm_msg_set(msg, cap, "%s: out of memory", url);
        rc = LM_ERR_NOMEM;
    } else if (s.too_big) {
        lm_msg_set(msg, cap, "%s: larger than %u MB", url, LM_CHECK_MAX_INPUT >> 20);
        rc = LM_ERR_TOO_BIG;
    } else if (s.big_header) {
        lm_msg_set(msg, cap, "%s: response headers exceed %u bytes", url, MAX_HEADER);
        rc = LM_ERR_NET;
    } else if (g.refused_kind >= 0) {
        lm_msg_set(msg, cap, "%s: connection to %s refused (%s address%s)", url, g.refused,
                   lm_addr_kind_name(g.refused_kind),
                   start_kind == LM_ADDR_LOOPBACK ? "; the URL names a loopback host"
                   : g.refused_kind == LM_ADDR_PRIVATE || g.refused_kind == LM_ADDR_LINK_LOCAL
                   ? "; --allow-private allows it" : "");
        rc = LM_ERR_NET;
    } else if (cc != CURLE_OK) {
        lm_msg_set(msg, cap, "%s: %s", url, errbuf[0] ? errbuf : curl_easy_strerror(cc));
        rc = LM_ERR_NET;
    } else if (status >= 300) {
        lm_msg_set(msg, cap, "%s: HTTP %ld", url, status);
        rc = LM_ERR_HTTP;
    } else if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ctype) == CURLE_OK && ctype) {
        if (strcasestr(ctype, "html"))
            *is_html = 1;
        else if (!strncasecmp(ctype, "text/plain", 10))
            *is_html = 0;
    }
done:
    free(here);
    curl_easy_cleanup(h);
    return rc;
}
