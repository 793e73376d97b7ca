/**
 * remark-lint preset for incident postmortems: turns on
 * `<!-- lint disable ... -->` comments (as `remark-lint` does), YAML front matter, the table and task-list syntax
 * that timelines and action items are written in, and every postmortem rule,
 * with one `profile` setting that reaches them all.
 *
 * ```js
 * unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile: 'holberton'})
 * ```
 *
 * A rule the config lists itself keeps the config's setting: `false` turns
 * it off, an options object reconfigures it, and unless those options name
 * a profile the rule lints with the preset's (shared through the
 * processor's data, `postmortemProfile`).
 */
import type {Root} from 'mdast'
import {frontmatterFromMarkdown, frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {gfmTableFromMarkdown, gfmTableToMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown} from 'mdast-util-gfm-task-list-item'
import {announceRule, expectOptions, OptionError, type PostmortemRule, resolveProfile} from 'mdast-util-postmortem'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkLintPostmortemActionableTasks from 'remark-lint-postmortem-actionable-tasks'
import remarkLintPostmortemImpactQuantified from 'remark-lint-postmortem-impact-quantified'
import remarkLintPostmortemRequiredSections from 'remark-lint-postmortem-required-sections'
import remarkLintPostmortemTimelineOrder from 'remark-lint-postmortem-timeline-order'
import remarkLintPostmortemTimelineTimezone from 'remark-lint-postmortem-timeline-timezone'
import remarkMessageControl from 'remark-message-control'
// Types of the parser and serializer data (`micromarkExtensions`, ...).
import type {} from 'remark-parse'
import type {} from 'remark-stringify'
import type {Data, Pluggable, Plugin, Processor, Transformer} from 'unified'

/** Options of the preset. */
export interface Options {
  /**
   * The postmortem template: `'generic'` (default), `'holberton'`,
   * `'google-sre'`, `'pagerduty'`, `'atlassian'`, or a team's own
   * `{extends?, sections}`.
   */
  profile?: unknown
}

/** The rules of the preset, in the order they run. */
export const rules: readonly PostmortemRule[] = [
  remarkLintPostmortemRequiredSections,
  remarkLintPostmortemTimelineOrder,
  remarkLintPostmortemTimelineTimezone,
  remarkLintPostmortemImpactQuantified,
  remarkLintPostmortemActionableTasks
]

const remarkPresetLintPostmortem: Plugin<[Options?], Root> = function (this: Processor, options?: unknown) {
  let profile: unknown
  try {
    const settings = expectOptions(options, ['profile'], 'remark-preset-lint-postmortem')
    resolveProfile(settings.profile)
    profile = settings.profile
  } catch (error) {
    if (error instanceof OptionError) throw new OptionError(`remark-preset-lint-postmortem: ${error.message}`)
    throw error
  }
  addSyntax(this)
  // Every rule reads the profile from the processor's data, so a rule the
  // config lists itself (before or after the preset) gets it too.
  if (profile !== undefined) this.data('postmortemProfile', profile)
  // `use` of a plugin already listed, without options, keeps the config's
  // setting for it (`false`, options) and its place.
  const plugins: Pluggable[] = [lintComments]
  for (const rule of rules) {
    announceRule(this, rule.ruleId)
    plugins.push(rule)
  }
  this.use(plugins)
}

export default remarkPresetLintPostmortem

/**
 * What `remark-lint` does: `<!-- lint disable ... -->` comments control the
 * messages of lint rules. Like `remark-lint`, it adds the control when it is
 * attached, so that it runs after the rules attached before it; unlike it, it
 * is attached after the preset's own rules, so it also filters them when a
 * config lists `remark-lint` (or a preset holding it) before this preset.
 * A file whose text has no `lint` in it has no marker: the walk over the
 * whole tree is skipped. Filtering twice (with `remark-lint` also in the
 * config) gives the same messages as once.
 */
function lintComments(this: Processor): undefined {
  this.use(lintMessageControl)
}

function lintMessageControl(): Transformer<Root> {
  const control = remarkMessageControl({name: 'lint', source: 'remark-lint'})
  return (tree, file) => {
    if (mayHaveMarkers(file)) control(tree, file)
  }
}

function mayHaveMarkers(file: {readonly value: unknown}): boolean {
  return typeof file.value !== 'string' || file.value.includes('lint')
}

/**
 * Turn on YAML front matter (metadata, never a section), and GFM tables and
 * task lists only: the rest of GFM (autolink literals above all) makes
 * parsing much slower and the rules need none of it.
 */
function addSyntax(processor: Processor): void {
  // Made once: a CLI attaches the preset afresh for every file it lints,
  // and the extensions are data that no parser or serializer changes.
  syntax ??= {
    micromark: [frontmatter(), gfmTable(), gfmTaskListItem()],
    fromMarkdown: [frontmatterFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
    toMarkdown: [frontmatterToMarkdown(), gfmTableToMarkdown(), gfmTaskListItemToMarkdown()]
  }
  const data = processor.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...syntax.micromark]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), ...syntax.fromMarkdown]
  data.toMarkdownExtensions = [...(data.toMarkdownExtensions ?? []), ...syntax.toMarkdown]
}

let syntax:
  | {
      readonly micromark: NonNullable<Data['micromarkExtensions']>
      readonly fromMarkdown: NonNullable<Data['fromMarkdownExtensions']>
      readonly toMarkdown: NonNullable<Data['toMarkdownExtensions']>
    }
  | undefined
