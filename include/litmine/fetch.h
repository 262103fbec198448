/// @file litmine/fetch.h
/// The fetch stage: a polite, fault-proof NCBI E-utilities client that pages
/// esearch/epost/efetch results into the corpus, one transaction per batch.
#ifndef LITMINE_FETCH_H
#define LITMINE_FETCH_H

#include <stdint.h>
#include "core.h"
#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Default E-utilities endpoint (a user's machine); tests point --base-url
/// or $LITMINE_EUTILS_URL at the loopback replay server.
#define LM_FETCH_DEFAULT_URL "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
/// esearch never hands out more than this many ids of one query: larger
/// result sets are fetched by splitting the date range.
#define LM_FETCH_ESEARCH_CAP 9999u

/// Progress callback: @p done records committed of @p total expected (total
/// may grow while date slices are discovered).  Called after every batch.
typedef void (*lm_fetch_progress_cb)(uint64_t done, uint64_t total, void *ud);

/// What to fetch and how.  Zero-initialise, then set what you need; every
/// zero field takes the default named beside it.  Strings are copied by
/// lm_fetch_open().
typedef struct lm_fetch_opts {
    const char *base_url;      ///< default LM_FETCH_DEFAULT_URL; http(s) only
    const char *query;         ///< esearch term (exclusive with pmids)
    const int64_t *ids;        ///< PMIDs (PMC numbers with pmc) to fetch
    size_t nids;
    int pmc;                   ///< db=pmc (JATS) instead of db=pubmed
    const char *since;         ///< YYYY/MM/DD (also YYYY-MM-DD, YYYY/MM, YYYY)
    const char *until;         ///< default: today (UTC)
    const char *datetype;      ///< "edat" (default) or "mdat"
    int incremental;           ///< start the day after the saved watermark
    unsigned batch;            ///< efetch retmax, default 500
    const char *email;         ///< `email` parameter (NCBI asks for one)
    const char *tool;          ///< `tool` parameter, default "litmine"
    const char *api_key;       ///< raises the rate limit from 3/s to 10/s
    double rate;               ///< requests per second; 0 = 3 (10 with a key),
                               ///< < 0 = unlimited (benchmarks, loopback only)
    int max_attempts;          ///< attempts per request, default 8
    double backoff_base;       ///< first retry delay in seconds, default 1
    double backoff_max;        ///< retry delay cap in seconds, default 60
    long timeout;              ///< whole-request timeout in seconds, default 300
    uint64_t max_body;         ///< response size cap in bytes, default 256 MiB
    const char *raw_dir;       ///< keep each fetched batch as <dir>/<md5>.xml.gz
    uint64_t seed;             ///< jitter seed, 0 = from the clock
    lm_fetch_progress_cb progress;
    void *progress_ud;
} lm_fetch_opts;

/// Counts of one run.
typedef struct lm_fetch_stats {
    uint64_t expected;         ///< records the searches/id list announced
    uint64_t records;          ///< records read from efetch replies
    uint64_t stored;           ///< inserted or replaced in the corpus
    uint64_t batches;          ///< batches committed
    uint64_t skipped;          ///< batches already in the ledger (same MD5)
    uint64_t slices;           ///< date slices (esearch result sets) fetched
    uint64_t requests;         ///< HTTP requests sent (retries included)
    uint64_t retries;          ///< requests repeated after a fault
    uint64_t rerequested;      ///< records asked for again after a short reply
    uint64_t research;         ///< esearch/epost re-run after an expired WebEnv
    uint64_t bytes;            ///< response bytes (decoded)
    char watermark[16];        ///< watermark after the run ("" if untouched)
    uint64_t absent;           ///< listed ids efetch did not return, asked twice
    char absent_ids[128];      ///< the first five of them, space-separated
} lm_fetch_stats;

typedef struct lm_fetch lm_fetch;

/// Checks @p o and prepares a client (curl handle, rate limiter).  Bad
/// options are LM_ERR_USAGE with a message; on failure *out is still set
/// when memory allows (read lm_fetch_errmsg(), then lm_fetch_close()).
LM_API LM_MUST_CHECK lm_err lm_fetch_open(const lm_fetch_opts *o, lm_fetch **out);

