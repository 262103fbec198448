#define _GNU_SOURCE
/* The rule engine: pattern pieces defined once, rule tables built from
 * them (one table per extractor), compiled once per handle with PCRE2 JIT,
 * and the handlers that turn a match into an lm_extraction.  Matching runs
 * on the normalised text (lm_text_norm); spans are mapped back to the
 * original bytes.
 *
 * Named groups carry the numbers: n (a count), a1..a3 (arm sizes), k and nn
 * (events and denominator), pct (a percent), est (an estimate), ci, p, m
 * (the metric word).  A handler reads the groups a rule has. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extractors_int.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- pattern pieces ---------------------------------------------------- */

/* a digit number: 1,234 / 1 234 / 12 / 0.25 */
#define NUMD "(?:\\d{1,3}(?:[, ]\\d{3})+(?![\\d.])|\\d+)(?:\\.\\d+)?"
/* signed, or a bare decimal ".25" */
#define SNUM "(?:- ?)?(?:" NUMD "|\\.\\d+)"
/* number words, as a trie so the JIT rejects a non-number word at its
 * first letters (a flat list of 28 alternatives doubled the run time) */
#define WUNIT "(?:o(?:ne)|t(?:wo|hree|en|welve|hirt(?:een|y)|wenty|housand)|" \
    "f(?:our(?:teen)?|ive|ift(?:een|y)|orty)|s(?:ix(?:teen|ty)?|even(?:teen|ty)?)|" \
    "e(?:ight(?:een|y)?|leven)|n(?:ine(?:teen|ty)?)|hundred)"
/* number words: "Sixty-four", "two hundred and six" */
#define WNUM "\\b(?=[otfsenh])(?:" WUNIT "(?:(?:-| | and |-and-)" WUNIT ")*)\\b"
#define COUNT "(?:" NUMD "|" WNUM ")"
/* what a count must not be followed by: ages, doses, durations, percents */
#define NOT_UNIT "(?! ?(?:%|percent|per ?cent|years?|yrs?|months?|weeks?|wks?|days?|" \
    "hours?|hrs?|h\\b|minutes?|min\\b|(?:person|patient)[- ](?:years?|months?|days?|time)|mg|g\\b|kg|ml|mmol|µg|mcg|iu\\b|cm|mm|studies|trials|" \
    "articles|times|sessions|cycles|doses|sites|cent(?:er|re)s|hospitals|countries|" \
    "groups|arms|items|questions|weeks))"
/* a count not preceded by a digit, decimal, ratio, range, exponent ("1e400"),
 * age, or a class's name ("type 1 diabetic patients", "grade 3 patients") */
#define PRE "(?<![\\d.,/:-])(?<!\\de)(?<!aged )(?<!age )(?<!= )(?<!=)(?<!type )(?<!grade )(?<!stage )(?<!class )"
/* up to five modifier words between a count and its noun; a word may
 * hold digits or a slash ("HIV-1", "overweight/obese"), and "age- and
 * sex-matched" is one, and so is "type 2" ("12 type 2 diabetic patients";
 * PRE keeps the 2 itself from being a count) */
#define MODS "(?:(?!(?:in|of|at|to|from|for|on|by|per|each|and|or|than|vs|were|was|who|had|with)\\b)" \
    "[a-z][a-z0-9'/-]*,? |[a-z]+- (?:and|or) [a-z]+-[a-z]+ |type [12] ){0,5}?"
#define WHO "(?:patients|participants|subjects|adults|children|women|men|individuals|" \
    "volunteers|people|persons|infants|neonates|newborns|adolescents|students|" \
    "smokers|outpatients|inpatients|mothers|veterans|athletes|respondents|cases|" \
    "couples|families|residents|workers|nurses|physicians|employees|girls|boys|" \
    "youths?|users|drinkers|survivors|recipients|donors|members|elderly|" \
    "controls|twins|dyads|clients|caregivers|parents|teenagers|schoolchildren|" \
    "pupils|soldiers|probands|pregnancies|births|mother-infant pairs|pairs|females|males|" \
    "heifers|cows|dogs|cats|mice|rats|animals|horses|pigs|eyes)\\b"
/* the gap between a noun and its verb: no digits, no sentence end */
/* ... a word may hold digits ("T2DM", "HIV-1", "COVID-19": a digit after a
 * letter, a hyphen or such a digit; a number after a space still stops the
 * gap).  Kept short: the {0,120} repeat is compiled out in full. */
#define GAP "(?:[^.;:\\d(]|(?<=[a-z\\d-])\\d|\\((?! ?[\\d.]+ ?%\\))[^()]{0,80}\\)|\\d+ (?:cent(?:er|re)s|sites|hospitals|countries|" \
    "clinics|practices|units|institutions)\\b|\\b\\d+(?: ?(?:-|to) ?\\d+)? (?:years?|months?|weeks?)" \
    "(?: of age| old)?\\b){0,120}?"
#define BE "(?:(?:were|was|had been|have been|has been|being|will be|are|is) )?(?:(?:then|subsequently|all|each) )?"
#define RANDOM_V "(?:randomi[sz]ed|randomly (?:assigned|allocated|divided|apportioned|distributed)|allocated|assigned|underwent randomi[sz]ation)"
#define ENROL_V "(?:enrolled|divided|recruited|studied|registered|participated|took part|treated|followed|involved|investigated|attended|" \
    "started (?:the )?(?:treatment|therapy|intervention|programme|program))"
#define INCL_V "(?:included|evaluated|examined|assessed|surveyed|identified|interviewed|observed)"
#define ANAL_V "(?:completed|analy[sz]ed|evaluable|available for analysis|finished)"
/* a p-value */
#define PP "\\bp ?(?:-? ?values?)? ?(?:[<>]=?|=|of|was|is|were)(?: ?[<>]=?)? ?(?:\\. \\d+|" SNUM ")" \
    "(?: ?[x*] ?10 ?\\^? ?-? ?\\d+|e-?\\d+)?"
/* a confidence interval, labelled ... */
#define CIL "(?:\\d{2}(?:\\.\\d)? ?% ?)?(?:CI|CrI|C\\.I\\.|confidence intervals?|credible intervals?)" \
    "(?: ?[\\[(]CI[\\])])?[ :=,]*(?:of |from )?[\\[(]?" SNUM " ?%? ?(?:-|to|,|;|and) ?" SNUM " ?%?[\\])]?"
/* ... or bare brackets */
#define CIP "(?:" CIL "|[\\[(]" SNUM " ?(?:-|to|,|;) ?" SNUM "[\\])])"
/* a unit after an estimate: "2.5 mmHg", "3 points", "1.2 kg/m2" */
#define UNIT "(?: (?!(?:p|and|or|vs|to|in|of|at|for|with)\\b)[a-z%\\xb5]{1,10}(?:/[a-z0-9.]{1,6})?(?=[ ,;(\\[]))?"
#define TAIL UNIT "(?:[ ,;(\\[]*(?<ci>" CIP "))?(?:[ ,;)\\]]*(?<p>" PP "))?"
/* between the metric name and its estimate */
#define EQ "\\)?(?: ?[\\[(](?:a?OR|a?HR|a?RR|IRR|SMD|W?MD|ES|95% ?CI)[\\])])?(?: for [a-z-]+(?: [a-z-]+)?)?" \
    "[ ,:=]*(?:(?:of|was|were|is)(?: also)? |= |: |, )?(?:[<>]=? ?)?\\(?"

struct rule {
    const char *id;
    lm_kind kind;
    const char *metric;   /* fixed metric; NULL: from the text */
    int prio;             /* sample size: which wins as the study's total */
    const char *pattern;
    unsigned flags;       /* R_SITE... */
    const char *near;     /* R_NEAR, R_VERB: literals of the match ("a|b",
                             lower-case, none starting with '=') */
};

/* Where a rule may start, so that it is tried anchored (\G) at a few
 * offsets instead of scanning every byte (PCRE2's start-of-match bitmap for
 * a count holds the digits and the letters o,t,f,s,e,n,h: nearly every
 * position).  Each is a necessary condition of the pattern, so the matches
 * are those of a full scan, leftmost first:
 *  R_SITE  the rule starts with SITE (a count before a people noun): tried
 *          only where SITE matched; one scan for the sites serves them all;
 *  R_NUM   the rule starts with PRE and a count (digits or a number word;
 *          with R_DIGIT digits only, with R_SNUM digits, '-' or '.'):
 *          tried at the offsets num_starts() lists that start such a number;
 *  R_LEAD  a lead-in of at most LEAD_MAX bytes ("enrolled a total of ",
 *          ". ") then SITE's count: searched from LEAD_MAX bytes before
 *          each site with an offset limit at the site;
 *  R_NEAR  every match holds one of the literals of `near` at most LEAD_MAX
 *          bytes from its start: searched like R_LEAD before each place
 *          where one occurs (the gate scan says where);
 *  R_VERB  (with R_SITE or R_NUM) the match holds one of the literals of
 *          `near` (its verb) before the end of the clause of the site or
 *          number (the first '.' not before a digit, ';' or ':' outside
 *          brackets, which GAP, MODS, ROLE_NP and a count cannot cross): a
 *          start without one is not tried;
 *  R_PCT   the rule starts right after "%" or "%)" (a look-behind):
 *          tried there;
 *  R_WORDS the rule starts with a number word (\b WNUM): tried at every
 *          word start where one begins;
 *  R_WNEXT (R_NUM) digits, a space and a letter (or "-"): "12 patients";
 *  R_PNEXT (R_NUM) digits then "%" or "per": "12 %", "12 percent";
 *  R_BNEXT (R_NUM) digits, a space and "(" or "[" (with R_WNEXT: either);
 *  R_ONEXT (R_NUM) digits then "/", "of" or "out of": "9/14", "9 of 14";
 *  R_CINEXT (R_NUM) a number, an optional unit word (10 letters, "/" and
 *          6 more) and separators, then "(" or "[": "0.04 mmHg (95% CI".
 *          The digits run over [0-9., ] (a number's characters and the
 *          optional space after it; "-" too for R_CINEXT), so the tests
 *          are exact;
 *  R_PCTRUN (R_NUM) the match and its look-ahead are a list of percents:
 *          bytes of PCT_RUN only from the start, reaching a "%" or
 *          "percent" (pct_run);
 *  R_AND4  one to four words ([^ .;]+ and a space) then "and " from the
 *          start (and_within);
 *  R_COMMA (R_LEAD) the lead-in ends with ", " right before the count: a
 *          site without it is not searched before (every match is found
 *          before the site of its own count);
 *  R_DOTVERB (with R_SITE or R_NUM) as R_VERB, the clause ending at the
 *          first ';' or '.' not before a digit (brackets and ':' do not
 *          end it). */
#define R_SITE 1u
#define R_NUM 2u
#define R_LEAD 4u
#define R_DIGIT 8u
#define R_SNUM 16u
#define R_NEAR 32u
#define R_VERB 64u
#define R_PCT 128u
#define R_WNEXT 256u
#define R_PNEXT 512u
#define R_WORDS 1024u
#define R_BNEXT 2048u
#define R_ONEXT 4096u
#define R_CINEXT 8192u
#define R_PCTRUN 16384u
#define R_AND4 32768u
#define R_COMMA (1u << 24)
#define R_DOTVERB (1u << 25)
/* R_LEAD, R_NEAR: the lead-in is at most n bytes (else LEAD_MAX; n < 256) */
#define R_LEADN(n) ((unsigned)(n) << 16)
#define R_LEADOF(f) ((f) >> 16 & 0xFF)
#define LEAD_MAX 128
/* a noun phrase of any words (see n.role.*): an optional "(of 333)",
 * then one to four words, none a function word or a verb of the clause */
#define ROLE_W "(?!(?:in|of|at|to|from|for|on|by|per|each|and|or|than|vs|were|was|who|had|have|has|" \
    "with|the|a|an|is|are|be|been|randomi[sz]ed|randomly|enrolled|recruited|included|studied)\\b)[a-z][a-z'-]+"
#define ROLE_NP "(?:[(\\[]of " NUMD "(?: [a-z]+){0,2}[)\\]] )?(?!(?:[a-z'-]+,? ){0,3}?" NOT_PEOPLE "\\b)(?:" ROLE_W ",? ){1,4}?"
/* what such a count must not be of: clusters (their people are the
 * sample) and documents or materials (a review's, a lab's units) */
#define NOT_PEOPLE "(?:schools|sites|cent(?:er|re)s|clinics|practices|hospitals|units|wards|churches|" \
    "villages|communities|clusters|classes|classrooms|countries|regions|districts|provinces|counties|" \
    "municipalities|towns|cities|neighbou?rhoods|teams|groups|departments|laboratories|companies|" \
    "organi[sz]ations|pharmacies|studies|trials|articles|" \
    "publications|manuscripts|papers|reports|questionnaires|records|samples|specimens|products|" \
    "elements|items|regimens|genes|sessions|recordings|images|lesions|teeth|eyes|parameters|variables|outcomes|indicators)"
/* what is analysed that is not people: methods, materials, measures */
#define NOT_PEOPLE_ANALYSED "(?:[a-z-]*solutions|methods|techniques|protocols|formulations|devices|models|algorithms|tools|" \
    "scales|instruments|strategies|approaches|compounds|drugs|products|systems|tests|assays|complex(?:es)?|" \
    "proteins|molecules|sequences|variants|mutations|pathways|images|scans|videos|texts|documents|guidelines|websites|apps)"
/* what two counts of one noun are not groups of a sample of: units,
 * events, outcome classes ("three complete and three partial responders") */
#define NOT_GROUPED "(?:degrees|units|events|episodes|cases|deaths|days|weeks|months|years|hours|minutes|times|" \
    "points|doses|cycles|visits|responders|non-?responders|procedures|operations|injections|tablets|cigarettes|drinks|steps|items|" \
    "measures|measurements|tests|assessments|scans|questionnaires)"
/* a count that can be a study's total: not "one", nor a group's trait
 * ("patients with 2 prior lines were randomised") */
#define ROLE_PRE PRE "(?<!with )(?<!than )(?<!after )(?!one\\b)"
/* the same after a verb: ends at the phrase's last word ("to" inside
 * "overweight to obese" is allowed once) */
#define ROLE_NP_END "(?:" ROLE_W " (?:to " ROLE_W " )?){0,3}?" ROLE_W "\\b"
/* a breakdown in brackets between a count and its people: holds a letter,
 * is not a summary statistic ("(IQR 2-5)", "(mean 4)"); "(of 333)" is
 * ROLE_NP's */
#define PAREN_BETWEEN "[(\\[](?=[^()\\[\\]]{0,60}[a-z])(?!(?:iqr|range|sd|se|median|mean|95|of)\\b)[^()\\[\\]]{1,60}[)\\]]"
#define SITE PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO

/* ---- sample size ------------------------------------------------------- */

