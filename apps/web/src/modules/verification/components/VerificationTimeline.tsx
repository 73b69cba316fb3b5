import { Skeleton, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { formatDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { verificationTimelineQuery } from '../graphql/verification-timeline.query';
import { timelineEvents, type TimelineEvent } from './timeline-events';

const TONE_COLOR = { good: 'teal', warn: 'orange', bad: 'red' } as const;

function Bullet({ event }: { event: TimelineEvent }) {
  if (!event.done) return <IconCircleDashed size={14} aria-hidden />;
  if (event.tone === 'bad') return <IconX size={14} aria-hidden />;
  if (event.tone === 'warn') return <IconAlertTriangle size={14} aria-hidden />;
  return <IconCheck size={14} aria-hidden />;
}

/** Where a case study is in verification, step by step with dates. */
export function VerificationTimeline({ caseStudyId, headingLevel = 2 }: { caseStudyId: string; headingLevel?: 2 | 3 }) {
  const { data, loading, error, refetch } = useQuery(verificationTimelineQuery, { variables: { id: caseStudyId } });
  return (
    <Stack gap="sm" component="section" aria-labelledby={`timeline-${caseStudyId}`}>
      <Title order={headingLevel} size="h3" id={`timeline-${caseStudyId}`}>
        Verification status
      </Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} skeleton={<Skeleton height={160} />}>
        {(d) => {
          const events = timelineEvents(d);
          if (!events.length) {
            return (
              <Text size="sm" c="dimmed">
                Not submitted yet. Once submitted, each step of the verification shows here with its date.
              </Text>
            );
          }
          const lastDone = events.map((e) => e.done).lastIndexOf(true);
          return (
            <Timeline active={lastDone} bulletSize={22} lineWidth={2} role="list" aria-label="Verification steps">
              {events.map((event) => (
                <Timeline.Item
                  key={event.key}
                  role="listitem"
                  bullet={
                    <ThemeIcon size={22} radius="xl" variant={event.done ? 'filled' : 'default'} color={event.done ? (event.tone ? TONE_COLOR[event.tone] : 'indigo') : 'gray'}>
                      <Bullet event={event} />
                    </ThemeIcon>
                  }
                  title={
                    <Text size="sm" fw={600} c={event.done ? undefined : 'dimmed'}>
                      {event.title}
                    </Text>
                  }
                >
                  {event.description && (
                    <Text size="xs" c="dimmed">
                      {event.description}
                    </Text>
                  )}
                  <Text size="xs" c={event.done ? undefined : 'dimmed'} mt={2}>
                    {event.at ? formatDate(event.at) : event.done ? 'Date not shared' : 'Not yet'}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          );
        }}
      </QueryState>
    </Stack>
  );
}
