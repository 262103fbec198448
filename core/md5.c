/* MD5 of files, for the import ledger and NCBI's .md5 companions.  MD5 is
 * what NCBI publishes, not a security measure; OpenSSL's EVP does the work. */
#include <stdio.h>
#include <openssl/evp.h>
#include <litmine/core.h>

lm_err lm_md5_file(const char *path, char hex[33])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char buf[1 << 16], md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0, i;
    EVP_MD_CTX *ctx;
    FILE *f;
    size_t n;
    lm_err rc = LM_OK;

    if (!(f = fopen(path, "rb")))
        return LM_ERR_IO;
    if (!(ctx = EVP_MD_CTX_new())) {
        fclose(f);
        return LM_ERR_NOMEM;
    }
    if (!EVP_DigestInit_ex(ctx, EVP_md5(), NULL))
        rc = LM_ERR_IO;
    while (rc == LM_OK && (n = fread(buf, 1, sizeof buf, f)) > 0)
        if (!EVP_DigestUpdate(ctx, buf, n))
            rc = LM_ERR_IO;
    if (rc == LM_OK && (ferror(f) || !EVP_DigestFinal_ex(ctx, md, &mdlen)))
        rc = LM_ERR_IO;
    EVP_MD_CTX_free(ctx);
    fclose(f);
    if (rc)
        return rc;
    for (i = 0; i < mdlen && i < 16; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[32] = '\0';
    return LM_OK;
}
