/* Fictional records for lm-replay: made-up PMIDs, titles, journals and
 * numbers, generated from a seed so every run (and the test that checks the
 * corpus against `lm-replay --list`) sees the same ones.  The XML has the
 * shape of efetch replies (PubmedArticle, PMC JATS <article>) without
 * copying any real record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "replay.h"

static uint64_t next(uint64_t *s)
{
    uint64_t x = *s;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

int32_t rp_day(int y, int m, int d)
{
    unsigned yoe, doy, doe;
    int era;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void rp_date(int32_t z, int *y, int *m, int *d)
{
    unsigned doe, yoe, doy, mp;
    int era;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)yoe + era * 400 + (*m <= 2);
}

int rp_generate(rp_corpus *c, size_t n, uint64_t seed, int64_t first_pmid,
                int32_t start, int32_t days)
{
    uint64_t s = seed ? seed : 1;
    size_t i;

    c->n = 0;
    if (!(c->rec = calloc(n ? n : 1, sizeof *c->rec)))
        return -1;
    for (i = 0; i < n; i++) {
        rp_record *r = &c->rec[i];
        uint64_t x = next(&s);

        r->pmid = first_pmid + (int64_t)i * 2 + (int64_t)(x & 1);
        r->version = (x >> 8) % 10 == 0 ? 2 : 1;
        r->edat = start + (int32_t)((uint64_t)i * (uint64_t)days / (n ? n : 1));
        r->mdat = r->edat + (int32_t)((x >> 16) % 90);
        r->pmc = i % 2 == 0 ? 7000000 + (int64_t)i : 0;
    }
    c->n = n;
    return 0;
}

void rp_corpus_free(rp_corpus *c)
{
    free(c->rec);
    c->rec = NULL;
    c->n = 0;
}

const rp_record *rp_find(const rp_corpus *c, int64_t id, int pmc)
{
    size_t lo = 0, hi = c->n;

    if (pmc) {
        /* PMC numbers are 7000000 + index, even indexes only. */
        int64_t i = id - 7000000;

        if (i < 0 || (size_t)i >= c->n || i % 2)
            return NULL;
        return &c->rec[i];
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (c->rec[mid].pmid < id)
            lo = mid + 1;
        else if (c->rec[mid].pmid > id)
            hi = mid;
        else
            return &c->rec[mid];
    }
    return NULL;
}

static const char *journals[] = {
    "Journal of Replayed Results", "Annals of Loopback Medicine",
    "Fictional Trials Quarterly", "Archives of Synthetic Evidence"
};
static const char *topics[] = {
    "a made-up compound", "an invented exercise programme", "a fictional diet",
    "an imaginary device", "a pretend counselling method"
};

void rp_title(const rp_record *r, char *out, size_t cap)
{
    snprintf(out, cap, "Replay record %lld (version %d): %s for an invented condition",
             (long long)r->pmid, r->version, topics[r->pmid % 5]);
}

int rp_render(lm_buf *b, const rp_record *r, int pmc)
{
    char title[200];
    int y, m, d, n = 20 + (int)(r->pmid % 180), k = n / 3 + (int)(r->pmid % 7);
    const char *j = journals[r->pmid % 4];

    rp_title(r, title, sizeof title);
    rp_date(r->edat, &y, &m, &d);
    if (pmc)
        return lm_buf_printf(b,
            "<article article-type=\"research-article\"><front><journal-meta>"
            "<journal-title-group><journal-title>%s</journal-title></journal-title-group>"
            "</journal-meta><article-meta>"
            "<article-id pub-id-type=\"pmid\">%lld</article-id>"
            "<article-id pub-id-type=\"pmc\">%lld</article-id>"
            "<title-group><article-title>%s</article-title></title-group>"
            "<pub-date pub-type=\"epub\"><day>%d</day><month>%d</month><year>%d</year></pub-date>"
            "<abstract><p>In this fictional study %d participants took part; %d of %d "
            "responded.</p></abstract></article-meta></front>"
            "<body><sec><title>Methods</title><p>Nothing here happened: the record "
            "was generated for a test.</p></sec></body></article>\n",
            j, (long long)r->pmid, (long long)r->pmc, title, d, m, y, n, k, n) ? -1 : 0;
    return lm_buf_printf(b,
        "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
        "<PMID Version=\"%d\">%lld</PMID><Article PubModel=\"Print\"><Journal>"
        "<JournalIssue CitedMedium=\"Internet\"><PubDate><Year>%d</Year></PubDate>"
        "</JournalIssue><Title>%s</Title></Journal><ArticleTitle>%s</ArticleTitle>"
        "<Abstract><AbstractText Label=\"METHODS\">A total of %d participants took part "
        "in this fictional study.</AbstractText><AbstractText Label=\"RESULTS\">Response "
        "occurred in %d of %d (%.1f%%).</AbstractText></Abstract>"
        "<AuthorList CompleteYN=\"Y\"><Author ValidYN=\"Y\"><LastName>Replay</LastName>"
        "<ForeName>R</ForeName><Initials>R</Initials></Author></AuthorList>"
        "<PublicationTypeList><PublicationType UI=\"D016428\">Journal Article"
        "</PublicationType></PublicationTypeList></Article></MedlineCitation>"
        "<PubmedData><History><PubMedPubDate PubStatus=\"entrez\"><Year>%d</Year>"
        "<Month>%d</Month><Day>%d</Day></PubMedPubDate></History><ArticleIdList>"
        "<ArticleId IdType=\"pubmed\">%lld</ArticleId>%s%lld%s</ArticleIdList>"
        "</PubmedData></PubmedArticle>\n",
        r->version, (long long)r->pmid, y, j, title, n, k, n, 100.0 * k / n, y, m, d,
        (long long)r->pmid,
        r->pmc ? "<ArticleId IdType=\"pmc\">PMC" : "<!-- ", (long long)r->pmc,
        r->pmc ? "</ArticleId>" : " -->") ? -1 : 0;
}
