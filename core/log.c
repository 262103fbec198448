/* Logging: one level and one sink, the only mutable globals in the library.
 * The default sink drops messages: library code never prints. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <litmine/core.h>

static lm_log_level log_level = LM_LOG_WARN;
static lm_log_sink log_sink;
static void *log_ud;

void lm_log_set_level(lm_log_level lvl) { log_level = lvl; }
lm_log_level lm_log_get_level(void) { return log_level; }

void lm_log_set_sink(lm_log_sink sink, void *ud)
{
    log_sink = sink;
    log_ud = ud;
}

void lm_log(lm_log_level lvl, const char *func, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;

    if (lvl > log_level || lvl == LM_LOG_OFF || !log_sink)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lm_redact(msg);
    log_sink(lvl, func, msg, log_ud);
}

void lm_msg_set(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;

    if (!dst || cap == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(dst, cap, fmt, ap);
    va_end(ap);
    lm_redact(dst);
}

void lm_redact(char *s)
{
    static const char key[] = "api_key=";
    const size_t klen = sizeof key - 1;
    char *p, *v, *e;

    if (!s)
        return;
    for (p = s; (p = strchr(p, '=')); p++) {
        if ((size_t)(p - s) + 1 < klen || strncasecmp(p + 1 - klen, key, klen))
            continue;
        v = p + 1;
        e = v + strcspn(v, "& \t\r\n\"'<>");
        if (e == v || (e - v == 3 && !memcmp(v, "***", 3)))
            continue;
        /* "***" is never longer than a value of 3+ bytes; a shorter value
         * is masked with as many stars. */
        if (e - v >= 3) {
            memcpy(v, "***", 3);
            memmove(v + 3, e, strlen(e) + 1);
        } else {
            memset(v, '*', (size_t)(e - v));
        }
    }
}
