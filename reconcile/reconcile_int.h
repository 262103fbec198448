/* Private declarations of the reconcile stage: the article model (blocks,
 * sentences, claims), rule helpers and the pieces check.c strings together.
 * Nothing here is part of the public API. */
#ifndef LM_RECONCILE_INT_H
#define LM_RECONCILE_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <litmine/reconcile.h>

#define RC_MSG 512

/* ---- the document ------------------------------------------------------ */

enum rc_block_kind {
    RC_BLOCK_PARA = 0, RC_BLOCK_HEADING, RC_BLOCK_ITEM, RC_BLOCK_ROW,
    RC_BLOCK_ATTRIB     /* a post's author line ("DadOfTwo wrote:"): never claim text */
};

struct rc_block {
    size_t start, end;          /* byte span in the text */
    enum rc_block_kind kind;
};

struct lm_doc {
    char *name;
    lm_buf text;
    struct rc_block *blocks;
    size_t nblocks, capblocks;
    char msg[RC_MSG];
};

/* Adds a block; the text of [start,end) must already be in d->text. */
lm_err rc_doc_add_block(struct lm_doc *d, size_t start, size_t end, enum rc_block_kind kind);
/* Splits plain text into blocks (blank lines, bullets, table-like rows). */
lm_err rc_doc_blocks_from_text(struct lm_doc *d);
/* Flattens HTML into d->text and d->blocks. */
lm_err rc_html_flatten(struct lm_doc *d, const char *data, size_t len);
/* GET over libcurl into @out (capped at LM_CHECK_MAX_INPUT); *is_html from
 * the Content-Type when it says so (else left as is). */
lm_err rc_fetch_url(const char *url, unsigned flags, lm_buf *out, int *is_html, char *msg,
                    size_t cap);

/* ---- segmentation ------------------------------------------------------ */

struct rc_sent {
    size_t start, end;          /* trimmed byte span in the text */
    size_t block;               /* index of its block */
};

/* Splits every block of @d into sentences; *out is malloc'd (free it). */
lm_err rc_segment(const struct lm_doc *d, struct rc_sent **out, size_t *n);
/* Sentence ends inside text[start,end): appended to *out (for tests too). */
lm_err rc_split_span(const char *text, size_t start, size_t end, size_t block,
                     struct rc_sent **out, size_t *n, size_t *cap);

/* ---- words -------------------------------------------------------------- */

/* 1 when the lower-case word is an English function word or a word every
 * health story uses ("study", "patients"), useless for finding a topic. */
struct rc_words {
    const char **sorted;
    size_t n;
    const char **general;
    size_t ng;
};
lm_err rc_words_open(struct rc_words *w);
void rc_words_close(struct rc_words *w);
int rc_stopword(const struct rc_words *sw, const char *w, size_t n);
/* 1 when the word is general English ("concluded", "runs", "likely",
 * "users"): never what a claim is about. */
int rc_general_word(const struct rc_words *sw, const char *w, size_t n);
/* Case-insensitive whole-word search of @w (n bytes) in @hay. */
const char *rc_find_word(const char *hay, const char *w, size_t n);
/* First case-insensitive occurrence of @needle in hay[0,n), or NULL: never
 * reads past n (a claim's span inside a long page). */
const char *rc_find_ci(const char *hay, size_t n, const char *needle);
/* Does a record's text say it had one arm and no control (check.c)? */
int rc_single_arm_text(const char *text, const char *pub_types);
/* 1 when a word of @text spells out the lower-case acronym @acr, its
 * letters in order ("zrv": "zorvilarin"). */
int rc_spells_out(const char *text, const char *acr);
/* 1 when consecutive words of @text spell the lower-case acronym @acr out
 * by their initials ("rls": "restless legs syndrome"). */
int rc_spells_out_words(const char *text, const char *acr);
/* 1 when a word of @text starts with @stem (case-insensitive). */
int rc_has_stem(const char *text, const char *stem);
/* Light stem for comparing words: lower-case, strips plural/-ed/-ing. */
size_t rc_stem(const char *w, size_t n, char *out, size_t cap);

/* ---- numbers of a claim or an abstract --------------------------------- */

