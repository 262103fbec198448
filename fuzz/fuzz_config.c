/* libFuzzer harness: the `litmine run` configuration parser (strict JSON
 * read with cJSON, then every key checked for type and range).  Whatever a
 * user or a broken editor leaves in the file must give a configuration or a
 * message naming the file, never a crash or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/core.h>
#include <litmine/pipeline.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lm_run_config *cfg = NULL;
    char msg[512];
    lm_err rc;

    msg[0] = '\0';
    rc = lm_run_config_parse("fuzz.json", (const char *)data, size, &cfg, msg, sizeof msg);
    if (rc == LM_OK) {
        if (!cfg)
            abort();            /* success without a configuration */
    } else if (strncmp(msg, "fuzz.json", 9) != 0) {
        abort();                /* an error that does not name the file */
    }
    lm_run_config_free(cfg);
    return 0;
}
