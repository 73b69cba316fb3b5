import { useCallback, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { ledgerConsistencyProofQuery } from '../graphql/ledger-consistency-proof.query';
import { checkReceipt, loadSeenCheckpoint, type Receipt, type ReceiptCheckResult, saveSeenCheckpoint } from '../receipt-check';

export type ReceiptCheckState = { status: 'idle' } | { status: 'checking' } | { status: 'done'; result: ReceiptCheckResult };

/**
 * Runs the in-browser check of a receipt on demand. A check belongs to one entry and
 * one tree head: when the receipt moves on (a newer tree head), the result resets.
 */
export function useReceiptCheck(receipt: Receipt): { state: ReceiptCheckState; check: () => Promise<void> } {
  const client = useApolloClient();
  const key = `${receipt.entry.index}:${receipt.checkpoint?.treeSize ?? 'none'}`;
  const [run, setRun] = useState<{ key: string; state: ReceiptCheckState }>({ key, state: { status: 'idle' } });

  const check = useCallback(async () => {
    setRun({ key, state: { status: 'checking' } });
    const result = await checkReceipt(receipt, {
      seen: loadSeenCheckpoint(receipt.origin),
      consistencyProof: async (from, to) => {
        const { data } = await client.query({ query: ledgerConsistencyProofQuery, variables: { from, to }, fetchPolicy: 'network-only' });
        if (!data) throw new Error('no consistency proof');
        return data.ledgerConsistencyProof.proof;
      },
    });
    if (result.ok) saveSeenCheckpoint(receipt.origin, { treeSize: result.treeSize, rootHash: result.rootHash });
    setRun({ key, state: { status: 'done', result } });
  }, [client, key, receipt]);

  return { state: run.key === key ? run.state : { status: 'idle' }, check };
}
