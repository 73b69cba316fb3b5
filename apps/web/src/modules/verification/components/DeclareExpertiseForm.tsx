import { useEffect } from 'react';
import { Button, Checkbox, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { QueryState } from '../../../ui/QueryState';
import { taxonomyQuery } from '../../vendors/graphql/taxonomy.query';
import { declareExpertiseMutation } from '../graphql/declare-expertise.mutation';
import { myExpertiseQuery } from '../graphql/my-expertise.query';
import { refetchAfter } from '../../../app/refetch-policy';

interface Values {
  capabilities: string[];
}

/**
 * A reviewer declares the capabilities they can judge. Tasks of consultancies with a matching
 * capability are offered to them before reviewers without one; the draw stays random within each group.
 */
export function DeclareExpertiseForm() {
  const taxonomy = useQuery(taxonomyQuery);
  const mine = useQuery(myExpertiseQuery);
  const [declare] = useMutation(declareExpertiseMutation, refetchAfter('declareExpertise'));
  const form = useForm<Values>({ name: 'declare-expertise', mode: 'controlled', initialValues: { capabilities: [] } });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const saved = mine.data?.myExpertise;

  useEffect(() => {
    if (saved) form.setValues({ capabilities: [...saved] });
    // Only when the saved list arrives or changes; the form is the user's draft afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved?.join(',')]);

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await declare({ variables: { capabilities: values.capabilities } });
      if (!data) return;
      notifications.show({
        color: 'teal',
        title: 'Expertise saved',
        message: data.declareExpertise.length ? 'Tasks in these fields are offered to you first.' : 'You declared no field: tasks reach you only when no reviewer with a matching field is free.',
      });
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <QueryState
      loading={taxonomy.loading || mine.loading}
      error={taxonomy.error ?? mine.error}
      data={taxonomy.data?.taxonomy.capabilities}
      onRetry={() => void Promise.all([taxonomy.refetch(), mine.refetch()])}
      skeleton={<Skeleton height={160} />}
    >
      {(capabilities) => (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Checkbox.Group label="Fields you can judge" description="Choose every field in which you could tell a delivered result from a claimed one." {...form.getInputProps('capabilities')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {capabilities.map((c) => (
                  <Checkbox key={c.key} value={c.key} label={c.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <FormErrorAlert error={formError} title="Could not save your expertise" />
            <Button type="submit" loading={form.submitting}>
              Save expertise
            </Button>
          </Stack>
        </form>
      )}
    </QueryState>
  );
}
