/* Parsing ahead of the store: a thread runs the reader into a small ring of
 * records while the caller writes the previous ones to SQLite, so an import
 * uses two cores (XML parsing and FTS indexing each take about half the
 * time).  libxml2 is used by that one thread only; lm_global_init() has run
 * before.  The ring holds reused records: no allocation per record. */
#include <pthread.h>
#include <stdlib.h>
#include "corpus_int.h"

#define RING 64

struct corpus_prefetch {
    lm_reader *rd;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t changed;
    lm_record ring[RING];
    size_t head, count;         /* records ready for the consumer */
    int held;                   /* the consumer holds ring[head] */
    int done, stop;
    lm_err rc;                  /* the reader's last status once done */
};

static void *produce(void *arg)
{
    corpus_prefetch *p = arg;
    size_t slot;
    lm_err rc;

    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (p->count == RING && !p->stop)
            pthread_cond_wait(&p->changed, &p->mu);
        if (p->stop) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        slot = (p->head + p->count) % RING;
        pthread_mutex_unlock(&p->mu);
        /* the slot is invisible to the consumer until count grows */
        rc = lm_reader_read(p->rd, &p->ring[slot]);
        pthread_mutex_lock(&p->mu);
        if (rc == LM_OK) {
            p->count++;
        } else {
            p->done = 1;
            p->rc = rc;
        }
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->mu);
        if (rc != LM_OK)
            return NULL;
    }
}

lm_err corpus_prefetch_start(lm_reader *rd, corpus_prefetch **out)
{
    corpus_prefetch *p = calloc(1, sizeof *p);
    size_t i;

    *out = NULL;
    if (!p)
        return LM_ERR_NOMEM;
    p->rd = rd;
    for (i = 0; i < RING; i++)
        lm_record_init(&p->ring[i]);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->changed, NULL);
    if (pthread_create(&p->thread, NULL, produce, p)) {
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->changed);
        free(p);
        return LM_ERR_NOMEM;
    }
    *out = p;
    return LM_OK;
}

lm_err corpus_prefetch_next(corpus_prefetch *p, const lm_record **rec)
{
    lm_err rc;

    pthread_mutex_lock(&p->mu);
    if (p->held) {
        p->head = (p->head + 1) % RING;
        p->count--;
        p->held = 0;
        pthread_cond_broadcast(&p->changed);
    }
    while (p->count == 0 && !p->done)
        pthread_cond_wait(&p->changed, &p->mu);
    if (p->count) {
        *rec = &p->ring[p->head];
        p->held = 1;
        rc = LM_OK;
    } else {
        rc = p->rc;
    }
    pthread_mutex_unlock(&p->mu);
    return rc;
}

void corpus_prefetch_stop(corpus_prefetch *p)
{
    size_t i;

    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->changed);
    for (i = 0; i < RING; i++)
        lm_record_free(&p->ring[i]);
    free(p);
}
