package org.itera.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The part of one dataset line a task is made of. Everything else on the line ({@code source},
 * {@code meta}, and any unknown key) is dropped when the line is read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DatasetRow(String id, String question, List<String> choices, String context, String answer) {
}
