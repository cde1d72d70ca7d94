import { YEAR } from '../engine/index.js';
import type { StreamConfig } from './department-config.js';

/**
 * How the reading work per study grows (issue 16). A read drawn for a study arriving at time t
 * (minutes) is the draw at time 0 multiplied by
 *
 *   factor(t) = (1 + g)^(t / year) x (fixed + perImage x n(t)) / (fixed + perImage x n(0)),
 *   n(t) = images per study at time 0 x (1 + g_images)^(t / year),
 *
 * with g the stream's `readTime.growth` and the second part present only when the stream gives
 * `images`. The random number behind the draw is the same in every arm (common random numbers);
 * only its scale changes. The mean read at t is mean(0) x factor(t), exactly.
 */
export class WorkPerStudy {
  private readonly logGrowth: number;
  private readonly images: StreamConfig['images'];
  private readonly base: number;
  private readonly logImageGrowth: number;
  /** False when the work per study never changes (factor 1): the draw is used as it is. */
  readonly grows: boolean;

  constructor(stream: Pick<StreamConfig, 'readTimeGrowth' | 'images'>) {
    this.logGrowth = Math.log1p(stream.readTimeGrowth ?? 0);
    this.images = stream.images ?? null;
    this.base = this.images ? this.images.fixed + this.images.perImage * this.images.perStudy : 1;
    this.logImageGrowth = this.images ? Math.log1p(this.images.growth) : 0;
    this.grows = this.logGrowth !== 0 || (this.images !== null && this.logImageGrowth !== 0 && this.images.perImage > 0);
  }

  /** Images per study arriving at t (0 when the stream does not model images). */
  imagesAt(t: number): number {
    const im = this.images;
    return im ? im.perStudy * Math.exp((this.logImageGrowth * t) / YEAR) : 0;
  }

  /** The factor on the read time of a study arriving at t (1 at t = 0). */
  factorAt(t: number): number {
    let f = Math.exp((this.logGrowth * t) / YEAR);
    const im = this.images;
    if (im) f *= (im.fixed + im.perImage * this.imagesAt(t)) / this.base;
    return f;
  }
}
