/* Tests for the streaming reader (corpus/reader.c, pubmed.c, jats.c): what
 * each field holds for PubMed XML, books, deletions, legacy MEDLINE and PMC
 * JATS, and every way bad input is refused with a message naming it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>
#include <litmine/corpus.h>
#include <unistd.h>

static lm_reader *rd;
static lm_record rec;

static void setup(void)
{
    cr_assert_eq(lm_global_init(), LM_OK);
    lm_record_init(&rec);
    rd = NULL;
}

static void teardown(void)
{
    lm_reader_close(rd);
    lm_record_free(&rec);
}

TestSuite(reader, .init = setup, .fini = teardown);

static lm_err open_fixture(const char *name)
{
    char path[1024];

    snprintf(path, sizeof path, "%s/corpus/%s", LM_FIXTURES, name);
    return lm_reader_open(path, &rd);
}

static lm_err open_str(const char *name, const char *xml)
{
    return lm_reader_open_mem(name, xml, strlen(xml), &rd);
}

Test(reader, pubmed_article_fields)
{
    cr_assert_eq(open_fixture("structured.xml"), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_eq(rec.kind, LM_REC_ARTICLE);
    cr_assert_eq(rec.pmid, 91000010);
    cr_assert_eq(rec.version, 2);
    cr_assert_eq(rec.year, 2019);
    cr_assert_str_eq(rec.source, "pubmed");
    cr_assert_str_eq(lm_buf_str(&rec.title), "Effect of zelvorin on CO2 & mood \xce\xb1-scores in Z\xc3\xbcrich");
    cr_assert_str_eq(lm_buf_str(&rec.journal), "Journal of Fictional Trials");
    cr_assert_str_eq(lm_buf_str(&rec.abstract),
                     "BACKGROUND: Low mood is common.\n"
                     "METHODS: We randomized 40 adults; dose 10-3 M, d = 0.5 (p<0.05).\n"
                     "RESULTS: Remission 12/20 vs 5/20.");
    cr_assert_str_eq(lm_buf_str(&rec.authors), "Quill A; Brennan JT; Fictional Trials Group");
    cr_assert_str_eq(lm_buf_str(&rec.pub_types), "Journal Article; Randomized Controlled Trial");
    cr_assert_str_eq(lm_buf_str(&rec.mesh), "Depression; Humans");
    cr_assert_str_eq(lm_buf_str(&rec.doi), "10.9999/fict.2019.10");
    cr_assert_str_eq(lm_buf_str(&rec.pmcid), "PMC9100010");
    cr_assert_gt(rec.line, 1);
}

Test(reader, book_and_deletions)
{
    cr_assert_eq(open_fixture("structured.xml"), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_eq(rec.pmid, 91000011);
    cr_assert_str_eq(lm_buf_str(&rec.title), "Fictional Handbook of Mood");
    cr_assert_str_eq(lm_buf_str(&rec.authors), "Writer W", "editors are not authors");
    cr_assert_eq(rec.year, 2020);
    cr_assert_str_eq(lm_buf_str(&rec.abstract), "A chapter about nothing real.");
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK);
    cr_assert_eq(rec.kind, LM_REC_DELETE);
    cr_assert_eq(rec.pmid, 91000020);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK);
    cr_assert_eq(rec.kind, LM_REC_DELETE);
    cr_assert_eq(rec.pmid, 91000021);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_EOF);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_EOF, "EOF is sticky");
    cr_assert_eq(strlen(lm_reader_md5(rd)), 32);
}

Test(reader, legacy_medline)
{
    cr_assert_eq(open_fixture("medline.xml"), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_eq(rec.pmid, 91000050);
    cr_assert_eq(rec.year, 1999);
    cr_assert_str_eq(lm_buf_str(&rec.title), "An old record.");
    cr_assert_eq(lm_reader_read(rd, &rec), LM_EOF);
}

Test(reader, jats_article)
{
    cr_assert_eq(open_fixture("article.nxml"), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_eq(rec.pmid, 91000030);
    cr_assert_str_eq(rec.source, "pmc");
    cr_assert_str_eq(lm_buf_str(&rec.pmcid), "PMC9100030");
    cr_assert_str_eq(lm_buf_str(&rec.doi), "10.9999/fcr.30");
    cr_assert_str_eq(lm_buf_str(&rec.title), "Open-label zelvorin in 24 adults*");
    cr_assert_str_eq(lm_buf_str(&rec.journal), "Fictional Clinical Reports");
    cr_assert_eq(rec.year, 2021);
    cr_assert_str_eq(lm_buf_str(&rec.authors), "Ostrander Mae; Fictional Pilot Consortium");
    cr_assert_str_eq(lm_buf_str(&rec.pub_types), "research-article");
    cr_assert_str_eq(lm_buf_str(&rec.abstract),
                     "Background: Nothing here is real.\n"
                     "Methods: Twenty-four adults took it.\nNo control arm.");
    cr_assert_str_eq(lm_buf_str(&rec.body),
                     "## Introduction\nFirst paragraph.\nSecond paragraph.\n"
                     "## Results\nEighteen of 24 (75%) responded.");
    cr_assert_eq(lm_reader_read(rd, &rec), LM_EOF, "the sub-article is not a record");
}

Test(reader, pmc_articleset_two_articles)
{
    const char *xml =
        "<pmc-articleset>"
        "<article><front><article-meta><article-id pub-id-type=\"pmid\">91000061</article-id>"
        "<title-group><article-title>One</article-title></title-group></article-meta></front></article>"
        "<article><front><article-meta><article-id pub-id-type=\"pmid\">91000062</article-id>"
        "<title-group><article-title>Two</article-title></title-group></article-meta></front></article>"
        "</pmc-articleset>";

    cr_assert_eq(open_str("set.xml", xml), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK);
    cr_assert_eq(rec.pmid, 91000061);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK);
    cr_assert_eq(rec.pmid, 91000062);
    cr_assert_str_eq(lm_buf_str(&rec.title), "Two");
    cr_assert_str_eq(lm_buf_str(&rec.abstract), "", "front matter only is fine");
    cr_assert_eq(lm_reader_read(rd, &rec), LM_EOF);
}

/* ---- bad input ------------------------------------------------------------ */

