import {conceptAliases} from './vocabulary.js'

/** One section a profile knows about. */
export interface SectionSpec {
  /** Canonical id (`summary`, `timeline`, `root-cause`, ...). */
  readonly id: string
  /** Heading text as the profile's template writes it (`Issue Summary`). */
  readonly title: string
  /** Other heading texts that stand for this section. */
  readonly aliases: readonly string[]
  /** Whether the template requires the section. */
  readonly required: boolean
}

/** A postmortem template: its sections in the order it expects them. */
export interface Profile {
  readonly id: string
  readonly name: string
  readonly sections: readonly SectionSpec[]
  /**
   * The titles of every known concept, by id: those of concepts the
   * sections do not list still end the section before them.
   */
  readonly concepts: Readonly<Record<string, readonly string[]>>
  /**
   * The hint titles of every concept (`Detailed Analysis` for a root
   * cause), by id; every language's when not given.
   */
  readonly hints?: Readonly<Record<string, readonly string[]>> | undefined
}

/** A section as a user writes it in configuration. */
export interface SectionSpecInput {
  id: string
  title?: string | undefined
  aliases?: readonly string[] | undefined
  /** Names of the vocabulary this section must not answer to. */
  removeAliases?: readonly string[] | undefined
  required?: boolean | undefined
}

/** A user's own profile: a list of sections, or a built-in one extended. */
export interface ProfileInput {
  id?: string | undefined
  name?: string | undefined
  extends?: ProfileId | undefined
  /** The languages whose section names are read (default: every one). */
  languages?: readonly string[] | undefined
  sections: readonly SectionSpecInput[]
}

export type ProfileId = 'generic' | 'holberton' | 'google-sre' | 'pagerduty' | 'atlassian'

function spec(id: string, title: string, required: boolean, extra: readonly string[] = []): SectionSpec {
  return {id, title, required, aliases: [...(conceptAliases[id] ?? []), ...extra]}
}

export const profiles: Readonly<Record<ProfileId, Profile>> = {
  generic: {
    id: 'generic',
    name: 'Generic postmortem',
    concepts: conceptAliases,
    sections: [
      spec('summary', 'Summary', true),
      spec('impact', 'Impact', true),
      spec('timeline', 'Timeline', true),
      spec('root-cause', 'Root Cause', true),
      spec('resolution', 'Resolution', true),
      spec('action-items', 'Action Items', true),
      spec('lessons-learned', 'Lessons Learned', false),
      spec('detection', 'Detection', false),
      spec('trigger', 'Trigger', false)
    ]
  },
  holberton: {
    id: 'holberton',
    name: 'Holberton/ALX 0x19 postmortem assignment',
    concepts: conceptAliases,
    sections: [
      spec('summary', 'Issue Summary', true),
      spec('impact', 'Impact', false),
      spec('timeline', 'Timeline', true),
      spec('root-cause', 'Root Cause', true),
      spec('resolution', 'Resolution', true),
      spec('action-items', 'Corrective and Preventative Measures', true),
      spec('lessons-learned', 'Lessons Learned', false)
    ]
  },
  'google-sre': {
    id: 'google-sre',
    name: 'Google SRE book postmortem template',
    concepts: conceptAliases,
    sections: [
      spec('summary', 'Summary', true),
      spec('impact', 'Impact', true),
      spec('root-cause', 'Root Causes', true),
      spec('trigger', 'Trigger', true),
      spec('resolution', 'Resolution', true),
      spec('detection', 'Detection', true),
      spec('action-items', 'Action Items', true),
      spec('lessons-learned', 'Lessons Learned', true),
      spec('timeline', 'Timeline', true)
    ]
  },
  pagerduty: {
    id: 'pagerduty',
    name: 'PagerDuty postmortem template',
    concepts: conceptAliases,
    sections: [
      spec('summary', 'Overview', true),
      spec('root-cause', 'Contributing Factors', true),
      spec('resolution', 'Resolution', true),
      spec('impact', 'Impact', true),
      spec('responders', 'Responders', false),
      spec('timeline', 'Timeline', true),
      spec('lessons-learned', "How'd We Do?", false, ["how'd we do"]),
      spec('action-items', 'Action Items', true),
      spec('messaging', 'Messaging', false)
    ]
  },
  atlassian: {
    id: 'atlassian',
    name: 'Atlassian incident postmortem template',
    concepts: conceptAliases,
    sections: [
      spec('summary', 'Incident Summary', true),
      spec('leadup', 'Leadup', false),
      spec('fault', 'Fault', false),
      spec('impact', 'Impact', true),
      spec('detection', 'Detection', true),
      spec('response', 'Response', false),
      spec('resolution', 'Recovery', true),
      spec('timeline', 'Timeline', true),
      spec('root-cause', 'Five Whys', true, ['root cause identification']),
      spec('lessons-learned', 'Lessons Learned', false),
      spec('action-items', 'Follow-up Tasks', true)
    ]
  }
}

export const profileIds = Object.keys(profiles) as ProfileId[]
