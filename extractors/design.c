/* Study design and evidence level.  A table of cues (one regex each) is
 * counted over the title and abstract; a fixed order of precedence turns
 * the counts into one design (the strongest claim the text makes about
 * itself).  PubMed publication types give a second opinion; the abstract's
 * own wording wins when it says anything, as DESIGN.md asks, and the row
 * records both.
 *
 * Whose randomisation: an RCT is a record that reports its own randomised
 * comparison.  The word alone does not make one: a commentary about
 * trials is an opinion; a process evaluation or qualitative study of a
 * trial, and an observational or cross-sectional use of a trial's people
 * (arms combined, predictors, those who declined), are what they call
 * themselves; a trial named as the source of the data ("randomized in the
 * XY trial", "participants of a randomised trial") is borrowed.  A cluster
 * trial's protocol, an economic analysis alongside a trial and a registry
 * follow-up of its arms still compare the randomised arms (wording_design),
 * and so does a secondary analysis of what modifies that comparison (a
 * moderator, a marker predictive of benefit), flagged secondary_analysis.
 * A title that names an association ("Predictors of ...", "X predicts Y")
 * over a trial it does not call its own, a trial named as the next step
 * ("before we proceed with a randomised trial") or as background ("a
 * previous randomised trial"), and one arm's data are not its report either;
 * a review is one by its search and selection headings even when it never
 * says "systematic review".  A double-blind placebo-controlled comparison in
 * people is a randomised one even when the abstract omits the word, unless
 * it says it is something else (a cohort, an analysis of predictors, a
 * borrowed trial). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extractors_int.h"

enum cue {
    C_META, C_SR, C_RCT_OWN, C_RCT_LEAD, C_RCT_MENTION, C_RCT_BORROWED, C_NONRAND, C_QUASI,
    C_DIVIDED, C_CONTROL_GROUP, C_CASE_CONTROL, C_HEALTHY_CONTROLS, C_COHORT,
    C_CASE_SERIES, C_CASE_REPORT, C_OPEN_LABEL, C_SINGLE_ARM, C_CROSS_SECTIONAL,
    C_ANIMAL, C_VET, C_IN_VITRO, C_HUMAN, C_PROTOCOL, C_PLACEBO, C_DOUBLE_BLIND,
    C_CROSSOVER, C_ACTIVE, C_SECONDARY, C_REVIEW_BACKGROUND, C_NOT_ARMS, C_OPINION,
    C_SELF_COHORT, C_SELF_OTHER, C_SELF_XS, C_PROCESS, C_INTERVIEWS, C_ARMS, C_USES_TRIAL, C_SIMULATION, C_REVIEW_METHODS, C_ASSOC, C_BLIND_PLACEBO, C_MODERATOR, C_REVIEW_SELF, C_NCUES
};

/* The pattern of each cue, and where its matches may start: every
 * alternative of the pattern begins (after \b and look-behinds) with one
 * of the '|'-separated lower-case literals of starts, so the cue is tried
 * anchored only where one of them occurs (NULL: scanned).  An alternative
 * that opens with look-behinds first looks ahead at its own literal
 * ("(?=randomi)(?<!non)..."), so that the look-behinds run only where the
 * alternative can match, not at every start of every other alternative. */
static const char *const starts[C_NCUES] = {
    [C_META] = "meta|pooled analysis|we pooled",
    [C_SR] = "systematic|umbrella review|scoping review|we systematically",
    [C_RCT_OWN] = "random|were|was|be|are|assigned|allocated|divided|distributed|treated|this|our|the|we|in random|in a random|allocation|and random|and in random",
    [C_RCT_MENTION] = "random|rct",
    [C_RCT_BORROWED] = "recent|previous|prior|earlier|published|landmark|randomi|participated in|took part in|from|in|of|within|nested in|enrolled in|participants in|participating in|substudy of|sub-study of|secondary analysis of|post|data from|ancillary to|included in|recruitment to|recruitment into|recruitment for|recruiting to|participation in",
    [C_NONRAND] = "non|not random|without random|quasi|allocation was not|assignment was not|self",
    [C_QUASI] = "quasi|controlled before",
    [C_DIVIDED] = "divided|allocated|assigned|split|distributed|categori|classified",
    [C_CONTROL_GROUP] = "control|placebo|sham|comparison|matched",
    [C_CASE_CONTROL] = "case",
    [C_HEALTHY_CONTROLS] = "healthy|matched|age-matched|sex-matched|normal",
    [C_COHORT] = "cohort|prospective|retrospective|longitudinal|registry|observational study|record|chart|notes|claims data|reviewed|abstracted|"
        "administrative data|insurance data|register data|register-based|population|national|regional|nationwide",
    [C_CASE_SERIES] = "case series|series of|we describe|we report|we present",
    [C_CASE_REPORT] = "case|we |i |a |an |to report|to describe|to present",
    [C_OPEN_LABEL] = "open|unblinded|uncontrolled|pilot|phase",
    [C_SINGLE_ARM] = "single|before|pre|historical|baseline",
    [C_CROSS_SECTIONAL] = "cross|survey|diagnostic accuracy|qualitative|validation|psychometric|prediction|decision rule|cost-effectiveness|model|simulation|evidence review group|consensus|practice guideline|validity|concurrent|criterion|construct|develop|design|validat",
    [C_ANIMAL] = "mice|mouse|rat|murine|rodent|rabbit|dogs|canine|cats|feline|pigs|piglets|swine|porcine|sheep|ewes|lambs|ovine|goats|cattle|cows|calves|heifers|steers|bovine|horses|equine|broilers|chickens|hens|poultry|zebrafish|primates|monkeys|macaques|ospreys|birds|fish|hamsters|guinea pigs|ferrets|animals|"
        "beagles|minipigs|mini-pigs|marmosets|baboons|gerbils|ponies|foals|mares|sows|gilts|ducks|fishes|trout|fingerlings",
    [C_VET] = "veterinar|client-owned|in vivo|mouse|rat|murine|animal",
    [C_IN_VITRO] = "in vitro|ex vivo|cell|cultured|extracted|specimens|blood samples|in culture|fibroblasts|keratinocytes|macrophages|hepatocytes",
    [C_HUMAN] = "patients|participants|subjects|volunteers|women|men|children|adults|infants|adolescents|individuals|people|persons",
    [C_PROTOCOL] = "study protocol|trial protocol|this protocol|will be",
    [C_PLACEBO] = "placebo",
    [C_DOUBLE_BLIND] = "double|triple",
    [C_CROSSOVER] = "cross",
    [C_REVIEW_BACKGROUND] = "a |one |recent |previous |prior |earlier |existing |several |many |some |other |cochrane |using ",
    [C_NOT_ARMS] = "prognostic|predictor|predictive factors|recruitment|diagnostic|prediction model|nested|sub|participants compared|declined|non",
    [C_ACTIVE] = "active|head-to-head",
    [C_SECONDARY] = "secondary|post|ancillary|exploratory|subgroup|pooled",
    [C_OPINION] = "this|the present|our|in this|we |i ",
    [C_SELF_COHORT] = "this|the present|the current|our|we |in a|in an|in this|design|arms|groups",
    [C_SELF_OTHER] = "this|the present|the current|our|we |in a|in an|in this|design|study design|qualitative|interview",
    [C_SELF_XS] = "this|the present|the current|our|we |in a|in an|in this|design|study design",
    [C_PROCESS] = "process evaluation|qualitative",
    [C_INTERVIEWS] = "semi-structured|in-depth|qualitative|focus group",
    [C_SIMULATION] = "we simulated|monte carlo|simulated|to simulate",
    [C_USES_TRIAL] = "whether|if |data from the|participants from the|patients from the|placebo|control|usual|intervention|active|treatment",
    [C_REVIEW_METHODS] = "search methods|search strategy|selection criteria|study selection|eligibility criteria for|we searched|we systematically searched|databases were|databases was|searching",
    [C_BLIND_PLACEBO] = "double|triple|placebo|sham",
    [C_ASSOC] = "predictors|correlates|determinants|moderators|mediators|relationship|relationships|association|associations|correlation|factors|predict",
    [C_ARMS] = "compared|by randomi|by allocated|by trial|according to|intention",
    [C_MODERATOR] = "treatment|intervention|interaction|predictive|moderat|modif|effect modification|derive",
    [C_REVIEW_SELF] = "this is|this was|it is|we conducted|we performed|we undertook|we carried out|we present|we report|we provide",
};

