// ESLint plugin enforcing the layering table of the design brief (§4), in the
// spirit of VS Code's "code-layering" rule: a layer imports only from the
// layers listed before it, and never a runtime it does not run in.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Folder → layers it may import from (itself included), in table order. */
export const LAYERS = [
  { name: 'shared', may: ['shared'] },
  { name: 'server', may: ['shared', 'server'] },
  { name: 'electron/core', may: ['shared', 'electron/core'] },
  { name: 'electron/main', may: ['shared', 'electron/core', 'electron/main'] },
  // The preload only talks over IPC: it may not reach the core directly.
  { name: 'electron/preload', may: ['shared', 'electron/preload'] },
  { name: 'renderer', may: ['shared', 'renderer'] },
];

const ELECTRON_LAYERS = new Set(['electron/main', 'electron/preload']);
// Layers that must run without Node: runtime-neutral code, the DOM, a sandboxed preload.
const NO_NODE_LAYERS = new Set(['shared', 'renderer', 'electron/preload']);
// npm packages that only work under Node (native addons, sockets, the file system).
const NODE_ONLY_PACKAGES = new Set(['better-sqlite3', 'pg', '@hono/node-server', 'electron-updater', 'tsx', '@electric-sql/pglite', 'autocannon']);
const BUILTINS = new Set(builtinModules);

function layerOf(repoRelative) {
  const normalized = repoRelative.split(path.sep).join('/');
  // Longest folder first, so electron/core wins over a hypothetical electron/.
  return [...LAYERS].sort((a, b) => b.name.length - a.name.length).find((layer) => normalized.startsWith(`${layer.name}/`));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(packageName(specifier));
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the EWSI layering table: which folder may import what' },
    schema: [],
    messages: {
      badLayer: "Bad layering (ewsi/layering): {{from}}/ may import only from {{allowed}}; '{{source}}' is in {{to}}/.",
      outsideLayers: "Bad layering (ewsi/layering): {{from}}/ may import only from {{allowed}}; '{{source}}' is outside the layered folders.",
      electron: "Bad layering (ewsi/layering): only electron/main and electron/preload may import '{{source}}'; {{from}}/ never runs in Electron.",
      node: "Bad layering (ewsi/layering): {{from}}/ runs without Node, so it may not import '{{source}}'.",
    },
  },
  create(context) {
    const root = context.cwd;
    const fileRelative = path.relative(root, context.filename);
    const layer = layerOf(fileRelative);
    if (!layer) return {};

    function check(node, source) {
      if (typeof source !== 'string') return;
      const data = { from: layer.name, source, allowed: layer.may.map((name) => `${name}/`).join(', ') };
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), source));
        const targetLayer = layerOf(target);
        if (!targetLayer) context.report({ node, messageId: 'outsideLayers', data });
        else if (!layer.may.includes(targetLayer.name)) context.report({ node, messageId: 'badLayer', data: { ...data, to: targetLayer.name } });
        return;
      }
      const name = packageName(source);
      if (name === 'electron' && !ELECTRON_LAYERS.has(layer.name)) {
        context.report({ node, messageId: 'electron', data });
      } else if (NO_NODE_LAYERS.has(layer.name) && (isNodeBuiltin(source) || NODE_ONLY_PACKAGES.has(name))) {
        context.report({ node, messageId: 'node', data });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression, node.moduleReference.expression.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { meta: { name: 'ewsi-layering' }, rules: { layering: rule } };
