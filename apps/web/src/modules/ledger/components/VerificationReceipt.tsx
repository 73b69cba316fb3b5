import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Code, Collapse, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconClockHour4, IconRefresh, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Fact, FactList } from '../../../ui/Facts';
import { formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { caseStudyReceiptQuery } from '../graphql/case-study-receipt.query';
import { type ReceiptCheckState, useReceiptCheck } from '../hooks/use-receipt-check';
import type { HistoryCheck, Receipt, ReceiptCheckResult } from '../receipt-check';
import { verdictStatus } from '../../../ui/labels';


interface VerificationReceiptProps {
  caseStudyId: string;
  /** Heading level of "Verification receipt". */
  headingLevel?: 2 | 3;
  /** What to show when the case study has no logged verdict (default: nothing). */
  none?: ReactNode;
  /** The card's heading (a page that is all about the receipt names it differently). */
  title?: string;
}

/**
 * A case study's verification receipt: where its verdict sits in Assay's public
 * append-only log, and a "Check" button that verifies it in this browser.
 */
export function VerificationReceipt({ caseStudyId, headingLevel = 2, none = null, title = 'Verification receipt' }: VerificationReceiptProps) {
  const { data, loading, error, refetch } = useQuery(caseStudyReceiptQuery, { variables: { caseStudyId }, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} skeleton={<Skeleton height={180} radius="md" />}>
      {({ caseStudyReceipt }) => (caseStudyReceipt ? <ReceiptCard receipt={caseStudyReceipt} title={title} headingLevel={headingLevel} onRefresh={() => void refetch()} refreshing={loading} /> : none)}
    </QueryState>
  );
}

function ReceiptCard({ receipt, title, headingLevel, onRefresh, refreshing }: { receipt: Receipt; title: string; headingLevel: 2 | 3; onRefresh: () => void; refreshing: boolean }) {
  const { state, check } = useReceiptCheck(receipt);
  const [showEntry, entry] = useDisclosure(false);
  const { checkpoint } = receipt;
  const covered = !!checkpoint && !!receipt.inclusionProof;
  const titleId = `receipt-${receipt.caseStudyId}`;

  return (
    <Card component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={headingLevel} size="h3" id={titleId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          Assay writes every verdict into a public, append-only log (a Merkle tree whose tree heads it signs). This receipt shows where this verdict sits in it, and your browser can check it.
        </Text>
        <FactList minColumn={10_000} gap="xs">
            <Fact compact term="Entry">
              #{receipt.entry.index}, logged {formatDateTime(receipt.entry.loggedAt)}
            </Fact>
            <Fact compact term="Leaf hash (SHA-256)">
              <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{receipt.entry.leafHash}</Code>
            </Fact>
            <Fact compact term="Latest signed tree head">{checkpoint ? `${checkpoint.treeSize} entries, published ${formatDateTime(checkpoint.publishedAt)}` : 'None published yet'}</Fact>
            {checkpoint && (
              <Fact compact term="Its root hash">
                <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{checkpoint.rootHash}</Code>
              </Fact>
            )}
        </FactList>

        {covered ? (
          <Group gap="sm">
            <Button leftSection={<IconShieldCheck size={16} aria-hidden />} loading={state.status === 'checking'} onClick={() => void check()}>
              Check
            </Button>
            <Text size="xs" c="dimmed">
              Runs in your browser (WebCrypto); nothing is sent anywhere.
            </Text>
          </Group>
        ) : (
          <Alert color="gray" variant="light" icon={<IconClockHour4 aria-hidden />} title="Waiting for the next signed tree head">
            <Stack gap="xs" align="flex-start">
              <span>This verdict is logged as entry #{receipt.entry.index}. The next signed tree head, published within about a minute, will cover it; then it can be checked.</span>
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={refreshing} onClick={onRefresh}>
                Refresh
              </Button>
            </Stack>
          </Alert>
        )}

        <CheckOutcome state={state} />

        <Anchor component="button" type="button" size="sm" onClick={entry.toggle} aria-expanded={showEntry} ta="left">
          {showEntry ? 'Hide the entry as logged' : 'Show the entry as logged, and how to check it yourself'}
        </Anchor>
        <Collapse expanded={showEntry}>
          <Stack gap="xs">
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {receipt.entry.canonicalJson}
            </Code>
            <Text size="xs" c="dimmed">
              Fields under “commitments” are salted hashes of private values (such as the reviewer’s identity and notes): they bind the entry to those values without revealing them.
            </Text>
            <Text size="sm">Check it without this page, with any RFC 9162 / C2SP checkpoint tool:</Text>
            <List size="sm" spacing={2}>
              <List.Item>
                <Anchor href={`/ledger/entries/${receipt.entry.index}`}>the entry’s exact bytes</Anchor>
              </List.Item>
              <List.Item>
                <Anchor href="/ledger/checkpoint">the latest signed tree head</Anchor> and <Anchor href="/ledger/verifier-key">the log’s verifier key</Anchor>
              </List.Item>
              {checkpoint && (
                <List.Item>
                  <Anchor href={`/ledger/inclusion?index=${receipt.entry.index}&size=${checkpoint.treeSize}`}>the inclusion proof</Anchor>
                </List.Item>
              )}
            </List>
          </Stack>
        </Collapse>
      </Stack>
    </Card>
  );
}

function CheckOutcome({ state }: { state: ReceiptCheckState }) {
  if (state.status !== 'done') return null;
  const { result } = state;
  if (!result.ok) return <CheckFailure result={result} />;
  return (
    <Alert color="teal" variant="light" icon={<IconShieldCheck aria-hidden />} title="Verified in your browser" role="status">
      <Stack gap="xs">
        <List size="sm" spacing={4}>
          <List.Item>
            The tree head of {result.treeSize} entries is signed by the log’s key <Code>{result.signer}</Code>.
          </List.Item>
          <List.Item>
            This verdict{result.loggedStatus ? `, logged as “${verdictStatus(result.loggedStatus).label}”,` : ''} is entry #{result.leafIndex} of that tree: its inclusion proof leads to the signed root. It cannot have been edited or removed since without that root changing.
          </List.Item>
          <List.Item>{historyText(result.history)}</List.Item>
        </List>
        <Text size="sm" fw={600}>
          What this does not prove
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>That the verdict is right: the log shows what the reviewer recorded and when it was logged, not that it is correct.</List.Item>
          <List.Item>That the key is Assay’s: it came from this site. Compare it with the verifier key Assay publishes elsewhere.</List.Item>
          <List.Item>
            That everyone sees the same log: a log could show different histories to different people. Auditors who compare tree heads catch that; your browser helps by keeping this tree head to check the next one against.
          </List.Item>
        </List>
      </Stack>
    </Alert>
  );
}

function historyText(history: HistoryCheck): string {
  switch (history.kind) {
    case 'first':
      return 'This is the first tree head of this log your browser has checked; it keeps it, and will check that later ones only add entries to it.';
    case 'same':
      return 'It is the same tree head your browser checked before.';
    case 'extends':
      return `The log only grew since the tree head of ${history.fromSize} entries your browser checked before: nothing in it was changed, removed or reordered.`;
    case 'behind':
      return `Your browser has seen a newer tree head (${history.seenSize} entries) before; this one is consistent with it.`;
  }
}

function CheckFailure({ result }: { result: Extract<ReceiptCheckResult, { ok: false }> }) {
  if (result.stage === 'unsupported' || result.stage === 'pending') {
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Cannot check here" role="status">
        {result.message}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconShieldX aria-hidden />} title="This receipt did not verify" role="alert">
      <Stack gap={4}>
        <span>{result.message}</span>
        <span>Do not rely on this receipt. If it keeps failing, tell Assay or an independent auditor: it may mean the log was tampered with.</span>
      </Stack>
    </Alert>
  );
}
