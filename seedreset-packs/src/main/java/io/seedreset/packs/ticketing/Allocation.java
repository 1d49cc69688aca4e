package io.seedreset.packs.ticketing;

import java.util.Random;

/**
 * Exact counts for a distribution, instead of a die roll per row: "40% on sale" of 25 events is
 * 10 events every time, so even the small modes show the mix a demo script promises.
 */
final class Allocation {

    private Allocation() {
    }

    /**
     * Splits {@code total} in proportion to {@code weights} by the largest-remainder method (ties
     * go to the earlier weight). Then every share left at zero takes one from the largest count
     * while that count has more than one, so a small total still shows every kind it has room for,
     * in the order the weights are given.
     */
    static int[] of(int total, int... weights) {
        int sum = 0;
        for (int weight : weights) {
            sum += weight;
        }
        int[] counts = new int[weights.length];
        long[] remainders = new long[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            long exact = (long) total * weights[i];
            counts[i] = (int) (exact / sum);
            remainders[i] = exact % sum;
            given += counts[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        for (int i = 0; i < counts.length; i++) {
            int largest = largest(counts);
            if (counts[i] == 0 && counts[largest] > 1) {
                counts[largest]--;
                counts[i]++;
            }
        }
        return counts;
    }

    /**
     * The kinds laid out one per slot ({@code counts[k]} slots of kind {@code k}) in a shuffled
     * order: which row gets which kind varies with the seed, how many of each does not.
     */
    static int[] shuffled(int[] counts, Random random) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        int[] slots = new int[total];
        int next = 0;
        for (int kind = 0; kind < counts.length; kind++) {
            for (int j = 0; j < counts[kind]; j++) {
                slots[next++] = kind;
            }
        }
        for (int i = slots.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = slots[i];
            slots[i] = slots[j];
            slots[j] = swap;
        }
        return slots;
    }

    private static int largest(int[] counts) {
        int largest = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[largest]) {
                largest = i;
            }
        }
        return largest;
    }
}
