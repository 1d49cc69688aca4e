package io.seedreset.packs.eventagency;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The curated half of the pack's realism: the places, themes, price lists and crews that an
 * event agency actually deals with, and the patterns its clients', sponsors' and vendors' names
 * follow. People's names come from {@link io.seedreset.packs.people.People} (real frequencies);
 * everything that has to make sense to someone who plans events for a living is written down
 * here. Names are generic on purpose: no real venues, brands or vendors.
 */
final class Catalog {

    private Catalog() {
    }

    /** A city the agency works in; the area code makes phone numbers look local. */
    record City(String name, String state, String areaCode) {
    }

    /**
     * A regional agency works one metro area, so its vendors, venues and events share a city
     * and a time zone; the region names trade shows ("Great Lakes Hospitality Expo").
     */
    record Metro(String region, ZoneId zone, List<City> cities) {
        City hub() {
            return cities.get(0);
        }
    }

    static final List<Metro> METROS = List.of(
            new Metro("Great Lakes", ZoneId.of("America/Chicago"), List.of(
                    new City("Chicago", "IL", "312"), new City("Evanston", "IL", "847"),
                    new City("Oak Brook", "IL", "630"), new City("Schaumburg", "IL", "847"))),
            new Metro("Hill Country", ZoneId.of("America/Chicago"), List.of(
                    new City("Austin", "TX", "512"), new City("Round Rock", "TX", "512"),
                    new City("San Marcos", "TX", "512"), new City("Georgetown", "TX", "512"))),
            new Metro("Rocky Mountain", ZoneId.of("America/Denver"), List.of(
                    new City("Denver", "CO", "303"), new City("Boulder", "CO", "303"),
                    new City("Aurora", "CO", "720"), new City("Golden", "CO", "303"))),
            new Metro("Middle Tennessee", ZoneId.of("America/Chicago"), List.of(
                    new City("Nashville", "TN", "615"), new City("Franklin", "TN", "615"),
                    new City("Murfreesboro", "TN", "615"), new City("Brentwood", "TN", "615"))),
            new Metro("Pacific Northwest", ZoneId.of("America/Los_Angeles"), List.of(
                    new City("Seattle", "WA", "206"), new City("Bellevue", "WA", "425"),
                    new City("Tacoma", "WA", "253"), new City("Redmond", "WA", "425"))),
            new Metro("New England", ZoneId.of("America/New_York"), List.of(
                    new City("Boston", "MA", "617"), new City("Cambridge", "MA", "617"),
                    new City("Waltham", "MA", "781"), new City("Newton", "MA", "617"))),
            new Metro("Southeast", ZoneId.of("America/New_York"), List.of(
                    new City("Atlanta", "GA", "404"), new City("Marietta", "GA", "770"),
                    new City("Decatur", "GA", "404"), new City("Alpharetta", "GA", "678"))),
            new Metro("Southern California", ZoneId.of("America/Los_Angeles"), List.of(
                    new City("San Diego", "CA", "619"), new City("La Jolla", "CA", "858"),
                    new City("Carlsbad", "CA", "760"), new City("Oceanside", "CA", "760"))));

    // ---------------------------------------------------------------- vendors

    /**
     * Vendor categories in the order a new agency signs them up: the first four are what any
     * event needs, so even the smallest roster can staff a budget and a work order.
     */
    static final List<String> VENDOR_CATEGORIES = List.of("catering", "audio_visual", "staging", "florals",
            "photography", "transportation", "security", "entertainment", "staffing", "printing");

