/* reconcile: reading articles (text, HTML, bad input) and segmentation. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/litmine.h>
#include "reconcile/reconcile_int.h"

#define FX LM_FIXTURES "/reconcile/"

static void init(void) { cr_assert_eq(lm_global_init(), LM_OK); }
static void fini(void) { lm_global_cleanup(); }
TestSuite(reconcile_input, .init = init, .fini = fini);

/* Splits @s into sentences; returns them as one "|"-joined string. */
static char *split(const char *s)
{
    struct rc_sent *v = NULL;
    size_t n = 0, cap = 0, i;
    lm_buf b = {0};

    cr_assert_eq(rc_split_span(s, 0, strlen(s), 0, &v, &n, &cap), LM_OK);
    for (i = 0; i < n; i++) {
        cr_assert_eq(lm_buf_printf(&b, "%s%.*s", i ? "|" : "", (int)(v[i].end - v[i].start),
                                   s + v[i].start), LM_OK);
    }
    free(v);
    return b.s ? b.s : strdup("");
}

Test(reconcile_input, sentences_survive_abbreviations_decimals_and_p)
{
    char *s = split("Smith et al. found 0.75 remission (p < .05) vs. placebo, e.g. in adults. "
                    "Dr. Jones agreed! Was it 2.5 mg? \"Yes,\" she said. Next one.");
    cr_assert_str_eq(s, "Smith et al. found 0.75 remission (p < .05) vs. placebo, e.g. in adults.|"
                        "Dr. Jones agreed!|Was it 2.5 mg?|\"Yes,\" she said.|Next one.");
    free(s);
}

Test(reconcile_input, quotes_and_list_markers)
{
    char *s = split("1. \"I felt better.\" She smiled. Then 3 people left.");
    cr_assert_str_eq(s, "\"I felt better.\"|She smiled.|Then 3 people left.");
    free(s);
    s = split("- bullet item with 20 patients");
    cr_assert_str_eq(s, "bullet item with 20 patients");
    free(s);
    /* a reply's "@user" is no part of the post's words; an e-mail is */
    s = split("@Quill_Reader42 I took 5 mg. Write to me@example.org for more.");
    cr_assert_str_eq(s, "I took 5 mg.|Write to me@example.org for more.");
    free(s);
}

/* A post's "UPDATE:" or "Edit 2:" lead-in is no part of its sentence; a
 * sentence that only starts with such a word keeps it. */
Test(reconcile_input, update_labels_before_a_posts_words)
{
    static const struct { const char *in, *out; } t[] = {
        { "UPDATE for anyone reading later: took 5 mg for a week.", "took 5 mg for a week." },
        { "Edit 2: velmorant did nothing.", "velmorant did nothing." },
        { "P.S.: it helped my dizziness.", "it helped my dizziness." },
        { "Updates on velmorant: none yet.", "Updates on velmorant: none yet." },
        { "Update, everyone: nothing new.", "Update, everyone: nothing new." },
        { "Edits were made to the trial: 20 adults.", "Edits were made to the trial: 20 adults." },
        { "A: Zorvane has no known interactions.", "Zorvane has no known interactions." },
        { "Q: Is zorvane safe for children?", "Is zorvane safe for children?" },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        char *s = split(t[i].in);
        cr_assert_str_eq(s, t[i].out, "%s", t[i].in);
        free(s);
    }
}

