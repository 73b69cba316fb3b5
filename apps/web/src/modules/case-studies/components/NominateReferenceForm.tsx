import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { IconUserPlus } from '@tabler/icons-react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { validateEmail } from '../../accounts/components/validation';
import { nominateReferenceMutation } from '../graphql/nominate-reference.mutation';
import { refusalLabel } from './labels';
import { refetchAfter } from '../../../app/refetch-policy';

interface Values {
  contactName: string;
  contactEmail: string;
  contactRole: string;
}

/** Nominates a client contact; a self-reference comes back refused, with the reason shown in the list. */
export function NominateReferenceForm({ caseStudyId }: { caseStudyId: string }) {
  const [nominate] = useMutation(nominateReferenceMutation, refetchAfter('nominateReference', { caseStudyId }));
  const form = useForm<Values>({
    name: 'nominate-reference',
    mode: 'uncontrolled',
    initialValues: { contactName: '', contactEmail: '', contactRole: '' },
    validate: {
      contactName: (v) => (v.trim() ? (v.trim().length > 120 ? 'At most 120 characters.' : null) : "Enter the contact's name."),
      contactEmail: (v) => (v.trim() ? validateEmail(v) : "Enter the contact's email address."),
      contactRole: (v) => (v.trim().length > 120 ? 'At most 120 characters.' : null),
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, {
    reasonFields: { DUPLICATE_REFERENCE: 'contactEmail' },
  });

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await nominate({
        variables: {
          input: { caseStudyId, contactName: values.contactName.trim(), contactEmail: values.contactEmail.trim(), contactRole: values.contactRole.trim() },
        },
      });
      if (!data) return;
      const ref = data.nominateReference;
      if (ref.status === 'refused') {
        notifications.show({ color: 'red', title: refusalLabel(ref.identityStrength, ref.identityFlags), message: ref.identityReason, autoClose: 8000 });
      } else {
        notifications.show({ color: 'teal', title: 'Reference nominated', message: `${ref.contactName} will be asked once you submit.` });
      }
      form.reset();
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Nominate a reference">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput label="Contact name" description="Someone at the client who saw the results." autoComplete="off" key={form.key('contactName')} {...form.getInputProps('contactName')} />
          <TextInput
            label="Contact email"
            type="email"
            autoComplete="off"
            description="At the client's domain counts as strong."
            key={form.key('contactEmail')}
            {...form.getInputProps('contactEmail')}
          />
          <TextInput label="Role" description="Optional, e.g. Head of Data." autoComplete="off" key={form.key('contactRole')} {...form.getInputProps('contactRole')} />
        </SimpleGrid>
        <FormErrorAlert error={formError} title="Could not nominate this reference" />
        <Group>
          <Button type="submit" variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} loading={form.submitting}>
            Nominate reference
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