    /**
     * Name patterns per category: {last} is a surname, {last2} another, {city} the vendor's city. A pattern
     * with {first} is named after its owner, who is then also the contact.
     */
    static final Map<String, List<String>> VENDOR_NAMES = Map.of(
            "catering", List.of("{last} Catering Co.", "{last} & {last2} Catering", "{last} Fine Catering",
                    "Harvest Table Catering of {city}"),
            "audio_visual", List.of("{last} Audio Visual", "{last} AV Productions", "{city} Stage & Sound",
                    "{last} Event Technology"),
            "staging", List.of("{last} Staging & Rigging", "{last} Event Structures", "{last} Scenic Works"),
            "florals", List.of("{last} Floral Design", "{first}'s Flowers & Events", "{last} Botanical Studio"),
            "photography", List.of("{first} {last} Photography", "{last} Photo & Film", "{last} Creative Studio"),
            "transportation", List.of("{last} Coach Lines", "{city} Executive Shuttle", "{last} Transportation Group"),
            "security", List.of("{last} Security Services", "{last} Protective Group", "{city} Event Security"),
            "entertainment", List.of("{last} Entertainment Agency", "The {last} Collective", "{last} Live Music"),
            "staffing", List.of("{last} Event Staffing", "{last} Hospitality Staffing", "{city} Event Crew"),
            "printing", List.of("{last} Print & Signage", "{last} Graphics", "{city} Display & Print"));

    /** Crew sizes by category: a stage build needs more hands than a photographer. */
    static final Map<String, int[]> CREW_SIZES = Map.of(
            "catering", new int[] {6, 18}, "audio_visual", new int[] {4, 10}, "staging", new int[] {5, 12},
            "florals", new int[] {2, 5}, "photography", new int[] {1, 3}, "transportation", new int[] {2, 8},
            "security", new int[] {4, 16}, "entertainment", new int[] {3, 8}, "staffing", new int[] {6, 20},
            "printing", new int[] {2, 4});

    /** What a vendor's crew does on site. */
    static final Map<String, List<String>> TASKS = Map.of(
            "catering", List.of("Kitchen setup and meal service", "Set tables and run dinner service"),
            "audio_visual", List.of("Install general session AV and run tech rehearsal", "Rig ballroom sound and lighting"),
            "staging", List.of("Load in and build the main stage", "Set pipe and drape and stage skirting"),
            "florals", List.of("Deliver and place centerpieces and stage arrangements"),
            "photography", List.of("Cover arrivals, program and reception"),
            "transportation", List.of("Run the hotel shuttle loop", "Meet arriving guests and run transfers"),
            "security", List.of("Door security and bag check", "Secure the venue during load-in"),
            "entertainment", List.of("Load in, sound check and perform"),
            "staffing", List.of("Staff registration and badge pickup", "Run coat check and guest services"),
            "printing", List.of("Deliver and install signage and badges"));

    /** Crews that build the room: they load in the afternoon or evening before the event. */
    static final List<String> BUILD_CATEGORIES = List.of("staging", "audio_visual");

    /** Crews that come on site before doors open; the others deliver or perform, which makes a weaker work-order demo. */
    static final List<String> ON_SITE_CATEGORIES = List.of("staging", "audio_visual", "catering", "staffing",
            "security", "transportation");

    // ---------------------------------------------------------------- events

    /** When an event of a type happens: days it spans, local start and end times, and its usual first day. */
    record Schedule(int minDays, int maxDays, LocalTime starts, LocalTime ends, DayOfWeek usualFirstDay) {
    }

    /**
     * How a type of event is named, sized, scheduled and budgeted. {@code cateredPercent} is the
     * share of attendees the agency feeds and seats: everyone at a gala, the VIPs, exhibitors and
     * crew at a festival, whose crowd buys its own food.
     */
    record EventType(String code, int weight, List<String> themes, int minAttendees, int maxAttendees,
                     int cateredPercent, Schedule schedule, List<String> categories, String mainPurpose, String sidePurpose,
                     List<Offer> offers) {
    }

    /**
     * Something the agency sells for an event. A sponsor-side offer goes to an outside company
     * (sponsorships, exhibitor booths); a client-side one is sold to the event's own client.
     */
    record Offer(String title, boolean toSponsor, long minAmount, long maxAmount, long step) {
    }

