/* The study model (DESIGN.md "Extraction records"): each reported
 * comparison as a `finding` (its direction, outcome, arms, p, primary and
 * significant flags), the intervention's `regimen` (dose, administrations,
 * frequency, duration, route), the longest `follow_up`, and the names of
 * the arms of the `arm_size` rows.
 *
 * One rule table of cues (negations, hedges, directions, background and
 * aim sentences, regimen and follow-up phrases), compiled when the
 * extractor opens.  A text is cut into its structured-abstract parts
 * ("RESULTS: ...", one per line), the parts into sentences and the
 * sentences into clauses ("; ", "whereas", "but", "except for"); a clause
 * of a results or conclusions part (or of an unlabelled abstract) holding
 * a comparison becomes one finding.  Background, aims, methods and other
 * studies' results ("previous studies have shown") are never findings. */
#define _GNU_SOURCE
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "extractors_int.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* memmem for the short haystacks of one clause (the first occurrence; no
 * per-call set-up).  Candidates are the places where the needle's first
 * and last bytes that are not spaces (spaces are everywhere) both match,
 * 16 places at a time with SSE2: most places of a common first byte fail
 * on the other byte, so a clause costs a few vector compares instead of a
 * memchr call per place of the first byte.  Loads stay inside [h, h + n). */
static const char *fmem(const char *h, size_t n, const char *nd, size_t m)
{
    size_t a = 0, b, i = 0, k, last;

    if (!m)
        return h;
    if (m > n)
        return NULL;
    if (m == 1)
        return memchr(h, nd[0], n);
    b = m - 1;
    while (a < b && nd[a] == ' ')
        a++;
    while (b > a && nd[b] == ' ')
        b--;
    last = n - m;                     /* the last place the needle fits */
#ifdef __SSE2__
    {
        const __m128i fa = _mm_set1_epi8(nd[a]), fb = _mm_set1_epi8(nd[b]);

        for (; i + 16 <= last + 1; i += 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(h + i + a));
            __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(h + i + b));
            unsigned mask = (unsigned)_mm_movemask_epi8(
                _mm_and_si128(_mm_cmpeq_epi8(x, fa), _mm_cmpeq_epi8(y, fb)));

            while (mask) {
                const char *p = h + i + (size_t)__builtin_ctz(mask);
                mask &= mask - 1;
                for (k = 0; k < m && p[k] == nd[k]; k++)
                    ;
                if (k == m)
                    return p;
            }
        }
    }
#endif
    for (; i <= last; i++)
        if (h[i + a] == nd[a] && h[i + b] == nd[b]) {
            for (k = 0; k < m && h[i + k] == nd[k]; k++)
                ;
            if (k == m)
                return h + i;
        }
    return NULL;
}

/* A word of a fixed list with its length (W("than") in the tables). */
struct word { const char *w; size_t n; };
#define W(s) { s, sizeof s - 1 }

/* Does @p s hold one of the lower-case words @p w (case-insensitive)? */
static int has_word_ci(const char *s, const char *const *w, size_t n)
{
    char low[256];
    size_t i, k;

    for (i = 0; s[i] && i + 1 < sizeof low; i++)
        low[i] = (char)tolower((unsigned char)s[i]);
    low[i] = '\0';
    for (k = 0; k < n; k++)
        if (strstr(low, w[k]))
            return 1;
    return 0;
}

/* strcasestr for a lower-case needle. */
static const char *fcasestr(const char *s, const char *nd)
{
    return has_word_ci(s, &nd, 1) ? s : NULL;
}

/* ---- the rule table ----------------------------------------------------- */

enum cue {
    /* no difference (negations and hedges) */
    C_NODIFF, C_NOTDIFF, C_NOTSIG, C_FAILED, C_NOTSUP, C_NONINF, C_EQUIV, C_SIMILAR,
    C_TREND,
    /* directions and comparisons */
    C_INC, C_DEC, C_SIG, C_COMPARE, C_WITHIN,
    /* sentences that are not this study's findings */
    C_BACKGROUND, C_AIM, C_BASECHAR, C_CORREL,
    /* structure */
    C_PRIMARY, C_SPLIT, C_EXCEPT,
    /* regimen and follow-up */
    C_DOSE, C_FREQ, C_DUR, C_ROUTE, C_ADMIN, C_SINGLE, C_FU, C_FU_AT, C_NOT_FU,
    C_COUNT
};

struct frule {
    const char *id;
    enum cue cue;
    const char *need;     /* a lower-case literal the match must contain ("" none) */
    const char *starts;   /* '|'-separated lower-case literals a match starts with;
                             NULL: not scanned, matched in a window on demand */
    const char *pattern;
};

#define NUMW "(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven" \
             "|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|twenty-four|thirty" \
             "|thirty-six|forty|forty-eight|fifty|sixty)"
/* "in either group", "in any of the treatment arms"; "observed", "seen" */
#define GRP "(?:either|any|both|each|all|the two) (?:of the )?(?:[\\w-]+ )?(?:groups?|arms?)"
#define SEEN "(?:observed|seen|noted|reported|found|recorded|detected)"
#define UNITS "(?<u>days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|h)"
/* regimen.administrations' parts, which its pre-check reads too
 * (admin_unit_near): the count, up to ADMIN_MODS words of ADMIN_MOD bytes,
 * the unit */
#define ADMIN_NUM "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve" \
                  "|fifteen|sixteen|twenty|twenty-four|thirty)"
#define ADMIN_MOD "[a-z-]"
#define ADMIN_MODS 4
#define ADMIN_UNITS "(?:sessions?|infusions?|injections?|doses|cycles?|visits?|treatments" \
                    "|applications?|calls|courses|fractions|instillations|administrations)"
/* follow_up.explicit's word and the count before "follow-up", which its
 * pre-check reads too (follow_may) */
#define FU_WORD "follow"
#define FU_LEAD "\\b(?<n2>" NUMW ")(?<r2> ?(?:-|to) ?\\d+(?:\\.\\d+)?)?(?:-| )(?<u2>days?|weeks?" \
                "|months?|years?)(?: [a-z-]+){0,2}? "
#define STR_(x) #x
#define STR(x) STR_(x)

static const struct frule frules[] = {
    { "finding.no_diff", C_NODIFF, "", "no|without|nor",
      "\\b(?:no|without|nor any|not an?|not any)(?:\\s+(?:statistically|statistical|significant|significantly"
      "|clinically|meaningful|relevant|obvious"
      "|major|apparent|notable|marked|detectable|overall|further|additional|evidence of(?: an?)?"
      "|real|important|substantial|between-group|group|treatment|differential|consistent"
      "|[a-z]+-[a-z-]+|two-way|three-way))*(?:\\s+[a-z]+){0,2}?"
      /* "no significant X and Y* group differences": two short names */
      "(?:\\s+[\\w*+-]{1,12}\\s+and\\s+[\\w*+-]{1,12}(?:\\s+(?:group|between-group))?)?"
      "\\s+(?:differences?|changes?|effects?|improvements?|reductions?|increases?|decreases?"
      "|benefits?|associations?|interactions?|impact|influence|advantage|superiority"
      "|alterations?|variations?|deteriorations?|worsening|elevation|relationship|declines?"
      "|rises?)\\b" },
    /* "no deaths occurred in either group": none in any arm */
    { "finding.no_events", C_NODIFF, "", "no ",
      "\\bno (?:[\\w-]+ ){1,8}?(?:(?:in|among) " GRP " (?:occurred|developed|(?:was|were) " SEEN ")"
      "|(?:occurred|developed|(?:was|were) " SEEN ") in " GRP ")\\b" },
    { "finding.no_diff", C_NOTDIFF, "not", "did not|does not|do not|could not|would not|was not|were not|is not|are not|has not|have not|had not|didn't|doesn't|don't|wasn't|weren't|isn't|aren't|hasn't|haven't|hadn't|couldn't|wouldn't",
      "\\b(?:did|does|do|could|would|was|were|is|are|has|have|had)(?: not|n't)"
      "(?:\\s+(?:significantly|statistically|substantially|appreciably|markedly|differ"
      "|materially|further|clearly|meaningfully|been|seem to|appear to|be))*"
      "\\s+(?:differ\\w*|change\\w*|improve\\w*|reduce\\w*|increase\\w*|decrease\\w*"
      "|affect\\w*|alter\\w*|influence\\w*|modif\\w*|lower\\w*|raise\\w*|enhance\\w*"
      "|prolong\\w*|shorten\\w*|impact\\w*|vary|varied|predict\\w*|benefit\\w*|show\\w*"
      "|result\\w*|lead|led|yield\\w*|produce\\w*|reach\\w*|achieve\\w*|demonstrate\\w*"
      "|confer\\w*|provide\\w*|offer\\w*|prevent\\w*|attenuate\\w*|worsen\\w*|associated|meet"
      "|different|significant\\w*|higher|lower|greater|mediat\\w*|moderate[ds]?"
      "|more|less|longer|shorter|elevated|found|observed|detected|seen|reveal\\w*|find|detect)\\b" },
    { "finding.no_diff", C_NOTDIFF, "n", "neither|nor|not d|not s|not a|not c|none d|none s",
      "\\b(?:neither|nor|not|none) (?:significantly |statistically )?(?:different|differ\\w*"
      "|altered|affected|changed)\\b"
      /* "neither A nor B reduced X": no change in any arm */
      "|\\bneither [^.;:]{1,80}? nor [^.;:]{1,80}? (?:significantly )?(?:reduced|improved"
      "|increased|decreased|lowered|raised|changed|altered|affected|worsened)\\b" },
    { "finding.not_significant", C_NOTSIG, "significan", "not sig|not sta|non-sig|nonsign|non sig|insigni|nor sig|did not|failed |does not|do not|lost si|loses s|ns|n.s",
      "\\b(?:not|non|in|nor) ?-?(?:statistically )?significant(?:ly)?\\b"
      "|\\b(?:did not|failed to|does not|do not) (?:reach|achieve|attain) (?:statistical )?"
      "significance\\b|\\b(?:lost|loses) significance\\b"
      "|(?<![\\w.-])n\\.?s\\.?(?![\\w-])" },
    { "finding.failed", C_FAILED, "fail", "fail",
      "\\bfail(?:ed|s|ure)? to (?:show|find|demonstrate|detect|reach|achieve|improve|reduce"
      "|prove|confirm|differ|reveal|meet|produce|prevent|identify|increase|decrease|affect"
      "|change|alter|lower|support|establish|provide)\\b" },
    /* "A did not have a higher risk of X": a denied comparison */
    { "finding.not_superior", C_NOTSUP, "not", "not sup|not inf|not bet|not wor|not mor|not les|not eff|no more|no less|no long|did not h|do not h|does not h",
      "\\b(?:(?:not|no more|no less) (?:superior|inferior|better|worse|more effective|less effective"
      "|effective)(?: (?:to|than))?|no longer (?:effective|efficacious)"
      "|(?:did|do|does) not have (?:an? )?(?:significantly )?(?:higher|lower|greater|smaller"
      "|increased|reduced|decreased|elevated))\\b" },
    { "finding.noninferior", C_NONINF, "inferior", "non",
      "\\bnon-?inferior(?:ity)?\\b" },
    { "finding.equivalent", C_EQUIV, "equ", "equi|equa|bioe",
      "(?<![\\w-])(?:equivalent|equivalence|bioequivalen\\w*|equally (?:effective|efficacious|safe"
      "|well))\\b" },
    /* "as effective as placebo": neither arm better */
    { "finding.equivalent", C_EQUIV, "", "as eff|as effi|as saf|as goo|as wel|as ben|as use",
      "\\bas (?:effective|efficacious|safe|good|well tolerated|beneficial|useful) as\\b" },
    { "finding.similar", C_SIMILAR, "", "similar|comparable|identical|unchanged|unaffected|indistinguishable|insignificant|nonsignificant|non-significant|remained|stayed|no different|were the|was the",
      "\\b(?:similar(?:ly)?|comparable|identical|unchanged|unaffected|indistinguishable"
      "|insignificant|nonsignificant|non-significant|remained stable|stayed stable"
      "|remained constant|no different|were the same|was the same)\\b" },
    { "finding.trend", C_TREND, "", "trend|tendency|tended|marginally|borderline|did not quite",
      "\\b(?:trends?(?:ed)? (?:towards?|to|for|of)"
      "|tendency (?:towards?|to|for)|tended to|marginally significant"
      "|borderline (?:statistical(?:ly)? )?significan\\w*|did not quite)\\b" },

    { "finding.increased", C_INC, "", "outperf|higher|greater|more|larger|longer|increas|elevated|improv|better|enhanc|raised|prolong|superior|gain|rise|rose|boosted|augmented|heightened|stronger|faster|accelerated|promoted|exceeded|upregulated|highest|greatest|largest|longest|high ",
      "\\b(?:highest|greatest|largest|longest"
      "|higher|greater|more|larger|longer|increased?|increases|increasing|elevated"
      "|improved?|improves|improving|improvements?|better|enhanced?|enhances|enhancements?|raised"
      "|prolonged|prolongs|prolongations?|superior|gains?|gained|rise|rose|boosted|augmented|heightened"
      "|stronger|faster|accelerated|promoted|exceeded|more likely|upregulated|outperform(?:ed|s)?"
      "|(?<=significantly )high)\\b" },
    { "finding.decreased", C_DEC, "", "lower|less|fewer|smaller|shorter|reduc|decreas|declin|attenuated|diminished|inferior|worse|dropped|fell|alleviated|relieved|suppressed|shortened|lessened|minimi|weaker|slower|downregulated|prevented|inhibited|mitigated|worsen|deterior|aggravated|exacerbated|lowest|least|fewest|smallest|shortest|minimum|low ",
      "\\b(?:lowest|least|fewest|smallest|shortest|minimum"
      "|lower|less|fewer|smaller|shorter|reduced|reduces|reduce|reducing|reductions?"
      "|decreased?|decreases|decreasing|declined?|declines|lowered|lowers|attenuated"
      "|diminished|inferior|worse|dropped|fell|alleviated|relieved|suppressed|shortened"
      "|lessened|minimi[sz]ed|weaker|slower|less likely|downregulated|prevented|inhibited"
      "|mitigated|decline|worsened|worsening|deteriorated|deterioration|aggravated|exacerbated"
      "|lesser|(?<=significantly )low)\\b" },
    { "finding.significant", C_SIG, "signific", "signific",
      "\\bsignificant(?:ly)?\\b|\\bsignificance\\b" },
    { "finding.compare", C_COMPARE, "", "compared|comparison|than|versus|vs|relative|between|group|arm|placebo|sham|control|usual|standard|respectively|in favo|odds|risk|hazard|associated|over ti|from ba",
      "\\b(?:compared|comparison|than|versus|vs\\.?|relative to|between|groups?|arms?"
      "|placebo|sham|controls?|usual care|standard care|respectively|in favou?r of"
      "|odds|risk|hazard|associated with|over time|from baseline)\\b" },
    { "finding.within", C_WITHIN, "", "from ba|from pr|compared|relative|over ti|before a|pre-|pre |baseline|after t|after i|after p|post|within|from 0|from 1|from 2|from 3|from 4|from 5|from 6|from 7|from 8|from 9|from a m|from -",
      /* "decreased from 32.9% to 29.4%": a change within a group */
      "\\bfrom (?:a mean (?:\\(sd\\) )?of )?-?\\d[\\d.,]*(?: ?[%\\w/.-]+)?(?: \\([^()]{1,30}\\))?"
      " (?:to|at [\\w -]{1,30}? to) -?\\d"
      "|\\b(?:from baseline|(?:compared|relative) (?:to|with) (?:the )?baseline"
      "|over time|before and after|pre- to post|pre-to-post|pre- and post|baseline to"
      "|from pre\\w*|pre- ?(?:to|vs\\.?|versus) ?post\\w*|after (?:the )?(?:treatment|intervention"
      "|therapy|training|program(?:me)?)|post-?(?:treatment|intervention)"
      "|within (?:each |both |the )?groups?)\\b" },

    { "finding.background", C_BACKGROUND, "", "previous|prior|earlier|other s|other t|other a|other i|other r|has bee|have be|studies|trials|reports|research|literature|evidence|data ha|it is|is know|is well|are kno|are wel|little|remain|we have|we prev|we rece|parent|original",
      "\\b(?:previous (?:studies|reports|trials|research|work|findings|data|literature|reviews?"
      "|meta-analys\\w*|investigations)|previously (?:reported|shown|described|published"
      "|demonstrated|suggested|found)|prior (?:studies|research|work|trials|reports)"
      "|earlier (?:studies|research|work|reports|trials)|other (?:studies|trials|authors"
      "|investigators|researchers|reports)|(?:has|have) been (?:shown|reported|demonstrated|suggested"
      "|proposed|associated|linked|found)|(?:studies|trials|reports|research|literature"
      "|evidence|data) (?:have|has) (?:shown|suggested|reported|demonstrated|found|indicated"
      "|described)"
      "|it is (?:known|well known|unclear|not known|uncertain)|(?:is|are) (?:well )?known"
      "|little is known|remains? (?:unclear|unknown|uncertain|controversial)"
      "|literature (?:suggests?|shows?|reports?|indicates?|(?:has|have) (?:shown|suggested|reported"
      "|demonstrated|found|indicated))|we (?:have )?(?:previously|recently) (?:reported|shown|found"
      "|demonstrated)|parent (?:trial|study)|original (?:trial|study))\\b" },
    { "finding.aim", C_AIM, "", "we aim|we soug|we hypo|we want|we set|we inte|we will|we plan|we expe|aim|objective|purpose|goal|to deter|to evalu|to asses|to inves|to exami|to compa|to test|to explo|to estab|to ident|to ascer|will|was des|were de|were ra|was ran|randomly|hypothes|is defi|are def|was def|were de|may|might|could|should|would|can|is expe|are exp|with ca|warrant|further|is hypo|are hypo|was hypo|were hypo|is needed|are needed|the need|is more|is most|is very|is parti|is espec|is impo|are more|are most|are very|are parti|are espec|are impo|of utmo|of great|of parti|of param|of criti|paves|pave the",
      "\\b(?:we (?:aimed|aim|sought|hypothesi[sz]ed|hypothesi[sz]e|wanted|set out|intended)"
      "|(?:the |our |this )?(?:aims?|objectives?|purposes?|goals?) (?:of|was|were|is|are)"
      "|(?:to|will) (?:determine|evaluate|assess|investigate|examine|compare|test|explore"
      "|establish|identify|ascertain) (?:whether|if|the|how|a |an )|was designed to"
      "|were designed to|(?:were|was) randomi[sz]ed|randomly (?:assigned|allocated)"
      "|will be|would be|hypothesis|we (?:will|plan)|(?:is|are|was|were) defined as"
      "|(?:is|are|was|were) hypothesi[sz]ed"
      "|(?:may|might|could|should|would|can|will) (?:\\w+ )?(?:reduce|improve|increase|decrease|lower"
      "|enhance|be|help|allow|benefit|prevent|provide|offer|represent|contribute|lead)"
      "|we expect|(?:is|are) expected|with caution|warrant\\w*|further (?:research|studies|trials)"
      /* statements of need or importance: background, not results */
      "|(?:is|are) needed to|the need for (?:increased|improved|greater|more|better|higher|lower)"
      "|(?:is|are) (?:more |most |very |particularly |especially |therefore )?important"
      "|of (?:utmost|great|particular|paramount|critical) importance|paves? the way)\\b" },
    { "finding.baseline_characteristics", C_BASECHAR, "", "at base|at stud|at entr|at enro|mean age|median age|average age|baseline|the base|before t|before i|before r|before e|before p|before s|prior to|demographic|clinical c|well-ba|well ba|were ba",
      "\\b(?:at baseline|baseline (?:characteristics|demographics|data|variables)"
      "|at (?:study )?entry|at enrol?ment|demographic\\w*|clinical characteristics"
      "|(?:mean|median|average) ages?"
      "|well[- ]balanced|were balanced"
      /* a comparison of the groups before the intervention: "(the) baseline
       * X scores were comparable", "no difference ... before the treatment" */
      "|(?<![\\w,] )(?<![\\w,] the )(?:the )?baseline"
      "|(?<!for )(?<!for the )(?<!of )(?<!of the )(?:the )?baseline (?:[\\w-]+ ){0,3}?"
      "(?:scores?|values?|levels?|measures?|ratings?) (?:were|was|did|showed)"
      "|(?:before|prior to) (?:the )?(?:start of (?:the )?)?(?:intervention|treatment|randomi[sz]ation"
      "|training|education|programme|program|supplementation|therapy|exercise))\\b" },
    { "finding.correlation", C_CORREL, "", "correlat|r =|r=|rho|spearman|pearson|variance",
      "\\b(?:correlat\\w*|r ?= ?-?0?\\.\\d|rho|spearman|pearson|variance explained)" },

    { "finding.primary", C_PRIMARY, "", "primary|main|principal|co-primary|major",
      "\\b(?:primary|main|principal|co-primary|major) (?:efficacy |study |clinical )?"
      "(?:outcomes?|end-?points?|end points?|outcome measures?|objectives?|variables?"
      "|parameters?|efficacy (?:variable|measure))\\b" },
    { "finding.split", C_SPLIT, "", ";|, with|, where|, while|, but|, howev|, despi|, in sp|, and|whereas|while|but|although|despite|in spite|i)|ii)|iii)|iv)|v)|vi)|a)|b)|c)|d)|e)|and ",
      ";|(?:, ?)?whereas\\b|, while\\b|\\bwhile (?=(?:the|a|an|no|in|there|those|patients|it|they"
      "|this|that|both|all|[a-z]+ (?:was|were|did|had|showed))\\b)|, but\\b|\\bbut (?=\\w)"
      "|\\balthough\\b|, however,|,? despite\\b|,? in spite of\\b"
      "|, and (?=(?:the |a |an |no |there |it |they |this |those |patients |subjects "
      "|participants )?\\w+ (?:was|were|did|had|showed|is|are)\\b"
      "|the (?:[\\w-]+ ){1,4}?(?:was|were|is|are) -?\\d)"
      "|(?<=\\()(?:i{1,3}|iv|vi?|[a-e])\\) (?=[a-z0-9])"
      "|,?(?= ?and (?:(?:was|were) )?(?:(?:significantly|markedly|also|slightly) )?(?:increased"
      "|decreased|reduced|declined|improved|lowered|elevated|rose|fell|dropped|inhibited"
      "|enhanced|suppressed|worsened|deteriorated) (?!and\\b|or\\b|\\w+ (?:was|were)\\b))"
      "|,?(?= ?and (?:was|were|did|does|do|had) not\\b)"
      "|,? with (?:a )?(?=(?:non-?significant )?(?:trends?|tendency) (?:towards?|to|for)\\b)"
      /* "..., with greater increase in the A group": a comparison of its own */
      "|, with (?:an? )?(?=(?:significantly )?(?:greater|larger|higher|more|smaller|less|lower) "
      "(?:increases?|decreases?|reductions?|improvements?|declines?|rises?) in\\b)"
      "|\\band (?=(?:more|fewer|less) (?:patients|participants|subjects|women|men|children)\\b)"
      "|\\band (?=there (?:\\w+ )?(?:was|were|is|are)\\b)"
      "|\\band (?=the (?:[\\w-]+ ){1,4}?(?:did|does|do|was|were|could)(?: not|n't)\\b)" },
    /* "X significantly increased and Y (...) significantly decreased": a
     * subject of its own before a verb; split only when the clause before
     * has its own direction (sentence_findings) */
    { "finding.split_verb", C_SPLIT, "and ", "and ",
      "\\band (?=(?:(?:[\\w/()%-]|\\.(?=\\d))+ |\\d+, ){1,10}?(?<!\\ba )(?<!\\ban )(?<!\\bthe )"
      "(?<!\\bwith )(?<!\\bwithout )(?<!\\bof )(?<!\\bin )(?<!\\bfor )(?<!\\bto )(?<!\\band )"
      "(?:(?:was|were) )?(?:significantly |markedly |also "
      "|slightly |further )?(?:increased|decreased|reduced|declined|improved|lowered|elevated"
      "|rose|fell|dropped|worsened|deteriorated)\\b)" },
    /* "a greater reduction in X and a higher increase in Y", "effective in
     * increasing X and in reducing Y": a change of its own after "and";
     * split only when the clause before has its own direction */
    { "finding.split_change", C_SPLIT, "and ", "and ",
      "\\band (?=(?:in (?:increasing|decreasing|reducing|improving|lowering|raising|enhancing)\\b"
      "|(?:an? )?(?:(?:statistically )?significant(?:ly)? (?:\\(p [^()]{1,20}\\) )?)?"
      "(?:(?:greater|larger|higher|more|smaller|lower|less) )?(?:increases?|decreases?|reductions?"
      "|improvements?|declines?|elevations?|enhancements?) (?:in|of)\\b))" },
    /* "A was lower than B, the difference was not significant": a denial
     * after a comma is a clause of its own (anaphoric_ns decides) */
    { "finding.split_denial", C_SPLIT, "", ", the|, this|, these|, that|, such",
      ", (?=(?:the|this|these|that|such) (?:[\\w-]+ )?(?:differences?|effects?|changes?"
      "|trends?|reductions?|increases?|improvements?) (?:was|were|is|are|did|does|do|failed"
      "|remained)(?: not\\b| non|n't| to\\b))" },
    { "finding.except", C_EXCEPT, "", "except|apart f|other t",
      "\\b(?:except (?:for |in |that |on )?|exception of |apart from |other than )" },

    { "regimen.dose", C_DOSE, "", "0|1|2|3|4|5|6|7|8|9",
      "(?<![\\w.,/-])(?<d>\\d+(?:\\.\\d+)?(?: ?(?:-|to) ?\\d+(?:\\.\\d+)?)? ?"
      "(?:mg|g|mcg|ug|\xc2\xb5g|\xce\xbcg|ng|iu|units?|u|ml|mmol|meq|grams?|milligrams?"
      "|micrograms?|kcal|gy|mbq|mci|tablets?|capsules?|drops?|puffs?|sachets?)"
      "(?: ?/ ?(?:kg|m2|m\\^2|day|d|dose|week|wk|h|hr|hour|kg/day|kg/d|kg/h|kg/min|min))*"
      "(?: (?:bw|body weight))?)(?![\\w/])" },
    { "regimen.frequency", C_FREQ, "", "once|twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty|0|1|2|3|4|5|6|7|8|9|every|daily|weekly|fortnightly|monthly|nightly|biweekly|bi-weekly|per day|a day|b.i.|bid|t.i.|tid|q.i.|qid|q.d|qd",
      "\\b(?:(?:once|twice|thrice|(?:one|two|three|four|five|six|\\d+) times?) ?(?:(?:a|per|each"
      "|every|/) ?(?:day|daily|week|wk|month|night|year)|(?<= )(?:daily|weekly|monthly|nightly))"
      "|(?:once )?every (?:\\d+|other|two|three|four|six|eight|twelve) (?:days?|weeks?"
      "|hours?|h|months?)|(?:\\d+|one|two|three|four|five|six|seven) (?:days?|d|sessions?) ?"
      "(?:a|per|/|each) ?(?:week|wk)|daily|weekly|fortnightly|monthly|nightly|bi-?weekly"
      "|per day|a day|b\\.?i\\.?d\\.?|t\\.?i\\.?d\\.?|q\\.?i\\.?d\\.?|q\\.?d\\.?)(?![\\w])" },
    { "regimen.duration", C_DUR, "", "for 0|for 1|for 2|for 3|for 4|for 5|for 6|for 7|for 8|for 9|for one|for two|for three|for four|for five|for six|for seven|for eight|for nine|for ten|for eleven|for twelve|for thirteen|for fourteen|for fifteen|for sixteen|for eighteen|for twenty|for thirty|for forty|for fifty|for sixty|for a period|for a total|for up to|for at least|for a |for an |during 0|during 1|during 2|during 3|during 4|during 5|during 6|during 7|during 8|during 9|during one|during two|during three|during four|during five|during six|during seven|during eight|during nine|during ten|during eleven|during twelve|during thirteen|during fourteen|during fifteen|during sixteen|during eighteen|during twenty|during thirty|during forty|during fifty|during sixty|during a period|during a total|during up to|during at least|during a |during an |over 0|over 1|over 2|over 3|over 4|over 5|over 6|over 7|over 8|over 9|over one|over two|over three|over four|over five|over six|over seven|over eight|over nine|over ten|over eleven|over twelve|over thirteen|over fourteen|over fifteen|over sixteen|over eighteen|over twenty|over thirty|over forty|over fifty|over sixty|over a period|over a total|over up to|over at least|over a |over an |a period|a total|a 0|a 1|a 2|a 3|a 4|a 5|a 6|a 7|a 8|a 9|a one|a two|a three|a four|a five|a six|a seven|a eight|a nine|a ten|a eleven|a twelve|a thirteen|a fourteen|a fifteen|a sixteen|a eighteen|a twenty|a thirty|a forty|a fifty|a sixty|up to|at least|an eight|an eleven|0|1|2|3|4|5|6|7|8|9|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty|lasting 0|lasting 1|lasting 2|lasting 3|lasting 4|lasting 5|lasting 6|lasting 7|lasting 8|lasting 9|lasting one|lasting two|lasting three|lasting four|lasting five|lasting six|lasting seven|lasting eight|lasting nine|lasting ten|lasting twelve",
      "\\b(?<up>(?:for |during |over |lasting )?(?:a (?:period|total) of |up to |at least |an? )?)"
      "(?<n>" NUMW ")(?:-| )(?<u>days?|weeks?|months?|years?)(?:-long)?\\b"
      /* "a 68-year-old man" is an age */
      "(?![- ]old\\b)"
      "(?<ctx>(?:,? (?:[a-z-]+,? |\\([^()]{1,80}\\),? ){0,6}?(?:treatment|intervention|course|regimen|program(?:me)?"
      "|period|trial|study|supplementation|therapy|training|phase|administration|exercise"
      "|use|dosing)\\b| of (?:[a-z/-]+ ){0,3}?(?:treatment|therapy|supplementation|training"
      "|intervention|exercise|administration|use|dosing|[a-z]+ing)\\b)?)" },
    { "regimen.route", C_ROUTE, "", "oral|per os|intravenous|i.v.|intramuscular|i.m.|subcutaneous|s.c.|intranasal|epidural|intrathecal|intragastric|intravaginal|vaginal|rectal|inhaled|nebuli|topical|transdermal|sublingual|suppositor|intra-articular|intravitreal|intradermal|buccal|local",
      "\\b(?:local(?: [a-z]+)? application|oral(?:ly)?|per os|intravenous(?:ly)?|i\\.v\\.|intramuscular(?:ly)?|i\\.m\\."
      "|subcutaneous(?:ly)?|s\\.c\\.|intranasal(?:ly)?|epidural(?:ly)?|intrathecal(?:ly)?"
      "|intragastric(?:ally)?|intravaginal(?:ly)?|vaginal(?:ly)?|rectal(?:ly)?|inhaled"
      "|nebuli[sz]ed|topical(?:ly)?|transdermal(?:ly)?|sublingual(?:ly)?|suppositor(?:y|ies)"
      "|intra-articular(?:ly)?|intravitreal(?:ly)?|intradermal(?:ly)?|buccal)(?![\\w])"
      "(?! (?:cancer|carcinoma|tumou?rs?|surgery|and maxillofacial|cavity|mucosa|health|hygiene|lesions?|bleeding"
      "|examination|swabs?|micro\\w+|flora|fistula|delivery|birth|glucose tolerance|disease))" },
    { "regimen.administrations", C_ADMIN, "", "0|1|2|3|4|5|6|7|8|9|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty",
      "\\b(?<n>" ADMIN_NUM ")(?: (?:" ADMIN_MOD "+)){0," STR(ADMIN_MODS) "}? " ADMIN_UNITS "\\b" },
    { "regimen.single", C_SINGLE, "", "single|bolus",
      "\\bsingle(?: [a-z-]+){0,2}? (?:dose|session|injection|infusion"
      "|application|administration|bolus|treatment)\\b|\\bbolus\\b" },
    { "follow_up.explicit", C_FU, "follow", "follow|0|1|2|3|4|5|6|7|8|9|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty",
      "(?:\\b" FU_WORD "(?:ed|s)?[- ]?ups?\\b|\\b" FU_WORD "ed (?:[a-z]+ ){0,2}?(?:up )?(?:for|over|during"
      "|until|through)\\b)(?:[^.;\\n]{0,80}?)(?<n>" NUMW ")"
      "(?<r> ?(?:-|to) ?\\d+(?:\\.\\d+)?)?(?:-| )" UNITS "\\b"
      "|" FU_LEAD FU_WORD "-?up\\b" },
    { "follow_up.timepoint", C_FU_AT, "", "at day|at week|at month|at year|at wk|at 0|at 1|at 2|at 3|at 4|at 5|at 6|at 7|at 8|at 9|at one|at two|at three|at four|at five|at six|at seven|at eight|at nine|at ten|at eleven|at twelve|at thirteen|at fourteen|at fifteen|at sixteen|at eighteen|at twenty|at thirty|at forty|at fifty|at sixty|after day|after week|after month|after year|after wk|after 0|after 1|after 2|after 3|after 4|after 5|after 6|after 7|after 8|after 9|after one|after two|after three|after four|after five|after six|after seven|after eight|after nine|after ten|after eleven|after twelve|after thirteen|after fourteen|after fifteen|after sixteen|after eighteen|after twenty|after thirty|after forty|after fifty|after sixty|through day|through week|through month|through year|through wk|through 0|through 1|through 2|through 3|through 4|through 5|through 6|through 7|through 8|through 9|through one|through two|through three|through four|through five|through six|through seven|through eight|through nine|through ten|through eleven|through twelve|through thirteen|through fourteen|through fifteen|through sixteen|through eighteen|through twenty|through thirty|through forty|through fifty|through sixty|to day|to week|to month|to year|to wk|to 0|to 1|to 2|to 3|to 4|to 5|to 6|to 7|to 8|to 9|to one|to two|to three|to four|to five|to six|to seven|to eight|to nine|to ten|to eleven|to twelve|to thirteen|to fourteen|to fifteen|to sixteen|to eighteen|to twenty|to thirty|to forty|to fifty|to sixty|until day|until week|until month|until year|until wk|until 0|until 1|until 2|until 3|until 4|until 5|until 6|until 7|until 8|until 9|until one|until two|until three|until four|until five|until six|until seven|until eight|until nine|until ten|until eleven|until twelve|until thirteen|until fourteen|until fifteen|until sixteen|until eighteen|until twenty|until thirty|until forty|until fifty|until sixty|by day|by week|by month|by year|by wk|by 0|by 1|by 2|by 3|by 4|by 5|by 6|by 7|by 8|by 9|by one|by two|by three|by four|by five|by six|by seven|by eight|by nine|by ten|by eleven|by twelve|by thirteen|by fourteen|by fifteen|by sixteen|by eighteen|by twenty|by thirty|by forty|by fifty|by sixty|up to day|up to week|up to month|up to year|up to wk|up to 0|up to 1|up to 2|up to 3|up to 4|up to 5|up to 6|up to 7|up to 8|up to 9|up to one|up to two|up to three|up to four|up to five|up to six|up to seven|up to eight|up to nine|up to ten|up to eleven|up to twelve|up to thirteen|up to fourteen|up to fifteen|up to sixteen|up to eighteen|up to twenty|up to thirty|up to forty|up to fifty|up to sixty|over day|over week|over month|over year|over wk|over 0|over 1|over 2|over 3|over 4|over 5|over 6|over 7|over 8|over 9|over one|over two|over three|over four|over five|over six|over seven|over eight|over nine|over ten|over eleven|over twelve|over thirteen|over fourteen|over fifteen|over sixteen|over eighteen|over twenty|over thirty|over forty|over fifty|over sixty|in day|in week|in month|in year|in wk|in 0|in 1|in 2|in 3|in 4|in 5|in 6|in 7|in 8|in 9|in one|in two|in three|in four|in five|in six|in seven|in eight|in nine|in ten|in eleven|in twelve|in thirteen|in fourteen|in fifteen|in sixteen|in eighteen|in twenty|in thirty|in forty|in fifty|in sixty|on day|on week|on month|on year|on wk|on 0|on 1|on 2|on 3|on 4|on 5|on 6|on 7|on 8|on 9|on one|on two|on three|on four|on five|on six|on seven|on eight|on nine|on ten|on eleven|on twelve|on thirteen|on fourteen|on fifteen|on sixteen|on eighteen|on twenty|on thirty|on forty|on fifty|on sixty|and day|and week|and month|and year|and wk|and 0|and 1|and 2|and 3|and 4|and 5|and 6|and 7|and 8|and 9|and one|and two|and three|and four|and five|and six|and seven|and eight|and nine|and ten|and eleven|and twelve|and thirteen|and fourteen|and fifteen|and sixteen|and eighteen|and twenty|and thirty|and forty|and fifty|and sixty|at the |after the |through the |until the |up to the |over the |on the |, day|, week|, month|0|1|2|3|4|5|6|7|8|9|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty",
      "(?:\\b(?:at|after|through|to|until|by|up to|over|in|on|and)|,) (?:the )?(?:end of )?(?:study )?"
      "(?<u>day|week|month|year|wk)s? ?(?<n>\\d+)\\b"
      "|\\b(?:at|after|through|until|up to|to|over|in|on) (?:the )?(?:next |first )?(?:(?:\\d+|" NUMW ")"
      "(?:,? and|,? or|,)? ){0,4}?(?<n2>" NUMW ")(?<r2> ?(?:-|to) ?\\d+)?(?:-| )"
      "(?:post-?operative )?(?<u2>days?|weeks?"
      "|months?|years?|hours?)(?: (?:later|after|post\\w*|following|of (?:treatment|therapy"
      "|supplementation|training|intervention|follow)))?\\b"
      "|\\b(?<n3>" NUMW ")(?:-| )(?<u3>days?|weeks?|months?|years?) (?:later|after|post\\w*"
      "|following)\\b" },
    { "follow_up.not", C_NOT_FU, "", NULL,
      "\\b(?:aged?|old|older|younger|history|duration of (?:disease|illness|diabetes"
      "|symptoms)|for the past|in the (?:last|past)|gestation\\w*|pregnan\\w*|recruit\\w*"
      "|between (?:19|20)\\d\\d|since|ago|minutes?|min|previous|prior)\\b" },
};

