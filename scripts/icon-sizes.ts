/** The icon sizes written: toolbar (16, 32), extension pages and listings (48, 96, 128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
