import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = { sent: 'teal', queued: 'gray', failed: 'red' };
const LABELS: Record<string, string> = { sent: 'Sent', queued: 'Queued', failed: 'Failed' };

export function MailStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={COLORS[status] ?? 'gray'}>
      {LABELS[status] ?? status}
    </Badge>
  );
}
