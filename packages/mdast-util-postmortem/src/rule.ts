import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {insertBlockFix, isLineEnding, lineEndingOf, type PostmortemFix, replaceFix} from './fix.js'
import {type SourceText, sourceOfFile} from './lines.js'
import {getPostmortem, type Postmortem} from './model.js'
import {expectOptions, isPlainObject, OptionError} from './options.js'
import {type AnyOptionSpec, type OptionSpecs, type ParsedOptions, profileOption} from './options-schema.js'
import type {Profile} from './profiles.js'

/** Where the rule docs live; each message links to its rule's page. */
export const docsBase = 'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/'

/** Settings every rule has, once options are checked. */
export interface BaseSettings {
  readonly profile: Profile
}

/** What a rule gets by default: the profile and its checked options. */
export type RuleSettings<Specs extends OptionSpecs> = BaseSettings & ParsedOptions<Specs>

/** What a rule package declares. */
export interface PostmortemRuleSpec<Specs extends OptionSpecs, Settings extends BaseSettings> {
  /** Rule name without prefix: `required-sections`. */
  readonly name: string
  /** The rule's own options (besides `profile`), in the order the docs list them. */
  readonly options: Specs
  /**
   * Turn the checked options into what `check` reads, when that is more
   * than the options themselves (default: `{profile, ...options}`).
   */
  readonly settings?: ((options: ParsedOptions<Specs>, profile: Profile) => Settings) | undefined
  /** Report on the document. */
  readonly check: (postmortem: Postmortem, file: VFile, settings: Settings) => void
}

/** A rule plugin, which also tells its rule id and its options. */
export type PostmortemRule = Plugin<[unknown?], Root> & {
  readonly ruleId: string
  /** `profile`, then the rule's own options. */
  readonly optionNames: readonly string[]
  /** Every option as declared, `profile` first (for the docs and the JSON schema). */
  readonly optionSpecs: Readonly<Record<string, AnyOptionSpec>>
}

/** Details a message can carry besides its text and place. */
export interface ReportDetails {
  readonly place?: Point | Position | undefined
  /** A related place, such as the earlier timeline entry. */
  readonly cause?: {readonly reason: string; readonly place: Point | Position | undefined} | undefined
  /**
   * Text that would fix the problem, offered by editors as a quick fix of
   * the message's place. With `fix`, it is the fix's text.
   */
  readonly expected?: readonly string[] | undefined
  /**
   * How to fix the problem. The message gets it as `message.fix` (offsets
   * and text), its place becomes the fix's range and `expected` the fix's
   * text, so that an editor's quick fix (the place replaced by `expected`)
   * and `postmortem-lint --fix` make the same edit. Without the file's text
   * (or when `found` is not the text there) there is no fix, and `place` and
   * `expected` are used as given.
   */
  readonly fix?: FixEdit | undefined
  /** The profile id of the section concerned. */
  readonly section?: string | undefined
  /** What was found, when it helps a tool. */
  readonly actual?: string | undefined
}

/** A fix as a rule asks for it, by place in the document. */
export type FixEdit =
  | {
      /** Replace the text there with `text`. */
      readonly replace: Position | undefined
      readonly text: string
      /** The text that must be there for the fix to apply. */
      readonly found?: string | undefined
      /** Whether `--fix` applies it, or a test of the text there that says so. */
      readonly safe: boolean | ((found: string) => boolean)
    }
  | {
      /** Insert `block` on lines of its own at this line, blank lines around it (see `insertBlockFix`). */
      readonly insertBlock: Point | undefined
      readonly block: string
      readonly safe: boolean
    }

/** A postmortem message: a vfile message with the section it is about and its fix. */
export type PostmortemMessage = VFileMessage & {section?: string; fix?: PostmortemFix}

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
export function definePostmortemRule<Specs extends OptionSpecs, Settings extends BaseSettings = RuleSettings<Specs>>(
  spec: PostmortemRuleSpec<Specs, Settings>
): PostmortemRule {
  const ruleId = `postmortem-${spec.name}`
  const settingsByOptions = new Map<string, Settings>()
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
    const settings = remembered(options)
    announceRule(this, ruleId)
    const current =
      isPlainObject(options) && options.profile !== undefined ? () => settings : shared(this, options, settings)
    return (rule as unknown as (this: unknown, config: unknown) => unknown).call(
      this,
      severity === undefined ? current : [severity, current]
    )
  }
  Object.defineProperty(plugin, 'name', {value: `remark-lint:${ruleId}`})
  const optionSpecs = {profile: profileOption, ...spec.options}
  return Object.assign(plugin, {
    ruleId,
    optionNames: Object.keys(optionSpecs),
    optionSpecs
  }) as unknown as PostmortemRule

  /**
   * The settings of these options, made once: the remark CLI attaches the
   * plugins afresh for every file, with the same options each time, and the
   * settings (word lists, patterns) cost more to build than a file to lint.
   * Settings are never changed once made, so processors can share them.
   */
  function remembered(options: unknown): Settings {
    const key = optionsKey(options)
    let settings = settingsByOptions.get(key)
    if (!settings) {
      settings = parseSettings(spec, ruleId, options)
      if (settingsByOptions.size >= rememberedLimit) settingsByOptions.clear()
      settingsByOptions.set(key, settings)
    }
    return settings
  }

  /** The settings with the processor's profile, once per profile. */
  function shared(processor: Processor, options: unknown, own: Settings): () => Settings {
    let cached: {readonly profile: unknown; readonly settings: Settings} | undefined
    return () => {
      const profile = processor.data('postmortemProfile')
      if (profile === undefined) return own
      if (cached?.profile !== profile) {
        const withProfile = isPlainObject(options) ? {...options, profile} : {profile}
        cached = {profile, settings: remembered(withProfile)}
      }
      return cached.settings
    }
  }
}

