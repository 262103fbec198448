/* The run configuration (pipeline/config.c): every key read and relative
 * paths resolved against the file's folder; every kind of bad file refused
 * with LM_ERR_FORMAT (or LM_ERR_IO) and a message naming the file and the
 * key, or the file and the line for JSON syntax. */
#include <stdlib.h>
#include <string.h>
#include <litmine/litmine.h>
#include <criterion/criterion.h>

static char msg[1024];

static lm_run_config *load_fixture(const char *name, lm_err want)
{
    char path[512];
    lm_run_config *cfg = NULL;
    lm_err rc;

    snprintf(path, sizeof path, "%s/pipeline/%s", LM_FIXTURES, name);
    msg[0] = '\0';
    rc = lm_run_config_load(path, &cfg, msg, sizeof msg);
    cr_assert_eq(rc, want, "%s: rc %d (%s)", name, rc, msg);
    return cfg;
}

/* Parses @json (as file "conf/run.json"), expects LM_ERR_FORMAT and a
 * message holding each of @a and @b. */
static void refuse(const char *json, const char *a, const char *b)
{
    lm_run_config *cfg = NULL;
    lm_err rc;

    msg[0] = '\0';
    rc = lm_run_config_parse("conf/run.json", json, strlen(json), &cfg, msg, sizeof msg);
    cr_assert_eq(rc, LM_ERR_FORMAT, "%s: rc %d, wanted LM_ERR_FORMAT", json, rc);
    cr_assert_null(cfg);
    cr_assert(strstr(msg, "conf/run.json"), "message lacks the file: %s", msg);
    cr_assert(strstr(msg, a), "message lacks '%s': %s", a, msg);
    if (b)
        cr_assert(strstr(msg, b), "message lacks '%s': %s", b, msg);
}

Test(config, full_file_every_key)
{
    lm_run_config *cfg = load_fixture("run_full.json", LM_OK);
    const char *dir = LM_FIXTURES "/pipeline/";
    char want[600];

    snprintf(want, sizeof want, "%scorpus/litmine.db", dir);
    cr_assert_str_eq(cfg->db, want);
    cr_assert_str_eq(cfg->api_key_env, "MY_NCBI_KEY");
    cr_assert_str_eq(cfg->email, "someone@example.org");
    cr_assert_str_eq(cfg->base_url, "http://127.0.0.1:9/");
    cr_assert_eq(cfg->nqueries, 2);
    cr_assert_str_eq(cfg->queries[0].name, "pubmed");
    cr_assert_str_eq(cfg->queries[0].query, "zelvorin AND mood");
    cr_assert_eq(cfg->queries[0].pmc, 0);
    cr_assert_str_eq(cfg->queries[0].datetype, "edat");
    cr_assert_str_eq(cfg->queries[0].since, "2015/01/01");
    cr_assert_eq(cfg->queries[1].pmc, 1);
    cr_assert_str_eq(cfg->queries[1].datetype, "mdat");
    cr_assert_null(cfg->queries[1].since);
    cr_assert_eq(cfg->nimport_dirs, 2);
    snprintf(want, sizeof want, "%sncbi", dir);
    cr_assert_str_eq(cfg->import_dirs[0], want);
    cr_assert_str_eq(cfg->import_dirs[1], "/abs/ncbi");
    cr_assert_eq(cfg->extract, 0);
    cr_assert_eq(cfg->nexports, 3);
    cr_assert_eq(cfg->exports[0].what, LM_WHAT_STUDIES);
    cr_assert_eq(cfg->exports[0].format, LM_EXPORT_CSV);
    snprintf(want, sizeof want, "%sout/studies.csv", dir);
    cr_assert_str_eq(cfg->exports[0].path, want);
    cr_assert_eq(cfg->exports[1].what, LM_WHAT_EXTRACTIONS);
    cr_assert_eq(cfg->exports[1].format, LM_EXPORT_JSONL);
    cr_assert_str_eq(cfg->exports[1].path, "/abs/x.jsonl");
    cr_assert_eq(cfg->exports[2].what, LM_WHAT_ARTICLES);
    cr_assert_eq(cfg->batch, 200);
    cr_assert_eq(cfg->retries, 3);
    cr_assert_float_eq(cfg->retry_delay, 0.5, 1e-9);
    cr_assert_float_eq(cfg->retry_max, 4, 1e-9);
    cr_assert_eq(cfg->timeout, 60);
    cr_assert_float_eq(cfg->rate, 2, 1e-9);
    cr_assert(lm_run_config_set_db(cfg, "other.db") == LM_OK);
    cr_assert_str_eq(cfg->db, "other.db");
    lm_run_config_free(cfg);
}

Test(config, minimal_defaults)
{
    lm_run_config *cfg = load_fixture("run_min.json", LM_OK);

    cr_assert_str_eq(cfg->db, "/abs/min.db");
    cr_assert_eq(cfg->nqueries, 0);
    cr_assert_eq(cfg->nexports, 0);
    cr_assert_eq(cfg->extract, 1);
    cr_assert_str_eq(cfg->api_key_env, "NCBI_API_KEY");
    cr_assert_null(cfg->email);
    cr_assert_null(cfg->base_url);
    cr_assert_eq(cfg->batch, 0);
    lm_run_config_free(cfg);
}

