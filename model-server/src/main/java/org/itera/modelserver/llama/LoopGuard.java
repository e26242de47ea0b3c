package org.itera.modelserver.llama;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches a reply while it is decoded and tells when it has fallen into a loop: its last non-blank
 * line written {@value #LINE_REPEATS} times in a row, or its last block of 2 to
 * {@value #MAX_BLOCK_LINES} non-blank lines written {@value #BLOCK_REPEATS} times in a row (lines
 * compared with surrounding blanks stripped). A small model decoding greedily stays in such a loop
 * until its token budget runs out ("#### 2" forty times over); stopping at the loop returns the
 * same text a smaller {@code max_tokens} would have, without decoding the rest.
 */
final class LoopGuard {

    static final int LINE_REPEATS = 3;
    static final int BLOCK_REPEATS = 2;
    static final int MAX_BLOCK_LINES = 16;

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    /** Adds the next decoded piece of text; true when the text so far ends in a loop. */
    boolean loopsAfter(String piece) {
        boolean looping = false;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c != '\n') {
                partial.append(c);
                continue;
            }
            String line = partial.toString().strip();
            partial.setLength(0);
            if (!line.isEmpty()) {
                lines.add(line);
                looping |= endsInLoop();
            }
        }
        return looping;
    }

    private boolean endsInLoop() {
        for (int size = 1; size <= MAX_BLOCK_LINES; size++) {
            int repeats = size == 1 ? LINE_REPEATS : BLOCK_REPEATS;
            if (lines.size() >= size * repeats && lastBlockRepeats(size, repeats)) {
                return true;
            }
        }
        return false;
    }

    private boolean lastBlockRepeats(int size, int repeats) {
        int last = lines.size() - 1;
        for (int copy = 1; copy < repeats; copy++) {
            for (int k = 0; k < size; k++) {
                if (!lines.get(last - k).equals(lines.get(last - k - copy * size))) {
                    return false;
                }
            }
        }
        return true;
    }
}
