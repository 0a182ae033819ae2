// The app's PDF helper (electron/core/pdf/document.ts) bundled exactly as the main process is (the shared
// esbuild options), then run by Node from an empty folder: no node_modules and no font file within reach,
// so the document can only come from what the bundle carries. Its text is read back with poppler's
// pdftotext (an independent reader; .ci/run installs poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { common } from '../../scripts/esbuild-options.mjs';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'approdo-pdf-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NAMES = ['Nguyễn', 'Łódź', 'Şahin', 'Đorđe'];

describe('the PDF helper, bundled', () => {
  it('runs from the bundle alone, embeds its fonts and prints every name exactly, with page numbers', async () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `
      import { renderPdf } from ${JSON.stringify(join(root, 'electron/core/pdf/document'))};
      const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), ${JSON.stringify(NAMES.join(' '))}]);
      renderPdf({
        locale: 'it', title: 'Prova', header: 'Associazione Şahin · marzo 2026',
        footer: (n, total) => 'pagina ' + n + ' di ' + total,
        content: [{ text: ${JSON.stringify(NAMES.join(', '))}, style: 'title' },
          { table: { headerRows: 1, body: [[{ text: 'n.', style: 'tableHeader' }, { text: 'nome', style: 'tableHeader' }], ...rows] } }],
      }).then((pdf) => process.stdout.write(Buffer.from(pdf).toString('base64')));
    `);
    await build({ ...common, entryPoints: [entry], outfile: join(dir, 'bundle.cjs'), logLevel: 'error' });
    const run = execFileSync(process.execPath, [join(dir, 'bundle.cjs')], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const pdf = Buffer.from(run, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').normalize('NFC');
    for (const name of NAMES) expect(text).toContain(name);
    const pages = Number(/pagina 1 di (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`pagina ${pages} di ${pages}`);
    // The table's header row repeats on every page; the header line too.
    expect(text.match(/n\.\s+nome/g)?.length).toBe(pages);
    expect(text.match(/Associazione Şahin · marzo 2026/g)?.length).toBe(pages);
    // Subsets of the DejaVu fonts, embedded.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
  });

  it('refuses to read files or fetch URLs named in a document', async () => {
    const { renderPdf } = await import('../../electron/core/pdf/document');
    const probe = (image: string) => renderPdf({ locale: 'en', title: 't', footer: () => '', content: [{ image }] });
    await expect(probe(join(root, 'docs/screenshot.png'))).rejects.toThrow();
    await expect(probe('https://example.org/x.png')).rejects.toThrow();
  });
});
