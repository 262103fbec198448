/* litmine check: audit an article's claims against the corpus. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char check_usage[] =
    "usage: litmine check [--db PATH] [--format text|json|html] [--fail-on V,...] FILE|URL|-\n"
    "  Finds the checkable claims of an article (plain text, HTML, an http(s) URL,\n"
    "  or - for stdin), matches each against the corpus and gives it a verdict:\n"
    "  controlled, uncontrolled, anecdotal, contradicted or not_found.\n"
    "  --format text (default; colour on a terminal), json (DESIGN.md contract),\n"
    "           html (one self-contained page: summary table, the article with each\n"
    "           claim highlighted, verdicts, evidence and PubMed links).\n"
    "  --fail-on V,...  exit 6 when any claim has one of these verdicts (hedged,\n"
    "                   mechanistic and background statements never count).\n"

    "  --allow-private  let a URL (or its redirects) reach private and link-local\n"
    "           addresses (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7,\n"
    "           fe80::/10); refused by default, before connecting.\n";

/* "uncontrolled,anecdotal" -> bit mask; -1 on an unknown name. */
static int parse_fail_on(const char *s)
{
    int mask = 0;

    while (*s) {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        int v = lm_verdict_parse(s, n);
        if (v < 0) {
            cli_error("--fail-on: '%.*s' is not a verdict (controlled, uncontrolled, anecdotal, "
                      "contradicted, not_found)", (int)n, s);
            return -1;
        }
        mask |= 1 << v;
        s += n;
        if (*s == ',')
            s++;
    }
    return mask;
}

int cmd_check(int argc, char **argv)
{
    enum { OPT_FAIL_ON = OPT_FIRST_OWN, OPT_ALLOW_PRIVATE };
    static const struct option opts[] = {
        { "fail-on", required_argument, NULL, OPT_FAIL_ON },
        { "allow-private", no_argument, NULL, OPT_ALLOW_PRIVATE },
        CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 }
    };
    unsigned load_flags = 0;
    struct cli_common co;
    lm_corpus *c = NULL;
    lm_checker *k = NULL;
    lm_doc *d = NULL;
    lm_report *r = NULL;
    lm_buf out = {0};
    lm_err rc;
    int opt, x, fail_mask = 0, ex = EXIT_OK, v;
    size_t i;
    const char *w;

    cli_common_init(&co, FMT_TEXT);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, opts, NULL)) != -1) {
        if (opt == OPT_FAIL_ON) {
            if ((fail_mask = parse_fail_on(optarg)) < 0)
                return EXIT_USAGE;
            continue;
        }
        if (opt == OPT_ALLOW_PRIVATE) {
            load_flags |= LM_DOC_ALLOW_PRIVATE;
            continue;
        }
        if ((x = cli_common_opt(&co, opt, optarg,
                                1u << FMT_TEXT | 1u << FMT_JSON | 1u << FMT_HTML, check_usage)))
            return x > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (optind != argc - 1) {
        fputs(check_usage, stderr);
        return EXIT_USAGE;
    }
    cli_setup_log(co.quiet, co.verbose);
    if ((rc = lm_doc_load_flags(argv[optind], load_flags, &d)) != LM_OK) {
        ex = cli_fail(rc, lm_doc_errmsg(d));
        lm_doc_free(d);
        return ex;
    }
    if ((x = cli_open_corpus(co.db, LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST, &c))) {
        lm_doc_free(d);
        return x;
    }
    if ((rc = lm_checker_open(c, &k)) != LM_OK || (rc = lm_check(k, d, &r)) != LM_OK) {
        ex = cli_fail(rc, lm_checker_errmsg(k));
        goto done;
    }
    for (i = 0; (w = lm_report_warning(r, i)); i++)
        if (!co.quiet)
            fprintf(stderr, "litmine: warning: %s\n", w);
    if (co.format == FMT_JSON)
        rc = lm_report_json(r, &out);
    else if (co.format == FMT_HTML)
        rc = lm_report_html(r, &out);
    else
        rc = lm_report_text(r, isatty(STDOUT_FILENO), &out);
    if (rc != LM_OK) {
        ex = cli_fail(rc, NULL);
        goto done;
    }
    fwrite(lm_buf_str(&out), 1, out.len, stdout);
    if (co.format == FMT_JSON)
        fputc('\n', stdout);
    if (fflush(stdout) != 0) {
        ex = cli_fail(LM_ERR_IO, "cannot write the report to stdout");
        goto done;
    }
    for (v = 0; v < LM_VERDICT_COUNT; v++)
        if ((fail_mask & (1 << v)) && lm_report_problems(r, (lm_verdict)v)) {
            if (!co.quiet)
                fprintf(stderr, "litmine: --fail-on: %zu claim(s) %s\n",
                        lm_report_problems(r, (lm_verdict)v), lm_verdict_name((lm_verdict)v));
            ex = EXIT_FAIL_ON;
        }
done:
    lm_buf_free(&out);
    lm_report_free(r);
    lm_checker_close(k);
    lm_corpus_close(c);
    lm_doc_free(d);
    return ex;
}
