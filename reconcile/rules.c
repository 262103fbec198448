/* Word rules of the reconciler: what a sentence says about where its claim
 * comes from (a patient's story, mice, cells, a case report, an expert) and
 * what it asserts (efficacy, a null result, safety), and what an abstract
 * says about its own design and result.  Each rule is a row {flag, id,
 * pattern}; the table compiles once, when the checker opens.  The patterns
 * are ordinary English and study-design vocabulary: no drug, condition or
 * study name belongs here. */
#include <stdlib.h>
#include <string.h>
#include "reconcile/reconcile_int.h"

struct rule {
    unsigned flag;
    const char *id;
    const char *pattern;
};

#define W "\\b"

static const struct rule sentence_rules[] = {
    { RC_F_FIRST_PERSON, "src.first_person",
      W "(?:(?-i:I)(?:'m|'ve|'d|'ll)?|my|myself)" W },
    { RC_F_FIRST_PERSON, "src.subjectless",
      "^(?:\\[[^\\]]*\\]\\s*)?(?:took|tried|started|stopped|used|felt|went|got|been|did|"
      "had|have been|taking|using)\\b" },
    { RC_F_TESTIMONIAL, "src.said_person",
      "(?:said|says|writes|wrote|told us|explains)\\s+[A-Z][a-z]+,?\\s+(?:a\\s+)?\\d{1,3}\\b" },
    { RC_F_TESTIMONIAL, "src.customers",
      W "(?:customers|clients|users|readers|members|patients of ours|people)\\s+(?:tell|told|say|report|write|swear)\\b" },
    /* buyers and reviewers, and users where they post ("users on online
     * forums report"): what they say is their story */
    { RC_F_TESTIMONIAL, "src.buyers",
      W "(?:customers|clients|users|shoppers|buyers|reviewers|commenters|posters|fans|mums|moms|parents)"
      "(?:\\s+(?:on|in|of|from|at)\\s+(?!(?:[\\w-]+\\s+){0,3}?(?:trials?|stud(?:y|ies)|groups?|arms?)" W ")"
      "(?:[\\w-]+\\s+){0,3}?[\\w-]+)?\\s+(?:tell|told|say|said|report|reported|"
      "write|wrote|swear|rave|claim|post)\\b|"
      W "(?:most|many|happy|satisfied) (?:customers|clients|shoppers|buyers|reviewers) (?:notice|noticed|find|found|feel|felt|see|saw)" W },
    { RC_F_TESTIMONIAL, "src.reviews_say",
      W "according to (?:[\\w-]+ ){0,2}(?:reviews|reviewers|customers|users|buyers|shoppers|fans)" W },
    { RC_F_TESTIMONIAL, "src.forum",
      W "(?:on reddit|on facebook|on twitter|on tiktok|in a forum|one (?:user|poster|reader|mum|mom|dad|patient) (?:wrote|said|posted|says))" },
    { RC_F_TESTIMONIAL, "src.quoted_person",
      "^[\"\u201c].{8,}[\"\u201d],?\\s+(?:says|said|writes|wrote|adds|added|explains)\\s+(?:[A-Z][a-z]+|one|a|an|another)\\b" },
    { RC_F_TESTIMONIAL, "src.quoted_client",
      "[\"\u201d],?\\s+(?:one|a|another|my)\\s+(?:client|patient|customer|reader|user|member|mum|mom|dad|parent|listener|viewer)\\b" },
    { RC_F_TESTIMONIAL, "src.said_customer",
      "[\"\u201d,]\\s+(?:said|says|writes|wrote|adds|added)\\s+[A-Z][a-z]+,\\s+(?:a|an|one of our|our)\\s+"
      "(?:[\\w-]+\\s+){0,3}(?:customers?|clients?|users?|members?|patients?|subscribers?|buyers?|fans?)\\b" },
    /* "72-year-old Joan", "one participant ... said she": a person of the
     * story, in the article's words */
    { RC_F_TESTIMONIAL, "src.aged_name", W "\\d{1,3}-year-old (?-i:[A-Z][a-z]+)" W },
    { RC_F_TESTIMONIAL, "src.one_said",
      W "one (?:participant|volunteer|user|reader|mother|father|mum|mom|dad|grandmother|grandfather|sufferer)"
      W "[^.;]{0,60}" W "(?:said|says|told|tells|reported|recalls|describes|described)" W },
    { RC_F_TESTIMONIAL, "src.named_age", "\\b[A-Z][a-z]+,\\s+\\d{2},\\s+(?:who|from|a)\\b" },
    /* a case vignette: a first name and an age, then what the person had or did */
    { RC_F_TESTIMONIAL, "src.vignette",
      "(?:^|\\.\\s)(?-i:[A-Z][a-z]+),\\s+\\d{1,2},\\s+(?:had|has|was|is|suffered|started|began|took|tried|used|"
      "got|noticed|found|went|spent|could|couldn't|lived|struggled|developed|came)\\b" },
    /* a quote and its speaker named by a pronoun or a name before the verb:
     * '"..., " she says' */
    { RC_F_TESTIMONIAL, "src.quoted_pronoun",
      "^[\"\u201c\u2018].{8,}[\"\u201d\u2019],?\\s+(?:she|he|they|(?-i:[A-Z][a-z]+))\\s+(?:says|said|writes|wrote|adds|added|explains|told us)\\b" },
    /* a sentence wholly in quotes, in the first person: a quoted review */
    { RC_F_TESTIMONIAL, "src.quoted_first",
      "^[\"\u201c](?=[^\"\u201d]*\\b(?:(?-i:I)|my|me|myself)\\b)[^\"\u201d]{8,}[\"\u201d]\\W*$|"
      "^\u2018(?=.*\\b(?:(?-i:I)|my|me|myself)\\b).{8,}[.!?]\u2019\\W*$" },
    /* a speaker, a colon, then a quote in the first person: 'A reader
     * told us: "It took the edge off my ..."' */
    { RC_F_TESTIMONIAL, "src.colon_quote",
      W "(?:said|says|writes|wrote|told us|tells us|posted|commented|explains|recalls|adds)\\s*:\\s*[\"\u201c\u2018]"
      "[^\"\u201d]*" W "(?:(?-i:I)|my|me|myself)" W },
    /* what someone close to the writer said or found: relayed, still a story */
    { RC_F_TESTIMONIAL, "src.relayed",
      W "my (?:[\\w-]+ )?(?:sister|brother|mum|mom|mother|dad|father|friend|husband|wife|partner|son|daughter|"
      "aunt|uncle|cousin|neighbou?r|colleague|gran\\w*|nan|boyfriend|girlfriend|flatmate|roommate)s?\\b"
      "[^.;]{0,60}" W "(?:says?|said|swears|tells|told|reckons|finds|found|takes|took|uses|used|tried|noticed)" W },
    /* a case from the writer's own practice ("a 60-year-old came to our
     * clinic", "an older man I saw last year"): a story, not a report */
    { RC_F_TESTIMONIAL, "src.own_case",
      W "an? [\\w-]+-year-old" W "[^.;]{0,80}" W "(?:our|us|me|my|(?-i:I))" W },
    /* a review signed at its end ("... settled down. - Ana"), in the first person */
    { RC_F_TESTIMONIAL, "src.signed",
      "^(?=.*" W "(?:(?-i:I)|my|me)" W ").{12,}\\s(?:-|\u2013|\u2014)\\s?(?-i:[A-Z][a-z]+\\.?)"
      "(?:,?\\s(?-i:[A-Z][\\w.]*))?(?:,\\s\\d\\s?stars?)?\\s*$" },
    { RC_F_ANIMAL, "src.animal",
      W "(?:mice|mouse|rats?|rodents?|murine|hamsters?|monkeys?|primates?|animal (?:model|stud)\\w*|in vivo|pigs?|dogs?|zebrafish)" W },
    { RC_F_INVITRO, "src.in_vitro",
      W "(?:in vitro|in a dish|petri|cell cultures?|cells grown|cell lines?|laboratory (?:study|studies|research|tests?|experiments?|work)|lab (?:study|studies|tests?|experiments?|work)|test tubes?|test-tube|in the lab)" W },
    { RC_F_CASE, "src.case",
      W "(?:case report|case study|a single patient|one patient|one woman|one man|an? [\\w-]+-year-old)" W },
    /* a case others published: "doctors have described a man whose ..." */
    { RC_F_CASE, "src.case_described",
      W "(?:described|reported|documented|published|wrote up)\\s+(?:the case of\\s+)?(?:a|an|one)\\s+"
      "(?:[\\w-]+\\s+){0,2}?(?:man|woman|boy|girl|child|patient|person|teenager)" W },
    /* a quote or a remark from a professional: an opinion, not a patient's story */
    { RC_F_EXPERT, "src.expert_quote",
      "[\"\u201d\u2019],?\\s+(?:said|says|explains|explained|adds|added|notes|noted|warns|warned|according to)\\s+"
      "(?:the\\s+|a\\s+|an\\s+|one\\s+)?(?:[\\w'\u2019-]+,?\\s+){0,4}?(?:dr|prof\\w*|doctors?|physicians?|\\w+ologists?|"
      "\\w+iatrists?|surgeons?|pharmacists?|nurses?|experts?|researchers?|scientists?|spokes\\w+|officers?|"
      "directors?|ceo|founder|chair\\w*|president|authors?|investigators?|consultants?|specialists?|"
      "dietitians?|nutritionists?|clinicians?|gp)\\b" },
    { RC_F_EXPERT, "src.relayed_professional",
      W "my (?:[\\w-]+ )?(?:doctor|gp|ent|pharmacist|nurse|consultant|\\w+ologist|\\w+iatrist|\\w+icians?|specialist|physio\\w*|"
      "therapist|dentist|chemist|midwife|surgeon)\\b[^.;]{0,40}" W "(?:says?|said|told|tells|thinks|reckons|insists)" W },
    { RC_F_REPORTING, "src.reporting_first",
      "^(?!.*" W "(?:my|me|myself|mine)" W ").*" W "(?-i:I)(?:'ve|'m| have| am)? (?:know|knew|seen|saw|read|aware|"
      "came across|could find|can find|recall|remember)" W ".*" W "(?:stud(?:y|ies)|trials?|series|review|papers?|data|evidence)" W },
    { RC_F_OPINION, "src.opinion",
      W "(?:experts? (?:now )?(?:say|says|said|believe|warn|recommend|agree|think|argue|caution)|according to (?:dr|professor|prof)\\b|doctors say|scientists (?:now )?say|said (?:dr|professor|prof)\\b|chief (?:science|medical|scientific) officer)" },
    { RC_F_STUDYWORD, "kw.study",
      W "(?:stud(?:y|ies)|trials?|rcts?|meta-?analys[ie]s|review|data|cohort|researchers|scientists|survey|analys[ie]s|participants|patients|evidence)" W },
    { RC_F_TRIALWORD, "kw.trial",
      W "(?:trials?|study|studies|doses?|dosing|microdos\\w*)" W },
    { RC_F_EFFICACY, "kw.efficacy",
      W "(?:(?<!\\bat\\s)(?<!\\bfrom\\s)(?<!\\bof\\s)works?|worked|cures?|cured|curing|beats?|beat|cuts?|cutting|reduc(?:e|es|ed|ing|tion)|"
      "lower(?:s|ed)?(?! (?:back|legs?|limbs?|abdomen|belly|body|lids?|eyelids?|jaw|arms?|teeth))|halv(?:e|es|ed)|improv(?:e|es|ed|ing|ement)|clears?|cleared|prevents?|protects?|effective|efficacy|(?<!\\bneeded\\s)(?<!\\bneeds\\s)(?<!\\bneed\\s)(?<!\\bfor\\s)(?<!\\bsome\\s)helps?|helped|heals?|relief|lifted|boosts?|sooner|faster|confirm(?:s|ed)?|proof|proven|valuable|benefits?|responded|remission|free of|killed|kills|inhibit\\w*|separated|los(?:e|es|ing)|lost(?! to)|sheds?|"
      "eas(?:e|es|ed|ing)|reliev(?:e|es|ed|ing)|(?-i:sooth(?:e|es|ed|ing))|(?:did|does|do|worked|works|fared) better)" W },
    { RC_F_NULL, "kw.null",
      W "(?:no (?:significant |real |clear |meaningful |noticeable |measurable |obvious )?difference|not significantly different|no better than|found nothing|(?:just|only|nothing but|merely) (?:an? )?(?:[\\w-]+ )?placebo|placebo effect|did nothing|does nothing|didn't do anything|zero difference|did not (?:separate|differ|show|reduce|improve|work)|not distinguish|no effect|no benefit|did not|no meaningful)" },
    { RC_F_RCT, "kw.rct",
      W "(?:randomi[sz]ed|placebo[- ]controlled|double[- ]blind|rcts?|controlled trials?|head[- ]to[- ]head)" W },
    { RC_F_META, "kw.meta",
      W "(?:meta-?analys[ie]s|systematic review|pooled|review)" W },
    { RC_F_OPENLABEL, "kw.open_label",
      W "(?:open[- ]label|single[- ]arm|uncontrolled|no control(?: group| arm)?|without (?:a )?(?:control|placebo)|no placebo(?: group| arm)?|not placebo[- ]controlled|case series|chart review|expanded[- ]access)" W },
    { RC_F_OBSERVATIONAL, "kw.observational",
      W "(?:cohort|registry|retrospective|observational|real[- ]world|records|prescription data|data from)" W },
    { RC_F_SAFETY, "kw.safety",
      W "(?:side[- ]effects?|adverse (?:events?|effects?)|(?:is|are|was|were|completely|perfectly|totally|entirely|absolutely) safe|harms?|blood pressure|toxic\\w*|(?:well[- ])?tolerated|tolerability|nausea|vomiting|safety|(?:not |non-?)?addictive|addiction|habit[- ]forming|withdrawal|(?:can|may|might|could|does|did|will) (?:also )?cause|(?:drug )?interactions?|interacts? with|gentle on (?:the |your )?(?:stomach|skin|gut)|"
      "(?:damaged|ruined|wrecked|paraly[sz]ed|poisoned|hospitali[sz]ed|nearly killed) (?:my|his|her|their|our)\\b|"
      /* a harm compared between arms: "headaches were more common on the drug" */
      "(?:was|were|is|are) (?:much |slightly |far |a little |somewhat )?(?:more|less) (?:common|frequent) (?:with|on)" W "|"
      "(?:may|can|might|could|does|did) (?:sometimes |occasionally |also )?occur)" W },
    { RC_F_NEGATION, "kw.negation",
      W "(?:no|not|never|none|without|n't|zero)" W },
    { RC_F_SPECULATION, "kw.speculation",
      W "(?:would have|could have|might have|would be|may well|probably would)" W },
    { RC_F_COMMERCIAL, "kw.commercial",
      W "(?:our own|our (?:clients|customers|members|survey|results|data|patients)|in-house|internal (?:survey|data))" W },
    { RC_F_DIFFERENCE, "kw.difference",
      W "(?:more than (?:a |the )?(?:placebo|control|\\d)|(?:greater|better|larger|bigger) than (?:placebo|control)|difference|versus|vs\\.?|compared with|compared to|than placebo|than (?:the |a )?control)" },
    { RC_F_QUESTION, "kw.question", "\\?\\s*$" },
    /* a question signed by who asks it: "... is it safe? - Ana, Leeds" */
    { RC_F_QUESTION, "kw.signed_question",
      "\\?\\s*(?:-|\u2013|\u2014)\\s*(?-i:[A-Z][a-z]+)(?:,?\\s+(?-i:[A-Z][\\w.]*)){0,3}\\s*$" },
    /* "X also works for Y, right?": a tag on an assertion (rc_flags clears
     * the question) */
    { RC_F_TAG_QUESTION, "kw.tag_question",
      ",\\s*(?:right|yes|no|surely|correct|true|yeah|innit|isn't (?:it|that|she|he)|aren't they|"
      "doesn't it|don't they|didn't it|wasn't it|won't it|hasn't it|haven't they|can't it)\\s*\\?\\s*$|"
      "^\\W*(?:did you know|do you know|have you heard|were you aware)(?: that)? (?!if\\b|whether\\b|what\\b|how\\b)" },
    /* how a story ended, in plain words */
    { RC_F_OUTCOME, "kw.outcome",
      W "(?:(?:has|have|had|is|are|was|were|all|mostly|completely|totally) (?:mostly |completely |totally |almost )?gone|"
      "went away|go away|disappeared|vanished|subsided|cleared up|no longer|never (?:felt|been) better|"
      "back to normal|back on my feet|back at work|back to work|(?:a|the) (?:huge|big|real) difference|"
      "feel (?:so much )?better|felt (?:so much )?better)" W },
    /* short praise: a verdict with nothing it is of but the product */
    { RC_F_PRAISE, "kw.praise",
      "^\\W*(?:(?:she|he|they) (?:says|said|thinks|swears|reckons) (?:that )?)?(?:it'?s|it is|this is|this stuff is|that'?s|what a|simply|absolutely|honestly|finally|best|the best|"
      "a real|truly|definitely|total|an? (?:absolute|real|total))" W "[^.!?]{0,40}?" W "(?:miracle|game[- ]?changer|"
      "life[- ]?saver|lifesaver|amazing|wonderful|incredible|fantastic|brilliant|magic|godsend|works|worked|"
      "best|recommend\\w*|helped|helps)" W "|^\\W*(?:changed my life|life[- ]changing|a (?:real )?lifesaver|"
      "a game[- ]?changer|highly recommend\\w*|would recommend|love (?:it|this|them)|total waste of money|"
      "waste of money)" W },
    /* no claim: how to use the product, the writer's aim, advice, a bare
     * attribution */
    { RC_F_NONCLAIM, "nc.instruction",
      "^\\W*(?:(?:adults|children|kids|dosage|directions|dose|to use)(?: [\\w-]+)?\\s*:\\s*)?"
      "(?:take (?:one|two|three|four|half|a|an|\\d+)" W "|apply|rub|massage|swallow|dissolve|shake|store|spray|chew|rinse|insert|place|"
      "do not (?:use|take|apply|exceed|swallow)|don't (?:use|take|apply|exceed)|use only|keep out of)" W },
    /* what a unit of the product holds: a label, no finding */
    { RC_F_NONCLAIM, "nc.composition",
      "^\\W*(?:each|one|every|per) (?:tablet|capsule|softgel|gummy|lozenge|sachet|patch|dose|serving|"
      "drop|spray|ml|scoop|pill)s? (?:contains|provides|delivers|has)" W
      /* "Each sachet provides relief for up to 9 hours": a promise, checked */
      "(?!\\s+(?:relief|protection|comfort|results?|up to|all[- ]day|round-the-clock|fast|long-lasting|lasting))" },
    { RC_F_NONCLAIM, "nc.meta",
      W "(?:(?:keep|keeps|often|always|frequently|regularly) ask(?:s|ing)? (?:us |me )?(?:about|whether|if)|"
      "here(?:'s| is) (?:what|a (?:careful |quick |closer |brief )?look|how|why)(?![^.!?]*:)|"
      "in this (?:post|article|guide|piece|explainer|newsletter)|we (?:take a look|look at|explain)|read on|"
      /* the page speaking of itself: "This post looks at", "Last issue we covered" */
      "^\\W*(?:this|today's|in today's|in this) (?:post|article|guide|piece|explainer|newsletter|issue|"
      "edition|column|blog|page|episode|month|week)(?:'s)?\\s*(?::\\s*\\w+|looks|covers|explains|is about|we|examines|"
      "rounds up|brings)|"
      "^\\W*(?:last|next|in our last|in the last|in our next) (?:issue|edition|newsletter|column|post|week's issue|"
      "month's issue)" W "|"
      /* a request for others' stories: "Would love to hear from anyone who ..." */
      "^\\W*(?:(?:(?-i:I)|we)(?:'d| would)|would) (?:love|like|be glad|be grateful) to (?:hear|know|learn)|"
      /* a question reported, not a statement: "A reader asked whether ..." */
      "^\\W*(?:an?|one|another|several|many|some) (?:[\\w-]+ )?(?:readers?|listeners?|viewers?|members?|"
      "subscribers?|followers?|people|of you) (?:asked|asks|wrote in to ask|wanted to know|wondered)"
      "(?: us| me)? (?:whether|if|about|how|why|what|when)|"
      "(?:(?-i:I)|we)(?:'m| am| are|'re) (?:writing|sharing|posting) (?:this|to|because)|(?-i:I) wanted to share|"
      "(?:let's|let us) (?:look|take a look|see|find out|dig)|we (?:wanted|set out|decided) to (?:find out|look|see))" W },
    { RC_F_NONCLAIM, "nc.advice",
      W "(?:should|must|ought to)(?: not|n't)? (?:replace|substitute for|be used instead of|be a substitute for|"
      "take the place of)" W },
    { RC_F_NONCLAIM, "nc.bare_attribution",
      "^\\W*(?:[\\w'-]+\\s+){0,3}(?:said|says|told me|tells me|swears|thinks|reckons|claims)\\s+so\\W*$" },
    /* the writer's own history or who suggested the treatment: no outcome */
    { RC_F_ASIDE, "nc.backstory",
      "^\\W*(?:(?:(?-i:I)(?:'ve| have)?|I) (?:had|suffered (?:from|with)|struggled with|lived with|been diagnosed with|"
      "was diagnosed with|been suffering|have suffered|'ve suffered)|(?:my )?(?:[\\w-]+ )?(?:doctor|gp|"
      "pharmacist|nurse|consultant|\\w+ologist|specialist) (?:mentioned|suggested|recommended|offered|put me on|"
      "told me about))" W },
    { RC_F_HEDGE_CLAIM, "kw.hedge",
      W "(?:claimed|claims|alleged|reportedly|supposedly)" W },
    { RC_F_SUPERLATIVE, "kw.hype",
      W "(?:landmark|miracle|breakthrough|largest|biggest|best|game changer|revolution\\w*|enormous|crush\\w*)" W },
    { RC_F_CALL, "kw.call",
      W "(?:book (?:a|your|now)|call us|talk to your doctor|check your local|sign up|order now|places .* limited|subscribe)" W "|"
      /* advice after a condition: "If you are thinking of it, ask your ..." */
      "^\\W*if you[^,.;]{3,80},\\s+(?:please\\s+)?(?:ask|talk|speak|see|check|consult|tell|book|call|try|"
      "consider|keep|stop|avoid|make sure|get|discuss)" W },
    /* ---- sentence roles (detection round five): what a sentence does on
     * the page, whatever its words are about ---- */
    /* the imperative mood: a bare verb opens the sentence and a pronoun,
     * an article, a number or a particle follows ("Tip the bottle upside down",
     * "Wait ten minutes before ...", "Hold the spray upright") */
    { RC_F_NONCLAIM, "nc.imperative",
      "^\\W*(?:(?:gently|always|first|then|now|simply|just|please)\\s+)?(?:tilt|wait|wash|hold|pull|press|close|blink|"
      "leave|remove|avoid|remember|repeat|put|let|lie|sit|stand|breathe|drink|sip|throw|discard|wipe|dry|clean|"
      "check|read|follow|ring|phone|contact|visit|make sure|be sure|peel|cover|warm|cool|squeeze|tap|write|note|"
      "bring|allow|wear|aim|pinch|tip)\\s+(?:your|the|a|an|it|them|this|these|those|each|every|any|one|two|three|"
      "four|five|six|seven|eight|nine|ten|\\d+|for|until|before|after|at|on|in|back|down|up|out|off|away|gently|"
      "slowly|carefully|with|to|about|yourself|someone|anyone|all|some|plenty|no more)" W },
    /* a negative imperative: "Don't put up with it", "Do not share the
     * bottle" (not "Don't know if ...", the writer's "I" dropped) */
    { RC_F_NONCLAIM, "nc.negative_imperative",
      "^\\W*(?:don't|don\u2019t|do not)\\s+(?!(?:know|think|see|remember|understand|believe|get|mind|care|feel|"
      "felt|really|usually|have|had|need|want|seem|expect|like|notice|recall)" W ")[a-z]+" W },
    /* advice to see a professional: "should see their doctor", "it is
     * worth booking a review with your GP" */
    { RC_F_CALL, "kw.see_professional",
      W "(?:should|must|need to|ought to|(?:is|it's) worth|are advised to|best to)\\s+(?:(?:first|always|still|then)\\s+)?"
      "(?:see|seeing|visit|visiting|ask|asking|talk to|talking to|speak to|speaking to|consult|consulting|contact|"
      "check with|book|booking|get|getting)\\s+(?:[\\w-]+\\s+){0,4}?(?:doctors?|gps?|pharmacists?|nurses?|"
      "midwi(?:fe|ves)|clinicians?|specialists?|physicians?|dentists?|opticians?|optometrists?|consultants?|"
      "health ?care (?:team|provider|professional)s?|review|appointment|check-?up)" W },
    /* the page on itself between issues ("Last week we mentioned X"), or
     * asking for its readers' stories */
    { RC_F_NONCLAIM, "nc.issue_meta",
      "^\\W*(?:last|earlier this|in last) (?:month|week|year|time|issue|edition|newsletter|spring|summer|autumn|"
      "winter)(?:'s issue)?,?\\s+(?:we|(?-i:I))\\s+(?:mentioned|covered|wrote|looked|promised|discussed|reported|"
      "featured|talked|asked)" W "|"
      "^\\W*(?:readers|listeners|viewers|anyone|those|people) who (?:want|would like|wish|would love) to "
      "(?:share|tell|send)" W },
    /* the shop's terms: returns, refunds, delivery */
    { RC_F_NONCLAIM, "nc.shop_terms",
      W "(?:full refund|money[- ]back|(?:be )?returned within|returns? (?:policy|within)|refund(?:ed|s)?|"
      "free (?:delivery|shipping|returns)|dispatched|orders? (?:placed|over)|add to (?:basket|cart))" W },
    /* a press release's legal small print */
    { RC_F_NONCLAIM, "nc.forward_looking",
      W "(?:forward-looking statements?|risks and uncertainties|(?:actual|future) results (?:may|could|might) differ|"
      "undue reliance|speak only as of)" W },
    /* a case in the literature: "One published case describes a boy who ..." */
    { RC_F_CASE, "src.case_describes",
      W "(?:(?:single|published|reported|one|a)\\s+)+case(?: report)?s?\\s+(?:describes|described|reports|reported|"
      "documents|documented|tells of|of an?" W ")" },
    /* rates compared between arms, no difference: "Rates of X were similar
     * in the two groups" */
    { RC_F_NULL, "kw.similar_arms",
      W "(?:was|were|is|are|remained|stayed) (?:very |broadly |roughly |about )?(?:similar|comparable|the same|"
      "no different|alike) (?:in|between|across|for) (?:the |both )?(?:two |three |both )?(?:groups|arms)" W },
    /* the writer relays a study, and only then speaks for themself: "A large
     * trial found X works, so I'd try it" */
    { RC_F_REPORTING, "src.relays_study",
      "^(?![^,;]*" W "(?:(?-i:I)|my|me|we|our)" W ")[^,;]*" W "(?:trials?|stud(?:y|ies)|review|research)" W
      "[^,;]*" W "(?:showed|shows|found|finds|proved|proves|suggests|suggested)" W "[^,;]*,\\s*"
      "(?:so|and so|which is why)" W },
    /* work on cells: "cell studies suggest", "experiments on nerve cells" */
    { RC_F_INVITRO, "src.cell_work",
      W "(?:cell (?:studies|study|experiments?|work|research)|(?:experiments?|studies|tests?) (?:on|in) "
      "(?:[\\w-]+ )?cells)" W },
    /* the writer's age and their condition, no treatment in it yet: "I'm
     * 41 and my hives are driving me mad" */
    { RC_F_ASIDE, "nc.age_and_condition",
      "^\\W*(?-i:I)(?:'m|\u2019m| am) (?:\\d{1,2}|a \\w+)(?: years old)?,? and my" W },
    /* someone close to the writer started or is on the treatment: their
     * story ("My husband started it in June and his hives settled") */
    { RC_F_TESTIMONIAL, "src.relayed_start",
      W "my (?:[\\w-]+ )?(?:sister|brother|mum|mom|mother|dad|father|friend|husband|wife|partner|son|daughter|"
      "aunt|uncle|cousin|neighbou?r|colleague|gran\\w*|nan|boyfriend|girlfriend)s?\\b[^.;]{0,30}" W
      "(?:started|began|stopped|has been on|was put on|was prescribed|is on|went on)" W },
    /* the page meets its reader where they came from, or says what it left
     * out: "You may have seen reports about X", "Many of you asked
     * about X", "We have not included forum posts" */
    { RC_F_NONCLAIM, "nc.reader_meta",
      "^\\W*you (?:may|might) (?:well )?have (?:seen|read|heard)" W "|"
      W "(?:lots|many|some|several|plenty) of you (?:have )?(?:been )?(?:asking|asked|ask|wondering|wondered)" W "|"
      W "we (?:have not|haven't|did not|didn't|do not|don't) (?:include|included|cover|covered|list|listed)" W },
    /* a label's dose or a product's terms: "Our blend delivers a
     * standardised 250 mg of root", "Suggested use: ...", "Frequently
     * bought together", "gluten free, no artificial colours" */
    { RC_F_NONCLAIM, "nc.label",
      W "(?:delivers|provides|contains|supplies) (?:a |an )?(?:standardi[sz]ed |concentrated |full |high )?"
      "\\d[\\d.,]*\\s?(?:mg|mcg|\u00b5g|g|iu|ml)" W "|"
      "^\\W*(?:suggested|recommended) (?:use|dose|dosage|serving)\\s*:|"
      W "(?:frequently bought together|customers also (?:bought|viewed)|you may also like|gluten[- ]free|"
      "no artificial (?:colou?rs|flavou?rs|preservatives|sweeteners)|suitable for vegans)" W },
    /* advice not to act without a professional: "should not stop ...
     * without talking to their doctor" */
    { RC_F_CALL, "kw.without_professional",
      W "without (?:first )?(?:talking|speaking|checking) (?:to|with) (?:their|your|his|her|a) "
      "(?:[\\w-]+ )?(?:doctors?|gps?|pharmacists?|nurses?|midwi(?:fe|ves)|clinicians?|specialists?|"
      "consultants?|health ?care (?:team|provider|professional)s?)" W },
    /* a published report of one case: "one published report describes a
     * woman whose ..." */
    { RC_F_CASE, "src.report_describes",
      W "(?:single|published|one|a) (?:published )?(?:report|case study|case series) (?:describes|described|"
      "reports|reported|documents|documented|tells of)" W },
    /* a group that did better than another, without figures: "people
     * taking X had slightly fewer symptoms than those on placebo" */
    { RC_F_EFFICACY, "kw.fewer_than",
      W "(?:had|reported|showed|saw|experienced|needed) (?:slightly |significantly |far |much |a little |"
      "somewhat )?(?:fewer|less|lower|milder|shorter) [\\w -]{1,40} than (?:those|people|patients|the|placebo|"
      "controls?|participants)" W },
    /* where a product is sold, how large its maker is: trade facts, no
     * claim ("X is available from pharmacies", "Its products are sold in
     * 20 countries", "It employs around 300 people") */
    { RC_F_NONCLAIM, "nc.trade_facts",
      W "(?:(?:is|are) (?:now |also |widely )?(?:available|sold|stocked) (?:from|in|at|online|through|across|to buy)|"
      "employs (?:around |about |over |some |more than |nearly )?\\d+|(?:products|medicines|devices|treatments) "
      "are (?:sold|available|marketed) in|recommended retail price)" W },
    /* a professional the writer knows, and what they say: "My cousin's
     * husband is a doctor and he says X is safe" */
    { RC_F_EXPERT, "src.known_professional",
      W "(?:is|was) an? (?:[\\w-]+ )?(?:doctor|gp|pharmacist|nurse|consultant|\\w+ologist|\\w+iatrist|surgeon|"
      "midwife|dentist|physio\\w*)\\b[^.;]{0,20}" W "(?:he|she|they) (?:says|said|reckons|told|tells|thinks)" W },
    /* an effect that happened to the writer: "it works for me", "it
     * helped me" */
    { RC_F_TESTIMONIAL, "src.for_me",
      W "(?:works?|worked|helps?|helped|did wonders|did the trick) (?:for|with) me" W "|" W "(?:it|this|they) helped me" W },
    /* what the writer read or heard, told as a claim, nothing of theirs in
     * it: "I read it works for X too", "I've read that X ..." (rc_flags:
     * no story of theirs) */
    { RC_F_READ, "src.read_that",
      "^(?!.*" W "(?:my|me|myself|mine)" W ")\\W*(?:(?-i:I)(?:'ve|\u2019ve| have)? (?:read|heard|seen)|"
      "(?:saw|read) (?:a|an|one) (?:piece|article|post|report|story)) " },
    /* a company's executive quoted: the company's opinion */
    { RC_F_EXPERT, "src.executive_quote",
      "[\"\u201d\u2019],?\\s+(?:said|says|added|adds|explains|explained)\\s+(?:the\\s+)?(?:company's\\s+)?"
      "(?:[\\w-]+\\s+){0,2}?(?:chief executive|executive|chairman|chairwoman|managing director|vice[- ]president|"
      "head of)" W },
    { 0, NULL, NULL }
};