#define NFRULES (sizeof frules / sizeof frules[0])

struct hit {
    size_t s, e;          /* offsets in the normalised text */
    unsigned short rule;
};

/* Start literals by their first (up to) seven bytes: a text position whose
 * prefix is a key runs only the rules of that key, anchored there. */
#define NSLOT 2048
/* bits of a filter before the slots (most keys asked are none) */
#define NBLOOM 16384
#define KEYLEN 7
struct slot { uint64_t key; uint64_t rules; };

/* ---- what a pattern's matches begin with ------------------------------------
 * The pre-checks of four rules (finding.split and finding.split_change at
 * "and ", regimen.administrations' units, follow_up.explicit) read their
 * words and bytes from the rules' own pattern text when the handle opens,
 * so a pattern that changes changes its check.  lx_expand() lists the
 * literal beginnings of a pattern's matches, lower-cased: each string is
 * either all a match has consumed there ("closed": what follows in the
 * pattern is appended) or a prefix after which the match goes on in a way
 * the list does not follow ("open": a class, \w, a repeat, past a
 * lookahead).  Zero-width assertions but lookaheads are skipped (the list
 * only grows).  A string is cut, open, after its @p words-th space. */
#define LX_MAX 1024
#define LX_LEN 48

struct lx { char s[LX_LEN]; unsigned char n, open; };
struct lxset { struct lx *v; size_t n; int over; };

static int lx_new(struct lxset *s)
{
    s->n = 0;
    s->over = 0;
    return (s->v = malloc(LX_MAX * sizeof *s->v)) != NULL;
}

static void lx_add(struct lxset *s, const char *p, size_t n, int open, int words)
{
    size_t i, sp = 0;

    for (i = 0; i < n; i++)
        if (p[i] == ' ' && ++sp == (size_t)words) {
            n = i + 1;
            open = 1;
            break;
        }
    if (n >= LX_LEN) {
        n = LX_LEN - 1;
        open = 1;
    }
    for (i = 0; i < s->n; i++)
        if (s->v[i].n == n && s->v[i].open == open && !memcmp(s->v[i].s, p, n))
            return;
    if (s->n == LX_MAX) {
        s->over = 1;
        return;
    }
    memcpy(s->v[s->n].s, p, n);
    s->v[s->n].n = (unsigned char)n;
    s->v[s->n].open = (unsigned char)open;
    s->n++;
}

/* @p s followed by @p a, into @p s. */
static int lx_cat(struct lxset *s, const struct lxset *a, int words)
{
    struct lxset r;
    size_t i, j;

    if (!lx_new(&r))
        return 0;
    r.over = s->over || a->over;
    for (i = 0; i < s->n; i++) {
        if (s->v[i].open) {
            lx_add(&r, s->v[i].s, s->v[i].n, 1, words);
            continue;
        }
        for (j = 0; j < a->n; j++) {
            char buf[2 * LX_LEN];
            memcpy(buf, s->v[i].s, s->v[i].n);
            memcpy(buf + s->v[i].n, a->v[j].s, a->v[j].n);
            lx_add(&r, buf, (size_t)s->v[i].n + a->v[j].n, a->v[j].open, words);
        }
    }
    free(s->v);
    *s = r;
    return 1;
}

static const char *lx_alt(const char *p, struct lxset *out, int words);

/* One atom at @p p into @p a; where it ends. */
static const char *lx_atom(const char *p, struct lxset *a, int words)
{
    if (*p == '(') {
        int look = 0, skip = 0;
        p++;
        if (p[0] == '?') {
            if (p[1] == ':')
                p += 2;
            else if (p[1] == '=')
                p += 2, look = 1;
            else if (p[1] == '!' || (p[1] == '<' && (p[2] == '=' || p[2] == '!')))
                p += p[1] == '!' ? 2 : 3, skip = 1;
            else if (p[1] == '<' || (p[1] == 'P' && p[2] == '<')) {
                while (*p && *p != '>')
                    p++;
                p += *p == '>';
            } else {
                a->over = 1;    /* a construct the list does not read */
                return p + strlen(p);
            }
        }
        p = lx_alt(p, a, words);
        if (*p == ')')
            p++;
        if (skip) {
            int over = a->over;
            a->n = 0;
            a->over = over;
            lx_add(a, "", 0, 0, words);
        } else if (look) {
            size_t i;
            for (i = 0; i < a->n; i++)
                a->v[i].open = 1;
        }
        return p;
    }
    if (*p == '[') {
        char m[8];
        size_t n = 0, i;
        int any = p[1] == '^';
        for (p++; *p && *p != ']'; p++) {
            if (*p == '\\') {
                p++;
                if (!*p || strchr("dwsDWS", *p))
                    any = 1;
            } else if (p[1] == '-' && p[2] && p[2] != ']') {
                any |= p[2] - p[0] >= (int)sizeof m - (int)n;
                for (char c = p[0]; !any && c <= p[2]; c++)
                    m[n++] = (char)tolower((unsigned char)c);
                p += 2;
                continue;
            }
            if (n == sizeof m)
                any = 1;
            if (!any)
                m[n++] = (char)tolower((unsigned char)*p);
        }
        p += *p == ']';
        if (any)
            lx_add(a, "", 0, 1, words);
        else
            for (i = 0; i < n; i++)
                lx_add(a, m + i, 1, 0, words);
        return p;
    }
    if (*p == '\\') {
        char c;
        p++;
        if (!*p)
            return p;
        if (strchr("bBGAzZ", *p))
            lx_add(a, "", 0, 0, words);
        else if (strchr("dwsDWS", *p) || isalnum((unsigned char)*p))
            lx_add(a, "", 0, 1, words);
        else
            c = *p, lx_add(a, &c, 1, 0, words);
        return p + 1;
    }
    if (*p == '.') {
        lx_add(a, "", 0, 1, words);
        return p + 1;
    }
    if (*p == '^' || *p == '$') {
        lx_add(a, "", 0, 0, words);
        return p + 1;
    }
    {
        char c = (char)tolower((unsigned char)*p);
        lx_add(a, &c, 1, 0, words);
    }
    return p + 1;
}

/* A sequence of atoms up to '|', ')' or the end, added to @p out. */
static const char *lx_seq(const char *p, struct lxset *out, int words)
{
    struct lxset s, a;
    size_t i;

    if (!lx_new(&s)) {
        out->over = 1;
        return p + strlen(p);
    }
    lx_add(&s, "", 0, 0, words);
    while (*p && *p != '|' && *p != ')') {
        int opt = 0, more = 0;
        if (!lx_new(&a)) {
            s.over = 1;
            break;
        }
        p = lx_atom(p, &a, words);
        if (*p == '?')
            opt = 1, p++;
        else if (*p == '*')
            opt = more = 1, p++;
        else if (*p == '+')
            more = 1, p++;
        else if (*p == '{') {
            opt = p[1] == '0';
            more = 1;
            while (*p && *p != '}')
                p++;
            p += *p == '}';
        }
        if (more && (*p == '?' || *p == '+'))
            p++;        /* lazy, possessive */
        else if (opt && !more && *p == '?')
            p++;
        if (more)
            for (i = 0; i < a.n; i++)
                a.v[i].open = 1;
        if (opt)
            lx_add(&a, "", 0, 0, words);
        if (!lx_cat(&s, &a, words))
            s.over = 1;
        free(a.v);
    }
    for (i = 0; i < s.n; i++)
        lx_add(out, s.v[i].s, s.v[i].n, s.v[i].open, words);
    out->over |= s.over;
    free(s.v);
    return p;
}

static const char *lx_alt(const char *p, struct lxset *out, int words)
{
    for (;;) {
        p = lx_seq(p, out, words);
        if (*p != '|')
            return p;
        p++;
    }
}

/* The beginnings of @p pat's matches, cut after @p words spaces; 0 when
 * they are too many to list or memory runs out. */
static int lx_expand(const char *pat, struct lxset *out, int words)
{
    if (!lx_new(out))
        return 0;
    lx_alt(pat, out, words);
    if (out->over) {
        free(out->v);
        out->v = NULL;
        return 0;
    }
    return 1;
}

/* The bytes a match of @p pat may hold (lower-cased), into @p set; 0 when
 * any byte may be (\w, '.', a negated class). */
static int lx_bytes(const char *pat, unsigned char *set)
{
    const char *p = pat;

    memset(set, 0, 256);
    for (; *p; p++) {
        if (*p == '(' && p[1] == '?') {
            p++;
            if (p[1] == '<' && p[2] != '=' && p[2] != '!')
                while (p[1] && p[1] != '>')
                    p++;     /* a group's name */
            p++;
            continue;
        }
        if (strchr("()|?*+", *p))
            continue;
        if (*p == '{') {
            while (*p && *p != '}')
                p++;
            if (!*p)
                break;
            continue;
        }
        if (*p == '.')
            return 0;
        if (*p == '\\') {
            p++;
            if (*p == 'd')
                for (int c = '0'; c <= '9'; c++)
                    set[c] = 1;
            else if (!*p || strchr("wsDWS", *p))
                return 0;
            else if (!strchr("bBGAzZ", *p))
                set[(unsigned char)tolower((unsigned char)*p)] = 1;
            if (!*p)
                break;
            continue;
        }
        if (*p == '[') {
            if (p[1] == '^')
                return 0;
            for (p++; *p && *p != ']'; p++) {
                if (*p == '\\') {
                    p++;
                    if (!*p || strchr("dwsDWS", *p))
                        return 0;
                    set[(unsigned char)tolower((unsigned char)*p)] = 1;
                } else if (p[1] == '-' && p[2] && p[2] != ']') {
                    for (int c = (unsigned char)p[0]; c <= (unsigned char)p[2]; c++)
                        set[tolower(c)] = 1;
                    p += 2;
                } else {
                    set[(unsigned char)tolower((unsigned char)*p)] = 1;
                }
            }
            if (!*p)
                break;
            continue;
        }
        set[(unsigned char)tolower((unsigned char)*p)] = 1;
    }
    return 1;
}

/* A pre-check's words: a text place passes when it begins with one (each
 * is a prefix of what the rule may match there); any: every place passes
 * (the words could not be read). */
struct wordset { struct word *w; size_t n; int any; };

/* Adds the @p n bytes at @p p unless a word is a prefix of them; drops the
 * words they are a prefix of. */
static int ws_add(struct wordset *ws, const char *p, size_t n)
{
    size_t k, m = 0;
    struct word *nw;
    char *c;

    for (k = 0; k < ws->n; k++)
        if (ws->w[k].n <= n && !memcmp(ws->w[k].w, p, ws->w[k].n))
            return 1;
    for (k = 0; k < ws->n; k++) {
        if (ws->w[k].n > n && !memcmp(ws->w[k].w, p, n))
            free((char *)ws->w[k].w);
        else
            ws->w[m++] = ws->w[k];
    }
    ws->n = m;
    if (!(nw = realloc(ws->w, (ws->n + 1) * sizeof *nw)) || !(c = malloc(n + 1))) {
        if (nw)
            ws->w = nw;
        return 0;
    }
    ws->w = nw;
    memcpy(c, p, n);
    c[n] = '\0';
    ws->w[ws->n].w = c;
    ws->w[ws->n].n = n;
    ws->n++;
    return 1;
}

static void ws_free(struct wordset *ws)
{
    size_t k;

    for (k = 0; k < ws->n; k++)
        free((char *)ws->w[k].w);
    free(ws->w);
    ws->w = NULL;
    ws->n = 0;
}

/* The words that may follow "and " where @p pat matches from an "and "
 * (finding.split, finding.split_change): the first word after it of each
 * beginning the pattern's matches may have. */
static int ws_after_and(const char *pat, struct wordset *ws)
{
    struct lxset x;
    size_t i;
    int ok = 1;

    if (!lx_expand(pat, &x, 2)) {
        ws->any = 1;
        return 1;
    }
    for (i = 0; i < x.n && ok; i++) {
        const char *q = x.v[i].s;
        size_t n = x.v[i].n, e = 4;
        if (n < 4) {
            if (!memcmp(q, "and ", n))
                ws->any = 1;    /* a match may begin "and " past what is known */
            continue;
        }
        if (memcmp(q, "and ", 4))
            continue;
        while (e < n && q[e] != ' ')
            e++;
        if (e == 4)
            ws->any = 1;
        else
            ok = ws_add(ws, q + 4, e - 4);
    }
    free(x.v);
    return ok;
}

/* The words a match of @p pat may begin with (regimen.administrations'
 * units). */
static int ws_first(const char *pat, struct wordset *ws)
{
    struct lxset x;
    size_t i, e;
    int ok = 1;

    if (!lx_expand(pat, &x, 1)) {
        ws->any = 1;
        return 1;
    }
    for (i = 0; i < x.n && ok; i++) {
        for (e = 0; e < x.v[i].n && x.v[i].s[e] != ' '; e++)
            ;
        if (!e)
            ws->any = 1;
        else
            ok = ws_add(ws, x.v[i].s, e);
    }
    free(x.v);
    return ok;
}

/* first_of[] bits: a word of split_and, split_change_and, admin_units
 * begins with the byte */
#define FIRST_SPLIT 1u
#define FIRST_CHANGE 2u
#define FIRST_UNIT 4u

struct findings_rules {
    pcre2_code *code[NFRULES];
    pcre2_match_data *md;
    struct slot slot[NSLOT];
    uint64_t bloom[NBLOOM / 64];    /* bit bhash(key) set for every key */
    unsigned char lens[256][256];
    unsigned char cls[256];         /* 1 a letter or digit, 2 ';' and ',' (collect_hits) */
    uint64_t numr[256];             /* rules a number may start before byte k (num_tail) */
    uint64_t np_stop[256];          /* np_end's stops by their second byte */
    uint64_t trim_first[256], trim_last[256];   /* trim_np's words by their first, last byte */   /* [b0][b1]: bit n-1 set when a key of n bytes starts so */
    struct hit *hits;
    size_t nh, caph;
    size_t split_verb;              /* the rule finding.split_verb (collect_hits) */
    size_t split, split_change, admin;  /* finding.split, finding.split_change,
                                           regimen.administrations (collect_hits) */
    size_t fu;                      /* follow_up.explicit (collect_hits) */
    unsigned char first_of[256];    /* FIRST_SPLIT... */
    /* the pre-checks, read from their rules' patterns when the handle
     * opens: the words after "and " of finding.split and
     * finding.split_change, regimen.administrations' units, the bytes of
     * its count and of its words between, follow_up.explicit's bytes
     * before "follow-up" */
    struct wordset split_and, split_change_and, admin_units;
    unsigned char admin_num[256], admin_mod[256], fu_lead[256];
    int admin_any, fu_any;
};

static uint64_t skey(const char *s, size_t n)
{
    uint64_t k = n;
    size_t i;

    for (i = 0; i < n; i++)
        k |= (uint64_t)(unsigned char)s[i] << (8 * (i + 1));
    return k;
}

static size_t shash(uint64_t k)
{
    return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 53) & (NSLOT - 1);
}

static size_t bhash(uint64_t k)
{
    return (size_t)((k * 0xC2B2AE3D27D4EB4Full) >> 50) & (NBLOOM - 1);
}

static int slot_add(findings_rules *f, const char *lit, size_t n, size_t rule)
{
    size_t kn = n > KEYLEN ? KEYLEN : n;
    uint64_t k = skey(lit, kn);
    size_t h = shash(k), i;

    if (kn == 1) {
        for (i = 0; i < 256; i++)
            f->lens[(unsigned char)lit[0]][i] |= 1;
    } else {
        f->lens[(unsigned char)lit[0]][(unsigned char)lit[1]] |= (unsigned char)(1u << (kn - 1));
    }
    f->bloom[bhash(k) / 64] |= 1ull << (bhash(k) % 64);
    for (i = 0; i < NSLOT; i++, h = (h + 1) & (NSLOT - 1))
        if (!f->slot[h].key || f->slot[h].key == k) {
            f->slot[h].key = k;
            f->slot[h].rules |= 1ull << rule;
            return 0;
        }
    return -1;
}

static uint64_t slot_get(const findings_rules *f, uint64_t k)
{
    size_t h = shash(k), b = bhash(k);

    if (!(f->bloom[b / 64] & (1ull << (b % 64))))
        return 0;
    while (f->slot[h].key) {
        if (f->slot[h].key == k)
            return f->slot[h].rules;
        h = (h + 1) & (NSLOT - 1);
    }
    return 0;
}

/* The words trim_np() takes off a phrase's start (trim_lead) and end
 * (trim_tail); f->trim_first[c] has bit k set when trim_lead[k] starts
 * with byte c, f->trim_last[c] when trim_tail[k] ends with it. */
static const struct word trim_lead[] = {
    W("as well as"), W("the"), W("a"), W("an"), W("both"), W("and"), W("or"), W("that"),
    W("which"), W("overall"), W("however"), W("moreover"), W("furthermore"), W("also"),
    W("in addition"), W("additionally"), W("similarly"), W("importantly"), W("notably"),
    W("finally"), W("thus"), W("therefore"), W("in contrast"), W("in particular"),
    W("significantly"), W("statistically"), W("mean"), W("median"), W("there"), W("of"),
    W("in"), W("for"), W("on"), W("regarding"), W("with respect to"), W("in terms of"),
    W("as"), W("was"), W("were"), W("had"), W("showed"), W("demonstrated"), W("revealed"),
    W("significant"), W("than"), W("to"), W("by"), W("it was noted that"),
    W("we found that"), W("we observed that"), W("we noted that"),
    W("the results showed that"), W("results showed that"), W("the results indicated that"),
    W("the results revealed that"), W("the results demonstrated that"),
    W("the findings showed that"), W("it"), W("they"), W("we"), W("this"), W("these"),
};
static const struct word trim_tail[] = {
    W("was"), W("were"), W("is"), W("are"), W("had"), W("has"), W("have"), W("been"),
    W("did"), W("does"), W("do"), W("and"), W("or"), W("the"), W("a"), W("an"), W("of"),
    W("in"), W("at"), W("with"), W("to"), W("that"), W("which"), W("showed"),
    W("remained"), W("tended"), W("significantly"), W("statistically"), W("both"),
    W("all"), W("also"), W("not"), W("be"), W("being"), W("there"), W("more"), W("less"),
    W("as"), W("than"), W("found"), W("observed"), W("noted"), W("occurred"), W("could"),
    W("can"), W("may"), W("might"), W("slightly"), W("markedly"), W("substantially"),
    W("considerably"), W("somewhat"),
};
#define NTRIM_LEAD (sizeof trim_lead / sizeof trim_lead[0])
#define NTRIM_TAIL (sizeof trim_tail / sizeof trim_tail[0])

/* Where a noun phrase after @p a ends: at a preposition that introduces
 * the arms, a verb, punctuation (np_end).  Each starts with ' ', ',' or
 * ';'; f->np_stop[c] has bit k set when stop k's second byte is c. */
static const struct word np_stops[] = {
    W(" between "), W(" among "), W(" in the "), W(" in those "), W(" in patients"),
    W(" in subjects"), W(" in participants"), W(" in both"), W(" in all"), W(" in either"),
    W(" in group"), W(" in favo"), W(" compared"), W(" relative to"), W(" versus "), W(" vs"),
    W(" than "), W(" from "), W(" after "), W(" at "), W(" during "), W(" by "), W(" when "),
    W(" with the "), W(" across "), W(" over "), W(" for the "), W(" was "), W(" were "),
    W(" did "), W(" is "), W(" are "), W(" had "), W(" remained "), W(" ("), W(" ["), W(", "),
    W("; "), W(" whereas"), W(" while "), W(" which "), W(" that "), W(" following "),
    W(" within "), W(" of the "), W(" in women"), W(" in men"), W(" in children"),
    W(" in this"), W(" on day"), W(" through "), W(" until "), W(" to the "),
    W(" significantly "), W(" showed "), W(" resulted in "), W(" in comparison"),
    W(" with respect to"), W(" with regard to"), W(" plus or minus "),
};
#define NSTOPS (sizeof np_stops / sizeof np_stops[0])

static void num_rules_init(uint64_t *table);

lm_err findings_rules_open(unsigned flags, findings_rules **out, char *msg, size_t cap)
{
    findings_rules *f;
    size_t i;

    if (!(*out = f = calloc(1, sizeof *f)))
        return LM_ERR_NOMEM;
    if (NFRULES > 64 || NSTOPS > 64 || NTRIM_LEAD > 64 || NTRIM_TAIL > 64)
        return LM_ERR_USAGE;   /* the bit sets are 64 bits */
    for (i = 0; i < 256; i++)
        f->cls[i] = (unsigned char)(i < 128 && isalnum((int)i) ? 1 : i == ';' || i == ',' ? 2 : 0);
    num_rules_init(f->numr);
    for (i = 0; i < NSTOPS; i++)
        f->np_stop[(unsigned char)np_stops[i].w[1]] |= 1ull << i;
    for (i = 0; i < NTRIM_LEAD; i++)
        f->trim_first[(unsigned char)trim_lead[i].w[0]] |= 1ull << i;
    for (i = 0; i < NTRIM_TAIL; i++)
        f->trim_last[(unsigned char)trim_tail[i].w[trim_tail[i].n - 1]] |= 1ull << i;
    for (i = 0; i < NFRULES; i++) {
        if (!strcmp(frules[i].id, "finding.split") && !ws_after_and(frules[i].pattern, &f->split_and))
            return LM_ERR_NOMEM;
        if (!strcmp(frules[i].id, "finding.split_change")
            && !ws_after_and(frules[i].pattern, &f->split_change_and))
            return LM_ERR_NOMEM;
    }
    if (!ws_first(ADMIN_UNITS, &f->admin_units))
        return LM_ERR_NOMEM;
    /* the scan of the count and its words needs both to hold no space */
    f->admin_any = f->admin_units.any || !lx_bytes(ADMIN_NUM, f->admin_num)
                   || !lx_bytes(ADMIN_MOD, f->admin_mod) || f->admin_num[' '] || f->admin_mod[' '];
    f->fu_any = !lx_bytes(FU_LEAD, f->fu_lead);
    for (i = 0; i < f->split_and.n; i++)
        f->first_of[(unsigned char)f->split_and.w[i].w[0]] |= FIRST_SPLIT;
    for (i = 0; i < f->split_change_and.n; i++)
        f->first_of[(unsigned char)f->split_change_and.w[i].w[0]] |= FIRST_CHANGE;
    for (i = 0; i < f->admin_units.n; i++)
        f->first_of[(unsigned char)f->admin_units.w[i].w[0]] |= FIRST_UNIT;
    f->split_verb = f->split = f->split_change = f->admin = f->fu = NFRULES;
    for (i = 0; i < NFRULES; i++) {
        if (!strcmp(frules[i].id, "finding.split_verb"))
            f->split_verb = i;
        if (!strcmp(frules[i].id, "finding.split"))
            f->split = i;
        if (!strcmp(frules[i].id, "finding.split_change"))
            f->split_change = i;
        if (!strcmp(frules[i].id, "follow_up.explicit"))
            f->fu = i;
        if (!strcmp(frules[i].id, "regimen.administrations"))
            f->admin = i;
        /* tried only where a start literal begins: \G anchors it there */
        char *anch = malloc(strlen(frules[i].pattern) + 8);
        const char *p = frules[i].starts ? frules[i].starts : "";
        if (!anch)
            return LM_ERR_NOMEM;
        sprintf(anch, frules[i].starts ? "\\G(?:%s)" : "%s", frules[i].pattern);
        f->code[i] = extract_compile(frules[i].id, anch, flags, msg, cap);
        free(anch);
        if (!f->code[i])
            return LM_ERR_REGEX;
        for (;;) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            if (n && slot_add(f, p, n, i))
                return LM_ERR_USAGE;
            if (!bar)
                break;
            p = bar + 1;
        }
    }
    if (!(f->md = pcre2_match_data_create(24, NULL)))
        return LM_ERR_NOMEM;
    return LM_OK;
}

void findings_rules_close(findings_rules *f)
{
    size_t i;

    if (!f)
        return;
    for (i = 0; i < NFRULES; i++)
        pcre2_code_free(f->code[i]);
    pcre2_match_data_free(f->md);
    free(f->hits);
    ws_free(&f->split_and);
    ws_free(&f->split_change_and);
    ws_free(&f->admin_units);
    free(f);
}

/* ---- the text being read --------------------------------------------------- */

enum part { P_UNKNOWN, P_BACKGROUND, P_AIM, P_METHODS, P_RESULTS, P_CONCLUSIONS };

struct arms { size_t ia, ib, ca, cb; };   /* intervention and comparator spans */

struct ftext {
    findings_rules *f;
    const char *orig;     /* the text as stored (rows quote it) */
    const char *s;        /* normalised */
    const char *lower;    /* lower-cased normalised */
    const size_t *map;    /* s offset -> orig offset */
    size_t len;
    const char *section;
    int abstract;         /* the abstract (findings may be primary) */
    int body_part;        /* a body section: its part, else -1 */
    lm_extractions *out;
    size_t first;         /* the text's first row */
    size_t *hidx;         /* per cue: index of its first hit, or nh */
    size_t sub_a, sub_b;  /* the subject a clause after "X increased ... and" shares */
    int ellipsis;         /* the clause starts at its verb ("... and decreased in B") */
    size_t last_oa, last_ob; /* the outcome of the text's last finding */
    int shared_within;    /* the clause shares its sentence's "from baseline"
                             (split before a subject of its own) */
    struct arms pair;     /* the arms of the sentence's last pair of values */
    size_t denied;        /* the end of the next clause when it denies this
                             one's significance (the row quotes it), or 0 */
    size_t dig_from, dig_at; /* the first digit at or after dig_from (has_digit) */
    size_t sent_a;        /* where the sentence being read starts */
};

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Copies normalised [a, b) as the original bytes, into a new string. */
static char *orig_dup(const struct ftext *t, size_t a, size_t b)
{
    size_t oa, ob;
    char *s;

    while (a < b && is_space(t->s[a]))
        a++;
    while (b > a && (is_space(t->s[b - 1]) || t->s[b - 1] == ',' || t->s[b - 1] == ':'))
        b--;
    if (b <= a)
        return NULL;
    oa = t->map[a];
    ob = t->map[b];
    if (!(s = malloc(ob - oa + 1)))
        return NULL;
    memcpy(s, t->orig + oa, ob - oa);
    s[ob - oa] = '\0';
    return s;
}

static lm_extraction *push_row(struct ftext *t, lm_kind kind, const char *rule, size_t a,
                               size_t b)
{
    lm_extraction *e = extract_push(t->out, kind, rule, t->section, t->orig, t->map[a],
                                    t->map[b]);
    return e;
}

/* Every rule's matches, tried at word starts (and at ';' ',') whose first
 * bytes begin one of its start literals; a rule's matches do not overlap. */
/* The first byte of the word after the number at @p i (past a range
 * "6-12", "18 to 24" and a hyphen: "6-week"), 0 when none. */
static unsigned char num_tail(const struct ftext *t, size_t i)
{
    size_t j = i, k;

    for (k = 0; k < 2; k++) {
        while (j < t->len && (isdigit((unsigned char)t->lower[j]) || t->lower[j] == '.'
                              || t->lower[j] == ','))
            j++;
        while (j < t->len && (t->lower[j] == ' ' || t->lower[j] == '-'))
            j++;
        if (j + 3 < t->len && !strncmp(t->lower + j, "to ", 3) && isdigit((unsigned char)t->lower[j + 3]))
            j += 3;
        if (j >= t->len || !isdigit((unsigned char)t->lower[j]))
            break;
    }
    return j < t->len ? (unsigned char)t->lower[j] : 0;
}

/* Which rules led by a number may match before a word starting with byte
 * k: table[k] (filled once when the handle opens). */
static void num_rules_init(uint64_t *table)
{
    {
        size_t i;
        unsigned k;
        for (k = 0; k < 256; k++) {
            uint64_t m = 0;
            for (i = 0; i < NFRULES; i++) {
                const char *ok = frules[i].cue == C_DOSE ? "mgunkitcdpl\xc2\xce%"
                               : frules[i].cue == C_DUR || frules[i].cue == C_FU
                                 || frules[i].cue == C_FU_AT ? "dwmyh"
                               : frules[i].cue == C_FREQ ? "tdsw" : NULL;
                if (!ok || (k && strchr(ok, (int)k)))
                    m |= 1ull << i;
            }
            table[k] = m;
        }
    }
}

/* The rules a part needs: findings cues in results and conclusions, the
 * schedule's in methods and aims, everything in unlabelled text. */
static uint64_t part_rules(const struct ftext *t, enum part p)
{
    uint64_t m = 0;
    size_t i;

    for (i = 0; i < NFRULES; i++) {
        enum cue c = frules[i].cue;
        int fnd = c <= C_CORREL || c == C_SPLIT || c == C_EXCEPT;
        int reg = c >= C_DOSE && c <= C_SINGLE;
        int fu = c == C_FU || c == C_FU_AT || c == C_DUR;
        int ok;
        switch (p) {
        case P_UNKNOWN: ok = 1; break;
        case P_BACKGROUND: ok = t->abstract && (c == C_AIM || reg || fu || c == C_PRIMARY); break;
        case P_AIM: ok = c == C_AIM || reg || fu || c == C_PRIMARY; break;
        case P_METHODS: ok = reg || fu || c == C_PRIMARY || c == C_BACKGROUND; break;
        case P_RESULTS: ok = fnd || fu || c == C_PRIMARY; break;
        case P_CONCLUSIONS:
            ok = fnd || c == C_DOSE || c == C_ROUTE || c == C_DUR || c == C_PRIMARY;
            break;
        default: ok = 1;
        }
        if (ok)
            m |= 1ull << i;
    }
    return m;
}

/* finding.split_verb ("and" before a subject with its own verb of change)
 * looks ahead over words, digits and "(", ")", "/", "%", "-", "." before a
 * digit to one of these verbs: where none starts before the next ';', ':',
 * newline or other '.', it cannot match.  *stop caches the next stop at or
 * after the last offset asked, *verb the first verb there (*stop: none);
 * both start at (size_t)-1. */
static int split_verb_near(const struct ftext *t, size_t i, size_t *verb, size_t *stop)
{
    /* all but two end in "ed": one search for "ed", one for each other */
    static const struct { const char *w; size_t n; } ed[] = {
        { "increased", 9 }, { "decreased", 9 }, { "reduced", 7 }, { "declined", 8 },
        { "improved", 8 }, { "lowered", 7 }, { "elevated", 8 }, { "dropped", 7 },
        { "worsened", 8 }, { "deteriorated", 12 } };
    size_t k;

    if (*stop < i || *stop == (size_t)-1) {
        for (k = i; k < t->len; k++) {
            char c;
            k += strcspn(t->s + k, ";:\n.");   /* the next one, or a NUL */
            c = t->s[k];
            if (k >= t->len || c == ';' || c == ':' || c == '\n'
                || (c == '.' && !isdigit((unsigned char)t->s[k + 1])))
                break;
        }
        *stop = k;
        *verb = (size_t)-1;
    }
    if (*verb < i || *verb == (size_t)-1) {
        /* a verb at or after i before the stop (the first is not needed:
         * any one answers every offset up to it) */
        const char *L = t->lower, *q;
        size_t from = i;

        *verb = *stop;
        if ((q = fmem(L + i, *verb - i, "rose", 4)))
            *verb = (size_t)(q - L);
        if ((q = fmem(L + i, *verb - i, "fell", 4)))
            *verb = (size_t)(q - L);
        while ((q = fmem(L + from, *verb - from, "ed", 2))) {
            size_t e = (size_t)(q - L) + 2;
            for (k = 0; k < sizeof ed / sizeof ed[0]; k++)
                if (e >= i + ed[k].n && !memcmp(L + e - ed[k].n, ed[k].w, ed[k].n - 2)) {
                    *verb = e - ed[k].n;
                    return *verb < *stop;
                }
            from = e - 1;
        }
    }
    return *verb < *stop;
}

/* The rules whose start literals begin at @p i: the keys of the one to
 * KEYLEN bytes there that the two first bytes allow (lens). */
static uint64_t start_rules(const findings_rules *f, const unsigned char *L, size_t i)
{
    uint64_t m = 0, w = 0;
    unsigned lm = f->lens[L[i]][L[i + 1]];
    size_t n;

    /* the bytes after the text are zeros (extract_lower): a key reaching
     * past it has a zero byte, which no literal has */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&w, L + i, sizeof w);      /* byte n in bits 8n (skey's order) */
#else
    for (n = 0; n < KEYLEN; n++)
        w |= (uint64_t)L[i + n] << (8 * n);
#endif
    while (lm) {
        n = (size_t)__builtin_ctz(lm) + 1;
        lm &= lm - 1;
        m |= slot_get(f, (w & ((1ull << (8 * n)) - 1)) << 8 | n);
    }
    return m;
}

/* The first offset from @p i to @p end whose byte is not a letter or digit
 * (cls 1: ASCII [0-9A-Za-z]), else end; 16 bytes at a time with SSE2. */
static size_t word_end(const findings_rules *f, const unsigned char *L, size_t i, size_t end)
{
#ifdef __SSE2__
    const __m128i dlo = _mm_set1_epi8((char)(128 - '0')), dlim = _mm_set1_epi8((char)(-128 + 10));
    const __m128i alo = _mm_set1_epi8((char)(128 - 'a')), alim = _mm_set1_epi8((char)(-128 + 26));
    const __m128i up = _mm_set1_epi8(0x20);

    for (; i + 16 <= end; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(L + i));
        /* biased so that the range's first byte is -128: a signed compare
         * tests the unsigned range */
        __m128i dig = _mm_cmplt_epi8(_mm_add_epi8(v, dlo), dlim);
        __m128i let = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, up), alo), alim);
        unsigned out = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(dig, let)) & 0xffffu;

        if (out)
            return i + (size_t)__builtin_ctz(out);
    }
