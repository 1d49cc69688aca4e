package io.seedreset.packs.travel;

import java.time.Month;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    // ---------------------------------------------------------------- where travellers go

    /** Where an airline's network reaches: the Chicago carrier flies North America, the others abroad. */
    enum Region { UNITED_STATES, CANADA, LATIN_AMERICA, EUROPE, MEDITERRANEAN_EAST, ASIA_PACIFIC }

    /**
     * A place travellers go: a round-trip fare from Chicago per passenger and a night's room, in
     * dollars at an average season (0 fare: groups go by coach). Sale prices and suppliers' bills
     * are both worked out from these, so a trip to Singapore costs what Singapore costs.
     */
    record Place(String name, Region region, int airfare, int roomRate) {

        boolean byCoach() {
            return airfare == 0;
        }
    }

    private static final List<Place> PLACES_TRAVELLED = List.of(
            new Place("Chicago", Region.UNITED_STATES, 0, 0),
            new Place("New York", Region.UNITED_STATES, 380, 340), new Place("San Francisco", Region.UNITED_STATES, 460, 300),
            new Place("Dallas", Region.UNITED_STATES, 340, 190), new Place("Atlanta", Region.UNITED_STATES, 320, 185),
            new Place("Boston", Region.UNITED_STATES, 360, 290), new Place("Seattle", Region.UNITED_STATES, 430, 240),
            new Place("Denver", Region.UNITED_STATES, 310, 195), new Place("Los Angeles", Region.UNITED_STATES, 420, 250),
            new Place("Washington, D.C.", Region.UNITED_STATES, 330, 270), new Place("Toronto", Region.CANADA, 390, 220),
            new Place("London", Region.EUROPE, 980, 360), new Place("Frankfurt", Region.EUROPE, 940, 230),
            new Place("Mexico City", Region.LATIN_AMERICA, 560, 160), new Place("Singapore", Region.ASIA_PACIFIC, 1_580, 290),
            new Place("Naples", Region.EUROPE, 1_120, 210), new Place("Edinburgh", Region.EUROPE, 1_010, 220),
            new Place("Kyoto", Region.ASIA_PACIFIC, 1_390, 240), new Place("Lisbon", Region.EUROPE, 920, 180),
            new Place("Reykjavik", Region.EUROPE, 780, 260), new Place("San José", Region.LATIN_AMERICA, 640, 150),
            new Place("Athens", Region.EUROPE, 1_080, 170), new Place("Cusco", Region.LATIN_AMERICA, 1_050, 140),
            new Place("Juneau", Region.UNITED_STATES, 690, 230), new Place("Jackson Hole", Region.UNITED_STATES, 560, 320),
            new Place("Nice", Region.EUROPE, 1_090, 240), new Place("Split", Region.EUROPE, 1_140, 180),
            new Place("Queenstown", Region.ASIA_PACIFIC, 1_790, 230), new Place("Marrakesh", Region.MEDITERRANEAN_EAST, 1_060, 160),
            new Place("Banff", Region.CANADA, 520, 290), new Place("Florence", Region.EUROPE, 1_100, 230),
            new Place("Vienna", Region.EUROPE, 1_020, 200), new Place("Nashville", Region.UNITED_STATES, 0, 230),
            new Place("Orlando", Region.UNITED_STATES, 310, 170), new Place("Jerusalem", Region.MEDITERRANEAN_EAST, 1_240, 230),
            new Place("Napa", Region.UNITED_STATES, 460, 310), new Place("New Orleans", Region.UNITED_STATES, 330, 210),
            new Place("Sedona", Region.UNITED_STATES, 420, 260), new Place("Mackinac Island", Region.UNITED_STATES, 0, 250),
            new Place("Dublin", Region.EUROPE, 890, 220), new Place("Branson", Region.UNITED_STATES, 0, 140),
            new Place("Savannah", Region.UNITED_STATES, 360, 210), new Place("Gatlinburg", Region.UNITED_STATES, 0, 150),
            new Place("Nassau", Region.LATIN_AMERICA, 520, 260));

    static Place place(String name) {
        for (Place place : PLACES_TRAVELLED) {
            if (place.name().equals(name)) {
                return place;
            }
        }
        throw new IllegalStateException("no place " + name);
    }

    static final Place HOME = place("Chicago");

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
    record Supplier(String name, Trade trade, City city, int weight, String billPrefix, Set<Region> regions, Set<String> places) {

        /** Whether it flies to, houses travellers in, drives or guides them at that place. */
        boolean serves(Place place) {
            return regions.contains(place.region()) || places.contains(place.name());
        }
    }

    /** An airline: it flies to the regions its network covers, and to a few places outside them. */
    private static Supplier airline(String name, City city, int weight, String prefix, Set<Region> regions, String... places) {
        return new Supplier(name, Trade.AIRLINE, city, weight, prefix, regions, Set.of(places));
    }

    /** A hotel group, coach or tour operator: it works in the places it has hotels, depots or guides. */
    private static Supplier local(String name, Trade trade, City city, int weight, String prefix, String... places) {
        for (String place : places) {
            place(place);
        }
        return new Supplier(name, trade, city, weight, prefix, Set.of(), Set.of(places));
    }

    /** A supplier of the office: it bills overheads and stock, never a trip. */
    private static Supplier office(String name, Trade trade, City city, int weight, String prefix) {
        return new Supplier(name, trade, city, weight, prefix, Set.of(), Set.of());
    }

    /** In {@code vendor} ordinal order; the pack's javadoc names the ranges. */
    static final List<Supplier> SUPPLIERS = List.of(
            // The Chicago carrier flies North America; the others are the transatlantic, Latin American and Pacific ones.
            airline("Aurelian Airways", CHICAGO, 5, "AUR-", Set.of(Region.UNITED_STATES, Region.CANADA), "Mexico City"),
            airline("Halcyon Atlantic Airlines", new City("Boston", "MA", "617"), 3, "HAA", Set.of(Region.EUROPE, Region.MEDITERRANEAN_EAST),
                    "Boston", "New York"),
            airline("Corvina Air", new City("Miami", "FL", "305"), 2, "CVA-", Set.of(Region.LATIN_AMERICA), "Orlando"),
            airline("Marlowe Pacific Air", new City("Seattle", "WA", "206"), 2, "MPA", Set.of(Region.ASIA_PACIFIC),
                    "Seattle", "San Francisco", "Los Angeles", "Juneau"),
            // Hotel groups in the cities they have hotels in; abroad, the tour operators' land packages house travellers.
            local("Harborview Suites Group", Trade.HOTEL, CHICAGO, 4, "HVS-", "New York", "San Francisco", "Dallas", "Atlanta",
                    "Seattle", "Denver", "Los Angeles", "Toronto", "Orlando", "Nashville"),
            local("Casa Alta Hotels", Trade.HOTEL, new City("San Antonio", "TX", "210"), 3, "CAH", "Dallas", "Sedona", "Mexico City",
                    "San José", "Los Angeles", "Napa"),
            local("Old Quarter Inn Collection", Trade.HOTEL, new City("New Orleans", "LA", "504"), 2, "OQI-", "New Orleans", "Savannah",
                    "Nashville", "Branson"),
            local("Pinecrest Lodge & Resort", Trade.HOTEL, new City("Traverse City", "MI", "231"), 2, "PLR", "Mackinac Island",
                    "Gatlinburg", "Jackson Hole", "Banff", "Juneau"),
            local("Larkspur Grand Hotel", Trade.HOTEL, new City("Washington", "DC", "202"), 2, "LGH-", "Washington, D.C.", "New York"),
            local("Quayside Boutique Hotels", Trade.HOTEL, new City("Portland", "ME", "207"), 1, "QBH", "Boston", "Savannah"),
            // Coaches from the Chicago area: to the places a group drives to, and to and from O'Hare for those that fly.
            local("Lakeshore Coachlines", Trade.COACH, CHICAGO, 3, "LSC-", "Chicago", "Washington, D.C.", "Nashville",
                    "Mackinac Island", "Branson", "Gatlinburg"),
            local("Prairie Star Motorcoach", Trade.COACH, new City("Joliet", "IL", "815"), 2, "PSM", "Chicago", "Nashville", "Branson",
                    "Gatlinburg"),
            local("Redline Charter Coaches", Trade.COACH, new City("Milwaukee", "WI", "414"), 1, "RCC-", "Chicago", "Mackinac Island",
                    "Washington, D.C."),
            // Tour operators: guides, entrances and, abroad, the land package.
            local("Costa Serena Tours", Trade.TOUR_OPERATOR, new City("Miami", "FL", "305"), 3, "CST", "Naples", "Florence", "Nice",
                    "Athens", "Split", "Lisbon", "Vienna", "Nassau", "Jerusalem"),
            local("Highland Trails Expeditions", Trade.TOUR_OPERATOR, new City("Denver", "CO", "303"), 2, "HTE-", "Edinburgh",
                    "Reykjavik", "Dublin", "Juneau", "Jackson Hole", "Banff", "Sedona", "Queenstown"),
            local("Sakura Path Journeys", Trade.TOUR_OPERATOR, new City("San Francisco", "CA", "415"), 2, "SPJ", "Kyoto", "Queenstown",
                    "Napa", "Marrakesh"),
            local("Andes Horizon Travel", Trade.TOUR_OPERATOR, new City("Houston", "TX", "713"), 1, "AHT-", "Cusco", "San José",
                    "Mexico City", "New Orleans"),
            office("Calder Street Holdings LLC", Trade.LANDLORD, CHICAGO, 1, "CSH-"),
            office("Whitcombe & Arlen CPAs", Trade.ACCOUNTANTS, CHICAGO, 1, "WA"),
            office("Riverbend Print Works", Trade.PRINTER, CHICAGO, 2, "RPW-"),
            office("Ink & Atlas Promotional Goods", Trade.PRINTER, new City("Elk Grove Village", "IL", "847"), 1, "IAP"),
            office("Itinerix Booking Cloud", Trade.SOFTWARE, new City("Austin", "TX", "512"), 1, "ITX-"),
            office("Parcelle Office Suite", Trade.SOFTWARE, new City("Boston", "MA", "617"), 1, "POS"),
            office("Ashgrove Energy Cooperative", Trade.UTILITY, CHICAGO, 1, "AEC-"),
            office("Signalpoint Business Telecom", Trade.UTILITY, CHICAGO, 1, "SBT"));

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

    /** The months a trip departs in (1 = January). */
    private static Set<Month> months(int... numbers) {
        Set<Month> months = EnumSet.noneOf(Month.class);
        for (int n : numbers) {
            months.add(Month.of(n));
        }
        return months;
    }

    /**
     * A tour sold to individual travellers: its length, its list price per traveller at an average
     * season (a departure in a dear month costs a little more) and the months it departs in.
     */
    record Tour(String name, int nights, int listPrice, Place place, Set<Month> departs) {
    }

    static final List<Tour> TOURS = List.of(
            new Tour("Amalfi Coast & Capri", 9, 3_890, place("Naples"), months(4, 5, 6, 7, 8, 9, 10)),
            new Tour("Highlands of Scotland", 8, 3_450, place("Edinburgh"), months(5, 6, 7, 8, 9)),
            new Tour("Kyoto & Tokyo Discovery", 11, 4_990, place("Kyoto"), months(3, 4, 5, 10, 11)),
            new Tour("Portugal: Lisbon to Porto", 9, 3_150, place("Lisbon"), months(3, 4, 5, 6, 9, 10)),
            new Tour("Iceland Ring Road", 8, 3_690, place("Reykjavik"), months(6, 7, 8, 9)),
            new Tour("Costa Rica Rainforest & Beaches", 10, 2_890, place("San José"), months(1, 2, 3, 4, 12)),
            new Tour("Greek Islands by Ferry", 10, 3_550, place("Athens"), months(5, 6, 7, 8, 9, 10)),
            new Tour("Cusco & Machu Picchu", 8, 3_290, place("Cusco"), months(4, 5, 6, 7, 8, 9, 10)),
            new Tour("Alaska's Inside Passage", 7, 2_790, place("Juneau"), months(5, 6, 7, 8, 9)),
            new Tour("Yellowstone & Grand Teton", 6, 2_390, place("Jackson Hole"), months(6, 7, 8, 9)),
            new Tour("Provence & the Riviera", 9, 3_790, place("Nice"), months(4, 5, 6, 9, 10)),
            new Tour("Dalmatian Coast of Croatia", 9, 3_190, place("Split"), months(5, 6, 7, 8, 9, 10)),
            new Tour("New Zealand's South Island", 14, 5_890, place("Queenstown"), months(1, 2, 3, 11, 12)),
            new Tour("Morocco's Imperial Cities", 10, 2_990, place("Marrakesh"), months(3, 4, 5, 10, 11)),
            new Tour("Canadian Rockies by Rail", 7, 3_390, place("Banff"), months(6, 7, 8, 9)),
            new Tour("Tuscany Food & Wine", 8, 3_590, place("Florence"), months(4, 5, 6, 9, 10)),
            new Tour("Christmas Markets on the Danube", 8, 2_690, place("Vienna"), months(11, 12)));

    /**
     * A trip organised for a group: its length, price per traveller at an average season and the
     * months it departs in. A trip to a place with no fare goes by coach from the group's town.
     */
    record GroupTrip(String name, int nights, int pricePerTraveller, Place place, Set<Month> departs) {
    }

    static final List<GroupTrip> GROUP_TRIP_CATALOG = List.of(
            new GroupTrip("Washington, D.C. heritage trip", 4, 1_190, place("Washington, D.C."), months(3, 4, 5, 6, 9, 10)),
            new GroupTrip("Nashville music weekend", 3, 890, place("Nashville"), months(4, 5, 6, 7, 8, 9, 10, 11)),
            new GroupTrip("Orlando band festival", 5, 1_290, place("Orlando"), months(3, 4, 5)),
            new GroupTrip("Holy Land pilgrimage", 10, 3_890, place("Jerusalem"), months(3, 4, 5, 10, 11)),
            new GroupTrip("Napa Valley wine tour", 5, 2_190, place("Napa"), months(4, 5, 6, 9, 10)),
            new GroupTrip("New Orleans jazz & food tour", 4, 1_390, place("New Orleans"), months(3, 4, 5, 10, 11, 12)),
            new GroupTrip("Grand Canyon & Sedona", 6, 1_990, place("Sedona"), months(3, 4, 5, 9, 10, 11)),
            new GroupTrip("Mackinac Island retreat", 3, 790, place("Mackinac Island"), months(6, 7, 8, 9)),
            new GroupTrip("Ireland heritage tour", 9, 3_290, place("Dublin"), months(5, 6, 7, 8, 9)),
            new GroupTrip("New England fall foliage", 7, 2_290, place("Boston"), months(9, 10)),
            new GroupTrip("Branson shows weekend", 3, 790, place("Branson"), months(4, 5, 6, 7, 8, 9, 10, 11, 12)),
            new GroupTrip("Savannah & Charleston", 6, 1_790, place("Savannah"), months(3, 4, 5, 10, 11)),
            new GroupTrip("Smoky Mountains getaway", 4, 990, place("Gatlinburg"), months(4, 5, 6, 7, 8, 9, 10)),
            new GroupTrip("Alumni cruise to the Bahamas", 7, 1_890, place("Nassau"), months(1, 2, 3, 4, 11, 12)));

    /** The group trips' names, in catalog order. */
    static final List<String> GROUP_TRIPS = GROUP_TRIP_CATALOG.stream().map(GroupTrip::name).toList();

    static GroupTrip groupTrip(String name) {
        return GROUP_TRIP_CATALOG.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no group trip " + name));
    }

    /** Where corporate travellers fly from Chicago, the busiest routes first. */
    static final List<String> BUSINESS_DESTINATIONS = List.of(
            "New York", "San Francisco", "Dallas", "Atlanta", "Boston", "Seattle", "Denver", "Los Angeles", "Toronto",
            "London", "Frankfurt", "Mexico City", "Singapore", "Washington, D.C.");

    /** How often the corporate accounts' staff fly each of {@link #BUSINESS_DESTINATIONS}: the domestic routes most. */
    static final int[] BUSINESS_FREQUENCY = {9, 6, 6, 5, 5, 4, 4, 5, 3, 2, 2, 2, 1, 6};

    /** Where suppliers' bills send travellers (the scenarios draw from these). */
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

    /**
     * A kind of group that travels together ({town} is where it meets): the trips that suit it, and
     * the fewest days between two of its trips (a travel club goes several times a year, a choir or
     * a band once or twice, a family reunion once).
     */
    record GroupKind(String template, int restDays, List<String> trips) {

        GroupKind {
            trips.forEach(Catalog::groupTrip);
        }
    }

    static final List<GroupKind> GROUPS = List.of(
            new GroupKind("{town} Rotary Club", 180, List.of("Washington, D.C. heritage trip", "Napa Valley wine tour",
                    "Ireland heritage tour", "Savannah & Charleston", "New England fall foliage")),
            new GroupKind("{town} Garden Club", 180, List.of("New England fall foliage", "Savannah & Charleston",
                    "Mackinac Island retreat", "Napa Valley wine tour")),
            new GroupKind("{town} High School Band Boosters", 300, List.of("Orlando band festival", "Washington, D.C. heritage trip",
                    "Nashville music weekend")),
            new GroupKind("{town} Senior Center Travelers", 90, List.of("Branson shows weekend", "Smoky Mountains getaway",
                    "Mackinac Island retreat", "New England fall foliage", "Nashville music weekend", "Savannah & Charleston")),
            new GroupKind("{town} Photography Society", 200, List.of("Grand Canyon & Sedona", "New England fall foliage",
                    "Smoky Mountains getaway", "Mackinac Island retreat")),
            new GroupKind("{town} Lutheran Church Choir", 300, List.of("Holy Land pilgrimage", "Washington, D.C. heritage trip",
                    "Nashville music weekend")),
            new GroupKind("{town} Alumni Travel Club", 100, List.of("Alumni cruise to the Bahamas", "Ireland heritage tour",
                    "Napa Valley wine tour", "New Orleans jazz & food tour", "Grand Canyon & Sedona")),
            new GroupKind("{town} Hiking Club", 200, List.of("Grand Canyon & Sedona", "Smoky Mountains getaway",
                    "Mackinac Island retreat")),
            new GroupKind("{town} Chamber of Commerce", 300, List.of("Washington, D.C. heritage trip", "Napa Valley wine tour",
                    "Ireland heritage tour")),
            new GroupKind("{town} Book Club", 200, List.of("Savannah & Charleston", "New Orleans jazz & food tour",
                    "New England fall foliage", "Ireland heritage tour")),
            new GroupKind("{town} Historical Society", 180, List.of("Washington, D.C. heritage trip", "Savannah & Charleston",
                    "Ireland heritage tour", "New England fall foliage", "Mackinac Island retreat")),
            new GroupKind("{town} Women's Club", 150, List.of("Napa Valley wine tour", "New Orleans jazz & food tour",
                    "Savannah & Charleston", "Branson shows weekend", "Nashville music weekend")));

    /** A family gathering for a reunion: once, somewhere the grandparents can get to. */
    static final GroupKind FAMILY_REUNION = new GroupKind("{surname} Family Reunion", 365, List.of("Smoky Mountains getaway",
            "Branson shows weekend", "Mackinac Island retreat"));

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
