/* Reading E-utilities replies.  NCBI reports many failures inside an HTTP
 * 200: an <ERROR> element, a JSON {"error": ...}, a body cut short, or a
 * search result without <Count>.  None of them may ever read as "0 results",
 * so every check below says FV_OK only for a reply that is whole. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "fetch/fetch_int.h"

void fetch_search_free(fetch_search *s)
{
    if (!s)
        return;
    free(s->ids);
    memset(s, 0, sizeof *s);
}

int fetch_error_is_expired(const char *text)
{
    /* NCBI's wording varies ("Unable to obtain query #1", "Cannot retrieve
     * query from history", "WebEnv ... expired"); all name the history. */
    static const char *marks[] = {
        "obtain query", "from history", "history is", "webenv", "query_key",
        "query key", "expired"
    };
    size_t i;

    for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strcasestr(text, marks[i]))
            return 1;
    return 0;
}

/* Copies @len bytes of @s into @out as one printable line. */
static void one_line(char *out, size_t cap, const char *s, size_t len)
{
    size_t i, o = 0;

    if (!cap)
        return;
    for (i = 0; i < len && o + 1 < cap; i++)
        out[o++] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' '
                   : (unsigned char)s[i] < 0x20 ? '?' : s[i];
    out[o] = '\0';
}

fetch_verdict fetch_check_json_error(const char *body, size_t len, char *msg, size_t msgcap)
{
    const cJSON *e;
    cJSON *j;
    size_t i = 0;

    while (i < len && isspace((unsigned char)body[i]))
        i++;
    if (i == len || body[i] != '{')
        return FV_OK;
    j = cJSON_ParseWithLength(body + i, len - i);
    if (!j) {
        lm_msg_set(msg, msgcap, "JSON reply that does not parse");
        return FV_RETRY;
    }
    e = cJSON_GetObjectItemCaseSensitive(j, "error");
    if (cJSON_IsString(e))
        lm_msg_set(msg, msgcap, "error in reply: %s", e->valuestring);
    else
        lm_msg_set(msg, msgcap, "JSON reply where XML was expected");
    cJSON_Delete(j);
    return FV_RETRY;
}

/* ---- DOM replies: esearch and epost ------------------------------------ */

/* The importer's entity rules for every E-utilities reply: the five XML
 * entities only.  A reply that declares an entity, or uses any other one,
 * is refused: E-utilities never do either, and a declared entity is how a
 * 1 MB reply grows into a gigabyte (the tree keeps every expansion). */
struct entity_guard {
    const char *why;
    char name[64];
};

static void refuse_entity_decl(void *ud, const xmlChar *name, int type, const xmlChar *pub,
                               const xmlChar *sys, xmlChar *content)
{
    xmlParserCtxtPtr ctx = ud;
    struct entity_guard *g = ctx->_private;

    (void)type, (void)pub, (void)sys, (void)content;
    if (!g->why) {
        g->why = "declares the entity";
        snprintf(g->name, sizeof g->name, "%s", (const char *)name);
    }
    xmlStopParser(ctx);
}

static xmlEntityPtr predefined_only(void *ud, const xmlChar *name)
{
    xmlParserCtxtPtr ctx = ud;
    struct entity_guard *g = ctx->_private;
    xmlEntityPtr e = xmlGetPredefinedEntity(name);

    if (!e && !g->why) {
        g->why = "uses the undefined entity";
        snprintf(g->name, sizeof g->name, "%s", (const char *)name);
        xmlStopParser(ctx);
    }
    return e;
}

static xmlDocPtr read_doc(const char *body, size_t len, char *msg, size_t msgcap)
{
    struct entity_guard g = { NULL, "" };
    xmlParserCtxtPtr ctx;
    xmlDocPtr doc;

    if (len > (size_t)INT32_MAX) {
        lm_msg_set(msg, msgcap, "reply of %zu bytes is too large", len);
        return NULL;
    }
    if (!(ctx = xmlNewParserCtxt())) {
        lm_msg_set(msg, msgcap, "out of memory");
        return NULL;
    }
    ctx->_private = &g;
    ctx->sax->entityDecl = refuse_entity_decl;
    ctx->sax->getEntity = predefined_only;
    /* No network, no DTD, no entity substitution: replies are data. */
    doc = xmlCtxtReadMemory(ctx, body, (int)len, "reply.xml", NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (g.why) {
        lm_msg_set(msg, msgcap, "reply %s &%s;: refused (only the five XML entities are accepted)",
                   g.why, g.name);
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctx);
        char m[200];

        one_line(m, sizeof m, e && e->message ? e->message : "unknown error",
                 e && e->message ? strlen(e->message) : 13);
        lm_msg_set(msg, msgcap, "malformed reply (cut short?): line %d: %s",
                   e ? e->line : 0, m);
    }
    xmlFreeParserCtxt(ctx);
    return doc;
}

