package io.seedreset.api;

import java.util.List;

/**
 * What {@code validate} found: every validation rule of every pack applied to the
 * organization, each with up to three offending rows.
 */
public record ValidationResult(String organization, List<Rule> rules) {

    public ValidationResult {
        rules = List.copyOf(rules);
    }

    /** One rule's outcome; {@code violations} describes up to three offending rows. */
    public record Rule(String pack, String name, List<String> violations) {
        public Rule {
            violations = List.copyOf(violations);
        }

        public boolean passed() {
            return violations.isEmpty();
        }
    }

    public boolean passed() {
        return rules.stream().allMatch(Rule::passed);
    }

    public List<Rule> failed() {
        return rules.stream().filter(r -> !r.passed()).toList();
    }
}
