// Paths of the sample feeds bundled with the bot, for `npm start` before any feed is polled and for the demo.

import { fileURLToPath } from 'node:url';

export const SEED_SAMPLE_FEED = fileURLToPath(new URL('./seeds.xml', import.meta.url));
