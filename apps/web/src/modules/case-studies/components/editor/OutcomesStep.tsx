import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { emptyOutcome, MAX_OUTCOMES, type CaseStudyForm } from './form-model';
import { OutcomeRow } from './OutcomeRow';

/** Step 2: one to ten measured outcomes. */
export function OutcomesStep({ form }: { form: CaseStudyForm }) {
  const outcomes = form.values.outcomes;
  const listError = form.errors.outcomes;

  const add = () => {
    form.insertListItem('outcomes', emptyOutcome());
    const index = outcomes.length;
    // Focus the new row's first field once it is rendered.
    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-outcome-metric="${index}"]`)?.focus(), 0);
  };
  const remove = (index: number) => {
    form.removeListItem('outcomes', index);
    setTimeout(() => document.querySelector<HTMLButtonElement>('[data-add-outcome]')?.focus(), 0);
  };

  return (
    <Stack gap="lg">
      {typeof listError === 'string' && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {listError}
        </Alert>
      )}
      {outcomes.map((row, index) => (
        <OutcomeRow key={row.key} form={form} index={index} canRemove={outcomes.length > 1} onRemove={() => remove(index)} />
      ))}
      <Group gap="sm">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={add}
          disabled={outcomes.length >= MAX_OUTCOMES}
          data-add-outcome
        >
          Add outcome
        </Button>
        <Text size="sm" c="dimmed">
          {outcomes.length >= MAX_OUTCOMES ? `At most ${MAX_OUTCOMES} outcomes: keep the ones that matter most.` : `${outcomes.length} of at most ${MAX_OUTCOMES}.`}
        </Text>
      </Group>
    </Stack>
  );
}
