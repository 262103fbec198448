/// @file litmine/core.h
/// Errors, logging, growable buffers and global setup: the only pieces every
/// stage of litmine shares.
#ifndef LITMINE_CORE_H
#define LITMINE_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LM_API __attribute__((visibility("default")))
#define LM_MUST_CHECK __attribute__((warn_unused_result))
#define LM_PRINTF(a, b) __attribute__((format(printf, a, b)))

#define LM_VERSION "0.1.0"

/// Every fallible litmine call returns one of these.  Programs branch on the
/// code; people read the message kept on the handle that failed.
typedef enum lm_err {
    LM_OK = 0,
    LM_EOF,             ///< end of a stream: not an error
    LM_ERR_NOMEM,       ///< allocation failed
    LM_ERR_USAGE,       ///< bad argument from the caller
    LM_ERR_IO,          ///< cannot open/read/write a file
    LM_ERR_GZIP,        ///< corrupt or truncated gzip data
    LM_ERR_XML,         ///< malformed XML
    LM_ERR_FORMAT,      ///< well-formed input that is not what was expected
    LM_ERR_TOO_BIG,     ///< an input exceeds a safety limit
    LM_ERR_QUERY,       ///< a search query the engine rejects
    LM_ERR_NOTFOUND,    ///< the asked-for record does not exist
    LM_ERR_DB,          ///< database error (corrupt, full disk, read-only)
    LM_ERR_DB_BUSY,     ///< database locked by another process
    LM_ERR_SCHEMA,      ///< database written by a newer litmine
    LM_ERR_HTTP,        ///< HTTP error status after all retries
    LM_ERR_NET,         ///< network failure after all retries
    LM_ERR_LOCKED,      ///< another run holds the lock
    LM_ERR_REGEX        ///< a rule failed to compile
} lm_err;

/// Static, human-readable description of an error code.
LM_API const char *lm_strerror(lm_err e);

/// Exit status the `litmine` command uses for an error code (DESIGN.md):
/// 0 ok, 1 usage, 2 bad input, 3 network, 4 corpus, 5 locked.
LM_API int lm_err_exit_code(lm_err e);

/// One-time setup of libxml2 (and later libcurl).  Call once before any
/// other litmine function; lm_global_cleanup() undoes it.
LM_API lm_err lm_global_init(void);
LM_API void lm_global_cleanup(void);

/* ---- logging ---------------------------------------------------------- */

typedef enum lm_log_level {
    LM_LOG_OFF = 0, LM_LOG_ERROR, LM_LOG_WARN, LM_LOG_INFO, LM_LOG_DEBUG
} lm_log_level;

/// Where log lines go.  The default sink drops everything: library code never
/// prints; the CLI installs a sink that writes to stderr.
typedef void (*lm_log_sink)(lm_log_level lvl, const char *func,
                            const char *msg, void *ud);

LM_API void lm_log_set_level(lm_log_level lvl);
LM_API lm_log_level lm_log_get_level(void);
LM_API void lm_log_set_sink(lm_log_sink sink, void *ud);
LM_API void lm_log(lm_log_level lvl, const char *func, const char *fmt, ...)
    LM_PRINTF(3, 4);

#define lm_log_error(...) lm_log(LM_LOG_ERROR, __func__, __VA_ARGS__)
#define lm_log_warn(...)  lm_log(LM_LOG_WARN, __func__, __VA_ARGS__)
#define lm_log_info(...)  lm_log(LM_LOG_INFO, __func__, __VA_ARGS__)
#define lm_log_debug(...) lm_log(LM_LOG_DEBUG, __func__, __VA_ARGS__)

/* ---- growable buffer -------------------------------------------------- */

/// A growable byte string, always NUL-terminated once anything was added.
/// Zero-initialise (`lm_buf b = {0};`) before use; lm_buf_free() releases it.
typedef struct lm_buf {
    char *s;        ///< contents; NULL until the first append
    size_t len;     ///< bytes used, not counting the terminating NUL
    size_t cap;     ///< bytes allocated
} lm_buf;

LM_API LM_MUST_CHECK lm_err lm_buf_append(lm_buf *b, const char *s, size_t n);
LM_API LM_MUST_CHECK lm_err lm_buf_puts(lm_buf *b, const char *s);
LM_API LM_MUST_CHECK lm_err lm_buf_printf(lm_buf *b, const char *fmt, ...)
    LM_PRINTF(2, 3);
LM_API LM_MUST_CHECK lm_err lm_buf_reserve(lm_buf *b, size_t extra);
/// Empties the buffer but keeps its memory for reuse.
LM_API void lm_buf_clear(lm_buf *b);
LM_API void lm_buf_free(lm_buf *b);
/// The contents as a C string; "" when nothing was ever appended.
static inline const char *lm_buf_str(const lm_buf *b) { return b->s ? b->s : ""; }

/// Makes room for one more element in the array at *@p arr (a pointer to
/// the array pointer) that holds @p n elements of @p size bytes within
/// *@p cap: when full, the capacity doubles (starting at @p first).  The
/// array is unchanged on LM_ERR_NOMEM.  New slots are not initialised.
LM_API LM_MUST_CHECK lm_err lm_grow(void *arr, size_t *cap, size_t n, size_t size,
                                    size_t first);

/// Hex MD5 of a whole file, streamed (OpenSSL EVP).  @p hex gets 32 hex
/// digits and a NUL.  LM_ERR_IO when the file cannot be read.
LM_API LM_MUST_CHECK lm_err lm_md5_file(const char *path, char hex[33]);

/// Formats into a fixed message buffer (handles keep their last message in one).
/// 1 when the NUL-terminated @p s is valid UTF-8 (no overlong forms, no
/// surrogates, nothing above U+10FFFF), else 0.  NULL is valid (empty).
LM_API int lm_utf8_valid(const char *s);
/// Decodes the character at @p s (not at its NUL): *cp gets its code point
/// and the result is its length in bytes, 0 for a byte that starts no valid
/// UTF-8 character (by lm_utf8_valid()'s rules; *cp is then untouched).
LM_API size_t lm_utf8_next(const char *s, unsigned *cp);

/// Masks secrets in @p s in place: the value of every "api_key=" (any case,
/// up to '&', white space, a quote or '>') becomes "***".  lm_msg_set() and
/// lm_log() apply it to every message, so an NCBI API key in a URL never
/// reaches a message, a log line or a JSON summary.  NULL is a no-op.
LM_API void lm_redact(char *s);

LM_API void lm_msg_set(char *dst, size_t cap, const char *fmt, ...) LM_PRINTF(3, 4);

#ifdef __cplusplus
}
#endif
#endif
