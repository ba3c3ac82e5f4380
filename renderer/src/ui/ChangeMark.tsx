// The one mark for what the user has not seen yet: an icon and the word "New"
// or "Changed" (the colour only helps), the same on every screen, in the
// interface language even inside a record's own (lang) text.
import { useTranslation } from 'react-i18next';
import type { UnseenChange } from '../../../shared/library';

export function ChangeMark({ change, as = 'span', children }: { change: Exclude<UnseenChange, null>; as?: 'span' | 'p'; children?: string }) {
  const { t, i18n } = useTranslation();
  const Tag = as;
  return (
    <Tag className="change-mark" data-testid="change-mark" data-change={change} lang={i18n.language}>
      <span aria-hidden="true">✎ </span>
      {children ?? t(change === 'new' ? 'changes.new' : 'changes.changed')}
    </Tag>
  );
}
