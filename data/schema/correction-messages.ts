import { z } from 'zod';

/** Messages about corrections that the background accepts (each `type` starts with "corrections:"). */
export const CORRECTION_MESSAGES = [z.object({ type: z.literal('corrections:list') })] as const;
