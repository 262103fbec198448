/* Corpus module internals shared by the corpus sources (never by other stages). */
#ifndef LM_CORPUS_INT_H
#define LM_CORPUS_INT_H

#include <zlib.h>
#include <libxml/parser.h>
#include <litmine/corpus.h>

typedef struct evp_md_ctx_st EVP_MD_CTX;

/* struct lm_corpus and the backend interface */
#include "backend.h"

/* ---- merging the sources of one article (merge.c) ----------------------- */

/* The ten merged fields, in column order (pmcid, doi, title, abstract, journal, year, authors, pub_types, mesh, body); F_YEAR is an integer. */
enum { F_PMCID, F_DOI, F_TITLE, F_ABSTRACT, F_JOURNAL, F_YEAR, F_AUTHORS, F_PUB_TYPES,
       F_MESH, F_BODY, NFIELD };
#define PMC_BIT(f) (1u << (f))

/* One article's fields, borrowed from a record (nothing copied). */
struct corpus_view {
    const char *s[NFIELD];
    size_t n[NFIELD];
    int year;
};

lm_buf *corpus_rec_field(lm_record *r, int f);
void corpus_view_of(const lm_record *r, struct corpus_view *v);
/* PubMed's value of each field when it has one, else PMC's; the return
 * value has PMC_BIT(f) for each field taken from PMC. */
unsigned corpus_merge(const struct corpus_view *pubmed, const struct corpus_view *pmc,
                      struct corpus_view *out);
/* MD5 (hex) of an article's content; *ctx is made on first use and reused
 * (the caller frees it with EVP_MD_CTX_free). */
void corpus_view_md5(EVP_MD_CTX **ctx, const struct corpus_view *v, char hex[33]);

/* What a backend does for corpus_put_pmc(), each on the row of @key. */
struct corpus_pmc_ops {
    /* a PMID-keyed record: takes over the row stored under its PMCID */
    lm_err (*adopt)(lm_corpus *c, const lm_record *r);
    /* stores the PMC article as read; *changed: it was new or differs */
    lm_err (*put_pmc_row)(lm_corpus *c, int64_t key, const lm_record *r,
                          const struct corpus_view *pmc, int *changed);
    /* reads the merged row (locked, where rows lock); *has_pubmed: it
     * holds a PubMed record, then kept for remerge() */
    lm_err (*read_row)(lm_corpus *c, int64_t key, int *has_pubmed);
    /* merges @pmc into the PubMed record read_row() read */
    lm_err (*remerge)(lm_corpus *c, int64_t key, const struct corpus_view *pmc);
    /* stores the PMC article as the row, unless a PubMed record is there
     * (*changed 0 then, or when the row is the same) */
    lm_err (*put_alone)(lm_corpus *c, int64_t key, int version,
                        const struct corpus_view *pmc, int *changed);
    /* the outcome of an unchanged record: 0 (the same) or 3 (older), by
     * the PMC row's version (@pmc) or the article row's */
    lm_err (*unchanged)(lm_corpus *c, int pmc, int64_t key, int version, int *outcome);
};

/* A PMC article: kept as read in article_pmc, then merged into the row of
 * its PMID (or PMCID), under PubMed's fields when PubMed's record is there;
 * a row another writer gave a PubMed record meanwhile is read again and
 * merged.  *outcome as lm_corpus_put()'s. */
lm_err corpus_put_pmc(lm_corpus *c, const struct corpus_pmc_ops *ops, const lm_record *r,
                      int *outcome);
/* The number of a "PMC1234567" (or "1234567"), 0 when it is not one. */
int64_t corpus_pmc_number(const char *s);
/* The row a record goes to: its PMID, else minus its PMC number, else 0. */
int64_t corpus_record_key(const lm_record *r);

/* A parsed query: a leaf (text, optional column) or an operator node. */
struct lm_query {
    lm_query_kind kind;
    char *text;                 /* leaves: the literal text, never syntax */
    const char *column;         /* leaves: "title", "abstract" or NULL */
    struct lm_query *left, *right;
};

/* The FTS5 rendering of a query into @b (query.c). */
lm_err corpus_fts5(const lm_query *q, lm_buf *b);

/* ---- raw input (input.c) ---------------------------------------------- */

/* A byte source: file, stdin or memory; gunzipped when it starts with the
 * gzip magic; MD5 of the raw bytes kept on the way. */
