// "Add to a collection" from the Reader, search results and lists: a dialog to
// pick a collection or name a new one, for one synced item (AddToCollection)
// or for many at once, a selection or every record of a list or search
// (AddManyToCollection).
import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Input, Label, Modal, ModalOverlay, Radio, RadioGroup, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { collectionName, MAX_COLLECTION_ADD, type Collection, type CollectionSource } from '../../../../shared/annotations';
import type { ContentType } from '../../../../shared/content';
import { errorMessage, useApi } from '../../app/core';
import { useLoad } from '../../app/use-load';
import { formatNumber } from '../../ui/format';

const NEW = '\u0000new';
/** The collection chosen last, offered first next time. */
let lastChosen: string | null = null;

type ItemKey = { type: ContentType; id: string };

interface PickerProps {
  buttonLabel: string;
  /** The button's accessible name when its words alone do not say what is added. */
  buttonName?: string;
  /** What is added, under the dialog's heading. */
  subject: ReactNode;
  quiet?: boolean;
  isDisabled?: boolean;
  testId?: string;
  /** How a collection is named in the choice (e.g. that the item is already in it). */
  choiceLabel?: (collection: Collection) => string;
  /** Adds to the collection named; resolves to the words confirming it. */
  add: (name: string, create: boolean, collections: Collection[]) => Promise<string>;
}

function CollectionPicker({ buttonLabel, buttonName, subject, quiet = false, isDisabled = false, testId = 'add-to-collection', choiceLabel, add }: PickerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [isOpen, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>(NEW);
  const [newName, setNewName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Read each time the dialog opens; the list of the last opening stays meanwhile, and through a failure.
  const read = useLoad('collections', () => api['collections.list']({}), {
    enabled: isOpen,
    keep: true,
    onAnswer: (list) => setChoice(lastChosen && list.some((c) => c.name === lastChosen) ? lastChosen : (list[0]?.name ?? NEW)),
    onFailure: setFailure,
  });
  const collections = read.status === 'ready' ? read.value : read.status === 'failed' ? (read.last ?? null) : null;
  const openChange = (open: boolean) => {
    if (open) setFailure(null);
    setOpen(open);
  };

  const name = choice === NEW ? newName.trim() : choice;
  const nameCheck = choice === NEW ? collectionName.safeParse(newName) : ({ success: true } as const);

  const confirm = async () => {
    if (!name || !nameCheck.success) return;
    setBusy(true);
    setFailure(null);
    try {
      const confirmation = await add(name, choice === NEW, collections ?? []);
      lastChosen = name;
      setDone(confirmation);
      setNewName('');
      setOpen(false);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="add-to-collection">
      <DialogTrigger isOpen={isOpen} onOpenChange={openChange}>
        <Button className={quiet ? 'button button-quiet' : 'button'} aria-label={buttonName} isDisabled={isDisabled} data-testid={testId}>
          {buttonLabel}
        </Button>
        <ModalOverlay isDismissable className="modal-overlay">
          <Modal className="modal">
            <Dialog className="dialog stack" aria-labelledby="add-to-collection-title">
              <Heading slot="title" id="add-to-collection-title">
                {t('collections.addTitle')}
              </Heading>
              <p className="muted" data-testid="add-to-collection-subject">
                {subject}
              </p>
              <form
                className="stack"
                onSubmit={(event) => {
                  event.preventDefault();
                  void confirm();
                }}
              >
                {collections === null && !failure && <p role="status">{t('collections.loading')}</p>}
                {collections && (
                  <RadioGroup className="radio-group" value={choice} onChange={setChoice} data-testid="collection-choice">
                    <Label>{t('collections.choose')}</Label>
                    {collections.map((collection) => (
                      <Radio key={collection.id} value={collection.name} className="radio">
                        {choiceLabel?.(collection) ?? collection.name}
                      </Radio>
                    ))}
                    <Radio value={NEW} className="radio">
                      {t('collections.new')}
                    </Radio>
                  </RadioGroup>
                )}
                {choice === NEW && (
                  <TextField className="field" value={newName} onChange={setNewName} isInvalid={newName !== '' && !nameCheck.success} autoFocus>
                    <Label>{t('collections.newName')}</Label>
                    <Input className="input" data-testid="new-collection-name" />
                  </TextField>
                )}
                {failure && (
                  <p role="alert" className="error">
                    {t('collections.addFailed', { message: failure })}
                  </p>
                )}
                <div className="actions">
                  <Button type="submit" className="button button-primary" isDisabled={busy || !name || !nameCheck.success} data-testid="add-to-collection-confirm">
                    {busy ? t('collections.adding') : t('collections.addButton')}
                  </Button>
                  <Button className="button" slot="close">
                    {t('collections.cancel')}
                  </Button>
                </div>
              </form>
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
      {done && (
        <span role="status" className="muted" data-testid="added-to-collection">
          {done}
        </span>
      )}
    </span>
  );
}

/** One synced item. */
export function AddToCollection({ item, title, quiet = false }: { item: ItemKey; title: string; quiet?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const contains = (collection: Collection) => collection.items.some((entry) => entry.type === item.type && entry.id === item.id);
  return (
    <CollectionPicker
      buttonLabel={t('collections.add')}
      buttonName={t('collections.addNamed', { title })}
      subject={title}
      quiet={quiet}
      choiceLabel={(collection) => (contains(collection) ? t('collections.alreadyIn', { name: collection.name }) : collection.name)}
      add={async (name, create) => {
        await api['collections.addItems']({ name, items: [item], create });
        return t('collections.added', { name });
      }}
    />
  );
}

/**
 * Many records at once: the ones selected (`keys` reads them), or every record
 * of a list or a search (`source`, resolved by the core in one call).
 */
export function AddManyToCollection({
  count,
  buttonLabel,
  subject,
  what,
  testId,
}: {
  count: number;
  buttonLabel: string;
  subject: string;
  what: { keys: () => Promise<ItemKey[]> } | { source: CollectionSource };
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const tooMany = count > MAX_COLLECTION_ADD;
  const confirmation = (name: string, added: number, matched: number) => {
    const already = matched - added;
    const addedText = t('collections.addedMany', { count: added, formatted: formatNumber(added, locale), name });
    return already > 0 ? `${addedText} ${t('collections.alreadyThere', { count: already, formatted: formatNumber(already, locale) })}` : addedText;
  };
  return (
    <>
      <CollectionPicker
        buttonLabel={buttonLabel}
        subject={subject}
        isDisabled={count === 0 || tooMany}
        testId={testId}
        add={async (name, create, collections) => {
          if ('source' in what) {
            const result = await api['collections.addMatching']({ name, create, source: what.source });
            return confirmation(result.name, result.added, result.matched);
          }
          const items = await what.keys();
          const before = create ? 0 : (collections.find((collection) => collection.name === name)?.items.length ?? 0);
          const after = await api['collections.addItems']({ name, items, create });
          return confirmation(after.name, after.items.length - before, items.length);
        }}
      />
      {tooMany && <span className="muted">{t('collections.tooMany', { formatted: formatNumber(MAX_COLLECTION_ADD, locale) })}</span>}
    </>
  );
}
