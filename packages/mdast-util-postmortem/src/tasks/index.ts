import type {Postmortem} from '../model.js'
import {type FollowUps, findFollowUps} from './items.js'

export {
  type FollowUps,
  findFollowUps,
  followUpId,
  type MalformedListLine,
  malformedMarker,
  type Task,
  type TaskColumn,
  type TaskKind,
  type TaskText
} from './items.js'
export {cleanTask, type JudgeOptions, judgeTask, type TaskProblem, type TaskProblemKind} from './judge.js'
export {missingRequirements, type TaskRequirement, taskHas, taskRequirements} from './requirements.js'
export {findInSource} from './source.js'
export {type TaggedWord, tagFirstWords, taggerLoaded} from './tagger.js'
export {
  buildTaskVocabulary,
  defaultTaskVocabulary,
  type TaskVocabulary,
  type TaskVocabularyKey,
  taskVocabularyKeys
} from './verbs.js'

const cache = new WeakMap<Postmortem, FollowUps>()

/**
 * The follow-up tasks of a postmortem, found once per `Postmortem` and
 * shared by every rule that asks.
 */
export function getTasks(postmortem: Postmortem): FollowUps {
  let followUps = cache.get(postmortem)
  if (!followUps) {
    followUps = findFollowUps(postmortem)
    cache.set(postmortem, followUps)
  }
  return followUps
}