static const struct rule abstract_rules[] = {
    { RC_A_RCT, "abs.rct",
      W "(?:randomi[sz]ed|randomly assigned|double[- ]blind|placebo[- ]controlled)" W },
    { RC_A_META, "abs.meta",
      W "(?:meta-?analys[ie]s|systematic review|systematically searched|pooled analysis|data were pooled)" W },
    { RC_A_MIXED, "abs.mixed",
      W "(?:non-?rcts?|non-?randomi[sz]ed|pre-?post|observational studies|single-arm studies|uncontrolled studies|open-label studies)" W },
    { RC_A_OPENLABEL, "abs.open_label",
      W "(?:open-?label|single-?arm|uncontrolled|no control group|case series|pilot study)" W },
    { RC_A_COHORT, "abs.cohort",
      W "(?:cohort|retrospective|registry|observational|cross-sectional|case-control|electronic health records|real world evidence)" W },
    { RC_A_ANIMAL, "abs.animal",
      W "(?:mice|mouse|rats?|murine|rodents?|hamsters?|macaques?|in vivo .* model|animal model|zebrafish)" W },
    { RC_A_INVITRO, "abs.in_vitro",
      W "(?:in vitro|cell lines?|cells? (?:were|was) (?:infected|treated|cultured)|cultured cells)" W },
    { RC_A_CASE, "abs.case",
      W "(?:case report|we (?:report|describe|present) (?:a|the) case|a \\d+-year-old)" W },
    { RC_A_NEGATIVE, "abs.negative",
      W "(?:did not (?:show|result|reduce|improve|differ|significantly)|no significant (?:difference|effect|benefit)|not significantly different|was not significantly|may not (?:reduce|improve)|did not result in|no benefit|were not significant|comparable to placebo|not superior)" },
    { RC_A_POSITIVE, "abs.positive",
      W "(?:significantly (?:reduced|improved|lower|higher|better|more)|reduced (?:the )?(?:risk|mortality|symptoms|severity)|superior|effective|demonstrates|marked (?:reductions|improvements)|large reductions)" },
    { RC_A_ADVERSE, "abs.adverse",
      W "(?:associated with adverse|adverse (?:effects|events) (?:were|occurred)|increased (?:systolic|diastolic|blood pressure|heart rate)|serious adverse|increased the risk|toxicity)" },
    { RC_A_CONTROLLED, "abs.controlled",
      W "(?:control group|controls|compared with (?:placebo|usual care|standard care)|placebo)" W },
    { 0, NULL, NULL }
};

