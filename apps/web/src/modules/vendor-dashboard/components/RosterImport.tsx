import { useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@apollo/client/react';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { plural } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { importRosterMutation } from '../graphql/import-roster.mutation';
import { previewRosterCsv, ROSTER_COLUMNS, ROSTER_LIMITS, ROSTER_TEMPLATE, rosterRowProblems, type RosterPreview, type RosterRowProblem } from './roster-csv';
import { refetchAfter } from '../../../app/refetch-policy';

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(ROSTER_TEMPLATE)}`;

/** Paste CSV text or choose a .csv file, see the first rows, import all or nothing. */
export function RosterImport({ vendorId }: { vendorId: string }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: ErrorDescription; problems: RosterRowProblem[] } | null>(null);
  const resetFile = useRef<() => void>(null);
  const [importRoster, { loading }] = useMutation(importRosterMutation, refetchAfter('importRoster'));

  const preview = useMemo(() => previewRosterCsv(text), [text]);
  const tooLarge = !!preview && preview.bytes > ROSTER_LIMITS.maxBytes;
  const tooMany = !!preview && preview.rowCount > ROSTER_LIMITS.maxRows;

  const changeText = (value: string) => {
    setText(value);
    setFailure(null);
    setLocalError(null);
  };

  const chooseFile = async (file: File | null) => {
    setFailure(null);
    setLocalError(null);
    if (!file) return;
    if (file.size > ROSTER_LIMITS.maxBytes) {
      setLocalError(`${file.name} is larger than 1 MB. Split it into files of at most ${ROSTER_LIMITS.maxRows.toLocaleString('en-GB')} rows.`);
      resetFile.current?.();
      return;
    }
    try {
      setText(await file.text());
      setFileName(file.name);
    } catch {
      setLocalError(`Could not read ${file.name}. Save it as CSV (UTF-8) and choose it again.`);
    }
    resetFile.current?.();
  };

  const submit = async () => {
    setFailure(null);
    setLocalError(null);
    if (!preview) {
      setLocalError('Paste the CSV text or choose a .csv file first.');
      return;
    }
    try {
      const { data } = await importRoster({ variables: { input: { vendorId, csv: text } } });
      if (!data) return;
      notifications.show({
        color: 'teal',
        title: 'Roster imported',
        message: `Added ${plural(data.importRoster.imported, 'engagement', 'engagements')}; your roster now has ${data.importRoster.totalEntries.toLocaleString('en-GB')}.`,
      });
      setText('');
      setFileName(null);
    } catch (error) {
      const description = describeError(error);
      setFailure({ error: description, problems: rosterRowProblems(description.fields) });
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        One engagement per row. The first row names the columns:{' '}
        {ROSTER_COLUMNS.map((c, i) => (
          <span key={c}>
            <code>{c}</code>
            {i < ROSTER_COLUMNS.length - 1 ? ', ' : '.'}
          </span>
        ))}{' '}
        Dates are year-month-day (2024-03-31); leave the end empty while a project runs. If any row has a problem, nothing is imported and
        every problem is listed, so you can fix the file and import it again.
      </Text>
      <Group gap="sm">
        <FileButton onChange={(file) => void chooseFile(file)} accept=".csv,text/csv" resetRef={resetFile}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
              Choose a .csv file
            </Button>
          )}
        </FileButton>
        <Anchor href={TEMPLATE_HREF} download="assay-roster-template.csv" size="sm">
          <Group gap={4} component="span">
            <IconDownload size={14} aria-hidden />
            Download a template
          </Group>
        </Anchor>
        {fileName && (
          <Badge variant="light" color="gray" tt="none" leftSection={<IconFileSpreadsheet size={12} aria-hidden />}>
            {fileName}
          </Badge>
        )}
      </Group>
      <Textarea
        label="CSV text"
        description="Paste from a spreadsheet saved as CSV, or choose a file above."
        placeholder={`${ROSTER_COLUMNS.join(',')}\n…`}
        autosize
        minRows={5}
        maxRows={12}
        value={text}
        onChange={(event) => changeText(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
        error={tooLarge ? 'The text is larger than 1 MB.' : tooMany ? `Import at most ${ROSTER_LIMITS.maxRows.toLocaleString('en-GB')} rows at a time.` : undefined}
        spellCheck={false}
      />
      {preview && <PreviewTable preview={preview} problems={failure?.problems ?? []} />}
      {localError && (
        <Alert role="alert" color="red" variant="light" title="Cannot import this" icon={<IconAlertCircle aria-hidden />}>
          {localError}
        </Alert>
      )}
      {failure && <ImportFailure error={failure.error} problems={failure.problems} />}
      <Group>
        <Button onClick={() => void submit()} loading={loading} disabled={!preview || tooLarge || tooMany} leftSection={<IconUpload size={16} aria-hidden />}>
          {preview && preview.rowCount > 0 ? `Import ${plural(preview.rowCount, 'engagement', 'engagements')}` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}

function PreviewTable({ preview, problems }: { preview: RosterPreview; problems: RosterRowProblem[] }) {
  const badRows = new Set(problems.map((p) => p.row));
  return (
    <Stack gap={6} component="section" aria-labelledby="roster-preview-title">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h4" id="roster-preview-title">
          Preview
        </Title>
        <Text size="sm" c="dimmed">
          {preview.rowCount > preview.rows.length
            ? `First ${preview.rows.length} of ${plural(preview.rowCount, 'row', 'rows')}`
            : plural(preview.rowCount, 'row', 'rows')}
        </Text>
      </Group>
      <TableScroll label="Preview of the first rows" minWidth={720}>
        <Table verticalSpacing={6} fz="xs" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              {preview.header.map((name, i) => (
                <Table.Th scope="col" key={`${name}-${i}`}>
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map(({ row, cells }) => (
              <Table.Tr key={row} bg={badRows.has(row) ? 'red.1' : undefined}>
                <Table.Td>{row}</Table.Td>
                {preview.header.map((_, i) => (
                  <Table.Td key={i} style={{ overflowWrap: 'anywhere' }}>
                    {cells[i] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

function ImportFailure({ error, problems }: { error: ErrorDescription; problems: RosterRowProblem[] }) {
  return (
    <Alert role="alert" color="red" variant="light" title="Could not import the file" icon={<IconAlertCircle aria-hidden />}>
      <Stack gap="sm">
        <Text size="sm">{error.message}</Text>
        {problems.length > 0 && (
          <TableScroll label="Problems by row" minWidth={520}>
            <Table verticalSpacing={6} fz="sm" withTableBorder bg="white">
              <Table.Caption>Rows are numbered as in the file; the header is row 1.</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Row</Table.Th>
                  <Table.Th scope="col">Column</Table.Th>
                  <Table.Th scope="col">Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p, i) => (
                  <Table.Tr key={`${p.row}-${p.column}-${i}`}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.column ? <code>{p.column}</code> : '—'}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </Alert>
  );
}
