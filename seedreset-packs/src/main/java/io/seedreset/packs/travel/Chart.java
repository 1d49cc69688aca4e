package io.seedreset.packs.travel;

import java.math.BigDecimal;
import java.util.List;

/**
 * Demo Travel Co's chart of accounts and tax rates, as the shared contract of the accounting work
 * fixes them (the platform's reports, the API and the scenarios look accounts up by code or control).
 */
final class Chart {

    /** One account; {@code control} names the few the platform posts to by itself, or is null. */
    record Account(String code, String name, String type, String control) {
    }

    static final String OPERATING = "1000";
    static final String RESERVE = "1010";
    static final String RECEIVABLES = "1100";
    static final String INVENTORY = "1200";
    static final String OFFICE_EQUIPMENT = "1500";
    static final String ACCUMULATED_DEPRECIATION = "1510";
    static final String PAYABLES = "2000";
    static final String SALES_TAX = "2100";
    static final String CUSTOMER_CREDITS = "2200";
    static final String PAYROLL_LIABILITIES = "2300";
    static final String OWNERS_CAPITAL = "3000";
    static final String RETAINED_EARNINGS = "3900";
    static final String TOUR_PACKAGES = "4000";
    static final String GROUP_TRIPS = "4100";
    static final String CORPORATE_TRAVEL_FEES = "4200";
    static final String INTEREST_INCOME = "4900";
    static final String AIRFARE = "5000";
    static final String ACCOMMODATION = "5100";
    static final String GROUND_AND_GUIDES = "5200";
    static final String SALARIES = "6000";
    static final String RENT = "6100";
    static final String MARKETING = "6200";
    static final String SOFTWARE = "6300";
    static final String BANK_FEES = "6400";
    static final String PROFESSIONAL_FEES = "6500";
    static final String DEPRECIATION = "6600";
    static final String UTILITIES = "6700";

    /** In {@code account} ordinal order. */
    static final List<Account> ACCOUNTS = List.of(
            new Account(OPERATING, "Operating Account", "ASSET", null),
            new Account(RESERVE, "Reserve Savings", "ASSET", null),
            new Account(RECEIVABLES, "Accounts Receivable", "ASSET", "RECEIVABLES"),
            new Account(INVENTORY, "Inventory: Brochures & Travel Kits", "ASSET", "INVENTORY"),
            new Account("1300", "Prepaid Supplier Deposits", "ASSET", null),
            new Account(OFFICE_EQUIPMENT, "Office Equipment", "ASSET", null),
            // A contra account: an asset that carries a credit balance.
            new Account(ACCUMULATED_DEPRECIATION, "Accumulated Depreciation", "ASSET", null),
            new Account(PAYABLES, "Accounts Payable", "LIABILITY", "PAYABLES"),
            new Account(SALES_TAX, "Sales Tax Payable", "LIABILITY", "SALES_TAX"),
            new Account(CUSTOMER_CREDITS, "Customer Credits", "LIABILITY", "CUSTOMER_CREDIT"),
            new Account(PAYROLL_LIABILITIES, "Payroll Liabilities", "LIABILITY", "PAYROLL_LIABILITIES"),
            new Account("2400", "Accrued Expenses", "LIABILITY", "ACCRUED_EXPENSES"),
            new Account(OWNERS_CAPITAL, "Owner's Capital", "EQUITY", null),
            new Account(RETAINED_EARNINGS, "Retained Earnings", "EQUITY", "RETAINED_EARNINGS"),
            new Account(TOUR_PACKAGES, "Tour Packages", "REVENUE", null),
            new Account(GROUP_TRIPS, "Group Trips", "REVENUE", null),
            new Account(CORPORATE_TRAVEL_FEES, "Corporate Travel Fees", "REVENUE", null),
            new Account(INTEREST_INCOME, "Interest Income", "REVENUE", null),
            new Account(AIRFARE, "Airfare", "EXPENSE", null),
            new Account(ACCOMMODATION, "Accommodation", "EXPENSE", null),
            new Account(GROUND_AND_GUIDES, "Ground Transport & Guides", "EXPENSE", null),
            new Account(SALARIES, "Salaries & Wages", "EXPENSE", null),
            new Account(RENT, "Rent", "EXPENSE", null),
            new Account(MARKETING, "Marketing & Brochures", "EXPENSE", null),
            new Account(SOFTWARE, "Software & Subscriptions", "EXPENSE", null),
            new Account(BANK_FEES, "Bank & Card Fees", "EXPENSE", null),
            new Account(PROFESSIONAL_FEES, "Professional Fees", "EXPENSE", null),
            new Account(DEPRECIATION, "Depreciation", "EXPENSE", null),
            new Account(UTILITIES, "Utilities & Telephone", "EXPENSE", null));

    /** A sales tax rate; what it collects is owed on 2100. */
    record TaxRate(String name, BigDecimal rate) {
    }

    /**
     * Travel itself (fares, rooms, tours) is sold tax-exempt; the agency's own service and booking
     * fees carry sales tax. In {@code tax_rate} ordinal order.
     */
    static final TaxRate SERVICE_FEE_TAX = new TaxRate("Sales tax on service fees (6.25%)", new BigDecimal("0.0625"));
    static final TaxRate EXEMPT = new TaxRate("Exempt: travel services (0%)", new BigDecimal("0.0000"));
    static final List<TaxRate> TAX_RATES = List.of(SERVICE_FEE_TAX, EXEMPT);

    private Chart() {
    }
}
