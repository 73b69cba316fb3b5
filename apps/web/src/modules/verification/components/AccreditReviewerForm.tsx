import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { validateEmail } from '../../accounts/components/validation';
import { accreditReviewerMutation } from '../graphql/accredit-reviewer.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

/** Admins accredit an existing account as a reviewer by its email. */
export function AccreditReviewerForm() {
  const [accredit] = useMutation(accreditReviewerMutation, refetchAfter('accreditReviewer'));
  const form = useForm({
    name: 'accredit-reviewer',
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: (value: string) => validateEmail(value)?.replace('your email address', 'the reviewer’s email address') ?? null },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, { reasonFields: { NO_SUCH_USER: 'email' } });

  const submit = form.onSubmit(async ({ email }) => {
    clearFormError();
    try {
      await accredit({ variables: { email: email.trim() } });
      notifications.show({ color: 'teal', title: 'Reviewer accredited', message: `${email.trim()} can take verification tasks after signing in again.` });
      form.reset();
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Reviewer’s email"
            description="They need an Assay account first; they take tasks after signing in again."
            type="email"
            inputMode="email"
            autoComplete="off"
            style={{ flex: '1 1 280px' }}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <Button type="submit" loading={form.submitting} mt={{ base: 0, sm: 42 }}>
            Accredit reviewer
          </Button>
        </Group>
        <FormErrorAlert error={formError} title="Could not accredit" />
      </Stack>
    </form>
  );
}
