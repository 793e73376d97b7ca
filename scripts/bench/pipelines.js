// The four ways of processing a document that the benchmark compares, each
// as a function from Markdown text to a count of messages, built once and
// reused across runs (as an editor or the CLI would reuse its processor).

import {lint as markdownlint} from 'markdownlint/sync'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import remarkPresetLintRecommended from 'remark-preset-lint-recommended'
import {unified} from 'unified'
import {VFile} from 'vfile'

/** Exactly the syntax the preset turns on: GFM tables and task lists. */
function postmortemSyntax() {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable(), gfmTaskListItem()]
  data.fromMarkdownExtensions = [
    ...(data.fromMarkdownExtensions ?? []),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown()
  ]
}

function unifiedPipeline(processor) {
  return (value) => {
    const file = new VFile({path: 'bench.md', value})
    processor.runSync(processor.parse(file), file)
    return file.messages.length
  }
}

/**
 * `profile` is the postmortem profile for (b); the corpus mixes `generic`
 * and `holberton` files, so the caller builds one set per profile.
 */
export function pipelines(profile = 'generic') {
  const parseOnly = unified().use(remarkParse).use(postmortemSyntax).freeze()
  const ours = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile}).freeze()
  const remarkRecommended = unified().use(remarkParse).use(remarkGfm).use(remarkPresetLintRecommended).freeze()
  return {
    a: {name: 'parse (GFM table + task list)', run: unifiedPipeline(parseOnly)},
    b: {name: 'parse + remark-preset-lint-postmortem', run: unifiedPipeline(ours)},
    c: {name: 'parse + remark-gfm + remark-preset-lint-recommended', run: unifiedPipeline(remarkRecommended)},
    d: {
      name: 'markdownlint (default rules)',
      run: (value) => {
        const results = markdownlint({strings: {'bench.md': value}})
        return results['bench.md']?.length ?? 0
      }
    }
  }
}

/** The rule ids of the preset, and a count of messages per rule over some files. */
export function messagesPerRule(profileOf, files) {
  const processors = new Map()
  const counts = new Map()
  for (const {name, value} of files) {
    const profile = profileOf(name)
    let processor = processors.get(profile)
    if (!processor) {
      processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile}).freeze()
      processors.set(profile, processor)
    }
    const file = new VFile({path: name, value})
    processor.runSync(processor.parse(file), file)
    for (const message of file.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1)
  }
  return counts
}
