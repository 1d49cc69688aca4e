package io.seedreset.packs.ticketing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * The places and businesses of the ticketing tenant, written down rather than generated: a
 * prospect in the live-events business knows what a stadium, a club or a convention center is and
 * what it charges, so these must make sense to them. Names are invented; cities, states, ZIP codes
 * and time zones are real combinations.
 *
 * <p>A mode takes a prefix of each list, so the order matters: the first two companies are the
 * promoters every demo needs, venue 0 is the stadium scenarios build on, and the first three
 * venues are one large, one medium and one small.
 */
final class Catalog {

    private Catalog() {
    }

    /**
     * A city the tenant sells in. The admissions tax is what the platform adds to a ticket there:
     * California and Oregon tax no admissions, the others a plausible local rate.
     */
    record City(String name, String state, String areaCode, ZoneId zone, BigDecimal admissionsTax) {
    }

    static final City NEW_YORK = new City("New York", "NY", "212", ZoneId.of("America/New_York"), new BigDecimal("0.08875"));
    static final City LOS_ANGELES = new City("Los Angeles", "CA", "213", ZoneId.of("America/Los_Angeles"), BigDecimal.ZERO);
    static final City CHICAGO = new City("Chicago", "IL", "312", ZoneId.of("America/Chicago"), new BigDecimal("0.09"));
    static final City AUSTIN = new City("Austin", "TX", "512", ZoneId.of("America/Chicago"), new BigDecimal("0.0825"));
    static final City NASHVILLE = new City("Nashville", "TN", "615", ZoneId.of("America/Chicago"), new BigDecimal("0.0925"));
    static final City PORTLAND = new City("Portland", "OR", "503", ZoneId.of("America/Los_Angeles"), BigDecimal.ZERO);

    static final List<City> CITIES = List.of(NEW_YORK, LOS_ANGELES, CHICAGO, AUSTIN, NASHVILLE, PORTLAND);

    // ---------------------------------------------------------------- companies

    enum CompanyType { PROMOTER, VENUE, RESELLER }

    /** A business selling through the tenant; {@code domain} is under example.com, so no mail reaches anyone. */
    record CompanySpec(String name, String slug, CompanyType type, String domain, String mailbox, City city) {
        String email() {
            return mailbox + "@" + domain;
        }

        String website() {
            return "https://www." + domain;
        }
    }

    /** Positions in {@link #COMPANIES} that venues, formats and staff refer to; 5, the resale marketplace, sells but books nothing. */
    static final int MAJOR_PROMOTER = 0;
    static final int INDIE_PROMOTER = 1;
    static final int SPORTS_GROUP = 2;
    static final int PERFORMING_ARTS = 3;
    static final int CONVENTION_CENTER = 4;
    static final int COMEDY_PROMOTER = 6;
    static final int FESTIVAL_PRODUCER = 7;
    static final int CONFERENCE_ORGANIZER = 8;
    static final int VENUE_GROUP = 9;

    static final List<CompanySpec> COMPANIES = List.of(
            new CompanySpec("Summit Live Entertainment", "summit-live", CompanyType.PROMOTER, "summitlive.example.com", "booking", LOS_ANGELES),
            new CompanySpec("Red Door Presents", "red-door-presents", CompanyType.PROMOTER, "reddoorpresents.example.com", "shows", CHICAGO),
            new CompanySpec("Lakeshore Sports & Entertainment", "lakeshore-sports", CompanyType.PROMOTER, "lakeshoresports.example.com", "tickets", CHICAGO),
            new CompanySpec("Meridian Performing Arts Center", "meridian-arts", CompanyType.VENUE, "meridianarts.example.com", "boxoffice", NEW_YORK),
            new CompanySpec("Capital City Convention Center", "capital-city-convention", CompanyType.VENUE, "capitalcityconvention.example.com", "events", AUSTIN),
            new CompanySpec("SecondRow Exchange", "secondrow-exchange", CompanyType.RESELLER, "secondrow.example.com", "support", NEW_YORK),
            new CompanySpec("Late Set Comedy Tours", "late-set-comedy", CompanyType.PROMOTER, "latesetcomedy.example.com", "booking", NASHVILLE),
            new CompanySpec("Sunbelt Festival Productions", "sunbelt-festivals", CompanyType.PROMOTER, "sunbeltfestivals.example.com", "info", AUSTIN),
            new CompanySpec("Brightline Conferences", "brightline-conferences", CompanyType.PROMOTER, "brightlineconferences.example.com", "registration", PORTLAND),
            new CompanySpec("Cascade Venue Group", "cascade-venue-group", CompanyType.VENUE, "cascadevenues.example.com", "bookings", PORTLAND));