/* the study's own name for itself ("this observational analysis", "we
 * conducted a qualitative process evaluation alongside a trial"): a text
 * that says what it is wins over the trial it draws on */
#define SELF "(?:\\b(?:this|the present|the current|our|we (?:conducted|performed|carried out|undertook|report|present|used|did) an?|in (?:a|an|this)) " \
    "|(?<![^\\n])(?:study )?design[^:\\n]{0,30}: (?:an? )?)" \
    "(?:(?!randomi)[\\w-]+,? ){0,3}?"

/* an age in words: "a nine week old child", "a forty-two-year-old man"
 * (as a trie: it is tried after every "a ") */
#define AGE_WORD "(?:t(?:w(?:o|elve|enty)|h(?:ree|irt(?:een|y))|en)|f(?:o(?:ur(?:teen)?|rty)|i(?:ve|ft(?:een|y)))|" \
    "s(?:ix(?:teen|ty)?|even(?:teen|ty)?)|e(?:ight(?:een|y)?|leven)|nine(?:teen|ty)?|one)" \
    "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"

/* a trial wished for, not done: "a randomized trial is warranted" */
#define WANTED " (?:is|are|would be|will be|should be|may be|might be) (?:now |therefore |still |urgently )?" \
    "(?:warranted|needed|required|necessary|justified|recommended|planned|feasible|" \
    "an? (?:reasonable |logical |natural |appropriate )?(?:next step|option)|the (?:next|logical next) step)\\b"
#define NOT_WANTED "(?!" WANTED ")"
/* ... or named as the next step: "before we proceed with a randomised
 * trial", "to plan a definitive randomized trial" (look-behinds
 * right before "randomised") */
#define NEXT_STEP "(?<!future |larger |definitive |full-scale |subsequent |further |powered |well-designed |well designed )" \
    "(?<!proceeding with a |proceed with a |proceed to a |progress to a |toward a |towards a |inform a |" \
    "design a |plan a |planning a |advance to a |whether a |decide if a |determine if a |assess if a )"

/* after a random split: not of people into arms but of data into sets
 * ("randomly divided into a training set and a test set") */
#define NOT_SPLIT(pre) "(?! " pre "(?:a |the |two |three )?(?:training|test|testing|validation|derivation|" \
    "development|discovery|learning|hold-?out)\\b)"

