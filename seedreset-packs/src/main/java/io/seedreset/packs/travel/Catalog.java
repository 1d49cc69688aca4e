package io.seedreset.packs.travel;

import java.util.List;

/**
 * What the company deals in, fixed whatever the seed: its suppliers (all invented, none a real
 * airline's, hotel group's or software maker's name), the trips it sells, the stock it keeps, and the
 * places its customers come from. Seeds choose among these; they never make up a supplier.
 */
final class Catalog {

    /** A city with the area code its phone numbers take. */
    record City(String name, String state, String areaCode) {
    }

    static final City CHICAGO = new City("Chicago", "IL", "312");

    /**
     * Where customers live and groups meet: the company's own metro area mostly, and the Midwest
     * cities its corporate accounts are in.
     */
    static final List<City> SUBURBS = List.of(
            new City("Evanston", "IL", "847"), new City("Oak Park", "IL", "708"), new City("Naperville", "IL", "630"),
            new City("Skokie", "IL", "847"), new City("Wheaton", "IL", "630"), new City("Glenview", "IL", "847"),
            new City("Elmhurst", "IL", "630"), new City("Downers Grove", "IL", "630"), new City("Arlington Heights", "IL", "847"),
            new City("Hinsdale", "IL", "630"), new City("Wilmette", "IL", "847"), new City("Park Ridge", "IL", "847"),
            new City("La Grange", "IL", "708"), new City("Palatine", "IL", "847"), new City("Orland Park", "IL", "708"));
    static final List<City> MIDWEST = List.of(
            CHICAGO, CHICAGO, CHICAGO, new City("Milwaukee", "WI", "414"), new City("Madison", "WI", "608"),
            new City("Indianapolis", "IN", "317"), new City("Minneapolis", "MN", "612"), new City("Detroit", "MI", "313"),
            new City("St. Louis", "MO", "314"));

    /**
     * How the company deals with a supplier: its trade (a suppliers.vendors category), the account
     * its bills go to, its payment terms, how it is paid and the prefix of its invoice numbers.
     */
    enum Trade {
        AIRLINE("airline", Chart.AIRFARE, 14, "BANK_TRANSFER"),
        HOTEL("lodging", Chart.ACCOMMODATION, 30, "ACH"),
        COACH("transportation", Chart.GROUND_AND_GUIDES, 21, "ACH"),
        TOUR_OPERATOR("tour_operator", Chart.GROUND_AND_GUIDES, 30, "BANK_TRANSFER"),
        LANDLORD("office", Chart.RENT, 0, "CHECK"),
        ACCOUNTANTS("professional_services", Chart.PROFESSIONAL_FEES, 30, "ACH"),
        PRINTER("printing", Chart.MARKETING, 30, "ACH"),
        SOFTWARE("office", Chart.SOFTWARE, 15, "ACH"),
        UTILITY("office", Chart.UTILITIES, 21, "ACH");

        final String category;
        final String account;
        final int termsDays;
        final String method;

        Trade(String category, String account, int termsDays, String method) {
            this.category = category;
            this.account = account;
            this.termsDays = termsDays;
            this.method = method;
        }
    }

    /**
     * A supplier. {@code weight} is its share of its trade's business (the main airline carries more
     * than the others); {@code billPrefix} starts its invoice numbers, which it numbers itself.
     */
    record Supplier(String name, Trade trade, City city, int weight, String billPrefix) {
    }

