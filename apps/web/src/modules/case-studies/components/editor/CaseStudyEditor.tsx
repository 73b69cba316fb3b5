import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconRefresh, IconSend } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CaseStudyDetailFragment, CaseStudyQuery } from '../../../../gql/graphql';
import { describeError, type ErrorDescription } from '../../../../ui/errors/describe-error';
import { applyServerErrors } from '../../../../ui/forms';
import { createCaseStudyMutation } from '../../graphql/create-case-study.mutation';
import { submitCaseStudyMutation } from '../../graphql/submit-case-study.mutation';
import { updateCaseStudyMutation } from '../../graphql/update-case-study.mutation';
import { EngagementStep } from './EngagementStep';
import { EvidenceStep } from './EvidenceStep';
import {
  draftInput,
  emptyValues,
  inputFromCaseStudy,
  sameInput,
  STEP,
  stepOfField,
  STEPS,
  validateStep,
  valuesFromCaseStudy,
  type CaseStudyFormValues,
} from './form-model';
import { OutcomesStep } from './OutcomesStep';
import { ProductionStep } from './ProductionStep';
import { ReferencesStep } from './ReferencesStep';
import { ReviewStep } from './ReviewStep';
import { StepHeading } from './StepHeading';

const INTROS: Record<number, string> = {
  [STEP.engagement]: 'Who the client was and what you did. Buyers see the client’s name unless you anonymise it.',
  [STEP.outcomes]:
    'State each result as a metric with its baseline and the value you claim. Reviewers verify these numbers, and buyers see what was verified.',
  [STEP.production]: 'Whether the system went live, and whether the client’s own team can run it without you.',
  [STEP.evidence]: 'Attach what lets a reviewer check your numbers.',
  [STEP.references]: 'People at the client who can confirm the outcomes. Each gets a short questionnaire by email once you submit.',
  [STEP.review]: 'Check everything once more, then send it for independent verification.',
};

const HEADING_ID = 'case-study-step-heading';
const STEP_FORM_ID = 'case-study-step-form';

/** `?step=3` → 2, clamped to the steps that exist. */
function stepFromParam(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n - 1 : 0;
}

interface CaseStudyEditorProps {
  vendorId: string;
  /** The saved draft with its references; null until the first step is saved. */
  caseStudy: CaseStudyQuery['caseStudy'] | null;
  /** An anonymised client's descriptor when this page knows it (the API does not return it). */
  knownDescriptor?: string;
  /** Fetches the draft again after someone else changed it. */
  onReload?: () => Promise<CaseStudyDetailFragment | undefined>;
}

/**
 * The six-step case-study form. The draft is created when step 1 is left for the first
 * time and saved (with `expectedVersion`) whenever a later step is left, so evidence and
 * references always attach to a saved draft. The step lives in the URL (`?step=2`).
 */
