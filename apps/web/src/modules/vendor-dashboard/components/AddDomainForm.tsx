import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { validateEmail } from '../../accounts/components/validation';
import { addVendorDomainMutation } from '../graphql/add-vendor-domain.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

/** Claims a domain by an address there; the verification link goes to that address. */
export function AddDomainForm({ vendorId }: { vendorId: string }) {
  const [addDomain] = useMutation(addVendorDomainMutation, refetchAfter('addVendorDomain', { vendorId }));
  const form = useForm({
    name: 'add-vendor-domain',
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: (value: string) => validateEmail(value)?.replace('your email address', 'an address at the domain') ?? null },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, {
    reasonFields: { FREE_MAIL_DOMAIN: 'email', DOMAIN_CLAIMED: 'email', ALREADY_VERIFIED: 'email', TOO_MANY_DOMAINS: 'email' },
  });

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await addDomain({ variables: { input: { vendorId, email: values.email.trim() } } });
      if (!data) return;
      const added = data.addVendorDomain;
      notifications.show({
        color: 'teal',
        title: 'Verification link sent',
        message: `We emailed a link to ${added.verificationEmail}. Opening it there verifies ${added.domain}; it works for 7 days.`,
      });
      form.reset();
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="An address at the domain"
          description="For example it@yourcompany.com. Someone there opens the link we send to confirm the domain is yours."
          type="email"
          inputMode="email"
          autoComplete="off"
          placeholder="it@yourcompany.com"
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <FormErrorAlert error={formError} title="Could not add the domain" />
        <Button type="submit" loading={form.submitting}>
          Add domain
        </Button>
      </Stack>
    </form>
  );
}