    /**
     * The agency's menu of events; weights say how often each type comes up. Themes use {client},
     * {city}, {region} and {season}, the season of the event's first day, so no "Summer Festival" falls in March.
     */
    static final List<EventType> EVENT_TYPES = List.of(
            new EventType("conference", 30,
                    List.of("{client} Annual Leadership Summit", "{client} Customer Conference", "{client} Partner Summit",
                            "{client} Industry Summit", "{client} Innovation Forum"),
                    250, 1200, 100, new Schedule(2, 3, LocalTime.of(8, 0), LocalTime.of(17, 30), DayOfWeek.TUESDAY),
                    List.of("catering", "audio_visual", "staging", "printing", "staffing", "photography", "transportation", "security"),
                    "General session", "Breakout sessions",
                    List.of(new Offer("Platinum sponsorship", true, 40_000, 90_000, 2_500),
                            new Offer("Exhibitor booth, 10 x 20 ft", true, 6_000, 14_000, 500),
                            new Offer("Group registration, 25 passes", true, 12_500, 24_000, 250),
                            new Offer("Full event production", false, 120_000, 340_000, 5_000))),
            new EventType("gala", 15,
                    List.of("{client} Foundation Annual Gala", "{client} {season} Benefit Gala", "{client} Founders' Awards Dinner"),
                    150, 500, 100, new Schedule(1, 1, LocalTime.of(18, 0), LocalTime.of(23, 30), DayOfWeek.SATURDAY),
                    List.of("catering", "florals", "entertainment", "audio_visual", "photography", "staging", "security"),
                    "Gala dinner and program", "VIP cocktail reception",
                    List.of(new Offer("Presenting sponsorship", true, 25_000, 60_000, 2_500),
                            new Offer("Table of ten", true, 5_000, 15_000, 500),
                            new Offer("Live auction underwriting", true, 3_000, 12_000, 500),
                            new Offer("Gala production and design", false, 60_000, 180_000, 2_500))),
            new EventType("product_launch", 15,
                    List.of("{client} {season} Product Launch", "{client} Flagship Launch Reception", "{client} Product Preview Night"),
                    80, 300, 100, new Schedule(1, 1, LocalTime.of(17, 30), LocalTime.of(21, 30), DayOfWeek.THURSDAY),
                    List.of("catering", "audio_visual", "staging", "photography", "printing", "staffing"),
                    "Launch presentation and reception", "Press preview",
                    List.of(new Offer("Launch event production", false, 45_000, 150_000, 2_500),
                            new Offer("Press and analyst preview", false, 8_000, 22_000, 500),
                            new Offer("Post-event highlight film", false, 6_500, 15_000, 500))),
            new EventType("offsite", 15,
                    List.of("{client} Executive Offsite", "{client} Leadership Retreat", "{client} Engineering Offsite"),
                    25, 90, 100, new Schedule(2, 3, LocalTime.of(9, 0), LocalTime.of(16, 0), DayOfWeek.WEDNESDAY),
                    List.of("catering", "audio_visual", "transportation", "entertainment", "photography"),
                    "Plenary sessions", "Team workshops",
                    List.of(new Offer("Offsite planning and logistics", false, 25_000, 80_000, 1_000),
                            new Offer("Team-building program", false, 4_500, 12_000, 250),
                            new Offer("Airport and hotel transfers", false, 3_500, 9_500, 250))),
            new EventType("wedding", 10,
                    List.of("{couple} Wedding"),
                    80, 220, 100, new Schedule(1, 1, LocalTime.of(16, 0), LocalTime.of(23, 0), DayOfWeek.SATURDAY),
                    List.of("catering", "florals", "entertainment", "photography", "staging", "transportation"),
                    "Ceremony and reception", "Cocktail hour",
                    List.of(new Offer("Full wedding planning", false, 18_000, 45_000, 500),
                            new Offer("Rehearsal dinner", false, 6_000, 16_000, 250),
                            new Offer("Day-of coordination", false, 2_800, 5_500, 100))),
            new EventType("festival", 7,
                    List.of("{city} Food & Wine Festival", "{city} {season} Music Festival", "{city} Craft Brew Festival"),
                    1500, 6000, 8, new Schedule(2, 3, LocalTime.of(11, 0), LocalTime.of(22, 0), DayOfWeek.FRIDAY),
                    List.of("catering", "staging", "audio_visual", "security", "staffing", "entertainment", "printing"),
                    "Main stage and vendor village", "Hospitality lounge",
                    List.of(new Offer("Title sponsorship", true, 50_000, 120_000, 5_000),
                            new Offer("Vendor village booth", true, 1_500, 4_500, 250),
                            new Offer("Hospitality lounge sponsorship", true, 12_000, 30_000, 1_000))),
            new EventType("trade_show", 8,
                    List.of("{region} Hospitality Expo", "{region} Home & Garden Show", "{region} Manufacturing Expo"),
                    800, 4000, 12, new Schedule(2, 3, LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.TUESDAY),
                    List.of("staging", "audio_visual", "printing", "security", "staffing", "catering", "transportation"),
                    "Exhibit floor", "Education sessions",
                    List.of(new Offer("Exhibitor booth, 20 x 20 ft", true, 9_000, 22_000, 500),
                            new Offer("Show floor sponsorship", true, 20_000, 55_000, 2_500),
                            new Offer("Registration lanyard sponsorship", true, 6_000, 12_000, 500))));

