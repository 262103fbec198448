/// @file litmine/article.h
/// One stored article as the corpus hands it out: what the extractors and
/// the checker read, without the corpus handle (litmine/corpus.h).
#ifndef LITMINE_ARTICLE_H
#define LITMINE_ARTICLE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Largest single text field accepted (title, abstract, body...).  A longer
/// one is LM_ERR_TOO_BIG: no abstract is that long, so it is hostile input.
#define LM_MAX_FIELD (16u * 1024u * 1024u)

/// One stored article: the merge of the PubMed record and the PMC article
/// of its PMID (PubMed's value of each field when it has one, else PMC's;
/// the body and, often, the PMCID come from PMC).  @c source is "pubmed",
/// "pmc" or "pubmed+pmc".  Strings are valid only during the callback.
typedef struct lm_article {
    int64_t pmid;           ///< the key: the PMID, or minus the PMC number of an
                            ///< article stored without one (lm_corpus_key_format)
    int version;
    int year;
    int deleted;
    const char *pmcid, *doi, *title, *abstract, *journal, *authors;
    const char *pub_types, *mesh, *body, *source, *record_md5, *updated_at;
    const char *databanks;  ///< PubMed's DataBankList (lm_record.databanks)
} lm_article;

/// Callback: return 0 to go on, non-zero to stop (the call then returns LM_OK).
typedef int (*lm_article_cb)(const lm_article *a, void *ud);

#ifdef __cplusplus
}
#endif
#endif
