import type {Point, Position} from 'unist'
import type {SourceText} from '../lines.js'

/** Offset of a point in the document, by the one mapping of `SourceText` (`vfile-location`). */
export function offsetOf(source: SourceText, point: Point): number | undefined {
  if (typeof point.offset === 'number') return point.offset
  return source.offsetOf(point)
}

/** The point of an offset in the document. */
export function pointAt(source: SourceText, offset: number): Point {
  return source.pointOf(offset)
}

/**
 * Where `needle` is written between two points of the document: the first
 * match, ignoring case; `word` asks for whole words only.
 */
export function findInSource(
  source: SourceText | undefined,
  within: Position | undefined,
  needle: string,
  word = false
): Position | undefined {
  if (!source || !within || needle === '') return undefined
  const from = offsetOf(source, within.start)
  const to = offsetOf(source, within.end)
  if (from === undefined || to === undefined) return undefined
  const region = source.value.slice(from, to).toLowerCase()
  const wanted = needle.toLowerCase()
  let at = region.indexOf(wanted)
  while (at !== -1 && word && (isWordCharacter(region[at - 1]) || isWordCharacter(region[at + wanted.length]))) {
    at = region.indexOf(wanted, at + 1)
  }
  if (at === -1) return undefined
  return {start: pointAt(source, from + at), end: pointAt(source, from + at + wanted.length)}
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_]/u.test(character)
}
