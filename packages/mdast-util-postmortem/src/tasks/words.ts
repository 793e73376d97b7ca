/**
 * Words that name nothing in particular: a task whose object is made only of
 * these ("add monitoring system", "improve the process") says no more than
 * its verb. Lowercase; `-` and `/` joined words are split before lookup.
 */
export const genericWords: ReadonlySet<string> = new Set(
  `alert alerting alerts approach awareness behavior behaviour bug bugs capabilities capability change changes
  check checks code collaboration communication communications config configs configuration configurations
  coordination coverage culture detection documentation docs efficiency environment environments error errors
  everything failure failures framework functionality future guidelines handling health incident incidents
  infrastructure issue issues knowledge level levels log logging logs management measure measures mechanism
  mechanisms monitoring notification notifications observability operations ops outage outages people
  performance place plan plans policies policy practice practices prevention problem problems procedure
  procedures process processes program protection quality realtime real-time reliability resilience response
  review reviews safety security server servers service services session sessions setting settings setup
  solution solutions stability staff standards status strategies strategy stuff support system systems team
  teams test testing tests thing things time tool tooling tools training trainings understanding users
  visibility way ways workflow workflows`
    .split(/\s+/)
    .filter(Boolean)
)

/** Determiners, pronouns and adjectives that add nothing concrete to an object. */
export const emptyModifiers: ReadonlySet<string> = new Set(
  `a an the our their its his her my your this that these those all any every each some more most better new
  additional proper robust comprehensive thorough advanced enhanced improved stricter strict stronger
  proactive automated detailed clear effective efficient appropriate necessary relevant critical important key
  various other potential possible further extra granular rigorous overall general best good great early
  quick quicker faster timely regular continuous ongoing real time and or of for with to in on at`
    .split(/\s+/)
    .filter(Boolean)
)

/** Acronyms too general to make a task concrete on their own. */
export const genericAcronyms: ReadonlySet<string> = new Set([
  'SQL',
  'API',
  'APIS',
  'CI',
  'CD',
  'DB',
  'QA',
  'UI',
  'UX',
  'IT',
  'OS',
  'TODO'
])

/** Words that make a task repeat with no cadence: "regularly", "periodic". */
export const frequencyWords: readonly string[] = [
  'regular',
  'regularly',
  'periodic',
  'periodically',
  'continuously',
  'continually',
  'constantly',
  'routinely',
  'frequently',
  'ongoing',
  'more often',
  'from time to time',
  'as needed'
]

/** A stated cadence: "every week", "monthly", "before each release". */
export const cadence =
  /\b(?:every|each|per|once|twice|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually|hourly|\d+ ?(?:times|x))\b/i

/** Prepositions that introduce what a vague verb acts on ("improve alerting for the checkout API"). */
export const complementWords: ReadonlySet<string> = new Set(
  'for of on in across with at around between from into covering including under within against per about'.split(' ')
)

/** Purpose phrases after the object that still say what changes ("to include load balancer checks"). */
export const scopePhrase = /^to (?:include|cover|add|track|record|log|alert on|report on|page on)\b/i

/**
 * Where the main clause of a task ends: a purpose ("to detect ..."), a time
 * ("before deploying"), a manner ("by ..."), or punctuation.
 */
export const clauseEnd =
  /\s(?:to|so|by|before|after|when|whenever|while|during|until|since|because|as|thereby|ensuring|allowing|enabling|providing|which|that|whose)\s|[,;()\u2013\u2014]|[.:!?](?=\s|$)|\s-\s/i
