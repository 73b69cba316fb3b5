import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { AuthCard } from '../components/AuthCard';
import { PASSWORD_MIN_LENGTH, validateEmail, validateNewPassword } from '../components/validation';
import { signUpMutation } from '../graphql/sign-up.mutation';
import { safeNextPath } from '../hooks/safe-next';
import { useCurrentUser } from '../hooks/use-current-user';

/** `/sign-up?next=…`: creates an account, signs it in, and continues to `next` (or your organizations). */
export function SignUpPage() {
  const [params] = useSearchParams();
  const rawNext = params.get('next');
  const next = safeNextPath(rawNext);
  const { me } = useCurrentUser();
  const [signUp] = useMutation(signUpMutation);
  const [sent, setSent] = useState<string | null>(null);

  const form = useForm({
    name: 'sign-up',
    mode: 'uncontrolled',
    initialValues: { displayName: '', email: '', password: '' },
    validate: {
      displayName: (value) => (value.trim() ? null : 'Enter your name.'),
      email: validateEmail,
      password: validateNewPassword,
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, {
    reasonFields: { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' },
  });

  if (me && !form.submitting) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await signUp({
        variables: { input: { displayName: values.displayName.trim(), email: values.email.trim(), password: values.password } },
      });
      if (!data) return;
      setSent(data.signUp.message);
    } catch (error) {
      handleError(error);
    }
  });

  const signInLink = rawNext ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  if (sent) {
    return (
      <AuthCard title="Check your email" subtitle={sent} footer={<Anchor component={Link} to={signInLink}>Sign in</Anchor>}>
        <Text size="sm">The link confirms your address and signs you in. It works once.</Text>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Create your account"
      subtitle="Buyers compare consultancies by verified delivery; consultancies prove what they shipped."
      footer={
        <>
          <Anchor component={Link} to={signInLink}>
            I already have an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Your name" autoComplete="name" required key={form.key('displayName')} {...form.getInputProps('displayName')} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            description="Use your work address: it links you to your organization."
            required
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember.`}
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <FormErrorAlert error={formError} title="Could not create your account" />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign up
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
