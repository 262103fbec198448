/* Third-party global setup, done once (libxml2 is not safe to initialise
 * lazily from several threads). */
#include <libxml/parser.h>
#include <litmine/core.h>

lm_err lm_global_init(void)
{
    xmlInitParser();
    return LM_OK;
}

void lm_global_cleanup(void)
{
    xmlCleanupParser();
}