    /**
     * Company names: {last} and {last2} are two different surnames, {place} one of
     * {@link #FIRM_PLACES}, {line} one of {@link #CLIENT_LINES}, {city} and {region} where the
     * agency works. No pattern ends in a vendor's trade (catering, staging, print, ...), so a
     * client or sponsor never takes a vendor's name.
     */
    static final List<String> CLIENT_PATTERNS = List.of("{last} {line}", "{place} {line}");

    /** The lines of business of the firms that book summits, galas, launches and offsites. */
    static final List<String> CLIENT_LINES = List.of("Capital Partners", "Health Systems", "Logistics", "Biosciences",
            "Software", "Financial Group", "Foods", "Realty Group", "Energy", "Insurance", "Analytics",
            "Manufacturing", "Medical Devices", "Hotels & Resorts", "Health Partners", "Capital", "Engineering");

    /** The place-like words small and mid-size firms are named for ("Summit Ridge Capital"). */
    static final List<String> FIRM_PLACES = List.of("Meridian", "Summit Ridge", "Harbor Point", "Cedar Hill", "Granite Peak",
            "Beacon Hill", "Bluewater", "Ironwood", "Keystone", "Lakeshore", "Sterling", "Evergreen", "Pinnacle", "Crescent",
            "Cornerstone", "Riverbend", "Brightwater", "Silver Creek", "Redwood", "Willow Creek", "Highland", "Stonebridge",
            "Fairview", "Oakmont", "Clearwater", "Westfield", "Bayview", "Ashford", "Brookside", "Northgate", "Pioneer",
            "Heritage", "Landmark", "Compass Rose", "Lighthouse", "Blue Ridge", "Copper Creek", "Windward", "Old Mill",
            "Prairie Wind", "Tall Pines", "Mill Creek", "Ridgeline", "Maple Grove");

    /** Organizers of public events (festivals, trade shows). */
    static final List<String> ORGANIZER_PATTERNS = List.of("{region} Events Association", "{last} Exhibitions",
            "{city} Convention & Visitors Bureau", "{last} Festival Group");

    /**
     * Who buys a sponsorship, a table or a booth, by event type: software and advisory firms at a
     * conference, law firms, banks and wealth managers at a gala, breweries and credit unions at a
     * festival, suppliers and contractors on a trade show floor.
     */
    static final Map<String, List<String>> SPONSOR_PATTERNS = Map.of(
            "conference", List.of("{place} Software", "{place} Analytics", "{last} Consulting Group", "{place} Cloud Systems",
                    "{last} & {last2} LLP", "{place} Capital", "{last} Technologies", "{place} Data Systems",
                    "{place} Health Partners", "{last} Advisory"),
            "gala", List.of("{last} & {last2} LLP", "{last} Wealth Management", "{place} Bank", "{place} Health Partners",
                    "{last} Family Foundation", "{city} Orthopedic Associates", "{last} Homes", "{last} Insurance Agency",
                    "{place} Credit Union", "{last} Jewelers"),
            "festival", List.of("{place} Brewing Company", "{place} Credit Union", "{last} Automotive Group",
                    "{city} Community Bank", "{place} Distilling Co.", "{last} Family Farms", "{place} Coffee Roasters",
                    "{place} Outdoor Supply", "{last} Heating & Air"),
            "trade_show", List.of("{last} Industrial Supply", "{place} Fabrication", "{last} Roofing & Siding",
                    "{place} Kitchen & Bath", "{last} Foodservice Equipment", "{place} Hospitality Group",
                    "{last} Landscape Supply", "{last} Machine Works", "{place} Packaging", "{last} Pool & Spa"));

