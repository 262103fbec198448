/* Fetching an article by URL with libcurl: http and https only, TLS peers
 * verified, redirects followed (at most 5), the body capped at
 * LM_CHECK_MAX_INPUT, and two retries with a short pause when the network
 * fails (not on an HTTP error status, which will not change on retry). */
#define _GNU_SOURCE
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <curl/curl.h>
#include "reconcile/reconcile_int.h"

struct sink {
    lm_buf *b;
    int too_big, nomem;
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

lm_err rc_fetch_url(const char *url, lm_buf *out, int *is_html, char *msg, size_t cap)
{
    struct sink s = { out, 0, 0 };
    char errbuf[CURL_ERROR_SIZE];
    CURLcode cc = CURLE_OK;
    long status = 0;
    char *ctype = NULL;
    int attempt;
    CURL *h = curl_easy_init();

    if (!h) {
        lm_msg_set(msg, cap, "%s: cannot start libcurl", url);
        return LM_ERR_NOMEM;
    }
    for (attempt = 0; attempt < 3; attempt++) {
        errbuf[0] = '\0';
        lm_buf_clear(out);
        curl_easy_setopt(h, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
        curl_easy_setopt(h, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
        curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
        curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
        curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(h, CURLOPT_USERAGENT, "litmine/" LM_VERSION);
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);
        curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
        cc = curl_easy_perform(h);
        if (cc == CURLE_OK || s.too_big || s.nomem)
            break;
        if (cc != CURLE_COULDNT_CONNECT && cc != CURLE_OPERATION_TIMEDOUT
            && cc != CURLE_RECV_ERROR && cc != CURLE_SEND_ERROR
            && cc != CURLE_GOT_NOTHING && cc != CURLE_COULDNT_RESOLVE_HOST)
            break;
        if (attempt < 2)
            usleep(200000u << attempt);
    }
    if (s.nomem) {
        curl_easy_cleanup(h);
        lm_msg_set(msg, cap, "%s: out of memory", url);
        return LM_ERR_NOMEM;
    }
    if (s.too_big) {
        curl_easy_cleanup(h);
        lm_msg_set(msg, cap, "%s: larger than %u MB", url, LM_CHECK_MAX_INPUT >> 20);
        return LM_ERR_TOO_BIG;
    }
    if (cc != CURLE_OK) {
        lm_msg_set(msg, cap, "%s: %s", url, errbuf[0] ? errbuf : curl_easy_strerror(cc));
        curl_easy_cleanup(h);
        return LM_ERR_NET;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 400) {
        lm_msg_set(msg, cap, "%s: HTTP %ld", url, status);
        curl_easy_cleanup(h);
        return LM_ERR_HTTP;
    }
    if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ctype) == CURLE_OK && ctype) {
        if (strcasestr(ctype, "html"))
            *is_html = 1;
        else if (!strncasecmp(ctype, "text/plain", 10))
            *is_html = 0;
    }
    curl_easy_cleanup(h);
    return LM_OK;
}