static const struct rule size_rules[] = {
    /* body parts counted with their people: "87 eyes of 50 patients" (the
     * people are the participants; first in the table, so that the eyes
     * are not read as a count of their own) */
    { "n.units_of_people", LM_KIND_SAMPLE_SIZE, "included", 74,
      PRE COUNT " (?:[a-z-]+ )?(?:eyes|teeth|knees|hips|shoulders|ears|feet|hands|limbs|kidneys|lesions|"
      "nodules|tumou?rs|implants|wounds|ulcers|joints|fractures|procedures|operations|pregnancies) "
      "(?:of|from|in) (?:a total of |the )?(?<n>" COUNT ")" NOT_UNIT " " MODS WHO, R_NUM | R_WNEXT | R_VERB,
      "eyes|teeth|knees|hips|shoulders|ears|feet|hands|limbs|kidneys|lesions|nodules|tumors|tumours|"
      "implants|wounds|ulcers|joints|fractures|procedures|operations|pregnancies" },
    /* a protocol's planned size ("We will recruit 240 adults", "the trial
     * aims to include 120 patients", "The target sample size is 300"): in
     * the future tense it is the study's total, above the number enrolled
     * so far */
    { "n.planned", LM_KIND_SAMPLE_SIZE, "enrolled", 102,
      "(?|\\b(?:(?:we |trial |study |which )?will (?:recruit|enrol|enroll|include|randomi[sz]e|involve)|"
      "aims? to (?:recruit|enrol|enroll|include|randomi[sz]e)|(?:is|are) (?:planned|expected|intended) to (?:recruit|enrol|enroll|include|randomi[sz]e)|"
      "plans? to (?:recruit|enrol|enroll|include|randomi[sz]e)|(?:is|are|was|were) designed to (?:recruit|enrol|enroll|include|randomi[sz]e)|(?:planned|target|required|intended|estimated) sample (?:size )?(?:is|will be))"
      " (?:a total of |approximately |about |up to |at least |a minimum of )?(?<n>" COUNT ")" NOT_UNIT " "
      "(?!(?:[a-z'-]+ ){0,3}?" NOT_PEOPLE "\\b)" ROLE_NP_END "(?! (?:per|in each|each|for each|in every)\\b)"
      /* the size alone: "the target sample size is 200." */
      "|\\b(?:planned|target|required|intended|estimated|total) sample size (?:is|was|will be|of) (?:approximately |about |at least )?"
      "(?<n>" COUNT ")" NOT_UNIT "(?= ?[.;,)]| (?:participants|patients|subjects|in total)\\b))",
      /* each literal is at most 10 bytes into the match ("which will
       * recruit", "estimated sample "): a short look-back */
      R_NEAR | R_LEADN(24), "will recruit|will enrol|will include|will randomi|will involve|aim|plan|intend|expect|sample |designed to" },
    /* ... the count first: "184 patients will be needed" (a protocol's
     * power calculation), "a sample of 96 families will be recruited".
     * Its own entry under the same id (one rule to the reader and the
     * gates): it starts with its count, tried at the numbers whose clause
     * holds its verb */
    { "n.planned", LM_KIND_SAMPLE_SIZE, "enrolled", 102,
      ROLE_PRE "(?<!per )(?<n>" COUNT ")" NOT_UNIT " (?!(?:[a-z'-]+ ){0,3}?" NOT_PEOPLE "\\b)" ROLE_NP
      "(?:(?:in total |in all )?(?:will be|are to be) (?:needed|required|recruited|enrolled|enroled|included|randomi[sz]ed))\\b",
      R_NUM | R_VERB, "will be |are to be" },
    /* ... and in brackets: "120 eyes (60 patients)", "46 knees [of 40 women]" */
    { "n.units_of_people.paren", LM_KIND_SAMPLE_SIZE, "included", 74,
      "(?=[^ .;]+ (?:[a-z-]+ )?[a-z]+ [(\\[])" PRE COUNT " (?:[a-z-]+ )?(?:eyes|teeth|knees|hips|shoulders|ears|feet|hands|limbs|kidneys|lesions|"
      "nodules|tumou?rs|implants|wounds|ulcers|joints|fractures|procedures|operations|pregnancies) "
      "[(\\[](?:of |from |in )?(?:a total of |the )?(?<n>" COUNT ")" NOT_UNIT " " MODS WHO "[)\\];,]", R_NUM | R_WNEXT | R_VERB,
      "eyes|teeth|knees|hips|shoulders|ears|feet|hands|limbs|kidneys|lesions|nodules|tumors|tumours|"
      "implants|wounds|ulcers|joints|fractures|procedures|operations|pregnancies" },
    { "n.arms_sum", LM_KIND_SAMPLE_SIZE, "randomized", 95,
      PRE "(?<a1>" NUMD ")" NOT_UNIT " (?:" MODS WHO " )?" BE "(?:had been )?" RANDOM_V
      " (?:in)?to " GAP " and (?<a2>" NUMD ") (?:" MODS WHO " )?(?:were )?(?:to|in|into) ", R_NUM | R_DIGIT | R_WNEXT | R_VERB,
      "random|allocated|assigned" },
    /* the same with the first count in words ("Seventy patients were
     * randomized into the zorvil group and 70 patients were in the usual
     * care group") */
    { "n.arms_sum.words", LM_KIND_SAMPLE_SIZE, "randomized", 95,
      "(?<a1>" WNUM ")" NOT_UNIT " (?:" MODS WHO " )?" BE "(?:had been )?" RANDOM_V
      " (?:in)?to " GAP " and (?<a2>" NUMD ") (?:[a-z-]+ ){0,3}?(?:were )?(?:to|in|into) ", R_WORDS | R_VERB,
      "random|allocated|assigned" },
    { "n.paren_randomized", LM_KIND_SAMPLE_SIZE, "randomized", 98,
      "[(\\[] ?n ?= ?(?<n>" NUMD ")(?:[;,][^()\\[\\]]{0,80})?[)\\]] "
      /* a participle's phrase between the bracket and its verb ("(n = 134)
       * attending primary care were randomized") */
      "(?:(?!(?:were|was|being)\\b)[a-z]{3,}(?:ing|ed) (?:(?!(?:were|was|and|or|had|have)\\b)[a-z-]+ ){0,4}?(?=(?:were|was) ))?"
      BE "(?:(?:equally|evenly) and )?(?:randomly |then )?" RANDOM_V "\\b", R_NEAR | R_LEADN(3), "n =|n=" },
    { "n.per_group", LM_KIND_SAMPLE_SIZE, "enrolled", 73,
      PRE "(?<n>" COUNT ")" NOT_UNIT " (?:" MODS WHO " )?(?:per|in each|for each|each|in every)(?: of the (?:two|three|four|five|\\d))? (?:groups?|arms?|conditions?)\\b", R_NUM | R_WNEXT | R_VERB, "per|each|in every" },
    /* "two groups of 30 patients each" */
    { "n.per_group.of", LM_KIND_SAMPLE_SIZE, "enrolled", 73,
      "\\b(?:two|three|four|five|[2-5]) (?:equal |similar )?(?:groups|arms) of (?<n>" COUNT ")" NOT_UNIT
      "(?: " MODS WHO "(?: each)?\\b| each\\b|(?= ?[,.;:()]|$)|(?= (?:receiving|treated|given|allocated|assigned|who)\\b))", R_NEAR, "groups of|arms of" },
    /* three groups in a list: "45 children, 30 adolescents and 25 adults" */
    { "n.groups_sum3", LM_KIND_SAMPLE_SIZE, "included", 72,
      PRE "(?<a1>" COUNT ")" NOT_UNIT " " MODS WHO ", (?<a2>" COUNT ")" NOT_UNIT " " MODS WHO
      ",? and (?<a3>" COUNT ")" NOT_UNIT " " MODS WHO, R_SITE | R_VERB, "and" },
    /* two groups joined by "and", not two steps of a flow ("500 patients
     * were screened and 240 patients were enrolled") nor a breakdown ("eight
     * persons (four men and four women)") */
    { "n.groups_sum", LM_KIND_SAMPLE_SIZE, "included", 72,
      PRE "(?<a1>" COUNT ")" NOT_UNIT " " MODS WHO "(?:(?! (?:were|was|had|have|of whom|of these|of them)\\b)(?!\\( ?(?:[a-z]+ )?(?:one|two|three|four|five|six|seven|eight|nine|ten)\\b)[^.;\\d]){0,60}? and (?<a2>" COUNT ")"
      NOT_UNIT " " MODS WHO , R_SITE | R_DOTVERB, " and " },
    /* two groups of one noun, whatever it is: "Eleven older rowers and 11
     * younger rowers" (the noun said twice joins the groups), or named by a
     * word each before one noun: "Nine male and seven female athletes took
     * part" (the word is not a plural noun, and the noun is the subject of
     * the clause's verb).  One rule for both, so a count is tried once, and
     * only where an "and" follows within four words. */
    { "n.groups_sum.listed", LM_KIND_SAMPLE_SIZE, "included", 72,
      "(?=(?:[^ .;]+ ){1,4}and )" PRE "(?<a1>" COUNT ")" NOT_UNIT " (?|"
      "(?:(?!(?:and|or|of|in|with|were|was|per|each)\\b)[a-z-]+ ){0,2}?"
      "(?!(?:" NOT_PEOPLE "|" NOT_GROUPED ")\\b)(?<noun>[a-z-]{3,}s) and (?<a2>" COUNT ")" NOT_UNIT
      " (?:(?!(?:and|or|of|in|with|were|was|per|each)\\b)[a-z-]+ ){0,2}?(?:non-?|ex-|[a-z]{2,}-)?\\k<noun>\\b"
      "|(?!(?:and|or|of|in|to|with|per|each|hundred|thousand|million)\\b)[a-z-]*[a-rt-z](?<noun>) and (?<a2>" COUNT ")" NOT_UNIT
      " (?!(?:and|or|of|in|to|with|per|each)\\b)[a-z-]+ (?!(?:[a-z'-]+ ){0,2}?(?:" NOT_PEOPLE "|" NOT_GROUPED ")\\b)"
      ROLE_NP_END "(?= (?:were (?:enrolled|recruited|included|studied|randomi[sz]ed|interviewed|tested|examined|assessed)|"
      "took part|participated|completed|volunteered|underwent|received|performed|attended)\\b))",
      R_NUM | R_WNEXT | R_VERB | R_AND4, " and " },
    /* two groups named as the groups they were put in: "Twenty-four
     * patients were included in group A and 26 in group B" */
    { "n.groups_sum.in_group", LM_KIND_SAMPLE_SIZE, "included", 72,
      PRE "(?<a1>" COUNT ")" NOT_UNIT " " MODS WHO " " BE "(?:included|enrolled|randomi[sz]ed|allocated|assigned|placed|distributed) "
      "(?:in|into|to) (?:the )?(?:[\\w-]+ ){0,2}?(?:group|arm)(?: [a-z0-9]{1,3}\\b)?,? and (?<a2>" COUNT ")" NOT_UNIT
      " (?:" MODS WHO " )?(?:in|into|to) (?:the )?(?:[\\w-]+ ){0,2}?(?:group|arm)\\b", R_SITE | R_VERB, "group|arm" },
    /* two arms by what they received: "Fifteen patients received zorvil
     * and fifteen received placebo" */
    { "n.groups_sum.received", LM_KIND_SAMPLE_SIZE, "included", 72,
      PRE "(?<a1>" COUNT ")" NOT_UNIT " " MODS WHO " (?:were given|received|were treated with) [^.;:\\d]{1,60}? and (?<a2>" COUNT ")"
      NOT_UNIT " (?:" MODS WHO " )?(?:were given|received|were treated with)\\b", R_SITE | R_VERB, "received|given|treated" },
    /* a group with a trait and one without: "35 patients with migraine and
     * 35 without" */
    { "n.groups_sum.without", LM_KIND_SAMPLE_SIZE, "included", 72,
      PRE "(?<a1>" COUNT ")" NOT_UNIT " " MODS WHO " with (?:[a-z'-]+,? ){1,4}?and (?<a2>" COUNT ") without\\b",
      R_SITE | R_VERB, "without" },
    /* two groups named by a word each after "Participants were": "Participants
     * were 21 professional and 19 amateur dancers" */
    { "n.groups_sum.were", LM_KIND_SAMPLE_SIZE, "included", 72,
      "\\b(?:participants|subjects|respondents|the sample|the cohort|the study population|the study sample|(?:the )?(?:two|three|2|3) groups) "
      "(?:were|comprised|included|consisted of|(?:was |were )?(?:composed|made up) of) (?<a1>" COUNT ")" NOT_UNIT " (?!(?:and|or|of|in|to|with|per|each)\\b)[a-z-]+ and (?<a2>" COUNT ")"
      NOT_UNIT " (?!(?:[a-z'-]+ ){0,2}?(?:" NOT_PEOPLE "|" NOT_GROUPED ")\\b)" ROLE_NP_END "(?= ?[.;,(]|$| (?:with|who|aged|from)\\b)",
      R_NEAR, "participants were|participants comprised|participants included|participants consisted|subjects were|subjects comprised|subjects included|subjects consisted|respondents were|respondents comprised|respondents included|respondents consisted|"
      "sample were|sample comprised|sample included|sample consisted|cohort were|cohort comprised|cohort included|cohort consisted|population were|population comprised|population included|population consisted|"
      "groups were|groups comprised|groups consisted|groups included|was composed|was made up" },
    { "n.sex_sum", LM_KIND_SAMPLE_SIZE, "included", 60,
      "(?|[(\\[](?<a1>" NUMD ") (?:males?|men|boys|male patients)[;,] ?(?<a2>" NUMD ") (?:females?|women|girls|female patients)[)\\]]"
      "|[(\\[](?<a1>" NUMD ") (?:females?|women|girls|female patients)[;,] ?(?<a2>" NUMD ") (?:males?|men|boys|male patients)[)\\]])", 0, NULL },
    { "n.who_paren", LM_KIND_SAMPLE_SIZE, "enrolled", 68,
      "(?|\\b(?!(?:fe)?males\\b)" WHO " ?[(\\[] ?n ?= ?(?<n>" NUMD ")(?![\\d.%])(?! ?(?:per|in each|each|for each)\\b)[;,)\\] ]"
      "|[(\\[] ?n ?= ?(?<n>" NUMD ") " MODS WHO "[)\\]])", R_NEAR | R_LEADN(24), "n =|n=" },
    /* the whole sample's count in brackets: "for the entire population
     * (n = 64)", "the study sample (n = 212)"; those analysed by intention
     * to treat ("In intent-to-treat (ITT) analyses (n = 93)") */
    { "n.population_paren", LM_KIND_SAMPLE_SIZE, "enrolled", 75,
      "\\b(?:entire|whole|total|overall|full|study|trial) (?:study |trial )?(?:population|sample|cohort) [(\\[] ?n ?= ?(?<n>" NUMD ")(?![\\d.%])[)\\];,]",
      R_NEAR | R_LEADN(48), "n =|n=" },
    { "n.itt_paren", LM_KIND_SAMPLE_SIZE, "analyzed", 60,
      "\\binten(?:t|tion)[- ]to[- ]treat (?:[(\\[]itt[)\\]] )?(?:population|analys[ie]s|set|sample|cohort) [(\\[] ?n ?= ?(?<n>" NUMD ")(?![\\d.%])[)\\];,]",
      R_NEAR | R_LEADN(56), "n =|n=" },
    /* the count in brackets after its people: "Healthy female volunteers
     * (224) were prospectively randomized" */
    { "n.who_paren_bare", LM_KIND_SAMPLE_SIZE, "enrolled", 80,
      "\\b" WHO " [(\\[](?<n>" NUMD ")[)\\]] (?:were|was|had been|have been) (?:prospectively |randomly |consecutively |then )?"
      "(?:" RANDOM_V "|" ENROL_V "|included)\\b", R_NEAR | R_LEADN(40), ") were|) was|) had been|) have been|] were|] was" },
    { "n.randomized", LM_KIND_SAMPLE_SIZE, "randomized", 100,
      PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO GAP "\\b" BE "(?:randomly |subsequently |then )?" RANDOM_V "\\b" , R_SITE | R_VERB, "random|alloc|assign" },
    /* a bracket between the count and its people: a breakdown ("512 (260
     * zorvil, 252 usual care) patients", "318 (51% female) adults", "96
     * (aged 2-8 years) children") or the digits of a count in words ("Eight
     * hundred and two (802) patients").  Not a bracket that is only a
     * share or a number ("308 (87%) patients": a part of an earlier
     * count), nor a summary statistic; a share only in paren_share, where
     * its people are the subject of "were randomised" (those randomised
     * are the trial, whatever share of those screened; not "18 (72%)
     * women who were allocated to ...", one arm's share).  SITE's pre-filter refuses brackets,
     * so these rules start at the numbers themselves. */
    { "n.randomized.paren_between", LM_KIND_SAMPLE_SIZE, "randomized", 99,
      PRE "(?|(?<n>" WNUM ") [(\\[]" NUMD "[)\\]]|(?<n>" NUMD ")" NOT_UNIT " " PAREN_BETWEEN ") " MODS WHO GAP "\\b" BE
      "(?:randomly |subsequently |then |prospectively )?" RANDOM_V "\\b", R_NUM | R_BNEXT | R_VERB, "random|alloc|assign" },
    { "n.randomized.paren_share", LM_KIND_SAMPLE_SIZE, "randomized", 99,
      PRE "(?<n>" NUMD ") [(\\[]\\d+(?:\\.\\d+)? ?%[)\\]] " MODS WHO
      /* those with a finding, randomised: "1204 (49%) patients had zorvitis and were randomly assigned" */
      "(?: had [^.;,()\\d]{1,40}? and)? " BE "(?:randomly )?(?:randomi[sz]ed|randomly (?:assigned|allocated))\\b",
      R_NUM | R_BNEXT | R_VERB, "random" },
    { "n.enrolled.paren_between", LM_KIND_SAMPLE_SIZE, "enrolled", 80,
      PRE "(?|(?<n>" WNUM ") [(\\[]" NUMD "[)\\]]|(?<n>" NUMD ")" NOT_UNIT " " PAREN_BETWEEN ") " MODS WHO GAP "\\b" BE
      "(?:prospectively |consecutively |successfully |finally )?(?:enrolled|recruited|included|participated|took part|studied)\\b",
      R_NUM | R_BNEXT | R_VERB, "enrolled|recruited|included|participated|took part|studied" },
    /* ... the same breakdown written without a space: "418(207 zorvil, 211
     * placebo) patients were randomized"; the bracket must open on a
     * digit ("25(OH)D" is no count).  Tried at digits right before a
     * bracket (R_CINEXT's test) where the clause holds the verb. */
    { "n.randomized.paren_tight", LM_KIND_SAMPLE_SIZE, "randomized", 99,
      PRE "(?<n>" NUMD ")[(\\[](?=\\d[\\d,]* [a-z])[^()\\[\\]]{1,60}[)\\]] (?:" MODS WHO GAP "\\b)?" BE
      "(?:randomly |subsequently |then |prospectively )?" RANDOM_V "\\b", R_NUM | R_DIGIT | R_CINEXT | R_VERB, "random|alloc|assign" },
    { "n.enrolled.paren_tight", LM_KIND_SAMPLE_SIZE, "enrolled", 80,
      PRE "(?<n>" NUMD ")[(\\[](?=\\d[\\d,]* [a-z])[^()\\[\\]]{1,60}[)\\]] (?:" MODS WHO GAP "\\b)?" BE
      "(?:prospectively |consecutively |successfully |finally )?(?:enrolled|recruited|included|participated|took part|studied)\\b",
      R_NUM | R_DIGIT | R_CINEXT | R_VERB, "enrolled|recruited|included|participated|took part|studied" },
    { "n.randomized.verb_first", LM_KIND_SAMPLE_SIZE, "randomized", 100,
      "\\b(?:randomi[sz]ed|randomly (?:assigned|allocated)|randomi[sz]ing) (?:\\([^()]{1,12}\\) )?(?:a total of |the )?"
      "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO, R_LEAD | R_LEADN(32), NULL },
    { "n.randomized.bare", LM_KIND_SAMPLE_SIZE, "randomized", 90,
      PRE "(?<n>" COUNT ")" NOT_UNIT "(?: " PAREN_BETWEEN ")? (?:were|was|had been|have been) (?:randomly |then |equally |evenly )?" RANDOM_V "\\b",
      R_NUM | R_WNEXT | R_BNEXT | R_VERB, "random|allocated|assigned" },
    /* "..., 312 were eligible and 287 were enrolled": the count alone */
    { "n.enrolled.bare", LM_KIND_SAMPLE_SIZE, "enrolled", 79,
      "(?=[^ .;]+ (?:were|had|have) )" PRE "(?<n>" COUNT ")" NOT_UNIT " (?:were|had been|have been) (?:subsequently |finally |eventually |successfully )?"
      "(?:enrolled|recruited|included in (?:the|this) (?:study|trial|cohort))\\b", R_NUM | R_WNEXT | R_VERB,
      "enrolled|recruited|included in" },
    /* "..., 456 (57%) took part": those who took part, the count alone
     * (those who agreed or consented: n.agreed) */
    { "n.took_part.bare", LM_KIND_SAMPLE_SIZE, "enrolled", 79,
      PRE "(?<n>" COUNT ")" NOT_UNIT "(?: [(\\[][^()\\[\\]]{0,20}[)\\]])? (?:(?:finally |eventually |ultimately )?(?:took part|participated)\\b"
      /* a survey's respondents: "412 responded (response rate 46%)" (not
       * a treatment response: the survey is named) */
      "|(?:have |had )?responded(?= [(\\[]?response rate\\b| to (?:the |a |our |this )?(?:[\\w-]+ )?(?:survey|questionnaire)s?\\b)"
      "|returned (?:the |a |their |completed )?(?:[\\w-]+ )?(?:survey|questionnaire)s?\\b)",
      R_NUM | R_WNEXT | R_BNEXT | R_VERB, "took part|participated|responded|returned" },
    /* "The 186 included patients had ...": the sample named by its step */
    { "n.included.adj", LM_KIND_SAMPLE_SIZE, "included", 70,
      "\\bthe (?<n>" COUNT ")" NOT_UNIT " (?:included|enrolled|recruited|participating|studied|eligible and included) " MODS WHO,
      R_NEAR | R_LEADN(24), "included|enrolled|recruited|participating|studied" },
    { "n.randomized.adj", LM_KIND_SAMPLE_SIZE, "randomized", 90,
      PRE "(?<n>" NUMD ")" NOT_UNIT " randomi[sz]ed " MODS WHO , R_SITE, NULL },
    /* "a total of 28 laparoscopic and 34 open pyeloplasties were done":
     * two groups of a total, whatever they are called */
    { "n.total_sum", LM_KIND_SAMPLE_SIZE, "enrolled", 86,
      "\\ba total (?:number )?of (?<a1>" NUMD ")" NOT_UNIT " (?:(?!(?:were|was|had|have)\\b)[a-z-]+ ){0,3}?and (?<a2>" NUMD ")" NOT_UNIT
      " (?:[a-z-]+,? ){1,4}?(?:were|was|had been|have been) (?:successfully )?(?:done|performed|carried out|"
      "included|enrolled|recruited|randomi[sz]ed|treated|operated(?: on)?|studied|analy[sz]ed|evaluated)\\b",
      R_NEAR, "total" },
    /* study units that are not people ("A total of 4500 screens were
     * performed"): procedures done, a fallback below every people count */
    { "n.total_units", LM_KIND_SAMPLE_SIZE, "included", 50,
      "\\ba total (?:number )?of (?<n>" NUMD ")" NOT_UNIT " (?!(?:samples|specimens|isolates|strains|cells|teeth|sequences|genes)\\b)"
      "(?:[a-z-]+ ){1,3}?(?:were|was) (?:successfully )?(?:done|performed|carried out|conducted|undertaken)\\b",
      R_NEAR, "total" },
    { "n.total", LM_KIND_SAMPLE_SIZE, "enrolled", 85,
      "\\ba total (?:number )?of (?<n>" COUNT ")" NOT_UNIT " (?:[(\\[](?!of )[^()\\[\\]%]{1,24}[)\\]] )?" MODS WHO, R_NEAR | R_LEADN(1), "a total" },
    { "n.enrolled", LM_KIND_SAMPLE_SIZE, "enrolled", 80,
      PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO GAP "\\b" BE ENROL_V "\\b" , R_SITE | R_VERB, "enrolled|divided|recruited|studied|registered|participated|took part|treated|followed|involved|investigated|attended|started" },
    { "n.enrolled.verb_first", LM_KIND_SAMPLE_SIZE, "enrolled", 80,
      "\\b(?:enrolled|recruited|enrolling|recruiting|recruit|enrol|enroll|enrols|enrolls|recruits|involved|involving|involves|comprises|"
      "studied|comprised|comprising|consisted of|conducted (?:on|in|with)|performed (?:on|in)|"
      "carried out (?:on|in)|sample of|cohort of|series of|population of|total of|"
      "study of|trial of|trial in|study in|study on|trial on|subjects were|participants were|"
      "sample included|sample consisted of|accrued|accruing) (?:a total of |the |all )?"
      "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO, R_LEAD | R_LEADN(32), NULL },
    { "n.included", LM_KIND_SAMPLE_SIZE, "included", 70,
      PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO GAP "\\b" BE INCL_V "\\b" , R_SITE | R_VERB, "included|evaluated|examined|assessed|surveyed|identified|interviewed|observed" },
    /* "534 adolescents completed the baseline survey": in a survey the
     * questionnaire answered is taking part (a later questionnaire, the
     * study or its follow-up completed stays an analysis step, n.analyzed) */
    { "n.completed_survey", LM_KIND_SAMPLE_SIZE, "included", 70,
      PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO GAP "\\b" BE "(?:all )?completed (?:the |an? |their )?"
      "(?:baseline |initial |first |online |web-based |postal |national |cross-sectional |self-administered |anonymous )*"
      "(?:survey|questionnaire|interview)s?\\b", R_SITE | R_VERB, "completed" },
    /* "Of 69 evaluable patients": a step after the total (analysed) */
    { "n.evaluable", LM_KIND_SAMPLE_SIZE, "analyzed", 58,
      "\\b(?:of|among|in|from|for) (?:the |all |these )?(?<n>" COUNT ")" NOT_UNIT " (?:[a-z-]+ )?"
      "(?:evaluable|analy[sz]able|assessable)\\b", R_NEAR, "evaluable|analysable|analyzable|assessable" },
    /* a review's studies and their people: "Twelve studies (218 participants)" */
    { "n.studies_paren", LM_KIND_SAMPLE_SIZE, "included", 70,
      "\\b(?:studies|trials|rcts|articles|reports) [(\\[](?:n ?= ?|a total of |with |involving |including )?(?<n>" COUNT ")"
      NOT_UNIT " " MODS WHO, R_NEAR, "studies (|trials (|rcts (|articles (|reports (|studies [|trials [" },
    /* a percent's group with its size: "12.4% of the cohort (n = 62,254)" */
    { "n.pct_denominator", LM_KIND_SAMPLE_SIZE, "included", 58,
      "% of (?:the |all |our )?(?:[a-z-]+ ){0,2}?(?:cohort|sample|population|participants|patients|respondents|subjects|"
      "individuals|people|adults|children|women|men)[(\\[ ]{1,2}n ?= ?(?<n>" NUMD ")[)\\]]", R_NEAR, "% of" },
    { "n.included.verb_first", LM_KIND_SAMPLE_SIZE, "included", 70,
      "\\b(?:included|including|includes|include|evaluated|examined|assessed|surveyed|"
      "identified|interviewed|analy[sz]ed|analysis of|data (?:from|of|on)|among|in|of|from|for|with) "
      "(?:a total of |the |all )?(?<n>" COUNT ")" NOT_UNIT " " MODS WHO, R_LEAD | R_LEADN(24), NULL },
    { "n.analyzed", LM_KIND_SAMPLE_SIZE, "analyzed", 60,
      PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO GAP "\\b" BE ANAL_V "\\b" , R_SITE | R_VERB, "completed|analy|evaluable|available for analysis|finished" },
    { "n.sentence_start", LM_KIND_SAMPLE_SIZE, "enrolled", 65,
      "(?:^|[.:] |\\n)(?:(?:overall|in total|in all|altogether|together|ultimately|finally),? )?(?<n>" COUNT ")"
      NOT_UNIT " " MODS WHO, R_LEAD | R_LEADN(16), NULL },
    /* a count right after an opening clause: "In a randomized controlled
     * trial, 46 swimmers...", "In this study, 60 patients..." */
    { "n.clause_start", LM_KIND_SAMPLE_SIZE, "enrolled", 66,
      "(?:^|[.:] |\\n)(?:in|during|for|within) (?:a|an|this|the|our) [^.;:]{0,110}?, (?<n>" COUNT ")"
      NOT_UNIT " " MODS WHO, R_LEAD | R_LEADN(128) | R_COMMA, NULL },
    /* a structured abstract's population part opens with its count:
     * "ANIMALS: 54 ospreys (...)", "PARTICIPANTS: 120 adults..." */
    { "n.section", LM_KIND_SAMPLE_SIZE, "included", 78,
      "(?m)^(?-i:ANIMALS|PATIENTS|PARTICIPANTS|SUBJECTS|SAMPLE|POPULATION|STUDY POPULATION|"
      "STUDY SAMPLE|STUDY PARTICIPANTS|SETTING AND PARTICIPANTS|PARTICIPANTS AND SETTING|"
      "PATIENTS AND SETTING)(?:[ :.-]+)(?:a total of |in total,? )?(?<n>" COUNT ")" NOT_UNIT " [a-z]", 0, NULL },
    /* people counted beside the places they came from: "(83 units and
     * 5,285 infants)", "12 practices with 850 patients" */
    { "n.units_and_people", LM_KIND_SAMPLE_SIZE, "included", 74,
      PRE NUMD " (?:[a-z-]+ )?(?:units|cent(?:er|re)s|sites|hospitals|practices|clinics|schools|wards|"
      "countries|regions|communities|villages|nursing homes|facilities|institutions|departments|"
      "NICUs|ICUs) (?:and|with|including|comprising|enrolling|covering) (?:a total of )?(?<n>" COUNT ")"
      NOT_UNIT " " MODS WHO, R_NUM | R_DIGIT | R_WNEXT, NULL },
    /* what a study was carried out on, when that is not people: "The
     * study was carried out on 21 larynges" (a fallback below people) */
    { "n.units_on", LM_KIND_SAMPLE_SIZE, "included", 74,
      "\\b(?:study|studies|analysis|investigation|research|experiment|trial|evaluation)s? (?:was|were) "
      "(?:carried out|conducted|performed|done|undertaken) on (?:a total of |a sample of |the )?(?<n>" COUNT ")"
      NOT_UNIT " (?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b)(?:[a-z-]+ ){0,2}?[a-z-]+s\\b",
      R_NEAR, "carried out on|conducted on|performed on|done on|undertaken on" },
    /* those who took part, after those asked: "Out of 204 women who were
     * asked ..., 152 (74.5%) agreed to participate" */
    { "n.agreed", LM_KIND_SAMPLE_SIZE, "enrolled", 82,
      PRE "(?<n>" COUNT ")" NOT_UNIT "(?: [(\\[][^()\\[\\]]{0,24}[)\\]])? "
      /* "Thirty-nine of 45 invited GPs agreed": those asked after the count */
      "(?:(?:of|out of) (?:the |all )?" NUMD " (?:[a-z'-]+ ){0,3}?)?(?:" MODS WHO "(?: [(\\[][^()\\[\\]]{0,24}[)\\]])? )?"
      "(?:(?:all |also )?(?:agreed|consented|accepted|volunteered|chose|were willing) to (?:participate|take part|"
      "join|be included|enrol|enroll)|gave (?:their )?(?:written )?(?:informed )?consent|consented(?= ?[.;,(]| and\\b))\\b",
      R_NUM | R_WNEXT | R_BNEXT, NULL },
    /* The count's role, whatever its noun: the subject of a randomising
     * or enrolling verb ("Ten swine were randomized", "60 GPs, randomised
     * into", "A total of 209 (of 333) patients were randomized") or the
     * object of the authors' own ("We analyzed 50 overweight to obese
     * subjects").  ROLE_NP: one to four words that are not function words
     * or a verb (the noun need not be in WHO); below the rules that name
     * their people, and after them in the table (a span is read once), so a
     * listed noun keeps its own rule. */
    { "n.role.randomized", LM_KIND_SAMPLE_SIZE, "randomized", 75,
      ROLE_PRE "(?<n>" COUNT ")" NOT_UNIT " " ROLE_NP "(?:" PAREN_BETWEEN " )?(?:(?:were|was|had been|have been) (?:randomly |then |subsequently |equally |evenly )?"
      "(?:randomi[sz]ed|randomly (?:assigned|allocated|divided|distributed)|allocated|assigned)\\b"
      "|(?:randomi[sz]ed|randomly (?:assigned|allocated|distributed)) (?:to|into|between)\\b)",
      R_NUM | R_VERB, "random|allocated|assigned" },
    { "n.role.enrolled", LM_KIND_SAMPLE_SIZE, "enrolled", 62,
      ROLE_PRE "(?<n>" COUNT ")" NOT_UNIT " " ROLE_NP "(?:(?:were|have been|had been) (?:prospectively |consecutively )?"
      "(?:enrolled|recruited|included|studied|surveyed|interviewed|followed (?:up|for|prospectively|until))|"
      "volunteered|took part|participated)\\b",
      R_NUM | R_WNEXT | R_VERB, "enrolled|recruited|included|studied|surveyed|interviewed|followed|"
      "volunteered|took part|participated" },
    /* two groups as the object of the authors' verb, whatever their noun:
     * "We recruited 27 swimmers and 25 runners" (each group a plural noun
     * phrase, the second ending the clause, so that "and 25 were lost"
     * or "and 98 completed" is not read as a group) */
    { "n.groups_sum.object", LM_KIND_SAMPLE_SIZE, "enrolled", 72,
      "\\bwe (?:prospectively |retrospectively |consecutively )?(?:randomi[sz]ed|enrolled|recruited|studied|"
      "included|surveyed|analy[sz]ed|examined|evaluated|interviewed|tested|followed|investigated) "
      "(?:a total of )?(?!one\\b)(?<a1>" COUNT ")" NOT_UNIT " (?!(?:[a-z'-]+ ){0,3}?(?:" NOT_PEOPLE "|" NOT_GROUPED ")\\b)"
      "(?:" ROLE_W " ){0,2}?[a-z'-]+s,? and (?:(?:also )?(?:a total of ))?(?<a2>" COUNT ")" NOT_UNIT
      " (?!(?:[a-z'-]+ ){0,3}?(?:" NOT_PEOPLE "|" NOT_GROUPED ")\\b)(?:" ROLE_W " ){0,2}?[a-z'-]+s(?= ?[.;,(]|$)",
      R_NEAR | R_LEADN(2), "we " },
    /* the study as the subject of its enrolling verb, or a survey of
     * people, whatever their noun: "This study included 73 elite
     * cyclists", "a survey of 640 dentists" */
    { "n.role.study", LM_KIND_SAMPLE_SIZE, "enrolled", 64,
      "\\b(?:this|the|our|the present|the current) (?:[\\w-]+ ){0,2}?(?:study|trial|analysis|sample|survey|cohort|project|programme|program|experiment) "
      "(?:included|enrolled|recruited|involved|comprised|studied|examined|surveyed|followed) (?:a total of |data (?:from|of|on) )?"
      "(?!one\\b)(?<n>" COUNT ")" NOT_UNIT " (?!(?:[a-z'-]+ ){0,3}?" NOT_PEOPLE "\\b)" ROLE_NP_END,
      R_NEAR | R_LEADN(64), "included|enrolled|recruited|involved|comprised|studied|examined|surveyed|followed" },
    { "n.role.survey", LM_KIND_SAMPLE_SIZE, "enrolled", 64,
      "\\b(?:survey|census|audit|convenience sample|random sample|national sample|representative sample) of (?:a total of |all )?"
      "(?!one\\b)(?<n>" COUNT ")" NOT_UNIT " (?!(?:[a-z'-]+ ){0,3}?" NOT_PEOPLE "\\b)" ROLE_NP_END,
      R_NEAR | R_LEADN(40), "survey of|census of|audit of|sample of" },
    /* any people analysed or reviewed: "214 consecutive adult ICU
     * admissions were analysed" (an analysis step: below the enrolled) */
    { "n.role.analyzed", LM_KIND_SAMPLE_SIZE, "analyzed", 58,
      ROLE_PRE "(?<n>" COUNT ")" NOT_UNIT " (?!(?:[a-z'-]+ ){0,3}?(?:" NOT_PEOPLE "|" NOT_GROUPED "|" NOT_PEOPLE_ANALYSED ")\\b)"
      "(?=(?:[a-z'-]+ ){0,3}?(?:[a-z'-]+s|children|men|women|people) (?:were|completed)\\b)" ROLE_NP
      "(?:were (?:retrospectively |prospectively |then )?(?:analy[sz]ed|evaluated|reviewed)|completed (?:the|a|an|all|both)\\b)\\b",
      R_NUM | R_WNEXT | R_VERB, "analysed|analyzed|evaluated|reviewed|completed" },
    /* a survey's respondents, whatever their noun, one "and" allowed:
     * "fifty-one pharmacists and dispensers completed the survey" */
    { "n.role.survey_done", LM_KIND_SAMPLE_SIZE, "included", 70,
      ROLE_PRE "(?<n>" COUNT ")" NOT_UNIT " (?!(?:[a-z'-]+ ){0,3}?(?:" NOT_PEOPLE "|" NOT_GROUPED ")\\b)"
      "(?:" ROLE_W " ){1,3}?(?:and (?:" ROLE_W " ){1,3}?)?(?:all )?completed (?:the |an? |our |this )?(?:online |web-based |postal |anonymous )?"
      "(?:survey|questionnaire)s?\\b", R_NUM | R_WNEXT | R_VERB, "completed" },
    /* people who gave the study its data: "270 carers provided 496
     * written comments" (taking part) */
    { "n.provided", LM_KIND_SAMPLE_SIZE, "included", 70,
      PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO GAP "\\b" BE "provided (?:(?:a total of )?\\d[\\d,]* )?(?:[a-z-]+ ){0,2}?"
      "(?:data|samples|comments|responses|ratings|answers|information|specimens|narratives|accounts)\\b", R_SITE | R_VERB, "provided" },
    { "n.role.object", LM_KIND_SAMPLE_SIZE, "enrolled", 64,
      "\\bwe (?:prospectively |retrospectively |consecutively )?(?:randomi[sz]ed|enrolled|recruited|studied|"
      "included|surveyed|analy[sz]ed|examined|evaluated|interviewed|followed|investigated) "
      "(?:a total of |all |data (?:from|of|on) |the records of )?(?!one\\b)(?<n>" COUNT ")" NOT_UNIT " "
      "(?!(?:[a-z'-]+ ){0,3}?" NOT_PEOPLE "\\b)" ROLE_NP_END,
      R_NEAR | R_LEADN(2), "we " },
    /* the sample as the subject, its count after the verb, whatever the
     * noun: "Participants included 38 keen walkers with ...", "The study
     * sample consisted of 212 carers" */
    { "n.role.participants", LM_KIND_SAMPLE_SIZE, "included", 70,
      "\\b(?:participants|subjects|respondents|the sample|the cohort|the study population|the study sample) "
      "(?:were|comprised|included|consisted of|(?:was |were )?(?:composed|made up) of) (?:a total of )?(?!one\\b)(?<n>" COUNT ")" NOT_UNIT " "
      "(?!(?:[a-z'-]+ ){0,3}?(?:" NOT_PEOPLE "|" NOT_GROUPED ")\\b)" ROLE_NP_END "(?= ?[.;,(]|$| (?:with|who|aged|from)\\b)",
      R_NEAR, "participants were|participants comprised|participants included|participants consisted|subjects were|subjects comprised|subjects included|subjects consisted|respondents were|respondents comprised|respondents included|respondents consisted|"
      "sample were|sample comprised|sample included|sample consisted|cohort were|cohort comprised|cohort included|cohort consisted|population were|population comprised|population included|population consisted|"
      "was composed|was made up" },
    /* a control group stated on its own ("The control group were 145
     * pregnant women", "and a control group of 45 healthy women"): an arm,
     * added to the cases by finish_article */
    { "arm.control", LM_KIND_ARM_SIZE, NULL, 0,
      "\\bcontrol (?:group|sample|cohort) (?:was |were )?(?:of|was|were|comprised|consisted of|consisting of|"
      "included|including|contained|containing|made up of|composed of|formed by) (?:(?:the )?(?:material|data|records) of )?"
      "(?:a total of |the |all )?(?<n>" COUNT ")" NOT_UNIT " " MODS WHO, R_NEAR | R_LEADN(1),
      "control group|control sample|control cohort" },
    { "arm.control.served", LM_KIND_ARM_SIZE, NULL, 0,
      PRE "(?<n>" COUNT ")" NOT_UNIT " " MODS WHO " (?:served|were used|acted|were recruited|were included|were enrolled) as "
      "(?:the )?(?:healthy |matched |age-matched |normal )?(?:controls|control subjects|(?:a )?control group)\\b", R_SITE | R_VERB,
      "served|were used|acted|were recruited|were included|were enrolled" },
    /* the count in brackets after the verb that took its people in:
     * "Records of adults seen in 2030-2031 were used (n = 522)" */
    { "n.paren_after_verb", LM_KIND_SAMPLE_SIZE, "included", 76,
      "\\b(?:were|was) (?:(?:retrospectively|prospectively|consecutively) )?(?:included|enrolled|recruited|used|studied|selected|analy[sz]ed) "
      "[(\\[] ?n ?= ?(?<n>" NUMD ")(?![\\d.%])[)\\];,]", R_NEAR | R_LEADN(40), "n =|n=" },
    { "n.paren_total", LM_KIND_SAMPLE_SIZE, "enrolled", 75,
      "(?-i:[(\\[,] ?N ?= ?)(?<n>" NUMD ")(?![\\d.])", R_NEAR | R_LEADN(3), "n =|n=" },
    { "n.arms_vs", LM_KIND_SAMPLE_SIZE, "randomized", 50,
      "\\bn ?= ?(?<a1>" NUMD ") ?(?:vs\\.?|versus|and|/) ?(?:n ?= ?)?(?<a2>" NUMD ")(?![\\d.%])", R_NEAR | R_LEADN(1), "n =|n=" },
    { "arm.paren", LM_KIND_ARM_SIZE, NULL, 0,
      "(?-i:(?:(?<!%)[(\\[,;] ?n|[A-Za-z0-9]: ?[nN]) ?= ?)(?<n>" NUMD ")(?![\\d.%])", R_NEAR | R_LEADN(4), "n =|n=" },
    /* an arm's people in brackets: "(16 subjects) or a control group (15
     * subjects)"; summed by arms_total only where the sentence randomises */
    { "arm.paren_who", LM_KIND_ARM_SIZE, NULL, 0,
      "[(\\[](?:[^()\\[\\];.]{1,20}; )?(?<n>" NUMD ") " MODS "(?!(?:males|females|men|women|boys|girls)\\b)" WHO "[)\\];,]", R_NEAR | R_LEADN(4), "(|[" },
};

/* ---- meta-analyses ------------------------------------------------------ */

static const struct rule study_rules[] = {
    { "studies.rcts", LM_KIND_STUDY_COUNT, "rcts", 0,
      PRE "(?<n>" COUNT ") (?:eligible |published |relevant |independent )?(?:RCTs|randomi[sz]ed (?:controlled |clinical )?(?:trials|studies))\\b",
      R_NUM | R_WNEXT | R_VERB, "rcts|randomi" },
    { "studies.count", LM_KIND_STUDY_COUNT, "studies", 0,
      PRE "(?<n>" COUNT ") (?:eligible |published |relevant |independent |primary |original |observational |prospective |cohort |clinical )?"
      "(?:studies|trials|articles|publications|reports|datasets)\\b(?=" GAP
      "\\b(?:were|was|met|included|identified|involving|including|with|comprising|enrolling|pooled|totaling|totalling|fulfilled|satisfied|eligible))", R_NUM | R_WNEXT | R_VERB,
      "studies|trials|articles|publications|reports|datasets" },
    { "studies.participants", LM_KIND_STUDY_COUNT, "participants", 0,
      "\\b(?:studies|trials|RCTs)\\b[^.;\\d]{0,50}?(?:involving|including|with|of|comprising|enrolling|totaling|totalling|and|covering) "
      "(?:a total of |data from |data on )?(?<n>" COUNT ")" NOT_UNIT " " MODS WHO, R_LEAD | R_LEADN(80), NULL },
    { "studies.i2", LM_KIND_STUDY_COUNT, "i2", 0,
      "(?-i:\\bI ?(?:\\^ ?2|2|\\(2\\))) ?(?:statistic |value )?(?:=|:|of|was|<|>|,| )* ?(?<pct>" NUMD ") ?%",
      R_NEAR | R_LEADN(1), "i^|i ^|i2|i 2|i(2|i (2" },
};

/* ---- effects ------------------------------------------------------------ */

static const struct rule effect_rules[] = {
    { "effect.or", LM_KIND_EFFECT, "or", 0,
      "(?<m>\\b(?:adjusted |pooled |summary )?odds ratios?\\b|(?-i:\\b(?:a|adj|p)?ORs?\\b))" EQ "(?<est>(?>" SNUM "))(?! ?% ?(?:CI|confidence))" TAIL, R_NEAR | R_LEADN(10), "odds ratio|or" },
    { "effect.rr", LM_KIND_EFFECT, "rr", 0,
      "(?<m>\\b(?:adjusted |pooled )?(?:relative risks?|risk ratios?|rate ratios?|incidence rate ratios?)\\b|(?-i:\\b(?:a|adj)?(?:RR|IRR)s?\\b))" EQ "(?<est>(?>" SNUM "))(?! ?% ?(?:CI|confidence))" TAIL, R_NEAR | R_LEADN(20), "relative risk|risk ratio|rate ratio|rr" },
    { "effect.hr", LM_KIND_EFFECT, "hr", 0,
      "(?<m>\\b(?:adjusted |pooled )?hazard ratios?\\b|(?-i:\\b(?:a|adj)?HRs?\\b))" EQ "(?<est>(?>" SNUM "))(?! ?% ?(?:CI|confidence))" TAIL, R_NEAR | R_LEADN(10), "hazard ratio|hr" },
    { "effect.smd", LM_KIND_EFFECT, "smd", 0,
      "(?<m>\\bstandardi[sz]ed mean differences?\\b|(?-i:\\bSMDs?\\b))" EQ "(?<est>(?>" SNUM "))(?! ?% ?(?:CI|confidence))" TAIL, R_NEAR | R_LEADN(1), "standardi|smd" },
    { "effect.md", LM_KIND_EFFECT, "md", 0,
      "(?<m>\\b(?:weighted |adjusted )?mean differences?\\b|(?-i:\\b(?:W?MD|MDs)\\b))" EQ "(?<est>(?>" SNUM "))(?! ?% ?(?:CI|confidence))" TAIL, R_NEAR | R_LEADN(10), "mean difference|md" },
    { "effect.d", LM_KIND_EFFECT, "d", 0,
      "(?<m>\\bcohen'?s d\\b|(?-i:\\bd\\b)) ?(?:=|of) ?(?<est>" SNUM ")" TAIL, R_NEAR | R_LEADN(16), "cohen|d =|d=|d of" },
    { "effect.g", LM_KIND_EFFECT, "g", 0,
      "(?<m>\\bhedges'? ?g\\b|(?-i:\\bg\\b)) ?(?:=|of) ?(?<est>" SNUM ")" TAIL, R_NEAR | R_LEADN(16), "hedges|g =|g=|g of" },
    { "effect.r", LM_KIND_EFFECT, "r", 0,
      "(?<m>(?-i:\\b(?:r|rho|rs|r_s)\\b)|\\bspearman'?s rho\\b|\\bpearson'?s r\\b) ?(?:\\(\\d+\\) )?= ?(?<est>" SNUM ")" TAIL,
      R_NEAR | R_LEADN(16), "spearman|pearson|rho|r_s|r =|r=|r (|r(|rs =|rs=|rs (|rs(" },
    { "effect.eta2", LM_KIND_EFFECT, "eta2", 0,
      "(?<m>\\b(?:partial )?eta ?(?:\\^ ?)?2\\b|\\b(?:partial )?eta[- ]squared\\b|\\beta_?p ?\\^?2\\b) ?(?:=|of) ?(?<est>" SNUM ")" TAIL, R_NEAR | R_LEADN(16), "eta" },
    { "effect.beta", LM_KIND_EFFECT, "beta", 0,
      "(?<m>\\bbeta\\b|(?-i:\\bB\\b)) ?(?:coefficient )?= ?(?<est>" SNUM ")(?! ?% ?(?:CI|confidence))" TAIL, R_NEAR | R_LEADN(24), "beta|b =|b=|b coefficient" },
    /* an estimate followed by its labelled CI, no metric named: "0.04 (95% CI: -0.01 to 0.11)" */
    { "effect.estimate_ci", LM_KIND_EFFECT, "other", 0,
      PRE "(?<est>(?>" SNUM "))(?! ?%| ?(?:months?|weeks?|years?|days?|hours?|min|minutes|h)\\b)" UNIT "[ ,;]*[(\\[] ?(?<ci>" CIL ")(?:[ ,;)\\]]*(?<p>" PP "))?", R_NUM | R_SNUM | R_CINEXT, NULL },
};

static const struct rule p_rules[] = {
    { "p.value", LM_KIND_P_VALUE, NULL, 0, "(?<![a-z])(?<p>" PP ")", 0, NULL },
};

/* ---- rates --------------------------------------------------------------- */

static const struct rule rate_rules[] = {
    { "rate.kn_pct", LM_KIND_RATE, NULL, 0,
      PRE "(?<k>" COUNT ") ?(?:/|of|out of) ?(?<nn>" NUMD ")" NOT_UNIT " ?(?:" MODS WHO " )?[(\\[,] ?(?<pct>" NUMD ") ?%[)\\]]?", R_NUM | R_ONEXT, NULL },
    { "rate.pct_kn", LM_KIND_RATE, NULL, 0,
      PRE "(?<pct>" NUMD ") ?% ?[(\\[] ?(?<k>" NUMD ") ?(?:/|of|out of) ?(?<nn>" NUMD ") ?[)\\]]", R_NUM | R_DIGIT | R_PNEXT, NULL },
    { "rate.k_pct", LM_KIND_RATE, NULL, 0,
      PRE "(?<k>" COUNT ")" NOT_UNIT " (?:" MODS WHO " )?[(\\[] ?(?<pct>" NUMD ") ?%[)\\]]", R_NUM | R_WNEXT | R_BNEXT | R_VERB, "%" },
    { "rate.kn", LM_KIND_RATE, NULL, 0,
      PRE "(?<k>" COUNT ") (?:/|of|out of) (?:the |all )?(?<nn>" NUMD ")" NOT_UNIT " (?:" MODS WHO ")", R_NUM | R_ONEXT, NULL },
    { "rate.kn_slash", LM_KIND_RATE, NULL, 0,
      PRE "(?<k>\\d{1,6}) ?/ ?(?<nn>\\d{1,6})(?![\\d.%/-]| ?(?:mm|mg|kg|ml|h\\b|d\\b|day|week|month|year|min))", R_NUM | R_DIGIT | R_ONEXT, NULL },
    { "rate.words", LM_KIND_RATE, NULL, 0,
      "\\b(?<k>" WNUM ") (?:in|out of) (?<nn>" WNUM ")", R_WORDS, NULL },
    /* prio 1: a comparison of percents, or a percent of people, is a rate
     * even without an outcome word nearby */
    { "rate.pct_compared", LM_KIND_RATE, NULL, 1,
      PRE "(?<pct>" NUMD ") ?%(?= ?\\)? ?(?:vs\\.?|versus|compared with|compared to|and) ?\\(?" NUMD " ?%)", R_NUM | R_DIGIT | R_PNEXT, NULL },
    { "rate.pct_compared2", LM_KIND_RATE, NULL, 1,
      "(?<=\\d%|\\d %|\\d%\\)|\\d %\\))(?: ?\\)? ?(?:vs\\.?|versus|compared with|compared to|and) ?\\(?)(?<pct>" NUMD ") ?%", R_PCT, NULL },
    { "rate.pct_of_who", LM_KIND_RATE, NULL, 1,
      PRE "(?<pct>" NUMD ") ?% of (?:the |all |our )?" MODS WHO, R_NUM | R_DIGIT | R_PNEXT, NULL },
    { "rate.pct_list", LM_KIND_RATE, NULL, 0,
      PRE "(?<pct>" NUMD ")(?= ?(?:,|and|vs\\.?|versus|or|to) (?:" NUMD " ?%?,? (?:and |or )?)*" NUMD " ?(?:%|percent\\b))", R_NUM | R_DIGIT | R_PCTRUN, NULL },
    { "rate.pct", LM_KIND_RATE, NULL, 0,
      PRE "(?<pct>" NUMD ") ?(?:%|percent\\b|per cent\\b)(?! ?(?:CI|CrI|C\\.I\\.|confidence|credible|of the (?:variance|variation)))", R_NUM | R_DIGIT | R_PNEXT, NULL },
};

/* ---- literal pre-filters ------------------------------------------------ */

/* A rule runs only when one of its needles occurs in the text (lower-cased;
 * '=' marks a case-sensitive needle).  Needles are necessary conditions of
 * the pattern, so skipping never loses a match; they make the common case
 * (an abstract without, say, any hazard ratio) one memmem instead of a
 * regex pass.  An id ending in '*' is a prefix. */
static const struct { const char *id; const char *need; } gates[] = {
    { "n.arms_sum", "random|alloc|assign" },
    { "n.arms_sum.words", "random|alloc|assign" },
    { "n.paren_randomized", "random|alloc|assign" },
    { "n.randomized*", "random|alloc|assign" },
    { "n.per_group", "group|arm|condition" },
    { "n.per_group.of", "groups of|arms of" },
    { "n.groups_sum", " and " },
    { "n.groups_sum3", " and " },
    { "n.total_sum", "total" },
    /* a protocol's verb ("will recruit", "aims to", "planned to", "designed
     * to"), its sample, or a count "will be / are to be" needed */
    { "n.planned", "will|aim|plan|expected|intended|designed to|sample|are to be" },
    { "n.total_units", "total" },
    { "n.section", "=ANIMALS|=PATIENTS|=PARTICIPANTS|=SUBJECTS|=SAMPLE|=POPULATION|=SETTING" },
    { "n.units_and_people", "units|centers|centres|sites|hospitals|practices|clinics|schools|wards|"
                            "countries|regions|communities|villages|nursing homes|facilities|"
                            "institutions|departments|icus" },
    { "n.units_of_people", "eyes|teeth|knees|hips|shoulders|ears|feet|hands|limbs|kidneys|lesions|nodules|"
                           "tumors|tumours|implants|wounds|ulcers|joints|fractures|procedures|operations|pregnancies" },
    { "n.units_on", "carried out on|conducted on|performed on|done on|undertaken on" },
    { "n.sex_sum", "male|men|boy|girl" },
    { "n.who_paren", "n =|n=" },
    { "n.population_paren", "n =|n=" },
    { "n.itt_paren", "n =|n=" },
    { "n.who_paren_bare", ") were|) was|) had been|) have been|] were|] was" },
    { "n.paren_total", "=N =|=N=" },
    { "n.agreed", "agreed|consent|accepted|volunteered|chose|willing" },
    { "arm.control", "control group|control sample|control cohort" },
    { "arm.control.served", " as " },
    { "n.arms_vs", "n =|n=" },
    { "arm.paren", "n =|n=" },
    { "arm.paren_who", "(|[" },
    { "n.paren_after_verb", "n =|n=" },
    { "n.role.participants", "participants|subjects|respondents|sample|cohort|population" },
    { "n.role.survey_done", "completed" },
    { "n.provided", "provided" },
    { "n.total", "total" },
    { "n.analyzed", "complet|analy|evaluable|available|finished" },
    { "n.completed_survey", "completed" },
    { "n.groups_sum.object", " and " },
    { "n.groups_sum.in_group", " and " },
    { "n.took_part.bare", "took part|participated|responded|returned" },
    { "n.role.analyzed", "analysed|analyzed|evaluated|reviewed|completed" },
    { "n.included.adj", "included|enrolled|recruited|participating|studied" },
    { "n.groups_sum.received", " and " },
    { "n.role.study", "included|enrolled|recruited|involved|comprised|studied|examined|surveyed|followed" },
    { "n.role.survey", "survey of|census of|audit of|sample of" },
    { "studies.rcts", "rct|random" },
    { "studies.count", "studies|trials|articles|publications|reports|datasets" },
    { "studies.participants", "studies|trials|rct" },
    { "studies.i2", "=I" },
    { "effect.or", "odds ratio|=OR" },
    { "effect.rr", "relative risk|risk ratio|rate ratio|=RR" },
    { "effect.hr", "hazard ratio|=HR" },
    { "effect.smd", "standardi|=SMD" },
    { "effect.md", "mean difference|=MD" },
    { "effect.d", "cohen|=d =|=d=|=d of" },
    { "effect.g", "hedges|=g =|=g=|=g of" },
    { "effect.r", "=r =|=r=|=r(|=rho|=rs|=r_s|spearman|pearson" },
    { "effect.eta2", "eta" },
    { "effect.beta", "beta|=B" },
    { "effect.estimate_ci", "ci|confidence|credible" },
    { "p.value", "p<|p <|p=|p =|p>|p >|p-val|p val|p- val|p - val|p -val|p of|p was|p is|p were" },
    { "rate.kn_pct", "%" },
    { "rate.pct_kn", "%" },
    { "rate.k_pct", "%" },
    { "rate.pct", "%|percent|per cent" },
    { "rate.pct_list", "%|percent" },
    { "rate.pct_compared*", "vs|versus|compared|and" },
    { "rate.pct_of_who", "% of" },
    { "rate.kn", " of " },
    { "rate.kn_slash", "/" },
    { "rate.words", " in one| in two| in three| in four| in five| in six| in seven| in eight| in nine| in ten|"
                    "out of one|out of two|out of three|out of four|out of five|out of six|out of seven|"
                    "out of eight|out of nine|out of ten| in twenty|out of twenty" },
    /* design cues (design.c) */
    { "design.meta_analysis", "meta|pooled analysis|we pooled" },
    { "design.systematic_review", "systematic|umbrella|scoping" },
    { "design.rct", "random|minimis|minimiz|allocation sequence|allocation schedule|allocation list|coin|lots|lottery|conceal|computer-generated|envelopes|blocks of|:1 ratio|:2 ratio|:3 ratio|:4 ratio|:1 fashion|:1 manner" },
    { "design.rct.lead", "random" },
    { "design.rct.mention", "random|=RCT" },
    { "design.rct.borrowed", "random|=RCT" },
    { "design.non_randomized", "random|self-assign|self assign|self-alloc|self alloc|self-select|self select" },
    { "design.quasi", "quasi|before" },
    { "design.divided", "group|arm" },
    { "design.control_group", "control|placebo|sham|comparison" },
    { "design.case_control", "case" },
    { "design.healthy_controls", "control|volunteer|subject|individual" },
    { "design.cohort", "cohort|prospective|retrospective|longitudinal|registry|observational|record|chart|notes|claims data|"
                       "administrative data|insurance data|register|population|national|regional|nationwide" },
    { "design.case_series", "series|we describe|we report|we present" },
    { "design.case_report", "case|-old| old|we report|we describe|we present|we discuss|we highlight|i report|i describe|i present|i discuss|i highlight|"
                            "to report a|to describe a|to present a" },
    { "design.open_label", "open|unblind|uncontrol|pilot|phase" },
    { "design.single_arm", "single|before|pre|historical|baseline" },
    { "design.veterinary", "veterin|client|vivo|model" },
    { "design.in_vitro", "vitro|vivo|cell|culture|teeth|specimen|blood sample|fibroblast|keratinocyte|macrophage|hepatocyte" },
    { "design.protocol", "protocol|will be" },
    { "design.placebo_controlled", "placebo" },
    { "design.double_blind", "blind" },
    { "design.crossover", "cross" },
    { "design.active_controlled", "active|head-to-head" },
    { "design.secondary_analysis", "analys" },
    { "design.review_background", "review|meta" },
    { "design.review_self", "systematic review|meta-analy" },
    { "design.other", "cross|survey|diagnos|qualitative|validation|validity|psychometric|predict|decision rule|cost|model|simulation|review group|consensus|guideline|develop|design|validat" },
    /* the animal words with their boundaries where a bare stem ("rat",
     * "hen", "cat") would pass in almost every abstract ("rate", "then") */
    { "design.animal", "mice|mouse|murine|rodent|rabbit|dogs|canine|cats|feline|pigs|piglet|swine|porcine|"
                       "sheep|ewes|lamb|ovine|goat|cattle|cows|calves|heifer|steer|bovine|horse|equine|"
                       "broiler|chicken|hens|poultry|zebrafish|primate|monkey|macaque|osprey|bird|fish|"
                       "hamster|guinea pig|ferret|animal| rat | rats|rat-|rat,|rat.|rat)|(rat|"
                       "beagle|minipig|mini-pig|marmoset|baboon|gerbil|ponies|foals|mares|sows|gilts|ducks|trout|fingerling" },
    { "design.human", "patient|participant|subject|volunteer|women|men|children|adult|infant|adolescent|individual|people|person" },
    { "design.not_arms", "prognos|predict|recruit|diagnos|nested|substud|sub-stud|non-particip|nonparticip|declined" },
    { "design.uses_trial", "predicted|predicts| arm of| group of|arm data|group data|associated with" },
    { "design.opinion", "commentary|editorial|viewpoint|perspective|essay|opinion|debate|argue|discuss|reflect|consider|contend|piece|polemic" },
    { "design.self_cohort", "observational|cohort|combined|pooled|merged" },
    { "design.self_other", "process evaluation|qualitative|interview stud" },
    { "design.self_cross_sectional", "sectional|surveyed|reliability|validation|accuracy|agreement" },
    { "design.process", "process evaluation|qualitative" },
    { "design.interviews", "interviews were|interviews was" },
    { "design.simulation", "simulat" },
    { "design.review_methods", "search methods|search strategy|selection criteria|study selection|eligibility criteria for|searched|searching" },
    { "design.rct.blinded_placebo", "blind|mask" },
    { "design.association", "predictor|correlates|determinants|moderators|mediators|relationship|association|correlation|factors|predict" },
    { "design.arms_compared", " arm|ed group|trial group|allocation|assignment|intention" },
    { "design.moderator", "interaction|predictive|moderat|modif|derive" },
};

size_t extract_ngates(void)
{
    return sizeof gates / sizeof gates[0];
}

const char *extract_gate_need(size_t i)
{
    return gates[i].need;
}

int extract_gate_index(const char *id)
{
    size_t i, n;

    for (i = 0; i < sizeof gates / sizeof gates[0]; i++) {
        n = strlen(gates[i].id);
        if (gates[i].id[n - 1] == '*' ? !strncmp(id, gates[i].id, n - 1)
                                       : !strcmp(id, gates[i].id))
            return (int)i;
    }
    return -1;
}

lm_err extract_lower(const char *s, size_t len, lm_buf *out)
{
    size_t i;
    lm_err rc;

    lm_buf_clear(out);
    /* 64 zero bytes after the text: the number tests read a word ahead
     * with memcmp (and see norm_grow) */
    if ((rc = lm_buf_reserve(out, len + 64)))
        return rc;
    /* C-locale tolower, sixteen or eight bytes at a time: a byte gets 0x20
     * when it is in 'A'..'Z' (bytes >= 0x80 are left alone) */
    i = 0;
#ifdef __SSE2__
    for (; i + 16 <= len; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
        /* x - 'A' <= 25, unsigned */
        __m128i t = _mm_sub_epi8(x, _mm_set1_epi8('A'));
        __m128i up = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(25)), t);
        x = _mm_or_si128(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
        _mm_storeu_si128((__m128i *)(out->s + i), x);
    }
#endif
    for (; i + 8 <= len; i += 8) {
        uint64_t x, h, up;
        memcpy(&x, s + i, 8);
        h = x & 0x7F7F7F7F7F7F7F7Full;
        up = ((h + 0x3F3F3F3F3F3F3F3Full) ^ (h + 0x2525252525252525ull)) & ~x
             & 0x8080808080808080ull;
        x |= up >> 2;
        memcpy(out->s + i, &x, 8);
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        out->s[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    memset(out->s + len, 0, 64);
    out->len = len;
    return LM_OK;
}

/* ---- tables ------------------------------------------------------------- */

#define NTAB(t) (sizeof(t) / sizeof((t)[0]))

struct crule {
    const struct rule *r;
    pcre2_code *code;
    int gate;
    size_t near;          /* its start list in the gate set (R_NEAR, R_VERB) */
    uint64_t numok[4];    /* R_NUM: bit k set when a number start of kinds k is
                             tried (rule_kinds and num_next_ok) */
    int g_n, g_a1, g_a2, g_a3, g_k, g_nn, g_pct, g_est, g_ci, g_p, g_m;
};

enum { T_SIZE, T_STUDY, T_EFFECT, T_P, T_RATE, T_COUNT };

static const struct { const struct rule *rules; size_t n; } tables[T_COUNT] = {
    { size_rules, NTAB(size_rules) },
    { study_rules, NTAB(study_rules) },
    { effect_rules, NTAB(effect_rules) },
    { p_rules, NTAB(p_rules) },
    { rate_rules, NTAB(rate_rules) },
};

struct lm_extractor {
    struct crule *rules[T_COUNT];
    size_t nrules[T_COUNT];
    design_rules *design;
    findings_rules *findings;
    pcre2_match_data *md;
    lm_normtext norm;
    lm_buf scratch;
    gate_set *gates;
    gate_found found;        /* gate_scan of the current text */
    /* needle id -> index in rate_words + 1 (0: not one); 1 when a not_rate_word */
    unsigned char *rate_k, *not_rate;
    unsigned char *why_k;    /* needle id -> class of a why word + 1 (sentence_why), 0: none */
    size_t *hit_len;         /* needle id -> its length (the end of a gate hit) */
    size_t *at, nat, capat;  /* gate_starts of a near list */
    size_t *clause;          /* per site: where its clause ends (R_VERB), 0: not yet */
    size_t capclause;
    pcre2_code *site;        /* SITE: where R_SITE rules may start */
    size_t who_list;         /* the start list of WHO's nouns, (size_t)-1: none */
    size_t *sites, nsites, capsites;
    size_t *nums, nnums, capnums;   /* R_NUM: where a number may start */
    size_t *numclause;              /* per number: where its clause ends (R_VERB), 0: not yet */
    unsigned char *numk;            /* its kind: NK_DIGIT, NK_WORD or NK_SIGN, and
                                       NK_WNEXT / NK_PNEXT after digits */
    pcre2_match_context *mctx;      /* R_LEAD: the offset limit */
    unsigned char numpre[256];      /* num_starts: may a number follow this byte (1), */
    unsigned char numcur[256];      /* a number word (2); does one start with it */
    uint64_t pre3[512];             /* first three letters of the number words */
    int numvec;                     /* num_starts may use num_cand16 */
    char msg[512];
};

static void num_classes(unsigned char *pre, unsigned char *cur);
static void num_ok(struct crule *c);
static void num_prefixes(uint64_t *pre3);
static int num_vec_ok(const unsigned char *pre, const unsigned char *cur);

void extract_strlcpy(char *dst, const char *s, size_t cap)
{
    size_t n = s ? strlen(s) : 0;

    if (!cap)
        return;
    if (n >= cap) {
        /* cut before the character the limit falls in, never inside it:
         * back off continuation bytes to the lead byte and drop it too */
        n = cap - 1;
        if (((unsigned char)s[n] & 0xC0) == 0x80) {
            while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
                n--;
        }
    }
    if (n)
        memcpy(dst, s, n);
    dst[n] = '\0';
}

static pcre2_code *compile_opts(const char *id, const char *pattern, unsigned flags,
                                uint32_t opts, char *msg, size_t cap)
{
    int errcode;
    PCRE2_SIZE off;
    pcre2_code *code;
    PCRE2_UCHAR ebuf[160];

    code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS | opts,
                         &errcode, &off, NULL);
    if (!code) {
        pcre2_get_error_message(errcode, ebuf, sizeof ebuf);
        lm_msg_set(msg, cap, "rule %s: offset %zu: %s", id, (size_t)off, (char *)ebuf);
        return NULL;
    }
    /* $LITMINE_NO_JIT: valgrind cannot follow JIT-compiled code and reports
     * its reads as uninitialised; the test suite's valgrind stage sets it */
    if (!(flags & LM_EXTRACT_NO_JIT) && !getenv("LITMINE_NO_JIT"))
        (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  /* falls back to the interpreter */
    return code;
}

pcre2_code *extract_compile(const char *id, const char *pattern, unsigned flags,
                            char *msg, size_t cap)
{
    /* a pattern anchored by a leading \G is tried at one offset: PCRE2's
     * start-up checks (a required byte searched ahead) cost more than they
     * save there (no pattern has a backtracking verb, whose results those
     * checks could change) */
    return compile_opts(id, pattern, flags,
                        strncmp(pattern, "\\G", 2) ? 0 : PCRE2_NO_START_OPTIMIZE, msg, cap);
}

static int group(const pcre2_code *code, const char *name)
{
    int g = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);

    return g > 0 ? g : 0;
}

static lm_err rate_lists(lm_extractor *ex);

lm_err lm_extractor_open(unsigned flags, lm_extractor **out)
{
    lm_extractor *ex;
    size_t t, i;
    lm_err rc;

    if (!out)
        return LM_ERR_USAGE;
    *out = NULL;
    if (!(ex = calloc(1, sizeof *ex)))
        return LM_ERR_NOMEM;
    *out = ex;
    if ((rc = rate_lists(ex)))
        return rc;
    num_classes(ex->numpre, ex->numcur);
    ex->numvec = num_vec_ok(ex->numpre, ex->numcur);
    num_prefixes(ex->pre3);
    for (t = 0; t < T_COUNT; t++) {
        if (!(ex->rules[t] = calloc(tables[t].n, sizeof *ex->rules[t])))
            return LM_ERR_NOMEM;
        for (i = 0; i < tables[t].n; i++) {
            struct crule *c = &ex->rules[t][i];

            c->r = &tables[t].rules[i];
            if (c->r->flags & (R_SITE | R_NUM | R_PCT | R_WORDS)) {
                /* tried only at given offsets: \G anchors it there */
                char *anch = malloc(strlen(c->r->pattern) + 8);
                if (!anch)
                    return LM_ERR_NOMEM;
                sprintf(anch, "\\G(?:%s)", c->r->pattern);
                c->code = extract_compile(c->r->id, anch, flags, ex->msg, sizeof ex->msg);
                free(anch);
            } else if (c->r->flags & (R_LEAD | R_NEAR)) {
                c->code = compile_opts(c->r->id, c->r->pattern, flags, PCRE2_USE_OFFSET_LIMIT,
                                       ex->msg, sizeof ex->msg);
            } else {
                c->code = extract_compile(c->r->id, c->r->pattern, flags, ex->msg, sizeof ex->msg);
            }
            if (!c->code)
                return LM_ERR_REGEX;
            ex->nrules[t] = i + 1;
            c->gate = extract_gate_index(c->r->id);
            num_ok(c);
            if (c->r->near) {
                /* the start lists: design cues, rate words, baseline words,
                 * then the near lists of the tables in order */
                size_t j, u, e = 3;
                for (u = 0; u < T_COUNT; u++)
                    for (j = 0; j < tables[u].n; j++)
                        if (&tables[u].rules[j] == c->r)
                            goto found;
                        else
                            e += tables[u].rules[j].near != NULL;
            found:
                c->near = design_nstarts() + e;
            }
            c->g_n = group(c->code, "n");
            c->g_a1 = group(c->code, "a1");
            c->g_a2 = group(c->code, "a2");
            c->g_a3 = group(c->code, "a3");
            c->g_k = group(c->code, "k");
            c->g_nn = group(c->code, "nn");
            c->g_pct = group(c->code, "pct");
            c->g_est = group(c->code, "est");
            c->g_ci = group(c->code, "ci");
            c->g_p = group(c->code, "p");
            c->g_m = group(c->code, "m");
        }
    }
    if (!(ex->site = extract_compile("n.site", "\\G(?:" SITE ")", flags, ex->msg, sizeof ex->msg)))
        return LM_ERR_REGEX;
    if ((rc = design_rules_open(flags, ex->gates, &ex->design, ex->msg, sizeof ex->msg))
        || (rc = findings_rules_open(flags, &ex->findings, ex->msg, sizeof ex->msg)))
        return rc;
    if (!(ex->md = pcre2_match_data_create(32, NULL))
        || !(ex->mctx = pcre2_match_context_create(NULL)))
        return LM_ERR_NOMEM;
    return LM_OK;
}

void lm_extractor_close(lm_extractor *ex)
{
    size_t t, i;

    if (!ex)
        return;
    for (t = 0; t < T_COUNT; t++) {
        for (i = 0; ex->rules[t] && i < ex->nrules[t]; i++)
            pcre2_code_free(ex->rules[t][i].code);
        free(ex->rules[t]);
    }
    design_rules_close(ex->design);
    findings_rules_close(ex->findings);
    gate_set_close(ex->gates);
    gate_found_free(&ex->found);
    free(ex->rate_k);
    free(ex->not_rate);
    free(ex->why_k);
    free(ex->hit_len);
    free(ex->at);
    free(ex->clause);
    pcre2_code_free(ex->site);
    free(ex->sites);
    pcre2_match_data_free(ex->md);
    pcre2_match_context_free(ex->mctx);
    free(ex->nums);
    free(ex->numk);
    free(ex->numclause);
    lm_normtext_free(&ex->norm);
    lm_buf_free(&ex->scratch);
    free(ex);
}

char *extract_msgbuf(lm_extractor *ex, size_t *cap)
{
    *cap = sizeof ex->msg;
    return ex->msg;
}

const char *lm_extractor_errmsg(const lm_extractor *ex)
{
    return ex ? ex->msg : "no extractor";
}

/* ---- records ------------------------------------------------------------- */

const char *lm_kind_name(lm_kind k)
{
    switch (k) {
    case LM_KIND_SAMPLE_SIZE: return "sample_size";
    case LM_KIND_ARM_SIZE:    return "arm_size";
    case LM_KIND_RATE:        return "rate";
    case LM_KIND_EFFECT:      return "effect";
    case LM_KIND_P_VALUE:     return "p_value";
    case LM_KIND_STUDY_COUNT: return "study_count";
    case LM_KIND_DESIGN:      return "design";
    case LM_KIND_FINDING:     return "finding";
    case LM_KIND_REGIMEN:     return "regimen";
    case LM_KIND_FOLLOW_UP:   return "follow_up";
    }
    return "unknown";
}

/* The strings a row owns (not the row itself). */
void extraction_free_strings(lm_extraction *e)
{
    free(e->text);
    free(e->outcome);
    free(e->intervention);
    free(e->comparator);
    free(e->dose);
    free(e->frequency);
    free(e->duration);
    free(e->route);
    free(e->label);
}

void lm_extractions_init(lm_extractions *x)
{
    memset(x, 0, sizeof *x);
}

void lm_extractions_clear(lm_extractions *x)
{
    size_t i;

    for (i = 0; i < x->len; i++)
        extraction_free_strings(&x->v[i]);
    x->len = 0;
}

void lm_extractions_free(lm_extractions *x)
{
    if (!x)
        return;
    lm_extractions_clear(x);
    free(x->v);
    memset(x, 0, sizeof *x);
}

lm_extraction *extract_push(lm_extractions *out, lm_kind kind, const char *rule,
                            const char *section, const char *text, size_t start,
                            size_t end)
{
    lm_extraction *e;

    if (lm_grow(&out->v, &out->cap, out->len, sizeof *out->v, 16))
        return NULL;
    e = &out->v[out->len];
    memset(e, 0, sizeof *e);
    if (!(e->text = malloc(end - start + 1)))
        return NULL;
    if (end > start)
        memcpy(e->text, text + start, end - start);
    e->text[end - start] = '\0';
    out->len++;
    e->kind = kind;
    e->rule = rule;
    e->value = e->lo = e->hi = e->p = NAN;
    e->k = e->n = -1;
    extract_strlcpy(e->section, section, sizeof e->section);
    e->span_start = start;
    e->span_end = end;
    return e;
}

void extract_flag(lm_extraction *e, const char *flag)
{
    size_t n = strlen(e->flags), f = strlen(flag);

    if (n + f + 2 > sizeof e->flags)
        return;
    if (n)
        e->flags[n++] = ',';
    memcpy(e->flags + n, flag, f + 1);
}

/* ---- matching ------------------------------------------------------------ */

/* State of one lm_extract_text call. */
struct run {
    lm_extractor *ex;
    const char *orig;        /* original text */
    const char *s;           /* normalised */
    const char *lower;       /* normalised, lower-cased */
    size_t len;
    const char *section;
    lm_extractions *out;
    size_t first;            /* index of this text's first result in out */
    size_t why_ss, why_se;   /* not_this_result's last sentence (why_se 0: none) */
    const char *why;         /* and its answer */
};

/* Group g of the last match: start offset and length, 0 when unset. */
static int grp(pcre2_match_data *md, int g, size_t *st, size_t *n)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

    if (g <= 0 || ov[2 * g] == PCRE2_UNSET)
        return 0;
    *st = ov[2 * g];
    *n = ov[2 * g + 1] - ov[2 * g];
    return 1;
}

static int grp_num(const struct run *r, int g, double *v)
{
    size_t st, n, used;

    if (!grp(r->ex->md, g, &st, &n))
        return 0;
    return lm_num_any(r->s + st, n, v, &used);
}

/* Does [a, b) (normalised offsets) overlap an earlier result of kind k
 * from this text?  Results keep original offsets: map before comparing. */
static int overlaps(const struct run *r, lm_kind k, size_t a, size_t b)
{
    size_t i;

    a = r->ex->norm.map[a];
    b = r->ex->norm.map[b];

    for (i = r->first; i < r->out->len; i++) {
        const lm_extraction *e = &r->out->v[i];
        if (e->kind == k && e->span_start < b && a < e->span_end)
            return 1;
    }
    return 0;
}

static lm_extraction *emit(struct run *r, lm_kind kind, const struct rule *ru,
                           size_t ns, size_t ne)
{
    size_t a = r->ex->norm.map[ns], b = r->ex->norm.map[ne];
    lm_extraction *e = extract_push(r->out, kind, ru->id, r->section, r->orig, a, b);

    if (e && ru->metric)
        extract_strlcpy(e->metric, ru->metric, sizeof e->metric);
    return e;
}

static void reject(const struct run *r, const struct rule *ru, size_t ns, size_t ne,
                   const char *why)
{
    lm_log_debug("%s: rule %s rejected \"%.*s\": %s", r->section, ru->id,
                 (int)(ne - ns > 80 ? 80 : ne - ns), r->s + ns, why);
}

static int sane_count(double v)
{
    return isfinite(v) && v >= 1 && v < 1e8 && floor(v) == v;
}

/* Number of groups the text announces ("three groups", "two-arm"), for
 * "20 patients per group"; 2 (and *assumed set) when it does not say. */
static int groups_in(const struct run *r, int *assumed)
{
    static const char *const words[] = { "two", "three", "four", "five" };
    static const char *const nouns[] = { " groups", " arms", "-arm", " treatment groups" };
    char pat[32];
    size_t w, k;

    for (w = 0; w < 4; w++) {
        for (k = 0; k < 4; k++) {
            snprintf(pat, sizeof pat, "%s%s", words[w], nouns[k]);
            if (strcasestr(r->s, pat))
                return (int)w + 2;
            snprintf(pat, sizeof pat, "%zu%s", w + 2, nouns[k]);
            if (strcasestr(r->s, pat))
                return (int)w + 2;
        }
    }
    *assumed = 1;
    return 2;
}

/* Sample sizes and arm sizes. */
/* The number words of WUNIT, lower-case. */
static const struct { const char *w; size_t n; } num_words[] = {
#define W(s) { s, sizeof s - 1 }
    W("one"), W("two"), W("three"), W("ten"), W("twelve"), W("thirteen"), W("thirty"),
    W("twenty"), W("thousand"), W("four"), W("five"), W("fifteen"), W("fifty"),
    W("forty"), W("six"), W("seven"), W("eight"), W("eleven"), W("nine"), W("hundred"),
#undef W
};

/* Does a count (digits, or a number word: "nine") end right before @p at? */
static int count_before(const struct run *r, size_t at)
{
    size_t w = at, k;

    if (at && isdigit((unsigned char)r->lower[at - 1]))
        return 1;
    while (w && isalpha((unsigned char)r->lower[w - 1]))
        w--;
    if (w == at || (w && isalnum((unsigned char)r->lower[w - 1])))
        return 0;
    for (k = 0; k < NTAB(num_words); k++)
        if (num_words[k].n == at - w && !memcmp(r->lower + w, num_words[k].w, at - w))
            return 1;
    return 0;
}

/* Is the count matched at [ms, me) those asked, not those who took part
 * ("of 204 women who were asked to take part", "312 patients were assessed
 * for eligibility")?  Kept, flagged "pool", ranked below stated totals. */
static int pool_count(const struct run *r, size_t ms, size_t me)
{
    static const char *const skip[] = { "who ", "that ", "were ", "was ", "had been ", "have been " };
    static const char *const verbs[] = { "asked to participate", "asked to take part", "asked to join",
                                         "invited", "approached", "contacted", "screened",
                                         "assessed for eligibility", "eligible", "considered for" };
    const char *p = r->lower + me, *end = r->lower + r->len;
    size_t k;

    if (memmem(r->lower + ms, me - ms, "eligib", 6)
        && (memmem(r->lower + ms, me - ms, "assessed", 8) || memmem(r->lower + ms, me - ms, "screened", 8)))
        return 1;
    if (end - p > 20 && !strncmp(p, " for eligibility", 16))
        return 1;
    while (p < end && (*p == ' ' || *p == ','))
        p++;
    for (k = 0; k < NTAB(skip); k++)
        if ((size_t)(end - p) > strlen(skip[k]) && !strncmp(p, skip[k], strlen(skip[k])))
            p += strlen(skip[k]);
    for (k = 0; k < NTAB(verbs); k++)
        if ((size_t)(end - p) >= strlen(verbs[k]) && !strncmp(p, verbs[k], strlen(verbs[k])))
            return 1;
    return 0;
}

/* Is the count matched from @p ms a part of the sample ("a subsample of
 * 90 pupils", "in a subgroup of 40 patients")?  Ranked like a pool. */
static int subset_count(const struct run *r, size_t ms)
{
    static const char *const w[] = { "subsample of ", "sub-sample of ", "subset of ", "subgroup of ",
                                     "sub-group of ", "subcohort of " };
    size_t k, n;

    for (k = 0; k < NTAB(w); k++) {
        n = strlen(w[k]) - 3;   /* the word, then the match's "of " */
        if (ms >= n && !memcmp(r->lower + ms - n, w[k], n) && !strncmp(r->lower + ms, "of ", 3))
            return 1;
        n = strlen(w[k]);
        if (ms >= n && !memcmp(r->lower + ms - n, w[k], n))
            return 1;
    }
    return 0;
}

/* Is the count whose number is at [n0, n1) one sex of the people counted
 * just before ("Forty adults, 18 women, aged 30 to 60, were randomized")?  Its
 * number follows ", ", "(" or "; " after a count, and one of its next three
 * words is a sex: ranked like a pool. */
static int sex_breakdown(const struct run *r, size_t n0, size_t n1)
{
    static const char *const sex[] = { "females", "males", "women", "men", "girls", "boys" };
    const char *t = r->lower;
    size_t k, n, i = n0, w, words = 0, before;

    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i >= 10 && !memcmp(t + i - 9, "including", 9))
        i -= 9;        /* "50 adults, including 20 women and 30 men" */
    else if (i >= 9 && !memcmp(t + i - 8, "of whom ", 8))
        i -= 8;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i == 0 || (t[i - 1] != ',' && t[i - 1] != '(' && t[i - 1] != ';'))
        return 0;
    /* the people counted before: a count among the five words before the
     * comma (not a year: "Between May and June 2031, 96 women") */
    for (w = i - 1, words = 0; w > 0 && words < 6 && !strchr(".;:", t[w - 1]); w--) {
        if (t[w - 1] != ' ' && t[w - 1] != '(')
            continue;
        words++;
        if (isdigit((unsigned char)t[w]) && !(w + 4 <= n0 && (t[w] == '1' || t[w] == '2')
                                                && isdigit((unsigned char)t[w + 1]) && isdigit((unsigned char)t[w + 2])
                                                && isdigit((unsigned char)t[w + 3]) && !isdigit((unsigned char)t[w + 4])))
            break;
        for (k = 0; k < NTAB(num_words); k++)
            if (!strncmp(t + w, num_words[k].w, num_words[k].n))
                break;
        if (k < NTAB(num_words))
            break;
    }
    if (w == 0 || words >= 6 || strchr(".;:", t[w - 1]))
        return 0;
    before = w;
    for (i = n1, words = 0; i < r->len && words < 3; words++) {
        while (i < r->len && t[i] == ' ')
            i++;
        for (w = i; w < r->len && (isalpha((unsigned char)t[w]) || t[w] == '-'); w++)
            ;
        for (k = 0; k < NTAB(sex); k++) {
            n = strlen(sex[k]);
            if (w - i == n && !memcmp(t + i, sex[k], n)) {
                /* "Of 640 women screened, 212 women were enrolled": the
                 * people before are of the same sex, no mixed group */
                const char *h = memmem(t + before, n0 - before, sex[k], n);

                return !(h && !isalpha((unsigned char)h[-1]) && !isalpha((unsigned char)h[n]));
            }
        }
        if (w == i)
            break;
        i = w;
    }
    return 0;
}

