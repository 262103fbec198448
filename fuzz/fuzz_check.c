/* libFuzzer harness: `litmine check` on arbitrary articles: HTML flattening,
 * sentence segmentation, claim detection, source classification, matching
 * the article model (study mentions, binding, claim kinds, regimen and venue
 * readers), matching and the verdict rules against a small in-memory corpus,
 * and all three report formats.  The
 * first byte picks the input mode (plain text, HTML, or told from the
 * bytes), so one harness drives both readers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/corpus.h>
#include <litmine/reconcile.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two fictional records so matching has something to score. */
static const char records[] =
    "<PubmedArticleSet>"
    "<PubmedArticle><MedlineCitation><PMID>90000101</PMID><Article><ArticleTitle>Zelvorin "
    "versus placebo for low mood: a randomized, double-blind trial</ArticleTitle><Abstract>"
    "<AbstractText>A total of 212 participants were randomized (n = 106 vs 106). Remission "
    "occurred in 22 of 106 (20.8%) on zelvorin and 12 of 106 (11.3%) on placebo (OR 2.05, "
    "95% CI 0.95-4.45; p = 0.07).</AbstractText></Abstract><PublicationTypeList>"
    "<PublicationType>Randomized Controlled Trial</PublicationType></PublicationTypeList>"
    "</Article></MedlineCitation></PubmedArticle>"
    "<PubmedArticle><MedlineCitation><PMID>90000102</PMID><Article><ArticleTitle>Open-label "
    "zelvorin in twenty adults</ArticleTitle><Abstract><AbstractText>Fifteen of 20 (75%) "
    "were in remission after four sessions.</AbstractText></Abstract></Article>"
    "</MedlineCitation></PubmedArticle>"
    /* a journal, a year, a weekly regimen, a follow-up and a null primary
     * result: the study model's rules (regimen, venue, null finding) */
    "<PubmedArticle><MedlineCitation><PMID>90000103</PMID><Article><Journal><Title>Journal "
    "of Fictional Mood</Title><JournalIssue><PubDate><Year>2021</Year></PubDate>"
    "</JournalIssue></Journal><ArticleTitle>Weekly zelvorin infusions for low mood: a "
    "randomized placebo-controlled trial</ArticleTitle><Abstract><AbstractText>We randomly "
    "assigned 90 adults to zelvorin or placebo, infused twice weekly for 6 weeks, with "
    "follow-up at 12 months. The primary outcome did not differ between groups (P=0.52)."
    "</AbstractText></Abstract><PublicationTypeList><PublicationType>Randomized Controlled "
    "Trial</PublicationType></PublicationTypeList></Article></MedlineCitation></PubmedArticle>"
    /* a second drug, for a section whose heading names it (section topics,
     * the topic pool read again for its filter) */
    "<PubmedArticle><MedlineCitation><PMID>90000104</PMID><Article><ArticleTitle>Quorvil "
    "drops for low mood: a case series</ArticleTitle><Abstract><AbstractText>Nine of 12 "
    "patients at one clinic felt better within a month on quorvil.</AbstractText></Abstract>"
    "</Article></MedlineCitation></PubmedArticle>"
    "</PubmedArticleSet>";

static lm_checker *setup(void)
{
    static lm_corpus *c;
    static lm_checker *k;

    if (k)
        return k;
    if (lm_global_init() || lm_corpus_open(":memory:", 0, &c) ||
        lm_corpus_import_mem(c, "records.xml", records, sizeof records - 1, NULL) ||
        lm_checker_open(c, &k))
        abort();
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lm_checker *k = setup();
    lm_doc *d = NULL;
    lm_report *r = NULL;
    lm_buf out = {0};
    int mode;

    if (size < 1)
        return 0;
    mode = data[0] % 3 == 2 ? -1 : data[0] % 3;
    if (lm_doc_from_mem("fuzz", (const char *)data + 1, size - 1, mode, &d) == LM_OK &&
        lm_check(k, d, &r) == LM_OK) {
        (void)lm_report_json(r, &out);
        lm_buf_clear(&out);
        (void)lm_report_text(r, 1, &out);
        lm_buf_clear(&out);
        (void)lm_report_html(r, &out);
    }
    lm_buf_free(&out);
    lm_report_free(r);
    lm_doc_free(d);
    return 0;
}