    // ---------------------------------------------------------------- venues

    /** What a venue is, which decides the shows it hosts. */
    enum VenueKind { STADIUM, ARENA, AMPHITHEATER, CONCERT_HALL, THEATER, CLUB, CONVENTION_CENTER }

    /**
     * A venue; {@code operators} are the companies that could run it, most likely first (the
     * first one present in the mode operates it). {@code homeTeam} plays its home games there.
     */
    record VenueSpec(String name, VenueKind kind, String address, City city, String zip, int capacity,
                     List<Integer> operators, String homeTeam) {
    }

    static final List<VenueSpec> VENUES = List.of(
            new VenueSpec("Lakeshore Stadium", VenueKind.STADIUM, "1600 S Lakefront Dr", CHICAGO, "60616", 61_500,
                    List.of(SPORTS_GROUP, MAJOR_PROMOTER), "Chicago Gales"),
            new VenueSpec("Marlowe Concert Hall", VenueKind.CONCERT_HALL, "312 W 54th St", NEW_YORK, "10019", 2_800,
                    List.of(PERFORMING_ARTS, MAJOR_PROMOTER), null),
            new VenueSpec("The Blue Lantern", VenueKind.CLUB, "708 Red River St", AUSTIN, "78701", 450,
                    List.of(INDIE_PROMOTER, MAJOR_PROMOTER), null),
            new VenueSpec("Pacific Crest Arena", VenueKind.ARENA, "1350 S Olive St", LOS_ANGELES, "90015", 19_000,
                    List.of(MAJOR_PROMOTER), "Los Angeles Comets"),
            new VenueSpec("Cumberland Music Hall", VenueKind.CONCERT_HALL, "410 Commerce St", NASHVILLE, "37219", 2_300,
                    List.of(MAJOR_PROMOTER, INDIE_PROMOTER), null),
            new VenueSpec("Rose City Ballroom", VenueKind.CLUB, "1332 SE Hawthorne Blvd", PORTLAND, "97214", 850,
                    List.of(VENUE_GROUP, INDIE_PROMOTER), null),
            new VenueSpec("Capital City Convention Center", VenueKind.CONVENTION_CENTER, "455 E 4th St", AUSTIN, "78701", 9_000,
                    List.of(CONVENTION_CENTER, MAJOR_PROMOTER), null),
            new VenueSpec("Grand Meridian Theatre", VenueKind.THEATER, "142 W 46th St", NEW_YORK, "10036", 1_600,
                    List.of(PERFORMING_ARTS, MAJOR_PROMOTER), null),
            new VenueSpec("Canyon Ridge Amphitheatre", VenueKind.AMPHITHEATER, "3100 Canyon Ridge Rd", LOS_ANGELES, "90068", 17_500,
                    List.of(MAJOR_PROMOTER), null),
            new VenueSpec("The Foundry Room", VenueKind.CLUB, "1021 W Lake St", CHICAGO, "60607", 600,
                    List.of(INDIE_PROMOTER), null),
            new VenueSpec("Cascade Arena", VenueKind.ARENA, "150 N Interstate Ave", PORTLAND, "97227", 18_000,
                    List.of(VENUE_GROUP, MAJOR_PROMOTER), "Portland Riverhawks"),
            new VenueSpec("Bowery Lights", VenueKind.CLUB, "86 Chrystie St", NEW_YORK, "10002", 350,
                    List.of(INDIE_PROMOTER), null),
            new VenueSpec("Printers Alley Playhouse", VenueKind.THEATER, "215 Printers Alley", NASHVILLE, "37201", 1_100,
                    List.of(PERFORMING_ARTS, COMEDY_PROMOTER, MAJOR_PROMOTER), null),
            new VenueSpec("Five Points Room", VenueKind.CLUB, "1006 Fatherland St", NASHVILLE, "37206", 500,
                    List.of(COMEDY_PROMOTER, INDIE_PROMOTER), null),
            new VenueSpec("Congress Avenue Theatre", VenueKind.THEATER, "820 Congress Ave", AUSTIN, "78701", 1_300,
                    List.of(PERFORMING_ARTS, MAJOR_PROMOTER), null),
            new VenueSpec("Hill Country Stadium", VenueKind.STADIUM, "10400 N Lamar Blvd", AUSTIN, "78753", 20_500,
                    List.of(SPORTS_GROUP, FESTIVAL_PRODUCER, MAJOR_PROMOTER), "Austin Bluebonnets FC"),
            new VenueSpec("Midway Convention Center", VenueKind.CONVENTION_CENTER, "2400 S Indiana Ave", CHICAGO, "60616", 14_000,
                    List.of(CONVENTION_CENTER, MAJOR_PROMOTER), null),
            new VenueSpec("The Laurel Room", VenueKind.CLUB, "1720 W Sunset Blvd", LOS_ANGELES, "90026", 500,
                    List.of(INDIE_PROMOTER, MAJOR_PROMOTER), null),
            new VenueSpec("Pearl District Music Hall", VenueKind.CONCERT_HALL, "1111 NW Glisan St", PORTLAND, "97209", 3_000,
                    List.of(VENUE_GROUP, MAJOR_PROMOTER), null),
            new VenueSpec("Hudson River Expo Center", VenueKind.CONVENTION_CENTER, "540 W 33rd St", NEW_YORK, "10001", 9_500,
                    List.of(CONVENTION_CENTER, PERFORMING_ARTS, MAJOR_PROMOTER), null));

