/* Reports of a check: JSON (the contract in DESIGN.md, via cJSON), text for
 * a terminal (ANSI colour only when asked), and one self-contained HTML page
 * (inline CSS, no script, no external asset; PubMed links are plain links). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "reconcile/reconcile_int.h"

/* ---- JSON ---------------------------------------------------------------- */

static cJSON *span_json(size_t a, size_t b)
{
    cJSON *s = cJSON_CreateArray();

    if (s && (!cJSON_AddItemToArray(s, cJSON_CreateNumber((double)a))
              || !cJSON_AddItemToArray(s, cJSON_CreateNumber((double)b)))) {
        cJSON_Delete(s);
        return NULL;
    }
    return s;
}

/* Adds @v under @key; a second value of the same kind turns it into an array. */
static int add_number(cJSON *o, const char *key, cJSON *v)
{
    cJSON *old = cJSON_GetObjectItemCaseSensitive(o, key);

    if (!v)
        return 0;
    if (!old)
        return cJSON_AddItemToObject(o, key, v);
    if (cJSON_IsArray(old))
        return cJSON_AddItemToArray(old, v);
    {
        cJSON *arr = cJSON_CreateArray();
        cJSON *first = cJSON_DetachItemFromObjectCaseSensitive(o, key);
        if (!arr || !first || !cJSON_AddItemToArray(arr, first) || !cJSON_AddItemToArray(arr, v)
            || !cJSON_AddItemToObject(o, key, arr)) {
            cJSON_Delete(arr);
            cJSON_Delete(v);
            return 0;
        }
    }
    return 1;
}

static double round4(double x)
{
    return round(x * 10000.0) / 10000.0;
}

