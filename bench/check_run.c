/* bench-check_run: times `check` inside one process, without process start
 * (dynamic loading, libcurl's global init) that `litmine check` pays per
 * run.  Used by bench/check.sh.
 *   bench-check_run DB ARTICLE [--repeat N]
 * Prints "open_ms first_ms median_ms claims": opening the corpus and the
 * checker (rule compilation), the first check of ARTICLE, and the median of
 * N more checks of it with the same checker (a batch or a server).  CPU
 * time of the process: wall time on a shared machine says more about the
 * other jobs than about the check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <litmine/litmine.h>

static double now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    lm_corpus *c = NULL;
    lm_checker *k = NULL;
    lm_doc *d = NULL;
    lm_report *r = NULL;
    int repeat = 5, i;
    double t0, t1, t2, *times;
    size_t claims;
    lm_err rc;

    if (argc == 5 && !strcmp(argv[3], "--repeat"))
        repeat = atoi(argv[4]);
    else if (argc != 3) {
        fprintf(stderr, "usage: %s DB ARTICLE [--repeat N]\n", argv[0]);
        return 1;
    }
    if (repeat < 1 || !(times = malloc((size_t)repeat * sizeof *times))) {
        fprintf(stderr, "check_run: bad --repeat\n");
        return 1;
    }
    if ((rc = lm_global_init()) != LM_OK || (rc = lm_doc_load(argv[2], &d)) != LM_OK) {
        fprintf(stderr, "check_run: %s: %s\n", argv[2], d ? lm_doc_errmsg(d) : lm_strerror(rc));
        return 2;
    }
    t0 = now_ms();
    if ((rc = lm_corpus_open(argv[1], LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c)) != LM_OK) {
        fprintf(stderr, "check_run: %s: %s\n", argv[1], lm_corpus_errmsg(c));
        return 4;
    }
    if ((rc = lm_checker_open(c, &k)) != LM_OK) {
        fprintf(stderr, "check_run: %s\n", lm_checker_errmsg(k));
        return 4;
    }
    t1 = now_ms();
    if ((rc = lm_check(k, d, &r)) != LM_OK) {
        fprintf(stderr, "check_run: %s\n", lm_checker_errmsg(k));
        return 4;
    }
    t2 = now_ms();
    claims = lm_report_claims(r);
    lm_report_free(r);
    for (i = 0; i < repeat; i++) {
        double a = now_ms();
        if ((rc = lm_check(k, d, &r)) != LM_OK) {
            fprintf(stderr, "check_run: %s\n", lm_checker_errmsg(k));
            return 4;
        }
        times[i] = now_ms() - a;
        lm_report_free(r);
    }
    qsort(times, (size_t)repeat, sizeof *times, cmp_double);
    printf("%.1f %.1f %.1f %zu\n", t1 - t0, t2 - t1, times[repeat / 2], claims);
    free(times);
    lm_checker_close(k);
    lm_corpus_close(c);
    lm_doc_free(d);
    lm_global_cleanup();
    return 0;
}
