// Bench setup: fetches real, freely licensed HTML manuals from Debian's documentation packages
// (apt-get download, no install) and writes the pages the anchoring bench uses into bench/pages/
// (git-ignored). Idempotent: pages already there are kept. No single manual page reaches ~3 M
// characters of text, so the largest page concatenates the chapters of one manual (the Python
// library reference), said so in its name.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const pagesDir = path.join(benchDir, 'pages');
const debsDir = path.join(pagesDir, '.debs');

/** Each page: the Debian package it comes from, its licence, and the files that make it. */
export const PAGES = [
  {
    name: 'sqlite-select',
    title: 'SQLite: The SELECT statement (one page)',
    licence: 'public domain',
    package: 'sqlite3-doc',
    files: (dir) => [path.join(dir, 'usr/share/doc/sqlite3/lang_select.html')],
  },
  {
    name: 'bash-reference',
    title: 'GNU Bash Reference Manual (one page)',
    licence: 'GFDL 1.3+',
    package: 'bash-doc',
    files: (dir) => [path.join(dir, 'usr/share/doc/bash/bashref.html')],
  },
  {
    name: 'debian-reference',
    title: 'Debian Reference (its chapters concatenated)',
    licence: 'GPL-2+',
    package: 'debian-reference-en',
    files: (dir) => {
      const base = path.join(dir, 'usr/share/debian-reference');
      const order = [
        'index',
        'pr01',
        ...Array.from({ length: 12 }, (_, i) => `ch${String(i + 1).padStart(2, '0')}`),
        'apa',
      ];
      return order.map((name) => path.join(base, `${name}.en.html`));
    },
  },
  {
    name: 'python-library',
    title: 'Python 3.11 Library Reference (chapters a–m concatenated, ~3 M characters)',
    licence: 'PSF License 2',
    package: 'python3.11-doc',
    targetCharacters: 3_000_000,
    files: (dir) => {
      const base = path.join(dir, 'usr/share/doc/python3.11/html/library');
      return fs
        .readdirSync(base)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => path.join(base, f));
    },
  },
];

function download(pkg) {
  fs.mkdirSync(debsDir, { recursive: true });
  const existing = () => fs.readdirSync(debsDir).find((f) => f.startsWith(`${pkg}_`));
  if (!existing()) {
    try {
      execFileSync('apt-get', ['download', pkg], { cwd: debsDir, stdio: 'ignore' });
    } catch {
      // A fresh machine has no package lists yet.
      execFileSync('apt-get', ['update'], { stdio: 'ignore' });
      execFileSync('apt-get', ['download', pkg], { cwd: debsDir, stdio: 'ignore' });
    }
  }
  const deb = path.join(debsDir, existing());
  const dir = path.join(debsDir, pkg);
  if (!fs.existsSync(dir)) execFileSync('dpkg-deb', ['-x', deb, dir]);
  return dir;
}

/** Rough visible-text size, only to decide how many chapters make ~3 M characters. */
function roughTextLength(html) {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ').length;
}

function bodyOf(html) {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return match?.[1] ?? html;
}

/** One HTML page from several: each chapter's body in a <section>, resources dropped. */
function concatenate(files, title, target) {
  const sections = [];
  let characters = 0;
  for (const file of files) {
    const html = fs.readFileSync(file, 'utf8');
    sections.push(
      `<section>${bodyOf(html).replace(/<script[^>]*src=[^>]*><\/script>/gi, '')}</section>`,
    );
    characters += roughTextLength(html);
    if (target && characters >= target) break;
  }
  const head = `<meta charset="utf-8"><title>${title}</title>`;
  return `<!doctype html><html><head>${head}</head><body>${sections.join('\n')}</body></html>`;
}

export function fetchPages() {
  fs.mkdirSync(pagesDir, { recursive: true });
  for (const page of PAGES) {
    const out = path.join(pagesDir, `${page.name}.html`);
    if (fs.existsSync(out)) continue;
    const files = page.files(download(page.package));
    const html =
      files.length === 1
        ? fs.readFileSync(files[0], 'utf8')
        : concatenate(files, page.title, page.targetCharacters);
    fs.writeFileSync(out, html);
    console.log(`bench page ${page.name}: ${(html.length / 1e6).toFixed(2)} MB of HTML`);
  }
  return PAGES.map((page) => ({ ...page, file: path.join(pagesDir, `${page.name}.html`) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) fetchPages();