static size_t sent_start(const char *s, size_t i);
static size_t sent_end(const char *s, size_t len, size_t i);
static int randomises(const char *s, size_t n);

/* Is the count whose number is at [n0, n1) a part of the people named
 * with it: "the remaining 40 patients", "among 62 surviving patients"
 * (those left after deaths or losses, not the sample)?  Ranked like a pool. */
static int remnant_count(const struct run *r, size_t n0, size_t n1)
{
    static const char *const after[] = { " surviving ", " remaining ", " evaluated surviving " };
    size_t k, n;

    if (n0 >= 10 && !memcmp(r->lower + n0 - 10, "remaining ", 10))
        return 1;
    for (k = 0; k < NTAB(after); k++) {
        n = strlen(after[k]);
        if (n1 + n <= r->len && !memcmp(r->lower + n1, after[k], n))
            return 1;
    }
    return 0;
}

/* Is the count whose number is at [n0, n1) one part of a total its
 * sentence opens with: "Of the 172 patients, 109 were stented and 63
 * patients were treated medically" (the 63 are a part of the 172)?  Not
 * when the opening count is a pool (those screened, assessed, invited:
 * "Of 500 screened, 240 were enrolled", the 240 is the sample), nor when
 * the part is said to take part (enrolled, randomised, included,
 * consented: the sample taken from the pool).  Ranked like a pool. */
