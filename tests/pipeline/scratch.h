/* A scratch corpus for the pipeline unit tests: a temporary folder in the
 * build tree holding t.db, with one fixture of tests/fixtures imported.
 * Criterion runs each test in its own process, so one static scratch per
 * test file is enough. */
#ifndef LM_TESTS_PIPELINE_SCRATCH_H
#define LM_TESTS_PIPELINE_SCRATCH_H

#include <stdio.h>
#include <unistd.h>
#include <litmine/litmine.h>
#include <criterion/criterion.h>

struct scratch {
    char dir[512], db[600];
    lm_corpus *c;
    lm_import_stats st;   /* of the fixture's import */
};

/* Creates LM_BINARY_DIR/TAG_XXXXXX, opens t.db there and imports FIXTURE
 * (a path below tests/fixtures); any failure fails the test. */
static inline void scratch_open(struct scratch *s, const char *tag, const char *fixture)
{
    char xml[512];

    snprintf(s->dir, sizeof s->dir, "%s/%s_XXXXXX", LM_BINARY_DIR, tag);
    cr_assert_not_null(mkdtemp(s->dir));
    snprintf(s->db, sizeof s->db, "%s/t.db", s->dir);
    snprintf(xml, sizeof xml, "%s/%s", LM_FIXTURES, fixture);
    cr_assert_eq(lm_global_init(), LM_OK);
    cr_assert_eq(lm_corpus_open(s->db, 0, &s->c), LM_OK);
    cr_assert_eq(lm_corpus_import(s->c, xml, &s->st), LM_OK, "%s", lm_corpus_errmsg(s->c));
}

/* Closes the corpus and removes t.db, its -wal and -shm, and the folder. */
static inline void scratch_close(struct scratch *s)
{
    static const char *const sfx[] = { "", "-wal", "-shm" };
    char path[640];
    size_t i;

    lm_corpus_close(s->c);
    s->c = NULL;
    lm_global_cleanup();
    for (i = 0; i < sizeof sfx / sizeof *sfx; i++) {
        snprintf(path, sizeof path, "%s%s", s->db, sfx[i]);
        unlink(path);
    }
    rmdir(s->dir);
}

#endif
