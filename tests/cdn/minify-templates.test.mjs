// The template minifier of the CDN build (packages/elements/scripts/minify-templates.mjs):
// what it squeezes, and what it must leave alone. Pure Node, no build needed.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { minifyCssText, minifyHtmlText, minifyTemplatesIn } from '../../packages/elements/scripts/minify-templates.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('html: indentation goes, line breaks stay (one space in HTML either way), single spaces stay', () => {
  assert.equal(minifyHtmlText('<ul>\n      <li>a</li>\n    </ul>'), '<ul>\n<li>a</li>\n</ul>');
  assert.equal(minifyHtmlText('<p>Total : <b>'), '<p>Total : <b>');
  assert.equal(minifyHtmlText('  <span>x</span>  '), '  <span>x</span>  ');
});

test('css: comments, spaces around punctuation and the last semicolon go; strings, calc() and selectors stay', () => {
  assert.equal(minifyCssText('\n  :host {\n    display: block;\n  }\n'), '\n:host{\ndisplay:block\n}\n');
  assert.equal(minifyCssText('a { width: calc(100% - 2rem); }'), 'a{width:calc(100% - 2rem)}');
  assert.equal(minifyCssText('.a :focus-visible > b { content: "  a ;  b  "; }'), '.a :focus-visible > b{content:"  a ;  b  "}');
  assert.equal(minifyCssText("/* l'axe */ a { color: red; }"), ' a{color:red}');
  assert.equal(minifyCssText('@media (min-width: 40em) { a { gap: 1px 2px } }'), '@media (min-width:40em){a{gap:1px 2px}}');
});

test('only tagged templates are touched; strings, comments, regexes and untagged templates stay as written', () => {
  const code = [
    "const s = 'html`  x  `';",
    '// css`  a { b: c; }  `',
    'const r = /`\\s+`/g;',
    'const plain = `a\n    b`;',
    'const t = html`<p>\n    ${cond ? html`<b>\n      x</b>` : `  kept  `}\n  </p>`;',
    'const c = css`:host {\n  color: red;\n}`;',
  ].join('\n');
  const out = minifyTemplatesIn(code);
  assert.equal(
    out,
    [
      "const s = 'html`  x  `';",
      '// css`  a { b: c; }  `',
      'const r = /`\\s+`/g;',
      'const plain = `a\n    b`;',
      'const t = html`<p>\n${cond ? html`<b>\nx</b>` : `  kept  `}\n</p>`;',
      'const c = css`:host{\ncolor:red\n}`;',
    ].join('\n'),
  );
});

test('a template with <pre> is left as written', () => {
  const code = 'html`<pre>\n  a\n    b</pre>`';
  assert.equal(minifyTemplatesIn(code), code);
});

test('every source file of the elements: same line count, and only whitespace and CSS comments change', () => {
  const skeleton = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '').replace(/;}/g, '}');
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(name)) files.push(file);
    }
  };
  walk(path.join(root, 'packages/elements/src'));
  let changed = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const out = minifyTemplatesIn(code);
    assert.equal(out.split('\n').length, code.split('\n').length, file);
    assert.equal(skeleton(out), skeleton(code), file);
    if (out !== code) changed += 1;
  }
  assert.ok(changed > 10, `templates were minified in ${changed} files`);
});
