/* The litmine command: shared helpers for the cmd_*.c files.  cli/ includes
 * only <litmine/...>; everything it needs from a stage is in that stage's
 * public header. */
#ifndef LM_CLI_H
#define LM_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <litmine/litmine.h>

/* Exit statuses (DESIGN.md). */
enum {
    EXIT_OK = 0, EXIT_USAGE = 1, EXIT_INPUT = 2, EXIT_NET = 3,
    EXIT_DB = 4, EXIT_LOCKED = 5, EXIT_FAIL_ON = 6,
    EXIT_NO_MATCH = 7       /* search found nothing (grep's 1; 1 is a usage error here) */
};

/* Output formats a command may accept. */
typedef enum cli_format {
    FMT_TEXT, FMT_JSON, FMT_JSONL, FMT_CSV, FMT_HTML, FMT_RIS, FMT_BIBTEX, FMT_MEDLINE
} cli_format;

/* Options every command takes; filled by cli_common_opt(). */
struct cli_common {
    const char *db;          /* --db, else $LITMINE_DB, else ./litmine.db */
    cli_format format;
    int quiet, verbose;
};

/* One line on stderr: "litmine: <msg>". */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "litmine: <msg>" and returns the exit status for @rc. */
int cli_fail(lm_err rc, const char *msg);

/* Default database path: $LITMINE_DB, else "litmine.db". */
const char *cli_default_db(void);
/* Parses "text", "json", "jsonl", "csv", "html"; -1 if unknown. */
int cli_parse_format(const char *s);
/* A PMID argument: decimal digits only, 1 to INT64_MAX (a longer one is
 * "out of range", never clamped).  Returns 0, or -1 after printing the
 * one-line error naming @p s. */
int cli_parse_pmid(const char *s, int64_t *out);
/* Installs the stderr log sink at the level -q/-v ask for. */
void cli_setup_log(int quiet, int verbose);
/* Opens the corpus at @path; on failure prints the error and returns the
 * exit status (the handle is closed), else 0. */
int cli_open_corpus(const char *path, unsigned flags, lm_corpus **out);
/* Prints @json (cJSON text, compact) and a newline; frees it.  NULL is an
 * out-of-memory error: returns EXIT_DB after a message, else 0. */
int cli_put_json(FILE *f, char *json);

/* Reads a list of PMIDs, one per line, from @path ("-": stdin), as
 * `efetch -format uid` prints them: blank lines and surrounding spaces are
 * ignored.  Appends them to *@v (malloc'd, *@n entries).  A line that is not
 * a PMID prints "litmine: FILE:LINE: 'x' is not a PMID" and returns
 * EXIT_INPUT; an unreadable file EXIT_INPUT too; 0 on success. */
int cli_read_pmids(const char *path, int64_t **v, size_t *n);
/* @s as a PMID (a positive decimal number), silently: -1 when it is not
 * one (the caller names the file and line). */
int64_t cli_pmid_value(const char *s);

/* A progress line on stderr, redrawn in place: only on a terminal and never
 * under -q (cli_progress_init decides once).  @total 0: unknown (no ETA). */
struct cli_progress {
    int on;
    double t0, last;
    uint64_t total;
    const char *what;
};
void cli_progress_init(struct cli_progress *p, int quiet, const char *what, uint64_t total);
void cli_progress_update(struct cli_progress *p, uint64_t done);
/* Ends the line (when one was drawn). */
void cli_progress_end(struct cli_progress *p, uint64_t done);
/* An lm_run_progress_cb drawing @ud (a struct cli_progress set up by
 * cli_progress_init) for each stage in turn; the line ends when a stage
 * reaches its total or another stage starts. */
void cli_run_progress(const char *stage, uint64_t done, uint64_t total, void *ud);

/* Long options every command accepts; put CLI_COMMON_LONGOPTS at the end of
 * a command's option table (before the terminator) and hand any option code
 * the command does not know to cli_common_opt(). */
enum { OPT_DB = 1000, OPT_FORMAT, OPT_HELP, OPT_FIRST_OWN };
#define CLI_COMMON_LONGOPTS \
    { "db", required_argument, NULL, OPT_DB }, \
    { "format", required_argument, NULL, OPT_FORMAT }, \
    { "help", no_argument, NULL, OPT_HELP }, \
    { "quiet", no_argument, NULL, 'q' }, \
    { "verbose", no_argument, NULL, 'v' }
#define CLI_COMMON_SHORTOPTS "qv"

/* Handles a common option code @opt.  Returns 0 when handled, 1 when the
 * command asked for help (usage printed to stdout), -1 on a usage error
 * (message printed).  @formats is a mask of (1 << FMT_x) the command allows. */
int cli_common_opt(struct cli_common *co, int opt, const char *arg,
                   unsigned formats, const char *usage);
/* Starts a command: fills defaults. */
void cli_common_init(struct cli_common *co, cli_format def);

/* Subcommands: one file each, cli/cmd_<name>.c. */
int cmd_import(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_run(int argc, char **argv);

#endif
