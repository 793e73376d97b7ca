/**
 * Word lists for judging follow-up tasks. The part-of-speech tagger decides
 * whether a task starts with a verb; these lists cover what it cannot know:
 * operations jargon it reads as nouns (`Backup the database`), and the verbs
 * postmortem guides single out as vague or open-ended. Entries are lowercase.
 */

/** Imperatives of operations work that the tagger reads as nouns or adjectives. */
export const jargonVerbs: ReadonlySet<string> = new Set([
  'alert',
  'allowlist',
  'archive',
  'audit',
  'automate',
  'backport',
  'backup',
  'benchmark',
  'blocklist',
  'bump',
  'cache',
  'check',
  'containerize',
  'containerise',
  'debug',
  'dedupe',
  'dockerize',
  'dockerise',
  'document',
  'double-check',
  'dry-run',
  'fix',
  'hotfix',
  'lint',
  'load-test',
  'page',
  'patch',
  'pin',
  'rate-limit',
  're-enable',
  're-run',
  'rerun',
  'redeploy',
  'rollback',
  'rotate',
  'script',
  'setup',
  'shard',
  'smoke-test',
  'snapshot',
  'stress-test',
  'test',
  'throttle',
  'train',
  'triage',
  'whitelist'
])

/** Two-word imperatives the tagger splits into a noun and a verb. */
export const jargonVerbPhrases: ReadonlySet<string> = new Set([
  'load test',
  'stress test',
  'smoke test',
  'unit test',
  'soak test',
  'dry run',
  'spot check',
  'health check',
  'double check',
  'rate limit',
  'sanity check',
  'fact check'
])

/**
 * Verbs that promise a better state without saying what changes ("improve
 * monitoring"): a task with one needs a concrete object.
 */
export const vagueVerbs: ReadonlySet<string> = new Set([
  'better',
  'bolster',
  'boost',
  'elevate',
  'emphasize',
  'emphasise',
  'encourage',
  'enhance',
  'ensure',
  'foster',
  'improve',
  'increase',
  'promote',
  'prioritize',
  'prioritise',
  'reinforce',
  'refine',
  'strengthen'
])

/** Phrases that count as one vague verb. */
export const vagueVerbPhrases: ReadonlySet<string> = new Set(['make sure', 'focus on', 'raise awareness'])

/**
 * Verbs of inquiry: fine when the task names what to look at and what comes
 * out of it (a decision, a document); open-ended otherwise.
 */
export const inquiryVerbs: ReadonlySet<string> = new Set([
  'analyse',
  'analyze',
  'assess',
  'brainstorm',
  'discuss',
  'evaluate',
  'explore',
  'investigate',
  'ivestigate',
  'research',
  'study'
])

/** Phrases that count as one verb of inquiry. */
export const inquiryVerbPhrases: ReadonlySet<string> = new Set(['figure out', 'look into', 'think about', 'look at'])

/** Verbs that never finish: ongoing activities, not tasks. */
export const ongoingVerbs: ReadonlySet<string> = new Set(['continue', 'keep', 'maintain', 'monitor', 'watch', 'strive'])

/** Phrases of the same kind. */
export const ongoingVerbPhrases: ReadonlySet<string> = new Set([
  'try to',
  'aim to',
  'work on',
  'work towards',
  'keep an eye'
])

/** Verbs that defer the decision: not a commitment. */
export const deferringVerbs: ReadonlySet<string> = new Set(['consider', 'reconsider'])

/** Outcomes that name no action at all. */
export const vaguePhrases: readonly string[] = [
  'be more careful',
  'be careful',
  'be more vigilant',
  'be vigilant',
  'be aware',
  'be more aware',
  'pay attention',
  'pay more attention',
  'do better',
  'try harder',
  'stay vigilant',
  'keep in mind',
  'learn from',
  'test test'
]

/** Words that open a statement, never an imperative, with how the message names them. */
export const closedClassWords: ReadonlyMap<string, string> = new Map([
  ...['we', 'i', 'you', 'they', 'it', 'he', 'she', 'there'].map((word) => [word, 'the pronoun'] as const),
  ...['the', 'a', 'an', 'our', 'their', 'its', 'this', 'these', 'those', 'all', 'every', 'each'].map(
    (word) => [word, 'the determiner'] as const
  ),
  ...[
    'before',
    'after',
    'if',
    'when',
    'while',
    'to',
    'once',
    'since',
    'because',
    'rather',
    'instead',
    'also',
    'finally',
    'then'
  ].map((word) => [word, 'the connective'] as const)
])
