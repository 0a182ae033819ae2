// `npm run screenshot`: the README's picture (docs/screenshot.png), taken from the browser host on a fresh demo
// register. Not part of `npm test`: it checks nothing, it only photographs the current build.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({ ...base, testDir: '.', reporter: 'list' });
