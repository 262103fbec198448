/* libFuzzer harness that scales: the fuzzer's input (at most 64 KB, the
 * fuzzers' cap) is one unit, repeated to about 4 MB inside a record, then
 * imported into an in-memory corpus.  Work that grows faster than the
 * input (a scan back to the start of a field per element, a per-entity
 * copy of the text so far) turns a small unit into a libFuzzer timeout
 * (run with -timeout=10), which the unscaled harnesses never reach.
 * The first byte picks where the unit is repeated: in a title, in an
 * abstract part, as whole records, or in a JATS body. */
#include "fuzz_common.h"

#define TARGET (4u << 20)

static const struct { const char *pre, *post; } frames[] = {
    { "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000001</PMID><Article>"
      "<ArticleTitle>", "</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
      "</PubmedArticleSet>" },
    { "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000001</PMID><Article>"
      "<Abstract><AbstractText Label=\"RESULTS\">", "</AbstractText></Abstract></Article>"
      "</MedlineCitation></PubmedArticle></PubmedArticleSet>" },
    { "<PubmedArticleSet>", "</PubmedArticleSet>" },
    { "<article><front><article-meta><article-id pub-id-type=\"pmid\">91000001</article-id>"
      "</article-meta></front><body><sec><p>", "</p></sec></body></article>" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    const char *pre, *post;
    size_t lp, lq, reps, i, len;
    lm_corpus *c = NULL;
    lm_import_stats st;
    char *buf, *p;

    if (!init)
        init = lm_global_init() == LM_OK;
    if (size < 2)
        return 0;
    pre = frames[data[0] % 4].pre;
    post = frames[data[0] % 4].post;
    data++, size--;
    lp = strlen(pre);
    lq = strlen(post);
    reps = TARGET / size;
    reps = reps ? reps : 1;
    len = lp + reps * size + lq;
    if (!(buf = malloc(len)))
        return 0;
    memcpy(buf, pre, lp);
    for (p = buf + lp, i = 0; i < reps; i++, p += size)
        memcpy(p, data, size);
    memcpy(p, post, lq);
    if (lm_corpus_open(":memory:", 0, &c) == LM_OK)
        (void)lm_corpus_import_mem(c, "fuzz", buf, len, &st);
    lm_corpus_close(c);
    free(buf);
    return 0;
}
