import {readdirSync, readFileSync} from 'node:fs'
import type {Code, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** One example of a rule's docs page: an input and the messages it gets. */
export interface DocExample {
  /** The heading the example is under. */
  readonly title: string
  /** Rule options given on an `Options:` line before the input. */
  readonly options: Record<string, unknown> | undefined
  readonly input: string
  /** `line:column[-line:column]: reason` for each message, in order. */
  readonly messages: readonly string[]
}

export const rulesDocs = new URL('../../docs/rules/', import.meta.url)

/** The rule pages: `required-sections.md` documents `postmortem-required-sections`. */
export function ruleDocPages(): Array<{rule: string; path: URL}> {
  return readdirSync(rulesDocs)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({rule: `postmortem-${name.slice(0, -3)}`, path: new URL(name, rulesDocs)}))
}

/**
 * Read the examples of a rule's page. An example is a heading, maybe an
 * `Options: \`{...}\`` paragraph, a `markdown` code block, then either
 * `Messages:` and a `text` code block, or `No messages.`
 */
export function readDocExamples(path: URL): DocExample[] {
  const tree = unified().use(remarkParse).parse(readFileSync(path, 'utf8')) as Root
  const examples: DocExample[] = []
  let title = ''
  let options: Record<string, unknown> | undefined
  let input: string | undefined
  for (const node of tree.children) {
    if (node.type === 'heading') {
      title = toString(node)
      options = undefined
      input = undefined
    } else if (node.type === 'paragraph') {
      const text = toString(node).trim()
      if (text.startsWith('Options:')) {
        const code = node.children.find((child) => child.type === 'inlineCode')
        options = code ? (JSON.parse(code.value) as Record<string, unknown>) : undefined
      } else if (text === 'No messages.' && input !== undefined) {
        examples.push({title, options, input, messages: []})
        input = undefined
      }
    } else if (node.type === 'code') {
      const code = node as Code
      if (code.lang === 'markdown' && input === undefined) input = code.value + '\n'
      else if (code.lang === 'text' && input !== undefined) {
        examples.push({title, options, input, messages: code.value.split('\n').filter((line) => line.trim() !== '')})
        input = undefined
      }
    }
  }
  return examples
}