typedef struct corpus_input {
    char *name;                 /* for messages: path, "<stdin>" or given name */
    FILE *f;                    /* NULL for memory input */
    int own;                    /* fclose() f at the end */
    int no_md5;                 /* the caller hashed the file already */
    const char *mem;
    size_t mem_len, mem_pos;
    char *raw;                  /* read buffer for files */
    const char *cur;            /* unconsumed raw bytes */
    size_t cur_len;
    int started, raw_eof, gz, zinit, member_done;
    z_stream zs;
    uint64_t raw_bytes, out_bytes;
    EVP_MD_CTX *md;
    char md5[33];
    lm_err err;
    char msg[512];
} corpus_input;

lm_err corpus_input_open(corpus_input *in, const char *path);
lm_err corpus_input_open_mem(corpus_input *in, const char *name, const void *data, size_t len);
/* Up to @cap decoded bytes; *got == 0 means the end of the input.  On error
 * in->msg names the input. */
lm_err corpus_input_read(corpus_input *in, char *dst, size_t cap, size_t *got);
/* MD5 (hex) of the raw bytes read so far; finalises the digest. */
const char *corpus_input_md5(corpus_input *in);
void corpus_input_close(corpus_input *in);

/* Elements the readers act on, sorted by strcmp (element_id() bsearches
 * them); E_<name> with '-' as '_'.  Any other element is E_OTHER. */
#define CORPUS_ELEMENTS(X) \
    X(E_Abstract, "Abstract") \
    X(E_AbstractText, "AbstractText") \
    X(E_AccessionNumber, "AccessionNumber") \
    X(E_Article, "Article") \
    X(E_ArticleId, "ArticleId") \
    X(E_ArticleIdList, "ArticleIdList") \
    X(E_ArticleTitle, "ArticleTitle") \
    X(E_Author, "Author") \
    X(E_AuthorList, "AuthorList") \
    X(E_Book, "Book") \
    X(E_BookDocument, "BookDocument") \
    X(E_BookTitle, "BookTitle") \
    X(E_CollectiveName, "CollectiveName") \
    X(E_DataBankName, "DataBankName") \
    X(E_DeleteCitation, "DeleteCitation") \
    X(E_DescriptorName, "DescriptorName") \
    X(E_ELocationID, "ELocationID") \
    X(E_ForeName, "ForeName") \
    X(E_Initials, "Initials") \
    X(E_Journal, "Journal") \
    X(E_JournalIssue, "JournalIssue") \
    X(E_LastName, "LastName") \
    X(E_MedlineCitation, "MedlineCitation") \
    X(E_MedlineCitationSet, "MedlineCitationSet") \
    X(E_MedlineDate, "MedlineDate") \
    X(E_MeshHeading, "MeshHeading") \
    X(E_MeshHeadingList, "MeshHeadingList") \
    X(E_OAI_PMH, "OAI-PMH") \
    X(E_PMID, "PMID") \
    X(E_PubDate, "PubDate") \
    X(E_PublicationType, "PublicationType") \
    X(E_PublicationTypeList, "PublicationTypeList") \
    X(E_PubmedArticle, "PubmedArticle") \
    X(E_PubmedArticleSet, "PubmedArticleSet") \
    X(E_PubmedBookArticle, "PubmedBookArticle") \
    X(E_PubmedBookArticleSet, "PubmedBookArticleSet") \
    X(E_PubmedBookData, "PubmedBookData") \
    X(E_PubmedData, "PubmedData") \
    X(E_Title, "Title") \
    X(E_Year, "Year") \
    X(E_abstract, "abstract") \
    X(E_annotation, "annotation") \
    X(E_annotation_xml, "annotation-xml") \
    X(E_article, "article") \
    X(E_article_id, "article-id") \
    X(E_article_meta, "article-meta") \
    X(E_article_title, "article-title") \
    X(E_body, "body") \
    X(E_collab, "collab") \
    X(E_contrib, "contrib") \
    X(E_disp_formula, "disp-formula") \
    X(E_fig, "fig") \
    X(E_front, "front") \
    X(E_given_names, "given-names") \
    X(E_journal_meta, "journal-meta") \
    X(E_journal_title, "journal-title") \
    X(E_label, "label") \
    X(E_math, "math") \
    X(E_name, "name") \
    X(E_p, "p") \
    X(E_pmc_articleset, "pmc-articleset") \
    X(E_pub_date, "pub-date") \
    X(E_response, "response") \
    X(E_sec, "sec") \
    X(E_sub_article, "sub-article") \
    X(E_supplementary_material, "supplementary-material") \
    X(E_surname, "surname") \
    X(E_table_wrap, "table-wrap") \
    X(E_tex_math, "tex-math") \
    X(E_title, "title") \
    X(E_title_group, "title-group") \
    X(E_year, "year")

