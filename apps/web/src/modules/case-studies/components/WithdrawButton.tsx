import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { IconArchive } from '@tabler/icons-react';
import { describeError } from '../../../ui/errors/describe-error';
import { FormErrorAlert } from '../../../ui/forms';
import { withdrawCaseStudyMutation } from '../graphql/withdraw-case-study.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

/** "Withdraw", with a confirmation that says what it means: hidden from buyers, kept on record. */
export function WithdrawButton({ caseStudyId, title }: { caseStudyId: string; title: string }) {
  const [opened, modal] = useDisclosure(false);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [withdraw, { loading }] = useMutation(withdrawCaseStudyMutation, refetchAfter('withdrawCaseStudy', { caseStudyId }));

  const confirm = async () => {
    setError(null);
    try {
      await withdraw({ variables: { id: caseStudyId } });
      modal.close();
      notifications.show({ color: 'gray', title: 'Case study withdrawn', message: 'Buyers no longer see it. It stays on record as withdrawn.' });
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <>
      <Button variant="default" color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={modal.open}>
        Withdraw
      </Button>
      <Modal opened={opened} onClose={modal.close} title="Withdraw this case study?" centered>
        <Stack gap="md">
          <Text size="sm">
            “{title}” will be hidden from buyers and any verification stops. It is not deleted: it stays on record as
            withdrawn, with its history, and it cannot be submitted again.
          </Text>
          <FormErrorAlert error={error} title="Could not withdraw it" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={modal.close}>
              Keep it
            </Button>
            <Button color="red" loading={loading} onClick={() => void confirm()}>
              Yes, withdraw it
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