/* A forum thread's post headers are author lines, never claim text. */
Test(reconcile_input, numbered_post_headers_are_author_lines)
{
    static const struct { const char *line; int attrib; } t[] = {
        { "#6  quill_reader  (Verified member)", 1 },
        { "#12 Velmo_fan", 1 },
        { "DadOfThree wrote:", 1 },
        { "#1 Velmorant tips and more", 1 },
        { "#hashtag velmorant works", 0 },
        { "## Velmorant dosing", 0 },
        /* a social post's header: a name, a handle, a date */
        { "Ana Quill @ana_q \xc2\xb7 3 June", 1 },
        { "quill reader @quillr", 1 },
        { "Replying to @ana_q", 1 },
        { "Email us at help@quill.example today", 0 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        char text[160];
        lm_doc *d = NULL;
        snprintf(text, sizeof text, "Intro.\n\n%s\nVelmorant cut my dizziness in half.\n", t[i].line);
        cr_assert_eq(lm_doc_from_mem("t.txt", text, strlen(text), 0, &d), LM_OK);
        cr_assert_geq(d->nblocks, 2, "%s", t[i].line);
        cr_assert_eq(d->blocks[1].kind == RC_BLOCK_ATTRIB, t[i].attrib, "%s", t[i].line);
        lm_doc_free(d);
    }
}

Test(reconcile_input, plain_text_blocks_keep_original_offsets)
{
    const char *t = "Title line\n\nFirst paragraph\nwrapped here.\n\n  [reply] indented item\n"
                    "a | b | c\n";
    lm_doc *d = NULL;
    size_t len;

    cr_assert_eq(lm_doc_from_mem("t.txt", t, strlen(t), 0, &d), LM_OK);
    cr_assert_str_eq(lm_doc_text(d, &len), t);
    cr_assert_eq(d->nblocks, 4);
    cr_assert_eq(d->blocks[0].kind, RC_BLOCK_HEADING);
    cr_assert_eq(strncmp(t + d->blocks[1].start, "First paragraph\nwrapped here.",
                         d->blocks[1].end - d->blocks[1].start), 0);
    cr_assert_eq(d->blocks[2].kind, RC_BLOCK_ITEM);
    cr_assert_eq(d->blocks[3].kind, RC_BLOCK_ROW);
    lm_doc_free(d);
}

/* Hard-wrapped text: a line broken because the next word did not fit is
 * the same paragraph (or list item) even when the next line starts with a
 * capital, and its line break reads as a space; a short line over a long
 * unwrapped one is still a heading. */
Test(reconcile_input, hard_wrapped_lines_join_their_paragraph)
{
    static const struct {
        const char *in;
        size_t nblocks;
        enum rc_block_kind first;
        const char *first_text;     /* block 0 as read, line breaks made spaces */
    } t[] = {
        { "In a trial of 312 adults from the Velmor clinic network in\n"
          "Tarsk, zelvorin cut dizziness by 41% over twelve weeks of\n"
          "treatment.\n", 1, RC_BLOCK_PARA,
          "In a trial of 312 adults from the Velmor clinic network in Tarsk, zelvorin cut "
          "dizziness by 41% over twelve weeks of treatment." },
        { "- Zelvorin cut dizziness by 41% in a trial of 312 adults over\n"
          "Twelve weeks of treatment at three clinics, with few side\n"
          "effects.\n", 1, RC_BLOCK_ITEM,
          "- Zelvorin cut dizziness by 41% in a trial of 312 adults over Twelve weeks of "
          "treatment at three clinics, with few side effects." },
        { "Zelvorin and dizziness\n"
          "A trial of 312 adults found that zelvorin cut dizziness by 41% over twelve weeks, "
          "with few side effects reported by the clinics.\n", 2, RC_BLOCK_HEADING,
          "Zelvorin and dizziness" },
        /* a paragraph of two lines is judged by the document's width */
        { "Zelvorin cut dizziness by 41% over twelve weeks in Tarsk and\n"
          "Velmor, the trial's two clinics.\n\n"
          "In a trial of 312 adults from the Velmor clinic network in\n"
          "Tarsk, zelvorin cut dizziness by 41% over twelve weeks of\n"
          "treatment.\n", 2, RC_BLOCK_PARA,
          "Zelvorin cut dizziness by 41% over twelve weeks in Tarsk and Velmor, the trial's "
          "two clinics." },
        /* a header's lines, none starting in lower case, each start anew */
        { "Velmor Clinic Notes > Balance and Dizziness\n"
          "Zelvorin explained: a plain guide for the patients\n"
          "Written by the Velmor care team, four minutes\n\n"
          "Zelvorin is a tablet taken once a day.\n", 4, RC_BLOCK_HEADING,
          "Velmor Clinic Notes > Balance and Dizziness" },
        /* a rule is no wrapped line, and no word of the line over it */
        { "=============================================================\n"
          "Velmor clinic notes\n"
          "- Zelvorin cut dizziness by 41% in our own survey of users.\n", 3, RC_BLOCK_HEADING,
          "=============================================================" },
        { "- Zelvorin eased dizziness in a week for most of the users.\n"
          "- Zelvorin cut dizziness by 41% in our own survey of users.\n"
          "=============================================================\n", 3, RC_BLOCK_ITEM,
          "- Zelvorin eased dizziness in a week for most of the users." },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        lm_doc *d = NULL;
        size_t len;
        const char *text;

        cr_assert_eq(lm_doc_from_mem("t.txt", t[i].in, strlen(t[i].in), 0, &d), LM_OK);
        text = lm_doc_text(d, &len);
        cr_assert_eq(len, strlen(t[i].in), "offsets kept: %s", t[i].in);
        cr_assert_eq(d->nblocks, t[i].nblocks, "%s", t[i].in);
        cr_assert_eq(d->blocks[0].kind, t[i].first, "%s", t[i].in);
        cr_assert_eq(d->blocks[0].end - d->blocks[0].start, strlen(t[i].first_text), "%s", t[i].in);
        cr_assert_eq(strncmp(text + d->blocks[0].start, t[i].first_text, strlen(t[i].first_text)), 0,
                     "%.*s", (int)(d->blocks[0].end - d->blocks[0].start), text + d->blocks[0].start);
        lm_doc_free(d);
    }
}

/* Page furniture kept by a copied page (a cookie notice, a newsletter box,
 * a share bar, a "Read more" list of other headlines) is no block: its
 * words are no part of the article.  A long paragraph naming a newsletter
 * is the article's, and the article's own list after a "Read more" list
 * is kept. */
Test(reconcile_input, page_furniture_is_no_block)
{
    static const struct { const char *in; const char *kept[4]; const char *dropped[3]; } t[] = {
        { "Zelvorin eased vertigo in a trial of 60 adults.\n\n"
          "We use cookies to improve your visit. Accept all\n\n"
          "Share this article: Email | Print\n\n"
          "Read more\n\n- Velmorant for gout: the new advice\n- Is tarsine safe?\n\n"
          "1. It worked within a week for 40 of them.\n\n"
          "Sign up for our weekly newsletter. Subscribe now\n\n"
          "I ate a cookie and my sugar went up on zelvorin.\n",
          { "Zelvorin eased vertigo", "1. It worked within a week", "I ate a cookie", NULL },
          { "improve your visit", "Velmorant for gout", "weekly newsletter" } },
        { "The newsletter of the Velmor clinic, which every patient of the trial received "
          "each week, reported that zelvorin eased vertigo in 41 of the 60 adults who took it "
          "for twelve weeks, and that few of them stopped it.\n",
          { "The newsletter of the Velmor clinic", NULL }, { NULL } },
    };
    size_t i, j, b;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        lm_doc *d = NULL;
        const char *text;

        cr_assert_eq(lm_doc_from_mem("t.txt", t[i].in, strlen(t[i].in), 0, &d), LM_OK);
        text = lm_doc_text(d, NULL);
        for (j = 0; j < 4 && t[i].kept[j]; j++) {
            int found = 0;
            for (b = 0; b < d->nblocks; b++)
                found |= !strncmp(text + d->blocks[b].start, t[i].kept[j], strlen(t[i].kept[j]));
            cr_assert(found, "kept: %s", t[i].kept[j]);
        }
        for (j = 0; j < 3 && t[i].dropped[j]; j++)
            for (b = 0; b < d->nblocks; b++) {
                const char *hit = rc_find_ci(text + d->blocks[b].start,
                                             d->blocks[b].end - d->blocks[b].start, t[i].dropped[j]);
                cr_assert_null(hit, "dropped: %s", t[i].dropped[j]);
            }
        lm_doc_free(d);
    }
}

