/* litmine: the command.  A table of subcommands and a loop, nothing else;
 * each command lives in cli/cmd_<name>.c and parses its own options. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

struct lm_cmd {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *help;
};

static const struct lm_cmd cmds[] = {
    { "import",  cmd_import,  "import PubMed XML, .xml.gz or PMC JATS into the corpus" },
    { "search",  cmd_search,  "full-text search of the corpus (FTS5 syntax)" },
    { "show",    cmd_show,    "show one record" },
    { "export",  cmd_export,  "export the corpus as JSONL or CSV" },
    { "fetch",   cmd_fetch,   "download PubMed/PMC records through NCBI E-utilities" },
    { "extract", cmd_extract, "extract numbers and study design, store and print them" },
    { "check",   cmd_check,   "audit an article's claims against the corpus" },
    { "run",     cmd_run,     "the scheduled job: fetch, import, extract, export (--config FILE)" },
};

static void usage(FILE *f)
{
    size_t i;

    fprintf(f, "usage: litmine <command> [options] [args]\n\ncommands:\n");
    for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        fprintf(f, "  %-8s %s\n", cmds[i].name, cmds[i].help);
    fprintf(f, "\ncommon options: --db PATH (default $LITMINE_DB, else ./litmine.db), "
               "--format FMT, -q, -v\n"
               "`litmine <command> --help` describes a command.\n"
               "exit status: 0 ok, 1 usage, 2 bad input, 3 network, 4 corpus, "
               "5 locked, 6 --fail-on matched\n");
}

int main(int argc, char **argv)
{
    size_t i;
    int rc;

    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("litmine %s\n", LM_VERSION);
        return EXIT_OK;
    }
    for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(argv[1], cmds[i].name))
            continue;
        if (lm_global_init() != LM_OK) {
            cli_error("cannot initialise libraries");
            return EXIT_DB;
        }
        rc = cmds[i].fn(argc - 1, argv + 1);
        lm_global_cleanup();
        return rc;
    }
    cli_error("'%s' is not a litmine command (see `litmine help`)", argv[1]);
    return EXIT_USAGE;
}
