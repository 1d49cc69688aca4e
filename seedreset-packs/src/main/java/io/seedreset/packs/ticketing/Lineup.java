package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.packs.ticketing.Catalog.City;
import io.seedreset.packs.ticketing.Catalog.Format;
import io.seedreset.packs.ticketing.Catalog.VenueSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What is on stage: invented artists, comedians, teams, productions, conferences and festivals,
 * and how a listing names and describes them. A listing reads like one on a real box-office page
 * ("Juniper Vale: Northern Lights Tour"), never like generated filler.
 */
final class Lineup {

    private Lineup() {
    }

    /** What an event is called, how it is tagged and described. */
    record Listing(String name, List<String> tags, String description) {
    }

    private record Act(String name, String genre) {
    }

    /** Acts that fill arenas and amphitheaters. */
    private static final List<Act> HEADLINERS = List.of(
            new Act("The Midnight Arrows", "rock"), new Act("Juniper Vale", "pop"), new Act("Marisol Reyes", "latin"),
            new Act("Harbor & Pine", "folk"), new Act("Velvet Transit", "alternative"), new Act("Dakota Rose", "country"),
            new Act("Nova Cartel", "hip-hop"), new Act("Silver Creek Revival", "country"), new Act("Echo Parade", "indie"),
            new Act("Brass Republic", "funk"), new Act("Lena Hart", "pop"), new Act("Golden Hour Club", "electronic"));

    /** Acts that play clubs and concert halls. */
    private static final List<Act> CLUB_ACTS = List.of(
            new Act("The Paper Lanterns", "indie"), new Act("Wildflower Union", "bluegrass"), new Act("Fox & Ferry", "folk"),
            new Act("The Nightjars", "garage rock"), new Act("Saltwater Hymns", "americana"), new Act("Neon Arcade", "synth-pop"),
            new Act("Lucy Tran", "singer-songwriter"), new Act("Grit City Brass", "jazz"), new Act("Ghost Orchard", "indie rock"),
            new Act("The Low Tides", "surf rock"), new Act("Marcus Bell Trio", "jazz"), new Act("Hollow Pines", "americana"));

    private static final List<String> TOURS = List.of("Northern Lights", "Wide Open Roads", "After Hours", "Golden Coast",
            "Neon Skies", "Heartland", "Higher Ground", "Midnight Run", "Long Way Home", "Electric Dreams");

    private static final List<String> COMEDIANS = List.of("Danny Okafor", "Rita Castellanos", "Sam Whitaker",
            "Priya Nandakumar", "Mike Delgado", "Jen Kowalski", "Andre Little", "Nora Fitzgerald");

    private static final List<String> SPECIALS = List.of("Overthinking It", "No Notes", "Family Group Chat", "Just Visiting",
            "Still Not Sorry", "Reply All");

    private record Production(String title, String genre, String blurb) {
    }

    private static final List<Production> PRODUCTIONS = List.of(
            new Production("Swan Lake", "ballet", "Tchaikovsky's ballet in a new staging, with live orchestra."),
            new Production("A Midsummer Night's Dream", "drama", "Shakespeare's comedy of lovers lost in an enchanted forest."),
            new Production("Carmen", "opera", "Bizet's opera, sung in French with English surtitles."),
            new Production("The Importance of Being Earnest", "drama", "Oscar Wilde's comedy of double lives and cucumber sandwiches."),
            new Production("Riverboat: A New Musical", "musical", "A family-run showboat fights to stay afloat in this new musical."),
            new Production("The Lighthouse Keeper", "drama", "A two-hander about the last keeper on a storm-bound island."),
            new Production("Giselle", "ballet", "The romantic ballet of love, betrayal and forgiveness."),
            new Production("Main Street Lights: The Musical", "musical", "A small-town diner, one last summer, and a big finale."));

    private record Team(String sport, List<String> opponents) {
    }

    /** The home teams of the catalog's stadiums and arenas, and who they play. */
    private static final Map<String, Team> TEAMS = Map.of(
            "Chicago Gales", new Team("football", List.of("Denver Summit", "Atlanta Ironworks", "Seattle Tidewater",
                    "Boston Harriers", "Phoenix Firebirds")),
            "Los Angeles Comets", new Team("basketball", List.of("Portland Riverhawks", "Denver Summit", "Miami Breakers",
                    "Dallas Outlaws", "Brooklyn Ironbridge")),
            "Portland Riverhawks", new Team("hockey", List.of("Seattle Tidewater", "Vancouver Northmen", "Denver Summit",
                    "Minneapolis Frost")),
            "Austin Bluebonnets FC", new Team("soccer", List.of("San Antonio Missions FC", "Houston Oilcats FC",
                    "Phoenix Firebirds FC", "Kansas City Prairie FC")));

