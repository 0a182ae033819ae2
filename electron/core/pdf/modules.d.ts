// Types of what electron/core/pdf imports without types of its own.

/** A font file, bundled as its bytes (scripts/build.mjs and vitest.config.ts load `.ttf` as binary). */
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}

/** pdfmake 0.3 on Node: the part of its API electron/core/pdf/document.ts uses. */
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface VirtualFileSystem {
    writeFileSync(name: string, content: Buffer): void;
    existsSync(name: string): boolean;
  }
  interface FontFaces {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  const pdfmake: {
    readonly sharedVirtualfs: VirtualFileSystem;
    setFonts(fonts: Record<string, FontFaces>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(definition: object, options?: object): OutputDocument;
  };
  export default pdfmake;
}