static int name_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* Unsigned decimal text of an element; 0 when it is not one. */
static int node_u64(xmlNodePtr n, uint64_t *out)
{
    xmlChar *t = xmlNodeGetContent(n);
    const char *p;
    char *end;
    int ok;

    if (!t)
        return 0;
    p = (const char *)t;
    while (isspace((unsigned char)*p))
        p++;
    ok = isdigit((unsigned char)*p);
    if (ok) {
        *out = strtoull(p, &end, 10);
        while (isspace((unsigned char)*end))
            end++;
        ok = *end == '\0';
    }
    xmlFree(t);
    return ok;
}

/* An <ERROR> child with text: FV_RETRY or FV_EXPIRED, message set. */
static fetch_verdict error_child(xmlNodePtr root, char *msg, size_t msgcap)
{
    xmlNodePtr n;

    for (n = root->children; n; n = n->next) {
        xmlChar *t;
        const char *p;
        fetch_verdict v = FV_OK;

        if (!name_is(n, "ERROR"))
            continue;
        if (!(t = xmlNodeGetContent(n)))
            continue;
        for (p = (const char *)t; isspace((unsigned char)*p); p++)
            ;
        if (*p) {
            char m[300];

            one_line(m, sizeof m, p, strlen(p));
            lm_msg_set(msg, msgcap, "<ERROR> in reply: %s", m);
            v = fetch_error_is_expired(p) ? FV_EXPIRED : FV_RETRY;
        }
        xmlFree(t);
        if (v != FV_OK)
            return v;
    }
    return FV_OK;
}

static fetch_verdict read_history(xmlNodePtr n, fetch_search *s, char *msg, size_t msgcap)
{
    uint64_t v;
    xmlChar *t;

    if (name_is(n, "QueryKey")) {
        if (!node_u64(n, &v) || v == 0 || v > 1000000) {
            lm_msg_set(msg, msgcap, "bad <QueryKey> in reply");
            return FV_RETRY;
        }
        s->query_key = (int)v;
    } else if (name_is(n, "WebEnv")) {
        if (!(t = xmlNodeGetContent(n)))
            return FV_RETRY;
        if (!*t || strlen((const char *)t) >= sizeof s->webenv
            || strpbrk((const char *)t, " \t\r\n&#%\"<>")) {
            lm_msg_set(msg, msgcap, "bad <WebEnv> in reply");
            xmlFree(t);
            return FV_RETRY;
        }
        strcpy(s->webenv, (const char *)t);
        xmlFree(t);
    }
    return FV_OK;
}

static fetch_verdict read_ids(xmlNodePtr list, fetch_search *s, char *msg, size_t msgcap)
{
    xmlNodePtr n;
    uint64_t v;

    for (n = list->children; n; n = n->next) {
        if (!name_is(n, "Id"))
            continue;
        if (!node_u64(n, &v) || v == 0 || v > INT64_MAX) {
            lm_msg_set(msg, msgcap, "bad <Id> in reply");
            return FV_RETRY;
        }
        if (s->nids == s->capids) {
            size_t cap = s->capids ? s->capids * 2 : 256;
            int64_t *ids = realloc(s->ids, cap * sizeof *ids);

            if (!ids) {
                lm_msg_set(msg, msgcap, "out of memory");
                return FV_FATAL;
            }
            s->ids = ids;
            s->capids = cap;
        }
        s->ids[s->nids++] = (int64_t)v;
    }
    return FV_OK;
}

static fetch_verdict parse_result(const char *body, size_t len, fetch_search *s,
                                  const char *rootname, char *msg, size_t msgcap)
{
    fetch_verdict v;
    xmlDocPtr doc;
    xmlNodePtr root, n;
    int have_count = 0;

    free(s->ids);
    memset(s, 0, sizeof *s);
    if ((v = fetch_check_json_error(body, len, msg, msgcap)) != FV_OK)
        return v;
    if (!(doc = read_doc(body, len, msg, msgcap)))
        return FV_RETRY;
    root = xmlDocGetRootElement(doc);
    if (!root || !name_is(root, rootname)) {
        lm_msg_set(msg, msgcap, "reply is <%s>, not <%s>",
                   root ? (const char *)root->name : "nothing", rootname);
        v = FV_RETRY;
        goto out;
    }
    if ((v = error_child(root, msg, msgcap)) != FV_OK)
        goto out;
    for (n = root->children; n && v == FV_OK; n = n->next) {
        if (name_is(n, "Count"))
            have_count = node_u64(n, &s->count);
        else if (name_is(n, "RetMax"))
            node_u64(n, &s->retmax);
        else if (name_is(n, "RetStart"))
            node_u64(n, &s->retstart);
        else if (name_is(n, "IdList"))
            v = read_ids(n, s, msg, msgcap);
        else
            v = read_history(n, s, msg, msgcap);
    }
    if (v == FV_OK && !strcmp(rootname, "eSearchResult") && !have_count) {
        lm_msg_set(msg, msgcap, "esearch reply without a <Count>");
        v = FV_RETRY;
    }
    if (v == FV_OK && !strcmp(rootname, "ePostResult") && (!s->query_key || !*s->webenv)) {
        lm_msg_set(msg, msgcap, "epost reply without <QueryKey> and <WebEnv>");
        v = FV_RETRY;
    }
out:
    xmlFreeDoc(doc);
    return v;
}

