import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {getPostmortem, type Postmortem} from './model.js'
import {expectOptions, isPlainObject, OptionError} from './options.js'
import type {Profile} from './profiles.js'
import {resolveProfile} from './resolve-profile.js'

/** Where the rule docs live; each message links to its rule's page. */
export const docsBase = 'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/'

/** Settings every rule has, once options are checked. */
export interface BaseSettings {
  readonly profile: Profile
}

/** What a rule package declares. */
export interface PostmortemRuleSpec<Settings extends BaseSettings> {
  /** Rule name without prefix: `required-sections`. */
  readonly name: string
  /** The rule's own option names (besides `profile`). */
  readonly options: readonly string[]
  /** Check options (already known to be an object of known keys). */
  readonly settings: (options: Record<string, unknown>, profile: Profile) => Settings
  /** Report on the document. */
  readonly check: (postmortem: Postmortem, file: VFile, settings: Settings) => void
}

/** A rule plugin, which also tells its rule id and option names. */
export type PostmortemRule = Plugin<[unknown?], Root> & {
  readonly ruleId: string
  readonly optionNames: readonly string[]
}

/** Details a message can carry besides its text and place. */
export interface ReportDetails {
  readonly place?: Point | Position | undefined
  /** A related place, such as the earlier timeline entry. */
  readonly cause?: {readonly reason: string; readonly place: Point | Position | undefined} | undefined
  /** Text that would fix the problem, offered by editors as a quick fix. */
  readonly expected?: readonly string[] | undefined
  /** The profile id of the section concerned. */
  readonly section?: string | undefined
  /** What was found, when it helps a tool. */
  readonly actual?: string | undefined
}

/** A postmortem message: a vfile message with the section it is about. */
export type PostmortemMessage = VFileMessage & {section?: string}

declare module 'unified' {
  interface Data {
    /**
     * The profile `remark-preset-lint-postmortem` was given: a rule whose
     * own options name no profile lints with it.
     */
    postmortemProfile?: unknown
    /**
     * The ids of the postmortem rules attached to this processor: each rule
     * adds its own when it is attached, and the preset those it attaches
     * (before they are), so that a plugin attached later knows they run.
     */
    postmortemRules?: string[] | undefined
  }
}

/** Note in the processor's data that the rule `ruleId` runs. */
export function announceRule(processor: Processor, ruleId: string): void {
  const known = processor.data('postmortemRules') ?? []
  if (!known.includes(ruleId)) processor.data('postmortemRules', [...known, ruleId])
}

/**
 * Define a postmortem rule: options are checked when the plugin is attached
 * (so a bad config fails at start-up, naming the option), then the rule runs
 * on the shared model of each file.
 *
 * When its options name no profile, the rule lints with the processor's
 * `postmortemProfile` (the preset's profile), read when it runs: the preset
 * may be attached after the rule.
 */
export function definePostmortemRule<Settings extends BaseSettings>(
  spec: PostmortemRuleSpec<Settings>
): PostmortemRule {
  const ruleId = `postmortem-${spec.name}`
  const rule = lintRule<Root, () => Settings>(
    {origin: `remark-lint:${ruleId}`, url: `${docsBase}${spec.name}.md`},
    (tree, file, currentSettings) => {
      const settings = currentSettings()
      spec.check(getPostmortem(tree, settings.profile, file), file, settings)
    }
  )
  const plugin = function (this: Processor, config?: unknown) {
    const [severity, options] = splitSeverity(config)
    if (severity === false) return undefined
    const settings = parseSettings(spec, ruleId, options)
    announceRule(this, ruleId)
    const current =
      isPlainObject(options) && options.profile !== undefined ? () => settings : shared(this, options, settings)
    return (rule as unknown as (this: unknown, config: unknown) => unknown).call(
      this,
      severity === undefined ? current : [severity, current]
    )
  }
  Object.defineProperty(plugin, 'name', {value: `remark-lint:${ruleId}`})
  return Object.assign(plugin, {ruleId, optionNames: ['profile', ...spec.options]}) as unknown as PostmortemRule

  /** The settings with the processor's profile, once per profile. */
  function shared(processor: Processor, options: unknown, own: Settings): () => Settings {
    let cached: {readonly profile: unknown; readonly settings: Settings} | undefined
    return () => {
      const profile = processor.data('postmortemProfile')
      if (profile === undefined) return own
      if (cached?.profile !== profile) {
        const withProfile = isPlainObject(options) ? {...options, profile} : {profile}
        cached = {profile, settings: parseSettings(spec, ruleId, withProfile)}
      }
      return cached.settings
    }
  }
}

/** Check a rule's options without attaching it (for tests and tools). */
export function parseSettings<Settings extends BaseSettings>(
  spec: PostmortemRuleSpec<Settings>,
  ruleId: string,
  options: unknown
): Settings {
  try {
    const object = expectOptions(options, ['profile', ...spec.options], ruleId)
    return spec.settings(object, resolveProfile(object.profile))
  } catch (error) {
    if (error instanceof OptionError) throw new OptionError(`${ruleId}: ${error.message}`)
    throw error
  }
}

const severities = new Map<unknown, unknown>([
  ['off', false],
  [0, false],
  [false, false],
  ['on', 1],
  ['warn', 1],
  [1, 1],
  [true, 1],
  ['error', 2],
  [2, 2]
])

/** Split `[severity, options]` the way unified-lint-rule does. */
function splitSeverity(config: unknown): [unknown, unknown] {
  if (config === false || config === 0 || config === 'off') return [false, undefined]
  if (Array.isArray(config) && config.length > 0 && config.length <= 2) {
    const [level, options] = config as [unknown, unknown]
    if (severities.has(level)) return [severities.get(level), options]
    if (typeof level === 'number') {
      throw new OptionError(`Incorrect severity \`${level}\`, expected 0, 1, or 2`)
    }
  }
  return [undefined, config]
}

/** Report a message with the details editors and tools use. */
export function report(file: VFile, reason: string, details: ReportDetails = {}): PostmortemMessage {
  // A `VFileMessage` is an `Error`, so making one captures a stack trace,
  // which its constructor then replaces with `''`: capture none.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: PostmortemMessage
  try {
    const cause = details.cause
      ? new VFileMessage(details.cause.reason, {place: details.cause.place, source: 'remark-lint'})
      : undefined
    message = file.message(reason, {
      place: details.place,
      ...(cause ? {cause} : {})
    })
  } finally {
    Error.stackTraceLimit = limit
  }
  if (details.expected) message.expected = [...details.expected]
  if (details.actual !== undefined) message.actual = details.actual
  if (details.section !== undefined) message.section = details.section
  return message
}

/** Point or position of a node, when it has one. */
export function placeOf(node: Node | undefined): Position | undefined {
  return node?.position
}
