// Switching portals: versions are per portal, so the new portal's first
// complete copy replaces the library. The library stays as it is until that
// copy has all arrived (the core builds it beside the library), and the
// interface asks before switching and shows the copy arriving.
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSync } from '../../app/sync-state';
import { formatNumber } from '../../ui/format';

export interface PortalSwitchDialogProps {
  /** The portal address about to be saved. */
  portal: string;
  /** The portal the library's copy came from. */
  current: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Switch to portal X?": asked before a portal address that would replace the library is saved. */
export function PortalSwitchDialog({ portal, current, onConfirm, onCancel }: PortalSwitchDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => open || onCancel()} className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog" data-testid="portal-switch-dialog">
          <Heading slot="title" className="portal-switch-title">
            {t('settings.switchPortal.title', { portal })}
          </Heading>
          <p className="portal-switch-text">{t('settings.switchPortal.body', { portal, current })}</p>
          <div className="actions">
            <Button className="button button-primary" onPress={onConfirm}>
              {t('settings.switchPortal.confirm')}
            </Button>
            {/* The choice that changes nothing has the focus. */}
            <Button className="button" onPress={onCancel} autoFocus>
              {t('settings.switchPortal.cancel')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** While a complete copy (another portal's, or a resync) is built beside the library: how far it is. */
export function CopyProgress() {
  const { t, i18n } = useTranslation();
  const { status, progress } = useSync();
  if (!status?.running || progress?.phase !== 'pulling' || !progress.resyncing) return null;
  return (
    <p className="muted portal-switch-text" data-testid="copy-progress">
      {t('settings.copyProgress', { portal: status.serverUrl ?? '', records: formatNumber(progress.records, i18n.language) })}
    </p>
  );
}
