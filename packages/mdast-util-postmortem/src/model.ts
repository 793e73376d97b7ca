import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {SectionHeading} from './headings.js'
import {SourceText} from './lines.js'
import type {Profile} from './profiles.js'
import {findSections, type Section} from './sections.js'

/** What the rules know about a postmortem. */
export interface Postmortem {
  readonly tree: Root
  /** The document's text, when it was given. */
  readonly source: SourceText | undefined
  readonly profile: Profile
  /** Every place that starts a section, known or not, in document order. */
  readonly headings: readonly SectionHeading[]
  /** The sections that name a known concept, in document order. */
  readonly sections: readonly Section[]
  /**
   * Whether the document reads as a postmortem at all: it names at least two
   * of the profile's sections, or one and has some body, and it is not a text
   * that tells what a postmortem must contain (see `describesPostmortem`). A
   * link, a stub or an assignment's text does not.
   */
  readonly looksLikePostmortem: boolean
  /**
   * Whether the document tells what a postmortem must contain instead of
   * being one, as an assignment's text does: most of its section lines say
   * what the section must contain (`Timeline must contain:`), two at least.
   */
  readonly describesPostmortem: boolean
  /** Words of text in the document. */
  readonly wordCount: number
  /** The sections that stand for `id`, in document order. */
  sectionsOf(id: string): Section[]
  /** The nodes of every section that stands for `id`, in document order. */
  nodesOf(id: string): RootContent[]
}

const cache = new WeakMap<Root, Map<Profile, Postmortem>>()

/**
 * The postmortem model of a tree, computed once per tree and profile and
 * shared by every rule that asks. Pass the file (or its text) so that lines
 * inside paragraphs get exact columns.
 */
export function getPostmortem(tree: Root, profile: Profile, source?: string | {value?: unknown}): Postmortem {
  let byProfile = cache.get(tree)
  if (!byProfile) {
    byProfile = new Map()
    cache.set(tree, byProfile)
  }
  let postmortem = byProfile.get(profile)
  if (!postmortem) {
    postmortem = buildPostmortem(tree, profile, sourceText(source))
    byProfile.set(profile, postmortem)
  }
  return postmortem
}

function sourceText(source: string | {value?: unknown} | undefined): SourceText | undefined {
  if (typeof source === 'string') return new SourceText(source)
  if (source && (typeof source.value === 'string' || source.value instanceof Uint8Array)) {
    return new SourceText(String(source.value))
  }
  return undefined
}

function buildPostmortem(tree: Root, profile: Profile, source: SourceText | undefined): Postmortem {
  const {headings, sections} = findSections(tree, profile, source)
  const named = new Set(
    sections
      .filter((section) => section.heading.kind !== 'implicit')
      .flatMap((section) => section.ids)
      .filter((id) => profile.sections.some((spec) => spec.id === id))
  )
  // Counting words reads the whole text: only when the answer needs it.
  let wordCount: number | undefined
  const countWords = () => {
    wordCount ??= toString(tree)
      .split(/\s+/)
      .filter((word) => /[\p{L}\p{N}]/u.test(word)).length
    return wordCount
  }
  const describesPostmortem = describesSections(sections)
  const looksLikePostmortem =
    !describesPostmortem && (named.size >= 2 || (named.size === 1 && countWords() >= minimumBodyWords))
  // Sections by id, once: rules ask for them per section and per entry.
  const byId = new Map<string, Section[]>()
  for (const section of sections) {
    for (const id of new Set(section.ids)) {
      const list = byId.get(id)
      if (list) list.push(section)
      else byId.set(id, [section])
    }
  }
  return {
    tree,
    source,
    profile,
    headings,
    sections,
    looksLikePostmortem,
    describesPostmortem,
    get wordCount() {
      return countWords()
    },
    sectionsOf(id) {
      // A copy: callers may change what they get.
      return [...(byId.get(id) ?? [])]
    },
    nodesOf(id) {
      const nodes = new Set<RootContent>()
      for (const section of byId.get(id) ?? []) for (const node of section.nodes) nodes.add(node)
      return [...nodes]
    }
  }
}

const minimumBodyWords = 80

/** A section line that states a requirement: `Root cause and resolution must contain`. */
const requirement = /\b(?:must|should)\s+(?:contain|include|cover)\b/i

/**
 * Whether most section lines (two at least) state what the section must
 * contain: the text describes a postmortem, as an assignment does.
 */
function describesSections(sections: readonly Section[]): boolean {
  let written = 0
  let requirements = 0
  for (const section of sections) {
    if (section.heading.kind === 'implicit') continue
    written++
    if (requirement.test(section.heading.text)) requirements++
  }
  return requirements >= 2 && requirements * 2 >= written
}