Test(config, no_folder_keeps_relative_paths)
{
    const char *j = "{\"database\": \"a.db\", \"exports\": [{\"what\": \"articles\","
                    " \"format\": \"csv\", \"path\": \"a.csv\"}]}";
    lm_run_config *cfg = NULL;

    cr_assert_eq(lm_run_config_parse("run.json", j, strlen(j), &cfg, msg, sizeof msg), LM_OK,
                 "%s", msg);
    cr_assert_str_eq(cfg->db, "a.db");
    cr_assert_str_eq(cfg->exports[0].path, "a.csv");
    lm_run_config_free(cfg);
}

Test(config, syntax_error_names_file_and_line)
{
    lm_run_config *cfg = load_fixture("run_syntax.json", LM_ERR_FORMAT);

    cr_assert_null(cfg);
    cr_assert(strstr(msg, "run_syntax.json:3: JSON syntax error"), "%s", msg);
}

Test(config, typo_names_the_key)
{
    lm_run_config *cfg = load_fixture("run_typo.json", LM_ERR_FORMAT);

    cr_assert_null(cfg);
    cr_assert(strstr(msg, "run_typo.json: queries[1].datatype: unknown key"), "%s", msg);
}

Test(config, missing_file_is_io)
{
    lm_run_config *cfg = load_fixture("no_such_config.json", LM_ERR_IO);

    cr_assert_null(cfg);
    cr_assert(strstr(msg, "no_such_config.json: cannot open"), "%s", msg);
}

Test(config, empty_file)
{
    refuse("  \n", "empty file", NULL);
}

/* Found by fuzz_config (fixture crash-blank-without-nul.json, one CR): a
 * blank buffer without a terminating NUL was read past its end while
 * telling "empty" from "syntax error".  The buffer is sized exactly. */
Test(config, blank_buffer_without_nul)
{
    lm_run_config *cfg = NULL;
    char path[512], *buf;
    long n;
    FILE *f;

    snprintf(path, sizeof path, "%s/pipeline/crash-blank-without-nul.json", LM_FIXTURES);
    cr_assert_not_null(f = fopen(path, "rb"));
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    cr_assert_gt(n, 0);
    cr_assert_not_null(buf = malloc((size_t)n));
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    msg[0] = '\0';
    cr_assert_eq(lm_run_config_parse("conf/run.json", buf, (size_t)n, &cfg, msg, sizeof msg),
                 LM_ERR_FORMAT);
    cr_assert(strstr(msg, "empty file"), "%s", msg);
    free(buf);
}

Test(config, not_an_object)
{
    refuse("[1, 2]", "(top level)", "JSON object");
}

Test(config, database_required)
{
    refuse("{\"extract\": true}", "database: missing", NULL);
}

Test(config, wrong_types)
{
    refuse("{\"database\": 7}", "database: expected a string", NULL);
    refuse("{\"database\": \"\"}", "database: must not be empty", NULL);
    refuse("{\"database\": \"a\", \"extract\": \"yes\"}", "extract: expected true or false", NULL);
    refuse("{\"database\": \"a\", \"queries\": {}}", "queries: expected a list", NULL);
    refuse("{\"database\": \"a\", \"queries\": [\"q\"]}", "queries[0]: expected an object", NULL);
    refuse("{\"database\": \"a\", \"import_dirs\": [\"\"]}", "import_dirs[0]", NULL);
    refuse("{\"database\": \"a\", \"fetch\": []}", "fetch: expected an object", NULL);
    refuse("{\"database\": \"a\", \"queries\": [{\"name\": \"n\", \"query\": \"q\", \"pmc\": 1}]}",
           "queries[0].pmc: expected true or false", NULL);
}

Test(config, unknown_top_level_key)
{
    refuse("{\"database\": \"a\", \"exprts\": []}", "exprts: unknown key", "allowed: database");
}

Test(config, query_checks)
{
    refuse("{\"database\": \"a\", \"queries\": [{\"name\": \"n\"}]}", "queries[0].query: missing",
           NULL);
    refuse("{\"database\": \"a\", \"queries\": [{\"query\": \"q\"}]}", "queries[0].name: missing",
           NULL);
    refuse("{\"database\": \"a\", \"queries\": [{\"name\": \"n\", \"query\": \"q\", "
           "\"datetype\": \"pdat\"}]}", "queries[0].datetype", "\"pdat\"");
    refuse("{\"database\": \"a\", \"queries\": [{\"name\": \"n\", \"query\": \"q\", "
           "\"since\": \"2015-13-01\"}]}", "queries[0].since", "2015-13-01");
    refuse("{\"database\": \"a\", \"queries\": [{\"name\": \"n\", \"query\": \"q\"},"
           " {\"name\": \"n\", \"query\": \"r\"}]}", "queries[1].name", "queries[0]");
}