enum corpus_element {
    E_OTHER = 0,
#define X(id, s) id,
    CORPUS_ELEMENTS(X)
#undef X
    E_COUNT
};

/* ---- the streaming reader (reader.c, pubmed.c, jats.c) -------------------- */

#define STACK_MAX 512           /* libxml2 stops at depth 256 without XML_PARSE_HUGE */
/* Our own element depth limit, below libxml2's (which depends on its
 * version and options): real PubMed and JATS records nest under 40 deep;
 * a deeper file is refused with its file:line, whatever libxml2 does. */
#define READER_MAX_DEPTH 200
#define ELEM_CACHE 256

struct lm_reader {
    corpus_input in;
    struct _xmlParserCtxt *ctxt;
    struct _xmlSAXHandler sax;
    char *chunk;
    int root;                   /* root element id, 0 before it is seen */
    int jats;                   /* PMC JATS rather than PubMed */
    int depth;
    unsigned char stack[STACK_MAX];
    struct { const unsigned char *name; int id; } cache[ELEM_CACHE];
    int skip;                   /* depth of an element whose text is dropped */
    int math;                   /* depth of an open MathML <math>, or 0 */
    lm_buf *target;             /* where character data goes, or NULL */
    int target_depth;
    size_t target_start;
    int in_record, record_depth;
    lm_record cur;              /* the record in progress */
    lm_buf pmid, year, attr;    /* scratch */
    int version_bad;            /* pubmed.c: bad_version holds a refused Version */
    struct _xmlDoc *entities;   /* reader.c: the HTML/MathML entities met so far */
    char bad_version[40];       /* pubmed.c: a Version attribute refused, reported
                                 * (with the PMID) when the PMID ends */
    int region, region_depth;   /* jats.c: abstract or body being read */
    int label_pending;          /* jats.c: a section title just ended */
    size_t part_start, part_text;  /* pubmed.c: where the abstract part began */
    int part_open;
    lm_record *q;               /* finished records, handed out in order */
    size_t qhead, qlen, qcap;
    int done;
    lm_err err;
    char msg[1024];
};

lm_err reader_fail(lm_reader *rd, lm_err rc, const char *fmt, ...) LM_PRINTF(3, 4);
lm_err reader_text(lm_reader *rd, lm_buf *b, const char *s, size_t n);
lm_err reader_puts(lm_reader *rd, lm_buf *b, const char *s);
/* Sends the text of the current element (and its children) to @b. */
void reader_capture(lm_reader *rd, lm_buf *b);
lm_err reader_list_item(lm_reader *rd, lm_buf *b);
/* Attribute value (NUL-terminated copy in rd->attr), or NULL if absent. */
const char *reader_attr_str(lm_reader *rd, const unsigned char **attrs, int nattrs,
                            const char *name);
void reader_record_begin(lm_reader *rd, const char *source);
lm_err reader_record_end(lm_reader *rd);
lm_err reader_emit(lm_reader *rd);
int64_t reader_parse_pmid(const lm_buf *b);
/* Why reader_parse_pmid() gave 0: "out of range" for digits beyond int64,
 * else "not a number". */
const char *reader_pmid_why(const lm_buf *b);
int reader_parse_year(const lm_buf *b);
/* Parent element id, @up levels above the current one (1 = parent). */
static inline int reader_up(const lm_reader *rd, int up)
{
    int d = rd->depth - up;
    return d > 0 && d < STACK_MAX ? rd->stack[d] : E_OTHER;
}

/* ---- parsing ahead (prefetch.c) -------------------------------------------- */

typedef struct corpus_prefetch corpus_prefetch;
/* Starts a thread reading @rd ahead into a ring of records. */
lm_err corpus_prefetch_start(lm_reader *rd, corpus_prefetch **out);
/* The next record (valid until the next call), LM_EOF, or the reader's
 * error (message on the reader). */
lm_err corpus_prefetch_next(corpus_prefetch *p, const lm_record **rec);
/* Stops the thread (at any point) and frees the ring.  NULL is a no-op. */
void corpus_prefetch_stop(corpus_prefetch *p);

/* Turns off the reader's MD5 when the caller knows the file's already. */
void corpus_reader_skip_md5(lm_reader *rd);

void pubmed_start(lm_reader *rd, int id, const unsigned char **attrs, int nattrs);
void pubmed_end(lm_reader *rd, int id);
void jats_start(lm_reader *rd, int id, const unsigned char **attrs, int nattrs);
void jats_end(lm_reader *rd, int id);

#endif
