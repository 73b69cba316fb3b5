import { Button, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import type { OrganizationKind } from '../../../gql/graphql';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { createOrganizationMutation } from '../graphql/create-organization.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

interface Values {
  name: string;
  kind: OrganizationKind | '';
  website: string;
}

/** Name, kind (consultancy or buyer) and an optional website; you become the owner. */
export function CreateOrganizationForm() {
  const navigate = useNavigate();
  const [createOrganization] = useMutation(createOrganizationMutation, refetchAfter('createOrganization'));
  const form = useForm<Values>({
    name: 'create-organization',
    mode: 'uncontrolled',
    initialValues: { name: '', kind: '', website: '' },
    validate: {
      name: (value) => (value.trim() ? (value.trim().length > 120 ? 'Use at most 120 characters.' : null) : 'Enter the organization name.'),
      kind: (value) => (value ? null : 'Choose whether this is a consultancy or a company hiring one.'),
      website: (value) =>
        !value.trim() || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value.trim()) ? null : 'Enter a web address starting with https://.',
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    if (!values.kind) return;
    try {
      const { data } = await createOrganization({
        variables: { input: { name: values.name.trim(), kind: values.kind, website: values.website.trim() || null } },
      });
      if (!data) return;
      notifications.show({ color: 'teal', title: 'Organization created', message: `You are the owner of ${data.createOrganization.name}.` });
      await navigate(`/organizations/${data.createOrganization.id}`);
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Organization name" required autoComplete="organization" key={form.key('name')} {...form.getInputProps('name')} />
        <Radio.Group label="Kind of organization" required key={form.key('kind')} {...form.getInputProps('kind')}>
          <Stack gap="xs" mt={6}>
            <Radio value="vendor" label="Consultancy (vendor)" description="You deliver ML/AI projects and want to show verified results." />
            <Radio value="buyer" label="Buyer" description="Your company is choosing a consultancy to work with." />
          </Stack>
        </Radio.Group>
        <TextInput
          label="Website"
          description="Optional."
          type="url"
          inputMode="url"
          placeholder="https://example.com"
          autoComplete="url"
          key={form.key('website')}
          {...form.getInputProps('website')}
        />
        <FormErrorAlert error={formError} title="Could not create the organization" />
        <Button type="submit" loading={form.submitting}>
          Create organization
        </Button>
      </Stack>
    </form>
  );
}
