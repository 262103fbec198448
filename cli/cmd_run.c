/* litmine run: the scheduled refresh job (fetch -> import -> extract ->
 * export) described by a JSON configuration.  Parsing and printing only; the
 * job is lm_run() in pipeline/run.c. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "cli.h"

static const char run_usage[] =
    "usage: litmine run --config FILE [--dry-run] [--format text|json] [--db PATH] [-q|-v]\n"
    "  Runs the refresh job FILE describes, under the database's run lock:\n"
    "  fetch each saved query incrementally, import the NCBI folders listed,\n"
    "  extract new or changed articles, and rewrite each export (atomically;\n"
    "  left alone when its content is the same).  A rerun with nothing new\n"
    "  changes nothing.  Stage counts go to stderr (not with -q), a one-line\n"
    "  summary to stdout, -q or not (--format json: one JSON object).\n"
    "  Missing export folders are created before any stage runs.\n"
    "  --dry-run says what would be done (and which folders it would\n"
    "  create) and changes nothing.  --db overrides the file's \"database\".\n"
    "  Exit status: 0 ok, 1 usage, 2 bad configuration or input file,\n"
    "  3 network failed after all retries, 4 corpus error, 5 another run\n"
    "  holds the lock.\n";

static void on_report(const char *line, void *ud)
{
    if (!*(const int *)ud)
        fprintf(stderr, "litmine: %s\n", line);
}

static void print_text(const lm_run_config *cfg, const lm_run_stats *st, int dry)
{
    if (dry) {
        printf("dry run: %zu queries, %zu import folders, extract %s, %zu exports; "
               "nothing changed\n", cfg->nqueries, cfg->nimport_dirs,
               cfg->extract ? "on" : "off", cfg->nexports);
        return;
    }
    printf("%s: fetched %llu records (%llu stored) for %zu queries, imported %zu of %zu "
           "files, extracted %llu articles (%llu values), cleared %llu, wrote %zu of %zu "
           "exports, %.1fs\n", st->changed ? "run" : "run: nothing new, nothing changed",
           (unsigned long long)st->fetched, (unsigned long long)st->stored, cfg->nqueries,
           st->files_imported, st->files, (unsigned long long)st->extracted,
           (unsigned long long)st->values, (unsigned long long)st->cleared,
           st->exports_written, cfg->nexports, st->seconds);
}

static int print_json(const lm_run_config *cfg, const lm_run_stats *st, int dry,
                      const char *status)
{
    cJSON *o = cJSON_CreateObject(), *qs, *xs;
    size_t i;
    int r;

    if (!o)
        return cli_put_json(stdout, NULL);
    cJSON_AddStringToObject(o, "status", status);
    cJSON_AddBoolToObject(o, "dry_run", dry);
    cJSON_AddBoolToObject(o, "changed", st->changed);
    cJSON_AddStringToObject(o, "database", cfg->db);
    qs = cJSON_AddArrayToObject(o, "queries");
    for (i = 0; qs && i < cfg->nqueries; i++) {
        cJSON *q = cJSON_CreateObject();

        if (!q || !cJSON_AddItemToArray(qs, q)) {
            cJSON_Delete(q);
            break;
        }
        cJSON_AddStringToObject(q, "name", cfg->queries[i].name);
        cJSON_AddStringToObject(q, "from", st->queries[i].from);
        cJSON_AddNumberToObject(q, "records", (double)st->queries[i].records);
        cJSON_AddNumberToObject(q, "stored", (double)st->queries[i].stored);
        cJSON_AddNumberToObject(q, "requests", (double)st->queries[i].requests);
        cJSON_AddNumberToObject(q, "retries", (double)st->queries[i].retries);
        if (*st->queries[i].watermark)
            cJSON_AddStringToObject(q, "watermark", st->queries[i].watermark);
        else
            cJSON_AddNullToObject(q, "watermark");
    }
    cJSON_AddNumberToObject(o, "fetched", (double)st->fetched);
    cJSON_AddNumberToObject(o, "stored", (double)st->stored);
    cJSON_AddNumberToObject(o, "files", (double)st->files);
    cJSON_AddNumberToObject(o, "files_imported", (double)st->files_imported);
    cJSON_AddNumberToObject(o, "import_records", (double)st->import_records);
    cJSON_AddNumberToObject(o, "import_deleted", (double)st->import_deleted);
    cJSON_AddNumberToObject(o, dry ? "to_extract" : "extracted", (double)st->extracted);
    cJSON_AddNumberToObject(o, "values", (double)st->values);
    cJSON_AddNumberToObject(o, dry ? "to_clear" : "cleared", (double)st->cleared);
    xs = cJSON_AddArrayToObject(o, "exports");
    for (i = 0; xs && i < cfg->nexports; i++) {
        cJSON *x = cJSON_CreateObject();

        if (!x || !cJSON_AddItemToArray(xs, x)) {
            cJSON_Delete(x);
            break;
        }
        cJSON_AddStringToObject(x, "what", lm_export_what_name(cfg->exports[i].what));
        cJSON_AddStringToObject(x, "path", cfg->exports[i].path);
        cJSON_AddNumberToObject(x, "rows", (double)st->exports[i].rows);
        cJSON_AddBoolToObject(x, "written", st->exports[i].written);
    }
    cJSON_AddNumberToObject(o, "seconds", st->seconds);
    r = cli_put_json(stdout, cJSON_PrintUnformatted(o));
    cJSON_Delete(o);
    return r;
}

int cmd_run(int argc, char **argv)
{
    enum { O_CONFIG = OPT_FIRST_OWN, O_DRY };
    static const struct option opts[] = {
        { "config", required_argument, NULL, O_CONFIG },
        { "dry-run", no_argument, NULL, O_DRY },
        CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    lm_run_config *cfg = NULL;
    lm_run_stats *st;
    struct cli_progress prog;
    const char *config = NULL, *db = NULL;
    char msg[2048] = "";
    int opt, r, dry = 0, ex;
    lm_err rc;

    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        if (opt == O_CONFIG) {
            config = optarg;
            continue;
        }
        if (opt == O_DRY) {
            dry = 1;
            continue;
        }
        if (opt == OPT_DB)
            db = optarg;
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_TEXT | 1u << FMT_JSON, run_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (optind != argc || !config) {
        cli_error("give --config FILE (see litmine run --help)");
        return EXIT_USAGE;
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((rc = lm_run_config_load(config, &cfg, msg, sizeof msg)))
        return cli_fail(rc, msg);
    if (db && (rc = lm_run_config_set_db(cfg, db))) {
        lm_run_config_free(cfg);
        return cli_fail(rc, NULL);
    }
    if (!(st = calloc(1, sizeof *st))) {
        lm_run_config_free(cfg);
        return cli_fail(LM_ERR_NOMEM, NULL);
    }
    cli_progress_init(&prog, co.quiet, NULL, 0);   /* a terminal only, never -q */
    if (prog.on) {
        cfg->progress = cli_run_progress;
        cfg->progress_ud = &prog;
    }
    rc = lm_run(cfg, dry ? LM_RUN_DRY : 0, on_report, &co.quiet, st, msg, sizeof msg);
    cli_progress_end(&prog, prog.total);
    ex = rc ? cli_fail(rc, msg) : EXIT_OK;
    if (co.format == FMT_JSON) {
        if ((r = print_json(cfg, st, dry, rc ? lm_strerror(rc) : "ok")) && !ex)
            ex = r;
    } else if (!rc) {
        /* -q silences the stage lines, never the summary: cron logs it */
        print_text(cfg, st, dry);
    }
    free(st);
    lm_run_config_free(cfg);
    return ex;
}