enum rc_num_kind {
    RC_N = 0,        /* a sample size: participants, patients */
    RC_RATE,         /* a proportion 0..1 */
    RC_EFFECT,       /* an effect size (d, SMD, OR, RR, HR, MD) */
    RC_COUNT,        /* a number of studies or trials */
    RC_DOSE,         /* a dose amount (value in its unit) */
    RC_DOSES,        /* a number of doses or sessions */
    RC_DURATION,     /* a duration, in days */
    RC_CHANGE,       /* a score change or difference (points, mmHg) */
    RC_FOLD,         /* an n-fold change */
    RC_REDUCTION,    /* a relative reduction 0..1 ("cuts deaths by 62%") */
    RC_P,            /* a p value */
    RC_NUM_KINDS
};

struct rc_num {
    enum rc_num_kind kind;
    double v, lo, hi;           /* lo/hi: CI when has_ci */
    int has_ci;
    int k, n;                   /* rate as k/n when known */
    char unit[32];              /* dose unit, effect metric */
    char what[16];              /* remission, response, difference, ... */
    int approx;                 /* "nearly", "about", "roughly" */
    size_t start, end;          /* span in the text scanned */
};

struct rc_nums {
    struct rc_num *v;
    size_t n, cap;
};

typedef struct rc_numrules rc_numrules;
lm_err rc_numrules_open(rc_numrules **out, char *msg, size_t cap);
void rc_numrules_close(rc_numrules *r);
/* JIT-compiles the rules (once): worth it only for a long page. */
lm_err rc_numrules_jit(rc_numrules *r, char *msg, size_t cap);
/* Numbers in text[start,end): appended to @out. */
lm_err rc_numbers(rc_numrules *r, const char *text, size_t start, size_t end,
                  struct rc_nums *out);
void rc_nums_free(struct rc_nums *ns);
/* Design and evidence level of an article, by the extractors' rules. */
lm_err rc_numrules_design(rc_numrules *r, const char *title, const char *abstract,
                          const char *pub_types, const char *mesh, char level[4],
                          char design[32]);
const char *rc_num_kind_name(enum rc_num_kind k);

#define RC_MAX_FINDINGS 24
/* What the extractors' study model says of a record (findings, regimen,
 * follow-up), read through lm_extract_article. */
struct rc_model {
    int null_primary;           /* a primary finding no_difference, significant=false */
    int sig_primary;            /* a primary finding significant=true */
    int primary_dir;            /* +1 increased, -1 decreased, 0 none (significant ones) */
    double follow_days;         /* longest follow-up, days (0: none) */
    double admins;              /* regimen: administrations in the course (0: none) */
    char frequency[32], duration[32], dose[32];
    int placebo;                /* design flags: placebo-controlled or double-blind */
    struct rc_finding {         /* the extractor's finding rows, spans in title\nabstract */
        size_t start, end;
        int dir;                /* +1 increased, -1 decreased, 0 no_difference */
        int sig;                /* 1 significant, 0 not, -1 not said */
        int primary;
        unsigned dims;          /* RC_FD_*: what the comparison is between */
        char versus[24];        /* the comparator's first word ("sham", "placebo"), or "" */
        char outcome[48];       /* what was measured ("pain or stiffness"), lower-case, or "" */
    } find[RC_MAX_FINDINGS];
    size_t nfind;
    struct rc_span_days {       /* follow-up and treatment periods, spans as above */
        double days;
        size_t start, end;
        char unit[2];           /* the unit it was written in (rc_num unit code) */
    } dur[8];
    size_t ndur;
};
/* What a finding compares (its outcome and arm phrases): doses, how often. */
enum { RC_FD_DOSE = 1u << 0, RC_FD_FREQ = 1u << 1, RC_FD_LOW = 1u << 2 };
/* Design, level and study model of a record. */
lm_err rc_numrules_model(rc_numrules *r, int64_t pmid, const char *title, const char *abstract,
                         const char *pub_types, const char *mesh, char level[4],
                         char design[32], struct rc_model *m);

/* ---- claims ------------------------------------------------------------- */

struct rc_match {
    int64_t pmid;
    double score;
    char level[12];             /* L1..L5 */
    char design[32];            /* rct, meta-analysis, case report, ... */
    int agrees;
    char *evidence;             /* the abstract sentence */
    size_t ev_start, ev_end;    /* its span in the abstract */
    char *title;
    int year;
};