/* Cues of the article model (article.c): what kind of statement a sentence
 * is, whether it introduces a study or leans on one named before. */
static const struct rule cue_rules[] = {
    { RC_C_DURABLE, "cue.durable",
      W "(?:lasted|lasting|last(?:s)? for|sustained|maintained|held (?:steady|up)|persist\\w*|long[- ]term|stayed|kept (?:off|up)|regain\\w*|wore off|after (?:stopping|treatment ended)|durable|for the rest of|rebound\\w*|came back|follow-?up)" W },
    { RC_C_ONSET, "cue.onset",
      W "(?:within (?:a |the first )?(?:few |\\w+ )?(?:hours?|days?|weeks?|minutes?)|began|begins|kicked in|started working|from the (?:very )?first|after (?:the )?(?:first|one|a single) (?:session|dose|week))" W },
    { RC_C_DOSERESP, "cue.dose_response",
      W "(?:higher dose|lower dose|larger dose|dose[- ](?:dependent|response|related)|the more\\b|the (?:harder|longer|higher)|more (?:sessions|exercise|often)|(?:better|more) than (?:three|two|fewer|less)|at every dose|each dose)" },
    { RC_C_REGIMEN, "cue.regimen",
      W "(?:sessions?|infusions?|injections?|doses?|dosing|capsules?|tablets?|gummies|once[- ](?:a|per|daily|weekly)|twice[- ](?:a|per|daily|weekly)|(?:\\w+ times) (?:a|per) (?:day|week)|daily|weekly|per (?:day|week)|a (?:day|week)|received|were given|took|mg|milligrams?|(?:face-to-face|phone) (?:sessions|calls)|visits)" W },
    { RC_C_POPULATION, "cue.population",
      W "(?:adults?|children|kids|adolescents|teens?|men|women|elderly|older (?:adults|people)|aged \\d+|(?:patients|people) with|participants (?:were|had)|enrolled|volunteers)" W },
    { RC_C_MECHANISM, "cue.mechanism",
      W "(?:works by|acts on|mechanism\\w*|receptors?|releases?|rebalanc\\w*|neurotransmitters?|serotonin|dopamine|endorphins?|hormones?|neurogenesis|pathways?|signall?ing|inflammation|brain'?s?)" W },
    { RC_C_VENUE, "cue.venue",
      W "(?:published in|appeared in|journal|(?:in|by) the (?:[A-Z][A-Za-z]+ ){0,4}(?:Journal|Lancet|Review|Database|Medicine|Psychiatry))" },
    { RC_C_HEDGE, "cue.hedge",
      W "(?:may|might|could|can help|suggests?|suggested|believes?|believed|thought to|possibly|perhaps|appears? to|seems? to|is linked|are linked|associated with|unclear|uncertain|not known|more research|(?:has|have|with) the potential|potentially|promising|too early to (?:know|say|tell)|remains to be seen|evidence is (?:thin|weak|limited|mixed|patchy|scant)|not (?:yet )?clear|unlikely to)" W },
    { RC_C_BACKREF, "cue.backref",
      "^(?:[\\W_]*)(?:in (?:that|this|the same|the) (?:study|trial|review|analysis|experiment)|in that|that (?:study|trial)|this (?:study|trial)|the (?:study|trial|researchers|authors|review|children|kids|adults|patients|participants|volunteers|results|findings)|those|these|participants|each (?:received|got|took|was)|everyone|they|it (?:also|was|showed|found)|half of them|most of them|none of them|results?|benefits|effects|gains|improvements)\\b" },
    { RC_C_BACKREF_IN, "cue.backref_inner",
      W "(?:in (?:that|this) (?:study|trial|review)|the same (?:study|trial)|of those|in the trial|"
      /* "in many cases these effects lasted": the effects just reported */
      "(?:these|those) (?:effects|results|benefits|gains|improvements|changes|findings|reductions))" W },
    { RC_C_MENTION, "cue.mention",
      W "(?:(?:a|an|one|another|new|recent|large|small|huge|big|landmark|major|\\d{4}|\\d[\\d,]*-(?:person|patient|participant))[- ](?:[\\w-]+,? ){0,4}(?:study|trial|rct|review|meta-?analysis|analysis|experiment|survey|case series|series)| (?-i:[A-Z])[\\w-]+(?:'s)? (?:(?-i:[A-Z])[\\w-]+ )?(?:study|trial)\\b|researchers (?:at|in|from)|\\w+ researchers (?:found|reported|showed)|scientists (?:at|in|from)|published in|appeared in|a team (?:at|from|of))" },
    { RC_C_BACKGROUND, "cue.background",
      W "(?:is (?:a|an|the) (?:\\w+ ){0,3}(?:hormone|condition|disease|disorder|drug|medicine|supplement|practice|therapy|treatment|compound|chemical)|one of the most common|affects? (?:millions|hundreds|about|around|\\d)|(?:is|are) (?:already |now |widely |still |also |only )?(?:made|sold|available|approved|prescribed|marketed)|contain|is found in|occurs? naturally|(?:is|are) (?:derived|extracted|made) from|(?:has|have) been used for (?:centuries|generations|decades)|traditionally used)" W },
    /* a general fact of a condition, a maker or a regulator: background
     * whatever the article's topic */
    { RC_C_GENERAL, "cue.general",
      W "(?:(?:is|are) (?:the|a) (?:most common|leading|major|main|commonest) (?:form|type|kind|cause|reason|source)s?|"
      "(?:is|are) (?:very |quite |fairly |extremely )?common(?: and| in| among|\\W*$)|"
      "(?:is|are) (?:usually|often|typically|commonly|mostly|generally) (?:treated|caused|managed|diagnosed)|"
      "(?:is|are) caused by|affects? (?:roughly|nearly|almost|up to|an estimated|one in|more than)|"
      "(?:develops|discovers|manufactures|markets|commercialises|commercializes) (?:[\\w-]+ ){0,3}(?:medicines|drugs|"
      "therapies|treatments|devices|vaccines) for|(?:has|have) applied for|applied for (?:approval|a licen[cs]e)|"
      "(?:is|are) (?:awaiting|seeking) approval|filed for approval|marketing authori[sz]ation|"
      "(?:is|are|has|have) not (?:yet )?(?:been )?(?:approved|licensed|cleared)|apply for (?:approval|a licen[cs]e|marketing)|"
      "^\\W*(?:around |about |roughly |nearly |almost |up to |an estimated |more than )?(?:\\d+|one|two|three) in "
      "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten) (?:people|adults|children|women|men)"
      "(?![^.]*" W "(?:on|taking|given|treated|receiving|took|trial|study|group|placebo)" W ")|(?:approved|licensed|cleared) by (?:the )?"
      "(?-i:[A-Z]{2,}))" W },
    /* ---- sentence roles (detection round five) ---- */
    /* a business speaking of itself and its service: "people come to our
     * practice", "a short consultation lets us check ...", "we can suggest" */
    { RC_C_SERVICE, "cue.service",
      W "(?:(?:our|this) (?:clinic|practice|surgery|pharmacy|team|service|centre|center|store|shop|salon|website|"
      "staff)s?|(?:lets|let|allows?|helps?|enables?) us|we (?:can|offer|provide|will|'ll|also offer|are happy to|"
      "are able to|stock|sell)|many of our (?:patients|clients|customers))" W },
    /* a press release's furniture: what is announced, not what was found */
    { RC_C_BOILER, "cue.boiler",
      W "(?:today |has |have )?(?:announced|announces|is pleased to announce|are pleased to announce|will present|"
      "unveiled|unveils) (?:new |the |its |further |updated )?(?:data|results|findings|details|plans|"
      "a partnership|an agreement)" W },
    /* someone's word on the results: "called the results a clear advance" */
    { RC_C_APPRAISAL, "cue.appraisal",
      W "(?:called|described|hailed|welcomed|praised|dismissed|labell?ed) (?:the|these|those|its|their) "
      "(?:results|findings|data|trial|study|work|figures)" W },
    /* a figure set against another: "fell by 12 ..., compared with 5 on placebo" */
    { RC_C_FIGURES, "cue.figures",
      "\\d[^.;]{0,60}" W "(?:compared (?:with|to)|against|versus|vs\\.?)\\s+(?:about |around |just |only |roughly )?\\d" },
    /* how common a condition grows with age, what doctors do in practice:
     * "X becomes more common after the age of 40", "Many GPs still
     * offer it when ..." */
    { RC_C_GENERAL, "cue.general_epidemiology",
      W "(?:becomes?|gets?|grows?|is|are) (?:much |far |increasingly )?(?:more|less) common (?:after|as (?:people|we|you) "
      "age|from the age|beyond|in older|in later life|with age)" W "|"
      W "(?:some|many|most|few) (?:doctors|gps|clinicians|physicians|specialists|midwives|surgeons) (?:still |now |also "
      "|often |sometimes |usually |routinely )?(?:prescribe|recommend|offer|suggest)" W },
    /* how a product handles, not what it does: "easy to open", "stays
     * stuck all day", "the tube was well sealed" */
    { RC_C_USABILITY, "cue.usability",
      W "(?:(?:easy|easier|hard|difficult|fiddly|simple) to (?:put on|apply|use|open|swallow|remove|peel|carry|"
      "stick|spread)|stay(?:s|ed)? stuck|arrived (?:quickly|on time|promptly|late|damaged)|"
      "(?:box|packaging|parcel|delivery|bottle|lid|tube|pump) (?:was|is|were|came)|(?:nice|pleasant|strong|awful|"
      "horrible) (?:smell|taste|scent)|smells? (?:nice|fine|lovely|awful)|would buy again|good value|"
      "value for money)" W },
    /* a study pointed at, its finding left unsaid: "A larger trial has
     * since been published", "A third study has looked at children" */
    { RC_C_POINTER, "cue.pointer",
      W "(?:(?:has|have) (?:since |now |also |recently |already )?(?:been published|looked at|examined|"
      "investigated|explored|asked whether|tested whether|reported what)|(?:is|are) (?:now |currently )?"
      "(?:under way|underway|recruiting|being planned))" W },
    /* a long tradition of use: "X has been used in folk medicine for centuries" */
    { RC_C_BACKGROUND, "cue.tradition",
      W "(?:has|have) been used (?:[\\w-]+ ){1,4}for (?:centuries|generations|decades|hundreds of years|"
      "thousands of years)" W },
    /* when a product came to market: "X became available this year" */
    { RC_C_BACKGROUND, "cue.product_fact",
      W "(?:became available|went on sale|came onto the market|was launched)" W },
    { 0, NULL, NULL }
};

