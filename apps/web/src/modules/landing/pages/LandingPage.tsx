import type { ReactNode } from 'react';
import { Badge, Box, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconArrowRight,
  IconChartDots,
  IconCircleCheck,
  IconLayoutColumns,
  IconRosetteDiscountCheck,
  IconShieldCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../accounts/hooks/use-current-user';
import classes from './LandingPage.module.css';

function Feature({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Card component="article" h="100%">
      <Stack gap="sm">
        <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={3}>{title}</Title>
        <Text c="dimmed">{children}</Text>
      </Stack>
    </Card>
  );
}

const STEPS = [
  {
    title: 'Claims become structured',
    text: 'A case study states its outcomes as metrics with a baseline, a claimed value and a date, and says whether the system reached production and who runs it now.',
  },
  {
    title: 'Claims meet evidence',
    text: 'Past clients answer a short questionnaire through a single-use link, and independent reviewers record what was actually verified — which may differ from what was claimed.',
  },
  {
    title: 'Evidence becomes signals',
    text: 'Each signal is an estimate with a range, so one glowing review never outranks thirty verified projects — and every signal shows which evidence moved it.',
  },
  {
    title: 'The record is tamper-evident',
    text: 'Every verdict is appended to a public, append-only log, so anyone can check that no verification was silently edited or deleted.',
  },
];

/** `/`: what Assay does for buyers and for consultancies, with the ways in. */
export function LandingPage() {
  useDocumentTitle('Assay · Choose ML consultancies by verified delivery');
  const { me } = useCurrentUser();

  return (
    <Stack gap={0}>
      <section className={classes.hero} aria-labelledby="landing-title">
        <Stack gap="lg">
          <Badge variant="light" size="lg" w="fit-content">
            For companies hiring ML and AI consultancies
          </Badge>
          <Title order={1} id="landing-title" className={classes.heroTitle}>
            Choose ML consultancies by what they verifiably delivered
          </Title>
          <Text className={classes.lead}>
            Every consultancy shows the same logos and the same “30% uplift”. Assay checks those claims against evidence
            and past clients, and shows you what held up — with honest uncertainty where the evidence is thin.
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/consultancies" size="md" rightSection={<IconArrowRight size={18} aria-hidden />}>
              Browse consultancies
            </Button>
            {me ? (
              <Button component={Link} to="/organizations" size="md" variant="default">
                Go to your organizations
              </Button>
            ) : (
              <Button component={Link} to="/sign-up" size="md" variant="default">
                List your consultancy
              </Button>
            )}
          </Group>
        </Stack>
      </section>

      <section className={classes.section} aria-labelledby="buyers-title">
        <Stack gap="lg">
          <div>
            <Title order={2} id="buyers-title">
              For buyers
            </Title>
            <Text c="dimmed" mt={4}>
              Find a partner who ships production systems your team can run — not a notebook thrown over the wall.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Feature icon={<IconRosetteDiscountCheck size={22} />} title="Verified outcomes">
              Read outcomes that independent reviewers and the consultancy’s past clients have checked, next to what was
              originally claimed.
            </Feature>
            <Feature icon={<IconChartDots size={22} />} title="Honest uncertainty">
              Signals come with a range. Thin evidence ranks conservatively, so a single glowing review cannot outshine a
              long verified track record.
            </Feature>
            <Feature icon={<IconLayoutColumns size={22} />} title="Compare side by side">
              Filter by capability, industry and region, then compare consultancies on delivery, claim accuracy and how
              long their systems stay in production.
            </Feature>
          </SimpleGrid>
        </Stack>
      </section>

      <section className={classes.section} aria-labelledby="vendors-title">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Stack gap="md">
            <Title order={2} id="vendors-title">
              For consultancies
            </Title>
            <Text c="dimmed">
              If your work holds up, Assay lets you prove it. Earn trust with verified delivery instead of competing on
              marketing claims.
            </Text>
            <List
              spacing="sm"
              icon={
                <ThemeIcon color="teal" size={22} radius="xl" variant="light" aria-hidden>
                  <IconCircleCheck size={16} />
                </ThemeIcon>
              }
            >
              <List.Item>Publish case studies with structured, measurable outcomes.</List.Item>
              <List.Item>Nominate client references who confirm what you delivered.</List.Item>
              <List.Item>See your signals, what moved them, and reply to any verdict.</List.Item>
            </List>
            <div>
              <Button component={Link} to={me ? '/organizations' : '/sign-up'} variant="light" leftSection={<IconUsersGroup size={18} aria-hidden />}>
                {me ? 'Set up your consultancy' : 'Create a free account'}
              </Button>
            </div>
          </Stack>
          <Card bg="gray.0" withBorder>
            <Stack gap="md">
              <Group gap="xs">
                <IconShieldCheck size={20} aria-hidden color="var(--mantine-color-indigo-8)" />
                <Title order={3}>How verification works</Title>
              </Group>
              <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
                {STEPS.map((step, index) => (
                  <Group component="li" key={step.title} gap="sm" align="flex-start" wrap="nowrap">
                    <span className={classes.stepNumber} aria-hidden>
                      {index + 1}
                    </span>
                    <Box>
                      <Text fw={600}>{step.title}</Text>
                      <Text size="sm" c="dimmed">
                        {step.text}
                      </Text>
                    </Box>
                  </Group>
                ))}
              </Stack>
            </Stack>
          </Card>
        </SimpleGrid>
      </section>
    </Stack>
  );
}