static const struct { const char *id; const char *pattern; } cues[C_NCUES] = {
    [C_META] = { "design.meta_analysis", "\\bmeta-? ?analy(?:[sz][ie]s|tic(?:al)?)\\b|\\bpooled analysis of (?:\\w+ ){0,3}(?:studies|trials)"
        "|\\bwe pooled (?:data from |the results of )?(?:\\d+|[a-z]+) (?:[\\w-]+ ){0,2}?(?:studies|trials|cohorts)\\b" },
    [C_SR] = { "design.systematic_review", "\\bsystematic(?:al)? (?:literature )?review|\\bumbrella review|\\bscoping review"
        "|\\bwe systematically (?:reviewed|searched|identified)\\b|\\bsystematic(?:ally)? (?:literature )?search(?:ed)?\\b" },
    [C_RCT_OWN] = { "design.rct",
        "(?=random)(?<!non-)(?<!non)(?<!not )(?<!agree to be )(?<!willing to be )(?<!prepared to be )(?<!would be )"
        "\\b(?:randomi[sz]ed|randomly (?:assigned|allocated|divided|distributed|split))"
        " (?:\\([^)]{1,40}\\) )?(?:in a \\d:\\d (?:ratio )?)?(?:to|into|in|between|equally|1:1|2:1|using)\\b" NOT_SPLIT("")
        "|(?=[wba])(?<!agree to )(?<!willing to )(?<!prepared to )(?<!would )\\b(?:were|was|be|been|being|are) (?:then |subsequently |also )?(?:randomly |prospectively |centrally )?(?:randomi[sz]ed|randomly (?:assigned|allocated|divided))" NOT_SPLIT("(?:into|in|to) ")
        "|\\b(?:assigned|allocated|divided|distributed|treated)(?: [a-z]+){0,6}? randomly\\b|\\brandomly[- ](?:and (?:equally|evenly) )?(?:(?:were|was) )?(?:assigned|allocated|selected to receive|divided|distributed|split|"
        "enrolled|categori[sz]ed|placed|treated)\\b" NOT_SPLIT("(?:into|in|to) ")
        /* the noun alone says little ("barriers to randomisation", "phase
         * randomization" of a signal): this study's own when it is a step
         * its participants passed or a procedure it describes */
        "|(?=randomi)(?<=\\bafter |\\bat |\\bbefore |\\bfollowing |\\bunderwent |\\bundergo |\\bundergoing |\\bby |"
        "\\bwith |\\busing |\\bstratified |\\bblock |\\bblocked |\\bcentral |\\bcentralised |\\bcentralized |"
        "\\bpermuted |\\bcomputer-generated |\\btime of |\\bday of |\\bsince |\\bfrom |\\buntil |\\bprior to |"
        "\\band |\\bor |\\bpre-|\\bpost-|1:1 |2:1 |1:2 |3:1 |1:3 )randomi[sz]ation\\b"
        "|(?=randomi)(?<!accept )(?<!accepting )(?<!about )(?<!towards )(?<!toward )\\brandomi[sz]ation (?:was|were|list|lists|sequence|sequences|code|codes|schedule|ratio|scheme|procedure|"
        "envelopes?|visit|stratified|by|using|in|into|to|groups?|arms?|allocation|assignment)\\b"
        /* allocation by chance in other words: "allocated at random",
         * "assigned by computer-generated random numbers", "in random order" */
        "|\\b(?:assigned|allocated|divided|distributed) (?:[\\w-]+ ){0,3}?at random\\b"
        "|\\b(?:assigned|allocated|divided)\\b[^.;:]{0,60}?\\b(?:by|using|with|according to|via) (?:a |an |the )?(?:[\\w-]+ ){0,3}?"
        "(?:random(?:i[sz]ation)?|minimi[sz]ation|coin toss(?:ing)?|tossing a coin|drawing (?:of )?lots|lottery|"
        "computer-generated (?:sequences?|lists?|schedules?|codes?|numbers?)|sealed (?:opaque )?envelopes|(?:permuted )?blocks of)\\b"
        /* the authors or their trial as the subject: "We randomized 96
         * adults", "we screened and randomised", "The trial randomised
         * 300 women" */
        "|\\bwe (?:(?:[a-z]+,? )?(?:and|then) )?(?:randomi[sz]ed|randomly allocated|randomly assigned)\\b" NOT_SPLIT("")
        "|\\b(?:the|this|our) (?:[\\w-]+ ){0,3}?(?:trial|study) randomi[sz]ed (?:\\d|a total of|[a-z]+ (?:patients|participants|subjects|adults|children|women|men))"
        /* a fixed allocation ratio, a concealed allocation */
        "|\\b(?:assigned|allocated)\\b[^.;:]{0,60}?\\bin an? [1-4]:[1-4](?::[1-4])? (?:ratio|fashion|manner)\\b"
        "|(?=allocation)(?<!of )(?<!for )(?<!on )(?<!about )\\ballocation (?:was |were )?(?:concealed|concealment)\\b"
        "|(?=allocation)(?<!of )(?<!for )(?<!on )(?<!about )\\ballocation (?:sequence|schedule|list)s? (?:was|were) (?:computer-generated|generated|concealed)\\b"
        /* "Allocation was by sealed opaque envelopes" */
        "|\\ballocation(?<!of allocation)(?<!for allocation)(?<!on allocation)(?<!about allocation) (?:was|were) (?:[a-z]+ )?(?:by|using|with|through|via) (?:a |an |the )?(?:[\\w-]+ ){0,2}?"
        "(?:sealed|opaque|envelopes?|computer-generated|random(?:i[sz]ation)?|blocks?|minimi[sz]ation|sequence)\\b"
        "|\\bin (?:a )?random(?:i[sz]ed)? (?:order|sequence)\\b"
        /* conditions taken in turn by chance, the adverb closing the
         * clause: "performed 3 sessions (A, B and A + B) on different days
         * and randomly" (after the word for the occasions: a fixed-length
         * look-behind, so the cue starts at "and random") */
        "|(?<=days |sessions |occasions |visits |weeks |conditions |times |periods )and (?:in )?random(?:ly| order)(?= ?[.;,])"
        "|(?=randomi)(?<!non-)(?<!non)(?<!not )" NEXT_STEP "\\brandomi[sz]ed,? (?:(?:(?:double|single|triple)-? ?blind(?:ed)?|placebo[- ]controlled|"
        "(?:sham|vehicle|active|saline)[- ]controlled|controlled|clinical|cross-? ?over|parallel[- ]group|multi-? ?cent(?:er|re)|pilot|"
        "prospective|comparative|open[- ]label|single[- ]cent(?:er|re)|multi-? ?cent(?:er|re|ric)|factorial|cluster|pragmatic|non-?inferiority|equivalence|phase (?:I|II|III|IV|[1-4])[ab]?|"
        "interventional|intervention|feasibility|superiority)"
        "(?:,? (?:and )?|-))*(?:trial|study|experiment)\\b" NOT_WANTED
        "|\\b(?:this|our|the present|the current|we (?:conducted|performed|carried out|report|designed|undertook) an?) (?:(?!(?:of|in|from|review|analysis|meta-analysis|previous|earlier|prior|former|parent|original|"
        "commentary|editorial|viewpoint|perspective|essay|piece|i|we|argue|contend|retrospective)\\b)[a-z-]+,? ){0,4}?randomi[sz]ed\\b"
        /* "a retrospective, randomized, case-controlled study" names no allocation */
        "(?!,? (?:(?:and )?[\\w-]+,? ){0,2}?(?:case-? ?control(?:led)?|cohort)\\b)"
 },
    /* a line (title, abstract part) that opens with "A randomized..."; a
     * cue of its own so the anchored pattern runs only at line starts */
    [C_RCT_LEAD] = { "design.rct.lead",
        "(?m)^(?:[A-Z ]+: )?(?:an? )?(?:(?:double|single|triple)-? ?blind(?:ed)?,? |placebo-controlled,? |prospective,? |"
        "multi-? ?cent(?:er|re),? |pilot,? |open-label,? |cluster[- ]|pragmatic,? |controlled,? )*randomi[sz]ed\\b"
        "(?! (?:[\\w-]+ ){0,3}?(?:trials|studies)\\b)(?! (?:[\\w-]+ ){0,3}?(?:trial|study)" WANTED ")" },
    [C_RCT_MENTION] = { "design.rct.mention",
        "(?=randomi)(?<!non-)(?<!non)(?<!not )(?<!require a )(?<!for )" NEXT_STEP "\\brandomi[sz]ed\\b"
        "(?! (?:selection|sample|subsample|subset|data|evidence)\\b)"
        "(?! (?:[\\w-]+ ){0,3}?(?:trials|studies)\\b)(?! (?:[\\w-]+ ){0,3}?(?:trial|study)" WANTED ")"
        "|(?-i:\\bRCT\\b)" NOT_WANTED },
    [C_RCT_BORROWED] = { "design.rct.borrowed",
        /* "patients randomized in the XY trial": its arms, another's report */
        "\\brandomi[sz]ed in (?:the|a|an) (?:(?!(?:\\d|ratio|block|blocks|order|sequence|proportion)\\b)[\\w-]+ ){1,4}?trials?\\b|"
        /* ... or its data's source ("data from the XY randomised trial",
         * "participating in the XY-7 (ZORA) cluster-randomized trial";
         * "from a societal perspective" is a viewpoint, not a source) */
        "\\b(?!in (?:this|our|the present|the current) )"
        "(?:(?=from)(?<!^results )(?<!: results )(?<!^findings )(?<!: findings )(?<!final results )(?<!primary results )from(?! (?:a|an|the) (?:[\\w-]+ ){1,3}?perspective\\b)|in|"
        "(?=of)(?<!report )(?<!protocol )(?<!design )(?<!results )(?<!findings )of|within|nested in|enrolled in|participants in|participating in|substudy of|sub-study of|"
        "secondary analysis of|post[- ]hoc analysis of|data from|ancillary to|included in|participated in|took part in|"
        /* a study of a trial's recruitment: "recruitment to a randomised trial" */
        "recruitment (?:to|into|for)|recruiting to|participation in)"
        " (?:a|an|the|two|three|our|this|\\d+) (?:[\\w-]+,? |\\([^()\\s]{1,20}\\) ){0,6}?(?:(?:cluster|individually|block|stratified)[- ])?(?:randomi[sz]ed,? (?:[\\w-]+,? ){0,4}?(?:trials?|studies|study)\\b|(?-i:RCTs?)\\b)"
        /* another's trial as background: "a previous multicentre randomised trial" */
        "|(?=recent|previous|prior|earlier|published|landmark)(?<=\\ba |\\ban |\\bthe )(?:recent|previous|prior|earlier|published|landmark) (?:[\\w-]+,? ){0,4}?"
        "(?:randomi[sz]ed,? (?:[\\w-]+,? ){0,4}?(?:trials?|studies|study)\\b|(?-i:RCTs?)\\b)" },
    [C_NONRAND] = { "design.non_randomized", "\\bnon-? ?randomi[sz]ed\\b|\\bnot randomi[sz]ed\\b|"
        "\\b(?:allocation|assignment) was not random(?:i[sz]ed)?\\b|\\bnot randomly (?:assigned|allocated)\\b|\\bwithout randomi[sz]ation|\\bquasi-? ?randomi[sz]ed\\b"
        /* the participants chose their arm: "self-assigned to exercise or control" */
        "|\\bself-? ?(?:assigned|allocated|selected) (?:themselves )?(?:to|into) (?:either |one of )?(?:the |an? |two |three )?(?:[\\w-]+ ){0,4}?(?:groups?|arms?|or)\\b" },
    [C_QUASI] = { "design.quasi", "\\bquasi-? ?experimental\\b|\\bcontrolled before[- ]and[- ]after\\b" },
    [C_DIVIDED] = { "design.divided", "\\b(?:divided|allocated|assigned|split|distributed|categori[sz]ed|classified) (?:equally )?in(?:to)? (?:two|three|four|five|2|3|4|5) (?:equal |different |separate )?(?:groups|arms)\\b" },
    [C_CONTROL_GROUP] = { "design.control_group", "\\b(?:control|placebo|sham|comparison) groups?\\b|(?=controlled)(?<!randomised )(?<!randomized )\\bcontrolled (?:trial|study|clinical)"
        /* clusters compared: "60 matched comparison schools" */
        "|\\b(?:matched )?(?:control|comparison) (?:schools|practices|communities|wards|hospitals|villages|districts|clinics)\\b" },
    [C_CASE_CONTROL] = { "design.case_control", "\\bcase-? ?control(?:led)? (?:study|studies|design|analysis)|\\bcase-? ?control\\b" },
    [C_HEALTHY_CONTROLS] = { "design.healthy_controls", "\\b(?:healthy|matched|age-matched|sex-matched|normal) (?:[a-z-]+ ){0,2}?(?:controls|volunteers|subjects|individuals)\\b" },
    [C_COHORT] = { "design.cohort", "\\bcohort\\b|\\bprospective(?:ly)? (?:observational|follow|collected|study|analysis|registry)|\\bretrospective(?:ly)?\\b|\\blongitudinal (?:study|analysis|data)|\\bregistry\\b|\\bobservational study\\b"
        /* the data source of an observational study: records, charts,
         * claims, registers */
        "|(?=records?|charts?|notes)(?<=\\bmedical |\\bclinical |\\bhospital |\\bhealth |\\bpatient |\\bcase )(?:records?|charts?|notes) "
        "(?:of [^.;:]{1,80}?)?(?:were |was )?(?:reviewed|analy[sz]ed|examined|searched|abstracted)\\b|\\bchart reviews?\\b"
        "|\\b(?:population|national|regional|nationwide) (?:registers?|registries|databases?)\\b"
        "|\\b(?:reviewed|abstracted) (?:the |all )?(?:(?:medical|clinical|hospital|health|patient|case|electronic(?: health| medical| patient)?) )?(?:records|charts|notes)\\b"
        "|\\b(?:claims|administrative|insurance|register) data(?:bases?)?\\b|\\bpopulation-based (?:cohort|study|sample|data|analysis)\\b"
        "|\\bregister-based\\b" },
    [C_CASE_SERIES] = { "design.case_series", "\\bcase series\\b|\\bseries of (?:\\d+|[a-z]+) (?:consecutive )?(?:[a-z-]+ )?(?:cases|patients|children|adults|infants|women|men)\\b"
        /* a few patients described: "We describe 14 consecutive patients" (under 100) */
        "|\\bwe (?:describe|report|present) (?:\\d{1,2}|(?!one\\b)[a-z]+) (?:consecutive )?(?:[a-z-]+ )?(?:patients|cases|children|adults|infants|women|men)\\b" },
    [C_CASE_REPORT] = { "design.case_report",
        "\\bcase report\\b|\\b(?:we|i) (?:report|describe|present|discuss|highlight) (?:a|an|the|one) (?:case|\\d+|[a-z]+-year-old|patient|rare|unusual|young|male|female|term|preterm|man|woman|boy|girl|child|infant|neonate)\\b"
        "|\\b(?:a|an) (?:\\d{1,3}|" AGE_WORD ")[- ](?:year|month|week|day)s?[- ]old (?:[a-z]+ ){0,2}?(?:man|woman|boy|girl|male|female|patient|child|infant|neonate)\\b"
        /* the aim of a case report: "To report an atypical complication in a patient" */
        "|\\bto (?:report|describe|present) (?:a|an) (?:rare|unusual|atypical|novel|unique|first|uncommon|new) (?:[\\w-]+ ){0,4}?"
        "(?:case|patient|man|woman|boy|girl|child|infant|complication|presentation|manifestation|variant|reaction|event|finding)\\b"
        /* the part of a case report's abstract that tells the case */
        "|(?m)^case (?:report|presentation|description|summary|history|details)s?:"
        /* "A rare case of ...", "Zorvil rash: a rare case" */
        "|\\ban? (?:(?:rare|unusual|novel|unique|challenging|fatal|severe|interesting|atypical|peculiar|first) )?case (?:of|with|in)\\b"
        "|\\ban? (?:rare|unusual|unique|atypical|peculiar) case\\b" },
    [C_OPEN_LABEL] = { "design.open_label", "\\bopen-? ?label\\b|\\bunblinded\\b|\\buncontrolled\\b|\\bpilot (?:study|trial)\\b|\\bphase (?:I|II|1|2|I/II|1/2)[ab]?\\b(?! (?:randomi))" },
    [C_SINGLE_ARM] = { "design.single_arm", "\\bsingle-? ?(?:arm|group|centre|center)? ?(?:arm|group)\\b|\\bbefore[- ]and[- ]after\\b|\\bpre-? ?(?:and )?post-?\\b|\\bpretest|\\bpre-?test-? ?post-?test|\\bbefore:.{0,60}after:|\\bhistorical (?:[\\w-]+ ){0,2}?(?:controls?|comparison|cohort)|\\bbaseline and (?:after|following) the intervention" },
    [C_CROSS_SECTIONAL] = { "design.other",
        "\\bcross-? ?sectional\\b|\\bsurvey\\b|\\bdiagnostic accuracy\\b|\\bqualitative (?:study|analysis|interviews)|"
        "\\bvalidation (?:study|of)\\b|\\bpsychometric\\b|\\bprediction (?:model|rule)\\b|\\bdecision rule\\b|\\bcost-effectiveness\\b|"
        "\\bmodell?ing study\\b|\\bsimulation\\b|\\b(?:concurrent |criterion |construct )?(?<!external )(?<!internal )validity of\\b|\\b(?:concurrent|criterion) validity\\b|\\bevidence review group\\b|\\bconsensus (?:statement|guideline)|\\bpractice guidelines?\\b"
        /* a measure made or tested: "to develop a set of measures", "design and test a coding scheme" */
        "|\\b(?:develop|design|validat|construct)(?:e|ed|ing)?(?: and (?:test|validat|evaluat)(?:e|ed|ing)?)? (?:a|an|the|our|new) "
        "(?:[\\w'-]+ ){0,3}?(?:measures?|scales?|instruments?|questionnaires?|coding (?:scheme|frame)s?|checklists?)\\b" },
    /* the species studied, not what people eat or a product made from an
     * animal: "fish" only as the animals of a study ("juvenile fish", "240 fish",
     * "fish were fed"), never the food ("fatty fish", "the fish group", "fish
     * oil"); "bovine colostrum", "porcine collagen", "cows' milk" */
    [C_ANIMAL] = { "design.animal",
        "\\b(?:mice|mouse|rats?|murine|rodents?|rabbits?|dogs|canine|cats|feline|pigs|piglets|swine|porcine|sheep|ewes|lambs|ovine|goats|"
        "cattle|cows|calves|heifers|steers|bovine|horses|equine|broilers|chickens|hens|poultry|zebrafish|primates|monkeys|macaques|"
        "ospreys|birds|hamsters|guinea pigs|ferrets|animals|beagles|minipigs|mini-pigs|marmosets|baboons|gerbils|ponies|foals|"
        "mares|sows|gilts|ducks|fishes|trout|fingerlings)\\b"
        "(?!(?<=cows)')(?!(?<=bovine|porcine|equine|ovine)[- ](?:serum|colostrum|milk|collagen|gelatine?|pericardi\\w*|lactoferrin|surfactant|"
        "xenografts?|bone|dermis|dermal|heparin|insulin|thrombin|anti-?thymocyte|valves?|grafts?|derived|origin|submucosa|matrix|mesh)\\b)"
        "|\\bfish\\b(?:(?<=\\bjuvenile fish|\\bfarmed fish|\\bwild fish|\\bteleost fish|\\bfreshwater fish|\\bcaged fish|\\blarval fish|"
        "\\bornamental fish|\\badult fish|\\d fish)|(?= (?:were|was|species|larvae|farms?|tanks?|populations?|welfare|fed)\\b))" },
    [C_VET] = { "design.veterinary", "\\bveterinar|\\bclient-owned\\b|\\bin vivo (?:mouse|rat|model)|\\b(?:mouse|rat|murine|animal) models?\\b" },
    [C_IN_VITRO] = { "design.in_vitro", "\\bin vitro\\b|\\bex vivo\\b|\\bcell lines?\\b|\\bcultured (?:\\w+ )?cells\\b|\\bcell cultures?\\b|\\bextracted,? (?:[\\w-]+,? ){0,4}?teeth\\b|\\bspecimens\\b|\\bblood samples\\b"
        "|\\bin culture\\b|\\b(?:fibroblasts|keratinocytes|macrophages|hepatocytes) (?:were|was) (?:exposed|treated|incubated|cultured|stimulated)\\b" },
    [C_HUMAN] = { "design.human", "\\b(?:patients|participants|subjects|volunteers|women|men|children|adults|infants|adolescents|individuals|people|persons)\\b" },
    [C_PROTOCOL] = { "design.protocol", "\\b(?:study|trial) protocol\\b|\\bthis protocol\\b|\\bwill be (?:randomi[sz]ed|randomly|recruited|enrolled|allocated)" },
    [C_PLACEBO] = { "design.placebo_controlled", "\\bplacebo\\b" },
    [C_DOUBLE_BLIND] = { "design.double_blind", "\\b(?:double|triple)-? ?blind(?:ed)?\\b" },
    [C_CROSSOVER] = { "design.crossover", "\\bcross-? ?over\\b" },
    [C_REVIEW_BACKGROUND] = { "design.review_background",
        "\\b(?:a|one|recent|previous|prior|earlier|existing|several|many|some|other|cochrane) (?:recent |previous |large |published |cochrane )?(?:systematic reviews?|meta-analy[sz][ie]s)\\b"
        "|\\busing (?:a )?(?:random-effects? |fixed-effects? )?(?:systematic review|meta-analy[sz]is)\\b" },
    [C_NOT_ARMS] = { "design.not_arms",
        "\\bprognostic\\b|\\bpredictors? of\\b|\\bpredictive factors\\b|\\brecruitment (?:to|of|into|for)\\b|"
        "\\bdiagnostic (?:accuracy|performance)\\b|\\bprediction model|\\bnested (?:in|within)\\b|\\bsub-?study\\b|"
        "\\bparticipants compared to non-?participants|\\bdeclined (?:participation|to participate)\\b|\\bnon-?participants\\b" },
    /* trials simulated, not done */
    [C_SIMULATION] = { "design.simulation",
        "\\bwe simulated\\b|\\bmonte carlo simulations?\\b|\\bsimulated (?:\\d[\\d,]* )?(?:data|datasets|data sets|trials|randomi[sz]ed trials)\\b"
        "|\\bto simulate (?:[\\w,-]+ ){0,5}?trials\\b" },
    /* a trial's data used for something else: "whether adherence predicted
     * mortality", one arm of a trial alone */
    [C_USES_TRIAL] = { "design.uses_trial",
        "\\bwhether (?:[\\w-]+ ){1,4}?predict(?:ed|s)\\b"
        /* "it was tested if patients' levels of a trait were associated with
         * outcome": an association over the trial's people (not with the
         * treatment effect, a moderator) */
        "|\\b(?:whether|if) (?:[\\w'-]+ |\\([^()]{1,20}\\) ){1,6}?(?:were|was) associated with (?!(?:the )?(?:treatment|intervention|randomi[sz]ed) (?:effects?|benefit|response|arm|group)\\b)"
        "|\\b(?:data|participants|patients) from the (?:placebo|control|usual[- ]care|intervention|active|treatment) (?:arm|group) of\\b"
        "|\\b(?:placebo|control|usual[- ]care|intervention|active|treatment)[- ](?:arm|group) data (?:from|of)\\b" },
    [C_ACTIVE] = { "design.active_controlled", "\\bactive[- ](?:controlled|comparator|control)\\b|\\bhead-to-head\\b" },
    [C_SECONDARY] = { "design.secondary_analysis", "\\b(?:secondary|post[- ]hoc|ancillary|exploratory|subgroup|pooled) analys[ie]s\\b" },
    /* a text about trials, not the report of one */
    [C_OPINION] = { "design.opinion",
        "\\b(?:this|the present|our) (?:(?:short|brief|narrative|personal|critical|reflective) )?(?:commentary|editorial|viewpoint|"
        "perspective|essay|opinion piece|debate article|narrative piece|reflection|polemic)\\b"
        "|\\bthis (?:paper|article|piece) (?:argues|contends|reflects on)\\b"
        "|\\bin this (?:paper|article|commentary|essay|editorial|viewpoint|perspective),? (?:we|i) (?:argue|discuss|reflect on|consider|contend)\\b"
        "|\\b(?:we|i) argue\\b" },
    /* trial data analysed for something else than the randomised comparison */
    [C_SELF_COHORT] = { "design.self_cohort",
        SELF "(?:observational|cohort) (?:analysis|study)\\b"
        "|(?=arms|groups)(?<=\\btreatment |\\btrial |\\bstudy |\\bboth |\\ball |randomised |randomized |randomisation |randomization )"
        "(?:arms|groups) (?:were )?(?:combined|pooled|merged)\\b" },
    [C_SELF_OTHER] = { "design.self_other",
        SELF "(?:process evaluation|qualitative (?:study|evaluation|analysis|interview study))\\b"
        "|\\b(?:qualitative|interview) (?:interview )?(?:study|evaluation) (?:was|were) (?:undertaken|conducted|performed|carried out|done)\\b" },
    [C_SELF_XS] = { "design.self_cross_sectional",
        SELF "(?:cross-? ?sectional (?:study|analysis|survey)|(?:test-retest |inter-? ?rater |intra-? ?rater )?reliability study|"
        "validation study|(?:diagnostic )?accuracy study|agreement study)\\b|\\bwe surveyed\\b" },
    [C_PROCESS] = { "design.process", "\\bprocess evaluation\\b|\\bqualitative (?:study|evaluation|analysis|interview)" },
    /* interviews as the study's data: a qualitative use of a trial's people */
    [C_INTERVIEWS] = { "design.interviews",
        "\\b(?:semi-structured|in-depth|qualitative|focus group) (?:face-to-face |telephone |individual )?interviews "
        "(?:were|was) (?:held|conducted|carried out|undertaken|performed|done) with\\b" },
    /* a review's own methods: the headings of a systematic review's
     * abstract or its database search (a review need not call itself one:
     * "SELECTION CRITERIA: All randomised controlled trials...") */
    [C_REVIEW_METHODS] = { "design.review_methods",
        "(?m)^(?-i:SEARCH METHODS|SEARCH STRATEGY|SELECTION CRITERIA|STUDY SELECTION|ELIGIBILITY CRITERIA FOR)\\b"
        "|\\bwe (?:systematically )?searched (?:the )?(?:[\\w-]+,? (?:and )?){0,4}?(?:medline|pubmed|embase|cinahl|psycinfo|scopus|"
        "web of science|cochrane|central)\\b|\\bdatabases (?:were|was) (?:systematically )?searched\\b"
        "|\\bsearching (?:\\w+ ){0,2}?(?:electronic |bibliographic )?databases\\b" },
    /* a double-blind placebo-controlled comparison: blinding people to a
     * placebo is done to randomised arms (the word itself may be missing) */
    [C_BLIND_PLACEBO] = { "design.rct.blinded_placebo",
        "\\b(?:double|triple)[- ]?(?:blind(?:ed)?|mask(?:ed)?),? (?:(?:and|or|[\\w-]+),? ){0,3}?(?:placebo|sham)[- ]controlled\\b"
        "|\\b(?:placebo|sham)[- ]controlled,? (?:(?:and|or|[\\w-]+),? ){0,3}?(?:double|triple)[- ]?(?:blind(?:ed)?|mask(?:ed)?)\\b"
        /* ... or said apart in one sentence: "allocated to zorvil or placebo
         * in a double-blind design": started at the blinding word, which
         * is rarer than "placebo") */
        "|\\b(?:double|triple)[- ]?(?:blind(?:ed)?|mask(?:ed)?)\\b[^.;:]{0,80}?\\b(?:or|versus|vs\\.?|and|with|to) (?:a |an |the |matching |identical )?(?:placebo|sham)\\b"
        /* ... or blinded arms by their design ("in a double-blind design") */
        "|\\b(?:double|triple)[- ]?(?:blind(?:ed)?|mask(?:ed)?) (?:design|fashion|manner|way)\\b" },
    /* a title that names an association, not a comparison of arms:
     * "Predictors of ...", "Relationship between ...", "X predicts Y" */
    [C_ASSOC] = { "design.association",
        "\\b(?:predictors|correlates|determinants|moderators|mediators) of\\b|\\b(?:relationships?|associations?|correlation) "
        "(?:between|of|with)\\b|\\bfactors (?:associated with|predicting|influencing)\\b|\\bpredicts?\\b" },
    /* the randomised arms compared, by whoever randomised them: a registry
     * follow-up or an economic evaluation of a trial's arms */
    [C_ARMS] = { "design.arms_compared",
        "\\bcompared (?:between|by|across|according to|among) (?:the )?"
        "(?:(?:randomi[sz]ed|trial|treatment|study|screening|intervention|control|allocated|two|three|original),? (?:and (?:the )?)?){0,3}arms?\\b"
        "|\\bby (?:randomi[sz]ed|allocated|trial) (?:arm|group)\\b"
        "|\\baccording to (?:the )?(?:randomi[sz]ed|original|initial) (?:allocation|arm|group|assignment)\\b"
        "|\\bintention[- ]to[- ]treat\\b" },
    /* what modifies the randomised comparison (a secondary analysis of a
     * trial examining a moderator or a predictive marker): still the
     * comparison of the randomised arms, in subgroups */
    [C_MODERATOR] = { "design.moderator",
        "\\b(?:treatment|intervention)[- ](?:by|x)[- ][\\w-]+ interactions?\\b"
        "|\\binteractions? (?:between|of) (?:[\\w-]+ ){1,4}?(?:and|with|by) (?:the )?(?:treatment|intervention|randomi[sz]ed (?:arm|group)|allocation|study arm)\\b"
        "|\\bpredictive (?:value|marker|biomarker|factor)s? (?:of|for) (?:[\\w-]+ ){0,3}?(?:benefit|response|efficacy)\\b"
        "|\\b(?:moderat(?:ed|es|e)|modif(?:ied|ies|y)) (?:the )?(?:[\\w-]+ )?(?:treatment |intervention )?(?:effects?|benefit)\\b"
        "|\\b(?:moderators?|modifiers?) of (?:the )?(?:treatment|intervention)(?: effects?| response| benefit)?\\b"
        "|\\beffect modification\\b"
        "|\\bderives? (?:a )?(?:greater|more|less|larger|smaller) benefit\\b" },
    /* the text naming itself a review ("this is a systematic review", "we
     * conducted a meta-analysis"): not a review in its background */
    [C_REVIEW_SELF] = { "design.review_self",
        "\\b(?:(?:this|it) (?:is|was)|we (?:conducted|performed|undertook|carried out|present|report|provide)) an? "
        "(?:[\\w-]+ ){0,2}?(?:systematic reviews?|meta-analy[sz][ie]s)\\b" },
};

