import { useState, type ReactNode } from 'react';
import { Button, Group, Popover, Stack, Text, type ButtonProps } from '@mantine/core';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  children: ReactNode;
  /** Accessible name when the visible text is not enough (e.g. "Remove acme.com"). */
  'aria-label'?: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
}

/** A button that asks once more before doing something that cannot be undone. */
export function ConfirmButton({ children, question, confirmLabel, onConfirm, ...buttonProps }: ConfirmButtonProps) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpened(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={260} shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <Button {...buttonProps} onClick={() => setOpened((o) => !o)} aria-haspopup="dialog" aria-expanded={opened}>
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label="Confirm">
        <Stack gap="sm">
          <Text size="sm">{question}</Text>
          <Group gap="xs" justify="flex-end">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button size="xs" color="red" loading={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
