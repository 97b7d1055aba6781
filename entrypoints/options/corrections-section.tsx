/** Options page section "My corrections" (to come). */
export function CorrectionsSection() {
  return null;
}
