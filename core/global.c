/* Third-party global setup, done once (libxml2 is not safe to initialise
 * lazily from several threads). */
#include <curl/curl.h>
#include <libxml/parser.h>
#include <litmine/core.h>

lm_err lm_global_init(void)
{
    xmlInitParser();
    /* curl_global_init is not thread-safe: do it here, once, not lazily
     * from the first curl_easy_init */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return LM_ERR_NOMEM;
    return LM_OK;
}

void lm_global_cleanup(void)
{
    curl_global_cleanup();
    xmlCleanupParser();
}
