package org.itera.finetune.dataset;

import java.util.Locale;

/** The {@code suffix} of a fine-tuned model's name: {@code <agent>-r<round>}, as OpenAI accepts it. */
public final class Suffixes {

    /** OpenAI's limit on the suffix length. */
    public static final int MAX_LENGTH = 64;

    private Suffixes() {
    }

    public static String of(String agent, int round) {
        String tail = "-r" + round;
        String name = agent == null ? "" : agent.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (name.isEmpty()) {
            name = "agent";
        }
        if (name.length() + tail.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH - tail.length()).replaceAll("-$", "");
        }
        return name + tail;
    }
}