/* A set of a cue's alternatives and the pattern of those alone (NULL:
 * the cue's own; tried: nothing to compile). */
struct alts {
    uint64_t mask;
    pcre2_code *code;
    int tried;
};

struct design_rules {
    pcre2_code *code[C_NCUES];
    int gate[C_NCUES];
    /* a cue with starts: which of its alternatives may match at a
     * position, [w * 256 + c] for its byte c after a word byte (w = 1) or
     * not (pattern_alts): 0 none, k > 0 those of alts[k - 1]; NULL: any */
    unsigned char *may[C_NCUES];
    struct alts *alts[C_NCUES];
    size_t (*spans[C_NCUES])[2];
    int split[C_NCUES];
    unsigned flags;
    const gate_set *gates;
    gate_found found;
    size_t *at, nat, capat;   /* where a cue with starts may match, sorted */
    /* the counts of one article: title (tcnt) and abstract (cnt); first
     * matches as original byte offsets ([1] == 0: none) */
    int cnt[C_NCUES], tcnt[C_NCUES];
    size_t first[C_NCUES][2], tfirst[C_NCUES][2];
};

static void alts_compile(design_rules *d, int i, struct alts *a);

/* Where cue @p i (tried anchored) may match: d->may[i] and its sets of
 * alternatives (see design_rules.may), NULL when it is not analysed. */
