/* PubMed XML element handlers: PubmedArticleSet as efetch and the
 * baseline/update files deliver it (PubmedArticle, PubmedBookArticle,
 * DeleteCitation) and the legacy MedlineCitationSet.  Fields are told by
 * their parent, not by name alone: a PMID inside CommentsCorrections or an
 * ArticleIdList inside ReferenceList belongs to another article. */
#include <stdio.h>
#include <string.h>
#include "corpus_int.h"

static void abstract_part(lm_reader *rd, const unsigned char **attrs, int nattrs)
{
    const char *label = reader_attr_str(rd, attrs, nattrs, "Label");
    lm_buf *a = &rd->cur.abstract;

    rd->part_start = a->len;
    if (a->len && reader_puts(rd, a, "\n"))
        return;
    if (label && *label && (reader_text(rd, a, label, strlen(label)) ||
                            reader_puts(rd, a, ": ")))
        return;
    rd->part_text = a->len;
    rd->part_open = 1;
    reader_capture(rd, a);
}

static void article_id(lm_reader *rd, const unsigned char **attrs, int nattrs)
{
    const char *type = reader_attr_str(rd, attrs, nattrs, "IdType");
    int up = reader_up(rd, 2);

    if (!type || (up != E_PubmedData && up != E_PubmedBookData))
        return;
    if (!strcmp(type, "doi")) {
        lm_buf_clear(&rd->cur.doi);      /* wins over an ELocationID */
        reader_capture(rd, &rd->cur.doi);
    } else if (!strcmp(type, "pmc") && !rd->cur.pmcid.len) {
        reader_capture(rd, &rd->cur.pmcid);
    }
}

/* PubMed revises a record's text under the same PMID with Version="2",
 * "3"...: small integers.  Parsed strictly, as a too-large version would be
 * stored and then make every later genuine revision look older.  Absent:
 * 1.  -1 for anything else: text, sign, zero, or above VERSION_MAX. */
#define VERSION_MAX 10000
static int parse_version(const char *v)
{
    int n = 0;

    if (!v)
        return 1;
    if (!*v)
        return -1;
    for (; *v; v++) {
        if (*v < '0' || *v > '9' || n > VERSION_MAX)
            return -1;
        n = n * 10 + (*v - '0');
    }
    return n >= 1 && n <= VERSION_MAX ? n : -1;
}

static int version_ok(lm_reader *rd, int64_t pmid)
{
    if (!rd->version_bad)
        return 1;
    if (rd->in_record)     /* the message names the record's PMID already */
        reader_fail(rd, LM_ERR_FORMAT, "Version=\"%s\" is not a version number (1 to %d)",
                    rd->bad_version, VERSION_MAX);
    else
        reader_fail(rd, LM_ERR_FORMAT, "DeleteCitation: PMID %lld: Version=\"%s\" is not a "
                    "version number (1 to %d)", (long long)pmid, rd->bad_version, VERSION_MAX);
    return 0;
}

static void pmid_start(lm_reader *rd, const unsigned char **attrs, int nattrs)
{
    int parent = reader_up(rd, 1);
    const char *v;

    if (parent == E_DeleteCitation ||
        ((parent == E_MedlineCitation || parent == E_BookDocument) && !rd->cur.pmid)) {
        lm_buf_clear(&rd->pmid);
        reader_capture(rd, &rd->pmid);
        v = reader_attr_str(rd, attrs, nattrs, "Version");
        rd->bad_version[0] = '\0';
        rd->version_bad = 0;
        if ((rd->cur.version = parse_version(v)) < 0) {
            rd->version_bad = 1;
            /* reported when the PMID has been read, so the message names it */
            snprintf(rd->bad_version, sizeof rd->bad_version, "%.32s%s", v,
                     strlen(v) > 32 ? "..." : "");
            rd->cur.version = 1;
        }
    }
}



static void author_list(lm_reader *rd, const unsigned char **attrs, int nattrs)
{
    const char *type = reader_attr_str(rd, attrs, nattrs, "Type");

    /* book editors are not the authors */
    if (type && !strcmp(type, "editors"))
        rd->skip = rd->depth;
}

