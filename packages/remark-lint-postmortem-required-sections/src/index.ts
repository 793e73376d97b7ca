/**
 * ## When should I use this?
 *
 * You want every postmortem to have the sections your template asks for
 * (summary, impact, timeline, root cause, resolution, action items), and to
 * have them as real headings so that tools and readers find them.
 *
 * ## What is this?
 *
 * This rule reports:
 *
 * - each required section of the profile that is missing, at the place it
 *   should go, with the heading to insert (`message.expected`) and the
 *   section's id (`message.section`);
 * - a section written as a pseudo-heading (a bold line or a line of its own)
 *   instead of a Markdown heading (`pseudoHeadings: false` turns this off);
 * - a required section with nothing in it (`empty: false` turns this off);
 * - sections out of the profile's order, when `order: true`;
 * - a file that does not read as a postmortem at all (a link, a stub, an
 *   assignment's text): one message instead of a list of missing sections.
 *
 * A section is found when a heading, a bold line, a line of its own, a
 * labelled paragraph (`Impact: 40% of users ...`) or a heading that names
 * two concepts (`Root Cause and Resolution`) introduces it. An untitled
 * overview paragraph at the top counts as the summary.
 *
 * ## Options
 *
 * `profile` (the template) and the options declared once in `options`
 * below, with their types, defaults and meanings; the docs' options table
 * and the JSON schema of `.remarkrc.json` are generated from them
 * (`node scripts/options-doc.js`).
 *
 * The examples live in `docs/rules/required-sections.md` and are tested.
 */
import {
  booleanOption,
  definePostmortemRule,
  type FixEdit,
  lineEndingOf,
  type OptionsOf,
  type Postmortem,
  type Profile,
  report,
  type Section,
  type SectionSpec
} from 'mdast-util-postmortem'
import type {Point} from 'unist'
import type {VFile} from 'vfile'

const options = {
  order: booleanOption({default: false, description: "report sections out of the profile's order"}),
  pseudoHeadings: booleanOption({default: true, description: 'report sections written as bold or plain lines'}),
  empty: booleanOption({default: true, description: 'report required sections with nothing in them'})
}

/** Options of `remark-lint-postmortem-required-sections`. */
export type Options = OptionsOf<typeof options>

const remarkLintPostmortemRequiredSections = definePostmortemRule({
  name: 'required-sections',
  options,
  check(postmortem, file, settings) {
    const {profile} = settings
    const depth = headingDepth(postmortem)
    if (!postmortem.looksLikePostmortem) {
      const required = profile.sections.filter((spec) => spec.required)
      report(
        file,
        `Unexpected document that does not read as a postmortem (${whyNotPostmortem(postmortem, profile)}), expected sections such as ${required.map((spec) => `\`${spec.title}\``).join(', ')}`,
        {
          place: {line: 1, column: 1},
          expected: [required.map((spec) => `${'#'.repeat(depth)} ${spec.title}`).join('\n\n')],
          // Empty headings move the problem, not fix it: for editors only.
          fix: {
            insertBlock: afterFrontMatter(postmortem),
            block: required.map((spec) => `${'#'.repeat(depth)} ${spec.title}`).join('\n\n'),
            safe: false
          }
        }
      )
      return
    }
    reportMissing(postmortem, file, profile, depth)
    if (settings.pseudoHeadings) reportPseudoHeadings(postmortem, file, profile, depth)
    if (settings.empty) reportEmpty(postmortem, file, profile)
    if (settings.order) reportOrder(postmortem, file, profile)
  }
})

export default remarkLintPostmortemRequiredSections

function reportMissing(postmortem: Postmortem, file: VFile, profile: Profile, depth: number): void {
  profile.sections.forEach((spec, index) => {
    if (!spec.required || postmortem.sectionsOf(spec.id).length > 0) return
    // Point where the section should go: before the first section that the
    // profile puts after it, or at the end of the document.
    const after = postmortem.sections.find((section) => section.ids.some((id) => rankOf(profile, id) > index))
    const place = after ? insertionPoint(postmortem, after.start) : postmortem.tree.position?.end
    report(
      file,
      `Unexpected missing section \`${spec.title}\`, expected a heading such as \`${'#'.repeat(depth)} ${spec.title}\``,
      {
        place,
        expected: [`${'#'.repeat(depth)} ${spec.title}`],
        section: spec.id,
        // An empty heading moves the problem (to an empty section): for editors only.
        fix: {insertBlock: place, block: `${'#'.repeat(depth)} ${spec.title}`, safe: false}
      }
    )
  })
}

const kindNames: Readonly<Record<string, string>> = {bold: 'a bold line', plain: 'a line of text'}

function reportPseudoHeadings(postmortem: Postmortem, file: VFile, profile: Profile, depth: number): void {
  for (const section of postmortem.sections) {
    const kind = kindNames[section.heading.kind]
    // A field of the untitled overview states a fact of the summary, as a label does.
    if (!kind || section.field) continue
    const title = sectionTitle(section, profile)
    report(
      file,
      `Unexpected section \`${title}\` written as ${kind}, expected a heading such as \`${'#'.repeat(depth)} ${section.heading.text}\``,
      {
        place: section.heading.position,
        expected: [`${'#'.repeat(depth)} ${section.heading.text}`],
        section: section.id,
        actual: section.heading.text,
        fix: headingFix(postmortem, section, `${'#'.repeat(depth)} ${section.heading.text}`)
      }
    )
  }
}

function reportEmpty(postmortem: Postmortem, file: VFile, profile: Profile): void {
  for (const section of postmortem.sections) {
    if (!section.empty || !section.ids.some((id) => specOf(profile, id)?.required)) continue
    report(file, `Unexpected empty section \`${sectionTitle(section, profile)}\`, expected content under it`, {
      place: section.heading.position,
      section: section.id
    })
  }
}

