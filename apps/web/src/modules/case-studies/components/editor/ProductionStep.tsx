import { Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Handover, ProductionStatus } from '../../../../gql/graphql';
import { HANDOVER_OWN as HANDOVER, PRODUCTION_STATUS } from '../../../../ui/labels';
import type { CaseStudyForm } from './form-model';

const PRODUCTION_HINTS: Record<ProductionStatus, string> = {
  poc_only: 'It was a pilot or proof of concept that did not go live.',
  in_production: 'It runs in production today.',
  retired: 'It ran in production and has since been switched off.',
};

const HANDOVER_HINTS: Record<Handover, string> = {
  client_alone: 'Their engineers operate and change it without you.',
  joint: 'Their team and yours share the running of it.',
  vendor: 'You operate it on the client’s behalf.',
};

/** Step 3: whether the system reached production, and who runs it now. */
export function ProductionStep({ form }: { form: CaseStudyForm }) {
  const status = form.values.productionStatus;
  return (
    <Stack gap="xl">
      <Radio.Group label="Did it reach production?" {...form.getInputProps('productionStatus')}>
        <Stack gap="sm" mt="xs">
          {(Object.keys(PRODUCTION_STATUS) as ProductionStatus[]).map((value) => (
            <Radio key={value} value={value} label={PRODUCTION_STATUS[value]} description={PRODUCTION_HINTS[value]} />
          ))}
        </Stack>
      </Radio.Group>
      {(status === 'in_production' || status === 'retired') && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={560}>
          <TextInput label="Went live on" type="date" {...form.getInputProps('productionSince')} />
          {status === 'retired' && <TextInput label="Retired on" type="date" {...form.getInputProps('retiredOn')} />}
        </SimpleGrid>
      )}
      <Radio.Group label="Who runs it now?" description="Buyers value systems their own team can run." {...form.getInputProps('handover')}>
        <Stack gap="sm" mt="xs">
          {(Object.keys(HANDOVER) as Handover[]).map((value) => (
            <Radio key={value} value={value} label={HANDOVER[value]} description={HANDOVER_HINTS[value]} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
