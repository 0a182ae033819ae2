// The cipher's page authentication, checked on the raw file: every SQLCipher 4 page carries an HMAC-SHA512
// of its ciphertext, its IV and its page number. The driver (SQLite3 Multiple Ciphers) has no
// `cipher_integrity_check`, so the same check is made here, reading the file as it is on disk (still encrypted).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

// SQLCipher 4 defaults, which connection.ts selects with `legacy=4` and never changes.
const PAGE_SIZE = 4096;
const SALT_LENGTH = 16;
const NONCE_LENGTH = 16;
const HMAC_LENGTH = 64;
const RESERVED = NONCE_LENGTH + HMAC_LENGTH;
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITERATIONS = 2;
/** Pages read per step: 1 MiB. */
const CHUNK_PAGES = 256;

export interface PageReport {
  pages: number;
  /** Pages whose HMAC matched under the key: at least one proves the key belongs to this file. */
  authenticated: number;
  /** Page numbers (1-based) that did not authenticate; at most the first 100. */
  failed: number[];
  failedCount: number;
}

/** The per-file HMAC key, derived like SQLCipher does from the raw data key and the file's salt (page 1's
 * first 16 bytes, kept in clear). The caller wipes it. */
function hmacKeyFor(dataKey: Buffer, salt: Buffer): Buffer {
  const masked = Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK));
  return pbkdf2Sync(dataKey, masked, FAST_KDF_ITERATIONS, 32, 'sha512');
}

function pageAuthenticates(hmacKey: Buffer, page: Buffer, pageNumber: number): boolean {
  if (page.length !== PAGE_SIZE) return false;
  const start = pageNumber === 1 ? SALT_LENGTH : 0;
  const macAt = PAGE_SIZE - HMAC_LENGTH;
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pageNumber);
  const mac = createHmac('sha512', hmacKey).update(page.subarray(start, macAt)).update(number).digest();
  return timingSafeEqual(mac, page.subarray(macAt));
}

class PageReader {
  private readonly fd: number;
  readonly size: number;
  readonly pages: number;
  readonly hmacKey: Buffer;

  constructor(path: string, dataKey: Buffer) {
    this.fd = openSync(path, 'r');
    try {
      this.size = fstatSync(this.fd).size;
      // A torn tail counts as one more page, which then fails.
      this.pages = Math.ceil(this.size / PAGE_SIZE);
      const salt = Buffer.alloc(SALT_LENGTH);
      readSync(this.fd, salt, 0, SALT_LENGTH, 0);
      this.hmacKey = hmacKeyFor(dataKey, salt);
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** Checks pages [from, to) (1-based), reading them in one go. */
  checkRange(from: number, to: number, report: PageReport): void {
    const buffer = Buffer.alloc((to - from) * PAGE_SIZE);
    const read = readSync(this.fd, buffer, 0, buffer.length, (from - 1) * PAGE_SIZE);
    for (let n = from; n < to; n += 1) {
      const offset = (n - from) * PAGE_SIZE;
      const page = buffer.subarray(offset, Math.min(offset + PAGE_SIZE, read));
      this.record(report, n, pageAuthenticates(this.hmacKey, page, n));
    }
  }

  /** One page; null when the file no longer reaches it (it shrank since the scan began). */
  checkOne(pageNumber: number): boolean | null {
    const size = fstatSync(this.fd).size;
    if (size !== this.size && size < pageNumber * PAGE_SIZE) return null;
    const page = Buffer.alloc(PAGE_SIZE);
    const read = readSync(this.fd, page, 0, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
    return pageAuthenticates(this.hmacKey, page.subarray(0, read), pageNumber);
  }

  record(report: PageReport, pageNumber: number, ok: boolean): void {
    if (ok) report.authenticated += 1;
    else {
      report.failedCount += 1;
      if (report.failed.length < 100) report.failed.push(pageNumber);
    }
  }

  close(): void {
    this.hmacKey.fill(0);
    closeSync(this.fd);
  }
}

const emptyReport = (pages: number): PageReport => ({ pages, authenticated: 0, failed: [], failedCount: 0 });

/** Every page, synchronously: for backup copies and restores, where the whole file must be sound. */
export function checkAllPages(path: string, dataKey: Buffer): PageReport {
  const reader = new PageReader(path, dataKey);
  try {
    const report = emptyReport(reader.pages);
    for (let from = 1; from <= reader.pages; from += CHUNK_PAGES) reader.checkRange(from, Math.min(from + CHUNK_PAGES, reader.pages + 1), report);
    return report;
  } finally {
    reader.close();
  }
}

/** The pages of the quick form: the first 64 (schema and small tables), an even spread across the rest, and the last. */
export function samplePageNumbers(pages: number, spread = 448): number[] {
  const head = Math.min(64, pages);
  const numbers = Array.from({ length: head }, (_, i) => i + 1);
  const step = Math.max(1, Math.ceil((pages - head) / spread));
  for (let n = head + 1; n <= pages; n += step) numbers.push(n);
  if (pages > head && numbers.at(-1) !== pages) numbers.push(pages);
  return numbers;
}

/**
 * The quick form run at unlock, about 2 MiB of pages. The full check on the 30 MB reference register takes
 * 0.3 s or more, on top of the deliberate 0.5 s key derivation: over the unlock's 1 s budget, so it runs right
 * after the unlock, in the background (scanAllPages).
 */
export function checkSamplePages(path: string, dataKey: Buffer): PageReport {
  const reader = new PageReader(path, dataKey);
  try {
    const report = emptyReport(reader.pages);
    for (const n of samplePageNumbers(reader.pages)) reader.record(report, n, reader.checkOne(n) === true);
    return report;
  } finally {
    reader.close();
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every page, one MiB at a time with a turn of the event loop in between, so the app stays responsive.
 * Reads are synchronous, on the thread that also writes the register, so a page is never read half-written.
 * Stops (returns null) as soon as `still()` is false: the register was locked or rekeyed meanwhile.
 * A page that fails is read again at the end: only a page that fails twice is reported.
 */
export async function scanAllPages(path: string, dataKey: Buffer, still: () => boolean): Promise<PageReport | null> {
  const reader = new PageReader(path, dataKey);
  try {
    const first = emptyReport(reader.pages);
    for (let from = 1; from <= reader.pages; from += CHUNK_PAGES) {
      await nextTurn();
      if (!still()) return null;
      reader.checkRange(from, Math.min(from + CHUNK_PAGES, reader.pages + 1), first);
    }
    if (first.failedCount === 0) return first;
    if (!still()) return null;
    // Beyond the first 100 failures the register is damaged anyway: those are kept as counted.
    const confirmed: PageReport = { ...first, failed: [], failedCount: first.failedCount - first.failed.length };
    for (const n of first.failed) {
      const ok = reader.checkOne(n);
      if (ok === true) confirmed.authenticated += 1;
      else if (ok === false) reader.record(confirmed, n, false);
    }
    return confirmed;
  } finally {
    reader.close();
  }
}
