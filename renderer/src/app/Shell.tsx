import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConflictsBadge } from '../features/member-sync/MemberSyncAttention';
import { useOutboxStatus } from '../features/outbox/outbox-state';
import { SearchPalette } from '../features/search/SearchPalette';
import { formatNumber } from '../ui/format';
import { InsecurePortalBadge, OfflineBadge, SyncIndicator } from './SyncIndicator';
import { useCore } from './core';
import { isReaderHash, rememberFocus, restoreFocus } from './focus-return';
import { href, navigate, SCREENS, type Route } from './router';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The folded navigation's state: open or closed. Opening it moves focus to
 * the current screen's link; it closes on Esc (focus back on the button), on
 * a click outside it, and when a link in it is followed.
 */
function useNavigationMenu(route: Route) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => setOpen(false), [route.hash]);
  useEffect(() => {
    if (!open) return undefined;
    const links = navRef.current?.querySelectorAll<HTMLAnchorElement>('a');
    (navRef.current?.querySelector<HTMLAnchorElement>('a[aria-current="page"]') ?? links?.[0])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !navRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return { open, setOpen, buttonRef, navRef };
}

/**
 * Header, navigation and main landmark around the current screen; Ctrl/Cmd+K
 * opens the search everywhere, and so do the Electron menu's Search and
 * Settings items (an `app.command` event from main).
 */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { events } = useCore();
  const outbox = useOutboxStatus();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const menu = useNavigationMenu(route);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(
    () =>
      events.on('app.command', (command) => {
        if (command === 'search.open') setPaletteOpen(true);
        else if (command === 'settings.open') navigate(href('settings'));
      }),
    [events],
  );

  // Leaving a screen for the Reader: remember what had focus there (before the next screen replaces it).
  useEffect(() => {
    const onHashChange = (event: HashChangeEvent) => {
      const from = new URL(event.oldURL).hash;
      if (isReaderHash(new URL(event.newURL).hash) && !isReaderHash(from)) rememberFocus(from, document.activeElement);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // After a navigation, focus the new screen's heading so screen readers announce it; back from
  // the Reader, focus the row or link it was opened from. (A new query on the same screen, e.g. a
  // facet, keeps focus where it is.)
  const routeKey = route.hash.split('?', 1)[0];
  const hashRef = useRef(route.hash);
  hashRef.current = route.hash;
  const previousKey = useRef(routeKey);
  useEffect(() => {
    const cameFrom = previousKey.current;
    previousKey.current = routeKey;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const focusHeading = () => main.querySelector<HTMLElement>('h1')?.focus();
    if (!isReaderHash(cameFrom ?? '')) {
      focusHeading();
      return;
    }
    return restoreFocus(hashRef.current, main, focusHeading);
  }, [routeKey]);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault(); // The hash is the router's: move focus instead.
          mainRef.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        {/* Below 1000 px the navigation folds behind this button (the stylesheet hides the button on wider windows). */}
        <button
          type="button"
          ref={menu.buttonRef}
          className="button menu-button"
          aria-expanded={menu.open}
          aria-controls="main-navigation"
          onClick={() => menu.setOpen(!menu.open)}
          data-testid="menu-button"
        >
          <span aria-hidden="true">☰ </span>
          {t('shell.menu')}
        </button>
        <span className="app-name">{t('app.name')}</span>
        <Button className="button search-button" onPress={() => setPaletteOpen(true)} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
          {t('shell.search')} <kbd>{isMac ? '⌘K' : t('shell.ctrlK')}</kbd>
        </Button>
        <div className="header-status">
          {outbox?.signInRequired && (
            <a href={href('settings')} className="badge badge-offline" data-testid="sign-in-prompt">
              {t('outbox.signInPrompt')}
            </a>
          )}
          <InsecurePortalBadge />
          <OfflineBadge />
          <SyncIndicator />
        </div>
      </header>
      <nav
        id="main-navigation"
        ref={menu.navRef}
        className="sidebar"
        aria-label={t('shell.navigation')}
        data-open={menu.open ? 'true' : undefined}
        onClick={(event) => {
          // The current screen's link changes no route: close on any link.
          if (event.target instanceof Element && event.target.closest('a')) menu.setOpen(false);
        }}
      >
        <ul>
          {SCREENS.map((screen) => (
            <li key={screen}>
              <a href={href(screen)} aria-current={route.screen === screen ? 'page' : undefined}>
                {t(`screens.${screen}`)}
                {screen === 'outbox' && outbox !== null && outbox.pending > 0 && ' '}
                {screen === 'outbox' && outbox !== null && outbox.pending > 0 && (
                  <span className="badge" data-testid="outbox-badge" data-count={outbox.pending}>
                    {formatNumber(outbox.pending, i18n.language)}
                    <span className="visually-hidden"> {t('outbox.badgeLabel', { count: outbox.pending })}</span>
                  </span>
                )}
                {screen === 'settings' && <ConflictsBadge />}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        {children}
      </main>
      <SearchPalette isOpen={paletteOpen} onOpenChange={setPaletteOpen} />
    </div>
  );
}