static int part_of_opening(const struct run *r, size_t n0, size_t n1)
{
    static const char *const lead[] = { "of the ", "of these ", "of those ", "of all ", "of ", "among the ",
                                        "among all ", "among ", "out of the ", "out of " };
    static const char *const pool[] = { "screen", "assess", "eligib", "invit", "asked", "approach", "contact", "referr",
                                        "identif", "consider", "potential", "candidate" };
    static const char *const joined[] = { "randomi", "allocat", "assign", "enrol", "recruit", "includ",
                                          "particip", "took part", "consent", "agreed", "accepted" };
    const char *t = r->lower;
    size_t ss = sent_start(t, n0), i, k, c, e, lim;
    double open, self;
    size_t used;

    if (ss >= n0)
        return 0;
    /* past an abstract part's label ("Results: Of the ...") */
    for (i = ss; i < n0 && i < ss + 40 && (isalpha((unsigned char)t[i]) || t[i] == ' '); i++)
        ;
    if (i > ss && i + 2 < n0 && t[i] == ':' && t[i + 1] == ' ')
        ss = i + 2;
    for (k = 0; k < NTAB(lead); k++)
        if (ss + strlen(lead[k]) < n0 && !strncmp(t + ss, lead[k], strlen(lead[k])))
            break;
    if (k == NTAB(lead))
        return 0;
    i = ss + strlen(lead[k]);
    if (!isdigit((unsigned char)t[i]) || !lm_num_any(r->s + i, n0 - i, &open, &used) || !used)
        return 0;
    /* the opening phrase ends at its comma, before the count */
    for (c = i + used; c < n0 && t[c] != ','; c++)
        ;
    if (c >= n0 || c - i > 160)
        return 0;
    for (k = 0; k < NTAB(pool); k++)
        if (memmem(t + i, c - i, pool[k], strlen(pool[k])))
            return 0;
    if (!lm_num_any(r->s + n0, n1 - n0, &self, &used) || !(self < open))
        return 0;
    /* the part's own clause, to its next comma or "and" */
    lim = n1 + 60 < r->len ? n1 + 60 : r->len;
    for (e = n1; e < lim && t[e] != ';' && t[e] != ',' && !(t[e] == '.' && (e + 1 == r->len || t[e + 1] == ' ')); e++)
        ;
    for (k = 0; k < NTAB(joined); k++)
        if (memmem(t + n1, e - n1, joined[k], strlen(joined[k])))
            return 0;
    return 1;
}

