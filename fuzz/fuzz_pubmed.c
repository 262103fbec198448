/* libFuzzer harness: the PubMed element handlers.  The bytes go inside a
 * MedlineCitation with a PMID, so the fuzzer spends its time on titles,
 * abstracts, authors, ids and deletions rather than on the root. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;

    if (!init)
        init = lm_global_init() == LM_OK;
    fuzz_read("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1\">1</PMID>",
              data, size, "</MedlineCitation></PubmedArticle></PubmedArticleSet>");
    return 0;
}
