/* Benchmark helper (never a test): parses a file with litmine's reader and
 * prints the record count, so bench/parse.sh can time parsing alone.
 *   bench-lm_parse FILE          litmine's streaming reader (SAX2 push)
 *   bench-lm_parse --reader FILE libxml2's xmlTextReader walking every node,
 *                                doing nothing: the pull interface's floor */
#include <stdio.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include <litmine/corpus.h>

static int walk_reader(const char *path)
{
    xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    long nodes = 0;
    int rc;

    if (!r) {
        fprintf(stderr, "bench-lm_parse: %s: cannot open\n", path);
        return 1;
    }
    while ((rc = xmlTextReaderRead(r)) == 1)
        nodes++;
    xmlFreeTextReader(r);
    printf("%ld nodes\n", nodes);
    return rc == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    lm_reader *rd = NULL;
    lm_record rec;
    long n = 0;
    lm_err rc;

    if (argc == 3 && !strcmp(argv[1], "--reader"))
        return walk_reader(argv[2]);
    if (argc != 2) {
        fprintf(stderr, "usage: bench-lm_parse [--reader] FILE\n");
        return 1;
    }
    if (lm_global_init())
        return 1;
    lm_record_init(&rec);
    if ((rc = lm_reader_open(argv[1], &rd)) == LM_OK)
        while ((rc = lm_reader_read(rd, &rec)) == LM_OK)
            n++;
    if (rc != LM_EOF)
        fprintf(stderr, "bench-lm_parse: %s\n", lm_reader_errmsg(rd));
    lm_reader_close(rd);
    lm_record_free(&rec);
    lm_global_cleanup();
    printf("%ld records\n", n);
    return rc == LM_EOF ? 0 : 1;
}