/* Does a share in brackets follow @p me: " (91%)", " (12.5 %)"? */
static int share_follows(const struct run *r, size_t me)
{
    const char *t = r->lower;
    size_t i = me;

    while (i < r->len && t[i] == ' ')
        i++;
    if (i >= r->len || (t[i] != '(' && t[i] != '['))
        return 0;
    for (i++; i < r->len && (isdigit((unsigned char)t[i]) || t[i] == '.' || t[i] == ','); i++)
        ;
    while (i < r->len && t[i] == ' ')
        i++;
    return i < r->len && t[i] == '%' && isdigit((unsigned char)t[me + (t[me] == ' ') + 1]);
}

/* Is "n = a1/a2" at [a0, me) a proportion (events of a total) rather than
 * two arms: a percent right before it that a1/a2 gives ("16.5% (n =
 * 108/654)")?  Then a2 is the count. */
static int fraction_of_pct(const struct run *r, size_t ms, double a1, double a2)
{
    const char *t = r->lower;
    size_t i = ms, j;
    double pct;
    size_t used;

    if (!(a1 < a2) || !memchr(t + ms, '/', 24 < r->len - ms ? 24 : r->len - ms))
        return 0;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '(' || t[i - 1] == '[' || t[i - 1] == ','))
        i--;
    if (i == 0 || t[i - 1] != '%')
        return 0;
    i--;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    for (j = i; j > 0 && (isdigit((unsigned char)t[j - 1]) || t[j - 1] == '.'); j--)
        ;
    if (j == i || !lm_num_any(r->s + j, i - j, &pct, &used))
        return 0;
    return fabs(100.0 * a1 / a2 - pct) <= 0.6;
}

/* Is the count at [n0, me) (its number starting at n0) the people an
 * outcome happened to, not the sample ("headache occurred in 14 patients",
 * "Nine patients complained of dizziness", "Six children (...) developed
 * a rash")?  An event verb before "in N" in the clause, or an event verb
 * as the first verb of the clause after the count (before any verb of
 * taking part), says so. */
static int event_count(const struct run *r, size_t n0, size_t me)
{
    static const char *const ev[] = { "occurred", "occurring", "developed", "complained", "died", "experienced",
        "suffered", "relapsed", "recurred", "resolved", "reported side", "reported adverse", "had side",
        "had adverse", "had a serious", "had serious", "had complications", "had a complication",
        "required", "needed", "discontinued", "withdrew", "dropped out", "were lost", "stopped" };
    static const char *const part[] = { "randomi", "allocated", "assigned", "enrolled", "recruited", "included",
        "studied", "participated", "took part", "received", "underwent", "completed", "were ", "was ",
        "had been", "who ", "treated", "undergoing", "aged", "with " };
    static const char *const before[] = { "occurred", "developed", "resolved", "recurred", "died", "experienced" };
    static const char *const took_part[] = { " who completed", " who received", " who underwent", " who were randomi",
        " who were enrolled", " who were treated", " who took part", " who participated", " who were included" };
    const char *t = r->lower;
    size_t i, k, from = n0 > 60 ? n0 - 60 : 0, lim;

    /* people described by their taking part ("a response was seen in 31
     * patients who completed the course") are a step of the sample */
    for (k = 0; k < NTAB(took_part); k++)
        if (me + strlen(took_part[k]) <= r->len && !strncmp(t + me, took_part[k], strlen(took_part[k])))
            return 0;
    /* before: "... occurred in 14 patients" within the clause (not "in
     * 13 of 25 patients", where the 25 are those at risk) */
    for (i = n0; i > from && !strchr(".;:", t[i - 1]); i--)
        ;
    if (n0 < 3 || strncmp(t + n0 - 3, "in ", 3) || (me + 4 <= r->len && !strncmp(t + me, " of ", 4)))
        i = n0;
    for (k = 0; k < NTAB(before); k++) {
        const char *h = memmem(t + i, n0 - i, before[k], strlen(before[k]));
        if (h && (h == t || !isalpha((unsigned char)h[-1])))
            return 1;
    }
    /* after: the clause's first verb, unless the count is a denominator
     * ("8 of 33 patients experienced": those at risk) */
    if (n0 >= 3 && !strncmp(t + n0 - 3, "of ", 3))
        return 0;
    lim = me + 100 < r->len ? me + 100 : r->len;
    for (i = me; i < lim && !strchr(".;:", t[i]); i++) {
        if (i > me && isalpha((unsigned char)t[i - 1]))
            continue;
        for (k = 0; k < NTAB(part); k++)
            if (!strncmp(t + i, part[k], strlen(part[k])))
                return 0;
        for (k = 0; k < NTAB(ev); k++)
            if (!strncmp(t + i, ev[k], strlen(ev[k])))
                return 1;
    }
    return 0;
}

static size_t sent_start(const char *s, size_t i);

/* People counted per cluster ("recruit 30 patients per clinic"): when
 * the sentence before states the clusters ("randomise 12 clinics"), their
 * number, else 0 (and the count is not a total: *per is set). */
static double per_cluster(const struct run *r, size_t ms, size_t me, int *per)
{
    static const char *const units[] = { "clinic", "practice", "school", "site", "centre", "center",
                                         "cluster", "ward", "village", "hospital", "home", "class",
                                         "community", "team", "unit", "district", "pharmacy" };
    const char *p = r->lower + me, *end = r->lower + r->len;
    size_t k, n, from, i, t, used, stem;
    double v;

    *per = 0;
    if (end - p < 6 || strncmp(p, " per ", 5))
        return 0;
    p += 5;
    for (k = 0; k < NTAB(units); k++) {
        n = strlen(units[k]);
        if ((size_t)(end - p) >= n && !strncmp(p, units[k], n) && (p + n == end || !isalpha((unsigned char)p[n])))
            break;
    }
    if (k == NTAB(units))
        return 0;
    *per = 1;
    from = sent_start(r->lower, ms);
    /* "<count> <unit>s" (or "ies" for "community") before the count */
    stem = units[k][n - 1] == 'y' ? n - 1 : n;
    for (i = from; i + n < ms; i++) {
        const char *u = r->lower + i;

        if (i == 0 || u[-1] != ' ' || strncmp(u, units[k], stem))
            continue;
        if (!(stem < n ? !strncmp(u + stem, "ies", 3) : (u[n] == 's' || !strncmp(u + n, "es", 2))))
            continue;
        for (t = i - 1; t > from && r->lower[t - 1] != ' '; t--)
            ;
        if (lm_num_any(r->s + t, i - 1 - t, &v, &used) && used == i - 1 - t && v >= 2)
            return v;
    }
    return 0;
}

/* The groups of a listed sum ("56 outpatients and 16 matched controls")
 * are compared groups: one arm size row each ("arm.group"), after the
 * sum's row (which may move). */
static lm_err group_arms(struct run *r, const struct crule *c)
{
    static const struct rule arm_group = { "arm.group", LM_KIND_ARM_SIZE, NULL, 0, NULL, 0, NULL };
    const int g[3] = { c->g_a1, c->g_a2, c->g_a3 };
    size_t k, st, len;
    lm_extraction *e;
    double v;

    for (k = 0; k < 3; k++) {
        if (!g[k] || !grp(r->ex->md, g[k], &st, &len) || !grp_num(r, g[k], &v))
            continue;
        if (!(e = emit(r, LM_KIND_ARM_SIZE, &arm_group, st, st + len)))
            return LM_ERR_NOMEM;
        e->value = v;
        e->n = (int64_t)v;
    }
    return LM_OK;
}

/* Is the count at @p at the base of a ratio: "one in four", "1 in 5",
 * "two in every three"?  Other digits before "in" are events counted in
 * people ("242 in 152 patients"), whose count stands. */
static int ratio_base(const struct run *r, size_t at)
{
    static const char *const small[] = { "one", "two", "three", "four", "five", "six",
                                         "seven", "eight", "nine", "ten" };
    const char *l = r->lower;
    size_t w, e, i;

    if (at >= 6 && !strncmp(l + at - 6, "every ", 6))
        at -= 6;
    if (at < 5 || strncmp(l + at - 3, "in ", 3) || l[at - 4] != ' ')
        return 0;
    e = at - 4;
    for (w = e; w && isalnum((unsigned char)l[w - 1]); w--)
        ;
    if (w == e || (w && l[w - 1] != ' ' && l[w - 1] != '(' && l[w - 1] != ','))
        return 0;
    if (e - w == 1 && l[w] == '1')   /* "242 in 152 patients" are events in people */
        return 1;
    for (i = 0; i < sizeof small / sizeof small[0]; i++)
        if (strlen(small[i]) == e - w && !strncmp(l + w, small[i], e - w))
            return 1;
    return 0;
}

/* The count whose number starts at @p st follows "A and " or "A or ":
 * -1 when A is a label (after a class word or an upper-case code: "grade
 * 3 and 4", "CEAP 5 and 6", or a year: "2030 and 2031"); 1 when the two
 * are groups stated with "respectively" ("826 and 389 men ...,
 * respectively": *n becomes their sum); else 0. */
static int list_before(const struct run *r, size_t st, size_t ms, size_t me, double *n)
{
    static const char *const label[] = { "class", "classes", "grade", "grades", "stage", "stages", "type", "types",
                                         "level", "levels", "phase", "phases", "score", "scores", "week", "weeks",
                                         "day", "days", "cycle", "cycles", "group", "groups", "arm", "arms", "lines",
                                         "line", "between", "grades", "years", "year", "months", "aged", "age", "ages" };
    const char *t = r->lower;
    size_t b = t[st - 2] == 'r' ? st - 4 : st - 5, a = b, w, k, ss, se;
    double v;
    size_t used;

    while (a > 0 && (isdigit((unsigned char)t[a - 1]) || t[a - 1] == ','))
        a--;
    if (a == b || (a > 0 && t[a - 1] != ' ' && t[a - 1] != '('))
        return 0;
    /* years: "between 2030 and 2031 were" (the count a year too), but
     * "in 2030 and 200 patients took part" holds a count */
    if (b - a == 4 && ((t[a] == '1' && t[a + 1] == '9') || (t[a] == '2' && t[a + 1] == '0')))
        return st + 4 <= r->len && ((t[st] == '1' && t[st + 1] == '9') || (t[st] == '2' && t[st + 1] == '0'))
               && isdigit((unsigned char)t[st + 2]) && isdigit((unsigned char)t[st + 3])
               && (st + 4 == r->len || !isdigit((unsigned char)t[st + 4])) ? -1 : 0;
    for (w = a - (a > 0); w > 0 && isalpha((unsigned char)t[w - 1]); w--)
        ;
    if (a > 1 && w < a - 1) {
        size_t wl = a - 1 - w, up = 0, i;

        for (k = 0; k < NTAB(label); k++)
            if (strlen(label[k]) == wl && !memcmp(t + w, label[k], wl))
                return -1;
        for (i = w; i < a - 1; i++)
            up += isupper((unsigned char)r->s[i]) != 0;
        if (wl >= 2 && up == wl)
            return -1;
    }
    if (t[st - 2] == 'r' || !lm_num_any(r->s + a, b - a, &v, &used) || !sane_count(v))
        return 0;
    ss = sent_start(t, ms);
    se = sent_end(t, r->len, me);
    if (!memmem(t + ss, se - ss, "respectively", 12))
        return 0;
    *n += v;
    return 1;
}

static lm_err on_size(struct run *r, const struct crule *c, size_t ms, size_t me)
{
    double n = NAN, a1, a2, a3 = 0;
    lm_extraction *e;
    size_t st, len;
    int assumed = 0, denom, pool, percluster = 0;
    size_t at;
    lm_err rc;

    if (c->g_a1 && grp_num(r, c->g_a1, &a1) && grp_num(r, c->g_a2, &a2)) {
        if (c->g_a3 && !grp_num(r, c->g_a3, &a3))
            return LM_OK;
        if (!sane_count(a1) || !sane_count(a2) || (c->g_a3 && !sane_count(a3))) {
            reject(r, c->r, ms, me, "arm size is not a positive count");
            return LM_OK;
        }
        n = a1 + a2 + a3;
    } else if (!grp_num(r, c->g_n, &n)) {
        return LM_OK;
    }
    if (!sane_count(n)) {
        reject(r, c->r, ms, me, "not a positive count");
        return LM_OK;
    }
    if (c->r->kind == LM_KIND_SAMPLE_SIZE && c->g_n && !c->g_a1
        && grp(r->ex->md, c->g_n, &st, &len) && st > 0) {
        /* digits glued to letters are a code ("XDB12345", an accession or
         * a registry number), never a count */
        if (isalpha((unsigned char)r->lower[st - 1])) {
            reject(r, c->r, ms, me, "the digits of a code");
            return LM_OK;
        }
        /* the last of two numbers "A and B <people>": labels ("class 5
         * and 6 patients", "between 2030 and 2031 were") are no count;
         * "A and B men ..., respectively" are two groups, added */
        if (st >= 6 && (!memcmp(r->lower + st - 5, " and ", 5) || !memcmp(r->lower + st - 4, " or ", 4))) {
            int list = list_before(r, st, ms, me, &n);

            if (list < 0) {
                reject(r, c->r, ms, me, "the last of a list of labels");
                return LM_OK;
            }
        }
        /* "one in four adults": a ratio's base, not people counted */
        if (ratio_base(r, st)) {
            reject(r, c->r, ms, me, "a ratio's base (one in N)");
            return LM_OK;
        }
    }
    /* "identified 8 of 13 cases": a proportion's denominator, often a
     * subgroup; kept, flagged, and ranked below the stated totals */
    denom = !strcmp(c->r->id, "n.included.verb_first") && ms >= 2
            && !strncmp(r->lower + ms, "of ", 3) && r->lower[ms - 1] == ' '
            && count_before(r, ms - 1);
    pool = c->r->kind == LM_KIND_SAMPLE_SIZE && (pool_count(r, ms, me) || subset_count(r, ms)
                                                  || ((c->g_a1 || c->g_n) && grp(r->ex->md, c->g_a1 ? c->g_a1 : c->g_n, &st, &len)
                                                      && sex_breakdown(r, st, st + len)));
    /* a part of the people named ("the remaining 40", "62 surviving"), or
     * of the total the sentence opens with ("Of the 172 patients, ...") */
    if (c->r->kind == LM_KIND_SAMPLE_SIZE && !pool && c->g_n && !c->g_a1 && grp(r->ex->md, c->g_n, &st, &len)
        && (remnant_count(r, st, st + len) || part_of_opening(r, st, st + len)
            /* a count with no verb of its own, given with its share
             * ("Sixty-three patients (91%) had ..."): a part of a total */
            || (!strncmp(c->r->id, "n.sentence_start", 16) && share_follows(r, me))
            || (!strncmp(c->r->id, "n.clause_start", 14) && share_follows(r, me))))
        pool = 1;
    /* "16.5% (n = 108/654)": the events of a total, not two arms */
    if (c->g_a1 && !c->g_a3 && !strcmp(c->r->id, "n.arms_vs") && fraction_of_pct(r, ms, a1, a2))
        n = a2;
    /* "30 patients, 20 boys and 10 girls": the first is the total of the others */
    if (c->g_a3 && a1 == a2 + a3)
        n = a1;
    if (!strncmp(c->r->id, "n.per_group", 11))
        n *= groups_in(r, &assumed);
    if (c->r->kind == LM_KIND_SAMPLE_SIZE && c->g_n && !c->g_a1) {
        int per;
        double k = per_cluster(r, ms, me, &per);

        if (k > 0)
            n *= k;
        else if (per)
            pool = 1;     /* a cluster's share, not the total */
        if (per)
            percluster = 1;
    }
    /* people in brackets are an arm only in a sentence that randomises */
    if (!strcmp(c->r->id, "arm.paren_who")) {
        size_t ss = sent_start(r->s, ms), se = sent_end(r->s, r->len, me);

        if (!randomises(r->s + ss, se - ss))
            return LM_OK;
    }
    /* an outcome's people are not the sample (a planned size or a bracketed
     * "n =" is never one) */
    if (c->r->kind == LM_KIND_SAMPLE_SIZE && c->g_n && !c->g_a1 && strcmp(c->r->id, "n.planned")
        && strncmp(c->r->id, "n.paren", 7) && strcmp(c->r->id, "n.who_paren")
        && grp(r->ex->md, c->g_n, &st, &len) && event_count(r, st, me)) {
        reject(r, c->r, ms, me, "the people an outcome happened to");
        return LM_OK;
    }
    /* the span starts at the number for rules that match context before it */
    if (c->g_n && grp(r->ex->md, c->g_n, &st, &len) && c->r->kind == LM_KIND_SAMPLE_SIZE
        && strncmp(c->r->id, "n.paren", 7))
        ms = ms < st ? ms : st;
    if (overlaps(r, c->r->kind, ms, me))
        return LM_OK;
    if (!(e = emit(r, c->r->kind, c->r, ms, me)))
        return LM_ERR_NOMEM;
    e->value = n;
    e->n = (int64_t)n;
    at = r->out->len - 1;
    if (!strncmp(c->r->id, "n.groups_sum", 12) && (rc = group_arms(r, c)))
        return rc;
    e = &r->out->v[at];
    if (assumed)
        extract_flag(e, "groups_assumed");
    if (denom)
        extract_flag(e, "denominator");
    if (pool)
        extract_flag(e, "pool");
    if (percluster)
        extract_flag(e, "per_cluster");
    /* "were enrolled (n = 80)": the kind is the verb's */
    if (!strcmp(c->r->id, "n.paren_after_verb")) {
        if (memmem(r->lower + ms, me - ms, "enrol", 5) || memmem(r->lower + ms, me - ms, "recruit", 7))
            extract_strlcpy(e->metric, "enrolled", sizeof e->metric);
        else if (memmem(r->lower + ms, me - ms, "analy", 5))
            extract_strlcpy(e->metric, "analyzed", sizeof e->metric);
    }
    /* a bare "(N = 172)" takes its kind from its sentence: records
     * reviewed, people identified or included are included, not enrolled */
    if (!strcmp(c->r->id, "n.paren_total")) {
        static const char *const incl[] = { "review", "records", "retrospectiv", "identified", "included", "registry" };
        size_t ss = sent_start(r->lower, ms), se = sent_end(r->lower, r->len, me), k;

        for (k = 0; k < NTAB(incl); k++)
            if (memmem(r->lower + ss, se - ss, incl[k], strlen(incl[k]))) {
                extract_strlcpy(e->metric, "included", sizeof e->metric);
                break;
            }
    }
    return LM_OK;
}

static lm_err on_study(struct run *r, const struct crule *c, size_t ms, size_t me)
{
    double v;
    lm_extraction *e;

    if (c->g_pct) {
        if (!grp_num(r, c->g_pct, &v) || v < 0 || v > 100) {
            reject(r, c->r, ms, me, "I2 outside 0-100%");
            return LM_OK;
        }
    } else if (!grp_num(r, c->g_n, &v) || !sane_count(v)) {
        reject(r, c->r, ms, me, "not a positive count");
        return LM_OK;
    }
    if (overlaps(r, LM_KIND_STUDY_COUNT, ms, me))
        return LM_OK;
    if (!(e = emit(r, LM_KIND_STUDY_COUNT, c->r, ms, me)))
        return LM_ERR_NOMEM;
    e->value = v;
    if (!c->g_pct)
        e->n = (int64_t)v;
    return LM_OK;
}

static int is_ratio(const char *m)
{
    return !strcmp(m, "or") || !strcmp(m, "rr") || !strcmp(m, "hr");
}

/* p < alpha, as far as the operator tells. */
static int p_signif(double p, const char *op)
{
    if (op[0] == '<')
        return p <= 0.05 ? 1 : -1;
    if (op[0] == '>')
        return p >= 0.05 ? 0 : -1;
    return p < 0.05;
}

/* statcheck-style checks of one effect: CI contains the estimate; p agrees
 * with whether the CI excludes the null. */
static void check_effect(lm_extraction *e)
{
    double null = is_ratio(e->metric) ? 1.0 : 0.0, eps;
    int ci_sig, p_sig;

    if (isnan(e->lo) || isnan(e->hi))
        return;
    eps = 0.005 * (fabs(e->hi) + fabs(e->lo)) + 1e-9;
    if (e->value < e->lo - eps || e->value > e->hi + eps)
        extract_flag(e, "inconsistent_ci");
    if (isnan(e->p) || !strcmp(e->metric, "r") || !strcmp(e->metric, "eta2"))
        return;
    if (fabs(e->lo - null) < 1e-9 || fabs(e->hi - null) < 1e-9)
        return;   /* a bound on the null: rounding decides, no verdict */
    ci_sig = e->lo > null || e->hi < null;
    p_sig = p_signif(e->p, e->p_op);
    if (p_sig >= 0 && p_sig != ci_sig)
        extract_flag(e, "p_ci_mismatch");
    /* ratio measures: recompute p from the CI (Altman & Bland) */
    if (is_ratio(e->metric) && e->lo > 0 && e->value > 0 && e->hi > e->lo
        && e->p_op[0] == '=') {
        double se = (log(e->hi) - log(e->lo)) / (2 * 1.959964);
        double pc = extract_p_from_z(log(e->value) / se);
        if ((pc < 0.05) != (e->p < 0.05) && fabs(pc - e->p) > 0.01)
            extract_flag(e, "p_recomputed_mismatch");
    }
}

static void norm_metric(char *dst, size_t cap, const char *fixed)
{
    extract_strlcpy(dst, fixed, cap);
}

static lm_err on_effect(struct run *r, const struct crule *c, size_t ms, size_t me)
{
    double est, lo, hi, lv, p;
    size_t st, n, used;
    char op[3] = "";
    lm_extraction *e;

    if (!grp(r->ex->md, c->g_est, &st, &n))
        return LM_OK;
    if (n >= 2 && r->s[st] == '-' && r->s[st + 1] == ' ') {
        /* "- 4.5": a minus set apart from its number */
        if (!lm_num_parse(r->s + st + 2, n - 2, &est, &used))
            return LM_OK;
        est = -est;
    } else if (!lm_num_parse(r->s + st, n, &est, &used)) {
        return LM_OK;
    }
    lo = hi = p = NAN;
    if (grp(r->ex->md, c->g_ci, &st, &n)) {
        if (!lm_ci_parse(r->s + st, n, 0, &lo, &hi, &lv, &used)) {
            lo = hi = NAN;
        } else if (lo > hi) {
            reject(r, c->r, ms, me, "CI bounds reversed");
            return LM_OK;
        }
    }
    if (grp(r->ex->md, c->g_p, &st, &n) && !lm_p_parse(r->s + st, n, &p, op, &used))
        p = NAN;
    if (is_ratio(c->r->metric) && (est <= 0 || (!isnan(lo) && lo < 0))) {
        reject(r, c->r, ms, me, "ratio measure not positive");
        return LM_OK;
    }
    if ((!strcmp(c->r->metric, "r") && fabs(est) > 1)
        || (!strcmp(c->r->metric, "eta2") && (est < 0 || est > 1))) {
        reject(r, c->r, ms, me, "outside the measure's range");
        return LM_OK;
    }
    if (overlaps(r, LM_KIND_EFFECT, ms, me))
        return LM_OK;
    if (!(e = emit(r, LM_KIND_EFFECT, c->r, ms, me)))
        return LM_ERR_NOMEM;
    norm_metric(e->metric, sizeof e->metric, c->r->metric);
    e->value = est;
    e->lo = lo;
    e->hi = hi;
    e->p = p;
    if (!isnan(p))
        memcpy(e->p_op, op, sizeof op);
    check_effect(e);
    return LM_OK;
}

static lm_err on_p(struct run *r, const struct crule *c, size_t ms, size_t me)
{
    double p;
    char op[3];
    size_t st, n, used;
    lm_extraction *e;

    if (!grp(r->ex->md, c->g_p, &st, &n) || !lm_p_parse(r->s + st, n, &p, op, &used)) {
        reject(r, c->r, ms, me, "p outside [0, 1]");
        return LM_OK;
    }
    if (overlaps(r, LM_KIND_EFFECT, ms, me) || overlaps(r, LM_KIND_P_VALUE, ms, me))
        return LM_OK;
    if (!(e = emit(r, LM_KIND_P_VALUE, c->r, st, st + used)))
        return LM_ERR_NOMEM;
    e->value = e->p = p;
    memcpy(e->p_op, op, sizeof op);
    return LM_OK;
}

/* ---- rates: what the proportion measures --------------------------------- */

static const struct { const char *word; const char *what; } rate_words[] = {
    { "remission", "remission" }, { "remitted", "remission" }, { "remitter", "remission" },
    { "respon", "response" }, { "improvement", "response" }, { "improved", "response" },
    { "relapse", "relapse" }, { "recurren", "relapse" }, { "recurred", "relapse" },
    { "adverse", "adverse_event" }, { "side effect", "adverse_event" },
    { "side-effect", "adverse_event" }, { "toxicit", "adverse_event" },
    { "complication", "adverse_event" }, { "nausea", "adverse_event" },
    { "headache", "adverse_event" }, { "aes", "adverse_event" },
    { "drop", "dropout" }, { "discontinu", "dropout" }, { "withdr", "dropout" },
    { "attrition", "dropout" }, { "lost to follow", "dropout" },
    { "mortality", "other" }, { "died", "other" }, { "death", "other" },
    { "survival", "other" }, { "cure", "other" }, { "abstinen", "other" },
    { "success", "other" }, { "sensitivity", "other" }, { "specificity", "other" },
    { "prevalence", "other" }, { "incidence", "other" }, { "rate", "other" },
    { "proportion", "other" }, { "developed", "other" }, { "experienced", "other" },
    { "reported", "other" }, { "achieved", "other" }, { "quit", "other" },
    { "healed", "other" }, { "pregnan", "other" }, { "infection", "other" },
    { "predictive value", "other" },
};

/* Baseline descriptions and relative changes: a percent next to these is
 * not an outcome rate. */
static const char *const not_rate_words[] = {
    "female", "male", "women", "men ", "white", "black", "caucasian", "smoker",
    "aged", "age ", "bmi", "baseline", "power", "alpha", "weight", "variance", "fat",
    "saturation", "concentration", "dose", "margin", "%ile", "percentile",
};