/* What a claim says (article.c decides). */
enum rc_claim_kind {
    RC_K_EFFICACY = 0, RC_K_SAFETY, RC_K_DURABILITY, RC_K_ONSET, RC_K_DOSE_RESPONSE,
    RC_K_REGIMEN, RC_K_POPULATION, RC_K_MECHANISM, RC_K_VENUE, RC_K_BACKGROUND,
    RC_K_COUNT
};
const char *rc_claim_kind_name(enum rc_claim_kind k);
/* Kinds that are never reported as problems (hedged, mechanistic, background). */
int rc_kind_informative(enum rc_claim_kind k);

struct rc_claim {
    int id;
    size_t start, end;          /* span in the doc text */
    size_t sent;                /* sentence index */
    lm_claim_source source;
    struct rc_nums nums;
    lm_verdict verdict;
    char level[12];             /* "L1".."L5", "anecdote", "" for null */
    struct rc_match *matches;
    size_t nmatches;
    char **reasons;
    const char **codes;         /* per reason: its rule's stable code (static) */
    size_t nreasons;
    enum rc_claim_kind kind;
    int hedged;                 /* "may", "suggests": never reported as a problem */
    int about;                  /* index of the study mention it is bound to, or -1 */
};

/* A study the article introduces, with the details it gives (0: not given). */
#define RC_MAX_MENTIONS 64
struct rc_mention {
    size_t sent, block, head;   /* sentence, block and section that introduce it */
    size_t start, end;          /* its sentence's span */
    long n, sessions;
    int year;
    double days, dose;
    char unit[32], venue[64], design[24];
    int claim;                  /* index of the claim at its sentence, or -1 */
    int64_t pmid;               /* the record it resolved to, 0 none */
    char why[3][96];
    size_t nwhy;
};

struct lm_report {
    char *name;
    char *text;                 /* copy of the doc text */
    size_t len;
    struct rc_block *blocks;    /* copy of the doc blocks */
    size_t nblocks;
    struct rc_claim *claims;
    size_t nclaims;
    char *topic;                /* "intervention / condition" words, or NULL */
    char checked_at[24];        /* UTC date and time of the check */
    long long corpus_records;   /* records the import ledger counts, -1 unknown */
    char last_import[32];       /* when the last file was imported, "" unknown */
    struct rc_mention *studies; /* the article model's study mentions */
    size_t nstudies, capstudies;
    char **warnings;
    size_t nwarnings;
};

/* Adds a reason under the stable @code of the rule that gave it (a static
 * string such as "finding.null_primary"); an identical text is kept once. */
lm_err rc_claim_reason(struct rc_claim *c, const char *code, const char *fmt, ...) LM_PRINTF(3, 4);
lm_err rc_report_warn(struct lm_report *r, const char *fmt, ...) LM_PRINTF(2, 3);
void rc_claim_free(struct rc_claim *c);

/* ---- classification rules ------------------------------------------------ */

typedef struct rc_rules rc_rules;
lm_err rc_rules_open(rc_rules **out, char *msg, size_t cap);
void rc_rules_close(rc_rules *r);

