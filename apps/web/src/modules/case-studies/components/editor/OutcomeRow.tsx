import { Button, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconTrash, IconTrendingUp } from '@tabler/icons-react';
import { DIRECTION, METHOD } from '../../../../ui/labels';
import type { CaseStudyForm } from './form-model';
import { assessClaim, describeImprovement } from './outcome-rule';

const DIRECTION_OPTIONS = [
  { value: '', label: 'Choose…', disabled: true },
  ...Object.entries(DIRECTION).map(([value, label]) => ({ value, label })),
];
const METHOD_OPTIONS = [
  { value: '', label: 'Choose…', disabled: true },
  ...Object.entries(METHOD).map(([value, label]) => ({ value, label })),
];

interface OutcomeRowProps {
  form: CaseStudyForm;
  index: number;
  canRemove: boolean;
  onRemove: () => void;
}

/** One claimed outcome: the metric, its direction, baseline → claimed value, and how it was measured. */
export function OutcomeRow({ form, index, canRemove, onRemove }: OutcomeRowProps) {
  const row = form.values.outcomes[index];
  const path = (field: string) => `outcomes.${index}.${field}`;
  const claim = assessClaim(row.baselineValue, row.claimedValue, row.direction);
  const claimedError = form.errors[path('claimedValue')];
  const hintId = `outcome-${row.key}-hint`;
  const showNote = row.measurementMethod === 'other' || row.methodNote !== '';
  // The claimed value's message depends on the direction and the baseline too: changing
  // either clears it (the live hint below says at once whether the claim now holds).
  const affectingClaim = (field: 'direction' | 'baselineValue') => {
    const props = form.getInputProps(path(field));
    return {
      ...props,
      onChange: (value: unknown) => {
        props.onChange(value);
        form.clearFieldError(path('claimedValue'));
      },
    };
  };

  return (
    <Fieldset legend={`Outcome ${index + 1}`}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label="Metric"
            description="e.g. Forecast error (WAPE)"
            maxLength={120}
            data-outcome-metric={index}
            {...form.getInputProps(path('metricName'))}
          />
          <TextInput label="Unit" description="e.g. %, ms, EUR per month" maxLength={40} {...form.getInputProps(path('unit'))} />
          <NativeSelect label="Direction" description="Which way is better" data={DIRECTION_OPTIONS} {...affectingClaim('direction')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <NumberInput label="Baseline" description="Before your work" decimalScale={6} {...affectingClaim('baselineValue')} />
          <NumberInput
            label="Claimed value"
            description="After your work"
            decimalScale={6}
            aria-describedby={hintId}
            {...form.getInputProps(path('claimedValue'))}
          />
          <TextInput label="Measured on" description="When the claimed value was measured" type="date" {...form.getInputProps(path('measuredAt'))} />
          <NativeSelect
            label="How it was measured"
            description="Reviewers check the method"
            data={METHOD_OPTIONS}
            {...form.getInputProps(path('measurementMethod'))}
          />
        </SimpleGrid>
        {showNote && (
          <Textarea
            label="Method note"
            description={row.measurementMethod === 'other' ? 'Required for “Other”: describe in a sentence how it was measured.' : 'Optional.'}
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps(path('methodNote'))}
          />
        )}
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          {/* Live hint: the same improvement rule as the server, so a wrong direction shows before Next. */}
          <Text id={hintId} size="sm" aria-live="polite" style={{ flex: '1 1 240px' }} component="div">
            {claim.kind === 'improvement' && (
              <Group gap={6} wrap="nowrap" align="flex-start" c="teal.9">
                <IconTrendingUp size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <span>{describeImprovement(claim, row.unit)}</span>
              </Group>
            )}
            {claim.kind === 'not_improvement' && !claimedError && (
              <Group gap={6} wrap="nowrap" align="flex-start" c="orange.9">
                <IconAlertTriangle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <span>Not an improvement. {claim.message}</span>
              </Group>
            )}
          </Text>
          {canRemove && (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              leftSection={<IconTrash size={14} aria-hidden />}
              aria-label={`Remove outcome ${index + 1}`}
              onClick={onRemove}
            >
              Remove
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
