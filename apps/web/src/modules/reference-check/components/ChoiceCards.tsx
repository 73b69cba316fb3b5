import type { ReactNode } from 'react';
import { Button, Group, Radio, SimpleGrid, Text } from '@mantine/core';
import classes from './ChoiceCards.module.css';

export interface Choice {
  value: string;
  label: string;
  /** Accessible name when the visible label is not enough (e.g. "1 of 5: not at all"). */
  ariaLabel?: string;
}

interface ChoiceCardsProps {
  label: ReactNode;
  description?: ReactNode;
  choices: readonly Choice[];
  /** Columns on a phone; wider screens fit all choices on one row. */
  phoneColumns?: number;
  /** Numbers in square cards, without the radio circle (rating scales). */
  numeric?: boolean;
  /** From `form.getInputProps(path)`: value, onChange, error. */
  value?: string;
  onChange?: (value: string) => void;
  error?: ReactNode;
  footer?: ReactNode;
  /** From `form.getInputProps`: lets the form find (and focus) the group. */
  'data-path'?: string;
}

/**
 * One question as a radio group of big cards. The group is named by its label and
 * described by its description and error, so a screen reader reads the question
 * with each answer; arrow keys move between answers.
 */
export function ChoiceCards({ label, description, choices, phoneColumns = 2, numeric = false, value, onChange, error, footer, 'data-path': dataPath }: ChoiceCardsProps) {
  return (
    <Radio.Group label={label} description={description} value={value ?? ''} onChange={onChange} error={error} labelProps={{ fw: 600, fz: 'md' }} data-path={dataPath}>
      <SimpleGrid cols={{ base: phoneColumns, sm: choices.length }} spacing="xs" mt="xs">
        {choices.map((choice) => (
          <Radio.Card key={choice.value} value={choice.value} className={numeric ? `${classes.card} ${classes.number}` : classes.card} aria-label={choice.ariaLabel}>
            {numeric ? (
              <Text className={classes.label}>{choice.label}</Text>
            ) : (
              <Group gap={10} wrap="nowrap">
                <Radio.Indicator />
                <Text className={classes.label}>{choice.label}</Text>
              </Group>
            )}
          </Radio.Card>
        ))}
      </SimpleGrid>
      {footer}
    </Radio.Group>
  );
}

/** A 1–5 scale whose ends are named, e.g. "Not at all" … "Completely". */
export function RatingScale({ label, description, low, high, value, onChange, error, 'data-path': dataPath }: Omit<ChoiceCardsProps, 'choices' | 'numeric' | 'footer' | 'phoneColumns'> & { low: string; high: string }) {
  const choices = [1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    label: String(n),
    ariaLabel: n === 1 ? `1 of 5: ${low}` : n === 5 ? `5 of 5: ${high}` : `${n} of 5`,
  }));
  return (
    <ChoiceCards
      label={label}
      description={description}
      choices={choices}
      phoneColumns={5}
      numeric
      value={value}
      onChange={onChange}
      error={error}
      data-path={dataPath}
      footer={
        <>
          <Group justify="space-between" mt={6} gap="xs" wrap="nowrap" aria-hidden>
            <Text size="sm" c="dimmed">
              1 = {low}
            </Text>
            <Text size="sm" c="dimmed" ta="right">
              5 = {high}
            </Text>
          </Group>
          {/* Optional scales can be left unanswered again after a slip of the thumb. */}
          {value && onChange && (
            <Button variant="subtle" color="gray" size="compact-sm" fw={500} mt={4} px={4} onClick={() => onChange('')}>
              Clear this answer
            </Button>
          )}
        </>
      }
    />
  );
}
