// The one form a member writes forum text in: a new thread (title and
// message), a reply (message), or either of them edited from the Outbox. The
// text is checked with the outbox's own draft rules and sent trimmed.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, FieldError, Input, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { forumReplyDraft, forumThreadDraft } from '../../../../shared/outbox';
import { errorMessage } from '../../app/core';

export interface ForumText {
  title: string;
  body: string;
}

interface ComposerText {
  /** The thread title's first value; absent for a reply, which has no title. */
  title?: string;
  body?: string;
  bodyLabel: string;
  rows: number;
  /** Words under the message field (where the text goes once sent). */
  hint?: ReactNode;
  submitLabel: string;
  /**
   * Saves the trimmed text. Resolves to the words confirming it, which are
   * shown under the form while the form empties for the next text, or to
   * nothing when the caller moves on (the Outbox's editor goes back to the list).
   */
  onSubmit: (text: ForumText) => Promise<string | undefined>;
  /** A failure in the user's words; the error's own message by default. */
  describeFailure?: (error: unknown) => string;
}

/**
 * Either a card of its own under a heading, with its outcome announced below
 * the form (the forum screens), or the form of a screen whose heading names it,
 * with a failure announced above its button (the Outbox's editor).
 */
type Placement = { heading: string; headingId: string; statusTestId?: string } | { labelledBy: string };

export type ForumComposerProps = ComposerText & Placement;

export function ForumComposer(props: ForumComposerProps) {
  const { t } = useTranslation();
  const { bodyLabel, rows, hint, submitLabel, onSubmit, describeFailure = errorMessage } = props;
  const withTitle = props.title !== undefined;
  const [title, setTitle] = useState(props.title ?? '');
  const [body, setBody] = useState(props.body ?? '');
  const [tried, setTried] = useState(false);
  const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);
  const titleValid = !withTitle || forumThreadDraft.shape.title.safeParse(title).success;
  const bodyValid = (withTitle ? forumThreadDraft : forumReplyDraft).shape.body.safeParse(body).success;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!titleValid || !bodyValid) return;
    try {
      const confirmation = await onSubmit({ title: title.trim(), body: body.trim() });
      if (confirmation === undefined) return;
      setTitle('');
      setBody('');
      setTried(false);
      setOutcome({ error: false, text: confirmation });
    } catch (error) {
      setOutcome({ error: true, text: describeFailure(error) });
    }
  };

  const ownCard = 'heading' in props;
  const form = (
    <form className={ownCard ? 'stack' : 'stack card'} onSubmit={(event) => void submit(event)} noValidate aria-labelledby={ownCard ? props.headingId : props.labelledBy}>
      {withTitle && (
        <TextField value={title} onChange={setTitle} className="field" isInvalid={tried && !titleValid}>
          <Label>{t('forums.threadTitle')}</Label>
          <Input className="input" />
          <FieldError className="error">{t('forums.titleInvalid')}</FieldError>
        </TextField>
      )}
      <TextField value={body} onChange={setBody} className="field" isInvalid={tried && !bodyValid}>
        <Label>{bodyLabel}</Label>
        <TextArea className="input textarea" rows={rows} />
        {hint}
        <FieldError className="error">{t('forums.bodyInvalid')}</FieldError>
      </TextField>
      {!ownCard && (
        <p role="alert" className="error">
          {outcome?.text}
        </p>
      )}
      <div className="actions">
        <Button type="submit" className="button button-primary">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
  if (!ownCard) return form;
  return (
    <section aria-labelledby={props.headingId} className="card composer">
      <h2 id={props.headingId}>{props.heading}</h2>
      {form}
      <p role="status" className={outcome?.error ? 'error' : 'muted'} data-testid={props.statusTestId}>
        {outcome?.text}
      </p>
    </section>
  );
}
