// The few strings the main process shows itself (the application menu, the
// core-crash dialog), in the interface languages. The renderer's strings live in
// renderer/src/app/i18n; main cannot import the renderer, and these are main's own.
import type { Envelope } from '../../shared/contract';
import { settingsSchema, type Settings } from '../../shared/sync';

export type InterfaceLanguage = Settings['interfaceLanguage'];

export interface MainStrings {
  menu: {
    file: string;
    edit: string;
    view: string;
    window: string;
    help: string;
    search: string;
    settings: string;
    closeWindow: string;
    quit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    pasteAndMatchStyle: string;
    delete: string;
    selectAll: string;
    reload: string;
    forceReload: string;
    toggleDevTools: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    toggleFullScreen: string;
    minimize: string;
    zoom: string;
    front: string;
    about: string;
    services: string;
    hide: string;
    hideOthers: string;
    unhide: string;
    website: string;
  };
  core: {
    restarted: string;
    gaveUp: string;
    exitCode: string;
    restartApp: string;
    close: string;
  };
}

export const MAIN_STRINGS: Record<InterfaceLanguage, MainStrings> = {
  en: {
    menu: {
      file: 'File',
      edit: 'Edit',
      view: 'View',
      window: 'Window',
      help: 'Help',
      search: 'Search…',
      settings: 'Settings…',
      closeWindow: 'Close Window',
      quit: 'Quit EWSI Desktop',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      pasteAndMatchStyle: 'Paste and Match Style',
      delete: 'Delete',
      selectAll: 'Select All',
      reload: 'Reload',
      forceReload: 'Force Reload',
      toggleDevTools: 'Toggle Developer Tools',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      toggleFullScreen: 'Toggle Full Screen',
      minimize: 'Minimize',
      zoom: 'Zoom',
      front: 'Bring All to Front',
      about: 'About EWSI Desktop',
      services: 'Services',
      hide: 'Hide EWSI Desktop',
      hideOthers: 'Hide Others',
      unhide: 'Show All',
      website: 'EWSI Website',
    },
    core: {
      restarted: 'The EWSI core stopped and was restarted. Nothing you saved was lost.',
      gaveUp: 'The EWSI core stopped {{count}} times within a minute and was not restarted again. Your data is safe; restart EWSI Desktop to continue.',
      exitCode: 'Exit code: {{code}}',
      restartApp: 'Restart EWSI Desktop',
      close: 'Close',
    },
  },
  fr: {
    menu: {
      file: 'Fichier',
      edit: 'Édition',
      view: 'Affichage',
      window: 'Fenêtre',
      help: 'Aide',
      search: 'Rechercher…',
      settings: 'Paramètres…',
      closeWindow: 'Fermer la fenêtre',
      quit: 'Quitter EWSI Desktop',
      undo: 'Annuler',
      redo: 'Rétablir',
      cut: 'Couper',
      copy: 'Copier',
      paste: 'Coller',
      pasteAndMatchStyle: 'Coller et adapter le style',
      delete: 'Supprimer',
      selectAll: 'Tout sélectionner',
      reload: 'Actualiser',
      forceReload: 'Forcer l’actualisation',
      toggleDevTools: 'Outils de développement',
      resetZoom: 'Taille réelle',
      zoomIn: 'Zoom avant',
      zoomOut: 'Zoom arrière',
      toggleFullScreen: 'Plein écran',
      minimize: 'Réduire',
      zoom: 'Agrandir',
      front: 'Tout ramener au premier plan',
      about: 'À propos d’EWSI Desktop',
      services: 'Services',
      hide: 'Masquer EWSI Desktop',
      hideOthers: 'Masquer les autres',
      unhide: 'Tout afficher',
      website: 'Site web EWSI',
    },
    core: {
      restarted: 'Le cœur d’EWSI s’est arrêté et a été redémarré. Rien de ce que vous avez enregistré n’est perdu.',
      gaveUp: 'Le cœur d’EWSI s’est arrêté {{count}} fois en une minute et n’a plus été redémarré. Vos données sont intactes ; redémarrez EWSI Desktop pour continuer.',
      exitCode: 'Code de sortie : {{code}}',
      restartApp: 'Redémarrer EWSI Desktop',
      close: 'Fermer',
    },
  },
  de: {
    menu: {
      file: 'Datei',
      edit: 'Bearbeiten',
      view: 'Ansicht',
      window: 'Fenster',
      help: 'Hilfe',
      search: 'Suchen…',
      settings: 'Einstellungen…',
      closeWindow: 'Fenster schließen',
      quit: 'EWSI Desktop beenden',
      undo: 'Rückgängig',
      redo: 'Wiederholen',
      cut: 'Ausschneiden',
      copy: 'Kopieren',
      paste: 'Einfügen',
      pasteAndMatchStyle: 'Einsetzen und Stil anpassen',
      delete: 'Löschen',
      selectAll: 'Alles auswählen',
      reload: 'Neu laden',
      forceReload: 'Neu laden erzwingen',
      toggleDevTools: 'Entwicklerwerkzeuge',
      resetZoom: 'Originalgröße',
      zoomIn: 'Vergrößern',
      zoomOut: 'Verkleinern',
      toggleFullScreen: 'Vollbild',
      minimize: 'Minimieren',
      zoom: 'Zoomen',
      front: 'Alle nach vorne bringen',
      about: 'Über EWSI Desktop',
      services: 'Dienste',
      hide: 'EWSI Desktop ausblenden',
      hideOthers: 'Andere ausblenden',
      unhide: 'Alle einblenden',
      website: 'EWSI-Website',
    },
    core: {
      restarted: 'Der EWSI-Kern wurde beendet und neu gestartet. Nichts Gespeichertes ging verloren.',
      gaveUp: 'Der EWSI-Kern wurde innerhalb einer Minute {{count}}-mal beendet und nicht erneut gestartet. Ihre Daten sind sicher; starten Sie EWSI Desktop neu, um fortzufahren.',
      exitCode: 'Exit-Code: {{code}}',
      restartApp: 'EWSI Desktop neu starten',
      close: 'Schließen',
    },
  },
};

/** Fills {{name}} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The interface language in an answer of settings.get or settings.update that
 * passed through main's IPC gate: how main learns the user changed it (the
 * renderer saves it with settings.update) and rebuilds the menu. Undefined for
 * any other call, a failure, or a value that is not one of the languages.
 */
export function interfaceLanguageIn(method: unknown, envelope: Envelope): InterfaceLanguage | undefined {
  if ((method !== 'settings.get' && method !== 'settings.update') || !envelope.ok) return undefined;
  const value = envelope.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const parsed = settingsSchema.shape.interfaceLanguage.safeParse((value as { interfaceLanguage?: unknown }).interfaceLanguage);
  return parsed.success ? parsed.data : undefined;
}
