/**
 * Which UI texts every frame downloads (core) and which a frame fetches only the first time it
 * shows one (rare). The build splits each language by this table (vite.config.ts); the app does
 * not ship it: a key missing from the core texts is a rare one.
 *
 * The rule. **Core**: what a healthy frame shows, in every branch, after every ordinary action of
 * the agent (switching branch, typing in a box, picking a depth, Insert, Apply, Undo, the
 * overwrite question) and in every configuration (each member source, macros, links, the audit
 * note). **Rare**: what appears only when something went wrong (a Zendesk failure, a setting that
 * is missing or broken, input that is refused, a value the settings do not know, a page opened
 * outside Zendesk), the settings' labels (named only in settings problems), and the texts of a
 * feature that loads as its own chunk (the article comparison). A text no view shows today is
 * rare too (listed last).
 *
 * An entry is a key, or a prefix ending in `*`. The most specific entry that matches a key decides
 * (the key itself over any prefix, a longer prefix over a shorter one). The build refuses a key no
 * entry matches; tests/i18n.test.ts checks the table and that a healthy frame of every scenario
 * uses core texts only.
 */
export const TEXT_SPLIT = {
  core: [
    'loading',
    'requester',
    'noRequester',
    'unnamedRequester',
    'statusPending',
    'status_*',
    'evidence_*',
    'memberNotApplicable',
    'branch*',
    'switchBranch',
    'reason_*',
    'who_*',
    'step_*',
    'empathy*',
    'insert',
    'inserted',
    'includeInApply',
    'viaMacro',
    'answerDirectlyHelp',
    'process*',
    'identity*',
    'phone*',
    'consultation*',
    'verificationOnly',
    'contentKnown',
    'depth*',
    'loadingFields',
    'agentPicksDepth',
    'apply',
    'applying',
    'applyWillInsert',
    'undo',
    'confirmOverwrite',
    'overwrite',
    'keepValue',
    'blocker_*',
    'notice_*',
    'link*',
    // The audit note's state beside Apply: pending until the save, then written.
    'auditNote_*',
    // Shown with error notices only, but core so the notice's button keeps its label even when
    // the rare texts cannot be downloaded.
    'retry',
  ],
  rare: [
    'notInZendesk',
    // Zendesk failures, as sentences.
    'fail*',
    'notice_failed*',
    'notice_rateLimited',
    // Settings: problems, their labels, and what the sidebar cannot do without them.
    'setting_*',
    'label:*',
    'notice_settingsBroken',
    'blocker_settingsBroken',
    'blocker_consultationNotConfigured',
    'blocker_fieldsFailed',
    'blocker_fieldMissing',
    'blocker_notDropdown',
    'blocker_optionMissing',
    // A status the settings cannot decide (the field is missing, a value they do not know).
    'status_unknown',
    'reason_status_unknown',
    'who_unknown',
    'evidence_field_missing',
    'evidence_field_unknown_value',
    // Input refused or doubtful beyond a typo.
    'notice_rrnRefused',
    'reason_rrn_refused',
    'reason_phone_foreign',
    'reason_phone_legacy_prefix',
    // The audit note: its chunk waits for these before it builds the note; and why none was written.
    'note_*',
    'auditNote_failed',
    'auditNote_no_ticket',
    // Never shown by today's views: the Apply bar hides "nothing to do" and is not there while
    // the status is read; Apply waits for every
    // identity check (so no note says "not checked") and the form shows no "enter …" for an
    // empty box; the sidebar asks branch 4's questions in branch 4 only, shows no branch to a
    // member, always tells the procedure whether it is "verification only", and a failed earlier
    // guide outranks a failing verification; the empathy and identity steps have titles of their
    // own. tests/i18n-core.test.tsx fails if a healthy frame starts showing one.
    'blocker_nothingToDo',
    'blocker_statusPending',
    'reason_name_empty',
    'reason_birth_date_empty',
    'reason_phone_empty',
    'reason_person_not_confirmed',
    'reason_member_branch_ignored',
    'reason_consultation_verification_only_assumed',
    'reason_empathy_verification_failing',
    'step_empathy',
    'step_identity_check',
  ],
} as const satisfies Record<TextClass, readonly string[]>

export type TextClass = 'core' | 'rare'

/** How specific an entry is for a key: -1 when it does not match. */
function specificity(entry: string, key: string): number {
  if (entry === key) return Infinity
  return entry.endsWith('*') && key.startsWith(entry.slice(0, -1)) ? entry.length - 1 : -1
}

/** The class of a key by {@link TEXT_SPLIT}; undefined when no entry matches it. */
export function textClass(key: string): TextClass | undefined {
  let best: { at: number; class: TextClass } | undefined
  for (const textClass of ['core', 'rare'] as const) {
    for (const entry of TEXT_SPLIT[textClass]) {
      const at = specificity(entry, key)
      if (at >= 0 && (!best || at > best.at)) best = { at, class: textClass }
    }
  }
  return best?.class
}
