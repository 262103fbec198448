/* The run lock: one `litmine run` (or import) per database.  flock() rather
 * than a pid file: the kernel releases it when the holder dies, so kill -9
 * never leaves a lock that blocks the next run.  The holder's pid is written
 * into the file only to name it in the message. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <litmine/corpus.h>
#include <litmine/pipeline.h>

struct lm_lock {
    int fd;
    char *path;
    lm_corpus *corpus;          /* a PostgreSQL corpus: its own run lock */
};

/* A PostgreSQL database has no file to lock beside it: its run lock is an
 * advisory lock of the server (across hosts), held by a connection of its
 * own for as long as the lock is. */
static lm_err lock_server(const char *db, lm_lock *l, char *msg, size_t msgcap)
{
    int held = 0;
    lm_err rc;

    if ((rc = lm_corpus_open(db, 0, &l->corpus)) ||
        (rc = lm_corpus_run_lock(l->corpus, &held))) {
        lm_msg_set(msg, msgcap, "%s", lm_corpus_errmsg(l->corpus));
        return rc;
    }
    return held ? LM_OK : LM_ERR_DB;
}

lm_err lm_lock_acquire(const char *db_path, lm_lock **out, char *msg, size_t msgcap)
{
    lm_lock *l;
    char pid[32];
    ssize_t n;
    int len;

    *out = NULL;
    if (!(l = calloc(1, sizeof *l)))
        return LM_ERR_NOMEM;
    l->fd = -1;
    if (!strncmp(db_path, "postgresql://", 13) || !strncmp(db_path, "postgres://", 11)) {
        lm_err rc = lock_server(db_path, l, msg, msgcap);
        if (rc) {
            lm_lock_release(l);
            return rc;
        }
        *out = l;
        return LM_OK;
    }
    len = snprintf(NULL, 0, "%s.lock", db_path);
    if (!(l->path = malloc((size_t)len + 1))) {
        free(l);
        return LM_ERR_NOMEM;
    }
    snprintf(l->path, (size_t)len + 1, "%s.lock", db_path);
    /* O_NOFOLLOW: a "<db>.lock" symlink planted by someone else must not
     * make us truncate (ftruncate below) whatever it points to. */
    l->fd = open(l->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0644);
    if (l->fd >= 0) {
        struct stat sb;

        if (fstat(l->fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
            lm_msg_set(msg, msgcap, "%s: not a regular file; refusing to use it as the lock",
                       l->path);
            lm_lock_release(l);
            return LM_ERR_DB;
        }
    } else if (errno == ELOOP) {
        lm_msg_set(msg, msgcap, "%s: is a symbolic link; refusing to follow it (remove it)",
                   l->path);
        lm_lock_release(l);
        return LM_ERR_DB;
    }
    if (l->fd < 0) {
        lm_msg_set(msg, msgcap, "%s: cannot create the lock file: %s", l->path,
                   strerror(errno));
        lm_lock_release(l);
        return LM_ERR_DB;
    }
    if (flock(l->fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;

        n = pread(l->fd, pid, sizeof pid - 1, 0);
        pid[n > 0 ? n : 0] = '\0';
        pid[strcspn(pid, "\r\n")] = '\0';
        if (e == EWOULDBLOCK)
            lm_msg_set(msg, msgcap, "%s: another run holds the lock (pid %s)",
                       l->path, *pid ? pid : "unknown");
        else
            lm_msg_set(msg, msgcap, "%s: cannot lock: %s", l->path, strerror(e));
        lm_lock_release(l);
        return e == EWOULDBLOCK ? LM_ERR_LOCKED : LM_ERR_DB;
    }
    len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(l->fd, 0) != 0 || pwrite(l->fd, pid, (size_t)len, 0) != len)
        lm_log_warn("%s: cannot record the pid: %s", l->path, strerror(errno));
    *out = l;
    return LM_OK;
}

void lm_lock_release(lm_lock *l)
{
    if (!l)
        return;
    lm_corpus_close(l->corpus);
    if (l->fd >= 0)
        close(l->fd);   /* closing drops the flock; the file stays, harmlessly */
    free(l->path);
    free(l);
}
