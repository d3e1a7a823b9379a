/**
 * The survey poster, drawn the same way on H5's <canvas> and weapp's Canvas type="2d": both hand
 * out a standard 2D context. Sizes are in canvas pixels; the poster is 750 × 1100 (a phone screen's
 * width at 2×), large enough to print on A4.
 */
export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1100;

export interface PosterContent {
  title: string;
  schoolName: string;
  /** 截止时间, already formatted (e.g. 2026-12-09 18:00). */
  deadline: string;
  /** How to open it, under the code: 微信扫码填写 (weapp) or 扫码填写 (H5). */
  scanHint: string;
  /** Who is invited; the band above the title names them. */
  respondents: Array<'parent' | 'teacher'>;
}

/** The line above the title: a teacher survey posted in a staff group must not say 家长问卷. */
export function posterKicker(respondents: PosterContent['respondents']): string {
  const who = respondents.length === 1 ? (respondents[0] === 'teacher' ? '教师' : '家长') : '';
  return `${who}问卷 · 诚邀您参与`;
}

type Context = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText' | 'drawImage'
>;
/** The QR code as the runtime has it: an <img>/<canvas> on H5, a Canvas.createImage() image on weapp. */
type Drawable = Parameters<CanvasRenderingContext2D['drawImage']>[0];

const GREEN = '#07c160';
const INK = '#1f2329';
const GREY = '#646a73';
const MARGIN = 60;
const QR_SIZE = 420;

/** Splits `text` into lines no wider than `width`, at most `maxLines` (the last one ends in …). */
export function wrapText(measure: (text: string) => number, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (measure(line + char) > width && line) {
      lines.push(line);
      line = char;
    } else line += char;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, -1)}…`;
  return kept;
}

/** Draws the whole poster: a green band with the title, the school, the deadline, the code and how to scan it. */
export function drawPoster(ctx: Context, content: PosterContent, qr: Drawable): void {
  const centre = POSTER_WIDTH / 2;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
  ctx.fillStyle = GREEN;
  ctx.fillRect(0, 0, POSTER_WIDTH, 300);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  ctx.font = '28px sans-serif';
  ctx.fillText(posterKicker(content.respondents), centre, 60);
  ctx.font = 'bold 44px sans-serif';
  const titleLines = wrapText((t) => ctx.measureText(t).width, content.title, POSTER_WIDTH - 2 * MARGIN, 2);
  titleLines.forEach((line, i) => ctx.fillText(line, centre, 140 + i * 64 - (titleLines.length - 1) * 32));

  ctx.fillStyle = INK;
  ctx.font = 'bold 36px sans-serif';
  wrapText((t) => ctx.measureText(t).width, content.schoolName, POSTER_WIDTH - 2 * MARGIN, 2).forEach((line, i) =>
    ctx.fillText(line, centre, 360 + i * 50),
  );
  ctx.fillStyle = GREY;
  ctx.font = '28px sans-serif';
  ctx.fillText(`截止时间：${content.deadline}`, centre, 470);

  const qrTop = 520;
  ctx.drawImage(qr, centre - QR_SIZE / 2, qrTop, QR_SIZE, QR_SIZE);
  ctx.fillStyle = INK;
  ctx.font = '30px sans-serif';
  ctx.fillText(content.scanHint, centre, qrTop + QR_SIZE + 50);
  ctx.fillStyle = GREY;
  ctx.font = '24px sans-serif';
  ctx.fillText('问卷匿名填写，仅用于改进学校工作', centre, qrTop + QR_SIZE + 100);
}