Test(reconcile_input, html_drops_furniture_and_keeps_blocks)
{
    lm_doc *d = NULL;
    const char *t;

    cr_assert_eq(lm_doc_load(FX "page.html", &d), LM_OK);
    t = lm_doc_text(d, NULL);
    cr_assert_null(strstr(t, "99% of readers"), "script kept: %s", t);
    cr_assert_null(strstr(t, "color"), "style kept: %s", t);
    cr_assert_null(strstr(t, "75% off"), "nav kept: %s", t);
    cr_assert_null(strstr(t, "Copyright"), "footer kept: %s", t);
    cr_assert_not_null(strstr(t, "In a randomized trial of 120 adults, 50% responded to zentrofen."));
    cr_assert_not_null(strstr(t, "Pilot | 20"), "table row: %s", t);
    cr_assert_not_null(strstr(t, "\n\nFifteen of 20 patients responded"), "list item: %s", t);
    cr_assert_geq(d->nblocks, 5);
    lm_doc_free(d);
}

/* A page's paragraphs that read as headings or author lines are taken as
 * such, as in plain text; the head's <title> is dropped when a heading of
 * the page repeats it (the rest is the site's name), kept otherwise. */
Test(reconcile_input, html_pseudo_headings_author_lines_and_title)
{
    static const struct {
        const char *page;
        const char *first;              /* block 0's text */
        enum rc_block_kind k0, k1;      /* blocks 0 and 1 */
    } t[] = {
        { "<html><body><p>Key points</p><ul><li>Zelvorin eased vertigo in 41 of 60 "
          "adults.</li></ul></body></html>", "Key points", RC_BLOCK_HEADING, RC_BLOCK_ITEM },
        { "<html><body><div>velmo_fan wrote:</div><div>Zelvorin did nothing for my "
          "vertigo.</div></body></html>", "velmo_fan wrote:", RC_BLOCK_ATTRIB, RC_BLOCK_PARA },
        { "<html><head><title>Zelvorin eases vertigo | Velmor News</title></head><body>"
          "<h1>Zelvorin eases vertigo</h1><p>A trial of 60 adults found it.</p></body></html>",
          "Zelvorin eases vertigo", RC_BLOCK_HEADING, RC_BLOCK_PARA },
        { "<html><head><title>Velmor News</title></head><body><h1>Zelvorin eases "
          "vertigo</h1><p>A trial of 60 adults found it.</p></body></html>",
          "Velmor News", RC_BLOCK_HEADING, RC_BLOCK_HEADING },
        /* a sentence of a paragraph is no heading, however short */
        { "<html><body><p>Zelvorin works.</p><p>A trial of 60 adults found it.</p>"
          "</body></html>", "Zelvorin works.", RC_BLOCK_PARA, RC_BLOCK_PARA },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        lm_doc *d = NULL;
        const char *text;

        cr_assert_eq(lm_doc_from_mem("t.html", t[i].page, strlen(t[i].page), 1, &d), LM_OK);
        text = lm_doc_text(d, NULL);
        cr_assert_geq(d->nblocks, 2, "%s", t[i].page);
        cr_assert_eq(d->blocks[0].end - d->blocks[0].start, strlen(t[i].first), "%s", text);
        cr_assert_eq(strncmp(text + d->blocks[0].start, t[i].first, strlen(t[i].first)), 0,
                     "%s", text);
        cr_assert_eq(d->blocks[0].kind, t[i].k0, "%s", t[i].page);
        cr_assert_eq(d->blocks[1].kind, t[i].k1, "%s", t[i].page);
        lm_doc_free(d);
    }
}

