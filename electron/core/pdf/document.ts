// The app's one way to write a PDF (pdfmake 0.3, DejaVu fonts): A4, the embedded fonts, the document
// defaults, a header line and a footer with page numbers. The subject-access document uses it, and so do
// the summary exports.
// The DejaVu fonts cover Latin with every accent and extension (Łódź, Şahin, Nguyễn, Đorđe), Greek and
// Cyrillic; they are bundled into the main process as bytes and embedded in each PDF as subsets (only the
// letters used). pdfmake may read files and fetch URLs named in a document (images, fonts): both are
// refused, so a document can only use the fonts below, whatever text it holds.
import pdfmake from 'pdfmake';
import sans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
import sansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf';
import sansOblique from 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf';
import sansBoldOblique from 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf';

/** The page: A4 in points, margins, body size (10 pt), a grey for secondary text. */
export const PAGE = { size: 'A4', margin: 50, body: 10, grey: '#595959' } as const;

/** pdfmake's content: text, paragraphs, tables (with `headerRows` repeated on each page), SVG… */
export type PdfContent = string | { [key: string]: unknown } | PdfContent[];

export interface PdfDocument {
  /** it-IT or en-GB: the document's language, for readers and screen readers. */
  readonly locale: 'it' | 'en';
  /** The metadata title, which file managers show without opening the file: never a person's name. */
  readonly title: string;
  /** A line at the top of every page (partner and month), or none. */
  readonly header?: string;
  /** The footer of page n of total ("pagina 2 di 5"). */
  readonly footer: (page: number, pages: number) => string;
  readonly content: PdfContent[];
}

const FONT = 'DejaVuSans';
let ready = false;

/** Loads the fonts into pdfmake's in-memory file system, and refuses every other file and URL. */
function prepare(): void {
  if (ready) return;
  const files: Record<string, Uint8Array> = {
    'DejaVuSans.ttf': sans,
    'DejaVuSans-Bold.ttf': sansBold,
    'DejaVuSans-Oblique.ttf': sansOblique,
    'DejaVuSans-BoldOblique.ttf': sansBoldOblique,
  };
  for (const [name, bytes] of Object.entries(files)) pdfmake.sharedVirtualfs.writeFileSync(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  pdfmake.setFonts({ [FONT]: { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italics: 'DejaVuSans-Oblique.ttf', bolditalics: 'DejaVuSans-BoldOblique.ttf' } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

/** Styles every document may use: `title`, `heading` (give it `headlineLevel: 1` to keep it with what follows), `muted`, `tableHeader`. */
const STYLES = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  heading: { fontSize: 13, bold: true, margin: [0, PAGE.body, 0, 2] },
  muted: { color: PAGE.grey },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
};

export async function renderPdf(doc: PdfDocument): Promise<Uint8Array> {
  prepare();
  const definition = {
    pageSize: PAGE.size,
    pageMargins: [PAGE.margin, PAGE.margin, PAGE.margin, PAGE.margin],
    language: doc.locale === 'it' ? 'it-IT' : 'en-GB',
    info: { title: doc.title, creator: 'Approdo', producer: 'Approdo' },
    defaultStyle: { font: FONT, fontSize: PAGE.body, lineHeight: 1.15 },
    styles: STYLES,
    header: doc.header ? { text: doc.header, fontSize: 8, color: PAGE.grey, margin: [PAGE.margin, PAGE.margin / 2, PAGE.margin, 0] } : undefined,
    footer: (page: number, pages: number) => ({ text: doc.footer(page, pages), fontSize: 8, color: PAGE.grey, margin: [PAGE.margin, PAGE.margin / 4, PAGE.margin, 0] }),
    content: doc.content,
    // A heading (`headlineLevel: 1`) never ends a page: it moves to the next one with what follows it.
    pageBreakBefore: (node: { headlineLevel?: number }, pages: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && pages.getFollowingNodesOnPage().length === 0,
  };
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
