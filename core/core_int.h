/* core: what the other core files share and the public API does not. */
#ifndef LM_CORE_INT_H
#define LM_CORE_INT_H

/* Undoes libcurl's global init if curl_lazy.c loaded it (lm_global_cleanup). */
void lm_curl_unload(void);

#endif
