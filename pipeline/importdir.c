/* Importing NCBI's baseline and update folders in order, each file checked
 * against its .md5 companion.  NCBI numbers its files pubmedYYnNNNN across
 * baseline and updates, so (year, number) is the order they must go in. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <litmine/pipeline.h>

struct dfile {
    char *path;
    const char *name;      /* points into path */
    int year, num;         /* -1 when the name is not pubmedYYnNNNN */
    uint64_t size;
};

struct flist {
    struct dfile *v;
    size_t n, cap;
};

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);

    return a >= b && !strcasecmp(s + a - b, suf);
}

static int is_data_file(const char *name)
{
    return name[0] != '.' && (ends_with(name, ".xml") || ends_with(name, ".xml.gz"));
}

static void parse_ncbi_name(struct dfile *f)
{
    int yy, nnnn, used = 0;

    f->year = f->num = -1;
    if (sscanf(f->name, "pubmed%2dn%4d%n", &yy, &nnnn, &used) == 2 && used == 14) {
        f->year = yy;
        f->num = nnnn;
    }
}

static int cmp_files(const void *pa, const void *pb)
{
    const struct dfile *a = pa, *b = pb;

    /* NCBI-named files first, in (year, number) order; others by name. */
    if ((a->year < 0) != (b->year < 0))
        return a->year < 0 ? 1 : -1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->num != b->num)
        return a->num < b->num ? -1 : 1;
    return strcmp(a->name, b->name);
}

static lm_err add_file(struct flist *l, const char *dir, const char *name, uint64_t size)
{
    struct dfile *f;
    size_t len = strlen(dir) + strlen(name) + 2;

    if (lm_grow(&l->v, &l->cap, l->n, sizeof *l->v, 64))
        return LM_ERR_NOMEM;
    f = &l->v[l->n];
    if (!(f->path = malloc(len)))
        return LM_ERR_NOMEM;
    snprintf(f->path, len, "%s/%s", dir, name);
    f->name = f->path + strlen(dir) + 1;
    f->size = size;
    parse_ncbi_name(f);
    l->n++;
    return LM_OK;
}

/* Lists the data files of @dir; @depth 0 also descends into subfolders
 * (NCBI's baseline/ and updatefiles/) once. */
static lm_err scan(struct flist *l, const char *dir, int depth, char *msg, size_t cap)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    lm_err rc = LM_OK;

    if (!d) {
        lm_msg_set(msg, cap, "%s: %s", dir, strerror(errno));
        return LM_ERR_IO;
    }
    while (rc == LM_OK && (e = readdir(d))) {
        char sub[4096];
        struct stat st;

        if (e->d_name[0] == '.')
            continue;
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        if (stat(sub, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth == 0)
            rc = scan(l, sub, 1, msg, cap);
        else if (S_ISREG(st.st_mode) && is_data_file(e->d_name))
            rc = add_file(l, dir, e->d_name, (uint64_t)st.st_size);
    }
    closedir(d);
    return rc;
}

/* Reads the expected MD5 from "<path>.md5": NCBI writes
 * "MD5(pubmed25n0001.xml.gz)= <hex>", md5sum writes "<hex>  name".
 * Returns 1 with @hex filled, 0 when there is no companion, -1 when it
 * cannot be understood. */
static int read_md5_companion(const char *path, char hex[33])
{
    char name[4096], line[8192], *p, *q;
    FILE *f;
    size_t n;

    snprintf(name, sizeof name, "%s.md5", path);
    if (!(f = fopen(name, "r")))
        return 0;
    n = fread(line, 1, sizeof line - 1, f);
    fclose(f);
    line[n] = '\0';
    p = strstr(line, ")=");
    p = p ? p + 2 : line;
    while (*p == ' ' || *p == '\t')
        p++;
    for (q = p; (q - p) < 32 && ((*q >= '0' && *q <= '9') || ((*q | 32) >= 'a' && (*q | 32) <= 'f')); q++)
        ;
    if (q - p != 32)
        return -1;
    for (n = 0; n < 32; n++)
        hex[n] = (char)(p[n] | (p[n] >= 'A' ? 32 : 0));
    hex[32] = '\0';
    return 1;
}

static lm_err import_one(lm_corpus *c, const struct dfile *f, lm_dir_stats *st,
                         char *msg, size_t cap)
{
    char want[33], got[33];
    lm_import_stats is;
    lm_err rc;
    int has = read_md5_companion(f->path, want);

    if (has < 0) {
        lm_msg_set(msg, cap, "%s.md5: not an MD5 checksum file", f->path);
        return LM_ERR_FORMAT;
    }
    if (has > 0) {
        if ((rc = lm_md5_file(f->path, got))) {
            lm_msg_set(msg, cap, "%s: cannot read: %s", f->path, strerror(errno));
            return rc;
        }
        if (strcmp(want, got)) {
            lm_msg_set(msg, cap, "%s: MD5 %s does not match %s.md5 (%s): file skipped, "
                       "download it again", f->path, got, f->name, want);
            return LM_ERR_FORMAT;
        }
    }
    memset(&is, 0, sizeof is);
    if ((rc = lm_corpus_import(c, f->path, &is))) {
        lm_msg_set(msg, cap, "%s", lm_corpus_errmsg(c));
        return rc;
    }
    if (is.already)
        st->already++;
    else
        st->imported++;
    st->records += is.records;
    st->stored += is.stored;
    st->older += is.older;
    st->deleted += is.deleted;
    return LM_OK;
}

lm_err lm_import_dir(lm_corpus *c, const char *dir, lm_dir_progress_cb cb, void *ud,
                     lm_dir_stats *st, char *msg, size_t msgcap)
{
    struct flist l = { NULL, 0, 0 };
    lm_dir_progress pr;
    lm_err rc;
    size_t i;

    memset(st, 0, sizeof *st);
    memset(&pr, 0, sizeof pr);
    if ((rc = scan(&l, dir, 0, msg, msgcap)))
        goto done;
    qsort(l.v, l.n, sizeof *l.v, cmp_files);
    st->files = pr.files_total = l.n;
    for (i = 0; i < l.n; i++)
        pr.bytes_total += l.v[i].size;
    if (l.n == 0) {
        lm_msg_set(msg, msgcap, "%s: no PubMed files (*.xml, *.xml.gz) found", dir);
        rc = LM_ERR_IO;
        goto done;
    }
    for (i = 0; i < l.n; i++) {
        pr.current = l.v[i].name;
        if (cb)
            cb(&pr, ud);
        if ((rc = import_one(c, &l.v[i], st, msg, msgcap)))
            goto done;
        pr.files_done++;
        pr.bytes_done += l.v[i].size;
        pr.records = st->records;
    }
    pr.current = NULL;
    if (cb)
        cb(&pr, ud);
done:
    for (i = 0; i < l.n; i++)
        free(l.v[i].path);
    free(l.v);
    return rc;
}
