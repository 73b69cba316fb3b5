import { Button, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';

/** Shown on the vendor's own pages to someone who is not one of its members. */
export function NotAMember() {
  return (
    <Stack gap="lg">
      <PageHeader title="Case studies" />
      <EmptyMessage
        icon={<IconLock aria-hidden />}
        title="Only members of this consultancy manage its case studies"
        description="Ask an owner of the consultancy to invite you, or browse the consultancies' published work."
        actions={
          <Button component={Link} to="/consultancies" variant="default">
            Browse consultancies
          </Button>
        }
      />
    </Stack>
  );
}
