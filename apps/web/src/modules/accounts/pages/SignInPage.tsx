import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { AuthCard } from '../components/AuthCard';
import { validateEmail } from '../components/validation';
import { signInMutation } from '../graphql/sign-in.mutation';
import { homeFor, safeNextPath } from '../hooks/safe-next';
import { useCurrentUser } from '../hooks/use-current-user';
import { useRememberSession } from '../hooks/use-remember-session';

/** `/sign-in?next=…`: email and password; back to `next` (or the role's home page, homeFor) afterwards. */
export function SignInPage() {
  const [params] = useSearchParams();
  const rawNext = params.get('next');
  const next = safeNextPath(rawNext);
  const navigate = useNavigate();
  const { me } = useCurrentUser();
  const rememberSession = useRememberSession();
  const [signIn] = useMutation(signInMutation);

  const form = useForm({
    name: 'sign-in',
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: validateEmail,
      password: (value) => (value ? null : 'Enter your password.'),
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);

  if (me && !form.submitting) return <Navigate to={rawNext ? next : homeFor(me)} replace />;

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await signIn({ variables: { input: { email: values.email.trim(), password: values.password } } });
      if (!data) return;
      await rememberSession(data.signIn);
      await navigate(rawNext ? next : homeFor(data.signIn), { replace: true });
    } catch (error) {
      handleError(error);
    }
  });

  const signUpLink = rawNext ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up';
  return (
    <AuthCard
      title="Sign in to Assay"
      subtitle={rawNext ? 'Please sign in to continue.' : 'Welcome back.'}
      footer={
        <>
          New to Assay?{' '}
          <Anchor component={Link} to={signUpLink}>
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <FormErrorAlert error={formError} title="Could not sign you in" />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