Test(reconcile_input, broken_html_is_still_read)
{
    lm_doc *d = NULL;

    cr_assert_eq(lm_doc_load(FX "broken.html", &d), LM_OK);
    cr_assert_not_null(strstr(lm_doc_text(d, NULL), "50% responded"));
    lm_doc_free(d);
}

Test(reconcile_input, empty_file_is_bad_input_naming_it)
{
    lm_doc *d = NULL;

    cr_assert_eq(lm_doc_load(FX "empty.txt", &d), LM_ERR_FORMAT);
    cr_assert_not_null(strstr(lm_doc_errmsg(d), "empty.txt"), "%s", lm_doc_errmsg(d));
    cr_assert_not_null(strstr(lm_doc_errmsg(d), "empty"));
    lm_doc_free(d);
}

Test(reconcile_input, binary_file_is_bad_input_naming_it)
{
    lm_doc *d = NULL;

    cr_assert_eq(lm_doc_load(FX "binary.bin", &d), LM_ERR_FORMAT);
    cr_assert_not_null(strstr(lm_doc_errmsg(d), "binary.bin"), "%s", lm_doc_errmsg(d));
    cr_assert_not_null(strstr(lm_doc_errmsg(d), "binary"));
    lm_doc_free(d);
}

Test(reconcile_input, missing_file_is_io_error_naming_it)
{
    lm_doc *d = NULL;

    cr_assert_eq(lm_doc_load(FX "no-such-article.txt", &d), LM_ERR_IO);
    cr_assert_not_null(strstr(lm_doc_errmsg(d), "no-such-article.txt"));
    lm_doc_free(d);
}

Test(reconcile_input, oversized_input_is_refused)
{
    size_t n = (size_t)LM_CHECK_MAX_INPUT + 1;
    char *big = malloc(n);
    lm_doc *d = NULL;

    cr_assert_not_null(big);
    memset(big, 'a', n);
    cr_assert_eq(lm_doc_from_mem("big.html", big, n, -1, &d), LM_ERR_TOO_BIG);
    cr_assert_not_null(strstr(lm_doc_errmsg(d), "big.html"));
    lm_doc_free(d);
    free(big);
}