/// Runs the fetch into @p c.  Each efetch batch is imported in one
/// transaction (with the watermark it completes, in query mode); a failure
/// leaves the corpus as it was before the failing batch.  Errors:
/// LM_ERR_NET / LM_ERR_HTTP when a request still fails after all attempts
/// (the message names it), LM_ERR_TOO_BIG (response over max_body),
/// LM_ERR_DB* from the corpus.  With an id list, ids that efetch does not
/// return when asked for once more by id (no backoff: NCBI omits unknown
/// ids without a word) are LM_ERR_NOTFOUND naming them, once the records
/// that do exist are committed (st->absent counts them).  @p st (may be NULL) gets the
/// counts, also on failure.
LM_API LM_MUST_CHECK lm_err lm_fetch_run(lm_fetch *f, lm_corpus *c, lm_fetch_stats *st);

/// Last error message; valid until the next call on @p f.
LM_API const char *lm_fetch_errmsg(const lm_fetch *f);
LM_API void lm_fetch_close(lm_fetch *f);    /* NULL is a no-op */

/// Reads PMIDs (or, with @p pmc, PMC ids with or without the "PMC" prefix)
/// from @p path ("-" is stdin): numbers separated by white space or commas,
/// '#' starts a comment.  Duplicates are dropped, first order kept.  *ids is
/// malloc'd (free() it).  Errors: LM_ERR_IO (cannot read), LM_ERR_FORMAT
/// ("ids.txt:3: 'x12' is not a PMID") with the message in @p msg.
LM_API LM_MUST_CHECK lm_err lm_fetch_read_ids(const char *path, int pmc, int64_t **ids,
                                              size_t *n, char *msg, size_t msgcap);

/// What an address reaches, for the network guards.
typedef enum lm_addr_kind {
    LM_ADDR_PUBLIC = 0,    ///< anything not below
    LM_ADDR_LOOPBACK,      ///< this host: 127.0.0.0/8, ::1, 0.0.0.0/8, ::, and their
                           ///< IPv4-mapped/compatible/NAT64 forms; the name "localhost"
    LM_ADDR_PRIVATE,       ///< 10/8, 172.16/12, 192.168/16, 100.64/10 (CGNAT), fc00::/7
    LM_ADDR_LINK_LOCAL,    ///< 169.254/16 (cloud metadata services), fe80::/10
    LM_ADDR_RESERVED       ///< multicast, broadcast, 240/4, ff00::/8
} lm_addr_kind;

/// The kind of the numeric address @p ip ("10.1.2.3", "::ffff:7f00:1",
/// with or without [brackets]), or -1 when @p ip is not a numeric address.
LM_API int lm_ip_kind(const char *ip);

/// The kind of the host of @p url as libcurl parses it (userinfo, port,
/// IPv4 spellings such as "0x7f.1" and IPv6 brackets handled by curl's own
/// URL parser, so the guard sees the host curl connects to); a host name
/// other than localhost is LM_ADDR_PUBLIC (the address it resolves to is
/// checked at connect time).  -1 when @p url is not an http(s) URL.
LM_API int lm_url_host_kind(const char *url);

/// The connect-time guard: which address kinds a transfer may connect to
/// (bit mask of 1u << LM_ADDR_*), and the address it refused, if any.
typedef struct lm_net_guard {
    unsigned allowed;
    int refused_kind;          ///< -1 until an address is refused
    char refused[48];          ///< that address, numeric
} lm_net_guard;

/// Installs @p g on the libcurl easy handle @p curl (a CURL *): every
/// address the host resolves to is checked before its socket is opened, so
/// nothing is sent to a refused one (the transfer then fails with
/// CURLE_COULDNT_CONNECT and g->refused names the address).  @p g must
/// outlive the transfers.  Returns 0, or -1 when libcurl refuses the option.
LM_API int lm_net_guard_install(void *curl, lm_net_guard *g);

/// "loopback", "private", "link-local", "reserved" or "public".
LM_API const char *lm_addr_kind_name(int kind);

/// 1 when @p url is http(s) to a loopback host (LM_ADDR_LOOPBACK above:
/// the only hosts tests may reach; check refuses redirects across that
/// boundary).
LM_API int lm_url_is_loopback(const char *url);

/// The fetch_state key of a query: "<db>:<datetype>:<query>".
/// Returns a malloc'd string (free() it) or NULL when out of memory.
LM_API char *lm_fetch_state_key(const char *query, int pmc, const char *datetype);

#ifdef __cplusplus
}
#endif
#endif
