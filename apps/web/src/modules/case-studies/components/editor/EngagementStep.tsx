import { Checkbox, Fieldset, NumberInput, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { CaseStudyForm } from './form-model';

/** Step 1: what the engagement was, for whom, when and with whom. */
export function EngagementStep({ form, descriptorUnknown }: { form: CaseStudyForm; descriptorUnknown: boolean }) {
  const anonymised = form.values.client.anonymised;
  return (
    <Stack gap="lg">
      <TextInput
        label="Title"
        description="What you delivered, e.g. “Demand forecasting for 400 stores”."
        maxLength={160}
        {...form.getInputProps('title')}
      />
      <Fieldset legend="Client" variant="filled">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Client organization"
              description="Its name as the client writes it."
              autoComplete="off"
              {...form.getInputProps('client.name')}
            />
            <TextInput
              label="Client domain"
              description="Its web or email domain, e.g. acme.com. References on it count as strong."
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('client.domain')}
            />
          </SimpleGrid>
          <Checkbox
            label="Show the client anonymised to buyers"
            description="Buyers see only your description; reviewers and Assay still see the name."
            {...form.getInputProps('client.anonymised', { type: 'checkbox' })}
          />
          {anonymised && (
            <TextInput
              label="How buyers see the client"
              description={
                descriptorUnknown
                  ? 'Enter it again before saving: the saved description is not shown here.'
                  : 'A description without the name, e.g. “a European retailer”.'
              }
              maxLength={120}
              {...form.getInputProps('client.descriptor')}
            />
          )}
        </Stack>
      </Fieldset>
      <Textarea
        label="The client’s problem"
        description="What was wrong or missing before you started."
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps('problem')}
      />
      <Textarea
        label="Your approach"
        description="What you built and how, in a few sentences."
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps('approach')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput label="Started on" description="When your work began." type="date" {...form.getInputProps('startedOn')} />
        <TextInput label="Ended on" description="Optional; empty while it runs." type="date" {...form.getInputProps('endedOn')} />
        <NumberInput
          label="Team size"
          description="Optional; people on your side."
          allowDecimal={false}
          allowNegative={false}
          min={1}
          max={10000}
          {...form.getInputProps('teamSize')}
        />
      </SimpleGrid>
      <TagsInput
        label="Technology stack"
        description="Optional. Press Enter after each, e.g. python, pytorch, airflow."
        maxTags={20}
        clearable
        {...form.getInputProps('stackTags')}
      />
    </Stack>
  );
}
