import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {type PluggableList, unified} from 'unified'
import type {Node} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export interface LintOptions {
  /** Options for the preset (`{profile}`). */
  preset?: Record<string, unknown> | undefined
  /** Extra plugins after the preset, such as `[rule, options]`. */
  plugins?: PluggableList | undefined
  /** Remove every position from the tree before the rules run. */
  stripPositions?: boolean | undefined
}

/** Lint a document with the preset and return its messages, sorted. */
export async function lint(markdown: string, options: LintOptions = {}): Promise<VFileMessage[]> {
  // Transformers run in the order plugins are attached: strip first.
  const processor = unified()
    .use(remarkParse)
    .use(options.stripPositions ? [stripPositions] : [])
    .use(remarkPresetLintPostmortem, options.preset)
    .use(options.plugins ?? [])
  const file = new VFile({path: 'example.md', value: markdown})
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return [...file.messages].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      String(a.ruleId).localeCompare(String(b.ruleId))
  )
}

/** Messages as the remark CLI prints them: `3:1-3:10: Reason [ruleId]`. */
export function format(messages: readonly VFileMessage[]): string[] {
  return messages.map((message) => `${placeText(message)}: ${message.reason} [${message.ruleId}]`)
}

/** `3:1-3:10` for a position, `3:1` for a point, `0:0` for none. */
export function placeText(message: VFileMessage): string {
  const place = message.place
  if (place && 'start' in place) {
    return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  }
  return place ? `${place.line}:${place.column}` : '0:0'
}

/** Lint and format in one go. */
export async function lintToStrings(markdown: string, options: LintOptions = {}): Promise<string[]> {
  return format(await lint(markdown, options))
}

function stripPositions() {
  return (tree: Node) => {
    visit(tree, (node) => {
      delete node.position
    })
  }
}
