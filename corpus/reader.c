/* The streaming reader: libxml2's SAX2 push parser fed in fixed chunks from
 * corpus_input, so memory stays flat whatever the file size.  Element
 * handlers for PubMed XML (pubmed.c) and PMC JATS (jats.c) fill the record
 * in progress; each finished record goes on a small queue that
 * lm_reader_read() hands out by swapping structs, so steady-state reading
 * allocates nothing per record.
 *
 * Safety: no DTD is ever loaded (no internalSubset/externalSubset handlers,
 * no XML_PARSE_DTDLOAD), no network (XML_PARSE_NONET), and getEntity only
 * knows the five predefined entities and the HTML/MathML character
 * entities NCBI's DTDs declare (one character each): an external entity is
 * never read and a user-defined one never expanded, so entity bombs have
 * nothing to multiply, and an unknown entity stops the file rather than
 * vanish from the text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include "corpus_int.h"

#define CHUNK (1u << 18)

/* ---- element names ----------------------------------------------------- */

/* Sorted by strcmp for bsearch; the index + 1 is the element id. */
static const char *const names[] = {
#define X(id, s) s,
    CORPUS_ELEMENTS(X)
#undef X
};

static int name_cmp(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

/* libxml2 interns element names in its dictionary, so one pointer stands
 * for one name for the whole parse: a small pointer cache saves the
 * bsearch on almost every element. */
static int element_id(lm_reader *rd, const xmlChar *name)
{
    size_t h = ((uintptr_t)name >> 4) & (ELEM_CACHE - 1);
    const char *const *hit;

    if (rd->cache[h].name == name)
        return rd->cache[h].id;
    hit = bsearch(name, names, sizeof names / sizeof *names, sizeof *names, name_cmp);
    rd->cache[h].name = name;
    rd->cache[h].id = hit ? (int)(hit - names) + 1 : E_OTHER;
    return rd->cache[h].id;
}

/* ---- text capture ------------------------------------------------------- */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Appends @n bytes with runs of whitespace collapsed to one space, and none
 * at the start of a field or after a separator already there. */
lm_err reader_text(lm_reader *rd, lm_buf *b, const char *s, size_t n)
{
    char *d;
    int sp;
    size_t i;

    if (b->len + n > LM_MAX_FIELD)
        return reader_fail(rd, LM_ERR_TOO_BIG, "text field longer than %u MiB",
                           LM_MAX_FIELD >> 20);
    if (lm_buf_reserve(b, n))
        return reader_fail(rd, LM_ERR_NOMEM, "out of memory");
    d = b->s + b->len;
    sp = b->len == 0 || d[-1] == ' ' || d[-1] == '\n';
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c)) {
            if (!sp)
                *d++ = ' ';
            sp = 1;
        } else {
            *d++ = (char)c;
            sp = 0;
        }
    }
    b->len = (size_t)(d - b->s);
    b->s[b->len] = '\0';
    return LM_OK;
}

lm_err reader_puts(lm_reader *rd, lm_buf *b, const char *s)
{
    if (lm_buf_puts(b, s))
        return reader_fail(rd, LM_ERR_NOMEM, "out of memory");
    return LM_OK;
}

void reader_capture(lm_reader *rd, lm_buf *b)
{
    if (rd->target)
        return;         /* nested: the outer capture takes the text */
    rd->target = b;
    rd->target_depth = rd->depth;
    rd->target_start = b->len;
}

/* Appends "; " before a list item when the list already has one. */
lm_err reader_list_item(lm_reader *rd, lm_buf *b)
{
    if (b->len && reader_puts(rd, b, "; "))
        return rd->err;
    reader_capture(rd, b);
    return LM_OK;
}

static void capture_end(lm_reader *rd)
{
    lm_buf *b = rd->target;

    while (b->len > rd->target_start && b->s[b->len - 1] == ' ')
        b->len--;
    if (b->s)
        b->s[b->len] = '\0';
    rd->target = NULL;
}