    private static final List<String> CONFERENCES = List.of("Future of Retail Summit", "Cloud Native Conference",
            "HealthTech Forum", "Product Leaders Summit", "Data & AI World", "Fintech Founders Summit",
            "Live Events Industry Conference");

    private static final List<String> FESTIVALS = List.of("{city} Food & Wine Festival", "Riverbend Music Festival",
            "{city} Craft Beer Festival", "Sound & Sunset Festival", "{city} Comic & Pop Culture Expo");

    static Listing listing(Draw draw, Format format, VenueSpec venue, LocalDate firstDay) {
        City city = venue.city();
        String year = String.valueOf(firstDay.getYear());
        String tag21 = venue.kind() == Catalog.VenueKind.CLUB ? "21+" : "all-ages";
        return switch (format) {
            case MAJOR_CONCERT -> {
                Act act = draw.pick(HEADLINERS);
                String tour = draw.pick(TOURS);
                yield new Listing(act.name() + ": " + tour + " Tour", List.of(act.genre(), "tour", "all-ages"),
                        "The " + tour + " Tour comes to " + venue.name() + " with a full production and special guests. "
                                + "Doors open 90 minutes before the show.");
            }
            case HALL_CONCERT -> {
                Act act = draw.pick(CLUB_ACTS);
                yield new Listing(act.name() + " Live", List.of(act.genre(), "live-music", tag21),
                        "An intimate seated evening with " + act.name() + " at " + venue.name() + ", " + city.name() + ".");
            }
            case CLUB_SHOW -> {
                Act act = draw.pick(CLUB_ACTS);
                Act support = draw.pick(CLUB_ACTS);
                // The same act of the list (an identity check: a record's equals costs a fresh JVM tens of milliseconds to link).
                String name = support == act ? act.name() + " (Record Release Show)"
                        : act.name() + " with special guests " + support.name();
                yield new Listing(name, List.of(act.genre(), "live-music", tag21),
                        "A night of " + act.genre() + " at " + venue.name() + ". Standing room only; doors open an hour before the show.");
            }
            case THEATER -> {
                Production production = draw.pick(PRODUCTIONS);
                yield new Listing(production.title(), List.of(production.genre(), "theater"), production.blurb());
            }
            case CLUB_COMEDY -> {
                String comedian = draw.pick(COMEDIANS);
                yield new Listing(comedian + " & Friends", List.of("stand-up", "comedy", tag21),
                        comedian + " hosts a late set of stand-up with three guest comics. Two-drink minimum.");
            }
            case COMEDY_SPECIAL -> {
                String comedian = draw.pick(COMEDIANS);
                String special = draw.pick(SPECIALS);
                yield new Listing(comedian + ": " + special + " Tour", List.of("stand-up", "comedy", "tour"),
                        comedian + " brings the " + special + " Tour to " + city.name() + ". Recommended for ages 16 and up.");
            }
            case SPORTS -> {
                Team team = TEAMS.get(venue.homeTeam());
                String opponent = draw.pick(team.opponents());
                yield new Listing(venue.homeTeam() + " vs. " + opponent, List.of(team.sport(), "home-game"),
                        "The " + venue.homeTeam() + " host the " + opponent + " at " + venue.name() + ".");
            }
            case CONFERENCE -> {
                String conference = draw.pick(CONFERENCES);
                yield new Listing(conference + " " + year, List.of("conference", "networking", "professional"),
                        "Keynotes, workshops and an expo floor for practitioners and leaders, at " + venue.name() + ".");
            }
            case FESTIVAL -> {
                String festival = draw.pick(FESTIVALS).replace("{city}", city.name());
                String setting = venue.kind() == Catalog.VenueKind.CONVENTION_CENTER ? "indoor" : "outdoor";
                yield new Listing(festival + " " + year, List.of("festival", setting, "all-ages"),
                        "Two or three days of stages, food and local makers. Weekend and VIP passes available.");
            }
        };
    }
}
