import { Badge, Tooltip } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';

/** Marks a client whose name buyers do not see. */
export function AnonymisedBadge() {
  return (
    <Tooltip label="Buyers see only your description of the client, not its name.">
      <Badge variant="outline" color="gray" tt="none" fw={500} leftSection={<IconEyeOff size={12} aria-hidden />} tabIndex={0}>
        Anonymised to buyers
      </Badge>
    </Tooltip>
  );
}
