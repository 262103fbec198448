/* Internals of the fetch stage, shared by the fetch/ sources and its unit tests:
 * dates and range splitting (dates.c), reply parsing (parse.c), the rate
 * limiter, backoff and the HTTP transport (http.c). */
#ifndef LM_FETCH_INT_H
#define LM_FETCH_INT_H

#include <stddef.h>
#include <stdint.h>
#include <curl/curl.h>
#include <litmine/fetch.h>

/* ---- dates (dates.c) ---------------------------------------------------- */

/* Days since 1970-01-01 of "YYYY/MM/DD", "YYYY-MM-DD", "YYYY/MM" or "YYYY";
 * a partial date is its first day, or with @end set its last day.
 * LM_ERR_USAGE for anything else (month 13, Feb 30, trailing junk). */
lm_err fetch_date_parse(const char *s, int end, int32_t *day);
/* "YYYY/MM/DD" of a day number; @out has room for 11 bytes. */
void fetch_date_format(int32_t day, char out[16]);
/* Today (UTC) as a day number. */
int32_t fetch_today(void);

/* Range splitting: esearch hands out at most @cap ids, so a range whose
 * count is larger is halved (by day) until every slice fits.  @count is
 * asked for each candidate range; @slice receives every range that fits, in
 * chronological order, together covering [from, to] with no gap or overlap.
 * A single day over the cap cannot be split: LM_ERR_TOO_BIG. */
typedef lm_err (*fetch_count_fn)(void *ud, int32_t from, int32_t to, uint64_t *count);
typedef lm_err (*fetch_slice_fn)(void *ud, int32_t from, int32_t to, uint64_t count);
lm_err fetch_split(int32_t from, int32_t to, uint64_t cap, fetch_count_fn count,
                   fetch_slice_fn slice, void *ud, char *msg, size_t msgcap);

/* ---- replies (parse.c) -------------------------------------------------- */

/* What a reply body says, beyond the HTTP status. */
typedef enum fetch_verdict {
    FV_OK = 0,        /* usable */
    FV_RETRY,         /* transient: an <ERROR> in a 200, a JSON error, cut short */
    FV_EXPIRED,       /* the WebEnv/query_key is gone: search again */
    FV_FATAL          /* will not get better by asking again */
} fetch_verdict;

/* esearch (and epost: count = 0, no ids) result. */
typedef struct fetch_search {
    uint64_t count;        /* <Count>: all matches, not only the ids here */
    uint64_t retmax;       /* <RetMax>: ids in this reply */
    uint64_t retstart;
    int query_key;
    char webenv[256];
    int64_t *ids;          /* <IdList>, in reply order */
    size_t nids, capids;
} fetch_search;

void fetch_search_free(fetch_search *s);

/* Parses an esearch reply.  FV_OK fills @s; otherwise @msg says why (the
 * <ERROR> text, "no <Count>", the XML error).  A reply without <Count> is
 * never read as zero matches. */
fetch_verdict fetch_parse_esearch(const char *body, size_t len, fetch_search *s,
                                  char *msg, size_t msgcap);
/* Parses an epost reply (QueryKey, WebEnv). */
fetch_verdict fetch_parse_epost(const char *body, size_t len, fetch_search *s,
                                char *msg, size_t msgcap);
/* Looks at the start of an efetch reply: FV_OK when its root is
 * PubmedArticleSet or pmc-articleset; an <ERROR> (eFetchResult) or a JSON
 * {"error": ...} is FV_RETRY, or FV_EXPIRED when it says the history is
 * gone; an empty or unrecognised body FV_RETRY. */
fetch_verdict fetch_check_efetch(const char *body, size_t len, char *msg, size_t msgcap);
/* A JSON body {"error": "..."} (NCBI's rate-limit reply): FV_RETRY with the
 * text in @msg, else FV_OK. */
fetch_verdict fetch_check_json_error(const char *body, size_t len, char *msg, size_t msgcap);
/* Whether an <ERROR> text says the history (WebEnv/query_key) is gone. */
int fetch_error_is_expired(const char *text);

/* ---- rate limit and backoff (http.c) ------------------------------------ */

/* At most @n requests in any window of @window seconds.  A token bucket
 * with a burst of n lets 2n-1 requests into one window (a full bucket, then
 * the refill); keeping the send times of the last n requests does not. */
typedef struct fetch_limiter {
    int n;                 /* 0 = unlimited */
    double window;         /* seconds */
    double *stamps;        /* ring of the last n send times */
    int head, used;
} fetch_limiter;

lm_err fetch_limiter_init(fetch_limiter *l, int n, double window);
void fetch_limiter_free(fetch_limiter *l);
/* Seconds to wait at time @now before the next request may go. */
double fetch_limiter_delay(const fetch_limiter *l, double now);
/* Records a request sent at @now. */
void fetch_limiter_note(fetch_limiter *l, double now);

/* Delay before attempt @attempt (1 = first retry): base * 2^(attempt-1),
 * capped at @max, times a jitter factor in [0.5, 1) drawn from @rng. */
double fetch_backoff(double base, double max, int attempt, uint64_t *rng);
/* xorshift64*: a small deterministic generator for jitter. */
uint64_t fetch_rand(uint64_t *state);

/* ---- HTTP transport (http.c) -------------------------------------------- */

/* What one attempt gave. */
typedef enum fetch_outcome {
    FO_OK = 0,        /* 200 with a complete body */
    FO_RETRY,         /* 429, 500-504, refused, reset, timeout, cut short */
    FO_FATAL          /* other statuses, TLS failures, redirects, size caps */
} fetch_outcome;

typedef struct fetch_http {
    CURL *curl;
    lm_buf body;
    size_t header_bytes;
    uint64_t max_body;
    int over_limit;        /* the write/header callback hit a cap */
    long status;
    long timeout;
    char errbuf[CURL_ERROR_SIZE];
    fetch_limiter lim;
    uint64_t requests, bytes;
    lm_net_guard guard;    /* a loopback URL connects to loopback only */
} fetch_http;

#define FETCH_MAX_HEADER (64u * 1024u)

lm_err fetch_http_init(fetch_http *h, long timeout, uint64_t max_body,
                       int rate_n, double window);
void fetch_http_free(fetch_http *h);
/* One attempt: waits for the limiter, then GETs @url (POSTs @post when not
 * NULL).  The body lands in h->body.  @msg says what went wrong. */
fetch_outcome fetch_http_once(fetch_http *h, const char *url, const char *post,
                              char *msg, size_t msgcap);
/* Monotonic clock in seconds. */
double fetch_now(void);
/* Sleeps @sec seconds (fractions allowed). */
void fetch_sleep(double sec);
/* 1 when @url starts with http:// or https://. */
int fetch_url_is_http(const char *url);

#endif