struct compiled {
    unsigned flag;
    pcre2_code *re;
};

struct rc_rules {
    struct compiled *sent, *abs, *cue;
    size_t nsent, nabs, ncue;
    pcre2_match_data *md;
};

/* @pat with each literal space (outside a character class) made "\s+":
 * a rule written "a 2019 trial" must match "a 2019  trial" and text
 * copied from a page with a no-break space ("25\u00a0mg"; \s is Unicode
 * white space under PCRE2_UCP).  malloc'd; NULL when out of memory. */
static char *spaces_any(const char *pat)
{
    size_t n = strlen(pat), i, o = 0;
    int in_class = 0;
    char *out = malloc(3 * n + 1);

    if (!out)
        return NULL;
    for (i = 0; i < n; i++) {
        char c = pat[i];
        if (c == '\\' && i + 1 < n) {
            out[o++] = c;
            out[o++] = pat[++i];
            continue;
        }
        if (c == '[')
            in_class = 1;
        else if (c == ']' && in_class)
            in_class = 0;
        if (c == ' ' && !in_class) {
            memcpy(out + o, "\\s+", 3);
            o += 3;
            continue;
        }
        out[o++] = c;
    }
    out[o] = '\0';
    return out;
}

static lm_err compile_table(const struct rule *t, struct compiled **out, size_t *n,
                            char *msg, size_t cap)
{
    size_t i, cnt = 0;

    while (t[cnt].id)
        cnt++;
    if (!(*out = calloc(cnt, sizeof **out)))
        return LM_ERR_NOMEM;
    for (i = 0; i < cnt; i++) {
        int err;
        PCRE2_SIZE off;
        char *pat = spaces_any(t[i].pattern);
        pcre2_code *re;

        if (!pat) {
            *n = i;
            return LM_ERR_NOMEM;
        }
        re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                           PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
                           &err, &off, NULL);
        free(pat);
        if (!re) {
            PCRE2_UCHAR buf[160];
            pcre2_get_error_message(err, buf, sizeof buf);
            lm_msg_set(msg, cap, "rule %s: offset %zu: %s", t[i].id, (size_t)off,
                       (const char *)buf);
            *n = i;
            return LM_ERR_REGEX;
        }
        /* interpreter when JIT is missing, or $LITMINE_NO_JIT is set (the
         * test suite's valgrind stage: valgrind cannot follow JIT code) */
        if (!getenv("LITMINE_NO_JIT"))
            (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
        (*out)[i].flag = t[i].flag;
        (*out)[i].re = re;
    }
    *n = cnt;
    return LM_OK;
}