    // ---------------------------------------------------------------- show formats

    enum Category { CONCERT, SPORTS, THEATER, COMEDY, CONFERENCE, FESTIVAL }

    /** When a format's shows happen. */
    enum Timing {
        /** Friday or Saturday night, now and then a Thursday. */
        WEEKEND_EVENING,
        /** Weekend evenings, and a quarter of the time a weekday matinee. */
        EVENING_OR_MATINEE,
        /** Two or three weekdays from the morning. */
        WEEKDAY_DAYTIME,
        /** Two or three consecutive days from a Friday or Saturday noon. */
        WEEKEND_DAYS
    }

    /**
     * A kind of show at a kind of venue: its category, what a general-admission ticket costs there
     * (in whole steps of {@code priceStep} dollars), how long a day of it runs, when it happens, what
     * its three tiers are called, and which companies present it, most likely first.
     */
    enum Format {
        /** Stadiums, arenas and amphitheaters: the "stadium concert" price band. */
        MAJOR_CONCERT(Category.CONCERT, 75, 500, 5, 4, Timing.WEEKEND_EVENING,
                "Early Bird Reserved", "Reserved Seating", "VIP Floor Package", List.of(MAJOR_PROMOTER, INDIE_PROMOTER)),
        HALL_CONCERT(Category.CONCERT, 50, 150, 5, 3, Timing.WEEKEND_EVENING,
                "Early Bird Admission", "General Admission", "VIP Package", List.of(MAJOR_PROMOTER, INDIE_PROMOTER)),
        CLUB_SHOW(Category.CONCERT, 15, 40, 1, 3, Timing.WEEKEND_EVENING,
                "Early Bird GA", "General Admission", "VIP Meet & Greet", List.of(INDIE_PROMOTER, MAJOR_PROMOTER)),
        THEATER(Category.THEATER, 40, 125, 5, 3, Timing.EVENING_OR_MATINEE,
                "Early Bird Mezzanine", "Orchestra", "Premium Orchestra", List.of(PERFORMING_ARTS, MAJOR_PROMOTER)),
        CLUB_COMEDY(Category.COMEDY, 20, 40, 1, 2, Timing.WEEKEND_EVENING,
                "Early Bird Admission", "General Admission", "Front Row Table", List.of(COMEDY_PROMOTER, INDIE_PROMOTER, MAJOR_PROMOTER)),
        COMEDY_SPECIAL(Category.COMEDY, 45, 125, 5, 2, Timing.WEEKEND_EVENING,
                "Early Bird Admission", "Reserved Seating", "VIP Meet & Greet", List.of(COMEDY_PROMOTER, MAJOR_PROMOTER)),
        SPORTS(Category.SPORTS, 30, 300, 5, 3, Timing.WEEKEND_EVENING,
                "Early Bird Upper Level", "Lower Level", "Club Level", List.of(SPORTS_GROUP, MAJOR_PROMOTER)),
        /** $99 to $1,499 in steps of $50: the way conference passes are priced. */
        CONFERENCE(Category.CONFERENCE, 99, 1_499, 50, 8, Timing.WEEKDAY_DAYTIME,
                "Early Bird Pass", "Full Conference Pass", "VIP All-Access Pass", List.of(CONFERENCE_ORGANIZER, CONVENTION_CENTER, MAJOR_PROMOTER)),
        FESTIVAL(Category.FESTIVAL, 89, 349, 10, 11, Timing.WEEKEND_DAYS,
                "Early Bird Weekend Pass", "Weekend Pass", "VIP Weekend Pass", List.of(FESTIVAL_PRODUCER, MAJOR_PROMOTER));