static lm_err may_table(design_rules *d, int i)
{
    static uint64_t viable[2][256];
    static size_t spans[64][2];
    uint64_t all;
    int n, split, w, c, k, nsets = 0;

    if (!(n = pattern_alts(cues[i].pattern, viable, spans, &split)))
        return LM_OK;
    all = n == 64 ? ~0ull : (1ull << n) - 1;
    if (!(d->may[i] = malloc(2 * 256)) || !(d->alts[i] = calloc(2 * 256, sizeof *d->alts[i]))
        || !(d->spans[i] = malloc((size_t)n * sizeof *d->spans[i])))
        return LM_ERR_NOMEM;
    memcpy(d->spans[i], spans, (size_t)n * sizeof *d->spans[i]);
    d->split[i] = split;
    for (w = 0; w < 2; w++)
        for (c = 0; c < 256; c++) {
            uint64_t m = viable[w][c];
            for (k = 0; k < nsets && d->alts[i][k].mask != m; k++)
                ;
            if (k == nsets) {
                d->alts[i][nsets].mask = m;
                /* every alternative, or not to be compiled apart: the cue's own */
                d->alts[i][nsets].tried = m == all || !split;
                nsets++;
            }
            d->may[i][w * 256 + c] = m ? (unsigned char)(k + 1) : 0;
        }
    for (k = 0; k < nsets; k++)
        alts_compile(d, i, &d->alts[i][k]);
    return LM_OK;
}