lm_err rc_rules_open(rc_rules **out, char *msg, size_t cap)
{
    rc_rules *r = calloc(1, sizeof *r);
    lm_err rc;

    *out = r;
    if (!r)
        return LM_ERR_NOMEM;
    if ((rc = compile_table(sentence_rules, &r->sent, &r->nsent, msg, cap)) != LM_OK
        || (rc = compile_table(abstract_rules, &r->abs, &r->nabs, msg, cap)) != LM_OK
        || (rc = compile_table(cue_rules, &r->cue, &r->ncue, msg, cap)) != LM_OK)
        return rc;
    if (!(r->md = pcre2_match_data_create(4, NULL)))
        return LM_ERR_NOMEM;
    return LM_OK;
}

void rc_rules_close(rc_rules *r)
{
    size_t i;

    if (!r)
        return;
    for (i = 0; r->sent && i < r->nsent; i++)
        pcre2_code_free(r->sent[i].re);
    for (i = 0; r->abs && i < r->nabs; i++)
        pcre2_code_free(r->abs[i].re);
    for (i = 0; r->cue && i < r->ncue; i++)
        pcre2_code_free(r->cue[i].re);
    free(r->sent);
    free(r->abs);
    free(r->cue);
    pcre2_match_data_free(r->md);
    free(r);
}

