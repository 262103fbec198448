/* Raw input for the readers: a file, stdin or a memory block, gunzipped on
 * the fly when it starts with the gzip magic, with an MD5 of the raw bytes
 * kept as they stream past (the import ledger's key).  Memory is two fixed
 * buffers whatever the input size. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "corpus_int.h"

#define RAW_CHUNK (1u << 18)

/* A gzip bomb is refused once the output passes BOMB_FLOOR bytes at more
 * than BOMB_RATIO times the input: PubMed XML compresses about 6:1, and
 * deflate cannot exceed about 1032:1. */
#define BOMB_FLOOR (64u << 20)
#define BOMB_RATIO 200u

static lm_err input_fail(corpus_input *in, lm_err rc, const char *fmt, const char *detail)
{
    lm_msg_set(in->msg, sizeof in->msg, fmt, in->name, detail ? detail : "");
    in->err = rc;
    return rc;
}

static lm_err input_init(corpus_input *in, const char *name)
{
    memset(in, 0, sizeof *in);
    if (!(in->name = strdup(name)))
        return LM_ERR_NOMEM;
    if (!(in->md = EVP_MD_CTX_new()) || !EVP_DigestInit_ex(in->md, EVP_md5(), NULL))
        return LM_ERR_NOMEM;
    return LM_OK;
}

lm_err corpus_input_open(corpus_input *in, const char *path)
{
    lm_err rc = input_init(in, strcmp(path, "-") ? path : "<stdin>");

    if (rc)
        return rc;
    if (!strcmp(path, "-")) {
        in->f = stdin;
    } else if (!(in->f = fopen(path, "rb"))) {
        return input_fail(in, LM_ERR_IO, "%s: cannot open: %s", strerror(errno));
    } else {
        in->own = 1;
    }
    if (!(in->raw = malloc(RAW_CHUNK)))
        return LM_ERR_NOMEM;
    return LM_OK;
}

lm_err corpus_input_open_mem(corpus_input *in, const char *name, const void *data, size_t len)
{
    lm_err rc = input_init(in, name);

    if (rc)
        return rc;
    in->mem = data;
    in->mem_len = len;
    return LM_OK;
}

/* Next block of raw bytes into in->cur/in->cur_len; 0 at end of input. */
static lm_err raw_next(corpus_input *in)
{
    size_t n;

    in->cur_len = 0;
    if (in->raw_eof)
        return LM_OK;
    if (in->f) {
        n = fread(in->raw, 1, RAW_CHUNK, in->f);
        if (n == 0 && ferror(in->f))
            return input_fail(in, LM_ERR_IO, "%s: read error: %s", strerror(errno));
        in->cur = in->raw;
    } else {
        n = in->mem_len - in->mem_pos;
        if (n > RAW_CHUNK)
            n = RAW_CHUNK;
        in->cur = in->mem + in->mem_pos;
        in->mem_pos += n;
    }
    if (n == 0) {
        in->raw_eof = 1;
        return LM_OK;
    }
    in->cur_len = n;
    in->raw_bytes += n;
    if (!in->no_md5 && !EVP_DigestUpdate(in->md, in->cur, n))
        return input_fail(in, LM_ERR_IO, "%s: md5 failed%s", NULL);
    return LM_OK;
}

static lm_err gz_start(corpus_input *in)
{
    memset(&in->zs, 0, sizeof in->zs);
    if (inflateInit2(&in->zs, 16 + MAX_WBITS) != Z_OK)
        return LM_ERR_NOMEM;
    in->zinit = 1;
    return LM_OK;
}

/* Inflates into dst; multi-member files (bgzip, concatenated .gz) go on
 * through every member, as gzip(1) does. */
static lm_err gz_read(corpus_input *in, char *dst, size_t cap, size_t *got)
{
    lm_err rc;
    int zr;

    in->zs.next_out = (unsigned char *)dst;
    in->zs.avail_out = (unsigned)cap;
    while (in->zs.avail_out == cap) {
        if (in->zs.avail_in == 0) {
            if ((rc = raw_next(in)))
                return rc;
            if (in->cur_len == 0) {
                if (!in->member_done)
                    return input_fail(in, LM_ERR_GZIP,
                                      "%s: truncated gzip data%s", NULL);
                break;
            }
            in->zs.next_in = (unsigned char *)in->cur;
            in->zs.avail_in = (unsigned)in->cur_len;
        }
        if (in->member_done) {
            /* bytes after a member: the next member, or padding zeros */
            if (in->zs.next_in[0] == 0) {
                in->zs.avail_in = 0;
                continue;
            }
            inflateReset(&in->zs);
            in->member_done = 0;
        }
        zr = inflate(&in->zs, Z_NO_FLUSH);
        if (zr == Z_STREAM_END) {
            in->member_done = 1;
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            return input_fail(in, LM_ERR_GZIP, "%s: corrupt gzip data: %s",
                              in->zs.msg ? in->zs.msg : "inflate failed");
        }
    }
    *got = cap - in->zs.avail_out;
    in->out_bytes += *got;
    if (in->out_bytes > BOMB_FLOOR && in->out_bytes / BOMB_RATIO > in->raw_bytes)
        return input_fail(in, LM_ERR_TOO_BIG,
                          "%s: gzip expands more than 200-fold: refusing a likely gzip bomb%s",
                          NULL);
    return LM_OK;
}

lm_err corpus_input_read(corpus_input *in, char *dst, size_t cap, size_t *got)
{
    lm_err rc;
    size_t n;

    *got = 0;
    if (in->err)
        return in->err;
    if (!in->started) {
        in->started = 1;
        if ((rc = raw_next(in)))
            return rc;
        if (in->cur_len >= 2 && (unsigned char)in->cur[0] == 0x1f &&
            (unsigned char)in->cur[1] == 0x8b) {
            in->gz = 1;
            if ((rc = gz_start(in)))
                return rc;
            in->zs.next_in = (unsigned char *)in->cur;
            in->zs.avail_in = (unsigned)in->cur_len;
        }
    }
    if (in->gz)
        return gz_read(in, dst, cap, got);
    if (in->cur_len == 0 && (rc = raw_next(in)))
        return rc;
    n = in->cur_len < cap ? in->cur_len : cap;
    memcpy(dst, in->cur, n);
    in->cur += n;
    in->cur_len -= n;
    in->out_bytes += n;
    *got = n;
    return LM_OK;
}

const char *corpus_input_md5(corpus_input *in)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0, i;

    if (in->md5[0] || !in->md || in->no_md5)
        return in->md5;
    if (!EVP_DigestFinal_ex(in->md, md, &mdlen))
        return in->md5;
    for (i = 0; i < mdlen && i < 16; i++) {
        in->md5[2 * i] = digits[md[i] >> 4];
        in->md5[2 * i + 1] = digits[md[i] & 15];
    }
    in->md5[32] = '\0';
    return in->md5;
}

void corpus_input_close(corpus_input *in)
{
    if (in->zinit)
        inflateEnd(&in->zs);
    if (in->own && in->f)
        fclose(in->f);
    EVP_MD_CTX_free(in->md);
    free(in->raw);
    free(in->name);
    memset(in, 0, sizeof *in);
}
