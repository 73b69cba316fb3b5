import { Alert, List, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconEyeExclamation } from '@tabler/icons-react';
import { formatDate } from '../../../ui/format';
import { PUBLIC_TEXT_FIELD } from '../../../ui/labels';
import { caseStudyAnonymityFlagsQuery } from '../graphql/anonymity-flags';


/** For the vendor: open flags that the text of an anonymised case study names its client; a new revision fixes them. */
export function AnonymityFlagsNotice({ caseStudyId }: { caseStudyId: string }) {
  const { data } = useQuery(caseStudyAnonymityFlagsQuery, { variables: { caseStudyId } });
  const open = data?.caseStudyAnonymityFlags.filter((f) => f.open) ?? [];
  if (open.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconEyeExclamation aria-hidden />} title="A reviewer says this text names your anonymised client">
      <List size="sm" spacing={4}>
        {open.map((f) => (
          <List.Item key={f.id}>
            In the {f.fields.map((field) => PUBLIC_TEXT_FIELD[field].toLowerCase()).join(' and the ')} ({formatDate(f.createdAt)}): {f.note}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        Buyers read this text, and your client asked not to be named. Start a new revision without the name and submit it; the flag closes when the revision replaces this one.
      </Text>
    </Alert>
  );
}