function reportOrder(postmortem: Postmortem, file: VFile, profile: Profile): void {
  const seen = new Set<string>()
  let latest: {section: Section; rank: number} | undefined
  for (const section of postmortem.sections) {
    for (const id of section.ids) {
      const at = rankOf(profile, id)
      if (at === -1 || seen.has(id)) continue
      seen.add(id)
      if (latest && at < latest.rank) {
        const spec = profile.sections[at] as SectionSpec
        const before = sectionTitle(latest.section, profile)
        report(
          file,
          `Unexpected section \`${spec.title}\` after \`${before}\`, expected it before, as in the \`${profile.id}\` profile`,
          {
            place: section.heading.position,
            section: id,
            cause: {reason: `\`${before}\` is here`, place: latest.section.heading.position}
          }
        )
      } else if (!latest || at > latest.rank) {
        latest = {section, rank: at}
      }
    }
  }
}

/**
 * Where a missing heading goes: the blank line before `point` when there is
 * one, so that inserting the `expected` heading there (an editor's quick
 * fix) gives a heading of its own line.
 */
function insertionPoint(postmortem: Postmortem, point: Point | undefined): Point | undefined {
  const lines = postmortem.source?.lines
  if (!point || !lines || point.column !== 1 || point.line < 2) return point
  return lines[point.line - 2]?.trim() === '' ? {line: point.line - 1, column: 1} : point
}

/**
 * A pseudo-heading made a heading (an indent before it dropped), blank
 * lines added around it where there are none. Safe (`--fix` applies it) for a line of a paragraph at the top
 * level whose text is the title alone, marks and colon aside: the heading
 * then says what the line said. A title in a list item, a quote or HTML, or
 * one whose marks hold more (a link, code), is left to the writer.
 */
function headingFix(postmortem: Postmortem, section: Section, heading: string): FixEdit | undefined {
  const {position, node, index, text} = section.heading
  const source = postmortem.source
  if (!position || !source) return undefined
  const line = position.start.line
  const written = source.lines[line - 1] ?? ''
  const title = written.slice(position.start.column - 1, position.end.column - 1)
  const blank = (at: number) => (source.lines[at - 1] ?? '').trim() === ''
  const eol = lineEndingOf(source.value)
  const before = line > 1 && !blank(line - 1) ? eol : ''
  const after = line < source.lines.length && !blank(line + 1) ? eol : ''
  const indented = written.slice(0, position.start.column - 1).trim() === ''
  const safe =
    node.type === 'paragraph' &&
    postmortem.tree.children[index] === node &&
    position.end.line === line &&
    indented &&
    source.indentOf(line) < 4 &&
    titleOf(title) === text
  // An indented line from its start: a heading has no indent, a blank line before it no spaces.
  const start = indented ? {line, column: 1} : position.start
  const found = written.slice(start.column - 1, position.end.column - 1)
  return {replace: {start, end: position.end}, found, text: before + heading + after, safe}
}

/** A pseudo-heading's title as written: `**Timeline:**`, `__Impact__:`, `Issue Summary:`. */
function titleOf(line: string): string {
  const bare = line.trim().replace(/:$/, '').trim()
  const wrapped = /^(\*\*|__|\*|_)(.+)\1$/.exec(bare)
  return (wrapped ? (wrapped[2] as string) : bare).trim().replace(/:$/, '').trim()
}

/** The first line after the front matter, if any: where a document's first block goes. */
function afterFrontMatter(postmortem: Postmortem): Point {
  const first = postmortem.tree.children[0]
  const end =
    first && (first.type === 'yaml' || (first.type as string) === 'toml') ? first.position?.end.line : undefined
  return end === undefined ? {line: 1, column: 1} : {line: end + 1, column: 1}
}

/** Place of a section in the profile's order (-1 when it has none). */
function rankOf(profile: Profile, id: string): number {
  return profile.sections.findIndex((spec) => spec.id === id)
}

function specOf(profile: Profile, id: string): SectionSpec | undefined {
  return profile.sections.find((spec) => spec.id === id)
}

/** The profile's name for a section, or the writer's text for other concepts. */
function sectionTitle(section: Section, profile: Profile): string {
  const titles = section.ids.map((id) => specOf(profile, id)?.title).filter((title) => title !== undefined)
  return titles.length === section.ids.length && titles.length > 0
    ? titles.join(' and ')
    : section.heading.text || section.id
}

/** The depth the document gives its section headings (2 when it has none). */
function headingDepth(postmortem: Postmortem): number {
  const counts = new Map<number, number>()
  for (const section of postmortem.sections) {
    if (section.heading.node.type === 'heading') {
      counts.set(section.heading.level, (counts.get(section.heading.level) ?? 0) + 1)
    }
  }
  let best = 2
  let most = 0
  for (const [depth, count] of counts) {
    if (count > most || (count === most && depth < best)) {
      best = depth
      most = count
    }
  }
  return best
}

/** Why a document does not read as a postmortem, as the message says it. */
function whyNotPostmortem(postmortem: Postmortem, profile: Profile): string {
  switch (postmortem.notPostmortem) {
    case 'assignment':
      return 'it says what each section must contain, as an assignment does'
    case 'no-incident':
      return 'it tells of no incident: no time, date or duration, as a guide or a template'
    default:
      return postmortem.sections.some((section) => section.heading.kind !== 'implicit')
        ? 'too little text to tell an incident'
        : `no section of the \`${profile.id}\` profile found`
  }
}
