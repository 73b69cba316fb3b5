import { useState } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { IconArrowsShuffle } from '@tabler/icons-react';
import type { ReferenceDetailFragment } from '../../../../gql/graphql';
import { describeError } from '../../../../ui/errors/describe-error';
import { removeReferenceMutation } from '../../graphql/remove-reference.mutation';
import { NominateReferenceForm } from '../NominateReferenceForm';
import { ReferenceList } from '../ReferenceList';
import { refetchAfter } from '../../../../app/refetch-policy';

/** Step 5: nominate client contacts; Assay adds its own random draws from the roster on submission. */
export function ReferencesStep({ caseStudyId, references }: { caseStudyId: string; references: readonly ReferenceDetailFragment[] }) {
  const [removeReference] = useMutation(removeReferenceMutation, refetchAfter('removeReference', { caseStudyId }));
  const [removingId, setRemovingId] = useState<string | null>(null);

  const remove = async (ref: ReferenceDetailFragment) => {
    setRemovingId(ref.id);
    try {
      await removeReference({ variables: { id: ref.id } });
      notifications.show({ color: 'teal', title: 'Reference removed', message: `${ref.contactName ?? 'The contact'} will not be asked.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not remove the reference', message: describeError(error).message });
    } finally {
      setRemovingId(null);
    }
  };

  return (
    <Stack gap="lg">
      <Alert color="indigo" variant="light" icon={<IconArrowsShuffle aria-hidden />} title="Assay also picks references itself">
        When you submit, Assay draws up to two more contacts at random from your disclosed client roster and sends them the
        same questionnaire. You will see that they were drawn, but not who they are, so nobody can be primed. Contacts at
        your own company are refused.
      </Alert>
      <NominateReferenceForm caseStudyId={caseStudyId} />
      <Stack gap="sm" component="section" aria-labelledby="nominated-references-title">
        <Title order={3} id="nominated-references-title">
          Your nominations
        </Title>
        {references.length === 0 ? (
          <Text c="dimmed" size="sm">
            None yet. Nominate at least one person at the client who can confirm the outcomes.
          </Text>
        ) : (
          <ReferenceList references={references} onRemove={(ref) => void remove(ref)} removingId={removingId} />
        )}
      </Stack>
    </Stack>
  );
}
