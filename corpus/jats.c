/* PMC JATS element handlers: a bare <article> (.nxml), efetch db=pmc's
 * <pmc-articleset>, and OAI-PMH GetRecord replies, which wrap the article.
 * Ids, title, journal, year and authors come from the front matter; the
 * abstract keeps section titles as "Title: text" parts; the body keeps
 * section titles as "## Title" lines and one paragraph per line, for the
 * extractors.  Tables, figures, formulas and sub-articles are left out:
 * their text reads as noise once flattened. */
#include <string.h>
#include "corpus_int.h"

enum { REGION_NONE, REGION_ABSTRACT, REGION_BODY };

static void article_id(lm_reader *rd, const unsigned char **attrs, int nattrs)
{
    const char *type = reader_attr_str(rd, attrs, nattrs, "pub-id-type");
    lm_record *r = &rd->cur;

    if (!type)
        return;
    if (!strcmp(type, "pmid") && !rd->pmid.len) {
        reader_capture(rd, &rd->pmid);
    } else if ((!strcmp(type, "pmc") || !strcmp(type, "pmcid")) && !r->pmcid.len) {
        reader_capture(rd, &r->pmcid);
    } else if (!strcmp(type, "doi") && !r->doi.len) {
        reader_capture(rd, &r->doi);
    }
}

static void abstract_start(lm_reader *rd, const unsigned char **attrs, int nattrs)
{
    const char *type = reader_attr_str(rd, attrs, nattrs, "abstract-type");

    /* the first plain abstract only: not the graphical one, a teaser or
     * the short "summary" some journals add */
    if (rd->cur.abstract.len || (type && *type && strcmp(type, "structured") &&
                                 strcmp(type, "abstract")))
        return;
    rd->region = REGION_ABSTRACT;
    rd->region_depth = rd->depth;
}

static void paragraph(lm_reader *rd)
{
    lm_buf *b = rd->region == REGION_ABSTRACT ? &rd->cur.abstract : &rd->cur.body;

    if (rd->target)
        return;
    if (b->len && !rd->label_pending && b->s[b->len - 1] != '\n' && reader_puts(rd, b, "\n"))
        return;
    rd->label_pending = 0;
    reader_capture(rd, b);
}

static void section_title(lm_reader *rd)
{
    lm_buf *b = rd->region == REGION_ABSTRACT ? &rd->cur.abstract : &rd->cur.body;

    if (rd->target)
        return;
    if (b->len && b->s[b->len - 1] != '\n' && reader_puts(rd, b, "\n"))
        return;
    if (rd->region == REGION_BODY && reader_puts(rd, b, "## "))
        return;
    reader_capture(rd, b);
}

static void region_start(lm_reader *rd, int id, int parent, const unsigned char **attrs,
                         int nattrs)
{
    switch (id) {
    case E_p:
        paragraph(rd);
        break;
    case E_title:
        if (parent == E_sec)
            section_title(rd);
        else if (parent == E_abstract || parent == E_body)
            rd->skip = rd->depth;   /* "Abstract" heading itself */
        break;
    case E_table_wrap: case E_fig: case E_disp_formula: case E_supplementary_material:
    case E_label:
        if (!rd->target)
            rd->skip = rd->depth;
        break;
    }
}

static void meta_start(lm_reader *rd, int id, int parent, const unsigned char **attrs,
                       int nattrs)
{
    lm_record *r = &rd->cur;

    switch (id) {
    case E_article_id:
        if (parent == E_article_meta)
            article_id(rd, attrs, nattrs);
        break;
    case E_article_title:
        if (parent == E_title_group && reader_up(rd, 2) == E_article_meta && !r->title.len)
            reader_capture(rd, &r->title);
        break;
    case E_journal_title:
        if (!r->journal.len)
            reader_capture(rd, &r->journal);
        break;
    case E_year:
        if (parent == E_pub_date && reader_up(rd, 2) == E_article_meta && !rd->year.len)
            reader_capture(rd, &rd->year);
        break;
    case E_surname:
    case E_collab:
        if (reader_up(rd, id == E_surname ? 2 : 1) == E_contrib)
            reader_list_item(rd, &r->authors);
        break;
    case E_given_names:
        if (reader_up(rd, 2) == E_contrib && !reader_puts(rd, &r->authors, " "))
            reader_capture(rd, &r->authors);
        break;
    case E_abstract:
        if (parent == E_article_meta)
            abstract_start(rd, attrs, nattrs);
        break;
    case E_body:
        if (parent == E_article) {
            rd->region = REGION_BODY;
            rd->region_depth = rd->depth;
        }
        break;
    }
}