/* A ". " that does not end a sentence: "vs. ", "e.g. ", "et al. "; with
 * @p titles also "Dr. ", "Mr. ", "Ms. ", "etc. " (the findings' clauses). */
int extract_abbrev_dot(const char *s, size_t dot, int titles)
{
    static const struct { const char *w; size_t n; } ab[] = {
        { "vs", 2 }, { "e.g", 3 }, { "i.e", 3 }, { "al", 2 }, { "approx", 6 }, { "fig", 3 },
        { "no", 2 }, { "ref", 3 }, { "cf", 2 }, { "dr", 2 }, { "mr", 2 }, { "ms", 2 }, { "etc", 3 } };
    size_t k, n, nab = titles ? sizeof ab / sizeof ab[0] : 9;
    int last;

    /* each ends with a letter: most dots (after a digit, a bracket) fail here */
    if (!dot || !isalpha((unsigned char)s[dot - 1]))
        return 0;
    last = tolower((unsigned char)s[dot - 1]);
    for (k = 0; k < nab; k++) {
        n = ab[k].n;
        if (dot >= n && ab[k].w[n - 1] == last && !strncasecmp(s + dot - n, ab[k].w, n)
            && (dot == n || !isalpha((unsigned char)s[dot - n - 1])))
            return 1;
    }
    return 0;
}

/* Sentence scans read at most SENT_SCAN bytes each way: a "sentence" longer
 * than that (a table flattened into text, a run-on list) is cut at the
 * limit, so the work per value is bounded and a text's work stays linear
 * in its size. */
#define SENT_SCAN 1024

/* Start of the sentence holding offset i (at most SENT_SCAN bytes back). */
static size_t sent_start(const char *s, size_t i)
{
    size_t lim = i > SENT_SCAN ? i - SENT_SCAN : 0;

    while (i > lim) {
        char c = s[i - 1];      /* a sentence starts after a newline or a space */

        if (c == '\n')
            return i;
        if (c == ' ' && i >= 2 && (s[i - 2] == ';' || s[i - 2] == '?'
                                   || (s[i - 2] == '.' && !extract_abbrev_dot(s, i - 2, 0))))
            return i;
        i--;
    }
    return lim;
}

/* End of the sentence holding offset i (at most SENT_SCAN bytes on). */
static size_t sent_end(const char *s, size_t len, size_t i)
{
    size_t lim = len - i > SENT_SCAN ? i + SENT_SCAN : len;

    while (i < lim) {
        if (s[i] == '\n' || (s[i] == ';' && (i + 1 == len || s[i + 1] == ' '))
            || (s[i] == '.' && (i + 1 == len || s[i + 1] == ' ') && !extract_abbrev_dot(s, i, 0)))
            return i;
        i++;
    }
    return lim;
}

/* Is the match at a inside a bracket that holds a confidence interval
 * ("(95% CI, 75.1% to 99.5%)")?  Its percents are bounds, not rates. */
static int in_ci_bracket(const struct run *r, size_t a)
{
    size_t i = a, lim = a > 60 ? a - 60 : 0, k;

    while (i > lim) {
        char ch = r->s[i - 1];
        if (ch == ')' || ch == ']')
            return 0;
        if (ch == '(' || ch == '[')
            break;
        i--;
    }
    if (i == lim)
        return 0;
    for (k = i; k + 2 <= a; k++) {
        if (r->lower[k] == 'c' && r->lower[k + 1] == 'i'
            && (k == 0 || !isalpha((unsigned char)r->lower[k - 1]))
            && (k + 2 == r->len || !isalpha((unsigned char)r->lower[k + 2])))
            return 1;
    }
    return memmem(r->lower + i, a - i, "confidence", 10) != NULL;
}

/* Does "<percent> of " (or "% of the ") end right before the word holding
 * offset i ("men " is found inside "women ")? */
static int pct_of_before(const struct run *r, size_t i)
{
    const char *l = r->lower;

    while (i > 0 && isalpha((unsigned char)l[i - 1]))
        i--;
    if (i >= 9 && !strncmp(l + i - 9, "% of the ", 9))
        return 1;
    return i >= 5 && !strncmp(l + i - 5, "% of ", 5);
}

/* The end offset of gate hit h (the hits are in order of their end). */
static size_t hit_end(const struct run *r, size_t h)
{
    const gate_found *f = &r->ex->found;

    return f->hpos[h] + r->ex->hit_len[f->hid[h]];
}

/* The first gate hit ending at or after @at (the hits are in order of
 * their end): a bisection. */
static size_t first_hit_ending(const struct run *r, size_t at)
{
    size_t l = 0, u = r->ex->found.nh;

    while (l < u) {
        size_t m = l + (u - l) / 2;
        if (hit_end(r, m) < at)
            l = m + 1;
        else
            u = m;
    }
    return l;
}

/* The rate word nearest to [a, b) in its sentence (left window first, then
 * right; a named outcome beats a generic "rate").  Returns the category or
 * NULL; *bad set when a baseline word is closer than any rate word on the
 * left.  Searches the lower-cased text with memmem, word by word. */
static const char *rate_what(const struct run *r, size_t a, size_t b, int *bad)
{
    size_t ss = sent_start(r->s, a), se = sent_end(r->s, r->len, b);
    size_t h, best_d = (size_t)-1, bad_d = (size_t)-1, best_k = 0, best_i = 0, lo;
    const char *best = NULL;
    const gate_found *f = &r->ex->found;

    if (a > ss + 160)
        ss = a - 160;
    if (se > b + 100)
        se = b + 100;
    lo = a > ss + 40 ? a - 40 : ss;
    /* the occurrences of the rate words and the baseline words, from the
     * gate scan: the nearest word wins (ties: the earlier word of the
     * table, then the earlier occurrence).  The hits are in order of their
     * end: only those ending in [ss, se] can count, found by bisection */
    h = first_hit_ending(r, ss);
    for (; h < f->nh && hit_end(r, h) <= se; h++) {
        uint16_t id = f->hid[h];
        size_t i = f->hpos[h], k, n, d;

        if (r->ex->rate_k[id]) {
            k = r->ex->rate_k[id] - 1;
            n = strlen(rate_words[k].word);
            if (i < ss || i + n > se || (i >= a && i < b))
                continue;
            d = i < a ? a - i : (i - b) + 40;   /* the left side reads first */
            if (strcmp(rate_words[k].what, "other"))
                d = d / 8;
            if (d < best_d || (d == best_d && (k < best_k || (k == best_k && i < best_i)))) {
                best_d = d;
                best_k = k;
                best_i = i;
                best = rate_words[k].what;
            }
        }
        if (r->ex->not_rate[id]) {
            n = strlen(gate_needle_text(r->ex->gates, id));
            /* "62.7% of women, 34.5% of Asians": the group of the percent
             * before, in a list of rates, not a baseline trait */
            if (i >= lo && i + n <= a && a - i < bad_d && !pct_of_before(r, i))
                bad_d = a - i;
        }
    }
    *bad = bad_d < best_d;
    return best;
}

/* Why a rate at [a, b) is not one of this study's results, or NULL: a
 * PMC body's introduction or background (others' results), a sentence
 * planning the sample ("assuming 10% dropout", "80% power to detect"), or
 * the completeness of follow-up (read as a dropout rate otherwise).  The
 * sentence is read within the bounded scans of sent_start/sent_end. */
/* What makes a rate's sentence not this study's result: a plan, the
 * completeness of follow-up, others' results (in that order; found by the
 * gate scan: rate_lists adds them as a start list). */
static const char *const plan[] = { "assuming ", "assumed a ", "assumed an ", "assumption",
    "power to detect", "% power", "sample size calculation", "sample size was calculated",
    "would be needed", "will be needed", "were needed to", "was needed to", "allowing for ",
    "to allow for ", "accounting for a", "anticipated ", "expected drop", "expected attrition",
    "patients were required", "participants were required", "would be required", "were required to detect",
    "we expected", "expected a ", "expected an ", "anticipating" };
/* others' results and general facts ("previous cohorts", "worldwide") */
static const char *const background[] = { "previous studies", "previous trials", "previous cohorts",
    "previous reports", "earlier studies", "earlier trials", "prior studies", "prior trials",
    "in previous ", "worldwide", "globally", "it is estimated", "are estimated to", "is estimated to",
    "has been reported", "have been reported", "in the literature", "general population" };
static const char *const complete[] = { "follow-up was complete", "follow up was complete",
    "completed follow-up", "completed follow up", "complete follow-up", "complete follow up",
    "follow-up rate", "follow-up was achieved", "were followed up", "response rate to the survey" };

/* not_this_result's reading of the sentence [ss, se): the first class of
 * the why_words occurring in it (memmem over the lower-cased sentence, found
 * from the gate scan's hits, which are in order of their end). */
static const char *sentence_why(const struct run *r, size_t ss, size_t se)
{
    static const char *const why[] = { NULL, "a planning assumption (power or sample size), not a result",
        "completeness of follow-up, not a result",
        "background (others' results or a general fact), not this study's result" };
    const gate_found *f = &r->ex->found;
    size_t h;
    unsigned best = 4;

    for (h = first_hit_ending(r, ss); h < f->nh && hit_end(r, h) <= se; h++) {
        unsigned k = r->ex->why_k[f->hid[h]];
        if (k && k < best && f->hpos[h] >= ss)
            best = k;
    }
    return best < 4 ? why[best] : NULL;
}

/* Is offset @p a in the abstract's background part (a line opening
 * "BACKGROUND:", "Introduction:", "CONTEXT:", "RATIONALE:", with no later
 * label before @p a: "Background: ... Results: 13 (37%)" is a result)?
 * The line start is looked for at most 8 KiB back. */
static int in_background_part(const struct run *r, size_t a)
{
    static const char *const lab[] = { "background", "introduction", "context", "rationale" };
    size_t i, lim = a > 8192 ? a - 8192 : 0, k, n;
    const char *colon, *nl = a > lim ? memrchr(r->s + lim, '\n', a - lim) : NULL;

    if (!nl && lim > 0)
        return 0;
    i = nl ? (size_t)(nl - r->s) + 1 : 0;
    for (k = 0; k < NTAB(lab); k++) {
        n = strlen(lab[k]);
        if (i + n < r->len && !strncasecmp(r->s + i, lab[k], n)) {
            size_t j;

            colon = memchr(r->s + i + n, ':', 40 < r->len - i - n ? 40 : r->len - i - n);
            if (!colon || colon >= r->s + a)
                return 0;
            /* a later label on the same line ("Background: ... Results: ..."):
             * a capitalised word, then ":" */
            for (j = (size_t)(colon - r->s) + 1; j < a; j++) {
                const char *c = memchr(r->s + j, ':', a - j);

                if (!c)
                    break;
                j = (size_t)(c - r->s);
                if (isalpha((unsigned char)r->s[j - 1])) {
                    size_t w = j;

                    while (w > i && isalpha((unsigned char)r->s[w - 1]))
                        w--;
                    if (isupper((unsigned char)r->s[w]))
                        return 0;
                }
            }
            return 1;
        }
    }
    return 0;
}

/* Does the clause after a rate say those who completed follow-up or the
 * study ("186 (93%) completed the 12-week follow-up", "91% were retained
 * in the trial")?  Looked for in 80 bytes after @p b. */
static int completed_followup(const struct run *r, size_t b)
{
    static const char *const verb[] = { "completed ", "were retained", "was retained", "remained in ",
        "were followed", "attended the final", "returned for follow" };
    static const char *const what[] = { "follow-up", "follow up", "followup", "the study", "the trial",
        "all visits", "the final visit", "final assessment", "retained" , "followed" };
    size_t i = b, e, k, n;
    int v = 0;

    while (i < r->len && (r->lower[i] == ')' || r->lower[i] == ']' || r->lower[i] == ' '))
        i++;
    for (k = 0; k < NTAB(verb) && !v; k++) {
        n = strlen(verb[k]);
        v = i + n <= r->len && !memcmp(r->lower + i, verb[k], n);
    }
    if (!v)
        return 0;
    e = i + 80 < r->len ? i + 80 : r->len;
    for (k = 0; k < NTAB(what); k++)
        if (memmem(r->lower + i, e - i, what[k], strlen(what[k])))
            return 1;
    return 0;
}

static const char *not_this_result(struct run *r, size_t a, size_t b)
{
    size_t ss, se;

    static const char *const bg = "a background section, not this study's result";

    if (!strncasecmp(r->section, "intro", 5) || !strncasecmp(r->section, "background", 10)
        || strcasestr(r->section, "introduction"))
        return bg;
    if (completed_followup(r, b))
        return "completeness of follow-up, not a result";
    ss = sent_start(r->s, a);
    se = sent_end(r->s, r->len, b);
    /* the rates of a sentence share its answer (the abstract's background
     * part is read once per sentence) */
    if (r->why_se && ss == r->why_ss && se == r->why_se)
        return r->why;
    r->why_ss = ss;
    r->why_se = se;
    r->why = in_background_part(r, a) ? bg : sentence_why(r, ss, se);
    return r->why;
}

static lm_err on_rate(struct run *r, const struct crule *c, size_t ms, size_t me)
{
    double k = NAN, n = NAN, pct = NAN, lo, hi;
    const char *what, *why;
    int bad = 0, bare = !c->g_k;
    lm_extraction *e;

    if (c->g_k && !grp_num(r, c->g_k, &k))
        return LM_OK;
    if (c->g_nn && !grp_num(r, c->g_nn, &n))
        return LM_OK;
    if (c->g_pct && !grp_num(r, c->g_pct, &pct))
        return LM_OK;
    if (!isnan(pct) && (pct < 0 || pct > 100)) {
        reject(r, c->r, ms, me, "percent outside 0-100");
        return LM_OK;
    }
    if ((!isnan(k) && (k < 0 || floor(k) != k)) || (!isnan(n) && (n <= 0 || floor(n) != n))
        || (!isnan(k) && !isnan(n) && k > n)) {
        reject(r, c->r, ms, me, "k/n is not a proportion of counts");
        return LM_OK;
    }
    if (overlaps(r, LM_KIND_RATE, ms, me) || overlaps(r, LM_KIND_EFFECT, ms, me)
        || overlaps(r, LM_KIND_STUDY_COUNT, ms, me))
        return LM_OK;
    if (in_ci_bracket(r, ms))
        return LM_OK;
    /* "reduced by 30%", "a 20% increase": relative changes, not rates */
    if (me + 4 <= r->len && !strncmp(r->lower + me, " of ", 4))
        ;   /* "by 25% of patients": a share of people */
    else if ((c->g_pct && !c->g_k && ms >= 3 && !strncmp(r->lower + ms - 3, "by ", 3))
        || (c->g_pct && !c->g_k && ms >= 12 && memmem(r->lower + ms - 12, 12, " by ", 4))
        || (c->g_pct && !c->g_k && me + 12 <= r->len
            && (memmem(r->lower + me, 12, "increase", 8) || memmem(r->lower + me, 12, "decrease", 8)
                || memmem(r->lower + me, 12, "reduction", 9) || memmem(r->lower + me, 12, "change", 6)
                || memmem(r->lower + me, 12, "higher", 6) || memmem(r->lower + me, 12, "lower", 5)
                || memmem(r->lower + me, 12, "improvement", 11)))) {
        reject(r, c->r, ms, me, "a relative change");
        return LM_OK;
    }
    if (!isnan(k) && isnan(n) && k >= 1900 && k <= 2100) {
        reject(r, c->r, ms, me, "a year, not a count");
        return LM_OK;
    }
    if ((why = not_this_result(r, ms, me))) {
        reject(r, c->r, ms, me, why);
        return LM_OK;
    }
    what = rate_what(r, ms, me, &bad);
    /* a bare percent or slash needs an outcome word and no baseline word */
    if ((bare || !strcmp(c->r->id, "rate.kn_slash")) && (!what || bad)
        && !(c->r->prio == 1 && !bad))
        return LM_OK;
    if (!strcmp(c->r->id, "rate.kn_slash") && n > 100000)
        return LM_OK;
    if (!(e = emit(r, LM_KIND_RATE, c->r, ms, me)))
        return LM_ERR_NOMEM;
    extract_strlcpy(e->metric, what ? what : "other", sizeof e->metric);
    if (!isnan(k))
        e->k = (int64_t)k;
    if (!isnan(n))
        e->n = (int64_t)n;
    if (!isnan(k) && !isnan(n)) {
        double exact = 100.0 * k / n;
        if (!isnan(pct) && fabs(exact - pct) > 0.6)
            extract_flag(e, "k_n_pct_mismatch");
        e->value = isnan(pct) ? exact : pct;
        if (lm_wilson(k, n, 1.959964, &lo, &hi) == LM_OK) {
            e->lo = 100 * lo;
            e->hi = 100 * hi;
        }
    } else {
        e->value = pct;
    }
    return LM_OK;
}

typedef lm_err (*handler)(struct run *r, const struct crule *c, size_t ms, size_t me);

static lm_err alt_literals(const char *pat, lm_buf *out);

/* The gate set, with the rate words and the baseline words as start lists
 * so that rate_what reads their offsets from the gate scan. */
static lm_err rate_lists(lm_extractor *ex)
{
    lm_buf w = { 0 }, nw = { 0 }, yw = { 0 }, who = { 0 };
    static const struct { const char *const *w; size_t n; } whys[] = {
        { plan, NTAB(plan) }, { complete, NTAB(complete) }, { background, NTAB(background) } };
    const char *extra[4 + NTAB(size_rules) + NTAB(study_rules) + NTAB(effect_rules)
                      + NTAB(p_rules) + NTAB(rate_rules)];
    size_t t;
    size_t k, n, nextra = 3, y;
    lm_err rc = LM_OK;
    int id;

    for (k = 0; k < NTAB(rate_words) && !rc; k++)
        rc = lm_buf_printf(&w, "%s%s", k ? "|" : "", rate_words[k].word);
    for (k = 0; k < NTAB(not_rate_words) && !rc; k++)
        rc = lm_buf_printf(&nw, "%s%s", k ? "|" : "", not_rate_words[k]);
    for (y = 0; y < NTAB(whys) && !rc; y++)
        for (k = 0; k < whys[y].n && !rc; k++)
            rc = lm_buf_printf(&yw, "%s%s", y || k ? "|" : "", whys[y].w[k]);
    if (rc)
        goto done;
    extra[0] = lm_buf_str(&w);
    extra[1] = lm_buf_str(&nw);
    extra[2] = lm_buf_str(&yw);
    for (t = 0; t < T_COUNT; t++)
        for (k = 0; k < tables[t].n; k++)
            if (tables[t].rules[k].near)
                extra[nextra++] = tables[t].rules[k].near;
    /* last: WHO's nouns, where find_sites' counts may end */
    ex->who_list = (size_t)-1;
    if ((rc = alt_literals(WHO, &who)))
        goto done;
    if (who.len) {
        ex->who_list = design_nstarts() + nextra;
        extra[nextra++] = lm_buf_str(&who);
    }
    if ((rc = gate_set_open(extra, nextra, &ex->gates)))
        goto done;
    n = gate_set_size(ex->gates);
    if (!(ex->rate_k = calloc(n + 1, 1)) || !(ex->not_rate = calloc(n + 1, 1))
        || !(ex->why_k = calloc(n + 1, 1))
        || !(ex->hit_len = calloc(n + 1, sizeof *ex->hit_len))) {
        rc = LM_ERR_NOMEM;
        goto done;
    }
    for (k = 0; k < n; k++)
        ex->hit_len[k] = strlen(gate_needle_text(ex->gates, (int)k));
    for (k = 0; k < NTAB(rate_words); k++)
        if ((id = gate_needle(ex->gates, rate_words[k].word)) >= 0 && !ex->rate_k[id])
            ex->rate_k[id] = (unsigned char)(k + 1);
    for (k = 0; k < NTAB(not_rate_words); k++)
        if ((id = gate_needle(ex->gates, not_rate_words[k])) >= 0)
            ex->not_rate[id] = 1;
    for (y = NTAB(whys); y > 0; y--)        /* the first class wins */
        for (k = 0; k < whys[y - 1].n; k++)
            if ((id = gate_needle(ex->gates, whys[y - 1].w[k])) >= 0)
                ex->why_k[id] = (unsigned char)y;
done:
    lm_buf_free(&w);
    lm_buf_free(&nw);
    lm_buf_free(&yw);
    lm_buf_free(&who);
    return rc;
}


/* Byte classes for num_starts. */
enum { NC_NUM = 1, NC_WORD1 = 2, NC_PREBAD = 4, NC_WORDCH = 8 };
/* Kinds of number starts, and which a rule may start with. */
enum { NK_DIGIT = 1, NK_WORD = 2, NK_SIGN = 4, NK_WNEXT = 8, NK_PNEXT = 16, NK_BNEXT = 32,
       NK_ONEXT = 64, NK_CINEXT = 128 };

/* NK_CINEXT: from @p j (after a number's run) an optional unit word and
 * separators, then a bracket (see R_CINEXT). */
static int ci_next(const unsigned char *s, size_t len, size_t j)
{
    size_t n;

    for (n = 0; j < len && n < 10 && (isalpha(s[j]) || s[j] == '%' || s[j] == 0xB5); n++)
        j++;
    if (n && j < len && s[j] == '/')
        for (j++, n = 0; j < len && n < 6 && (isalnum(s[j]) || s[j] == '.'); n++)
            j++;
    while (j < len && (s[j] == ' ' || s[j] == ',' || s[j] == ';'))
        j++;
    return j < len && (s[j] == '(' || s[j] == '[');
}

/* Does a number start of kinds @p k pass the R_*NEXT tests of @p flags?
 * (Number words are not tested.) */
static int num_next_ok(unsigned flags, unsigned k)
{
    unsigned want = 0;

    if (k & NK_WORD)
        return 1;
    if ((flags & R_CINEXT) && !(k & NK_CINEXT))
        return 0;
    if (!(k & NK_DIGIT))
        return 1;
    want |= flags & R_WNEXT ? NK_WNEXT : 0;
    want |= flags & R_BNEXT ? NK_BNEXT : 0;
    want |= flags & R_PNEXT ? NK_PNEXT : 0;
    want |= flags & R_ONEXT ? NK_ONEXT : 0;
    return !want || (k & want);
}

static unsigned rule_kinds(unsigned flags)
{
    if (flags & R_DIGIT)
        return NK_DIGIT;
    if (flags & R_SNUM)
        return NK_DIGIT | NK_SIGN;
    return NK_DIGIT | NK_WORD;     /* COUNT */
}

/* The kinds of number starts (numk values) rule @p c is tried at. */
static void num_ok(struct crule *c)
{
    unsigned k, kinds = rule_kinds(c->r->flags);

    memset(c->numok, 0, sizeof c->numok);
    for (k = 0; k < 256; k++)
        if ((k & kinds) && num_next_ok(c->r->flags, k))
            c->numok[k / 64] |= 1ull << (k % 64);
}

static unsigned char num_class(unsigned char c)
{
    unsigned char k = 0;

    if (isdigit(c) || c == '-' || c == '.')
        k |= NC_NUM;
    if (c && strchr("otfsenh", c))
        k |= NC_WORD1;
    if (isdigit(c) || c == '.' || c == ',' || c == '/' || c == ':' || c == '-')
        k |= NC_PREBAD;
    if (isalnum(c) || c == '_')
        k |= NC_WORDCH;
    return k;
}

/* The key of num_word_at's pre-filter: the low five bits of three bytes
 * (a letter's position in the alphabet; other bytes may collide, which
 * only costs a full test). */
static unsigned num_key3(const char *s)
{
    return ((unsigned)s[0] & 31) << 10 | ((unsigned)s[1] & 31) << 5 | ((unsigned)s[2] & 31);
}

/* num_word_at's pre-filter alone: may a number word start at @p s? */
static inline int num_pre3(const unsigned char *s, const uint64_t *pre3)
{
    unsigned key = num_key3((const char *)s);

    return (pre3[key >> 6] >> (key & 63)) & 1;
}

/* Is a number word (a WUNIT word, lower-case) at @p s (in extract_lower's
 * buffer: zeros after the text, a word's length may be read)?  @p pre3 has
 * bit num_key3() set for the first three letters of every number word
 * ("the" is not one: most word starts fail there). */
static int num_word_at(const char *s, const uint64_t *pre3)
{
    size_t k;
    unsigned key;

    if (!s[0] || !s[1])
        return 0;
    key = num_key3(s);
    if (!(pre3[key >> 6] & (1ull << (key & 63))))
        return 0;
    for (k = 0; k < NTAB(num_words); k++)
        if (s[1] == num_words[k].w[1] && s[0] == num_words[k].w[0]
            && !memcmp(s + 2, num_words[k].w + 2, num_words[k].n - 2))
            return 1;
    return 0;
}

static void num_prefixes(uint64_t *pre3)
{
    size_t k;

    memset(pre3, 0, 512 * sizeof *pre3);
    for (k = 0; k < NTAB(num_words); k++) {
        unsigned key = num_key3(num_words[k].w);
        pre3[key >> 6] |= 1ull << (key & 63);
    }
}

/* The tables of num_starts' first filter: a number (NC_NUM) may start
 * after a byte that is not NC_PREBAD, a number word (NC_WORD1) after one
 * that is neither NC_PREBAD nor NC_WORDCH: cur[c] has bit 1 for a number,
 * 2 for a word's first letter, pre[b] the bits allowed after b. */
static void num_classes(unsigned char *pre, unsigned char *cur)
{
    unsigned i;

    for (i = 0; i < 256; i++) {
        unsigned char k = num_class((unsigned char)i);
        cur[i] = (k & NC_NUM ? 1 : 0) | (k & NC_WORD1 ? 2 : 0);
        pre[i] = k & NC_PREBAD ? 0 : k & NC_WORDCH ? 1 : 3;
    }
}

/* Every offset where PRE and a number can start: not after [\d.,/:-], and
 * a digit, '-', '.', or a number word at a word start.  A superset of where
 * the R_NUM rules (and SITE) can match.  The class filter takes sixteen
 * bytes at a time (num_cand16) when the byte classes are the ASCII ones
 * num_vec_ok checks, else one byte at a time through the tables; the
 * offsets passing it are then tested (most bytes fail, unpredictably). */
static lm_err num_start(struct run *r, size_t i);

