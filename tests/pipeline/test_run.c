/* The refresh job (pipeline/run.c) without the network: an NCBI folder
 * holding tests/fixtures/pipeline/studies.xml, imported, extracted and
 * exported; a second run changes nothing; a dry run counts and touches
 * nothing; a held lock is LM_ERR_LOCKED naming the pid; an export that
 * cannot be written is LM_ERR_IO naming the path.  (The network stages are
 * tested against lm-replay in run_job.sh and run_kill.sh.) */
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <litmine/litmine.h>
#include <criterion/criterion.h>

static char dir[512];
static char msg[2048];
static char lines[8192];

static void setup(void)
{
    char cmd[2400];

    snprintf(dir, sizeof dir, "%s/lm_run_XXXXXX", LM_BINARY_DIR);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/ncbi/baseline' '%s/out' && cp '%s/pipeline/studies.xml'"
             " '%s/ncbi/baseline/pubmed99n0001.xml'", dir, dir, LM_FIXTURES, dir);
    cr_assert_eq(system(cmd), 0);
    cr_assert_eq(lm_global_init(), LM_OK);
    lines[0] = '\0';
}

static void teardown(void)
{
    char cmd[600];

    lm_global_cleanup();
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(run, .init = setup, .fini = teardown);

static void collect(const char *line, void *ud)
{
    (void)ud;
    strncat(lines, line, sizeof lines - strlen(lines) - 2);
    strcat(lines, "\n");
}

/* The job: the folder, extraction, a studies CSV into @out_dir. */
static lm_run_config *config(const char *out_dir)
{
    char json[2048], name[600];
    lm_run_config *cfg = NULL;

    snprintf(json, sizeof json,
             "{\"database\": \"c.db\", \"import_dirs\": [\"ncbi\"], \"extract\": true,"
             " \"exports\": [{\"what\": \"studies\", \"format\": \"csv\", \"path\": \"%s/studies.csv\"},"
             " {\"what\": \"articles\", \"format\": \"jsonl\", \"path\": \"%s/articles.jsonl\"}]}",
             out_dir, out_dir);
    snprintf(name, sizeof name, "%s/run.json", dir);
    cr_assert_eq(lm_run_config_parse(name, json, strlen(json), &cfg, msg, sizeof msg), LM_OK,
                 "%s", msg);
    return cfg;
}

Test(run, job_then_noop)
{
    lm_run_config *cfg = config("out");
    lm_run_stats st;
    struct stat sb;
    char path[700];

    cr_assert_eq(lm_run(cfg, LM_RUN_NO_JIT, collect, NULL, &st, msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(st.files_imported, 1);
    cr_assert_eq(st.import_stored, 3);
    cr_assert_eq(st.extracted, 3);
    cr_assert(st.values > 5);
    cr_assert_eq(st.exports[0].rows, 3);
    cr_assert_eq(st.exports[0].written, 1);
    cr_assert_eq(st.exports[1].rows, 3);
    cr_assert_eq(st.exports_written, 2);
    cr_assert_eq(st.changed, 1);
    cr_assert(strstr(lines, "import "), "%s", lines);
    cr_assert(strstr(lines, "extract: 3 articles extracted"), "%s", lines);
    cr_assert(strstr(lines, "studies.csv: 3 rows, written"), "%s", lines);
    snprintf(path, sizeof path, "%s/out/studies.csv", dir);
    cr_assert_eq(stat(path, &sb), 0);
    snprintf(path, sizeof path, "%s/out/.studies.csv.litmine-tmp", dir);
    cr_assert_neq(stat(path, &sb), 0, "temporary file left behind");

    lines[0] = '\0';
    cr_assert_eq(lm_run(cfg, LM_RUN_NO_JIT, collect, NULL, &st, msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(st.changed, 0, "%s", lines);
    cr_assert_eq(st.files_imported, 0);
    cr_assert_eq(st.files_already, 1);
    cr_assert_eq(st.extracted, 0);
    cr_assert_eq(st.exports_written, 0);
    cr_assert(strstr(lines, "studies.csv: 3 rows, unchanged"), "%s", lines);
    lm_run_config_free(cfg);
}

Test(run, dry_run_counts_and_touches_nothing)
{
    lm_run_config *cfg = config("out");
    lm_run_stats st;
    struct stat sb;
    char path[700];

    cr_assert_eq(lm_run(cfg, LM_RUN_DRY, collect, NULL, &st, msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(st.db_exists, 0);
    cr_assert(strstr(lines, "(would be created)"), "%s", lines);
    snprintf(path, sizeof path, "%s/c.db", dir);
    cr_assert_neq(stat(path, &sb), 0, "dry run created the database");
    cr_assert_eq(lm_run(cfg, LM_RUN_NO_JIT, NULL, NULL, &st, msg, sizeof msg), LM_OK, "%s", msg);
    lines[0] = '\0';
    cr_assert_eq(lm_run(cfg, LM_RUN_DRY, collect, NULL, &st, msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(st.db_exists, 1);
    cr_assert_eq(st.extracted, 0, "%s", lines);
    cr_assert(strstr(lines, "would export studies as csv"), "%s", lines);
    lm_run_config_free(cfg);
}

Test(run, held_lock)
{
    lm_run_config *cfg = config("out");
    lm_run_stats st;
    lm_lock *lock = NULL;
    pid_t pid;
    int status;

    pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        /* another process: flock locks belong to the open file, so the
         * second run must come from elsewhere to be refused */
        lm_lock *mine = NULL;

        if (lm_lock_acquire(cfg->db, &mine, msg, sizeof msg) != LM_OK)
            _exit(1);
        sleep(3);
        _exit(0);
    }
    usleep(300000);
    cr_assert_eq(lm_run(cfg, 0, NULL, NULL, &st, msg, sizeof msg), LM_ERR_LOCKED, "%s", msg);
    cr_assert(strstr(msg, "c.db.lock: another run holds the lock (pid "), "%s", msg);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    /* the holder died: its lock died with it */
    cr_assert_eq(lm_lock_acquire(cfg->db, &lock, msg, sizeof msg), LM_OK, "%s", msg);
    lm_lock_release(lock);
    lm_run_config_free(cfg);
}

/* A missing export folder is created; one that cannot be (a file in the
 * way) fails the job before any stage has committed anything. */
Test(run, export_folders_before_the_stages)
{
    lm_run_config *cfg = config("no/such/folder");
    lm_run_stats st;
    struct stat sb;
    char path[700];
    FILE *f;

    cr_assert_eq(lm_run(cfg, LM_RUN_NO_JIT, NULL, NULL, &st, msg, sizeof msg), LM_OK, "%s", msg);
    snprintf(path, sizeof path, "%s/no/such/folder/studies.csv", dir);
    cr_assert_eq(stat(path, &sb), 0, "the folder was created and the export written");
    lm_run_config_free(cfg);

    snprintf(path, sizeof path, "%s/blocker", dir);
    cr_assert_not_null(f = fopen(path, "w"));
    fclose(f);
    snprintf(path, sizeof path, "%s/c.db", dir);
    cr_assert_eq(unlink(path), 0);
    cfg = config("blocker/sub");
    cr_assert_eq(lm_run(cfg, LM_RUN_DRY, NULL, NULL, &st, msg, sizeof msg), LM_ERR_IO);
    cr_assert(strstr(msg, "blocker is not a folder"), "%s", msg);
    cr_assert_eq(lm_run(cfg, LM_RUN_NO_JIT, NULL, NULL, &st, msg, sizeof msg), LM_ERR_IO);
    cr_assert(strstr(msg, "export "), "%s", msg);
    cr_assert(strstr(msg, "blocker is not a folder"), "%s", msg);
    cr_assert_eq(st.extracted, 0, "no stage ran");
    cr_assert_eq(stat(path, &sb), -1, "the corpus was not even created");
    lm_run_config_free(cfg);
}

Test(run, bad_import_file_stops_the_run)
{
    lm_run_config *cfg = config("out");
    lm_run_stats st;
    char path[700];
    FILE *f;

    snprintf(path, sizeof path, "%s/ncbi/baseline/pubmed99n0002.xml", dir);
    cr_assert_not_null(f = fopen(path, "w"));
    fputs("<PubmedArticleSet><PubmedArticle>", f);
    fclose(f);
    cr_assert_eq(lm_run(cfg, LM_RUN_NO_JIT, NULL, NULL, &st, msg, sizeof msg), LM_ERR_XML, "%s",
                 msg);
    cr_assert(strstr(msg, "pubmed99n0002.xml"), "%s", msg);
    cr_assert_eq(st.extracted, 0, "extraction ran after a failed import");
    lm_run_config_free(cfg);
}

Test(run, bad_arguments)
{
    lm_run_stats st;

    cr_assert_eq(lm_run(NULL, 0, NULL, NULL, &st, msg, sizeof msg), LM_ERR_USAGE);
}
