/* Tests for the raw input layer as the reader sees it: gzip (one member,
 * several members, truncated, corrupt, a bomb), stdin-like streams, and the
 * MD5 of the raw bytes that keys the import ledger. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <criterion/criterion.h>
#include <litmine/corpus.h>

static const char one[] =
    "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000070</PMID><Article>"
    "<ArticleTitle>Gzipped fictional record</ArticleTitle></Article></MedlineCitation>"
    "</PubmedArticle></PubmedArticleSet>\n";

/* gzip-compresses @len bytes into a malloc'd buffer (one member). */
static unsigned char *gz(const void *data, size_t len, size_t *out_len)
{
    z_stream zs;
    size_t cap = compressBound(len) + 64;
    unsigned char *out = malloc(cap);

    cr_assert_not_null(out);
    memset(&zs, 0, sizeof zs);
    cr_assert_eq(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = (unsigned char *)data;
    zs.avail_in = (unsigned)len;
    zs.next_out = out;
    zs.avail_out = (unsigned)cap;
    cr_assert_eq(deflate(&zs, Z_FINISH), Z_STREAM_END);
    *out_len = cap - zs.avail_out;
    deflateEnd(&zs);
    return out;
}

static lm_err read_all(const void *data, size_t len, const char *name, int *n, lm_reader **rdp)
{
    lm_record rec;
    lm_err rc;

    lm_record_init(&rec);
    *n = 0;
    cr_assert_eq(lm_reader_open_mem(name, data, len, rdp), LM_OK);
    while ((rc = lm_reader_read(*rdp, &rec)) == LM_OK)
        ++*n;
    lm_record_free(&rec);
    return rc;
}

TestSuite(input, .init = (void (*)(void))lm_global_init);

Test(input, gzip_single_member)
{
    size_t zl;
    unsigned char *z = gz(one, strlen(one), &zl);
    lm_reader *rd;
    int n;

    cr_assert_eq(read_all(z, zl, "one.xml.gz", &n, &rd), LM_EOF, "%s", lm_reader_errmsg(rd));
    cr_assert_eq(n, 1);
    cr_assert_eq(lm_reader_bytes(rd), zl, "raw (compressed) bytes are counted");
    lm_reader_close(rd);
    free(z);
}

Test(input, gzip_multi_member_like_bgzip)
{
    const char *a = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000071</PMID>"
                    "</MedlineCitation></PubmedArticle>";
    const char *b = "<PubmedArticle><MedlineCitation><PMID>91000072</PMID></MedlineCitation>"
                    "</PubmedArticle></PubmedArticleSet>";
    size_t la, lb;
    unsigned char *za = gz(a, strlen(a), &la), *zb = gz(b, strlen(b), &lb);
    unsigned char *both = malloc(la + lb);
    lm_reader *rd;
    int n;

    memcpy(both, za, la);
    memcpy(both + la, zb, lb);
    cr_assert_eq(read_all(both, la + lb, "two.xml.gz", &n, &rd), LM_EOF, "%s",
                 lm_reader_errmsg(rd));
    cr_assert_eq(n, 2);
    lm_reader_close(rd);
    free(za);
    free(zb);
    free(both);
}

Test(input, gzip_truncated)
{
    size_t zl;
    unsigned char *z = gz(one, strlen(one), &zl);
    lm_reader *rd;
    int n;

    cr_assert_eq(read_all(z, zl - 12, "cut.xml.gz", &n, &rd), LM_ERR_GZIP);
    cr_assert(strstr(lm_reader_errmsg(rd), "cut.xml.gz"), "%s", lm_reader_errmsg(rd));
    cr_assert(strstr(lm_reader_errmsg(rd), "truncated"), "%s", lm_reader_errmsg(rd));
    lm_reader_close(rd);
    free(z);
}

Test(input, gzip_corrupt)
{
    size_t zl;
    unsigned char *z = gz(one, strlen(one), &zl);
    lm_reader *rd;
    int n;

    memset(z + 12, 0xff, 8);
    cr_assert_eq(read_all(z, zl, "bad.xml.gz", &n, &rd), LM_ERR_GZIP);
    cr_assert(strstr(lm_reader_errmsg(rd), "bad.xml.gz: corrupt gzip"), "%s",
              lm_reader_errmsg(rd));
    lm_reader_close(rd);
    free(z);
}

Test(input, gzip_bomb_is_refused)
{
    /* 72 MiB of spaces (past the 64 MiB floor) compress about 1000-fold:
     * the reader must stop on the ratio rather than trust the stream */
    size_t n = 72u << 20, zl = 0, cap = n / 500;
    unsigned char *in = malloc(1 << 20), *out = malloc(cap);
    z_stream zs;
    size_t left = n;
    lm_reader *rd;
    int recs;

    cr_assert(in && out);
    memset(in, ' ', 1 << 20);
    memcpy(in, "<PubmedArticleSet>", 18);
    memset(&zs, 0, sizeof zs);
    cr_assert_eq(deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_RLE), Z_OK);
    zs.next_out = out;
    zs.avail_out = (unsigned)cap;
    while (left) {
        zs.next_in = in;
        zs.avail_in = 1 << 20;
        left -= 1 << 20;
        cr_assert_neq(deflate(&zs, left ? Z_NO_FLUSH : Z_FINISH), Z_STREAM_ERROR);
        memset(in, ' ', 18);
    }
    zl = cap - zs.avail_out;
    deflateEnd(&zs);
    cr_assert_eq(read_all(out, zl, "bomb.xml.gz", &recs, &rd), LM_ERR_TOO_BIG, "%s",
                 lm_reader_errmsg(rd));
    cr_assert(strstr(lm_reader_errmsg(rd), "bomb.xml.gz"), "%s", lm_reader_errmsg(rd));
    lm_reader_close(rd);
    free(in);
    free(out);
}

Test(input, md5_of_raw_bytes)
{
    lm_reader *rd;
    int n;

    /* md5 of the bytes as given (here: plain text) */
    cr_assert_eq(read_all(one, strlen(one), "one.xml", &n, &rd), LM_EOF);
    cr_assert_eq(strlen(lm_reader_md5(rd)), 32);
    {
        char path[] = "/tmp/lm_md5XXXXXX", hex[33];
        int fd = mkstemp(path);
        cr_assert(fd >= 0);
        cr_assert_eq(write(fd, one, strlen(one)), (ssize_t)strlen(one));
        close(fd);
        cr_assert_eq(lm_md5_file(path, hex), LM_OK);
        cr_assert_str_eq(lm_reader_md5(rd), hex, "stream md5 equals the file's md5");
        unlink(path);
    }
    lm_reader_close(rd);
}

Test(input, file_path_gz)
{
    char path[] = "/tmp/lm_gzXXXXXX";
    int fd = mkstemp(path), n;
    size_t zl;
    unsigned char *z = gz(one, strlen(one), &zl);
    lm_reader *rd;
    lm_record rec;

    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, z, zl), (ssize_t)zl);
    close(fd);
    lm_record_init(&rec);
    cr_assert_eq(lm_reader_open(path, &rd), LM_OK);
    for (n = 0; lm_reader_read(rd, &rec) == LM_OK; n++)
        cr_assert_str_eq(lm_buf_str(&rec.title), "Gzipped fictional record");
    cr_assert_eq(n, 1);
    cr_assert_str_eq(lm_reader_name(rd), path);
    lm_reader_close(rd);
    lm_record_free(&rec);
    unlink(path);
    free(z);
}