static void expect_error(const char *name, const char *xml, lm_err want, const char *needle)
{
    lm_err rc;

    cr_assert_eq(open_str(name, xml), LM_OK);
    while ((rc = lm_reader_read(rd, &rec)) == LM_OK)
        ;
    cr_assert_eq(rc, want, "%s: got %s (%s)", name, lm_strerror(rc), lm_reader_errmsg(rd));
    cr_assert(strstr(lm_reader_errmsg(rd), name), "message names the input: %s",
              lm_reader_errmsg(rd));
    if (needle)
        cr_assert(strstr(lm_reader_errmsg(rd), needle), "message '%s' lacks '%s'",
                  lm_reader_errmsg(rd), needle);
    cr_assert_eq(lm_reader_read(rd, &rec), want, "errors are sticky");
}

Test(reader, empty_input)
{
    expect_error("empty.xml", "", LM_ERR_FORMAT, "empty");
}

Test(reader, not_xml)
{
    expect_error("notes.txt", "this is not XML at all\n", LM_ERR_XML, ":1:");
}

Test(reader, wrong_root)
{
    expect_error("page.html", "<html><body>hi</body></html>", LM_ERR_FORMAT, "<html>");
}

Test(reader, truncated_xml)
{
    expect_error("cut.xml",
                 "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>91000001</PMID>\n"
                 "<Article><ArticleTitle>cut here", LM_ERR_XML, "PMID 91000001");
}

