package io.seedreset.platform.accounting;

import io.seedreset.platform.workflow.WorkflowRefused;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the books keep it: numeric with two decimals, never floating point; what a request gives is checked, never rounded away. */
final class Amounts {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Amounts() {
    }

    /**
     * A positive amount of money with at most two decimals, at scale 2.
     *
     * @throws WorkflowRefused invalid, naming the field, when it is missing, not above 0 or finer than a cent
     */
    static BigDecimal positive(BigDecimal value, String field) {
        if (value == null) {
            throw WorkflowRefused.invalid(field + " is required: an amount above 0 with at most two decimals");
        }
        if (value.signum() <= 0) {
            throw WorkflowRefused.invalid(field + " must be above 0, not " + value.toPlainString());
        }
        return cents(value, field);
    }

    /** The most money one amount holds: the columns are numeric(14,2). */
    static final BigDecimal MOST = new BigDecimal("999999999999.99");

    /** The value at scale 2. @throws WorkflowRefused invalid when it has more than two decimals, or more than the books hold */
    static BigDecimal cents(BigDecimal value, String field) {
        if (value.stripTrailingZeros().scale() > 2) {
            throw WorkflowRefused.invalid(field + " " + value.toPlainString() + " is finer than a cent: give at most two decimals");
        }
        return fits(value.setScale(2, RoundingMode.UNNECESSARY), field);
    }

    /** The value, when the books can hold it. @throws WorkflowRefused invalid when it is above {@link #MOST} */
    static BigDecimal fits(BigDecimal value, String field) {
        if (value.compareTo(MOST) > 0) {
            throw WorkflowRefused.invalid(field + " " + value.toPlainString() + " is more than the books hold (" + MOST.toPlainString() + ")");
        }
        return value;
    }

    /** A product or a share of money, to the cent, halves away from zero (as the books round tax and pay). */
    static BigDecimal rounded(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Money as a person reads it in a message: 1,250.00. */
    static String text(BigDecimal value) {
        return String.format(java.util.Locale.ROOT, "%,.2f", value);
    }
}
