package org.itera.core.setting.competitive;

/** The sampling seed of a game's n-th call: a mix of the game's seed and n (SplitMix64), as a non-negative int. */
final class Seeds {

    private Seeds() {
    }

    static int of(long gameSeed, int call) {
        long z = gameSeed + 0x9E3779B97F4A7C15L * (call + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z & 0x7fffffffL);
    }
}
