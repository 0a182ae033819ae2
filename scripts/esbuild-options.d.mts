import type { BuildOptions } from 'esbuild';
export declare const common: BuildOptions;
