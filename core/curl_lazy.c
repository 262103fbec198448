/* libcurl, loaded the first time the network is used.
 *
 * Linking libcurl makes every litmine command load it and the thirty-odd
 * libraries it depends on (TLS, LDAP, Kerberos, SSH, IDN, HTTP/2...): about
 * 17 ms of CPU at each start, measured, for `search` or `check FILE` that
 * never touch the network.  So litmine does not link it.  This file defines
 * the few libcurl functions that fetch/ and reconcile/url.c call; the first
 * call opens libcurl.so.4 with dlopen(), looks the real ones up and runs
 * curl_global_init() once (pthread_once: thread-safe).  Callers keep
 * including <curl/curl.h> and calling libcurl's API as documented.
 *
 * The two variadic calls are forwarded by the option's type, which libcurl
 * encodes in the option number (CURLOPTTYPE_*), exactly as libcurl itself
 * reads them; every CURLINFO argument is a pointer.
 *
 * When libcurl cannot be loaded, curl_easy_init() returns NULL (callers
 * report "cannot start libcurl") and the others return errors. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <curl/curl.h>
#include <litmine/core.h>
#include "core/core_int.h"

#define LIBCURL_SONAME "libcurl.so.4"

static struct {
    CURLcode (*global_init)(long);
    void (*global_cleanup)(void);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    const char *(*easy_strerror)(CURLcode);
    char *(*easy_escape)(CURL *, const char *, int);
    void (*free)(void *);
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *);
    CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
    CURLUcode (*url_get)(CURLU *, CURLUPart, char **, unsigned int);
} fn;
static void *lib;
static int ready;               /* every symbol found and global init done */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* dlsym() into a function pointer: the object pointer is copied, as ISO C
 * has no conversion between the two. */
#define FIND(field, name) \
    do { void *p_ = dlsym(lib, name); if (!p_) return; \
         memcpy(&fn.field, &p_, sizeof p_); } while (0)

static void load(void)
{
    if (!(lib = dlopen(LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL))) {
        lm_log(LM_LOG_DEBUG, __func__, "cannot load %s: %s", LIBCURL_SONAME, dlerror());
        return;
    }
    FIND(global_init, "curl_global_init");
    FIND(global_cleanup, "curl_global_cleanup");
    FIND(easy_init, "curl_easy_init");
    FIND(easy_cleanup, "curl_easy_cleanup");
    FIND(easy_reset, "curl_easy_reset");
    FIND(easy_perform, "curl_easy_perform");
    FIND(easy_setopt, "curl_easy_setopt");
    FIND(easy_getinfo, "curl_easy_getinfo");
    FIND(easy_strerror, "curl_easy_strerror");
    FIND(easy_escape, "curl_easy_escape");
    FIND(free, "curl_free");
    FIND(url, "curl_url");
    FIND(url_cleanup, "curl_url_cleanup");
    FIND(url_set, "curl_url_set");
    FIND(url_get, "curl_url_get");
    ready = fn.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

static int loaded(void)
{
    pthread_once(&once, load);
    return ready;
}

/* Called by lm_global_cleanup(): undoes the global init, if it was done. */
void lm_curl_unload(void)
{
    if (ready) {
        fn.global_cleanup();
        ready = 0;
    }
}

CURLcode curl_global_init(long flags)
{
    (void)flags;        /* done once, with the defaults, on loading */
    return loaded() ? CURLE_OK : CURLE_FAILED_INIT;
}

void curl_global_cleanup(void)
{
}

CURL *curl_easy_init(void)
{
    return loaded() ? fn.easy_init() : NULL;
}

void curl_easy_cleanup(CURL *h)
{
    if (h && ready)
        fn.easy_cleanup(h);
}

void curl_easy_reset(CURL *h)
{
    if (h && ready)
        fn.easy_reset(h);
}

CURLcode curl_easy_perform(CURL *h)
{
    return loaded() ? fn.easy_perform(h) : CURLE_FAILED_INIT;
}

#undef curl_easy_setopt
CURLcode curl_easy_setopt(CURL *h, CURLoption opt, ...)
{
    CURLcode rc;
    va_list ap;

    if (!loaded())
        return CURLE_FAILED_INIT;
    va_start(ap, opt);
    if (opt < CURLOPTTYPE_OBJECTPOINT) {
        long v = va_arg(ap, long);
        rc = fn.easy_setopt(h, opt, v);
    } else if (opt < CURLOPTTYPE_FUNCTIONPOINT || opt >= CURLOPTTYPE_BLOB) {
        void *v = va_arg(ap, void *);
        rc = fn.easy_setopt(h, opt, v);
    } else if (opt < CURLOPTTYPE_OFF_T) {
        void (*v)(void) = va_arg(ap, void (*)(void));
        rc = fn.easy_setopt(h, opt, v);
    } else {
        curl_off_t v = va_arg(ap, curl_off_t);
        rc = fn.easy_setopt(h, opt, v);
    }
    va_end(ap);
    return rc;
}

#undef curl_easy_getinfo
CURLcode curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
    CURLcode rc;
    va_list ap;
    void *p;

    if (!loaded())
        return CURLE_FAILED_INIT;
    va_start(ap, info);
    p = va_arg(ap, void *);
    va_end(ap);
    rc = fn.easy_getinfo(h, info, p);
    return rc;
}

const char *curl_easy_strerror(CURLcode cc)
{
    return loaded() ? fn.easy_strerror(cc) : "libcurl (" LIBCURL_SONAME ") cannot be loaded";
}

char *curl_easy_escape(CURL *h, const char *s, int len)
{
    return loaded() ? fn.easy_escape(h, s, len) : NULL;
}

void curl_free(void *p)
{
    if (p && ready)
        fn.free(p);
}

/* The URL parser: the redirect guard decides by the host curl itself will
 * connect to, never by comparing the URL's text. */
CURLU *curl_url(void)
{
    return loaded() ? fn.url() : NULL;
}

void curl_url_cleanup(CURLU *u)
{
    if (u && ready)
        fn.url_cleanup(u);
}

CURLUcode curl_url_set(CURLU *u, CURLUPart what, const char *part, unsigned int flags)
{
    return loaded() ? fn.url_set(u, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part, unsigned int flags)
{
    return loaded() ? fn.url_get(u, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}
