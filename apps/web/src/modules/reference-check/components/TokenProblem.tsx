import { useEffect, useRef } from 'react';
import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconClockX, IconHourglassHigh, IconLinkOff } from '@tabler/icons-react';
import type { ErrorDescription } from '../../../ui/errors/describe-error';

/** What can be wrong with an emailed single-use link, said plainly, with what to do. */
export function tokenProblem(description: ErrorDescription, what: 'questionnaire' | 'check') {
  const thing = what === 'questionnaire' ? 'questionnaire' : 'question';
  switch (description.reason ?? description.code) {
    case 'TOKEN_USED':
      return {
        icon: <IconCircleCheck size={28} aria-hidden />,
        color: 'teal',
        title: 'Already answered',
        body: `This link has already been used to answer the ${thing}, so it does not work again. Thank you — there is nothing more to do.`,
      };
    case 'TOKEN_EXPIRED':
      return {
        icon: <IconClockX size={28} aria-hidden />,
        color: 'orange',
        title: 'This link has expired',
        body:
          what === 'questionnaire'
            ? 'Links work for 14 days. If you would still like to answer, tell the consultancy: they can ask Assay to send you a new link.'
            : 'Links work for 14 days. There is nothing you need to do.',
      };
    case 'LINK_CLOSED':
      return {
        icon: <IconLinkOff size={28} aria-hidden />,
        color: 'gray',
        title: what === 'questionnaire' ? 'This questionnaire is closed' : 'This check is closed',
        body: description.message,
      };
    case 'RATE_LIMITED': {
      const minutes = description.retryAfterSeconds ? Math.max(1, Math.ceil(description.retryAfterSeconds / 60)) : null;
      return {
        icon: <IconHourglassHigh size={28} aria-hidden />,
        color: 'gray',
        title: 'Too many attempts',
        body: `Too many links were opened from your network in a short time. Please try again${minutes ? ` in ${minutes} minute${minutes === 1 ? '' : 's'}` : ' a little later'}.`,
      };
    }
    case 'INVALID_TOKEN':
    case 'NOT_FOUND':
      return {
        icon: <IconLinkOff size={28} aria-hidden />,
        color: 'red',
        title: 'This link does not work',
        body: 'It may be incomplete — some mail apps split long links. Open the link straight from the email, or copy all of it into the address bar.',
      };
    default:
      return null;
  }
}

/** A whole page for a link that cannot be used (expired, used, closed, unknown, rate-limited). */
export function TokenProblemPage({ problem }: { problem: NonNullable<ReturnType<typeof tokenProblem>> }) {
  useDocumentTitle(`${problem.title} · Assay`);
  const heading = useRef<HTMLHeadingElement>(null);
  // The page can replace a form after a failed send: move the reader to the news.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="md" maw={560} mx="auto" py="xl">
      <ThemeIcon size={56} radius="xl" variant="light" color={problem.color}>
        {problem.icon}
      </ThemeIcon>
      <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {problem.title}
      </Title>
      <Text size="lg">{problem.body}</Text>
    </Stack>
  );
}
