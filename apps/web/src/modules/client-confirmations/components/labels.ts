import type { ClientAnswerKind } from '../../../gql/graphql';

/** What a client organisation can say about a case study that names it, in the words buyers read. */
export const CLIENT_ANSWER: Record<ClientAnswerKind, { label: string; button: string; color: string }> = {
  worked_with: { label: 'Confirmed by the client', button: 'We worked with them', color: 'teal' },
  did_not_work_with: { label: 'Denied by the client', button: 'We did not work with them', color: 'red' },
  outcome_wrong: { label: 'Outcome disputed by the client', button: 'The outcome stated is wrong', color: 'orange' },
};
