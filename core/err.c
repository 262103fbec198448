/* Error codes: messages and the exit statuses DESIGN.md promises. */
#include <litmine/core.h>

/* A switch with a case per code and no default (as curl's strerror): with
 * -Wall a new code without a message breaks the build, a table would not. */
const char *lm_strerror(lm_err e)
{
    switch (e) {
    case LM_OK:           return "no error";
    case LM_EOF:          return "end of input";
    case LM_ERR_NOMEM:    return "out of memory";
    case LM_ERR_USAGE:    return "bad argument";
    case LM_ERR_IO:       return "input/output error";
    case LM_ERR_GZIP:     return "corrupt or truncated gzip data";
    case LM_ERR_XML:      return "malformed XML";
    case LM_ERR_FORMAT:   return "unexpected input format";
    case LM_ERR_TOO_BIG:  return "input exceeds a safety limit";
    case LM_ERR_QUERY:    return "invalid search query";
    case LM_ERR_NOTFOUND: return "not found";
    case LM_ERR_DB:       return "database error";
    case LM_ERR_DB_BUSY:  return "database is locked";
    case LM_ERR_SCHEMA:   return "database schema is newer than this litmine";
    case LM_ERR_HTTP:     return "HTTP error";
    case LM_ERR_NET:      return "network error";
    case LM_ERR_LOCKED:   return "another run holds the lock";
    case LM_ERR_REGEX:    return "rule failed to compile";
    }
    return "unknown error";
}

int lm_err_exit_code(lm_err e)
{
    switch (e) {
    case LM_OK:
    case LM_EOF:
        return 0;
    case LM_ERR_USAGE:
        return 1;
    case LM_ERR_IO:
    case LM_ERR_GZIP:
    case LM_ERR_XML:
    case LM_ERR_FORMAT:
    case LM_ERR_TOO_BIG:
    case LM_ERR_QUERY:
    case LM_ERR_NOTFOUND:
        return 2;
    case LM_ERR_HTTP:
    case LM_ERR_NET:
        return 3;
    case LM_ERR_DB:
    case LM_ERR_DB_BUSY:
    case LM_ERR_SCHEMA:
    case LM_ERR_NOMEM:
    case LM_ERR_REGEX:
        return 4;
    case LM_ERR_LOCKED:
        return 5;
    }
    return 4;
}