#endif
    while (i < end && f->cls[L[i]] == 1)
        i++;
    return i;
}

/* Does the word after "and " at @p at begin with one of @p w (a necessary
 * test for the rules tried at "and ": PCRE2 decides)?  A byte without
 * @p bit in first_of begins none.  1 when the text at @p at is not "and "
 * (the rule's other starts are always tried). */
static int and_word_may(const findings_rules *f, const unsigned char *L, size_t at, size_t len,
                        unsigned bit, const struct wordset *ws)
{
    const struct word *w = ws->w;
    size_t k, n = ws->n;

    if (ws->any || at + 4 > len || memcmp(L + at, "and ", 4))
        return 1;
    if (!(f->first_of[L[at + 4]] & bit))
        return 0;
    for (k = 0; k < n; k++)
        if (L[at + 4] == (unsigned char)w[k].w[0] && at + 4 + w[k].n <= len
            && !memcmp(L + at + 4, w[k].w, w[k].n))
            return 1;
    return 0;
}

/* regimen.administrations: its count (bytes of ADMIN_NUM), then up to
 * ADMIN_MODS words (bytes of ADMIN_MOD) and one of its units, each after
 * one space.  0 when no unit begins at one of those word places after
 * @p at (a necessary test: PCRE2 decides); the bytes and units are read
 * from the pattern's parts. */
static int admin_unit_near(const findings_rules *f, const unsigned char *L, size_t at,
                           size_t len)
{
    const struct word *u = f->admin_units.w;
    size_t j = at, w, k, s, nu = f->admin_units.n;

    if (f->admin_any)
        return 1;
    while (j < len && f->admin_num[L[j]])
        j++;
    for (w = 0; w <= ADMIN_MODS; w++) {
        if (j >= len || L[j] != ' ')
            return 0;
        j++;
        if (f->first_of[L[j]] & FIRST_UNIT)
            for (k = 0; k < nu; k++)
                if (L[j] == (unsigned char)u[k].w[0] && j + u[k].n <= len
                    && !memcmp(L + j, u[k].w, u[k].n))
                    return 1;
        for (s = j; j < len && f->admin_mod[L[j]]; j++)
            ;
        if (j == s)
            return 0;
    }
    return 0;
}

/* The first offset at or after @p at where one of the @p n literals @p w
 * begins, else @p len; pos[k] caches literal k's, the first at or after
 * *from (both (size_t)-1 before the first call), so a text is searched
 * once per literal as the offsets asked rise. */
static size_t next_lit(const unsigned char *L, size_t at, size_t len, const struct word *w,
                       size_t n, size_t *from, size_t *pos)
{
    size_t k, best = len;
    int stale = *from == (size_t)-1 || *from > at;

    *from = at;
    for (k = 0; k < n; k++) {
        if (stale || pos[k] < at) {
            const char *q = fmem((const char *)L + at, len - at, w[k].w, w[k].n);
            pos[k] = q ? (size_t)(q - (const char *)L) : len;
        }
        if (pos[k] < best)
            best = pos[k];
    }
    return best;
}

/* follow_up.explicit begins with FU_WORD or is FU_LEAD (a number, its
 * unit, up to two words) before "follow-up".  0 when the rule cannot match
 * at @p at: no FU_WORD after it, or a byte FU_LEAD cannot hold before the
 * first (a necessary test: PCRE2 decides); the bytes are read from
 * FU_LEAD.  (The same test for follow_up.timepoint's units costs more than
 * the PCRE2 calls it saves: its spans are long.) */
static const struct word fu_follow[] = { W(FU_WORD) };

static int follow_may(const findings_rules *f, const unsigned char *L, size_t at, size_t len,
                      size_t *from, size_t *pos)
{
    size_t p, n = fu_follow[0].n;

    if (f->fu_any || (at + n <= len && !memcmp(L + at, FU_WORD, n)))
        return 1;
    p = next_lit(L, at, len, fu_follow, 1, from, pos);
    if (p >= len)
        return 0;
    for (; at < p; at++)
        if (!f->fu_lead[L[at]])
            return 0;
    return 1;
}

static lm_err collect_hits(struct ftext *t, const size_t *pb, const enum part *pp, size_t np)
{
    findings_rules *f = t->f;
    const unsigned char *L = (const unsigned char *)t->lower;
    size_t sv_verb = (size_t)-1, sv_stop = (size_t)-1;
    size_t fu_from = (size_t)-1, fu_pos[1] = { (size_t)-1 };
    size_t i, part, lastend[NFRULES];

    f->nh = 0;
    for (i = 0; i < NFRULES; i++)
        lastend[i] = 0;
    for (part = 0; part < np; part++) {
        size_t end = pb[2 * part + 1];
        uint64_t pmask = part_rules(t, pp[part]);

        /* word starts (a part starts one), ';' and ',' */
        for (i = pb[2 * part]; pmask && i < end; i++) {
            unsigned char c = L[i], cl = f->cls[c];
            size_t at = i;
            uint64_t m;

            if (!cl)
                continue;
            m = start_rules(f, L, at) & pmask;
            if (cl == 1)          /* the rest of the word starts nothing */
                i = word_end(f, L, i + 1, end) - 1;
            if (!m)
                continue;
            if (isdigit(c) && (at == 0 || !isdigit(L[at - 1])))
                m &= f->numr[num_tail(t, at)];
            while (m) {
                size_t r = (size_t)__builtin_ctzll(m);
                m &= m - 1;
                if (at < lastend[r])
                    continue;
                if (r == f->split_verb && !split_verb_near(t, at, &sv_verb, &sv_stop))
                    continue;
                if ((r == f->split && !and_word_may(f, L, at, t->len, FIRST_SPLIT, &f->split_and))
                    || (r == f->split_change
                        && !and_word_may(f, L, at, t->len, FIRST_CHANGE, &f->split_change_and))
                    || (r == f->admin && !admin_unit_near(f, L, at, t->len))
                    || (r == f->fu && !follow_may(f, L, at, t->len, &fu_from, fu_pos)))
                    continue;
                if (extract_match(f->code[r], t->s, t->len, at, f->md, NULL) > 0) {
                    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(f->md);
                    if (lm_grow(&f->hits, &f->caph, f->nh, sizeof *f->hits, 64))
                        return LM_ERR_NOMEM;
                    f->hits[f->nh].s = ov[0];
                    f->hits[f->nh].e = ov[1];
                    f->hits[f->nh].rule = (unsigned short)r;
                    f->nh++;
                    lastend[r] = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
                }
            }
        }
    }
    return LM_OK;
}

static int hit_cmp(const void *a, const void *b)
{
    const struct hit *x = a, *y = b;

    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return (int)x->rule - (int)y->rule;
}

/* Re-runs rule @p i at hit @p h to read its named groups. */
static int rematch(const struct ftext *t, const struct hit *h)
{
    return extract_match(t->f->code[h->rule], t->s, h->e, h->s, t->f->md, NULL) > 0;
}

static int grp(const struct ftext *t, const struct hit *h, const char *name, size_t *a,
               size_t *b)
{
    int g = pcre2_substring_number_from_name(t->f->code[h->rule], (PCRE2_SPTR)name);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->f->md);

    (void)h;
    if (g <= 0 || ov[2 * g] == PCRE2_UNSET)
        return 0;
    *a = ov[2 * g];
    *b = ov[2 * g + 1];
    return 1;
}

/* ---- parts and sentences --------------------------------------------------- */

static enum part part_of_label(const char *s, size_t n)
{
    static const struct { const char *w; enum part p; } lab[] = {
        { "result", P_RESULTS }, { "finding", P_RESULTS }, { "outcome", P_RESULTS },
        { "conclu", P_CONCLUSIONS }, { "interpretation", P_CONCLUSIONS },
        { "discussion", P_CONCLUSIONS }, { "implication", P_CONCLUSIONS },
        { "background", P_BACKGROUND }, { "introduction", P_BACKGROUND },
        { "context", P_BACKGROUND }, { "objective", P_AIM }, { "aim", P_AIM },
        { "purpose", P_AIM }, { "rationale", P_BACKGROUND },
        { "importance", P_BACKGROUND }, { "hypothes", P_AIM }, { "goal", P_AIM },
        { "method", P_METHODS }, { "design", P_METHODS }, { "setting", P_METHODS },
        { "participant", P_METHODS }, { "patient", P_METHODS }, { "intervention", P_METHODS },
        { "material", P_METHODS }, { "procedure", P_METHODS }, { "measure", P_METHODS },
        { "subject", P_METHODS }, { "treatment", P_METHODS }, { "trial", P_METHODS },
        { "population", P_METHODS }, { "sample", P_METHODS }, { "study", P_METHODS },
    };
    size_t k;

    /* "METHODS AND RESULTS": both */
    if (fmem(s, n, "method", 6) && (fmem(s, n, "result", 6) || fmem(s, n, "finding", 7)))
        return P_UNKNOWN;
    for (k = 0; k < sizeof lab / sizeof lab[0]; k++)
        if (fmem(s, n, lab[k].w, strlen(lab[k].w)))
            return lab[k].p;
    return P_UNKNOWN;
}

/* A label written in title case at @p a ("Background: ", "Main
 * outcome measures: "): at most four words, the first capitalised, of
 * letters only, then a colon and a space; the colon's offset, else 0. */
static size_t title_label(const struct ftext *t, size_t a, size_t b)
{
    size_t i, words = 1;

    if (!isupper((unsigned char)t->s[a]))
        return 0;
    for (i = a + 1; i < b && i < a + 40; i++) {
        char c = t->s[i];
        if (c == ':')
            return i > a + 2 && i + 1 < b && t->s[i + 1] == ' '
                   && part_of_label(t->lower + a, i - a) != P_UNKNOWN ? i : 0;
        if (c == ' ') {
            if (++words > 4 || t->s[i - 1] == ' ')
                return 0;
        } else if (!isalpha((unsigned char)c) && c != '-') {
            return 0;
        }
    }
    return 0;
}

/* A line's "LABEL: " (upper-case words and a colon, or a title-case
 * label) ends at *body. */
static enum part line_part(const struct ftext *t, size_t a, size_t b, size_t *body)
{
    size_t i;

    *body = a;
    if ((i = title_label(t, a, b)) != 0) {
        *body = i + 1;
        return part_of_label(t->lower + a, i - a);
    }
    for (i = a; i < b && i < a + 60; i++) {
        char c = t->s[i];
        if (c == ':') {
            if (i == a)
                return P_UNKNOWN;
            *body = i + 1;
            return part_of_label(t->lower + a, i - a);
        }
        if (!(isupper((unsigned char)c) || c == ' ' || c == '/' || c == '&' || c == '-'
              || c == ',' || c == '.'))
            return P_UNKNOWN;
    }
    return P_UNKNOWN;
}

/* Where a structured-abstract label starts inside the line [a, b) (after
 * ". "), else b. */
static size_t inline_label(const struct ftext *t, size_t a, size_t b)
{
    size_t i, j, up;

    for (i = a + 2; i + 5 < b; i++) {
        const char *dot = memchr(t->s + i - 2, '.', b - (i - 2));
        if (!dot)
            break;
        i = (size_t)(dot - t->s) + 2;
        if (i + 5 >= b)
            break;
        if (t->s[i - 1] != ' ' || !isupper((unsigned char)t->s[i]))
            continue;
        for (j = i, up = 0; j < b && j < i + 40; j++) {
            char c = t->s[j];
            if (isupper((unsigned char)c))
                up++;
            else if (c != ' ' && c != '.' && c != '&' && c != '/' && c != '-')
                break;
        }
        if (j < b && t->s[j] == ':' && up >= 4 && part_of_label(t->lower + i, j - i) != P_UNKNOWN)
            return i;
        if (title_label(t, i, b))
            return i;
    }
    return b;
}

/* End of the sentence starting at @p a (before @p b): ". " + capital/digit. */
static size_t sentence_end(const struct ftext *t, size_t a, size_t b)
{
    size_t i;

    for (i = a; i + 1 < b; i++) {
        char c;
        i += strcspn(t->s + i, ".?!");  /* the next one, or a NUL */
        if (i + 1 >= b)
            break;
        c = t->s[i];
        if (c && t->s[i + 1] == ' '
            && (i + 2 >= b || isupper((unsigned char)t->s[i + 2]) || isdigit((unsigned char)t->s[i + 2])
                || t->s[i + 2] == '(' || t->s[i + 2] == '[')
            && !extract_abbrev_dot(t->s, i, 1))
            return i + 1;
        /* "(n = 877).The primary outcome": a full stop that lost its space,
         * after a bracket or a word, before a capitalised word */
        if (c == '.' && i >= a + 3 && i + 2 < b && isupper((unsigned char)t->s[i + 1])
            && islower((unsigned char)t->s[i + 2])
            && (t->s[i - 1] == ')' || (islower((unsigned char)t->s[i - 1])
                                       && islower((unsigned char)t->s[i - 2])
                                       && islower((unsigned char)t->s[i - 3])))
            && !extract_abbrev_dot(t->s, i, 1))
            return i + 1;
    }
    return b;
}

/* ---- hits within a range --------------------------------------------------- */