/* Bits a sentence can carry. */
enum {
    RC_F_FIRST_PERSON = 1u << 0,   /* I, my, me, we (not "we report") */
    RC_F_TESTIMONIAL  = 1u << 1,   /* "said Mark, 44", "customers tell us" */
    RC_F_ANIMAL       = 1u << 2,   /* mice, rats, animal model */
    RC_F_INVITRO      = 1u << 3,   /* cells, in vitro, in a dish, laboratory */
    RC_F_CASE         = 1u << 4,   /* case report, one patient */
    RC_F_OPINION      = 1u << 5,   /* experts say, according to Dr */
    RC_F_STUDYWORD    = 1u << 6,   /* study, trial, meta-analysis, data */
    RC_F_EFFICACY     = 1u << 7,   /* works, cures, cuts, beat, improves */
    RC_F_NULL         = 1u << 8,   /* no difference, not significant, found nothing */
    RC_F_RCT          = 1u << 9,   /* randomised, placebo-controlled, RCT */
    RC_F_META         = 1u << 10,  /* meta-analysis, systematic review, pooled */
    RC_F_OPENLABEL    = 1u << 11,  /* open-label, single-arm, no control */
    RC_F_OBSERVATIONAL= 1u << 12,  /* cohort, registry, retrospective, records */
    RC_F_SAFETY       = 1u << 13,  /* side effects, adverse, blood pressure */
    RC_F_NEGATION     = 1u << 14,  /* not, no, never, did not */
    RC_F_SPECULATION  = 1u << 15,  /* would have, could, might */
    RC_F_COMMERCIAL   = 1u << 16,  /* our own survey, our clients */
    RC_F_DIFFERENCE   = 1u << 17,  /* more than placebo, compared with */
    RC_F_QUESTION     = 1u << 18,
    RC_F_HEDGE_CLAIM  = 1u << 19,  /* claims, claimed: the article reports a claim */
    RC_F_SUPERLATIVE  = 1u << 20,  /* largest, landmark, miracle */
    RC_F_CALL         = 1u << 21,  /* book now, talk to your doctor */
    RC_F_TRIALWORD    = 1u << 22,  /* trial, study, dose: names a study or a regimen */
    RC_F_PRAISE       = 1u << 23,  /* "It's a miracle drug.", "Finally something that works." */
    RC_F_TAG_QUESTION = 1u << 24,  /* "..., right?": an assertion, no question (rc_flags) */
    RC_F_NONCLAIM     = 1u << 25,  /* an instruction, a meta line, advice, "my friend said so" */
    RC_F_ASIDE        = 1u << 26,  /* the writer's own history ("I've had X for years"):
                                    * no claim unless it states an effect, a harm or a figure */
    RC_F_EXPERT       = 1u << 27,  /* said by a professional: opinion, never a testimonial */
    RC_F_REPORTING    = 1u << 28,  /* "the only study I know": a first person who reports a
                                    * study, no story of their own */
    RC_F_OUTCOME      = 1u << 29,  /* "the spells have gone", "back at work": how a story ended */
    RC_F_READ         = 1u << 30   /* "I read that X works": the writer relays what they read */
};
/* Flags of text[start,end). */
unsigned rc_flags(rc_rules *r, const char *text, size_t start, size_t end);

/* Cues of the article model: the kind of statement and the discourse links. */
enum {
    RC_C_DURABLE    = 1u << 0,
    RC_C_ONSET      = 1u << 1,
    RC_C_DOSERESP   = 1u << 2,
    RC_C_REGIMEN    = 1u << 3,
    RC_C_POPULATION = 1u << 4,
    RC_C_MECHANISM  = 1u << 5,
    RC_C_VENUE      = 1u << 6,
    RC_C_HEDGE      = 1u << 7,
    RC_C_BACKREF    = 1u << 8,   /* leans on a study named before */
    RC_C_MENTION    = 1u << 9,   /* introduces a study */
    RC_C_BACKGROUND = 1u << 10,  /* a definition, a prevalence, a product fact */
    RC_C_BACKREF_IN = 1u << 11,  /* "in that trial" inside the sentence */
    RC_C_GENERAL    = 1u << 12,  /* a general fact about a condition or a maker, a regulatory
                                  * status: background whatever the topic */
    RC_C_SERVICE    = 1u << 13,  /* a business speaking of its service ("our clinic", "lets us") */
    RC_C_BOILER     = 1u << 14,  /* a press release's furniture ("today announced new data on") */
    RC_C_APPRAISAL  = 1u << 15,  /* someone's word on the results ("called the results ...") */
    RC_C_FIGURES    = 1u << 16,  /* a figure set against another ("12, compared with 5") */
    RC_C_USABILITY  = 1u << 17,  /* how a product handles ("easy to open", "stays stuck") */
    RC_C_POINTER    = 1u << 18   /* a study pointed at, no finding ("has since been published") */
};
unsigned rc_cues(rc_rules *r, const char *text, size_t start, size_t end);

