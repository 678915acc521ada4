// Minifies the static text of Lit's tagged templates — html`…`, svg`…` and
// css`…` — in the CDN build (vite.cdn.config.ts, docs/size.md): the bundler's
// minifier leaves template literals as written, indentation and all.
//
// What it changes, and why it is safe:
// - html/svg: a run of whitespace holding a line break keeps its line breaks
//   and loses its spaces and tabs (the indentation). HTML renders any run of
//   whitespace as one space, so the page looks the same; our templates have no
//   <pre>, <textarea> or `white-space: pre` (a template holding one is left as
//   written).
// - css: comments are dropped; whitespace runs are squeezed the same way; the
//   space next to `{ } ; ,` and after a declaration's `:` goes, and so does the
//   last `;` of a block. Quoted strings are left as written; `+`, `-`, `>` and
//   `~` keep their spaces (calc() needs them).
// Line breaks are kept, so the line numbers of the source maps stay right.
// The expressions `${…}` are copied as they are, the templates they hold
// minified in turn. The scanner skips strings, comments and regular
// expressions; a template it cannot read fails the build, and the result is
// checked to differ from the source by whitespace and CSS comments only.
//
// Used as a Vite plugin (`minifyTemplates()`); `minifyTemplatesIn(code)` is the
// pure transform (tests/cdn/minify-templates.test.mjs).

const KEEPS_WHITESPACE = /<pre\b|<textarea\b|white-space:\s*pre/i;

/** The line breaks of a run of whitespace, or one space when it has none. */
const squeeze = (run) => (run.includes('\n') ? '\n'.repeat(run.split('\n').length - 1) : ' ');

/** html/svg static text: whitespace runs holding a line break → those line breaks alone (the indentation goes). */
export function minifyHtmlText(text) {
  return text.replace(/[ \t]*\n\s*/g, squeeze);
}

/** css static text (one part between bindings): comments dropped, whitespace squeezed, strings kept. */
export function minifyCssText(text) {
  let out = '';
  let plain = '';
  const flush = () => {
    out += plain
      .replace(/\s+/g, squeeze)
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/([a-z-]): /gi, '$1:')
      .replace(/;(\n*)}/g, '$1}');
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      const breaks = text.slice(i, end).split('\n').length - 1;
      plain += breaks > 0 ? '\n'.repeat(breaks) : ' ';
      i = end;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      flush();
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      plain += c;
      i += 1;
    }
  }
  flush();
  return out;
}

/**
 * Reads the template literal whose opening backtick is at `start`; returns its
 * static parts, its expressions and the index after the closing backtick, or
 * undefined when the syntax is not followed.
 */
function readTemplate(code, start) {
  const parts = [];
  const expressions = [];
  let i = start + 1;
  let text = '';
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      parts.push(text);
      return { parts, expressions, end: i + 1 };
    } else if (c === '$' && code[i + 1] === '{') {
      parts.push(text);
      text = '';
      const close = skipExpression(code, i + 2);
      if (close === undefined) return undefined;
      expressions.push(code.slice(i + 2, close));
      i = close + 1;
    } else {
      text += c;
      i += 1;
    }
  }
  return undefined;
}

/** Index of the `}` closing an expression that starts at `i`, skipping strings, templates and comments. */
function skipExpression(code, i) {
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i += 1;
      while (i < code.length && code[i] !== c) i += code[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === '`') {
      const inner = readTemplate(code, i);
      if (!inner) return undefined;
      i = inner.end;
    } else if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      i = nl === -1 ? code.length : nl;
    } else if (c === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      if (close === -1) return undefined;
      i = close + 2;
    } else if (c === '{') {
      depth += 1;
      i += 1;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth -= 1;
      i += 1;
    } else {
      i += 1;
    }
  }
  return undefined;
}

/** The code with every html/svg/css template's static text minified (expressions recursively). */
export function minifyTemplatesIn(code) {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i += 1;
      while (i < code.length && code[i] !== c && code[i] !== '\n') i += code[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      i = nl === -1 ? code.length : nl;
    } else if (c === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      i = close === -1 ? code.length : close + 2;
    } else if (c === '/' && /(^|[(,=:[!&|?{};+\-*%<>~^]|\breturn|\btypeof)\s*$/.test(code.slice(Math.max(0, i - 12), i))) {
      // A regular expression literal: skip to its closing slash (not inside a class).
      let inClass = false;
      i += 1;
      while (i < code.length && code[i] !== '\n' && (inClass || code[i] !== '/')) {
        if (code[i] === '\\') i += 1;
        else if (code[i] === '[') inClass = true;
        else if (code[i] === ']') inClass = false;
        i += 1;
      }
      i += 1;
    } else if (c === '`') {
      const tag = /\b(html|svg|css)\s*$/.exec(code.slice(Math.max(0, i - 8), i));
      const template = readTemplate(code, i);
      if (!template) throw new Error(`minify-templates: cannot read the template at offset ${i}`);
      if (tag) {
        const whole = template.parts.join('');
        const minify = KEEPS_WHITESPACE.test(whole) ? (text) => text : tag[1] === 'css' ? minifyCssText : minifyHtmlText;
        let literal = '`';
        template.parts.forEach((part, index) => {
          literal += minify(part);
          if (index < template.expressions.length) literal += '${' + minifyTemplatesIn(template.expressions[index]) + '}';
        });
        out += code.slice(last, i) + literal + '`';
        last = template.end;
      } else if (template.expressions.length > 0) {
        // An untagged template: its expressions may hold tagged ones.
        let literal = '`';
        template.parts.forEach((part, index) => {
          literal += part;
          if (index < template.expressions.length) literal += '${' + minifyTemplatesIn(template.expressions[index]) + '}';
        });
        out += code.slice(last, i) + literal + '`';
        last = template.end;
      }
      i = template.end;
    } else {
      i += 1;
    }
  }
  return out + code.slice(last);
}

/** What must not change: the code without whitespace, CSS comments and a block's last `;`. */
const skeleton = (code) =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, '')
    .replace(/;}/g, '}');

/** Vite plugin: minifies the templates of @cnr-widgets/elements' own sources. */
export function minifyTemplates() {
  return {
    name: 'cnr-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]elements[\\/]src[\\/].*\.ts$/.test(id) || /\.(test|stories)\.ts$/.test(id)) return null;
      if (!/\b(html|svg|css)`/.test(code)) return null;
      const minified = minifyTemplatesIn(code);
      if (skeleton(minified) !== skeleton(code) || minified.split('\n').length !== code.split('\n').length) {
        this.error(`${id}: minify-templates changed more than whitespace; review scripts/minify-templates.mjs`);
      }
      return { code: minified, map: null };
    },
  };
}
