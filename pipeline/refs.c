/* Articles for reference managers: RIS, BibTeX and MEDLINE (.nbib), the
 * three formats Zotero, EndNote and Mendeley import.  One article is written
 * at a time from the store's callback; nothing is held in memory.
 *
 * The corpus keeps authors as "Last F; Last2 G" (PubMed's LastName and
 * Initials, collective names as written), MeSH and publication types as
 * "; "-separated lists: each format splits them into its repeated fields.
 * Text is written as valid UTF-8 (an invalid byte becomes U+FFFD), with the
 * line breaks of structured abstracts folded into spaces where a format
 * holds one line per field. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/pipeline.h>

/* Length of the valid UTF-8 sequence at @s (1-4), 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
    size_t n, i;

    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4;
    else
        return 0;
    for (i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    /* overlong three- and four-byte forms, surrogates, > U+10FFFF */
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F)
        || (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
        return 0;
    return n;
}

/* Writes @s as valid UTF-8 on one line: CR, LF and tabs become one space. */
static void put_line(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n;

    while (*p) {
        if (*p == '\r' || *p == '\n' || *p == '\t') {
            fputc(' ', out);
            p++;
        } else if (*p < 0x20) {
            p++;                       /* other control characters carry nothing */
        } else if ((n = utf8_len(p))) {
            fwrite(p, 1, n, out);
            p += n;
        } else {
            fputs("\xEF\xBF\xBD", out);
            p++;
        }
    }
}

/* Calls @fn for each "; "-separated item of @list, trimmed, skipping empty
 * ones; @i counts from 0. */
static void each_item(const char *list, void (*fn)(FILE *, const char *, size_t, void *),
                      FILE *out, void *ud)
{
    const char *p = list ? list : "", *end;
    char item[1024];
    size_t i = 0, len;

    while (*p) {
        while (*p == ' ' || *p == ';')
            p++;
        if (!*p)
            break;
        end = strchr(p, ';');
        len = end ? (size_t)(end - p) : strlen(p);
        while (len && p[len - 1] == ' ')
            len--;
        if (len >= sizeof item)
            len = sizeof item - 1;
        memcpy(item, p, len);
        item[len] = '\0';
        fn(out, item, i++, ud);
        p = end ? end + 1 : p + strlen(p);
    }
}

/* "Last F" -> "Last, F" (RIS and BibTeX want the family name first, then a
 * comma).  A collective name (no initials) stays as written. */
static void author_comma(const char *a, char *dst, size_t cap)
{
    const char *sp = strrchr(a, ' ');
    int initials = sp && sp[1];
    const char *q;

    for (q = sp ? sp + 1 : ""; initials && *q; q++)
        if (!isupper((unsigned char)*q) && *q != '-')
            initials = 0;
    if (initials)
        snprintf(dst, cap, "%.*s, %s", (int)(sp - a), a, sp + 1);
    else
        snprintf(dst, cap, "%s", a);
}

/* ---- RIS ------------------------------------------------------------------ */

static void ris_tag(FILE *out, const char *tag, const char *v)
{
    if (!v || !*v)
        return;
    fprintf(out, "%s  - ", tag);
    put_line(out, v);
    fputs("\r\n", out);
}

static void ris_author(FILE *out, const char *a, size_t i, void *ud)
{
    char buf[1100];

    (void)i, (void)ud;
    author_comma(a, buf, sizeof buf);
    ris_tag(out, "AU", buf);
}

static void ris_kw(FILE *out, const char *k, size_t i, void *ud)
{
    (void)i;
    ris_tag(out, (const char *)ud, k);
}