Test(reader, mismatched_tags_give_line)
{
    expect_error("bad.xml", "<PubmedArticleSet>\n\n<PubmedArticle><MedlineCitation>"
                 "<PMID>91000001</PMID><Article><ArticleTitle>a <b>b</ArticleTitle>",
                 LM_ERR_XML, "bad.xml:3:");
}

Test(reader, record_without_pmid)
{
    expect_error("nopmid.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article>"
                 "<ArticleTitle>x</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
                 "</PubmedArticleSet>", LM_ERR_FORMAT, "no PMID");
}

Test(reader, pmid_not_a_number)
{
    expect_error("nan.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>12a"
                 "</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>",
                 LM_ERR_FORMAT, "12a");
}

Test(reader, jats_without_pmid)
{
    char path[1024];

    snprintf(path, sizeof path, "%s/corpus/nopmid.nxml", LM_FIXTURES);
    cr_assert_eq(lm_reader_open(path, &rd), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_eq(rec.pmid, 0, "no PMID: the store keys it by its PMCID");
    cr_assert_str_eq(lm_buf_str(&rec.pmcid), "PMC9100040");
    cr_assert_str_eq(rec.source, "pmc");
    cr_assert(strstr(lm_buf_str(&rec.body), "known only by its PMCID"));
}

Test(reader, jats_without_any_id)
{
    expect_error("noid.nxml", "<article><front><article-meta><title-group><article-title>x"
                 "</article-title></title-group></article-meta></front></article>",
                 LM_ERR_FORMAT, "neither a PMID nor a PMCID");
}

Test(reader, jats_without_pmid_and_a_bad_pmcid)
{
    expect_error("badpmc.nxml", "<article><front><article-meta><article-id pub-id-type=\"pmc\">"
                 "PMC12x</article-id></article-meta></front></article>",
                 LM_ERR_FORMAT, "PMC12x");
}

Test(reader, invalid_utf8)
{
    expect_error("latin.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>"
                 "<PubmedArticle><MedlineCitation><PMID>91000001</PMID><Article><ArticleTitle>"
                 "caf\xe9</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
                 "</PubmedArticleSet>", LM_ERR_XML, "latin.xml:2:");
    cr_assert_null(strchr(lm_reader_errmsg(rd), '\n'), "two lines: %s", lm_reader_errmsg(rd));
}

Test(reader, missing_file)
{
    cr_assert_eq(lm_reader_open("no/such/file.xml", &rd), LM_ERR_IO);
    cr_assert(strstr(lm_reader_errmsg(rd), "no/such/file.xml"), "%s", lm_reader_errmsg(rd));
}

/* ---- hostile XML ------------------------------------------------------------ */

Test(reader, external_entity_is_never_read)
{
    char path[] = "/tmp/lm_secretXXXXXX", xml[2048];
    int fd = mkstemp(path);
    lm_err rc;

    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, "TOPSECRET", 9), 9);
    close(fd);
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n"
             "<!ENTITY xxe SYSTEM \"file://%s\">]>\n<PubmedArticleSet><PubmedArticle>"
             "<MedlineCitation><PMID>91000001</PMID><Article><ArticleTitle>a &xxe; b"
             "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>",
             path);
    cr_assert_eq(open_str("xxe.xml", xml), LM_OK);
    while ((rc = lm_reader_read(rd, &rec)) == LM_OK)
        cr_assert_null(strstr(lm_buf_str(&rec.title), "TOPSECRET"), "XXE read the file");
    unlink(path);
    cr_assert(rc == LM_EOF || rc == LM_ERR_XML, "%s", lm_reader_errmsg(rd));
}

