import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem, {rules} from 'remark-preset-lint-postmortem'
import {type PluggableList, unified} from 'unified'
import type {Point, Position} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export {rules}

/** The rule ids of the preset, as its messages carry them. */
export const ruleIds: readonly string[] = rules.map((rule) => rule.ruleId)

export interface LintSettings {
  /** Preset options: `{profile}`. */
  readonly preset?: Record<string, unknown> | undefined
  /** Plugins after the preset, such as `[rule, options]`. */
  readonly plugins?: PluggableList | undefined
  /** Remove every position from the tree before the rules run. */
  readonly stripPositions?: boolean | undefined
}

/** Lint a document with the preset, synchronously (every rule is). */
export function lintText(value: string, settings: LintSettings = {}): VFileMessage[] {
  const processor = unified().use(remarkParse)
  // Before the rules, so that they see a tree without positions.
  if (settings.stripPositions) processor.use(stripPositions)
  processor.use(remarkPresetLintPostmortem, settings.preset).use(settings.plugins ?? [])
  const file = new VFile({path: 'input.md', value})
  processor.runSync(processor.parse(file) as Root, file)
  return [...file.messages]
}

function stripPositions() {
  return (tree: Root) => {
    visit(tree, (node) => {
      delete node.position
    })
  }
}

/** Lines of a document as positions count them. */
export function linesOf(value: string): string[] {
  return value.split(/\r\n|\r|\n/)
}

function pointProblem(point: Point | undefined, lines: readonly string[]): string | undefined {
  if (!point) return 'no point'
  const {line, column} = point
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return `line ${line} of ${lines.length}`
  const text = lines[line - 1] ?? ''
  if (!Number.isInteger(column) || column < 1 || column > text.length + 1) {
    return `column ${column} on line ${line} of ${text.length + 1} columns`
  }
  return undefined
}

function placeProblem(place: Point | Position | undefined, lines: readonly string[]): string | undefined {
  if (!place) return 'no place'
  if (!('start' in place)) return pointProblem(place, lines)
  const problem = pointProblem(place.start, lines) ?? pointProblem(place.end, lines)
  if (problem) return problem
  const {start, end} = place
  if (start.line > end.line || (start.line === end.line && start.column > end.column)) {
    return `start ${start.line}:${start.column} after end ${end.line}:${end.column}`
  }
  return undefined
}

/**
 * What is wrong with the places of `messages` in `value`: every message (and
 * its cause) must point inside the document, start before it ends, and come
 * from a rule of the preset. Empty when all is well.
 */
export function placeProblems(messages: readonly VFileMessage[], value: string): string[] {
  const lines = linesOf(value)
  const problems: string[] = []
  for (const message of messages) {
    const label = `${message.ruleId}: ${message.reason}`
    if (!ruleIds.includes(String(message.ruleId))) problems.push(`${label}: not from a rule of the preset`)
    const problem = placeProblem(message.place, lines)
    if (problem) problems.push(`${label}: ${problem}`)
    const cause = message.cause
    if (cause && typeof cause === 'object' && 'place' in cause && cause.place) {
      const causeProblem = placeProblem(cause.place as Point | Position, lines)
      if (causeProblem) problems.push(`${label} (cause): ${causeProblem}`)
    }
  }
  return problems
}

/** The middle of a generated postmortem: a timeline, a root cause and a resolution, each with a blank line after it. */
export const timelineToResolution: readonly string[] = [
  '## Timeline (UTC)',
  '',
  '- 10:00 the configuration is deployed',
  '- 10:35 the deploy is rolled back',
  '',
  '## Root cause',
  '',
  'A configuration value was removed by mistake.',
  '',
  '## Resolution',
  '',
  'The deploy was rolled back.',
  ''
]