/* An attribute's value, copied NUL-terminated into rd->attr (SAX2 hands
 * out (localname, prefix, URI, value, end) pointers per attribute). */
const char *reader_attr_str(lm_reader *rd, const xmlChar **attrs, int nattrs, const char *name)
{
    int i;

    for (i = 0; i < nattrs; i++, attrs += 5) {
        if (strcmp((const char *)attrs[0], name))
            continue;
        lm_buf_clear(&rd->attr);
        if (lm_buf_append(&rd->attr, (const char *)attrs[3], (size_t)(attrs[4] - attrs[3])))
            return NULL;
        /* an empty value is "", never NULL (absent): Version="" is no version */
        return rd->attr.s ? rd->attr.s : "";
    }
    return NULL;
}

/* ---- errors -------------------------------------------------------------- */

static unsigned long cur_line(const lm_reader *rd)
{
    return rd->ctxt ? (unsigned long)xmlSAX2GetLineNumber(rd->ctxt) : 0;
}

static void set_msg(lm_reader *rd, unsigned long line, const char *what)
{
    char where[64] = "";

    if (rd->in_record && rd->cur.pmid > 0)
        snprintf(where, sizeof where, "PMID %lld: ", (long long)rd->cur.pmid);
    if (line)
        lm_msg_set(rd->msg, sizeof rd->msg, "%s:%lu: %s%s", rd->in.name, line, where, what);
    else
        lm_msg_set(rd->msg, sizeof rd->msg, "%s: %s%s", rd->in.name, where, what);
}

lm_err reader_fail(lm_reader *rd, lm_err rc, const char *fmt, ...)
{
    char what[512];
    va_list ap;

    if (rd->err)
        return rd->err;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    set_msg(rd, cur_line(rd), what);
    rd->err = rc;
    if (rd->ctxt)
        xmlStopParser(rd->ctxt);
    return rc;
}

/* libxml2 reports here instead of printing; the message is read from the
 * context once xmlParseChunk() fails. */
static void on_xml_error(void *ud, xmlErrorPtr e)
{
    (void)ud;
    (void)e;
}

static lm_err xml_failed(lm_reader *rd)
{
    const xmlError *e = xmlCtxtGetLastError(rd->ctxt);
    char what[400];
    size_t n;

    if (rd->err)
        return rd->err;
    lm_msg_set(what, sizeof what, "%s", e && e->message ? e->message : "malformed XML");
    n = strlen(what);
    while (n && (what[n - 1] == '\n' || what[n - 1] == ' '))
        what[--n] = '\0';
    /* libxml2 puts the bytes of an encoding error on a second line
     * ("Input is not proper UTF-8...\nBytes: 0xE9 0x3C"): one line here */
    for (char *p = what; (p = strchr(p, '\n')); )
        *p = ';';
    set_msg(rd, e && e->line > 0 ? (unsigned long)e->line : cur_line(rd), what);
    rd->err = LM_ERR_XML;
    return rd->err;
}

/* ---- the record queue ------------------------------------------------------ */

/* Moves the record in progress to the queue (by swap: no copy). */
lm_err reader_emit(lm_reader *rd)
{
    lm_record tmp;

    if (rd->qlen == rd->qcap) {
        size_t i = rd->qcap;

        if (lm_grow(&rd->q, &rd->qcap, rd->qlen, sizeof *rd->q, 16))
            return reader_fail(rd, LM_ERR_NOMEM, "out of memory");
        for (; i < rd->qcap; i++)
            lm_record_init(&rd->q[i]);
    }
    tmp = rd->q[rd->qlen];
    rd->q[rd->qlen++] = rd->cur;
    rd->cur = tmp;
    lm_record_clear(&rd->cur);
    return LM_OK;
}