export function CaseStudyEditor({ vendorId, caseStudy, knownDescriptor = '', onReload }: CaseStudyEditorProps) {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const step = caseStudy ? stepFromParam(searchParams.get('step')) : STEP.engagement;
  const wide = useMediaQuery('(min-width: 62em)', true);

  const form = useForm<CaseStudyFormValues>({
    name: 'case-study',
    mode: 'controlled',
    initialValues: caseStudy ? valuesFromCaseStudy(caseStudy, knownDescriptor) : emptyValues(),
  });
  const [savedDescriptor, setSavedDescriptor] = useState(knownDescriptor);
  const saved = useMemo(() => inputFromCaseStudy(caseStudy, savedDescriptor), [caseStudy, savedDescriptor]);

  const [createCaseStudy] = useMutation(createCaseStudyMutation);
  const [updateCaseStudy] = useMutation(updateCaseStudyMutation);
  const [submitCaseStudy] = useMutation(submitCaseStudyMutation);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<ErrorDescription | null>(null);
  const [submitError, setSubmitError] = useState<ErrorDescription | null>(null);
  const [stale, setStale] = useState(false);

  // Focus: the first invalid field after a refused step, otherwise the new step's heading
  // (so screen readers announce where the user now is). Typing never moves focus.
  const focusInvalid = useRef(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const requestFocusOnInvalid = () => {
    focusInvalid.current = true;
    setFocusRequest((n) => n + 1);
  };
  const firstRender = useRef(true);
  const contentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // On arrival (e.g. right after the draft was created) only a later step takes focus.
    if (firstRender.current) {
      firstRender.current = false;
      if (step === STEP.engagement) return;
    }
    const timer = setTimeout(() => {
      if (focusInvalid.current) {
        focusInvalid.current = false;
        const invalid = contentRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid) {
          // Centred rather than at the top edge, where the sticky header would cover it.
          invalid.focus({ preventScroll: true });
          invalid.scrollIntoView({ block: 'center' });
          return;
        }
      }
      document.getElementById(HEADING_ID)?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [step, focusRequest]);

  const setStep = (target: number) => setSearchParams({ step: String(target + 1) });

  /** Saves the draft (creating it the first time); returns its id. */
  const save = async (): Promise<string> => {
    const input = draftInput(form.getValues(), saved);
    if (!caseStudy) {
      const { data } = await createCaseStudy({ variables: { input: { ...input, vendorId } } });
      if (!data) throw new Error('No answer from the server.');
      return data.createCaseStudy.id;
    }
    if (!sameInput(input, saved)) {
      await updateCaseStudy({ variables: { input: { ...input, id: caseStudy.id, expectedVersion: caseStudy.version } } });
      setSavedDescriptor(input.client.descriptor ?? '');
    }
    return caseStudy.id;
  };

  const showSaveError = (error: unknown) => {
    const description = describeError(error);
    if (description.reason === 'STALE_VERSION') {
      setStale(true);
      return;
    }
    const rest = applyServerErrors(form, error);
    requestFocusOnInvalid();
    const steps = description.fields.map((f) => stepOfField(f.field));
    if (steps.length && !steps.includes(step)) setStep(Math.min(...steps));
    setAlert(rest ?? { ...description, message: 'Please correct the highlighted fields.' });
  };

  const goTo = async (target: number) => {
    if (target === step || target < 0 || target >= STEPS.length || busy) return;
    setAlert(null);
    if (target > step) {
      const errors = validateStep(step, form.getValues());
      const count = Object.keys(errors).length;
      if (count > 0) {
        form.setErrors(errors);
        requestFocusOnInvalid();
        setAlert({
          code: 'BAD_USER_INPUT',
          message: count === 1 ? 'Please correct the highlighted field before you continue.' : `Please correct the ${count} highlighted fields before you continue.`,
          fields: [],
        });
        return;
      }
      setBusy(true);
      try {
        const id = await save();
        if (!caseStudy) {
          notifications.show({ color: 'teal', title: 'Draft saved', message: 'Only your team can see it until you submit it.' });
          // The edit page loads the draft; the API does not return the descriptor, so pass it along.
          await navigate(`/case-studies/${id}/edit?step=${target + 1}`, {
            replace: true,
            state: { descriptor: form.getValues().client.descriptor },
          });
          return;
        }
      } catch (error) {
        showSaveError(error);
        return;
      } finally {
        setBusy(false);
      }
    }
    setStep(target);
  };

  const submit = async () => {
    if (!caseStudy || busy) return;
    setSubmitError(null);
    setBusy(true);
    try {
      await save();
      await submitCaseStudy({ variables: { id: caseStudy.id } });
      notifications.show({
        color: 'teal',
        title: 'Submitted for verification',
        message: 'An independent reviewer will check it. Your references get their questionnaire by email.',
      });
      await navigate(`/case-studies/${caseStudy.id}`);
    } catch (error) {
      const description = describeError(error);
      if (description.reason === 'STALE_VERSION') setStale(true);
      else {
        // Field messages also go under their inputs, for when the vendor follows a link back.
        applyServerErrors(form, error);
        setSubmitError(description);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) {
      form.setValues(valuesFromCaseStudy(fresh, savedDescriptor));
      form.resetDirty();
      form.clearErrors();
    }
    setStale(false);
    setAlert(null);
  };

  const isFormStep = step <= STEP.production;
  const stepContent = (() => {
    switch (step) {
      case STEP.engagement:
        return <EngagementStep form={form} descriptorUnknown={!!caseStudy && caseStudy.client.anonymised && !knownDescriptor} />;
      case STEP.outcomes:
        return <OutcomesStep form={form} />;
      case STEP.production:
        return <ProductionStep form={form} />;
      case STEP.evidence:
        return caseStudy && <EvidenceStep caseStudyId={caseStudy.id} />;
      case STEP.references:
        return caseStudy && <ReferencesStep caseStudyId={caseStudy.id} references={caseStudy.references ?? []} />;
      default:
        return caseStudy && <ReviewStep caseStudy={caseStudy} submitError={submitError} />;
    }
  })();

  return (
    <Stack gap="xl">
      <Box component="nav" aria-label="Case study steps">
        <Stepper
          active={step}
          onStepClick={(index) => void goTo(index)}
          size="sm"
          iconSize={wide ? 36 : 30}
          wrap={false}
          styles={{ separator: { marginInline: wide ? 6 : 2, minWidth: 6 } }}
        >
          {STEPS.map((s, index) => (
            <Stepper.Step
              key={s.key}
              label={wide ? s.label : undefined}
              // The accessible name starts with the visible label (WCAG 2.5.3); without one (a phone) it says the step.
              aria-label={wide ? s.label : `Step ${index + 1} of ${STEPS.length}: ${s.label}`}
              aria-current={index === step ? 'step' : undefined}
              allowStepSelect={caseStudy ? true : index === 0}
            />
          ))}
        </Stepper>
        {!wide && (
          <Text size="sm" c="dimmed" mt="xs" aria-hidden>
            Step {step + 1} of {STEPS.length}
          </Text>
        )}
      </Box>

      <Stack gap="lg" ref={contentRef}>
        <StepHeading id={HEADING_ID} title={`${step + 1}. ${STEPS[step].label}`}>
          {INTROS[step]}
        </StepHeading>

        {stale && (
          <Alert role="alert" color="orange" variant="light" icon={<IconAlertCircle aria-hidden />} title="Someone else changed this draft">
            <Stack gap="sm" align="flex-start">
              <Text size="sm">
                A colleague saved this draft after you opened it, so your last change was not saved (nothing of theirs was lost).
                Reload the draft to see their version; your unsaved edits on this page will be replaced.
              </Text>
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void reload()}>
                Reload the draft
              </Button>
            </Stack>
          </Alert>
        )}

        {/* The summary sits above the fields it is about, where the eye (and a screen reader) starts. */}
        {alert && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Not saved yet">
            {alert.message}
          </Alert>
        )}

        {isFormStep ? (
          <form
            id={STEP_FORM_ID}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void goTo(step + 1);
            }}
          >
            {stepContent}
          </form>
        ) : (
          stepContent
        )}

        <Group justify="space-between" gap="sm" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => void goTo(step - 1)} disabled={step === 0 || busy}>
            Back
          </Button>
          {step < STEP.review ? (
            <Button
              type={isFormStep ? 'submit' : 'button'}
              form={isFormStep ? STEP_FORM_ID : undefined}
              onClick={isFormStep ? undefined : () => void goTo(step + 1)}
              rightSection={<IconArrowRight size={16} aria-hidden />}
              loading={busy}
            >
              Next
            </Button>
          ) : (
            <Button color="teal" rightSection={<IconSend size={16} aria-hidden />} loading={busy} onClick={() => void submit()}>
              Submit for verification
            </Button>
          )}
        </Group>
      </Stack>
    </Stack>
  );
}
