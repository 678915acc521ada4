// Loaded first by csp.html: records every CSP violation and every Trusted Types
// policy the page creates, for csp.test.ts to read.
window.__csp = { violations: [], policies: [], trustedTypes: typeof trustedTypes !== 'undefined' };
// The blocked element and the widget whose shadow tree holds it: « cnr-territory-map > div.tooltip ».
function describe(target) {
  if (!(target instanceof Element)) return String(target && target.nodeName);
  const root = target.getRootNode();
  const host = root instanceof ShadowRoot ? `${root.host.localName} > ` : '';
  return `${host}${target.localName}${target.classList.length ? `.${[...target.classList].join('.')}` : ''}`;
}
document.addEventListener('securitypolicyviolation', (event) => {
  window.__csp.violations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
    disposition: event.disposition,
    element: describe(event.composedPath()[0]),
  });
});
if (typeof trustedTypes !== 'undefined') {
  const create = trustedTypes.createPolicy.bind(trustedTypes);
  trustedTypes.createPolicy = (name, rules) => {
    window.__csp.policies.push(name);
    return create(name, rules);
  };
}
