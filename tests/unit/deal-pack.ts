/**
 * The matcher's unit tests run against a fixed pack (the three Amazon–OpenAI deals of February
 * 2026 and November 2025, as first bundled), so that growing the shipped pack changes no test.
 */
import { parsePack } from '../../data/packs';
import type { Pack } from '../../data/schema/pack';
import raw from './fixtures/deal-pack.json';

const parsed = parsePack(raw);
if (!parsed.ok) throw new Error(`tests/unit/fixtures/deal-pack.json: ${parsed.error}`);

/** The fixed test pack, validated. */
export const testPack: Pack = parsed.value;