void jats_start(lm_reader *rd, int id, const unsigned char **attrs, int nattrs)
{
    int parent = reader_up(rd, 1);
    const char *type;

    if (!rd->in_record) {
        if (id == E_article) {
            reader_record_begin(rd, "pmc");
            rd->region = REGION_NONE;
            rd->label_pending = 0;
            type = reader_attr_str(rd, attrs, nattrs, "article-type");
            if (type && *type)
                reader_puts(rd, &rd->cur.pub_types, type);
        }
        return;
    }
    if (id == E_sub_article || id == E_response || id == E_annotation ||
        id == E_annotation_xml || id == E_tex_math) {
        rd->skip = rd->depth;
        return;
    }
    if (rd->region != REGION_NONE)
        region_start(rd, id, parent, attrs, nattrs);
    else
        meta_start(rd, id, parent, attrs, nattrs);
}

/* "PMC" and 1 to 18 digits: what keys an article that has no PMID. */
static int pmcid_ok(const lm_buf *b)
{
    int nonzero = 0;
    size_t i;

    if (b->len < 4 || b->len > 21 || strncmp(b->s, "PMC", 3))
        return 0;
    for (i = 3; i < b->len; i++) {
        if (b->s[i] < '0' || b->s[i] > '9')
            return 0;
        nonzero |= b->s[i] != '0';
    }
    return nonzero;
}

void jats_end(lm_reader *rd, int id)
{
    if (!rd->in_record)
        return;
    if (rd->region != REGION_NONE && rd->depth == rd->region_depth) {
        rd->region = REGION_NONE;
        return;
    }
    if (id == E_title && rd->region != REGION_NONE && reader_up(rd, 1) == E_sec) {
        lm_buf *b = rd->region == REGION_ABSTRACT ? &rd->cur.abstract : &rd->cur.body;
        if (rd->region == REGION_ABSTRACT) {
            if (b->len && b->s[b->len - 1] != '\n' && !reader_puts(rd, b, ": "))
                rd->label_pending = 1;
        } else {
            reader_puts(rd, b, "\n");
        }
        return;
    }
    if (id == E_p && rd->region == REGION_BODY)
        return;
    if (rd->depth != rd->record_depth)
        return;
    rd->cur.pmid = reader_parse_pmid(&rd->pmid);
    if (rd->cur.pmcid.len && rd->cur.pmcid.s[0] >= '0' && rd->cur.pmcid.s[0] <= '9') {
        lm_buf tmp = {0};
        if (lm_buf_puts(&tmp, "PMC") || lm_buf_append(&tmp, rd->cur.pmcid.s, rd->cur.pmcid.len)) {
            lm_buf_free(&tmp);
            reader_fail(rd, LM_ERR_NOMEM, "out of memory");
            return;
        }
        lm_buf_free(&rd->cur.pmcid);
        rd->cur.pmcid = tmp;
    }
    /* without a PMID the PMCID keys the article (the store's rule) */
    if (!rd->cur.pmid && !rd->cur.pmcid.len) {
        reader_fail(rd, LM_ERR_FORMAT, "article has neither a PMID nor a PMCID"
                    " (article-id pub-id-type=\"pmid\" or \"pmc\")");
        return;
    }
    if (!rd->cur.pmid && !pmcid_ok(&rd->cur.pmcid)) {
        reader_fail(rd, LM_ERR_FORMAT, "article has no PMID and its PMCID '%.40s' is not"
                    " PMC followed by digits", rd->cur.pmcid.s);
        return;
    }
    reader_record_end(rd);
}