    /** In {@code vendor} ordinal order; the pack's javadoc names the ranges. */
    static final List<Supplier> SUPPLIERS = List.of(
            new Supplier("Aurelian Airways", Trade.AIRLINE, CHICAGO, 5, "AUR-"),
            new Supplier("Halcyon Atlantic Airlines", Trade.AIRLINE, new City("Boston", "MA", "617"), 3, "HAA"),
            new Supplier("Corvina Air", Trade.AIRLINE, new City("Miami", "FL", "305"), 2, "CVA-"),
            new Supplier("Marlowe Pacific Air", Trade.AIRLINE, new City("Seattle", "WA", "206"), 2, "MPA"),
            new Supplier("Harborview Suites Group", Trade.HOTEL, CHICAGO, 4, "HVS-"),
            new Supplier("Casa Alta Hotels", Trade.HOTEL, new City("San Antonio", "TX", "210"), 3, "CAH"),
            new Supplier("Old Quarter Inn Collection", Trade.HOTEL, new City("New Orleans", "LA", "504"), 2, "OQI-"),
            new Supplier("Pinecrest Lodge & Resort", Trade.HOTEL, new City("Traverse City", "MI", "231"), 2, "PLR"),
            new Supplier("Larkspur Grand Hotel", Trade.HOTEL, new City("Washington", "DC", "202"), 2, "LGH-"),
            new Supplier("Quayside Boutique Hotels", Trade.HOTEL, new City("Portland", "ME", "207"), 1, "QBH"),
            new Supplier("Lakeshore Coachlines", Trade.COACH, CHICAGO, 3, "LSC-"),
            new Supplier("Prairie Star Motorcoach", Trade.COACH, new City("Joliet", "IL", "815"), 2, "PSM"),
            new Supplier("Redline Charter Coaches", Trade.COACH, new City("Milwaukee", "WI", "414"), 1, "RCC-"),
            new Supplier("Costa Serena Tours", Trade.TOUR_OPERATOR, new City("Miami", "FL", "305"), 3, "CST"),
            new Supplier("Highland Trails Expeditions", Trade.TOUR_OPERATOR, new City("Denver", "CO", "303"), 2, "HTE-"),
            new Supplier("Sakura Path Journeys", Trade.TOUR_OPERATOR, new City("San Francisco", "CA", "415"), 2, "SPJ"),
            new Supplier("Andes Horizon Travel", Trade.TOUR_OPERATOR, new City("Houston", "TX", "713"), 1, "AHT-"),
            new Supplier("Calder Street Holdings LLC", Trade.LANDLORD, CHICAGO, 1, "CSH-"),
            new Supplier("Whitcombe & Arlen CPAs", Trade.ACCOUNTANTS, CHICAGO, 1, "WA"),
            new Supplier("Riverbend Print Works", Trade.PRINTER, CHICAGO, 2, "RPW-"),
            new Supplier("Ink & Atlas Promotional Goods", Trade.PRINTER, new City("Elk Grove Village", "IL", "847"), 1, "IAP"),
            new Supplier("Itinerix Booking Cloud", Trade.SOFTWARE, new City("Austin", "TX", "512"), 1, "ITX-"),
            new Supplier("Parcelle Office Suite", Trade.SOFTWARE, new City("Boston", "MA", "617"), 1, "POS"),
            new Supplier("Ashgrove Energy Cooperative", Trade.UTILITY, CHICAGO, 1, "AEC-"),
            new Supplier("Signalpoint Business Telecom", Trade.UTILITY, CHICAGO, 1, "SBT"));

    static final int LANDLORD = indexOf("Calder Street Holdings LLC");
    static final int ACCOUNTANTS = indexOf("Whitcombe & Arlen CPAs");
    static final int BROCHURE_PRINTER = indexOf("Riverbend Print Works");
    static final int PROMOTIONAL_GOODS = indexOf("Ink & Atlas Promotional Goods");
    static final int ENERGY = indexOf("Ashgrove Energy Cooperative");
    static final int TELECOM = indexOf("Signalpoint Business Telecom");