static unsigned run_table(rc_rules *r, const struct compiled *t, size_t n,
                          const char *s, size_t len)
{
    unsigned flags = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        if (flags & t[i].flag)
            continue;
        if (pcre2_match(t[i].re, (PCRE2_SPTR)s, len, 0, 0, r->md, NULL) >= 0)
            flags |= t[i].flag;
    }
    return flags;
}

unsigned rc_flags(rc_rules *r, const char *text, size_t start, size_t end)
{
    unsigned f = run_table(r, r->sent, r->nsent, text + start, end - start);

    if (f & RC_F_TAG_QUESTION)
        f &= ~RC_F_QUESTION;
    /* a professional's words are an opinion, whoever "I" is in them;
     * a study they report is the study's claim */
    if (f & RC_F_EXPERT) {
        f &= ~(RC_F_TESTIMONIAL | RC_F_FIRST_PERSON);
        f = f & RC_F_STUDYWORD ? f & ~RC_F_OPINION : f | RC_F_OPINION;
    }
    /* "I read that X works": the writer relays what they read, their own
     * story not in it */
    if ((f & RC_F_READ) && !(f & (RC_F_TESTIMONIAL | RC_F_OUTCOME)))
        f &= ~RC_F_FIRST_PERSON;
    /* "the only trial I know of": the writer reports a study */
    if ((f & RC_F_REPORTING) && (f & RC_F_STUDYWORD) && !(f & RC_F_TESTIMONIAL))
        f &= ~RC_F_FIRST_PERSON;
    return f;
}

unsigned rc_cues(rc_rules *r, const char *text, size_t start, size_t end)
{
    return run_table(r, r->cue, r->ncue, text + start, end - start);
}

unsigned rc_abstract_flags(rc_rules *r, const char *title, const char *abstract,
                           const char *pub_types)
{
    unsigned f = 0;

    if (title)
        f |= run_table(r, r->abs, r->nabs, title, strlen(title));
    if (abstract)
        f |= run_table(r, r->abs, r->nabs, abstract, strlen(abstract));
    (void)pub_types;
    return f;
}
