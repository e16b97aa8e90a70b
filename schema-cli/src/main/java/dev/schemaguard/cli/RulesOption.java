package dev.schemaguard.cli;

import dev.schemaguard.sql.PlanRule;
import dev.schemaguard.sql.RuleFinding;
import dev.schemaguard.sql.RuleOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules over the plan (docs/rules.md): which findings fail the command ({@code --fail-on},
 * {@code --fail-on-severity}; exit code {@link ExitCode#RULES_BROKEN}) and what a big table is.
 */
final class RulesOption {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|kB|KB|MB|GB|TB)", Pattern.CASE_INSENSITIVE);

    @Option(names = "--fail-on", split = ",", paramLabel = "CODE",
            description = "Fail (exit 4) when the plan breaks one of these rules, e.g. SG101,SG107 (docs/rules.md).")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--fail-on-severity", paramLabel = "SEVERITY",
            description = "Fail (exit 4) when the plan breaks a rule of this severity or higher: info, warning, error.")
    String failOnSeverity;

    @Option(names = "--big-table-rows", paramLabel = "ROWS", defaultValue = "100000",
            description = "Rules about big tables apply from this many estimated rows on (default 100000).")
    long bigTableRows;

    @Option(names = "--big-table-size", paramLabel = "SIZE", defaultValue = "100MB",
            description = "... or from this size of the table's own data on, e.g. 100MB (default), 2GB.")
    String bigTableSize;

    /** How the rules judge, the plan running under a lock_timeout or not. */
    RuleOptions ruleOptions(boolean lockTimeoutSet) {
        if (bigTableRows < 0) {
            throw CliFailure.error("--big-table-rows must not be negative, was " + bigTableRows);
        }
        return new RuleOptions(bigTableRows, bytes(bigTableSize), lockTimeoutSet);
    }

    /** Whether any finding can fail the command. */
    boolean asked() {
        return !failOn.isEmpty() || failOnSeverity != null;
    }

    /** The findings that fail the command: of a rule named by --fail-on, or at least as severe as --fail-on-severity. */
    List<RuleFinding> failing(List<RuleFinding> findings) {
        Set<PlanRule> rules = EnumSet.noneOf(PlanRule.class);
        for (String code : failOn) {
            rules.add(PlanRule.withCode(code).orElseThrow(() -> CliFailure.error("--fail-on " + code
                    + ": no such rule (the codes are SG101 to SG302, listed in docs/rules.md)")));
        }
        Optional<PlanRule.Severity> threshold = failOnSeverity == null ? Optional.empty()
                : Optional.of(PlanRule.Severity.named(failOnSeverity).orElseThrow(() -> CliFailure.error(
                        "--fail-on-severity " + failOnSeverity + ": use info, warning or error")));
        return findings.stream().filter(f -> rules.contains(f.rule())
                || threshold.map(t -> f.rule().severity().compareTo(t) >= 0).orElse(false)).toList();
    }

    /** The message of a command failed by {@code failing} findings. */
    static String failure(List<RuleFinding> failing, String what) {
        Set<String> codes = new java.util.TreeSet<>();
        failing.forEach(f -> codes.add(f.rule().code()));
        return "the plan breaks " + failing.size() + " rule finding(s) named by --fail-on/--fail-on-severity ("
                + String.join(", ", codes) + ")" + what;
    }

    static long bytes(String size) {
        Matcher matcher = SIZE.matcher(size.trim());
        if (!matcher.matches()) {
            throw CliFailure.error("--big-table-size " + size + " is not a size: use e.g. 100MB, 2GB, 500kB or bytes");
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> number * 1024;
            case "MB" -> number * 1024 * 1024;
            case "GB" -> number * 1024 * 1024 * 1024;
            case "TB" -> number * 1024 * 1024 * 1024 * 1024;
            default -> number;
        };
    }
}
