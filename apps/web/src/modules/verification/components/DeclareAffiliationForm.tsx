import { useState } from 'react';
import { Button, Input, Select, SegmentedControl, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { affiliationVendorSearchQuery } from '../graphql/affiliation-vendor-search.query';
import { declareAffiliationMutation } from '../graphql/declare-affiliation.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

interface Values {
  kind: 'domain' | 'organization';
  domain: string;
  organizationId: string;
  note: string;
}

const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** A reviewer declares a consultancy on Assay, or an email domain, they are affiliated with. */
export function DeclareAffiliationForm() {
  const [declare] = useMutation(declareAffiliationMutation, refetchAfter('declareAffiliation'));
  const form = useForm<Values>({
    name: 'declare-affiliation',
    mode: 'controlled',
    initialValues: { kind: 'domain', domain: '', organizationId: '', note: '' },
    validate: {
      domain: (value, values) => (values.kind === 'domain' && !DOMAIN.test(value.trim().replace(/^@/, '')) ? 'Enter a domain such as acme.com.' : null),
      organizationId: (value, values) => (values.kind === 'organization' && !value ? 'Choose the consultancy.' : null),
      note: (value) => (value.length > 500 ? 'At most 500 characters.' : null),
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const vendors = useQuery(affiliationVendorSearchQuery, { variables: { text: debounced.trim() || null }, skip: form.values.kind !== 'organization' });

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const input =
        values.kind === 'domain'
          ? { domain: values.domain.trim().replace(/^@/, ''), note: values.note.trim() }
          : { organizationId: values.organizationId, note: values.note.trim() };
      const { data } = await declare({ variables: { input } });
      if (!data) return;
      notifications.show({ color: 'teal', title: 'Affiliation declared', message: 'Tasks that involve it will show as conflicted in your queue.' });
      form.reset();
      setSearch('');
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Input.Wrapper label="Affiliated with" labelElement="div" labelProps={{ id: 'affiliation-kind-label' }}>
          <SegmentedControl
            aria-labelledby="affiliation-kind-label"
            fullWidth
            mt={4}
            data={[
              { value: 'domain', label: 'A domain' },
              { value: 'organization', label: 'A consultancy' },
            ]}
            value={form.values.kind}
            onChange={(kind) => form.setFieldValue('kind', kind as Values['kind'])}
          />
        </Input.Wrapper>
        {form.values.kind === 'domain' ? (
          <TextInput
            label="Email domain"
            description="A company you work or worked for, or are otherwise tied to, e.g. acme.com."
            placeholder="acme.com"
            autoComplete="off"
            {...form.getInputProps('domain')}
          />
        ) : (
          <Select
            label="Consultancy"
            description="Type to search the directory."
            placeholder="Search by name"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={vendors.loading ? 'Searching…' : 'No consultancy by that name'}
            data={(vendors.data?.vendors.nodes ?? []).map((v) => ({ value: v.id, label: v.name }))}
            {...form.getInputProps('organizationId')}
          />
        )}
        <Textarea label="Note" description="Optional. How you are connected, e.g. “Employed there 2019–2022”." autosize minRows={2} maxLength={500} {...form.getInputProps('note')} />
        <FormErrorAlert error={formError} title="Could not declare the affiliation" />
        <Button type="submit" loading={form.submitting}>
          Declare affiliation
        </Button>
      </Stack>
    </form>
  );
}
