/* libFuzzer harness: the PMC JATS handlers.  The bytes go inside an
 * article's front matter, where ids, titles, abstracts and bodies are
 * told apart by their parents. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;

    if (!init)
        init = lm_global_init() == LM_OK;
    fuzz_read("<article><front><article-meta><article-id pub-id-type=\"pmid\">1</article-id>",
              data, size, "</article-meta></front></article>");
    return 0;
}