    private static int indexOf(String name) {
        for (int i = 0; i < SUPPLIERS.size(); i++) {
            if (SUPPLIERS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no supplier " + name);
    }

    // ---------------------------------------------------------------- what it sells

    /** Tours sold to individual travellers, with their length in nights. */
    record Tour(String name, int nights) {
    }

    static final List<Tour> TOURS = List.of(
            new Tour("Amalfi Coast & Capri", 9), new Tour("Highlands of Scotland", 8), new Tour("Kyoto & Tokyo Discovery", 11),
            new Tour("Portugal: Lisbon to Porto", 9), new Tour("Iceland Ring Road", 8), new Tour("Costa Rica Rainforest & Beaches", 10),
            new Tour("Greek Islands by Ferry", 10), new Tour("Cusco & Machu Picchu", 8), new Tour("Alaska's Inside Passage", 7),
            new Tour("Yellowstone & Grand Teton", 6), new Tour("Provence & the Riviera", 9), new Tour("Dalmatian Coast of Croatia", 9),
            new Tour("New Zealand's South Island", 14), new Tour("Morocco's Imperial Cities", 10),
            new Tour("Canadian Rockies by Rail", 7), new Tour("Tuscany Food & Wine", 8), new Tour("Christmas Markets on the Danube", 8));

    /** Trips organised for groups. */
    static final List<String> GROUP_TRIPS = List.of(
            "Washington, D.C. heritage trip", "Nashville music weekend", "Orlando band festival", "Holy Land pilgrimage",
            "Napa Valley wine tour", "New Orleans jazz & food tour", "Grand Canyon & Sedona", "Mackinac Island retreat",
            "Ireland heritage tour", "New England fall foliage", "Branson shows weekend", "Savannah & Charleston",
            "Smoky Mountains getaway", "Alumni cruise to the Bahamas");

    /** Where corporate travellers fly from Chicago. */
    static final List<String> BUSINESS_DESTINATIONS = List.of(
            "New York", "San Francisco", "Dallas", "Atlanta", "Boston", "Seattle", "Denver", "Los Angeles", "Toronto",
            "London", "Frankfurt", "Mexico City", "Singapore", "Washington, D.C.");

    /** Where suppliers' bills send travellers: the destinations above, by trade. */
    static final List<String> DESTINATIONS = List.of(
            "Lisbon", "Rome", "Naples", "Edinburgh", "Reykjavik", "San José", "Athens", "Cusco", "Juneau", "Jackson Hole",
            "Nice", "Split", "Queenstown", "Marrakesh", "Banff", "Florence", "Vienna", "Orlando", "Nashville", "New Orleans",
            "Washington, D.C.", "Boston", "Savannah", "Dublin");

    // ---------------------------------------------------------------- customers

    /** Place words corporate accounts take their names from. */
    static final List<String> PLACES = List.of(
            "Lakeshore", "Northfield", "Prairie", "Riverside", "Cedar Ridge", "Granite", "Summit", "Harbor Point", "Westgate",
            "Fox Valley", "Ironwood", "Maple Grove", "Clearwater", "Bluestem", "Kettle River", "Lakeview", "Stony Creek", "Midway");

    /** Trades of the companies whose staff travel. */
    static final List<String> INDUSTRIES = List.of(
            "Engineering", "Logistics", "Biotech", "Manufacturing", "Health Partners", "Software", "Consulting", "Foods",
            "Architects", "Insurance", "Capital Partners", "Analytics", "Medical Devices", "Packaging", "Robotics",
            "Energy Services", "Dental Partners", "Freight Systems");

    /** Kinds of groups that travel together; {town} is where they meet. */
    static final List<String> GROUPS = List.of(
            "{town} Rotary Club", "{town} Garden Club", "{town} High School Band Boosters", "{town} Senior Center Travelers",
            "{town} Photography Society", "{town} Lutheran Church Choir", "{town} Alumni Travel Club", "{town} Hiking Club",
            "{town} Chamber of Commerce", "{town} Book Club", "{town} Historical Society", "{town} Women's Club");

    // ---------------------------------------------------------------- stock

    /**
     * Items the company hands its travellers or mails to prospects. {@code perTraveller} kits go to
     * every traveller; brochures go out by the hundred whatever the bookings. {@code lot} is how many
     * a business of 30 invoices a month orders at a time (a smaller one orders smaller print runs);
     * {@code supplier} prints or sells them.
     */
    record Item(String sku, String name, long unitCostCents, int reorderPoint, int lot, boolean perTraveller, int monthlyBase,
                int supplier) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("BRO-EUR", "Europe tours brochure", 240, 300, 1_500, false, 260, BROCHURE_PRINTER),
            new Item("BRO-WLD", "Worldwide journeys brochure", 260, 250, 1_000, false, 180, BROCHURE_PRINTER),
            new Item("BRO-GRP", "Group travel planner", 310, 150, 500, false, 90, BROCHURE_PRINTER),
            new Item("KIT-STD", "Traveller welcome kit", 1_450, 60, 300, true, 0, PROMOTIONAL_GOODS),
            new Item("KIT-PRM", "Premium travel kit", 3_200, 20, 100, false, 18, PROMOTIONAL_GOODS),
            new Item("TAG-LUG", "Luggage tags (pair)", 180, 120, 600, true, 0, PROMOTIONAL_GOODS),
            new Item("WAL-PAS", "Passport wallet", 675, 50, 250, false, 35, PROMOTIONAL_GOODS),
            new Item("PIL-NCK", "Travel neck pillow", 990, 30, 150, false, 22, PROMOTIONAL_GOODS));

    // ---------------------------------------------------------------- staff

    /** A job at the agency, with its department and salary range in thousands of dollars. */
    record Job(String title, String department, int minSalary, int maxSalary) {
    }

    static final Job OWNER_JOB = new Job("Owner & Managing Director", "Management", 120, 120);
    static final Job ACCOUNTANT_JOB = new Job("Accountant", "Finance", 72, 72);

    /** The other jobs, in hiring order: a small agency's first hires are consultants, then specialists. */
    static final List<Job> JOBS = List.of(
            new Job("Senior Travel Consultant", "Sales", 58, 66),
            new Job("Travel Consultant", "Sales", 44, 52),
            new Job("Group Travel Coordinator", "Groups", 50, 58),
            new Job("Corporate Account Manager", "Corporate", 62, 74),
            new Job("Travel Consultant", "Sales", 44, 52),
            new Job("Operations Manager", "Operations", 64, 76),
            new Job("Marketing Coordinator", "Marketing", 48, 56),
            new Job("Travel Consultant", "Sales", 44, 52),
            new Job("Office Manager", "Operations", 46, 54),
            new Job("Tour Designer", "Product", 52, 60),
            new Job("Corporate Travel Agent", "Corporate", 46, 54),
            new Job("Group Travel Coordinator", "Groups", 50, 58));

    private Catalog() {
    }
}
