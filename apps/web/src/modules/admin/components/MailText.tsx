import { Anchor, Code } from '@mantine/core';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** A plain-text mail body with its links clickable (invitation links in development). */
export function MailText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part} size="sm" ff="inherit">
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </Code>
  );
}