/* The index of the first hit starting at or after @p a (hits are sorted). */
static size_t first_hit(const findings_rules *f, size_t a)
{
    size_t lo = 0, hi = f->nh;

    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (f->hits[m].s < a)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

/* Does a rule of @p cue that is not scanned (starts NULL) match in [a, b)? */
static int lazy_cue(const struct ftext *t, enum cue cue, size_t a, size_t b)
{
    size_t i;

    for (i = 0; i < NFRULES; i++)
        if (frules[i].cue == cue && !frules[i].starts
            && extract_match(t->f->code[i], t->s, b, a, t->f->md, NULL) > 0)
            return 1;
    return 0;
}

/* First hit of @p cue within [a, b), or NULL. */
static const struct hit *find_cue(const struct ftext *t, enum cue cue, size_t a, size_t b)
{
    const findings_rules *f = t->f;
    size_t i;

    for (i = first_hit(f, a); i < f->nh; i++) {
        const struct hit *h = &f->hits[i];
        if (h->s >= b)
            break;
        if (h->s >= a && h->e <= b && frules[h->rule].cue == cue)
            return h;
    }
    return NULL;
}

static int has_cue(const struct ftext *t, enum cue cue, size_t a, size_t b)
{
    if (cue == C_NOT_FU)     /* not scanned: matched on demand */
        return lazy_cue(t, cue, a, b);
    return find_cue(t, cue, a, b) != NULL;
}

/* Is [a, b) inside one of the hits of @p cue? */
static int inside_cue(const struct ftext *t, enum cue cue, size_t a, size_t b)
{
    const findings_rules *f = t->f;
    size_t i;

    for (i = first_hit(f, a > 400 ? a - 400 : 0); i < f->nh; i++) {
        const struct hit *h = &f->hits[i];
        if (h->s > a)
            break;
        if (frules[h->rule].cue == cue && h->s <= a && b <= h->e)
            return 1;
    }
    return 0;
}

/* ---- findings ------------------------------------------------------------- */

static int is_neg_cue(enum cue c)
{
    return c <= C_TREND;
}

/* p-values of [a, b): *sig 1 when one is below 0.05, *ns 1 when one is not;
 * the first into *p / op. */
static void clause_p(const struct ftext *t, size_t a, size_t b, int *sig, int *ns, double *p,
                     char *op)
{
    size_t i, used;
    double v;
    char o[3];

    *sig = *ns = 0;
    *p = NAN;
    op[0] = '\0';
    for (i = a; i < b; i++) {
        const char *q = memchr(t->lower + i, 'p', b - i);
        if (!q)
            break;
        i = (size_t)(q - t->lower);
        if (i > a && isalnum((unsigned char)t->lower[i - 1]))
            continue;
        if (!lm_p_parse(t->s + i, b - i, &v, o, &used))
            continue;
        if (isnan(*p)) {
            *p = v;
            memcpy(op, o, 3);
        }
        if ((o[0] == '<' && v <= 0.05) || (o[0] == '=' && v < 0.05))
            *sig = 1;
        else if (o[0] == '>' || (o[0] == '=' && v >= 0.05) || (o[0] == '<' && v > 0.05))
            *ns = 1;    /* "P < 0.06" is not below alpha */
        i += used - 1;
    }
}

static int starts_word(const char *s, size_t len, size_t i, const char *w)
{
    size_t n;

    if (i >= len || s[i] != w[0])
        return 0;
    n = strlen(w);
    return i + n <= len && !memcmp(s + i, w, n)
        && (i + n == len || !isalnum((unsigned char)s[i + n]));
}

/* starts_word() for a word of a table. */
static int starts_wordl(const char *s, size_t len, size_t i, const struct word *w)
{
    return i + w->n <= len && !memcmp(s + i, w->w, w->n)
        && (i + w->n == len || !isalnum((unsigned char)s[i + w->n]));
}

/* Trims leading articles, fillers and adverbs of [*a, *b). */
static void trim_np(const struct ftext *t, size_t *a, size_t *b)
{
    uint64_t m;
    int again = 1;

    while (again && *a < *b) {
        again = 0;
        while (*a < *b && (is_space(t->s[*a]) || t->s[*a] == ',' || t->s[*a] == ':'))
            (*a)++;
        while (*b > *a && (is_space(t->s[*b - 1]) || t->s[*b - 1] == ',' || t->s[*b - 1] == ':'
                           || t->s[*b - 1] == '.'))
            (*b)--;
        if (*b <= *a)
            break;
        for (m = t->f->trim_first[(unsigned char)t->lower[*a]]; m; m &= m - 1) {
            const struct word *w = &trim_lead[__builtin_ctzll(m)];
            if (starts_wordl(t->lower, *b, *a, w)) {
                *a += w->n;
                again = 1;
                break;
            }
        }
        for (m = t->f->trim_last[(unsigned char)t->lower[*b - 1]]; m; m &= m - 1) {
            const struct word *w = &trim_tail[__builtin_ctzll(m)];
            size_t n = w->n;
            if (*b >= *a + n && !memcmp(t->lower + *b - n, w->w, n)
                && (*b - n == *a || !isalnum((unsigned char)t->lower[*b - n - 1]))) {
                *b -= n;
                again = 1;
                break;
            }
        }
    }
}

/* " (LDL-C)" at @p i: where an abbreviation in brackets ends (2 to 10
 * letters, digits and hyphens, two capitals at least), else 0. */
static size_t abbrev_after(const struct ftext *t, size_t i, size_t b)
{
    size_t j, caps = 0;

    if (i + 4 >= b || t->s[i + 1] != '(')
        return 0;
    for (j = i + 2; j < b && j < i + 13 && (isalnum((unsigned char)t->s[j]) || t->s[j] == '-'); j++)
        caps += isupper((unsigned char)t->s[j]) != 0;
    return j < b && t->s[j] == ')' && j - i - 2 >= 2 && caps >= 2 ? j + 1 : 0;
}

/* " by " at @p i after "measured", "assessed", "rated": the measure
 * belongs to the outcome ("performance as measured by the exam score"). */
static int measured_by(const struct ftext *t, size_t a, size_t i)
{
    static const char *const w[] = { "measured", "assessed", "rated", "evaluated", "determined",
                                     "quantified", "estimated" };
    size_t k;

    if (strncmp(t->lower + i, " by ", 4))
        return 0;
    for (k = 0; k < sizeof w / sizeof w[0]; k++) {
        size_t n = strlen(w[k]);
        if (i >= a + n && !strncmp(t->lower + i - n, w[k], n))
            return 1;
    }
    return 0;
}

static size_t np_end(const struct ftext *t, size_t a, size_t b)
{
    size_t i, lim = b < a + 120 ? b : a + 120, ab;

    for (i = a + 1; i < lim; i++) {
        char c = t->s[i];
        uint64_t m;
        if (c == '\n' || (c == '.' && (i + 1 == b || t->s[i + 1] == ' ' || t->s[i + 1] == '\n')))
            return i;
        if (c != ' ' && c != ',' && c != ';')
            continue;
        /* "low density lipoprotein (LDL-C)": the phrase's abbreviation is of it */
        if (c == ' ' && (ab = abbrev_after(t, i, lim))) {
            i = ab - 1;
            continue;
        }
        for (m = t->f->np_stop[(unsigned char)t->lower[i + 1]]; m; m &= m - 1) {
            const struct word *w = &np_stops[__builtin_ctzll(m)];
            if (w->w[0] == c && i + w->n <= t->len && !memcmp(t->lower + i, w->w, w->n)
                && !measured_by(t, a, i))
                return i;
        }
    }
    return lim;
}

static int word_count(const char *s, size_t a, size_t b)
{
    int n = 0, in = 0;

    for (; a < b; a++) {
        int w = !is_space(s[a]);
        if (w && !in)
            n++;
        in = w;
    }
    return n;
}

/* Arm-like: names a group of participants or a treatment given. */
static int arm_like(const struct ftext *t, size_t a, size_t b)
{
    static const char *const w[] = {
        "group", "arm", "patients", "participants", "subjects", "those ", "receiv",
        "treated", "placebo", "sham", "control", "volunteers", "women", "men", "children",
        "infants", "users", "cohort", "mice", "rats", "treatment with", "therapy",
    };
    size_t k;

    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (fmem(t->lower + a, b - a, w[k], strlen(w[k])))
            return 1;
    return 0;
}

static int control_like(const char *s)
{
    static const char *const w[] = {
        "placebo", "sham", "control", "usual care", "standard", "vehicle", "no treatment",
        "untreated", "saline", "waiting list", "wait-list", "waitlist", "conventional",
        "routine care", "treatment as usual", "no intervention", "non-exposed", "unexposed",
        "nonexposed", "non-users", "nonusers", "non-user", "attention control", "dummy",
        "inactive", "comparison group", "reference group",
    };
    size_t k;

    if (!s)
        return 0;
    (void)k;
    return has_word_ci(s, w, sizeof w / sizeof w[0]);
}

/* "those in the B group", "patients receiving B": a generic head [a, e)
 * names its arm after it; where that arm ends, else @p e. */
static size_t generic_arm_end(const struct ftext *t, size_t a, size_t e, size_t b)
{
    static const char *const head[] = { "those", "that", "patients", "participants", "subjects",
                                        "individuals", "children", "women", "men", "the patients",
                                        "the participants", "the subjects" };
    static const char *const link[] = { " in the ", " in ", " on ", " receiving ", " treated with ",
                                        " given ", " who received ", " taking ", " using " };
    size_t k;

    for (k = 0; k < sizeof head / sizeof head[0]; k++)
        if (e - a == strlen(head[k]) && !strncmp(t->lower + a, head[k], e - a))
            break;
    if (k == sizeof head / sizeof head[0])
        return e;
    for (k = 0; k < sizeof link / sizeof link[0]; k++)
        if (!strncmp(t->lower + e, link[k], strlen(link[k])) && e + strlen(link[k]) < b)
            return np_end(t, e + strlen(link[k]), b);
    return e;
}

/* "the parents in the control group": a short head [a, e) of other words
 * than generic_arm_end()'s, before "in the" and a phrase naming a group or
 * an arm; where that phrase starts (its end in *xe), else 0. */
static size_t head_in_group(const struct ftext *t, size_t a, size_t e, size_t b, size_t *xe)
{
    size_t x, y;

    if (word_count(t->s, a, e) > 2 || e + 8 >= b || strncmp(t->lower + e, " in the ", 8))
        return 0;
    for (x = a; x < e; x++)
        if (!isalpha((unsigned char)t->s[x]) && t->s[x] != ' ')
            return 0;
    x = e + 8;
    y = np_end(t, x, b);
    if (y > b)
        y = b;
    if (!fmem(t->lower + x, y - x, "group", 5) && !fmem(t->lower + x, y - x, " arm", 4))
        return 0;
    *xe = y;
    return x;
}

/* control_like() of the normalised [a, b). */
static int control_like_span(const struct ftext *t, size_t a, size_t b)
{
    char buf[128];
    size_t n = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;

    memcpy(buf, t->lower + a, n);
    buf[n] = '\0';
    return control_like(buf);
}

static size_t group_code_end(const struct ftext *t, size_t g, size_t b);

/* The arm after a comparison word at @p a: "(the) X( group| arm)". */
static void arm_after(const struct ftext *t, size_t a, size_t b, size_t *xa, size_t *xb)
{
    size_t e;
    const char *g;

    *xa = a;
    e = np_end(t, a, b);
    {
        size_t ge = generic_arm_end(t, a, e, b), he, hs;
        if (ge == e && (hs = head_in_group(t, a, e, b, &he)) != 0) {
            *xa = hs;     /* the arm, not its members */
            a = hs;
            ge = he;
        }
        e = ge;
    }
    /* "the X group" ends at "group", "that in Group I" at its code */
    g = fmem(t->lower + a, e - a, " group", 6);
    if (g)
        e = group_code_end(t, (size_t)(g - t->lower) + 6, b);
    *xb = e;
    {   /* "(P = 0.04 versus placebo alone)": the bracket closes the arm */
        const char *cl = memchr(t->s + *xa, ')', *xb - *xa);
        if (cl && !memchr(t->s + *xa, '(', (size_t)(cl - t->s) - *xa))
            *xb = (size_t)(cl - t->s);
    }
    trim_np(t, xa, xb);
    if (*xb > *xa && word_count(t->s, *xa, *xb) > 8)
        *xb = *xa;
    /* "vs. -0.89", "than 4 h": a value, not an arm */
    if (*xb > *xa && !isalpha((unsigned char)t->s[*xa]) && t->s[*xa] != '(' && t->s[*xa] != '"'
        && (unsigned char)t->s[*xa] < 0x80)
        *xb = *xa;
    if (*xb > *xa && (unsigned char)t->s[*xa] == 0xe2 && (unsigned char)t->s[*xa + 1] == 0x88)
        *xb = *xa;      /* U+2212 minus */
}

/* The verbs "to be" (the first N_BE) and "to have" that end a subject. */
static const char *const copula[] = { " was ", " were ", " is ", " are ", " had ", " has " };
#define N_BE 4
#define N_COPULA (sizeof copula / sizeof copula[0])

/* Does [a, b) start with a direction word ("higher ovulation rate" after
 * "resulted in" is the outcome, not an arm)? */
static int starts_dir(const struct ftext *t, size_t a, size_t b)
{
    const findings_rules *f = t->f;
    size_t i;

    for (i = first_hit(f, a); i < f->nh && f->hits[i].s == a; i++) {
        enum cue c = frules[f->hits[i].rule].cue;
        if ((c == C_INC || c == C_DEC) && f->hits[i].e <= b)
            return 1;
    }
    return 0;
}

/* The arm right before a comparison word at @p c: "higher with A than with
 * B", "lower on A than on B". */
static void arm_before(const struct ftext *t, size_t a, size_t c, struct arms *r)
{
    /* "lower for the A group than for B": "for" only before a group */
    static const char *const prep[] = { " with ", " on ", " in ", " for the " };
    size_t k, from = c > a + 80 ? c - 80 : a;

    for (k = 0; k < sizeof prep / sizeof prep[0]; k++) {
        const char *q = NULL, *x;
        size_t xa, xb;
        for (x = t->lower + from; (x = fmem(x, (size_t)(t->lower + c - x), prep[k],
                                             strlen(prep[k]))); x++)
            q = x;
        if (!q || (k == 3 && !fmem(q, (size_t)(t->lower + c - q), " group", 6)
                   && !fmem(q, (size_t)(t->lower + c - q), " arm", 4)))
            continue;
        xa = (size_t)(q - t->lower) + strlen(prep[k]);
        xb = c;
        {
            /* "X in the A arm (45 months) was lower than B": the arm ends
             * at its verb, and before the bracket of its value */
            size_t v;
            int cut = 0;
            for (v = 0; v < N_COPULA; v++) {
                const char *cv = fmem(t->lower + xa, xb - xa, copula[v], strlen(copula[v]));
                if (cv)
                    xb = (size_t)(cv - t->lower), cut = 1;
            }
            if (cut || k == 3) {
                const char *br = memchr(t->s + xa, '(', xb - xa);
                if (br && br > t->s + xa + 1 && br[-1] == ' ')
                    xb = (size_t)(br - t->s) - 1;
            }
        }
        trim_np(t, &xa, &xb);
        if (xb > xa && word_count(t->s, xa, xb) <= 5 && isalpha((unsigned char)t->s[xa])
            && !memchr(t->s + xa, ',', xb - xa) && !memchr(t->s + xa, '(', xb - xa)
            && !starts_dir(t, xa, xb)) {
            r->ia = xa;
            r->ib = xb;
        }
        return;
    }
}

/* "group A", "group II", "group 2": the end of the arm's code after
 * "group" at @p g (up to 3 capitals or digits), else @p g. */
static size_t group_code_end(const struct ftext *t, size_t g, size_t b)
{
    size_t e = g + 1;

    if (e >= b || t->s[g] != ' '
        || !(isupper((unsigned char)t->s[e]) || isdigit((unsigned char)t->s[e])))
        return g;
    while (e < b && e < g + 4 && (isupper((unsigned char)t->s[e]) || isdigit((unsigned char)t->s[e])))
        e++;
    return e < b && isalnum((unsigned char)t->s[e]) ? g : e;
}

/* "2.1 visits in the B group" at @p s: where the arm after the value
 * starts (a few words on, before any punctuation), else @p s. */
static size_t value_arm(const struct ftext *t, size_t s, size_t b)
{
    static const char *const pre[] = { " in the ", " in ", " for the ", " with " };
    size_t i, k, lim = s + 40 < b ? s + 40 : b;

    for (i = s; i < lim; i++) {
        if ((t->s[i] == ',' && !(i > s && isdigit((unsigned char)t->s[i - 1])
                                 && isdigit((unsigned char)t->s[i + 1])))
            || t->s[i] == ';' || t->s[i] == '(' || t->s[i] == ')')
            return s;
        if (t->s[i] != ' ')
            continue;
        for (k = 0; k < sizeof pre / sizeof pre[0]; k++)
            if (!strncmp(t->lower + i, pre[k], strlen(pre[k]))) {
                size_t x = i + strlen(pre[k]);
                return x < b && isalpha((unsigned char)t->s[x]) && arm_like(t, x, np_end(t, x, b))
                       ? x : s;
            }
    }
    return s;
}

/* The arms a clause names: "between A and B", "compared with B", "than
 * (in) B", "versus B", "in the A group". */
static void clause_arms(const struct ftext *t, size_t a, size_t b, struct arms *r)
{
    /* the words after which the comparator comes; the ones of a lead
     * ("than ", lead its length) are looked for only when the clause holds it */
#define CMP(s, lead) { s, sizeof s - 1, lead }
    static const struct { const char *w; size_t n, lead; } cmp[] = {
        CMP("compared with ", 9), CMP("compared to ", 9), CMP("compared against ", 9),
        CMP("in comparison with ", 14), CMP("in comparison to ", 14), CMP("relative to ", 0),
        CMP("versus ", 0), CMP("vs. ", 2), CMP("vs ", 2), CMP("than in the ", 5),
        CMP("than in ", 5), CMP("than with ", 5), CMP("than the ", 5), CMP("than ", 5),
        CMP("over ", 0),
    };
#undef CMP
    const char *p, *lead = NULL;
    size_t k, x, y;

    memset(r, 0, sizeof *r);
    if ((p = fmem(t->lower + a, b - a, "between ", 8))) {
        size_t s = (size_t)(p - t->lower) + 8, m;
        const char *and = fmem(t->lower + s, b - s, " and ", 5);
        if (and && (size_t)(and - t->lower) < b) {
            m = (size_t)(and - t->lower);
            x = s;
            y = m;
            trim_np(t, &x, &y);
            if (y > x && word_count(t->s, x, y) <= 8 && !isdigit((unsigned char)t->s[x])) {
                r->ia = x;
                r->ib = y;
                arm_after(t, m + 5, b, &r->ca, &r->cb);
                if (!fmem(t->lower + r->ia, r->ib - r->ia, "group", 5) && r->cb > r->ca
                    && !strncmp(t->lower + r->cb - 6, "groups", 6))
                    r->cb -= 7;
                return;
            }
        }
    }
    for (k = 0; k < sizeof cmp / sizeof cmp[0]; k++) {
        const char *from = t->lower + a;
        if (cmp[k].lead) {
            if (!k || cmp[k - 1].lead != cmp[k].lead || memcmp(cmp[k - 1].w, cmp[k].w, cmp[k].lead))
                lead = fmem(t->lower + a, b - a, cmp[k].w, cmp[k].lead);
            if (!lead)
                continue;
            from = lead;
        }
        if ((p = fmem(from, (size_t)(t->lower + b - from), cmp[k].w, cmp[k].n))) {
            size_t s = (size_t)(p - t->lower) + cmp[k].n;
            if (s < b && isdigit((unsigned char)t->s[s]))
                s = value_arm(t, s, b);     /* "compared with 2.1 visits in the B group" */
            if (s < b && !starts_word(t->lower, b, s, "baseline")
                && !(k == sizeof cmp / sizeof cmp[0] - 1 && starts_word(t->lower, b, s, "time"))
                && !isdigit((unsigned char)t->s[s])) {
                arm_after(t, s, b, &r->ca, &r->cb);
                if (r->cb > r->ca) {
                    arm_before(t, a, (size_t)(p - t->lower), r);
                    break;
                }
            } else if (s < b && (starts_word(t->lower, b, s, "baseline")
                                 || (k == sizeof cmp / sizeof cmp[0] - 1
                                     && starts_word(t->lower, b, s, "time")))) {
                break;      /* "from baseline", "over time": within a group */
            }
        }
    }
    /* "in group A" (a short name after "group") */
    if (!(r->ib > r->ia) && (p = fmem(t->lower + a, b - a, "in group ", 9))) {
        size_t s = (size_t)(p - t->lower) + 9, e = s;
        while (e < b && e < s + 8 && (isalnum((unsigned char)t->s[e]) || t->s[e] == '-'))
            e++;
        if (e > s && (e == b || !isalnum((unsigned char)t->s[e]))
            && !(r->cb > r->ca && s >= r->ca && e <= r->cb)) {
            r->ia = s - 6;
            r->ib = e;
        }
    }
    /* "in the A group" / "A group" before the comparison; not the
     * comparator's own ("compared with the B group, the A group ...") */
    for (p = fmem(t->lower + a, b - a, " group", 6);
         p && r->cb > r->ca && (size_t)(p - t->lower) + 1 >= r->ca && (size_t)(p - t->lower) < r->cb;
         p = fmem(p + 6, (size_t)(t->lower + b - p - 6), " group", 6))
        ;
    if (p) {
        size_t e = (size_t)(p - t->lower), s = e;
        while (s > a && t->s[s - 1] != ',' && t->s[s - 1] != '(' && t->s[s - 1] != ';'
               && e - s < 50)
            s--;
        {
            const char *in = NULL, *q;
            for (q = t->lower + s; (q = fmem(q, (size_t)(t->lower + e - q), "in the ", 7));
                 q += 7)
                in = q;
            if (in)
                s = (size_t)(in - t->lower) + 7;
        }
        x = s;
        y = group_code_end(t, e + 6, b);
        trim_np(t, &x, &y);
        if (y > x && word_count(t->s, x, y) <= 6 && !(r->cb > r->ca && x >= r->ca && y <= r->cb)
            && !fmem(t->lower + x, y - x, "signific", 8) && !fmem(t->lower + x, y - x, "no ", 3)
            && !fmem(t->lower + x, y - x, "between", 7) && !fmem(t->lower + x, y - x, "each", 4)
            && !fmem(t->lower + x, y - x, "both", 4) && !fmem(t->lower + x, y - x, "all ", 4)) {
            r->ia = x;
            r->ib = y;
        }
    }
}

/* ---- outcome polarity --------------------------------------------------------
 * "Improved X" is more of X when higher is better (function, survival) and
 * less of X when lower is better (pain, mortality).  The lexicon is by
 * class of word, word starts only: */
static const char *const pol_lower[] = {
    /* harms and events */
    "mortality", "death", "died", "fatal", "adverse", "side effect", "side-effect", "toxicit",
    "complication", "infection", "bleed", "hemorrhag", "haemorrhag", "blood loss",
    "relapse", "recurren", "readmission", "re-admission", "rehospitali", "hospitali",
    "failure", "morbidity", "injur", "exacerbation", "rejection", "reoperation",
    "re-operation", "dropout", "drop-out", "risk", "incidence", "events", "harm",
    /* symptoms and their severity */
    "pain", "ache", "symptom", "nausea", "vomit", "fatigue", "dyspn", "breathless", "insomnia",
    "anxiety", "anxious", "depressi", "stress", "distress", "craving", "itch", "prurit",
    "cough", "discomfort", "tender", "stiffness", "swelling", "edema", "oedema", "inflammat",
    "spastic", "tremor", "agitation", "delirium", "headache", "dizziness", "somnolence",
    "constipation", "diarrh", "burden", "disabilit", "impairment", "severity", "dysfunction",
    "disease activity", "fear", "loneliness", "suicid", "sedation", "anger", "tension",
    "hostility", "aggressi", "confusion", "negative emotion", "negative affect",
    "negative mood", "negative symptom", "negative behavio", "negative thought",
    "negative belief", "wrinkle", "roughness", "sleepiness",
    /* risk markers */
    "blood pressure", "glucose", "hba1c", "glycated", "cholesterol", "ldl", "triglycerid",
    "body weight", "bmi", "body mass index", "waist", "body fat", "fat mass", "viral load",
    "c-reactive", "crp", "length of stay", "length of hospital", "insulin ",
};
static const char *const pol_higher[] = {
    "quality of life", "qol", "quality", "function", "survival", "strength", "satisfaction",
    "adherence", "compliance", "response", "responder", "remission", "healing", "cure",
    "recovery", "success", "well-being", "wellbeing", "mobility", "range of motion",
    "performance", "sensitivity", "hdl", "density", "capacity", "endurance", "fitness",
    "self-efficacy", "knowledge", "cognit", "memory", "abstinence", "cessation", "quit",
    "clearance", "relief", "efficacy", "independence", "lean mass", "muscle mass", "vitality",
    "resilience", "empowerment", "self-esteem",
};

/* The end of the last lexicon word starting a word in [s, s + n), its class
 * in *cls (-1 lower is better, 1 higher); 0 when none. */
static size_t pol_last(const char *s, size_t n, int *cls)
{
    size_t i, k, best = 0;

    for (i = 0; i < n; i++) {
        if (i > 0 && isalnum((unsigned char)s[i - 1]))
            continue;
        for (k = 0; k < sizeof pol_lower / sizeof pol_lower[0]; k++) {
            size_t m;
            if (pol_lower[k][0] != s[i])
                continue;
            m = strlen(pol_lower[k]);
            if (m <= n - i && !memcmp(s + i, pol_lower[k], m)) {
                /* "pain-free", "event free": the absence of a harm */
                const char *x = s + i + m;
                int fr = (i + m + 5 <= n && (!memcmp(x, "-free", 5) || !memcmp(x, " free", 5)))
                         || (i + m + 6 <= n && !memcmp(x, "s-free", 6));
                best = i + m;
                *cls = fr ? 1 : -1;
            }
        }
        for (k = 0; k < sizeof pol_higher / sizeof pol_higher[0]; k++) {
            size_t m;
            if (pol_higher[k][0] != s[i])
                continue;
            m = strlen(pol_higher[k]);
            if (m <= n - i && !memcmp(s + i, pol_higher[k], m) && i + m >= best) {
                best = i + m;
                *cls = 1;
            }
        }
    }
    return best;
}

/* The polarity of an outcome phrase: -1 lower is better, 1 higher is
 * better, 0 unknown.  The head before "of"/"in" decides ("relief of pain",
 * "incidence of nausea"), else the last lexicon word ("pain scores",
 * "symptom relief").  A whole sentence (@p named 0: no outcome was read)
 * goes by its lexicon words only, not by a "score" somewhere in it. */
static int outcome_polarity(const char *outcome, int named)
{
    char low[256];
    size_t n, h;
    int cls = 0;
    const char *of, *in;

    if (!outcome)
        return 0;
    for (n = 0; outcome[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)outcome[n]);
    low[n] = '\0';
    /* "time to relapse" is longer the better, "time to healing" shorter */
    {
        const char *tt = strstr(low, "time to ");
        if (tt && (tt == low || !isalnum((unsigned char)tt[-1]))) {
            cls = 0;
            return pol_last(tt + 8, strlen(tt + 8), &cls) ? -cls : 0;
        }
    }
    of = strstr(low, " of ");
    in = strstr(low, " in ");
    h = of && (!in || of < in) ? (size_t)(of - low) : in ? (size_t)(in - low) : n;
    /* "quality of life": the whole phrase is one lexicon entry */
    if (h < n && pol_last(low, n, &cls) && cls == 1 && strstr(low, "quality of life"))
        return 1;
    cls = 0;
    if (pol_last(low, h, &cls))
        return cls;
    cls = 0;
    if (pol_last(low, n, &cls))
        return cls;
    /* a rating score or scale without a named measure: most are symptom
     * scales, where less is better */
    return named && (strstr(low, "score") || strstr(low, "scale")) ? -1 : 0;
}

/* Is the cue an evaluative word: 1 for better ("improved", "better",
 * "superior", "benefit"), -1 for worse ("worse", "worsened",
 * "deteriorated", "inferior"), 0 a plain quantity word. */
static int evaluative(const struct ftext *t, const struct hit *h)
{
    static const char *const up[] = { "improv", "better", "superior", "benefit", "amelior",
                                      "outperf" };
    static const char *const down[] = { "worse", "worsen", "deterior", "inferior", "aggravat",
                                        "exacerbat" };
    size_t k;

    for (k = 0; k < sizeof up / sizeof up[0]; k++)
        if (!strncmp(t->lower + h->s, up[k], strlen(up[k])))
            return 1;
    for (k = 0; k < sizeof down / sizeof down[0]; k++)
        if (!strncmp(t->lower + h->s, down[k], strlen(down[k])))
            return -1;
    return 0;
}

/* Is the cue a noun of change ("reduction", "improvement", "increase")? */
static int change_noun(const struct ftext *t, const struct hit *h)
{
    static const char *const w[] = { "reduction", "improvement", "increase", "decrease",
                                     "decline", "gain", "rise", "drop", "elevation",
                                     "enhancement", "prolongation" };
    size_t k, n = h->e - h->s;

    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (n >= strlen(w[k]) && !strncmp(t->lower + h->s, w[k], strlen(w[k]))
            && (n == strlen(w[k]) || t->lower[h->s + n - 1] == 's'))
            return 1;
    return 0;
}

/* The direction of a ratio estimate (effect rows of or, rr, hr) inside
 * the clause: 1 above 1, -1 below, 0 when its CI spans 1 (or p >= 0.05),
 * 9 when there is none. */
static int clause_ratio(const struct ftext *t, size_t a, size_t b)
{
    size_t i, oa = t->map[a], ob = t->map[b];

    for (i = t->first; i < t->out->len; i++) {
        const lm_extraction *e = &t->out->v[i];
        if (e->kind != LM_KIND_EFFECT || e->span_start < oa || e->span_end > ob
            || strcmp(e->section, t->section)
            || (strcmp(e->metric, "or") && strcmp(e->metric, "rr") && strcmp(e->metric, "hr")))
            continue;
        if (!isnan(e->lo) && !isnan(e->hi))
            return e->lo > 1 ? 1 : e->hi < 1 ? -1 : 0;
        if (!isnan(e->p))
            return e->p >= 0.05 && strcmp(e->p_op, "<") ? 0 : e->value > 1 ? 1 : -1;
    }
    return 9;
}

/* Does the first confidence interval in [a, b) span 0 ("95% CI -2.4,
 * 0.1", "CI: -1.2 to 0.3")?  A ratio's interval is never below 0, so one
 * across 0 is a difference's, and the difference is not significant. */
static int ci_spans_zero(const struct ftext *t, size_t a, size_t b)
{
    size_t i;

    for (i = a; i + 2 < b; i++) {
        const char *q, *end = t->s + b;
        char *x;
        double lo, hi;
        /* both labels start with 'c': memchr to the next one */
        const char *c = memchr(t->lower + i, 'c', b - 2 - i);
        if (!c)
            break;
        i = (size_t)(c - t->lower);
        if (!(t->lower[i + 1] == 'i'
              && (i == a || !isalnum((unsigned char)t->lower[i - 1]))
              && !isalnum((unsigned char)t->lower[i + 2]))
            && !(i + 3 < b && !strncmp(t->lower + i, "c.i.", 4)   /* "95% C.I. -0.3, 1.0" */
                 && (i == a || !isalnum((unsigned char)t->lower[i - 1])))
            && strncmp(t->lower + i, "confidence interval", 19))
            continue;
        for (q = t->s + i + 2; q < end && q < t->s + i + 40
             && !(isdigit((unsigned char)*q) || (*q == '-' && q + 1 < end
                                                 && isdigit((unsigned char)q[1]))); q++)
            if (*q == ';' || *q == ')')
                break;
        if (q >= end || !(isdigit((unsigned char)*q) || *q == '-'))
            continue;
        lo = strtod(q, &x);
        if (x == q || x >= end)
            return 0;
        q = x;
        while (q < end && *q == ' ')
            q++;
        if (q + 2 < end && q[0] == 't' && q[1] == 'o' && q[2] == ' ')
            q += 2;
        else if (q < end && (*q == ',' || *q == ';' || *q == '-'))
            q++;
        while (q < end && *q == ' ')
            q++;
        if (q >= end || !(isdigit((unsigned char)*q) || *q == '-'))
            return 0;
        hi = strtod(q, &x);
        if (x == q)
            return 0;
        return lo < 0 && hi > 0;
    }
    return 0;
}

/* The number ending at or before @p e (outside brackets, not a SD after
 * "+/-"), scanning back to @p a; its start in *ns, 0 when none. */
static int value_before(const struct ftext *t, size_t a, size_t e, double *v, size_t *ns)
{
    int depth = 0;
    size_t i = e;

    while (i > a) {
        char c = t->s[i - 1];
        if (c == ')' || c == ']')
            depth++;
        else if ((c == '(' || c == '[') && depth > 0)
            depth--;
        else if (depth == 0 && isdigit((unsigned char)c)) {
            size_t st = i, used;
            while (st > a && (isdigit((unsigned char)t->s[st - 1]) || t->s[st - 1] == '.'
                              || (t->s[st - 1] == ',' && st >= a + 2 && isdigit((unsigned char)t->s[st - 2])
                                  && st + 2 < e && isdigit((unsigned char)t->s[st + 2]))))
                st--;
            if (st > a && t->s[st - 1] == '-' && (st < a + 2 || !isdigit((unsigned char)t->s[st - 2])))
                st--;
            /* "43.7 +/- 11.0": the mean, not the SD */
            if ((st >= a + 2 && (t->s[st - 2] == '\xb1' || !strncmp(t->s + st - 2, "\xb1 ", 2)))
                || (st >= a + 4 && !strncmp(t->s + st - 4, "+/- ", 4))
                || (st >= a + 3 && !strncmp(t->s + st - 3, "\xc2\xb1", 2))
                || (st >= a + 4 && !strncmp(t->s + st - 4, "\xc2\xb1 ", 3))
                || (st >= a + 2 && t->lower[st - 2] == 'p') || (st >= a + 2 && t->s[st - 2] == '='
                                                              && st >= a + 4 && t->lower[st - 4] == 'p')) {
                i = st;
                continue;
            }
            if (lm_num_parse(t->s + st, e - st, v, &used)) {
                *ns = st;
                return 1;
            }
            i = st;
            continue;
        }
        i--;
    }
    return 0;
}

static size_t named_value(const struct ftext *t, size_t x, size_t b);
static void named_arm_before(const struct ftext *t, size_t a, size_t v, struct arms *arms);

/* Two values side by side with a significant test: "3.6 cm in the A group
 * versus 2.1 cm in the B group (p < 0.05)", "4 versus 5.5".  1 / -1 the
 * first relative to the second, 0 none; the arms after each value. */
static int side_by_side(const struct ftext *t, size_t a, size_t b, struct arms *arms)
{
    static const char *const sep[] = { " versus ", " vs. ", " vs ", " compared with ",
                                       " compared to ", " and ", " or " };
    size_t k;

    for (k = 0; k < sizeof sep / sizeof sep[0]; k++) {
        const char *p;
        size_t from = a;

        /* each occurrence: "in the A and B groups, 34% and 49%" */
        for (; (p = fmem(t->lower + from, b - from, sep[k], strlen(sep[k])));
             from = (size_t)(p - t->lower) + 1) {
            size_t at, after, ns1 = 0, used;
            double v1, v2;
            size_t named = 0;
            at = (size_t)(p - t->lower);
            after = at + strlen(sep[k]);
            if (!lm_num_parse(t->s + after, b - after, &v2, &used)) {
                /* "for group A was 280 s and group B was 1077 s": the
                 * second arm named before its value */
                named = named_value(t, after, b);
                if (!named || !lm_num_parse(t->s + named, b - named, &v2, &used))
                    continue;
            }
            if (!value_before(t, a, at, &v1, &ns1) || at - ns1 > 90 || v1 == v2)
                continue;
            if (named) {
                size_t x = after, y = named;
                trim_np(t, &x, &y);
                if (y > x && !(arms->cb > arms->ca)) {
                    arms->ca = x;
                    arms->cb = y;
                }
                named_arm_before(t, a, ns1, arms);
                return v1 > v2 ? 1 : -1;
            }
            /* the arms: "in (the) A (group)" after each value */
            {
                const char *in = fmem(t->lower + ns1, at - ns1, " in ", 4);
                const char *wi = fmem(t->lower + ns1, at - ns1, " with ", 6);
                const char *fo = fmem(t->lower + ns1, at - ns1, " for ", 5);
                const char *q = in ? in : wi ? wi : fo;
                size_t e2 = after + used, lim;
                if (q && !(arms->ib > arms->ia)) {
                    size_t s0 = (size_t)(q - t->lower) + (q == wi ? 6 : q == fo ? 5 : 4), x = s0,
                           y = at;
                    trim_np(t, &x, &y);
                    if (y > x && word_count(t->s, x, y) <= 6) {
                        arms->ia = x;
                        arms->ib = y;
                    }
                }
                lim = e2 + 80 < b ? e2 + 80 : b;
                in = fmem(t->lower + e2, lim - e2, " in ", 4);
                wi = fmem(t->lower + e2, lim - e2, " with ", 6);
                fo = fmem(t->lower + e2, lim - e2, " for ", 5);
                q = in ? in : wi ? wi : fo;
                if (q && !(arms->cb > arms->ca)) {
                    size_t s0 = (size_t)(q - t->lower) + (q == wi ? 6 : q == fo ? 5 : 4), x = s0;
                    size_t y = np_end(t, s0, lim);
                    const char *g = fmem(t->lower + x, y - x, " group", 6);
                    if (g)
                        y = (size_t)(g - t->lower) + 6;
                    trim_np(t, &x, &y);
                    if (y > x && word_count(t->s, x, y) <= 6) {
                        arms->ca = x;
                        arms->cb = y;
                    }
                }
            }
            return v1 > v2 ? 1 : -1;
        }
    }
    return 0;
}

/* "group B was 1077 s" at @p x: where the value after a short arm name
 * and its verb starts (at most 4 words, no punctuation), else 0. */
static size_t named_value(const struct ftext *t, size_t x, size_t b)
{
    size_t k, lim = x + 40 < b ? x + 40 : b;

    if (!isalpha((unsigned char)t->s[x]))
        return 0;
    for (k = 0; k < N_BE; k++) {
        const char *v = fmem(t->lower + x, lim - x, copula[k], strlen(copula[k]));
        size_t e, i;
        if (!v)
            continue;
        e = (size_t)(v - t->lower);
        for (i = x; i < e; i++)
            if (!isalnum((unsigned char)t->s[i]) && t->s[i] != ' ' && t->s[i] != '-')
                return 0;
        if (word_count(t->s, x, e) > 4 || !arm_like(t, x, e))
            return 0;
        e += strlen(copula[k]);
        return e < b && isdigit((unsigned char)t->s[e]) ? e : 0;
    }
    return 0;
}

/* The first arm of "for group A was 280 s and ...": the words between
 * "for"/"in"/"with" and the verb before the value at @p v. */
static void named_arm_before(const struct ftext *t, size_t a, size_t v, struct arms *arms)
{
    static const char *const pre[] = { "for ", "in ", "with " };
    size_t k, from = v > a + 40 ? v - 40 : a;

    if (arms->ib > arms->ia)
        return;
    for (k = 0; k < sizeof pre / sizeof pre[0]; k++) {
        const char *q = NULL, *x;
        size_t xa, xb = v;
        for (x = t->lower + from; (x = fmem(x, (size_t)(t->lower + v - x), pre[k], strlen(pre[k]))); x++)
            if (x == t->lower + a || !isalnum((unsigned char)x[-1]))
                q = x;
        if (!q)
            continue;
        xa = (size_t)(q - t->lower) + strlen(pre[k]);
        trim_np(t, &xa, &xb);
        if (xb > xa && word_count(t->s, xa, xb) <= 4 && arm_like(t, xa, xb)
            && !memchr(t->s + xa, ',', xb - xa)) {
            arms->ia = xa;
            arms->ib = xb;
        }
        return;
    }
}

/* Past "of 629", "patients", "in the" at @p x (before @p b). */
static size_t skip_counted(const struct ftext *t, size_t x, size_t b)
{
    static const char *const lead[] = { "of", "patients", "participants", "subjects",
                                        "children", "women", "men", "cases", "people",
                                        "in the", "in", "from the", "of the" };
    size_t k;
    int again = 1;

    while (again && x < b) {
        again = 0;
        while (x < b && t->s[x] == ' ')
            x++;
        if (x + 4 < b && !strncmp(t->lower + x, "of ", 3) && isdigit((unsigned char)t->s[x + 3])) {
            x += 3;
            while (x < b && (isdigit((unsigned char)t->s[x]) || t->s[x] == ','))
                x++;
            again = 1;
            continue;
        }
        for (k = 1; k < sizeof lead / sizeof lead[0]; k++)
            if (starts_word(t->lower, b, x, lead[k])) {
                x += strlen(lead[k]);
                again = 1;
                break;
            }

    }
    return x;
}

/* A count with its percentage, "24 (34.2%)" or "Twelve (17.1%)", ending at
 * @p e (the ")"): the percentage in *v and where the count starts, else
 * 0. */
static size_t count_pct_before(const struct ftext *t, size_t a, size_t e, double *v)
{
    size_t o = e, c, used;

    if (e <= a + 4 || t->s[e - 1] != ')' || t->s[e - 2] != '%')
        return 0;
    while (o > a && t->s[o - 1] != '(' && e - o < 10)
        o--;
    if (o <= a + 1 || t->s[o - 1] != '(' || t->s[o - 2] != ' '
        || !lm_num_parse(t->s + o, e - 2 - o, v, &used) || o + used != e - 2)
        return 0;
    c = o - 2;
    while (c > a && isalnum((unsigned char)t->s[c - 1]))
        c--;
    return c < o - 2 ? c : 0;
}

/* "Twelve (17.1%) patients in the A group and 24 (34.2%) patients in the B
 * group had X", "X was reported by 20 (43%) A patients and 19 (55%) B
 * patients": the two arms' counts side by side.  Their percentages' order
 * (1 the first higher, -1 lower, 0 no such pair), the arms in *r and the
 * outcome (after the second arm's verb, else before the first count) in
 * [*oa, *ob). */
static int counted_pair(const struct ftext *t, size_t a, size_t b, struct arms *r, size_t *oa,
                        size_t *ob)
{

    static const char *const verb[] = { " had ", " developed ", " experienced ", " reported ",
                                        " showed ", " achieved ", " required ", " underwent " };
    const char *and;
    size_t from = a;

    for (; (and = fmem(t->lower + from, b - from, " and ", 5)); from = (size_t)(and - t->lower) + 1) {
        size_t at = (size_t)(and - t->lower), x, y, c1, k, pe, g;
        double v1, v2, nv;
        const char *close = NULL, *q;
        size_t used;
        /* the first arm: after the last "%)" within 60 characters */
        for (q = t->lower + (at > a + 60 ? at - 60 : a); (q = fmem(q, (size_t)(t->lower + at - q), "%)", 2)); q++)
            close = q;
        if (!close || !(c1 = count_pct_before(t, a, (size_t)(close - t->lower) + 2, &v1)))
            continue;
        x = skip_counted(t, (size_t)(close - t->lower) + 2, at);
        y = at;
        if (y > x + 9 && !strncmp(t->lower + y - 9, " patients", 9))
            y -= 9;     /* "20 (43%) A group patients": A group */
        trim_np(t, &x, &y);
        if (y <= x || word_count(t->s, x, y) > 5 || !arm_like(t, x, at))
            continue;
        /* the second: a count and its percentage right after "and" */
        pe = at + 5;
        while (pe < b && pe < at + 20 && t->s[pe] != ')')
            pe++;
        if (pe >= b || t->s[pe] != ')' || count_pct_before(t, at + 5, pe + 1, &v2) != at + 5
            || v1 == v2)
            continue;
        (void)nv;
        (void)used;
        r->ia = x;
        r->ib = y;
        r->ca = skip_counted(t, pe + 1, b);
        g = np_end(t, r->ca, b);
        {   /* "placebo group" ends at " group", a verb or a stop */
            const char *w = fmem(t->lower + r->ca, g - r->ca, " group", 6);
            const char *w2 = fmem(t->lower + r->ca, g - r->ca, " arm", 4);
            if (w2 && (!w || w2 < w))
                w = w2;
            if (w)
                g = (size_t)(w - t->lower) + (w == w2 ? 4 : 6);
        }
        for (k = 0; k < sizeof verb / sizeof verb[0]; k++) {
            const char *w = fmem(t->lower + r->ca, g - r->ca, verb[k], strlen(verb[k]));
            if (w && (size_t)(w - t->lower) < g)
                g = (size_t)(w - t->lower);
        }
        r->cb = g;
        trim_np(t, &r->ca, &r->cb);
        if (!(r->cb > r->ca) || word_count(t->s, r->ca, r->cb) > 5) {
            r->ia = r->ib = r->ca = r->cb = 0;
            continue;
        }
        *oa = *ob = 0;
        for (k = 0; k < sizeof verb / sizeof verb[0]; k++)
            if (!strncmp(t->lower + g, verb[k], strlen(verb[k]))) {
                *oa = g + strlen(verb[k]);
                *ob = np_end(t, *oa, b);
                break;
            }
        if (!(*ob > *oa)) {
            /* "X was reported by 20 (43%) ...", "X occurred in 12 (8%) ..." */
            size_t e = c1;
            while (e > a && t->s[e - 1] == ' ')
                e--;
            for (k = 0; k < N_BE; k++) {
                const char *w = fmem(t->lower + a, e - a, copula[k], strlen(copula[k]));
                if (w) {
                    e = (size_t)(w - t->lower);
                    break;
                }
            }
            if (k < N_BE || (e > a + 3 && !strncmp(t->lower + e - 3, " in", 3)
                             && (e -= 3, 1))) {
                *oa = a;
                *ob = e;
            }
        }
        trim_np(t, oa, ob);
        if (!(*ob > *oa)) {
            r->ia = r->ib = r->ca = r->cb = 0;
            continue;
        }
        return v1 > v2 ? 1 : -1;
    }
    return 0;
}

/* The last occurrence of @p nd in [a, b), or NULL. */
static const char *last_mem(const char *h, size_t a, size_t b, const char *nd)
{
    const char *p = NULL, *q;
    size_t m = strlen(nd);

    for (q = h + a; (q = fmem(q, (size_t)(h + b - q), nd, m)); q++)
        p = q;
    return p;
}

/* Two arms named in the order of the values that follow or precede them:
 * "in the A and B groups", "in A and B, respectively".  1 with the arms in
 * *r (first, second), 0 when the clause names no such pair. */
static int paired_arms(const struct ftext *t, size_t a, size_t b, struct arms *r)
{
    static const char *const ends[] = { " groups", " arms", " group", ", respectively",
                                        " respectively" };
    static const char *const ins[] = { "in the ", "for the ", "among the ", "between the ",
                                       "in ", "for ", "with ", "among " };
    size_t k, j;

    for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        const char *g = fmem(t->lower + a, b - a, ends[k], strlen(ends[k])), *and, *in = NULL;
        size_t ge, from, x, y, u, v;
        if (!g)
            continue;
        ge = (size_t)(g - t->lower);
        from = ge > a + 40 ? ge - 40 : a;
        if (!(and = last_mem(t->lower, from, ge, " and ")))
            continue;
        from = (size_t)(and - t->lower) > a + 40 ? (size_t)(and - t->lower) - 40 : a;
        for (j = 0; j < sizeof ins / sizeof ins[0] && !in; j++) {
            const char *q = last_mem(t->lower, from, (size_t)(and - t->lower), ins[j]);
            if (q && (q == t->lower + a || !isalnum((unsigned char)q[-1])))
                in = q + strlen(ins[j]);
        }
        if (!in)
            continue;
        x = (size_t)(in - t->lower);
        y = (size_t)(and - t->lower);
        u = y + 5;
        v = ge;
        trim_np(t, &x, &y);
        trim_np(t, &u, &v);
        if (y <= x || v <= u || word_count(t->s, x, y) > 4 || word_count(t->s, u, v) > 4
            || isdigit((unsigned char)t->s[x]) || isdigit((unsigned char)t->s[u])
            || memchr(t->s + x, ',', y - x) || memchr(t->s + u, ',', v - u))
            continue;
        r->ia = x;
        r->ib = y;
        r->ca = u;
        r->cb = v;
        return 1;
    }
    return 0;
}

/* Where a list item starting at @p x ends: np_end, or a list separator. */
static size_t item_end(const struct ftext *t, size_t x, size_t b)
{
    static const char *const sep[] = { ", ", " and ", " or " };
    size_t e = np_end(t, x, b), k;

    for (k = 0; k < sizeof sep / sizeof sep[0]; k++) {
        const char *p = fmem(t->lower + x, e - x, sep[k], strlen(sep[k]));
        if (p && (size_t)(p - t->lower) < e)
            e = (size_t)(p - t->lower);
    }
    return e;
}

/* Past a bracketed group right after @p x ("time (p = 0.02), stay"):
 * where the group closes, else @p x. */
static size_t bracket_end(const struct ftext *t, size_t x, size_t b)
{
    size_t i = x, depth = 0;

    if (i < b && t->s[i] == ' ')
        i++;
    if (i >= b || (t->s[i] != '(' && t->s[i] != '['))
        return x;
    for (; i < b && i < x + 200; i++) {
        if (t->s[i] == '(' || t->s[i] == '[')
            depth++;
        else if ((t->s[i] == ')' || t->s[i] == ']') && !--depth)
            return i + 1;
    }
    return x;
}

/* Do the items [is[k], ie[k]) name measures of opposite polarity (one
 * lower is better, one higher)? */
static int opposite_items(const struct ftext *t, const size_t *is, const size_t *ie, size_t n)
{
    size_t k;
    int lo = 0, hi = 0;

    for (k = 0; k < n; k++) {
        int cls = 0;
        if (pol_last(t->lower + is[k], ie[k] - is[k], &cls)) {
            lo |= cls < 0;
            hi |= cls > 0;
        }
    }
    return lo && hi;
}

/* Coordinated outcomes ("sore throat, dysphagia, hoarseness, and trauma";
 * "no difference in eradication rate, compliance or adverse events"): the
 * items of the phrase [oa, ob) and the list that continues it, when there
 * are two or more short ones; 0 when it is one outcome. */
static size_t outcome_items(const struct ftext *t, size_t oa, size_t ob, size_t b, size_t *is,
                            size_t *ie, size_t cap)
{
    static const char *const sep[] = { ", and ", ", or ", ", ", " and ", " or " };
    static const char *const nonitem[] = { "compared", "versus", "vs", "relative", "than", "when",
                                           "respectively", "which", "while", "whereas", "was",
                                           "were", "is", "are", "had", "did" };
    size_t n = 0, x = oa, k, commas = 0;

    if (ob <= oa)
        return 0;
    while (x < b && n < cap) {
        size_t e = item_end(t, x, b), y = e, xs = x;
        trim_np(t, &xs, &y);
        if (y <= xs || word_count(t->s, xs, y) > 6)
            break;
        if (t->s[y - 1] == '-')
            return 0;   /* "of A- and B-based treatment": one compound, no list */
        is[n] = xs;
        ie[n] = y;
        n++;
        x = bracket_end(t, e, b);
        if (x == e && e < b && t->s[e] == ' ') {
            /* "first attempt at insertion (A, 94% vs. B, 90%), time (...)":
             * a few words after a preposition run on to the item's bracket */
            static const char *const prep[] = { "at", "of", "on", "during", "after", "over",
                                                "within" };
            size_t j = e, w = 0, k2;
            for (k2 = 0; k2 < sizeof prep / sizeof prep[0]; k2++)
                if (starts_word(t->lower, b, e + 1, prep[k2]))
                    break;
            if (k2 == sizeof prep / sizeof prep[0])
                j = b;      /* a verb, a comparison: the item ends */
            while (j < b && w <= 4 && (isalpha((unsigned char)t->s[j]) || t->s[j] == ' '
                                       || t->s[j] == '-')) {
                w += t->s[j] == ' ';
                j++;
            }
            if (j < b && t->s[j] == '(' && w <= 4 && j > e + 1
                && word_count(t->s, xs, j - 1) <= 6 && bracket_end(t, j - 1, b) > j) {
                ie[n - 1] = j - 1;
                x = bracket_end(t, j - 1, b);
            }
        }
        for (k = 0; k < sizeof sep / sizeof sep[0]; k++)
            if (!strncmp(t->lower + x, sep[k], strlen(sep[k])))
                break;
        if (k == sizeof sep / sizeof sep[0] || x >= b)
            break;
        /* "two or more flares": a threshold, not a list */
        if (!strcmp(sep[k], " or ") && (starts_word(t->lower, b, x + 4, "more")
                                        || starts_word(t->lower, b, x + 4, "less")
                                        || starts_word(t->lower, b, x + 4, "fewer")))
            break;
        commas += sep[k][0] == ',';
        x += strlen(sep[k]);
        /* ", compared with B", ", respectively": no item */
        for (k = 0; k < sizeof nonitem / sizeof nonitem[0]; k++)
            if (starts_word(t->lower, b, x, nonitem[k]))
                break;
        if (k < sizeof nonitem / sizeof nonitem[0])
            break;
        if (x >= ob && e >= ob && !commas && n >= 1 && k >= 3 && x > ob + 1)
            break;     /* " and " after the phrase without a list: a new clause */
    }
    if (n < 2)
        return 0;
    /* "total and LDL cholesterol": one-word items joined by "and" are one
     * outcome, unless they are measures of opposite polarity ("depression
     * and functioning") */
    if (!commas && !opposite_items(t, is, ie, n))
        for (k = 0; k < n; k++)
            if (word_count(t->s, is[k], ie[k]) < 2)
                return 0;
    if (ie[n - 1] < ob)
        return 0;      /* the list did not reach the phrase's end */
    return n;
}

/* "in the changes of the measures of X", "in any of the variables": a
 * head that names no outcome before " of (the) " gives way to what
 * follows it. */
static void of_head(const struct ftext *t, size_t *oa, size_t *ob, size_t b)
{
    static const char *const head[] = { "the changes", "changes", "the change", "change",
                                        "any", "the differences", "differences" };
    size_t k, x;

    for (k = 0; k < sizeof head / sizeof head[0]; k++) {
        size_t n = strlen(head[k]);
        if (*ob == *oa + n && !strncmp(t->lower + *oa, head[k], n))
            break;
    }
    if (k == sizeof head / sizeof head[0] || *ob + 4 >= b || strncmp(t->lower + *ob, " of ", 4))
        return;
    x = *ob + 4;
    if (starts_word(t->lower, b, x, "the"))
        x += 4;
    if (x < b && isalpha((unsigned char)t->s[x])) {
        *oa = x;
        *ob = np_end(t, x, b);
    }
}

/* Does a ratio estimate follow the cue closely ("lower education (OR =
 * 2.4"): then the cue names the exposure's level, the ratio the outcome's
 * direction. */
static int ratio_after(const struct ftext *t, size_t e, size_t b)
{
    static const char *const w[] = { "(or", "(aor", "(hr", "(ahr", "(rr", "(adjusted", "odds ratio",
                                     "(odds", "(hazard", "(relative risk", "(risk ratio" };
    size_t k, lim = e + 40 < b ? e + 40 : b;

    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (fmem(t->lower + e, lim - e, w[k], strlen(w[k])))
            return 1;
    return 0;
}

/* "In the X group, ...", "At week 12, ...": the clause's subject starts
 * after a leading phrase. */
static void strip_lead(const struct ftext *t, size_t *sa, size_t sb)
{
    static const char *const lead[] = { "in ", "at ", "after ", "by ", "during ",
        "compared", "relative", "versus", "among ", "for ", "on ", "within ",
        "however", "moreover", "furthermore", "overall", "in addition",
        "additionally", "similarly", "thus", "finally", "also", "when ",
        "following ", "over ", "from ", "with ", "unlike ", "as ", "of ",
        "importantly", "notably", "consequently", "interestingly", "in contrast" };
    const char *comma = memchr(t->s + *sa, ',', sb > *sa ? sb - *sa : 0);
    size_t k;

    if (!comma || (size_t)(comma - t->s) >= *sa + 70 || (size_t)(comma - t->s) + 2 >= sb)
        return;
    /* "After treatment the KPS is 81 in A, and 76 in B": a clause with its
     * verb before the comma, no lead phrase */
    {
        static const char *const verb[] = { " is ", " are ", " was ", " were " };
        size_t n = (size_t)(comma - t->s) - *sa;
        for (k = 0; k < sizeof verb / sizeof verb[0]; k++)
            if (fmem(t->lower + *sa, n, verb[k], strlen(verb[k])))
                return;
    }
    for (k = 0; k < sizeof lead / sizeof lead[0]; k++)
        if (!strncmp(t->lower + *sa, lead[k], strlen(lead[k]))) {
            *sa = (size_t)(comma - t->s) + 1;
            return;
        }
}

/* Is the cue [qs, qe) a verb in the active voice ("X reduced Y"): a verb
 * form, not after "was"/"were"/"be"? */
