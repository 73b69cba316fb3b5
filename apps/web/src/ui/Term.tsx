import { useId, type ReactNode } from 'react';
import { Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';

/** Plain-word explanations of the statistical terms the pages use, in one place. */
export const TERMS = {
  interval: 'The range the true value lies in with 90% probability, given the evidence so far. A wide bar means Assay does not know much yet.',
  estimate: 'Assay’s best single guess (the posterior mean): thin evidence is pulled toward the market average.',
  cautious: 'The low end of the 90% range. Ranking by it puts a long verified record ahead of one lucky project.',
  sources: 'How many fully trusted, recent, independent pieces of evidence the record is worth (weaker or older evidence counts for less).',
  verified: 'An independent reviewer, drawn at random by Assay, checked the evidence and recorded what was actually achieved.',
} as const;
export type TermKey = keyof typeof TERMS;

/**
 * A statistical term with its meaning one hover, focus or tap away. The meaning is also
 * the term's accessible description, so screen readers hear it without the tooltip.
 */
export function Term({ term, children }: { term: TermKey; children: ReactNode }) {
  const id = useId();
  return (
    <>
      <Tooltip label={TERMS[term]} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
        <UnstyledButton
          component="span"
          role="button"
          tabIndex={0}
          aria-describedby={id}
          style={{ font: 'inherit', color: 'inherit', textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}
        >
          {children}
        </UnstyledButton>
      </Tooltip>
      <VisuallyHidden id={id}>{TERMS[term]}</VisuallyHidden>
    </>
  );
}
