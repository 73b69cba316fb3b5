import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { ErrorDescription } from './errors/describe-error';
import { EmptyMessage } from './EmptyMessage';

const AUDIENCE = {
  reviewers: {
    title: 'Only accredited reviewers can do this',
    description: 'Verification tasks go to independent reviewers accredited by Assay. If you should be one, ask an Assay admin to accredit your account, then sign in again.',
  },
  admins: {
    title: 'Only Assay admins can open this page',
    description: 'It holds decisions about reviewers and verdicts, so only Assay administrators can see it.',
  },
} as const;

type Audience = keyof typeof AUDIENCE;

/**
 * A calm page, instead of a red alert, for someone without the role a page needs: the one
 * "only reviewers / only admins" notice of the app; `why` says what the page holds.
 */
export function AccessNotice({ audience, revoked = false, why }: { audience: Audience; revoked?: boolean; why?: string }) {
  const text = AUDIENCE[audience];
  return (
    <EmptyMessage
      icon={<IconLock aria-hidden />}
      title={text.title}
      description={revoked ? 'Your reviewer accreditation was revoked, so you can no longer take verification tasks.' : (why ?? text.description)}
      actions={
        <Button component={Link} to="/" variant="default">
          Back to the home page
        </Button>
      }
    />
  );
}

/** For `QueryState.renderError`: the notice when the API refused for lack of a role. */
export function accessNotice(audience: Audience, why?: string) {
  return (description: ErrorDescription) => {
    const revoked = description.reason === 'ACCREDITATION_REVOKED';
    if (description.code !== 'FORBIDDEN' && !revoked) return undefined;
    return <AccessNotice audience={audience} revoked={revoked} why={why} />;
  };
}
