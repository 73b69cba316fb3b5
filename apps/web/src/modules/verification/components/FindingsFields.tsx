import { Fieldset, Group, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DIRECTION, HANDOVER, OUTCOME_RESULT, OUTCOME_RESULTS, PRODUCTION_STATUS } from '../../../ui/labels';
import { RUBRIC_QUESTIONS } from './labels';
import { claimRange, formatShare, previewShare } from './outcome-format';
import { toNumberOrNull, valueRequired, type ClaimForFinding, type FindingsValues } from './verdict-form-model';

interface FindingsFieldsProps {
  form: UseFormReturnType<FindingsValues>;
  claims: readonly ClaimForFinding[];
  /** Prefix for element ids, so two forms on one page do not clash. */
  idPrefix: string;
}

/**
 * What a reviewer records (and an admin corrects in an amendment): a result and a verified
 * value per outcome, production status, handover, and the ML rubric with notes.
 */
export function FindingsFields({ form, claims, idPrefix }: FindingsFieldsProps) {
  return (
    <Stack gap="lg">
      {claims.map((claim, index) => (
        <OutcomeFinding key={claim.id} form={form} claim={claim} index={index} idPrefix={idPrefix} />
      ))}

      <Fieldset legend="Production and handover">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Radio.Group label="Production status" description="What you could confirm, not what was claimed." {...form.getInputProps('productionStatus')}>
            <Stack gap="xs" mt="xs">
              {Object.entries(PRODUCTION_STATUS).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label="Handover: who runs it now?" {...form.getInputProps('handover')}>
            <Stack gap="xs" mt="xs">
              {Object.entries(HANDOVER).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Stack>
          </Radio.Group>
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="ML rubric">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            How sound was the measurement behind the claims? Answer “Not assessed” when the evidence does not show it.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {RUBRIC_QUESTIONS.map((q) => (
              <Radio.Group key={q.key} label={q.label} {...form.getInputProps(`rubric.${q.key}`)}>
                <Group gap="md" mt="xs">
                  <Radio value="yes" label="Yes" />
                  <Radio value="no" label="No" />
                  <Radio value="not_assessed" label="Not assessed" />
                </Group>
              </Radio.Group>
            ))}
          </SimpleGrid>
          <Textarea label="Rubric notes" description="Optional. What you looked at, and what is missing." autosize minRows={2} maxLength={4000} {...form.getInputProps('rubric.notes')} />
        </Stack>
      </Fieldset>

      <Textarea
        label="Notes"
        description="Optional. Shown with the verdict to the consultancy and to buyers: what you checked and why you concluded as you did."
        autosize
        minRows={3}
        maxLength={8000}
        {...form.getInputProps('notes')}
      />
    </Stack>
  );
}

function OutcomeFinding({ form, claim, index, idPrefix }: { form: FindingsFieldsProps['form']; claim: ClaimForFinding; index: number; idPrefix: string }) {
  const row = form.values.outcomes[index];
  const required = valueRequired(row.result);
  const value = toNumberOrNull(row.verifiedValue);
  const share = value !== null && row.result !== 'unverifiable' && row.result !== 'refuted' ? previewShare(claim, value) : null;
  const hintId = `${idPrefix}-outcome-${index}-share`;
  return (
    <Fieldset legend={`Outcome ${index + 1}: ${claim.metricName}`}>
      <Stack gap="md">
        <Text size="sm">
          Claimed: <strong>{claimRange(claim)}</strong> <Text span c="dimmed" size="sm">({DIRECTION[claim.direction].toLowerCase()})</Text>
        </Text>
        <Radio.Group label={`Result for ${claim.metricName}`} {...form.getInputProps(`outcomes.${index}.result`)}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
            {OUTCOME_RESULTS.map((result) => (
              <Radio key={result} value={result} label={OUTCOME_RESULT[result].label} description={OUTCOME_RESULT[result].hint} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Group align="flex-start" gap="md" wrap="wrap">
          <NumberInput
            label={`Verified value${claim.unit.trim() ? ` (${claim.unit.trim()})` : ''}`}
            description={
              row.result === 'unverifiable'
                ? 'Not needed: nothing could be verified.'
                : row.result === 'refuted'
                  ? 'Optional for a refuted claim: the value you found, for the record.'
                  : required
                    ? 'Required: the value the evidence supports.'
                    : 'Required for verified and partially verified outcomes.'
            }
            disabled={row.result === 'unverifiable'}
            decimalScale={6}
            w={{ base: '100%', xs: 260 }}
            aria-describedby={share !== null ? hintId : undefined}
            {...form.getInputProps(`outcomes.${index}.verifiedValue`)}
          />
          <Text id={hintId} size="sm" c="dimmed" aria-live="polite" mt={{ base: 0, xs: 52 }} style={{ flex: '1 1 200px' }}>
            {share !== null ? `That is ${formatShare(share)} of the claimed improvement.` : ''}
          </Text>
        </Group>
      </Stack>
    </Fieldset>
  );
}
