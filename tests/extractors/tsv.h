/* Reading the tab-separated fixture tables of tests/fixtures/extractors/:
 * '#' lines are comments, fields are split on tabs in place. */
#ifndef LM_TEST_TSV_H
#define LM_TEST_TSV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>

#define TSV_MAXF 12

typedef struct tsv {
    FILE *f;
    char *line;
    size_t cap;
    unsigned long lineno;
    char *field[TSV_MAXF];
    int nfields;
    char path[512];
} tsv;

static inline void tsv_open(tsv *t, const char *name)
{
    memset(t, 0, sizeof *t);
    snprintf(t->path, sizeof t->path, "%s/extractors/%s", LM_FIXTURES, name);
    t->f = fopen(t->path, "r");
    cr_assert_not_null(t->f, "cannot open fixture %s", t->path);
}

/* Next data row; 0 at the end. */
static inline int tsv_next(tsv *t)
{
    ssize_t n;
    char *p, *tab;

    while ((n = getline(&t->line, &t->cap, t->f)) > 0) {
        t->lineno++;
        while (n > 0 && (t->line[n - 1] == '\n' || t->line[n - 1] == '\r'))
            t->line[--n] = '\0';
        if (!n || t->line[0] == '#')
            continue;
        t->nfields = 0;
        p = t->line;
        for (;;) {
            if (t->nfields < TSV_MAXF)
                t->field[t->nfields++] = p;
            if (!(tab = strchr(p, '\t')))
                break;
            *tab = '\0';
            p = tab + 1;
        }
        return 1;
    }
    return 0;
}

static inline void tsv_close(tsv *t)
{
    free(t->line);
    if (t->f)
        fclose(t->f);
}

#endif