#ifdef __SSE2__
/* Bytes of @p x in [lo, lo + n] (unsigned). */
static inline __m128i in_range(__m128i x, unsigned char lo, unsigned char n)
{
    __m128i t = _mm_sub_epi8(x, _mm_set1_epi8((char)lo));

    return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8((char)n)), t);
}

static inline __m128i is_byte(__m128i x, char c)
{
    return _mm_cmpeq_epi8(x, _mm_set1_epi8(c));
}

/* The class filter of s[0, 16) (s[-1] is read): bit i set when a number
 * may start at s[i] (pre[s[i - 1]] & cur[s[i]] of num_classes). */
static inline unsigned num_cand16(const unsigned char *s)
{
    __m128i c = _mm_loadu_si128((const __m128i *)s);
    __m128i p = _mm_loadu_si128((const __m128i *)(s - 1));
    __m128i num = _mm_or_si128(in_range(c, '0', 9),
                               _mm_or_si128(is_byte(c, '-'), is_byte(c, '.')));
    __m128i w1 = _mm_or_si128(_mm_or_si128(_mm_or_si128(is_byte(c, 'o'), is_byte(c, 't')),
                                           _mm_or_si128(is_byte(c, 'f'), is_byte(c, 's'))),
                              _mm_or_si128(_mm_or_si128(is_byte(c, 'e'), is_byte(c, 'n')),
                                           is_byte(c, 'h')));
    /* [,-./0-9:] is one range; a word character is a digit, '_' or a
     * letter of either case */
    __m128i bad = in_range(p, ',', ':' - ',');
    __m128i word = _mm_or_si128(_mm_or_si128(in_range(p, '0', 9), is_byte(p, '_')),
                                in_range(_mm_or_si128(p, _mm_set1_epi8(0x20)), 'a', 25));
    __m128i ok = _mm_or_si128(num, _mm_andnot_si128(word, w1));

    return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(bad, ok));
}
#endif

/* Do num_classes' tables (C-locale ctype) agree with num_cand16's ASCII
 * classes for every byte? */
static int num_vec_ok(const unsigned char *pre, const unsigned char *cur)
{
#ifdef __SSE2__
    unsigned i;

    for (i = 0; i < 256; i++) {
        int digit = i >= '0' && i <= '9';
        int num = digit || i == '-' || i == '.';
        int w1 = i && strchr("otfsenh", (int)i);
        int bad = i >= ',' && i <= ':';
        int word = digit || i == '_' || ((i | 0x20) >= 'a' && (i | 0x20) <= 'z');

        if (cur[i] != ((num ? 1 : 0) | (w1 ? 2 : 0)) || pre[i] != (bad ? 0 : word ? 1 : 3))
            return 0;
    }
    return 1;
#else
    (void)pre;
    (void)cur;
    return 0;
#endif
}

static lm_err num_starts(struct run *r)
{
    lm_extractor *ex = r->ex;
    const unsigned char *s = (const unsigned char *)r->lower;
    const unsigned char *pre = ex->numpre, *cur = ex->numcur;
    size_t i = 0;
    lm_err rc;

    ex->nnums = 0;
#ifdef __SSE2__
    if (ex->numvec && r->len) {
        /* the first byte has no byte before it; extract_lower leaves 64
         * zeros after the text, so the last block may read past it */
        if ((pre[0] & cur[s[0]]) && (rc = num_start(r, 0)))
            return rc;
        for (i = 1; i < r->len; i += 16) {
            unsigned m = num_cand16(s + i);

            if (r->len - i < 16)
                m &= (1u << (r->len - i)) - 1;
            while (m) {
                size_t at = i + (size_t)__builtin_ctz(m);

                m &= m - 1;
                /* a word start: most fail on their first three letters */
                if (!(cur[s[at]] & 1) && !num_pre3(s + at, ex->pre3))
                    continue;
                if ((rc = num_start(r, at)))
                    return rc;
            }
        }
    }
#endif
    for (; i < r->len; i++)
        if ((pre[i ? s[i - 1] : 0] & cur[s[i]]) && (rc = num_start(r, i)))
            return rc;
    if (ex->nnums)
        memset(ex->numclause, 0, ex->nnums * sizeof *ex->numclause);
    return LM_OK;
}

/* Records offset @p i (it passed the class filter) when a number or a
 * number word starts there, with what follows the number. */
static lm_err num_start(struct run *r, size_t i)
{
    lm_extractor *ex = r->ex;
    const unsigned char *s = (const unsigned char *)r->lower;

    if (!(ex->numcur[s[i]] & 1) && !num_word_at((const char *)s + i, ex->pre3))
        return LM_OK;
    if (s[i] == '-' || s[i] == '.') {
        /* a sign start serves only R_SNUM, whose SNUM needs "- ?" then a
         * digit or ".\d", or ".\d": a hyphen or a full stop is none
         * (extract_lower's zeros after the text may be read) */
        size_t j = i + (s[i] == '-');

        j += s[i] == '-' && s[j] == ' ';
        if (!isdigit(s[j]) && !(s[j] == '.' && isdigit(s[j + 1])))
            return LM_OK;
    }
    if (ex->nnums == ex->capnums) {
        size_t cap = ex->capnums ? 2 * ex->capnums : 64;
        size_t *v = realloc(ex->nums, cap * sizeof *v);
        unsigned char *kv;
        if (!v)
            return LM_ERR_NOMEM;
        ex->nums = v;
        if (!(kv = realloc(ex->numk, cap)))
            return LM_ERR_NOMEM;
        ex->numk = kv;
        if (!(v = realloc(ex->numclause, cap * sizeof *v)))
            return LM_ERR_NOMEM;
        ex->numclause = v;
        ex->capnums = cap;
    }
    if (isdigit(s[i]) || s[i] == '-' || s[i] == '.') {
        /* what follows the run of the number's characters */
        size_t j = i;
        unsigned char k = isdigit(s[i]) ? NK_DIGIT : NK_SIGN;

        while (j < r->len && (isdigit(s[j]) || s[j] == '.' || s[j] == ',' || s[j] == ' '
                              || (s[j] == '-' && j == i)))
            j++;
        if (ci_next(s, r->len, j))
            k |= NK_CINEXT;
        if (j < r->len && s[j - 1] == ' ' && (isalpha(s[j]) || s[j] == '-'))
            k |= NK_WNEXT;
        if (j < r->len && s[j - 1] == ' ' && (s[j] == '(' || s[j] == '['))
            k |= NK_BNEXT;
        /* memcmp: extract_lower leaves zeros after the text */
        if (j < r->len && (s[j] == '%' || !memcmp(s + j, "per", 3)))
            k |= NK_PNEXT;
        if (j < r->len && (s[j] == '/' || !memcmp(s + j, "of", 2)
                           || !memcmp(s + j, "out of", 6)))
            k |= NK_ONEXT;
        ex->numk[ex->nnums] = k;
    } else {
        ex->numk[ex->nnums] = NK_WORD;
    }
    ex->nums[ex->nnums++] = i;
    return LM_OK;
}

/* The literal each alternative of @p pat ("(?:a|bc?|d e)", an optional
 * trailing \b) starts with, as a start list "a|b|d e" into @p out.  @p out
 * is left empty (nothing is filtered on it) when an alternative starts
 * with anything else or the pattern is not such a list. */
static lm_err alt_literals(const char *pat, lm_buf *out)
{
    const char *p = pat + 3;
    size_t start;
    lm_err rc;

    lm_buf_clear(out);
    if (strncmp(pat, "(?:", 3))
        return LM_OK;
    for (;;) {
        if (out->len && (rc = lm_buf_append(out, "|", 1)))
            return rc;
        start = out->len;
        while (isalnum((unsigned char)*p) || *p == ' ' || *p == '-' || *p == '\'')
            if ((rc = lm_buf_append(out, p++, 1)))
                return rc;
        if (out->len > start && (*p == '?' || *p == '*' || *p == '{')) {
            /* a quantified last character is not in every match */
            out->s[--out->len] = '\0';
            while (*p && *p != '|' && *p != ')')
                p++;
        }
        if (out->len == start || (*p != '|' && *p != ')'))
            break;
        if (*p++ == ')') {
            if (!*p || !strcmp(p, "\\b"))
                return LM_OK;
            break;
        }
    }
    lm_buf_clear(out);
    return LM_OK;
}

/* May a SITE match from @p a have its noun at @p b: is s[a, b) made of the
 * characters of a count and of MODS ([a-z0-9 ,'/-] lower-cased, and "."
 * before a digit)?  Widen it with MODS: a MODS word this set refuses is a
 * site silently lost (tests/fixtures/extractors/unseen_sample_size.tsv
 * holds a row for each kind of modifier).  A byte outside them ends the
 * search.  (A locale whose islower takes more bytes only lets more starts
 * through.) */
static int site_run(const unsigned char *s, size_t a, size_t b)
{
    for (; a < b; a++) {
        unsigned char c = s[a];
        if (!(islower(c) || isdigit(c) || c == ' ' || c == ',' || c == '\'' || c == '-'
              || c == '/' || (c == '.' && isdigit(s[a + 1]))))
            return 0;
    }
    return 1;
}

/* Every offset where SITE matches (a count before a people noun), in
 * order; overlapping starts are all kept so no R_SITE match is missed. */
static lm_err find_sites(struct run *r)
{
    lm_extractor *ex = r->ex;
    PCRE2_SIZE *ov;
    size_t k, w;
    int rc;
    lm_err err;

    /* SITE starts with PRE and a count: tried anchored at the number starts */
    ex->nsites = 0;
    if (ex->who_list != (size_t)-1
        && (err = gate_starts(ex->gates, ex->who_list, &ex->found, &ex->at, &ex->nat,
                              &ex->capat)))
        return err;
    for (k = 0, w = 0; k < ex->nnums; k++) {
        if ((ex->numk[k] & NK_SIGN) || ((ex->numk[k] & NK_DIGIT) && !(ex->numk[k] & NK_WNEXT)))
            continue;      /* SITE: a count, a space and a word */
        if (ex->who_list != (size_t)-1) {
            /* its noun: the first of WHO's after the count, reached over a
             * count's and MODS' characters only */
            while (w < ex->nat && ex->at[w] <= ex->nums[k])
                w++;
            if (w == ex->nat)
                break;
            if (!site_run((const unsigned char *)r->lower, ex->nums[k], ex->at[w]))
                continue;
        }
        rc = extract_match(ex->site, r->s, r->len, ex->nums[k], ex->md, NULL);
        if (rc < 0)
            continue;
        ov = pcre2_get_ovector_pointer(ex->md);
        if (ex->nsites == ex->capsites) {
            size_t cap = ex->capsites ? 2 * ex->capsites : 32;
            size_t *v = realloc(ex->sites, cap * sizeof *v);
            if (!v)
                return LM_ERR_NOMEM;
            ex->sites = v;
            ex->capsites = cap;
        }
        ex->sites[ex->nsites++] = ov[0];
    }
    if (ex->nsites > ex->capclause) {
        size_t *v = realloc(ex->clause, ex->nsites * sizeof *v);
        if (!v)
            return LM_ERR_NOMEM;
        ex->clause = v;
        ex->capclause = ex->nsites;
    }
    if (ex->nsites)
        memset(ex->clause, 0, ex->nsites * sizeof *ex->clause);
    return LM_OK;
}

/* Where the clause of site k ends: the first '.', ';' or ':' after it
 * that is not inside a bracket opened after the site (GAP passes those
 * only inside "(...)") and not a decimal point. */
static size_t clause_end(const struct run *r, size_t from)
{
    size_t i;
    int open = 0;

    size_t lim = r->len - from > SENT_SCAN ? from + SENT_SCAN : r->len;

    for (i = from; i < lim; i++) {
        char ch;
        i += strcspn(r->s + i, "();:.");   /* the next one, or a NUL */
        if (i >= lim)
            break;
        ch = r->s[i];
        if (ch == '(')
            open = 1;
        else if (ch == ')')
            open = 0;
        else if (!open && (ch == ';' || ch == ':'
                           || (ch == '.' && !isdigit((unsigned char)r->s[i + 1]))))
            return i;
    }
    return lim;
}

/* Does one of the near literals (ex->at, sorted) start in [s, e)?  A binary
 * search for the first at or after s. */
