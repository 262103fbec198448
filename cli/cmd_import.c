/* litmine import: PubMed XML / .xml.gz / PMC JATS files into the corpus,
 * one transaction per file. */
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

static const char import_usage[] =
    "usage: litmine import [--db PATH] [-q|-v] FILE...|-\n"
    "       litmine import [--db PATH] [-q|-v] --dir DIR\n"
    "  Imports PubMed XML (efetch replies, baseline and update files, .xml or\n"
    "  .xml.gz), PMC JATS (.nxml, efetch db=pmc) or '-' for stdin.  Each file is\n"
    "  one transaction: a file with an error leaves the corpus as it was, and a\n"
    "  file imported before (same MD5) is skipped.  Newer PMID versions replace\n"
    "  older ones; DeleteCitation marks records deleted.\n"
    "  --dir DIR imports NCBI's baseline and update files (pubmedYYnNNNN.xml.gz,\n"
    "  also in DIR/baseline and DIR/updatefiles) in NCBI's order, checks each\n"
    "  against its .md5 file, skips files imported before, and stops at the\n"
    "  first failure (a rerun resumes there).  It takes the run lock.\n";

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct progress {
    double t0;
};

/* A one-line progress bar, redrawn in place; only called on a TTY. */
static void show_progress(const lm_dir_progress *p, void *ud)
{
    struct progress *pg = ud;
    double el = now() - pg->t0;
    double frac = p->bytes_total ? (double)p->bytes_done / (double)p->bytes_total : 0;
    int eta = frac > 0 ? (int)(el / frac - el) : 0;

    fprintf(stderr, "\r\033[K[%zu/%zu files] %3.0f%% %8.0f records/s ETA %dm%02ds %s",
            p->files_done, p->files_total, 100 * frac,
            el > 0 ? (double)p->records / el : 0, eta / 60, eta % 60,
            p->current ? p->current : "done\n");
}

static int import_dir(lm_corpus *c, const char *db, const char *dir, int quiet)
{
    struct progress pg = { now() };
    char msg[2048] = "";
    lm_dir_stats st;
    lm_lock *lock;
    lm_err rc;

    if ((rc = lm_lock_acquire(db, &lock, msg, sizeof msg)))
        return cli_fail(rc, msg);
    rc = lm_import_dir(c, dir, !quiet && isatty(2) ? show_progress : NULL, &pg, &st,
                       msg, sizeof msg);
    lm_lock_release(lock);
    if (!quiet)
        fprintf(stderr, "litmine: %s: %zu files: %zu imported, %zu already imported; "
                "%llu records, %llu stored, %llu older versions ignored, %llu deleted\n",
                dir, st.files, st.imported, st.already, (unsigned long long)st.records,
                (unsigned long long)st.stored, (unsigned long long)st.older,
                (unsigned long long)st.deleted);
    return rc ? cli_fail(rc, msg) : EXIT_OK;
}

int cmd_import(int argc, char **argv)
{
    enum { OPT_DIR = OPT_FIRST_OWN };
    static const struct option opts[] = {
        { "dir", required_argument, NULL, OPT_DIR }, CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    struct cli_common co;
    const char *dir = NULL;
    lm_corpus *c;
    int opt, i, ex = EXIT_OK, r;
    uint64_t tot_records = 0, tot_stored = 0, tot_deleted = 0, nfail = 0;
    struct cli_progress prog;

    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        if (opt == OPT_DIR) {
            dir = optarg;
            continue;
        }
        if ((r = cli_common_opt(&co, opt, optarg, 1u << FMT_TEXT, import_usage)))
            return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (dir ? optind != argc : optind >= argc) {
        fputs(import_usage, stderr);
        return EXIT_USAGE;
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((r = cli_open_corpus(co.db, 0, &c)))
        return r;
    if (dir) {
        ex = import_dir(c, co.db, dir, co.quiet);
        lm_corpus_close(c);
        return ex;
    }
    /* Several files: a progress line of files on a terminal (never -q),
     * cleared before each file's own report line. */
    cli_progress_init(&prog, co.quiet || argc - optind < 2, "files", (uint64_t)(argc - optind));
    for (i = optind; i < argc; i++) {
        lm_import_stats st;
        lm_err rc;

        memset(&st, 0, sizeof st);
        rc = lm_corpus_import(c, argv[i], &st);
        if (prog.on && prog.last)
            fputs("\r\033[K", stderr);
        if (rc != LM_OK) {
            int e = cli_fail(rc, lm_corpus_errmsg(c));

            nfail++;
            if (ex == EXIT_OK)
                ex = e;
            if (e == EXIT_DB)   /* the database itself failed: stop here */
                break;
            continue;
        }
        if (co.quiet)
            continue;
        if (st.already)
            fprintf(stderr, "litmine: %s: already imported, nothing to do\n", argv[i]);
        else
            fprintf(stderr, "litmine: %s: %llu records: %llu stored, %llu older "
                    "versions ignored, %llu deleted\n", argv[i],
                    (unsigned long long)st.records, (unsigned long long)st.stored,
                    (unsigned long long)st.older, (unsigned long long)st.deleted);
        tot_records += st.records;
        tot_stored += st.stored;
        tot_deleted += st.deleted;
        cli_progress_update(&prog, (uint64_t)(i - optind + 1));
    }
    cli_progress_end(&prog, (uint64_t)(i - optind));
    if (!co.quiet && argc - optind > 1)
        fprintf(stderr, "litmine: %d files (%llu failed): %llu records, %llu stored, "
                "%llu deleted\n", argc - optind, (unsigned long long)nfail,
                (unsigned long long)tot_records, (unsigned long long)tot_stored,
                (unsigned long long)tot_deleted);
    lm_corpus_close(c);
    return ex;
}
