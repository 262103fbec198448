/* bench-extract_run: runs the extractors over articles given as JSON lines
 * on stdin ({"pmid","title","abstract","pub_types","mesh"}) without a
 * corpus, and prints the extraction records as JSON lines (the format of
 * `litmine extract --format jsonl`).  Used by bench/extract.sh (timing, JIT
 * on and off) and tests/eval/extract_eval.sh (scoring against labels).
 *   bench-extract_run [--no-jit] [--count] [--repeat N] [-v] < articles.jsonl
 * --count prints only "articles values seconds" on stdout: seconds of CPU
 * time of this thread (per core, whatever else the machine runs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cjson/cJSON.h>
#include <litmine/litmine.h>

static void log_stderr(lm_log_level lvl, const char *func, const char *msg, void *ud)
{
    (void)lvl;
    (void)ud;
    fprintf(stderr, "extract_run: %s: %s\n", func, msg);
}

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

    return cJSON_IsString(v) ? v->valuestring : NULL;
}

int main(int argc, char **argv)
{
    unsigned flags = 0;
    int count = 0, repeat = 1, i, r;
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    char *line = NULL;
    size_t cap = 0, narticles = 0, nvalues = 0, j, k;
    ssize_t n;
    cJSON **docs = NULL;
    size_t ndocs = 0, dcap = 0;
    struct timespec t0, t1;
    lm_err rc;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--no-jit"))
            flags |= LM_EXTRACT_NO_JIT;
        else if (!strcmp(argv[i], "--count"))
            count = 1;
        else if (!strcmp(argv[i], "-v")) {   /* debug log: rejections, design cues */
            lm_log_set_level(LM_LOG_DEBUG);
            lm_log_set_sink(log_stderr, NULL);
        }
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: %s [--no-jit] [--count] [--repeat N] [-v] < articles.jsonl\n", argv[0]);
            return 1;
        }
    }
    if ((rc = lm_extractor_open(flags, &ex))) {
        fprintf(stderr, "extract_run: %s\n", lm_extractor_errmsg(ex));
        lm_extractor_close(ex);
        return 4;
    }
    while ((n = getline(&line, &cap, stdin)) > 0) {
        cJSON *d = cJSON_Parse(line);
        if (!d) {
            fprintf(stderr, "extract_run: <stdin>:%zu: not JSON\n", ndocs + 1);
            return 2;
        }
        if (ndocs == dcap) {
            dcap = dcap ? dcap * 2 : 256;
            if (!(docs = realloc(docs, dcap * sizeof *docs)))
                return 4;
        }
        docs[ndocs++] = d;
    }
    free(line);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    for (r = 0; r < repeat; r++) {
        for (j = 0; j < ndocs; j++) {
            lm_article a;
            const char *pm = str(docs[j], "pmid");

            memset(&a, 0, sizeof a);
            a.pmid = pm ? strtoll(pm, NULL, 10) : 0;
            a.title = str(docs[j], "title");
            a.abstract = str(docs[j], "abstract");
            a.pub_types = str(docs[j], "pub_types");
            a.mesh = str(docs[j], "mesh");
            a.body = str(docs[j], "body");
            lm_extractions_clear(&x);
            if ((rc = lm_extract_article(ex, &a, &x))) {
                fprintf(stderr, "extract_run: PMID %lld: %s\n", (long long)a.pmid,
                        lm_extractor_errmsg(ex));
                return 2;
            }
            narticles++;
            nvalues += x.len;
            if (count)
                continue;
            for (k = 0; k < x.len; k++) {
                char *js = lm_extraction_json(a.pmid, &x.v[k]);
                if (!js)
                    return 4;
                puts(js);
                free(js);
            }
        }
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    if (count)
        printf("%zu %zu %.6f\n", narticles, nvalues,
               (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    for (j = 0; j < ndocs; j++)
        cJSON_Delete(docs[j]);
    free(docs);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
    return 0;
}