/* Flags of an abstract: design words and the direction of its result. */
enum {
    RC_A_RCT        = 1u << 0,
    RC_A_META       = 1u << 1,
    RC_A_MIXED      = 1u << 2,   /* pools RCTs with non-randomised or pre-post data */
    RC_A_OPENLABEL  = 1u << 3,
    RC_A_COHORT     = 1u << 4,
    RC_A_ANIMAL     = 1u << 5,
    RC_A_INVITRO    = 1u << 6,
    RC_A_CASE       = 1u << 7,
    RC_A_NEGATIVE   = 1u << 8,   /* its primary result / conclusion is null */
    RC_A_POSITIVE   = 1u << 9,
    RC_A_ADVERSE    = 1u << 10,  /* reports adverse effects / safety signals */
    RC_A_CONTROLLED = 1u << 11   /* a control arm (non-randomised) */
};
unsigned rc_abstract_flags(rc_rules *r, const char *title, const char *abstract,
                           const char *pub_types);

/* ---- the checker ----------------------------------------------------------- */

/* One corpus article as the matcher sees it, loaded once per check. */
struct rc_doc {
    int64_t pmid;
    int year;
    char *title, *abstract, *pub_types, *mesh;
    char *text;                 /* title + "\n" + abstract: what is searched */
    size_t title_len;           /* abstract starts at title_len + 1 in text */
    unsigned aflags;            /* RC_A_* */
    char level[4];
    char design[32];
    char *journal;
    int journal_read;           /* journal read (a topic record's is not at first) */
    struct rc_model model;      /* findings, regimen, follow-up */
    struct rc_nums nums;        /* spans into text */
    struct rc_sent *sents;      /* sentences of text */
    size_t nsents;
    int analysed;               /* aflags, level, nums, sents filled */
    uint64_t *toks;             /* sorted hashes of its words (a topic record) */
    size_t ntoks;
};

#define RC_TOPIC_MAX 4

struct rc_topic {
    char words[RC_TOPIC_MAX][32];   /* lower-case stems, most central first */
    char alias[RC_TOPIC_MAX][32];   /* the word an acronym stands for ("zrv": the
                                       record's "zorvilarin (ZRV)"), or "" */
    long df[RC_TOPIC_MAX];          /* records holding each, up to RC_DF_CAP */
    double w[RC_TOPIC_MAX];         /* weight in the article (frequency x rarity) */
    size_t n;
    char filter[160];               /* FTS5 expression: the records on the topic */
    unsigned fmask;                 /* bit i: words[i] is in the filter */
};

/* A section (a heading and the blocks under it) about another topic than
 * the article's (check.c). */
#define RC_MAX_SECTIONS 8
struct rc_section {
    size_t head;                    /* its heading block */
    struct rc_topic t;
};

#define RC_DF_CAP 1000       /* records counted for a word's frequency, at most */
#define RC_QUERY_HITS 24     /* results a cached query keeps, at most */
#define RC_TOPIC_DOCS 300    /* distinct records on the topic kept, at most */
#define RC_TOPIC_ROWS 3000   /* rows read for them, at most (copies skipped) */

/* The records on one topic filter and their word hashes (check.c). */
struct rc_pool {
    uint64_t *vocab;                /* the topic records' word hashes */
    unsigned *vocab_cnt;            /* how many of them hold each */
    size_t vocab_n, vocab_cap;
    struct rc_doc **pool;           /* the records on the topic, best first */
    uint64_t *pool_same;            /* hash of each one's title and abstract */
    size_t npool;
    int vocab_built, pool_complete; /* pool read; it holds every topic record */
    char pool_filter[160];          /* the topic filter the pool was read for */
};

struct lm_checker {
    lm_corpus *corpus;
    rc_rules *rules;
    rc_numrules *nums;
    struct rc_words words;
    struct rc_doc **docs;           /* cache for the current check (stable pointers) */
    size_t ndocs, capdocs;
    uint64_t corpus_size;           /* 0 when the corpus holds no live article */
    /* rc_term_in_corpus and rc_term_df cache: prefix 0/1 say found (1/0),
     * prefix 2 the records counted up to cap */
    struct rc_term { char stem[32]; int prefix, found; long cap; } *terms;
    size_t nterms, capterms;
    struct rc_query { char *q; size_t max, n; int64_t pmid[RC_QUERY_HITS]; } *queries;
    size_t nqueries, capqueries;    /* rc_search cache for the current check */
    struct rc_pool tp;              /* the current topic's records (check.c) */
    struct rc_pool *tpools;         /* the other topics' pools read in this check */
    size_t ntpools, captpools;
    char msg[RC_MSG];
};

