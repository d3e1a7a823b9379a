/** 350 米, 1.2 公里, 12 公里: metres under a kilometre, then one decimal up to 10 km. */
export function distanceLabel(metres: number): string {
  if (metres < 1_000) return `${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  if (metres < 10_000) return `${(metres / 1_000).toFixed(1)} 公里`;
  return `${Math.round(metres / 1_000)} 公里`;
}