/* Compiles the pattern of set @p a of cue @p i's alternatives (the cue's
 * own is used when that fails).  Tried anchored at a position where the
 * others cannot start, it matches as the cue does: alternatives are tried
 * in order and the first that matches wins. */
static void alts_compile(design_rules *d, int i, struct alts *a)
{
    if (!a->tried) {
        char msg[256];
        size_t k, n = strlen(cues[i].pattern) + 8, at = 0;
        int sep = 0;
        char *pat = malloc(n);

        a->tried = 1;
        if (!pat)
            return;
        at += (size_t)sprintf(pat, "\\G(?:");
        for (k = 0; k < 64; k++)
            if (a->mask >> k & 1) {
                if (sep++)
                    pat[at++] = '|';
                memcpy(pat + at, cues[i].pattern + d->spans[i][k][0], d->spans[i][k][1]);
                at += d->spans[i][k][1];
            }
        memcpy(pat + at, ")", 2);
        a->code = extract_compile(cues[i].id, pat, d->flags, msg, sizeof msg);
        free(pat);
    }
}

lm_err design_rules_open(unsigned flags, const gate_set *gates, design_rules **out,
                         char *msg, size_t cap)
{
    design_rules *d = calloc(1, sizeof *d);
    int i;
    lm_err rc;

    *out = d;
    if (!d)
        return LM_ERR_NOMEM;
    d->gates = gates;
    d->flags = flags;
    for (i = 0; i < C_NCUES; i++) {
        char *pat = malloc(strlen(cues[i].pattern) + 8);

        if (!pat)
            return LM_ERR_NOMEM;
        /* a cue with starts is tried anchored (\G) where they occur */
        sprintf(pat, starts[i] ? "\\G(?:%s)" : "%s", cues[i].pattern);
        d->code[i] = extract_compile(cues[i].id, pat, flags, msg, cap);
        free(pat);
        if (!d->code[i])
            return LM_ERR_REGEX;
        d->gate[i] = extract_gate_index(cues[i].id);
        if (starts[i] && (rc = may_table(d, i)))
            return rc;
    }
    return LM_OK;
}

void design_rules_close(design_rules *d)
{
    int i, k;

    if (!d)
        return;
    for (i = 0; i < C_NCUES; i++) {
        pcre2_code_free(d->code[i]);
        for (k = 0; d->alts[i] && k < 2 * 256; k++)
            pcre2_code_free(d->alts[i][k].code);
        free(d->alts[i]);
        free(d->spans[i]);
        free(d->may[i]);
    }
    gate_found_free(&d->found);
    free(d->at);
    free(d);
}

size_t design_nstarts(void)
{
    return C_NCUES;
}

const char *design_starts(size_t i)
{
    return i < C_NCUES ? starts[i] : NULL;
}

/* The next match of cue @p i at or after @p off: returns > 0 with the match
 * in @p md, else <= 0.  *k walks d->at for a cue with starts. */
static int next_match(design_rules *d, pcre2_match_data *md, int i, const char *s,
                      size_t len, size_t off, size_t *k)
{
    int rc;

    if (!starts[i])
        return extract_match(d->code[i], s, len, off, md, NULL);
    for (; *k < d->nat; (*k)++) {
        size_t p = d->at[*k];
        const pcre2_code *code = d->code[i];

        if (p < off || (*k && p == d->at[*k - 1]))
            continue;
        if (d->may[i]) {
            /* only the alternatives that can start with this byte here */
            unsigned m = d->may[i][(p && pattern_word((unsigned char)s[p - 1])) * 256
                                   + (unsigned char)s[p]];
            if (!m)
                continue;
            if (d->alts[i][m - 1].code)
                code = d->alts[i][m - 1].code;
        }
        rc = extract_match(code, s, len, p, md, NULL);
        if (rc > 0 || rc != PCRE2_ERROR_NOMATCH)
            return rc;
    }
    return PCRE2_ERROR_NOMATCH;
}

/* Counts matches of every cue in the normalised text @p s (capped at 9
 * each; @p f its gate_scan, @p map its map to original offsets); the first
 * match of each cue is remembered in first[] as original offsets. */
