/* JSON and CSV forms of extraction rows (extractors/output.c): DESIGN.md's
 * "Extraction records" keys, pmid as a string, span as [start, end], nulls
 * for absent numbers, RFC 4180 quoting. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <cjson/cJSON.h>
#include <litmine/extract.h>
#include <criterion/criterion.h>

static void one(lm_extractions *x)
{
    lm_extractor *ex = NULL;
    const char *t = "In all, 41 patients were randomized, \"quoted\", ok.";

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    cr_assert_eq(lm_extract_text(ex, t, strlen(t), "abstract", x), LM_OK);
    cr_assert_geq(x->len, 1);
    lm_extractor_close(ex);
}

Test(output, json_keys_and_types)
{
    lm_extractions x = { 0 };
    char *s;
    cJSON *o, *span;
    size_t i;

    one(&x);
    s = lm_extraction_json(12345678, &x.v[0]);
    cr_assert_not_null(s);
    o = cJSON_Parse(s);
    cr_assert_not_null(o, "%s", s);
    cr_expect_str_eq(cJSON_GetObjectItem(o, "pmid")->valuestring, "12345678");
    cr_expect_str_eq(cJSON_GetObjectItem(o, "kind")->valuestring, "sample_size");
    cr_expect_eq(cJSON_GetObjectItem(o, "value")->valuedouble, 41);
    cr_expect_str_eq(cJSON_GetObjectItem(o, "metric")->valuestring, "randomized");
    cr_expect_str_eq(cJSON_GetObjectItem(o, "rule")->valuestring, "n.randomized");
    cr_expect_str_eq(cJSON_GetObjectItem(o, "text")->valuestring, "41 patients were randomized");
    cr_expect(cJSON_IsNull(cJSON_GetObjectItem(o, "p")));
    span = cJSON_GetObjectItem(o, "span");
    cr_expect(cJSON_IsArray(span) && cJSON_GetArraySize(span) == 2);
    cr_expect_eq(cJSON_GetArrayItem(span, 0)->valuedouble, 8);
    for (i = 0; lm_extraction_columns[i]; i++)
        cr_expect_not_null(cJSON_GetObjectItem(o, lm_extraction_columns[i]),
                           "missing key %s", lm_extraction_columns[i]);
    cJSON_Delete(o);
    free(s);
    lm_extractions_free(&x);
}

Test(output, csv_header_and_quoting)
{
    lm_extractions x = { 0 };
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    lm_extraction e;

    cr_assert_not_null(f);
    one(&x);
    e = x.v[0];
    e.text = "a \"b\", c";
    cr_assert_eq(lm_extraction_csv_header(f), LM_OK);
    cr_assert_eq(lm_extraction_csv(f, 7, &e), LM_OK);
    fclose(f);
    {
        const char *hdr = "pmid,kind,value,lo,hi,k,n,metric,p,p_op,level,section,span_start,"
                          "span_end,text,rule,flags,outcome,intervention,comparator,dose,"
                          "frequency,duration,route,label,extractor_version\r\n";
        cr_expect(!strncmp(buf, hdr, strlen(hdr)), "%s", buf);
    }
    cr_expect(strstr(buf, "7,sample_size,41,,,,41,randomized,,,,abstract,8,35,\"a \"\"b\"\", c\","
                          "n.randomized,") != NULL, "%s", buf);
    free(buf);
    lm_extractions_free(&x);
}