Test(config, since_forms)
{
    static const char *ok[] = { "2015", "2015/03", "2015/03/09", "2015-03-09" };
    size_t i;

    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char j[200];
        lm_run_config *cfg = NULL;

        snprintf(j, sizeof j, "{\"database\": \"a\", \"queries\": [{\"name\": \"n\","
                 " \"query\": \"q\", \"since\": \"%s\"}]}", ok[i]);
        cr_assert_eq(lm_run_config_parse("r.json", j, strlen(j), &cfg, msg, sizeof msg), LM_OK,
                     "%s: %s", ok[i], msg);
        lm_run_config_free(cfg);
    }
    refuse("{\"database\": \"a\", \"queries\": [{\"name\": \"n\", \"query\": \"q\", "
           "\"since\": \"2015/3/9\"}]}", "queries[0].since", NULL);
}

Test(config, export_checks)
{
    refuse("{\"database\": \"a\", \"exports\": [{\"what\": \"papers\", \"format\": \"csv\","
           " \"path\": \"p\"}]}", "exports[0].what", "\"papers\"");
    refuse("{\"database\": \"a\", \"exports\": [{\"what\": \"studies\", \"format\": \"xlsx\","
           " \"path\": \"p\"}]}", "exports[0].format", "\"xlsx\"");
    refuse("{\"database\": \"a\", \"exports\": [{\"what\": \"studies\", \"format\": \"csv\"}]}",
           "exports[0].path: missing", NULL);
    refuse("{\"database\": \"a\", \"exports\": [{\"what\": \"studies\", \"format\": \"csv\","
           " \"path\": \"p\"}, {\"what\": \"articles\", \"format\": \"csv\", \"path\": \"p\"}]}",
           "exports[1].path", "exports[0]");
    refuse("{\"database\": \"a\", \"exports\": [{\"what\": \"studies\", \"format\": \"csv\","
           " \"path\": \"a\"}]}", "exports", "is the database");
}

Test(config, fetch_ranges)
{
    refuse("{\"database\": \"a\", \"fetch\": {\"batch\": 0}}", "fetch.batch", "1 to 10000");
    refuse("{\"database\": \"a\", \"fetch\": {\"retries\": \"8\"}}", "fetch.retries", NULL);
    refuse("{\"database\": \"a\", \"fetch\": {\"timeout\": -1}}", "fetch.timeout", NULL);
    refuse("{\"database\": \"a\", \"fetch\": {\"speed\": 1}}", "fetch.speed: unknown key", NULL);
}

Test(config, credentials_checks)
{
    refuse("{\"database\": \"a\", \"api_key_env\": \"abc123-secret\"}", "api_key_env",
           "not an environment variable name");
    refuse("{\"database\": \"a\", \"base_url\": \"ftp://x/\"}", "base_url", "http");
}

Test(config, too_many_queries)
{
    char j[8192];
    size_t i, n;

    n = (size_t)snprintf(j, sizeof j, "{\"database\": \"a\", \"queries\": [");
    for (i = 0; i <= LM_RUN_MAX_QUERIES; i++)
        n += (size_t)snprintf(j + n, sizeof j - n, "%s{\"name\": \"q%zu\", \"query\": \"x\"}",
                              i ? "," : "", i);
    snprintf(j + n, sizeof j - n, "]}");
    refuse(j, "queries: at most", NULL);
}

Test(config, bad_arguments)
{
    lm_run_config *cfg = (lm_run_config *)1;

    cr_assert_eq(lm_run_config_parse(NULL, "{}", 2, &cfg, msg, sizeof msg), LM_ERR_USAGE);
    cr_assert_null(cfg);
    cr_assert_eq(lm_run_config_load(NULL, &cfg, msg, sizeof msg), LM_ERR_USAGE);
    lm_run_config_free(NULL);
}

/* A day the month does not have, and a key given twice (cJSON would keep
 * the first and ignore the second without a word). */
Test(config, impossible_dates_and_duplicate_keys)
{
    static const char *bad[] = { "2015/02/31", "2015/04/31", "2015-02-29", "1900/02/29",
                                 "2015/13/01", "2015/00/10" };
    static const char *ok[] = { "2016/02/29", "2000/02/29", "2015/12/31" };
    size_t i;
    char j[200];

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(j, sizeof j, "{\"database\": \"a\", \"queries\": [{\"name\": \"n\","
                 " \"query\": \"q\", \"since\": \"%s\"}]}", bad[i]);
        refuse(j, "queries[0].since", bad[i]);
    }
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        lm_run_config *cfg = NULL;

        snprintf(j, sizeof j, "{\"database\": \"a\", \"queries\": [{\"name\": \"n\","
                 " \"query\": \"q\", \"since\": \"%s\"}]}", ok[i]);
        cr_assert_eq(lm_run_config_parse("r.json", j, strlen(j), &cfg, msg, sizeof msg), LM_OK,
                     "%s: %s", ok[i], msg);
        lm_run_config_free(cfg);
    }
    refuse("{\"database\": \"a\", \"database\": \"b\"}", "database", "given twice");
    refuse("{\"database\": \"a\", \"queries\": [{\"name\": \"n\", \"query\": \"q\","
           " \"query\": \"r\"}]}", "queries[0].query", "given twice");
}
