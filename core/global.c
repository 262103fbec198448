/* Third-party global setup, done once (libxml2 is not safe to initialise
 * lazily from several threads).  libcurl is initialised when it is loaded,
 * on first use (core/curl_lazy.c, under pthread_once). */
#include <libxml/parser.h>
#include <litmine/core.h>
#include "core/core_int.h"

lm_err lm_global_init(void)
{
    xmlInitParser();
    return LM_OK;
}

void lm_global_cleanup(void)
{
    lm_curl_unload();
    xmlCleanupParser();
}
