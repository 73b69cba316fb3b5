import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';
import { BackLink } from '../../../ui/BackLink';
import { CaseStudyEditor } from '../components/editor/CaseStudyEditor';
import { NotAMember } from '../components/NotAMember';
import { vendorMembership } from '../hooks/use-vendor-membership';

/** `/vendor/:vendorId/case-studies/new`: step 1 of the form; leaving it creates the draft. */
export function NewCaseStudyPage() {
  return <RequireSignIn>{(me) => <NewCaseStudy me={me} />}</RequireSignIn>;
}

function NewCaseStudy({ me }: { me: CurrentUser }) {
  const { vendorId = '' } = useParams();
  const membership = vendorMembership(me, vendorId);
  if (!membership) return <NotAMember />;
  return (
    <>
      <PageHeader
        title="New case study"
        eyebrow={<BackLink to={`/vendor/${vendorId}/case-studies`}>{`Case studies of ${membership.organization.name}`}</BackLink>}
        description="It stays a private draft, saved as you go, until you submit it for verification."
      />
      <CaseStudyEditor vendorId={vendorId} caseStudy={null} />
    </>
  );
}