static void ris_article(FILE *out, const lm_article *a)
{
    char buf[64];

    fputs("TY  - JOUR\r\n", out);
    ris_tag(out, "TI", a->title);
    each_item(a->authors, ris_author, out, NULL);
    if (a->year) {
        snprintf(buf, sizeof buf, "%d", a->year);
        ris_tag(out, "PY", buf);
    }
    ris_tag(out, "T2", a->journal);
    ris_tag(out, "AB", a->abstract);
    ris_tag(out, "DO", a->doi);
    snprintf(buf, sizeof buf, "%lld", (long long)a->pmid);
    ris_tag(out, "AN", buf);
    ris_tag(out, "C2", a->pmcid);
    snprintf(buf, sizeof buf, "https://pubmed.ncbi.nlm.nih.gov/%lld/", (long long)a->pmid);
    ris_tag(out, "UR", buf);
    each_item(a->mesh, ris_kw, out, "KW");
    each_item(a->pub_types, ris_kw, out, "M3");
    fputs("ER  - \r\n\r\n", out);
}

/* ---- BibTeX ----------------------------------------------------------------- */

/* Writes @s with BibTeX's special characters escaped, so a title with
 * "50% & more_{x}" survives LaTeX and every BibTeX parser. */
static void bib_escaped(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n;

    for (; *p; p += n) {
        n = 1;
        switch (*p) {
        case '#': case '$': case '%': case '&': case '_': case '{': case '}':
            fputc('\\', out);
            fputc(*p, out);
            continue;
        case '~': fputs("\\textasciitilde{}", out); continue;
        case '^': fputs("\\textasciicircum{}", out); continue;
        case '\\': fputs("\\textbackslash{}", out); continue;
        case '\r': case '\n': case '\t': fputc(' ', out); continue;
        default: break;
        }
        if (*p < 0x20)
            continue;
        if ((n = utf8_len(p))) {
            fwrite(p, 1, n, out);
        } else {
            fputs("\xEF\xBF\xBD", out);
            n = 1;
        }
    }
}

static void bib_field(FILE *out, const char *name, const char *v)
{
    if (!v || !*v)
        return;
    fprintf(out, "  %s = {", name);
    bib_escaped(out, v);
    fputs("},\n", out);
}

static void bib_author(FILE *out, const char *a, size_t i, void *ud)
{
    char buf[1100];

    (void)ud;
    author_comma(a, buf, sizeof buf);
    if (i)
        fputs(" and ", out);
    if (!strchr(buf, ','))
        fputc('{', out);      /* a collective name: braces keep it one "last name" */
    bib_escaped(out, buf);
    if (!strchr(buf, ','))
        fputc('}', out);
}

/* The ASCII letter a Latin letter with a diacritic is based on (U+00C0 to
 * U+017F: "Müller" keys as "muller", "Łukasz" as "lukasz"), 0 for others. */
static char latin_base(unsigned cp)
{
    static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOO_OUUUUYTs"
                                 "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
    static const char ext_a[] = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkk"
                                "LlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUu"
                                "WwYyYZzZzZzs";
    char b = 0;

    if (cp >= 0xC0 && cp <= 0xFF)
        b = latin1[cp - 0xC0];
    else if (cp >= 0x100 && cp <= 0x17F)
        b = ext_a[cp - 0x100];
    return b == '_' ? 0 : b;
}

void lm_bibtex_key(const lm_article *a, char *dst, size_t cap)
{
    const unsigned char *p = (const unsigned char *)(a->authors ? a->authors : "");
    char name[32], c;
    size_t n = 0, len;

    /* The first author's family name in lower-case ASCII letters: the key
     * stays the same on every export and is safe in LaTeX and BibTeX. */
    for (; *p && *p != ' ' && *p != ';' && n + 1 < sizeof name; p += len) {
        len = utf8_len(p);
        c = 0;
        if (len == 1)
            c = isalpha(*p) ? (char)*p : 0;
        else if (len == 2)
            c = latin_base((unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F));
        else if (!len)
            len = 1;
        if (c)
            name[n++] = (char)tolower((unsigned char)c);
    }
    name[n] = '\0';
    if (a->year)
        snprintf(dst, cap, "%s%dpmid%lld", n ? name : "anon", a->year, (long long)a->pmid);
    else
        snprintf(dst, cap, "%spmid%lld", n ? name : "anon", (long long)a->pmid);
}

