import { useState } from 'react';
import { Anchor, Button, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBookmarkPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router-dom';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { useCurrentUser } from '../../accounts/hooks/use-current-user';
import { addToShortlistMutation } from '../graphql/add-to-shortlist.mutation';
import { createShortlistMutation } from '../graphql/create-shortlist.mutation';
import { myShortlistsQuery } from '../graphql/my-shortlists.query';
import { refetchAfter } from '../../../app/refetch-policy';

const NEW = '__new__';

interface Values {
  shortlistId: string;
  name: string;
  organizationId: string;
  note: string;
}

/** Saves a consultancy to one of the buyer organization's shortlists (or a new one). */
export function SaveToShortlistButton({ vendor }: { vendor: { id: string; name: string } }) {
  const { me } = useCurrentUser();
  const location = useLocation();
  const [opened, setOpened] = useState(false);
  if (!me) {
    return (
      <Button component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} variant="default" leftSection={<IconBookmarkPlus size={16} aria-hidden />}>
        Sign in to shortlist
      </Button>
    );
  }
  return (
    <>
      <Button variant="default" leftSection={<IconBookmarkPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        Save to shortlist
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Save ${vendor.name} to a shortlist`}>
        {opened && <SaveForm vendor={vendor} buyerOrgs={me.memberships.filter((m) => m.organization.kind === 'buyer').map((m) => m.organization)} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function SaveForm({ vendor, buyerOrgs, onDone }: { vendor: { id: string; name: string }; buyerOrgs: Array<{ id: string; name: string }>; onDone: () => void }) {
  const lists = useQuery(myShortlistsQuery);
  const buyerIds = new Set(buyerOrgs.map((o) => o.id));
  const options = (lists.data?.myShortlists ?? []).filter((l) => buyerIds.has(l.organizationId));
  const form = useForm<Values>({ initialValues: { shortlistId: '', name: '', organizationId: buyerOrgs[0]?.id ?? '', note: '' } });
  const { formError, handleError } = useServerFormError(form);
  const [createShortlist] = useMutation(createShortlistMutation);
  const [addToShortlist, { loading }] = useMutation(addToShortlistMutation, refetchAfter('addToShortlist'));
  const chosen = form.values.shortlistId || (options[0]?.id ?? NEW);

  if (buyerOrgs.length === 0) {
    return (
      <Text size="sm">
        Shortlists belong to a buyer organization, so that your colleagues see the same lists.{' '}
        <Anchor component={Link} to="/organizations">
          Create a buyer organization
        </Anchor>{' '}
        first.
      </Text>
    );
  }

  const submit = form.onSubmit(async (values) => {
    try {
      let shortlistId = chosen;
      if (chosen === NEW) {
        const created = await createShortlist({ variables: { input: { organizationId: values.organizationId, name: values.name } } });
        shortlistId = created.data!.createShortlist.id;
      }
      await addToShortlist({ variables: { input: { shortlistId, vendorId: vendor.id, note: values.note || null } } });
      notifications.show({ color: 'teal', title: 'Saved', message: `${vendor.name} is on your shortlist.` });
      onDone();
    } catch (e) {
      handleError(e);
    }
  });

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NativeSelect
          label="Shortlist"
          data={[...options.map((l) => ({ value: l.id, label: `${l.name} (${l.organizationName})` })), { value: NEW, label: 'A new shortlist…' }]}
          value={chosen}
          onChange={(e) => form.setFieldValue('shortlistId', e.currentTarget.value)}
        />
        {chosen === NEW && (
          <>
            <TextInput label="Name of the new shortlist" required maxLength={120} {...form.getInputProps('name')} />
            {buyerOrgs.length > 1 && (
              <NativeSelect label="Organization" data={buyerOrgs.map((o) => ({ value: o.id, label: o.name }))} {...form.getInputProps('organizationId')} />
            )}
          </>
        )}
        <Textarea label="Note (optional)" description="Your colleagues see it too." autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <FormErrorAlert error={formError} />
        <Button type="submit" loading={loading}>
          Save
        </Button>
      </Stack>
    </form>
  );
}