Test(reconcile_input, unreachable_url_is_network_error_naming_it)
{
    lm_doc *d = NULL;

    /* port 1 on loopback: nothing listens there */
    cr_assert_eq(lm_doc_load("http://127.0.0.1:1/article.html", &d), LM_ERR_NET);
    cr_assert_not_null(strstr(lm_doc_errmsg(d), "http://127.0.0.1:1/article.html"),
                       "%s", lm_doc_errmsg(d));
    lm_doc_free(d);
}

Test(reconcile_input, deep_tag_soup_is_read_as_a_stream)
{
    lm_buf b = {0};
    lm_doc *d = NULL;
    const char *t;
    int i;

    cr_assert_eq(lm_buf_puts(&b, "<html><head><title>Page title</title><meta name=x></head><body>"
                             "<p>Before the soup, 50% responded.</p>"), LM_OK);
    for (i = 0; i < 5000; i++)
        cr_assert_eq(lm_buf_puts(&b, "<div><span>"), LM_OK);
    cr_assert_eq(lm_buf_puts(&b, "lost in the deep"), LM_OK);
    for (i = 0; i < 5000; i++)
        cr_assert_eq(lm_buf_puts(&b, "</span></div>"), LM_OK);
    cr_assert_eq(lm_buf_puts(&b, "<ul><li>After the soup, an item.</li></ul>"
                             "<script>var hidden = 1;</script></body></html>"), LM_OK);
    cr_assert_eq(lm_doc_from_mem("soup.html", b.s, b.len, 1, &d), LM_OK);
    t = lm_doc_text(d, NULL);
    cr_assert_not_null(strstr(t, "Page title\n\nBefore the soup, 50% responded."), "%s", t);
    cr_assert_null(strstr(t, "lost in the deep"), "text below the depth limit is dropped");
    cr_assert_not_null(strstr(t, "After the soup, an item."), "%s", t);
    cr_assert_null(strstr(t, "hidden"));
    cr_assert_eq(d->blocks[d->nblocks - 1].kind, RC_BLOCK_ITEM);
    lm_doc_free(d);
    lm_buf_free(&b);
}

/* Forum post headers without a colon ("Reply from X (role)", "Posted by
 * X") are author lines; quoted reviews with their speaker after a dash are
 * paragraphs of their own, never headings; a product title ending in its
 * pack size is a heading. */
Test(reconcile_input, reply_headers_reviews_and_product_titles)
{
    static const struct { const char *line; int kind; } t[] = {
        { "Reply from quill_reader (verified nurse)", RC_BLOCK_ATTRIB },
        { "Posted by velmo_fan", RC_BLOCK_ATTRIB },
        { "Reply from the makers of velmorant. We disagree with this post.", RC_BLOCK_PARA },
        { "\"My dizziness was gone in three days!\" - Anna, 5 stars", RC_BLOCK_PARA },
        { "\xe2\x80\x9cIt works. I sleep again.\xe2\x80\x9d \xe2\x80\x94 T. Quill", RC_BLOCK_PARA },
        { "Velmorant Calming Drops 3% (25 ml)", RC_BLOCK_HEADING },
        { "Zorvane Night Capsules (pack of 60)", RC_BLOCK_HEADING },
        { "\xe2\x98\x85\xe2\x98\x85\xe2\x98\x86 Helped a little.", RC_BLOCK_ITEM },
        { "Velmorant helps (in 40 of 60 adults)", RC_BLOCK_PARA },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        char text[200];
        lm_doc *d = NULL;
        snprintf(text, sizeof text, "Intro.\n\n%s\nVelmorant cut my dizziness in half.\n", t[i].line);
        cr_assert_eq(lm_doc_from_mem("t.txt", text, strlen(text), 0, &d), LM_OK);
        cr_assert_geq(d->nblocks, 2, "%s", t[i].line);
        cr_assert_eq((int)d->blocks[1].kind, t[i].kind, "%s: kind %d", t[i].line,
                     (int)d->blocks[1].kind);
        lm_doc_free(d);
    }
}

/* A short cry inside a quote stays with the rest of the quote; a quoted
 * review's speaker after a dash is no part of its words; a long quote's
 * sentences are claims of their own. */
