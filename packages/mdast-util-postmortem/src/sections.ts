import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import {findSectionHeadings, type SectionHeading} from './headings.js'
import {htmlText, type SourceText} from './lines.js'
import type {Profile} from './profiles.js'

/** A section of the postmortem that names one or more known concepts. */
export interface Section {
  /** The first id the heading names. */
  readonly id: string
  /** Every id the heading names (`Root Cause and Resolution`: two). */
  readonly ids: readonly string[]
  readonly heading: SectionHeading
  /**
   * The nodes the section covers: those after its heading up to the next
   * section (deeper unknown headings stay inside). A paragraph shared with
   * the heading or with the next section is included; use `start` and `end`
   * to keep only the section's lines of it.
   */
  readonly nodes: readonly RootContent[]
  /** Where the section starts (its heading), when positions are known. */
  readonly start: Point | undefined
  /** Where the next section starts, when there is one and it is known. */
  readonly end: Point | undefined
  /** No content of its own, and no subsection under it. */
  readonly empty: boolean
}

const minimumOverviewWords = 12
const overviewParagraphs = 3

/**
 * Split the document into sections. Every real heading bounds sections; a
 * pseudo-heading counts only when it names a known concept.
 */
export function findSections(
  tree: Root,
  profile: Profile,
  source?: SourceText
): {headings: SectionHeading[]; sections: Section[]} {
  const headings = findSectionHeadings(tree, profile, source)
  const overview = implicitSummary(tree, headings)
  if (overview) headings.push(overview)
  headings.sort((a, b) => a.index - b.index || a.line - b.line)
  const inProfile = (id: string) => profile.sections.some((spec) => spec.id === id)
  const sections: Section[] = []
  headings.forEach((heading, at) => {
    if (heading.ids.length === 0) return
    // A section ends at the next section of the profile, or at a real
    // heading as high as its own. A pseudo-heading the profile does not ask
    // for (`Detection:` inside a holberton timeline) stays inside.
    // A loop, not `slice(at + 1).find(...)`: no copy of the rest per heading.
    let next: SectionHeading | undefined
    for (let after = at + 1; after < headings.length; after++) {
      const item = headings[after] as SectionHeading
      if (item.ids.some(inProfile) || (item.kind === 'heading' && item.level <= heading.level)) {
        next = item
        break
      }
    }
    const ownNode = heading.kind !== 'heading'
    const last = next ? (next.line > 0 ? next.index + 1 : next.index) : tree.children.length
    const nodes = tree.children.slice(ownNode ? heading.index : heading.index + 1, Math.max(last, heading.index + 1))
    const between = tree.children.slice(heading.index + 1, next ? next.index : tree.children.length)
    const content =
      heading.rest ||
      heading.kind === 'implicit' ||
      between.some(hasContent) ||
      (next !== undefined && next.index > heading.index && next.line > 0)
    // `Root Cause and Resolution` followed at once by `Root Cause:` and
    // `Resolution:` parts has its content in them; so has a `Timeline`
    // followed by a `Detection:` part that the profile does not ask for.
    const subsection =
      next !== undefined &&
      (next.level > heading.level || next.ids.every((id) => heading.ids.includes(id) || !inProfile(id)))
    sections.push({
      id: heading.ids[0] as string,
      ids: heading.ids,
      heading,
      nodes,
      start: heading.position?.start,
      end: next?.position?.start,
      empty: !content && !subsection
    })
  })
  return {headings, sections}
}

/** Whether a node holds something a reader would call content. */
export function hasContent(node: RootContent): boolean {
  if (node.type === 'html') return htmlText(node.value) !== ''
  if (node.type === 'thematicBreak' || node.type === 'definition') return false
  if (node.type === 'yaml') return false
  if (node.type === 'code' || node.type === 'image' || node.type === 'table') return true
  return toString(node).trim() !== ''
}

/**
 * An untitled overview: the document opens (after its titles) with a
 * paragraph that says what happened, and no heading names a summary.
 */
function implicitSummary(tree: Root, headings: readonly SectionHeading[]): SectionHeading | undefined {
  if (headings.some((heading) => heading.ids.includes('summary'))) return undefined
  // An opening run of labelled lines (`Duration: ...`, `Impact: ...`) is
  // the overview itself, as in the assignment's Issue Summary.
  const firstKnown = headings.find((heading) => heading.ids.length > 0 && heading.kind !== 'label')
  let paragraphs = 0
  for (const [index, node] of tree.children.entries()) {
    if (firstKnown && index >= firstKnown.index) return undefined
    if (node.type === 'heading' || !hasContent(node)) continue
    if (node.type !== 'paragraph' || ++paragraphs > overviewParagraphs) return undefined
    const words = toString(node)
      .split(/\s+/)
      .filter((word) => /\p{L}/u.test(word))
    if (words.length < minimumOverviewWords) continue
    return {
      kind: 'implicit',
      text: '',
      ids: ['summary'],
      node,
      index,
      line: 0,
      level: 7,
      rest: true,
      position: node.position
    }
  }
  return undefined
}