void reader_record_begin(lm_reader *rd, const char *source)
{
    lm_record_clear(&rd->cur);
    rd->cur.source = source;
    rd->cur.line = cur_line(rd);
    rd->in_record = 1;
    rd->record_depth = rd->depth;
    lm_buf_clear(&rd->pmid);
    lm_buf_clear(&rd->year);
    rd->bad_version[0] = '\0';
    rd->version_bad = 0;
}

/* Parses a PMID element's text; 0 when it is not a positive integer. */
int64_t reader_parse_pmid(const lm_buf *b)
{
    const char *s = lm_buf_str(b);
    int64_t v = 0;

    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
            return 0;
        v = v * 10 + (*s - '0');
    }
    return v;
}

const char *reader_pmid_why(const lm_buf *b)
{
    const char *s = lm_buf_str(b);

    if (!*s)
        return "not a number";
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return "not a number";
    return "out of range";
}

/* First four-digit run in "2019 Jan-Feb" or "Winter 2018": the year. */
int reader_parse_year(const lm_buf *b)
{
    const char *s = lm_buf_str(b);

    for (; *s; s++)
        if (s[0] >= '1' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
            s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9')
            return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return 0;
}

lm_err reader_record_end(lm_reader *rd)
{
    rd->in_record = 0;
    if (rd->cur.pmid <= 0 && !(rd->jats && rd->cur.pmcid.len))
        return reader_fail(rd, LM_ERR_FORMAT, "record starting at line %lu has no PMID",
                           rd->cur.line);
    if (!rd->cur.year)
        rd->cur.year = reader_parse_year(&rd->year);
    return reader_emit(rd);
}

/* ---- SAX callbacks ----------------------------------------------------------- */

static const char *format_name(int root)
{
    switch (root) {
    case E_PubmedArticleSet: case E_PubmedBookArticleSet: case E_MedlineCitationSet:
        return "pubmed";
    case E_article: case E_pmc_articleset: case E_OAI_PMH:
        return "pmc";
    }
    return NULL;
}

static void on_start(void *ud, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
                     int ndefaulted, const xmlChar **attrs)
{
    lm_reader *rd = ud;
    int id = element_id(rd, localname);

    if (rd->err)
        return;
    rd->depth++;
    if (rd->depth > READER_MAX_DEPTH) {
        reader_fail(rd, LM_ERR_FORMAT, "elements nested deeper than %d (<%s>)",
                    READER_MAX_DEPTH, localname);
        return;
    }
    if (rd->depth < STACK_MAX)
        rd->stack[rd->depth] = (unsigned char)id;
    if (rd->depth == 1) {
        const char *fmt = format_name(id);
        if (!fmt) {
            reader_fail(rd, LM_ERR_FORMAT,
                        "root element <%s> is neither PubMed XML nor PMC JATS", localname);
            return;
        }
        rd->jats = !strcmp(fmt, "pmc");
        rd->root = id;
    }
    if (rd->skip)
        return;
    if (id == E_math && !rd->math)
        rd->math = rd->depth;
    if (rd->jats)
        jats_start(rd, id, attrs, nattrs);
    else
        pubmed_start(rd, id, attrs, nattrs);
}

static void on_end(void *ud, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    lm_reader *rd = ud;
    int id = rd->depth < STACK_MAX ? rd->stack[rd->depth] : E_OTHER;

    if (rd->err)
        return;
    if (rd->skip) {
        if (rd->skip == rd->depth)
            rd->skip = 0;
    } else {
        if (rd->math == rd->depth)
            rd->math = 0;
        if (rd->target && rd->target_depth == rd->depth)
            capture_end(rd);
        if (rd->jats)
            jats_end(rd, id);
        else
            pubmed_end(rd, id);
    }
    rd->depth--;
}

static void on_text(void *ud, const xmlChar *s, int len)
{
    lm_reader *rd = ud;

    int i;

    if (!rd->target || rd->skip || rd->err)
        return;
    /* MathML is laid out with indentation between its tokens: that
     * whitespace is not text ("V O 2 max" would otherwise be "VO2max") */
    if (rd->math) {
        for (i = 0; i < len && is_space(s[i]); i++)
            ;
        if (i == len)
            return;
    }
    reader_text(rd, rd->target, (const char *)s, (size_t)len);
}

/* Character entities that NCBI's DTDs declare (they pull in the ISO and
 * MathML entity sets) beyond HTML 4's, which libxml2 knows already
 * (htmlEntityLookup): the ones seen in PubMed and PMC text.  No DTD is ever
 * loaded for them. */
static const struct { const char *name, *utf8; } extra_entities[] = {
    { "af", "\u2061" }, { "ApplyFunction", "\u2061" }, { "it", "\u2062" },
    { "InvisibleTimes", "\u2062" }, { "ic", "\u2063" }, { "InvisibleComma", "\u2063" },
    { "ThinSpace", "\u2009" }, { "VeryThinSpace", "\u200a" }, { "MediumSpace", "\u205f" },
    { "NonBreakingSpace", "\u00a0" }, { "ZeroWidthSpace", "\u200b" }, { "numsp", "\u2007" },
    { "puncsp", "\u2008" }, { "hairsp", "\u200a" },
    { "lsqb", "[" }, { "rsqb", "]" }, { "lpar", "(" }, { "rpar", ")" }, { "lcub", "{" },
    { "rcub", "}" }, { "percnt", "%" }, { "equals", "=" }, { "plus", "+" }, { "colon", ":" },
    { "semi", ";" }, { "comma", "," }, { "period", "." }, { "excl", "!" }, { "quest", "?" },
    { "num", "#" }, { "dollar", "$" }, { "ast", "*" }, { "sol", "/" }, { "bsol", "\\" },
    { "verbar", "|" }, { "vert", "|" }, { "lowbar", "_" }, { "commat", "@" }, { "grave", "`" },
    { "hyphen", "\u2010" }, { "dash", "\u2010" }, { "leq", "\u2264" }, { "geq", "\u2265" },
    { "les", "\u2a7d" }, { "ges", "\u2a7e" }, { "pm", "\u00b1" }, { "PlusMinus", "\u00b1" },
    { "mp", "\u2213" }, { "approx", "\u2248" }, { "ap", "\u2248" }, { "neq", "\u2260" },
    { "centerdot", "\u00b7" }, { "half", "\u00bd" }, { "frac13", "\u2153" },
    { "frac23", "\u2154" }, { "ohm", "\u03a9" }, { "angst", "\u00c5" }, { "ell", "\u2113" },
    { "hbar", "\u210f" }, { "plank", "\u210f" }, { "bullet", "\u2022" }, { "check", "\u2713" },
    { "cross", "\u2717" }, { "epsi", "\u03b5" }, { "epsiv", "\u03f5" }, { "phiv", "\u03d5" },
    { "thetav", "\u03d1" }, { "sigmav", "\u03c2" }, { "agr", "\u03b1" }, { "bgr", "\u03b2" },
    { "ggr", "\u03b3" }, { "dgr", "\u03b4" }, { "egr", "\u03b5" }, { "kgr", "\u03ba" },
    { "lgr", "\u03bb" }, { "mgr", "\u03bc" }, { "pgr", "\u03c0" }, { "sgr", "\u03c3" },
    { "tgr", "\u03c4" }, { "Agr", "\u0391" }, { "Dgr", "\u0394" }, { "Sgr", "\u03a3" },
    { "micro", "\u00b5" }, { "deg", "\u00b0" }, { "le", "\u2264" }, { "ge", "\u2265" },
};

static size_t put_utf8(char *o, unsigned c)
{
    if (c < 0x80) { o[0] = (char)c; return 1; }
    if (c < 0x800) { o[0] = (char)(0xc0 | c >> 6); o[1] = (char)(0x80 | (c & 0x3f)); return 2; }
    if (c < 0x10000) {
        o[0] = (char)(0xe0 | c >> 12); o[1] = (char)(0x80 | (c >> 6 & 0x3f));
        o[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | c >> 18); o[1] = (char)(0x80 | (c >> 12 & 0x3f));
    o[2] = (char)(0x80 | (c >> 6 & 0x3f)); o[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

/* The five XML entities, then the HTML and MathML character entities (a
 * character each: nothing to multiply), made once per reader in a private
 * document.  Any other name (a user-defined entity, an external one, a
 * typo) stops the file: text is never dropped silently. */
static xmlEntityPtr on_entity(void *ud, const xmlChar *name)
{
    lm_reader *rd = ud;
    const htmlEntityDesc *h;
    xmlEntityPtr e = xmlGetPredefinedEntity(name);
    const char *value = NULL;
    char utf8[8];
    size_t i;

    if (e || rd->err)
        return e;
    if (rd->entities && (e = xmlGetDocEntity(rd->entities, name)))
        return e;
    if ((h = htmlEntityLookup(name))) {
        utf8[put_utf8(utf8, h->value)] = '\0';
        value = utf8;
    }
    for (i = 0; !value && i < sizeof extra_entities / sizeof *extra_entities; i++)
        if (!strcmp((const char *)name, extra_entities[i].name))
            value = extra_entities[i].utf8;
    if (!value) {
        reader_fail(rd, LM_ERR_XML, "entity &%s; is not defined (litmine knows XML's, "
                    "HTML 4's and the common MathML character entities; it reads no DTD)",
                    (const char *)name);
        return NULL;
    }
    if (!rd->entities && (!(rd->entities = xmlNewDoc(BAD_CAST "1.0"))
                          || !xmlCreateIntSubset(rd->entities, BAD_CAST "x", NULL, NULL))) {
        reader_fail(rd, LM_ERR_NOMEM, "out of memory");
        return NULL;
    }
    if (!(e = xmlAddDocEntity(rd->entities, name, XML_INTERNAL_GENERAL_ENTITY, NULL, NULL,
                              BAD_CAST value)))
        reader_fail(rd, LM_ERR_NOMEM, "out of memory");
    return e;
}

static void sax_init(xmlSAXHandler *sax)
{
    memset(sax, 0, sizeof *sax);
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    sax->characters = on_text;
    sax->cdataBlock = on_text;
    sax->getEntity = on_entity;
    sax->serror = on_xml_error;
}

/* ---- public API ------------------------------------------------------------- */

static lm_err reader_new(lm_reader **out)
{
    lm_reader *rd = calloc(1, sizeof *rd);

    *out = rd;
    if (!rd)
        return LM_ERR_NOMEM;
    lm_record_init(&rd->cur);
    sax_init(&rd->sax);
    if (!(rd->chunk = malloc(CHUNK)))
        return LM_ERR_NOMEM;
    return LM_OK;
}

static lm_err open_fail(lm_reader *rd, lm_err rc)
{
    if (rd->in.msg[0])
        lm_msg_set(rd->msg, sizeof rd->msg, "%s", rd->in.msg);
    else
        lm_msg_set(rd->msg, sizeof rd->msg, "%s: %s", rd->in.name ? rd->in.name : "input",
                   lm_strerror(rc));
    rd->err = rc;
    return rc;
}

lm_err lm_reader_open(const char *path, lm_reader **out)
{
    lm_err rc;

    if (!path || !out)
        return LM_ERR_USAGE;
    if ((rc = reader_new(out)))
        return rc;
    if ((rc = corpus_input_open(&(*out)->in, path)))
        return open_fail(*out, rc);
    return LM_OK;
}

lm_err lm_reader_open_mem(const char *name, const void *data, size_t len, lm_reader **out)
{
    lm_err rc;

    if (!name || (!data && len) || !out)
        return LM_ERR_USAGE;
    if ((rc = reader_new(out)))
        return rc;
    if ((rc = corpus_input_open_mem(&(*out)->in, name, data ? data : "", len)))
        return open_fail(*out, rc);
    return LM_OK;
}

/* Feeds the next chunk to the parser, creating it on the first one. */
static lm_err feed(lm_reader *rd)
{
    size_t got = 0;
    int r;

    if (corpus_input_read(&rd->in, rd->chunk, CHUNK, &got)) {
        lm_msg_set(rd->msg, sizeof rd->msg, "%s", rd->in.msg);
        return rd->err = rd->in.err;
    }
    if (!rd->ctxt) {
        if (got == 0) {
            lm_msg_set(rd->msg, sizeof rd->msg, "%s: empty file", rd->in.name);
            return rd->err = LM_ERR_FORMAT;
        }
        rd->ctxt = xmlCreatePushParserCtxt(&rd->sax, rd, rd->chunk, got < 4 ? (int)got : 4,
                                           rd->in.name);
        if (!rd->ctxt)
            return reader_fail(rd, LM_ERR_NOMEM, "cannot create the XML parser");
        xmlCtxtUseOptions(rd->ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
        r = got > 4 ? xmlParseChunk(rd->ctxt, rd->chunk + 4, (int)got - 4, 0) : 0;
    } else if (got == 0) {
        r = xmlParseChunk(rd->ctxt, NULL, 0, 1);
        rd->done = 1;
    } else {
        r = xmlParseChunk(rd->ctxt, rd->chunk, (int)got, 0);
    }
    if (rd->err)
        return rd->err;
    if (r != 0 || !rd->ctxt->wellFormed)
        return xml_failed(rd);
    if (rd->done && !rd->root)
        return reader_fail(rd, LM_ERR_FORMAT, "no root element");
    return LM_OK;
}

lm_err lm_reader_read(lm_reader *rd, lm_record *rec)
{
    lm_record tmp;

    if (!rd || !rec)
        return LM_ERR_USAGE;
    for (;;) {
        if (rd->qhead < rd->qlen) {
            tmp = *rec;
            *rec = rd->q[rd->qhead];
            rd->q[rd->qhead++] = tmp;
            return LM_OK;
        }
        rd->qhead = rd->qlen = 0;
        if (rd->err)
            return rd->err;
        if (rd->done)
            return LM_EOF;
        if (feed(rd) && rd->qlen == 0)
            return rd->err;
    }
}

void corpus_reader_skip_md5(lm_reader *rd)
{
    rd->in.no_md5 = 1;
}

const char *lm_reader_errmsg(const lm_reader *rd)
{
    if (!rd)
        return "out of memory";
    return rd->msg[0] ? rd->msg : "no error";
}

uint64_t lm_reader_bytes(const lm_reader *rd)
{
    return rd ? rd->in.raw_bytes : 0;
}

const char *lm_reader_md5(lm_reader *rd)
{
    return rd ? corpus_input_md5(&rd->in) : "";
}

const char *lm_reader_name(const lm_reader *rd)
{
    return rd && rd->in.name ? rd->in.name : "";
}

void lm_reader_close(lm_reader *rd)
{
    size_t i;

    if (!rd)
        return;
    if (rd->ctxt) {
        /* libxml2 makes a document to hold <!ENTITY> declarations even
         * without a tree builder; the context does not own it */
        if (rd->ctxt->myDoc)
            xmlFreeDoc(rd->ctxt->myDoc);
        xmlFreeParserCtxt(rd->ctxt);
    }
    if (rd->entities)
        xmlFreeDoc(rd->entities);
    for (i = 0; i < rd->qcap; i++)
        lm_record_free(&rd->q[i]);
    free(rd->q);
    lm_record_free(&rd->cur);
    lm_buf_free(&rd->pmid);
    lm_buf_free(&rd->year);
    lm_buf_free(&rd->attr);
    corpus_input_close(&rd->in);
    free(rd->chunk);
    free(rd);
}
