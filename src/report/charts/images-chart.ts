import {
  ARM_LEGEND,
  armColor,
  type Chart,
  type ChartContext,
  HEIGHT,
  replicationNote,
  timeEncoding,
  timeValue,
  WIDTH,
} from './chart-context.js';
import { blockDays, periodBlocks, perRadiologistDay, WORKING_DAYS_PER_YEAR } from './volume-chart.js';

/** Does any run count images (a stream of the scenario, in some arm, gives images per study)? */
export function hasImages(ctx: ChartContext): boolean {
  return ctx.runs.some((arm) => arm.some((r) => (r.periods.images ?? []).some((x) => x > 0)));
}

/**
 * 3b. The volume argument in images: images arriving per radiologist per working day, per arm,
 * beside the studies of the volume chart. Shown when a scenario gives images per study.
 */
export function imagesChart(ctx: ChartContext): Chart {
  const horizon = ctx.summary.horizon_days;
  const block = blockDays(horizon);
  const values: { arm: string; t: number; measure: string; value: number }[] = [];
  for (const armRuns of ctx.runs) {
    const first = armRuns[0];
    // Arms whose streams give no images have nothing to show.
    if (!armRuns.some((r) => (r.periods.images ?? []).some((x) => x > 0))) continue;
    for (const pb of periodBlocks(first, block.days, horizon)) {
      const b = pb.index;
      let images = 0;
      for (const r of armRuns)
        images += perRadiologistDay(
          r,
          pb,
          pb.periods.reduce((s, k) => s + (r.periods.images?.[k] ?? 0), 0),
        );
      const t = timeValue(ctx, (b + 0.5) * block.days);
      values.push({ arm: first.arm, t, measure: 'images', value: images / armRuns.length });
    }
  }
  const title = 'The volume argument in images: images per radiologist per working day';
  return {
    name: 'images-per-radiologist',
    title,
    caption: `Per arm: images of the studies arriving per ${block.word}, as a yearly rate, divided by the radiologists' headcount and ${WORKING_DAYS_PER_YEAR} working days. Only the streams that give images per study count, and only arms where some stream gives them are drawn. Images grow with the studies and with the images per study, so this line climbs faster than the studies of the volume chart; how much reading time an image costs is the scenario's assumption (fixed part + part per image).`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `each ${block.word}, ${replicationNote(ctx)}` },
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      mark: { type: 'line', point: { size: 30 }, strokeWidth: 2 },
      encoding: {
        x: timeEncoding(ctx),
        y: { field: 'value', type: 'quantitative', title: 'images per radiologist per working day', scale: { zero: false } },
        color: { ...armColor(ctx), legend: ARM_LEGEND },
        tooltip: [
          { field: 'arm' },
          { field: 't', title: 'year', format: '.2f' },
          { field: 'value', title: 'images', format: ',.0f' },
        ],
      },
    },
  };
}
