package org.itera.modelserver.llama;

/** Why a completion ended, in OpenAI's words. */
public enum FinishReason {
    /** The model ended its turn or a stop sequence was met. */
    STOP("stop"),
    /** The token budget (max_tokens or the slot's context) ran out, or the reply was cut where it fell into a loop. */
    LENGTH("length");

    private final String apiName;

    FinishReason(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