/* Source of a claim from its flags. */
lm_claim_source rc_classify(unsigned flags);

/* Candidate PMIDs for an FTS5 query, best bm25 first (title weighs 4x),
 * at most @max.  A query FTS5 rejects gives no candidates. */
lm_err rc_search(lm_checker *k, const char *query, int64_t *pmids, size_t max, size_t *n);
/* Records holding a term, counted up to @cap; -1 on error. */
long rc_term_df(lm_checker *k, const char *stem, long cap);
/* Records matching an FTS5 expression, counted up to @cap; -1 on error. */
long rc_count(lm_checker *k, const char *expr, long cap);
/* Word hashes: a word, the start of one, a title word. */
enum { RC_H_WORD = 0, RC_H_PREFIX = 1, RC_H_TITLE = 2 };
uint64_t rc_hash(const char *s, size_t n, int kind);
/* How many records of the topic pool hold the word hash @h. */
unsigned rc_vocab_count(const lm_checker *k, uint64_t h);
/* Reads the records on the topic (k->pool) once per check. */
lm_err rc_pool(lm_checker *k, const struct rc_topic *t);
/* Topic records holding the word, its stem or (else) the prefix @pre. */
unsigned rc_word_in_topic(const lm_checker *k, const char *word, const char *stem,
                          const char *pre);
/* Does topic record @d hold the word (RC_H_WORD: or its stem or prefix;
 * RC_H_TITLE: the word or stem in its title)? */
int rc_doc_has_word(const struct rc_doc *d, const char *word, const char *stem, const char *pre,
                    int kind);
/* Does a record on the topic (t->filter) hold the word, its stem or the
 * prefix @pre?  1 yes, 0 no, -1 error, -2 no topic. */
int rc_term_on_topic(lm_checker *k, const struct rc_topic *t, const char *word,
                     const char *stem, const char *pre);
/* A term's presence in the corpus: 1 found, 0 not, -1 error. */
int rc_term_in_corpus(lm_checker *k, const char *stem, int prefix);
/* The article @pmid (cached for this check); NULL when absent or on error
 * (then *rc says which). */
struct rc_doc *rc_doc_get(lm_checker *k, int64_t pmid, lm_err *rc);
void rc_docs_clear(lm_checker *k);
/* Is @d a copy (same title and abstract) of one of seen[0..n)? */
int rc_doc_dup(const lm_checker *k, const struct rc_doc *d, struct rc_doc *const *seen, size_t n);
/* FTS5 term for topic word @i: "w"* or ("w"* OR "alias"*), in @out. */
void rc_topic_term(const struct rc_topic *t, size_t i, char *out, size_t cap);
/* The word of @text right before "(ACR)" that spells the acronym @acr
 * out ("zorvilarin (ZRV)"), lower-case in @out; 1 found, else 0. */
int rc_acronym_word(const char *text, const char *acr, char *out, size_t cap);
/* Words in t[a, b): runs that start with a letter or digit after a space. */
size_t rc_word_count(const char *t, size_t a, size_t b);
/* Reads the journal of @d when it was loaded without it (a topic record). */
lm_err rc_doc_journal(lm_checker *k, struct rc_doc *d);
/* Fills aflags, level, design, nums and sents of @d (once). */
lm_err rc_doc_analyse(lm_checker *k, struct rc_doc *d);

/* Matching and verdicts (match.c): fills verdict, level, matches, reasons
 * of every claim of @r.  @flags: the RC_F_* of each claim. */
lm_err rc_match_claims(lm_checker *k, struct lm_report *r, const unsigned *flags,
                       const struct rc_topic *topic, const struct rc_section *sec, size_t nsec);

/* ---- the article model (article.c) ------------------------------------------- */

