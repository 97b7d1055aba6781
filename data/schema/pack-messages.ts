import { z } from 'zod';

/** Messages about fact packs that the background accepts (each `type` starts with "packs:"). */
export const PACK_MESSAGES = [z.object({ type: z.literal('packs:list') })] as const;