static int active_verb(const struct ftext *t, size_t a, size_t qs, size_t qe)
{
    static const char *const adv[] = { "significantly", "markedly", "substantially", "greatly",
                                       "also", "further", "statistically", "considerably",
                                       "dramatically", "slightly", "modestly", "both" };
    static const char *const pass[] = { "was", "were", "is", "are", "been", "be", "being",
                                        "remained", "became", "got", "not" };
    static const char *const modal[] = { "could", "can", "may", "might" };
    const char *w = t->lower + qs;
    size_t n = qe - qs, e = qs, s, k;
    int again = 1, base;

    if (n < 4)
        return 0;
    /* "A could improve X": a base form after a modal */
    base = !((w[n - 2] == 'e' && w[n - 1] == 'd') || w[n - 1] == 's');
    if (!strncmp(w, "less", 4) || !strncmp(w, "improvements", 12) || !strncmp(w, "reductions", 10)
        || !strncmp(w, "gains", 5) || !strncmp(w, "increases", 9) || !strncmp(w, "decreases", 9))
        return 0;
    while (again) {
        again = 0;
        while (e > a && t->s[e - 1] == ' ')
            e--;
        s = e;
        while (s > a && isalpha((unsigned char)t->lower[s - 1]))
            s--;
        if (s == e)     /* "X (group 3) reduced Y": the bracket ends the subject */
            return e > a && (t->s[e - 1] == ')' || t->s[e - 1] == ']');
        for (k = 0; k < sizeof adv / sizeof adv[0]; k++)
            if (e - s == strlen(adv[k]) && !strncmp(t->lower + s, adv[k], e - s)) {
                e = s;
                again = 1;
                break;
            }
    }
    for (k = 0; k < sizeof pass / sizeof pass[0]; k++)
        if (e - s == strlen(pass[k]) && !strncmp(t->lower + s, pass[k], e - s))
            return 0;
    if (base) {
        for (k = 0; k < sizeof modal / sizeof modal[0]; k++)
            if (e - s == strlen(modal[k]) && !strncmp(t->lower + s, modal[k], e - s))
                break;
        if (k == sizeof modal / sizeof modal[0] || s <= a)
            return 0;
    }
    return s > a || e > a;
}

/* "The primary outcome, X, was ...": the outcome [*oa, *ob) named by its
 * role is X, the phrase set off by commas after it. */
static void apposition(const struct ftext *t, size_t *oa, size_t *ob, size_t b)
{
    static const char *const role[] = { "primary", "main", "secondary", "principal" };
    static const char *const noun[] = { "outcome measure", "outcome", "end-point", "endpoint",
                                        "end point", "efficacy variable", "variable" };
    size_t k, x = *oa, y;
    const char *cm;

    for (k = 0; k < sizeof role / sizeof role[0]; k++)
        if (starts_word(t->lower, b, x, role[k]))
            break;
    if (k == sizeof role / sizeof role[0])
        return;
    x += strlen(role[k]) + 1;
    for (k = 0; k < sizeof noun / sizeof noun[0]; k++)
        if (!strncmp(t->lower + x, noun[k], strlen(noun[k])))
            break;
    if (k == sizeof noun / sizeof noun[0])
        return;
    x += strlen(noun[k]);
    if (x < b && t->lower[x] == 's')
        x++;
    if (x + 2 >= b || t->s[x] != ',' || t->s[x + 1] != ' ')
        return;
    x += 2;
    if (!(cm = memchr(t->s + x, ',', b - x)) || (size_t)(cm - t->s) > x + 80)
        return;
    y = (size_t)(cm - t->s);
    trim_np(t, &x, &y);
    if (y > x) {
        *oa = x;
        *ob = y;
    }
}

/* The word before *@p e (not before @p a): *e moves back over spaces to
 * its end; its start is returned (*e itself when there is none). */
static size_t prev_word(const struct ftext *t, size_t a, size_t *e)
{
    size_t s;

    while (*e > a && t->s[*e - 1] == ' ')
        (*e)--;
    s = *e;
    while (s > a && isalpha((unsigned char)t->lower[s - 1]))
        s--;
    return s;
}

/* Does a verb of having or showing come right before the cue at @p qs
 * ("patients in the A group had (a significantly) higher X", "A resulted
 * in less X")?  Where the verb starts, plus 1; 0 when none. */
static size_t have_verb_before(const struct ftext *t, size_t a, size_t qs)
{
    static const char *const skip[] = { "a", "an", "the", "significantly", "statistically",
                                        "significant", "also", "markedly" };
    static const char *const verb[] = { "had", "has", "have", "showed", "shown", "show", "shows",
                                        "demonstrated", "exhibited", "experienced", "displayed",
                                        "achieved", "reported", "presented", "required", "needed",
                                        "received", "gained", "obtained", "developed",
                                        "produced", "caused", "induced", "yielded", "provided",
                                        "gave", "offered" };
    /* "resulted in", "led to" */
    static const char *const verb2[] = { "resulted in", "results in", "result in", "led to",
                                         "leads to", "lead to" };
    size_t e = qs, s, k;

    for (;;) {
        s = prev_word(t, a, &e);
        if (s == e)
            return 0;
        for (k = 0; k < sizeof skip / sizeof skip[0]; k++)
            if (e - s == strlen(skip[k]) && !strncmp(t->lower + s, skip[k], e - s))
                break;
        if (k == sizeof skip / sizeof skip[0])
            break;
        e = s;
    }
    for (k = 0; k < sizeof verb / sizeof verb[0]; k++)
        if (e - s == strlen(verb[k]) && !strncmp(t->lower + s, verb[k], e - s))
            return s + 1;
    for (k = 0; k < sizeof verb2 / sizeof verb2[0]; k++) {
        size_t n = strlen(verb2[k]);
        if (e >= a + n && !strncmp(t->lower + e - n, verb2[k], n)
            && (e - n == a || !isalnum((unsigned char)t->lower[e - n - 1])))
            return e - n + 1;
    }
    return 0;
}

/* Does an adverb in -ly begin at @p x ("increased dose-dependently",
 * "rose steadily"): no noun after a verb cue. */
static int adverb_at(const struct ftext *t, size_t x, size_t b)
{
    static const char *const adj[] = { "likely", "unlikely", "early", "elderly", "daily",
                                       "weekly", "monthly", "yearly", "nightly", "hourly",
                                       "friendly", "costly", "family", "supply", "assembly" };
    static const char *const prep[] = { "in", "at", "from", "by", "with", "after", "during",
                                        "over", "compared", "than", "to", "among", "between",
                                        "within", "when", "following", "versus", "vs",
                                        "relative", "across", "until", "throughout" };
    size_t e = x, k;

    while (e < b && (isalpha((unsigned char)t->lower[e]) || t->lower[e] == '-'))
        e++;
    if (e < x + 4 || t->lower[e - 2] != 'l' || t->lower[e - 1] != 'y'
        || (e < b && isalnum((unsigned char)t->lower[e])))
        return 0;
    for (k = 0; k < sizeof adj / sizeof adj[0]; k++)
        if (e - x == strlen(adj[k]) && !strncmp(t->lower + x, adj[k], e - x))
            return 0;
    /* "more racially and ethnically diverse": an adverb before its
     * adjective; one that ends the verb's phrase has no word after it but
     * a preposition */
    while (e < b && t->s[e] == ' ')
        e++;
    if (e < b && isalpha((unsigned char)t->s[e]))
        for (k = 0; k < sizeof prep / sizeof prep[0]; k++)
            if (starts_word(t->lower, b, e, prep[k]))
                return 1;
    return e >= b || !isalpha((unsigned char)t->s[e]);
}

/* Does a verb cue ending at @p qe take no object ("X increased over time",
 * "X decreased in the A group (P < 0.01)")? */
static int intransitive(const struct ftext *t, size_t qe, size_t b)
{
    static const char *const w[] = { "over", "in", "from", "by", "after", "during", "at", "with",
                                     "among", "compared", "than", "to", "across", "until",
                                     "between", "within", "significantly", "only", "more",
                                     "less", "relative", "versus", "vs", "when", "following" };
    size_t i = qe, k;

    while (i < b && t->s[i] == ' ')
        i++;
    if (i >= b || !isalpha((unsigned char)t->s[i]) || adverb_at(t, i, b))
        return 1;
    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (starts_word(t->lower, b, i, w[k]))
            return 1;
    return 0;
}

/* "... an effect of X on OUTCOME", "... a difference in OUTCOME" after the
 * cue. */
static int effect_on(const struct ftext *t, size_t qe, size_t b, size_t *oa, size_t *ob)
{
    static const struct { const char *noun, *prep; } np[] = {
        { "effect", " on " }, { "impact", " on " }, { "influence", " on " },
        { "benefit", " on " }, { "benefit", " in " }, { "difference", " in " },
        { "difference", " for " }, { "change", " in " }, { "improvement", " in " },
        { "reduction", " in " }, { "increase", " in " }, { "effect", " in " },
    };
    size_t k, lim = qe + 60 < b ? qe + 60 : b;

    for (k = 0; k < sizeof np / sizeof np[0]; k++) {
        const char *p = fmem(t->lower + qe, lim - qe, np[k].noun, strlen(np[k].noun)), *q;
        if (!p)
            continue;
        q = fmem(p, (size_t)(t->lower + b - p), np[k].prep, strlen(np[k].prep));
        if (!q || q - p > 60)
            continue;
        *oa = (size_t)(q - t->lower) + strlen(np[k].prep);
        *ob = np_end(t, *oa, b);
        return *ob > *oa;
    }
    return 0;
}

/* A quantity word of a threshold, not a comparison: "one or more",
 * "more than 3 days", "no less than". */
static int threshold_word(const struct ftext *t, size_t a, const struct hit *h)
{
    const char *w = t->lower + h->s;
    size_t e = h->e;

    if (h->s >= a + 3 && (!strncmp(w - 3, "or ", 3) || !strncmp(w - 3, "no ", 3))
        && (h->s == a + 3 || !isalnum((unsigned char)w[-4])))
        return 1;
    /* "at least 3", "a minimum of 2 weeks" */
    if ((h->s >= 3 && !strncmp(w - 3, "at ", 3) && !strncmp(w, "least", 5))
        || (!strncmp(w, "minimum", 7) && e + 4 <= t->len && !strncmp(t->lower + e, " of ", 4)))
        return 1;
    if (e + 6 < t->len && !strncmp(t->lower + e, " than ", 6)) {
        unsigned char c = (unsigned char)t->lower[e + 6];
        if (isdigit(c) || c == 0xe2 /* >=, <= */ || !strncmp(t->lower + e + 6, "half", 4)
            || !strncmp(t->lower + e + 6, "one ", 4) || !strncmp(t->lower + e + 6, "two ", 4)
            || !strncmp(t->lower + e + 6, "three ", 6))
            return 1;
    }
    return 0;
}

/* The long form of the abbreviation @p ab (@p n bytes) where the text
 * defines it, "long form (AB)": [*la, *lb) in the normalised text, the
 * letters of the abbreviation found in order from the end of the long
 * form back, its first letter at a word's start (Schwartz and Hearst). */
static int abbrev_long(const struct ftext *t, const char *ab, size_t n, size_t *la, size_t *lb)
{
    size_t from = 0;

    for (;;) {
        const char *p = fmem(t->s + from, t->len - from, ab, n);
        size_t open, wa, k, si, li, words = 0;
        if (!p)
            return 0;
        open = (size_t)(p - t->s);
        from = open + 1;
        if (open < 2 || t->s[open - 1] != '(' || open + n >= t->len || t->s[open + n] != ')'
            || t->s[open - 2] != ' ')
            continue;
        /* at most min(n + 5, 2n) words back */
        wa = open - 2;
        while (wa > 0 && words < (n + 5 < 2 * n ? n + 5 : 2 * n)) {
            if (t->s[wa - 1] == '.' || t->s[wa - 1] == ';' || t->s[wa - 1] == ','
                || t->s[wa - 1] == '(' || t->s[wa - 1] == ')' || t->s[wa - 1] == ':')
                break;
            if (t->s[wa - 1] == ' ')
                words++;
            wa--;
        }
        si = n;
        li = open - 2;
        while (si > 0) {
            unsigned char c = (unsigned char)tolower((unsigned char)ab[si - 1]);
            if (!isalnum(c)) {
                si--;
                continue;
            }
            while (li > wa && ((unsigned char)tolower((unsigned char)t->s[li - 1]) != c
                               || (si == 1 && li - 1 > wa
                                   && isalnum((unsigned char)t->s[li - 2]))))
                li--;
            if (li <= wa)
                break;
            li--;
            si--;
        }
        if (si > 0)
            continue;
        k = li;
        if (open - 2 - k < n + 2)
            continue;   /* "(PF)" after two words "p f": too short to be a long form */
        *la = k;
        *lb = open - 2;
        return 1;
    }
}

/* "PF episodes" where the text defines "pain-free (PF)": the outcome
 * names the long form with the abbreviation, "pain-free (PF) episodes". */
static char *outcome_abbrev(const struct ftext *t, char *o)
{
    size_t i = 0, n = o ? strlen(o) : 0;

    while (i < n) {
        size_t j = i, caps = 0, la, lb;
        while (j < n && (isalnum((unsigned char)o[j]) || o[j] == '-'))
            caps += isupper((unsigned char)o[j++]) != 0;
        /* "baPWV" (small letters first), "HTLs" (a plural of "HTL") */
        if (j > i && j - i >= 2 && j - i <= 8 && caps >= 2
            && !(i > 0 && o[i - 1] == '(') && !(j < n && o[j] == ')')
            && (abbrev_long(t, o + i, j - i, &la, &lb)
                || (o[j - 1] == 's' && caps == j - i - 1
                    && abbrev_long(t, o + i, j - i - 1, &la, &lb)))) {
            char *lf = orig_dup(t, la, lb), *r;
            size_t m;
            if (!lf)
                return o;
            if (strstr(o, lf)) {
                free(lf);
                return o;
            }
            m = i + strlen(lf) + 2 + (j - i) + 1 + (n - j) + 1;
            if ((r = malloc(m))) {
                snprintf(r, m, "%.*s%s (%.*s)%s", (int)i, o, lf, (int)(j - i), o + i, o + j);
                free(o);
                o = r;
            }
            free(lf);
            return o;
        }
        i = j > i ? j : i + 1;
    }
    return o;
}

/* The outcome @p o of the clause [a, b) named with the clause's own time
 * point when it has one outside the outcome ("odds ... (at 12 months)"):
 * each time point with its own result is its own finding. */
static char *outcome_timepoint(const struct ftext *t, size_t a, size_t b, size_t oa, size_t ob,
                               char *o)
{
    const struct hit *h = find_cue(t, C_FU_AT, a, b);
    char *tp, *r;
    size_t m;

    if (!o || !h || (h->s >= oa && h->s < ob) || strchr(o, '(') || h->e - h->s > 40)
        return o;
    if (!(tp = orig_dup(t, h->s, h->e)))
        return o;
    m = strlen(o) + strlen(tp) + 4;
    if (tp[0] == ',' || strstr(o, tp + (tp[0] == ' '))) {
        free(tp);
        return o;
    }
    if ((r = malloc(m))) {
        snprintf(r, m, "%s (%s)", o, tp);
        free(o);
        o = r;
    }
    free(tp);
    return o;
}

/* "higher doses", "a lower dose": the cue names an arm of a dose
 * comparison, not the direction of the finding */
static int dose_arm_word(const struct ftext *t, const struct hit *h)
{
    const char *w = t->lower + h->s;

    if (strncmp(w, "higher", 6) && strncmp(w, "lower", 5) && strncmp(w, "greater", 7)
        && strncmp(w, "larger", 6))
        return 0;
    return h->e + 5 <= t->len && t->lower[h->e] == ' '
           && (!strncmp(t->lower + h->e + 1, "dose", 4) || !strncmp(t->lower + h->e + 1, "dosing", 6));
}

/* A superlative ("lowest", "least", "minimum") is a direction only as a
 * predicate: "was lowest", "had the lowest X"; "the lowest SpO2 was
 * higher" names the outcome. */
static int superlative_ok(const struct ftext *t, size_t a, const struct hit *h)
{
    static const char *const verb[] = { "was", "were", "is", "are", "be", "had", "has", "have",
                                        "showed", "achieved", "reported", "with" };
    const char *w = t->lower + h->s;
    size_t n = h->e - h->s, s, e = h->s, k;
    int the = 0;

    if (!(n > 3 && !strncmp(w + n - 3, "est", 3)) && strncmp(w, "least", 5)
        && strncmp(w, "minimum", 7))
        return 1;
    for (;;) {
        s = prev_word(t, a, &e);
        if (s == e)
            return 0;
        if (!the && e - s == 3 && !strncmp(t->lower + s, "the", 3)) {
            the = 1;
            e = s;
            continue;
        }
        break;
    }
    for (k = 0; k < sizeof verb / sizeof verb[0]; k++)
        if (e - s == strlen(verb[k]) && !strncmp(t->lower + s, verb[k], e - s))
            return the || k < 5;
    return 0;
}

/* Is the cue a comparative of quantity ("greater", "more", "less")? */
static int comparative(const struct ftext *t, const struct hit *h)
{
    static const char *const w[] = { "greater", "larger", "more", "less", "smaller", "fewer",
                                     "bigger" };
    size_t k, n = h->e - h->s;

    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (n == strlen(w[k]) && !strncmp(t->lower + h->s, w[k], n))
            return 1;
    return 0;
}

/* "rose by approximately 11%", "fell by 2.3 points": a verb cue ending at
 * @p e with the size of its change, a result. */
static int quantified(const struct ftext *t, size_t e, size_t b)
{
    static const char *const adv[] = { "approximately ", "about ", "nearly ", "almost ",
                                       "around ", "up to ", "an average of ", "a mean of ",
                                       "a median of " };
    size_t k;

    if (e + 5 >= b || strncmp(t->lower + e, " by ", 4))
        return 0;
    e += 4;
    for (k = 0; k < sizeof adv / sizeof adv[0]; k++)
        if (!strncmp(t->lower + e, adv[k], strlen(adv[k]))) {
            e += strlen(adv[k]);
            break;
        }
    return e < b && isdigit((unsigned char)t->s[e]);
}

/* "increased in the A group only (between-group difference P = 0.19)":
 * the test between the groups decides the significance of the clause,
 * not the change within one. */
static void between_p(const struct ftext *t, size_t a, size_t b, int *sig, int *ns)
{
    static const char *const w[] = { "between-group", "between group", "between the groups",
                                     "between groups", "between the two groups" };
    size_t k, i;

    if (!(*sig && *ns))
        return;     /* one verdict only: nothing to choose */
    for (k = 0; k < sizeof w / sizeof w[0]; k++) {
        const char *q = fmem(t->lower + a, b - a, w[k], strlen(w[k]));
        size_t lim;
        if (!q)
            continue;
        i = (size_t)(q - t->lower) + strlen(w[k]);
        lim = i + 40 < b ? i + 40 : b;
        for (; i < lim; i++) {
            int s2, n2;
            double v;
            char op[3];
            if (t->lower[i] != 'p' || isalnum((unsigned char)t->lower[i - 1]))
                continue;
            clause_p(t, i, lim, &s2, &n2, &v, op);
            if (s2 != n2) {
                *sig = s2;
                *ns = n2;
            }
            return;
        }
    }
}

/* The outcome of the sentence's last finding, when it ended before @p at
 * and not long ago, into [*oa, *ob). */
static int last_outcome(const struct ftext *t, size_t at, size_t *oa, size_t *ob)
{
    if (!(t->last_ob > t->last_oa) || t->last_ob > at || at - t->last_ob > 160
        || t->last_oa < t->sent_a)
        return 0;
    *oa = t->last_oa;
    *ob = t->last_ob;
    return 1;
}

/* The subject from @p a up to the verb that starts at @p hv - 1 ("A showed
 * a reduction in X") as the intervention arm, when it is a short noun
 * phrase (six words at most) once its lead words are stripped. */
static void subject_arm(const struct ftext *t, size_t a, size_t hv, struct arms *arms)
{
    size_t sa = a, sb = hv - 1;

    strip_lead(t, &sa, sb);
    trim_np(t, &sa, &sb);
    if (sb > sa && word_count(t->s, sa, sb) <= 6) {
        arms->ia = sa;
        arms->ib = sb;
    }
}

/* "X rose in both groups, with greater increase in the A group": the
 * phrase [*oa, *ob) after a comparative change is an arm, the outcome the
 * one before; the arm into @p arms. */
static int elided_in_arm(const struct ftext *t, size_t *oa, size_t *ob, size_t b,
                         struct arms *arms)
{
    size_t x = *oa, y = *ob;
    const char *g;

    if (y <= x)
        return 0;
    if ((g = fmem(t->lower + x, b - x, " group", 6)) && (size_t)(g - t->lower) <= y + 1)
        y = group_code_end(t, (size_t)(g - t->lower) + 6, b);
    trim_np(t, &x, &y);
    if (y <= x || word_count(t->s, x, y) > 6 || !arm_like(t, x, y) || control_like_span(t, x, y)
        || !last_outcome(t, x, oa, ob))
        return 0;
    arms->ia = x;
    arms->ib = y;
    return 1;
}

/* After a change noun at @p qe: "were found (in the A group) for
 * OUTCOME": the outcome in [*oa, *ob), the arm into @p arms when the
 * clause named none ("improvements in favour of A were present for
 * OUTCOME" names A; "more decrease was seen in the A group" the outcome
 * before); 0 when the clause is not so. */
static int found_for(const struct ftext *t, size_t qe, size_t b, size_t *oa, size_t *ob,
                     struct arms *arms)
{
    static const char *const seen[] = { " were found", " was found", " were observed",
                                        " was observed", " were seen", " was seen", " were noted",
                                        " was noted", " were reported", " was reported",
                                        " were present", " was present", " were evident",
                                        " was evident" };
    static const char *const favour[] = { " in favor of ", " in favour of " };
    size_t k, x = 0, ia = 0, ib = 0, from = qe;

    /* "improvements in favour of A were present for OUTCOME": A the arm */
    for (k = 0; k < sizeof favour / sizeof favour[0]; k++)
        if (!strncmp(t->lower + qe, favour[k], strlen(favour[k]))) {
            from = qe + strlen(favour[k]);
            break;
        }
    for (k = 0; k < sizeof seen / sizeof seen[0]; k++) {
        if (from == qe) {
            if (!strncmp(t->lower + qe, seen[k], strlen(seen[k]))) {
                x = qe + strlen(seen[k]);
                break;
            }
        } else {
            size_t lim = from + 60 < b ? from + 60 : b;
            const char *v = fmem(t->lower + from, lim - from, seen[k], strlen(seen[k]));
            if (v && (!x || (size_t)(v - t->lower) < ib)) {
                ia = from;
                ib = (size_t)(v - t->lower);
                x = ib + strlen(seen[k]);
            }
        }
    }
    if (!x)
        return 0;
    if (ib > ia) {
        trim_np(t, &ia, &ib);
        if (ib <= ia || word_count(t->s, ia, ib) > 6)
            return 0;
    }
    if (!strncmp(t->lower + x, " in the ", 8) || !strncmp(t->lower + x, " in ", 4)) {
        size_t s0 = x + (t->lower[x + 4] == 't' && t->lower[x + 5] == 'h' ? 8 : 4), e0;
        const char *g;
        e0 = np_end(t, s0, b);
        if ((g = fmem(t->lower + s0, e0 - s0, " group", 6)))
            e0 = group_code_end(t, (size_t)(g - t->lower) + 6, b);
        if (e0 > s0 && arm_like(t, s0, e0)) {
            ia = s0;
            ib = e0;
            trim_np(t, &ia, &ib);
            x = e0;
        }
    }
    if (strncmp(t->lower + x, " for ", 5) && strncmp(t->lower + x, " in ", 4)) {
        /* "X fell in both groups, but more decrease was seen in the A
         * group": the outcome is the one before */
        if (!(ib > ia) || !last_outcome(t, qe, oa, ob))
            return 0;
    } else {
        *oa = x + (t->lower[x + 1] == 'f' ? 5 : 4);
        *ob = np_end(t, *oa, b);
        if (*ob <= *oa)
            return 0;
    }
    if (ib > ia && !(arms->ib > arms->ia)) {
        arms->ia = ia;
        arms->ib = ib;
    }
    return 1;
}

static int bracket_depth(const struct ftext *t, size_t a, size_t e);

/* "Five patients (16%) in A and one (3%) in B had OUTCOME": a subject that
 * counts participants in the arms names the outcome after its verb; where
 * that outcome starts, else 0. */
/* "After the treatment the KPS was ...", "In the A group the X was ...":
 * a lead phrase without its comma ends before a second "the"; where the
 * subject begins, else @p a. */
static size_t lead_before_the(const struct ftext *t, size_t a, size_t b)
{
    static const char *const lead[] = { "after", "at", "during", "following", "in", "by",
                                        "over", "within" };
    size_t k, x, lim;
    const char *p;

    for (k = 0; k < sizeof lead / sizeof lead[0]; k++)
        if (starts_word(t->lower, b, a, lead[k]))
            break;
    if (k == sizeof lead / sizeof lead[0])
        return a;
    x = a + strlen(lead[k]) + 1;
    if (starts_word(t->lower, b, x, "the"))
        x += 4;
    lim = b < x + 40 ? b : x + 40;
    if (x >= lim || !(p = fmem(t->lower + x, lim - x, " the ", 5)))
        return a;
    for (; x < (size_t)(p - t->lower); x++)
        if (!isalpha((unsigned char)t->s[x]) && t->s[x] != ' ' && t->s[x] != '-')
            return a;
    return (size_t)(p - t->lower) + 1;
}

/* "There were 120 and 101 EVENTS in A and B (HR ...)": where the events
 * named after the counts begin, else @p a. */
static size_t there_counts(const struct ftext *t, size_t a, size_t b)
{
    static const char *const sep[] = { "and", "vs", "vs.", "versus", "or" };
    size_t x = a, nums = 0, k;

    if (starts_word(t->lower, b, x, "there were"))
        x += 11;
    else if (starts_word(t->lower, b, x, "there was"))
        x += 10;
    else
        return a;
    for (;;) {
        size_t y = x;
        while (y < b && (isdigit((unsigned char)t->s[y]) || t->s[y] == '.' || t->s[y] == ','
                         || t->s[y] == '%'))
            y++;
        if (y > x && isdigit((unsigned char)t->s[x])) {
            nums++;
            x = y;
            while (x < b && t->s[x] == ' ')
                x++;
            continue;
        }
        for (k = 0; k < sizeof sep / sizeof sep[0]; k++)
            if (nums && starts_word(t->lower, b, x, sep[k])) {
                x += strlen(sep[k]) + 1;
                break;
            }
        if (k == sizeof sep / sizeof sep[0])
            break;
    }
    return nums >= 2 && x < b && isalpha((unsigned char)t->s[x]) ? x : a;
}

static size_t counted_outcome(const struct ftext *t, size_t a, size_t b)
{
    static const struct word verb[] = {
        W(" had "), W(" reported "), W(" developed "), W(" experienced "), W(" achieved "),
        W(" required "), W(" needed "), W(" suffered "), W(" showed "), W(" presented with "),
        W(" underwent "), W(" were still in "), W(" remained in "),
    };
    size_t k, lim = b < a + 160 ? b : a + 160, at = 0, used;
    double v;

    if (!lm_num_any(t->s + a, b - a, &v, &used))
        return 0;
    for (k = 0; k < sizeof verb / sizeof verb[0]; k++) {
        const char *p = fmem(t->lower + a, lim - a, verb[k].w, verb[k].n);
        if (p && (!at || (size_t)(p - t->lower) + verb[k].n < at)
            && (size_t)(p - t->lower) + verb[k].n < b)
            at = (size_t)(p - t->lower) + verb[k].n;
    }
    if (!at || !(fmem(t->lower + a, at - a, " in ", 4) || fmem(t->lower + a, at - a, " of the ", 8))
        || !isalpha((unsigned char)t->s[at]))
        return 0;
    return at;
}

/* One finding from the clause [a, b) of a results part; *npri counts the
 * primary findings of the text. */
/* Does an aim, a plan or a speculation make [a, b) no finding?  In the
 * results a modal with its own p value reports one ("A could improve X
 * more effectively than B (p = 0.04)"). */
static int aim_clause(const struct ftext *t, size_t a, size_t b, enum part part)
{
    static const char *const modal[] = { "may ", "might ", "could ", "can " };
    static const char *const pv[] = { "p =", "p=", "p <", "p<", "p \xe2\x89\xa4", "p\xe2\x89\xa4" };
    const findings_rules *f = t->f;
    size_t i, k;
    int p = -1;

    for (i = first_hit(f, a); i < f->nh; i++) {
        const struct hit *h = &f->hits[i];
        if (h->s >= b)
            break;
        if (h->s < a || h->e > b || frules[h->rule].cue != C_AIM)
            continue;
        for (k = 0; part == P_RESULTS && k < sizeof modal / sizeof modal[0]; k++)
            if (!strncmp(t->lower + h->s, modal[k], strlen(modal[k])))
                break;
        if (part != P_RESULTS || k == sizeof modal / sizeof modal[0])
            return 1;
        if (p < 0)
            for (p = 0, k = 0; !p && k < sizeof pv / sizeof pv[0]; k++)
                p = fmem(t->lower + a, b - a, pv[k], strlen(pv[k])) != NULL;
        if (!p)
            return 1;
    }
    return 0;
}

/* " than anticipated", " than expected" at @p e: a comparison with a
 * plan or an expectation. */
static int than_expected(const struct ftext *t, size_t e, size_t b)
{
    static const char *const w[] = { "anticipated", "expected", "predicted", "planned",
                                     "assumed", "hypothesized", "hypothesised", "projected" };
    size_t k;

    if (e + 6 >= b || strncmp(t->lower + e, " than ", 6))
        return 0;
    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (starts_word(t->lower, b, e + 6, w[k]))
            return 1;
    return 0;
}

/* "Pain scores and opioid use were similar during the first 4 days": in
 * the results, an outcome that "was/were similar/comparable" without "to"
 * or "with" after it compares the study's arms though none is named. */
static int similar_predicate(const struct ftext *t, size_t a, const struct hit *h, size_t b,
                             enum part part)
{
    size_t e = h->e;

    if (part != P_RESULTS || h->s < a + 8)
        return 0;
    if (strncmp(t->lower + h->s - 5, " was ", 5) && strncmp(t->lower + h->s - 6, " were ", 6))
        return 0;
    if (strncmp(t->lower + h->s, "similar", 7) && strncmp(t->lower + h->s, "comparable", 10))
        return 0;
    return !(e + 4 <= b && (!strncmp(t->lower + e, " to ", 4) || !strncmp(t->lower + e, " with ", 6)
                            || !strncmp(t->lower + e, " in ", 4) || !strncmp(t->lower + e, " among ", 7)));
}

static lm_err clause_finding(struct ftext *t, size_t a, size_t b, int after_except,
                             enum part part, size_t la, size_t lb)
{
    const findings_rules *f = t->f;
    const struct hit *neg = NULL, *dir = NULL, *bdir = NULL, *h;
    size_t i, oa = 0, ob = 0;
    int sig = 0, ns = 0, direction = 0, significant = -1, within, flip = 0, ratio, vs = 0;
    int whole = 0;  /* a long list of outcomes kept as one */
    int reducing = 0;  /* "A was superior to B in reducing X": X decreased */
    size_t cpa = 0, cpb = 0;  /* the outcome of two arms' counts side by side */
    int lead_arms = 0;  /* the arms are the lead clause's */
    size_t subj_arm_a = 0, subj_arm_b = 0;  /* "the increase in A was higher": A */
    size_t cmp_s = 0, cmp_e = 0;  /* the comparative before a change noun */
    struct arms varms = { 0, 0, 0, 0 };
    double p;
    char op[3];
    const char *rule;
    lm_extraction *e;
    struct arms arms;

