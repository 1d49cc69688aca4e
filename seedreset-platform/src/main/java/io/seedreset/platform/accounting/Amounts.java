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
            throw WorkflowRefused.invalid(field + " must be above 0, not " + shown(value));
        }
        return cents(value, field);
    }

    /** The most money one amount holds: the columns are numeric(14,2). */
    static final BigDecimal MOST = new BigDecimal("999999999999.99");

    /**
     * The value at scale 2. Its size and its decimals are checked before it is scaled: 1e999999999 or 1e-999999999 is a
     * few bytes of JSON, but written out or scaled it would take a gigabyte.
     *
     * @throws WorkflowRefused invalid when it has more than two decimals, or more than the books hold
     */
    static BigDecimal cents(BigDecimal value, String field) {
        fits(value, field);
        if (value.stripTrailingZeros().scale() > 2) {
            throw WorkflowRefused.invalid(field + " " + shown(value) + " is finer than a cent: give at most two decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The value, when the books can hold it. @throws WorkflowRefused invalid when it is above {@link #MOST} */
    static BigDecimal fits(BigDecimal value, String field) {
        // compareTo weighs the exponents before the digits: it never writes out a huge value.
        if (value.compareTo(MOST) > 0) {
            throw WorkflowRefused.invalid(field + " " + shown(value) + " is more than the books hold (" + MOST.toPlainString() + ")");
        }
        return value;
    }

    /** The most characters of a caller's number a message repeats. */
    private static final int SHOWN = 24;

    /**
     * A caller's number as a message repeats it: plain when it is short (10.005), in scientific notation when its exponent
     * is large (1E-1000000, never its million zeros), and cut short past {@value #SHOWN} characters.
     */
    static String shown(BigDecimal value) {
        String text = Math.abs((long) value.scale()) <= SHOWN ? value.toPlainString() : value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 3) + "...";
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
