import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { MembershipRole } from '../../../gql/graphql';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { validateEmail } from '../../accounts/components/validation';
import { inviteMemberMutation } from '../graphql/invite-member.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

/** Owners invite a colleague by email; the invitation appears under "Pending invitations". */
export function InviteMemberForm({ organizationId }: { organizationId: string }) {
  const [inviteMember] = useMutation(inviteMemberMutation, refetchAfter('inviteMember', { organizationId }));
  const form = useForm<{ email: string; role: MembershipRole }>({
    name: 'invite-member',
    mode: 'uncontrolled',
    initialValues: { email: '', role: 'member' },
    validate: { email: validateEmail },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, {
    reasonFields: { ALREADY_MEMBER: 'email', ALREADY_INVITED: 'email' },
  });

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await inviteMember({ variables: { input: { organizationId, email: values.email.trim(), role: values.role } } });
      if (!data) return;
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `We emailed an invitation to ${data.inviteMember.email}. It is valid for 14 days.`,
      });
      form.reset();
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Email" type="email" autoComplete="off" required key={form.key('email')} {...form.getInputProps('email')} />
        <NativeSelect
          label="Role"
          description="Owners can invite others and manage the organization."
          data={[
            { value: 'member', label: 'Member' },
            { value: 'owner', label: 'Owner' },
          ]}
          key={form.key('role')}
          {...form.getInputProps('role')}
        />
        <FormErrorAlert error={formError} title="Could not send the invitation" />
        <Button type="submit" loading={form.submitting}>
          Send invitation
        </Button>
      </Stack>
    </form>
  );
}
