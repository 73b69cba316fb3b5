import type { FormErrors } from '@mantine/form';
import type { ReferenceAnswerInput } from '../../../gql/graphql';

export interface AnswerValues {
  outcomes: Array<{ outcomeClaimId: string; achieved: string; observedValue: number | string }>;
  inProduction: string;
  handoverRating: string;
  onTime: string;
  onBudget: string;
  communication: string;
  wouldHireAgain: string;
  comments: string;
}

export function initialAnswers(outcomeIds: readonly string[]): AnswerValues {
  return {
    outcomes: outcomeIds.map((id) => ({ outcomeClaimId: id, achieved: '', observedValue: '' })),
    inProduction: '',
    handoverRating: '',
    onTime: '',
    onBudget: '',
    communication: '',
    wouldHireAgain: '',
    comments: '',
  };
}

function observed(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The required answers, checked before sending (the server checks the same). */
export function validateAnswers(values: AnswerValues): FormErrors {
  const errors: FormErrors = {};
  values.outcomes.forEach((o, i) => {
    if (!o.achieved) errors[`outcomes.${i}.achieved`] = 'Choose an answer — “Can’t say” is fine.';
    if (Number.isNaN(observed(o.observedValue))) errors[`outcomes.${i}.observedValue`] = 'Enter a number, or leave it empty.';
  });
  if (!values.inProduction) errors.inProduction = 'Choose an answer — “Don’t know” is fine.';
  if (!values.wouldHireAgain) errors.wouldHireAgain = 'Choose yes or no.';
  if (values.comments.length > 4000) errors.comments = 'At most 4,000 characters.';
  return errors;
}

const rating = (value: string) => (value ? Number(value) : null);

export function toAnswerInput(values: AnswerValues): ReferenceAnswerInput {
  return {
    outcomes: values.outcomes.map((o) => ({ outcomeClaimId: o.outcomeClaimId, achieved: o.achieved, observedValue: observed(o.observedValue) })),
    inProduction: values.inProduction,
    handoverRating: rating(values.handoverRating),
    onTime: rating(values.onTime),
    onBudget: rating(values.onBudget),
    communication: rating(values.communication),
    wouldHireAgain: values.wouldHireAgain === 'yes',
    comments: values.comments.trim(),
  };
}