    while (a < b && is_space(t->s[a]))
        a++;
    if (b <= a + 8)
        return LM_OK;
    if (has_cue(t, C_BACKGROUND, a, b) || aim_clause(t, a, b, part)
        || has_cue(t, C_CORREL, a, b))
        return LM_OK;
    for (i = first_hit(f, a); i < f->nh; i++) {
        h = &f->hits[i];
        if (h->s >= b)
            break;
        if (h->s < a || h->e > b)
            continue;
        if (!neg && is_neg_cue(frules[h->rule].cue))
            neg = h;
        if (!dir && (frules[h->rule].cue == C_INC || frules[h->rule].cue == C_DEC)
            && !threshold_word(t, a, h) && !dose_arm_word(t, h) && superlative_ok(t, a, h)
            && !inside_cue(t, C_NODIFF, h->s, h->e) && !inside_cue(t, C_NOTDIFF, h->s, h->e)
            && !inside_cue(t, C_NOTSUP, h->s, h->e) && !inside_cue(t, C_FAILED, h->s, h->e)
            && !inside_cue(t, C_FREQ, h->s, h->e)) {
            /* "Response (a reduction of 25% or more) was 90% in A and 60%
             * in B", "ratings (lower is better) were 5.4 in A and 4.0 in
             * B": a bracket defines the outcome, the comparison is outside */
            if (bracket_depth(t, a, h->s) > 0) {
                if (!bdir)
                    bdir = h;
            } else {
                dir = h;
            }
        }
    }
    if (!dir && bdir) {
        struct arms tmp = { 0, 0, 0, 0 };
        if (!side_by_side(t, a, b, &tmp))
            dir = bdir;
    }
    /* "the increase in Group A was higher than in Group B": a change placed
     * in an arm is the subject; the comparison after it decides, on the
     * sentence's outcome before */
    if (dir && change_noun(t, dir) && dir->e + 4 < b && !strncmp(t->lower + dir->e, " in ", 4)) {
        size_t x = dir->e + 4, y = np_end(t, x, b);
        const char *g = fmem(t->lower + x, y > x ? y - x : 0, "group", 5);
        if (g && (size_t)(g - t->lower) == x + (starts_word(t->lower, b, x, "the") ? 4 : 0))
            y = group_code_end(t, (size_t)(g - t->lower) + 5, b);
        else if (g)
            y = (size_t)(g - t->lower) + 5;
        if (g && y > x && word_count(t->s, x, y) <= 5)
            for (i = first_hit(f, y); i < f->nh && f->hits[i].s < b; i++) {
                const struct hit *h2 = &f->hits[i];
                enum cue c2 = frules[h2->rule].cue;
                if (h2->e <= b && (c2 == C_INC || c2 == C_DEC) && !change_noun(t, h2)) {
                    subj_arm_a = x;
                    subj_arm_b = y;
                    dir = h2;
                    break;
                }
            }
    }
    /* "greater reduction", "less improvement": the change noun gives the
     * direction, a "less" before it turns it round */
    if (dir) {
        /* "greater systolic and diastolic reductions": the change noun may
         * end the noun phrase after a comparative */
        size_t reach = dir->e + 2;
        if (comparative(t, dir)) {
            size_t ne = np_end(t, dir->e, b);
            reach = ne < dir->e + 50 ? ne : dir->e + 50;
        }
        for (i = first_hit(f, dir->e); i < f->nh; i++) {
            const struct hit *h2 = &f->hits[i];
            if (h2->s > reach)
                break;
            if (h2 != dir && h2->s > dir->e && h2->e <= b && change_noun(t, h2)
                && (frules[h2->rule].cue == C_INC || frules[h2->rule].cue == C_DEC)) {
                const char *w = t->lower + dir->s;
                flip = !strncmp(w, "less", 4) || !strncmp(w, "smaller", 7)
                       || !strncmp(w, "fewer", 5) || !strncmp(w, "lower", 5);
                cmp_s = dir->s;
                cmp_e = dir->e;
                dir = h2;
                break;
            }
        }
    }
    /* "X decreased (significantly) less in A than in B": less of a fall is
     * relatively more, less of a rise relatively less */
    if (dir && !cmp_e && !change_noun(t, dir)) {
        size_t x = dir->e;
        while (x < b && t->s[x] == ' ')
            x++;
        if (starts_word(t->lower, b, x, "significantly"))
            x += 14;
        if (starts_word(t->lower, b, x, "less") && !starts_word(t->lower, b, x + 5, "than")
            && !starts_word(t->lower, b, dir->s, "less"))
            flip = !flip;
    }
    if (dir && !neg && than_expected(t, dir->e, b)) {
        /* "lower than anticipated": no comparison of arms, unless one
         * follows ("..., and lower with A than B") */
        const struct hit *d2 = NULL;
        for (i = first_hit(f, dir->e); i < f->nh && f->hits[i].s < b; i++)
            if (f->hits[i].s > dir->e && f->hits[i].e <= b
                && (frules[f->hits[i].rule].cue == C_INC || frules[f->hits[i].rule].cue == C_DEC)
                && !than_expected(t, f->hits[i].e, b)) {
                d2 = &f->hits[i];
                break;
            }
        if (!d2)
            return LM_OK;
        dir = d2;
    }
    clause_p(t, a, b, &sig, &ns, &p, op);
    between_p(t, a, b, &sig, &ns);
    if (t->denied && !sig)
        ns = 1;
    within = has_cue(t, C_WITHIN, a, b) || t->shared_within;
    /* a similarity of the groups at baseline is not a result */
    if (has_cue(t, C_BASECHAR, a, b) && (!dir || neg) && !within)
        return LM_OK;
    ratio = clause_ratio(t, a, b);
    if (neg && !(sig && !ns && frules[neg->rule].cue == C_SIMILAR)) {
        enum cue c = frules[neg->rule].cue;
        rule = frules[neg->rule].id;
        direction = 0;
        if (c == C_NOTSIG || c == C_FAILED || c == C_NOTSUP || c == C_TREND || ns
            || (c == C_NODIFF && fmem(t->lower + neg->s, neg->e - neg->s, "signific", 8))
            || (c == C_NOTDIFF && fmem(t->lower + neg->s, neg->e - neg->s, "signific", 8)))
            significant = 0;
        if (c == C_SIMILAR && !has_cue(t, C_COMPARE, a, b) && !ns && !within
            && strncmp(t->lower + neg->s, "unchang", 7) && strncmp(t->lower + neg->s, "remained", 8)
            && strncmp(t->lower + neg->s, "stayed", 6) && strncmp(t->lower + neg->s, "unaffect", 8)
            && !similar_predicate(t, a, neg, b, part))
            return LM_OK;
        if (c == C_TREND && dir)
            h = dir;
    } else if (ratio != 9 && (!dir || (ratio_after(t, dir->e, b) && !evaluative(t, dir)))) {
        /* a ratio (OR, RR, HR) with its CI: above or below 1, or spanning it */
        rule = "finding.ratio";
        direction = ratio;
        significant = ratio != 0;
        /* "27% in A compared to 1% in B (OR 0.03)": which arm a ratio
         * takes as reference is seldom written, the arms' own values say
         * which is higher */
        if (ratio && !dir && (vs = side_by_side(t, a, b, &varms)) != 0
            && varms.ib > varms.ia && varms.cb > varms.ca
            && !fmem(t->lower + a, varms.ia - a, "ratio", 5))
            direction = vs;     /* not two subgroups' ratios ("the ratio was 0.38 for all
                                   and 0.07 among X") */
        else
            vs = 0;
    } else if (!dir && (sig || has_cue(t, C_SIG, a, b)) && !ns
               && ((void)paired_arms(t, a, b, &varms), vs = side_by_side(t, a, b, &varms)) != 0) {
        rule = "finding.values";
        direction = vs;
        significant = 1;
    } else if (!dir && (!ns || sig) && paired_arms(t, a, b, &varms)
               && (vs = side_by_side(t, a, b, &varms)) != 0) {
        /* "in the A and B groups, 34% and 49%": the values in the arms'
         * order, without a test (or each with its own, one below alpha and
         * one not: "-29% (P = 0.02) and -8% (P = 0.38) in A and B") */
        rule = "finding.values";
        direction = vs;
    } else if (!dir && (!ns || sig) && (vs = counted_pair(t, a, b, &varms, &cpa, &cpb)) != 0) {
        /* "12 (17%) patients in the A group and 24 (34%) in the B group had X" */
        rule = "finding.values";
        direction = vs;
        if (sig || has_cue(t, C_SIG, a, b))
            significant = 1;
    } else if (!sig && !has_cue(t, C_SIG, a, b) && ci_spans_zero(t, a, b)) {
        rule = "finding.ci_ns";
        direction = 0;
        significant = 0;
    } else if (ns && !sig) {
        rule = "finding.p_ns";
        direction = 0;
        significant = 0;
    } else if (dir) {
        int has_sig = has_cue(t, C_SIG, a, b) || sig;
        if (!has_sig && !has_cue(t, C_COMPARE, a, b) && !within
            && !active_verb(t, a, dir->s, dir->e) && !(lb > la && has_cue(t, C_COMPARE, la, lb))
            && !quantified(t, dir->e, b))
            return LM_OK;
        rule = frules[dir->rule].id;
        direction = frules[dir->rule].cue == C_INC ? 1 : -1;
        if (flip)
            direction = -direction;
        if (has_sig)
            significant = 1;
    } else {
        return LM_OK;
    }
    if (vs && varms.ib > varms.ia && varms.cb > varms.ca) {
        t->pair = varms;    /* the arms of the sentence's values */
    } else if (vs && t->pair.cb > t->pair.ca && fmem(t->lower + a, b - a, "respectively", 12)) {
        /* "..., and the survival rates were 93% and 47%, respectively": the
         * arms named before in the sentence */
        if (!(varms.ib > varms.ia))
            varms.ia = t->pair.ia, varms.ib = t->pair.ib;
        if (!(varms.cb > varms.ca))
            varms.ca = t->pair.ca, varms.cb = t->pair.cb;
    }
    if (part == P_CONCLUSIONS && significant < 0 && !neg && !dir)
        return LM_OK;

    /* the outcome */
    {
        const struct hit *q = neg ? neg : dir;
        size_t qs = q ? q->s : a, qe = q ? q->e : a;
        const char *lq = t->lower + qs;
        int noun_cue = q && (!strncmp(lq, "no ", 3) || fmem(lq, qe - qs, "difference", 10)
                             || fmem(lq, qe - qs, "effect", 6) || fmem(lq, qe - qs, "change", 6));
        clause_arms(t, a, b, &arms);
        if (lb > la && !(arms.ib > arms.ia) && !(arms.cb > arms.ca)) {
            clause_arms(t, la, lb, &arms);  /* an enumerated item: the lead's arms */
            lead_arms = 1;
        }
        if (vs) {
            if (varms.ib > varms.ia) {
                arms.ia = varms.ia;
                arms.ib = varms.ib;
            }
            if (varms.cb > varms.ca) {
                arms.ca = varms.ca;
                arms.cb = varms.cb;
            }
        }
        if (subj_arm_b > subj_arm_a && q == dir) {
            arms.ia = subj_arm_a;
            arms.ib = subj_arm_b;
            if (arms.cb > arms.ca && arms.ca < subj_arm_b)
                arms.ca = arms.cb = 0;
            if (!last_outcome(t, a, &oa, &ob)) {
                size_t sa = a;
                strip_lead(t, &sa, subj_arm_a);
                oa = sa;
                ob = subj_arm_a >= 4 ? subj_arm_a - 4 : sa;
            }
        } else if (after_except || !q) {
            oa = a;
            if (!q) {   /* "In the A and B groups, OUTCOME was 34% and 49%" */
                strip_lead(t, &oa, b);
                oa = there_counts(t, oa, b);
                oa = lead_before_the(t, oa, b);
            }
            ob = np_end(t, oa, b);
        } else if (q == dir && change_noun(t, dir) && qe + 4 < b
                   && (!strncmp(t->lower + qe, " in ", 4) || !strncmp(t->lower + qe, " of ", 4))
                   && strncmp(t->lower + qe, " in favo", 8)) {
            /* "a (greater) reduction in OUTCOME"; "A showed a reduction in
             * OUTCOME": A the arm */
            size_t hv = have_verb_before(t, a, cmp_e ? cmp_s : qs);
            oa = qe + 4;
            ob = np_end(t, oa, b);
            if (cmp_e && elided_in_arm(t, &oa, &ob, b, &arms))
                hv = 0;     /* "..., with greater increase in the A group" */
            if (hv && (!(arms.ib > arms.ia) || lead_arms))
                subject_arm(t, a, hv, &arms);
        } else if (q == dir && change_noun(t, dir) && found_for(t, qe, b, &oa, &ob, &arms)) {
            /* "improvements were found in the A group for OUTCOME" */
        } else if (q == dir && cmp_e && cmp_e + 1 < qs && word_count(t->s, cmp_e, qs) <= 4
                   && !memchr(t->s + cmp_e, ',', qs - cmp_e)) {
            /* "A produced greater pain reductions versus B": the outcome
             * between the comparative and the change noun, A the arm */
            size_t hv = have_verb_before(t, a, cmp_s);
            oa = cmp_e;
            ob = qs;
            if (hv && !(arms.ib > arms.ia))
                subject_arm(t, a, hv, &arms);
        } else if (!noun_cue && effect_on(t, qe, b, &oa, &ob)) {
            /* "failed to find an effect of X on OUTCOME" */
        } else if (q == dir && !strncmp(lq, "outperform", 10)) {
            /* "A outperformed B (in measures of|on) OUTCOME": B the
             * comparator */
            static const char *const on[] = { " in measures of ", " in terms of ", " on ", " in " };
            size_t sa = a, sb = qs, ca, cb, k;
            strip_lead(t, &sa, sb);
            trim_np(t, &sa, &sb);
            if (sb > sa && word_count(t->s, sa, sb) <= 8) {
                arms.ia = sa;
                arms.ib = sb;
            }
            arm_after(t, qe + 1 < b ? qe + 1 : b, b, &ca, &cb);
            for (k = 0; k < 2 && cb > ca; k++) {
                const char *w = fmem(t->lower + ca, cb - ca, on[k], strlen(on[k]));
                if (w)
                    cb = (size_t)(w - t->lower);
            }
            if (cb > ca) {
                arms.ca = ca;
                arms.cb = cb;
            }
            oa = ob = 0;
            for (k = 0; k < sizeof on / sizeof on[0] && cb > ca; k++)
                if (!strncmp(t->lower + cb, on[k], strlen(on[k]))) {
                    oa = cb + strlen(on[k]);
                    ob = np_end(t, oa, b);
                    break;
                }
        } else if (active_verb(t, a, qs, qe) && !intransitive(t, qe, b)) {
            /* "X (significantly) reduced OUTCOME": X is the intervention */
            size_t sa = a, sb = qs;
            strip_lead(t, &sa, sb);
            trim_np(t, &sa, &sb);
            if (sb > sa && !(arms.ib > arms.ia) && word_count(t->s, sa, sb) <= 8) {
                arms.ia = sa;
                arms.ib = sb;
            }
            oa = qe;
            ob = np_end(t, oa, b);
        } else if (noun_cue && !strcmp(frules[q->rule].id, "finding.no_events")) {
            /* "no EVENTS occurred in either group" */
            static const char *const w[] = { " in ", " among ", " occurred", " developed", " was ",
                                             " were " };
            size_t k;
            oa = qs + 3;
            ob = qe;
            for (k = 0; k < sizeof w / sizeof w[0]; k++) {
                const char *pp = fmem(t->lower + oa, ob - oa, w[k], strlen(w[k]));
                if (pp)
                    ob = (size_t)(pp - t->lower);
            }
        } else if (noun_cue) {
            /* "no (significant) difference(s) (was found) in/of/for OUTCOME" */
            size_t s = qe, k;
            static const char *const prep[] = { " in ", " of ", " for ", " on ", " regarding ",
                                                " with respect to ", " in terms of " };
            for (k = 0; k < sizeof prep / sizeof prep[0]; k++) {
                const char *pp = fmem(t->lower + s, b - s, prep[k], strlen(prep[k]));
                if (pp && (size_t)(pp - t->lower) < s + 40) {
                    size_t st = (size_t)(pp - t->lower) + strlen(prep[k]);
                    if (starts_word(t->lower, b, st, "the") && starts_word(t->lower, b, st + 4, "groups"))
                        continue;
                    oa = st;
                    ob = np_end(t, oa, b);
                    of_head(t, &oa, &ob, b);
                    break;
                }
            }
            if (ob <= oa) {
                /* "... between groups in OUTCOME" after the arms */
                const char *pp = fmem(t->lower + s, b - s, " in ", 4);
                if (pp) {
                    oa = (size_t)(pp - t->lower) + 4;
                    ob = np_end(t, oa, b);
                }
            }
            if (ob <= oa) {
                /* "no significant X and Y group differences": the names
                 * inside the cue */
                const char *and = fmem(t->lower + qs, qe - qs, " and ", 5);
                if (and) {
                    size_t m = (size_t)(and - t->lower), x = m, y = m + 5;
                    while (x > qs && t->s[x - 1] != ' ')
                        x--;
                    while (y < qe && t->s[y] != ' ')
                        y++;
                    if (x > qs && y < qe) {
                        oa = x;
                        ob = y;
                    }
                }
            }
            if (ob <= oa) {
                /* "OUTCOME was 10 days in A and 12 in B, showing no
                 * difference": the subject before its value */
                size_t x = np_end(t, a, qs), v = x;
                if (!strncmp(t->lower + x, " was ", 5))
                    v = x + 5;
                else if (!strncmp(t->lower + x, " were ", 6))
                    v = x + 6;
                oa = a;
                ob = v > x && v < qs && isdigit((unsigned char)t->s[v]) ? x : qs;
            }
        } else {
            /* subject before the cue, or the object after a verb cue */
            size_t sa = a, sb = qs;
            const char *comma;
            (void)comma;
            strip_lead(t, &sa, sb);
            oa = sa;
            ob = sb;
            trim_np(t, &oa, &ob);
            {
                size_t hv = ob > oa ? have_verb_before(t, sa, qs) : 0;
                int subject_arm = ob > oa && ((arm_like(t, oa, ob)
                                               && !fmem(t->lower + oa, ob - oa, " of ", 4)
                                               && !fmem(t->lower + oa, ob - oa, " in ", 4))
                                              || hv);
                if (hv && hv - 1 > oa && hv - 1 < ob) {
                    /* the arm ends before its verb, after a leading phrase */
                    const char *cm = last_mem(t->lower, oa, hv - 1, ", ");
                    if (cm)
                        oa = (size_t)(cm - t->lower) + 2;
                    ob = hv - 1;
                    trim_np(t, &oa, &ob);
                }
                int after_noun = qe < b && t->s[qe] == ' ' && isalpha((unsigned char)t->s[qe + 1])
                                 && !adverb_at(t, qe + 1, b)
                                 && !starts_word(t->lower, b, qe + 1, "in")
                                 && !starts_word(t->lower, b, qe + 1, "than")
                                 && !starts_word(t->lower, b, qe + 1, "compared")
                                 && !starts_word(t->lower, b, qe + 1, "at")
                                 && !starts_word(t->lower, b, qe + 1, "among")
                                 && !starts_word(t->lower, b, qe + 1, "for")
                                 && !starts_word(t->lower, b, qe + 1, "with")
                                 && !starts_word(t->lower, b, qe + 1, "from")
                                 && !starts_word(t->lower, b, qe + 1, "after")
                                 && !starts_word(t->lower, b, qe + 1, "by")
                                 && !starts_word(t->lower, b, qe + 1, "to")
                                 && !starts_word(t->lower, b, qe + 1, "and")
                                 && !starts_word(t->lower, b, qe + 1, "or")
                                 && !starts_word(t->lower, b, qe + 1, "significantly")
                                 && !starts_word(t->lower, b, qe + 1, "over")
                                 && !starts_word(t->lower, b, qe + 1, "during")
                                 && !starts_word(t->lower, b, qe + 1, "when")
                                 && !starts_word(t->lower, b, qe + 1, "relative")
                                 && !starts_word(t->lower, b, qe + 1, "versus")
                                 && !starts_word(t->lower, b, qe + 1, "vs")
                                 && !starts_word(t->lower, b, qe + 1, "between")
                                 && !starts_word(t->lower, b, qe + 1, "across")
                                 && !starts_word(t->lower, b, qe + 1, "until")
                                 && !starts_word(t->lower, b, qe + 1, "on");
                if ((subject_arm || ob <= oa) && after_noun) {
                    if (subject_arm && !(arms.ib > arms.ia)) {
                        arms.ia = oa;
                        arms.ib = ob;
                    }
                    oa = qe + 1;
                    ob = np_end(t, oa, b);
                } else if (ob <= oa && t->ellipsis && t->sub_b > t->sub_a) {
                    /* "X increased in A and decreased in B": X again */
                    oa = t->sub_a;
                    ob = t->sub_b;
                } else if (ob <= oa && qe < b) {
                    oa = qe;
                    ob = np_end(t, oa, b);
                }
            }
        }
        if (cpb > cpa) {
            oa = cpa;
            ob = cpb;
        }
        trim_np(t, &oa, &ob);
        apposition(t, &oa, &ob, b);
        if (ob > oa) {
            size_t x = counted_outcome(t, oa, b);
            if (x) {
                oa = x;
                ob = np_end(t, oa, b);
                trim_np(t, &oa, &ob);
            }
        }
        /* "A outperformed B when it comes to improving X": B its object */
        int outperf = q && q == dir && !strncmp(t->lower + q->s, "outperf", 7) && qe < b
                      && t->s[qe] == ' ';
        /* "A was noninferior to B in terms of X", "A was not superior to B
         * for X": the subject is an arm, the outcome follows */
        /* "A was significantly better than B for X" too */
        if (((neg && (frules[neg->rule].cue == C_NONINF || frules[neg->rule].cue == C_NOTSUP
                      || frules[neg->rule].cue == C_EQUIV))
             || (!neg && q && q == dir && evaluative(t, dir) && qe + 6 < b
                 && (!strncmp(t->lower + qe, " than ", 6) || !strncmp(t->lower + qe, " to ", 4)
                     || outperf)))
            && (ob <= oa || (oa < q->s && word_count(t->s, oa, ob) <= 4))) {
            /* "in improving X" goes by X's polarity like "for X"; "in
             * reducing X" says the direction itself (the last four) */
            static const char *const about[] = { " in terms of ", " with respect to ",
                                                 " with regard to ", " regarding ", " for ",
                                                 " in improving ", " at improving ",
                                                 " when it comes to improving ",
                                                 " in reducing ", " at reducing ",
                                                 " in lowering ", " in decreasing " };
            size_t k;
            if (neg && frules[neg->rule].cue == C_NOTSUP && t->lower[neg->s] == 'd'
                && neg->e < b) {
                /* "A did not have a higher risk of X than B": X follows */
                size_t xa = neg->e, xb = np_end(t, xa, b);
                trim_np(t, &xa, &xb);
                if (xb > xa && ob > oa && oa < neg->s) {
                    if (!(arms.ib > arms.ia)) {
                        arms.ia = oa;
                        arms.ib = ob;
                    }
                    oa = xa;
                    ob = xb;
                }
            }
            for (k = 0; k < sizeof about / sizeof about[0]; k++) {
                const char *w = fmem(t->lower + q->e, b - q->e, about[k], strlen(about[k]));
                size_t xa, xb;
                if (!w || (neg && frules[neg->rule].cue == C_NOTSUP && t->lower[neg->s] == 'd'))
                    continue;
                xa = (size_t)(w - t->lower) + strlen(about[k]);
                xb = np_end(t, xa, b);
                trim_np(t, &xa, &xb);
                if (xb > xa && isalpha((unsigned char)t->s[xa])) {
                    if (ob > oa && !(arms.ib > arms.ia)) {
                        arms.ia = oa;
                        arms.ib = ob;
                    }
                    if (arms.cb > arms.ca && arms.ca < (size_t)(w - t->lower)
                        && arms.cb > (size_t)(w - t->lower))
                        arms.cb = (size_t)(w - t->lower);   /* "than B for X": B */
                    if (!(arms.cb > arms.ca) && !neg) {
                        /* "superior to B in improving X": B, none read yet */
                        size_t ca = qe + (outperf ? 1 : !strncmp(t->lower + qe, " than ", 6) ? 6 : 4);
                        size_t cb = (size_t)(w - t->lower);
                        if (cb > ca && word_count(t->s, ca, cb) <= 4) {
                            arms.ca = ca;
                            arms.cb = cb;
                            trim_np(t, &arms.ca, &arms.cb);
                        }
                    }
                    oa = xa;
                    ob = xb;
                    reducing = k >= sizeof about / sizeof about[0] - 4 && !neg;
                    break;
                }
            }
        }
        if (q == dir && ob > oa && oa < qs) {
            t->sub_a = oa;      /* the subject of a verb cue */
            t->sub_b = ob;
        }
        if (ob > oa && word_count(t->s, oa, ob) > 14) {
            /* not a phrase: keep the text only, unless it lists short
             * outcomes ("A, B, C, D and E were higher") */
            size_t ls[8], le[8];
            if (outcome_items(t, oa, ob, b, ls, le, 8))
                whole = 1;      /* one finding for the list, as written */
            else
                ob = oa;
        }
        /* "... improved in both groups. There was no difference between the
         * groups.": a comparison without an outcome is on the last one */
        if (ob <= oa && neg && t->last_ob > t->last_oa && t->last_ob <= a && a - t->last_ob < 200
            && word_count(t->s, a, neg->s) <= 4
            && (fmem(t->lower + a, b - a, "between", 7)
                || fmem(t->lower + a, b - a, "groups", 6))) {
            oa = t->last_oa;
            ob = t->last_ob;
        }
        /* "increased odds of X at 6 months, and borderline increased odds
         * at 12 months": a direction word and the head noun of the last
         * outcome name that outcome again */
        if (ob > oa && t->last_ob > t->last_oa && t->last_ob <= a && a - t->last_ob < 200) {
            size_t ha = oa, hi, la2 = t->last_oa;
            for (hi = first_hit(f, oa); hi < f->nh && f->hits[hi].s == oa; hi++)
                if (frules[f->hits[hi].rule].cue == C_INC || frules[f->hits[hi].rule].cue == C_DEC)
                    ha = f->hits[hi].e;
            while (ha < ob && t->s[ha] == ' ')
                ha++;
            if (starts_word(t->lower, t->last_ob, la2, "the"))
                la2 += 4;
            if (ha > oa && ha < ob && word_count(t->s, ha, ob) == 1 && la2 + (ob - ha) < t->last_ob
                && !strncmp(t->lower + la2, t->lower + ha, ob - ha) && t->lower[la2 + (ob - ha)] == ' ') {
                oa = t->last_oa;
                ob = t->last_ob;
            }
        }
        if (ob > oa) {
            t->last_oa = oa;
            t->last_ob = ob;
        }
    }

    {
        size_t is[8], ie[8], ni = whole ? 0 : outcome_items(t, oa, ob, b, is, ie, 8), it;
        int base = direction;
        if (!ni) {
            is[0] = oa;
            ie[0] = ob;
            ni = 1;
        }
        for (it = 0; it < ni; it++) {
            size_t hi;
            oa = is[it];
            ob = ie[it];
            /* "reduced A and B, as well as enhanced C and D": an item led by
             * its own direction word sets it for the items that follow */
            if (it > 0 && !neg)
                for (hi = first_hit(f, oa); hi < f->nh && f->hits[hi].s == oa; hi++) {
                    enum cue c = frules[f->hits[hi].rule].cue;
                    if ((c == C_INC || c == C_DEC) && f->hits[hi].e < ob
                        && !threshold_word(t, a, &f->hits[hi])) {
                        base = c == C_INC ? 1 : -1;
                        oa = f->hits[hi].e;
                        trim_np(t, &oa, &ob);
                        break;
                    }
                }
            direction = base;
            if (!(e = push_row(t, LM_KIND_FINDING, rule, a, t->denied > b ? t->denied : b)))
                return LM_ERR_NOMEM;
            extract_strlcpy(e->metric, direction > 0 ? "increased" : direction < 0 ? "decreased"
                            : "no_difference", sizeof e->metric);
            e->p = p;
            memcpy(e->p_op, op, sizeof e->p_op);
            if (ob > oa)
                e->outcome = outcome_timepoint(t, a, b, oa, ob,
                                               outcome_abbrev(t, orig_dup(t, oa, ob)));
            if (arms.ib > arms.ia) {
                /* "A versus B reduced X": the intervention ends before
                 * "versus" */
                static const char *const vsw[] = { " versus ", " vs. ", " vs " };
                size_t k;
                for (k = 0; k < sizeof vsw / sizeof vsw[0]; k++) {
                    const char *w = fmem(t->lower + arms.ia, arms.ib - arms.ia, vsw[k], strlen(vsw[k]));
                    if (w && w > t->lower + arms.ia) {
                        arms.ib = (size_t)(w - t->lower);
                        break;
                    }
                }
                e->intervention = orig_dup(t, arms.ia, arms.ib);
            }
            if ((within || fmem(t->lower + a, b - a, "in both", 7) || fmem(t->lower + a, b - a, "both groups", 11)
                 || fmem(t->lower + a, b - a, "both arms", 9))
                && !(arms.cb > arms.ca) && direction) {
                e->comparator = strdup("baseline");
            } else if (arms.cb > arms.ca) {
                e->comparator = orig_dup(t, arms.ca, arms.cb);
            }
            /* "improved pain" is less pain, "worse function" less function,
             * "worse pain" more pain */
            if (direction && dir && !neg && rule == frules[dir->rule].id && evaluative(t, dir)) {
                /* "better in reducing X" less X, "worse in reducing X" more */
                if (reducing || outcome_polarity(e->outcome ? e->outcome : e->text,
                                                 e->outcome != NULL) < 0)
                    direction = -direction;
            }
            /* orientation: the experimental arm is the intervention */
            if (control_like(e->intervention) && e->comparator && !control_like(e->comparator)
                && strcmp(e->comparator, "baseline")) {
                char *x = e->intervention;
                e->intervention = e->comparator;
                e->comparator = x;
                direction = -direction;
            } else if (control_like(e->intervention) && !e->comparator) {
                /* "higher in the control group": the control is the comparator */
                e->comparator = e->intervention;
                e->intervention = NULL;
                direction = -direction;
            }
            extract_strlcpy(e->metric, direction > 0 ? "increased" : direction < 0 ? "decreased"
                            : "no_difference", sizeof e->metric);
            if (significant == 1)
                extract_flag(e, "significant=true");
            else if (significant == 0)
                extract_flag(e, "significant=false");
        }
    }
    return LM_OK;
}

/* Does [a, b) hold a direction word (increased, lower, ...)? */
static int clause_has_dir(const struct ftext *t, size_t a, size_t b)
{
    const findings_rules *f = t->f;
    size_t i;

    for (i = first_hit(f, a); i < f->nh && f->hits[i].s < b; i++) {
        enum cue c = frules[f->hits[i].rule].cue;
        if (f->hits[i].e <= b && (c == C_INC || c == C_DEC))
            return 1;
    }
    return 0;
}

/* Does [a, b) hold a change named as a noun or a gerund ("a reduction in",
 * "in increasing")?  "a decrease in X and an increase in Y" are two
 * changes side by side; "X decreased with loss of Y and a decrease of Z"
 * one change with its consequences. */
static int clause_has_change(const struct ftext *t, size_t a, size_t b)
{
    const findings_rules *f = t->f;
    size_t i;

    for (i = first_hit(f, a); i < f->nh && f->hits[i].s < b; i++) {
        const struct hit *h = &f->hits[i];
        enum cue c = frules[h->rule].cue;
        if (h->e > b || (c != C_INC && c != C_DEC))
            continue;
        if (change_noun(t, h) || (h->s >= a + 3 && !strncmp(t->lower + h->s - 3, "in ", 3)
                                  && !strncmp(t->lower + h->e - 3, "ing", 3)))
            return 1;
    }
    return 0;
}

/* The depth of brackets open at @p e, counted from @p a. */
static int bracket_depth(const struct ftext *t, size_t a, size_t e)
{
    int depth = 0;

#ifdef __SSE2__
    /* openers less closers of 16 bytes at a time */
    for (; a + 16 <= e; a += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t->s + a));
        unsigned op = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(x, _mm_set1_epi8('(')), _mm_cmpeq_epi8(x, _mm_set1_epi8('['))));
        unsigned cl = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(x, _mm_set1_epi8(')')), _mm_cmpeq_epi8(x, _mm_set1_epi8(']'))));
        depth += __builtin_popcount(op) - __builtin_popcount(cl);
    }
#endif
    for (; a < e; a++)
        depth += t->s[a] == '(' || t->s[a] == '[' ? 1 : t->s[a] == ')' || t->s[a] == ']' ? -1 : 0;
    return depth;
}

/* Does the clause at @p s (to @p b) only say that the one before was not
 * significant ("..., but the difference was not statistically
 * significant", "although this did not reach significance")?  Its end,
 * or 0. */
static size_t anaphoric_ns(const struct ftext *t, size_t s, size_t b)
{
    static const char *const subj[] = {
        "the difference", "this difference", "these differences", "the differences",
        "the change", "the effect", "this effect", "the reduction", "the increase",
        "this ", "these ", "it ", "which ", "that ",
        /* no subject: "..., but did not reach significance" */
        "did not ", "failed ", "was not ", "were not ", "not ",
        /* "..., but no significant differences were found": no outcome of its own */
        "no significant ", "no statistically ",
    };
    static const char *const about[] = { " in ", " for ", " on ", " of ", " regarding ",
                                         " with respect to ", " in terms of " };
    static const char *const lead[] = { "however, ", "however ", "though ", "yet " };
    const findings_rules *f = t->f;
    size_t k, i, e = b;

    while (s < b && t->s[s] == ' ')
        s++;
    for (k = 0; k < sizeof lead / sizeof lead[0]; k++)
        if (!strncmp(t->lower + s, lead[k], strlen(lead[k]))) {
            s += strlen(lead[k]);
            break;
        }
    for (i = first_hit(f, s); i < f->nh && f->hits[i].s < b; i++)
        if (f->hits[i].s >= s && frules[f->hits[i].rule].cue == C_SPLIT
            && !bracket_depth(t, s, f->hits[i].s)) {
            e = f->hits[i].s;
            break;
        }
    for (k = 0; k < sizeof subj / sizeof subj[0]; k++)
        if (!strncmp(t->lower + s, subj[k], strlen(subj[k])))
            break;
    if (k == sizeof subj / sizeof subj[0] || clause_has_dir(t, s, e))
        return 0;
    /* statistical significance only: "not clinically significant" is a
     * judgement of its own */
    if (!fmem(t->lower + s, e - s, "signific", 8) || fmem(t->lower + s, e - s, "clinical", 8))
        return 0;
    if (has_cue(t, C_NOTSIG, s, e) || has_cue(t, C_FAILED, s, e) || has_cue(t, C_NOTDIFF, s, e))
        return e;
    if (t->lower[s] == 'n' && t->lower[s + 1] == 'o' && has_cue(t, C_NODIFF, s, e)) {
        const char *br = memchr(t->s + s, '(', e - s);
        size_t lim = br ? (size_t)(br - t->s) : e;
        for (k = 0; k < sizeof about / sizeof about[0]; k++)
            if (fmem(t->lower + s, lim - s, about[k], strlen(about[k])))
                return 0;
        return e;
    }
    return 0;
}

/* Does [a, b) hold a direction or negation cue? */
static int clause_has_cue(const struct ftext *t, size_t a, size_t b)
{
    const findings_rules *f = t->f;
    size_t i;

    for (i = first_hit(f, a); i < f->nh && f->hits[i].s < b; i++) {
        enum cue c = frules[f->hits[i].rule].cue;
        if (c == C_INC || c == C_DEC || is_neg_cue(c))
            return 1;
    }
    return 0;
}

/* Does [a, b) hold a digit?  The first digit at or after an offset is
 * kept (dig_from, dig_at): the sentences are asked in order, so each byte
 * is read about once. */
static int has_digit(struct ftext *t, size_t a, size_t b)
{
    if (!(t->dig_from <= a && a <= t->dig_at)) {
        size_t i = a + strcspn(t->s + a, "0123456789");
        while (i < t->len && !isdigit((unsigned char)t->s[i]))     /* a NUL in the text */
            i += 1 + strcspn(t->s + i + 1, "0123456789");
        t->dig_from = a;
        t->dig_at = i;
    }
    return t->dig_at < b;
}

/* Is [a, b) only a lead phrase ("At 1 year", "In the A group"): four
 * words at most, no verb, no direction or negation cue? */
static int lead_only(const struct ftext *t, size_t a, size_t b)
{
    size_t k;

    while (a < b && t->s[a] == ' ')
        a++;
    if (b <= a || word_count(t->s, a, b) > 4 || t->s[a] == '(')
        return 0;
    for (k = 0; k < N_COPULA; k++)
        if (fmem(t->lower + a, b - a, copula[k], strlen(copula[k])))
            return 0;
    return !clause_has_cue(t, a, b);
}

/* The first value of [a, b): a percentage when there is one ("24/73
 * (33%)" is 33), else the first number; its start in *at, 0 when none. */
static int clause_value(const struct ftext *t, size_t a, size_t b, double *v, size_t *at)
{
    size_t i, used, first = 0;
    double fv = 0, x;

    for (i = a; i < b; i++) {
        if (!isdigit((unsigned char)t->s[i]) || (i > a && (isalnum((unsigned char)t->s[i - 1])
                                                          || t->s[i - 1] == '.')))
            continue;
        if (!lm_num_parse(t->s + i, b - i, &x, &used))
            continue;
        if (i + used < b && (t->s[i + used] == '%' || !strncmp(t->s + i + used, " %", 2))) {
            *v = x;
            *at = i;
            return 1;
        }
        if (!first) {
            first = i;
            fv = x;
        }
        i += used - 1;
    }
    *v = fv;
    *at = first;
    return first != 0;
}

/* "A was V1 in ..." at @p a: the subject A [*sa, *sb) and where the
 * predicate after its verb starts; 0 when the clause is not so. */
static size_t subject_verb(const struct ftext *t, size_t a, size_t b, size_t *sa, size_t *sb)
{
    size_t k, best = 0, bn = 0;

    *sa = a;
    strip_lead(t, sa, b);
    for (k = 0; k < N_BE; k++) {
        const char *v = fmem(t->lower + *sa, b - *sa, copula[k], strlen(copula[k]));
        if (v && (!best || (size_t)(v - t->lower) < best)) {
            best = (size_t)(v - t->lower);
            bn = strlen(copula[k]);
        }
    }
    if (!best)
        return 0;
    *sb = best;
    trim_np(t, sa, sb);
    if (*sb <= *sa || word_count(t->s, *sa, *sb) > 5 || !isalpha((unsigned char)t->s[*sa])
        || starts_word(t->lower, *sb, *sa, "it") || starts_word(t->lower, *sb, *sa, "this")
        || starts_word(t->lower, *sb, *sa, "that") || memchr(t->s + *sa, ',', *sb - *sa))
        return 0;
    return best + bn;
}

/* "A was discontinued in 24/73 (33%) whereas B was discontinued in 5/66
 * (8%) (P < 0.001)": two clauses without a direction word, each arm with
 * its own value of the same predicate.  One finding on the pair (A the
 * intervention, the predicate its outcome); 1 when it is so. */