void pubmed_start(lm_reader *rd, int id, const unsigned char **attrs, int nattrs)
{
    int parent = reader_up(rd, 1);
    lm_record *r = &rd->cur;

    if (!rd->in_record) {
        if (id == E_PubmedArticle || id == E_PubmedBookArticle ||
            (id == E_MedlineCitation && parent == E_MedlineCitationSet))
            reader_record_begin(rd, "pubmed");
        else if (id == E_PMID && parent == E_DeleteCitation)
            pmid_start(rd, attrs, nattrs);
        return;
    }
    switch (id) {
    case E_PMID:
        pmid_start(rd, attrs, nattrs);
        break;
    case E_ArticleTitle:
        if (parent == E_Article || parent == E_BookDocument)
            reader_capture(rd, &r->title);
        break;
    case E_BookTitle:
        if (parent == E_Book && !r->title.len)
            reader_capture(rd, &r->title);
        break;
    case E_AbstractText:
        if (parent == E_Abstract)
            abstract_part(rd, attrs, nattrs);
        break;
    case E_Title:
        if (parent == E_Journal)
            reader_capture(rd, &r->journal);
        break;
    case E_Year:
    case E_MedlineDate:
        if (parent == E_PubDate && !rd->year.len)
            reader_capture(rd, &rd->year);
        break;
    case E_AuthorList:
        author_list(rd, attrs, nattrs);
        break;
    case E_LastName:
    case E_CollectiveName:
        if (parent == E_Author)
            reader_list_item(rd, &r->authors);
        break;
    case E_Initials:
        if (parent == E_Author && !reader_puts(rd, &r->authors, " "))
            reader_capture(rd, &r->authors);
        break;
    case E_PublicationType:
        reader_list_item(rd, &r->pub_types);
        break;
    case E_DataBankName:      /* DataBankList: trial registries, sequence banks */
        reader_list_item(rd, &r->databanks);
        break;
    case E_AccessionNumber:
        if (r->databanks.len && !reader_puts(rd, &r->databanks, " "))
            reader_capture(rd, &r->databanks);
        break;
    case E_DescriptorName:
        if (parent == E_MeshHeading)
            reader_list_item(rd, &r->mesh);
        break;
    case E_ArticleId:
        article_id(rd, attrs, nattrs);
        break;
    case E_ELocationID: {
        const char *t = reader_attr_str(rd, attrs, nattrs, "EIdType");
        if (t && !strcmp(t, "doi") && !r->doi.len)
            reader_capture(rd, &r->doi);
        break;
    }
    case E_annotation:
    case E_annotation_xml:
        rd->skip = rd->depth;       /* MathML's TeX twin of the same formula */
        break;
    }
}

static void delete_pmid(lm_reader *rd)
{
    int64_t pmid = reader_parse_pmid(&rd->pmid);
    int version = rd->cur.version;

    if (pmid <= 0) {
        reader_fail(rd, LM_ERR_FORMAT, "DeleteCitation lists a PMID that is %s: '%s'",
                    reader_pmid_why(&rd->pmid), lm_buf_str(&rd->pmid));
        return;
    }
    if (!version_ok(rd, pmid))
        return;
    lm_record_clear(&rd->cur);
    rd->cur.kind = LM_REC_DELETE;
    rd->cur.pmid = pmid;
    rd->cur.version = version;
    reader_emit(rd);
}

void pubmed_end(lm_reader *rd, int id)
{
    int parent = reader_up(rd, 1);

    if (id == E_PMID && parent == E_DeleteCitation && !rd->in_record) {
        delete_pmid(rd);
        return;
    }
    if (!rd->in_record)
        return;
    if (id == E_AbstractText && rd->part_open) {
        rd->part_open = 0;
        if (rd->cur.abstract.len == rd->part_text && rd->cur.abstract.s) {
            /* an empty part: its label alone says nothing */
            rd->cur.abstract.len = rd->part_start;
            rd->cur.abstract.s[rd->part_start] = '\0';
        }
        return;
    }
    if (id == E_PMID && (parent == E_MedlineCitation || parent == E_BookDocument) &&
        !rd->cur.pmid) {
        rd->cur.pmid = reader_parse_pmid(&rd->pmid);
        if (rd->cur.pmid <= 0)
            reader_fail(rd, LM_ERR_FORMAT, "PMID is %s: '%s'", reader_pmid_why(&rd->pmid),
                        lm_buf_str(&rd->pmid));
        else
            version_ok(rd, rd->cur.pmid);
    } else if (rd->depth == rd->record_depth) {
        reader_record_end(rd);
    }
}