Test(reconcile_input, quotes_stay_whole_and_reviews_drop_their_speaker)
{
    static const struct { const char *in, *out; } t[] = {
        { "\"At last something that helps. I slept all night.\" - R. Quill, 4 stars",
          "\"At last something that helps. I slept all night.\"" },
        { "\"Gone in a week!\" - Anna, 5 stars", "\"Gone in a week!\"" },
        { "\xe2\x80\x9cWow. It works.\xe2\x80\x9d \xe2\x80\x93 Tom",
          "\xe2\x80\x9cWow. It works.\xe2\x80\x9d" },
        { "\"A second trial of zorvane in 80 adults confirmed the effect on sleep. It was "
          "published in 2020.\"",
          "\"A second trial of zorvane in 80 adults confirmed the effect on sleep.|It was "
          "published in 2020.\"" },
        /* a dash after a quote that goes on as a sentence is no speaker */
        { "\"It works!\" - and the trial agreed. Next one.",
          "\"It works!\" - and the trial agreed.|Next one." },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        char *s = split(t[i].in);
        cr_assert_str_eq(s, t[i].out, "%s", t[i].in);
        free(s);
    }
}

/* A page that names no character set but is UTF-8 is read as UTF-8: its
 * curly quotes stay quotes (libxml2 alone reads such a page as Latin-1). */
Test(reconcile_input, undeclared_utf8_html_keeps_its_quotes)
{
    static const char page[] = "<html><body><h1>Zorvane</h1>"
                               "<p>\xe2\x80\x9cIt worked within days.\xe2\x80\x9d said Ola.</p>"
                               "</body></html>";
    lm_doc *d = NULL;
    const char *text;

    cr_assert_eq(lm_doc_from_mem("p.html", page, strlen(page), 1, &d), LM_OK);
    text = lm_doc_text(d, NULL);
    cr_assert_not_null(strstr(text, "\xe2\x80\x9cIt worked"), "%s", text);
    lm_doc_free(d);
}

/* A line that starts in lower case and has four words or more is a post's
 * words, not a heading, however it ends; a short capitalised line that
 * stands alone stays a heading. */
Test(reconcile_input, lower_case_lines_are_no_headings)
{
    static const struct { const char *line; int heading; } t[] = {
        { "tried velmorant all winter and never felt dizzy", 0 },
        { "my nurse said it's the gentlest option going", 0 },
        { "Why readers choose velmorant", 1 },
        { "iPhone notes", 1 },
        /* a reply opening on its author's handle is a post */
        { "@quill_rider: Been on it 3 months, my ears are quiet now", 0 },
        { "@quill_rider: Velmorant cleared it for me", 0 },
        { "@quill_rider: Thanks", 1 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        char text[200];
        lm_doc *d = NULL;
        snprintf(text, sizeof text, "Intro.\n\n%s\n\nVelmorant cut dizziness in half.\n", t[i].line);
        cr_assert_eq(lm_doc_from_mem("t.txt", text, strlen(text), 0, &d), LM_OK);
        cr_assert_geq(d->nblocks, 3, "%s", t[i].line);
        cr_assert_eq(d->blocks[1].kind == RC_BLOCK_HEADING, t[i].heading, "%s", t[i].line);
        lm_doc_free(d);
    }
}

/* A numbered line between blank lines that titles the paragraph after it
 * ("2. Zorvane for migraine") heads a section; a numbered list (the next
 * text another numbered line), a numbered sentence and a numbered line
 * inside a paragraph stay items. */
Test(reconcile_input, numbered_section_titles_are_headings)
{
    static const struct { const char *text; enum rc_block_kind k1; } t[] = {
        { "Intro.\n\n2. Zorvane for migraine\n\nA trial of zorvane found little.\n",
          RC_BLOCK_HEADING },
        { "Intro.\n\n3. Quintorel: what the trials say\n\nTwo trials tested it.\n",
          RC_BLOCK_HEADING },
        { "Intro.\n\n1. Take zorvane with food\n\n2. Avoid alcohol\n", RC_BLOCK_ITEM },
        { "Intro.\n\n1. Zorvane cut migraine days by 40%.\n\nMore below.\n", RC_BLOCK_ITEM },
        { "Intro.\n1. Zorvane for migraine\n2. Quintorel for gloom\n", RC_BLOCK_ITEM },
        { "Intro.\n\n- Zorvane for migraine\n\nA trial of zorvane found little.\n", RC_BLOCK_ITEM },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        lm_doc *d = NULL;
        cr_assert_eq(lm_doc_from_mem("t.txt", t[i].text, strlen(t[i].text), 0, &d), LM_OK);
        cr_assert_geq(d->nblocks, 2, "%s", t[i].text);
        cr_assert_eq(d->blocks[1].kind, t[i].k1, "%s", t[i].text);
        lm_doc_free(d);
    }
}
