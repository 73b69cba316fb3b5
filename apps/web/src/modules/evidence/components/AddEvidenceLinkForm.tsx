import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { IconLink } from '@tabler/icons-react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { addEvidenceLinkMutation } from '../graphql/add-evidence-link.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

/** Adds a link (https only) to a draft's evidence: a public model card, a dashboard, a paper. */
export function AddEvidenceLinkForm({ caseStudyId }: { caseStudyId: string }) {
  const [addLink] = useMutation(addEvidenceLinkMutation, refetchAfter('addEvidenceLink', { caseStudyId }));
  const form = useForm<{ title: string; url: string }>({
    name: 'add-evidence-link',
    mode: 'uncontrolled',
    initialValues: { title: '', url: '' },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the link a title.'),
      url: (v) => (/^https:\/\/[^\s/$.?#][^\s]*$/i.test(v.trim()) ? null : 'Enter a web address starting with https://.'),
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, { reasonFields: { DUPLICATE_LINK: 'url' } });

  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await addLink({ variables: { input: { caseStudyId, title: values.title.trim(), url: values.url.trim() } } });
      if (!data) return;
      notifications.show({ color: 'teal', title: 'Link added', message: `“${data.addEvidenceLink.title}” is now part of the evidence.` });
      form.reset();
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add a link">
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label="Link title" placeholder="Public model card" style={{ flex: '1 1 200px' }} key={form.key('title')} {...form.getInputProps('title')} />
          <TextInput label="Web address" placeholder="https://" type="url" style={{ flex: '2 1 280px' }} key={form.key('url')} {...form.getInputProps('url')} />
        </Group>
        <FormErrorAlert error={formError} title="Could not add the link" />
        <Group>
          <Button type="submit" variant="default" leftSection={<IconLink size={16} aria-hidden />} loading={form.submitting}>
            Add link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