static int contrast_values(struct ftext *t, size_t a1, size_t b1, size_t a2, size_t b2)
{
    size_t s1, e1, s2, e2, p1, p2, w1, w2, n1, n2, x, y;
    double v1, v2, p;
    int sig, ns, direction, swap;
    char op[3];
    lm_extraction *e;

    if (clause_has_cue(t, a1, b1) || clause_has_cue(t, a2, b2)
        || !(p1 = subject_verb(t, a1, b1, &s1, &e1)) || !(p2 = subject_verb(t, a2, b2, &s2, &e2))
        || !clause_value(t, p1, b1, &v1, &n1) || !clause_value(t, p2, b2, &v2, &n2) || v1 == v2)
        return 0;
    /* the same predicate word: "discontinued" and "discontinued" */
    for (w1 = p1; w1 < b1 && isalpha((unsigned char)t->lower[w1]); w1++)
        ;
    for (w2 = p2; w2 < b2 && isalpha((unsigned char)t->lower[w2]); w2++)
        ;
    if (w1 == p1 || w1 - p1 != w2 - p2 || strncmp(t->lower + p1, t->lower + p2, w1 - p1)
        || (e1 - s1 == e2 - s2 && !strncmp(t->lower + s1, t->lower + s2, e1 - s1)))
        return 0;
    clause_p(t, a1, b2, &sig, &ns, &p, op);
    direction = ns && !sig ? 0 : v1 > v2 ? 1 : -1;
    swap = control_like_span(t, s1, e1) && !control_like_span(t, s2, e2);
    if (!(e = push_row(t, LM_KIND_FINDING, "finding.values", a1, b2)))
        return -1;
    x = p1;
    y = n1 < b1 ? n1 : b1;
    {
        static const char *const tail[] = { " in ", " by ", " for ", " at " };
        size_t k;
        for (k = 0; k < sizeof tail / sizeof tail[0]; k++) {
            const char *q = fmem(t->lower + x, y - x, tail[k], strlen(tail[k]));
            if (q)
                y = (size_t)(q - t->lower);
        }
    }
    trim_np(t, &x, &y);
    if (y > x)
        e->outcome = orig_dup(t, x, y);
    e->intervention = swap ? orig_dup(t, s2, e2) : orig_dup(t, s1, e1);
    e->comparator = swap ? orig_dup(t, s1, e1) : orig_dup(t, s2, e2);
    if (swap)
        direction = -direction;
    e->p = p;
    memcpy(e->p_op, op, sizeof e->p_op);
    extract_strlcpy(e->metric, direction > 0 ? "increased" : direction < 0 ? "decreased"
                    : "no_difference", sizeof e->metric);
    if (sig && !ns)
        extract_flag(e, "significant=true");
    else if (ns && !sig)
        extract_flag(e, "significant=false");
    return 1;
}

/* Does the clause at @p s start with a finite verb ("but was not seen
 * in B"): its subject is the clause before's? */
static int starts_verb(const struct ftext *t, size_t s, size_t b)
{
    static const char *const w[] = { "was", "were", "is", "are", "did", "had", "has", "have",
                                     "remained" };
    size_t k;

    while (s < b && t->s[s] == ' ')
        s++;
    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (starts_word(t->lower, b, s, w[k]))
            return 1;
    return 0;
}

/* Can a clause of the sentence [a, b) be a finding?  Each of
 * clause_finding's rules needs a negation or direction cue in the clause,
 * or a number (a p-value, a CI, a ratio's effect row, values side by
 * side): a sentence with neither is skipped before any clause analysis. */
static int sentence_may_find(struct ftext *t, size_t a, size_t b)
{
    return has_digit(t, a, b) || clause_has_cue(t, a, b);
}

/* Clauses of the sentence [a, b): split at "; ", "whereas", "but",
 * "except for"; not before a clause that only denies the first one's
 * significance. */
/* Is the arm @p arm a part of the outcome @p outcome ("an increase in X
 * compared to B" read X as the arm)? */
static int arm_in_outcome(const char *arm, const char *outcome)
{
    size_t n = strlen(arm), m = strlen(outcome), i;

    for (i = 0; n && i + n <= m; i++)
        if (!strncasecmp(outcome + i, arm, n))
            return 1;
    return 0;
}

/* "A showed a reduction in X and an increase in Y compared to B": the
 * findings of one sentence's changes side by side, from row @p from,
 * share their arms: a missing comparator, or an intervention that is a
 * part of its own outcome, is taken from a sibling. */
static lm_err share_arms(struct ftext *t, size_t from)
{
    lm_extractions *x = t->out;
    size_t i, j;

    for (i = from; i < x->len; i++) {
        lm_extraction *e = &x->v[i];
        int bad_arm = e->intervention && e->outcome && arm_in_outcome(e->intervention, e->outcome);
        if (e->kind != LM_KIND_FINDING || !strcmp(e->metric, "no_difference"))
            continue;
        for (j = from; j < x->len; j++) {
            const lm_extraction *o = &x->v[j];
            if (j == i || o->kind != LM_KIND_FINDING)
                continue;
            if ((!e->intervention || bad_arm) && o->intervention
                && !(o->outcome && arm_in_outcome(o->intervention, o->outcome))) {
                free(e->intervention);
                if (!(e->intervention = strdup(o->intervention)))
                    return LM_ERR_NOMEM;
                bad_arm = 0;
            }
            if (!e->comparator && o->comparator && strcmp(o->comparator, "baseline")
                && !(e->comparator = strdup(o->comparator)))
                return LM_ERR_NOMEM;
        }
    }
    return LM_OK;
}

/* A sentence that opens with a subordinate clause ("While ...,",
 * "Although ...,", "Despite ...,"): the comma that ends it (outside
 * brackets, before a main clause of three words or more), else 0.  0 too
 * when a split begins at that comma (", the difference was not
 * significant": the split decides). */
static size_t lead_subordinate(const struct ftext *t, size_t a, size_t b, size_t *sub)
{
    static const char *const w[] = { "while", "although", "though", "despite", "whereas",
                                     "even though" };
    const findings_rules *f = t->f;
    size_t k, i, depth = 0;

    while (a < b && is_space(t->s[a]))
        a++;
    for (k = 0; k < sizeof w / sizeof w[0]; k++)
        if (starts_word(t->lower, b, a, w[k]))
            break;
    if (k == sizeof w / sizeof w[0])
        return 0;
    *sub = a + strlen(w[k]) + 1;     /* the clause after its conjunction */
    for (i = a + strlen(w[k]); i + 1 < b; i++) {
        char c = t->s[i];
        if (c == '(' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth)
            depth--;
        else if (c == ',' && !depth && t->s[i + 1] == ' ' && i + 2 < b
                 && !isdigit((unsigned char)t->s[i + 2]))
            break;      /* not "on day 7, 10 and 12" */
    }
    /* "Although insignificant, X was higher": a hedge of the main clause;
     * "While X was associated with Y, ...": no comparison */
    if (i + 1 >= b || word_count(t->s, i + 1, b) < 3 || word_count(t->s, *sub, i) < 4
        || fmem(t->lower + *sub, i - *sub, "associat", 8))
        return 0;
    for (k = first_hit(f, i); k < f->nh && f->hits[k].s <= i + 1; k++)
        if (f->hits[k].s >= i && frules[f->hits[k].rule].cue == C_SPLIT)
            return 0;
    return i;
}

static lm_err sentence_findings(struct ftext *t, size_t a, size_t b, enum part part)
{
    const findings_rules *f = t->f;
    size_t i, cs = a, la = 0, lb = 0, ae, sub = 0, from = t->out->len;
    int exc = 0, changes = 0;
    lm_err rc;

    if (!sentence_may_find(t, a, b))
        return LM_OK;
    if (has_cue(t, C_BACKGROUND, a, b) || (part == P_UNKNOWN && has_cue(t, C_AIM, a, b)))
        return LM_OK;
    t->sub_a = t->sub_b = 0;
    t->ellipsis = 0;
    t->shared_within = 0;
    t->sent_a = a;
    memset(&t->pair, 0, sizeof t->pair);
    if ((ae = lead_subordinate(t, a, b, &sub)) != 0) {
        /* "While X did not differ before the training, A had higher Y":
         * the subordinate clause is a clause of its own */
        if ((rc = clause_finding(t, sub, ae, 0, part, 0, 0)))
            return rc;
        cs = ae + 1;
    }
    for (i = first_hit(f, a); i < f->nh; i++) {
        const struct hit *h = &f->hits[i];
        enum cue c = frules[h->rule].cue;
        if (h->s >= b)
            break;
        if (h->s < cs || h->e > b || (c != C_SPLIT && c != C_EXCEPT))
            continue;
        if (lb == 0 && (ae = anaphoric_ns(t, h->e, b))) {
            /* the clause before is the finding, not significant */
            t->denied = ae;
            rc = clause_finding(t, cs, h->s, exc, part, la, lb);
            t->denied = 0;
            if (rc)
                return rc;
            cs = ae;
            exc = 0;
            while (i + 1 < f->nh && f->hits[i + 1].s < ae)
                i++;
            continue;
        }
        if (c == C_SPLIT && lead_only(t, cs, h->s))
            continue;   /* "At 1 year, however, X was ...": the lead stays with X */
        if (!strncmp(t->lower + h->s, ", and ", 6) && !clause_has_cue(t, cs, h->s)
            && !has_digit(t, cs, h->s))
            continue;   /* "the incidence of A, B, and C were higher": a list */
        if ((fmem(t->lower + h->s, h->e - h->s, "whereas", 7)
             || fmem(t->lower + h->s, h->e - h->s, "while", 5))
            && !exc && !bracket_depth(t, a, h->s)) {
            /* "A was X in 33% whereas B was X in 8%": the pair is one finding */
            size_t e2 = b, j;
            int r;
            for (j = i + 1; j < f->nh && f->hits[j].s < b; j++)
                if (frules[f->hits[j].rule].cue == C_SPLIT && !bracket_depth(t, h->e, f->hits[j].s)) {
                    e2 = f->hits[j].s;
                    break;
                }
            if ((r = contrast_values(t, cs, h->s, h->e, e2)) < 0)
                return LM_ERR_NOMEM;
            if (r) {
                cs = e2;
                while (i + 1 < f->nh && f->hits[i + 1].s < e2)
                    i++;
                continue;
            }
        }
        if (!strcmp(frules[h->rule].id, "finding.split_change")) {
            if (!clause_has_change(t, cs, h->s))
                continue;
            if (!(lb > la)) {
                /* the two changes share the sentence's arms and comparison */
                la = a;
                lb = b;
            }
            changes = 1;
        }
        if (!strcmp(frules[h->rule].id, "finding.split_verb")) {
            if (!clause_has_dir(t, cs, h->s))
                continue;
            t->shared_within = has_cue(t, C_WITHIN, a, b);
        }
        {   /* not inside brackets: "(3.6 mg/dL; P = 0.026)" */
            size_t lim = h->s;
            if (lim > a && t->s[lim - 1] == '(')
                lim--;          /* "(ii) ": an enumeration */
            if (bracket_depth(t, a, lim) > 0)
                continue;
        }
        {
            /* "X induced the following: (i) ..., (ii) ...": the items read
             * the lead clause's arms and comparison */
            int enumeration = h->s > cs && t->s[h->s - 1] == '(';
            if ((rc = clause_finding(t, cs, enumeration ? h->s - 1 : h->s, exc, part, la, lb)))
                return rc;
            t->ellipsis = !strncmp(t->lower + h->s, "and ", 4)
                          || !strncmp(t->lower + h->s, ", and ", 6)
                          || (fmem(t->lower + h->s, h->e - h->s, "but", 3)
                              && starts_verb(t, h->e, b));
            if (t->ellipsis && !(t->sub_b > t->sub_a)) {
                /* "X were detected in 11/18, and were not different": X
                 * though the clause before had no finding */
                size_t sa = cs, sb;
                strip_lead(t, &sa, h->s);
                sb = np_end(t, sa, h->s);
                trim_np(t, &sa, &sb);
                if (sb > sa && word_count(t->s, sa, sb) <= 8) {
                    t->sub_a = sa;
                    t->sub_b = sb;
                }
            }
            if (enumeration && !(lb > la)) {
                la = cs;
                lb = h->s - 1;
            }
        }
        cs = h->e;
        exc = c == C_EXCEPT;
    }
    rc = cs < b ? clause_finding(t, cs, b, exc, part, la, lb) : LM_OK;
    t->ellipsis = 0;
    t->shared_within = 0;
    if (!rc && changes)
        rc = share_arms(t, from);
    return rc;
}

/* ---- regimen and follow-up ------------------------------------------------ */

static double num_at(const struct ftext *t, size_t a, size_t b)
{
    double v;
    size_t used;

    if (lm_num_any(t->s + a, b - a, &v, &used))
        return v;
    return NAN;
}

static double unit_days(const char *u)
{
    switch (u[0]) {
    case 'd': return 1;
    case 'w': return 7;
    case 'm': return 30.4375;
    case 'y': return 365.25;
    case 'h': return 1.0 / 24;
    }
    return NAN;
}

/* "N units": the number in digits, the unit's full name, plural unless 1. */
static char *duration_str(const struct ftext *t, double v, size_t ra, size_t rb,
                          const char *unit, const char *pre)
{
    static const struct { char c; const char *name; } un[] = {
        { 'd', "day" }, { 'w', "week" }, { 'm', "month" }, { 'y', "year" }, { 'h', "hour" },
    };
    const char *name = "day";
    char buf[96], range[32] = "";
    size_t k;

    for (k = 0; k < sizeof un / sizeof un[0]; k++)
        if (unit[0] == un[k].c)
            name = un[k].name;
    if (rb > ra) {
        size_t n = rb - ra, j = 0, i;
        for (i = ra; i < rb && j + 1 < sizeof range; i++)
            if (!is_space(t->s[i]))
                range[j++] = t->s[i] == 't' ? '-' : t->s[i];
        range[j] = '\0';
        if (!strncmp(range, "-o", 2))
            memmove(range + 1, range + 2, strlen(range + 1));
        (void)n;
    }
    snprintf(buf, sizeof buf, "%s%.10g%s %s%s", pre ? pre : "", v, range, name,
             v == 1 && !*range ? "" : "s");
    return strdup(buf);
}

struct regimen {
    size_t dose_a, dose_b;          /* first dose hit */
    const struct hit *dose, *freq, *dur, *route, *admin, *single;
    size_t sa, sb;                  /* the sentence of the dose */
};

static char *freq_str(const struct ftext *t, const struct hit *h)
{
    static const struct { const char *ab; const char *w; } abbr[] = {
        { "bid", "twice daily" }, { "tid", "three times daily" }, { "qid", "four times daily" },
        { "qd", "once daily" },
    };
    char buf[48];
    size_t i, j = 0, k;

    for (i = h->s; i < h->e && j + 1 < sizeof buf; i++)
        if (t->lower[i] != '.')
            buf[j++] = t->lower[i];
    buf[j] = '\0';
    for (k = 0; k < sizeof abbr / sizeof abbr[0]; k++)
        if (!strcmp(buf, abbr[k].ab))
            return strdup(abbr[k].w);
    return orig_dup(t, h->s, h->e);
}

static char *route_str(const struct ftext *t, const struct hit *h)
{
    static const struct { const char *from; const char *to; } r[] = {
        { "i.v.", "intravenous" }, { "i.m.", "intramuscular" }, { "s.c.", "subcutaneous" },
        { "per os", "oral" }, { "nebuli", "inhaled" }, { "suppositor", "suppository" },
        { "intragastric", "intragastric" }, { "intravaginal", "vaginal" },
    };
    char buf[40];
    size_t n = h->e - h->s, k;

    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, t->lower + h->s, n);
    buf[n] = '\0';
    for (k = 0; k < sizeof r / sizeof r[0]; k++)
        if (!strncmp(buf, r[k].from, strlen(r[k].from)))
            return strdup(r[k].to);
    if (n > 4 && !strcmp(buf + n - 4, "ally") && strncmp(buf, "oral", 4))
        buf[n - 2] = '\0';          /* intragastrically -> intragastrical? keep "ically" */
    if (n > 2 && !strcmp(buf + strlen(buf) - 2, "ly"))
        buf[strlen(buf) - 2] = '\0';  /* orally -> oral, intravenously -> intravenous */
    if (!strcmp(buf, "oral") || !strncmp(buf, "oral", 4))
        return strdup("oral");
    return strdup(buf);
}

/* Administrations per week of a frequency, 0 when daily or more often,
 * -1 when not a schedule. */
static double per_week(const struct ftext *t, const struct hit *h)
{
    const char *s = t->lower + h->s;
    size_t n = h->e - h->s, at = h->s;
    double k = 1, v;
    size_t used;

    if (n > 11 && !strncmp(s, "once every ", 11)) {
        s += 5;                     /* "once every two weeks": every two weeks */
        n -= 5;
        at += 5;
    }

    if (fmem(s, n, "day", 3) || fmem(s, n, "daily", 5) || fmem(s, n, "night", 5)
        || fmem(s, n, "hour", 4) || fmem(s, n, "bid", 3) || fmem(s, n, "b.i.d", 5)
        || fmem(s, n, "tid", 3) || fmem(s, n, "t.i.d", 5) || !strncmp(s, "q", 1)) {
        if (fmem(s, n, "days a week", 11) || fmem(s, n, "days per week", 13)
            || fmem(s, n, "d/w", 3) || fmem(s, n, "days/w", 6)) {
            if (lm_num_any(t->s + at, n, &v, &used))
                return v;
        }
        if (!strncmp(s, "every", 5) && lm_num_any(t->s + at + 6, n - 6, &v, &used))
            return 7.0 / v >= 1 ? 0 : 7.0 / v;
        return 0;
    }
    if (!strncmp(s, "twice", 5))
        k = 2;
    else if (!strncmp(s, "thrice", 6))
        k = 3;
    else if (lm_num_any(t->s + at, n, &v, &used) && strncmp(s, "every", 5))
        k = v;
    if (fmem(s, n, "week", 4) || fmem(s, n, "wk", 2)) {
        if (!strncmp(s, "every", 5)) {
            if (fmem(s, n, "other", 5))
                return 0.5;
            if (lm_num_any(t->s + at + 6, n - 6, &v, &used) && v > 0)
                return 1.0 / v;
            return 1;
        }
        if (!strncmp(s, "bi", 2))
            return 0.5;
        return k;
    }
    if (fmem(s, n, "fortnight", 9))
        return 0.5;
    if (fmem(s, n, "month", 5)) {
        if (!strncmp(s, "every", 5) && lm_num_any(t->s + at + 6, n - 6, &v, &used) && v > 0)
            return 7.0 / (30.4375 * v);
        return k * 7.0 / 30.4375;
    }
    return -1;
}

/* May the regimen and follow-up read part @p p? */
static int schedule_part(enum part p)
{
    return p == P_METHODS || p == P_UNKNOWN || p == P_RESULTS || p == P_AIM;
}

/* Where the regimen may be read: 1 methods, unlabelled text, objectives
 * and an aim sentence of the background; 2 the conclusions (a dose or
 * route the methods do not give); 0 elsewhere. */
static int reg_tier(const struct ftext *t, size_t pa, size_t pbnd, enum part p, size_t at)
{
    size_t sa = at, sb;

    if (p == P_METHODS || p == P_UNKNOWN || p == P_AIM)
        return 1;
    if (p == P_CONCLUSIONS)
        return 2;
    if (p != P_BACKGROUND)
        return 0;
    while (sa > pa && !(t->s[sa - 1] == ' ' && sa >= 2 && t->s[sa - 2] == '.'))
        sa--;
    sb = sentence_end(t, at, pbnd);
    return has_cue(t, C_AIM, sa, sb) ? 1 : 0;
}

static const char *const ctl_words[] = { "control", "placebo", "sham", "usual ", "standard",
                                         "compared with", "compared to", "versus", "vs",
                                         "saline", "vehicle", "untreated", "no treatment",
                                         "routine ", "conventional" };

/* Does [a, b) name a control arm? */
static int control_words(const struct ftext *t, size_t a, size_t b)
{
    size_t k;

    for (k = 0; k < sizeof ctl_words / sizeof ctl_words[0]; k++)
        if (b > a && fmem(t->lower + a, b - a, ctl_words[k], strlen(ctl_words[k])))
            return 1;
    return 0;
}

/* A control arm named between the sentence start @p sa and the dose at @p d. */
static int control_near(const struct ftext *t, size_t sa, size_t d)
{
    size_t from = d > sa + 60 ? d - 60 : sa, e = d;

    if (control_words(t, from, d))
        return 1;
    /* "0.015 mL/kg 0.9% isotonic saline": the dose of a control substance */
    {
        static const char *const after[] = { "placebo", "vehicle", "isotonic saline",
                                             "normal saline", "0.9% saline", "sham" };
        size_t k, lim = d;
        while (lim < t->len && lim < d + 40 && t->s[lim] != ';' && t->s[lim] != ')'
               && t->s[lim] != ',' && t->s[lim] != '(')
            lim++;
        for (k = 0; k < sizeof after / sizeof after[0]; k++)
            if (fmem(t->lower + d, lim - d, after[k], strlen(after[k])))
                return 1;
    }
    /* an infusion rate ("0.05 ug/kg/min") is not the dose of an administration */
    while (e < t->len && (isalnum((unsigned char)t->lower[e]) || t->lower[e] == '/'
                          || t->lower[e] == '.' || t->lower[e] == ' '
                          || (unsigned char)t->lower[e] >= 0x80) && e < d + 24)
        e++;
    return fmem(t->lower + d, e - d, "/min", 4) || fmem(t->lower + d, e - d, "/h", 2);
}

/* The dose hit of the regimen starting at @p a, if any. */
static const struct hit *dose_at(const struct ftext *t, size_t a)
{
    size_t i;

    for (i = 0; i < t->f->nh; i++)
        if (frules[t->f->hits[i].rule].cue == C_DOSE && t->f->hits[i].s == a)
            return &t->f->hits[i];
    return NULL;
}

static int word_ch(unsigned char c)
{
    return isalnum(c) || c == '-' || c >= 0x80;
}

/* A drug name at @p x: 1 to 3 words (letters, digits, hyphens) before a
 * joiner or a stop word; its end, else @p x. */
static size_t drug_name_end(const struct ftext *t, size_t x, size_t lim)
{
    static const char *const stop[] = { "or", "and", "plus", "for", "daily", "orally", "once",
                                        "twice", "per", "in", "was", "were", "given", "at",
                                        "by", "every", "each", "with", "to", "the", "a", "as",
                                        "intravenously", "inhaled", "used", "vs", "versus" };
    size_t e = x, n = 0, k;

    while (e < lim && n < 3) {
        size_t w = e;
        while (w < lim && (isalnum((unsigned char)t->lower[w]) || t->lower[w] == '-'))
            w++;
        if (w == e)
            break;
        for (k = 0; k < sizeof stop / sizeof stop[0]; k++)
            if (w - e == strlen(stop[k]) && !strncmp(t->lower + e, stop[k], w - e))
                return n ? e - 1 : x;
        if (n == 0 && !isalpha((unsigned char)t->lower[e]))
            return x;
        if (n && isdigit((unsigned char)t->lower[e]) && dose_at(t, e))
            return e - 1;   /* "B 5 mg": the dose ends the name */
        n++;
        e = w;
        if (e < lim && t->lower[e] == ' ')
            e++;
        else
            return e;
    }
    return n ? (t->lower[e - 1] == ' ' ? e - 1 : e) : x;
}

/* A combination of two drugs' doses after the dose [*pa, *pb): "15 mg A +
 * 10 mg B", "200 ug of A and 6 ug of B", "A 10 mg plus B 5 mg" (the first
 * drug's name before the dose joins the span).  *pb moves past the second
 * dose (and its drug's name when the first had one after it). */
static void combo_dose(const struct ftext *t, size_t *pa, size_t *pb)
{
    static const char *const join[] = { " + ", " plus ", " and " };
    const char *l = t->lower;
    size_t e = *pb, lim = e + 80 < t->len ? e + 80 : t->len, x = e, ne, k, j;
    int of = 0;
    const struct hit *h2;

    if (starts_word(l, lim, x, " of") && x + 4 < lim) {
        of = 1;
        x += 4;
    } else if (x < lim && l[x] == ' ') {
        x++;
    }
    ne = drug_name_end(t, x, lim);
    if (ne == x)
        ne = e;         /* no name after the dose: "A 10 mg plus B 5 mg" */
    else if (of == 0 && ne > x && dose_at(t, x))
        return;
    for (k = 0; k < sizeof join / sizeof join[0]; k++) {
        size_t m = strlen(join[k]), y, da, db;
        if (ne + m >= lim || strncmp(l + ne, join[k], m))
            continue;
        y = ne + m;
        if (ne == e) {
            /* "plus B 5 mg": the second drug's name, then its dose */
            size_t n2 = drug_name_end(t, y, lim);
            if (n2 == y || n2 + 1 >= lim)
                return;
            y = n2 + 1;
        }
        if (!(h2 = dose_at(t, y)) || !rematch(t, h2) || !grp(t, h2, "d", &da, &db) || da != y)
            return;
        if (ne != e) {
            /* "15 mg A + 10 mg B", "200 ug of A and 6 ug of B" */
            size_t z = db;
            if (of && starts_word(l, lim, z, " of"))
                z += 4;
            else if (!of && z < lim && l[z] == ' ')
                z++;
            else
                return;
            j = drug_name_end(t, z, lim);
            if (j == z)
                return;
            *pb = j;
        } else {
            /* "A 10 mg plus B 5 mg": A before the first dose */
            size_t s0 = *pa;
            *pb = db;
            if (s0 >= 2 && l[s0 - 1] == ' ') {
                size_t q = s0 - 1;
                while (q > 0 && (isalnum((unsigned char)l[q - 1]) || l[q - 1] == '-'))
                    q--;
                if (s0 - 1 - q > 3 && isalpha((unsigned char)l[q]))
                    *pa = q;
            }
        }
        return;
    }
}

/* Widen the dose [@p *pa, @p *pb) by what annotates it: a second
 * component ("zorvil 5 mg + dravin 10 mg", the names kept when the
 * second has one), a quantity of what is given ("0.4 g fibre/kg"), a
 * parenthesised amount ("2 tablets (0.6 g zorvil)"). */
static void dose_annot(const struct ftext *t, size_t *pa, size_t *pb)
{
    const char *l = t->lower;
    size_t e = *pb, w, w2, paren;
    const struct hit *h2;

    combo_dose(t, pa, pb);
    e = *pb;
    w = e;
    while (w < t->len && l[w] == ' ')
        w++;
    if (w < t->len && l[w] == '+') {
        size_t n;
        w++;
        while (w < t->len && l[w] == ' ')
            w++;
        n = w;
        while (n < t->len && isalpha((unsigned char)l[n]))
            n++;
        while (n < t->len && word_ch((unsigned char)l[n]))
            n++;
        w2 = n < t->len && l[n] == ' ' && n > w + 2 ? n + 1 : w;
        if ((h2 = dose_at(t, w2)) && rematch(t, h2)) {
            size_t da, db;
            if (grp(t, h2, "d", &da, &db)) {
                *pb = e = db;
                if (w2 > w && *pa >= 2 && l[*pa - 1] == ' ') {
                    size_t s = *pa - 1;
                    while (s > 0 && word_ch((unsigned char)l[s - 1]))
                        s--;
                    if (*pa - 1 - s > 3 && isalpha((unsigned char)l[s])
                        && !(s > 0 && word_ch((unsigned char)l[s - 1])))
                        *pa = s;
                }
            }
        }
    }
    /* "g protein/kg": a noun and a per-unit after the amount */
    if (e + 3 < t->len && l[e] == ' ' && isalpha((unsigned char)l[e + 1])) {
        size_t n = e + 1;
        while (n < t->len && isalpha((unsigned char)l[n]))
            n++;
        if (n - e > 3 && n < t->len && l[n] == '/') {
            static const char *const per[] = { "kg", "d", "day", "week", "wk" };
            size_t k, m = n + 1;
            while (m < t->len && isalpha((unsigned char)l[m]))
                m++;
            for (k = 0; k < sizeof per / sizeof per[0]; k++)
                if (m - n - 1 == strlen(per[k]) && !strncmp(l + n + 1, per[k], m - n - 1)) {
                    *pb = e = m;
                    break;
                }
        }
    }
    /* "3 capsules (1.8 g ...)": an amount in brackets right after */
    paren = e < t->len && l[e] == ' ' ? e + 1 : e;
    if (paren + 1 < t->len && l[paren] == '(' && isdigit((unsigned char)l[paren + 1])) {
        size_t c = paren + 1, num;
        while (c < t->len && c < paren + 60 && l[c] != ')' && l[c] != '(')
            c++;
        num = paren + 1;
        while (num < c && (isdigit((unsigned char)l[num]) || l[num] == '.'))
            num++;
        if (c < t->len && l[c] == ')'
            && ((num < c && l[num] == '%') || dose_at(t, paren + 1))
            && !fmem(l + paren, c - paren, " ci", 3) && !fmem(l + paren, c - paren, "p ", 2)
            && !fmem(l + paren, c - paren, "p<", 2) && !fmem(l + paren, c - paren, "p=", 2))
            *pb = c + 1;
    }
}

/* Does a frequency word name the schedule of what is given ("weekly
 * writing tasks", "daily text messages"), not of measurement ("assessed
 * weekly", "weekly visits to record")? */
static int freq_of_task(const struct ftext *t, const struct hit *h)
{
    static const char *const meas[] = { "assess", "measur", "record", "monitor", "collect",
                                        "evaluat", "follow", "diary", "diaries", "questionnaire",
                                        "visit", "report", "interview", "sampl" };
    size_t a = h->s > 80 ? h->s - 80 : 0, e = h->e + 40 < t->len ? h->e + 40 : t->len, k;

    if (h->e + 2 >= t->len || t->s[h->e] != ' ' || !isalpha((unsigned char)t->s[h->e + 1])
        || starts_word(t->lower, t->len, h->e + 1, "for") || starts_word(t->lower, t->len, h->e + 1, "and")
        || starts_word(t->lower, t->len, h->e + 1, "or") || starts_word(t->lower, t->len, h->e + 1, "in"))
        return 0;
    for (k = 0; k < sizeof meas / sizeof meas[0]; k++)
        if (fmem(t->lower + a, e - a, meas[k], strlen(meas[k])))
            return 0;
    return 1;
}

/* Is @p h in a later phase than @p from in one sentence ("three cycles of
 * X followed by Y with weekly Z": weekly is Y's)? */
static int next_phase(const struct ftext *t, const struct hit *from, const struct hit *h)
{
    size_t k;

    if (!from || from->e >= h->s || h->s - from->e > 200)
        return 0;
    for (k = from->e; k < h->s; k++)
        if (t->s[k] == '.' && k + 1 < h->s && t->s[k + 1] == ' ')
            return 0;
    return fmem(t->lower + from->e, h->s - from->e, "followed by", 11) != NULL;
}

static lm_err regimen_rows(struct ftext *t, const size_t *pb, const enum part *pp, size_t np)
{
    const findings_rules *f = t->f;
    const struct hit *dose = NULL, *freq = NULL, *dur = NULL, *route = NULL, *admin = NULL;
    const struct hit *doses[8], *ctl_dose = NULL, *route2 = NULL, *dur2 = NULL;
    size_t ctl_sa = 0, ctl_sb = 0;
    size_t ndoses = 0, i, sa = 0, sb = 0, lo, hi, prev_dose = 0, annot_end = 0;
    double nadmin = NAN;
    lm_extraction *e;
    char *sfreq = NULL;

    /* the first dose of a methods (or unlabelled) part, outside result
     * sentences; else one the conclusions name */
    for (i = 0; i < 2 * f->nh && !dose; i++) {
        const struct hit *h = &f->hits[i % f->nh];
        size_t k;
        if (frules[h->rule].cue != C_DOSE)
            continue;
        for (k = 0; k < np; k++)
            if (h->s >= pb[2 * k] && h->s < pb[2 * k + 1])
                break;
        if (k == np || reg_tier(t, pb[2 * k], pb[2 * k + 1], pp[k], h->s) != 1 + (i >= f->nh))
            continue;
        sa = h->s;
        while (sa > pb[2 * k] && !(t->s[sa - 1] == ' ' && sa >= 2 && t->s[sa - 2] == '.'
                                   && !extract_abbrev_dot(t->s, sa - 2, 1)))
            sa--;
        sb = sentence_end(t, h->s, pb[2 * k + 1]);
        {
            int sig, ns;
            double p;
            char op[3];
            clause_p(t, sa, sb, &sig, &ns, &p, op);
            if (sig || ns)
                continue;
        }
        /* the control arm's schedule is not the intervention's: "The
         * control group received X 1 mg" */
        if (control_near(t, sa, h->s)) {
            if (!ctl_dose) {
                ctl_dose = h;
                ctl_sa = sa;
                ctl_sb = sb;
            }
            continue;
        }
        dose = h;
    }
    /* the other fields: in the dose's sentence first, else the first of a
     * methods part */
    for (i = 0; i < f->nh; i++) {
        const struct hit *h = &f->hits[i];
        enum cue c = frules[h->rule].cue;
        int same = dose && h->s >= sa && h->e <= sb;
        size_t k;
        int tier;
        for (k = 0; k < np; k++)
            if (h->s >= pb[2 * k] && h->s < pb[2 * k + 1])
                break;
        if (k == np || !(tier = reg_tier(t, pb[2 * k], pb[2 * k + 1], pp[k], h->s)))
            continue;
        if (tier == 2) {    /* the conclusions: a route or duration the methods did not give */
            size_t ca, cb;
            if (c == C_ROUTE && !route)
                route2 = route2 ? route2 : h;
            if (c == C_DUR && !dur2 && rematch(t, h) && grp(t, h, "up", &ca, &cb) && cb > ca
                && !strncmp(t->lower + ca, "for ", 4)
                && !lazy_cue(t, C_NOT_FU, h->s > 12 ? h->s - 12 : 0, h->e))
                dur2 = h;
            continue;
        }
        if (c == C_DOSE && same && ndoses < sizeof doses / sizeof doses[0]) {
            /* "usual diet (1.1 g/kg) or LPD (0.55 g/kg)": a control arm's
             * dose is no arm of the regimen */
            if (!control_words(t, prev_dose > sa ? prev_dose : sa, h->s))
                doses[ndoses++] = h;
            prev_dose = h->e;
        }
        if (c == C_FREQ && (!freq || (same && !(freq->s >= sa && freq->e <= sb)))
            && !next_phase(t, admin, h) && !next_phase(t, dose, h))
            freq = h;
        if (c == C_ROUTE && (!route || (same && !(route->s >= sa && route->e <= sb))))
            route = h;
        if ((c == C_ADMIN || c == C_SINGLE) && !admin)
            admin = h;
        if (c == C_DUR && (!dur || (same && !(dur->s >= sa && dur->e <= sb)))) {
            size_t ca, cb;
            int ok = rematch(t, h) && (grp(t, h, "up", &ca, &cb) && cb > ca
                                       ? 1 : grp(t, h, "ctx", &ca, &cb) && cb > ca);
            if (ok && !lazy_cue(t, C_NOT_FU, h->s > 12 ? h->s - 12 : 0, h->e)
                && !has_cue(t, C_FU, h->s > 20 ? h->s - 20 : 0, h->e + 12))
                dur = h;
        }
    }
    if (!route)
        route = route2;
    if (!dose && ctl_dose) {
        dose = ctl_dose;
        sa = ctl_sa;
        sb = ctl_sb;
    }
    if (!dur && (dose || route || admin || freq))
        dur = dur2;
    if (!dose && !freq && !route && !admin && !dur)
        return LM_OK;
    if (!dose && !route && !admin && !(freq && dur) && !dur && !(freq && freq_of_task(t, freq)))
        return LM_OK;
    if (admin) {
        if (frules[admin->rule].cue == C_SINGLE)
            nadmin = 1;
        else if (rematch(t, admin)) {
            size_t na, nb;
            if (grp(t, admin, "n", &na, &nb))
                nadmin = num_at(t, na, nb);
        }
    } else if (freq && dur && rematch(t, dur)) {
        size_t na, nb, ua, ub;
        double pw = per_week(t, freq), n;
        if (pw > 0 && grp(t, dur, "n", &na, &nb) && grp(t, dur, "u", &ua, &ub)
            && !isnan(n = num_at(t, na, nb))) {
            double weeks = n * unit_days(t->lower + ua) / 7;
            double v = pw * weeks;
            if (fabs(v - floor(v + 0.5)) < 0.01 && v >= 1)
                nadmin = floor(v + 0.5);
        }
    }
    lo = (size_t)-1;
    hi = 0;
    {
        const struct hit *all[] = { dose, freq, dur, route, admin };
        for (i = 0; i < sizeof all / sizeof all[0]; i++)
            if (all[i]) {
                if (all[i]->s < lo)
                    lo = all[i]->s;
                if (all[i]->e > hi)
                    hi = all[i]->e;
            }
    }
    /* the span: the dose's sentence, else the fields' extent */
    if (dose) {
        lo = sa < lo ? sa : lo;
        hi = sb > hi && sb - lo < 600 ? sb : hi;
    }
    if (hi - lo > 600)
        hi = lo + 600 < t->len ? lo + 600 : t->len;
    if (freq)
        sfreq = freq_str(t, freq);
    for (i = 0; i < (ndoses > 1 ? ndoses : 1); i++) {
        const struct hit *d = ndoses > 1 ? doses[i] : dose;
        /* a second dose of the sentence is another arm only when it is
         * joined by "or"/"and"/","/"vs" to the first */
        if (ndoses > 1 && i > 0) {
            size_t gap_a = doses[i - 1]->e, gap_b = d->s;
            if (gap_b - gap_a > 40)
                break;
        }
        if (d && d->s < annot_end)
            continue;       /* the second component of the last dose */
        if (!(e = push_row(t, LM_KIND_REGIMEN, d ? "regimen.dose" : "regimen.schedule", lo, hi)))
            goto nomem;
        if (d) {
            size_t da, db;
            if (rematch(t, d) && grp(t, d, "d", &da, &db)) {
                dose_annot(t, &da, &db);
                annot_end = db;
                e->dose = orig_dup(t, da, db);
            }
        }
        if (sfreq && !(e->frequency = strdup(sfreq)))
            goto nomem;
        if (route)
            e->route = route_str(t, route);
        if (dur && rematch(t, dur)) {
            size_t na, nb, ua, ub, pa, pbb;
            double n;
            if (grp(t, dur, "n", &na, &nb) && grp(t, dur, "u", &ua, &ub)
                && !isnan(n = num_at(t, na, nb))) {
                int upto = grp(t, dur, "up", &pa, &pbb) && fmem(t->lower + pa, pbb - pa, "up to", 5);
                e->duration = duration_str(t, n, 0, 0, t->lower + ua, upto ? "up to " : NULL);
            }
        }
        if (!isnan(nadmin))
            e->n = (int64_t)nadmin;
        if (ndoses > 1 && e->dose && !(e->label = strdup(e->dose)))
            goto nomem;
    }
    free(sfreq);
    return LM_OK;
nomem:
    free(sfreq);
    return LM_ERR_NOMEM;
}

