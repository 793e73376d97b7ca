/**
 * The names writers give postmortem sections, as data: one file per
 * language under `vocabulary/`, each with `titles` (a title that names the
 * concept by itself) and `hints` (a title that names it only when the
 * section's content bears it out, such as `Detailed Analysis` full of
 * causes). Texts are written as people write them; they are normalized (see
 * `normalizeLabel`) before matching, so case, accents, plurals and
 * numbering do not matter.
 */
import de from './vocabulary/de.json' with {type: 'json'}
import en from './vocabulary/en.json' with {type: 'json'}
import es from './vocabulary/es.json' with {type: 'json'}
import fr from './vocabulary/fr.json' with {type: 'json'}
import pt from './vocabulary/pt.json' with {type: 'json'}

/** One language's section names. */
export interface SectionVocabulary {
  readonly language: string
  readonly titles: Readonly<Record<string, readonly string[]>>
  readonly hints: Readonly<Record<string, readonly string[]>>
}

/** The languages read by default, English first. */
export const vocabularies: readonly SectionVocabulary[] = [en, de, es, fr, pt]

/** The language codes there is a vocabulary for. */
export const languages: readonly string[] = vocabularies.map((vocabulary) => vocabulary.language)

export function merge(key: 'titles' | 'hints', from: readonly SectionVocabulary[]): Record<string, string[]> {
  const merged: Record<string, string[]> = {}
  for (const vocabulary of from) {
    for (const [id, texts] of Object.entries(vocabulary[key])) {
      const list = merged[id] ?? []
      merged[id] = list
      for (const text of texts) if (!list.includes(text)) list.push(text)
    }
  }
  return merged
}

/** The vocabularies of the given languages (every one when none is given). */
export function vocabulariesOf(codes: readonly string[] | undefined): readonly SectionVocabulary[] {
  if (codes === undefined) return vocabularies
  return vocabularies.filter((vocabulary) => codes.includes(vocabulary.language))
}

/** The titles of every concept, in every language read by default. */
export const conceptAliases: Readonly<Record<string, readonly string[]>> = merge('titles', vocabularies)

/** The hint titles of every concept, in every language read by default. */
export const conceptHints: Readonly<Record<string, readonly string[]>> = merge('hints', vocabularies)