static void count_cues(design_rules *d, pcre2_match_data *md, const char *s,
                       const gate_found *f, const size_t *map,
                       size_t len, int cnt[C_NCUES], size_t first[C_NCUES][2])
{
    int i, rc, n;
    size_t k;
    PCRE2_SIZE off, *ov;

    for (i = 0; i < C_NCUES; i++) {
        if (!gate_pass(f, d->gate[i]))
            continue;
        if (starts[i] && gate_starts(d->gates, (size_t)i, f, &d->at, &d->nat, &d->capat))
            continue;      /* out of memory: the cue stays uncounted */
        off = 0;
        n = 0;
        k = 0;
        while (off < len && n < 9) {
            rc = next_match(d, md, i, s, len, off, &k);
            if (rc < 0)
                break;
            ov = pcre2_get_ovector_pointer(md);
            if (first[i][1] == 0) {
                first[i][0] = map[ov[0]];
                first[i][1] = map[ov[1]];
            }
            cnt[i]++;
            n++;
            off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    }
}

void design_begin(design_rules *d)
{
    memset(d->cnt, 0, sizeof d->cnt);
    memset(d->tcnt, 0, sizeof d->tcnt);
    memset(d->first, 0, sizeof d->first);
    memset(d->tfirst, 0, sizeof d->tfirst);
}

void design_count(design_rules *d, pcre2_match_data *md, const char *s,
                  const gate_found *f, const size_t *map, size_t len, int title)
{
    count_cues(d, md, s, f, map, len, title ? d->tcnt : d->cnt,
               title ? d->tfirst : d->first);
}

/* Normalises and gate-scans one text for design_count. */
static lm_err count_text(design_rules *d, pcre2_match_data *md, const char *text,
                         lm_normtext *nt, int title)
{
    lm_err rc;

    if ((rc = lm_text_norm(text, strlen(text), nt)))
        return rc;
    if (gate_scan(d->gates, nt->s, nt->len, &d->found))
        return LM_OK;      /* out of memory: the cues stay uncounted */
    design_count(d, md, nt->s, &d->found, nt->map, nt->len, title);
    return LM_OK;
}

/* The design the wording describes, or NULL; *cue gets the deciding cue. */
static const char *wording_design(const int c[C_NCUES], const int t[C_NCUES], int *cue)
{
#define PICK(k, name) do { *cue = (k); return (name); } while (0)
    /* animals named more often than people, or named once with no people
     * and no cells or tissue */
    int animal = (c[C_ANIMAL] >= 2 && c[C_ANIMAL] > c[C_HUMAN]) || (c[C_ANIMAL] && !c[C_HUMAN] && !c[C_IN_VITRO]);

    int background = c[C_REVIEW_BACKGROUND] - c[C_REVIEW_SELF];
    int reviews = c[C_META] + c[C_SR] - (background > 0 ? background : 0);

    /* a trial that describes its own randomisation is a trial, unless its
     * title calls it a review (reviews cite trials, trials cite reviews) */
    if (!t[C_META] && !t[C_SR] && !c[C_REVIEW_METHODS] && c[C_RCT_OWN] + c[C_RCT_LEAD] > c[C_RCT_BORROWED]
        && !c[C_ANIMAL] && !c[C_VET])
        reviews = 0;

    if (c[C_META] && reviews > 0)
        PICK(C_META, "meta_analysis");
    if (c[C_SR] && reviews > 0)
        PICK(C_SR, "systematic_review");
    /* a review's search and selection of studies, whatever it calls itself */
    if (c[C_REVIEW_METHODS] && !c[C_ANIMAL])
        PICK(C_REVIEW_METHODS, c[C_META] ? "meta_analysis" : "systematic_review");
    if (animal || (c[C_VET] && c[C_ANIMAL] && c[C_ANIMAL] >= c[C_HUMAN]))
        PICK(C_ANIMAL, "animal");
    /* a title that calls itself a case report: its biopsy or cells are the case's */
    if (t[C_CASE_REPORT] && !c[C_ANIMAL] && !c[C_RCT_OWN] && !c[C_RCT_LEAD])
        PICK(C_CASE_REPORT, "case_report");
    if (c[C_IN_VITRO] && c[C_HUMAN] <= 1 && !c[C_RCT_MENTION] && !c[C_RCT_OWN])
        PICK(C_IN_VITRO, "in_vitro");
    if (c[C_IN_VITRO] && c[C_HUMAN] == 0)
        PICK(C_IN_VITRO, "in_vitro");
    /* a commentary on trials, unless its title says it reports one */
    if (c[C_OPINION] && !t[C_RCT_LEAD] && !t[C_RCT_OWN])
        PICK(C_OPINION, "opinion");
    /* whose randomisation: a text that names itself a process evaluation
     * or a qualitative study draws on a trial but does not compare its
     * arms; one that names itself observational or cross-sectional (or
     * combines the arms) does not either, unless it states a random
     * allocation of its own more than once and draws on no other trial.  A
     * title that leads with "randomised" decides for the trial. */
    if (!t[C_RCT_LEAD]) {
        int weak_own = c[C_RCT_BORROWED] || c[C_RCT_OWN] + c[C_RCT_LEAD] <= 1;

        if (c[C_SELF_OTHER] || (t[C_PROCESS] && !t[C_RCT_MENTION]))
            PICK(c[C_SELF_OTHER] ? C_SELF_OTHER : C_PROCESS, "other");
        if (c[C_SELF_COHORT] && weak_own)
            PICK(C_SELF_COHORT, "cohort");
        if (c[C_SELF_XS] && weak_own)
            PICK(C_SELF_XS, "other");
        /* simulated trials: a methods study, unless it allocates at length */
        if (c[C_SIMULATION] && c[C_RCT_OWN] + c[C_RCT_LEAD] <= 2)
            PICK(C_SIMULATION, "other");
        /* interviews with a trial's participants, no allocation of its own */
        if (c[C_INTERVIEWS] && weak_own)
            PICK(C_INTERVIEWS, "other");
        /* a title naming an association ("Predictors of adherence", "X
         * predicts survival") over a trial's data it does not call its
         * own randomised comparison: an observational analysis */
        if (t[C_ASSOC] && !t[C_RCT_OWN] && !t[C_RCT_MENTION] && weak_own && !c[C_MODERATOR]
            && c[C_RCT_MENTION] + c[C_RCT_OWN] + c[C_RCT_BORROWED])
            PICK(C_ASSOC, "cohort");
    }
    /* "quasi-experimental" with a stated random assignment is a trial */
    if (c[C_NONRAND] || (c[C_QUASI] && !c[C_RCT_OWN] && !c[C_RCT_LEAD]))
        PICK(c[C_NONRAND] ? C_NONRAND : C_QUASI, "non_randomized_controlled");
    /* ...unless it analyses a borrowed trial's data for something else
     * (prognosis, recruitment): a trial mostly described as borrowed */
    if (c[C_RCT_OWN] + c[C_RCT_LEAD] > c[C_RCT_BORROWED]
        && !(c[C_NOT_ARMS] && c[C_RCT_BORROWED] && c[C_RCT_OWN] + c[C_RCT_LEAD] < 3 * c[C_RCT_BORROWED]))
        PICK(c[C_RCT_OWN] ? C_RCT_OWN : C_RCT_LEAD, "rct");
    /* a trial's randomised arms compared again (a registry follow-up, an
     * economic evaluation): still the randomised comparison */
    if (c[C_ARMS] && c[C_RCT_OWN] + c[C_RCT_LEAD] + c[C_RCT_BORROWED] + c[C_RCT_MENTION]
        && !c[C_NOT_ARMS] && !c[C_SELF_COHORT])
        PICK(C_ARMS, "rct");
    /* a randomised trial named but not described: its own report, or a
     * secondary analysis that keeps the randomised comparison, unless the
     * text says it analyses something else (cohort, prognosis, accuracy);
     * a marker both prognostic and a moderator of the treatment effect
     * keeps the comparison, and so does an association tested as an
     * interaction with the treatment */
    if (c[C_RCT_MENTION] && !c[C_COHORT] && !c[C_CROSS_SECTIONAL] && (!c[C_NOT_ARMS] || c[C_MODERATOR])
        && (!c[C_USES_TRIAL] || c[C_MODERATOR])
        && !c[C_CASE_SERIES] && !c[C_CASE_REPORT])
        PICK(C_RCT_MENTION, "rct");
    /* double-blind and placebo-controlled, in people, with nothing that
     * says it is something else */
    if (c[C_BLIND_PLACEBO] && !c[C_ANIMAL] && !c[C_COHORT] && !c[C_CROSS_SECTIONAL] && !c[C_NOT_ARMS]
        && !c[C_USES_TRIAL] && !c[C_RCT_BORROWED] && !c[C_CASE_SERIES] && !c[C_CASE_REPORT] && !c[C_META] && !c[C_SR])
        PICK(C_BLIND_PLACEBO, "rct");
    /* a trial named as the source of data analysed for something else
     * (whether a trait predicts an outcome, one arm alone) */
    if (c[C_RCT_BORROWED] && c[C_USES_TRIAL] && !c[C_CASE_REPORT] && !c[C_CROSS_SECTIONAL])
        PICK(C_RCT_BORROWED, "cohort");
    if (c[C_CASE_REPORT])
        PICK(C_CASE_REPORT, "case_report");
    if (c[C_CASE_CONTROL])
        PICK(C_CASE_CONTROL, "case_control");
    if (c[C_CASE_SERIES])
        PICK(C_CASE_SERIES, "case_series");
    if (c[C_CROSS_SECTIONAL])
        PICK(C_CROSS_SECTIONAL, "other");
    if (c[C_COHORT])
        PICK(C_COHORT, "cohort");
    if (c[C_DIVIDED] || (c[C_CONTROL_GROUP] && !c[C_SINGLE_ARM]))
        PICK(c[C_DIVIDED] ? C_DIVIDED : C_CONTROL_GROUP, "non_randomized_controlled");
    if (c[C_HEALTHY_CONTROLS])
        PICK(C_HEALTHY_CONTROLS, "case_control");
    if (c[C_OPEN_LABEL] || c[C_SINGLE_ARM])
        PICK(c[C_OPEN_LABEL] ? C_OPEN_LABEL : C_SINGLE_ARM, "open_label_single_arm");
    *cue = -1;
    return NULL;
#undef PICK
}

/* PubMed publication types, strongest first. */
static const struct { const char *type; const char *design; } pub_map[] = {
    { "Meta-Analysis", "meta_analysis" },
    { "Systematic Review", "systematic_review" },
    { "Randomized Controlled Trial, Veterinary", "animal" },
    { "Randomized Controlled Trial", "rct" },
    { "Pragmatic Clinical Trial", "rct" },
    { "Equivalence Trial", "rct" },
    { "Controlled Clinical Trial", "non_randomized_controlled" },
    { "Clinical Trial, Veterinary", "animal" },
    { "Observational Study, Veterinary", "animal" },
    { "Case Reports", "case_report" },
    { "Observational Study", "cohort" },
    { "Clinical Trial, Phase I", "open_label_single_arm" },
    { "Clinical Trial, Phase II", "open_label_single_arm" },
    { "Clinical Trial Protocol", "rct" },
    { "Editorial", "opinion" },
    { "Comment", "opinion" },
    { "Letter", "opinion" },
    { "Practice Guideline", "other" },
    { "Guideline", "other" },
    { "Review", "other" },
};

static int has_type(const char *list, const char *t)
{
    size_t n = strlen(t);
    const char *p = list;

    while ((p = strstr(p, t))) {
        int start = p == list || (p >= list + 2 && p[-2] == ';' && p[-1] == ' ');
        int end = p[n] == '\0' || p[n] == ';';
        if (start && end)
            return 1;
        p += n;
    }
    return 0;
}

static const char *pubtype_design(const char *pub_types, const char *mesh)
{
    size_t i;

    if (pub_types && *pub_types) {
        for (i = 0; i < sizeof pub_map / sizeof pub_map[0]; i++)
            if (has_type(pub_types, pub_map[i].type))
                return pub_map[i].design;
    }
    if (mesh && has_type(mesh, "Animals") && !has_type(mesh, "Humans"))
        return "animal";
    if (mesh && has_type(mesh, "In Vitro Techniques") && !has_type(mesh, "Humans"))
        return "in_vitro";
    return NULL;
}

const char *lm_design_level(const char *d)
{
    static const struct { const char *d, *lv; } lv[] = {
        { "meta_analysis", "L1" }, { "systematic_review", "L1" }, { "rct", "L2" },
        { "non_randomized_controlled", "L3" }, { "case_control", "L3" },
        { "cohort", "L4" }, { "open_label_single_arm", "L4" }, { "case_series", "L4" },
        { "other", "L4" }, { "case_report", "L5" }, { "animal", "L5" },
        { "in_vitro", "L5" }, { "opinion", "L5" },
    };
    size_t i;

    if (!d)
        return NULL;
    for (i = 0; i < sizeof lv / sizeof lv[0]; i++)
        if (!strcmp(d, lv[i].d))
            return lv[i].lv;
    return NULL;
}

lm_err design_extract(design_rules *d, pcre2_match_data *md, const char *title,
                      const char *abstract, const char *pub_types, const char *mesh,
                      lm_extractions *out)
{
    lm_normtext nt = { 0 };
    lm_err rc = LM_OK;

    design_begin(d);
    if (title && *title && (rc = count_text(d, md, title, &nt, 1)))
        goto done;
    if (abstract && *abstract && (rc = count_text(d, md, abstract, &nt, 0)))
        goto done;
    rc = design_finish(d, title, abstract, pub_types, mesh, out);
done:
    lm_normtext_free(&nt);
    return rc;
}

lm_err design_finish(design_rules *d, const char *title, const char *abstract,
                     const char *pub_types, const char *mesh, lm_extractions *out)
{
    int cnt[C_NCUES], cue = -1, i;
    const int *tcnt = d->tcnt;
    size_t (*first)[2] = d->first, (*tfirst)[2] = d->tfirst;
    const char *wd, *pd, *won, *how;
    lm_extraction *e;
    size_t a = 0, b = 0;
    char flag[64];

    /* the title counts twice: "A randomized trial of..." is the author's label */
    for (i = 0; i < C_NCUES; i++)
        cnt[i] = 2 * tcnt[i] + d->cnt[i];
    wd = wording_design(cnt, tcnt, &cue);
    pd = pubtype_design(pub_types, mesh);
    if (wd) {
        won = wd;
        how = "abstract";
    } else if (pd) {
        won = pd;
        how = "pub_types";
    } else {
        won = "other";
        how = "none";
    }
    if (lm_log_get_level() >= LM_LOG_DEBUG) {  /* why: the cues counted */
        char why[512];
        size_t n = 0;

        why[0] = '\0';
        for (i = 0; i < C_NCUES && n < sizeof why - 48; i++)
            if (cnt[i])
                n += (size_t)snprintf(why + n, sizeof why - n, " %s=%d", cues[i].id + 7, cnt[i]);
        lm_log_debug("design: %s (decided by: %s); cues (title twice):%s", won, how, why);
    }
    /* the span: the deciding cue's first match in the abstract */
    if (wd && cue >= 0 && first[cue][1] && abstract) {
        a = first[cue][0];
        b = first[cue][1];
    }
    if (!(e = extract_push(out, LM_KIND_DESIGN, wd && cue >= 0 ? cues[cue].id : "design.pub_types",
                           wd && first[cue][1] ? "abstract" : (wd ? "title" : "pub_types"),
                           abstract ? abstract : "", a, b)))
        return LM_ERR_NOMEM;
    if (wd && cue >= 0 && !first[cue][1] && tfirst[cue][1] && title) {
        /* decided by the title alone */
        size_t ta = tfirst[cue][0], tb = tfirst[cue][1];
        char *t = malloc(tb - ta + 1);
        if (t) {
            memcpy(t, title + ta, tb - ta);
            t[tb - ta] = '\0';
            free(e->text);
            e->text = t;
            e->span_start = ta;
            e->span_end = tb;
        }
    }
    extract_strlcpy(e->svalue, won, sizeof e->svalue);
    extract_strlcpy(e->metric, how, sizeof e->metric);
    extract_strlcpy(e->level, lm_design_level(won), sizeof e->level);
    /* a record typed a review (not systematic) or a guideline that states no
     * design of its own is a narrative review or expert opinion: L5 */
    if (!strcmp(won, "other") && pd && !strcmp(pd, "other") && (!wd || !strcmp(wd, "other")))
        extract_strlcpy(e->level, "L5", sizeof e->level);
    snprintf(flag, sizeof flag, "abstract=%s", wd ? wd : "none");
    extract_flag(e, flag);
    snprintf(flag, sizeof flag, "pub_types=%s", pd ? pd : "none");
    extract_flag(e, flag);
    if (wd && pd && strcmp(wd, pd))
        extract_flag(e, "disagree");
    if (cnt[C_PLACEBO])
        extract_flag(e, "placebo_controlled");
    if (cnt[C_DOUBLE_BLIND])
        extract_flag(e, "double_blind");
    if (cnt[C_CROSSOVER])
        extract_flag(e, "crossover");
    if (cnt[C_ACTIVE])
        extract_flag(e, "active_controlled");
    if (cnt[C_OPEN_LABEL])
        extract_flag(e, "open_label");
    if (cnt[C_PROTOCOL])
        extract_flag(e, "protocol");
    if (cnt[C_SECONDARY] || (cnt[C_RCT_BORROWED] && !strcmp(won, "rct")))
        extract_flag(e, "secondary_analysis");
    return LM_OK;
}

void design_level_unstudied(lm_extractions *x, size_t first)
{
    size_t i;

    for (i = first; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_SAMPLE_SIZE && strstr(x->v[i].flags, "primary"))
            return;
    for (i = first; i < x->len; i++) {
        lm_extraction *e = &x->v[i];

        if (e->kind == LM_KIND_DESIGN && !strcmp(e->svalue, "other")
            && strstr(e->flags, "abstract=none") && strstr(e->flags, "pub_types=none"))
            extract_strlcpy(e->level, "L5", sizeof e->level);
    }
}