        final Category category;
        final int minPrice;
        final int maxPrice;
        final int priceStep;
        final int hours;
        final Timing timing;
        final String earlyBirdTier;
        final String generalTier;
        final String vipTier;
        final List<Integer> promoters;

        Format(Category category, int minPrice, int maxPrice, int priceStep, int hours, Timing timing,
               String earlyBirdTier, String generalTier, String vipTier, List<Integer> promoters) {
            this.category = category;
            this.minPrice = minPrice;
            this.maxPrice = maxPrice;
            this.priceStep = priceStep;
            this.hours = hours;
            this.timing = timing;
            this.earlyBirdTier = earlyBirdTier;
            this.generalTier = generalTier;
            this.vipTier = vipTier;
            this.promoters = promoters;
        }
    }

    /** A format a venue hosts and how often, in percent. */
    record Booking(Format format, int weight) {
    }

    static List<Booking> bookings(VenueKind kind) {
        return switch (kind) {
            case STADIUM -> List.of(new Booking(Format.MAJOR_CONCERT, 55), new Booking(Format.SPORTS, 45));
            case ARENA -> List.of(new Booking(Format.MAJOR_CONCERT, 55), new Booking(Format.SPORTS, 35), new Booking(Format.COMEDY_SPECIAL, 10));
            case AMPHITHEATER -> List.of(new Booking(Format.MAJOR_CONCERT, 75), new Booking(Format.FESTIVAL, 25));
            case CONCERT_HALL -> List.of(new Booking(Format.HALL_CONCERT, 75), new Booking(Format.COMEDY_SPECIAL, 25));
            case THEATER -> List.of(new Booking(Format.THEATER, 70), new Booking(Format.COMEDY_SPECIAL, 20), new Booking(Format.HALL_CONCERT, 10));
            case CLUB -> List.of(new Booking(Format.CLUB_SHOW, 80), new Booking(Format.CLUB_COMEDY, 20));
            case CONVENTION_CENTER -> List.of(new Booking(Format.CONFERENCE, 75), new Booking(Format.FESTIVAL, 25));
        };
    }
}
