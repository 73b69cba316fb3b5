// The reviewer's own words (a reference's answers, the rubric). Statuses, verdicts, outcome results,
// production and handover live in ui/labels.ts, shared by every page.

/** A reference's answer to "was this achieved?". */
export const ACHIEVED: Record<string, { label: string; color: string }> = {
  yes: { label: 'Yes', color: 'teal' },
  partly: { label: 'Partly', color: 'yellow' },
  no: { label: 'No', color: 'red' },
  cant_say: { label: 'Can’t say', color: 'gray' },
};

export const IN_PRODUCTION: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  dont_know: 'Doesn’t know',
};

/** The ML rubric: the questions a reviewer answers about how the claim was measured. */
export const RUBRIC_QUESTIONS = [
  { key: 'properBaseline', label: 'Was there a proper baseline?' },
  { key: 'heldOutOrOnlineEvaluation', label: 'Held-out or online evaluation?' },
  { key: 'leakageChecked', label: 'Was leakage checked?' },
  { key: 'monitoringInProduction', label: 'Is it monitored in production?' },
] as const;
export type RubricKey = (typeof RUBRIC_QUESTIONS)[number]['key'];

/** A rubric answer (true / false / null) in words. */
export function rubricAnswer(value: boolean | null | undefined): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return 'Not assessed';
}