fetch_verdict fetch_parse_esearch(const char *body, size_t len, fetch_search *s,
                                  char *msg, size_t msgcap)
{
    fetch_verdict v = parse_result(body, len, s, "eSearchResult", msg, msgcap);

    /* The ids present must be all of them up to RetMax: a shorter list is a
     * reply that lost its tail. */
    if (v == FV_OK && s->nids != s->retmax && s->count > 0) {
        lm_msg_set(msg, msgcap, "esearch reply lists %zu ids but says RetMax %llu",
                   s->nids, (unsigned long long)s->retmax);
        v = FV_RETRY;
    }
    return v;
}

fetch_verdict fetch_parse_epost(const char *body, size_t len, fetch_search *s,
                                char *msg, size_t msgcap)
{
    return parse_result(body, len, s, "ePostResult", msg, msgcap);
}

/* ---- efetch: only the root is looked at here; the corpus reader parses
 * the records (and reports a body cut short as malformed XML). -------------- */

/* Skips the prolog: XML declaration, processing instructions, comments and
 * a DOCTYPE (with an internal subset).  Returns the offset of the root's '<'
 * or len. */
static size_t skip_prolog(const char *b, size_t len)
{
    size_t i = 0;

    if (len >= 3 && (unsigned char)b[0] == 0xEF && (unsigned char)b[1] == 0xBB
        && (unsigned char)b[2] == 0xBF)
        i = 3;
    while (i < len) {
        const char *end;

        while (i < len && isspace((unsigned char)b[i]))
            i++;
        if (i + 1 >= len || b[i] != '<')
            return len;
        if (b[i + 1] == '?') {
            end = memmem(b + i, len - i, "?>", 2);
            if (!end)
                return len;
            i = (size_t)(end - b) + 2;
        } else if (len - i >= 4 && !memcmp(b + i, "<!--", 4)) {
            end = memmem(b + i, len - i, "-->", 3);
            if (!end)
                return len;
            i = (size_t)(end - b) + 3;
        } else if (b[i + 1] == '!') {
            int depth = 0;

            for (; i < len; i++) {
                if (b[i] == '[')
                    depth++;
                else if (b[i] == ']')
                    depth--;
                else if (b[i] == '>' && depth <= 0)
                    break;
            }
            if (i == len)
                return len;
            i++;
        } else {
            return i;
        }
    }
    return len;
}

fetch_verdict fetch_check_efetch(const char *body, size_t len, char *msg, size_t msgcap)
{
    fetch_verdict v;
    size_t i, n = 0;
    char root[64];
    const char *e, *end;

    if (len == 0) {
        lm_msg_set(msg, msgcap, "empty reply");
        return FV_RETRY;
    }
    if ((v = fetch_check_json_error(body, len, msg, msgcap)) != FV_OK)
        return v;
    i = skip_prolog(body, len);
    if (i >= len) {
        lm_msg_set(msg, msgcap, "reply is not XML (cut short?)");
        return FV_RETRY;
    }
    for (i++; i < len && n + 1 < sizeof root && !isspace((unsigned char)body[i])
              && body[i] != '>' && body[i] != '/'; i++)
        root[n++] = body[i];
    root[n] = '\0';
    if (!strcmp(root, "PubmedArticleSet") || !strcmp(root, "pmc-articleset"))
        return FV_OK;
    if ((e = memmem(body, len, "<ERROR>", 7))) {
        char m[300];

        e += 7;
        end = memmem(e, len - (size_t)(e - body), "</ERROR>", 8);
        one_line(m, sizeof m, e, end ? (size_t)(end - e) : 0);
        lm_msg_set(msg, msgcap, "<ERROR> in reply: %s", m);
        return fetch_error_is_expired(m) ? FV_EXPIRED : FV_RETRY;
    }
    lm_msg_set(msg, msgcap, "reply is <%s>, not PubmedArticleSet or pmc-articleset", root);
    return FV_RETRY;
}
