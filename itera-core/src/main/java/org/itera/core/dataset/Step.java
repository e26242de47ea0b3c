package org.itera.core.dataset;

import java.util.Objects;

/** One operation of a problem and the number it is done with. */
public record Step(Operation operation, long operand) {

    public Step {
        Objects.requireNonNull(operation, "operation");
    }
}
