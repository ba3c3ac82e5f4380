// "Add to a collection" for one synced item, from the Reader, search results
// and lists: a dialog to pick a collection or name a new one.
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Input, Label, Modal, ModalOverlay, Radio, RadioGroup, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { collectionName, type Collection } from '../../../../shared/annotations';
import type { ContentType } from '../../../../shared/content';
import { errorMessage, useApi } from '../../app/core';
import { useLoad } from '../../app/use-load';

const NEW = '\u0000new';
/** The collection chosen last, offered first next time. */
let lastChosen: string | null = null;

export function AddToCollection({ item, title, quiet = false }: { item: { type: ContentType; id: string }; title: string; quiet?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [isOpen, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>(NEW);
  const [newName, setNewName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Read each time the dialog opens; the list of the last opening stays meanwhile, and through a failure.
  const read = useLoad(
    'collections',
    () => api['collections.list']({}),
    {
      enabled: isOpen,
      keep: true,
      onAnswer: (list) => setChoice(lastChosen && list.some((c) => c.name === lastChosen) ? lastChosen : (list[0]?.name ?? NEW)),
      onFailure: setFailure,
    },
  );
  const collections = read.status === 'ready' ? read.value : read.status === 'failed' ? (read.last ?? null) : null;
  const openChange = (open: boolean) => {
    if (open) setFailure(null);
    setOpen(open);
  };

  const name = choice === NEW ? newName.trim() : choice;
  const nameCheck = choice === NEW ? collectionName.safeParse(newName) : ({ success: true } as const);
  const contains = (collection: Collection) => collection.items.some((entry) => entry.type === item.type && entry.id === item.id);

  const add = async () => {
    if (!name || !nameCheck.success) return;
    setBusy(true);
    setFailure(null);
    try {
      await api['collections.addItems']({ name, items: [item], create: choice === NEW });
      lastChosen = name;
      setDone(name);
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
        <Button className={quiet ? 'button button-quiet' : 'button'} aria-label={t('collections.addNamed', { title })} data-testid="add-to-collection">
          {t('collections.add')}
        </Button>
        <ModalOverlay isDismissable className="modal-overlay">
          <Modal className="modal">
            <Dialog className="dialog stack" aria-labelledby="add-to-collection-title">
              <Heading slot="title" id="add-to-collection-title">
                {t('collections.addTitle')}
              </Heading>
              <p className="muted">{title}</p>
              <form
                className="stack"
                onSubmit={(event) => {
                  event.preventDefault();
                  void add();
                }}
              >
                {collections === null && !failure && <p role="status">{t('collections.loading')}</p>}
                {collections && (
                  <RadioGroup className="radio-group" value={choice} onChange={setChoice} data-testid="collection-choice">
                    <Label>{t('collections.choose')}</Label>
                    {collections.map((collection) => (
                      <Radio key={collection.id} value={collection.name} className="radio">
                        {contains(collection) ? t('collections.alreadyIn', { name: collection.name }) : collection.name}
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
                    {t('collections.addButton')}
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
          {t('collections.added', { name: done })}
        </span>
      )}
    </span>
  );
}
