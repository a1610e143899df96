// Pairwise "same story" precision, recall and F1: every pair of items is a decision, right when
// the assignment and the labels agree on whether the two report the same event. Items with no
// story label are their own event.

import { score, type Scored } from './metrics.ts';

export function pairwiseStoryScores(gold: readonly (string | null)[], predicted: readonly (number | string)[]): Scored {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const same = gold[i] !== null && gold[i] === gold[j];
      const predictedSame = predicted[i] === predicted[j];
      if (same && predictedSame) tp++;
      else if (predictedSame) fp++;
      else if (same) fn++;
    }
  }
  return score({ tp, fp, fn });
}