/* A year 1950..2049 written as a token of text[a,b), else 0. */
int rc_year_in(const char *t, size_t a, size_t b);
/* The venue named after "published in", "appeared in": its capitalised words. */
void rc_venue_in(const char *t, size_t a, size_t b, char *out, size_t cap);
enum rc_claim_kind rc_kind_of(unsigned flags, unsigned cues, const struct rc_nums *ns, int year);
/* A study introduced at sentence @si (in section @head). */
lm_err rc_mention_new(struct lm_report *r, const char *text, const struct rc_sent *s, size_t si,
                      size_t head, unsigned flags, const struct rc_nums *ns);
/* The mention a sentence speaks of, or -1 (the article's topic).
 * @prev_item_lead: the sentence is a list item right under a paragraph. */
int rc_mention_bind(const struct lm_report *r, const char *text, const struct rc_sent *s,
                    size_t head, unsigned cues, const struct rc_nums *ns, int prev_item_lead);
/* The earlier mention a sentence names ("the Norwegian trial" after "a
 * trial of 257 Norwegian doctors"), or -1. */
int rc_mention_named(const struct lm_report *r, const char *text, const struct rc_sent *s);
/* "gave it to 214 kids", "enrolled 90 adults": a number before a word for
 * people, appended to @ns as a sample size when the sentence has none and
 * the number reads as nothing else. */
lm_err rc_people_n(const char *text, const struct rc_sent *s, struct rc_nums *ns);
/* Details a later sentence that names or leans on mention @idx gives of it
 * ("the trial randomised 120 children", "it appeared in 2019"): added where
 * the mention had none. */
void rc_mention_enrich(struct lm_report *r, int idx, const char *text, const struct rc_sent *s,
                       unsigned flags, const struct rc_nums *ns);
/* What the article model says of a sentence before the claim rules do:
 * -1 never a claim (legal small print, rhetoric, a pointer to a source that
 * says nothing of its finding, a quoted remark too short to be about
 * anything), 1 a claim although it has no number ("has been shown to",
 * "doctors are hiding it"), 0 for the claim rules to decide.  @opens: the
 * sentence opens a study mention. */
int rc_claim_gate(const char *text, const struct rc_sent *s, enum rc_block_kind bk, unsigned flags,
                  const struct rc_nums *ns, int topical, int opens);
/* A sentence that introduces a study by a definite noun phrase with details
 * ("the randomized trial of 212 adults", "the open-label pilot", "the
 * ZELTA 2 study") that no earlier mention gave: 1, else 0. */
int rc_mention_opens(const struct lm_report *r, const char *text, const struct rc_sent *s,
                     size_t head, unsigned flags, const struct rc_nums *ns);
/* A schedule as written: @times in a @per period ('d', 'w', 'm'); times 0
 * for a bare "daily" (every day, the count unsaid); [start,end) in the text. */
struct rc_sched {
    double times;
    char per;
    size_t start, end;
};
/* The first schedule text s[0,n) states: 1 and *rs filled, else 0. */
int rc_schedule(const char *s, size_t n, struct rc_sched *rs);
/* 1 when the schedule @rs read in t[0,n) is how often a symptom came
 * ("had attacks twice a week before starting"), not a regimen. */
int rc_symptom_frequency(const char *t, size_t n, const struct rc_sched *rs);
/* Administrations per week a text states ("twice a week", "once daily",
 * "8 times per month"), 0 when it states none. */
double rc_per_week(const char *s, size_t n);
/* Days in a duration as written ("24 weeks", "6 months"), 0 when unreadable;
 * *unit (may be NULL): the rc_num unit code of the unit it was written in. */
double rc_duration_days(const char *s);
double rc_duration_days_unit(const char *s, char *unit);
/* Records @d as the record mention @m resolved to, with the details that agree. */
void rc_mention_resolve(struct rc_mention *m, const struct rc_doc *d);

/* How well record @d fits the details mention @m gives (sample size, year,
 * venue, design, course; a later analysis of a trial counts against it),
 * by the rows of a table; @keep: record in m->why the details that agree. */
double rc_mention_fit(struct rc_mention *m, const char *text, const struct rc_doc *d, int keep);

/* Verdict rules (match.c), in evaluation order. */
size_t rc_verdict_rule_count(void);
const char *rc_verdict_rule_code(size_t i);

/* Reports (report.c) use only struct lm_report. */

#endif
