package io.seedreset.api;

import java.util.List;

/**
 * What {@code validate} found: every validation rule of every pack applied to the
 * organization, each with up to three offending rows.
 *
 * @param passed true when every rule holds
 */
public record ValidationResult(String organization, boolean passed, List<Rule> rules) {

    public ValidationResult(String organization, List<Rule> rules) {
        this(organization, rules.stream().allMatch(Rule::passed), rules);
    }

    public ValidationResult {
        rules = List.copyOf(rules);
        if (passed != rules.stream().allMatch(Rule::passed)) {
            throw new IllegalArgumentException("passed must say whether every rule holds");
        }
    }

    /**
     * One rule's outcome.
     *
     * @param passed     true when no row breaks the rule
     * @param violations up to three offending rows, described
     */
    public record Rule(String pack, String name, boolean passed, List<String> violations) {

        public Rule(String pack, String name, List<String> violations) {
            this(pack, name, violations.isEmpty(), violations);
        }

        public Rule {
            violations = List.copyOf(violations);
            if (passed != violations.isEmpty()) {
                throw new IllegalArgumentException("a rule passes exactly when it has no violations");
            }
        }
    }

    public List<Rule> failed() {
        return rules.stream().filter(r -> !r.passed()).toList();
    }
}
