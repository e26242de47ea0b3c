package org.itera.cli.round;

import java.util.Optional;
import org.itera.core.event.TaskEvent;

/** The options of {@code round-driver}; see {@link #HELP}. */
record RoundOptions(String command, String finetune, Optional<Integer> round, Optional<String> subject,
        String setting, long timeoutSeconds, long pollMillis, boolean reuse, int before, int after,
        Optional<String> file, Optional<Integer> limit, Optional<String> run) {

    static final String HELP = """
            usage: round-driver <command> --finetune URL [options]
              evaluate --round N [--subject S] [--setting S] [--file F] [--limit N] [--run ID] [--reuse]
                  evaluates round N (0 = the base models) through POST /rounds/N/evaluate and waits
                  for it: the first N rows of the JSONL file F (a path finetune-service can read; without
                  --file, the service's configured set), the tasks marked with run ID; with --reuse a
                  finished evaluation of round N is shown instead of rerun
              train [--run ID]
                  starts a fine-tuning round (POST /rounds, as part of run ID) and waits until every job of it ended;
                  the last output line is round=N. Exit 3 when no agent has enough examples.
              report --before N --after M [--subject S] [--setting S]
                  prints accuracy with its 95% interval for rounds N and M, the change, the
                  setting's other rates and the task-by-task comparison (sign test)
              latest
                  prints the highest round whose training ended (0 when none did)
            options: --timeout SECONDS (3600), --poll-ms MILLIS (3000), --setting (problem-solving)
            """;

    static RoundOptions parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("the first argument is the command: evaluate, train, report or latest");
        }
        String command = args[0];
        String finetune = null;
        Integer round = null;
        String subject = null;
        String setting = TaskEvent.SETTING_PROBLEM_SOLVING;
        long timeout = 3600;
        long poll = 3000;
        boolean reuse = false;
        Integer before = null;
        Integer after = null;
        String file = null;
        Integer limit = null;
        String run = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--finetune" -> finetune = value(args, ++i, arg);
                case "--round" -> round = number(args, ++i, arg);
                case "--subject" -> subject = value(args, ++i, arg);
                case "--setting" -> setting = value(args, ++i, arg);
                case "--timeout" -> timeout = number(args, ++i, arg);
                case "--poll-ms" -> poll = number(args, ++i, arg);
                case "--before" -> before = number(args, ++i, arg);
                case "--after" -> after = number(args, ++i, arg);
                case "--reuse" -> reuse = true;
                case "--file" -> file = value(args, ++i, arg);
                case "--limit" -> limit = number(args, ++i, arg);
                case "--run" -> run = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (finetune == null) {
            throw new IllegalArgumentException("--finetune URL is required");
        }
        switch (command) {
            case "evaluate" -> require(round != null, "evaluate needs --round N");
            case "report" -> require(before != null && after != null, "report needs --before N and --after M");
            case "train", "latest" -> { }
            default -> throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        return new RoundOptions(command, finetune, Optional.ofNullable(round), Optional.ofNullable(subject), setting,
                timeout, poll, reuse, before == null ? 0 : before, after == null ? 0 : after,
                Optional.ofNullable(file).map(f -> java.nio.file.Path.of(f).toAbsolutePath().toString()),
                Optional.ofNullable(limit), Optional.ofNullable(run));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option) {
        String value = value(args, i, option);
        try {
            int n = Integer.parseInt(value);
            require(n >= 0, option + " must not be negative");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }
}