static void bib_article(FILE *out, const lm_article *a)
{
    char key[96], num[32];

    lm_bibtex_key(a, key, sizeof key);
    fprintf(out, "@article{%s,\n", key);
    bib_field(out, "title", a->title);
    if (a->authors && *a->authors) {
        fputs("  author = {", out);
        each_item(a->authors, bib_author, out, NULL);
        fputs("},\n", out);
    }
    bib_field(out, "journal", a->journal);
    if (a->year)
        fprintf(out, "  year = {%d},\n", a->year);
    bib_field(out, "doi", a->doi);
    snprintf(num, sizeof num, "%lld", (long long)a->pmid);
    bib_field(out, "pmid", num);
    bib_field(out, "pmcid", a->pmcid);
    bib_field(out, "abstract", a->abstract);
    bib_field(out, "keywords", a->mesh);
    fprintf(out, "  url = {https://pubmed.ncbi.nlm.nih.gov/%lld/}\n}\n\n", (long long)a->pmid);
}

/* ---- MEDLINE (PubMed's .nbib) ----------------------------------------------- */

/* "TAG - value", wrapped before column 80 with six-space continuation lines
 * as PubMed writes them. */
static void med_tag(FILE *out, const char *tag, const char *v)
{
    char *one = NULL;
    size_t len = 0, col, i, brk;
    FILE *m;

    if (!v || !*v)
        return;
    if (!(m = open_memstream(&one, &len)))
        return;
    put_line(m, v);
    fclose(m);
    fprintf(out, "%-4s- ", tag);
    for (i = 0; i < len;) {
        /* one line: up to 74 bytes, broken at the last space */
        col = len - i;
        if (col > 74) {
            brk = i + 74;
            while (brk > i && one[brk] != ' ')
                brk--;
            if (brk == i)
                brk = i + 74;
            while (brk > i && ((unsigned char)one[brk] & 0xC0) == 0x80)
                brk--;           /* never inside a UTF-8 sequence */
            col = brk - i;
        }
        fwrite(one + i, 1, col, out);
        i += col;
        while (i < len && one[i] == ' ')
            i++;
        fputc('\n', out);
        if (i < len)
            fputs("      ", out);
    }
    free(one);
}

static void med_item(FILE *out, const char *v, size_t i, void *ud)
{
    (void)i;
    med_tag(out, (const char *)ud, v);
}

static void med_article(FILE *out, const lm_article *a)
{
    char buf[128];

    snprintf(buf, sizeof buf, "%lld", (long long)a->pmid);
    med_tag(out, "PMID", buf);
    if (a->pmcid && *a->pmcid)
        med_tag(out, "PMC", a->pmcid);
    if (a->year) {
        snprintf(buf, sizeof buf, "%d", a->year);
        med_tag(out, "DP", buf);
    }
    med_tag(out, "TI", a->title);
    med_tag(out, "AB", a->abstract);
    each_item(a->authors, med_item, out, "AU");
    each_item(a->pub_types, med_item, out, "PT");
    med_tag(out, "JT", a->journal);
    each_item(a->mesh, med_item, out, "MH");
    if (a->doi && *a->doi) {
        snprintf(buf, sizeof buf, "%.100s [doi]", a->doi);
        med_tag(out, "AID", buf);
    }
    med_tag(out, "SO", a->journal);
    fputc('\n', out);
}

int lm_export_is_reference(lm_export_format fmt)
{
    return fmt == LM_EXPORT_RIS || fmt == LM_EXPORT_BIBTEX || fmt == LM_EXPORT_MEDLINE;
}

lm_err lm_export_reference(FILE *out, lm_export_format fmt, const lm_article *a)
{
    if (!out || !a || !lm_export_is_reference(fmt))
        return LM_ERR_USAGE;
    if (fmt == LM_EXPORT_RIS)
        ris_article(out, a);
    else if (fmt == LM_EXPORT_BIBTEX)
        bib_article(out, a);
    else
        med_article(out, a);
    return ferror(out) ? LM_ERR_IO : LM_OK;
}
