import type { ReactNode } from 'react';
import { EmptyState, Paper } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

interface EmptyMessageProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  /** Buttons that help the user out of the empty state (clear filters, create one). */
  actions?: ReactNode;
}

/** The same calm "nothing here yet" block on every page. */
export function EmptyMessage({ title, description, icon, actions }: EmptyMessageProps) {
  return (
    <Paper withBorder p="xl" bg="gray.0">
      <EmptyState
        role="status"
        size="md"
        variant="light"
        icon={icon ?? <IconInbox aria-hidden />}
        title={title}
        description={description}
      >
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
