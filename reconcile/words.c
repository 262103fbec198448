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


/* General English: the verbs, adjectives, adverbs and everyday nouns any
 * story uses, whatever it is about ("concluded", "runs", "likely", "help",
 * "constant", "users").  No claim's subject is one of them, so a record's
 * silence on such a word never says the corpus does not cover the claim,
 * and they pick neither a topic nor a search term.  Listed as written (the
 * stemmed and -ly forms are matched in rc_stopword). */
static const char *const general[] = {
    /* reporting, knowing, believing */
    "admit", "agree", "announce", "appear", "argue", "ask", "assume", "believe", "call",
    "conclude", "decide", "describe", "discover", "doubt", "estimate", "expect", "explain",
    "feel", "felt", "find", "finds", "guess", "hail", "hear", "heard", "hint", "hope", "imply",
    "indicate", "insist", "learn", "mention", "notice", "predict", "prove", "proving", "read",
    "recommend", "reveal", "seem", "seems", "state", "swear", "swears", "tell", "tells", "think",
    "thought", "told", "warn", "wonder", "known", "unknown", "cannot",
    /* doing, moving, changing */
    "add", "allow", "arrive", "ate", "avoid", "became", "become", "becomes", "began", "begin",
    "begins", "begun", "bring", "brought", "buy", "carry", "change", "changed", "choose",
    "chose", "deal", "develop", "drop", "dropped", "eat", "eaten", "end", "ended", "enter",
    "fail", "failed", "fall", "falls", "fell", "follow", "gain", "give", "gives", "giving",
    "grew", "grow", "grows", "happen", "held", "help", "helped", "helps", "hide", "hiding",
    "hold", "holds", "join", "keep", "keeps", "kept", "last", "lead", "led", "leave", "left",
    "live", "lose", "loses", "losing", "lost", "manage", "match", "matches", "matched", "meet",
    "move", "open", "pass", "pay", "pick", "play", "pull", "push", "raise", "raised", "reach",
    "remain", "remove", "return", "rise", "rose", "run", "runs", "ran", "save", "seek",
    "seeking", "sell", "send", "sent", "set", "shed", "sit", "spend", "stand", "start",
    "started", "starting", "stay", "stayed", "stop", "stopped", "stopping", "switch", "tend",
    "tried", "tries", "try", "turn", "turned", "turning", "wait", "want", "wanted",
    "watch", "wear", "went", "win", "won", "wore", "worn", "write", "wrote",
    /* describing */
    "able", "actual", "bad", "broad", "certain", "clear", "common", "constant", "easy", "entire",
    "false", "fast", "fine", "free", "full", "good", "great", "hard", "healthy", "high", "key",
    "long", "longer", "main", "modest", "negative", "normal", "old", "older", "original",
    "positive", "possible", "quick", "rare", "real", "serious", "short", "similar", "simple",
    "slow", "small", "smaller", "steady", "strong", "sure", "tiny", "true", "typical",
    "unable", "upbeat", "usual", "weak", "wide", "worse", "worst", "young", "younger",
    /* when, how, how much */
    "already", "anyway", "barely", "hardly", "instead", "maybe", "perhaps", "soon", "together",
    /* everyday people and things */
    "anything", "bit", "brother", "chance", "colleague", "cousin", "coworker", "customer",
    "dad", "daughter", "doctor", "doctors", "dozens", "family", "father", "friend",
    "home", "hundreds", "husband", "idea", "kid", "kids", "kind", "level", "levels", "life",
    "lot", "lots", "millions", "mom", "money", "mother", "mum", "neighbour", "neighbor",
    "opinion", "place", "price", "problem", "question", "reason", "reasons", "rest", "sister",
    "son", "sort", "story", "stories", "stuff", "teenagers", "teens", "term", "terms",
    "thousands", "type", "user", "users", "version", "versions", "wife", "world",
    NULL
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

lm_err rc_words_open(struct rc_words *w)
{
    size_t n = 0, g = 0;

    while (stop[n])
        n++;
    while (general[g])
        g++;
    if (!(w->sorted = malloc(n * sizeof *w->sorted)) || !(w->general = malloc(g * sizeof *w->general))) {
        free(w->sorted);
        w->sorted = NULL;
        return LM_ERR_NOMEM;
    }
    memcpy(w->sorted, stop, n * sizeof *w->sorted);
    qsort(w->sorted, n, sizeof *w->sorted, cmp_str);
    w->n = n;
    memcpy(w->general, general, g * sizeof *w->general);
    qsort(w->general, g, sizeof *w->general, cmp_str);
    w->ng = g;
    return LM_OK;
}

void rc_words_close(struct rc_words *w)
{
    free(w->sorted);
    free(w->general);
    w->sorted = NULL;
    w->general = NULL;
}

static int listed(const char *const *sorted, size_t n, const char *low)
{
    return bsearch(&low, sorted, n, sizeof sorted[0], cmp_str) != NULL;
}

/* -ly words that are no adverb */
static const char *const ly_nouns[] = {
    "anomaly", "assembly", "belly", "family", "homily", "italy", "jelly", "july", "monopoly",
    "supply", NULL
};

int rc_general_word(const struct rc_words *sw, const char *w, size_t n)
{
    char low[32], base[32];
    size_t i;

    if (n < 3 || n >= sizeof low)
        return 0;
    for (i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    if (listed(sw->general, sw->ng, low))
        return 1;
    /* "quickly", "widely": an adverb */
    if (n >= 6 && !strcmp(low + n - 2, "ly")) {
        for (i = 0; ly_nouns[i] && strcmp(ly_nouns[i], low); i++)
            ;
        return !ly_nouns[i];
    }
    /* "concluded", "helped", "hints", "moving": a listed word's forms */
    memcpy(base, low, n + 1);
    if (n > 4 && !strcmp(low + n - 2, "ed")) {
        base[n - 1] = '\0';
        if (listed(sw->general, sw->ng, base))
            return 1;
        base[n - 2] = '\0';
        return listed(sw->general, sw->ng, base);
    }
    if (n > 5 && !strcmp(low + n - 3, "ing")) {
        base[n - 3] = '\0';
        if (listed(sw->general, sw->ng, base))
            return 1;
        base[n - 3] = 'e', base[n - 2] = '\0';
        return listed(sw->general, sw->ng, base);
    }
    if (n > 3 && low[n - 1] == 's') {
        base[n - 1] = '\0';
        return listed(sw->general, sw->ng, base);
    }
    return 0;
}

int rc_stopword(const struct rc_words *sw, const char *w, size_t n)
{
    char low[32];
    size_t i;

    if (n == 0 || n >= sizeof low)
        return n == 0;
    for (i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    return listed(sw->sorted, sw->n, low);
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
