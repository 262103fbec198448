/* Words: the stop list used to pick search terms and topics, a light stemmer
 * and whole-word search.  The stop list holds English function words and the
 * vocabulary every health story shares ("study", "patients", "dose"), which
 * says nothing about what a claim is about. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "reconcile/reconcile_int.h"

static const char *const stop[] = {
    "a", "about", "above", "after", "again", "against", "all", "almost", "also", "although",
    "always", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "away",
    "back", "basically", "be", "because", "been", "before", "being", "below", "best", "better",
    "between", "big", "bigger", "biggest", "both", "but", "by", "can", "case", "cases",
    "claimed", "claims", "closed", "come", "comes", "could", "did", "didn", "do", "does",
    "doing", "done", "down", "during", "each", "early", "earlier", "either", "else", "enough",
    "even", "ever", "every", "everything", "fact", "fair", "far", "few", "first", "for",
    "found", "from", "further", "gave", "get", "gets", "given", "go", "going", "got", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however",
    "i", "if", "important", "importantly", "in", "into", "is", "it", "its", "itself", "just",
    "know", "large", "larger", "largest", "last", "later", "least", "less", "let", "like",
    "little", "look", "made", "make", "makes", "many", "may", "me", "might", "more", "most",
    "much", "must", "my", "near", "nearly", "need", "never", "new", "news", "no", "nobody",
    "none", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "one", "only",
    "or", "other", "others", "our", "ours", "out", "over", "own", "part", "people", "per",
    "percent", "point", "points", "put", "quite", "rather", "really", "reported", "reports",
    "said", "same", "say", "says", "see", "seen", "several", "she", "should", "show",
    "showed", "showing", "shown", "shows", "since", "so", "some", "still", "such", "take",
    "taken", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
    "they", "thing", "things", "this", "those", "though", "through", "thus", "to", "too",
    "took", "toward", "under", "until", "up", "upon", "us", "use", "used", "using", "very",
    "was", "way", "we", "well", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whole", "whom", "whose", "why", "will", "with", "within", "without", "would",
    "yet", "you", "your", "yours", "zero", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "twenty", "hundred", "thousand", "half", "third", "thirds",
    "times", "time", "year", "years", "month", "months", "week", "weeks", "day", "days",
    "hour", "hours", "minute", "minutes",
    /* the shared vocabulary of health stories */
    "study", "studies", "trial", "trials", "rct", "rcts", "patients", "patient",
    "participants", "subjects", "adults", "researchers", "scientists", "experts", "data",
    "results", "result", "evidence", "effect", "effects", "effective", "group", "groups",
    "dose", "doses", "dosing", "single", "treatment", "treatments", "treated", "drug",
    "drugs", "mg", "meta", "analysis", "analyses", "review", "randomized", "randomised",
    "placebo", "control", "controlled", "significant", "significantly", "difference",
    "different", "reduced", "reduce", "reduces", "reduction", "cut", "cuts", "works", "work",
    "worked", "risk", "rate", "rates", "score", "scores", "size", "sizes", "higher", "lower",
    "showed", "landmark", "miracle", "breakthrough", "enormous", "huge", "major", "massive",
    "separate", "according", "suggest", "suggests", "confirm", "confirms", "proof",
    "statement", "continued", "announced", "today", "look", "take", "note", "according",
    "per", "cent", "versus", "vs", "compared", "higher", "less", "total", "overall",
    "mean", "median", "number", "numbers", "people", "person", "things", "obviously",
    "based", "test", "tests", "tested", "testing", "built", "offer", "offering", "journal",
    NULL
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

lm_err rc_words_open(struct rc_words *w)
{
    size_t n = 0;

    while (stop[n])
        n++;
    if (!(w->sorted = malloc(n * sizeof *w->sorted)))
        return LM_ERR_NOMEM;
    memcpy(w->sorted, stop, n * sizeof *w->sorted);
    qsort(w->sorted, n, sizeof *w->sorted, cmp_str);
    w->n = n;
    return LM_OK;
}

void rc_words_close(struct rc_words *w)
{
    free(w->sorted);
    w->sorted = NULL;
}

int rc_stopword(const struct rc_words *sw, const char *w, size_t n)
{
    char low[32];
    const char *key = low;
    size_t i;

    if (n == 0 || n >= sizeof low)
        return n == 0;
    for (i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    return bsearch(&key, sw->sorted, sw->n, sizeof sw->sorted[0], cmp_str) != NULL;
}

const char *rc_find_word(const char *hay, const char *w, size_t n)
{
    const char *q;
    int c0;

    if (!hay || n == 0)
        return NULL;
    c0 = tolower((unsigned char)w[0]);
    for (q = hay; *q; q++) {
        if (tolower((unsigned char)*q) != c0)
            continue;
        if (!strncasecmp(q, w, n) && (q == hay || !isalnum((unsigned char)q[-1]))
            && !isalnum((unsigned char)q[n]))
            return q;
    }
    return NULL;
}

size_t rc_stem(const char *w, size_t n, char *out, size_t cap)
{
    size_t i, l;

    if (cap == 0)
        return 0;
    l = n < cap - 1 ? n : cap - 1;
    for (i = 0; i < l; i++)
        out[i] = (char)tolower((unsigned char)w[i]);
    out[l] = '\0';
    if (l > 5 && !strcmp(out + l - 3, "ies"))
        l -= 2, out[l - 1] = 'y';
    else if (l > 5 && !strcmp(out + l - 3, "ing"))
        l -= 3;
    else if (l > 5 && !strcmp(out + l - 2, "ed"))
        l -= 2;
    else if (l > 4 && !strcmp(out + l - 2, "es") && strchr("sxz", out[l - 3]))
        l -= 2;
    else if (l > 3 && out[l - 1] == 's' && out[l - 2] != 's' && out[l - 2] != 'u')
        l -= 1;
    out[l] = '\0';
    return l;
}

const char *rc_find_ci(const char *hay, size_t n, const char *needle)
{
    size_t l = strlen(needle), i;

    if (!l || l > n)
        return l ? NULL : hay;
    for (i = 0; i + l <= n; i++)
        if (tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[0])
            && !strncasecmp(hay + i, needle, l))
            return hay + i;
    return NULL;
}

int rc_has_stem(const char *text, const char *stem)
{
    size_t l = strlen(stem);
    const char *p = text;

    while ((p = strcasestr(p, stem))) {
        if (p == text || !isalnum((unsigned char)p[-1]))
            return 1;
        p += l;
    }
    return 0;
}
