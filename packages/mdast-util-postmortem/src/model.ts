import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {type BlockTexts, incidentEvidence, wordsOf} from './evidence.js'
import type {SectionHeading} from './headings.js'
import {SourceText, sourceOfFile} from './lines.js'
import type {Profile} from './profiles.js'
import {findSections, type Section} from './sections.js'

/**
 * Why a document does not read as a postmortem:
 * - `stub`: too little text (a link, a title, a line), and not the
 *   sections of a postmortem still to be written;
 * - `assignment`: it says what each section must contain, as an
 *   assignment's text does, and tells of no incident;
 * - `no-incident`: it tells of no incident at all: no time, date or
 *   duration, and either it speaks of postmortems in general (a guide to
 *   writing them) or hardly a sentence tells of something that happened
 *   and fewer than two sections are titled.
 */
export type NotPostmortemReason = 'stub' | 'assignment' | 'no-incident'

/** What the rules know about a postmortem. */
export interface Postmortem {
  readonly tree: Root
  /** The document's text, when it was given. */
  readonly source: SourceText | undefined
  readonly profile: Profile
  /** Every title, known or not, in document order: the outline. */
  readonly headings: readonly SectionHeading[]
  /** The sections that stand for a known concept, in document order. */
  readonly sections: readonly Section[]
  /**
   * Whether the document reads as a postmortem at all, decided by what it
   * tells (an incident, with times and events), not by its section names.
   */
  readonly looksLikePostmortem: boolean
  /** Why it does not read as a postmortem, when it does not. */
  readonly notPostmortem: NotPostmortemReason | undefined
  /**
   * Whether the document tells what a postmortem must contain instead of
   * being one, as an assignment does: most of its section titles say what
   * the section must contain (`Timeline must contain:`), two at least.
   */
  readonly describesPostmortem: boolean
  /** Words of text in the document (front matter left out). */
  readonly wordCount: number
  /** The sections that stand for `id`, in document order. */
  sectionsOf(id: string): Section[]
  /** The nodes of every section that stands for `id`, in document order. */
  nodesOf(id: string): RootContent[]
  /** The content of any title, known or not, clipped to its section (see `Section.nodes`). */
  contentOf(heading: SectionHeading): RootContent[]
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
  return source ? sourceOfFile(source) : undefined
}

const minimumWords = 25

/**
 * The text of each block of a document (front matter left out), each made
 * when first read, and the whole text, blocks joined by line breaks.
 */
class DocumentText implements BlockTexts {
  readonly #blocks: readonly RootContent[]
  readonly #texts: Array<string | undefined>
  #whole: string | undefined
  #words: number | undefined

  constructor(tree: Root) {
    this.#blocks = tree.children.filter((node) => node.type !== 'yaml' && (node.type as string) !== 'toml')
    this.#texts = new Array(this.#blocks.length)
  }

  get length(): number {
    return this.#blocks.length
  }

  at(index: number): string {
    let text = this.#texts[index]
    if (text === undefined) {
      text = toString(this.#blocks[index])
      this.#texts[index] = text
    }
    return text
  }

  whole(): string {
    if (this.#whole === undefined) {
      const texts: string[] = []
      for (let index = 0; index < this.#blocks.length; index++) texts.push(this.at(index))
      this.#whole = texts.join('\n')
    }
    return this.#whole
  }

  /** Words of the whole text. */
  words(): number {
    if (this.#words === undefined) {
      let words = 0
      for (let index = 0; index < this.#blocks.length; index++) words += wordsOf(this.at(index))
      this.#words = words
    }
    return this.#words
  }
}

function buildPostmortem(tree: Root, profile: Profile, source: SourceText | undefined): Postmortem {
  const outline = findSections(tree, profile, source)
  const {headings, sections} = outline
  const texts = new DocumentText(tree)
  const evidence = incidentEvidence(texts, minimumWords)
  const describesPostmortem = describesSections(sections) && evidence.moments === 0
  // A skeleton (the sections of a postmortem, nearly empty) is a postmortem still to be written.
  const titled = new Set(
    sections.filter((section) => section.heading.kind !== 'implicit').flatMap((section) => section.ids)
  )
  // No time, date or duration at all: a text about postmortems in general
  // (a guide), or one that tells hardly any event and lays out fewer than
  // two sections (a skeleton of sections is a postmortem still to write).
  const noIncident =
    evidence.moments === 0 &&
    (mentionsOfPostmortems(texts.whole()) >= guideMentions || (evidence.events < minimumEvents && titled.size < 2))
  const notPostmortem: NotPostmortemReason | undefined =
    evidence.words < minimumWords
      ? titled.size < 2
        ? 'stub'
        : undefined
      : describesPostmortem
        ? 'assignment'
        : noIncident
          ? 'no-incident'
          : undefined
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
    looksLikePostmortem: notPostmortem === undefined,
    notPostmortem,
    describesPostmortem,
    get wordCount() {
      return texts.words()
    },
    sectionsOf(id) {
      // A copy: callers may change what they get.
      return [...(byId.get(id) ?? [])]
    },
    nodesOf(id) {
      const nodes = new Set<RootContent>()
      for (const section of byId.get(id) ?? []) for (const node of section.nodes) nodes.add(node)
      return [...nodes]
    },
    contentOf(heading) {
      return outline.contentOf(heading)
    }
  }
}

const minimumEvents = 2
/** Mentions of postmortems that, in a text with no time in it, make it a text about writing them. */
const guideMentions = 3

/** How often a text names postmortems (`postmortem`, `post-mortems`, `post mortem`), up to `guideMentions`. */
function mentionsOfPostmortems(text: string): number {
  let count = 0
  for (const _ of text.matchAll(/\bpost[- ]?mortems?\b/gi)) if (++count >= guideMentions) break
  return count
}

/** A section title that states a requirement: `Root cause and resolution must contain`. */
const requirement = /\b(?:must|should)\s+(?:contain|include|cover)\b/i

/**
 * Whether most section titles (two at least) state what the section must
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
