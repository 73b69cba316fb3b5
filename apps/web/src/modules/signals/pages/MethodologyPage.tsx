import { Anchor, Badge, Card, Code, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import type { MethodologyQuery } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { methodologyQuery } from '../graphql/methodology.query';
import classes from './MethodologyPage.module.css';

type Methodology = MethodologyQuery['methodology'];

/**
 * `/methodology`: how Assay computes its signals. Every word and number on this page
 * comes from the `methodology` query, which the API builds from the configuration the
 * scoring code runs with — so the page cannot drift from the code.
 */
export function MethodologyPage() {
  const { data, loading, error, refetch } = useQuery(methodologyQuery, { fetchPolicy: 'cache-first' });
  return (
    <QueryState loading={loading} error={error} data={data?.methodology} onRetry={() => void refetch()}>
      {(m) => <MethodologyContent m={m} />}
    </QueryState>
  );
}

function MethodologyContent({ m }: { m: Methodology }) {
  // The first two sections explain reading and weighting; the others follow the signals and flags.
  const [intro, rest] = [m.sections.slice(0, 2), m.sections.slice(2)];
  const constants = new Map(m.constants.map((c) => [c.path, c]));
  const contents = [
    ...intro.map((s) => ({ id: s.id, title: s.title })),
    { id: 'signals', title: 'The signals' },
    { id: 'flags', title: 'Integrity flags' },
    ...rest.map((s) => ({ id: s.id, title: s.title })),
    { id: 'constants', title: 'Every constant' },
  ];

  return (
    <>
      <PageHeader title={m.title} eyebrow={<Badge variant="light" w="fit-content">Methodology version {m.version}</Badge>} description={m.summary} />
      <div className={classes.layout}>
        <Paper component="nav" aria-label="On this page" withBorder p="md" bg="gray.0" className={classes.toc}>
          <Text fw={600} size="sm" mb={6}>
            On this page
          </Text>
          <List size="sm" spacing={4}>
            {contents.map((c) => (
              <List.Item key={c.id}>
                <Anchor href={`#${c.id}`} size="sm">
                  {c.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
        <Stack gap={48} className={classes.content}>
          {intro.map((section) => (
            <ProseSection key={section.id} section={section} />
          ))}

          <section aria-labelledby="signals">
            <Title order={2} id="signals" className={classes.anchor} mb="md">
              The signals
            </Title>
            <Stack gap="lg">
              {m.signals.map((s) => (
                <Card key={s.key} component="article" aria-labelledby={`signal-${s.key}`}>
                  <Stack gap="sm">
                    <div>
                      <Title order={3} id={`signal-${s.key}`} className={classes.anchor}>
                        {s.name}
                      </Title>
                      <Text fw={600} mt={4}>
                        {s.question}
                      </Text>
                      <Text size="sm" c="dimmed">
                        Scale: {s.scale}
                      </Text>
                    </div>
                    <Text>{s.description}</Text>
                    <div>
                      <Text size="sm" fw={600} mb={4}>
                        Formula
                      </Text>
                      <Code block className={classes.formula}>
                        {s.formula}
                      </Code>
                    </div>
                    {s.constants.length > 0 && (
                      <div>
                        <Text size="sm" fw={600} mb={4}>
                          Constants it uses
                        </Text>
                        <List size="sm" spacing={2}>
                          {s.constants.map((path) => (
                            <List.Item key={path}>
                              <Anchor href={`#constant-${path}`} size="sm">
                                <Code>{path}</Code>
                              </Anchor>{' '}
                              = {constants.get(path)?.value ?? '—'}
                            </List.Item>
                          ))}
                        </List>
                      </div>
                    )}
                    <div>
                      <Text size="sm" fw={600} mb={4}>
                        What would improve it
                      </Text>
                      <List size="sm" spacing={4}>
                        {s.improve.map((tip) => (
                          <List.Item key={tip}>{tip}</List.Item>
                        ))}
                      </List>
                    </div>
                  </Stack>
                </Card>
              ))}
            </Stack>
          </section>

          <section aria-labelledby="flags">
            <Title order={2} id="flags" className={classes.anchor} mb="xs">
              Integrity flags
            </Title>
            <Text mb="md">Flags are shown to buyers and to the vendor. Each states its effect on the weights.</Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {m.flags.map((f) => (
                <Card key={f.kind} component="article" aria-labelledby={`flag-${f.kind}`}>
                  <Stack gap={6}>
                    <Title order={3} id={`flag-${f.kind}`}>
                      {f.title}
                    </Title>
                    <Text size="sm">
                      <Text span fw={600} inherit>
                        Raised when:{' '}
                      </Text>
                      {f.trigger}
                    </Text>
                    <Text size="sm">
                      <Text span fw={600} inherit>
                        Severity:{' '}
                      </Text>
                      {f.severity}
                    </Text>
                    <Text size="sm">
                      <Text span fw={600} inherit>
                        Effect:{' '}
                      </Text>
                      {f.effect}
                    </Text>
                    <Text size="sm" c="dimmed" fs="italic">
                      Buyers read, for example: “{f.exampleSentence}”
                    </Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </section>

          {rest.map((section) => (
            <ProseSection key={section.id} section={section} />
          ))}

          <section aria-labelledby="constants">
            <Title order={2} id="constants" className={classes.anchor} mb="xs">
              Every constant
            </Title>
            <Text mb="md">The values the scoring code runs with, each with its meaning.</Text>
            <dl className={classes.constants}>
              {m.constants.map((c) => (
                <div key={c.path} id={`constant-${c.path}`} className={classes.constant}>
                  <dt>
                    <Code className={classes.path}>{c.path}</Code>
                    <Text span fw={700} ml="xs">
                      {c.value}
                    </Text>
                  </dt>
                  <dd>
                    <Text size="sm">{c.meaning}</Text>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </Stack>
      </div>
    </>
  );
}

function ProseSection({ section }: { section: Methodology['sections'][number] }) {
  return (
    <section aria-labelledby={section.id}>
      <Title order={2} id={section.id} className={classes.anchor} mb="sm">
        {section.title}
      </Title>
      <Stack gap="sm">
        {section.paragraphs.map((p) => (
          <Text key={p}>{p}</Text>
        ))}
      </Stack>
    </section>
  );
}
