// ESLint rule keeping SQL in the data layer: in the app's code only
// electron/core/db/ may import better-sqlite3 or call `.prepare(`, so every
// statement is one a data module (db/corpus/*, db/user/*) owns, typed from
// db/schema.ts. The portal has a data layer of its own, server/db/, to which
// the same holds. Tests and benchmarks reach into the stores on purpose.
import path from 'node:path';

/** Folders the rule applies to. */
export const CHECKED_FOLDERS = ['electron', 'shared', 'renderer', 'server'];
/** The data layers: the desktop's and the portal's own. */
export const DATA_LAYERS = ['electron/core/db', 'server/db'];

const SQLITE_DRIVER = 'better-sqlite3';

const inFolder = (file, folder) => file === folder || file.startsWith(`${folder}/`);

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'better-sqlite3 imports and `.prepare(` calls only in a data layer: electron/core/db/ (the desktop stores) or server/db/ (the portal\'s own); tests/ and bench/ are exempt',
    },
    schema: [],
    messages: {
      driver:
        "SQL outside the data layer (ewsi/data-layer): only electron/core/db/ may import '{{source}}' (and server/db/, the portal's own data layer); take a module of electron/core/db/corpus or electron/core/db/user instead.",
      prepare:
        "SQL outside the data layer (ewsi/data-layer): `.prepare(` runs only in electron/core/db/ (and server/db/, the portal's own data layer); add a typed method to the module of electron/core/db/corpus or electron/core/db/user that owns the table.",
    },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (!CHECKED_FOLDERS.some((folder) => inFolder(file, folder)) || DATA_LAYERS.some((folder) => inFolder(file, folder))) return {};

    function checkSource(node) {
      if (node?.type !== 'Literal' || typeof node.value !== 'string') return;
      if (node.value === SQLITE_DRIVER || node.value.startsWith(`${SQLITE_DRIVER}/`)) context.report({ node, messageId: 'driver', data: { source: node.value } });
    }

    const isPrepare = (property, computed) => (computed ? property.type === 'Literal' && property.value === 'prepare' : property.type === 'Identifier' && property.name === 'prepare');

    return {
      ImportDeclaration: (node) => checkSource(node.source),
      ExportNamedDeclaration: (node) => node.source && checkSource(node.source),
      ExportAllDeclaration: (node) => checkSource(node.source),
      ImportExpression: (node) => checkSource(node.source),
      TSImportType: (node) => checkSource(node.source ?? node.argument?.literal),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && checkSource(node.moduleReference.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') checkSource(node.arguments[0]);
        if (node.callee.type === 'MemberExpression' && isPrepare(node.callee.property, node.callee.computed)) context.report({ node: node.callee.property, messageId: 'prepare' });
      },
    };
  },
};

export default { meta: { name: 'ewsi-data-layer' }, rules: { 'data-layer': rule } };
