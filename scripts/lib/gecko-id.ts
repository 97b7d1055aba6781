/** The add-on id Firefox and addons.mozilla.org know Factmark by (fixed, so updates and tests find it). */
export const GECKO_ID = 'factmark@factmark.org';