/* Candidates for the follow-up: the longest explicit one, else the latest
 * time point, else the treatment's length. */
/* A calendar period of inclusion, not a follow-up: "over a 1-year
 * period, all patients admitted were reviewed", "we aim to include 750
 * patients over a 3-year period" (the hit @p h names a period, and its
 * sentence includes, recruits or reviews). */
static int inclusion_period(const struct ftext *t, const struct hit *h)
{
    static const char *const verb[] = { "includ", "enrol", "recruit", "review", "admitted",
                                        "identified", "screened", "collected", "retrospective" };
    size_t a = h->s, b = h->e, k;

    while (b < t->len && b < h->e + 30 && t->s[b] != '.' && t->s[b] != ',')
        b++;
    if (!fmem(t->lower + h->s, b - h->s, "period", 6))
        return 0;
    a = h->s > 200 ? h->s - 200 : 0;
    {
        const char *d = last_mem(t->lower, a, h->s, ". ");
        if (d)
            a = (size_t)(d - t->lower) + 2;
    }
    b = sentence_end(t, h->s, t->len);
    for (k = 0; k < sizeof verb / sizeof verb[0]; k++)
        if (fmem(t->lower + a, b - a, verb[k], strlen(verb[k])))
            return 1;
    return 0;
}

/* Other studies' follow-up: "studies with follow-up to 3 years" (a
 * review's eligibility), the hit within 40 characters after "with". */
static int others_follow_up(const struct ftext *t, const struct hit *h)
{
    size_t a = h->s > 40 ? h->s - 40 : 0;

    return fmem(t->lower + a, h->e - a, "studies with ", 13)
           || fmem(t->lower + a, h->e - a, "trials with ", 12)
           || fmem(t->lower + a, h->e - a, "articles with ", 14);
}

static lm_err follow_up_row(struct ftext *t, const size_t *pb, const enum part *pp, size_t np)
{
    const findings_rules *f = t->f;
    const struct hit *best[3] = { NULL, NULL, NULL };
    double bestv[3] = { -1, -1, -1 };
    size_t bra[3], brb[3], bua[3];
    size_t i, j;
    lm_extraction *e;

    for (i = 0; i < f->nh; i++) {
        const struct hit *h = &f->hits[i];
        enum cue c = frules[h->rule].cue;
        size_t k, na, nb, ua, ub, ra = 0, rb = 0;
        double n, v;
        int cls;
        if (c != C_FU && c != C_FU_AT && c != C_DUR)
            continue;
        for (k = 0; k < np; k++)
            if (h->s >= pb[2 * k] && h->s < pb[2 * k + 1])
                break;
        if (k == np || !(schedule_part(pp[k])
                         || (pp[k] == P_BACKGROUND && reg_tier(t, pb[2 * k], pb[2 * k + 1], pp[k], h->s) == 1)))
            continue;
        if (c == C_FU_AT && fmem(t->lower + (h->s > 25 ? h->s - 25 : 0),
                                   h->s - (h->s > 25 ? h->s - 25 : 0), "range", 5))
            continue;       /* "(range, 2.8 to 9.6 years)": not the follow-up */
        if (lazy_cue(t, C_NOT_FU, h->s > 15 ? h->s - 15 : 0, h->e + 20 < t->len ? h->e + 20 : t->len)
            || has_cue(t, C_BACKGROUND, h->s > 60 ? h->s - 60 : 0, h->e))
            continue;
        if (others_follow_up(t, h) || (c != C_FU && inclusion_period(t, h)))
            continue;
        if (!rematch(t, h))
            continue;
        if (!((grp(t, h, "n", &na, &nb) && grp(t, h, "u", &ua, &ub))
              || (grp(t, h, "n2", &na, &nb) && grp(t, h, "u2", &ua, &ub))
              || (grp(t, h, "n3", &na, &nb) && grp(t, h, "u3", &ua, &ub))))
            continue;
        if (!grp(t, h, "r", &ra, &rb) && !grp(t, h, "r2", &ra, &rb))
            ra = rb = 0;
        if (isnan(n = num_at(t, na, nb)) || n <= 0)
            continue;
        v = n * unit_days(t->lower + ua);
        if (rb > ra) {
            double hiv;
            size_t used, q = ra;
            while (q < rb && !isdigit((unsigned char)t->s[q]))
                q++;
            if (q < rb && lm_num_parse(t->s + q, rb - q, &hiv, &used) && hiv > n)
                v = hiv * unit_days(t->lower + ua);
        }
        if (isnan(v) || v < 1)
            continue;
        cls = c == C_FU ? 0 : c == C_FU_AT ? 1 : 2;
        if (c == C_DUR) {    /* "16 weeks of training", "for 6 weeks" */
            size_t ca, cb;
            /* "for 6 weeks", "lasting 14 days": the length itself */
            if ((!grp(t, h, "ctx", &ca, &cb) || cb <= ca)
                && !(grp(t, h, "up", &ca, &cb) && cb > ca && (!strncmp(t->lower + ca, "for ", 4)
                                                               || !strncmp(t->lower + ca, "lasting ", 8))))
                continue;
            /* "each for 6 weeks": one period of several; "for at least 20
             * weeks": a lower bound (storage, eligibility), not the length */
            if ((h->s >= 5 && !strncmp(t->lower + h->s - 5, "each ", 5))
                || (grp(t, h, "up", &ca, &cb) && fmem(t->lower + ca, cb - ca, "at least", 8)))
                continue;
        }
        if (v > bestv[cls]) {
            bestv[cls] = v;
            best[cls] = h;
            bra[cls] = ra;
            brb[cls] = rb;
            bua[cls] = ua;
            (void)na;
        }
    }
    for (j = 0; j < 3; j++) {
        const struct hit *h = best[j];
        size_t na, nb, ua, ub;
        double n;
        static const char *const rid[] = { "follow_up.explicit", "follow_up.timepoint",
                                           "follow_up.treatment" };
        if (!h)
            continue;
        if (!(e = push_row(t, LM_KIND_FOLLOW_UP, rid[j], h->s, h->e)))
            return LM_ERR_NOMEM;
        e->value = bestv[j];
        rematch(t, h);
        if ((grp(t, h, "n", &na, &nb) && grp(t, h, "u", &ua, &ub))
            || (grp(t, h, "n2", &na, &nb) && grp(t, h, "u2", &ua, &ub))
            || (grp(t, h, "n3", &na, &nb) && grp(t, h, "u3", &ua, &ub))) {
            n = num_at(t, na, nb);
            e->duration = duration_str(t, n, bra[j], brb[j], t->lower + bua[j], NULL);
        }
        return LM_OK;
    }
    return LM_OK;
}

/* ---- arm names ---------------------------------------------------------- */

/* The name of the arm whose size is at [a, b) (normalised offsets). */
static char *arm_label(const struct ftext *t, size_t a, size_t b)
{
    size_t s, e, x, y;

    /* "54 (were randomised) to/received (the) placebo (group)" */
    if (isdigit((unsigned char)t->s[a]) || isalpha((unsigned char)t->s[a])) {
        static const char *const after[] = {
            " were randomized to ", " were randomised to ", " were assigned to ",
            " were allocated to ", " randomized to ", " randomised to ", " assigned to ",
            " allocated to ", " received ", " receiving ", " in the ", " to the ", " to ",
            " into the ", " in ", " were given ", " were treated with ", " treated with ",
            " patients in the ", " patients received ", " participants in the ",
            " subjects in the ",
        };
        size_t k, lim = b + 60 < t->len ? b + 60 : t->len;
        const char *pp;
        for (k = 0; k < sizeof after / sizeof after[0]; k++) {
            size_t from = b;
            /* skip "patients", "participants" */
            while (from < lim && t->s[from] == ' ')
                from++;
            while (from < lim && isalpha((unsigned char)t->s[from]))
                from++;
            pp = fmem(t->lower + b, lim - b, after[k], strlen(after[k]));
            if (pp && (size_t)(pp - t->lower) <= from + 12) {
                x = (size_t)(pp - t->lower) + strlen(after[k]);
                y = np_end(t, x, lim);
                {
                    const char *g = fmem(t->lower + x, y - x, " group", 6);
                    const char *o = fmem(t->lower + x, y - x, " and ", 5);
                    if (g)
                        y = (size_t)(g - t->lower);
                    if (o && (size_t)(o - t->lower) < y)
                        y = (size_t)(o - t->lower);
                }
                trim_np(t, &x, &y);
                if (y > x && word_count(t->s, x, y) <= 6)
                    return orig_dup(t, x, y);
            }
        }
        if (!strncmp(t->lower + a, "control", 7))
            return strdup("control");
    }
    /* "placebo (n = 54)", "the 0.5 mg/kg group, n = 51" */
    e = a;
    while (e > 0 && (t->s[e - 1] == ' ' || t->s[e - 1] == '(' || t->s[e - 1] == ','
                     || t->s[e - 1] == ';' || t->s[e - 1] == '['))
        e--;
    s = e;
    while (s > 0 && e - s < 60) {
        char c = t->s[s - 1];
        if (c == ',' || c == ';' || c == '(' || c == ')' || c == ':' || c == '\n' || c == '['
            || c == ']' || (c == ' ' && s >= 2 && t->s[s - 2] == '.'))
            break;
        s--;
    }
    {
        static const char *const cut[] = { " and ", " or ", " vs ", " vs. ", " versus ", " to ",
                                           " into ", " received ", " receiving ", " with ",
                                           " were ", " was ", " of ", " in " , " either " };
        size_t k;
        for (k = 0; k < sizeof cut / sizeof cut[0]; k++) {
            const char *pp, *last = NULL;
            for (pp = t->lower + s; (pp = fmem(pp, (size_t)(t->lower + e - pp), cut[k],
                                                 strlen(cut[k]))); pp++)
                last = pp;
            if (last && (size_t)(last - t->lower) + strlen(cut[k]) < e
                && !(k == 9 && fmem(t->lower + s, e - s, "treated", 7)))
                s = (size_t)(last - t->lower) + strlen(cut[k]);
        }
    }
    x = s;
    y = e;
    if (y >= x + 6 && !strncmp(t->lower + y - 6, " group", 6))
        y -= 6;
    else if (y >= x + 7 && !strncmp(t->lower + y - 7, " groups", 7))
        y -= 7;
    else if (y >= x + 4 && !strncmp(t->lower + y - 4, " arm", 4))
        y -= 4;
    trim_np(t, &x, &y);
    if (y > x && word_count(t->s, x, y) <= 6 && !isdigit((unsigned char)t->s[y - 1] && 0))
        return orig_dup(t, x, y);
    return NULL;
}

/* Normalised offset of original offset @p o (the first at or after). */
static size_t norm_off(const struct ftext *t, size_t o)
{
    size_t lo = 0, hi = t->len;

    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (t->map[m] < o)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

static void arm_labels(struct ftext *t)
{
    size_t i;

    for (i = t->first; i < t->out->len; i++) {
        lm_extraction *e = &t->out->v[i];
        size_t a, b;
        if (e->kind != LM_KIND_ARM_SIZE || e->label)
            continue;
        a = norm_off(t, e->span_start);
        b = norm_off(t, e->span_end);
        if (a >= t->len || b > t->len || b < a)
            continue;
        /* "(n = 54" starts at the bracket: the name is before it */
        e->label = arm_label(t, a, b);
    }
}

/* Is @p s an arm named by a code: "Group K", "group II", "C group"? */
static int arm_code(const char *s)
{
    size_t n = s ? strlen(s) : 0, i, c = 0;
    const char *code;

    if (n >= 7 && !strncasecmp(s, "group ", 6))
        code = s + 6;
    else if (n >= 7 && !strcasecmp(s + n - 6, " group"))
        code = s;
    else
        return 0;
    for (i = 0; code[i] && code[i] != ' '; i++, c++)
        if (!isupper((unsigned char)code[i]) && !isdigit((unsigned char)code[i]) && code[i] != '+')
            return 0;
    return c >= 1 && c <= 4;
}

/* "Group K" named by its code in a result: the treatment that defines it,
 * "DESC (group K)" elsewhere in the text, as "DESC (Group K)"; NULL when
 * the text defines none. */
static char *arm_code_desc(const struct ftext *t, const char *arm)
{
    size_t n = strlen(arm), i;
    char key[40];
    const char *p;

    if (n + 2 > sizeof key)
        return NULL;
    key[0] = '(';
    for (i = 0; i < n; i++)
        key[i + 1] = (char)tolower((unsigned char)arm[i]);
    key[n + 1] = '\0';
    for (p = t->lower; (p = fmem(p, (size_t)(t->lower + t->len - p), key, n + 1)); p++) {
        size_t at = (size_t)(p - t->lower), e = at + n + 1;
        char *d, *out;
        if (e < t->len && isalnum((unsigned char)t->s[e]))
            continue;
        if (!(d = arm_label(t, at, e)))
            continue;
        if (arm_code(d) || !isalpha((unsigned char)d[0])) {
            free(d);
            continue;
        }
        out = malloc(strlen(d) + n + 4);
        if (out)
            sprintf(out, "%s (%s)", d, arm);
        free(d);
        return out;
    }
    /* "group K (n = 20) received DESC", "In group K, DESC ..." */
    for (p = t->lower; (p = fmem(p, (size_t)(t->lower + t->len - p), key + 1, n)); p++) {
        static const char *const verb[] = { " received ", " receiving ", " was given ",
                                            " were given ", " was treated with ",
                                            " were treated with ", " was administered " };
        size_t at = (size_t)(p - t->lower), e = at + n, k, x, y;
        char *out;
        if ((at > 0 && isalnum((unsigned char)t->s[at - 1]))
            || (e < t->len && isalnum((unsigned char)t->s[e])))
            continue;
        if (e + 1 < t->len && t->s[e] == ' ' && t->s[e + 1] == '(') {
            const char *cl = memchr(t->s + e, ')', t->len - e < 30 ? t->len - e : 30);
            if (!cl)
                continue;
            e = (size_t)(cl - t->s) + 1;
        }
        if (at >= 3 && !strncmp(t->lower + at - 3, "in ", 3) && e + 2 < t->len && t->s[e] == ','
            && t->s[e + 1] == ' ') {
            x = e + 2;      /* "In group K, DESC was given" */
        } else {
            if (e < t->len && t->s[e] == ',')
                e++;
            for (k = 0; k < sizeof verb / sizeof verb[0]; k++)
                if (!strncmp(t->lower + e, verb[k], strlen(verb[k])))
                    break;
            if (k == sizeof verb / sizeof verb[0])
                continue;
            x = e + strlen(verb[k]);
        }
        y = np_end(t, x, t->len);
        trim_np(t, &x, &y);
        if (y <= x || word_count(t->s, x, y) > 8 || !isalnum((unsigned char)t->s[x]))
            continue;
        out = malloc(y - x + n + 4);
        if (out) {
            char *d = orig_dup(t, x, y);
            if (d)
                sprintf(out, "%s (%s)", d, arm);
            else
                out[0] = '\0';
            free(d);
        }
        return out;
    }
    return NULL;
}

/* The findings' arms named by codes given the treatment that defines them. */
static void arm_code_names(struct ftext *t, size_t from)
{
    size_t i;

    for (i = from; i < t->out->len; i++) {
        lm_extraction *e = &t->out->v[i];
        char **f[2], *d;
        size_t k;
        if (e->kind != LM_KIND_FINDING)
            continue;
        f[0] = &e->intervention;
        f[1] = &e->comparator;
        for (k = 0; k < 2; k++)
            if (arm_code(*f[k]) && (d = arm_code_desc(t, *f[k]))) {
                free(*f[k]);
                *f[k] = d;
            }
    }
}

/* ---- the two arms -------------------------------------------------------- */

/* The words of an arm's name that tell it from another arm, lower case and
 * space-separated into @p out: "the IV iron group" and "IV iron" are one
 * arm, "non-X group" and "X group" two (a hyphen joins a word). */
static void arm_key(const char *s, char *out, size_t cap)
{
    static const char *const drop[] = { "the", "group", "groups", "arm", "arms", "patients",
                                        "participants", "subjects", "those", "in", "who",
                                        "received", "receiving", "treated", "with", "of", "a" };
    size_t n = 0, k;

    out[0] = '\0';
    while (*s) {
        char w[48];
        size_t m = 0;
        while (*s && !isalnum((unsigned char)*s) && *s != '+')
            s++;
        for (;;) {
            /* U+2010 to U+2015, the dashes, join a word as '-' does */
            if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80
                && (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x95) {
                if (m + 1 < sizeof w)
                    w[m++] = '-';
                s += 3;
                continue;
            }
            if (!*s || !(isalnum((unsigned char)*s) || *s == '+' || *s == '-' || *s == '.'))
                break;
            if (m + 1 < sizeof w)
                w[m++] = (char)tolower((unsigned char)*s);
            s++;
        }
        while (m && (w[m - 1] == '-' || w[m - 1] == '.'))
            m--;
        w[m] = '\0';
        if (!m)
            continue;
        for (k = 0; k < sizeof drop / sizeof drop[0]; k++)
            if (!strcmp(w, drop[k]))
                break;
        if (k < sizeof drop / sizeof drop[0] || n + m + 2 > cap)
            continue;
        if (n)
            out[n++] = ' ';
        memcpy(out + n, w, m + 1);
        n += m;
    }
}

/* Is every word of key @p a a word of key @p b? */
static int key_within(const char *a, const char *b)
{
    while (*a) {
        size_t m = strcspn(a, " ");
        const char *p = b;
        int found = 0;
        while (*p && !found) {
            size_t q = strcspn(p, " ");
            found = q == m && !strncmp(p, a, m);
            p += q + (p[q] == ' ');
        }
        if (!found)
            return 0;
        a += m + (a[m] == ' ');
    }
    return 1;
}

/* Does @p s read as an arm's name, not a cut through a clause ("p <0.01)
 * in the group"): no test sign, brackets closed? */
static int arm_name_clean(const char *s)
{
    int depth = 0;

    for (; *s; s++) {
        if (*s == '<' || *s == '>' || *s == '=')
            return 0;
        if (*s == '(' || *s == '[')
            depth++;
        else if ((*s == ')' || *s == ']') && --depth < 0)
            return 0;
    }
    return depth == 0;
}

/* The arms a text names, told apart by arm_key(). */
struct two_arms {
    size_t n;           /* distinct arms seen, 3 for more than two */
    char key[2][160];
    char *name[2];      /* as first written (owned) */
};

/* Adds the arm @p s (@p n bytes) to @p w; a name of several arms ("both
 * groups", "A and B") makes the arms unknown. */
static lm_err two_arms_add(struct two_arms *w, const char *s, size_t n)
{
    char buf[160], k[160];
    size_t m;

    if (w->n > 2 || !n || n >= sizeof buf)
        return LM_OK;
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (!strcmp(buf, "baseline") || !arm_name_clean(buf))
        return LM_OK;
    if (fcasestr(buf, "both") || fcasestr(buf, "all ") || fcasestr(buf, "each")
        || fcasestr(buf, "groups") || fcasestr(buf, " and ") || fcasestr(buf, " or ")) {
        w->n = 3;
        return LM_OK;
    }
    arm_key(buf, k, sizeof k);
    if (!k[0])
        return LM_OK;
    for (m = 0; m < w->n; m++)
        if (key_within(k, w->key[m]) || key_within(w->key[m], k))
            return LM_OK;
    if (w->n == 2) {
        w->n = 3;
        return LM_OK;
    }
    strcpy(w->key[w->n], k);
    if (!(w->name[w->n] = strdup(buf)))
        return LM_ERR_NOMEM;
    w->n++;
    return LM_OK;
}

/* "the propofol group", "the early-treatment arm": the arms the text names
 * as "the WORDS group|arm" (up to three words, not "the two groups", "the
 * same group"), into @p w. */
static lm_err text_arms(const struct ftext *t, struct two_arms *w)
{
    static const char *const not_arm[] = { "two", "three", "four", "both", "each", "all", "same",
                                           "other", "either", "whole", "entire", "respective",
                                           "first", "second", "third", "latter", "former",
                                           "study", "age", "total", "one", "this", "that",
                                           "corresponding", "individual", "overall" };
    const char *p;
    lm_err rc;

    for (p = t->lower; (p = fmem(p, (size_t)(t->lower + t->len - p), "the ", 4)); p += 4) {
        size_t a = (size_t)(p - t->lower) + 4, e = a, words = 0, k;
        if (a > 4 && isalnum((unsigned char)t->lower[a - 5]))
            continue;
        while (words < 4 && e < t->len) {
            size_t x = e;
            while (x < t->len && (isalnum((unsigned char)t->lower[x]) || t->lower[x] == '-'
                                  || t->lower[x] == '+'))
                x++;
            if (x == e)
                break;
            if ((x - e == 5 && !strncmp(t->lower + e, "group", 5))
                || (x - e == 3 && !strncmp(t->lower + e, "arm", 3))) {
                if (words)
                    break;
                words = 9;
                break;
            }
            words++;
            if (x >= t->len || t->lower[x] != ' ')
                break;
            e = x + 1;
        }
        if (words < 1 || words > 3 || e >= t->len
            || !(starts_word(t->lower, t->len, e, "group") || starts_word(t->lower, t->len, e, "arm")))
            continue;
        for (k = 0; k < sizeof not_arm / sizeof not_arm[0]; k++)
            if (starts_word(t->lower, t->len, a, not_arm[k]))
                break;
        if (k < sizeof not_arm / sizeof not_arm[0])
            continue;
        e += t->lower[e] == 'g' ? 5 : 3;
        if ((rc = two_arms_add(w, t->s + a, e - a)))
            return rc;
    }
    return LM_OK;
}

/* "X was shorter in the A group (60 vs 110 min)": a comparison naming its
 * intervention but no comparator is against the other arm when the text
 * names exactly two (in its findings' arms and its "the A group" phrases;
 * a third, or a name of several arms, and nothing is filled in).  Without
 * it the comparison cannot be oriented against the study's arms. */
static lm_err other_arm(struct ftext *t, size_t from)
{
    struct two_arms w;
    char k[160];
    size_t i, j;
    lm_err rc = LM_OK;

    memset(&w, 0, sizeof w);
    for (i = from; i < t->out->len && !rc; i++) {
        const lm_extraction *e = &t->out->v[i];
        if (e->kind != LM_KIND_FINDING)
            continue;
        if (e->intervention)
            rc = two_arms_add(&w, e->intervention, strlen(e->intervention));
        if (!rc && e->comparator)
            rc = two_arms_add(&w, e->comparator, strlen(e->comparator));
    }
    if (!rc)
        rc = text_arms(t, &w);
    for (i = from; !rc && w.n == 2 && i < t->out->len; i++) {
        lm_extraction *e = &t->out->v[i];
        /* the intervention named, the comparator left out: "shorter in
         * A"; a comparator alone ("than B") leaves its subject unknown */
        if (e->kind != LM_KIND_FINDING || !strcmp(e->metric, "no_difference")
            || !e->intervention || e->comparator || !arm_name_clean(e->intervention))
            continue;
        arm_key(e->intervention, k, sizeof k);
        for (j = 0; j < 2; j++)
            if (k[0] && (key_within(k, w.key[j]) || key_within(w.key[j], k)))
                break;
        if (j < 2 && !(e->comparator = strdup(w.name[1 - j])))
            rc = LM_ERR_NOMEM;
    }
    free(w.name[0]);
    free(w.name[1]);
    return rc;
}

/* ---- the text -------------------------------------------------------------- */

static int overlaps_words(const char *a, const char *b)
{
    /* a content word (5+ letters) of a that occurs in b */
    const char *p = a;

    if (!a || !b)
        return 0;
    while (*p) {
        const char *q = p;
        char w[32];
        size_t n;
        while (*q && isalnum((unsigned char)*q))
            q++;
        n = (size_t)(q - p);
        if (n >= 5 && n < sizeof w) {
            memcpy(w, p, n);
            w[n] = '\0';
            if (fcasestr(b, w))
                return 1;
        }
        p = *q ? q + 1 : q;
    }
    return 0;
}

/* An abstract without labels opens with its background: where the
 * sentence that introduces this study starts ("We randomized ...", "This
 * study ...", "Here, ...", an aim), when a sentence before it does not;
 * else 0 (every sentence is read).  Labelled abstracts say it with their
 * labels. */
static size_t study_start(const struct ftext *t, const size_t *pb, const enum part *pp, size_t np)
{
    static const char *const own[] = { "we ", "our ", "this study", "the present study",
                                       "this trial", "this paper", "this article", "this report",
                                       "here, ", "here we", "in this ", "randomi", "enrolled",
                                       "recruited", "were included", "participants", "patients" };
    size_t i, a, b, k;

    for (i = 0; i < np; i++)
        if (pp[i] != P_UNKNOWN)
            return 0;
    for (i = 0; i < np; i++)
        for (a = pb[2 * i]; a < pb[2 * i + 1]; a = b) {
            b = sentence_end(t, a, pb[2 * i + 1]);
            if (has_cue(t, C_AIM, a, b))
                return a;
            for (k = 0; k < sizeof own / sizeof own[0]; k++) {
                const char *w = fmem(t->lower + a, b - a, own[k], strlen(own[k]));
                if (w && (w == t->lower || !isalnum((unsigned char)w[-1])))
                    return a;
            }
            while (b < pb[2 * i + 1] && t->s[b] == ' ')
                b++;
        }
    return 0;
}

lm_err findings_text(findings_rules *f, const char *orig, const char *norm,
                     const char *lower, const size_t *map, size_t len, const char *section,
                     lm_extractions *out, size_t first)
{
    struct ftext t;
    size_t a, b, body, nparts = 0, cappb = 0, cappp = 0, i, ffirst;
    size_t *pb = NULL;
    enum part *pp = NULL;
    enum part sec_part = P_UNKNOWN;
    lm_err rc = LM_OK;
    char *primary = NULL;
    size_t conc = (size_t)-1, study;

    if (!f || !len || !section || !strcmp(section, "title"))
        return LM_OK;
    memset(&t, 0, sizeof t);
    t.f = f;
    t.orig = orig;
    t.s = norm;
    t.lower = lower;
    t.map = map;
    t.len = len;
    t.section = section;
    t.out = out;
    t.first = first;
    t.dig_from = (size_t)-1;
    t.abstract = !strcmp(section, "abstract");
    if (!t.abstract) {
        size_t n = strlen(section);
        char low[32];
        for (i = 0; i < n && i + 1 < sizeof low; i++)
            low[i] = (char)tolower((unsigned char)section[i]);
        low[i] = '\0';
        sec_part = part_of_label(low, i);
        if (sec_part == P_UNKNOWN)
            sec_part = P_BACKGROUND;   /* an unnamed body section: nothing read */
    }
    arm_labels(&t);
    /* the parts: one per line, with its label; a label inside a line
     * ("... end. RESULTS: ...") starts a part too */
    for (a = 0; a < len; a = b + (b < len && norm[b] == '\n')) {
        const char *nl = memchr(norm + a, '\n', len - a);
        b = nl ? (size_t)(nl - norm) : len;
        if (t.abstract)
            b = inline_label(&t, a, b);
        if (lm_grow(&pb, &cappb, 2 * nparts + 1, sizeof *pb, 16)
            || lm_grow(&pp, &cappp, nparts, sizeof *pp, 16)) {
            rc = LM_ERR_NOMEM;
            goto done;
        }
        pp[nparts] = t.abstract ? line_part(&t, a, b, &body) : sec_part;
        if (!t.abstract)
            body = a;
        pb[2 * nparts] = body;
        pb[2 * nparts + 1] = b;
        nparts++;
        if (b >= len)
            break;
    }
    if ((rc = collect_hits(&t, pb, pp, nparts)))
        goto done;
    if (f->nh > 1)
        qsort(f->hits, f->nh, sizeof *f->hits, hit_cmp);
    /* the primary outcome named in the methods: "The primary outcome was X" */
    {
        const struct hit *h = find_cue(&t, C_PRIMARY, 0, len);
        if (h) {
            size_t x = h->e, y;
            while (x < len && (t.s[x] == ' ' || t.s[x] == ','))
                x++;
            if (starts_word(t.lower, len, x, "was") || starts_word(t.lower, len, x, "were")
                || starts_word(t.lower, len, x, "is") || starts_word(t.lower, len, x, "of"))
                x += t.lower[x] == 'w' && t.lower[x + 1] == 'e' ? 4 : t.lower[x] == 'w' ? 3 : 2;
            y = np_end(&t, x, len);
            if (y > x)
                primary = orig_dup(&t, x, y);
        }
    }
    ffirst = out->len;
    study = t.abstract ? study_start(&t, pb, pp, nparts) : 0;
    for (i = 0; i < nparts; i++) {
        enum part p = pp[i];
        size_t from = out->len;
        if (p != P_RESULTS && p != P_CONCLUSIONS && p != P_UNKNOWN)
            continue;
        if (p == P_CONCLUSIONS)
            conc = from;
        for (a = pb[2 * i]; a < pb[2 * i + 1]; a = b) {
            b = sentence_end(&t, a, pb[2 * i + 1]);
            if (a < study) {    /* the background before the study */
                while (b < pb[2 * i + 1] && t.s[b] == ' ')
                    b++;
                continue;
            }
            if ((rc = sentence_findings(&t, a, b, p)))
                goto done;
            while (b < pb[2 * i + 1] && t.s[b] == ' ')
                b++;
        }
    }
    arm_code_names(&t, ffirst);
    if ((rc = other_arm(&t, ffirst)))
        goto done;
    /* conclusions repeat the results: keep a conclusion only when no result
     * of the same outcome came before */
    if (conc != (size_t)-1) {
        size_t j, k = conc;
        for (j = conc; j < out->len; j++) {
            lm_extraction *e = &out->v[j];
            size_t r;
            int dup = 0;
            for (r = ffirst; r < conc && !dup; r++)
                dup = out->v[r].kind == LM_KIND_FINDING && e->kind == LM_KIND_FINDING
                      && overlaps_words(e->outcome, out->v[r].outcome ? out->v[r].outcome
                                                                      : out->v[r].text);
            if (dup || (e->kind == LM_KIND_FINDING && !e->outcome && conc > ffirst)) {
                extraction_free_strings(e);
                continue;
            }
            if (j != k)
                out->v[k] = *e;
            k++;
        }
        out->len = k;
    }
    /* primary: the findings on the named primary outcome, else the first */
    if (t.abstract && out->len > ffirst) {
        int any = 0;
        for (i = ffirst; i < out->len; i++) {
            lm_extraction *e = &out->v[i];
            if (e->kind != LM_KIND_FINDING)
                continue;
            if ((primary && overlaps_words(primary, e->outcome ? e->outcome : e->text))
                || (e->text && fcasestr(e->text, "primary")))
                extract_flag(e, "primary"), any = 1;
        }
        for (i = ffirst; !any && i < out->len; i++)
            if (out->v[i].kind == LM_KIND_FINDING) {
                extract_flag(&out->v[i], "primary");
                any = 1;
            }
    }
    if ((rc = regimen_rows(&t, pb, pp, nparts)))
        goto done;
    rc = follow_up_row(&t, pb, pp, nparts);
done:
    free(primary);
    free(pb);
    free(pp);
    return rc;
}

/* Designs that compare no arms of their own: a case report or series
 * reports no findings (its "improved after" is no comparison) (2); a
 * review or an opinion piece only those with a test (a pooled result, a
 * p) (1): its untested statements are no result of its own, its tested
 * ones are weighed by the claim matcher.  0: every finding stays. */
static int design_uncompared(const char *d)
{
    if (!strcmp(d, "case_report") || !strcmp(d, "case_series"))
        return 2;
    return !strcmp(d, "systematic_review") || !strcmp(d, "opinion");
}

/* Does the finding carry a test (significant or not)? */
static int finding_tested(const lm_extraction *e)
{
    return !isnan(e->p) || strstr(e->flags, "significant=");
}

/* Designs that follow nobody up: a review's times are its studies'
 * follow-up, a laboratory study's are incubation and release times. */
static int design_unfollowed(const char *d)
{
    return !strcmp(d, "systematic_review") || !strcmp(d, "meta_analysis")
           || !strcmp(d, "in_vitro") || !strcmp(d, "opinion");
}

/* Article level: the abstract's regimen and follow-up win over the body's;
 * one follow-up, the longest; no findings in a design that compares
 * nothing, no follow-up in one that follows nobody. */
void findings_finish(lm_extractions *x, size_t first)
{
    size_t i, j, keep_fu = (size_t)-1;
    int abs_reg = 0, uncompared = 0, unfollowed = 0;

    for (i = first; i < x->len; i++) {
        lm_extraction *e = &x->v[i];
        if (e->kind == LM_KIND_DESIGN && design_uncompared(e->svalue))
            uncompared = design_uncompared(e->svalue);
        if (e->kind == LM_KIND_DESIGN && design_unfollowed(e->svalue))
            unfollowed = 1;
        if (e->kind == LM_KIND_REGIMEN && !strcmp(e->section, "abstract"))
            abs_reg = 1;
        if (e->kind == LM_KIND_FOLLOW_UP) {
            if (keep_fu == (size_t)-1
                || (!strcmp(e->section, "abstract") && strcmp(x->v[keep_fu].section, "abstract"))
                || (!strcmp(e->section, x->v[keep_fu].section) && e->value > x->v[keep_fu].value))
                keep_fu = i;
        }
    }
    for (i = j = first; i < x->len; i++) {
        lm_extraction *e = &x->v[i];
        int drop = (e->kind == LM_KIND_FOLLOW_UP && (i != keep_fu || unfollowed))
                   || (e->kind == LM_KIND_FINDING
                       && (uncompared == 2 || (uncompared == 1 && !finding_tested(e))))
                   || (e->kind == LM_KIND_REGIMEN && abs_reg && strcmp(e->section, "abstract"));
        if (drop) {
            extraction_free_strings(e);
            continue;
        }
        if (i != j)
            x->v[j] = *e;
        j++;
    }
    x->len = j;
}