    // ---------------------------------------------------------------- budgets

    /** How a line's quantity is counted. */
    enum Basis {
        /** per guest */
        HEADCOUNT,
        /** per guest per event day */
        GUEST_DAYS,
        /** per event day */
        DAYS,
        /** per table of ten */
        TABLES,
        /** a drawn count between minQuantity and maxQuantity */
        COUNT
    }

    /**
     * A priced line from a vendor's quote. Costs are in cents so per-badge prices stay exact.
     * The guest range and event types keep items where they belong: no LED wall at a thirty-person
     * offsite, no single meeting-room projector for a thousand, no dance floor at a conference.
     */
    record LineItem(String description, Basis basis, int minQuantity, int maxQuantity,
                    long minCents, long maxCents, long stepCents, int minGuests, int maxGuests, List<String> eventTypes) {

        LineItem(String description, Basis basis, int minQuantity, int maxQuantity, long minCents, long maxCents,
                 long stepCents) {
            this(description, basis, minQuantity, maxQuantity, minCents, maxCents, stepCents, 0, Integer.MAX_VALUE, List.of());
        }

        LineItem forAtLeast(int guests) {
            return new LineItem(description, basis, minQuantity, maxQuantity, minCents, maxCents, stepCents, guests,
                    maxGuests, eventTypes);
        }

        LineItem forAtMost(int guests) {
            return new LineItem(description, basis, minQuantity, maxQuantity, minCents, maxCents, stepCents, minGuests,
                    guests, eventTypes);
        }

        LineItem onlyFor(String... types) {
            return new LineItem(description, basis, minQuantity, maxQuantity, minCents, maxCents, stepCents, minGuests,
                    maxGuests, List.of(types));
        }

        boolean fits(EventType type, int guests) {
            return guests >= minGuests && guests <= maxGuests && (eventTypes.isEmpty() || eventTypes.contains(type.code()));
        }
    }

    private static LineItem perGuest(String description, Basis basis, long minDollars, long maxDollars) {
        return new LineItem(description, basis, 1, 1, minDollars * 100, maxDollars * 100, 100);
    }

    private static LineItem counted(String description, int minQuantity, int maxQuantity, long minDollars, long maxDollars,
                                    long stepDollars) {
        return new LineItem(description, Basis.COUNT, minQuantity, maxQuantity, minDollars * 100, maxDollars * 100, stepDollars * 100);
    }