static int literal_in(const lm_extractor *ex, size_t s, size_t e)
{
    size_t lo = 0, hi = ex->nat;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ex->at[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ex->nat && ex->at[lo] < e;
}

/* Does one of the near literals (r->ex->at, sorted) start between @p s (a
 * site or number start) and the end of its clause?  *clause caches that
 * end + 1 (0: not yet). */
static int verb_in_clause(const struct run *r, size_t s, size_t *clause)
{
    lm_extractor *ex = r->ex;
    size_t e;

    if (!*clause)
        *clause = clause_end(r, s) + 1;
    e = *clause - 1;
    if (e - s >= SENT_SCAN)
        return 1;              /* not an end: the scan's limit */
    return literal_in(ex, s, e);
}

/* R_DOTVERB: does a near literal (r->ex->at, sorted) start between @p s
 * and the first ';' or '.' not before a digit after it (at most SENT_SCAN
 * bytes on)? */
static int verb_before_dot(const struct run *r, size_t s)
{
    lm_extractor *ex = r->ex;
    size_t e = s, lim = r->len - s > SENT_SCAN ? s + SENT_SCAN : r->len;

    for (;;) {
        e += strcspn(r->s + e, ".;");      /* the next one, or a NUL */
        if (e >= lim)
            return 1;          /* not an end: the scan's limit */
        if (r->s[e] && (r->s[e] == ';' || !isdigit((unsigned char)r->s[e + 1])))
            break;
        e++;                   /* a decimal point, or a NUL inside the text */
    }
    return literal_in(ex, s, e);
}

/* One search of rule @c from @start (with @mctx's offset limit, if any):
 * on a match, runs the handler and sets *next past the match (a byte on
 * for an empty one).  1 when it matched (*err: the handler's status), 0
 * when not, -1 on a PCRE2 error other than no match. */
static int match_once(struct run *r, const struct crule *c, handler h, size_t start,
                      pcre2_match_context *mctx, size_t *next, lm_err *err)
{
    PCRE2_SIZE *ov;
    int rc = extract_match(c->code, r->s, r->len, start, r->ex->md, mctx);

    if (rc < 0)
        return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
    ov = pcre2_get_ovector_pointer(r->ex->md);
    *next = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    *err = h(r, c, ov[0], ov[1]);
    return 1;
}

/* R_PCTRUN: the bytes of a list of percents ("12, 15 and 20%", "3 vs.
 * 4 percent"): a number's, the joining words' (",", "and", "or", "vs",
 * "versus", "to") and "percent"'s, lower-cased. */
#define PCT_RUN "0123456789., %acdenoprstuv"

/* R_PCTRUN: does the run of PCT_RUN bytes from @p i reach a "%" or a
 * "percent"?  (Every byte the rule's match and look-ahead read is one.) */
static int pct_run(const struct run *r, size_t i)
{
    static unsigned char in[256];
    const unsigned char *s = (const unsigned char *)r->lower;
    const char *q;

    if (!in['%'])
        for (q = PCT_RUN; *q; q++)
            in[(unsigned char)*q] = 1;
    for (; i < r->len && in[s[i]]; i++)
        if (s[i] == '%' || (s[i] == 'p' && !memcmp(s + i, "percent", 7)))
            return 1;
    return 0;
}

/* R_AND4: one to four words of [^ .;] each followed by a space, then
 * "and ", from @p i (the rule's leading look-ahead, exact: a word cannot
 * hold the space that ends it). */
static int and_within(const struct run *r, size_t i)
{
    const char *s = r->lower;
    int w;

    for (w = 0; w < 4; w++) {
        size_t j = i;
        while (j < r->len && s[j] != ' ' && s[j] != '.' && s[j] != ';')
            j++;
        if (j == i || j >= r->len || s[j] != ' ')
            return 0;
        i = j + 1;
        if (r->len - i >= 4 && !memcmp(s + i, "and ", 4))
            return 1;
    }
    return 0;
}

static lm_err run_table(struct run *r, int t, handler h)
{
    size_t i, next;
    int rc;
    lm_err err = LM_OK;

    for (i = 0; i < r->ex->nrules[t]; i++) {
        const struct crule *c = &r->ex->rules[t][i];
        size_t off = 0;

        /* gate_pass, read here: a call per rule per text costs more */
        if (c->gate >= 0 && !r->ex->found.pass[c->gate])
            continue;
        if (c->r->flags & (R_LEAD | R_NEAR)) {
            size_t k, n = r->ex->nsites, lead = R_LEADOF(c->r->flags) ? R_LEADOF(c->r->flags) : LEAD_MAX;
            size_t from, tried = 0;   /* every start before tried failed */
            const size_t *at = r->ex->sites;

            if (c->r->flags & R_NEAR) {
                if ((err = gate_starts(r->ex->gates, c->near, &r->ex->found, &r->ex->at,
                                       &r->ex->nat, &r->ex->capat)))
                    return err;
                at = r->ex->at;
                n = r->ex->nat;
            }
            for (k = 0; k < n; k++) {
                size_t st = at[k];
                if (st < off || ((c->r->flags & R_COMMA) && (st < 2 || r->s[st - 2] != ','
                                                             || r->s[st - 1] != ' ')))
                    continue;
                /* the windows of near starts overlap: a start that failed
                 * fails again (the offset limit bounds only where a match
                 * starts), so each start is tried once */
                from = st > off + lead ? st - lead : off;
                if (from < tried)
                    from = tried;
                if (from > st)
                    continue;
                pcre2_set_offset_limit(r->ex->mctx, st);
                rc = match_once(r, c, h, from, r->ex->mctx, &next, &err);
                if (rc == 0)
                    tried = st + 1;
                if (rc <= 0)
                    continue;
                if (err)
                    return err;
                off = next;
            }
            continue;
        }
        if (c->r->flags & R_WORDS) {
            size_t k;

            for (k = off; k < r->len; k++) {
                if ((k && (isalnum((unsigned char)r->lower[k - 1]) || r->lower[k - 1] == '_'))
                    || !num_word_at(r->lower + k, r->ex->pre3))
                    continue;
                if (match_once(r, c, h, k, NULL, &next, &err) <= 0)
                    continue;
                if (err)
                    return err;
                k = next - 1;
            }
            continue;
        }
        if (c->r->flags & R_PCT) {
            const char *q = r->s;
            size_t k;

            while ((q = memchr(q, '%', r->len - (size_t)(q - r->s)))) {
                for (k = (size_t)(q - r->s) + 1; k <= (size_t)(q - r->s) + 2 && k <= r->len; k++) {
                    if (k == (size_t)(q - r->s) + 2 && r->s[k - 1] != ')')
                        break;
                    if (k < off)
                        continue;
                    if (match_once(r, c, h, k, NULL, &next, &err) <= 0)
                        continue;
                    if (err)
                        return err;
                    off = next;
                }
                q++;
            }
            continue;
        }
        if (c->r->flags & (R_SITE | R_NUM)) {
            size_t k, n = c->r->flags & R_SITE ? r->ex->nsites : r->ex->nnums;
            const size_t *at = c->r->flags & R_SITE ? r->ex->sites : r->ex->nums;
            int num = !(c->r->flags & R_SITE);

            if ((c->r->flags & (R_VERB | R_DOTVERB))
                && (err = gate_starts(r->ex->gates, c->near, &r->ex->found, &r->ex->at,
                                      &r->ex->nat, &r->ex->capat)))
                return err;
            for (k = 0; k < n; k++) {
                unsigned char kv = num ? r->ex->numk[k] : 0;

                if (at[k] < off || (num && !(c->numok[kv / 64] & (1ull << (kv % 64)))))
                    continue;
                if ((c->r->flags & R_VERB)
                    && !verb_in_clause(r, at[k], num ? &r->ex->numclause[k] : &r->ex->clause[k]))
                    continue;
                if ((c->r->flags & R_DOTVERB) && !verb_before_dot(r, at[k]))
                    continue;
                if (((c->r->flags & R_PCTRUN) && !pct_run(r, at[k]))
                    || ((c->r->flags & R_AND4) && !and_within(r, at[k])))
                    continue;
                if (match_once(r, c, h, at[k], NULL, &next, &err) <= 0)
                    continue;
                if (err)
                    return err;
                off = next;
            }
            continue;
        }
        while (off < r->len && (rc = match_once(r, c, h, off, NULL, &next, &err)) != 0) {
            if (rc < 0) {
                /* match limits on hostile input: log and go on */
                lm_log_debug("%s: rule %s: pcre2 error", r->section, c->r->id);
                break;
            }
            if (err)
                return err;
            off = next;
        }
    }
    return LM_OK;
}

/* Counts of groups listed one after another in a sentence ("17 707 men and
 * 19 227 women with X who ... and 9487 men and 10 808 women with Y"): one
 * total.  The text between must join them with "and" and state nothing
 * (no number, no verb of its own, no subset: "of whom", "including"). */
static lm_err chain_groups(struct run *r)
{
    static const char *const stop[] = { " were ", " was ", " of whom", " of these", " of them",
        " among", "includ", " whereas", " while ", "compared", " versus", " vs", ", and", " or " };
    size_t i, j, k;

    for (i = r->first; i < r->out->len; i++) {
        lm_extraction *a = &r->out->v[i];

        if (a->kind != LM_KIND_SAMPLE_SIZE || strncmp(a->rule, "n.groups_sum", 12))
            continue;
        for (j = i + 1; j < r->out->len; j++) {
            lm_extraction *b = &r->out->v[j];
            const char *gap = r->orig + a->span_end;
            size_t n = b->span_start - a->span_end;
            char *t;

            if (b->kind != LM_KIND_SAMPLE_SIZE || strncmp(b->rule, "n.groups_sum", 12)
                || b->span_start <= a->span_end || n > 160
                || sent_start(r->orig, b->span_start) != sent_start(r->orig, a->span_start)
                || n < 5 || strncmp(gap + n - 5, " and ", 5))
                continue;
            for (k = 0; k < n && !isdigit((unsigned char)gap[k]); k++)
                ;
            if (k < n)
                continue;
            for (k = 0; k < NTAB(stop); k++)
                if (memmem(gap, n, stop[k], strlen(stop[k])))
                    break;
            if (k < NTAB(stop))
                continue;
            if (!(t = malloc(b->span_end - a->span_start + 1)))
                return LM_ERR_NOMEM;
            memcpy(t, r->orig + a->span_start, b->span_end - a->span_start);
            t[b->span_end - a->span_start] = '\0';
            free(a->text);
            a->text = t;
            a->span_end = b->span_end;
            a->value += b->value;
            a->n = (int64_t)a->value;
            free(b->text);
            memmove(b, b + 1, (r->out->len - j - 1) * sizeof *b);
            r->out->len--;
            j--;
        }
    }
    return LM_OK;
}

/* Does s[0, n) randomise ("randomised", "allocated", "assigned"), whatever
 * the case? */
static int randomises(const char *s, size_t n)
{
    static const char *const w[] = { "random", "allocat", "assign" };
    size_t i, k;

    for (i = 0; i < n; i++)
        for (k = 0; k < NTAB(w); k++)
            if (!strncasecmp(s + i, w[k], strlen(w[k])))
                return 1;
    return 0;
}

/* How many groups s[a, b) announces before its counts: "from three
 * populations (", "two cohorts:" (a number word or digit, at most one word,
 * then the plural noun), else 0. */
static int groups_announced(const char *s, size_t a, size_t b)
{
    static const char *const num[] = { "two ", "three ", "four ", "five ", "2 ", "3 ", "4 ", "5 " };
    static const char *const noun[] = { "populations", "cohorts", "samples", "groups" };
    size_t i, k, m, w;

    for (i = a; i < b; i++) {
        if (i > a && isalnum((unsigned char)s[i - 1]))
            continue;
        for (k = 0; k < NTAB(num); k++)
            if (i + strlen(num[k]) < b && !strncasecmp(s + i, num[k], strlen(num[k])))
                break;
        if (k == NTAB(num))
            continue;
        w = i + strlen(num[k]);
        for (int words = 0; words < 2; words++) {
            for (m = 0; m < NTAB(noun); m++)
                if (w + strlen(noun[m]) <= b && !strncasecmp(s + w, noun[m], strlen(noun[m]))
                    && !isalpha((unsigned char)s[w + strlen(noun[m])]))
                    return (int)(k % 4) + 2;
            while (w < b && isalpha((unsigned char)s[w]))
                w++;
            if (w >= b || s[w] != ' ')
                break;
            w++;
        }
    }
    return 0;
}

/* Several populations, each with its own "(N = ...)", announced by their
 * number ("baseline data from three populations (carers (N = 410),
 * nurses (N = 520) and doctors (N = 160))"): the study's people are
 * their sum ("n.populations_sum"), over any one of them. */
static int paren_count_row(const lm_extraction *e)
{
    return (e->kind == LM_KIND_ARM_SIZE && !strcmp(e->rule, "arm.paren"))
           || (e->kind == LM_KIND_SAMPLE_SIZE && (!strcmp(e->rule, "n.paren_total") || !strcmp(e->rule, "n.who_paren")));
}

static lm_err populations_total(struct run *r)
{
    size_t i, j, q, first = r->out->len;

    for (i = r->first; i < first; i++) {
        const lm_extraction *a = &r->out->v[i];
        size_t ss, se, ns = (size_t)-1, ne = 0, used[8];
        int cnt = 0, want;
        double sum = 0;
        lm_extraction *e;

        if (!paren_count_row(a))
            continue;
        ss = sent_start(r->orig, a->span_start);
        for (j = r->first; j < i; j++)
            if (paren_count_row(&r->out->v[j]) && sent_start(r->orig, r->out->v[j].span_start) == ss)
                break;
        if (j < i || randomises(r->orig + ss, a->span_start - ss))
            continue;
        if (!(want = groups_announced(r->orig, ss, a->span_start)))
            continue;
        se = sent_end(r->orig, r->ex->norm.map[r->len], a->span_end);
        for (j = i; j < first && cnt < 8; j++) {
            const lm_extraction *b = &r->out->v[j];
            if (!paren_count_row(b) || b->span_start < ss || b->span_end > se)
                continue;
            /* one bracket read by two rules counts once */
            for (q = 0; q < (size_t)cnt; q++)
                if (r->out->v[used[q]].span_start < b->span_end && b->span_start < r->out->v[used[q]].span_end)
                    break;
            if (q < (size_t)cnt)
                continue;
            used[cnt++] = j;
            ns = b->span_start < ns ? b->span_start : ns;
            ne = b->span_end > ne ? b->span_end : ne;
            sum += b->value;
        }
        if (cnt != want)
            continue;
        if (!(e = extract_push(r->out, LM_KIND_SAMPLE_SIZE, "n.populations_sum", r->section, r->orig, ns, ne)))
            return LM_ERR_NOMEM;
        extract_strlcpy(e->metric, "included", sizeof e->metric);
        e->value = sum;
        e->n = (int64_t)sum;
        break;
    }
    return LM_OK;
}

/* Arm sizes from "(n = 12)" pairs in one sentence give a total ("n.arms_sum")
 * when no other total was found. */
static lm_err arms_total(struct run *r)
{
    size_t i, j, first = r->out->len;
    int have_total = 0;
    lm_err rc;

    if ((rc = populations_total(r)))
        return rc;
    for (i = r->first; i < r->out->len; i++)
        if (r->out->v[i].kind == LM_KIND_SAMPLE_SIZE)
            have_total = 1;
    if (have_total)
        return LM_OK;
    for (i = r->first; i < first; i++) {
        const lm_extraction *a = &r->out->v[i];
        size_t ss, se, ns = 0, ne = 0, cnt = 0;
        double sum = 0;
        lm_extraction *e;
        int rnd;

        if (a->kind != LM_KIND_ARM_SIZE)
            continue;
        /* only the first arm of a sentence starts a sum */
        for (j = r->first; j < i; j++)
            if (r->out->v[j].kind == LM_KIND_ARM_SIZE
                && sent_start(r->orig, r->out->v[j].span_start) == sent_start(r->orig, a->span_start))
                break;
        if (j < i)
            continue;
        ss = sent_start(r->orig, a->span_start);
        se = sent_end(r->orig, r->ex->norm.map[r->len], a->span_end);
        /* a ';' inside brackets does not end a sentence that randomises
         * or names its trial: "(A: n=210; B: n=205; C: n=208)"; nor one
         * outside them in a sentence that randomises and goes on listing
         * its arms ("to A for 3 days (n = 54); B (n = 57); or C (n = 55)":
         * the next clause holds an arm and is no new "(ii)" part) */
        for (;;) {
            size_t q, depth = 0, olen = r->ex->norm.map[r->len], next;
            int more = 0;

            for (q = ss; q < se; q++) {
                if (r->orig[q] == '(')
                    depth++;
                else if (r->orig[q] == ')' && depth)
                    depth--;
            }
            if (se >= olen || r->orig[se] != ';'
                || !(randomises(r->orig + ss, se - ss)
                     || (depth && memmem(r->orig + ss, se - ss, "trial", 5))))
                break;
            next = sent_end(r->orig, olen, se + 1);
            for (q = se + 1; q < next && r->orig[q] == ' '; q++)
                ;
            /* not a new enumerated part ("; (ii) in a crossover ...") */
            if (!depth && q < next && r->orig[q] != '(')
                for (q = i + 1; q < first && !more; q++)
                    more = r->out->v[q].kind == LM_KIND_ARM_SIZE && r->out->v[q].span_start > se
                        && r->out->v[q].span_end <= next;
            if (!depth && !more)
                break;
            se = next;
        }
        rnd = randomises(r->orig + ss, se - ss);
        for (j = i; j < first; j++) {
            const lm_extraction *b = &r->out->v[j];
            if (b->kind != LM_KIND_ARM_SIZE || b->span_start < ss || b->span_end > se)
                continue;
            /* people in brackets are arms only where the sentence
             * randomises ("nausea (12 patients) and rash (8 patients)") */
            if (!strcmp(b->rule, "arm.paren_who") && !rnd)
                continue;
            if (!cnt)
                ns = b->span_start;
            ne = b->span_end;
            sum += b->value;
            cnt++;
        }
        if (cnt < 2)
            continue;
        if (!(e = extract_push(r->out, LM_KIND_SAMPLE_SIZE, "n.arms_sum", r->section,
                               r->orig, ns, ne)))
            return LM_ERR_NOMEM;
        /* "randomised (1:1) to A (n=102) or B (n=99)": the arms randomised */
        extract_strlcpy(e->metric, randomises(r->orig + ss, se - ss) ? "randomized" : "analyzed",
                        sizeof e->metric);
        e->value = sum;
        e->n = (int64_t)sum;
        break;
    }
    return LM_OK;
}

/* Texts longer than TEXT_PART bytes are read in parts of at most that
 * size, each cut after a sentence end (a newline, else ". ", else a space,
 * else a character boundary): the per-text steps that compare results with
 * each other (overlaps, sums of groups and arms) then cost at most a
 * part's results each, and the work stays linear in the text's size.  A
 * value spanning a cut is lost; the debug log names the text and its parts. */
#define TEXT_PART 32768

/* Where the part of text[from, len) ends (see TEXT_PART). */
static size_t part_end(const char *t, size_t from, size_t len)
{
    size_t lim = from + TEXT_PART, i;

    if (len - from <= TEXT_PART)
        return len;
    for (i = lim; i > from + TEXT_PART / 2; i--)
        if (t[i - 1] == '\n')
            return i;
    for (i = lim; i > from + TEXT_PART / 2; i--)
        if (i >= 2 && t[i - 2] == '.' && t[i - 1] == ' ')
            return i;
    for (i = lim; i > from + TEXT_PART / 2; i--)
        if (t[i - 1] == ' ')
            return i;
    for (i = lim; i > from + 1 && ((unsigned char)t[i] & 0xC0) == 0x80; i--)
        ;
    return i;
}

/* One part of a text: its rule pass, results offset by @p off. */
static lm_err part_pass(lm_extractor *ex, const char *text, size_t len, size_t off,
                        const char *section, lm_extractions *out, int design)
{
    struct run r;
    size_t k, from = out->len;
    lm_err rc;

    if ((rc = lm_text_norm(text, len, &ex->norm)))
        return rc;
    if ((rc = extract_lower(ex->norm.s, ex->norm.len, &ex->scratch)))
        return rc;
    if ((rc = gate_scan(ex->gates, ex->norm.s, ex->norm.len, &ex->found)))
        return rc;
    r.ex = ex;
    r.orig = text;
    r.lower = ex->scratch.s;
    r.s = ex->norm.s;
    r.len = ex->norm.len;
    r.section = section ? section : "abstract";
    r.out = out;
    r.first = out->len;
    r.why_se = 0;
    if ((rc = num_starts(&r)) || (rc = find_sites(&r)) || (rc = run_table(&r, T_SIZE, on_size))
        || (rc = chain_groups(&r)) || (rc = arms_total(&r))
        || (rc = run_table(&r, T_STUDY, on_study))
        || (rc = run_table(&r, T_EFFECT, on_effect))
        || (rc = run_table(&r, T_P, on_p))
        || (rc = run_table(&r, T_RATE, on_rate))
        || (rc = findings_text(ex->findings, text, ex->norm.s, ex->scratch.s, ex->norm.map,
                               ex->norm.len, r.section, out, r.first)))
        return rc;
    if (design >= 0)
        design_count(ex->design, ex->md, ex->norm.s, &ex->found, ex->norm.map,
                     ex->norm.len, design);
    for (k = from; off && k < out->len; k++) {
        out->v[k].span_start += off;
        out->v[k].span_end += off;
    }
    return LM_OK;
}

/* lm_extract_text; @p design >= 0 also counts the design cues of the
 * title (1) or the abstract (0) on the same normalised text. */
static lm_err text_pass(lm_extractor *ex, const char *text, size_t len,
                        const char *section, lm_extractions *out, int design)
{
    size_t at = 0, end, parts = 0;
    lm_err rc;

    if (!ex || !out || (!text && len))
        return LM_ERR_USAGE;
    if (len > LM_MAX_FIELD) {
        lm_msg_set(ex->msg, sizeof ex->msg, "%s: %zu bytes exceeds the %u-byte limit",
                   section ? section : "text", len, LM_MAX_FIELD);
        return LM_ERR_TOO_BIG;
    }
    while (at < len) {
        end = part_end(text, at, len);
        if ((rc = part_pass(ex, text + at, end - at, at, section, out, design)))
            return rc;
        at = end;
        parts++;
    }
    if (parts > 1)
        lm_log_debug("%s: %zu bytes read in %zu parts of at most %d bytes"
               " (a value across a cut is not read)", section ? section : "abstract",
               len, parts, TEXT_PART);
    return LM_OK;
}

lm_err lm_extract_text(lm_extractor *ex, const char *text, size_t len,
                       const char *section, lm_extractions *out)
{
    return text_pass(ex, text, len, section, out, -1);
}

lm_err lm_extract_design(lm_extractor *ex, const char *title, const char *abstract,
                         const char *pub_types, const char *mesh, lm_extractions *out)
{
    if (!ex || !out)
        return LM_ERR_USAGE;
    return design_extract(ex->design, ex->md, title, abstract, pub_types, mesh, out);
}

static int has_design(const lm_extractions *x, size_t first, const char *d)
{
    size_t i;

    for (i = first; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_DESIGN && !strcmp(x->v[i].svalue, d))
            return 1;
    return 0;
}

/* A case report without a stated sample size has one patient; the row
 * quotes the design cue that said so. */
static void case_report_size(lm_extractions *x, size_t first)
{
    size_t i;
    lm_extraction *d = NULL, *e;

    for (i = first; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_DESIGN && !strcmp(x->v[i].svalue, "case_report"))
            d = &x->v[i];
    if (!d || !d->text)
        return;
    i = (size_t)(d - x->v);
    /* extract_push may move the array: copy what we need first */
    {
        char sec[sizeof d->section];
        size_t a = d->span_start, b = d->span_end;
        char *t = strdup(d->text);

        if (!t)
            return;
        memcpy(sec, d->section, sizeof sec);
        e = extract_push(x, LM_KIND_SAMPLE_SIZE, "n.case_report", sec, t, 0, strlen(t));
        if (e) {
            e->span_start = a;
            e->span_end = b;
            e->value = 1;
            e->n = 1;
            extract_strlcpy(e->metric, "included", sizeof e->metric);
            extract_flag(e, "primary");
        }
        free(t);
    }
    (void)i;
}

/* How strongly a sample size row claims to be the study's total: THE
 * ranking rule (the README's "Which count is the study's total" points
 * here).  The row with the highest priority wins, the earliest on a tie;
 * the priorities are the size_rules table's, by the count's role:
 *
 *   102  a protocol's planned size, in the future tense ("We will recruit
 *        240 adults", "aims to include 120 patients")      n.planned
 *   100  subject or object of "randomised", with a people noun
 *        (n.randomized, n.randomized.verb_first)
 *    98  "(n = 120) were randomised"                    n.paren_randomized
 *    95  arms randomised and added ("40 to A and 41 to B")  n.arms_sum
 *    90  "120 were randomised", "120 randomised patients"   n.randomized.bare/.adj
 *  85-86 "a total of N ..." (and its two-group sum)     n.total, n.total_sum
 *    82  those who agreed to take part (beat those asked)   n.agreed
 *    80  subject or object of enrolled/recruited/studied    n.enrolled*
 *    78  the population part opens with it ("PATIENTS: 54 adults")  n.section
 *    77  populations announced by their number, each with its "(N = ...)",
 *        summed ("from three populations (A (N = 40), B (N = 52) and C (N =
 *        19))"; not in a sentence that randomises)        n.populations_sum
 *    76  "(n = 522)" right after "were included/used/analysed"  n.paren_after_verb
 *    75  any noun, subject of "were randomised" (not a cluster, not a
 *        document, not "one", not "with N"); "(N = 120)"    n.role.randomized, n.paren_total
 *  72-74 groups added ("89 women and 36 men", "Eleven older rowers and 11
 *        younger rowers", "Nine male and seven female athletes took part",
 *        "Participants were 21 professional and 19 amateur dancers"),
 *        people of units ("120 eyes (60 patients)"), per group
 *        n.groups_sum*, n.units_of_people*, n.per_group*
 *    70  included/assessed/surveyed, "in/of/among N people", a review's
 *        "studies (218 participants)"          n.included*, n.studies_paren
 *  64-66 the authors' own verb on any noun ("We analyzed 50 ..."), a
 *        sentence's or opening clause's count              n.role.object, n.sentence_start
 *    62  any noun, subject of "were enrolled/recruited/included"  n.role.enrolled
 *    60  completed / analysed (a step after the total), sex sums
 *    58  "Of 69 evaluable patients" (below "Seventy patients completed"),
 *        a percent's group "12.4% of the cohort (n = 62,254)"
 *        n.evaluable, n.pct_denominator
 *    55  arm sums not said to be randomised
 *    50  units that are not people (procedures, "x vs y" arms)
 *    45  a pool (those asked, screened), a denominator, a part of the
 *        sample ("a subsample of 90", flag pool) or one cluster's share
 *        ("30 patients per clinic" with no clinics counted; flag
 *        per_cluster; with "12 clinics" in the sentence it is 360)
 *  -100  anything from a PMC body section (it repeats and subdivides the
 *        abstract), whatever its rule
 *
 * After the choice, finish_article adds a separately stated control group
 * (add_controls), a secondary analysis that names its parent trial's size
 * takes the smaller count of its own analysed people (secondary_subset),
 * and a case report counts one. */
static int size_prio(const lm_extraction *e)
{
    size_t j;
    int p = 0;

    for (j = 0; j < NTAB(size_rules); j++)
        if (!strcmp(size_rules[j].id, e->rule)) {
            p = size_rules[j].prio;
            break;
        }
    if (!strcmp(e->rule, "n.arms_sum") && strcmp(e->metric, "randomized"))
        p = 55;
    if (!strcmp(e->rule, "n.populations_sum"))
        p = 77;
    if (strstr(e->flags, "denominator") || strstr(e->flags, "pool"))
        p = 45;
    if (strcmp(e->section, "title") && strcmp(e->section, "abstract"))
        p -= 100;    /* the body repeats and subdivides the abstract */
    return p;
}

/* The best sample size row of [first, len) (the earliest on a tie) that
 * does not overlap [a, b) of the abstract; *prio its priority. */
static size_t best_size(const lm_extractions *x, size_t first, size_t a, size_t b, int *prio)
{
    size_t i, best = (size_t)-1;
    int p;

    *prio = -1;
    for (i = first; i < x->len; i++) {
        const lm_extraction *e = &x->v[i];
        if (e->kind != LM_KIND_SAMPLE_SIZE
            || (!strcmp(e->section, "abstract") && e->span_start < b && a < e->span_end))
            continue;
        p = size_prio(e);
        if (p > *prio || (p == *prio && best != (size_t)-1 && !strcmp(e->section, x->v[best].section)
                          && e->span_start < x->v[best].span_start)) {
            *prio = p;
            best = i;
        }
    }
    return best;
}

/* The control group stated on its own ("The control group were 145
 * pregnant women", "and a control group of 45 healthy women"), or NULL. */
static const lm_extraction *control_arm(const lm_extractions *x, size_t first)
{
    size_t i;

    for (i = first; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_ARM_SIZE && !strncmp(x->v[i].rule, "arm.control", 11)
            && !strcmp(x->v[i].section, "abstract"))
            return &x->v[i];
    return NULL;
}

/* The control group @p ctl is added to the study's count of cases @p best
 * (chosen outside the control's span): the total then covers both groups
 * ("n.with_controls").  Not in a randomised study (its total holds the
 * control arm), nor when the count already holds the controls: it names
 * them, a subset phrase joins them, or another count is the cases alone.
 * Both must be stated near each other in one part of the abstract.
 * Returns the row that is now the study's total. */
static size_t add_controls(lm_extractions *x, size_t first, size_t best,
                           const lm_extraction *ctl, const char *abstract)
{
    static const char *const subset[] = { "includ", "of whom", "of these", "of them", "among", "consist", "compris" };
    const lm_extraction *p = &x->v[best];
    lm_extraction *e;
    char metric[sizeof e->metric];
    size_t a, b, k, from;
    double sum;

    if (!ctl || !abstract || has_design(x, first, "rct") || size_prio(p) < 50
        || strcmp(p->section, "abstract") || strcasestr(p->text, "control")
        || (p->span_start < ctl->span_end && ctl->span_start < p->span_end))
        return best;
    a = p->span_start < ctl->span_start ? p->span_start : ctl->span_start;
    b = p->span_end > ctl->span_end ? p->span_end : ctl->span_end;
    if (b - a > 600 || memchr(abstract + a, '\n', b - a))
        return best;
    /* "45 patients, including a control group of 20", "These comprised a
     * control group of 20": from the count (or the control's sentence) on */
    if (p->span_end <= ctl->span_start) {
        from = sent_start(abstract, ctl->span_start);
        from = from > p->span_end ? from : p->span_end;
        for (k = 0; k < NTAB(subset); k++)
            if (memmem(abstract + from, ctl->span_start - from, subset[k], strlen(subset[k])))
                return best;
    }
    sum = p->value + ctl->value;
    for (k = first; k < x->len; k++) {
        const lm_extraction *o = &x->v[k];
        if ((o->kind == LM_KIND_SAMPLE_SIZE || o->kind == LM_KIND_ARM_SIZE) && o != p
            && !(!strcmp(o->section, "abstract") && o->span_start < ctl->span_end
                 && ctl->span_start < o->span_end)
            && (o->value == p->value - ctl->value || o->value == sum))
            return best;
    }
    memcpy(metric, p->metric, sizeof metric);
    if (!(e = extract_push(x, LM_KIND_SAMPLE_SIZE, "n.with_controls", "abstract", abstract, a, b)))
        return best;
    e->value = sum;
    e->n = (int64_t)sum;
    memcpy(e->metric, metric, sizeof metric);
    return x->len - 1;
}

static int design_flag(const lm_extractions *x, size_t first, const char *flag)
{
    size_t i;

    for (i = first; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_DESIGN && strstr(x->v[i].flags, flag))
            return 1;
    return 0;
}

/* Does s[a, b) hold one of @p pats (case-insensitive)? */
static int span_has(const char *s, size_t a, size_t b, const char *const *pats, size_t npats)
{
    size_t i, k, n;

    for (k = 0; k < npats; k++) {
        n = strlen(pats[k]);
        for (i = a; i + n <= b; i++)
            if (!strncasecmp(s + i, pats[k], n))
                return 1;
    }
    return 0;
}

/* A secondary analysis states its parent trial's size, then the people it
 * analysed ("The parent trial randomised 1200 adults ... This secondary
 * analysis included 430 with imaging"): the study is those analysed.  The
 * parent's count wins the ranking by its verb; in a text flagged a
 * secondary analysis, when its sentence names the (parent) trial and a
 * later count's sentence is the analysis's own ("this secondary analysis
 * included", "were analysed"; a smaller count), that count is the total.  Returns the row chosen. */
static size_t secondary_subset(const lm_extractions *x, size_t first, size_t best,
                               const char *abstract)
{
    static const char *const parent[] = { "parent", "original trial", "original study", "main trial",
        "overall trial", "full trial", "larger trial", "trial" };
    static const char *const own[] = { "this analysis", "this secondary", "this post hoc", "this post-hoc",
        "this ancillary", "this exploratory", "this substudy", "this sub-study", "present analysis",
        "current analysis", "we analysed", "we analyzed", "were analysed", "were analyzed",
        "included in this", "included in the present", "included in the current", "included in our" };
    const lm_extraction *p = &x->v[best];
    size_t len, s0, s1, k;

    if (!abstract || strcmp(p->section, "abstract") || !design_flag(x, first, "secondary_analysis"))
        return best;
    len = strlen(abstract);
    if (p->span_end > len)
        return best;
    s0 = sent_start(abstract, p->span_start);
    s1 = sent_end(abstract, len, p->span_end);
    if (!span_has(abstract, s0, s1, parent, NTAB(parent)))
        return best;
    for (k = first; k < x->len; k++) {
        const lm_extraction *o = &x->v[k];
        size_t o0;

        if (o->kind != LM_KIND_SAMPLE_SIZE || strcmp(o->section, "abstract") || o->span_start < p->span_end
            || o->span_end > len || !(o->value < p->value) || o->value < 2)
            continue;
        o0 = sent_start(abstract, o->span_start);
        if (span_has(abstract, o0, sent_end(abstract, len, o->span_end), own, NTAB(own)))
            return k;
    }
    return best;
}

/* The study's total: the sample size with the highest rule priority, the
 * earliest on a tie, with a separately stated control group added
 * (add_controls); marked "primary".  Rates given only as a percent are
 * flagged n_assumed (k, n and the CI stay empty: nothing printed them). */
static void finish_article(lm_extractions *x, size_t first, const char *abstract)
{
    size_t i, best = (size_t)-1;
    const lm_extraction *ctl;
    lm_extraction ctl_row;
    int bp;

    /* a percent printed alone keeps k and n empty: its denominator is not
     * printed, and the study's total is often not the group the percent is
     * of (an arm, the completers); the flag says the reader must assume it */
    for (i = first; i < x->len; i++) {
        lm_extraction *e = &x->v[i];
        if (e->kind == LM_KIND_RATE && e->n < 0 && !isnan(e->value))
            extract_flag(e, "n_assumed");
    }
    if (has_design(x, first, "meta_analysis") || has_design(x, first, "systematic_review"))
        for (i = first; i < x->len; i++)
            if (x->v[i].kind == LM_KIND_EFFECT)
                extract_flag(&x->v[i], "pooled");

    /* the controls alone are not the study's total while cases are counted */
    if ((ctl = control_arm(x, first)))
        best = best_size(x, first, ctl->span_start, ctl->span_end, &bp);
    if (best == (size_t)-1)
        best = best_size(x, first, 0, 0, &bp);
    /* a case report's "31 cases" in passing (a literature review) is not
     * its sample: only a stated phrasing beats the one patient */
    if (best == (size_t)-1 || (bp <= 30 && has_design(x, first, "case_report"))) {
        case_report_size(x, first);
        return;
    }
    if (ctl)    /* extract_push may move the array: pass a copy */
        ctl_row = *ctl;
    best = add_controls(x, first, best, ctl ? &ctl_row : NULL, abstract);
    best = secondary_subset(x, first, best, abstract);
    extract_flag(&x->v[best], "primary");
}

/* The primary count's kind follows the design decided for the article
 * (whose randomisation): "randomized" only in a randomised study (a trial,
 * or animals randomised), else the people were included (an observational
 * analysis of a trial's people, a review's pooled participants, a data
 * split at random); and in a randomised trial, "in 12 volunteers" or
 * "including 40 adults" names those randomised. */
static void size_kind_by_design(lm_extractions *x, size_t first)
{
    static const char *const not_randomised[] = { "cohort", "other", "systematic_review", "meta_analysis",
                                                  "case_control", "opinion", "case_series", "case_report" };
    const char *d = NULL;
    lm_extraction *p = NULL;
    size_t i, k;

    for (i = first; i < x->len; i++) {
        /* a design nothing names ("other" by default) says nothing */
        if (x->v[i].kind == LM_KIND_DESIGN && strcmp(x->v[i].metric, "none"))
            d = x->v[i].svalue;
        else if (x->v[i].kind == LM_KIND_SAMPLE_SIZE && !p && strstr(x->v[i].flags, "primary"))
            p = &x->v[i];
    }
    if (!d || !p)
        return;
    if (!strcmp(p->metric, "randomized")) {
        for (k = 0; k < NTAB(not_randomised); k++)
            if (!strcmp(d, not_randomised[k]))
                extract_strlcpy(p->metric, "included", sizeof p->metric);
    } else if (!strcmp(d, "rct") && !strcmp(p->metric, "included") && !strcmp(p->rule, "n.included.verb_first")
               && !strstr(p->flags, "denominator")) {
        extract_strlcpy(p->metric, "randomized", sizeof p->metric);
    }
}

/* Body text: "## Section title" lines start sections. */
static lm_err extract_body(lm_extractor *ex, const char *body, lm_extractions *out)
{
    const char *p = body, *sec = body, *nl;
    char name[32] = "body";
    lm_err rc;

    for (;;) {
        nl = strchr(p, '\n');
        if (!strncmp(p, "## ", 3) || !*p) {
            size_t from = out->len, k;

            if (p > sec && (rc = lm_extract_text(ex, sec, (size_t)(p - sec), name, out)))
                return rc;
            /* spans count from the start of the stored body, not the section */
            for (k = from; k < out->len; k++) {
                out->v[k].span_start += (size_t)(sec - body);
                out->v[k].span_end += (size_t)(sec - body);
            }
            if (!*p)
                return LM_OK;
            extract_strlcpy(name, p + 3, nl && (size_t)(nl - p - 3) < sizeof name
                            ? (size_t)(nl - p - 3) + 1 : sizeof name);
            sec = nl ? nl + 1 : p + strlen(p);
        }
        if (!nl) {
            p += strlen(p);
            continue;
        }
        p = nl + 1;
    }
}

lm_err lm_extract_article(lm_extractor *ex, const lm_article *a, lm_extractions *out)
{
    size_t first;
    lm_err rc;

    if (!ex || !a || !out)
        return LM_ERR_USAGE;
    first = out->len;
    /* the design cues are counted on the title and abstract as the rule
     * pass normalised them (lm_extract_design without normalising again) */
    design_begin(ex->design);
    if (a->title && (rc = text_pass(ex, a->title, strlen(a->title), "title", out, 1)))
        goto fail;
    if (a->abstract && (rc = text_pass(ex, a->abstract, strlen(a->abstract),
                                       "abstract", out, 0)))
        goto fail;
    if (a->body && *a->body && (rc = extract_body(ex, a->body, out)))
        goto fail;
    if ((rc = design_finish(ex->design, a->title, a->abstract, a->pub_types, a->mesh, out)))
        goto fail;
    finish_article(out, first, a->abstract);
    design_level_unstudied(out, first);
    size_kind_by_design(out, first);
    findings_finish(out, first);
    return LM_OK;
fail:
    if (rc == LM_ERR_TOO_BIG)
        lm_msg_set(ex->msg, sizeof ex->msg, "PMID %lld: a text field exceeds %u bytes",
                   (long long)a->pmid, LM_MAX_FIELD);
    return rc;
}