const rememberedLimit = 64

/**
 * A text that two option values share when they mean the same: plain data
 * by what it holds, anything else (a profile object, a function) by identity.
 */
function optionsKey(value: unknown): string {
  if (value === undefined) return 'u'
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' ? `#${identityOf(value)}` : `${typeof value}:${String(value)}`
  }
  if (Array.isArray(value)) return `[${value.map(optionsKey).join(',')}]`
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return `#${identityOf(value)}`
  const record = value as Record<string, unknown>
  return `{${Object.keys(record)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${optionsKey(record[name])}`)
    .join(',')}}`
}

const identities = new WeakMap<object, number>()
let nextIdentity = 0

function identityOf(value: object): number {
  let id = identities.get(value)
  if (id === undefined) {
    id = nextIdentity++
    identities.set(value, id)
  }
  return id
}

/** Check a rule's options without attaching it (for tests and tools). */
export function parseSettings<Specs extends OptionSpecs, Settings extends BaseSettings>(
  spec: PostmortemRuleSpec<Specs, Settings>,
  ruleId: string,
  options: unknown
): Settings {
  try {
    const object = expectOptions(options, ['profile', ...Object.keys(spec.options)], ruleId)
    const profile = profileOption.parse(object.profile, 'profile')
    const parsed: Record<string, unknown> = {}
    for (const [name, option] of Object.entries(spec.options)) parsed[name] = option.parse(object[name], name)
    const checked = parsed as ParsedOptions<Specs>
    return spec.settings ? spec.settings(checked, profile) : ({profile, ...checked} as unknown as Settings)
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
  const fix = details.fix ? resolveFix(file, details.fix) : undefined
  const quick =
    fix && details.fix && 'insertBlock' in details.fix
      ? quickInsert(sourceOfFile(file), fix, details.fix.block)
      : undefined
  try {
    const cause = details.cause
      ? new VFileMessage(details.cause.reason, {place: details.cause.place, source: 'remark-lint'})
      : undefined
    message = file.message(reason, {
      place: quick ? quick.place : fix ? fixPlace(sourceOfFile(file), fix) : details.place,
      ...(cause ? {cause} : {})
    })
  } finally {
    Error.stackTraceLimit = limit
  }
  if (fix) {
    message.fix = fix
    message.expected = [quick ? quick.text : fix.text]
  } else if (details.expected) message.expected = [...details.expected]
  if (details.actual !== undefined) message.actual = details.actual
  if (details.section !== undefined) message.section = details.section
  return message
}

function resolveFix(file: VFile, edit: FixEdit): PostmortemFix | undefined {
  const source = sourceOfFile(file)
  if ('insertBlock' in edit) return insertBlockFix(source, edit.insertBlock, edit.block, edit.safe)
  const fix = replaceFix(source, edit.replace, edit.text, false)
  if (!fix || !source) return undefined
  const there = source.value.slice(fix.start, fix.end)
  // A fix that changes nothing is no fix.
  if ((edit.found !== undefined && there !== edit.found) || there === fix.text) return undefined
  return {...fix, safe: typeof edit.safe === 'function' ? edit.safe(there) : edit.safe}
}

/**
 * The quick fix of an inserted block as editors apply it (the message's
 * place replaced by `expected`): the block's own text (`## Timeline`, as
 * a missing section's message has always carried) on a blank line at or
 * before the insertion, or on the line after the document's last line
 * ending, where it stands on a line of its own; elsewhere (no line ending
 * at the end of the file, or no blank line before) the fix's whole text,
 * with the line endings it needs.
 */
function quickInsert(
  source: SourceText | undefined,
  fix: PostmortemFix,
  block: string
): {place: Point; text: string} | undefined {
  if (!source) return undefined
  const value = source.value
  const at = fix.start
  const point = pointOnly(source.pointOf(at))
  const afterLineEnding = at === 0 || isLineEnding(value[at - 1])
  if (!afterLineEnding) return undefined
  const eol = lineEndingOf(value)
  const text = block.replaceAll('\n', eol)
  // At the end after a line ending, or at the start of a blank line: a line of its own.
  if (at === value.length || (source.lines[point.line - 1] ?? '').trim() === '') return {place: point, text}
  const before = source.lines[point.line - 2]
  if (point.line > 1 && before !== undefined && before.trim() === '')
    return {place: {line: point.line - 1, column: 1}, text}
  return undefined
}

/** The place of a fix's range: a point for an insertion, as editors insert there. */
function fixPlace(source: SourceText | undefined, fix: PostmortemFix): Point | Position | undefined {
  if (!source) return undefined
  const start = pointOnly(source.pointOf(fix.start))
  return fix.start === fix.end ? start : {start, end: pointOnly(source.pointOf(fix.end))}
}

function pointOnly(point: Point): Point {
  return {line: point.line, column: point.column}
}

/** Point or position of a node, when it has one. */
export function placeOf(node: Node | undefined): Position | undefined {
  return node?.position
}