    /** Price lists by vendor category, at mid-market US rates. */
    static final Map<String, List<LineItem>> LINE_ITEMS = Map.of(
            "catering", List.of(
                    perGuest("Plated dinner, three courses", Basis.HEADCOUNT, 78, 165),
                    perGuest("Breakfast and lunch buffet, per guest per day", Basis.GUEST_DAYS, 42, 68),
                    perGuest("Coffee and snack breaks, per guest per day", Basis.GUEST_DAYS, 14, 22),
                    perGuest("Passed hors d'oeuvres reception", Basis.HEADCOUNT, 38, 72)),
            "audio_visual", List.of(
                    new LineItem("General session AV package (LED wall, line array, two cameras), per day", Basis.DAYS, 1, 1,
                            1_400_000, 3_800_000, 25_000).forAtLeast(200),
                    counted("Breakout room AV kit, per room per day", 4, 24, 650, 1_150, 25).forAtLeast(150),
                    counted("Meeting room projector and sound, per day", 2, 6, 450, 850, 25).forAtMost(150),
                    new LineItem("Ballroom sound and lighting package, per day", Basis.DAYS, 1, 1, 450_000, 1_100_000, 25_000)),
            "staging", List.of(
                    counted("Main stage, 32 x 16 ft with skirting and stairs", 1, 1, 6_500, 14_500, 250).forAtLeast(150),
                    counted("Presentation riser, 16 x 8 ft", 1, 1, 1_200, 2_400, 100).forAtMost(300),
                    new LineItem("Pipe and drape, per linear foot", Basis.COUNT, 120, 480, 900, 1_450, 25).forAtLeast(150),
                    counted("Dance floor, 24 x 24 ft", 1, 1, 2_200, 3_800, 100).onlyFor("gala", "wedding")),
            "florals", List.of(
                    new LineItem("Table centerpieces", Basis.TABLES, 1, 1, 8_500, 19_500, 500),
                    counted("Stage and entrance arrangements", 2, 6, 350, 950, 25)),
            "photography", List.of(
                    counted("Event photographer, per hour", 6, 24, 225, 375, 5),
                    counted("Highlight video, filmed and edited", 1, 1, 2_800, 6_500, 100)),
            "transportation", List.of(
                    counted("56-passenger coach, per run", 4, 18, 850, 1_450, 25).forAtLeast(100),
                    counted("Executive sedan transfers", 6, 30, 145, 225, 5)),
            "security", List.of(
                    counted("Licensed security officers, per 8-hour shift", 4, 24, 320, 520, 10).forAtLeast(100),
                    counted("Overnight venue security, per night", 1, 3, 480, 720, 20)),
            "entertainment", List.of(
                    counted("Live band, four-hour performance", 1, 1, 6_500, 16_000, 250),
                    counted("DJ and emcee", 1, 1, 2_200, 4_800, 100),
                    counted("String quartet, ceremony and cocktail hour", 1, 1, 1_800, 3_200, 100).onlyFor("wedding", "gala")),
            "staffing", List.of(
                    counted("Registration and hospitality staff, per shift", 6, 30, 240, 340, 5),
                    counted("Banquet servers, per shift", 8, 40, 260, 360, 5).forAtLeast(100),
                    counted("Event concierge, per day", 1, 3, 380, 520, 10).forAtMost(150)),
            "printing", List.of(
                    new LineItem("Printed badges with lanyards", Basis.HEADCOUNT, 1, 1, 325, 650, 25),
                    counted("Directional signage, 24 x 36 in foam board", 12, 48, 45, 95, 5),
                    counted("Step-and-repeat banner, 8 x 10 ft", 1, 2, 650, 1_250, 25)));

    /** Categories a budget can leave out; the rest appear on every budget whose event uses them. */
    static final List<String> OPTIONAL_CATEGORIES = List.of("photography", "transportation", "security", "printing");

    // ---------------------------------------------------------------- spaces

    record Space(String name, String building, String type, int capacity, long hourlyRate) {
    }

    /**
     * The venues the agency holds on account. Ordered so that any prefix mixes sizes: a
     * four-room roster still has a ballroom, a breakout room, a terrace and an exhibit hall.
     */
    static final List<Space> SPACES = List.of(
            new Space("Grand Ballroom", "Harbor & Vine Conference Center", "ballroom", 900, 1_250),
            new Space("Salon C", "Harbor & Vine Conference Center", "meeting_room", 120, 240),
            new Space("Skyline Terrace", "Harbor & Vine Conference Center", "terrace", 220, 450),
            new Space("Exhibit Hall A", "Harbor & Vine Conference Center", "hall", 3_000, 1_800),
            new Space("Crystal Ballroom", "Alder House", "ballroom", 400, 900),
            new Space("Studio One", "The Millwright Building", "studio", 60, 175),
            new Space("Millwright Hall", "The Millwright Building", "hall", 650, 700),
            new Space("Courtyard Terrace", "Alder House", "terrace", 200, 420),
            new Space("Library Room", "Alder House", "meeting_room", 40, 140),
            new Space("Rooftop Garden", "The Millwright Building", "terrace", 150, 380),
            new Space("Boardroom 4B", "Harbor & Vine Conference Center", "meeting_room", 18, 95),
            new Space("Media Studio B", "The Millwright Building", "studio", 30, 150));
}