static cJSON *numbers_json(const struct rc_claim *c)
{
    cJSON *o = cJSON_CreateObject();
    size_t i;
    int ok = o != NULL, ci_done = 0;

    for (i = 0; ok && i < c->nums.n; i++) {
        const struct rc_num *x = &c->nums.v[i];
        const char *key = rc_num_kind_name(x->kind);
        if (x->kind == RC_P) {
            char p[32];
            snprintf(p, sizeof p, "%s%g", x->what[0] && strcmp(x->what, "=") ? x->what : "", x->v);
            ok = add_number(o, key, cJSON_CreateString(p));
            continue;
        }
        ok = add_number(o, key, cJSON_CreateNumber(round4(x->v)));
        if (ok && x->kind == RC_DOSE && !cJSON_GetObjectItem(o, "dose_unit"))
            ok = cJSON_AddStringToObject(o, "dose_unit", x->unit) != NULL;
        if (ok && x->kind == RC_EFFECT && x->unit[0] && !cJSON_GetObjectItem(o, "effect_metric"))
            ok = cJSON_AddStringToObject(o, "effect_metric", x->unit) != NULL;
        if (ok && x->kind == RC_RATE && x->k >= 0 && !cJSON_GetObjectItem(o, "k")) {
            ok = cJSON_AddNumberToObject(o, "k", x->k) && cJSON_AddNumberToObject(o, "of", x->n);
        }
        if (ok && x->has_ci && !ci_done) {
            cJSON *ci = cJSON_CreateArray();
            ok = ci && cJSON_AddItemToArray(ci, cJSON_CreateNumber(round4(x->lo)))
                 && cJSON_AddItemToArray(ci, cJSON_CreateNumber(round4(x->hi)))
                 && cJSON_AddItemToObject(o, "ci", ci);
            if (!ok && ci && !cJSON_GetObjectItem(o, "ci"))
                cJSON_Delete(ci);
            ci_done = 1;
        }
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *claim_json(const struct lm_report *r, const struct rc_claim *c)
{
    cJSON *o = cJSON_CreateObject(), *arr;
    size_t i;
    char *text, about[24];
    int ok;

    if (!o)
        return NULL;
    if (!(text = malloc(c->end - c->start + 1))) {
        cJSON_Delete(o);
        return NULL;
    }
    memcpy(text, r->text + c->start, c->end - c->start);
    text[c->end - c->start] = '\0';
    snprintf(about, sizeof about, "s%d", c->about + 1);
    ok = cJSON_AddNumberToObject(o, "id", c->id)
         && cJSON_AddStringToObject(o, "text", text)
         && cJSON_AddItemToObject(o, "span", span_json(c->start, c->end))
         && cJSON_AddStringToObject(o, "kind", rc_claim_kind_name(c->kind))
         && (c->about >= 0 ? cJSON_AddStringToObject(o, "about", about) != NULL
                           : cJSON_AddStringToObject(o, "about", "topic") != NULL)
         && cJSON_AddStringToObject(o, "source", lm_claim_source_name(c->source))
         && cJSON_AddItemToObject(o, "numbers", numbers_json(c))
         && cJSON_AddStringToObject(o, "verdict", lm_verdict_name(c->verdict))
         && (c->level[0] ? cJSON_AddStringToObject(o, "level", c->level) != NULL
                         : cJSON_AddNullToObject(o, "level") != NULL)
         && (arr = cJSON_AddArrayToObject(o, "matches")) != NULL;
    free(text);
    for (i = 0; ok && i < c->nmatches; i++) {
        const struct rc_match *m = &c->matches[i];
        cJSON *mo = cJSON_CreateObject();
        char pmid[24];
        snprintf(pmid, sizeof pmid, "%lld", (long long)m->pmid);
        ok = mo && cJSON_AddItemToArray(arr, mo)
             && cJSON_AddStringToObject(mo, "pmid", pmid)
             && cJSON_AddStringToObject(mo, "title", m->title ? m->title : "")
             && cJSON_AddStringToObject(mo, "design", m->design)
             && cJSON_AddNumberToObject(mo, "score", m->score)
             && cJSON_AddStringToObject(mo, "level", m->level)
             && cJSON_AddBoolToObject(mo, "agrees", m->agrees)
             && cJSON_AddStringToObject(mo, "evidence", m->evidence ? m->evidence : "")
             && cJSON_AddItemToObject(mo, "span", span_json(m->ev_start, m->ev_end));
    }
    ok = ok && (arr = cJSON_AddArrayToObject(o, "reasons")) != NULL;
    for (i = 0; ok && i < c->nreasons; i++) {
        cJSON *ro = cJSON_CreateObject();
        ok = ro && cJSON_AddItemToArray(arr, ro)
             && cJSON_AddStringToObject(ro, "code", c->codes[i] ? c->codes[i] : "")
             && cJSON_AddStringToObject(ro, "text", c->reasons[i]);
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *study_json(const struct lm_report *r, const struct rc_mention *m, size_t i)
{
    cJSON *o = cJSON_CreateObject(), *det, *why;
    char id[24], pmid[24], *text;
    size_t j;
    int ok;

    if (!o)
        return NULL;
    if (!(text = malloc(m->end - m->start + 1))) {
        cJSON_Delete(o);
        return NULL;
    }
    memcpy(text, r->text + m->start, m->end - m->start);
    text[m->end - m->start] = '\0';
    snprintf(id, sizeof id, "s%zu", i + 1);
    snprintf(pmid, sizeof pmid, "%lld", (long long)m->pmid);
    ok = cJSON_AddStringToObject(o, "id", id) && cJSON_AddStringToObject(o, "text", text)
         && (det = cJSON_AddObjectToObject(o, "details")) != NULL
         && (!m->n || cJSON_AddNumberToObject(det, "n", (double)m->n))
         && (!m->year || cJSON_AddNumberToObject(det, "year", m->year))
         && (!m->venue[0] || cJSON_AddStringToObject(det, "venue", m->venue))
         && (!m->design[0] || cJSON_AddStringToObject(det, "design", m->design))
         && (!m->sessions || cJSON_AddNumberToObject(det, "sessions", (double)m->sessions))
         && (m->days <= 0 || cJSON_AddNumberToObject(det, "days", m->days))
         && (m->dose <= 0 || cJSON_AddNumberToObject(det, "dose", m->dose))
         && (m->pmid ? cJSON_AddStringToObject(o, "pmid", pmid) != NULL
                     : cJSON_AddNullToObject(o, "pmid") != NULL)
         && (why = cJSON_AddArrayToObject(o, "why")) != NULL;
    free(text);
    for (j = 0; ok && j < m->nwhy; j++)
        ok = cJSON_AddItemToArray(why, cJSON_CreateString(m->why[j]));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

lm_err lm_report_json(const lm_report *r, lm_buf *out)
{
    cJSON *o = cJSON_CreateObject(), *arr, *sum;
    char *s;
    size_t i;
    int v, ok;
    lm_err rc;

    if (!r || !out)
        return LM_ERR_USAGE;
    ok = o && cJSON_AddStringToObject(o, "article", r->name)
         && (arr = cJSON_AddArrayToObject(o, "studies")) != NULL;
    for (i = 0; ok && i < r->nstudies; i++)
        ok = cJSON_AddItemToArray(arr, study_json(r, &r->studies[i], i));
    ok = ok && (arr = cJSON_AddArrayToObject(o, "claims")) != NULL;
    for (i = 0; ok && i < r->nclaims; i++)
        ok = cJSON_AddItemToArray(arr, claim_json(r, &r->claims[i]));
    ok = ok && (sum = cJSON_AddObjectToObject(o, "summary")) != NULL;
    for (v = 0; ok && v < LM_VERDICT_COUNT; v++)
        ok = cJSON_AddNumberToObject(sum, lm_verdict_name((lm_verdict)v),
                                     (double)lm_report_count(r, (lm_verdict)v)) != NULL;
    if (!ok || !(s = cJSON_PrintUnformatted(o))) {
        cJSON_Delete(o);
        return LM_ERR_NOMEM;
    }
    cJSON_Delete(o);
    rc = lm_buf_puts(out, s);
    free(s);
    return rc;
}

/* ---- text ---------------------------------------------------------------- */

static const char *ansi(lm_verdict v)
{
    switch (v) {
    case LM_VERDICT_CONTROLLED:   return "\033[1;32m";
    case LM_VERDICT_UNCONTROLLED: return "\033[1;33m";
    case LM_VERDICT_ANECDOTAL:    return "\033[1;35m";
    case LM_VERDICT_CONTRADICTED: return "\033[1;31m";
    case LM_VERDICT_NOT_FOUND:    return "\033[1;37m";
    }
    return "";
}

/* Appends s[0,n) for a terminal: control characters (C0, DEL, C1 as UTF-8)
 * that an article, a title or a name could carry are dropped, tabs and line
 * ends become spaces, so no escape sequence reaches the terminal but ours. */
/* What a match that does not support its claim is: a record against it,
 * or, for a claim no study answers, only the closest record. */
static const char *match_note(const struct rc_claim *c, const struct rc_match *m, int html)
{
    if (m->agrees)
        return "";
    if (c->verdict == LM_VERDICT_NOT_FOUND)
        return html ? ", closest record" : " (closest record)";
    return html ? ", disagrees" : " (disagrees)";
}

static lm_err put_clean(lm_buf *out, const char *s, size_t n)
{
    size_t i, run = 0;
    lm_err rc = LM_OK;

    for (i = 0; i < n && rc == LM_OK; i++) {
        unsigned char ch = (unsigned char)s[i];
        size_t skip = 0;
        if (ch < 0x20 || ch == 0x7f)
            skip = 1;
        else if (ch == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80
                 && (unsigned char)s[i + 1] <= 0x9f)
            skip = 2;
        if (!skip)
            continue;
        if (i > run)
            rc = lm_buf_append(out, s + run, i - run);
        if (rc == LM_OK && (ch == '\t' || ch == '\n' || ch == '\r'))
            rc = lm_buf_append(out, " ", 1);
        i += skip - 1;
        run = i + 1;
    }
    if (rc == LM_OK && n > run)
        rc = lm_buf_append(out, s + run, n - run);
    return rc;
}

static lm_err put_str(lm_buf *out, const char *s)
{
    return put_clean(out, s ? s : "", s ? strlen(s) : 0);
}

lm_err lm_report_text(const lm_report *r, int colour, lm_buf *out)
{
    size_t i, j;
    int v;
    lm_err rc = LM_OK;
    const char *off = colour ? "\033[0m" : "", *dim = colour ? "\033[2m" : "";

    if (!r || !out)
        return LM_ERR_USAGE;
#define P(...) do { if (rc == LM_OK) rc = lm_buf_printf(out, __VA_ARGS__); } while (0)
#define S(s) do { if (rc == LM_OK) rc = put_str(out, (s)); } while (0)
    S(r->name);
    P(": %zu claim%s", r->nclaims, r->nclaims == 1 ? "" : "s");
    if (r->topic) {
        P(" (topic: ");
        S(r->topic);
        P(")");
    }
    P("\n");
    for (v = 0; v < LM_VERDICT_COUNT; v++)
        P("  %s%-13s%s %zu\n", colour ? ansi((lm_verdict)v) : "", lm_verdict_name((lm_verdict)v),
          off, lm_report_count(r, (lm_verdict)v));
    P("checked %s", r->checked_at);
    if (r->corpus_records >= 0)
        P("; corpus: %lld records imported", r->corpus_records);
    if (r->last_import[0]) {
        P(", last import ");
        S(r->last_import);
    }
    P("\n");
    for (i = 0; i < r->nstudies; i++) {
        const struct rc_mention *m = &r->studies[i];
        P("study s%zu: \"", i + 1);
        if (rc == LM_OK)
            rc = put_clean(out, r->text + m->start, m->end - m->start);
        if (m->pmid)
            P("\" -> PMID %lld", (long long)m->pmid);
        else
            P("\" -> no record");
        for (j = 0; j < m->nwhy; j++) {
            P("%s", j ? "; " : " (");
            S(m->why[j]);
        }
        P("%s\n", m->nwhy ? ")" : "");
    }
    for (i = 0; i < r->nwarnings; i++) {
        P("warning: ");
        S(r->warnings[i]);
        P("\n");
    }
    for (i = 0; i < r->nclaims; i++) {
        const struct rc_claim *c = &r->claims[i];
        P("\n[%d] %s%s%s", c->id, colour ? ansi(c->verdict) : "", lm_verdict_name(c->verdict), off);
        P(" (level %s, source %s, %s%s", c->level[0] ? c->level : "none",
          lm_claim_source_name(c->source), rc_claim_kind_name(c->kind),
          c->hedged ? ", hedged" : "");
        if (c->about >= 0)
            P(", about s%d", c->about + 1);
        P(")\n");
        P("    \"");
        if (rc == LM_OK)
            rc = put_clean(out, r->text + c->start, c->end - c->start);
        P("\"\n");
        for (j = 0; j < c->nreasons; j++) {
            P("    - ");
            S(c->reasons[j]);
            P("\n");
        }
        for (j = 0; j < c->nmatches; j++) {
            const struct rc_match *m = &c->matches[j];
            P("    %sPMID %lld [", dim, (long long)m->pmid);
            S(m->level);
            P(" %s]%s ", m->design[0] ? m->design : "?", match_note(c, m, 0));
            S(m->title);
            P("%s\n      %s\"", off, dim);
            S(m->evidence);
            P("\"%s\n", off);
        }
    }
#undef S
#undef P
    return rc;
}

/* ---- HTML -------------------------------------------------------------------- */

static lm_err esc(lm_buf *b, const char *s, size_t n)
{
    size_t i, run = 0;
    lm_err rc = LM_OK;

    for (i = 0; i < n && rc == LM_OK; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = ""; break;
        default: break;
        }
        if (!rep)
            continue;
        if (i > run)
            rc = lm_buf_append(b, s + run, i - run);
        if (rc == LM_OK)
            rc = lm_buf_puts(b, rep);
        run = i + 1;
    }
    if (rc == LM_OK && n > run)
        rc = lm_buf_append(b, s + run, n - run);
    return rc;
}

static lm_err esc_str(lm_buf *b, const char *s)
{
    return esc(b, s ? s : "", s ? strlen(s) : 0);
}

static const char css[] =
    "*{box-sizing:border-box}body{font:16px/1.55 Georgia,'DejaVu Serif',serif;color:#1d1d1f;"
    "background:#f6f5f1;margin:0;padding:24px 32px}"
    "h1{font:600 24px/1.3 'Helvetica Neue',Arial,sans-serif;margin:0 0 4px}"
    ".sub{font:14px Arial,sans-serif;color:#666;margin:0 0 18px}"
    ".sum{display:flex;gap:10px;flex-wrap:wrap;margin:0 0 14px}"
    ".sum div{font:600 14px Arial,sans-serif;padding:8px 14px;border-radius:8px;background:#fff;"
    "border:1px solid #ddd}.sum b{font-size:20px;margin-right:6px}"
    "table.claims{border-collapse:collapse;width:100%;background:#fff;font:14px/1.4 Arial,sans-serif;"
    "margin:0 0 28px;border:1px solid #ddd}"
    "table.claims th{background:#eeece6;text-align:left;padding:6px 8px}"
    "table.claims td{border-top:1px solid #e4e2dc;padding:6px 8px;vertical-align:top}"
    ".warn{background:#fff4d6;border:1px solid #e7c55c;padding:8px 12px;border-radius:6px;"
    "font:14px Arial,sans-serif;margin:0 0 14px}"
    ".row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;align-items:start;"
    "padding:10px 0;border-top:1px solid #e4e2dc}"
    ".art{background:#fff;padding:8px 16px;border-radius:6px}.art h2{font:600 19px Arial,sans-serif}"
    ".art p{margin:6px 0}.art li{margin:6px 0 6px 18px}"
    "mark{padding:1px 2px;border-radius:3px}"
    "mark sup{font:700 11px Arial,sans-serif;margin-left:2px}"
    ".card{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:6px;"
    "padding:8px 12px;margin:0 0 10px;font:14px/1.45 Arial,sans-serif}"
    ".card ul{margin:4px 0 4px 18px;padding:0}.card blockquote{margin:6px 0;padding:4px 8px;"
    "background:#f4f3ef;border-left:3px solid #ccc;font-style:italic}"
    ".badge{display:inline-block;font:700 12px Arial,sans-serif;text-transform:uppercase;"
    "letter-spacing:.04em;padding:2px 8px;border-radius:10px;color:#fff}"
    ".lvl{font:12px Arial,sans-serif;color:#555;margin-left:6px}"
    "a{color:#1a5fb4}"
    ".v0{background:#1e8e3e}.v1{background:#c77c02}.v2{background:#8e44ad}.v3{background:#c5221f}"
    ".v4{background:#6b6b6b}"
    "mark.v0{background:#d5f0dc}mark.v1{background:#fdecc8}mark.v2{background:#ecdcf3}"
    "mark.v3{background:#fadad7}mark.v4{background:#e6e6e6}"
    ".card.v0{border-left-color:#1e8e3e}.card.v1{border-left-color:#c77c02}"
    ".card.v2{border-left-color:#8e44ad}.card.v3{border-left-color:#c5221f}"
    ".card.v4{border-left-color:#6b6b6b}.card{background:#fff}"
    ".row.h{grid-template-columns:1fr;border-top:none;padding:14px 0 0}"
    ".row.h .art{background:none;padding:0}.row.h .art h2{margin:6px 0}"
    ".legend{margin:8px 0 16px;font:13px/1.4 system-ui,sans-serif}.legend dl{display:grid;"
    "grid-template-columns:max-content 1fr;gap:4px 12px;margin:8px 0}.legend dt{font-weight:600}"
    ".legend dd{margin:0}"
    "@media (max-width:900px){.row{grid-template-columns:1fr}}";

static lm_err html_card(lm_buf *b, const struct rc_claim *c)
{
    size_t j;
    lm_err rc = LM_OK;

#define P(...) do { if (rc == LM_OK) rc = lm_buf_printf(b, __VA_ARGS__); } while (0)
#define E(s) do { if (rc == LM_OK) rc = esc_str(b, s); } while (0)
    /* the card is white; its verdict colour shows in the badge and border */
    P("<div class=\"card v%d\" id=\"claim%d\" style=\"background:#fff\"><span class=\"badge v%d\">%d &middot; %s</span>"
      "<span class=\"lvl\">level %s &middot; source: %s &middot; %s%s",
      (int)c->verdict, c->id, (int)c->verdict, c->id, lm_verdict_name(c->verdict),
      c->level[0] ? c->level : "none", lm_claim_source_name(c->source),
      rc_claim_kind_name(c->kind), c->hedged ? " (hedged)" : "");
    if (c->about >= 0)
        P(" &middot; about s%d", c->about + 1);
    P("</span><ul>");
    for (j = 0; j < c->nreasons; j++) {
        P("<li>");
        E(c->reasons[j]);
        P("</li>");
    }
    P("</ul>");
    for (j = 0; j < c->nmatches; j++) {
        const struct rc_match *m = &c->matches[j];
        P("<div><a href=\"https://pubmed.ncbi.nlm.nih.gov/%lld/\">PMID %lld</a> "
          "<span class=\"lvl\">%s &middot; %s%s</span> ", (long long)m->pmid, (long long)m->pmid,
          m->level, m->design[0] ? m->design : "design unknown", match_note(c, m, 1));
        E(m->title);
        if (m->year)
            P(" (%d)", m->year);
        P("<blockquote>");
        E(m->evidence);
        P("</blockquote></div>");
    }
    P("</div>");
    return rc;
}

/* What the levels and verdicts mean (DESIGN.md), shown on every report. */
static lm_err html_legend(lm_buf *b)
{
    static const char *const levels[][2] = {
        { "L1", "systematic review or meta-analysis of randomised trials" },
        { "L2", "randomised controlled trial" },
        { "L3", "non-randomised controlled study (controlled cohort, case-control)" },
        { "L4", "open-label, single-arm, before/after, case series, observational" },
        { "L5", "single case report, animal or laboratory study, expert opinion" },
        { "anecdote", "testimonial or forum post" },
    };
    static const char *const verdicts[LM_VERDICT_COUNT] = {
        "an L1/L2 study in the corpus supports it and its numbers agree",
        "the best support is L3-L5: nothing controlled backs it",
        "it rests on testimonials, single cases or animal data",
        ("higher-level evidence disagrees (a null trial, another number, two studies merged, "
         "another regimen, venue or year)"),
        "nothing in the corpus matches (background and mechanism statements are not problems)",
    };
    size_t i;
    lm_err rc = LM_OK;

    P("<details class=\"legend\" open><summary>Legend: levels and verdicts</summary><dl>");
    for (i = 0; i < sizeof levels / sizeof levels[0]; i++)
        P("<dt>%s</dt><dd>%s</dd>", levels[i][0], levels[i][1]);
    for (i = 0; i < LM_VERDICT_COUNT; i++)
        P("<dt><span class=\"badge v%zu\">%s</span></dt><dd>%s</dd>", i,
          lm_verdict_name((lm_verdict)i), verdicts[i]);
    P("</dl></details>\n");
    return rc;
}

lm_err lm_report_html(const lm_report *r, lm_buf *b)
{
    size_t i, bi, ci = 0;
    int v;
    lm_err rc = LM_OK;

    if (!r || !b)
        return LM_ERR_USAGE;
    P("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>litmine check: ");
    E(r->name);
    P("</title><style>%s</style></head><body>\n<h1>Claim check: ", css);
    E(r->name);
    P("</h1><p class=\"sub\">%zu claim%s checked against the corpus", r->nclaims,
      r->nclaims == 1 ? "" : "s");
    if (r->topic) {
        P(" &middot; topic: ");
        E(r->topic);
    }
    P("</p>\n<div class=\"sum\">");
    for (v = 0; v < LM_VERDICT_COUNT; v++)
        P("<div><b>%zu</b><span class=\"badge v%d\">%s</span></div>",
          lm_report_count(r, (lm_verdict)v), v, lm_verdict_name((lm_verdict)v));
    P("</div>\n<p class=\"sub\">checked %s", r->checked_at);
    if (r->corpus_records >= 0)
        P(" &middot; corpus: %lld records imported", r->corpus_records);
    if (r->last_import[0]) {
        P(", last import ");
        E(r->last_import);
    }
    P("</p>\n");
    rc = rc == LM_OK ? html_legend(b) : rc;
    if (r->nstudies) {
        P("<table class=\"claims\"><tr><th>study</th><th>as the article describes it</th>"
          "<th>record</th><th>why</th></tr>\n");
        for (i = 0; i < r->nstudies; i++) {
            const struct rc_mention *m = &r->studies[i];
            size_t j;
            P("<tr><td>s%zu</td><td>", i + 1);
            if (rc == LM_OK)
                rc = esc(b, r->text + m->start, m->end - m->start);
            P("</td><td>");
            if (m->pmid)
                P("<a href=\"https://pubmed.ncbi.nlm.nih.gov/%lld/\">%lld</a>",
                  (long long)m->pmid, (long long)m->pmid);
            else
                P("&ndash;");
            P("</td><td>");
            for (j = 0; j < m->nwhy; j++) {
                P("%s", j ? "; " : "");
                E(m->why[j]);
            }
            P("</td></tr>\n");
        }
        P("</table>\n");
    }
    for (i = 0; i < r->nwarnings; i++) {
        P("<div class=\"warn\">");
        E(r->warnings[i]);
        P("</div>");
    }
    if (r->nclaims) {
        P("<table class=\"claims\"><tr><th>#</th><th>verdict</th><th>level</th><th>claim</th>"
          "<th>studies</th></tr>\n");
        for (i = 0; i < r->nclaims; i++) {
            const struct rc_claim *c = &r->claims[i];
            size_t j, len = c->end - c->start;
            P("<tr><td><a href=\"#claim%d\">%d</a></td><td><span class=\"badge v%d\">%s</span></td>"
              "<td>%s</td><td>", c->id, c->id, (int)c->verdict, lm_verdict_name(c->verdict),
              c->level[0] ? c->level : "&ndash;");
            if (rc == LM_OK)
                rc = esc(b, r->text + c->start, len > 140 ? 137 : len);
            if (len > 140)
                P("&hellip;");
            P("</td><td>");
            for (j = 0; j < c->nmatches; j++)
                P("%s<a href=\"https://pubmed.ncbi.nlm.nih.gov/%lld/\">%lld</a>", j ? ", " : "",
                  (long long)c->matches[j].pmid, (long long)c->matches[j].pmid);
            if (!c->nmatches)
                P("&ndash;");
            P("</td></tr>\n");
        }
        P("</table>\n");
    }
    /* the article, block by block, claims marked, their cards beside */
    for (bi = 0; bi < r->nblocks && rc == LM_OK; bi++) {
        const struct rc_block *bl = &r->blocks[bi];
        size_t p = bl->start, first = ci;
        const char *tag = bl->kind == RC_BLOCK_HEADING ? "h2" : "p";

        /* headings span the page, set as headings, not as boxed text */
        P("<div class=\"row%s\"><div class=\"art\"><%s>%s", bl->kind == RC_BLOCK_HEADING ? " h" : "",
          tag, bl->kind == RC_BLOCK_ITEM ? "&bull; " : "");
        while (ci < r->nclaims && r->claims[ci].start < bl->end) {
            const struct rc_claim *c = &r->claims[ci];
            if (c->start < p) {
                ci++;
                continue;
            }
            if (rc == LM_OK)
                rc = esc(b, r->text + p, c->start - p);
            P("<mark class=\"v%d\" title=\"%s\">", (int)c->verdict, lm_verdict_name(c->verdict));
            if (rc == LM_OK)
                rc = esc(b, r->text + c->start, c->end - c->start);
            P("<sup>%d</sup></mark>", c->id);
            p = c->end;
            ci++;
        }
        if (rc == LM_OK && p < bl->end)
            rc = esc(b, r->text + p, bl->end - p);
        P("</%s></div><div>", tag);
        for (i = first; i < ci && rc == LM_OK; i++)
            rc = html_card(b, &r->claims[i]);
        P("</div></div>\n");
    }
    P("<p class=\"sub\" style=\"margin-top:24px\">Verdicts: <b>controlled</b> an RCT or meta-analysis "
      "of RCTs agrees; <b>uncontrolled</b> only open-label, observational or mixed evidence; "
      "<b>anecdotal</b> testimonials, single cases, animal or cell data; <b>contradicted</b> "
      "stronger evidence or the study's own numbers disagree; <b>not_found</b> nothing in the "
      "corpus. Generated by litmine %s.</p></body></html>\n", LM_VERSION);
#undef P
#undef E
    return rc;
}
