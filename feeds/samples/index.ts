// Paths of the sample feeds bundled with the bot, for the offline demo and the tests.

import { fileURLToPath } from 'node:url';

export const SEED_SAMPLE_FEED = fileURLToPath(new URL('./seeds.xml', import.meta.url));
export const EUROPEAN_SAMPLE_FEED = fileURLToPath(new URL('./european-news.xml', import.meta.url));
export const SAMPLE_FEEDS = [SEED_SAMPLE_FEED, EUROPEAN_SAMPLE_FEED];
