import { Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { TaxonomyQuery, VendorProfileQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { updateVendorProfileMutation } from '../graphql/update-vendor-profile.mutation';

/** The same limits the API applies, so most mistakes show before a round trip. */
export const PROFILE_LIMITS = { descriptionMaxLength: 2000, teamSizeMax: 100_000 } as const;

type Profile = VendorProfileQuery['vendorProfile'];
type Taxonomy = TaxonomyQuery['taxonomy'];

interface Values {
  description: string;
  capabilities: string[];
  industries: string[];
  regions: string[];
  teamSize: number | string;
  rateBand: string | null;
  website: string;
  foundedYear: number | string;
}

const options = (entries: ReadonlyArray<{ key: string; label: string }>) => entries.map((e) => ({ value: e.key, label: e.label }));
const toNumberOrNull = (value: number | string) => (value === '' || value === null ? null : Number(value));

function validateWhole(value: number | string, min: number, max: number, messages: { whole: string; min: string; max: string }): string | null {
  if (value === '' || value === null) return null;
  const n = Number(value);
  if (!Number.isInteger(n)) return messages.whole;
  if (n < min) return messages.min;
  if (n > max) return messages.max;
  return null;
}

/** Capabilities, industries and regions from the taxonomy; team size, rate band, website, founding year, description. */
export function VendorProfileForm({ vendorId, profile, taxonomy }: { vendorId: string; profile: Profile; taxonomy: Taxonomy }) {
  const [updateProfile] = useMutation(updateVendorProfileMutation);
  const currentYear = new Date().getFullYear();
  const form = useForm<Values>({
    name: 'vendor-profile',
    initialValues: {
      description: profile.description,
      capabilities: profile.capabilities,
      industries: profile.industries,
      regions: profile.regions,
      teamSize: profile.teamSize ?? '',
      rateBand: profile.rateBand,
      website: profile.website ?? '',
      foundedYear: profile.foundedYear ?? '',
    },
    validate: {
      description: (value) =>
        [...value.trim()].length > PROFILE_LIMITS.descriptionMaxLength
          ? `Keep the description to ${PROFILE_LIMITS.descriptionMaxLength.toLocaleString('en-GB')} characters or fewer.`
          : null,
      teamSize: (value) =>
        validateWhole(value, 1, PROFILE_LIMITS.teamSizeMax, {
          whole: 'Give the team size as a whole number.',
          min: 'The team has at least 1 person.',
          max: `Enter a team size of at most ${PROFILE_LIMITS.teamSizeMax.toLocaleString('en-GB')} people.`,
        }),
      website: (value) => {
        const v = value.trim();
        if (!v) return null;
        if (!/^https:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(v)) return 'Enter your website’s address starting with https://, for example https://lumen.example.';
        return null;
      },
      foundedYear: (value) =>
        validateWhole(value, 1900, currentYear, {
          whole: 'Give the year as a whole number.',
          min: 'Enter a year from 1900 on.',
          max: 'The founding year cannot be in the future.',
        }),
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const descriptionLength = [...form.values.description.trim()].length;

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await updateProfile({
        variables: {
          input: {
            vendorId,
            description: values.description.trim(),
            capabilities: values.capabilities,
            industries: values.industries,
            regions: values.regions,
            teamSize: toNumberOrNull(values.teamSize),
            rateBand: values.rateBand || null,
            website: values.website.trim() || null,
            foundedYear: toNumberOrNull(values.foundedYear),
          },
        },
      });
      if (!data) return;
      const saved = data.updateVendorProfile;
      form.resetDirty({ ...values, website: saved.website ?? '', description: saved.description });
      notifications.show({ color: 'teal', title: 'Profile saved', message: 'Buyers see the new profile in the consultancy directory now.' });
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <MultiSelect
          label="Capabilities"
          description="What you deliver. Buyers filter the directory by these."
          placeholder={form.values.capabilities.length ? undefined : 'Choose capabilities'}
          data={options(taxonomy.capabilities)}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage="No capability matches"
          {...form.getInputProps('capabilities')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <MultiSelect
            label="Industries"
            description="Optional. Where you have delivered projects."
            placeholder={form.values.industries.length ? undefined : 'Choose industries'}
            data={options(taxonomy.industries)}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="No industry matches"
            {...form.getInputProps('industries')}
          />
          <MultiSelect
            label="Regions"
            description="Optional. Where you take on work."
            placeholder={form.values.regions.length ? undefined : 'Choose regions'}
            data={options(taxonomy.regions)}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="No region matches"
            {...form.getInputProps('regions')}
          />
          <NumberInput
            label="Team size"
            description="Optional. People who deliver projects."
            min={1}
            max={PROFILE_LIMITS.teamSizeMax}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            {...form.getInputProps('teamSize')}
          />
          <Select
            label="Rate band"
            description="Optional. Typical daily rate per person."
            placeholder="Not stated"
            data={options(taxonomy.rateBands)}
            clearable
            {...form.getInputProps('rateBand')}
          />
          <TextInput
            label="Website"
            description="Optional. An https:// address."
            type="url"
            inputMode="url"
            placeholder="https://example.com"
            autoComplete="url"
            {...form.getInputProps('website')}
          />
          <NumberInput
            label="Founded"
            description="Optional. The year your consultancy started."
            min={1900}
            max={currentYear}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('foundedYear')}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="Optional. What you do and for whom, in a few sentences. Claims about results belong in case studies, where they are verified."
          autosize
          minRows={4}
          maxRows={12}
          {...form.getInputProps('description')}
        />
        <Text size="xs" c={descriptionLength > PROFILE_LIMITS.descriptionMaxLength ? 'red.9' : 'dimmed'} mt={-12} aria-live="polite">
          {descriptionLength.toLocaleString('en-GB')} / {PROFILE_LIMITS.descriptionMaxLength.toLocaleString('en-GB')} characters
        </Text>
        <FormErrorAlert error={formError} title="Could not save the profile" />
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {profile.updatedAt ? `Last changed ${formatDateTime(profile.updatedAt)}` : 'Not saved yet'}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || form.submitting}>
              Discard changes
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save profile
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