Test(reader, entity_bomb_is_not_expanded)
{
    lm_buf x = {0};
    lm_err rc;
    int i;

    cr_assert_eq(lm_buf_puts(&x, "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n"
                             "<!ENTITY a0 \"lollollollollollollollollollol\">\n"), LM_OK);
    for (i = 1; i < 12; i++)
        cr_assert_eq(lm_buf_printf(&x, "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;"
                                   "&a%d;&a%d;&a%d;\">\n", i, i - 1, i - 1, i - 1, i - 1,
                                   i - 1, i - 1, i - 1, i - 1, i - 1, i - 1), LM_OK);
    cr_assert_eq(lm_buf_puts(&x, "]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                             "<PMID>91000001</PMID><Article><ArticleTitle>&a11;</ArticleTitle>"
                             "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"),
                 LM_OK);
    cr_assert_eq(open_str("bomb.xml", x.s), LM_OK);
    while ((rc = lm_reader_read(rd, &rec)) == LM_OK)
        cr_assert_lt(rec.title.len, 1000, "entity expanded");
    cr_assert(rc == LM_EOF || rc == LM_ERR_XML, "%s", lm_reader_errmsg(rd));
    lm_buf_free(&x);
}

Test(reader, deep_nesting_is_refused)
{
    lm_buf x = {0};
    int i;

    cr_assert_eq(lm_buf_puts(&x, "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                             "<PMID>91000001</PMID><Article><ArticleTitle>"), LM_OK);
    for (i = 0; i < 100000; i++)
        cr_assert_eq(lm_buf_puts(&x, "<i>"), LM_OK);
    expect_error("deep.xml", x.s, LM_ERR_FORMAT, "deep.xml:1:");
    cr_assert(strstr(lm_reader_errmsg(rd), "nested deeper than 200"), "%s", lm_reader_errmsg(rd));
    lm_buf_free(&x);
}

/* Well-formed, 220 deep: under libxml2's own limit, over ours. */
Test(reader, depth_limit_is_ours)
{
    lm_buf x = {0};
    int i;

    cr_assert_eq(lm_buf_puts(&x, "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                             "<PMID>91000001</PMID><Article><ArticleTitle>\n"), LM_OK);
    for (i = 0; i < 220; i++)
        cr_assert_eq(lm_buf_puts(&x, "<i>"), LM_OK);
    cr_assert_eq(lm_buf_puts(&x, "x"), LM_OK);
    for (i = 0; i < 220; i++)
        cr_assert_eq(lm_buf_puts(&x, "</i>"), LM_OK);
    cr_assert_eq(lm_buf_puts(&x, "</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
                             "</PubmedArticleSet>"), LM_OK);
    expect_error("deep2.xml", x.s, LM_ERR_FORMAT, "deep2.xml:2: PMID 91000001: elements nested "
                 "deeper than 200");
    lm_buf_free(&x);
}

/* Version is parsed strictly: 99999999999 would wrap with atoi and make
 * every later revision look older; text, sign and zero are no versions. */
Test(reader, bad_versions_are_refused)
{
    static const char *const bad[] = { "99999999999", "-1", "0", "two", "2x", "10001", " 2", "" };
    char xml[512];
    size_t i;

    for (i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(xml, sizeof xml, "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                 "<PMID Version=\"%s\">91000007</PMID><Article><ArticleTitle>x</ArticleTitle>"
                 "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>", bad[i]);
        expect_error("v.xml", xml, LM_ERR_FORMAT, "PMID 91000007: Version=");
        lm_reader_close(rd);
        rd = NULL;
    }
    snprintf(xml, sizeof xml, "<PubmedArticleSet><DeleteCitation><PMID Version=\"-3\">91000008"
             "</PMID></DeleteCitation></PubmedArticleSet>");
    expect_error("d.xml", xml, LM_ERR_FORMAT, "PMID 91000008: Version=\"-3\"");
    lm_reader_close(rd);
    rd = NULL;
    cr_assert_eq(open_str("ok.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                          "<PMID Version=\"10000\">91000009</PMID></MedlineCitation>"
                          "</PubmedArticle></PubmedArticleSet>"), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_eq(rec.version, 10000);
}

Test(reader, long_pmid_is_out_of_range)
{
    expect_error("big.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>"
                 "123456789012345678901234567890</PMID></MedlineCitation></PubmedArticle>"
                 "</PubmedArticleSet>", LM_ERR_FORMAT, "out of range");
    lm_reader_close(rd);
    rd = NULL;
    expect_error("bigdel.xml", "<PubmedArticleSet><DeleteCitation><PMID>"
                 "123456789012345678901234567890</PMID></DeleteCitation></PubmedArticleSet>",
                 LM_ERR_FORMAT, "out of range");
}

Test(reader, huge_text_node_is_refused)
{
    size_t n = LM_MAX_FIELD + 1024;
    const char *head = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000001"
                       "</PMID><Article><Abstract><AbstractText>";
    char *x = malloc(strlen(head) + n + 1);

    cr_assert_not_null(x);
    strcpy(x, head);
    memset(x + strlen(head), 'a', n);
    x[strlen(head) + n] = '\0';
    expect_error("huge.xml", x, LM_ERR_TOO_BIG, "PMID 91000001");
    lm_reader_close(rd);
    rd = NULL;
    free(x);
}

/* PubMed's DataBankList: each bank's name, then its accession numbers. */
Test(reader, pubmed_databank_list)
{
    cr_assert_eq(open_str("databanks.xml",
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1\">93000001</PMID>"
        "<Article><ArticleTitle>A fictional trial.</ArticleTitle><DataBankList CompleteYN=\"Y\">"
        "<DataBank><DataBankName>ClinicalTrials.gov</DataBankName><AccessionNumberList>"
        "<AccessionNumber>NCT00000001</AccessionNumber><AccessionNumber>NCT00000002</AccessionNumber>"
        "</AccessionNumberList></DataBank><DataBank><DataBankName>ISRCTN</DataBankName>"
        "<AccessionNumberList><AccessionNumber>ISRCTN00000003</AccessionNumber>"
        "</AccessionNumberList></DataBank></DataBankList></Article></MedlineCitation>"
        "</PubmedArticle><PubmedArticle><MedlineCitation><PMID Version=\"1\">93000002</PMID>"
        "<Article><ArticleTitle>No banks.</ArticleTitle></Article></MedlineCitation>"
        "</PubmedArticle></PubmedArticleSet>"), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_str_eq(lm_buf_str(&rec.databanks),
                     "ClinicalTrials.gov NCT00000001 NCT00000002; ISRCTN ISRCTN00000003");
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_str_eq(lm_buf_str(&rec.databanks), "", "the next record starts empty");
}

/* Under NCBI's own DOCTYPE (never loaded) the HTML and MathML character
 * entities its DTDs declare become their characters; an unknown one stops
 * the file instead of vanishing from the text. */
Test(reader, ncbi_character_entities)
{
    static const char head[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD "
        "PubMedArticle, 1st January 2024//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/"
        "pubmed_240101.dtd\">\n<PubmedArticleSet><PubmedArticle><MedlineCitation>"
        "<PMID>91000011</PMID><Article><ArticleTitle>";
    static const char tail[] = "</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
                               "</PubmedArticleSet>";
    char xml[1024];

    snprintf(xml, sizeof xml, "%s5&nbsp;mg &alpha;-blocker &le; 3&InvisibleTimes;x &lsqb;1&rsqb;"
             " &plusmn;&amp;%s", head, tail);
    cr_assert_eq(open_str("ent.xml", xml), LM_OK);
    cr_assert_eq(lm_reader_read(rd, &rec), LM_OK, "%s", lm_reader_errmsg(rd));
    cr_assert_str_eq(lm_buf_str(&rec.title), "5\xc2\xa0mg \xce\xb1-blocker \xe2\x89\xa4 "
                     "3\xe2\x81\xa2x [1] \xc2\xb1&");
    lm_reader_close(rd);
    rd = NULL;
    snprintf(xml, sizeof xml, "%s5 &zelvorinunit; mg%s", head, tail);
    expect_error("unknown.xml", xml, LM_ERR_XML, "&zelvorinunit; is not defined");
}
