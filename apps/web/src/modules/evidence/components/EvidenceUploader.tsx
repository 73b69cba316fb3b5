import { useCallback, useState } from 'react';
import { Alert, Divider, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { IconLock } from '@tabler/icons-react';
import type { CaseStudyEvidenceQuery } from '../../../gql/graphql';
import { describeError } from '../../../ui/errors/describe-error';
import { QueryState } from '../../../ui/QueryState';
import { caseStudyEvidenceQuery } from '../graphql/case-study-evidence.query';
import { removeEvidenceMutation } from '../graphql/remove-evidence.mutation';
import { useEvidenceUploads } from '../hooks/use-evidence-uploads';
import { AddEvidenceLinkForm } from './AddEvidenceLinkForm';
import { EvidenceDropZone } from './EvidenceDropZone';
import { EvidenceList, type EvidenceItem } from './EvidenceList';
import { formatBytes } from './format-bytes';
import { UploadRow } from './UploadRow';
import { refetchAfter } from '../../../app/refetch-policy';

type Evidence = CaseStudyEvidenceQuery['caseStudyEvidence'];

/**
 * Everything about a case study's evidence in one block: drop or choose files
 * (each with a progress bar, a preview and the API's reason when refused), the
 * attached files and links with remove buttons, and a form to add a link. The
 * case-study form embeds it; `/vendor/case-studies/:id/evidence` shows it alone.
 */
export function EvidenceUploader({ caseStudyId }: { caseStudyId: string }) {
  const { data, loading, error, refetch } = useQuery(caseStudyEvidenceQuery, { variables: { caseStudyId } });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.caseStudyEvidence}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="md">
          <Skeleton height={150} />
          <Skeleton height={72} />
          <Skeleton height={72} />
        </Stack>
      }
    >
      {(evidence) => <EvidenceEditor evidence={evidence} refetch={refetch} />}
    </QueryState>
  );
}

function EvidenceEditor({ evidence, refetch }: { evidence: Evidence; refetch: () => Promise<unknown> }) {
  const { caseStudyId, editable } = evidence;
  const onUploaded = useCallback(() => refetch(), [refetch]);
  const uploads = useEvidenceUploads(caseStudyId, { maxFileBytes: evidence.maxFileBytes, freeBytes: evidence.maxTotalBytes - evidence.totalBytes }, onUploaded);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [removeEvidence] = useMutation(removeEvidenceMutation, refetchAfter('removeEvidence', { caseStudyId }));

  const remove = async (item: EvidenceItem) => {
    setRemovingId(item.id);
    try {
      await removeEvidence({ variables: { id: item.id } });
      notifications.show({ color: 'teal', title: 'Removed', message: `“${item.title}” is no longer part of the evidence.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not remove it', message: describeError(e).message });
    } finally {
      setRemovingId(null);
    }
  };

  const usedPercent = Math.min(100, (evidence.totalBytes / evidence.maxTotalBytes) * 100);
  return (
    <Stack gap="lg">
      {editable ? (
        <EvidenceDropZone onFiles={uploads.add} maxFileBytes={evidence.maxFileBytes} maxTotalBytes={evidence.maxTotalBytes} />
      ) : (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="Evidence is fixed">
          Evidence can only be added or removed while the case study is a draft and you are a member of its consultancy.
        </Alert>
      )}

      {uploads.entries.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label="Uploads">
          {uploads.entries.map((entry) => (
            <UploadRow key={entry.key} entry={entry} onCancel={() => uploads.cancel(entry.key)} onDismiss={() => uploads.dismiss(entry.key)} />
          ))}
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="attached-evidence-title">
        <Group justify="space-between" align="flex-end" gap="xs">
          <Title order={3} id="attached-evidence-title">
            Attached evidence
          </Title>
          <Text size="sm" c="dimmed">
            {formatBytes(evidence.totalBytes)} of {formatBytes(evidence.maxTotalBytes)} used
          </Text>
        </Group>
        <Progress.Root size="sm">
          <Progress.Section value={Math.round(usedPercent)} color={usedPercent > 90 ? 'orange' : 'indigo'} aria-label="Storage used by this case study" />
        </Progress.Root>
        <EvidenceList items={evidence.items} editable={editable} removingId={removingId} onRemove={(item) => void remove(item)} />
      </Stack>

      {editable && (
        <>
          <Divider />
          <Stack gap="sm" component="section" aria-labelledby="add-link-title">
            <Title order={3} id="add-link-title">
              Add a link
            </Title>
            <Text size="sm" c="dimmed">
              For evidence that lives elsewhere: a public model card, a paper, a dashboard the reviewers can open. Addresses must start with https://.
            </Text>
            <AddEvidenceLinkForm caseStudyId={caseStudyId} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
