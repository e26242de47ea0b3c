package org.itera.core.setting.actorcritic;

/**
 * The judge's first verdict set against the truth: the actor's first answer right and accepted
 * (PT) or rejected (PF), wrong and rejected (NT) or accepted (NF). An unreadable verdict counts as
 * a reject.
 */
public enum JudgeLabel {
    PT, PF, NT, NF;

    public static JudgeLabel of(boolean actorRight, Verdict verdict) {
        if (actorRight) {
            return verdict.rejects() ? PF : PT;
        }
        return verdict.rejects() ? NT : NF;
    }

    /** Whether the verdict matched the truth. */
    public boolean judgeRight() {
        return this == PT || this == NT;
    }
}
