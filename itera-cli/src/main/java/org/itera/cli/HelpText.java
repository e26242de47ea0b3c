package org.itera.cli;

/** The text {@code push-tasks --help} prints. */
final class HelpText {

    private HelpText() {
    }

    static String text() {
        return """
                Usage: push-tasks --file FILE --subject SUBJECT --split train|test [options]

                Reads a JSONL dataset file (one task per line: id, question, choices, context,
                answer; source, meta and any other keys are dropped), turns every line into a
                task event with the given setting (problem-solving unless --setting says otherwise),
                subject and split, checks it, and produces it onto a Kafka topic keyed by the task id.

                Required:
                  -f, --file FILE         the JSONL file, e.g. ../shared/data/pubmedqa/train.jsonl
                  -s, --subject SUBJECT   the team and grader, one of the known subjects
                      --split train|test  train feeds the experience library; test is evaluated only

                Options:
                      --setting SETTING   problem-solving (default) or actor-critic; the subject
                                          needs a team of that setting
                  -n, --limit N           read at most N lines (after the offset); default: all
                      --offset K          skip the first K lines of the file; default 0
                      --round R           set the evaluation round on every task; default 0
                      --run ID            mark every task as part of run ID (GET /runs/ID on filter-service)
                  -b, --bootstrap HOSTS   Kafka bootstrap servers; default: $KAFKA_BOOTSTRAP_SERVERS,
                                          else localhost:9092
                  -t, --topic TOPIC       the topic to produce to; default tasks
                      --timeout SECONDS   how long to wait for the broker before giving up; default 15
                      --strict            send nothing at all if any line is invalid
                      --dry-run           check the lines and print the task events on stdout
                                          instead of sending them (no broker needed)
                  -h, --help              print this text

                Blank lines are ignored; line numbers count every line of the file from 1, and
                --offset/--limit count non-blank lines. An invalid line (bad JSON, a missing id,
                question or answer, ...) is reported on stderr with its line number and reasons and
                is never sent. Without --strict the valid lines are still sent.

                Progress goes to stderr; the final summary line goes to stdout.

                Exit status:
                  0   every line was valid and every task was acknowledged by the broker
                  1   the file could not be read, the broker was unreachable, or a send failed
                  2   some lines were invalid (the valid ones were sent, unless --strict)
                  64  the command line was wrong
                """;
    }
}
